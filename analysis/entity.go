package analysis

import "fmt"

// Entities found in prose are named "group:<id>" for groups that speak
// jointly and "org:<id>" for organisations, so that reports can facet on
// them without parsing names again.
const (
	EntityGroupPrefix        = "group:"
	EntityOrganisationPrefix = "org:"
)

// entityFinder matches the names of groups and organisations through the
// language analysers, like theme terms.
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
			if !isLanguage(lang) {
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
				if err != nil {
					return fmt.Errorf("entity %s: name %q: %w", id, n, err)
				}
				m.rules = append(m.rules, rule{theme: idx, text: n, parts: []int{m.addPhrase(ph)}})
			}
		}
		return nil
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
	return ef, nil
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
