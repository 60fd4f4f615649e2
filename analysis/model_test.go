package analysis

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

var update = flag.Bool("update", false, "retrain the embedded model (model.json) from the training data")

// trainingExamples are the labelled data the embedded model learns from:
// the sets that may be tuned on (dev.yaml, dev2.yaml, speech.yaml,
// speech2.yaml, speech3.yaml, speech4.yaml) and the dev part of the real records' location labels,
// every paragraph of those records read in its speech. Never heldout.yaml,
// blind.yaml, blind2.yaml, blind3.yaml or the real labels' heldout part.
func trainingExamples(t *testing.T) []Example {
	t.Helper()
	out, err := BaseExamples()
	if err != nil {
		t.Fatal(err)
	}
	var b []byte
	b, err = os.ReadFile(filepath.Join("testdata", "eval", "real", "labels.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	var labels realLabels
	if err := yaml.Unmarshal(b, &labels); err != nil {
		t.Fatal(err)
	}
	for _, lr := range labels.Records {
		if lr.Part != "dev" {
			continue
		}
		rec := realRecord(t, lr.File)
		want := map[[2]int][]string{}
		for _, l := range lr.Labels {
			want[[2]int{l.Speech, l.N}] = l.Themes
		}
		for _, sp := range rec.Speeches {
			for _, p := range sp.Paragraphs {
				out = append(out, Example{Lang: rec.Language, Record: rec, Seq: sp.Seq, N: p.N, Themes: want[[2]int{sp.Seq, p.N}], Group: rec.Symbol})
			}
		}
	}
	return out
}

// TestModel checks that the embedded model was trained on today's training
// data, taxonomy and features; `go test ./analysis -run TestModel -update`
// trains it again and rewrites model.json.
func TestModel(t *testing.T) {
	tx, err := DefaultTaxonomy()
	if err != nil {
		t.Fatal(err)
	}
	c, err := NewCoder(tx, nil)
	if err != nil && !*update {
		t.Fatal(err)
	}
	c = c.WithModel(nil)
	exs := trainingExamples(t)
	want := examplesDigest(exs, c.Taxonomy(), TrainOptions{}.withDefaults())
	if *update {
		// The model it replaces keeps its thresholds while they do as well;
		// they are read on their own, since a model of older features does
		// not load.
		var previous Model
		if err := json.Unmarshal(defaultModelJSON, &previous); err != nil {
			t.Fatal(err)
		}
		m, err := Train(t.Context(), c, exs, TrainOptions{Previous: &previous})
		if err != nil {
			t.Fatal(err)
		}
		var b bytes.Buffer
		if err := WriteModel(&b, m); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile("model.json", b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		t.Logf("trained on %d examples, %d features; thresholds keep %.2f add %.2f drop %.2f; cross-validation P %.3f R %.3f F1 %.3f (the taxonomy alone F1 %.3f)",
			m.Examples, len(m.Vocab), m.Keep, m.Add, m.Drop, m.CrossValidation.Precision, m.CrossValidation.Recall, m.CrossValidation.F1, m.RulesOnly.F1)
		return
	}
	m, err := DefaultModel()
	if err != nil {
		t.Fatal(err)
	}
	if m.Digest != want {
		t.Fatalf("the embedded model was trained on other data, taxonomy or features (digest %s, the training data's is %s): run go test ./analysis -run TestModel -update", m.Digest, want)
	}
	items, err := featurize(t.Context(), c, exs)
	if err != nil {
		t.Fatal(err)
	}
	if read := readDigest(items); m.Read != read {
		t.Fatalf("the coder now reads the training data otherwise than when the embedded model learned from it (read %s, now %s): a frame, mention or request shape changed; run go test ./analysis -run TestModel -update", m.Read, read)
	}
	t.Logf("embedded model: %d examples, %d features, keep %.2f add %.2f drop %.2f; cross-validation P %.3f R %.3f F1 %.3f (the taxonomy alone F1 %.3f)",
		m.Examples, len(m.Vocab), m.Keep, m.Add, m.Drop, m.CrossValidation.Precision, m.CrossValidation.Recall, m.CrossValidation.F1, m.RulesOnly.F1)
}

// TestPassageModelDrops checks that the passage model removes every code
// of a passage it scores below Drop, and that a model without one keeps
// the dictionary's codes.
func TestPassageModelDrops(t *testing.T) {
	c := newTestCoder(t)
	m, err := DefaultModel()
	if err != nil {
		t.Fatal(err)
	}
	if m.Passage == nil || m.Drop <= 0 {
		t.Fatalf("the embedded model has no passage model (drop %g)", m.Drop)
	}
	text := "The Council should restrain the use of the veto in situations of mass atrocities."
	ctx := Context{Debate: "report"}
	strict, none := *m, *m
	strict.Drop = 1.01
	none.Passage = nil
	for _, tc := range []struct {
		name          string
		m             *Model
		want, removed int
	}{
		{"embedded", m, 1, 0},
		{"drop above any probability", &strict, 0, 1},
		{"no passage model", &none, 1, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := c.WithModel(tc.m).ClassifyIn(ctx, "en", text)
			if len(got.Codes) != tc.want || len(got.Themes) != tc.want {
				t.Fatalf("codes %v, themes %v; want %d", got.Codes, got.Themes, tc.want)
			}
			if len(got.Removed) != tc.removed {
				t.Fatalf("removed %v; want %d", got.Removed, tc.removed)
			}
			for _, cd := range got.Removed {
				if cd.Theme != "veto" || cd.Source != CodeRule || len(cd.Evidence) == 0 || cd.Score <= 0 || cd.Score >= tc.m.Drop {
					t.Errorf("removed code %+v: want the veto's rule code with its evidence and the passage model's score", cd)
				}
			}
		})
	}
	// The report's drafting told is kept even by a passage model that
	// drops everything; the formal act of presenting it is not.
	drafted := c.WithModel(&strict).ClassifyIn(Context{Debate: "other"}, "en", "Members of the Council have the draft report before them. The introduction to the draft report was prepared by the delegation of Chile, with the help of the other members.")
	if !slices.Equal(drafted.Themes, []string{"annual-report"}) {
		t.Errorf("the report's drafting told: themes %v, want [annual-report]", drafted.Themes)
	}
	judged := c.WithModel(&strict).ClassifyIn(ctx, "en", "The annual report was presented late again this year.")
	if len(judged.Themes) != 0 {
		t.Errorf("a passage without the report's drafting: themes %v, want none", judged.Themes)
	}
	bad := *m
	p := *m.Passage
	p.Index = append(slices.Clone(p.Index), int32(len(m.Vocab)))
	p.Weight = append(slices.Clone(p.Weight), 1)
	bad.Passage = &p
	if err := bad.prepare(); err == nil || !strings.Contains(err.Error(), passageTheme) {
		t.Fatalf("a passage weight outside the vocabulary: err %v", err)
	}
}

// TestTrainKeepsPreviousThresholds checks that retraining keeps the
// replaced model's thresholds when they score within thresholdTolerance of
// the best choice, and leaves them when they score worse.
func TestTrainKeepsPreviousThresholds(t *testing.T) {
	c := newTestCoder(t).WithModel(nil)
	exs, err := BaseExamples()
	if err != nil {
		t.Fatal(err)
	}
	exs = exs[:400]
	opts := TrainOptions{L2: 0.008, Folds: 2, Iterations: 50}.withDefaults()

	items, err := featurize(t.Context(), c, exs)
	if err != nil {
		t.Fatal(err)
	}
	folds := assignFolds(items, exs, opts.Folds)
	probs, err := outOfFold(t.Context(), c.tx, items, folds, opts, func() {})
	if err != nil {
		t.Fatal(err)
	}
	all := thresholdChoices(items, probs)
	keep, add, drop, best := chooseThresholds(all)
	var near, far *thresholdChoice
	for i, ch := range all {
		if ch.keep == keep && ch.add == add && ch.drop == drop {
			continue
		}
		switch {
		case near == nil && ch.s.F1 >= best.F1-thresholdTolerance:
			near = &all[i]
		case far == nil && ch.s.F1 < best.F1-0.05:
			far = &all[i]
		}
	}
	if near == nil || far == nil {
		t.Fatalf("no other choice within the tolerance (%v) or well below it (%v) of the best %+v", near, far, best)
	}
	for _, tc := range []struct {
		name       string
		previous   *thresholdChoice
		wantF1Is   float64
		wantChoice [3]float64
	}{
		{"no previous model", nil, best.F1, [3]float64{keep, add, drop}},
		{"previous thresholds as good", near, near.s.F1, [3]float64{near.keep, near.add, near.drop}},
		{"previous thresholds worse", far, best.F1, [3]float64{keep, add, drop}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			o := opts
			if tc.previous != nil {
				o.Previous = &Model{L2: opts.L2, Keep: tc.previous.keep, Add: tc.previous.add, Drop: tc.previous.drop}
			}
			m, err := Train(t.Context(), c, exs, o)
			if err != nil {
				t.Fatal(err)
			}
			if got := [3]float64{m.Keep, m.Add, m.Drop}; got != tc.wantChoice || m.CrossValidation.F1 != tc.wantF1Is {
				t.Errorf("thresholds %v with F1 %.3f, want %v with F1 %.3f", got, m.CrossValidation.F1, tc.wantChoice, tc.wantF1Is)
			}
		})
	}
}
