package analysis

import (
	"regexp"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// A mention is a stretch of a sentence that names a theme without making it
// the topic: courtesies ("I thank the President for scheduling this
// meeting"; the person thanked, with their title), a speaker's title ("in my
// capacity as Chair of the Informal Working Group", "…, President of the
// General Assembly, said"), an explanation of vote ("as an elected member,
// we voted in favour"), the President's formulae, and the frames a passage
// sets its occasion in (see frame). Theme words inside a mention are not
// coded. Thanks for a practice ("we thank the presidencies for their
// briefings on the programme of work") are a comment on it: only the person
// thanked is a mention.
type cueSet struct {
	// thanks starts a mention that runs to the word introducing what is
	// thanked for ("for"), or to the end of the clause when that is a
	// courtesy of the meeting or of the work of the one thanked; purpose
	// ends it early ("for their efforts | to make the report more
	// analytical").
	thanks, thanksFor, courtesy, purpose *regexp.Regexp
	// goesOn lists the words that, after one of purpose's prepositions,
	// keep a courtesy going ("for their role in preparing the report");
	// any other word starts a topic ("for their efforts | on transparency").
	goesOn []string
	// praise ends the thanks text of a verb of praise ("we commend"),
	// whose object without "for" is a courtesy only when it is personal
	// (someone's work, efforts, role).
	praise, personal *regexp.Regexp
	// judged is a relative clause after the report a courtesy names that
	// says how the report is ("which came out before its deadline"): the
	// report is then the topic, and only the thanks and the one thanked
	// are a mention.
	judged *regexp.Regexp
	// title starts a mention that runs to the end of the title.
	title *regexp.Regexp
	// vote makes the clause that holds it, from the sentence's start, a
	// mention.
	vote *regexp.Regexp
	// procedure (the President's formulae: an invitation under rule 37,
	// giving the floor) makes the whole sentence a mention; not one that
	// asks for something (asks), which the formulae never do: "the
	// Council should let non-members speak in accordance with rule 37"
	// is a point.
	procedure *regexp.Regexp
	asks      *wordSet
	// triggers are, per cue (thanks, title, vote, procedure),
	// words one of which the lower-cased sentence must hold for the cue's
	// expression to be tried at all: most sentences hold none. A title
	// also needs one of titleWords.
	triggers   [4][]string
	titleWords []string
	// cueExpr are thanks, title, vote and procedure, in that order, with
	// their prefilters and lowered forms.
	cueExpr [4]*fastExpr
	// frames are the other ways a sentence names its occasion rather than
	// its topic; frameWords are their trigger words, each once.
	frames     []frame
	frameWords []string
	// frameIndex finds the frame words of two bytes or more in one pass;
	// shortWords are the others' numbers.
	frameIndex *triggerIndex
	shortWords []int
}

// maxFrameWords bounds the trigger words of a language's frames.
const maxFrameWords = 400

// englishCommonPairs are two-letter sequences so frequent in English that
// a frame word is better looked up by another of its pairs.
var englishCommonPairs = []string{"th", "he", "in", "er", "an", "re", "on", "at", "en", "nd", "es", "of", "te", "ed", "or", "ti", "is", "it", "ar", "st", "to", "nt", "ng", "se", "ha", "ou", "as", "co"}

// withFrames numbers the frames' trigger words.
func (cs cueSet) withFrames(frames []frame) cueSet {
	index := map[string]int{}
	number := func(words []string) []int {
		var out []int
		for _, w := range words {
			i, ok := index[w]
			if !ok {
				i = len(cs.frameWords)
				index[w] = i
				cs.frameWords = append(cs.frameWords, w)
			}
			out = append(out, i)
		}
		return out
	}
	cs.frames = slices.Clone(frames)
	for i := range cs.frames {
		fr := &cs.frames[i]
		fr.trig = number(fr.triggers)
		fr.alsoTrig = number(fr.also)
		fr.fast, fr.needsFast, fr.unlessFast = newFastExpr(fr.re, true), newFastExpr(fr.needs, true), newFastExpr(fr.unless, true)
	}
	if len(cs.frameWords) > maxFrameWords {
		panic("analysis: too many frame trigger words")
	}
	groups := make([][]string, len(cs.frameWords))
	for i, w := range cs.frameWords {
		if len(w) < 2 {
			cs.shortWords = append(cs.shortWords, i)
			continue
		}
		groups[i] = []string{w}
	}
	ix := buildTriggerIndex(groups, englishCommonPairs)
	cs.frameIndex = &ix
	return cs
}

// A frame is a way a passage names its own occasion or procedure rather
// than its topic: the meeting it is said in ("the opportunity given by this
// open debate", "delegates said today in an open debate on …", "as it
// continued its consideration of the Council's annual report"), the report
// being introduced or prepared ("introduced the report", "the report was
// presented by …"), the statement a speaker aligns with ("we align
// ourselves with the statement delivered on behalf of the E10"), an agenda
// item named by number. It starts a mention that runs to the end of the
// clause (or of the title, for appositions), and stops before what the
// meeting is said to focus on ("… an open debate | focused on transparency").
type frame struct {
	re *regexp.Regexp
	// title: the mention ends where a title does (a comma); else at the end
	// of the clause, or at endAt when set.
	title bool
	// shows: the frame tells how the Council's report was prepared or
	// drafted, or what year it covers — a point about the report, unlike
	// its naming as a meeting's business or the formal act of presenting
	// it. The mention sets aside the other
	// themes' words it holds, not those of the report's own theme (the
	// one with report_terms).
	shows bool
	// scene: a scene-setting clause of coverage, which also ends at its
	// comma ("as it continued its consideration of the report, | the
	// representative said …").
	scene bool
	// whole: the mention is the whole sentence.
	whole bool
	// relative: with whole, a match inside a relative clause (", which
	// was revised under …") makes a mention of that clause alone: the
	// clause before it makes its own point.
	relative bool
	// rest: the mention starts where the match ends. The match's own
	// words make a point ("separate debates" is how the Assembly takes up
	// the report); what they name after them is a mention.
	rest  bool
	endAt *regexp.Regexp
	// triggers, and also when set: words one of which (of each list) the
	// lower-cased sentence must hold for the frame to be tried; trig and
	// alsoTrig number them in the cue set's frameWords.
	triggers, also []string
	trig, alsoTrig []int
	// fast, needsFast and unlessFast are re, needs and unless with their
	// prefilters and lowered forms: most sentences with a frame's trigger
	// words still lack words its expression cannot match without.
	fast, needsFast, unlessFast *fastExpr
	// needs, when set, must match the sentence: a frame of coverage holds
	// only in a sentence that reports a meeting ("today", "told the
	// Assembly").
	needs *regexp.Regexp
	// unless, when set, cancels the frame in a sentence it matches: "the
	// report was presented earlier this year" says when, which is the
	// topic.
	unless *regexp.Regexp
	// practice, when set, cancels the frame in a sentence whose passage
	// matches it: a meeting named as an event, in a passage that makes a
	// point about that kind of meeting (who may speak in it, for how
	// long), is part of the point.
	practice *regexp.Regexp
	// elsewhere, when set, makes the frame hold only in a sentence whose
	// passage it reports true for: a short form ("this question") is said
	// of another subject the passage names.
	elsewhere func(passage string) bool
	// unlessWords, when set, cancels the frame in a sentence that holds
	// one of its words: the cheaper form of an unless that is a list of
	// words.
	unlessWords *wordSet
	// lead, when set, is how far before each occurrence of one of the
	// triggers the expression is sought, to the trigger's end: an
	// expression that ends in its trigger need not be run over the rest
	// of a long sentence.
	lead int
}

// find returns the frame's matches in text (lower is text in lower case,
// inPlace says whether the lowered expression may run on it).
func (fr *frame) find(text, lower string, inPlace bool) [][]int {
	re, s := fr.fast.on(text, lower, inPlace)
	if fr.lead == 0 || len(lower) != len(text) {
		return re.FindAllStringIndex(s, -1)
	}
	var out [][]int
	for _, w := range fr.triggers {
		for off := 0; ; {
			i := strings.Index(lower[off:], w)
			if i < 0 {
				break
			}
			i += off
			off = i + len(w)
			from := 0
			if i > fr.lead {
				// from the start of a word
				from = i - fr.lead
				if sp := strings.IndexByte(text[from:i], ' '); sp >= 0 {
					from += sp + 1
				} else {
					from = i
				}
			}
			// with the character after the trigger, which says whether
			// the trigger ends a word
			to := off
			if to < len(text) {
				_, n := utf8.DecodeRuneInString(text[to:])
				to += n
			}
			for _, loc := range re.FindAllStringIndex(s[from:to], -1) {
				out = append(out, []int{from + loc[0], from + loc[1]})
			}
		}
	}
	return out
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

// englishMeeting names a meeting by a noun, after up to four words, set
// off by commas or not ("today's Security Council open debate", "this,
// always timely, open debate").
const englishMeeting = `(?:[\w'’-]+,?\s+){0,4}?(?:debate|meeting|discussion|briefing|dialogue|exchange)\b`

// englishSelf names the meeting being held: "this debate", "today's
// important open debate". Some texts write the apostrophe as a backtick
// ("today`s").
const englishSelf = `(?:this|today['’\x60]s|the present|tomorrow['’\x60]s|yesterday['’\x60]s|this (?:morning|afternoon)['’\x60]s),?\s+` + englishMeeting

// reportNamedTail is the report named after a verb that tables or presents
// it, with the adverbs or the one it goes to between ("adopted without a
// vote its draft report", "introduced the Council's annual report", "will
// present to us the annual report").
const reportNamedTail = `(?:to\s+(?:us|you|the\s+(?:general\s+)?assembly|(?:all\s+)?(?:the\s+)?members(?:hip)?)\s+)?(?:(?:without a vote|unanimously|by consensus|today|this (?:morning|afternoon|evening)|yesterday|formally|also|finally),?\s+)*(?:(?:the|this|its|our|their|his|her|year['’]s|annual|draft|council['’]s|security|council|of|[\w-]*(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|teenth|ieth)|\d+(?:st|nd|rd|th))\s+){1,5}(?:report|introduction|document|volume)\b`

// reportBeing is the report as the subject of a passive ("the report
// (A/79/2) was …", "the introduction, drafted by Malta, is being …").
const reportBeing = `(?:(?:the|this|that|its|their)\s+(?:[\w'’-]+\s+){0,2}?)?(?:report|introduction)(?:\s+\([^)]{0,40}\)|,[^,;:.]{1,100},)?\s+(?:was|were|is|are|has been|had been|will be|is being|being)\s+(?:\w+ly\s+)?`

// leadingMeeting leads to the noun of what a sentence's opening clause
// opens or presents ("Opening the Assembly's annual debate, …").
const leadingMeeting = `(?:the|its|this|today['’]s|their|his|her)\s+(?:[\w'’-]+\s+){0,4}?`

// creditingOffice names the office under which someone led a piece of
// work; textIssued says that a text was issued, updated or agreed.
const (
	creditingOffice = `(?:chairmanship|chairship|chairpersonship|leadership|presidency|stewardship|guidance)`
	textIssued      = `\b(?:was|were|has been|had been)\s+(?:\w+\s+){0,2}?(?:issued|updated|adopted|compiled|revised|agreed|produced|published|drafted|prepared|finali[sz]ed|negotiated|launched|introduced|established|created)\b`
)

// pledgeWords are the words a pledge of support in a process is made of
// ("to support your efforts to advance", "our full and constructive
// engagement throughout").
const pledgeWords = `to|in|with|you|as|we|for|of|and|our|my|its|your|their|the|co-chairs?|chairs?|delegation['’]?s?|group['’]?s?|full|fullest|constructive|constructively|continued|steadfast|unwavering|active|actively|close|closely|fully|support|supporting|cooperation|cooperate|cooperating|engagement|engage|engaging|work|working|efforts|endeavou?rs|steer|steering|guide|guiding|advance|advancing|move|moving|take|taking|carry|carrying|lead|leading|forward|together|throughout|during|within|continue|continuing`

// englishMonth names a month, for dates written out ("20 October").
const englishMonth = `(?:january|february|march|april|may|june|july|august|september|october|november|december)`

// openDebatePractice marks a passage that makes a point about open
// meetings as a practice: the wider membership or non-members taking part
// and being heard, rule 37, outcomes agreed before the members speak, time
// limits on statements.
var openDebatePractice = regexp.MustCompile(`(?i)\b(?:(?:wider|general|broader|whole|entire|full)\s+(?:UN\s+|United Nations\s+)?membership|all\s+(?:UN\s+|United Nations\s+|the\s+)?member states|non-(?:council\s+)?members?)\b[^.;]*?\b(?:participat\w*|take part|taking part|speak\w*|spoke|floor|statements?|views|opportunity|heard|propose|proposals?|input|interact\w*|inscri\w*)|\b(?:opportunity|chance)\s+(?:for|to)\s+(?:all\s+)?(?:the\s+)?(?:UN\s+)?(?:member states|non-(?:council\s+)?members|(?:wider|general|broader) membership)|\boutcomes?\b[^.;]*?\b(?:agreed|decided|negotiated|predetermined|settled)\b|\b(?:predetermined|pre-agreed|pre-negotiated)\b|\b(?:speaking|time)\s+limits?\b|\b\w+-minute\b|\bminutes\b|\brule 37\b`)

// reportSays is the report (or the Assembly's reading of it) as the
// subject of what it shows or states. Cited as a source, what it shows
// follows as a clause ("the report shows that the Council met more
// often", "… reflects how often it met"), or the citation is an aside ("as the report shows, …"); what it
// shows as an object ("the report shows the range of the agenda") is what
// it holds, a point about it.
const reportSays = `(?:the|this)\s+(?:(?:consideration|examination|reading|review)\s+of\s+(?:the|this)\s+)?(?:annual\s+|present\s+)?report(?:\s+of\s+the\s+(?:security\s+)?council)?\s+(?:\w+ly\s+)?(?:shows|showed|indicates|indicated|reflects|reflected|demonstrates|reveals|illustrates|confirms|tells us|makes clear|states|stated|notes|noted)`

// reportContentsJudged marks a sentence that judges the report's
// contents or asks for something of them: what it covers is then the
// point ("it should cover the work of the subsidiary bodies", "it contains
// nothing on …").
var reportContentsJudged = newWordSet(
	[]string{"should", "must", "need", "needs", "ought", "would", "could", "hope", "only", "not", "no", "nothing", "little", "merely", "simply", "just", "more", "less", "better", "descriptive", "however", "but", "yet", "although", "though"},
	[]string{"propos", "urge", "call", "request", "fail", "lack", "regret", "insufficient", "analy", "substan", "welcome", "appreciat", "improv"}, true)

// A wordSet tells whether a text in lower case holds one of its words, or
// a word that starts with one of its stems, or a negation in "n't" when
// asked, in one
// pass over the text's words: a long list of alternatives in an expression
// is tried at every position of the text instead.
type wordSet struct {
	words map[string]bool
	stems []string
	// negations: a word in "n't" counts too.
	negations bool
}

func newWordSet(words, stems []string, negations bool) *wordSet {
	ws := &wordSet{words: map[string]bool{}, stems: stems, negations: negations}
	for _, w := range words {
		ws.words[w] = true
	}
	return ws
}

// in reports whether lower holds one of the set's words.
func (ws *wordSet) in(lower string) bool {
	for i := 0; i < len(lower); {
		j := i
		for j < len(lower) {
			if c := lower[j]; c >= 'a' && c <= 'z' || c == '\'' {
				j++
			} else if strings.HasPrefix(lower[j:], "’") {
				j += len("’")
			} else {
				break
			}
		}
		if j == i {
			i++
			continue
		}
		w := lower[i:j]
		i = j
		if ws.words[w] || (ws.negations && (strings.HasSuffix(w, "n't") || strings.HasSuffix(w, "n’t"))) {
			return true
		}
		for _, st := range ws.stems {
			if strings.HasPrefix(w, st) {
				return true
			}
		}
	}
	return false
}

// englishFrames are compiled with the cues, on first use.
func englishFrames() []frame {
	// reportEvaluation marks a clause that says how the report is, was or
	// should be: its timing and quality are the topic, not a procedure.
	// reported marks a sentence that reports a position or asks for
	// something: who a speaker is does not make it a mention.
	reported := regexp.MustCompile(`(?i)\b(?:said|says|stressed|called|calls|urged|urges|noted|emphasi[sz]ed|argued|warned|insisted|added|must|should|need|needs)\b`)
	reportEvaluation := regexp.MustCompile(`(?i)\b(?:earl(?:y|ier)|late|later|on time|on schedule|ahead of|in advance|deadline|time frame|timel(?:y|iness)|delay\w*|encourag\w*|analytic\w*|descriptive|substan\w*|quality|format|concise|improv\w*|lack\w*|fail\w*|should|must|need|needs|hope|regret\w*|despite|although|but)\b`)
	return []frame{
		// The meeting itself, in a procedural frame: taking part in it, holding
		// it, the opportunity it gives, its focus, what is said in it.
		{re: regexp.MustCompile(`(?i)(?:\b(?:participat\w*|tak(?:e|es|ing) part|took part|contribut\w*|join\w*|welcom\w*|speak\w*|spoke|address\w*|interven\w*|conven\w*|organi[sz]\w*|hold|holds|holding|held|open|opens|opened|opening|chair\w*|schedul\w*|arrang\w*|host\w*|initiat\w*|opportunity|occasion|chance|focus|themes?|topics?|subjects?|titles?|items?|timing|context|concept note|inclusion|outcome)(?:\s+(?:given|offered|provided|afforded|presented))?(?:\s+(?:in|at|to|of|for|by|during|on|with))?|\b(?:in|at|during|throughout|before|ahead of))\s+(?:what (?:i|we) (?:believe|think|consider|hope) (?:is|will be) )?` + englishSelf),
			triggers: []string{"debate", "meeting", "discussion", "briefing", "dialogue", "exchange"}, also: []string{"this", "today", "present", "morrow", "yesterday"}},
		// Taking part in a meeting, however it is named.
		{re: regexp.MustCompile(`(?i)\b(?:participat\w*|tak(?:e|es|ing) part|took part|contribut\w*)\s+(?:in|to)\s+(?:what (?:i|we) (?:believe|think|consider|hope) (?:is|will be) )?(?:an?|the|this|today['’]s)\s+` + englishMeeting),
			triggers: []string{"particip", "part", "contribut"}, also: []string{"debate", "meeting", "discussion", "briefing", "dialogue", "exchange"}},
		// One meeting of a kind named as an event: "ministers chaired its
		// yearly open debate", "the 3 May open debate", "what speakers
		// proposed at that open debate", "an informal consultation that
		// our President called". The kind of meeting is the occasion, not a
		// point about it; the kind said in general is ("open debates", "if
		// an open debate is called", "every year", "the open debate
		// format"), and so is the event in a
		// passage about who may speak in such meetings and for how long.
		// Only the meeting's name is a mention.
		{re: regexp.MustCompile(`(?i)(?:\b(?:its|their|the|this|that|an?|our|his|her)\s+|\b(?:\d{1,2}\s+` + englishMonth + `|` + englishMonth + `\s+\d{1,2})(?:,\s+\d{4})?\s+)(?:[\w'’-]+\s+){0,3}?(?:open (?:debate|briefing)|informal consultation)\b`),
			endAt: regexp.MustCompile(``), triggers: []string{"open debate", "open briefing", "informal consultation"}, lead: 64,
			unlessWords: newWordSet([]string{"annually", "should", "must", "ought", "whenever", "urge", "urges", "urged", "request", "requests", "requested", "propose", "proposes", "proposed", "encourage", "encourages", "encouraged"}, nil, false),
			unless:      regexp.MustCompile(`(?i)\b(?:each|every|any|single|when|if|once)\s+(?:an?\s+)?(?:[\w'’-]+\s+){0,2}?open (?:debate|briefing)\b|\b(?:every|each) (?:year|month|presidency)\b|\bneeds? to\b|\bcall(?:s|ed)? (?:on|upon|for)\b|\bopen (?:debate|briefing) (?:format|formula|model|practice|mechanism|modalit\w*|tradition|culture|system)s?\b`),
			practice:    openDebatePractice},
		// The list of speakers of the meeting being held, or of a meeting
		// named ("the list of speakers for today's meeting", "our list of
		// speakers opens on Friday"): the occasion's own roll, not a point
		// about how many may speak.
		{re: regexp.MustCompile(`(?i)\b(?:the|this|our|its|today['’]s)\s+(?:list of speakers|speakers['’]? list)\b`),
			endAt: regexp.MustCompile(``), triggers: []string{"list of speakers", "speakers list", "speakers' list", "speakers’ list"},
			needs: regexp.MustCompile(`(?i)\b(?:list of speakers|speakers['’]? list)\s+(?:(?:for|of|in|at)\s+(?:this|today['’]s|the present|tomorrow['’]s)\s+(?:[\w'’-]+\s+){0,2}?(?:debate|meeting|session)\b|(?:was\s+|is\s+|will be\s+)?(?:closed|closes|opened|opens)\b)`)},
		// Coverage: "as it continued its consideration of …".
		{re: regexp.MustCompile(`(?i)\bas (?:it|they|the (?:general )?assembly|the (?:security )?council|(?:the|that|this) (?:body|organ)|the \d+-(?:member|nation) (?:body|organ|council)|members|delegates|speakers)\s+(?:\w+\s+){0,2}?(?:continued|began|begun|concluded|resumed|opened|took up|held|holds|undertook|undertakes|convened|started|wrapped up|closed|considered|was considering|examined|reviewed|debated|met|discussed)\b`),
			scene: true, triggers: []string{"as "}, also: []string{"continu", "began", "begun", "conclud", "resum", "opened", "took up", "held", "holds", "undert", "convened", "start", "wrapped", "closed", "consider", "examin", "review", "debat", "met ", "discuss"}},
		// The report named as the business of the meeting being held ("it
		// is my pleasure to welcome you as we consider the annual report
		// of the Council"): the occasion, to its comma.
		{re: regexp.MustCompile(`(?i)\bas (?:we|it|the (?:general )?assembly)\s+(?:now\s+)?(?:consider|considers|(?:is|are) considering|take up|takes up|(?:is|are) taking up|debate|debates|examine|examines|discuss|discusses)\s+(?:the|its|this)\s+(?:[\w'’-]+\s+){0,3}?report\b`),
			scene: true, triggers: []string{"as we", "as it", "as the"}, also: []string{"report"}},
		// Coverage naming the report as the meeting's business: "as it
		// took note of the Council's report", "while concluding its debate
		// on the annual report", "the Assembly this morning continued its
		// discussion of the report of the Council", "the Assembly today took
		// up the Council's report". The report is the occasion; what
		// speakers said of it follows.
		{re: regexp.MustCompile(`(?i)(?:\b(?:as|while|when)\s+(?:(?:it|they|the (?:general )?assembly|delegates|speakers)\s+)?(?:\w+\s+){0,2}?(?:took|takes|taking) note of|\b(?:as|while|when|after|before)\s+(?:continuing|concluding|beginning|opening|resuming|closing|starting|wrapping up)\s+(?:its|their)\s+(?:[\w'’-]+\s+){0,2}?(?:debate|discussion|consideration|review|examination)\s+(?:of|on)|\bthe (?:general )?assembly\s+(?:\w+\s+){0,3}?(?:continue[sd]?|beg(?:an|ins?)|conclude[sd]?|resume[sd]?|open(?:s|ed)?|wrap(?:s|ped)? up|close[sd]?)\s+(?:its|their|the|a)\s+(?:[\w'’-]+\s+){0,2}?(?:debate|discussion|consideration|review|examination)\s+(?:of|on)|\bthe (?:general )?assembly\s+(?:[\w'’-]+\s+){0,4}?(?:took|takes|taking) up|\b(?:before|after|when|as|then)\s+(?:it|they|the (?:general )?assembly)\s+(?:\w+\s+)?(?:turned|turns|moved|moves|proceeded|proceeds)\s+to)\s+[^,;:.]{0,60}?\breport\b`),
			endAt: regexp.MustCompile(`[,;:(]|\.(?:\s|$)|\s[—–-]\s`), triggers: []string{"report"}, also: []string{"note of", "continu", "conclud", "began", "beginning", "open", "resum", "clos", "start", "wrap", "took up", "takes up", "taking up", "turn", "moved", "moves", "proceed"}, lead: 200},
		// Coverage: "… said today in an open debate on …".
		{re: regexp.MustCompile(`(?i)\b(?:during|in|at|throughout|for)\s+(?:(?:a|an|the|its|their|today['’]s|this (?:morning|afternoon|evening)['’]s|yesterday['’]s)\s+)?(?:[\w'’-]+\s+){0,3}?(?:debate|meeting|consideration|discussion|session)\s+(?:on|of|about|concerning|regarding|focused|focusing|centred|centered|devoted|dedicated|today|this morning|this afternoon|yesterday)\b`),
			scene: true, triggers: []string{"debate", "meeting", "consideration", "discussion", "session"},
			needs: regexp.MustCompile(`(?i)\b(?:today|this (?:morning|afternoon|evening)|yesterday|tonight|told the|heard)\b`)},
		// Coverage: "Opening the debate on …, the President said".
		{re: regexp.MustCompile(`(?i)^\W*(?:(?:before|after|on|upon|in)\s+)?(?:(?:opening|continuing|concluding|resuming|beginning|closing|wrapping up|taking up|launching)\s+` + leadingMeeting + `(?:debate|consideration|discussion|review|report|meeting|session|item)|(?:introducing|presenting|tabling)\s+` + leadingMeeting + `(?:debate|consideration|discussion|review|meeting|session|item))s?\b[^,;:.]{0,120},`),
			title: true, triggers: []string{"opening", "continuing", "concluding", "resuming", "beginning", "closing", "wrapping", "introducing", "presenting", "tabling", "taking up", "launching"}},
		// "Introducing the report, the President said …": the formal act
		// of presenting the report, like the debate opened.
		{re: regexp.MustCompile(`(?i)^\W*(?:(?:before|after|on|upon|in)\s+)?(?:introducing|presenting|tabling)\s+` + leadingMeeting + `(?:report|introduction|document|volume)\b[^,;:.]{0,120},`),
			title: true, triggers: []string{"introducing", "presenting", "tabling"}, also: []string{"report", "introduction", "document", "volume"}},
		// Opening or addressing a meeting; telling the Assembly.
		{re: regexp.MustCompile(`(?i)\b(?:open|opens|opened|opening|address|addresses|addressed|addressing|chaired|chairing|presided over|presiding over|convened)\s+(?:a|an|the|this|today['’]s)\s+` + `(?:[\w'’-]+\s+){0,4}?(?:debate|meeting|session)\b`),
			title: true, triggers: []string{"open", "address", "chair", "presid", "convened"}, also: []string{"debate", "meeting", "session"}},
		{re: regexp.MustCompile(`(?i)\b(?:told|tells|telling) the (?:general |security )?(?:assembly|council|\d+-(?:member|nation) (?:body|organ|council))\b|\bthe (?:general )?assembly (?:heard|was told)\b`),
			endAt: regexp.MustCompile(`(?i)\s(?:that|as|during|in|at|when|while|where)\s|[,;:]|\.\s`), triggers: []string{"told", "tells", "telling", "heard"}},
		// A meeting convened to discuss the report.
		{re: regexp.MustCompile(`(?i)\b(?:meeting|debate|session)\s+(?:being\s+|was\s+|is\s+|has been\s+|had been\s+)?(?:convened|held|organi[sz]ed|scheduled|called)\s+(?:[\w-]+\s+){0,3}?(?:to|in order to|for)\s+(?:allow\s+(?:[\w-]+\s+){1,3}?to\s+)?(?:discuss|consider|review|examine|take up|the consideration of|the discussion of)\b`),
			triggers: []string{"convened", "held", "organi", "scheduled", "called"}, also: []string{"debate", "meeting", "session"}},
		// The issues a meeting was to address, listed ("the meeting aimed
		// at addressing issues such as the agenda, documentation and
		// subsidiary bodies"): its agenda, a list of headings that makes no
		// point about any of them. Only the list is a mention.
		{re: regexp.MustCompile(`(?i)\b(?:meeting|debate|session|discussion)s?\b[^.;]{0,120}?\b(?:aimed at|aiming at|aims at|sought to|seeks to|was meant to|is meant to)\s+(?:address\w*|discuss\w*|consider\w*|review\w*|examin\w*|tackl\w*)\s+(?:[\w-]+\s+)?(?:issues|questions|matters|topics|subjects)\s+(?:such as|including)\b`),
			rest: true, endAt: regexp.MustCompile(`;|\.(?:\s|$)`), triggers: []string{"such as", "including"}, also: []string{"aimed at", "aiming at", "aims at", "sought to", "seeks to", "meant to"}},
		// The meeting's declared aim, in coverage or a speaker's opening
		// ("the aim of the meeting was to exchange views on …", "a debate
		// organized by the presidency to make the Council more …", "this
		// debate would help us direct the discussions towards …"): the
		// occasion's purpose, not a point of the speaker's, unless the
		// sentence asks for something.
		{re: regexp.MustCompile(`(?i)\b(?:aim|purpose|objective|goal)s?\s+of\s+(?:the|this|today['’]s|that)\s+(?:[\w'’-]+\s+){0,3}?(?:meeting|debate|session|discussion|dialogue)\b|\b(?:meeting|debate|session|discussion)s?\b[^.;]{0,80}?\b(?:convened|organi[sz]ed|held|scheduled|called|initiated)\b[^.;]{0,80}?\b(?:to|in order to|so as to|with a view to|aimed at|aiming at)\s+(?:\w+\s+)?(?:improv\w*|enhanc\w*|strengthen\w*|discuss\w*|exchang\w*|review\w*|consider\w*|examin\w*|assess\w*|take stock|reflect)|\b(?:this|today['’]s|the present)\s+(?:[\w'’-]+\s+){0,2}?(?:meeting|debate|session|discussion)\s+(?:will|would|can|could)\s+help\b`),
			endAt: regexp.MustCompile(`;|\.(?:\s|$)`), triggers: []string{"aim", "purpose", "objective", "goal", "convened", "organi", "held", "scheduled", "called", "initiated", "help"}, also: []string{"meeting", "debate", "session", "discussion", "dialogue"},
			unlessWords: newWordSet([]string{"should", "must", "ought", "need", "needs", "urge", "urges", "call", "calls"}, nil, true)},
		// The speaker's announced focus ("let me focus today on …", "allow
		// me to turn to …"): the outline of the statement, whose points
		// follow, unless the sentence asks for something itself.
		{re: regexp.MustCompile(`(?i)\b(?:let me|allow me to|permit me to|i (?:will|shall|would like to|wish to|want to)|i['’](?:ll|d like to))\s+(?:now\s+|briefly\s+|also\s+|first\s+)?(?:focus|concentrate|turn|dwell|touch|comment)\s+(?:today\s+|briefly\s+|now\s+|in particular\s+)?(?:on|upon|to)\b`),
			endAt: regexp.MustCompile(`;|\.(?:\s|$)`), triggers: []string{"focus", "concentrate", "turn", "dwell", "touch", "comment"}, also: []string{"let me", "allow me", "permit me", "i will", "i shall", "i would", "i wish", "i want", "i'll", "i’ll", "i'd", "i’d"},
			unlessWords: newWordSet([]string{"should", "must", "ought", "need", "needs", "urge", "urges", "call", "calls"}, nil, true)},
		// A body that met to discuss the matter: the meeting is the
		// occasion ("the Assembly met on two days to discuss …").
		{re: regexp.MustCompile(`(?i)\b(?:met|meets|reconvened)\s+(?:[\w,'’-]+\s+){0,6}?(?:to|in order to)\s+(?:discuss|consider|review|examine|take up|debate)\b`),
			triggers: []string{"met ", "meets", "reconvened"}},
		// The report (or "the document") named as a meeting's business:
		// adopted, circulated, taken up by the Council.
		{re: regexp.MustCompile(`(?i)\b(?:adopt\w*|circulat\w*|proceed\w* to (?:the )?consideration of)\s+` + reportNamedTail),
			title: true, triggers: []string{"report", "introduction", "document", "volume"}, also: []string{"adopt", "circulat", "proceed"}, unless: reportEvaluation},
		// The report presented: introduced, submitted, tabled ("it is my
		// honour to introduce the annual report", "the report was
		// introduced by …"). The formal act is procedure; what the report
		// says or how it was prepared is the point.
		{re: regexp.MustCompile(`(?i)\b(?:introduc\w*|present(?:s|ed|ing)?|submit\w*|transmit\w*|tabl(?:e|es|ed|ing))\s+` + reportNamedTail),
			title: true, triggers: []string{"report", "introduction", "document", "volume"}, also: []string{"introduc", "present", "submit", "transmit", "tabl"}, unless: reportEvaluation},
		{re: regexp.MustCompile(`(?i)\b` + reportBeing + `(?:adopted|circulated|issued|published)\b`),
			title: true, triggers: []string{"report", "introduction"}, also: []string{"adopt", "circulat", "issued", "published"}, unless: reportEvaluation},
		{re: regexp.MustCompile(`(?i)\b` + reportBeing + `(?:introduced|presented|submitted|transmitted)\b`),
			title: true, triggers: []string{"report", "introduction"}, also: []string{"introduc", "present", "submit", "transmit"}, unless: reportEvaluation},
		// Who drafted the report ("the introduction was prepared by the
		// delegation of …", "whose delegation prepared the report's
		// introduction"): how the report was prepared, a point about it,
		// beside which the other themes' words are credit.
		{re: regexp.MustCompile(`(?i)\b(?:(?:the|this|that|its|their)\s+(?:[\w'’-]+\s+){0,4}?)?(?:report|introduction)\s+(?:\([^)]{0,40}\)\s+)?(?:was|were|had been|has been|is being)\s+(?:\w+ly\s+)?(?:prepared|drafted|coordinated)\s+by\b|\b(?:delegation|presidency|mission)\b[^.;:]{0,60}?\b(?:prepared|drafted|coordinated)\s+(?:the\s+)?(?:draft\s+)?(?:(?:annual\s+)?report['’]s\s+)?introduction\b`),
			shows: true, triggers: []string{"prepared", "drafted", "coordinated"}, also: []string{"report", "introduction"}},
		// The rules the report was drafted under, said at its adoption
		// ("the draft report was prepared in accordance with the note
		// of …"): how the report was prepared, a point about it, in which
		// the rules are cited (see the basis adjunct below).
		{re: regexp.MustCompile(`(?i)\b(?:(?:the|this|that|its)\s+(?:[\w'’-]+\s+){0,3}?)?(?:report|introduction)\s+(?:was|were|had been|has been)\s+(?:\w+ly\s+)?(?:prepared|drafted)\s+(?:in accordance with|in line with|pursuant to)\b`),
			endAt: regexp.MustCompile(``), shows: true, triggers: []string{"accordance", "in line with", "pursuant"}, also: []string{"report", "introduction"}},
		// The report cited as the source of a point about the Council's
		// work ("as the report shows, the Council met more often",
		// "according to the figures in the document, …"): the point is the
		// topic, unless the sentence says how the report is.
		{re: regexp.MustCompile(`(?i)\baccording to (?:the (?:figures|data|numbers) (?:in|of) )?(?:the|this|its) (?:annual |present |draft )?(?:report|document|volume)\b|\bas (?:is |was |it is )?(?:evident|shown|noted|reflected|indicated|seen|stated|clear|described) (?:from|in|by) (?:the|this|its) (?:annual |present |draft )?report\b|\bas\s+` + reportSays + `\b|(?:^|[,;:])\W*` + reportSays + `(?:\s+(?:that|how|what|where|when|whether)\b|\s*[,;:])`),
			endAt: regexp.MustCompile(``), triggers: []string{"report", "document", "volume"}, also: []string{"according", "evident", "shown", "noted", "reflect", "indicat", "seen", "stated", "clear", "described", "show", "demonstrat", "reveal", "illustrat", "confirm", "tells", "states", "notes"}, unless: regexp.MustCompile(reportEvaluation.String() + `|\b(?:analys\w*|little|nothing|only|merely|barely|hardly|well|accurately|faithfully|fully|poorly)\b`)},
		// The report as the document before the meeting ("members of the
		// Council have before them the draft report").
		{re: regexp.MustCompile(`(?i)\b(?:have|has|had)\s+before\s+(?:them|it|us|you)\s+(?:the\s+)?(?:draft\s+)?(?:annual\s+)?report\b`),
			triggers: []string{"before "}, also: []string{"report"}},
		// The papers before a meeting listed ("Along with the report of the
		// Council, the Assembly has before it a note by …"): procedure,
		// unless the sentence says how the report is.
		{re: regexp.MustCompile(`(?i)\b(?:along with|together with)\b[^.;]{0,120}?\b(?:have|has|had)\s+before\s+(?:them|it|us|you)\b`),
			whole: true, triggers: []string{"before "}, also: []string{"along with", "together with"}, unless: reportEvaluation},
		// A meeting named at the head of coverage with what it took up
		// ("During a joint debate, which included consideration of the
		// annual report, speakers …"): the occasion, to the relative
		// clause's comma.
		{re: regexp.MustCompile(`(?i)^\W*(?:during|in|at|throughout|over)\s+(?:a|an|the|its|their|today['’]s|yesterday['’]s|this)\s+(?:[\w'’-]+\s+){0,3}?(?:debate|meeting|session|discussion)s?,\s+which\s+[^,;:.]{1,160},`),
			endAt: regexp.MustCompile(``), triggers: []string{"which"}, also: []string{"debate", "meeting", "session", "discussion"}},
		// The heading of a press release that carries a statement ("The
		// following Security Council press statement was issued today by
		// …"): what the statement says follows it.
		{re: regexp.MustCompile(`(?i)\bthe following\s+(?:[\w'’-]+\s+){0,3}?(?:press statement|statement|press release|presidential statement|statement by the president)\s+(?:was|has been|is)\s+(?:\w+ly\s+)?(?:issued|read out|read|made|delivered|released|circulated)\b`),
			triggers: []string{"the following"}},
		// Aligning with another's statement, and the statement named.
		{re: regexp.MustCompile(`(?i)\b(?:(?:align|aligns|aligned|aligning|associate|associates|associated|associating)\s+(?:ourselves|itself|myself|themselves|(?:our|my|its|their)\s+(?:delegation|statement|intervention|remarks|country|group))\s+(?:fully\s+|also\s+)?with|subscribes?\s+(?:fully\s+)?to\s+(?:the\s+)?(?:statement|remarks|what))\b`),
			triggers: []string{"align", "associat", "subscribe"}},
		{re: regexp.MustCompile(`(?i)\b(?:the|this|that|his|her|its|their)\s+(?:joint\s+)?(?:statement|intervention|remarks)\s+(?:\w+\s+){0,2}?(?:delivered|made|read|given|presented)?\s*(?:by|of|on behalf of)\b`),
			title: true, triggers: []string{"statement", "intervention", "remarks"}},
		// The Presidents named as speakers in coverage ("…, President of the
		// General Assembly, said"; "Assembly President X"), with the
		// delegate's own title before ("Albania's representative, Security
		// Council President for September, said"): "representative" there
		// is the speaker, not a quality of the Council.
		{re: regexp.MustCompile(`(?i)(?:\brepresentative\s*)?(?:,\s*|\)\s*,?\s*|\bsaid\s+(?:the\s+)?)(?:current\s+|then\s+|outgoing\s+|incoming\s+|former\s+|acting\s+)?(?:president of the (?:general )?assembly|(?:general )?assembly president|president of the (?:security )?council|(?:security )?council president)\b|\b(?:general )?assembly president\s+(?-i:[A-Z])`),
			title: true, triggers: []string{"president"}},
		// The Assembly's President as the one who speaks or acts in the
		// Assembly's own business ("the President of the General Assembly
		// today urged participants …", "the President of the Assembly shall
		// assess the debate"): the office names the speaker, not a dealing
		// between the Assembly's President and the Council.
		{re: regexp.MustCompile(`(?i)\bthe\s+president\s+of\s+the\s+(?:general\s+)?assembly\s+(?:(?:today|yesterday|also|then|this\s+(?:morning|afternoon)|shall|will|would)\s+)*(?:said|says|urged|urges|told|tells|noted|notes|stressed|recalled|called|opened|declared|announced|emphasi[sz]ed|observed|added|warned|assess(?:es|ed)?)\b`),
			endAt: regexp.MustCompile(``), triggers: []string{"president of the"}},
		// Speaking for a group.
		{re: regexp.MustCompile(`(?i)\b(?:on behalf of|representing|speaking for)\s+(?:the\s+)?(?:current\s+|(?:\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\w+teen|twenty|thirty|forty|fifty|several|many|some)\s+)?(?:former\s+|current\s+|past\s+)?(?:E10|E-10|A3\+?|A3 plus|elected (?:council )?members|elected ten|non-permanent members|non-aligned movement|[\w-]+ group|group of [\w ]{1,30}?|member states of)\b`),
			title: true, triggers: []string{"behalf", "representing", "speaking for"}},
		// A group of members as the one who speaks ("we, the elected
		// members, are committed to …", "the E10 stressed …", "a goal of
		// the E10"): the group names the speaker, its role is not the
		// point. Only the group's name is a mention.
		{re: regexp.MustCompile(`(?i)\bwe,?\s+(?:as\s+)?(?:the\s+)?(?:ten\s+)?(?:elected members|elected ten|E10|E-10)\b|\bas (?:an? |the )?(?:(?:current|newly|former|incoming|outgoing|new|recently)\s+)*elected (?:council\s+)?(?:members?|ten)(?:\s+of\s+(?:the\s+|this\s+)?(?:security\s+)?council)?(?:,\s+we\b)?|\((?:elected ten,\s*)?E-?10\)|\b(?:the\s+)?(?:E10|E-10|elected ten|(?:ten\s+)?elected members)\s+(?:have\s+|has\s+|also\s+|all\s+|again\s+)?(?:said|say|says|emphasi[sz]ed|emphasi[sz]e|stressed|stress|underlined|underscored|welcomed|welcome|called|urged|noted|are committed|is committed|remain committed|are united|stand united|remain united|speak with one voice|believe|reiterated|reiterate|are dedicated|expressed|recalled|highlighted|issued)\b|\b(?:goal|goals|priority|priorities|statement|position|behalf)\s+of\s+the\s+(?:E10|E-10|elected ten|ten elected members)\b`),
			endAt: regexp.MustCompile(``), triggers: []string{"e10", "e-10", "elected"}},
		// The presiding officer addressed: "Mr. President, …".
		{re: regexp.MustCompile(`(?i)\b(?:mr\.?|madam|madame|mister)\s+(?:vice-)?(?:president|chair|chairman|chairperson|co-chair)\b`),
			endAt: regexp.MustCompile(``), triggers: []string{"mr.", "mr ", "madam", "mister"}},
		// A speaker's office in apposition ("…'s representative, Chair of
		// the Working Group on …, said"; "Ambassador X, Permanent
		// Representative and Chair of …"). Not at the start of a
		// sentence: there the office is the subject that speaks of a
		// topic ("The Co-Chair of the Working Group said the compendium
		// …").
		{re: regexp.MustCompile(`(?i)(?:[,;]\s+|\sand\s+)(?:the\s+)?(?:current\s+|outgoing\s+|incoming\s+|former\s+)?(?:chair|chairman|chairperson|chairwoman|co-chair|coordinator|facilitator|co-facilitator|vice-chair)\s+of\b`),
			title: true, triggers: []string{"chair", "coordinator", "facilitator"}},
		// A briefer named with an office that is a theme's word ("Anna
		// Berg, Ombudsperson established under resolution 1904 (2009),"): the
		// office says who speaks, as a chair's does.
		{re: regexp.MustCompile(`(?-i:\b[A-Z][a-z]+\s+[A-Z][\w'’-]+),\s+(?:Ombudsperson|Ombudsman|Prosecutor|Special Representative|Special Envoy|Special Adviser|Executive Director|High Commissioner|Under-Secretary-General|Assistant Secretary-General)\b`),
			title: true, triggers: []string{"ombuds", "prosecutor", "special", "executive director", "high commissioner", "secretary-general"},
			unlessWords: asking},
		// The Assembly's President named with their name in apposition
		// ("the President of the General Assembly, Ana Ruiz (Peru), said"):
		// the office says who speaks, not a point on the two organs.
		{re: regexp.MustCompile(`(?i)\bpresident\s+of\s+the\s+(?:general\s+)?assembly,\s+(?-i:[A-Z][\w'’.-]+)(?:\s+(?-i:[A-Z][\w'’.-]+)){0,3}\s*(?:\([^)]{1,40}\)\s*)?,`),
			endAt: regexp.MustCompile(``), triggers: []string{"president"}, also: []string{"assembly"}},
		// Who a member was then, in a relative clause ("the Mission of X,
		// which was then the pen-holding member"): its office at the time
		// says who, not a point on the office.
		{re: regexp.MustCompile(`(?i),\s+(?:which|who)\s+(?:was|were)\s+(?:then|at the time|at that time)\s+(?:the|a|an|its|their)\b`),
			title: true, triggers: []string{"then", "at the time", "at that time"}, also: []string{"which", "who"}},
		// The Assembly's President telling the Assembly of its own business
		// ("The President informed the Assembly that the sponsors had
		// withdrawn their text"): the Assembly's procedure, not the Council
		// informing it.
		{re: regexp.MustCompile(`(?i)\b(?:the\s+|assembly\s+)president\s+(?:(?-i:[A-Z][\w'’.-]+)\s+){0,3}?(?:\([^)]{1,40}\)\s+)?(?:also\s+|then\s+)?(?:informed|informs|informing|notified|notifies|reminded|reminds)\s+the\s+(?:general\s+)?assembly\b`),
			endAt: regexp.MustCompile(`(?i)\s(?:that|as|during|in|at|when|while|where)\s|[,;:]|\.\s`), triggers: []string{"informed", "informs", "informing", "notified", "notifies", "reminded", "reminds"}, also: []string{"president"}},
		// How long a debate lasted, at the head of coverage ("After two
		// days of debate on Council reform, the Assembly …"): the occasion,
		// to its comma.
		{re: regexp.MustCompile(`(?i)^\W*(?:after|following)\s+(?:[\w'’-]+\s+){1,4}?(?:days?|hours?|meetings?|sittings?)\s+of\s+(?:[\w'’-]+\s+){0,2}?(?:debates?|discussions?|deliberations?)\b`),
			scene: true, triggers: []string{"after", "following"}, also: []string{"day", "hour", "meeting", "sitting"}},
		// What the speaker's delegation did, in apposition ("X (France),
		// whose delegation led the work on …, said"): who speaks, like an
		// office — but the report's introduction drafted, told there, is
		// how the report was prepared (see "Who drafted the report").
		{re: regexp.MustCompile(`(?i)(?:\)|\w),\s+whose\s+(?:delegation|country|presidency|government|team)\b`),
			title: true, shows: true, triggers: []string{"whose"}},
		// The work of the one thanked, in a relative clause ("we thank
		// Peru, who led the talks on …"): a courtesy, like "for their work
		// on …".
		{re: regexp.MustCompile(`(?i)\b(?:thank\w*|tribute to|commend\w*|salut\w*|grateful to|gratitude to|appreciation to|congratulat\w*)\b[^.;:]{0,160}?,\s+(?:which|who)\s+(?:has\s+|have\s+|had\s+)?(?:\w+ly\s+)?(?:steered|led|chaired|co-chaired|drafted|facilitated|co-facilitated|coordinated|guided|prepared|spearheaded|championed|presided over|shepherded)\b`),
			triggers: []string{"which", "who"}, also: []string{"thank", "tribute", "commend", "salut", "grateful", "gratitude", "appreciation", "congratulat"}},
		// Who spoke where: "delivered the statement at the debate on …".
		{re: regexp.MustCompile(`(?i)\b(?:delivered|made|read|gave|presented)\s+(?:the|a|his|her|its|their|this|our)\s+(?:[\w'’-]+\s+){0,2}?(?:statement|remarks|intervention)\s+(?:at|in|during|to|before)\b`),
			triggers: []string{"statement", "remarks", "intervention"}, also: []string{"deliver", "made", "read", "gave", "present"}},
		// Welcoming the audience to the meeting.
		{re: regexp.MustCompile(`(?i)\bwelcom\w*\s+(?:you|all|everyone|all of you|delegations|members)\s+(?:to|at)\s+` + englishSelf),
			triggers: []string{"welcom"}},
		// The pandemic as the circumstance a point is made despite ("the
		// report came out early despite the limits the COVID-19 pandemic
		// set", "notwithstanding the pandemic's uncertainties, the Council
		// …"): a concession, like "during the pandemic" a time marker, to
		// its comma.
		{re: regexp.MustCompile(`(?i)\b(?:despite|notwithstanding|in spite of)\s[^,;:.]{0,120}?\b(?:pandemics?|covid(?:-19)?|coronavirus|health crisis)\b`),
			scene: true, triggers: []string{"despite", "notwithstanding", "in spite of"}, also: []string{"pandemic", "covid", "coronavirus", "health crisis"}},
		// The reform's issues listed ("categories of membership, the
		// question of the veto, regional representation, … and the
		// relationship with the Assembly"): the veto and the relationship
		// are named as items of the reform's agenda, not discussed.
		{re: regexp.MustCompile(`(?i)\b(?:(?:the\s+)?(?:question|issue|matter)\s+of\s+(?:the\s+)?veto|(?:the\s+)?veto\s+(?:question|issue)|the\s+veto\s*[,;]|(?:the|its)\s+relationship\s+(?:between\s+(?:the\s+)?(?:security\s+)?council\s+and\s+(?:the\s+)?(?:general\s+)?assembly|between\s+(?:the\s+)?(?:general\s+)?assembly\s+and\s+(?:the\s+)?(?:security\s+)?council|with\s+(?:the\s+)?(?:general\s+)?assembly))\b`),
			endAt: regexp.MustCompile(``), triggers: []string{"veto", "relationship"}, also: []string{"categor", "representation", "clusters", "issues"},
			needs: regexp.MustCompile(`(?i)\b(?:categor(?:y|ies)\s+of\s+(?:membership|members|seats)|membership\s+categor(?:y|ies)|regional\s+representation|size\s+of\s+(?:an?|the)\s+(?:enlarged|expanded|reformed)|(?:five|5)\s+(?:key\s+)?(?:clusters|issues)|key\s+issues|clusters)\b`)},
		// The Council's make-up described ("it has five permanent members
		// with the veto and ten elected for two-year terms"): how many
		// seats of each kind there are, not a point about the veto or the
		// elected members' share of the work.
		{re: regexp.MustCompile(`(?i)\b(?:five|5)\s+(?:[\w'’-]+,?\s+){0,2}?(?:permanent|veto-holding|veto-wielding)\b(?:,?\s+(?:veto-holding|veto-wielding))?(?:\s+council)?\s+members?\b(?:\s+(?:with|holding|wielding|that hold|who hold)\s+(?:the\s+|a\s+)?(?:right\s+of\s+)?veto(?:\s+(?:power|powers|rights?))?)?|\b(?:ten|10)\s+(?:other\s+)?(?:(?:rotating|elected|non-permanent)\s+)+(?:council\s+)?members?\b(?:\s+(?:each\s+)?(?:elected\s+for|serving|chosen\s+for)\s+two-year\s+terms?)?|\b(?:another|the other|the remaining)\s+(?:ten|10)\b[^.;]{0,40}?\btwo-year\s+terms?\b`),
			endAt: regexp.MustCompile(``), triggers: []string{"permanent", "two-year"}, also: []string{"five", "ten", "10"},
			needs: regexp.MustCompile(`(?i)\b(?:five|5)\s+(?:[\w'’-]+,?\s+){0,2}?(?:permanent|veto-holding|veto-wielding)\b.*\b(?:ten|10)\b|\b(?:another|the other|the remaining)\s+(?:ten|10)\b|\b(?:has|have|had|consists?\s+of|consisting\s+of|made\s+up\s+of|composed\s+of|comprises|comprising)\s+(?:only\s+|just\s+)?(?:the\s+)?(?:five|5)\s+(?:[\w'’-]+,?\s+){0,2}?(?:permanent|veto-holding|veto-wielding)\b`)},
		// What period the report covers ("the report covers the period
		// from … to …") is where it stands, part of the formal act of
		// presenting it, not a point about it, unless the sentence judges
		// what the report holds.
		{re: regexp.MustCompile(`(?i)\b(?:the|this|that|its|our)\s+(?:annual\s+)?report(?:\s+of\s+the\s+(?:security\s+)?council|\s+before\s+us)?(?:,[^,;:.]{1,80},)?\s+(?:covers|covered|spans|spanned|is for|concerns)\s+the\s+(?:period|calendar year|year)\b`),
			triggers: []string{"period", "year"}, also: []string{"cover", "span", "concern", "is for"}, unlessWords: reportContentsJudged},
		// Courtesies to the one presiding over a file: praise for their
		// will, priorities, leadership or appointment ("we appreciate
		// that you have made the reform of the Council one of your
		// priorities"), or confidence in it ("we are confident that under
		// your guidance the talks will advance"), unless the sentence also
		// asks for something.
		{re: regexp.MustCompile(`(?i)\b(?:appreciat\w*|commend\w*|welcom\w*|grateful|gratitude|look(?:s|ing)? forward|congratulat\w*|salut\w*|pay tribute|pays tribute|confident|confidence)\b.{0,160}?\b(?:your|his|her|the same)\s+(?:[\w'’-]+\s+){0,2}?(?:will|priority|priorities|commitment|determination|leadership|guidance|appointment|re-appointment|reappointment|mandate|presidency|predecessor|stewardship)\b`),
			whole: true, triggers: []string{"appreciat", "commend", "welcom", "grateful", "gratitude", "forward", "congratulat", "salut", "tribute", "confiden"}, also: []string{"your", "his ", "her ", "the same"},
			unless: regexp.MustCompile(`(?i)\b(?:must|should|call on|calls on|call upon|urge|urges|need to|needs to|request|requests|insist)\b`)},
		// Who a group is: what it comprises, what it was set up to do,
		// who coordinates it.
		{re: regexp.MustCompile(`(?i)^\W*(?:the|our|this)\s+(?:[\w.’'-]+\s+){0,4}?(?:group|committee|movement|coalition|alliance|network)\b.{0,200}?\b(?:comprises|is composed of|brings together|consists of|is made up of|unites|are united|is united|is tasked|are tasked|is mandated|was established|was founded|was formed)\b`),
			whole: true, triggers: []string{"group", "committee", "movement", "coalition", "alliance", "network"}, also: []string{"compris", "compos", "together", "consist", "made up", "unite", "tasked", "mandated", "establish", "founded", "formed"}, unless: reported},
		{re: regexp.MustCompile(`(?i)\b(?:is|was|serves as|acts as|spoke as|speaks as)\s+(?:the\s+)?(?:current\s+)?(?:coordinator|chair|chairman|chairperson|convenor|convener|co-chair|focal point)\s+of\b`),
			whole: true, triggers: []string{"coordinator", "chair", "conven", "focal point"}, unless: reported},
		// A member's place in its group ("Estonia has been at the forefront
		// of the group's work on transparency"): who speaks, not a point.
		{re: regexp.MustCompile(`(?i)\b(?:has|have|had)\s+(?:long\s+|always\s+)?been\s+(?:at the forefront|in the lead|at the helm|a driving force)\s+of\s+(?:the\s+|our\s+|its\s+)?(?:[\w'’-]+\s+){0,3}?(?:group|network|coalition|alliance|initiative)\b`),
			whole: true, triggers: []string{"forefront", "in the lead", "at the helm", "driving force"}, unless: reported},
		{re: regexp.MustCompile(`(?i)^\W*what (?:brings|binds|unites|holds|keeps) (?:us|our group|our members|them) together\b`),
			whole: true, triggers: []string{"together"}, unless: reported},
		// The speakers' purpose in meeting: "we are here today to
		// discuss …".
		{re: regexp.MustCompile(`(?i)\b(?:we are|we have|we have been|are)\s+(?:here|gathered|meeting|assembled|convened)\s+(?:here\s+)?(?:today\s+)?to\s+(?:discuss|consider|take up|debate|address|examine)\b`),
			triggers: []string{"here", "gathered", "meeting", "assembled", "convened"}, also: []string{"discuss", "consider", "take up", "debate", "address", "examine"}},
		// The presiding officer taking up the item, to its comma.
		{re: regexp.MustCompile(`(?i)\bwe\s+(?:now\s+|today\s+|will\s+)?(?:take|took)\s+up\b`),
			scene: true, triggers: []string{"take up", "took up"}},
		// An adjunct that names the basis, document or agenda item an act
		// follows ("prepared in accordance with the note …", "under the
		// agenda item …", "without prejudice to closed consultations")
		// cites it, and so does an authority quoted for a point ("as stated in
		// Article 24 (1)", "as
		// Article 24 reminds us"); the head of the clause is the topic. It
		// runs to the end of its noun phrase, a list of paragraphs and
		// articles included.
		{re: regexp.MustCompile(`(?i)\b(?:in accordance with|pursuant to|as (?:stipulated|provided|required|set out|laid down|envisaged|prescribed|stated|enshrined|set forth|spelled out|spelt out|written) (?:in|by|under)|(?:required|prescribed|stipulated|due) (?:under|by)|under (?:the|its) agenda items?|without prejudice to|(?:as )?(?:a )?regular features? of|(?:reflected|recorded|issued|circulated) (?:in|as) (?:a |an )?(?:note|document|letter)|\bas (?:article|rule|resolution|the charter)\b[^,;:.]{0,60}?\b(?:makes clear|made clear|says|states|provides|stipulates|recalls|requires|reminds us))\b(?:[^,;:]{0,60}?,\s+(?:and\s+)?(?:paragraph|article)\s+\d+)*`),
			endAt:    basisEnd,
			triggers: []string{"makes clear", "made clear", "says", "states", "provides", "stipulates", "recalls", "requires", "reminds us", "stated", "enshrined", "set forth", "spelled out", "spelt out", "written", "accordance", "pursuant", "stipulated", "provided", "required", "due under", "due by", "set out", "laid down", "envisaged", "prescribed", "agenda item", "prejudice", "regular feature", "reflected", "recorded", "issued", "circulated"}},
		// The report's contents listed: what it, or its introduction,
		// contains, covers or is given to ("chapters on the committees and
		// on each situation") describes the document;
		// a list of its chapters makes no point about any of them. A
		// judgement of the contents, or a request about them, is a point.
		{re: regexp.MustCompile(`(?i)\b(?:contains?|containing|covers?|covered|covering|details|detailing|summari[sz]es|(?:dedicated|devoted)\s+to|deals?\s+with|dealing\s+with)\b`),
			endAt: regexp.MustCompile(`[;:]|\.(?:\s|$)`), triggers: []string{"report", "introduction"}, also: []string{"contain", "cover", "detail", "summar", "dedicated", "devoted", "deal"},
			needs:       regexp.MustCompile(`(?i)\b(?:report|introduction)\b[^.;:]*?\b(?:contains?|containing|covers?|covered|covering|details|detailing|summari[sz]es|(?:dedicated|devoted)\s+to|deals?\s+with|dealing\s+with)\b`),
			unlessWords: reportContentsJudged},
		// The third paragraph of Article 27, a party to a dispute
		// abstaining, cited by number ("Article 27(3)", "27.3", "paragraph 3 of
		// Article 27"): a rule on who may vote, which speakers invoke
		// against the veto, not the article as the basis of how votes are
		// cast.
		{re: regexp.MustCompile(`(?i)\barticle\s+27\s*(?:\(\s*3\s*\)|\.3\b|,?\s+paragraph\s+3\b)|\bparagraph\s+3\s+of\s+article\s+27\b`),
			endAt: regexp.MustCompile(``), triggers: []string{"27"}},
		// The third paragraph of Article 24, the Council's duty to report
		// to the Assembly, cited by number ("Article 24 (3)", "Article 24,
		// paragraph 3"): the basis of the report, not the Council acting
		// for the membership that the article's first paragraph states.
		{re: regexp.MustCompile(`(?i)\barticle\s+24\s*(?:\(\s*3\s*\)|\.3\b|,?\s+paragraph\s+3\b)|\bparagraph\s+3\s+of\s+article\s+24\b`),
			endAt: regexp.MustCompile(``), triggers: []string{"24"}},
		// A sentence opened by the article or rule it rests on ("Under
		// Article 24 (3) of the Charter, the Council must …"): the basis is
		// cited, the clause after the comma is the topic.
		{re: regexp.MustCompile(`(?i)^\W*(?:under|according to|as per|in line with)\s+(?:the\s+)?(?:articles?|chapter|rules?)\s+[^,;:]{1,80},`),
			endAt: regexp.MustCompile(``), triggers: []string{"article", "chapter", "rule"}},
		// A discussion named by its agenda item ("a fruitful discussion on
		// Council reform under agenda item 122"): what the item is called
		// names the occasion; a point made of it after that is not part
		// of the mention.
		{re: regexp.MustCompile(`(?i)\b(?:discussions?|debates?|deliberations|consideration|exchanges?)\s+(?:on|of|about)\s+[^,;:.]{1,80}?\s+under\s+(?:the\s+)?(?:agenda\s+)?items?\s+\d+`),
			endAt: regexp.MustCompile(``), triggers: []string{"item"}, also: []string{"under "}},
		// Agenda items named by number, and their arrangement.
		{re: regexp.MustCompile(`(?i)\bitems?\s+\d+(?:\s*\(\w\))?(?:\s*(?:and|,|from|to)\s*(?:item\s+)?\d+(?:\s*\(\w\))?)*`),
			title: true, triggers: []string{"item"}},
		// A joint debate's agenda named as its pair of items ("the two
		// issues before us, the annual report and the reform", "the joint
		// debate on the Council's report and on equitable representation"):
		// the report is the occasion, named beside the other item. Only the
		// words up to the report are a mention; what the sentence says of
		// either item after that is not.
		{re: regexp.MustCompile(`(?i)\b(?:(?:two|both)\s+(?:[\w'’-]+\s+){0,3}?(?:issues|items|topics|subjects|questions|matters|agenda items)|joint debate|debate|discussion|consideration|meeting)\b[^.;]{0,80}?\breport\b(?:\s+of\s+the\s+(?:security\s+)?council)?`),
			endAt: regexp.MustCompile(``), triggers: []string{"report"}, also: []string{"reform", "representation"},
			needs:       regexp.MustCompile(`(?i)\breport\b(?:\s+of\s+the\s+(?:security\s+)?council)?\s*(?:,\s*)?(?:and|along with|together with|as well as)\s+(?:(?:on|of|the|its|that|this)\s+)*(?:[\w'’-]+\s+){0,3}?(?:reform\w*|representation|question of equitable)\b`),
			unlessWords: newWordSet([]string{"should", "must", "ought", "need", "needs", "urge", "urges", "call", "calls"}, nil, true)},
		// The items a separation names are a mention; taking the report
		// up apart from reform, or with it, is the report's consideration
		// (annual-report's report_terms).
		{re: regexp.MustCompile(`(?i)\bseparat\w+\s+(?:(?:the|these|this|two)\s+)?(?:items?|debates?|consideration|discussions?)\b`),
			title: true, rest: true, triggers: []string{"separat"}},
		// The other agenda item of a joint meeting named as such: taken up
		// with, or apart from, another ("in conjunction with the item on
		// the Council's reform", "independently of the reform debate"), or
		// announced as the next one ("the second item before us today:
		// Council reform"). The item is the occasion; a point made about it
		// after a comma is not part of the mention.
		{re: regexp.MustCompile(`(?i)\b(?:in conjunction with|independently (?:from|of)|separately from|jointly with)\s+(?:the\s+|its\s+)?(?:[\w'’-]+\s+){0,5}?(?:agenda items?|items?|debates?|discussions?)\b(?:\s+(?:on|of)\s+(?:the\s+)?(?:[\w'’-]+\s+){0,5}?(?:reform|council)\b)?`),
			endAt: regexp.MustCompile(`[,;]|\.(?:\s|$)`), triggers: []string{"conjunction", "independently", "separately", "jointly"}},
		{re: regexp.MustCompile(`(?i)\b(?:first|second|other|next|latter)\s+(?:agenda\s+)?item\b[^.;:,]{0,60}:`),
			endAt: regexp.MustCompile(`[,;]|\.(?:\s|$)`), triggers: []string{"first item", "second item", "other item", "next item", "latter item", "first agenda item", "second agenda item", "other agenda item", "next agenda item"}, also: []string{":"}},
		// A working text's history credited to whoever led the work on it
		// ("it was under Japan's chairmanship that the note was first
		// issued", "the note was updated in 2010, again under its
		// leadership"): a courtesy, unless the sentence judges the text or
		// asks for something. A decision of the Council adopted under a
		// presidency is its act, not credit. Credit given in a relative
		// clause (", which was revised under our chairmanship") is a
		// mention of that clause alone.
		{re: regexp.MustCompile(`(?i)\bunder\s+(?:[\w'’.-]+\s+){0,3}?` + creditingOffice + `\b[^.;]{0,160}?\b` + textIssued + `|` + textIssued + `[^.;]{0,80}?\bunder\s+(?:[\w'’.-]+\s+){0,3}?` + creditingOffice + `\b`),
			whole: true, relative: true, triggers: []string{"chairmanship", "chairship", "chairpersonship", "leadership", "presidency", "stewardship", "guidance"}, also: []string{"under "},
			needs:       regexp.MustCompile(`(?i)\b(?:note|notes|compendium|handbook|update|revision|version|paper)\b[^.;]{0,100}?` + textIssued),
			unlessWords: newWordSet([]string{"should", "must", "ought", "need", "needs", "but", "however", "yet", "still", "not", "never", "although", "though", "unfortunately"}, []string{"fail", "regret", "lack"}, true)},
		// An anniversary as the occasion ("the tenth anniversary of the note
		// is a fitting time to take stock", "on the twentieth anniversary of
		// the resolution, …"): what it is the anniversary of is not the point.
		{re: regexp.MustCompile(`(?i)\banniversary\s+of\b[^.;]{0,100}?\b(?:is|was|will be|offers|offered|provides|provided|gives|gave|presents|makes)\s+(?:us\s+)?(?:an?|the)\s+(?:[\w'’-]+\s+){0,2}?(?:time|occasion|opportunity|moment|chance|juncture)\b`),
			endAt: regexp.MustCompile(``), triggers: []string{"anniversary"}},
		{re: regexp.MustCompile(`(?i)\b(?:on|at|to mark|marking|as we mark|as we celebrate|celebrating)\s+(?:the|this|its)\s+(?:[\w-]+\s+){0,2}?anniversary\s+of\b`),
			scene: true, triggers: []string{"anniversary"}},
		// When a text was issued, as a time marker ("more open debates since
		// the note was first issued ten years ago"), like "since the
		// pandemic". A process launched is not a text: "since the
		// negotiations were launched, little has moved" judges them.
		{re: regexp.MustCompile(`(?i)\bsince\s+(?:[\w'’/-]+\s+){1,5}?(?:was|were|has been|had been)\s+(?:\w+\s+){0,2}?(?:issued|adopted|published|agreed|updated|revised)\b(?:\s+(?:[\w-]+\s+){0,2}?(?:ago|in\s+\d{4}))?`),
			endAt: regexp.MustCompile(``), triggers: []string{"since "}, also: []string{"issued", "adopted", "published", "agreed", "updated", "revised"}},
		// A person's record told after thanks ("He has been an invaluable
		// part of the negotiations since 2009"): who they are, not a point.
		{re: regexp.MustCompile(`(?i)^\W*(?:he|she)\s+(?:has|had)\s+(?:also\s+|always\s+|long\s+)?(?:been|served|worked|played|led|chaired|guided|steered|contributed)\b`),
			whole: true, triggers: []string{"he has", "she has", "he had", "she had"}, unless: reported},
		// Support, work or engagement pledged in the process ("we stand
		// ready to support your efforts to advance this process", "you can
		// count on our support as you steer the negotiations"): a courtesy
		// to the one presiding, in which the process is the occasion. Only
		// the words of the pledge may come between; a purpose of substance
		// ("to enlarge the Council in this process") is a point.
		{re: regexp.MustCompile(`(?i)\b(?:assur\w*|stands?\s+ready|count\s+on|rely\s+on|look(?:s|ing)?\s+forward\s+to\s+working|will\s+(?:continue\s+to\s+)?(?:engage|work|cooperate)|pledg\w*)\b(?:\s+(?:` + pledgeWords + `))*\s+(?:this|the|our)\s+(?:important\s+|intergovernmental\s+|negotiating\s+|negotiation\s+|reform\s+|IGN\s+)?(?:process|negotiations)\b`),
			endAt: regexp.MustCompile(``), triggers: []string{"assur", "stand ready", "stands ready", "count on", "rely on", "forward to working", "will continue", "will engage", "will work", "will cooperate", "pledg"}, also: []string{"process", "negotiations"}},
		// The period the report covers as the time of what the Council did
		// ("the work done by the Council during the period covered by the
		// report"): a date, the point being the work.
		{re: regexp.MustCompile(`(?i)\b(?:during|in|over|throughout|within)\s+the\s+(?:period|months|year)\s+(?:of\s+time\s+)?(?:covered|reviewed|under\s+review)\s+(?:by|in)\s+(?:the|this|its)\s+(?:annual\s+|present\s+)?report\b`),
			endAt: regexp.MustCompile(``), triggers: []string{"covered", "reviewed", "under review"}, also: []string{"report"}},
		// The year the report covers, named as what it was ("this report
		// covers what has been an exceptional year"): like the period it
		// covers, a point about the report.
		{re: regexp.MustCompile(`(?i)\b(?:the|this|that|its|our)\s+(?:annual\s+)?report\s+(?:covers|covered|spans|spanned)\s+(?:what (?:has been|was)\s+)?(?:an?|the)\s+(?:[\w'’-]+\s+){0,2}?(?:year|months)\b`),
			endAt: regexp.MustCompile(``), shows: true, triggers: []string{"covers", "covered", "spans", "spanned"}, also: []string{"year", "months"}},
		// The Assembly holding its own debate, in coverage ("The Assembly
		// began its discussions on …"): the Assembly is where the debate is
		// held, not a party to a dealing with the Council. Only the words
		// up to the debate are a mention: its subject may be the point.
		{re: regexp.MustCompile(`(?i)\bthe (?:general )?assembly\s+(?:\w+\s+){0,3}?(?:continue[sd]?|beg(?:an|ins?)|conclude[sd]?|resume[sd]?|open(?:s|ed)?|wrap(?:s|ped)? up|close[sd]?|held|holds)\s+(?:its|their|the|a)\s+(?:[\w'’-]+\s+){0,2}?(?:debate|discussion|consideration|review|examination)s?\b`),
			endAt: regexp.MustCompile(``), triggers: []string{"assembly"}, also: []string{"continu", "began", "begin", "conclud", "resum", "open", "wrap", "clos", "held", "holds"}},
		// "This question" when the passage names another question ("the
		// Palestinian question", "the question of Cyprus"): the short form
		// is said of that one, not of the reform.
		{re: regexp.MustCompile(`(?i)\b(?:this|that|the same)\s+(?:[\w'’-]+\s+){0,2}?question\b`),
			endAt: regexp.MustCompile(``), triggers: []string{"question"}, also: []string{"this", "that", "the same"}, elsewhere: namesOtherQuestion},
		// A position referred to as known, not stated ("our position on
		// this question is well known and will be sent in writing"): what
		// it is on names the matter; a position stated after a colon is a
		// point.
		{re: regexp.MustCompile(`(?i)\b(?:position|positions|views?|stance)\s+(?:of\s+(?:[\w'’()-]+\s+){1,4}?)?(?:on\s+[^,;:.]{1,80}?)?,?\s+(?:is|are|remains?|has been|have been)\s+(?:\w+\s+)?well[- ]known\b`),
			triggers: []string{"well known", "well-known"}, also: []string{"position", "view", "stance"}},
		// The heading of a release that carries a speech ("Following is
		// the address of the Assembly's President to the working group on
		// …:"): who spoke where, the occasion of the text that follows.
		{re: regexp.MustCompile(`(?i)^\W*(?:\d{6,8}\s+)?(?:the\s+)?following\s+(?:are|is)\s+(?:the\s+)?(?:[\w'’-]+\s+){0,3}?(?:remarks|statements?|address|speech|message|comments|text)\s+(?:of|by|delivered|made|given)\b`),
			whole: true, triggers: []string{"following"}},
		// The occasion a statement is made on ("on the occasion of the
		// Council's debate on …"), to its comma.
		{re: regexp.MustCompile(`(?i)\bon the occasion of\b`),
			scene: true, triggers: []string{"occasion"}},
		// A paper's title quoted ("a conference room paper entitled “…”"):
		// the name cites the paper; what is said of it outside the
		// quotation may be a point. A meeting's theme or an item quoted is
		// what the meeting or speaker takes up, and a decision titled by
		// its item is the Assembly acting on it: neither is set aside.
		{re: regexp.MustCompile(`(?i)\b(?:paper|non-paper|document|booklet|publication|study|compilation)\s+(?:[\w-]+\s+){0,2}?(?:entitled|titled)\s*,?\s+["“][^"”]{1,250}["”]`),
			endAt: regexp.MustCompile(``), triggers: []string{"entitled", "titled"}, also: []string{"\"", "“"}},
		// A meeting convened for business listed after a colon ("for
		// convening this meeting to discuss two matters: the report and
		// the reform"): the meeting's agenda, named as the occasion.
		{re: regexp.MustCompile(`(?i)\b(?:conven\w*|organi[sz]\w*|hold\w*|held|schedul\w*|arrang\w*|call\w*)\s+(?:this|the|today['’]s|our|a|an)\s+(?:[\w'’-]+\s+){0,3}?(?:meeting|debate|session|briefing)\s+(?:[\w'’-]+\s+){0,2}?to\s+(?:discuss|consider|examine|take up|address|debate)\s+[^.;:]{0,80}:`),
			endAt: regexp.MustCompile(`;|\.(?:\s|$)`), triggers: []string{":"}, also: []string{"meeting", "debate", "session", "briefing"},
			unlessWords: asking},
		// A document named by its title and who circulated it ("our
		// proposals are in the document on Security Council reform
		// circulated by the President"): a citation, not a point.
		{re: regexp.MustCompile(`(?i)\b(?:document|paper|non-paper|letter|compilation|text)\s+(?:on|entitled|titled|concerning)\s+[^,;.]{1,80}?\s+(?:circulated|issued|distributed|transmitted|shared)\s+by\b`),
			endAt: regexp.MustCompile(``), triggers: []string{"circulated", "issued", "distributed", "transmitted", "shared"}, also: []string{"document", "paper", "letter", "compilation", "text"}},
	}
}

// cues are compiled on first use: every process of this binary would
// otherwise compile them at start-up, a PDF worker or a search included.
var cues = sync.OnceValue(func() map[string]cueSet {
	m := map[string]cueSet{
		"en": cueSet{
			thanks: regexp.MustCompile(`(?i)\b(?:(?:i|we|let me|allow me(?: to)?|may i|permit me(?: to)?)(?:\s+(?:would|should|must|also|like|wish|want|to|therefore|too|again|once|first|of|all|now|further|sincerely|warmly|particularly|especially|equally|begin|start|by|take|this|opportunity|at|the|outset|join|others|in|other|speakers))*\s+(?:thank|thanking|commend|commending|congratulate|congratulating|pay tribute to|paying tribute to|salute|saluting|applaud|appreciate (?:the (?:[\w-]+['’]s?\s+)?(?:hard |tireless |excellent )?(?:work|efforts|role|leadership|contributions?|presence)|this (?:meeting|opportunity)|the opportunity))` +
				`|(?:i am|we are|(?:my|our) (?:delegation|group|country|government) is)(?:\s+(?:also|very|most|deeply|particularly|especially|sincerely|truly))*\s+(?:grateful|thankful|indebted)` +
				`|(?:our|my|its|his|her|their|special|sincere|warm|deep)\s+(?:(?:sincere|deep|warm|special)\s+)?(?:thanks|gratitude|appreciation|congratulations|recognition)\s+(?:also\s+)?(?:go|goes|went|to|are due|is due)` +
				`|(?:express|expresses|expressed|expressing|extend|extends|extended|extending|convey|conveys|conveyed|conveying|offer|offers|offered|reiterate|reiterates|reiterated)(?:\s+(?:also|again))?\s+(?:(?:our|my|its|his|her|their|a|the)\s+)?(?:[\w-]+\s+){0,2}?(?:gratitude|appreciation|thanks|congratulations|recognition)` +
				`|(?:my|our) (?:delegation|group|country|government|movement)(?:\s+(?:also|sincerely|warmly|further|therefore|wishes to|would like to|wants to))*\s+(?:thanks|thank|commends|commend|congratulates|congratulate)` +
				`|(?:opportunity|occasion)\s+to\s+(?:thank|congratulate|commend|pay tribute to|salute)` +
				// a speaker named by their country ("Peru would like to commend …")
				`|(?:would|wish|wishes|want|wants)\s+(?:(?:like|also|to)\s+)*(?:thank|commend|congratulate|pay tribute to|salute|applaud)` +
				`|thank you|thanking|thanked|congratulated|commended|paid tribute to|saluted|applauded` +
				// someone welcomed to the place of the meeting ("I am pleased
				// to welcome to the General Assembly the President of …")
				`|welcom(?:e|es|ed|ing)\s+(?:you\s+|him\s+|her\s+)?to\s+(?:the|this)\s+(?:general\s+assembly|assembly|chamber|hall|rostrum|podium)` +
				// credit given for someone's work ("we acknowledge the role
				// played by …"), unlike a point conceded ("we acknowledge
				// that …")
				`|acknowledg(?:e|es|ed|ing)\s+(?:with\s+(?:thanks|gratitude|appreciation)\s+)?the\s+(?:[\w-]+['’]s?\s+)?(?:hard\s+|tireless\s+|excellent\s+|important\s+|valuable\s+|constructive\s+)?(?:work|efforts|role|leadership|contributions?))\b`),
			thanksFor: regexp.MustCompile(`(?i)\b(?:for|on)\b`),
			courtesy: regexp.MustCompile(`(?i)^(?:for|on)\s+(?:(?:his|her|their|its|your|the|this|our|all|having|a|an)\s+)*(?:(?:excellent|able|skilful|skillful|wise|kind|comprehensive|informative|important|hard|tireless|outstanding|great|valuable|dedicated|leading|successful|efficient|effective|thorough|detailed|insightful|useful|personal|constant)\s+)*` +
				// holding this meeting, not a practice ("holding more open debates")
				`(?:(?:convening|convened|scheduling|scheduled|organizing|organized|organising|organised|holding|held|calling|called|arranging|arranged|hosting|hosted)\s+(?:this|today['’]s|the present|the|our|your|a|an),?\s+(?:[\w'’-]+,?\s+){0,3}?(?:meeting|debate|session|briefing|discussion|dialogue|exchange)\b` +
				// anything done about this meeting ("for ensuring the timely
				// setting of this debate")
				`|(?:[\w'’-]+\s+){1,5}?(?:this|today['’]s|the present),?\s+(?:[\w'’-]+,?\s+){0,3}?(?:meeting|debate|session|briefing|discussion|dialogue|exchange)\b` +
				// the report and the offices of the one thanked
				`|(?:presenting|introducing|preparing|drafting|producing|compiling|coordinating|finali[sz]ing|presiding|chairing|co-chairing|steering|facilitating|leading|guiding|renewing|extending|taking the lead)\b` +
				// the floor given ("for giving me the opportunity to make
				// a statement on …") and the negotiations convened: what
				// the speaker was let speak on is the occasion
				`|(?:giving|granting|affording|offering|allowing)\s+(?:me|us|my\s+delegation|our\s+delegation|my\s+country|our\s+group)\s+(?:the|this|an|a)\s+(?:[\w'’-]+\s+){0,2}?(?:opportunity|chance|occasion|floor)\b` +
				`|(?:convening|convened|resuming|resumed|reconvening|opening|launching)\s+(?:the|this|these|our|today['’]s)\s+(?:[\w'’-]+\s+){0,2}?(?:negotiations|IGN)\b` +
				`|(?:statement|briefing|presentation|introduction|preparation|production|compilation|coordination|election|assumption|assuming|guidance|words|remarks|hospitality|participation|opportunity|chairmanship|chairship|chairpersonship|presidency|facilitation|co-facilitation|tenure)\b` +
				// the work of the one thanked, which may go on to a topic
				`|((?:leadership|stewardship|service|work|efforts?|role|contributions?|dedication|commitment|initiative|assistance|care|diligence|patience)\b))`),
			praise:   regexp.MustCompile(`(?i)\b(?:commend|commending|commended|salute|saluting|saluted|applaud|applauding|applauded|appreciate)\s*$`),
			personal: regexp.MustCompile(`(?i)^\s*(?:(?:the|his|her|their|its|your|our)\s+)?(?:[\w'’-]+\s+){0,3}?(?:work|efforts?|role|leadership|contributions?|presence|dedication|commitment|stewardship)\b|^\s*(?:his|her|their|your)\s+(?:[\w'’-]+\s+){0,2}?(?:scheduling|convening|organi[sz]ing|organi[sz]ation)\b`),
			purpose:  regexp.MustCompile(`(?i)\s(?:in|on|to|towards?|regarding|concerning|with|at)\s+(?:the\s+)?([\w'’-]+)`),
			goesOn:   []string{"report", "annual", "introduction", "preparing", "preparation", "drafting", "presenting", "presentation", "producing", "production", "compiling", "compilation", "coordinating", "coordination", "steering", "chairing", "co-chairing", "leading", "organizing", "organising", "convening", "introducing", "introduction", "behalf", "capacity", "this", "today's", "today’s", "your", "his", "her", "their", "its", "our", "my", "the"},
			judged:   regexp.MustCompile(`(?i)\breport\b[^,;]{0,40},\s+(?:which|that)\s+(?:[\w'’-]+\s+){0,8}?(?:earl(?:y|ier)|late|later|on time|on schedule|ahead of|deadline|timel(?:y|iness)|delay\w*|analytic\w*|descriptive|substantive|concise|improve[ds]?|improvement|lacks?|lacking|fail\w*)\b`),
			title: regexp.MustCompile(`(?i)\b(?:in (?:my|our|its|his|her|their) capacity as|speaking as` +
				`|as (?:one of )?(?:the )?(?:two |three )?(?:current |outgoing |incoming |former |previous |then |acting )?(?:chair|chairperson|chairman|co-chair|coordinator|facilitator|co-facilitator|vice-chair|president)s? of` +
				`|(?:as|during (?:our|its|my|their) (?:term|tenure) as) (?:an? |the )?(?:[\w-]+ ){0,2}?(?:elected|non-permanent|outgoing|incoming) member|as (?:the )?(?:co-)?penholders? (?:of|on|for)` +
				`|(?:served|serving|serves|serve|acted|acting) as (?:the |a |an )?(?:[\w-]+ ){0,4}?(?:chair|co-chair|chairperson|chairman|coordinator|facilitator|president)s?` +
				`|as (?:the |an? )(?:[\w-]+ ){1,3}?(?:chair|co-chairs?|chairperson|chairman))\b`),
			vote:      regexp.MustCompile(`(?i)\b(?:(?:we|i|my delegation|our delegation) (?:have |has |had |therefore |also )?(?:voted|abstained|will vote|cast (?:a|our|its) vote)|explanation of (?:vote|position)|in explanation of)\b`),
			procedure: regexp.MustCompile(`(?i)\b(?:in accordance with rules? \d+|under rules? \d+ of (?:the|its) provisional rules|i (?:now )?(?:invite|give the floor|call on)|the council is meeting in accordance with the understanding|(?:i|we) (?:will|shall) (?:be brief|keep my (?:remarks|statement) (?:short|brief)|deliver an abridged|read (?:out )?an abridged|shorten my)|abridged version|(?:shorter|shortened|condensed) (?:version|text)|full (?:text|version) of (?:my|our|the) statement|(?:is|are|stands?) (?:hereby )?called to order|i (?:hereby )?declare (?:the (?:[\w-]+ ){0,3}?(?:meeting|session) )?(?:open|opened|closed)|(?:meeting|session|sitting) (?:is|stands) (?:hereby )?(?:adjourned|suspended))\b`),
			asks:      newWordSet([]string{"should", "must", "ought", "need", "needs", "urge", "urges", "urged", "encourage", "encourages", "encouraged"}, nil, false),
			triggers: [4][]string{{"thank", "grateful", "gratitude", "congratulat", "tribute", "appreciat", "commend", "salut", "applaud", "recognition", "indebted", "acknowledg", "welcom"},
				{" as ", "as ", "capacity"},
				{"vot", "abstain", "explanation"}, {"rule", "invite", "floor", "call on", "understanding", "be brief", "abridged", "keep my", "shorten", "shorter", "condensed", "full text", "full version", "called to order", "declare", "adjourned", "suspended"}},
			titleWords: []string{"chair", "coordinat", "facilitat", "president", "member", "penholder", "capacity"},
		}.withFrames(englishFrames()),
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
	for lang, cs := range m {
		for i, re := range []*regexp.Regexp{cs.thanks, cs.title, cs.vote, cs.procedure} {
			cs.cueExpr[i] = newFastExpr(re, true)
		}
		m[lang] = cs
	}
	return m
})

// clauseEnd ends a mention: a semicolon, a colon, or a comma before a new
// clause ("..., and we call on ...", "in this debate, we call on ..."), or
// before the focus of a meeting it
// names ("an open debate | focused on transparency"); a scene-setting
// clause ends at its comma too; a title ends at its comma, a dash or the
// verb of the sentence it opens ("General Assembly President X | said").
var (
	clauseEnd = regexp.MustCompile(`[;:；：]|,\s+(?:and|but|yet|while|whereas|et|mais|y|pero)\s|,\s+(?:we|I|they)\s|，(?:并|但|同时)|\.\s|\s(?:focused|focusing|focussed|centred|centered|devoted|dedicated)\s+(?:on|to)\s`)
	sceneEnd  = regexp.MustCompile(`[,;:，；：]|\.\s`)
	// basisEnd ends a cited basis at its noun phrase: a stop, or a word
	// that opens a clause of its own ("without prejudice to closed
	// consultations | when members prefer them").
	basisEnd = regexp.MustCompile(`(?i)[,;:!?]|\.(?:\s|$)|\s(?:whenever|when|where|which|who|whose|that|so that|in order|to ensure|to enable|to allow|and|but|while|whereas|because|since|if|unless|as well as|is|are|was|were|must|should|will|would)\s`)
	titleEnd = regexp.MustCompile(`[,;:，；：]|\.\s|\s[—–]\s|\s(?:said|says|told|noted|stressed|added|underscored|underlined|emphasi[sz]ed|recalled|observed|pointed out|welcomed|regretted|highlighted|called|urged|opened|declared|expressed|warned|argued|reaffirmed|reiterated|affirmed|stated|explained|insisted|acknowledged|announced|maintained|cautioned|proposed|suggested|believed|agreed)\b`)
	// moreThanks continues thanks past a comma: "for convening this
	// debate, and also for your work as Chair of …", "…, and to the
	// Secretariat".
	moreThanks = regexp.MustCompile(`(?i)^,\s+(?:and\s+)?(?:also\s+)?(?:especially\s+|in particular\s+|particularly\s+)?(?:(?:the|its|their|his|her)\s+(?:[\w'’-]+\s+){0,5}?)?((?:to|for|on)\s)`)
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

// mentions returns the byte ranges of a sentence that are mentions, those
// of the frames only when frames is set; lower is the sentence in lower
// case and passage the paragraph it lies in. shown are the ranges of the
// frames that show the report (frame.shows), mentions for every theme but
// the report's. cue reports a courtesy, title, explanation of vote or
// procedure, which the learned layer reads.
func mentions(lang, text, lower string, passage *passageText, frames bool) (out, shown [][2]int, cue bool) {
	cs, ok := cues()[lang]
	if !ok {
		return nil, nil, false
	}
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
	// A title is short: one that finds no end of its own within
	// maxTitleBytes ends there.
	titleStop := func(from int) int {
		stop := end(titleEnd, from)
		if stop-from > maxTitleBytes {
			stop = from + maxTitleBytes
			if sp := strings.LastIndexByte(text[from:stop], ' '); sp > 0 {
				stop = from + sp
			}
		}
		return stop
	}
	// The prefilters compare lower-cased words, which stand for the
	// sentence's own when its letters fold as they lower.
	foldsLower, inPlace := caseOf(text, lower)
	try := func(cue int) bool { return hasAny(lower, cs.triggers[cue]) }
	pre := func(cue int) bool { return cs.cueExpr[cue].mayMatch(lower, foldsLower) }
	// thanked is where the first thanks starts: the report presented
	// after it is what is thanked for, a courtesy.
	thanked := len(text)
	if try(0) && pre(0) {
		re, s := cs.cueExpr[0].on(text, lower, inPlace)
		for _, loc := range re.FindAllStringIndex(s, -1) {
			thanked = min(thanked, loc[0])
			out = append(out, thanksMentions(cs, text, loc, end)...)
		}
	}
	if try(1) && (cs.titleWords == nil || hasAny(lower, cs.titleWords)) && pre(1) {
		re, s := cs.cueExpr[1].on(text, lower, inPlace)
		for _, loc := range re.FindAllStringIndex(s, -1) {
			out = append(out, [2]int{loc[0], titleStop(loc[1])})
		}
	}
	if try(2) && pre(2) {
		re, s := cs.cueExpr[2].on(text, lower, inPlace)
		if loc := re.FindStringIndex(s); loc != nil {
			out = append(out, [2]int{0, end(clauseEnd, loc[1])})
		}
	}
	if try(3) && pre(3) && (cs.asks == nil || !cs.asks.in(lower)) && cs.cueExpr[3].matches(text, lower, inPlace) {
		out = append(out, [2]int{0, len(text)})
	}
	cue = len(out) > 0
	if !frames || len(cs.frames) == 0 {
		return out, nil, cue
	}
	// Frames share their trigger words: all are looked for in one pass.
	var held [(maxFrameWords + 63) / 64]uint64
	cs.frameIndex.heldAll(lower, held[:])
	for _, w := range cs.shortWords {
		if strings.Contains(lower, cs.frameWords[w]) {
			held[w/64] |= 1 << (w % 64)
		}
	}
	holds := func(words []int) bool {
		for _, w := range words {
			if held[w/64]&(1<<(w%64)) != 0 {
				return true
			}
		}
		return false
	}
	for i := range cs.frames {
		fr := &cs.frames[i]
		if !holds(fr.trig) || (fr.also != nil && !holds(fr.alsoTrig)) || !fr.fast.mayMatch(lower, foldsLower) ||
			(fr.needs != nil && (!fr.needsFast.mayMatch(lower, foldsLower) || !fr.needsFast.matches(text, lower, inPlace))) {
			continue
		}
		for _, loc := range fr.find(text, lower, inPlace) {
			// A clause's end is sought from the frame's start, so that a
			// focus the frame's own words hold ends it ("focused on").
			stop := end(clauseEnd, loc[0])
			switch {
			case fr.whole:
				stop = len(text)
				if at := relativeStart(text[:loc[0]]); fr.relative && at >= 0 {
					loc[0] = at
				} else {
					loc[0] = 0
				}
			case fr.endAt != nil:
				stop = end(fr.endAt, loc[1])
			case fr.title:
				stop = titleStop(loc[1])
			case fr.scene || introduction.MatchString(text[:loc[0]]):
				stop = min(stop, end(sceneEnd, loc[1]))
				if fr.scene {
					stop = min(stop, purposeStart(text, loc[1], stop))
				}
			}
			if (fr.unlessWords != nil && fr.unlessWords.in(lower)) || (fr.unless != nil && fr.unlessFast.matches(text, lower, inPlace)) || (fr.practice != nil && passage.matches(fr.practice)) || (fr.elsewhere != nil && (passage == nil || !fr.elsewhere(passage.text))) {
				continue
			}
			if fr.rest {
				loc[0] = loc[1]
			}
			if fr.shows && loc[0] < thanked {
				shown = append(shown, [2]int{loc[0], stop})
				continue
			}
			out = append(out, [2]int{loc[0], stop})
		}
	}
	return out, shown, cue
}

// introduction is what may stand before a frame that opens its sentence as
// an adverbial ("In today's debate, …", "As we hold this debate, …"):
// nothing, or a conjunction and its subject. Set off by a comma, the
// frame ends there, and the clause after it is the sentence's point.
var introduction = regexp.MustCompile(`(?i)^\W*(?:(?:as|while|when|now that|since)\s+(?:[\w'’-]+\s+){1,3}?)?$`)

// meetingPurpose opens, in a scene-setting clause, what the meeting was
// held to do ("as the Council held an open debate today | to consider the
// working methods it used through the pandemic"): its focus, as "focused
// on" is. The report the meeting took up is its business, not a point
// (reportAsBusiness), and stays in the scene.
var (
	meetingPurpose   = regexp.MustCompile(`(?i)\s(?:to|in order to)\s+(?:consider|discuss|examine|review|address|debate)\s`)
	reportAsBusiness = regexp.MustCompile(`(?i)^(?:the|its|this|their)\s+(?:[\w'’-]+\s+){0,3}?(?:report|introduction)\b`)
)

// purposeStart is where the purpose of the meeting a scene names starts,
// between from and stop; stop when it names none or names the report.
func purposeStart(text string, from, stop int) int {
	if stop <= from {
		return stop
	}
	loc := meetingPurpose.FindStringIndex(text[from:stop])
	if loc == nil || reportAsBusiness.MatchString(text[from+loc[1]:]) {
		return stop
	}
	return from + loc[0]
}

// relativeClause opens a relative clause after a comma.
var relativeClause = regexp.MustCompile(`(?i),\s+(?:which|that|whose)\s`)

// relativeStart is where the last relative clause of before opens, when
// no clause ends after it; -1 when there is none.
func relativeStart(before string) int {
	locs := relativeClause.FindAllStringIndex(before, -1)
	if locs == nil {
		return -1
	}
	at := locs[len(locs)-1][0]
	if strings.ContainsAny(before[at+1:], ";:") {
		return -1
	}
	return at
}

// maxTitleBytes bounds a title's mention, for a title whose comma never
// comes.
const maxTitleBytes = 120

// thanksMentions are the mentions of the thanks at loc: the one thanked
// and what for when a courtesy (see thanksEnd). Praise ("we commend …")
// names its object without making it a courtesy: the verb is a mention,
// and so is what follows only when it is someone's work ("the efforts
// of …") or a courtesy after "for".
func thanksMentions(cs cueSet, text string, loc []int, end func(*regexp.Regexp, int) int) [][2]int {
	if cs.praise == nil || !cs.praise.MatchString(text[:loc[1]]) {
		return [][2]int{{loc[0], thanksEnd(cs, text, loc[1], end)}}
	}
	stop := end(clauseEnd, loc[1])
	if cs.personal.MatchString(text[loc[1]:stop]) {
		return [][2]int{{loc[0], thanksEnd(cs, text, loc[1], end)}}
	}
	// Those praised for a courtesy ("we commend the elected members for
	// their efforts") are thanked: they are a mention with it.
	if f := cs.thanksFor.FindStringIndex(text[loc[1]:stop]); f != nil {
		at := loc[1] + f[0]
		if e, _ := courtesyEnd(cs, text, at, stop); e > at {
			return [][2]int{{loc[0], e}}
		}
	}
	return [][2]int{{loc[0], loc[1]}}
}

// thanksEnd is where a mention of thanks that starts at from ends: at the
// word that introduces what is thanked for, unless that is a courtesy
// (convening the meeting, presenting the report, the work of the one
// thanked), which runs to the end of the clause or to a purpose that is a
// topic of its own; thanks may go on past a comma to another addressee or
// courtesy ("…, and to the Secretariat", "…, and for your work as Chair").
func thanksEnd(cs cueSet, text string, from int, end func(*regexp.Regexp, int) int) int {
	for {
		stop := end(clauseEnd, from)
		at, whole := courtesyEnd(cs, text, from, stop)
		if !whole || stop >= len(text) {
			return at
		}
		m := moreThanks.FindStringSubmatchIndex(text[stop:])
		if m == nil {
			return at
		}
		from = stop + m[2]
	}
}

// courtesyEnd is where the thanks of one clause, text[from:stop], end;
// whole reports that they run to the clause's end.
func courtesyEnd(cs cueSet, text string, from, stop int) (at int, whole bool) {
	purpose := func(from int) (int, bool) {
		if cs.purpose == nil {
			return stop, true
		}
		for _, m := range cs.purpose.FindAllStringSubmatchIndex(text[from:stop], -1) {
			if inName(text, from+m[0], from+m[2]) {
				continue
			}
			if !slices.Contains(cs.goesOn, strings.ToLower(text[from+m[2]:from+m[3]])) {
				return from + m[0], false
			}
		}
		return stop, true
	}
	at = from
	for {
		f := cs.thanksFor.FindStringIndex(text[at:stop])
		if f == nil {
			// The one thanked; someone's work that is praised ("we
			// commend the efforts of …") may go on to a purpose ("| to
			// open its work").
			if cs.praise == nil || !cs.praise.MatchString(text[:from]) {
				return stop, true
			}
			return purpose(from)
		}
		at += f[0]
		// "on behalf of" says for whom the thanks are, not for what, and
		// "for the month of" is part of a President's title.
		if l := strings.ToLower(text[at:]); strings.HasPrefix(l, "on behalf") || strings.HasPrefix(l, "for the month") {
			at += f[1] - f[0]
			continue
		}
		m := cs.courtesy.FindStringSubmatchIndex(text[at:stop])
		switch {
		case m == nil, cs.judged != nil && cs.judged.MatchString(text[at:stop]):
			return at, false
		case len(m) > 2 && m[2] >= 0:
			return purpose(at)
		}
		return stop, true
	}
}

// inName reports whether the preposition between before and word (the
// byte offsets of the space before it and of the word after it) joins two
// capitalised words of a name ("the Working Group on Documentation", "the
// Committee on Sanctions"): thanks for work done in a body so named are
// not thanks for work on a topic.
func inName(text string, before, word int) bool {
	prev := strings.LastIndexByte(text[:before], ' ')
	return word < len(text) && before > prev+1 && isUpper(text[prev+1]) && isUpper(text[word])
}

// isUpper reports whether b is an ASCII capital letter.
func isUpper(b byte) bool { return 'A' <= b && b <= 'Z' }

// A count is a theme's term counted in an account of the year ("124 closed
// consultations", "285 public meetings", "six informal interactive
// dialogues", "190 consultations of the whole"): the number of the
// Council's routine meetings and outcomes of a kind is a statistic, not a
// point about them; so is a veto counted there ("four ended in a veto",
// see vetoCounted). It is a term whose last or first word names one of
// them (countNouns) preceded by a cardinal number, with at
// most one word between; a year, or a number that is part of a symbol or
// names a resolution, paragraph, article or rule, counts nothing.
var (
	countNouns   = []string{"meeting", "consultation", "debate", "briefing", "session", "dialogue"}
	numberWords  = []string{"monthly", "quarterly", "weekly", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety", "hundred", "dozens", "hundreds"}
	numberLabels = []string{"resolution", "resolutions", "paragraph", "paragraphs", "para", "article", "articles", "rule", "rules", "item", "items", "note", "notes", "document", "annex", "section", "chapter", "page", "pages", "s", "a"}
)

// word is the word at pos as written, in lower case.
func (an *analysed) word(pos int) string {
	if pos < 1 || pos >= len(an.start) || an.end[pos] > len(an.text) {
		return ""
	}
	return strings.ToLower(an.text[an.start[pos]:an.end[pos]])
}

// cardinals counts the numbers that count in a sentence (isCardinal): a
// count is read as a statistic only in a sentence of figures, one with two
// or more ("only three wrap-up sessions were held" is a point). "One"
// counts before one of the Council's outputs ("just one resolution"),
// where it is no pronoun.
func cardinals(an *analysed) int {
	n := 0
	for p := 1; p < len(an.start); p++ {
		if isCardinal(an, p) || (an.word(p) == "one" && slices.Contains(countedOutputs, an.word(p+1))) {
			n++
		}
	}
	return n
}

// isCount reports whether the phrase at s is counted (see countNouns).
func isCount(an *analysed, s span) bool {
	// The noun counted ends the phrase ("closed consultations") or heads
	// it ("consultations of the whole").
	last, head := an.word(s.end), an.word(s.start)
	if strings.HasPrefix(last, "veto") || strings.HasPrefix(head, "veto") {
		return vetoCounted(an, s)
	}
	if adoptionCounted(an, s) {
		return true
	}
	noun := false
	for _, n := range countNouns {
		if strings.HasPrefix(last, n) || strings.HasPrefix(head, n) {
			noun = true
			break
		}
	}
	if !noun {
		return false
	}
	first := s.start - 1
	// "102 rounds of closed consultations"
	if an.word(first) == "of" && slices.Contains([]string{"round", "rounds", "set", "sets", "series"}, an.word(first-1)) {
		first -= 2
	}
	for p := first; p >= first-1 && p >= 1; p-- {
		if an.at[p] == "" {
			return false // a stop word between: "the 10 years since …"
		}
		if isCardinal(an, p) {
			return true
		}
	}
	return false
}

// vetoCountWords is how far before a veto the number that counts it may
// stand: the year's figures name the vote with it ("four ended with a
// draft vetoed", "one resolution occasioning vetoes").
const vetoCountWords = 5

// asking holds the words by which a sentence asks for something, which
// keep a courtesy or a title beside them from swallowing the request.
var asking = newWordSet([]string{"should", "must", "ought", "need", "needs", "urge", "urges"}, nil, false)

// vetoJudged marks a sentence that judges the vetoes it counts or asks
// something of them: the count is then a point.
var vetoJudged = newWordSet([]string{"should", "must", "ought", "need", "needs", "regret", "regrets", "deplore", "deplores"}, nil, true)

// vetoCounted reports whether the veto at s is counted in the year's
// figures: a number close before it, with no punctuation between, in a
// sentence that does not judge it. (A number after it is more often a
// span of time: "no veto in thirty years".)
func vetoCounted(an *analysed, s span) bool {
	if vetoJudged.in(strings.ToLower(an.text)) {
		return false
	}
	apart := func(p, q int) bool { return strings.ContainsAny(an.text[an.end[p]:an.start[q]], ",;:.") }
	for p := s.start - 1; p >= 1 && p >= s.start-vetoCountWords && !apart(p, p+1); p-- {
		// "one" counts here, where it cannot be a pronoun.
		if isCardinal(an, p) || an.word(p) == "one" {
			return true
		}
	}
	return false
}

// countedOutputs are the Council's outputs a year's figures count ("57
// resolutions", "13 presidential statements").
var countedOutputs = []string{"resolution", "resolutions", "decision", "decisions", "statements", "texts", "drafts"}

// adoptionWords is how far before a term the outputs it qualifies may be
// counted: "57 resolutions in person and by written procedure".
const adoptionWords = 6

// adoptionCounted reports whether the term at s says how outputs counted
// just before it were adopted ("adopted 57 resolutions in person and by
// written procedure"): the mode of adoption in the year's figures, with no
// punctuation between, in a sentence that does not judge it.
func adoptionCounted(an *analysed, s span) bool {
	if vetoJudged.in(strings.ToLower(an.text)) {
		return false
	}
	// Positions whose offsets do not follow each other (a token split
	// in two) count as apart.
	apart := func(p, q int) bool {
		from, to := an.end[p], an.start[q]
		return from > to || to > len(an.text) || strings.ContainsAny(an.text[from:to], ",;:.")
	}
	for p := s.start - 1; p >= 2 && p >= s.start-adoptionWords && p+1 < len(an.start) && !apart(p, p+1); p-- {
		if slices.Contains(countedOutputs, an.word(p)) && isCardinal(an, p-1) {
			return true
		}
	}
	return false
}

// isCardinal reports whether the word at pos is a number that counts.
func isCardinal(an *analysed, pos int) bool {
	w := an.word(pos)
	if w == "" {
		return false
	}
	if slices.Contains(numberWords, w) {
		return true
	}
	for _, r := range w {
		if r < '0' || r > '9' {
			return false
		}
	}
	if len(w) == 4 && (w[:2] == "19" || w[:2] == "20") {
		return false // a year
	}
	from, to := an.start[pos], an.end[pos]
	if (from > 0 && an.text[from-1] == '/') || (to < len(an.text) && an.text[to] == '/') {
		return false // part of a symbol
	}
	return !slices.Contains(numberLabels, an.word(pos-1))
}

// namedQuestion is a question named by a proper name: "the Palestinian
// question", "the question of Cyprus".
var namedQuestion = regexp.MustCompile(`\b(?:[Tt]he\s+([A-Z][\w'’-]+)\s+[Qq]uestion|[Qq]uestion\s+of\s+([A-Z][\w'’-]+))\b`)

// reformQuestionWords are the capitalised words that open the reform's
// own item ("the Question of Equitable Representation …").
var reformQuestionWords = []string{"Equitable", "Security", "Council", "Reform", "Veto", "Enlargement", "Expansion", "Representation", "Membership", "The", "This", "That", "Our"}

// namesOtherQuestion reports whether passage names a question other than
// the reform's by a proper name.
func namesOtherQuestion(passage string) bool {
	for _, m := range namedQuestion.FindAllStringSubmatch(passage, -1) {
		name := m[1] + m[2]
		if !slices.Contains(reformQuestionWords, name) {
			return true
		}
	}
	return false
}
