package reports

import (
	"bytes"
	"context"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/scdebate/scdebate/analysis"
	"github.com/scdebate/scdebate/corpus"
	"github.com/scdebate/scdebate/corpus/sample"
	"github.com/scdebate/scdebate/index/indextest"
	"github.com/xuri/excelize/v2"
)

// sampleWorkspace stores the embedded sample corpus, analysed with the
// built-in taxonomy, in a new workspace.
func sampleWorkspace(t testing.TB) (*corpus.Workspace, []*Document) {
	t.Helper()
	recs, err := sample.Records()
	if err != nil {
		t.Fatal(err)
	}
	ws, err := corpus.OpenWorkspace(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	for _, rec := range recs {
		if _, err := ws.Records().Put(rec); err != nil {
			t.Fatal(err)
		}
	}
	tx := testTaxonomy()
	groups, err := analysis.DefaultGroups()
	if err != nil {
		t.Fatal(err)
	}
	coder, err := analysis.NewCoder(tx, groups)
	if err != nil {
		t.Fatal(err)
	}
	res, err := coder.AnalyzeWorkspace(context.Background(), indextest.Lock(t, ws), analysis.AnalyzeOptions{})
	if err != nil || res.Failed > 0 {
		t.Fatalf("analysis: %+v, %v", res, err)
	}
	var docs []*Document
	for _, rec := range recs {
		ann, err := analysis.ReadAnnotation(ws, rec.Source.SHA256, tx.Hash())
		if err != nil {
			t.Fatal(err)
		}
		docs = append(docs, &Document{Record: rec, Annotation: ann})
	}
	return ws, docs
}

// TestSampleCorpus reports the embedded sample corpus as the analysis
// codes it: every coded English paragraph is a comment, the workbook says
// it is sample data and links to no official record, and the Chinese
// version of a record gives the counterpart passages.
func TestSampleCorpus(t *testing.T) {
	ws, docs := sampleWorkspace(t)
	opts := Options{Counterpart: "zh", GeneratedAt: time.Date(2025, 6, 1, 9, 0, 0, 0, time.UTC)}
	var buf bytes.Buffer
	if err := WriteWorkbook(context.Background(), &buf, ws, opts); err != nil {
		t.Fatal(err)
	}
	// The report uses the English versions, in session order.
	var en []*Document
	zh := map[string]*corpus.Record{}
	for _, d := range docs {
		if d.Record.Language == "zh" {
			zh[d.Record.Symbol] = d.Record
			continue
		}
		en = append(en, d)
	}
	if len(zh) == 0 {
		t.Fatal("the sample corpus has no Chinese record")
	}
	slices.SortStableFunc(en, func(a, b *Document) int { return strings.Compare(a.Record.Date, b.Record.Date) })
	for _, d := range en {
		d.Counterpart = zh[d.Record.Symbol]
	}
	want := expect(en, opts)
	if !want.sample {
		t.Fatal("sample records are not marked sample")
	}
	sheets := []string{SheetOverview, SheetMatrix, SheetComments, SheetProposals, SheetTrends, SheetTopics, SheetSpeakers, SheetSources}
	checkWorkbook(t, buf.Bytes(), sheets, want, opts)
	withCounterpart := 0
	for _, c := range want.comments {
		if c.counterpart != "" {
			withCounterpart++
		}
	}
	if withCounterpart == 0 {
		t.Fatal("no comment has its Chinese counterpart")
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	rows, _ := f.GetRows(SheetComments)
	zhCol := slices.Index(rows[0], "Text (zh)")
	shown := 0
	for _, row := range rows[1:] {
		if len(row) > zhCol && row[zhCol] != "" {
			shown++
		}
	}
	if shown != withCounterpart {
		t.Fatalf("%d comments show a Chinese passage, want %d", shown, withCounterpart)
	}
}
