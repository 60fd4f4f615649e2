package ingest

import (
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
// their label gave them.
func resolveSpeaker(s *corpus.Speech, lang string) {
	if s.Role != "" {
		return
	}
	s.Role = corpus.RoleOther
	if s.Delegation == "" {
		return
	}
	if c, ok := lookupCountry(s.Delegation, lang); ok {
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
