package index

import (
	"context"
	"math"
	"slices"
	"sort"
	"strings"

	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
	index "github.com/blevesearch/bleve_index_api"

	"github.com/scdebate/scdebate/analysis"
)

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
