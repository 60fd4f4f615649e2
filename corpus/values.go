package corpus

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/agnivade/levenshtein"
)

// UnknownValueError reports a filter value that names nothing known: a
// theme, state, group or language the user mistyped. It carries the
// nearest known values, so that a search or a report that would find
// nothing says why instead.
type UnknownValueError struct {
	// Param is the filter as the caller names it ("country", "lang").
	Param string
	Value string
	// What is the kind of thing the value should name ("state", "theme").
	What string
	// Suggestions are the known values nearest to Value, best first, as a
	// user would type them.
	Suggestions []string
	// Hint says what the filter accepts, or where to find its values.
	Hint string
}

func (e *UnknownValueError) Error() string {
	return fmt.Sprintf("%s %q: %s", e.Param, e.Value, e.Reason())
}

// Reason is the message without the parameter: "no such theme; did you
// mean veto? …".
func (e *UnknownValueError) Reason() string {
	var b strings.Builder
	b.WriteString("no such " + e.What)
	if len(e.Suggestions) > 0 {
		b.WriteString("; did you mean " + orList(e.Suggestions) + "?")
	}
	if e.Hint != "" {
		b.WriteString(" (" + e.Hint + ")")
	}
	return b.String()
}

func orList(xs []string) string {
	switch len(xs) {
	case 1:
		return xs[0]
	case 2:
		return xs[0] + " or " + xs[1]
	}
	return strings.Join(xs[:len(xs)-1], ", ") + " or " + xs[len(xs)-1]
}

// Candidate is a known value for Suggest: the keys it is matched by (an
// ID, names) and how it is shown.
type Candidate struct {
	Keys  []string
	Label string
}

// maxSuggestions caps the values an UnknownValueError offers.
const maxSuggestions = 3

// Suggest returns the labels of the candidates nearest to value: those
// with a key within a few edits of it (a third of its length, at least
// one), then those with a key that starts with it or contains it; best
// first, at most three. key normalises the value and the keys before they
// are compared.
func Suggest(value string, candidates []Candidate, key func(string) string) []string {
	v := key(value)
	if v == "" {
		return nil
	}
	limit := max(1, utf8.RuneCountInString(v)/3)
	type scored struct {
		label string
		score int
	}
	var found []scored
	for _, c := range candidates {
		best := -1
		for _, k := range c.Keys {
			k = key(k)
			if k == "" {
				continue
			}
			score := -1
			if d := levenshtein.ComputeDistance(v, k); d <= limit {
				score = d
			} else if utf8.RuneCountInString(v) >= 3 && strings.HasPrefix(k, v) {
				score = limit + 1
			} else if utf8.RuneCountInString(v) >= 4 && strings.Contains(k, v) {
				score = limit + 2
			}
			if score >= 0 && (best < 0 || score < best) {
				best = score
			}
		}
		if best >= 0 && !slices.ContainsFunc(found, func(s scored) bool { return s.label == c.Label }) {
			found = append(found, scored{c.Label, best})
		}
	}
	slices.SortStableFunc(found, func(a, b scored) int { return cmp.Compare(a.score, b.score) })
	var out []string
	for _, s := range found[:min(len(found), maxSuggestions)] {
		out = append(out, s.label)
	}
	return out
}

// FoldKey is the plain normalisation for Suggest: lower case, spacing
// trimmed.
func FoldKey(s string) string { return strings.ToLower(strings.TrimSpace(s)) }

// ResolveCountry finds the state a filter value names: its ISO 3166-1
// alpha-3 code in any case ("nzl"), or one of its names in any of the six
// official languages ("New Zealand", "Nouvelle-Zélande", "新西兰"). A
// value that names no state with a code is an *UnknownValueError with
// the nearest names; param names the filter in it.
func ResolveCountry(param, value string) (Country, error) {
	v := strings.TrimSpace(value)
	if c, ok := CountryByCode(v); ok && utf8.RuneCountInString(v) == 3 {
		return c, nil
	}
	c, ok := LookupCountry(v, "")
	if ok && c.Code != "" {
		return c, nil
	}
	e := &UnknownValueError{Param: param, Value: value, What: "state",
		Hint: "give a state's name in one of the six official languages or its ISO 3166-1 alpha-3 code, as in NZL"}
	if ok {
		e.What = "state with a country code"
		e.Hint = c.Name("en") + " is an observer entity, without a code; its statements are found through the group filter where it speaks for one"
		return Country{}, e
	}
	e.Suggestions = Suggest(v, countryCandidates(), countryKey)
	return Country{}, e
}

// ResolveCountries resolves each value as ResolveCountry does and returns
// their codes, each once, in the order given.
func ResolveCountries(param string, values []string) ([]string, error) {
	var out []string
	for _, v := range values {
		c, err := ResolveCountry(param, v)
		if err != nil {
			return nil, err
		}
		if !slices.Contains(out, c.Code) {
			out = append(out, c.Code)
		}
	}
	return out, nil
}

// countryCandidates are the states with codes, matched by code and every
// name, shown as "New Zealand (NZL)".
func countryCandidates() []Candidate {
	var out []Candidate
	for _, c := range Countries() {
		if c.Code == "" {
			continue
		}
		keys := []string{c.Code}
		for _, lang := range Languages {
			keys = append(keys, c.Names[lang]...)
		}
		out = append(out, Candidate{Keys: keys, Label: c.Name("en") + " (" + c.Code + ")"})
	}
	return out
}

// languageNames are the six languages' names in English and in
// themselves, which a language filter accepts besides the codes.
var languageNames = map[string][]string{
	"ar": {"Arabic", "العربية"},
	"zh": {"Chinese", "中文"},
	"en": {"English"},
	"fr": {"French", "français"},
	"ru": {"Russian", "русский"},
	"es": {"Spanish", "español"},
}

// ResolveLanguage reads a language filter value: an ISO 639-1 code of one
// of the six official languages in any case ("EN"), or its name in English
// or in the language itself ("French", "français"). Any other value is an
// *UnknownValueError.
func ResolveLanguage(param, value string) (string, error) {
	v := FoldKey(value)
	if IsLanguage(v) {
		return v, nil
	}
	var cands []Candidate
	for _, lang := range Languages {
		for _, name := range languageNames[lang] {
			if FoldKey(name) == v {
				return lang, nil
			}
		}
		cands = append(cands, Candidate{Keys: append([]string{lang}, languageNames[lang]...), Label: lang})
	}
	e := &UnknownValueError{Param: param, Value: value, What: "official language",
		Hint: "the records are in the six official languages of the United Nations: " + strings.Join(Languages, ", ")}
	if len(v) > 2 {
		e.Suggestions = Suggest(v, cands, FoldKey)
	}
	return "", e
}

// ResolveLanguages resolves each value as ResolveLanguage does, each
// language once, in the order given.
func ResolveLanguages(param string, values []string) ([]string, error) {
	var out []string
	for _, v := range values {
		lang, err := ResolveLanguage(param, v)
		if err != nil {
			return nil, err
		}
		if !slices.Contains(out, lang) {
			out = append(out, lang)
		}
	}
	return out, nil
}
