package index

import (
	"context"
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
	index "github.com/blevesearch/bleve_index_api"
)

// dateOrder is the order of a generation's documents by one of the date
// sort keys (FieldNewest, FieldOldest): by bleve document number, the
// number of documents from a document's place in the ascending order of
// the keys to the end, so that a higher value comes first (documents with
// equal keys share the value), and 0 for a document without a key, which
// bleve's field sort puts last. Ordering hits by it is ordering them by
// the key, without bleve reading and comparing each hit's key.
type dateOrder []uint32

// loadDateOrder reads the keys of field from the doc values of every
// document and sorts them, in at most budget bytes; nil when they do not
// fit.
func loadDateOrder(ctx context.Context, r index.IndexReader, field string, budget int) (dateOrder, error) {
	ids, err := r.DocIDReaderAll()
	if err != nil {
		return nil, err
	}
	defer ids.Close()
	dv, err := r.DocValueReader([]string{field})
	if err != nil {
		return nil, err
	}
	var (
		docs  []uint32
		ends  []uint32 // end of each document's key in keys; a key starts where the previous one ends
		keys  []byte
		found bool
	)
	visit := func(_ string, term []byte) {
		if !found { // a document has one key
			keys = append(keys, term...)
			found = true
		}
	}
	maxDoc := -1
	for {
		id, err := ids.Next()
		if err != nil {
			return nil, err
		}
		if id == nil {
			break
		}
		if len(docs)%4096 == 0 {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
		}
		n := id.Value()
		if n > math.MaxUint32-1 {
			return nil, fmt.Errorf("document number %d out of range", n)
		}
		found = false
		if err := dv.VisitDocValues(id, visit); err != nil {
			return nil, err
		}
		if !found {
			continue // no key: 0, last
		}
		docs = append(docs, uint32(n))
		ends = append(ends, uint32(len(keys)))
		maxDoc = max(maxDoc, int(n))
		if 2*len(keys)+32*len(docs)+4*maxDoc > budget || len(keys) > math.MaxUint32 {
			return nil, nil
		}
	}
	// Documents in key order; slices.SortFunc is not stable, but equal
	// keys get equal places.
	type keyed struct {
		key string
		doc uint32
	}
	sorted := make([]keyed, len(docs))
	all, start := string(keys), uint32(0)
	for i, d := range docs {
		sorted[i] = keyed{key: all[start:ends[i]], doc: d}
		start = ends[i]
	}
	slices.SortFunc(sorted, func(a, b keyed) int { return strings.Compare(a.key, b.key) })

	order := make(dateOrder, maxDoc+1)
	place := 0
	for i, k := range sorted {
		if i > 0 && sorted[i-1].key != k.key {
			place = i
		}
		order[k.doc] = uint32(len(sorted) - place)
	}
	return order, nil
}

// inDateOrder is a query whose hits are scored by their place in a date
// order, so that bleve ranks them by score, which it does without reading
// anything per hit; ties keep index order as with bleve's field sort. The
// query itself is searched without scoring.
type inDateOrder struct {
	query.Query
	order dateOrder
}

func (q inDateOrder) Searcher(ctx context.Context, r index.IndexReader, m mapping.IndexMapping, options search.SearcherOptions) (search.Searcher, error) {
	options.Score = "none"
	s, err := q.Query.Searcher(ctx, r, m, options)
	if err != nil {
		return nil, err
	}
	return &dateOrderSearcher{Searcher: s, order: q.order}, nil
}

type dateOrderSearcher struct {
	search.Searcher
	order dateOrder
}

func (s *dateOrderSearcher) Next(ctx *search.SearchContext) (*search.DocumentMatch, error) {
	dm, err := s.Searcher.Next(ctx)
	s.score(dm)
	return dm, err
}

func (s *dateOrderSearcher) Advance(ctx *search.SearchContext, id index.IndexInternalID) (*search.DocumentMatch, error) {
	dm, err := s.Searcher.Advance(ctx, id)
	s.score(dm)
	return dm, err
}

func (s *dateOrderSearcher) score(dm *search.DocumentMatch) {
	if dm == nil {
		return
	}
	dm.Score = 0
	if n := dm.IndexInternalID.Value(); n < uint64(len(s.order)) {
		dm.Score = float64(s.order[n])
	}
}
