package sample

import (
	"bytes"
	"flag"
	"io/fs"
	"os"
	"path/filepath"
	"testing"
)

var update = flag.Bool("update", false, "rewrite records/ from source/")

// TestRecordsTypesetFromSources checks that every embedded text file is the
// typesetting of its source, so that the text and Records never drift
// apart; -update rewrites the text files.
func TestRecordsTypesetFromSources(t *testing.T) {
	recs, err := Records()
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]bool{}
	for _, rec := range recs {
		name := FileName(rec)
		want[name] = true
		text, err := Render(rec)
		if err != nil {
			t.Fatal(err)
		}
		path := filepath.Join("records", name)
		if *update {
			if err := os.WriteFile(path, text, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		got, err := fs.ReadFile(Files(), name)
		if err != nil {
			t.Errorf("%s: no text file for source (run go test -update): %v", name, err)
			continue
		}
		if !bytes.Equal(got, text) {
			t.Errorf("%s differs from the typesetting of its source (run go test -update)", name)
		}
	}
	if *update {
		return
	}
	files, _ := fs.Glob(Files(), "*.txt")
	for _, f := range files {
		if !want[f] {
			t.Errorf("%s has no source", f)
		}
	}
}
