package main

import (
	"context"
	"errors"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/scdebate/scdebate/corpus/fixtures"
	"github.com/scdebate/scdebate/ingest/layout"
)

// TestWorkerSubCommand builds the binary and has the extractor run it
// under the hidden sub-command, as it does by default from inside scdebate.
func TestWorkerSubCommand(t *testing.T) {
	bin := filepath.Join(t.TempDir(), "scdebate")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	opts := layout.Options{Command: []string{bin, layout.WorkerCommand}}
	doc, err := layout.Extract(context.Background(), fixtures.Real(t, "S_PV.8422.pdf"), opts)
	if err != nil {
		t.Fatal(err)
	}
	if len(doc.Pages) != 9 || len(doc.Pages[1].Lines) == 0 {
		t.Errorf("%d pages, %d lines on page 2", len(doc.Pages), len(doc.Pages[1].Lines))
	}
	_, err = layout.Extract(context.Background(), "worker_test.go", opts)
	if !errors.Is(err, layout.ErrNotPDF) {
		t.Errorf("a Go file: %v, want %v", err, layout.ErrNotPDF)
	}
}
