package main

import (
	"github.com/spf13/cobra"

	"github.com/scdebate/scdebate/ingest/layout"
)

// newWorkerCmd is the hidden sub-command the binary re-executes itself
// with to extract PDFs in a child process, one after the other as its
// parent asks: a document that hangs or exhausts the PDF library then
// costs that document and its worker, not the batch.
func newWorkerCmd() *cobra.Command {
	return &cobra.Command{
		Use:    layout.WorkerCommand,
		Short:  "Extract PDFs for the parent process (internal)",
		Hidden: true,
		Args:   cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return layout.ServeWorker(cmd.Context(), cmd.InOrStdin(), cmd.OutOrStdout())
		},
	}
}
