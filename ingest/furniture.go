package ingest

import (
	"strconv"
	"strings"

	"github.com/scdebate/scdebate/ingest/layout"
)

// line is one line of the document as the parser sees it.
type line struct {
	layout.Line
	page int
	// pos and count place the line on its page (0-based, of count lines),
	// to tell running heads and feet from text.
	pos, count int
}

// flatten lists the lines of all pages in order.
func flatten(doc layout.Document) []line {
	n := 0
	for _, p := range doc.Pages {
		n += len(p.Lines)
	}
	out := make([]line, 0, n)
	for _, p := range doc.Pages {
		for i, l := range p.Lines {
			l.Text = cleanLine(l.Text)
			if l.Text == "" {
				continue
			}
			out = append(out, line{Line: l, page: p.N, pos: i, count: len(p.Lines)})
		}
	}
	return out
}

// Page furniture that is never text, wherever it stands on the page.
var furnitureRes = []*pattern{
	lazyRegexp(`^\d{2}-\d{4,6}\s*(\(\p{L}\))?$`),                      // job number "24-19856 (E)"
	lazyRegexp(`^\*\s?\d{6,}\s?\*$`),                                  // barcode "*2419856*"
	lazyRegexp(`^\d{1,4}\s?/\s?\d{1,4}$`),                             // page "2/38"
	lazyRegexp(`^\d{2}/\d{2}/\d{4}$`),                                 // running date "29/10/2024"
	lazyRegexp(`^General Assembly\s*[-–—]\s*[\p{L}-]+ (?i:session)$`), // "General Assembly - Forty-eighth session"
	lazyRegexp(`^\d+(?:st|nd|rd|th) (?:plenary )?meeting\s*[-–—]\s*\p{L}+day, \d{1,2} \p{L}+ \d{4}$`),
	lazyRegexp(`^Distr\.?\s*(?:GENERAL|LIMITED|RESTRICTED)$`),
	lazyRegexp(`^(?:Original:\s*)?(?:ENGLISH|FRENCH|SPANISH|RUSSIAN|ARABIC|CHINESE)$`),
	lazyRegexp(`^Corrections will be issued after the end of the session in a consolidated corrigendum\.$`),
	lazyRegexp(`^[.·•_\-–—\s]+$`), // stray leaders and rules
}

// Running heads that are furniture only at the top or the foot of a page,
// where they stand beside other furniture.
var (
	bodyHeadRe = lazyRegexp(`^(?:Security Council|General Assembly)$`)
	yearHeadRe = lazyRegexp(`^[\p{Lu}][\p{Ll}]+(?:-[\p{Ll}]+)? (?i:year|session)$`) // "Fifty-second year"
)

var edgeFurnitureRes = []*pattern{
	yearHeadRe,
	lazyRegexp(`^\d+(?:st|nd|rd|th) (?i:(?:plenary )?meeting)$`), // "3756th meeting"
	lazyRegexp(`^\d{1,2} \p{L}+ \d{4}$`),                         // "21 March 1997"
	lazyRegexp(`^\d{1,4}$`),                                      // page number
}

// The corrections notice on the first page: its first line, and the words
// that mark its continuation lines.
var (
	noticeStartRe = lazyRegexp(`^(?:This record (?:contains|is subject to correction)|Corrections should be)`)
	noticeWordsRe = lazyRegexp(`(?i)correct|corrigend|verbatim report|delegation concerned|original (?:languages?|speeches)|signature of a member|Official Document System|documents\.un\.org|@un\.org|\broom [A-Z]{1,2}\s?-\s?\d|incorporated in a copy|speeches delivered|other languages|within one week|Official Records of the|final text will be printed|interpretation of|translation of|reissued electronically`)
)

// stripFurniture removes running heads and feet, page numbers, job numbers,
// barcodes and the corrections notice. symbol is the document's symbol and
// heads lists other running-head texts known from the cover (the Security
// Council prints the agenda as a running head), both removed only at a
// page's edge.
func stripFurniture(lines []line, symbol string, heads []string, loc *locale) []line {
	symbolKey := strings.ReplaceAll(symbol, " ", "")
	furniture := make([]bool, len(lines))
	for i, l := range lines {
		furniture[i] = isFurniture(l.Text)
	}
	out := make([]line, 0, len(lines))
	for i := 0; i < len(lines); i++ {
		l := lines[i]
		t := l.Text
		words := noticeWordsRe
		if loc.noticeStart.MatchString(t) {
			words = loc.noticeWords
		}
		if (noticeStartRe.MatchString(t) || loc.noticeStart.MatchString(t)) && words.MatchString(t) {
			// Skip the notice's continuation lines.
			j := i + 1
			for ; j < len(lines) && j-i < 10 && lines[j].page == l.page && words.MatchString(lines[j].Text); j++ {
			}
			i = j - 1
			continue
		}
		if furniture[i] || (symbolKey != "" && strings.ReplaceAll(t, " ", "") == symbolKey) {
			continue
		}
		if atPageEdge(lines, furniture, i) && (isEdgeFurniture(t, l.page) || matchesAny(t, heads) || bodyHeadRe.MatchString(t) && besideYearHead(lines, i)) {
			continue
		}
		out = append(out, l)
	}
	return out
}

func isFurniture(t string) bool {
	for _, re := range furnitureRes {
		if re.MatchString(t) {
			return true
		}
	}
	return false
}

func isEdgeFurniture(t string, page int) bool {
	for i, re := range edgeFurnitureRes {
		if !re.MatchString(t) {
			continue
		}
		if i == len(edgeFurnitureRes)-1 {
			// A bare number is the page number only on its own page.
			n, _ := strconv.Atoi(t)
			return n == page
		}
		return true
	}
	return false
}

// besideYearHead: "Security Council" is a running head when "Fifty-second
// year" stands next to it, and otherwise may be the end of a sentence.
func besideYearHead(lines []line, i int) bool {
	for _, j := range []int{i - 1, i + 1} {
		if j >= 0 && j < len(lines) && lines[j].page == lines[i].page && yearHeadRe.MatchString(lines[j].Text) {
			return true
		}
	}
	return false
}

func matchesAny(t string, heads []string) bool {
	for _, h := range heads {
		if h != "" && strings.EqualFold(t, h) {
			return true
		}
	}
	return false
}

// atPageEdge reports whether lines[i] is among the first or last few lines
// of its page, counting only lines that are not themselves furniture, or is
// next to furniture (a page number printed between two columns).
func atPageEdge(lines []line, furniture []bool, i int) bool {
	const edge = 4
	page := lines[i].page
	before, after := 0, 0
	for j := i - 1; j >= 0 && lines[j].page == page && before < edge; j-- {
		if !furniture[j] {
			before++
		}
	}
	for j := i + 1; j < len(lines) && lines[j].page == page && after < edge; j++ {
		if !furniture[j] {
			after++
		}
	}
	if before < edge || after < edge {
		return true
	}
	near := func(j int) bool {
		return j >= 0 && j < len(lines) && lines[j].page == page && furniture[j]
	}
	return near(i-1) || near(i+1)
}
