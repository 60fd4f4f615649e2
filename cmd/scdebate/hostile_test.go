package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/scdebate/scdebate/corpus"
	"github.com/scdebate/scdebate/ingest/layout"
)

// hostileTexts writes, into dir, copies of a text record whose first
// speech is the body of each kind, each copy a meeting of its own: the
// inputs that made the parser quadratic or held it past its time limit,
// each as large as the limits on text let it be.
func hostileTexts(t *testing.T, dir string, copies int) []string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "..", "ingest", "testdata", "text", "modern.txt"))
	if err != nil {
		t.Fatal(err)
	}
	text := string(b)
	cut := strings.Index(text, "Mr. Kiboino")
	kinds := []struct{ name, body string }{
		{"hyphens", strings.Repeat("recog-\n", 390_000)},
		{"one-line", strings.Repeat("We recognize the work of the Council and ask for more. ", 149_000) + "\n"},
		{"short-lines", strings.Repeat("a\n", 395_000)},
		{"sentences", strings.Repeat("We agree.\n", 390_000)},
		{"speakers", strings.Repeat("Mr. X (France): We agree.\n", 150_000)},
	}
	var paths []string
	for _, k := range kinds {
		for c := 0; c < copies; c++ {
			symbol := fmt.Sprintf("A/77/PV.%d", 100+len(paths))
			record := strings.ReplaceAll(text[:cut], "A/77/PV.12", symbol) + "Mr. Dupont (France): " + k.body + strings.ReplaceAll(text[cut:], "A/77/PV.12", symbol)
			paths = append(paths, writeInput(t, dir, fmt.Sprintf("%s-%d.txt", k.name, c), []byte(record)))
		}
	}
	return paths
}

// TestIngestHostileTexts ingests twenty hostile text records with two
// workers: each is parsed within its time limit, and the batch's memory
// follows the workers — it stays within two documents' memory limit,
// where a parser left running past its limit made it grow with every
// document.
func TestIngestHostileTexts(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: measures the binary's memory over twenty hostile records")
	}
	if raceEnabled {
		t.Skip("the binary's memory and time are measured without the race detector")
	}
	paths := hostileTexts(t, t.TempDir(), 4)
	ws := filepath.Join(t.TempDir(), "ws")
	const workers = 2
	timeout := time.Minute
	r := runBinary(t, nil, append([]string{"ingest", "--workspace", ws, "--workers", fmt.Sprint(workers), "--timeout", timeout.String()}, paths...)...)
	if r.code != 0 || r.panicked() {
		t.Fatalf("batch: %s", r)
	}
	recs, err := (&corpus.Store{Dir: filepath.Join(ws, corpus.RecordsDir)}).List()
	if err != nil || len(recs) != len(paths) {
		t.Fatalf("%d records stored of %d files (%v)", len(recs), len(paths), err)
	}
	limit := int64(workers) * layout.DefaultMemoryLimit
	if r.maxRSS > limit {
		t.Errorf("peak RSS %d MiB over %d workers × the %d MiB limit per document", r.maxRSS>>20, workers, layout.DefaultMemoryLimit>>20)
	}
	t.Logf("%d hostile texts, %d workers: %v, peak RSS %d MiB", len(paths), workers, r.elapsed.Round(time.Millisecond), r.maxRSS>>20)
}

// TestParseStopsOnSIGTERM sends SIGTERM to `scdebate parse` while it
// parses a long hostile record: it stops there (exit 130, no record
// printed), where a parser that ignored its context went on to the end
// and printed the record.
func TestParseStopsOnSIGTERM(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("..", "..", "ingest", "testdata", "text", "modern.txt"))
	if err != nil {
		t.Fatal(err)
	}
	text := string(b)
	cut := strings.Index(text, "Mr. Kiboino")
	path := writeInput(t, t.TempDir(), "speakers.txt", []byte(text[:cut]+strings.Repeat("Mr. X (France): We agree.\n", 150_000)+text[cut:]))
	// The signal must come while the parse runs: after the command has
	// set up its handler, before the parse ends. A try that misses either
	// says nothing, and the next waits more or less.
	delay := 300 * time.Millisecond
	for try := 0; try < 8; try++ {
		cmd := exec.Command(scdebateBinary(t), "parse", path)
		var stdout bytes.Buffer
		cmd.Stdout = &stdout
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(delay)
		sent := time.Now()
		if err := cmd.Process.Signal(syscall.SIGTERM); errors.Is(err, os.ErrProcessDone) {
			cmd.Wait()
			delay /= 2 // the parse was over: signal sooner
			continue
		}
		err := cmd.Wait()
		var ee *exec.ExitError
		if err != nil && !errors.As(err, &ee) {
			t.Fatal(err)
		}
		if ws, ok := cmd.ProcessState.Sys().(syscall.WaitStatus); ok && ws.Signaled() {
			delay *= 2 // before the handler: signal later
			continue
		}
		if code := cmd.ProcessState.ExitCode(); code == 0 && stdout.Len() > 0 {
			t.Fatalf("parse went on after SIGTERM and printed the record (%d bytes)", stdout.Len())
		} else if code != exitInterrupted {
			t.Fatalf("parse exit %d after SIGTERM, want %d", code, exitInterrupted)
		}
		t.Logf("parse stopped %v after SIGTERM, sent %v after its start", time.Since(sent).Round(time.Millisecond), delay)
		return
	}
	t.Fatal("no try sent SIGTERM while the parse ran")
}

// TestServeStopsUnderLoad serves a workspace holding a record with an 8 MB
// paragraph to 50 clients searching it without pause, then sends SIGTERM:
// the server stops (its searches under way cancelled), where one pinned by
// such a search did not.
func TestServeStopsUnderLoad(t *testing.T) {
	if testing.Short() || raceEnabled {
		t.Skip("-short, -race: serves fifty clients from the binary, then stops it")
	}
	b, err := os.ReadFile(filepath.Join("..", "..", "ingest", "testdata", "text", "modern.txt"))
	if err != nil {
		t.Fatal(err)
	}
	text := string(b)
	cut := strings.Index(text, "Mr. Kiboino")
	huge := writeInput(t, t.TempDir(), "huge.txt", []byte(text[:cut]+"Mr. Dupont (France): "+strings.Repeat("We recognize the work of the Council and ask for more. ", 149_000)+"\n"+text[cut:]))
	ws := filepath.Join(t.TempDir(), "ws")
	if r := runBinary(t, nil, "ingest", "--workspace", ws, huge); r.code != 0 {
		t.Fatal(r)
	}
	if r := runBinary(t, nil, "index", "--workspace", ws); r.code != 0 {
		t.Fatal(r)
	}
	cmd := exec.Command(scdebateBinary(t), "serve", "--workspace", ws, "--addr", "127.0.0.1:0")
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer cmd.Process.Kill()
	line := make([]byte, 512)
	n, _ := stdout.Read(line)
	addr := regexp.MustCompile(`http://(\S+)/`).FindSubmatch(line[:n])
	if addr == nil {
		t.Fatalf("serve printed %q", line[:n])
	}
	base := "http://" + string(addr[1])
	paths := []string{"/api/search?size=100&q=recognize+council", "/?q=council+work", "/state/FRA", "/api/search?q=ask&country=FRA&size=100"}
	stop := make(chan struct{})
	var clients sync.WaitGroup
	var answered atomic.Int64
	for c := 0; c < 50; c++ {
		clients.Add(1)
		go func(c int) {
			defer clients.Done()
			for i := c; ; i++ {
				select {
				case <-stop:
					return
				default:
				}
				resp, err := http.Get(base + paths[i%len(paths)])
				if err != nil {
					return // the server is going
				}
				io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
				answered.Add(1)
			}
		}(c)
	}
	time.Sleep(3 * time.Second)
	sent := time.Now()
	if err := cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	select {
	case err := <-exited:
		if err != nil {
			t.Errorf("serve ended with %v after SIGTERM", err)
		}
		t.Logf("%d requests answered; serve stopped %v after SIGTERM", answered.Load(), time.Since(sent).Round(time.Millisecond))
	case <-time.After(time.Minute): // a liveness bound
		t.Error("serve still running a minute after SIGTERM")
	}
	close(stop)
	clients.Wait()
}
