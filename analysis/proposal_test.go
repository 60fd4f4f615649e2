package analysis

import "testing"

// TestDetectProposalNamedShapes reads the requests delegates make without a
// verb of asking (a wish, another's call taken up, a proposal endorsed, an
// option ruled out, a cleft "what we need is…") and the near sentences that
// ask for nothing: a track record, thanks for an invitation, a text's
// provisions, what one has rather than must.
func TestDetectProposalNamedShapes(t *testing.T) {
	tests := []struct{ name, lang, text, want string }{
		// wishes
		{"en would like to see", "en", "We would like to see monthly assessments from every presidency.", ProposalSupport},
		{"en would like the council to", "en", "We would also like the Council to brief regional groups after each mission.", ProposalSupport},
		{"en would like others to", "en", "We would like penholders to circulate drafts a week earlier.", ProposalSupport},
		{"en would like to thank", "en", "We would like to thank the outgoing presidency.", ""},
		{"en i would like to turn", "en", "I would like now to turn to the report itself.", ""},
		// another's call or proposal taken up
		{"en echo the calls from", "en", "We echo the calls from the wider membership for shorter resolutions.", ProposalCallOn},
		{"en join the call made by", "en", "My delegation joins the call made by the small States for a fairer rotation.", ProposalCallOn},
		{"en add support to the call", "en", "We add our full support to the call to publish the programme early.", ProposalCallOn},
		{"en calls from, told", "en", "The changes came in response to calls from the membership for a shorter text.", ""},
		{"en endorse a proposal", "en", "We endorse the group's proposals on the rotation of pens.", ProposalSupport},
		{"en endorse a statement", "en", "We fully endorse the statement delivered by the Nordic countries.", ""},
		// agreeing on a need or an importance
		{"en concur on the need", "en", "We concur with earlier speakers on the need for a shorter report.", ProposalMust},
		{"en agree on the importance", "en", "I agree with my colleagues on the importance of an analytical introduction.", ProposalMust},
		{"en the need, told", "en", "The retreat discussed the need for a shorter report.", ""},
		// ruled out, left to do, required, needing change
		{"en not an option", "en", "For the small States, the status quo is not an option.", ProposalMust},
		{"en no longer an option", "en", "Waiting for consensus is no longer an option.", ProposalMust},
		{"en an option, told", "en", "An open briefing is one option the presidency has.", ""},
		{"en much left to be done", "en", "Much is still left to be done to open the Council's work to non-members.", ProposalMust},
		{"en what is required", "en", "What is required now is the consistent application of the handbook.", ProposalMust},
		{"en required by the charter", "en", "The report is required by the Charter.", ""},
		{"en what we need is", "en", "What we need is an honest account of the Council's failures.", ProposalMust},
		{"en needs improvement", "en", "The way the Council drafts its texts needs improvement.", ProposalMust},
		{"en methods needed improvement, reported", "en", "Speakers said the Council's methods needed improvement.", ProposalMust},
		{"en areas that needed improvement", "en", "He listed the areas that needed improvement.", ""},
		{"en the council needed to, reported", "en", "She said the Council needed to consult host States earlier.", ProposalMust},
		{"en consensus needed to", "en", "The consensus needed to enlarge the body has not been found.", ""},
		{"en it is, however, important", "en", "It is, however, important to keep the introduction short.", ProposalMust},
		{"en a group demands", "en", "Africa demands two permanent seats in a reformed Council.", ProposalRequest},
		{"en the council demands", "en", "The Council demands compliance with its resolutions.", ""},
		{"en imperative stressed", "en", "He stressed the imperative for the Council to act before crises escalate.", ProposalMust},
		// suggestions
		{"en report could usefully", "en", "The report could usefully say why drafts failed.", ProposalShould},
		{"en introduction could include", "en", "The introduction could include a page on each regional file.", ProposalShould},
		{"en report could be made available", "en", "The members agreed that the draft report could be made available early.", ""},
		{"en deserves to become", "en", "The monthly letter some presidencies send deserves to become standard practice.", ProposalShould},
		{"en should be recognized by", "en", "The claim of the small island States should be recognized in any reform.", ProposalShould},
		{"en it should be recognized", "en", "It should be recognized that the Council met more often this year.", ""},
		// what asks for nothing
		{"en has to the assembly", "en", "The report is the one duty the Council has to the Assembly.", ""},
		{"en has to do with", "en", "My second point has to do with the length of statements.", ""},
		{"en has to, a duty", "en", "The Council has to explain its failures.", ProposalMust},
		{"en called for, no object", "en", "This is exactly what we have long called for.", ""},
		{"en calling for, no object", "en", "The framework is the give and take we have been calling for.", ""},
		{"en which you proposed", "en", "We thank you for the visit to the region, which you proposed and led.", ""},
		{"en have called for, with object", "en", "We have called for a code of conduct on the veto.", ProposalCallOn},
		{"en thanks for inviting", "en", "We thank the presidency for convening this debate and inviting non-members to speak.", ""},
		{"en invited to brief", "en", "It is an honour to be invited to brief the Council today.", ""},
		{"en we invite", "en", "We invite the Council to hold its wrap-up sessions in public.", ProposalInvite},
		{"en encouraged, parenthetical", "en", "My delegation is, therefore, encouraged to note the shorter report.", ""},
		{"en encouraged that, a satisfaction", "en", "We are encouraged that more presidencies now hold wrap-up sessions.", ""},
		{"en encourage, a request", "en", "We encourage more presidencies to hold wrap-up sessions.", ProposalEncourage},
		// a measure to judge by, the Council's purpose, one's own record
		{"en must be measured against", "en", "Each gain must be measured against the distance still to cover.", ""},
		{"en must be measured, a request", "en", "The impact of each mission must be measured and reported to the membership.", ProposalMust},
		{"en needs a council able to act", "en", "The world needs a Council that is able to act before a crisis turns into a war.", ""},
		{"en needs a council more representative", "en", "The world needs a Council that is more representative of its members.", ProposalMust},
		{"en support conceded before a reservation", "en", "While our group fully supports this approach, the present format does not allow it.", ""},
		{"en support conceded, then a call", "en", "While our group supports this approach, we call on the co-chairs to issue a text.", ProposalCallOn},
		{"en called for over many years", "en", "Our country has called for shorter resolutions for many years.", ""},
		{"en called for, asked anew", "en", "Our country has called for shorter resolutions, and we call for them again today.", ProposalCallOn},
		{"en must register", "en", "We must register our disappointment at the late circulation of the paper.", ""},
		{"en decided that should", "en", "In 1993 the members decided that the draft should no longer be confidential.", ""},
		{"en the note provides that", "en", "The note provides that the Council should hold a wrap-up each month.", ""},
		{"en we decided, then should", "en", "We decided to speak today because the Council should listen more.", ProposalShould},
		{"en a track record", "en", "As a country which has long advocated shorter statements, we keep ours brief.", ""},
		{"en energy into pushing for", "en", "Our delegation put much energy into pushing for wrap-up sessions during its term.", ""},
		{"en a text encouraging", "en", "The members agreed on a note from the presidency encouraging co-penholdership.", ""},
		{"en we support the statement calling for", "en", "We support the statement of the group calling for a code of conduct.", ProposalSupport},
		{"en the group we join has called", "en", "We join the delegations that have called for a code of conduct.", ProposalCallOn},
		{"en calls once again for", "en", "My delegation calls once again for an analytical report.", ProposalCallOn},
		{"en the council's calls today for", "en", "The Council's calls today for calm went unheeded.", ""},
		{"en reiterate our request", "en", "We reiterate our request for a chapter on the veto.", ProposalRequest},
		{"en our request, told", "en", "Our request of last year went unanswered.", ""},
		{"en incumbent upon", "en", "It is incumbent upon the Council to explain its inaction.", ProposalMust},
		{"en would prefer", "en", "We would prefer an interactive format for the wrap-up.", ProposalShould},
		{"en advisable", "en", "It would be advisable for presidencies to circulate their assessments.", ProposalShould},
		{"en thought it appropriate", "en", "I thought it would be appropriate to hold the two debates on separate days.", ""},
		{"en count on the council", "en", "We count on the Council to act on these views.", ProposalShould},
		{"fr we reiterate our request", "fr", "Nous réitérons notre demande d'un chapitre sur le veto.", ProposalRequest},
		{"fr incumbent", "fr", "Il incombe au Conseil d'expliquer son inaction.", ProposalMust},
		{"fr count on the council", "fr", "Nous comptons sur le Conseil pour donner suite à ces vues.", ProposalShould},
		{"es we reiterate our request", "es", "Reiteramos nuestra solicitud de un capítulo sobre el veto.", ProposalRequest},
		// the same shapes in French and Spanish
		{"fr we subscribe to the proposal", "fr", "Nous souscrivons pleinement à la proposition du Groupe ACT.", ProposalSupport},
		{"fr we make it ours", "fr", "Nous faisons nôtre l'idée d'un bilan mensuel public.", ProposalSupport},
		{"fr not an option", "fr", "Le statu quo n'est pas une option.", ProposalMust},
		{"fr much left to do", "fr", "Il reste encore beaucoup à faire pour ouvrir les travaux du Conseil.", ProposalMust},
		{"fr what we need is", "fr", "Ce dont nous avons besoin, c'est d'un rapport qui analyse.", ProposalMust},
		{"fr could usefully", "fr", "Le rapport pourrait utilement expliquer les projets rejetés.", ProposalShould},
		{"fr we would like", "fr", "Nous aimerions que les présidences publient leurs évaluations.", ProposalSupport},
		{"fr it is, however, essential", "fr", "Il est, toutefois, essentiel que le rapport paraisse au printemps.", ProposalMust},
		{"fr an option, told", "fr", "La visioconférence est une option parmi d'autres.", ""},
		{"es we subscribe to the proposal", "es", "Suscribimos plenamente la propuesta del Grupo ACT.", ProposalSupport},
		{"es we join the call", "es", "Nos sumamos al llamamiento de los pequeños Estados.", ProposalSupport},
		{"es not an option", "es", "El statu quo no es una opción.", ProposalMust},
		{"es much left to do", "es", "Queda todavía mucho por hacer para abrir la labor del Consejo.", ProposalMust},
		{"es what we need is", "es", "Lo que necesitamos es un informe analítico.", ProposalMust},
		{"es it is, however, important", "es", "Es, sin embargo, importante que el informe se publique a tiempo.", ProposalMust},
		{"es an option, told", "es", "La videoconferencia fue una opción útil durante la pandemia.", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := DetectProposal(tt.lang, tt.text); got != tt.want {
				t.Errorf("DetectProposal(%q) = %q, want %q", tt.text, got, tt.want)
			}
		})
	}
}

// TestDetectProposalToldOrAsked reads requests told rather than made (made
// before the time of telling, kept up as a record, named back as the source
// of a thing, a group's statement aligned with, the purpose of an occasion,
// a remembrance, a need that describes a time, a letter's own circulation,
// what was agreed, what a thing is to be taken for, the Council's purpose)
// beside the near sentences that do ask; and needs named in forms common
// in coverage and statements (the time is ripe, the importance of a closer
// tie stressed, a need noted, greater openness required).
func TestDetectProposalToldOrAsked(t *testing.T) {
	tests := []struct{ name, text, want string }{
		{"had called for, earlier", "Leaders at the summit had called for a more representative Council.", ""},
		{"called for, reported", "Leaders at the summit called for a more representative Council.", ProposalCallOn},
		{"had expressed support, earlier", "She recalled that the ministers had expressed support for an early reform.", ""},
		{"expressed support, made", "The ministers expressed support for an early reform.", ProposalSupport},
		{"consistently advocated, a record", "Our country has consistently advocated for a broader reform of the Council.", ""},
		{"advocates, a stance", "Our country advocates a broader reform of the Council.", ProposalSupport},
		{"the assembly has repeatedly asked", "The Assembly has repeatedly asked the Council to make its report analytical.", ""},
		{"our delegation has repeatedly urged", "Our delegation has repeatedly urged the Council to consult host countries earlier.", ProposalUrge},
		{"as called for by", "Reform as called for by the summit is still unfinished.", ""},
		{"its recommended actions", "The body lacks the expertise to carry out its recommended actions.", ""},
		{"the panel recommended", "The panel recommended actions that the Council has yet to take.", ProposalRecommend},
		{"support the statement delivered", "We fully support the statement delivered by the representative of Chile on behalf of the group.", ""},
		{"support the proposal made", "We fully support the proposal made by Chile on behalf of the group.", ProposalSupport},
		{"an opportunity to propose", "The open debate is a welcome opportunity for non-members to propose improvements.", ""},
		{"take the opportunity to call", "We take this opportunity to call on the Council to publish its programme.", ProposalCallOn},
		{"never be forgotten", "The sacrifice of the peacekeepers who fell in that mission should never be forgotten.", ""},
		{"should be written into", "The lessons of that mission should be written into the next mandate.", ProposalShould},
		{"a time when we need to", "Meeting in person remains hard at a time when we still need to limit travel.", ""},
		{"we still need to", "We still need to limit the length of statements.", ProposalMust},
		{"grateful if circulated", "I should be grateful if the present letter could be circulated as a document of the Security Council.", ""},
		{"grateful if the council", "I should be grateful if the Council could hold its consultations in public.", ProposalShould},
		{"it was agreed that", "It was agreed that all parties should return to the talks.", ""},
		{"we agree that", "We agree that all parties should return to the talks.", ProposalShould},
		{"regarded as", "Sound working methods should be regarded as a precondition for progress.", ""},
		{"should be adopted", "Sound working methods should be adopted before the next session.", ProposalShould},
		{"a council that is able to", "We need a Council that listens to all sides and is able to take bold decisions.", ""},
		{"a council that publishes", "We need a Council that listens to all sides and publishes its reasons.", ProposalMust},
		{"the time is ripe", "The time is ripe for a decision on enlargement.", ProposalMust},
		{"the time, told", "The time for a decision on enlargement was last year.", ""},
		{"importance of closer cooperation", "We stress the importance of closer cooperation between the Council and the Court.", ProposalMust},
		{"importance of the work", "We stress the importance of the Court's work.", ""},
		{"noted a need", "Other speakers noted a need for more exchanges with the Assembly.", ProposalMust},
		{"a need described", "The paper describes a need for more exchanges with the Assembly.", ""},
		{"requires greater openness", "This requires greater transparency from the Council.", ProposalMust},
		{"requires a decision", "This requires a decision by the Council.", ""},
		// the speaker's agenda, minding, the Charter's obligations, the
		// Council's duty in general, no need, a request made to the
		// speaker, what an occasion should be
		{"let us turn to", "Let us now turn to the question of the veto.", ""},
		{"let us turn the page", "Let us turn the page on closed consultations.", ProposalCallOn},
		{"not lose sight of", "We must not lose sight of the fact that the Council acts for all of us.", ""},
		{"not lose the text", "We must not lose another year without a negotiating text.", ProposalMust},
		{"as the charter says", "As the Charter says, the Council must act on behalf of all Members.", ""},
		{"the charter, then must", "The Charter is clear; the Council must publish its special reports on time.", ProposalMust},
		{"fulfil its mandate, in general", "The Council must fulfil its mandate effectively, especially in these difficult times.", ""},
		{"discharge its duties, with a change", "The Council must discharge its duties with fewer closed meetings.", ProposalMust},
		{"no need to repeat", "There is no need to repeat the arguments of previous years.", ""},
		{"a need to repeat", "There is a need to repeat the briefing for non-members.", ProposalMust},
		{"the note invites us", "The concept note invites us to reflect on three questions.", ""},
		{"we invite the note's authors", "We invite the presidency to publish its concept notes earlier.", ProposalInvite},
		{"the debate should be an opportunity", "This debate should be an opportunity to take stock.", ""},
		{"the debate should be interactive", "This debate should be interactive, with replies from Council members.", ProposalShould},
		// a text's provisions told in the present, the questions and time
		// given to a meeting's speakers, an open question, acting against
		// conflict as the Council's work
		{"the note encourages", "The note on penholders already encourages members to share the pen.", ""},
		{"we encourage, after the note", "We read the note, and we encourage members to share the pen.", ProposalEncourage},
		{"inviting speakers to address", "The presidency sent a concept note, inviting speakers to address two questions.", ""},
		{"inviting the council to address", "We invite the Council to address the questions raised in the concept note.", ProposalInvite},
		{"ask speakers to keep", "I would ask speakers to keep their statements to five minutes.", ""},
		{"whether, an open question", "Whether the two items should share one debate remained in dispute.", ""},
		{"the two items should share", "The two items should share one debate.", ProposalShould},
		{"act to prevent conflict", "Council members must act to prevent conflict from spreading.", ""},
		{"act on early warnings", "Council members must act on the early warnings they receive.", ProposalMust},
		{"action by the council is needed to prevent", "Swift action by the Council is needed to prevent further atrocities.", ""},
		{"advocated since a year", "The group of friends has advocated for this approach since 2015.", ""},
		{"advocated, then since", "The group of friends advocated for this approach, and it has grown since 2015.", ProposalSupport},
		{"the council agreed that should", "In 2006 the Council agreed that its members should consult more widely.", ""},
		{"progress, no change named", "We attach importance to the Council's methods and would like to see quick progress.", ""},
		{"progress on a change", "We would like to see progress on publishing the programme of work early.", ProposalSupport},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := DetectProposal("en", tt.text); got != tt.want {
				t.Errorf("DetectProposal(%q) = %q, want %q", tt.text, got, tt.want)
			}
		})
	}
}

// TestDetectProposalWhoAsksWhom reads a request by who asks whom for what
// (ruling R2): a speaker's own call, reported or made, asks; a text's or a
// body's provisions, calls on the parties to a conflict, an editorial
// note, what the Council must be in general and what had been agreed
// before do not. Each case has a near case in the same words that asks.
func TestDetectProposalWhoAsksWhom(t *testing.T) {
	tests := []struct{ name, text, want string }{
		// calls taken up anew, or sounded, by the speakers reported
		{"renewed their calls to", "Speakers renewed their calls to open the consultations to non-members.", ProposalCallOn},
		{"their calls to, told", "Their calls to open the consultations went unheard.", ""},
		{"sounding a call for", "Sounding a concerted call for shorter reports, the small States spoke first.", ProposalCallOn},
		{"made a push to", "Speakers made a strong push to adopt the small States' proposal.", ProposalSupport},
		{"the push to, told", "The push to enlarge the Council stalled in 2005.", ""},
		// a need or a suggestion in reported or conditional form
		{"would be more helpful if", "The report would be more helpful if it assessed the Council's failures.", ProposalShould},
		{"more helpful than, told", "The briefing was more helpful than last year's.", ""},
		{"it was crucial that, reported", "It was crucial that the two organs coordinate their work on peacebuilding, she said.", ProposalMust},
		{"a crucial year, told", "It was a crucial year for the Council.", ""},
		{"the moment has come", "The moment has thus come for building bridges between the groups.", ProposalMust},
		{"the moment came, told", "The moment came when the text was put to a vote.", ""},
		{"the membership needed more", "Other speakers said the wider membership needed more information on the consultations.", ProposalMust},
		{"the committee needed more, told", "The committee needed more time to finish its work.", ""},
		{"reform, delayed, needed to", "Reform of the Council, long delayed, needed to reflect today's world, speakers said.", ProposalMust},
		{"votes needed to, told", "The votes needed to adopt the text were lacking.", ""},
		{"credibility requires that", "The Council's credibility requires that its reports cease to be a formality.", ProposalMust},
		{"the charter requires that", "The Charter requires that the Council report to the Assembly every year.", ""},
		{"we see merit in", "We see merit in a Council of about twenty-five members.", ProposalSupport},
		{"the merit of, told", "The merit of the proposal was debated at length.", ""},
		{"please continue", "To all delegations: please continue inviting women to brief the Council.", ProposalRequest},
		{"please accept", "Please accept our congratulations on your election.", ""},
		// the speaker's own minding, agenda and history
		{"never lose sight of", "We must never lose sight of the many States outside the Council.", ""},
		{"never lose another year", "We must never lose another year to procedure.", ProposalMust},
		{"remind ourselves", "It is important to remind ourselves why the Charter gave the Council this role.", ""},
		{"remind the council", "It is important to remind the Council of its duty to report.", ProposalMust},
		{"draw attention", "I have to draw attention to the conduct of one permanent member.", ""},
		{"draw up", "We have to draw up a shorter report.", ProposalMust},
		{"let us go back in time", "Let us go back in time to the first debate on the item.", ""},
		{"let us go back to the table", "Let us go back to the negotiating table.", ProposalCallOn},
		// texts and bodies: their provisions, told
		{"a concept paper calls for", "The presidency's concept paper calls for a review of the agreed notes.", ""},
		{"the presidency calls for", "The presidency calls for a review of the agreed notes.", ProposalCallOn},
		{"an article states that should", "Article 23 states that due regard should be paid to regional balance.", ""},
		{"we believe that should", "We believe that due regard should be paid to regional balance.", ProposalShould},
		{"had agreed that must", "The summit had agreed that any such resolution must be adopted by two thirds.", ""},
		{"agreed that must, now", "The summit agreed that any such resolution must be adopted by two thirds.", ProposalMust},
		{"there had been an understanding", "There had been an understanding that small States should be better represented.", ""},
		{"there is an understanding", "There is an understanding that small States should be better represented.", ProposalShould},
		{"by that text, the assembly urged", "By that text, the Assembly urged States to fund the programme.", ""},
		{"the president of the assembly urged", "The President of the Assembly urged delegations to take a realistic approach to enlargement.", ProposalUrge},
		{"the organ expressed its support", "It adopted a resolution in which the organ expressed its support for an end to the violence.", ""},
		{"a delegation expressed its support", "Japan expressed its support for limits on the veto.", ProposalSupport},
		{"the council's work, then asked", "Speakers welcomed the Council's openness but asked for more briefings.", ProposalRequest},
		{"the council asked", "The Council asked the Secretariat for more briefings.", ""},
		{"must act under the charter", "Closed formats persist, although the Council must act in accordance with Article 24 on behalf of all.", ""},
		{"must act on requests", "The Council must act on the requests of the membership in accordance with its own notes.", ProposalMust},
		// someone asked, told in the passive
		{"was not invited", "Several non-members were not invited to the consultations.", ""},
		{"we invite", "We invite non-members to the consultations.", ProposalInvite},
		{"presidencies were encouraged", "Presidencies were encouraged to circulate their assessments.", ""},
		{"we encourage presidencies", "We encourage presidencies to circulate their assessments.", ProposalEncourage},
		{"should be requested keeps its modal", "All fifteen members should be requested to give their views on the report.", ProposalShould},
		// not a request at all
		{"should read as follows", "The second sentence should read as follows:", ""},
		{"should read more clearly", "The second sentence should read more clearly.", ProposalShould},
		{"it is encouraging to see", "It is encouraging to see the report delivered on time.", ""},
		{"we are encouraging", "We are encouraging all presidencies to deliver the report on time.", ProposalEncourage},
		{"should a condition", "Should a general agreement be reached, we would back non-discrimination.", ""},
		{"should a duty", "A general agreement should be reached before the next session.", ProposalShould},
		{"restraint asked of the parties", "We urge both sides to exercise maximum restraint.", ""},
		{"restraint in the use of the veto", "We urge the permanent members to exercise restraint in the use of the veto.", ProposalUrge},
		{"peaceful settlement of disputes", "We have urged the peaceful settlement of disputes across the region.", ""},
		{"as efficient as possible", "The Council must be as efficient as possible so that its decisions are carried out.", ""},
		{"more efficient", "The Council must be more efficient in drafting its decisions.", ProposalMust},
		{"an agreement on the need, described", "There is broad agreement on the need for a larger Council.", ""},
		{"we agree on the need", "We agree on the need for a larger Council.", ProposalMust},
		{"there is a clear need", "There is a clear need for a larger Council.", ProposalMust},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := DetectProposal("en", tt.text); got != tt.want {
				t.Errorf("DetectProposal(%q) = %q, want %q", tt.text, got, tt.want)
			}
		})
	}
}

// TestDetectProposalAskedByWhom reads requests by who asks (round 26): a
// body's decision over all its clauses, calls named as a noun, another's
// request or invitation told, an alignment with a statement, a record or a
// duty told, the speaker's own speaking; and needs named as a hope, an
// urgency, an only way or a wish to have. Each has a near case that asks.
func TestDetectProposalAskedByWhom(t *testing.T) {
	tests := []struct{ name, lang, text, want string }{
		{"decided that, over two clauses", "en", "Acting without a vote, it decided that the group's talks should go on, and that it should report to the Assembly by the end of the session.", ""},
		{"decided that, but we", "en", "The Assembly decided that the talks should go on, but the group should report sooner.", ProposalShould},
		{"the assembly recommended that", "en", "The Assembly recommended that a joint meeting with the regional body should be held next year.", ""},
		{"we recommended that", "en", "We recommended that a joint meeting with the regional body should be held next year.", ProposalRecommend},
		{"they agreed that it is necessary", "en", "And they agreed that it is necessary to make the Council more representative.", ""},
		{"it is necessary, made", "en", "It is necessary to make the Council more representative.", ProposalMust},
		{"all had agreed on the need", "en", "While all had agreed on the need for enlargement, the process proved slow.", ""},
		{"we agree on the need", "en", "We agree on the need for enlargement.", ProposalMust},
		{"the assembly this morning called for", "en", "The General Assembly this morning called for closer ties with the regional league.", ""},
		{"the president called for", "en", "The President this morning called for closer ties between the Council and the Assembly.", ProposalCallOn},
		{"when calls for", "en", "We meet at a time when calls for reform of the Council grow louder.", ""},
		{"widespread calls for", "en", "The week saw widespread calls for a more inclusive Council.", ""},
		{"made strong calls for", "en", "Speakers made strong calls for a more inclusive Council.", ProposalCallOn},
		{"continuing to call for", "en", "Delegates continued to call for urgent action on reform.", ProposalCallOn},
		{"a proposed schedule", "en", "We thank you for providing a proposed schedule of meetings.", ""},
		{"we proposed a schedule", "en", "We proposed a schedule of meetings for the session.", ProposalPropose},
		{"you invited member states", "en", "In your letter, you invited Member States to reflect on the process.", ""},
		{"we invite member states", "en", "We invite Member States to reflect on the process.", ProposalInvite},
		{"your request that", "en", "We appreciate your request that we not repeat known positions.", ""},
		{"we reiterate the group's request", "en", "We reiterate the group's request that the veto be limited.", ProposalRequest},
		{"decision of the presidency to invite", "en", "We welcome the decision of the presidency to invite briefings from civil society.", ""},
		{"we invite briefings", "en", "We invite the presidency to invite briefings from civil society.", ProposalInvite},
		{"encouraging improvements", "en", "In recent years, encouraging improvements have been made in the working methods.", ""},
		{"encouraging presidencies", "en", "We are encouraging presidencies to hold wrap-up sessions.", ProposalEncourage},
		{"support the statement held", "en", "We fully support the statement held on behalf of the group by my colleague.", ""},
		{"support the proposal held", "en", "We fully support the proposal for a code of conduct on the veto.", ProposalSupport},
		{"the negotiated settlement of all issues", "en", "Members urged the negotiated settlement of all issues.", ""},
		{"urged negotiations on reform", "en", "Members urged negotiations on a text for reform.", ProposalUrge},
		{"supports an application", "en", "The Movement fully supports the application submitted by the State for admission.", ""},
		{"supports a limit", "en", "The Movement fully supports a limit on the use of the veto.", ProposalSupport},
		{"a longstanding advocate", "en", "We thank you for this debate, the subject of which we are a longstanding advocate.", ""},
		{"we advocate", "en", "We advocate open informal meetings.", ProposalSupport},
		{"in order to push for", "en", "A group of countries has joined together in order to push for reform of working methods.", ""},
		{"we push for", "en", "We push for reform of working methods.", ProposalSupport},
		{"a responsibility to propose", "en", "We all have a responsibility to examine how the Council works and to propose solutions.", ""},
		{"we take the opportunity to propose", "en", "We take this opportunity to propose a shorter report.", ProposalPropose},
		{"i need to clarify", "en", "I also need to clarify some points on the papers.", ""},
		{"we need to clarify the rules", "en", "The Council needs to clarify its rules on penholders.", ProposalMust},
		{"should come as no surprise", "en", "It should therefore not come as a surprise to see small States in this debate.", ""},
		{"should come before", "en", "Consultation with small States should come before any decision.", ProposalShould},
		{"we hope the council will", "en", "We hope the Council will update its rules of procedure soon.", ProposalSupport},
		{"we hope the debate will", "en", "We hope the debate will be fruitful.", ""},
		{"expressed the hope that such meetings", "en", "She expressed the hope that such meetings would be a regular feature.", ProposalSupport},
		{"of utmost importance that", "en", "It is therefore of utmost importance that the Council take all steps to ensure transparency.", ProposalMust},
		{"of utmost importance, told", "en", "This question is of the utmost importance for all of us.", ""},
		{"reform particularly urgent", "en", "The Council is failing, with veto reform particularly urgent.", ProposalMust},
		{"an urgent meeting, told", "en", "The reform of the Council was discussed at an urgent meeting.", ""},
		{"can only come through", "en", "Improving these faults can only come through the addition of elected members.", ProposalMust},
		{"only with can", "en", "Only with a substantive report can this debate become meaningful.", ProposalMust},
		{"not only with", "en", "The programme is packed not only with debates but with visits.", ""},
		{"required bold steps to transform", "en", "Achieving those aims required bold steps to transform the Council.", ProposalMust},
		{"required a vote, told", "en", "The text required a vote.", ""},
		{"would like to have a seat", "en", "The Arab States would like to have a permanent seat in an enlarged Council.", ProposalSupport},
		{"es apoya la declaración", "es", "Cuba apoya la declaración realizada por el Irán en nombre del Movimiento.", ""},
		{"es suscribimos la propuesta", "es", "Suscribimos plenamente la propuesta del Grupo sobre el veto.", ProposalSupport},
		{"fr appuie la déclaration", "fr", "Le Maroc appuie la déclaration faite au nom du Groupe des États d'Afrique.", ""},
		{"fr appuie la proposition", "fr", "Le Maroc appuie la proposition de limiter le veto.", ProposalSupport},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := DetectProposal(tt.lang, tt.text); got != tt.want {
				t.Errorf("DetectProposal(%q) = %q, want %q", tt.text, got, tt.want)
			}
		})
	}
}
