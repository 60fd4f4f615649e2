package index

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/index/scorch/mergeplan"

	"github.com/scdebate/scdebate/analysis"
	"github.com/scdebate/scdebate/corpus"
)

// Options configure Update. The zero value updates the index incrementally
// in batches of 1,000 passages, using the newest annotation stored for each
// record.
type Options struct {
	// TaxonomyHash selects the annotations of one taxonomy; when empty the
	// newest annotation of each record is used, whatever its taxonomy.
	TaxonomyHash string
	// Rebuild builds a new index from every record instead of updating.
	Rebuild bool
	// BatchSize caps the passages per bleve batch (default 1,000).
	BatchSize int
	// BatchBytes caps the text per batch, so that long paragraphs do not
	// grow a batch beyond memory (default 16 MiB).
	BatchBytes int
	// OnProgress is told about each record examined; Item is its path.
	OnProgress corpus.ProgressFunc
	// OnError is told about each record that could not be indexed, and
	// each annotation that could not be read (the record is indexed
	// without themes), with a *RecordError. The record keeps whatever the
	// index held for it before, unless OnError returns an error, which
	// stops the update and leaves the index as it was.
	OnError corpus.ErrorFunc
}

// Stats sums up an update. Its Result counts the workspace's records:
// Written those (re)indexed, Unchanged those left as they were, Failed
// those that could not be read.
type Stats struct {
	corpus.Result
	Generation string
	Rebuilt    bool
	Removed    int // records gone from the workspace
	Passages   int // passages written
	Deleted    int // passages deleted
	InIndex    int // passages in the index afterwards
	Elapsed    time.Duration
}

// RecordError reports a record that could not be indexed.
type RecordError struct {
	Path string
	Err  error
}

func (e *RecordError) Error() string { return fmt.Sprintf("index %s: %v", e.Path, e.Err) }
func (e *RecordError) Unwrap() error { return e.Err }

// Update brings the index of the workspace locked by lk up to date with
// its records and annotations, touching only what changed since the last
// update (or everything, with opts.Rebuild). The new state becomes visible
// to readers atomically when Update returns; on error or cancellation the
// previous index stays in force.
//
// A write that fails (a full disk) stops the update with an error, a
// *corpus.NoSpaceError when the disk is full, however bleve reports it.
func Update(ctx context.Context, lk *corpus.Lock, opts Options) (*Stats, error) {
	ws := lk.Workspace()
	dir := ws.Path(corpus.IndexDir)
	cur, _ := readCurrent(dir)
	st, err := update(ctx, ws, opts)
	if err != nil && ctx.Err() == nil {
		return st, writeFailure(ws, dir, cur, err)
	}
	return st, err
}

func update(ctx context.Context, ws *corpus.Workspace, opts Options) (st *Stats, err error) {
	start := time.Now()
	if opts.BatchSize <= 0 {
		opts.BatchSize = defaultBatchSize
	}
	if opts.BatchBytes <= 0 {
		opts.BatchBytes = 16 << 20
	}
	dir := ws.Path(corpus.IndexDir)
	cur, old, unchanged, err := prepareUpdate(ws, dir, opts)
	if err != nil {
		return nil, err
	}
	if unchanged != nil {
		unchanged.Elapsed = time.Since(start)
		return unchanged, nil
	}

	next, err := nextGeneration(dir)
	if err != nil {
		return nil, err
	}
	genDir := filepath.Join(dir, next)
	committed := false
	defer func() {
		if !committed {
			os.RemoveAll(genDir)
		}
	}()

	// The build stops at the first write bleve fails to make.
	store := filepath.Join(genDir, bleveDir, "store")
	ctx, unwatch := watchWrites(ctx, store)
	defer unwatch()
	defer func() {
		// What stopped on the context stopped for the failed write.
		var we *WriteError
		if err != nil && errors.As(context.Cause(ctx), &we) {
			st, err = nil, we
		}
	}()
	u, err := buildGeneration(ctx, ws, opts, dir, cur, next, old)
	if err != nil {
		return nil, err
	}

	st = u.stats
	st.Elapsed = time.Since(start)
	if old != nil && st.Written == 0 && st.Removed == 0 {
		st.Generation = cur
		if err := keepGeneration(dir, cur, u.seen); err != nil {
			return nil, err
		}
		return st, nil
	}
	if err := u.save(genDir, next); err != nil {
		return nil, err
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if err := writeCurrent(dir, next); err != nil {
		return nil, fmt.Errorf("index %s: switch to %s: %w", dir, next, err)
	}
	committed = true
	// Readers may still be searching the generation just replaced; older
	// ones go.
	if err := removeGenerations(dir, next, cur); err != nil {
		return st, fmt.Errorf("index %s: clean up: %w", dir, err)
	}
	return st, nil
}

// prepareUpdate reads the generation in force, clears what earlier updates
// left, and says what the update starts from: the manifest of the
// generation in force (nil for a rebuild) or, when no record or
// annotation changed since, the Stats of an update with nothing to do.
func prepareUpdate(ws *corpus.Workspace, dir string, opts Options) (cur string, old *manifest, unchanged *Stats, err error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", nil, nil, fmt.Errorf("index %s: %w", dir, err)
	}
	cur, err = readCurrent(dir)
	switch {
	case err != nil && opts.Rebuild:
		// A damaged CURRENT (it is only ever replaced whole, so this is
		// outside damage) names nothing to keep: the rebuild starts afresh.
		cur = ""
	case err != nil:
		return "", nil, nil, err
	}
	// Leftovers of an interrupted update, and generations older than the
	// one readers may still be finishing with, go first.
	if err := removeGenerations(dir, cur, previousGeneration(dir, cur)); err != nil {
		return "", nil, nil, fmt.Errorf("index %s: clean up: %w", dir, err)
	}
	if cur == "" || opts.Rebuild {
		return cur, nil, nil, nil
	}
	if st, ok := unchangedSince(ws, dir, cur, opts); ok {
		return cur, nil, st, nil
	}
	var m manifest
	if err := loadJSON(filepath.Join(dir, cur, manifestFile), &m); err == nil && m.Schema == schemaVersion {
		old = &m
	}
	return cur, old, nil, nil
}

// nextGeneration names the generation after the newest one in dir.
func nextGeneration(dir string) (string, error) {
	gens, err := generations(dir)
	if err != nil {
		return "", err
	}
	if len(gens) == 0 {
		return genName(1), nil
	}
	return genName(gens[len(gens)-1] + 1), nil
}

// buildGeneration writes generation next: a clone of cur brought up to
// date when old is its manifest, a new index otherwise. The index is
// closed when it returns.
func buildGeneration(ctx context.Context, ws *corpus.Workspace, opts Options, dir, cur, next string, old *manifest) (*updater, error) {
	genDir := filepath.Join(dir, next)
	var (
		idx bleve.Index
		err error
	)
	if old != nil {
		if err := cloneBleve(filepath.Join(dir, cur, bleveDir), filepath.Join(genDir, bleveDir)); err != nil {
			return nil, fmt.Errorf("index %s: clone %s: %w", dir, cur, err)
		}
		idx, err = bleve.OpenUsing(filepath.Join(genDir, bleveDir), writeConfig())
	} else {
		if err := os.MkdirAll(genDir, 0o755); err != nil {
			return nil, err
		}
		idx, err = bleve.NewUsing(filepath.Join(genDir, bleveDir), NewMapping(), bleve.Config.DefaultIndexType, bleve.Config.DefaultKVStore, writeConfig())
	}
	if err != nil {
		return nil, fmt.Errorf("index %s: open %s: %w", dir, next, err)
	}
	u := &updater{
		ctx:   ctx,
		ws:    ws,
		opts:  opts,
		idx:   idx,
		store: filepath.Join(genDir, bleveDir, "store"),
		batch: idx.NewBatch(),
		old:   old,
		next:  &manifest{Schema: schemaVersion, Records: map[string]*manifestEntry{}},
		seen:  newStamps(opts),
		stats: &Stats{Generation: next, Rebuilt: old == nil},
	}
	if err := u.run(); err != nil {
		idx.Close()
		return nil, err
	}
	if err := idx.Close(); err != nil {
		return nil, fmt.Errorf("index %s: close %s: %w", dir, next, err)
	}
	return u, nil
}

// keepGeneration ends an update that changed nothing: the clone is
// dropped, and the generation in force stays; the files' stamps may have
// changed (a record rewritten as it was), and are kept for the next
// update.
func keepGeneration(dir, cur string, seen *stamps) error {
	var prev stamps
	if loadJSON(filepath.Join(dir, cur, stampsFile), &prev) == nil && seen.equal(&prev) {
		return nil
	}
	return saveJSON(filepath.Join(dir, cur, stampsFile), seen)
}

// save writes the manifest, the stamps and the summary of generation gen
// into genDir, before it is put in force.
func (u *updater) save(genDir, gen string) error {
	if err := saveJSON(filepath.Join(genDir, manifestFile), u.next); err != nil {
		return err
	}
	if err := saveJSON(filepath.Join(genDir, stampsFile), u.seen); err != nil {
		return err
	}
	return saveJSON(filepath.Join(genDir, infoFile), u.info(gen))
}

// previousGeneration is the newest generation older than cur.
func previousGeneration(dir, cur string) string {
	n, ok := genNumber(cur)
	if !ok {
		return ""
	}
	gens, _ := generations(dir)
	prev := ""
	for _, g := range gens {
		if g < n {
			prev = genName(g)
		}
	}
	return prev
}

type updater struct {
	ctx        context.Context
	ws         *corpus.Workspace
	opts       Options
	idx        bleve.Index
	store      string // the directory of bleve's segment files
	batch      *bleve.Batch
	batchBytes int
	old, next  *manifest
	// seen stamps the records and annotations read, for the next update.
	seen  *stamps
	stats *Stats
	ann   *annotationFinder
}

func (u *updater) run() error {
	paths, err := u.ws.Records().List()
	if err != nil {
		return fmt.Errorf("index: list records: %w", err)
	}
	u.ann, err = newAnnotationFinder(u.ws, u.opts.TaxonomyHash)
	if err != nil {
		return err
	}
	u.stats.Total = len(paths)
	seen := make(map[string]bool, len(paths))
	for i, path := range paths {
		if err := u.ctx.Err(); err != nil {
			return err
		}
		key := strings.TrimSuffix(filepath.Base(path), ".json")
		seen[key] = true
		if err := u.record(key, path); err != nil {
			if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
				return err
			}
			var re *RecordError
			if !errors.As(err, &re) {
				return err // the index itself failed
			}
			u.stats.Failed++
			if e := u.oldEntry(key); e != nil {
				u.next.Records[key] = e
			}
			if err := u.opts.OnError.Report(re.Path, err); err != nil {
				return err
			}
		}
		u.opts.OnProgress.Report(corpus.Progress{Done: i + 1, Total: len(paths), Item: path})
	}
	if u.old != nil {
		for key, e := range u.old.Records {
			if seen[key] {
				continue
			}
			u.stats.Removed++
			for _, id := range e.Docs {
				if err := u.remove(id); err != nil {
					return err
				}
			}
		}
	}
	if err := u.flush(); err != nil {
		return err
	}
	// Bleve merges only segments on disk: everything is persisted first,
	// so that a rebuild does end as one segment.
	if err := u.finish(); err != nil {
		return err
	}
	if err := u.merge(); err != nil {
		return err
	}
	if err := u.finish(); err != nil {
		return err
	}
	if err := u.settle(); err != nil {
		return err
	}
	for _, e := range u.next.Records {
		u.stats.InIndex += len(e.Docs)
	}
	return nil
}

func (u *updater) oldEntry(key string) *manifestEntry {
	if u.old == nil {
		return nil
	}
	return u.old.Records[key]
}

// record indexes one record file if it or its annotation changed.
func (u *updater) record(key, path string) error {
	stamp, _ := corpus.StampOf(path)
	b, err := os.ReadFile(path)
	if err != nil {
		return &RecordError{Path: path, Err: err}
	}
	hash := digest(b)
	prev := u.oldEntry(key)

	var rec *corpus.Record
	sha := ""
	if prev != nil && prev.RecordHash == hash {
		sha = prev.SourceSHA256
	} else {
		rec, err = decodeRecord(b)
		if err != nil {
			return &RecordError{Path: path, Err: err}
		}
		sha = rec.Source.SHA256
	}
	annPath, annBytes, taxonomy := u.ann.find(sha)
	annHash := ""
	if annBytes != nil {
		annHash = digest(annBytes)
	}
	if prev != nil && prev.RecordHash == hash && prev.AnnotationHash == annHash && prev.TaxonomyHash == taxonomy {
		u.next.Records[key] = prev
		u.seen.note(key, stamp, sha, annPath)
		u.stats.Unchanged++
		return nil
	}
	if rec == nil {
		if rec, err = decodeRecord(b); err != nil {
			return &RecordError{Path: path, Err: err}
		}
	}
	var ann *analysis.Annotation
	if annBytes != nil {
		ann, err = decodeAnnotation(annBytes)
		if err != nil {
			// The record is still indexed, without themes; the annotation
			// is retried next time.
			if err := u.opts.OnError.Report(annPath, &RecordError{Path: annPath, Err: err}); err != nil {
				return err
			}
			ann, annHash, taxonomy = nil, "", ""
		}
	}

	passages := Passages(key, rec, ann)
	entry := &manifestEntry{
		RecordHash:     hash,
		SourceSHA256:   rec.Source.SHA256,
		TaxonomyHash:   taxonomy,
		AnnotationHash: annHash,
		Language:       rec.Language,
		Docs:           make([]string, 0, len(passages)),
	}
	ids := make(map[string]bool, len(passages))
	for i := range passages {
		ids[passages[i].ID] = true
	}
	if prev != nil {
		for _, id := range prev.Docs {
			if !ids[id] {
				if err := u.remove(id); err != nil {
					return err
				}
			}
		}
	}
	for i := range passages {
		p := &passages[i]
		if err := u.add(p); err != nil {
			return err
		}
		entry.Docs = append(entry.Docs, p.ID)
	}
	u.next.Records[key] = entry
	u.seen.note(key, stamp, rec.Source.SHA256, annPath)
	u.stats.Written++
	return nil
}

// add checks ctx for every passage: a record with a huge speech has
// thousands of them.
func (u *updater) add(p *Passage) error {
	if err := u.ctx.Err(); err != nil {
		return err
	}
	if err := u.batch.Index(p.ID, p.document()); err != nil {
		return fmt.Errorf("index passage %s: %w", p.ID, err)
	}
	u.stats.Passages++
	u.batchBytes += len(p.Text)
	return u.maybeFlush()
}

func (u *updater) remove(id string) error {
	u.batch.Delete(id)
	u.stats.Deleted++
	return u.maybeFlush()
}

func (u *updater) maybeFlush() error {
	if u.batch.Size() >= u.opts.BatchSize || u.batchBytes >= u.opts.BatchBytes {
		return u.flush()
	}
	return nil
}

func (u *updater) flush() error {
	if u.batch.Size() == 0 {
		return nil
	}
	if err := u.idx.Batch(u.batch); err != nil {
		return fmt.Errorf("index batch: %w", err)
	}
	u.batch.Reset()
	u.batchBytes = 0
	return nil
}

// scorch is the index's scorch engine, nil (with no error) when the index
// uses another.
func (u *updater) scorch() (*scorch.Scorch, error) {
	adv, err := u.idx.Advanced()
	if err != nil {
		return nil, err
	}
	sc, _ := adv.(*scorch.Scorch)
	return sc, nil
}

// merge compacts the generation's segments before it goes live, since
// bleve's background merging stops when the index is closed and every
// search pays for each segment: a rebuild ends as one segment, an update
// as bleve's tiered merge plan leaves it. finish must have persisted
// every batch, and must persist the merge.
func (u *updater) merge() error {
	if u.stats.Passages == 0 && u.stats.Deleted == 0 {
		return nil
	}
	sc, err := u.scorch()
	if sc == nil {
		return err
	}
	plan := mergeplan.DefaultMergePlanOptions
	if u.stats.Rebuilt {
		plan = mergeplan.SingleSegmentMergePlanOptions
		// One task for all segments: bleve's plan merges ten at a time and
		// leaves the rest.
		plan.SegmentsPerMergeTask = math.MaxInt32
	}
	// ForceMerge waits for the merge whatever its context, and a merge
	// whose writes fail is retried for ever: the wait ends with the
	// context too, and closing the index stops the merge.
	merged := make(chan error, 1)
	go func() { merged <- sc.ForceMerge(u.ctx, &plan) }()
	select {
	case err := <-merged:
		if err != nil {
			return fmt.Errorf("index merge: %w", err)
		}
		return u.ctx.Err()
	case <-u.ctx.Done():
		return u.ctx.Err()
	}
}

// finish writes the last batch and waits until bleve has persisted
// everything: batches are written without waiting for each to reach the
// disk (the generation is not visible until committed), so the last
// one's persistence callback is the point where all of them, and any
// merge before it, are durable.
func (u *updater) finish() error {
	persisted := make(chan error, 1)
	u.batch.SetInternal([]byte("scdebate:updated"), []byte(time.Now().UTC().Format(time.RFC3339Nano)))
	u.batch.SetPersistedCallback(func(err error) {
		select {
		case persisted <- err:
		default:
		}
	})
	if err := u.idx.Batch(u.batch); err != nil {
		return fmt.Errorf("index batch: %w", err)
	}
	u.batch.Reset()
	select {
	case err := <-persisted:
		if err != nil {
			return fmt.Errorf("index persist: %w", err)
		}
		return nil
	case <-u.ctx.Done():
		return u.ctx.Err()
	}
}

// How long settle waits for bleve's clean-up, and how often it looks.
const (
	settleTimeout = 10 * time.Second
	settlePause   = 50 * time.Millisecond
)

// settle waits until bleve has deleted the segment files that the merge
// made obsolete. Bleve deletes them in the background, once no snapshot
// in use refers to them; a generation closed before then keeps them for
// good, which after a rebuild doubles the index on disk. Each look that
// finds them still there persists an empty batch, giving bleve's
// persister another pass at its clean-up; after settleTimeout they are
// left, which costs disk space only.
func (u *updater) settle() error {
	sc, err := u.scorch()
	if sc == nil {
		return err
	}
	deadline := time.Now().Add(settleTimeout)
	for {
		live, _ := sc.StatsMap()["TotFileSegmentsAtRoot"].(uint64)
		if segmentFiles(u.store) <= int(live) || time.Now().After(deadline) {
			return nil
		}
		select {
		case <-u.ctx.Done():
			return u.ctx.Err()
		case <-time.After(settlePause):
		}
		if err := u.finish(); err != nil {
			return err
		}
	}
}

// segmentFiles counts bleve's segment files in dir.
func segmentFiles(dir string) int {
	entries, _ := os.ReadDir(dir)
	n := 0
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".zap") {
			n++
		}
	}
	return n
}

// writeConfig is bleve's configuration while building a generation.
func writeConfig() map[string]any {
	return map[string]any{"unsafe_batch": true, "asyncErrorCallbackName": asyncErrorCallback}
}

func (u *updater) info(gen string) *Info {
	in := &Info{Generation: gen, Schema: schemaVersion, Languages: map[string]int{}, TaxonomyHashes: map[string]int{}}
	for _, e := range u.next.Records {
		in.Records++
		in.Passages += len(e.Docs)
		in.Languages[e.Language] += len(e.Docs)
		if e.TaxonomyHash != "" {
			in.TaxonomyHashes[e.TaxonomyHash]++
		}
	}
	return in
}

func digest(b []byte) string {
	h := sha256.Sum256(b)
	return hex.EncodeToString(h[:])
}

func decodeRecord(b []byte) (*corpus.Record, error) {
	var rec corpus.Record
	if err := json.Unmarshal(b, &rec); err != nil {
		return nil, err
	}
	return &rec, nil
}

func decodeAnnotation(b []byte) (*analysis.Annotation, error) {
	var a analysis.Annotation
	if err := json.Unmarshal(b, &a); err != nil {
		return nil, err
	}
	if a.Version != analysis.AnnotationVersion {
		return nil, fmt.Errorf("annotation version %d, want %d", a.Version, analysis.AnnotationVersion)
	}
	return &a, nil
}

// annotationFinder locates the annotation of a record by its source hash.
type annotationFinder struct {
	ws       *corpus.Workspace
	taxonomy string
	// newest maps a record's source hash to its newest annotation file
	// when no taxonomy is given.
	newest map[string]annotationFile
}

type annotationFile struct {
	path, taxonomy string
	mod            time.Time
}

func newAnnotationFinder(ws *corpus.Workspace, taxonomy string) (*annotationFinder, error) {
	f := &annotationFinder{ws: ws, taxonomy: taxonomy}
	if taxonomy != "" {
		return f, nil
	}
	f.newest = map[string]annotationFile{}
	dir := ws.Path(corpus.AnnotationsDir)
	entries, err := os.ReadDir(dir)
	if errors.Is(err, os.ErrNotExist) {
		return f, nil
	}
	if err != nil {
		return nil, fmt.Errorf("index: list annotations: %w", err)
	}
	for _, e := range entries {
		name := e.Name()
		if !e.Type().IsRegular() || strings.HasPrefix(name, ".") || !strings.HasSuffix(name, ".json") {
			continue
		}
		sha, tax, ok := strings.Cut(strings.TrimSuffix(name, ".json"), ".")
		if !ok || sha == "" || tax == "" {
			continue
		}
		info, err := e.Info()
		if err != nil {
			continue
		}
		cand := annotationFile{path: filepath.Join(dir, name), taxonomy: tax, mod: info.ModTime()}
		if have, ok := f.newest[sha]; !ok || cand.mod.After(have.mod) || (cand.mod.Equal(have.mod) && cand.taxonomy > have.taxonomy) {
			f.newest[sha] = cand
		}
	}
	return f, nil
}

// find returns the annotation file of a record, its content and its
// taxonomy hash; content is nil when the record has no annotation.
func (f *annotationFinder) find(sha string) (path string, content []byte, taxonomy string) {
	path, taxonomy = f.locate(sha)
	if path == "" {
		return "", nil, ""
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return "", nil, ""
	}
	return path, b, taxonomy
}

// locate names the annotation file of a record by its source hash, without
// reading it; with a taxonomy given, the file may not exist.
func (f *annotationFinder) locate(sha string) (path, taxonomy string) {
	if sha == "" {
		return "", ""
	}
	if f.taxonomy != "" {
		return analysis.AnnotationFile(f.ws, sha, f.taxonomy), f.taxonomy
	}
	a, ok := f.newest[sha]
	if !ok {
		return "", ""
	}
	return a.path, a.taxonomy
}
