package main

import (
	"fmt"
	"os"

	"github.com/schollz/progressbar/v3"
	"github.com/spf13/cobra"
	"golang.org/x/term"

	"github.com/scdebate/scdebate/analysis"
	"github.com/scdebate/scdebate/corpus"
)

func init() { commands = append(commands, newAnalyzeCmd) }

func newAnalyzeCmd() *cobra.Command {
	var workspace, themesFile string
	var workers int
	var force, noPhrases bool
	cmd := &cobra.Command{
		Use:   "analyze",
		Short: "Code every record of a workspace with themes, proposals, references and groups",
		Long: `analyze codes every record in the workspace's records/ directory, sentence by
sentence, and stores one annotation per record in annotations/, keyed by the
record's source hash and the taxonomy's hash. Records whose annotation is up to
date are skipped, so a second run with nothing changed does no work.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			tx, err := analysis.LoadTaxonomy(themesFile)
			if err != nil {
				return err
			}
			coder, err := analysis.NewCoder(tx, nil)
			if err != nil {
				return err
			}
			ws, err := corpus.OpenWorkspace(workspace)
			if err != nil {
				return err
			}
			stderr := cmd.ErrOrStderr()
			var bar *progressbar.ProgressBar
			if f, ok := stderr.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
				bar = progressbar.NewOptions(-1, progressbar.OptionSetWriter(stderr), progressbar.OptionSetDescription("analysing"), progressbar.OptionShowCount(), progressbar.OptionClearOnFinish())
			}
			opts := analysis.AnalyzeOptions{
				Workers:        workers,
				Force:          force,
				SkipKeyPhrases: noPhrases,
				OnProgress: func(p analysis.Progress) {
					if bar != nil {
						bar.ChangeMax(p.Total)
						bar.Set(p.Done)
					}
				},
				OnError: func(path string, err error) {
					if bar != nil {
						bar.Clear()
					}
					fmt.Fprintln(stderr, "skipped:", err)
				},
			}
			res, err := coder.AnalyzeWorkspace(cmd.Context(), ws, opts)
			if bar != nil {
				bar.Finish()
			}
			fmt.Fprintf(cmd.OutOrStdout(), "analysed %d, unchanged %d, failed %d (taxonomy %s)\n", res.Analysed, res.Unchanged, res.Failed, tx.Hash())
			if err != nil {
				return err
			}
			if res.Failed > 0 {
				return partialError{failed: res.Failed, total: res.Total}
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&workspace, "workspace", envDefault("WORKSPACE", "."), "workspace directory")
	cmd.Flags().StringVar(&themesFile, "themes", envDefault("THEMES", ""), "theme file (YAML) to use instead of the built-in taxonomy")
	cmd.Flags().IntVar(&workers, "workers", 0, "records analysed at once (0: one per core)")
	cmd.Flags().BoolVar(&force, "force", false, "re-analyse records whose annotation is up to date")
	cmd.Flags().BoolVar(&noPhrases, "no-phrases", false, "skip the key phrases used for emerging topics (faster)")
	return cmd
}
