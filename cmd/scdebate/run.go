package main

import (
	"bytes"
	"cmp"
	"context"
	"crypto/sha256"
	"debug/elf"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/scdebate/scdebate/analysis"
	"github.com/scdebate/scdebate/corpus"
	"github.com/scdebate/scdebate/corpus/sample"
	"github.com/scdebate/scdebate/index"
	"github.com/scdebate/scdebate/ingest"
	"github.com/scdebate/scdebate/reports"
)

func init() { commands = append(commands, newRunCmd) }

// Where run keeps what it writes in its workspace, besides the stages'
// own directories.
const (
	// workbookName is the follow-up workbook of the whole corpus.
	workbookName = "report.xlsx"
	// sampleDir (under raw/) holds the embedded sample's text files; its
	// presence marks a workspace started from the sample.
	sampleDir = "sample"
	// runStateName records what the last run's workbook was made from.
	runStateName = ".run.json"
	// defaultAddr is where serve listens unless told otherwise.
	defaultAddr = "127.0.0.1:8080"
)

// runConfig is what run is asked to do.
type runConfig struct {
	out      string
	corpus   []string
	ingest   ingestFlags
	analysis analysisFlags
	force    bool
}

func newRunCmd() *cobra.Command {
	var (
		cfg   runConfig
		serve bool
		addr  string
	)
	cmd := &cobra.Command{
		Use:   "run [--corpus FILE_OR_DIR]... [--out DIR]",
		Short: "Run the whole pipeline: ingest, analyze, index and report",
		Long: `run turns a corpus into everything scdebate makes, in one workspace (--out):
records/ (the parsed records), annotations/ (their theme coding), index/ (the
search index) and report.xlsx (the follow-up workbook of the whole corpus).

The corpus is the PDF and text files given with --corpus (or as arguments),
files or directories searched recursively. Without them, run uses the records
already in the workspace (as "scdebate fetch" or "scdebate ingest" left them),
or, in a new workspace, the embedded sample corpus: illustrative records of
three sessions of the debate, written for scdebate and marked as samples.

Each stage does only what is new: files whose content is already stored are
skipped, records whose annotation is up to date are not coded again, only
changed records are re-indexed, and the workbook is written again only when
records or annotations changed. --serve then serves the search page.`,
		Example: `  scdebate run                                # the embedded sample into ./scdebate-out
  scdebate run --corpus ~/pv --out ./out      # your own PDFs and texts
  scdebate run --serve                        # then search on http://127.0.0.1:8080`,
		RunE: func(cmd *cobra.Command, args []string) error {
			cfg.corpus = append(cfg.corpus, args...)
			// The workspace every other command defaults to is the one run
			// writes: SCDEBATE_WORKSPACE names it for run too, unless
			// --out (or SCDEBATE_OUT) does.
			if ws, ok := os.LookupEnv(envName("workspace")); ok && !cmd.Flags().Changed("out") {
				cfg.out = ws
			}
			if cfg.out == "" {
				return usageError{errors.New("--out: give the workspace directory")}
			}
			stderr := cmd.ErrOrStderr()
			sum, err := runPipeline(cmd.Context(), cfg, newProgress(stderr))
			if sum != nil && sum.Facts != nil {
				sum.print(cmd.OutOrStdout(), addr)
			}
			if err != nil {
				return err
			}
			if serve {
				if err := serveWorkspace(cmd, cfg.out, addr, cfg.analysis.themesFile); err != nil {
					return err
				}
			}
			if failed := sum.failed(); failed > 0 {
				return partialError{failed: failed, total: sum.Facts.Records + sum.Ingest.Failed}
			}
			return nil
		},
	}
	f := cmd.Flags()
	f.StringArrayVar(&cfg.corpus, "corpus", nil, "PDF and text files, or directories of them, to ingest (env SCDEBATE_CORPUS, a list like PATH)")
	f.StringVar(&cfg.out, "out", corpus.DefaultWorkspace, "workspace directory the pipeline writes (env SCDEBATE_OUT)")
	cfg.ingest.register(cmd)
	cfg.analysis.register(cmd)
	f.BoolVar(&cfg.force, "force", false, "redo every stage: re-analyse, rebuild the index and rewrite the workbook (env SCDEBATE_FORCE)")
	f.BoolVar(&serve, "serve", false, "serve the search page when done (env SCDEBATE_SERVE)")
	f.StringVar(&addr, "addr", defaultAddr, "address --serve listens on (env SCDEBATE_ADDR)")
	return cmd
}

// runSummary is what a run did, stage by stage, and the corpus it left.
type runSummary struct {
	Workspace string
	// Input says where the records came from: "sample", "corpus" or
	// "workspace" (the records already there).
	Input    string
	Ingest   ingest.Result
	Analysis analysis.AnalyzeResult
	Index    index.Stats
	// Workbook is the workbook's path; WorkbookWritten is false when it was
	// already up to date.
	Workbook        string
	WorkbookWritten bool
	// WorkbookPending counts the reviews typed into the workbook and not
	// imported, for which it was left as it is.
	WorkbookPending int
	WorkbookFailed  int
	Facts           *corpusFacts
}

// failed counts the documents some stage had to skip.
func (s *runSummary) failed() int {
	return s.Ingest.Failed + s.Analysis.Failed + s.Index.Failed + s.WorkbookFailed
}

// runPipeline runs the stages in turn on cfg.out, drawing their progress on
// prog and printing a line for each as it ends. Documents that fail are
// reported and skipped; the error is for the run as a whole. The summary
// holds what was done up to the point of an error.
func runPipeline(ctx context.Context, cfg runConfig, prog *progress) (*runSummary, error) {
	ws, err := corpus.OpenWorkspace(cfg.out)
	if err != nil {
		return nil, err
	}
	tx, coder, err := cfg.analysis.coder(ws)
	if err != nil {
		var ue usageError
		if errors.As(err, &ue) {
			return nil, err
		}
		return nil, usageError{fmt.Errorf("--themes: %w", err)}
	}
	sum := &runSummary{Workspace: cfg.out, Workbook: ws.Path(workbookName)}
	defer prog.done()
	// One lock for the whole run: no other writer comes in between its
	// stages.
	lk, err := ws.Lock()
	if err != nil {
		return sum, err
	}
	defer lk.Unlock()

	paths, input, err := runInput(ws, cfg.corpus)
	if err != nil {
		return sum, err
	}
	sum.Input = input
	t := time.Now()
	if len(paths) > 0 {
		prog.start("[1/4] ingest")
		opts, pool := cfg.ingest.options(prog)
		restore := collectLessWhileParsing()
		res, err := ingest.Ingest(ctx, lk, paths, opts)
		restore()
		pool.Close()
		if res != nil {
			sum.Ingest = *res
		}
		prog.done()
		if err != nil {
			return sum, err
		}
		prog.println(stageLine("ingest", t, "%s: %d stored, %d already in the corpus, %d failed",
			count(res.Total, "document"), res.Written, res.Unchanged, res.Failed))
		for _, r := range res.Replaced {
			prog.println("  " + replacedLine(ws.Dir, r))
		}
		for _, fe := range res.Failures {
			prog.println("  failed:", fe)
		}
	}
	recs, err := ws.Records().List()
	if err != nil {
		return sum, err
	}
	if len(recs) == 0 {
		return sum, fmt.Errorf("no records in %s: nothing could be ingested", ws.Path(corpus.RecordsDir))
	}
	if input == "workspace" {
		prog.println(stageLine("ingest", t, "no files given: the %d records already in %s", len(recs), ws.Path(corpus.RecordsDir)))
	}

	t = time.Now()
	prog.start("[2/4] analyze")
	sum.Analysis, err = coder.AnalyzeWorkspace(ctx, lk, cfg.analysis.options(prog, cfg.ingest.workers, cfg.force))
	prog.done()
	if err != nil {
		return sum, err
	}
	a := sum.Analysis
	prog.println(stageLine("analyze", t, "%s: %d coded, %d up to date, %d failed", count(a.Total, "record"), a.Written, a.Unchanged, a.Failed))

	t = time.Now()
	prog.start("[3/4] index")
	st, err := index.Update(ctx, lk, index.Options{
		TaxonomyHash: tx.Hash(),
		Rebuild:      cfg.force,
		OnProgress:   prog.update,
		OnError: func(_ string, err error) error {
			prog.println("  skipped:", err)
			return nil
		},
	})
	prog.done()
	if err != nil {
		return sum, err
	}
	sum.Index = *st
	prog.println(stageLine("index", t, "%s: %d indexed, %d unchanged, %d removed; %d passages in the index",
		count(st.Total, "record"), st.Written, st.Unchanged, st.Removed, st.InIndex))

	t = time.Now()
	prog.start("[4/4] report")
	err = runReportStage(ctx, ws, tx, cfg.force, prog, sum)
	prog.done()
	if err != nil {
		return sum, err
	}
	verdict := "up to date"
	switch {
	case sum.WorkbookWritten:
		verdict = "written"
	case sum.WorkbookPending > 0:
		verdict = fmt.Sprintf("left as it is: it holds %s typed into its Review column and not imported (scdebate review import --workspace %s %s; run --force writes it anyway)",
			count(sum.WorkbookPending, "review"), ws.Dir, sum.Workbook)
	}
	prog.println(stageLine("report", t, "%s %s", sum.Workbook, verdict))
	return sum, nil
}

// stageLine is the line a stage prints when it ends.
func stageLine(stage string, start time.Time, format string, a ...any) string {
	return fmt.Sprintf("%-8s %s (%s)", stage, fmt.Sprintf(format, a...), roundDuration(time.Since(start)))
}

func roundDuration(d time.Duration) time.Duration {
	if d < time.Second {
		return d.Round(time.Millisecond)
	}
	return d.Round(100 * time.Millisecond)
}

// runInput decides what the run ingests: the paths given; else, in a new
// workspace or one started from the sample, the embedded sample (written
// under raw/sample, where the records' source paths will point); else
// nothing — the records already in the workspace are the corpus.
func runInput(ws *corpus.Workspace, given []string) (paths []string, input string, err error) {
	if len(given) > 0 {
		return given, "corpus", nil
	}
	dir := ws.Path(corpus.RawDir, sampleDir)
	if _, err := os.Stat(dir); errors.Is(err, fs.ErrNotExist) {
		recs, err := ws.Records().List()
		if err != nil {
			return nil, "", err
		}
		if len(recs) > 0 {
			return nil, "workspace", nil
		}
	}
	if err := writeSample(dir); err != nil {
		return nil, "", ws.NoSpace(dir, 0, err)
	}
	return []string{dir}, "sample", nil
}

// writeSample writes the embedded sample's files into dir, leaving those
// already there with the same content untouched.
func writeSample(dir string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	return fs.WalkDir(sample.Files(), ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(sample.Files(), name)
		if err != nil {
			return err
		}
		path := filepath.Join(dir, filepath.FromSlash(name))
		if old, err := os.ReadFile(path); err == nil && bytes.Equal(old, data) {
			return nil
		}
		return corpus.WriteFileAtomic(path, func(w io.Writer) error {
			_, err := w.Write(data)
			return err
		})
	})
}

// runState is what the last run's workbook was made from, so that a run
// with nothing new leaves it alone.
type runState struct {
	// Inputs is a digest of what the workbook depends on (see
	// inputsDigest).
	Inputs string `json:"inputs"`
	// Workbook identifies the file written, so that a workbook edited or
	// removed since is written again.
	Workbook fileStamp   `json:"workbook"`
	Facts    corpusFacts `json:"facts"`
}

type fileStamp struct {
	Size    int64 `json:"size"`
	ModTime int64 `json:"mod_time"`
}

func stampOf(path string) (fileStamp, error) {
	st, err := os.Stat(path)
	if err != nil {
		return fileStamp{}, err
	}
	return fileStamp{Size: st.Size(), ModTime: st.ModTime().UnixNano()}, nil
}

// runReportStage writes the workbook of the whole corpus, unless the one
// there was made from the same inputs, and finds the facts of the summary.
func runReportStage(ctx context.Context, ws *corpus.Workspace, tx *analysis.Taxonomy, force bool, prog *progress, sum *runSummary) error {
	digest, err := inputsDigest(ws, tx)
	if err != nil {
		return err
	}
	statePath := ws.Path(runStateName)
	var old runState
	written := false // the workbook there is as run wrote it
	if b, err := os.ReadFile(statePath); err == nil && json.Unmarshal(b, &old) == nil {
		stamp, err := stampOf(sum.Workbook)
		written = err == nil && stamp == old.Workbook
	}
	if !force && written && old.Inputs == digest {
		sum.Facts = &old.Facts
		return nil
	}
	facts, err := collectFacts(ctx, ws, tx)
	if err != nil {
		return err
	}
	sum.Facts = facts
	if !force && !written {
		// A workbook edited since run wrote it may hold reviews typed
		// into it and not imported yet: writing it again would lose them.
		pending, err := reports.PendingReviews(ctx, ws, sum.Workbook)
		if err != nil {
			return err
		}
		if pending > 0 {
			sum.WorkbookPending = pending
			return nil
		}
	}
	opts := reports.Options{
		Taxonomy:   tx,
		OnProgress: prog.update,
		OnError: func(path string, err error) error {
			sum.WorkbookFailed++
			prog.println("  skipped:", path, err)
			return nil
		},
	}
	restore := limitReportMemory()
	err = corpus.WriteFileAtomic(sum.Workbook, func(w io.Writer) error {
		return reports.WriteWorkbook(ctx, w, ws, opts)
	})
	restore()
	if err != nil {
		return ws.NoSpace(sum.Workbook, reports.WorkbookSpace(ws), err)
	}
	sum.WorkbookWritten = true
	stamp, err := stampOf(sum.Workbook)
	if err != nil {
		return err
	}
	err = corpus.WriteFileAtomic(statePath, func(w io.Writer) error {
		return json.NewEncoder(w).Encode(runState{Inputs: digest, Workbook: stamp, Facts: *facts})
	})
	return ws.NoSpace(statePath, 0, err)
}

// inputsDigest hashes what the workbook depends on: the name, size and
// modification time of every record and annotation (stages rewrite a file
// only when it changes), the taxonomy, and the build (a new build may write
// the workbook differently). Nothing is read but directories and the
// executable's headers.
func inputsDigest(ws *corpus.Workspace, tx *analysis.Taxonomy) (string, error) {
	h := sha256.New()
	fmt.Fprintf(h, "taxonomy %s\nbuild %s\n", tx.Hash(), buildID())
	for _, dir := range []string{corpus.RecordsDir, corpus.AnnotationsDir} {
		entries, err := os.ReadDir(ws.Path(dir))
		if err != nil {
			return "", err
		}
		for _, e := range entries {
			if strings.HasPrefix(e.Name(), ".") {
				continue
			}
			info, err := e.Info()
			if err != nil {
				return "", err
			}
			fmt.Fprintf(h, "%s/%s %d %d\n", dir, e.Name(), info.Size(), info.ModTime().UnixNano())
		}
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// buildID identifies the running build: the Go build ID of an ELF
// executable, which stays the same for the same code wherever the binary is
// (go run links it into a new directory each time); elsewhere the
// executable's path, size and modification time.
func buildID() string {
	exe, err := os.Executable()
	if err != nil {
		return ""
	}
	if f, err := elf.Open(exe); err == nil {
		defer f.Close()
		// The note is its name's and description's sizes, its type and the
		// name "Go\x00\x00" (16 bytes), then the build ID.
		if s := f.Section(".note.go.buildid"); s != nil {
			if data, err := s.Data(); err == nil && len(data) > 16 {
				return string(bytes.TrimRight(data[16:], "\x00"))
			}
		}
	}
	st, err := os.Stat(exe)
	if err != nil {
		return exe
	}
	return fmt.Sprintf("%s %d %d", exe, st.Size(), st.ModTime().UnixNano())
}

// corpusFacts sum up the corpus of a workspace for the run's summary. A
// document held in several languages is counted once, in the language the
// workbook uses (reports.PreferredLanguages), so the figures match it.
type corpusFacts struct {
	Records      int            `json:"records"`
	Languages    map[string]int `json:"languages"`
	Documents    int            `json:"documents"`
	Samples      int            `json:"samples"`
	FirstSession int            `json:"first_session,omitempty"`
	LastSession  int            `json:"last_session,omitempty"`
	Speeches     int            `json:"speeches"`
	Paragraphs   int            `json:"paragraphs"`
	// Coded counts the paragraphs coded with at least one theme: the rows
	// of the workbook's Comments sheet.
	Coded     int `json:"coded"`
	Proposals int `json:"proposals"`
	// States counts the states that spoke in their own voice; Groups the
	// groups spoken for.
	States int          `json:"states"`
	Groups int          `json:"groups"`
	Themes []themeCount `json:"themes"`
	// TopQuery is a term of the most raised theme, for the summary's
	// example search.
	TopQuery string `json:"top_query,omitempty"`
}

type themeCount struct {
	ID         string `json:"id"`
	Paragraphs int    `json:"paragraphs"`
}

// collectFacts reads the records of ws, one language version per document
// (corpus.Versions.Choose), with their annotations under tx.
func collectFacts(ctx context.Context, ws *corpus.Workspace, tx *analysis.Taxonomy) (*corpusFacts, error) {
	facts := &corpusFacts{Languages: map[string]int{}}
	docs, err := ws.Records().Documents(ctx, func(string, error) error {
		facts.Records++ // the stages have reported it
		return nil
	})
	if err != nil {
		return nil, err
	}
	for _, d := range docs {
		for _, h := range d.Versions {
			facts.Records++
			facts.Languages[cmp.Or(h.Language, "und")]++
		}
	}
	states, groups := map[string]bool{}, map[string]bool{}
	themes := map[string]int{}
	for _, d := range docs {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		rec, err := corpus.Load(d.Versions.Choose(nil).Path)
		if err != nil {
			continue // the stages have reported it
		}
		facts.Documents++
		if rec.Sample {
			facts.Samples++
		}
		if rec.Session != nil {
			s := *rec.Session
			if facts.FirstSession == 0 || s < facts.FirstSession {
				facts.FirstSession = s
			}
			facts.LastSession = max(facts.LastSession, s)
		}
		ann, _ := analysis.ReadAnnotation(ws, rec.Source.SHA256, tx.Hash())
		byseq := map[int]*analysis.SpeechAnnotation{}
		if ann != nil {
			for i := range ann.Speeches {
				byseq[ann.Speeches[i].Seq] = &ann.Speeches[i]
			}
		}
		for i := range rec.Speeches {
			sp := &rec.Speeches[i]
			facts.Speeches++
			if sp.CountryCode != "" && (sp.Role == corpus.RoleMemberState || sp.Role == corpus.RoleObserver) {
				states[sp.CountryCode] = true
			}
			sa := byseq[sp.Seq]
			byn := map[int]*analysis.ParagraphAnnotation{}
			if sa != nil {
				for _, g := range sa.Groups {
					groups[g.ID] = true
				}
				for j := range sa.Paragraphs {
					byn[sa.Paragraphs[j].N] = &sa.Paragraphs[j]
				}
			}
			for _, p := range sp.Paragraphs {
				facts.Paragraphs++
				pa := byn[p.N]
				if pa == nil || len(pa.Themes) == 0 {
					continue
				}
				facts.Coded++
				if pa.Proposal {
					facts.Proposals++
				}
				for _, t := range pa.Themes {
					themes[t]++
				}
			}
		}
	}
	facts.States, facts.Groups = len(states), len(groups)
	for id, n := range themes {
		facts.Themes = append(facts.Themes, themeCount{ID: id, Paragraphs: n})
	}
	slices.SortFunc(facts.Themes, func(a, b themeCount) int {
		return cmp.Or(cmp.Compare(b.Paragraphs, a.Paragraphs), cmp.Compare(a.ID, b.ID))
	})
	if len(facts.Themes) > 0 {
		facts.TopQuery, err = exampleQuery(ctx, ws, tx, facts.Themes[0].ID)
		if err != nil {
			return nil, err
		}
	}
	return facts, nil
}

// exampleQuery is the search the summary suggests: of the English terms
// of a theme (phrases quoted), the one that finds most passages in the
// index. Hyphenated terms are left out: the analyzer splits them, so they
// would find their parts.
func exampleQuery(ctx context.Context, ws *corpus.Workspace, tx *analysis.Taxonomy, id string) (string, error) {
	th, ok := tx.Theme(id)
	if !ok {
		return "", nil
	}
	ix, err := index.Open(ws)
	if err != nil {
		return "", err
	}
	defer ix.Close()
	best, most := "", uint64(0)
	for _, term := range th.Terms["en"] {
		if strings.ContainsAny(term, "&\"*~-") {
			continue
		}
		q := term
		if strings.Contains(term, " ") {
			q = `"` + term + `"`
		}
		res, err := ix.Search(ctx, &index.Request{Query: q})
		if err != nil {
			return "", err
		}
		if res.Total > most {
			best, most = q, res.Total
		}
	}
	return best, nil
}

// print writes the run's summary: the corpus, where the workbook is and
// how to search it.
func (s *runSummary) print(w io.Writer, addr string) {
	f := s.Facts
	fmt.Fprintln(w)
	what := count(f.Documents, "document")
	if f.Records != f.Documents {
		what += fmt.Sprintf(" (%s: %s)", count(f.Records, "record"), languageCounts(f.Languages))
	}
	if f.FirstSession > 0 {
		what += ", " + sessionSpan(f.FirstSession, f.LastSession)
	}
	fmt.Fprintf(w, "%s: %s\n", s.Workspace, what)
	switch {
	case f.Samples > 0 && f.Samples == f.Documents:
		fmt.Fprintln(w, "  the illustrative sample corpus: written for scdebate, not official United Nations records")
	case f.Samples > 0:
		fmt.Fprintf(w, "  %d of them from the illustrative sample corpus (search with --no-samples to leave them out)\n", f.Samples)
	}
	fmt.Fprintf(w, "  %s; %s spoke in their own voice, and speakers spoke for %s\n", count(f.Speeches, "speech"), count(f.States, "state"), count(f.Groups, "group"))
	fmt.Fprintf(w, "  %d paragraphs, %d coded with %d themes (%d make proposals)", f.Paragraphs, f.Coded, len(f.Themes), f.Proposals)
	if len(f.Themes) > 0 {
		var top []string
		for _, t := range f.Themes[:min(5, len(f.Themes))] {
			top = append(top, fmt.Sprintf("%s %d", t.ID, t.Paragraphs))
		}
		fmt.Fprintf(w, "; most raised: %s", strings.Join(top, ", "))
	}
	fmt.Fprintln(w)
	fmt.Fprintf(w, "  workbook  %s\n", s.Workbook)
	dir := shellQuote(s.Workspace)
	search := "  search    "
	if f.TopQuery != "" {
		fmt.Fprintf(w, "%sscdebate search --workspace %s %s\n", search, dir, shellQuote(f.TopQuery))
		search = "            "
	}
	serve := "scdebate serve --workspace " + dir
	if addr != defaultAddr {
		serve += " --addr " + shellQuote(addr)
	}
	fmt.Fprintf(w, "%s%s    (then open http://%s/)\n", search, serve, addr)
}

func languageCounts(langs map[string]int) string {
	keys := make([]string, 0, len(langs))
	for l := range langs {
		keys = append(keys, l)
	}
	slices.SortFunc(keys, func(a, b string) int {
		return cmp.Or(cmp.Compare(corpus.LanguageRank(a), corpus.LanguageRank(b)), cmp.Compare(a, b))
	})
	var parts []string
	for _, l := range keys {
		parts = append(parts, fmt.Sprintf("%s %d", l, langs[l]))
	}
	return strings.Join(parts, ", ")
}

func sessionSpan(first, last int) string {
	if first == last {
		return fmt.Sprintf("session %d", first)
	}
	return fmt.Sprintf("sessions %d–%d", first, last)
}

// shellQuote quotes s for a POSIX shell when it needs it, so that the
// commands the summary prints can be pasted as they are.
func shellQuote(s string) string {
	safe := s != ""
	for _, r := range s {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || strings.ContainsRune("-_./:=,+@%", r)) {
			safe = false
			break
		}
	}
	if safe {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}

// serveWorkspace serves the search page over dir as "scdebate serve" does,
// until the command's context ends.
func serveWorkspace(cmd *cobra.Command, dir, addr, themesFile string) error {
	serve := newServeCmd()
	serve.SetContext(cmd.Context())
	serve.SetOut(cmd.OutOrStdout())
	serve.SetErr(cmd.ErrOrStderr())
	flags := serve.Flags()
	if err := flags.Set("workspace", dir); err != nil {
		return err
	}
	if err := flags.Set("addr", addr); err != nil {
		return usageError{fmt.Errorf("--addr: %w", err)}
	}
	if err := flags.Set("themes", themesFile); err != nil {
		return err
	}
	return serve.RunE(serve, nil)
}
