package reports

import (
	"bytes"
	"context"
	"testing"

	"github.com/scdebate/scdebate/analysis"
	"github.com/scdebate/scdebate/corpus"
	"github.com/xuri/excelize/v2"
)

// Each request on the Proposals sheet names its speaker, state and
// paragraph, links to its page, and a request from the chair names the
// presiding officer and the officer's country.
func TestProposalsCiteSpeakerAndParagraph(t *testing.T) {
	rec := &corpus.Record{
		Symbol: "A/79/PV.29", Body: "General Assembly", Kind: corpus.KindVerbatim, Language: "en", Session: corpus.Int(79), Date: "2024-10-29",
		President: &corpus.Person{Name: "Mr. Yang", Country: "Cameroon"},
		Events:    []corpus.Event{{AfterSeq: 1, Text: "In the absence of the President, Mr. Agyeman (Ghana), Vice-President, took the Chair."}},
		Speeches: []corpus.Speech{
			{Seq: 1, Speaker: "The President", Role: corpus.RolePresident, Paragraphs: []corpus.Paragraph{{N: 1, Page: 1, Text: "I call on the Council to publish its programme of work."}}},
			{Seq: 2, Speaker: "The Acting President", Role: corpus.RoleActingPresident, Paragraphs: []corpus.Paragraph{{N: 1, Page: 2, Text: "The Council should hold open debates."}}},
			{Seq: 3, Speaker: "Ms. Dúnlaing", Role: corpus.RoleMemberState, Delegation: "Ireland", CountryCode: "IRL", Paragraphs: []corpus.Paragraph{
				{N: 1, Page: 7, Text: "We thank the President."},
				{N: 2, Page: 8, Text: "The Council should share penholdership."},
			}},
		},
	}
	para := func(n int, theme string) analysis.ParagraphAnnotation {
		return analysis.ParagraphAnnotation{N: n, Themes: []string{theme}, Proposal: true}
	}
	ann := &analysis.Annotation{Speeches: []analysis.SpeechAnnotation{
		{Seq: 1, Paragraphs: []analysis.ParagraphAnnotation{para(1, "programme-of-work")}},
		{Seq: 2, Paragraphs: []analysis.ParagraphAnnotation{para(1, "open-debates")}},
		{Seq: 3, Paragraphs: []analysis.ParagraphAnnotation{para(2, "burden-sharing")}},
	}}
	docs := func(yield func(*Document, error) bool) { yield(&Document{Record: rec, Annotation: ann}, nil) }
	var buf bytes.Buffer
	if err := WriteWorkbookFrom(context.Background(), &buf, docs, Options{}); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows := sheetRows(t, f, SheetProposals)
	col := map[string]int{}
	for i, name := range rows[0] {
		col[name] = i
	}
	for _, name := range []string{"Speaker", "State", "Paragraph", "Page", "Link", "Symbol"} {
		if _, ok := col[name]; !ok {
			t.Fatalf("Proposals header %q has no %s column", rows[0], name)
		}
	}
	want := map[string][4]string{ // by speaker: state, page, paragraph, link
		"The President (Mr. Yang)":           {"President of the General Assembly (Cameroon)", "1", "1", "https://undocs.org/en/A/79/PV.29#page=1"},
		"The Acting President (Mr. Agyeman)": {"Acting President of the General Assembly (Ghana)", "2", "1", "https://undocs.org/en/A/79/PV.29#page=2"},
		"Ms. Dúnlaing":                       {"Ireland", "8", "2", "https://undocs.org/en/A/79/PV.29#page=8"},
	}
	seen := 0
	for _, row := range rows[1:] {
		row = append(row, make([]string, len(rows[0])-len(row))...)
		w, ok := want[row[col["Speaker"]]]
		if !ok {
			t.Errorf("unexpected Proposals row %q", row)
			continue
		}
		seen++
		got := [4]string{row[col["State"]], row[col["Page"]], row[col["Paragraph"]], row[col["Link"]]}
		if got != w {
			t.Errorf("%s: state, page, paragraph, link = %q, want %q", row[col["Speaker"]], got, w)
		}
	}
	if seen != len(want) {
		t.Errorf("%d of %d requests on the Proposals sheet", seen, len(want))
	}
}

// "Change" means one thing per sheet and its header says which: on the
// Overview the latest session against the one before, on Trends the change
// along all the sessions.
func TestChangeHeadersSayWhich(t *testing.T) {
	ws := genWorkspace(t, smallCorpus) // sessions 77 to 79
	var buf bytes.Buffer
	if err := WriteWorkbook(context.Background(), &buf, ws, Options{Taxonomy: testTaxonomy()}); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	headers := func(sheet string) []string {
		var out []string
		for _, row := range sheetRows(t, f, sheet) {
			for _, cell := range row {
				if len(cell) > 6 && cell[:6] == "Change" || len(cell) > 12 && cell[:12] == "Trend change" {
					out = append(out, cell)
				}
			}
		}
		return out
	}
	if got := headers(SheetOverview); len(got) != 1 || got[0] != "Change 78th to 79th (points)" {
		t.Errorf("Overview change headers %q", got)
	}
	if got := headers(SheetTrends); len(got) != 1 || got[0] != "Trend change 77th to 79th (points)" {
		t.Errorf("Trends change headers %q", got)
	}
}
