package web

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"

	"github.com/scdebate/scdebate/index"
)

// SearchResponse is the JSON of /api/search.
type SearchResponse struct {
	Total  uint64                       `json:"total"`
	TookMS float64                      `json:"took_ms"`
	Hits   []APIHit                     `json:"hits"`
	Facets map[string][]index.FacetTerm `json:"facets"`
	// From and Size are the page's place and size (at most
	// index.MaxPageSize hits, each at most corpus.MaxParagraphBytes of
	// text); Next is the address of the next page, empty on the last.
	From int    `json:"from"`
	Size int    `json:"size"`
	Next string `json:"next,omitempty"`
}

// APIHit is one passage in the JSON API.
type APIHit struct {
	ID          string   `json:"id"`
	Symbol      string   `json:"symbol"`
	Session     int      `json:"session,omitempty"`
	Date        string   `json:"date,omitempty"`
	CountryCode string   `json:"country_code,omitempty"`
	Delegation  string   `json:"delegation,omitempty"`
	Speaker     string   `json:"speaker,omitempty"`
	Themes      []string `json:"themes"`
	// Codes give each theme with where it came from: rule, model (with
	// its score) or reviewed.
	Codes  []index.Code `json:"codes"`
	Groups []string     `json:"groups"`
	// Agenda lists the debates of the record (report, reform,
	// working-methods, other); DebateOnReport tells whether it is the
	// debate on the Council's report.
	Agenda         []string `json:"agenda"`
	DebateOnReport bool     `json:"debate_on_report"`
	Language       string   `json:"language"`
	Page           int      `json:"page,omitempty"`
	// Paragraph is the passage's paragraph within the speaker's statement
	// (or the letter), counted from 1, as the citation gives it; N is the
	// same number under its older name, Seq the statement's place in the
	// record.
	Paragraph int `json:"paragraph"`
	Seq       int `json:"seq"`
	N         int `json:"n"`
	// Piece numbers the pieces of a paragraph too long for one passage
	// (index.Passage.Piece); omitted for a paragraph whole.
	Piece    int    `json:"piece,omitempty"`
	Proposal bool   `json:"proposal"`
	Sample   bool   `json:"sample"`
	Text     string `json:"text"`
	// Highlight is the best fragment, HTML-escaped, with the matched terms
	// in <mark>.
	Highlight string `json:"highlight"`
	Citation  string `json:"citation"`
	// URL is the official record at the passage's page; empty for sample
	// records.
	URL string `json:"url"`
}

// NewSearchResponse converts a search result to its JSON form.
func NewSearchResponse(res *index.Result) *SearchResponse {
	out := &SearchResponse{
		Total:  res.Total,
		TookMS: float64(res.Took.Microseconds()) / 1000,
		Hits:   make([]APIHit, 0, len(res.Hits)),
		Facets: res.Facets,
	}
	if out.Facets == nil {
		out.Facets = map[string][]index.FacetTerm{}
	}
	for i := range res.Hits {
		out.Hits = append(out.Hits, NewAPIHit(&res.Hits[i]))
	}
	return out
}

// NewAPIHit converts a hit to its JSON form.
func NewAPIHit(h *index.Hit) APIHit {
	hit := APIHit{
		ID: h.ID, Symbol: h.Symbol, Session: h.Session, Date: h.Date,
		CountryCode: h.CountryCode(), Delegation: h.Delegation, Speaker: h.Speaker,
		Themes: nonNil(h.Themes), Codes: h.Codes, Groups: nonNil(h.Groups), Language: h.Language,
		Agenda: nonNil(h.Agenda), DebateOnReport: h.DebateOnReport(),
		Page: h.Page, Paragraph: h.N, Seq: h.Seq, N: h.N, Piece: h.Piece, Proposal: h.Proposal, Sample: h.Sample,
		Text: h.Text, Highlight: h.Fragment.HTML(), Citation: h.Citation(), URL: h.URL(),
	}
	if hit.Codes == nil {
		hit.Codes = []index.Code{}
	}
	return hit
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

func (s *Server) apiSearch(w http.ResponseWriter, r *http.Request) {
	req, err := s.parseRequest(r)
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	ctx, cancel := searchContext(r)
	defer cancel()
	res, err := s.ix.Search(ctx, &req)
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	resp := NewSearchResponse(res)
	resp.From, resp.Size = req.From, req.Size
	if next := req.From + req.Size; req.Size > 0 && uint64(next) < res.Total && next <= index.MaxFrom {
		v := Values(&req)
		v.Set("from", strconv.Itoa(next))
		resp.Next = "/api/search?" + v.Encode()
	}
	writeJSON(w, http.StatusOK, resp)
}

// PassageResponse is the JSON of /api/passage/{id}: a passage and its
// counterparts in the other language versions of its record.
type PassageResponse struct {
	Passage      APIHit   `json:"passage"`
	Counterparts []APIHit `json:"counterparts"`
}

func (s *Server) passageWithCounterparts(r *http.Request, id string) (*index.Hit, []index.Hit, error) {
	ctx, cancel := searchContext(r)
	defer cancel()
	p, err := s.ix.Passage(ctx, id)
	if err != nil {
		return nil, nil, err
	}
	cps, err := s.ix.Counterparts(ctx, id)
	if err != nil {
		return nil, nil, err
	}
	return p, cps, nil
}

func (s *Server) apiPassage(w http.ResponseWriter, r *http.Request) {
	p, cps, err := s.passageWithCounterparts(r, r.PathValue("id"))
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	resp := PassageResponse{Passage: NewAPIHit(p), Counterparts: []APIHit{}}
	for i := range cps {
		resp.Counterparts = append(resp.Counterparts, NewAPIHit(&cps[i]))
	}
	writeJSON(w, http.StatusOK, resp)
}

// apiWorkbook streams the workbook of the passages matching a search.
func (s *Server) apiWorkbook(w http.ResponseWriter, r *http.Request) {
	if s.opts.Workbook == nil {
		writeJSONError(w, http.StatusNotFound, "workbook downloads are not available on this server", "")
		return
	}
	req, err := s.parseRequest(r)
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	ctx, cancel := context.WithTimeout(r.Context(), WriteTimeout)
	defer cancel()
	passages, err := s.ix.Collect(ctx, &req, s.opts.MaxWorkbookPassages)
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	// The workbook is built in memory (its size is capped) and sent whole,
	// so that a failure is an error response, never a truncated file.
	buf := &cappedBuffer{max: s.opts.MaxWorkbookBytes}
	if err := s.opts.Workbook(ctx, buf, &req, passages); err != nil {
		if errors.Is(err, errWorkbookTooLarge) {
			writeJSONError(w, http.StatusBadRequest, fmt.Sprintf("the workbook would be larger than %d MiB; narrow the search", s.opts.MaxWorkbookBytes>>20), "selection")
			return
		}
		s.apiError(w, r, fmt.Errorf("workbook: %w", err))
		return
	}
	w.Header().Set("Content-Type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
	w.Header().Set("Content-Disposition", `attachment; filename="`+workbookName(&req)+`"`)
	w.Header().Set("Content-Length", strconv.Itoa(buf.Len()))
	w.Header().Set("Cache-Control", "no-store")
	w.Write(buf.Bytes())
}

var errWorkbookTooLarge = errors.New("workbook too large")

// cappedBuffer is a bytes.Buffer that refuses to grow past max bytes.
type cappedBuffer struct {
	bytes.Buffer
	max int64
}

func (b *cappedBuffer) Write(p []byte) (int, error) {
	if int64(b.Len()+len(p)) > b.max {
		return 0, errWorkbookTooLarge
	}
	return b.Buffer.Write(p)
}

// workbookName names a download after its main filters.
func workbookName(req *index.Request) string {
	parts := []string{"scdebate"}
	add := func(vals []string) {
		for _, v := range vals {
			parts = append(parts, v)
		}
	}
	add(req.Countries)
	add(req.Themes)
	for _, s := range req.Sessions {
		parts = append(parts, "session-"+s.String())
	}
	name := strings.Join(parts, "-")
	var b strings.Builder
	for _, r := range name {
		if r < 128 && (r == '-' || r == '_' || r == '.' || (r >= '0' && r <= '9') || (r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z')) {
			b.WriteRune(r)
		}
	}
	out := b.String()
	if len(out) > 100 {
		out = out[:100]
	}
	return out + ".xlsx"
}
