package corpus

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
)

// Workspace is the directory that holds a corpus and everything derived
// from it:
//
//	raw/          downloaded source files
//	records/      one record JSON per document and language
//	annotations/  theme coding beside each record
//	index/        the full-text index
type Workspace struct {
	Dir string
}

// Subdirectories of a workspace.
const (
	RawDir         = "raw"
	RecordsDir     = "records"
	AnnotationsDir = "annotations"
	IndexDir       = "index"
	lockFile       = "lock"
)

// OpenWorkspace returns the workspace at dir, creating its directories.
func OpenWorkspace(dir string) (*Workspace, error) {
	if dir == "" {
		dir = "."
	}
	for _, sub := range []string{RecordsDir, AnnotationsDir} {
		if err := os.MkdirAll(filepath.Join(dir, sub), 0o755); err != nil {
			return nil, fmt.Errorf("workspace %s: %w", dir, err)
		}
	}
	return &Workspace{Dir: dir}, nil
}

// Path joins elem onto the workspace directory.
func (w *Workspace) Path(elem ...string) string {
	return filepath.Join(append([]string{w.Dir}, elem...)...)
}

// Records returns the record store of the workspace.
func (w *Workspace) Records() *Store {
	return &Store{Dir: w.Path(RecordsDir)}
}

// LockedError reports a workspace held by another live process.
type LockedError struct {
	Dir string
	PID int
}

func (e *LockedError) Error() string {
	return fmt.Sprintf("workspace %s is in use by another scdebate process (pid %d); wait for it to finish", e.Dir, e.PID)
}

// Lock takes the workspace's writer lock. A second writer gets a
// *LockedError; a lock left by a process that no longer runs is taken over.
// The returned function releases the lock.
func (w *Workspace) Lock() (unlock func(), err error) {
	path := w.Path(lockFile)
	for attempt := 0; attempt < 2; attempt++ {
		f, err := os.OpenFile(path, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o644)
		if err == nil {
			fmt.Fprintf(f, "%d\n", os.Getpid())
			f.Close()
			return func() { os.Remove(path) }, nil
		}
		if !errors.Is(err, os.ErrExist) {
			return nil, fmt.Errorf("lock workspace %s: %w", w.Dir, err)
		}
		pid := readPID(path)
		if pid > 0 && processAlive(pid) {
			return nil, &LockedError{Dir: w.Dir, PID: pid}
		}
		os.Remove(path) // stale: its owner is gone
	}
	return nil, fmt.Errorf("lock workspace %s: lock file keeps reappearing", w.Dir)
}

func readPID(path string) int {
	b, err := os.ReadFile(path)
	if err != nil {
		return 0
	}
	pid, _ := strconv.Atoi(strings.TrimSpace(string(b)))
	return pid
}

func processAlive(pid int) bool {
	if pid == os.Getpid() {
		return true
	}
	err := syscall.Kill(pid, 0)
	return err == nil || errors.Is(err, syscall.EPERM)
}
