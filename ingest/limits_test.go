package ingest

import (
	"context"
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"github.com/scdebate/scdebate/ingest/layout"
)

// TestTextBound refuses more text than the parser is given, from a text
// file and from a PDF whose pages draw megabytes each, before parsing it.
func TestTextBound(t *testing.T) {
	dir := t.TempDir()
	head := string(readFixture(t, "modern.txt"))
	big := strings.Repeat("Mr. Smith (Ruritania): We thank the President for convening this debate.\n", DefaultMaxTextBytes/70)
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
