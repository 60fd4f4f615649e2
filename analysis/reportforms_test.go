package analysis

import (
	"slices"
	"testing"

	"github.com/scdebate/scdebate/corpus"
)

// TestReportFormsAndOccasion checks, with the dictionary alone, how the
// report's debate speaks of the report (its consideration apart from
// reform, its analytical content, its adoption described), the meeting's
// declared aim as a mention, the Council's work made accessible, and
// transparency giving way to a practice the sentence names again; each
// with a near case that must keep, or must not get, the theme.
func TestReportFormsAndOccasion(t *testing.T) {
	c := newTestCoder(t).WithModel(nil)
	report := Context{Debate: corpus.DebateReport}
	methods := Context{Debate: contextWorkingMethods, CouncilRecord: true}
	tests := []themeCase{
		{"separate debates regretted", report, "Many delegations regretted the return to separate debates on the report and on reform.", []string{"annual-report"}},
		{"separate debates wished for", report, "We would rather the report and the enlargement question were taken up in two separate debates.", []string{"annual-report"}},
		{"separate debates outside the report's debate", methods, "We regret the return to separate debates on the report and on reform.", nil},
		{"the report's analytical content", report, "There is still room to deepen its analytical content.", []string{"annual-report"}},
		{"a more thorough report", report, "Only a reformed Council would give us a more thorough report.", []string{"annual-report", "council-reform"}},
		{"analytical content outside the report's debate", methods, "There is still room to deepen its analytical content.", nil},
		{"the report described at its adoption", report, "The report, which covers the year to July, will be submitted to the Assembly in November.", nil},
		{"the report described, then judged", report, "The report, which covers the year to July, was submitted late once again.", []string{"annual-report"}},
		{"the note the report was drafted under", report, "The President added that the draft report had been prepared in accordance with the Council's earlier decisions.", nil},
		{"the note the report was drafted under, then judged", report, "The report was prepared in accordance with the rules, but it is still late.", []string{"annual-report"}},
		{"an ordinal report adopted", report, "Today the Council adopted its sixty-eighth annual report to the General Assembly.", nil},
		{"an ordinal report adopted late", report, "The Council adopted its sixty-eighth annual report far too late.", []string{"annual-report"}},
		{"the report handed over", report, "We were presented with the report only two days before this debate.", []string{"annual-report"}},
		{"the meeting's declared aim", methods, "The aim of today's meeting is to take stock of how transparent the Council has become.", nil},
		{"a debate organized for a purpose", methods, "The debate, organized by the presidency in its first week to improve the Council's transparency, drew sixty speakers.", nil},
		{"what the meeting would help with", methods, "This debate would help us steer the discussion towards a more accountable Council.", nil},
		{"what the meeting's aim should be", methods, "The aim of this debate must be a more transparent Council.", []string{"transparency"}},
		{"the Council's work accessible to the membership", methods, "The Council's work must become accessible to the wider membership.", []string{"transparency"}},
		{"accessible to others", methods, "The new premises must be accessible to persons with disabilities.", nil},
		{"the working methods opened up", methods, "Opening up the Council's working methods took years.", []string{"transparency"}},
		{"corridors opened up", methods, "The opening up of humanitarian corridors is urgent.", nil},
		{"transparency as what a practice named again brings", methods, "The Council now holds more open debates. We welcome these debates as a sign of greater transparency.", []string{"open-debates"}},
		{"transparency as a point after a practice", methods, "The Council now holds more open debates. We also want it to be far more transparent in how it decides.", []string{"open-debates", "transparency"}},
	}
	checkThemeCases(t, c, tests)
}

// TestReportShownAndInView checks, with the dictionary alone, that the
// report drafted or described is a point about it while the formal act of
// presenting it, thanks for that work and the report named as a meeting's
// business are not; that
// outside the debate on the report its short forms name it in a paragraph
// that names it as the Council's, and not where it is another body's or
// not named; and that a volume of work is an amount. Each case has a near
// case.
func TestReportShownAndInView(t *testing.T) {
	c := newTestCoder(t).WithModel(nil)
	report := Context{Debate: corpus.DebateReport}
	other := Context{Debate: corpus.DebateOther}
	checkThemeCases(t, c, []themeCase{
		{"the report presented, the year summarised", report, "Introducing the report, the Council President said the Council had met on the Sahel more often than ever.", nil},
		{"the report presented, its content judged", report, "Introducing the report, the Council President said the report was more analytical than in earlier years.", []string{"annual-report"}},
		{"thanks for presenting the report", report, "We thank the Council President for introducing the report this morning.", nil},
		{"thanks opened by a phrase of order", report, "I would first of all like to thank the President of the Council for the month of May, Ambassador Lee, for his presentation of the annual report.", nil},
		{"a point after such thanks", report, "I would first of all like to thank the President of the Council for his presentation of the annual report, which again reached us late.", []string{"annual-report"}},
		{"the report adopted for a period", report, "The Council adopted its annual report for the period from January to December.", nil},
		{"the report taken up by those present", report, "As we consider the annual report of the Security Council, it is my pleasure to welcome you all.", nil},
		{"a point after the report taken up", report, "As we consider the annual report, we regret that the report remains a list of meetings.", []string{"annual-report"}},
		{"the report said to reflect the year well", report, "The report reflects very well how often the Council met on the Sahel this year.", []string{"annual-report"}},
		{"the report cited for a fact of the year", report, "The report reflects how often the Council met on the Sahel this year.", nil},
		{"the report cited, with an adverb, for what the Council did", report, "The report plainly shows that the Council took up far more crises than before.", nil},
		{"the reading of the report cited, after an opening phrase", report, "In sum, the consideration of the report of the Security Council shows that the body met its duties.", nil},
		{"what the report shows as its object, its content", report, "The report shows the breadth of the Council's agenda, from single countries to whole regions.", []string{"annual-report"}},
		{"the period the report covers as a date of the Council's work", report, "We note the heavy load the Council carried during the period covered by the report.", nil},
		{"the period the report covers, judged as the report's", report, "The period covered by the report ends so early that the report is out of date when we debate it.", []string{"annual-report"}},
		{"the report to be presented to those present", report, "The Council President will present to us the annual report of the Security Council in a moment.", nil},
		{"the Council President welcomed to the Assembly", report, "I am glad to welcome to the General Assembly the President of the Security Council. She will shortly present to us the annual Security Council report.", nil},
		{"the report welcomed, a point about it", report, "We welcome the annual report, which reached us earlier than in any past year.", []string{"annual-report"}},
		{"credit acknowledged for coordinating the report", report, "We also acknowledge the role played by Peru in coordinating the drafting of the annual report.", nil},
		{"a point about the report acknowledged", report, "We acknowledge that the annual report is more analytical this year.", []string{"annual-report"}},
		{"a volume of work", report, "In the year under review the volume of the Council's work grew again.", nil},
		{"the volume that is the report, before us", report, "The volume before us is thinner than last year's.", []string{"annual-report"}},
		{"who drafted the introduction, at the Council", other, "Opening the meeting, the Council President said the introduction of the draft report had been prepared by the delegation of Malta.", []string{"annual-report"}},
		{"another body's draft report, at the Council", other, "The Council President noted that the draft report of the Committee on Contributions had been prepared by its secretariat.", nil},
		{"the report's introduction after the report is named", other, "Members of the Council have before them the draft annual report. The introduction, he said, was shorter this year.", []string{"annual-report"}},
		{"an introduction where no report is named", other, "The Council President opened the meeting. The introduction, he said, was shorter this year.", nil},
	})
}

// TestReportFormsFrenchSpanish checks the French and Spanish forms of the
// report's debate: the period under review as a date, the report cited as
// a source, coverage naming the Assembly's debate on the report, separate
// and joint debates, future reports, the analytical content, a short form
// said of another body, the Council's work made accessible to the
// members, and transparency as what a practice named again brings. No real French or Spanish set exists: the
// sentences are written for the test.
func TestReportFormsFrenchSpanish(t *testing.T) {
	c := newTestCoder(t).WithModel(nil)
	report := Context{Debate: corpus.DebateReport}
	checkThemeCasesIn(t, c, "fr", []themeCase{
		{"fr: the period under review as a date", report, "Au cours de la période considérée, le Conseil a tenu plus de deux cents séances.", nil},
		{"fr: the period under review judged", report, "La période considérée est mal analysée dans le rapport.", []string{"annual-report"}},
		{"fr: the report cited as a source", report, "Selon le rapport, le Conseil s'est réuni plus souvent sur le Yémen.", nil},
		{"fr: the report cited, then judged", report, "Selon le rapport, le Conseil s'est réuni plus souvent, mais le rapport n'explique pas pourquoi.", []string{"annual-report"}},
		{"fr: coverage of the Assembly's debate", report, "Elle a poursuivi ce matin son débat sur le rapport annuel, plusieurs orateurs insistant sur le veto.", []string{"veto"}},
		{"fr: separate debates", report, "Nous aurions préféré deux débats séparés pour ces deux questions.", []string{"annual-report"}},
		{"fr: the joint debate names both items", report, "Ce débat commun porte aussi sur la réforme du Conseil.", []string{"annual-report", "council-reform"}},
		{"fr: future reports", report, "Les futurs rapports devraient expliquer les choix du Conseil.", []string{"annual-report"}},
		{"fr: the analytical content", report, "Il reste à enrichir son contenu analytique.", []string{"annual-report"}},
		{"fr: the Council's work accessible to the members", report, "Les travaux du Conseil doivent être accessibles à tous les États Membres.", []string{"transparency"}},
		{"fr: transparency as what a practice named again brings", report, "Le Conseil tient davantage de débats publics. Nous saluons ces débats comme un signe de transparence.", []string{"open-debates"}},
		{"fr: another body's introduction", report, "L'introduction de limites de mandat serait utile.", nil},
		{"fr: the report's introduction", report, "L'introduction du rapport est trop longue.", []string{"annual-report"}},
	})
	checkThemeCasesIn(t, c, "es", []themeCase{
		{"es: the Council's work accessible to the members", report, "La labor del Consejo debe ser accesible para todos los Estados Miembros.", []string{"transparency"}},
		{"es: transparency as what a practice named again brings", report, "El Consejo celebra más debates abiertos. Acogemos con beneplácito estos debates como muestra de transparencia.", []string{"open-debates"}},
		{"es: the period under review as a date", report, "Durante el período que se examina, el Consejo celebró más de doscientas sesiones.", nil},
		{"es: the period under review judged", report, "El período que se examina está mal analizado en el informe.", []string{"annual-report"}},
		{"es: the report cited as a source", report, "Según el informe, el Consejo se reunió sobre el Yemen más que sobre ninguna otra situación.", nil},
		{"es: coverage of the Assembly's debate", report, "Ella continuó esta mañana su debate sobre el informe anual, y varios oradores insistieron en el veto.", []string{"veto"}},
		{"es: separate debates", report, "Habríamos preferido dos debates separados para estas dos cuestiones.", []string{"annual-report"}},
		{"es: the joint debate names both items", report, "Este debate conjunto trata también de la reforma del Consejo.", []string{"annual-report", "council-reform"}},
		{"es: future reports", report, "Los futuros informes deberían explicar las decisiones del Consejo.", []string{"annual-report"}},
		{"es: the analytical content", report, "Hay que enriquecer su contenido analítico.", []string{"annual-report"}},
		{"es: another body's introduction", report, "La introducción de límites al mandato sería útil.", nil},
		{"es: the report's introduction", report, "La introducción del informe es demasiado larga.", []string{"annual-report"}},
	})
}

// TestNegotiationsOpennessFrenchSpanish checks that, in a French or
// Spanish passage on the Assembly's reform negotiations, transparency said
// without naming the Council is the negotiations' openness, and said of the
// Council is the theme. The sentences are written for the test.
func TestNegotiationsOpennessFrenchSpanish(t *testing.T) {
	c := newTestCoder(t).WithModel(nil)
	reform := Context{Debate: corpus.DebateReform}
	tests := []struct {
		name, lang, text string
		want             bool
	}{
		{"fr: the negotiations' openness", "fr", "Les coprésidents des négociations intergouvernementales ont notre confiance. Nous travaillerons avec eux en toute transparence.", false},
		{"fr: a reform process resting on transparency", "fr", "Notre groupe souhaite un processus de réforme fondé sur le consensus, la transparence et l'inclusivité.", false},
		{"fr: the Council named beside the negotiations", "fr", "Les coprésidents des négociations intergouvernementales ont notre confiance. Un Conseil de sécurité plus transparent est dans l'intérêt de tous.", true},
		{"es: the negotiations' openness", "es", "Los copresidentes de las negociaciones intergubernamentales cuentan con nuestra confianza. Trabajaremos con ellos con plena transparencia.", false},
		{"es: a reform process resting on transparency", "es", "Nuestro grupo desea un proceso de reforma basado en el consenso, la transparencia y la inclusividad.", false},
		{"es: the Council named beside the negotiations", "es", "Los copresidentes de las negociaciones intergubernamentales cuentan con nuestra confianza. Un Consejo de Seguridad más transparente nos conviene a todos.", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := c.ClassifyIn(reform, tt.lang, tt.text)
			if has := slices.Contains(got.Themes, "transparency"); has != tt.want {
				t.Errorf("transparency %v, want %v (themes %v, evidence %v)", has, tt.want, got.Themes, got.Evidence)
			}
		})
	}
}
