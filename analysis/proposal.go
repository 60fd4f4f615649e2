package analysis

import (
	"regexp"
	"strings"
	"sync"
)

// Kinds of proposal, from the strongest form of request to the weakest.
const (
	ProposalCallOn    = "call-on"
	ProposalUrge      = "urge"
	ProposalRequest   = "request"
	ProposalRecommend = "recommend"
	ProposalPropose   = "propose"
	ProposalEncourage = "encourage"
	ProposalInvite    = "invite"
	ProposalSupport   = "support"
	ProposalDecide    = "decide"
	ProposalShould    = "should"
	ProposalMust      = "must"
)

// ProposalKinds lists the kinds in order of precedence: a sentence that
// both urges and says "should" is an "urge".
var ProposalKinds = []string{ProposalCallOn, ProposalUrge, ProposalRequest, ProposalRecommend, ProposalPropose, ProposalEncourage, ProposalInvite, ProposalSupport, ProposalDecide, ProposalShould, ProposalMust}

type proposalMarker struct {
	kind    string
	pattern string
}

// Markers per language, in order of precedence. Chinese and Arabic are
// matched without word boundaries (Chinese has none; Arabic attaches
// prefixes), with the compounds that merely contain a marker removed first.
var proposalMarkers = map[string][]proposalMarker{
	"en": {
		{ProposalCallOn, `call(?:s|ed|ing)? (?:(?:up)?on|for)|appeal(?:s|ed)? (?:to|for)|let us`},
		{ProposalUrge, `urg(?:e|es|ed|ing)|exhort(?:s|ed)?`},
		{ProposalRequest, `request(?:s|ed)? (?:that|the|all)|we (?:would )?(?:ask|request)|ask(?:s|ed|ing)? (?:for|(?:the |all |every |each |its |their )?\S+ (?:\S+ )?to)|demand(?:s|ed)? that`},
		{ProposalRecommend, `recommend(?:s|ed)?`},
		{ProposalPropose, `propos(?:e|es|ed|ing)|suggest(?:s|ed)?`},
		{ProposalEncourage, `encourag(?:e|es|ed|ing)`},
		{ProposalInvite, `invit(?:e|es|ed|ing)`},
		// Backing a change: the speaker, or the speaker reported, supports
		// or wants it.
		{ProposalSupport, `(?:we|i|they|also|fully|strongly|firmly|continue to|continues to|would|will) support|supports|supported (?:greater|more|further|calls?|efforts?|proposals?|the (?:calls?|efforts?|proposals?|idea))|advocat(?:e|es|ed)|push(?:es|ed|ing)? for|favou?r(?:s|ed)? (?:the|a|an)|want(?:s|ed)? (?:to see|(?:the|this|a) council)|would welcome|look(?:s|ed)? forward to the council`},
		{ProposalSupport, `(?:renew|reiterat|reaffirm|restat|express)\w* (?:\S+ ){0,2}?support for`},
		{ProposalShould, `should|ought to|would (?:\S+ )?benefit from|it would be (?:useful|helpful|important|desirable)|would be (?:an? )?(?:\S+ )?step|there is (?:still )?(?:\S+ )?room (?:for|to)`},
		// The common forms first: the rest is tried only without them.
		{ProposalMust, `must|needs? (?:to|for)|has to|have to`},
		{ProposalMust, `(?:needs|we need) (?:a|an|the|more|greater|better|agreed|clear|new|real|genuine)|(?:is|are|was|were|be) (?:\S+ly |also |still )?needed|(?:it is|made it|makes it) (?:\S+ )?(?:essential|important|necessary|crucial|imperative|vital) (?:to|that|for [^.;:]{1,60}? to)|it is (?:high |now |about )?time (?:for|to|that)|the time has come|(?:stress|emphasi[sz]|underlin|underscor|highlight|reiterat|reaffirm)\w* (?:\S+ ){0,2}?the (?:\S+ )?(?:importance of \S+ing|need (?:of|for|to)|necessity (?:of|for|to))`},
	},
	"fr": {
		{ProposalCallOn, `(?:appel(?:le|lons|lent)|a appelé|ont appelé) (?:à|au|aux|le|la|les|l’|l')|lan(?:ce|çons|cé) un appel`},
		{ProposalUrge, `exhort(?:e|ons|ent|é)|pri(?:e|ons|ent|é) instamment|engag(?:e|eons|ent|é) vivement`},
		{ProposalRequest, `nous demandons|(?:demand(?:e|ons|ent)|a demandé|ont demandé) (?:au|aux|à|que|le|la|les|l’|l')|pri(?:e|ons|ent) (?:le|la|les|l’|l')|sollicit(?:e|ons)`},
		{ProposalRecommend, `recommand(?:e|ons|ent)`},
		{ProposalPropose, `propos(?:e|ons|ent)|suggér(?:ons)|suggèr(?:e|ent)`},
		{ProposalEncourage, `encourag(?:e|eons|ent)`},
		{ProposalInvite, `invit(?:e|ons|ent)`},
		{ProposalShould, `devr(?:ait|aient|ions|a|ont)|il conviendrait|il faudrait|serait (?:utile|souhaitable)`},
		{ProposalMust, `doit|doivent|devons|il faut|il est (?:essentiel|important|nécessaire|indispensable|crucial|impératif|temps)`},
	},
	"es": {
		{ProposalCallOn, `(?:hac(?:e|emos|en)|hizo) un llamamiento|llam(?:a|amos|an|ó) a`},
		{ProposalUrge, `inst(?:a|amos|an|ó)|exhort(?:a|amos|an|ó)`},
		{ProposalRequest, `pedimos|pid(?:e|en|ió) (?:al|a|que|la|el)|solicit(?:a|amos|an|ó) (?:al|a|que)|exig(?:e|imos|ió)`},
		{ProposalRecommend, `recomend(?:a|amos|an)|recomiend(?:a|an|o)`},
		{ProposalPropose, `propon(?:e|emos|en|go)|propuesta de|sugerimos|suger(?:ir)`},
		{ProposalEncourage, `alent(?:amos)|alient(?:a|an|o)|anim(?:a|amos)`},
		{ProposalInvite, `invit(?:a|amos|an)`},
		{ProposalShould, `deber(?:ía|ían|íamos)|convendría|sería (?:útil|conveniente|deseable)`},
		{ProposalMust, `deb(?:e|en|emos)|hay que|es (?:esencial|importante|necesario|fundamental|imprescindible|crucial|hora)`},
	},
	"ru": {
		{ProposalUrge, `настоятельно призыва(?:ем|ет|ют)`},
		{ProposalCallOn, `призыва(?:ем|ет|ют)`},
		{ProposalRequest, `прос(?:им|ит)`},
		{ProposalRecommend, `рекоменду(?:ем|ет)`},
		{ProposalPropose, `предлага(?:ем|ет)`},
		{ProposalEncourage, `поощря(?:ем|ет)|побужда(?:ем|ет)`},
		{ProposalInvite, `приглаша(?:ем|ет)`},
		{ProposalShould, `следует|следовало бы|стоило бы`},
		{ProposalMust, `долж(?:ен|на|но|ны)|необходимо|нужно`},
	},
	"ar": {
		{ProposalCallOn, `ندعو|يدعو|تدعو|نناشد`},
		{ProposalUrge, `نحث|يحث|تحث`},
		{ProposalRequest, `نطلب|يطلب|تطلب`},
		{ProposalRecommend, `نوصي|يوصي|توصي`},
		{ProposalPropose, `نقترح|يقترح|تقترح`},
		{ProposalEncourage, `نشجع|يشجع|تشجع`},
		{ProposalShould, `ينبغي|يتعين`},
		{ProposalMust, `يجب|لا بد`},
	},
	"zh": {
		{ProposalCallOn, `呼吁`},
		{ProposalUrge, `敦促|促请|吁请`},
		{ProposalRequest, `(?:^|[^邀申谨])请|要求`},
		{ProposalRecommend, `建议`},
		{ProposalPropose, `提议|倡议`},
		{ProposalEncourage, `鼓励|希望`},
		{ProposalInvite, `邀请`},
		{ProposalDecide, `^\s*(?:[-•·]\s*)?决定`},
		{ProposalShould, `应|宜`},
		{ProposalMust, `必须|务必|有必要`},
	},
}

// proposalGuard is a use of a marker that makes no request, blanked out of
// a lower-cased sentence before the markers are tried. It is looked for
// only in a sentence that holds one of its triggers (nil: always). The
// words before it (up to 60 bytes) decide the rest: it is blanked only
// when they match after, if set, and stays when they match unless. Both
// are anchored at the end of those words; what comes before a marker is
// checked only where the marker is, which is cheaper than a pattern that
// starts with a common word.
type proposalGuard struct {
	re       *regexp.Regexp
	triggers []string
	after    *regexp.Regexp
	unless   *regexp.Regexp
}

// proposalGuards are, per language: courtesy ("I should like to thank"),
// the President giving the floor, a group asking the speaker to speak for
// it, a need as a condition ("where discretion is needed"), and Chinese or Arabic compounds that
// contain a marker's characters; in English also a modal before a verb of
// saying or minding ("we must recognise that"), a regret ("should have
// acted"), a modal inside an indirect question ("split on whether seats
// should"), another's call or a need named as a noun unless the
// speaker takes it up ("the Assembly's many calls for" against "we join
// the calls for"; "the need to" against "stressed the need to"), and the
// Council's own requests told in the past, which are its decisions, not
// requests made to it.
var proposalGuards = map[string][]proposalGuard{
	"en": {
		{re: lowerWord(`(?:should|would)(?: also| first| therefore| now| again)? like to|i (?:now )?invite (?:the|his|her)|invited to (?:take|speak)|at the (?:invitation|request) of|as requested|upon request|ask(?:s|ed|ing)? for the floor|ask(?:s|ed)? (?:me|us) to (?:speak|deliver|take|make|read|present)|(?:where|when|whenever|wherever|if|as) (?:\S+ ){0,4}?(?:is|are) (?:\S+ly |also |still )?needed`),
			triggers: []string{"like to", "invit", "request", "floor", "ask", "needed"}},
		{re: lowerWord(`(?:(?:we|i|one)(?: \S+)? (?:must|should|ought to|need to|have to)|it is (?:\S+ )?(?:important|essential|necessary|worth) to|let us|let me)(?: also| not| therefore| all| always| first| now)* (?:recogni[sz]e|remember|forget|note|notice|acknowledge|admit|bear in mind|keep in mind|underline|stress|emphasi[sz]e|point out|recall|say|add|mention|confess|be clear|be frank|be honest|be reminded)|(?:must|should|ought to) be (?:noted|recalled|said|recogni[sz]ed|acknowledged|stressed|emphasi[sz]ed|underlined|pointed out|borne in mind|remembered|mentioned|admitted|added)`),
			triggers: []string{"must", "should", "ought", "need", "have to", "it is", "let "}},
		{re: lowerWord(`(?:should|must|ought to|would|could|might)(?: not)? have (?:been|had|done|made|taken|given|seen|kept|held|\S+ed)`),
			triggers: []string{"should have", "must have", "to have", "would have", "could have", "might have", "not have"}},
		{re: regexp.MustCompile(`[^.!?;:\s]\s+(?:whether|what|how)(?:\s[^\s,;:]+){0,6}?\s(?:should|must|ought to|needs? to|has to|have to)\b`),
			triggers: []string{" whether ", " what ", " how "}},
		{re: lowerWord(`calls? (?:for|on|upon)`),
			triggers: []string{"call"},
			after:    regexp.MustCompile(`(?:^|[^\p{L}\p{N}])(?:the|a|an|your|their|his|her|its|these|those|such|repeated|many|several|numerous|recent|growing|long-?standing|frequent|noted|\S+['’]s)(?: \S+(?:ed|ing|ous|ful|al|ive|ic|worn))? ?$`),
			unless:   regexp.MustCompile(`\b(?:echo\w*|join\w*|reiterat\w*|renew\w*|repeat(?:s|ing)?|support\w*|endors\w*|add (?:our|my) voice to|associat\w*)(?: \S+){0,5} ?$`)},
		{re: lowerWord(`need (?:to|for)`),
			triggers: []string{"need"},
			after:    regexp.MustCompile(`(?:^|[^\p{L}\p{N}])(?:the|a|an)(?: \S+)? ?$`),
			unless:   regexp.MustCompile(`\b(?:stress|emphasi[sz]|underlin|underscor|highlight|reiterat|reaffirm|insist|point|focus|agree|convinced|there (?:is|was|remains|exists))\w*(?: \S+){0,4} ?$`)},
		// A courtesy put as a duty ("my first words must be to thank you"),
		// the Charter's own obligations told ("under Article 24 (3), the
		// Council must submit…"), being encouraged by something, praise for
		// encouraging it, and support for a meeting or for the people who
		// chair.
		{re: lowerWord(`(?:must|should|shall) be to (?:thank|congratulat\S*|express|welcome|commend|pay tribute|convey|salute)|under (?:article|articles|chapter) [^;.]{0,70}?(?:must|shall)|(?:am|are|is|was|were|feel|felt|be|been) (?:\S+ )?encouraged (?:to (?:note|see|learn|hear|observe)|by)|for encouraging|support\S* (?:for )?(?:the )?(?:convening|holding|organi[sz]ation|organi[sz]ing) of (?:this|the present|today['’]s|the) (?:\S+ )?(?:debate|meeting|session)|support\S* (?:to|for) (?:the )?(?:new )?(?:co-?chairs?|chairs?|president|presidency|facilitators?|candida\S+)`),
			triggers: []string{"be to", "under article", "under chapter", "encouraged", "encouraging", "support"}},
		{re: lowerWord(`urged|called (?:up)?on|called for|requested|encouraged|invited|decided|recommended|demanded|supported`),
			triggers: []string{"urged", "called", "requested", "encouraged", "invited", "decided", "recommended", "demanded", "supported"},
			after:    regexp.MustCompile(`(?:^|[^\p{L}\p{N}])(?:the (?:security )?council|council members|members of the (?:security )?council|the presidency|the (?:concept )?note|the resolution|the statement)\b[^,;.]{0,40}$`)},
	},
	"fr": {{re: lowerWord(`je (?:voudrais|souhaiterais|tiens à)|j'invite|j’invite|à la demande de`), triggers: []string{"je ", "j'", "j’", "demande de"}}},
	"es": {{re: lowerWord(`invito al|a solicitud de|a petición de`), triggers: []string{"invito", "solicitud", "petición"}}},
	"zh": {{re: regexp.MustCompile(`相应|应对|回应|反应|适应|供应|因应|应用|响应|效应|答应|对应|应邀|理应当|申请|请允许|谨请|邀请.{0,12}发言|应[^该当]{0,3}邀|应有的|应急`)}},
	"ru": {{re: lowerWord(`хотел(?:а|и)? бы`), triggers: []string{"хотел"}}},
	"ar": {{re: regexp.MustCompile(`أود أن`)}},
}

// unguard blanks out of s the uses of markers the language's guards name;
// held tells which guards' triggers s holds.
func unguard(lm *langMatchers, s string, held uint64) string {
	for gi, g := range lm.guards {
		if g.triggers != nil && held&(1<<(len(lm.kms)+gi)) == 0 {
			continue
		}
		if g.after == nil && g.unless == nil {
			s = g.re.ReplaceAllString(s, " ")
			continue
		}
		var b strings.Builder
		last := 0
		for _, m := range g.re.FindAllStringIndex(s, -1) {
			before := s[max(last, m[0]-60):m[0]]
			if (g.after != nil && !g.after.MatchString(before)) || (g.unless != nil && g.unless.MatchString(before)) {
				continue
			}
			b.WriteString(s[last:m[0]])
			b.WriteByte(' ')
			last = m[1]
		}
		if last > 0 {
			b.WriteString(s[last:])
			s = b.String()
		}
	}
	return s
}

// lowerWord is word for text already in lower case: without case folding,
// which the matcher pays for at every letter.
func lowerWord(p string) *regexp.Regexp {
	return regexp.MustCompile(`(?:^|[^\p{L}\p{N}])(?:` + p + `)(?:[^\p{L}\p{N}]|$)`)
}

// markerTriggers are, per language and marker (in proposalMarkers'
// order), words one of which a lower-cased sentence must hold for the
// marker's expression to be tried; nil tries it always.
var markerTriggers = map[string][][]string{
	"en": {{"call", "appeal", "let us"}, {"urg", "exhort"}, {"request", "ask", "demand"}, {"recommend"}, {"propos", "suggest"}, {"encourag"}, {"invit"},
		{"we support", "i support", "they support", "also support", "ly support", "to support", "would support", "will support", "supports", "supported", "advoca", "push", "favo", "want", "welcome", "forward"},
		{"support for"},
		{"should", "ought", "benefit", "would be", "room"},
		{"must", "need", "has to", "have to"},
		{"needs ", "we need", "needed", "essential", "important", "necessary", "crucial", "imperative", "vital", "time for", "time to", "time that", "time has come", "importance", "necessity"}},
	"fr": {{"appel"}, {"exhort", "instamment", "vivement"}, {"demand", "pri", "sollicit"}, {"recommand"}, {"propos", "sugg"}, {"encourag"}, {"invit"},
		{"devr", "convien", "faudrait", "serait"}, {"doi", "devons", "il faut", "il est"}},
	"es": {{"llam"}, {"inst", "exhort"}, {"pedimos", "pid", "solicit", "exig"}, {"recom"}, {"propon", "propuesta", "suger"}, {"alent", "alient", "anim"}, {"invit"},
		{"deber", "convendría", "sería"}, {"deb", "hay que", "es "}},
}

// unbounded are the languages whose markers match without word boundaries.
var unbounded = map[string]bool{"zh": true, "ar": true}

// kindMatcher is one marker of a language, compiled for lower-cased text.
type kindMatcher struct {
	kind     string
	re       *regexp.Regexp
	triggers []string
}

// langMatchers are a language's markers in their order of precedence, its
// guards, and the index of the triggers of both: a marker's group is its
// position, a guard's follows the markers'.
type langMatchers struct {
	kms    []kindMatcher
	guards []proposalGuard
	ix     triggerIndex
}

// proposalMatchers are the matchers of each language; a sentence is tried
// marker by marker, and only for the markers whose words it holds. They
// are compiled on first use.
var proposalMatchers = sync.OnceValue(func() map[string]*langMatchers {
	out := map[string]*langMatchers{}
	for lang, markers := range proposalMarkers {
		lm := &langMatchers{guards: proposalGuards[lang]}
		for i, m := range markers {
			var re *regexp.Regexp
			if unbounded[lang] {
				re = regexp.MustCompile(m.pattern)
			} else {
				re = lowerWord(m.pattern)
			}
			km := kindMatcher{kind: m.kind, re: re}
			if trig := markerTriggers[lang]; trig != nil {
				km.triggers = trig[i]
			}
			lm.kms = append(lm.kms, km)
		}
		groups := make([][]string, 0, len(lm.kms)+len(lm.guards))
		for _, km := range lm.kms {
			groups = append(groups, km.triggers)
		}
		for _, g := range lm.guards {
			groups = append(groups, g.triggers)
		}
		lm.ix = newTriggerIndex(groups)
		out[lang] = lm
	}
	return out
})

// triggerIndex finds in one pass which groups of trigger words a sentence
// holds, where a test per word would pass over the sentence a hundred
// times. Words are looked up by their first two bytes.
type triggerIndex struct {
	words map[uint16][]triggerWord
	pairs [1 << 16]bool
}

type triggerWord struct {
	s     string
	group int
}

func newTriggerIndex(groups [][]string) triggerIndex {
	if len(groups) > 64 {
		panic("proposal: more than 64 trigger groups in a language")
	}
	ix := triggerIndex{words: map[uint16][]triggerWord{}}
	for g, words := range groups {
		for _, w := range words {
			if len(w) < 2 {
				panic("proposal: trigger shorter than two bytes: " + w)
			}
			k := uint16(w[0])<<8 | uint16(w[1])
			ix.pairs[k] = true
			ix.words[k] = append(ix.words[k], triggerWord{w, g})
		}
	}
	return ix
}

// held returns the groups whose words s holds, as bits.
func (ix *triggerIndex) held(s string) uint64 {
	var out uint64
	for i := 0; i+1 < len(s); i++ {
		k := uint16(s[i])<<8 | uint16(s[i+1])
		if !ix.pairs[k] {
			continue
		}
		for _, w := range ix.words[k] {
			if out&(1<<w.group) == 0 && strings.HasPrefix(s[i:], w.s) {
				out |= 1 << w.group
			}
		}
	}
	return out
}

// isQuestion reports whether a sentence ends as a question: a rhetorical
// question ("what needs to be done to ...?") asks, it does not propose.
func isQuestion(s string) bool {
	s = strings.TrimRight(s, " \t\n\"'”’»)）")
	return strings.HasSuffix(s, "?") || strings.HasSuffix(s, "？") || strings.HasSuffix(s, "؟")
}

// DetectProposal returns the kind of request a sentence of lang makes, or ""
// when it makes none; a question makes none. Reported speech counts ("He
// called for ...", "She urged the Council to ..."). Languages without
// markers are read as English.
func DetectProposal(lang, sentence string) string {
	return detectProposal(lang, sentence, strings.ToLower(sentence))
}

// detectProposal is DetectProposal with the sentence in lower case too. The
// first marker, in order of precedence, found in the sentence (its noise
// removed) gives the kind.
func detectProposal(lang, sentence, lower string) string {
	if isQuestion(sentence) {
		return ""
	}
	lm, ok := proposalMatchers()[lang]
	if !ok {
		lm = proposalMatchers()["en"]
	}
	held := lm.ix.held(lower)
	// Guards only take markers away, so a sentence without any marker's
	// words, most of them, is spared them.
	var tries [16]int
	try := tries[:0]
	for i, km := range lm.kms {
		if km.triggers == nil || held&(1<<i) != 0 {
			try = append(try, i)
		}
	}
	if len(try) == 0 {
		return ""
	}
	s := unguard(lm, lower, held)
	for _, i := range try {
		if lm.kms[i].re.MatchString(s) {
			return lm.kms[i].kind
		}
	}
	return ""
}
