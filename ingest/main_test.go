package ingest

import (
	"context"
	"fmt"
	"os"
	"testing"

	"github.com/scdebate/scdebate/corpus"
)

// ingestChildEnv makes the test binary run one batch and exit, so that a
// test can kill a real ingestion at random points.
const ingestChildEnv = "SCDEBATE_TEST_INGEST_WORKSPACE"

func TestMain(m *testing.M) {
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
	res, err := Ingest(context.Background(), ws, paths, Options{Workers: 2})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	fmt.Printf("%d stored %d skipped %d failed\n", res.Stored, res.Skipped, res.Failed)
	return 0
}
