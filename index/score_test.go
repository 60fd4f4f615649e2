package index

import (
	"testing"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"

	"github.com/scdebate/scdebate/corpus"
)

// asMatchQueries rebuilds q with every word query the way bleve's match
// query builds it, a conjunction of the one term (or fuzzy) query.
func asMatchQueries(t *testing.T, q query.Query) query.Query {
	switch q := q.(type) {
	case normalized:
		return query.NewConjunctionQuery([]query.Query{q.Query})
	case *query.ConjunctionQuery:
		out := make([]query.Query, len(q.Conjuncts))
		for i, c := range q.Conjuncts {
			out[i] = asMatchQueries(t, c)
		}
		return query.NewConjunctionQuery(out)
	case *query.DisjunctionQuery:
		out := make([]query.Query, len(q.Disjuncts))
		for i, c := range q.Disjuncts {
			out[i] = asMatchQueries(t, c)
		}
		return query.NewDisjunctionQuery(out)
	case *query.BooleanQuery:
		if q.Filter != nil || q.BoostVal != nil {
			t.Fatalf("boolean query with a filter or a boost: %+v", q)
		}
		var must, should, mustNot []query.Query
		if q.Must != nil {
			must = asMatchQueries(t, q.Must).(*query.ConjunctionQuery).Conjuncts
		}
		if q.Should != nil {
			should = asMatchQueries(t, q.Should).(*query.DisjunctionQuery).Disjuncts
		}
		if q.MustNot != nil {
			mustNot = asMatchQueries(t, q.MustNot).(*query.DisjunctionQuery).Disjuncts
		}
		return query.NewBooleanQuery(must, should, mustNot)
	}
	return q
}

// TestWordQueriesScoreLikeMatchQueries checks that compiling a word to its
// term query, rather than to bleve's match query, changes neither the
// scores nor the order of the hits.
func TestWordQueriesScoreLikeMatchQueries(t *testing.T) {
	_, g := generatedIndex(t, 17)
	tests := []struct {
		name  string
		req   Request
		langs []string // the languages of the index, when not all
	}{
		{"term", Request{Query: "council"}, nil},
		{"term, one language", Request{Query: "council"}, []string{"en"}},
		{"fuzzy, one language", Request{Query: "penholdrship~"}, []string{"en"}},
		{"term, language filter", Request{Query: "council", Languages: []string{"en"}}, nil},
		{"three terms", Request{Query: "security council report"}, nil},
		{"or", Request{Query: "veto OR penholdership OR reform"}, nil},
		{"not", Request{Query: "council -veto"}, nil},
		{"only not", Request{Query: "-council"}, nil},
		{"grouped", Request{Query: "(veto OR reform) council NOT sanctions"}, nil},
		{"phrase and term", Request{Query: `"open debates" council`}, nil},
		{"fuzzy", Request{Query: "penholdrship~ council"}, nil},
		{"fuzzy option", Request{Query: "penholdrship council", Fuzzy: true}, nil},
		{"term and filters", Request{Query: "council", Themes: []string{"veto"}, Sessions: []corpus.SessionRange{{From: 60}}}, nil},
		{"chinese", Request{Query: "否决权 OR 安理会"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			langs := tt.langs
			if langs == nil {
				langs = searchLanguages(g.info, tt.req.Languages)
			}
			q, err := compileRequest(&tt.req, langs)
			if err != nil {
				t.Fatal(err)
			}
			search := func(q query.Query) *bleve.SearchResult {
				sr := bleve.NewSearchRequestOptions(q, 10000, 0, false)
				sr.SortBy([]string{"-_score"})
				res, err := g.idx.Search(sr)
				if err != nil {
					t.Fatal(err)
				}
				return res
			}
			got, want := search(q), search(asMatchQueries(t, q))
			if len(want.Hits) == 0 {
				t.Fatal("no hits")
			}
			if len(got.Hits) != len(want.Hits) {
				t.Fatalf("%d hits, with match queries %d", len(got.Hits), len(want.Hits))
			}
			for i := range want.Hits {
				if got.Hits[i].ID != want.Hits[i].ID || got.Hits[i].Score != want.Hits[i].Score {
					t.Fatalf("hit %d: %s %v, with match queries %s %v", i, got.Hits[i].ID, got.Hits[i].Score, want.Hits[i].ID, want.Hits[i].Score)
				}
			}
		})
	}
}
