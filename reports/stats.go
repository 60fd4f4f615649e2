package reports

import (
	"maps"
	"slices"
	"strings"

	"github.com/scdebate/scdebate/analysis"
	"github.com/scdebate/scdebate/corpus"
)

// stats accumulates what the aggregate sheets show while the documents
// stream past.
type stats struct {
	filter *filter

	docs        []docSummary
	sample      bool
	unannotated []string // symbols of documents without coding

	// tally counts the comments (coded paragraphs in scope) and the
	// statements, with the baselines' statements for the shares.
	tally *analysis.Tally
	names map[string]string // state code → name
	lang  string            // the language of the first document, for state names

	reviews reviewCounts
	// requests counts the requests to the Council by theme: the rows of
	// the Proposals sheet.
	requests map[string]int
	inScope  map[int]bool // sessions of the documents in scope, baselines excluded

	// proposals are the requests to the Council, spooled to disk until
	// the Proposals sheet is written.
	proposals *proposalSpool
	// topics sums the documents' key phrases, for the emerging topics of
	// the latest session.
	topics *analysis.TopicCounter
	// proposers are the states and groups making each kind of request on
	// each theme.
	proposers map[proposalKey]*proposers
}

type proposalKey struct{ theme, kind string }

type proposers struct {
	states, groups map[string]bool
}

// docSummary is what the Overview and Sources sheets say of a document.
type docSummary struct {
	rec        *corpus.Record // with Speeches dropped once processed
	statements int
	paragraphs int
	comments   int
	coded      bool
	reviews    reviewCounts
}

// reviewCounts count what experts' reviews did to the coding of the
// documents in scope.
type reviewCounts struct {
	passages int // passages with a review applied
	set      int // codes set or confirmed by a review
	removed  int // codes of the coder a review took away
	problems int // reviews that do not apply as they stand
}

func (r *reviewCounts) add(o reviewCounts) {
	r.passages += o.passages
	r.set += o.set
	r.removed += o.removed
	r.problems += o.problems
}

// countReviews counts the reviews applied to a document's annotation, for
// the themes the report counts.
func countReviews(ann *analysis.Annotation, f *filter) reviewCounts {
	var rc reviewCounts
	if ann == nil {
		return rc
	}
	rc.problems = len(ann.ReviewProblems)
	for _, sa := range ann.Speeches {
		for _, pa := range sa.Paragraphs {
			if pa.Review == "" {
				continue
			}
			rc.passages++
			for _, cd := range pa.Codes {
				if cd.Source == analysis.CodeReviewed && f.theme(cd.Theme) {
					rc.set++
				}
			}
			if pa.Coder != nil {
				for _, cd := range pa.Coder.Codes {
					if !containsTheme(pa.Codes, cd.Theme) && f.theme(cd.Theme) {
						rc.removed++
					}
				}
			}
		}
	}
	return rc
}

// genericRequest is the kind of a request whose sentence the coding did
// not identify: the whole paragraph stands for it.
const genericRequest = "request"

// proposal is one request to the Council under one theme. It refers to
// its document's header only, so that the documents' speeches are not
// kept.
type proposal struct {
	theme, kind string
	text        string
	state, code string
	speaker     string
	speakingFor string
	rec         *corpus.Record
	page        int
	paragraph   int
}

// newStats returns empty statistics; the requests are spooled in dir.
func newStats(f *filter, dir string) *stats {
	return &stats{
		filter:    f,
		proposals: newProposalSpool(dir),
		topics:    analysis.NewLatestTopicCounter(),
		tally:     analysis.NewTally(),
		names:     map[string]string{},
		requests:  map[string]int{},
		inScope:   map[int]bool{},
		proposers: map[proposalKey]*proposers{},
	}
}

// addBaseline counts a document of the previous session: only its
// session's statements and themes.
func (s *stats) addBaseline(doc *Document) error {
	if doc.Record.Session == nil {
		return nil
	}
	s.addPhrases(doc)
	raised := map[string]bool{}
	return s.filter.eachComment(doc, func(c *comment) error {
		for _, t := range c.themes {
			raised[t] = true
		}
		return nil
	}, func(sp *corpus.Speech, ann *analysis.SpeechAnnotation, _ *speaker, _ int) {
		if analysis.IsStatement(doc.Record, sp) {
			s.tally.AddBaseline(analysis.NewTallyStatement(doc.Record, sp, ann, slices.Sorted(maps.Keys(raised))))
		}
		clear(raised)
	})
}

// addPhrases counts a document's key phrases in its session.
func (s *stats) addPhrases(doc *Document) {
	if doc.Annotation == nil || len(doc.Annotation.KeyPhrases) == 0 || doc.Record.Session == nil {
		return
	}
	s.topics.Add(*doc.Record.Session, doc.Annotation.KeyPhrases)
}

// docCounter counts one document as the workbook writer streams its
// comments: comment for each comment, speech after each speech's
// comments, done at the end.
type docCounter struct {
	s        *stats
	doc      *Document
	hdr      *corpus.Record // the record without its speeches
	sum      docSummary
	session  int             // 0 when the record does not give it
	raised   map[string]bool // themes the speech's comments raised
	comments int
}

func (s *stats) startDoc(doc *Document) *docCounter {
	rec := doc.Record
	if rec.Sample {
		s.sample = true
	}
	if s.lang == "" {
		s.lang = rec.Language
	}
	if doc.Annotation == nil {
		s.unannotated = append(s.unannotated, cmpSymbol(rec))
	}
	hdr := *rec
	hdr.Speeches = nil
	dc := &docCounter{s: s, doc: doc, hdr: &hdr, raised: map[string]bool{},
		sum: docSummary{coded: doc.Annotation != nil, reviews: countReviews(doc.Annotation, s.filter)}}
	for i := range rec.Speeches {
		dc.sum.paragraphs += len(rec.Speeches[i].Paragraphs)
	}
	if rec.Session != nil {
		dc.session = *rec.Session
		s.inScope[*rec.Session] = true
	}
	s.addPhrases(doc)
	return dc
}

func (dc *docCounter) comment(c *comment) {
	s := dc.s
	dc.comments++
	dc.sum.comments++
	for _, t := range c.themes {
		dc.raised[t] = true
	}
	proposal := c.pAnn != nil && c.pAnn.Proposal
	// The matrix has a row for a delegation without a state code too
	// (an observer), by its name.
	p := analysis.TallyPassage{Session: dc.session, Themes: c.themes, Proposal: proposal,
		Own: analysis.PassageOwners(c.rec, c.sp, c.who.state)}
	_, p.Via = analysis.SpeechVoices(c.rec, c.sp, c.spAnn)
	s.tally.AddPassage(p)
	if proposal {
		s.addProposals(c, dc.hdr)
	}
}

// speech is called for every speech of the document that passes the
// speech filters, after its comments.
func (dc *docCounter) speech(sp *corpus.Speech, ann *analysis.SpeechAnnotation, who *speaker, comments int) {
	s := dc.s
	defer clear(dc.raised)
	if !analysis.IsStatement(dc.doc.Record, sp) {
		return
	}
	dc.sum.statements++
	code, name := who.code, who.state
	if code != "" && name != "" && s.names[code] == "" {
		s.names[code] = name
	}
	s.tally.AddStatement(analysis.NewTallyStatement(dc.doc.Record, sp, ann, slices.Sorted(maps.Keys(dc.raised))))
}

// done ends the document; an included document is kept, without its
// speeches, for the Overview and the Sources sheet.
func (dc *docCounter) done(included bool) {
	if !included {
		return
	}
	dc.sum.rec = dc.hdr
	dc.s.docs = append(dc.s.docs, dc.sum)
	dc.s.reviews.add(dc.sum.reviews)
}

// addProposals records the requests of a proposal paragraph: one per
// sentence that makes one, under each of its themes (the paragraph's when
// the sentence has none of its own); the whole paragraph when no sentence
// says which.
func (s *stats) addProposals(c *comment, hdr *corpus.Record) {
	who := c.who
	own := analysis.PassageOwners(c.rec, c.sp, who.state)
	voices := who.voices
	base := proposal{
		state: who.shownState, code: who.code, speaker: who.shownSpeaker, speakingFor: who.speakingFor,
		rec: hdr, page: c.para.Page, paragraph: c.para.N,
	}
	add := func(kind, text string, themes []string) {
		for _, t := range themes {
			if !s.filter.theme(t) || !slices.Contains(c.themes, t) {
				continue
			}
			p := base
			p.theme, p.kind, p.text = t, kind, text
			s.proposals.add(p)
			s.requests[t]++
			k := proposalKey{t, kind}
			by := s.proposers[k]
			if by == nil {
				by = &proposers{states: map[string]bool{}, groups: map[string]bool{}}
				s.proposers[k] = by
			}
			for _, key := range own {
				by.states[key] = true
			}
			for _, v := range voices {
				by.states[v.CountryCode] = true
			}
			if c.spAnn != nil {
				for _, g := range c.spAnn.Groups {
					by.groups[g.ID] = true
				}
			}
		}
	}
	found := false
	for _, sent := range c.pAnn.Sentences {
		if sent.Proposal == "" {
			continue
		}
		found = true
		themes := sent.Themes
		if len(themes) == 0 {
			themes = c.themes
		}
		add(sent.Proposal, strings.TrimSpace(sent.Text), themes)
	}
	if !found {
		add(genericRequest, c.para.Text, c.themes)
	}
}

// themeOrder lists the themes counted, in the taxonomy's order, then any
// theme the taxonomy does not know by ID.
func (s *stats) themeOrder(names *themeNames) []string {
	var out []string
	seen := map[string]bool{}
	for _, id := range names.ids() {
		if s.filter.theme(id) {
			out = append(out, id)
			seen[id] = true
		}
	}
	var rest []string
	for _, id := range s.tally.Themes() {
		if !seen[id] {
			rest = append(rest, id)
		}
	}
	return append(out, rest...)
}

// sessionList is the sessions in scope, ascending (baselines excluded).
func (s *stats) sessionList() []int {
	out := make([]int, 0, len(s.inScope))
	for n := range s.inScope {
		out = append(out, n)
	}
	slices.Sort(out)
	return out
}

// stateName is a state's name for display.
func (s *stats) stateName(key string) string {
	if name, ok := strings.CutPrefix(key, "~"); ok {
		return name
	}
	if n := s.names[key]; n != "" {
		return n
	}
	return stateName(key, "", s.lang)
}
