package web

import (
	"fmt"
	"net/url"
	"strconv"
	"strings"

	"github.com/scdebate/scdebate/index"
)

// Defaults and caps of the search parameters.
const (
	DefaultPageSize = 20
	maxParamBytes   = 4096
	maxParamValues  = 50
)

// listParams are the filters that take several values, as repeated
// parameters or separated by commas, and the request field each fills.
var listParams = []struct {
	name string
	set  func(r *index.Request, v []string)
}{
	{"country", func(r *index.Request, v []string) { r.Countries = v }},
	{"voice", func(r *index.Request, v []string) { r.Voices = v }},
	{"theme", func(r *index.Request, v []string) { r.Themes = v }},
	{"group", func(r *index.Request, v []string) { r.Groups = v }},
	{"lang", func(r *index.Request, v []string) { r.Languages = v }},
	{"agenda", func(r *index.Request, v []string) { r.Agenda = v }},
	{"symbol", func(r *index.Request, v []string) { r.Symbols = v }},
	{"kind", func(r *index.Request, v []string) { r.Kinds = v }},
	{"role", func(r *index.Request, v []string) { r.Roles = v }},
	{"year", func(r *index.Request, v []string) { r.Years = v }},
	{"meeting", func(r *index.Request, v []string) { r.Meetings = v }},
}

// ParseRequest turns the query parameters of /api/search (and of the search
// page) into a search request:
//
//	q          free text (see index.ParseQuery)
//	country    state speaking in its own voice (ISO 3166-1 alpha-3)
//	voice      state speaking in its own voice or through a group
//	theme, group, lang, symbol, kind, role, year, meeting
//	agenda     the debate of the record: report (the debate on the
//	           Council's report, joint or not), reform, working-methods,
//	           other
//	session    a session or a range: 75, 75-79, 75-, -79
//	from_date, to_date   YYYY, YYYY-MM or YYYY-MM-DD
//	proposals  1 for passages that make a proposal
//	samples    0 to leave out the sample records
//	fuzzy      1 to let terms match words one edit away
//	sort       relevance, date or date-asc
//	from, size paging (size at most 100)
//
// List filters accept repeated parameters or commas. Errors are
// *index.RequestError or *index.QueryError.
func ParseRequest(v url.Values) (index.Request, error) {
	req := index.Request{Size: DefaultPageSize, Facets: true, Highlight: true}
	total := 0
	for name, vals := range v {
		for _, s := range vals {
			total += len(name) + len(s)
		}
	}
	if total > maxParamBytes+index.MaxQueryLength {
		return req, &index.RequestError{Param: "query string", Msg: "too long"}
	}
	req.Query = strings.TrimSpace(v.Get("q"))
	if len(req.Query) > index.MaxQueryLength {
		return req, &index.RequestError{Param: "q", Msg: fmt.Sprintf("longer than %d bytes", index.MaxQueryLength)}
	}
	for _, p := range listParams {
		vals, err := listValues(v, p.name)
		if err != nil {
			return req, err
		}
		p.set(&req, vals)
	}
	sessions, err := listValues(v, "session")
	if err != nil {
		return req, err
	}
	for _, s := range sessions {
		r, err := index.ParseSessionRange(s)
		if err != nil {
			return req, err
		}
		req.Sessions = append(req.Sessions, r)
	}
	req.DateFrom = strings.TrimSpace(v.Get("from_date"))
	req.DateTo = strings.TrimSpace(v.Get("to_date"))
	if req.Proposals, err = boolParam(v, "proposals", false); err != nil {
		return req, err
	}
	samples, err := boolParam(v, "samples", true)
	if err != nil {
		return req, err
	}
	req.ExcludeSamples = !samples
	if req.Fuzzy, err = boolParam(v, "fuzzy", false); err != nil {
		return req, err
	}
	req.Sort = v.Get("sort")
	if req.From, err = intParam(v, "from", 0); err != nil {
		return req, err
	}
	if req.Size, err = intParam(v, "size", DefaultPageSize); err != nil {
		return req, err
	}
	return req, req.Validate()
}

func listValues(v url.Values, name string) ([]string, error) {
	var out []string
	for _, raw := range v[name] {
		for _, s := range strings.Split(raw, ",") {
			s = strings.TrimSpace(s)
			if s == "" {
				continue
			}
			out = append(out, s)
			if len(out) > maxParamValues {
				return nil, &index.RequestError{Param: name, Msg: fmt.Sprintf("more than %d values", maxParamValues)}
			}
		}
	}
	return out, nil
}

func boolParam(v url.Values, name string, def bool) (bool, error) {
	s := v.Get(name)
	switch strings.ToLower(s) {
	case "":
		return def, nil
	case "1", "true", "yes", "on":
		return true, nil
	case "0", "false", "no", "off":
		return false, nil
	}
	return false, &index.RequestError{Param: name, Value: s, Msg: "want 1 or 0"}
}

func intParam(v url.Values, name string, def int) (int, error) {
	s := strings.TrimSpace(v.Get(name))
	if s == "" {
		return def, nil
	}
	n, err := strconv.Atoi(s)
	if err != nil || len(s) > 6 {
		return 0, &index.RequestError{Param: name, Value: s, Msg: "want a whole number"}
	}
	return n, nil
}

// Values turns a request back into query parameters, the canonical form
// of a search's state in a URL. Defaults are left out.
func Values(r *index.Request) url.Values {
	v := url.Values{}
	if r.Query != "" {
		v.Set("q", r.Query)
	}
	lists := map[string][]string{
		"country": r.Countries, "voice": r.Voices, "theme": r.Themes, "group": r.Groups,
		"lang": r.Languages, "symbol": r.Symbols, "kind": r.Kinds, "role": r.Roles,
		"year": r.Years, "meeting": r.Meetings, "agenda": r.Agenda,
	}
	for name, vals := range lists {
		for _, s := range vals {
			v.Add(name, s)
		}
	}
	for _, s := range r.Sessions {
		v.Add("session", s.String())
	}
	if r.DateFrom != "" {
		v.Set("from_date", r.DateFrom)
	}
	if r.DateTo != "" {
		v.Set("to_date", r.DateTo)
	}
	if r.Proposals {
		v.Set("proposals", "1")
	}
	if r.ExcludeSamples {
		v.Set("samples", "0")
	}
	if r.Fuzzy {
		v.Set("fuzzy", "1")
	}
	if r.Sort != "" {
		v.Set("sort", r.Sort)
	}
	if r.From != 0 {
		v.Set("from", strconv.Itoa(r.From))
	}
	if r.Size != DefaultPageSize {
		v.Set("size", strconv.Itoa(r.Size))
	}
	return v
}
