package pipeline

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/scdebate/scdebate/analysis"
	"github.com/scdebate/scdebate/corpus"
	"github.com/scdebate/scdebate/reports"
)

// Where a run keeps what it writes in its workspace, besides the stages'
// own directories.
const (
	// WorkbookName is the follow-up workbook of the whole corpus.
	WorkbookName = "report.xlsx"
	// stateName records what the last run's workbook was made from.
	stateName = ".run.json"
)

// state is what the last run's workbook was made from, so that a run with
// nothing new leaves it alone.
type state struct {
	// Inputs is a digest of what the workbook depends on (see
	// inputsDigest).
	Inputs string `json:"inputs"`
	// Workbook identifies the file written, so that a workbook edited or
	// removed since is written again.
	Workbook corpus.FileStamp `json:"workbook"`
	Facts    Facts            `json:"facts"`
}

// writeReport writes the workbook of the whole corpus, unless the one there
// was made from the same inputs (or holds reviews typed into it and not
// imported), and finds the facts of the summary.
func writeReport(ctx context.Context, ws *corpus.Workspace, opts Options, sum *Summary) error {
	tx := opts.Coder.Taxonomy()
	digest, err := inputsDigest(ws, tx)
	if err != nil {
		return err
	}
	statePath := ws.Path(stateName)
	var old state
	written := false // the workbook there is as the last run wrote it
	if b, err := os.ReadFile(statePath); err == nil && json.Unmarshal(b, &old) == nil {
		stamp, ok := corpus.StampOf(sum.Workbook)
		written = ok && stamp == old.Workbook
	}
	if !opts.Force && written && old.Inputs == digest {
		sum.Facts = &old.Facts
		return nil
	}
	facts, err := collectFacts(ctx, ws, tx)
	if err != nil {
		return err
	}
	sum.Facts = facts
	if !opts.Force && !written {
		// A workbook edited since the run wrote it may hold reviews typed
		// into it and not imported yet: writing it again would lose them.
		pending, err := reports.PendingReviews(ctx, ws, sum.Workbook)
		if err != nil {
			return err
		}
		if pending > 0 {
			sum.WorkbookPending = pending
			return nil
		}
	}
	ropts := reports.Options{
		Taxonomy:   tx,
		OnProgress: opts.OnProgress,
		OnError: func(path string, err error) error {
			sum.WorkbookFailed++
			return opts.OnError.Report(path, err)
		},
	}
	restore := LimitReportMemory()
	err = corpus.WriteFileAtomic(sum.Workbook, func(w io.Writer) error {
		return reports.WriteWorkbook(ctx, w, ws, ropts)
	})
	restore()
	if err != nil {
		return ws.NoSpace(sum.Workbook, reports.WorkbookSpace(ws), err)
	}
	sum.WorkbookWritten = true
	stamp, ok := corpus.StampOf(sum.Workbook)
	if !ok {
		return fmt.Errorf("%s: gone as soon as written", sum.Workbook)
	}
	err = corpus.WriteFileAtomic(statePath, func(w io.Writer) error {
		return json.NewEncoder(w).Encode(state{Inputs: digest, Workbook: stamp, Facts: *facts})
	})
	return ws.NoSpace(statePath, 0, err)
}

// inputsDigest hashes what the workbook depends on: the name, size and
// modification time of every record and annotation (stages rewrite a file
// only when it changes), the taxonomy, and the build (a new build may write
// the workbook differently). Nothing is read but directories and the
// executable's headers.
func inputsDigest(ws *corpus.Workspace, tx *analysis.Taxonomy) (string, error) {
	h := sha256.New()
	fmt.Fprintf(h, "taxonomy %s\nbuild %s\n", tx.Hash(), buildID())
	for _, dir := range []string{corpus.RecordsDir, corpus.AnnotationsDir} {
		entries, err := os.ReadDir(ws.Path(dir))
		if err != nil {
			return "", err
		}
		for _, e := range entries {
			if strings.HasPrefix(e.Name(), ".") {
				continue
			}
			info, err := e.Info()
			if err != nil {
				return "", err
			}
			fmt.Fprintf(h, "%s/%s %d %d\n", dir, e.Name(), info.Size(), info.ModTime().UnixNano())
		}
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}
