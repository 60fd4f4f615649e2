package main

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/scdebate/scdebate/corpus"
	"github.com/scdebate/scdebate/index/indextest"
)

func TestIndexAndSearchCommands(t *testing.T) {
	dir := t.TempDir()
	ws, err := corpus.OpenWorkspace(dir)
	if err != nil {
		t.Fatal(err)
	}
	if err := indextest.Write(ws, indextest.Handmade()); err != nil {
		t.Fatal(err)
	}
	out, err := run(t, "", "index", "--workspace", dir)
	if err != nil {
		t.Fatalf("index: %v\n%s", err, out)
	}
	if !strings.Contains(out, "index built") || !strings.Contains(out, "13 in the index") {
		t.Errorf("index output: %s", out)
	}
	if _, err := os.Stat(filepath.Join(dir, "lock")); !os.IsNotExist(err) {
		t.Errorf("lock left behind: %v", err)
	}

	out, err = run(t, "", "search", "--workspace", dir, "veto", "--country", "NZL", "--session", "75-79", "--lang", "en")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"CITATION", "A/75/PV.78, p. 4", "2021-06-10", "NZL", "«veto»", "SAMPLE/1, p. 3, para. ", "1–3 of 3 passages"} {
		if !strings.Contains(out, want) {
			t.Errorf("table lacks %q:\n%s", want, out)
		}
	}

	out, err = run(t, "", "search", "--workspace", dir, "--json", `"wrap-up sessions"`)
	if err != nil {
		t.Fatal(err)
	}
	var res struct {
		Total int `json:"total"`
		Hits  []struct {
			Symbol, URL, Highlight string
		} `json:"hits"`
		Facets map[string]any `json:"facets"`
	}
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatalf("--json output: %v\n%s", err, out)
	}
	if res.Total != 1 || res.Hits[0].URL != "https://undocs.org/en/A/75/PV.78#page=4" || res.Facets["country"] == nil ||
		!strings.Contains(res.Hits[0].Highlight, "<mark>") {
		t.Errorf("--json result: %+v", res)
	}

	for _, args := range [][]string{
		{"search", "--workspace", dir, `"unterminated`},
		{"search", "--workspace", dir, "veto", "--session", "79-75"},
		{"search", "--workspace", dir, "veto", "--size", "1000"},
	} {
		if _, err := run(t, "", args...); !errors.As(err, new(usageError)) {
			t.Errorf("%v: %v, want a usage error", args[3:], err)
		}
	}
}
