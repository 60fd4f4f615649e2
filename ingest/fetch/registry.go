package fetch

import (
	"bytes"
	_ "embed"
	"errors"
	"fmt"
	"sort"
	"strconv"
	"time"

	"go.yaml.in/yaml/v3"
)

//go:embed registry.yaml
var registryYAML []byte

// Registry holds the established facts about the report debate, session by
// session, each with its sources (registry.yaml).
type Registry struct {
	Sources  map[string]RegistrySource `yaml:"sources"`
	Sessions []SessionFacts            `yaml:"sessions"`
}

// RegistrySource is a document a fact comes from.
type RegistrySource struct {
	Title string `yaml:"title"`
	URL   string `yaml:"url,omitempty"`
	// Quote is the passage the facts rest on, where it is short.
	Quote string `yaml:"quote,omitempty"`
}

// SessionFacts are the facts known about one session's debate. A zero or
// nil field is unknown.
type SessionFacts struct {
	Session int `yaml:"session"`
	// SessionSources back the session number where no meeting symbol
	// carries it.
	SessionSources []string `yaml:"session_sources,omitempty"`
	// Year is the calendar year of the debate.
	Year        int      `yaml:"year,omitempty"`
	YearSources []string `yaml:"year_sources,omitempty"`
	// Joint: debated jointly with the Council-reform item.
	Joint        *bool    `yaml:"joint,omitempty"`
	JointSources []string `yaml:"joint_sources,omitempty"`
	// AgendaItem is the item's number at that session.
	AgendaItem        string   `yaml:"agenda_item,omitempty"`
	AgendaItemSources []string `yaml:"agenda_item_sources,omitempty"`
	// Dates are debate dates known without a meeting symbol.
	Dates        []string       `yaml:"dates,omitempty"`
	DatesSources []string       `yaml:"dates_sources,omitempty"`
	Meetings     []MeetingFacts `yaml:"meetings,omitempty"`
}

// MeetingFacts are the facts known about one meeting of a debate.
type MeetingFacts struct {
	Symbol      string   `yaml:"symbol"`
	Sources     []string `yaml:"sources"`
	Date        string   `yaml:"date,omitempty"`
	DateSources []string `yaml:"date_sources,omitempty"`
}

// LoadRegistry returns the registry embedded in the program.
func LoadRegistry() (*Registry, error) {
	r, err := ParseRegistry(registryYAML)
	if err != nil {
		return nil, fmt.Errorf("embedded registry.yaml: %w", err)
	}
	return r, nil
}

// ParseRegistry reads and checks a registry: known fields only, every fact
// with sources that exist, symbols of their session, valid dates, no session
// twice.
func ParseRegistry(b []byte) (*Registry, error) {
	dec := yaml.NewDecoder(bytes.NewReader(b))
	dec.KnownFields(true)
	var r Registry
	if err := dec.Decode(&r); err != nil {
		return nil, err
	}
	if err := r.validate(); err != nil {
		return nil, err
	}
	sort.Slice(r.Sessions, func(i, j int) bool { return r.Sessions[i].Session < r.Sessions[j].Session })
	return &r, nil
}

func (r *Registry) validate() error {
	var errs []error
	check := func(where, fact string, present bool, sources []string) {
		if !present {
			if len(sources) > 0 {
				errs = append(errs, fmt.Errorf("%s: sources for %s, which is not given", where, fact))
			}
			return
		}
		if len(sources) == 0 {
			errs = append(errs, fmt.Errorf("%s: %s has no source", where, fact))
		}
		for _, s := range sources {
			if _, ok := r.Sources[s]; !ok {
				errs = append(errs, fmt.Errorf("%s: %s cites unknown source %q", where, fact, s))
			}
		}
	}
	for id, s := range r.Sources {
		if s.Title == "" {
			errs = append(errs, fmt.Errorf("source %q has no title", id))
		}
	}
	seen := map[int]bool{}
	for _, s := range r.Sessions {
		where := "session " + strconv.Itoa(s.Session)
		if s.Session <= 0 {
			errs = append(errs, fmt.Errorf("%s: not a session number", where))
		}
		if seen[s.Session] {
			errs = append(errs, fmt.Errorf("%s: listed twice", where))
		}
		seen[s.Session] = true
		if len(s.Meetings) == 0 {
			check(where, "the session", true, s.SessionSources)
		}
		check(where, "the year", s.Year != 0, s.YearSources)
		if s.Year != 0 && s.Year != 1945+s.Session && s.Year != 1946+s.Session {
			errs = append(errs, fmt.Errorf("%s: year %d is not within the session", where, s.Year))
		}
		check(where, "the joint-debate flag", s.Joint != nil, s.JointSources)
		check(where, "the agenda item", s.AgendaItem != "", s.AgendaItemSources)
		check(where, "the dates", len(s.Dates) > 0, s.DatesSources)
		for _, d := range s.Dates {
			if !validISODate(d) {
				errs = append(errs, fmt.Errorf("%s: %q is not a date (YYYY-MM-DD)", where, d))
			}
		}
		for _, m := range s.Meetings {
			mw := where + " meeting " + m.Symbol
			g := pvSymbolRE.FindStringSubmatch(m.Symbol)
			if g == nil || g[1] != strconv.Itoa(s.Session) {
				errs = append(errs, fmt.Errorf("%s: not a plenary verbatim record of the session", mw))
			}
			check(mw, "the symbol", true, m.Sources)
			check(mw, "the date", m.Date != "", m.DateSources)
			if m.Date != "" && !validISODate(m.Date) {
				errs = append(errs, fmt.Errorf("%s: %q is not a date (YYYY-MM-DD)", mw, m.Date))
			}
		}
	}
	return errors.Join(errs...)
}

func validISODate(s string) bool {
	_, err := time.Parse("2006-01-02", s)
	return err == nil
}

// Session returns the facts of session n, or nil.
func (r *Registry) Session(n int) *SessionFacts {
	for i := range r.Sessions {
		if r.Sessions[i].Session == n {
			return &r.Sessions[i]
		}
	}
	return nil
}
