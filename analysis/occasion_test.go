package analysis

import (
	"slices"
	"testing"

	"github.com/scdebate/scdebate/corpus"
)

// TestNamedNotDiscussed checks, with the dictionary alone, the exclusions of
// council-reform, note-507, burden-sharing and transparency: an office-holder's title, a
// round of the negotiations as an event, the older notes on the annual
// report, something other than the Council expanded or reformed, a
// document of the elected members named, the newly elected welcomed, the
// elected members united as one speaker, and transparency said of a State's
// arms, nuclear or fiscal affairs are not coded; the same words as a
// point still are, and so is note 507 by its short form.
func TestNamedNotDiscussed(t *testing.T) {
	c := newTestCoder(t).WithModel(nil)
	report := Context{Debate: corpus.DebateReport}
	methods := Context{Debate: contextWorkingMethods, CouncilRecord: true}
	checkThemeCases(t, c, []themeCase{
		// note-507: the Working Group in a title.
		{"the Working Group's co-chair as a briefer", methods, "Ambassador Ruth Hale (Norway) will brief as co-chair of the Informal Working Group on Documentation and Other Procedural Questions (IWG).", nil},
		{"the Working Group's chair opening a list of briefers", methods, "Chair of the Informal Working Group on Documentation and Other Procedural Questions Petra Lind (Sweden) and a researcher are expected to brief.", nil},
		{"the Working Group's chairs organising the meeting", methods, "Portugal, vice-chair of the IWG, is organising the meeting together with the IWG chair.", nil},
		{"what the Working Group does", methods, "The Informal Working Group on Documentation should review every year how its notes are applied.", []string{"note-507"}},
		{"chairing the Working Group as work on it", methods, "Through its chairing of the Informal Working Group on Documentation, Kenya brought the revised compendium to agreement.", []string{"note-507"}},
		// note-507: the older notes on the annual report.
		{"an old note on the annual report", report, "A note by the President of the Council in 1996 asked for an annual report with more analysis.", []string{"annual-report"}},
		{"a note that the Working Group report, not on the report", methods, "A note by the President asked the Informal Working Group to report on its progress every year.", []string{"note-507"}},
		{"note 507 asked of the annual report", report, "Note 507 commits members to an annual report that is more analytical.", []string{"annual-report", "note-507"}},
		// note-507: "the note" alone is its short form.
		{"the note by its short form", methods, "Two years after its adoption, this Note is still applied unevenly from one presidency to the next.", []string{"note-507"}},
		{"the Secretary-General's note", methods, "The note by the Secretary-General lists the matters before the Council.", nil},
		{"the note for the debate", methods, "The note prepared by the presidency for this debate asks three questions on access for non-members.", nil},
		{"on this note, a figure of speech", methods, "On this note of hope, I conclude my remarks.", nil},
		// council-reform: the negotiations as an event, their office-holders.
		{"thanks for the co-chairs of the negotiations", report, "We thank you for appointing two experienced co-chairs of the intergovernmental negotiations.", nil},
		{"the next round of the negotiations awaited", report, "My delegation looks forward to the next round of the intergovernmental negotiations.", nil},
		{"the negotiations as a point", report, "The intergovernmental negotiations must at last move to a single text with attributions.", []string{"council-reform"}},
		{"a round of the negotiations that discussed seats", report, "In the last round of the IGN most groups asked for permanent seats for Africa.", []string{"council-reform"}},
		// council-reform: other things expanded or reformed.
		{"the Council's role expanded, not its membership", report, "We are wary of efforts to expand the role of the Security Council into questions that belong to the Assembly.", []string{"ga-sc-relations"}},
		{"cooperation expanded", report, "The Council has sought to expand cooperation with regional organizations.", nil},
		{"the Council expanded", report, "An expanded Security Council must include more members from the global South.", []string{"council-reform"}},
		{"reform to the working methods", methods, "We also need deeper reform to this Council's working methods.", nil},
		{"reform of the Council's membership", report, "Reform of the Council must give Africa a fair share of its seats.", []string{"council-reform"}},
		{"a new thing beside the permanent members", report, "A new accountability mechanism now asks the permanent members of the Security Council to explain themselves.", []string{"transparency"}},
		{"New Zealand beside the permanent members", report, "New Zealand asked the permanent members of the Security Council to explain their votes.", nil},
		{"new permanent members", report, "Any new permanent member of the Security Council should not hold a veto.", []string{"council-reform", "veto"}},
		// burden-sharing: a document of the elected members named.
		{"the elected members' statement welcomed", methods, "We welcome the E10 statement that Malta read out this morning.", nil},
		{"a letter signed by the elected members", methods, "Last year a letter signed by all ten elected members was sent to the presidency.", nil},
		{"the elected members' role as a point", methods, "Elected members should hold the pen on more files.", []string{"burden-sharing"}},
		// burden-sharing: the newly elected welcomed, the elected members united as one speaker.
		{"the newly elected members welcomed", methods, "We welcome the newly elected members, who take their seats in January.", nil},
		{"something done for the elected members welcomed", methods, "We welcome the steps taken to prepare incoming elected members before their term begins.", []string{"burden-sharing"}},
		{"the elected members united as one speaker", methods, "We are glad that the ten elected members are united on the need for shorter texts.", nil},
		{"elected Council members drafting together", methods, "Last year three elected Council members drafted the text on hospitals together.", []string{"burden-sharing"}},
		// transparency: the word said of a State's arms, nuclear or fiscal affairs.
		{"a State's nuclear transparency", report, "We expect full nuclear transparency from that Government before sanctions are eased.", nil},
		{"transparency in armaments", report, "Transparency in armaments builds confidence between neighbours.", nil},
		{"fiscal transparency of a State", report, "Budgetary and fiscal transparency are conditions of the new loan.", nil},
		{"the Council's transparency beside a nuclear file", report, "The Council should be more transparent about how it handles the nuclear file.", []string{"transparency"}},
	})
}

// A themeCase is a sentence and the themes the coder must give it in a
// context.
type themeCase struct {
	name string
	ctx  Context
	text string
	want []string
}

// checkThemeCases codes each case's sentence and compares the themes, in
// any order.
func checkThemeCases(t *testing.T, c *Coder, tests []themeCase) {
	t.Helper()
	checkThemeCasesIn(t, c, "en", tests)
}

// checkThemeCasesIn is checkThemeCases for sentences in lang.
func checkThemeCasesIn(t *testing.T, c *Coder, lang string, tests []themeCase) {
	t.Helper()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := c.ClassifyIn(tt.ctx, lang, tt.text)
			want := slices.Clone(tt.want)
			slices.Sort(want)
			themes := slices.Clone(got.Themes)
			slices.Sort(themes)
			if !slices.Equal(themes, want) {
				t.Errorf("themes %v, want %v (evidence %v)", themes, want, got.Evidence)
			}
		})
	}
}
