package index

import (
	"context"
	"testing"

	"github.com/scdebate/scdebate/analysis"
	"github.com/scdebate/scdebate/corpus"
	"github.com/scdebate/scdebate/corpus/fixtures"
	"github.com/scdebate/scdebate/corpus/sample"
	"github.com/scdebate/scdebate/index/indextest"
	"github.com/scdebate/scdebate/ingest"
	"github.com/scdebate/scdebate/ingest/layout"
)

// TestRealRecords ingests the real UN records, codes them with the
// analysis package and checks facet counts and phrase queries against the
// records.
func TestRealRecords(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: ingests, codes and indexes the real records")
	}
	ws, err := corpus.OpenWorkspace(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	res, err := ingest.Ingest(context.Background(), indextest.Lock(t, ws), fixtures.RealPDFs(t), ingest.Options{Extractor: layout.Extractor{}})
	if err != nil {
		t.Fatal(err)
	}
	if res.Written == 0 {
		t.Fatalf("ingestion stored nothing: %+v", res)
	}
	docs := analyseWorkspace(t, ws)
	t.Run("facets", func(t *testing.T) { testFacetCounts(t, docs) })
	t.Run("phrases", func(t *testing.T) {
		testPhrases(t, docs, []string{"international criminal court", "general assembly", "security council", "peacekeeping operations"})
	})
}

// analyseWorkspace codes every record of ws with the default taxonomy and
// returns the records with their annotations.
func analyseWorkspace(t *testing.T, ws *corpus.Workspace) []indextest.Doc {
	t.Helper()
	tx, err := analysis.DefaultTaxonomy()
	if err != nil {
		t.Fatal(err)
	}
	groups, err := analysis.DefaultGroups()
	if err != nil {
		t.Fatal(err)
	}
	coder, err := analysis.NewCoder(tx, groups)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := coder.AnalyzeWorkspace(context.Background(), indextest.Lock(t, ws), analysis.AnalyzeOptions{SkipKeyPhrases: true}); err != nil {
		t.Fatal(err)
	}
	var docs []indextest.Doc
	err = ws.Records().Walk(context.Background(), corpus.StopOnError, func(_ string, rec *corpus.Record) error {
		a, err := analysis.ReadAnnotation(ws, rec.Source.SHA256, tx.Hash())
		if err != nil {
			return err
		}
		docs = append(docs, indextest.Doc{Record: rec, Annotation: a})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return docs
}

// TestIndexesTheAnalysis codes the sample corpus with the analysis package
// and checks the index against its annotations: theme and group facets
// equal the counts in the annotations, under the taxonomy's hash.
func TestIndexesTheAnalysis(t *testing.T) {
	recs, err := sample.Records()
	if err != nil {
		t.Fatal(err)
	}
	ws, err := corpus.OpenWorkspace(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range recs {
		if _, err := ws.Records().Put(r); err != nil {
			t.Fatal(err)
		}
	}
	docs := analyseWorkspace(t, ws)
	coded := 0
	for _, d := range docs {
		for _, sa := range d.Annotation.Speeches {
			for _, pa := range sa.Paragraphs {
				coded += len(pa.Themes)
			}
		}
	}
	if coded == 0 {
		t.Fatal("the analysis coded no theme in the sample corpus")
	}

	tx, err := analysis.DefaultTaxonomy()
	if err != nil {
		t.Fatal(err)
	}
	hash := tx.Hash()
	st, err := Update(context.Background(), indextest.Lock(t, ws), Options{TaxonomyHash: hash})
	if err != nil {
		t.Fatal(err)
	}
	if st.Failed != 0 || st.Written != len(recs) {
		t.Fatalf("update = %+v", st)
	}
	ix := openIndex(t, ws)
	info, _ := ix.Info()
	if info.TaxonomyHashes[hash] != len(recs) {
		t.Errorf("taxonomy hashes = %v, want every record under %s", info.TaxonomyHashes, hash)
	}
	t.Run("facets", func(t *testing.T) { testFacetCounts(t, docs) })
}
