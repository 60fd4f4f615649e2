package main

import (
	"errors"
	"fmt"
	"strings"

	"github.com/scdebate/scdebate/reports"
	"github.com/spf13/cobra"
)

func newExportCmd() *cobra.Command {
	var sel selectionFlags
	var out, format string
	var bom, raw bool
	cmd := &cobra.Command{
		Use:   "export",
		Short: "Export the comments table (CSV) for a selection of the corpus",
		Long: `export writes the comments table — one row per coded paragraph, with the columns
of the workbook's Comments sheet — as CSV (RFC 4180, UTF-8). Use --bom for Excel,
which otherwise does not read UTF-8. A cell that starts like a formula (=, +, -, @)
gets a leading apostrophe, so that a spreadsheet shows it as text instead of
running it; --raw writes every cell as the records have it.`,
		Example: `  scdebate export --workspace ./ws --format csv --out comments.csv
  scdebate export --workspace ./ws --format csv --out - --theme veto --bom`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if !strings.EqualFold(strings.TrimSpace(format), "csv") {
				return usageError{fmt.Errorf("--format %q: only csv is supported", format)}
			}
			opts, err := sel.options()
			if err != nil {
				return err
			}
			opts.BOM, opts.RawCSV = bom, raw
			if out == "" {
				return usageError{errors.New("--out: give the file name, or - for standard output")}
			}
			return runReport(cmd.Context(), cmd.ErrOrStderr(), sel.workspace, out, opts, reports.WriteCSV)
		},
	}
	sel.register(cmd)
	cmd.Flags().StringVar(&format, "format", "csv", "output format: csv (any case)")
	cmd.Flags().StringVar(&out, "out", "comments.csv", `file to write ("-": standard output)`)
	cmd.Flags().BoolVar(&bom, "bom", false, "start with a UTF-8 byte-order mark, for Excel")
	cmd.Flags().BoolVar(&raw, "raw", false, "write cells as they are, without guarding formula-like text")
	return cmd
}
