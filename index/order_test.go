package index

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/scdebate/scdebate/corpus"
	"github.com/scdebate/scdebate/index/indextest"
)

// TestDateOrderSortsLikeBleve checks searches in date order, by the
// generation's date orders, against bleve's sort on the date keys: on a
// freshly built index and on one updated in place (several segments, with
// deleted documents).
func TestDateOrderSortsLikeBleve(t *testing.T) {
	docs := indextest.Generate(indextest.Options{Seed: 23, Paragraphs: 2500, Versions: []string{"fr", "zh"}, VersionsEvery: 3})
	ws := buildWorkspace(t, docs)
	ix := openIndex(t, ws)
	t.Run("built", func(t *testing.T) { compareDateOrder(t, ix) })

	for _, d := range docs[len(docs)-5:] {
		d.Record.Speeches[0].Paragraphs[0].Text = "Reindexed: the council must reform."
		if _, err := ws.Records().Put(d.Record); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Remove(filepath.Join(ws.Path(corpus.RecordsDir), corpus.FileName(docs[1].Record))); err != nil {
		t.Fatal(err)
	}
	if _, err := Update(context.Background(), indextest.Lock(t, ws), Options{}); err != nil {
		t.Fatal(err)
	}
	refresh(t, ix)
	t.Run("updated", func(t *testing.T) { compareDateOrder(t, ix) })
}

func compareDateOrder(t *testing.T, ix *Index) {
	g, err := ix.acquire()
	if err != nil {
		t.Fatal(err)
	}
	defer g.release()
	<-g.loaded
	cols := g.columns()
	if cols.newest == nil || cols.oldest == nil {
		t.Fatal("date orders not loaded")
	}
	bleveSorted := withColumns(g, &columns{facets: cols.facets})
	reqs := []Request{
		{},
		{From: 60},
		{Sort: SortDateAsc},
		{Sort: SortDateAsc, From: 97},
		{Query: "council", Sort: SortDate},
		{Query: "council OR veto", Sort: SortDateAsc, Languages: []string{"en", "fr"}},
		{Query: `"open debates"`, Sort: SortDate, Highlight: true},
		{Themes: []string{"veto"}, Sessions: []corpus.SessionRange{{From: 70}}},
	}
	for _, req := range reqs {
		req.Size, req.Facets = 50, true
		want, err := ix.search(context.Background(), bleveSorted, &req)
		if err != nil {
			t.Fatal(err)
		}
		if len(want.Hits) < 2 {
			t.Fatalf("%+v: %d hits; the test needs some to order", req, len(want.Hits))
		}
		got, err := ix.search(context.Background(), g, &req)
		if err != nil {
			t.Fatal(err)
		}
		if got.Total != want.Total || len(got.Hits) != len(want.Hits) {
			t.Fatalf("%+v: %d of %d hits, bleve's sort %d of %d", req, len(got.Hits), got.Total, len(want.Hits), want.Total)
		}
		for i := range want.Hits {
			if got.Hits[i].ID != want.Hits[i].ID || got.Hits[i].Score != 0 || len(got.Hits[i].Fragment) != len(want.Hits[i].Fragment) {
				t.Fatalf("%+v: hit %d is %s (score %v), bleve's sort %s", req, i, got.Hits[i].ID, got.Hits[i].Score, want.Hits[i].ID)
			}
		}
	}
	collectReq := Request{Query: "council"}
	want, err := ix.collect(context.Background(), bleveSorted, &collectReq, 100000)
	if err != nil {
		t.Fatal(err)
	}
	got, err := ix.collect(context.Background(), g, &collectReq, 100000)
	if err != nil {
		t.Fatal(err)
	}
	if len(want) < 2 || !slices.EqualFunc(got, want, func(a, b Passage) bool { return a.ID == b.ID }) {
		t.Errorf("collect: %d passages, bleve's sort %d, or another order", len(got), len(want))
	}
}
