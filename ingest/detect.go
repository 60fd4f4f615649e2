package ingest

import (
	"strings"
	"unicode"
)

// detectLanguage tells which of the six official languages a document is
// in: by script for Chinese, Arabic and Russian, by the most frequent
// function words for English, French and Spanish. It reads at most the
// first 40,000 letters.
func detectLanguage(lines []line) string {
	var han, arabic, cyrillic, latin int
	counts := map[string]int{}
	budget := 40000
	for _, l := range lines {
		if budget <= 0 {
			break
		}
		for _, r := range l.Text {
			switch {
			case unicode.Is(unicode.Han, r):
				han++
			case unicode.Is(unicode.Arabic, r):
				arabic++
			case unicode.Is(unicode.Cyrillic, r):
				cyrillic++
			case unicode.Is(unicode.Latin, r):
				latin++
			default:
				continue
			}
			budget--
		}
		for _, w := range strings.Fields(strings.ToLower(l.Text)) {
			if _, ok := functionWords[w]; ok {
				counts[w]++
			}
		}
	}
	switch {
	case han > 0 && han*3 >= latin:
		return "zh"
	case arabic > latin && arabic >= cyrillic:
		return "ar"
	case cyrillic > latin:
		return "ru"
	}
	score := map[string]int{}
	for w, n := range counts {
		score[functionWords[w]] += n
	}
	best, bestN := "en", 0
	for _, lang := range []string{"en", "fr", "es"} {
		if score[lang] > bestN {
			best, bestN = lang, score[lang]
		}
	}
	return best
}

// functionWords are frequent words found in one of English, French or
// Spanish and not the others.
var functionWords = map[string]string{
	"the": "en", "and": "en", "of": "en", "to": "en", "is": "en", "that": "en", "with": "en", "we": "en",
	"le": "fr", "les": "fr", "des": "fr", "et": "fr", "est": "fr", "du": "fr", "nous": "fr", "une": "fr", "au": "fr", "pour": "fr",
	"el": "es", "los": "es", "las": "es", "y": "es", "del": "es", "es": "es", "una": "es", "por": "es", "para": "es", "con": "es",
}
