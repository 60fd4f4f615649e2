package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/scdebate/scdebate/corpus"
	"github.com/scdebate/scdebate/corpus/fixtures"
	"github.com/scdebate/scdebate/ingest/layout/pdftest"
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
		rec, err := corpus.Load(t.Context(), filepath.Join(ws, "records", name))
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

// longRecordPDF is a verbatim record of n pages: the text of a short
// record (ingest's modern.txt) over its first pages, then pages of a
// statement that goes on.
func longRecordPDF(t *testing.T, n int) []byte {
	t.Helper()
	text, err := os.ReadFile(filepath.Join("..", "..", "ingest", "testdata", "text", "modern.txt"))
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(string(text)), "\n")
	var pages []string
	for len(lines) > 0 && len(pages) < n {
		k := min(40, len(lines))
		pages = append(pages, pdftest.Stream("", pdftest.TextPage(lines[:k]...)))
		lines = lines[k:]
	}
	for len(pages) < n {
		pages = append(pages, pdftest.Stream("", pdftest.TextPage("The Council must account to the membership for what it does.")))
	}
	return pdftest.Pages(pages...)
}

// sparsePDF is a file of size bytes that starts as a PDF and holds nothing
// else: too large, or else truncated.
func sparsePDF(t *testing.T, dir, name string, size int64) string {
	t.Helper()
	path := filepath.Join(dir, name)
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if _, err := f.WriteString("%PDF-1.7\n"); err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(size); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestIngestLimitFlagsRaiseAndLower checks that --max-pages and
// --max-file-size move every limit a document meets, up as well as down:
// the PDF's worker and the parser after it refuse a document by the same
// limits, so that a 1,500-page record is stored under --max-pages 2000.
func TestIngestLimitFlagsRaiseAndLower(t *testing.T) {
	dir := t.TempDir()
	long := filepath.Join(dir, "long.pdf")
	if err := os.WriteFile(long, longRecordPDF(t, 1500), 0o644); err != nil {
		t.Fatal(err)
	}
	short := filepath.Join(dir, "short.pdf")
	if err := os.WriteFile(short, longRecordPDF(t, 12), 0o644); err != nil {
		t.Fatal(err)
	}
	huge := sparsePDF(t, dir, "huge.pdf", (256<<20)+1)
	small := sparsePDF(t, dir, "small.pdf", 2<<20)
	tests := []struct {
		name   string
		file   string
		args   []string
		reason string // "" when the document is stored
	}{
		{"1,500 pages by default", long, nil, "too large: 1500 pages (limit 1000)"},
		{"1,500 pages under a raised page limit", long, []string{"--max-pages", "2000"}, ""},
		{"12 pages by default", short, nil, ""},
		{"12 pages under a lowered page limit", short, []string{"--max-pages", "10"}, "too large: 12 pages (limit 10)"},
		{"256 MiB and a byte by default", huge, nil, "too large: 268435457 bytes (limit 268435456)"},
		{"256 MiB and a byte under a raised size limit", huge, []string{"--max-file-size", "300"}, "truncated PDF"},
		{"2 MiB by default", small, nil, "truncated PDF"},
		{"2 MiB under a lowered size limit", small, []string{"--max-file-size", "1"}, "too large: 2097152 bytes (limit 1048576)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			args := append([]string{"ingest", "--workspace", t.TempDir()}, tt.args...)
			r := runBinary(t, nil, append(args, tt.file)...)
			if r.panicked() {
				t.Fatal(r)
			}
			if tt.reason == "" {
				if r.code != 0 || !strings.Contains(r.stdout, "1 stored") {
					t.Fatalf("want the document stored: %v", r)
				}
				return
			}
			if r.code == 0 || !strings.Contains(r.stderr, filepath.Base(tt.file)) || !strings.Contains(r.stderr, tt.reason) {
				t.Fatalf("want a failure naming %s and %q: %v", filepath.Base(tt.file), tt.reason, r)
			}
		})
	}
}
