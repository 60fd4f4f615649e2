package reports

import (
	"bytes"
	"context"
	"encoding/csv"
	"slices"
	"strconv"
	"strings"
	"testing"
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
				header = append(header[:len(header)-1], "Text ("+tt.opts.Counterpart+")", "Link")
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
			for i, rec := range records[1:] {
				c := want.comments[i]
				// encoding/csv reads a quoted CRLF as LF.
				text := strings.ReplaceAll(c.text, "\r\n", "\n")
				if rec[12] != text || rec[2] != c.rec.Symbol || rec[5] != strconv.Itoa(c.n) || rec[10] != c.themesText() || rec[len(rec)-1] != c.link() {
					t.Fatalf("row %d = %q, want %s para %d %q", i+1, rec, c.rec.Symbol, c.n, text)
				}
				if tt.opts.Counterpart != "" && rec[13] != strings.ReplaceAll(c.counterpart, "\r\n", "\n") {
					t.Fatalf("row %d counterpart %q, want %q", i+1, rec[13], c.counterpart)
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
