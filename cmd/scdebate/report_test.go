package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/scdebate/scdebate/analysis"
	"github.com/scdebate/scdebate/corpus"
	"github.com/xuri/excelize/v2"
)

// reportWorkspace stores one coded record in a new workspace.
func reportWorkspace(t *testing.T) string {
	t.Helper()
	ws, err := corpus.OpenWorkspace(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	rec := &corpus.Record{
		Symbol: "A/79/PV.29", Kind: corpus.KindVerbatim, Language: "en", Session: corpus.Int(79), Meeting: corpus.Int(29),
		Date: "2024-11-18", Source: corpus.Source{SHA256: strings.Repeat("ab", 32), Pages: 20},
		Speeches: []corpus.Speech{{
			Seq: 1, Speaker: "Mr. Lagos", Role: corpus.RoleMemberState, Delegation: "Mexico", CountryCode: "MEX",
			Paragraphs: []corpus.Paragraph{
				{N: 1, Page: 4, Text: `The veto must not be used in cases of mass atrocities, "as we have long said".`},
				{N: 2, Page: 4, Text: "We thank the President."},
			},
		}},
	}
	if _, err := ws.Records().Put(rec); err != nil {
		t.Fatal(err)
	}
	ann := &analysis.Annotation{
		Version: analysis.AnnotationVersion, RecordSHA256: rec.Source.SHA256, Symbol: rec.Symbol, Language: "en",
		TaxonomyHash: "t1",
		Speeches: []analysis.SpeechAnnotation{{Seq: 1, Themes: []string{"veto"}, Paragraphs: []analysis.ParagraphAnnotation{
			{N: 1, Themes: []string{"veto"}, Proposal: true}, {N: 2},
		}}},
	}
	if err := analysis.WriteAnnotation(ws, ann); err != nil {
		t.Fatal(err)
	}
	return ws.Dir
}

func runCLI(args ...string) error {
	root := newRootCmd()
	root.SetArgs(args)
	root.SetOut(&bytes.Buffer{})
	root.SetErr(&bytes.Buffer{})
	return root.ExecuteContext(context.Background())
}

func TestReportCommand(t *testing.T) {
	ws := reportWorkspace(t)
	out := t.TempDir()
	tests := []struct {
		name      string
		args      []string
		usage     bool
		wantError bool
		check     func(t *testing.T)
	}{
		{name: "bad session", args: []string{"report", "--workspace", ws, "--session", "79-70"}, usage: true},
		{name: "bad country", args: []string{"report", "--workspace", ws, "--country", "Frnace"}, usage: true},
		{name: "negative cap", args: []string{"report", "--workspace", ws, "--max-rows", "-1"}, usage: true},
		{name: "missing workspace", args: []string{"report", "--workspace", filepath.Join(out, "nowhere")}, usage: true},
		{name: "unknown format", args: []string{"export", "--workspace", ws, "--format", "ods"}, usage: true},
		{name: "unknown flag", args: []string{"report", "--colour"}, usage: true},
		{name: "nothing selected", args: []string{"report", "--workspace", ws, "--session", "80", "--out", filepath.Join(out, "empty.xlsx")}, wantError: true,
			check: func(t *testing.T) {
				if _, err := os.Stat(filepath.Join(out, "empty.xlsx")); !os.IsNotExist(err) {
					t.Fatalf("a workbook was written for an empty selection: %v", err)
				}
			}},
		{name: "out in a missing directory", args: []string{"report", "--workspace", ws, "--out", filepath.Join(out, "no", "f.xlsx")}, wantError: true},
		{
			name: "workbook",
			args: []string{"report", "--workspace", ws, "--out", filepath.Join(out, "veto.xlsx"), "--session", "79", "--theme", "veto", "--country", "MEX"},
			check: func(t *testing.T) {
				f, err := excelize.OpenFile(filepath.Join(out, "veto.xlsx"))
				if err != nil {
					t.Fatal(err)
				}
				defer f.Close()
				rows, err := f.GetRows("Comments")
				if err != nil || len(rows) != 2 || rows[1][2] != "A/79/PV.29" {
					t.Fatalf("Comments rows %q, %v", rows, err)
				}
			},
		},
		{
			name: "csv with bom",
			args: []string{"export", "--workspace", ws, "--format", "csv", "--out", filepath.Join(out, "c.csv"), "--bom"},
			check: func(t *testing.T) {
				b, err := os.ReadFile(filepath.Join(out, "c.csv"))
				if err != nil {
					t.Fatal(err)
				}
				if !bytes.HasPrefix(b, []byte("\xef\xbb\xbfSession,")) || !bytes.Contains(b, []byte(`""as we have long said"".`)) {
					t.Fatalf("csv = %q", b)
				}
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := runCLI(tt.args...)
			if got := exitCode(err, false) == exitUsage; got != tt.usage {
				t.Fatalf("err = %v; usage error %v, want %v", err, got, tt.usage)
			}
			if (err != nil) != (tt.usage || tt.wantError) {
				t.Fatalf("err = %v", err)
			}
			if tt.check != nil {
				tt.check(t)
			}
		})
	}
	entries, _ := os.ReadDir(out)
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".") {
			t.Fatalf("temporary file %s left behind", e.Name())
		}
	}
}
