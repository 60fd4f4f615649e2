package analysis

import (
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/scdebate/scdebate/corpus"
)

// testWorkspace copies the hand-built records of testdata/records (two good
// records, one broken file) into a fresh workspace.
func testWorkspace(t testing.TB) *corpus.Workspace {
	t.Helper()
	ws, err := corpus.OpenWorkspace(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	paths, _ := filepath.Glob(filepath.Join("testdata", "records", "*.json"))
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(ws.Path(corpus.RecordsDir, filepath.Base(p)), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return ws
}

func TestAnalyzeWorkspace(t *testing.T) {
	c := newTestCoder(t)
	ws := testWorkspace(t)
	var failed []string
	var progress int
	opts := AnalyzeOptions{
		Workers: 2,
		OnError: func(path string, err error) error {
			failed = append(failed, filepath.Base(path)+": "+err.Error())
			return nil
		},
		OnProgress: func(corpus.Progress) { progress++ },
	}
	res, err := c.AnalyzeWorkspace(t.Context(), locked(t, ws), opts)
	if err != nil {
		t.Fatal(err)
	}
	if res != (AnalyzeResult{Result: corpus.Result{Total: 3, Written: 2, Failed: 1}}) || progress != 3 {
		t.Errorf("first run: %+v, %d progress calls", res, progress)
	}
	if len(failed) != 1 || !strings.Contains(failed[0], "A_77_PV.1.en.json") {
		t.Errorf("failures reported: %v", failed)
	}
	ann, err := ReadAnnotation(ws, "7501", c.Taxonomy().Hash())
	if err != nil {
		t.Fatal(err)
	}
	if ann.Symbol != "A/75/PV.12" || len(ann.Speeches) != 4 || len(ann.KeyPhrases) == 0 {
		t.Errorf("annotation: symbol %q, %d speeches, %d key phrases", ann.Symbol, len(ann.Speeches), len(ann.KeyPhrases))
	}

	res, err = c.AnalyzeWorkspace(t.Context(), locked(t, ws), opts)
	if err != nil || res != (AnalyzeResult{Result: corpus.Result{Total: 3, Unchanged: 2, Failed: 1}}) {
		t.Errorf("second run: %+v, %v", res, err)
	}

	// A re-parsed record (same source, new content) is analysed again.
	p := ws.Path(corpus.RecordsDir, "A_76_PV.40.en.json")
	b, _ := os.ReadFile(p)
	os.WriteFile(p, []byte(strings.Replace(string(b), "more analytical", "more analytical and timely", 1)), 0o644)
	res, err = c.AnalyzeWorkspace(t.Context(), locked(t, ws), opts)
	if err != nil || res.Written != 1 || res.Unchanged != 1 {
		t.Errorf("after an edit: %+v, %v", res, err)
	}

	res, err = c.AnalyzeWorkspace(t.Context(), locked(t, ws), AnalyzeOptions{Force: true, SkipKeyPhrases: true})
	if err != nil || res.Written != 2 {
		t.Errorf("forced: %+v, %v", res, err)
	}
}

// TestAnalyzeUpToDateWithoutReading: a run with nothing new tells records
// up to date from their files' stamps, without reading them; a record or an
// annotation replaced, or other settings, are checked again.
func TestAnalyzeUpToDateWithoutReading(t *testing.T) {
	c := newTestCoder(t)
	ws := testWorkspace(t)
	opts := AnalyzeOptions{Workers: 2}
	run := func(want AnalyzeResult, opts AnalyzeOptions) {
		t.Helper()
		res, err := c.AnalyzeWorkspace(t.Context(), locked(t, ws), opts)
		if err != nil || res != want {
			t.Errorf("%+v, %v; want %+v", res, err, want)
		}
	}
	run(AnalyzeResult{Result: corpus.Result{Total: 3, Written: 2, Failed: 1}}, opts)

	// A record overwritten in place with bytes of the same size, its
	// modification time put back, is not read: its stamp is unchanged.
	p := ws.Path(corpus.RecordsDir, "A_76_PV.40.en.json")
	fi, err := os.Stat(p)
	if err != nil {
		t.Fatal(err)
	}
	f, err := os.OpenFile(p, os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	f.Write([]byte(strings.Repeat("x", int(fi.Size()))))
	f.Close()
	os.Chtimes(p, fi.ModTime(), fi.ModTime())
	run(AnalyzeResult{Result: corpus.Result{Total: 3, Unchanged: 2, Failed: 1}}, opts)

	// A record replaced (written anew and renamed, as ingest does) is read.
	good, _ := os.ReadFile(filepath.Join("testdata", "records", "A_76_PV.40.en.json"))
	if err := corpus.WriteFileAtomic(p, func(w io.Writer) error { _, err := w.Write(good); return err }); err != nil {
		t.Fatal(err)
	}
	run(AnalyzeResult{Result: corpus.Result{Total: 3, Unchanged: 2, Failed: 1}}, opts)

	// An annotation removed is made again.
	ann, _ := filepath.Glob(ws.Path(corpus.AnnotationsDir, "7501.*.json"))
	if len(ann) != 1 {
		t.Fatalf("annotations of 7501: %v", ann)
	}
	os.Remove(ann[0])
	run(AnalyzeResult{Result: corpus.Result{Total: 3, Written: 1, Unchanged: 1, Failed: 1}}, opts)

	// Other settings check every record again.
	run(AnalyzeResult{Result: corpus.Result{Total: 3, Written: 2, Failed: 1}}, AnalyzeOptions{SkipKeyPhrases: true})
	run(AnalyzeResult{Result: corpus.Result{Total: 3, Unchanged: 2, Failed: 1}}, AnalyzeOptions{SkipKeyPhrases: true})
}

// locked returns the lock of ws, taken the first time a test asks for it
// and released when that test ends: the stages that write take the lock
// as a parameter, and a test calls them again and again.
func locked(t testing.TB, ws *corpus.Workspace) *corpus.Lock {
	t.Helper()
	if lk, ok := testLocks.Load(ws.Dir); ok {
		return lk.(*corpus.Lock)
	}
	lk, err := ws.Lock()
	if err != nil {
		t.Fatal(err)
	}
	testLocks.Store(ws.Dir, lk)
	t.Cleanup(func() {
		testLocks.Delete(ws.Dir)
		lk.Unlock()
	})
	return lk
}

var testLocks sync.Map // workspace directory → *corpus.Lock

func TestAnalyzeWorkspaceStoppedAndCancelled(t *testing.T) {
	c := newTestCoder(t)
	ws := testWorkspace(t)
	stop := errors.New("stop")
	res, err := c.AnalyzeWorkspace(t.Context(), locked(t, ws), AnalyzeOptions{
		SkipKeyPhrases: true,
		OnError:        func(string, error) error { return stop },
	})
	if !errors.Is(err, stop) || res.Failed != 1 {
		t.Errorf("stopped by OnError: %+v, %v", res, err)
	}
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	res, err = c.AnalyzeWorkspace(ctx, locked(t, ws), AnalyzeOptions{SkipKeyPhrases: true})
	if !errors.Is(err, context.Canceled) || res.Written != 0 || res.Failed != 0 {
		t.Errorf("cancelled: %+v, %v", res, err)
	}
}
