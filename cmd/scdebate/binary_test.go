package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// The tests in this package that exercise the command as a user does —
// hostile inputs, kills, two writers — run the real binary, built once.
var (
	binaryDir  string
	buildOnce  sync.Once
	binaryPath string
	buildErr   error
)

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "scdebate-test-bin-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	binaryDir = dir
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// scdebateBinary builds the command into a temporary directory the first
// time a test asks for it.
func scdebateBinary(t testing.TB) string {
	t.Helper()
	buildOnce.Do(func() {
		path := filepath.Join(binaryDir, "scdebate")
		out, err := exec.Command("go", "build", "-o", path, ".").CombinedOutput()
		if err != nil {
			buildErr = fmt.Errorf("go build: %v\n%s", err, out)
			return
		}
		binaryPath = path
	})
	if buildErr != nil {
		t.Fatal(buildErr)
	}
	return binaryPath
}

// binaryRun is one finished run of the binary.
type binaryRun struct {
	args           []string
	stdout, stderr string
	code           int
	elapsed        time.Duration
	// maxRSS is the peak resident set of the process and of the worker
	// processes it waited for, in bytes.
	maxRSS int64
}

func (r binaryRun) String() string {
	return fmt.Sprintf("scdebate %s: exit %d\nstdout:\n%s\nstderr:\n%s", strings.Join(r.args, " "), r.code, r.stdout, r.stderr)
}

// panicked tells whether the run printed a Go panic or a goroutine dump,
// which a user must never see.
func (r binaryRun) panicked() bool {
	for _, s := range []string{r.stdout, r.stderr} {
		if strings.Contains(s, "panic:") || strings.Contains(s, "goroutine ") || strings.Contains(s, "runtime error") {
			return true
		}
	}
	return false
}

// runBinary runs the binary to completion with args, under a generous
// deadline that only a hung command reaches.
func runBinary(t testing.TB, env []string, args ...string) binaryRun {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, scdebateBinary(t), args...)
	cmd.Env = append(os.Environ(), env...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	start := time.Now()
	err := cmd.Run()
	r := binaryRun{args: args, stdout: stdout.String(), stderr: stderr.String(), elapsed: time.Since(start)}
	var ee *exec.ExitError
	switch {
	case err == nil:
	case errors.As(err, &ee):
		r.code = ee.ExitCode()
	default:
		t.Fatalf("scdebate %s: %v", strings.Join(args, " "), err)
	}
	if ctx.Err() != nil {
		t.Fatalf("scdebate %s did not finish in time\n%s", strings.Join(args, " "), r)
	}
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		r.maxRSS = ru.Maxrss << 10 // KiB on Linux
	}
	return r
}
