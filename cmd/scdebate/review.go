package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/spf13/cobra"

	"github.com/scdebate/scdebate/analysis"
	"github.com/scdebate/scdebate/corpus"
	"github.com/scdebate/scdebate/reports"
)

// reviewFlags are the flags every review command shares.
type reviewFlags struct {
	workspace  string
	themesFile string
}

func (f *reviewFlags) register(cmd *cobra.Command) {
	cmd.Flags().StringVar(&f.workspace, "workspace", corpus.DefaultWorkspace, "workspace directory")
	cmd.Flags().StringVar(&f.themesFile, "themes", "", "theme file (YAML) the workspace was analysed with, instead of the built-in taxonomy")
}

func (f *reviewFlags) open() (*corpus.Workspace, *analysis.Taxonomy, error) {
	ws, err := corpus.ExistingWorkspace(f.workspace)
	if err != nil {
		return nil, nil, err
	}
	tx, err := analysis.LoadTaxonomy(f.themesFile)
	if err != nil {
		return nil, nil, err
	}
	return ws, tx, nil
}

// lock opens the workspace as open does and takes its writer lock, which
// the caller releases.
func (f *reviewFlags) lock() (*corpus.Lock, *analysis.Taxonomy, error) {
	ws, tx, err := f.open()
	if err != nil {
		return nil, nil, err
	}
	lk, err := ws.Lock()
	return lk, tx, err
}

func newReviewCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "review",
		Short: "Correct the themes of passages: set, unset, list, or import from a workbook",
		Long: `review records an expert's corrections of the theme coding. A review of a
passage sets themes (+THEME), takes them away (-THEME), or takes every theme
away (none; "none +veto" leaves the veto alone). It overrides the coder for the
themes it names, and survives re-analysis, a new model and a new taxonomy.

A passage is named by its ID, as the search page, "scdebate search --json" and
the workbook's Passage column give it: RECORD#SPEECH.PARAGRAPH, e.g.
A_79_PV.29.en#3.2. Reviews are kept in the workspace (reviews.json); each
change updates the annotation of the records it touches, and nothing else.

A review whose paragraph's text has changed since (a corrected record) is
stale: it is kept, reported and not applied until it is made again. One that
names a theme the taxonomy no longer has is kept and reported, its other steps
applied. "scdebate train --workspace DIR" (or "analyze --learn") learns from
the reviews.`,
	}
	cmd.AddCommand(newReviewSetCmd(), newReviewUnsetCmd(), newReviewListCmd(), newReviewImportCmd())
	return cmd
}

func newReviewSetCmd() *cobra.Command {
	var f reviewFlags
	cmd := &cobra.Command{
		Use:   "set PASSAGE_ID STEP...",
		Short: "Review a passage: +THEME sets a theme, -THEME takes it away, none takes all away",
		Long: `set adds steps to a passage's review: +THEME sets the theme, -THEME takes it
away, none takes every theme away. A later step on a theme overrides an
earlier one, and none clears the steps before it. The steps may also be given
as one argument ("+veto -transparency"). If any step cannot be made (an
unknown passage or theme), nothing is changed. To review many passages at
once, type the steps into a workbook's Review column and import it.`,
		Example: `  scdebate review set --workspace ./ws A_79_PV.29.en#3.2 +veto -transparency
  scdebate review set A_79_PV.29.en#5.1 none`,
		Args: cobra.MinimumNArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			for _, a := range args[1:] {
				if strings.HasPrefix(a, "--") {
					return usageError{fmt.Errorf("%s: give flags before the passage ID (a step after it is +THEME, -THEME or none)", a)}
				}
			}
			lk, tx, err := f.lock()
			if err != nil {
				return err
			}
			defer lk.Unlock()
			edits := []analysis.ReviewEdit{{Passage: args[0], Text: strings.Join(args[1:], " ")}}
			out, err := analysis.EditReviews(cmd.Context(), lk, edits, analysis.ReviewOptions{Taxonomy: tx, Origin: "command", AllOrNothing: true})
			return reportReviewOutcome(cmd, out, err, "", "reviews", true)
		},
	}
	f.register(cmd)
	// "-transparency" is a step, not a flag: flags come before the
	// passage ID.
	cmd.Flags().SetInterspersed(false)
	return cmd
}

func newReviewUnsetCmd() *cobra.Command {
	var f reviewFlags
	cmd := &cobra.Command{
		Use:   "unset PASSAGE_ID...",
		Short: "Remove the review of passages, giving them back to the coder",
		Long: `unset removes the whole review of each passage named; the coder's own codes
come back. If a passage has no review, nothing is changed.`,
		Example: `  scdebate review unset A_79_PV.29.en#3.2`,
		Args:    cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			lk, tx, err := f.lock()
			if err != nil {
				return err
			}
			defer lk.Unlock()
			var edits []analysis.ReviewEdit
			for _, id := range args {
				edits = append(edits, analysis.ReviewEdit{Passage: id, Unset: true})
			}
			out, err := analysis.EditReviews(cmd.Context(), lk, edits, analysis.ReviewOptions{Taxonomy: tx, AllOrNothing: true})
			return reportReviewOutcome(cmd, out, err, "", "reviews", true)
		},
	}
	f.register(cmd)
	return cmd
}

func newReviewImportCmd() *cobra.Command {
	var f reviewFlags
	var force, dryRun, verbose bool
	cmd := &cobra.Command{
		Use:   "import WORKBOOK.xlsx",
		Short: "Import the reviews typed into a workbook's Review column",
		Long: `import reads the Review column of a follow-up workbook's Comments sheet
("scdebate report" or "scdebate run" wrote it from this workspace) and adds
each row's steps to its passage's review, as "review set" does. Rows are
matched by their Passage column, so rows may be sorted, filtered, moved or
deleted: a deleted row, or an empty Review cell, changes nothing.

A row is skipped, and listed with its reason, when its passage or a theme is
unknown, when its paragraph's text has changed since the workbook was
written, when the same passage has other steps in another row, or when the
passage was reviewed again after the workbook was written (--force imports
those rows anyway). The other rows are imported. A workbook written from
another workspace is refused. --dry-run lists what would change.`,
		Example: `  scdebate review import ./ws/report.xlsx --workspace ./ws`,
		Args:    cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			lk, tx, err := f.lock()
			if err != nil {
				return err
			}
			defer lk.Unlock()
			start := time.Now()
			out, err := reports.ImportReviews(cmd.Context(), lk, args[0], reports.ImportOptions{Taxonomy: tx, Force: force, DryRun: dryRun})
			var notOurs *reports.WorkbookStampError
			if errors.As(err, &notOurs) {
				return usageError{err}
			}
			suffix := fmt.Sprintf(" (%s)", roundDuration(time.Since(start)))
			if dryRun {
				suffix = " (dry run: nothing written)"
			}
			return reportReviewOutcome(cmd, out, err, suffix, "rows", verbose)
		},
	}
	f.register(cmd)
	cmd.Flags().BoolVar(&force, "force", false, "import rows whose passage was reviewed again after the workbook was written")
	cmd.Flags().BoolVar(&dryRun, "dry-run", false, "list what would change and write nothing")
	cmd.Flags().BoolVar(&verbose, "verbose", false, "list every review changed, not only the first 20")
	return cmd
}

// reportReviewOutcome prints what a review command changed and skipped,
// and returns the command's error: a partial one when rows were skipped.
// maxListedChanges is how many changes an import lists without --verbose.
const maxListedChanges = 20

func reportReviewOutcome(cmd *cobra.Command, out analysis.ReviewOutcome, err error, suffix, noun string, verbose bool) error {
	w := cmd.OutOrStdout()
	for i, c := range out.Changed {
		if i == maxListedChanges && !verbose {
			fmt.Fprintf(w, "… and %d more (--verbose lists them all; scdebate review list shows every review)\n", len(out.Changed)-i)
			break
		}
		where := ""
		if c.Where != "" {
			where = "  (" + c.Where + ")"
		}
		fmt.Fprintf(w, "%s  %s  (was: %s)%s\n", c.Passage, orNone(c.After, "no review"), orNone(c.Before, "no review"), where)
	}
	stderr := cmd.ErrOrStderr()
	for _, s := range out.Skipped {
		fmt.Fprintln(stderr, "skipped:", s)
	}
	for _, p := range out.Problems {
		fmt.Fprintln(stderr, "review:", p)
	}
	if err != nil {
		return err
	}
	if len(out.Changed) == 0 && out.Unchanged == 0 && len(out.Skipped) > 0 {
		return fmt.Errorf("nothing changed: %d of %d %s could not be made", len(out.Skipped), out.Asked, noun)
	}
	verb := "changed"
	if !out.Saved && len(out.Changed) > 0 {
		verb = "would change"
	}
	updated := strings.Join(out.Records, ", ")
	if len(out.Records) > 3 {
		updated = fmt.Sprintf("%d records", len(out.Records))
	}
	fmt.Fprintf(w, "%d reviews %s, %d unchanged, %d skipped; annotations updated: %s%s\n",
		len(out.Changed), verb, out.Unchanged, len(out.Skipped), orNone(updated, "none"), suffix)
	if len(out.Skipped) > 0 {
		return partialError{failed: len(out.Skipped), total: out.Asked, noun: noun}
	}
	return nil
}

func orNone(s, none string) string {
	if s == "" {
		return none
	}
	return s
}

func newReviewListCmd() *cobra.Command {
	var f reviewFlags
	var symbols, themes, kinds []string
	var problems, asJSON bool
	var since string
	cmd := &cobra.Command{
		Use:   "list",
		Short: "List the workspace's reviews, with those that no longer apply as they stand",
		Long: `list prints every review of the workspace in passage order: the passage, its
review, the themes it left, when and where it was made, and what keeps it
from applying (stale: the paragraph's text changed; unknown-theme: the
taxonomy has no such theme; no-passage: the record or paragraph is gone).`,
		Example: `  scdebate review list --symbol A/79/PV.29
  scdebate review list --problems
  scdebate review list --theme veto --since 2025-01-01 --json`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			ws, tx, err := f.open()
			if err != nil {
				return err
			}
			filter := analysis.ReviewFilter{Symbols: splitList(symbols), Themes: splitList(themes), Problems: problems, Kinds: splitList(kinds), Taxonomy: tx}
			for _, k := range filter.Kinds {
				if k != analysis.ReviewStale && k != analysis.ReviewUnknownTheme && k != analysis.ReviewNoPassage {
					return usageError{fmt.Errorf("--problem %q: expected %s, %s or %s", k, analysis.ReviewStale, analysis.ReviewUnknownTheme, analysis.ReviewNoPassage)}
				}
			}
			if since != "" {
				t, err := time.ParseInLocation("2006-01-02", since, time.Local)
				if err != nil {
					return usageError{fmt.Errorf("--since %q: expected a date, YYYY-MM-DD", since)}
				}
				filter.Since = t
			}
			states, err := analysis.ListReviews(cmd.Context(), ws, filter)
			if err != nil {
				return err
			}
			if asJSON {
				return writeReviewsJSON(cmd.OutOrStdout(), states)
			}
			writeReviewsTable(cmd.OutOrStdout(), states)
			return nil
		},
	}
	f.register(cmd)
	cmd.Flags().StringSliceVar(&symbols, "symbol", nil, "reviews of records with these symbols or record keys (A/79/PV.29, A_79_PV.29.en)")
	cmd.Flags().StringSliceVar(&themes, "theme", nil, "reviews that set or take away these themes")
	cmd.Flags().BoolVar(&problems, "problems", false, "only the reviews that do not apply as they stand")
	cmd.Flags().StringSliceVar(&kinds, "problem", nil, "only the reviews with these problems: stale, unknown-theme, no-passage")
	cmd.Flags().StringVar(&since, "since", "", "only the reviews changed on or after this date (YYYY-MM-DD)")
	cmd.Flags().BoolVar(&asJSON, "json", false, "write JSON instead of a table")
	return cmd
}

func splitList(values []string) []string {
	var out []string
	for _, v := range values {
		if v = strings.TrimSpace(v); v != "" {
			out = append(out, v)
		}
	}
	return out
}

func writeReviewsTable(w io.Writer, states []analysis.ReviewState) {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "PASSAGE\tREVIEW\tTHEMES\tCHANGED\tBY\tPROBLEM")
	for _, st := range states {
		var probs []string
		for _, p := range st.Problems {
			probs = append(probs, p.Kind)
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\n", st.Passage, st.String(), orNone(strings.Join(st.Themes, " "), "-"),
			st.Updated.Local().Format("2006-01-02 15:04"), orNone(st.Origin, "-"), orNone(strings.Join(probs, ", "), "-"))
	}
	tw.Flush()
	fmt.Fprintf(w, "%d reviews\n", len(states))
}

func writeReviewsJSON(w io.Writer, states []analysis.ReviewState) error {
	type row struct {
		Passage  string                   `json:"passage"`
		Symbol   string                   `json:"symbol,omitempty"`
		Language string                   `json:"language,omitempty"`
		Review   string                   `json:"review"`
		Themes   []string                 `json:"themes"`
		Updated  time.Time                `json:"updated"`
		Origin   string                   `json:"origin,omitempty"`
		Problems []analysis.ReviewProblem `json:"problems,omitempty"`
	}
	rows := make([]row, 0, len(states))
	for _, st := range states {
		rows = append(rows, row{Passage: st.Passage, Symbol: st.Symbol, Language: st.Language, Review: st.String(),
			Themes: st.Themes, Updated: st.Updated, Origin: st.Origin, Problems: st.Problems})
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(rows)
}
