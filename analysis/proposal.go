package analysis

import (
	"regexp"
	"slices"
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
	// raw patterns are compiled as written, not between word boundaries:
	// they place the marker themselves.
	raw bool
}

// Markers per language, in order of precedence. Chinese and Arabic are
// matched without word boundaries (Chinese has none; Arabic attaches
// prefixes), with the compounds that merely contain a marker removed first.
var proposalMarkers = map[string][]proposalMarker{
	"en": {
		{kind: ProposalCallOn, pattern: `call(?:s|ed|ing)?(?: (?:once again|again|also|further|therefore|today|now|repeatedly|strongly|urgently|firmly|consistently|once more))? (?:(?:up)?on|for)|appeal(?:s|ed)? (?:to|for)|let us`},
		// Another's call taken up, whoever it was made by ("we echo the
		// calls from the membership for…", "we join the call made by…").
		{kind: ProposalCallOn, pattern: `(?:echo|join|endors|associat|reiterat|renew|repeat|restat|sound|voic|add (?:our|my) voice to|(?:add|lend|give) (?:our|my) (?:\S+ )?support to)\w* (?:\S+ ){0,3}?calls? (?:from|by|of|made|issued|voiced|to|for|on)`},
		{kind: ProposalUrge, pattern: `urg(?:e|es|ed|ing)|exhort(?:s|ed)?`},
		{kind: ProposalRequest, pattern: `please \p{L}+|request(?:s|ed)? (?:that|the|all)|we (?:would )?(?:ask|request)|ask(?:s|ed|ing)? (?:for|(?:the |all |every |each |its |their )?\S+ (?:\S+ )?to)|demand(?:s|ed)? that|(?:reiterat|renew|repeat|restat|reaffirm)\w* (?:our|its|their|my|the group['’]s) (?:\S+ )?(?:requests?|demands?|appeals?|pleas?) (?:for|to|that)|(?:we|africa|group|movement|union|continent|position|consensus) (?:also |therefore |still |rightly |continues? to )?demands? (?:a|an|the|two|its|their|full|equal|permanent|at least|no less|nothing less)`},
		{kind: ProposalRecommend, pattern: `recommend(?:s|ed)?`},
		{kind: ProposalPropose, pattern: `propos(?:e|es|ed|ing)|suggest(?:s|ed)?`},
		{kind: ProposalEncourage, pattern: `encourag(?:e|es|ed|ing)`},
		{kind: ProposalInvite, pattern: `invit(?:e|es|ed|ing)`},
		// Backing a change: the speaker, or the speaker reported, supports
		// or wants it.
		{kind: ProposalSupport, pattern: `(?:we|i|they|also|fully|strongly|firmly|continue to|continues to|would|will) support|supports|supported (?:greater|more|further|calls?|efforts?|proposals?|the (?:calls?|efforts?|proposals?|idea))|advocat(?:e|es|ed)|push(?:es|ed|ing)? for|(?:made|make|makes|making) a (?:\S+ )?push (?:to|for)|favou?r(?:s|ed)? (?:the|a|an)|want(?:s|ed)? (?:to see|(?:the|this|a) council)|would welcome|look(?:s|ed)? forward to the council|(?:see|sees|saw|appreciate|appreciates|appreciated|recogni[sz]es?|recogni[sz]ed) (?:the |some |great |much |considerable |real )?merits? (?:in|of)|(?:is|are|am|was|were|remains?|remained) (?:\S+ )?in favou?r of`},
		// A wish: "we would like to see…", "we would like presidencies to…",
		// "the Arab States would like to have a permanent seat", and a hope
		// for what the Council or its members will do ("we
		// hope the Council will…", "expressed the hope that such meetings
		// would become…"), where a hope for a debate's success asks nothing.
		{kind: ProposalSupport, pattern: `would (?:also |really |very much )?like (?:to see|to have (?:a|an|more|greater|permanent|its|their)|the (?:security )?council to|(?:the )?(?:council )?members(?: of the council)? to|the (?:report|introduction|presidency|presidencies) to)|we would (?:also |really |very much )?like (?:\S+ ){1,3}?to`},
		{kind: ProposalSupport, pattern: `(?:(?:we|i) (?:\S+ )?hope (?:that )?|(?:it is|it remains) (?:our|my) (?:\S+ )?hope that |express\w* (?:the|its|their|our|his|her) (?:\S+ )?hope that )(?:[^,;.]{0,25}? )?(?:the (?:security )?council|council members|(?:the )?members of the (?:security )?council|(?:all |the )?(?:elected |permanent |new )?members|more (?:\S+ )?steps|such (?:\S+ )?(?:meetings|briefings|sessions|practices?|steps|consultations)|this practice)(?: \S+){0,3}? (?:will|would|can|could|shall)`},
		{kind: ProposalSupport, pattern: `(?:renew|reiterat|reaffirm|restat|express)\w* (?:\S+ ){0,2}?support for|endors(?:e|es|ed|ing) (?:\S+ ){0,3}?(?:proposals?|ideas?|recommendations?|suggestions?|initiatives?)`},
		// Besides the modals: suggestions in the conditional ("the Council
		// could hold…"), a case made for something, what the Council is
		// expected to do.
		{kind: ProposalShould, pattern: `should|ought to|would (?:\S+ )?benefit from|it would be (?:useful|helpful|important|desirable)|would be (?:(?:much |far |even )?more |most )?(?:helpful|useful|valuable|informative|meaningful) if|would be (?:an? )?(?:\S+ )?step|there is (?:still )?(?:\S+ )?room (?:for|to)|there is (?:also |still |now )?(?:a |an )?(?:\S+ )?case (?:for|to)|expect(?:s|ed)? (?:the|this|that) (?:security )?council to|council could (?:(?:usefully|also|further|perhaps|still|then|thus|certainly|easily|better|even|well) )?(?:consider|hold|make|adopt|implement|use|explore|establish|improve|enhance|strengthen|increase|invite|organi[sz]e|schedule|include|provide|benefit|do|take|draw|reflect|give|publish|share|devote|set|engage|ensure|allow|convene|build|report|seek|apply|open|limit|refrain|expand|review|revisit|reconsider|agree to)`},
		// A suggestion for the report, a practice that deserves to last, a
		// preference, the Council counted on.
		{kind: ProposalShould, pattern: `could (?:also |perhaps |then )?usefully|(?:report|introduction) could (?:also |perhaps |then )?(?:include|reflect|contain|provide|give|offer|describe|assess|analy[sz]e|explain|summari[sz]e|cover|set out|draw)|deserves? to (?:become|be (?:\S+ )?(?:continued|pursued|replicated|repeated|institutionali[sz]ed|extended|expanded|followed|emulated|encouraged|supported|made))|it would be (?:advisable|preferable)|(?:we|i) would (?:\S+ )?prefer|count(?:s|ing)? on (?:the |this )?(?:security )?council to`},
		// The common forms first: the rest is tried only without them.
		{kind: ProposalMust, pattern: `must|needs? (?:to|for)|has to|have to`},
		{kind: ProposalMust, pattern: `(?:needs|we need) (?:a|an|the|more|greater|better|agreed|clear|new|real|genuine)|(?:is|are|was|were|be) (?:\S+ly |also |still )?needed|(?:requires?|requiring) (?:an? )?(?:enhanced|greater|better|improved|stronger|closer|increased|further|wider|deeper)|(?:it is|it was|made it|makes it),?(?: \S+){0,2} (?:essential|important|necessary|crucial|imperative|vital) (?:to|that|for [^.;:]{1,60}? to)|(?:it is|it was|it remains)(?: \S+){0,2}? of (?:the )?(?:utmost|paramount|great|critical|vital|crucial|particular|highest|fundamental|primary|special|key) importance (?:to|that|for [^.;:]{1,60}? to)|it is (?:high |now |about )?time (?:for|to|that)|the (?:time|moment) has (?:\S+ )?come|(?:requires?|required) that|(?:the )?time (?:is|was) (?:now |\S+ly )?ripe (?:for|to)|(?:stress|emphasi[sz]|underlin|underscor|highlight|reiterat|reaffirm)\w* (?:\S+ ){0,2}?the (?:\S+ )?(?:importance of (?:\S+ing|increased|greater|enhanced|more|stronger|closer|better|improved|further|regular|timely|wider|deeper)|need (?:of|for|to)|necessity (?:of|for|to)|imperative (?:of|for|to)|urgency of)`},
		// A need named without a verb of asking: an option ruled out, what
		// is required or left to do, a change needed, a need agreed on, a
		// reform said to be urgent, the only way to a goal ("can only come
		// through…", "only with … can this debate become meaningful"),
		// steps required to transform the Council.
		{kind: ProposalMust, pattern: `(?:is|are|remains?) (?:simply |clearly |certainly |surely )?(?:not|no longer) an option|there is no alternative to|what is (?:now |still |really |urgently )?required|(?:we|i) (?:\S+ )?(?:agree|concur)\w* (?:\S+ ){0,6}?on the (?:\S+ )?(?:importance|necessity) of|it is (?:\S+ )?incumbent (?:up)?on|(?:much|more|a lot|a great deal) (?:is |still ){0,2}(?:left |remains |remaining )?to be done|what (?:we|the council|the membership|member states|the assembly) (?:\S+ )?(?:need|needs|lack|lacks|want|wants|ask for|seek|expect) (?:\S+ )?is|(?:needs|(?:methods|council|report|procedures|practices) needed) (?:improvement|improving|reform|reforming|strengthening|updating|revision|revisiting|rethinking|overhaul|overhauling)|(?:council|assembly|organ|body|states|membership|members|reform)(?:, [^,;.]{1,40},)? (?:\S+ )?needed (?:to|more|greater|better|fuller|further)|(?:(?:reform|reforms|enlargement|expansion)(?: (?:of|to|in)(?: \S+){1,4}?)?|(?:reforming|improving|enlarging|expanding)(?: \S+){1,4}?) (?:(?:is|was|are|were|becomes|became|has become|have become|remains|remained|seems|appears) )?(?:(?:now|particularly|especially|increasingly|most|more|ever more|all the more|even more|therefore|thus|so|very|extremely|ever|also|still) )*urgent|can (?:only )?be \S+ed only (?:by|through|with|if|via)|can only (?:be \S+ed |come |happen |succeed |work )(?:by|through|with|if|via|from)|^\W*only (?:with|through|by|if|when) [^.;]{1,200}? (?:can|could|will|would|may)|requir(?:e|es|ed|ing) (?:\S+ ){0,2}?(?:steps|action|measures|efforts|changes|reforms?|decisions) to (?:transform|reform|change|improve|enhance|expand|enlarge|adapt|strengthen|democrati[sz]e|update|moderni[sz]e|revitali[sz]e)`},
	},
	"fr": {
		{kind: ProposalCallOn, pattern: `(?:appel(?:le|lons|lent|ait|aient)|a appelé|ont appelé|avons appelé) (?:à|au|aux|le|la|les|l['’]\p{L}+|de (?:nos|ses|leurs|tous) vœux|de nouveau|à nouveau|également|donc|aussi|instamment|tous|toutes|chaque)|lan(?:ce|çons|cent|cé|çait) (?:\S+ )?(?:un|notre|son|leur) appel|appels? (?:(?:lancés?|répétés?|pressants?|renouvelés?) )?(?:à|au|aux|en faveur)|appels? lancés? par|faisons appel`},
		// Let us: a first person plural imperative opening the sentence or
		// a clause; "nous faisons" states, "faisons" asks.
		{kind: ProposalCallOn, raw: true, pattern: `(?:^|[:;,(«"“]\s*|(?:^|[^\p{L}])(?:et|donc|alors|ensemble|enfin|aussi|maintenant|aujourd['’]hui|dès lors|dès à présent|par conséquent)\s*,?\s*)(?:ne |n['’])?` + letUs(frenchLetUs)},
		{kind: ProposalUrge, pattern: `exhort(?:e|ons|ent|ait|é|ée|és)|(?:pri|demand|invit|engag|appel)\p{L}* instamment|engag(?:e|eons|ent|é) vivement`},
		{kind: ProposalRequest, pattern: `nous (?:\S+ )?demandons|(?:demand(?:e|ons|ent|ait|aient)|a demandé|ont demandé|avons demandé) (?:au|aux|à|que|qu['’]\p{L}+|le|la|les|l['’]\p{L}+|une?|des|de nouveau|à nouveau|également|donc|aussi)|pri(?:e|ons|ent) (?:le|la|les|l['’]\p{L}+|donc|également|tous|toutes|chaque)|sollicit(?:e|ons|ent)|réclam(?:e|ons|ent)|exigeons|(?:a|ont|avons) exigé que|(?:réitér|renouvel|répét)\p{L}* (?:notre|nos|sa|son|ses|leur|leurs) (?:\S+ )?(?:demandes?|requêtes?)`},
		{kind: ProposalRecommend, pattern: `recommand(?:e|ons|ent|ait)`},
		{kind: ProposalPropose, pattern: `propos(?:e|ons|ent|ait)|suggér(?:ons)|suggèr(?:e|ent)`},
		{kind: ProposalEncourage, pattern: `encourag(?:e|eons|ent|eait)`},
		{kind: ProposalInvite, pattern: `invit(?:e|ons|ent)`},
		// Backing a change: the speaker, or the speaker reported, supports,
		// wants or would welcome it, or looks forward to the Council doing it.
		{kind: ProposalSupport, pattern: `appuyons|soutenons|appuie|soutient|je soutiens|(?:ils|elles|également|aussi|pleinement|fermement|résolument|toujours) (?:appuient|soutiennent)|(?:continu\p{L}*|continuerons) (?:à |d['’])(?:appuyer|soutenir)|(?:a|ont|avons) (?:\S+ )?(?:appuyé|soutenu) (?:l['’]idée|la proposition|les propositions|l['’]appel|les appels|les efforts|l['’]initiative)`},
		{kind: ProposalSupport, pattern: `(?:sommes|est|sont) (?:\S+ )?(?:favorables?|partisans?) (?:à|au|aux|de|du|des|d['’]\p{L}+)|plaid(?:e|ons|ent|é) (?:pour|en faveur)|préconis(?:e|ons|ent)|prôn(?:e|ons|ent)|militons|souscri(?:vons|t|vent) (?:\S+ )?(?:à|aux?) (?:la |les |l['’]|cette |ces )?(?:\S+ )?(?:propositions?|idées?|appels?|recommandations?|suggestions?|initiatives?)|faisons nôtres? (?:la |les |l['’]|cette |ces )?(?:\S+ )?(?:propositions?|idées?|appels?|recommandations?|suggestions?)`},
		{kind: ProposalSupport, pattern: `souhait(?:e|ons|ent|erions|erait|eraient|erais) (?:que|qu['’]\p{L}+|voir|vivement que)|voudr(?:ais|ions) (?:que|qu['’]\p{L}+|voir)|aimer(?:ais|ions) (?:que|qu['’]\p{L}+|voir)|nous (?:nous )?féliciterions|accueillerions (?:\S+ )?(?:favorablement|avec (?:satisfaction|intérêt))|verrions (?:d['’]un bon œil|favorablement)|attend(?:ons|ent|ait) avec (?:intérêt|impatience) (?:que|qu['’]\p{L}+|(?:\S+ ){0,3}?(?:du|le|au|par le) conseil)|(?:espérons|espère|espèrent) (?:\S+ )?que (?:le |les membres du )?conseil`},
		{kind: ProposalSupport, pattern: `(?:réitér|réaffirm|renouvel|exprim|redis|confirm)\p{L}* (?:\S+ ){0,2}?(?:soutien|appui) (?:à|au|aux|en faveur)`},
		{kind: ProposalShould, pattern: `devr(?:ait|aient|ions|a|ont|ons)|il conviendrait|il faudrait|pourrai(?:t|ent) (?:\S+ )?utilement|il convient (?:de|d['’]\p{L}+|que|qu['’]\p{L}+)|(?:serait|seraient) (?:\S+ )?(?:utiles?|souhaitables?|opportune?s?|judicieux|préférables?|bienvenue?s?|bon|bonne)|serait un pas|gagnerai(?:t|ent) (?:\S+ )?à|il y a (?:encore |toujours )?(?:lieu|matière) (?:de|d['’]\p{L}+)|compt(?:ons|e|ent) sur le conseil pour`},
		// The common forms first: the rest is tried only without them.
		{kind: ProposalMust, pattern: `doit|doivent|devons|il faut|il importe (?:de|d['’]\p{L}+|que|qu['’]\p{L}+)`},
		// An importance or a time said impersonally, something needed, a need
		// or an importance stressed: each tried only with its own words.
		{kind: ProposalMust, pattern: `(?:il est|c['’]est|il sera|il reste|il demeure|il paraît|il semble),?(?: \S+){0,2} (?:essentiel|important|nécessaire|indispensable|crucial|impératif|urgent|vital|primordial|fondamental|capital|impérieux) (?:de|d['’]\p{L}+|que|qu['’]\p{L}+)|il (?:est|serait) (?:(?:grand|plus que|désormais|enfin|maintenant|donc|aujourd['’]hui|vraiment) )?temps (?:de|d['’]\p{L}+|que|qu['’]\p{L}+|pour)|le moment est venu|l['’]heure est venue|n['’](?:est|sont) (?:plus|pas|donc pas|certainement pas|tout simplement pas) une option|il n['’]y a pas d['’]autre (?:option|choix|solution) que|il reste (?:encore )?beaucoup à faire|il (?:nous )?incombe (?:\S+ )?(?:au conseil|à l['’]assemblée|aux membres|à nous|de|d['’]\p{L}+)|beaucoup reste (?:encore )?à faire|ce dont (?:nous avons|le conseil a|l['’]assemblée a) (?:\S+ )?besoin,? c['’]est`},
		{kind: ProposalMust, pattern: `(?:conseil|nous|organisation|assemblée|membres) (?:\S+ )?(?:a|avons|ont|aura|aurons|auront) (?:\S+ )?besoin (?:de|d['’]\p{L}+)|(?:est|sont) (?:\S+ment |aussi |encore |toujours )?(?:nécessaires?|requis(?:es)?)`},
		{kind: ProposalMust, pattern: `(?:soulign|insist|réaffirm|réitér|rappel|relev|mis l['’]accent|mettons l['’]accent|met l['’]accent)\p{L}* (?:\S+ ){0,3}?(?:la nécessité|le besoin|l['’]urgence) (?:de|d['’]\p{L}+|du|des|que|qu['’]\p{L}+)|(?:soulign|insist|réaffirm|réitér|rappel|relev|mis l['’]accent|mettons l['’]accent|met l['’]accent)\p{L}* (?:\S+ ){0,3}?l['’]importance (?:que|qu['’]\p{L}+|(?:de |d['’])(?:ne pas )?\p{L}+(?:er|ir|oir|dre|ttre|aître|uire|ire))`},
	},
	"es": {
		{kind: ProposalCallOn, pattern: `(?:hac(?:e|emos|en|ía)|hizo|hicieron|formul(?:a|amos|an|ó)|reiter(?:a|amos|an|ó)|renov(?:amos|ó)|lanz(?:a|amos|an|ó)|dirig(?:e|imos|en|ió)) (?:\S+ )?(?:un|nuestro|su) (?:\S+ )?llamamiento|llam(?:a|amos|an|ó|aron) a|llamamientos? (?:(?:reiterados?|urgentes?|renovados?) )?(?:a|al|para|en favor)|llamamientos? (?:hechos?|formulados?|lanzados?) por`},
		// Let us: a first person plural subjunctive opening the sentence or
		// a clause; "para que hagamos" gives a purpose.
		{kind: ProposalCallOn, raw: true, pattern: `(?:^|[:;,(¡«"“]\s*|(?:^|[^\p{L}])(?:y|pues|así|entonces|juntos|ahora|hoy|por (?:eso|ello|tanto)|en consecuencia)\s*,?\s*)(?:no )?` + letUs(spanishLetUs)},
		{kind: ProposalUrge, pattern: `inst(?:a|amos|an|ó|aron|aba)|exhort(?:a|amos|an|ó|aron)|(?:pedimos|pide|piden|pidió|solicitamos|invitamos|alentamos) encarecidamente`},
		{kind: ProposalRequest, pattern: `pedimos|solicitamos|rogamos|pid(?:e|en|ió|ieron) (?:al|a|que|la|el|los|las|una?|también|además|nuevamente)|solicit(?:a|an|ó|aron) (?:al|a|que|la|el|los|las|una?)|exig(?:imos|e que|en que|ió que|ieron que)|(?:reiter|renov|repet)\p{L}* (?:nuestra|nuestras|nuestro|nuestros|su|sus) (?:\S+ )?(?:solicitud|solicitudes|petición|peticiones|pedido|pedidos|exigencia|exigencias)|reclam(?:amos|a|an|ó) (?:que|al|la|el|los|las|una?)`},
		{kind: ProposalRecommend, pattern: `recomend(?:a|amos|an|ó|aríamos)|recomiend(?:a|an|o)`},
		{kind: ProposalPropose, pattern: `propon(?:e|emos|en|go|dríamos)|propuso|propusieron|propuesta de|sugerimos|suger(?:ir)|sugier(?:e|en|o)`},
		{kind: ProposalEncourage, pattern: `alent(?:amos|ó)|alient(?:a|an|o)|anim(?:a|amos|an|ó)|estimul(?:amos)`},
		{kind: ProposalInvite, pattern: `invit(?:a|amos|an)`},
		// Backing a change: the speaker, or the speaker reported, supports,
		// wants or would welcome it, or hopes the Council does it.
		{kind: ProposalSupport, pattern: `apoyamos|respaldamos|apoya|respalda|(?:ellos|ellas|también|plenamente|firmemente|siempre|decididamente) (?:apoyan|respaldan)|(?:apoyó|apoyaron|respaldó|respaldaron|hemos apoyado|ha apoyado) (?:la idea|la propuesta|las propuestas|el llamamiento|los llamamientos|los esfuerzos|la iniciativa)|(?:somos|es|son) (?:\S+ )?partidari[oa]s? (?:de|del)|abog(?:amos|a|an|ó) por|propugn(?:amos|a|an)|preconiz(?:amos|a|an)|acoger(?:íamos|ía|ían) (?:\S+ )?con (?:beneplácito|agrado|satisfacción|interés)|celebraríamos|ver(?:íamos|ía) con (?:buenos ojos|agrado)|(?:nos|me|le) gustaría (?:que|ver)|quisiéramos (?:que|ver)|querríamos (?:que|ver)|desear(?:íamos|ía) (?:que|ver)|(?:deseamos|queremos) (?:que|ver) (?:el |los miembros del )?consejo|(?:esperamos|aguardamos|confiamos en) (?:\S+ ){0,2}?que (?:el |los miembros del )?consejo|(?:esperamos|aguardamos) con (?:interés|impaciencia) (?:que|a que)|suscribimos (?:\S+ )?(?:la |las |el |los |esta |estas )?(?:\S+ )?(?:propuestas?|ideas?|llamamientos?|recomendaciones?|sugerencias?|iniciativas?)|hacemos nuestr[oa]s? (?:la |las |el |los )?(?:\S+ )?(?:propuestas?|ideas?|llamamientos?|recomendaciones?|sugerencias?)|nos (?:sumamos|adherimos|unimos) (?:a|al) (?:\S+ ){0,2}?(?:llamamientos?|propuestas?|iniciativas?)`},
		{kind: ProposalSupport, pattern: `(?:reiter|reafirm|renov|expres|manifest|confirm)\p{L}* (?:\S+ ){0,2}?(?:apoyo|respaldo) (?:a|al|a la|para|de)`},
		{kind: ProposalShould, pattern: `deber(?:ía|ían|íamos)|convendría|habría que|(?:sería|serían) (?:\S+ )?(?:útil(?:es)?|conveniente|deseable|aconsejable|oportuno|bueno|preferible|bienvenid[oa]s?)|sería un paso|se beneficiaría\p{L}*`},
		// The common forms first: the rest is tried only without them.
		{kind: ProposalMust, pattern: `deb(?:e|en|emos)|hay que|tiene que|tienen que|tenemos que`},
		// An importance or a time said impersonally, something needed, a need
		// or an importance stressed: each tried only with its own words.
		{kind: ProposalMust, pattern: `(?:es|será|resulta|sigue siendo|parece),?(?: \S+){0,2} (?:esencial|importante|necesario|fundamental|imprescindible|crucial|indispensable|urgente|vital|preciso|imperativo|primordial) (?:que|\p{L}+[aeií]r(?:se|lo|la|los|las)?)|es (?:\S+ )?(?:hora|el momento|momento) de|ha llegado (?:la hora|el momento)|no (?:es|son) (?:ya |más |simplemente )?una opción|no hay (?:otra )?alternativa (?:a|al|que)|(?:queda|resta) (?:todavía |aún )?mucho (?:por|que) hacer|lo que (?:necesitamos|necesita el consejo|hace falta|nos falta) es`},
		{kind: ProposalMust, pattern: `hace\p{L}* falta|se necesita\p{L}*|necesitamos|(?:consejo|asamblea|organización) (?:\S+ )?necesita|(?:es|son) (?:\S+mente |también |aún )?necesari[oa]s`},
		{kind: ProposalMust, pattern: `(?:subray|destac|recalc|reiter|reafirm|insist|pusimos de relieve|ponemos de relieve|puso de relieve|hac\p{L}* hincapié|hizo hincapié)\p{L}* (?:\S+ ){0,3}?(?:la necesidad|la urgencia) de|(?:subray|destac|recalc|reiter|reafirm|insist|pusimos de relieve|ponemos de relieve|puso de relieve|hac\p{L}* hincapié|hizo hincapié)\p{L}* (?:\S+ ){0,3}?la importancia de (?:que|\p{L}+[aeií]r(?:se|lo|la|los|las)?)`},
	},
	"ru": {
		{kind: ProposalUrge, pattern: `настоятельно призыва(?:ем|ет|ют)`},
		{kind: ProposalCallOn, pattern: `призыва(?:ем|ет|ют)`},
		{kind: ProposalRequest, pattern: `прос(?:им|ит)`},
		{kind: ProposalRecommend, pattern: `рекоменду(?:ем|ет)`},
		{kind: ProposalPropose, pattern: `предлага(?:ем|ет)`},
		{kind: ProposalEncourage, pattern: `поощря(?:ем|ет)|побужда(?:ем|ет)`},
		{kind: ProposalInvite, pattern: `приглаша(?:ем|ет)`},
		{kind: ProposalShould, pattern: `следует|следовало бы|стоило бы`},
		{kind: ProposalMust, pattern: `долж(?:ен|на|но|ны)|необходимо|нужно`},
	},
	"ar": {
		{kind: ProposalCallOn, pattern: `ندعو|يدعو|تدعو|نناشد`},
		{kind: ProposalUrge, pattern: `نحث|يحث|تحث`},
		{kind: ProposalRequest, pattern: `نطلب|يطلب|تطلب`},
		{kind: ProposalRecommend, pattern: `نوصي|يوصي|توصي`},
		{kind: ProposalPropose, pattern: `نقترح|يقترح|تقترح`},
		{kind: ProposalEncourage, pattern: `نشجع|يشجع|تشجع`},
		{kind: ProposalShould, pattern: `ينبغي|يتعين`},
		{kind: ProposalMust, pattern: `يجب|لا بد`},
	},
	"zh": {
		{kind: ProposalCallOn, pattern: `呼吁|让我们`},
		{kind: ProposalUrge, pattern: `敦促|促请|吁请`},
		{kind: ProposalRequest, pattern: `(?:^|[^邀申谨])请|要求`},
		{kind: ProposalRecommend, pattern: `建议`},
		{kind: ProposalPropose, pattern: `提议|倡议`},
		{kind: ProposalEncourage, pattern: `鼓励|希望`},
		{kind: ProposalInvite, pattern: `邀请`},
		{kind: ProposalSupport, pattern: `(?:我们|我国|中方|本集团|该集团|代表团|也|亦|始终|坚定|继续|完全|大力|一贯|积极)支持|(?:期待|期盼|期望)安理会|(?:我们|我国|中方|也)赞成`},
		{kind: ProposalDecide, pattern: `^\s*(?:[-•·]\s*)?决定`},
		{kind: ProposalShould, pattern: `应|宜`},
		{kind: ProposalMust, pattern: `必须|务必|有必要|是时候|时机已经成熟|(?:至关)?重要的是|强调[^。；]{0,20}必要性`},
	},
}

// frenchLetUs and spanishLetUs are the first person plural imperatives
// read as "let us" ("faisons en sorte", "hagamos"); verbs of minding
// ("rappelons", "recordemos") are left out. They are the let-us markers'
// triggers too.
var (
	frenchLetUs  = []string{"faisons", "travaillons", "veillons", "œuvrons", "oeuvrons", "agissons", "soyons", "unissons", "saisissons", "redoublons", "donnons", "continuons", "poursuivons", "engageons", "mettons", "prenons", "avançons", "renforçons", "construisons", "évitons", "cessons", "assurons", "efforçons", "tirons", "joignons", "montrons", "allons", "ouvrons", "réformons", "cherchons", "trouvons"}
	spanishLetUs = []string{"hagamos", "trabajemos", "velemos", "aseguremos", "asegurémonos", "sigamos", "actuemos", "unamos", "aprovechemos", "redoblemos", "pongamos", "seamos", "evitemos", "construyamos", "avancemos", "procuremos", "esforcémonos", "busquemos", "mantengamos", "tomemos", "reforcemos", "comprometámonos", "escuchemos", "cumplamos", "abramos", "sumemos", "reformemos"}
)

// letUs closes a let-us marker on one of verbs.
func letUs(verbs []string) string {
	return `(?:` + strings.Join(verbs, "|") + `)(?:[^\p{L}]|$)`
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
	// reach, if set, is how many bytes before the marker after and unless
	// read instead of 60, back past the guard's earlier uses: a decision's
	// content runs on over clauses joined by "and".
	reach int
	// kinds, if set, are the only kinds of marker the guard can take
	// away: it is looked for only when a marker of one of them is tried.
	kinds []string
	// markers are the markers of those kinds, as bits.
	markers uint64
	// fast is re with its prefilter (see kindMatcher).
	fast *fastExpr
}

// proposalGuards are, per language: courtesy ("I should like to thank"),
// the President giving the floor, a group asking the speaker to speak for
// it, a need as a condition ("where discretion is needed"), and Chinese or
// Arabic compounds that contain a marker's characters; in English, French
// and Spanish (and in Chinese as far as its markers go) also a modal
// before a verb of saying or minding ("we must recognise that"), a regret
// ("should have acted"), a modal inside an indirect question ("split on
// whether seats should"), another's call or a need named as a noun unless
// the speaker takes it up ("the Assembly's many calls for" against "we
// join the calls for"; "the need to" against "stressed the need to"), and
// the Council's own requests told in the past, which are its decisions,
// not requests made to it. French and Spanish also set aside verbs that
// look like backing or asking and are not: relying on ("nous nous
// appuyons sur"), arguing ("nous soutenons que"), recourse ("faire appel
// à"), a cause ("se debe a") and a candidate asking for votes.
var proposalGuards = map[string][]proposalGuard{
	"en": {
		{re: lowerWord(`should(?: also| first| therefore| now| again)? like to|i (?:now )?invite (?:the|his|her)|invited to (?:take|speak|brief|address|participate|attend|present|join|contribute|deliver)|at the (?:invitation|request) of|as requested|upon request|ask(?:s|ed|ing)? for the floor|ask(?:s|ed)? (?:me|us) to (?:speak|deliver|take|make|read|present)|(?:where|when|whenever|wherever|if|as) (?:\S+ ){0,4}?(?:is|are) (?:\S+ly |also |still )?needed|please (?:accept|allow|let|find|join me|be seated|be assured|rest assured|note|see|refer|take (?:your )?seats?|convey)`),
			triggers: []string{"like to", "invit", "request", "floor", "ask", "needed", "please"}},
		{re: lowerWord(`(?:(?:we|i|one)(?: \S+)? (?:must|should|ought to|need to|have to)|it is (?:\S+ )?(?:important|essential|necessary|worth) to|let us|let me)(?: also| not| never| therefore| all| always| first| now)* (?:recogni[sz]e|remind (?:ourselves|us|everyone|all of us)|draw (?:\S+ )?attention|remember|forget|lose sight of|lose (?:hope|heart)|note|notice|acknowledge|admit|bear in mind|keep in mind|underline|stress|emphasi[sz]e|point out|recall|say|add|mention|confess|be clear|be frank|be honest|be reminded)`),
			triggers: []string{"must", "should", "ought", "need", "have to", "it is", "let "}},
		// The speaker's own agenda ("let us now turn to the veto", "let us
		// look back on the year"); "let us go back to the table" asks.
		{re: lowerWord(`let us (?:now |then |first |next |also |briefly )?(?:(?:turn|move|come|go|move on|get back|return) to|(?:go|look|think) back(?: in time|\s*[.,;:!]|$| (?:over|on|at) (?:the|our|this|these)))`),
			kinds:    []string{ProposalCallOn},
			triggers: []string{"let us"}},
		{re: lowerWord(`(?:we|i|one)(?: \S+)? (?:must|should|ought to|need to|have to)(?: also| therefore| first| again)? (?:register|voice|regret|deplore|place on record|put on record)`),
			kinds:    []string{ProposalShould, ProposalMust},
			triggers: []string{"register", "voice", "regret", "deplore", "on record"}},
		// The same minding in the passive, said of "it" or followed by
		// what is minded ("it must be noted", "should be recalled that");
		// "the claim should be recognized by all" asks.
		{re: lowerWord(`(?:it|this|that) (?:must|should|ought to) (?:also )?be (?:noted|recalled|said|recogni[sz]ed|acknowledged|stressed|emphasi[sz]ed|underlined|pointed out|borne in mind|remembered|mentioned|admitted|added)|(?:must|should|ought to) (?:also )?be (?:noted|recalled|said|recogni[sz]ed|acknowledged|stressed|emphasi[sz]ed|underlined|pointed out|borne in mind|remembered|mentioned|admitted|added)(?: here| again| too| first)?(?: that|,)`),
			kinds:    []string{ProposalShould, ProposalMust},
			triggers: []string{"be noted", "be recalled", "be said", "be recogni", "be acknowledged", "be stressed", "be emphasi", "be underlined", "be pointed", "be borne", "be remembered", "be mentioned", "be admitted", "be added"}},
		// "Has to" before what one has rather than what one must do ("the
		// obligation the Council has to the Assembly", "has to do with").
		{re: lowerWord(`(?:has|have|had) to (?:the|a|an|its|their|our|his|her|this|that|these|those|do with|offer|say)`),
			kinds:    []string{ProposalMust},
			triggers: []string{"has to", "have to", "had to"}},
		// A call or a proposal named back without its object ("as we have
		// long called for.", "the visit, which you proposed, …"): what is
		// asked is said elsewhere, often by another.
		{re: lowerWord(`(?:have|has|had) (?:\S+ )?(?:been )?(?:call(?:ed|ing)|ask(?:ed|ing)|push(?:ed|ing)|advocat(?:ed|ing)) for(?:\s*[.,;:!)"”’]|\s*$| (?:during|over|since|in the past|all along|ever since|many times|so long|for (?:\S+ )?(?:years|decades|months|long|some time|a long time)))|(?:which|that|as|what) (?:you|he|she|they|we|it|i) (?:\S+ )?(?:proposed|suggested|recommended|requested|urged|advocated)(?:\s*[.,;:!)]|\s*$| and)`),
			triggers: []string{"called for", "calling for", "asked for", "asking for", "pushed for", "pushing for", "advocated for", "advocating for", "proposed", "suggested", "recommended", "requested", "urged", "advocated"}},
		// A track record is told, not a request made ("as a country which
		// has long advocated…", "we have put our energy into pushing for…").
		{re: lowerWord(`as an? (?:\S+ ){0,4}?(?:which|that|who) (?:has|have) (?:\S+ ){0,2}?(?:advocated|championed|promoted|pushed for|called for)|(?:energy|efforts?|time|work) (?:into|in) (?:pushing|advocating|calling) for`),
			triggers: []string{"advocated", "championed", "promoted", "pushed for", "called for", "pushing for", "advocating for", "calling for"}},
		// What a text asks is its provision, told ("a note encouraging
		// co-penholdership", "the resolution calling on the parties").
		{re: lowerWord(`encouraging|urging|calling (?:up)?on|calling for|inviting|requesting|recommending`),
			triggers: []string{"encouraging", "urging", "calling", "inviting", "requesting", "recommending"},
			after:    regexp.MustCompile(`\b(?:note|resolution|decision|letter|declaration|statement|document|paper|text)\b[^,;.]{0,50}$`)},
		// Praise for inviting someone is thanks, not an invitation
		// ("we thank the presidency for convening and inviting…").
		{re: lowerWord(`inviting`),
			triggers: []string{"inviting"},
			after:    regexp.MustCompile(`\bfor(?: \S+){0,5} ?$`)},
		// What a decision or a text lays down, or what was agreed, is told,
		// not asked ("they decided that the draft should no longer…", "the
		// note provides that the Council should…", "it was agreed that the
		// parties should…", "they agreed that it is necessary to…"), and so
		// is what a body recommended or requested in its decision ("the
		// Assembly recommended that a meeting should be held"), over all
		// the clauses it joins; "we agree that the Council should" backs it,
		// and "but" or the speaker's own belief opens the speaker's point.
		{re: lowerWord(`should|shall|must|(?:it is|it was) (?:\S+ )?(?:necessary|essential|imperative|vital|crucial|important) (?:to|that)`),
			triggers: []string{"decided that", "provides that", "provided that", "stipulates that", "stipulated that", "specifies that", "specified that", "agreed that", "recommended that", "requested that", "resolved that"},
			kinds:    []string{ProposalShould, ProposalMust},
			reach:    200,
			after:    regexp.MustCompile(`\b(?:decided|resolved|provides|provided|stipulates|stipulated|specifies|specified|(?:assembly|council|it|organ|body|summit|conference) (?:\S+ ){0,2}?(?:recommended|requested|resolved)|(?:was|were|been) agreed|(?:council|members|participants|they) (?:\S+ )?agreed) that\b[^;.]{0,170}$`),
			unless:   regexp.MustCompile(`\b(?:but|however|yet|although|whereas|while)\b[^;.]*$|\b(?:we|i) (?:\S+ )?(?:believe|think|consider|feel|hope|insist|stress|urge|maintain|are convinced)\b[^;.]*$`)},
		{re: lowerWord(`(?:should|must|ought to|would|could|might)(?: not)? have (?:been|had|done|made|taken|given|seen|kept|held|\S+ed)`),
			triggers: []string{"should have", "must have", "to have", "would have", "could have", "might have", "not have"}},
		{re: regexp.MustCompile(`(?:[^.!?;:\s]\s+(?:whether|what|how)|^\W*whether)(?:\s[^\s,;:]+){0,6}?\s(?:should|must|ought to|needs? to|has to|have to|could)\b`),
			triggers: []string{" whether ", "whether ", " what ", " how "}},
		// Calls named as a noun: after a determiner, a preposition or a
		// conjunction that opens a noun ("at a time when calls for reform
		// are growing", "amid widespread calls for"), or opening the
		// sentence; the speaker who makes, issues or takes them up asks.
		{re: lowerWord(`calls?(?: (?:once again|again|also|further|therefore|today|now|repeatedly|strongly|urgently|firmly|consistently|once more))? (?:for|on|upon)`),
			triggers: []string{"call"},
			after:    regexp.MustCompile(`(?:^\W*|(?:^|[^\p{L}\p{N}])(?:(?:the|a|an|your|their|his|her|its|these|those|such|repeated|many|several|numerous|recent|growing|long-?standing|frequent|noted|\S+['’]s)(?: \S+(?:ed|ing|ous|ful|al|ive|ic|worn))?|(?:when|as|amid|amidst|despite|after|with|where|of|against)(?: (?:widespread|urgent|fresh|strong|loud|louder|new|renewed|growing|mounting|increasing|insistent|persistent|repeated|many|numerous))?|widespread|urgent|fresh|louder|mounting|increasing|insistent|persistent) ?)$`),
			unless:   regexp.MustCompile(`\b(?:echo\w*|join\w*|reiterat\w*|renew\w*|repeat(?:s|ing)?|restat\w*|sound\w*|voic\w*|support\w*|endors\w*|add (?:our|my) voice to|associat\w*|made|make|makes|making|issu\w*|launch\w*)(?: \S+){0,5} ?$`)},
		{re: lowerWord(`need (?:to|for)`),
			triggers: []string{"need"},
			after:    regexp.MustCompile(`(?:^|[^\p{L}\p{N}])(?:the|a|an)(?: \S+)? ?$`),
			unless:   regexp.MustCompile(`\b(?:stress|emphasi[sz]|underlin|underscor|highlight|reiterat|reaffirm|insist|point|focus|agree(?:s|d|ing)?\b|convinced|advoca|note[sd]?\b|noting)\w*(?: \S+){0,4} ?$|\bthere (?:is|was|remains|exists)(?: \S+){0,2} ?$|\b(?:we|i) (?:\S+ )?(?:agree|concur)\w*(?: \S+){0,7} on(?: the)? ?$`)},
		// A courtesy put as a duty ("my first words must be to thank you"),
		// the Charter's own obligations told ("under Article 24 (3), the
		// Council must submit…"), being encouraged by something, praise for
		// encouraging it, and support for a meeting, for the people who
		// chair or for a State's application or candidacy.
		{re: lowerWord(`(?:must|should|shall) be to (?:thank|congratulat\S*|express|welcome|commend|pay tribute|convey|salute)|(?:under|according to|in accordance with|in line with|pursuant to|as) (?:the charter|article|articles|chapter)[^;.]{0,70}?(?:must|shall)|(?:must|shall) act (?:\S+ ){0,3}?(?:in accordance with|under|pursuant to) (?:the charter|article|articles|chapter)|(?:am|are|is|was|were|feel|felt|be|been)(?: \S+|, \S+,)? encouraged (?:to (?:note|see|learn|hear|observe)|by|that)|for encouraging|support\S* (?:for )?(?:the )?(?:convening|holding|organi[sz]ation|organi[sz]ing) of (?:this|the present|today['’]s|the) (?:\S+ )?(?:debate|meeting|session)|support\S* (?:to|for) (?:the )?(?:new )?(?:co-?chairs?|chairs?|president|presidency|facilitators?|candida\S+)|support\S* (?:\S+ )?(?:the |its |their |\S+['’]s )?(?:application (?:submitted by|for (?:admission|membership))|candidac(?:y|ies)|candidatures?|bids? for (?:a )?(?:seat|membership))`),
			triggers: []string{"be to", "under article", "under chapter", "the charter", "to article", "with article", "as article", "encouraged", "encouraging", "support"}},
		// A measure to judge by ("progress must be measured against how
		// far there is to go") or what a thing is to be taken for ("good
		// methods should be regarded as a precondition"): a way of seeing
		// a thing, not a change asked.
		{re: lowerWord(`(?:must|should|ought to|has to|have to|needs? to)(?: also| therefore| always| rightly| not)? be (?:(?:measured|judged|weighed|seen|viewed|read|understood) (?:against|in (?:the )?(?:light|context) of)|(?:regarded|seen|viewed|considered|understood|treated) as)`),
			kinds:    []string{ProposalShould, ProposalMust},
			triggers: []string{"against", "light of", "context of", "regarded as", "seen as", "viewed as", "considered as", "understood as", "treated as"}},
		// What the world is said to need of the Council, its capacity to
		// act ("the Organization needs a Council able to act swiftly", "we
		// need a Council that hears all sides and is able to decide"): the
		// Council's purpose, not a change asked of it.
		{re: lowerWord(`(?:needs|need) an? (?:\S+ )?(?:security )?council (?:that|which) (?:[^.;]{0,80}? )?(?:is|will be) (?:\S+ )?(?:able|capable) (?:to|of) (?:act|acting|respond|responding|prevent|preventing|address|addressing|deal|dealing|meet|meeting|resolve|resolving|take|taking|make|making|decide|deciding)`),
			kinds:    []string{ProposalMust},
			triggers: []string{"able to", "able of"}},
		// The Council's duty said in general ("the Council must fulfil its
		// mandate effectively, especially now"): its purpose again, where
		// "must discharge its duties with fewer closed meetings" asks.
		{re: lowerWord(`(?:must|should|needs? to|has to|have to)(?: \S+ly| also| always| therefore)? (?:fulfil|fulfill|discharge|live up to|carry out|exercise|shoulder|meet) (?:its|their) (?:\S+ )?(?:mandates?|responsibilit(?:y|ies)|duty|duties|obligations?|functions?|role)(?: (?:effectively|fully|properly|faithfully|responsibly|efficiently))?(?:\s*(?:[,.;:!]|$)| under the charter| in accordance| on behalf| especially| in (?:these|this|such)| at (?:a|this) time)`),
			kinds:    []string{ProposalShould, ProposalMust},
			triggers: []string{"mandate", "responsibilit", "duty", "duties", "obligation", "function", "role"}},
		// No need ("there is no need to repeat"), a request made to the
		// speaker by someone else ("the concept note invites us to",
		// "the co-chairs have urged us to"), and what an occasion should be
		// ("this debate should be an opportunity to take stock").
		{re: lowerWord(`(?:there is|there['’]s|there was|(?:we|i|you) (?:\S+ )?(?:see|have)) (?:no|little) need (?:to|for)|need not|needn['’]t|(?:invites|invited|asks|asked|requests|requested|urges|urged|encourages|encouraged) (?:us|me) to|(?:debate|meeting|session|exchange|discussion|dialogue) (?:\S+ )?should (?:also )?be (?:an? |the )?(?:\S+ )?(?:opportunity|occasion|chance|moment)`),
			triggers: []string{"no need", "little need", "need not", "needn", "us to", "me to", "opportunity", "occasion", "chance", "moment"}},
		// What a text asks, told in the present ("note 507 already
		// encourages presidencies to…", "the resolution calls on the
		// parties…"), and the questions or the time a meeting's speakers
		// are asked to keep to ("inviting speakers to address three
		// questions", "I would ask speakers to keep to four minutes").
		{re: lowerWord(`encourages|urges|calls (?:up)?on|calls for|invites|requests|recommends|asks`),
			triggers: []string{"encourages", "urges", "calls", "invites", "requests", "recommends", "asks"},
			after:    regexp.MustCompile(`\b(?:the (?:concept )?note|note(?: s/\d{4}/)? ?507|the (?:\S+ )?resolution|the charter|the handbook|the (?:presidential )?statement|the declaration|the decision|the compendium|the document|(?:the|its|this|that|his|her|their|\S+['’]s) (?:\S+ )?(?:concept paper|non-paper|paper|draft|text|report))\b[^,;.]{0,40}$`)},
		{re: lowerWord(`(?:invit|ask|request|urg|remind|encourag)\w* (?:all )?(?:speakers|delegations|participants|delegates) to (?:address|reflect|focus|answer|respond|keep|limit|be brief|confine|observe|speak)`),
			triggers: []string{"speakers to", "delegations to", "participants to", "delegates to"}},
		// Acting against conflict said as the Council's work ("members must
		// act to prevent conflict from spreading", "decisive action by the
		// Council is needed to prevent…"): its purpose, not a change.
		{re: lowerWord(`(?:must|should|needs? to|has to|have to) act (?:\S+ly |together |now |early )?to (?:prevent|stop|end|halt|contain)|action by the (?:security )?council (?:is|are) (?:\S+ly |also )?(?:needed|required) to (?:prevent|stop|end|halt|contain|respond)`),
			kinds:    []string{ProposalShould, ProposalMust},
			triggers: []string{"act ", "action by"}},
		// A record or a purpose told, not a change backed: a longstanding
		// advocate of something, a group formed "in order to push for"
		// reform, and a duty or an opportunity "to propose" solutions that
		// all members have; the speaker who takes the opportunity, or
		// would like to propose, proposes.
		{re: lowerWord(`(?:an?|the|as) (?:\S+ )?(?:long-?standing|long-?time|consistent|constant|traditional|early|persistent|historic) advocates?|(?:in order|so as) to (?:push|advocate|press|call|campaign|lobby) for`),
			kinds:    []string{ProposalCallOn, ProposalSupport},
			triggers: []string{"advocate", "order to", "so as to"}},
		{re: lowerWord(`to (?:propose|suggest|recommend)`),
			kinds:    []string{ProposalRecommend, ProposalPropose},
			triggers: []string{"to propose", "to suggest", "to recommend"},
			reach:    180,
			after:    regexp.MustCompile(`\b(?:responsibilit(?:y|ies)|dut(?:y|ies)|obligations?|opportunit(?:y|ies)|chance|role|task)\b[^.;:!?]{0,150}$`),
			unless:   regexp.MustCompile(`\b(?:take|takes|taking|took|use|using|seize|seizing|avail|would like|wish|want|allow me|let me|let us)\b[^.;:!?]*$`)},
		// The speaker's own speaking put as a duty ("I also need to
		// clarify some points", "I must turn to…"): what the speaker will
		// say, not a change asked.
		{re: lowerWord(`i (?:\S+ )?(?:must|need to|have to|should)(?: also| first| now| briefly| therefore| again)? (?:clarify|explain|inform|share|refer|touch (?:on|upon)|reiterate|repeat|express|highlight|turn|comment|respond|reply|mention|conclude|end|begin|start|close|update|report|point out|recall|add|say|admit|confess|thank|congratulate|apologi[sz]e|welcome|acknowledge)`),
			kinds:    []string{ProposalShould, ProposalMust},
			triggers: []string{"i must", "i need", "i have to", "i should", "i also", "i therefore", "i now", "i first", "i would", "i will"}},
		// An idiom: what "should come as no surprise" is a fact told.
		{re: lowerWord(`(?:should|must|ought to)(?: \S+)?(?: not)? (?:come as (?:a|no|any) (?:\S+ )?surprise|be (?:a |no |any )?(?:\S+ )?surprise|surprise (?:anyone|anybody|us|no one))`),
			kinds:    []string{ProposalShould, ProposalMust},
			triggers: []string{"surprise"}},
		// A wish for progress that names no change ("we would like to see
		// quick progress."); "progress on publishing the programme" names one.
		{re: lowerWord(`(?:would (?:also |really |very much )?like|want|wish|hope) to see (?:\S+ ){0,2}?progress(?:\s*(?:[.,;:!]|$)| (?:on|in) (?:this|that|these|the) (?:issue|matter|question|file|regard|front|area)s?)`),
			kinds:    []string{ProposalSupport},
			triggers: []string{"progress"}},
		// Support conceded before a reservation ("while we support this
		// approach, we note that the framework does not allow it"): the
		// point is the reservation.
		{re: lowerWord(`(?:while|whilst|although|though|even as) (?:\S+ ){0,4}?(?:support|supports|supported)`),
			kinds:    []string{ProposalSupport},
			triggers: []string{"while", "whilst", "though", "even as"}},
		// One's own long record of asking ("we have called for better
		// working methods for many years"): told, not asked anew.
		{re: lowerWord(`(?:has|have|had) (?:long |consistently |repeatedly |always )?(?:called|pushed|advocated|argued) for [^.;:]{1,120}? (?:for (?:many |several |some |a number of |\S+ )?(?:years|decades)|since (?:\d{4}|its|their|our|the))`),
			triggers: []string{"called for", "pushed for", "advocated for", "argued for"}},
		// What a text lays down, told (before the request told as history
		// takes the verb away): a provision a text or an article states
		// ("Article 108 states that the amendment must be ratified", "the
		// Charter requires that…"), and what had been agreed or proposed
		// before ("the summit had agreed that any such resolution must…",
		// "there had been an understanding that … should", "all had agreed on
		// the need for enlargement"). The modal or the need is the text's
		// or the history's, not the speaker's.
		{re: lowerWord(`(?:article \d+|charter|text|draft|resolution|declaration|note|paper|decision|statute)(?: \S+){0,6}? (?:states?|stated|provides|provided|stipulates|stipulated|specifies|specified|says|reads|requires|required)(?:,[^,;]{1,60},)? that\b[^;]{0,220}?\b(?:should|shall|must)|(?:article \d+|charter|text|draft|resolution|declaration|note|paper|decision|statute|rules)(?: \S+){0,6}? (?:requires?|required) that|had (?:\S+ ){0,2}?(?:agreed|proposed|decided|recommended|suggested|requested|urged|called for|been (?:an? )?(?:\S+ )?(?:understanding|agreement|consensus))(?: (?:\S+ ){0,8}?that)?\b[^;.]{0,200}?\b(?:should|shall|must|needs? (?:to|for))`),
			kinds:    []string{ProposalShould, ProposalMust},
			triggers: []string{"state that", "states that", "states,", "stated that", "stated,", "provides", "provided", "stipulat", "specifie", "says that", "says,", "reads", "requires that", "required that", "had "}},
		// A request told as history: made before the time of the telling
		// ("world leaders had called for…", "she recalled that the group
		// had proposed…"), kept up over time ("Germany has consistently
		// advocated for…", "the membership has repeatedly requested…"),
		// or named back as the source of a thing ("reform as called for at
		// the Summit", "its recommended actions", "a proposed schedule").
		{re: lowerWord(`had (?:\S+ )?(?:called|requested|urged|asked|recommended|proposed|suggested|demanded|appealed|encouraged|invited|advocated|pushed|expressed (?:\S+ )?support)|(?:has|have|had) (?:\S+ )?(?:long|consistently|repeatedly|always|constantly|persistently|often|frequently|continuously) (?:called|pushed|advocated|argued|championed)|as (?:\S+ly )?(?:called for|recommended|proposed|suggested|urged|demanded|requested|advocated) (?:by|in|at|during|under)|(?:its|their|the|a|an|this|his|her|our|your|these|those|\S+['’]s) (?:\S+ly )?(?:recommended|proposed|suggested)`),
			triggers: []string{"called", "requested", "urged", "asked", "recommended", "proposed", "suggested", "demanded", "appealed", "encouraged", "invited", "advocated", "pushed", "support", "argued", "championed"}},
		// What the membership has long asked of the Council, told ("the
		// Assembly has repeatedly requested the Council that…"); a speaker's
		// own urging kept up ("Australia has consistently urged the Council
		// to…") still asks.
		{re: lowerWord(`(?:has|have|had) (?:\S+ )?(?:long|consistently|repeatedly|always|constantly|persistently|often|frequently|continuously) (?:asked|requested|urged|demanded|appealed)`),
			triggers: []string{"asked", "requested", "urged", "demanded", "appealed"},
			after:    regexp.MustCompile(`\b(?:membership|assembly|member states|delegations|speakers|states|members|majority)\b[^,;.]{0,40}$`)},
		// Agreeing with a group's statement is an alignment, not a change
		// backed ("we fully support the statement delivered on behalf of
		// the group"); the statement's calls are its own.
		{re: lowerWord(`support\w*(?: \S+)? (?:the|this|that) (?:joint )?statements? (?:to be )?(?:delivered|made|read|presented|given|issued|held|pronounced)(?: \S+){0,6}? (?:by|on behalf)`),
			kinds:    []string{ProposalSupport},
			triggers: []string{"statement"}},
		// The purpose of an occasion ("the debate is an opportunity for
		// Member States to propose ways…"); taking the opportunity to call
		// on someone is a call.
		{re: lowerWord(`(?:opportunity|chance|occasion|platform|forum|venue) (?:for (?:\S+ ){1,4}?)?to (?:propose|suggest|recommend|call|urge|request|ask|advocate|push|invite|encourage)`),
			triggers: []string{"opportunity", "chance", "occasion", "platform", "forum", "venue"},
			unless:   regexp.MustCompile(`\b(?:take|takes|taking|took|use|uses|using|seize|seizing|avail)\w*(?: \S+){0,3} ?$`)},
		// A remembrance ("their sacrifice must never be forgotten"), a need
		// that describes a time ("in a period when we still need to take
		// care"), and the request a letter makes for its own circulation.
		{re: lowerWord(`(?:must|should|ought to|shall|will|can|may)(?: never| not|n['’]t)(?: ever)? be forgotten|(?:period|time|times|moment|era|situation|context|circumstances|world) (?:where|when|in which) (?:we|they) (?:\S+ )?(?:still |also )?(?:need to|have to|must)|(?:should|would) be grateful if [^.;]{0,120}?(?:circulated|distributed|brought to the attention)`),
			triggers: []string{"forgotten", "where we", "when we", "which we", "where they", "when they", "which they", "grateful"}},
		{re: lowerWord(`urged|called (?:up)?on|called for|requested|asked|encouraged|invited|decided|recommended|demanded|supported|expressed (?:its|their) (?:\S+ )?support`),
			triggers: []string{"urged", "called", "requested", "asked", "encouraged", "invited", "decided", "recommended", "demanded", "supported", "support"},
			after:    regexp.MustCompile(`(?:^|[^\p{L}\p{N}])(?:the (?:security )?council|council members|members of the (?:security )?council|the organ|the presidency|the (?:concept )?note|the resolution|the statement)(?:\s[^,;.]{0,39})?$`)},
		// The Assembly opening a clause as the one who asks ("By that text, the
		// Assembly urged the international community…", "the Assembly this
		// morning called for…"): its resolution's terms. Its President and the speakers it hears ask in their own name.
		{re: lowerWord(`urged|called (?:up)?on|called for|requested|asked|encouraged|invited|decided|recommended|demanded`),
			triggers: []string{"assembly urged", "assembly called", "assembly requested", "assembly asked", "assembly encouraged", "assembly invited", "assembly decided", "assembly recommended", "assembly demanded", "assembly also", "assembly further", "assembly this", "assembly today", "assembly yesterday"},
			after:    regexp.MustCompile(`(?:^|[,;:]\s*)the (?:general )?assembly(?: also| further| then| today| yesterday| this (?:morning|afternoon|evening|week))* ?$`)},
		// An editorial note on a text ("it should read as follows:").
		{re: lowerWord(`should (?:now )?read(?: as follows)?\s*:|should read as follows|(?:should|shall) (?:now )?read ["“]`),
			kinds:    []string{ProposalShould},
			triggers: []string{"read"}},
		// A satisfaction ("it is encouraging to see the report on time",
		// "encouraging improvements have been made"), not an encouragement
		// given.
		{re: lowerWord(`(?:it|this|that) (?:is|was|has been|remains)(?: \S+ly| also| indeed| very| most| particularly)? encouraging|encouraging (?:to (?:see|note|hear|learn|observe|witness|know)|signs?|developments?|steps?|trends?|news|results?|progress|improvements?|changes?|achievements?|outcomes?|examples?|start|beginning)`),
			kinds:    []string{ProposalEncourage},
			triggers: []string{"encouraging"}},
		// Someone asked, told in the passive ("a non-member was not invited
		// when it should have been", "members were encouraged to…"): whoever
		// asked is not the speaker, and often a text; "should be requested
		// to" keeps its modal.
		{re: lowerWord(`(?:was|were|is|are|been|be|being)(?: not| never| also| further| again| strongly| therefore)? (?:invited|encouraged|urged|requested|called upon|asked)`),
			triggers: []string{"invited", "encouraged", "urged", "requested", "called upon", "asked"}},
		// Another's request told: what the chair addressed asked of the
		// speakers ("you invited Member States to reflect on…", "we
		// appreciate your request that we not repeat…") and the decision
		// someone took to ask ("the decision of the presidency to invite
		// briefers"). Whoever asked is not the speaker; a group's request
		// the speaker reiterates is the speaker's.
		{re: lowerWord(`you (?:\S+ )?(?:invited|asked|requested|urged|encouraged|called (?:up)?on)|(?:your|their|his|her|its|\S+['’]s) (?:\S+ )?requests? (?:that|for|to)|(?:decision|initiative|choice|offer)(?: (?:of|by)(?: \S+){1,4}?)? to (?:invite|encourage|propose|request|urge|ask|call (?:up)?on|call for)`),
			triggers: []string{"you", "request", "decision", "initiative", "choice", "offer"},
			unless:   regexp.MustCompile(`\b(?:reiterat|renew|repeat|restat|reaffirm|echo|join|support|endors|shar)\w*(?: \S+){0,2} ?$`)},
		// A condition put as a question ("Should a general agreement be
		// reached, …"), not a modal.
		{re: regexp.MustCompile(`(?:^\W*|[,;:]\s+)should (?:a|an|the|this|that|these|those|it|they|we|there|any|such|consensus|agreement)(?:[^\p{L}]|$)`),
			kinds:    []string{ProposalShould},
			triggers: []string{"should"}},
		// Calls on the parties to a conflict ("we urge both countries to
		// exercise maximum restraint", the Council "urging the peaceful
		// resolution of conflicts", "the negotiated settlement of all
		// issues"): addressed to others on another
		// subject than the Council's work. Restraint in the use of the
		// veto is asked of the Council.
		{re: lowerWord(`(?:urg|call|appeal|ask)\w*(?: (?:up)?on| for| to)? (?:\S+ ){0,6}?(?:to )?(?:exercise (?:maximum |utmost |the utmost )?restraint(?:\s*[.,;:]|$| and| from)|(?:the |a )?(?:peaceful|negotiated|political) (?:resolution|settlement) of (?:conflicts|disputes|all (?:outstanding )?issues)|(?:an? )?(?:immediate )?(?:ceasefire|cease-fire|cessation of hostilities))`),
			triggers: []string{"restraint", "peaceful", "negotiated", "political", "ceasefire", "cease-fire", "cessation"}},
		// What the Council must be said in general ("the Council must be as
		// efficient as possible so that its decisions…"): its purpose, where
		// "must be more transparent" asks for a change.
		{re: lowerWord(`(?:council|it|body|organ) (?:must|should|needs? to|has to) (?:also |always |therefore )?(?:be|remain) (?:as )?(?:efficient|effective|credible|legitimate|strong|united|relevant|capable|decisive)(?: and (?:efficient|effective|credible|legitimate|strong|united|relevant|capable|decisive))?(?: as possible)?(?:\s*[,.;:]|$| so that| in order| if)`),
			kinds:    []string{ProposalShould, ProposalMust},
			triggers: []string{"efficient", "effective", "credible", "legitimate", "strong", "united", "relevant", "capable", "decisive"}},
	},
	"fr": {
		// Courtesies, the floor, a group asking the speaker to speak for it, a
		// need as a condition, relying on something ("nous nous appuyons
		// sur"), arguing ("nous soutenons que"), having recourse ("faire
		// appel à") and a candidate asking for support.
		{re: lowerWord(`je (?:voudrais|souhaiterais|tiens à)(?: (?:aussi|également|tout d['’]abord|d['’]abord|enfin|ici|maintenant|donc))* (?:\p{L}+(?:er|ir|re|oir)|m['’]\p{L}+|vous)|j['’]invite|à la demande (?:de|du|des)`),
			triggers: []string{"je ", "j'", "j’", "à la demande"}},
		{re: lowerWord(`invitée?s? à (?:prendre la parole|s['’]exprimer)|(?:demand|sollicit)\p{L}* (?:à prendre |à nouveau |de nouveau )?la parole|demand\p{L}* à (?:prendre la parole|intervenir|s['’]exprimer)`),
			triggers: []string{"parole", "intervenir", "exprimer"}},
		{re: lowerWord(`(?:m['’]|nous) (?:ont|a) (?:\S+ )?(?:demandé|prié|chargée?) (?:de |d['’])(?:prendre|m['’]exprimer|nous exprimer|parler|lire|présenter|prononcer|faire|donner|intervenir)|(?:j['’]ai|je suis) été (?:\S+ )?(?:priée?|chargée?|invitée?)`),
			triggers: []string{"demandé", "prié", "chargé", "été invité"}},
		{re: lowerWord(`(?:si|lorsque|lorsqu['’]|quand|où|chaque fois que|dans la mesure où|tant que)(?: \S+){0,4}? (?:est|sont|serait|sera|s['’]avèrent?|paraît|semble) (?:\S+ment |aussi |encore |vraiment )?(?:nécessaires?|indispensables?|requise?s?)|si (?:cela est |c['’]est )?nécessaire|au besoin|en cas de besoin`),
			triggers: []string{"nécessaire", "indispensable", "requis", "besoin"}},
		{re: lowerWord(`(?:nous nous|s['’]|se|m['’]|me) appuy\p{L}*|appuyant`), triggers: []string{"appuy"}},
		{re: lowerWord(`soutenons que|soutient que|soutiennent que`), triggers: []string{"soutenons que", "soutient que", "soutiennent que"}},
		{re: lowerWord(`(?:faire|fait|faisant|font|fera|feront) appel`), triggers: []string{"faire appel", "fait appel", "faisant appel", "font appel", "fera appel", "feront appel"}},
		{re: lowerWord(`(?:sollicit|demand)\p{L}* (?:le|votre|leur) (?:soutien|appui|vote) (?:de|des|à) (?:tous|toutes|l['’]\p{L}+|les)`), triggers: []string{"le soutien", "votre soutien", "leur soutien", "le vote", "votre vote", "leur vote", "votre appui", "leur appui"}},
		{re: lowerWord(`(?:(?:nous|je|on)(?: ne)? (?:devons|dois|doit|devrions|devrais|devrait)|il (?:(?:nous|me) )?(?:faut|faudrait)|il (?:(?:nous|me) )?(?:convient|conviendrait|importe) (?:de|d['’])|il est (?:\S+ )?(?:important|essentiel|nécessaire|bon|utile|juste|honnête) (?:de|d['’]))(?: (?:aussi|également|donc|toutefois|cependant|néanmoins|bien|tous|pas|d['’]abord|enfin|ici|le|ne pas))* ?(?:reconnaître|rappeler|souligner|noter|constater|admettre|oublier|garder à l['’]esprit|avoir à l['’]esprit|dire|ajouter|mentionner|avouer|être (?:clairs?|francs?|honnêtes?|lucides?)|signaler|relever|insister|observer|remarquer|se (?:rappeler|souvenir)|nous (?:rappeler|souvenir)|préciser|faire (?:observer|remarquer))|(?:doit|faut|convient de) (?:être )?(?:noté|rappelé|souligné|reconnu)`),
			kinds:    []string{ProposalShould, ProposalMust},
			triggers: []string{"reconna", "rappel", "soulign", "noter", "noté", "notons", "constat", "admett", "oubli", "esprit", "dire", "ajouter", "mentionner", "avouer", "être clair", "être franc", "être honnête", "être lucide", "signaler", "relever", "insister", "observer", "remarquer", "souven", "préciser", "soyons", "reconnu"}},
		{re: lowerWord(`(?:rappelons|n['’]oublions pas|reconnaissons|notons|souvenons|soyons (?:clairs|francs|honnêtes|lucides|réalistes)|gardons à l['’]esprit)(?:-nous)?`),
			triggers: []string{"rappelons", "oublions", "reconnaissons", "notons", "souvenons", "soyons", "gardons"}},
		{re: lowerWord(`(?:aurai(?:t|ent|s)?|aurions|auriez|eût|eussent) (?:\S+ )?(?:dû|pu|fallu)|aurai(?:t|ent) été (?:\S+ )?(?:préférable|utile|souhaitable|bon|nécessaire)|devr\p{L}* (?:\S+ )?avoir (?:été|dû|pu|fait|pris|agi|\p{L}+é)`),
			kinds:    []string{ProposalShould, ProposalMust},
			triggers: []string{"aurai", "aurions", "auriez", "eût", "eussent", "avoir"}},
		{re: lowerWord(`(?:(?:se|nous nous|me|vous vous) demand\p{L}*|interrog\p{L}*|savoir|quant à|divisée?s? sur|débatt\p{L}*(?: sur| de)?|déterminer|décider|examiner)(?: \S+){0,3}? (?:si|s['’]il|s['’]ils|comment|quand|pourquoi|ce que|ce qu['’]\p{L}+|quel\p{L}*|combien)(?: [^\s,;:]+){0,8}? (?:devr\p{L}*|doi\p{L}*|dev\p{L}*|faudrait|faut|fallait)`),
			kinds:    []string{ProposalShould, ProposalMust},
			triggers: []string{"se demand", "nous nous demand", "me demand", "vous vous demand", "interrog", "savoir", "quant à", "divisé", "débatt", "déterminer", "décider", "examiner"}},
		{re: lowerWord(`(?:se|nous nous|me|vous vous) demand\p{L}*`), triggers: []string{"se demand", "nous nous demand", "me demand", "vous vous demand"}},
		{re: lowerWord(`appels? (?:(?:lancés?|répétés?|pressants?|renouvelés?) )?(?:à|au|aux|en faveur)|appels? lancés? par`),
			triggers: []string{"appel à", "appels à", "appel au", "appels au", "appel en", "appels en", "appel lancé", "appels lancés", "appel répété", "appels répétés", "appel pressant", "appels pressants", "appel renouvelé", "appels renouvelés"},
			after:    regexp.MustCompile(`(?:^|[^\p{L}\p{N}])(?:l|les|un|une|des|cet|ces|son|ses|leur|leurs|vos|votre|nombreux|plusieurs|maints|nouvel|nouveaux|récents?|derniers?|premiers?) ?$`),
			unless:   regexp.MustCompile(`(?:^|[^\p{L}])(?:associ|joi|réitér|renouvel|répét|repren|reprend|nôtre|écho|appuy|souten|soutien|souscri|relay|ralli|lan[cç]|adress)\p{L}*(?: \S+){0,5} ?$`)},
		{re: lowerWord(`a demandé|ont demandé|demandait|a prié|ont prié|priait|a exhorté|a engagé|a invité|a encouragé|a décidé|a recommandé|a exigé|a appelé|a lancé un appel|a appuyé|a soutenu|a réclamé|a sollicité|a proposé`),
			triggers: []string{"a demandé", "ont demandé", "demandait", "a prié", "ont prié", "priait", "a exhorté", "a engagé", "a invité", "a encouragé", "a décidé", "a recommandé", "a exigé", "a appelé", "a lancé", "a appuyé", "a soutenu", "a réclamé", "a sollicité", "a proposé"},
			after:    regexp.MustCompile(`(?:^|[^\p{L}\p{N}])(?:le conseil(?: de sécurité)?|les membres du conseil|la présidence|la note(?: de réflexion)?|la résolution|la déclaration)(?:[^\p{L}\p{N}][^,;.]{0,40})?$`)},
		// Agreeing with another delegation's statement is an alignment, not
		// a change backed ("nous appuyons la déclaration faite par…").
		{re: lowerWord(`(?:appu|souten|soutien|souscri)\p{L}*(?: \S+)? (?:à )?(?:la|cette) (?:déclaration|intervention) (?:\S+ ){0,8}?(?:par|au nom)`),
			kinds:    []string{ProposalSupport},
			triggers: []string{"déclaration", "intervention"}},
	},
	"es": {
		// Courtesies, the floor, a group asking the speaker to speak for it, a
		// need as a condition, relying on something ("nos apoyamos en"), a
		// cause ("se debe a") and a candidate asking for votes.
		{re: lowerWord(`invito (?:al|a la|a los)|a solicitud de|a petición de`), triggers: []string{"invito", "solicitud", "petición"}},
		{re: lowerWord(`(?:pid|pedi|solicit)\p{L}*(?: \S+)? (?:la palabra|hacer uso de la palabra|intervenir|tomar la palabra)`), triggers: []string{"palabra", "intervenir"}},
		{re: lowerWord(`(?:me|nos) (?:han|ha) (?:\S+ )?(?:pedido|solicitado|encargado|rogado)(?: que)? (?:hablar|intervenir|pronunci\p{L}*|formul\p{L}*|leer|lea|presentar|present\p{L}*|tomar|tome|hacer|haga|dar|d[eé])|se me (?:ha|han) (?:pedido|encargado|solicitado)`),
			triggers: []string{"pedido", "solicitado", "encargado", "rogado"}},
		{re: lowerWord(`(?:si|cuando|donde|siempre que|según|en la medida en que)(?: \S+){0,4}? (?:es|sea|son|sean|resulte|resulten|fuera|fuese|fueran) (?:\S+mente |realmente |también )?(?:necesari[oa]s?|imprescindibles?|precis[oa]s?)|(?:cuando|si|donde) se necesite\p{L}*|de ser necesario|en caso necesario|(?:si|cuando) (?:hace|haga) falta`),
			triggers: []string{"necesari", "imprescindible", "precis", "necesite", "falta"}},
		{re: lowerWord(`(?:se|nos|me) apoy\p{L}* en|apoyándo\p{L}*|apoyarse|apoya (?:en|sobre)`), triggers: []string{"apoy"}},
		{re: lowerWord(`se deb\p{L}* (?:a|al|en parte a|sobre todo a|principalmente a)`), triggers: []string{"se deb"}},
		{re: lowerWord(`(?:solicit|pid|pedi)\p{L}* (?:el|su) (?:apoyo|respaldo|voto) (?:de|a) (?:todos|todas|las|los)`), triggers: []string{"apoyo", "respaldo", "voto"}},
		{re: lowerWord(`(?:debemos|debo|deberíamos|tenemos que|tengo que|hay que|se debe|uno debe|es (?:\S+ )?(?:importante|necesario|justo|bueno|preciso|honesto|esencial))(?: (?:también|además|pues|sin embargo|no|todos|siempre|primero|ahora|por tanto|por ello))* (?:reconocer|recordar|olvidar|señalar|observar|admitir|tener (?:presente|en cuenta)|subrayar|destacar|decir|añadir|mencionar|confesar|ser (?:claros|francos|honestos|sinceros|realistas)|dejar claro|constatar|notar|aclarar|precisar|insistir)|(?:debe|cabe|hay que) (?:ser )?(?:señalad[oa]|recordad[oa]|reconocid[oa]|destacad[oa])|cabe (?:señalar|recordar|destacar|subrayar|mencionar|reconocer|decir|añadir|observar)`),
			kinds:    []string{ProposalShould, ProposalMust},
			triggers: []string{"reconoc", "reconozc", "record", "olvid", "señal", "observ", "admitir", "presente", "en cuenta", "subrayar", "destac", "decir", "añadir", "mencionar", "confesar", "ser claro", "ser franco", "ser honesto", "ser sincero", "ser realista", "seamos", "dejar claro", "constatar", "notar", "aclarar", "precisar", "insistir"}},
		{re: lowerWord(`recordemos|no olvidemos|reconozcamos|seamos (?:claros|francos|honestos|sinceros|realistas)|tengamos (?:presente|en cuenta)`),
			triggers: []string{"recordemos", "olvidemos", "reconozcamos", "seamos", "tengamos"}},
		{re: lowerWord(`(?:debería|deberían|deberíamos|debió|debieron|debimos|tendría|tendrían|tendríamos|habría|habrían|podría|podrían)(?: no)? haber (?:\p{L}+(?:ado|ido|to|cho|so))|(?:debió|debieron|debimos|hubiera|hubiese|hubieran|hubiesen) (?:\S+ )?(?:debido|actuado|sido|tenido)`),
			kinds:    []string{ProposalShould, ProposalMust},
			triggers: []string{"haber", "debió", "debieron", "debimos", "hubie"}},
		{re: lowerWord(`(?:(?:se|nos|me) pregunt\p{L}*|pregunt\p{L}*|saber|decidir|determinar|examinar|divid\p{L}* (?:sobre|en cuanto a)|debati\p{L}*(?: sobre)?|en cuanto a|cuestión de)(?: \S+){0,3}? (?:si|cómo|cuándo|por qué|qué|cuál\p{L}*|cuánt\p{L}*)(?: [^\s,;:]+){0,8}? (?:deb\p{L}*|tendría\p{L}*|tiene que|tienen que|hay que|habría que)`),
			kinds:    []string{ProposalShould, ProposalMust},
			triggers: []string{"pregunt", "saber", "decidir", "determinar", "examinar", "divid", "debati", "en cuanto a", "cuestión de"}},
		{re: lowerWord(`llamamientos? (?:(?:reiterados?|urgentes?|renovados?) )?(?:a|al|para|en favor)|llamamientos? (?:hechos?|formulados?|lanzados?) por`),
			triggers: []string{"llamamiento"},
			after:    regexp.MustCompile(`(?:^|[^\p{L}\p{N}])(?:el|al|del|los|un|unos|este|estos|ese|esos|su|sus|tal|tales|varios|numerosos|reiterados|repetidos|muchos|nuevo|nuevos|último|últimos)(?: \S+)? ?$`),
			unless:   regexp.MustCompile(`(?:^|[^\p{L}])(?:sum|unimos|unirnos|unirse|hac|hic|hiz|formul|lanz|dirig|reiter|renov|reafirm|apoy|respald|secund|suscrib|adher|adhier)\p{L}*(?: \S+){0,5} ?$`)},
		{re: lowerWord(`pidió|solicitó|instó|exhortó|alentó|invitó|decidió|recomendó|exigió|apoyó|respaldó|hizo un llamamiento|llamó a|pedía|solicitaba|exhortaba`),
			triggers: []string{"pidió", "solicitó", "instó", "exhortó", "alentó", "invitó", "decidió", "recomendó", "exigió", "apoyó", "respaldó", "hizo un llamamiento", "llamó", "pedía", "solicitaba", "exhortaba"},
			after:    regexp.MustCompile(`(?:^|[^\p{L}\p{N}])(?:el consejo(?: de seguridad)?|los miembros del consejo|la presidencia|la nota(?: conceptual)?|la resolución|la declaración)(?:[^\p{L}\p{N}][^,;.]{0,40})?$`)},
		// Agreeing with another delegation's statement is an alignment, not
		// a change backed ("Cuba apoya la declaración realizada por…").
		{re: lowerWord(`(?:apoy|respald|suscrib)\p{L}*(?: \S+)? (?:la|esta|esa) (?:declaración|intervención) (?:\S+ ){0,8}?(?:por|en nombre)`),
			kinds:    []string{ProposalSupport},
			triggers: []string{"declaración", "intervención"}},
	},
	"zh": {
		{re: regexp.MustCompile(`相应|应对|回应|反应|适应|供应|因应|应用|响应|效应|答应|对应|应邀|理应当|申请|请允许|谨请|邀请.{0,12}发言|应[^该当]{0,3}邀|应有的|应急`),
			triggers: []string{"应", "请"}},
		{re: regexp.MustCompile(`事宜|适宜|便宜|邀请的|(?:请求|要求)发言|应[^，。；]{0,20}的(?:要求|请求)|如有必要|确有必要时|在必要时|必要时|希望(?:得到|获得)[^，。；]{0,12}(?:支持|投票)`),
			triggers: []string{"宜", "邀请的", "发言", "的要求", "的请求", "必要时", "如有必要", "希望得到", "希望获得"}},
		{re: regexp.MustCompile(`本应|本该|早该|早应|本来应该|是否(?:应|需要|必须|宜)|(?:必须|应当|应该|我们应)(?:认识到|承认|指出|铭记|记住|看到)|值得(?:指出|注意)的是`),
			triggers: []string{"本应", "本该", "早该", "早应", "本来应该", "是否", "认识到", "承认", "指出", "铭记", "记住", "看到", "值得"}},
		{re: regexp.MustCompile(`安理会(?:曾|此前|先前|曾经)(?:要求|呼吁|敦促|鼓励|邀请|吁请|促请|决定)|安理会(?:曾|已)?在[^，。；]{0,30}(?:决议|声明)中(?:曾|已)?(?:要求|呼吁|敦促|鼓励|邀请|决定|吁请|促请)`),
			triggers: []string{"曾", "此前", "先前", "决议", "声明"}},
	},
	"ru": {{re: lowerWord(`хотел(?:а|и)? бы`), triggers: []string{"хотел"}}},
	"ar": {{re: regexp.MustCompile(`أود أن`)}},
}

// unguard blanks out of s the uses of markers the language's guards name;
// held tells which guards' triggers s holds.
func unguard(lm *langMatchers, s string, held, tried uint64) string {
	for gi, g := range lm.guards {
		if g.triggers != nil && held&(1<<(len(lm.kms)+gi)) == 0 || g.markers != 0 && tried&g.markers == 0 || !g.fast.mayMatch(s, true) {
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
			if g.reach > 0 {
				before = s[max(0, m[0]-g.reach):m[0]]
			}
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
	return regexp.MustCompile(lowerWordOpen + p + lowerWordClose)
}

// lowerWordOpen and lowerWordClose bound a word.
const (
	lowerWordOpen  = `(?:^|[^\p{L}\p{N}])(?:`
	lowerWordClose = `)(?:[^\p{L}\p{N}]|$)`
)

// markerTriggers are, per language and marker (in proposalMarkers'
// order), words one of which a lower-cased sentence must hold for the
// marker's expression to be tried; nil tries it always.
var markerTriggers = map[string][][]string{
	"en": {{"call", "appeal", "let us"}, {"echo", "join ", "joins", "joined", "joining", "endors", "associat", "reiterat", "renew", "repeat", "restat", "sound", "voic", "support to"}, {"urg", "exhort"}, {"request", "ask", "demand", "appeal", "plea"}, {"recommend"}, {"propos", "suggest"}, {"encourag"}, {"invit"},
		{"we support", "i support", "they support", "also support", "ly support", "to support", "would support", "will support", "supports", "supported", "advoca", "push", "favo", "want", "welcome", "forward", "merit"},
		{"would like", "also like", "ly like", "much like"},
		{"hope"},
		{"support for", "endors"},
		{"should", "ought", "benefit", "would be", "room", "case for", "case to", "expect", "council could"},
		{"usefully", "report could", "introduction could", "deserve", "advisable", "preferable", "prefer", "count on", "counts on", "counting on"},
		{"must", "need", "has to", "have to"},
		{"needs ", "we need", "needed", "require", "essential", "important", "necessary", "crucial", "imperative", "vital", "time for", "time to", "time that", "time has", "moment has", "ripe", "importance", "necessity", "urgency"},
		{"an option", "no alternative", "required", "on the importance", "on the necessity", "incumbent", "to be done", "what we", "what the council", "what the membership", "what the assembly", "what member", "needs improv", "needs reform", "needs strength", "needs updat", "needs revis", "needs rethink", "needs overhaul", "needed improv", "needed reform", "needed to", "needed more", "needed greater", "needed better", "needed fuller", "needed further", "urgent", "only by", "only through", "only with", "only if", "only via", "only when", "only be", "only come", "only happen", "only succeed", "only work", "require"}},
	"fr": {{"appel"}, frenchLetUs, {"exhort", "instamment", "vivement"}, {"demand", "prie", "prions", "sollicit", "réclam", "exig", "requête"}, {"recommand"}, {"propos", "sugg"}, {"encourag"}, {"invit"},
		{"appuy", "appui", "souten", "soutien"},
		{"favorable", "partisan", "plaid", "préconis", "prôn", "milit", "souscri", "nôtre"},
		{"souhait", "voudr", "aimer", "féliciterions", "accueillerions", "verrions", "attendons avec", "attendent avec", "attendait avec", "espérons", "espère"},
		{"soutien", "appui"},
		{"devr", "convien", "faudrait", "serai", "gagnerai", "il y a", "utilement", "comptons sur", "compte sur", "comptent sur"},
		{"doi", "devons", "il faut", "il importe"},
		{"essentiel", "important", "nécessaire", "indispensable", "crucial", "impératif", "urgent", "vital", "primordial", "fondamental", "capital", "impérieux", "une option", "autre option", "autre choix", "autre solution", "beaucoup", "ce dont", "incombe", "est temps", "serait temps", "grand temps", "que temps", "désormais temps", "enfin temps", "maintenant temps", "donc temps", "hui temps", "vraiment temps", "moment est venu", "heure est venue"},
		{"besoin", "nécessaire", "requis"},
		{"nécessité", "besoin", "urgence", "importance"}},
	"es": {{"llam"}, spanishLetUs, {"insta", "instó", "exhort", "encarecidamente"}, {"pedimos", "solicit", "rogamos", "pid", "exig", "reclam", "petici", "pedido"}, {"recom"}, {"propon", "propuso", "propusieron", "propuesta", "suger", "sugier"}, {"alent", "alient", "anim", "estimul"}, {"invit"},
		{"apoy", "respald", "partidari", "abog", "propugn", "preconiz", "acoger", "celebraríamos", "veríamos", "vería", "gustaría", "quisiéramos", "querríamos", "desear", "deseamos", "queremos", "esper", "aguard", "confiamos", "suscribimos", "hacemos nuestr", "sumamos", "adherimos", "unimos"},
		{"apoyo", "respaldo"},
		{"deber", "convendría", "habría que", "sería", "beneficiar"},
		{"deb", "hay que", "tiene que", "tienen que", "tenemos que"},
		{"esencial", "importante", "necesari", "fundamental", "imprescindible", "crucial", "indispensable", "urgente", "vital", "preciso", "imperativo", "primordial", " hora", "momento", "opción", "alternativa", "mucho por", "mucho que", "lo que necesit", "lo que hace falta", "lo que nos falta"},
		{"falta", "necesit", "necesari"},
		{"necesidad", "urgencia", "importancia"}},
	"zh": {{"呼吁", "让我们"}, {"敦促", "促请", "吁请"}, {"请", "要求"}, {"建议"}, {"提议", "倡议"}, {"鼓励", "希望"}, {"邀请"},
		{"支持", "赞成", "期待", "期盼", "期望"}, {"决定"}, {"应", "宜"},
		{"必须", "务必", "必要", "是时候", "时机已经成熟", "重要的是"}},
}

// unbounded are the languages whose markers match without word boundaries.
var unbounded = map[string]bool{"zh": true, "ar": true}

// kindMatcher is one marker of a language, compiled for lower-cased text.
type kindMatcher struct {
	kind     string
	re       *regexp.Regexp
	triggers []string
	// fast is re with its prefilter: a sentence with a marker's trigger
	// words often lacks the words its expression needs beside them.
	fast *fastExpr
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
		lm := &langMatchers{guards: slices.Clone(proposalGuards[lang])}
		for i, m := range markers {
			var re *regexp.Regexp
			if unbounded[lang] || m.raw {
				re = regexp.MustCompile(m.pattern)
			} else {
				re = lowerWord(m.pattern)
			}
			km := kindMatcher{kind: m.kind, re: re, fast: newFastExpr(re, false)}
			if trig := markerTriggers[lang]; trig != nil {
				km.triggers = trig[i]
			}
			lm.kms = append(lm.kms, km)
		}
		for gi, g := range lm.guards {
			lm.guards[gi].fast = newFastExpr(g.re, false)
			for i, km := range lm.kms {
				if slices.Contains(g.kinds, km.kind) {
					lm.guards[gi].markers |= 1 << i
				}
			}
		}
		groups := make([][]string, 0, len(lm.kms)+len(lm.guards))
		for _, km := range lm.kms {
			groups = append(groups, km.triggers)
		}
		for _, g := range lm.guards {
			groups = append(groups, g.triggers)
		}
		lm.ix = newTriggerIndex(groups, commonPairs[lang])
		out[lang] = lm
	}
	return out
})

// triggerIndex finds in one pass which groups of trigger words a sentence
// holds, where a test per word would pass over the sentence a hundred
// times. Words are looked up by two of their bytes: the first two, or,
// when those are among the language's commonest pairs ("de", "es", a
// space), the first pair further on that is not, so that a common pair
// in the text does not send every sentence to many words.
type triggerIndex struct {
	// slot holds, for the two bytes a word is looked up by, one more than
	// the index in words of the words looked up by them: an array lookup
	// where a map would hash.
	slot  [1 << 16]uint16
	words [][]triggerWord
}

type triggerWord struct {
	s     string
	group int
	at    int // where in s the two bytes it is looked up by are
}

// commonPairs are, per language, two-letter sequences so frequent in its
// text that a trigger word is better looked up by another of its pairs.
var commonPairs = map[string][]string{
	"fr": {"de", "le", "la", "es", "en", "re", "co", "qu", "ne", "nt", "on", "te", "se", "ou", "an", "ai", "me", "ce", "et", "er", "à", "é"},
	"es": {"de", "la", "el", "en", "es", "qu", "co", "re", "se", "lo", "os", "as", "ra", "on", "er", "ar", "ue", "ta", "te", "do", "an", "al"},
}

func newTriggerIndex(groups [][]string, common []string) triggerIndex {
	if len(groups) > 64 {
		panic("proposal: more than 64 trigger groups in a language")
	}
	return buildTriggerIndex(groups, common)
}

// buildTriggerIndex is newTriggerIndex for any number of groups, whose
// words heldAll finds.
func buildTriggerIndex(groups [][]string, common []string) triggerIndex {
	avoid := map[uint16]bool{}
	for _, p := range common {
		avoid[uint16(p[0])<<8|uint16(p[1])] = true
	}
	var ix triggerIndex
	for g, words := range groups {
		for _, w := range words {
			if len(w) < 2 {
				panic("proposal: trigger shorter than two bytes: " + w)
			}
			at := 0
			for j := 0; j+1 < len(w); j++ {
				if k := uint16(w[j])<<8 | uint16(w[j+1]); !avoid[k] && w[j] != ' ' && w[j+1] != ' ' {
					at = j
					break
				}
			}
			k := uint16(w[at])<<8 | uint16(w[at+1])
			if ix.slot[k] == 0 {
				ix.words = append(ix.words, nil)
				ix.slot[k] = uint16(len(ix.words))
			}
			ix.words[ix.slot[k]-1] = append(ix.words[ix.slot[k]-1], triggerWord{w, g, at})
		}
	}
	return ix
}

// held returns the groups whose words s holds, as bits.
func (ix *triggerIndex) held(s string) uint64 {
	var out uint64
	for i := 0; i+1 < len(s); i++ {
		slot := ix.slot[uint16(s[i])<<8|uint16(s[i+1])]
		if slot == 0 {
			continue
		}
		for _, w := range ix.words[slot-1] {
			if out&(1<<w.group) == 0 && i >= w.at && strings.HasPrefix(s[i-w.at:], w.s) {
				out |= 1 << w.group
			}
		}
	}
	return out
}

// heldAll sets in out, a bit per group, the groups whose words s holds:
// held for any number of groups.
func (ix *triggerIndex) heldAll(s string, out []uint64) {
	for i := 0; i+1 < len(s); i++ {
		slot := ix.slot[uint16(s[i])<<8|uint16(s[i+1])]
		if slot == 0 {
			continue
		}
		for _, w := range ix.words[slot-1] {
			if bit := uint64(1) << (w.group % 64); out[w.group/64]&bit == 0 && i >= w.at && strings.HasPrefix(s[i-w.at:], w.s) {
				out[w.group/64] |= bit
			}
		}
	}
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
	var tries [24]int
	try := tries[:0]
	var tried uint64
	for i, km := range lm.kms {
		if km.triggers == nil || held&(1<<i) != 0 {
			try = append(try, i)
			tried |= 1 << i
		}
	}
	if len(try) == 0 {
		return ""
	}
	s := unguard(lm, lower, held, tried)
	for _, i := range try {
		if lm.kms[i].fast.mayMatch(s, true) && lm.kms[i].re.MatchString(s) {
			return lm.kms[i].kind
		}
	}
	return ""
}
