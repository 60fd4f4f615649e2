package layout

import (
	"math"
	"regexp"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"
)

// pageWork is one page on its way from glyphs to lines.
type pageWork struct {
	raw       rawPage
	words     []word
	segs      []segment
	furniture []bool // by word
	bidi      bidiMode
}

func (p *pageWork) markSegment(s segment) {
	for _, i := range s.words {
		p.furniture[i] = true
	}
}

func (p *pageWork) isFurniture(s segment) bool {
	for _, i := range s.words {
		if !p.furniture[i] {
			return false
		}
	}
	return true
}

// assemble lays out every page: furniture is decided across the document
// (a running head is what recurs), columns page by page with the
// document's gutter as a fallback for pages with little text.
func assemble(raw []rawPage) *Document {
	pages := make([]*pageWork, len(raw))
	rows := make([][][]int, len(raw))
	for i, rp := range raw {
		p := &pageWork{raw: rp, words: mergeLetterSpaced(joinUndrawnGaps(rp.words))}
		p.furniture = make([]bool, len(p.words))
		all := make([]int, len(p.words))
		for k := range all {
			all[k] = k
		}
		rows[i] = baselineGroups(p.words, all)
		pages[i] = p
	}
	mode := documentBidi(pages, rows)
	for i, p := range pages {
		p.bidi = mode
		p.segs = segments(p.words, rows[i], mode)
	}
	markFurniture(pages)

	gutters := make([]float64, len(pages))
	var found []float64
	for i, p := range pages {
		if g, ok := findGutter(p.words, p.body(), p.raw.width, math.NaN()); ok {
			gutters[i] = g
			found = append(found, g)
		} else {
			gutters[i] = math.NaN()
		}
	}
	docGutter := math.NaN()
	if len(found) >= 2 {
		sort.Float64s(found)
		docGutter = found[len(found)/2]
	}
	doc := &Document{Pages: make([]Page, len(pages))}
	for i, p := range pages {
		g := gutters[i]
		if math.IsNaN(g) && !math.IsNaN(docGutter) {
			if dg, ok := findGutter(p.words, p.body(), p.raw.width, docGutter); ok {
				g = dg
			}
		}
		doc.Pages[i] = p.layout(g)
	}
	return doc
}

func (p *pageWork) body() []int {
	var idx []int
	for i := range p.words {
		if !p.furniture[i] {
			idx = append(idx, i)
		}
	}
	return idx
}

// findGutter looks for the blank vertical band between two columns: an
// x-range near the middle of the text that almost no word covers while
// both sides hold text. With a hint, only that position is tested.
func findGutter(words []word, idx []int, pageWidth, hint float64) (float64, bool) {
	if len(idx) < 8 {
		return 0, false
	}
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, i := range idx {
		lo, hi = math.Min(lo, words[i].x0), math.Max(hi, words[i].x1)
	}
	width := hi - lo
	if width < 0.4*pageWidth {
		return 0, false
	}
	n := int(width) + 1
	cover := make([]int, n)
	for _, i := range idx {
		a := max(0, int(words[i].x0-lo))
		b := min(n-1, int(words[i].x1-lo))
		for x := a; x <= b; x++ {
			cover[x]++
		}
	}
	rowList := baselineGroups(words, idx)
	rows := len(rowList)
	limit := max(1, rows/8)
	sides := func(split float64) (int, int) {
		left, right := 0, 0
		for _, i := range idx {
			switch {
			case words[i].x1 <= split:
				left++
			case words[i].x0 >= split:
				right++
			}
		}
		return left, right
	}
	// Two columns of a page are of about the same width, and the text of
	// each runs up to the gutter: the lines of the left one, justified,
	// mostly reach it, or, where they are mostly short (the President's
	// one- and two-line turns on a first page), the band is narrow and
	// enough lines on each side come up to it. A blank band between a
	// table's cells (the Council's list of members) is wide and its left
	// cells stop short of it.
	accept := func(split float64) bool {
		left, right := sides(split)
		ratio := (split - lo) / (hi - split)
		if left < 10 || right < 10 || float64(left+right) < 0.8*float64(len(idx)) || ratio < 0.6 || ratio > 1.6 {
			return false
		}
		withLeft, reaching := 0, 0
		for _, row := range rowList {
			edge := math.Inf(-1)
			for _, i := range row {
				if words[i].x1 <= split {
					edge = math.Max(edge, words[i].x1)
				}
			}
			if !math.IsInf(edge, -1) {
				withLeft++
				if split-edge < 0.05*width {
					reaching++
				}
			}
		}
		return reaching*5 >= withLeft*2 || gutterWidth(words, rowList, split, max(3, rows/16)) <= maxGutter*width
	}
	if !math.IsNaN(hint) {
		a, b := int(hint-lo)-3, int(hint-lo)+3
		if a < 0 || b >= n {
			return 0, false
		}
		for x := a; x <= b; x++ {
			if cover[x] > limit {
				return 0, false
			}
		}
		return hint, accept(hint)
	}
	// The widest low-coverage run in the middle half of the text.
	bestStart, bestLen := -1, 0
	from, to := int(0.25*width), int(0.75*width)
	for x := from; x <= to; {
		if cover[x] > limit {
			x++
			continue
		}
		start := x
		for x <= to && cover[x] <= limit {
			x++
		}
		if x-start > bestLen {
			bestStart, bestLen = start, x-start
		}
	}
	if bestLen < 5 {
		return 0, false
	}
	// Within the band, split at the emptiest stretch: a band can include
	// the indent of a hanging list beside the true gutter.
	least := cover[bestStart]
	for x := bestStart; x < bestStart+bestLen; x++ {
		least = min(least, cover[x])
	}
	emptyStart, emptyLen := bestStart, 0
	for x := bestStart; x < bestStart+bestLen; {
		if cover[x] != least {
			x++
			continue
		}
		start := x
		for x < bestStart+bestLen && cover[x] == least {
			x++
		}
		if x-start > emptyLen {
			emptyStart, emptyLen = start, x-start
		}
	}
	split := lo + float64(emptyStart) + float64(emptyLen)/2
	return split, accept(split)
}

// maxGutter is the widest blank band between two columns, as a share of
// the text's width: records leave 11 to 21 points in 490, a vote list
// indented in the right column 36.
const maxGutter = 0.08

// gutterWidth measures the blank band around split from the page's
// whitespace: from the right edge that the left parts of at least k rows
// reach to the left edge that the right parts of at least k rows start at.
// Rows with a word across split (a cover's full-width lines) do not count.
// It is infinite when either side has fewer than k rows.
func gutterWidth(words []word, rows [][]int, split float64, k int) float64 {
	var ends, starts []float64
	for _, row := range rows {
		end, start, across := math.Inf(-1), math.Inf(1), false
		for _, i := range row {
			w := words[i]
			switch {
			case w.x1 <= split:
				end = math.Max(end, w.x1)
			case w.x0 >= split:
				start = math.Min(start, w.x0)
			default:
				across = true
			}
		}
		if across {
			continue
		}
		if !math.IsInf(end, -1) {
			ends = append(ends, end)
		}
		if !math.IsInf(start, 1) {
			starts = append(starts, start)
		}
	}
	if len(ends) < k || len(starts) < k {
		return math.Inf(1)
	}
	sort.Float64s(ends)
	sort.Float64s(starts)
	return starts[k-1] - ends[len(ends)-k]
}

// line is a laid-out line before it becomes a Line.
type line struct {
	words  []int
	column int
	y      float64
	size   float64
	x0, x1 float64
	rtl    bool // reads right to left
}

// layout orders a page's body lines: column by column within each band
// of the page that the full-width lines and rules separate.
func (p *pageWork) layout(gutter float64) Page {
	page := Page{N: p.raw.n, Width: round2(p.raw.width), Height: round2(p.raw.height), Err: p.raw.err, Lines: []Line{}}
	for _, s := range p.segs {
		if p.isFurniture(s) {
			page.Furniture = append(page.Furniture, p.makeLine(line{words: s.words, y: s.y, size: s.size, x0: s.x0, x1: s.x1}, 0, 0))
		}
	}
	body := p.body()
	if len(body) == 0 {
		return page
	}
	var lines []line
	if math.IsNaN(gutter) {
		lines = p.rows(body, 0)
	} else {
		lines = p.columnLines(body, gutter)
	}
	left, right := columnBounds(lines, 0)
	bounds := map[int][2]float64{0: {left, right}}
	for _, c := range []int{1, 2} {
		l, r := columnBounds(lines, c)
		bounds[c] = [2]float64{l, r}
	}
	if !math.IsNaN(gutter) {
		// Full-width lines on a two-column page span both columns.
		l1, r2 := bounds[1][0], bounds[2][1]
		if !math.IsInf(l1, 0) && !math.IsInf(r2, 0) {
			bounds[0] = [2]float64{math.Min(left, l1), math.Max(right, r2)}
		}
	}
	pitch := typicalPitch(lines)
	var prev [3]*line
	for k := range lines {
		l := &lines[k]
		b := bounds[l.column]
		out := p.makeLine(*l, b[0], b[1])
		out.ParagraphStart = paragraphStart(l, prev[l.column], b, pitch) && !p.hangingIndent(l, prev[l.column])
		page.Lines = append(page.Lines, out)
		prev[l.column] = l
		if l.column == 0 && !math.IsNaN(gutter) {
			// A full-width line cuts the columns: the text below it starts
			// at the head of each column.
			prev[1], prev[2] = nil, nil
		}
	}
	return page
}

// rows groups words into lines by baseline, splitting a row where a gap
// is too wide to be a word space (tabular matter, a stray column). The
// pieces of a row are read from the left, or in a right-to-left document
// from the right.
func (p *pageWork) rows(idx []int, column int) []line {
	var out []line
	for _, row := range baselineGroups(p.words, idx) {
		start, first := 0, len(out)
		for k := 1; k <= len(row); k++ {
			if k < len(row) {
				prev, w := p.words[row[k-1]], p.words[row[k]]
				if w.x0-prev.x1 < segmentGap*math.Max(prev.size, 1) {
					continue
				}
			}
			piece := row[start:k]
			y, size, x0, x1 := rowMetrics(p.words, piece)
			out = append(out, line{words: piece, column: column, y: y, size: size, x0: x0, x1: x1, rtl: p.bidi.rowRTL(p.words, piece)})
			start = k
		}
		if p.bidi.rtl {
			slices.Reverse(out[first:])
		}
	}
	return out
}

// columnLines reads a two-column page: bands separated by full-width
// lines and rules, each band's left column before its right.
func (p *pageWork) columnLines(body []int, gutter float64) []line {
	// A row with a word across the gutter is full width as a whole.
	var full, left, right []int
	for _, row := range baselineGroups(p.words, body) {
		// A word across the gutter, or text running across it with no
		// more than a word space (dot leaders), makes the row full width.
		spans := false
		lastLeft, firstRight := math.Inf(-1), math.Inf(1)
		for _, i := range row {
			w := p.words[i]
			spans = spans || w.x0 < gutter-1 && w.x1 > gutter+1
			if w.x1 <= gutter+1 {
				lastLeft = math.Max(lastLeft, w.x1)
			} else {
				firstRight = math.Min(firstRight, w.x0)
			}
		}
		size := p.words[row[0]].size
		spans = spans || firstRight-lastLeft < 0.6*size || leaderBefore(p.words, row, gutter)
		for _, i := range row {
			switch {
			case spans:
				full = append(full, i)
			case p.words[i].x0+p.words[i].x1 < 2*gutter:
				left = append(left, i)
			default:
				right = append(right, i)
			}
		}
	}
	fullLines := p.rows(full, 0)
	// Separators: full-width lines and rules across the gutter.
	var cuts []float64
	for _, l := range fullLines {
		cuts = append(cuts, l.y)
	}
	for _, r := range p.raw.rules {
		if r.x0 < gutter-20 && r.x1 > gutter+20 {
			cuts = append(cuts, r.y)
		}
	}
	sort.Float64s(cuts)
	band := func(y float64) int { return sort.SearchFloat64s(cuts, y) }
	type item struct {
		band, order int
		l           line
	}
	var items []item
	// A right-to-left document reads its right column first.
	leftOrder, rightOrder := 0, 1
	if p.bidi.rtl {
		leftOrder, rightOrder = 1, 0
	}
	for _, l := range p.rows(left, 1) {
		items = append(items, item{band(l.y), leftOrder, l})
	}
	for _, l := range p.rows(right, 2) {
		items = append(items, item{band(l.y), rightOrder, l})
	}
	for _, l := range fullLines {
		// A full-width line is itself a cut: it comes after the band
		// above it.
		items = append(items, item{band(l.y), 2, l})
	}
	sort.SliceStable(items, func(i, j int) bool {
		a, b := items[i], items[j]
		if a.band != b.band {
			return a.band < b.band
		}
		if a.order != b.order {
			return a.order < b.order
		}
		return a.l.y < b.l.y
	})
	out := make([]line, len(items))
	for i, it := range items {
		out[i] = it.l
	}
	return out
}

// leaderBefore reports a row whose left part ends in dot leaders: it runs
// on to the right (a name and its country), whatever the gutter.
func leaderBefore(words []word, row []int, gutter float64) bool {
	last := -1
	for _, i := range row {
		if words[i].x1 <= gutter+1 && (last < 0 || words[i].x1 > words[last].x1) {
			last = i
		}
	}
	return last >= 0 && strings.Trim(words[last].text, ".…") == "" && len(words[last].text) > 0
}

// columnBounds returns a column's text margins: the left edge most lines
// start at and the right edge most lines reach (percentiles, so that
// indented and short lines do not move them).
func columnBounds(lines []line, column int) (float64, float64) {
	var xs, rs []float64
	for _, l := range lines {
		if l.column == column {
			xs = append(xs, l.x0)
			rs = append(rs, l.x1)
		}
	}
	if len(xs) == 0 {
		return math.Inf(1), math.Inf(-1)
	}
	sort.Float64s(xs)
	sort.Float64s(rs)
	return xs[len(xs)/10], rs[len(rs)*9/10]
}

// typicalPitch is the usual distance between consecutive baselines.
func typicalPitch(lines []line) float64 {
	var d []float64
	for k := 1; k < len(lines); k++ {
		if lines[k].column == lines[k-1].column {
			if dy := lines[k].y - lines[k-1].y; dy > 0 {
				d = append(d, dy)
			}
		}
	}
	if len(d) == 0 {
		return 0
	}
	sort.Float64s(d)
	return d[len(d)/2]
}

// paragraphStart reads a paragraph break from the geometry: more space
// above the line than between the lines of a paragraph, or a first-line
// indent: the line starts right of the line above it (or, at the head of
// a column, right of the column's margin). Lines of an indented block
// (a quotation, a wrapped heading) continue one another. Right-to-left
// lines start at the right: their indent is there.
func paragraphStart(l, prev *line, bounds [2]float64, pitch float64) bool {
	indent := 0.8 * l.size
	if prev == nil {
		d := l.x0 - bounds[0]
		if l.rtl {
			d = bounds[1] - l.x1
		}
		return d > indent && d < 0.4*(bounds[1]-bounds[0])
	}
	if pitch > 0 && l.y-prev.y > 1.3*pitch {
		return true
	}
	if l.rtl {
		return prev.x1-l.x1 > indent
	}
	return l.x0-prev.x0 > indent
}

var reEnumerator = regexp.MustCompile(`^(?:\(?[a-z0-9]{1,4}\)|[a-z0-9]{1,4}\.|[•–-])$`)

// hangingIndent reports a line that continues an enumerated item ("(b)
// Comprehensive implementation …") by starting under its text.
func (p *pageWork) hangingIndent(l, prev *line) bool {
	if prev == nil || len(prev.words) < 2 || l.y-prev.y > 2*l.size {
		return false
	}
	if l.rtl {
		// The marker is the rightmost word: "(أ)" before "تعزيز …".
		n := len(prev.words)
		marker := strings.TrimSpace(p.words[prev.words[n-1]].text)
		return reEnumerator.MatchString(marker) && math.Abs(l.x1-p.words[prev.words[n-2]].x1) < 2
	}
	marker := strings.TrimSpace(p.words[prev.words[0]].text)
	return reEnumerator.MatchString(marker) && math.Abs(l.x0-p.words[prev.words[1]].x0) < 2
}

// makeLine renders a line with its style and geometry.
func (p *pageWork) makeLine(l line, colLeft, colRight float64) Line {
	var pieces []piece
	var text string
	if p.bidi.bidiRow(p.words, l.words) {
		pieces, _ = p.bidi.logicalPieces(p.words, l.words)
		var sb strings.Builder
		for _, pc := range pieces {
			sb.WriteString(pc.text)
		}
		text = sb.String()
	} else {
		text = joinWords(p.words, l.words)
	}
	out := Line{
		Text:  text,
		X:     round2(l.x0),
		Right: round2(l.x1),
		Y:     round2(l.y),
		Size:  round1(l.size),
		RTL:   l.rtl,
	}
	if l.column > 0 || !math.IsInf(colLeft, 0) && colRight > colLeft {
		out.Column = l.column
		out.ColumnLeft = round2(colLeft)
		out.ColumnRight = round2(colRight)
	}
	// Style by the majority of letters, and spans when styles mix.
	var bold, italic, total int
	for _, i := range l.words {
		n := utf8.RuneCountInString(p.words[i].text)
		total += n
		if p.words[i].bold {
			bold += n
		}
		if p.words[i].italic {
			italic += n
		}
	}
	out.Bold = bold*2 > total
	out.Italic = italic*2 > total
	if (bold > 0 && bold < total) || (italic > 0 && italic < total) {
		if pieces != nil {
			out.Spans = p.logicalSpans(pieces)
		} else {
			out.Spans = p.spans(l.words)
		}
	}
	return out
}

// logicalSpans splits a line in reading order into runs of one style; a
// space between words ends the run before it.
func (p *pageWork) logicalSpans(pieces []piece) []Span {
	var spans []Span
	for _, pc := range pieces {
		n := len(spans)
		if pc.word < 0 {
			if n > 0 {
				spans[n-1].Text += pc.text
			}
			continue
		}
		w := p.words[pc.word]
		if n > 0 && spans[n-1].Bold == w.bold && spans[n-1].Italic == w.italic {
			spans[n-1].Text += pc.text
			continue
		}
		spans = append(spans, Span{Text: pc.text, Bold: w.bold, Italic: w.italic})
	}
	return spans
}

// spans splits a line's words into runs of one style; the separating
// space ends the run before it, so the runs concatenate to the line.
func (p *pageWork) spans(row []int) []Span {
	var spans []Span
	for k, i := range row {
		w := p.words[i]
		piece := strings.TrimSpace(w.text)
		if k > 0 && needsSpace(p.words[row[k-1]], w) {
			spans[len(spans)-1].Text += " "
		}
		if n := len(spans); n > 0 && spans[n-1].Bold == w.bold && spans[n-1].Italic == w.italic {
			spans[n-1].Text += piece
			continue
		}
		spans = append(spans, Span{Text: piece, Bold: w.bold, Italic: w.italic})
	}
	return spans
}

func round2(v float64) float64 { return math.Round(v*100) / 100 }
func round1(v float64) float64 { return math.Round(v*10) / 10 }
