package main

import (
	"errors"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/scdebate/scdebate/analysis"
	"github.com/scdebate/scdebate/corpus"
)

func newAnalyzeCmd() *cobra.Command {
	var workspace string
	var flags analysisFlags
	var workers int
	var force, learn bool
	cmd := &cobra.Command{
		Use:   "analyze",
		Short: "Code every record of a workspace with themes, proposals, references and groups",
		Long: `analyze codes every record in the workspace's records/ directory, sentence by
sentence, and stores one annotation per record in annotations/, keyed by the
record's source hash and the taxonomy's hash. Records whose annotation is up to
date are skipped, so a second run with nothing changed does no work.

Each record is read in its debate (from its agenda items: the Assembly's
debate on the Council's report, on Council reform, a Council debate on its
working methods, or other), and every theme of a paragraph records where it
came from: the taxonomy's terms (rule) or the learned layer (model). The
learned layer is the workspace's own model (DIR/model.json, written by
"scdebate train --workspace DIR") when there is one, else the built-in one;
--model FILE uses another, --model none codes by the taxonomy alone.

The experts' reviews ("scdebate review") are applied over the coder's codes;
a record whose reviews alone changed has them applied again without being
coded. Reviews that do not apply as they stand are listed. --learn first
trains the workspace's model again on what it learned from before and the
reviews as they are now, when they changed since it was trained (or the
workspace has reviews and no model of its own); the records are then coded
with it.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if learn && flags.modelFile != "" {
				return usageError{errors.New("--learn trains the workspace's own model; it cannot be given with --model")}
			}
			if _, err := corpus.ExistingWorkspace(workspace); err != nil {
				return err
			}
			// The annotations' directory is made if need be.
			lk, err := lockWorkspace(workspace, true)
			if err != nil {
				return err
			}
			defer lk.Unlock()
			tx, coder, err := flags.coder(lk.Workspace())
			if err != nil {
				return err
			}
			stderr := cmd.ErrOrStderr()
			prog := newProgress(stderr)
			if learn {
				prog.start("training")
				res, err := analysis.TrainWorkspace(cmd.Context(), coder, lk, analysis.WorkspaceTraining{Again: true,
					Options: analysis.TrainOptions{OnProgress: prog.update}})
				prog.done()
				for _, p := range res.Problems {
					prog.println("review left out:", p)
				}
				if err != nil {
					return err
				}
				switch {
				case res.Trained:
					printModel(cmd.OutOrStdout(), res.Model, res.Path)
					coder = coder.WithModel(res.Model)
				case res.Model == nil:
					fmt.Fprintln(cmd.OutOrStdout(), "nothing to learn: the workspace has no reviews")
				default:
					fmt.Fprintf(cmd.OutOrStdout(), "the workspace's model is up to date with its %d reviews\n", res.Model.Reviews)
				}
			}
			prog.start("analysing")
			res, err := coder.AnalyzeWorkspace(cmd.Context(), lk, flags.options(prog, workers, force))
			prog.done()
			reviewed := ""
			if res.Reviewed > 0 {
				reviewed = fmt.Sprintf(", reviews applied again to %d", res.Reviewed)
			}
			fmt.Fprintf(cmd.OutOrStdout(), "analysed %d, unchanged %d, failed %d%s (taxonomy %s)\n", res.Written, res.Unchanged, res.Failed, reviewed, tx.Hash())
			if err != nil {
				return err
			}
			if res.Failed > 0 {
				return partialError{failed: res.Failed, total: res.Total}
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&workspace, "workspace", corpus.DefaultWorkspace, "workspace directory")
	flags.register(cmd)
	cmd.Flags().IntVar(&workers, "workers", 0, "records analysed at once (0: one per core)")
	cmd.Flags().BoolVar(&force, "force", false, "re-analyse records whose annotation is up to date")
	cmd.Flags().BoolVar(&learn, "learn", false, "first train the workspace's model again on its reviews, if they changed since")
	return cmd
}

// analysisFlags are the flags of the analysis stage, which analyze and run
// share.
type analysisFlags struct {
	themesFile string
	modelFile  string
	noPhrases  bool
}

func (f *analysisFlags) register(cmd *cobra.Command) {
	cmd.Flags().StringVar(&f.themesFile, "themes", "", "theme file (YAML) to use instead of the built-in taxonomy")
	cmd.Flags().BoolVar(&f.noPhrases, "no-phrases", false, "skip the key phrases used for emerging topics (faster)")
	cmd.Flags().StringVar(&f.modelFile, "model", "", `learned layer: a model file, "none" for the taxonomy alone; default the workspace's model.json, else the built-in model`)
}

// coder loads the taxonomy and a coder for it, with the learned layer the
// flags name for the workspace ws.
func (f *analysisFlags) coder(ws *corpus.Workspace) (*analysis.Taxonomy, *analysis.Coder, error) {
	tx, err := analysis.LoadTaxonomy(f.themesFile)
	if err != nil {
		return nil, nil, err
	}
	coder, err := analysis.NewCoder(tx, nil)
	if err != nil {
		return nil, nil, err
	}
	switch f.modelFile {
	case "none":
		coder = coder.WithModel(nil)
	case "":
		m, err := analysis.WorkspaceModel(ws)
		if err != nil {
			return nil, nil, fmt.Errorf("workspace model: %w", err)
		}
		if m != nil {
			coder = coder.WithModel(m)
		}
	default:
		m, err := analysis.LoadModel(f.modelFile)
		if err != nil {
			return nil, nil, usageError{fmt.Errorf("--model: %w", err)}
		}
		coder = coder.WithModel(m)
	}
	return tx, coder, nil
}

// maxReviewProblems is how many reviews that do not apply an analysis
// lists before it only counts them.
const maxReviewProblems = 20

// options are the stage's options, drawing progress on prog and reporting
// each record skipped, and the reviews that do not apply, above it.
func (f *analysisFlags) options(prog *progress, workers int, force bool) analysis.AnalyzeOptions {
	problems := 0
	return analysis.AnalyzeOptions{
		Workers:        workers,
		Force:          force,
		SkipKeyPhrases: f.noPhrases,
		OnProgress:     prog.update,
		OnError: func(_ string, err error) error {
			prog.println("skipped:", err)
			return nil
		},
		OnReviewProblem: func(p analysis.ReviewProblem) {
			problems++
			switch {
			case problems <= maxReviewProblems:
				prog.println("review:", p)
			case problems == maxReviewProblems+1:
				prog.println("review: … and more; \"scdebate review list --problems\" lists them all")
			}
		},
	}
}
