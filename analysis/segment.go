package analysis

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"gopkg.in/neurosnap/sentences.v1"
	"gopkg.in/neurosnap/sentences.v1/english"
)

// English sentences are split with the Punkt model that prose v2 ships and
// uses for its own segmentation. prose rebuilds that model for every
// document it is given, so the model is loaded here once and shared: the
// tokenizer only reads it.
var (
	punktOnce sync.Once
	punkt     *sentences.DefaultSentenceTokenizer
	punktErr  error
)

// UN texts abbreviate these before a number or a name; Punkt's training
// does not know all of them.
var unAbbreviations = []string{"no", "nos", "para", "paras", "art", "arts", "mr", "mrs", "ms", "dr", "res", "rev", "add", "corr", "vol", "cf", "e.g", "i.e", "h.e", "st"}

func englishSegmenter() (*sentences.DefaultSentenceTokenizer, error) {
	punktOnce.Do(func() {
		punkt, punktErr = english.NewSentenceTokenizer(nil)
		if punktErr == nil {
			for _, a := range unAbbreviations {
				punkt.AbbrevTypes.Add(a)
			}
		}
	})
	return punkt, punktErr
}

// Sentences splits a paragraph of lang into sentences: Punkt for English;
// for Chinese a sentence ends at 。！？；; for the other languages at . ! ? ؟
// followed by a space and a capital, digit or quote, except after a known
// abbreviation. Empty sentences are dropped; text is trimmed.
func Sentences(lang, text string) []string {
	text = strings.TrimSpace(text)
	if text == "" {
		return nil
	}
	var out []string
	switch lang {
	case "en":
		seg, err := englishSegmenter()
		if err != nil {
			return ruleSentences(text)
		}
		for _, s := range seg.Tokenize(text) {
			if t := strings.TrimSpace(s.Text); t != "" {
				out = append(out, t)
			}
		}
	case "zh":
		out = zhSentences(text)
	default:
		out = ruleSentences(text)
	}
	return out
}

func zhSentences(text string) []string {
	var out []string
	start := 0
	for i, r := range text {
		switch r {
		case '。', '！', '？', '；', '!', '?', ';':
			end := i + utf8.RuneLen(r)
			// keep closing quotes and brackets with their sentence
			for end < len(text) {
				q, size := utf8.DecodeRuneInString(text[end:])
				if !strings.ContainsRune("”’」』）)\"", q) {
					break
				}
				end += size
			}
			if end <= start {
				continue
			}
			if s := strings.TrimSpace(text[start:end]); s != "" {
				out = append(out, s)
			}
			start = end
		}
	}
	if s := strings.TrimSpace(text[min(start, len(text)):]); s != "" {
		out = append(out, s)
	}
	return out
}

// abbreviations that end with a period without ending a sentence, in the
// languages split by rule (lower-cased, without the period).
var ruleAbbreviations = map[string]bool{
	"m": true, "mm": true, "mme": true, "mmes": true, "mlle": true, "dr": true, "sr": true, "sra": true, "sres": true,
	"srta": true, "dra": true, "no": true, "nº": true, "núm": true, "art": true, "arts": true, "par": true, "p": true,
	"pp": true, "cf": true, "ex": true, "av": true, "st": true, "ste": true, "ee": true, "uu": true,
	"г": true, "гн": true, "гжа": true, "ст": true, "п": true, "см": true, "т": true, "д": true, "res": true, "rev": true,
}

func ruleSentences(text string) []string {
	var out []string
	start := 0
	runes := []rune(text)
	byteAt := make([]int, len(runes)+1)
	b := 0
	for i, r := range runes {
		byteAt[i] = b
		b += utf8.RuneLen(r)
	}
	byteAt[len(runes)] = b
	for i, r := range runes {
		if r != '.' && r != '!' && r != '?' && r != '؟' && r != '…' {
			continue
		}
		j := i + 1
		for j < len(runes) && strings.ContainsRune("\"'”’»)", runes[j]) {
			j++
		}
		if j < len(runes) && !unicode.IsSpace(runes[j]) {
			continue
		}
		k := j
		for k < len(runes) && unicode.IsSpace(runes[k]) {
			k++
		}
		if k < len(runes) {
			next := runes[k]
			if !(unicode.IsUpper(next) || unicode.IsDigit(next) || strings.ContainsRune("\"'“‘«¿¡(-–—•", next) || unicode.In(next, unicode.Arabic)) {
				continue
			}
		}
		if r == '.' && isAbbreviation(runes[:i]) {
			continue
		}
		if s := strings.TrimSpace(text[byteAt[start]:byteAt[j]]); s != "" {
			out = append(out, s)
		}
		start = j
	}
	if s := strings.TrimSpace(text[byteAt[start]:]); s != "" {
		out = append(out, s)
	}
	return out
}

// isAbbreviation reports whether the word ending at the end of before is a
// known abbreviation or a single letter (an initial).
func isAbbreviation(before []rune) bool {
	i := len(before)
	for i > 0 && (unicode.IsLetter(before[i-1]) || before[i-1] == 'º') {
		i--
	}
	word := strings.ToLower(string(before[i:]))
	if word == "" {
		return false
	}
	if utf8.RuneCountInString(word) == 1 && unicode.IsUpper(before[i]) {
		return true
	}
	return ruleAbbreviations[word]
}
