package layout

import (
	"context"
	"errors"
	"fmt"
	"io"
	"runtime/debug"
	"strings"
	"time"
)

// WorkerCommand is the hidden sub-command under which the scdebate binary
// runs one extraction for its parent process (see ServeWorker).
const WorkerCommand = "__extract-pdf"

// Defaults for the zero Options.
const (
	DefaultTimeout     = 2 * time.Minute
	DefaultMemoryLimit = 2 << 30
)

// Options bound one document's extraction. The zero value is ready to
// use: a child process of this executable, two minutes, 2 GiB, and the
// default Limits (1,000 pages, 256 MiB files).
type Options struct {
	// Timeout is the time one document may take; the child is killed
	// after it.
	Timeout time.Duration
	// MemoryLimit caps the child's memory, in bytes: the collector
	// defends three quarters of it, and on Linux the address space may
	// not grow by more than it past what the runtime maps at start-up;
	// a document that needs more fails with ErrTooLarge.
	MemoryLimit int64
	// Limits refuse longer and larger documents (ErrTooLarge); only
	// MaxPages and MaxFileSize bear on extraction.
	Limits
	// Command runs the worker: the program and its arguments, which must
	// end up calling ServeWorker. Empty means this executable with
	// WorkerCommand.
	Command []string
}

func (o Options) timeout() time.Duration {
	if o.Timeout > 0 {
		return o.Timeout
	}
	return DefaultTimeout
}

func (o Options) memoryLimit() int64 {
	if o.MemoryLimit > 0 {
		return o.MemoryLimit
	}
	return DefaultMemoryLimit
}

// Extractor extracts documents with fixed Options, each in a worker
// process of its own; it is the plug-in point for callers that take a
// one-method extractor and extract one document now and then. A batch
// uses a Pool.
type Extractor struct {
	Options Options
}

// Extract extracts one PDF in a child process.
func (e Extractor) Extract(ctx context.Context, path string) (*Document, error) {
	return Extract(ctx, path, e.Options)
}

// Extract extracts one PDF in a child process with a time and memory
// limit, so that a document that hangs or exhausts the PDF library costs
// that document only. Cancelling ctx kills the child and returns ctx's
// error; every other failure is an *ExtractError naming the file. It
// starts a worker for this one document: a batch extracts through a Pool.
func Extract(ctx context.Context, path string, opts Options) (*Document, error) {
	p := &Pool{Options: opts}
	defer p.Close()
	return p.Extract(ctx, path)
}

// A document's encoding is a little over its text; this bounds a runaway
// child.
const maxResponseBytes = 512 << 20

// maxRequestBytes bounds a request, which holds a path and three numbers.
const maxRequestBytes = 1 << 20

// crashReason explains a child that exited without an answer.
func crashReason(runErr error, stderr string) error {
	last := strings.TrimSpace(stderr)
	if i := strings.IndexByte(last, '\n'); i >= 0 {
		last = last[:i]
	}
	switch {
	case strings.Contains(stderr, "out of memory"), strings.Contains(stderr, "cannot allocate memory"),
		strings.Contains(stderr, "pthread_create failed"), strings.Contains(stderr, "address space"),
		strings.Contains(stderr, "failed to allocate"): // the race detector's own allocations
		return fmt.Errorf("%w: memory limit exceeded", ErrTooLarge)
	case strings.Contains(stderr, "stack exceeds"):
		return fmt.Errorf("%w: nesting too deep", ErrMalformed)
	case last != "":
		return fmt.Errorf("%w: %v: %s", ErrCrashed, runErr, last)
	case runErr != nil:
		return fmt.Errorf("%w: %v", ErrCrashed, runErr)
	}
	return fmt.Errorf("%w: no answer", ErrCrashed)
}

// workerGCPercent lets the worker's heap grow to this many percent over
// what a document keeps live before collecting: a worker does nothing but
// extract, and its memory limit still bounds it.
const workerGCPercent = 400

// ServeWorker is the child's side of a Pool: it reads requests on in, one
// document each, extracts each in this process under the requested memory
// limit, and writes the document or the error to out, until in is closed.
// It returns an error only when it cannot talk to its parent.
func ServeWorker(ctx context.Context, in io.Reader, out io.Writer) error {
	var (
		limited bool
		reqBuf  []byte
		resp    []byte
	)
	for ctx.Err() == nil {
		p, err := readFrame(in, reqBuf, maxRequestBytes)
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return fmt.Errorf("reading the extraction request: %w", err)
		}
		reqBuf = p
		req, err := decodeRequest(p)
		if err != nil {
			return fmt.Errorf("reading the extraction request: %w", err)
		}
		if req.MemoryLimit > 0 && !limited {
			// The soft limit makes the collector work hard before the
			// hard limit kills the process; every request of a pool
			// carries the same limit.
			debug.SetGCPercent(workerGCPercent)
			debug.SetMemoryLimit(req.MemoryLimit * 3 / 4)
			limitAddressSpace(req.MemoryLimit)
			limited = true
		}
		doc, err := ExtractInProcess(ctx, req.Path, Options{Limits: Limits{MaxPages: req.MaxPages, MaxFileSize: req.MaxFileSize}})
		resp = newFrame(resp)
		if err != nil {
			we := workerError{Reason: reasonName(err), Message: err.Error()}
			var ee *ExtractError
			if errors.As(err, &ee) {
				we.Page = ee.Page
				we.Message = oneLine(ee.Err.Error())
			}
			resp = we.append(resp)
		} else {
			resp = appendDocument(resp, doc)
		}
		doc = nil
		if _, err := out.Write(endFrame(resp)); err != nil {
			return fmt.Errorf("answering the parent: %w", err)
		}
	}
	return nil
}

// headBuffer keeps the first max bytes written: a Go crash says why it
// died before its goroutine dump.
type headBuffer struct {
	b   []byte
	max int
}

func (h *headBuffer) Write(p []byte) (int, error) {
	if room := h.max - len(h.b); room > 0 {
		h.b = append(h.b, p[:min(room, len(p))]...)
	}
	return len(p), nil
}

func (h *headBuffer) String() string { return string(h.b) }
