package analysis

import (
	"slices"
	"sync"

	"github.com/scdebate/scdebate/corpus"
)

// The built-in taxonomy and group table, compiled once for resolving
// filter values.
var (
	compiledTaxonomy = sync.OnceValues(DefaultTaxonomy)
	compiledGroups   = sync.OnceValues(DefaultGroups)
)

// ResolveThemes maps theme filter values to theme IDs: an ID of tx in any
// case ("Veto"), or a theme's name in one of the six languages
// ("Transparency and accountability"). tx nil is the built-in taxonomy;
// extra are IDs accepted as they are besides tx's (the themes an index
// built under another taxonomy holds). A value that names no theme is a
// *corpus.UnknownValueError offering the nearest IDs, with param as its
// filter.
func ResolveThemes(param string, tx *Taxonomy, extra, values []string) ([]string, error) {
	if tx == nil {
		var err error
		if tx, err = compiledTaxonomy(); err != nil {
			return nil, err
		}
	}
	var cands []corpus.Candidate
	for _, th := range tx.Themes {
		keys := []string{th.ID}
		for _, lang := range corpus.Languages {
			if n := th.Names[lang]; n != "" {
				keys = append(keys, n)
			}
		}
		cands = append(cands, corpus.Candidate{Keys: keys, Label: th.ID})
	}
	for _, id := range extra {
		if _, ok := tx.Theme(id); !ok {
			cands = append(cands, corpus.Candidate{Keys: []string{id}, Label: id})
		}
	}
	return resolveEach(param, "theme", "give a theme ID or name; \"scdebate themes\" lists them", values, cands, nil)
}

// resolveEach resolves each value to the label of the candidate one of
// whose keys it is, or else to what byName finds (nil: nothing); each
// label once, in the order given. A value neither finds is an
// *corpus.UnknownValueError about a what, with the nearest candidates.
func resolveEach(param, what, hint string, values []string, cands []corpus.Candidate, byName func(string) (string, bool)) ([]string, error) {
	var out []string
	for _, v := range values {
		id, ok := exactCandidate(v, cands)
		if !ok && byName != nil {
			id, ok = byName(v)
		}
		if !ok {
			return nil, &corpus.UnknownValueError{Param: param, Value: v, What: what,
				Suggestions: corpus.Suggest(v, cands, corpus.FoldKey), Hint: hint}
		}
		if !slices.Contains(out, id) {
			out = append(out, id)
		}
	}
	return out, nil
}

// exactCandidate is the label of the candidate one of whose keys is v,
// case and spacing aside.
func exactCandidate(v string, cands []corpus.Candidate) (string, bool) {
	k := corpus.FoldKey(v)
	for _, c := range cands {
		for _, key := range c.Keys {
			if corpus.FoldKey(key) == k {
				return c.Label, true
			}
		}
	}
	return "", false
}

// ResolveGroups maps group filter values to group IDs: an ID in any case
// ("ACT"), or a name that names one group as records print it ("Group of
// Arab States", "Organization of the Islamic Conference"). gs nil is the
// built-in group table. A value that names no group is a
// *corpus.UnknownValueError offering the nearest IDs.
func ResolveGroups(param string, gs *Groups, values []string) ([]string, error) {
	if gs == nil {
		var err error
		if gs, err = compiledGroups(); err != nil {
			return nil, err
		}
	}
	var cands []corpus.Candidate
	for _, g := range gs.Groups {
		keys := []string{g.ID, g.Name}
		for _, lang := range corpus.Languages {
			keys = append(keys, g.Aliases[lang]...)
		}
		cands = append(cands, corpus.Candidate{Keys: keys, Label: g.ID})
	}
	return resolveEach(param, "group", "give a group ID or name; \"scdebate groups\" lists them", values, cands, func(v string) (string, bool) {
		if refs := gs.Resolve(v); len(refs) == 1 {
			return refs[0].ID, true
		}
		return "", false
	})
}
