package analysis

import (
	"slices"
	"testing"

	"github.com/scdebate/scdebate/corpus/sample"
)

// The sample corpus codes without error, its group statements resolve to
// groups with members, and its statements raise the themes of the debate.
func TestCodeSampleCorpus(t *testing.T) {
	c := newTestCoder(t)
	recs, err := sample.Records()
	if err != nil {
		t.Fatal(err)
	}
	themes := map[string]int{}
	groups := map[string]bool{}
	for _, rec := range recs {
		ann, err := c.Code(t.Context(), rec)
		if err != nil {
			t.Fatalf("%s: %v", rec.Symbol, err)
		}
		if len(ann.Speeches) != len(rec.Speeches) {
			t.Fatalf("%s: %d speech annotations for %d speeches", rec.Symbol, len(ann.Speeches), len(rec.Speeches))
		}
		for i, sa := range ann.Speeches {
			for _, th := range sa.Themes {
				themes[th]++
			}
			for _, g := range sa.Groups {
				groups[g.ID] = true
			}
			if len(rec.Speeches[i].OnBehalfOf) > 0 && len(sa.Groups) == 0 {
				t.Errorf("%s speech %d: on behalf of %q resolved to no group", rec.Symbol, sa.Seq, rec.Speeches[i].OnBehalfOf)
			}
		}
	}
	t.Logf("themes coded in the sample: %v; groups: %v", themes, groups)
	for _, th := range []string{"veto", "council-reform", "annual-report"} {
		if themes[th] == 0 {
			t.Errorf("no speech of the sample coded %s", th)
		}
	}
	if !slices.Contains(mapKeys(groups), "act") {
		t.Errorf("the ACT group not resolved in the sample: %v", groups)
	}
}

func mapKeys(m map[string]bool) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}
