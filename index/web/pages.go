package web

import (
	"bytes"
	"context"
	"errors"
	"html/template"
	"net/http"
	"net/url"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/scdebate/scdebate/index"
)

var templateFuncs = template.FuncMap{
	"join": strings.Join,
	"add":  func(a, b int) int { return a + b },
}

// render executes a page template into a buffer first, so that a failing
// template never sends half a page.
func (s *Server) render(w http.ResponseWriter, r *http.Request, status int, name string, data any) {
	var buf bytes.Buffer
	if err := s.pages.ExecuteTemplate(&buf, name, data); err != nil {
		if s.opts.OnError != nil {
			s.opts.OnError(r, err)
		}
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	w.Write(buf.Bytes())
}

type errorPage struct {
	Title, Message string
}

// hitView is a hit with the links the page shows.
type hitView struct {
	index.Hit
	Link       string // the official record at the page; empty for samples
	Citation   string
	PassageURL string
	StateURL   string
}

func newHitView(h index.Hit) hitView {
	v := hitView{Hit: h, Link: h.URL(), Citation: h.Citation(), PassageURL: "/passage/" + pathEscapeID(h.ID)}
	if code := h.CountryCode(); code != "" {
		v.StateURL = "/state/" + url.PathEscape(code)
	}
	return v
}

func pathEscapeID(id string) string { return url.PathEscape(id) }

type facetView struct {
	Param, Label string
	Terms        []facetTermView
}

type facetTermView struct {
	Term     string
	Count    int
	Selected bool
	URL      string
}

type activeFilter struct {
	Label, Value, RemoveURL string
}

type hiddenField struct{ Name, Value string }

type searchView struct {
	Query       string
	Sort        string
	Fuzzy       bool
	Error       string
	NoIndex     bool
	Searched    bool
	Total       uint64
	TookMS      int64
	First, Last int
	Hits        []hitView
	Facets      []facetView
	Active      []activeFilter
	Hidden      []hiddenField
	PrevURL     string
	NextURL     string
	WorkbookURL string
}

var facetLabels = []struct{ name, param, label string }{
	{index.FacetCountry, "country", "State"},
	{index.FacetTheme, "theme", "Theme"},
	{index.FacetSession, "session", "Session"},
	{index.FacetGroup, "group", "Group"},
	{index.FacetLanguage, "lang", "Language"},
}

// filterParams are carried as hidden fields when the query box is
// resubmitted, so that a new query keeps the chosen filters.
var filterParams = []string{"country", "voice", "theme", "group", "lang", "symbol", "kind", "role", "year", "meeting", "session", "from_date", "to_date", "proposals", "samples"}

func (s *Server) searchPage(w http.ResponseWriter, r *http.Request) {
	v := r.URL.Query()
	req, err := ParseRequest(v)
	view := searchView{Query: strings.TrimSpace(v.Get("q")), Sort: req.Sort, Fuzzy: req.Fuzzy}
	canonical := Values(&req)
	if err != nil {
		canonical = v
	}
	for _, p := range filterParams {
		for _, val := range canonical[p] {
			view.Hidden = append(view.Hidden, hiddenField{p, val})
			view.Active = append(view.Active, activeFilter{Label: paramLabel(p), Value: val, RemoveURL: toggleURL(canonical, p, val)})
		}
	}
	if err != nil {
		status, body := s.classify(r, err)
		view.Error = body.Error
		s.render(w, r, status, "search.html", view)
		return
	}
	res, err := s.search(r, &req)
	if err != nil {
		status, body := s.classify(r, err)
		view.Error = body.Error
		view.NoIndex = errors.Is(err, index.ErrNoIndex)
		s.render(w, r, status, "search.html", view)
		return
	}
	view.Searched = true
	view.Total = res.Total
	view.TookMS = res.Took.Milliseconds()
	for _, h := range res.Hits {
		view.Hits = append(view.Hits, newHitView(h))
	}
	if len(res.Hits) > 0 {
		view.First = req.From + 1
		view.Last = req.From + len(res.Hits)
	}
	if req.From > 0 {
		view.PrevURL = pageURL(canonical, max(0, req.From-req.Size))
	}
	if next := req.From + req.Size; uint64(next) < res.Total && next <= index.MaxFrom {
		view.NextURL = pageURL(canonical, next)
	}
	for _, f := range facetLabels {
		fv := facetView{Param: f.param, Label: f.label}
		terms := res.Facets[f.name]
		if f.name == index.FacetSession {
			terms = slices.Clone(terms)
			sort.SliceStable(terms, func(i, j int) bool {
				a, _ := strconv.Atoi(terms[i].Term)
				b, _ := strconv.Atoi(terms[j].Term)
				return a > b
			})
		}
		for _, t := range terms {
			fv.Terms = append(fv.Terms, facetTermView{
				Term: t.Term, Count: t.Count,
				Selected: slices.Contains(canonical[f.param], t.Term),
				URL:      toggleURL(canonical, f.param, t.Term),
			})
		}
		if len(fv.Terms) > 0 {
			view.Facets = append(view.Facets, fv)
		}
	}
	if s.opts.Workbook != nil && res.Total > 0 {
		wb := cloneValues(canonical)
		wb.Del("from")
		wb.Del("size")
		wb.Del("sort")
		view.WorkbookURL = "/api/report.xlsx?" + wb.Encode()
	}
	s.render(w, r, http.StatusOK, "search.html", view)
}

func paramLabel(p string) string {
	for _, f := range facetLabels {
		if f.param == p {
			return f.label
		}
	}
	switch p {
	case "from_date":
		return "From"
	case "to_date":
		return "To"
	case "voice":
		return "Speaking for"
	case "proposals":
		return "Proposals only"
	case "samples":
		return "Sample records"
	}
	return strings.ToUpper(p[:1]) + p[1:]
}

func cloneValues(v url.Values) url.Values {
	out := url.Values{}
	for k, vals := range v {
		out[k] = slices.Clone(vals)
	}
	return out
}

// toggleURL is the search page with one filter value added or removed,
// back on the first page.
func toggleURL(v url.Values, param, value string) string {
	out := cloneValues(v)
	out.Del("from")
	vals := out[param]
	if i := slices.Index(vals, value); i >= 0 {
		vals = slices.Delete(vals, i, i+1)
	} else {
		vals = append(vals, value)
	}
	if len(vals) == 0 {
		out.Del(param)
	} else {
		out[param] = vals
	}
	return "/?" + out.Encode()
}

func pageURL(v url.Values, from int) string {
	out := cloneValues(v)
	if from == 0 {
		out.Del("from")
	} else {
		out.Set("from", strconv.Itoa(from))
	}
	return "/?" + out.Encode()
}

type passageView struct {
	Passage      hitView
	Counterparts []hitView
}

func (s *Server) passagePage(w http.ResponseWriter, r *http.Request) {
	p, cps, err := s.passageWithCounterparts(r, r.PathValue("id"))
	if err != nil {
		status, body := s.classify(r, err)
		s.render(w, r, status, "error.html", errorPage{Title: "Passage not available", Message: body.Error})
		return
	}
	view := passageView{Passage: newHitView(*p)}
	for _, c := range cps {
		view.Counterparts = append(view.Counterparts, newHitView(c))
	}
	s.render(w, r, http.StatusOK, "passage.html", view)
}

// stateView is what a delegation said, session by session.
type stateView struct {
	Code, Name   string
	OwnTotal     uint64
	VoiceTotal   uint64
	ViaTotal     uint64
	Groups       []index.FacetTerm
	ThemeColumns []int // sessions, newest first
	ThemeRows    []themeRow
	Sessions     []stateSession
	Proposals    []hitView
	SearchURL    string
}

type themeRow struct {
	Theme string
	Cells []themeCell
	Own   int
	Via   int
}

type themeCell struct{ Own, Via int }

type stateSession struct {
	Session   int
	Total     uint64
	Themes    []index.FacetTerm
	ViaThemes []index.FacetTerm
	Hits      []hitView
	MoreURL   string
}

const (
	stateSessions     = 12 // columns of the themes-over-time table
	stateSessionHits  = 5
	stateProposals    = 30
	stateSessionLists = 40
)

func (s *Server) statePage(w http.ResponseWriter, r *http.Request) {
	code := strings.ToUpper(r.PathValue("code"))
	if !countryCode.MatchString(code) {
		s.render(w, r, http.StatusNotFound, "error.html", errorPage{Title: "Unknown state", Message: "A state is named by its ISO 3166-1 alpha-3 code, as in /state/NZL."})
		return
	}
	view, err := s.stateView(r, code)
	if err != nil {
		status, body := s.classify(r, err)
		s.render(w, r, status, "error.html", errorPage{Title: "State page not available", Message: body.Error})
		return
	}
	s.render(w, r, http.StatusOK, "state.html", view)
}

func (s *Server) stateView(r *http.Request, code string) (*stateView, error) {
	ctx, cancel := context.WithTimeout(r.Context(), 2*searchTimeout)
	defer cancel()
	run := func(req index.Request) (*index.Result, error) { return s.ix.Search(ctx, &req) }

	own, err := run(index.Request{Countries: []string{code}, Facets: true, Size: 1})
	if err != nil {
		return nil, err
	}
	voice, err := run(index.Request{Voices: []string{code}, Facets: true})
	if err != nil {
		return nil, err
	}
	view := &stateView{Code: code, Name: code, OwnTotal: own.Total, VoiceTotal: voice.Total, SearchURL: "/?country=" + url.QueryEscape(code)}
	if voice.Total > own.Total {
		view.ViaTotal = voice.Total - own.Total
	}
	if len(own.Hits) > 0 && own.Hits[0].Delegation != "" {
		view.Name = own.Hits[0].Delegation
	}
	view.Groups = voice.Facets[index.FacetGroup]

	// Sessions in which the state spoke, in its own voice or through a
	// group, newest first.
	var sessions []int
	for _, t := range voice.Facets[index.FacetSession] {
		if n, err := strconv.Atoi(t.Term); err == nil {
			sessions = append(sessions, n)
		}
	}
	sort.Sort(sort.Reverse(sort.IntSlice(sessions)))
	if len(sessions) > stateSessionLists {
		sessions = sessions[:stateSessionLists]
	}

	themeTotals := map[string]*themeRow{}
	perSession := map[int]map[string]themeCell{}
	for _, sess := range sessions {
		rng := []index.SessionRange{{From: sess, To: sess}}
		ownS, err := run(index.Request{Countries: []string{code}, Sessions: rng, Facets: true, Size: stateSessionHits, Sort: index.SortDateAsc})
		if err != nil {
			return nil, err
		}
		voiceS, err := run(index.Request{Voices: []string{code}, Sessions: rng, Facets: true})
		if err != nil {
			return nil, err
		}
		cells := map[string]themeCell{}
		for _, t := range ownS.Facets[index.FacetTheme] {
			c := cells[t.Term]
			c.Own = t.Count
			cells[t.Term] = c
		}
		var via []index.FacetTerm
		for _, t := range voiceS.Facets[index.FacetTheme] {
			c := cells[t.Term]
			c.Via = t.Count - c.Own
			cells[t.Term] = c
			if c.Via > 0 {
				via = append(via, index.FacetTerm{Term: t.Term, Count: c.Via})
			}
		}
		perSession[sess] = cells
		for th, c := range cells {
			row := themeTotals[th]
			if row == nil {
				row = &themeRow{Theme: th}
				themeTotals[th] = row
			}
			row.Own += c.Own
			row.Via += c.Via
		}
		ss := stateSession{Session: sess, Total: ownS.Total, Themes: ownS.Facets[index.FacetTheme], ViaThemes: via,
			MoreURL: "/?country=" + url.QueryEscape(code) + "&session=" + strconv.Itoa(sess) + "&sort=date-asc"}
		for _, h := range ownS.Hits {
			ss.Hits = append(ss.Hits, newHitView(h))
		}
		view.Sessions = append(view.Sessions, ss)
	}

	view.ThemeColumns = sessions
	if len(view.ThemeColumns) > stateSessions {
		view.ThemeColumns = view.ThemeColumns[:stateSessions]
	}
	for _, row := range themeTotals {
		for _, sess := range view.ThemeColumns {
			row.Cells = append(row.Cells, perSession[sess][row.Theme])
		}
		view.ThemeRows = append(view.ThemeRows, *row)
	}
	sort.Slice(view.ThemeRows, func(i, j int) bool {
		a, b := view.ThemeRows[i], view.ThemeRows[j]
		if a.Own+a.Via != b.Own+b.Via {
			return a.Own+a.Via > b.Own+b.Via
		}
		return a.Theme < b.Theme
	})

	props, err := run(index.Request{Voices: []string{code}, Proposals: true, Size: stateProposals, Sort: index.SortDate})
	if err != nil {
		return nil, err
	}
	for _, h := range props.Hits {
		view.Proposals = append(view.Proposals, newHitView(h))
	}
	return view, nil
}
