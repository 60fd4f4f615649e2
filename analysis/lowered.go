package analysis

import (
	"regexp"
	"regexp/syntax"
	"unicode"
	"unicode/utf8"
)

// A case-insensitive expression is slow to run: every letter it compares
// is compared with each of its cases. Its lowered form compares letters
// in lower case only, on the sentence in lower case, and finds the same
// matches at the same offsets in any sentence whose lower case differs
// from it only in ASCII capitals (lowersInPlace).

// caseless is an expression and its lowered form, nil when it has none.
type caseless struct {
	re, low *regexp.Regexp
}

func newCaseless(re *regexp.Regexp) caseless {
	return caseless{re: re, low: lowered(re)}
}

// on picks the expression to run and the text to run it on: the lowered
// form on lower when inPlace (lowersInPlace of text and lower), else the
// expression itself on text.
func (c caseless) on(text, lower string, inPlace bool) (*regexp.Regexp, string) {
	if inPlace && c.low != nil {
		return c.low, lower
	}
	return c.re, text
}

// matches reports whether the expression matches text (see on).
func (c caseless) matches(text, lower string, inPlace bool) bool {
	re, s := c.on(text, lower, inPlace)
	return re.MatchString(s)
}

// lowered returns re rewritten to match a lower-cased text: its
// case-insensitive letters in lower case and matched as they are. It
// returns nil when re tells cases apart (an ASCII letter matched in one
// case only, a class holding an ASCII letter in one case but not the
// other), which no lowered form can do.
func lowered(re *regexp.Regexp) *regexp.Regexp {
	if re == nil {
		return nil
	}
	t, err := syntax.Parse(re.String(), syntax.Perl)
	if err != nil {
		return nil
	}
	ok := true
	var walk func(n *syntax.Regexp)
	walk = func(n *syntax.Regexp) {
		switch n.Op {
		case syntax.OpLiteral:
			fold := n.Flags&syntax.FoldCase != 0
			for i, r := range n.Rune {
				switch {
				case fold && r >= utf8.RuneSelf:
					// a letter whose cases all lower to one that is
					// among them, as a sentence's letters must
					low := unicode.ToLower(r)
					if !foldsLikeLower(string(r)) || !sameOrbit(r, low) {
						ok = false
					}
					n.Rune[i] = low
				case fold:
					n.Rune[i] = unicode.ToLower(r)
				case isASCIILetter(r):
					ok = false
				}
			}
			n.Flags &^= syntax.FoldCase
		case syntax.OpCharClass:
			for c := 'A'; c <= 'Z'; c++ {
				if inClass(n.Rune, c) != inClass(n.Rune, unicode.ToLower(c)) {
					ok = false
				}
			}
		}
		for _, sub := range n.Sub {
			walk(sub)
		}
	}
	walk(t)
	if !ok {
		return nil
	}
	low, err := regexp.Compile(t.String())
	if err != nil {
		return nil
	}
	return low
}

func isASCIILetter(r rune) bool { return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' }

// sameOrbit reports whether a and b are cases of one letter.
func sameOrbit(a, b rune) bool {
	if a == b {
		return true
	}
	for f := unicode.SimpleFold(a); f != a; f = unicode.SimpleFold(f) {
		if f == b {
			return true
		}
	}
	return false
}

// inClass reports whether r is in a class's ranges.
func inClass(ranges []rune, r rune) bool {
	for i := 0; i+1 < len(ranges); i += 2 {
		if ranges[i] <= r && r <= ranges[i+1] {
			return true
		}
	}
	return false
}

// caseOf reports how a text's letters stand to its lower case: foldsLower
// (see foldsLikeLower), and inPlace, that lower, the text in lower case,
// differs from the text only in ASCII capitals, every other letter being
// the lower case of all its cases already.
func caseOf(text, lower string) (foldsLower, inPlace bool) {
	foldsLower, inPlace = true, len(lower) == len(text)
	for i := 0; i < len(text); {
		if text[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(text[i:])
		i += n
		if r == utf8.RuneError && n == 1 {
			inPlace = false
			continue
		}
		low := unicode.ToLower(r)
		if low != r {
			inPlace = false
		}
		for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
			if unicode.ToLower(f) != low {
				foldsLower, inPlace = false, false
			}
		}
	}
	return foldsLower, inPlace
}
