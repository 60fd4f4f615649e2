package analysis

import (
	"regexp"
	"regexp/syntax"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// A prefilter is a necessary condition for an expression to match, read off
// the expression itself: lists of words such that any text it matches holds
// a word of each list. An expression is tried only on a text that holds
// them, and a test for a few words is much cheaper than running a large
// expression over a sentence that cannot match it. Words are compared in
// lower case when the text searched is the lower case of the text matched
// (see newPrefilter), so that a case-insensitive expression is filtered
// with one test per word.
type prefilter struct {
	// lists: no lists is no condition (always try).
	lists [][]string
	// folds: a case-insensitive letter of the expression stands in a list
	// in lower case, which holds for a text's letter only when its case
	// partners lower to the same letter (foldsLikeLower).
	folds bool
}

// Limits on the lists a prefilter is made of: beyond maxPrefilterWords
// alternatives a test costs more than it saves, and an ASCII word shorter
// than minPrefilterBytes is in most sentences anyway.
const (
	maxPrefilterWords = 64
	minPrefilterBytes = 3
	maxPrefilterLists = 3
	// maxExact bounds the strings a part of an expression is known to
	// match exactly, which are joined with their neighbours' ("call" and
	// "s|ed|ing" make "calls", "called", "calling").
	maxExact = 48
	// maxJoined bounds the exact strings of a sequence passed on to what
	// holds it: a longer list is a costlier test than one of its parts.
	maxJoined = 16
	// rareBytes is the length from which a word is taken to be rare.
	rareBytes = 6
)

// newPrefilter reads re's prefilter. ofLower: the text searched is the
// lower case of the text matched; else it is the text matched itself.
func newPrefilter(re *regexp.Regexp, ofLower bool) prefilter {
	if re == nil {
		return prefilter{}
	}
	src := re.String()
	// The bounds lowerWord puts around an expression require nothing.
	if inner, ok := strings.CutPrefix(src, lowerWordOpen); ok {
		if inner, ok := strings.CutSuffix(inner, lowerWordClose); ok {
			if t, err := syntax.Parse(inner, syntax.Perl); err == nil {
				return prefilterOf(t, ofLower)
			}
		}
	}
	t, err := syntax.Parse(src, syntax.Perl)
	if err != nil {
		return prefilter{}
	}
	return prefilterOf(t, ofLower)
}

// prefilterOf reads the prefilter of a parsed expression.
func prefilterOf(t *syntax.Regexp, ofLower bool) prefilter {
	pb := prefilterBuilder{ofLower: ofLower}
	var p prefilter
	for _, list := range pb.required(pb.info(t.Simplify())) {
		list = minimal(shortened(list))
		if len(list) <= maxPrefilterWords && !slices.ContainsFunc(list, common) {
			p.lists = append(p.lists, list)
		}
	}
	slices.SortStableFunc(p.lists, byStrength)
	if len(p.lists) > maxPrefilterLists {
		p.lists = p.lists[:maxPrefilterLists]
	}
	p.folds = pb.folds
	return p
}

// mayMatch reports whether the expression can match a text: searched is
// the text, or its lower case for a prefilter of lower case, and
// foldsLower is foldsLikeLower of the text. False is certain, true is
// not.
func (p prefilter) mayMatch(searched string, foldsLower bool) bool {
	if p.folds && !foldsLower {
		return true
	}
	for _, list := range p.lists {
		if !hasAny(searched, list) {
			return false
		}
	}
	return true
}

// common reports whether a word is too common to filter: a short ASCII
// word (a letter outside ASCII is rare in most texts that need filtering).
func common(w string) bool {
	if len(w) >= minPrefilterBytes {
		return false
	}
	for i := 0; i < len(w); i++ {
		if w[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// shortened replaces a long list by the starts of its words when they
// are few: a text that holds a word holds its start, and a short list
// costs fewer searches ("has to a", "has to the", … become "has to ").
func shortened(list []string) []string {
	const few, minStart = 8, 4
	if len(list) <= few {
		return list
	}
	for n := shortest(list); n >= minStart; n-- {
		var starts []string
		for _, w := range list {
			if st := w[:n]; !slices.Contains(starts, st) {
				starts = append(starts, st)
			}
		}
		if len(starts) <= max(few, len(list)/4) {
			if !slices.ContainsFunc(starts, func(st string) bool { return !utf8.ValidString(st) }) {
				return starts
			}
		}
	}
	return list
}

// minimal drops from list the words that hold another of its words: a
// text holds a word of the list exactly when it holds one of the rest.
func minimal(list []string) []string {
	var out []string
	for i, w := range list {
		if !slices.ContainsFunc(list, func(o string) bool { return o != w && strings.Contains(w, o) }) && !slices.Contains(list[:i], w) {
			out = append(out, w)
		}
	}
	return out
}

// foldsLikeLower reports whether every letter of s matches a
// case-insensitive letter exactly when its lower case is that letter's
// lower case: true of ASCII and of most scripts' letters, not of a few
// (the long s, the final sigma, the micro sign) whose case partners lower
// otherwise.
func foldsLikeLower(s string) bool {
	for i := 0; i < len(s); {
		if s[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		if !casesLowerAlike(r) {
			return false
		}
	}
	return true
}

// casesLowerAlike reports whether every case partner of r lowers to r's
// lower case.
func casesLowerAlike(r rune) bool {
	low := unicode.ToLower(r)
	for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
		if unicode.ToLower(f) != low {
			return false
		}
	}
	return true
}

// prefilterBuilder reads the words an expression's matches hold.
type prefilterBuilder struct {
	ofLower bool
	folds   bool
}

// litInfo is what a part of an expression says of the text it matches:
// exact, when not nil, is every string it can match; each of req is a
// list of strings one of which every match holds.
type litInfo struct {
	exact []string
	req   [][]string
}

// required are the lists of strings one of each of which every match of
// what in describes holds.
func (pb *prefilterBuilder) required(in litInfo) [][]string {
	if in.exact != nil {
		if slices.Contains(in.exact, "") {
			return nil
		}
		return [][]string{in.exact}
	}
	return in.req
}

// ranked are in's lists, the strongest first.
func (pb *prefilterBuilder) ranked(in litInfo) [][]string {
	req := slices.Clone(pb.required(in))
	slices.SortStableFunc(req, byStrength)
	return req
}

// byStrength orders lists from the strongest condition.
func byStrength(a, b []string) int {
	switch {
	case better(a, b):
		return -1
	case better(b, a):
		return 1
	}
	return 0
}

func (pb *prefilterBuilder) info(re *syntax.Regexp) litInfo {
	switch re.Op {
	case syntax.OpEmptyMatch, syntax.OpBeginLine, syntax.OpEndLine, syntax.OpBeginText, syntax.OpEndText, syntax.OpWordBoundary, syntax.OpNoWordBoundary:
		return litInfo{exact: []string{""}}
	case syntax.OpLiteral:
		fold := re.Flags&syntax.FoldCase != 0
		if fold && !pb.ofLower {
			return litInfo{}
		}
		// A case-insensitive letter whose cases lower apart (the
		// Cyrillic "о", which has a rounded variant) stands for no one
		// letter in lower case: the runs of letters between such
		// letters are required each.
		var runs []string
		from := 0
		for i, r := range re.Rune {
			if fold && !foldsLikeLower(string(r)) {
				runs = append(runs, string(re.Rune[from:i]))
				from = i + 1
			}
		}
		runs = append(runs, string(re.Rune[from:]))
		for i, run := range runs {
			if pb.ofLower {
				runs[i] = strings.ToLower(run)
			}
			if fold && runs[i] != strings.ToUpper(runs[i]) {
				pb.folds = true
			}
		}
		if len(runs) == 1 {
			return litInfo{exact: runs}
		}
		var in litInfo
		for _, run := range runs {
			if run != "" {
				in.req = append(in.req, []string{run})
			}
		}
		return in
	case syntax.OpCharClass:
		// A small class is a list of one-letter strings.
		var set []string
		for i := 0; i+1 < len(re.Rune); i += 2 {
			lo, hi := re.Rune[i], re.Rune[i+1]
			if hi-lo >= maxExact {
				return litInfo{}
			}
			for r := lo; r <= hi; r++ {
				if pb.ofLower {
					set = append(set, string(unicode.ToLower(r)))
				} else {
					set = append(set, string(r))
				}
			}
			if len(set) > maxExact {
				return litInfo{}
			}
		}
		slices.Sort(set)
		set = slices.Compact(set)
		if len(set) > 8 {
			return litInfo{}
		}
		return litInfo{exact: set}
	case syntax.OpCapture:
		return pb.info(re.Sub[0])
	case syntax.OpQuest:
		in := pb.info(re.Sub[0])
		if in.exact == nil {
			return litInfo{}
		}
		return litInfo{exact: union(in.exact, []string{""})}
	case syntax.OpPlus:
		return litInfo{req: pb.required(pb.info(re.Sub[0]))}
	case syntax.OpRepeat:
		if re.Min == 0 {
			return litInfo{}
		}
		in := pb.info(re.Sub[0])
		if re.Min == 1 && re.Max == 1 {
			return in
		}
		return litInfo{req: pb.required(in)}
	case syntax.OpConcat:
		return pb.concat(re.Sub)
	case syntax.OpAlternate:
		infos := make([]litInfo, len(re.Sub))
		exact := true
		for i, sub := range re.Sub {
			infos[i] = pb.info(sub)
			exact = exact && infos[i].exact != nil
		}
		if exact {
			var all []string
			for _, in := range infos {
				all = union(all, in.exact)
			}
			if len(all) <= maxExact {
				return litInfo{exact: all}
			}
		}
		// A match of any alternative holds a word of each of its lists:
		// the alternatives' first lists joined are required, and so are
		// their second lists joined (an alternative with one list gives
		// it again), and so on.
		var lists [][]string
		for j := range maxPrefilterLists {
			var list []string
			more := false
			for _, in := range infos {
				req := pb.ranked(in)
				if len(req) == 0 {
					return litInfo{}
				}
				more = more || j < len(req)
				list = union(list, req[min(j, len(req)-1)])
			}
			if j > 0 && !more {
				break
			}
			lists = append(lists, list)
		}
		return litInfo{req: lists}
	}
	return litInfo{}
}

// concat joins the exact strings of neighbouring parts while they stay
// few; every list so found, and every part's own, is required of the
// whole.
func (pb *prefilterBuilder) concat(subs []*syntax.Regexp) litInfo {
	var lists [][]string
	add := func(list []string) {
		if list != nil && !slices.Contains(list, "") && !slices.ContainsFunc(lists, func(l []string) bool { return slices.Equal(l, list) }) {
			lists = append(lists, list)
		}
	}
	cur := []string{""}
	allExact := true
	for _, sub := range subs {
		in := pb.info(sub)
		for _, list := range pb.required(in) {
			add(list)
		}
		if in.exact != nil {
			if next := cross(cur, in.exact); next != nil {
				cur = next
				continue
			}
			add(cur)
			cur = in.exact
			allExact = false
			continue
		}
		allExact = false
		add(cur)
		cur = []string{""}
	}
	if allExact && len(cur) <= maxJoined {
		return litInfo{exact: cur}
	}
	add(cur)
	return litInfo{req: lists}
}

// better reports whether list a is a stronger condition than b, and
// cheaper: of two lists of words long enough to be rare, the one with
// fewer; else the one whose shortest word is longer, or as long and with
// fewer words.
func better(a, b []string) bool {
	sa, sb := shortest(a), shortest(b)
	if sa >= rareBytes && sb >= rareBytes && len(a) != len(b) {
		return len(a) < len(b)
	}
	if sa != sb {
		return sa > sb
	}
	return len(a) < len(b)
}

func shortest(list []string) int {
	n := -1
	for _, s := range list {
		if n < 0 || len(s) < n {
			n = len(s)
		}
	}
	return n
}

// cross joins every string of a with every string of b, or returns nil
// when they would be more than maxExact.
func cross(a, b []string) []string {
	if len(a)*len(b) > maxExact {
		return nil
	}
	out := make([]string, 0, len(a)*len(b))
	for _, x := range a {
		for _, y := range b {
			out = append(out, x+y)
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

func union(a, b []string) []string {
	out := slices.Concat(a, b)
	slices.Sort(out)
	return slices.Compact(out)
}
