package index

import (
	"strings"

	"github.com/blevesearch/bleve/v2/registry"
	"github.com/blevesearch/bleve/v2/search/highlight"
	simplefragmenter "github.com/blevesearch/bleve/v2/search/highlight/fragmenter/simple"
	simplehighlighter "github.com/blevesearch/bleve/v2/search/highlight/highlighter/simple"
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

func init() {
	err := registry.RegisterHighlighter(highlighterName, func(map[string]any, *registry.Cache) (highlight.Highlighter, error) {
		return simplehighlighter.NewHighlighter(
			simplefragmenter.NewFragmenter(fragmentSize),
			spanFormatter{},
			" … "), nil
	})
	if err != nil {
		panic(err)
	}
}
