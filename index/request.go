package index

import (
	"errors"
	"fmt"
	"strconv"
	"time"
	"unicode/utf8"

	"github.com/scdebate/scdebate/corpus"
)

// Caps on a search request.
const (
	MaxPageSize     = 100
	MaxFrom         = 10000
	maxFilterValues = 50
	maxFilterLength = 200
)

// Sort orders.
const (
	SortRelevance = "relevance"
	SortDate      = "date"     // newest first
	SortDateAsc   = "date-asc" // oldest first
)

// Request is a search: a free-text query (see ParseQuery) and filters.
// Values within one filter are alternatives; different filters must all
// hold. The zero value matches every passage.
type Request struct {
	Query string
	// Fuzzy lets every plain term match words one edit away.
	Fuzzy bool

	Countries []string // own voice (country_code)
	Voices    []string // own voice or through a group
	Groups    []string
	Themes    []string
	Languages []string
	// Agenda keeps the passages of records of these debates
	// (corpus.Debates; "other" for records of none).
	Agenda      []string
	Symbols     []string
	Kinds       []string
	Roles       []string
	Delegations []string
	Meetings    []string
	Years       []string
	Sessions    []corpus.SessionRange
	// DateFrom and DateTo bound the record date, inclusive: YYYY,
	// YYYY-MM or YYYY-MM-DD.
	DateFrom, DateTo string
	// Proposals keeps only passages that make a proposal.
	Proposals bool
	// ExcludeSamples leaves out the illustrative sample records.
	ExcludeSamples bool
	// IDs restricts the search to these passages.
	IDs []string
	// FirstPieces leaves out the pieces after the first of a paragraph
	// indexed in pieces (Passage.Piece), so that each paragraph counts
	// once.
	FirstPieces bool

	// Sort is SortRelevance (the default with a query), SortDate (the
	// default without one) or SortDateAsc.
	Sort string
	From int
	// Size is the page size: 0 returns only the total and facets.
	Size int
	// Facets requests counts by country, theme, session, group, language
	// and debate over all matching passages.
	Facets bool
	// Highlight requests fragments around the matched terms.
	Highlight bool
}

// RequestError reports an invalid request parameter.
type RequestError struct {
	Param string
	Value string
	Msg   string
}

func (e *RequestError) Error() string {
	if e.Value == "" {
		return fmt.Sprintf("%s: %s", e.Param, e.Msg)
	}
	return fmt.Sprintf("%s %q: %s", e.Param, truncate(e.Value, 60), e.Msg)
}

// TooManyError is a valid request whose passages are more than the caller
// may hold (Collect's limit): the answer is to narrow the search, not to
// correct it.
type TooManyError struct {
	Matched uint64
	Limit   int
}

func (e *TooManyError) Error() string {
	return fmt.Sprintf("selection: %d passages match, more than the %d this may hold; narrow the search", e.Matched, e.Limit)
}

// ParseSessionRange parses a session filter, "75", "75-79", "75-" or "-79",
// as corpus.ParseSessionRange does; a bad one is a *RequestError.
func ParseSessionRange(s string) (corpus.SessionRange, error) {
	r, err := corpus.ParseSessionRange(s)
	var se *corpus.SessionError
	if errors.As(err, &se) {
		return r, &RequestError{Param: "session", Value: se.Value, Msg: se.Msg}
	}
	return r, err
}

// dateBound validates a date bound and expands it to the first (or last)
// day it covers, as a string that compares correctly with record dates.
func dateBound(param, s string, upper bool) (string, error) {
	if s == "" {
		return "", nil
	}
	layouts := []string{"2006-01-02", "2006-01", "2006"}
	for _, l := range layouts {
		if len(s) != len(l) {
			continue
		}
		if _, err := time.Parse(l, s); err != nil {
			break
		}
		switch {
		case len(s) == 10:
			return s, nil
		case upper && len(s) == 7:
			return s + "-31", nil
		case upper:
			return s + "-12-31", nil
		case len(s) == 7:
			return s + "-01", nil
		}
		return s + "-01-01", nil
	}
	return "", &RequestError{Param: param, Value: s, Msg: "want a date as YYYY, YYYY-MM or YYYY-MM-DD"}
}

// Validate checks the request's sizes, values and query syntax.
func (r *Request) Validate() error {
	if r.From < 0 || r.From > MaxFrom {
		return &RequestError{Param: "from", Value: strconv.Itoa(r.From), Msg: fmt.Sprintf("must be 0 to %d", MaxFrom)}
	}
	if r.Size < 0 || r.Size > MaxPageSize {
		return &RequestError{Param: "size", Value: strconv.Itoa(r.Size), Msg: fmt.Sprintf("must be 0 to %d", MaxPageSize)}
	}
	switch r.Sort {
	case "", SortRelevance, SortDate, SortDateAsc:
	default:
		return &RequestError{Param: "sort", Value: r.Sort, Msg: "want relevance, date or date-asc"}
	}
	for _, f := range r.filters() {
		if len(f.values) > maxFilterValues {
			return &RequestError{Param: f.param, Msg: fmt.Sprintf("more than %d values", maxFilterValues)}
		}
		for _, v := range f.values {
			if v == "" || len(v) > maxFilterLength || !utf8.ValidString(v) {
				return &RequestError{Param: f.param, Value: v, Msg: fmt.Sprintf("want a non-empty value of at most %d bytes", maxFilterLength)}
			}
		}
	}
	if len(r.Sessions) > maxFilterValues {
		return &RequestError{Param: "session", Msg: fmt.Sprintf("more than %d values", maxFilterValues)}
	}
	for _, s := range r.Sessions {
		if s.From < 0 || s.To < 0 || (s.To != 0 && s.From > s.To) || (s.From == 0 && s.To == 0) {
			return &RequestError{Param: "session", Value: s.String(), Msg: "invalid range"}
		}
	}
	if _, err := dateBound("from_date", r.DateFrom, false); err != nil {
		return err
	}
	if _, err := dateBound("to_date", r.DateTo, true); err != nil {
		return err
	}
	if _, err := ParseQuery(r.Query); err != nil {
		return err
	}
	return nil
}

type filter struct {
	param, field string
	values       []string
}

func (r *Request) filters() []filter {
	return []filter{
		{"country", FieldCountry, r.Countries},
		{"voice", FieldVoices, r.Voices},
		{"group", FieldGroups, r.Groups},
		{"theme", FieldThemes, r.Themes},
		{"lang", FieldLanguage, r.Languages},
		{"agenda", FieldAgenda, r.Agenda},
		{"symbol", FieldSymbol, r.Symbols},
		{"kind", FieldKind, r.Kinds},
		{"role", FieldRole, r.Roles},
		{"delegation", FieldDelegation, r.Delegations},
		{"meeting", FieldMeeting, r.Meetings},
		{"year", FieldYear, r.Years},
	}
}
