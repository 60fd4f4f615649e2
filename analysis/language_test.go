package analysis

import (
	"reflect"
	"testing"
)

func TestAnalyzerStemsAndSegments(t *testing.T) {
	tests := []struct {
		name, lang, text string
		want             []string
	}{
		{"english stems plurals", "en", "Vetoes and vetoing", []string{"veto", "veto"}},
		{"chinese bigrams", "zh", "否决权", []string{"否决", "决权"}},
		{"unknown falls back to standard", "xx", "Open Debates", []string{"open", "debates"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := Analyzer(tt.lang)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, tok := range a.Analyze([]byte(tt.text)) {
				got = append(got, string(tok.Term))
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Analyze(%q) = %q, want %q", tt.text, got, tt.want)
			}
		})
	}
}
