package corpus

import (
	"errors"
	"slices"
	"strings"
	"testing"
)

func TestResolveCountry(t *testing.T) {
	tests := []struct {
		value, want string
		suggest     string // a suggestion an unknown value must get
	}{
		{"NZL", "NZL", ""},
		{"nzl", "NZL", ""},
		{"New Zealand", "NZL", ""},
		{"new zealand", "NZL", ""},
		{"Nouvelle-Zélande", "NZL", ""},
		{"Nueva Zelandia", "NZL", ""},
		{"新西兰", "NZL", ""},
		{"Новая Зеландия", "NZL", ""},
		{"نيوزيلندا", "NZL", ""},
		{"Democratic Republic of the Congo", "COD", ""},
		{"Türkiye", "TUR", ""},
		{"New Zeeland", "", "New Zealand (NZL)"},
		{"Newzealand", "NZL", ""},
		{"Swizerland", "", "Switzerland (CHE)"},
		{"NZ", "", ""},
		{"Atlantis", "", ""},
		{"European Union", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.value, func(t *testing.T) {
			c, err := ResolveCountry("country", tt.value)
			if tt.want != "" {
				if err != nil || c.Code != tt.want {
					t.Fatalf("ResolveCountry(%q) = %q, %v; want %s", tt.value, c.Code, err, tt.want)
				}
				return
			}
			var ue *UnknownValueError
			if !errors.As(err, &ue) {
				t.Fatalf("ResolveCountry(%q) = %q, %v; want an UnknownValueError", tt.value, c.Code, err)
			}
			if ue.Param != "country" || ue.Value != tt.value || !strings.Contains(err.Error(), "country ") {
				t.Errorf("error %q", err)
			}
			if tt.suggest != "" && !slices.Contains(ue.Suggestions, tt.suggest) {
				t.Errorf("suggestions %q, want %q among them", ue.Suggestions, tt.suggest)
			}
		})
	}
}

func TestResolveCountriesKeepsOrderOnce(t *testing.T) {
	got, err := ResolveCountries("country", []string{"fra", "Mexico", "FRA", "France"})
	if err != nil || !slices.Equal(got, []string{"FRA", "MEX"}) {
		t.Fatalf("got %q, %v", got, err)
	}
}

func TestResolveLanguage(t *testing.T) {
	tests := []struct {
		value, want string
		suggest     string
	}{
		{"en", "en", ""},
		{"FR", "fr", ""},
		{"French", "fr", ""},
		{"español", "es", ""},
		{"中文", "zh", ""},
		{"de", "", ""},
		{"german", "", ""},
		{"Frensh", "", "fr"},
	}
	for _, tt := range tests {
		t.Run(tt.value, func(t *testing.T) {
			got, err := ResolveLanguage("lang", tt.value)
			if tt.want != "" {
				if err != nil || got != tt.want {
					t.Fatalf("got %q, %v; want %s", got, err, tt.want)
				}
				return
			}
			var ue *UnknownValueError
			if !errors.As(err, &ue) {
				t.Fatalf("got %q, %v; want an UnknownValueError", got, err)
			}
			if !strings.Contains(err.Error(), "ar, zh, en, fr, ru, es") {
				t.Errorf("error %q does not list the languages", err)
			}
			if tt.suggest != "" && !slices.Contains(ue.Suggestions, tt.suggest) {
				t.Errorf("suggestions %q, want %q", ue.Suggestions, tt.suggest)
			}
		})
	}
}

func TestSuggest(t *testing.T) {
	cands := []Candidate{
		{Keys: []string{"veto"}, Label: "veto"},
		{Keys: []string{"transparency", "Transparency and accountability"}, Label: "transparency"},
		{Keys: []string{"virtual-meetings"}, Label: "virtual-meetings"},
	}
	tests := []struct {
		value string
		want  []string
	}{
		{"vetoo", []string{"veto"}},
		{"transparancy", []string{"transparency"}},
		{"virtual", []string{"virtual-meetings"}},
		{"accountab", []string{"transparency"}},
		{"xyz", nil},
		{"", nil},
	}
	for _, tt := range tests {
		if got := Suggest(tt.value, cands, FoldKey); !slices.Equal(got, tt.want) {
			t.Errorf("Suggest(%q) = %q, want %q", tt.value, got, tt.want)
		}
	}
}
