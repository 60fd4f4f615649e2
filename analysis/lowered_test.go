package analysis

import (
	"regexp"
	"slices"
	"strings"
	"testing"
)

func TestLowered(t *testing.T) {
	tests := []struct {
		name string
		expr string
		// lowers: whether the expression has a lowered form
		lowers bool
		text   string
	}{
		{name: "case-insensitive words", expr: `(?i)\bthis (?:open )?debate\b`, lowers: true, text: "We welcome This Open DEBATE today."},
		{name: "a class of letters", expr: `(?i)\borgani[sz]ed\b`, lowers: true, text: "ORGANIZED by Peru"},
		{name: "accented letters", expr: `(?i)\bréforme du conseil\b`, lowers: true, text: "La RÉFORME du Conseil"},
		{name: "a capital told apart", expr: `(?i)\bpresident\s+(?-i:[A-Z])`, lowers: false, text: "President Smith"},
		{name: "a letter in one case", expr: `\bIGN\b`, lowers: false, text: "the IGN"},
		{name: "no letters", expr: `[;:]|\.\s`, lowers: true, text: "one; two. three"},
		{name: "groups, counts and lazy repeats", expr: `(?i)\b(a+?)(?:b{2,3}|c{2,}|d{2})\s*(x*?)(?P<end>$|;)`, lowers: true, text: "AABBB X; acc;"},
		{name: "any character and line bounds", expr: `(?im)^the.+?(?s:.)report\B|\Aopen\z`, lowers: true, text: "The annual report\nTHE REPORTS"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := newFastExpr(regexp.MustCompile(tt.expr), true).ready()
			if (c.low != nil) != tt.lowers {
				t.Fatalf("lowered form: %v, want one: %v", c.low, tt.lowers)
			}
			lower := strings.ToLower(tt.text)
			_, inPlace := caseOf(tt.text, lower)
			re, s := c.on(tt.text, lower, inPlace)
			if got, want := re.FindAllStringSubmatchIndex(s, -1), c.re.FindAllStringSubmatchIndex(tt.text, -1); !slices.EqualFunc(got, want, slices.Equal) {
				t.Errorf("matches %v, want %v", got, want)
			}
		})
	}
}

func TestCaseOf(t *testing.T) {
	tests := []struct {
		name                string
		text                string
		foldsLower, inPlace bool
	}{
		{name: "ASCII", text: "The Council, Today", foldsLower: true, inPlace: true},
		{name: "lower-case accents", text: "la réforme, l’élargissement", foldsLower: true, inPlace: true},
		{name: "a capital accent", text: "l'Élargissement", foldsLower: true, inPlace: false},
		{name: "a long s", text: "the ſeſſion", foldsLower: false, inPlace: false},
		{name: "the Kelvin sign", text: "5 \u212a", foldsLower: true, inPlace: false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			folds, inPlace := caseOf(tt.text, strings.ToLower(tt.text))
			if folds != tt.foldsLower || inPlace != tt.inPlace {
				t.Errorf("caseOf(%q) = %v, %v; want %v, %v", tt.text, folds, inPlace, tt.foldsLower, tt.inPlace)
			}
		})
	}
}

// TestLoweredFormsFindTheSameMatches runs the cues' and frames'
// expressions and their lowered forms over the sentences of the sets that
// may be tuned on, as written and upper-cased, and checks that they find
// the same matches wherever the lowered form is used.
func TestLoweredFormsFindTheSameMatches(t *testing.T) {
	byLang := map[string][]string{}
	for _, name := range []string{"dev.yaml", "dev2.yaml"} {
		for _, p := range loadEvalSet(t, name) {
			byLang[p.Lang] = append(byLang[p.Lang], p.Text)
		}
	}
	for _, name := range []string{"speech.yaml", "speech2.yaml", "speech3.yaml", "speech6.yaml"} {
		for _, p := range loadSpeechSet(t, name) {
			byLang[p.Lang] = append(byLang[p.Lang], p.Text)
		}
	}
	compared := 0
	for lang, texts := range byLang {
		cs, ok := cues()[lang]
		if !ok {
			continue
		}
		all := cs.cueExpr[:]
		for _, fr := range cs.frames {
			for _, c := range []*fastExpr{fr.fast, fr.needsFast, fr.unlessFast} {
				if c != nil {
					all = append(all, c.ready())
				}
			}
		}
		for _, text := range texts {
			for _, s := range Sentences(lang, text) {
				for _, variant := range []string{s, strings.ToUpper(s)} {
					lower := strings.ToLower(variant)
					if _, inPlace := caseOf(variant, lower); !inPlace {
						continue
					}
					for _, c := range all {
						if c.ready().low == nil {
							continue
						}
						compared++
						if got, want := c.low.FindAllStringSubmatchIndex(lower, -1), c.re.FindAllStringSubmatchIndex(variant, -1); !slices.EqualFunc(got, want, slices.Equal) {
							t.Errorf("%s: %q finds %v in %q, its lowered form %v", lang, c.re, want, variant, got)
						}
					}
				}
			}
		}
	}
	if compared == 0 {
		t.Error("no lowered form was compared")
	}
}
