package ingest

import (
	"strings"
	"unicode"
)

// Arabic text may come out of a PDF in visual order, the order the glyphs
// are painted from left to right, instead of the logical order it is read
// in: ":)ةيزيلكنلإاب ملكت( ..." for "... (تكلم بالإنكليزية):". A document whose
// lines read as speaker lines only once reversed is turned into logical
// order, line by line.

// logicalOrder puts the lines of an Arabic document in reading order when
// they are in visual order, and returns the others unchanged.
func logicalOrder(lines []line, g *grammar) []line {
	visual, logical := 0, 0
	for _, l := range lines {
		if !hasArabic(l.Text) {
			continue
		}
		if startsWithLabel(l.Text, g) {
			logical++
		}
		if startsWithLabel(reverseVisual(l.Text), g) {
			visual++
		}
	}
	if visual <= logical {
		return lines
	}
	out := make([]line, len(lines))
	for i, l := range lines {
		out[i] = l
		if hasArabic(l.Text) {
			out[i].Text = reverseVisual(l.Text)
		}
	}
	return out
}

// startsWithLabel reports whether a line opens with a presiding officer's
// label or a speaker's title.
func startsWithLabel(t string, g *grammar) bool {
	for _, o := range g.officers {
		if strings.HasPrefix(t, o.label+" ") || strings.HasPrefix(t, o.label+":") || strings.HasPrefix(t, o.label+" (") {
			return true
		}
	}
	for _, title := range g.titles {
		if strings.HasPrefix(t, title+" ") {
			return true
		}
	}
	return false
}

func hasArabic(t string) bool {
	for _, r := range t {
		if unicode.Is(unicode.Arabic, r) {
			return true
		}
	}
	return false
}

// reverseVisual turns a line from visual into logical order: the order of
// its runs is reversed, and so are the characters inside right-to-left
// runs, while numbers and Latin words keep their own left-to-right order.
// Brackets are mirrored.
func reverseVisual(t string) string {
	runes := []rune(t)
	ltrAt := make([]bool, len(runes))
	for i, r := range runes {
		ltrAt[i] = isLTR(r)
	}
	// A full stop or slash inside a number or a symbol ("15/05",
	// "A/79/PV.29") goes with it; elsewhere it follows the line.
	for i, r := range runes {
		if (r == '.' || r == '/' || r == '-' || r == ',') && i > 0 && i+1 < len(runes) && isLTR(runes[i-1]) && isLTR(runes[i+1]) {
			ltrAt[i] = true
		}
	}
	type run struct {
		text []rune
		ltr  bool
	}
	var runs []run
	for i := 0; i < len(runes); {
		ltr := ltrAt[i]
		j := i + 1
		for j < len(runes) && ltrAt[j] == ltr {
			j++
		}
		runs = append(runs, run{runes[i:j], ltr})
		i = j
	}
	var b strings.Builder
	b.Grow(len(t))
	for k := len(runs) - 1; k >= 0; k-- {
		r := runs[k]
		if r.ltr {
			b.WriteString(string(r.text))
			continue
		}
		for i := len(r.text) - 1; i >= 0; i-- {
			b.WriteRune(mirror(r.text[i]))
		}
	}
	return b.String()
}

// isLTR tells the characters that keep their order inside a right-to-left
// line: digits, Latin letters and the punctuation that joins them.
func isLTR(r rune) bool {
	return unicode.Is(unicode.Latin, r) || unicode.IsDigit(r)
}

func mirror(r rune) rune {
	switch r {
	case '(':
		return ')'
	case ')':
		return '('
	case '[':
		return ']'
	case ']':
		return '['
	case '«':
		return '»'
	case '»':
		return '«'
	}
	return r
}
