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
	if !strings.Contains(lines[0], `"codes":[{"theme":"veto","source":"rule","evidence":["veto"],"score":`) || !strings.Contains(lines[0], `"debate":"report"`) {
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

func TestTrainCommand(t *testing.T) {
	ws := t.TempDir()
	os.MkdirAll(filepath.Join(ws, "records"), 0o755)
	b, err := os.ReadFile(filepath.Join("..", "..", "analysis", "testdata", "records", "A_75_PV.12.en.json"))
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(ws, "records", "A_75_PV.12.en.json"), b, 0o644)
	data := filepath.Join(t.TempDir(), "labels.yaml")
	os.WriteFile(data, []byte(`- lang: en
  themes: [veto]
  text: The veto must not block action on atrocities.
- lang: en
  context: other
  themes: []
  text: The Agency's annual report is comprehensive.
- lang: en
  themes: [annual-report]
  text: The report should be more analytical.
`), 0o644)
	if _, err := run(t, "", "train", "--data", data); !errors.As(err, new(usageError)) {
		t.Errorf("train without a destination: %v, want a usage error", err)
	}
	out, err := run(t, "", "train", "--no-base", "--data", data, "--workspace", ws)
	if err != nil || !strings.Contains(out, "trained on 3 passages") {
		t.Fatalf("train: %v\n%s", err, out)
	}
	if _, err := os.Stat(filepath.Join(ws, "model.json")); err != nil {
		t.Fatal(err)
	}
	out, err = run(t, "", "analyze", "--workspace", ws, "--no-phrases")
	if err != nil || !strings.Contains(out, "analysed 1, unchanged 0") {
		t.Fatalf("analyze with the workspace's model: %v\n%s", err, out)
	}
	out, _ = run(t, "", "analyze", "--workspace", ws, "--no-phrases")
	if !strings.Contains(out, "analysed 0, unchanged 1") {
		t.Errorf("second analyze:\n%s", out)
	}
	// Another model makes the annotations stale; so does going back to the
	// taxonomy alone.
	out, _ = run(t, "", "analyze", "--workspace", ws, "--no-phrases", "--model", "none")
	if !strings.Contains(out, "analysed 1, unchanged 0") {
		t.Errorf("analyze --model none:\n%s", out)
	}
	if _, err := run(t, "", "analyze", "--workspace", ws, "--model", filepath.Join(ws, "missing.json")); !errors.As(err, new(usageError)) {
		t.Errorf("--model missing.json: %v, want a usage error", err)
	}
	bad := filepath.Join(t.TempDir(), "bad.yaml")
	os.WriteFile(bad, []byte("- lang: de\n  text: x\n"), 0o644)
	if _, err := run(t, "", "train", "--no-base", "--data", bad, "--out", filepath.Join(t.TempDir(), "m.json")); err == nil || !strings.Contains(err.Error(), "bad.yaml: passage 1") {
		t.Errorf("bad data: %v", err)
	}
}
