package ingest

import (
	"context"
	"strings"
	"testing"

	"github.com/scdebate/scdebate/ingest/layout"
)

// TestErrorOneLineWhateverTheName keeps the error of a file whose name
// holds a newline or other control characters on one line, naming the
// file once, on the text path and the PDF path.
func TestErrorOneLineWhateverTheName(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"record\n29.txt", "record\r\x1b[31m.pdf"} {
		path := writeFile(t, dir, name, nil)
		if strings.HasSuffix(name, ".pdf") {
			writeFile(t, dir, name, []byte("%PDF-1.4\n"))
		}
		ex := fakeExtractor(func(_ context.Context, p string) (*layout.Document, error) {
			return nil, &layout.ExtractError{Path: p, Err: layout.ErrTruncated}
		})
		_, err := ParseFile(context.Background(), path, ex)
		if err == nil {
			t.Fatalf("%q: no error", name)
		}
		msg := err.Error()
		if strings.ContainsAny(msg, "\n\r\x1b") || strings.Count(msg, "record") != 1 {
			t.Errorf("%q: message %q is not one line naming the file once", name, msg)
		}
	}
}
