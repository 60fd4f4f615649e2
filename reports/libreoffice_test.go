package reports

import (
	"context"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/scdebate/scdebate/corpus"
	"github.com/scdebate/scdebate/corpus/fixtures"
	"github.com/xuri/excelize/v2"
)

// TestLibreOfficeReadsWorkbook proves a second spreadsheet program reads
// the workbook: LibreOffice (Debian's libreoffice-calc) converts it to PDF,
// and the PDF (read with poppler-utils) has landscape pages with every
// sheet's header, the sample warning and the comments' text.
func TestLibreOfficeReadsWorkbook(t *testing.T) {
	soffice := fixtures.Tool(t, "libreoffice-calc", "libreoffice", "soffice")
	pdfinfo := fixtures.Tool(t, "poppler-utils", "pdfinfo")
	pdftotext := fixtures.Tool(t, "poppler-utils", "pdftotext")

	cfg := genConfig{Seed: 21, FirstSession: 78, Sessions: 2, Meetings: 1, Speeches: 8, Paragraphs: 4, Sample: true, Counterpart: "fr", Tricky: true}
	ws := genWorkspace(t, cfg)
	dir := t.TempDir()
	xlsx := filepath.Join(dir, "followup.xlsx")
	opts := Options{Counterpart: "fr", Taxonomy: testTaxonomy()}
	err := corpus.WriteFileAtomic(xlsx, func(w io.Writer) error {
		return WriteWorkbook(context.Background(), w, ws, opts)
	})
	if err != nil {
		t.Fatal(err)
	}

	ctx, cancel := context.WithTimeout(context.Background(), 4*time.Minute)
	defer cancel()
	// A profile of its own, so that a running LibreOffice (or another test
	// run) does not take the conversion over.
	profile := "file://" + filepath.ToSlash(filepath.Join(dir, "profile"))
	cmd := exec.CommandContext(ctx, soffice, "-env:UserInstallation="+profile, "--headless", "--norestore",
		"--convert-to", "pdf", "--outdir", dir, xlsx)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("libreoffice: %v\n%s", err, out)
	}
	pdf := filepath.Join(dir, "followup.pdf")
	if fi, err := os.Stat(pdf); err != nil || fi.Size() == 0 {
		t.Fatalf("libreoffice wrote no PDF: %v", err)
	}

	info, err := exec.CommandContext(ctx, pdfinfo, pdf).Output()
	if err != nil {
		t.Fatalf("pdfinfo: %v", err)
	}
	m := regexp.MustCompile(`(?m)^Pages:\s+(\d+)`).FindSubmatch(info)
	if m == nil {
		t.Fatalf("pdfinfo gives no page count:\n%s", info)
	}
	pages, _ := strconv.Atoi(string(m[1]))
	if pages < 7 {
		t.Fatalf("%d pages, want at least one per sheet", pages)
	}
	size := regexp.MustCompile(`(?m)^Page size:\s+([\d.]+) x ([\d.]+)`).FindSubmatch(info)
	if size == nil {
		t.Fatalf("pdfinfo gives no page size:\n%s", info)
	}
	w, _ := strconv.ParseFloat(string(size[1]), 64)
	h, _ := strconv.ParseFloat(string(size[2]), 64)
	if w <= h {
		t.Fatalf("page %vx%v is not landscape", w, h)
	}

	text, err := exec.CommandContext(ctx, pdftotext, "-layout", pdf, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	flat := strings.Join(strings.Fields(string(text)), " ")
	want := []string{
		workbookTitle, "SAMPLE DATA", "NOT OFFICIAL RECORDS", "Page 1 of",
		"Coded comments", "Share 79th", "Text (fr)", "Request kind", "Delegation", "SHA-256",
		"Main themes: share of delegations raising them",
	}
	for _, sheet := range []string{SheetOverview, SheetMatrix, SheetComments, SheetProposals, SheetTrends, SheetSpeakers, SheetSources} {
		want = append(want, "scdebate — "+sheet)
	}
	// The first comment's opening words, printed in full in its wrapped
	// cell.
	first := expect(collect(genDocuments(cfg)), opts).comments[0]
	want = append(want, strings.Join(strings.Fields(first.text)[:4], " "))
	for _, s := range want {
		if !strings.Contains(flat, s) {
			t.Errorf("the PDF does not show %q", s)
		}
	}
}

// TestLibreOfficeKeepsReviews: a workbook whose Review cells were filled
// in and saved by LibreOffice still imports: the hidden stamp sheet, the
// Passage column and the text format of the Review column survive.
func TestLibreOfficeKeepsReviews(t *testing.T) {
	soffice := fixtures.Tool(t, "libreoffice-calc", "libreoffice", "soffice")
	cfg := genConfig{Seed: 23, FirstSession: 79, Sessions: 1, Meetings: 1, Speeches: 8, Paragraphs: 4}
	ws := genWorkspace(t, cfg)
	path := writeWorkbookFile(t, ws, Options{Taxonomy: testTaxonomy(), GeneratedAt: time.Now().Add(-time.Minute)})
	rows := commentRows(t, path)
	if len(rows) < 2 {
		t.Fatal("too few comments")
	}
	want := map[string]string{rows[0][ColumnPassage]: "none", rows[1][ColumnPassage]: "+" + themeNotIn(rows[1]["Themes"])}
	editWorkbook(t, path, func(f *excelize.File) { setReviews(t, f, want) })

	dir := t.TempDir()
	ctx, cancel := context.WithTimeout(context.Background(), 4*time.Minute)
	defer cancel()
	profile := "file://" + filepath.ToSlash(filepath.Join(dir, "profile"))
	cmd := exec.CommandContext(ctx, soffice, "-env:UserInstallation="+profile, "--headless", "--norestore",
		"--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", filepath.Join(dir, "saved"), path)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("libreoffice: %v\n%s", err, out)
	}
	saved := filepath.Join(dir, "saved", filepath.Base(path))
	f, err := excelize.OpenFile(saved)
	if err != nil {
		t.Fatal(err)
	}
	visible, err := f.GetSheetVisible(SheetStamp)
	if err != nil || visible {
		t.Errorf("stamp sheet after LibreOffice: visible %v, %v", visible, err)
	}
	all, _ := f.GetRows(SheetComments)
	cell, _ := excelize.CoordinatesToCellName(slices.Index(all[0], ColumnReview)+1, len(all)+5)
	style, _ := f.GetCellStyle(SheetComments, cell)
	if st, err := f.GetStyle(style); err != nil || st.NumFmt != 49 && (st.CustomNumFmt == nil || *st.CustomNumFmt != "@") {
		t.Errorf("an empty Review cell after LibreOffice is not formatted as text: %+v, %v", st, err)
	}
	f.Close()

	out, err := ImportReviews(context.Background(), ws, saved, ImportOptions{Taxonomy: testTaxonomy()})
	if err != nil {
		t.Fatal(err)
	}
	if len(out.Changed) != 2 || len(out.Skipped) != 0 {
		t.Fatalf("%+v", out)
	}
	for _, c := range out.Changed {
		if want[c.Passage] != c.After {
			t.Errorf("%s: %q, want %q", c.Passage, c.After, want[c.Passage])
		}
	}
}
