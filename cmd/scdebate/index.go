package main

import (
	"fmt"
	"time"

	"github.com/spf13/cobra"

	"github.com/scdebate/scdebate/analysis"
	"github.com/scdebate/scdebate/corpus"
	"github.com/scdebate/scdebate/index"
)

func newIndexCmd() *cobra.Command {
	var (
		workspace string
		taxonomy  string
		themes    string
		rebuild   bool
		batchSize int
	)
	cmd := &cobra.Command{
		Use:   "index",
		Short: "Build or update the search index of a workspace",
		Long: `index brings ws/index up to date with the records and annotations of the
workspace. Only records (or annotations) that changed since the last run are
re-indexed; --rebuild builds a new index from everything. Either way the new
index replaces the old one atomically, so a running "scdebate serve" switches
to it without a restart and an interrupted run changes nothing.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			lk, err := lockWorkspace(workspace, false)
			if err != nil {
				return err
			}
			defer lk.Unlock()

			if themes != "" {
				if taxonomy != "" {
					return usageError{fmt.Errorf("give --themes or --taxonomy, not both")}
				}
				tx, err := analysis.LoadTaxonomy(themes)
				if err != nil {
					return usageError{err}
				}
				taxonomy = tx.Hash()
			}
			opts := index.Options{TaxonomyHash: taxonomy, Rebuild: rebuild, BatchSize: batchSize}
			prog := newProgress(cmd.ErrOrStderr())
			prog.start("indexing records")
			opts.OnProgress = prog.update
			opts.OnError = func(_ string, err error) error {
				prog.println("scdebate:", err)
				return nil
			}
			st, err := index.Update(cmd.Context(), lk, opts)
			prog.done()
			if err != nil {
				return err
			}
			verb := "updated"
			if st.Rebuilt {
				verb = "built"
			}
			fmt.Fprintf(cmd.OutOrStdout(), "index %s (%s): %d records, %d re-indexed, %d unchanged, %d removed; %d passages written, %d deleted, %d in the index; %s\n",
				verb, st.Generation, st.Total, st.Written, st.Unchanged, st.Removed, st.Passages, st.Deleted, st.InIndex, st.Elapsed.Round(time.Millisecond))
			if st.Failed > 0 {
				return partialError{failed: st.Failed, total: st.Total}
			}
			return nil
		},
	}
	f := cmd.Flags()
	f.StringVar(&workspace, "workspace", corpus.DefaultWorkspace, "workspace directory (env SCDEBATE_WORKSPACE)")
	f.StringVar(&themes, "themes", "", "index the annotations made with this theme file (default: each record's newest annotation) (env SCDEBATE_THEMES)")
	f.StringVar(&taxonomy, "taxonomy", "", "index the annotations of this taxonomy hash (default: each record's newest annotation) (env SCDEBATE_TAXONOMY)")
	f.BoolVar(&rebuild, "rebuild", false, "build a new index from every record instead of updating")
	f.IntVar(&batchSize, "batch-size", 1000, "passages per index batch")
	return cmd
}
