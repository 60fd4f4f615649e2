package ingest

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/scdebate/scdebate/corpus"
	"github.com/scdebate/scdebate/ingest/layout"
	"github.com/scdebate/scdebate/ingest/layout/pdftest"
)

// TestTextBound refuses more text than the parser is given, from a text
// file and from a PDF whose pages draw megabytes each, before parsing it.
func TestTextBound(t *testing.T) {
	dir := t.TempDir()
	head := string(readFixture(t, "modern.txt"))
	big := strings.Repeat("Mr. Smith (Ruritania): We thank the President for convening this debate.\n", layout.DefaultMaxTextBytes/70)
	text := writeFile(t, dir, "big.txt", []byte(head+big))
	pdf := writeFile(t, dir, "big.pdf", []byte("%PDF-1.7\n"))
	doc, err := TextDocument([]byte(head + big))
	if err != nil {
		t.Fatal(err)
	}
	ex := fakeExtractor(func(context.Context, string) (*layout.Document, error) { return &doc, nil })
	for _, path := range []string{text, pdf} {
		_, err := ParseFile(context.Background(), path, ex)
		if !errors.Is(err, ErrTooLarge) {
			t.Errorf("%s: error %v, want %v", filepath.Base(path), err, ErrTooLarge)
		}
	}
}

// pagedText is a text record of n pages: modern.txt, then pages of a
// statement that goes on, each of about pageBytes.
func pagedText(t *testing.T, n, pageBytes int) []byte {
	t.Helper()
	var b strings.Builder
	head := strings.TrimRight(string(readFixture(t, "modern.txt")), "\f\n")
	b.WriteString(head)
	line := "The Council must account to the membership for what it does.\n"
	for range n - 1 - strings.Count(head, "\f") {
		b.WriteString("\f")
		b.WriteString(strings.Repeat(line, max(1, pageBytes/len(line))))
	}
	return []byte(b.String())
}

// TestLimitsRaiseAndLower checks that Options.Limits move every limit a
// document meets, up as well as down, on the text path and after a PDF's
// extraction: the page limit, the text limits that follow it, and the
// file size.
func TestLimitsRaiseAndLower(t *testing.T) {
	dir := t.TempDir()
	longText := writeFile(t, dir, "long.txt", pagedText(t, 1500, 100))
	shortText := writeFile(t, dir, "short.txt", pagedText(t, 12, 100))
	denseText := writeFile(t, dir, "dense.txt", pagedText(t, 5, 45_000))
	longDoc, err := textDocument(pagedText(t, 1500, 100), layout.Limits{MaxPages: 2000}.WithDefaults())
	if err != nil {
		t.Fatal(err)
	}
	longPDF := writeFile(t, dir, "long.pdf", []byte("%PDF-1.7\n"))
	hugePDF := filepath.Join(dir, "huge.pdf")
	if err := os.WriteFile(hugePDF, []byte("%PDF-1.7\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Truncate(hugePDF, layout.DefaultMaxFileSize+1); err != nil {
		t.Fatal(err)
	}
	short, err := TextDocument(pagedText(t, 12, 100))
	if err != nil {
		t.Fatal(err)
	}
	ex := fakeExtractor(func(_ context.Context, path string) (*layout.Document, error) {
		if filepath.Base(path) == "long.pdf" {
			return &longDoc, nil
		}
		return &short, nil
	})
	tests := []struct {
		name   string
		file   string
		limits layout.Limits
		reason string // "" when the document is stored
	}{
		{"1,500-page text by default", longText, layout.Limits{}, "1500 pages (limit 1000)"},
		{"1,500-page text under a raised page limit", longText, layout.Limits{MaxPages: 2000}, ""},
		{"12-page text by default", shortText, layout.Limits{}, ""},
		{"12-page text under a lowered page limit", shortText, layout.Limits{MaxPages: 10}, "12 pages (limit 10)"},
		{"135 kB of text by default", denseText, layout.Limits{}, ""},
		{"135 kB of text under a lowered page limit", denseText, layout.Limits{MaxPages: 10}, "bytes (limit 83886)"},
		{"1,500 pages extracted by default", longPDF, layout.Limits{}, "1500 pages (limit 1000)"},
		{"1,500 pages extracted under a raised page limit", longPDF, layout.Limits{MaxPages: 2000}, ""},
		{"256 MiB and a byte by default", hugePDF, layout.Limits{}, "268435457 bytes (limit 268435456)"},
		{"256 MiB and a byte under a raised size limit", hugePDF, layout.Limits{MaxFileSize: 300 << 20}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ws, err := corpus.OpenWorkspace(t.TempDir())
			if err != nil {
				t.Fatal(err)
			}
			res, err := ingestInto(t, context.Background(), ws, []string{tt.file}, Options{Extractor: ex, Limits: tt.limits})
			if err != nil {
				t.Fatal(err)
			}
			if tt.reason == "" {
				if res.Written != 1 {
					t.Fatalf("want the document stored: %+v %v", res, res.Failures)
				}
				return
			}
			if res.Failed != 1 || !errors.Is(res.Failures[0], ErrTooLarge) || !strings.Contains(res.Failures[0].Error(), tt.reason) {
				t.Fatalf("want the document refused as too large (%s): %+v %v", tt.reason, res, res.Failures)
			}
		})
	}
}

// TestTooLargeFromTheExtractor checks that a document the PDF extractor
// refuses for a limit is ErrTooLarge here too: one sentinel.
func TestTooLargeFromTheExtractor(t *testing.T) {
	path := writeFile(t, t.TempDir(), "ten.pdf", pdftest.TextPDF("1", "2", "3", "4", "5", "6", "7", "8", "9", "10"))
	ex := layout.Extractor{Options: layout.Options{Limits: layout.Limits{MaxPages: 5}}}
	_, err := ParseFile(context.Background(), path, ex)
	var ee *layout.ExtractError
	if !errors.Is(err, ErrTooLarge) || !errors.Is(err, layout.ErrTooLarge) || !errors.As(err, &ee) {
		t.Fatalf("ParseFile = %v, want ingest.ErrTooLarge from the extractor's *layout.ExtractError", err)
	}
}
