package analysis

import (
	"fmt"
	"sync"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/standard"
	_ "github.com/blevesearch/bleve/v2/analysis/lang/ar" // registers "ar"
	_ "github.com/blevesearch/bleve/v2/analysis/lang/cjk"
	_ "github.com/blevesearch/bleve/v2/analysis/lang/en"
	_ "github.com/blevesearch/bleve/v2/analysis/lang/es"
	_ "github.com/blevesearch/bleve/v2/analysis/lang/fr"
	_ "github.com/blevesearch/bleve/v2/analysis/lang/ru"
	"github.com/blevesearch/bleve/v2/analysis/token/stop"
	"github.com/blevesearch/bleve/v2/registry"
)

// AnalyzerName is the bleve analyzer for text in lang (ISO 639-1). Theme
// coding and the search index both analyse text through it, so that a
// passage coded with a theme is one a search for the theme's terms finds.
func AnalyzerName(lang string) string {
	switch lang {
	case "en", "fr", "es", "ru", "ar":
		return lang
	case "zh":
		return "cjk"
	}
	return standard.Name
}

var analyzers = registry.NewCache()

// Analyzer returns the bleve analyzer for lang.
func Analyzer(lang string) (analysis.Analyzer, error) {
	a, err := analyzers.AnalyzerNamed(AnalyzerName(lang))
	if err != nil {
		return nil, fmt.Errorf("analyzer for %q: %w", lang, err)
	}
	return a, nil
}

// stopMarker stands in for a stop-word filter: instead of removing stop
// words it marks them (Token.KeyWord, which also keeps the stemmers off
// them), so that one analysis yields both the index's token stream (the
// unmarked tokens, at the same positions) and the full stream that
// exclusion phrases such as "during the pandemic" need.
type stopMarker struct{ stop analysis.TokenFilter }

func (m stopMarker) Filter(input analysis.TokenStream) analysis.TokenStream {
	kept := m.stop.Filter(append(analysis.TokenStream(nil), input...))
	keep := make(map[*analysis.Token]bool, len(kept))
	for _, t := range kept {
		keep[t] = true
	}
	for _, t := range input {
		if !keep[t] {
			t.KeyWord = true
		}
	}
	return input
}

var fullAnalyzers sync.Map // lang -> analysis.Analyzer

// fullAnalyzer is Analyzer(lang) with stop words marked rather than removed.
func fullAnalyzer(lang string) (analysis.Analyzer, error) {
	if a, ok := fullAnalyzers.Load(lang); ok {
		return a.(analysis.Analyzer), nil
	}
	a, err := Analyzer(lang)
	if err != nil {
		return nil, err
	}
	if da, ok := a.(*analysis.DefaultAnalyzer); ok {
		full := *da
		full.TokenFilters = make([]analysis.TokenFilter, len(da.TokenFilters))
		for i, f := range da.TokenFilters {
			if _, isStop := f.(*stop.StopTokensFilter); isStop {
				f = stopMarker{stop: f}
			}
			full.TokenFilters[i] = f
		}
		a = &full
	}
	fullAnalyzers.Store(lang, a)
	return a, nil
}
