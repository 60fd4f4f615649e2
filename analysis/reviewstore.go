package analysis

import (
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
	"time"

	"github.com/scdebate/scdebate/corpus"
)

// ReviewsFile is where a workspace keeps its experts' reviews.
func ReviewsFile(ws *corpus.Workspace) string { return ws.Path("reviews.json") }

// reviewsFormat numbers the layout of the reviews file.
const reviewsFormat = 1

// MaxReviewsSize bounds the reviews file; a larger one is refused.
const MaxReviewsSize = 256 << 20

// Reviews are a workspace's reviews, by passage.
type Reviews struct {
	byPassage map[string]*Review
}

// LoadReviews reads the workspace's reviews; a workspace without any has
// none. A reviews file that cannot be read is an error naming it, and is
// never written over.
func LoadReviews(ws *corpus.Workspace) (*Reviews, error) {
	rs := &Reviews{byPassage: map[string]*Review{}}
	path := ReviewsFile(ws)
	f, err := os.Open(path)
	if errors.Is(err, os.ErrNotExist) {
		return rs, nil
	}
	if err != nil {
		return nil, err
	}
	defer f.Close()
	b, err := io.ReadAll(io.LimitReader(f, MaxReviewsSize+1))
	if err != nil {
		return nil, fmt.Errorf("reviews %s: %w", path, err)
	}
	if len(b) > MaxReviewsSize {
		return nil, fmt.Errorf("reviews %s: more than %d bytes", path, MaxReviewsSize)
	}
	var file reviewsFileJSON
	if err := json.Unmarshal(b, &file); err != nil {
		return nil, fmt.Errorf("reviews %s: %w (the file is left as it is)", path, err)
	}
	if file.Format != reviewsFormat {
		return nil, fmt.Errorf("reviews %s: format %d; this scdebate reads format %d", path, file.Format, reviewsFormat)
	}
	for _, r := range file.Reviews {
		if r == nil || r.Passage == "" {
			return nil, fmt.Errorf("reviews %s: a review without a passage", path)
		}
		rs.byPassage[r.Passage] = r
	}
	return rs, nil
}

type reviewsFileJSON struct {
	Format  int       `json:"format"`
	Reviews []*Review `json:"reviews"`
}

// save writes the reviews atomically: a writer killed mid-write leaves the
// previous file.
func (rs *Reviews) save(ws *corpus.Workspace) error {
	file := reviewsFileJSON{Format: reviewsFormat, Reviews: rs.All()}
	return corpus.WriteFileAtomic(ReviewsFile(ws), func(w io.Writer) error {
		enc := json.NewEncoder(w)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", " ")
		return enc.Encode(file)
	})
}

// Len is the number of reviewed passages.
func (rs *Reviews) Len() int { return len(rs.byPassage) }

// Get returns the review of a passage, or nil.
func (rs *Reviews) Get(passage string) *Review { return rs.byPassage[passage] }

// All returns every review in passage order (record, speech, paragraph).
func (rs *Reviews) All() []*Review {
	out := make([]*Review, 0, len(rs.byPassage))
	for _, r := range rs.byPassage {
		out = append(out, r)
	}
	sortByPassage(out)
	return out
}

// sortByPassage sorts reviews by record, then speech and paragraph as
// numbers, each passage ID parsed once.
func sortByPassage(reviews []*Review) {
	type keyed struct {
		key    string
		seq, n int
		r      *Review
	}
	ks := make([]keyed, len(reviews))
	for i, r := range reviews {
		k, seq, n, err := corpus.ParsePassageID(r.Passage)
		if err != nil {
			k, seq, n = r.Passage, -1, -1
		}
		ks[i] = keyed{k, seq, n, r}
	}
	slices.SortFunc(ks, func(a, b keyed) int {
		return cmp.Or(strings.Compare(a.key, b.key), cmp.Compare(a.seq, b.seq), cmp.Compare(a.n, b.n))
	})
	for i := range ks {
		reviews[i] = ks[i].r
	}
}

// Unapplied returns the edits that would change the reviews: steps that
// change a passage's review, an unset of a passage that has one, and text
// that is not a review at all. It checks neither passages nor themes: it
// tells whether a reviewer's copy holds work not yet imported.
func (rs *Reviews) Unapplied(edits []ReviewEdit) []ReviewEdit {
	var out []ReviewEdit
	for _, e := range edits {
		prev := rs.byPassage[strings.TrimSpace(e.Passage)]
		if e.Unset {
			if prev != nil {
				out = append(out, e)
			}
			continue
		}
		ops, err := ParseReviewOps(e.Text)
		if err != nil || len(ops) > 0 && !sameDecisions(prev, mergeReview(prev, e.Passage, ops)) {
			out = append(out, e)
		}
	}
	return out
}

// byRecord groups the reviews by record key, each group in passage order.
func (rs *Reviews) byRecord() map[string][]*Review {
	out := map[string][]*Review{}
	for _, r := range rs.All() {
		k, _, _, err := corpus.ParsePassageID(r.Passage)
		if err != nil {
			k = r.Passage
		}
		out[k] = append(out[k], r)
	}
	return out
}

// ReviewEdit is one change asked of a workspace's reviews: review steps to
// add to a passage's review (Text, as ParseReviewOps reads it), or the
// removal of its review (Unset).
type ReviewEdit struct {
	Passage string
	Text    string
	Unset   bool
	// Where names the edit in messages ("row 12"); empty on the command
	// line.
	Where string
	// SeenDigest, when set, is corpus.TextDigest of the paragraph as the
	// reviewer saw it (in a workbook): a paragraph that reads otherwise
	// now is skipped.
	SeenDigest string
}

// ReviewOptions control EditReviews. The zero value checks themes against
// the built-in taxonomy and applies every edit that can be applied.
type ReviewOptions struct {
	// Taxonomy checks the themes named and codes the annotations updated
	// (nil: the built-in taxonomy).
	Taxonomy *Taxonomy
	// Origin is stored with each review changed ("command", a workbook's
	// file name), followed by the edit's Where.
	Origin string
	// SeenAt, when set, is when the reviewer's copy was made (a
	// workbook's time): an edit that would change a review made after it
	// is skipped as a conflict, unless Force.
	SeenAt time.Time
	Force  bool
	// AllOrNothing leaves every review as it was when any edit is skipped
	// (the command line, where one bad argument stops the command).
	AllOrNothing bool
	// DryRun decides every edit and writes nothing.
	DryRun bool
	// Now stamps the reviews changed (zero: the current time).
	Now time.Time
}

// ReviewChange is one review changed by EditReviews.
type ReviewChange struct {
	Passage, Where string
	// Before and After are the review as typed; "" for none.
	Before, After string
}

// ReviewEditError is an edit that was skipped, and why.
type ReviewEditError struct {
	Passage, Where string
	Err            error
}

func (e *ReviewEditError) Error() string {
	var b strings.Builder
	if e.Where != "" {
		b.WriteString(e.Where + ": ")
	}
	if e.Passage != "" {
		b.WriteString(e.Passage + ": ")
	}
	b.WriteString(e.Err.Error())
	return b.String()
}

func (e *ReviewEditError) Unwrap() error { return e.Err }

// ReviewConflictError is an edit from a reviewer's copy made before the
// passage's review last changed.
type ReviewConflictError struct {
	Current *Review
	SeenAt  time.Time
}

func (e *ReviewConflictError) Error() string {
	return fmt.Sprintf("reviewed again (%s) on %s by %s, after this copy was made (%s); left as it is (review set, or import with --force, to change it)",
		e.Current.String(), e.Current.Updated.Local().Format("2006-01-02 15:04"), cmp.Or(e.Current.Origin, "command"), e.SeenAt.Local().Format("2006-01-02 15:04"))
}

// ErrNotReviewed is the reason an unset of a passage without a review is
// skipped.
var ErrNotReviewed = errors.New("the passage has no review")

// ReviewOutcome is what EditReviews did.
type ReviewOutcome struct {
	// Asked counts the edits asked for.
	Asked     int
	Changed   []ReviewChange
	Unchanged int
	Skipped   []*ReviewEditError
	// Records are the keys of the records whose annotation was updated.
	Records []string
	// Problems are the reviews of those records that do not apply as
	// they stand.
	Problems []ReviewProblem
	// Saved tells whether the reviews were written.
	Saved bool
}

// EditReviews applies edits to the reviews of the workspace locked by lk
// and to the stored annotations of the records they touch (under
// Options.Taxonomy), and nothing else: no record is coded again. A
// passage must be a paragraph of a record the workspace holds and has
// analysed; a theme must be the taxonomy's. Each edit that cannot be made
// is skipped with its reason (with AllOrNothing, nothing is changed then);
// the rest are made. The same passage twice with different reviews is
// skipped both times. ctx is checked between records.
func EditReviews(ctx context.Context, lk *corpus.Lock, edits []ReviewEdit, opts ReviewOptions) (ReviewOutcome, error) {
	ws := lk.Workspace()
	out := ReviewOutcome{Asked: len(edits)}
	tx := opts.Taxonomy
	if tx == nil {
		var err error
		if tx, err = DefaultTaxonomy(); err != nil {
			return out, err
		}
	}
	now := opts.Now
	if now.IsZero() {
		now = time.Now()
	}
	rs, err := LoadReviews(ws)
	if err != nil {
		return out, err
	}
	e := &reviewEditor{ws: ws, tx: tx, rs: rs, opts: opts, now: now, out: &out, dropped: map[string]bool{}, made: map[string]bool{}}
	updates, err := e.apply(ctx, e.parse(edits))
	if err != nil {
		return out, err
	}
	if opts.AllOrNothing && len(out.Skipped) > 0 {
		out.Changed = nil
	}
	if len(out.Changed) == 0 || opts.DryRun {
		return out, nil
	}
	err = e.save(updates)
	return out, err
}

// reviewEditor is one EditReviews under way.
type reviewEditor struct {
	ws   *corpus.Workspace
	tx   *Taxonomy
	rs   *Reviews
	opts ReviewOptions
	now  time.Time
	out  *ReviewOutcome
	// dropped are the passages edited twice with different reviews;
	// made, those whose review was set.
	dropped, made map[string]bool
}

// parsedEdit is an edit with its passage and steps read.
type parsedEdit struct {
	ReviewEdit
	key    string
	seq, n int
	ops    []ReviewOp
}

// reviewUpdate is a record whose annotation the reviews change.
type reviewUpdate struct {
	key string
	rec *corpus.Record
	ann *Annotation
}

func (e *reviewEditor) skip(edit ReviewEdit, err error) {
	e.out.Skipped = append(e.out.Skipped, &ReviewEditError{Passage: edit.Passage, Where: edit.Where, Err: err})
}

// parse reads the edits, grouped by record: an edit that cannot be read,
// or names a theme not in the taxonomy, is skipped, and so is a passage
// edited twice with different reviews.
func (e *reviewEditor) parse(edits []ReviewEdit) map[string][]parsedEdit {
	byRecord := map[string][]parsedEdit{}
	first := map[string]int{} // passage → index in edits of its first edit
	for i, edit := range edits {
		edit.Passage = strings.TrimSpace(edit.Passage)
		key, seq, n, err := corpus.ParsePassageID(edit.Passage)
		if err != nil {
			e.out.Skipped = append(e.out.Skipped, &ReviewEditError{Where: edit.Where, Err: err})
			continue
		}
		// A review is of a paragraph, whichever piece of it was named.
		edit.Passage = corpus.PassageID(key, seq, n)
		p := parsedEdit{ReviewEdit: edit, key: key, seq: seq, n: n}
		if !edit.Unset {
			if p.ops, err = ParseReviewOps(edit.Text); err != nil {
				e.skip(edit, err)
				continue
			}
			if err := checkThemes(e.tx, p.ops); err != nil {
				e.skip(edit, err)
				continue
			}
			if len(p.ops) == 0 {
				continue
			}
		}
		if j, seen := first[edit.Passage]; seen {
			prev := edits[j]
			if prev.Unset == edit.Unset && sameOps(prev.Text, edit.Text) {
				continue // the same review twice: once is enough
			}
			if !e.dropped[edit.Passage] {
				e.dropped[edit.Passage] = true
				e.skip(prev, fmt.Errorf("the passage is also at %s, with another review; neither is applied", orDash(edit.Where)))
			}
			e.skip(edit, fmt.Errorf("the passage is also at %s, with another review; neither is applied", orDash(prev.Where)))
			continue
		}
		first[edit.Passage] = i
		byRecord[key] = append(byRecord[key], p)
	}
	return byRecord
}

// apply makes the edits to the reviews in memory, record by record in
// key order, and returns the records whose annotations they change.
func (e *reviewEditor) apply(ctx context.Context, byRecord map[string][]parsedEdit) ([]reviewUpdate, error) {
	var updates []reviewUpdate
	keys := make([]string, 0, len(byRecord))
	for k := range byRecord {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, key := range keys {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		var todo []parsedEdit
		for _, p := range byRecord[key] {
			if !e.dropped[p.Passage] {
				todo = append(todo, p)
			}
		}
		if len(todo) == 0 {
			continue
		}
		rec, ann, err := reviewTarget(ctx, e.ws, e.tx, key)
		if err != nil {
			for _, p := range todo {
				e.skip(p.ReviewEdit, err)
			}
			continue
		}
		changed := false
		for _, p := range todo {
			if e.applyEdit(rec, p) {
				changed = true
			}
		}
		if changed {
			updates = append(updates, reviewUpdate{key, rec, ann})
		}
	}
	return updates, nil
}

// applyEdit makes one edit of a paragraph of rec, reporting whether it
// changed the paragraph's review.
func (e *reviewEditor) applyEdit(rec *corpus.Record, p parsedEdit) bool {
	para := rec.Paragraph(p.seq, p.n)
	if para == nil {
		e.skip(p.ReviewEdit, noParagraphError(rec, p.seq, p.n))
		return false
	}
	digest := corpus.TextDigest(para.Text)
	if p.SeenDigest != "" && p.SeenDigest != digest {
		e.skip(p.ReviewEdit, errors.New("the paragraph's text changed since this copy was made; nothing is changed (review it again in a new workbook)"))
		return false
	}
	prev := e.rs.Get(p.Passage)
	if p.Unset {
		if prev == nil {
			e.skip(p.ReviewEdit, ErrNotReviewed)
			return false
		}
		delete(e.rs.byPassage, p.Passage)
		e.out.Changed = append(e.out.Changed, ReviewChange{Passage: p.Passage, Where: p.Where, Before: prev.String()})
		return true
	}
	next := mergeReview(prev, p.Passage, p.ops)
	if prev != nil && sameDecisions(prev, next) && prev.TextDigest == digest {
		e.out.Unchanged++
		return false
	}
	if prev != nil && !e.opts.SeenAt.IsZero() && prev.Updated.After(e.opts.SeenAt) && !e.opts.Force {
		e.skip(p.ReviewEdit, &ReviewConflictError{Current: prev, SeenAt: e.opts.SeenAt})
		return false
	}
	next.TextDigest, next.Updated, next.Origin = digest, e.now.UTC(), strings.TrimSpace(e.opts.Origin+" "+p.Where)
	e.rs.byPassage[p.Passage] = next
	e.made[p.Passage] = true
	before := ""
	if prev != nil {
		before = prev.String()
	}
	e.out.Changed = append(e.out.Changed, ReviewChange{Passage: p.Passage, Where: p.Where, Before: before, After: next.String()})
	return true
}

// save brings the annotations of the records changed up to date in
// memory, so that each review stores the themes it leaves, then writes
// the reviews and the annotations.
func (e *reviewEditor) save(updates []reviewUpdate) error {
	groups := e.rs.byRecord()
	for _, u := range updates {
		reviews := groups[u.key]
		e.out.Problems = append(e.out.Problems, applyReviews(e.tx, u.ann, u.key, u.rec, reviews)...)
		for _, r := range reviews {
			if _, seq, n, err := corpus.ParsePassageID(r.Passage); err == nil && e.made[r.Passage] {
				if pa := paragraphAnnotation(u.ann, seq, n); pa != nil {
					r.Themes = slices.Clone(pa.Themes)
				}
			}
		}
	}
	if err := e.rs.save(e.ws); err != nil {
		// A full disk leaves the reviews as they were, and says so.
		var need int64
		if fi, serr := os.Stat(ReviewsFile(e.ws)); serr == nil {
			need = fi.Size()
		}
		return fmt.Errorf("save reviews: %w", e.ws.NoSpace(ReviewsFile(e.ws), need, err))
	}
	e.out.Saved = true
	for _, u := range updates {
		if err := WriteAnnotation(e.ws, u.ann); err != nil {
			return fmt.Errorf("reviews saved; annotation of %s not updated (scdebate analyze will): %w", u.rec.Symbol, err)
		}
		e.out.Records = append(e.out.Records, u.key)
	}
	return nil
}

func orDash(s string) string { return cmp.Or(s, "another place") }

// sameOps tells whether two typed reviews have the same steps.
func sameOps(a, b string) bool {
	x, errx := ParseReviewOps(a)
	y, erry := ParseReviewOps(b)
	return errx == nil && erry == nil && slices.Equal(x, y)
}

// checkThemes tells whether every theme the steps name is tx's; one that
// is not is a *corpus.UnknownValueError offering the nearest theme IDs.
func checkThemes(tx *Taxonomy, ops []ReviewOp) error {
	for _, op := range ops {
		if op.None {
			continue
		}
		if _, ok := tx.Theme(op.Theme); !ok {
			var cands []corpus.Candidate
			for _, t := range tx.Themes {
				cands = append(cands, corpus.Candidate{Keys: []string{t.ID}, Label: t.ID})
			}
			return &corpus.UnknownValueError{Param: "theme", Value: op.Theme, What: "theme",
				Suggestions: corpus.Suggest(op.Theme, cands, corpus.FoldKey), Hint: `"scdebate themes" lists them`}
		}
	}
	return nil
}

// reviewTarget loads the record with key and its annotation under tx.
func reviewTarget(ctx context.Context, ws *corpus.Workspace, tx *Taxonomy, key string) (*corpus.Record, *Annotation, error) {
	rec, err := corpus.Load(ctx, ws.Path(corpus.RecordsDir, key+".json"))
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil, noRecordError(ws, key)
	}
	if err != nil {
		return nil, nil, err
	}
	ann, err := ReadAnnotation(ws, rec.Source.SHA256, tx.Hash())
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil, fmt.Errorf("%s has not been analysed with this taxonomy (%s): analyse it first, or give the theme file it was analysed with", key, tx.Source)
	}
	if err != nil {
		return nil, nil, err
	}
	return rec, ann, nil
}

// noRecordError says that the workspace has no record with key, naming the
// ones with the same symbol in other languages.
func noRecordError(ws *corpus.Workspace, key string) error {
	symbol := key
	if i := strings.LastIndexByte(key, '.'); i > 0 {
		symbol = key[:i]
	}
	var near []string
	if paths, err := ws.Records().List(); err == nil {
		for _, p := range paths {
			k := strings.TrimSuffix(p[strings.LastIndexByte(p, os.PathSeparator)+1:], ".json")
			if strings.HasPrefix(k, symbol+".") {
				near = append(near, k)
			}
		}
	}
	msg := fmt.Sprintf("the workspace has no record %s", key)
	if len(near) > 0 {
		msg += "; it has " + strings.Join(near, ", ")
	}
	return errors.New(msg)
}

// noParagraphError says what a record has instead of a missing paragraph.
func noParagraphError(rec *corpus.Record, seq, n int) error {
	for _, sp := range rec.Speeches {
		if sp.Seq != seq {
			continue
		}
		if len(sp.Paragraphs) == 0 {
			return fmt.Errorf("speech %d of %s has no paragraphs", seq, rec.Symbol)
		}
		return fmt.Errorf("speech %d of %s has no paragraph %d (it has %d to %d)", seq, rec.Symbol, n, sp.Paragraphs[0].N, sp.Paragraphs[len(sp.Paragraphs)-1].N)
	}
	return fmt.Errorf("%s has no speech %d (it has %d speeches)", rec.Symbol, seq, len(rec.Speeches))
}

func paragraphAnnotation(ann *Annotation, seq, n int) *ParagraphAnnotation {
	for i := range ann.Speeches {
		sa := &ann.Speeches[i]
		if sa.Seq != seq {
			continue
		}
		for j := range sa.Paragraphs {
			if sa.Paragraphs[j].N == n {
				return &sa.Paragraphs[j]
			}
		}
	}
	return nil
}

// ReviewState is a stored review with what keeps it from applying.
type ReviewState struct {
	*Review
	// Symbol and Language are the record's, when the workspace has it.
	Symbol, Language string
	Problems         []ReviewProblem
}

// ReviewFilter selects reviews to list. The zero value lists them all.
type ReviewFilter struct {
	// Symbols keeps the reviews of records with one of these symbols or
	// record keys.
	Symbols []string
	// Themes keeps the reviews that set or take away one of these themes.
	Themes []string
	// Problems keeps the reviews that do not apply as they stand; Kinds
	// narrows them to some kinds (ReviewStale, ...).
	Problems bool
	Kinds    []string
	// Since keeps the reviews changed at or after this time.
	Since time.Time
	// Taxonomy checks the themes reviews name (nil: the built-in one).
	Taxonomy *Taxonomy
}

// ListReviews returns the workspace's reviews that f selects, in passage
// order, each with its problems. It reads each reviewed record once; ctx
// is checked between records.
func ListReviews(ctx context.Context, ws *corpus.Workspace, f ReviewFilter) ([]ReviewState, error) {
	tx := f.Taxonomy
	if tx == nil {
		var err error
		if tx, err = DefaultTaxonomy(); err != nil {
			return nil, err
		}
	}
	rs, err := LoadReviews(ws)
	if err != nil {
		return nil, err
	}
	groups := rs.byRecord()
	keys := make([]string, 0, len(groups))
	for k := range groups {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	var out []ReviewState
	for _, key := range keys {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		rec, err := corpus.Load(ctx, ws.Path(corpus.RecordsDir, key+".json"))
		if err != nil && !errors.Is(err, os.ErrNotExist) {
			return nil, err
		}
		if len(f.Symbols) > 0 && !slices.ContainsFunc(f.Symbols, func(s string) bool {
			return s == key || rec != nil && strings.EqualFold(s, rec.Symbol)
		}) {
			continue
		}
		for _, r := range groups[key] {
			st := ReviewState{Review: r}
			if rec != nil {
				st.Symbol, st.Language = rec.Symbol, rec.Language
				_, seq, n, _ := corpus.ParsePassageID(r.Passage)
				st.Problems = reviewProblems(tx, r, rec.Paragraph(seq, n))
			} else {
				st.Problems = []ReviewProblem{{Passage: r.Passage, Kind: ReviewNoPassage, Detail: noRecordError(ws, key).Error() + "; the review is kept"}}
			}
			if f.keep(st) {
				out = append(out, st)
			}
		}
	}
	return out, nil
}

func (f ReviewFilter) keep(st ReviewState) bool {
	if len(f.Themes) > 0 && !slices.ContainsFunc(st.named(), func(t string) bool { return slices.Contains(f.Themes, t) }) {
		return false
	}
	if !f.Since.IsZero() && st.Updated.Before(f.Since) {
		return false
	}
	if f.Problems || len(f.Kinds) > 0 {
		if len(st.Problems) == 0 {
			return false
		}
		if len(f.Kinds) > 0 && !slices.ContainsFunc(st.Problems, func(p ReviewProblem) bool { return slices.Contains(f.Kinds, p.Kind) }) {
			return false
		}
	}
	return true
}
