package main

import (
	"github.com/spf13/cobra"

	"github.com/scdebate/scdebate/ingest/layout"
)

func init() { commands = append(commands, newWorkerCmd) }

// newWorkerCmd is the hidden sub-command the binary re-executes itself
// with to extract one PDF in a child process: a document that hangs or
// exhausts the PDF library then costs that document, not the batch.
func newWorkerCmd() *cobra.Command {
	return &cobra.Command{
		Use:    layout.WorkerCommand,
		Short:  "Extract one PDF for the parent process (internal)",
		Hidden: true,
		Args:   cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return layout.ServeWorker(cmd.Context(), cmd.InOrStdin(), cmd.OutOrStdout())
		},
	}
}
