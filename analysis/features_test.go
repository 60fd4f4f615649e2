package analysis

import (
	"slices"
	"testing"

	"github.com/scdebate/scdebate/corpus"
)

// TestLearnedLayerMayAdd checks where the learned layer may add the
// Assembly–Council relationship: not to a passage the dictionary codes as
// Council reform, where the Assembly is the reform's forum, but to a
// passage on the Council's work that names the membership.
func TestLearnedLayerMayAdd(t *testing.T) {
	c := newTestCoder(t)
	ga, reform := c.tx.index("ga-sc-relations"), c.tx.index("council-reform")
	if ga < 0 || reform < 0 {
		t.Fatal("the taxonomy lacks ga-sc-relations or council-reform")
	}
	tests := []struct {
		name, text string
		reform     bool
		want       bool
	}{
		{"a reform passage naming the Assembly", "In the General Assembly the negotiations must finally deliver new permanent seats on the Security Council.", true, false},
		{"the Council's work, the membership named", "The Security Council rarely explains to the wider membership why its drafts fail.", false, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, f := c.readParagraph(newReader(Context{Debate: corpus.DebateReport}, "en"), 0, tt.text, true)
			if f.rule[reform] != tt.reform {
				t.Fatalf("council-reform coded by rule: %v, want %v", f.rule[reform], tt.reform)
			}
			if got := f.mayAdd(ga); got != tt.want {
				t.Errorf("mayAdd(ga-sc-relations) = %v, want %v", got, tt.want)
			}
		})
	}
}

// TestLearnedLayerCatchAll checks how sure the learned layer must be to
// add the catch-all (transparency) without its words: more than its usual
// threshold to a passage the dictionary codes with a more specific theme,
// whose point the openness then most often is; its usual threshold to a
// passage on the Council's work the dictionary codes with nothing.
func TestLearnedLayerCatchAll(t *testing.T) {
	c := newTestCoder(t)
	open := c.tx.index("transparency")
	if open < 0 {
		t.Fatal("the taxonomy lacks transparency")
	}
	const add = 0.2
	methods := Context{Debate: contextWorkingMethods, CouncilRecord: true}
	tests := []struct {
		name, text string
		want       float64
	}{
		{"a specific theme coded", "The Council now holds open debates on its working methods every year, and every State may take the floor.", catchAllBeside},
		{"nothing coded", "The Council now shares more with every State about how it works, and every State may follow it.", add},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, f := c.readParagraph(newReader(methods, "en"), 0, tt.text, true)
			if f.rule[open] {
				t.Fatalf("transparency coded by rule (themes %v)", p.Themes)
			}
			if got := f.addThreshold(c.tx, open, add); got != tt.want {
				t.Errorf("addThreshold(transparency) = %v, want %v (themes %v)", got, tt.want, p.Themes)
			}
		})
	}
}

// TestLearnedLayerYieldedCatchAll checks that the learned layer may add
// the catch-all (transparency) whose words gave way to a more specific
// theme in the same sentence — which of the two the point is, is
// precedence, for the model to weigh — but not one whose words were said
// in a courtesy, which the scope rules set aside.
func TestLearnedLayerYieldedCatchAll(t *testing.T) {
	c := newTestCoder(t)
	open := c.tx.index("transparency")
	if open < 0 {
		t.Fatal("the taxonomy lacks transparency")
	}
	methods := Context{Debate: contextWorkingMethods}
	tests := []struct {
		name, text string
		want       bool
	}{
		{"openness asked of the penholders' distribution", "Speakers asked for more transparency and inclusiveness in the distribution of the penholder role among the members of the Council.", true},
		{"openness praised in thanks", "Thank you for steering the sanctions committee in such a transparent way; we also welcome the sharing of pen-holding duties.", false},
		{"openness said of the practice named before", "The Council now holds open debates on many of its files. We see these debates as a mark of greater transparency towards the wider membership.", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, f := c.WithModel(nil).readParagraph(newReader(methods, "en"), 0, tt.text, true)
			if f.rule[open] || !f.dropped[open] {
				t.Fatalf("transparency coded by rule %v, its words set aside %v (themes %v): want set aside", f.rule[open], f.dropped[open], p.Themes)
			}
			if got := f.mayAdd(open); got != tt.want {
				t.Errorf("mayAdd(transparency) = %v, want %v", got, tt.want)
			}
			got := c.ClassifyIn(methods, "en", tt.text)
			if added := slices.ContainsFunc(got.Codes, func(cd Code) bool { return cd.Theme == "transparency" && cd.Source == CodeModel }); added != tt.want {
				t.Errorf("transparency added by the model: %v, want %v (codes %+v)", added, tt.want, got.Codes)
			}
		})
	}
}

// TestCourtesyCues checks the courtesy cues the learned layer reads: a
// passage whose theme words stand beside thanks is marked as a courtesy,
// and one where another sentence, free of courtesies, makes the point is
// marked as a point beside a courtesy, so that the thanks around a point
// do not make the whole passage one.
func TestCourtesyCues(t *testing.T) {
	c := newTestCoder(t)
	tests := []struct {
		name, text      string
		courtesy, point bool
	}{
		{"the report's timing, then thanks to its drafters", "This year the report came out well before its 31 May deadline. We commend the delegation of Kenya for leading the drafting of this report.", true, true},
		{"thanks to the report's drafters alone", "We commend the delegation of Kenya for leading the drafting of this report. We also thank the members who left the Council for their work on it.", true, false},
		{"the report's timing without thanks", "This year the report came out well before its 31 May deadline. It reached delegations in good time.", false, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, f := c.readParagraph(newReader(Context{Debate: corpus.DebateReport}, "en"), 0, tt.text, true)
			if got := slices.Contains(f.named, cueThanks); got != tt.courtesy {
				t.Errorf("courtesy cue %v, want %v (cues %v)", got, tt.courtesy, f.named)
			}
			if got := slices.Contains(f.named, cuePoint); got != tt.point {
				t.Errorf("point cue %v, want %v (cues %v)", got, tt.point, f.named)
			}
		})
	}
}
