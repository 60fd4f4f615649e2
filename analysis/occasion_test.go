package analysis

import (
	"slices"
	"testing"

	"github.com/scdebate/scdebate/corpus"
)

// TestNamedNotDiscussed checks, with the dictionary alone, the exclusions of
// council-reform, note-507, burden-sharing, civil-society and transparency: an office-holder's title, a
// round of the negotiations as an event, the older notes on the annual
// report, something other than the Council expanded or reformed, a
// document of the elected members named, the newly elected welcomed, the
// elected members united as one speaker, transparency said of a State's
// arms, nuclear or fiscal affairs, inclusivity said of the Organization,
// seats filled in an election, the Council found under scrutiny,
// appreciation of a presiding officer's transparent conduct and civil
// society named beside another theme without taking part, a briefer's
// office, a member's office at the time or place in its group, new elected seats in an
// enlargement are not coded; the same words as a
// point still are, and so is note 507 by its short form.
func TestNamedNotDiscussed(t *testing.T) {
	c := newTestCoder(t).WithModel(nil)
	report := Context{Debate: corpus.DebateReport}
	reform := Context{Debate: corpus.DebateReform}
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
		{"the Council's work expanded", report, "This year the Security Council has expanded its work on climate and security.", nil},
		{"the Council expanded in its membership", report, "This year the Security Council should be expanded in both categories.", []string{"council-reform"}},
		// council-reform: "representative" as the delegate, before the office.
		{"the delegate and the Council presidency in a title", methods, "The working methods are only a means to an end, said Ghana's representative, Security Council President for June.", nil},
		{"a representative Council as a point", methods, "Only a more representative Security Council will be trusted, said the President of the Council for June.", []string{"council-reform"}},
		{"reform to the working methods", methods, "We also need deeper reform to this Council's working methods.", nil},
		{"reform of the Council's membership", report, "Reform of the Council must give Africa a fair share of its seats.", []string{"council-reform"}},
		{"a new thing beside the permanent members", report, "A new accountability mechanism now asks the permanent members of the Security Council to explain themselves.", []string{"transparency"}},
		{"New Zealand beside the permanent members", report, "New Zealand asked the permanent members of the Security Council to explain their votes.", nil},
		{"new permanent members", report, "Any new permanent member of the Security Council should not hold a veto.", []string{"council-reform", "veto"}},
		// civil-society: named without taking part, beside another theme.
		{"civil society as judges, beside the veto", methods, "The veto should never block action on mass atrocities, and civil society and scholars will judge those who cast it.", []string{"veto"}},
		{"civil society briefers, beside the veto", methods, "The veto should never block action on mass atrocities, and civil society briefers should be heard before it is cast.", []string{"civil-society", "veto"}},
		// council-reform: seats filled in an election, and asked for.
		{"non-permanent Council seats filled in an election", report, "The Assembly elected Peru and Kenya to fill non-permanent Council seats in a single round of voting.", nil},
		{"more non-permanent Council seats asked for", report, "Small island States need more non-permanent Council seats.", []string{"council-reform"}},
		// transparency: inclusivity said of the Organization as a whole.
		{"inclusivity of the Organization", report, "It is worth recalling how much inclusivity matters to our Organization.", nil},
		{"inclusivity of the Council's work", report, "It is worth recalling how much inclusivity matters to the Council's work.", []string{"transparency"}},
		// transparency: a member's place in its group.
		{"a member at the forefront of its group's work", methods, "Latvia, with Chile, has long been at the forefront of the ACT group on transparency questions.", nil},
		{"a member of the group making a point", methods, "Latvia has long been at the forefront of the ACT group, and it says the Security Council must be far more transparent.", []string{"transparency"}},
		// transparency: the Council under scrutiny as its situation.
		{"the Council under scrutiny", methods, "A divided Security Council now works under intense scrutiny from an uneasy public.", nil},
		{"the Council's work opened to scrutiny", methods, "The Security Council should open its decisions to public scrutiny.", []string{"transparency"}},
		// sanctions-due-process: the Ombudsperson as a briefer's office.
		{"the Ombudsperson as a briefer's office", methods, "The Council heard Anna Berg, Ombudsperson established under resolution 1904 (2009), and a scholar of the Charter.", nil},
		{"the Ombudsperson's office as a point", methods, "The Council heard Anna Berg, who said that the Ombudsperson should serve every sanctions committee.", []string{"sanctions-due-process"}},
		// burden-sharing: who a member was then, and new elected seats.
		{"the penholder a member was then", report, "We welcome the consultation held with the Mission of Chile, which was then the pen-holding member of the Security Council.", nil},
		{"the penholder as a point", report, "We welcome the consultation held with the Mission of Chile, and the pen-holding members of the Security Council should hold more of them.", []string{"burden-sharing"}},
		{"new elected seats in an enlargement", reform, "Only the addition of new elected members can make the Security Council more representative.", []string{"council-reform"}},
		{"the elected members' share as a point", reform, "Only a fairer share of the pen for elected members can make the Security Council work better.", []string{"burden-sharing"}},
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
		// transparency: appreciation of a presiding officer's conduct, not of the Council's openness.
		{"appreciation of a presiding officer's transparent conduct", report, "We appreciate the transparent manner in which the President of the Assembly led the consultations.", nil},
		{"appreciation of the Council's openness, a presidency named", methods, "He appreciated that Council members, at the presidency's urging, were committed to greater transparency.", []string{"transparency"}},
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

// TestReportOccasionsAndMakeUp checks, with the dictionary alone, that the
// annual report named as the business of a meeting (adopted, taken up, among
// the papers before the Assembly, in a debate named at the head of coverage,
// thanked for), its period and what it says cited as a source, the
// Assembly's President as the one who speaks, a meeting's agenda, the
// reform's issues listed and the Council's make-up described are not coded, and that the same words
// making a point are.
func TestReportOccasionsAndMakeUp(t *testing.T) {
	c := newTestCoder(t).WithModel(nil)
	report := Context{Debate: corpus.DebateReport}
	reform := Context{Debate: corpus.DebateReform}
	other := Context{Debate: corpus.DebateOther}
	methods := Context{Debate: contextWorkingMethods, CouncilRecord: true}
	checkThemeCases(t, c, []themeCase{
		{"the report adopted, with an adverb between", other, "The Security Council this afternoon adopted unanimously its annual report to the General Assembly for the past twelve months.", nil},
		{"the report adopted and judged", other, "The Security Council adopted unanimously an annual report that its own members called too descriptive.", []string{"annual-report"}},
		{"thanks by way of an opportunity", report, "Allow me, at the outset, to use this opportunity to thank the Permanent Representative of Chile for the introduction of the annual report.", nil},
		{"an opportunity to make a point", report, "I use this opportunity to say that the introduction of the annual report should be far more analytical.", []string{"annual-report"}},
		{"the Assembly taking up the report", report, "The General Assembly in a single meeting today took up the annual report of the Security Council.", nil},
		{"a point after the report taken up", report, "The General Assembly today took up the annual report of the Security Council, and most speakers said the report still lacked analysis.", []string{"annual-report"}},
		{"the period the Council's report covers", report, "The report of the Security Council covers the period from 1 August to 31 July.", nil},
		{"what the Council's report covers, its content", report, "The report of the Security Council covers the period from 1 August to 31 July, yet says little about why the Council failed to act.", []string{"annual-report"}},
		{"the report cited for a fact", report, "The report states that the Council met more often this year than last.", nil},
		{"the report cited for what it lacks", report, "The report states little about why the Council failed to act.", []string{"annual-report"}},
		{"the volume of the Council's business", report, "The volume and scope of the issues before the Council kept growing over the year.", nil},
		{"the volume that is the report", report, "The volume before us is longer than ever and says little.", []string{"annual-report"}},
		{"the report among the papers before the Assembly", report, "Along with the report of the Council, the Assembly has before it a note by the Secretary-General on the matters the Council is seized of.", nil},
		{"the report among the papers, judged", report, "Along with the report of the Council, which again came late, the Assembly has before it a note by the Secretary-General.", []string{"annual-report"}},
		{"the debate named at the head of coverage", report, "During a long joint debate, which also covered the Council's annual report, speakers asked for more seats for Africa.", []string{"council-reform"}},
		{"a point on the report in coverage", report, "During a long joint debate, speakers said the Council's annual report should be more analytical.", []string{"annual-report"}},
		{"the joint debate's items named", report, "The Assembly met today to hold a joint debate on the report of the Security Council and the question of equitable representation.", []string{"council-reform"}},
		{"the Council reporting, not its report", report, "The Council reported to the Assembly because it acts on behalf of all Member States.", []string{"ga-sc-relations"}},
		{"the Council's report to the Assembly", report, "The Council's report to the Assembly arrives later every year.", []string{"annual-report"}},
		{"the Assembly to go on with the report", report, "The Assembly will continue its consideration of the annual report of the Council tomorrow morning.", nil},
		{"a point after the report's consideration is announced", report, "The Assembly will continue its consideration of the annual report tomorrow, and we hope the report will be more analytical next year.", []string{"annual-report"}},
		{"the Assembly turning to the report", report, "The Assembly elected five judges before it turned to the Council's report.", nil},
		{"the report issued", report, "The report, document A/90/2, was issued on 3 June and covers the calendar year.", nil},
		{"the period of the report before us", report, "The report before us, contained in document A/90/2, covers the period from January to December.", nil},
		{"the document presented", report, "The President of the Council introduced the document on behalf of its members.", nil},
		{"the document judged", report, "The document is more analytical than last year's.", []string{"annual-report"}},
		{"the document cited for figures", report, "Over the year the Council held 280 meetings, according to the figures in the document.", nil},
		// The Assembly's President as the speaker.
		{"the Assembly's President as the speaker", report, "The President of the General Assembly said today that the Security Council had met more often this year.", nil},
		{"the Assembly's President assessing the debate", report, "The President of the Assembly shall assess the debate on the report of the Security Council.", []string{"annual-report"}},
		{"the Assembly's President dealing with the Council", report, "The President of the General Assembly should meet the President of the Security Council every month.", []string{"ga-sc-relations"}},
		// A meeting's agenda listed.
		{"the issues a meeting was to address, listed", methods, "The meeting aimed at addressing issues such as informal consultations, the programme of work and subsidiary bodies.", nil},
		{"one of those issues as a point", methods, "At the meeting speakers said informal consultations need a clearer purpose.", []string{"consultations"}},
		// The reform's issues listed.
		{"the reform's issues listed", reform, "Speakers took up categories of membership, the question of the veto, regional representation and the relationship between the Council and the Assembly.", []string{"council-reform"}},
		{"the veto question as a point", reform, "The question of the veto matters more to us than any other: it must not be extended.", []string{"veto"}},
		{"the relationship as a point", reform, "The relationship between the Council and the Assembly has to change.", []string{"ga-sc-relations"}},
		// The Council's make-up described.
		{"the make-up described", report, "The Council has five permanent members with the right of veto and ten elected members serving two-year terms.", nil},
		{"the other seats described", report, "Another ten countries sit on it for two-year terms.", nil},
		{"the permanent members and their veto as a point", report, "The five permanent members must not use the veto against action on mass atrocities.", []string{"veto"}},
	})
}

// TestVenuesCitationsAndNamesake checks, with the dictionary alone, that a
// press conference named as where someone spoke, a press release cited as a
// source or by its symbol and page, another body's yearly programme of work,
// meetings held via video, an article cited as where a duty is stated, the research group named Security Council Report, a veto and the
// mode of adoption in the year's figures and the meeting being held written with a backtick for
// its apostrophe are not coded, and that the same words making a point are.
func TestVenuesCitationsAndNamesake(t *testing.T) {
	c := newTestCoder(t).WithModel(nil)
	report := Context{Debate: corpus.DebateReport}
	other := Context{Debate: corpus.DebateOther}
	methods := Context{Debate: contextWorkingMethods, CouncilRecord: true}
	checkThemeCases(t, c, []themeCase{
		// press-elements: a press conference as the venue, a press release cited.
		{"a press conference as where the facilitator spoke", other, "The facilitator told a Headquarters press conference that an enlarged Security Council must give Africa permanent seats.", []string{"council-reform"}},
		{"a press conference after meetings as a point", other, "The Council's President should hold a press conference after every round of closed talks.", []string{"press-elements"}},
		{"a press release cited as a source", other, "The Council agreed on a new format in 2002 (see also Press Release SC/9999 of 3 June 2002).", nil},
		{"press releases as a point", other, "The Council's press releases should reach non-members on the day of the meeting.", []string{"press-elements"}},
		{"a press release cited by its symbol and page", methods, "On page 4 of Press Release SC/9876 the remarks of one delegation were left out.", nil},
		{"a press release cited by its page, and the Council's releases judged", methods, "The Council's press releases should carry every statement; page 4 of one dropped a delegation's remarks.", []string{"press-elements"}},
		// programme-of-work: another body's programme.
		{"the Working Group's yearly programme", methods, "Under its new chair the Working Group agreed an annual programme of work for the first time.", nil},
		{"the Council's monthly programme", methods, "Each presidency should post the programme of work on the website before its month begins.", []string{"programme-of-work"}},
		// remote-participation: the meetings held by video, not someone joining.
		{"meetings held via video", methods, "Members met through meetings held via video-teleconference for most of that year.", []string{"virtual-meetings"}},
		{"a briefer joining via video", methods, "The Special Representative joined the meeting via video from Bamako.", []string{"remote-participation"}},
		// ga-sc-relations: an article quoted as where a duty is stated.
		{"Article 24 cited for a duty to act", report, "The Council was expected to act promptly, as stated in Article 24(1) of the Charter, but it said nothing.", nil},
		{"acting for the members, with the article cited", report, "The Council acts on behalf of all Member States, as stated in Article 24(1) of the Charter.", []string{"ga-sc-relations"}},
		// annual-report: the research group named Security Council Report.
		{"a study by the research group", methods, "To quote the study by the Security Council Report, elected members struggle with unwritten procedures.", []string{"burden-sharing"}},
		{"the group's director as a briefer", methods, "The Executive Director of the Security Council Report told members that elected members need more time to prepare.", []string{"burden-sharing"}},
		{"the Council's own report", report, "The Security Council report should say more about what elected members achieved.", []string{"annual-report", "burden-sharing"}},
		// veto, virtual-voting: the year's outputs counted.
		{"a veto in the year's figures, one output counted in words", other, "Only four resolutions required a vote, and just one resolution occasioned vetoes by permanent members.", nil},
		{"the vetoes counted and judged", other, "Only four resolutions required a vote, and we deplore that one resolution occasioned vetoes by permanent members.", []string{"veto"}},
		{"the mode of adoption in the year's figures", other, "The Council adopted 57 resolutions in person and by written procedure and issued 13 presidential statements.", nil},
		{"the mode of adoption as a point", other, "The Council should keep the written procedure for adopting resolutions when members cannot meet.", []string{"virtual-voting"}},
		// The meeting being held, with a backtick for an apostrophe.
		{"thanks for today`s open debate", methods, "At the outset I would like to thank you for organizing today`s open debate on working methods.", nil},
		{"open debates like today`s as a point", methods, "More open debates like today`s would let the wider membership be heard.", []string{"open-debates"}},
	})
}

// TestAdviceAndItemTitles checks, with the dictionary alone, that mandate
// renewals named as when the Peacebuilding Commission advises are not
// consultation of troop contributors, and that a discussion named by its
// agenda item is the occasion; the same words making a point are coded.
func TestAdviceAndItemTitles(t *testing.T) {
	c := newTestCoder(t).WithModel(nil)
	reform := Context{Debate: corpus.DebateReform}
	methods := Context{Debate: contextWorkingMethods, CouncilRecord: true}
	checkThemeCases(t, c, []themeCase{
		{"the Commission's advice at mandate renewals", methods, "The Council should work more closely with the Peacebuilding Commission. Its bridging role argues for a larger advisory capacity in the Council's deliberations, above all on mandate renewals.", []string{"peacebuilding-commission"}},
		{"troop contributors at mandate renewals", methods, "The Council should work more closely with the Peacebuilding Commission. Its bridging role argues for consulting troop contributors in the Council's deliberations, above all on mandate renewals.", []string{"peacebuilding-commission", "tcc-consultation"}},
		{"a discussion named by its agenda item", reform, "We have had a frank and fruitful discussion on Security Council reform under agenda item 122.", nil},
		{"a discussion on the reform, not named by an item", reform, "We have had a frank and fruitful discussion on Security Council reform, which has to enlarge both categories of membership.", []string{"council-reform"}},
	})
}

// TestMonthsEnd checks, with the dictionary alone, that business left over
// from the end of last month is not a wrap-up session, while a presidency's
// own month's end taken stock of is.
func TestMonthsEnd(t *testing.T) {
	c := newTestCoder(t).WithModel(nil)
	methods := Context{Debate: contextWorkingMethods, CouncilRecord: true}
	checkThemeCases(t, c, []themeCase{
		{"business left from the end of last month", methods, "The Security Council's month will also carry business not finished at the end of last month.", nil},
		{"the presidency's month's end", methods, "The Security Council's presidency should meet the membership at the end of its month to say what was achieved.", []string{"wrap-up-sessions"}},
	})
}

// TestProcedureOfReformRecords checks, with the dictionary alone, that the
// procedure of a debate (a meeting called to order, a release's heading,
// the occasion of a statement, a paper cited by its title, a meeting's
// agenda listed), courtesies to those presiding or praised, and the
// Assembly named as where its debate is held are not coded, and that the
// same words making a point are.
func TestProcedureOfReformRecords(t *testing.T) {
	c := newTestCoder(t).WithModel(nil)
	reform := Context{Debate: corpus.DebateReform}
	joint := Context{Debate: corpus.DebateReport, Reform: true}
	methods := Context{Debate: contextWorkingMethods, CouncilRecord: true}
	checkThemeCases(t, c, []themeCase{
		{"a meeting called to order", reform, "The fifth meeting of the Open-ended Working Group on the Question of Equitable Representation on and Increase in the Membership of the Security Council is called to order.", nil},
		{"the working group asked for an increase", reform, "The Open-ended Working Group must at last agree on an increase in the membership of the Security Council.", []string{"council-reform"}},
		{"a release's heading", reform, "Following is the closing address of the President of the General Assembly to the working group on the question of equitable representation on and increase in the membership of the Security Council, delivered at Headquarters today:", nil},
		{"the increase the President asked for", reform, "In her closing address the Chair asked the working group to agree on an increase in the membership of the Security Council.", []string{"council-reform"}},
		{"the occasion of a statement", methods, "We deliver this statement on the occasion of the Council's open debate on the implementation of note S/2017/507.", nil},
		{"a statement on the implementation", methods, "We deliver this statement to ask that the Council implement note S/2017/507 in full.", []string{"note-507"}},
		{"a paper cited by its title", reform, "Delegations have received a working paper entitled \"The veto as a voting instrument of the Security Council\" from the Bureau.", nil},
		{"a paper's subject said", reform, "Delegations have received a working paper from the Bureau on the veto as a voting instrument of the Security Council.", []string{"veto"}},
		{"a meeting's agenda listed", joint, "I thank you for convening this meeting to consider two subjects: the annual report of the Security Council and the reform of the Security Council.", nil},
		{"thanks, then a point on the reform", joint, "I thank you for convening this meeting; the reform of the Security Council cannot wait another decade.", []string{"council-reform"}},
		{"confidence in the President's guidance", joint, "We are confident that, under your able guidance, cooperation between the General Assembly and the Security Council will deepen.", nil},
		{"confidence with a call", joint, "We are confident that, under your able guidance, cooperation between the General Assembly and the Security Council should deepen.", []string{"ga-sc-relations"}},
		{"members praised for their efforts", reform, "The Netherlands would like to commend both the permanent and the elected members of the Council for their efforts in this regard.", nil},
		{"the elected members' role praised", reform, "The Netherlands would like to commend the practice of sharing the pen among the elected members of the Council.", []string{"burden-sharing"}},
		{"the Assembly holding its debate", reform, "The Assembly began its discussions on the need to reshape the Council on 17 November.", nil},
		{"the Assembly and the Council as partners", reform, "The Assembly and the Council should begin discussions on the need to reshape their dialogue.", []string{"ga-sc-relations"}},
		{"the Assembly's debate on reform", reform, "The Assembly began its debate on Security Council reform today, with speakers urging enlargement.", []string{"council-reform"}},
	})
}

// TestShortFormOfAnotherQuestion checks, with the dictionary alone, that
// "this question" in a passage that names another question by its name is
// said of that one, and in a position only said to be known names the
// matter, while alone, or with the position stated, it is the reform's.
func TestShortFormOfAnotherQuestion(t *testing.T) {
	c := newTestCoder(t).WithModel(nil)
	joint := Context{Debate: corpus.DebateReport, Reform: true}
	checkThemeCases(t, c, []themeCase{
		{"another question named before", joint, "The Middle East has waited for peace for decades, with the Palestinian question at its centre. Given how complex this question is, patience is needed.", nil},
		{"the reform's question", joint, "The membership has waited for decades. Given how complex this question is, patience is needed.", []string{"council-reform"}},
		{"a position said to be known", joint, "The position of our group on this important question is well known and has been given many times, so we will send it in writing.", nil},
		{"a position stated", joint, "The position of our group on this important question is well known: both categories of membership must grow.", []string{"council-reform"}},
		{"the reform's item by its title", joint, "The Question of Equitable Representation has waited for decades. Given how complex this question is, patience is needed.", []string{"council-reform"}},
	})
}
