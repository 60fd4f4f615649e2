package ingest

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/scdebate/scdebate/corpus"
)

// TestIngestKilled kills a real ingestion (this test binary in a child
// process) with SIGKILL at random points, then checks that every record
// under its final name is whole, that the next run takes over the stale
// lock and completes, and that nothing stored before is lost.
func TestIngestKilled(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: kills ingest at random points")
	}
	in := t.TempDir()
	base := string(readFixture(t, "modern.txt"))
	// Long speeches make each document take a while.
	long := strings.Repeat("We call for an analytical and substantive report of the Council, not a list of meetings.\n", 200)
	base = strings.Replace(base, "report, not a list of meetings.\n", "report, not a list of meetings.\n"+long, 1)
	const docs = 60
	for i := 1; i <= docs; i++ {
		text := strings.ReplaceAll(base, "A/77/PV.12", fmt.Sprintf("A/77/PV.%d", 100+i))
		writeFile(t, in, fmt.Sprintf("r%03d.txt", i), []byte(text))
	}
	dir := t.TempDir()
	self, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	child := func() *exec.Cmd {
		cmd := exec.Command(self, in)
		cmd.Env = append(os.Environ(), ingestChildEnv+"="+dir)
		return cmd
	}
	rng := rand.New(rand.NewPCG(7, 9))
	stored := map[string]string{}
	for round := 0; round < 4; round++ {
		cmd := child()
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(time.Duration(100+rng.IntN(800)) * time.Millisecond)
		cmd.Process.Kill()
		cmd.Wait()
		// Every record under its final name is whole, and those stored in
		// earlier rounds are unchanged.
		entries, err := os.ReadDir(filepath.Join(dir, corpus.RecordsDir))
		if os.IsNotExist(err) {
			continue // killed before the workspace was made
		}
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range entries {
			if strings.HasPrefix(e.Name(), ".") {
				continue // a temporary file the killed writer left
			}
			b, err := os.ReadFile(filepath.Join(dir, corpus.RecordsDir, e.Name()))
			if err != nil {
				t.Fatal(err)
			}
			var rec corpus.Record
			if err := json.Unmarshal(b, &rec); err != nil {
				t.Fatalf("round %d: %s is not a whole record: %v", round, e.Name(), err)
			}
			if prev, ok := stored[e.Name()]; ok && prev != string(b) {
				t.Errorf("round %d: %s changed", round, e.Name())
			}
			stored[e.Name()] = string(b)
		}
	}
	out, err := child().CombinedOutput()
	if err != nil {
		t.Fatalf("run after the kills: %v: %s", err, out)
	}
	ws := &corpus.Workspace{Dir: dir}
	paths, err := ws.Records().List()
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%d records whole through 4 kills; last run: %s", len(stored), strings.TrimSpace(string(out)))
	if len(paths) != docs {
		t.Errorf("%d records after the last run, want %d (%s)", len(paths), docs, out)
	}
	if _, err := os.Stat(ws.Path("lock")); !os.IsNotExist(err) {
		t.Errorf("the lock is still held after the run: %v", err)
	}
}
