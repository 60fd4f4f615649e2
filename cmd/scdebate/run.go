package main

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/scdebate/scdebate/cmd/scdebate/internal/pipeline"
	"github.com/scdebate/scdebate/corpus"
)

// defaultAddr is where serve listens unless told otherwise.
const defaultAddr = "127.0.0.1:8080"

// runConfig is what run is asked to do.
type runConfig struct {
	out      string
	corpus   []string
	ingest   ingestFlags
	analysis analysisFlags
	force    bool
}

func newRunCmd() *cobra.Command {
	var (
		cfg   runConfig
		serve bool
		addr  string
	)
	cmd := &cobra.Command{
		Use:   "run [--corpus FILE_OR_DIR]... [--out DIR]",
		Short: "Run the whole pipeline: ingest, analyze, index and report",
		Long: `run turns a corpus into everything scdebate makes, in one workspace (--out):
records/ (the parsed records), annotations/ (their theme coding), index/ (the
search index) and report.xlsx (the follow-up workbook of the whole corpus).

The corpus is the PDF and text files given with --corpus (or as arguments),
files or directories searched recursively. Without them, run uses the records
already in the workspace (as "scdebate fetch" or "scdebate ingest" left them),
or, in a new workspace, the embedded sample corpus: illustrative records of
three sessions of the debate, written for scdebate and marked as samples.

Each stage does only what is new: files whose content is already stored are
skipped, records whose annotation is up to date are not coded again, only
changed records are re-indexed, and the workbook is written again only when
records or annotations changed. run holds the workspace's lock from the first
stage to the last. --serve then serves the search page.`,
		Example: `  scdebate run                                # the embedded sample into ./scdebate-out
  scdebate run --corpus ~/pv --out ./out      # your own PDFs and texts
  scdebate run --serve                        # then search on http://127.0.0.1:8080`,
		RunE: func(cmd *cobra.Command, args []string) error {
			cfg.corpus = append(cfg.corpus, args...)
			// The workspace every other command defaults to is the one run
			// writes: SCDEBATE_WORKSPACE names it for run too, unless
			// --out (or SCDEBATE_OUT) does.
			if ws, ok := os.LookupEnv(envName("workspace")); ok && !cmd.Flags().Changed("out") {
				cfg.out = ws
			}
			if cfg.out == "" {
				return usageError{errors.New("--out: give the workspace directory")}
			}
			stderr := cmd.ErrOrStderr()
			sum, err := runPipeline(cmd.Context(), cfg, newProgress(stderr))
			if sum != nil && sum.Facts != nil {
				printSummary(cmd.OutOrStdout(), sum, addr)
			}
			if err != nil {
				return err
			}
			if serve {
				if err := serveWorkspace(cmd, cfg.out, addr, cfg.analysis.themesFile); err != nil {
					return err
				}
			}
			if failed := sum.Failed(); failed > 0 {
				return partialError{failed: failed, total: sum.Facts.Records + sum.Ingest.Failed}
			}
			return nil
		},
	}
	f := cmd.Flags()
	f.StringArrayVar(&cfg.corpus, "corpus", nil, "PDF and text files, or directories of them, to ingest (env SCDEBATE_CORPUS, a list like PATH)")
	f.StringVar(&cfg.out, "out", corpus.DefaultWorkspace, "workspace directory the pipeline writes (env SCDEBATE_OUT)")
	cfg.ingest.register(cmd)
	cfg.analysis.register(cmd)
	f.BoolVar(&cfg.force, "force", false, "redo every stage: re-analyse, rebuild the index and rewrite the workbook (env SCDEBATE_FORCE)")
	f.BoolVar(&serve, "serve", false, "serve the search page when done (env SCDEBATE_SERVE)")
	f.StringVar(&addr, "addr", defaultAddr, "address --serve listens on (env SCDEBATE_ADDR)")
	return cmd
}

// runPipeline runs the pipeline as cfg says on cfg.out, under the
// workspace's lock, drawing the stages' progress on prog and printing a
// line for each as it ends. The summary holds what was done up to the
// point of an error.
func runPipeline(ctx context.Context, cfg runConfig, prog *progress) (*pipeline.Summary, error) {
	lk, err := lockWorkspace(cfg.out, true)
	if err != nil {
		return nil, err
	}
	defer lk.Unlock()
	_, coder, err := cfg.analysis.coder(lk.Workspace())
	if err != nil {
		var ue usageError
		if errors.As(err, &ue) {
			return nil, err
		}
		return nil, usageError{fmt.Errorf("--themes: %w", err)}
	}
	ingestOpts, pool := cfg.ingest.options(prog)
	defer pool.Close()
	defer prog.done()
	stage := pipeline.Ingest
	return pipeline.Run(ctx, lk, pipeline.Options{
		Corpus:  cfg.corpus,
		Force:   cfg.force,
		Coder:   coder,
		Ingest:  ingestOpts,
		Analyze: cfg.analysis.options(prog, cfg.ingest.workers, false),
		OnStart: func(s pipeline.Stage) {
			stage = s
			prog.start(fmt.Sprintf("[%d/%d] %s", s+1, pipeline.Stages, s))
		},
		OnDone: func(s pipeline.Stage, sum *pipeline.Summary, took time.Duration) {
			if s == pipeline.Ingest {
				pool.Close() // its idle workers are of no more use
			}
			prog.done()
			printStage(prog, s, sum, took)
		},
		OnProgress: prog.update,
		OnError: func(item string, err error) error {
			switch stage {
			case pipeline.Ingest:
				// listed when the stage ends
			case pipeline.Analyze:
				prog.println("skipped:", err)
			case pipeline.Report:
				prog.println("  skipped:", item, err)
			default:
				prog.println("  skipped:", err)
			}
			return nil
		},
	})
}

// printStage prints the line of a stage that ended, and what it has to
// list: the records replaced and the files that failed.
func printStage(prog *progress, s pipeline.Stage, sum *pipeline.Summary, took time.Duration) {
	line := func(format string, a ...any) {
		prog.println(fmt.Sprintf("%-8s %s (%s)", s, fmt.Sprintf(format, a...), roundDuration(took)))
	}
	switch s {
	case pipeline.Ingest:
		if sum.Input == pipeline.InputWorkspace {
			line("no files given: the %d records already in %s", sum.Records, (&corpus.Workspace{Dir: sum.Workspace}).Path(corpus.RecordsDir))
			return
		}
		res := sum.Ingest
		line("%s: %d stored, %d already in the corpus, %d failed", count(res.Total, "document"), res.Written, res.Unchanged, res.Failed)
		for _, r := range res.Replaced {
			prog.println("  " + replacedLine(sum.Workspace, r))
		}
		for _, fe := range res.Failures {
			prog.println("  failed:", fe)
		}
	case pipeline.Analyze:
		a := sum.Analysis
		line("%s: %d coded, %d up to date, %d failed", count(a.Total, "record"), a.Written, a.Unchanged, a.Failed)
	case pipeline.Index:
		st := sum.Index
		line("%s: %d indexed, %d unchanged, %d removed; %d passages in the index",
			count(st.Total, "record"), st.Written, st.Unchanged, st.Removed, st.InIndex)
	case pipeline.Report:
		verdict := "up to date"
		switch {
		case sum.WorkbookWritten:
			verdict = "written"
		case sum.WorkbookPending > 0:
			verdict = fmt.Sprintf("left as it is: it holds %s typed into its Review column and not imported (scdebate review import --workspace %s %s; run --force writes it anyway)",
				count(sum.WorkbookPending, "review"), sum.Workspace, sum.Workbook)
		}
		line("%s %s", sum.Workbook, verdict)
	}
}

func roundDuration(d time.Duration) time.Duration {
	if d < time.Second {
		return d.Round(time.Millisecond)
	}
	return d.Round(100 * time.Millisecond)
}

// printSummary writes the run's summary: the corpus, where the workbook is
// and how to search it.
func printSummary(w io.Writer, s *pipeline.Summary, addr string) {
	f := s.Facts
	fmt.Fprintln(w)
	what := count(f.Documents, "document")
	if f.Records != f.Documents {
		what += fmt.Sprintf(" (%s: %s)", count(f.Records, "record"), languageCounts(f.Languages))
	}
	if f.FirstSession > 0 {
		what += ", " + sessionSpan(f.FirstSession, f.LastSession)
	}
	fmt.Fprintf(w, "%s: %s\n", s.Workspace, what)
	switch {
	case f.Samples > 0 && f.Samples == f.Documents:
		fmt.Fprintln(w, "  the illustrative sample corpus: written for scdebate, not official United Nations records")
	case f.Samples > 0:
		fmt.Fprintf(w, "  %d of them from the illustrative sample corpus (search with --no-samples to leave them out)\n", f.Samples)
	}
	fmt.Fprintf(w, "  %s; %s spoke in their own voice, and speakers spoke for %s\n", count(f.Speeches, "speech"), count(f.States, "state"), count(f.Groups, "group"))
	fmt.Fprintf(w, "  %d paragraphs, %d coded with %d themes (%d make proposals)", f.Paragraphs, f.Coded, len(f.Themes), f.Proposals)
	if len(f.Themes) > 0 {
		var top []string
		for _, t := range f.Themes[:min(5, len(f.Themes))] {
			top = append(top, fmt.Sprintf("%s %d", t.ID, t.Paragraphs))
		}
		fmt.Fprintf(w, "; most raised: %s", strings.Join(top, ", "))
	}
	fmt.Fprintln(w)
	fmt.Fprintf(w, "  workbook  %s\n", s.Workbook)
	dir := shellQuote(s.Workspace)
	search := "  search    "
	if f.TopQuery != "" {
		fmt.Fprintf(w, "%sscdebate search --workspace %s %s\n", search, dir, shellQuote(f.TopQuery))
		search = "            "
	}
	serve := "scdebate serve --workspace " + dir
	if addr != defaultAddr {
		serve += " --addr " + shellQuote(addr)
	}
	fmt.Fprintf(w, "%s%s    (then open http://%s/)\n", search, serve, addr)
}

func languageCounts(langs map[string]int) string {
	keys := make([]string, 0, len(langs))
	for l := range langs {
		keys = append(keys, l)
	}
	slices.SortFunc(keys, func(a, b string) int {
		return cmp.Or(cmp.Compare(corpus.LanguageRank(a), corpus.LanguageRank(b)), cmp.Compare(a, b))
	})
	var parts []string
	for _, l := range keys {
		parts = append(parts, fmt.Sprintf("%s %d", l, langs[l]))
	}
	return strings.Join(parts, ", ")
}

func sessionSpan(first, last int) string {
	if first == last {
		return fmt.Sprintf("session %d", first)
	}
	return fmt.Sprintf("sessions %d–%d", first, last)
}

// shellQuote quotes s for a POSIX shell when it needs it, so that the
// commands the summary prints can be pasted as they are.
func shellQuote(s string) string {
	safe := s != ""
	for _, r := range s {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || strings.ContainsRune("-_./:=,+@%", r)) {
			safe = false
			break
		}
	}
	if safe {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}

// serveWorkspace serves the search page over dir as "scdebate serve" does,
// until the command's context ends.
func serveWorkspace(cmd *cobra.Command, dir, addr, themesFile string) error {
	serve := newServeCmd()
	serve.SetContext(cmd.Context())
	serve.SetOut(cmd.OutOrStdout())
	serve.SetErr(cmd.ErrOrStderr())
	flags := serve.Flags()
	if err := flags.Set("workspace", dir); err != nil {
		return err
	}
	if err := flags.Set("addr", addr); err != nil {
		return usageError{fmt.Errorf("--addr: %w", err)}
	}
	if err := flags.Set("themes", themesFile); err != nil {
		return err
	}
	return serve.RunE(serve, nil)
}
