package main

import (
	"encoding/json"
	"errors"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/scdebate/scdebate/analysis"
	"github.com/scdebate/scdebate/reports"
)

// TestReviewCommands goes through the review loop as a user does: run
// writes the workbook, reviews typed into it are imported, one more is set
// on the command line, analyze then has nothing to do, the next workbook
// counts the reviews, and analyze --learn trains the workspace's model on
// them once.
func TestReviewCommands(t *testing.T) {
	ws := filepath.Join(t.TempDir(), "ws")
	if out, err := run(t, "", "run", "--out", ws, "--no-phrases"); err != nil {
		t.Fatalf("run: %v\n%s", err, out)
	}
	workbook := filepath.Join(ws, "report.xlsx")
	f, err := excelize.OpenFile(workbook)
	if err != nil {
		t.Fatal(err)
	}
	rows, err := f.GetRows(reports.SheetComments)
	if err != nil {
		t.Fatal(err)
	}
	col := func(name string) int { return slices.Index(rows[0], name) }
	pc, rc, tc := col(reports.ColumnPassage), col(reports.ColumnReview), col("Themes")
	first, second, third := rows[1], rows[2], rows[3]
	taken := strings.Split(first[tc], "; ")[0]
	set := func(row int, text string) {
		cell, _ := excelize.CoordinatesToCellName(rc+1, row)
		if err := f.SetCellStr(reports.SheetComments, cell, text); err != nil {
			t.Fatal(err)
		}
	}
	set(2, "-"+taken)
	set(3, "+"+missingTheme(second[tc]))
	set(4, "+no-such-theme")
	edited := filepath.Join(t.TempDir(), "edited.xlsx")
	if err := f.SaveAs(edited); err != nil {
		t.Fatal(err)
	}
	f.Close()

	out, err := run(t, "", "review", "import", "--workspace", ws, edited)
	if !errors.As(err, new(partialError)) || !strings.Contains(out, "2 reviews changed, 0 unchanged, 1 skipped") ||
		!strings.Contains(out, "skipped: row 4: "+third[pc]+`: theme "no-such-theme": no such theme`) {
		t.Fatalf("import: %v\n%s", err, out)
	}
	if code := exitCode(err, false); code != exitPartial {
		t.Errorf("import with a bad row: exit %d, want %d", code, exitPartial)
	}
	out, _ = run(t, "", "review", "import", "--workspace", ws, edited)
	if !strings.Contains(out, "0 reviews changed, 2 unchanged, 1 skipped") {
		t.Errorf("second import:\n%s", out)
	}

	out, err = run(t, "", "review", "set", "--workspace", ws, third[pc], "+veto", "-"+strings.Split(third[tc], "; ")[0])
	if err != nil || !strings.Contains(out, third[pc]) || !strings.Contains(out, "1 reviews changed") {
		t.Fatalf("review set: %v\n%s", err, out)
	}
	for _, bad := range []struct {
		args []string
		want string
	}{
		{[]string{third[pc], "+vetoo"}, "did you mean veto?"},
		{[]string{third[pc] + "9", "+veto"}, "has no paragraph"},
		{[]string{third[pc], "veto"}, "has no + or -"},
	} {
		out, err := run(t, "", append([]string{"review", "set", "--workspace", ws}, bad.args...)...)
		if err == nil || !strings.Contains(out+err.Error(), bad.want) || !strings.Contains(err.Error(), "nothing changed") {
			t.Errorf("review set %v: %v\n%s", bad.args, err, out)
		}
	}
	if _, err := run(t, "", "review", "set", "--workspace", ws, third[pc], "+veto", "--themes", "x.yaml"); !errors.As(err, new(usageError)) {
		t.Errorf("a flag after the passage: %v, want a usage error", err)
	}

	out, err = run(t, "", "review", "list", "--workspace", ws, "--json")
	if err != nil {
		t.Fatal(err)
	}
	var listed []struct {
		Passage, Review string
		Problems        []analysis.ReviewProblem
	}
	if err := json.Unmarshal([]byte(out), &listed); err != nil || len(listed) != 3 {
		t.Fatalf("review list --json: %v\n%s", err, out)
	}
	out, _ = run(t, "", "review", "list", "--workspace", ws, "--problems")
	if !strings.Contains(out, "0 reviews") {
		t.Errorf("review list --problems:\n%s", out)
	}

	out, err = run(t, "", "analyze", "--workspace", ws, "--no-phrases")
	if err != nil || !strings.Contains(out, "analysed 0, unchanged 4, failed 0 (") {
		t.Errorf("analyze after the reviews: %v\n%s", err, out)
	}
	if out, err := run(t, "", "run", "--out", ws, "--no-phrases"); err != nil {
		t.Fatalf("run again: %v\n%s", err, out)
	}
	if got := overviewValue(t, workbook, "Reviewed codes"); !strings.HasPrefix(got, "2 codes set or confirmed and 2 taken away by experts' reviews, in 3 passages") {
		t.Errorf("Overview: %q", got)
	}

	out, err = run(t, "", "review", "unset", "--workspace", ws, second[pc])
	if err != nil || !strings.Contains(out, second[pc]+"  no review  (was: +") {
		t.Errorf("review unset: %v\n%s", err, out)
	}
	out, err = run(t, "", "analyze", "--workspace", ws, "--no-phrases", "--learn")
	if err != nil || !strings.Contains(out, "(2 of them reviewed passages of the workspace)") || !strings.Contains(out, "analysed 4") {
		t.Errorf("analyze --learn: %v\n%s", err, out)
	}
	out, err = run(t, "", "analyze", "--workspace", ws, "--no-phrases", "--learn")
	if err != nil || !strings.Contains(out, "up to date with its 2 reviews") || !strings.Contains(out, "analysed 0, unchanged 4") {
		t.Errorf("analyze --learn again: %v\n%s", err, out)
	}

	// A review typed into the workspace's own workbook is not lost to the
	// next run: the workbook is left as it is until the review is imported.
	f, err = excelize.OpenFile(workbook)
	if err != nil {
		t.Fatal(err)
	}
	rows, _ = f.GetRows(reports.SheetComments)
	fourth := rows[4]
	cell, _ := excelize.CoordinatesToCellName(rc+1, 5)
	f.SetCellStr(reports.SheetComments, cell, "+"+missingTheme(fourth[tc]))
	if err := f.Save(); err != nil {
		t.Fatal(err)
	}
	f.Close()
	if _, err := run(t, "", "review", "unset", "--workspace", ws, first[pc]); err != nil {
		t.Fatal(err)
	}
	out, err = run(t, "", "run", "--out", ws, "--no-phrases")
	if err != nil || !strings.Contains(out, "left as it is: it holds 1 review typed into its Review column and not imported") {
		t.Fatalf("run over a workbook with a review typed in: %v\n%s", err, out)
	}
	if out, err := run(t, "", "review", "import", "--workspace", ws, workbook); err != nil || !strings.Contains(out, "1 reviews changed") {
		t.Fatalf("import: %v\n%s", err, out)
	}
	out, err = run(t, "", "run", "--out", ws, "--no-phrases")
	if err != nil || !strings.Contains(out, "report.xlsx written") {
		t.Fatalf("run after the import: %v\n%s", err, out)
	}

	other := filepath.Join(t.TempDir(), "other")
	if out, err := run(t, "", "run", "--out", other, "--no-phrases"); err != nil {
		t.Fatalf("run: %v\n%s", err, out)
	}
	out, err = run(t, "", "review", "import", "--workspace", other, edited)
	if !errors.As(err, new(usageError)) || !strings.Contains(err.Error(), "written from another workspace") {
		t.Errorf("import into another workspace: %v\n%s", err, out)
	}
}

// missingTheme is a theme ID not among the "; "-separated themes.
func missingTheme(themes string) string {
	for _, id := range analysis.ThemeIDs {
		if !slices.Contains(strings.Split(themes, "; "), id) {
			return id
		}
	}
	return ""
}

// overviewValue is the value beside a label on a workbook's Overview.
func overviewValue(t *testing.T, path, label string) string {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows(reports.SheetOverview)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rows {
		if len(r) > 1 && r[0] == label {
			return r[1]
		}
	}
	t.Fatalf("the Overview has no %q", label)
	return ""
}
