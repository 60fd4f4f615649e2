//go:build !linux

package layout

// limitAddressSpace is a no-op where RLIMIT_AS is not available; the Go
// soft memory limit still applies.
func limitAddressSpace(int64) {}
