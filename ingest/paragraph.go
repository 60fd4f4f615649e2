package ingest

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/scdebate/scdebate/corpus"
)

// vocabulary counts the words of a document as printed inside lines, so that
// a word hyphenated across a line break can be decided by how the document
// spells it elsewhere: "recog-/nize" is joined because "recognize" occurs,
// "non-/proliferation" keeps its hyphen because "non-proliferation" does.
type vocabulary map[string]int

func newVocabulary(lines []line) vocabulary {
	v := vocabulary{}
	for _, l := range lines {
		fields := strings.Fields(l.Text)
		for i, f := range fields {
			if i == len(fields)-1 && strings.HasSuffix(f, "-") {
				continue // a word broken at the line end
			}
			if w := trimWord(f); w != "" {
				v[strings.ToLower(w)]++
			}
		}
	}
	return v
}

// trimWord strips the punctuation around a word.
func trimWord(s string) string {
	return strings.TrimFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}

// Prefixes that keep their hyphen in United Nations style (non-State,
// self-determination, well-being, co-sponsor) and second parts of compounds
// that are hyphenated (decision-making, follow-up, long-term).
var (
	hyphenPrefixes = words("non self well quasi")
	coCompounds    = []string{"sponsor", "facilitat", "chair", "author", "host", "found", "signator", "ordinator"}
	compoundHeads  = words("making building based related oriented centred centered owned led driven specific sensitive affected focused friendly free term level scale up called being known minded standing lasting ranging reaching wide-ranging induced bound run off")
	numberTens     = words("twenty thirty forty fifty sixty seventy eighty ninety")
	numberUnits    = words("one two three four five six seven eight nine first second third fourth fifth sixth seventh eighth ninth")
	// compoundPrefixes form hyphenated compounds in United Nations style
	// (high-risk, low-income, cross-section, decision-makers,
	// near-unanimous, home-grown) with a word of four letters or more
	// after them. The closed words they also begin (highlight, crossing,
	// nearby, homeland), which a line break may split the same way, go on
	// with one of the listed heads or a suffix shorter than that (high-/er).
	// The document's own spelling, where it has one, comes first.
	compoundPrefixes = map[string][]string{
		"high":     {"land", "light", "way", "ness", "brow"},
		"low":      {"land", "li", "ness"},
		"cross":    {"road", "word", "fire", "over", "bow", "ing"},
		"decision": nil,
		"near":     {"by", "ness"},
		"home":     {"land", "less", "work", "page", "made", "town", "stead", "owner", "sick", "ward", "coming", "body"},
	}
)

// keepHyphen decides whether a line ending in "left-" followed by a line
// starting with "right" is one hyphenated word (true) or one word broken by
// the typesetter (false).
func keepHyphen(left, right string, v vocabulary) bool {
	l, r := trimWord(left), trimWord(right)
	if l == "" || r == "" {
		return true
	}
	lr, _ := utf8.DecodeLastRuneInString(l)
	rr, _ := utf8.DecodeRuneInString(r)
	if unicode.IsDigit(lr) || unicode.IsDigit(rr) {
		return true // "COVID-19", "2023-2024"
	}
	ll, rl := strings.ToLower(l), strings.ToLower(r)
	if v != nil {
		joined, hyph := v[ll+rl], v[ll+"-"+rl]
		if hyph > joined {
			return true
		}
		if joined > hyph {
			return false
		}
	}
	upperL := strings.ToUpper(l) == l && strings.ToLower(l) != l
	upperR := strings.ToUpper(r) == r && strings.ToLower(r) != r
	if unicode.IsUpper(rr) && !(upperL && upperR) {
		return true // "Secretary-General", "non-State", "Vice-President"
	}
	if upperL && len(l) >= 2 && !upperR {
		return true // "IAEA-supported"
	}
	if hyphenPrefixes[ll] || numberTens[ll] && numberUnits[rl] {
		return true
	}
	if closed, ok := compoundPrefixes[ll]; ok && utf8.RuneCountInString(rl) >= 4 &&
		!slices.ContainsFunc(closed, func(head string) bool { return strings.HasPrefix(rl, head) }) {
		return true
	}
	if ll == "co" {
		for _, c := range coCompounds {
			if strings.HasPrefix(rl, c) {
				return true
			}
		}
	}
	return compoundHeads[rl] && len(ll) > 2
}

// joinLookBehind bounds how much of the text joined so far a line break
// looks at: the word before the break and its hyphens. Looking at all of
// it made joining quadratic in a paragraph of thousands of lines that each
// end in a hyphen ("recog-" over and over, one growing word); no word is
// longer than this.
const joinLookBehind = 64

// joinLines joins the lines of a paragraph: a word hyphenated across a line
// break is joined (with or without its hyphen, see keepHyphen), a dash at a
// line end keeps its spacing, other lines are joined by one space. It takes
// time linear in the text.
func joinLines(lines []string, v vocabulary) string {
	var b []byte
	for _, raw := range lines {
		t := strings.TrimSpace(raw)
		if t == "" {
			continue
		}
		if len(b) > 0 {
			prev := lookBehind(b)
			switch {
			case strings.HasSuffix(prev, "\u00ad"):
				// A soft hyphen only marks the break.
				b = b[:len(b)-len("\u00ad")]
			case endsWithBreakHyphen(prev):
				left := strings.TrimRight(lastField(prev), "-‐")
				if !keepHyphen(left, firstField(t), v) {
					b = b[:len(b)-(len(prev)-len(strings.TrimRight(prev, "-‐")))]
				}
			case strings.HasSuffix(prev, "/"):
				// "HIV/" + "AIDS": no space after a slash.
			case isCJKBoundary(prev, t):
				// Chinese wraps anywhere and has no spaces between words.
			default:
				b = append(b, ' ')
			}
		}
		b = append(b, t...)
	}
	return collapseSpace(strings.ReplaceAll(string(b), "\u00ad", ""))
}

// lookBehind is the end of b that a line break looks at, from a rune's
// start.
func lookBehind(b []byte) string {
	if len(b) <= joinLookBehind {
		return string(b)
	}
	tail := b[len(b)-joinLookBehind:]
	for len(tail) > 0 && !utf8.RuneStart(tail[0]) {
		tail = tail[1:]
	}
	return string(tail)
}

// endsWithBreakHyphen reports whether s ends in a hyphen attached to a
// word (not a spaced dash, not "- " list marks).
func endsWithBreakHyphen(s string) bool {
	if !strings.HasSuffix(s, "-") && !strings.HasSuffix(s, "‐") {
		return false
	}
	t := strings.TrimRight(s, "-‐")
	if t == "" {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(t)
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

func lastField(s string) string {
	if i := strings.LastIndexByte(s, ' '); i >= 0 {
		return s[i+1:]
	}
	return s
}

func firstField(s string) string {
	if i := strings.IndexByte(s, ' '); i >= 0 {
		return s[:i]
	}
	return s
}

// isCJKBoundary reports whether the join of two lines falls next to a
// Chinese (or Japanese, Korean) character or full-width punctuation.
func isCJKBoundary(prev, next string) bool {
	a, _ := utf8.DecodeLastRuneInString(prev)
	b, _ := utf8.DecodeRuneInString(next)
	return isCJK(a) || isCJK(b)
}

func isCJK(r rune) bool {
	return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul) ||
		r >= 0x3000 && r <= 0x303f || r >= 0xff00 && r <= 0xffef
}

// paragraphLines are the lines of a paragraph, kept until the vocabulary
// of the whole document is known, with the page of each.
type paragraphLines struct {
	lines []string
	pages []int
}

func newParagraphLines(ls []line) paragraphLines {
	var pl paragraphLines
	for _, l := range ls {
		pl.add(l.Text, l.page)
	}
	return pl
}

func (pl *paragraphLines) add(text string, page int) {
	pl.lines = append(pl.lines, text)
	pl.pages = append(pl.pages, page)
}

// tail is the paragraph's last lines, as many as make up n bytes.
func (pl paragraphLines) tail(n int) []string {
	k, size := len(pl.lines), 0
	for k > 0 && size < n {
		k--
		size += len(pl.lines[k]) + 1
	}
	return pl.lines[k:]
}

// tailText is the end of s, at most about n bytes of it, from a rune's
// start.
func tailText(s string, n int) string {
	if len(s) <= n {
		return s
	}
	s = s[len(s)-n:]
	for len(s) > 0 && !utf8.RuneStart(s[0]) {
		s = s[1:]
	}
	return s
}

// piece is a paragraph's text, or a piece of it, and the page it starts
// on.
type piece struct {
	page int
	text string
}

// pieces joins the lines of a paragraph. A paragraph longer than
// corpus.MaxParagraphBytes is cut into pieces: its lines in runs that fit,
// each run joined on its own and starting on the page of its first line,
// and a single line longer than that cut by corpus.SplitText.
func (pl paragraphLines) pieces(v vocabulary) []piece {
	var out []piece
	start, size := 0, 0
	flush := func(end int) {
		if end > start {
			for _, t := range corpus.SplitText(joinLines(pl.lines[start:end], v), corpus.MaxParagraphBytes) {
				if t != "" {
					out = append(out, piece{page: pl.pages[start], text: t})
				}
			}
		}
		start, size = end, 0
	}
	for i, l := range pl.lines {
		if size > 0 && size+len(l)+1 > corpus.MaxParagraphBytes {
			flush(i)
		}
		size += len(l) + 1
	}
	flush(len(pl.lines))
	return out
}

// opening is the paragraph's text, or its first piece when it is cut in
// pieces: what a speech's opening is read from.
func (pl paragraphLines) opening(v vocabulary) string {
	end, size := 0, 0
	for end < len(pl.lines) && (end == 0 || size+len(pl.lines[end])+1 <= corpus.MaxParagraphBytes) {
		size += len(pl.lines[end]) + 1
		end++
	}
	return corpus.SplitText(joinLines(pl.lines[:end], v), corpus.MaxParagraphBytes)[0]
}

// appendPieces appends a paragraph's pieces to paras, numbered after them;
// the pieces of a paragraph cut in several are numbered by Part. item
// marks the first piece as a list item.
func appendPieces(paras []corpus.Paragraph, pieces []piece, item bool) []corpus.Paragraph {
	for k, pc := range pieces {
		para := corpus.Paragraph{N: len(paras) + 1, Page: pc.page, Text: pc.text, Item: item && k == 0}
		if len(pieces) > 1 {
			para.Part = k + 1
		}
		paras = append(paras, para)
	}
	return paras
}
