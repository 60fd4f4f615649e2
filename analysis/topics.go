package analysis

import (
	"fmt"
	"math"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/jdkato/prose/v2"

	"github.com/scdebate/scdebate/corpus"
)

// tagger tags phrases with prose's part-of-speech model, loaded on first
// use without the entity model prose loads beside it by default: the
// tagger alone takes a tenth of a second and some 27 MB, so it is loaded by
// a ranking that has phrases to check, and dropped with it.
type tagger struct {
	model *prose.Model
	err   error
}

func (t *tagger) load() error {
	if t.model == nil && t.err == nil {
		func() {
			defer func() {
				if r := recover(); r != nil {
					t.err = fmt.Errorf("analysis: load the part-of-speech model: %v", r)
				}
			}()
			doc, err := prose.NewDocument("", prose.WithSegmentation(false), prose.WithExtraction(false))
			if err != nil {
				t.err = err
				return
			}
			t.model = doc.Model
		}()
	}
	return t.err
}

// nounPhrase reports whether prose's tagger reads a phrase as a noun
// phrase: adjectives, nouns and participles ("working methods", "written
// procedure") ending in a noun. Without the model every phrase passes.
func (t *tagger) nounPhrase(phrase string) bool {
	if t.load() != nil {
		return true
	}
	doc, err := prose.NewDocument(phrase, prose.UsingModel(t.model), prose.WithSegmentation(false), prose.WithExtraction(false))
	if err != nil {
		return true
	}
	toks := doc.Tokens()
	if len(toks) == 0 || !strings.HasPrefix(toks[len(toks)-1].Tag, "NN") {
		return false
	}
	for _, t := range toks {
		switch {
		case strings.HasPrefix(t.Tag, "NN"), strings.HasPrefix(t.Tag, "JJ"), t.Tag == "VBG", t.Tag == "VBN", t.Tag == "HYPH":
		default:
			return false
		}
	}
	return true
}

// Emerging topics are found as corpus linguists find key words: each
// record counts its candidate phrases — n-grams of one to MaxPhraseWords
// content words — and a session's counts are compared with those of the
// sessions before it by log-likelihood keyness (Dunning's G², as
// quanteda's textstat_keyness computes it with measure "lr"). Candidate
// phrases need no part-of-speech tagger: a run of words between
// punctuation, numbers and function words is a phrase or holds one, and
// keyness ranks down what every session says alike. Only the phrases that
// rank high enough to be shown are tagged, with prose's tagger, to keep the
// noun phrases among them: a few hundred short strings instead of every
// sentence of the corpus.

// MaxPhraseWords bounds the length of a key phrase.
const MaxPhraseWords = 3

// keyPhraseMethod identifies how key phrases are counted, for the
// annotations' input digest: a change of method makes them stale.
const keyPhraseMethod = 2

// Phrases returns the candidate phrases of English text, lower-cased, in
// order: every n-gram of one to MaxPhraseWords consecutive content words,
// n-grams crossing no punctuation, number or function word, and a single
// word only of three letters or more.
func Phrases(text string) []string {
	var out []string
	eachPhrase(text, func(p string) { out = append(out, p) })
	return out
}

// eachPhrase calls add for each of text's candidate phrases.
func eachPhrase(text string, add func(string)) {
	var run []string // the content words since the last break
	var b strings.Builder
	emit := func() {
		// The n-grams ending at the run's last word.
		last := len(run) - 1
		for n := 1; n <= MaxPhraseWords && n <= len(run); n++ {
			if n == 1 && utf8.RuneCountInString(run[last]) < 3 {
				continue
			}
			b.Reset()
			for i, w := range run[last-n+1:] {
				if i > 0 {
					b.WriteByte(' ')
				}
				b.WriteString(w)
			}
			add(b.String())
		}
	}
	eachWord(text, func(w string, brk bool) {
		if brk || !contentWord(w) {
			run = run[:0]
			return
		}
		run = append(run, w)
		if len(run) > MaxPhraseWords {
			run = run[1:]
		}
		emit()
	})
}

// eachWord calls word for each word of text, lower-cased, with brk false,
// and with brk true at each break between phrases: punctuation other than
// a hyphen or apostrophe within a word, a possessive ending.
func eachWord(text string, word func(w string, brk bool)) {
	start := -1
	flush := func(end int) {
		if start < 0 {
			return
		}
		w := strings.Trim(text[start:end], "-'’")
		start = -1
		possessive := false
		for _, suffix := range []string{"'s", "’s", "s'", "s’"} {
			if strings.HasSuffix(strings.ToLower(w), suffix) && len(w) > len(suffix) {
				if suffix[0] == 's' {
					w = w[:len(w)-len(suffix)+1]
				} else {
					w = w[:len(w)-len(suffix)]
				}
				possessive = true
				break
			}
		}
		if w != "" {
			word(strings.ToLower(w), false)
		}
		if possessive {
			word("", true)
		}
	}
	for i, r := range text {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r):
			if start < 0 {
				start = i
			}
		case (r == '-' || r == '\'' || r == '’' || r == '‑') && start >= 0:
			// Within a word ("non-permanent", "Council's"); trimmed at
			// its ends.
		case unicode.IsSpace(r):
			flush(i)
		default:
			flush(i)
			word("", true)
		}
	}
	flush(len(text))
}

// contentWord reports whether a lower-cased word may be part of a key
// phrase: not a function word or a word of address, and holding a letter
// (numbers break phrases).
func contentWord(w string) bool {
	if stopWords[w] {
		return false
	}
	for _, r := range w {
		if unicode.IsLetter(r) {
			return !romanNumeral(w)
		}
	}
	return false
}

// romanNumeral reports a list marker such as "iii" or "xiv".
func romanNumeral(w string) bool { return romanNumerals[w] }

var romanNumerals = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields("i ii iii iv v vi vii viii ix x xi xii xiii xiv xv xvi xvii xviii xix xx") {
		m[w] = true
	}
	return m
}()

// stopWords are the English function words (the Snowball list that
// quanteda's stopwords("en") gives), the words of address, courtesy and
// modality that every statement uses, and the verbs by which speakers take
// a stand ("Kenya supports", "we call on"): they break phrases, so that
// what a statement supports or calls for is counted on its own.
var stopWords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`
		i me my myself we our ours ourselves you your yours yourself yourselves
		he him his himself she her hers herself it its itself they them their
		theirs themselves what which who whom this that these those am is are
		was were be been being have has had having do does did doing would
		should could ought i'm you're he's she's it's we're they're i've you've
		we've they've i'd you'd he'd she'd we'd they'd i'll you'll he'll she'll
		we'll they'll isn't aren't wasn't weren't hasn't haven't hadn't doesn't
		don't didn't won't wouldn't shan't shouldn't can't cannot couldn't
		mustn't let's that's who's what's here's there's when's where's why's
		how's a an the and but if or because as until while of at by for with
		about against between into through during before after above below to
		from up down in out on off over under again further then once here
		there when where why how all any both each few more most other some
		such no nor not only own same so than too very
		also can may might must shall will upon within without whether among
		however therefore thus per via yet even well one two three
		mr mrs ms madam sir excellency excellencies president delegation
		statement thank thanks like wish would
		support supports supported supporting welcome welcomes welcomed
		welcoming oppose opposes opposed opposing continue continues continued
		continuing join joins joined joining engage engages engaged include
		includes included including refrain refrains refrained put puts cast
		casts bear bears bore borne mean means meant explain explains
		explained seek seeks sought see sees saw seen believe believes
		believed note notes noted recall recalls recalled reiterate
		reiterates reiterated stress stresses stressed underline underlines
		underlined emphasize emphasizes emphasized emphasise emphasises
		emphasised call calls called urge urges urged hope hopes hoped agree
		agrees agreed take takes taken took make makes made give gives given
		gave remain remains remained become becomes became allow allows
		allowed ensure ensures ensured help helps helped need needs needed
		want wants wanted know knows knew think thinks thought say says said
		express expresses expressed share shares shared ask asks asked
		consider considers considered provide provides provided look looks
		looked find finds found attach attaches attached ones
	`) {
		m[w] = true
	}
	return m
}()

// recordKeyPhrases counts the candidate phrases of every paragraph of a
// record.
func recordKeyPhrases(rec *corpus.Record) map[string]int {
	counts := map[string]int{}
	for _, sp := range rec.Speeches {
		for _, p := range sp.Paragraphs {
			eachPhrase(p.Text, func(ph string) { counts[ph]++ })
		}
	}
	return counts
}

// KeyPhrase is a phrase of a session ranked by keyness.
type KeyPhrase struct {
	Phrase string
	// Count is the phrase's frequency in the session; Reference its
	// frequency in all earlier sessions together.
	Count, Reference int
	// LogLikelihood is the G² of the session against the earlier
	// sessions, with Williams' correction: how surprising the session's
	// frequency is.
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

// EmergingTopics ranks, for each session after the first, the candidate
// phrases of its records (Annotation.KeyPhrases, English records) by
// log-likelihood keyness against all earlier sessions, keeping phrases
// more frequent than before that prose's tagger reads as noun phrases. A
// phrase that mostly occurs within a longer one ("security" in "food
// security") gives way to it.
// Sessions come out in ascending order; records without a session are left
// out. tx marks which phrases a theme already covers.
func EmergingTopics(tx *Taxonomy, docs []Coded, opts TopicOptions) []SessionTopics {
	counter := NewTopicCounter()
	for _, d := range docs {
		if d.Record == nil || d.Record.Session == nil || d.Annotation == nil {
			continue
		}
		counter.Add(*d.Record.Session, d.Annotation.KeyPhrases)
	}
	return counter.Topics(tx, opts)
}

// TopicCounter sums key phrases per session, so that a caller streaming
// records keeps one count per phrase and session rather than every
// record's phrases.
type TopicCounter struct {
	sessions map[int]map[string]int
	// latestOnly folds every session before the latest into one set of
	// counts (at key earlier).
	latestOnly bool
	latest     int
}

// earlier is the key of the counts of the sessions before the latest in a
// counter of the latest session only.
const earlier = math.MinInt

// NewTopicCounter returns an empty counter.
func NewTopicCounter() *TopicCounter {
	return &TopicCounter{sessions: map[int]map[string]int{}}
}

// NewLatestTopicCounter returns an empty counter that ranks only the latest
// session it is given, against all those before it together: it keeps two
// sets of counts however many sessions there are.
func NewLatestTopicCounter() *TopicCounter {
	return &TopicCounter{sessions: map[int]map[string]int{}, latestOnly: true, latest: earlier}
}

// Add counts a record's key phrases in its session; a session is listed
// even when its records have none.
func (c *TopicCounter) Add(session int, phrases map[string]int) {
	if c.latestOnly {
		switch {
		case session > c.latest:
			if prev, ok := c.sessions[c.latest]; ok && c.latest != earlier {
				delete(c.sessions, c.latest)
				c.add(earlier, prev)
			}
			c.latest = session
		case session < c.latest:
			session = earlier
		}
	}
	c.add(session, phrases)
}

func (c *TopicCounter) add(session int, phrases map[string]int) {
	counts := c.sessions[session]
	if counts == nil {
		counts = make(map[string]int, len(phrases))
		c.sessions[session] = counts
	}
	for ph, n := range phrases {
		counts[ph] += n
	}
}

// Topics ranks the key phrases of each session after the first, as
// EmergingTopics does (of the latest session only for a counter made by
// NewLatestTopicCounter).
func (c *TopicCounter) Topics(tx *Taxonomy, opts TopicOptions) []SessionTopics {
	limit, minCount := opts.Limit, opts.MinCount
	if limit <= 0 {
		limit = 25
	}
	if minCount <= 0 {
		minCount = 3
	}
	sessions := make([]int, 0, len(c.sessions))
	for s := range c.sessions {
		sessions = append(sessions, s)
	}
	sort.Ints(sessions)
	reference := map[string]int{}
	refTotal := 0
	var out []SessionTopics
	var tags tagger
	for i, s := range sessions {
		counts := c.sessions[s]
		total := 0
		for _, n := range counts {
			total += n
		}
		if i > 0 {
			var ranked []KeyPhrase
			for ph, a := range counts {
				b := reference[ph]
				if a < minCount || float64(a)/float64(total) <= float64(b)/float64(refTotal) {
					continue
				}
				ranked = append(ranked, KeyPhrase{Phrase: ph, Count: a, Reference: b, LogLikelihood: logLikelihood(a, b, total, refTotal)})
			}
			sort.Slice(ranked, func(i, j int) bool {
				a, b := ranked[i], ranked[j]
				if a.LogLikelihood != b.LogLikelihood {
					return a.LogLikelihood > b.LogLikelihood
				}
				return a.Phrase < b.Phrase
			})
			longer := extensions(counts)
			st := SessionTopics{Session: s}
			for _, kp := range ranked {
				if len(st.Phrases) == limit {
					break
				}
				// A phrase mostly said as part of a longer one is that
				// one's to rank ("human" in "human rights").
				if float64(longer[kp.Phrase]) >= nestedShare*float64(kp.Count) || !tags.nounPhrase(kp.Phrase) {
					continue
				}
				// A State's name says who spoke, not what about.
				if _, ok := corpus.LookupCountry(kp.Phrase, "en"); ok {
					continue
				}
				if tx != nil {
					for _, m := range tx.matchThemes("en", kp.Phrase, nil) {
						kp.Themes = append(kp.Themes, m.Theme)
					}
				}
				if opts.Uncovered && len(kp.Themes) > 0 {
					continue
				}
				st.Phrases = append(st.Phrases, kp)
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

// nestedShare is the share of a phrase's frequency that a longer phrase
// holding it must account for to stand in for it.
const nestedShare = 0.6

// extensions gives, for each phrase of counts, the frequency of the most
// frequent phrase one word longer that holds it.
func extensions(counts map[string]int) map[string]int {
	longer := map[string]int{}
	for ph, n := range counts {
		i := strings.IndexByte(ph, ' ')
		if i < 0 {
			continue
		}
		for _, part := range []string{ph[i+1:], ph[:strings.LastIndexByte(ph, ' ')]} {
			longer[part] = max(longer[part], n)
		}
	}
	return longer
}

// logLikelihood is the signed G² of a 2×2 table — a phrase seen a times in
// a corpus of c phrases and b times in a reference corpus of d — with
// Williams' correction, as quanteda's textstat_keyness(measure = "lr")
// computes it.
func logLikelihood(a, b, c, d int) float64 {
	fa, fb := float64(a), float64(b)
	fc, fd := float64(c-a), float64(d-b) // the other phrases of each
	n := fa + fb + fc + fd
	cell := func(o, e float64) float64 {
		if o <= 0 {
			return 0
		}
		return o * math.Log(o/e)
	}
	g := 2 * (cell(fa, (fa+fb)*(fa+fc)/n) + cell(fb, (fa+fb)*(fb+fd)/n) +
		cell(fc, (fa+fc)*(fc+fd)/n) + cell(fd, (fb+fd)*(fc+fd)/n))
	if fa*fb*fc*fd != 0 {
		q := 1 + (n/(fa+fb)+n/(fc+fd)-1)*(n/(fa+fc)+n/(fb+fd)-1)/(6*n)
		g /= q
	}
	if fa < (fa+fb)*(fa+fc)/n {
		g = -g
	}
	return g
}
