package reports

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/scdebate/scdebate/analysis"
	"github.com/scdebate/scdebate/corpus"
	"github.com/xuri/excelize/v2"
)

func TestSelectWorkspaceVersions(t *testing.T) {
	cfg := genConfig{Seed: 11, FirstSession: 78, Sessions: 2, Meetings: 2, Speeches: 6, Paragraphs: 3, Counterpart: "fr"}
	ws := genWorkspace(t, cfg)
	tests := []struct {
		name        string
		opts        Options
		lang        string
		counterpart bool
		docs        int
		baseline    int
	}{
		{name: "English preferred", opts: Options{}, lang: "en", docs: 4},
		{name: "French asked for", opts: Options{Languages: []string{"fr"}}, lang: "fr", docs: 4},
		{name: "preference order", opts: Options{Languages: []string{"fr", "en"}}, lang: "fr", docs: 4},
		{name: "counterpart paired", opts: Options{Counterpart: "fr"}, lang: "en", counterpart: true, docs: 4},
		{name: "absent language", opts: Options{Languages: []string{"zh"}}, docs: 0},
		{name: "previous session as baseline", opts: Options{Sessions: []corpus.SessionRange{{From: 79, To: 79}}}, lang: "en", docs: 2, baseline: 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			opts := tt.opts
			sel, err := selectWorkspace(context.Background(), ws, &opts)
			if err != nil {
				t.Fatal(err)
			}
			var docs, baseline int
			last := ""
			for _, s := range sel.docs {
				if s.baseline {
					baseline++
					if *s.h.Session != 78 {
						t.Fatalf("baseline from session %d", *s.h.Session)
					}
					continue
				}
				docs++
				if s.h.Language != tt.lang || (s.counterpart != nil) != tt.counterpart {
					t.Fatalf("%s: language %s, counterpart %v", s.h.Symbol, s.h.Language, s.counterpart != nil)
				}
				key := s.h.Date + s.h.Symbol
				if key < last {
					t.Fatalf("%s out of order", s.h.Symbol)
				}
				last = key
			}
			if docs != tt.docs || baseline != tt.baseline || sel.total != tt.docs {
				t.Fatalf("docs %d (total %d), baseline %d; want %d, %d", docs, sel.total, baseline, tt.docs, tt.baseline)
			}
			if want := testTaxonomy().Hash(); tt.docs > 0 && opts.annotationHash != want {
				t.Fatalf("annotations under %q, want %s discovered", opts.annotationHash, want)
			}
		})
	}
}

func TestDiscoverTaxonomy(t *testing.T) {
	builtin := testTaxonomy().Hash()
	tests := []struct {
		name  string
		hash  string // the corpus is coded under
		extra string // one record is also coded under
		want  string
	}{
		{name: "built-in taxonomy", want: builtin},
		{name: "built-in taxonomy preferred", extra: "other", want: builtin},
		{name: "custom taxonomy", hash: "custom1", want: "custom1"},
		{name: "most records", hash: "custom1", extra: "custom2", want: "custom1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg := genConfig{Seed: 12, FirstSession: 79, Sessions: 1, Meetings: 3, Speeches: 5, Paragraphs: 3, TaxonomyHash: tt.hash}
			ws := genWorkspace(t, cfg)
			if tt.extra != "" {
				_, ann := genDocument(cfg, 79, 1, "en")
				ann.TaxonomyHash = tt.extra
				if err := analysis.WriteAnnotation(ws, ann); err != nil {
					t.Fatal(err)
				}
			}
			var opts Options
			if _, err := selectWorkspace(context.Background(), ws, &opts); err != nil {
				t.Fatal(err)
			}
			if opts.annotationHash != tt.want {
				t.Fatalf("annotations under %q, want %q", opts.annotationHash, tt.want)
			}
		})
	}
}

func TestExplicitTaxonomyLeavesRecordsUncoded(t *testing.T) {
	cfg := genConfig{Seed: 12, FirstSession: 79, Sessions: 1, Meetings: 3, Speeches: 5, Paragraphs: 3}
	ws := genWorkspace(t, cfg)
	// An edited taxonomy has a hash of its own; it has coded one record.
	yaml := strings.Replace(string(analysis.DefaultTaxonomyYAML()), "Virtual meetings", "Virtual meetings (VTC)", 1)
	tx, err := analysis.ParseTaxonomy("edited.yaml", []byte(yaml))
	if err != nil || tx.Hash() == testTaxonomy().Hash() {
		t.Fatalf("edited taxonomy: %v (hash %s)", err, tx.Hash())
	}
	rec, ann := genDocument(cfg, 79, 1, "en")
	ann.TaxonomyHash = tx.Hash()
	if err := analysis.WriteAnnotation(ws, ann); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := WriteWorkbook(context.Background(), &buf, ws, Options{Taxonomy: tx}); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	rows, _ := f.GetRows(SheetOverview)
	found := false
	for _, row := range rows {
		if len(row) > 1 && row[0] == "Documents without coding" {
			found = strings.HasPrefix(row[1], "2 document(s)") && !strings.Contains(row[1], rec.Symbol)
		}
	}
	if !found {
		t.Fatal("Overview does not list the two documents without coding")
	}
	matrix, _ := f.GetRows(SheetMatrix)
	if !slices.Contains(matrix[0], "Virtual meetings (VTC)") {
		t.Fatal("themes are not named by the taxonomy given")
	}
}

func TestWorkspaceBadRecord(t *testing.T) {
	cfg := genConfig{Seed: 13, FirstSession: 79, Sessions: 1, Meetings: 2, Speeches: 5, Paragraphs: 3}
	ws := genWorkspace(t, cfg)
	records := ws.Path(corpus.RecordsDir)
	bad := filepath.Join(records, "A_79_PV.99.en.json")
	if err := os.WriteFile(bad, []byte(`{"symbol": "A/79/PV.99", "language": "en", "session": 79, "speeches": [{"seq": 1, "para`), 0o644); err != nil {
		t.Fatal(err)
	}
	truncatedHeader := filepath.Join(records, "A_79_PV.98.en.json")
	if err := os.WriteFile(truncatedHeader, []byte(`{"symbol": "A/79/PV.98", "sess`), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Run("stopped on error the report fails naming the file", func(t *testing.T) {
		err := WriteWorkbook(context.Background(), &bytes.Buffer{}, ws, Options{OnError: corpus.StopOnError})
		if err == nil || !strings.Contains(err.Error(), "A_79_PV.9") {
			t.Fatalf("err = %v, want one naming the bad record", err)
		}
	})
	t.Run("with callback bad records are skipped", func(t *testing.T) {
		var skipped []string
		opts := Options{OnError: func(path string, err error) error {
			skipped = append(skipped, filepath.Base(path))
			return nil
		}}
		var buf bytes.Buffer
		if err := WriteWorkbook(context.Background(), &buf, ws, opts); err != nil {
			t.Fatal(err)
		}
		if len(skipped) != 2 {
			t.Fatalf("skipped %v, want both bad records", skipped)
		}
		f, err := excelize.OpenReader(&buf)
		if err != nil {
			t.Fatal(err)
		}
		rows, _ := f.GetRows(SheetSources)
		if len(rows) != 3 {
			t.Fatalf("Sources has %d rows, want the header and the 2 good records", len(rows))
		}
	})
}
