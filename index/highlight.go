package index

import (
	"strings"

	"github.com/blevesearch/bleve/v2/registry"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/highlight"
	simplefragmenter "github.com/blevesearch/bleve/v2/search/highlight/fragmenter/simple"
	simplehighlighter "github.com/blevesearch/bleve/v2/search/highlight/highlighter/simple"
	index "github.com/blevesearch/bleve_index_api"
)

// A fragment travels from bleve as plain text with the matched terms
// between markStart and markEnd, and is split into spans here, so that
// nothing downstream ever has to trust pre-rendered markup: the HTML page
// escapes every span, the terminal prints it as it likes.
const (
	markStart = "\x02"
	markEnd   = "\x03"

	highlighterName = "scdebate-spans"
	fragmentSize    = 240

	// The highlighter looks for the best fragment among at most
	// highlightTerms places of each matched term, within the first
	// highlightWindow bytes of the text: bleve's simple highlighter
	// scores every candidate fragment against every place, which is
	// quadratic in their number (a 1 MB paragraph cost a second and a
	// quarter a search, an 8 MB one never finished).
	highlightTerms  = 64
	highlightWindow = 64 << 10
)

// Span is a piece of a highlighted fragment; Mark is set on matched terms.
type Span struct {
	Text string `json:"text"`
	Mark bool   `json:"mark,omitempty"`
}

// Fragment is an excerpt of a passage around the terms that matched.
type Fragment []Span

// HTML renders the fragment with matched terms in <mark>, escaping the
// text.
func (f Fragment) HTML() string {
	var b strings.Builder
	for _, s := range f {
		if s.Mark {
			b.WriteString("<mark>")
		}
		b.WriteString(htmlEscaper.Replace(s.Text))
		if s.Mark {
			b.WriteString("</mark>")
		}
	}
	return b.String()
}

// Plain renders the fragment as text, matched terms between before and
// after.
func (f Fragment) Plain(before, after string) string {
	var b strings.Builder
	for _, s := range f {
		if s.Mark {
			b.WriteString(before + s.Text + after)
		} else {
			b.WriteString(s.Text)
		}
	}
	return b.String()
}

var htmlEscaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&#34;", "'", "&#39;")

var markStripper = strings.NewReplacer(markStart, "", markEnd, "")

// parseFragment splits a marked fragment into spans.
func parseFragment(s string) Fragment {
	var out Fragment
	for s != "" {
		i := strings.Index(s, markStart)
		if i < 0 {
			out = append(out, Span{Text: s})
			break
		}
		if i > 0 {
			out = append(out, Span{Text: s[:i]})
		}
		s = s[i+len(markStart):]
		j := strings.Index(s, markEnd)
		if j < 0 {
			out = append(out, Span{Text: s, Mark: true})
			break
		}
		if j > 0 {
			out = append(out, Span{Text: s[:j], Mark: true})
		}
		s = s[j+len(markEnd):]
	}
	return out
}

// spanFormatter is bleve's HTML fragment formatter without the escaping,
// marking terms with control characters that are stripped from the text.
type spanFormatter struct{}

func (spanFormatter) Format(f *highlight.Fragment, locations highlight.TermLocations) string {
	var b strings.Builder
	curr := f.Start
	for _, loc := range locations {
		if loc == nil || !loc.ArrayPositions.Equals(f.ArrayPositions) || loc.Start < curr {
			continue
		}
		if loc.End > f.End {
			break
		}
		b.WriteString(markStripper.Replace(string(f.Orig[curr:loc.Start])))
		b.WriteString(markStart)
		b.WriteString(markStripper.Replace(string(f.Orig[loc.Start:loc.End])))
		b.WriteString(markEnd)
		curr = loc.End
	}
	b.WriteString(markStripper.Replace(string(f.Orig[curr:f.End])))
	return b.String()
}

// boundedHighlighter is bleve's simple highlighter given a bounded number
// of places to choose from; on a passage of ordinary length it gives the
// same fragments.
type boundedHighlighter struct {
	*simplehighlighter.Highlighter
}

func (h boundedHighlighter) BestFragmentInField(dm *search.DocumentMatch, doc index.Document, field string) string {
	if f := h.BestFragmentsInField(dm, doc, field, 1); len(f) > 0 {
		return f[0]
	}
	return ""
}

func (h boundedHighlighter) BestFragmentsInField(dm *search.DocumentMatch, doc index.Document, field string, num int) []string {
	bounded := *dm
	bounded.Locations = search.FieldTermLocationMap{field: boundLocations(dm.Locations[field])}
	bounded.Fragments = nil
	fragments := h.Highlighter.BestFragmentsInField(&bounded, doc, field, num)
	if len(fragments) > 0 {
		dm.AddFragments(field, fragments)
	}
	return fragments
}

// boundLocations keeps, of each term, its first places within the window.
func boundLocations(tlm search.TermLocationMap) search.TermLocationMap {
	out := make(search.TermLocationMap, len(tlm))
	for term, locs := range tlm {
		var kept search.Locations
		for _, l := range locs {
			if len(kept) == highlightTerms {
				break
			}
			if l.Start < highlightWindow {
				kept = append(kept, l)
			}
		}
		if len(kept) > 0 {
			out[term] = kept
		}
	}
	return out
}

func init() {
	err := registry.RegisterHighlighter(highlighterName, func(map[string]any, *registry.Cache) (highlight.Highlighter, error) {
		return boundedHighlighter{simplehighlighter.NewHighlighter(
			simplefragmenter.NewFragmenter(fragmentSize),
			spanFormatter{},
			" … ")}, nil
	})
	if err != nil {
		panic(err)
	}
}
