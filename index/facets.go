package index

import (
	"context"
	"errors"
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/collector"
	index "github.com/blevesearch/bleve_index_api"
)

// facetColumns hold the facet values of every document of a generation,
// by bleve's internal document number, so that a search counts the facets
// of its hits from memory. Bleve's own terms facets read and decompress the
// doc values of every hit, field by field, which makes up most of the time
// of a search matching a large part of the corpus. The counts are exact:
// the columns are read from the generation's own postings, and a
// generation is opened read-only, so its document numbers never change.
type facetColumns map[string]*facetColumn

// facetColumn is the value of one keyword field for every document: the
// field's terms, sorted, and per document the ordinals of its terms.
type facetColumn struct {
	terms []string
	// starts[d]:starts[d+1] are the positions in ords of document d's
	// ordinals; starts is nil when no document has more than one value,
	// and ords[d] is then document d's ordinal plus one (0: no value).
	starts []uint32
	ords   []uint16
}

// loadFacetColumns reads the columns of the facet fields from r within
// budget bytes. A field left out (too many distinct values, or over the
// budget) is absent from the result.
func loadFacetColumns(ctx context.Context, r index.IndexReader, fields []string, budget int) (facetColumns, error) {
	cols := facetColumns{}
	for _, field := range fields {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		col, err := loadFacetColumn(ctx, r, field, budget)
		if err != nil {
			return nil, fmt.Errorf("facet column %s: %w", field, err)
		}
		if col != nil {
			cols[field] = col
			budget -= col.bytes()
		}
	}
	return cols, nil
}

func loadFacetColumn(ctx context.Context, r index.IndexReader, field string, budget int) (*facetColumn, error) {
	dict, err := r.FieldDict(field)
	if err != nil {
		return nil, err
	}
	var terms []string
	var postings [][]uint32 // document numbers, by term ordinal
	values, maxDoc := 0, -1
	for {
		e, err := dict.Next()
		if err != nil {
			dict.Close()
			return nil, err
		}
		if e == nil {
			break
		}
		if len(terms) == math.MaxUint16 {
			dict.Close()
			return nil, nil // ordinals plus one must fit in 16 bits
		}
		docs, err := termDocs(ctx, r, field, e.Term)
		if err != nil {
			dict.Close()
			return nil, err
		}
		for _, d := range docs {
			maxDoc = max(maxDoc, int(d))
		}
		values += len(docs)
		terms = append(terms, e.Term)
		postings = append(postings, docs)
		if 2*values > budget {
			dict.Close()
			return nil, nil
		}
	}
	if err := dict.Close(); err != nil {
		return nil, err
	}
	if !slices.IsSorted(terms) {
		return nil, fmt.Errorf("the dictionary of %s is not in order", field)
	}

	perDoc := make([]uint32, maxDoc+1)
	multi := false
	for _, docs := range postings {
		for _, d := range docs {
			perDoc[d]++
			multi = multi || perDoc[d] > 1
		}
	}
	col := &facetColumn{terms: terms}
	if !multi {
		col.ords = make([]uint16, maxDoc+1)
		if col.bytes() > budget {
			return nil, nil
		}
		for o, docs := range postings {
			for _, d := range docs {
				col.ords[d] = uint16(o + 1)
			}
		}
		return col, nil
	}
	col.starts = make([]uint32, maxDoc+2)
	for d, n := range perDoc {
		col.starts[d+1] = col.starts[d] + n
	}
	col.ords = make([]uint16, values)
	if col.bytes() > budget {
		return nil, nil
	}
	next := perDoc // reused as each document's next free position
	copy(next, col.starts[:maxDoc+1])
	for o, docs := range postings {
		for _, d := range docs {
			col.ords[next[d]] = uint16(o)
			next[d]++
		}
	}
	return col, nil
}

// termDocs lists the documents that hold term in field.
func termDocs(ctx context.Context, r index.IndexReader, field, term string) ([]uint32, error) {
	tfr, err := r.TermFieldReader(ctx, []byte(term), field, false, false, false)
	if err != nil {
		return nil, err
	}
	defer tfr.Close()
	docs := make([]uint32, 0, tfr.Count())
	var tfd index.TermFieldDoc
	for {
		d, err := tfr.Next(tfd.Reset())
		if err != nil {
			return nil, err
		}
		if d == nil {
			return docs, nil
		}
		n := d.ID.Value()
		if n > math.MaxUint32-1 {
			return nil, fmt.Errorf("document number %d out of range", n)
		}
		docs = append(docs, uint32(n))
	}
}

func (cols facetColumns) bytes() int {
	n := 0
	for _, c := range cols {
		n += c.bytes()
	}
	return n
}

func (c *facetColumn) bytes() int {
	return 4*len(c.starts) + 2*len(c.ords) + 16*len(c.terms)
}

// facetCounter counts the values of some facet columns over the hits of
// one search.
type facetCounter struct {
	cols   []*facetColumn
	counts [][]uint32
}

func newFacetCounter(cols []*facetColumn) *facetCounter {
	fc := &facetCounter{cols: cols, counts: make([][]uint32, len(cols))}
	for i, c := range cols {
		fc.counts[i] = make([]uint32, len(c.terms))
	}
	return fc
}

// add counts the values of document doc.
func (fc *facetCounter) add(doc uint64) {
	for i, c := range fc.cols {
		counts := fc.counts[i]
		if c.starts == nil {
			if doc < uint64(len(c.ords)) {
				if o := c.ords[doc]; o > 0 {
					counts[o-1]++
				}
			}
			continue
		}
		if doc+1 < uint64(len(c.starts)) {
			for _, o := range c.ords[c.starts[doc]:c.starts[doc+1]] {
				counts[o]++
			}
		}
	}
}

// terms returns the size most frequent values of column i in the order
// bleve gives its terms facets: by count, then by term.
func (fc *facetCounter) terms(i, size int) []FacetTerm {
	out := []FacetTerm{}
	for o, n := range fc.counts[i] {
		if n > 0 {
			out = append(out, FacetTerm{Term: fc.cols[i].terms[o], Count: int(n)})
		}
	}
	slices.SortFunc(out, func(a, b FacetTerm) int {
		if a.Count != b.Count {
			return b.Count - a.Count
		}
		return strings.Compare(a.Term, b.Term)
	})
	if len(out) > size {
		out = out[:size]
	}
	return out
}

// handlerMaker wraps bleve's top-N hit handler so that every hit is
// counted before bleve ranks it.
func (fc *facetCounter) handlerMaker() search.MakeDocumentMatchHandler {
	return func(sctx *search.SearchContext) (search.DocumentMatchHandler, bool, error) {
		next, loadID, err := collector.MakeTopNDocumentMatchHandler(sctx)
		if err != nil {
			return nil, false, err
		}
		if next == nil {
			return nil, false, errors.New("facet counting: bleve collects with an unexpected collector")
		}
		return func(d *search.DocumentMatch) error {
			if d != nil {
				fc.add(d.IndexInternalID.Value())
			}
			return next(d)
		}, loadID, nil
	}
}
