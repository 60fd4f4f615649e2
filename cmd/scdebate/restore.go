package main

import (
	"errors"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/scdebate/scdebate/corpus"
)

func newRestoreCmd() *cobra.Command {
	var workspace string
	cmd := &cobra.Command{
		Use:   "restore --workspace DIR [VERSION]",
		Short: "List the record versions other content replaced, or put one back",
		Long: `When ingest stores a file with the symbol and language of a record made from
other content (a corrected reissue, or a damaged copy that still parses), the
record it replaces is kept in the workspace's replaced/ directory, and ingest
names it. restore without VERSION lists the versions kept; with VERSION it puts
that version back in records/, keeping the one it replaces in turn (so that a
restore can be undone the same way). The next "scdebate run" (or analyze and
index) picks the change up.`,
		Example: `  scdebate restore --workspace ./out
  scdebate restore --workspace ./out A_77_PV.12.en.3f2a9c1b0d4e`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) > 1 {
				return usageError{errors.New("restore takes at most one VERSION")}
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			ws, err := corpus.ExistingWorkspace(workspace)
			if err != nil {
				return err
			}
			out := cmd.OutOrStdout()
			if len(args) == 0 {
				kept, err := ws.Replaced(cmd.Context())
				if err != nil {
					return err
				}
				if len(kept) == 0 {
					fmt.Fprintf(out, "no replaced record is kept in %s\n", ws.Path(corpus.ReplacedDir))
					return nil
				}
				for _, k := range kept {
					if k.Record == nil {
						fmt.Fprintf(out, "%s\t(unreadable)\n", k.Name)
						continue
					}
					fmt.Fprintf(out, "%s\t%s\t%s\t%d speeches\t%s\n", k.Name, k.Record.Symbol, k.Record.Language, len(k.Record.Speeches), k.Record.Source.Path)
				}
				return nil
			}
			lk, err := ws.Lock()
			if err != nil {
				return err
			}
			defer lk.Unlock()
			r, err := corpus.Restore(lk, args[0])
			if err != nil {
				return err
			}
			fmt.Fprintf(out, "restored %s from %s\n", r.Record, args[0])
			if r.Kept != nil {
				fmt.Fprintf(out, "%s; the version it replaced is kept as %s\n", r.Change, r.Kept.Name)
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&workspace, "workspace", corpus.DefaultWorkspace, "workspace directory (env SCDEBATE_WORKSPACE)")
	return cmd
}
