package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/scdebate/scdebate/analysis"
	"github.com/scdebate/scdebate/cmd/scdebate/internal/pipeline"
	"github.com/scdebate/scdebate/corpus"
	"github.com/scdebate/scdebate/corpus/fixtures"
	"github.com/scdebate/scdebate/corpus/sample"
	"github.com/scdebate/scdebate/index"
	"github.com/scdebate/scdebate/ingest"
	"github.com/scdebate/scdebate/reports"
)

// testRunConfig is run's configuration with its flags' defaults.
func testRunConfig(out string, corpusPaths ...string) runConfig {
	return runConfig{out: out, corpus: corpusPaths, ingest: ingestFlags{workers: 2, timeout: time.Minute}}
}

// runOutputs is what a run left in its workspace, read back stage by stage.
type runOutputs struct {
	records     map[string]*corpus.Record // by file name
	annotations map[string]*analysis.Annotation
	info        index.Info
	themed      uint64     // passages the index holds with a theme
	comments    [][]string // the workbook's Comments sheet, header first
	overview    [][]string // the workbook's Overview
}

func readRunOutputs(t *testing.T, out string) *runOutputs {
	t.Helper()
	ws := &corpus.Workspace{Dir: out}
	tx, err := analysis.DefaultTaxonomy()
	if err != nil {
		t.Fatal(err)
	}
	o := &runOutputs{records: map[string]*corpus.Record{}, annotations: map[string]*analysis.Annotation{}}
	err = ws.Records().Walk(t.Context(), corpus.StopOnError, func(path string, rec *corpus.Record) error {
		name := filepath.Base(path)
		o.records[name] = rec
		ann, err := analysis.ReadAnnotation(ws, rec.Source.SHA256, tx.Hash())
		if err != nil {
			return fmt.Errorf("annotation of %s: %w", name, err)
		}
		o.annotations[name] = ann
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	ix, err := index.Open(ws)
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	if o.info, err = ix.Info(); err != nil {
		t.Fatal(err)
	}
	res, err := ix.Search(t.Context(), &index.Request{Themes: tx.IDs()})
	if err != nil {
		t.Fatal(err)
	}
	o.themed = res.Total
	f, err := excelize.OpenFile(filepath.Join(out, pipeline.WorkbookName))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if o.comments, err = f.GetRows(reports.SheetComments); err != nil {
		t.Fatal(err)
	}
	if o.overview, err = f.GetRows(reports.SheetOverview); err != nil {
		t.Fatal(err)
	}
	return o
}

// passages counts the paragraphs the index holds for a record.
func passages(rec *corpus.Record) int {
	n := 0
	for _, sp := range rec.Speeches {
		for _, p := range sp.Paragraphs {
			if strings.TrimSpace(p.Text) != "" {
				n++
			}
		}
	}
	return n
}

// codedComments lists the coded paragraphs of a record as the Comments
// sheet shows them: symbol, paragraph number and themes.
func codedComments(rec *corpus.Record, ann *analysis.Annotation) []string {
	byseq := map[int]analysis.SpeechAnnotation{}
	for _, sa := range ann.Speeches {
		byseq[sa.Seq] = sa
	}
	var out []string
	for _, sp := range rec.Speeches {
		themes := map[int][]string{}
		for _, pa := range byseq[sp.Seq].Paragraphs {
			themes[pa.N] = pa.Themes
		}
		for _, p := range sp.Paragraphs {
			if ts := themes[p.N]; len(ts) > 0 {
				out = append(out, fmt.Sprintf("%s ¶%d %s", rec.Symbol, p.N, strings.Join(ts, "; ")))
			}
		}
	}
	return out
}

// sheetComments lists the Comments sheet's rows as codedComments does.
func sheetComments(t *testing.T, rows [][]string) []string {
	t.Helper()
	col := map[string]int{}
	for i, h := range rows[0] {
		col[h] = i
	}
	for _, h := range []string{"Symbol", "Paragraph", "Themes"} {
		if _, ok := col[h]; !ok {
			t.Fatalf("Comments header %q has no %s column", rows[0], h)
		}
	}
	var out []string
	for _, r := range rows[1:] {
		cell := func(h string) string {
			if col[h] < len(r) {
				return r[col[h]]
			}
			return ""
		}
		out = append(out, fmt.Sprintf("%s ¶%s %s", cell("Symbol"), cell("Paragraph"), cell("Themes")))
	}
	return out
}

// checkConsistent checks the outputs of a run against each other and
// against the facts of its summary.
func checkConsistent(t *testing.T, o *runOutputs, f *pipeline.Facts) {
	t.Helper()
	var (
		all, themed, speeches int
		preferred             = map[string]string{} // symbol → file name of the version the workbook uses
		states                = map[string]bool{}
	)
	for name, rec := range o.records {
		ann := o.annotations[name]
		if len(ann.Speeches) != len(rec.Speeches) {
			t.Errorf("%s: %d speeches, %d coded", name, len(rec.Speeches), len(ann.Speeches))
		}
		all += passages(rec)
		themed += len(codedComments(rec, ann))
		if old, ok := preferred[rec.Symbol]; !ok || corpus.LanguageRank(rec.Language) < corpus.LanguageRank(o.records[old].Language) {
			preferred[rec.Symbol] = name
		}
	}
	var want []string
	for _, name := range preferred {
		rec := o.records[name]
		want = append(want, codedComments(rec, o.annotations[name])...)
		speeches += len(rec.Speeches)
		for _, sp := range rec.Speeches {
			if sp.Role == corpus.RoleMemberState || sp.Role == corpus.RoleObserver {
				states[sp.CountryCode] = true
			}
		}
	}
	delete(states, "")
	if o.info.Records != len(o.records) || o.info.Passages != all {
		t.Errorf("index holds %d records and %d passages; the workspace has %d records and %d paragraphs",
			o.info.Records, o.info.Passages, len(o.records), all)
	}
	if int(o.themed) != themed {
		t.Errorf("index holds %d passages with a theme; the annotations code %d paragraphs", o.themed, themed)
	}
	got := sheetComments(t, o.comments)
	slices.Sort(got)
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Errorf("Comments sheet has %d rows, the annotations of the workbook's documents code %d paragraphs; first rows %q, want %q",
			len(got), len(want), got[:min(3, len(got))], want[:min(3, len(want))])
	}
	if f.Records != len(o.records) || f.Documents != len(preferred) || f.Coded != len(want) || f.Speeches != speeches || f.States != len(states) {
		t.Errorf("summary %d records, %d documents, %d speeches, %d states, %d coded; outputs %d, %d, %d, %d, %d",
			f.Records, f.Documents, f.Speeches, f.States, f.Coded, len(o.records), len(preferred), speeches, len(states), len(want))
	}
	checkOverviewAgrees(t, o.overview, f)
}

// checkOverviewAgrees checks the summary's figures against the workbook's
// Overview of the same corpus: its states, groups and each theme's
// paragraphs.
func checkOverviewAgrees(t *testing.T, rows [][]string, f *pipeline.Facts) {
	t.Helper()
	scope := map[string]string{}
	paragraphs := map[string]string{} // theme ID → the Paragraphs column
	col := -1
	for _, r := range rows {
		if len(r) > 1 && r[0] == "Theme" && r[1] == "ID" {
			col = slices.Index(r, "Paragraphs")
			continue
		}
		if col > 0 && len(r) > col && r[1] != "" {
			paragraphs[r[1]] = r[col]
			continue
		}
		if len(r) > 1 && col < 0 {
			scope[r[0]] = r[1]
		}
	}
	groups, _, _ := strings.Cut(scope["Groups spoken for"], ":")
	if got := scope["States speaking in their own voice"]; got != strconv.Itoa(f.States) || groups != strconv.Itoa(f.Groups) {
		t.Errorf("Overview: %s states in their own voice, %s groups; the summary %d and %d", got, groups, f.States, f.Groups)
	}
	if len(f.Themes) == 0 {
		t.Fatal("the summary counts no theme")
	}
	for _, th := range f.Themes {
		if got := paragraphs[th.ID]; got != strconv.Itoa(th.Paragraphs) {
			t.Errorf("Overview: %s in %s paragraphs; the summary %d", th.ID, got, th.Paragraphs)
		}
	}
}

// TestRunSample runs the pipeline on the embedded sample, checks its
// outputs against each other and the sample, runs it again to check that
// nothing is redone, then adds a document and checks that only it is.
func TestRunSample(t *testing.T) {
	out := filepath.Join(t.TempDir(), "out")
	first, err := runPipeline(t.Context(), testRunConfig(out), newProgress(io.Discard))
	if err != nil {
		t.Fatal(err)
	}
	authored, err := sample.Records()
	if err != nil {
		t.Fatal(err)
	}
	o := readRunOutputs(t, out)
	if len(o.records) != len(authored) {
		t.Fatalf("%d records, want the sample's %d", len(o.records), len(authored))
	}
	for _, want := range authored {
		name := corpus.FileName(want)
		rec := o.records[name]
		if rec == nil {
			t.Errorf("no record %s", name)
			continue
		}
		if !rec.Sample || !strings.HasPrefix(rec.Symbol, "SAMPLE/") {
			t.Errorf("%s: sample %v, symbol %s; want a record marked as a sample", name, rec.Sample, rec.Symbol)
		}
		if len(rec.Speeches) != len(want.Speeches) {
			t.Errorf("%s: %d speeches, the sample has %d", name, len(rec.Speeches), len(want.Speeches))
		}
		if _, err := os.Stat(rec.Source.Path); err != nil {
			t.Errorf("%s: source %v", name, err)
		}
	}
	checkConsistent(t, o, first.Facts)
	if first.Index.InIndex != o.info.Passages || first.Index.Passages != o.info.Passages {
		t.Errorf("index stage reported %d passages written, %d in the index; the index holds %d", first.Index.Passages, first.Index.InIndex, o.info.Passages)
	}
	n := len(authored)
	if first.Input != "sample" || first.Ingest.Written != n || first.Analysis.Written != n || first.Index.Written != n || !first.WorkbookWritten {
		t.Errorf("first run: input %s, stored %d, analysed %d, indexed %d, workbook written %v; want all %d documents processed",
			first.Input, first.Ingest.Written, first.Analysis.Written, first.Index.Written, first.WorkbookWritten, n)
	}
	if first.Facts.Samples != first.Facts.Documents || first.Facts.Coded == 0 || len(first.Facts.Themes) == 0 {
		t.Errorf("first run facts %+v", first.Facts)
	}

	// Nothing new: every stage skips everything and the workbook is left
	// as it is, byte for byte.
	workbook := filepath.Join(out, pipeline.WorkbookName)
	before, err := os.ReadFile(workbook)
	if err != nil {
		t.Fatal(err)
	}
	stampBefore, _ := corpus.StampOf(workbook)
	second, err := runPipeline(t.Context(), testRunConfig(out), newProgress(io.Discard))
	if err != nil {
		t.Fatal(err)
	}
	if second.Ingest.Written != 0 || second.Ingest.Unchanged != n ||
		second.Analysis.Written != 0 || second.Analysis.Unchanged != n ||
		second.Index.Written != 0 || second.Index.Passages != 0 || second.Index.Deleted != 0 || second.Index.Unchanged != n ||
		second.WorkbookWritten {
		t.Errorf("second run redid work: ingest %+v, analysis %+v, index %+v, workbook written %v",
			second.Ingest, second.Analysis, second.Index, second.WorkbookWritten)
	}
	after, _ := os.ReadFile(workbook)
	if stampAfter, _ := corpus.StampOf(workbook); !bytes.Equal(before, after) || stampAfter != stampBefore {
		t.Error("second run rewrote the workbook")
	}
	if !factsEqual(first.Facts, second.Facts) {
		t.Errorf("second run's summary %+v, first %+v", second.Facts, first.Facts)
	}

	// A new document: only it is stored, coded and indexed, and the
	// workbook is written again.
	dir := t.TempDir()
	writeGeneratedText(t, filepath.Join(dir, "new.txt"))
	third, err := runPipeline(t.Context(), testRunConfig(out, dir), newProgress(io.Discard))
	if err != nil {
		t.Fatal(err)
	}
	if third.Input != "corpus" || third.Ingest.Written != 1 || third.Analysis.Written != 1 || third.Analysis.Unchanged != n ||
		third.Index.Written != 1 || third.Index.Unchanged != n || !third.WorkbookWritten {
		t.Errorf("third run: input %s, ingest %+v, analysis %+v, index %+v, workbook written %v",
			third.Input, third.Ingest, third.Analysis, third.Index, third.WorkbookWritten)
	}
	checkConsistent(t, readRunOutputs(t, out), third.Facts)
	if third.Facts.Documents != first.Facts.Documents+1 {
		t.Errorf("third run: %d documents, want %d", third.Facts.Documents, first.Facts.Documents+1)
	}

	// A workbook removed (or edited) since is written again, and nothing
	// else is redone.
	if err := os.Remove(workbook); err != nil {
		t.Fatal(err)
	}
	fourth, err := runPipeline(t.Context(), testRunConfig(out), newProgress(io.Discard))
	if err != nil {
		t.Fatal(err)
	}
	if !fourth.WorkbookWritten || fourth.Analysis.Written != 0 || fourth.Index.Written != 0 || fourth.Ingest.Written != 0 {
		t.Errorf("after removing the workbook: written %v, analysed %d, indexed %d, stored %d",
			fourth.WorkbookWritten, fourth.Analysis.Written, fourth.Index.Written, fourth.Ingest.Written)
	}

	// The command prints the stages and a summary with commands that work.
	var stdout, stderr bytes.Buffer
	if err := execRun(t.Context(), &stdout, &stderr, "run", "--out", out); err != nil {
		t.Fatalf("run: %v\n%s", err, stderr.String())
	}
	for _, stage := range []string{"ingest", "analyze", "index", "report"} {
		if !regexp.MustCompile(`(?m)^` + stage + ` +\S`).MatchString(stderr.String()) {
			t.Errorf("no %s line in\n%s", stage, stderr.String())
		}
	}
	checkSummary(t, stdout.String(), out, fourth.Facts)
}

func factsEqual(a, b *pipeline.Facts) bool {
	x, _ := json.Marshal(a)
	y, _ := json.Marshal(b)
	return bytes.Equal(x, y)
}

// checkSummary checks the figures of the printed summary and runs the
// search it suggests.
func checkSummary(t *testing.T, text, out string, f *pipeline.Facts) {
	t.Helper()
	for _, want := range []string{
		fmt.Sprintf("%d documents", f.Documents),
		fmt.Sprintf("%d speeches", f.Speeches),
		fmt.Sprintf("%d states", f.States),
		fmt.Sprintf("%d coded with %d themes", f.Coded, len(f.Themes)),
		"workbook  " + filepath.Join(out, pipeline.WorkbookName),
		"scdebate serve --workspace " + shellQuote(out),
	} {
		if !strings.Contains(text, want) {
			t.Errorf("summary lacks %q:\n%s", want, text)
		}
	}
	m := regexp.MustCompile(`(?m)scdebate search --workspace \S+ (?:'([^']+)'|(\S+))$`).FindStringSubmatch(text)
	if m == nil {
		t.Fatalf("summary suggests no search:\n%s", text)
	}
	query := m[1] + m[2]
	var stdout, stderr bytes.Buffer
	if err := execRun(t.Context(), &stdout, &stderr, "search", "--workspace", out, query); err != nil {
		t.Fatalf("search %s: %v", query, err)
	}
	if strings.Contains(stdout.String(), "no passages found") {
		t.Errorf("the suggested search %s finds nothing", query)
	}
}

// writeGeneratedText writes the text of a debate record the sample does
// not hold, as pdftotext would print it.
func writeGeneratedText(t *testing.T, path string) {
	t.Helper()
	base, err := sample.Records()
	if err != nil {
		t.Fatal(err)
	}
	recs, err := sample.Generate(5, base, sample.Options{Sessions: 1, FirstSession: 80, RecordsPerSession: 1, SpeechesPerRecord: 12})
	if err != nil {
		t.Fatal(err)
	}
	for rec := range recs {
		text, err := sample.Render(rec)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, text, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	t.Fatal("the generator made no record")
}

// execRun runs the command line args as main does, with ctx.
func execRun(ctx context.Context, stdout, stderr io.Writer, args ...string) error {
	root := newRootCmd()
	root.SetArgs(args)
	root.SetOut(stdout)
	root.SetErr(stderr)
	return root.ExecuteContext(ctx)
}

func TestRunCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	out := t.TempDir()
	err := execRun(ctx, io.Discard, io.Discard, "run", "--out", out)
	if !errors.Is(err, context.Canceled) || exitCode(err, true) != exitInterrupted {
		t.Fatalf("cancelled run: %v, exit code %d; want %d", err, exitCode(err, true), exitInterrupted)
	}
	recs, err := (&corpus.Workspace{Dir: out}).Records().List()
	if err != nil || len(recs) != 0 {
		t.Errorf("a cancelled run stored %d records (%v)", len(recs), err)
	}
}

func TestRunBadInput(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "empty.txt")
	if err := os.WriteFile(bad, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	themes := filepath.Join(dir, "themes.yaml")
	if err := os.WriteFile(themes, []byte("themes: [\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name string
		args []string
		code int
		msg  string
	}{
		{"only a failing file", []string{"--corpus", bad}, exitError, "no records"},
		{"missing corpus", []string{"--corpus", filepath.Join(dir, "missing")}, exitError, "no records"},
		{"malformed theme file", []string{"--themes", themes}, exitUsage, "themes.yaml"},
		{"empty --out", []string{"--out", ""}, exitUsage, "--out"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			args := append([]string{"run", "--out", filepath.Join(t.TempDir(), "ws")}, tc.args...)
			var stderr bytes.Buffer
			err := execRun(t.Context(), io.Discard, &stderr, args...)
			if code := exitCode(err, false); code != tc.code || err == nil || !strings.Contains(err.Error(), tc.msg) {
				t.Errorf("%v (exit %d), want exit %d and an error naming %q", err, code, tc.code, tc.msg)
			}
		})
	}
}

func TestRunEnvironmentDefaults(t *testing.T) {
	list := strings.Join([]string{"a", "b c"}, string(os.PathListSeparator))
	t.Setenv("SCDEBATE_OUT", "/tmp/elsewhere")
	t.Setenv("SCDEBATE_CORPUS", list)
	t.Setenv("SCDEBATE_SERVE", "true")
	t.Setenv("SCDEBATE_ADDR", "127.0.0.1:9999")
	cmd, _, err := newRootCmd().Find([]string{"run"})
	if err != nil {
		t.Fatal(err)
	}
	if err := applyEnv(cmd.Flags()); err != nil {
		t.Fatal(err)
	}
	for flag, want := range map[string]string{
		"out": "/tmp/elsewhere", "corpus": "[a,b c]", "serve": "true", "addr": "127.0.0.1:9999",
	} {
		if got := cmd.Flags().Lookup(flag).Value.String(); got != want {
			t.Errorf("--%s = %q from the environment, want %q", flag, got, want)
		}
	}
}

// syncBuffer is a buffer written by a command in one goroutine and read
// by the test in another.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// TestRunServe runs the pipeline with --serve on a free loopback port,
// searches through the API and stops the server by cancelling.
func TestRunServe(t *testing.T) {
	out := filepath.Join(t.TempDir(), "out")
	ctx, cancel := context.WithCancel(t.Context())
	defer cancel()
	var stdout syncBuffer
	done := make(chan error, 1)
	go func() {
		done <- execRun(ctx, &stdout, io.Discard, "run", "--out", out, "--serve", "--addr", "127.0.0.1:0")
	}()
	serving := regexp.MustCompile(`serving \S+ on (http://127\.0\.0\.1:\d+/)`)
	var base string
	for deadline := time.Now().Add(2 * time.Minute); base == "" && time.Now().Before(deadline); {
		select {
		case err := <-done:
			t.Fatalf("run ended before serving: %v\n%s", err, stdout.String())
		case <-time.After(50 * time.Millisecond):
		}
		if m := serving.FindStringSubmatch(stdout.String()); m != nil {
			base = m[1]
		}
	}
	if base == "" {
		t.Fatalf("not serving:\n%s", stdout.String())
	}
	resp, err := http.Get(base + "api/search?q=veto")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var res struct {
		Total int `json:"total"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&res); err != nil || resp.StatusCode != http.StatusOK || res.Total == 0 {
		t.Errorf("GET /api/search?q=veto: %s, %d hits (%v)", resp.Status, res.Total, err)
	}
	cancel()
	if err := <-done; err != nil && !errors.Is(err, context.Canceled) {
		t.Errorf("serve stopped with %v", err)
	}
}

// TestRunRealPDFs runs the built binary on real verbatim records, as a user
// does on their own PDFs: extraction runs in the binary's worker process.
func TestRunRealPDFs(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: runs the whole pipeline on the real records")
	}
	bin := filepath.Join(t.TempDir(), "scdebate")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	dir := t.TempDir()
	for _, name := range []string{"A_79_PV.29.pdf", "A_65_PV.71.pdf"} {
		data, err := os.ReadFile(fixtures.Real(t, name))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	out := filepath.Join(t.TempDir(), "ws")
	cmd := exec.Command(bin, "run", "--corpus", dir, "--out", out)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("run: %v\n%s%s", err, stdout.String(), stderr.String())
	}
	o := readRunOutputs(t, out)
	if len(o.records) != 2 {
		t.Fatalf("%d records from 2 PDFs", len(o.records))
	}
	for name, rec := range o.records {
		if rec.Sample || rec.Source.Format != ingest.FormatPDF || len(rec.Speeches) == 0 {
			t.Errorf("%s: sample %v, format %s, %d speeches", name, rec.Sample, rec.Source.Format, len(rec.Speeches))
		}
	}
	// Run again in process for the summary's facts: nothing is coded
	// again (the workbook is written again, by another build than the
	// binary).
	again, err := runPipeline(t.Context(), testRunConfig(out), newProgress(io.Discard))
	if err != nil || again.Ingest.Total != 0 || again.Analysis.Written != 0 || again.Index.Written != 0 {
		t.Fatalf("the run again did work: %+v, %v", again, err)
	}
	checkConsistent(t, o, again.Facts)
	if !strings.Contains(stdout.String(), "2 documents") || strings.Contains(stdout.String(), "sample") {
		t.Errorf("summary:\n%s", stdout.String())
	}
}

// TestRunWorkspaceRecords runs the pipeline on a workspace that already
// holds records (here generated ones): they are the corpus, and the sample
// is not mixed in.
func TestRunWorkspaceRecords(t *testing.T) {
	out := t.TempDir()
	if err := execRun(t.Context(), io.Discard, io.Discard, "generate", "--out", out, "--sessions", "1", "--meetings", "2", "--speeches", "10"); err != nil {
		t.Fatal(err)
	}
	sum, err := runPipeline(t.Context(), testRunConfig(out), newProgress(io.Discard))
	if err != nil {
		t.Fatal(err)
	}
	if sum.Input != "workspace" || sum.Ingest.Total != 0 || sum.Analysis.Written != 2 || sum.Index.Written != 2 || sum.Facts.Documents != 2 {
		t.Errorf("input %s, ingest %+v, analysis %+v, index %d indexed, %d documents; want the 2 generated records alone",
			sum.Input, sum.Ingest, sum.Analysis, sum.Index.Written, sum.Facts.Documents)
	}
	if _, err := os.Stat(filepath.Join(out, corpus.RawDir, pipeline.SampleDir)); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the sample was written into a workspace of other records (%v)", err)
	}
	checkConsistent(t, readRunOutputs(t, out), sum.Facts)
}
