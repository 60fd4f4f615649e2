package ingest

import (
	"slices"
	"strings"

	"github.com/scdebate/scdebate/corpus"
)

// lookupCountry finds the country a delegation or list entry names.
func lookupCountry(name, lang string) (corpus.Country, bool) {
	return corpus.LookupCountry(name, lang)
}

// secretariatRe marks delegations that are parts of the Secretariat or its
// officials: "(Department for General Assembly and Conference Management)",
// "(Under-Secretary-General for Peace Operations)".
var secretariatRe = lazyRegexp(`(?i)\b(?:Secretariat|Department (?:of|for)|Office (?:of|for) (?:the )?(?:Coordination|Legal|Disarmament|Counter-Terrorism|High Commissioner|Special)|Under-Secretary-General|Assistant Secretary-General|Secretary-General|Special Representative|Special Envoy|Special Adviser|Special Coordinator|Emergency Relief Coordinator|United Nations (?:Secretariat|Office)|Controller|Legal Counsel|Spokesperson)\b|Secrétariat|Secretaría|Секретариат|秘书处|الأمانة العامة`)

// resolveSpeaker sets a delegate's role and country code from the
// delegation printed in the speaker line. Presiding officers keep the role
// their label gave them. A speaker in an office of a body of the meeting
// (", Rapporteur of the Third Committee", ", Chairperson of round table
// 1") reports for that body, not for a State, and may not be a
// government's delegate at all: the role is other, with no country code,
// the delegation as printed.
func resolveSpeaker(s *corpus.Speech, lang string) {
	if s.Role != "" {
		return
	}
	s.Role = corpus.RoleOther
	if s.Delegation == "" {
		return
	}
	if c, ok := lookupCountry(s.Delegation, lang); ok && !speaksForBody(s.Capacity) {
		s.CountryCode = c.Code
		switch c.Status {
		case corpus.StatusObserverState, corpus.StatusObserverEntity:
			s.Role = corpus.RoleObserver
		default:
			s.Role = corpus.RoleMemberState
		}
	} else if secretariatRe.MatchString(s.Delegation) {
		s.Role = corpus.RoleSecretariat
	}
	s.Delegation = strings.TrimSpace(s.Delegation)
}

// The offices, in the six languages, in which a speaker reports for a body
// of the meeting: a rapporteur of anything, or the chair of a committee,
// commission, round table, panel or working group. The President of the
// Security Council is not among them: a State holds the presidency.
var (
	rapporteurWords = []string{"rapporteur", "relator", "докладчик", "报告员", "مقرر"}
	chairWords      = []string{"chair", "président", "presidente", "presidenta", "председател", "主席", "رئيس"}
	bodyWords       = []string{
		"committee", "commission", "round table", "panel", "working group",
		"comité", "table ronde", "groupe de travail", "comisión", "mesa redonda", "grupo de trabajo",
		"комитет", "комисси", "круглого стола", "рабочей групп", "委员会", "圆桌", "小组", "لجنة", "المائدة المستديرة", "الفريق العامل",
	}
)

// speaksForBody reports whether a speaker line's capacity is an office of
// a body of the meeting.
func speaksForBody(capacity string) bool {
	c := strings.ToLower(capacity)
	has := func(words []string) bool {
		return slices.ContainsFunc(words, func(w string) bool { return strings.Contains(c, w) })
	}
	return c != "" && (has(rapporteurWords) || has(chairWords) && has(bodyWords))
}
