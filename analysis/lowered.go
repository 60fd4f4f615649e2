package analysis

import (
	"fmt"
	"regexp"
	"regexp/syntax"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// A case-insensitive expression is slow to run: every letter it compares
// is compared with each of its cases. Its lowered form compares letters
// in lower case only, on the sentence in lower case, and finds the same
// matches at the same offsets in any sentence whose lower case differs
// from it only in ASCII capitals (lowersInPlace).

// fastExpr is an expression with what makes it cheaper to run: its
// prefilter and, for one run on a sentence whose lower case is at hand
// (ofLower), its lowered form. Both are worked out on first use, so that
// a command that reads a few sentences does not pay for all.
type fastExpr struct {
	re      *regexp.Regexp
	ofLower bool
	once    sync.Once
	pre     prefilter
	low     *regexp.Regexp
}

// newFastExpr returns re's fastExpr, nil for a nil re. ofLower: the
// prefilter is read on the lower case of the text matched, and the
// lowered form may run on it.
func newFastExpr(re *regexp.Regexp, ofLower bool) *fastExpr {
	if re == nil {
		return nil
	}
	return &fastExpr{re: re, ofLower: ofLower}
}

func (e *fastExpr) ready() *fastExpr {
	e.once.Do(func() {
		e.pre = newPrefilter(e.re, e.ofLower)
		if e.ofLower {
			e.low = lowered(e.re)
		}
	})
	return e
}

// mayMatch is the prefilter's mayMatch.
func (e *fastExpr) mayMatch(searched string, foldsLower bool) bool {
	return e.ready().pre.mayMatch(searched, foldsLower)
}

// on picks the expression to run and the text to run it on: the lowered
// form on lower when inPlace (see caseOf), else the expression itself on
// text.
func (e *fastExpr) on(text, lower string, inPlace bool) (*regexp.Regexp, string) {
	if inPlace && e.ready().low != nil {
		return e.low, lower
	}
	return e.re, text
}

// matches reports whether the expression matches text (see on).
func (e *fastExpr) matches(text, lower string, inPlace bool) bool {
	re, s := e.on(text, lower, inPlace)
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
	var b strings.Builder
	if !writeExpr(&b, t) {
		return nil
	}
	low, err := regexp.Compile(b.String())
	if err != nil {
		return nil
	}
	return low
}

// writeExpr writes a parsed expression without case folding back as an
// expression, every part in a group of its own. syntax.Regexp.String
// would do, but it works out for each class whether it is closed under
// case folding, letter by letter, which for a negated class is every
// letter there is. It reports false for a part it cannot write.
func writeExpr(b *strings.Builder, n *syntax.Regexp) bool {
	sub := func(suffix string) bool {
		b.WriteString("(?:")
		ok := writeExpr(b, n.Sub[0])
		b.WriteString(")")
		b.WriteString(suffix)
		if n.Flags&syntax.NonGreedy != 0 {
			b.WriteString("?")
		}
		return ok
	}
	switch n.Op {
	case syntax.OpNoMatch:
		b.WriteString(`[^\x00-\x{10FFFF}]`)
	case syntax.OpEmptyMatch:
		b.WriteString(`(?:)`)
	case syntax.OpLiteral:
		if n.Flags&syntax.FoldCase != 0 {
			return false
		}
		b.WriteString("(?:")
		b.WriteString(regexp.QuoteMeta(string(n.Rune)))
		b.WriteString(")")
	case syntax.OpCharClass:
		if len(n.Rune) == 0 {
			b.WriteString(`[^\x00-\x{10FFFF}]`)
			break
		}
		b.WriteString("[")
		for i := 0; i+1 < len(n.Rune); i += 2 {
			fmt.Fprintf(b, `\x{%x}-\x{%x}`, n.Rune[i], n.Rune[i+1])
		}
		b.WriteString("]")
	case syntax.OpAnyCharNotNL:
		b.WriteString(`[^\n]`)
	case syntax.OpAnyChar:
		b.WriteString(`(?s:.)`)
	case syntax.OpBeginLine:
		b.WriteString(`(?m:^)`)
	case syntax.OpEndLine:
		b.WriteString(`(?m:$)`)
	case syntax.OpBeginText:
		b.WriteString(`\A`)
	case syntax.OpEndText:
		b.WriteString(`\z`)
	case syntax.OpWordBoundary:
		b.WriteString(`\b`)
	case syntax.OpNoWordBoundary:
		b.WriteString(`\B`)
	case syntax.OpCapture:
		b.WriteString("(")
		if n.Name != "" {
			b.WriteString("?P<" + n.Name + ">")
		}
		ok := writeExpr(b, n.Sub[0])
		b.WriteString(")")
		return ok
	case syntax.OpStar:
		return sub("*")
	case syntax.OpPlus:
		return sub("+")
	case syntax.OpQuest:
		return sub("?")
	case syntax.OpRepeat:
		switch {
		case n.Max == -1:
			return sub(fmt.Sprintf("{%d,}", n.Min))
		case n.Max == n.Min:
			return sub(fmt.Sprintf("{%d}", n.Min))
		}
		return sub(fmt.Sprintf("{%d,%d}", n.Min, n.Max))
	case syntax.OpConcat, syntax.OpAlternate:
		b.WriteString("(?:")
		for i, s := range n.Sub {
			if i > 0 && n.Op == syntax.OpAlternate {
				b.WriteString("|")
			}
			if !writeExpr(b, s) {
				return false
			}
		}
		b.WriteString(")")
	default:
		return false
	}
	return true
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
		if unicode.ToLower(r) != r {
			inPlace = false
		}
		if !casesLowerAlike(r) {
			foldsLower, inPlace = false, false
		}
	}
	return foldsLower, inPlace
}
