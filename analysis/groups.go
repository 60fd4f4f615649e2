package analysis

import (
	"crypto/sha256"
	_ "embed"
	"encoding/hex"
	"fmt"
	"sort"
	"strings"
	"time"
	"unicode"

	"go.yaml.in/yaml/v3"

	"github.com/scdebate/scdebate/corpus"
)

//go:embed groups.yaml
var defaultGroups []byte

// Group is a group of states that speaks jointly.
type Group struct {
	ID   string
	Name string
	// Aliases are the group's names as printed, by language.
	Aliases map[string][]string
	// Membership is the group's member lists, oldest first.
	Membership []Membership
}

// Membership is a group's member list and the date it holds from.
type Membership struct {
	From    string // YYYY-MM-DD
	Source  string
	Members []string // ISO 3166-1 alpha-3
}

// MembersAt returns the members of g at date (YYYY-MM-DD): the latest list
// that holds at that date, the earliest known list for older dates, and the
// latest for an empty or unreadable date.
func (g *Group) MembersAt(date string) []string {
	if len(g.Membership) == 0 {
		return nil
	}
	if _, err := time.Parse(time.DateOnly, date); err != nil {
		return g.Membership[len(g.Membership)-1].Members
	}
	best := g.Membership[0]
	for _, m := range g.Membership {
		if m.From <= date {
			best = m
		}
	}
	return best.Members
}

// Organisation is a body named in statements that is not a group.
type Organisation struct {
	ID    string
	Names map[string][]string
}

// Groups is the groups data: joint speakers with dated membership, and the
// organisations found as entities.
type Groups struct {
	Groups        []*Group
	Organisations []*Organisation
	byID          map[string]*Group
	aliases       []groupAlias
	hash          string
}

type groupAlias struct {
	norm  string
	group *Group
}

// Group returns the group with the given ID.
func (gs *Groups) Group(id string) (*Group, bool) {
	g, ok := gs.byID[id]
	return g, ok
}

type groupsFile struct {
	Version int `yaml:"version"`
	Groups  []struct {
		ID         string              `yaml:"id"`
		Name       string              `yaml:"name"`
		Aliases    map[string][]string `yaml:"aliases"`
		Membership []struct {
			From    string   `yaml:"from"`
			Source  string   `yaml:"source"`
			Members []string `yaml:"members"`
		} `yaml:"membership"`
	} `yaml:"groups"`
	Organisations []struct {
		ID    string              `yaml:"id"`
		Names map[string][]string `yaml:"names"`
	} `yaml:"organisations"`
}

// DefaultGroups returns the embedded groups data.
func DefaultGroups() (*Groups, error) { return ParseGroups("embedded groups.yaml", defaultGroups) }

// ParseGroups parses and validates a groups file; file names it in errors.
func ParseGroups(file string, data []byte) (*Groups, error) {
	var f groupsFile
	dec := yaml.NewDecoder(strings.NewReader(string(data)))
	dec.KnownFields(true)
	if err := dec.Decode(&f); err != nil {
		return nil, fmt.Errorf("%s: %w", file, err)
	}
	sum := sha256.Sum256(data)
	gs := &Groups{byID: map[string]*Group{}, hash: hex.EncodeToString(sum[:8])}
	var errs []string
	for _, fg := range f.Groups {
		g := &Group{ID: fg.ID, Name: fg.Name, Aliases: fg.Aliases}
		if g.ID == "" || g.Name == "" {
			errs = append(errs, fmt.Sprintf("group %q: needs an id and a name", g.ID))
			continue
		}
		if _, dup := gs.byID[g.ID]; dup {
			errs = append(errs, fmt.Sprintf("group %q: duplicate id", g.ID))
			continue
		}
		for _, m := range fg.Membership {
			if _, err := time.Parse(time.DateOnly, m.From); err != nil {
				errs = append(errs, fmt.Sprintf("group %q: membership date %q is not YYYY-MM-DD", g.ID, m.From))
			}
			for _, c := range m.Members {
				if len(c) != 3 || strings.ToUpper(c) != c {
					errs = append(errs, fmt.Sprintf("group %q: member %q is not an ISO 3166-1 alpha-3 code", g.ID, c))
				}
			}
			g.Membership = append(g.Membership, Membership{From: m.From, Source: m.Source, Members: m.Members})
		}
		sort.SliceStable(g.Membership, func(i, j int) bool { return g.Membership[i].From < g.Membership[j].From })
		for lang, as := range g.Aliases {
			if !corpus.IsLanguage(lang) {
				errs = append(errs, fmt.Sprintf("group %q: unknown language %q", g.ID, lang))
			}
			for _, a := range as {
				if n := normaliseGroupName(a); n != "" {
					gs.aliases = append(gs.aliases, groupAlias{norm: n, group: g})
				}
			}
		}
		gs.byID[g.ID] = g
		gs.Groups = append(gs.Groups, g)
	}
	for _, o := range f.Organisations {
		gs.Organisations = append(gs.Organisations, &Organisation{ID: o.ID, Names: o.Names})
	}
	if len(errs) > 0 {
		return nil, fmt.Errorf("%s: %s", file, strings.Join(errs, "; "))
	}
	// Longest aliases first, so that "African Group" is not mistaken for a
	// shorter name it contains.
	sort.SliceStable(gs.aliases, func(i, j int) bool { return len(gs.aliases[i].norm) > len(gs.aliases[j].norm) })
	return gs, nil
}

// normaliseGroupName lower-cases s and keeps only letters and digits, words
// separated by single spaces and padded with spaces so that matching is by
// whole words; Chinese has no spaces, so Han characters are kept together.
func normaliseGroupName(s string) string {
	var b strings.Builder
	space := true
	han := false
	for _, r := range strings.ToLower(s) {
		switch {
		case unicode.Is(unicode.Han, r):
			han = true
			b.WriteRune(r)
			space = false
		case unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r):
			b.WriteRune(r)
			space = false
		default:
			if !space {
				b.WriteByte(' ')
				space = true
			}
		}
	}
	out := strings.TrimSpace(b.String())
	if out == "" {
		return ""
	}
	if han {
		return strings.ReplaceAll(out, " ", "")
	}
	return " " + out + " "
}

// Resolve returns the groups named in an "on behalf of" string as printed,
// in any language ("on behalf of the Accountability, Coherence and
// Transparency group", "au nom du Groupe ACT", "代表加强问责制、一致性和透明度国家集团").
func (gs *Groups) Resolve(onBehalfOf string) []*Group {
	n := normaliseGroupName(onBehalfOf)
	if n == "" {
		return nil
	}
	compact := strings.ReplaceAll(n, " ", "")
	var out []*Group
	seen := map[string]bool{}
	for _, a := range gs.aliases {
		hay := n
		if !strings.HasPrefix(a.norm, " ") {
			hay = compact
		}
		if i := strings.Index(hay, a.norm); i >= 0 && !seen[a.group.ID] {
			seen[a.group.ID] = true
			out = append(out, a.group)
			// Blank the match so that a shorter alias inside it does not
			// name a second group.
			if hay == n {
				n = n[:i] + strings.Repeat(" ", len(a.norm)) + n[i+len(a.norm):]
			} else {
				compact = compact[:i] + strings.Repeat("#", len(a.norm)) + compact[i+len(a.norm):]
			}
		}
	}
	return out
}

// ResolveSpeech returns the groups a speech speaks for, with their members
// at the record's date. A letter's own group (and the member list it
// states) applies to its speeches that name none.
func (gs *Groups) ResolveSpeech(rec *corpus.Record, sp *corpus.Speech) []GroupRef {
	names := sp.OnBehalfOf
	letterMembers := []string(nil)
	if len(names) == 0 && rec.Letter != nil {
		names = rec.Letter.OnBehalfOf
		letterMembers = rec.Letter.MemberCodes
	}
	var out []GroupRef
	seen := map[string]bool{}
	for _, name := range names {
		for _, g := range gs.Resolve(name) {
			if seen[g.ID] {
				continue
			}
			seen[g.ID] = true
			members := g.MembersAt(rec.Date)
			if len(letterMembers) > 0 && len(names) == 1 {
				members = letterMembers
			}
			out = append(out, GroupRef{ID: g.ID, Name: g.Name, Members: append([]string(nil), members...)})
		}
	}
	return out
}
