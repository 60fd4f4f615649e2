package reports

import (
	"slices"
	"strconv"
	"strings"

	"github.com/scdebate/scdebate/analysis"
	"github.com/scdebate/scdebate/corpus"
)

// The expectations below are computed straight from the records and
// annotations with plain loops, independently of the package's filter and
// statistics code, so that a workbook can be checked against them.

type expComment struct {
	rec         *corpus.Record
	sp          *corpus.Speech
	seq, n      int
	page        int
	themes      []string // all the paragraph's themes (shown)
	counted     []string // the themes the report counts
	proposal    bool
	text        string
	counterpart string
	groups      []analysis.GroupRef
	sentences   []analysis.SentenceAnnotation
}

type expectation struct {
	comments  []expComment
	docs      []*corpus.Record // documents on the scope sheets
	speeches  int              // rows of Speakers
	proposals int              // rows of Proposals
	// own and via count paragraphs per theme in the matrix.
	own, via map[string]int
	// paragraphs per theme.
	paragraphs map[string]int
	// delegations taking the floor, and those raising each theme, per
	// session.
	speakers      map[int]map[string]bool
	themeSpeakers map[int]map[string]map[string]bool
	sample        bool
	// emerging is a key phrase the Trends sheet must list as emerging.
	emerging string
}

// expect computes what a report of docs under opts must contain. docs are
// in report order; baseline documents are not among them.
func expect(docs []*Document, opts Options) expectation {
	e := expectation{
		own: map[string]int{}, via: map[string]int{}, paragraphs: map[string]int{},
		speakers: map[int]map[string]bool{}, themeSpeakers: map[int]map[string]map[string]bool{},
	}
	inSessions := func(s *int) bool {
		if len(opts.Sessions) == 0 {
			return true
		}
		if s == nil {
			return false
		}
		for _, r := range opts.Sessions {
			if *s >= r.From && *s <= r.To {
				return true
			}
		}
		return false
	}
	content := len(opts.Themes) > 0 || len(opts.Countries) > 0 || len(opts.Groups) > 0 || opts.Keep != nil
	seen := map[string]bool{}
	for _, d := range docs {
		rec := d.Record
		if !inSessions(rec.Session) || (len(opts.Languages) > 0 && !slices.Contains(opts.Languages, rec.Language)) || seen[rec.Symbol] {
			continue
		}
		seen[rec.Symbol] = true
		if rec.Sample {
			e.sample = true
		}
		docComments := 0
		for i := range rec.Speeches {
			sp := &rec.Speeches[i]
			var sa *analysis.SpeechAnnotation
			if d.Annotation != nil {
				for j := range d.Annotation.Speeches {
					if d.Annotation.Speeches[j].Seq == sp.Seq {
						sa = &d.Annotation.Speeches[j]
					}
				}
			}
			var groups []analysis.GroupRef
			if sa != nil {
				groups = sa.Groups
			}
			if len(opts.Groups) > 0 {
				ok := false
				for _, g := range groups {
					ok = ok || slices.Contains(opts.Groups, g.ID)
				}
				if !ok {
					continue
				}
			}
			if len(opts.Countries) > 0 {
				ok := slices.Contains(opts.Countries, sp.CountryCode)
				for _, g := range groups {
					for _, m := range g.Members {
						ok = ok || slices.Contains(opts.Countries, m)
					}
				}
				if !ok {
					continue
				}
			}
			statement := sp.Role != corpus.RolePresident && sp.Role != corpus.RoleActingPresident && sp.Role != corpus.RoleSecretariat &&
				(sp.CountryCode != "" || sp.Delegation != "")
			raised := map[string]bool{}
			for _, p := range sp.Paragraphs {
				if sa == nil {
					continue
				}
				var pa *analysis.ParagraphAnnotation
				for j := range sa.Paragraphs {
					if sa.Paragraphs[j].N == p.N {
						pa = &sa.Paragraphs[j]
					}
				}
				if pa == nil || len(pa.Themes) == 0 {
					continue
				}
				var counted []string
				for _, t := range pa.Themes {
					if len(opts.Themes) == 0 || slices.Contains(opts.Themes, t) {
						counted = append(counted, t)
					}
				}
				if len(counted) == 0 {
					continue
				}
				if opts.Keep != nil && !opts.Keep(rec.Symbol, rec.Language, sp.Seq, p.N) {
					continue
				}
				c := expComment{
					rec: rec, sp: sp, seq: sp.Seq, n: p.N, page: p.Page, themes: pa.Themes, counted: counted,
					proposal: pa.Proposal, text: p.Text, groups: groups, sentences: pa.Sentences,
				}
				if d.Counterpart != nil {
					for _, csp := range d.Counterpart.Speeches {
						for _, cp := range csp.Paragraphs {
							if csp.Seq == sp.Seq && cp.N == p.N {
								c.counterpart = cp.Text
							}
						}
					}
				}
				e.comments = append(e.comments, c)
				docComments++
				for _, t := range counted {
					raised[t] = true
					e.paragraphs[t]++
					if sp.CountryCode != "" || sp.Delegation != "" {
						e.own[t]++
					}
					for _, g := range groups {
						for _, m := range g.Members {
							if m != sp.CountryCode {
								e.via[t]++
							}
						}
					}
				}
				if pa.Proposal {
					e.proposals += expectedProposals(pa, counted)
				}
			}
			if statement && rec.Session != nil {
				n := *rec.Session
				key := sp.CountryCode
				if key == "" {
					key = "~" + sp.Delegation
				}
				if e.speakers[n] == nil {
					e.speakers[n], e.themeSpeakers[n] = map[string]bool{}, map[string]map[string]bool{}
				}
				e.speakers[n][key] = true
				for t := range raised {
					if e.themeSpeakers[n][t] == nil {
						e.themeSpeakers[n][t] = map[string]bool{}
					}
					e.themeSpeakers[n][t][key] = true
				}
			}
		}
		if !content || docComments > 0 {
			e.docs = append(e.docs, rec)
			e.speeches += len(rec.Speeches)
		}
	}
	return e
}

// expectedProposals counts the Proposals rows of a proposal paragraph.
func expectedProposals(pa *analysis.ParagraphAnnotation, counted []string) int {
	n, found := 0, false
	for _, s := range pa.Sentences {
		if s.Proposal == "" {
			continue
		}
		found = true
		themes := s.Themes
		if len(themes) == 0 {
			themes = counted
		}
		for _, t := range themes {
			if slices.Contains(counted, t) {
				n++
			}
		}
	}
	if !found {
		n = len(counted)
	}
	return n
}

func (c expComment) link() string {
	if c.rec.Sample {
		return ""
	}
	u := "https://undocs.org/" + c.rec.Language + "/" + c.rec.Symbol
	if c.page > 0 {
		u += "#page=" + strconv.Itoa(c.page)
	}
	return u
}

func (c expComment) themesText() string { return strings.Join(c.themes, "; ") }

// collect gathers the documents of an iterator.
func collect(docs Documents) []*Document {
	var out []*Document
	for d, err := range docs {
		if err != nil {
			panic(err)
		}
		out = append(out, d)
	}
	return out
}

// stateName is the state's name the country table gives, or the
// delegation as printed.
func (c expComment) stateName() string {
	if c.sp.Role == corpus.RolePresident && c.rec.President != nil {
		return "President of the General Assembly (" + c.rec.President.Country + ")"
	}
	if _, country, office := chair(c.rec, c.sp, c.rec.Language); c.sp.Role == corpus.RoleActingPresident && country != "" {
		return office + " (" + country + ")"
	}
	if country, ok := corpus.CountryByCode(c.sp.CountryCode); ok {
		return country.Name(c.rec.Language)
	}
	return c.sp.Delegation
}

// speakerName is the speaker as printed, with the President's name.
func (c expComment) speakerName() string {
	if c.sp.Role == corpus.RolePresident && c.rec.President != nil {
		return c.sp.Speaker + " (" + c.rec.President.Name + ")"
	}
	if name, _, _ := chair(c.rec, c.sp, c.rec.Language); c.sp.Role == corpus.RoleActingPresident && name != "" {
		return c.sp.Speaker + " (" + name + ")"
	}
	return c.sp.Speaker
}
