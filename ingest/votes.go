package ingest

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/scdebate/scdebate/corpus"
)

// readVote reads a recorded vote: "In favour:", "Against:", "Abstaining:"
// each followed by a list of countries.
func (p *parser) readVote(i int) int {
	seq := len(p.rec.Speeches)
	v := corpus.Vote{AfterSeq: seq, Page: p.lines[i].page, InFavour: []string{}, Against: []string{}, Abstaining: []string{}}
	var section string
	acc := map[string]string{}
	j := i
vote:
	for ; j < len(p.lines); j++ {
		t := p.lines[j].Text
		if m := p.loc.voteHead.FindStringSubmatch(t); m != nil {
			section = p.loc.voteSections[strings.ToLower(m[1])]
			acc[section] = m[2]
			continue
		}
		text := acc[section]
		if strings.HasSuffix(text, ".") || j-i > 80 {
			break // a list closed by a full stop, or no list at all
		}
		complete := p.listComplete(text)
		switch {
		case !complete && text != "" && !p.startsStructure(j):
			// "…, United" / "Kingdom of …": the name goes on.
		case !listLine(t) && !continuesList(text, t):
			break vote
		case complete && !continuesList(text, t) && !p.namesGoOn(text, t) && (section != voteFavour || p.startsStructure(j)):
			break vote
		}
		acc[section] = strings.TrimSpace(text + " " + t)
	}
	for sec, text := range acc {
		items := p.splitCountryList(text)
		switch sec {
		case voteFavour:
			v.InFavour = items
		case voteAgainst:
			v.Against = items
		default:
			v.Abstaining = items
		}
	}
	v.Subject = p.voteSubject()
	p.rec.Votes = append(p.rec.Votes, v)
	p.lastVote = len(p.rec.Votes)
	return j
}

// startsStructure reports whether line j starts a speaker line or an event.
func (p *parser) startsStructure(j int) bool {
	if _, _, ok := p.trySpeaker(j); ok {
		return true
	}
	return p.loc.eventStart.MatchString(p.lines[j].Text)
}

var voteSubjectRe = lazyRegexp(`(?i)(?:put to the vote|take a decision on|proceed to (?:the )?vote on|vote on|voting on)\s+(.+?)(?:\.\s|\.$|,\s+entitled|$)`)

// voteSubjectBytes bounds how much of the end of a paragraph voteSubject
// reads: the subject is in its last sentences, and reading the whole of a
// long paragraph for each of many votes after it would be quadratic.
const voteSubjectBytes = 4 << 10

// voteSubject finds what the presiding officer put to the vote in the last
// paragraphs before the vote.
func (p *parser) voteSubject() string {
	if p.cur == nil {
		return ""
	}
	paras := p.texts[len(p.texts)-1]
	for k := len(paras) - 1; k >= 0 && k >= len(paras)-3; k-- {
		text := tailText(joinLines(paras[k].tail(voteSubjectBytes), p.vocab), voteSubjectBytes)
		if ms := voteSubjectRe.FindAllStringSubmatch(text, -1); ms != nil {
			return strings.TrimSpace(ms[len(ms)-1][1])
		}
	}
	return ""
}

// listComplete reports whether a country list could end here: it does not
// end on a comma or a joining word, and its last name is a country.
func (p *parser) listComplete(text string) bool {
	text = strings.TrimSuffix(strings.TrimSpace(text), ".")
	if text == "" {
		return false
	}
	if strings.HasSuffix(text, ",") {
		return false
	}
	last := lastField(text)
	switch strings.ToLower(last) {
	case "and", "of", "the", "de", "(islamic", "(federated", "(plurinational", "(bolivarian", "(kingdom":
		return false
	}
	if strings.Count(text, "(") > strings.Count(text, ")") {
		return false
	}
	items := p.splitCountryList(lastListPart(text))
	if len(items) == 0 {
		return false
	}
	lastItem := items[len(items)-1]
	if strings.EqualFold(lastItem, "none") {
		return true
	}
	_, ok := lookupCountry(lastItem, p.loc.lang)
	return ok
}

// lastListPart is the text after the last comma outside parentheses: the
// list's last entry, all that matters to where the list ends.
func lastListPart(text string) string {
	depth := 0
	for i := len(text) - 1; i >= 0; i-- {
		switch text[i] {
		case ')':
			depth++
		case '(':
			depth--
		case ',':
			if depth == 0 {
				return text[i+1:]
			}
		}
	}
	return text
}

// namesGoOn reports whether the line t carries on the list's last name:
// "… Brunei" then "Darussalam, Burundi …".
func (p *parser) namesGoOn(text, t string) bool {
	items := p.splitCountryList(lastListPart(text))
	if len(items) == 0 {
		return false
	}
	next, _, _ := strings.Cut(t, ",")
	_, ok := lookupCountry(items[len(items)-1]+" "+strings.TrimSpace(next), p.loc.lang)
	return ok
}

// listLine reports whether t can be a line of a country list: mostly
// capitalised names, commas, "and", "of", "the", no sentence inside.
func listLine(t string) bool {
	if strings.Contains(t, ". ") || strings.Contains(t, "。") {
		return false
	}
	if !hasCase(t) {
		// Chinese and Arabic lists give no capital letters to count.
		return !strings.ContainsAny(strings.TrimRight(t, ".。"), ".。:：")
	}
	fields := strings.Fields(t)
	names := 0
	for _, f := range fields {
		r, _ := utf8.DecodeRuneInString(strings.TrimLeft(f, "("))
		if unicode.IsUpper(r) || listParticles[strings.Trim(f, "(),")] {
			names++
		}
	}
	return names*10 >= len(fields)*7
}

// hasCase reports whether t has letters of a script with case.
func hasCase(t string) bool {
	for _, r := range t {
		if unicode.IsUpper(r) || unicode.IsLower(r) {
			return true
		}
	}
	return false
}

var listParticles = words("and of the de del des du la d’Ivoire et y e и")

// continuesList reports whether the line t continues a list rather than
// ending it: it starts in lower case, with "and" or with a parenthesis.
func continuesList(text, t string) bool {
	r, _ := utf8.DecodeRuneInString(t)
	return unicode.IsLower(r) && !strings.HasPrefix(t, "the ") || strings.HasPrefix(t, "and ") || strings.HasPrefix(t, "(")
}

// splitCountryList splits "A, B (C, D), E and F" into countries: commas
// outside parentheses, and a final "and" where the parts are countries and
// the whole is not ("Trinidad and Tobago" stays whole).
func (p *parser) splitCountryList(text string) []string {
	text = collapseSpace(text)
	items := []string{}
	if text == "" || strings.EqualFold(text, "none") || strings.EqualFold(text, "none.") {
		return items
	}
	depth := 0
	start := 0
	var parts []string
	for k, r := range text {
		switch r {
		case '(':
			depth++
		case ')':
			depth--
		case ',', '、', '،', '，':
			if depth == 0 {
				parts = append(parts, text[start:k])
				start = k + utf8.RuneLen(r)
			}
		}
	}
	parts = append(parts, text[start:])
	for _, part := range parts {
		part = strings.TrimSpace(strings.TrimRight(strings.TrimSpace(part), ".。"))
		for _, and := range p.loc.listAnd {
			part = strings.TrimPrefix(part, and+" ")
		}
		if part == "" {
			continue
		}
		if _, ok := lookupCountry(part, p.loc.lang); !ok {
			if a, b, found := cutLastAnd(part, p.loc.listAnd); found && p.bothCountries(a, b) {
				items = append(items, a, b)
				continue
			}
			if a, b, found := p.splitGlued(part); found {
				// A comma lost in extraction: "Zambia Zimbabwe".
				items = append(items, a, b)
				continue
			}
		}
		items = append(items, part)
	}
	return items
}

func (p *parser) bothCountries(a, b string) bool {
	_, okA := lookupCountry(a, p.loc.lang)
	_, okB := lookupCountry(b, p.loc.lang)
	return okA && okB
}

// splitGlued splits two country names run together at a space.
func (p *parser) splitGlued(s string) (string, string, bool) {
	for i := 0; i < len(s); i++ {
		if s[i] == ' ' && p.bothCountries(s[:i], s[i+1:]) {
			return s[:i], s[i+1:], true
		}
	}
	return "", "", false
}

// cutLastAnd splits s at its last "and": spaced, joined to the next word
// in Arabic ("والهند"), unspaced in Chinese.
func cutLastAnd(s string, ands []string) (string, string, bool) {
	best, size := -1, 0
	for _, and := range ands {
		sep := " " + and + " "
		switch and {
		case "和", "及":
			sep = and
		case "و":
			sep = " " + and
		}
		if i := strings.LastIndex(s, sep); i > best {
			best, size = i, len(sep)
		}
	}
	if best < 0 {
		return "", "", false
	}
	return strings.TrimSpace(s[:best]), strings.TrimSpace(s[best+size:]), true
}
