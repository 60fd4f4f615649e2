package web

import (
	"context"

	"github.com/scdebate/scdebate/analysis"
	"github.com/scdebate/scdebate/corpus"
	"github.com/scdebate/scdebate/index"
)

// Vocabulary is what a search's filter values are checked against: the
// taxonomy the index's themes come from and the group table (nil: the
// built-in ones).
type Vocabulary struct {
	Taxonomy *analysis.Taxonomy
	Groups   *analysis.Groups
}

// ResolveFilters checks the filter values of req and replaces them by the
// IDs and codes the index holds: states by code or by name in any official
// language (country, voice), languages by code or name (lang), themes and
// groups by ID or name. A theme the taxonomy lacks is still accepted when
// the index holds it (an index built under another taxonomy). A value that
// names nothing is a *corpus.UnknownValueError with the nearest known
// values, so that a mistyped filter is not an empty result.
func ResolveFilters(ctx context.Context, ix *index.Index, req *index.Request, v Vocabulary) error {
	var err error
	if req.Countries, err = corpus.ResolveCountries("country", req.Countries); err != nil {
		return err
	}
	if req.Voices, err = corpus.ResolveCountries("voice", req.Voices); err != nil {
		return err
	}
	if req.Languages, err = corpus.ResolveLanguages("lang", req.Languages); err != nil {
		return err
	}
	if req.Agenda, err = corpus.ResolveDebates("agenda", req.Agenda); err != nil {
		return err
	}
	if len(req.Groups) > 0 {
		if req.Groups, err = analysis.ResolveGroups("group", v.Groups, req.Groups); err != nil {
			return err
		}
	}
	if len(req.Themes) > 0 {
		themes, err := analysis.ResolveThemes("theme", v.Taxonomy, nil, req.Themes)
		if err != nil && ix != nil {
			// The index may hold themes of another taxonomy: ask it for
			// them only when the taxonomy does not know a value.
			res, serr := ix.Search(ctx, &index.Request{Facets: true})
			if serr != nil {
				return serr
			}
			var extra []string
			for _, t := range res.Facets[index.FacetTheme] {
				extra = append(extra, t.Term)
			}
			themes, err = analysis.ResolveThemes("theme", v.Taxonomy, extra, req.Themes)
		}
		if err != nil {
			return err
		}
		req.Themes = themes
	}
	return nil
}
