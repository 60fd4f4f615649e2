package ingest

import (
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/scdebate/scdebate/corpus"
)

var (
	// "Agenda item 74 (continued)", "AGENDA ITEM 14 (continued)", "Agenda
	// items 27 and 28", "Agenda items 21 to 26", and, as printed in some
	// records, "Agenda item 48 and 114".
	agendaItemRe = lazyRegexp(`^(?i:agenda items?)\s+(\d{1,3}(?:\s?\([a-z]\))?)(?:\s*(?:,|and|to|–)\s*\d{1,3}(?:\s?\([a-z]\))?)*(?:\s*\((?i:continued)\))?$`)
	// An item number in a heading, with its sub-item letter: "63", "74 (a)",
	// "74（a）".
	headingNumberRe = lazyRegexp(`\d{1,3}(?:\s?[(（]\p{Ll}[)）])?`)
	// Headings between speeches that are not agenda items.
	proceduralHeadingRe = lazyRegexp(`^(?i:adoption of the agenda|organization of work|programme of work|tribute to the memory of .+|(?:statement|address) by .+)$`)
	// A sub-item starts with its letter, "(a) Note by …".
	subitemMarkerRe = lazyRegexp(`^\([a-z]{1,2}\)\s`)
	// Documents listed under an item.
	documentLineRe = lazyRegexp(`^(?i:(?:reports?|notes?|letters?|draft (?:resolutions?|decisions?)|memorandum|statements?|identical letters|amendments?|oral report|message)\b)(?:\s|$)|^(?:Rapport|Note|Lettre|Projet de résolution|Projet de décision|Informe|Nota|Carta|Proyecto de resolución|Proyecto de decisión|Доклад|Записка|Письмо|Проект резолюции|Проект решения|تقرير|مذكرة|رسالة|مشروع قرار)(?:\s|$)|^.{0,40}(?:的报告|的说明|的信|决议草案|决定草案)[(（]`)
	documentTailRe = lazyRegexp(`\((?:[AS]/|see )[^()]*\)$`)
)

// maxAgendaRange bounds the items a range in a heading stands for: a
// joint debate takes up a handful, and a misread "1 to 999" must not
// make a thousand.
const maxAgendaRange = 100

// agendaNumbers returns the numbers of the items an agenda heading names,
// in order, a range expanded: "Agenda items 21 to 26" is 21, 22, … 26;
// "Agenda item 48 and 114" is 48 and 114. nil when t is not a heading.
func (loc *locale) agendaNumbers(t string) []string {
	first, ok := loc.agendaNumber(t)
	if !ok {
		return nil
	}
	t = corpus.ASCIIDigits(t)
	var out []string
	prevEnd, prev := 0, -1
	for _, m := range headingNumberRe.FindAllStringIndex(t, -1) {
		num := strings.ReplaceAll(t[m[0]:m[1]], " ", "")
		n, err := strconv.Atoi(num)
		if err == nil && prev >= 0 && n > prev && n-prev <= maxAgendaRange && loc.isRange(t[prevEnd:m[0]]) {
			for k := prev + 1; k < n; k++ {
				out = append(out, strconv.Itoa(k))
			}
		}
		out = append(out, num)
		prevEnd, prev = m[1], -1
		if err == nil {
			prev = n
		}
	}
	if len(out) == 0 || out[0] != first {
		return []string{first}
	}
	return out
}

// isRange tells whether the text between two item numbers makes them the
// ends of a range ("to", "à", "至", an en dash).
func (loc *locale) isRange(between string) bool {
	between = strings.TrimSpace(between)
	return between == "–" || slices.Contains(loc.agendaRange, strings.ToLower(between))
}

// headingItem reads an agenda heading's lines (after "Agenda item N") into
// its title and sub-items: the title runs until a sub-item marker "(a)", a
// document line ("Report of the Secretary-General (A/79/198)") or a line
// closing with a document symbol; lines starting in lower case, or
// following a line that ends on a word like "of" or "the", continue the
// line before.
func headingItem(number string, lines []line) corpus.AgendaItem {
	items := headingItems([]string{number}, lines)
	return items[0]
}

// headingItems reads a heading that names one or more items ("Agenda
// items 29 and 123"): the parts that are not documents are the items'
// titles, in order, and the documents after a title are its sub-items.
//
// A heading that names several items with fewer titles than items, as
// the text path gives it without the space between the titles, has its
// titles split where a line opens with a capital after a line ending on
// a full word ("Trade and development finance" / "External debt …"), if
// that gives one title per item.
func headingItems(numbers []string, lines []line) []corpus.AgendaItem {
	parts := headingParts(lines)
	if n := len(numbers); n > 1 && titleCount(parts) < n {
		if byCapital := splitHeading(lines, true); titleCount(byCapital) == n {
			parts = byCapital
		}
	}
	items := make([]corpus.AgendaItem, 0, len(numbers))
	for _, n := range numbers {
		items = append(items, corpus.AgendaItem{Number: n})
	}
	k := 0
	for i, part := range parts {
		switch {
		case i == 0:
			items[0].Title = part
		case k+1 < len(items) && !isDocumentPart(part):
			k++
			items[k].Title = part
		default:
			items[k].Subitems = append(items[k].Subitems, part)
		}
	}
	return items
}

// isDocumentPart tells a document listed under an item from an item's
// title.
func isDocumentPart(part string) bool {
	return documentLineRe.MatchString(part) || documentTailRe.MatchString(part) || subitemMarkerRe.MatchString(part)
}

// titleCount counts the parts of a heading that headingItems takes for
// titles: the first, and the others that are not documents.
func titleCount(parts []string) int {
	n := 0
	for i, p := range parts {
		if i == 0 || !isDocumentPart(p) {
			n++
		}
	}
	return n
}

// headingParts splits a heading's lines into its title and sub-items.
func headingParts(lines []line) []string {
	return splitHeading(lines, false)
}

// splitHeading splits a heading's lines into parts; byCapital also starts
// a part at a line that opens a title (startsTitle).
func splitHeading(lines []line, byCapital bool) []string {
	var parts []string
	var cur []string
	flush := func() {
		if len(cur) > 0 {
			parts = append(parts, joinLines(cur, nil))
			cur = nil
		}
	}
	longest := 0
	for _, l := range lines {
		longest = max(longest, utf8.RuneCountInString(l.Text))
	}
	for i, l := range lines {
		t := l.Text
		// Geometry marks a new part too, except inside a lettered sub-item,
		// whose wrapped lines are indented under its letter.
		newPart := l.ParagraphStart && len(cur) > 0 && !subitemMarkerRe.MatchString(cur[0])
		if i > 0 && (newPart || startsHeadingPart(t, cur) || cjkLineEnd(lines[i-1].Text, longest) || byCapital && startsTitle(lines[i-1].Text, t)) {
			flush()
		}
		cur = append(cur, t)
		if documentTailRe.MatchString(t) {
			flush()
		}
	}
	flush()
	return parts
}

// titleConnectives are the words a title's line can end on when the
// title goes on to the next line ("Report of the United Nations High
// Commissioner for" / "Refugees").
var titleConnectives = map[string]bool{
	"of": true, "the": true, "and": true, "for": true, "to": true, "in": true, "on": true, "a": true, "an": true,
	"with": true, "by": true, "at": true, "from": true, "or": true, "its": true, "their": true, "into": true, "between": true,
	"de": true, "la": true, "le": true, "les": true, "des": true, "du": true, "et": true, "pour": true, "à": true, "au": true,
	"aux": true, "en": true, "sur": true, "dans": true, "par": true, "avec": true,
	"el": true, "los": true, "las": true, "del": true, "y": true, "e": true, "para": true, "con": true, "por": true, "al": true, "sobre": true,
	"и": true, "в": true, "на": true, "о": true, "об": true, "по": true, "для": true, "с": true, "со": true, "к": true,
}

// startsTitle tells whether t opens a title of its own: a capital first
// letter, in a line not set in capitals, after a line that ends on a full
// word (no connective, comma, colon or hyphen).
func startsTitle(prev, t string) bool {
	r, _ := utf8.DecodeRuneInString(t)
	if !unicode.IsUpper(r) || strings.ToUpper(t) == t {
		return false
	}
	last := lastField(strings.TrimSpace(prev))
	if end, _ := utf8.DecodeLastRuneInString(last); strings.ContainsRune(",:;-‐(", end) {
		return false
	}
	return !titleConnectives[strings.ToLower(last)]
}

// cjkLineEnd: a Chinese heading line shorter than the longest one ends its
// part, since Chinese titles give no other hint.
func cjkLineEnd(prev string, longest int) bool {
	r, _ := utf8.DecodeLastRuneInString(prev)
	return isCJK(r) && utf8.RuneCountInString(prev)*10 < longest*9
}

// startsHeadingPart tells whether t starts a new part of a heading rather
// than continuing the part before. Case gives no reliable hint (titles are
// capitalised, 1990s headings all in capitals), so only sub-item markers
// and document lines start a part.
func startsHeadingPart(t string, cur []string) bool {
	return len(cur) == 0 || subitemMarkerRe.MatchString(t) || documentLineRe.MatchString(t)
}
