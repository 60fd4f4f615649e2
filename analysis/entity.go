package analysis

import (
	"errors"
	"fmt"

	"github.com/scdebate/scdebate/corpus"
)

// Entities found in prose are named "group:<id>" for groups that speak
// jointly and "org:<id>" for organisations, so that reports can facet on
// them without parsing names again.
const (
	EntityStatePrefix        = "state:"
	EntityGroupPrefix        = "group:"
	EntityOrganisationPrefix = "org:"
)

// stateNameExclusions are phrases in which a state's name is part of a
// common word rather than the state: in Chinese 中国 (China) is inside
// 发展中国家 (developing countries).
var stateNameExclusions = map[string]map[string][]string{
	"CHN": {"zh": {"发展中国家", "中国家"}},
}

// entityFinder matches the names of states (from the country table),
// groups and organisations through the language analysers, like theme
// terms. A name inside a longer name of another entity ("Guinea" in "Papua
// New Guinea") does not count.
type entityFinder struct {
	ids   []string
	match map[string]*langMatcher
}

func newEntityFinder(gs *Groups) (*entityFinder, error) {
	ef := &entityFinder{match: map[string]*langMatcher{}}
	add := func(id string, names map[string][]string) error {
		idx := len(ef.ids)
		ef.ids = append(ef.ids, id)
		for lang, ns := range names {
			if !corpus.IsLanguage(lang) {
				continue
			}
			m := ef.match[lang]
			if m == nil {
				a, err := fullAnalyzer(lang)
				if err != nil {
					return err
				}
				m = &langMatcher{lang: lang, analyzer: a, byFirst: map[string][]int{}, byKey: map[string]int{}, excl: map[int][]int{}, vetoes: map[int][][]int{}}
				ef.match[lang] = m
			}
			for _, n := range ns {
				ph, err := analysePhrase(m.analyzer, lang, n, false)
				if errors.Is(err, errNoTokens) {
					// a name that is a stop word (Russian "Того") cannot be
					// told from the word; the other names still find it
					continue
				}
				if err != nil {
					return fmt.Errorf("entity %s: name %q: %w", id, n, err)
				}
				m.rules = append(m.rules, rule{theme: idx, text: n, parts: []int{m.addPhrase(ph)}})
			}
		}
		return nil
	}
	for _, c := range corpus.Countries() {
		if c.Code == "" || c.Status == corpus.StatusFormerMember {
			continue
		}
		if err := add(EntityStatePrefix+c.Code, c.Names); err != nil {
			return nil, err
		}
		for lang, phrases := range stateNameExclusions[c.Code] {
			m := ef.match[lang]
			for _, x := range phrases {
				ph, err := analysePhrase(m.analyzer, lang, x, false)
				if err != nil {
					return nil, err
				}
				m.excl[len(ef.ids)-1] = append(m.excl[len(ef.ids)-1], m.addPhrase(ph))
			}
		}
	}
	for _, g := range gs.Groups {
		if err := add(EntityGroupPrefix+g.ID, g.Aliases); err != nil {
			return nil, err
		}
	}
	for _, o := range gs.Organisations {
		if err := add(EntityOrganisationPrefix+o.ID, o.Names); err != nil {
			return nil, err
		}
	}
	for _, m := range ef.match {
		m.excludeContainingNames()
		m.indexRules()
	}
	return ef, nil
}

// excludeContainingNames makes every longer name that contains a shorter
// name of another entity an exclusion of the shorter one.
func (m *langMatcher) excludeContainingNames() {
	for _, short := range m.rules {
		sp := m.phrases[short.parts[0]]
		for _, long := range m.rules {
			lp := m.phrases[long.parts[0]]
			if long.theme == short.theme || len(lp.terms) <= len(sp.terms) || !containsPhrase(lp, sp) {
				continue
			}
			m.excl[short.theme] = append(m.excl[short.theme], long.parts[0])
		}
	}
}

// containsPhrase reports whether long has short as a contiguous run with
// the same spacing.
func containsPhrase(long, short phrase) bool {
	for i := 0; i+len(short.terms) <= len(long.terms); i++ {
		ok := true
		for j := range short.terms {
			if long.terms[i+j] != short.terms[j] || long.offs[i+j]-long.offs[i] != short.offs[j] {
				ok = false
				break
			}
		}
		if ok {
			return true
		}
	}
	return false
}

// find returns the entities named in an analysed sentence, in the order of
// the data.
func (ef *entityFinder) find(lang string, an *analysed) []string {
	m := ef.match[lang]
	if m == nil || an == nil {
		return nil
	}
	found := map[int][]string{}
	m.find(an, found)
	if len(found) == 0 {
		return nil
	}
	var out []string
	for i, id := range ef.ids {
		if _, ok := found[i]; ok {
			out = append(out, id)
		}
	}
	return out
}
