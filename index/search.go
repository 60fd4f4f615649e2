package index

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"

	"github.com/scdebate/scdebate/corpus"
)

// Facet names in a Result.
const (
	FacetCountry  = "country"
	FacetTheme    = "theme"
	FacetSession  = "session"
	FacetGroup    = "group"
	FacetLanguage = "lang"
	FacetAgenda   = "agenda"
)

var facetFields = []struct {
	name, field string
	size        int
}{
	{FacetCountry, FieldCountry, 250},
	{FacetTheme, FieldThemes, 100},
	{FacetSession, FieldSession, 200},
	{FacetGroup, FieldGroups, 100},
	{FacetLanguage, FieldLanguage, 20},
	{FacetAgenda, FieldAgenda, 10},
}

// Result is one page of search results.
type Result struct {
	Total  uint64                 `json:"total"`
	Took   time.Duration          `json:"took"`
	Hits   []Hit                  `json:"hits"`
	Facets map[string][]FacetTerm `json:"facets,omitempty"`
	// Generation is the index generation that answered.
	Generation string `json:"generation"`
}

// Hit is a matching passage.
type Hit struct {
	Passage
	Score float64 `json:"score"`
	// Fragment is the best excerpt around the matched terms; empty when
	// highlighting was not requested or nothing in the text matched.
	Fragment Fragment `json:"fragment,omitempty"`
}

// FacetTerm is one value of a facet with the number of matching passages.
type FacetTerm struct {
	Term  string `json:"term"`
	Count int    `json:"count"`
}

// Search runs a request. Invalid requests give a *RequestError or a
// *QueryError.
func (ix *Index) Search(ctx context.Context, req *Request) (*Result, error) {
	g, err := ix.acquireFor(req)
	if err != nil {
		return nil, err
	}
	defer g.release()
	return ix.search(ctx, g, req)
}

// collectFields are loaded by Collect: everything but the text.
var collectFields = []string{
	FieldRecord, FieldSymbol, FieldSession, FieldDate, FieldCountry, FieldGroups,
	FieldThemes, FieldLanguage, FieldProposal, FieldSample, FieldPage, FieldSeq, FieldN, FieldPiece,
}

// Collect returns every passage matching req, ignoring its paging and
// sorted by date and position in the record, without their text; a
// *TooManyError when more than limit match.
func (ix *Index) Collect(ctx context.Context, req *Request, limit int) ([]Passage, error) {
	g, err := ix.acquireFor(req)
	if err != nil {
		return nil, err
	}
	defer g.release()
	return ix.collect(ctx, g, req, limit)
}

func (ix *Index) collect(ctx context.Context, g *generation, req *Request, limit int) ([]Passage, error) {
	count := *req
	count.From, count.Size, count.Facets, count.Highlight = 0, 0, false, false
	res, err := ix.search(ctx, g, &count)
	if err != nil {
		return nil, err
	}
	if res.Total > uint64(limit) {
		return nil, &TooManyError{Matched: res.Total, Limit: limit}
	}
	q, err := compileRequest(req, searchLanguages(g.info, req.Languages))
	if err != nil {
		return nil, err
	}
	sr := bleve.NewSearchRequestOptions(q, int(res.Total), 0, false)
	sr.Fields = collectFields
	orderByDate(sr, g.columns().oldest, FieldOldest)
	all, err := g.idx.SearchInContext(ctx, sr)
	if err != nil {
		return nil, fmt.Errorf("search: %w", err)
	}
	out := make([]Passage, 0, len(all.Hits))
	for _, dm := range all.Hits {
		out = append(out, hitFrom(dm).Passage)
	}
	return out, nil
}

func (ix *Index) search(ctx context.Context, g *generation, req *Request) (*Result, error) {
	langs := searchLanguages(g.info, req.Languages)
	q, err := compileRequest(req, langs)
	if err != nil {
		return nil, err
	}
	cols := g.columns()
	sr := bleve.NewSearchRequestOptions(q, req.Size, req.From, false)
	highlight := req.Highlight && strings.TrimSpace(req.Query) != "" && req.Size > 0
	if !highlight {
		sr.Fields = storedFields // with highlighting, loadPage loads them
	}
	sortBy := sortOf(req)
	orderBy(sr, req, sortBy, cols)
	var fc facetCount
	rankCtx := ctx // the ranking search's, counting if need be
	if req.Facets {
		fc = addFacets(sr, g.info, cols)
		if fc.counter != nil {
			rankCtx = context.WithValue(ctx, search.MakeDocumentMatchHandlerKey, fc.counter.handlerMaker())
		}
	}
	start := time.Now()
	res, err := g.idx.SearchInContext(rankCtx, sr)
	if err != nil {
		return nil, searchError(ctx, err)
	}
	if highlight {
		if err := loadPage(ctx, g, q, langs, res.Hits); err != nil {
			return nil, searchError(ctx, err)
		}
	}
	out := &Result{Total: res.Total, Took: time.Since(start), Generation: g.name, Hits: make([]Hit, 0, len(res.Hits))}
	for _, dm := range res.Hits {
		h := hitFrom(dm)
		if sortBy != SortRelevance {
			h.Score = 0 // a place in the date order, not a relevance
		}
		out.Hits = append(out.Hits, h)
	}
	if req.Facets {
		out.Facets = fc.terms(res, g.info)
	}
	return out, nil
}

// searchError is the error of a search that failed: the context's when it
// ended the search.
func searchError(ctx context.Context, err error) error {
	if ctxErr := ctx.Err(); ctxErr != nil {
		return ctxErr
	}
	return fmt.Errorf("search: %w", err)
}

// sortOf is the order a request asks for: by default relevance when it
// has a query, else date.
func sortOf(req *Request) string {
	if req.Sort != "" {
		return req.Sort
	}
	if strings.TrimSpace(req.Query) == "" {
		return SortDate
	}
	return SortRelevance
}

// orderBy sets the order of sr's hits.
func orderBy(sr *bleve.SearchRequest, req *Request, sortBy string, cols *columns) {
	switch {
	case req.Size == 0:
		// Only the total and the facets: nothing to order or score.
		sr.SortBy([]string{"-_score"})
		sr.Score = "none"
	case sortBy == SortRelevance:
		// Ties keep index order: a tie-breaking field would be read for
		// every hit.
		sr.SortBy([]string{"-_score"})
	case sortBy == SortDate:
		orderByDate(sr, cols.newest, FieldNewest)
	case sortBy == SortDateAsc:
		orderByDate(sr, cols.oldest, FieldOldest)
	}
}

// facetCount is how a search counts its facets: those with a column in
// memory from the hits' document numbers as bleve collects them, the
// others by bleve.
type facetCount struct {
	counter *facetCounter
	counted map[string]int // facet name → column of counter
}

// addFacets asks bleve for the facets that have no column in memory and
// returns the counter of the others.
func addFacets(sr *bleve.SearchRequest, info Info, cols *columns) facetCount {
	fc := facetCount{counted: map[string]int{}}
	var counting []*facetColumn
	for _, f := range facetFields {
		if f.name == FacetLanguage && len(info.Languages) < 2 {
			continue // one language: nothing to count
		}
		if col := cols.facets[f.field]; col != nil {
			fc.counted[f.name] = len(counting)
			counting = append(counting, col)
			continue
		}
		sr.AddFacet(f.name, bleve.NewFacetRequest(f.field, f.size))
	}
	if len(counting) > 0 {
		fc.counter = newFacetCounter(counting)
	}
	return fc
}

// terms are the facets of a search's result, counted or bleve's.
func (fc facetCount) terms(res *bleve.SearchResult, info Info) map[string][]FacetTerm {
	out := map[string][]FacetTerm{}
	for _, f := range facetFields {
		if i, ok := fc.counted[f.name]; ok {
			out[f.name] = fc.counter.terms(i, f.size)
			continue
		}
		fr := res.Facets[f.name]
		terms := []FacetTerm{}
		if fr != nil && fr.Terms != nil {
			for _, t := range fr.Terms.Terms() {
				terms = append(terms, FacetTerm{Term: t.Term, Count: t.Count})
			}
		}
		if f.name == FacetLanguage && fr == nil && len(info.Languages) == 1 && res.Total > 0 {
			for lang := range info.Languages {
				terms = append(terms, FacetTerm{Term: lang, Count: int(res.Total)})
			}
		}
		out[f.name] = terms
	}
	return out
}

// orderByDate makes sr return its hits in ascending order of a date sort
// key: by the generation's date order when it is loaded, else by bleve's
// sort on the key field.
func orderByDate(sr *bleve.SearchRequest, order dateOrder, field string) {
	if order != nil {
		sr.Query = inDateOrder{Query: sr.Query, order: order}
		sr.SortBy([]string{"-_score"})
		return
	}
	sr.SortBy([]string{field})
	sr.Score = "none" // relevance plays no part in the order
}

// loadPage loads the stored fields and the highlighted fragments of the
// hits of a page. A highlighting request makes bleve read the term
// locations of every hit it ranks, which for a broad query costs more than
// the ranking; a second search, restricted to the page's documents, reads
// them for those alone and gives the same fragments.
func loadPage(ctx context.Context, g *generation, q query.Query, langs []string, hits search.DocumentMatchCollection) error {
	if len(hits) == 0 {
		return nil
	}
	ids := make([]string, len(hits))
	for i, h := range hits {
		ids[i] = h.ID
	}
	sr := bleve.NewSearchRequestOptions(query.NewConjunctionQuery([]query.Query{q, query.NewDocIDQuery(ids)}), len(ids), 0, false)
	sr.Fields = storedFields
	sr.Highlight = bleve.NewHighlightWithStyle(highlighterName)
	for _, l := range langs {
		sr.Highlight.AddField(TextField(l))
	}
	res, err := g.idx.SearchInContext(ctx, sr)
	if err != nil {
		return err
	}
	page := make(map[string]*search.DocumentMatch, len(res.Hits))
	for _, h := range res.Hits {
		page[h.ID] = h
	}
	for _, h := range hits {
		p, ok := page[h.ID]
		if !ok {
			return fmt.Errorf("passage %s matched the query but not on its page", h.ID)
		}
		h.Fields, h.Fragments = p.Fields, p.Fragments
	}
	return nil
}

// Counterparts returns the passages aligned with id in the other language
// versions of its record: same symbol, same speech and paragraph number.
// Of a paragraph indexed in pieces, a version's piece of the same number
// is its counterpart, else the version's paragraph (or its first piece).
func (ix *Index) Counterparts(ctx context.Context, id string) ([]Hit, error) {
	p, err := ix.Passage(ctx, id)
	if err != nil {
		return nil, err
	}
	if p.Symbol == "" {
		return nil, nil
	}
	g, err := ix.acquire()
	if err != nil {
		return nil, err
	}
	defer g.release()
	whole := p.Passage
	whole.Piece = 0
	orders := []query.Query{termQuery(FieldOrder, whole.order())}
	if p.Piece > 1 {
		orders = append(orders, termQuery(FieldOrder, p.order()))
	}
	q := query.NewConjunctionQuery([]query.Query{
		termQuery(FieldSymbol, p.Symbol),
		query.NewDisjunctionQuery(orders),
	})
	sr := bleve.NewSearchRequestOptions(q, 2*len(corpus.Languages)+4, 0, false)
	sr.Fields = storedFields
	sr.SortBy([]string{FieldLanguage, FieldOrder})
	res, err := g.idx.SearchInContext(ctx, sr)
	if err != nil {
		return nil, fmt.Errorf("counterparts of %s: %w", id, err)
	}
	var out []Hit
	for _, dm := range res.Hits {
		h := hitFrom(dm)
		if h.Language == p.Language {
			continue
		}
		if n := len(out); n > 0 && out[n-1].Language == h.Language {
			// The same piece, sorted after the first.
			out[n-1] = h
			continue
		}
		out = append(out, h)
	}
	return out, nil
}

// NotFoundError reports a passage ID that is not in the index.
type NotFoundError struct{ ID string }

func (e *NotFoundError) Error() string { return fmt.Sprintf("passage %q is not in the index", e.ID) }

// Passage returns one passage by ID.
func (ix *Index) Passage(ctx context.Context, id string) (*Hit, error) {
	if id == "" || len(id) > 2*maxFilterLength || !strings.Contains(id, "#") {
		return nil, &NotFoundError{ID: id}
	}
	g, err := ix.acquire()
	if err != nil {
		return nil, err
	}
	defer g.release()
	sr := bleve.NewSearchRequestOptions(query.NewDocIDQuery([]string{id}), 1, 0, false)
	sr.Fields = storedFields
	res, err := g.idx.SearchInContext(ctx, sr)
	if err != nil {
		return nil, fmt.Errorf("passage %s: %w", id, err)
	}
	if len(res.Hits) == 0 {
		return nil, &NotFoundError{ID: id}
	}
	h := hitFrom(res.Hits[0])
	return &h, nil
}

func hitFrom(dm *search.DocumentMatch) Hit {
	f := dm.Fields
	h := Hit{Score: dm.Score}
	h.ID = dm.ID
	h.Record = fieldString(f, FieldRecord)
	h.Symbol = fieldString(f, FieldSymbol)
	h.Document = fieldString(f, FieldDocument)
	h.Session, _ = strconv.Atoi(fieldString(f, FieldSession))
	h.Meeting, _ = strconv.Atoi(fieldString(f, FieldMeeting))
	h.Year = fieldString(f, FieldYear)
	h.Date = fieldString(f, FieldDate)
	h.Countries = fieldStrings(f, FieldCountry)
	h.Delegation = fieldString(f, FieldDelegation)
	h.Speaker = fieldString(f, FieldSpeaker)
	h.Role = fieldString(f, FieldRole)
	h.Groups = fieldStrings(f, FieldGroups)
	h.Themes = fieldStrings(f, FieldThemes)
	h.Agenda = fieldStrings(f, FieldAgenda)
	h.Codes = decodeCodes(fieldStrings(f, FieldCodes))
	h.Language = fieldString(f, FieldLanguage)
	h.Kind = fieldString(f, FieldKind)
	h.Sample = fieldString(f, FieldSample) == keywordTrue
	h.Proposal = fieldString(f, FieldProposal) == keywordTrue
	h.Page = fieldInt(f, FieldPage)
	h.Seq = fieldInt(f, FieldSeq)
	h.N = fieldInt(f, FieldN)
	h.Piece = fieldInt(f, FieldPiece)
	h.Text = fieldString(f, TextField(h.Language))
	for _, frags := range dm.Fragments {
		if len(frags) > 0 && frags[0] != "" {
			h.Fragment = parseFragment(frags[0])
			break
		}
	}
	return h
}

func fieldString(f map[string]any, name string) string {
	switch v := f[name].(type) {
	case string:
		return v
	case []any:
		if len(v) > 0 {
			s, _ := v[0].(string)
			return s
		}
	}
	return ""
}

func fieldStrings(f map[string]any, name string) []string {
	switch v := f[name].(type) {
	case string:
		return []string{v}
	case []any:
		out := make([]string, 0, len(v))
		for _, x := range v {
			if s, ok := x.(string); ok {
				out = append(out, s)
			}
		}
		return out
	}
	return nil
}

func fieldInt(f map[string]any, name string) int {
	if v, ok := f[name].(float64); ok {
		return int(v)
	}
	return 0
}
