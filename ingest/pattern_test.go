package ingest

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// TestPatternsCompile compiles every pattern the parser may use, so that a
// broken one fails here rather than on the first document to reach it.
func TestPatternsCompile(t *testing.T) {
	if len(allPatterns) < 100 {
		t.Fatalf("%d patterns listed, want the parser's couple of hundred", len(allPatterns))
	}
	for _, p := range allPatterns {
		if _, err := regexp.Compile(p.expr); err != nil {
			t.Errorf("%v", err)
		}
	}
}

func TestNeedles(t *testing.T) {
	tests := []struct {
		name, expr string
		want       []string
	}{
		{"literal", `right of reply`, []string{"right of reply"}},
		{"case-insensitive", `(?i)Right of Reply`, []string{"right of reply"}},
		{"alternation", `(?i)\bright of reply\b|droit de réponse`, []string{"right of reply", foldString("droit de réponse")}},
		{"the most selective part", `^(\d+) votes? in favour`, []string{" in favour"}},
		{"an optional part is not needed", `(?:very )?good`, []string{"good"}},
		{"a branch without words leaves none", `foo|\d+`, nil},
		{"a small class", `l[’']invitation`, []string{"invitation"}},
		{"a shorter needle covers a longer one", `abc|abcd|xbc`, []string{"abc", "xbc"}},
		{"capitals fold", `(?i)ÉTATS`, []string{foldString("états")}},
		{"nothing to search for", `^\s*$`, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := &pattern{expr: tt.expr}
			p.compile()
			if !slices.Equal(p.needles, tt.want) {
				t.Errorf("needles %q, want %q", p.needles, tt.want)
			}
		})
	}
}

// TestNeedlesNeverMiss runs every pattern over the text of the test
// records, as printed and in capitals: wherever the expression
// matches, the needles must have let it try.
func TestNeedlesNeverMiss(t *testing.T) {
	texts := patternTexts(t)
	if len(texts) < 1000 {
		t.Fatalf("only %d texts", len(texts))
	}
	matches := 0
	for _, p := range allPatterns {
		re := p.regexp()
		for _, s := range texts {
			if re.MatchString(s) {
				matches++
				if !p.mayMatch(s) {
					t.Errorf("%q matches %q, but its needles %q rule it out", p.expr, s, p.needles)
				}
			}
		}
	}
	if matches < 1000 {
		t.Errorf("only %d matches: the texts do not exercise the patterns", matches)
	}
}

// patternTexts are the lines of the text fixtures and the strings of the
// golden records (a long one's opening and end, where most patterns look),
// each also upper-cased.
func patternTexts(t *testing.T) []string {
	t.Helper()
	var texts []string
	txt, _ := filepath.Glob(filepath.Join("testdata", "text", "*.txt"))
	for _, f := range txt {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		texts = append(texts, strings.Split(string(b), "\n")...)
	}
	golden, _ := filepath.Glob(filepath.Join("testdata", "golden", "*.json"))
	for _, f := range golden {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var v any
		if err := json.Unmarshal(b, &v); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		texts = appendStrings(texts, v)
	}
	const edge = 80
	seen := map[string]bool{}
	var out []string
	for _, s := range texts {
		if len(s) > 3*edge {
			s = strings.ToValidUTF8(s[:edge]+" "+s[len(s)-edge:], "")
		}
		for _, v := range []string{s, strings.ToUpper(s)} {
			if !seen[v] {
				seen[v] = true
				out = append(out, v)
			}
		}
	}
	return out
}

func appendStrings(out []string, v any) []string {
	switch v := v.(type) {
	case string:
		out = append(out, v)
	case []any:
		for _, e := range v {
			out = appendStrings(out, e)
		}
	case map[string]any:
		for _, e := range v {
			out = appendStrings(out, e)
		}
	}
	return out
}

// FuzzNeedles checks that a pattern's needles never rule out a text it
// matches.
func FuzzNeedles(f *testing.F) {
	f.Add("Mr. Smith (United Kingdom): I speak in exercise of the right of reply.")
	f.Add("LA SÉANCE EST LEVÉE À 13 H 5.")
	f.Add("ſtatement on behalf of the K Group")
	f.Fuzz(func(t *testing.T, s string) {
		for _, p := range allPatterns {
			if p.regexp().MatchString(s) && !p.mayMatch(s) {
				t.Fatalf("%q matches %q, but its needles %q rule it out", p.expr, s, p.needles)
			}
		}
	})
}
