package layout

import "syscall"

// limitAddressSpace caps this process's address space, so that a document
// that makes the PDF library allocate without bound kills the worker
// rather than the machine.
func limitAddressSpace(bytes int64) {
	lim := &syscall.Rlimit{Cur: uint64(bytes), Max: uint64(bytes)}
	_ = syscall.Setrlimit(syscall.RLIMIT_AS, lim)
}
