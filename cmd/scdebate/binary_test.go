package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
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

// measureEnv, when set, makes the test binary run its arguments as a
// command and write the command's peak resident set (KiB) to the file it
// names. A process started by a process inherits its starter's peak, so
// the tests, which grow large making hostile inputs, measure the binary
// through this small fresh process.
const measureEnv = "SCDEBATE_TEST_MEASURE_RSS"

func TestMain(m *testing.M) {
	if out := os.Getenv(measureEnv); out != "" {
		os.Exit(measureChild(out, os.Args[1:]))
	}
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

func measureChild(out string, args []string) int {
	cmd := exec.Command(args[0], args[1:]...)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = os.Stdin, os.Stdout, os.Stderr
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, measureEnv+"=") {
			cmd.Env = append(cmd.Env, kv)
		}
	}
	err := cmd.Run()
	var ee *exec.ExitError
	if err != nil && !errors.As(err, &ee) {
		fmt.Fprintln(os.Stderr, err)
		return 127
	}
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		os.WriteFile(out, []byte(strconv.FormatInt(ru.Maxrss, 10)), 0o644)
	}
	return cmd.ProcessState.ExitCode()
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
	self, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	rss := filepath.Join(t.TempDir(), "rss")
	cmd := exec.CommandContext(ctx, self, append([]string{scdebateBinary(t)}, args...)...)
	cmd.Env = append(append(os.Environ(), env...), measureEnv+"="+rss)
	// The measuring process and the binary with its workers go together.
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	cmd.Cancel = func() error { return syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL) }
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	start := time.Now()
	err = cmd.Run()
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
	if b, err := os.ReadFile(rss); err == nil {
		kib, _ := strconv.ParseInt(string(b), 10, 64)
		r.maxRSS = kib << 10
	}
	return r
}
