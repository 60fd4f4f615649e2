package main

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// TestWorkspaceLock runs writers against a workspace whose lock another
// scdebate process holds: each is refused with a one-line message naming
// the holder, readers go on, and once the holder is killed the next
// writer takes the stale lock over. Writers started together take turns.
func TestWorkspaceLock(t *testing.T) {
	ws := filepath.Join(t.TempDir(), "ws")
	samples := filepath.Join("..", "..", "corpus", "sample", "records")
	if r := runBinary(t, nil, "ingest", "--workspace", ws, samples); r.code != 0 {
		t.Fatal(r)
	}
	if r := runBinary(t, nil, "index", "--workspace", ws); r.code != 0 {
		t.Fatal(r)
	}

	// The holder: an ingest stuck on a PDF that makes the PDF library
	// loop, for as long as its time limit allows.
	cmd := exec.Command(scdebateBinary(t), "ingest", "--workspace", ws, "--timeout", "2m", filepath.Join("testdata", "bad", "object-stream-loop.pdf"))
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	var holderOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &holderOut, &holderOut
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL)
	holder := cmd.Process.Pid
	waitFor(t, "the holder to take the lock", func() bool {
		b, _ := os.ReadFile(filepath.Join(ws, "lock"))
		return strings.TrimSpace(string(b)) == strconv.Itoa(holder)
	})

	want := fmt.Sprintf("scdebate: workspace %s is in use by another scdebate process (pid %d); wait for it to finish\n", ws, holder)
	for _, args := range [][]string{
		{"ingest", "--workspace", ws, samples},
		{"analyze", "--workspace", ws, "--no-phrases"},
		{"index", "--workspace", ws},
	} {
		r := runBinary(t, nil, args...)
		if r.code != exitError || r.stderr != want || r.panicked() {
			t.Errorf("second writer: exit %d, stderr %q; want exit %d, %q", r.code, r.stderr, exitError, want)
		}
	}
	for _, args := range [][]string{
		{"search", "--workspace", ws, "Security Council"},
		{"report", "--workspace", ws, "--out", filepath.Join(t.TempDir(), "while-locked.xlsx")},
	} {
		if r := runBinary(t, nil, args...); r.code != 0 {
			t.Errorf("reader while a writer works: %s", r)
		}
	}

	// kill -9: the lock file stays behind, naming a process that is gone.
	syscall.Kill(-holder, syscall.SIGKILL)
	cmd.Wait()
	if b, err := os.ReadFile(filepath.Join(ws, "lock")); err != nil || strings.TrimSpace(string(b)) != strconv.Itoa(holder) {
		t.Fatalf("after the kill the lock file holds %q (%v)", b, err)
	}
	if r := runBinary(t, nil, "analyze", "--workspace", ws, "--no-phrases"); r.code != 0 {
		t.Fatalf("writer after the holder was killed: %s", r)
	}
	if _, err := os.Stat(filepath.Join(ws, "lock")); !os.IsNotExist(err) {
		t.Errorf("lock file after the writer finished: %v", err)
	}

	// Writers started at once: each either runs or is told to wait.
	var wg sync.WaitGroup
	runs := make([]binaryRun, 4)
	for i := range runs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			runs[i] = runBinary(t, nil, "index", "--workspace", ws, "--rebuild")
		}()
	}
	wg.Wait()
	ran := 0
	for _, r := range runs {
		switch {
		case r.code == 0:
			ran++
		case r.code != exitError || !strings.Contains(r.stderr, "is in use by another scdebate process") || r.panicked():
			t.Errorf("concurrent writer: %s", r)
		}
	}
	if ran == 0 {
		t.Error("no concurrent writer ran")
	}
	if records, _ := checkIndex(t, ws); records != 4 {
		t.Errorf("index holds %d records after concurrent rebuilds, want 4", records)
	}
	t.Logf("%d of %d concurrent writers ran, the others were told to wait", ran, len(runs))
}

// waitFor polls cond for up to a minute.
func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(time.Minute)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(10 * time.Millisecond)
	}
}
