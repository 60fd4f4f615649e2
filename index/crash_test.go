package index

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/scdebate/scdebate/corpus"
	"github.com/scdebate/scdebate/index/indextest"
	"github.com/scdebate/scdebate/ingest/layout"
)

// helperEnv makes the test binary run one index update of the workspace
// it names, as `scdebate index` does, instead of the tests: the crash test
// kills that process.
const helperEnv = "SCDEBATE_INDEX_UPDATE_HELPER"

func TestMain(m *testing.M) {
	// The test binary is also the PDF extraction worker of the real
	// fixtures' ingestion, as the scdebate binary is.
	if len(os.Args) > 1 && os.Args[1] == layout.WorkerCommand {
		if err := layout.ServeWorker(context.Background(), os.Stdin, os.Stdout); err != nil {
			os.Exit(1)
		}
		os.Exit(0)
	}
	if dir := os.Getenv(helperEnv); dir != "" {
		os.Exit(runUpdateHelper(dir, os.Getenv(helperEnv+"_REBUILD") != ""))
	}
	os.Exit(m.Run())
}

func runUpdateHelper(dir string, rebuild bool) int {
	ws := &corpus.Workspace{Dir: dir}
	lk, err := ws.Lock()
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	defer lk.Unlock()
	if _, err := Update(context.Background(), lk, Options{Rebuild: rebuild, BatchSize: 50}); err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	return 0
}

// TestKilledUpdateRecovers kills `index` updates with SIGKILL at points
// spread over their run and checks that the index always answers with the
// complete old or the complete new state, that the stale lock is taken
// over, and that the next update completes.
func TestKilledUpdateRecovers(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: kills updates at random points")
	}
	docs := indextest.Generate(indextest.Options{Seed: 17, Paragraphs: 3000})
	ws := buildWorkspace(t, docs)
	before := countPassages(docs)

	// Change a third of the records so that the update has work to do.
	for i := 0; i < len(docs); i += 3 {
		d := docs[i]
		d.Record.Speeches = append(d.Record.Speeches, corpus.Speech{Seq: 999, Speaker: "Mr. Late", CountryCode: "NZL",
			Paragraphs: []corpus.Paragraph{{N: 1, Page: 1, Text: "A late addition on penholdership."}}})
		if _, err := ws.Records().Put(d.Record); err != nil {
			t.Fatal(err)
		}
	}
	after := countPassages(docs)

	// How long does an update take here?
	start := time.Now()
	if err := runHelper(t, ws.Dir, true, 0); err != nil {
		t.Fatalf("helper: %v", err)
	}
	full := time.Since(start)
	if err := os.WriteFile(filepath.Join(ws.Dir, "records", "zz-extra.en.json"), []byte(`{"symbol":"A/1/PV.9","language":"en","speeches":[{"seq":1,"paragraphs":[{"n":1,"text":"Extra."}]}]}`), 0o644); err != nil {
		t.Fatal(err)
	}
	after++

	ix := openIndex(t, ws)
	for i, frac := range []float64{0.05, 0.2, 0.35, 0.5, 0.65, 0.8, 0.95} {
		rebuild := i%2 == 0
		if err := runHelper(t, ws.Dir, rebuild, time.Duration(frac*float64(full))); err != nil {
			t.Logf("kill at %.0f%%: %v", frac*100, err)
		}
		if err := ix.Refresh(); err != nil {
			t.Fatalf("after kill at %.0f%%: %v", frac*100, err)
		}
		res, err := ix.Search(context.Background(), &Request{})
		if err != nil {
			t.Fatalf("after kill at %.0f%%: %v", frac*100, err)
		}
		if n := int(res.Total); n != before && n != after && n != after-1 {
			t.Errorf("after kill at %.0f%%: %d passages, want the old %d or the new %d/%d", frac*100, n, before, after-1, after)
		}
	}

	// The next run (taking over the stale lock) completes.
	if err := runHelper(t, ws.Dir, false, 0); err != nil {
		t.Fatalf("update after the kills: %v", err)
	}
	if err := ix.Refresh(); err != nil {
		t.Fatal(err)
	}
	res, err := ix.Search(context.Background(), &Request{})
	if err != nil {
		t.Fatal(err)
	}
	if int(res.Total) != after {
		t.Errorf("after recovery: %d passages, want %d", res.Total, after)
	}
	if res, _ := ix.Search(context.Background(), &Request{Query: "late addition"}); res == nil || int(res.Total) != (len(docs)+2)/3 {
		t.Errorf("after recovery the changed records are not all indexed")
	}
	gens, err := generations(ws.Path(corpus.IndexDir))
	if err != nil {
		t.Fatal(err)
	}
	if len(gens) > 2 {
		t.Errorf("generations left: %v, want the current and the previous", gens)
	}
}

// runHelper runs one update in a child process; with kill > 0 the child
// is killed with SIGKILL after that long.
func runHelper(t *testing.T, dir string, rebuild bool, kill time.Duration) error {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), helperEnv+"="+dir)
	if rebuild {
		cmd.Env = append(cmd.Env, helperEnv+"_REBUILD=1")
	}
	var stderr strings.Builder
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	if kill > 0 {
		timer := time.AfterFunc(kill, func() { cmd.Process.Signal(syscall.SIGKILL) })
		defer timer.Stop()
	}
	if err := cmd.Wait(); err != nil {
		return fmt.Errorf("%v: %s", err, stderr.String())
	}
	return nil
}
