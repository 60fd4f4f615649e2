package main

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/scdebate/scdebate/corpus"
)

// mountTmpfs mounts a file system of size bytes in memory on a new
// directory, so that a test can fill it. Mounting needs root: elsewhere
// the test is skipped, and TestUpdateStopsOnFailedWrite (package index)
// injects the failed write bleve reports instead.
func mountTmpfs(t *testing.T, size int64) string {
	t.Helper()
	if os.Geteuid() != 0 {
		t.Skip("filling a disk needs root to mount a tmpfs; package index's TestUpdateStopsOnFailedWrite injects the failure instead")
	}
	dir := t.TempDir()
	if out, err := exec.Command("mount", "-t", "tmpfs", "-o", fmt.Sprintf("size=%d", size), "tmpfs", dir).CombinedOutput(); err != nil {
		t.Skipf("cannot mount a tmpfs (%v: %s); package index's TestUpdateStopsOnFailedWrite injects the failure instead", err, out)
	}
	t.Cleanup(func() { exec.Command("umount", "-l", dir).Run() })
	return dir
}

// resize gives a mounted tmpfs another size.
func resize(t *testing.T, dir string, size int64) {
	t.Helper()
	if out, err := exec.Command("mount", "-o", fmt.Sprintf("remount,size=%d", size), dir).CombinedOutput(); err != nil {
		t.Fatalf("remount %s: %v: %s", dir, err, out)
	}
}

// checkNoSpace checks that a run on a full disk stopped with an error
// naming the workspace and the room needed, and no trace.
func checkNoSpace(t *testing.T, r binaryRun, ws string) {
	t.Helper()
	if r.code != exitError || r.panicked() || !strings.Contains(r.stderr, "no space left on the disk of workspace "+ws) || !strings.Contains(r.stderr, "make room and run again") {
		t.Fatalf("want exit %d and an error naming the workspace's full disk: %s", exitError, r)
	}
}

// TestIndexOnFullDisk rebuilds an index on a disk too small for it: the
// rebuild stops with an error naming the workspace and the room needed —
// bleve retried its failed merge for ever — leaves nothing of itself, and
// the index in force goes on answering; with room again, the rebuild
// completes.
func TestIndexOnFullDisk(t *testing.T) {
	if testing.Short() || raceEnabled {
		t.Skip("-short, -race: builds indexes with the binary on a small tmpfs")
	}
	base := filepath.Join(t.TempDir(), "ws")
	if r := runBinary(t, nil, "generate", "--out", base, "--sessions", "2", "--meetings", "3", "--speeches", "100"); r.code != 0 {
		t.Fatal(r)
	}
	if r := runBinary(t, nil, "index", "--workspace", base); r.code != 0 {
		t.Fatal(r)
	}
	before := runBinary(t, nil, "search", "--workspace", base, "veto")
	if before.code != 0 || !strings.Contains(before.stdout, "veto") {
		t.Fatal(before)
	}
	// Room for the workspace and its index, not for a second index.
	size := corpus.DirSize(base) + 2<<20
	mnt := mountTmpfs(t, size)
	ws := filepath.Join(mnt, "ws")
	copyDir(t, base, ws)
	current, err := os.ReadFile(filepath.Join(ws, corpus.IndexDir, "CURRENT"))
	if err != nil {
		t.Fatal(err)
	}

	r := runBinary(t, nil, "index", "--workspace", ws, "--rebuild")
	checkNoSpace(t, r, ws)
	t.Logf("rebuild on a %d MiB disk: %v, %s", size>>20, r.elapsed.Round(time.Millisecond), strings.TrimSpace(r.stderr[strings.LastIndex(r.stderr, "scdebate:"):]))
	if now, err := os.ReadFile(filepath.Join(ws, corpus.IndexDir, "CURRENT")); err != nil || string(now) != string(current) {
		t.Errorf("CURRENT is %q (%v), want %q", now, err, current)
	}
	if gens, _ := filepath.Glob(filepath.Join(ws, corpus.IndexDir, "gen-*")); len(gens) != 1 {
		t.Errorf("generations left: %v", gens)
	}
	took := regexp.MustCompile(`\([0-9.]+[µm]?s\)`)
	if after := runBinary(t, nil, "search", "--workspace", ws, "veto"); after.code != 0 || took.ReplaceAllString(after.stdout, "") != took.ReplaceAllString(before.stdout, "") {
		t.Errorf("the index in force answers otherwise after the failed rebuild: %s", after)
	}

	// A rebuild told to stop while the disk is full stops.
	cmd := exec.Command(scdebateBinary(t), "index", "--workspace", ws, "--rebuild")
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	time.Sleep(300 * time.Millisecond)
	sent := time.Now()
	signalled := cmd.Process.Signal(syscall.SIGTERM) == nil
	err = cmd.Wait()
	var ee *exec.ExitError
	if err != nil && !errors.As(err, &ee) {
		t.Fatal(err)
	}
	t.Logf("SIGTERM during a rebuild on the full disk (delivered: %v): exit %d %v after it", signalled, cmd.ProcessState.ExitCode(), time.Since(sent).Round(time.Millisecond))

	resize(t, mnt, 64<<20)
	if r := runBinary(t, nil, "index", "--workspace", ws, "--rebuild"); r.code != 0 {
		t.Fatalf("with room again: %s", r)
	}
}

// TestRunOnFullDisk runs the whole pipeline on the embedded sample on
// disks that fill up at each stage in turn: every run stops with an error
// naming the workspace, and a run once there is room completes what the
// others left.
func TestRunOnFullDisk(t *testing.T) {
	if testing.Short() || raceEnabled {
		t.Skip("-short, -race: runs the pipeline with the binary on small tmpfs disks")
	}
	mnt := mountTmpfs(t, 256<<10)
	ws := filepath.Join(mnt, "ws")
	for _, size := range []int64{256 << 10, 512 << 10, 1 << 20, 1536 << 10} {
		resize(t, mnt, size)
		r := runBinary(t, nil, "run", "--out", ws, "--no-phrases")
		if r.code == 0 {
			t.Logf("%d KiB: enough", size>>10)
			continue
		}
		checkNoSpace(t, r, ws)
		t.Logf("%d KiB: %v, %s", size>>10, r.elapsed.Round(time.Millisecond), strings.TrimSpace(r.stderr[strings.LastIndex(r.stderr, "scdebate:"):]))
	}
	resize(t, mnt, 64<<20)
	r := runBinary(t, nil, "run", "--out", ws, "--no-phrases")
	if r.code != 0 {
		t.Fatalf("with room again: %s", r)
	}
	if recs, err := (&corpus.Workspace{Dir: ws}).Records().List(); err != nil || len(recs) != 4 {
		t.Errorf("%d records (%v), want the sample's 4", len(recs), err)
	}
	if s := runBinary(t, nil, "search", "--workspace", ws, "veto"); s.code != 0 || !strings.Contains(s.stdout, "veto") {
		t.Errorf("search after the run: %s", s)
	}
}
