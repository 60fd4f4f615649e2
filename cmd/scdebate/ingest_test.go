package main

import (
	"os"
	"path/filepath"
	"strings"
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

// TestIngestLimits checks that the extraction limits are the user's to
// set, by flag or environment, and that a document over one is reported
// with the limit while the others are stored.
func TestIngestLimits(t *testing.T) {
	small, long := fixtures.Real(t, "S_PV.8422.pdf"), fixtures.Real(t, "A_60_PV.85.pdf") // 9 and 17 pages
	tests := []struct {
		name   string
		env    []string
		args   []string
		reason string
	}{
		{"pages by flag", nil, []string{"--max-pages", "10"}, "too large: 17 pages (limit 10)"},
		{"pages by environment", []string{"SCDEBATE_MAX_PAGES=10"}, nil, "too large: 17 pages (limit 10)"},
		{"defaults", nil, nil, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			args := append([]string{"ingest", "--workspace", t.TempDir()}, tt.args...)
			r := runBinary(t, tt.env, append(args, small, long)...)
			if r.panicked() {
				t.Fatal(r)
			}
			if tt.reason == "" {
				if r.code != 0 || !strings.Contains(r.stdout, "2 stored") {
					t.Fatalf("want both documents stored: %v", r)
				}
				return
			}
			if r.code != 3 || !strings.Contains(r.stderr, "A_60_PV.85.pdf") || !strings.Contains(r.stderr, tt.reason) {
				t.Fatalf("want exit 3 naming A_60_PV.85.pdf and %q: %v", tt.reason, r)
			}
			if !strings.Contains(r.stdout, "1 stored") {
				t.Fatalf("the short document was not stored: %v", r)
			}
		})
	}
}
