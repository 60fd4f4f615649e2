package analysis

import (
	"slices"

	"github.com/scdebate/scdebate/corpus"
)

// featureVersion numbers the way passages are turned into features; a model
// trained with another version is refused.
const featureVersion = 4

// The learned layer reads a passage as features of two kinds. Shared
// features are the same for every theme: the passage's words and word pairs
// (analysed as the index analyses them: stemmed, stop words removed), its
// cues (thanks, a title, an explanation of vote, a point made beside them,
// a question, a request, the report's drafting told), what it is about (it
// names the Council, another body, nothing) and the debate it was said in.
// Theme features are the dictionary's verdict on the theme: coded by rule,
// its words found but not counted (another subject, a mention), and any
// other theme coded by rule.
const (
	cueThanks   = "cue:mention"
	cueQuestion = "cue:question"
	cuePoint    = "cue:point-beside-courtesy"
	cueRequest  = "cue:request"
	cueShown    = "cue:report-prepared"
	subjCouncil = "subject:council"
	subjOther   = "subject:other"
	subjNone    = "subject:none"
	debatePfx   = "debate:"
	langPfx     = "lang:"
)

// namedFeatures are the shared features that are not words; every model has
// them, whatever its training data.
func namedFeatures() []string {
	out := []string{cueThanks, cuePoint, cueQuestion, cueRequest, cueShown, subjCouncil, subjOther, subjNone}
	for _, d := range corpus.Debates {
		out = append(out, debatePfx+d)
	}
	for _, l := range corpus.Languages {
		out = append(out, langPfx+l)
	}
	return out
}

// Theme features, by position in a theme model's Theme weights.
const (
	tfRule    = iota // the theme is coded by rule
	tfDropped        // its words were found but not counted (another subject, a mention, precedence)
	tfOther          // another theme is coded by rule
	tfLexicon        // how many of the theme's words the passage holds
	nThemeFeatures
)

// passageFeatures is what the learned layer reads of a passage.
type passageFeatures struct {
	lang   string
	debate string
	// words are the analysed tokens of the passage, sentence by sentence,
	// stop words removed.
	words [][]string
	named []string
	// rule, dropped: per theme index, coded by rule; words found but not
	// counted.
	rule, dropped []bool
	// yielded: per theme index, a catch-all whose words gave way to a
	// more specific theme; scoped: one whose words were set aside for what
	// they were said of (another body, a mention). Nil when none was.
	yielded, scoped []bool
	nRule           int
	// barred: per theme index, the learned layer may not add the theme
	// (addBarredBy); nil when no theme is barred.
	barred []bool
	// shows: a sentence tells how the Council's report was drafted
	// (sentenceCoding.shows).
	shows bool
	// specific: the dictionary coded a theme other than a catch-all.
	specific bool
	// lexicon: per theme index, the theme's words held by sentences about
	// the Council, each weighed by one over the number of themes it is a
	// word of.
	lexicon []float64
}

// featuresOf collects the features of a passage from its sentences and
// its rule codes.
func (c *Coder) featuresOf(r *reader, sents []sentenceCoding, codes []Code) *passageFeatures {
	nt := len(c.tx.Themes)
	f := &passageFeatures{lang: r.lang, debate: r.ctx.debate(), rule: make([]bool, nt), dropped: make([]bool, nt), lexicon: make([]float64, nt)}
	subjects := [3]bool{}
	var lex map[string][]int
	if m := c.tx.match[r.lang]; m != nil {
		lex = m.lex
	}
	var seen map[string]bool
	// The courtesy cue marks a passage with a courtesy; the point cue one
	// where, beside it, a sentence free of courtesies holds a theme's words
	// ("the report came before its deadline", then thanks to its
	// drafters), so that the thanks around a point need not make the
	// passage a courtesy.
	var mentioned, independent bool
	for _, sc := range sents {
		if sc.an != nil && sc.subject == subjectCouncil && len(lex) > 0 {
			for _, w := range sc.an.at {
				ts, ok := lex[w]
				if !ok || seen[w] {
					continue
				}
				if seen == nil {
					seen = map[string]bool{}
				}
				seen[w] = true
				for _, ti := range ts {
					f.lexicon[ti] += 1 / float64(len(ts))
				}
			}
		}
		if sc.an != nil {
			ws := make([]string, 0, len(sc.an.at))
			for _, w := range sc.an.at {
				if w != "" {
					ws = append(ws, w)
				}
			}
			f.words = append(f.words, ws)
		}
		subjects[sc.subject] = true
		mentioned = mentioned || sc.mention
		independent = independent || (!sc.mention && len(sc.hits) > 0)
		if isQuestion(sc.ann.Text) && !slices.Contains(f.named, cueQuestion) {
			f.named = append(f.named, cueQuestion)
		}
		if sc.shows && !f.shows {
			f.shows = true
			f.named = append(f.named, cueShown)
		}
		if sc.ann.Proposal != "" && !slices.Contains(f.named, cueRequest) {
			f.named = append(f.named, cueRequest)
		}
		for ti, d := range sc.dropped {
			if !d {
				continue
			}
			f.dropped[ti] = true
			if sc.yielded != nil && sc.yielded[ti] {
				if f.yielded == nil {
					f.yielded = make([]bool, nt)
				}
				f.yielded[ti] = true
			} else {
				if f.scoped == nil {
					f.scoped = make([]bool, nt)
				}
				f.scoped[ti] = true
			}
		}
	}
	if mentioned {
		f.named = append(f.named, cueThanks)
		if independent {
			f.named = append(f.named, cuePoint)
		}
	}
	for k, name := range []string{subjNone, subjCouncil, subjOther} {
		if subjects[k] {
			f.named = append(f.named, name)
		}
	}
	f.named = append(f.named, debatePfx+f.debate, langPfx+f.lang)
	for _, cd := range codes {
		if ti := c.tx.index(cd.Theme); ti >= 0 && cd.Source == CodeRule {
			f.rule[ti] = true
			f.nRule++
			f.specific = f.specific || !c.tx.yieldsAll(ti)
		}
	}
	for theme, by := range addBarredBy {
		if ti, bi := c.tx.index(theme), c.tx.index(by); ti >= 0 && bi >= 0 && f.rule[bi] {
			if f.barred == nil {
				f.barred = make([]bool, nt)
			}
			f.barred[ti] = true
		}
	}
	return f
}

// droppable reports whether the passage model may empty the passage. One
// that tells how the report was drafted makes the point the scope rules
// give the report's theme, however much its wording (offices, months,
// delegations) reads like the formal act of presenting it.
func (f *passageFeatures) droppable() bool { return !f.shows }

// addBarredBy names, per theme, the theme whose rule code bars the learned
// layer from adding it. A passage on the Council's reform names the
// Assembly and its membership as the forum and the electorate of the
// reform, and the model reads those words as the Assembly–Council
// relationship; in such a passage the relationship is coded only by its
// own terms.
var addBarredBy = map[string]string{"ga-sc-relations": "council-reform"}

// catchAllBeside is the probability the learned layer needs to add a
// catch-all (transparency) without its words to a passage the dictionary
// coded with a specific theme: the catch-all covers what no specific theme
// does, and there the model's reading of openness ("a practice that makes
// the Council more open", said of the open debates coded) is most often
// that theme's own point.
const catchAllBeside = 0.35

// addThreshold is the probability at which the learned layer adds theme
// index ti to the passage, given the model's threshold add.
func (f *passageFeatures) addThreshold(tx *Taxonomy, ti int, add float64) float64 {
	if f.specific && tx.yieldsAll(ti) {
		return max(add, catchAllBeside)
	}
	return add
}

// lexiconCap is the lexicon weight at which the feature saturates.
const lexiconCap = 3.0

// aboutCouncil reports whether some sentence of the passage is about the
// Council: the learned layer adds a theme only to such a passage.
func (f *passageFeatures) aboutCouncil() bool { return slices.Contains(f.named, subjCouncil) }

// mayAdd reports whether the learned layer may add theme index ti to the
// passage: it is about the Council, and the dictionary did not find the
// theme's words and set them aside for what they were said of (another
// body's, a mention): the scope rules decide those. A catch-all whose words
// only gave way to a more specific theme may be added, as the catch-all
// beside a specific theme without its words may (catchAllBeside): which of
// the two the point is, is precedence, and the model's reading of the
// passage weighs it. Nor may it add a theme another rule code bars
// (addBarredBy).
func (f *passageFeatures) mayAdd(ti int) bool {
	return f.aboutCouncil() && (!f.dropped[ti] || f.onlyYielded(ti)) && (f.barred == nil || !f.barred[ti])
}

// onlyYielded reports whether theme index ti's words were set aside in
// the passage only because the catch-all gave way to a more specific theme.
func (f *passageFeatures) onlyYielded(ti int) bool {
	return f.yielded != nil && f.yielded[ti] && (f.scoped == nil || !f.scoped[ti])
}

// bigram joins two words into the name of their pair feature.
func bigram(a, b string) string { return a + " " + b }

// terms lists the word and pair features of a passage, each once, for
// building a vocabulary.
func (f *passageFeatures) terms() []string {
	seen := map[string]bool{}
	var out []string
	add := func(s string) {
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	for _, ws := range f.words {
		for i, w := range ws {
			add("w:" + w)
			if i > 0 {
				add("p:" + bigram(ws[i-1], w))
			}
		}
	}
	return out
}

// vector maps the shared features of a passage to the vocabulary's
// indexes, sorted and each once; features outside the vocabulary are left
// out.
func (f *passageFeatures) vector(index map[string]int32) []int32 {
	var out []int32
	// string(buf) in a map index does not allocate.
	buf := make([]byte, 0, 64)
	for _, ws := range f.words {
		for i, w := range ws {
			buf = append(append(buf[:0], "w:"...), w...)
			if j, ok := index[string(buf)]; ok {
				out = append(out, j)
			}
			if i > 0 {
				buf = append(append(append(append(buf[:0], "p:"...), ws[i-1]...), ' '), w...)
				if j, ok := index[string(buf)]; ok {
					out = append(out, j)
				}
			}
		}
	}
	for _, n := range f.named {
		if i, ok := index[n]; ok {
			out = append(out, i)
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// passageVector is the theme features of the passage model, for all
// themes at once: some theme coded by rule, words of a theme found but not
// counted with none coded, more than one theme coded, and the lexicon of
// every theme together.
func (f *passageFeatures) passageVector() [nThemeFeatures]float64 {
	var v [nThemeFeatures]float64
	if f.nRule > 0 {
		v[tfRule] = 1
	} else if slices.Contains(f.dropped, true) {
		v[tfDropped] = 1
	}
	if f.nRule > 1 {
		v[tfOther] = 1
	}
	lex := 0.0
	for _, x := range f.lexicon {
		lex += x
	}
	v[tfLexicon] = min(lex, lexiconCap) / lexiconCap
	return v
}

// themeVector is the theme features of a passage for theme index ti.
func (f *passageFeatures) themeVector(ti int) [nThemeFeatures]float64 {
	var v [nThemeFeatures]float64
	if f.rule[ti] {
		v[tfRule] = 1
	}
	if f.dropped[ti] && !f.rule[ti] {
		v[tfDropped] = 1
	}
	others := f.nRule
	if f.rule[ti] {
		others--
	}
	if others > 0 {
		v[tfOther] = 1
	}
	v[tfLexicon] = min(f.lexicon[ti], lexiconCap) / lexiconCap
	return v
}
