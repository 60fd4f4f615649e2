// Command scdebate turns the General Assembly's debate on the Security
// Council's annual report into theme-coded evidence, a search index and
// workbooks. It only parses flags, builds the context and calls the
// packages that do the work.
package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/signal"
	"strings"
	"syscall"

	"github.com/scdebate/scdebate/corpus"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	err := newRootCmd().ExecuteContext(ctx)
	interrupted := ctx.Err() != nil
	stop()
	os.Exit(exitCode(err, interrupted))
}

// Exit codes, decided here and nowhere else.
const (
	exitOK          = 0
	exitError       = 1
	exitUsage       = 2
	exitPartial     = 3 // the batch ran, but some documents failed
	exitInterrupted = 130
)

// usageError marks a mistake in the command line.
type usageError struct{ err error }

func (e usageError) Error() string { return e.err.Error() }
func (e usageError) Unwrap() error { return e.err }

// partialError reports a batch that completed with some documents (or
// other items: noun) skipped; the failures have already been listed.
type partialError struct {
	failed, total int
	noun          string
}

func (e partialError) Error() string {
	noun := e.noun
	if noun == "" {
		noun = "documents"
	}
	return fmt.Sprintf("%d of %d %s failed", e.failed, e.total, noun)
}

func exitCode(err error, interrupted bool) int {
	if err == nil {
		return exitOK
	}
	if interrupted || errors.Is(err, context.Canceled) {
		fmt.Fprintln(os.Stderr, "scdebate: interrupted")
		return exitInterrupted
	}
	var ue usageError
	var pe partialError
	var nw *corpus.NoWorkspaceError
	var uv *corpus.UnknownValueError
	msg := err.Error()
	if errors.As(err, &uv) {
		// The value came from a flag of the same name.
		msg = strings.Replace(msg, uv.Error(), "--"+uv.Error(), 1)
	}
	fmt.Fprintln(os.Stderr, "scdebate:", msg)
	switch {
	case errors.As(err, &ue), errors.As(err, &nw), errors.As(err, &uv):
		return exitUsage
	case errors.As(err, &pe):
		return exitPartial
	}
	return exitError
}
