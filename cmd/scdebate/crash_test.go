package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/scdebate/scdebate/analysis"
	"github.com/scdebate/scdebate/corpus"
	"github.com/scdebate/scdebate/corpus/fixtures"
	"github.com/scdebate/scdebate/index"
	"github.com/scdebate/scdebate/ingest/layout"
)

// crashSeed fixes the kill points, so that a failure can be replayed.
const crashSeed = 9

// crashInputs are the documents the crash test ingests: the real PDFs,
// the seed letter and the sample text records.
func crashInputs(t *testing.T) []string {
	return []string{
		filepath.Join(fixtures.SharedDir(t), "corpus", "real"),
		filepath.Join(fixtures.SharedDir(t), "seed"),
		filepath.Join("..", "..", "corpus", "sample", "records"),
	}
}

// crashBase is a workspace built by uninterrupted runs, what every
// interrupted run must end up equal to once run again.
type crashBase struct {
	dir      string // the complete workspace: records, annotations, index
	half     string // the same with an index of only half the records
	workbook string // a workbook written from dir
	records  map[string][]byte
	notes    map[string][]byte // annotations
	passages int               // passages the records make
	took     map[string]time.Duration
}

// TestCrashRecovery kills ingest, analyze, index and report with SIGKILL at
// seeded random points, then checks the workspace as the kill left it and
// after the same command is run again: no half-written record, annotation,
// index or workbook under its final name, nothing that was there before
// lost or changed, the stale lock taken over, no temporary files left, and
// the end state that of an uninterrupted run.
func TestCrashRecovery(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: kills every stage at random points")
	}
	b := buildCrashBase(t)
	trials := 5
	if raceEnabled {
		trials = 2
	}
	rng := rand.New(rand.NewPCG(crashSeed, 0))
	inputs := crashInputs(t)
	type stage struct {
		name    string
		prepare func(t *testing.T, ws string)
		args    func(trial int, ws, out string) []string
		// writes is the hidden name a temporary file of the stage's
		// output starts with.
		writes func(ws, out string) string
	}
	stages := []stage{
		{"ingest", func(t *testing.T, ws string) {
			copyDir(t, b.dir, ws)
			// Half the corpus is there before the run.
			for i, name := range sortedKeys(b.records) {
				if i%2 == 0 {
					must(t, os.Remove(filepath.Join(ws, corpus.RecordsDir, name)))
				}
			}
		}, func(_ int, ws, _ string) []string {
			return append([]string{"ingest", "--workspace", ws, "--workers", "2"}, inputs...)
		}, func(ws, _ string) string { return filepath.Join(ws, corpus.RecordsDir, ".A_79_PV.29.en.json") }},
		{"analyze", func(t *testing.T, ws string) {
			copyDir(t, b.dir, ws)
			for i, name := range sortedKeys(b.notes) {
				if i%2 == 0 {
					must(t, os.Remove(filepath.Join(ws, corpus.AnnotationsDir, name)))
				}
			}
		}, func(_ int, ws, _ string) []string {
			return []string{"analyze", "--workspace", ws, "--workers", "2", "--no-phrases"}
		}, func(ws, _ string) string { return filepath.Join(ws, corpus.AnnotationsDir, ".0123.4567.json") }},
		{"index", func(t *testing.T, ws string) { copyDir(t, b.half, ws) }, func(trial int, ws, _ string) []string {
			if trial%2 == 1 {
				return []string{"index", "--workspace", ws, "--rebuild"}
			}
			return []string{"index", "--workspace", ws}
		}, func(ws, _ string) string { return filepath.Join(ws, corpus.IndexDir, ".CURRENT") }},
		{"report", func(t *testing.T, ws string) { copyDir(t, b.dir, ws) }, func(_ int, ws, out string) []string {
			return []string{"report", "--workspace", ws, "--out", out}
		}, func(_, out string) string { return filepath.Join(filepath.Dir(out), "."+filepath.Base(out)) }},
	}
	for _, st := range stages {
		t.Run(st.name, func(t *testing.T) {
			// The kill points spread over the time the run takes from the
			// trial's starting state, measured once.
			dir := t.TempDir()
			ws, out := filepath.Join(dir, "ws"), filepath.Join(dir, "followup.xlsx")
			st.prepare(t, ws)
			r := runBinary(t, nil, st.args(0, ws, out)...)
			if r.code != 0 {
				t.Fatal(r)
			}
			span := r.elapsed
			killed, tried := 0, 0
			for ; killed < trials && tried < 4*trials; tried++ {
				delay := 5*time.Millisecond + time.Duration(rng.Float64()*float64(span))
				dir := t.TempDir()
				ws, out := filepath.Join(dir, "ws"), filepath.Join(dir, "followup.xlsx")
				st.prepare(t, ws)
				copyFile(t, b.workbook, out)
				before := captureState(t, ws, out)
				args := st.args(tried, ws, out)
				mid := killDuring(t, delay, args...)
				if mid {
					killed++
				} else {
					span = span * 3 / 4 // the run was faster this time
				}
				after := captureState(t, ws, out)
				checkAfterKill(t, b, before, after)
				leftByKill := len(tempFiles(t, dir))
				// A temporary file of a writer killed mid-write, planted
				// where this stage writes, so that its removal is checked
				// on every trial and not only when a kill lands mid-write.
				must(t, os.WriteFile(st.writes(ws, out)+fmt.Sprintf(".tmp-%d-1", deadPID(t)), []byte("{"), 0o644))

				r := runBinary(t, nil, args...)
				if r.code != 0 || r.panicked() {
					t.Fatalf("run after a kill at %v:\n%s", delay, r)
				}
				checkComplete(t, b, ws, out)
				t.Logf("scdebate %s: kill at %v (mid-run: %v, temporary files left: %d); the next run took %v",
					args[0], delay.Round(time.Millisecond), mid, leftByKill, r.elapsed.Round(time.Millisecond))
			}
			if killed < trials {
				t.Errorf("only %d of %d kills landed mid-run", killed, tried)
			}
			t.Logf("%s (uninterrupted: %v): %d kill points, %d of them mid-run; all recovered", st.name, r.elapsed.Round(time.Millisecond), tried, killed)
		})
	}
}

// buildCrashBase runs the stages once, uninterrupted, and times them.
func buildCrashBase(t *testing.T) *crashBase {
	dir := t.TempDir()
	b := &crashBase{dir: filepath.Join(dir, "ws"), half: filepath.Join(dir, "half"), workbook: filepath.Join(dir, "base.xlsx"), took: map[string]time.Duration{}}
	steps := []struct {
		stage string
		args  []string
	}{
		{"ingest", append([]string{"ingest", "--workspace", b.dir, "--workers", "2"}, crashInputs(t)...)},
		{"analyze", []string{"analyze", "--workspace", b.dir, "--workers", "2", "--no-phrases"}},
		{"index", []string{"index", "--workspace", b.dir}},
		{"report", []string{"report", "--workspace", b.dir, "--out", b.workbook}},
	}
	for _, s := range steps {
		r := runBinary(t, nil, s.args...)
		if r.code != 0 {
			t.Fatal(r)
		}
		b.took[s.stage] = r.elapsed
	}
	b.records = readJSONDir(t, filepath.Join(b.dir, corpus.RecordsDir), decodeRecord)
	b.notes = readJSONDir(t, filepath.Join(b.dir, corpus.AnnotationsDir), decodeAnnotation)
	if len(b.records) < 10 || len(b.notes) != len(b.records) {
		t.Fatalf("base workspace: %d records, %d annotations", len(b.records), len(b.notes))
	}
	for _, data := range b.records {
		rec, err := decodeRecord(data)
		if err != nil {
			t.Fatal(err)
		}
		b.passages += len(index.Passages(index.RecordKey(rec), rec, nil))
	}

	// The index stage starts from an index of half the records.
	copyDir(t, b.dir, b.half)
	must(t, os.RemoveAll(filepath.Join(b.half, corpus.IndexDir)))
	aside := filepath.Join(dir, "aside")
	must(t, os.Mkdir(aside, 0o755))
	for i, name := range sortedKeys(b.records) {
		if i%2 == 0 {
			must(t, os.Rename(filepath.Join(b.half, corpus.RecordsDir, name), filepath.Join(aside, name)))
		}
	}
	if r := runBinary(t, nil, "index", "--workspace", b.half); r.code != 0 {
		t.Fatal(r)
	}
	for i, name := range sortedKeys(b.records) {
		if i%2 == 0 {
			must(t, os.Rename(filepath.Join(aside, name), filepath.Join(b.half, corpus.RecordsDir, name)))
		}
	}
	t.Logf("uninterrupted runs: %v; %d records, %d passages", b.took, len(b.records), b.passages)
	return b
}

// deadPID returns the pid of a process that has exited.
func deadPID(t *testing.T) int {
	t.Helper()
	gone := exec.Command("true")
	if err := gone.Run(); err != nil {
		t.Fatal(err)
	}
	return gone.Process.Pid
}

// killDuring starts the binary and sends it SIGKILL after delay, unless it
// has finished by then; it reports whether the kill came mid-run. The
// extraction workers the process started are killed with it.
func killDuring(t *testing.T, delay time.Duration, args ...string) bool {
	t.Helper()
	cmd := exec.Command(scdebateBinary(t), args...)
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	defer syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL)
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("scdebate %s failed before the kill: %v\n%s", strings.Join(args, " "), err, out.String())
		}
		return false
	case <-time.After(delay):
	}
	if err := cmd.Process.Signal(syscall.SIGKILL); errors.Is(err, os.ErrProcessDone) {
		<-done
		return false
	}
	err := <-done
	var ee *exec.ExitError
	if errors.As(err, &ee) {
		if ws, ok := ee.Sys().(syscall.WaitStatus); ok && ws.Signaled() {
			return true
		}
	}
	if err != nil {
		t.Fatalf("scdebate %s: %v\n%s", strings.Join(args, " "), err, out.String())
	}
	return false
}

// wsState is what a workspace and a workbook hold at one moment.
type wsState struct {
	records, notes map[string][]byte
	workbook       []byte
	indexRecords   int // records in the index in force; -1 without one
}

func captureState(t *testing.T, ws, workbook string) wsState {
	t.Helper()
	s := wsState{
		records:      readJSONDir(t, filepath.Join(ws, corpus.RecordsDir), decodeRecord),
		notes:        readJSONDir(t, filepath.Join(ws, corpus.AnnotationsDir), decodeAnnotation),
		indexRecords: -1,
	}
	if b, err := os.ReadFile(workbook); err == nil {
		checkWorkbook(t, workbook)
		s.workbook = b
	}
	if _, err := os.Stat(filepath.Join(ws, corpus.IndexDir, "CURRENT")); err == nil {
		s.indexRecords, _ = checkIndex(t, ws)
	}
	return s
}

// checkAfterKill compares the state a kill left with the one before: what
// was there is unchanged, what is new is complete (equal to what an
// uninterrupted run writes), the index in force is either the old or a
// new complete one, and the workbook either the old or a complete one.
func checkAfterKill(t *testing.T, b *crashBase, before, after wsState) {
	t.Helper()
	for _, kind := range []struct {
		name          string
		before, after map[string][]byte
		want          map[string][]byte
	}{
		{"record", before.records, after.records, b.records},
		{"annotation", before.notes, after.notes, b.notes},
	} {
		for name, data := range kind.before {
			if !bytes.Equal(kind.after[name], data) {
				t.Errorf("%s %s was lost or changed by the killed run", kind.name, name)
			}
		}
		for name, data := range kind.after {
			if !bytes.Equal(kind.want[name], data) {
				t.Errorf("%s %s differs from an uninterrupted run's (%d bytes)", kind.name, name, len(data))
			}
		}
	}
	if before.indexRecords >= 0 && after.indexRecords != before.indexRecords && after.indexRecords != len(b.records) {
		t.Errorf("after the kill the index holds %d records, neither the %d before nor all %d", after.indexRecords, before.indexRecords, len(b.records))
	}
}

// checkComplete checks the end state of a run that followed a kill.
func checkComplete(t *testing.T, b *crashBase, ws, workbook string) {
	t.Helper()
	s := captureState(t, ws, workbook)
	for _, kind := range []struct {
		name      string
		got, want map[string][]byte
	}{{"records", s.records, b.records}, {"annotations", s.notes, b.notes}} {
		if !equalFiles(kind.got, kind.want) {
			t.Errorf("%s: %v, want those of an uninterrupted run %v", kind.name, sortedKeys(kind.got), sortedKeys(kind.want))
		}
	}
	if records, passages := checkIndex(t, ws); records != len(b.records) || passages != b.passages {
		t.Errorf("index: %d records, %d passages; want %d, %d", records, passages, len(b.records), b.passages)
	}
	if s.workbook == nil {
		t.Errorf("%s is gone", workbook)
	}
	for _, dir := range []string{ws, filepath.Dir(workbook)} {
		if left := tempFiles(t, dir); len(left) > 0 {
			t.Errorf("temporary files left after the next run: %v", left)
		}
	}
	gens, err := filepath.Glob(filepath.Join(ws, corpus.IndexDir, "gen-*"))
	if err != nil || len(gens) > 2 {
		t.Errorf("index generations left: %v", gens)
	}
}

// checkIndex opens the index in force as the search page does, checks that
// searches work and that it holds as many passages as it says, and returns
// its record and passage counts.
func checkIndex(t *testing.T, ws string) (records, passages int) {
	t.Helper()
	ix, err := index.Open(&corpus.Workspace{Dir: ws})
	if err != nil {
		t.Fatalf("open index: %v", err)
	}
	defer ix.Close()
	info, err := ix.Info()
	if err != nil {
		t.Fatalf("index info: %v", err)
	}
	all, err := ix.Search(context.Background(), &index.Request{})
	if err != nil {
		t.Fatalf("search: %v", err)
	}
	if int(all.Total) != info.Passages {
		t.Errorf("index %s: %d passages searchable, %d recorded", info.Generation, all.Total, info.Passages)
	}
	hits, err := ix.Search(context.Background(), &index.Request{Query: "Security Council", Size: 5, Highlight: true, Facets: true})
	if err != nil || hits.Total == 0 {
		t.Errorf("search \"Security Council\": %v hits, %v", hits, err)
	}
	return info.Records, info.Passages
}

func checkWorkbook(t *testing.T, path string) {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatalf("workbook %s does not open: %v", path, err)
	}
	defer f.Close()
	sheets := f.GetSheetList()
	if len(sheets) < 2 {
		t.Fatalf("workbook %s: sheets %v", path, sheets)
	}
	for _, sheet := range sheets {
		if _, err := f.GetRows(sheet); err != nil {
			t.Errorf("workbook %s, sheet %s: %v", path, sheet, err)
		}
	}
}

func decodeRecord(b []byte) (*corpus.Record, error) {
	var rec corpus.Record
	if err := json.Unmarshal(b, &rec); err != nil {
		return nil, err
	}
	if rec.Source.SHA256 == "" || len(rec.Speeches) == 0 {
		return nil, errors.New("record without source hash or speeches")
	}
	return &rec, nil
}

func decodeAnnotation(b []byte) (*analysis.Annotation, error) {
	var a analysis.Annotation
	if err := json.Unmarshal(b, &a); err != nil {
		return nil, err
	}
	if a.RecordSHA256 == "" || a.TaxonomyHash == "" {
		return nil, errors.New("annotation without its keys")
	}
	return &a, nil
}

// readJSONDir reads the JSON files of dir as a reader of the workspace
// sees them (hidden files aside), failing on any that does not decode.
func readJSONDir[T any](t *testing.T, dir string, decode func([]byte) (T, error)) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	entries, err := os.ReadDir(dir)
	if errors.Is(err, os.ErrNotExist) {
		return out
	}
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".") || !strings.HasSuffix(e.Name(), ".json") {
			continue
		}
		b, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		if _, err := decode(b); err != nil {
			t.Errorf("%s is damaged: %v", filepath.Join(dir, e.Name()), err)
		}
		out[e.Name()] = b
	}
	return out
}

// tempFiles lists WriteFileAtomic's temporary files under dir.
func tempFiles(t *testing.T, dir string) []string {
	t.Helper()
	var out []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if strings.Contains(d.Name(), ".tmp-") {
			out = append(out, p)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func equalFiles(a, b map[string][]byte) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if w, ok := b[k]; !ok || !bytes.Equal(v, w) {
			return false
		}
	}
	return true
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func copyFile(t *testing.T, from, to string) {
	t.Helper()
	in, err := os.Open(from)
	if err != nil {
		t.Fatal(err)
	}
	defer in.Close()
	out, err := os.Create(to)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := io.Copy(out, in); err != nil {
		t.Fatal(err)
	}
	must(t, out.Close())
}

// copyDir copies a directory tree of regular files.
func copyDir(t *testing.T, from, to string) {
	t.Helper()
	err := filepath.WalkDir(from, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(from, p)
		if err != nil {
			return err
		}
		if d.IsDir() {
			return os.MkdirAll(filepath.Join(to, rel), 0o755)
		}
		if !d.Type().IsRegular() {
			return fmt.Errorf("%s: not a regular file", p)
		}
		copyFile(t, p, filepath.Join(to, rel))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// TestKilledIngestTakesItsWorker kills ingest (SIGKILL, the parent only)
// while its extraction worker is stuck on a PDF that makes the PDF library
// loop: the worker, whose time limit only its parent enforced, must die
// with it rather than spin on.
func TestKilledIngestTakesItsWorker(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: kills ingest while its worker is stuck in a looping PDF")
	}
	cmd := exec.Command(scdebateBinary(t), "ingest", "--workspace", filepath.Join(t.TempDir(), "ws"), "--timeout", "10m",
		filepath.Join("testdata", "bad", "object-stream-loop.pdf"))
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL)
	var worker int
	waitFor(t, "the extraction worker", func() bool {
		worker = childWorker(cmd.Process.Pid)
		return worker > 0
	})
	cmd.Process.Kill()
	cmd.Wait()
	deadline := time.Now().Add(10 * time.Second)
	for syscall.Kill(worker, 0) == nil {
		if stat, _ := os.ReadFile(fmt.Sprintf("/proc/%d/stat", worker)); bytes.Contains(stat, []byte(") Z ")) {
			break // a zombie: dead, waiting for init to reap it
		}
		if time.Now().After(deadline) {
			t.Fatalf("worker %d still runs 10s after its parent was killed", worker)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// childWorker returns the pid of an extraction worker whose parent is
// parent, or 0.
func childWorker(parent int) int {
	procs, _ := filepath.Glob("/proc/[0-9]*/stat")
	for _, p := range procs {
		stat, err := os.ReadFile(p)
		if err != nil {
			continue
		}
		// pid (comm) state ppid ...
		end := bytes.LastIndexByte(stat, ')')
		fields := strings.Fields(string(stat[end+1:]))
		if len(fields) < 2 || fields[1] != strconv.Itoa(parent) {
			continue
		}
		dir := filepath.Dir(p)
		cmdline, _ := os.ReadFile(filepath.Join(dir, "cmdline"))
		if bytes.Contains(cmdline, []byte(layout.WorkerCommand)) {
			pid, _ := strconv.Atoi(filepath.Base(dir))
			return pid
		}
	}
	return 0
}
