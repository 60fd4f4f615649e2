package reports

import (
	"strings"

	"github.com/scdebate/scdebate/analysis"
	"github.com/scdebate/scdebate/corpus"
)

// resolveFilters checks the values of opts's filters and replaces them by
// the IDs and codes the records and annotations carry (see analysis.ResolveThemes,
// analysis.ResolveGroups, corpus.ResolveCountries and corpus.ResolveLanguages), so
// that a mistyped value is an error rather than an empty report. The
// themes are those of the taxonomy that names the report's themes.
func (o *Options) resolveFilters(themes *themeNames) error {
	var err error
	if len(o.Themes) > 0 {
		if themes.tx == nil {
			return &corpus.UnknownValueError{Param: "theme", Value: o.Themes[0], What: "theme",
				Hint: "the taxonomy the records were coded with is unknown; give it with --themes"}
		}
		if o.Themes, err = analysis.ResolveThemes("theme", themes.tx, nil, trimmed(o.Themes)); err != nil {
			return err
		}
	}
	if o.Countries, err = corpus.ResolveCountries("country", trimmed(o.Countries)); err != nil {
		return err
	}
	if len(o.Groups) > 0 {
		if o.Groups, err = analysis.ResolveGroups("group", nil, trimmed(o.Groups)); err != nil {
			return err
		}
	}
	if o.Languages, err = corpus.ResolveLanguages("language", trimmed(o.Languages)); err != nil {
		return err
	}
	if o.Agenda, err = corpus.ResolveDebates("agenda", o.Agenda); err != nil {
		return err
	}
	if o.Counterpart != "" {
		if o.Counterpart, err = corpus.ResolveLanguage("counterpart", o.Counterpart); err != nil {
			return err
		}
	}
	return nil
}

func trimmed(xs []string) []string {
	var out []string
	for _, x := range xs {
		if x = strings.TrimSpace(x); x != "" {
			out = append(out, x)
		}
	}
	return out
}
