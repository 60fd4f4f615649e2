package reports

import (
	"context"
	"io"
	"math"
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
	"github.com/scdebate/scdebate/index/indextest"
	"github.com/xuri/excelize/v2"
)

// TestLibreOfficeReadsWorkbook proves a second spreadsheet program reads
// the workbook: LibreOffice (Debian's libreoffice-calc) converts it to PDF,
// and the PDF (read with poppler-utils) has landscape pages with every
// sheet's header, the sample warning and the comments' text.
func TestLibreOfficeReadsWorkbook(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: drives LibreOffice")
	}
	soffice := fixtures.Tool(t, "libreoffice-calc", "libreoffice", "soffice")
	pdfinfo := fixtures.Tool(t, "poppler-utils", "pdfinfo")
	pdftotext := fixtures.Tool(t, "poppler-utils", "pdftotext")

	cfg := genConfig{Seed: 21, FirstSession: 78, Sessions: 2, Meetings: 1, Speeches: 8, Paragraphs: 4, Sample: true, Counterpart: "fr", Tricky: true}
	ws := genWorkspace(t, cfg)
	dir := t.TempDir()
	xlsx := filepath.Join(dir, "followup.xlsx")
	opts := Options{Counterpart: "fr", Taxonomy: testTaxonomy(), GeneratedAt: time.Date(2025, 6, 1, 9, 0, 0, 0, time.UTC)}
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
	for _, sheet := range []string{SheetOverview, SheetMatrix, SheetComments, SheetProposals, SheetTrends, SheetTopics, SheetSpeakers, SheetSources} {
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
	checkPrintedPages(ctx, t, pdftotext, pdf, pages, xlsx)
}

// printedPage is one page of the PDF: the sheet its header names, its
// text and its words with their boxes.
type printedPage struct {
	n     int
	sheet string
	text  string // as pdftotext -layout reads it, whitespace collapsed
	// flow is the text in reading order, a wrapped cell's lines together.
	flow  string
	words []printedWord
}

type printedWord struct {
	x0, y0, x1, y1 float64
	text           string
}

var (
	pageSheetRe = regexp.MustCompile(`scdebate — ([A-Za-z ]+?)\s{2,}`)
	bboxWordRe  = regexp.MustCompile(`<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>`)
	hexRe       = regexp.MustCompile(`^[0-9a-f]{6,}$`)
)

// checkPrintedPages checks the print layout page by page: every page's
// header dated in ISO form; the Trends pages without the emerging topics
// and those under their own header; every digest of the Sources sheet
// within its row; Themes by state on landscape pages that each hold a
// readable share of the themes, with every state's name in full.
func checkPrintedPages(ctx context.Context, t *testing.T, pdftotext, pdf string, n int, xlsx string) {
	t.Helper()
	var pages []printedPage
	for i := 1; i <= n; i++ {
		p := strconv.Itoa(i)
		text, err := exec.CommandContext(ctx, pdftotext, "-f", p, "-l", p, "-layout", pdf, "-").Output()
		if err != nil {
			t.Fatalf("pdftotext page %d: %v", i, err)
		}
		bbox, err := exec.CommandContext(ctx, pdftotext, "-f", p, "-l", p, "-bbox", pdf, "-").Output()
		if err != nil {
			t.Fatalf("pdftotext -bbox page %d: %v", i, err)
		}
		flow, err := exec.CommandContext(ctx, pdftotext, "-f", p, "-l", p, pdf, "-").Output()
		if err != nil {
			t.Fatalf("pdftotext page %d: %v", i, err)
		}
		pg := printedPage{n: i, text: strings.Join(strings.Fields(string(text)), " "), flow: strings.Join(strings.Fields(string(flow)), " ")}
		if m := pageSheetRe.FindStringSubmatch(string(text)); m != nil {
			pg.sheet = strings.TrimSpace(m[1])
		}
		for _, m := range bboxWordRe.FindAllStringSubmatch(string(bbox), -1) {
			var w printedWord
			w.x0, _ = strconv.ParseFloat(m[1], 64)
			w.y0, _ = strconv.ParseFloat(m[2], 64)
			w.x1, _ = strconv.ParseFloat(m[3], 64)
			w.y1, _ = strconv.ParseFloat(m[4], 64)
			w.text = m[5]
			pg.words = append(pg.words, w)
		}
		pages = append(pages, pg)
	}
	bySheet := map[string][]printedPage{}
	for _, pg := range pages {
		if pg.sheet == "" {
			t.Errorf("page %d has no sheet header", pg.n)
			continue
		}
		bySheet[pg.sheet] = append(bySheet[pg.sheet], pg)
		// The header's date is the generation date in ISO form, not the
		// printing day in a locale's order.
		if header, _, _ := strings.Cut(pg.text, " Page "); !strings.Contains(header[:min(len(header), 120)], "2025-06-01") {
			t.Errorf("page %d (%s): header without the ISO generation date: %.120q", pg.n, pg.sheet, pg.text)
		}
	}

	for _, pg := range bySheet[SheetTrends] {
		if strings.Contains(pg.text, "Emerging topics") || strings.Contains(pg.text, "G²") {
			t.Errorf("Trends page %d prints the emerging topics under the trends header", pg.n)
		}
	}
	if len(bySheet[SheetTopics]) == 0 {
		t.Error("no page prints the emerging topics")
	}
	for _, pg := range bySheet[SheetTopics] {
		if !strings.Contains(pg.text, "Phrase Themes Count Before G²") || strings.Contains(pg.text, "Trend change") {
			t.Errorf("Emerging topics page %d is not under its own header: %.300q", pg.n, pg.text)
		}
	}

	f, err := excelize.OpenFile(xlsx)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	checkPrintedDigests(t, f, bySheet[SheetSources])
	checkPrintedMatrix(t, f, bySheet[SheetMatrix])
}

// checkPrintedDigests checks every SHA-256 of the Sources sheet prints
// whole inside its row: its pieces joined give the digest, and none
// reaches down to the next row.
func checkPrintedDigests(t *testing.T, f *excelize.File, pages []printedPage) {
	t.Helper()
	rows, err := f.GetRows(SheetSources)
	if err != nil {
		t.Fatal(err)
	}
	symbolCol, digestCol := slices.Index(rows[0], "Symbol"), slices.Index(rows[0], "SHA-256")
	digests := map[string]bool{}
	for _, r := range rows[1:] {
		digests[r[digestCol]] = true
	}
	found := 0
	for _, pg := range pages {
		// Rows start where a symbol is printed in the first column.
		var rowTops []float64
		left := math.Inf(1)
		for _, w := range pg.words {
			left = math.Min(left, w.x0)
		}
		for _, w := range pg.words {
			if w.x0 < left+1 && slices.ContainsFunc(rows[1:], func(r []string) bool { return r[symbolCol] == w.text }) {
				rowTops = append(rowTops, w.y0)
			}
		}
		slices.Sort(rowTops)
		pieces := map[int]string{}
		for _, w := range pg.words {
			if !hexRe.MatchString(w.text) {
				continue
			}
			row := -1
			for i, top := range rowTops {
				if w.y0 >= top-1 {
					row = i
				}
			}
			if row < 0 {
				t.Errorf("page %d: digest piece %q above the first row", pg.n, w.text)
				continue
			}
			if row+1 < len(rowTops) && w.y1 > rowTops[row+1]+0.5 {
				t.Errorf("page %d: digest piece %q runs into the next row", pg.n, w.text)
			}
			pieces[row] += w.text
		}
		for row, d := range pieces {
			if !digests[d] {
				t.Errorf("page %d row %d: the digest prints as %q, not a whole SHA-256 of the sheet", pg.n, row+1, d)
				continue
			}
			found++
		}
	}
	if found != len(digests) {
		t.Errorf("%d of %d digests printed whole", found, len(digests))
	}
}

// checkPrintedMatrix checks Themes by state prints on pages that each
// hold many themes side by side (not a theme or two across a page of
// dots), and shows every state's name in full.
func checkPrintedMatrix(t *testing.T, f *excelize.File, pages []printedPage) {
	t.Helper()
	rows, err := f.GetRows(SheetMatrix)
	if err != nil {
		t.Fatal(err)
	}
	themes := (len(rows[1]) - 2) / 2
	perPage := 0
	for _, pg := range pages {
		own := strings.Count(" "+pg.text+" ", " own ")
		if own < 8 {
			t.Errorf("Themes by state page %d holds %d themes: too few to read across", pg.n, own)
		}
		perPage = max(perPage, own)
	}
	bands := (themes + perPage - 1) / max(perPage, 1)
	if len(pages)%bands != 0 {
		t.Errorf("Themes by state prints on %d pages, not whole bands of %d pages", len(pages), bands)
	}
	var all strings.Builder
	for _, pg := range pages {
		all.WriteString(pg.flow + " ")
	}
	text := all.String()
	long := 0
	for _, r := range rows[2:] {
		if len(r) == 0 || r[0] == "" {
			continue
		}
		if !strings.Contains(text, r[0]) {
			t.Errorf("Themes by state does not print %q in full", r[0])
		}
		if len(r[0]) > 30 {
			long++
		}
	}
	if long == 0 {
		t.Error("no long state name to check")
	}
}

// TestLibreOfficeKeepsReviews: a workbook whose Review cells were filled
// in and saved by LibreOffice still imports: the hidden stamp sheet, the
// Passage column and the text format of the Review column survive.
func TestLibreOfficeKeepsReviews(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: drives LibreOffice")
	}
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

	out, err := ImportReviews(context.Background(), indextest.Lock(t, ws), saved, ImportOptions{Taxonomy: testTaxonomy()})
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
