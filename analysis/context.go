package analysis

import (
	"regexp"
	"strings"
	"unicode"

	"github.com/scdebate/scdebate/corpus"
)

// DefaultDebate is the debate a free passage is read in when none is given
// (Classify, `scdebate classify`): the Assembly's debate on the Council's
// report, the debate scdebate is for. Passages from anywhere else are read
// with corpus.DebateOther, where only a passage that names the Council gets
// its themes.
const DefaultDebate = corpus.DebateReport

// Context is what a passage is read in: the debate of its record, and
// whether the record is of the Security Council's own meetings, where "the
// Council" is the Security Council from the start.
type Context struct {
	// Debate is one of corpus.Debates; "" means DefaultDebate.
	Debate string `json:"debate"`
	// CouncilRecord marks a record of a Security Council meeting.
	CouncilRecord bool `json:"council_record,omitempty"`
	// OtherCouncil marks a record whose agenda is another council's
	// business (the Human Rights Council's report, the Economic and Social
	// Council's), where "the Council" is that council until the Security
	// Council is named.
	OtherCouncil bool `json:"other_council,omitempty"`
}

// RecordContext is the context of a record's passages: its debate (read
// from its agenda items, corpus.Record.Debate) and whether it is a record
// of the Security Council.
func RecordContext(rec *corpus.Record) Context {
	x := Context{Debate: rec.Debate(), CouncilRecord: isCouncilBody(rec.Body) || strings.HasPrefix(rec.Symbol, "S/")}
	for _, it := range rec.AgendaItems {
		if otherCouncilItem.MatchString(it.Title) {
			x.OtherCouncil = true
		}
	}
	return x
}

// otherCouncilItem recognises an agenda item on another council's business.
var otherCouncilItem = regexp.MustCompile(`(?i)human rights council|economic and social council|trusteeship council|conseil des droits de l'homme|conseil économique et social|consejo de derechos humanos|consejo económico y social|人权理事会|经济及社会理事会|совет по правам человека|экономический и социальный совет|مجلس حقوق الإنسان|المجلس الاقتصادي والاجتماعي`)

func isCouncilBody(body string) bool {
	b := strings.ToLower(body)
	return strings.Contains(b, "security council") || strings.Contains(b, "conseil de sécurité") ||
		strings.Contains(b, "consejo de seguridad") || strings.Contains(b, "安全理事会") ||
		strings.Contains(b, "совет безопасности") || strings.Contains(b, "مجلس الأمن")
}

func (x Context) debate() string {
	if x.Debate == "" {
		return DefaultDebate
	}
	return x.Debate
}

// onCouncil reports whether the context's passages are about the Council
// unless they say otherwise: every debate but "other".
func (x Context) onCouncil() bool { return x.debate() != corpus.DebateOther }

// Subjects a sentence can be about.
const (
	subjectNone = iota
	subjectCouncil
	subjectOther
)

// reader carries what has been said so far in a speech, so that short forms
// ("the Council", a sentence without a subject) resolve against it.
type reader struct {
	ctx  Context
	lang string
	// councilShort: "the Council" names the Security Council (no other
	// council was named since it was).
	councilShort bool
	// subject is the subject of the last sentence read.
	subject int
}

func newReader(ctx Context, lang string) *reader {
	r := &reader{ctx: ctx, lang: lang, councilShort: ctx.onCouncil() || ctx.CouncilRecord || !ctx.OtherCouncil}
	r.subject = r.defaultSubject()
	return r
}

func (r *reader) defaultSubject() int {
	if r.ctx.onCouncil() {
		return subjectCouncil
	}
	return subjectNone
}

// startParagraph resets the subject at a new paragraph: in a debate on the
// Council a paragraph is about the Council unless it says otherwise; in
// other records only the Council carries over from the paragraph before.
func (r *reader) startParagraph() {
	if r.ctx.onCouncil() || r.subject != subjectCouncil {
		r.subject = r.defaultSubject()
	}
}

// otherCouncil recognises another body's name that is a council, after
// which "the Council" no longer names the Security Council.
var otherCouncil = regexp.MustCompile(`(?i)council|conseil|consejo|理事会|совет|مجلس`)

// anaphor recognises a sentence that opens by referring back ("Its
// composition ...", "This is why ..."): outside a debate on the Council,
// only such a sentence carries the subject of the one before.
var anaphor = regexp.MustCompile(`(?i)^\W*(?:it|its|this|that|these|those|such|they|their|them|moreover|furthermore|in addition|il|elle|ils|elles|son|sa|ses|leur|leurs|ce|cet|cette|ces|de plus|en outre|su|sus|este|esta|estos|estas|ello|además|其|它|该|这|此|此外)(?:\W|$)`)

// sentenceSubject resolves what a sentence is about from the subject names
// it contains (in order) and, when it names none, from the sentence before.
func (r *reader) sentenceSubject(text string, names []ruleHit, nThemes int) int {
	council, other := false, false
	for _, h := range names {
		switch SubjectKinds[h.theme-2*nThemes] {
		case SubjectCouncil:
			council = true
			r.councilShort = true
		case SubjectCouncilShort:
			if r.councilShort {
				council = true
			}
		case SubjectOther:
			other = true
			// In a debate on the Council, "the Council" is always it.
			if !r.ctx.onCouncil() && otherCouncil.MatchString(h.text) {
				r.councilShort = false
			}
		}
	}
	switch {
	case council:
		r.subject = subjectCouncil
	case other:
		r.subject = subjectOther
	case !r.ctx.onCouncil() && !anaphor.MatchString(text):
		r.subject = subjectNone
	}
	return r.subject
}

// A mention is a stretch of a sentence that names a theme without making it
// the topic: courtesies ("I thank the President for scheduling this
// meeting"; the person thanked, with their title), a speaker's title ("in my
// capacity as Chair of the Informal Working Group"), an explanation of vote
// ("as an elected member, we voted in favour"), the President's formulae. Theme words inside a
// mention are not coded. Thanks for a practice ("we thank the presidencies
// for their briefings on the programme of work") are a comment on it: only
// the person thanked is a mention.
type cueSet struct {
	// thanks starts a mention that runs to the word introducing what is
	// thanked for ("for"), or to the end of the clause when that is a
	// courtesy of the meeting.
	thanks, thanksFor, courtesy *regexp.Regexp
	// title starts a mention that runs to the end of the title.
	title *regexp.Regexp
	// vote makes the clause that holds it, from the sentence's start, a
	// mention.
	vote *regexp.Regexp
	// procedure (the President's formulae: an invitation under rule 37,
	// giving the floor) makes the whole sentence a mention.
	procedure *regexp.Regexp
	// triggers are, per cue (thanks, title, vote, procedure),
	// words one of which the lower-cased sentence must hold for the cue's
	// expression to be tried at all: most sentences hold none.
	triggers [4][]string
}

// hasAny reports whether s contains one of subs.
func hasAny(s string, subs []string) bool {
	for _, sub := range subs {
		if strings.Contains(s, sub) {
			return true
		}
	}
	return false
}

var cues = map[string]cueSet{
	"en": {
		thanks:    regexp.MustCompile(`(?i)\b(?:(?:i|we)(?: would| should)?(?: also)?(?: like to| wish to| want to)? (?:thank|congratulate|pay tribute to)|(?:let me|allow me to)(?: also)?(?: begin by| start by)? (?:thank|congratulat)\w*|(?:i am|we are|(?:my|our) delegation is) (?:also )?(?:grateful|thankful)|(?:our|my) (?:thanks|gratitude|appreciation) (?:go|goes|to)|express(?:es|ing)? (?:our|my|its) (?:sincere |deep |deepest |profound )?(?:gratitude|appreciation|thanks)|thank you|thanking|(?:thanked|congratulated|commended|paid tribute to)|express(?:ed)? (?:his|her|its|their) (?:sincere |deep |deepest |profound )?(?:gratitude|appreciation|thanks))\b`),
		thanksFor: regexp.MustCompile(`(?i)\b(?:for|on)\b`),
		courtesy:  regexp.MustCompile(`(?i)^(?:for|on) (?:(?:his|her|their|its|your|the|this) )?(?:(?:excellent|able|skilful|skillful|wise|kind|comprehensive|informative|important) )?(?:convening|scheduling|organizing|organising|holding|calling|presenting|introducing|presiding|chairing|leadership|stewardship|statement|briefing|presentation|introduction|election|assumption|guidance|efforts as|renewing|extending)\b`),
		title:     regexp.MustCompile(`(?i)\b(?:in (?:my|our|its|his|her|their) capacity as|speaking as|as (?:one of )?(?:the )?(?:two |three )?(?:current |outgoing |incoming |former )?(?:chair|chairperson|chairman|co-chair|coordinator|facilitator|co-facilitator|vice-chair)s? of|(?:as|during (?:our|its|my|their) (?:term|tenure) as) (?:an? )?(?:elected|non-permanent|outgoing|incoming) member|as (?:the )?(?:co-)?penholders? (?:of|on|for)|^\W*(?:introducing|presenting) the (?:annual )?report)\b`),
		vote:      regexp.MustCompile(`(?i)\b(?:(?:we|i|my delegation|our delegation) (?:have |has |had |therefore |also )?(?:voted|abstained|will vote|cast (?:a|our|its) vote)|explanation of (?:vote|position)|in explanation of)\b`),
		procedure: regexp.MustCompile(`(?i)\b(?:in accordance with rules? \d+|under rules? \d+ of (?:the|its) provisional rules|i (?:now )?(?:invite|give the floor|call on)|the council is meeting in accordance with the understanding|(?:i|we) (?:will|shall) (?:be brief|keep my (?:remarks|statement) (?:short|brief)|deliver an abridged|read (?:out )?an abridged|shorten my)|abridged version|full (?:text|version) of (?:my|our|the) statement)\b`),
		triggers: [4][]string{{"thank", "grateful", "gratitude", "congratulat", "tribute", "appreciation", "commended"}, {" as ", "as ", "capacity", "introducing", "presenting"},
			{"vot", "abstain", "explanation"}, {"rule", "invite", "floor", "call on", "understanding", "be brief", "abridged", "keep my", "shorten my", "full text", "full version"}},
	},
	"fr": {
		thanks:    regexp.MustCompile(`(?i)(?:\b(?:je|nous)\s+(?:tiens|tenons|voudrais|voudrions|souhaite|souhaitons)?\s*(?:à\s+)?(?:aussi\s+)?(?:remercie|remercier|remercions|félicite|féliciter|félicitons|rends hommage|rendre hommage)|\b(?:permettez-moi|qu'il me soit permis) de (?:remercier|féliciter)|\bexprim(?:e|er|ons) (?:notre|ma) (?:gratitude|reconnaissance)|\b(?:a|ont) (?:remercié|félicité|rendu hommage))`),
		thanksFor: regexp.MustCompile(`(?i)(?:^|\s)(?:pour|de son|de sa|de leur|d'avoir)\s`),
		courtesy:  regexp.MustCompile(`(?i)^\s*(?:pour|de son|de sa|de leur|d'avoir)\s+(?:(?:son|sa|leur|ses|la|l'|avoir)\s*)?(?:convoqué|organisé|présenté|présidé|présentation|exposé|déclaration|tenue|élection|direction|leadership|rédaction|préparation|élaboration)`),
		title:     regexp.MustCompile(`(?i)\b(?:en (?:ma|sa|notre|leur) qualité de|en tant que (?:président|présidente|coordonnateur|coordonnatrice|facilitateur|facilitatrice|rédacteur|porte-plume))`),
		vote:      regexp.MustCompile(`(?i)\b(?:nous avons voté|j'ai voté|nous nous sommes abstenus|explication de vote)`),
		procedure: regexp.MustCompile(`(?i)(?:conformément à l'article \d+ du règlement|\bj['’]invite|\bje donne (?:maintenant )?la parole)`),
		triggers: [4][]string{{"remerci", "félicit", "hommage", "gratitude", "reconnaissance"}, {"qualité", "en tant que"},
			{"voté", "abstenu", "explication"}, {"article", "invite", "parole"}},
	},
	"es": {
		thanks:    regexp.MustCompile(`(?i)\b(?:agradec(?:er|emos|e|o)|felicit(?:ar|amos|o)|(?:expres(?:ar|amos|o)) (?:nuestro|mi) (?:agradecimiento|reconocimiento)|doy las gracias|damos las gracias|agradeció|agradecieron|felicitó|felicitaron|rindió homenaje)`),
		thanksFor: regexp.MustCompile(`(?i)(?:^|\s)(?:por|que)\s`),
		courtesy:  regexp.MustCompile(`(?i)^\s*por\s+(?:(?:su|sus|la|haber)\s+)?(?:convocado|convocar|organizado|organizar|presentado|presentar|presidido|presentación|exposición|declaración|celebración|elección|liderazgo|redacción|preparación|elaboración)`),
		title:     regexp.MustCompile(`(?i)\b(?:en (?:mi|su|nuestra) (?:calidad|condición) de|como (?:presidente|presidenta|coordinador|coordinadora|facilitador|facilitadora|redactor)s? de)`),
		vote:      regexp.MustCompile(`(?i)\b(?:votamos|hemos votado|nos abstuvimos|explicación de voto)`),
		procedure: regexp.MustCompile(`(?i)(?:de conformidad con el artículo \d+ del reglamento|\binvito a|\bdoy (?:ahora )?la palabra)`),
		triggers: [4][]string{{"agradec", "felicit", "gracias", "agradecimiento", "reconocimiento"}, {"calidad", "condición", "como "},
			{"vot", "abstuv", "explicación"}, {"artículo", "invito", "palabra"}},
	},
	"zh": {
		thanks:    regexp.MustCompile(`(?:感谢|谢谢|祝贺)`),
		thanksFor: regexp.MustCompile(`(?:为|就|对)`),
		courtesy:  regexp.MustCompile(`^.{0,30}?(?:召开|主持|介绍|举行|安排|当选|所作的发言|所作的通报|起草|编写|所做的工作)`),
		title:     regexp.MustCompile(`(?:作为|以).{0,24}?(?:主席|协调人|促进者|执笔方)(?:的身份)?`),
		vote:      regexp.MustCompile(`(?:投了?赞成票|投了?反对票|投了?弃权票|投票赞成|投票反对|解释投票)`),
		procedure: regexp.MustCompile(`(?:根据.{0,20}暂行议事规则第\s*\d+\s*条|我请|我现在请|现在请)`),
		triggers:  [4][]string{{"感谢", "谢谢", "祝贺"}, {"作为", "以"}, {"投", "解释投票"}, {"请"}},
	},
}

// clauseEnd ends a mention: a semicolon, a colon, or a comma before a new
// clause ("..., and we call on ..."); a title ends at its comma.
var (
	clauseEnd = regexp.MustCompile(`[;:；：]|,\s+(?:and|but|yet|while|whereas|et|mais|y|pero)\s|，(?:并|但|同时)|\.\s`)
	titleEnd  = regexp.MustCompile(`[,;:，；：()]|\.\s`)
)

// addressAbbrevs are the abbreviated forms of address ("Mr. President")
// whose full stop ends no clause.
var addressAbbrevs = []string{"Mr", "Mrs", "Ms", "Dr", "Messrs", "Sr", "Sra", "M", "Mme"}

// endsWithAddress reports whether s ends with the abbreviation of a form
// of address, as a word of its own.
func endsWithAddress(s string) bool {
	for _, a := range addressAbbrevs {
		if strings.HasSuffix(s, a) && (len(s) == len(a) || !unicode.IsLetter(rune(s[len(s)-len(a)-1]))) {
			return true
		}
	}
	return false
}

// mentions returns the byte ranges of a sentence that are mentions; lower
// is the sentence in lower case.
func mentions(lang, text, lower string) [][2]int {
	cs, ok := cues[lang]
	if !ok {
		return nil
	}
	var out [][2]int
	end := func(re *regexp.Regexp, from int) int {
		for from < len(text) {
			loc := re.FindStringIndex(text[from:])
			if loc == nil {
				break
			}
			at := from + loc[0]
			// "Mr. President" does not end a clause.
			if text[at] != '.' || !endsWithAddress(text[:at]) {
				return at
			}
			from += loc[1]
		}
		return len(text)
	}
	try := func(cue int) bool { return hasAny(lower, cs.triggers[cue]) }
	if try(0) {
		for _, loc := range cs.thanks.FindAllStringIndex(text, -1) {
			stop := end(clauseEnd, loc[1])
			if f := cs.thanksFor.FindStringIndex(text[loc[1]:stop]); f != nil {
				at := loc[1] + f[0]
				if !cs.courtesy.MatchString(text[at:stop]) {
					stop = at
				}
			}
			out = append(out, [2]int{loc[0], stop})
		}
	}
	if try(1) {
		for _, loc := range cs.title.FindAllStringIndex(text, -1) {
			out = append(out, [2]int{loc[0], end(titleEnd, loc[1])})
		}
	}
	if try(2) {
		if loc := cs.vote.FindStringIndex(text); loc != nil {
			out = append(out, [2]int{0, end(clauseEnd, loc[1])})
		}
	}
	if try(3) && cs.procedure.MatchString(text) {
		out = append(out, [2]int{0, len(text)})
	}
	return out
}

// inMention reports whether every span of a hit lies in one of the
// mentions.
func inMention(an *analysed, spans []span, ms [][2]int) bool {
	if len(ms) == 0 || len(spans) == 0 {
		return false
	}
	for _, s := range spans {
		from, to := an.start[s.start], an.end[s.end]
		inside := false
		for _, m := range ms {
			if m[0] <= from && to <= m[1] {
				inside = true
				break
			}
		}
		if !inside {
			return false
		}
	}
	return true
}
