package reports

import (
	"bytes"
	"context"
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/scdebate/scdebate/corpus"
	"github.com/xuri/excelize/v2"
)

// A mistyped filter value is an error naming the nearest known values,
// not an empty report; names resolve to the IDs and codes records carry.
func TestReportFilterValues(t *testing.T) {
	ws := genWorkspace(t, smallCorpus)
	tests := []struct {
		name    string
		opts    Options
		param   string // the filter of the expected error; "" for success
		suggest string
		filters string // what the Overview's Filters line says on success
	}{
		{name: "theme typo", opts: Options{Themes: []string{"vetoo"}}, param: "theme", suggest: "veto"},
		{name: "theme misspelt", opts: Options{Themes: []string{"transparancy"}}, param: "theme", suggest: "transparency"},
		{name: "country name", opts: Options{Countries: []string{"New Zealand"}}, filters: "NZL"},
		{name: "country in French", opts: Options{Countries: []string{"Nouvelle-Zélande", "mex"}}, filters: "NZL, MEX"},
		{name: "country unknown", opts: Options{Countries: []string{"New Zeeland"}}, param: "country", suggest: "New Zealand (NZL)"},
		{name: "language not official", opts: Options{Languages: []string{"de"}}, param: "language"},
		{name: "language by name", opts: Options{Languages: []string{"English"}}, filters: "languages: en"},
		{name: "group by ID in capitals", opts: Options{Groups: []string{"ACT"}}, filters: "groups: act"},
		{name: "group by name", opts: Options{Groups: []string{"Organization of the Islamic Conference"}}, filters: "groups: oic"},
		{name: "group unknown", opts: Options{Groups: []string{"Atlantic Alliance"}}, param: "group"},
		{name: "theme by name", opts: Options{Themes: []string{"Veto"}}, filters: "themes: veto"},
		{name: "counterpart", opts: Options{Counterpart: "german"}, param: "counterpart"},
	}
	for _, tt := range tests {
		for _, format := range []string{"xlsx", "csv"} {
			t.Run(tt.name+" "+format, func(t *testing.T) {
				var buf bytes.Buffer
				write := WriteWorkbook
				if format == "csv" {
					write = WriteCSV
				}
				err := write(context.Background(), &buf, ws, tt.opts)
				if tt.param == "" {
					if err != nil {
						t.Fatal(err)
					}
					if format == "xlsx" {
						f, err := excelize.OpenReader(&buf)
						if err != nil {
							t.Fatal(err)
						}
						defer f.Close()
						got := ""
						for _, row := range sheetRows(t, f, SheetOverview) {
							if len(row) > 1 && row[0] == "Filters" {
								got = row[1]
							}
						}
						if !strings.Contains(got, tt.filters) {
							t.Errorf("Filters %q, want %q in it", got, tt.filters)
						}
					}
					return
				}
				var ue *corpus.UnknownValueError
				if !errors.As(err, &ue) || ue.Param != tt.param {
					t.Fatalf("error %v, want an unknown %s", err, tt.param)
				}
				if tt.suggest != "" && !slices.Contains(ue.Suggestions, tt.suggest) {
					t.Errorf("suggestions %q, want %q", ue.Suggestions, tt.suggest)
				}
				if buf.Len() != 0 {
					t.Errorf("%d bytes written despite the error", buf.Len())
				}
			})
		}
	}
}
