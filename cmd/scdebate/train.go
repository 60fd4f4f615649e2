package main

import (
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/spf13/cobra"

	"github.com/scdebate/scdebate/analysis"
)

func newTrainCmd() *cobra.Command {
	var themesFile, workspace, out string
	var data []string
	var noBase, noReviews bool
	cmd := &cobra.Command{
		Use:   "train",
		Short: "Train the learned layer of theme coding from labelled passages",
		Long: `train fits the learned layer that codes themes beside the taxonomy — one
logistic regression per theme, over the words and word pairs of a passage, its
cues (thanks, titles, explanations of vote, questions, requests), what it is
about, the debate it was said in and the taxonomy's own verdict — on labelled
passages, and writes the model. The same data gives the same model.

The data are YAML files: a list of passages, each with its language, its
themes (an empty list for none), its text and the debate it was said in
(context: report, reform, working-methods or other, or a joint debate such as
report,reform; report by default):

  - lang: en
    context: report
    themes: [annual-report]
    text: The report should explain why the Council failed to act.

Unless --no-base is given, the project's own written training sets (the ones
the built-in model learned from) are added to yours. With --workspace the
model is written to DIR/model.json, which "scdebate analyze" then uses for that
workspace, and the workspace's reviews ("scdebate review") are learned from
too (unless --no-reviews): each reviewed passage, read in its speech, with the
themes its review left. Reviews that do not apply as they stand (stale, an
unknown theme) are left out and listed. The model remembers the data files it
learned from, so that "scdebate analyze --learn" can train it again when the
reviews change; --out writes the model elsewhere.`,
		Example: `  scdebate train --data my-labels.yaml --workspace ./ws
  scdebate train --workspace ./ws          # the written sets and the workspace's reviews
  scdebate analyze --workspace ./ws`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if (workspace == "") == (out == "") {
				return usageError{errors.New("give --workspace DIR (writes DIR/model.json) or --out FILE")}
			}
			tx, err := analysis.LoadTaxonomy(themesFile)
			if err != nil {
				return err
			}
			coder, err := analysis.NewCoder(tx, nil)
			if err != nil {
				return err
			}
			prog := newProgress(cmd.ErrOrStderr())
			prog.start("training")
			opts := analysis.TrainOptions{OnProgress: prog.update}
			if workspace != "" {
				lk, err := lockWorkspace(workspace, true)
				if err != nil {
					return err
				}
				defer lk.Unlock()
				res, err := analysis.TrainWorkspace(cmd.Context(), coder, lk, analysis.WorkspaceTraining{Data: data, NoBase: noBase, NoReviews: noReviews, Options: opts})
				prog.done()
				for _, p := range res.Problems {
					fmt.Fprintln(cmd.ErrOrStderr(), "review left out:", p)
				}
				if err != nil {
					return err
				}
				printModel(cmd.OutOrStdout(), res.Model, res.Path)
				return nil
			}
			var examples []analysis.Example
			if !noBase {
				base, err := analysis.BaseExamples()
				if err != nil {
					return err
				}
				examples = append(examples, base...)
			}
			for _, path := range data {
				f, err := os.Open(path)
				if err != nil {
					return usageError{fmt.Errorf("--data: %w", err)}
				}
				exs, err := analysis.ReadExamples(path, f)
				f.Close()
				if err != nil {
					return usageError{err}
				}
				examples = append(examples, exs...)
			}
			if len(examples) == 0 {
				return usageError{errors.New("no examples: give --data FILE, or leave out --no-base")}
			}
			m, err := analysis.Train(cmd.Context(), coder, examples, opts)
			prog.done()
			if err != nil {
				return err
			}
			if err := analysis.SaveModel(out, m); err != nil {
				return err
			}
			printModel(cmd.OutOrStdout(), m, out)
			return nil
		},
	}
	cmd.Flags().StringArrayVar(&data, "data", nil, "YAML file of labelled passages (repeatable)")
	cmd.Flags().StringVar(&workspace, "workspace", "", "workspace whose model to write (DIR/model.json)")
	cmd.Flags().StringVar(&out, "out", "", "model file to write instead of a workspace's")
	cmd.Flags().StringVar(&themesFile, "themes", "", "theme file (YAML) to use instead of the built-in taxonomy")
	cmd.Flags().BoolVar(&noBase, "no-base", false, "train on the given data alone, without the project's written training sets")
	cmd.Flags().BoolVar(&noReviews, "no-reviews", false, "with --workspace, leave out the workspace's reviews")
	return cmd
}

// printModel says what a model was trained on and how it scored.
func printModel(w io.Writer, m *analysis.Model, path string) {
	cv := m.CrossValidation
	reviews := ""
	if m.Reviews > 0 {
		reviews = fmt.Sprintf(" (%d of them reviewed passages of the workspace)", m.Reviews)
	}
	fmt.Fprintf(w, "trained on %d passages%s, %d features (penalty %g); cross-validation micro P %.3f R %.3f F1 %.3f (the taxonomy alone: F1 %.3f); thresholds keep %.2f add %.2f drop %.2f\nwrote %s (model %s)\n",
		m.Examples, reviews, len(m.Vocab), m.L2, cv.Precision, cv.Recall, cv.F1, m.RulesOnly.F1, m.Keep, m.Add, m.Drop, path, m.Hash())
}
