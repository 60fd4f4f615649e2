package reports

import (
	"context"
	"io"
	"slices"

	"github.com/scdebate/scdebate/corpus"
	"github.com/scdebate/scdebate/index"
)

// SearchWorkbook writes the follow-up workbook of a search (the search
// page's download), from the workspace's records and annotations: the
// search's filters select the documents, and its hits the comments. A
// passage is listed once, in the language version the report uses, when it
// or its counterpart in another language matched.
func SearchWorkbook(ws *corpus.Workspace) func(ctx context.Context, w io.Writer, req *index.Request, hits []index.Passage) error {
	return func(ctx context.Context, w io.Writer, req *index.Request, hits []index.Passage) error {
		type key struct {
			symbol string
			seq, n int
		}
		keep := make(map[key]bool, len(hits))
		langs := map[string]bool{}
		for _, h := range hits {
			keep[key{h.Symbol, h.Seq, h.N}] = true
			langs[h.Language] = true
		}
		opts := Options{
			Themes:  req.Themes,
			Groups:  req.Groups,
			MaxRows: len(hits),
			Keep: func(symbol, _ string, seq, n int) bool {
				return keep[key{symbol, seq, n}]
			},
			// A download missing a record it should hold would say
			// nothing of it: an unreadable record fails the request.
			OnError: corpus.StopOnError,
		}
		// The reports' country filter takes statements made by a state or
		// for a group it belongs to: the search's own-voice filter is
		// narrower, and its hits narrow the rest.
		opts.Countries = append(slices.Clone(req.Countries), req.Voices...)
		opts.Sessions = req.Sessions
		opts.Agenda = req.Agenda
		// The version of a document the report uses is the first of
		// Languages it exists in: the languages of the hits, in the
		// order of preference.
		if len(req.Languages) > 0 {
			opts.Languages = req.Languages
		} else {
			for _, l := range corpus.PreferredLanguages {
				if langs[l] {
					opts.Languages = append(opts.Languages, l)
				}
			}
			for l := range langs {
				if !slices.Contains(opts.Languages, l) {
					opts.Languages = append(opts.Languages, l)
				}
			}
		}
		return WriteWorkbook(ctx, w, ws, opts)
	}
}
