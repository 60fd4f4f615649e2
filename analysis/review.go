package analysis

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode"

	"github.com/scdebate/scdebate/corpus"
)

// Review is an expert's correction of one passage's themes: themes set
// (Add), themes taken away (Remove), or none at all but the ones set
// (None). It overrides the coder for the themes it names and leaves the
// others to the coder, so that a passage reviewed once keeps its review
// through re-analysis, a new model and a new taxonomy.
type Review struct {
	// Passage is the passage's ID (corpus.PassageID).
	Passage string   `json:"passage"`
	Add     []string `json:"add,omitempty"`
	Remove  []string `json:"remove,omitempty"`
	None    bool     `json:"none,omitempty"`
	// TextDigest is corpus.TextDigest of the paragraph as it read when
	// reviewed: a review of a text that has changed since is stale, kept
	// and reported, not applied.
	TextDigest string `json:"text_digest"`
	// Themes are the passage's themes as the review left them: what the
	// expert saw and let stand, and what the learned layer learns from it.
	Themes []string `json:"themes"`
	// Updated is when the review was last changed.
	Updated time.Time `json:"updated"`
	// Origin says where it was last changed: "command", or a workbook and
	// its row.
	Origin string `json:"origin,omitempty"`
}

// String is the review as it is typed: "none +veto", "+veto
// -transparency".
func (r *Review) String() string {
	var parts []string
	if r.None {
		parts = append(parts, ReviewNone)
	}
	for _, t := range r.Add {
		parts = append(parts, "+"+t)
	}
	for _, t := range r.Remove {
		parts = append(parts, "-"+t)
	}
	return strings.Join(parts, " ")
}

// Themes a review names.
func (r *Review) named() []string {
	return append(slices.Clone(r.Add), r.Remove...)
}

// ReviewNone is the review that takes every theme away from a passage.
const ReviewNone = "none"

// ReviewOp is one step of a review: set a theme, take it away, or take
// every theme away (None).
type ReviewOp struct {
	Theme  string
	Remove bool
	None   bool
}

func (op ReviewOp) String() string {
	switch {
	case op.None:
		return ReviewNone
	case op.Remove:
		return "-" + op.Theme
	}
	return "+" + op.Theme
}

// ReviewSyntaxError reports review text that is not a list of +theme,
// -theme and none.
type ReviewSyntaxError struct {
	Text, Token, Reason string
}

func (e *ReviewSyntaxError) Error() string {
	what := fmt.Sprintf("review %q: %q", e.Text, e.Token)
	if strings.TrimSpace(e.Text) == e.Token {
		what = fmt.Sprintf("review %q", e.Token)
	}
	return fmt.Sprintf("%s %s (write +THEME to set a theme, -THEME to take it away, none for no theme)", what, e.Reason)
}

// ParseReviewOps reads a review as typed — "+veto -transparency", "none",
// "none +veto" — into its steps, in order. Steps are separated by spaces,
// commas or semicolons; a minus may be typed as a dash or a minus sign (as
// spreadsheet programs turn it), and a leading "=" (a cell that became a
// formula) is ignored. Theme IDs are lower-cased; whether the taxonomy
// knows them is for the caller to check. Empty text gives no steps.
func ParseReviewOps(text string) ([]ReviewOp, error) {
	s := strings.TrimPrefix(strings.TrimSpace(text), "=")
	tokens := strings.FieldsFunc(s, func(r rune) bool {
		return r == ',' || r == ';' || unicode.IsSpace(r)
	})
	var ops []ReviewOp
	for _, tok := range tokens {
		t := strings.ToLower(tok)
		if t == ReviewNone {
			ops = append(ops, ReviewOp{None: true})
			continue
		}
		op, ok := ReviewOp{}, false
		if rest, plus := strings.CutPrefix(t, "+"); plus {
			t, ok = rest, true
		} else if rest, minus := cutMinus(t); minus {
			t, op.Remove, ok = rest, true, true
		}
		if !ok {
			return nil, &ReviewSyntaxError{Text: text, Token: tok, Reason: "has no + or - before the theme"}
		}
		if _, signed := cutMinus(t); t == "" || signed || strings.HasPrefix(t, "+") {
			return nil, &ReviewSyntaxError{Text: text, Token: tok, Reason: "names no theme"}
		}
		op.Theme = t
		ops = append(ops, op)
	}
	return ops, nil
}

// cutMinus cuts a leading minus: a hyphen, a minus sign or the dashes a
// spreadsheet program may turn a typed hyphen into.
func cutMinus(s string) (string, bool) {
	for _, m := range []string{"-", "−", "–", "—"} {
		if rest, ok := strings.CutPrefix(s, m); ok {
			return rest, true
		}
	}
	return s, false
}

// mergeReview returns prev (nil: no review yet) with ops applied in order:
// a later step on a theme overrides an earlier one, and none clears
// every step before it.
func mergeReview(prev *Review, passage string, ops []ReviewOp) *Review {
	r := &Review{Passage: passage}
	if prev != nil {
		r.Add, r.Remove, r.None = slices.Clone(prev.Add), slices.Clone(prev.Remove), prev.None
	}
	for _, op := range ops {
		switch {
		case op.None:
			r.None, r.Add, r.Remove = true, nil, nil
		case op.Remove:
			r.Add = slices.DeleteFunc(r.Add, func(t string) bool { return t == op.Theme })
			if !r.None && !slices.Contains(r.Remove, op.Theme) {
				r.Remove = append(r.Remove, op.Theme)
			}
		default:
			r.Remove = slices.DeleteFunc(r.Remove, func(t string) bool { return t == op.Theme })
			if !slices.Contains(r.Add, op.Theme) {
				r.Add = append(r.Add, op.Theme)
			}
		}
	}
	slices.Sort(r.Add)
	slices.Sort(r.Remove)
	return r
}

// sameDecisions tells whether two reviews decide the same.
func sameDecisions(a, b *Review) bool {
	if a == nil || b == nil {
		return a == b
	}
	return a.None == b.None && slices.Equal(a.Add, b.Add) && slices.Equal(a.Remove, b.Remove)
}

// empty tells whether a review decides nothing (every step undone).
func (r *Review) empty() bool { return !r.None && len(r.Add) == 0 && len(r.Remove) == 0 }

// CoderVerdict is what the coder decided for a paragraph, kept beside a
// review that overrides it, so that a changed or removed review starts
// again from the coder's own codes without coding the record again.
type CoderVerdict struct {
	Codes []Code `json:"codes"`
	// Sentences holds each sentence's themes as the coder left them.
	Sentences [][]string `json:"sentences,omitempty"`
}

// Kinds of ReviewProblem.
const (
	// ReviewStale: the paragraph's text changed since the review; the
	// review is kept and not applied until it is made again.
	ReviewStale = "stale"
	// ReviewUnknownTheme: the review names a theme the taxonomy does not
	// have (any longer); its other steps apply.
	ReviewUnknownTheme = "unknown-theme"
	// ReviewNoPassage: the record, or its paragraph, is not in the
	// workspace (any longer).
	ReviewNoPassage = "no-passage"
)

// ReviewProblem is a stored review that does not apply as it stands.
type ReviewProblem struct {
	Passage string `json:"passage"`
	Kind    string `json:"kind"`
	Detail  string `json:"detail"`
}

func (p ReviewProblem) String() string { return p.Passage + ": " + p.Detail }

// restoreCoder undoes the review applied to a paragraph, if any.
func restoreCoder(p *ParagraphAnnotation) {
	if p.Coder == nil {
		return
	}
	p.Codes = p.Coder.Codes
	p.Themes = make([]string, 0, len(p.Codes))
	for _, cd := range p.Codes {
		p.Themes = append(p.Themes, cd.Theme)
	}
	for i := range p.Sentences {
		p.Sentences[i].Themes = nil
		if i < len(p.Coder.Sentences) {
			p.Sentences[i].Themes = p.Coder.Sentences[i]
		}
	}
	p.Coder, p.Review = nil, ""
}

// applyReview applies r to a paragraph coded by the coder: the themes it
// sets become reviewed codes (keeping the coder's evidence and score when
// the coder had them), those it takes away go, and with None every theme
// it does not set goes. Themes tx does not know are left out (see
// reviewProblems). The coder's verdict is kept in p.Coder.
func applyReview(tx *Taxonomy, p *ParagraphAnnotation, r *Review) {
	restoreCoder(p)
	if r == nil {
		return
	}
	verdict := &CoderVerdict{Codes: slices.Clone(p.Codes)}
	keepSentences := false
	for _, s := range p.Sentences {
		verdict.Sentences = append(verdict.Sentences, s.Themes)
		keepSentences = keepSentences || len(s.Themes) > 0
	}
	if !keepSentences {
		verdict.Sentences = nil
	}
	var codes []Code
	for _, cd := range p.Codes {
		switch {
		case slices.Contains(r.Add, cd.Theme):
			cd.Source = CodeReviewed
		case r.None || slices.Contains(r.Remove, cd.Theme):
			continue
		}
		codes = append(codes, cd)
	}
	for _, t := range r.Add {
		if _, known := tx.Theme(t); known && !slices.ContainsFunc(codes, func(cd Code) bool { return cd.Theme == t }) {
			codes = append(codes, Code{Theme: t, Source: CodeReviewed})
		}
	}
	order := map[string]int{}
	for i, id := range tx.IDs() {
		order[id] = i
	}
	slices.SortStableFunc(codes, func(a, b Code) int { return order[a.Theme] - order[b.Theme] })
	applyCodes(p, codes)
	p.Coder, p.Review = verdict, r.String()
}

// reviewProblems lists what keeps r from applying as it stands to a
// paragraph reading text (nil: no such paragraph).
func reviewProblems(tx *Taxonomy, r *Review, para *corpus.Paragraph) []ReviewProblem {
	if para == nil {
		return []ReviewProblem{{Passage: r.Passage, Kind: ReviewNoPassage, Detail: "the record has no such paragraph any longer; the review is kept"}}
	}
	var out []ReviewProblem
	if corpus.TextDigest(para.Text) != r.TextDigest {
		out = append(out, ReviewProblem{Passage: r.Passage, Kind: ReviewStale,
			Detail: "the paragraph's text changed since it was reviewed; the review is kept but not applied until it is made again"})
	}
	for _, t := range r.named() {
		if _, ok := tx.Theme(t); !ok {
			out = append(out, ReviewProblem{Passage: r.Passage, Kind: ReviewUnknownTheme,
				Detail: fmt.Sprintf("the taxonomy (%s) has no theme %q; that step of the review is kept but not applied", tx.Source, t)})
		}
	}
	return out
}

// reviewDigest identifies a record's reviews as they bear on its
// annotation; "" when it has none.
func reviewDigest(reviews []*Review) string {
	if len(reviews) == 0 {
		return ""
	}
	h := sha256.New()
	for _, r := range reviews {
		fmt.Fprintf(h, "%s\x00%s\x00%s\n", r.Passage, r.String(), r.TextDigest)
	}
	return hex.EncodeToString(h.Sum(nil)[:12])
}

// applyReviews applies the reviews (sorted by passage) of the record with
// key to its annotation, undoing any review applied before, and returns
// the reviews that do not apply as they stand. A stale review leaves its
// paragraph to the coder.
func applyReviews(tx *Taxonomy, ann *Annotation, key string, rec *corpus.Record, reviews []*Review) []ReviewProblem {
	byID := make(map[string]*Review, len(reviews))
	for _, r := range reviews {
		byID[r.Passage] = r
	}
	var problems []ReviewProblem
	applied := map[string]bool{}
	for si := range ann.Speeches {
		sa := &ann.Speeches[si]
		changed := false
		for pi := range sa.Paragraphs {
			pa := &sa.Paragraphs[pi]
			id := corpus.PassageID(key, sa.Seq, pa.N)
			r := byID[id]
			if r == nil {
				if pa.Coder != nil {
					restoreCoder(pa)
					changed = true
				}
				continue
			}
			applied[id] = true
			ps := reviewProblems(tx, r, rec.Paragraph(sa.Seq, pa.N))
			problems = append(problems, ps...)
			if slices.ContainsFunc(ps, func(p ReviewProblem) bool { return p.Kind == ReviewStale }) {
				r = nil
			}
			applyReview(tx, pa, r)
			changed = true
		}
		if changed {
			sa.Themes = rollUpSpeech(tx, sa.Paragraphs)
		}
	}
	for _, r := range reviews {
		if !applied[r.Passage] {
			problems = append(problems, reviewProblems(tx, r, nil)...)
		}
	}
	ann.ReviewDigest, ann.ReviewProblems = reviewDigest(reviews), problems
	return problems
}
