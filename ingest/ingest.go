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
)

// DefaultTimeout is the time one document may take by default, extraction
// and parsing together.
const DefaultTimeout = 2 * time.Minute

// Options tune a batch. The zero value works: PDFs are refused (set
// Extractor), one worker per CPU, DefaultTimeout per document.
type Options struct {
	// Extractor reads PDFs; nil refuses them with ErrNoExtractor.
	Extractor Extractor
	// Workers is how many documents are extracted and parsed at once.
	Workers int
	// Timeout bounds each document; a document over it fails, the batch
	// goes on.
	Timeout time.Duration
	// OnProgress is called after each document, from one goroutine at a
	// time.
	OnProgress func(Progress)
	// OnError is called for each document that failed, with a *FileError,
	// from one goroutine at a time.
	OnError func(error)
}

// Status of one document in a batch.
const (
	StatusStored  = "stored"  // parsed and written to the corpus
	StatusSkipped = "skipped" // its content is already in the corpus
	StatusFailed  = "failed"  // reported through OnError
)

// Progress reports one finished document.
type Progress struct {
	Done, Total int
	Path        string
	Status      string
	// Record is the stored record's path (stored), or the record that
	// already holds this content (skipped).
	Record string
}

// Result sums up a batch.
type Result struct {
	Total, Stored, Skipped, Failed int
	// Failures lists every failed document, in the order they failed.
	Failures []*FileError
	// Replaced lists the stored documents that took the place of a record
	// of the same symbol and language made from other content (a reissued
	// or corrected version, or another file of the same batch); they count
	// among Stored.
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
	// directory (corpus.Workspace.Restore puts it back).
	Kept string
	// Change is how the new version differs from the previous one.
	Change corpus.Change
}

// Ingest parses the PDF and text files at paths — files, or directories
// searched recursively for .pdf and .txt — into records stored in the
// workspace's corpus. It holds the workspace's writer lock throughout,
// skips content whose sha256 is already stored, writes each record
// atomically, and reports a document that fails (OnError, Result.Failures)
// without stopping the others. The error is for the batch as a whole: the
// lock, the corpus, a cancelled ctx.
func Ingest(ctx context.Context, ws *corpus.Workspace, paths []string, opts Options) (*Result, error) {
	unlock, err := ws.Lock()
	if err != nil {
		return nil, err
	}
	defer unlock()
	store := ws.Records()
	known, err := store.Hashes(ctx)
	if err != nil {
		return nil, fmt.Errorf("read corpus %s: %w", store.Dir, err)
	}
	// Which content each record holds: a record replaced by other content
	// no longer holds the old, which is then no longer "in the corpus".
	holds := make(map[string]string, len(known))
	for sha, rec := range known {
		holds[rec] = sha
	}
	res := &Result{}
	fail := func(fe *FileError) {
		res.Failed++
		res.Failures = append(res.Failures, fe)
		if opts.OnError != nil {
			opts.OnError(fe)
		}
	}
	files, walkErrs := collect(paths)
	res.Total = len(files) + len(walkErrs)
	done := 0
	report := func(path, status, record string) {
		done++
		if opts.OnProgress != nil {
			opts.OnProgress(Progress{Done: done, Total: res.Total, Path: path, Status: status, Record: record})
		}
	}
	for _, fe := range walkErrs {
		fail(fe)
		report(fe.Path, StatusFailed, "")
	}

	// A full disk stops the batch: every document after would fail the
	// same way.
	var full error
	ctx, stop := context.WithCancel(ctx)
	defer stop()

	// Workers read a snapshot of the hashes: content already stored is not
	// extracted again, which makes a repeated batch cheap.
	stored := maps.Clone(known)
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
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for path := range jobs {
				results <- process(ctx, path, stored, opts.Extractor, timeout)
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

	// One goroutine writes, so that two files with the same content in one
	// batch are stored once.
	for out := range results {
		switch {
		case out.err != nil:
			if ctx.Err() != nil && errors.Is(out.err, ctx.Err()) {
				continue
			}
			fail(fileError(out.path, out.err))
			report(out.path, StatusFailed, "")
		case known[out.sha256] != "":
			res.Skipped++
			report(out.path, StatusSkipped, known[out.sha256])
		case full != nil:
			// The disk is full: the documents still coming are not stored.
		default:
			stored, kept, err := store.Replace(out.rec)
			if corpus.IsNoSpace(err) {
				full = ws.NoSpace(store.Dir, unstored(files, done), err)
				stop()
				continue
			}
			if err != nil {
				fail(&FileError{Path: out.path, Err: err})
				report(out.path, StatusFailed, "")
				continue
			}
			if prev, ok := holds[stored]; ok && prev != out.sha256 {
				delete(known, prev)
				r := Replacement{Path: out.path, Record: stored, PreviousSHA256: prev}
				if kept != nil {
					r.Kept, r.Change = kept.Name, corpus.Compare(kept.Record, out.rec)
				}
				res.Replaced = append(res.Replaced, r)
			}
			holds[stored] = out.sha256
			known[out.sha256] = stored
			res.Stored++
			report(out.path, StatusStored, stored)
		}
	}
	if full != nil {
		return res, full
	}
	if err := ctx.Err(); err != nil {
		return res, err
	}
	return res, nil
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
func process(ctx context.Context, path string, stored map[string]string, ex Extractor, timeout time.Duration) outcome {
	out := outcome{path: path}
	src, err := readSource(path)
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
	out.rec, out.err = parseSource(dctx, src, ex)
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
