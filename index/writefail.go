package index

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"sync"

	"github.com/blevesearch/bleve/v2/index/scorch"

	"github.com/scdebate/scdebate/corpus"
)

// Bleve writes a generation's segments in the background and, when a write
// fails (a full disk), reports it only to an error callback and tries again
// for ever, about thirty times a second: a merge waited for never ends.
// Every generation being built registers here, by the directory bleve
// writes into, and the first such error stops its build.

// asyncErrorCallback is the name bleve knows the callback by.
const asyncErrorCallback = "scdebate-build"

var builds struct {
	sync.Mutex
	stop map[string]func(error) // bleve's store directory → its build's stop
}

func init() {
	builds.stop = map[string]func(error){}
	scorch.RegistryAsyncErrorCallbacks[asyncErrorCallback] = reportWriteError
}

// reportWriteError is bleve's report of a background write that failed in
// the store at path.
func reportWriteError(err error, path string) {
	builds.Lock()
	stop := builds.stop[filepath.Clean(path)]
	builds.Unlock()
	if stop != nil {
		stop(&WriteError{Path: path, Err: err})
	}
}

// WriteError is a write of the index that failed in bleve's background
// persistence or merging.
type WriteError struct {
	Path string
	Err  error
}

func (e *WriteError) Error() string { return fmt.Sprintf("write %s: %v", e.Path, e.Err) }
func (e *WriteError) Unwrap() error { return e.Err }

// watchWrites returns a context that ends, with a *WriteError as its cause,
// when bleve fails to write into store, and a function that stops
// watching.
func watchWrites(ctx context.Context, store string) (context.Context, func()) {
	ctx, cancel := context.WithCancelCause(ctx)
	key := filepath.Clean(store)
	builds.Lock()
	builds.stop[key] = cancel
	builds.Unlock()
	return ctx, func() {
		builds.Lock()
		delete(builds.stop, key)
		builds.Unlock()
		cancel(nil)
	}
}

// writeFailure turns the error of a build whose writes failed into one that
// says so: for want of room, a *corpus.NoSpaceError naming the workspace
// and about how much room a build of this index needs.
func writeFailure(ws *corpus.Workspace, dir, cur string, err error) error {
	var we *WriteError
	switch {
	case corpus.IsNoSpace(err):
		return ws.NoSpace(dir, spaceNeeded(ws, dir, cur), err)
	case errors.As(err, &we):
		return fmt.Errorf("index %s: %w", dir, err)
	}
	return err
}

// spaceNeeded is about how much room building a generation of the index
// takes: bleve writes the passages in segments, then merges them into one,
// so that a build holds about twice the finished index for a while. The
// finished index is about the size of the one in force, or, without
// one, about four times the records it is built from (3.1 times for 91
// MB of records, 4.9 for the embedded sample).
func spaceNeeded(ws *corpus.Workspace, dir, cur string) int64 {
	size := 4 * corpus.DirSize(ws.Path(corpus.RecordsDir))
	if cur != "" {
		if s := corpus.DirSize(filepath.Join(dir, cur)); s > 0 {
			size = s
		}
	}
	return 2 * size
}
