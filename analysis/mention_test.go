package analysis

import (
	"testing"

	"github.com/scdebate/scdebate/corpus"
)

// TestMentionsAndFrames checks, with the dictionary alone, that the words
// of a courtesy, a title, a frame naming the occasion, a count in an
// account of the year, news of an election, another council's report or
// other organizations are not coded, and that the same words said as a
// point are; and that precedence holds within an item of a list, not
// between items.
func TestMentionsAndFrames(t *testing.T) {
	c := newTestCoder(t).WithModel(nil)
	report := Context{Debate: corpus.DebateReport}
	methods := Context{Debate: contextWorkingMethods, CouncilRecord: true}
	reform := Context{Debate: corpus.DebateReform}
	tests := []themeCase{
		{"thanks for the meeting", methods, "We thank the presidency for convening this open debate.", nil},
		{"thanks for the meeting, an aside between commas", methods, "We thank the presidency for convening this, much awaited, open debate.", nil},
		{"the meeting's opportunity", methods, "My delegation welcomes the opportunity offered by today's open debate.", nil},
		{"the meeting's opportunity, an aside between commas", methods, "My delegation welcomes the opportunity offered by this, the yearly, open debate.", nil},
		// The Assembly's President named with their name says who speaks;
		// the two Presidents meeting is the organs' relationship.
		{"the Assembly's President named as the speaker", reform, "Later the President of the General Assembly, Ana Ruiz (Peru), said the Council should be enlarged soon.", []string{"council-reform"}},
		{"the Assembly's President and the Council's as a point", reform, "The President of the General Assembly should meet the President of the Council every month.", []string{"ga-sc-relations"}},
		// "GA" is the Assembly's short form.
		{"the two organs, the Assembly named short", methods, "Cooperation between the GA and the Council on the selection was remarkable.", []string{"ga-sc-relations"}},
		{"another pair named short", methods, "Cooperation between the GA and UNICEF on the campaign was remarkable.", nil},
		// Praise of someone for their efforts is thanks, whoever speaks;
		// praise for what they did on a theme keeps the theme.
		{"praise of members for their efforts", methods, "We commend the elected members for their efforts in this regard.", nil},
		{"praise by a named delegation", methods, "Chile would like to commend the elected members for their efforts in this regard.", nil},
		{"praise of members for what they did", methods, "Chile would like to commend the elected members for sharing the pen on more files.", []string{"burden-sharing"}},
		{"open debates as a point", methods, "The Council should hold more open debates so that non-members are heard.", []string{"open-debates"}},
		{"a title", methods, "In my capacity as Chair of the Informal Working Group on Documentation, I will be brief.", nil},
		// A meeting named in an opening adverbial ends at its comma: the
		// clause after it is the point.
		{"the meeting opening the sentence, then a point", methods, "In today's debate, the members should ask for greater transparency.", []string{"transparency"}},
		{"the meeting and its topic opening the sentence", methods, "In today's debate on greater transparency, forty delegations spoke.", nil},
		{"the meeting held, then a point", methods, "As we hold this debate, we must recall that the Council owes everyone more transparency.", []string{"transparency"}},
		{"the meeting held on a topic", methods, "As we hold this debate on transparency, forty delegations are inscribed.", nil},
		// The President's formula, and a request that cites the same rule.
		{"the President's invitation under rule 37", methods, "In accordance with rule 37 of the provisional rules of procedure, I invite the representatives of Chile and Peru to take part in this open debate.", nil},
		{"a request citing rule 37", methods, "The Council should let non-members speak in its open debates in accordance with rule 37 of its provisional rules of procedure.", []string{"open-debates"}},
		// A speaker's office ends at the verb that reports what they said.
		{"an office, then what its holder reiterated", methods, "Japan's representative, Chair of the Informal Working Group on Documentation reiterated that penholders circulate drafts far too late.", []string{"burden-sharing"}},
		// Coverage's scene ends before what the meeting was held to do,
		// unless that is taking up the report.
		{"a meeting held to discuss a topic", methods, "Members spoke as the Council held an open debate today to discuss the transparency of its decisions.", []string{"transparency"}},
		{"a meeting held on a topic", methods, "Members spoke as the Council held an open debate today on the transparency of its decisions.", nil},
		{"a meeting held to consider the report", report, "Speakers spoke as the Assembly held a debate today to consider the Council's annual report.", nil},
		// A comparison's elliptical clause has its own subject: two
		// points, neither giving way to the other.
		{"two practices compared", report, "The number of public Council meetings rose last year, as did the briefings that presidencies give at the end of the month.", []string{"open-debates", "wrap-up-sessions"}},
		{"one practice described", report, "The number of public Council meetings that presidencies hold as briefings at the end of the month rose last year.", []string{"wrap-up-sessions"}},
		{"an office alone", methods, "Japan's representative, Chair of the Informal Working Group on Documentation, took the floor first.", nil},
		{"a point after a title", methods, "As an elected member, we found that the penholders circulate drafts far too late.", []string{"burden-sharing"}},
		{"the presiding officer addressed", methods, "Mr. President, the Council must explain its decisions.", []string{"transparency"}},
		{"counts in an account of the year", report, "Over the period the Council held 250 public meetings, 110 closed consultations and four informal interactive dialogues.", nil},
		{"a single count is a point", report, "Only two wrap-up sessions were held in the whole year.", []string{"wrap-up-sessions"}},
		{"praise for the President's scheduling of meetings", methods, "We commend your scheduling of meetings at short notice whenever a crisis broke out.", nil},
		{"praise for the President's posting of the programme", methods, "We commend your posting of the programme of work on the website on the first day.", []string{"programme-of-work"}},
		{"thanks for work done in a body with a name", methods, "We are grateful for the work done within the Informal Working Group on Documentation and Other Procedural Questions under your chairmanship.", nil},
		{"thanks for work on a topic", methods, "We are grateful to Kenya for its work on the update of note 507.", []string{"note-507"}},
		{"the speaker's announced focus", methods, "Let me focus today on the transparency of the way the Council takes its decisions.", nil},
		{"the speaker's announced focus with a call", methods, "Let me focus today on transparency: the Council must explain the way it takes its decisions.", []string{"transparency"}},
		{"a focus the Council is asked for", methods, "The Council should focus on the transparency of the way it takes its decisions.", []string{"transparency"}},
		{"vetoes counted in the year's figures", report, "Of the 60 drafts put to a vote, four ended in a veto.", nil},
		{"vetoes counted and judged", report, "Of the 60 drafts put to a vote, four ended in a veto, and that must not happen again.", []string{"veto"}},
		{"no veto in a span of years", report, "France has cast no veto in thirty years, and it asked the five to suspend its use.", []string{"veto"}},
		{"praise of a practice", methods, "We commend the practice of briefing non-members on the programme of work at the start of each month.", []string{"programme-of-work"}},
		{"the report presented, a formal act", report, "The report was introduced by the President of the Council for October.", nil},
		{"the report presented late, a point about it", report, "The report was introduced by the President of the Council two months later than the rules provide.", []string{"annual-report"}},
		{"who drafted the introduction", report, "The introduction to the draft report was prepared by the delegation of Norway, as President of the Council in July.", []string{"annual-report"}},
		{"credit to the delegation that drafted", report, "The Council President thanked Brazil, whose delegation prepared the draft report's introduction.", nil},
		{"how the drafting should be", report, "The introduction was prepared by one delegation alone; it should draw on all fifteen members.", []string{"annual-report"}},
		{"the report before the meeting", report, "Members of the Council have before them the draft annual report for the period under review.", nil},
		{"a point beside the report before the meeting", report, "The Assembly has before it the report, and once again the report lacks any analysis of the Council's failures.", []string{"annual-report"}},
		{"the two organs named together", report, "The General Assembly and the Security Council each elected judges of the Court this week.", nil},
		{"what passes between the two organs", report, "We want a real dialogue between the Security Council and the General Assembly, not a yearly formality.", []string{"ga-sc-relations"}},
		{"representation of others is not the Council's", report, "The Council must ensure fair representation of women among its briefers.", nil},
		{"a region under-represented on the Council", report, "Africa remains under-represented on the Security Council.", []string{"council-reform"}},
		{"wrapping up is not a wrap-up session", methods, "The Council wrapped up its consultations late.", nil},
		{"a wrap-up as a practice", methods, "The Council should hold a wrap-up at the end of each presidency.", []string{"wrap-up-sessions"}},
		{"a press release's heading", methods, "The following Security Council press statement was issued today by the Council President:", nil},
		{"press statements as a point", methods, "Press statements should be agreed faster when civilians are attacked.", []string{"press-elements"}},
		{"information is not informal", methods, "We benefited from information that outside experts gave the Council.", nil},
		{"an informal format with outside experts", methods, "Informal meetings of the Council with outside experts are worth holding more often.", []string{"informal-formats"}},
		{"a current elected member as the speaker's title", methods, "As a current elected member of the Security Council, my country sees how slowly the Council works.", nil},
		{"the role of elected members as a point", methods, "Elected members should share the pen with the permanent members.", []string{"burden-sharing"}},
		{"an elected member's title with its record", methods, "As a three-time elected member of the Council, we wish to raise four points.", nil},
		{"how many elected members the Council has", report, "Our group favours raising the number of elected members to fourteen.", []string{"council-reform"}},
		{"the elected members' two-year terms as composition", methods, "Ten of its members are elected for two-year terms.", nil},
		{"two-year terms as a point on sharing the work", methods, "Elected members serve two-year terms, too short for them to learn a file before the pen passes on.", []string{"burden-sharing"}},
		{"speaking for former elected members", methods, "I speak on behalf of twelve former elected Council members from every region.", nil},
		{"welcoming the meeting", report, "My delegation welcomes this annual debate on Security Council reform.", nil},
		{"reform of the working methods is not reform of the Council", methods, "Japan has long promoted reform of Security Council working methods.", nil},
		{"the article a sentence rests on", report, "Under Article 24 (3) of the Charter, the Council must send the Assembly an annual report.", []string{"annual-report"}},
		{"the article as the point", report, "Article 24 means the Council acts on behalf of every Member State and must answer to us.", []string{"ga-sc-relations"}},
		{"the report's timing", report, "The report was presented earlier this year, which we welcome.", []string{"annual-report"}},
		{"coverage's scene-setting clause", report, "The veto had paralysed the Council on Syria, the representative of Peru told the General Assembly this afternoon, as it continued its consideration of the Council's annual report.", []string{"veto"}},
		{"a point after coverage's scene-setting clause", report, "Speaking as the Assembly continued its consideration of the annual report, the representative of Chile said more of the Council's work should be done in the open.", []string{"transparency"}},
		{"a point after coverage's meeting", methods, "Delegates said today in an open debate on working methods, which ran late, that the Council should hold more open debates.", []string{"open-debates"}},
		{"news of an election", report, "The General Assembly elected five non-permanent members of the Council for the next two years.", nil},
		{"another council's report", report, "The Economic and Social Council's annual report deserves a debate of its own.", nil},
		{"the Council's report", report, "The Council's annual report deserves a debate of its own.", []string{"annual-report"}},
		{"organizations are not organs", methods, "The Council should deepen its cooperation between the two organizations and with regional organizations.", nil},
		{"thanks for anything done about the meeting", report, "Thank you for making sure that this debate was placed on the calendar in good time.", nil},
		{"thanks for the report, then how it came out", report, "We thank Ambassador Lindqvist for presenting the annual report, which this year reached the Assembly well ahead of its deadline.", []string{"annual-report"}},
		{"thanks for the report, then how it was presented", report, "We thank Ambassador Lindqvist for presenting the annual report, which she did with her usual clarity.", nil},
		{"thanks to a President named with the month", report, "We thank the President of the Council for the month of May for the presentation of the report of the Security Council.", nil},
		{"a symbol in a courtesy", methods, "We thank the presidency for having convened this open debate on the note by the President (S/2017/507).", nil},
		{"a symbol as a point", methods, "The measures of S/2017/507 are still not applied by every presidency.", []string{"note-507"}},
		{"an office in apposition", methods, "Peru's representative, Chair of the Informal Working Group on Documentation, said the group had met ten times.", nil},
		{"praise for the presiding officer's priorities", report, "We appreciate that you have made the reform of the Security Council one of your priorities.", nil},
		{"a request beside the praise", report, "We appreciate your commitment and urge you to start text-based negotiations on the reform of the Security Council.", []string{"council-reform"}},
		{"who a group is", report, "The group comprises forty developing countries united by the goal of a comprehensive reform of the Security Council.", nil},
		{"what a group said", report, "The group comprises forty developing countries and said the Security Council must be enlarged in both categories.", []string{"council-reform"}},
		{"the meeting as the occasion in coverage", methods, "In a day-long open debate today, the Council discussed due process for those on its sanctions lists.", []string{"sanctions-due-process"}},
		{"open debates counted by frequency", report, "The Council held monthly briefings and quarterly open debates on the region.", nil},
		{"a basis cited in an adjunct", report, "The draft was put together in accordance with the note by the President in document S/2019/990.", nil},
		{"the document an adoption is recorded in", report, "The Council adopted the draft, and its decision is recorded in a note by the President.", nil},
		{"the agenda item a meeting is held under", methods, "The presidency will hold the meeting under the agenda item on the implementation of the note by the President S/2017/507.", nil},
		{"a point beside what it does not prejudge", methods, "More members now speak in open briefings, without prejudice to closed consultations when members prefer them.", []string{"open-debates"}},
		{"the basis's own clause is a point", methods, "As set out in the note S/2017/507, the Council should hold fewer closed consultations.", []string{"consultations"}},
		{"an article quoted as authority", methods, "The wider membership is owed more openness by the Council, as Article 24 of the Charter reminds us.", []string{"transparency"}},
		{"a list of articles as a basis", report, "The report is due under Article 15, paragraph 1, and Article 24, paragraph 3, of the Charter.", []string{"annual-report"}},
		{"what the speaker's delegation did, in apposition", report, "Ana Ruiz (Chile), whose delegation chairs the committee on Libya sanctions, said the year had been hard for the Council.", nil},
		{"the report's drafting, in apposition", report, "Ana Ruiz (Chile), whose delegation led the work on the introductory chapter of the report, said the year had been hard for the Council.", []string{"annual-report"}},
		{"a short form said of something else", report, "The negotiations gained from the introduction of term limits for co-chairs.", nil},
		{"a short form said of the Assembly", report, "Year after year, this joint debate of the Assembly has held up a mirror to what the Council does.", []string{"annual-report"}},
		{"an office joined to another by and", methods, "We thank Ambassador Rao, Permanent Representative of Fiji and Chair of the Informal Working Group on Documentation, for her briefing.", nil},
		{"an office after a semicolon in a list of briefers", methods, "A researcher from a university in Geneva; Co-Chair of the Informal Working Group on Documentation Ana Ruiz (Chile); and a former President of the Council will brief.", nil},
		{"a group as the one who speaks", methods, "We, the ten elected members, remain committed to a Council that acts when civilians are attacked.", nil},
		{"a group's goal", methods, "Better indicators for the agreed notes are a goal of the E10, and the Informal Working Group has now adopted them.", []string{"note-507"}},
		{"the group's role as the point", methods, "Elected members should hold the pen on more files and chair fewer committees alone.", []string{"burden-sharing"}},
		{"the members a group's speaker speaks for", report, "I speak on behalf of the member states of the Pacific Islands Forum.", nil},
		{"the Council taking up its report", report, "The Council will now turn to its agenda and proceed to the consideration of its annual report for the past year.", nil},
		{"the draft of the report adopted", report, "This morning the Council adopted the draft of its annual report without a vote.", nil},
		{"the report adopted, then judged", report, "The Council adopted its annual report, which once again lacks any analysis of why it failed to act.", []string{"annual-report"}},
		{"a body that met to discuss", report, "Over two days in November the Assembly met to discuss the annual report of the Security Council and then the question of equitable representation.", nil},
		{"one open debate named as an event", methods, "The yearly open debate on procedure took place last week, with a minister in the chair.", nil},
		{"one open debate named by its date", methods, "The 12 March open debate heard briefings from two former Presidents of the Council.", nil},
		{"what a dated open debate focused on", methods, "The 12 March open debate dwelt mostly on the way the chairs of subsidiary bodies are chosen.", []string{"subsidiary-bodies"}},
		{"the views of one open debate summarised", methods, "Ideas put forward during that open debate will be gathered by the two co-chairs into a paper.", nil},
		{"an open debate held so that non-members speak", methods, "The presidency held an open debate on the region so that non-members could take the floor before any decision.", []string{"open-debates"}},
		{"an open debate said in general", methods, "If an open debate ends with a text settled beforehand, the views heard in it count for little.", []string{"open-debates"}},
		{"one open debate a year as a practice", methods, "Council members undertook to hold an open debate on their working methods every year.", []string{"open-debates"}},
		{"an informal consultation convened by another", methods, "In February our President called an informal consultation on the document for all delegations.", nil},
		{"closed consultations as a point", methods, "Too much of the Council's real work happens in informal consultations that no one else can follow.", []string{"consultations"}},
		{"consultations of the whole counted", methods, "Over the year the Council held 140 formal meetings and 190 consultations of the whole.", nil},
		{"Article 27(3) cited against the veto", report, "The permanent members should respect Article 27(3) and not cast a veto on disputes to which they are party.", []string{"veto"}},
		{"Article 27.3 cited against the veto", report, "All Council members must respect article 27.3 of the Charter and stay out of votes on their own disputes.", nil},
		{"Article 27 as the basis of remote votes", methods, "Members should agree how Article 27 applies when votes are cast from capitals.", []string{"virtual-voting"}},
		// The Charter's duty quoted whole names special reports beside the
		// annual one; a sentence on special reports themselves counts.
		{"special reports named in the Charter's duty", report, "Under the Charter the Council must send annual and special reports on what it has done.", []string{"annual-report"}},
		{"special reports as a point after the Charter's duty", report, "The Charter speaks of annual and special reports, yet the Council has sent no special report in decades.", []string{"annual-report", "special-reports"}},
		// Who chairs the subsidiary bodies is the sharing of the work; how
		// they are chosen is the bodies' own.
		{"the subsidiary body chairs shared out", methods, "Months passed without agreement on the distribution of subsidiary body chairs among the members.", []string{"burden-sharing"}},
		{"how the subsidiary body chairs are chosen", methods, "The selection of subsidiary body chairs should follow a written and open procedure.", []string{"subsidiary-bodies"}},
		{"the report's contents listed", report, "The annual report contains an account of the Council's meetings, field missions and subsidiary bodies over the year.", []string{"annual-report"}},
		{"the report's contents judged", report, "The annual report covers the work of the subsidiary bodies in a few lines and says nothing of how their chairs are chosen.", []string{"annual-report", "subsidiary-bodies"}},
		{"items of a list do not give way", methods, "We want more open debates, wrap-up sessions and Arria-formula meetings.", []string{"open-debates", "informal-formats", "wrap-up-sessions"}},
		{"parts of one sentence give way", methods, "Listing by a sanctions committee needs due process when individuals are named, and a way to contest it.", []string{"sanctions-due-process"}},
		{"the work of the one thanked in a relative clause", methods, "We thank Ghana, who led the talks on the note on choosing chairs for subsidiary bodies.", nil},
		{"a point after the work of the one thanked", methods, "We thank Ghana, which chaired the talks, and we urge that the chairs of subsidiary bodies be agreed by October.", []string{"subsidiary-bodies"}},
		{"an open debate named, then who spoke in it", methods, "The presidency held an open debate on the region. It gave non-members the chance to take the floor before the Council decided.", []string{"open-debates"}},
		{"an open debate named, then who chaired it", methods, "The presidency held an open debate on the region. It was chaired by the Foreign Minister.", nil},
		{"the open debate as a format", methods, "The open debate format has turned into a string of prepared speeches.", []string{"open-debates"}},
		{"one open debate where speakers came from every region", methods, "Speakers from every region took the floor during the annual open debate, which ran late into the night.", nil},
		{"the list of speakers of the debate being held", report, "Year after year the list of speakers for this debate has grown shorter.", nil},
		{"the list of speakers of open debates as a point", methods, "The list of speakers in open debates is now so long that nobody listens to the last twenty.", []string{"open-debates"}},
		{"the pandemic as a concession", report, "The report came out earlier this year despite the limits that the COVID-19 pandemic set on the Council's work.", []string{"annual-report"}},
		{"the pandemic among the world's problems", report, "Multilateralism is the only answer to global challenges, from climate change to the coronavirus.", nil},
		{"the pandemic hurting the world", report, "The Council must stay united while the pandemic keeps hurting economies worldwide.", nil},
		{"the pandemic among the world's problems, in French", report, "Nous devons faire face ensemble aux défis mondiaux, dont la pandémie.", nil},
		{"the pandemic among the world's problems, in Spanish", report, "Debemos afrontar juntos los desafíos mundiales, como la pandemia.", nil},
		{"the pandemic and the Council's own work", report, "The pandemic taught the Council that it needs plans to keep meeting when the building is closed.", []string{"pandemic"}},
		{"the pandemic as a driver of conflict", report, "In war-torn places the coronavirus has become one more driver of conflict that fuels grievances.", nil},
		{"the pandemic as a threat to peace", report, "COVID-19 is now a threat to international peace and security in its own right.", nil},
		{"the pandemic testing multilateral institutions", report, "The pandemic has shown how slowly multilateral institutions move when speed matters most.", nil},
		{"the pandemic's waves as a time marker", report, "With fresh waves of the pandemic spreading, we return to this item in a sombre mood.", nil},
		{"the pandemic as a threat the Council met too slowly", report, "The pandemic showed the Council cannot adopt even one text quickly when its meetings move online.", []string{"pandemic"}},
		{"a point on the pandemic after its concession", methods, "Notwithstanding the pandemic, the Council must keep its working methods under review; business continuity plans are needed.", []string{"pandemic"}},
		{"the meeting named where the paragraph turns to reform", report, "Our meeting today should move the reform process forward.", nil},
		{"the meeting named where the paragraph turns to reform, reform coded", report, "Today's debate must bring the negotiations on an enlarged Council closer to a text.", []string{"council-reform"}},
		{"the meeting named as the report's debate", report, "This debate is where the wider membership judges what the Council did over the year.", []string{"annual-report"}},
		{"the joint debate names both items", report, "This joint debate also takes up the reform of the Council.", []string{"annual-report", "council-reform"}},
		{"the topics of the meeting announced", report, "Let me turn, in turn, to the four main subjects of this morning's debate.", nil},
		{"the topics of the meeting, then a point", report, "The topics of this debate are many; the report, however, still lacks any analysis.", []string{"annual-report"}},
		{"a joint agenda named as its two items", report, "This meeting lets us look at two questions at once: the annual report and the reform of the Council's membership.", []string{"council-reform"}},
		{"a joint agenda in coverage", report, "The Assembly's debate on the Council's annual report together with the question of equitable representation went on into the evening.", []string{"council-reform"}},
		{"a joint agenda, then the report judged", report, "In a debate on the report and on reform alike, we found the report thin once more.", []string{"annual-report"}},
		{"the report and reform as demands", report, "We need a more analytical report and reform of the Council.", []string{"annual-report", "council-reform"}},
		{"the report and reform compared", report, "The report of the Security Council and the enlargement of the Security Council both deserve more attention from capitals.", []string{"annual-report", "council-reform"}},
		{"Article 24(3) as the report's basis", report, "Article 24 (3) binds the Council in this matter.", nil},
		{"paragraph 3 of Article 24 as the report's basis", report, "Paragraph 3 of Article 24 binds the Council in this matter.", nil},
		{"Article 24 cited whole", report, "Article 24 binds the Council in this matter.", []string{"ga-sc-relations"}},
		{"Article 24 as the Council acting for the members", report, "Under Article 24 the Council acts for every Member State and owes us an account.", []string{"ga-sc-relations"}},
		{"the Council's own categories of membership", report, "Expanding both categories of membership would make the Council more accountable and representative.", []string{"council-reform", "transparency"}},
		{"accountability to the wider membership", report, "The Council must be accountable to the wider membership.", []string{"ga-sc-relations"}},
		{"accountability towards the membership", report, "The Council's accountability towards the broader membership remains weak.", []string{"ga-sc-relations"}},
		{"accountable as a virtue beside the membership", methods, "We want an accountable and effective Council in which the whole membership can see itself.", []string{"transparency"}},
		{"accountability for the Council's work, the membership named apart", methods, "Since many members now carry out its decisions, there are more calls for accountability for the Council's work from the membership.", []string{"transparency"}},
		{"engagement with the wider membership", methods, "The Council needs closer engagement with the wider membership.", []string{"ga-sc-relations"}},
		{"engagement in crises", methods, "The Council's engagement in the region's crises has grown.", nil},
		{"the two bodies being the Council and the Commission", methods, "The Council should ask the Peacebuilding Commission for advice more often. Cooperation between the two bodies needs a firmer footing.", []string{"peacebuilding-commission"}},
		{"the two bodies being the Assembly and the Council", methods, "The Council should ask the Peacebuilding Commission for advice more often. Cooperation between the two bodies, the Assembly and the Council, needs a firmer footing.", []string{"ga-sc-relations", "peacebuilding-commission"}},
		{"the two organs complementary", report, "The General Assembly and the Security Council are complementary organs and should act so.", []string{"ga-sc-relations"}},
		{"the two organs named together", report, "The General Assembly and the Security Council both met on Tuesday.", nil},
		{"both organs named beside the passage's own subject", report, "The annual report arrives far too late. Few in the Assembly ever read what the Council sends.", []string{"annual-report"}},
		{"both organs named, and how they relate, beside the passage's own subject", report, "The annual report arrives far too late. The Council owes the Assembly more interaction than that.", []string{"annual-report", "ga-sc-relations"}},
		{"both organs named with nothing else to say", report, "Few in the Assembly ever read what the Council sends.", []string{"ga-sc-relations"}},
		{"dialogue with the Assembly", report, "The Council should hold regular dialogue with the General Assembly, beyond the report.", []string{"annual-report", "ga-sc-relations"}},
		{"the report going to the Assembly", report, "The Council's report to the General Assembly arrived late this year.", []string{"annual-report"}},
		{"the report debated in the Assembly", report, "A better debate in the Assembly depends on the Council's report.", []string{"annual-report"}},
		{"the year the report covers, named", report, "This report covers what was a hard year, one in which conflicts multiplied.", []string{"annual-report"}},
		{"the year the report covers, judged", report, "This report covers a hard year but says nothing of why the Council stayed silent.", []string{"annual-report"}},
		{"the year under review as a time marker", report, "During the year under review, the Council met 300 times.", nil},
		{"the year under review judged", report, "The year under review is poorly analysed in the report.", []string{"annual-report"}},
		{"coverage taking note of the report", report, "The Assembly heard twelve speakers today as it took note of the Council's annual report.", nil},
		{"coverage continuing the report's debate", report, "The General Assembly this morning continued its debate on the annual report of the Security Council, with speakers stressing the veto.", []string{"veto"}},
		{"the report judged in coverage", report, "Speakers said the Council's annual report should be more analytical.", []string{"annual-report"}},
		{"the Council's reporting to the Assembly", methods, "The Council's reporting to the General Assembly should explain its decisions.", []string{"annual-report"}},
		{"the Council's report to the Assembly adopted", methods, "The Council adopted its report to the General Assembly on Monday.", nil},
		{"future reports in the report's debate", report, "Delegations need more time to read future reports.", []string{"annual-report"}},
		{"the report cited for a point on the Council's work", report, "As the report shows, the Council met on Yemen more often than on any other situation.", nil},
		{"the report cited, then judged", report, "According to the report, the Council met more often, but the report fails to say why.", []string{"annual-report"}},
		{"the report's showing judged", report, "The report shows how little analysis the Council is willing to offer.", []string{"annual-report"}},
		{"an alignment", methods, "We align ourselves with the statement delivered on behalf of the Accountability, Coherence and Transparency group.", nil},
		// Thanks whose purpose runs on inside a name.
		{"thanks for steering the work of a named group", methods, "We thank Peru for its efforts this year in steering the work of the Informal Working Group on Documentation and Other Procedural Questions.", nil},
		{"thanks for efforts, then a point on the group's notes", methods, "We thank Peru for its efforts on documentation, which the Informal Working Group should now turn into a revised note.", []string{"note-507"}},
		// A text's history credited to the one who led the work.
		{"a note issued under someone's chairmanship", methods, "It was under Ghana's chairmanship of the Informal Working Group that the compendium was first issued in 2008.", nil},
		{"a note updated, again under the same chairmanship", methods, "Note 507 was revised in 2014, once more under Ghana's chairmanship.", nil},
		{"a resolution adopted under a presidency", methods, "Under Tunisia's presidency, resolution 2532 on the COVID-19 pandemic was adopted.", []string{"pandemic"}},
		{"a point before a relative clause of credit", methods, "The wider membership now gets far better briefings on the Council's programme of work, a practice set out in the handbook, which was revised under Japan's chairmanship in 2010.", []string{"programme-of-work"}},
		{"the credit for a handbook on the point", methods, "It was under Japan's chairmanship that the handbook on the programme of work was revised in 2010.", nil},
		{"a note issued under a chairmanship, then judged", methods, "Note 507 was revised under Ghana's leadership, but half of its provisions are still ignored.", []string{"note-507"}},
		// An anniversary as the occasion, the issue of a text as a time marker.
		{"an anniversary as the occasion", methods, "The fifth anniversary of Note 507 is a good moment to look back at what has changed.", nil},
		{"an anniversary that finds the text ignored", methods, "Five years on, Note 507 has still not been applied by most presidencies.", []string{"note-507"}},
		{"the issue of a text as a time marker", methods, "Wrap-up sessions have grown rarer since Note 507 was last revised in 2017.", []string{"wrap-up-sessions"}},
		{"a process launched, judged", report, "Since the IGN was launched in 2009, it has produced no text.", []string{"council-reform"}},
		{"the text itself as the point", methods, "Since its revision, Note 507 has been applied unevenly.", []string{"note-507"}},
		// A document named by its title and who circulated it.
		{"a document cited by its title", methods, "Our ideas are set out in the paper on Security Council reform circulated by the Assembly's President last July.", nil},
		{"a document cited, then a point on reform", report, "The paper on reform circulated by the Assembly's President last July must lead to an enlarged Council.", []string{"council-reform"}},
	}
	checkThemeCases(t, c, tests)
	checkThemeCasesIn(t, c, "es", []themeCase{
		{"special reports named in the Charter's duty", report, "La Carta obliga al Consejo a presentar informes anuales e informes especiales a la Asamblea.", []string{"annual-report"}},
		{"special reports as a point after the Charter's duty", report, "La Carta habla de informes anuales e informes especiales, pero el Consejo nunca envía informes especiales.", []string{"annual-report", "special-reports"}},
		// The number of meetings raised is not the number of seats.
		{"more meetings beside the elected members", report, "Hubo un incremento del número de reuniones públicas, pero el Consejo no escucha a los miembros no permanentes.", nil},
		{"more seats for the elected members", report, "Pedimos un incremento del número de miembros no permanentes del Consejo.", []string{"council-reform"}},
		// Accountability to the Assembly is the relationship, as in
		// English; accountability owed to no one named is the catch-all.
		{"accountability to the Assembly", report, "El Consejo de Seguridad debe una verdadera rendición de cuentas ante la Asamblea General.", []string{"ga-sc-relations"}},
		{"accountability owed to no one named", report, "El Consejo de Seguridad debe una verdadera rendición de cuentas sobre sus decisiones.", []string{"transparency"}},
	})
}

// TestWordSet checks the one-pass test for a list of words: whole words,
// stems, negations in "n't" only when asked, with either apostrophe.
func TestWordSet(t *testing.T) {
	ws := newWordSet([]string{"only", "not"}, []string{"improv"}, true)
	plain := newWordSet([]string{"only"}, nil, false)
	tests := []struct {
		name  string
		set   *wordSet
		lower string
		want  bool
	}{
		{"a whole word", ws, "it covers only the committees.", true},
		{"a word inside another", ws, "it covers the notes and the monthly tables.", false},
		{"a stem", ws, "the chapters were improved this year.", true},
		{"a negation", ws, "it doesn't cover the committees.", true},
		{"a negation with a curly apostrophe", ws, "it doesn’t cover the committees.", true},
		{"a negation not asked for", plain, "it doesn't cover the committees.", false},
		{"none", ws, "the report lists the meetings of the year.", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.set.in(tt.lower); got != tt.want {
				t.Errorf("in(%q) = %v, want %v", tt.lower, got, tt.want)
			}
		})
	}
}
