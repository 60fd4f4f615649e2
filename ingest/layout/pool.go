package layout

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"time"
)

// Pool extracts PDFs in long-lived worker processes, each a child of this
// one that handles document after document. A document that hangs or
// blows up its worker's memory costs that document: the worker is killed
// (at the time limit, on cancellation) or dies (at the memory limit), and
// the next document gets a new one. Starting a worker costs about as much
// as extracting a short record, so a batch keeps its workers; the pool
// starts one for each extraction running at once and keeps it idle in
// between. The zero Pool is ready to use with the zero Options; Close stops
// the idle workers.
type Pool struct {
	Options Options

	mu     sync.Mutex
	idle   []*worker
	closed bool
	// started counts the workers started, for tests.
	started int
}

// worker is one child process serving extraction requests.
type worker struct {
	cmd    *exec.Cmd
	stdin  io.WriteCloser
	stdout io.ReadCloser
	stderr *headBuffer
	req    []byte // the request frame, reused
	resp   []byte // the last answer, reused
}

// Extract extracts one PDF in a worker with the pool's time and memory
// limits. Cancelling ctx kills the worker and returns ctx's error; every
// other failure is an *ExtractError naming the file.
func (p *Pool) Extract(ctx context.Context, path string) (*Document, error) {
	opts := p.Options
	limits := opts.Limits.WithDefaults()
	fail := func(page int, err error) (*Document, error) {
		return nil, &ExtractError{Path: path, Page: page, Err: err}
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return fail(0, err)
	}
	// What can be told without reading the file is told without a worker.
	fi, err := os.Stat(abs)
	switch {
	case err != nil:
		return fail(0, err)
	case fi.IsDir():
		return fail(0, fmt.Errorf("%w: is a directory", ErrNotPDF))
	case fi.Size() > limits.MaxFileSize:
		return fail(0, TooLarge(fi.Size(), limits.MaxFileSize, "bytes"))
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	req := workerRequest{Path: abs, MaxPages: limits.MaxPages, MaxFileSize: limits.MaxFileSize, MemoryLimit: opts.memoryLimit()}
	runCtx, cancel := context.WithTimeout(ctx, opts.timeout())
	defer cancel()
	for {
		w, reused, err := p.get()
		if err != nil {
			return fail(0, err)
		}
		done := make(chan error, 1)
		go func() { done <- w.ask(req) }()
		select {
		case err = <-done:
		case <-runCtx.Done():
			w.kill()
			<-done
			if ctx.Err() != nil {
				return nil, ctx.Err()
			}
			return fail(0, fmt.Errorf("%w after %v", ErrTimeout, opts.timeout()))
		}
		if err != nil && !errors.Is(err, errFrame) {
			// The worker died: of this document (memory, a crash), or,
			// if it had served others, perhaps before it read it — in
			// which case the document gets a new worker.
			exit := w.stop()
			if reused && w.stderr.String() == "" {
				continue
			}
			return fail(0, crashReason(exit, w.stderr.String()))
		}
		var (
			doc *Document
			we  *workerError
		)
		if err == nil {
			doc, we, err = decodeResponse(w.resp)
		}
		if err != nil {
			// An answer that does not decode: the worker is not asked
			// again.
			w.kill()
			return fail(0, fmt.Errorf("%w: %v", ErrCrashed, err))
		}
		p.put(w)
		if we != nil {
			reason := reasonNames[we.Reason]
			if reason == nil {
				return fail(we.Page, errors.New(we.Message))
			}
			return fail(we.Page, &reasonError{reason: reason, msg: we.Message})
		}
		return doc, nil
	}
}

// Close stops the idle workers and waits for them to exit; a worker busy
// with a document stops when it is done. Close may be called more than
// once.
func (p *Pool) Close() error {
	p.mu.Lock()
	idle := p.idle
	p.idle, p.closed = nil, true
	p.mu.Unlock()
	var wg sync.WaitGroup
	for _, w := range idle {
		wg.Add(1)
		go func() {
			defer wg.Done()
			w.stop()
		}()
	}
	wg.Wait()
	return nil
}

// get returns an idle worker (reused), or starts one.
func (p *Pool) get() (w *worker, reused bool, err error) {
	p.mu.Lock()
	if n := len(p.idle); n > 0 {
		w := p.idle[n-1]
		p.idle = p.idle[:n-1]
		p.mu.Unlock()
		return w, true, nil
	}
	p.started++
	p.mu.Unlock()
	w, err = startWorker(p.Options.Command)
	return w, false, err
}

// put keeps a worker that answered for the next document, or stops it
// when the pool is closed.
func (p *Pool) put(w *worker) {
	p.mu.Lock()
	if !p.closed {
		p.idle = append(p.idle, w)
		p.mu.Unlock()
		return
	}
	p.mu.Unlock()
	w.stop()
}

// startWorker starts a worker process: command, or this executable under
// WorkerCommand.
func startWorker(command []string) (*worker, error) {
	if len(command) == 0 {
		exe, err := os.Executable()
		if err != nil {
			return nil, fmt.Errorf("locating the extractor: %w", err)
		}
		command = []string{exe, WorkerCommand}
	}
	cmd := exec.Command(command[0], command[1:]...)
	w := &worker{cmd: cmd, stderr: &headBuffer{max: 8192}}
	cmd.Stderr = w.stderr
	cmd.SysProcAttr = workerAttr()
	// Wait closes the pipes of a killed worker after this much, should
	// something it started hold them open.
	cmd.WaitDelay = 2 * time.Second
	var err error
	if w.stdin, err = cmd.StdinPipe(); err != nil {
		return nil, fmt.Errorf("starting the extractor: %w", err)
	}
	if w.stdout, err = cmd.StdoutPipe(); err != nil {
		return nil, fmt.Errorf("starting the extractor: %w", err)
	}
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("starting the extractor: %w", err)
	}
	return w, nil
}

// ask sends one request and reads the answer into w.resp.
func (w *worker) ask(req workerRequest) error {
	w.req = endFrame(req.append(newFrame(w.req)))
	if _, err := w.stdin.Write(w.req); err != nil {
		return err
	}
	resp, err := readFrame(w.stdout, w.resp, maxResponseBytes)
	if err != nil {
		return err
	}
	w.resp = resp
	return nil
}

// kill ends a worker at once and returns how it exited.
func (w *worker) kill() error {
	w.cmd.Process.Kill()
	w.stdin.Close()
	return w.cmd.Wait()
}

// stop asks a worker to exit (its input ends), kills it if it has not
// within a few seconds, and returns how it exited.
func (w *worker) stop() error {
	w.stdin.Close()
	exited := make(chan error, 1)
	go func() { exited <- w.cmd.Wait() }()
	select {
	case err := <-exited:
		return err
	case <-time.After(5 * time.Second):
		w.cmd.Process.Kill()
		return <-exited
	}
}
