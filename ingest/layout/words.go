package layout

import (
	"cmp"
	"math"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Thresholds, as fractions of the font size. A word gap in justified
// Times is at least about 0.17 em and letters within a word sit within a
// few hundredths of an em of each other (kerning, tracking), so 0.12 em
// splits the two with room on both sides.
const (
	wordGap       = 0.12
	undrawnGap    = 0.2  // see joinUndrawnGaps
	baselineSlack = 0.3  // glyphs within this of a baseline share it
	backtrack     = 0.6  // a glyph further left than this starts a new word
	superSize     = 0.85 // superscripts are set at most this size
	spaceReach    = 0.6  // a space glyph further than this after a word is not its own
)

// word is a run of glyphs on one baseline without a word gap. (Its
// fields are ordered to pack: words are the most numerous values here.)
type word struct {
	x0, x1  float64
	y       float64 // baseline
	size    float64
	spacing float64 // tracking after its last glyph (see glyph.spacing)
	text    string
	// clusters are the glyphs of a word with right-to-left letters, in
	// visual order, for the line to be put in reading order (bidi.go);
	// nil for every other word.
	clusters   *[]cluster
	bold       bool
	italic     bool
	artifact   bool // every glyph inside an /Artifact
	pagination bool // every glyph inside a Pagination artifact
	barcode    bool
	spaceAfter bool // the producer drew a space after it
	moved      bool // its first glyph was placed, not reached (flagMoved)
}

type wordBuilder struct {
	w                      word
	sb                     strings.Builder
	n, bold, italic        int
	artifacts, paginations int
	barcodes               int
	lastX, lastY, lastSize float64
	lastSpacing            float64
	lastText               string
	// glyphs records the glyphs of a word with right-to-left letters
	// (rtl), in a buffer reused from word to word.
	glyphs []cluster
	rtl    bool
	// marksOnly: the word so far is a combining mark drawn before the
	// letter it sits on.
	marksOnly bool
}

func (b *wordBuilder) start(g glyph) {
	buf := b.glyphs[:0]
	*b = wordBuilder{glyphs: buf}
	b.w = word{x0: g.x, x1: g.x + g.w, y: g.y, size: g.size, moved: g.flags&flagMoved != 0}
	b.marksOnly = isMark(g.text)
	b.add(g)
}

func (b *wordBuilder) add(g glyph) {
	if b.marksOnly && !isMark(g.text) {
		// The letter under a mark drawn first sets the baseline.
		b.w.y, b.marksOnly = g.y, false
	}
	if !b.rtl && g.text[0] >= utf8.RuneSelf && hasRTL(g.text) {
		b.startClusters(g)
	}
	b.sb.WriteString(g.text)
	if b.rtl {
		b.glyphs = append(b.glyphs, cluster{text: g.text, x0: g.x, x1: g.x + g.w})
	}
	b.w.x1 = math.Max(b.w.x1, g.x+g.w)
	b.w.x0 = math.Min(b.w.x0, g.x)
	if g.size > b.w.size {
		b.w.size = g.size
	}
	n := utf8.RuneCountInString(g.text)
	b.n += n
	if g.font.bold {
		b.bold += n
	}
	if g.font.italic {
		b.italic += n
	}
	if g.font.barcode {
		b.barcodes += n
	}
	if g.flags&flagArtifact != 0 {
		b.artifacts += n
	}
	if g.flags&flagPagination != 0 {
		b.paginations += n
	}
	b.lastX, b.lastY, b.lastSize, b.lastText, b.lastSpacing = g.x, g.y, g.size, g.text, g.spacing
}

// startClusters begins recording the glyphs of a word at its first
// right-to-left letter, so that a left-to-right word costs nothing. What
// came before (a bracket, a mark drawn before its letter) is taken one
// character at a time, spread over the word up to this glyph, in the
// order it was drawn.
func (b *wordBuilder) startClusters(g glyph) {
	b.rtl = true
	b.glyphs = b.glyphs[:0]
	prefix := b.sb.String()
	n := float64(utf8.RuneCountInString(prefix))
	k := 0.0
	for _, r := range prefix {
		x := b.w.x0 + (g.x-b.w.x0)*k/n
		b.glyphs = append(b.glyphs, cluster{text: string(r), x0: x, x1: x})
		k++
	}
}

func (b *wordBuilder) finish() word {
	w := b.w
	w.text = b.sb.String()
	w.bold = b.bold*2 > b.n
	w.italic = b.italic*2 > b.n
	w.barcode = b.barcodes*2 > b.n
	w.artifact = b.artifacts == b.n
	w.pagination = b.paginations == b.n
	w.spacing = b.lastSpacing
	if b.rtl {
		cs := wordClusters(b.glyphs)
		w.clusters = &cs
	}
	return w
}

// continues reports whether g extends the word being built.
func (b *wordBuilder) continues(g glyph) bool {
	size := math.Max(math.Min(b.lastSize, g.size), 1)
	if math.Abs(g.y-b.lastY) > baselineSlack*size {
		return false
	}
	gap := g.x - b.w.x1 - tracking(b.lastSpacing, g.flags&flagMoved != 0)
	if b.marksOnly || isMark(g.text) {
		// A combining mark and its letter overlap, or nearly: the
		// producer places the mark over the letter, before or after it.
		return g.x > b.w.x0-size && gap < 0.5*size
	}
	return gap > -backtrack*size && gap < wordGap*size
}

// adjoins reports whether a space glyph is drawn where the word ends.
func (b *wordBuilder) adjoins(g glyph) bool {
	size := math.Max(math.Min(b.lastSize, g.size), 1)
	gap := g.x - b.w.x1 - tracking(b.lastSpacing, g.flags&flagMoved != 0)
	return math.Abs(g.y-b.lastY) <= baselineSlack*size && gap > -backtrack*size && gap < spaceReach*size
}

// tracking is the part of a gap that letter spacing made: a glyph that
// follows the previous one's advance sits that much further on without
// a word break; one placed anew owes nothing to it.
func tracking(spacing float64, moved bool) float64 {
	if moved {
		return 0
	}
	return math.Max(0, spacing)
}

// duplicate reports a glyph drawn again over the previous one, which is
// how some producers fake bold type.
func (b *wordBuilder) duplicate(g glyph) bool {
	return g.text == b.lastText && math.Abs(g.x-b.lastX) < 0.1*g.size && math.Abs(g.y-b.lastY) < 0.1*g.size
}

// buildWords groups a page's glyphs, in drawing order, into words.
func buildWords(glyphs []glyph) []word {
	var words []word
	var b wordBuilder
	open := false
	flush := func(space bool) {
		if open {
			w := b.finish()
			w.spaceAfter = space
			if strings.TrimSpace(w.text) != "" {
				words = append(words, w)
			}
		}
		open = false
	}
	for _, g := range glyphs {
		if g.flags&flagRotated != 0 {
			continue
		}
		if g.text == "" {
			// A glyph whose text was given by an /ActualText elsewhere
			// still extends the word's box.
			if open && b.continues(g) {
				b.w.x1 = math.Max(b.w.x1, g.x+g.w)
			}
			continue
		}
		if strings.TrimSpace(g.text) == "" {
			// A space drawn elsewhere (LibreOffice positions the spaces
			// and punctuation of an Arabic line by large TJ offsets)
			// separates nothing from this word.
			flush(open && b.adjoins(g))
			continue
		}
		if open && b.duplicate(g) {
			continue
		}
		if open && b.continues(g) {
			b.add(g)
			continue
		}
		flush(false)
		b.start(g)
		open = true
	}
	flush(false)
	return words
}

// baselineGroups clusters words into rows sharing a baseline, top to
// bottom, each row's words left to right. Superscripts (smaller type set
// above the baseline) join the row they belong to.
func baselineGroups(words []word, idx []int) [][]int {
	sorted := append([]int(nil), idx...)
	slices.SortStableFunc(sorted, func(i, j int) int {
		a, b := words[i], words[j]
		if c := cmp.Compare(a.y, b.y); c != 0 {
			return c
		}
		return cmp.Compare(a.x0, b.x0)
	})
	// Each row is a run of the sorted indices; capping its capacity keeps
	// a later append from writing into the next row.
	var rows [][]int
	start := 0
	var rowY, rowSize float64
	for k, i := range sorted {
		w := words[i]
		if k > start && w.y-rowY <= baselineSlack*math.Max(rowSize, 1) {
			rowSize = math.Max(rowSize, w.size)
			continue
		}
		if k > start {
			rows = append(rows, sorted[start:k:k])
		}
		start, rowY, rowSize = k, w.y, w.size
	}
	if len(sorted) > start {
		rows = append(rows, sorted[start:len(sorted):len(sorted)])
	}
	rows = mergeSuperscripts(words, rows)
	for _, r := range rows {
		slices.SortStableFunc(r, func(i, j int) int { return cmp.Compare(words[i].x0, words[j].x0) })
	}
	return rows
}

func rowMetrics(words []word, row []int) (y, size, x0, x1 float64) {
	x0, x1 = math.Inf(1), math.Inf(-1)
	for _, i := range row {
		w := words[i]
		if w.size > size {
			size, y = w.size, w.y
		}
		x0, x1 = math.Min(x0, w.x0), math.Max(x1, w.x1)
	}
	return y, size, x0, x1
}

// mergeSuperscripts joins a row of small type to the row below it when it
// sits within that row's ascent and beside its words ("29th", note
// references).
func mergeSuperscripts(words []word, rows [][]int) [][]int {
	out := rows[:0:0]
	for i := 0; i < len(rows); i++ {
		row := rows[i]
		if i+1 < len(rows) {
			y, size, x0, x1 := rowMetrics(words, row)
			ny, nsize, nx0, nx1 := rowMetrics(words, rows[i+1])
			if size <= superSize*nsize && ny-y > 0 && ny-y < 0.6*nsize && x0 >= nx0-nsize && x1 <= nx1+nsize {
				rows[i+1] = append(rows[i+1], row...)
				continue
			}
		}
		out = append(out, row)
	}
	return out
}

// joinWords renders a row of words as text, with a space wherever the gap
// or the producer says there is one.
func joinWords(words []word, row []int) string {
	var sb strings.Builder
	for k, i := range row {
		if k > 0 && needsSpace(words[row[k-1]], words[i]) {
			sb.WriteByte(' ')
		}
		sb.WriteString(strings.TrimSpace(words[i].text))
	}
	return sb.String()
}

// needsSpace reports whether a space separates two words of a row.
func needsSpace(prev, w word) bool {
	gap := w.x0 - prev.x1 - tracking(prev.spacing, w.moved)
	return prev.spaceAfter || gap >= wordGap*math.Max(math.Min(prev.size, w.size), 1)
}

// joinUndrawnGaps joins the words of a page split by a gap that no space
// fills, when the page's producer draws a space glyph at its word breaks:
// there, a gap a little wider than wordGap with no space in it is the
// producer placing the rest of a word anew ("duri ng", "people ,",
// "conflict -affected"), which a word break would have a space for. The
// real word gaps of such a page are a quarter of an em and more, these
// splits under a seventh, so that undrawnGap parts them with room on both
// sides. A page that draws its spaces draws nearly all of them; on any
// other page the gaps alone tell words apart.
func joinUndrawnGaps(words []word) []word {
	drawn, undrawn := 0, 0
	for i := 1; i < len(words); i++ {
		switch a, b := words[i-1], words[i]; {
		case !sameLine(a, b):
		case a.spaceAfter:
			drawn++
		case gapOf(a, b) >= wordGap*wordSize(a, b):
			undrawn++
		}
	}
	if drawn < 20 || drawn < 20*undrawn {
		return words
	}
	out := words[:0]
	for _, w := range words {
		if n := len(out); n > 0 && undrawnSplit(out[n-1], w) {
			a := &out[n-1]
			a.text = strings.TrimSpace(a.text) + strings.TrimSpace(w.text)
			a.x1 = math.Max(a.x1, w.x1)
			a.size = math.Max(a.size, w.size)
			a.spacing, a.spaceAfter = w.spacing, w.spaceAfter
			continue
		}
		out = append(out, w)
	}
	return out
}

// undrawnSplit reports whether b is the rest of the word a, placed anew
// after a gap with no space drawn in it: on a's baseline, in a's style,
// just past wordGap; never dot leaders, nor right-to-left letters, whose
// words keep their glyphs' order apart.
func undrawnSplit(a, b word) bool {
	if a.spaceAfter || !sameLine(a, b) || a.clusters != nil || b.clusters != nil ||
		a.bold != b.bold || a.italic != b.italic || a.artifact != b.artifact || a.pagination != b.pagination || a.barcode != b.barcode {
		return false
	}
	if t := strings.TrimSpace(b.text); strings.Trim(t, ". …_") == "" && utf8.RuneCountInString(t) > 1 {
		return false
	}
	gap, size := gapOf(a, b), wordSize(a, b)
	return gap >= wordGap*size && gap < undrawnGap*size
}

// sameLine reports whether b follows a on a's baseline, to its right.
func sameLine(a, b word) bool {
	size := wordSize(a, b)
	return math.Abs(b.y-a.y) <= baselineSlack*size && b.x0 >= a.x1-backtrack*size
}

// gapOf is the white space between two words of a line, tracking aside.
func gapOf(a, b word) float64 {
	return b.x0 - a.x1 - tracking(a.spacing, b.moved)
}

func wordSize(a, b word) float64 {
	return math.Max(math.Min(a.size, b.size), 1)
}

// letterClusters is a word's clusters, or the word as one cluster.
func letterClusters(w word) []cluster {
	if w.clusters != nil {
		return *w.clusters
	}
	return []cluster{{text: strings.TrimSpace(w.text), x0: w.x0, x1: w.x1}}
}

// mergeLetterSpaced joins headings set with letter spacing ("G E N E R A L")
// into words: three or more single letters in a row, closer than an em,
// are one word, broken where a gap is clearly wider than the others.
func mergeLetterSpaced(words []word) []word {
	idx := make([]int, len(words))
	for i := range idx {
		idx[i] = i
	}
	drop := make([]bool, len(words))
	single := func(w word) bool {
		r := []rune(strings.TrimSpace(w.text))
		return len(r) == 1 && unicode.IsLetter(r[0])
	}
	for _, row := range baselineGroups(words, idx) {
		for k := 0; k < len(row); {
			end := k + 1
			for end < len(row) && single(words[row[end-1]]) && single(words[row[end]]) &&
				words[row[end]].x0-words[row[end-1]].x1 < words[row[end]].size {
				end++
			}
			if end-k < 3 || !single(words[row[k]]) {
				k = end
				continue
			}
			run := row[k:end]
			gaps := make([]float64, 0, len(run)-1)
			for j := 1; j < len(run); j++ {
				gaps = append(gaps, words[run[j]].x0-words[run[j-1]].x1)
			}
			sorted := append([]float64(nil), gaps...)
			sort.Float64s(sorted)
			typical := sorted[len(sorted)/2]
			head := run[0]
			for j := 1; j < len(run); j++ {
				if gaps[j-1] > 1.8*typical+0.05*words[run[j]].size {
					head = run[j]
					continue
				}
				if words[head].clusters != nil || words[run[j]].clusters != nil {
					cs := append(slices.Clip(letterClusters(words[head])), letterClusters(words[run[j]])...)
					words[head].clusters = &cs
				}
				words[head].text += strings.TrimSpace(words[run[j]].text)
				words[head].x1 = words[run[j]].x1
				words[head].spaceAfter = words[run[j]].spaceAfter
				drop[run[j]] = true
			}
			k = end
		}
	}
	out := words[:0]
	for i, w := range words {
		if !drop[i] {
			out = append(out, w)
		}
	}
	return out
}
