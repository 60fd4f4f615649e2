package analysis

import (
	"regexp"
	"strconv"
	"strings"

	"github.com/scdebate/scdebate/corpus"
)

// References are normalised so that one citation reads the same in every
// language:
//
//	document symbols       "S/2017/507", "A/75/2", "S/PRST/2020/5"
//	General Assembly res.  "51/241" (also for "A/RES/51/241")
//	Security Council res.  "S/RES/2532 (2020)" (also "resolution 2532 (2020)")
//	Charter articles       "Article 27"
var (
	symbolPattern = regexp.MustCompile(`\b([ASE](?:/(?:[A-Z][A-Za-z]*\.?[0-9]*))*(?:/[0-9]+)+(?:/(?:Add|Rev|Corr)\.[0-9]+)*)(?:\s*\(([0-9]{4})\))?`)
	// A bare GA resolution number counts only in a sentence that speaks of
	// a resolution, so that fractions and dates are not taken for one.
	gaResolutionPattern = regexp.MustCompile(`(?:^|[^/0-9A-Za-z])([1-9][0-9]?)/([0-9]{1,3})(?:[^/0-9]|$)`)
	resolutionWord      = regexp.MustCompile(`(?i)resolution|résolution|resolución|决议|резолюци|قرار`)
	scResolutionPattern = regexp.MustCompile(`(?i)(?:resolutions?|résolutions?|resoluci(?:ón|ones)|резолюци[яиейю]+)\s+([0-9]{3,4})\s*\(([0-9]{4})\)`)
	zhSCResolution      = regexp.MustCompile(`第\s*([0-9]{3,4})\s*\(([0-9]{4})\)\s*号决议`)
	articlePattern      = regexp.MustCompile(`(?i)(?:^|[^\p{L}])(?:articles?|artículos?|стать(?:я|и|ей|е|ям|ями))\s+([0-9]+)((?:\s*(?:,|and|et|y|и|or|ou|o)\s*[0-9]+\b)*)`)
	articleListNumbers  = regexp.MustCompile(`[0-9]+`)
	zhArticlePattern    = regexp.MustCompile(`第\s*([0-9]+|[一二三四五六七八九十百零〇两]+)\s*条`)
	gaResolutionOnly    = regexp.MustCompile(`^[1-9][0-9]?/[0-9]{1,3}$`)
	arArticlePattern    = regexp.MustCompile(`الماد(?:ة|تين|تان)\s+([0-9٠-٩]+)(?:\s*و\s*([0-9٠-٩]+))?`)
	// The case-insensitive patterns with their prefilters.
	scResolutionFast   = newFastExpr(scResolutionPattern, true)
	resolutionWordFast = newFastExpr(resolutionWord, true)
	articleFast        = newFastExpr(articlePattern, true)
)

// ExtractReferences finds the documents, resolutions and Charter articles a
// sentence cites, normalised and in order of first appearance.
func ExtractReferences(text string) []string {
	if !mayHoldReference(text) {
		return nil
	}
	// The patterns below need these characters, or words their
	// prefilters name; most sentences with a number hold neither.
	slash, paren := strings.IndexByte(text, '/') >= 0, strings.IndexByte(text, '(') >= 0
	lower, foldsLower := strings.ToLower(text), foldsLikeLower(text)
	may := func(e *fastExpr) bool { return e.mayMatch(lower, foldsLower) }
	var out []string
	seen := map[string]bool{}
	add := func(r string) {
		if r != "" && !seen[r] {
			seen[r] = true
			out = append(out, r)
		}
	}
	var masked []byte
	if slash {
		masked = []byte(text)
	}
	for _, m := range whenHeld(slash, symbolPattern.FindAllStringSubmatchIndex, text) {
		sym := text[m[2]:m[3]]
		year := ""
		if m[4] >= 0 {
			year = text[m[4]:m[5]]
		}
		add(normaliseSymbol(sym, year))
		for i := m[0]; i < m[1]; i++ {
			masked[i] = ' '
		}
	}
	for _, m := range whenHeld(paren && may(scResolutionFast), scResolutionPattern.FindAllStringSubmatch, text) {
		add("S/RES/" + m[1] + " (" + m[2] + ")")
	}
	for _, m := range whenHeld(paren, zhSCResolution.FindAllStringSubmatch, text) {
		add("S/RES/" + m[1] + " (" + m[2] + ")")
	}
	if slash && may(resolutionWordFast) && resolutionWord.MatchString(text) {
		for _, m := range gaResolutionPattern.FindAllStringSubmatch(string(masked), -1) {
			add(m[1] + "/" + m[2])
		}
	}
	for _, m := range whenHeld(may(articleFast), articlePattern.FindAllStringSubmatch, text) {
		add("Article " + m[1])
		for _, n := range articleListNumbers.FindAllString(m[2], -1) {
			add("Article " + n)
		}
	}
	for _, m := range zhArticlePattern.FindAllStringSubmatch(text, -1) {
		if n, ok := corpus.ChineseNumber(m[1]); ok {
			add("Article " + strconv.Itoa(n))
		}
	}
	for _, m := range arArticlePattern.FindAllStringSubmatch(text, -1) {
		for _, g := range m[1:] {
			if g != "" {
				add("Article " + corpus.ASCIIDigits(g))
			}
		}
	}
	return out
}

// mayHoldReference reports whether text holds a digit, ASCII or
// Arabic-Indic, or "条": a reference needs one.
func mayHoldReference(text string) bool {
	for i := 0; i < len(text); i++ {
		switch c := text[i]; {
		case '0' <= c && c <= '9':
			return true
		case c == 0xD9 && i+1 < len(text) && 0xA0 <= text[i+1] && text[i+1] <= 0xA9: // U+0660–U+0669
			return true
		}
	}
	return strings.Contains(text, "条")
}

// whenHeld runs find over text when held, which the text must be for
// find to find anything.
func whenHeld[T any](held bool, find func(string, int) []T, text string) []T {
	if !held {
		return nil
	}
	return find(text, -1)
}

// NormalizeReference returns the normalised form of one reference as a user
// writes it in a theme file ("S/2017/507", "51/241", "Article 27"), or ""
// when it is not one.
func NormalizeReference(s string) string {
	s = strings.TrimSpace(s)
	if gaResolutionOnly.MatchString(s) {
		return s
	}
	refs := ExtractReferences(s)
	if len(refs) != 1 {
		return ""
	}
	return refs[0]
}

func normaliseSymbol(sym, year string) string {
	if rest, ok := strings.CutPrefix(sym, "A/RES/"); ok && strings.Count(rest, "/") == 1 {
		return rest
	}
	if strings.HasPrefix(sym, "S/RES/") && year != "" {
		return sym + " (" + year + ")"
	}
	return sym
}
