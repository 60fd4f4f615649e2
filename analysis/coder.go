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
}

// NewCoder returns a coder for tx that resolves speeches' groups with
// groups (nil: the embedded groups data).
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
	return &Coder{tx: tx, groups: groups, entities: ef}, nil
}

// Taxonomy returns the coder's taxonomy.
func (c *Coder) Taxonomy() *Taxonomy { return c.tx }

// Groups returns the coder's groups data.
func (c *Coder) Groups() *Groups { return c.groups }

// MaxSentenceBytes bounds the text coded as one sentence: a longer run
// without sentence punctuation (a table, a garbled extraction) is cut into
// pieces of this size so that its cost stays linear.
const MaxSentenceBytes = 4096

// CodeSentence codes one sentence of lang.
func (c *Coder) CodeSentence(lang, text string) SentenceAnnotation {
	s := SentenceAnnotation{Text: text}
	s.References = ExtractReferences(text)
	an := analyse(lang, text)
	for _, m := range c.tx.matchAnalysed(lang, an, s.References) {
		s.Themes = append(s.Themes, m.Theme)
	}
	s.Proposal = DetectProposal(lang, text)
	s.Entities = c.entities.find(lang, an)
	return s
}

// CodeParagraph splits a paragraph of lang into sentences, codes each and
// rolls the result up to the paragraph.
func (c *Coder) CodeParagraph(lang string, n int, text string) ParagraphAnnotation {
	p := ParagraphAnnotation{N: n, Themes: []string{}}
	text = strings.ToValidUTF8(text, "\uFFFD")
	for _, sent := range Sentences(lang, text) {
		for _, piece := range chunk(sent, MaxSentenceBytes) {
			p.Sentences = append(p.Sentences, c.CodeSentence(lang, piece))
		}
	}
	rollUpParagraph(c.tx, &p)
	return p
}

func rollUpParagraph(tx *Taxonomy, p *ParagraphAnnotation) {
	themes := map[string]bool{}
	refs := map[string]bool{}
	p.Themes = p.Themes[:0]
	p.References = nil
	p.Proposal = false
	for _, s := range p.Sentences {
		for _, t := range s.Themes {
			if !themes[t] {
				themes[t] = true
				p.Themes = append(p.Themes, t)
			}
		}
		for _, r := range s.References {
			if !refs[r] {
				refs[r] = true
				p.References = append(p.References, r)
			}
		}
		if s.Proposal != "" {
			p.Proposal = true
		}
	}
	tx.sortThemes(p.Themes)
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
	Text     string   `json:"text"`
	Language string   `json:"language"`
	Themes   []string `json:"themes"`
	// Proposal is the strongest kind of request the passage makes.
	Proposal   string   `json:"proposal,omitempty"`
	References []string `json:"references,omitempty"`
	Entities   []string `json:"entities,omitempty"`
	// Evidence lists, per theme, the terms and references that signalled
	// it, so that a user tuning a theme file sees why a passage was coded.
	Evidence map[string][]string `json:"evidence,omitempty"`
}

// Classify codes a passage. lang is its language (ISO 639-1); "" detects it.
func (c *Coder) Classify(lang, text string) Classification {
	text = strings.ToValidUTF8(text, "\uFFFD")
	if lang == "" {
		lang = corpus.DetectLanguage(text)
	}
	out := Classification{Text: text, Language: lang, Themes: []string{}}
	evidence := map[string][]string{}
	seenRef, seenEnt := map[string]bool{}, map[string]bool{}
	best := len(ProposalKinds)
	for _, sent := range Sentences(lang, text) {
		for _, piece := range chunk(sent, MaxSentenceBytes) {
			refs := ExtractReferences(piece)
			an := analyse(lang, piece)
			for _, m := range c.tx.matchAnalysed(lang, an, refs) {
				if _, ok := evidence[m.Theme]; !ok {
					out.Themes = append(out.Themes, m.Theme)
				}
				evidence[m.Theme] = dedupe(append(evidence[m.Theme], m.Evidence...))
			}
			for _, r := range refs {
				if !seenRef[r] {
					seenRef[r] = true
					out.References = append(out.References, r)
				}
			}
			for _, e := range c.entities.find(lang, an) {
				if !seenEnt[e] {
					seenEnt[e] = true
					out.Entities = append(out.Entities, e)
				}
			}
			if k := DetectProposal(lang, piece); k != "" {
				best = min(best, kindRank(k))
			}
		}
	}
	if best < len(ProposalKinds) {
		out.Proposal = ProposalKinds[best]
	}
	c.tx.sortThemes(out.Themes)
	if len(evidence) > 0 {
		out.Evidence = evidence
	}
	return out
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

// Code codes every speech of rec. ctx is checked between speeches.
func (c *Coder) Code(ctx context.Context, rec *corpus.Record) (*Annotation, error) {
	if rec == nil {
		return nil, fmt.Errorf("analysis: nil record")
	}
	lang := recordLanguage(rec)
	ann := &Annotation{
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
		for _, para := range sp.Paragraphs {
			pa := c.CodeParagraph(lang, para.N, para.Text)
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
