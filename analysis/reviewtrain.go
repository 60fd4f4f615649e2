package analysis

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/scdebate/scdebate/corpus"
)

// ReviewExamples returns the workspace's reviews as training examples:
// each reviewed paragraph, read in its speech as analyze reads it, labelled
// with the themes its review left (Review.Themes), one group per record.
// A review that does not apply as it stands (stale, naming a theme tx does
// not have, its passage gone) is left out and returned among the problems.
// digest identifies the examples ("" when there are none). ctx is checked
// between records.
func ReviewExamples(ctx context.Context, ws *corpus.Workspace, tx *Taxonomy) (examples []Example, problems []ReviewProblem, digest string, err error) {
	states, err := ListReviews(ctx, ws, ReviewFilter{Taxonomy: tx})
	if err != nil {
		return nil, nil, "", err
	}
	recs := map[string]*corpus.Record{}
	h := sha256.New()
	for _, st := range states {
		if len(st.Problems) > 0 {
			problems = append(problems, st.Problems...)
			continue
		}
		key, seq, n, err := corpus.ParsePassageID(st.Passage)
		if err != nil {
			continue
		}
		rec := recs[key]
		if rec == nil {
			if rec, err = corpus.Load(ctx, ws.Path(corpus.RecordsDir, key+".json")); err != nil {
				return nil, nil, "", err
			}
			recs[key] = rec
		}
		themes := slices.Clone(st.Themes)
		examples = append(examples, Example{Lang: recordLanguage(rec), Record: rec, Seq: seq, N: n, Themes: themes, Group: "review " + key})
		fmt.Fprintf(h, "%s\x00%s\x00%q\n", st.Passage, st.TextDigest, themes)
	}
	if len(examples) > 0 {
		digest = hex.EncodeToString(h.Sum(nil)[:12])
	}
	return examples, problems, digest, nil
}

// WorkspaceTraining says what TrainWorkspace trains a workspace's model
// on. The zero value trains on the project's written sets (BaseExamples)
// and the workspace's reviews.
type WorkspaceTraining struct {
	// Data are files of labelled passages (ReadExamples) to learn from
	// too; the model remembers them, so that it can be trained again.
	Data []string
	// NoBase leaves out the project's written sets.
	NoBase bool
	// NoReviews leaves out the workspace's reviews.
	NoReviews bool
	// Again trains the workspace's model again on what it was trained on
	// (its Data and NoBase) with the reviews as they are now — and only
	// when they changed since, or the workspace has no model of its own.
	Again   bool
	Options TrainOptions
}

// WorkspaceTrainResult is what TrainWorkspace did.
type WorkspaceTrainResult struct {
	// Model is the workspace's model, trained or (with Again and nothing
	// new) as it was.
	Model   *Model
	Trained bool
	// Path is where the model is.
	Path string
	// Reviews counts the reviews learned from; Problems are the reviews
	// left out.
	Reviews  int
	Problems []ReviewProblem
}

// TrainWorkspace trains the learned layer on the project's written sets,
// the given data files and the workspace's reviews (see
// WorkspaceTraining), with c's taxonomy, and writes it to the ModelFile of
// the workspace locked by lk, which analyze then uses.
func TrainWorkspace(ctx context.Context, c *Coder, lk *corpus.Lock, wt WorkspaceTraining) (WorkspaceTrainResult, error) {
	ws := lk.Workspace()
	res := WorkspaceTrainResult{Path: ModelFile(ws)}
	var (
		current *Model
		err     error
	)
	if wt.Again {
		if current, err = WorkspaceModel(ws); err != nil {
			return res, fmt.Errorf("workspace model: %w", err)
		}
		if current != nil {
			wt.Data, wt.NoBase = current.Data, current.NoBase
		}
	}
	var reviews []Example
	digest := ""
	if !wt.NoReviews {
		if reviews, res.Problems, digest, err = ReviewExamples(ctx, ws, c.tx); err != nil {
			return res, err
		}
	}
	res.Reviews = len(reviews)
	if wt.Again && (current != nil && current.ReviewDigest == digest || current == nil && digest == "") {
		res.Model = current
		return res, nil
	}
	var examples []Example
	if !wt.NoBase {
		base, err := BaseExamples()
		if err != nil {
			return res, err
		}
		examples = append(examples, base...)
	}
	var data []string
	for _, path := range wt.Data {
		exs, abs, err := readExamplesFile(path)
		if err != nil {
			return res, err
		}
		examples = append(examples, exs...)
		data = append(data, abs)
	}
	examples = append(examples, reviews...)
	if len(examples) == 0 {
		return res, errors.New("train: no examples: no data files, no reviews, and the project's written sets left out")
	}
	if wt.Options.Previous == nil {
		wt.Options.Previous = previousModel(ws, current)
	}
	m, err := Train(ctx, c, examples, wt.Options)
	if err != nil {
		return res, err
	}
	m.Data, m.NoBase, m.Reviews, m.ReviewDigest = data, wt.NoBase, len(reviews), digest
	if err := SaveModel(res.Path, m); err != nil {
		return res, err
	}
	res.Model, res.Trained = m, true
	return res, nil
}

// previousModel is the model a new one of the workspace replaces, whose
// thresholds it keeps while they do as well: the workspace's own when it
// has one that reads, else the embedded model.
func previousModel(ws *corpus.Workspace, current *Model) *Model {
	if current != nil {
		return current
	}
	if m, err := WorkspaceModel(ws); err == nil && m != nil {
		return m
	}
	if m, err := DefaultModel(); err == nil {
		return m
	}
	return nil
}

// readExamplesFile reads a file of labelled passages, and returns its
// absolute path for the model to remember.
func readExamplesFile(path string) ([]Example, string, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, "", err
	}
	f, err := os.Open(abs)
	if errors.Is(err, os.ErrNotExist) {
		return nil, "", fmt.Errorf("training data %s: the file is gone; train again with scdebate train --data naming the files to learn from", path)
	}
	if err != nil {
		return nil, "", err
	}
	defer f.Close()
	exs, err := ReadExamples(path, f)
	if err != nil {
		return nil, "", err
	}
	return exs, abs, nil
}

// TrainedOn says what a model was trained on: "the project's written
// sets, my-labels.yaml, 120 reviews".
func (m *Model) TrainedOn() string {
	var parts []string
	if !m.NoBase {
		parts = append(parts, "the project's written sets")
	}
	parts = append(parts, m.Data...)
	if m.Reviews > 0 {
		parts = append(parts, fmt.Sprintf("%d reviews", m.Reviews))
	}
	return strings.Join(parts, ", ")
}
