package analysis

import (
	"regexp"
	"slices"
	"strings"

	"github.com/scdebate/scdebate/corpus"
)

// Where a code came from.
const (
	// CodeRule: the taxonomy's terms or references, in a passage about the
	// Council and outside a mere mention; Evidence lists them.
	CodeRule = "rule"
	// CodeModel: the learned classifier, without a term of the theme;
	// Score is its probability.
	CodeModel = "model"
	// CodeReviewed: an expert's review set or confirmed the theme.
	CodeReviewed = "reviewed"
)

// Code is one theme of a passage and where it came from.
type Code struct {
	Theme string `json:"theme"`
	// Source is CodeRule, CodeModel or CodeReviewed.
	Source string `json:"source"`
	// Evidence lists the terms and references that signalled a rule code.
	Evidence []string `json:"evidence,omitempty"`
	// Score is the learned classifier's probability for the theme, when it
	// scored the passage.
	Score float64 `json:"score,omitempty"`
}

// themeHit is a theme's term or reference found in a sentence that counts
// for the theme.
type themeHit struct {
	theme int
	text  string
	spans []span // nil for a reference
	// clause numbers the clause of the sentence the hit lies in; -1 for a
	// reference, which belongs to every clause.
	clause int
	// weak: a weak term's hit, which gives way to any other theme of the
	// sentence.
	weak bool
	// loose: a hit of a term without its condition ("a & b & ?c" with a
	// and b alone), which gives way to any other theme of the passage.
	loose bool
}

// sentenceCoding is one sentence read in its speech.
type sentenceCoding struct {
	ann     SentenceAnnotation
	an      *analysed
	hits    []themeHit
	subject int
	// set marks the themes whose words the sentence holds, counted or not:
	// raw[t] every term, dropped[t] the terms not counted (another
	// subject, a mention).
	raw, dropped []bool
	// yielded marks the catch-alls whose words the sentence counted until
	// they gave way to a more specific theme of the same sentence (nil when
	// none did): set aside by precedence, not by what they were said of.
	yielded []bool
	mention bool
	// shows: a frame tells how the Council's report was drafted or
	// prepared (frame.shows), which the learned layer reads apart from
	// the formal act of presenting it, a mention.
	shows bool
	// namesCouncil: the sentence names the Council (or one of its
	// members), wherever the name stands.
	namesCouncil bool
}

// readSentence codes one sentence in what the speech has said so far.
func (c *Coder) readSentence(r *reader, text string) sentenceCoding {
	nt := len(c.tx.Themes)
	sc := sentenceCoding{ann: SentenceAnnotation{Text: text}, raw: make([]bool, nt), dropped: make([]bool, nt)}
	sc.ann.References = ExtractReferences(text)
	sc.an = analyse(r.lang, text)
	var found []ruleHit
	if m := c.tx.match[r.lang]; m != nil {
		found = m.hits(sc.an, nil)
	}
	var names []ruleHit
	for _, h := range found {
		if h.theme >= subjectBase*nt {
			names = append(names, h)
		}
	}
	aboutness := len(c.tx.Subjects) > 0
	sc.subject = subjectCouncil
	if aboutness {
		slices.SortStableFunc(names, func(a, b ruleHit) int { return a.spans[0].start - b.spans[0].start })
		sc.subject = r.sentenceSubject(text, names, nt)
	}
	lower := strings.ToLower(text)
	// The frames matter only where a theme's words are: most sentences
	// hold none, and are spared them.
	themed := len(sc.ann.References) > 0 || slices.ContainsFunc(found, func(h ruleHit) bool { return h.theme < subjectBase*nt })
	reportMs, shown, cue := mentions(r.lang, text, lower, r.paragraph, themed)
	// The frames that show the report are mentions for every theme but
	// the report's own.
	ms := reportMs
	if len(shown) > 0 {
		ms = slices.Concat(reportMs, shown)
	}
	// The Council's name may lie in a mention and still be part of a
	// term: "cooperation with the General Assembly … were among the
	// topics of today's Security Council open debate".
	var councilNames []span
	for _, h := range names {
		if k := SubjectKinds[h.theme-subjectBase*nt]; k == SubjectCouncil || k == SubjectCouncilShort {
			sc.namesCouncil = true
			if len(ms) > 0 {
				councilNames = append(councilNames, h.spans[0])
			}
		}
	}
	sc.mention = cue
	sc.shows = len(shown) > 0
	figures := -1 // the sentence's numbers, counted when needed
	for _, h := range found {
		ti := h.theme
		switch {
		case ti >= subjectBase*nt:
			continue
		case ti >= 2*nt:
			// a short form of the reform counts only where the record's
			// agenda holds the reform debate
			if !r.ctx.onReform() {
				continue
			}
			if h.every = slices.DeleteFunc(h.every, func(sp []span) bool { return onAnother(sc.an, sp) }); len(h.every) == 0 {
				continue
			}
			ti -= 2 * nt
		case ti >= nt:
			// a short form of the debate's subject counts only in that
			// debate, or where the paragraph names the report (but a
			// meeting named there is that debate's), and not where it
			// says whose it is
			if r.ctx.debate() != corpus.DebateReport && (!r.reportInView || namesMeeting(h.text)) {
				continue
			}
			if h.every = slices.DeleteFunc(h.every, func(sp []span) bool { return ofAnother(sc.an, sp) }); len(h.every) == 0 {
				continue
			}
			if namesMeeting(h.text) && r.paragraph.matches(reformTurn) {
				continue
			}
			ti -= nt
		}
		sc.raw[ti] = true
		// A weak term counts only in a debate on the Council: elsewhere
		// its words are more often a side remark.
		// The report's words name it in a sentence that names no body,
		// where the paragraph names it as the Council's.
		ownReport := sc.subject == subjectNone && r.reportInView && len(c.tx.Themes[ti].ReportTerms) > 0
		if h.vetoed || (aboutness && sc.subject != subjectCouncil && !ownReport) || (h.weak && !r.ctx.onCouncil()) {
			sc.dropped[ti] = true
			continue
		}
		themeMs := ms
		if len(shown) > 0 && len(c.tx.Themes[ti].ReportTerms) > 0 {
			themeMs = reportMs
		}
		spans, ok := outsideMentions(sc.an, h.every, themeMs, councilNames)
		if ok && figures < 0 {
			figures = cardinals(sc.an)
		}
		if !ok || (figures >= 2 && slices.ContainsFunc(spans, func(s span) bool { return isCount(sc.an, s) })) {
			sc.dropped[ti] = true
			continue
		}
		sc.hits = append(sc.hits, themeHit{theme: ti, text: h.text, spans: spans, weak: h.weak, loose: h.loose})
	}
	for _, ref := range sc.ann.References {
		// A symbol in a mention names the meeting's agenda ("thank you
		// for convening this debate on the note S/2017/507"), not its
		// topic; a symbol written otherwise than it is normalised is not
		// found in the text and counts. Chinese mentions run on past
		// commas, over the topic, so a symbol there counts.
		at := strings.Index(text, ref)
		if at < 0 && len(lower) == len(text) {
			at = strings.Index(lower, strings.ToLower(ref)) // "article 27"
		}
		named := at >= 0 && r.lang != "zh" && slices.ContainsFunc(ms, func(m [2]int) bool { return m[0] <= at && at < m[1] })
		for _, id := range c.tx.refs[ref] {
			ti := c.tx.index(id)
			sc.raw[ti] = true
			if named {
				sc.dropped[ti] = true
				continue
			}
			sc.hits = append(sc.hits, themeHit{theme: ti, text: ref, clause: -1})
		}
	}
	if r.lang == "en" && sc.namesCouncil && sc.subject == subjectCouncil {
		if q, ok := representativeAmongQualities(text, lower); ok {
			if ti := c.tx.index(reformTheme); ti >= 0 && !sc.dropped[ti] && !slices.ContainsFunc(sc.hits, func(h themeHit) bool { return h.theme == ti }) {
				sc.raw[ti] = true
				sc.hits = append(sc.hits, themeHit{theme: ti, text: q, clause: -1})
			}
		}
	}
	// Clauses matter only to precedence, between two themes.
	if len(sc.hits) > 1 {
		clauses := clauseStarts(text)
		for i := range sc.hits {
			if h := &sc.hits[i]; h.spans != nil {
				h.clause = clauseOf(clauses, sc.an.start[h.spans[0].start])
			}
		}
	}
	sc.ann.Proposal = detectProposal(r.lang, text, lower)
	sc.ann.Entities = c.entities.find(r.lang, sc.an)
	return sc
}

// namesMeeting reports whether a short form names the meeting or a paper
// before it ("today's debate", "this document") rather than the report.
// The report is debated jointly with Council reform in many sessions, and
// the Assembly meets on reform alone too: in a paragraph that turns to
// reform (reformTurn), such a form is the reform's meeting or paper. "This
// joint debate" names both items, and stays; so do separate debates, the
// report taken up apart from reform.
func namesMeeting(term string) bool {
	t := strings.ToLower(term)
	if hasAny(t, bothItems) || strings.Contains(t, "report") || strings.Contains(t, "rapport") || strings.Contains(t, "informe") || strings.Contains(t, "报告") {
		return false
	}
	return hasAny(t, meetingWords)
}

// bothItems are the words of the short forms that name the report's
// debate together with reform's, or apart from it.
var bothItems = []string{"joint", "separat", "commun", "conjoint", "séparé", "conjunto", "separado"}

// meetingWords are the words of the short forms that name a meeting or
// its papers.
var meetingWords = []string{"debate", "débat", "discussion", "meeting", "document", "exercise", "exercice", "ejercicio", "辩论", "文件"}

// reformTurn marks a paragraph that speaks of Council reform: its
// process, negotiations, enlargement and the categories of seats.
var reformTurn = regexp.MustCompile(`(?i)\b(?:(?:security\s+)?council\s+reform|reform(?:ing)?\s+(?:of\s+)?(?:the\s+)?(?:security\s+)?council(?:[\s,.;:)]|$)|reform\s+process|reform\s+negotiations|IGN|intergovernmental\s+negotiations|enlarge(?:d|ment)|expan(?:sion|ded)|categor(?:y|ies)\s+of\s+(?:membership|members|seats)|elements\s+paper|equitable\s+representation|increase\s+in\s+the\s+membership|reforma\s+del\s+consejo|negociaciones\s+intergubernamentales)|réforme\s+du\s+conseil|élargissement|négociations\s+intergouvernementales|ampliación|安理会改革|政府间谈判`)

// ofWhom opens the complement that says whose a short form is, in
// English, French or Spanish ("the report of", "le rapport de la",
// "el informe del"), after a noun it shares ("the volume and scope of").
var ofWhom = regexp.MustCompile(`^\s+(?:(?:and|et|y)\s+\p{L}+\s+)?(?:(?:of|de|du|des|del)\s|d['’])`)

// ofAnother reports whether the short form at spans sp is said of something
// other than the Council, its report or the Assembly ("the introduction of term limits",
// "the report of the Fifth Committee"): then it is not the debate's
// subject.
func ofAnother(an *analysed, sp []span) bool {
	return saidOf(an, sp, ofWhom, ownSubject) || amountOf(an, sp)
}

// amountOf reports whether the short form at spans sp is a volume said of
// what it measures ("the volume and scope of the Council's activities",
// "the volume of its work"): an amount, not the report's volume.
func amountOf(an *analysed, sp []span) bool {
	if len(sp) == 0 {
		return false
	}
	last := sp[len(sp)-1].end
	return an.formAt(last, "volume") && ofWhom.MatchString(an.text[an.end[last]:])
}

// onAnother reports whether the reform's short form at spans sp is said of
// another matter ("the negotiations on climate finance", "la réforme du
// Secrétariat"): then it is not the Council's reform.
func onAnother(an *analysed, sp []span) bool { return saidOf(an, sp, onWhat, reformSubject) }

// saidOf reports whether the words at spans sp are followed by a
// complement (introduced by what prep matches) whose first words do not
// name what own matches.
func saidOf(an *analysed, sp []span, prep, own *regexp.Regexp) bool {
	if len(sp) == 0 {
		return false
	}
	rest := an.text[an.end[sp[len(sp)-1].end]:]
	loc := prep.FindStringIndex(rest)
	if loc == nil {
		return false
	}
	return !own.MatchString(strings.ToLower(ofWords.FindString(rest[loc[1]:])))
}

// onWhat opens the complement that says what the reform's short form is
// about ("the negotiations on", "les négociations sur", "las negociaciones
// sobre").
var onWhat = regexp.MustCompile(`(?i)^\s+(?:of|on|over|for|about|concerning|regarding|de|du|des|sur|concernant|del|sobre|relativas?\s+a)\s`)

// reformSubject names, after "of" or "on", the Council or its reform.
var reformSubject = regexp.MustCompile(`(?:^|[^\p{L}])(?:council|conseil|consejo|reform|réforme|reforma|enlargement|élargissement|ampliación|expansion|membership|composition|composición|seats|sièges|puestos|representation|représentation|representación|its|their|sa|su|this|that|cette|esta|question|cuestión|ign)(?:[^\p{L}]|$)`)

// ofWords are the first words of the complement, enough for its head.
var ofWords = regexp.MustCompile(`^(?:[^\s,;:.]+\s*){0,4}`)

// ownSubject names, after "of", the Council, its report or work, or the
// Assembly that holds the debate ("this joint debate of the Assembly", "an
// analytical account of its work", "le rapport de cette année").
var ownSubject = regexp.MustCompile(`(?:^|[^\p{L}])(?:council|report|assembly|its|their|work|conseil|rapport|assemblée|son|sa|ses|leur|leurs|travaux|année|consejo|informe|asamblea|su|sus|labor|labores|trabajo|año)(?:[^\p{L}]|$)`)

// giveWay applies precedence (yields_to) to a passage's sentences: a
// catch-all ("*") gives way to any other theme of the same sentence (not
// when a list sets it apart as a point of its own, its object is the
// Council's work as a whole, or the sentence asks for it as one of the
// Council's qualities beside representativeness), and a
// theme to a named better only in the same clause; a theme with evidence of
// its own elsewhere in the passage, in another clause or sentence, stays. It
// returns the passage's rule codes in taxonomy order and each sentence's
// themes. A catch-all that gave way is marked as dropped in its sentence,
// so that the learned layer does not add it back ("prefer the most specific
// theme"); a theme that gave way to a named one may come back, since
// speakers often make both points in one clause.
func (tx *Taxonomy) giveWay(sents []sentenceCoding) ([]Code, [][]string) {
	evidence := map[int][]string{}
	// firm: the themes with evidence from a hit that is not loose
	firm := map[int]bool{}
	perSentence := make([][]string, len(sents))
	for si, sc := range sents {
		var kept []int
		// A sentence that goes on about what the one before named ("It set
		// out practices to enhance transparency …", after a sentence on
		// note 507) is, for a catch-all, about that: the specific theme
		// of the sentence before takes precedence.
		var before []themeHit
		if si > 0 && slices.ContainsFunc(sc.hits, func(h themeHit) bool { return tx.yieldsAll(h.theme) }) &&
			(anaphor.MatchString(sc.ann.Text) || refersBack(sc.ann.Text)) {
			before = sents[si-1].hits
		}
		for _, h := range sc.hits {
			if yes, catchAll := tx.dominated(sc.an, h, sc.hits, before); yes {
				if catchAll {
					// Giving way to what the sentence refers back to says
					// what its openness is of; only giving way to a theme
					// of its own sentence is precedence.
					if own, _ := tx.dominated(sc.an, h, sc.hits, nil); own && !sc.dropped[h.theme] {
						if sents[si].yielded == nil {
							sents[si].yielded = make([]bool, len(tx.Themes))
						}
						sents[si].yielded[h.theme] = true
					}
					sc.dropped[h.theme] = true
				}
				continue
			}
			if !slices.Contains(evidence[h.theme], h.text) {
				evidence[h.theme] = append(evidence[h.theme], h.text)
			}
			if !h.loose {
				firm[h.theme] = true
			}
			if !slices.Contains(kept, h.theme) {
				kept = append(kept, h.theme)
			}
		}
		slices.Sort(kept)
		for _, ti := range kept {
			perSentence[si] = append(perSentence[si], tx.Themes[ti].ID)
		}
	}
	var codes []Code
	for ti, t := range tx.Themes {
		ev, ok := evidence[ti]
		// A theme found by loose hits alone gives way to a theme found
		// otherwise anywhere in the passage: there its words are a side
		// remark on the passage's own subject.
		if ok && !firm[ti] && len(firm) > 0 {
			for si := range perSentence {
				perSentence[si] = slices.DeleteFunc(perSentence[si], func(id string) bool { return id == t.ID })
			}
			continue
		}
		if ok {
			codes = append(codes, Code{Theme: t.ID, Source: CodeRule, Evidence: ev})
		}
	}
	return codes, perSentence
}

// backReference marks a sentence that names again, anywhere in it, the
// practice or work the sentence before spoke of ("we welcome these debates
// as an expression of greater transparency", "such briefings make the
// Council more open", "more transparent through such work"): for the
// catch-all, it refers back as a sentence opened by "it" or "this" does.
var backReference = regexp.MustCompile(`(?i)\b(?:these|this|such|those)\s+(?:[\w-]+\s+)?(?:debates?|meetings?|practices?|briefings?|sessions?|measures?|steps?|notes?|formats?|mechanisms?|initiatives?|arrangements?|innovations?|provisions?|tools?|work|efforts?)\b|\b(?:ces|cette|cet|ce|de tels|de telles)\s+(?:[\p{L}-]+\s+)?(?:débats?|séances?|réunions?|pratiques?|exposés?|mesures?|notes?|formats?|mécanismes?|initiatives?|dispositions?|travaux|efforts?)(?:\P{L}|$)|\b(?:estos|estas|este|esta|tales)\s+(?:[\p{L}-]+\s+)?(?:debates?|sesiones|sesión|reuniones|reunión|prácticas?|exposiciones|medidas?|notas?|formatos?|mecanismos?|iniciativas?|disposiciones|labor|trabajos?|esfuerzos?)(?:\P{L}|$)`)

// refersBack reports whether a sentence names again what the one before
// spoke of (backReference), not counting "on this note", a figure of
// speech for "on this point", not the Note by the President.
func refersBack(text string) bool {
	if strings.Contains(text, "note") {
		text = noteIdiom.ReplaceAllString(text, "")
	}
	return backReference.MatchString(text)
}

// noteIdiom is "on this note" and its variants ("on this particular note").
var noteIdiom = regexp.MustCompile(`(?i)\b(?:on|in)\s+(?:this|that)\s+(?:[\w-]+\s+)?note\b`)

// dominated reports whether hit h gives way to another hit of its sentence,
// and whether it gives way as a catch-all ("*"), the way of a theme that
// applies only where no more specific one does; a catch-all also gives way
// to the hits of before (the sentence its own refers back to).
func (tx *Taxonomy) dominated(an *analysed, h themeHit, hits, before []themeHit) (yes, catchAll bool) {
	if h.weak {
		for _, o := range hits {
			if o.theme != h.theme && !o.weak {
				return true, false
			}
		}
	}
	t := tx.Themes[h.theme]
	for _, y := range t.YieldsTo {
		for _, o := range hits {
			if o.theme == h.theme {
				continue
			}
			if y == "*" {
				if !tx.yieldsAll(o.theme) && !o.weak && !opennessListedApart(an, h, o) &&
					!opennessOfTheCouncil(an, h, o) {
					return !transparencyAmongQualities(an.text), true
				}
				continue
			}
			if tx.Themes[o.theme].ID == y && (h.clause == o.clause || h.clause < 0 || o.clause < 0) && !listedApart(an, h, o) {
				return true, false
			}
		}
		if y == "*" {
			for _, o := range before {
				if o.theme != h.theme && !o.weak && !tx.yieldsAll(o.theme) {
					return !transparencyAmongQualities(an.text), true
				}
			}
		}
	}
	return false, false
}

// opennessOfTheCouncil reports whether the catch-all's hit h asks openness
// of the Council's work as a whole, its own object apart from the other
// theme's hit o: "the transparency of the Council's activities", "to make
// it more transparent, open and inclusive", "conducted its business as
// transparently as possible", or transparency listed among other kinds of
// openness ("greater transparency, openness in decision-making and
// inclusiveness"). Openness said of the specific theme's subject
// ("transparent penholdership", "the transparency of the sanctions
// committees") has that subject as its object and gives way.
func opennessOfTheCouncil(an *analysed, h, o themeHit) bool {
	if h.spans == nil {
		return false
	}
	from, to := hitRange(an, h)
	otherFrom, otherTo, ok := placed(an, o)
	if !ok || otherFrom < to && from < otherTo {
		return false
	}
	// The specific theme named first as what brings openness about ("this
	// report plays a role in ensuring the accountability of the Council")
	// makes openness its effect, a point of that theme.
	if otherTo <= from && h.clause == o.clause && bringsAboutBetween(an.text[otherTo:from]) {
		return false
	}
	word := strings.ToLower(an.text[from:to])
	before, after := an.text[:from], an.text[to:]
	switch {
	case word == "transparency" || word == "openness" || word == "accountability":
		if councilGains.MatchString(before) {
			return true
		}
		m := councilWorkAfter.FindStringIndex(after)
		if m != nil && !objectGoesOn.MatchString(after[m[1]:]) && !(to <= otherFrom && otherFrom < to+m[1]) {
			return true
		}
		return opennessKindsListed.MatchString(after)
	case strings.HasPrefix(word, "transparent") || word == "accountable" || word == "more open":
		if strings.HasSuffix(word, "ly") {
			return councilWorkMadeOpen.MatchString(before) || councilBusinessBefore.MatchString(before)
		}
		return councilWorkMadeOpen.MatchString(before) || councilIsOpen.MatchString(before) || councilQualified.MatchString(after)
	}
	return false
}

// councilWorkAfter opens, after a noun of openness, its object when that is
// the Council or its work as a whole ("of the Council's activities", "and
// efficiency in the operations of the 15-member body").
var councilWorkAfter = regexp.MustCompile(`(?i)^(?:\s+and\s+[\p{L}-]+)?\s+(?:of|in|within)\s+(?:the\s+)?(?:(?:security\s+)?council(?:'s|’s)?\s+|its\s+|this\s+|15-member\s+)?(?:council|body|organ|work|business|activities|operations|proceedings|deliberations|decision-making|working\s+methods)\b(?:\s+of\s+(?:the\s+)?(?:security\s+council|council|15-member\s+body|body|organ)\b)?`)

// objectGoesOn continues an object with a complement naming something within
// it ("the work of its subsidiary bodies"), which is then the object, or
// those it answers to ("accountability of the Council to the Assembly"), the
// relationship with them.
var objectGoesOn = regexp.MustCompile(`(?i)^\s+(?:of|on|in|to|towards|before|vis-à-vis)\s`)

// opennessKindsListed follows transparency with other kinds of openness in
// a list of three or more ("transparency, openness in decision-making and
// inclusiveness"); a pair ("with complete transparency and openness") is as
// often the manner of something else.
var opennessKindsListed = regexp.MustCompile(`(?i)^\s*,\s*(?:greater\s+|more\s+)?(?:openness|inclusiveness|inclusivity)\b`)

// councilWorkMadeOpen ends, before an adjective of openness, a phrase that
// makes the Council or its work so ("to make it more transparent, open and
// inclusive", "make the Council's work more open and").
var councilWorkMadeOpen = regexp.MustCompile(`(?i)\b(?:make|makes|making|made|render|renders|rendering|rendered)\s+(?:it|(?:the\s+)?(?:security\s+)?council(?:'s|’s)?(?:\s+(?:work|business|activities|decision-making|working\s+methods|proceedings))?|its\s+(?:work|business|activities|decision-making|working\s+methods|proceedings))\s+(?:(?:even\s+|much\s+|far\s+)?more\s+)?(?:[\p{L}-]+(?:\s*,\s*|,?\s+and\s+)){0,4}$`)

// councilIsOpen ends, before an adjective of openness, a clause whose
// subject it is said of is the Council ("the Security Council must be more
// transparent and inclusive", "the 15-member body should become more").
var councilIsOpen = regexp.MustCompile(`(?i)\b(?:council|body|organ)\s+(?:(?:must|should|needs\s+to|has\s+to|ought\s+to|will|would|can|could|to)\s+)?(?:(?:also|further|still|continue\s+to)\s+)?(?:be|become|becomes|became|remain|remains|grow)\s+(?:(?:even|much|far|still)\s+)?(?:more\s+)?(?:[\p{L}-]+(?:\s*,\s*|,?\s+and\s+)){0,4}$`)

// councilGains ends, before a noun of openness, the Council as the one that
// gains it ("helped the Security Council gradually build greater
// transparency", "the Council must show more openness").
var councilGains = regexp.MustCompile(`(?i)\b(?:council|body|organ)\s+(?:(?:must|should|needs\s+to|has\s+to|ought\s+to|will|would|can|could|to)\s+)?(?:\w+ly\s+)?(?:build|builds|built|achieve|achieves|achieved|show|shows|showed|display|displays|displayed|demonstrate|demonstrates|demonstrated|gain|gains|gained)\s+(?:(?:greater|more|full|real|genuine)\s+)?$`)

// councilQualified follows an adjective of openness with the Council it
// qualifies, after up to four more of its qualities ("a transparent,
// nimble 15-nation organ", "a more transparent and accountable Council").
var councilQualified = regexp.MustCompile(`(?i)^(?:(?:\s*,\s*|,?\s+and\s+)(?:more\s+)?[\p{L}-]+){0,4}\s+(?:\d+-(?:member|nation)\s+)?(?:security\s+)?(?:council|body|organ)\b`)

// bringsAbout holds, between the specific theme's words and openness's, a
// verb by which the one brings the other about.
var bringsAbout = regexp.MustCompile(`(?i)\b(?:ensur|enhanc|improv|strengthen|increas|promot|foster|contribut|advanc|boost)\w*`)

// bringsAboutBetween reports whether the words between the specific
// theme's hit and openness's make the one bring the other about: a verb of
// bringing about within one stretch of the sentence, not across a dash or
// a long run of words in which another subject takes over ("restraining
// the veto — speakers told the Council that its methods needed improving
// to create a transparent organ").
func bringsAboutBetween(between string) bool {
	if strings.ContainsAny(between, "—–") || strings.Contains(between, " - ") || len(strings.Fields(between)) > maxBringsAboutWords {
		return false
	}
	return bringsAbout.MatchString(between)
}

// maxBringsAboutWords bounds the words between a specific theme and the
// openness it brings about.
const maxBringsAboutWords = 12

// councilBusinessBefore ends, before an adverb of openness, the Council's
// conduct of its business as a whole ("conducted business as").
var councilBusinessBefore = regexp.MustCompile(`(?i)\b(?:conduct|conducts|conducted|conducting|carried\s+out|carries\s+out|do|does|did|work|works|worked|working)\s+(?:its\s+|their\s+)?(?:business|work)?\s*(?:as\s+|more\s+)?$`)

// councilQualities is a list of qualities asked of the Council ("a more
// transparent, effective, accountable and representative Council", "more
// broadly representative, efficient and transparent").
var councilQualities = regexp.MustCompile(`(?i)\b(?:transparent|representative|representational|democratic|accountable|effective|efficient|inclusive|legitimate|open)(?:(?:\s*,\s*|,?\s+and\s+)(?:more\s+)?(?:broadly\s+)?(?:transparent|representative|representational|democratic|accountable|effective|efficient|inclusive|legitimate|open)\b)+`)

// transparencyAmongQualities reports whether a sentence asks for a more
// transparent or accountable Council beside a more representative or democratic one, the
// aims of its reform: openness is not a matter of its composition, so the
// catch-all makes a point of its own there and does not give way to the
// reform named beside it.
func transparencyAmongQualities(text string) bool {
	lower := strings.ToLower(text)
	if !strings.Contains(lower, "transparent") && !strings.Contains(lower, "accountable") {
		return false
	}
	for _, m := range councilQualities.FindAllString(text, -1) {
		m = strings.ToLower(m)
		if (strings.Contains(m, "transparent") || strings.Contains(m, "accountable")) && (strings.Contains(m, "representati") || strings.Contains(m, "democratic")) {
			return true
		}
	}
	return false
}

// reformTheme is the theme of the Council's composition.
const reformTheme = "council-reform"

// representativeAmongQualities finds, in a sentence that names the Council,
// a list of qualities asked of it that holds representativeness ("a more
// democratic, representative, effective and transparent Council", "broadly
// representational, efficient and transparent"): who sits on the Council is
// then one of the points, the reform's (council-reform), whatever else the
// list asks.
func representativeAmongQualities(text, lower string) (string, bool) {
	if !strings.Contains(lower, "representati") && !strings.Contains(lower, "democratic") {
		return "", false
	}
	for _, m := range councilQualities.FindAllString(text, -1) {
		if l := strings.ToLower(m); strings.Contains(l, "representati") || strings.Contains(l, "democratic") {
			return m, true
		}
	}
	return "", false
}

// opennessListedApart reports whether the catch-all's hit h is the noun
// "transparency" set apart as an item of a list from the other theme's hit
// o ("improving transparency, interaction with non-members and
// efficiency"): a point of its own, not the specific theme's manner. The
// adjective describes the item that follows it ("a transparent and
// inclusive penholder practice"), and transparency paired with the
// accountability the other theme names ("transparency and accountability
// towards the member states") is that theme's point.
func opennessListedApart(an *analysed, h, o themeHit) bool {
	if h.spans == nil || o.spans == nil {
		return false
	}
	from, to := hitRange(an, h)
	otherFrom, otherTo := hitRange(an, o)
	return strings.EqualFold(an.text[from:to], "transparency") &&
		!strings.HasPrefix(strings.ToLower(an.text[otherFrom:otherTo]), "accountab") &&
		listedApartAfter(an, h, o, maxItemTail)
}

// maxItemTail bounds the words that may end the first item of a list after
// its hit ("broadening penholder | access, enhancing transparency"): the
// rest of the item's noun phrase.
const maxItemTail = 2

// listedApart reports whether two hits of a clause are items of a list,
// set apart by commas or conjunctions with short items between them ("we
// want more open debates, wrap-up sessions and Arria-formula meetings"):
// each item is a point of its own, and neither gives way to the other. Hits whose words
// overlap or run on without a break ("wrap-up sessions open to
// non-members") describe one thing, where precedence applies.
func listedApart(an *analysed, h, o themeHit) bool { return listedApartAfter(an, h, o, 0) }

// listedApartAfter is listedApart with up to tail words allowed after the
// first hit in its own item.
func listedApartAfter(an *analysed, h, o themeHit, tail int) bool {
	if h.spans == nil || o.spans == nil {
		return false
	}
	hs, he := hitRange(an, h)
	os, oe := hitRange(an, o)
	if os < hs {
		hs, he, os, oe = os, oe, hs, he
	}
	if os < he {
		return false
	}
	items := listBreak.Split(an.text[he:os], -1)
	// The first item ends where its list item does.
	if len(items) < 2 || len(strings.Fields(items[0])) > tail {
		return false
	}
	for _, item := range items {
		if len(strings.Fields(item)) > maxListItem {
			return false
		}
	}
	return true
}

// maxListItem bounds the words of an item of a list between two hits: hits
// with a longer stretch between them, across a comma, are parts of one
// sentence, not items of a list.
const maxListItem = 5

// placed is the byte range of a hit's words, or of a reference's symbol
// where the sentence spells it ("the note (S/2006/507)"); ok is false for a
// reference the sentence does not spell.
func placed(an *analysed, h themeHit) (from, to int, ok bool) {
	if h.spans != nil {
		from, to = hitRange(an, h)
		return from, to, true
	}
	if h.text == "" {
		return 0, 0, false
	}
	at := strings.Index(an.text, h.text)
	if at < 0 {
		return 0, 0, false
	}
	return at, at + len(h.text), true
}

// hitRange is the byte range of a hit's words.
func hitRange(an *analysed, h themeHit) (from, to int) {
	from, to = len(an.text), 0
	for _, s := range h.spans {
		from, to = min(from, an.start[s.start]), max(to, an.end[s.end])
	}
	return from, to
}

// listBreak separates the items of a list written with spaces between
// words, whose items can be counted in words.
var listBreak = regexp.MustCompile(`[,;]|\s(?:and|or|as well as|et|ou|y|o)\s`)

// clauseBoundary separates the independent clauses of a sentence: a
// semicolon or colon, or a comma before a conjunction that opens a new
// clause, or before the elliptical clause of a comparison ("public meetings
// increased, as did the briefings at the month's end": two subjects).
var clauseBoundary = regexp.MustCompile(`[;:；：]|,\s+(?:and|but|while|whereas|yet|et|mais|alors que|tandis que|y|pero|mientras que)\s|,\s+as\s+(?:did|does|do|has|have|had|was|were|is|are)\s|，(?:并且|但是|但|同时|而且)`)

// clauseStarts returns the byte offsets at which the sentence's clauses
// after the first start.
func clauseStarts(text string) []int {
	var out []int
	for _, loc := range clauseBoundary.FindAllStringIndex(text, -1) {
		out = append(out, loc[1])
	}
	return out
}

// clauseOf numbers the clause that byte offset at lies in.
func clauseOf(starts []int, at int) int {
	n := 0
	for _, s := range starts {
		if at >= s {
			n++
		}
	}
	return n
}

// reformTalks recognises a passage on the Assembly's negotiations on
// Council reform, named by their own names (the intergovernmental
// negotiations, their co-chairs or facilitators, the reform process, the
// roll-over decision that carries them to the next session).
var reformTalks = regexp.MustCompile(`(?i)\b(?:inter-?governmental negotiations?|IGN|co-?chairs?|co-?facilitators?|facilitators?|reform process(?:es)?|process of reform|(?:reform|negotiation|negotiating) process|reform negotiations|negotiations on (?:the\s+)?(?:security\s+council\s+|council\s+)?reform|text-based negotiations|roll-?over|open-ended working group)\b`)

// reformTalksIn holds reformTalks and its French and Spanish forms.
var reformTalksIn = map[string]*regexp.Regexp{
	"en": reformTalks,
	"fr": regexp.MustCompile(`(?i)\b(?:négociations? intergouvernementales?|NIG|IGN|coprésident(?:e|s|es)?|co-présid\w+|cofacilitat\w+|co-facilitat\w+|facilitat(?:eur|rice)s?|processus de (?:réforme|négociations?)|négociations sur la réforme|négociations fondées sur un texte|reconduction|groupe de travail à composition non limitée)\b`),
	"es": regexp.MustCompile(`(?i)\b(?:negociaciones? intergubernamentales?|IGN|copresident[ea]s?|co-president[ea]s?|cofacilitador(?:a|es|as)?|co-facilitador(?:a|es|as)?|facilitador(?:a|es|as)?|proceso de (?:reforma|negociaci[oó]n)|negociaciones sobre la reforma|negociaciones basadas en un texto|prórroga|grupo de trabajo de composición abierta)\b`),
}

// talksOpenness sets aside, in a passage on the reform negotiations, the
// catch-all theme's words (transparency) in the sentences that do not name
// the Council: said there, "we need full transparency" or "a process based
// on transparency and inclusivity" asks it of the negotiations, not of the
// Council's work. A sentence that names the Council ("a more transparent
// Council, in the negotiations as elsewhere") keeps them.
func (tx *Taxonomy) talksOpenness(r *reader, sents []sentenceCoding) {
	talks, ok := reformTalksIn[r.lang]
	if !ok || !slices.ContainsFunc(sents, func(sc sentenceCoding) bool {
		return !sc.namesCouncil && slices.ContainsFunc(sc.hits, func(h themeHit) bool { return tx.yieldsAll(h.theme) })
	}) {
		return
	}
	if !r.paragraph.matches(talks) {
		return
	}
	for i := range sents {
		sc := &sents[i]
		if sc.namesCouncil {
			continue
		}
		sc.hits = slices.DeleteFunc(sc.hits, func(h themeHit) bool {
			if tx.yieldsAll(h.theme) {
				sc.dropped[h.theme] = true
				return true
			}
			return false
		})
	}
}
