package analysis

import "regexp"

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
	kind string
	re   *regexp.Regexp
}

// word wraps a pattern in letter boundaries that, unlike \b, hold for
// accented, Cyrillic and Arabic letters.
func word(p string) *regexp.Regexp {
	return regexp.MustCompile(`(?i)(?:^|[^\p{L}\p{N}])(?:` + p + `)(?:[^\p{L}\p{N}]|$)`)
}

// Markers per language. Chinese and Arabic are matched without word
// boundaries (Chinese has none; Arabic attaches prefixes), with the
// compounds that merely contain a marker removed first.
var proposalMarkers = map[string][]proposalMarker{
	"en": {
		{ProposalCallOn, word(`call(?:s|ed|ing)? (?:up)?on|appeal(?:s|ed)? to`)},
		{ProposalUrge, word(`urg(?:e|es|ed|ing)|exhort(?:s|ed)?`)},
		{ProposalRequest, word(`request(?:s|ed)? (?:that|the|all)|we (?:would )?(?:ask|request)|asks? the (?:council|members|presidency)|demand(?:s|ed)? that`)},
		{ProposalRecommend, word(`recommend(?:s|ed)?`)},
		{ProposalPropose, word(`propos(?:e|es|ed|ing)|suggest(?:s|ed)?`)},
		{ProposalEncourage, word(`encourag(?:e|es|ed|ing)`)},
		{ProposalInvite, word(`invit(?:e|es|ed|ing)`)},
		{ProposalShould, word(`should|ought to|would benefit from|it would be (?:useful|helpful|important|desirable)`)},
		{ProposalMust, word(`must|needs? to|has to|have to|it is (?:essential|important|necessary|crucial|imperative|vital|high time)`)},
	},
	"fr": {
		{ProposalCallOn, word(`appel(?:le|lons|lent) (?:à|au|aux|le|la|les|l’|l')|lan(?:ce|çons) un appel`)},
		{ProposalUrge, word(`exhort(?:e|ons|ent)|pri(?:e|ons|ent) instamment|engag(?:e|eons|ent) vivement`)},
		{ProposalRequest, word(`nous demandons|demand(?:e|ons|ent) (?:au|aux|à|que|le|la|les)|pri(?:e|ons|ent) (?:le|la|les|l’|l')|sollicit(?:e|ons)`)},
		{ProposalRecommend, word(`recommand(?:e|ons|ent)`)},
		{ProposalPropose, word(`propos(?:e|ons|ent)|suggér(?:ons)|suggèr(?:e|ent)`)},
		{ProposalEncourage, word(`encourag(?:e|eons|ent)`)},
		{ProposalInvite, word(`invit(?:e|ons|ent)`)},
		{ProposalShould, word(`devr(?:ait|aient|ions|a|ont)|il conviendrait|il faudrait|serait (?:utile|souhaitable)`)},
		{ProposalMust, word(`doit|doivent|devons|il faut|il est (?:essentiel|important|nécessaire|indispensable|crucial|impératif|temps)`)},
	},
	"es": {
		{ProposalCallOn, word(`hac(?:e|emos|en) un llamamiento|llam(?:a|amos|an) a`)},
		{ProposalUrge, word(`inst(?:a|amos|an)|exhort(?:a|amos|an)`)},
		{ProposalRequest, word(`pedimos|pid(?:e|en) (?:al|a|que)|solicit(?:a|amos|an) (?:al|a|que)|exig(?:e|imos)`)},
		{ProposalRecommend, word(`recomend(?:a|amos|an)|recomiend(?:a|an|o)`)},
		{ProposalPropose, word(`propon(?:e|emos|en|go)|propuesta de|sugerimos|suger(?:ir)`)},
		{ProposalEncourage, word(`alent(?:amos)|alient(?:a|an|o)|anim(?:a|amos)`)},
		{ProposalInvite, word(`invit(?:a|amos|an)`)},
		{ProposalShould, word(`deber(?:ía|ían|íamos)|convendría|sería (?:útil|conveniente|deseable)`)},
		{ProposalMust, word(`deb(?:e|en|emos)|hay que|es (?:esencial|importante|necesario|fundamental|imprescindible|crucial|hora)`)},
	},
	"ru": {
		{ProposalUrge, word(`настоятельно призыва(?:ем|ет|ют)`)},
		{ProposalCallOn, word(`призыва(?:ем|ет|ют)`)},
		{ProposalRequest, word(`прос(?:им|ит)`)},
		{ProposalRecommend, word(`рекоменду(?:ем|ет)`)},
		{ProposalPropose, word(`предлага(?:ем|ет)`)},
		{ProposalEncourage, word(`поощря(?:ем|ет)|побужда(?:ем|ет)`)},
		{ProposalInvite, word(`приглаша(?:ем|ет)`)},
		{ProposalShould, word(`следует|следовало бы|стоило бы`)},
		{ProposalMust, word(`долж(?:ен|на|но|ны)|необходимо|нужно`)},
	},
	"ar": {
		{ProposalCallOn, regexp.MustCompile(`ندعو|يدعو|تدعو|نناشد`)},
		{ProposalUrge, regexp.MustCompile(`نحث|يحث|تحث`)},
		{ProposalRequest, regexp.MustCompile(`نطلب|يطلب|تطلب`)},
		{ProposalRecommend, regexp.MustCompile(`نوصي|يوصي|توصي`)},
		{ProposalPropose, regexp.MustCompile(`نقترح|يقترح|تقترح`)},
		{ProposalEncourage, regexp.MustCompile(`نشجع|يشجع|تشجع`)},
		{ProposalShould, regexp.MustCompile(`ينبغي|يتعين`)},
		{ProposalMust, regexp.MustCompile(`يجب|لا بد`)},
	},
	"zh": {
		{ProposalCallOn, regexp.MustCompile(`呼吁`)},
		{ProposalUrge, regexp.MustCompile(`敦促|促请|吁请`)},
		{ProposalRequest, regexp.MustCompile(`(?:^|[^邀申谨])请|要求`)},
		{ProposalRecommend, regexp.MustCompile(`建议`)},
		{ProposalPropose, regexp.MustCompile(`提议|倡议`)},
		{ProposalEncourage, regexp.MustCompile(`鼓励|希望`)},
		{ProposalInvite, regexp.MustCompile(`邀请`)},
		{ProposalDecide, regexp.MustCompile(`^\s*(?:[-•·]\s*)?决定`)},
		{ProposalShould, regexp.MustCompile(`应|宜`)},
		{ProposalMust, regexp.MustCompile(`必须|务必|有必要`)},
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

// DetectProposal returns the kind of request a sentence of lang makes, or ""
// when it makes none.
func DetectProposal(lang, sentence string) string {
	markers, ok := proposalMarkers[lang]
	if !ok {
		markers = proposalMarkers["en"]
		lang = "en"
	}
	s := sentence
	if noise := proposalNoise[lang]; noise != nil {
		s = noise.ReplaceAllString(s, " ")
	}
	for _, m := range markers {
		if m.re.MatchString(s) {
			return m.kind
		}
	}
	return ""
}
