package analysis

import (
	"testing"

	"github.com/scdebate/scdebate/corpus"
)

// TestReformShapes checks, with the dictionary alone, the shapes in which
// speakers name Council reform without its usual names: enlargement as a
// number of seats or members, the representation of regions, the papers of
// the intergovernmental negotiations, a negotiating group's proposal, the
// African position (in French and Spanish), the Council's structure
// reformed or democratized, its present composition, the permanent
// members of 1945, its composition described beside its enlargement, the
// "UN Security Council" reformed, a representative or more democratic
// Council, its composition, expansion and reform in their plain forms and
// the Common African Position; and the near cases, in which the same words are about something else
// (an election, settlements or a mandate that expand).
func TestReformShapes(t *testing.T) {
	c := newTestCoder(t).WithModel(nil)
	report := Context{Debate: corpus.DebateReport}
	checkThemeCasesIn(t, c, "en", []themeCase{
		// The Council named as "the UN Security Council", reformed, or
		// representative as one of its qualities.
		{"reform of the UN Security Council", report, "A lasting reform of the UN Security Council is the cause that unites our group.", []string{"council-reform"}},
		{"reform of the UN Security Council's working methods", report, "Reform of the UN Security Council's working methods can begin tomorrow.", nil},
		{"a reformed Security Council", report, "Only a reformed Security Council can meet the threats of this century.", []string{"council-reform"}},
		{"a representative Security Council among its qualities", report, "We seek an open, effective and representative Security Council.", []string{"council-reform"}},
		{"a delegate called the representative", report, "The representative of the Security Council's presidency took the floor.", nil},
		// The Council's composition, expansion and reform in their plain
		// forms.
		{"the composition of the Security Council", report, "The present composition of the Security Council no longer makes sense.", []string{"council-reform"}},
		{"the composition of a Council mission", report, "The composition of the Security Council mission to the Sahel was agreed on Friday.", []string{"visiting-missions"}},
		{"the make-up of the Security Council", report, "Many States are uneasy about the make-up of the Security Council.", []string{"council-reform"}},
		{"the make-up of a Council mission", report, "The make-up of the mission was agreed by the Council on Friday.", nil},
		// The negotiations' five clusters name their substance.
		{"the five clusters", report, "This session let us go deeper into the five clusters and how they link up.", []string{"council-reform"}},
		{"clusters of an agenda", report, "The Council grouped its agenda into clusters of situations this year.", nil},
		{"the expansion of the Security Council", report, "We have waited long enough for the expansion of the Security Council.", []string{"council-reform"}},
		{"the Council to be reformed", report, "The Security Council has to be reformed within this decade.", []string{"council-reform"}},
		{"a more democratic Council", report, "The world deserves a more democratic Security Council.", []string{"council-reform"}},
		{"the Common African Position", report, "Our group stands by the Common African Position.", []string{"council-reform"}},
		{"more seats in a category", report, "We would support a modest increase in the number of non-permanent seats.", []string{"council-reform"}},
		{"more elected members", report, "Increasing the number of elected members would give small States a fairer chance.", []string{"council-reform"}},
		{"a growing number of members, not more seats", report, "A growing number of elected members now explain their votes in public.", []string{"burden-sharing"}},
		{"more meetings, not more seats", report, "The year saw an increase in the number of meetings on the Middle East.", nil},
		{"regions represented", report, "Fair regional representation must guide any model we agree on.", []string{"council-reform"}},
		{"representation across regions", report, "Seats for small island States could be secured through cross-regional representation.", []string{"council-reform"}},
		{"regions represented among staff", report, "The Secretariat should improve regional representation among its senior staff.", nil},
		{"another body's elements paper", report, "The elements paper of the Commission on the Status of Women was useful.", nil},
		{"the negotiations' paper", report, "The revised elements paper should now record where views still diverge.", []string{"council-reform"}},
		{"the points of agreement named", report, "We can build on the elements of convergence identified last year.", []string{"council-reform"}},
		{"a group's proposal", report, "The G4 proposal deserves a fair reading from every delegation.", []string{"council-reform"}},
		{"a group's proposal, in full", report, "The proposal of the Uniting for Consensus group would create longer terms.", []string{"council-reform"}},
		{"a group named as the speaker", report, "On behalf of the Uniting for Consensus group, I thank you for convening us and for your proposal.", nil},
		{"the structure reformed", report, "It is time to reform the structure and the procedures of the Security Council.", []string{"council-reform"}},
		{"the Council restructured", report, "The restructuring of the Security Council has been postponed for too long.", []string{"council-reform"}},
		{"another body restructured", report, "The restructuring of the Secretariat is a matter for the Fifth Committee, not the Council.", nil},
		{"the permanent members of 1945", report, "The privileges the permanent members received in 1945 no longer match today's world.", []string{"council-reform"}},
		{"a report's structure", report, "The structure of the Council's report should change.", []string{"annual-report"}},
		{"a region's permanent presence", report, "Our region still has no permanent presence on the Council.", []string{"council-reform"}},
		{"a permanent presence elsewhere", report, "The Organization needs a permanent presence in the region.", nil},
		{"a text with attributions", report, "Only a text with attributions will turn the exchanges into a negotiation.", []string{"council-reform"}},
		{"the Council democratized", report, "Our delegation has long argued for the democratization of the Security Council.", []string{"council-reform"}},
		{"the Council's procedures democratized", report, "Several proposals aim at democratizing the procedures of the Security Council.", nil},
		{"the Council's membership increased", report, "An increase in the membership of the Council is overdue.", []string{"council-reform"}},
		{"the agenda item's title", report, "We thank you for convening this debate on the question of equitable representation on and increase in the membership of the Security Council.", nil},
		{"more members of the Council", report, "We support increasing the number of members of the Security Council.", []string{"council-reform"}},
		{"the present composition judged", report, "The Council's present composition is a relic of another age.", []string{"council-reform"}},
		{"the composition described beside its expansion", report, "Expansion of the Council remains the hardest question: today it has five permanent members and ten non-permanent members elected for two-year terms.", []string{"council-reform"}},
		{"news of an election beside the expansion", report, "In a single round of voting, the Assembly elected five non-permanent members; the expansion of the Council was not raised.", nil},
		{"settlements that expand", report, "The Security Council has done nothing while the settlements continue to expand.", nil},
		{"a mission's mandate expanded", report, "The Security Council approved an expanded mandate for the mission in the south.", nil},
		{"the Council's membership expanded further", report, "The Council must continue to expand its membership so that Africa sits at the table.", []string{"council-reform"}},
		// One category of seats expanded; the permanent members named
		// for what they do.
		{"the non-permanent membership expanded", report, "A cheaper option is a plain expansion of the non-permanent membership alone.", []string{"council-reform"}},
		{"the permanent membership acting", report, "The permanent membership has blocked every draft on the crisis this year.", nil},
		// The Council said to be (not) representative of those it should
		// reflect; near: a delegate who is the representative of a State.
		{"the Council not representative of the world", report, "The Security Council as it stands is not representative of the world.", []string{"council-reform"}},
		{"a delegate representative of a State", report, "The Security Council heard the representative of the Philippines today.", nil},
		// Representativeness among the qualities asked of the Council,
		// beside openness: both points (ruling on "representative" and
		// "transparent" together).
		{"representative among the Council's qualities", report, "We want to turn the Council into a more democratic, representative, effective and accountable organ.", []string{"council-reform", "transparency"}},
		{"qualities without representativeness", report, "We want to turn the Council into a more effective and accountable organ.", []string{"transparency"}},
		{"representational among the Council's qualities", report, "He wants a broadly representational, efficient and transparent Security Council.", []string{"council-reform", "transparency"}},
	})
	reform := Context{Debate: corpus.DebateReform}
	checkThemeCasesIn(t, c, "en", []themeCase{
		// In the reform debate, the reform named by a process with any
		// article, or as that of "the body".
		{"a reform process in the reform debate", reform, "Our group is committed to a reform process that leaves no region behind.", []string{"council-reform"}},
		{"a reform process of another body", reform, "Our group is committed to a reform process of the Secretariat.", nil},
		{"reform of the body in the reform debate", reform, "The President said that reform of the body remained his first priority.", []string{"council-reform"}},
		{"reform of the body in the report's debate", report, "The President said that reform of the body remained his first priority.", nil},
	})
	checkThemeCasesIn(t, c, "fr", []themeCase{
		{"more permanent members, in French", report, "Nous appuyons l'augmentation du nombre de membres permanents et non permanents.", []string{"council-reform"}},
		{"regions represented, in French", report, "Une juste représentation régionale doit guider la réforme.", []string{"council-reform"}},
		{"both categories, in French", report, "Nous voulons un Conseil élargi dans les deux catégories.", []string{"council-reform"}},
		{"the Council democratized, in French", report, "La démocratisation du Conseil de sécurité reste notre objectif.", []string{"council-reform"}},
	})
	checkThemeCasesIn(t, c, "es", []themeCase{
		{"more seats, in Spanish", report, "Apoyamos el aumento del número de miembros no permanentes.", []string{"council-reform"}},
		{"regions represented, in Spanish", report, "La representación regional debe ser más justa.", []string{"council-reform"}},
		{"both categories, in Spanish", report, "El Consejo debe crecer en ambas categorías.", []string{"council-reform"}},
		{"the Council democratized, in Spanish", report, "La democratización del Consejo de Seguridad es impostergable.", []string{"council-reform"}},
		{"the African position, in Spanish", report, "Apoyamos la posición común africana.", []string{"council-reform"}},
	})
}
