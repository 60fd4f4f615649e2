package analysis

import (
	"context"
	"slices"
	"testing"

	"github.com/scdebate/scdebate/corpus"
	"github.com/scdebate/scdebate/corpus/fixtures"
	"github.com/scdebate/scdebate/ingest"
	"github.com/scdebate/scdebate/ingest/layout"
)

func TestResolveGroups(t *testing.T) {
	gs, err := DefaultGroups()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		onBehalfOf string
		want       []string
	}{
		{"on behalf of the Accountability, Coherence and Transparency group", []string{"act"}},
		{"the ACT group", []string{"act"}},
		{"au nom du Groupe ACT", []string{"act"}},
		{"en nombre del Grupo para la Rendición de Cuentas, la Coherencia y la Transparencia", []string{"act"}},
		{"代表加强问责制、一致性和透明度国家集团", []string{"act"}},
		{"on behalf of the G4 countries, Brazil, Germany, India and Japan", []string{"g4"}},
		{"on behalf of the Group of African States", []string{"african-group"}},
		{"on behalf of the Nordic countries and the European Union", []string{"nordic", "eu"}},
		{"au nom du Mouvement des pays non alignés", []string{"nam"}},
		{"on behalf of the L.69 group", []string{"l69"}},
		{"代表四国集团", []string{"g4"}},
		{"on behalf of the States members of the Organization of the Islamic Conference", []string{"oic"}},
		{"group of Member States belonging to the Organization of the Islamic Conference", []string{"oic"}},
		{"on behalf of the Organisation of Islamic Cooperation", []string{"oic"}},
		{"au nom de l'Organisation de la coopération islamique", []string{"oic"}},
		{"代表伊斯兰合作组织", []string{"oic"}},
		{"the Group of 77 and China", []string{"g77"}},
		{"member States of the Southern Common Market and associated States", []string{"mercosur"}},
		{"the Gulf Cooperation Council", []string{"gcc"}},
		{"African States Parties to the Rome Statute of the International Criminal Court", []string{"african-rome-statute"}},
		{"on behalf of my own country", nil},
		{"", nil},
	}
	for _, tt := range tests {
		t.Run(tt.onBehalfOf, func(t *testing.T) {
			var got []string
			for _, g := range gs.Resolve(tt.onBehalfOf) {
				got = append(got, g.ID)
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("Resolve = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestMembersAtDate(t *testing.T) {
	gs, err := DefaultGroups()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		group, date string
		n           int
		has, hasNot string
	}{
		{"eu", "2019-10-01", 28, "GBR", ""},
		{"eu", "2020-02-01", 27, "HRV", "GBR"},
		{"eu", "2010-10-01", 27, "ROU", "HRV"},
		{"eu", "", 27, "", "GBR"},
		{"act", "2021-02-08", 25, "CHE", ""},
		{"g4", "2023-11-16", 4, "IND", ""},
		{"african-group", "2005-01-01", 53, "", "SSD"},
		{"african-group", "2012-01-01", 54, "SSD", ""},
		{"nam", "2020-01-01", 0, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.group+" "+tt.date, func(t *testing.T) {
			g, ok := gs.Group(tt.group)
			if !ok {
				t.Fatalf("no group %s", tt.group)
			}
			m := g.MembersAt(tt.date)
			if len(m) != tt.n || tt.has != "" && !slices.Contains(m, tt.has) || tt.hasNot != "" && slices.Contains(m, tt.hasNot) {
				t.Errorf("MembersAt(%q) = %d %v", tt.date, len(m), m)
			}
		})
	}
	// The regional groups together are the membership of the United
	// Nations (the United States counted with the Western group).
	all := map[string]bool{}
	for _, id := range []string{"african-group", "asia-pacific-group", "eastern-european-group", "grulac", "weog"} {
		g, _ := gs.Group(id)
		for _, m := range g.MembersAt("2024-01-01") {
			if all[m] {
				t.Errorf("%s in two regional groups", m)
			}
			all[m] = true
		}
	}
	if len(all) != 193 {
		t.Errorf("regional groups cover %d states, want 193", len(all))
	}
}

func TestResolveSpeechFromLetter(t *testing.T) {
	gs, _ := DefaultGroups()
	rec := &corpus.Record{Kind: corpus.KindLetter, Date: "2021-02-08", Letter: &corpus.Letter{
		OnBehalfOf:  []string{"加强问责制、一致性和透明度国家集团"},
		MemberCodes: []string{"AUT", "CHL"},
	}}
	refs := gs.ResolveSpeech(rec, &corpus.Speech{Seq: 1})
	if len(refs) != 1 || refs[0].ID != "act" || !slices.Equal(refs[0].Members, []string{"AUT", "CHL"}) {
		t.Errorf("ResolveSpeech = %+v, want act with the letter's own member list", refs)
	}
}

// The regional groups' member lists agree with the country table's regions.
func TestRegionalGroupsMatchCountryTable(t *testing.T) {
	gs, _ := DefaultGroups()
	regions := map[string]string{
		"african-group":          corpus.RegionAfrican,
		"asia-pacific-group":     corpus.RegionAsiaPacific,
		"eastern-european-group": corpus.RegionEasternEuropean,
		"grulac":                 corpus.RegionLatinAmericanCaribbean,
		"weog":                   corpus.RegionWesternEuropeanOthers,
	}
	for id, region := range regions {
		g, _ := gs.Group(id)
		var want []string
		for _, c := range corpus.Countries() {
			if c.Status == corpus.StatusMember && c.Region == region {
				want = append(want, c.Code)
			}
		}
		got := slices.Clone(g.MembersAt("2024-01-01"))
		slices.Sort(got)
		slices.Sort(want)
		if !slices.Equal(got, want) {
			t.Errorf("%s: groups.yaml lists %v, the country table %v", id, got, want)
		}
	}
	// Every member code of every group is a known state.
	for _, g := range gs.Groups {
		for _, m := range g.Membership {
			for _, code := range m.Members {
				if _, ok := corpus.CountryByCode(code); !ok {
					t.Errorf("group %s: unknown member %s", g.ID, code)
				}
			}
		}
	}
}

// Every group the real records name in an "on behalf of" or "aligned
// with" is in the table, so that the search page's group facet shows one
// ID per group (the two ways A/65/PV.71 names the Organisation of Islamic
// Cooperation are one group), with the one vague name left out.
func TestGroupsOfRealRecordsResolve(t *testing.T) {
	gs, err := DefaultGroups()
	if err != nil {
		t.Fatal(err)
	}
	vague := map[string]bool{"a group of States": true}
	seen := map[string][]string{}
	for _, name := range []string{"A_60_PV.25.pdf", "A_65_PV.71.pdf", "A_79_PV.29.pdf"} {
		rec, err := ingest.ParseFile(context.Background(), fixtures.Real(t, name), groupsPDF{})
		if err != nil {
			t.Fatal(err)
		}
		for _, sp := range rec.Speeches {
			for _, printed := range append(slices.Clone(sp.OnBehalfOf), sp.AlignedWith...) {
				if vague[printed] {
					continue
				}
				refs := gs.Resolve(printed)
				if len(refs) != 1 {
					t.Errorf("%s: %q resolves to %d groups", rec.Symbol, printed, len(refs))
					continue
				}
				seen[refs[0].ID] = append(seen[refs[0].ID], printed)
			}
		}
	}
	for _, id := range []string{"oic", "g77", "mercosur", "gcc", "african-rome-statute", "nam", "eu", "arab-group", "african-group", "nordic"} {
		if len(seen[id]) == 0 {
			t.Errorf("no real record names group %s", id)
		}
	}
	if oic := seen["oic"]; len(oic) < 2 {
		t.Errorf("the OIC is named %q, want its variant names", oic)
	}
}

// groupsPDF reads the real records in the test process.
type groupsPDF struct{}

func (groupsPDF) Extract(ctx context.Context, path string) (*layout.Document, error) {
	return layout.ExtractInProcess(ctx, path, layout.Options{})
}
