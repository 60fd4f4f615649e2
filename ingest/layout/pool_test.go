//go:build linux

package layout_test

import (
	"bytes"
	"compress/zlib"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/scdebate/scdebate/ingest/layout"
	"github.com/scdebate/scdebate/ingest/layout/pdftest"
)

// poolFiles writes the PDFs a pool test extracts: small text documents, one
// on which the PDF library loops for ever, and one whose page inflates to
// 60 MB.
func poolFiles(t *testing.T) (good []string, hang, bomb string) {
	t.Helper()
	dir := t.TempDir()
	write := func(name string, data []byte) string {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return path
	}
	for i := range 4 {
		good = append(good, write(fmt.Sprintf("good-%d.pdf", i), pdftest.TextPDF(fmt.Sprintf("document %d", i), "The meeting rose at 6 p.m.")))
	}
	hang = write("hang.pdf", pdftest.XrefStream([]string{"<< /Type /Catalog /Pages 3 0 R >>",
		pdftest.Stream("/Type /ObjStm /N 0 /First 1 /Extends 2 0 R", " ")}, map[int]int{1: 2}))
	var packed bytes.Buffer
	zw := zlib.NewWriter(&packed)
	zw.Write(bytes.Repeat([]byte(" "), 60<<20))
	zw.Close()
	bomb = write("bomb.pdf", pdftest.Pages(pdftest.Stream("/Filter /FlateDecode", packed.String())))
	return good, hang, bomb
}

// checkGood extracts a good document through the pool and compares it with
// the document extracted in process.
func checkGood(t *testing.T, p *layout.Pool, path string) {
	t.Helper()
	want, err := layout.ExtractInProcess(context.Background(), path, layout.Options{})
	if err != nil {
		t.Fatal(err)
	}
	got, err := p.Extract(context.Background(), path)
	if err != nil {
		t.Fatalf("%s: %v", filepath.Base(path), err)
	}
	if g, w := renderGolden(got), renderGolden(want); g != w {
		t.Errorf("%s: the worker's document differs from the in-process one:\n%s\nwant\n%s", filepath.Base(path), g, w)
	}
}

// TestPoolReusesWorkers: documents extracted one after the other share one
// worker process.
func TestPoolReusesWorkers(t *testing.T) {
	good, _, _ := poolFiles(t)
	p := &layout.Pool{}
	defer p.Close()
	for _, path := range good {
		checkGood(t, p, path)
	}
	if n := p.Started(); n != 1 {
		t.Errorf("%d workers started for %d documents, want 1", n, len(good))
	}
}

// TestPoolReplacesWorkers: a document that hangs or runs out of memory
// costs that document and its worker; the next document gets a new worker
// and extracts.
func TestPoolReplacesWorkers(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: makes workers hang and run out of memory")
	}
	good, hang, bomb := poolFiles(t)
	t.Run("timeout", func(t *testing.T) {
		p := &layout.Pool{Options: layout.Options{Timeout: 3 * time.Second}}
		defer p.Close()
		checkGood(t, p, good[0])
		if _, err := p.Extract(context.Background(), hang); !errors.Is(err, layout.ErrTimeout) {
			t.Errorf("error %v, want %v", err, layout.ErrTimeout)
		}
		checkGood(t, p, good[1])
		if n := p.Started(); n != 2 {
			t.Errorf("%d workers started, want 2", n)
		}
	})
	t.Run("memory", func(t *testing.T) {
		p := &layout.Pool{Options: layout.Options{MemoryLimit: 16 << 20}}
		defer p.Close()
		checkGood(t, p, good[0])
		if _, err := p.Extract(context.Background(), bomb); !errors.Is(err, layout.ErrTooLarge) {
			t.Errorf("error %v, want %v", err, layout.ErrTooLarge)
		}
		checkGood(t, p, good[1])
		if n := p.Started(); n != 2 {
			t.Errorf("%d workers started, want 2", n)
		}
	})
	t.Run("cancel", func(t *testing.T) {
		p := &layout.Pool{}
		defer p.Close()
		ctx, cancel := context.WithCancel(context.Background())
		time.AfterFunc(300*time.Millisecond, cancel)
		if _, err := p.Extract(ctx, hang); !errors.Is(err, context.Canceled) {
			t.Errorf("error %v, want %v", err, context.Canceled)
		}
		checkGood(t, p, good[0])
	})
	t.Run("killed while idle", func(t *testing.T) {
		p := &layout.Pool{}
		defer p.Close()
		checkGood(t, p, good[0])
		for _, pid := range workerPIDs(t) {
			if err := syscall.Kill(pid, syscall.SIGKILL); err != nil {
				t.Fatal(err)
			}
		}
		checkGood(t, p, good[1])
	})
}

// TestPoolConcurrent: extractions running at once each get a worker, and
// the pool keeps no more workers than ran at once.
func TestPoolConcurrent(t *testing.T) {
	good, _, _ := poolFiles(t)
	p := &layout.Pool{}
	const goroutines = 3
	var wg sync.WaitGroup
	for range goroutines {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for _, path := range good {
				checkGood(t, p, path)
			}
		}()
	}
	wg.Wait()
	if n := p.Started(); n < 1 || n > goroutines {
		t.Errorf("%d workers started for %d goroutines", n, goroutines)
	}
	if n := len(workerPIDs(t)); n != p.Started() {
		t.Errorf("%d workers running, %d started", n, p.Started())
	}
	p.Close()
	deadline := time.Now().Add(10 * time.Second)
	for len(workerPIDs(t)) > 0 {
		if time.Now().After(deadline) {
			t.Fatalf("workers still running after Close: %v", workerPIDs(t))
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// workerPIDs lists the running (not zombie) extraction workers that are
// children of this process.
func workerPIDs(t *testing.T) []int {
	t.Helper()
	self := strconv.Itoa(os.Getpid())
	var pids []int
	procs, _ := filepath.Glob("/proc/[0-9]*/stat")
	for _, p := range procs {
		stat, err := os.ReadFile(p)
		if err != nil {
			continue
		}
		end := bytes.LastIndexByte(stat, ')')
		fields := strings.Fields(string(stat[end+1:]))
		if len(fields) < 2 || fields[1] != self || fields[0] == "Z" {
			continue
		}
		cmdline, _ := os.ReadFile(filepath.Join(filepath.Dir(p), "cmdline"))
		if bytes.Contains(cmdline, []byte(layout.WorkerCommand)) {
			pid, _ := strconv.Atoi(filepath.Base(filepath.Dir(p)))
			pids = append(pids, pid)
		}
	}
	return pids
}
