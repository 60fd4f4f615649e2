package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/scdebate/scdebate/corpus"
	"github.com/scdebate/scdebate/corpus/fixtures"
	"github.com/scdebate/scdebate/ingest/fetch"
	"github.com/scdebate/scdebate/ingest/layout"
)

// fakeODS serves real PDFs under the symbols given the way the Official
// Document System answers (see ingest/fetch's shape tests): the API
// redirects to a relative, upper-case path; the file is served at the
// lower-case one; the upper-case path and an unknown symbol answer the
// HTML application page with status 200.
func fakeODS(t *testing.T, docs map[string]string) (*httptest.Server, *[]string) {
	t.Helper()
	data := map[string][]byte{}
	for symbol, file := range docs {
		b, err := os.ReadFile(fixtures.Real(t, file))
		if err != nil {
			t.Fatal(err)
		}
		data[corpus.Slug(symbol)] = b
	}
	page, err := os.ReadFile(filepath.Join("..", "..", "ingest", "fetch", "testdata", "ods", "app-page.html"))
	if err != nil {
		t.Fatal(err)
	}
	appPage := func(w http.ResponseWriter) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write(page)
	}
	var mu sync.Mutex
	var seen []string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		seen = append(seen, r.URL.RequestURI())
		mu.Unlock()
		switch {
		case r.URL.Path == "/api/symbol/access":
			slug := corpus.Slug(r.URL.Query().Get("s"))
			if _, ok := data[slug]; !ok {
				appPage(w)
				return
			}
			w.Header().Set("Location", "/doc/UNDOC/GEN/"+strings.ToUpper(slug+"-"+r.URL.Query().Get("l"))+".PDF")
			w.WriteHeader(http.StatusFound)
		case strings.HasPrefix(r.URL.Path, "/doc/undoc/gen/"):
			name := strings.TrimSuffix(strings.TrimPrefix(r.URL.Path, "/doc/undoc/gen/"), ".pdf")
			slug := name[:strings.LastIndex(name, "-")]
			for s, b := range data {
				if strings.ToLower(s) == slug {
					w.Header().Set("Content-Type", "application/pdf")
					http.ServeContent(w, r, name, time.Time{}, bytes.NewReader(b))
					return
				}
			}
			http.NotFound(w, r)
		default:
			appPage(w)
		}
	}))
	t.Cleanup(srv.Close)
	return srv, &seen
}

// fakeLibrary answers every search with the fixture of the session named.
func fakeLibrary(t *testing.T) *httptest.Server {
	t.Helper()
	pdf, err := os.ReadFile(fixtures.Real(t, "A_60_PV.25.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/record/900001/files/A_69_PV.58-EN.pdf" {
			w.Header().Set("Content-Type", "application/pdf")
			w.Write(pdf)
			return
		}
		p := r.URL.Query().Get("p")
		for _, s := range []string{"67", "69"} {
			if strings.Contains(p, "A/"+s+"/PV") && r.URL.Query().Get("jrec") == "1" {
				http.ServeFile(w, r, filepath.Join("..", "..", "ingest", "fetch", "testdata", "library", "session-"+s+"-1.xml"))
				return
			}
		}
		fmt.Fprint(w, `<collection xmlns="http://www.loc.gov/MARC21/slim"/>`)
	}))
	t.Cleanup(srv.Close)
	return srv
}

type fakeIngester struct {
	calls [][]string
	fail  map[string]bool
}

func (f *fakeIngester) IngestFiles(_ context.Context, _ *corpus.Lock, paths []string) (*ingestSummary, error) {
	f.calls = append(f.calls, paths)
	sum := &ingestSummary{Total: len(paths)}
	for _, p := range paths {
		if f.fail[filepath.Base(p)] {
			sum.Failures = append(sum.Failures, fmt.Errorf("%s: not a verbatim record", p))
			continue
		}
		sum.Stored++
	}
	return sum, nil
}

// runFetchCmd runs `scdebate fetch args...` with ing as the ingest stage
// and returns stdout, stderr and the exit code main would give.
func runFetchCmd(t *testing.T, ing fetchIngester, args ...string) (string, string, int) {
	t.Helper()
	return runFetchCmdWith(t, fetchStages{ingester: ing}, args...)
}

// runFetchCmdWith is runFetchCmd with every stage given.
func runFetchCmdWith(t *testing.T, st fetchStages, args ...string) (string, string, int) {
	t.Helper()
	root := newRootCmd()
	for _, c := range root.Commands() {
		if c.Name() == "fetch" {
			root.RemoveCommand(c)
		}
	}
	root.AddCommand(newFetchCmdWith(st))
	var stdout, stderr bytes.Buffer
	root.SetOut(&stdout)
	root.SetErr(&stderr)
	root.SetArgs(append([]string{"fetch"}, args...))
	err := root.ExecuteContext(context.Background())
	if err != nil {
		fmt.Fprintln(&stderr, "scdebate:", err)
	}
	return stdout.String(), stderr.String(), exitCodeQuiet(err)
}

// exitCodeQuiet is exitCode without its printing.
func exitCodeQuiet(err error) int {
	var ue usageError
	var pe partialError
	switch {
	case err == nil:
		return exitOK
	case errors.As(err, &ue):
		return exitUsage
	case errors.As(err, &pe):
		return exitPartial
	}
	return exitError
}

func TestFetchCommandBySymbol(t *testing.T) {
	ods, _ := fakeODS(t, map[string]string{"A/79/PV.29": "A_79_PV.29.pdf", "A/60/PV.25": "A_60_PV.25.pdf"})
	ws := t.TempDir()
	ing := &fakeIngester{}
	stdout, stderr, code := runFetchCmd(t, ing, "--workspace", ws, "--base-url-ods", ods.URL, "--rate", "-1", "A/79/PV.29", "A/60/PV.25")
	if code != exitOK {
		t.Fatalf("exit %d\n%s%s", code, stdout, stderr)
	}
	for _, want := range []string{"downloaded   A/79/PV.29       en  A_79_PV.29.en.pdf", "downloaded   A/60/PV.25       en  A_60_PV.25.en.pdf", "ingested 2 files: 2 stored", "2 of 2 documents fetched"} {
		if !strings.Contains(stdout, want) {
			t.Errorf("stdout lacks %q:\n%s", want, stdout)
		}
	}
	if len(ing.calls) != 1 || len(ing.calls[0]) != 2 || ing.calls[0][0] != filepath.Join(ws, "raw", "A_79_PV.29.en.pdf") {
		t.Errorf("ingest calls %v", ing.calls)
	}
	if _, err := os.Stat(filepath.Join(ws, "raw", "manifest.json")); err != nil {
		t.Error(err)
	}
	if _, err := os.Stat(filepath.Join(ws, "lock")); err == nil {
		t.Error("the workspace lock was left behind")
	}

	// Again, without ingestion: everything is present, nothing ingested.
	ing = &fakeIngester{}
	stdout, _, code = runFetchCmd(t, ing, "--workspace", ws, "--base-url-ods", ods.URL, "--no-ingest", "A/79/PV.29")
	if code != exitOK || !strings.Contains(stdout, "present      A/79/PV.29") || len(ing.calls) != 0 {
		t.Errorf("exit %d, ingest calls %v\n%s", code, ing.calls, stdout)
	}
}

func TestFetchCommandBySession(t *testing.T) {
	docs := map[string]string{"A/69/PV.58": "A_79_PV.29.pdf", "A/67/PV.901": "A_60_PV.85.pdf", "A/67/PV.902": "A_65_PV.71.pdf"}
	// The registry's own meetings of 67 and 69 are served too, so that the
	// test holds whatever the built-in registry comes to know; session 30 is
	// one it knows nothing of.
	reg, err := fetch.LoadRegistry()
	if err != nil {
		t.Fatal(err)
	}
	if reg.Session(30) != nil {
		t.Fatal("the built-in registry now has session 30: pick another unknown session for this test")
	}
	for _, n := range []int{67, 69} {
		if s := reg.Session(n); s != nil {
			for _, m := range s.Meetings {
				if _, ok := docs[m.Symbol]; !ok {
					docs[m.Symbol] = "A_60_PV.25.pdf"
				}
			}
		}
	}
	ods, _ := fakeODS(t, docs)
	lib := fakeLibrary(t)
	ws := t.TempDir()
	stdout, stderr, code := runFetchCmd(t, &fakeIngester{}, "--workspace", ws, "--base-url-ods", ods.URL, "--base-url-library", lib.URL, "--rate", "-1", "--session", "30,67,69")
	// Session 30 has no meeting in the registry or the library: it fails,
	// the others are fetched.
	if code != exitPartial {
		t.Fatalf("exit %d\n%s%s", code, stdout, stderr)
	}
	for _, want := range []string{
		"discovered: A/67/PV.901 (2012-11-15), found in the Digital Library, not in the registry",
		"failed: session 30: no meeting of the report debate is known",
	} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr)
		}
	}
	wants := []string{fmt.Sprintf("%d of %d documents fetched", len(docs), len(docs))}
	for symbol := range docs {
		wants = append(wants, "downloaded   "+symbol+" ")
	}
	for _, want := range wants {
		if !strings.Contains(stdout, want) {
			t.Errorf("stdout lacks %q:\n%s", want, stdout)
		}
	}
}

func TestFetchCommandFromLibraryFile(t *testing.T) {
	ods, _ := fakeODS(t, nil) // the Official Document System lacks the record
	lib := fakeLibrary(t)
	ws := t.TempDir()
	stdout, stderr, code := runFetchCmd(t, &fakeIngester{}, "--workspace", ws, "--base-url-ods", ods.URL, "--base-url-library", lib.URL, "--rate", "-1", "--retries", "0", "--session", "69")
	if code != exitOK || !strings.Contains(stdout, "downloaded   A/69/PV.58") {
		t.Fatalf("exit %d\n%s%s", code, stdout, stderr)
	}
	b, err := os.ReadFile(filepath.Join(ws, "raw", "manifest.json"))
	if err != nil || !strings.Contains(string(b), lib.URL+"/record/900001/files/A_69_PV.58-EN.pdf") {
		t.Errorf("manifest does not name the library file: %s %v", b, err)
	}
}

func TestFetchCommandDryRun(t *testing.T) {
	ods, seen := fakeODS(t, nil)
	ws := t.TempDir()
	stdout, stderr, code := runFetchCmd(t, &fakeIngester{}, "--workspace", ws, "--base-url-ods", ods.URL, "--session", "69,75", "--no-discover", "--lang", "en,fr", "--dry-run")
	if code != exitOK {
		t.Fatalf("exit %d\n%s%s", code, stdout, stderr)
	}
	for _, want := range []string{
		"missing  A/69/PV.58       en  " + ods.URL + "/api/symbol/access?s=A/69/PV.58&l=en&t=pdf",
		"missing  A/69/PV.58       fr",
		"missing  A/75/PV.78       en",
		"missing  A/75/PV.79       fr",
		"2 sessions, 3 meetings; 6 documents in en, fr: 6 to fetch, 0 already present in " + filepath.Join(ws, "raw"),
	} {
		if !strings.Contains(stdout, want) {
			t.Errorf("stdout lacks %q:\n%s", want, stdout)
		}
	}
	if len(*seen) != 0 {
		t.Errorf("a dry run made requests: %v", *seen)
	}
	if entries, _ := os.ReadDir(filepath.Join(ws, "raw")); len(entries) != 0 {
		t.Errorf("a dry run wrote files")
	}
}

func TestFetchCommandFailures(t *testing.T) {
	ods, _ := fakeODS(t, map[string]string{"A/79/PV.29": "A_79_PV.29.pdf", "A/60/PV.25": "A_60_PV.25.pdf"})
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	closed := "http://" + ln.Addr().String()
	ln.Close()
	ws := t.TempDir()
	tests := []struct {
		name       string
		ing        *fakeIngester
		args       []string
		wantCode   int
		wantStderr []string
	}{
		{"one symbol missing", &fakeIngester{}, []string{"--base-url-ods", ods.URL, "A/79/PV.29", "A/75/PV.999"}, exitPartial,
			[]string{"failed: A/75/PV.999 (en): no such document: the service answered an HTML page instead of the file", "1 of 2 documents failed"}},
		{"all missing", &fakeIngester{}, []string{"--base-url-ods", ods.URL, "A/75/PV.998"}, exitError,
			[]string{"failed: A/75/PV.998 (en): no such document", "the document failed"}},
		{"ingest failure", &fakeIngester{fail: map[string]bool{"A_60_PV.25.en.pdf": true}}, []string{"--base-url-ods", ods.URL, "A/60/PV.25"}, exitPartial,
			[]string{"failed to ingest: ", "A_60_PV.25.en.pdf: not a verbatim record"}},
		{"no network", &fakeIngester{}, []string{"--base-url-ods", closed, "A/79/PV.30"}, exitError,
			[]string{"cannot reach " + strings.TrimPrefix(closed, "http://") + ": connection refused", "no network access?"}},
		{"session without meetings", &fakeIngester{}, []string{"--base-url-ods", ods.URL, "--session", "77", "--no-discover"}, exitError,
			[]string{"failed: session 77: no meeting", "nothing to fetch"}},
		{"no documents named", &fakeIngester{}, nil, exitUsage, []string{"by symbol"}},
		{"bad language", &fakeIngester{}, []string{"--lang", "de", "A/79/PV.29"}, exitUsage, []string{`unknown language "de"`}},
		{"bad session", &fakeIngester{}, []string{"--session", "79-75"}, exitUsage, []string{"bad session"}},
		{"bad symbol", &fakeIngester{}, []string{"../../etc/passwd"}, exitUsage, []string{"not a UN document symbol"}},
		{"bad base URL", &fakeIngester{}, []string{"--base-url-ods", "ftp://x", "A/79/PV.29"}, exitUsage, []string{"not an http(s) URL"}},
		{"zero rate", &fakeIngester{}, []string{"--rate", "0", "A/79/PV.29"}, exitUsage, []string{"--rate"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			args := append([]string{"--workspace", ws, "--rate", "-1", "--retries", "0"}, tt.args...)
			stdout, stderr, code := runFetchCmd(t, tt.ing, args...)
			if code != tt.wantCode {
				t.Errorf("exit %d, want %d\n%s%s", code, tt.wantCode, stdout, stderr)
			}
			for _, w := range tt.wantStderr {
				if !strings.Contains(stderr, w) {
					t.Errorf("stderr lacks %q:\n%s", w, stderr)
				}
			}
		})
	}
	// With an empty --workspace.
	if _, stderr, code := runFetchCmd(t, &fakeIngester{}, "--workspace", "", "A/79/PV.29"); code != exitUsage || !strings.Contains(stderr, "--workspace is required") {
		t.Errorf("no workspace: exit %d %s", code, stderr)
	}
}

// TestFetchCommandOffline runs fetch with the Digital Library out of reach:
// what the built-in registry knows is still listed (and fetched), with a
// warning naming the host, and the counts tell sessions, meetings and
// documents apart.
func TestFetchCommandOffline(t *testing.T) {
	reg, err := fetch.LoadRegistry()
	if err != nil {
		t.Fatal(err)
	}
	if reg.Session(30) != nil {
		t.Fatal("the built-in registry now has session 30: pick another unknown session for this test")
	}
	meetings := len(reg.Session(69).Meetings) + len(reg.Session(75).Meetings)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	host := ln.Addr().String()
	ln.Close()
	ods, seen := fakeODS(t, map[string]string{"A/69/PV.58": "A_79_PV.29.pdf"})
	ws := t.TempDir()
	raw := filepath.Join(ws, "raw")
	base := []string{"--workspace", ws, "--base-url-ods", ods.URL, "--base-url-library", "http://" + host, "--rate", "-1", "--retries", "0"}
	tests := []struct {
		name       string
		args       []string
		wantCode   int
		wantStdout []string
		wantStderr []string
	}{
		{"dry run", []string{"--session", "69,75", "--dry-run"}, exitOK,
			[]string{"missing  A/69/PV.58       en", "missing  A/75/PV.78       en",
				fmt.Sprintf("2 sessions, %s; %s in en: %d to fetch, 0 already present in %s", plural(meetings, "meeting"), plural(meetings, "document"), meetings, raw)},
			[]string{"warning: the Digital Library was not searched for sessions 69, 75: cannot reach " + host + ": connection refused", "listing what the built-in registry knows", "--no-discover"}},
		{"dry run with a session nothing is known of", []string{"--session", "30,69", "--dry-run"}, exitPartial,
			[]string{"2 sessions (1 without a known meeting), " + plural(len(reg.Session(69).Meetings), "meeting") + "; "},
			[]string{"failed: session 30: no meeting of the report debate is known (not in the registry; the Digital Library could not be reached)",
				"scdebate: 1 of 2 sessions has no known meeting"}},
		{"dry run with symbols too", []string{"--session", "69", "A/79/PV.29", "--dry-run", "--lang", "en,fr"}, exitOK,
			[]string{"1 session, " + plural(len(reg.Session(69).Meetings), "meeting") + "; 1 symbol named; "},
			[]string{"not searched for session 69: cannot reach " + host}},
		{"fetch", []string{"--session", "69", "--no-ingest"}, exitOK,
			[]string{"downloaded   A/69/PV.58", "1 session, " + plural(len(reg.Session(69).Meetings), "meeting") + "; "},
			[]string{"not searched for session 69: cannot reach " + host}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := len(*seen)
			stdout, stderr, code := runFetchCmd(t, &fakeIngester{}, append(base, tt.args...)...)
			if code != tt.wantCode {
				t.Errorf("exit %d, want %d\n%s%s", code, tt.wantCode, stdout, stderr)
			}
			for _, w := range tt.wantStdout {
				if !strings.Contains(stdout, w) {
					t.Errorf("stdout lacks %q:\n%s", w, stdout)
				}
			}
			for _, w := range tt.wantStderr {
				if !strings.Contains(stderr, w) {
					t.Errorf("stderr lacks %q:\n%s", w, stderr)
				}
			}
			if strings.Contains(strings.Join(tt.args, " "), "--dry-run") && len(*seen) != before {
				t.Errorf("a dry run made requests: %v", (*seen)[before:])
			}
		})
	}
}

// TestFetchCommandLanguage has the service answer every language with the
// same file, as it does for a language it lacks: the second language is
// refused, said so, and the exit code tells a partial batch.
func TestFetchCommandLanguage(t *testing.T) {
	ods, _ := fakeODS(t, map[string]string{"A/79/PV.29": "A_79_PV.29.pdf"})
	ws := t.TempDir()
	stdout, stderr, code := runFetchCmd(t, &fakeIngester{}, "--workspace", ws, "--base-url-ods", ods.URL, "--rate", "-1", "--lang", "en,fr", "--no-ingest", "A/79/PV.29")
	if code != exitPartial {
		t.Errorf("exit %d, want %d\n%s%s", code, exitPartial, stdout, stderr)
	}
	if !strings.Contains(stdout, "downloaded   A/79/PV.29       en") ||
		!strings.Contains(stderr, "failed: A/79/PV.29 (fr): the fr file is identical to the en file of the same symbol") {
		t.Errorf("stdout:\n%s\nstderr:\n%s", stdout, stderr)
	}
	if _, err := os.Stat(filepath.Join(ws, "raw", "A_79_PV.29.fr.pdf")); err == nil {
		t.Error("the duplicate was kept under the French name")
	}
}

// TestLayoutLanguage reads a file's language through the extractor, as the
// command does for each downloaded file.
func TestLayoutLanguage(t *testing.T) {
	bin := scdebateBinary(t)
	l := layoutLanguage{options: layout.Options{Command: []string{bin, layout.WorkerCommand}}}
	tests := []struct{ name, path, want string }{
		{"Arabic", filepath.Join("..", "..", "ingest", "layout", "testdata", "arabic", "record.pdf"), "ar"},
		{"English", "A_79_PV.29.pdf", "en"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := tt.path
			if !strings.Contains(path, string(filepath.Separator)) {
				path = fixtures.Real(t, path)
			}
			got, err := l.FileLanguage(context.Background(), path)
			if err != nil || got != tt.want {
				t.Errorf("got %q %v, want %q", got, err, tt.want)
			}
		})
	}
	if got, err := l.FileLanguage(context.Background(), "fetch_test.go"); err == nil || got != "" {
		t.Errorf("a Go file: %q %v, want an error", got, err)
	}
}

// TestReportResolution checks what fetch says of each session it resolved.
func TestReportResolution(t *testing.T) {
	res := &fetch.Resolution{
		Debates: []fetch.Debate{
			{Session: 74, Meetings: []fetch.DebateMeeting{
				{Symbol: "A/74/PV.901", Date: "2020-07-01", Discovered: true, RecordURL: "http://library/record/1"},
				{Symbol: "A/74/PV.902", Discovered: true, Speeches: 2},
			}},
			{Session: 76, InRegistry: true, Dates: []string{"2022-06-09"}},
			{Session: 71},
			{Session: 81, InRegistry: true},
		},
		Unreachable:  &fetch.UnreachableError{Host: "digitallibrary.un.org", Reason: "cannot resolve the name"},
		Undiscovered: []int{76, 71, 72, 73},
	}
	var b bytes.Buffer
	if n := reportResolution(&b, res, true); n != 3 {
		t.Errorf("%d sessions without a meeting, want 3", n)
	}
	for _, want := range []string{
		"warning: the Digital Library was not searched for sessions 76, 71-73: cannot reach digitallibrary.un.org: cannot resolve the name; listing what the built-in registry knows.",
		"discovered: A/74/PV.901 (2020-07-01), found in the Digital Library, not in the registry",
		"discovered: A/74/PV.902 (date unknown), named by 2 speech records in the Digital Library, not in the registry",
		"failed: session 76: no meeting of the report debate is known (the registry knows the debate's date, 2022-06-09, not its meetings; the Digital Library could not be reached)",
		"failed: session 71: no meeting of the report debate is known (not in the registry; the Digital Library could not be reached)",
		"failed: session 81: no meeting of the report debate is known (the registry knows the debate, not its meetings, not found in the Digital Library)",
	} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("output lacks %q:\n%s", want, b.String())
		}
	}
	for _, tt := range []struct {
		failedDocs, docs, empty, sessions int
		want                              string
	}{
		{0, 6, 0, 2, ""},
		{2, 6, 0, 0, "2 of 6 documents failed"},
		{0, 1, 1, 1, "1 of 1 session has no known meeting"},
		{1, 4, 2, 5, "1 of 4 documents failed; 2 of 5 sessions have no known meeting"},
	} {
		err := batchError(tt.failedDocs, tt.docs, tt.empty, tt.sessions)
		got := ""
		if err != nil {
			got = err.Error()
			if exitCodeQuiet(err) != exitPartial {
				t.Errorf("%q: exit %d", got, exitCodeQuiet(err))
			}
		}
		if got != tt.want {
			t.Errorf("batchError(%d, %d, %d, %d) = %q, want %q", tt.failedDocs, tt.docs, tt.empty, tt.sessions, got, tt.want)
		}
	}
}
