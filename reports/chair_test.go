package reports

import (
	"testing"

	"github.com/scdebate/scdebate/corpus"
)

// TestActingPresidentFromStageDirection: the Acting President is named
// from the stage direction before the speech, in either spelling the
// records use.
func TestActingPresidentFromStageDirection(t *testing.T) {
	tests := []struct {
		name, event, wantName, wantCountry string
	}{
		{"modern", "In the absence of the President, Mr. Agyeman (Ghana), Vice-President, took the Chair.", "Mr. Agyeman", "Ghana"},
		{"older", "Mr. Akram (Pakistan), Vice President, took the chair.", "Mr. Akram", "Pakistan"},
		{"no stage direction", "The meeting was called to order at 3.10 p.m.", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec := &corpus.Record{Body: "General Assembly", Language: "en", Events: []corpus.Event{{AfterSeq: 1, Text: tt.event}}}
			sp := &corpus.Speech{Seq: 2, Role: corpus.RoleActingPresident}
			name, country, office := chair(rec, sp, "en")
			if name != tt.wantName || country != tt.wantCountry || office != "Acting President of the General Assembly" {
				t.Errorf("chair = %q, %q, %q; want %q, %q", name, country, office, tt.wantName, tt.wantCountry)
			}
		})
	}
}
