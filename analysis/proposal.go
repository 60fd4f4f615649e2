package analysis

import (
	"regexp"
	"strings"
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

// word wraps a pattern in letter boundaries that, unlike \b, hold for
// accented, Cyrillic and Arabic letters.
func word(p string) *regexp.Regexp {
	return regexp.MustCompile(`(?i)(?:^|[^\p{L}\p{N}])(?:` + p + `)(?:[^\p{L}\p{N}]|$)`)
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
// Arabic compounds that contain a marker's characters.
var proposalNoise = map[string]*regexp.Regexp{
	"en": word(`(?:should|would) like to|i (?:now )?invite (?:the|his|her)|invited to (?:take|speak)|at the (?:invitation|request) of|as requested|upon request|must be noted`),
	"fr": word(`je (?:voudrais|souhaiterais|tiens à)|j'invite|j’invite|à la demande de`),
	"es": word(`invito al|a solicitud de|a petición de`),
	"zh": regexp.MustCompile(`相应|应对|回应|反应|适应|供应|因应|应用|响应|效应|答应|对应|应邀|理应当|申请|请允许|谨请|邀请.{0,12}发言|应[^该当]{0,3}邀|应有的|应急`),
	"ru": word(`хотел(?:а|и)? бы`),
	"ar": regexp.MustCompile(`أود أن`),
}

// unbounded are the languages whose markers match without word boundaries.
var unbounded = map[string]bool{"zh": true, "ar": true}

// proposalMatcher is one regular expression per language with a capturing
// group per marker, so that a sentence is scanned once.
type proposalMatcher struct {
	re    *regexp.Regexp
	kinds []string // kind of each capturing group
}

var proposalMatchers = func() map[string]proposalMatcher {
	out := map[string]proposalMatcher{}
	for lang, markers := range proposalMarkers {
		alts := make([]string, len(markers))
		kinds := make([]string, len(markers))
		for i, m := range markers {
			alts[i] = "(" + m.pattern + ")"
			kinds[i] = m.kind
		}
		pattern := strings.Join(alts, "|")
		if !unbounded[lang] {
			pattern = `(?i)(?:^|[^\p{L}\p{N}])(?:` + pattern + `)(?:[^\p{L}\p{N}]|$)`
		}
		out[lang] = proposalMatcher{re: regexp.MustCompile(pattern), kinds: kinds}
	}
	return out
}()

// question recognises a sentence that ends as a question: a rhetorical
// question ("what needs to be done to ...?") asks, it does not propose.
var question = regexp.MustCompile(`[?？؟][\s"'”’»)）]*$`)

// DetectProposal returns the kind of request a sentence of lang makes, or ""
// when it makes none; a question makes none. Reported speech counts ("He
// called for ...", "She urged the Council to ..."). Languages without
// markers are read as English.
func DetectProposal(lang, sentence string) string {
	if question.MatchString(sentence) {
		return ""
	}
	pm, ok := proposalMatchers[lang]
	if !ok {
		lang = "en"
		pm = proposalMatchers[lang]
	}
	s := sentence
	if noise := proposalNoise[lang]; noise != nil {
		s = noise.ReplaceAllString(s, " ")
	}
	best := len(ProposalKinds)
	for _, m := range pm.re.FindAllStringSubmatchIndex(s, -1) {
		for g := range pm.kinds {
			if m[2+2*g] >= 0 {
				best = min(best, kindRank(pm.kinds[g]))
				break
			}
		}
	}
	if best == len(ProposalKinds) {
		return ""
	}
	return ProposalKinds[best]
}
