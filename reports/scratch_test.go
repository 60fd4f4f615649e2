package reports

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

// TestWorkbookScratch checks that a workbook leaves no temporary directory
// behind, and that it clears those of killed writers but not those of
// running ones.
func TestWorkbookScratch(t *testing.T) {
	tmp := t.TempDir()
	scratch := func(name string, lock bool, age time.Duration) string {
		dir := filepath.Join(tmp, scratchPrefix+name)
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, "excelize-123"), []byte("rows"), 0o644); err != nil {
			t.Fatal(err)
		}
		if lock {
			if err := os.WriteFile(filepath.Join(dir, scratchLock), nil, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		when := time.Now().Add(-age)
		if err := os.Chtimes(dir, when, when); err != nil {
			t.Fatal(err)
		}
		return dir
	}
	killed := scratch("killed", true, 0)
	killedEarly := scratch("killed-before-locking", false, 2*scratchGrace)
	starting := scratch("starting", false, 0)
	running := scratch("running", true, 0)
	// A writer that runs holds its lock: an open file description of its
	// own, which this process's sweep cannot lock either.
	held, err := os.Open(filepath.Join(running, scratchLock))
	if err != nil {
		t.Fatal(err)
	}
	defer held.Close()
	if err := syscall.Flock(int(held.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		t.Fatal(err)
	}
	unrelated := filepath.Join(tmp, "other")
	if err := os.Mkdir(unrelated, 0o755); err != nil {
		t.Fatal(err)
	}

	ws := genWorkspace(t, smallCorpus)
	if err := WriteWorkbook(context.Background(), io.Discard, ws, Options{TempDir: tmp}); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		name string
		dir  string
		kept bool
	}{
		{"killed writer", killed, false},
		{"writer killed before locking, long ago", killedEarly, false},
		{"writer about to lock", starting, true},
		{"running writer", running, true},
		{"not a scratch directory", unrelated, true},
	} {
		_, err := os.Stat(tt.dir)
		if kept := err == nil; kept != tt.kept {
			t.Errorf("%s: kept %v, want %v", tt.name, kept, tt.kept)
		}
	}
	left, _ := filepath.Glob(filepath.Join(tmp, scratchPrefix+"*"))
	if len(left) != 2 {
		t.Errorf("scratch directories left: %v, want the running and the starting writer's", left)
	}
}
