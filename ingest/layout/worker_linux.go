package layout

import "syscall"

// workerAttr has the kernel kill a worker whose parent dies: the parent
// enforces the time limit, so a worker orphaned by a kill -9 of its
// parent would otherwise run on for ever on a file that makes the PDF
// library loop.
func workerAttr() *syscall.SysProcAttr {
	return &syscall.SysProcAttr{Pdeathsig: syscall.SIGKILL}
}
