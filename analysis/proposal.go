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
	ProposalDecide    = "decide"
	ProposalShould    = "should"
	ProposalMust      = "must"
)

// ProposalKinds lists the kinds in order of precedence: a sentence that
// both urges and says "should" is an "urge".
var ProposalKinds = []string{ProposalCallOn, ProposalUrge, ProposalRequest, ProposalRecommend, ProposalPropose, ProposalEncourage, ProposalInvite, ProposalDecide, ProposalShould, ProposalMust}

type proposalMarker struct {
	kind    string
	pattern string
}

// Markers per language, in order of precedence. Chinese and Arabic are
// matched without word boundaries (Chinese has none; Arabic attaches
// prefixes), with the compounds that merely contain a marker removed first.
var proposalMarkers = map[string][]proposalMarker{
	"en": {
		{ProposalCallOn, `call(?:s|ed|ing)? (?:(?:up)?on|for)|appeal(?:s|ed)? (?:to|for)`},
		{ProposalUrge, `urg(?:e|es|ed|ing)|exhort(?:s|ed)?`},
		{ProposalRequest, `request(?:s|ed)? (?:that|the|all)|we (?:would )?(?:ask|request)|ask(?:s|ed)? the (?:council|members|presidency)|demand(?:s|ed)? that`},
		{ProposalRecommend, `recommend(?:s|ed)?`},
		{ProposalPropose, `propos(?:e|es|ed|ing)|suggest(?:s|ed)?`},
		{ProposalEncourage, `encourag(?:e|es|ed|ing)`},
		{ProposalInvite, `invit(?:e|es|ed|ing)`},
		{ProposalShould, `should|ought to|would benefit from|it would be (?:useful|helpful|important|desirable)`},
		{ProposalMust, `must|needs? to|has to|have to|it is (?:essential|important|necessary|crucial|imperative|vital|high time)`},
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

// proposalNoise are uses of a marker that make no request: courtesy ("I
// should like to thank"), the President giving the floor, and Chinese or
// Arabic compounds that contain a marker's characters. Sentences are
// matched in lower case.
var proposalNoise = map[string]*regexp.Regexp{
	"en": lowerWord(`(?:should|would) like to|i (?:now )?invite (?:the|his|her)|invited to (?:take|speak)|at the (?:invitation|request) of|as requested|upon request|must be noted`),
	"fr": lowerWord(`je (?:voudrais|souhaiterais|tiens à)|j'invite|j’invite|à la demande de`),
	"es": lowerWord(`invito al|a solicitud de|a petición de`),
	"zh": regexp.MustCompile(`相应|应对|回应|反应|适应|供应|因应|应用|响应|效应|答应|对应|应邀|理应当|申请|请允许|谨请|邀请.{0,12}发言|应[^该当]{0,3}邀|应有的|应急`),
	"ru": lowerWord(`хотел(?:а|и)? бы`),
	"ar": regexp.MustCompile(`أود أن`),
}

// noiseTriggers are, per language, words one of which a lower-cased
// sentence must hold for its noise to be looked for.
var noiseTriggers = map[string][]string{
	"en": {"like to", "invit", "request", "must be noted"},
	"fr": {"je ", "j'", "j’", "demande de"},
	"es": {"invito", "solicitud", "petición"},
	"ru": {"хотел"},
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
	"en": {{"call", "appeal"}, {"urg", "exhort"}, {"request", "ask", "demand"}, {"recommend"}, {"propos", "suggest"}, {"encourag"}, {"invit"},
		{"should", "ought", "benefit", "would be"}, {"must", "need", "has to", "have to", "it is"}},
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

// proposalMatchers are the markers of each language in their order of
// precedence; a sentence is tried marker by marker, and only for the
// markers whose words it holds. They are compiled on first use.
var proposalMatchers = sync.OnceValue(func() map[string][]kindMatcher {
	out := map[string][]kindMatcher{}
	for lang, markers := range proposalMarkers {
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
			out[lang] = append(out[lang], km)
		}
	}
	return out
})

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
	kms, ok := proposalMatchers()[lang]
	if !ok {
		lang = "en"
		kms = proposalMatchers()[lang]
	}
	s := lower
	if noise := proposalNoise[lang]; noise != nil {
		if trig, ok := noiseTriggers[lang]; !ok || hasAny(s, trig) {
			s = noise.ReplaceAllString(s, " ")
		}
	}
	for _, km := range kms {
		if km.triggers != nil && !hasAny(s, km.triggers) {
			continue
		}
		if km.re.MatchString(s) {
			return km.kind
		}
	}
	return ""
}
