package ingest

import (
	"regexp"

	"github.com/scdebate/scdebate/corpus"
)

var (
	// "Agenda item 74 (continued)", "AGENDA ITEM 14 (continued)", "Agenda
	// items 27 and 28".
	agendaItemRe = regexp.MustCompile(`^(?i:agenda items?)\s+(\d{1,3}(?:\s?\([a-z]\))?)(?:\s*(?:,|and|to)\s*\d{1,3}(?:\s?\([a-z]\))?)*(?:\s*\((?i:continued)\))?$`)
	// Headings between speeches that are not agenda items.
	proceduralHeadingRe = regexp.MustCompile(`^(?i:adoption of the agenda|organization of work|programme of work|tribute to the memory of .+|(?:statement|address) by .+)$`)
	// A sub-item starts with its letter, "(a) Note by …".
	subitemMarkerRe = regexp.MustCompile(`^\([a-z]{1,2}\)\s`)
	// Documents listed under an item.
	documentLineRe = regexp.MustCompile(`^(?i:(?:reports?|notes?|letters?|draft (?:resolutions?|decisions?)|memorandum|statements?|identical letters|amendments?|oral report|message)\b)(?:\s|$)`)
	documentTailRe = regexp.MustCompile(`\((?:[AS]/|see )[^()]*\)$`)
)

// headingItem reads an agenda heading's lines (after "Agenda item N") into
// its title and sub-items: the title runs until a sub-item marker "(a)", a
// document line ("Report of the Secretary-General (A/79/198)") or a line
// closing with a document symbol; lines starting in lower case, or
// following a line that ends on a word like "of" or "the", continue the
// line before.
func headingItem(number string, lines []line) corpus.AgendaItem {
	item := corpus.AgendaItem{Number: number}
	var parts []string
	var cur []string
	flush := func() {
		if len(cur) > 0 {
			parts = append(parts, joinLines(cur, nil))
			cur = nil
		}
	}
	for i, l := range lines {
		t := l.Text
		if i > 0 && startsHeadingPart(t, cur) {
			flush()
		}
		cur = append(cur, t)
		if documentTailRe.MatchString(t) {
			flush()
		}
	}
	flush()
	if len(parts) > 0 {
		item.Title = parts[0]
		item.Subitems = parts[1:]
	}
	return item
}

// startsHeadingPart tells whether t starts a new part of a heading rather
// than continuing the part before. Case gives no reliable hint (titles are
// capitalised, 1990s headings all in capitals), so only sub-item markers
// and document lines start a part.
func startsHeadingPart(t string, cur []string) bool {
	return len(cur) == 0 || subitemMarkerRe.MatchString(t) || documentLineRe.MatchString(t)
}
