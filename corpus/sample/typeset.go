package sample

import (
	"strings"
	"unicode/utf8"
)

// typesetter breaks text into lines the way the records' single column does.
// Widths are in thousandths of an em of Times New Roman for English (so
// lines vary in characters as in print, 76 to 88 on a full line) and in
// full-width character cells for Chinese.
type typesetter struct {
	lang    string
	measure float64
}

const (
	measureEN = 35000
	measureZH = 40
	// lastLineShare bounds a paragraph's last line, as a share of the
	// measure; narrowMin is how far a paragraph may be narrowed to keep it.
	lastLineShare = 0.80
	narrowMin     = 0.88
)

func newTypesetter(lang string) typesetter {
	if lang == "zh" {
		return typesetter{lang: lang, measure: measureZH}
	}
	return typesetter{lang: lang, measure: measureEN}
}

// wrap breaks a paragraph into lines whose last line is short: if the full
// measure leaves a long last line, the paragraph is set slightly narrower.
// Chinese lines are justified to the full measure and are not narrowed.
func (t typesetter) wrap(text string) []string {
	if t.lang == "zh" {
		return wrapCJK(text, t.measure)
	}
	words := strings.Fields(text)
	widths := make([]float64, len(words))
	for i, w := range words {
		widths[i] = t.width(w)
	}
	starts := breakWords(widths, t.measure)
	for w := t.measure; w >= t.measure*narrowMin; w -= t.measure / 100 {
		try := breakWords(widths, w)
		if lineWidth(widths, try[len(try)-1], len(widths)) <= t.measure*lastLineShare {
			starts = try
			break
		}
	}
	return joinLines(words, starts)
}

// wrapWidth breaks text at the given measure, without narrowing.
func (t typesetter) wrapWidth(text string, measure float64) []string {
	if t.lang == "zh" {
		return wrapCJK(text, measure)
	}
	words := strings.Fields(text)
	widths := make([]float64, len(words))
	for i, w := range words {
		widths[i] = t.width(w)
	}
	return joinLines(words, breakWords(widths, measure))
}

// breakWords fills lines greedily and returns the index of each line's
// first word.
func breakWords(widths []float64, measure float64) []int {
	starts := []int{0}
	line := 0.0
	for i, w := range widths {
		if i > starts[len(starts)-1] && line+spaceEN+w > measure {
			starts = append(starts, i)
			line = 0
		}
		if i > starts[len(starts)-1] {
			line += spaceEN
		}
		line += w
	}
	return starts
}

func lineWidth(widths []float64, from, to int) float64 {
	w := 0.0
	for i := from; i < to; i++ {
		w += widths[i]
	}
	return w + spaceEN*float64(max(0, to-from-1))
}

func joinLines(words []string, starts []int) []string {
	lines := make([]string, len(starts))
	for i, from := range starts {
		to := len(words)
		if i+1 < len(starts) {
			to = starts[i+1]
		}
		lines[i] = strings.Join(words[from:to], " ")
	}
	return lines
}

func (t typesetter) width(s string) float64 {
	total := 0.0
	for _, r := range s {
		if t.lang == "zh" {
			total += widthCJK(r)
		} else {
			total += widthEN(r)
		}
	}
	return total
}

// leader is the President's line on the cover, name and country joined by
// dot leaders: "Mr. Halmos ........(Hungary)".
func (t typesetter) leader(name, country string) string {
	if t.lang == "zh" {
		dots := max(3, 2*measureZH-2*int(t.width(name))-2*int(t.width(country))-4)
		return name + " " + strings.Repeat(".", dots) + "（" + country + "）"
	}
	dots := max(3, 108-utf8.RuneCountInString(name)-utf8.RuneCountInString(country))
	return name + " " + strings.Repeat(".", dots) + "(" + country + ")"
}

// Times New Roman advance widths, thousandths of an em.
var timesWidths = map[rune]float64{
	' ': 250, '!': 333, '"': 408, '#': 500, '$': 500, '%': 833, '&': 778, '\'': 180, '(': 333, ')': 333,
	'*': 500, '+': 564, ',': 250, '-': 333, '.': 250, '/': 278, ':': 278, ';': 278, '?': 444, '@': 921,
	'A': 722, 'B': 667, 'C': 667, 'D': 722, 'E': 611, 'F': 556, 'G': 722, 'H': 722, 'I': 333, 'J': 389,
	'K': 722, 'L': 611, 'M': 889, 'N': 722, 'O': 722, 'P': 556, 'Q': 722, 'R': 667, 'S': 556, 'T': 611,
	'U': 722, 'V': 722, 'W': 944, 'X': 722, 'Y': 722, 'Z': 611,
	'a': 444, 'b': 500, 'c': 444, 'd': 500, 'e': 444, 'f': 333, 'g': 500, 'h': 500, 'i': 278, 'j': 278,
	'k': 500, 'l': 278, 'm': 778, 'n': 500, 'o': 500, 'p': 500, 'q': 500, 'r': 333, 's': 389, 't': 278,
	'u': 500, 'v': 500, 'w': 722, 'x': 500, 'y': 500, 'z': 444,
	'’': 333, '‘': 333, '“': 444, '”': 444, '—': 1000, '–': 500, 'é': 444, 'ü': 500, 'ô': 500,
}

const spaceEN = 250

// asciiWidths is timesWidths for ASCII, indexed for speed.
var asciiWidths = func() (a [128]float64) {
	for i := range a {
		a[i] = 500
		if w, ok := timesWidths[rune(i)]; ok {
			a[i] = w
		}
	}
	return a
}()

func widthEN(r rune) float64 {
	if r < 128 {
		return asciiWidths[r]
	}
	if w, ok := timesWidths[r]; ok {
		return w
	}
	return 500
}

func widthCJK(r rune) float64 {
	if r < 0x2000 {
		return 0.5
	}
	return 1
}

// Chinese line-breaking rules: these never start a line, those never end
// one.
const (
	noLineStart = "，。、；：？！）」』”’》〉】％·…"
	noLineEnd   = "（「『“‘《〈【"
)

// wrapCJK breaks Chinese text at any character, keeping runs of Latin
// letters and digits ("A/77/2", "76/262") whole and applying the
// line-breaking rules: closing punctuation hangs at the end of a full line,
// opening punctuation moves to the next.
func wrapCJK(text string, measure float64) []string {
	var tokens []string
	var latin strings.Builder
	flush := func() {
		if latin.Len() > 0 {
			tokens = append(tokens, latin.String())
			latin.Reset()
		}
	}
	for _, r := range text {
		if r < 0x2000 && r != ' ' {
			latin.WriteRune(r)
			continue
		}
		flush()
		tokens = append(tokens, string(r))
	}
	flush()

	tokenWidth := func(tok string) float64 {
		w := 0.0
		for _, r := range tok {
			w += widthCJK(r)
		}
		return w
	}
	var lines []string
	var line []string
	width := 0.0
	for _, tok := range tokens {
		w := tokenWidth(tok)
		if width+w > measure && len(line) > 0 && !strings.Contains(noLineStart, tok) {
			var carry []string
			if last := line[len(line)-1]; strings.Contains(noLineEnd, last) && len(line) > 1 {
				carry = []string{last}
				line = line[:len(line)-1]
			}
			lines = append(lines, strings.TrimRight(strings.Join(line, ""), " "))
			line, width = carry, 0
			for _, c := range carry {
				width += tokenWidth(c)
			}
			if tok == " " && len(line) == 0 {
				continue
			}
		}
		line = append(line, tok)
		width += w
	}
	if len(line) > 0 || len(lines) == 0 {
		lines = append(lines, strings.TrimRight(strings.Join(line, ""), " "))
	}
	return lines
}
