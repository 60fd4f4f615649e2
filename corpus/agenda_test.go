package corpus

import (
	"errors"
	"slices"
	"strings"
	"testing"
)

func TestAgendaDebate(t *testing.T) {
	for _, tc := range []struct{ title, want string }{
		{"Report of the Security Council", DebateReport},
		{"Report of the Security Council (A/79/2)", DebateReport},
		{"REPORT OF THE SECURITY COUNCIL", DebateReport},
		{"Rapport du Conseil de sécurité", DebateReport},
		{"Informe del Consejo de Seguridad (A/77/2)", DebateReport},
		{"Доклад Совета Безопасности", DebateReport},
		{"安全理事会的报告", DebateReport},
		{"安全理事会报告(A/77/2)", DebateReport},
		{"تقرير مجلس الأمن", DebateReport},
		{"Question of equitable representation on and increase in the membership of the Security Council and related matters", DebateReform},
		{"Question de la représentation équitable au Conseil de sécurité et de l'augmentation du nombre de ses membres et questions connexes", DebateReform},
		{"Cuestión de la representación equitativa en el Consejo de Seguridad y del aumento del número de sus miembros", DebateReform},
		{"Вопрос о справедливом представительстве в Совете Безопасности и расширении его членского состава", DebateReform},
		{"安全理事会席位公平分配和成员数目增加问题及与安全理事会有关的其他事项", DebateReform},
		{"مسألة التمثيل العادل في مجلس الأمن وزيادة عدد أعضائه", DebateReform},
		{"Working methods of the Security Council", DebateWorkingMethods},
		{"Implementation of the note by the President of the Security Council (S/2017/507)", DebateWorkingMethods},
		{"Méthodes de travail du Conseil de sécurité", DebateWorkingMethods},
		{"安全理事会工作方法", DebateWorkingMethods},
		// Other organs' reports, and reports naming the Council, are not the item.
		{"Report of the International Atomic Energy Agency", ""},
		{"REPORT OF THE INTERNATIONAL ATOMIC ENERGY AGENCY", ""},
		{"Report of the Secretary-General on the work of the Organization (A/60/1)", ""},
		{"Report of the Security Council Committee established pursuant to resolution 1540 (2004)", ""},
		{"Report of the Human Rights Council", ""},
		{"The situation in the Central African Republic", ""},
		{"", ""},
	} {
		t.Run(tc.title, func(t *testing.T) {
			if got := AgendaDebate(tc.title); got != tc.want {
				t.Errorf("AgendaDebate(%q) = %q, want %q", tc.title, got, tc.want)
			}
		})
	}
}

func TestRecordDebate(t *testing.T) {
	report := AgendaItem{Number: "29", Title: "Report of the Security Council", Subitems: []string{"Report of the Security Council (A/77/2)"}}
	reform := AgendaItem{Number: "123", Title: "Question of equitable representation on and increase in the membership of the Security Council and related matters"}
	iaea := AgendaItem{Number: "14", Title: "REPORT OF THE INTERNATIONAL ATOMIC ENERGY AGENCY"}
	for _, tc := range []struct {
		name  string
		items []AgendaItem
		want  string
		all   []string
	}{
		{"joint debate", []AgendaItem{report, reform}, DebateReport, []string{DebateReport, DebateReform}},
		{"reform alone", []AgendaItem{reform}, DebateReform, []string{DebateReform}},
		{"another organ's report", []AgendaItem{iaea}, DebateOther, nil},
		{"report listed under another heading", []AgendaItem{{Number: "29", Title: "Joint debate", Subitems: []string{"(a) Report of the Security Council (A/79/2)"}}}, DebateReport, []string{DebateReport}},
		{"no agenda", nil, DebateOther, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := &Record{AgendaItems: tc.items}
			if got := r.Debate(); got != tc.want {
				t.Errorf("Debate() = %q, want %q", got, tc.want)
			}
			if got := r.AgendaDebates(); !slices.Equal(got, tc.all) {
				t.Errorf("AgendaDebates() = %v, want %v", got, tc.all)
			}
		})
	}
}

func TestResolveDebates(t *testing.T) {
	tests := []struct {
		name   string
		values []string
		want   []string
		err    string
	}{
		{"values", []string{"report", "Working-Methods"}, []string{"report", "working-methods"}, ""},
		{"names", []string{"Council reform", "working methods", "report"}, []string{"reform", "working-methods", "report"}, ""},
		{"once each", []string{"report", " REPORT "}, []string{"report"}, ""},
		{"mistyped", []string{"reprot"}, nil, `agenda "reprot": no such debate; did you mean report?`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := ResolveDebates("agenda", tc.values)
			if tc.err != "" {
				var ue *UnknownValueError
				if !errors.As(err, &ue) || !strings.Contains(err.Error(), tc.err) {
					t.Fatalf("error %v, want %q", err, tc.err)
				}
				return
			}
			if err != nil || !slices.Equal(got, tc.want) {
				t.Errorf("got %v, %v; want %v", got, err, tc.want)
			}
		})
	}
}

func TestInDebates(t *testing.T) {
	tests := []struct {
		agenda, want []string
		in           bool
	}{
		{[]string{"report", "reform"}, []string{"report"}, true},
		{[]string{"reform"}, []string{"report"}, false},
		{nil, []string{"other"}, true},
		{nil, []string{"report"}, false},
		{[]string{"working-methods"}, nil, true},
	}
	for _, tc := range tests {
		if got := InDebates(tc.agenda, tc.want); got != tc.in {
			t.Errorf("InDebates(%v, %v) = %v", tc.agenda, tc.want, got)
		}
	}
}
