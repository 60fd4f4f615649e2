package web

import (
	"bytes"
	"context"
	"errors"
	"net/http"
	"net/url"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/scdebate/scdebate/analysis"
	"github.com/scdebate/scdebate/corpus"
	"github.com/scdebate/scdebate/index"
)

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

// debateLabel names a debate in the facet and the active filters.
func debateLabel(d string) string {
	switch d {
	case corpus.DebateReport:
		return "On the Council's report"
	case corpus.DebateReform:
		return "On Council reform"
	case corpus.DebateWorkingMethods:
		return "On working methods"
	case corpus.DebateOther:
		return "Other records"
	}
	return d
}

// provenance says where each of a passage's themes came from, for its
// page: the theme's ID and "rule", "model 0.82" or "reviewed".
type provenance struct{ Theme, Source string }

// ParagraphID is the ID of the passage's paragraph, which a review names
// (the passage's own ID for a paragraph held whole).
func (v hitView) ParagraphID() string { return index.PassageID(v.Record, v.Seq, v.N) }

func (v hitView) Provenance() []provenance {
	var out []provenance
	for _, c := range v.Codes {
		out = append(out, provenance{Theme: c.Theme, Source: c.String()})
	}
	return out
}

type facetView struct {
	Param, Label string
	Terms        []facetTermView
}

type facetTermView struct {
	Term     string
	Label    string
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
	// PastEnd marks a page past the last passage; FirstURL is the first.
	PastEnd  bool
	FirstURL string
	// Suggestions are the searches with an unknown filter value replaced
	// by a known value near it.
	Suggestions []suggestionView
}

type suggestionView struct{ Label, URL string }

// codeInLabel reads the code a country suggestion ends with: "New Zealand
// (NZL)".
var codeInLabel = regexp.MustCompile(`\(([A-Z]{3})\)$`)

// suggestionLinks turns the suggestions of an unknown filter value into
// the search with that value replaced.
func suggestionLinks(v url.Values, err error) []suggestionView {
	var uv *corpus.UnknownValueError
	if !errors.As(err, &uv) {
		return nil
	}
	var out []suggestionView
	for _, label := range uv.Suggestions {
		value := label
		if m := codeInLabel.FindStringSubmatch(label); m != nil {
			value = m[1]
		}
		q := cloneValues(v)
		q.Del("from")
		var vals []string
		for _, raw := range q[uv.Param] {
			for _, x := range strings.Split(raw, ",") {
				if x = strings.TrimSpace(x); x == uv.Value {
					x = value
				}
				if x != "" {
					vals = append(vals, x)
				}
			}
		}
		q[uv.Param] = vals
		out = append(out, suggestionView{Label: label, URL: "/?" + q.Encode()})
	}
	return out
}

var facetLabels = []struct{ name, param, label string }{
	{index.FacetCountry, "country", "State"},
	{index.FacetTheme, "theme", "Theme"},
	{index.FacetSession, "session", "Session"},
	{index.FacetGroup, "group", "Group"},
	{index.FacetLanguage, "lang", "Language"},
	{index.FacetAgenda, "agenda", "Debate"},
}

// filterParams are carried as hidden fields when the query box is
// resubmitted, so that a new query keeps the chosen filters.
var filterParams = []string{"country", "voice", "theme", "group", "lang", "agenda", "symbol", "kind", "role", "year", "meeting", "session", "from_date", "to_date", "proposals", "samples"}

func (s *Server) searchPage(w http.ResponseWriter, r *http.Request) {
	v := r.URL.Query()
	req, err := s.parseRequest(r)
	view := searchView{Query: strings.TrimSpace(v.Get("q")), Sort: req.Sort, Fuzzy: req.Fuzzy}
	canonical := Values(&req)
	if err != nil {
		canonical = v
	}
	for _, p := range filterParams {
		for _, val := range canonical[p] {
			view.Hidden = append(view.Hidden, hiddenField{p, val})
			view.Active = append(view.Active, activeFilter{Label: paramLabel(p), Value: s.label(p, val), RemoveURL: toggleURL(canonical, p, val)})
		}
	}
	if err != nil {
		status, body := s.classify(r, err)
		view.Error = body.Error
		view.Suggestions = suggestionLinks(canonical, err)
		s.render(w, r, status, "search.html", view)
		return
	}
	// One time limit for all the searches of the page.
	ctx, cancel := searchContext(r)
	defer cancel()
	res, err := s.ix.Search(ctx, &req)
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
	} else if res.Total > 0 {
		// A page past the last passage says so, with the way back.
		view.PastEnd = true
		view.FirstURL = pageURL(canonical, 0)
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
		if len(canonical[f.param]) > 0 {
			// A facet with a value chosen counts as if it were not: its
			// other values stay visible and add alternatives on click.
			others, err := s.ix.Search(ctx, withoutFilter(req, f.param))
			if err != nil {
				status, body := s.classify(r, err)
				view.Error = body.Error
				s.render(w, r, status, "search.html", view)
				return
			}
			terms = others.Facets[f.name]
		}
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
				Term: t.Term, Label: s.label(f.param, t.Term), Count: t.Count,
				Selected: slices.Contains(canonical[f.param], t.Term),
				URL:      toggleURL(canonical, f.param, t.Term),
			})
		}
		// Chosen values first, where they can be seen and removed.
		sort.SliceStable(fv.Terms, func(i, j int) bool { return fv.Terms[i].Selected && !fv.Terms[j].Selected })
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

// label names a filter value for display.
func (s *Server) label(param, value string) string {
	switch param {
	case "theme":
		return s.opts.ThemeName(value)
	case "group":
		return s.opts.GroupName(value)
	case "country", "voice":
		if name := stateName(value); name != value {
			return name + " (" + value + ")"
		}
	case "agenda":
		return debateLabel(value)
	}
	return value
}

// withoutFilter is req, counting only, without the filter of one facet.
func withoutFilter(req index.Request, param string) *index.Request {
	req.From, req.Size, req.Highlight, req.Facets = 0, 0, false, true
	switch param {
	case "country":
		req.Countries = nil
	case "theme":
		req.Themes = nil
	case "session":
		req.Sessions = nil
	case "group":
		req.Groups = nil
	case "lang":
		req.Languages = nil
	case "agenda":
		req.Agenda = nil
	}
	return &req
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

// stateView is what a delegation said, session by session, a page of
// sessions at a time.
type stateView struct {
	Code, Name string
	OwnTotal   int
	ViaTotal   int
	Truncated  bool
	// PrevURL and NextURL page through the sessions.
	PrevURL, NextURL string
	Groups           []index.FacetTerm
	ThemeColumns     []int // sessions, newest first
	ThemeRows        []themeRow
	Sessions         []stateSession
	Proposals        []hitView
	SearchURL        string
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
	Own       int
	Via       int
	Themes    []index.FacetTerm
	ViaThemes []index.FacetTerm
	Records   []stateRecord
	// MoreRecords counts the statements of the session not listed.
	MoreRecords int
	MoreURL     string
}

// stateRecord is one statement: the delegation's passages in one record.
type stateRecord struct {
	Symbol, Date string
	Passages     int
	First        *hitView
}

// What a state page shows, so that its size is bounded whatever the
// corpus holds.
const (
	stateSessions        = 12    // columns of the themes-over-time table
	stateProposals       = 30    // proposals listed
	statePassages        = 20000 // passages a state page tallies
	stateSessionsPerPage = 10    // sessions listed on a page
	stateRecordsListed   = 20    // statements listed per session
	stateOpeningBytes    = 1000  // of a passage's text, on the page
)

func (s *Server) statePage(w http.ResponseWriter, r *http.Request) {
	code := strings.ToUpper(r.PathValue("code"))
	if _, known := corpus.CountryByCode(code); !known || !countryCode.MatchString(code) {
		// A state's name goes to its page; anything else is not found,
		// with the states it may have meant.
		c, err := corpus.ResolveCountry("state", r.PathValue("code"))
		if err == nil {
			http.Redirect(w, r, "/state/"+url.PathEscape(c.Code), http.StatusFound)
			return
		}
		msg := "No state has the code " + r.PathValue("code") + ". A state is named by its ISO 3166-1 alpha-3 code, as in /state/NZL."
		var uv *corpus.UnknownValueError
		if errors.As(err, &uv) && len(uv.Suggestions) > 0 {
			msg += " Did you mean " + strings.Join(uv.Suggestions, ", ") + "?"
		}
		s.render(w, r, http.StatusNotFound, "error.html", errorPage{Title: "Unknown state", Message: msg})
		return
	}
	page, err := strconv.Atoi(r.URL.Query().Get("page"))
	if err != nil || page < 1 {
		page = 1
	}
	view, err := s.stateView(r, code, page)
	if err != nil {
		status, body := s.classify(r, err)
		s.render(w, r, status, "error.html", errorPage{Title: "State page not available", Message: body.Error})
		return
	}
	s.render(w, r, http.StatusOK, "state.html", view)
}

// stateView tallies every passage spoken in the state's voice (its own or
// through a group) in one pass over the index.
func (s *Server) stateView(r *http.Request, code string, page int) (*stateView, error) {
	ctx, cancel := context.WithTimeout(r.Context(), 2*searchTimeout)
	defer cancel()
	view := &stateView{Code: code, Name: stateName(code), SearchURL: "/?country=" + url.QueryEscape(code)}
	passages, err := collectState(ctx, s.ix, view)
	if err != nil {
		return nil, err
	}
	st := tallyState(view, passages)
	listed := view.pageSessions(st.sessions, page)
	openings, err := s.openings(ctx, st, listed)
	if err != nil {
		return nil, err
	}
	for _, sess := range listed {
		view.Sessions = append(view.Sessions, st.session(code, sess, openings))
	}
	view.ThemeColumns = st.sessions[:min(len(st.sessions), stateSessions)]
	view.ThemeRows = st.themeRows(view.ThemeColumns)
	props, err := s.ix.Search(ctx, &index.Request{Voices: []string{code}, Proposals: true, FirstPieces: true, Size: stateProposals, Sort: index.SortDate})
	if err != nil {
		return nil, err
	}
	for _, h := range props.Hits {
		view.Proposals = append(view.Proposals, newHitView(opening(h)))
	}
	view.nameFromRecords()
	return view, nil
}

// collector is what a state page reads the index with.
type collector interface {
	Collect(ctx context.Context, req *index.Request, limit int) ([]index.Passage, error)
}

// collectState reads the passages in the state's voice, a paragraph in
// pieces counting once (only its first piece is read); for a state with
// more passages than a page tallies, those of the newest sessions. Any
// other error is the page's error, never a truncation.
func collectState(ctx context.Context, ix collector, view *stateView) ([]index.Passage, error) {
	code := view.Code
	passages, err := ix.Collect(ctx, &index.Request{Voices: []string{code}, FirstPieces: true}, statePassages)
	var tm *index.TooManyError
	if errors.As(err, &tm) {
		view.Truncated = true
		passages, err = ix.Collect(ctx, &index.Request{Voices: []string{code}, DateFrom: recentFrom(), FirstPieces: true}, statePassages)
	}
	return passages, err
}

// stateTally is a state's passages counted by session, theme and group
// (analysis.Tally), with its statements listed by session.
type stateTally struct {
	count    *analysis.StateCount
	listed   map[int]*sessionRecords
	sessions []int // newest first
}

// sessionRecords are a state's statements of one session, with the ID of
// the opening passage of each.
type sessionRecords struct {
	records     []stateRecord
	recordIndex map[string]int
	firstIDs    []string
}

// tallyState counts the passages by session, theme and group, and the
// view's totals: of a document held in several languages, the version the
// workbook uses (corpus.Versions.Choose), so that a statement counts once.
func tallyState(view *stateView, passages []index.Passage) *stateTally {
	code := view.Code
	tally := analysis.NewTally()
	st := &stateTally{listed: map[int]*sessionRecords{}}
	version := chosenVersions(passages)
	for i := range passages {
		p := &passages[i]
		if version[passageDocument(p)] != p.Language {
			continue
		}
		tp := analysis.TallyPassage{Session: p.Session, Themes: p.Themes, Proposal: p.Proposal}
		switch {
		case slices.Contains(p.Countries, code):
			tp.Own = []string{code}
			st.addRecord(p)
		case len(p.Groups) == 0:
			tp.Via = []analysis.Voice{{CountryCode: code}}
		default:
			// The index keeps the groups a passage speaks for, not which
			// of them the state is a member of: it is heard through each.
			for _, g := range p.Groups {
				tp.Via = append(tp.Via, analysis.Voice{CountryCode: code, Via: g})
			}
		}
		tally.AddPassage(tp)
	}
	st.count = tally.State(code)
	if st.count == nil {
		st.count = &analysis.StateCount{}
	}
	view.OwnTotal, view.ViaTotal = st.count.Own, st.count.Via
	view.Groups = facetTerms(st.count.Groups)
	st.sessions = st.count.SessionList()
	slices.Reverse(st.sessions)
	return st
}

// passageDocument names the document a passage is of, in whichever
// language: its symbol, or its record for a document without one (whose
// versions are not paired).
func passageDocument(p *index.Passage) string {
	if p.Symbol != "" {
		return p.Symbol
	}
	return p.Record
}

// chosenVersions gives, by document, the language of the version the
// workbook uses, of those the passages are in.
func chosenVersions(passages []index.Passage) map[string]string {
	chosen := map[string]string{}
	for i := range passages {
		doc, lang := passageDocument(&passages[i]), passages[i].Language
		if cur, ok := chosen[doc]; !ok || corpus.LanguageRank(lang) < corpus.LanguageRank(cur) {
			chosen[doc] = lang
		}
	}
	return chosen
}

// addRecord lists the statement a passage in the state's own voice
// belongs to.
func (st *stateTally) addRecord(p *index.Passage) {
	sr := st.listed[p.Session]
	if sr == nil {
		sr = &sessionRecords{recordIndex: map[string]int{}}
		st.listed[p.Session] = sr
	}
	ri, ok := sr.recordIndex[p.Record]
	if !ok {
		ri = len(sr.records)
		sr.recordIndex[p.Record] = ri
		sr.records = append(sr.records, stateRecord{Symbol: p.Symbol, Date: p.Date})
		sr.firstIDs = append(sr.firstIDs, p.ID)
	}
	sr.records[ri].Passages++
}

// records are the statements listed of a session.
func (st *stateTally) records(sess int) *sessionRecords {
	if sr := st.listed[sess]; sr != nil {
		return sr
	}
	return &sessionRecords{}
}

// pageSessions returns the sessions on the page asked for (the last when
// it is beyond), setting the links to the pages beside it.
func (view *stateView) pageSessions(sessions []int, page int) []int {
	pageURL := func(p int) string {
		return "/state/" + url.PathEscape(view.Code) + "?page=" + strconv.Itoa(p)
	}
	last := max(1, (len(sessions)+stateSessionsPerPage-1)/stateSessionsPerPage)
	page = min(page, last)
	if page > 1 {
		view.PrevURL = pageURL(page - 1)
	}
	if page < last {
		view.NextURL = pageURL(page + 1)
	}
	first := (page - 1) * stateSessionsPerPage
	return sessions[first:min(first+stateSessionsPerPage, len(sessions))]
}

// openings fetches the opening passage of each statement listed, in one
// search per page of results.
func (s *Server) openings(ctx context.Context, st *stateTally, listed []int) (map[string]*hitView, error) {
	var firstIDs []string
	for _, sess := range listed {
		ids := st.records(sess).firstIDs
		firstIDs = append(firstIDs, ids[:min(len(ids), stateRecordsListed)]...)
	}
	openings := map[string]*hitView{}
	for start := 0; start < len(firstIDs); start += index.MaxPageSize {
		ids := firstIDs[start:min(len(firstIDs), start+index.MaxPageSize)]
		res, err := s.ix.Search(ctx, &index.Request{IDs: ids, Size: len(ids)})
		if err != nil {
			return nil, err
		}
		for _, h := range res.Hits {
			hv := newHitView(opening(h))
			openings[h.ID] = &hv
		}
	}
	return openings, nil
}

// session is what the page lists of one session.
func (st *stateTally) session(code string, sess int, openings map[string]*hitView) stateSession {
	t, sr := st.count.Sessions[sess], st.records(sess)
	own, via := map[string]int{}, map[string]int{}
	for th, n := range t.Themes {
		if n.Own > 0 {
			own[th] = n.Own
		}
		if n.Via > 0 {
			via[th] = n.Via
		}
	}
	ss := stateSession{Session: sess, Own: t.Own, Via: t.Via,
		Themes: facetTerms(own), ViaThemes: facetTerms(via),
		Records:     sr.records[:min(len(sr.records), stateRecordsListed)],
		MoreRecords: max(0, len(sr.records)-stateRecordsListed),
		MoreURL:     "/?country=" + url.QueryEscape(code) + "&session=" + strconv.Itoa(sess) + "&sort=date-asc"}
	for i := range ss.Records {
		ss.Records[i].First = openings[sr.firstIDs[i]]
	}
	return ss
}

// themeRows is the themes-over-time table over the sessions of columns,
// the themes raised most first.
func (st *stateTally) themeRows(columns []int) []themeRow {
	var rows []themeRow
	for th, total := range st.count.Themes {
		row := themeRow{Theme: th, Own: total.Own, Via: total.Via}
		for _, sess := range columns {
			n := st.count.Sessions[sess].Themes[th]
			row.Cells = append(row.Cells, themeCell{Own: n.Own, Via: n.Via})
		}
		rows = append(rows, row)
	}
	sort.Slice(rows, func(i, j int) bool {
		a, b := rows[i], rows[j]
		if a.Own+a.Via != b.Own+b.Via {
			return a.Own+a.Via > b.Own+b.Via
		}
		return a.Theme < b.Theme
	})
	return rows
}

// nameFromRecords names a state the index has no name for by the
// delegation its statements give.
func (view *stateView) nameFromRecords() {
	if view.Name != view.Code || view.OwnTotal == 0 {
		return
	}
	for _, sess := range view.Sessions {
		for _, rec := range sess.Records {
			if rec.First != nil && rec.First.Delegation != "" {
				view.Name = rec.First.Delegation
			}
		}
		if view.Name != view.Code {
			return
		}
	}
}

// opening is a hit with its text cut to its opening, as a state page
// lists it; the passage page has it whole.
func opening(h index.Hit) index.Hit {
	if len(h.Text) > stateOpeningBytes {
		h.Text = corpus.SplitText(h.Text, stateOpeningBytes)[0] + " …"
	}
	return h
}

// recentFrom is the date from which an oversized state page tallies.
func recentFrom() string {
	return strconv.Itoa(time.Now().Year()-10) + "-01-01"
}

func facetTerms(m map[string]int) []index.FacetTerm {
	out := make([]index.FacetTerm, 0, len(m))
	for term, n := range m {
		out = append(out, index.FacetTerm{Term: term, Count: n})
	}
	sortFacet(out)
	return out
}

func sortFacet(f []index.FacetTerm) {
	sort.Slice(f, func(i, j int) bool {
		if f[i].Count != f[j].Count {
			return f[i].Count > f[j].Count
		}
		return f[i].Term < f[j].Term
	})
}
