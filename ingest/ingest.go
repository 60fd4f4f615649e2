package ingest

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/scdebate/scdebate/corpus"
	"github.com/scdebate/scdebate/ingest/layout"
)

// DefaultTimeout is the time one document may take by default, extraction
// and parsing together.
const DefaultTimeout = 2 * time.Minute

// Options tune a batch. The zero value works: PDFs are refused (set
// Extractor), one worker per CPU, DefaultTimeout per document, the
// default Limits.
type Options struct {
	// Extractor reads PDFs; nil refuses them with ErrNoExtractor.
	Extractor Extractor
	// Workers is how many documents are extracted and parsed at once.
	Workers int
	// Timeout bounds each document; a document over it fails, the batch
	// goes on.
	Timeout time.Duration
	// Limits bound what a document may be; zero fields take their
	// defaults. A layout.Pool given as Extractor should have the same in
	// its Options, which bound the PDF before its text reaches these.
	Limits layout.Limits
	// OnProgress is told about each document finished, whether stored,
	// already in the corpus or failed; Item is its path.
	OnProgress corpus.ProgressFunc
	// OnError is told about each document that failed, with a *FileError;
	// returning an error stops the batch.
	OnError corpus.ErrorFunc
}

// Result sums up a batch: Written counts the documents stored, Unchanged
// those whose content was already in the corpus.
type Result struct {
	corpus.Result
	// Failures lists every failed document, in the order they failed.
	Failures []*FileError
	// Replaced lists the stored documents that took the place of a record
	// of the same symbol and language made from other content (a reissued
	// or corrected version, or another file of the same batch); they count
	// among Written.
	Replaced []Replacement
}

// Replacement is a stored document whose record took the place of one
// made from other content.
type Replacement struct {
	Path   string // the document stored
	Record string // the record's path
	// PreviousSHA256 is the sha256 of the content the record held before.
	PreviousSHA256 string
	// Kept names the previous version, kept in the workspace's replaced/
	// directory (corpus.Restore puts it back).
	Kept string
	// Change is how the new version differs from the previous one.
	Change corpus.Change
}

// Ingest parses the PDF and text files at paths — files, or directories
// searched recursively for .pdf and .txt — into records stored in the
// corpus of the workspace locked by lk. It skips content whose sha256 is
// already stored, writes each record atomically, and reports a document
// that fails (OnError, Result.Failures) without stopping the others. The
// error is for the batch as a whole: the corpus, a full disk, a cancelled
// ctx, or the error OnError returned.
func Ingest(ctx context.Context, lk *corpus.Lock, paths []string, opts Options) (*Result, error) {
	ws := lk.Workspace()
	store := ws.Records()
	known, err := store.Hashes(ctx)
	if err != nil {
		return nil, fmt.Errorf("read corpus %s: %w", store.Dir, err)
	}
	files, walkErrs := collect(paths)
	b := &batch{ws: ws, opts: opts, known: known, holds: make(map[string]string, len(known)), res: &Result{}}
	b.res.Total = len(files) + len(walkErrs)
	// Which content each record holds: a record replaced by other content
	// no longer holds the old, which is then no longer "in the corpus".
	for sha, rec := range known {
		b.holds[rec] = sha
	}
	for _, fe := range walkErrs {
		if err := b.fail(fe); err != nil {
			return b.res, err
		}
	}

	ctx, stop := context.WithCancel(ctx)
	defer stop()
	// One goroutine stores, so that two files with the same content in
	// one batch are stored once.
	for out := range extractAll(ctx, files, maps.Clone(known), opts) {
		if b.stopped != nil || ctx.Err() != nil && errors.Is(out.err, ctx.Err()) {
			continue
		}
		if b.stopped = b.store(out, files); b.stopped != nil {
			stop()
		}
	}
	if b.stopped != nil {
		return b.res, b.stopped
	}
	if err := ctx.Err(); err != nil {
		return b.res, err
	}
	return b.res, nil
}

// batch is the state of one Ingest, which one goroutine updates.
type batch struct {
	ws    *corpus.Workspace
	opts  Options
	res   *Result
	known map[string]string // content sha256 → the record holding it
	holds map[string]string // record → the content sha256 it holds
	done  int
	// stopped is what stops the batch: a full disk (every document after
	// would fail the same way), or the error OnError returned.
	stopped error
}

func (b *batch) progress(path string) {
	b.done++
	b.opts.OnProgress.Report(corpus.Progress{Done: b.done, Total: b.res.Total, Item: path})
}

// fail counts a failed document and reports it; the error is OnError's.
func (b *batch) fail(fe *FileError) error {
	b.res.Failed++
	b.res.Failures = append(b.res.Failures, fe)
	err := b.opts.OnError.Report(fe.Path, fe)
	b.progress(fe.Path)
	return err
}

// store stores a document a worker parsed, unless its content is known.
func (b *batch) store(out outcome, files []string) error {
	switch {
	case out.err != nil:
		return b.fail(fileError(out.path, out.err))
	case b.known[out.sha256] != "":
		b.res.Unchanged++
		b.progress(out.path)
		return nil
	}
	store := b.ws.Records()
	stored, kept, err := store.Replace(out.rec)
	if corpus.IsNoSpace(err) {
		return b.ws.NoSpace(store.Dir, unstored(files, b.done), err)
	}
	if err != nil {
		return b.fail(&FileError{Path: out.path, Err: err})
	}
	if prev, ok := b.holds[stored]; ok && prev != out.sha256 {
		delete(b.known, prev)
		r := Replacement{Path: out.path, Record: stored, PreviousSHA256: prev}
		if kept != nil {
			r.Kept, r.Change = kept.Name, corpus.Compare(kept.Record, out.rec)
		}
		b.res.Replaced = append(b.res.Replaced, r)
	}
	b.holds[stored] = out.sha256
	b.known[out.sha256] = stored
	b.res.Written++
	b.progress(out.path)
	return nil
}

// extractAll reads, extracts and parses files with opts.Workers workers,
// skipping the content among stored (a repeated batch is cheap), and
// sends each outcome on the channel it returns, which is closed when all
// are done or ctx ends.
func extractAll(ctx context.Context, files []string, stored map[string]string, opts Options) <-chan outcome {
	jobs := make(chan string)
	results := make(chan outcome)
	workers := opts.Workers
	if workers <= 0 {
		workers = runtime.NumCPU()
	}
	timeout := opts.Timeout
	if timeout <= 0 {
		timeout = DefaultTimeout
	}
	limits := opts.Limits.WithDefaults()
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for path := range jobs {
				results <- process(ctx, path, stored, opts.Extractor, timeout, limits)
			}
		}()
	}
	go func() {
		defer close(jobs)
		for _, f := range files {
			select {
			case jobs <- f:
			case <-ctx.Done():
				return
			}
		}
	}()
	go func() {
		wg.Wait()
		close(results)
	}()
	return results
}

// unstored is about how much room the files of a batch not yet done need
// stored as records: a record takes about as much as its text, which is at
// most about the size of the file it is read from.
func unstored(files []string, done int) int64 {
	var n int64
	for _, f := range files[min(done, len(files)):] {
		if info, err := os.Stat(f); err == nil {
			n += info.Size()
		}
	}
	return n
}

// outcome is one document processed by a worker.
type outcome struct {
	path   string
	sha256 string
	rec    *corpus.Record
	err    error
}

// process reads, extracts and parses one file within its time limit, unless
// its content is among the stored hashes.
func process(ctx context.Context, path string, stored map[string]string, ex Extractor, timeout time.Duration, limits layout.Limits) outcome {
	out := outcome{path: path}
	src, err := readSource(path, limits)
	if err != nil {
		out.err = err
		return out
	}
	out.sha256 = src.sha256
	if stored[src.sha256] != "" {
		return out
	}
	dctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	// The parser checks dctx as it goes and the PDF extractor kills its
	// child process, so a document stops at its time limit and nothing of
	// it outlives its worker: memory follows the number of workers, not
	// the number of documents that ran out of time.
	out.rec, out.err = parseSource(dctx, src, ex, limits)
	switch {
	case out.err == nil:
	case ctx.Err() != nil:
		out.err = ctx.Err()
	case dctx.Err() != nil:
		out.err = fmt.Errorf("time limit of %s exceeded", timeout)
	}
	return out
}

// collect expands the paths: directories are searched recursively for
// .pdf and .txt files (hidden files and directories skipped), files are
// taken as given. Paths that cannot be read are returned as failures.
func collect(paths []string) ([]string, []*FileError) {
	var files []string
	var errs []*FileError
	seen := map[string]bool{}
	add := func(p string) {
		if !seen[p] {
			seen[p] = true
			files = append(files, p)
		}
	}
	for _, root := range paths {
		st, err := os.Stat(root)
		if err != nil {
			errs = append(errs, fileError(root, err))
			continue
		}
		if !st.IsDir() {
			add(root)
			continue
		}
		var found []string
		err = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				errs = append(errs, fileError(p, err))
				if d != nil && d.IsDir() {
					return fs.SkipDir
				}
				return nil
			}
			name := d.Name()
			if strings.HasPrefix(name, ".") && p != root {
				if d.IsDir() {
					return fs.SkipDir
				}
				return nil
			}
			if d.Type().IsRegular() {
				switch strings.ToLower(filepath.Ext(name)) {
				case ".pdf", ".txt":
					found = append(found, p)
				}
			}
			return nil
		})
		if err != nil {
			errs = append(errs, &FileError{Path: root, Err: err})
		}
		sort.Strings(found)
		for _, p := range found {
			add(p)
		}
	}
	return files, errs
}
