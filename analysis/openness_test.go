package analysis

import (
	"slices"
	"testing"
)

// TestOpennessScope checks where transparency, the catch-all theme, is the
// Council's own openness and where its words are said of something else:
// the Assembly's reform negotiations, the accountability of perpetrators,
// or a more specific theme in the same sentence; and where the neighbours
// of openness (closed consultations, subsidiary bodies) begin.
func TestOpennessScope(t *testing.T) {
	c := newTestCoder(t)
	for _, tc := range []struct {
		name, text string
		want, not  []string
	}{
		{"the negotiations' openness", "The co-chairs of the intergovernmental negotiations have our trust. We will work with them in full transparency.", nil, []string{"transparency"}},
		{"the Council named beside the negotiations", "The co-chairs of the intergovernmental negotiations have our trust. A more transparent Security Council is in everyone's interest.", []string{"transparency"}, nil},
		{"a reform process resting on transparency", "Our group is committed to a reform process resting on consensus, transparency and inclusivity.", nil, []string{"transparency"}},
		{"the Council's work resting on transparency", "Our group wants the Council's work to rest on transparency and inclusivity.", []string{"transparency"}, nil},
		{"perpetrators held accountable", "Those responsible for the attacks must be held accountable, and the Council should say so.", nil, []string{"transparency"}},
		{"the Council held accountable", "The Council itself must be held accountable for what it fails to do.", []string{"transparency"}, nil},
		{"a specific theme in the sentence", "More transparency in the use of the veto is what we need.", []string{"veto"}, []string{"transparency"}},
		// Openness asked of the Council beside the aims of its reform is a
		// point of its own: enlargement does not make the Council open.
		{"transparent beside representative", "Our group seeks an enlarged Security Council that is more transparent, efficient and representative.", []string{"council-reform", "transparency"}, nil},
		{"accountable beside representative", "Our group seeks an enlarged Security Council that is more accountable, democratic and representative.", []string{"council-reform", "transparency"}, nil},
		{"democratic beside representative", "Our group seeks an enlarged Security Council that is more democratic, efficient and representative.", []string{"council-reform"}, []string{"transparency"}},
		// Openness as an item of a list beside the Council's interaction
		// with the membership is a point of its own; the adjective on the
		// next item, or transparency paired with accountability towards the
		// members, is the specific theme's manner.
		{"transparency listed beside interaction", "Improving transparency, interaction with the wider membership and efficiency remain our aims.", []string{"ga-sc-relations", "transparency"}, nil},
		{"a transparent penholder practice", "Improving the transparent and inclusive penholder practice remains our aim.", []string{"burden-sharing"}, []string{"transparency"}},
		{"transparency and accountability towards the members", "This debate enhances the transparency and accountability of the Council towards all member states.", []string{"ga-sc-relations"}, []string{"transparency"}},
		{"interacting with the wider membership", "The Council should be interacting with the wider United Nations membership far more often.", []string{"ga-sc-relations"}, nil},
		// The Council's interaction with the other bodies of the
		// Organization is its relationship with the other organs; a
		// committee's is its own.
		{"the Council's interaction with other bodies", "The Council's interaction with other United Nations bodies deserves more attention.", []string{"ga-sc-relations"}, nil},
		{"an agency's cooperation with other bodies", "The agency's cooperation with other United Nations bodies deserves more attention.", nil, []string{"ga-sc-relations"}},
		{"interaction with non-members in a note", "The revised note gathers commitments on efficiency and interaction with non-members.", []string{"note-507"}, []string{"ga-sc-relations"}},
		{"transparency of the reform's negotiations", "Our group seeks an enlarged Security Council through transparent negotiations.", []string{"council-reform"}, []string{"transparency"}},
		// Deliberating out of the public's sight is the closed consultations;
		// decisions taken so are the Council's openness.
		{"discussed behind closed doors", "For years the members have discussed our file behind closed doors.", []string{"consultations"}, []string{"transparency"}},
		{"decided behind closed doors", "Decisions that bind us all are still taken behind closed doors.", []string{"transparency"}, []string{"consultations"}},
		{"deliberations in private", "The fifteen are at their best in candid deliberations in private.", []string{"consultations"}, nil},
		{"the Open Ended Working Group named", "We took part in the Open Ended Working Group on this question.", nil, []string{"transparency"}},
		{"deliberating in the open", "The Council should deliberate in the open.", []string{"transparency"}, nil},
		{"the Assembly's working group on reform", "The Open-ended Working Group on Security Council Reform met twice.", nil, []string{"subsidiary-bodies"}},
		{"a working group of the Council", "The working groups of the Council should publish their programmes.", []string{"subsidiary-bodies"}, nil},
		// A time marker.
		{"prior to the pandemic", "Prior to the pandemic, these meetings were open debates.", []string{"open-debates"}, []string{"pandemic"}},
		// Who chairs the subsidiary bodies is burden-sharing; how their
		// chairs are chosen is the bodies' working methods.
		{"chairing as a share of the work", "We want a fair division of labour for penholdership and the chairing of subsidiary bodies.", []string{"burden-sharing"}, []string{"subsidiary-bodies"}},
		{"how chairs are chosen", "The chairs of subsidiary bodies should be selected earlier and by a transparent process.", []string{"subsidiary-bodies"}, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			checkHasNot(t, "themes", c.Classify("en", tc.text).Themes, tc.want, tc.not)
		})
	}
}

// checkHasNot fails the test for each of want missing from got and each of
// not found in it; what names got in the message.
func checkHasNot(t *testing.T, what string, got, want, not []string) {
	t.Helper()
	for _, w := range want {
		if !slices.Contains(got, w) {
			t.Errorf("%s %q, missing %q", what, got, w)
		}
	}
	for _, n := range not {
		if slices.Contains(got, n) {
			t.Errorf("%s %q, has %q", what, got, n)
		}
	}
}

// TestOpennessOfAPractice checks, with the dictionary alone, transparency's
// words said of a practice or a courtesy rather than as a point of their
// own: praise for the manner in which something was done, transparency
// reached through the work the sentence before described, inclusiveness
// that a practice of the passage spells out (civil-society briefers), and
// the Council's accountability to the member states (the Assembly–Council
// relationship); each with a near case where the point is general.
func TestOpennessOfAPractice(t *testing.T) {
	c := newTestCoder(t).WithModel(nil)
	methods := Context{Debate: contextWorkingMethods, CouncilRecord: true}
	checkThemeCases(t, c, []themeCase{
		{"praise for the manner of a discussion", methods, "We welcome the transparent and inclusive manner in which the members discussed their procedures this year.", nil},
		{"a transparent manner asked for", methods, "We want the Council to take its decisions in a transparent and inclusive manner.", []string{"transparency"}},
		{"openness reached through the work described before", methods, "Kenya chaired the Informal Working Group on Documentation for two years. We are glad to have made the Council more transparent through such work.", []string{"note-507"}},
		{"openness as a point after the work described", methods, "Kenya chaired the Informal Working Group on Documentation for two years. We still want the Council to become more transparent in how it decides.", []string{"note-507", "transparency"}},
		{"accountability towards the member states", methods, "Publishing its decisions early would strengthen the accountability of the Council towards all member states.", []string{"ga-sc-relations"}},
		{"inclusiveness spelled out by a practice", methods, "The Council's inclusivity matters to us. Women from civil society should brief it far more often.", []string{"civil-society"}},
		{"inclusiveness beside openness, then a practice", methods, "The Council's inclusivity and openness matter to us. Women from civil society should brief it far more often.", []string{"civil-society", "transparency"}},
		{"inclusiveness on its own", methods, "The Council's inclusivity matters to us.", []string{"transparency"}},
		{"accountability as such", methods, "Publishing its decisions early would strengthen the accountability of the Council.", []string{"transparency"}},
	})
}

// TestOpennessOfAPracticeFrenchSpanish checks the French and Spanish forms
// of TestOpennessOfAPractice: praise for the manner in which something was
// done, and inclusiveness that a practice of the passage spells out; each
// with a near case where the point is general.
func TestOpennessOfAPracticeFrenchSpanish(t *testing.T) {
	c := newTestCoder(t).WithModel(nil)
	methods := Context{Debate: contextWorkingMethods, CouncilRecord: true}
	checkThemeCasesIn(t, c, "fr", []themeCase{
		{"fr: praise for the manner of a discussion", methods, "Nous saluons la manière transparente et inclusive dont les membres ont examiné leurs procédures cette année.", nil},
		{"fr: a transparent manner asked for", methods, "Le Conseil doit prendre ses décisions de manière transparente et inclusive.", []string{"transparency"}},
		{"fr: inclusiveness spelled out by a practice", methods, "L'inclusivité du Conseil nous importe. Les femmes de la société civile devraient l'informer bien plus souvent.", []string{"civil-society"}},
		{"fr: inclusiveness beside openness, then a practice", methods, "L'inclusivité et l'ouverture du Conseil nous importent. Les femmes de la société civile devraient l'informer bien plus souvent.", []string{"civil-society", "transparency"}},
	})
	checkThemeCasesIn(t, c, "es", []themeCase{
		{"es: praise for the manner of a discussion", methods, "Acogemos con beneplácito la manera transparente e inclusiva en que los miembros examinaron sus procedimientos este año.", nil},
		{"es: a transparent manner asked for", methods, "El Consejo debe adoptar sus decisiones de manera transparente e inclusiva.", []string{"transparency"}},
		{"es: inclusiveness spelled out by a practice", methods, "La inclusividad del Consejo nos importa. Las mujeres de la sociedad civil deberían informarle mucho más a menudo.", []string{"civil-society"}},
		{"es: inclusiveness beside openness, then a practice", methods, "La inclusividad y la apertura del Consejo nos importan. Las mujeres de la sociedad civil deberían informarle mucho más a menudo.", []string{"civil-society", "transparency"}},
	})
}

// TestOpennessOfTheCouncilBesideATheme checks, with the dictionary alone,
// when transparency keeps a point of its own beside a more specific theme
// of its sentence: its object is the Council's work as a whole (the
// transparency of its deliberations, making it more open, conducting its
// business transparently) or it is one of a list of kinds of openness;
// and, in the near cases, when its object is the specific theme's subject
// or the specific theme is what brings it about, so that it gives way.
func TestOpennessOfTheCouncilBesideATheme(t *testing.T) {
	c := newTestCoder(t).WithModel(nil)
	methods := Context{Debate: contextWorkingMethods, CouncilRecord: true}
	checkThemeCases(t, c, []themeCase{
		{"the transparency of the Council's deliberations", methods, "We value the transparency of the Council's deliberations, and we want open debates every month.", []string{"open-debates", "transparency"}},
		{"open debates bringing transparency about", methods, "Open debates every month strengthen the transparency of the Council's deliberations.", []string{"open-debates"}},
		{"the Council made more open", methods, "The members pledged to make the Council more open and transparent and to deepen its relationship with the General Assembly.", []string{"ga-sc-relations", "transparency"}},
		{"the pen made more open", methods, "The members pledged to make the penholdership more transparent and to deepen its relationship with the General Assembly.", []string{"burden-sharing", "ga-sc-relations"}},
		{"business conducted transparently", methods, "The Council did its business as transparently as it could, holding open debates every month.", []string{"open-debates", "transparency"}},
		{"open debates held transparently", methods, "The Council held its open debates as transparently as it could.", []string{"open-debates"}},
		{"kinds of openness listed", methods, "Members meant to be interacting with the wider membership through greater transparency, openness in their decisions and inclusiveness.", []string{"ga-sc-relations", "transparency"}},
		{"a pair as the manner of the engagement", methods, "Members meant to be interacting with the wider membership with transparency and openness.", []string{"ga-sc-relations"}},
		{"the Council made more open beside a cited note", methods, "We welcome the members' efforts to make the Council more transparent, and we call the note (S/2017/507) a key step.", []string{"note-507", "transparency"}},
		{"a cited note made more open", methods, "We welcome the members' efforts to make the note (S/2017/507) more transparent.", []string{"note-507"}},
		{"accountability of the Council to the Assembly", methods, "The veto initiative sets up a form of accountability of the Council to the General Assembly.", []string{"veto"}},
		// Openness said of the Council itself, as what it must be or as
		// one of its qualities; near: of the specific theme's subject.
		{"the Council to be more transparent", methods, "The Security Council must be more transparent in its work and hold fewer closed consultations.", []string{"consultations", "transparency"}},
		{"consultations to be more transparent", methods, "Closed consultations must be more transparent in their work.", []string{"consultations"}},
		{"a transparent body among its qualities", methods, "Speakers wanted a transparent, nimble 15-member body that restrains the use of the veto.", []string{"transparency", "veto"}},
		{"a transparent use of the veto", methods, "Speakers wanted a transparent use of the veto.", []string{"veto"}},
		// The Council as the one that gains openness; near: a specific
		// theme's subject that does.
		{"the Council building transparency", methods, "Small steps helped the Security Council gradually build greater transparency, yet the five still cast a veto on atrocity crimes.", []string{"transparency", "veto"}},
		{"the penholders building transparency", methods, "Small steps helped the penholders gradually build greater transparency.", []string{"burden-sharing"}},
		// The specific theme brings openness about only within one
		// stretch of the sentence, not across a dash.
		{"a transparent body after a dash", methods, "Speakers pressed for restraint in the use of the veto — in their view the working methods needed improving to create a transparent, nimble 15-member body.", []string{"transparency", "veto"}},
		{"a transparent body the veto's restraint strengthens", methods, "Restraint in the use of the veto would strengthen a transparent, nimble 15-member body.", []string{"veto"}},
		// Transparency as an item of a list of its own, after the rest of
		// another item's noun phrase; near: transparency of that item.
		{"transparency an item after a noun phrase", methods, "They must address working methods, including broadening penholder access, enhancing transparency, and restraining use of the veto.", []string{"burden-sharing", "transparency", "veto"}},
		{"transparency of the penholders' access", methods, "They must ensure the transparency of penholder access.", []string{"burden-sharing"}},
		// "On this note" is a figure of speech, not a reference back to a
		// note; near: a sentence that goes on about the notes before it.
		{"on this note, a point of its own", methods, "An enlarged Council must also work differently. On this particular note, we ask for transparency in all its activities.", []string{"council-reform", "transparency"}},
		{"these notes, a reference back", methods, "Note 507 must be applied in full. These notes ask for transparency in all the Council's activities.", []string{"note-507"}},
	})
}
