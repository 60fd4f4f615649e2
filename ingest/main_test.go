package ingest

import (
	"context"
	"fmt"
	"os"
	"testing"

	"github.com/scdebate/scdebate/corpus"
	"github.com/scdebate/scdebate/ingest/layout"
)

// ingestChildEnv makes the test binary run one batch and exit, so that a
// test can kill a real ingestion at random points.
const ingestChildEnv = "SCDEBATE_TEST_INGEST_WORKSPACE"

// TestMain lets the test binary act as the PDF extraction worker, as the
// scdebate binary does under its hidden sub-command, so that tests run the
// isolated extractor for real; and as a batch to be killed.
func TestMain(m *testing.M) {
	if len(os.Args) > 1 && os.Args[1] == layout.WorkerCommand {
		if err := layout.ServeWorker(context.Background(), os.Stdin, os.Stdout); err != nil {
			os.Exit(1)
		}
		os.Exit(0)
	}
	if dir := os.Getenv(ingestChildEnv); dir != "" {
		os.Exit(ingestChild(dir, os.Args[1:]))
	}
	os.Exit(m.Run())
}

func ingestChild(dir string, paths []string) int {
	ws, err := corpus.OpenWorkspace(dir)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	lk, err := ws.Lock()
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	defer lk.Unlock()
	res, err := Ingest(context.Background(), lk, paths, Options{Workers: 2, Extractor: layout.Extractor{}})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	fmt.Printf("%d stored %d skipped %d failed\n", res.Written, res.Unchanged, res.Failed)
	return 0
}
