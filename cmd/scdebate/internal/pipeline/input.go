package pipeline

import (
	"bytes"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/scdebate/scdebate/corpus"
	"github.com/scdebate/scdebate/corpus/sample"
)

// Input says where a run's records came from.
type Input string

// Inputs of a run.
const (
	// InputCorpus: the files given (Options.Corpus).
	InputCorpus Input = "corpus"
	// InputWorkspace: the records already in the workspace.
	InputWorkspace Input = "workspace"
	// InputSample: the embedded sample, in a new workspace or one started
	// from it.
	InputSample Input = "sample"
)

// SampleDir (under the workspace's raw/) holds the embedded sample's text
// files; its presence marks a workspace started from the sample.
const SampleDir = "sample"

// chooseInput decides what the run ingests: the paths given; else, in a
// new workspace or one started from the sample, the embedded sample
// (written under raw/sample, where the records' source paths will point);
// else nothing — the records already in the workspace are the corpus.
func chooseInput(ws *corpus.Workspace, given []string) (paths []string, input Input, err error) {
	if len(given) > 0 {
		return given, InputCorpus, nil
	}
	dir := ws.Path(corpus.RawDir, SampleDir)
	if _, err := os.Stat(dir); errors.Is(err, fs.ErrNotExist) {
		recs, err := ws.Records().List()
		if err != nil {
			return nil, "", err
		}
		if len(recs) > 0 {
			return nil, InputWorkspace, nil
		}
	}
	if err := writeSample(dir); err != nil {
		return nil, "", ws.NoSpace(dir, 0, err)
	}
	return []string{dir}, InputSample, nil
}

// writeSample writes the embedded sample's files into dir, leaving those
// already there with the same content untouched.
func writeSample(dir string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	return fs.WalkDir(sample.Files(), ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(sample.Files(), name)
		if err != nil {
			return err
		}
		path := filepath.Join(dir, filepath.FromSlash(name))
		if old, err := os.ReadFile(path); err == nil && bytes.Equal(old, data) {
			return nil
		}
		return corpus.WriteFileAtomic(path, func(w io.Writer) error {
			_, err := w.Write(data)
			return err
		})
	})
}
