package ingest

import (
	"context"
	"os"
	"path/filepath"
	"testing"
)

func TestDetectLanguage(t *testing.T) {
	tests := map[string]string{
		"modern.txt": "en", "capitals.txt": "en", "french.txt": "fr", "spanish.txt": "es",
		"russian.txt": "ru", "arabic.txt": "ar", "chinese.txt": "zh",
	}
	for file, want := range tests {
		doc, err := TextDocument(readFixture(t, file))
		if err != nil {
			t.Fatal(err)
		}
		if got := detectLanguage(flatten(doc)); got != want {
			t.Errorf("%s: detected %q, want %q", file, got, want)
		}
	}
}

// BenchmarkParseText measures the text path and the structure parser on
// the text fixtures, in documents per second.
func BenchmarkParseText(b *testing.B) {
	paths, _ := filepath.Glob(filepath.Join("testdata", "text", "*.txt"))
	var docs [][]byte
	pages := 0
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		doc, err := TextDocument(data)
		if err != nil {
			b.Fatal(err)
		}
		pages += len(doc.Pages)
		docs = append(docs, data)
	}
	b.ReportAllocs()
	for b.Loop() {
		for _, data := range docs {
			doc, _ := TextDocument(data)
			Parse(context.Background(), doc)
		}
	}
	b.ReportMetric(float64(len(docs)*b.N)/b.Elapsed().Seconds(), "docs/s")
	b.ReportMetric(float64(pages*b.N)/b.Elapsed().Seconds(), "pages/s")
}
