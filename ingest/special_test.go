//go:build unix

package ingest

import (
	"context"
	"errors"
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

// TestParseFileNamedPipe gives a named pipe as a document: opening it would
// block until a writer comes, beyond the reach of any time limit, so it is
// refused from its file mode.
func TestParseFileNamedPipe(t *testing.T) {
	path := filepath.Join(t.TempDir(), "record.pdf")
	if err := syscall.Mkfifo(path, 0o644); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() {
		_, err := ParseFile(context.Background(), path, nil)
		done <- err
	}()
	select {
	case err := <-done:
		if !errors.Is(err, ErrUnsupported) {
			t.Errorf("error %v, want %v", err, ErrUnsupported)
		}
		var fe *FileError
		if !errors.As(err, &fe) || fe.Path != path {
			t.Errorf("error %v does not name %s", err, path)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("ParseFile blocked on a named pipe")
	}
}
