package pipeline

import (
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/scdebate/scdebate/analysis"
	"github.com/scdebate/scdebate/corpus"
	"github.com/scdebate/scdebate/corpus/sample"
)

// testCoder codes with the built-in taxonomy alone.
func testCoder(t testing.TB) *analysis.Coder {
	t.Helper()
	tx, err := analysis.DefaultTaxonomy()
	if err != nil {
		t.Fatal(err)
	}
	c, err := analysis.NewCoder(tx, nil)
	if err != nil {
		t.Fatal(err)
	}
	return c.WithModel(nil)
}

// runOn runs the pipeline on the workspace at dir, holding its lock, and
// records the stages it was told about.
func runOn(t *testing.T, dir string, opts Options) (*Summary, []string, error) {
	t.Helper()
	ws, err := corpus.OpenWorkspace(dir)
	if err != nil {
		t.Fatal(err)
	}
	lk, err := ws.Lock()
	if err != nil {
		t.Fatal(err)
	}
	defer lk.Unlock()
	var events []string
	opts.Coder = testCoder(t)
	opts.Analyze.SkipKeyPhrases = true
	opts.OnStart = func(s Stage) { events = append(events, "start "+s.String()) }
	opts.OnDone = func(s Stage, _ *Summary, _ time.Duration) { events = append(events, "done "+s.String()) }
	sum, err := Run(context.Background(), lk, opts)
	return sum, events, err
}

// TestRunSample runs the stages in order on the embedded sample, then
// again with nothing new: every stage skips everything.
func TestRunSample(t *testing.T) {
	authored, err := sample.Records()
	if err != nil {
		t.Fatal(err)
	}
	n := len(authored)
	dir := filepath.Join(t.TempDir(), "ws")
	first, events, err := runOn(t, dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"start ingest", "done ingest", "start analyze", "done analyze", "start index", "done index", "start report", "done report"}
	if !slices.Equal(events, want) {
		t.Errorf("events %q, want %q", events, want)
	}
	if first.Input != InputSample || first.Records != n || first.Ingest.Written != n || first.Analysis.Written != n ||
		first.Index.Written != n || !first.WorkbookWritten || first.Facts == nil || first.Facts.Records != n || first.Facts.Documents == 0 || first.Facts.Coded == 0 || first.Failed() != 0 {
		t.Fatalf("first run: %+v", first)
	}
	if _, err := os.Stat(first.Workbook); err != nil {
		t.Fatal(err)
	}

	second, events, err := runOn(t, dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if second.Ingest.Unchanged != n || second.Analysis.Unchanged != n || second.Index.Unchanged != n || second.WorkbookWritten ||
		second.Facts == nil || second.Facts.Coded != first.Facts.Coded {
		t.Errorf("second run redid work: %+v", second)
	}
	if !slices.Equal(events, want) {
		t.Errorf("second run's events %q, want %q", events, want)
	}

	forced, _, err := runOn(t, dir, Options{Force: true})
	if err != nil {
		t.Fatal(err)
	}
	if forced.Analysis.Written != n || forced.Index.Written != n || !forced.WorkbookWritten {
		t.Errorf("forced run: %+v", forced)
	}
}

// TestRunWorkspaceRecords: without files, the records already in a
// workspace are the corpus, and ingestion does not start.
func TestRunWorkspaceRecords(t *testing.T) {
	dir := t.TempDir()
	ws, err := corpus.OpenWorkspace(dir)
	if err != nil {
		t.Fatal(err)
	}
	recs, err := sample.Records()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := ws.Records().Put(recs[0]); err != nil {
		t.Fatal(err)
	}
	sum, events, err := runOn(t, dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Input != InputWorkspace || sum.Records != 1 || sum.Ingest.Total != 0 || sum.Analysis.Written != 1 || events[0] != "done ingest" {
		t.Errorf("%+v, events %q", sum, events)
	}
	if _, err := os.Stat(ws.Path(corpus.RawDir, SampleDir)); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the sample was written into a workspace of other records (%v)", err)
	}
}

// TestRunStopsOnError: an error OnError returns stops the run in the
// stage it came from; the summary holds what was done.
func TestRunStopsOnError(t *testing.T) {
	in := t.TempDir()
	if err := os.WriteFile(filepath.Join(in, "empty.txt"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	stop := errors.New("stop")
	var items []string
	sum, events, err := runOn(t, t.TempDir(), Options{Corpus: []string{in}, OnError: func(item string, err error) error {
		items = append(items, item)
		return stop
	}})
	if !errors.Is(err, stop) || len(items) != 1 || !strings.HasSuffix(items[0], "empty.txt") || sum.Ingest.Failed != 1 {
		t.Errorf("Run = %v; reported %q; summary %+v", err, items, sum)
	}
	if !slices.Equal(events, []string{"start ingest"}) {
		t.Errorf("events %q: the run went on", events)
	}
}

// TestFactsOneVersionPerDocument: a document in two languages counts
// once, in the version the workbook uses.
func TestFactsOneVersionPerDocument(t *testing.T) {
	ws, err := corpus.OpenWorkspace(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	recs, err := sample.Records()
	if err != nil {
		t.Fatal(err)
	}
	en := *recs[0]
	fr := en
	fr.Language, fr.Source.SHA256 = "fr", "fr"+en.Source.SHA256
	fr.Speeches = fr.Speeches[:1]
	for _, r := range []*corpus.Record{&fr, &en} {
		if _, err := ws.Records().Put(r); err != nil {
			t.Fatal(err)
		}
	}
	facts, err := collectFacts(context.Background(), ws, testCoder(t).Taxonomy())
	if err != nil {
		t.Fatal(err)
	}
	if facts.Records != 2 || facts.Documents != 1 || facts.Languages["en"] != 1 || facts.Languages["fr"] != 1 || facts.Speeches != len(en.Speeches) {
		t.Errorf("facts %+v; want 2 records, 1 document of %d speeches (the English version)", facts, len(en.Speeches))
	}
}

// TestBuildID checks that the build the workbook's digest names is the Go
// build ID, which stays the same wherever go run links the binary.
func TestBuildID(t *testing.T) {
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("go", "tool", "buildid", exe).Output()
	if err != nil {
		t.Fatal(err)
	}
	if got, want := buildID(), strings.TrimSpace(string(out)); got != want {
		t.Errorf("buildID() = %q, want %q", got, want)
	}
}
