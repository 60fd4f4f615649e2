package index

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"math"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
	index "github.com/blevesearch/bleve_index_api"

	"github.com/scdebate/scdebate/analysis"
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

// URL is the official record's address at the page of the passage, or ""
// for sample records, which have none.
func (p *Passage) URL() string {
	if p.Sample {
		return ""
	}
	u := corpus.OfficialLink(p.Symbol, p.Language)
	if u != "" && p.Page > 0 {
		u += "#page=" + strconv.Itoa(p.Page)
	}
	return u
}

// Citation is the passage's reference as printed in a brief:
// "A/75/PV.78, p. 12, para. 3" — the page of the record where the
// passage starts, and its paragraph within the speaker's statement (or
// the letter), counted from 1.
func (p *Passage) Citation() string {
	c := cmp.Or(p.Symbol, p.Document, p.Record)
	if p.Page > 0 {
		c += ", p. " + strconv.Itoa(p.Page)
	}
	if p.N > 0 {
		c += ", para. " + strconv.Itoa(p.N)
	}
	return c
}

// Index is a read-only view of a workspace's index that follows updates:
// when `scdebate index` switches to a new generation, the next search uses
// it, while searches already running finish on the old one. It is safe for
// concurrent use.
type Index struct {
	dir string
	// refresh is how often CURRENT is checked for a new generation.
	refresh time.Duration

	mu      sync.Mutex
	gen     *generation
	checked time.Time
	closed  bool
}

type generation struct {
	name string
	idx  bleve.Index
	info Info
	refs atomic.Int64
	// cols are loaded in the background once the generation is open;
	// until they are (or if loading fails), bleve counts the facets and
	// orders by date itself, with the same results.
	cols   atomic.Pointer[columns]
	loaded chan struct{} // closed when loading ends
	stop   context.CancelFunc
}

func (g *generation) release() {
	if g.refs.Add(-1) == 0 {
		g.idx.Close()
	}
}

// retire releases the index's reference to a generation it no longer
// uses, stopping the loading of its columns.
func (g *generation) retire() {
	g.stop()
	g.release()
}

// columns returns the columns loaded so far, never nil.
func (g *generation) columns() *columns {
	if c := g.cols.Load(); c != nil {
		return c
	}
	return &columns{}
}

// Open opens the index of a workspace for searching. The index need not
// exist yet: searches return ErrNoIndex until it does.
func Open(ws *corpus.Workspace) (*Index, error) {
	ix := &Index{dir: ws.Path(corpus.IndexDir), refresh: 250 * time.Millisecond}
	g, err := ix.acquire()
	if err != nil && !errors.Is(err, ErrNoIndex) {
		return nil, err
	}
	if g != nil {
		g.release()
	}
	return ix, nil
}

// Close releases the index; searches under way finish first.
func (ix *Index) Close() error {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	ix.closed = true
	if ix.gen != nil {
		ix.gen.retire()
		ix.gen = nil
	}
	return nil
}

// Info describes the generation in use.
func (ix *Index) Info() (Info, error) {
	g, err := ix.acquire()
	if err != nil {
		return Info{}, err
	}
	defer g.release()
	return g.info, nil
}

// acquire returns the current generation with a reference the caller
// releases, switching to a newer generation if one was committed.
func (ix *Index) acquire() (*generation, error) {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	if ix.closed {
		return nil, errors.New("index is closed")
	}
	if ix.gen == nil || time.Since(ix.checked) >= ix.refresh {
		ix.checked = time.Now()
		name, err := readCurrent(ix.dir)
		switch {
		case err != nil && ix.gen == nil:
			return nil, err
		case err == nil && name == "" && ix.gen == nil:
			return nil, ErrNoIndex
		case err == nil && name != "" && (ix.gen == nil || name != ix.gen.name):
			g, err := openGeneration(ix.dir, name)
			if err != nil && ix.gen == nil {
				return nil, err
			}
			if err == nil {
				if ix.gen != nil {
					ix.gen.retire()
				}
				ix.gen = g
			}
		}
	}
	ix.gen.refs.Add(1)
	return ix.gen, nil
}

func openGeneration(dir, name string) (*generation, error) {
	g := &generation{name: name}
	if err := loadJSON(filepath.Join(dir, name, infoFile), &g.info); err != nil {
		return nil, fmt.Errorf("index %s: %w", name, err)
	}
	if g.info.Schema != schemaVersion {
		return nil, fmt.Errorf("index %s was built by another version of scdebate (schema %d, want %d); run `scdebate index` to rebuild it", name, g.info.Schema, schemaVersion)
	}
	idx, err := bleve.OpenUsing(filepath.Join(dir, name, bleveDir), map[string]any{"read_only": true})
	if err != nil {
		return nil, fmt.Errorf("index %s: open: %w", name, err)
	}
	g.idx = idx
	g.refs.Store(2) // the index's reference and the loader's
	g.loaded = make(chan struct{})
	ctx, stop := context.WithCancel(context.Background())
	g.stop = stop
	go func() {
		defer g.release()
		defer close(g.loaded)
		// An error leaves the searches to bleve alone; bleve reports it
		// to them if it is the index's.
		_ = loadColumns(ctx, idx, func(c *columns) { g.cols.Store(c) })
	}()
	return g, nil
}

// Search runs a request. Invalid requests give a *RequestError or a
// *QueryError.
func (ix *Index) Search(ctx context.Context, req *Request) (*Result, error) {
	if err := req.Validate(); err != nil {
		return nil, err
	}
	g, err := ix.acquire()
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
// *RequestError when more than limit match.
func (ix *Index) Collect(ctx context.Context, req *Request, limit int) ([]Passage, error) {
	if err := req.Validate(); err != nil {
		return nil, err
	}
	g, err := ix.acquire()
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
		return nil, &RequestError{Param: "selection", Msg: fmt.Sprintf("%d passages match, more than the %d this may hold; narrow the search", res.Total, limit)}
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
	sortBy := req.Sort
	if sortBy == "" {
		sortBy = SortRelevance
		if strings.TrimSpace(req.Query) == "" {
			sortBy = SortDate
		}
	}
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
	// Facets with a column in memory are counted from the hits' document
	// numbers as bleve collects them; the others by bleve.
	var counter *facetCounter
	counted := map[string]int{} // facet name → column of counter
	rankCtx := ctx              // the ranking search's, counting if need be
	if req.Facets {
		var counting []*facetColumn
		for _, f := range facetFields {
			if f.name == FacetLanguage && len(g.info.Languages) < 2 {
				continue // one language: nothing to count
			}
			if col := cols.facets[f.field]; col != nil {
				counted[f.name] = len(counting)
				counting = append(counting, col)
				continue
			}
			sr.AddFacet(f.name, bleve.NewFacetRequest(f.field, f.size))
		}
		if len(counting) > 0 {
			counter = newFacetCounter(counting)
			rankCtx = context.WithValue(ctx, search.MakeDocumentMatchHandlerKey, counter.handlerMaker())
		}
	}
	start := time.Now()
	res, err := g.idx.SearchInContext(rankCtx, sr)
	if err != nil {
		if ctxErr := ctx.Err(); ctxErr != nil {
			return nil, ctxErr
		}
		return nil, fmt.Errorf("search: %w", err)
	}
	if highlight {
		if err := loadPage(ctx, g, q, langs, res.Hits); err != nil {
			if ctxErr := ctx.Err(); ctxErr != nil {
				return nil, ctxErr
			}
			return nil, fmt.Errorf("search: %w", err)
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
		out.Facets = map[string][]FacetTerm{}
		for _, f := range facetFields {
			if i, ok := counted[f.name]; ok {
				out.Facets[f.name] = counter.terms(i, f.size)
				continue
			}
			fr := res.Facets[f.name]
			terms := []FacetTerm{}
			if fr != nil && fr.Terms != nil {
				for _, t := range fr.Terms.Terms() {
					terms = append(terms, FacetTerm{Term: t.Term, Count: t.Count})
				}
			}
			if f.name == FacetLanguage && fr == nil && len(g.info.Languages) == 1 && res.Total > 0 {
				for lang := range g.info.Languages {
					terms = append(terms, FacetTerm{Term: lang, Count: int(res.Total)})
				}
			}
			out.Facets[f.name] = terms
		}
	}
	return out, nil
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

// searchLanguages are the languages a query is compiled for: those in the
// index, narrowed to the requested ones.
func searchLanguages(info Info, requested []string) []string {
	var out []string
	for l := range info.Languages {
		if len(requested) == 0 || slices.Contains(requested, l) {
			out = append(out, l)
		}
	}
	sort.Strings(out)
	return out
}

func compileRequest(req *Request, langs []string) (query.Query, error) {
	node, err := ParseQuery(req.Query)
	if err != nil {
		return nil, err
	}
	var clauses []query.Query
	if node != nil {
		var perLang []query.Query
		fields := map[string]bool{}
		for _, lang := range langs {
			if fields[TextField(lang)] {
				continue // languages without a field of their own share one
			}
			fields[TextField(lang)] = true
			if q := compileForLanguage(node, lang, req.Fuzzy); q != nil {
				perLang = append(perLang, q)
			}
		}
		if len(perLang) == 0 {
			return query.NewMatchNoneQuery(), nil
		}
		clauses = append(clauses, disjunction(perLang))
	}
	for _, f := range req.filters() {
		if len(f.values) > 0 {
			terms := make([]query.Query, len(f.values))
			for i, v := range f.values {
				terms[i] = termQuery(f.field, v)
			}
			clauses = append(clauses, disjunction(terms))
		}
	}
	if len(req.Sessions) > 0 {
		ranges := make([]query.Query, len(req.Sessions))
		for i, s := range req.Sessions {
			var lo, hi *float64
			if s.From > 0 {
				v := float64(s.From)
				lo = &v
			}
			if s.To > 0 {
				v := float64(s.To)
				hi = &v
			}
			yes := true
			nq := query.NewNumericRangeInclusiveQuery(lo, hi, &yes, &yes)
			nq.SetField(FieldSessionNum)
			ranges[i] = nq
		}
		clauses = append(clauses, disjunction(ranges))
	}
	if req.DateFrom != "" || req.DateTo != "" {
		from, _ := dateBound("from_date", req.DateFrom, false)
		to, _ := dateBound("to_date", req.DateTo, true)
		yes := true
		rq := query.NewTermRangeInclusiveQuery(from, to, &yes, &yes)
		rq.SetField(FieldDate)
		clauses = append(clauses, rq)
	}
	if req.Proposals {
		clauses = append(clauses, termQuery(FieldProposal, keywordTrue))
	}
	if req.ExcludeSamples {
		clauses = append(clauses, termQuery(FieldSample, keywordFalse))
	}
	if len(req.IDs) > 0 {
		clauses = append(clauses, query.NewDocIDQuery(req.IDs))
	}
	var q query.Query
	switch len(clauses) {
	case 0:
		q = query.NewMatchAllQuery()
	case 1:
		q = clauses[0]
	default:
		q = query.NewConjunctionQuery(clauses)
	}
	if req.FirstPieces {
		second, yes := 2.0, true
		later := query.NewNumericRangeInclusiveQuery(&second, nil, &yes, nil)
		later.SetField(FieldPiece)
		q = query.NewBooleanQuery([]query.Query{q}, nil, []query.Query{later})
	}
	return q, nil
}

func termQuery(field, term string) query.Query {
	q := query.NewTermQuery(term)
	q.SetField(field)
	return q
}

func disjunction(qs []query.Query) query.Query {
	if len(qs) == 1 {
		return qs[0]
	}
	return query.NewDisjunctionQuery(qs)
}

// compiled is a query for one language; neg marks a query whose matches
// are to be excluded (a NOT with nothing positive beside it).
type compiled struct {
	q   query.Query
	neg bool
}

// compileForLanguage turns a parsed query into a bleve query on lang's text
// field; terms that lang's analyzer drops (its stop words) drop out. It
// returns nil when nothing of the query is left for lang.
func compileForLanguage(n *Node, lang string, fuzzy bool) query.Query {
	analyzer, err := analysis.Analyzer(lang)
	if err != nil {
		return nil
	}
	c := &langCompiler{lang: lang, field: TextField(lang), fuzzy: fuzzy && lang != "zh", analyze: func(s string) []string {
		tokens := analyzer.Analyze([]byte(s))
		terms := make([]string, len(tokens))
		for i, t := range tokens {
			terms[i] = string(t.Term)
		}
		return terms
	}}
	r, ok := c.compile(n)
	if !ok {
		return nil
	}
	if r.neg {
		return c.negate(r.q)
	}
	return r.q
}

type langCompiler struct {
	lang, field string
	fuzzy       bool
	analyze     func(string) []string
}

// all matches every passage in the compiler's language.
func (c *langCompiler) all() query.Query {
	if TextField(c.lang) == otherTextField {
		// Languages without a field of their own share text_other; a
		// passage of any of them has its language term, and the text
		// field restricts to the shared group.
		return query.NewBooleanQuery([]query.Query{query.NewMatchAllQuery()}, nil,
			languageTerms(textLanguages))
	}
	return termQuery(FieldLanguage, c.lang)
}

func languageTerms(langs []string) []query.Query {
	out := make([]query.Query, len(langs))
	for i, l := range langs {
		out[i] = termQuery(FieldLanguage, l)
	}
	return out
}

func (c *langCompiler) negate(q query.Query) query.Query {
	return query.NewBooleanQuery([]query.Query{c.all()}, nil, []query.Query{q})
}

// term is the query of a word that analyses to the single term t: what
// bleve's match query makes of it, a conjunction of one term (or fuzzy)
// query, without the conjunction around it.
func (c *langCompiler) term(t string, fuzz int) query.Query {
	if fuzz > 0 && c.lang != "zh" {
		fq := query.NewFuzzyQuery(t)
		fq.SetField(c.field)
		fq.SetFuzziness(fuzz)
		fq.SetPrefix(1)
		return normalized{fq}
	}
	tq := query.NewTermQuery(t)
	tq.SetField(c.field)
	return normalized{tq}
}

// normalized is a query whose weight is normalised as a conjunction of
// that one query normalises it, with the same scores as a result; a query
// within a conjunction, disjunction or boolean query is normalised again
// by it. A term searcher not wrapped in a conjunction searcher costs a
// sixth less per hit, and a conjunction of term searchers lets bleve
// intersect their postings before it visits them.
type normalized struct{ query.Query }

func (q normalized) Searcher(ctx context.Context, r index.IndexReader, m mapping.IndexMapping, options search.SearcherOptions) (search.Searcher, error) {
	s, err := q.Query.Searcher(ctx, r, m, options)
	if err != nil {
		return nil, err
	}
	s.SetQueryNorm(1 / math.Sqrt(s.Weight()))
	return s, nil
}

func (c *langCompiler) compile(n *Node) (compiled, bool) {
	switch n.Op {
	case OpTerm:
		tokens := c.analyze(n.Text)
		if len(tokens) == 0 {
			return compiled{}, false
		}
		fuzz := n.Fuzzy
		if fuzz == 0 && c.fuzzy && len([]rune(n.Text)) > 3 {
			fuzz = 1
		}
		if len(tokens) == 1 {
			return compiled{q: c.term(tokens[0], fuzz)}, true
		}
		if fuzz == 0 {
			// A word the analyzer splits ("wrap-up", a run of Chinese
			// characters) must keep its parts together.
			pq := query.NewMatchPhraseQuery(n.Text)
			pq.SetField(c.field)
			return compiled{q: pq}, true
		}
		mq := query.NewMatchQuery(n.Text)
		mq.SetField(c.field)
		mq.SetOperator(query.MatchQueryOperatorAnd)
		if c.lang != "zh" {
			mq.SetFuzziness(fuzz)
			mq.SetPrefix(1)
		}
		return compiled{q: mq}, true
	case OpPhrase:
		if len(c.analyze(n.Text)) == 0 {
			return compiled{}, false
		}
		pq := query.NewMatchPhraseQuery(n.Text)
		pq.SetField(c.field)
		return compiled{q: pq}, true
	case OpPrefix:
		pq := query.NewPrefixQuery(strings.ToLower(n.Text))
		pq.SetField(c.field)
		return compiled{q: pq}, true
	case OpNot:
		r, ok := c.compile(n.Children[0])
		if !ok {
			return compiled{}, false
		}
		return compiled{q: r.q, neg: !r.neg}, true
	case OpAnd:
		var pos, neg []query.Query
		for _, ch := range n.Children {
			r, ok := c.compile(ch)
			switch {
			case !ok:
			case r.neg:
				neg = append(neg, r.q)
			default:
				pos = append(pos, r.q)
			}
		}
		switch {
		case len(pos) == 0 && len(neg) == 0:
			return compiled{}, false
		case len(pos) == 0:
			return compiled{q: disjunction(neg), neg: true}, true
		case len(neg) == 0 && len(pos) == 1:
			return compiled{q: pos[0]}, true
		case len(neg) == 0:
			return compiled{q: query.NewConjunctionQuery(pos)}, true
		}
		return compiled{q: query.NewBooleanQuery(pos, nil, neg)}, true
	case OpOr:
		var qs []query.Query
		for _, ch := range n.Children {
			r, ok := c.compile(ch)
			switch {
			case !ok:
			case r.neg:
				qs = append(qs, c.negate(r.q))
			default:
				qs = append(qs, r.q)
			}
		}
		if len(qs) == 0 {
			return compiled{}, false
		}
		return compiled{q: disjunction(qs)}, true
	}
	return compiled{}, false
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
