package reports

import (
	"archive/zip"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"math"
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/scdebate/scdebate/corpus"
	"github.com/xuri/excelize/v2"
)

var smallCorpus = genConfig{Seed: 7, FirstSession: 77, Sessions: 3, Meetings: 2, Speeches: 14, Paragraphs: 6, Tricky: true}

func TestWorkbook(t *testing.T) {
	fixed := time.Date(2025, 3, 4, 10, 30, 0, 0, time.UTC)
	tests := []struct {
		name   string
		cfg    genConfig
		opts   Options
		sheets []string
	}{
		{
			name:   "every session",
			cfg:    smallCorpus,
			sheets: []string{SheetOverview, SheetMatrix, SheetComments, SheetProposals, SheetTrends, SheetSpeakers, SheetSources},
		},
		{
			name:   "one session",
			cfg:    smallCorpus,
			opts:   Options{Sessions: []corpus.SessionRange{{From: 79, To: 79}}},
			sheets: []string{SheetOverview, SheetMatrix, SheetComments, SheetProposals, SheetSpeakers, SheetSources},
		},
		{
			name:   "one session with trends",
			cfg:    smallCorpus,
			opts:   Options{Sessions: []corpus.SessionRange{{From: 78, To: 78}}, Trends: true},
			sheets: []string{SheetOverview, SheetMatrix, SheetComments, SheetProposals, SheetTrends, SheetSpeakers, SheetSources},
		},
		{
			name:   "theme and states",
			cfg:    smallCorpus,
			opts:   Options{Themes: []string{"veto", "transparency"}, Countries: []string{"FRA", "MEX", "NZL"}},
			sheets: []string{SheetOverview, SheetMatrix, SheetComments, SheetProposals, SheetTrends, SheetSpeakers, SheetSources},
		},
		{
			name:   "group",
			cfg:    smallCorpus,
			opts:   Options{Groups: []string{"act"}, Sessions: []corpus.SessionRange{{From: 78, To: 79}}},
			sheets: []string{SheetOverview, SheetMatrix, SheetComments, SheetProposals, SheetTrends, SheetSpeakers, SheetSources},
		},
		{
			name: "search hits",
			cfg:  smallCorpus,
			opts: Options{Keep: func(symbol, lang string, seq, n int) bool {
				return lang == "en" && (seq+n)%3 == 0 && !strings.HasSuffix(symbol, "PV.22")
			}},
			sheets: []string{SheetOverview, SheetMatrix, SheetComments, SheetProposals, SheetTrends, SheetSpeakers, SheetSources},
		},
		{
			name:   "sample with counterpart",
			cfg:    genConfig{Seed: 3, FirstSession: 78, Sessions: 2, Meetings: 1, Speeches: 10, Paragraphs: 5, Sample: true, Counterpart: "fr"},
			opts:   Options{Counterpart: "fr"},
			sheets: []string{SheetOverview, SheetMatrix, SheetComments, SheetProposals, SheetTrends, SheetSpeakers, SheetSources},
		},
		{
			name:   "capped",
			cfg:    smallCorpus,
			opts:   Options{MaxRows: 25, Sessions: []corpus.SessionRange{{From: 77, To: 77}}},
			sheets: []string{SheetOverview, SheetMatrix, SheetComments, SheetProposals, SheetSpeakers, SheetSources},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ws := genWorkspace(t, tt.cfg)
			opts := tt.opts
			opts.Taxonomy = testTaxonomy()
			opts.GeneratedAt = fixed
			var buf bytes.Buffer
			if err := WriteWorkbook(context.Background(), &buf, ws, opts); err != nil {
				t.Fatal(err)
			}
			want := expect(collect(genDocuments(tt.cfg)), opts)
			// Every case with trends has a session before its latest, in
			// scope or as a baseline, for the emerging topics.
			sheets := tt.sheets
			if i := slices.Index(sheets, SheetTrends); i >= 0 {
				sheets = slices.Insert(slices.Clone(sheets), i+1, SheetTopics)
				if len(want.speakers) > 1 {
					want.emerging = genEmergingPhrase
				}
			}
			checkWorkbook(t, buf.Bytes(), sheets, want, opts)
		})
	}
}

// checkWorkbook reads a workbook back and checks it against what the
// records and annotations say it must contain.
func checkWorkbook(t *testing.T, data []byte, sheets []string, want expectation, opts Options) {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("workbook does not open: %v", err)
	}
	defer f.Close()
	if got, want := f.GetSheetList(), append(slices.Clone(sheets), SheetStamp); !slices.Equal(got, want) {
		t.Fatalf("sheets = %v, want %v", got, want)
	}
	if visible, err := f.GetSheetVisible(SheetStamp); err != nil || visible {
		t.Fatalf("the stamp sheet is visible (%v)", err)
	}
	if len(want.comments) == 0 {
		t.Fatal("test corpus selects no comments: the case checks nothing")
	}

	// Comments: header, one row per coded paragraph in order, the themes,
	// proposal flag, text, counterpart and link of each.
	cols := append([]string(nil), CommentColumns...)
	if opts.Counterpart != "" {
		cols = append(cols[:len(cols)-2], "Text ("+opts.Counterpart+")", "Link", ColumnPassage)
	}
	cols = slices.Insert(cols, slices.Index(cols, ColumnProvenance)+1, ColumnReview)
	rows := sheetRows(t, f, SheetComments)
	if !slices.Equal(rows[0], cols) {
		t.Fatalf("Comments header = %q, want %q", rows[0], cols)
	}
	wantRows := len(want.comments)
	if opts.MaxRows > 0 {
		wantRows = min(wantRows, opts.MaxRows)
	}
	if got := len(rows) - 1; got != wantRows {
		t.Fatalf("Comments has %d rows, want %d", got, wantRows)
	}
	col := func(name string) int { return slices.Index(cols, name) }
	for i, row := range rows[1:] {
		c := want.comments[i]
		row = append(row, make([]string, len(cols)-len(row))...)
		checks := map[string]string{
			"Symbol": c.rec.Symbol, "Paragraph": strconv.Itoa(c.n), "Page": strconv.Itoa(c.page),
			"Country code": c.sp.CountryCode, "State": c.stateName(), "Speaker": c.speakerName(),
			"Themes": c.themesText(), "Proposal": yesNo(c.proposal), "Text": c.text,
			"Session": strconv.Itoa(*c.rec.Session), "Date": c.rec.Date, "Link": c.link(),
			ColumnPassage: corpus.PassageID(corpus.RecordKey(c.rec), c.sp.Seq, c.n), ColumnReview: "",
		}
		if opts.Counterpart != "" {
			checks["Text ("+opts.Counterpart+")"] = c.counterpart
		}
		for name, v := range checks {
			if got := row[col(name)]; got != v {
				t.Fatalf("Comments row %d %s = %q, want %q", i+2, name, got, v)
			}
		}
	}
	checkTable(t, f, SheetComments, len(cols), wantRows)

	// Every formula is a well-formed HYPERLINK to the official record whose
	// cached value is what it computes to; sample records have none.
	links := checkFormulas(t, f)
	if want.sample {
		if links != 0 {
			t.Fatalf("sample workbook has %d links to official records", links)
		}
	} else if links == 0 {
		t.Fatal("no links in the workbook")
	}

	// Proposals, Speakers and Sources have one row per request, speech and
	// document.
	for _, tc := range []struct {
		sheet string
		cols  []column
		rows  int
	}{
		{SheetProposals, proposalColumns, want.proposals},
		{SheetSpeakers, speakerColumns, want.speeches},
		{SheetSources, sourceColumns, len(want.docs)},
	} {
		rows := sheetRows(t, f, tc.sheet)
		var names []string
		for _, c := range tc.cols {
			names = append(names, c.name)
		}
		if !slices.Equal(rows[0], names) {
			t.Fatalf("%s header = %q, want %q", tc.sheet, rows[0], names)
		}
		if got := len(rows) - 1; got != tc.rows {
			t.Fatalf("%s has %d rows, want %d", tc.sheet, got, tc.rows)
		}
		checkTable(t, f, tc.sheet, len(names), tc.rows)
	}
	checkProposers(t, f, want)
	srcRows := sheetRows(t, f, SheetSources)
	for i, rec := range want.docs {
		if got := srcRows[i+1][slices.Index(srcRows[0], "SHA-256")]; got != rec.Source.SHA256 {
			t.Fatalf("Sources row %d sha256 = %q, want %q", i+2, got, rec.Source.SHA256)
		}
	}

	checkMatrix(t, f, want, opts)
	checkOverview(t, f, want, opts)
	if slices.Contains(sheets, SheetTrends) {
		checkTrends(t, f, data, want)
	}
	for _, sheet := range sheets {
		layout, err := f.GetPageLayout(sheet)
		if err != nil || layout.Orientation == nil || *layout.Orientation != "landscape" {
			t.Fatalf("%s is not laid out landscape: %v", sheet, err)
		}
		hf, err := f.GetHeaderFooter(sheet)
		if err != nil {
			t.Fatal(err)
		}
		if got := strings.Contains(hf.OddHeader, "SAMPLE"); got != want.sample {
			t.Fatalf("%s page header %q: sample warning %v, want %v", sheet, hf.OddHeader, got, want.sample)
		}
	}
	titles := map[string]bool{}
	for _, dn := range f.GetDefinedName() {
		if dn.Name == "_xlnm.Print_Titles" {
			titles[dn.Scope] = true
		}
	}
	for _, sheet := range []string{SheetComments, SheetProposals, SheetSpeakers, SheetSources, SheetMatrix} {
		if !titles[sheet] {
			t.Fatalf("%s has no print titles", sheet)
		}
	}
}

func sheetRows(t *testing.T, f *excelize.File, sheet string) [][]string {
	t.Helper()
	rows, err := f.GetRows(sheet)
	if err != nil {
		t.Fatalf("%s: %v", sheet, err)
	}
	if len(rows) == 0 {
		t.Fatalf("%s is empty", sheet)
	}
	return rows
}

// checkTable checks a sheet's Excel table spans its header and rows and
// that the header row is frozen.
func checkTable(t *testing.T, f *excelize.File, sheet string, cols, rows int) {
	t.Helper()
	tables, err := f.GetTables(sheet)
	if err != nil || len(tables) != 1 {
		t.Fatalf("%s: tables %v, %v", sheet, tables, err)
	}
	last, _ := excelize.CoordinatesToCellName(cols, max(rows+1, 2))
	if tables[0].Range != "A1:"+last {
		t.Fatalf("%s table range %s, want A1:%s", sheet, tables[0].Range, last)
	}
	panes, err := f.GetPanes(sheet)
	if err != nil || !panes.Freeze || panes.YSplit != 1 {
		t.Fatalf("%s header not frozen: %+v %v", sheet, panes, err)
	}
}

var hyperlinkRe = regexp.MustCompile(`^HYPERLINK\("([^"]*)","([^"]*)"\)$`)

// checkFormulas checks every formula of the workbook and returns the
// number of links.
func checkFormulas(t *testing.T, f *excelize.File) int {
	t.Helper()
	links := 0
	for _, sheet := range f.GetSheetList() {
		rows, err := f.GetRows(sheet)
		if err != nil {
			t.Fatal(err)
		}
		for r, row := range rows {
			for c := range row {
				cell, _ := excelize.CoordinatesToCellName(c+1, r+1)
				formula, err := f.GetCellFormula(sheet, cell)
				if err != nil {
					t.Fatal(err)
				}
				if hl, _, _ := f.GetCellHyperLink(sheet, cell); hl {
					links++
					checkLink(t, sheet, cell, hyperlinkTarget(t, f, sheet, cell))
				}
				if formula == "" {
					continue
				}
				m := hyperlinkRe.FindStringSubmatch(formula)
				if m == nil {
					t.Fatalf("%s!%s: unexpected formula %q", sheet, cell, formula)
				}
				checkLink(t, sheet, cell, m[1])
				cached, _ := f.GetCellValue(sheet, cell)
				calc, err := f.CalcCellValue(sheet, cell)
				if err != nil || calc != cached || cached != m[2] {
					t.Fatalf("%s!%s: %s computes %q (%v), cached %q", sheet, cell, formula, calc, err, cached)
				}
				links++
			}
		}
	}
	return links
}

func hyperlinkTarget(t *testing.T, f *excelize.File, sheet, cell string) string {
	_, target, err := f.GetCellHyperLink(sheet, cell)
	if err != nil {
		t.Fatal(err)
	}
	return target
}

// checkLink checks a link goes to a record on the UN document service.
func checkLink(t *testing.T, sheet, cell, link string) {
	t.Helper()
	u, err := url.Parse(link)
	if err != nil || u.Scheme != "https" || u.Host != "undocs.org" {
		t.Fatalf("%s!%s: bad link %q: %v", sheet, cell, link, err)
	}
	lang, symbol, ok := strings.Cut(strings.TrimPrefix(u.Path, "/"), "/")
	if !ok || len(lang) != 2 || !regexp.MustCompile(`^[AS]/`).MatchString(symbol) {
		t.Fatalf("%s!%s: link %q names no language and symbol", sheet, cell, link)
	}
}

// checkMatrix compares the column sums of Themes by state with the own and
// via-group paragraphs per theme.
func checkMatrix(t *testing.T, f *excelize.File, want expectation, opts Options) {
	t.Helper()
	rows := sheetRows(t, f, SheetMatrix)
	if !strings.HasPrefix(rows[0][0], "State\n") || rows[1][2] != "own" || rows[1][3] != "via" {
		t.Fatalf("Themes by state header = %q / %q", rows[0], rows[1])
	}
	ids := testThemeIDs()
	for c := 2; c+1 < len(rows[0]); c += 2 {
		name := rows[0][c]
		if name == "Total" {
			break
		}
		id := ids[name]
		if id == "" {
			t.Fatalf("Themes by state column %q is no theme", name)
		}
		if len(opts.Themes) > 0 && !slices.Contains(opts.Themes, id) {
			t.Fatalf("Themes by state shows %s, filtered out", id)
		}
		var own, via int
		for _, row := range rows[2:] {
			if len(opts.Countries) > 0 && !slices.Contains(opts.Countries, row[1]) {
				t.Fatalf("Themes by state lists %q, filtered out", row[1])
			}
			own += atoiCell(row, c)
			via += atoiCell(row, c+1)
		}
		if len(opts.Countries) == 0 && (own != want.own[id] || via != want.via[id]) {
			t.Fatalf("Themes by state %s: own %d via %d, want %d and %d", id, own, via, want.own[id], want.via[id])
		}
	}
	cfs, err := f.GetConditionalFormats(SheetMatrix)
	if err != nil || len(cfs) != 2 {
		t.Fatalf("Themes by state heat map: %d conditional formats, %v", len(cfs), err)
	}
	panes, err := f.GetPanes(SheetMatrix)
	if err != nil || !panes.Freeze || panes.XSplit != 2 || panes.YSplit != 2 {
		t.Fatalf("Themes by state headers not frozen: %+v", panes)
	}
}

func atoiCell(row []string, i int) int {
	if i >= len(row) {
		return 0
	}
	n, _ := strconv.Atoi(strings.ReplaceAll(row[i], ",", ""))
	return n
}

// checkOverview checks the scope, the sample banner and the theme table.
func checkOverview(t *testing.T, f *excelize.File, want expectation, opts Options) {
	t.Helper()
	rows := sheetRows(t, f, SheetOverview)
	values := map[string]string{}
	themeRows := map[string][]string{}
	inThemes := false
	for _, row := range rows {
		if len(row) < 2 {
			continue
		}
		if row[0] == "Theme" && row[1] == "ID" {
			inThemes = true
			continue
		}
		if inThemes && len(row) >= 6 {
			themeRows[row[1]] = row
			continue
		}
		values[row[0]] = row[1]
	}
	if got := values["Coded comments"]; got != strconv.Itoa(len(want.comments)) {
		t.Fatalf("Overview coded comments = %q, want %d", got, len(want.comments))
	}
	delegations := map[string]bool{}
	for _, keys := range want.speakers {
		for k := range keys {
			delegations[k] = true
		}
	}
	if got := values["Delegations taking the floor"]; got != strconv.Itoa(len(delegations)) {
		t.Fatalf("Overview delegations = %q, want %d", got, len(delegations))
	}
	if got := values["Documents"]; got != strconv.Itoa(len(want.docs)) {
		t.Fatalf("Overview documents = %q, want %d", got, len(want.docs))
	}
	if values["Generated (UTC)"] != opts.GeneratedAt.UTC().Format("2006-01-02 15:04") || values["Taxonomy"] != "embedded themes.yaml ("+testTaxonomy().Hash()+")" {
		t.Fatalf("Overview generated %q, taxonomy %q", values["Generated (UTC)"], values["Taxonomy"])
	}
	banner := len(rows[1]) > 0 && strings.Contains(rows[1][0], "SAMPLE DATA")
	if banner != want.sample {
		t.Fatalf("Overview sample banner %v, want %v (row 2: %q)", banner, want.sample, rows[1])
	}
	for id, n := range want.paragraphs {
		row := themeRows[id]
		if row == nil || atoiCell(row, 5) != n {
			t.Fatalf("Overview theme %s: %q, want %d paragraphs", id, row, n)
		}
	}
	if opts.MaxRows > 0 && opts.MaxRows < len(want.comments) && values["Comments sheet cut"] == "" {
		t.Fatal("Overview does not say the Comments sheet was cut")
	}
}

// checkTrends checks the shares per session and that the chart is in the
// package, drawn on the Trends sheet.
func checkTrends(t *testing.T, f *excelize.File, data []byte, want expectation) {
	t.Helper()
	rows := sheetRows(t, f, SheetTrends)
	hdr := rows[3]
	if hdr[0] != "Theme" || hdr[len(hdr)-1] != "Trend" {
		t.Fatalf("Trends header = %q", hdr)
	}
	sessions := hdr[2 : len(hdr)-2]
	checked := 0
	for _, row := range rows[4:] {
		if len(row) > 0 && row[0] == "Delegations taking the floor" {
			break
		}
		if len(row) < 2 || row[1] == "" {
			continue
		}
		id := row[1]
		for i, s := range sessions {
			n, _ := strconv.Atoi(strings.TrimRight(s, "stndrh"))
			cell, _ := excelize.CoordinatesToCellName(3+i, slices.IndexFunc(rows, func(r []string) bool { return len(r) > 1 && r[1] == id })+1)
			raw, err := f.GetCellValue(SheetTrends, cell, excelize.Options{RawCellValue: true})
			if err != nil {
				t.Fatal(err)
			}
			if len(want.speakers[n]) == 0 {
				if raw != "" {
					t.Fatalf("Trends %s session %d = %q for a session without statements", id, n, raw)
				}
				continue
			}
			got, _ := strconv.ParseFloat(raw, 64)
			wantShare := float64(len(want.themeSpeakers[n][id])) / float64(len(want.speakers[n]))
			if math.Abs(got-wantShare) > 1e-9 {
				t.Fatalf("Trends %s session %d = %v, want %v", id, n, got, wantShare)
			}
			checked++
		}
		withStatements := 0
		for _, s := range sessions {
			n, _ := strconv.Atoi(strings.TrimRight(s, "stndrh"))
			if len(want.speakers[n]) > 0 {
				withStatements++
			}
		}
		if withStatements > 1 {
			flagCol := 2 + len(sessions) + 1
			if flagCol >= len(row) {
				t.Fatalf("Trends %s has no flag: %q", id, row)
			}
			if flag := row[flagCol]; flag != flagRising && flag != flagFalling && flag != flagSteady {
				t.Fatalf("Trends %s flag %q", id, flag)
			}
		}
	}
	if checked == 0 {
		t.Fatal("Trends has no shares")
	}
	// The generated corpus has a phrase that appears from the second
	// session on: it emerges in the latest session, uncovered by themes.
	emerging := false
	if slices.Contains(f.GetSheetList(), SheetTopics) {
		topics := sheetRows(t, f, SheetTopics)
		if len(topics) < 4 || !strings.HasPrefix(topics[0][0], "Emerging topics in the "+sessions[len(sessions)-1]) || topics[3][0] != "Phrase" {
			t.Fatalf("Emerging topics sheet opens %q", topics[:min(4, len(topics))])
		}
		for _, r := range topics[4:] {
			emerging = emerging || (len(r) > 1 && r[0] == want.emerging && r[1] == "not covered")
		}
	}
	if want.emerging != "" && !emerging {
		t.Fatal("the Emerging topics sheet does not list the emerging phrase")
	}
	for _, row := range rows {
		if len(row) > 0 && strings.HasPrefix(row[0], "Emerging topics") {
			t.Fatal("the Trends sheet lists emerging topics under its own header")
		}
	}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	var chart, drawingRel bool
	for _, zf := range zr.File {
		if strings.HasPrefix(zf.Name, "xl/charts/chart") {
			rc, _ := zf.Open()
			b, _ := io.ReadAll(rc)
			rc.Close()
			chart = bytes.Contains(b, []byte("lineChart>")) && bytes.Contains(b, []byte("Trends&#39;!$C$4:"))
		}
		if strings.HasPrefix(zf.Name, "xl/drawings/_rels/") {
			drawingRel = true
		}
	}
	if !chart || !drawingRel {
		t.Fatalf("Trends line chart missing (chart %v, drawing %v)", chart, drawingRel)
	}
}

func TestWorkbookFromMatchesWorkspace(t *testing.T) {
	cfg := smallCorpus
	ws := genWorkspace(t, cfg)
	id, err := ws.ID()
	if err != nil {
		t.Fatal(err)
	}
	opts := Options{Taxonomy: testTaxonomy(), GeneratedAt: time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC), WorkspaceID: id}
	var a, b bytes.Buffer
	if err := WriteWorkbook(context.Background(), &a, ws, opts); err != nil {
		t.Fatal(err)
	}
	if err := WriteWorkbookFrom(context.Background(), &b, genDocuments(cfg), opts); err != nil {
		t.Fatal(err)
	}
	ra, rb := workbookRows(t, a.Bytes()), workbookRows(t, b.Bytes())
	if ra != rb {
		t.Fatal("the workspace and the iterator give different workbooks for the same corpus")
	}
}

// workbookRows renders every sheet's cells as text.
func workbookRows(t *testing.T, data []byte) string {
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var sb strings.Builder
	for _, sheet := range f.GetSheetList() {
		rows, _ := f.GetRows(sheet)
		fmt.Fprintf(&sb, "%s %q\n", sheet, rows)
	}
	return sb.String()
}

func TestWorkbookCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	err := WriteWorkbookFrom(ctx, io.Discard, genDocuments(smallCorpus), Options{Taxonomy: testTaxonomy()})
	if err != context.Canceled {
		t.Fatalf("err = %v, want context.Canceled", err)
	}
}

// TestWorkbookCancelledAfterStreaming cancels the workbook once its last
// document is read: the sheets it still had to lay out and save are not
// written for a caller that has gone.
func TestWorkbookCancelledAfterStreaming(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	docs := func(yield func(*Document, error) bool) {
		for d, err := range genDocuments(smallCorpus) {
			if !yield(d, err) {
				return
			}
		}
		cancel()
	}
	var out bytes.Buffer
	if err := WriteWorkbookFrom(ctx, &out, docs, Options{Taxonomy: testTaxonomy()}); !errors.Is(err, context.Canceled) || out.Len() > 0 {
		t.Fatalf("err = %v, %d bytes written; want context.Canceled and nothing", err, out.Len())
	}
}

// checkProposers checks each Proposals row's count of the states and groups
// that made the same kind of request on the same theme.
func checkProposers(t *testing.T, f *excelize.File, want expectation) {
	t.Helper()
	type key struct{ theme, kind string }
	states := map[key]map[string]bool{}
	groups := map[key]map[string]bool{}
	for _, c := range want.comments {
		if !c.proposal {
			continue
		}
		add := func(theme, kind string) {
			k := key{theme, kind}
			if states[k] == nil {
				states[k], groups[k] = map[string]bool{}, map[string]bool{}
			}
			switch {
			case c.sp.CountryCode != "":
				states[k][c.sp.CountryCode] = true
			case c.sp.Delegation != "":
				states[k]["~"+c.sp.Delegation] = true
			}
			for _, g := range c.groups {
				groups[k][g.ID] = true
				for _, m := range g.Members {
					states[k][m] = true
				}
			}
		}
		found := false
		for _, s := range c.sentences {
			if s.Proposal == "" {
				continue
			}
			found = true
			themes := s.Themes
			if len(themes) == 0 {
				themes = c.counted
			}
			for _, th := range themes {
				if slices.Contains(c.counted, th) {
					add(th, s.Proposal)
				}
			}
		}
		if !found {
			for _, th := range c.counted {
				add(th, "request")
			}
		}
	}
	names := testThemeIDs()
	for i, row := range sheetRows(t, f, SheetProposals)[1:] {
		k := key{names[row[0]], row[1]}
		if states[k] == nil {
			t.Fatalf("Proposals row %d: no %s request on %s expected", i+2, row[1], row[0])
		}
		if atoiCell(row, 2) != len(states[k]) || atoiCell(row, 3) != len(groups[k]) {
			t.Fatalf("Proposals row %d (%s, %s): %s states and %s groups, want %d and %d",
				i+2, row[0], row[1], row[2], row[3], len(states[k]), len(groups[k]))
		}
	}
}

func TestArabicRightToLeft(t *testing.T) {
	cfg := genConfig{Seed: 9, FirstSession: 79, Sessions: 1, Meetings: 1, Speeches: 6, Paragraphs: 3, Counterpart: "ar"}
	var buf bytes.Buffer
	opts := Options{Counterpart: "ar", Taxonomy: testTaxonomy()}
	if err := WriteWorkbookFrom(context.Background(), &buf, genDocuments(cfg), opts); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		cell string
		rtl  bool
	}{{"P2", false}, {"Q2", true}} {
		id, err := f.GetCellStyle(SheetComments, tc.cell)
		if err != nil {
			t.Fatal(err)
		}
		st, err := f.GetStyle(id)
		if err != nil {
			t.Fatal(err)
		}
		if got := st.Alignment != nil && st.Alignment.ReadingOrder == 2; got != tc.rtl {
			t.Fatalf("%s right to left %v, want %v", tc.cell, got, tc.rtl)
		}
	}
}
