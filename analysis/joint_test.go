package analysis

import (
	"testing"

	"github.com/scdebate/scdebate/corpus"
)

// TestReformShortForms checks that the reform's short forms count only
// where the record's agenda holds the reform debate, and not when said of
// another matter.
func TestReformShortForms(t *testing.T) {
	c := newTestCoder(t)
	report := Context{Debate: corpus.DebateReport}
	joint := Context{Debate: corpus.DebateReport, Reform: true}
	reform := Context{Debate: corpus.DebateReform}
	checkThemeCases(t, c, []themeCase{
		{"the negotiations in a joint debate", joint, "We look forward to the negotiations resuming early in the next session.", []string{"council-reform"}},
		{"the negotiations in the reform debate", reform, "We look forward to the negotiations resuming early in the next session.", []string{"council-reform"}},
		{"the negotiations in the report debate", report, "We look forward to the negotiations resuming early in the next session.", nil},
		{"this process in a joint debate", joint, "My delegation remains committed to this process and to its early conclusion.", []string{"council-reform"}},
		{"this vital question", joint, "A fair answer to this vital question has eluded the membership for decades.", []string{"council-reform"}},
		{"the framework", joint, "We will study the framework and send our comments in writing.", []string{"council-reform"}},
		{"negotiations on another matter", joint, "The negotiations on climate finance must end this year.", nil},
		{"the reform process of another body", joint, "The reform process of the Secretariat has stalled.", nil},
		{"the negotiations on the Council's reform", joint, "The negotiations on the reform of the Council must move to a text.", []string{"council-reform"}},
		{"another body named", joint, "The Human Rights Council will hold the negotiations in Geneva.", nil},
	})
	checkThemeCasesIn(t, c, "fr", []themeCase{
		{"les négociations, débat commun", joint, "Nous souhaitons que les négociations reprennent dès le début de la session.", []string{"council-reform"}},
		{"les négociations, débat sur le rapport", report, "Nous souhaitons que les négociations reprennent dès le début de la session.", nil},
		{"négociations sur un autre sujet", joint, "Les négociations sur le financement climatique doivent aboutir.", nil},
		{"négociations sur l'élargissement", joint, "Les négociations sur l'élargissement doivent enfin porter sur un texte.", []string{"council-reform"}},
	})
	checkThemeCasesIn(t, c, "es", []themeCase{
		{"las negociaciones, debate conjunto", joint, "Esperamos que las negociaciones se reanuden al comienzo del período de sesiones.", []string{"council-reform"}},
		{"las negociaciones, debate sobre el informe", report, "Esperamos que las negociaciones se reanuden al comienzo del período de sesiones.", nil},
	})
}

func TestParseContext(t *testing.T) {
	for _, tc := range []struct {
		in      string
		want    Context
		wantErr bool
	}{
		{"report", Context{Debate: corpus.DebateReport}, false},
		{"reform", Context{Debate: corpus.DebateReform, Reform: true}, false},
		{"report,reform", Context{Debate: corpus.DebateReport, Reform: true}, false},
		{"report, reform", Context{Debate: corpus.DebateReport, Reform: true}, false},
		{"working-methods", Context{Debate: corpus.DebateWorkingMethods}, false},
		{"report,", Context{}, true},
		{"joint", Context{}, true},
		{"", Context{}, true},
	} {
		t.Run(tc.in, func(t *testing.T) {
			got, err := ParseContext(tc.in)
			if (err != nil) != tc.wantErr || got != tc.want {
				t.Errorf("ParseContext(%q) = %+v, %v; want %+v, error %v", tc.in, got, err, tc.want, tc.wantErr)
			}
		})
	}
}

// TestRecordContextJoint checks that a record debating the report jointly
// with reform is read in both.
func TestRecordContextJoint(t *testing.T) {
	rec := &corpus.Record{Symbol: "A/61/PV.50", Body: "General Assembly", AgendaItems: []corpus.AgendaItem{
		{Number: "9", Title: "Report of the Security Council"},
		{Number: "111", Title: "Question of equitable representation on and increase in the membership of the Security Council and related matters"},
	}}
	if got := RecordContext(rec); got.Debate != corpus.DebateReport || !got.Reform {
		t.Errorf("joint record: context %+v, want the report debate with reform", got)
	}
	rec.AgendaItems = rec.AgendaItems[:1]
	if got := RecordContext(rec); got.Reform {
		t.Errorf("report record: context %+v, want no reform", got)
	}
}
