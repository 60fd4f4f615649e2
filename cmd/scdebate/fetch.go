package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/schollz/progressbar/v3"
	"github.com/spf13/cobra"
	"golang.org/x/term"

	"github.com/scdebate/scdebate/corpus"
	"github.com/scdebate/scdebate/ingest/fetch"
)

// fetchIngester turns fetched files into records: the ingest stage, under
// the lock fetch holds while it downloads, so that no other writer comes in
// between.
type fetchIngester interface {
	IngestFiles(ctx context.Context, lk *corpus.Lock, paths []string) (*ingestSummary, error)
}

// ingestSummary is what ingesting the fetched files came to.
type ingestSummary struct {
	Total, Stored, Skipped int
	// Failures are the files that failed, each naming its file.
	Failures []error
}

// fetchStages are the other stages fetch uses: ingest, and a reader of a
// downloaded file's language. Either may be nil (tests leave them out):
// fetch then only downloads, and checks languages by content hash alone.
type fetchStages struct {
	ingester  fetchIngester
	languages fetch.LanguageReader
}

func newFetchCmd() *cobra.Command {
	return newFetchCmdWith(fetchStages{ingester: ingestStage{}, languages: layoutLanguage{}})
}

type fetchFlags struct {
	workspace   string
	sessions    string
	langs       string
	rate        float64
	odsURL      string
	libraryURL  string
	noIngest    bool
	dryRun      bool
	refresh     bool
	noDiscover  bool
	retries     int
	bodyTimeout time.Duration
}

func newFetchCmdWith(st fetchStages) *cobra.Command {
	var fl fetchFlags
	cmd := &cobra.Command{
		Use:   "fetch --workspace DIR [SYMBOL...] [--session N|N-M]",
		Short: "Download records from the UN document services into a workspace",
		Long: `fetch downloads documents from the UN Official Document System into the workspace's
raw/ directory, named by symbol and language (A_75_PV.78.en.pdf), records each in
raw/manifest.json (URL, sha256, size, validators), and ingests them into records/
unless --no-ingest.

Documents are named by symbol (A/75/PV.78), or by session: --session 75-79 takes the
plenary meetings that debated the item "Report of the Security Council" in those
sessions, from the registry of established facts built into scdebate merged with
a search of the UN Digital Library. Registry facts win; meetings only the library
knows are listed as discovered, and disagreements are reported ("check: ..."); with
--dry-run that comparison runs without downloading anything. When the Digital Library
cannot be reached, a warning says so and the registry alone answers.

A symbol the Official Document System does not have is asked for once more, then
reported as "no such document". A file is kept only if it is a complete PDF in the
language asked for: not identical to another language's file of the same symbol, and
with its text in that language.

Requests are polite: at most --rate requests a second to each host, retries with
backoff on 429 and 5xx honouring Retry-After, conditional requests with --refresh.
A file already present with the manifest's sha256 is not fetched again. An
interrupted download resumes where it stopped; a file only ever appears under its
final name complete and checked to be a PDF. Proxies come from HTTPS_PROXY,
HTTP_PROXY and NO_PROXY.

Examples:
  scdebate fetch --workspace ./ws A/75/PV.78 A/75/PV.79
  scdebate fetch --workspace ./ws --session 75-79
  scdebate fetch --workspace ./ws --session 79 --lang en,fr
  scdebate fetch --workspace ./ws --session 66-79 --dry-run`,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runFetch(cmd, args, fl, st)
		},
	}
	f := cmd.Flags()
	f.StringVar(&fl.workspace, "workspace", corpus.DefaultWorkspace, "workspace directory (env SCDEBATE_WORKSPACE)")
	f.StringVar(&fl.sessions, "session", "", "General Assembly sessions whose report debate to fetch: 79, 75-79, 66,69,75-79 (env SCDEBATE_SESSION)")
	f.StringVar(&fl.langs, "lang", "en", "languages, comma-separated, of ar, zh, en, fr, ru, es (env SCDEBATE_LANG)")
	f.Float64Var(&fl.rate, "rate", 1.0, "requests per second to each host; negative: no limit (env SCDEBATE_RATE)")
	f.StringVar(&fl.odsURL, "base-url-ods", fetch.DefaultODSBaseURL, "base URL of the Official Document System, or of a mirror (env SCDEBATE_BASE_URL_ODS)")
	f.StringVar(&fl.libraryURL, "base-url-library", fetch.DefaultLibraryBaseURL, "base URL of the UN Digital Library, or of a mirror (env SCDEBATE_BASE_URL_LIBRARY)")
	f.BoolVar(&fl.noIngest, "no-ingest", false, "download only; do not ingest into records/ (env SCDEBATE_NO_INGEST)")
	f.BoolVar(&fl.dryRun, "dry-run", false, "list what would be fetched, without downloading (a session is still looked up)")
	f.BoolVar(&fl.refresh, "refresh", false, "check files already present for a newer version (conditional requests) (env SCDEBATE_REFRESH)")
	f.BoolVar(&fl.noDiscover, "no-discover", false, "answer --session from the built-in registry alone, without searching the Digital Library (env SCDEBATE_NO_DISCOVER)")
	f.IntVar(&fl.retries, "retries", 4, "retries of a failed request (429, 5xx, network errors) (env SCDEBATE_RETRIES)")
	f.DurationVar(&fl.bodyTimeout, "request-timeout", 10*time.Minute, "time limit for one request, body included (env SCDEBATE_REQUEST_TIMEOUT)")
	return cmd
}

func runFetch(cmd *cobra.Command, args []string, fl fetchFlags, st fetchStages) error {
	ctx := cmd.Context()
	stdout, stderr := cmd.OutOrStdout(), cmd.ErrOrStderr()
	req, err := parseFetchArgs(args, fl)
	if err != nil {
		return err
	}
	ws, err := corpus.OpenWorkspace(fl.workspace)
	if err != nil {
		return err
	}

	client := fetch.NewClient(fetch.HTTPOptions{
		Rate:        fl.rate,
		MaxAttempts: fl.retries + 1,
		BodyTimeout: fl.bodyTimeout,
		OnRetry: func(r fetch.Retry) {
			fmt.Fprintf(stderr, "retrying in %s (attempt %d failed: %v)\n", r.Delay.Round(time.Millisecond), r.Attempt, r.Err)
		},
	})
	targets, res, emptySessions, err := resolveTargets(ctx, stderr, req, fl, client)
	if err != nil {
		return err
	}

	raw := ws.Path(corpus.RawDir)
	opts := fetch.Options{RawDir: raw, ODSBaseURL: fl.odsURL, Client: client, Refresh: fl.refresh, Languages: st.languages}
	if fl.dryRun {
		return dryRunFetch(stdout, opts, targets, res, req, emptySessions)
	}
	if len(targets) == 0 {
		return errors.New("nothing to fetch: no meeting is known for the sessions asked for")
	}

	lk, err := ws.Lock()
	if err != nil {
		return err
	}
	defer lk.Unlock()
	bar := newFetchBar(stderr, len(targets))
	opts.OnProgress = bar.update
	report, fetchErr := fetch.New(opts).Fetch(ctx, targets)
	bar.finish()
	failed := listFetched(stdout, stderr, report, fetchErr)
	if fetchErr != nil {
		return explainFetchError(fetchErr)
	}
	total := len(targets)
	paths := report.Paths()
	if !fl.noIngest && len(paths) > 0 {
		n, err := ingestFetched(ctx, stdout, stderr, st.ingester, lk, paths)
		if err != nil {
			return err
		}
		failed += n
	}
	fmt.Fprintf(stdout, "%s%d of %s fetched into %s\n", sessionsPrefix(res), len(paths), plural(total, "document"), raw)
	if failed > 0 && len(paths) == 0 {
		if total == 1 {
			return errors.New("the document failed")
		}
		return fmt.Errorf("all %d documents failed", total)
	}
	return batchError(failed, total, emptySessions, len(req.sessions))
}

// fetchRequest is what fetch's arguments and flags ask for.
type fetchRequest struct {
	symbols  []string
	sessions []int
	langs    []string
}

// parseFetchArgs checks fetch's arguments and flags.
func parseFetchArgs(args []string, fl fetchFlags) (fetchRequest, error) {
	var req fetchRequest
	if fl.workspace == "" {
		return req, usageError{errors.New("--workspace is required (or set SCDEBATE_WORKSPACE)")}
	}
	if len(args) == 0 && fl.sessions == "" {
		return req, usageError{errors.New("name documents by symbol (A/75/PV.78) or by --session")}
	}
	var err error
	if req.langs, err = fetch.ParseLangs(fl.langs); err != nil {
		return req, usageError{fmt.Errorf("--lang: %w", err)}
	}
	for _, a := range args {
		s, err := fetch.NormalizeSymbol(a)
		if err != nil {
			return req, usageError{err}
		}
		req.symbols = append(req.symbols, s)
	}
	if fl.sessions != "" {
		if req.sessions, err = fetch.ParseSessions(fl.sessions); err != nil {
			return req, usageError{fmt.Errorf("--session: %w", err)}
		}
	}
	if fl.rate == 0 || fl.retries < 0 || fl.bodyTimeout <= 0 {
		return req, usageError{errors.New("--rate must not be 0 (negative: no limit), --retries not negative, --request-timeout positive")}
	}
	for _, u := range []string{fl.odsURL, fl.libraryURL} {
		if !strings.HasPrefix(u, "http://") && !strings.HasPrefix(u, "https://") {
			return req, usageError{fmt.Errorf("base URL %q is not an http(s) URL", u)}
		}
	}
	return req, nil
}

// resolveTargets lists the documents to fetch: each symbol named in each
// language, then the meetings of the sessions asked for, reporting what
// the sessions resolved to. It returns the resolution (nil without
// sessions) and the number of sessions left without a meeting.
func resolveTargets(ctx context.Context, stderr io.Writer, req fetchRequest, fl fetchFlags, client *fetch.Client) ([]fetch.Target, *fetch.Resolution, int, error) {
	var targets []fetch.Target
	for _, s := range req.symbols {
		for _, l := range req.langs {
			targets = append(targets, fetch.Target{Symbol: s, Lang: l})
		}
	}
	if len(req.sessions) == 0 {
		return targets, nil, 0, nil
	}
	resolver := &fetch.Resolver{}
	if !fl.noDiscover {
		resolver.Library = &fetch.Library{BaseURL: fl.libraryURL, Client: client}
	}
	res, err := resolver.Resolve(ctx, req.sessions)
	if err != nil {
		return nil, nil, 0, err
	}
	emptySessions := reportResolution(stderr, res, resolver.Library != nil)
	return append(targets, res.Targets(req.langs)...), res, emptySessions, nil
}

// dryRunFetch lists what fetch would do.
func dryRunFetch(stdout io.Writer, opts fetch.Options, targets []fetch.Target, res *fetch.Resolution, req fetchRequest, emptySessions int) error {
	plan, err := fetch.New(opts).Plan(targets)
	if err != nil {
		return err
	}
	for _, p := range plan {
		fmt.Fprintf(stdout, "%-8s %-16s %s  %s\n", p.State, p.Target.Symbol, p.Target.Lang, p.URL)
	}
	fmt.Fprintln(stdout, planSummary(res, len(req.symbols), req.langs, plan, opts.RawDir))
	if len(plan) == 0 {
		return errors.New("nothing to fetch: no meeting is known for the sessions asked for")
	}
	return batchError(0, len(plan), emptySessions, len(req.sessions))
}

// listFetched prints a line for each document fetched and for each that
// failed, and returns how many failed, leaving out those that the error
// stopping the batch (fetchErr) accounts for.
func listFetched(stdout, stderr io.Writer, report *fetch.Report, fetchErr error) int {
	var unreachable *fetch.UnreachableError
	stopped := errors.As(fetchErr, &unreachable)
	failed := 0
	for _, r := range report.Results {
		if r.Status == fetch.StatusFailed {
			if (stopped && errors.Is(r.Err, unreachable)) || errors.Is(r.Err, context.Canceled) {
				continue // the error that stopped the batch says it
			}
			fmt.Fprintf(stderr, "failed: %v\n", r.Err)
			failed++
			continue
		}
		fmt.Fprintf(stdout, "%-12s %-16s %s  %s  %s  %s\n", r.Status, r.Target.Symbol, r.Target.Lang, r.Entry.File, humanBytes(r.Entry.Size), r.Entry.SHA256[:12])
	}
	return failed
}

// ingestFetched ingests the files fetched, under the lock fetch holds,
// when the build has an ingest stage, and returns how many failed.
func ingestFetched(ctx context.Context, stdout, stderr io.Writer, ingester fetchIngester, lk *corpus.Lock, paths []string) (int, error) {
	if ingester == nil {
		fmt.Fprintf(stderr, "note: this build has no ingest stage; the files are in %s\n", lk.Workspace().Path(corpus.RawDir))
		return 0, nil
	}
	sum, err := ingester.IngestFiles(ctx, lk, paths)
	if err != nil {
		return 0, err
	}
	fmt.Fprintf(stdout, "ingested %d files: %d stored, %d already in the corpus, %d failed\n", sum.Total, sum.Stored, sum.Skipped, len(sum.Failures))
	for _, fe := range sum.Failures {
		fmt.Fprintf(stderr, "failed to ingest: %v\n", fe)
	}
	return len(sum.Failures), nil
}

// fetchPartial is a batch that ran with failures, its message counting the
// documents and the sessions that failed apart.
type fetchPartial struct {
	partialError
	msg string
}

func (e fetchPartial) Error() string { return e.msg }
func (e fetchPartial) Unwrap() error { return e.partialError }

// batchError says what of a batch failed: "2 of 6 documents failed; 1 of
// 3 sessions has no known meeting", or nil when nothing did.
func batchError(failedDocs, docs, emptySessions, sessions int) error {
	if failedDocs == 0 && emptySessions == 0 {
		return nil
	}
	var parts []string
	if failedDocs > 0 {
		parts = append(parts, fmt.Sprintf("%d of %s failed", failedDocs, plural(docs, "document")))
	}
	if emptySessions > 0 {
		verb := "have"
		if emptySessions == 1 {
			verb = "has"
		}
		parts = append(parts, fmt.Sprintf("%d of %s %s no known meeting", emptySessions, plural(sessions, "session"), verb))
	}
	return fetchPartial{partialError{failed: failedDocs + emptySessions, total: docs + sessions}, strings.Join(parts, "; ")}
}

// reportResolution lists what discovery found and disagreed with, and
// returns the number of sessions left without a meeting to fetch.
func reportResolution(w io.Writer, res *fetch.Resolution, discovered bool) int {
	if ue := res.Unreachable; ue != nil {
		reach := "cannot reach " + ue.Host
		if ue.Proxy != "" {
			reach += " through the proxy " + ue.Proxy
		}
		fmt.Fprintf(w, "warning: the Digital Library was not searched for %s: %s: %s; listing what the built-in registry knows. Check the connection or the proxy settings (HTTPS_PROXY, HTTP_PROXY, NO_PROXY), point --base-url-library at a mirror, or use --no-discover\n",
			sessionList(res.Undiscovered), reach, ue.Reason)
	}
	for _, e := range res.DiscoveryErrors {
		fmt.Fprintf(w, "warning: Digital Library search failed, using the built-in registry alone for %v\n", e)
	}
	for _, d := range res.Discrepancies {
		fmt.Fprintf(w, "check: %s\n", d)
	}
	undiscovered := map[int]bool{}
	for _, s := range res.Undiscovered {
		undiscovered[s] = true
	}
	missing := 0
	for _, d := range res.Debates {
		for _, m := range d.Meetings {
			if !m.InRegistry {
				how := "found in the Digital Library"
				if m.RecordURL == "" && m.Speeches > 0 {
					how = fmt.Sprintf("named by %s in the Digital Library", plural(m.Speeches, "speech record"))
				}
				fmt.Fprintf(w, "discovered: %s (%s), %s, not in the registry\n", m.Symbol, orUnknown(m.Date), how)
			}
		}
		if len(d.Meetings) == 0 {
			registry := "not in the registry"
			switch {
			case len(d.Dates) > 0:
				registry = "the registry knows the debate's date, " + strings.Join(d.Dates, ", ") + ", not its meetings"
			case d.InRegistry:
				registry = "the registry knows the debate, not its meetings"
			}
			where := registry + ", not found in the Digital Library"
			switch {
			case !discovered:
				where = registry + "; the Digital Library was not searched"
			case undiscovered[d.Session]:
				where = registry + "; the Digital Library could not be reached"
			}
			fmt.Fprintf(w, "failed: session %d: no meeting of the report debate is known (%s)\n", d.Session, where)
			missing++
		}
	}
	return missing
}

// sessionList names sessions for a message, runs as ranges: "session
// 69", "sessions 66-70, 75".
func sessionList(sessions []int) string {
	var parts []string
	for i := 0; i < len(sessions); {
		j := i
		for j+1 < len(sessions) && sessions[j+1] == sessions[j]+1 {
			j++
		}
		switch {
		case j == i:
			parts = append(parts, strconv.Itoa(sessions[i]))
		default:
			parts = append(parts, strconv.Itoa(sessions[i])+"-"+strconv.Itoa(sessions[j]))
		}
		i = j + 1
	}
	if len(sessions) == 1 {
		return "session " + parts[0]
	}
	return "sessions " + strings.Join(parts, ", ")
}

// planSummary is the last line of a dry run, counting sessions, meetings
// and documents apart: "2 sessions, 3 meetings; 6 documents in en, fr:
// 6 to fetch, 0 already present in DIR".
func planSummary(res *fetch.Resolution, symbols int, langs []string, plan []fetch.Planned, raw string) string {
	toFetch := countMissing(plan)
	return fmt.Sprintf("%s%s in %s: %d to fetch, %d already present in %s",
		sessionsPrefix(res)+symbolsPrefix(symbols), plural(len(plan), "document"), strings.Join(langs, ", "), toFetch, len(plan)-toFetch, raw)
}

// sessionsPrefix counts the sessions asked for and the meetings found:
// "2 sessions (1 without a known meeting), 3 meetings; ", or "" without
// sessions.
func sessionsPrefix(res *fetch.Resolution) string {
	if res == nil || len(res.Debates) == 0 {
		return ""
	}
	meetings, empty := 0, 0
	for _, d := range res.Debates {
		meetings += len(d.Meetings)
		if len(d.Meetings) == 0 {
			empty++
		}
	}
	s := plural(len(res.Debates), "session")
	if empty > 0 {
		s += fmt.Sprintf(" (%d without a known meeting)", empty)
	}
	return s + ", " + plural(meetings, "meeting") + "; "
}

func symbolsPrefix(n int) string {
	if n == 0 {
		return ""
	}
	return plural(n, "symbol") + " named; "
}

// plural counts a noun: "1 document", "2 documents".
func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return strconv.Itoa(n) + " " + noun + "s"
}

func orUnknown(date string) string {
	if date == "" {
		return "date unknown"
	}
	return date
}

// explainFetchError adds what to do to errors that stop a fetch.
func explainFetchError(err error) error {
	var ue *fetch.UnreachableError
	if errors.As(err, &ue) {
		return fmt.Errorf("%w\nno network access? check the connection or the proxy settings (HTTPS_PROXY, HTTP_PROXY, NO_PROXY), or point --base-url-ods / --base-url-library at a mirror", err)
	}
	return err
}

func countMissing(plan []fetch.Planned) int {
	n := 0
	for _, p := range plan {
		if p.State != "present" {
			n++
		}
	}
	return n
}

func humanBytes(n int64) string {
	switch {
	case n >= 1<<20:
		return strconv.FormatFloat(float64(n)/(1<<20), 'f', 1, 64) + " MiB"
	case n >= 1<<10:
		return strconv.FormatFloat(float64(n)/(1<<10), 'f', 0, 64) + " KiB"
	}
	return strconv.FormatInt(n, 10) + " B"
}

// fetchBar draws progress on a terminal; elsewhere it does nothing.
type fetchBar struct {
	bar *progressbar.ProgressBar
}

func newFetchBar(w io.Writer, total int) *fetchBar {
	f, ok := w.(*os.File)
	if !ok || !term.IsTerminal(int(f.Fd())) {
		return &fetchBar{}
	}
	return &fetchBar{bar: progressbar.NewOptions(total,
		progressbar.OptionSetWriter(w),
		progressbar.OptionSetDescription("fetch"),
		progressbar.OptionShowCount(),
		progressbar.OptionSetElapsedTime(true),
		progressbar.OptionClearOnFinish(),
		progressbar.OptionThrottle(100*time.Millisecond),
	)}
}

func (b *fetchBar) update(p fetch.Progress) {
	if b.bar == nil {
		return
	}
	switch p.Kind {
	case fetch.ProgressStart:
		b.bar.Describe(p.Target.Symbol + " " + p.Target.Lang)
	case fetch.ProgressBytes:
		b.bar.Describe(p.Target.Symbol + " " + p.Target.Lang + " " + humanBytes(p.Bytes))
	case fetch.ProgressDone:
		b.bar.Add(1)
	}
}

func (b *fetchBar) finish() {
	if b.bar != nil {
		b.bar.Finish()
	}
}
