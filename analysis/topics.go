package analysis

import (
	"fmt"
	"math"
	"sort"
	"strings"
	"sync"
	"unicode"

	"github.com/jdkato/prose/v2"

	"github.com/scdebate/scdebate/corpus"
)

// prose loads its tagger's weights for every document unless it is given a
// model; the model is loaded once here and shared (tagging only reads it).
var (
	taggerOnce  sync.Once
	taggerModel *prose.Model
	taggerErr   error
)

func loadTagger() error {
	taggerOnce.Do(func() {
		defer func() {
			if r := recover(); r != nil {
				taggerErr = fmt.Errorf("analysis: load the part-of-speech model: %v", r)
			}
		}()
		taggerModel = prose.ModelFromData("scdebate")
	})
	return taggerErr
}

// MaxPhraseWords bounds the length of a key phrase.
const MaxPhraseWords = 4

// NounPhrases returns the noun phrases of English text: runs of adjectives
// and nouns that end in a noun, lower-cased, up to MaxPhraseWords words,
// found with prose's part-of-speech tagger (the shared model).
func NounPhrases(text string) ([]string, error) {
	if err := loadTagger(); err != nil {
		return nil, err
	}
	doc, err := prose.NewDocument(text, prose.UsingModel(taggerModel), prose.WithSegmentation(false), prose.WithExtraction(false))
	if err != nil {
		return nil, err
	}
	var out []string
	var run []prose.Token
	flush := func() {
		// trim to end in a noun
		for len(run) > 0 && !strings.HasPrefix(run[len(run)-1].Tag, "NN") {
			run = run[:len(run)-1]
		}
		for len(run) > MaxPhraseWords {
			run = run[1:]
		}
		if len(run) > 0 {
			if p := phraseText(run); p != "" {
				out = append(out, p)
			}
		}
		run = run[:0]
	}
	for _, tok := range doc.Tokens() {
		if isPhraseTag(tok.Tag) && isWordy(tok.Text) {
			run = append(run, tok)
			continue
		}
		flush()
	}
	flush()
	return out, nil
}

func isPhraseTag(tag string) bool {
	return strings.HasPrefix(tag, "NN") || tag == "JJ"
}

func isWordy(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) {
			return true
		}
	}
	return false
}

// phraseText joins a run of tokens, dropping phrases that are only
// honorifics or single letters.
func phraseText(run []prose.Token) string {
	words := make([]string, 0, len(run))
	for _, t := range run {
		w := strings.ToLower(strings.Trim(t.Text, ".,;:'\"()[]"))
		if w == "" || phraseNoise[w] {
			continue
		}
		words = append(words, w)
	}
	if len(words) == 0 || len(words) == 1 && len([]rune(words[0])) < 3 {
		return ""
	}
	return strings.Join(words, " ")
}

// phraseNoise are words of address and reference that every speech uses.
var phraseNoise = map[string]bool{"mr": true, "mrs": true, "ms": true, "madam": true, "sir": true, "excellency": true, "delegation": true, "statement": true}

// recordKeyPhrases counts the noun phrases of every paragraph of a record.
func recordKeyPhrases(rec *corpus.Record) map[string]int {
	counts := map[string]int{}
	for _, sp := range rec.Speeches {
		for _, p := range sp.Paragraphs {
			phrases, err := NounPhrases(p.Text)
			if err != nil {
				continue
			}
			for _, ph := range phrases {
				counts[ph]++
			}
		}
	}
	return counts
}

// KeyPhrase is a noun phrase of a session ranked by keyness.
type KeyPhrase struct {
	Phrase string
	// Count is the phrase's frequency in the session; Reference its
	// frequency in all earlier sessions together.
	Count, Reference int
	// LogLikelihood is Dunning's G² of the session against the earlier
	// sessions: how surprising the session's frequency is.
	LogLikelihood float64
	// Themes are the themes whose terms the phrase contains; a key phrase
	// with none is a topic the taxonomy does not cover yet.
	Themes []string
}

// SessionTopics are the key phrases of one session.
type SessionTopics struct {
	Session int
	Phrases []KeyPhrase
}

// TopicOptions control EmergingTopics; the zero value keeps 25 phrases per
// session seen at least 3 times.
type TopicOptions struct {
	Limit    int // phrases per session; 0 means 25
	MinCount int // minimum frequency in the session; 0 means 3
	// Uncovered keeps only phrases that no theme covers.
	Uncovered bool
}

// Coded pairs a record with its annotation.
type Coded struct {
	Record     *corpus.Record
	Annotation *Annotation
}

// EmergingTopics ranks, for each session after the first, the noun phrases
// of its records (Annotation.KeyPhrases, English records) by log-likelihood
// keyness against all earlier sessions, keeping phrases more frequent than
// before. Sessions come out in ascending order; records without a session
// are left out. tx marks which phrases a theme already covers.
func EmergingTopics(tx *Taxonomy, docs []Coded, opts TopicOptions) []SessionTopics {
	limit, minCount := opts.Limit, opts.MinCount
	if limit <= 0 {
		limit = 25
	}
	if minCount <= 0 {
		minCount = 3
	}
	perSession := map[int]map[string]int{}
	for _, d := range docs {
		if d.Record == nil || d.Record.Session == nil || d.Annotation == nil {
			continue
		}
		s := *d.Record.Session
		if perSession[s] == nil {
			perSession[s] = map[string]int{}
		}
		for ph, n := range d.Annotation.KeyPhrases {
			perSession[s][ph] += n
		}
	}
	sessions := make([]int, 0, len(perSession))
	for s := range perSession {
		sessions = append(sessions, s)
	}
	sort.Ints(sessions)
	reference := map[string]int{}
	refTotal := 0
	var out []SessionTopics
	for i, s := range sessions {
		counts := perSession[s]
		total := 0
		for _, n := range counts {
			total += n
		}
		if i > 0 {
			st := SessionTopics{Session: s}
			for ph, a := range counts {
				b := reference[ph]
				if a < minCount || float64(a)/float64(total) <= float64(b)/float64(refTotal) {
					continue
				}
				kp := KeyPhrase{Phrase: ph, Count: a, Reference: b, LogLikelihood: logLikelihood(a, b, total, refTotal)}
				if tx != nil {
					for _, m := range tx.matchThemes("en", ph, nil) {
						kp.Themes = append(kp.Themes, m.Theme)
					}
				}
				if opts.Uncovered && len(kp.Themes) > 0 {
					continue
				}
				st.Phrases = append(st.Phrases, kp)
			}
			sort.Slice(st.Phrases, func(i, j int) bool {
				a, b := st.Phrases[i], st.Phrases[j]
				if a.LogLikelihood != b.LogLikelihood {
					return a.LogLikelihood > b.LogLikelihood
				}
				return a.Phrase < b.Phrase
			})
			if len(st.Phrases) > limit {
				st.Phrases = st.Phrases[:limit]
			}
			out = append(out, st)
		}
		for ph, n := range counts {
			reference[ph] += n
		}
		refTotal += total
	}
	return out
}

// logLikelihood is Dunning's G² for a phrase seen a times in a corpus of c
// phrases and b times in a reference corpus of d phrases.
func logLikelihood(a, b, c, d int) float64 {
	fa, fb, fc, fd := float64(a), float64(b), float64(c), float64(d)
	e1 := fc * (fa + fb) / (fc + fd)
	e2 := fd * (fa + fb) / (fc + fd)
	g := 0.0
	if fa > 0 {
		g += fa * math.Log(fa/e1)
	}
	if fb > 0 {
		g += fb * math.Log(fb/e2)
	}
	return 2 * g
}
