package main

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/scdebate/scdebate/corpus"
	"github.com/scdebate/scdebate/corpus/fixtures"
)

// TestIngestStoresRealPDFs runs the binary on real records: PDFs go
// through the isolated extractor and come out as records with speeches.
func TestIngestStoresRealPDFs(t *testing.T) {
	ws := t.TempDir()
	r := runBinary(t, nil, "ingest", "--workspace", ws, fixtures.Real(t, "S_PV.8422.pdf"), fixtures.Real(t, "A_60_PV.25.pdf"))
	if r.code != 0 || r.panicked() {
		t.Fatal(r)
	}
	for _, name := range []string{"S_PV.8422.en.json", "A_60_PV.25.en.json"} {
		rec, err := corpus.Load(filepath.Join(ws, "records", name))
		if err != nil {
			t.Fatal(err)
		}
		if len(rec.Speeches) < 5 || rec.Source.Format != "pdf" {
			t.Errorf("%s: %d speeches, format %q", name, len(rec.Speeches), rec.Source.Format)
		}
	}
	if _, err := os.Stat(filepath.Join(ws, "lock")); !os.IsNotExist(err) {
		t.Errorf("lock left behind: %v", err)
	}
}
