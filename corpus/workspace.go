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
//	replaced/     records that other content replaced, restorable
type Workspace struct {
	Dir string
}

// Subdirectories of a workspace.
const (
	RawDir         = "raw"
	RecordsDir     = "records"
	AnnotationsDir = "annotations"
	IndexDir       = "index"
	// ReplacedDir keeps the records that other content replaced
	// (Store.Put), restorable with Restore.
	ReplacedDir = "replaced"
	lockFile    = "lock"
)

// DefaultWorkspace is the workspace every command uses when none is
// given: the one "scdebate run" writes.
const DefaultWorkspace = "scdebate-out"

// NoWorkspaceError reports a workspace that does not exist, or a
// directory that is not one, for a command that reads a workspace and
// must not create an empty one.
type NoWorkspaceError struct {
	Dir    string
	Reason string
}

func (e *NoWorkspaceError) Error() string {
	return fmt.Sprintf("no workspace at %s: %s; create one with \"scdebate ingest --workspace %s FILE_OR_DIR...\" or \"scdebate run --out %s\"", e.Dir, e.Reason, e.Dir, e.Dir)
}

// ExistingWorkspace returns the workspace at dir (DefaultWorkspace when
// empty) if it is one — a directory holding records/ — and a
// *NoWorkspaceError otherwise. It creates nothing.
func ExistingWorkspace(dir string) (*Workspace, error) {
	if dir == "" {
		dir = DefaultWorkspace
	}
	st, err := os.Stat(dir)
	switch {
	case errors.Is(err, os.ErrNotExist):
		return nil, &NoWorkspaceError{Dir: dir, Reason: "the directory does not exist"}
	case err != nil:
		return nil, fmt.Errorf("workspace %s: %w", dir, err)
	case !st.IsDir():
		return nil, &NoWorkspaceError{Dir: dir, Reason: "it is not a directory"}
	}
	if st, err := os.Stat(filepath.Join(dir, RecordsDir)); err != nil || !st.IsDir() {
		return nil, &NoWorkspaceError{Dir: dir, Reason: "it has no " + RecordsDir + "/ directory"}
	}
	return &Workspace{Dir: dir}, nil
}

// OpenWorkspace returns the workspace at dir (DefaultWorkspace when
// empty), creating its directories: for the commands that bring records
// in.
func OpenWorkspace(dir string) (*Workspace, error) {
	if dir == "" {
		dir = DefaultWorkspace
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
	return &Store{Dir: w.Path(RecordsDir), Replaced: w.Path(ReplacedDir)}
}

// LockedError reports a workspace held by another live process.
type LockedError struct {
	Dir string
	PID int // 0 when the holder has not written its pid yet
}

func (e *LockedError) Error() string {
	if e.PID <= 0 {
		return fmt.Sprintf("workspace %s is in use by another scdebate process; wait for it to finish", e.Dir)
	}
	return fmt.Sprintf("workspace %s is in use by another scdebate process (pid %d); wait for it to finish", e.Dir, e.PID)
}

// Lock is a workspace's writer lock, held from Workspace.Lock until
// Unlock. The stages that write to a workspace (ingest, analyze, index,
// reviews, restore) take it as a parameter rather than taking it
// themselves: calling one without holding the lock does not compile, and
// one lock can be held across several stages, as run does, so that no
// other writer comes in between.
type Lock struct {
	ws   *Workspace
	f    *os.File
	path string
}

// Workspace is the workspace the lock is held on.
func (l *Lock) Workspace() *Workspace { return l.ws }

// Unlock releases the lock; calling it again does nothing.
func (l *Lock) Unlock() {
	if l.f == nil {
		return
	}
	os.Remove(l.path)
	l.f.Close()
	l.f = nil
}

// Lock takes the workspace's writer lock. A second writer gets a
// *LockedError; a lock left by a process that no longer runs is taken over.
// Taking the lock clears the temporary files that killed writers left in
// the workspace (RemoveStaleTemps).
//
// The lock is an flock(2) on the lock file, which the kernel releases
// when its holder exits however it dies: a lock file whose holder was
// killed is free, and a recycled pid cannot keep it. The file also names
// the holder's pid for the message.
func (w *Workspace) Lock() (*Lock, error) {
	path := w.Path(lockFile)
	for attempt := 0; attempt < 100; attempt++ {
		f, err := os.OpenFile(path, os.O_CREATE|os.O_RDWR, 0o644)
		if err != nil {
			return nil, fmt.Errorf("lock workspace %s: %w", w.Dir, err)
		}
		if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
			f.Close()
			if errors.Is(err, syscall.EWOULDBLOCK) {
				return nil, &LockedError{Dir: w.Dir, PID: readPID(path)}
			}
			return nil, fmt.Errorf("lock workspace %s: %w", w.Dir, err)
		}
		// The previous holder removes the file as it lets go: a lock taken
		// on a file no longer at path excludes no one.
		if !sameFile(f, path) {
			f.Close()
			continue
		}
		if err := f.Truncate(0); err != nil {
			f.Close()
			return nil, fmt.Errorf("lock workspace %s: %w", w.Dir, err)
		}
		fmt.Fprintf(f, "%d\n", os.Getpid())
		// Writers killed mid-write leave temporary files (a workbook's,
		// ".report.xlsx.tmp-PID-N", the reviews' and the model's, in the
		// workspace itself); the next writer clears them. They are never
		// read, so a failure here is no reason to refuse the lock.
		for _, sub := range []string{"", RawDir, RecordsDir, AnnotationsDir, IndexDir, ReplacedDir} {
			RemoveStaleTemps(w.Path(sub), "")
		}
		return &Lock{ws: w, f: f, path: path}, nil
	}
	return nil, fmt.Errorf("lock workspace %s: lock file keeps changing", w.Dir)
}

// sameFile reports whether the open file f is still the file at path.
func sameFile(f *os.File, path string) bool {
	held, err := f.Stat()
	if err != nil {
		return false
	}
	now, err := os.Stat(path)
	return err == nil && os.SameFile(held, now)
}

func readPID(path string) int {
	b, err := os.ReadFile(path)
	if err != nil {
		return 0
	}
	pid, _ := strconv.Atoi(strings.TrimSpace(string(b)))
	return pid
}
