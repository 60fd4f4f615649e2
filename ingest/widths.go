package ingest

import (
	"sort"
	"unicode"
	"unicode/utf8"
)

// textWidth is a line's approximate printed width in thousandths of an
// em, from the advance widths of a Times-like face: without geometry, a
// line's length in characters misjudges narrow and wide letters, and with
// them whether a word would have fitted. Chinese characters are one em.
func textWidth(s string) int {
	n := 0
	for _, r := range s {
		n += glyphWidth(r)
	}
	return n
}

func glyphWidth(r rune) int {
	switch {
	case r < 128:
		return asciiWidths[r]
	case isCJK(r):
		return 1000
	case r == '—':
		return 1000
	case r == '–' || r == '“' || r == '”':
		return 500
	case r == '’' || r == '‘':
		return 333
	case unicode.IsUpper(r):
		return 700
	}
	return 500
}

// asciiWidths are Times Roman advance widths.
var asciiWidths = func() [128]int {
	var w [128]int
	for i := range w {
		w[i] = 500
	}
	set := func(chars string, width int) {
		for _, c := range chars {
			w[c] = width
		}
	}
	set(" ", 250)
	set("ijl.,;:'!|`", 278)
	set("ftrI()[]-/", 333)
	set("acesz?\"", 444)
	set("J", 389)
	set("EFLPSTZ", 611)
	set("ABCDGHKNOQRUVXYw", 722)
	set("m", 778)
	set("M", 889)
	set("W", 944)
	return w
}()

// shortLine tells, without geometry, whether prev ends its paragraph
// before the line cur: it stops well short of a full line, and the first
// word of cur would have fitted after it (a line that stops short because
// the next word is long is only wrapped). Chinese wraps between any two
// characters, so its full lines are all of one width.
func shortLine(prev, cur line, typical map[int]lineWidths) bool {
	w := typical[prev.page]
	if w.full == 0 {
		return false
	}
	width := textWidth(prev.Text)
	last, _ := utf8.DecodeLastRuneInString(prev.Text)
	pct, sep := 85, glyphWidth(' ')
	if isCJK(last) {
		pct, sep = 96, 0
	}
	// The next word; in Chinese, up to the first Chinese character.
	next := firstField(cur.Text)
	for i, r := range next {
		if isCJK(r) {
			next = next[:i+utf8.RuneLen(r)]
			if i > 0 {
				next = next[:i]
			}
			break
		}
	}
	return width*100 < w.full*pct && width+sep+textWidth(next) <= w.max
}

// lineWidths are a page's usual width of a full line (80th percentile)
// and its widest lines (95th).
type lineWidths struct{ full, max int }

// typicalLengths returns, per page, the widths of its full lines.
func typicalLengths(lines []line) map[int]lineWidths {
	byPage := map[int][]int{}
	for _, l := range lines {
		n := textWidth(l.Text)
		if n >= 5000 {
			byPage[l.page] = append(byPage[l.page], n)
		}
	}
	out := map[int]lineWidths{}
	for page, ns := range byPage {
		sort.Ints(ns)
		out[page] = lineWidths{full: ns[len(ns)*8/10], max: ns[len(ns)*95/100]}
	}
	return out
}
