package index

import (
	"context"

	"github.com/blevesearch/bleve/v2"
)

// columnBudget caps the memory of a generation's columns, and of building
// them; what would exceed it is left to bleve.
const columnBudget = 256 << 20

// columns are what a generation keeps in memory beside its bleve index,
// by bleve document number, to answer searches with less work per hit:
// the values of the facet fields and the orders by date. Any part may be
// missing (not loaded yet, or over the budget); bleve then does that part
// itself.
type columns struct {
	facets         facetColumns
	newest, oldest dateOrder
}

// loadColumns reads the columns of an open generation, publishing each
// part as it is ready: the facets, then the newest-first order, then the
// oldest-first one.
func loadColumns(ctx context.Context, idx bleve.Index, publish func(*columns)) error {
	adv, err := idx.Advanced()
	if err != nil {
		return err
	}
	r, err := adv.Reader()
	if err != nil {
		return err
	}
	defer r.Close()
	fields := make([]string, len(facetFields))
	for i, f := range facetFields {
		fields[i] = f.field
	}
	c := columns{}
	published := func() {
		cp := c // readers may hold the previous copy
		publish(&cp)
	}
	if c.facets, err = loadFacetColumns(ctx, r, fields, columnBudget); err != nil {
		return err
	}
	published()
	budget := columnBudget - c.facets.bytes()
	newest, err := loadDateOrder(ctx, r, FieldNewest, budget)
	if err != nil {
		return err
	}
	c.newest = newest
	published()
	oldest, err := loadDateOrder(ctx, r, FieldOldest, budget-4*len(newest))
	if err != nil {
		return err
	}
	c.oldest = oldest
	published()
	return nil
}
