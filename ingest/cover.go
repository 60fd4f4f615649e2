package ingest

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/scdebate/scdebate/corpus"
)

// cover is what the first page of a verbatim record says about the meeting.
type cover struct {
	symbol    string
	sample    bool
	body      string
	session   *int
	meeting   *int
	date      string
	time      string // the time printed on the cover, 24h
	president *corpus.Person
	agenda    []corpus.AgendaItem // the Security Council prints its agenda on the cover
	// end is the index of the first line after the cover's header block;
	// for the Security Council, whose cover is a page of its own, the first
	// line of page 2.
	end int
}

var (
	symbolRe = lazyRegexp(`(?:^|[\s(])((?:SAMPLE\s?/\s?)?[AS]\s?/\s?(?:(?:ES|S)-\d{1,2}\s?/\s?|\d{1,3}\s?/\s?)?PV\.\s?\d{1,5}(?:\s?/\s?Corr\.\s?\d)?)\b`)
	// The ordinal suffix may be a separate text run: "71" then "st plenary
	// meeting", or "46th" then "PLENARY MEETING".
	meetingRe  = lazyRegexp(`(?i)\b(\d{1,5})\s*(?:st|nd|rd|th)\s+(?:plenary\s+)?meeting\b|第\s*(\d{1,5})\s*次(?:全体)?会议`)
	sessionRe  = lazyRegexp(`(?i)\b([a-z]+(?:-[a-z]+)?)\s+(special\s+|emergency\s+special\s+)?session\b`)
	gaSymbolRe = lazyRegexp(`^A/(\d{1,3})/PV\.`)
	weekdays   = `Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday`
	months     = `January|February|March|April|May|June|July|August|September|October|November|December`
	dateTimeRe = lazyRegexp(`(?i)\b(?:` + weekdays + `),?\s+(\d{1,2})\s+(` + months + `)\s+(\d{4})(?:,?\s*(?:at\s+)?(\d{1,2}(?:[.:]\d{2})?\s*(?:a\.\s?m\.|p\.\s?m\.)|noon|midnight))?`)
	leadersRe  = lazyRegexp(`(?:\s*\.){3,}\s*|\s*…+\s*`)
	timeRe     = lazyRegexp(`(?i)^(\d{1,2})(?:[.:](\d{2}))?\s*(a\.\s?m\.|p\.\s?m\.)$`)
)

// coverLines bounds the lines of the first page that the cover is read
// from: a cover's header is a few dozen lines, and a text file without
// form feeds is one page however long.
const coverLines = 400

// parseCover reads the cover from the first page's lines.
func parseCover(lines []line, loc *locale) (cover, error) {
	var c cover
	for c.end < len(lines) && lines[c.end].page == lines[0].page {
		c.end++
	}
	first := lines[:min(c.end, coverLines)]
	// The symbol is printed on the cover, in older records only in the
	// distribution box.
	for _, l := range first {
		if m := symbolRe.FindStringSubmatch(l.Text); m != nil {
			c.symbol = normalizeSymbol(m[1])
			break
		}
	}
	if c.symbol == "" {
		// Fall back to the running heads of the next pages.
		for _, l := range lines[c.end:min(len(lines), c.end+200)] {
			if m := symbolRe.FindStringSubmatch(l.Text); m != nil && strings.TrimSpace(l.Text) == strings.TrimSpace(m[1]) {
				c.symbol = normalizeSymbol(m[1])
				break
			}
		}
	}
	c.sample = strings.HasPrefix(c.symbol, "SAMPLE/")
	plain := strings.TrimPrefix(c.symbol, "SAMPLE/")
	coverText := joinedText(first)
	switch {
	case strings.HasPrefix(plain, "A/"):
		c.body = "General Assembly"
	case strings.HasPrefix(plain, "S/"):
		c.body = "Security Council"
	case strings.Contains(coverText, "Security Council"):
		c.body = "Security Council"
	case strings.Contains(strings.ToUpper(coverText), "GENERAL ASSEMBLY"):
		c.body = "General Assembly"
	}
	if c.body == "General Assembly" {
		c.session = gaSession(plain, coverText, loc)
	}
	c.meeting = coverMeeting(plain, coverText)
	c.date, c.time = loc.date(coverText)
	c.president = coverPresident(coverText, loc)
	// The header block ends with the President's line; what follows on the
	// page is the meeting itself.
	if c.body != "Security Council" {
		c.end = coverEnd(first, loc)
	} else {
		c.agenda = coverAgenda(first, loc)
	}
	if c.symbol == "" && c.meeting == nil && c.date == "" {
		return c, fmt.Errorf("%w: no document symbol, meeting number or date on the first page", ErrNotRecord)
	}
	return c, nil
}

// gaSession is the General Assembly session: in the symbol (A/79/PV.29)
// or, for special sessions and covers without one, in words.
func gaSession(symbol, coverText string, loc *locale) *int {
	if m := gaSymbolRe.FindStringSubmatch(symbol); m != nil {
		n, _ := strconv.Atoi(m[1])
		return corpus.Int(n)
	}
	if strings.HasPrefix(symbol, "A/") || loc.session == nil {
		return nil // special and emergency special sessions
	}
	if loc.lang == "en" {
		for _, m := range sessionRe.FindAllStringSubmatch(coverText, -1) {
			if m[2] != "" {
				return nil
			}
			if n, ok := loc.session(m[1]); ok {
				return corpus.Int(n)
			}
		}
		return nil
	}
	if n, ok := loc.session(coverText); ok {
		return corpus.Int(n)
	}
	return nil
}

// coverMeeting is the meeting number printed on the cover, where the
// ordinal suffix may be a text run of its own, or else the symbol's.
func coverMeeting(symbol, coverText string) *int {
	if m := meetingRe.FindStringSubmatch(coverText); m != nil {
		n, _ := strconv.Atoi(m[1] + m[2])
		return corpus.Int(n)
	}
	if i := strings.LastIndex(symbol, "PV."); i >= 0 {
		if n, err := strconv.Atoi(strings.SplitN(symbol[i+3:], "/", 2)[0]); err == nil {
			return corpus.Int(n)
		}
	}
	return nil
}

// normalizeSymbol removes the stray spaces of some covers ("A /76/PV.102").
func normalizeSymbol(s string) string {
	return strings.Join(strings.Fields(s), "")
}

// joinedText joins lines with single spaces.
func joinedText(lines []line) string {
	var b strings.Builder
	for i, l := range lines {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(l.Text)
	}
	return b.String()
}

// coverPresident reads "President: Mr. Yang ........ (Cameroon)".
func coverPresident(text string, loc *locale) *corpus.Person {
	at := loc.president.FindStringIndex(text)
	if at == nil {
		return nil
	}
	rest := text[at[1]:]
	open := strings.IndexAny(rest, "(（")
	if open < 0 || open > 200 {
		return nil
	}
	name := collapseSpace(leadersRe.ReplaceAllString(rest[:open], " "))
	inner, _, closed := balancedParen(rest[open:])
	if name == "" || !closed {
		return nil
	}
	return &corpus.Person{Name: name, Country: collapseSpace(inner)}
}

// coverEnd finds the end of a General Assembly cover's header block: the
// line that closes the President's parenthesis, and the rule under it.
func coverEnd(first []line, loc *locale) int {
	for i, l := range first {
		if !loc.president.MatchString(l.Text) {
			continue
		}
		for j := i; j < len(first) && j < i+6; j++ {
			if strings.ContainsAny(first[j].Text, ")）") {
				end := j + 1
				for end < len(first) && isFurniture(first[end].Text) {
					end++
				}
				return end
			}
		}
	}
	// No President's line: the header ends after the place of the meeting.
	for i, l := range first {
		switch strings.ToLower(l.Text) {
		case "new york", "geneva", "genève", "ginebra", "纽约", "нью-йорк", "نيويورك":
			return i + 1
		}
	}
	return 0
}

// coverAgenda reads the agenda printed on a Security Council cover: the
// lines after "Agenda", up to the notice and the job number.
func coverAgenda(first []line, loc *locale) []corpus.AgendaItem {
	start := -1
	for i, l := range first {
		switch l.Text {
		case "Agenda", "AGENDA", "Ordre du jour", "Orden del día", "Повестка дня", "议程", "جدول الأعمال":
			start = i + 1
		}
	}
	if start < 0 {
		return nil
	}
	var heading []line
	for _, l := range first[start:] {
		if isFurniture(l.Text) || loc.noticeStart.MatchString(l.Text) || noticeStartRe.MatchString(l.Text) {
			break
		}
		heading = append(heading, l)
	}
	if len(heading) == 0 {
		return nil
	}
	item := headingItem("", heading)
	return []corpus.AgendaItem{item}
}

// clockTime turns "3 p.m.", "3.05 p.m.", "noon" into 24-hour "15:05".
func clockTime(s string) string {
	s = strings.TrimSpace(strings.ToLower(s))
	switch s {
	case "":
		return ""
	case "noon":
		return "12:00"
	case "midnight":
		return "00:00"
	}
	m := timeRe.FindStringSubmatch(s)
	if m == nil {
		return ""
	}
	h, _ := strconv.Atoi(m[1])
	min := 0
	if m[2] != "" {
		min, _ = strconv.Atoi(m[2])
	}
	if h > 12 || min > 59 {
		return ""
	}
	pm := strings.HasPrefix(m[3], "p")
	switch {
	case pm && h < 12:
		h += 12
	case !pm && h == 12:
		h = 0
	}
	return fmt.Sprintf("%02d:%02d", h, min)
}

var (
	unitOrdinals = map[string]int{
		"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
		"eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
		"fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
		"nineteenth": 19, "twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50,
		"sixtieth": 60, "seventieth": 70, "eightieth": 80, "ninetieth": 90, "hundredth": 100,
	}
	tens = map[string]int{
		"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
		"eighty": 80, "ninety": 90,
	}
)

// ordinalWords reads an English ordinal in words: "Seventy-ninth",
// "FORTY-EIGHTH", "Sixtieth".
func ordinalWords(s string) (int, bool) {
	s = strings.ToLower(strings.ReplaceAll(strings.TrimSpace(s), " ", "-"))
	if n, ok := unitOrdinals[s]; ok {
		return n, true
	}
	t, u, ok := strings.Cut(s, "-")
	if !ok {
		return 0, false
	}
	n, ok1 := tens[t]
	m, ok2 := unitOrdinals[u]
	if !ok1 || !ok2 || m > 9 {
		return 0, false
	}
	return n + m, true
}
