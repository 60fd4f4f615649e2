package reports

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/scdebate/scdebate/analysis"
	"github.com/scdebate/scdebate/corpus"
	"github.com/xuri/excelize/v2"
)

// cellWriter writes cells of a sheet with the ordinary API and keeps the
// first error.
type cellWriter struct {
	f      *excelize.File
	sheet  string
	header int // the header style
	// wrapping are the styles that wrap text: rows are made as high as
	// their wrapped cells need.
	wrapping map[int]bool
	widthOf  []float64         // column widths
	texts    map[[2]int]string // wrapped text by column and row
	spans    map[[2]int]int    // merged columns from a cell
	err      error
}

func (wb *workbook) cellWriter(sheet string) *cellWriter {
	st := wb.st
	return &cellWriter{
		f: wb.f, sheet: sheet, header: st.header,
		wrapping: map[int]bool{st.wrap: true, st.note: true, st.bad: true, st.scope: true, st.banner: true, st.header: true},
		texts:    map[[2]int]string{}, spans: map[[2]int]int{},
	}
}

func (w *cellWriter) set(col, row int, v interface{}, style int) {
	if w.err != nil {
		return
	}
	if text, ok := v.(string); ok && w.wrapping[style] {
		w.texts[[2]int{col, row}] = text
	}
	cell, err := excelize.CoordinatesToCellName(col, row)
	if err == nil {
		err = w.f.SetCellValue(w.sheet, cell, v)
	}
	if err == nil && style != 0 {
		err = w.f.SetCellStyle(w.sheet, cell, cell, style)
	}
	w.err = err
}

func (w *cellWriter) style(fromCol, fromRow, toCol, toRow, style int) {
	if w.err != nil {
		return
	}
	a, _ := excelize.CoordinatesToCellName(fromCol, fromRow)
	b, _ := excelize.CoordinatesToCellName(toCol, toRow)
	w.err = w.f.SetCellStyle(w.sheet, a, b, style)
}

func (w *cellWriter) merge(fromCol, fromRow, toCol, toRow int) {
	if w.err != nil {
		return
	}
	a, _ := excelize.CoordinatesToCellName(fromCol, fromRow)
	b, _ := excelize.CoordinatesToCellName(toCol, toRow)
	w.err = w.f.MergeCell(w.sheet, a, b)
	w.spans[[2]int{fromCol, fromRow}] = toCol - fromCol + 1
}

// fitRows makes every row with wrapped text as high as the text needs
// (LibreOffice and printers do not fit rows when they open a workbook).
func (w *cellWriter) fitRows() {
	lines := map[int]int{}
	for at, text := range w.texts {
		col, row := at[0], at[1]
		span := max(1, w.spans[at])
		width := 0.0
		for c := col; c < col+span; c++ {
			if c-1 < len(w.widthOf) {
				width += w.widthOf[c-1]
			} else {
				width += 9 // excelize's default column width
			}
		}
		lines[row] = max(lines[row], wrappedLines(text, width))
	}
	for row, n := range lines {
		if w.err != nil || n < 2 {
			continue
		}
		h, err := w.f.GetRowHeight(w.sheet, row)
		if err != nil {
			w.err = err
			return
		}
		if need := rowHeight(n); need > h {
			w.err = w.f.SetRowHeight(w.sheet, row, need)
		}
	}
}

// height sets a row's height in points.
func (w *cellWriter) height(row int, points float64) {
	if w.err == nil {
		w.err = w.f.SetRowHeight(w.sheet, row, points)
	}
}

func (w *cellWriter) link(col, row int, url string, style int) {
	w.set(col, row, url, style)
	if w.err != nil || url == "" {
		return
	}
	cell, _ := excelize.CoordinatesToCellName(col, row)
	w.err = w.f.SetCellHyperLink(w.sheet, cell, url, "External")
}

func (w *cellWriter) widths(widths ...float64) {
	w.widthOf = append(w.widthOf[:0], widths...)
	for i, wd := range widths {
		if w.err != nil {
			return
		}
		col, _ := excelize.ColumnNumberToName(i + 1)
		w.err = w.f.SetColWidth(w.sheet, col, col, wd)
	}
}

func (w *cellWriter) headerRow(row int, names ...string) {
	for i, n := range names {
		w.set(i+1, row, n, 0)
	}
	if w.err == nil {
		w.style(1, row, len(names), row, w.header)
	}
}

// themeRow is one theme's line of the Overview.
type themeRow struct {
	id                     string
	tc                     analysis.ThemeCount
	requests               int
	latest, previous       float64
	hasLatest, hasPrevious bool
}

// latestAndPrevious are the latest session in scope and the session with
// statements before it (in scope or a baseline); 0 when there is none.
func (s *stats) latestAndPrevious() (latest, previous int) {
	sessions := s.sessionList()
	if len(sessions) == 0 {
		return 0, 0
	}
	latest = sessions[len(sessions)-1]
	for _, n := range s.tally.Sessions() {
		if n < latest && s.tally.Speakers(n) > 0 {
			previous = n
		}
	}
	return latest, previous
}

// writeOverview writes the Overview: the scope, the sample warning, the
// themes with their change against the previous session and the meetings.
func (wb *workbook) writeOverview() error {
	st, s := wb.st, wb.stats
	w := wb.cellWriter(SheetOverview)
	if err := wb.printLayout(SheetOverview, "", true); err != nil {
		return err
	}
	w.widths(34, 24, 13, 13, 12, 12, 12, 12, 12, 12)
	row := 1
	tally := s.debateTally()
	title, _ := titles(tally)
	w.set(1, row, title, st.title)
	row++
	if s.sample {
		w.set(1, row, SampleWarning, st.banner)
		w.merge(1, row, 10, row)
		w.height(row, 36)
		row++
	}
	row++
	row = wb.overviewScope(w, row, tally)
	row = wb.overviewCuts(w, row)
	row++
	row = wb.overviewThemes(w, row)
	row += 2
	wb.overviewMeetings(w, row)
	w.fitRows()
	if w.err != nil {
		return w.err
	}
	return wb.setHeaderFooter(SheetOverview)
}

// overviewScope writes what the workbook covers from row on, and returns
// the row after it.
func (wb *workbook) overviewScope(w *cellWriter, row int, tally map[string]int) int {
	st, s := wb.st, wb.stats
	scope := []struct {
		label string
		value interface{}
		style int
	}{
		{"Sessions", wb.sessionsText(), 0},
		{"Debate", debateText(tally), 0},
		{"Documents", len(s.docs), 0},
		{"Statements by delegations", s.tally.Statements(), 0},
		{"Delegations taking the floor", s.tally.Delegations(), 0},
		{"States speaking in their own voice", s.tally.StatesOwn(), 0},
		{"States spoken for through a group", s.tally.StatesViaGroup(), 0},
		{"Groups spoken for", groupsText(s.tally.Groups()), 0},
		{"Coded comments", s.tally.Passages(), 0},
		{"Reviewed codes", s.reviews.text(), 0},
		{"Language", wb.languageText(), 0},
		{"Filters", wb.filterText(), 0},
		{"Taxonomy", wb.themes.describe(), 0},
		{"Generated (UTC)", wb.opts.GeneratedAt.UTC(), st.scopeDate},
	}
	for _, it := range scope {
		w.set(1, row, it.label, st.label)
		w.set(2, row, it.value, cmp.Or(it.style, st.scope))
		w.merge(2, row, 10, row)
		row++
	}
	return row
}

// overviewCuts warns, from row on, of what the workbook leaves out: rows
// cut from full sheets and documents without coding. It returns the row
// after the warnings.
func (wb *workbook) overviewCuts(w *cellWriter, row int) int {
	s := wb.stats
	warn := func(label, text string) {
		w.set(1, row, label, wb.st.label)
		w.set(2, row, text, wb.st.bad)
		w.merge(2, row, 10, row)
	}
	if cut := s.tally.Passages() - wb.comments.written(); cut > 0 {
		warn("Comments sheet cut", fmt.Sprintf("The Comments sheet lists the first %d of %d comments; narrow the selection or export CSV for all.", wb.comments.written(), s.tally.Passages()))
		row++
	}
	for _, sheet := range wb.fullSheets() {
		warn(sheet.name+" sheet cut", fmt.Sprintf("%d rows did not fit on the %s sheet (a sheet holds %d rows); narrow the selection.", sheet.dropped, sheet.name, excelMaxRows))
		row++
	}
	if n := len(s.unannotated); n > 0 {
		warn("Documents without coding", fmt.Sprintf("%d document(s) have not been analysed under this taxonomy and contribute no comments: %s", n, listText(s.unannotated, 12)))
		w.height(row, 30)
		row++
	}
	return row
}

// overviewThemes writes the themes table from row on, with each theme's
// share in the latest session and the one before, and returns the row of
// the note below it.
func (wb *workbook) overviewThemes(w *cellWriter, row int) int {
	st, s := wb.st, wb.stats
	latest, previous := s.latestAndPrevious()
	w.set(1, row, "Themes", st.label)
	row++
	latestHdr, prevHdr := "Share (latest)", "Share (previous)"
	if latest > 0 {
		latestHdr = "Share " + corpus.Ordinal(latest)
	}
	if previous > 0 {
		prevHdr = "Share " + corpus.Ordinal(previous)
	}
	w.headerRow(row, "Theme", "ID", "States (own voice)", "States (incl. through groups)", "Statements", "Paragraphs", "Proposals", latestHdr, prevHdr, changeHeader(previous, latest))
	w.height(row, 46)
	row++
	var rows []themeRow
	for _, id := range s.themeOrder(wb.themes) {
		tr := themeRow{id: id, tc: s.tally.Theme(id), requests: s.requests[id]}
		tr.latest, tr.hasLatest = s.tally.Share(latest, id)
		tr.previous, tr.hasPrevious = s.tally.Share(previous, id)
		rows = append(rows, tr)
	}
	slices.SortStableFunc(rows, func(a, b themeRow) int { return cmp.Compare(b.tc.Passages, a.tc.Passages) })
	for _, tr := range rows {
		w.set(1, row, wb.themes.name(tr.id, s.lang), st.wrap)
		w.set(2, row, tr.id, st.top)
		w.set(3, row, tr.tc.StatesOwn, st.integer)
		w.set(4, row, tr.tc.States, st.integer)
		w.set(5, row, tr.tc.Statements, st.integer)
		w.set(6, row, tr.tc.Passages, st.integer)
		w.set(7, row, tr.requests, st.integer)
		if tr.hasLatest {
			w.set(8, row, tr.latest, st.percent)
		}
		if tr.hasPrevious {
			w.set(9, row, tr.previous, st.percent)
		}
		if tr.hasLatest && tr.hasPrevious && latest != previous {
			w.set(10, row, round1((tr.latest-tr.previous)*100), st.pts)
		}
		row++
	}
	w.set(1, row, "Share: the fraction of the delegations that took the floor in the session whose statements raised the theme. "+
		"Change: the latest session's share less the share of the session before it, in percentage points (Trends gives the change along all the sessions).", st.note)
	w.merge(1, row, 10, row)
	w.height(row, 30)
	return row
}

// overviewMeetings writes the table of meetings and documents from row on.
func (wb *workbook) overviewMeetings(w *cellWriter, row int) {
	st, s := wb.st, wb.stats
	w.set(1, row, "Meetings and documents", st.label)
	row++
	w.headerRow(row, "Symbol", "Date", "Session", "Meeting", "Language", "Statements", "Comments", "Debate", "Link")
	w.merge(9, row, 10, row)
	row++
	for _, d := range s.docs {
		rec := d.rec
		w.set(1, row, corpus.DocumentName(rec), st.top)
		if t, ok := recordDate(rec); ok {
			w.set(2, row, t, st.date)
		} else {
			w.set(2, row, rec.Date, st.top)
		}
		w.set(3, row, intOrNil(rec.Session), st.top)
		w.set(4, row, intOrNil(rec.Meeting), st.top)
		w.set(5, row, languageName(rec.Language), st.top)
		w.set(6, row, d.statements, st.integer)
		w.set(7, row, d.comments, st.integer)
		switch v := wb.debateCell(rec).(type) {
		case excelize.Cell:
			w.set(8, row, v.Value, st.bad)
		default:
			w.set(8, row, v, st.wrap)
		}
		w.link(9, row, link(rec), st.link)
		w.merge(9, row, 10, row)
		row++
	}
}

// text says what reviews did, for the Overview.
func (r reviewCounts) text() string {
	if r.passages == 0 && r.problems == 0 {
		return "none: every code is the coder's (rule or model; see the Provenance column of the Comments sheet)"
	}
	s := fmt.Sprintf("%d codes set or confirmed and %d taken away by experts' reviews, in %d passages", r.set, r.removed, r.passages)
	if r.problems > 0 {
		s += fmt.Sprintf("; %d reviews do not apply as they stand (scdebate review list --problems)", r.problems)
	}
	return s
}

// changeHeader heads the Overview's change column: the change between
// the session before the latest and the latest, in points.
func changeHeader(previous, latest int) string {
	if previous > 0 && latest > 0 && previous != latest {
		return "Change " + corpus.Ordinal(previous) + " to " + corpus.Ordinal(latest) + " (points)"
	}
	return "Change from the previous session (points)"
}

// trendChangeHeader heads the Trends sheet's change column: the change
// along the least-squares line over all the sessions, in points.
func trendChangeHeader(sessions []int) string {
	if len(sessions) > 1 {
		return "Trend change " + corpus.Ordinal(sessions[0]) + " to " + corpus.Ordinal(sessions[len(sessions)-1]) + " (points)"
	}
	return "Trend change (points)"
}

// SampleWarning is the banner of a workbook made from sample records.
const SampleWarning = "SAMPLE DATA — this workbook was made from the embedded sample corpus: illustrative records, " +
	"not official United Nations documents. Do not cite them."

func round1(x float64) float64 { return math.Round(x*10) / 10 }

func (wb *workbook) sessionsText() string {
	ss := wb.stats.sessionList()
	if len(ss) == 0 {
		if len(wb.opts.Sessions) > 0 {
			return "none found for " + corpus.FormatSessions(wb.opts.Sessions)
		}
		return "none"
	}
	contiguous := ss[len(ss)-1]-ss[0] == len(ss)-1
	if len(ss) == 1 {
		return corpus.Ordinal(ss[0]) + " session"
	}
	if contiguous {
		return fmt.Sprintf("%s to %s (%d sessions)", corpus.Ordinal(ss[0]), corpus.Ordinal(ss[len(ss)-1]), len(ss))
	}
	parts := make([]string, len(ss))
	for i, n := range ss {
		parts[i] = corpus.Ordinal(n)
	}
	return strings.Join(parts, ", ")
}

func (wb *workbook) languageText() string {
	langs := map[string]bool{}
	for _, d := range wb.stats.docs {
		langs[d.rec.Language] = true
	}
	var names []string
	for l := range langs {
		names = append(names, languageName(l))
	}
	slices.Sort(names)
	t := strings.Join(names, ", ")
	if wb.opts.Counterpart != "" {
		t += "; passages shown beside their " + languageName(wb.opts.Counterpart) + " counterpart"
	}
	return t
}

func (wb *workbook) filterText() string {
	o := wb.opts
	var parts []string
	if len(o.Themes) > 0 {
		parts = append(parts, "themes: "+strings.Join(o.Themes, ", "))
	}
	if len(o.Countries) > 0 {
		parts = append(parts, "states (own voice or through a group): "+strings.Join(o.Countries, ", "))
	}
	if len(o.Groups) > 0 {
		parts = append(parts, "groups: "+strings.Join(o.Groups, ", "))
	}
	if len(o.Languages) > 0 {
		parts = append(parts, "languages: "+strings.Join(o.Languages, ", "))
	}
	if len(o.Agenda) > 0 {
		parts = append(parts, "debates: "+strings.Join(o.Agenda, ", "))
	}
	if o.Keep != nil {
		parts = append(parts, "search results only")
	}
	if len(parts) == 0 {
		return "none"
	}
	return strings.Join(parts, "; ")
}

// scopeLine sums the scope up for the document properties.
func (wb *workbook) scopeLine() string {
	return fmt.Sprintf("Sessions: %s. Filters: %s.", wb.sessionsText(), wb.filterText())
}

func groupsText(groups map[string]string) string {
	if len(groups) == 0 {
		return "none"
	}
	var names []string
	for _, n := range groups {
		names = append(names, n)
	}
	slices.Sort(names)
	return fmt.Sprintf("%d: %s", len(names), strings.Join(names, ", "))
}

func listText(xs []string, most int) string {
	if len(xs) <= most {
		return strings.Join(xs, ", ")
	}
	return strings.Join(xs[:most], ", ") + fmt.Sprintf(" and %d more", len(xs)-most)
}

// writeMatrix writes Themes by state: a state × theme matrix of coded
// paragraphs, each theme split into the state's own voice and its voice
// through the groups it belongs to, with a heat map.
func (wb *workbook) writeMatrix() error {
	st, s := wb.st, wb.stats
	sheet := SheetMatrix
	w := wb.cellWriter(sheet)
	themes := s.themeOrder(wb.themes)
	if err := wb.matrixPrintLayout(len(themes) + 1); err != nil {
		return err
	}
	if err := wb.f.SetDefinedName(&excelize.DefinedName{
		Name: "_xlnm.Print_Titles", RefersTo: "'" + sheet + "'!$A:$B,'" + sheet + "'!$1:$2", Scope: sheet,
	}); err != nil {
		return err
	}
	var states []string
	for _, key := range s.tally.States() {
		if wb.filter.countries != nil && !wb.filter.countries[key] {
			continue
		}
		states = append(states, key)
	}
	slices.SortFunc(states, func(a, b string) int {
		return cmp.Or(cmp.Compare(s.stateName(a), s.stateName(b)), cmp.Compare(a, b))
	})
	w.set(1, 1, "State\n\nown: paragraphs in the state's own voice\nvia: paragraphs of a group it belongs to", st.header)
	w.set(2, 1, "Code", st.header)
	w.set(1, 2, nil, st.header)
	w.set(2, 2, nil, st.header)
	w.merge(1, 1, 1, 2)
	w.merge(2, 1, 2, 2)
	col := 3
	for _, id := range themes {
		w.set(col, 1, wb.themes.name(id, s.lang), st.headerRotated)
		w.set(col+1, 1, nil, st.headerRotated)
		w.merge(col, 1, col+1, 1)
		w.set(col, 2, "own", st.header)
		w.set(col+1, 2, "via", st.header)
		col += 2
	}
	w.set(col, 1, "Total", st.headerRotated)
	w.set(col+1, 1, nil, st.headerRotated)
	w.merge(col, 1, col+1, 1)
	w.set(col, 2, "own", st.header)
	w.set(col+1, 2, "via", st.header)
	lastCol := col + 1
	w.height(1, 150)
	w.height(2, 28)
	w.widths(matrixNameWidth, matrixCodeWidth)
	for c := 3; c <= lastCol && w.err == nil; c++ {
		name, _ := excelize.ColumnNumberToName(c)
		w.err = wb.f.SetColWidth(sheet, name, name, matrixCountWidth)
	}
	for i, key := range states {
		row := i + 3
		code := key
		if strings.HasPrefix(key, "~") {
			code = ""
		}
		// Long names wrap rather than run under the counts:
		// "Democratic Republic of the Congo" in full.
		w.set(1, row, s.stateName(key), st.wrap)
		w.set(2, row, code, st.top)
		var own, via int
		col := 3
		for _, id := range themes {
			v := s.tally.State(key).Themes[id]
			w.set(col, row, v.Own, st.count)
			w.set(col+1, row, v.Via, st.count)
			own += v.Own
			via += v.Via
			col += 2
		}
		w.set(col, row, own, st.label)
		w.set(col+1, row, via, st.label)
	}
	if w.fitRows(); w.err != nil {
		return w.err
	}
	if err := wb.f.SetPanes(sheet, &excelize.Panes{
		Freeze: true, XSplit: 2, YSplit: 2, TopLeftCell: "C3", ActivePane: "bottomRight",
	}); err != nil {
		return err
	}
	if len(states) > 0 && len(themes) > 0 {
		last := len(states) + 2
		var ownRefs, viaRefs []string
		for c := 3; c < 3+2*len(themes); c += 2 {
			a, _ := excelize.ColumnNumberToName(c)
			b, _ := excelize.ColumnNumberToName(c + 1)
			ownRefs = append(ownRefs, fmt.Sprintf("%s3:%s%d", a, a, last))
			viaRefs = append(viaRefs, fmt.Sprintf("%s3:%s%d", b, b, last))
		}
		for _, cf := range []struct {
			refs  []string
			color string
		}{{ownRefs, "2F75B5"}, {viaRefs, "ED7D31"}} {
			if err := wb.f.SetConditionalFormat(sheet, strings.Join(cf.refs, " "), []excelize.ConditionalFormatOptions{{
				Type: "2_color_scale", Criteria: "=", MinType: "num", MinValue: "0", MaxType: "max",
				MinColor: "#FFFFFF", MaxColor: "#" + cf.color,
			}}); err != nil {
				return err
			}
		}
	}
	return wb.setHeaderFooter(sheet)
}

// The columns of Themes by state, in units of a digit's width.
const (
	matrixNameWidth  = 26
	matrixCodeWidth  = 6
	matrixCountWidth = 4
)

// Printing Themes by state: a page takes as many themes (each an own and
// a via-group column) as fit at no less than matrixMinScale, the state
// names repeated on each; the pages of a band of states follow one
// another before the next band.
const (
	matrixMinScale = 0.7
	// printableWidth is the width of a landscape A4 page inside the
	// margins printLayout sets, in points.
	printableWidth = 842 - 72
)

// columnPoints is the printed width of a column of width w at 100%: 7
// points a unit, as LibreOffice prints the workbook's Calibri 11 (measured
// on its PDF; Excel prints a little narrower, so what fits LibreOffice
// fits Excel).
func columnPoints(w float64) float64 { return 7 * w }

// matrixPrintLayout lays Themes by state out on readable landscape pages:
// themes split between pages at a theme's boundary by manual column
// breaks, at the largest scale, no smaller than matrixMinScale, that fits
// each page's share. pairs is the number of two-column groups (the themes
// and the total).
func (wb *workbook) matrixPrintLayout(pairs int) error {
	fixed := columnPoints(matrixNameWidth) + columnPoints(matrixCodeWidth)
	pair := 2 * columnPoints(matrixCountWidth)
	most := max(1, int((printableWidth/matrixMinScale-fixed)/pair))
	pages := (pairs + most - 1) / most
	perPage := (pairs + pages - 1) / pages
	scale := min(100, int(100*printableWidth/(fixed+float64(perPage)*pair)))
	if err := wb.printLayout(SheetMatrix, "", false); err != nil {
		return err
	}
	if err := wb.f.SetPageLayout(SheetMatrix, &excelize.PageLayoutOptions{
		AdjustTo: uintPtr(uint(scale)), PageOrder: strPtr("overThenDown"),
	}); err != nil {
		return err
	}
	for p := 1; p < pages; p++ {
		cell, err := excelize.CoordinatesToCellName(3+2*p*perPage, 1)
		if err != nil {
			return err
		}
		if err := wb.f.InsertPageBreak(SheetMatrix, cell); err != nil {
			return err
		}
	}
	return nil
}

// chartThemes is how many themes the trend chart draws: more lines than
// this cannot be told apart.
const chartThemes = 6

// trendsHeader is the row of the Trends sheet's column headers.
const trendsHeader = 4

// writeTrends writes Trends: for each theme the share of statements that
// raised it in each session, the fitted change across the sessions and a
// rising/falling flag, with a line chart of the main themes.
func (wb *workbook) writeTrends() error {
	st, s := wb.st, wb.stats
	sheet := SheetTrends
	w := wb.cellWriter(sheet)
	if err := wb.printLayout(sheet, "$1:$4", true); err != nil {
		return err
	}
	sessions := s.sessionList()
	wb.trendsHead(w, sessions)
	lines, row := wb.trendsRows(w, sessions)
	w.set(1, row, "Delegations taking the floor", st.label)
	for i, n := range sessions {
		w.set(3+i, row, s.tally.Speakers(n), st.integer)
	}
	statementsRow := row
	if w.err != nil {
		return w.err
	}
	if err := wb.f.SetPanes(sheet, &excelize.Panes{
		Freeze: true, XSplit: 2, YSplit: trendsHeader, TopLeftCell: "C5", ActivePane: "bottomRight",
	}); err != nil {
		return err
	}
	if w.fitRows(); w.err != nil {
		return w.err
	}
	if len(sessions) > 0 && len(lines) > 0 {
		if err := wb.trendsChart(sessions, lines, statementsRow); err != nil {
			return err
		}
	}
	return wb.setHeaderFooter(sheet)
}

// trendsHead writes the Trends sheet's title, note and column headers.
func (wb *workbook) trendsHead(w *cellWriter, sessions []int) {
	st := wb.st
	w.set(1, 1, "Themes across sessions", st.title)
	w.set(1, 2, fmt.Sprintf("Share of the delegations taking the floor whose statements raised each theme. Change: the change along the least-squares line over the sessions, "+
		"in percentage points. Rising or falling: a change of %.0f points or more, along a line that explains at least %.0f%% of the variation (R²) when there are three sessions or more.",
		trendThreshold, trendFit*100), st.note)
	lastCol := 2 + len(sessions) + 2
	w.merge(1, 2, lastCol, 2)
	w.height(2, 30)
	names := []string{"Theme", "ID"}
	for _, n := range sessions {
		names = append(names, corpus.Ordinal(n))
	}
	names = append(names, trendChangeHeader(sessions), "Trend")
	w.headerRow(trendsHeader, names...)
	w.height(trendsHeader, 46)
	widths := []float64{30, 18}
	for range sessions {
		widths = append(widths, 8)
	}
	w.widths(append(widths, 13, 10)...)
}

// trendLine is a theme's row on the Trends sheet and its mean share.
type trendLine struct {
	row  int
	mean float64
}

// trendsRows writes a row per theme: its share in each session, the
// fitted change and the flag. It returns the rows and the row after them.
func (wb *workbook) trendsRows(w *cellWriter, sessions []int) ([]trendLine, int) {
	st, s := wb.st, wb.stats
	var lines []trendLine
	xs := make([]float64, len(sessions))
	for i, n := range sessions {
		xs[i] = float64(n)
	}
	row := trendsHeader + 1
	for _, id := range s.themeOrder(wb.themes) {
		w.set(1, row, wb.themes.name(id, s.lang), st.wrap)
		w.set(2, row, id, st.top)
		ys := make([]float64, 0, len(sessions))
		var fx []float64
		for i, n := range sessions {
			if v, ok := s.tally.Share(n, id); ok {
				w.set(3+i, row, v, st.percent)
				ys = append(ys, v*100)
				fx = append(fx, xs[i])
			}
		}
		if tr, ok := fitTrend(fx, ys); ok {
			w.set(3+len(sessions), row, round1(tr.change), st.pts)
			flag := tr.flag()
			style := st.steady
			switch flag {
			case flagRising:
				style = st.rising
			case flagFalling:
				style = st.falling
			}
			w.set(4+len(sessions), row, flag, style)
		}
		var mean float64
		for _, y := range ys {
			mean += y
		}
		if len(ys) > 0 {
			mean /= float64(len(ys))
		}
		lines = append(lines, trendLine{row, mean})
		row++
	}
	return lines, row
}

// trendsChart draws the themes of the highest mean share, on a page of
// its own after the table, whose last row is lastRow.
func (wb *workbook) trendsChart(sessions []int, lines []trendLine, lastRow int) error {
	sheet := SheetTrends
	slices.SortStableFunc(lines, func(a, b trendLine) int { return cmp.Compare(b.mean, a.mean) })
	lines = lines[:min(chartThemes, len(lines))]
	slices.SortFunc(lines, func(a, b trendLine) int { return cmp.Compare(a.row, b.row) })
	firstCol, _ := excelize.ColumnNumberToName(3)
	lastSessCol, _ := excelize.ColumnNumberToName(2 + len(sessions))
	q := "'" + sheet + "'!"
	var series []excelize.ChartSeries
	for _, l := range lines {
		series = append(series, excelize.ChartSeries{
			Name:       fmt.Sprintf("%s$A$%d", q, l.row),
			Categories: fmt.Sprintf("%s$%s$%d:$%s$%d", q, firstCol, trendsHeader, lastSessCol, trendsHeader),
			Values:     fmt.Sprintf("%s$%s$%d:$%s$%d", q, firstCol, l.row, lastSessCol, l.row),
			Marker:     excelize.ChartMarker{Symbol: "circle", Size: 5},
		})
	}
	anchor, _ := excelize.CoordinatesToCellName(1, lastRow+2)
	breakAt, _ := excelize.CoordinatesToCellName(1, lastRow+1)
	if err := wb.f.InsertPageBreak(sheet, breakAt); err != nil {
		return err
	}
	return wb.f.AddChart(sheet, anchor, &excelize.Chart{
		Type:      excelize.Line,
		Series:    series,
		Title:     excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: "Main themes: share of delegations raising them"}}},
		Legend:    excelize.ChartLegend{Position: "right"},
		Dimension: excelize.ChartDimension{Width: 900, Height: 380},
		XAxis:     excelize.ChartAxis{Font: excelize.Font{Color: "404040", Size: 10}},
		YAxis:     excelize.ChartAxis{MajorGridLines: true, NumFmt: excelize.ChartNumFmt{CustomNumFmt: "0%"}, Font: excelize.Font{Color: "404040", Size: 10}},
	})
}

// emergingTopics is how many key phrases the Emerging topics sheet lists.
const emergingTopics = 15

// latestTopics are the key phrases of the latest session that stand out
// against the sessions before it (analysis.EmergingTopics); nil when the
// annotations have no key phrases (they are kept for English records) or
// there is no earlier session to compare with.
func (wb *workbook) latestTopics() *analysis.SessionTopics {
	latest, _ := wb.stats.latestAndPrevious()
	all := wb.stats.topics.Topics(wb.themes.tx, analysis.TopicOptions{Limit: emergingTopics})
	for i := range all {
		if all[i].Session == latest && len(all[i].Phrases) > 0 {
			return &all[i]
		}
	}
	return nil
}

// writeEmergingTopics writes the Emerging topics sheet: the key phrases
// of the latest session that stand out against the sessions before it,
// marking those no theme covers yet. It is a sheet of its own so that its
// table prints under its own header, not under the trends table's.
func (wb *workbook) writeEmergingTopics(topics *analysis.SessionTopics) error {
	st := wb.st
	sheet := SheetTopics
	const hdr = 4
	if err := wb.printLayout(sheet, fmt.Sprintf("$%d:$%d", hdr, hdr), true); err != nil {
		return err
	}
	w := wb.cellWriter(sheet)
	w.widths(40, 30, 10, 10, 10)
	w.set(1, 1, "Emerging topics in the "+corpus.Ordinal(topics.Session)+" session", st.title)
	w.set(1, 2, "Phrases of the whole records of the session (filters aside) more frequent than in the sessions before, "+
		"ranked by log-likelihood (G²). A phrase no theme covers may be a topic the taxonomy lacks.", st.note)
	w.merge(1, 2, 5, 2)
	w.headerRow(hdr, "Phrase", "Themes", "Count", "Before", "G²")
	for i, p := range topics.Phrases {
		r := hdr + 1 + i
		w.set(1, r, p.Phrase, st.wrap)
		themes := "not covered"
		if len(p.Themes) > 0 {
			themes = strings.Join(p.Themes, "; ")
		}
		w.set(2, r, themes, st.wrap)
		w.set(3, r, p.Count, st.integer)
		w.set(4, r, p.Reference, st.integer)
		w.set(5, r, round1(p.LogLikelihood), st.top)
	}
	if w.fitRows(); w.err != nil {
		return w.err
	}
	return wb.setHeaderFooter(sheet)
}
