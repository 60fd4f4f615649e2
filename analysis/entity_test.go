package analysis

import (
	"slices"
	"testing"
)

func TestEntities(t *testing.T) {
	c := newTestCoder(t)
	tests := []struct {
		lang, text string
		want       []string
	}{
		{"en", "Papua New Guinea and Guinea spoke after the African Union.", []string{"state:GIN", "state:PNG", "org:african-union"}},
		{"en", "Brazil, Germany, India and Japan, the G4, support reform.", []string{"state:BRA", "state:DEU", "state:IND", "state:JPN", "group:g4"}},
		{"fr", "La France et le Mexique ont proposé une initiative.", []string{"state:FRA", "state:MEX"}},
		{"zh", "发展中国家在安理会中代表性不足，中国支持改革。", []string{"state:CHN"}},
		{"zh", "发展中国家在安理会中代表性不足。", nil},
		{"en", "The Council should listen to the Peacebuilding Commission.", []string{"org:peacebuilding-commission"}},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			got := c.CodeSentence(tt.lang, tt.text).Entities
			slices.Sort(got)
			want := slices.Clone(tt.want)
			slices.Sort(want)
			if !slices.Equal(got, want) {
				t.Errorf("entities = %v, want %v", got, want)
			}
		})
	}
}
