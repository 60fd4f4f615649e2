//go:build !linux

package layout

import "syscall"

// workerAttr: only Linux can tie a child's life to its parent's.
func workerAttr() *syscall.SysProcAttr { return nil }
