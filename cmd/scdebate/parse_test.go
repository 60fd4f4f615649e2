package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/scdebate/scdebate/corpus"
)

const textFixtures = "../../ingest/testdata/text"

func TestParseCommand(t *testing.T) {
	out, err := run(t, "", "parse", filepath.Join(textFixtures, "modern.txt"))
	if err != nil {
		t.Fatal(err)
	}
	dec := json.NewDecoder(strings.NewReader(out))
	var rec corpus.Record
	if err := dec.Decode(&rec); err != nil {
		t.Fatal(err)
	}
	if dec.More() {
		t.Error("parse printed more than one JSON value")
	}
	if rec.Symbol != "A/77/PV.12" || len(rec.Speeches) != 13 {
		t.Errorf("parsed %q with %d speeches", rec.Symbol, len(rec.Speeches))
	}
}

func TestParseCommandErrors(t *testing.T) {
	bad := filepath.Join(t.TempDir(), "empty.pdf")
	if err := os.WriteFile(bad, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		args []string
		code int
		want string
	}{
		{"empty file", []string{"parse", bad}, exitError, bad + ": empty file"},
		{"not a record", []string{"parse", filepath.Join(textFixtures, "notarecord.txt")}, exitError, "not a verbatim record"},
		{"missing file", []string{"parse", filepath.Join(t.TempDir(), "nope.pdf")}, exitError, "no such file"},
		{"no file", []string{"parse"}, exitUsage, "exactly one FILE"},
		{"two files", []string{"parse", "a", "b"}, exitUsage, "exactly one FILE"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, err := run(t, "", tt.args...)
			if err == nil {
				t.Fatalf("no error; output %q", out)
			}
			if code := exitCode(err, false); code != tt.code || !strings.Contains(err.Error(), tt.want) || strings.Contains(err.Error(), "\n") {
				t.Errorf("error %q (exit %d), want exit %d and %q on one line", err, code, tt.code, tt.want)
			}
			if strings.Contains(out, "{") {
				t.Errorf("printed a record on failure: %q", out)
			}
		})
	}
}

func TestIngestCommand(t *testing.T) {
	ws := t.TempDir()
	t.Setenv("SCDEBATE_WORKSPACE", ws)
	in := t.TempDir()
	for _, name := range []string{"modern.txt", "notarecord.txt"} {
		b, err := os.ReadFile(filepath.Join(textFixtures, name))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(in, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	out, err := run(t, "", "ingest", in)
	if code := exitCode(err, false); code != exitPartial {
		t.Fatalf("exit %d (%v), want %d; output %q", code, err, exitPartial, out)
	}
	if !strings.Contains(out, "2 documents: 1 stored, 0 already in the corpus, 1 failed") || !strings.Contains(out, "notarecord.txt: not a verbatim record") {
		t.Errorf("output %q", out)
	}
	if _, err := os.Stat(filepath.Join(ws, "records", "A_77_PV.12.en.json")); err != nil {
		t.Error(err)
	}
	out, err = run(t, "", "ingest", "--workspace", ws, filepath.Join(in, "modern.txt"))
	if err != nil || !strings.Contains(out, "1 document: 0 stored, 1 already in the corpus, 0 failed") {
		t.Errorf("second run: %v, %q", err, out)
	}
}

func TestIngestCommandUsage(t *testing.T) {
	t.Setenv("SCDEBATE_WORKSPACE", "")
	for _, args := range [][]string{{"ingest", textFixtures}, {"ingest", "--workspace", t.TempDir()}} {
		if _, err := run(t, "", args...); exitCode(err, false) != exitUsage {
			t.Errorf("%q: %v, want a usage error", args, err)
		}
	}
}
