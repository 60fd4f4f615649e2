package main

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/scdebate/scdebate/corpus"
)

// readDir maps the files of a directory to their contents.
func readDir(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string][]byte{}
	for _, e := range entries {
		b, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		out[e.Name()] = b
	}
	return out
}

func TestGenerate(t *testing.T) {
	gen := func(seed string) (string, string) {
		out := t.TempDir()
		var stdout bytes.Buffer
		err := execRun(t.Context(), &stdout, io.Discard, "generate", "--out", out, "--sessions", "2", "--meetings", "3", "--speeches", "12", "--seed", seed)
		if err != nil {
			t.Fatal(err)
		}
		return filepath.Join(out, corpus.RecordsDir), stdout.String()
	}
	a, summary := gen("7")
	b, _ := gen("7")
	c, _ := gen("8")
	ra, rb, rc := readDir(t, a), readDir(t, b), readDir(t, c)
	if len(ra) != 6 || !strings.Contains(summary, "wrote 6 records") || !strings.Contains(summary, "72 speeches") {
		t.Fatalf("%d records; summary %q; want 2 sessions × 3 meetings of 12 speeches", len(ra), summary)
	}
	differ := 0
	for name, data := range ra {
		if !bytes.Equal(data, rb[name]) {
			t.Errorf("%s differs between two runs with the same seed", name)
		}
		if !bytes.Equal(data, rc[name]) {
			differ++
		}
		rec, err := corpus.Load(t.Context(), filepath.Join(a, name))
		if err != nil {
			t.Fatal(err)
		}
		if !rec.Sample || len(rec.Speeches) != 12 || !strings.HasPrefix(rec.Symbol, "SAMPLE/") {
			t.Errorf("%s: sample %v, %d speeches, symbol %s", name, rec.Sample, len(rec.Speeches), rec.Symbol)
		}
	}
	if differ == 0 {
		t.Error("another seed gave the same corpus")
	}
}

func TestGenerateBadSizes(t *testing.T) {
	for _, args := range [][]string{
		{"--sessions", "0"}, {"--speeches", "-1"}, {"--meetings", "0"}, {"--language", "xx"},
	} {
		err := execRun(t.Context(), io.Discard, io.Discard, append([]string{"generate", "--out", t.TempDir()}, args...)...)
		if exitCode(err, false) != exitUsage {
			t.Errorf("generate %v: %v, want a usage error", args, err)
		}
	}
}
