package fetch

import (
	"context"
	"fmt"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"
)

// Environment of the child process TestKilledFetch starts and kills.
const (
	helperRaw    = "SCDEBATE_FETCH_TEST_CHILD_RAW"
	helperBase   = "SCDEBATE_FETCH_TEST_CHILD_BASE"
	helperSymbol = "SCDEBATE_FETCH_TEST_CHILD_SYMBOL"
)

// TestMain lets the test binary act as the child process: a fetch that
// the parent kills in the middle of a download.
func TestMain(m *testing.M) {
	if raw := os.Getenv(helperRaw); raw != "" {
		f := New(Options{RawDir: raw, ODSBaseURL: os.Getenv(helperBase), Client: NewClient(HTTPOptions{Rate: -1})})
		_, err := f.Fetch(context.Background(), []Target{{Symbol: os.Getenv(helperSymbol), Lang: "en"}})
		fmt.Fprintln(os.Stderr, "child fetch ended:", err)
		os.Exit(3)
	}
	os.Exit(m.Run())
}

func TestKilledFetch(t *testing.T) {
	a := loadReal(t, "A_79_PV.29.pdf")
	half := len(a.Data) / 2
	sent := make(chan struct{})
	srv := newODSServer(t, nil, a)
	srv.on(filePath(a.Symbol, "en"), func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/pdf")
		w.Header().Set("ETag", `"v1"`)
		w.Header().Set("Content-Length", fmt.Sprint(len(a.Data)))
		w.WriteHeader(200)
		w.Write(a.Data[:half])
		w.(http.Flusher).Flush()
		close(sent)
		<-r.Context().Done()
	})
	raw := filepath.Join(t.TempDir(), "raw")
	child := exec.Command(os.Args[0], "-test.run=^$")
	child.Env = append(os.Environ(), helperRaw+"="+raw, helperBase+"="+srv.URL, helperSymbol+"="+a.Symbol)
	if err := child.Start(); err != nil {
		t.Fatal(err)
	}
	select {
	case <-sent:
	case <-time.After(60 * time.Second):
		child.Process.Kill()
		t.Fatal("the child never started downloading")
	}
	part := partPath(raw, FileName(a.Symbol, "en"))
	// Kill once the child has written what it received (or after a bound,
	// which only makes the resumed part smaller).
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(10 * time.Millisecond) {
		if st, err := os.Stat(part); err == nil && st.Size() == int64(half) {
			break
		}
	}
	if err := child.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	child.Wait()

	final := filepath.Join(raw, FileName(a.Symbol, "en"))
	if _, err := os.Stat(final); err == nil {
		t.Fatal("a killed fetch left a file under its final name")
	}
	if _, err := os.Stat(part); err != nil {
		t.Fatalf("no part file to resume: %v", err)
	}

	report, err := New(Options{RawDir: raw, ODSBaseURL: srv.URL, Client: NewClient(HTTPOptions{Rate: -1})}).Fetch(context.Background(), []Target{{Symbol: a.Symbol, Lang: "en"}})
	if err != nil {
		t.Fatal(err)
	}
	if res := report.Results[0]; res.Status != StatusDownloaded || res.Entry.SHA256 != a.SHA256 {
		t.Fatalf("after the kill: %s %v", res.Status, res.Err)
	}
	if got := rawFiles(t, raw); len(got) != 2 {
		t.Errorf("raw/ holds %v", got)
	}
}
