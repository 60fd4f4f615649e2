package main

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/scdebate/scdebate/corpus"
)

// TestDamagedWorkspace damages what the stages after ingest read — record
// files, an annotation, the index's CURRENT file — and gives analyze
// malformed theme files: every stage names each damaged file with its
// reason, goes on with the rest, never panics, and the index is repaired
// by a rebuild.
func TestDamagedWorkspace(t *testing.T) {
	ws := filepath.Join(t.TempDir(), "ws")
	samples := filepath.Join("..", "..", "corpus", "sample", "records")
	for _, args := range [][]string{
		{"ingest", "--workspace", ws, samples},
		{"analyze", "--workspace", ws, "--no-phrases"},
	} {
		if r := runBinary(t, nil, args...); r.code != 0 {
			t.Fatal(r)
		}
	}
	records := filepath.Join(ws, corpus.RecordsDir)
	damaged := map[string][]byte{
		"TRUNCATED.en.json": []byte(`{"symbol": "A/79/PV.2`),
		"EMPTY.en.json":     nil,
		"ARRAY.en.json":     []byte("[1, 2, 3]\n"),
		"DEEP.en.json":      []byte(strings.Repeat("[", 100000) + strings.Repeat("]", 100000)),
		"BINARY.en.json":    seededBytes(3, 2048),
	}
	for name, data := range damaged {
		must(t, os.WriteFile(filepath.Join(records, name), data, 0o644))
	}
	// Annotations, not the hidden state files beside them.
	notes, err := filepath.Glob(filepath.Join(ws, corpus.AnnotationsDir, "[0-9a-f]*.json"))
	if err != nil || len(notes) == 0 {
		t.Fatalf("annotations: %v %v", notes, err)
	}
	must(t, os.WriteFile(notes[0], []byte(`{"version": 1, "record_sha256": "`), 0o644))

	// Each damaged record is named once per stage, on its own line.
	namesEach := func(stage string, r binaryRun) {
		t.Helper()
		if r.code != exitPartial || r.panicked() {
			t.Errorf("%s: %s", stage, r)
		}
		for name := range damaged {
			var lines []string
			for _, l := range strings.Split(r.stderr, "\n") {
				if strings.Contains(l, name) {
					lines = append(lines, l)
				}
			}
			if len(lines) != 1 {
				t.Errorf("%s: %s reported on %d lines: %q", stage, name, len(lines), lines)
			}
		}
	}
	r := runBinary(t, nil, "analyze", "--workspace", ws, "--no-phrases")
	namesEach("analyze", r)
	// The damaged annotation is coded again; the others are up to date.
	if !strings.Contains(r.stdout, "analysed 1, unchanged 3, failed 5") {
		t.Errorf("analyze: %s", r)
	}
	namesEach("index", runBinary(t, nil, "index", "--workspace", ws))
	out := filepath.Join(t.TempDir(), "followup.xlsx")
	namesEach("report", runBinary(t, nil, "report", "--workspace", ws, "--out", out))
	checkWorkbook(t, out)
	if r := runBinary(t, nil, "search", "--workspace", ws, "Security Council"); r.code != 0 || !strings.Contains(r.stdout, "SAMPLE/") {
		t.Errorf("search: %s", r)
	}

	current := filepath.Join(ws, corpus.IndexDir, "CURRENT")
	must(t, os.WriteFile(current, []byte("\x00garbage\n"), 0o644))
	for _, args := range [][]string{{"search", "--workspace", ws, "veto"}, {"index", "--workspace", ws}} {
		r := runBinary(t, nil, args...)
		if r.code != exitError || r.panicked() || !strings.Contains(r.stderr, "index --rebuild") || strings.Count(r.stderr, "\n") != 1 {
			t.Errorf("damaged CURRENT: %s", r)
		}
	}
	if r := runBinary(t, nil, "index", "--workspace", ws, "--rebuild"); r.code != exitPartial || r.panicked() {
		t.Errorf("rebuild over a damaged CURRENT: %s", r)
	}
	if records, _ := checkIndex(t, ws); records != 4 {
		t.Errorf("rebuilt index: %d records, want 4", records)
	}
	t.Logf("%d damaged record files, 1 damaged annotation, 1 damaged CURRENT: handled", len(damaged))
}

// TestMalformedThemeFiles gives analyze theme files that are broken or
// hostile: each is refused quickly, naming the file (and the line where
// there is one), and nothing is written.
func TestMalformedThemeFiles(t *testing.T) {
	ws := filepath.Join(t.TempDir(), "ws")
	if r := runBinary(t, nil, "ingest", "--workspace", ws, filepath.Join("..", "..", "corpus", "sample", "records")); r.code != 0 {
		t.Fatal(r)
	}
	var laughs strings.Builder
	laughs.WriteString("themes:\n  - id: a\n    name: {en: A}\n    terms:\n      en: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n")
	prev := "a"
	for _, id := range []string{"b", "c", "d", "e", "f", "g", "h", "i"} {
		refs := strings.TrimSuffix(strings.Repeat("*"+prev+", ", 9), ", ")
		fmt.Fprintf(&laughs, "  - id: %s\n    name: {en: %s}\n    terms:\n      en: &%s [%s]\n", id, strings.ToUpper(id), id, refs)
		prev = id
	}
	files := []struct {
		name, data, reason string
	}{
		{"empty.yaml", "", `empty`},
		{"syntax.yaml", "themes:\n  - id: veto\n    name: [unclosed\n", `syntax\.yaml:\d+: `},
		{"scalar.yaml", "just a sentence\n", `scalar\.yaml:1: `},
		{"binary.yaml", string(seededBytes(4, 3000)), `binary\.yaml:\d+: `},
		{"wrong-shape.yaml", "themes:\n  veto: yes\n", `wrong-shape\.yaml:2: `},
		{"no-terms.yaml", "themes:\n  - id: veto\n    name: {en: Veto}\n", `no-terms\.yaml:2: `},
		{"billion-laughs.yaml", laughs.String(), `billion-laughs\.yaml:\d+: `},
	}
	dir := t.TempDir()
	for _, f := range files {
		path := writeInput(t, dir, f.name, []byte(f.data))
		r := runBinary(t, nil, "analyze", "--workspace", ws, "--no-phrases", "--themes", path)
		if r.code != exitError || r.panicked() || !strings.HasPrefix(r.stderr, "scdebate: "+path) || !regexp.MustCompile(f.reason).MatchString(r.stderr) {
			t.Errorf("%s: %s", f.name, r)
		}
		if r.elapsed > 30*time.Second {
			t.Errorf("%s took %v", f.name, r.elapsed)
		}
		first, _, _ := strings.Cut(r.stderr, "\n")
		t.Logf("%-20s %s", f.name, strings.TrimPrefix(first, "scdebate: "+dir+"/"))
	}
	if notes, _ := filepath.Glob(filepath.Join(ws, corpus.AnnotationsDir, "*")); len(notes) != 0 {
		t.Errorf("annotations written with a broken theme file: %v", notes)
	}
}
