package analysis

import (
	"context"
	"fmt"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/scdebate/scdebate/corpus"
)

// Coder codes text and records with a taxonomy. It holds only read-only
// state once built, so one Coder is shared by every worker.
type Coder struct {
	tx       *Taxonomy
	groups   *Groups
	entities *entityFinder
	// model is the learned layer; nil codes by the taxonomy alone.
	model *Model
}

// NewCoder returns a coder for tx that resolves speeches' groups with
// groups (nil: the embedded groups data). When the embedded model cannot be
// read it returns the error with a coder that codes by the taxonomy alone.
func NewCoder(tx *Taxonomy, groups *Groups) (*Coder, error) {
	if tx == nil {
		return nil, fmt.Errorf("analysis: NewCoder needs a taxonomy")
	}
	if groups == nil {
		g, err := DefaultGroups()
		if err != nil {
			return nil, err
		}
		groups = g
	}
	ef, err := newEntityFinder(groups)
	if err != nil {
		return nil, err
	}
	if _, err := englishSegmenter(); err != nil {
		return nil, fmt.Errorf("analysis: sentence model: %w", err)
	}
	c := &Coder{tx: tx, groups: groups, entities: ef}
	if c.model, err = DefaultModel(); err != nil {
		// The coder is returned with the taxonomy alone, so that the
		// embedded model can be trained again (TestModel -update).
		return c, fmt.Errorf("analysis: embedded model: %w", err)
	}
	return c, nil
}

// WithModel returns a coder that uses m as its learned layer (a workspace's
// own model); nil codes by the taxonomy alone.
func (c *Coder) WithModel(m *Model) *Coder {
	cc := *c
	cc.model = m
	return &cc
}

// Model returns the coder's learned layer, nil when it has none.
func (c *Coder) Model() *Model { return c.model }

// Taxonomy returns the coder's taxonomy.
func (c *Coder) Taxonomy() *Taxonomy { return c.tx }

// Groups returns the coder's groups data.
func (c *Coder) Groups() *Groups { return c.groups }

// MaxSentenceBytes bounds the text coded as one sentence: a longer run
// without sentence punctuation (a table, a garbled extraction) is cut into
// pieces of this size so that its cost stays linear.
const MaxSentenceBytes = 4096

// CodeSentence codes one sentence of lang, read on its own in the default
// context.
func (c *Coder) CodeSentence(lang, text string) SentenceAnnotation {
	r := newReader(Context{}, lang)
	r.setParagraph(text)
	sc := c.readSentence(r, text)
	p := ParagraphAnnotation{Sentences: []SentenceAnnotation{sc.ann}}
	c.finishPassage(r, &p, []sentenceCoding{sc}, false)
	return p.Sentences[0]
}

// CodeParagraph splits a paragraph of lang into sentences, codes each and
// rolls the result up to the paragraph; it reads the paragraph on its own
// in the default context.
func (c *Coder) CodeParagraph(lang string, n int, text string) ParagraphAnnotation {
	return c.codeParagraph(newReader(Context{}, lang), n, text)
}

func (c *Coder) codeParagraph(r *reader, n int, text string) ParagraphAnnotation {
	p, _ := c.readParagraph(r, n, text, false)
	return p
}

// readParagraph codes a paragraph; with features it also returns what the
// learned layer reads of it, before the layer's decision.
func (c *Coder) readParagraph(r *reader, n int, text string, features bool) (ParagraphAnnotation, *passageFeatures) {
	p := ParagraphAnnotation{N: n, Themes: []string{}}
	text = strings.ToValidUTF8(text, "\uFFFD")
	r.startParagraph()
	r.setParagraph(text)
	var sents []sentenceCoding
	for _, sent := range Sentences(r.lang, text) {
		for _, piece := range chunk(sent, MaxSentenceBytes) {
			sents = append(sents, c.readSentence(r, piece))
		}
	}
	for _, sc := range sents {
		p.Sentences = append(p.Sentences, sc.ann)
	}
	return p, c.finishPassage(r, &p, sents, features)
}

// finishPassage decides the passage's codes from its sentences (precedence
// applied per passage, then the learned layer) and rolls references and
// proposals up. With features it returns what the learned layer reads, and
// leaves the dictionary's codes as they are.
func (c *Coder) finishPassage(r *reader, p *ParagraphAnnotation, sents []sentenceCoding, features bool) *passageFeatures {
	c.tx.talksOpenness(r, sents)
	codes, perSentence := c.tx.giveWay(sents)
	for i := range p.Sentences {
		p.Sentences[i].Themes = perSentence[i]
	}
	var f *passageFeatures
	switch {
	case features:
		f = c.featuresOf(r, sents, codes)
	case c.model != nil:
		codes, p.Removed = c.model.decide(c.tx, c.featuresOf(r, sents, codes), codes)
	}
	applyCodes(p, codes)
	refs := map[string]bool{}
	p.References = nil
	p.Proposal = false
	for _, s := range p.Sentences {
		p.References = appendNew(p.References, refs, s.References...)
		if s.Proposal != "" {
			p.Proposal = true
		}
	}
	return f
}

// chunk cuts s into pieces of at most n bytes, at rune boundaries and
// preferably at spaces.
func chunk(s string, n int) []string {
	if len(s) <= n {
		return []string{s}
	}
	var out []string
	for len(s) > n {
		cut := n
		for cut > 0 && !utf8.RuneStart(s[cut]) {
			cut--
		}
		if sp := strings.LastIndexAny(s[:cut], " \n\t"); sp > n/2 {
			cut = sp
		}
		out = append(out, strings.TrimSpace(s[:cut]))
		s = s[cut:]
	}
	if t := strings.TrimSpace(s); t != "" {
		out = append(out, t)
	}
	return out
}

// Classification is the coding of one free-standing passage.
type Classification struct {
	Text     string `json:"text"`
	Language string `json:"language"`
	// Debate is the context the passage was read in (corpus.Debates).
	Debate string   `json:"debate"`
	Themes []string `json:"themes"`
	// Codes gives each theme with where it came from (rule, model).
	Codes []Code `json:"codes"`
	// Removed lists the dictionary's codes the learned layer took away.
	Removed []Code `json:"removed,omitempty"`
	// Proposal is the strongest kind of request the passage makes.
	Proposal   string   `json:"proposal,omitempty"`
	References []string `json:"references,omitempty"`
	Entities   []string `json:"entities,omitempty"`
	// Evidence lists, per theme, the terms and references that signalled
	// it, so that a user tuning a theme file sees why a passage was coded.
	Evidence map[string][]string `json:"evidence,omitempty"`
}

// Classify codes a passage read in the debate on the Council's report
// (DefaultDebate). lang is its language (ISO 639-1); "" detects it.
func (c *Coder) Classify(lang, text string) Classification {
	return c.ClassifyIn(Context{}, lang, text)
}

// ClassifyIn codes a passage read in ctx, as a paragraph of its own.
func (c *Coder) ClassifyIn(ctx Context, lang, text string) Classification {
	text = strings.ToValidUTF8(text, "\uFFFD")
	if lang == "" {
		lang = corpus.DetectLanguage(text)
	}
	p := c.codeParagraph(newReader(ctx, lang), 0, text)
	out := Classification{Text: text, Language: lang, Debate: ctx.debate(), Themes: p.Themes, Codes: p.Codes, Removed: p.Removed, References: p.References}
	if out.Codes == nil {
		out.Codes = []Code{}
	}
	seenEnt := map[string]bool{}
	best := len(ProposalKinds)
	for _, s := range p.Sentences {
		out.Entities = appendNew(out.Entities, seenEnt, s.Entities...)
		if s.Proposal != "" {
			best = min(best, kindRank(s.Proposal))
		}
	}
	if best < len(ProposalKinds) {
		out.Proposal = ProposalKinds[best]
	}
	for _, cd := range p.Codes {
		if len(cd.Evidence) > 0 {
			if out.Evidence == nil {
				out.Evidence = map[string][]string{}
			}
			out.Evidence[cd.Theme] = cd.Evidence
		}
	}
	return out
}

// appendNew appends to dst each of xs not yet in seen, marking it.
func appendNew(dst []string, seen map[string]bool, xs ...string) []string {
	for _, x := range xs {
		if !seen[x] {
			seen[x] = true
			dst = append(dst, x)
		}
	}
	return dst
}

func kindRank(kind string) int {
	for i, k := range ProposalKinds {
		if k == kind {
			return i
		}
	}
	return len(ProposalKinds)
}

// RecordError reports a record that could not be coded.
type RecordError struct {
	Path string
	Err  error
}

func (e *RecordError) Error() string { return fmt.Sprintf("analyse %s: %v", e.Path, e.Err) }
func (e *RecordError) Unwrap() error { return e.Err }

// bulletPattern recognises a list item: a dash or bullet, or "(a)", "a)",
// "1." at the start of a paragraph.
var bulletPattern = regexp.MustCompile(`^\s*(?:[-–—•·▪*]|\(?[a-z0-9]{1,3}\)|[0-9]{1,2}\.)\s*`)

// leadInPattern recognises a paragraph that introduces a list: it ends with
// a colon.
var leadInPattern = regexp.MustCompile(`[:：]\s*$`)

// Code codes every speech of rec. ctx is checked between paragraphs, so
// that one long speech does not outlast a time-out.
func (c *Coder) Code(ctx context.Context, rec *corpus.Record) (*Annotation, error) {
	if rec == nil {
		return nil, fmt.Errorf("analysis: nil record")
	}
	lang := recordLanguage(rec)
	rctx := RecordContext(rec)
	ann := &Annotation{
		Debate:       rctx.Debate,
		Agenda:       rec.AgendaDebates(),
		Version:      AnnotationVersion,
		RecordSHA256: rec.Source.SHA256,
		Symbol:       rec.Symbol,
		Language:     rec.Language,
		TaxonomyHash: c.tx.Hash(),
		Speeches:     make([]SpeechAnnotation, 0, len(rec.Speeches)),
	}
	for i := range rec.Speeches {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		sp := &rec.Speeches[i]
		sa := SpeechAnnotation{Seq: sp.Seq, Themes: []string{}}
		lead := ""
		r := newReader(rctx, lang)
		for _, para := range sp.Paragraphs {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
			pa := c.codeParagraph(r, para.N, para.Text)
			// A list item under a lead-in that makes a request ("We
			// request the Council to:") carries that request, although
			// the item itself starts with a bare verb.
			item := para.Item || bulletPattern.MatchString(para.Text)
			if lead != "" && item && len(pa.Sentences) > 0 && !pa.Proposal {
				pa.Sentences[0].Proposal = lead
				pa.Proposal = true
			} else if !item {
				lead = ""
			}
			if n := len(pa.Sentences); n > 0 && pa.Sentences[n-1].Proposal != "" && leadInPattern.MatchString(para.Text) {
				lead = pa.Sentences[n-1].Proposal
			}
			sa.Paragraphs = append(sa.Paragraphs, pa)
		}
		sa.Themes = rollUpSpeech(c.tx, sa.Paragraphs)
		sa.Groups = c.groups.ResolveSpeech(rec, sp)
		ann.Speeches = append(ann.Speeches, sa)
	}
	return ann, nil
}

func rollUpSpeech(tx *Taxonomy, paras []ParagraphAnnotation) []string {
	seen := map[string]bool{}
	out := []string{}
	for _, p := range paras {
		for _, t := range p.Themes {
			if !seen[t] {
				seen[t] = true
				out = append(out, t)
			}
		}
	}
	return tx.sortThemes(out)
}

// recordLanguage is the language a record is analysed in: its declared
// language when it is one of the six, else the language its text reads as.
func recordLanguage(rec *corpus.Record) string {
	if corpus.IsLanguage(rec.Language) {
		return rec.Language
	}
	var b strings.Builder
	for _, sp := range rec.Speeches {
		for _, p := range sp.Paragraphs {
			b.WriteString(p.Text)
			b.WriteByte('\n')
			if b.Len() > 4096 {
				return corpus.DetectLanguage(b.String())
			}
		}
	}
	return corpus.DetectLanguage(b.String())
}
