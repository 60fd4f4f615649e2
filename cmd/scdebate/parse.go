package main

import (
	"encoding/json"
	"errors"

	"github.com/spf13/cobra"

	"github.com/scdebate/scdebate/cmd/scdebate/internal/pipeline"
	"github.com/scdebate/scdebate/ingest"
	"github.com/scdebate/scdebate/ingest/layout"
)

func newParseCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "parse FILE",
		Short: "Parse one verbatim record or letter (PDF or text) and print its record as JSON",
		Long: `parse reads one PDF or plain-text file (UTF-8, pages separated by form feeds, as
pdftotext gives it) and prints the parsed record as one JSON object on stdout.`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) != 1 {
				return usageError{errors.New("parse takes exactly one FILE")}
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			pool := &layout.Pool{}
			defer pool.Close()
			defer pipeline.CollectLessWhileParsing()()
			rec, err := ingest.ParseFile(cmd.Context(), args[0], pool)
			if err != nil {
				return err
			}
			enc := json.NewEncoder(cmd.OutOrStdout())
			enc.SetIndent("", "  ")
			enc.SetEscapeHTML(false)
			return enc.Encode(rec)
		},
	}
}
