package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/scdebate/scdebate/analysis"
	"github.com/scdebate/scdebate/cmd/scdebate/internal/pipeline"
	"github.com/scdebate/scdebate/corpus"
	"github.com/scdebate/scdebate/reports"
	"github.com/spf13/cobra"
)

// selectionFlags are the flags that choose what a report or an export
// covers.
type selectionFlags struct {
	workspace   string
	sessions    string
	themes      []string
	countries   []string
	groups      []string
	languages   []string
	agenda      []string
	counterpart string
	themesFile  string
	maxRows     int
}

func (s *selectionFlags) register(cmd *cobra.Command) {
	fl := cmd.Flags()
	fl.StringVar(&s.workspace, "workspace", corpus.DefaultWorkspace, "workspace directory (records/ and annotations/)")
	fl.StringVar(&s.sessions, "session", "", `General Assembly sessions: "79", "70-79", "70-72,75" (default: all)`)
	fl.StringSliceVar(&s.themes, "theme", nil, "only comments coded with these themes (IDs or names; scdebate themes lists them)")
	fl.StringSliceVar(&s.countries, "country", nil, "only statements by these states, or by a group they belong to (codes such as NZL, or names in any official language)")
	fl.StringSliceVar(&s.groups, "group", nil, "only statements on behalf of these groups (IDs or names; scdebate groups lists them)")
	fl.StringSliceVar(&s.languages, "language", nil, "only records in these languages, in order of preference (default: en, fr, es, ru, zh, ar)")
	fl.StringSliceVar(&s.agenda, "agenda", nil, "only records of these debates: report (the debate on the Council's report, joint or not), reform, working-methods, other")
	fl.StringVar(&s.counterpart, "counterpart", "", "show each passage beside its counterpart in this language (e.g. fr)")
	fl.StringVar(&s.themesFile, "themes", "", "theme file (YAML) the corpus was analysed with, if not the built-in taxonomy")
	fl.IntVar(&s.maxRows, "max-rows", 0, "at most this many comment rows (0: no limit)")
}

// options turns the flags into report options.
func (s *selectionFlags) options() (reports.Options, error) {
	var opts reports.Options
	if s.sessions != "" {
		rs, err := corpus.ParseSessions(s.sessions)
		if err != nil {
			return opts, usageError{fmt.Errorf("--session: %w", err)}
		}
		opts.Sessions = rs
	}
	if s.maxRows < 0 {
		return opts, usageError{errors.New("--max-rows: must not be negative")}
	}
	// The reports package checks and trims the values.
	opts.Themes, opts.Countries, opts.Groups, opts.Languages, opts.Agenda = s.themes, s.countries, s.groups, s.languages, s.agenda
	opts.Counterpart = strings.TrimSpace(s.counterpart)
	opts.MaxRows = s.maxRows
	if s.themesFile != "" {
		tx, err := analysis.LoadTaxonomy(s.themesFile)
		if err != nil {
			return opts, err
		}
		opts.Taxonomy = tx
	}
	return opts, nil
}

func newReportCmd() *cobra.Command {
	var sel selectionFlags
	var out string
	var trends bool
	cmd := &cobra.Command{
		Use:   "report",
		Short: "Write the follow-up workbook (xlsx) for a selection of the corpus",
		Long: `report writes the follow-up workbook: an overview, themes by state, every coded
comment with a link to the official record, the proposals made to the Council,
trends across sessions, the speakers of each meeting and the sources.`,
		Example: `  scdebate report --workspace ./ws --out followup.xlsx --session 79
  scdebate report --workspace ./ws --out trends.xlsx --session 70-79 --trends
  scdebate report --workspace ./ws --out veto.xlsx --theme veto --country FRA,MEX`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			opts, err := sel.options()
			if err != nil {
				return err
			}
			opts.Trends = trends
			if out == "" {
				return usageError{errors.New("--out: give the workbook's file name")}
			}
			return runReport(cmd.Context(), cmd.ErrOrStderr(), sel.workspace, out, opts, reports.WriteWorkbook)
		},
	}
	sel.register(cmd)
	cmd.Flags().StringVar(&out, "out", "followup.xlsx", `workbook to write ("-": standard output)`)
	cmd.Flags().BoolVar(&trends, "trends", false, "add the Trends sheet even for a single session")
	return cmd
}

type reportFunc func(ctx context.Context, w io.Writer, ws *corpus.Workspace, opts reports.Options) error

// runReport writes a report to out (atomically) or standard output,
// reporting progress on a terminal and unreadable documents as they are
// skipped.
func runReport(ctx context.Context, stderr io.Writer, dir, out string, opts reports.Options, write reportFunc) error {
	ws, err := corpus.ExistingWorkspace(dir)
	if err != nil {
		return err
	}
	defer pipeline.LimitReportMemory()()
	failed, total := 0, 0
	prog := newProgress(stderr)
	prog.start("report")
	opts.OnError = func(path string, err error) error {
		failed++
		prog.println(fmt.Sprintf("scdebate: skipped %s: %v", path, err))
		return nil
	}
	opts.OnProgress = func(p corpus.Progress) {
		total = p.Done
		prog.update(p)
	}
	// An empty selection is a mistake to report, not a file to leave: the
	// file is not written.
	writeSome := func(w io.Writer) error {
		if err := write(ctx, w, ws, opts); err != nil {
			return err
		}
		if total == 0 {
			return fmt.Errorf("no document in workspace %s matches the selection", dir)
		}
		return nil
	}
	if out == "-" {
		err = writeSome(os.Stdout)
	} else {
		// A run killed mid-write left its temporary workbook beside out.
		corpus.RemoveStaleTemps(filepath.Dir(out), filepath.Base(out))
		err = ws.NoSpace(out, reports.WorkbookSpace(ws), corpus.WriteFileAtomic(out, writeSome))
	}
	prog.done()
	if err != nil {
		return err
	}
	if out != "-" {
		fmt.Fprintf(stderr, "wrote %s (%s)\n", out, count(total, "document"))
	}
	if failed > 0 {
		return partialError{failed: failed, total: total + failed}
	}
	return nil
}
