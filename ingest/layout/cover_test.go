package layout_test

import (
	"context"
	"strings"
	"testing"

	"github.com/scdebate/scdebate/corpus/fixtures"
	"github.com/scdebate/scdebate/ingest/layout"
)

// TestCoverPages: the covers carry the metadata the parser needs. Two of
// them draw the emblem as inline images, on which the PDF library's own
// page reader fails ("malformed hex string", "unexpected delimiter"); they
// must decode whole, masthead included, and the notice must be gone.
func TestCoverPages(t *testing.T) {
	tests := []struct {
		file string
		want []string
	}{
		{"A_48_PV.46.pdf", []string{"GENERAL", "ASSEMBLY", "FORTY-EIGHTH SESSION", "PLENARY MEETING", "Monday, 1 November 1993", "President: Mr. INSANALLY", "A/48/PV.46"}},
		{"S_PV.3756.pdf", []string{"S/PV.3756", "Security Council", "3756th Meeting", "Friday, 21 March 1997, 6 p.m.", "President: Mr. Wlosowicz"}},
		{"A_79_PV.29.pdf", []string{"A/79/PV.29", "General Assembly", "Seventy-ninth session", "29th plenary meeting", "Tuesday, 29 October 2024, 3 p.m.", "President: Mr. Yang"}},
		{"S_PV.8422.pdf", []string{"S/PV.8422", "8422nd meeting", "President: Mr. Adom"}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			doc, err := layout.ExtractInProcess(context.Background(), fixtures.Real(t, tt.file), layout.Options{})
			if err != nil {
				t.Fatal(err)
			}
			cover := doc.Pages[0]
			if cover.Err != "" {
				t.Fatalf("page 1: %s", cover.Err)
			}
			var lines []string
			for _, l := range cover.Lines {
				lines = append(lines, l.Text)
			}
			text := strings.Join(lines, "\n")
			for _, w := range tt.want {
				if !strings.Contains(text, w) {
					t.Errorf("page 1 lacks %q", w)
				}
			}
			for _, gone := range []string{"This record", "Corrections", "*"} {
				if strings.Contains(text, gone) {
					t.Errorf("page 1 still has %q", gone)
				}
			}
		})
	}
}
