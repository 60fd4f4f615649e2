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

// NoSpaceError reports a write into a workspace that failed for want of
// room on its disk. The step that failed stops there; what the workspace
// held before is intact (every file is written beside its final name and
// renamed), so that making room and running again completes it.
type NoSpaceError struct {
	Workspace string // the workspace directory
	Path      string // what was being written
	// Free is what the file system holding Path had free when the write
	// failed, in bytes; -1 when it cannot be told.
	Free int64
	// Need is about how many bytes the step needs free, 0 when it cannot
	// be told.
	Need int64
	Err  error
}

func (e *NoSpaceError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "no space left on the disk of workspace %s (writing %s: %v)", e.Workspace, e.Path, e.Err)
	switch {
	case e.Need > 0 && e.Free >= 0:
		fmt.Fprintf(&b, ": about %s needed, %s free", SizeText(e.Need), SizeText(e.Free))
	case e.Need > 0:
		fmt.Fprintf(&b, ": about %s needed", SizeText(e.Need))
	case e.Free >= 0:
		fmt.Fprintf(&b, ": %s free", SizeText(e.Free))
	}
	b.WriteString("; make room and run again (what the workspace held before is intact)")
	return b.String()
}

func (e *NoSpaceError) Unwrap() error { return e.Err }

// noSpaceMessages are how a write failing for want of room reads once a
// library has turned it into text (bleve reports its background writes'
// errors so).
var noSpaceMessages = []string{
	syscall.ENOSPC.Error(), // "no space left on device"
	syscall.EDQUOT.Error(), // "disk quota exceeded"
}

// IsNoSpace reports whether err is a write that failed for want of room:
// the disk is full (ENOSPC) or the user's quota is (EDQUOT).
func IsNoSpace(err error) bool {
	if err == nil {
		return false
	}
	if errors.Is(err, syscall.ENOSPC) || errors.Is(err, syscall.EDQUOT) || errors.As(err, new(*NoSpaceError)) {
		return true
	}
	msg := err.Error()
	for _, m := range noSpaceMessages {
		if strings.Contains(msg, m) {
			return true
		}
	}
	return false
}

// NoSpace returns err as a *NoSpaceError of the workspace when it is a
// write that failed for want of room (IsNoSpace), with need the bytes the
// step needs (0 when unknown), and err unchanged otherwise.
func (w *Workspace) NoSpace(path string, need int64, err error) error {
	if !IsNoSpace(err) {
		return err
	}
	var ns *NoSpaceError
	if errors.As(err, &ns) {
		return err
	}
	return &NoSpaceError{Workspace: w.Dir, Path: path, Free: FreeSpace(filepath.Dir(path)), Need: need, Err: err}
}

// FreeSpace is what the file system holding path has free for this
// user, in bytes; -1 when it cannot be told.
func FreeSpace(path string) int64 {
	var st syscall.Statfs_t
	for {
		err := syscall.Statfs(path, &st)
		if err == nil {
			return int64(st.Bavail) * int64(st.Bsize)
		}
		parent := filepath.Dir(path)
		if !errors.Is(err, os.ErrNotExist) || parent == path {
			return -1
		}
		path = parent
	}
}

// DirSize is the size of the regular files under dir, in bytes.
func DirSize(dir string) int64 {
	var n int64
	filepath.WalkDir(dir, func(_ string, d os.DirEntry, err error) error {
		if err == nil && d.Type().IsRegular() {
			if info, err := d.Info(); err == nil {
				n += info.Size()
			}
		}
		return nil
	})
	return n
}

// SizeText writes a size in bytes for people: "512 B", "3.4 MB", "1.2 GB".
func SizeText(n int64) string {
	switch {
	case n < 1000:
		return strconv.FormatInt(n, 10) + " B"
	case n < 1000*1000:
		return strconv.FormatFloat(float64(n)/1e3, 'f', 1, 64) + " kB"
	case n < 1000*1000*1000:
		return strconv.FormatFloat(float64(n)/1e6, 'f', 1, 64) + " MB"
	}
	return strconv.FormatFloat(float64(n)/1e9, 'f', 1, 64) + " GB"
}
