package ingest

import (
	"strings"
)

var (
	onBehalfRe = lazyRegexp(`(?i)\bon behalf of\s+`)
	// "the statement delivered by the representative of Uganda on behalf
	// of …": the group is named as the author of another statement.
	otherStatementRe = lazyRegexp(`(?i)\bstatements?\b(?:[^.;]{0,40}?)\b(?:delivered|made|presented|read out|given|to be delivered|to be made)\b[^.;]*$|\bby the (?:representative|delegation|observer|Permanent Representative|Minister)s?\b[^.;]*$`)
	// "submitted by Egypt and Qatar on behalf of …": someone else acts.
	byRe = lazyRegexp(`\bby\s`)
	// The speaker is the one acting: "I have the honour to speak on behalf
	// of", not "the Council acts on behalf of the Members".
	firstPersonRe = lazyRegexp(`(?i)\b(?:I|we|my|our|us|this statement|the present statement|speaking|delivering)\b`)
	// A relative clause just before the verb: its subject is not the
	// speaker.
	relativeRe = lazyRegexp(`(?i)\b(?:who|which|that)\s+(?:\w+\s+)?$`)
	// Verbs by which a speaker adopts another statement as its own.
	alignVerbRe = lazyRegexp(`(?i)\b(?:align(?:s|ed|ing)?|associates?|associated|associating|subscribes?|subscribed|endorses?|endorsed|supports?|supported|concurs?|concurred|echoes|joins?|shares?)\b`)
	// Others aligning with this statement is not the speaker aligning.
	alignThisRe = lazyRegexp(`(?i)\b(?:with|to) (?:this|the present|my|our) statement\b`)
	// Words that mark a group's name, as opposed to "on behalf of my
	// delegation" or "on behalf of the Government of my country".
	groupWordRe = lazyRegexp(`\b(?:Group|group|Union|States|Movement|[Cc]ountries|Community|Coalition|Alliance|Organization|Organisation|Forum|[Mm]embers|Caucus|Friends|League|Council|Bloc|Nations|Parties|Network|Initiative|Commonwealth|Partnership|Platform|Committee|Heads|signatories|sponsors|co-sponsors|G-?\d+|[A-Z]{2,}\d*)\b`)
	ownSideRe   = lazyRegexp(`(?i)^(?:the )?(?:my|our|his|her|its|their|this)\b|^(?:the )?(?:Government|delegation|people|President|Prime Minister|Minister|Head of State|Secretary-General|General Assembly|Assembly|panel|round table|Council)\b|^(?:myself|all of us|us|them|those|which|whom|whose)\b|^(?:the )?(?:membership|Members of the United Nations|members of the (?:Security )?Council|Council members|international community|humanity|humankind|mankind|peoples?|victims)\b`)
	// Where a group's name ends inside a sentence.
	groupEndRe = lazyRegexp(`\s+(?:to|in|with|which|that|who|on|at|regarding|concerning|for|during|under|as|I|we|and by|and on behalf|and the representative|as well as|respectively|would|will|has|have|is|are|was|were|and I|and we)\s|\s\(see\b|\s\((?:[AS]/|document)|[.;:!?]|\s—|\s–`)
	acronymRe  = lazyRegexp(`\([A-Z][A-Za-z0-9-]{1,12}\)`)
	groupSplit = lazyRegexp(`,\s+(?:and\s+)?the\s|\s+and\s+the\s`)
	// "aligns itself with the statement of the European Union", "the
	// European Union statement".
	statementByRe    = lazyRegexp(`(?i)\bstatements?\s+(?:delivered\s+|made\s+|presented\s+)?(?:this morning\s+|earlier\s+)?(?:by|of)\s+the\s+(European Union|[A-Z][\w-]*(?:\s+(?:of|the|and|[A-Z][\w-]*))*\s+(?:Group|Union|Movement|Community|Council|Alliance))`)
	groupStatementRe = lazyRegexp(`\bwith the (European Union|[A-Z][\w-]*(?:\s+(?:of|the|and|[A-Z][\w-]*))*\s+(?:Group|Union|Movement|Community))(?:\s+\([A-Z]{2,}\))?\s+statement`)
)

// groupsOf reads the first paragraphs of a speech for the groups the
// speaker speaks for ("I have the honour to speak on behalf of the Group of
// African States") and, apart, the statements it aligns with ("aligns
// itself with the statement delivered by the representative of Uganda on
// behalf of the African States Parties to the Rome Statute").
func groupsOf(paragraphs []string, delegation string) (onBehalf, aligned []string) {
	seenOB, seenAL := map[string]bool{}, map[string]bool{}
	add := func(list *[]string, seen map[string]bool, g string) {
		if g == "" || seen[g] || strings.EqualFold(g, delegation) {
			return
		}
		seen[g] = true
		*list = append(*list, g)
	}
	for pi, p := range paragraphs {
		if pi >= 3 {
			break
		}
		for _, sentence := range splitSentences(p) {
			adopts := adoptsStatement(sentence, delegation)
			locs := onBehalfRe.FindAllStringIndex(sentence, -1)
			for _, loc := range locs {
				before := sentence[:loc[0]]
				reference := otherStatementRe.MatchString(before) || byRe.MatchString(before[max(0, len(before)-90):])
				speaker := strings.TrimSpace(before) == "" || firstPersonRe.MatchString(before) ||
					delegation != "" && strings.Contains(before, delegation)
				for _, g := range groupList(sentence[loc[1]:]) {
					switch {
					case !reference && speaker:
						add(&onBehalf, seenOB, g)
					case adopts:
						add(&aligned, seenAL, g)
					}
				}
			}
			if adopts && len(locs) == 0 {
				for _, re := range []*pattern{statementByRe, groupStatementRe} {
					if m := re.FindStringSubmatch(sentence); m != nil {
						add(&aligned, seenAL, m[1])
					}
				}
			}
		}
	}
	return onBehalf, aligned
}

// adoptsStatement reports whether the speaker aligns with, supports or
// endorses a statement in this sentence: the verb's subject is the
// speaker ("We align ourselves", "Kenya’s delegation aligns itself"), not
// others ("the members of the Council who supported the draft").
func adoptsStatement(sentence, delegation string) bool {
	loc := alignVerbRe.FindStringIndex(sentence)
	if loc == nil || alignThisRe.MatchString(sentence) {
		return false
	}
	subject := sentence[:loc[0]]
	if relativeRe.MatchString(subject) {
		return false // "… the members who supported the draft"
	}
	return firstPersonRe.MatchString(subject) || strings.Contains(subject, "delegation") ||
		delegation != "" && strings.Contains(subject, delegation)
}

// groupList reads the group names that follow "on behalf of".
func groupList(s string) []string {
	var out []string
	for _, part := range groupSplit.Split(" "+groupName(s), -1) {
		part = strings.TrimSpace(part)
		part = strings.TrimPrefix(strings.TrimPrefix(part, "the "), "The ")
		if part == "" || !groupWordRe.MatchString(part) || ownSideRe.MatchString(part) {
			continue
		}
		if c, found := lookupCountry(part, ""); found && c.Code != "" {
			continue // a State, not a group: "on behalf of the United States"
		}
		out = append(out, part)
	}
	return out
}

// groupName cuts a group's name from the text after "on behalf of". A
// comma ends it unless the parts are short and the group word has not come
// yet ("the Accountability, Coherence and Transparency group") or the next
// part names another group ("…, the Group of Arab States and …").
func groupName(s string) string {
	end := len(s)
	for _, loc := range groupEndRe.FindAllStringIndex(s, -1) {
		// A preposition ends the name before a verb or a common noun ("…
		// States to explain", "… Group in the debate"), not inside it
		// ("African States Parties to the Rome Statute", "Uniting for
		// Consensus").
		switch strings.TrimSpace(s[loc[0]:loc[1]]) {
		case "to", "for", "on", "in", "with", "at":
			next := strings.Fields(s[loc[1]:])
			if len(next) > 0 && next[0] == "the" {
				next = next[1:]
			}
			if len(next) > 0 && next[0] != "" && next[0][0] >= 'A' && next[0][0] <= 'Z' {
				continue
			}
		}
		end = loc[0]
		break
	}
	parts := strings.Split(s[:end], ",")
	kept := parts[0]
	for _, p := range parts[1:] {
		named := groupWordRe.MatchString(acronymRe.ReplaceAllString(kept, ""))
		next := strings.TrimSpace(p)
		switch {
		case named && (strings.HasPrefix(next, "the ") || strings.HasPrefix(next, "and the ")) && groupWordRe.MatchString(next):
			kept += "," + p
		case !named && len(strings.Fields(next)) <= 6:
			kept += "," + p
		default:
			return strings.TrimSpace(kept)
		}
	}
	return strings.TrimSpace(strings.TrimRight(kept, " ,"))
}

// splitSentences splits a paragraph into sentences at ". ", "? ", "! "
// followed by a capital; abbreviations like "Mr." stay attached.
func splitSentences(p string) []string {
	var out []string
	start := 0
	for i := 0; i+2 < len(p); i++ {
		c := p[i]
		if (c == '.' || c == '?' || c == '!') && p[i+1] == ' ' && p[i+2] >= 'A' && p[i+2] <= 'Z' {
			switch lastField(p[start : i+1]) {
			case "Mr.", "Mrs.", "Ms.", "Dr.", "St.", "No.", "Nos.", "Corr.", "Add.", "Rev.", "Sr.", "Jr.", "v.", "vs.", "i.e.", "e.g.":
				continue
			}
			out = append(out, p[start:i+1])
			start = i + 2
		}
	}
	return append(out, p[start:])
}

// phraseGroups builds the group reader of a language from its "on behalf
// of" and alignment phrases: group 1 of each is the group's name. A
// sentence that aligns is not read for "on behalf of".
func phraseGroups(onBehalf, aligned, ownSide *pattern) func([]string, string) ([]string, []string) {
	return func(paragraphs []string, delegation string) (ob, al []string) {
		seen := map[string]bool{}
		add := func(list *[]string, g string) {
			g = strings.TrimSpace(g)
			if g == "" || seen[g] || g == delegation || ownSide.MatchString(g) {
				return
			}
			if c, found := lookupCountry(g, ""); found && c.Code != "" {
				return
			}
			seen[g] = true
			*list = append(*list, g)
		}
		for pi, p := range paragraphs {
			if pi >= 3 {
				break
			}
			for _, sentence := range splitAnySentences(p) {
				if ms := aligned.FindAllStringSubmatch(sentence, -1); ms != nil {
					for _, m := range ms {
						add(&al, m[1])
					}
					continue
				}
				for _, m := range onBehalf.FindAllStringSubmatch(sentence, -1) {
					add(&ob, m[1])
				}
			}
		}
		return ob, al
	}
}

// splitAnySentences splits at Chinese full stops as well as Western ones.
func splitAnySentences(p string) []string {
	if !strings.ContainsAny(p, "。！？；") {
		return splitSentences(p)
	}
	var out []string
	for _, s := range strings.FieldsFunc(p, func(r rune) bool { return strings.ContainsRune("。！？；", r) }) {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, s)
		}
	}
	return out
}
