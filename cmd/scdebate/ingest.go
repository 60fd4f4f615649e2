package main

import (
	"errors"
	"fmt"
	"path/filepath"
	"runtime"
	"time"

	"github.com/spf13/cobra"

	"github.com/scdebate/scdebate/cmd/scdebate/internal/pipeline"
	"github.com/scdebate/scdebate/corpus"
	"github.com/scdebate/scdebate/ingest"
	"github.com/scdebate/scdebate/ingest/layout"
)

func newIngestCmd() *cobra.Command {
	var (
		workspace string
		flags     ingestFlags
	)
	cmd := &cobra.Command{
		Use:   "ingest --workspace DIR FILE_OR_DIR...",
		Short: "Parse PDF and text records into a workspace's corpus",
		Long: `ingest parses verbatim records and letters (PDF, or text as pdftotext gives it) into
records stored under the workspace's records/ directory. Directories are searched
recursively for .pdf and .txt files. Content already in the corpus (same sha256) is
skipped; a file with the symbol and language of a stored record but other content
(a corrected reissue) replaces that record and is listed as replaced; a file that
fails is reported with its reason and the others go on.`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 {
				return usageError{errors.New("ingest needs at least one FILE_OR_DIR")}
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			if workspace == "" {
				return usageError{errors.New("--workspace is required (or set SCDEBATE_WORKSPACE)")}
			}
			lk, err := lockWorkspace(workspace, true)
			if err != nil {
				return err
			}
			defer lk.Unlock()
			stderr := cmd.ErrOrStderr()
			prog := newProgress(stderr)
			prog.start("ingest")
			opts, pool := flags.options(prog)
			defer pool.Close()
			defer pipeline.CollectLessWhileParsing()()
			res, err := ingest.Ingest(cmd.Context(), lk, args, opts)
			prog.done()
			if res != nil {
				out := cmd.OutOrStdout()
				fmt.Fprintf(out, "%s: %d stored, %d already in the corpus, %d failed\n",
					count(res.Total, "document"), res.Written, res.Unchanged, res.Failed)
				for _, r := range res.Replaced {
					fmt.Fprintln(stderr, replacedLine(workspace, r))
				}
				for _, fe := range res.Failures {
					fmt.Fprintf(stderr, "failed: %v\n", fe)
				}
			}
			if err != nil {
				return err
			}
			switch {
			case res.Failed > 0 && res.Failed == res.Total:
				return fmt.Errorf("all %d documents failed", res.Total)
			case res.Failed > 0:
				return partialError{failed: res.Failed, total: res.Total}
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&workspace, "workspace", corpus.DefaultWorkspace, "workspace directory (env SCDEBATE_WORKSPACE)")
	flags.register(cmd)
	return cmd
}

// ingestFlags are the flags of the ingestion stage, which ingest and run
// share.
type ingestFlags struct {
	workers   int
	timeout   time.Duration
	maxPages  int
	maxMemory int // MiB
	maxSize   int // MiB
}

func (f *ingestFlags) register(cmd *cobra.Command) {
	cmd.Flags().IntVar(&f.workers, "workers", runtime.NumCPU(), "documents processed at once (env SCDEBATE_WORKERS)")
	cmd.Flags().DurationVar(&f.timeout, "timeout", ingest.DefaultTimeout, "time limit per document (env SCDEBATE_TIMEOUT)")
	cmd.Flags().IntVar(&f.maxPages, "max-pages", layout.DefaultMaxPages, "longest document accepted, in pages; the most text and lines a document may hold follow it (env SCDEBATE_MAX_PAGES)")
	cmd.Flags().IntVar(&f.maxSize, "max-file-size", layout.DefaultMaxFileSize>>20, "largest PDF accepted, in MiB (env SCDEBATE_MAX_FILE_SIZE)")
	cmd.Flags().IntVar(&f.maxMemory, "max-memory", layout.DefaultMemoryLimit>>20, "memory one PDF's extraction may use, in MiB (env SCDEBATE_MAX_MEMORY)")
}

// options are the stage's options, drawing progress on prog, and the
// pool of extraction workers they use, which the caller closes.
func (f *ingestFlags) options(prog *progress) (ingest.Options, *layout.Pool) {
	// One set of limits bounds a document at every step: the PDF in its
	// worker, then its text in the parser.
	limits := layout.Limits{MaxPages: f.maxPages, MaxFileSize: int64(f.maxSize) << 20}
	// PDFs are extracted in child processes (this binary under its worker
	// sub-command), each document within the limits.
	pool := &layout.Pool{Options: layout.Options{
		Timeout:     f.timeout,
		MemoryLimit: int64(f.maxMemory) << 20,
		Limits:      limits,
	}}
	return ingest.Options{
		Extractor: pool,
		Workers:   f.workers,
		Timeout:   f.timeout,
		Limits:    limits,
		OnProgress: func(p corpus.Progress) {
			prog.set(p.Done, p.Total, filepath.Base(p.Item))
		},
	}, pool
}

// replacedLine tells the user that a record now holds other content than
// before (the two files have the same symbol and language), how much it
// changed, and how to put the previous version back.
func replacedLine(workspace string, r ingest.Replacement) string {
	line := fmt.Sprintf("replaced: %s now holds %s (same symbol and language as the content it held before, sha256 %.12s): %s", r.Record, r.Path, r.PreviousSHA256, r.Change)
	if r.Kept != "" {
		line += fmt.Sprintf("; the previous version is kept: scdebate restore --workspace %s %s", shellQuote(workspace), r.Kept)
	}
	return line
}
