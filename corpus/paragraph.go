package corpus

import (
	"strings"
	"unicode/utf8"
)

// MaxParagraphBytes is the longest paragraph a record holds. The longest
// paragraphs of real verbatim records are under 5 KB; a longer one is a
// damaged or hostile document, or one whose paragraphs were not told apart,
// and is stored in pieces (Paragraph.Part) so that every later stage —
// theme coding, the index, highlighting, the pages and workbooks — works
// on text of a bounded size.
const MaxParagraphBytes = 8 << 10

// SplitText cuts text into pieces of at most max bytes (at least one
// piece; text within max is returned whole): after a sentence's end in
// the second half of a piece where there is one, else at a space there,
// else between two characters. White space around a cut is dropped. It takes
// time linear in the text.
func SplitText(text string, max int) []string {
	if len(text) <= max || max < 2*utf8.UTFMax {
		return []string{text}
	}
	var out []string
	for len(text) > max {
		cut := cutPoint(text, max)
		if piece := strings.TrimSpace(text[:cut]); piece != "" {
			out = append(out, piece)
		}
		text = strings.TrimSpace(text[cut:])
	}
	if strings.TrimSpace(text) != "" || len(out) == 0 {
		out = append(out, text)
	}
	return out
}

// cutPoint is where to cut the first piece of text, longer than max.
func cutPoint(text string, max int) int {
	window := text[:max]
	half := max / 2
	sentence, space := -1, -1
	prev := rune(0)
	for i, r := range window {
		switch {
		case r == ' ' && i >= half:
			space = i
			if prev == '.' || prev == '!' || prev == '?' || prev == ';' {
				sentence = i
			}
		case (r == '。' || r == '！' || r == '？' || r == '；') && i+utf8.RuneLen(r) >= half:
			sentence = i + utf8.RuneLen(r)
		}
		prev = r
	}
	switch {
	case sentence > 0:
		return sentence
	case space > 0:
		return space
	}
	// Between two characters: the last start of one within the window.
	for cut := max; cut > 0; cut-- {
		if utf8.RuneStart(text[cut]) {
			return cut
		}
	}
	return max
}
