package ingest

import (
	"reflect"
	"slices"
	"strconv"
	"testing"

	"github.com/scdebate/scdebate/corpus"
)

// items lists the numbers from lo to hi.
func items(lo, hi int) []string {
	var out []string
	for n := lo; n <= hi; n++ {
		out = append(out, strconv.Itoa(n))
	}
	return out
}

func TestAgendaNumbers(t *testing.T) {
	tests := []struct {
		name, lang, heading string
		want                []string
	}{
		{"one item", "en", "Agenda item 74 (continued)", []string{"74"}},
		{"capitals", "en", "AGENDA ITEM 14 (continued)", []string{"14"}},
		{"two items", "en", "Agenda items 27 and 28", []string{"27", "28"}},
		{"range", "en", "Agenda items 21 to 26", items(21, 26)},
		{"range continued", "en", "Agenda items 21 to 26 (continued)", items(21, 26)},
		{"singular item, two numbers", "en", "Agenda item 48 and 114 (continued)", []string{"48", "114"}},
		{"list with a range", "en", "Agenda items 27, 28, 61, 63 to 68, 105 and 106",
			append(append([]string{"27", "28", "61"}, items(63, 68)...), "105", "106")},
		{"range with an en dash", "en", "Agenda items 21–23", items(21, 23)},
		{"sub-item", "en", "Agenda item 74 (a)", []string{"74(a)"}},
		{"backwards range not expanded", "en", "Agenda items 26 to 21", []string{"26", "21"}},
		{"range too long to be one", "en", "Agenda items 1 to 999", []string{"1", "999"}},
		{"not a heading", "en", "The agenda items 21 to 26 were taken up.", nil},
		{"French range", "fr", "Points 21 à 26 de l’ordre du jour (suite)", items(21, 26)},
		{"French singular, two numbers", "fr", "Point 48 et 114 de l’ordre du jour", []string{"48", "114"}},
		{"Spanish range", "es", "Temas 21 a 26 del programa (continuación)", items(21, 26)},
		{"Spanish list", "es", "Temas 48 y 114 del programa", []string{"48", "114"}},
		{"Russian range", "ru", "Пункты 21–26 повестки дня (продолжение)", items(21, 26)},
		{"Russian range with a hyphen", "ru", "Пункты 21-26 повестки дня", items(21, 26)},
		{"Russian list", "ru", "Пункты 48 и 114 повестки дня", []string{"48", "114"}},
		{"Chinese range", "zh", "议程项目21至26（续）", items(21, 26)},
		{"Chinese list", "zh", "议程项目48和114", []string{"48", "114"}},
		{"Arabic range", "ar", "البنود من 21 إلى 26 من جدول الأعمال (تابع)", items(21, 26)},
		{"Arabic range in Arabic-Indic digits", "ar", "البنود من ٢١ إلى ٢٦ من جدول الأعمال", items(21, 26)},
		{"Arabic pair", "ar", "البندان 48 و 114 من جدول الأعمال", []string{"48", "114"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := localeFor(tt.lang).agendaNumbers(tt.heading); !slices.Equal(got, tt.want) {
				t.Errorf("agendaNumbers(%q) = %q, want %q", tt.heading, got, tt.want)
			}
		})
	}
}

func TestHeadingItems(t *testing.T) {
	lines := func(texts ...string) []line {
		out := make([]line, len(texts))
		for i, s := range texts {
			out[i].Text = s
		}
		return out
	}
	tests := []struct {
		name    string
		numbers []string
		lines   []line
		want    []corpus.AgendaItem
	}{
		{"one title a line", items(21, 23),
			lines("Trade and development finance", "External debt and development", "Commodities and small producers"),
			[]corpus.AgendaItem{{Number: "21", Title: "Trade and development finance"}, {Number: "22", Title: "External debt and development"}, {Number: "23", Title: "Commodities and small producers"}}},
		{"a title wrapped, then its document", []string{"48", "114"},
			lines("Culture of peace and development", "Follow-up to the conference on financing for", "development", "Reports of the Second Committee", "(A/65/901 to A/65/907)"),
			[]corpus.AgendaItem{{Number: "48", Title: "Culture of peace and development"}, {Number: "114", Title: "Follow-up to the conference on financing for development", Subitems: []string{"Reports of the Second Committee (A/65/901 to A/65/907)"}}}},
		{"a title wrapped after a connective", []string{"61", "62"},
			lines("Report of the United Nations High Commissioner for", "Refugees", "Questions of refugees"),
			[]corpus.AgendaItem{{Number: "61", Title: "Report of the United Nations High Commissioner for Refugees"}, {Number: "62", Title: "Questions of refugees"}}},
		{"one item: capitals inside its title do not split it", []string{"14"},
			lines("Report of the International", "Atomic Energy Agency"),
			[]corpus.AgendaItem{{Number: "14", Title: "Report of the International Atomic Energy Agency"}}},
		{"a split that does not give one title per item is not made", []string{"14", "15"},
			lines("Report of the International", "Atomic Energy Agency", "Follow-up to the Summit"),
			[]corpus.AgendaItem{{Number: "14", Title: "Report of the International Atomic Energy Agency Follow-up to the Summit"}, {Number: "15"}}},
		{"a heading in capitals gives no hint", []string{"14", "47"},
			lines("REPORT OF THE INTERNATIONAL ATOMIC", "ENERGY AGENCY"),
			[]corpus.AgendaItem{{Number: "14", Title: "REPORT OF THE INTERNATIONAL ATOMIC ENERGY AGENCY"}, {Number: "47"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := headingItems(tt.numbers, tt.lines); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("headingItems =\n %+v\nwant\n %+v", got, tt.want)
			}
		})
	}
}
