package layout_test

import (
	"context"
	"os"
	"testing"

	"github.com/scdebate/scdebate/ingest/layout"
)

// TestMain lets the test binary act as the extraction worker, as the
// scdebate binary does under its hidden sub-command: Extract's default
// command is this executable with layout.WorkerCommand.
func TestMain(m *testing.M) {
	if len(os.Args) > 1 && os.Args[1] == layout.WorkerCommand {
		if err := layout.ServeWorker(context.Background(), os.Stdin, os.Stdout); err != nil {
			os.Exit(1)
		}
		os.Exit(0)
	}
	os.Exit(m.Run())
}
