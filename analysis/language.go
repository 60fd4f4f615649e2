package analysis

import (
	"fmt"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/standard"
	_ "github.com/blevesearch/bleve/v2/analysis/lang/ar" // registers "ar"
	_ "github.com/blevesearch/bleve/v2/analysis/lang/cjk"
	_ "github.com/blevesearch/bleve/v2/analysis/lang/en"
	_ "github.com/blevesearch/bleve/v2/analysis/lang/es"
	_ "github.com/blevesearch/bleve/v2/analysis/lang/fr"
	_ "github.com/blevesearch/bleve/v2/analysis/lang/ru"
	"github.com/blevesearch/bleve/v2/registry"
)

// Languages are the six official languages of the United Nations.
var Languages = []string{"ar", "zh", "en", "fr", "ru", "es"}

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
