package main

import (
	"context"

	"github.com/scdebate/scdebate/corpus"
	"github.com/scdebate/scdebate/ingest"
	"github.com/scdebate/scdebate/ingest/layout"
)

func init() { stageIngester = ingestStage{} }

// ingestStage ingests fetched files through the ingest package.
type ingestStage struct{}

func (ingestStage) IngestFiles(ctx context.Context, ws *corpus.Workspace, paths []string) (*ingestSummary, error) {
	res, err := ingest.Ingest(ctx, ws, paths, ingest.Options{Extractor: layout.Extractor{}})
	if res == nil {
		return nil, err
	}
	sum := &ingestSummary{Total: res.Total, Stored: res.Stored, Skipped: res.Skipped}
	for _, fe := range res.Failures {
		sum.Failures = append(sum.Failures, fe)
	}
	return sum, err
}
