package index

import (
	"context"
	"reflect"
	"testing"

	"github.com/blevesearch/bleve/v2"

	"github.com/scdebate/scdebate/corpus"
)

// TestPageHighlightsLikeBleve checks the fragments of the page, loaded by
// a second search restricted to the page's documents, against bleve
// highlighting the hits within the search itself.
func TestPageHighlightsLikeBleve(t *testing.T) {
	ix, g := generatedIndex(t, 13)
	tests := []struct {
		name string
		req  Request
	}{
		{"term", Request{Query: "veto"}},
		{"two terms", Request{Query: "security council"}},
		{"or", Request{Query: "veto OR penholdership"}},
		{"not", Request{Query: "council -veto"}},
		{"phrase", Request{Query: `"open debates"`}},
		{"prefix", Request{Query: "penhold*"}},
		{"fuzzy", Request{Query: "penholdrship", Fuzzy: true}},
		{"chinese", Request{Query: "否决权"}},
		{"filtered, by date", Request{Query: "council", Sessions: []corpus.SessionRange{{From: 60}}, Sort: SortDate}},
		{"second page", Request{Query: "council", From: 20}},
	}
	marked := 0
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.req.Size, tt.req.Highlight = 20, true
			got, err := ix.search(context.Background(), g, &tt.req)
			if err != nil {
				t.Fatal(err)
			}
			if len(got.Hits) == 0 {
				t.Fatal("no hits")
			}

			// The same search with bleve highlighting as it ranks.
			langs := searchLanguages(g.info, nil)
			q, err := compileRequest(&tt.req, langs)
			if err != nil {
				t.Fatal(err)
			}
			sr := bleve.NewSearchRequestOptions(q, tt.req.Size, tt.req.From, false)
			sr.Fields = storedFields
			switch tt.req.Sort {
			case SortDate:
				sr.SortBy([]string{FieldNewest})
				sr.Score = "none"
			default:
				sr.SortBy([]string{"-_score"})
			}
			sr.Highlight = bleve.NewHighlightWithStyle(highlighterName)
			for _, l := range langs {
				sr.Highlight.AddField(TextField(l))
			}
			res, err := g.idx.Search(sr)
			if err != nil {
				t.Fatal(err)
			}
			if len(res.Hits) != len(got.Hits) {
				t.Fatalf("%d hits, bleve %d", len(got.Hits), len(res.Hits))
			}
			for i, dm := range res.Hits {
				want := hitFrom(dm)
				if got.Hits[i].ID != want.ID || !reflect.DeepEqual(got.Hits[i].Fragment, want.Fragment) || !reflect.DeepEqual(got.Hits[i].Passage, want.Passage) {
					t.Errorf("hit %d: %s %q, bleve: %s %q", i, got.Hits[i].ID, got.Hits[i].Fragment.Plain("[", "]"), want.ID, want.Fragment.Plain("[", "]"))
				}
				for _, s := range want.Fragment {
					if s.Mark {
						marked++
					}
				}
			}
		})
	}
	if marked == 0 {
		t.Fatal("nothing was highlighted")
	}
}
