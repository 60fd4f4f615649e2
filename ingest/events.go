package ingest

import (
	"strings"
)

// eventKind tells what a stage direction does to the parse.
type eventKind int

const (
	eventPlain      eventKind = iota
	eventCalled               // "The meeting was called to order at 3.05 p.m."
	eventRose                 // "The meeting rose at 6.10 p.m."
	eventChairTaken           // "Mr. Y (Country), Vice-President, took the Chair."
	eventChairBack            // "The President returned to the Chair."
	eventVoteResult           // "Draft resolution I was adopted (resolution 65/182)."
)

type eventPattern struct {
	re   *pattern
	kind eventKind
}

// Stage directions, set in italics in the records. They are recognised by
// their wording so that the text path, which has no italics, finds them too.
// Older records print "Vice President" and "the chair" as well.
var eventPatterns = []eventPattern{
	{lazyRegexp(`^The meeting was (?:called to order|opened) at (.{1,30}?)\.$`), eventCalled},
	{lazyRegexp(`^The meeting (?:rose|was adjourned|was closed) at (.{1,30}?)\.$`), eventRose},
	{lazyRegexp(`^The meeting (?:was suspended|resumed|was resumed) at .{1,30}\.$`), eventPlain},
	{lazyRegexp(`^.{3,300}, (?:Vice-?\s?President|Acting President|Vice-Chair(?:man|person)?)(?: of the [^,]{3,80})?, (?:took|assumed) the [Cc]hair\.$`), eventChairTaken},
	{lazyRegexp(`^.{3,300} took the [Cc]hair\.$`), eventChairTaken},
	{lazyRegexp(`^The (?:Acting )?President (?:returned to|resumed) the [Cc]hair\.$`), eventChairBack},
	{lazyRegexp(`^(?:There being \p{L}+ objection, )?[Ii]t (?:was|is) so decided\.$`), eventPlain},
	{lazyRegexp(`^A (?:recorded |separate |separate, recorded |roll-call )?vote was taken(?: by [\p{L} -]+)?\.$`), eventPlain},
	{lazyRegexp(`^(?:The |An )?(?:[Dd]raft|[Oo]ral|[Rr]evised|[Aa]mendments?|[Mm]otions?|[Pp]roposals?|[Oo]perative|[Pp]aragraphs?|[Rr]ecommendations?|[Dd]ecisions?|[Rr]esolutions?|(?:\p{L}+(?:-\p{L}+)? )?(?:preambular|operative) paragraphs?)\b.{0,300}? (?:was|were) (?:adopted|rejected|retained|deleted|approved|not adopted|withdrawn|carried|defeated)\b.{0,300}\.$`), eventVoteResult},
	{lazyRegexp(`^\[.{3,600}\]\.?$`), eventPlain},
	{lazyRegexp(`^At the invitation of the (?:President|Chair)\b.{3,600}\.$`), eventPlain},
	{lazyRegexp(`^The agenda was adopted\.$`), eventPlain},
	{lazyRegexp(`^The (?:members of the )?(?:General Assembly|Assembly|Council|Security Council)(?: members)? (?:observed|stood for) a minute of (?:silence|silent prayer or meditation)\.$`), eventPlain},
	{lazyRegexp(`^.{3,300} (?:was|were) escorted (?:into|from) the .{3,120}\.$`), eventPlain},
	{lazyRegexp(`^Having obtained the required .{3,600}\.$`), eventPlain},
}

// Opening words of stage directions: a line starting with one of them may
// begin an event that wraps onto the next lines.
var eventStartRe = lazyRegexp(`^(?:The meeting |In the absence of |The (?:Acting )?President (?:returned|resumed)|There being |It (?:was|is) so decided|A (?:recorded |separate |separate, recorded |roll-call )?vote was taken|(?:The |An )?(?:[Dd]raft|[Oo]ral|[Rr]evised|[Aa]mendments?|[Mm]otions?|[Pp]roposals?|[Oo]perative|[Pp]aragraphs?|[Rr]ecommendations?|[Dd]ecisions?|[Rr]esolutions?|\p{L}+(?:-\p{L}+)? (?:preambular|operative) paragraph)|\[|At the invitation of |The agenda was adopted|The (?:members of the )?(?:General Assembly|Assembly|Council|Security Council) (?:observed|stood)|Having obtained the required |(?:Mr|Mrs|Ms|Miss|Dame|Sir)\.? .{1,120}\((?:[^()]|\([^()]*\))+\),? (?:Vice|Acting|took|assumed))`)

// eventTime reads the time in "called to order at 3.05 p.m.".
func eventTime(s string) string {
	s = strings.TrimSpace(s)
	if strings.HasSuffix(s, ".m") {
		s += "." // the pattern took the sentence's full stop
	}
	return clockTime(s)
}
