package ingest

import (
	"context"
	"strings"
	"testing"

	"github.com/scdebate/scdebate/corpus"
	"github.com/scdebate/scdebate/ingest/layout"
)

// testCover opens every record built by the tests here: an English cover,
// the opening of the meeting and an agenda item.
var testCover = []string{
	"A/77/PV.12", "United Nations", "General Assembly", "Official Records", "Seventy-seventh session",
	"12th plenary meeting", "Monday, 10 October 2022, 10 a.m.", "New York", "President:",
	"Mr. Kőrösi .............................................(Hungary)",
	"The meeting was called to order at 10.05 a.m.", "Agenda item 29 (continued)", "Report of the Security Council",
}

// parseBody parses a record of the cover above and body, given as text
// lines.
func parseBody(t *testing.T, body string) *corpus.Record {
	t.Helper()
	return parseText(t, []byte(strings.Join(testCover, "\n")+"\n"+strings.TrimSpace(body)+"\n"))
}

// parseLines parses a record of the cover above and the body lines given
// with their geometry, all on one page's single column from x 60 to 300.
func parseLines(t *testing.T, body []layout.Line) *corpus.Record {
	t.Helper()
	var lines []layout.Line
	for _, c := range testCover {
		lines = append(lines, layout.Line{Text: c, ParagraphStart: true})
	}
	for _, l := range body {
		l.ColumnLeft, l.ColumnRight = 60, 300
		if l.X == 0 {
			l.X = 60
		}
		if l.Right == 0 {
			l.Right = 300
		}
		lines = append(lines, l)
	}
	rec, err := Parse(context.Background(), layout.Document{Pages: []layout.Page{{N: 1, Lines: lines}}})
	if err != nil {
		t.Fatal(err)
	}
	return rec
}

// turnSummary is a speech as the tests here compare it: speaker, language,
// groups and numbered paragraphs.
func turnSummary(s corpus.Speech) string {
	var b strings.Builder
	b.WriteString(s.Speaker + " [" + s.SpokeIn + "] {" + strings.Join(s.OnBehalfOf, ";") + "}")
	for _, p := range s.Paragraphs {
		b.WriteString(" | " + itoa(p.N) + ". " + p.Text)
	}
	return b.String()
}

// checkTurns compares a record's speeches, numbered in order, with want.
func checkTurns(t *testing.T, rec *corpus.Record, want []string) {
	t.Helper()
	var got []string
	for i, s := range rec.Speeches {
		if s.Seq != i+1 {
			t.Errorf("speech %d has seq %d", i+1, s.Seq)
		}
		got = append(got, turnSummary(s))
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("speeches\n got %s\nwant %s", strings.Join(got, "\n     "), strings.Join(want, "\n     "))
	}
}

func TestLanguageNoteLines(t *testing.T) {
	tests := []struct {
		name string
		body string
		want []string
	}{
		{
			"change of language inside a speech splits it, numbering on",
			`Mr. Kiboino (Kenya): I speak on behalf of the Group of African States. We thank the Council.
(spoke in French)
Nous remercions la présidence
et le Conseil.
(spoke in English)
That is all.`,
			[]string{
				"Mr. Kiboino [] {Group of African States} | 1. I speak on behalf of the Group of African States. We thank the Council.",
				"Mr. Kiboino [fr] {Group of African States} | 2. Nous remercions la présidence et le Conseil.",
				"Mr. Kiboino [] {Group of African States} | 3. That is all.",
			},
		},
		{
			"note before the first paragraph is the speech's",
			`Mr. Hilale (Morocco):
(spoke in French)
Le Maroc remercie le Conseil.`,
			[]string{"Mr. Hilale [fr] {} | 1. Le Maroc remercie le Conseil."},
		},
		{
			"note repeating the speech's language changes nothing",
			`Mr. Mukongo (Democratic Republic of the Congo) (spoke in French): Nous remercions le Conseil.
(spoke in French)
Et la présidence.`,
			[]string{"Mr. Mukongo [fr] {} | 1. Nous remercions le Conseil. | 2. Et la présidence."},
		},
		{
			"the presiding officer changes language too",
			`The President: I thank the speaker.
(spoke in Spanish)
Gracias.
Mr. Kiboino (Kenya): We thank the Council.`,
			[]string{
				"The President [] {} | 1. I thank the speaker.",
				"The President [es] {} | 2. Gracias.",
				"Mr. Kiboino [] {} | 1. We thank the Council.",
			},
		},
		{
			"a parenthesis that is not a language note stays text",
			`Mr. Kiboino (Kenya): We recall the report.
(A/77/2)
We thank the Council.`,
			[]string{"Mr. Kiboino [] {} | 1. We recall the report. (A/77/2) We thank the Council."},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec := parseBody(t, tt.body)
			checkTurns(t, rec, tt.want)
		})
	}
}

// Lines of a column from x 60 to 300, as the extractor gives them: a
// paragraph's first line is indented, the rest flush; a block quotation's
// lines all stand in, its first after a gap.
func first(text string) layout.Line { return layout.Line{Text: text, X: 84, ParagraphStart: true} }
func flush(text string) layout.Line { return layout.Line{Text: text} }
func last(text string) layout.Line  { return layout.Line{Text: text, Right: 200} }
func blockFirst(text string) layout.Line {
	return layout.Line{Text: text, X: 84, Right: 280, ParagraphStart: true}
}
func block(text string) layout.Line { return layout.Line{Text: text, X: 84, Right: 280} }
func italic(l layout.Line) layout.Line {
	l.Italic = true
	return l
}

func TestBlockQuotations(t *testing.T) {
	tests := []struct {
		name string
		body []layout.Line
		want []string
	}{
		{
			"a sentence cut off before an indented block goes on through it",
			[]layout.Line{
				first("Mr. Kiboino (Kenya): We recall that Article 2 of the"),
				last("Charter says that"),
				blockFirst("All Members shall settle their international"),
				block("disputes by peaceful means."),
				first("We thank the Council for its report and its"),
				last("work."),
			},
			[]string{"Mr. Kiboino [] {} | 1. We recall that Article 2 of the Charter says that All Members shall settle their international disputes by peaceful means. | 2. We thank the Council for its report and its work."},
		},
		{
			"a sentence cut off before a quotation mark goes on",
			[]layout.Line{
				first("Mr. Kiboino (Kenya): As the report says,"),
				first("“the Council met often” (A/77/2, para. 4)."),
				first("We thank the Council."),
			},
			[]string{"Mr. Kiboino [] {} | 1. As the report says, “the Council met often” (A/77/2, para. 4). | 2. We thank the Council."},
		},
		{
			"the words after a block go on when the sentence does",
			[]layout.Line{
				first("Mr. Kiboino (Kenya): The draft claims that my country"),
				blockFirst("“has failed to meet its obligations"),
				block("under the Charter”"),
				layout.Line{Text: "and adds more, which has no grounds.", ParagraphStart: true},
				first("We thank the Council."),
			},
			[]string{"Mr. Kiboino [] {} | 1. The draft claims that my country “has failed to meet its obligations under the Charter” and adds more, which has no grounds. | 2. We thank the Council."},
		},
		{
			"an indented block after a finished sentence is a paragraph",
			[]layout.Line{
				first("Mr. Kiboino (Kenya): We thank the Council for its"),
				last("report."),
				blockFirst("The Council met more often than ever before in"),
				block("the year under review."),
				first("We thank the Council."),
			},
			[]string{"Mr. Kiboino [] {} | 1. We thank the Council for its report. | 2. The Council met more often than ever before in the year under review. | 3. We thank the Council."},
		},
		{
			"a block quotation introduced by a colon is part of its paragraph",
			[]layout.Line{
				first("Mr. Kiboino (Kenya): Article 2 of the Charter reads as"),
				last("follows:"),
				blockFirst("All Members shall settle their international"),
				block("disputes by peaceful means."),
				first("We thank the Council."),
			},
			[]string{"Mr. Kiboino [] {} | 1. Article 2 of the Charter reads as follows: All Members shall settle their international disputes by peaceful means. | 2. We thank the Council."},
		},
		{
			"a block quotation of two paragraphs stays whole",
			[]layout.Line{
				first("Mr. Kiboino (Kenya): The paragraph should read:"),
				blockFirst("“Recognizes the work of the Council in the"),
				block("year under review;"),
				layout.Line{Text: "Calls for more open meetings of the", X: 108, Right: 280, ParagraphStart: true},
				block("Council.”"),
				first("We thank the Council."),
			},
			[]string{"Mr. Kiboino [] {} | 1. The paragraph should read: “Recognizes the work of the Council in the year under review; Calls for more open meetings of the Council.” | 2. We thank the Council."},
		},
		{
			"paragraphs after a colon that are not a block stay paragraphs",
			[]layout.Line{
				first("Mr. Kiboino (Kenya): I shall make two points:"),
				first("First, the Council should meet in the open more"),
				last("often."),
				first("Secondly, the report should be analytical."),
			},
			[]string{"Mr. Kiboino [] {} | 1. I shall make two points: | 2. First, the Council should meet in the open more often. | 3. Secondly, the report should be analytical."},
		},
		{
			"an interrupted speech still ends at the next speaker",
			[]layout.Line{
				first("Mr. Kiboino (Kenya): We are defending the rights of"),
				last("individuals —"),
				first("The President: I give the floor to the representative"),
				last("of Ghana."),
			},
			[]string{"Mr. Kiboino [] {} | 1. We are defending the rights of individuals —", "The President [] {} | 1. I give the floor to the representative of Ghana."},
		},
		{
			"a stage direction after a sentence cut off is an event",
			[]layout.Line{
				first("Mr. Kiboino (Kenya): We are defending the rights of"),
				last("individuals —"),
				italic(first("The meeting was suspended at 4.10 p.m.")),
				first("The President: I give the floor to the representative"),
				last("of Ghana."),
			},
			[]string{"Mr. Kiboino [] {} | 1. We are defending the rights of individuals —", "The President [] {} | 1. I give the floor to the representative of Ghana."},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec := parseLines(t, tt.body)
			checkTurns(t, rec, tt.want)
		})
	}
}

// TestQuotationAfterColonText: the text path, which has no indents, takes
// a paragraph opening with a quotation mark after a colon as the block
// quotation the colon introduces.
func TestQuotationAfterColonText(t *testing.T) {
	rec := parseBody(t, `Mr. Kiboino (Kenya): The Secretary-General stated the following:

“We reject discrimination in every form.”

We thank the Council.`)
	checkTurns(t, rec, []string{"Mr. Kiboino [] {} | 1. The Secretary-General stated the following: “We reject discrimination in every form.” | 2. We thank the Council."})
}

func TestChairStageDirections(t *testing.T) {
	tests := []struct {
		name, line string
		kind       eventKind
		ok         bool
	}{
		{"modern", "Mr. Agyeman (Ghana), Vice-President, took the Chair.", eventChairTaken, true},
		{"in the absence of the President", "In the absence of the President, Mr. Agyeman (Ghana), Vice-President, took the Chair.", eventChairTaken, true},
		{"older spelling", "Mr. Akram (Pakistan), Vice President, took the chair.", eventChairTaken, true},
		{"President returns", "The President returned to the chair.", eventChairBack, true},
		{"speech about a chair", "My country took the chair of the Group last year and will serve it well", 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			kind, _, ok := englishLocale.matchEvent(tt.line)
			if ok != tt.ok || ok && kind != tt.kind {
				t.Errorf("matchEvent(%q) = %v, %v; want %v, %v", tt.line, kind, ok, tt.kind, tt.ok)
			}
		})
	}
	// In a speech, the stage direction is an event, not the speech's text.
	rec := parseBody(t, `Mr. Kiboino (Kenya): We thank the Council for its report.
Mr. Akram (Pakistan), Vice President, took the chair.
We call for more open meetings.`)
	if len(rec.Speeches) != 1 || len(rec.Speeches[0].Paragraphs) != 2 || len(rec.Events) != 2 || !strings.HasSuffix(rec.Events[1].Text, "took the chair.") {
		t.Errorf("speeches %+v, events %+v", rec.Speeches, rec.Events)
	}
}
