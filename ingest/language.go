package ingest

import (
	"strings"
	"sync"
	"unicode"

	"golang.org/x/text/language"
	"golang.org/x/text/language/display"
)

// languageNames maps a language's name, lower-cased, in each of the six
// official languages of the United Nations to its ISO 639-1 code: "french",
// "français", "francés", "法语", "французский", "الفرنسية" → "fr". The names
// come from CLDR (golang.org/x/text), so every language a delegate may speak
// in is covered, not only the official six.
var languageNames = sync.OnceValue(func() map[string]string {
	namers := []display.Namer{
		display.English.Languages(), display.French.Languages(), display.Spanish.Languages(),
		display.Russian.Languages(), display.Chinese.Languages(), display.Arabic.Languages(),
	}
	m := make(map[string]string, 1400)
	add := func(name, code string) {
		name = strings.ToLower(strings.TrimSpace(name))
		if name == "" {
			return
		}
		if _, dup := m[name]; !dup {
			m[name] = code
		}
	}
	for a := 'a'; a <= 'z'; a++ {
		for b := 'a'; b <= 'z'; b++ {
			code := string([]rune{a, b})
			base, err := language.ParseBase(code)
			if err != nil {
				continue
			}
			tag, err := language.Compose(base)
			if err != nil {
				continue
			}
			for _, n := range namers {
				name := n.Name(tag)
				add(name, code)
				// Russian says "говорит по-французски": the adverb is the
				// adjective "французский" without its last letter.
				if strings.HasSuffix(name, "ский") {
					add("по-"+strings.TrimSuffix(name, "й"), code)
				}
			}
		}
	}
	// Variants the records use that CLDR spells otherwise.
	for name, code := range map[string]string{
		"chinese (mandarin)": "zh", "mandarin": "zh", "汉语": "zh", "中文": "zh", "英文": "en", "法文": "fr",
		"西班牙文": "es", "俄文": "ru", "阿拉伯文": "ar", "castilian": "es", "castellano": "es",
		"farsi": "fa", "persian": "fa", "flemish": "nl", "kiswahili": "sw",
		"الإنكليزية": "en", "الانكليزية": "en", "الانجليزية": "en", "الاسبانية": "es", "الإسبانية": "es",
		"الأسبانية": "es", "الفرنسية": "fr", "الروسية": "ru", "الصينية": "zh", "العربية": "ar",
	} {
		add(name, code)
	}
	return m
})

// languageCode returns the ISO 639-1 code of a language named in any of the
// six official languages, or "" when the name is not a language.
func languageCode(name string) string {
	name = strings.ToLower(strings.TrimFunc(name, func(r rune) bool {
		return unicode.IsSpace(r) || unicode.IsPunct(r)
	}))
	if code, ok := languageNames()[name]; ok {
		return code
	}
	// Arabic prefixes the preposition bi- to the name: "بالفرنسية".
	if rest, ok := strings.CutPrefix(name, "ب"); ok {
		if code, ok := languageNames()[rest]; ok {
			return code
		}
	}
	return ""
}
