package ingest

import (
	"strings"
	"unicode"
	"unicode/utf8"
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
	if ll == "co" {
		for _, c := range coCompounds {
			if strings.HasPrefix(rl, c) {
				return true
			}
		}
	}
	return compoundHeads[rl] && len(ll) > 2
}

// joinLines joins the lines of a paragraph: a word hyphenated across a line
// break is joined (with or without its hyphen, see keepHyphen), a dash at a
// line end keeps its spacing, other lines are joined by one space.
func joinLines(lines []string, v vocabulary) string {
	var b strings.Builder
	for i, raw := range lines {
		t := strings.TrimSpace(raw)
		if t == "" {
			continue
		}
		if i > 0 && b.Len() > 0 {
			prev := b.String()
			switch {
			case strings.HasSuffix(prev, "\u00ad"):
				// A soft hyphen only marks the break.
				b.Reset()
				b.WriteString(strings.TrimSuffix(prev, "\u00ad"))
			case endsWithBreakHyphen(prev):
				last := lastField(prev)
				left := strings.TrimRight(last, "-‐")
				if !keepHyphen(left, firstField(t), v) {
					b.Reset()
					b.WriteString(strings.TrimRight(prev, "-‐"))
				}
			case strings.HasSuffix(prev, "/"):
				// "HIV/" + "AIDS": no space after a slash.
			case isCJKBoundary(prev, t):
				// Chinese wraps anywhere and has no spaces between words.
			default:
				b.WriteByte(' ')
			}
		}
		b.WriteString(t)
	}
	return collapseSpace(strings.ReplaceAll(b.String(), "\u00ad", ""))
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
