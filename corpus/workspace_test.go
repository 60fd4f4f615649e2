package corpus

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// TestLockExclusive has writers race for the lock, round after round: at
// no time do two of them hold it.
func TestLockExclusive(t *testing.T) {
	ws, err := OpenWorkspace(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	var holders, most, taken atomic.Int32
	for range 300 {
		var wg sync.WaitGroup
		for range 8 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				lk, err := ws.Lock()
				if err != nil {
					var le *LockedError
					if !errors.As(err, &le) {
						t.Error(err)
					}
					return
				}
				taken.Add(1)
				n := holders.Add(1)
				for {
					m := most.Load()
					if n <= m || most.CompareAndSwap(m, n) {
						break
					}
				}
				time.Sleep(100 * time.Microsecond)
				holders.Add(-1)
				lk.Unlock()
			}()
		}
		wg.Wait()
	}
	if most.Load() != 1 || taken.Load() < 300 {
		t.Errorf("at most %d holders at once (want 1); the lock was taken %d times in 300 rounds", most.Load(), taken.Load())
	}
}

// TestLockHeld names the holder, and the lock is free again once released.
func TestLockHeld(t *testing.T) {
	ws, err := OpenWorkspace(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	lk, err := ws.Lock()
	if err != nil {
		t.Fatal(err)
	}
	_, err = ws.Lock()
	var le *LockedError
	if !errors.As(err, &le) || le.PID != os.Getpid() {
		t.Fatalf("second Lock: %v, want a *LockedError naming pid %d", err, os.Getpid())
	}
	lk.Unlock()
	if _, err := os.Stat(ws.Path(lockFile)); !os.IsNotExist(err) {
		t.Errorf("lock file after unlock: %v", err)
	}
	lk, err = ws.Lock()
	if err != nil {
		t.Fatalf("Lock after unlock: %v", err)
	}
	lk.Unlock()
}

// TestLockStale takes over a lock file left by a process that is gone.
func TestLockStale(t *testing.T) {
	ws, err := OpenWorkspace(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	gone := exec.Command("true")
	if err := gone.Run(); err != nil {
		t.Fatal(err)
	}
	for _, content := range []string{strconv.Itoa(gone.Process.Pid) + "\n", "", "garbage"} {
		if err := os.WriteFile(ws.Path(lockFile), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
		lk, err := ws.Lock()
		if err != nil {
			t.Fatalf("lock file %q: %v", content, err)
		}
		lk.Unlock()
	}
}

func TestExistingWorkspaceCreatesNothing(t *testing.T) {
	dir := t.TempDir()
	tests := []struct {
		name, dir, reason string
	}{
		{"missing", filepath.Join(dir, "nowhere"), "does not exist"},
		{"not a workspace", dir, "has no records/"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ExistingWorkspace(tt.dir)
			var nw *NoWorkspaceError
			if !errors.As(err, &nw) || !strings.Contains(err.Error(), tt.reason) || !strings.Contains(err.Error(), "scdebate ingest --workspace "+tt.dir) {
				t.Fatalf("ExistingWorkspace(%s) = %v", tt.dir, err)
			}
		})
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("ExistingWorkspace created %v", entries)
	}
	if _, err := OpenWorkspace(dir); err != nil {
		t.Fatal(err)
	}
	if ws, err := ExistingWorkspace(dir); err != nil || ws.Dir != dir {
		t.Errorf("after OpenWorkspace: %v, %v", ws, err)
	}
}
