package reports

import (
	"bytes"
	"context"
	"encoding/csv"
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/scdebate/scdebate/corpus"
)

// TestWorkbookDebates: records that are not the debate on the Council's
// report are marked on the Sources sheet and the Overview, the workbook is
// titled for the debates its records are, and --agenda selects records by
// debate.
func TestWorkbookDebates(t *testing.T) {
	mixed := genConfig{Seed: 11, FirstSession: 79, Sessions: 1, Meetings: 3, Speeches: 10, Paragraphs: 4, OtherMeeting: 2}
	reformSymbol := "A/79/PV.22"
	tests := []struct {
		name   string
		agenda []string
		title  string
		debate string // the Overview's Debate row starts so
		marked []string
		absent []string
	}{
		{"every record", nil, workbookTitle + ", with other records",
			"2 documents of the debate on the report of the Security Council; not of it, and marked on the Sources sheet: 1 document of the debate on Security Council reform",
			[]string{reformSymbol}, nil},
		{"the debate on the report", []string{"report"}, workbookTitle,
			"the debate on the report of the Security Council (2 documents)", nil, []string{reformSymbol}},
		{"the debate on reform, by name", []string{"Council reform"}, "Comments in the General Assembly's debate on Security Council reform",
			"none of the documents is the debate on the report of the Security Council: 1 document of the debate on Security Council reform",
			[]string{reformSymbol}, []string{"A/79/PV.21", "A/79/PV.23"}},
	}
	ws := genWorkspace(t, mixed)
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := WriteWorkbook(context.Background(), &buf, ws, Options{Taxonomy: testTaxonomy(), Agenda: tc.agenda}); err != nil {
				t.Fatal(err)
			}
			f, err := excelize.OpenReader(&buf)
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			if title, _ := f.GetCellValue(SheetOverview, "A1"); title != tc.title {
				t.Errorf("title %q, want %q", title, tc.title)
			}
			if props, err := f.GetDocProps(); err != nil || props.Title != tc.title {
				t.Errorf("document title %q (%v), want %q", props.Title, err, tc.title)
			}
			overview, _ := f.GetRows(SheetOverview)
			debate := ""
			for _, r := range overview {
				if len(r) > 1 && r[0] == "Debate" {
					debate = r[1]
				}
			}
			if !strings.HasPrefix(debate, tc.debate) {
				t.Errorf("Overview Debate %q, want %q", debate, tc.debate)
			}
			sources, _ := f.GetRows(SheetSources)
			dc := slices.Index(sources[0], "Debate")
			seen := map[string]string{}
			for _, r := range sources[1:] {
				seen[r[0]] = r[dc]
			}
			for sym, d := range seen {
				notReport := strings.HasPrefix(d, "not the debate on the report")
				if notReport != slices.Contains(tc.marked, sym) {
					t.Errorf("Sources: %s marked %q", sym, d)
				}
				if !notReport && d != "report" {
					t.Errorf("Sources: %s debate %q, want report", sym, d)
				}
			}
			for _, sym := range tc.absent {
				if _, ok := seen[sym]; ok {
					t.Errorf("%s is in the workbook, outside the debates asked for", sym)
				}
			}
			comments, _ := f.GetRows(SheetComments)
			for _, r := range comments[1:] {
				if slices.Contains(tc.absent, r[2]) {
					t.Fatalf("a comment of %s, outside the debates asked for", r[2])
				}
			}
		})
	}

	t.Run("CSV", func(t *testing.T) {
		var buf bytes.Buffer
		if err := WriteCSV(context.Background(), &buf, ws, Options{Taxonomy: testTaxonomy(), Agenda: []string{"report"}}); err != nil {
			t.Fatal(err)
		}
		rows, err := csv.NewReader(&buf).ReadAll()
		if err != nil || len(rows) < 2 {
			t.Fatalf("%d rows, %v", len(rows), err)
		}
		for _, r := range rows[1:] {
			if r[2] == reformSymbol {
				t.Fatalf("a comment of %s in an export of the debate on the report", reformSymbol)
			}
		}
	})
	t.Run("an unknown debate", func(t *testing.T) {
		err := WriteWorkbook(context.Background(), &bytes.Buffer{}, ws, Options{Taxonomy: testTaxonomy(), Agenda: []string{"reprot"}})
		var ue *corpus.UnknownValueError
		if !errors.As(err, &ue) || !slices.Contains(ue.Suggestions, "report") {
			t.Errorf("error %v, want one suggesting report", err)
		}
	})
}
