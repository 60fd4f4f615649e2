package analysis

import (
	"strings"
	"unicode"
)

// Function words that tell the Latin-script official languages apart.
var latinStopwords = map[string]map[string]bool{
	"en": set("the of and to in that is for on with be are this as it we our by which have has its not will should"),
	"fr": set("le la les des du de et à en que qui est pour dans une un sur au aux nous notre ce cette sont par pas être doit"),
	"es": set("el la los las del de y en que es por para una un con su sus al se nuestra nuestro como son debe esta este"),
}

func set(words string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}

// DetectLanguage guesses the official language text is written in from its
// script and, for Latin script, its function words. It returns "en" when
// nothing tells.
func DetectLanguage(text string) string {
	var han, arabic, cyrillic, latin int
	for i, r := range text {
		if i > 8192 {
			break
		}
		switch {
		case unicode.Is(unicode.Han, r):
			han++
		case unicode.Is(unicode.Arabic, r):
			arabic++
		case unicode.Is(unicode.Cyrillic, r):
			cyrillic++
		case unicode.Is(unicode.Latin, r):
			latin++
		}
	}
	switch {
	case han > 0 && han*2 >= latin/3:
		return "zh"
	case arabic > latin && arabic >= cyrillic:
		return "ar"
	case cyrillic > latin:
		return "ru"
	}
	scores := map[string]int{}
	words := strings.FieldsFunc(strings.ToLower(text), func(r rune) bool { return !unicode.IsLetter(r) })
	for i, w := range words {
		if i > 2000 {
			break
		}
		for lang, sw := range latinStopwords {
			if sw[w] {
				scores[lang]++
			}
		}
	}
	best, bestScore := "en", scores["en"]
	for _, lang := range []string{"fr", "es"} {
		if scores[lang] > bestScore {
			best, bestScore = lang, scores[lang]
		}
	}
	return best
}
