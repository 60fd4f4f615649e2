package pipeline

import (
	"context"
	"fmt"
	"time"

	"github.com/scdebate/scdebate/analysis"
	"github.com/scdebate/scdebate/corpus"
	"github.com/scdebate/scdebate/index"
	"github.com/scdebate/scdebate/ingest"
)

// Options configure a run. The zero value needs only Coder: it runs the
// stages on the records already in the workspace (or, in a new one, the
// embedded sample), with the stages' own defaults.
type Options struct {
	// Corpus lists the PDF and text files, or directories of them, to
	// ingest; when empty, the records already in the workspace are the
	// corpus, or in a new workspace the embedded sample (see Input).
	Corpus []string
	// Force redoes every stage: the records are coded again, the index is
	// rebuilt and the workbook written again, whatever they were made
	// from.
	Force bool
	// Coder codes the records, under its taxonomy.
	Coder *analysis.Coder
	// Ingest and Analyze are the options of those stages; their
	// OnProgress and OnError are the run's own.
	Ingest  ingest.Options
	Analyze analysis.AnalyzeOptions

	// OnStart is told when a stage starts, OnDone when it ends, with the
	// summary so far and the time it took. Ingest starts only when there
	// are files to ingest; it ends in every run.
	OnStart func(Stage)
	OnDone  func(Stage, *Summary, time.Duration)
	// OnProgress and OnError are every stage's (the stage is the one
	// OnStart last named). An error OnError returns stops the run.
	OnProgress corpus.ProgressFunc
	OnError    corpus.ErrorFunc
}

// Summary is what a run did, stage by stage, and the corpus it left.
type Summary struct {
	Workspace string
	Input     Input
	// Records counts the records in the workspace once ingestion ended.
	Records  int
	Ingest   ingest.Result
	Analysis analysis.AnalyzeResult
	Index    index.Stats
	// Workbook is the workbook's path; WorkbookWritten is false when it was
	// already up to date.
	Workbook        string
	WorkbookWritten bool
	// WorkbookPending counts the reviews typed into the workbook and not
	// imported, for which it was left as it is.
	WorkbookPending int
	// WorkbookFailed counts the records the workbook had to leave out.
	WorkbookFailed int
	// Facts sum up the corpus, as the workbook reports it; nil until the
	// report stage has run.
	Facts *Facts
}

// Failed counts the documents some stage had to skip.
func (s *Summary) Failed() int {
	return s.Ingest.Failed + s.Analysis.Failed + s.Index.Failed + s.WorkbookFailed
}

// Run runs the stages in turn on the workspace locked by lk, each doing
// only what is new since the last run (all of it with Options.Force).
// Documents that fail are reported (Options.OnError) and skipped; the
// error is for the run as a whole. The summary holds what was done up to
// the point of an error.
func Run(ctx context.Context, lk *corpus.Lock, opts Options) (*Summary, error) {
	ws := lk.Workspace()
	r := &run{ctx: ctx, lk: lk, ws: ws, opts: opts, sum: &Summary{Workspace: ws.Dir, Workbook: ws.Path(WorkbookName)}}
	for _, stage := range []func() error{r.ingest, r.analyze, r.index, r.report} {
		if err := stage(); err != nil {
			return r.sum, err
		}
	}
	return r.sum, nil
}

// run is one Run under way.
type run struct {
	ctx  context.Context
	lk   *corpus.Lock
	ws   *corpus.Workspace
	opts Options
	sum  *Summary
}

// stage runs one stage between its OnStart and OnDone; started is false
// for a stage with nothing to start (ingestion without files).
func (r *run) stage(s Stage, started bool, do func() error) error {
	start := time.Now()
	if started && r.opts.OnStart != nil {
		r.opts.OnStart(s)
	}
	if err := do(); err != nil {
		return err
	}
	if r.opts.OnDone != nil {
		r.opts.OnDone(s, r.sum, time.Since(start))
	}
	return nil
}

func (r *run) ingest() error {
	paths, input, err := chooseInput(r.ws, r.opts.Corpus)
	if err != nil {
		return err
	}
	r.sum.Input = input
	return r.stage(Ingest, len(paths) > 0, func() error {
		if len(paths) > 0 {
			opts := r.opts.Ingest
			opts.OnProgress, opts.OnError = r.opts.OnProgress, r.opts.OnError
			restore := CollectLessWhileParsing()
			res, err := ingest.Ingest(r.ctx, r.lk, paths, opts)
			restore()
			if res != nil {
				r.sum.Ingest = *res
			}
			if err != nil {
				return err
			}
		}
		recs, err := r.ws.Records().List()
		if err != nil {
			return err
		}
		if len(recs) == 0 {
			return fmt.Errorf("no records in %s: nothing could be ingested", r.ws.Path(corpus.RecordsDir))
		}
		r.sum.Records = len(recs)
		return nil
	})
}

func (r *run) analyze() error {
	return r.stage(Analyze, true, func() error {
		opts := r.opts.Analyze
		opts.Force = opts.Force || r.opts.Force
		opts.OnProgress, opts.OnError = r.opts.OnProgress, r.opts.OnError
		var err error
		r.sum.Analysis, err = r.opts.Coder.AnalyzeWorkspace(r.ctx, r.lk, opts)
		return err
	})
}

func (r *run) index() error {
	return r.stage(Index, true, func() error {
		st, err := index.Update(r.ctx, r.lk, index.Options{
			TaxonomyHash: r.opts.Coder.Taxonomy().Hash(),
			Rebuild:      r.opts.Force,
			OnProgress:   r.opts.OnProgress,
			OnError:      r.opts.OnError,
		})
		if st != nil {
			r.sum.Index = *st
		}
		return err
	})
}

func (r *run) report() error {
	return r.stage(Report, true, func() error {
		return writeReport(r.ctx, r.ws, r.opts, r.sum)
	})
}
