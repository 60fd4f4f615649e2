package main

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func run(t *testing.T, stdin string, args ...string) (string, error) {
	t.Helper()
	root := newRootCmd()
	var out bytes.Buffer
	root.SetArgs(args)
	root.SetIn(strings.NewReader(stdin))
	root.SetOut(&out)
	root.SetErr(&out)
	err := root.ExecuteContext(t.Context())
	return out.String(), err
}

func TestClassifyCommand(t *testing.T) {
	out, err := run(t, "The veto must not be used to block action on atrocities.\nWe thank the President.\n", "classify")
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 2 || !strings.Contains(lines[0], `"themes":["veto"]`) || !strings.Contains(lines[1], `"themes":[]`) {
		t.Errorf("output:\n%s", out)
	}
	if !strings.Contains(lines[0], `"codes":[{"theme":"veto","source":"rule","evidence":["veto"]}]`) || !strings.Contains(lines[0], `"debate":"report"`) {
		t.Errorf("codes or debate missing:\n%s", lines[0])
	}
	if _, err := run(t, "", "classify", "--lang", "de"); !errors.As(err, new(usageError)) {
		t.Errorf("--lang de: %v, want a usage error", err)
	}
	if _, err := run(t, "", "classify", "--context", "debate"); !errors.As(err, new(usageError)) {
		t.Errorf("--context debate: %v, want a usage error", err)
	}
	// The debate's short forms name the Council's report only in its debate;
	// elsewhere a passage must name the Council.
	passages := "The report should be more analytical.\nTransparency matters to every Member State.\n"
	out, err = run(t, passages, "classify")
	if err != nil || strings.Count(out, `"themes":["annual-report"]`) != 1 || strings.Count(out, `"themes":["transparency"]`) != 1 {
		t.Errorf("--context report: %v\n%s", err, out)
	}
	out, err = run(t, passages, "classify", "--context", "other")
	if err != nil || strings.Count(out, `"themes":[]`) != 2 || !strings.Contains(out, `"debate":"other"`) {
		t.Errorf("--context other: %v\n%s", err, out)
	}
	bad := filepath.Join(t.TempDir(), "bad.yaml")
	os.WriteFile(bad, []byte("themes:\n  - id: a\n    name: A\n"), 0o644)
	if _, err := run(t, "x\n", "classify", "--themes", bad); err == nil || !strings.Contains(err.Error(), "bad.yaml:2") {
		t.Errorf("bad theme file: %v", err)
	}
}

func TestThemesCommand(t *testing.T) {
	out, err := run(t, "", "themes")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out, "note-507") || !strings.Contains(out, "26 themes") {
		t.Errorf("output:\n%s", out)
	}
}

func TestAnalyzeCommand(t *testing.T) {
	ws := t.TempDir()
	os.MkdirAll(filepath.Join(ws, "records"), 0o755)
	for _, name := range []string{"A_75_PV.12.en.json", "A_77_PV.1.en.json"} {
		b, err := os.ReadFile(filepath.Join("..", "..", "analysis", "testdata", "records", name))
		if err != nil {
			t.Fatal(err)
		}
		os.WriteFile(filepath.Join(ws, "records", name), b, 0o644)
	}
	out, err := run(t, "", "analyze", "--workspace", ws, "--no-phrases")
	if !errors.As(err, new(partialError)) || !strings.Contains(out, "analysed 1, unchanged 0, failed 1") || !strings.Contains(out, "A_77_PV.1.en.json") {
		t.Errorf("first run: %v\n%s", err, out)
	}
	out, _ = run(t, "", "analyze", "--workspace", ws, "--no-phrases")
	if !strings.Contains(out, "analysed 0, unchanged 1, failed 1") {
		t.Errorf("second run:\n%s", out)
	}
}
