package corpus

import (
	"slices"
	"strings"
	"unicode"
)

// Languages are the six official languages of the United Nations
// (ISO 639-1), in the order the Organization lists them.
var Languages = []string{"ar", "zh", "en", "fr", "ru", "es"}

// IsLanguage tells whether lang is one of Languages.
func IsLanguage(lang string) bool { return slices.Contains(Languages, lang) }

// detectLetters is how much of a text DetectLanguage reads: the first
// pages of a record tell its language as surely as the whole.
const detectLetters = 40000

// DetectLanguage tells which of the six official languages text is in: by
// script for Chinese, Arabic and Russian, by the most frequent function
// words for English, French and Spanish. It returns "en" when nothing
// tells, and reads at most the first 40,000 letters.
func DetectLanguage(text string) string {
	var han, arabic, cyrillic, latin, letters int
	for i, r := range text {
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
		if letters++; letters == detectLetters {
			text = text[:i]
			break
		}
	}
	switch {
	// Chinese records quote symbols and names in Latin letters: a sixth
	// as many Han characters already makes a Chinese text.
	case han > 0 && han*6 >= latin:
		return "zh"
	case arabic > latin && arabic >= cyrillic:
		return "ar"
	case cyrillic > latin:
		return "ru"
	}
	score := map[string]int{}
	for w := range strings.FieldsFuncSeq(strings.ToLower(text), func(r rune) bool { return !unicode.IsLetter(r) }) {
		if lang, ok := functionWords[w]; ok {
			score[lang]++
		}
	}
	best, bestN := "en", 0
	for _, lang := range []string{"en", "fr", "es"} {
		if score[lang] > bestN {
			best, bestN = lang, score[lang]
		}
	}
	return best
}

// functionWords are frequent words of one of English, French or Spanish
// that the other two do not use: words the languages share ("la", "de",
// "que", "en") would only blur the count.
var functionWords = map[string]string{
	"the": "en", "and": "en", "of": "en", "to": "en", "is": "en", "that": "en", "with": "en", "we": "en",
	"for": "en", "are": "en", "this": "en", "which": "en", "have": "en", "has": "en", "its": "en", "our": "en",
	"be": "en", "by": "en", "not": "en", "will": "en", "should": "en",
	"le": "fr", "les": "fr", "des": "fr", "et": "fr", "est": "fr", "du": "fr", "nous": "fr", "une": "fr", "au": "fr", "pour": "fr",
	"qui": "fr", "dans": "fr", "sur": "fr", "aux": "fr", "notre": "fr", "ce": "fr", "cette": "fr", "sont": "fr", "pas": "fr",
	"être": "fr", "doit": "fr",
	"el": "es", "los": "es", "las": "es", "y": "es", "del": "es", "es": "es", "una": "es", "por": "es", "para": "es", "con": "es",
	"su": "es", "sus": "es", "al": "es", "nuestra": "es", "nuestro": "es", "como": "es", "debe": "es", "esta": "es", "este": "es",
}
