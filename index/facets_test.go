package index

import (
	"context"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/scdebate/scdebate/corpus"
	"github.com/scdebate/scdebate/index/indextest"
)

// facetRequests are searches whose facets are compared between the
// columns in memory and bleve's own terms facets.
var facetRequests = []Request{
	{},
	{Query: "veto"},
	{Query: "council"},
	{Query: "veto OR penholdership", Sessions: []corpus.SessionRange{{From: 70}}},
	{Query: `"open debates"`},
	{Themes: []string{"veto", "burden-sharing"}},
	{Languages: []string{"fr", "zh"}},
	{Query: "nothingmatchesthis"},
	{Query: "council", Size: 5, From: 3},
	{Query: "council", Size: 20, Highlight: true},
	{Query: "veto", Countries: []string{"NZL"}, Size: 100, Highlight: true, Sort: SortDate},
}

// TestFacetColumnsCountLikeBleve checks the facets counted from the
// columns against bleve's terms facets on the same generation: a freshly
// built one (one segment) and one updated in place (several segments, with
// deleted documents), with every column, with none, and with the columns
// a small memory budget leaves.
func TestFacetColumnsCountLikeBleve(t *testing.T) {
	docs := indextest.Generate(indextest.Options{Seed: 5, Paragraphs: 2500, Versions: []string{"fr", "zh"}, VersionsEvery: 3})
	ws := buildWorkspace(t, docs)
	ix := openIndex(t, ws)
	t.Run("built", func(t *testing.T) { compareFacets(t, ix) })

	for _, d := range docs[:4] {
		d.Record.Speeches[0].CountryCode = "ZZZ"
		if _, err := ws.Records().Put(d.Record); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Remove(filepath.Join(ws.Path(corpus.RecordsDir), corpus.FileName(docs[5].Record))); err != nil {
		t.Fatal(err)
	}
	if _, err := Update(context.Background(), indextest.Lock(t, ws), Options{}); err != nil {
		t.Fatal(err)
	}
	refresh(t, ix)
	t.Run("updated", func(t *testing.T) { compareFacets(t, ix) })
}

// withColumns is g with other columns.
func withColumns(g *generation, c *columns) *generation {
	other := &generation{name: g.name, idx: g.idx, info: g.info}
	other.cols.Store(c)
	return other
}

func compareFacets(t *testing.T, ix *Index) {
	g, err := ix.acquire()
	if err != nil {
		t.Fatal(err)
	}
	defer g.release()
	<-g.loaded
	facets := g.columns().facets
	if len(facets) != len(facetFields) {
		t.Fatalf("%d facet columns loaded, want %d", len(facets), len(facetFields))
	}
	adv, err := g.idx.Advanced()
	if err != nil {
		t.Fatal(err)
	}
	r, err := adv.Reader()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	// A budget that holds the smaller columns only.
	partial, err := loadFacetColumns(context.Background(), r, []string{FieldCountry, FieldThemes, FieldSession, FieldGroups, FieldLanguage}, facets[FieldCountry].bytes()+facets[FieldThemes].bytes())
	if err != nil {
		t.Fatal(err)
	}
	if len(partial) == 0 || len(partial) == len(facetFields) {
		t.Fatalf("a small budget kept %d of %d columns; the test needs some left out", len(partial), len(facetFields))
	}
	variants := map[string]facetColumns{"none": nil, "partial": partial}
	seen := 0
	for _, req := range facetRequests {
		req.Facets = true
		want, err := ix.search(context.Background(), g, &req)
		if err != nil {
			t.Fatal(err)
		}
		for _, terms := range want.Facets {
			seen += len(terms)
		}
		for name, cols := range variants {
			got, err := ix.search(context.Background(), withColumns(g, &columns{facets: cols}), &req)
			if err != nil {
				t.Fatal(err)
			}
			if got.Total != want.Total || !reflect.DeepEqual(got.Facets, want.Facets) {
				t.Errorf("%+v, columns %s: total %d, facets %v; with every column: total %d, facets %v", req, name, got.Total, got.Facets, want.Total, want.Facets)
			}
		}
	}
	if seen == 0 {
		t.Fatal("no request counted anything")
	}
}
