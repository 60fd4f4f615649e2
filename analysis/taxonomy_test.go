package analysis

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func TestDefaultTaxonomyHasTheContractIDs(t *testing.T) {
	tx, err := DefaultTaxonomy()
	if err != nil {
		t.Fatal(err)
	}
	if got := tx.IDs(); !slices.Equal(got, ThemeIDs) {
		t.Errorf("theme IDs = %v, want %v", got, ThemeIDs)
	}
	for _, th := range tx.Themes {
		for _, lang := range []string{"en", "fr", "es", "zh"} {
			if len(th.Terms[lang]) == 0 {
				t.Errorf("theme %s has no %s terms", th.ID, lang)
			}
			if th.Names[lang] == "" {
				t.Errorf("theme %s has no %s name", th.ID, lang)
			}
		}
		if th.Description == "" {
			t.Errorf("theme %s has no description", th.ID)
		}
	}
	again, _ := DefaultTaxonomy()
	if tx.Hash() == "" || tx.Hash() != again.Hash() {
		t.Errorf("hash %q unstable (%q)", tx.Hash(), again.Hash())
	}
}

func TestParseTaxonomyErrors(t *testing.T) {
	tests := []struct {
		name, yaml string
		line       int
		theme      string
		problem    string
	}{
		{"not yaml", "themes: [\n", 1, "", "did not find expected node content"},
		{"empty", "", 0, "", "empty file"},
		{"no themes", "version: 1\n", 1, "", "no themes list"},
		{"unknown top key", "version: 1\nthemez: []\n", 2, "", `unknown top-level key "themez"`},
		{"bad version", "version: 2\nthemes: []\n", 1, "", "unsupported version"},
		{"theme without id", "themes:\n  - name: X\n    terms: {en: [x]}\n", 2, "", "without an id"},
		{"bad id", "themes:\n  - id: Bad_ID\n    name: X\n    terms: {en: [x]}\n", 2, "Bad_ID", "lower-case"},
		{"duplicate", "themes:\n  - id: a\n    name: A\n    terms: {en: [x]}\n  - id: a\n    name: A\n    terms: {en: [y]}\n", 5, "a", "duplicate theme id (first defined on line 2)"},
		{"unknown language", "themes:\n  - id: a\n    name: A\n    terms:\n      de: [Veto]\n", 5, "a", `unknown language "de"`},
		{"unknown key", "themes:\n  - id: a\n    name: A\n    terms: {en: [x]}\n    synonyms: [y]\n", 5, "a", `unknown key "synonyms"`},
		{"stop words only", "themes:\n  - id: a\n    name: A\n    terms:\n      en:\n        - veto\n        - of the\n", 7, "a", `term "of the" (en): analyses to no tokens`},
		{"one word left of several", "themes:\n  - id: a\n    name: A\n    terms:\n      en:\n        - veto\n        - under-representation\n", 7, "a", `"under-representation" is the one word "represent" once its stop words are dropped`},
		{"one word left of several, beside another part", "themes:\n  - id: a\n    name: A\n    terms:\n      en: [end of & month]\n    yields_to: [nothing]\n", 6, "a", `unknown theme "nothing"`},
		{"single han", "themes:\n  - id: a\n    name: A\n    terms:\n      zh: [否决权, 请]\n", 5, "a", "single Chinese character"},
		{"no terms", "themes:\n  - id: a\n    name: A\n", 2, "a", "no terms and no references"},
		{"bad reference", "themes:\n  - id: a\n    name: A\n    references: [the veto]\n", 4, "a", `reference "the veto"`},
		{"unknown yields_to", "themes:\n  - id: a\n    name: A\n    terms: {en: [x]}\n    yields_to: [b]\n", 5, "a", `unknown theme "b"`},
		{"terms not a list", "themes:\n  - id: a\n    name: A\n    terms: {en: veto}\n", 4, "a", "must be a list"},
		{"no english name", "themes:\n  - id: a\n    name: {fr: A}\n    terms: {en: [x]}\n", 2, "a", "no English name"},
		{"invalid utf-8", "themes:\n  - id: a\n    name: \xff\n", 3, "", "invalid UTF-8"},
		{"unknown subject kind", "subjects:\n  councils: {en: [x]}\nthemes:\n  - id: a\n    name: A\n    terms: {en: [x]}\n", 2, "", `subjects: unknown kind "councils"`},
		{"subject of stop words", "subjects:\n  other:\n    en: [the]\nthemes:\n  - id: a\n    name: A\n    terms: {en: [x]}\n", 3, "", `subjects.other name "the" (en): analyses to no tokens`},
		{"report term of stop words", "themes:\n  - id: a\n    name: A\n    terms: {en: [x]}\n    report_terms:\n      en: [of the]\n", 6, "a", `report term "of the" (en)`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseTaxonomy("my.yaml", []byte(tt.yaml))
			if err == nil {
				t.Fatal("no error")
			}
			var te *TaxonomyError
			if !errors.As(err, &te) {
				t.Fatalf("error %v is not a *TaxonomyError", err)
			}
			if te.File != "my.yaml" || te.Line != tt.line || te.Theme != tt.theme || !strings.Contains(te.Problem, tt.problem) {
				t.Errorf("got %+v (%v), want line %d theme %q problem containing %q", *te, err, tt.line, tt.theme, tt.problem)
			}
		})
	}
}

func TestLoadTaxonomyOverride(t *testing.T) {
	path := filepath.Join(t.TempDir(), "themes.yaml")
	own := "version: 1\nthemes:\n  - id: climate\n    name: Climate and security\n    terms:\n      en: [climate change, sea-level rise]\n      fr: [changements climatiques]\n"
	if err := os.WriteFile(path, []byte(own), 0o644); err != nil {
		t.Fatal(err)
	}
	tx, err := LoadTaxonomy(path)
	if err != nil {
		t.Fatal(err)
	}
	def, _ := DefaultTaxonomy()
	if tx.Hash() == def.Hash() {
		t.Error("a different file has the default's hash")
	}
	c, err := NewCoder(tx, nil)
	if err != nil {
		t.Fatal(err)
	}
	if got := c.Classify("en", "Climate changes threaten small island States.").Themes; !slices.Equal(got, []string{"climate"}) {
		t.Errorf("themes = %v, want [climate]", got)
	}
	if _, err := LoadTaxonomy(filepath.Join(t.TempDir(), "missing.yaml")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("missing file: %v", err)
	}
}
