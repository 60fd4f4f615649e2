package index

import (
	"context"
	"slices"
	"testing"

	"github.com/scdebate/scdebate/index/indextest"
)

// TestAgendaAndProvenance: every passage carries its record's debates and
// its themes' provenance; the agenda filter and facet select by debate.
func TestAgendaAndProvenance(t *testing.T) {
	ix := openIndex(t, buildWorkspace(t, indextest.Handmade()))
	tests := []struct {
		name   string
		agenda []string
		want   []string
	}{
		{"the debate on the report", []string{"report"}, []string{"A_75_PV.78.en#1.2", "A_75_PV.78.en#1.3", "A_75_PV.78.fr#1.2", "A_75_PV.78.fr#1.3"}},
		{"reform", []string{"reform"}, []string{"A_70_PV.40.en#1.2"}},
		{"records of no debate", []string{"other"}, []string{"SAMPLE_1.en#1.1"}},
		{"two debates", []string{"reform", "other"}, []string{"A_70_PV.40.en#1.2", "SAMPLE_1.en#1.1"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var got []string
			for _, h := range allHits(t, ix, Request{Themes: []string{"veto"}, Agenda: tc.agenda}) {
				got = append(got, h.ID)
			}
			slices.Sort(got)
			if want := slices.Sorted(slices.Values(tc.want)); !slices.Equal(got, want) {
				t.Errorf("got %v, want %v", got, want)
			}
		})
	}

	res, err := ix.Search(context.Background(), &Request{Themes: []string{"veto"}, Facets: true})
	if err != nil {
		t.Fatal(err)
	}
	facet := map[string]int{}
	for _, ft := range res.Facets[FacetAgenda] {
		facet[ft.Term] = ft.Count
	}
	if facet["report"] != 4 || facet["reform"] != 1 || facet["other"] != 1 {
		t.Errorf("agenda facet %v", facet)
	}

	for _, tc := range []struct {
		id       string
		onReport bool
		codes    string
	}{
		{"A_75_PV.78.en#1.2", true, "veto reviewed"},
		{"A_75_PV.78.en#1.3", true, "veto rule 0.90"},
		{"A_70_PV.40.en#1.2", false, "veto model 0.71"},
		{"SAMPLE_1.en#1.1", false, "veto rule 0.90"},
	} {
		h, err := ix.Passage(context.Background(), tc.id)
		if err != nil {
			t.Fatal(err)
		}
		var codes []string
		for _, c := range h.Codes {
			codes = append(codes, c.Theme+" "+c.String())
		}
		if h.DebateOnReport() != tc.onReport || len(codes) != 1 || codes[0] != tc.codes {
			t.Errorf("%s: on the report %v, agenda %v, codes %v; want %v, %q", tc.id, h.DebateOnReport(), h.Agenda, codes, tc.onReport, tc.codes)
		}
	}
}
