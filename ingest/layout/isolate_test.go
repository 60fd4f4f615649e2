package layout_test

import (
	"bytes"
	"compress/zlib"
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/scdebate/scdebate/corpus/fixtures"
	"github.com/scdebate/scdebate/ingest/layout"
	"github.com/scdebate/scdebate/ingest/layout/pdftest"
)

// TestIsolatedMatchesInProcess: the child process returns the same
// document as extracting in process.
func TestIsolatedMatchesInProcess(t *testing.T) {
	path := fixtures.Real(t, "S_PV.8422.pdf")
	want, err := layout.ExtractInProcess(context.Background(), path, layout.Options{})
	if err != nil {
		t.Fatal(err)
	}
	got, err := layout.Extractor{}.Extract(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	if g, w := renderGolden(got), renderGolden(want); g != w {
		t.Errorf("the child's document differs from the in-process one")
	}
}

// TestIsolationLimits: a worker that hangs is killed at the time limit, a
// cancelled context kills it at once, one that dies is reported, and one
// that runs out of memory is stopped by the memory bound.
func TestIsolationLimits(t *testing.T) {
	path := fixtures.Real(t, "A_79_PV.29.pdf")
	t.Run("timeout", func(t *testing.T) {
		start := time.Now()
		_, err := layout.Extract(context.Background(), path, layout.Options{Command: []string{"sleep", "60"}, Timeout: 300 * time.Millisecond})
		if !errors.Is(err, layout.ErrTimeout) {
			t.Errorf("error %v, want %v", err, layout.ErrTimeout)
		}
		if d := time.Since(start); d > 10*time.Second {
			t.Errorf("took %v", d)
		}
	})
	t.Run("cancel", func(t *testing.T) {
		ctx, cancel := context.WithCancel(context.Background())
		time.AfterFunc(200*time.Millisecond, cancel)
		start := time.Now()
		_, err := layout.Extract(ctx, path, layout.Options{Command: []string{"sleep", "60"}})
		if !errors.Is(err, context.Canceled) {
			t.Errorf("error %v, want %v", err, context.Canceled)
		}
		if d := time.Since(start); d > 10*time.Second {
			t.Errorf("took %v", d)
		}
	})
	t.Run("crash", func(t *testing.T) {
		_, err := layout.Extract(context.Background(), path, layout.Options{Command: []string{"sh", "-c", "echo 'panic: boom' >&2; exit 2"}})
		if !errors.Is(err, layout.ErrCrashed) || !strings.Contains(err.Error(), "panic: boom") {
			t.Errorf("error %v, want %v with the reason", err, layout.ErrCrashed)
		}
	})
	t.Run("missing file", func(t *testing.T) {
		_, err := layout.Extract(context.Background(), "no-such.pdf", layout.Options{})
		if !errors.Is(err, fs.ErrNotExist) || !strings.Contains(err.Error(), "no-such.pdf") {
			t.Errorf("error %v, want a missing file named", err)
		}
	})
	t.Run("memory", func(t *testing.T) {
		// A page whose content inflates to 60 MB, in a worker allowed 16.
		var packed bytes.Buffer
		zw := zlib.NewWriter(&packed)
		zw.Write(bytes.Repeat([]byte(" "), 60<<20))
		zw.Close()
		bomb := filepath.Join(t.TempDir(), "bomb.pdf")
		if err := os.WriteFile(bomb, pdftest.Pages(pdftest.Stream("/Filter /FlateDecode", packed.String())), 0o644); err != nil {
			t.Fatal(err)
		}
		if _, err := layout.ExtractInProcess(context.Background(), bomb, layout.Options{}); !errors.Is(err, layout.ErrNoText) {
			t.Fatalf("without a limit: %v, want %v", err, layout.ErrNoText)
		}
		_, err := layout.Extract(context.Background(), bomb, layout.Options{MemoryLimit: 16 << 20})
		if !errors.Is(err, layout.ErrTooLarge) {
			t.Errorf("error %v, want %v", err, layout.ErrTooLarge)
		}
	})
}
