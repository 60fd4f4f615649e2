package ingest

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/scdebate/scdebate/corpus"
)

// The two-column record made with LibreOffice from layout/testdata/
// columns/record.fodt: a first page whose left column holds the
// President's short turns beside a right column that opens with bold
// agenda headings on the same baselines.
const columnsFixtures = "layout/testdata/columns"

// TestParseColumnsPDF parses the fixture end to end and checks every turn,
// the agenda headings (a range and a singular "item" with two numbers)
// and the speech text against the source.
func TestParseColumnsPDF(t *testing.T) {
	rec, err := ParseFile(context.Background(), filepath.Join(columnsFixtures, "record.pdf"), inProcess)
	if err != nil {
		t.Fatal(err)
	}
	rec.Source.Path = filepath.Base(rec.Source.Path)
	checkGolden(t, filepath.Join("testdata", "golden", "columns-record.json"), rec)
	if rec.Symbol != "A/65/PV.99" || rec.Date != "2010-12-22" || rec.TimeStart != "10:10" || rec.TimeEnd != "12:40" ||
		rec.President == nil || rec.President.Name != "Mr. Halvorsen" || rec.President.Country != "Norway" {
		t.Errorf("metadata: %s %s %s–%s president %+v", rec.Symbol, rec.Date, rec.TimeStart, rec.TimeEnd, rec.President)
	}
	type turn struct{ speaker, delegation, starts string }
	want := []turn{
		{"The President", "", "The list of speakers for the joint debate closes at noon today."},
		{"The President", "", "Members have the revised programme of work before them."},
		{"The President", "", "May I take it that the Assembly agrees to hear the reports"},
		{"The President", "", "Explanations of vote are limited to ten minutes."},
		{"The President", "", "I give the floor to the Rapporteur"},
		{"Ms. Tanaka", "Japan", "It is my privilege"},
		{"The President", "", "I thank the Rapporteur"},
		{"The President", "", "Statements will therefore be limited"},
		{"Mr. Mwangi", "Kenya", "My delegation will vote in favour"},
		{"Ms. Costa", "Brazil", "Brazil welcomes the consensus"},
		{"The President", "", "We have heard the last speaker"},
		{"The President", "", "May I take it that it is the wish"},
	}
	if len(rec.Speeches) != len(want) {
		t.Fatalf("%d speeches, want %d", len(rec.Speeches), len(want))
	}
	for i, w := range want {
		s := rec.Speeches[i]
		got := turn{s.Speaker, s.Delegation, ""}
		if strings.HasPrefix(s.Paragraphs[0].Text, w.starts) {
			got.starts = w.starts
		}
		if got != w {
			t.Errorf("speech %d = %+v (%.50q), want %+v", i+1, got, s.Paragraphs[0].Text, w)
		}
	}
	wantItems := []corpus.AgendaItem{
		{Number: "21", Title: "Trade and development finance"},
		{Number: "22", Title: "External debt and development"},
		{Number: "23", Title: "Commodities and small producers"},
		{Number: "24", Title: "Science and technology for development"},
		{Number: "25", Title: "Tourism and coastal regions"},
		{Number: "26", Title: "Groups of countries in special situations"},
		{Number: "48", Title: "Culture of peace and development"},
		{Number: "114", Title: "Follow-up to the conference on financing for development", Subitems: []string{"Reports of the Second Committee (A/65/901 to A/65/907)"}},
	}
	if len(rec.AgendaItems) != len(wantItems) {
		t.Fatalf("agenda items %+v, want %+v", rec.AgendaItems, wantItems)
	}
	for i, w := range wantItems {
		if g := rec.AgendaItems[i]; g.Number != w.Number || g.Title != w.Title || strings.Join(g.Subitems, "|") != strings.Join(w.Subitems, "|") {
			t.Errorf("agenda item %d = %+v, want %+v", i+1, g, w)
		}
	}
	found, total := sourceSpeechParagraphs(t, columnsFixtures, rec)
	if found != total {
		t.Errorf("%d of the source's %d speech paragraphs are in the record word for word", found, total)
	}
}
