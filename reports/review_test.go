package reports

import (
	"archive/zip"
	"bytes"
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/scdebate/scdebate/analysis"
	"github.com/scdebate/scdebate/corpus"
	"github.com/scdebate/scdebate/index/indextest"
)

// writeWorkbookFile writes the workbook of ws to a file.
func writeWorkbookFile(t testing.TB, ws *corpus.Workspace, opts Options) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "report.xlsx")
	err := corpus.WriteFileAtomic(path, func(w io.Writer) error {
		return WriteWorkbook(context.Background(), w, ws, opts)
	})
	if err != nil {
		t.Fatal(err)
	}
	return path
}

// commentRow is a row of the Comments sheet, by column name.
type commentRow map[string]string

// commentRows reads the Comments sheet of a workbook.
func commentRows(t testing.TB, path string) []commentRow {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows(SheetComments)
	if err != nil {
		t.Fatal(err)
	}
	var out []commentRow
	for _, r := range rows[1:] {
		m := commentRow{}
		for i, name := range rows[0] {
			if i < len(r) {
				m[name] = r[i]
			}
		}
		out = append(out, m)
	}
	return out
}

// editWorkbook opens a workbook, lets edit change it, and saves it.
func editWorkbook(t testing.TB, path string, edit func(f *excelize.File)) {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	edit(f)
	if err := f.Save(); err != nil {
		t.Fatal(err)
	}
	f.Close()
}

// setReviews types reviews into the Review cells of the rows of the given
// passages.
func setReviews(t testing.TB, f *excelize.File, reviews map[string]string) {
	t.Helper()
	rows, err := f.GetRows(SheetComments)
	if err != nil {
		t.Fatal(err)
	}
	pc, rc := slices.Index(rows[0], ColumnPassage), slices.Index(rows[0], ColumnReview)
	if pc < 0 || rc < 0 {
		t.Fatalf("Comments header %q has no Passage or Review column", rows[0])
	}
	for i, r := range rows[1:] {
		if text, ok := reviews[r[pc]]; ok {
			cell, _ := excelize.CoordinatesToCellName(rc+1, i+2)
			if err := f.SetCellStr(SheetComments, cell, text); err != nil {
				t.Fatal(err)
			}
		}
	}
}

// themeNotIn is a theme of the taxonomy not among themes.
func themeNotIn(themes string) string {
	for _, id := range analysis.ThemeIDs {
		if !strings.Contains(themes, id) {
			return id
		}
	}
	return ""
}

// TestReviewRoundTrip: a review typed into the workbook's Review column
// comes back through ImportReviews to the workspace's annotations, analyze
// then has nothing to do, and the next workbook shows the reviewed codes
// (Provenance) and counts them (Overview).
func TestReviewRoundTrip(t *testing.T) {
	ws, _ := sampleWorkspace(t)
	opts := Options{GeneratedAt: time.Now().Add(-time.Minute)}
	path := writeWorkbookFile(t, ws, opts)
	rows := commentRows(t, path)
	if len(rows) < 3 || rows[0][ColumnPassage] == "" || rows[0][ColumnReview] != "" || rows[0][ColumnProvenance] == "" {
		t.Fatalf("Comments rows: %v", rows[:min(len(rows), 2)])
	}
	first, second := rows[0], rows[1]
	taken := strings.Split(first["Themes"], "; ")[0]
	added := themeNotIn(second["Themes"])
	editWorkbook(t, path, func(f *excelize.File) {
		setReviews(t, f, map[string]string{first[ColumnPassage]: "-" + taken, second[ColumnPassage]: "+" + added})
	})

	out, err := ImportReviews(context.Background(), indextest.Lock(t, ws), path, ImportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(out.Changed) != 2 || len(out.Skipped) != 0 || !out.Saved || len(out.Records) == 0 {
		t.Fatalf("outcome %+v", out)
	}
	// Imported again, nothing changes.
	again, err := ImportReviews(context.Background(), indextest.Lock(t, ws), path, ImportOptions{})
	if err != nil || len(again.Changed) != 0 || again.Unchanged != 2 {
		t.Fatalf("second import: %+v, %v", again, err)
	}

	tx := testTaxonomy()
	coder, err := analysis.NewCoder(tx, nil)
	if err != nil {
		t.Fatal(err)
	}
	res, err := coder.AnalyzeWorkspace(context.Background(), indextest.Lock(t, ws), analysis.AnalyzeOptions{})
	if err != nil || res.Written+res.Reviewed != 0 {
		t.Fatalf("analyze after the import did work: %+v, %v", res, err)
	}
	for _, tc := range []struct {
		row        commentRow
		theme      string
		present    bool
		provenance string
	}{
		{first, taken, false, "-" + taken + ": reviewed"},
		{second, added, true, added + ": reviewed"},
	} {
		ann := annotationOf(t, ws, tx, tc.row[ColumnPassage])
		if slices.Contains(ann.Themes, tc.theme) != tc.present || ann.Review == "" {
			t.Errorf("%s: themes %v, review %q", tc.row[ColumnPassage], ann.Themes, ann.Review)
		}
		if got := provenance(ann); !strings.Contains(got, tc.provenance) {
			t.Errorf("%s: provenance %q, want it to say %q", tc.row[ColumnPassage], got, tc.provenance)
		}
	}

	next := writeWorkbookFile(t, ws, Options{})
	for _, r := range commentRows(t, next) {
		if r[ColumnPassage] == second[ColumnPassage] && !strings.Contains(r[ColumnProvenance], added+": reviewed") {
			t.Errorf("the new workbook's provenance of %s: %q", second[ColumnPassage], r[ColumnProvenance])
		}
	}
	f, err := excelize.OpenFile(next)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	overview, _ := f.GetRows(SheetOverview)
	found := false
	for _, r := range overview {
		if len(r) > 1 && r[0] == "Reviewed codes" {
			found = true
			if !strings.HasPrefix(r[1], "1 codes set or confirmed and 1 taken away by experts' reviews, in 2 passages") {
				t.Errorf("Overview: %q", r[1])
			}
		}
	}
	if !found {
		t.Error("the Overview does not count the reviewed codes")
	}
}

// annotationOf is the annotation of a passage of ws.
func annotationOf(t testing.TB, ws *corpus.Workspace, tx *analysis.Taxonomy, id string) *analysis.ParagraphAnnotation {
	t.Helper()
	key, seq, n, err := corpus.ParsePassageID(id)
	if err != nil {
		t.Fatal(err)
	}
	rec, err := corpus.Load(t.Context(), ws.Path(corpus.RecordsDir, key+".json"))
	if err != nil {
		t.Fatal(err)
	}
	ann, err := analysis.ReadAnnotation(ws, rec.Source.SHA256, tx.Hash())
	if err != nil {
		t.Fatal(err)
	}
	for _, sa := range ann.Speeches {
		for i, pa := range sa.Paragraphs {
			if sa.Seq == seq && pa.N == n {
				return &sa.Paragraphs[i]
			}
		}
	}
	t.Fatalf("no annotation of %s", id)
	return nil
}

// TestImportReviewsBadInput: a workbook from another workspace or without
// a stamp is refused whole; a bad row is skipped with its row number and
// reason, the good rows are imported, and rows moved or deleted do no
// harm: nothing already reviewed is lost.
func TestImportReviewsBadInput(t *testing.T) {
	ws, _ := sampleWorkspace(t)
	path := writeWorkbookFile(t, ws, Options{GeneratedAt: time.Now().Add(-time.Hour)})
	rows := commentRows(t, path)
	if len(rows) < 8 {
		t.Fatalf("%d comments: too few for the test", len(rows))
	}
	id := func(i int) string { return rows[i][ColumnPassage] }
	add := func(i int) string { return "+" + themeNotIn(rows[i]["Themes"]) }

	// A review made before the workbook was written, whose row is then
	// deleted: it stays.
	kept := analysis.ReviewEdit{Passage: id(7), Text: add(7)}
	if _, err := analysis.EditReviews(context.Background(), indextest.Lock(t, ws), []analysis.ReviewEdit{kept}, analysis.ReviewOptions{Now: time.Now().Add(-2 * time.Hour)}); err != nil {
		t.Fatal(err)
	}
	// One made after: a row changing it is a conflict.
	if _, err := analysis.EditReviews(context.Background(), indextest.Lock(t, ws), []analysis.ReviewEdit{{Passage: id(6), Text: "none"}}, analysis.ReviewOptions{}); err != nil {
		t.Fatal(err)
	}

	t.Run("another workspace", func(t *testing.T) {
		other, _ := sampleWorkspace(t)
		_, err := ImportReviews(context.Background(), indextest.Lock(t, other), path, ImportOptions{})
		var se *WorkbookStampError
		if !errors.As(err, &se) || !strings.Contains(err.Error(), "written from another workspace") {
			t.Fatalf("error %v", err)
		}
	})
	t.Run("no stamp", func(t *testing.T) {
		p := copyFile(t, path)
		editWorkbook(t, p, func(f *excelize.File) {
			if err := f.DeleteSheet(SheetStamp); err != nil {
				t.Fatal(err)
			}
		})
		_, err := ImportReviews(context.Background(), indextest.Lock(t, ws), p, ImportOptions{})
		var se *WorkbookStampError
		if !errors.As(err, &se) || !strings.Contains(err.Error(), "no scdebate stamp") {
			t.Fatalf("error %v", err)
		}
	})
	t.Run("no Review column", func(t *testing.T) {
		p := copyFile(t, path)
		editWorkbook(t, p, func(f *excelize.File) {
			rows, _ := f.GetRows(SheetComments)
			cell, _ := excelize.CoordinatesToCellName(slices.Index(rows[0], ColumnReview)+1, 1)
			f.SetCellStr(SheetComments, cell, "Notes")
		})
		if _, err := ImportReviews(context.Background(), indextest.Lock(t, ws), p, ImportOptions{}); err == nil || !strings.Contains(err.Error(), `no "Passage" and "Review" columns`) {
			t.Fatalf("error %v", err)
		}
	})
	t.Run("not a workbook", func(t *testing.T) {
		p := filepath.Join(t.TempDir(), "notes.xlsx")
		os.WriteFile(p, []byte("a,b\n"), 0o644)
		if _, err := ImportReviews(context.Background(), indextest.Lock(t, ws), p, ImportOptions{}); err == nil || !strings.Contains(err.Error(), "not a workbook") {
			t.Fatalf("error %v", err)
		}
	})

	reviewsBefore, err := os.ReadFile(analysis.ReviewsFile(ws))
	if err != nil {
		t.Fatal(err)
	}
	p := copyFile(t, path)
	editWorkbook(t, p, func(f *excelize.File) {
		setReviews(t, f, map[string]string{
			id(0): add(0),               // good
			id(1): "+no-such-theme",     // unknown theme
			id(2): "veto",               // no sign
			id(3): add(3),               // good, then moved below
			id(6): add(6),               // reviewed after the workbook was written
			id(4): "-" + "transparency", // conflicting duplicate, below
		})
		rows, _ := f.GetRows(SheetComments)
		pc := slices.Index(rows[0], ColumnPassage)
		rc := slices.Index(rows[0], ColumnReview)
		// Row 5 (comment 3) moves to the end; comment 5's passage ID is
		// edited to one that does not exist; comment 4 appears twice.
		n := len(rows) + 1
		moved := rows[4]
		for c := range rows[0] {
			cell, _ := excelize.CoordinatesToCellName(c+1, n)
			v := ""
			if c < len(moved) {
				v = moved[c]
			}
			if c == rc {
				v = add(3)
			}
			f.SetCellStr(SheetComments, cell, v)
		}
		for c := range rows[0] {
			cell, _ := excelize.CoordinatesToCellName(c+1, 5)
			f.SetCellStr(SheetComments, cell, "")
		}
		cell, _ := excelize.CoordinatesToCellName(pc+1, 7)
		f.SetCellStr(SheetComments, cell, id(5)+"9")
		cell, _ = excelize.CoordinatesToCellName(rc+1, 7)
		f.SetCellStr(SheetComments, cell, "none")
		dup := n + 1
		cell, _ = excelize.CoordinatesToCellName(pc+1, dup)
		f.SetCellStr(SheetComments, cell, id(4))
		cell, _ = excelize.CoordinatesToCellName(rc+1, dup)
		f.SetCellStr(SheetComments, cell, "none")
		// The row of the review made before is deleted.
		if err := f.RemoveRow(SheetComments, 9); err != nil {
			t.Fatal(err)
		}
	})
	out, err := ImportReviews(context.Background(), indextest.Lock(t, ws), p, ImportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	var changed []string
	for _, c := range out.Changed {
		changed = append(changed, c.Passage)
	}
	slices.Sort(changed)
	want := []string{id(0), id(3)}
	slices.Sort(want)
	if !slices.Equal(changed, want) {
		t.Errorf("changed %v, want %v", changed, want)
	}
	skips := map[string]string{}
	for _, s := range out.Skipped {
		skips[s.Passage] = s.Error()
	}
	for passage, reason := range map[string]string{
		id(1):       `theme "no-such-theme": no such theme`,
		id(2):       "has no + or -",
		id(6):       "reviewed again (none)",
		id(4):       "with another review; neither is applied",
		id(5) + "9": "has no paragraph",
	} {
		if !strings.Contains(skips[passage], reason) || !strings.HasPrefix(skips[passage], "row ") {
			t.Errorf("%s: skipped as %q, want a row number and %q", passage, skips[passage], reason)
		}
	}
	if len(out.Skipped) != 6 { // the duplicate twice
		t.Errorf("%d skipped: %v", len(out.Skipped), out.Skipped)
	}
	rs, err := analysis.LoadReviews(ws)
	if err != nil {
		t.Fatal(err)
	}
	if r := rs.Get(id(7)); r == nil || r.String() != kept.Text {
		t.Errorf("the review of a deleted row was lost: %v", r)
	}
	if r := rs.Get(id(6)); r == nil || r.String() != "none" {
		t.Errorf("the newer review was changed: %v", r)
	}
	if string(reviewsBefore) == "" {
		t.Fatal("no reviews before")
	}

	t.Run("text changed since the workbook", func(t *testing.T) {
		key, seq, n, _ := corpus.ParsePassageID(id(0))
		recPath := ws.Path(corpus.RecordsDir, key+".json")
		rec, err := corpus.Load(t.Context(), recPath)
		if err != nil {
			t.Fatal(err)
		}
		rec.Paragraph(seq, n).Text += " (corrected)"
		if _, err := ws.Records().Put(rec); err != nil {
			t.Fatal(err)
		}
		p := copyFile(t, path)
		editWorkbook(t, p, func(f *excelize.File) { setReviews(t, f, map[string]string{id(0): "none"}) })
		out, err := ImportReviews(context.Background(), indextest.Lock(t, ws), p, ImportOptions{})
		if err != nil || len(out.Skipped) != 1 || !strings.Contains(out.Skipped[0].Error(), "text changed since this copy was made") {
			t.Fatalf("%+v, %v", out, err)
		}
	})
}

// TestImportReviewFormulaCell: a review a spreadsheet program took for a
// formula ("+veto" typed into a cell not formatted as text) is read from
// the formula.
func TestImportReviewFormulaCell(t *testing.T) {
	ws, _ := sampleWorkspace(t)
	path := writeWorkbookFile(t, ws, Options{GeneratedAt: time.Now().Add(-time.Minute)})
	rows := commentRows(t, path)
	target := rows[0][ColumnPassage]
	theme := themeNotIn(rows[0]["Themes"])
	editWorkbook(t, path, func(f *excelize.File) {
		all, _ := f.GetRows(SheetComments)
		cell, _ := excelize.CoordinatesToCellName(slices.Index(all[0], ColumnReview)+1, 2)
		if err := f.SetCellFormula(SheetComments, cell, "+"+theme); err != nil {
			t.Fatal(err)
		}
	})
	// As a spreadsheet program saves it: the formula, its value an error.
	formula := "<f>+" + theme + "</f>"
	rewriteWorksheets(t, path, func(xml string) string {
		return strings.Replace(xml, `t="str">`+formula+`</c>`, `t="e">`+formula+`<v>#NAME?</v></c>`, 1)
	})
	out, err := ImportReviews(context.Background(), indextest.Lock(t, ws), path, ImportOptions{})
	if err != nil || len(out.Changed) != 1 || out.Changed[0].Passage != target || out.Changed[0].After != "+"+theme {
		t.Fatalf("%+v, %v", out, err)
	}
}

// rewriteWorksheets rewrites the worksheets' XML in the workbook at path.
func rewriteWorksheets(t testing.TB, path string, rewrite func(string) string) {
	t.Helper()
	zr, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	changed := false
	for _, zf := range zr.File {
		rc, err := zf.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		if strings.HasPrefix(zf.Name, "xl/worksheets/") {
			if s := rewrite(string(b)); s != string(b) {
				b, changed = []byte(s), true
			}
		}
		w, err := zw.Create(zf.Name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write(b)
	}
	zr.Close()
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	if !changed {
		t.Fatal("nothing to rewrite in the worksheets")
	}
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

func copyFile(t testing.TB, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(t.TempDir(), filepath.Base(path))
	if err := os.WriteFile(p, b, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestProvenanceOfRemovedCodes(t *testing.T) {
	for _, tc := range []struct {
		name string
		pa   analysis.ParagraphAnnotation
		want string
	}{
		{"removed by the model", analysis.ParagraphAnnotation{
			Removed: []analysis.Code{{Theme: "veto", Source: analysis.CodeRule, Evidence: []string{"veto"}, Score: 0.08}},
		}, "-veto: model 0.08"},
		{"removed, then set by a review", analysis.ParagraphAnnotation{
			Codes:   []analysis.Code{{Theme: "veto", Source: analysis.CodeReviewed}},
			Coder:   &analysis.CoderVerdict{},
			Removed: []analysis.Code{{Theme: "veto", Source: analysis.CodeRule, Score: 0.08}},
		}, "veto: reviewed"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := provenance(&tc.pa); got != tc.want {
				t.Fatalf("provenance %q, want %q", got, tc.want)
			}
		})
	}
}

func TestConfidence(t *testing.T) {
	tests := []struct {
		name string
		pa   *analysis.ParagraphAnnotation
		want interface{}
	}{
		{"no annotation", nil, nil},
		{"the lowest scored code", &analysis.ParagraphAnnotation{Codes: []analysis.Code{
			{Theme: "veto", Source: analysis.CodeRule, Score: 0.934},
			{Theme: "transparency", Source: analysis.CodeRule, Score: 0.186},
			{Theme: "open-debates", Source: analysis.CodeModel, Score: 0.41},
		}}, 0.19},
		{"a reviewed code is certain", &analysis.ParagraphAnnotation{Codes: []analysis.Code{
			{Theme: "veto", Source: analysis.CodeReviewed},
			{Theme: "transparency", Source: analysis.CodeRule, Score: 0.72},
		}}, 0.72},
		{"the taxonomy alone gives no score", &analysis.ParagraphAnnotation{Codes: []analysis.Code{
			{Theme: "veto", Source: analysis.CodeRule},
		}}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := confidence(tt.pa); got != tt.want {
				t.Errorf("confidence = %v, want %v", got, tt.want)
			}
		})
	}
}
