package analysis

import (
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/scdebate/scdebate/corpus"
)

// A phrase is an analysed term: its tokens and their positions relative to
// the first, so that stop words removed by the analyser leave the same gaps
// in the term as in the text — the semantics of a search engine's phrase
// query on the same field.
type phrase struct {
	terms []string
	offs  []int
	// withStop phrases keep their stop words and match the full token
	// stream; exclusions need them ("during the pandemic"), and so do terms
	// whose sense lies in their function words ("=on our behalf").
	withStop bool
	// forms, for a phrase written "^a", are its words as written (lower
	// case, without a possessive "'s"): it matches only those forms, not
	// every word with their stem ("^accountability" is not "accounts"); a
	// word written "^" inside a phrase ("=the ^report", not "the reporting
	// period") has its form, the others "".
	forms []string
	// narrowed: the phrase was written in several words, and dropping the
	// stop words left one ("under-representation" is "representation").
	narrowed bool
}

func (ph phrase) key() string {
	var b strings.Builder
	if ph.withStop {
		b.WriteString("+ ")
	}
	for _, f := range ph.forms {
		b.WriteString("^" + f + " ")
	}
	for i, t := range ph.terms {
		fmt.Fprintf(&b, "%d:%s ", ph.offs[i], t)
	}
	return b.String()
}

// rule is one term of a theme: all its parts must occur in the sentence.
type rule struct {
	theme int
	text  string // the term as written, for explanations
	// weak terms ("~a & b") signal the theme only in a debate on the
	// Council and in a sentence where no other theme is found: words that
	// are often about the theme, and as often a side remark.
	weak bool
	// cond: the last part is the condition of the others ("a & b & ?c"):
	// where the others occur without it, the term is loose (ruleHit).
	cond  bool
	parts []int // phrase indexes
	// alts holds, per part, the other phrases that can stand for it
	// ("a|b"); nil when no part has any.
	alts [][]int
}

// langMatcher holds the compiled terms of one language.
type langMatcher struct {
	lang     string
	analyzer analysis.Analyzer
	phrases  []phrase
	byFirst  map[string][]int
	byKey    map[string]int
	rules    []rule
	// excl lists, per theme index, the phrases that cancel the matches
	// lying inside them.
	excl map[int][]int
	// vetoes lists, per theme index, sets of phrases that cancel the theme
	// for a sentence in which all of them occur.
	vetoes map[int][][]int
	// byPhrase lists, per phrase, the rules whose first part it can stand
	// for: only those can hold in a sentence where it occurs.
	byPhrase map[int][]int
	// lex lists, per analysed word, the themes whose terms hold it
	// (indexLexicon).
	lex map[string][]int
}

// indexRules builds byPhrase once every rule is in.
func (m *langMatcher) indexRules() {
	m.byPhrase = map[int][]int{}
	for ri, r := range m.rules {
		m.byPhrase[r.parts[0]] = append(m.byPhrase[r.parts[0]], ri)
		if r.alts != nil {
			for _, ai := range r.alts[0] {
				m.byPhrase[ai] = append(m.byPhrase[ai], ri)
			}
		}
	}
}

func (m *langMatcher) addPhrase(ph phrase) int {
	k := ph.key()
	if i, ok := m.byKey[k]; ok {
		return i
	}
	m.phrases = append(m.phrases, ph)
	i := len(m.phrases) - 1
	m.byKey[k] = i
	m.byFirst[ph.terms[0]] = append(m.byFirst[ph.terms[0]], i)
	return i
}

// asWritten takes the marks "^" out of a phrase as written: a leading "^"
// marks every word, a "^" before a later word that word alone. It returns
// the phrase without them and the byte offsets of the marked words in it
// (nil: none; every: all).
func asWritten(text string) (clean string, marked []int, every bool) {
	if !strings.Contains(text, "^") {
		return text, nil, false
	}
	every = strings.HasPrefix(text, "^")
	var b strings.Builder
	for i := 0; i < len(text); i++ {
		if text[i] == '^' && (i == 0 || text[i-1] == ' ') {
			marked = append(marked, b.Len())
			continue
		}
		b.WriteByte(text[i])
	}
	return b.String(), marked, every
}

// wordForm is a word as written, for matching "^" words: lower case,
// without a possessive ending.
func wordForm(w string) string {
	w = strings.ToLower(w)
	for _, suf := range []string{"'s", "’s", "'", "’"} {
		if t, ok := strings.CutSuffix(w, suf); ok && t != "" {
			return t
		}
	}
	return w
}

// analysePhrase turns a written term into a phrase through the language's
// full analyser (see fullAnalyzer); withStop keeps its stop words, and
// words marked "^" (see asWritten) are matched as written.
func analysePhrase(a analysis.Analyzer, lang, text string, withStop bool) (phrase, error) {
	text, marked, every := asWritten(text)
	all := a.Analyze([]byte(text))
	toks := all[:0:0]
	for _, t := range all {
		if withStop || !t.KeyWord {
			toks = append(toks, t)
		}
	}
	if len(toks) == 0 {
		return phrase{}, errNoTokens
	}
	ph := phrase{terms: make([]string, len(toks)), offs: make([]int, len(toks)), withStop: withStop, narrowed: len(toks) == 1 && len(all) > 1}
	base := toks[0].Position
	for i, t := range toks {
		ph.terms[i] = string(t.Term)
		ph.offs[i] = t.Position - base
		if every || slices.Contains(marked, t.Start) {
			if ph.forms == nil {
				ph.forms = make([]string, len(toks))
			}
			ph.forms[i] = wordForm(text[t.Start:t.End])
		}
	}
	if lang == "zh" && len(toks) == 1 && utf8.RuneCountInString(ph.terms[0]) == 1 && hasHan(ph.terms[0]) {
		return phrase{}, fmt.Errorf("a single Chinese character never matches inside running text (the analyser indexes character pairs); use a word of two or more characters")
	}
	return ph, nil
}

func (tx *Taxonomy) compile(p *taxonomyParser) error {
	tx.match = map[string]*langMatcher{}
	tx.refs = map[string][]string{}
	for ti, t := range tx.Themes {
		for _, r := range t.References {
			n := NormalizeReference(r)
			if n == "" {
				p.fail(p.lines[t.ID+"/references/"+r], t.ID, fmt.Sprintf("reference %q is not a document symbol, resolution number or Charter article", r))
				continue
			}
			tx.refs[n] = append(tx.refs[n], t.ID)
		}
		for _, lang := range corpus.Languages {
			terms, excl := t.Terms[lang], t.Exclude[lang]
			if len(terms) == 0 && len(excl) == 0 && len(t.ReportTerms[lang]) == 0 && len(t.ReformTerms[lang]) == 0 {
				continue
			}
			m, err := tx.matcher(lang)
			if err != nil {
				return err
			}
			m.addRules(p, t.ID, t.ID+"/terms/"+lang, "term", ti, terms)
			m.addRules(p, t.ID, t.ID+"/report_terms/"+lang, "report term", tx.reportIndex(ti), t.ReportTerms[lang])
			m.addRules(p, t.ID, t.ID+"/reform_terms/"+lang, "reform term", tx.reformIndex(ti), t.ReformTerms[lang])
			for _, ex := range excl {
				parts, err := m.compileTerm(ex, true)
				if err != nil {
					p.fail(p.lines[t.ID+"/exclude/"+lang+"/"+ex], t.ID, fmt.Sprintf("exclusion %q (%s): %v", ex, lang, err))
					continue
				}
				// An exclusion holds for the theme's report and reform terms too.
				for _, idx := range []int{ti, tx.reportIndex(ti), tx.reformIndex(ti)} {
					if len(parts) == 1 {
						m.excl[idx] = append(m.excl[idx], parts[0]...)
					} else {
						m.vetoes[idx] = append(m.vetoes[idx], combinations(parts)...)
					}
				}
			}
		}
	}
	for k, kind := range SubjectKinds {
		for _, lang := range corpus.Languages {
			names := tx.Subjects[kind][lang]
			if len(names) == 0 {
				continue
			}
			m, err := tx.matcher(lang)
			if err != nil {
				return err
			}
			m.addRules(p, "", "subjects/"+kind+"/"+lang, "subjects."+kind+" name", tx.subjectIndex(k), names)
		}
	}
	for _, m := range tx.match {
		m.indexRules()
		m.indexLexicon(tx)
	}
	return nil
}

// lexiconMaxThemes is the most themes a word may be in the terms of and
// still count toward each of them in the learned layer's lexicon feature.
const lexiconMaxThemes = 3

// indexLexicon lists, per analysed word of the themes' terms, the themes
// whose terms hold it: the learned layer reads how many of a theme's words
// a passage holds, whether or not they make up one of its terms, so that
// wording the terms do not foresee still counts for something. Words of
// the subjects' names ("Council", "members") and words common to many
// themes say nothing of a theme and are left out.
func (m *langMatcher) indexLexicon(tx *Taxonomy) {
	words := func(terms []string) []string {
		var out []string
		for _, term := range terms {
			for _, alt := range strings.FieldsFunc(term, func(r rune) bool { return r == '&' || r == '|' }) {
				alt = strings.ReplaceAll(strings.TrimLeft(strings.TrimSpace(alt), "="), "^", "")
				for _, t := range m.analyzer.Analyze([]byte(alt)) {
					if !t.KeyWord {
						out = append(out, string(t.Term))
					}
				}
			}
		}
		return out
	}
	skip := map[string]bool{}
	for _, kind := range SubjectKinds {
		for _, w := range words(tx.Subjects[kind][m.lang]) {
			skip[w] = true
		}
	}
	m.lex = map[string][]int{}
	for ti, t := range tx.Themes {
		for _, w := range words(slices.Concat(t.Terms[m.lang], t.ReportTerms[m.lang], t.ReformTerms[m.lang])) {
			if !skip[w] && !slices.Contains(m.lex[w], ti) {
				m.lex[w] = append(m.lex[w], ti)
			}
		}
	}
	for w, ts := range m.lex {
		if len(ts) > lexiconMaxThemes {
			delete(m.lex, w)
		}
	}
}

// Rules are numbered by what they signal: a theme's terms by the theme's
// index, its report terms after all themes, its reform terms after those,
// and the subjects last.
func (tx *Taxonomy) reportIndex(ti int) int { return len(tx.Themes) + ti }

func (tx *Taxonomy) reformIndex(ti int) int { return 2*len(tx.Themes) + ti }

func (tx *Taxonomy) subjectIndex(k int) int { return subjectBase*len(tx.Themes) + k }

// subjectBase times the number of themes is the first subject's rule index.
const subjectBase = 3

// addRules compiles terms into rules signalling index; a term that does not
// compile is reported with its line (key/term in the parser's lines) under
// theme, as a what.
func (m *langMatcher) addRules(p *taxonomyParser, theme, key, what string, index int, terms []string) {
	for _, term := range terms {
		body, weak := strings.CutPrefix(strings.TrimSpace(term), "~")
		var cond bool
		if i := strings.LastIndex(body, "&"); i >= 0 {
			var last string
			if last, cond = strings.CutPrefix(strings.TrimSpace(body[i+1:]), "?"); cond {
				body = body[:i+1] + " " + last
			}
		}
		parts, err := m.compileTerm(body, false)
		if err != nil {
			p.fail(p.lines[key+"/"+term], theme, fmt.Sprintf("%s %q (%s): %v", what, term, m.lang, err))
			continue
		}
		r := newRule(index, term, parts)
		r.weak, r.cond = weak, cond
		if !m.hasRule(r) {
			m.rules = append(m.rules, r)
		}
	}
}

// compileTerm turns a term or exclusion as written into its parts ("a & b"),
// each a list of alternative phrases ("a|b"). A phrase written "=a" keeps
// its stop words; exclusions always do.
func (m *langMatcher) compileTerm(term string, withStop bool) ([][]int, error) {
	var parts [][]int
	for _, part := range strings.Split(term, "&") {
		var alts []int
		for _, alt := range strings.Split(part, "|") {
			alt, exact := strings.CutPrefix(strings.TrimSpace(alt), "=")
			ph, err := analysePhrase(m.analyzer, m.lang, alt, withStop || exact)
			if err != nil {
				return nil, err
			}
			// Alone, such a phrase matches its one word anywhere; beside
			// another part ("end of & month") the part keeps it in place.
			if ph.narrowed && !strings.Contains(term, "&") {
				return nil, fmt.Errorf("%q is the one word %q once its stop words are dropped, and would match that word anywhere; write =%s to match it as written", alt, ph.terms[0], alt)
			}
			alts = append(alts, m.addPhrase(ph))
		}
		parts = append(parts, alts)
	}
	return parts, nil
}

func newRule(theme int, text string, parts [][]int) rule {
	r := rule{theme: theme, text: text}
	for i, alts := range parts {
		r.parts = append(r.parts, alts[0])
		if len(alts) > 1 {
			if r.alts == nil {
				r.alts = make([][]int, len(parts))
			}
			r.alts[i] = alts[1:]
		}
	}
	return r
}

// combinations lists every way of taking one alternative from each part:
// the sets of phrases a sentence exclusion with alternatives stands for.
func combinations(parts [][]int) [][]int {
	out := [][]int{nil}
	for _, alts := range parts {
		next := make([][]int, 0, len(out)*len(alts))
		for _, c := range out {
			for _, a := range alts {
				next = append(next, append(slices.Clip(c), a))
			}
		}
		out = next
	}
	return out
}

func (tx *Taxonomy) matcher(lang string) (*langMatcher, error) {
	if m, ok := tx.match[lang]; ok {
		return m, nil
	}
	a, err := fullAnalyzer(lang)
	if err != nil {
		return nil, err
	}
	m := &langMatcher{lang: lang, analyzer: a, byFirst: map[string][]int{}, byKey: map[string]int{}, excl: map[int][]int{}, vetoes: map[int][][]int{}}
	tx.match[lang] = m
	return m, nil
}

// hasRule reports whether an equivalent rule exists: terms that analyse
// alike ("veto", "vetoes") need matching only once.
func (m *langMatcher) hasRule(r rule) bool {
	for _, o := range m.rules {
		if o.theme == r.theme && o.weak == r.weak && o.cond == r.cond && slices.Equal(o.parts, r.parts) && slices.EqualFunc(o.alts, r.alts, slices.Equal) {
			return true
		}
	}
	return false
}

// span is a phrase occurrence, in token positions.
type span struct{ start, end int }

// ThemeMatch is a theme found in a sentence and the terms or references that
// signalled it.
type ThemeMatch struct {
	Theme    string   `json:"theme"`
	Evidence []string `json:"evidence"`
}

// matchThemes codes one sentence of lang with the themes whose terms occur in
// it (outside their exclusions) or whose references it cites, then applies
// precedence (yields_to).
func (tx *Taxonomy) matchThemes(lang, text string, refs []string) []ThemeMatch {
	return tx.matchAnalysed(lang, analyse(lang, text), refs)
}

func (tx *Taxonomy) matchAnalysed(lang string, an *analysed, refs []string) []ThemeMatch {
	found := map[int][]string{}
	if m := tx.match[lang]; m != nil {
		m.find(an, found)
	}
	for _, r := range refs {
		for _, id := range tx.refs[r] {
			ti := tx.index(id)
			found[ti] = append(found[ti], r)
		}
	}
	if len(found) == 0 {
		return nil
	}
	out := make([]ThemeMatch, 0, len(found))
	for ti, t := range tx.Themes {
		ev, ok := found[ti]
		if !ok || tx.yields(t, found, ti) {
			continue
		}
		out = append(out, ThemeMatch{Theme: t.ID, Evidence: dedupe(ev)})
	}
	return out
}

func (tx *Taxonomy) index(id string) int {
	if i, ok := tx.idx[id]; ok {
		return i
	}
	return -1
}

// yields reports whether theme t gives way to another theme found in the
// same sentence.
func (tx *Taxonomy) yields(t *Theme, found map[int][]string, self int) bool {
	for _, y := range t.YieldsTo {
		if y == "*" {
			for ti := range found {
				if ti != self && !tx.yieldsAll(ti) {
					return true
				}
			}
			continue
		}
		if _, ok := found[tx.index(y)]; ok {
			return true
		}
	}
	return false
}

// yieldsAll reports whether theme ti is itself a catch-all ("*"), so that two
// catch-alls in one sentence do not cancel each other.
func (tx *Taxonomy) yieldsAll(ti int) bool {
	for _, y := range tx.Themes[ti].YieldsTo {
		if y == "*" {
			return true
		}
	}
	return false
}

// analysed is a sentence run through a language's full analyser once, for
// every matcher that needs it.
type analysed struct {
	toks analysis.TokenStream
	// at holds the index's token (stop words removed) at each position,
	// atAll every token; more holds the rare second token at a position.
	at, atAll []string
	more      map[int][]string
	// start and end are the byte offsets of the token at each position.
	start, end []int
	text       string
}

// formAt reports whether the word at pos is written form (see wordForm).
func (an *analysed) formAt(pos int, form string) bool {
	if pos < 0 || pos >= len(an.start) || an.end[pos] > len(an.text) {
		return false
	}
	w := an.text[an.start[pos]:an.end[pos]]
	return strings.EqualFold(w, form) || wordForm(w) == form
}

// terms returns the tokens at pos: all of them, or the index's only.
func (an *analysed) terms(pos int, all bool) (string, []string) {
	if pos < 0 || pos >= len(an.at) {
		return "", nil
	}
	if all {
		return an.atAll[pos], an.more[pos]
	}
	return an.at[pos], an.more[-pos-1]
}

// analyse runs text through lang's full analyser; nil when the language has
// no analyser or the text no tokens.
func analyse(lang, text string) *analysed {
	a, err := fullAnalyzer(lang)
	if err != nil {
		return nil
	}
	toks := a.Analyze([]byte(text))
	if len(toks) == 0 {
		return nil
	}
	n := 0
	for _, t := range toks {
		n = max(n, t.Position+1)
	}
	an := &analysed{toks: toks, at: make([]string, n), atAll: make([]string, n), start: make([]int, n), end: make([]int, n), text: text}
	for _, t := range toks {
		term := string(t.Term)
		p := t.Position
		if an.atAll[p] == "" {
			an.atAll[p] = term
			an.start[p], an.end[p] = t.Start, t.End
		} else {
			if an.more == nil {
				an.more = map[int][]string{}
			}
			an.more[p] = append(an.more[p], term)
		}
		if !t.KeyWord {
			if an.at[p] == "" {
				an.at[p] = term
			} else {
				if an.more == nil {
					an.more = map[int][]string{}
				}
				an.more[-p-1] = append(an.more[-p-1], term)
			}
		}
	}
	return an
}

// ruleHit is a rule that holds in a sentence, with the span of each of its
// parts' first occurrence and, in every, each part's occurrences, so that
// a term said once in a mention and once as the topic still counts.
type ruleHit struct {
	theme int
	text  string
	spans []span
	every [][]span
	weak  bool
	// vetoed: the rule holds but the theme's exclusions cancel it (spans
	// are then nil); the dictionary has set the theme's words aside.
	vetoed bool
	// loose: the rule holds without its condition (rule.cond).
	loose bool
}

// find adds to found, per theme index, the terms that match the sentence.
func (m *langMatcher) find(an *analysed, found map[int][]string) {
	for _, h := range m.hits(an, nil) {
		if !h.vetoed {
			found[h.theme] = append(found[h.theme], h.text)
		}
	}
}

// hits appends to out the rules that hold in the sentence, in rule order.
func (m *langMatcher) hits(an *analysed, out []ruleHit) []ruleHit {
	if an == nil {
		return out
	}
	var hits map[int][]span
	for _, t := range an.toks {
		for _, pi := range m.byFirst[string(t.Term)] {
			ph := m.phrases[pi]
			if t.KeyWord && !ph.withStop {
				continue
			}
			if phraseAt(ph, an, t.Position) {
				if hits == nil {
					hits = map[int][]span{}
				}
				hits[pi] = append(hits[pi], span{t.Position, t.Position + ph.offs[len(ph.offs)-1]})
			}
		}
	}
	if len(hits) == 0 {
		return out
	}
	var cand []int
	for pi := range hits {
		cand = append(cand, m.byPhrase[pi]...)
	}
	slices.Sort(cand)
	for _, ri := range slices.Compact(cand) {
		r := m.rules[ri]
		every, ok, excluded := m.ruleHolds(r, hits)
		loose := false
		if !ok && !excluded && r.cond {
			// without its condition
			bare := r
			bare.parts = r.parts[:len(r.parts)-1]
			if r.alts != nil {
				bare.alts = r.alts[:len(r.parts)-1]
			}
			every, ok, excluded = m.ruleHolds(bare, hits)
			loose = true
		}
		if excluded {
			out = append(out, ruleHit{theme: r.theme, text: r.text, vetoed: true})
		} else if ok {
			spans := make([]span, len(every))
			for i, occ := range every {
				spans[i] = occ[0]
			}
			out = append(out, ruleHit{theme: r.theme, text: r.text, spans: spans, every: every, weak: r.weak, loose: loose, vetoed: m.vetoed(r.theme, hits)})
		}
	}
	return out
}

func (m *langMatcher) vetoed(theme int, hits map[int][]span) bool {
	for _, parts := range m.vetoes[theme] {
		all := true
		for _, pi := range parts {
			if len(hits[pi]) == 0 {
				all = false
				break
			}
		}
		if all {
			return true
		}
	}
	return false
}

func phraseAt(ph phrase, an *analysed, pos int) bool {
	for i, f := range ph.forms {
		if f != "" && !an.formAt(pos+ph.offs[i], f) {
			return false
		}
	}
	for i := 1; i < len(ph.terms); i++ {
		t, more := an.terms(pos+ph.offs[i], ph.withStop)
		if t != ph.terms[i] && !contains(more, ph.terms[i]) {
			return false
		}
	}
	return true
}

// ruleHolds reports whether every part of r has a valid occurrence, and
// returns each part's valid occurrences, in the order found; excluded
// reports a rule that would hold but for the theme's exclusions.
func (m *langMatcher) ruleHolds(r rule, hits map[int][]span) (every [][]span, ok, excluded bool) {
	every = make([][]span, 0, len(r.parts))
	for i, pi := range r.parts {
		found := len(hits[pi]) > 0
		occ := m.validHits(r.theme, hits[pi], nil, hits)
		if r.alts != nil {
			for _, ai := range r.alts[i] {
				found = found || len(hits[ai]) > 0
				occ = m.validHits(r.theme, hits[ai], occ, hits)
			}
		}
		switch {
		case !found:
			return nil, false, false
		case len(occ) == 0:
			excluded = true
		}
		every = append(every, occ)
	}
	if excluded {
		return nil, false, true
	}
	return every, true, false
}

// validHits appends to out the spans that lie outside every exclusion of
// the theme.
func (m *langMatcher) validHits(theme int, spans []span, out []span, hits map[int][]span) []span {
	for _, s := range spans {
		excluded := false
		for _, ei := range m.excl[theme] {
			for _, e := range hits[ei] {
				if e.start <= s.start && s.end <= e.end {
					excluded = true
					break
				}
			}
			if excluded {
				break
			}
		}
		if !excluded {
			out = append(out, s)
		}
	}
	return out
}

func contains(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}

func dedupe(ss []string) []string {
	seen := make(map[string]bool, len(ss))
	out := ss[:0]
	for _, s := range ss {
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}
