package analysis

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/scdebate/scdebate/corpus"
	"go.yaml.in/yaml/v3"
)

type evalPassage struct {
	Lang   string   `yaml:"lang"`
	Themes []string `yaml:"themes"`
	Text   string   `yaml:"text"`
}

func loadEvalSet(t *testing.T, name string) []evalPassage {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "eval", name))
	if err != nil {
		t.Fatal(err)
	}
	var ps []evalPassage
	if err := yaml.Unmarshal(b, &ps); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return ps
}

// counts are true positives, false positives and false negatives.
type counts struct{ tp, fp, fn int }

func (c counts) plus(d counts) counts { return counts{c.tp + d.tp, c.fp + d.fp, c.fn + d.fn} }

// compareThemes scores each theme of want and got: a true positive, a
// false negative or a false positive.
func compareThemes(want, got map[string]bool, score func(th string, d counts)) {
	for th := range want {
		if got[th] {
			score(th, counts{tp: 1})
		} else {
			score(th, counts{fn: 1})
		}
	}
	for th := range got {
		if !want[th] {
			score(th, counts{fp: 1})
		}
	}
}

func (c counts) precision() float64 { return ratio(c.tp, c.tp+c.fp) }
func (c counts) recall() float64    { return ratio(c.tp, c.tp+c.fn) }
func (c counts) f1() float64 {
	p, r := c.precision(), c.recall()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 1
	}
	return float64(a) / float64(b)
}

// evalScore is the result of coding an evaluation set.
type evalScore struct {
	overall    counts
	byTheme    map[string]counts
	byLang     map[string]counts
	themeless  int // passages labelled with no theme
	themelessC int // of which coded with some theme
	errors     []string
}

func scoreEval(c *Coder, ps []evalPassage) evalScore {
	s := evalScore{byTheme: map[string]counts{}, byLang: map[string]counts{}}
	for _, p := range ps {
		got := c.Classify(p.Lang, p.Text).Themes
		want := map[string]bool{}
		for _, th := range p.Themes {
			want[th] = true
		}
		if len(p.Themes) == 0 {
			s.themeless++
			if len(got) > 0 {
				s.themelessC++
			}
		}
		gotSet := map[string]bool{}
		for _, th := range got {
			gotSet[th] = true
		}
		compareThemes(want, gotSet, func(th string, d counts) {
			s.overall = s.overall.plus(d)
			s.byTheme[th] = s.byTheme[th].plus(d)
			s.byLang[p.Lang] = s.byLang[p.Lang].plus(d)
		})
		if fmt.Sprint(sortedKeys(want)) != fmt.Sprint(sortedKeys(gotSet)) {
			s.errors = append(s.errors, fmt.Sprintf("[%s] want %v got %v: %s", p.Lang, sortedKeys(want), sortedKeys(gotSet), p.Text))
		}
	}
	return s
}

func sortedKeys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// report logs the figures, and the list of errors when errors is set.
func (s evalScore) report(t *testing.T, name string, errors bool) {
	var b strings.Builder
	fmt.Fprintf(&b, "%s: micro P %.3f R %.3f F1 %.3f; theme-less coded %d/%d (%.1f%%)\n", name,
		s.overall.precision(), s.overall.recall(), s.overall.f1(), s.themelessC, s.themeless, 100*ratio(s.themelessC, s.themeless))
	fmt.Fprintf(&b, "  %-26s %5s %5s %5s  tp fp fn\n", "theme", "P", "R", "F1")
	for _, id := range ThemeIDs {
		c := s.byTheme[id]
		fmt.Fprintf(&b, "  %-26s %5.2f %5.2f %5.2f  %2d %2d %2d\n", id, c.precision(), c.recall(), c.f1(), c.tp, c.fp, c.fn)
	}
	for _, l := range corpus.Languages {
		if c, ok := s.byLang[l]; ok {
			fmt.Fprintf(&b, "  language %-3s P %.3f R %.3f F1 %.3f (tp %d fp %d fn %d)\n", l, c.precision(), c.recall(), c.f1(), c.tp, c.fp, c.fn)
		}
	}
	if errors {
		for _, e := range s.errors {
			fmt.Fprintf(&b, "  miss %s\n", e)
		}
	}
	t.Log("\n" + b.String())
}

// evalSets are the evaluation sets with the floors the coding reached on
// them; the test fails when the coding falls below a floor. dev.yaml was used
// to tune the taxonomy, and so was dev2.yaml, whose passages paraphrase the
// themes rather than name them (it first scored micro-F1 0.086, and each of
// its later tranches between 0.38 and 0.57 before it was tuned on);
// heldout.yaml was written with dev.yaml but never tuned on,
// and blind.yaml was written from the scope rules of themes.md alone, without
// sight of the taxonomy's terms, so its floors are the figures for unseen
// statements rather than targets.
var evalSets = []struct {
	name         string
	microF1      float64            // micro-averaged F1 over all themes
	minThemeF1   float64            // lowest F1 allowed for any one theme
	maxThemeless float64            // highest share of theme-less passages coded with a theme
	langGap      float64            // largest F1 gap allowed between English and another language
	langF1       map[string]float64 // per-language F1 floors
	// blind sets are never tuned on: their errors are not listed.
	blind bool
}{
	{name: "dev.yaml", microF1: 0.99, minThemeF1: 0.95, maxThemeless: 0.05, langGap: 0.05},
	{name: "dev2.yaml", microF1: 0.99, minThemeF1: 0.95, maxThemeless: 0.05, langGap: 0.05,
		langF1: map[string]float64{"en": 0.98, "fr": 0.98, "es": 0.98, "zh": 0.98}},
	// heldout.yaml: 0.968, lowest theme ga-sc-relations 0.80.
	{name: "heldout.yaml", microF1: 0.95, minThemeF1: 0.78, maxThemeless: 0.05, langGap: 0.1, blind: true},
	// blind.yaml measured micro-F1 0.738 with the taxonomy it was written
	// against (en 0.531 fr 0.789 es 0.765 zh 0.842, press-elements 0), and
	// 0.878 after the taxonomy was tuned on dev2.yaml without sight of it:
	// 2/25 theme-less passages coded, language F1 en 0.831 fr 0.853
	// es 0.892 zh 0.935, lowest theme virtual-meetings 0.57. With the
	// learned layer trained on the speech-register sets, 0.926 (the
	// dictionary alone 0.891): 2/25 theme-less coded, en 0.918 fr 0.900
	// es 0.938 zh 0.950, lowest theme conflict-prevention 0.77. With the
	// coding of real text (frames, praise, counts, titles of the
	// Presidents, the learned layer trained on speech3.yaml) 0.929: en
	// 0.907 (tp 39 fp 5 fn 3, one false code more than the 0.918 before:
	// tp 39 fp 4 fn 3), the other languages as they were. The English
	// floor moved from 0.91 to 0.90 for that one code, against a gain of
	// 0.70 to 0.89 micro-F1 on real meeting coverage and statements; which
	// passage it is stays unknown, as the set's errors are not printed.
	// With the scene-setting clauses ended at their comma and the
	// principal organs matched as written, 0.932: en 0.918 again (tp 39
	// fp 4 fn 3), and the English floor back at 0.91.
	{name: "blind.yaml", microF1: 0.92, minThemeF1: 0.75, maxThemeless: 0.09, langGap: 0.1,
		langF1: map[string]float64{"en": 0.91, "fr": 0.89, "es": 0.93, "zh": 0.94}, blind: true},
}

func TestThemeEvaluation(t *testing.T) {
	c := newTestCoder(t)
	tx := c.Taxonomy()
	all := map[string]bool{}
	for _, set := range evalSets {
		t.Run(set.name, func(t *testing.T) {
			ps := loadEvalSet(t, set.name)
			for _, p := range ps {
				for _, th := range p.Themes {
					if _, ok := tx.Theme(th); !ok {
						t.Fatalf("passage labelled with unknown theme %q: %s", th, p.Text)
					}
					all[th] = true
				}
			}
			s := scoreEval(c, ps)
			s.report(t, set.name, !set.blind)
			if f := s.overall.f1(); f < set.microF1 {
				t.Errorf("micro-F1 %.3f below the floor %.3f", f, set.microF1)
			}
			for th, c := range s.byTheme {
				if f := c.f1(); f < set.minThemeF1 {
					t.Errorf("theme %s: F1 %.3f below the floor %.3f", th, f, set.minThemeF1)
				}
			}
			if r := ratio(s.themelessC, s.themeless); r > set.maxThemeless {
				t.Errorf("%.1f%% of theme-less passages coded, above the ceiling %.1f%%", 100*r, 100*set.maxThemeless)
			}
			en := s.byLang["en"].f1()
			for _, l := range []string{"fr", "es", "zh"} {
				if gap := en - s.byLang[l].f1(); gap > set.langGap {
					t.Errorf("language %s: F1 %.3f is %.3f below English", l, s.byLang[l].f1(), gap)
				}
			}
			for l, floor := range set.langF1 {
				if f := s.byLang[l].f1(); f < floor {
					t.Errorf("language %s: F1 %.3f below the floor %.3f", l, f, floor)
				}
			}
		})
	}
	for _, id := range ThemeIDs {
		if !all[id] {
			t.Errorf("theme %s has no passage in the evaluation sets", id)
		}
	}
}
