package ingest

import (
	"regexp"
	"regexp/syntax"
	"strings"
	"sync"
	"sync/atomic"
	"unicode"
	"unicode/utf8"
)

// pattern is a regular expression compiled when first used, with a cheap
// test in front of it. The parser has some two hundred patterns, most of
// them for languages a given document is not in, and every process of
// this binary — a PDF extraction worker, a search — would otherwise compile
// them all before doing anything, at a cost of tens of milliseconds. And
// many are long case-insensitive alternations that the regexp package
// runs rune by rune over every paragraph, where a search for their words
// rules out nearly every paragraph at once.
type pattern struct {
	expr string
	once sync.Once
	re   *regexp.Regexp
	// needles are case-folded strings (see foldString) of which every
	// match holds at least one; none means no such set is known.
	needles []string
}

// allPatterns lists every pattern, so that a test can compile them all:
// a pattern that does not compile is a build defect, found by the tests
// rather than by the first document to reach it.
var allPatterns []*pattern

// lazyRegexp returns the pattern of expr, compiled on first use.
func lazyRegexp(expr string) *pattern {
	p := &pattern{expr: expr}
	allPatterns = append(allPatterns, p)
	return p
}

// regexp returns the compiled expression.
func (p *pattern) regexp() *regexp.Regexp {
	p.once.Do(p.compile)
	return p.re
}

func (p *pattern) compile() {
	p.re = regexp.MustCompile(p.expr)
	if tree, err := syntax.Parse(p.expr, syntax.Perl); err == nil {
		p.needles = needles(tree.Simplify())
	}
}

// mayMatch reports whether s can match: false only when s holds none of
// the needles.
func (p *pattern) mayMatch(s string) bool {
	p.once.Do(p.compile)
	if p.needles == nil {
		return true
	}
	f := lastFolded.of(s)
	for _, n := range p.needles {
		if strings.Contains(f, n) {
			return true
		}
	}
	return false
}

func (p *pattern) MatchString(s string) bool {
	return p.mayMatch(s) && p.re.MatchString(s)
}

func (p *pattern) FindString(s string) string {
	if !p.mayMatch(s) {
		return ""
	}
	return p.re.FindString(s)
}

func (p *pattern) FindStringIndex(s string) []int {
	if !p.mayMatch(s) {
		return nil
	}
	return p.re.FindStringIndex(s)
}

func (p *pattern) FindStringSubmatch(s string) []string {
	if !p.mayMatch(s) {
		return nil
	}
	return p.re.FindStringSubmatch(s)
}

func (p *pattern) FindAllStringIndex(s string, n int) [][]int {
	if !p.mayMatch(s) {
		return nil
	}
	return p.re.FindAllStringIndex(s, n)
}

func (p *pattern) FindAllStringSubmatch(s string, n int) [][]string {
	if !p.mayMatch(s) {
		return nil
	}
	return p.re.FindAllStringSubmatch(s, n)
}

func (p *pattern) ReplaceAllString(src, repl string) string {
	if !p.mayMatch(src) {
		return src
	}
	return p.re.ReplaceAllString(src, repl)
}

func (p *pattern) Split(s string, n int) []string { return p.regexp().Split(s, n) }

// maxNeedles bounds the set: past it, searching for each costs more than
// it saves.
const maxNeedles = 48

// needles returns case-folded strings of which every match of re holds
// one, or nil when there is no useful set: an alternation needs one of its
// branches' sets, a concatenation any one of its parts' (the most
// selective is kept), a repetition at least once its body's.
func needles(re *syntax.Regexp) []string {
	switch re.Op {
	case syntax.OpLiteral:
		return []string{foldString(string(re.Rune))}
	case syntax.OpCharClass:
		// A small class ("[’']") is as good as its runes.
		var out []string
		for i := 0; i+1 < len(re.Rune); i += 2 {
			if re.Rune[i+1]-re.Rune[i] > 4 {
				return nil
			}
			for r := re.Rune[i]; r <= re.Rune[i+1]; r++ {
				out = append(out, foldString(string(r)))
			}
		}
		return dedupe(out)
	case syntax.OpCapture, syntax.OpPlus:
		return needles(re.Sub[0])
	case syntax.OpRepeat:
		if re.Min >= 1 {
			return needles(re.Sub[0])
		}
	case syntax.OpAlternate:
		var out []string
		for _, sub := range re.Sub {
			n := needles(sub)
			if n == nil {
				return nil
			}
			out = append(out, n...)
		}
		return dedupe(out)
	case syntax.OpConcat:
		var best []string
		for _, sub := range re.Sub {
			if n := needles(sub); n != nil && (best == nil || selective(n, best)) {
				best = n
			}
		}
		return best
	}
	return nil
}

// selective reports whether a is a better set of needles than b: its
// shortest needle longer, or as long and fewer needles.
func selective(a, b []string) bool {
	la, lb := shortest(a), shortest(b)
	if la != lb {
		return la > lb
	}
	return len(a) < len(b)
}

func shortest(ss []string) int {
	n := -1
	for _, s := range ss {
		if n < 0 || len(s) < n {
			n = len(s)
		}
	}
	return n
}

// dedupe drops repeated needles and needles that hold another (finding
// the shorter finds the longer), and gives up on sets too large to help.
func dedupe(ss []string) []string {
	var out []string
	for i, s := range ss {
		redundant := false
		for j, t := range ss {
			if j != i && strings.Contains(s, t) && (len(t) < len(s) || j < i) {
				redundant = true
				break
			}
		}
		if !redundant {
			out = append(out, s)
		}
	}
	if len(out) == 0 || len(out) > maxNeedles {
		return nil
	}
	return out
}

// foldCache holds the last text folded: the parser tries pattern after
// pattern on one line or paragraph, and folds it once.
type foldCache struct{ last atomic.Pointer[[2]string] }

var lastFolded foldCache

// of returns foldString(s).
func (c *foldCache) of(s string) string {
	if p := c.last.Load(); p != nil && p[0] == s {
		return p[1]
	}
	f := foldString(s)
	c.last.Store(&[2]string{s, f})
	return f
}

// foldString maps every rune of s to one representative of the runes that
// match it case-insensitively (the lower case for letters with one), so
// that a needle found in the folded text is found whatever the case.
func foldString(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii {
		return strings.ToLower(s)
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		b.WriteRune(foldRune(r))
	}
	return b.String()
}

// foldRune returns the least rune of r's case-folding orbit, lower-cased
// when it is an ASCII capital, as foldString's ASCII path does.
func foldRune(r rune) rune {
	if r < utf8.RuneSelf {
		return unicode.ToLower(r)
	}
	least := r
	for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
		least = min(least, f)
	}
	if 'A' <= least && least <= 'Z' {
		least += 'a' - 'A'
	}
	return least
}
