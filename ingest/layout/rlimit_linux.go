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
// now, with room for the stacks of the threads the runtime starts when
// the machine is busy (each a full stack limit of address space when cgo
// creates them), so that load alone never looks like a document's fault.
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
	lim := uint64(mapped + limit + threadStacks())
	_ = syscall.Setrlimit(syscall.RLIMIT_AS, &syscall.Rlimit{Cur: lim, Max: lim})
}

// threadStacks is the address space kept for new threads' stacks.
func threadStacks() int64 {
	const threads, maxStack = 8, 8 << 20
	stack := int64(maxStack)
	var rl syscall.Rlimit
	if err := syscall.Getrlimit(syscall.RLIMIT_STACK, &rl); err == nil && rl.Cur < maxStack {
		stack = int64(rl.Cur)
	}
	return threads * stack
}
