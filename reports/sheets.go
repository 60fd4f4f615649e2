package reports

import (
	"cmp"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/scdebate/scdebate/corpus"
	"github.com/xuri/excelize/v2"
)

// column is one column of a table sheet.
type column struct {
	name  string
	width float64
	kind  columnKind
}

// columnKind says how a column's cells look.
type columnKind int

const (
	colTop     columnKind = iota // plain, aligned to the top
	colWrap                      // wrapped text
	colDate                      // a date
	colLink                      // a link
	colInteger                   // a count with thousands separators
	colCenter                    // a short code or number, centred
	colReview                    // text typed by the reader
	colHash                      // a hexadecimal digest, wrapped between digits
)

func (k columnKind) style(st styles) int {
	switch k {
	case colWrap, colHash:
		return st.wrap
	case colDate:
		return st.date
	case colLink:
		return st.link
	case colInteger:
		return st.integer
	case colCenter:
		return st.center
	case colReview:
		return st.review
	}
	return st.top
}

// streamSheet is a table sheet written row by row with excelize's stream
// writer: a header row, frozen, repeated on every printed page, and an
// Excel table with autofilter over the rows.
type streamSheet struct {
	wb    *workbook
	name  string
	table string
	sw    *excelize.StreamWriter
	cols  []column
	row   int // the last row written
	cells []interface{}
	// dropped counts rows left out for want of room: a sheet holds
	// 1,048,576 rows.
	dropped int
}

func (wb *workbook) newStreamSheet(name string, cols []column) (*streamSheet, error) {
	if err := wb.printLayout(name, "$1:$1", true); err != nil {
		return nil, err
	}
	sw, err := wb.f.NewStreamWriter(name)
	if err != nil {
		return nil, err
	}
	// excelize puts each new column before the ones already set, and
	// Excel wants them in ascending order: set them from the last.
	for i := len(cols) - 1; i >= 0; i-- {
		if err := sw.SetColWidth(i+1, i+1, cols[i].width); err != nil {
			return nil, err
		}
		if err := sw.SetColStyle(i+1, i+1, cols[i].kind.style(wb.st)); err != nil {
			return nil, err
		}
	}
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
		return nil, err
	}
	header := make([]interface{}, len(cols))
	for i, c := range cols {
		header[i] = excelize.Cell{StyleID: wb.st.header, Value: c.name}
	}
	if err := sw.SetRow("A1", header, excelize.RowOpts{Height: 30}); err != nil {
		return nil, err
	}
	return &streamSheet{
		wb: wb, name: name, table: strings.ReplaceAll(name, " ", ""), sw: sw, cols: cols, row: 1,
		cells: make([]interface{}, len(cols)),
	}, nil
}

// add writes s.cells as the next row, as high as its wrapped text needs.
func (s *streamSheet) add() error {
	if s.row >= excelMaxRows {
		s.dropped++
		return nil
	}
	s.row++
	cell, err := excelize.CoordinatesToCellName(1, s.row)
	if err != nil {
		return err
	}
	lines := 1
	for i, c := range s.cols {
		if (c.kind != colWrap && c.kind != colHash) || i >= len(s.cells) {
			continue
		}
		switch v := s.cells[i].(type) {
		case string:
			if c.kind == colHash {
				lines = max(lines, hashLines(v, c.width))
				continue
			}
			lines = max(lines, wrappedLines(v, c.width))
		case excelize.Cell:
			if text, ok := v.Value.(string); ok {
				lines = max(lines, wrappedLines(text, c.width))
			}
		}
	}
	if lines == 1 {
		return s.sw.SetRow(cell, s.cells)
	}
	return s.sw.SetRow(cell, s.cells, excelize.RowOpts{Height: rowHeight(lines)})
}

// Row heights are set from an estimate of the wrapped lines: neither
// LibreOffice nor a printer fits rows to their text when a workbook is
// opened, so without a height a row shows one line of a paragraph.
const (
	lineHeight = 14.5 // points per line of 11-point text
	// charsPerWidth is the characters of prose a line holds per unit of
	// column width (the width of a digit): a little less than one, for
	// word wrap.
	charsPerWidth = 1.2
)

// wrappedLines estimates the lines text takes in a column of width,
// wrapping it word by word as a spreadsheet does: in a narrow column a long
// word ("Accountability,") takes a line of its own, which counting
// characters alone would miss.
func wrappedLines(text string, width float64) int {
	perLine := max(1, int(width*charsPerWidth))
	lines := 0
	for more := true; more; {
		var line string
		line, text, more = strings.Cut(text, "\n")
		n, used := 1, 0
		for w := range strings.FieldsSeq(strings.TrimSuffix(line, "\r")) {
			size := utf8.RuneCountInString(w)
			switch {
			case used == 0:
				used = size
			case used+1+size <= perLine:
				used += 1 + size
				continue
			default:
				n++
				used = size
			}
			// A word longer than a line breaks across lines.
			for used > perLine {
				n++
				used -= perLine
			}
		}
		lines += n
	}
	return lines
}

// hashLines is the lines a digest takes in a column of width: a digit is
// one unit of column width, less a unit for the cell's margins, and the
// digits break anywhere.
func hashLines(digest string, width float64) int {
	perLine := max(1, int(width)-1)
	return max(1, (len(digest)+perLine-1)/perLine)
}

func rowHeight(lines int) float64 {
	return min(excelize.MaxRowHeight, float64(lines)*lineHeight+3)
}

// flush ends the sheet with its table over the rows written.
func (s *streamSheet) flush() error {
	last := max(s.row, 2) // a table needs a row under its header
	ref, err := excelize.CoordinatesToCellName(len(s.cols), last)
	if err != nil {
		return err
	}
	if err := s.sw.AddTable(&excelize.Table{
		Range: "A1:" + ref, Name: s.table, StyleName: "TableStyleLight9", ShowRowStripes: boolPtr(true),
	}); err != nil {
		return err
	}
	if err := s.wb.setHeaderFooter(s.name); err != nil {
		return err
	}
	return s.sw.Flush()
}

// intOrNil renders a nullable number as an empty cell when absent.
func intOrNil(n *int) interface{} {
	if n == nil {
		return nil
	}
	return *n
}

// positiveOrNil renders 0 (unknown page, meeting) as an empty cell.
func positiveOrNil(n int) interface{} {
	if n <= 0 {
		return nil
	}
	return n
}

// cellText fits a text into a cell, which holds at most 32,767 UTF-16
// units; a longer text is cut with a note rather than silently.
func cellText(s string) string {
	if len(s) <= excelMaxCellChars || utf16Len(s) <= excelMaxCellChars {
		return s
	}
	const mark = " […] (cut: too long for a cell)"
	keep := excelMaxCellChars - utf16Len(mark)
	i, n := 0, 0
	for _, r := range s {
		if n += utf16.RuneLen(r); n > keep {
			break
		}
		i += utf8.RuneLen(r)
	}
	return s[:i] + mark
}

func utf16Len(s string) int {
	n := 0
	for _, r := range s {
		n += utf16.RuneLen(r)
	}
	return n
}

// recordCells are the cells every row of a document repeats, made once
// per document.
type recordCells struct {
	rec                          *corpus.Record
	session, date, meeting, link interface{}
	name                         string // corpus.DocumentName
	// pages are the links to the record's pages made so far: a page's
	// passages come one after another.
	pages map[int]interface{}
}

// docCells returns the repeated cells of rec, from a small cache: rows
// come document by document, and proposals in a few runs per document.
func (wb *workbook) docCells(rec *corpus.Record) *recordCells {
	for _, c := range wb.cellCache {
		if c.rec == rec {
			return c
		}
	}
	c := &recordCells{rec: rec, session: intOrNil(rec.Session), date: wb.dateCell(rec), meeting: intOrNil(rec.Meeting), link: wb.linkCell(rec), name: corpus.DocumentName(rec)}
	if len(wb.cellCache) < 8 {
		wb.cellCache = append(wb.cellCache, c)
	} else {
		copy(wb.cellCache, wb.cellCache[1:])
		wb.cellCache[len(wb.cellCache)-1] = c
	}
	return c
}

// dateCell is a record's date as an Excel date, or as printed when it is
// not an ISO date.
func (wb *workbook) dateCell(rec *corpus.Record) interface{} {
	if t, ok := recordDate(rec); ok {
		return &excelize.Cell{StyleID: wb.st.date, Value: t}
	}
	if rec.Date == "" {
		return nil
	}
	return rec.Date
}

// linkCell is a clickable link to the official record; empty for sample
// records. The link is a HYPERLINK formula with the address as its cached
// value: the stream writer cannot write hyperlink relationships, and Excel
// allows at most 65,530 of those per sheet anyway. With the value cached, a
// spreadsheet program shows the link without recalculating the workbook.
func (wb *workbook) linkCell(rec *corpus.Record) interface{} {
	return wb.urlCell(link(rec))
}

// pageLinkCell is linkCell at the page of a passage ("#page=12"), where
// a browser's PDF viewer opens the record.
func (wb *workbook) pageLinkCell(rec *corpus.Record, page int) interface{} {
	c := wb.docCells(rec)
	if cell, ok := c.pages[page]; ok {
		return cell
	}
	cell := wb.urlCell(pageLink(rec, page))
	if c.pages == nil {
		c.pages = map[int]interface{}{}
	}
	c.pages[page] = cell
	return cell
}

func (wb *workbook) urlCell(u string) interface{} {
	if u == "" {
		return nil
	}
	return &excelize.Cell{StyleID: wb.st.link, Formula: hyperlinkFormula(u, u), Value: u}
}

// hyperlinkFormula is HYPERLINK(url, text) with both quoted as formula
// strings.
func hyperlinkFormula(url, text string) string {
	q := func(s string) string { return `"` + strings.ReplaceAll(s, `"`, `""`) + `"` }
	return "HYPERLINK(" + q(url) + "," + q(text) + ")"
}

func yesNo(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}

// commentsSheet is the Comments sheet: one row per coded paragraph.
type commentsSheet struct {
	*streamSheet
	counterpart bool
	limit       int // the most data rows written
	total       int // comments in scope, written or not
}

// CommentColumns are the columns of the CSV export, in order; the Comments
// sheet has them too, with ColumnReview after ColumnProvenance. The
// counterpart text, when asked for, comes before Link.
var CommentColumns = []string{
	"Session", "Date", "Symbol", "Meeting", "Page", "Paragraph", "State", "Country code",
	"Speaker", "Speaking for", "Themes", ColumnProvenance, ColumnConfidence, "Proposal", "Text", "Link", ColumnPassage,
}

func commentColumns(counterpart string) []column {
	cols := []column{
		{"Session", 8.5, colCenter}, {"Date", 11, colDate}, {"Symbol", 17, colTop},
		{"Meeting", 9, colCenter}, {"Page", 6, colCenter}, {"Paragraph", 10.5, colCenter},
		{"State", 14, colWrap}, {"Country code", 9, colCenter}, {"Speaker", 14, colWrap},
		{"Speaking for", 14, colWrap}, {"Themes", 18, colWrap}, {ColumnProvenance, 20, colWrap},
		{ColumnReview, 14, colReview}, {ColumnConfidence, 11, colCenter}, {"Proposal", 9.5, colCenter},
		{"Text", 70, colWrap},
	}
	if counterpart != "" {
		cols[len(cols)-1].width = 50
		cols = append(cols, column{"Text (" + counterpart + ")", 50, colWrap})
	}
	return append(cols, column{"Link", 26, colLink}, column{ColumnPassage, 22, colTop})
}

func (wb *workbook) newCommentsSheet() (*commentsSheet, error) {
	s, err := wb.newStreamSheet(SheetComments, commentColumns(wb.opts.Counterpart))
	if err != nil {
		return nil, err
	}
	limit := excelMaxRows - 1
	if wb.opts.MaxRows > 0 && wb.opts.MaxRows < limit {
		limit = wb.opts.MaxRows
	}
	return &commentsSheet{streamSheet: s, counterpart: wb.opts.Counterpart != "", limit: limit}, nil
}

func (s *commentsSheet) add(c *comment) error {
	s.total++
	if s.total > s.limit {
		return nil
	}
	rec := c.rec
	cells := s.wb.docCells(rec)
	v := s.cells[:0]
	id := corpus.PassageID(c.key, c.sp.Seq, c.para.N)
	v = append(v,
		cells.session, cells.date, cells.name, cells.meeting,
		positiveOrNil(c.para.Page), c.para.N, c.who.shownState, c.who.code, c.who.shownSpeaker,
		c.who.speakingFor, strings.Join(c.pAnn.Themes, "; "), provenance(c.pAnn), nil, confidence(c.pAnn), yesNo(c.pAnn.Proposal),
		s.textCell(c.para.Text, rec.Language),
	)
	if s.counterpart {
		if c.counterpartOK {
			v = append(v, s.textCell(c.counterpart, s.wb.opts.Counterpart))
		} else {
			v = append(v, nil)
		}
	}
	s.cells = append(v, s.wb.pageLinkCell(rec, c.para.Page), id)
	if err := s.wb.stamp.passage(id, c.para.Text); err != nil {
		return err
	}
	return s.streamSheet.add()
}

// textCell is a passage's cell: right to left for Arabic.
func (s *commentsSheet) textCell(text, lang string) interface{} {
	text = cellText(text)
	if lang == "ar" {
		return excelize.Cell{StyleID: s.wb.st.wrapRTL, Value: text}
	}
	return text
}

// written is the number of comment rows on the sheet.
func (s *commentsSheet) written() int { return min(s.total, s.limit) }

var speakerColumns = []column{
	{"Session", 8.5, colCenter}, {"Date", 11, colDate}, {"Symbol", 17, colTop}, {"Meeting", 9, colCenter},
	{"Order", 7, colCenter}, {"Speaker", 22, colWrap}, {"Delegation", 22, colWrap}, {"Country code", 9, colCenter},
	{"Role", 14, colTop}, {"Language", 10, colTop}, {"On behalf of", 24, colWrap},
	{"Right of reply", 8, colCenter}, {"Paragraphs", 10.5, colInteger},
}

// addSpeakers lists a meeting's speakers in order.
func (wb *workbook) addSpeakers(rec *corpus.Record) error {
	s := wb.speakers
	for i := range rec.Speeches {
		sp := &rec.Speeches[i]
		lang := sp.SpokeIn
		if lang == "" {
			lang = languageName(rec.Language)
		}
		s.cells = append(s.cells[:0],
			intOrNil(rec.Session), wb.dateCell(rec), corpus.DocumentName(rec), intOrNil(rec.Meeting),
			sp.Seq, sp.Speaker, sp.Delegation, sp.CountryCode, sp.Role, lang,
			strings.Join(sp.OnBehalfOf, "; "), yesNo(sp.Reply), len(sp.Paragraphs),
		)
		if err := s.add(); err != nil {
			return err
		}
	}
	return nil
}

var sourceColumns = []column{
	{"Symbol", 17, colTop}, {"Language", 9, colCenter}, {"Kind", 14, colTop}, {"Debate", 16, colWrap}, {"Session", 8.5, colCenter},
	{"Meeting", 9, colCenter}, {"Date", 11, colDate}, {"Pages", 7, colInteger},
	{"Statements", 11.5, colInteger}, {"Paragraphs", 11.5, colInteger}, {"Comments", 11, colInteger},
	{"Coded", 7, colCenter}, {"Sample", 7.5, colCenter}, {"SHA-256", 34, colHash}, {"File", 22, colWrap},
	{"Link", 28, colLink},
}

// addSource lists one document.
func (wb *workbook) addSource(d docSummary) error {
	s := wb.sources
	rec := d.rec
	s.cells = append(s.cells[:0],
		corpus.DocumentName(rec), rec.Language, rec.Kind, wb.debateCell(rec), intOrNil(rec.Session), intOrNil(rec.Meeting),
		wb.dateCell(rec), positiveOrNil(rec.Source.Pages), d.statements, d.paragraphs, d.comments,
		yesNo(d.coded), yesNo(rec.Sample), rec.Source.SHA256, baseName(rec.Source.Path), wb.linkCell(rec),
	)
	return s.add()
}

func baseName(path string) string {
	if i := strings.LastIndexAny(path, `/\`); i >= 0 {
		return path[i+1:]
	}
	return path
}

var proposalColumns = []column{
	{"Theme", 20, colWrap}, {"Request kind", 12, colTop},
	{"States making it", 9, colCenter}, {"Groups making it", 9, colCenter},
	{"Request", 60, colWrap}, {"Speaker", 16, colWrap}, {"State", 16, colWrap}, {"Country code", 9, colCenter},
	{"Speaking for", 14, colWrap}, {"Session", 8.5, colCenter}, {"Date", 11, colDate},
	{"Symbol", 17, colWrap}, {"Page", 6, colCenter}, {"Paragraph", 10.5, colCenter}, {"Link", 26, colLink},
}

// writeProposals writes the Proposals sheet: the requests made to the
// Council, grouped by theme and kind of request, each with the number of
// states (in their own voice or through a group) and of groups that made a
// request of that kind on that theme.
func (wb *workbook) writeProposals() error {
	st := wb.stats
	order := map[string]int{}
	for i, id := range st.themeOrder(wb.themes) {
		order[id] = i
	}
	s, err := wb.newStreamSheet(SheetProposals, proposalColumns)
	if err != nil {
		return err
	}
	wb.proposals = s
	err = st.proposals.each(func(a, b [2]string) int {
		return cmp.Or(cmp.Compare(order[a[0]], order[b[0]]), cmp.Compare(a[1], b[1]))
	}, func(p proposal) error {
		who := st.proposers[proposalKey{p.theme, p.kind}]
		cells := wb.docCells(p.rec)
		s.cells = append(s.cells[:0],
			wb.themes.name(p.theme, st.lang), p.kind, len(who.states), len(who.groups), cellText(p.text),
			p.speaker, p.state, p.code, p.speakingFor, cells.session, cells.date,
			cells.name, positiveOrNil(p.page), p.paragraph, wb.pageLinkCell(p.rec, p.page),
		)
		return s.add()
	})
	if err != nil {
		return err
	}
	return s.flush()
}

var languageNames = map[string]string{
	"ar": "Arabic", "zh": "Chinese", "en": "English", "fr": "French", "ru": "Russian", "es": "Spanish",
}

func languageName(code string) string {
	if n, ok := languageNames[code]; ok {
		return n
	}
	return code
}
