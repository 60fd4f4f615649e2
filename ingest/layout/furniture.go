package layout

import (
	"math"
	"regexp"
	"strings"
	"unicode"
)

// Page furniture: what the printer puts on every page (running heads with
// the symbol and date, page numbers, the job number and barcode) and the
// corrections notice on the first page. It is found by position and
// pattern, and by repetition across pages, then removed from the text and
// kept in Page.Furniture.

// The margin bands, as fractions of the page height, where running heads
// and footers sit. Lines there are removed only when they match a pattern
// or repeat across pages, so the bands can be generous.
const (
	headBand = 0.12
	footBand = 0.88
	// segmentGap splits a row into separately positioned pieces (a page
	// number at one edge, the symbol at the other).
	segmentGap = 3.0
)

var (
	rePageNumber = regexp.MustCompile(`^(?:[-–]\s*)?\d{1,4}(?:\s*[-–])?$|^\d{1,4}\s*/\s*\d{1,4}$|^(?i:page)\s+\d+(?:\s+of\s+\d+)?$`)
	reJobNumber  = regexp.MustCompile(`^[A-Z]?\d{2}-\d{4,6}\s*(?:\([A-Z]\))?(?:\s+\*\d{5,10}\*)?$`)
	reBarcode    = regexp.MustCompile(`^\*\d{5,10}\*$`)
	reSymbol     = regexp.MustCompile(`^[A-Z]{1,6}\s?(?:/\s?[A-Za-z0-9.\-()]+)+$`)
	reDate       = regexp.MustCompile(`^\d{1,2}/\d{1,2}/\d{2,4}$`)
	// The notice that opens the corrections block on a record's first page.
	reNotice = regexp.MustCompile(`^This record (?:contains|is subject to correction)`)
)

// segment is a piece of a row: words on one baseline without a wide gap.
type segment struct {
	words   []int
	text    string
	y, size float64
	x0, x1  float64
}

func segments(words []word, rows [][]int, mode bidiMode) []segment {
	var segs []segment
	for _, row := range rows {
		start := 0
		for k := 1; k <= len(row); k++ {
			if k < len(row) {
				prev, w := words[row[k-1]], words[row[k]]
				if w.x0-prev.x1 < segmentGap*math.Max(prev.size, 1) {
					continue
				}
			}
			piece := row[start:k]
			y, size, x0, x1 := rowMetrics(words, piece)
			segs = append(segs, segment{words: piece, text: mode.join(words, piece), y: y, size: size, x0: x0, x1: x1})
			start = k
		}
	}
	return segs
}

// furnitureKey normalizes a margin line for comparison across pages:
// page numbers and dates change, the rest of a running head does not.
func furnitureKey(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		switch {
		case unicode.IsDigit(r):
			if !strings.HasSuffix(b.String(), "#") {
				b.WriteByte('#')
			}
		case unicode.IsSpace(r):
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

type band int

const (
	bandBody band = iota
	bandHead
	bandFoot
)

func bandOf(s segment, height float64) band {
	switch {
	case s.y < headBand*height:
		return bandHead
	case s.y > footBand*height:
		return bandFoot
	}
	return bandBody
}

// markFurniture decides which words of each page are furniture.
func markFurniture(pages []*pageWork) {
	// Count on how many pages each margin text recurs.
	type bandKey struct {
		b   band
		key string
	}
	seen := map[bandKey]int{}
	for _, p := range pages {
		onPage := map[bandKey]bool{}
		for _, s := range p.segs {
			if b := bandOf(s, p.raw.height); b != bandBody && len(s.text) <= 100 {
				onPage[bandKey{b, furnitureKey(s.text)}] = true
			}
		}
		for k := range onPage {
			seen[k]++
		}
	}
	repeated := max(2, (len(pages)+3)/4)
	for pi, p := range pages {
		cover := pi == 0
		for _, s := range p.segs {
			b := bandOf(s, p.raw.height)
			if isFurniture(p.words, s, b, cover, seen[bandKey{b, furnitureKey(s.text)}] >= repeated) {
				p.markSegment(s)
			}
		}
		markNotice(p)
	}
}

func isFurniture(words []word, s segment, b band, cover, repeated bool) bool {
	allPagination, allBarcode := true, true
	for _, i := range s.words {
		allPagination = allPagination && words[i].pagination
		allBarcode = allBarcode && words[i].barcode
	}
	t := strings.TrimSpace(s.text)
	switch {
	case allBarcode, reBarcode.MatchString(t), reJobNumber.MatchString(t):
		return true
	case b == bandBody:
		return false
	case rePageNumber.MatchString(t):
		return true
	case cover:
		// The first page's masthead carries the symbol and date that the
		// parser needs (Word tags it as a running head): only numbers
		// and codes go.
		return false
	case allPagination:
		return true
	}
	return repeated || reSymbol.MatchString(t) || reDate.MatchString(t)
}

// markNotice removes the corrections notice: the line that opens it and
// the lines of the same block below it, up to the one that closes it.
func markNotice(p *pageWork) {
	for i, s := range p.segs {
		if !reNotice.MatchString(s.text) {
			continue
		}
		p.markSegment(s)
		last, x0, x1 := s, s.x0, s.x1
		for _, t := range p.segs[i+1:] {
			if t.y <= last.y || p.isFurniture(t) {
				continue
			}
			if t.y-last.y > 3*last.size {
				break
			}
			overlap := math.Min(t.x1, x1) - math.Max(t.x0, x0)
			if overlap < 0.5*math.Min(t.x1-t.x0, x1-x0) || math.Abs(t.size-s.size) > 0.3*s.size {
				continue
			}
			p.markSegment(t)
			last, x0, x1 = t, math.Min(x0, t.x0), math.Max(x1, t.x1)
			if strings.Contains(t.text, "corrigendum") {
				break
			}
		}
	}
}
