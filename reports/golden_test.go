package reports

import (
	"bytes"
	"context"
	"flag"
	"os"
	"path/filepath"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// TestCSVGolden pins the exact CSV of a small generated corpus, so that a
// change of columns, order or quoting shows in review; regenerate with
// go test ./reports -run TestCSVGolden -update.
func TestCSVGolden(t *testing.T) {
	cfg := genConfig{Seed: 99, FirstSession: 79, Sessions: 1, Meetings: 1, Speeches: 4, Paragraphs: 2, Tricky: true, Counterpart: "fr"}
	var buf bytes.Buffer
	if err := WriteCSVFrom(context.Background(), &buf, genDocuments(cfg), Options{Counterpart: "fr"}); err != nil {
		t.Fatal(err)
	}
	golden := filepath.Join("testdata", "comments.golden.csv")
	if *update {
		if err := os.WriteFile(golden, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	if !bytes.Equal(buf.Bytes(), want) {
		t.Fatalf("CSV differs from %s (run with -update if the change is intended):\n%s", golden, buf.Bytes())
	}
}
