package analysis

import (
	"fmt"
	"regexp"
	"slices"
	"strings"

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
	// Reform marks a record whose agenda holds the debate on Council reform
	// beside Debate (the joint debate on the report and on reform), where
	// the reform's short forms name it too; a Debate of reform implies it.
	Reform bool `json:"reform,omitempty"`
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
	x := Context{Debate: rec.Debate(), Reform: slices.Contains(rec.AgendaDebates(), corpus.DebateReform), CouncilRecord: isCouncilBody(rec.Body) || strings.HasPrefix(rec.Symbol, "S/")}
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

// ParseContext reads a context as a command line gives it: a debate
// ("report") or the debates of a joint record, the first leading
// ("report,reform": the joint debate on the report and on Council reform).
func ParseContext(s string) (Context, error) {
	var x Context
	for i, d := range strings.Split(s, ",") {
		d = strings.TrimSpace(d)
		if !corpus.IsDebate(d) {
			return Context{}, fmt.Errorf("%q: expected one of %v, or several joined by commas", d, corpus.Debates)
		}
		if i == 0 {
			x.Debate = d
		}
		x.Reform = x.Reform || d == corpus.DebateReform
	}
	return x, nil
}

// onReform reports whether the context's record debates Council reform.
func (x Context) onReform() bool { return x.Reform || x.debate() == corpus.DebateReform }

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
	// paragraph is the paragraph being read (a sentence coded on its own
	// is its own paragraph), which some frames look at as a whole.
	paragraph *passageText
	// reportInView: outside the debate on the report, the paragraph
	// names the Council and its report as such (councilReportNamed), so
	// that the report's short forms ("the introduction", "the report")
	// name it there too, and the report's words count in a sentence that
	// names no body (the Council adopting it, a debate on working
	// methods): the report is the Council's.
	reportInView bool
}

// passageText is the text of a paragraph, for the frames that look at it
// whole; what they find is kept, so that a long paragraph is read once
// however many of its sentences ask.
type passageText struct {
	text string
	seen map[*regexp.Regexp]bool
}

// matches reports whether re matches the paragraph.
func (p *passageText) matches(re *regexp.Regexp) bool {
	if v, ok := p.seen[re]; ok {
		return v
	}
	if p.seen == nil {
		p.seen = map[*regexp.Regexp]bool{}
	}
	v := re.MatchString(p.text)
	p.seen[re] = v
	return v
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

// setParagraph starts reading the paragraph text, after startParagraph.
func (r *reader) setParagraph(text string) {
	r.paragraph = &passageText{text: text}
	r.reportInView = r.ctx.debate() != corpus.DebateReport && councilReportNamed(r.lang, text)
}

// reportForm names the Council's report by a form that says it is the
// annual report, which no other body's report is called without saying
// whose it is: "the annual report", "the draft report" the Council
// adopts, "the report's introduction" a presidency drafts.
var reportForm = regexp.MustCompile(`(?i)\b(?:annual report|draft (?:annual )?report|report['’]s introduction|introduct(?:ion|ory (?:part|section|chapter)) (?:of|to) the (?:draft |annual )?report|report of the (?:security )?council|report to the (?:general )?assembly)\b`)

// councilNamedIn names the Security Council, or the Council by its short
// form, in a paragraph.
var councilNamedIn = regexp.MustCompile(`(?i)\bsecurity council\b|\bcouncil['’]s\b|\bthe council\b|\bcouncil (?:members|president|presidency)\b`)

// possessive ends the word before a form when it says whose the form is
// ("the Agency's annual report", "IAEA annual report").
var possessive = regexp.MustCompile(`(?:(\pL+)['’]s|\b(\p{Lu}{2,}))\s+$`)

// councilReportNamed reports whether an English paragraph names the
// Council and, as its own, its report (reportForm not said of another: "the
// annual report of the Agency", "the Court's annual report"), with no
// other council named.
func councilReportNamed(lang, text string) bool {
	if lang != "en" || !strings.Contains(text, "eport") || !councilNamedIn.MatchString(text) || otherCouncilItem.MatchString(text) {
		return false
	}
	for _, loc := range reportForm.FindAllStringIndex(text, -1) {
		if m := possessive.FindStringSubmatch(text[max(0, loc[0]-40):loc[0]]); m != nil {
			if w := strings.ToLower(m[1] + m[2]); w != "council" && w != "unsc" && w != "sc" {
				continue
			}
		}
		rest := text[loc[1]:]
		if at := ofWhom.FindStringIndex(rest); at != nil && !ownSubject.MatchString(strings.ToLower(ofWords.FindString(rest[at[1]:]))) {
			continue
		}
		return true
	}
	return false
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
	// A name of the Council's that shares a word with another body's is
	// that body's: "the Human Rights Council's annual report".
	var others []span
	for _, h := range names {
		if SubjectKinds[h.theme-subjectBase*nThemes] == SubjectOther {
			others = append(others, h.spans...)
		}
	}
	overlapsOther := func(h ruleHit) bool {
		for _, s := range h.spans {
			for _, o := range others {
				if s.start <= o.end && o.start <= s.end {
					return true
				}
			}
		}
		return false
	}
	council, other := false, false
	for _, h := range names {
		switch SubjectKinds[h.theme-subjectBase*nThemes] {
		case SubjectCouncil:
			if overlapsOther(h) {
				continue
			}
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

// outsideMentions picks, for each part of a hit, its first occurrence
// outside the mentions; ok is false when some part occurs only inside
// them, for then the term is not said of the topic — unless that part is
// the Council's name (one of names), which says what the sentence is
// about wherever it stands, and another part lies outside.
func outsideMentions(an *analysed, every [][]span, ms [][2]int, names []span) (spans []span, ok bool) {
	spans = make([]span, 0, len(every))
	outside := 0
	for _, occ := range every {
		found := false
		for _, s := range occ {
			if !inMention(an, s, ms) {
				spans = append(spans, s)
				found = true
				outside++
				break
			}
		}
		if !found {
			for _, s := range occ {
				for _, n := range names {
					if s == n {
						spans = append(spans, s)
						found = true
						break
					}
				}
				if found {
					break
				}
			}
		}
		if !found {
			return nil, false
		}
	}
	// A term that is a name of the Council's ("elected members",
	// "penholder") is not said of the topic inside a mention.
	return spans, outside > 0
}

// inMention reports whether span s lies in one of the mentions.
func inMention(an *analysed, s span, ms [][2]int) bool {
	from, to := an.start[s.start], an.end[s.end]
	for _, m := range ms {
		if m[0] <= from && to <= m[1] {
			return true
		}
	}
	return false
}
