package ingest

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"unicode/utf8"
)

// FuzzParseText feeds arbitrary text through the text path and the
// structure parser: they may refuse it, never panic, and what they accept
// is a well-formed record.
func FuzzParseText(f *testing.F) {
	// Short seeds keep the minimisation of new inputs quick.
	paths, _ := filepath.Glob(filepath.Join("testdata", "text", "*.txt"))
	for _, p := range paths {
		if b, err := os.ReadFile(p); err == nil {
			f.Add(b[:min(len(b), 1200)])
		}
	}
	f.Add([]byte("A/1/PV.1\nThe President: (\n"))
	f.Add([]byte("S/PV.1\fMr. X (Y (Z (\f\f"))
	f.Add([]byte("A/1/PV.1\nMr. X (Kenya): We said:\n\n“A quote.”\n(spoke in French)\nOui.\n(spoke in English)\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		doc, err := TextDocument(data)
		if err != nil {
			return
		}
		rec, err := Parse(context.Background(), doc)
		if err != nil {
			return
		}
		if len(rec.Speeches) == 0 {
			t.Fatal("a record without speeches was accepted")
		}
		for i, s := range rec.Speeches {
			if s.Seq != i+1 {
				t.Fatalf("speech %d has seq %d", i+1, s.Seq)
			}
			for _, p := range s.Paragraphs {
				if p.Text == "" || !utf8.ValidString(p.Text) || p.Page < 1 || p.Page > len(doc.Pages) {
					t.Fatalf("bad paragraph %+v", p)
				}
			}
		}
	})
}
