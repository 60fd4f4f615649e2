package analysis

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"

	"github.com/scdebate/scdebate/corpus"
)

// AnalyzeOptions control AnalyzeWorkspace. The zero value analyses with one
// worker per core, skips unchanged records and extracts key phrases.
type AnalyzeOptions struct {
	// Workers is the number of records coded at once; 0 means one per core.
	// They share the coder and its loaded models.
	Workers int
	// Force re-analyses records whose annotation is up to date.
	Force bool
	// SkipKeyPhrases leaves out the noun phrases that EmergingTopics reads.
	SkipKeyPhrases bool
	// OnProgress is told about each record finished; Item is its path.
	OnProgress corpus.ProgressFunc
	// OnError is told about each record that could not be analysed, with
	// a *RecordError; the batch goes on without it unless OnError returns
	// an error.
	OnError corpus.ErrorFunc
	// OnReviewProblem is called, from one goroutine at a time, for each
	// review of a record coded or re-reviewed that does not apply as it
	// stands (stale, naming a theme the taxonomy lacks, or a passage
	// gone).
	OnReviewProblem func(p ReviewProblem)
}

// AnalyzeResult counts what AnalyzeWorkspace did: Written counts the
// records coded, Unchanged those whose annotation was up to date.
type AnalyzeResult struct {
	corpus.Result
	// Reviewed counts the records whose coding was up to date but whose
	// reviews changed: the reviews were applied again, the records not
	// coded again.
	Reviewed int
	// ReviewProblems counts the reviews reported to OnReviewProblem.
	ReviewProblems int
}

// AnalyzeWorkspace codes every record in the workspace's records/ into
// annotations/ (one versioned JSON per record, keyed by its source sha256
// and the taxonomy's hash), with the workspace's reviews applied. A record
// whose annotation is up to date is not coded again; one whose reviews
// alone changed has them applied again to its annotation. It writes to
// the workspace locked by lk; ctx is checked between records. A record
// that cannot be read or coded is passed to OnError and skipped.
func (c *Coder) AnalyzeWorkspace(ctx context.Context, lk *corpus.Lock, opts AnalyzeOptions) (AnalyzeResult, error) {
	ws := lk.Workspace()
	paths, err := ws.Records().List()
	if err != nil {
		return AnalyzeResult{}, fmt.Errorf("list records: %w", err)
	}
	if err := os.MkdirAll(ws.Path(corpus.AnnotationsDir), 0o755); err != nil {
		return AnalyzeResult{}, err
	}
	workers := opts.Workers
	if workers <= 0 {
		workers = runtime.NumCPU()
	}
	workers = min(workers, max(len(paths), 1))
	known := loadUpToDate(ws, c.upToDateSettings(opts))
	reviews, err := LoadReviews(ws)
	if err != nil {
		return AnalyzeResult{}, err
	}
	byRecord := reviews.byRecord()
	// A full disk stops the batch (every record after would fail the
	// same way), as does an error OnError returns.
	var stopped error
	ctx, stop := context.WithCancel(ctx)
	defer stop()

	type outcome struct {
		path string
		fileOutcome
		err error
	}
	jobs := make(chan string)
	results := make(chan outcome)
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for p := range jobs {
				fo, err := c.analyzeFile(ctx, ws, p, opts, byRecord[recordKeyOf(p)], known)
				results <- outcome{p, fo, err}
			}
		}()
	}
	go func() {
		defer close(jobs)
		for _, p := range paths {
			select {
			case jobs <- p:
			case <-ctx.Done():
				return
			}
		}
	}()
	go func() {
		wg.Wait()
		close(results)
	}()

	res := AnalyzeResult{Result: corpus.Result{Total: len(paths)}}
	done := 0
	for o := range results {
		done++
		switch {
		case o.err != nil && ctx.Err() != nil && errors.Is(o.err, ctx.Err()):
			// cancelled mid-record: not a failure of the record
		case stopped != nil:
		case corpus.IsNoSpace(o.err):
			// Annotations take about as much room as their records.
			stopped = ws.NoSpace(ws.Path(corpus.AnnotationsDir), corpus.DirSize(ws.Path(corpus.RecordsDir)), o.err)
			stop()
		case o.err != nil:
			res.Failed++
			if stopped = opts.OnError.Report(o.path, o.err); stopped != nil {
				stop()
			}
		case o.unchanged:
			res.Unchanged++
		case o.reviewed:
			res.Reviewed++
		default:
			res.Written++
		}
		for _, p := range o.problems {
			res.ReviewProblems++
			if opts.OnReviewProblem != nil {
				opts.OnReviewProblem(p)
			}
		}
		opts.OnProgress.Report(corpus.Progress{Done: done, Total: len(paths), Item: o.path})
	}
	if stopped != nil {
		return res, stopped
	}
	if err := ctx.Err(); err != nil {
		return res, err
	}
	if err := known.save(); err != nil {
		return res, fmt.Errorf("annotations: %w", err)
	}
	return res, nil
}

// recordKeyOf is the key of the record stored at path.
func recordKeyOf(path string) string {
	return strings.TrimSuffix(filepath.Base(path), ".json")
}

// fileOutcome is what analyzeFile did with a record.
type fileOutcome struct {
	// unchanged: the annotation was up to date; reviewed: only the
	// reviews were applied again.
	unchanged, reviewed bool
	problems            []ReviewProblem
}

// analyzeFile codes one record file unless its annotation is up to date,
// and applies its reviews (in passage order) unless they are already:
// known tells without reading a record and annotation left as they were.
func (c *Coder) analyzeFile(ctx context.Context, ws *corpus.Workspace, path string, opts AnalyzeOptions, reviews []*Review, known *upToDate) (fo fileOutcome, err error) {
	if err := ctx.Err(); err != nil {
		return fo, err
	}
	defer func() {
		if r := recover(); r != nil {
			err = &RecordError{Path: path, Err: fmt.Errorf("internal error: %v", r)}
		}
	}()
	wantReviews := reviewDigest(reviews)
	if !opts.Force && known.unchanged(path, wantReviews) {
		fo.unchanged = true
		return fo, nil
	}
	stamp, _ := corpus.StampOf(path)
	b, err := os.ReadFile(path)
	if err != nil {
		return fo, &RecordError{Path: path, Err: err}
	}
	// Only the source hash is decoded to find the annotation, and only the
	// annotation's digests to tell it up to date: a run with nothing new
	// does not decode the corpus.
	var head struct {
		Source corpus.Source `json:"source"`
	}
	if err := json.Unmarshal(b, &head); err != nil {
		return fo, &RecordError{Path: path, Err: fmt.Errorf("not a record: %w", err)}
	}
	if head.Source.SHA256 == "" {
		return fo, &RecordError{Path: path, Err: errors.New("record has no source sha256 to key its annotation by")}
	}
	digest := c.inputDigest(b, opts)
	annPath := AnnotationFile(ws, head.Source.SHA256, c.tx.Hash())
	stored, storedReviews := storedDigests(ws, head.Source.SHA256, c.tx.Hash())
	if !opts.Force && stored == digest && storedReviews == wantReviews {
		known.found(path, stamp, annPath, wantReviews)
		fo.unchanged = true
		return fo, nil
	}
	var rec corpus.Record
	if err := json.Unmarshal(b, &rec); err != nil {
		return fo, &RecordError{Path: path, Err: fmt.Errorf("not a record: %w", err)}
	}
	if !opts.Force && stored == digest {
		// The coding is up to date: the reviews alone changed.
		ann, err := ReadAnnotation(ws, head.Source.SHA256, c.tx.Hash())
		if err == nil {
			fo.reviewed = true
			fo.problems = applyReviews(c.tx, ann, recordKeyOf(path), &rec, reviews)
			if err := WriteAnnotation(ws, ann); err != nil {
				return fo, &RecordError{Path: path, Err: fmt.Errorf("write annotation: %w", err)}
			}
			known.found(path, stamp, annPath, wantReviews)
			return fo, nil
		}
	}
	ann, err := c.Code(ctx, &rec)
	if err != nil {
		return fo, &RecordError{Path: path, Err: err}
	}
	ann.InputDigest = digest
	if !opts.SkipKeyPhrases && recordLanguage(&rec) == "en" {
		ann.KeyPhrases = recordKeyPhrases(&rec)
	}
	fo.problems = applyReviews(c.tx, ann, recordKeyOf(path), &rec, reviews)
	if err := WriteAnnotation(ws, ann); err != nil {
		return fo, &RecordError{Path: path, Err: fmt.Errorf("write annotation: %w", err)}
	}
	known.found(path, stamp, annPath, wantReviews)
	return fo, nil
}

// storedDigests are the input and review digests of the stored annotation
// of a record, or "" when there is none of the current version.
func storedDigests(ws *corpus.Workspace, recordSHA256, taxonomyHash string) (input, reviews string) {
	b, err := os.ReadFile(AnnotationFile(ws, recordSHA256, taxonomyHash))
	if err != nil {
		return "", ""
	}
	var head struct {
		Version      int    `json:"version"`
		InputDigest  string `json:"input_digest"`
		ReviewDigest string `json:"review_digest"`
	}
	if json.Unmarshal(b, &head) != nil || head.Version != AnnotationVersion {
		return "", ""
	}
	return head.InputDigest, head.ReviewDigest
}

// inputDigest hashes what an annotation depends on besides the taxonomy:
// the record file, the groups data, the learned layer and whether key
// phrases were extracted.
func (c *Coder) inputDigest(record []byte, opts AnalyzeOptions) string {
	h := sha256.New()
	h.Write(record)
	h.Write([]byte(c.groups.hash))
	if c.model != nil {
		h.Write([]byte(c.model.Hash()))
	}
	if opts.SkipKeyPhrases {
		h.Write([]byte{0})
	} else {
		h.Write([]byte{keyPhraseMethod})
	}
	return hex.EncodeToString(h.Sum(nil)[:12])
}
