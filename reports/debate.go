package reports

import (
	"slices"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/scdebate/scdebate/corpus"
)

// A workbook says which records are not the debate on the Council's
// report — the Sources sheet and the Overview's list of meetings mark
// them — and is titled for the debates its records are.

// debateCell says which debate a record is part of: "report" (with the
// other items of a joint debate: "report, reform"), or, marked as such,
// that it is not the debate on the report.
func (wb *workbook) debateCell(rec *corpus.Record) interface{} {
	ds := rec.AgendaDebates()
	if slices.Contains(ds, corpus.DebateReport) {
		return strings.Join(ds, ", ")
	}
	what := corpus.DebateOther
	if len(ds) > 0 {
		what = strings.Join(ds, ", ")
	}
	return excelize.Cell{StyleID: wb.st.bad, Value: "not the debate on the report (" + what + ")"}
}

// debateTally counts the documents in scope by the debate they are part
// of (corpus.Record.Debate).
func (s *stats) debateTally() map[string]int {
	out := map[string]int{}
	for _, d := range s.docs {
		out[d.rec.Debate()]++
	}
	return out
}

// titles are the workbook's title and subject for the debates of its
// documents: the follow-up to the debate on the Council's report when
// they are all of it (or there are none), said to include other records
// when some are not, and named for what they are when none is.
func titles(tally map[string]int) (title, subject string) {
	const byTheme = ", by theme"
	report, others := tally[corpus.DebateReport], 0
	var only string
	for d, n := range tally {
		if d != corpus.DebateReport && n > 0 {
			others += n
			only = d
		}
	}
	switch {
	case others == 0:
		return workbookTitle, "Comments made in " + corpus.DebateName(corpus.DebateReport) + byTheme
	case report > 0:
		return workbookTitle + ", with other records", "Comments made in " + corpus.DebateName(corpus.DebateReport) + " and in other records" + byTheme
	case len(nonZero(tally)) == 1 && only == corpus.DebateReform:
		return "Comments in the General Assembly's debate on Security Council reform", "Comments made in " + corpus.DebateName(only) + byTheme
	case len(nonZero(tally)) == 1 && only == corpus.DebateWorkingMethods:
		return "Comments in the Security Council's debates on its working methods", "Comments made in " + corpus.DebateName(only) + byTheme
	}
	return "Comments on the Security Council, by theme", "Comments on the Security Council in records that are not the debate on its report" + byTheme
}

func nonZero(tally map[string]int) []string {
	var out []string
	for d, n := range tally {
		if n > 0 {
			out = append(out, d)
		}
	}
	return out
}

// debateText says, for the Overview, which debates the documents are part
// of.
func debateText(tally map[string]int) string {
	report := tally[corpus.DebateReport]
	var parts []string
	for _, d := range corpus.Debates {
		if d == corpus.DebateReport || tally[d] == 0 {
			continue
		}
		if d == corpus.DebateOther {
			parts = append(parts, plural(tally[d], "other document"))
			continue
		}
		parts = append(parts, plural(tally[d], "document")+" of "+corpus.DebateName(d))
	}
	switch {
	case len(parts) == 0:
		return corpus.DebateName(corpus.DebateReport) + " (" + plural(report, "document") + ")"
	case report == 0:
		return "none of the documents is " + corpus.DebateName(corpus.DebateReport) + ": " + strings.Join(parts, "; ")
	}
	return plural(report, "document") + " of " + corpus.DebateName(corpus.DebateReport) + "; not of it, and marked on the Sources sheet: " + strings.Join(parts, "; ")
}

func plural(n int, one string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + one + "s"
}
