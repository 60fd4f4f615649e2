package layout

// The Arabic fixtures of the right-to-left tests are made with LibreOffice.
//go:generate sh testdata/arabic/generate.sh

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/bidi"
	"golang.org/x/text/unicode/norm"
)

// Right-to-left text. A PDF draws glyphs left to right across the page, so
// an Arabic line comes out of the content stream in visual order: its
// letters reversed, numbers and Latin runs in their own order, brackets
// mirrored. The text is put back into logical (reading) order here by
// inverting the Unicode Bidirectional Algorithm (UAX #9) for the common
// case of two levels, right-to-left text with left-to-right runs or the
// reverse: the levels that the algorithm would have given the logical text
// are resolved on the visual sequence (weak types W4–W7, neutrals N1–N2,
// brackets N0), and the reordering of rule L2 is undone. Character
// classes come from golang.org/x/text/unicode/bidi; no library inverts the
// algorithm.
//
// The inversion is ambiguous where two logical texts render alike (a
// number between a Latin and an Arabic word may belong to either); it then
// takes the reading the algorithm gives when the number follows the Latin
// word. In a left-to-right document a line without right-to-left letters
// never comes here, so such documents pay nothing.

// cluster is what one glyph draws (a letter, a lam-alef ligature, a
// letter with the marks drawn over it) and where: the unit of visual
// order, which must not be split when it is reversed.
type cluster struct {
	text   string
	x0, x1 float64
}

// bidiMode is what a document tells about its right-to-left text.
type bidiMode struct {
	// rtl: most of the document's letters are right to left. Its lines
	// with right-to-left letters read right to left even where Latin
	// letters outnumber them (a paragraph's direction is set by its
	// first letter, not by each line), the pieces of a row are read
	// right first and so are the columns of a page.
	rtl bool
	// mirrored: the producer's /ToUnicode names a mirrored glyph by its
	// shape (a "(" drawn for a logical ")"), as a font's own cmap does;
	// LibreOffice names it by the character it stands for.
	mirrored bool
}

// isRTL reports a strong right-to-left character.
func isRTL(r rune) bool {
	if r < 0x0590 {
		return false
	}
	p, _ := bidi.LookupRune(r)
	c := p.Class()
	return c == bidi.R || c == bidi.AL
}

// hasRTL reports whether s holds a strong right-to-left character.
func hasRTL(s string) bool {
	for _, r := range s {
		if isRTL(r) {
			return true
		}
	}
	return false
}

// isMark reports a combining mark (an Arabic vowel sign, a shadda), which
// belongs to the letter it is drawn over.
func isMark(s string) bool {
	if s == "" || s[0] < 0xCC { // below U+0300, the first combining mark
		return false
	}
	for _, r := range s {
		if !unicode.Is(unicode.Mn, r) {
			return false
		}
	}
	return true
}

// wordClusters turns the glyphs of a word, in drawing order, into its
// clusters in visual order: each combining mark joins the glyph it is
// drawn over, and the glyphs are sorted left to right (a producer may draw
// right-to-left text from right to left).
func wordClusters(glyphs []cluster) []cluster {
	out := make([]cluster, 0, len(glyphs))
	for k, g := range glyphs {
		if isMark(g.text) {
			// A right-to-left run drawn in visual order (LibreOffice's,
			// shaped by HarfBuzz) puts a mark before its letter: the mark
			// goes with the glyph drawn next, or, ending the word, with
			// the one before. Its position says little: a mark has no
			// advance, and its ink is offset from its origin.
			if k+1 < len(glyphs) && !isMark(glyphs[k+1].text) {
				next := glyphs[k+1]
				glyphs[k+1] = cluster{text: next.text + g.text, x0: next.x0, x1: next.x1}
				continue
			}
			if n := len(out); n > 0 {
				out[n-1].text += g.text
				continue
			}
		}
		out = append(out, g)
	}
	slices.SortStableFunc(out, func(a, b cluster) int {
		switch {
		case a.x0+a.x1 < b.x0+b.x1:
			return -1
		case a.x0+a.x1 > b.x0+b.x1:
			return 1
		}
		return 0
	})
	return out
}

// unitClass is the part of a character's bidirectional class that the
// inversion needs.
type unitClass uint8

const (
	classNeutral unitClass = iota // WS, ON, and separators left over
	classL                        // strong left to right
	classR                        // strong right to left (R, AL)
	classEN                       // European number
	classAN                       // Arabic number
	classES                       // European separator (+ -)
	classCS                       // common separator (, . / :)
	classET                       // European terminator (% ° $)
)

func classOf(text string) unitClass {
	for _, r := range text {
		p, _ := bidi.LookupRune(r)
		switch p.Class() {
		case bidi.NSM, bidi.BN:
			continue // a mark takes its base's class
		case bidi.L:
			return classL
		case bidi.R, bidi.AL:
			return classR
		case bidi.EN:
			return classEN
		case bidi.AN:
			return classAN
		case bidi.ES:
			return classES
		case bidi.CS:
			return classCS
		case bidi.ET:
			return classET
		}
		return classNeutral
	}
	return classNeutral
}

// strongCounts counts the strong right-to-left and left-to-right
// characters of s.
func strongCounts(s string) (nR, nL int) {
	for _, r := range s {
		if r < utf8.RuneSelf {
			if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' {
				nL++
			}
			continue
		}
		p, _ := bidi.LookupRune(r)
		switch p.Class() {
		case bidi.R, bidi.AL:
			nR++
		case bidi.L:
			nL++
		}
	}
	return nR, nL
}

// direction decides a line's base direction from its counts of strong
// characters: right to left when right-to-left letters are the majority,
// or, in a right-to-left document, when there are any.
func direction(nR, nL int, mode bidiMode) bool {
	return nR > nL || mode.rtl && nR > 0
}

// reorder returns the reading order of a line's units given in visual
// order (left to right), whether the line reads right to left, and which
// units sit at a right-to-left level (to be mirrored when the producer
// names glyphs by shape). A line without right-to-left letters comes back
// in its own order, unless a right-to-left document's line ends as a
// right-to-left line does (leadsRTL).
func reorder(units []string, mode bidiMode) (order []int, rtl bool, odd []bool) {
	n := len(units)
	order = make([]int, n)
	for i := range order {
		order[i] = i
	}
	cls, nR, nL := classify(units)
	switch {
	case nR > 0:
		rtl = direction(nR, nL, mode)
	case mode.rtl && leadsRTL(units):
		rtl = true
	default:
		return order, false, make([]bool, n)
	}
	resolveSeparators(cls)
	strong := resolveNumbers(cls, rtl)
	if !mode.mirrored {
		orientBrackets(units, strong, rtl)
	}
	if rtl {
		attachPunctuation(units, strong)
	}
	levels := levelsOf(cls, resolveNeutrals(strong, rtl), rtl)
	if mode.mirrored {
		pairBrackets(units, levels, rtl)
	}
	undoReordering(order, levels)
	odd = make([]bool, n)
	for i, l := range levels {
		odd[i] = l%2 == 1
	}
	return order, rtl, odd
}

// classify returns the class of each unit and the counts of strong
// right-to-left and left-to-right characters.
func classify(units []string) (cls []unitClass, nR, nL int) {
	cls = make([]unitClass, len(units))
	for i, u := range units {
		cls[i] = classOf(u)
		r, l := strongCounts(u)
		nR += r
		nL += l
	}
	return cls, nR, nL
}

// resolveSeparators applies W4–W6. W4: a single separator between two
// numbers of a kind joins them ("15/00", "24-19856"); W5: terminators next
// to a European number join it; W6: the separators and terminators left
// are neutral.
func resolveSeparators(cls []unitClass) {
	n := len(cls)
	for i := 1; i+1 < n; i++ {
		a, b := cls[i-1], cls[i+1]
		switch {
		case cls[i] == classES && a == classEN && b == classEN,
			cls[i] == classCS && a == classEN && b == classEN:
			cls[i] = classEN
		case cls[i] == classCS && a == classAN && b == classAN:
			cls[i] = classAN
		}
	}
	for i := 0; i < n; i++ {
		if cls[i] != classET {
			continue
		}
		j := i
		for j < n && cls[j] == classET {
			j++
		}
		if i > 0 && cls[i-1] == classEN || j < n && cls[j] == classEN {
			for k := i; k < j; k++ {
				cls[k] = classEN
			}
		}
		i = j - 1
	}
	for i, c := range cls {
		if c == classES || c == classCS || c == classET {
			cls[i] = classNeutral
		}
	}
}

func isNumber(c unitClass) bool { return c == classEN || c == classAN }

// resolveNumbers applies W2 and W7: a number that continues Latin text is
// part of it. In visual order, what precedes a number within a
// left-to-right run is on its left; within a right-to-left run, on its
// right. It returns the strong class of each unit: L, R, or 0 for
// neutrals, numbers acting as R.
func resolveNumbers(cls []unitClass, rtl bool) []unitClass {
	n := len(cls)
	strong := make([]unitClass, n)
	for i, c := range cls {
		switch c {
		case classL, classR:
			strong[i] = c
		case classEN, classAN:
			strong[i] = classR
		}
	}
	convert := func(i, j int) {
		for k := i; k < j; k++ {
			cls[k], strong[k] = classL, classL
		}
	}
	if rtl {
		// Left to right, with the strong class last seen on the left.
		var last unitClass
		for i := 0; i < n; i++ {
			if !isNumber(cls[i]) {
				if cls[i] == classL || cls[i] == classR {
					last = cls[i]
				}
				continue
			}
			j := i
			for j < n && isNumber(cls[j]) {
				j++
			}
			if last == classL && cls[i] == classEN {
				convert(i, j)
			}
			i = j - 1
		}
		return strong
	}
	// Right to left, with the strong class last seen on the right.
	var last unitClass
	for j := n; j > 0; j-- {
		if !isNumber(cls[j-1]) {
			if cls[j-1] == classL || cls[j-1] == classR {
				last = cls[j-1]
			}
			continue
		}
		i := j - 1
		for i > 0 && isNumber(cls[i-1]) {
			i--
		}
		if last != classR && cls[i] == classEN {
			convert(i, j)
			last = classL
		}
		j = i + 1
	}
	return strong
}

// attachPunctuation makes punctuation in a right-to-left line follow the
// word it ends: drawn against the right of a Latin word, a comma or full
// stop belongs to its run (a run that the line ends in the middle of,
// "(United Nations,"); at a right-to-left level it would stand on the
// run's other side.
func attachPunctuation(units []string, strong []unitClass) {
	n := len(units)
	for i := 1; i < n; i++ {
		if strong[i] == 0 && strong[i-1] == classL && units[i] != "" && strings.Contains(".,:;!?", units[i]) && (i+1 == n || strong[i+1] != classL) {
			strong[i] = classL
		}
	}
}

// resolveNeutrals applies N1 and N2: neutrals between two units of one
// direction take it, the others the line's.
func resolveNeutrals(strong []unitClass, rtl bool) []unitClass {
	n := len(strong)
	base := classL
	if rtl {
		base = classR
	}
	resolved := slices.Clone(strong)
	for i := 0; i < n; i++ {
		if strong[i] != 0 {
			continue
		}
		j := i
		for j < n && strong[j] == 0 {
			j++
		}
		before, after := base, base
		if i > 0 {
			before = strong[i-1]
		}
		if j < n {
			after = strong[j]
		}
		d := base
		if before == after {
			d = before
		}
		for k := i; k < j; k++ {
			resolved[k] = d
		}
		i = j - 1
	}
	return resolved
}

// levelsOf gives the embedding levels: a right-to-left line is at 1, its
// Latin runs and numbers at 2; a left-to-right line is at 0, its
// right-to-left runs at 1 and the numbers inside them at 2.
func levelsOf(cls, resolved []unitClass, rtl bool) []uint8 {
	levels := make([]uint8, len(cls))
	for i := range levels {
		switch {
		case isNumber(cls[i]):
			levels[i] = 2
		case resolved[i] == classR:
			levels[i] = 1
		case rtl:
			levels[i] = 2
		}
	}
	return levels
}

// undoReordering undoes L2 on order: L2 reversed the runs at each level
// from the highest down to 1; reversing from 1 up restores the logical
// order.
func undoReordering(order []int, levels []uint8) {
	n := len(order)
	lv := slices.Clone(levels)
	maxLevel := slices.Max(lv)
	for k := uint8(1); k <= maxLevel; k++ {
		for i := 0; i < n; {
			if lv[i] < k {
				i++
				continue
			}
			j := i
			for j < n && lv[j] >= k {
				j++
			}
			slices.Reverse(order[i:j])
			slices.Reverse(lv[i:j])
			i = j
		}
	}
}

// leadsRTL reports a line without right-to-left letters that still
// reads right to left, as the last line of an Arabic paragraph that ends
// in a symbol does: logical text never begins with a full stop or a
// closing bracket, but such a line drawn right to left shows its last
// characters at the left.
func leadsRTL(units []string) bool {
	for _, u := range units {
		if u == " " {
			continue
		}
		return endsRTLLine(u)
	}
	return false
}

// endsRTLLine reports the characters that end a logical line but that a
// left-to-right line never begins with.
func endsRTLLine(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return strings.ContainsRune(".,:;!?،؛؟)]}", r)
}

// bidiRow reports whether a row needs reordering: it has right-to-left
// letters or, in a right-to-left document, it begins at the left as a
// right-to-left line ends (leadsRTL).
func (m bidiMode) bidiRow(words []word, row []int) bool {
	return rowHasRTL(words, row) || m.rtl && len(row) > 0 && endsRTLLine(strings.TrimSpace(words[row[0]].text))
}

// orientBrackets is rule N0 for a producer that names glyphs by the
// character they stand for (not mirrored): a bracket pair drawn "(…)"
// can only be at a left-to-right level, and one drawn ")…(" only at a
// right-to-left one. A pair at the level of the other direction than
// the line's encloses text of that direction (N0 b and c); that pairing
// is tried first, so that "(كينيا) (تكلم …)" drawn ")…( )…(" does not
// pair the "( )" between the two.
func orientBrackets(units []string, strong []unitClass, rtl bool) {
	paired := make([]bool, len(units))
	// content[k] counts the units before k that can fill a pair: any
	// but a space, or only those of the class needed.
	content := make([]int, len(units)+1)
	match := func(opener func(string) bool, class unitClass, needs unitClass) {
		for k, u := range units {
			fills := needs == 0 && u != " " || needs != 0 && strong[k] == needs
			content[k+1] = content[k]
			if fills {
				content[k+1]++
			}
		}
		var stack []int
		for i, u := range units {
			if paired[i] {
				continue
			}
			if opener(u) {
				stack = append(stack, i)
				continue
			}
			m, ok := mirrorPairs[u]
			if !ok || len(stack) == 0 || units[stack[len(stack)-1]] != m {
				continue
			}
			j := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			if content[i]-content[j+1] > 0 {
				paired[i], paired[j] = true, true
				strong[i], strong[j] = class, class
			}
		}
	}
	if rtl {
		match(opening, classL, classL)
		match(closing, classR, 0)
	} else {
		match(closing, classR, classR)
		match(opening, classL, 0)
	}
}

// mirrorPairs are the brackets and quotation marks whose glyphs are
// mirrored at a right-to-left level (Bidi_Mirroring_Glyph).
var mirrorPairs = map[string]string{
	"(": ")", ")": "(", "[": "]", "]": "[", "{": "}", "}": "{",
	"«": "»", "»": "«", "‹": "›", "›": "‹", "<": ">", ">": "<",
}

func opening(s string) bool { return s == "(" || s == "[" || s == "{" }
func closing(s string) bool { return s == ")" || s == "]" || s == "}" }

// pairBrackets is rule N0 for a producer that names mirrored glyphs by
// shape, where a pair's drawing does not tell its level: a bracket at the
// edge of an embedded run that closes (or opens) a pair opened (or
// closed) inside the run belongs to the run ("AB-0928
// (verbatimrecords@un.org)" in an Arabic sentence), although, next to
// text of the other direction, the neutral rules gave it the line's level.
func pairBrackets(units []string, levels []uint8, rtl bool) {
	baseLevel := uint8(0)
	if rtl {
		baseLevel = 1
	}
	n := len(units)
	for i := 0; i < n; {
		if levels[i] <= baseLevel {
			i++
			continue
		}
		j := i
		for j < n && levels[j] > baseLevel {
			j++
		}
		runLevel := levels[i]
		for k := i; k < j; k++ {
			runLevel = min(runLevel, levels[k])
		}
		reversed := runLevel%2 == 1
		// The logical characters of the run's brackets, in reading
		// order: mirrored back at a right-to-left level.
		var open, close int // unmatched openers and closers
		read := func(k int) string {
			s := units[k]
			if reversed {
				if m, ok := mirrorPairs[s]; ok {
					return m
				}
			}
			return s
		}
		depth := 0
		for k := range j - i {
			idx := i + k
			if reversed {
				idx = j - 1 - k
			}
			switch s := read(idx); {
			case opening(s):
				depth++
			case closing(s):
				if depth > 0 {
					depth--
				} else {
					close++
				}
			}
		}
		open = depth
		// In reading order, the unit after the run is on its right for a
		// left-to-right run, on its left for a right-to-left one.
		after, before := j, i-1
		if reversed {
			after, before = i-1, j
		}
		if open > 0 && after >= 0 && after < n && levels[after] == baseLevel && closing(read(after)) {
			levels[after] = runLevel
		}
		if close > 0 && before >= 0 && before < n && levels[before] == baseLevel && opening(read(before)) {
			levels[before] = runLevel
		}
		i = j
	}
}

// bracketPairs counts the matched pairs among the brackets at a right-to-
// left level of a line in reading order, as printed and mirrored: the
// evidence for bidiMode.mirrored.
func bracketPairs(units []string, order []int, odd []bool) (asIs, mirrored int) {
	var d1, d2 int
	for _, i := range order {
		if !odd[i] {
			continue
		}
		s := units[i]
		m := mirrorPairs[s]
		switch {
		case opening(s):
			d1++
		case closing(s) && d1 > 0:
			d1--
			asIs++
		}
		switch {
		case opening(m):
			d2++
		case closing(m) && d2 > 0:
			d2--
			mirrored++
		}
	}
	return asIs, mirrored
}

// piece is a unit of a line's text in reading order and the word it
// comes from (-1 for the space between two words).
type piece struct {
	text string
	word int
}

// rowHasRTL reports whether a row has right-to-left letters.
func rowHasRTL(words []word, row []int) bool {
	for _, i := range row {
		if words[i].clusters != nil {
			return true
		}
	}
	return false
}

// visualUnits lists a row's units left to right: the clusters of words
// with right-to-left letters, the characters of the others, and a space
// wherever joinWords puts one.
func visualUnits(words []word, row []int) (units []string, owner []int) {
	n := 0
	for _, i := range row {
		n += len(words[i].text) + 1
	}
	units, owner = make([]string, 0, n), make([]int, 0, n)
	for k, i := range row {
		if k > 0 && needsSpace(words[row[k-1]], words[i]) {
			units = append(units, " ")
			owner = append(owner, -1)
		}
		if cs := words[i].clusters; cs != nil {
			for _, c := range *cs {
				units = append(units, c.text)
				owner = append(owner, i)
			}
			continue
		}
		text := strings.TrimSpace(words[i].text)
		for j := 0; j < len(text); {
			_, size := utf8.DecodeRuneInString(text[j:])
			units = append(units, text[j:j+size])
			owner = append(owner, i)
			j += size
		}
	}
	return units, owner
}

// logicalPieces returns a row with right-to-left letters in reading
// order, normalized (normalizeRTL), and whether it reads right to left.
func (m bidiMode) logicalPieces(words []word, row []int) ([]piece, bool) {
	units, owner := visualUnits(words, row)
	order, rtl, odd := reorder(units, m)
	texts := make([]string, len(order))
	for k, i := range order {
		texts[k] = units[i]
		if odd[i] && m.mirrored {
			if mm, ok := mirrorPairs[units[i]]; ok {
				texts[k] = mm
			}
		}
	}
	normalizeRTL(texts)
	pieces := make([]piece, len(order))
	for k, i := range order {
		pieces[k] = piece{text: texts[k], word: owner[i]}
	}
	return pieces, rtl
}

// join renders a row as text in reading order (joinWords for a row
// without right-to-left letters).
func (m bidiMode) join(words []word, row []int) string {
	if !m.bidiRow(words, row) {
		return joinWords(words, row)
	}
	pieces, _ := m.logicalPieces(words, row)
	var sb strings.Builder
	for _, p := range pieces {
		sb.WriteString(p.text)
	}
	return sb.String()
}

// rowRTL reports whether a row reads right to left.
func (m bidiMode) rowRTL(words []word, row []int) bool {
	if !rowHasRTL(words, row) {
		return m.bidiRow(words, row)
	}
	nR, nL := 0, 0
	for _, i := range row {
		r, l := strongCounts(words[i].text)
		nR += r
		nL += l
	}
	return direction(nR, nL, m)
}

// isPresentationForm reports an Arabic presentation form: a letter in
// one of its contextual shapes or a ligature, which some producers' text
// carries instead of the letters.
func isPresentationForm(r rune) bool {
	return r >= 0xFB50 && r <= 0xFDFF || r >= 0xFE70 && r <= 0xFEFF
}

// normalizeRTL turns the pieces of a right-to-left line, in reading
// order, into plain letters: presentation forms become the letters they
// shape (NFKC), and a tatweel that stretches a word for justification (a
// kashida) goes, while one that ends a word ("الـ 25") stays.
func normalizeRTL(pieces []string) {
	var prev rune
	var next []rune // the first character from piece k on that is not a tatweel
	for k, s := range pieces {
		if !strings.ContainsFunc(s, func(r rune) bool { return r == tatweel || isPresentationForm(r) }) {
			if r, _ := utf8.DecodeLastRuneInString(s); r != utf8.RuneError {
				prev = r
			}
			continue
		}
		var b strings.Builder
		b.Grow(len(s))
		for i := 0; i < len(s); {
			r, size := utf8.DecodeRuneInString(s[i:])
			switch {
			case isPresentationForm(r):
				// Isolated vowel signs decompose to a space and the mark.
				nf := strings.TrimPrefix(norm.NFKC.String(string(r)), " ")
				b.WriteString(nf)
				prev, _ = utf8.DecodeLastRuneInString(nf)
				i += size
				continue
			case r == tatweel:
				j := i
				for j < len(s) && strings.HasPrefix(s[j:], string(tatweel)) {
					j += size
				}
				var after rune
				if j < len(s) {
					after, _ = utf8.DecodeRuneInString(s[j:])
				} else {
					if next == nil {
						next = nextLetters(pieces)
					}
					after = next[k+1]
				}
				if !isRTL(prev) || !isRTL(after) {
					b.WriteString(s[i:j])
					prev = tatweel
				}
				i = j
				continue
			}
			b.WriteRune(r)
			prev = r
			i += size
		}
		pieces[k] = b.String()
	}
}

const tatweel = 'ـ'

// nextLetters lists, for each piece, the first character from it on that
// is not a tatweel (0 past the end).
func nextLetters(pieces []string) []rune {
	next := make([]rune, len(pieces)+1)
	for k := len(pieces) - 1; k >= 0; k-- {
		next[k] = next[k+1]
		if t := strings.TrimLeft(pieces[k], string(tatweel)); t != "" {
			next[k], _ = utf8.DecodeRuneInString(t)
		}
	}
	return next
}

// documentBidi reads from a document's rows with right-to-left letters
// which way the document reads and how its producer names mirrored
// glyphs (the brackets at a right-to-left level pair up as printed, or
// once mirrored). A document without such letters costs one look at each
// word.
func documentBidi(pages []*pageWork, rows [][][]int) bidiMode {
	found := false
	for _, p := range pages {
		for _, w := range p.words {
			if w.clusters != nil {
				found = true
				break
			}
		}
	}
	if !found {
		return bidiMode{}
	}
	var nR, nL int
	for _, p := range pages {
		for _, w := range p.words {
			r, l := strongCounts(w.text)
			nR += r
			nL += l
		}
	}
	mode := bidiMode{rtl: nR > nL}
	var asIs, mirrored int
	for i, p := range pages {
		for _, row := range rows[i] {
			if !rowHasRTL(p.words, row) {
				continue
			}
			units, _ := visualUnits(p.words, row)
			order, _, odd := reorder(units, mode)
			a, m := bracketPairs(units, order, odd)
			asIs += a
			mirrored += m
		}
	}
	mode.mirrored = mirrored > asIs
	return mode
}
