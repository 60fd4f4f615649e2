package web

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"io/fs"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/scdebate/scdebate/corpus"
	"github.com/scdebate/scdebate/index"
	"github.com/scdebate/scdebate/index/indextest"
	"github.com/scdebate/scdebate/reports"
)

// openTestIndex indexes docs in a new workspace and opens the index, which
// is closed when the test ends.
func openTestIndex(t testing.TB, docs []indextest.Doc) (*index.Index, *corpus.Workspace) {
	t.Helper()
	ws, err := corpus.OpenWorkspace(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) > 0 {
		if err := indextest.Write(ws, docs); err != nil {
			t.Fatal(err)
		}
		if _, err := index.Update(context.Background(), indextest.Lock(t, ws), index.Options{}); err != nil {
			t.Fatal(err)
		}
	}
	ix, err := index.Open(ws)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	return ix, ws
}

// newTestServer indexes docs in a new workspace and serves it on a
// loopback port.
func newTestServer(t testing.TB, docs []indextest.Doc, opts Options) (*httptest.Server, *corpus.Workspace) {
	t.Helper()
	ix, ws := openTestIndex(t, docs)
	return serveTestIndex(t, ix, opts), ws
}

// serveTestIndex serves ix on a loopback test server, failing the test on
// an internal error unless opts say otherwise.
func serveTestIndex(t testing.TB, ix *index.Index, opts Options) *httptest.Server {
	t.Helper()
	if opts.OnError == nil {
		opts.OnError = func(r *http.Request, err error) { t.Errorf("%s: internal error: %v", r.URL, err) }
	}
	srv, err := New(ix, opts)
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(srv.Handler())
	t.Cleanup(ts.Close)
	return ts
}

func get(t testing.TB, ts *httptest.Server, path string) (*http.Response, string) {
	t.Helper()
	resp, err := ts.Client().Get(ts.URL + path)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp, string(b)
}

func TestAPISearch(t *testing.T) {
	ts, _ := newTestServer(t, indextest.Handmade(), Options{})
	resp, body := get(t, ts, "/api/search?q=veto&country=NZL&lang=en&sort=date")
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("status %d: %s", resp.StatusCode, body)
	}
	var raw map[string]json.RawMessage
	if err := json.Unmarshal([]byte(body), &raw); err != nil {
		t.Fatal(err)
	}
	for _, key := range []string{"total", "took_ms", "hits", "facets"} {
		if _, ok := raw[key]; !ok {
			t.Errorf("response lacks %q", key)
		}
	}
	var res SearchResponse
	if err := json.Unmarshal([]byte(body), &res); err != nil {
		t.Fatal(err)
	}
	if res.Total != 3 || len(res.Hits) != 3 {
		t.Fatalf("total %d, %d hits; want 3", res.Total, len(res.Hits))
	}
	for _, f := range []string{"country", "theme", "session", "group"} {
		if _, ok := res.Facets[f]; !ok {
			t.Errorf("facets lack %q", f)
		}
	}
	if got := res.Facets["country"]; len(got) != 1 || got[0] != (index.FacetTerm{Term: "NZL", Count: 3}) {
		t.Errorf("country facet = %v", got)
	}
	sample, official := res.Hits[0], res.Hits[1]
	if !sample.Sample || sample.URL != "" || sample.Symbol != "SAMPLE/1" {
		t.Errorf("sample hit = %+v, want marked sample without a link", sample)
	}
	if official.URL != "https://undocs.org/en/A/75/PV.78#page=4" || official.CountryCode != "NZL" || official.Delegation != "New Zealand" ||
		official.Session != 75 || official.Date != "2021-06-10" || official.Speaker == "" || official.ID == "" ||
		!strings.Contains(official.Highlight, "<mark>veto</mark>") || official.Citation != "A/75/PV.78, p. 4, para. 2" {
		t.Errorf("hit = %+v", official)
	}
	var hitKeys []map[string]json.RawMessage
	json.Unmarshal(raw["hits"], &hitKeys)
	for _, key := range []string{"id", "symbol", "session", "date", "country_code", "delegation", "speaker", "themes", "text", "highlight", "url"} {
		if _, ok := hitKeys[1][key]; !ok {
			t.Errorf("hit lacks %q", key)
		}
	}
}

func TestAPIRejectsMalformedParameters(t *testing.T) {
	ts, _ := newTestServer(t, indextest.Handmade(), Options{})
	tests := []struct {
		name, query, param string
	}{
		{"page too large", "size=1000", "size"},
		{"negative from", "from=-1", "from"},
		{"from too far", "from=20000", "from"},
		{"not a number", "size=ten", "size"},
		{"backwards sessions", "session=79-75", "session"},
		{"bad session", "session=seventy", "session"},
		{"unterminated phrase", "q=%22veto", "q"},
		{"dangling operator", "q=veto+OR", "q"},
		{"query too long", "q=" + strings.Repeat("a", index.MaxQueryLength+1), "q"},
		{"too many countries", "country=" + strings.Repeat("NZL,", 60), "country"},
		{"bad flag", "proposals=maybe", "proposals"},
		{"bad sort", "sort=alphabetical", "sort"},
		{"bad date", "from_date=2020-13", "from_date"},
		{"oversized query string", "symbol=" + strings.Repeat("x", 6000), "query string"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			resp, body := get(t, ts, "/api/search?"+tt.query)
			if resp.StatusCode != http.StatusBadRequest {
				t.Fatalf("status %d, want 400: %s", resp.StatusCode, body)
			}
			if ct := resp.Header.Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
				t.Errorf("content type %q", ct)
			}
			var e errorBody
			if err := json.Unmarshal([]byte(body), &e); err != nil || e.Error == "" {
				t.Fatalf("error body %q (%v)", body, err)
			}
			if e.Param != tt.param {
				t.Errorf("param = %q, want %q (%s)", e.Param, tt.param, e.Error)
			}
		})
	}
}

func TestPagesEscapeRecordText(t *testing.T) {
	ts, _ := newTestServer(t, indextest.Handmade(), Options{})
	for _, tt := range []struct{ path, want string }{
		{"/?q=script+alert", "&lt;<mark>script</mark>&gt;<mark>alert</mark>(1)&lt;/<mark>script</mark>&gt;"},
		{"/?country=MEX", "&lt;script&gt;alert(1)&lt;/script&gt;"},
		{"/passage/" + url.PathEscape("A_75_PV.78.en#2.1"), "&lt;script&gt;alert(1)&lt;/script&gt;"},
		{"/state/MEX", "&lt;script&gt;alert(1)&lt;/script&gt;"},
	} {
		t.Run(tt.path, func(t *testing.T) {
			resp, body := get(t, ts, tt.path)
			if resp.StatusCode != http.StatusOK {
				t.Fatalf("status %d", resp.StatusCode)
			}
			if strings.Contains(body, "<script>alert") {
				t.Errorf("record markup rendered as markup")
			}
			if !strings.Contains(body, tt.want) {
				t.Errorf("record markup not shown as text %s", tt.want)
			}
		})
	}
	_, body := get(t, ts, "/?q="+url.QueryEscape(`"><script>alert(2)</script>`))
	if strings.Contains(body, "<script>alert(2)") {
		t.Errorf("query echoed as markup")
	}
}

func TestSecurityHeadersAndReadOnly(t *testing.T) {
	ts, ws := newTestServer(t, indextest.Handmade(), Options{})
	before := listFiles(t, ws.Dir)
	for _, path := range []string{"/", "/?q=veto", "/api/search?q=veto", "/state/NZL", "/assets/app.css", "/nowhere", "/api/nowhere"} {
		resp, _ := get(t, ts, path)
		h := resp.Header
		if !strings.Contains(h.Get("Content-Security-Policy"), "frame-ancestors 'none'") || !strings.Contains(h.Get("Content-Security-Policy"), "script-src 'self'") {
			t.Errorf("%s: CSP %q", path, h.Get("Content-Security-Policy"))
		}
		if h.Get("X-Content-Type-Options") != "nosniff" || h.Get("X-Frame-Options") != "DENY" {
			t.Errorf("%s: headers %v", path, h)
		}
	}
	for _, method := range []string{http.MethodPost, http.MethodPut, http.MethodDelete} {
		req, _ := http.NewRequest(method, ts.URL+"/api/search?q=veto", strings.NewReader("x"))
		resp, err := ts.Client().Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusMethodNotAllowed {
			t.Errorf("%s: status %d, want 405", method, resp.StatusCode)
		}
	}
	// No path reaches the file system: assets come from the binary and
	// passage IDs only ever go to the index.
	for _, path := range []string{
		"/assets/../../../../etc/passwd",
		"/assets/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
		"/assets/..%2f..%2f..%2fetc%2fpasswd",
		"/passage/..%2F..%2F..%2Fetc%2Fpasswd",
		"/passage/" + url.PathEscape(filepath.Join(ws.Dir, "index", "CURRENT")),
		"/state/..%2F..",
		"/records/A_75_PV.78.en.json",
		"/index/CURRENT",
	} {
		resp, body := get(t, ts, path)
		if resp.StatusCode == http.StatusOK || strings.Contains(body, "root:") || strings.Contains(body, "gen-0") {
			t.Errorf("%s: status %d, body %.80q", path, resp.StatusCode, body)
		}
	}
	if after := listFiles(t, ws.Dir); strings.Join(after, "\n") != strings.Join(before, "\n") {
		t.Errorf("serving changed the workspace:\nbefore %v\nafter  %v", before, after)
	}
}

func listFiles(t testing.TB, dir string) []string {
	t.Helper()
	var out []string
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		out = append(out, path+" "+info.ModTime().String()+" "+strings.Repeat("d", boolInt(d.IsDir())))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

func TestSearchPageKeepsStateInURL(t *testing.T) {
	ts, _ := newTestServer(t, indextest.Handmade(), Options{})
	_, body := get(t, ts, "/?q=veto&session=75&lang=en")
	for _, want := range []string{
		`value="veto"`,              // the query box
		`name="session" value="75"`, // filters ride along with a new query
		`href="/?country=NZL&amp;lang=en&amp;q=veto&amp;session=75"`, // a facet adds its filter
		`href="/?lang=en&amp;q=veto"`,                                // an active filter can be removed
		`https://undocs.org/en/A/75/PV.78#page=4`,
		`A/75/PV.78, p. 4`,
		`<mark>veto</mark>`,
	} {
		if !strings.Contains(body, want) {
			t.Errorf("page lacks %s", want)
		}
	}
}

func TestNoIndexYet(t *testing.T) {
	ts, _ := newTestServer(t, nil, Options{OnError: func(*http.Request, error) {}})
	resp, body := get(t, ts, "/api/search?q=veto")
	if resp.StatusCode != http.StatusServiceUnavailable || !strings.Contains(body, "scdebate index") {
		t.Errorf("status %d body %s", resp.StatusCode, body)
	}
	resp, body = get(t, ts, "/")
	if resp.StatusCode != http.StatusServiceUnavailable || !strings.Contains(body, "scdebate index") {
		t.Errorf("page: status %d", resp.StatusCode)
	}
}

func TestPassageAPIShowsLanguageVersions(t *testing.T) {
	ts, _ := newTestServer(t, indextest.Handmade(), Options{})
	resp, body := get(t, ts, "/api/passage/"+url.PathEscape("A_75_PV.78.en#1.2"))
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("status %d: %s", resp.StatusCode, body)
	}
	var pr PassageResponse
	if err := json.Unmarshal([]byte(body), &pr); err != nil {
		t.Fatal(err)
	}
	if pr.Passage.Language != "en" || len(pr.Counterparts) != 1 || pr.Counterparts[0].Language != "fr" || pr.Counterparts[0].URL != "https://undocs.org/fr/A/75/PV.78#page=4" {
		t.Errorf("passage response = %+v", pr)
	}
	resp, _ = get(t, ts, "/api/passage/nothing")
	if resp.StatusCode != http.StatusNotFound {
		t.Errorf("unknown passage: status %d", resp.StatusCode)
	}
}

func TestServeShutsDownGracefully(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	release := make(chan struct{})
	started := make(chan struct{})
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		close(started)
		<-release
		io.WriteString(w, "done")
	})
	ctx, cancel := context.WithCancel(context.Background())
	served := make(chan error, 1)
	go func() { served <- Serve(ctx, ln, h, 5*time.Second) }()

	got := make(chan string, 1)
	go func() {
		resp, err := http.Get("http://" + ln.Addr().String() + "/")
		if err != nil {
			got <- err.Error()
			return
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		got <- string(b)
	}()
	<-started
	cancel() // as on SIGTERM
	time.Sleep(50 * time.Millisecond)
	if _, err := net.DialTimeout("tcp", ln.Addr().String(), time.Second); err == nil {
		t.Error("still accepting connections after shutdown began")
	}
	close(release)
	if body := <-got; body != "done" {
		t.Errorf("request under way got %q, want it finished", body)
	}
	select {
	case err := <-served:
		if err != nil {
			t.Errorf("Serve: %v", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("Serve did not return after shutdown")
	}
}

func TestWorkbookDownload(t *testing.T) {
	var got []string
	wb := func(ctx context.Context, w io.Writer, req *index.Request, hits []index.Passage) error {
		for _, h := range hits {
			got = append(got, h.ID)
		}
		_, err := io.WriteString(w, "PK")
		return err
	}
	ts, _ := newTestServer(t, indextest.Handmade(), Options{Workbook: wb, MaxWorkbookPassages: 5})
	resp, body := get(t, ts, "/api/report.xlsx?q=veto&country=NZL&lang=en&samples=0")
	if resp.StatusCode != http.StatusOK || body != "PK" {
		t.Fatalf("status %d body %q", resp.StatusCode, body)
	}
	if cd := resp.Header.Get("Content-Disposition"); !strings.Contains(cd, `filename="scdebate-NZL.xlsx"`) {
		t.Errorf("Content-Disposition %q", cd)
	}
	if strings.Join(got, ",") != "A_75_PV.78.en#1.2,A_75_PV.78.en#1.3" {
		t.Errorf("hits %v, want the two matching English passages", got)
	}
	resp, body = get(t, ts, "/api/report.xlsx")
	if resp.StatusCode != http.StatusBadRequest || !strings.Contains(body, "narrow the search") {
		t.Errorf("oversized workbook: status %d body %s", resp.StatusCode, body)
	}
	_, page := get(t, ts, "/?q=veto")
	if !strings.Contains(page, `href="/api/report.xlsx?q=veto"`) {
		t.Errorf("search page lacks the workbook button")
	}

	// A workbook over the byte cap, or one that fails, is an error
	// response, not a truncated file.
	big := func(ctx context.Context, w io.Writer, req *index.Request, hits []index.Passage) error {
		_, err := w.Write(make([]byte, 2048))
		return err
	}
	ts2, _ := newTestServer(t, indextest.Handmade(), Options{Workbook: big, MaxWorkbookBytes: 1024})
	resp, body = get(t, ts2, "/api/report.xlsx?q=veto")
	if resp.StatusCode != http.StatusBadRequest || !strings.Contains(body, "larger than") {
		t.Errorf("oversized bytes: status %d body %s", resp.StatusCode, body)
	}
	failing := func(ctx context.Context, w io.Writer, req *index.Request, hits []index.Passage) error {
		io.WriteString(w, "PK partial")
		return errors.New("disk on fire")
	}
	ts3, _ := newTestServer(t, indextest.Handmade(), Options{Workbook: failing, OnError: func(*http.Request, error) {}})
	resp, body = get(t, ts3, "/api/report.xlsx?q=veto")
	if resp.StatusCode != http.StatusInternalServerError || strings.Contains(body, "PK") || strings.Contains(body, "fire") {
		t.Errorf("failed workbook: status %d body %s", resp.StatusCode, body)
	}
}

// TestReportsWorkbook downloads a real workbook, written by the reports
// package, and finds in its comments exactly the passages the search
// matched, in the language version of the hits.
func TestReportsWorkbook(t *testing.T) {
	tests := []struct {
		name, query string
		want        []string
		notWant     []string
	}{
		{"english hits", "q=veto&country=NZL&samples=0&lang=en",
			[]string{"refrain from the veto", "The veto was used four times"},
			[]string{"Penholdership must be shared", "renoncer au veto"}},
		{"hits in two languages", "q=veto&country=NZL",
			[]string{"refrain from the veto", "The veto was used four times"},
			[]string{"Penholdership must be shared", "renoncer au veto"}},
		{"french hits", "q=" + url.QueryEscape("renoncer"),
			[]string{"renoncer au veto"},
			[]string{"refrain from the veto", "Le veto a été utilisé"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var ws *corpus.Workspace
			ts, ws := newTestServer(t, indextest.Handmade(), Options{Workbook: func(ctx context.Context, w io.Writer, req *index.Request, hits []index.Passage) error {
				return reports.SearchWorkbook(ws)(ctx, w, req, hits)
			}})
			resp, body := get(t, ts, "/api/report.xlsx?"+tt.query)
			if resp.StatusCode != http.StatusOK {
				t.Fatalf("status %d: %.200s", resp.StatusCode, body)
			}
			comments := workbookComments(t, []byte(body))
			for _, w := range tt.want {
				if !strings.Contains(comments, w) {
					t.Errorf("comments lack %q:\n%s", w, comments)
				}
			}
			for _, w := range tt.notWant {
				if strings.Contains(comments, w) {
					t.Errorf("comments hold %q, which the search did not match", w)
				}
			}
		})
	}
}

// workbookComments returns the text of a workbook's Comments sheet.
func workbookComments(t *testing.T, data []byte) string {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("not a workbook: %v", err)
	}
	defer f.Close()
	rows, err := f.GetRows(reports.SheetComments)
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	for _, r := range rows {
		b.WriteString(strings.Join(r, "\t") + "\n")
	}
	return b.String()
}

func TestUnknownStateCode(t *testing.T) {
	ts, _ := newTestServer(t, indextest.Handmade(), Options{})
	resp, _ := get(t, ts, "/state/"+url.PathEscape("<b>"))
	if resp.StatusCode != http.StatusNotFound {
		t.Errorf("status %d", resp.StatusCode)
	}
}

func TestClassifyKeepsInternalErrorsPrivate(t *testing.T) {
	var logged error
	s := &Server{opts: Options{OnError: func(_ *http.Request, err error) { logged = err }}}
	r := httptest.NewRequest(http.MethodGet, "/", nil)
	status, body := s.classify(r, errors.New("open /secret/path: permission denied"))
	if status != http.StatusInternalServerError || strings.Contains(body.Error, "secret") || logged == nil {
		t.Errorf("status %d body %+v logged %v", status, body, logged)
	}
}

func TestChosenFacetKeepsItsAlternatives(t *testing.T) {
	ts, _ := newTestServer(t, indextest.Handmade(), Options{})
	_, body := get(t, ts, "/?country=NZL&lang=en")
	for _, want := range []string{
		`href="/?lang=en" aria-current="true" class="selected" data-term="NZL"`, // chosen: a click removes it
		`href="/?country=NZL&amp;country=MEX&amp;lang=en"`,                      // another state adds an alternative
		`href="/?country=NZL&amp;country=CHE&amp;lang=en"`,
	} {
		if !strings.Contains(body, want) {
			t.Errorf("page lacks %s", want)
		}
	}
}

func TestBusyServerSaysSo(t *testing.T) {
	ws, err := corpus.OpenWorkspace(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	ix, err := index.Open(ws)
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	s, err := New(ix, Options{MaxConcurrent: 1, QueueTimeout: 20 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	s.slots <- struct{}{} // a request under way holds the only slot
	rec := httptest.NewRecorder()
	s.Handler().ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/api/search?q=veto", nil))
	if rec.Code != http.StatusServiceUnavailable || rec.Header().Get("Retry-After") == "" {
		t.Errorf("status %d, headers %v", rec.Code, rec.Header())
	}
	<-s.slots
	rec = httptest.NewRecorder()
	s.Handler().ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/assets/app.css", nil))
	if rec.Code != http.StatusOK {
		t.Errorf("with a free slot: status %d", rec.Code)
	}
}
