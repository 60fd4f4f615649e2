package reports

import (
	"errors"
	"os"
	"path/filepath"
	"syscall"
	"time"
)

// scratchPrefix names the directories that hold excelize's temporary files
// (the rows of large sheets, spilled to disk) while a workbook is written.
const scratchPrefix = "scdebate-report-"

// scratchLock is the file in a scratch directory that its writer holds an
// flock(2) on for as long as it runs: the kernel lets go of it however the
// writer dies, so an unlocked scratch directory was left by a killed one.
const scratchLock = ".lock"

// scratchGrace is how long a scratch directory without its lock file (its
// writer was killed between creating the two) is left alone, in case its
// writer is about to lock it.
const scratchGrace = time.Hour

// newScratch makes a scratch directory in parent (the system's temporary
// directory when empty) for one workbook, after removing those that killed
// writers left there. release removes it.
func newScratch(parent string) (dir string, release func(), err error) {
	if parent == "" {
		parent = os.TempDir()
	}
	sweepScratch(parent)
	dir, err = os.MkdirTemp(parent, scratchPrefix)
	if err != nil {
		return "", nil, err
	}
	// The lock file is locked before it takes its name: a sweep that saw
	// it unlocked would take the directory for a killed writer's.
	lock, err := os.Create(filepath.Join(dir, scratchLock+".new"))
	if err == nil {
		err = syscall.Flock(int(lock.Fd()), syscall.LOCK_EX|syscall.LOCK_NB)
	}
	if err == nil {
		err = os.Rename(filepath.Join(dir, scratchLock+".new"), filepath.Join(dir, scratchLock))
	}
	if err != nil {
		if lock != nil {
			lock.Close()
		}
		os.RemoveAll(dir)
		return "", nil, err
	}
	return dir, func() {
		os.RemoveAll(dir)
		lock.Close()
	}, nil
}

// sweepScratch removes the scratch directories in parent whose writer no
// longer runs. It is best effort: what cannot be removed is left.
func sweepScratch(parent string) {
	dirs, _ := filepath.Glob(filepath.Join(parent, scratchPrefix+"*"))
	for _, dir := range dirs {
		if scratchAbandoned(dir) {
			os.RemoveAll(dir)
		}
	}
}

func scratchAbandoned(dir string) bool {
	lock, err := os.Open(filepath.Join(dir, scratchLock))
	if errors.Is(err, os.ErrNotExist) {
		info, err := os.Stat(dir)
		return err == nil && info.IsDir() && time.Since(info.ModTime()) > scratchGrace
	}
	if err != nil {
		return false
	}
	defer lock.Close()
	if err := syscall.Flock(int(lock.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		return false
	}
	return true
}
