package main

import (
	"bytes"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime/debug"
	"strings"
	"sync"
	"testing"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/scdebate/scdebate/corpus"
)

// sampleRun is a workspace the whole pipeline wrote from the embedded
// sample, made once for the tests that read one.
var (
	sampleWSOnce sync.Once
	sampleWS     string
	sampleWSErr  error
)

func sampleRunWorkspace(t *testing.T) string {
	t.Helper()
	sampleWSOnce.Do(func() {
		sampleWS = filepath.Join(binaryDir, "sample-ws")
		sampleWSErr = execRun(t.Context(), io.Discard, io.Discard, "run", "--out", sampleWS)
	})
	if sampleWSErr != nil {
		t.Fatal(sampleWSErr)
	}
	return sampleWS
}

// cli runs a command line as main does and returns what it printed and
// its exit code, the message of an error included.
func cli(t *testing.T, env map[string]string, args ...string) (out string, code int) {
	t.Helper()
	for k, v := range env {
		t.Setenv(k, v)
	}
	var stdout, stderr bytes.Buffer
	err := execRun(t.Context(), &stdout, &stderr, args...)
	code = exitCode(err, false)
	out = stdout.String() + stderr.String()
	if err != nil {
		out += "scdebate: " + err.Error()
	}
	return out, code
}

// A mistyped value, command or workspace gets a clear answer and the
// documented exit code, never an empty result.
func TestClearAnswers(t *testing.T) {
	ws := sampleRunWorkspace(t)
	missing := filepath.Join(t.TempDir(), "no-such-workspace")
	xlsx := filepath.Join(t.TempDir(), "out.xlsx")
	csv := filepath.Join(t.TempDir(), "out.csv")
	tests := []struct {
		name string
		env  map[string]string
		args []string
		code int
		want []string
	}{
		{"unknown command", nil, []string{"serch", "veto"}, exitUsage, []string{`unknown command "serch"`, "search"}},
		{"extra argument", nil, []string{"report", "--workspace", ws, "extra"}, exitUsage, []string{"unknown command"}},
		{"report unknown theme", nil, []string{"report", "--workspace", ws, "--out", xlsx, "--theme", "vetoo"}, exitUsage, []string{"theme", `"vetoo"`, "did you mean veto"}},
		{"export misspelt theme", nil, []string{"export", "--workspace", ws, "--out", csv, "--theme", "transparancy"}, exitUsage, []string{"did you mean transparency"}},
		{"report country by name", nil, []string{"report", "--workspace", ws, "--out", xlsx, "--country", "New Zealand"}, exitOK, []string{"wrote"}},
		{"report country in French", nil, []string{"report", "--workspace", ws, "--out", xlsx, "--country", "Nouvelle-Zélande"}, exitOK, []string{"wrote"}},
		{"report unknown country", nil, []string{"report", "--workspace", ws, "--out", xlsx, "--country", "New Zeeland"}, exitUsage, []string{"New Zealand (NZL)"}},
		{"report language not official", nil, []string{"report", "--workspace", ws, "--out", xlsx, "--language", "de"}, exitUsage, []string{"ar, zh, en, fr, ru, es"}},
		{"report unknown group", nil, []string{"report", "--workspace", ws, "--out", xlsx, "--group", "Atlantic Alliance"}, exitUsage, []string{"no such group", "scdebate groups"}},
		{"one document", nil, []string{"report", "--workspace", ws, "--out", xlsx, "--session", "78"}, exitOK, []string{"(1 document)"}},
		{"search unknown theme", nil, []string{"search", "--workspace", ws, "--theme", "vetoo", "veto"}, exitUsage, []string{"did you mean veto"}},
		{"search language not official", nil, []string{"search", "--workspace", ws, "--lang", "de", "veto"}, exitUsage, []string{"official language"}},
		{"search group by ID", nil, []string{"search", "--workspace", ws, "--group", "ufc", "veto"}, exitOK, []string{"CITATION"}},
		{"search group misspelt", nil, []string{"search", "--workspace", ws, "--group", "ufcc", "veto"}, exitUsage, []string{"did you mean ufc"}},
		{"search country by name", nil, []string{"search", "--workspace", ws, "--country", "New Zealand", "veto"}, exitOK, []string{"NZL"}},
		{"search past the end", nil, []string{"search", "--workspace", ws, "--from", "1000", "veto"}, exitOK, []string{"passages match; --from 1000 is past the last of them"}},
		{"search cites the paragraph", nil, []string{"search", "--workspace", ws, "veto"}, exitOK, []string{", para. ", "para. counts the paragraphs of the speaker's statement"}},
		{"export format in capitals", nil, []string{"export", "--workspace", ws, "--out", csv, "--format", "CSV"}, exitOK, []string{"wrote"}},
		{"index missing workspace", nil, []string{"index", "--workspace", missing}, exitUsage, []string{"no workspace at " + missing}},
		{"analyze missing workspace", nil, []string{"analyze", "--workspace", missing}, exitUsage, []string{"no workspace at " + missing}},
		{"serve missing workspace", nil, []string{"serve", "--workspace", missing}, exitUsage, []string{"no workspace at " + missing}},
		{"search missing workspace", nil, []string{"search", "--workspace", missing, "veto"}, exitUsage, []string{"no workspace at " + missing}},
		{"workspace from the environment", map[string]string{"SCDEBATE_WORKSPACE": missing}, []string{"index"}, exitUsage, []string{"no workspace at " + missing}},
		{"groups", nil, []string{"groups"}, exitOK, []string{"oic", "Organisation of Islamic Cooperation", "act", "g77"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, code := cli(t, tt.env, tt.args...)
			if code != tt.code {
				t.Errorf("exit %d, want %d\n%s", code, tt.code, out)
			}
			for _, w := range tt.want {
				if !strings.Contains(out, w) {
					t.Errorf("output lacks %q:\n%s", w, out)
				}
			}
			if strings.Contains(out, "Documents 0") {
				t.Errorf("an empty result:\n%s", out)
			}
		})
	}
	if _, err := os.Stat(missing); !os.IsNotExist(err) {
		t.Errorf("a command created the missing workspace %s", missing)
	}
}

// analyze, index and serve with no --workspace read ./scdebate-out, and
// with none there, say so and write nothing in the current directory.
func TestNoWorkspaceWritesNothing(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	for _, args := range [][]string{{"analyze"}, {"index"}, {"serve", "--addr", "127.0.0.1:0"}, {"search", "veto"}, {"report"}, {"export"}} {
		out, code := cli(t, nil, args...)
		if code != exitUsage || !strings.Contains(out, "no workspace at "+corpus.DefaultWorkspace) {
			t.Errorf("%v: exit %d\n%s", args, code, out)
		}
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("the commands wrote %v into the current directory", entries)
	}
}

// Every flag of every command honours its SCDEBATE_* variable, and a
// malformed value is a usage error naming the variable.
func TestEveryFlagHonoursItsVariable(t *testing.T) {
	root := newRootCmd()
	var visit func(c *cobra.Command)
	checked := 0
	visit = func(c *cobra.Command) {
		if c.PersistentPreRun != nil || c.PersistentPreRunE != nil {
			t.Errorf("%s has a persistent pre-run of its own: the root's, which reads the environment, would not run", c.CommandPath())
		}
		c.Flags().VisitAll(func(f *pflag.Flag) {
			if f.Name == "help" {
				return
			}
			value, want := envSample(f)
			t.Run(strings.ReplaceAll(c.CommandPath(), " ", "_")+"/"+f.Name, func(t *testing.T) {
				t.Setenv(envName(f.Name), value)
				fresh, _, err := newRootCmd().Find(strings.Fields(c.CommandPath())[1:])
				if err != nil {
					t.Fatal(err)
				}
				if err := fresh.ParseFlags(nil); err != nil {
					t.Fatal(err)
				}
				if err := applyEnv(fresh.Flags()); err != nil {
					t.Fatal(err)
				}
				if got := fresh.Flags().Lookup(f.Name).Value.String(); got != want {
					t.Errorf("%s=%q gives --%s %q, want %q", envName(f.Name), value, f.Name, got, want)
				}
				if !strings.Contains(fresh.Flags().Lookup(f.Name).Usage, envName(f.Name)) {
					t.Errorf("the help of --%s does not name %s", f.Name, envName(f.Name))
				}
			})
			checked++
		})
		for _, sub := range c.Commands() {
			visit(sub)
		}
	}
	for _, c := range root.Commands() {
		visit(c)
	}
	if checked < 40 {
		t.Errorf("%d flags checked", checked)
	}

	// Through the command itself: search honours SCDEBATE_SIZE and
	// SCDEBATE_JSON; a malformed value names its variable; a flag on the
	// command line wins.
	ws := sampleRunWorkspace(t)
	t.Run("search from the environment", func(t *testing.T) {
		out, code := cli(t, map[string]string{"SCDEBATE_SIZE": "2", "SCDEBATE_JSON": "1", "SCDEBATE_WORKSPACE": ws}, "search", "veto")
		if code != exitOK || strings.Count(out, `"symbol"`) != 2 || !strings.HasPrefix(strings.TrimSpace(out), "{") {
			t.Errorf("search with SCDEBATE_SIZE=2 SCDEBATE_JSON=1: exit %d\n%.400s", code, out)
		}
	})
	t.Run("malformed", func(t *testing.T) {
		out, code := cli(t, map[string]string{"SCDEBATE_SIZE": "many"}, "search", "--workspace", ws, "veto")
		if code != exitUsage || !strings.Contains(out, "SCDEBATE_SIZE") {
			t.Errorf("SCDEBATE_SIZE=many: exit %d\n%s", code, out)
		}
	})
	t.Run("flag wins", func(t *testing.T) {
		out, code := cli(t, map[string]string{"SCDEBATE_SIZE": "2"}, "search", "--workspace", ws, "--size", "3", "veto")
		if code != exitOK || !strings.Contains(out, "1–3 of") {
			t.Errorf("--size 3 over SCDEBATE_SIZE=2: exit %d\n%s", code, out)
		}
	})
}

// envSample is a value for a flag's variable other than the flag's
// default, and the value the flag then shows.
func envSample(f *pflag.Flag) (value, shown string) {
	switch f.Value.Type() {
	case "bool":
		if f.DefValue == "true" {
			return "false", "false"
		}
		return "true", "true"
	case "int", "int64", "uint":
		return "7", "7"
	case "float64":
		return "2.5", "2.5"
	case "duration":
		return "3s", "3s"
	case "stringSlice":
		return "a,b", "[a,b]"
	case "stringArray":
		return "a" + string(os.PathListSeparator) + "b c", "[a,b c]"
	}
	return "x-value", "x-value"
}

func TestVersionLine(t *testing.T) {
	tests := []struct {
		name string
		bi   *debug.BuildInfo
		want []string
	}{
		{"tagged", &debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Version: "v1.2.0"}, Settings: []debug.BuildSetting{
			{Key: "vcs.revision", Value: "0123456789abcdef"}, {Key: "vcs.time", Value: "2026-01-02T03:04:05Z"}, {Key: "vcs.modified", Value: "false"},
		}}, []string{"scdebate v1.2.0", "revision 0123456789abcdef of 2026-01-02T03:04:05Z", "go1.26.8"}},
		{"modified", &debug.BuildInfo{Main: debug.Module{Version: "v0.0.0-20260102030405-0123456789ab+dirty"}, Settings: []debug.BuildSetting{
			{Key: "vcs.revision", Value: "0123456789abcdef"}, {Key: "vcs.modified", Value: "true"},
		}}, []string{"v0.0.0-20260102030405-0123456789ab+dirty", "with uncommitted changes"}},
		{"go run", &debug.BuildInfo{Main: debug.Module{Version: "(devel)"}}, []string{"scdebate devel", "without version-control information"}},
	}
	for _, tt := range tests {
		got := versionLine(tt.bi)
		for _, w := range tt.want {
			if !strings.Contains(got, w) {
				t.Errorf("%s: %q lacks %q", tt.name, got, w)
			}
		}
		if strings.Contains(got, "(devel)") {
			t.Errorf("%s: %q", tt.name, got)
		}
	}
}

// A binary built from a git checkout names the commit it was built from.
func TestVersionNamesTheRevision(t *testing.T) {
	top, err := exec.Command("git", "rev-parse", "--show-toplevel").Output()
	if err != nil {
		t.Skipf("not a git checkout: %v", err)
	}
	if st, err := os.Stat(filepath.Join(strings.TrimSpace(string(top)), ".git")); err != nil || !st.IsDir() {
		// The go command reads version control only where .git is a
		// directory, not in a linked worktree.
		t.Skip("a linked git worktree: the go command stamps no revision here (a clone does)")
	}
	head, err := exec.Command("git", "rev-parse", "HEAD").Output()
	if err != nil {
		t.Fatal(err)
	}
	bin := filepath.Join(t.TempDir(), "scdebate")
	build := exec.Command("go", "build", "-buildvcs=true", "-o", bin, ".")
	build.Env = append(os.Environ(), "GOFLAGS=")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	out, err := exec.Command(bin, "version").Output()
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(out), "revision "+strings.TrimSpace(string(head))) || strings.Contains(string(out), "(devel)") {
		t.Errorf("version printed %q, want revision %s", out, head)
	}
}

// run writes the workspace SCDEBATE_WORKSPACE names, the one the other
// commands then read, unless --out says otherwise.
func TestRunWritesTheWorkspaceOfTheEnvironment(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	ws := filepath.Join(dir, "ws")
	out, _ := cli(t, map[string]string{"SCDEBATE_WORKSPACE": ws}, "run", "--corpus", filepath.Join(dir, "missing"))
	if _, err := os.Stat(filepath.Join(ws, corpus.RecordsDir)); err != nil {
		t.Errorf("run did not write %s: %v\n%s", ws, err, out)
	}
	if _, err := os.Stat(corpus.DefaultWorkspace); !os.IsNotExist(err) {
		t.Errorf("run wrote ./%s despite SCDEBATE_WORKSPACE", corpus.DefaultWorkspace)
	}
	other := filepath.Join(dir, "other")
	cli(t, nil, "run", "--out", other, "--corpus", filepath.Join(dir, "missing"))
	if _, err := os.Stat(filepath.Join(other, corpus.RecordsDir)); err != nil {
		t.Errorf("--out did not win over SCDEBATE_WORKSPACE: %v", err)
	}
}
