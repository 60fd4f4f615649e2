package pipeline

import (
	"bytes"
	"debug/elf"
	"fmt"
	"os"
)

// buildID identifies the running build: the Go build ID of an ELF
// executable, which stays the same for the same code wherever the binary is
// (go run links it into a new directory each time); elsewhere the
// executable's path, size and modification time.
func buildID() string {
	exe, err := os.Executable()
	if err != nil {
		return ""
	}
	if f, err := elf.Open(exe); err == nil {
		defer f.Close()
		// The note is its name's and description's sizes, its type and the
		// name "Go\x00\x00" (16 bytes), then the build ID.
		if s := f.Section(".note.go.buildid"); s != nil {
			if data, err := s.Data(); err == nil && len(data) > 16 {
				return string(bytes.TrimRight(data[16:], "\x00"))
			}
		}
	}
	st, err := os.Stat(exe)
	if err != nil {
		return exe
	}
	return fmt.Sprintf("%s %d %d", exe, st.Size(), st.ModTime().UnixNano())
}
