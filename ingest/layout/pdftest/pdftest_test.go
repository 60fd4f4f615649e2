package pdftest_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/scdebate/scdebate/ingest/layout"
	"github.com/scdebate/scdebate/ingest/layout/pdftest"
)

// TestCrossReference checks that every offset File's table gives points at
// the start of its object: the files are well-formed but for what a test
// breaks on purpose.
func TestCrossReference(t *testing.T) {
	data := pdftest.TextPDF("one", "two (2)")
	m := regexp.MustCompile(`(?s)xref\n0 (\d+)\n(.*?)trailer`).FindSubmatch(data)
	if m == nil {
		t.Fatalf("no cross-reference table in\n%s", data)
	}
	rows := strings.Split(strings.TrimSpace(string(m[2])), "\n")
	if n, _ := strconv.Atoi(string(m[1])); n != len(rows) {
		t.Fatalf("table says %d entries, has %d", n, len(rows))
	}
	for i, row := range rows[1:] {
		off, err := strconv.Atoi(row[:10])
		if err != nil || !strings.HasPrefix(string(data[off:]), strconv.Itoa(i+1)+" 0 obj\n") {
			t.Errorf("entry %d (%q) does not point at object %d", i+1, row, i+1)
		}
	}
}

// TestExtracted checks the documents against the extractor they are
// written for: the text ones say their text, the broken ones are refused
// for their reason.
func TestExtracted(t *testing.T) {
	tests := []struct {
		name string
		data []byte
		want []string // text of each page
		err  error
	}{
		{"one page a text", pdftest.TextPDF("hello world", "a (quoted) back\\slash"), []string{"hello world", "a (quoted) back\\slash"}, nil},
		{"lines of a page", pdftest.Pages(pdftest.Stream("", pdftest.TextPage("first line", "second line"))), []string{"first line\nsecond line"}, nil},
		// Mid-page, where text repeated on every page is not taken for a
		// running head.
		{"shared content", pdftest.SharedPages(3, 3, "BT /F1 12 Tf 72 400 Td (same) Tj ET"), []string{"same", "same", "same"}, nil},
		{"encrypted", pdftest.Encrypted(), nil, layout.ErrEncrypted},
		{"image only", pdftest.ImageOnly(), nil, layout.ErrNoText},
		{"zip", pdftest.ZIP(), nil, layout.ErrNotPDF},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "test.pdf")
			if err := os.WriteFile(path, tt.data, 0o644); err != nil {
				t.Fatal(err)
			}
			doc, err := layout.ExtractInProcess(context.Background(), path, layout.Options{})
			if tt.err != nil {
				if !errors.Is(err, tt.err) {
					t.Fatalf("err = %v, want %v", err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if len(doc.Pages) != len(tt.want) {
				t.Fatalf("%d pages, want %d", len(doc.Pages), len(tt.want))
			}
			for i, p := range doc.Pages {
				var lines []string
				for _, l := range p.Lines {
					lines = append(lines, l.Text)
				}
				if got := strings.Join(lines, "\n"); got != tt.want[i] {
					t.Errorf("page %d says %q, want %q", i+1, got, tt.want[i])
				}
			}
		})
	}
}
