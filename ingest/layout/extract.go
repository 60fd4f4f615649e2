package layout

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
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
// use: a child process of this executable, two minutes, 2 GiB, 1000
// pages, 256 MiB files.
type Options struct {
	// Timeout is the time one document may take; the child is killed
	// after it.
	Timeout time.Duration
	// MemoryLimit caps the child's memory, in bytes: the collector
	// defends three quarters of it, and on Linux the address space may
	// not grow by more than it past what the runtime maps at start-up;
	// a document that needs more fails with ErrTooLarge.
	MemoryLimit int64
	// MaxPages refuses longer documents (ErrTooLarge) before extracting
	// anything, so that a 2,000-page file costs next to nothing.
	MaxPages int
	// MaxFileSize refuses larger files (ErrTooLarge).
	MaxFileSize int64
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

func (o Options) maxPages() int {
	if o.MaxPages > 0 {
		return o.MaxPages
	}
	return DefaultMaxPages
}

func (o Options) maxFileSize() int64 {
	if o.MaxFileSize > 0 {
		return o.MaxFileSize
	}
	return DefaultMaxFileSize
}

// Extractor extracts documents with fixed Options; it is the plug-in
// point for callers that take a one-method extractor.
type Extractor struct {
	Options Options
}

// Extract extracts one PDF in a child process.
func (e Extractor) Extract(ctx context.Context, path string) (*Document, error) {
	return Extract(ctx, path, e.Options)
}

// workerRequest and workerResponse are the child's stdin and stdout.
type workerRequest struct {
	Path        string `json:"path"`
	MaxPages    int    `json:"max_pages"`
	MaxFileSize int64  `json:"max_file_size"`
	MemoryLimit int64  `json:"memory_limit"`
}

type workerResponse struct {
	Document *Document    `json:"document,omitempty"`
	Error    *workerError `json:"error,omitempty"`
}

type workerError struct {
	Reason  string `json:"reason,omitempty"`
	Page    int    `json:"page,omitempty"`
	Message string `json:"message"`
}

// Extract extracts one PDF in a child process with a time and memory
// limit, so that a document that hangs or exhausts the PDF library costs
// that document only. Cancelling ctx kills the child and returns ctx's
// error; every other failure is an *ExtractError naming the file.
func Extract(ctx context.Context, path string, opts Options) (*Document, error) {
	fail := func(page int, err error) (*Document, error) {
		return nil, &ExtractError{Path: path, Page: page, Err: err}
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return fail(0, err)
	}
	// What can be told without reading the file is told without a child.
	fi, err := os.Stat(abs)
	switch {
	case err != nil:
		return fail(0, err)
	case fi.IsDir():
		return fail(0, fmt.Errorf("%w: is a directory", ErrNotPDF))
	case fi.Size() > opts.maxFileSize():
		return fail(0, fmt.Errorf("%w: %d bytes (limit %d)", ErrTooLarge, fi.Size(), opts.maxFileSize()))
	}
	command := opts.Command
	if len(command) == 0 {
		exe, err := os.Executable()
		if err != nil {
			return fail(0, fmt.Errorf("locating the extractor: %w", err))
		}
		command = []string{exe, WorkerCommand}
	}
	req, err := json.Marshal(workerRequest{Path: abs, MaxPages: opts.maxPages(), MaxFileSize: opts.maxFileSize(), MemoryLimit: opts.memoryLimit()})
	if err != nil {
		return fail(0, err)
	}
	runCtx, cancel := context.WithTimeout(ctx, opts.timeout())
	defer cancel()
	cmd := exec.CommandContext(runCtx, command[0], command[1:]...)
	cmd.Stdin = bytes.NewReader(req)
	var stdout bytes.Buffer
	stderr := &headBuffer{max: 8192}
	cmd.Stdout = &limitedBuffer{buf: &stdout, max: maxResponseBytes}
	cmd.Stderr = stderr
	cmd.WaitDelay = 2 * time.Second
	cmd.SysProcAttr = workerAttr()
	runErr := cmd.Run()
	if ctx.Err() != nil {
		return nil, ctx.Err()
	}
	if runCtx.Err() != nil {
		return fail(0, fmt.Errorf("%w after %v", ErrTimeout, opts.timeout()))
	}
	var resp workerResponse
	if jsonErr := json.Unmarshal(stdout.Bytes(), &resp); jsonErr != nil || (resp.Document == nil && resp.Error == nil) {
		return fail(0, crashReason(runErr, stderr.String()))
	}
	if resp.Error != nil {
		reason := reasonNames[resp.Error.Reason]
		if reason == nil {
			return fail(resp.Error.Page, errors.New(resp.Error.Message))
		}
		return fail(resp.Error.Page, &reasonError{reason: reason, msg: resp.Error.Message})
	}
	return resp.Document, nil
}

// A document's JSON is a few times its text; this bounds a runaway child.
const maxResponseBytes = 512 << 20

// crashReason explains a child that exited without an answer.
func crashReason(runErr error, stderr string) error {
	last := strings.TrimSpace(stderr)
	if i := strings.IndexByte(last, '\n'); i >= 0 {
		last = last[:i]
	}
	switch {
	case strings.Contains(stderr, "out of memory"), strings.Contains(stderr, "cannot allocate memory"),
		strings.Contains(stderr, "pthread_create failed"), strings.Contains(stderr, "address space"):
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

// ServeWorker is the child's side of Extract: it reads the request on in,
// extracts in this process under the requested memory limit, and writes
// the document or the error to out. It returns an error only when it
// cannot talk to its parent.
func ServeWorker(ctx context.Context, in io.Reader, out io.Writer) error {
	var req workerRequest
	if err := json.NewDecoder(io.LimitReader(in, 1<<20)).Decode(&req); err != nil {
		return fmt.Errorf("reading the extraction request: %w", err)
	}
	if req.MemoryLimit > 0 {
		// The worker lives for one document: the collector can run
		// rarely, and the soft limit makes it work hard before the hard
		// limit kills the process.
		debug.SetGCPercent(800)
		debug.SetMemoryLimit(req.MemoryLimit * 3 / 4)
		limitAddressSpace(req.MemoryLimit)
	}
	doc, err := ExtractInProcess(ctx, req.Path, Options{MaxPages: req.MaxPages, MaxFileSize: req.MaxFileSize})
	var resp workerResponse
	if err != nil {
		we := &workerError{Reason: reasonName(err), Message: err.Error()}
		var ee *ExtractError
		if errors.As(err, &ee) {
			we.Page = ee.Page
			we.Message = oneLine(ee.Err.Error())
		}
		resp.Error = we
	} else {
		resp.Document = doc
	}
	return json.NewEncoder(out).Encode(resp)
}

// limitedBuffer fails writes past max, which makes the child's write fail
// and the child exit, instead of buffering without bound.
type limitedBuffer struct {
	buf *bytes.Buffer
	max int
}

func (b *limitedBuffer) Write(p []byte) (int, error) {
	if b.buf.Len()+len(p) > b.max {
		return 0, errors.New("response too large")
	}
	return b.buf.Write(p)
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
