package layout

import (
	"bytes"
	"os"
	"strconv"
	"syscall"
)

// limitAddressSpace caps this process's address space, so that a document
// that makes the PDF library allocate without bound kills the worker
// rather than the machine. The Go runtime reserves a large address range
// at start-up without using it, so the cap is set above what is mapped
// now.
func limitAddressSpace(limit int64) {
	status, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return
	}
	var mapped int64
	for _, line := range bytes.Split(status, []byte("\n")) {
		if rest, ok := bytes.CutPrefix(line, []byte("VmSize:")); ok {
			kb, err := strconv.ParseInt(string(bytes.TrimSpace(bytes.TrimSuffix(bytes.TrimSpace(rest), []byte("kB")))), 10, 64)
			if err != nil {
				return
			}
			mapped = kb << 10
		}
	}
	if mapped == 0 {
		return
	}
	lim := uint64(mapped + limit)
	_ = syscall.Setrlimit(syscall.RLIMIT_AS, &syscall.Rlimit{Cur: lim, Max: lim})
}
