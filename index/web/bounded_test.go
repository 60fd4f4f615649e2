package web

import (
	"context"
	"encoding/json"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/scdebate/scdebate/corpus"
	"github.com/scdebate/scdebate/index"
	"github.com/scdebate/scdebate/index/indextest"
)

// hugeSentence is what a paragraph far longer than any real one repeats:
// words the tests search for, on every line of it.
const hugeSentence = "The Council must be accountable to the membership and open about the veto. "

// withHugeParagraph makes one paragraph of a French speech of docs n bytes
// long, in one line, as a record from elsewhere may hold it (ingest stores
// such a paragraph in pieces), and returns that speech's country.
func withHugeParagraph(t testing.TB, docs []indextest.Doc, n int) string {
	t.Helper()
	sp := frenchSpeech(t, docs)
	sp.Paragraphs[0].Text = strings.Repeat(hugeSentence, n/len(hugeSentence))
	return sp.CountryCode
}

// withHugeParagraphInParts puts the same paragraph in a French speech as
// ingest stores it: consecutive paragraphs of at most
// corpus.MaxParagraphBytes, numbered by Part.
func withHugeParagraphInParts(t testing.TB, docs []indextest.Doc, n int) string {
	t.Helper()
	sp := frenchSpeech(t, docs)
	var paras []corpus.Paragraph
	for k, text := range corpus.SplitText(strings.Repeat(hugeSentence, n/len(hugeSentence)), corpus.MaxParagraphBytes) {
		paras = append(paras, corpus.Paragraph{N: k + 1, Page: sp.Paragraphs[0].Page, Text: text, Part: k + 1})
	}
	for _, p := range sp.Paragraphs[1:] {
		p.N = len(paras) + 1
		paras = append(paras, p)
	}
	sp.Paragraphs = paras
	return sp.CountryCode
}

func frenchSpeech(t testing.TB, docs []indextest.Doc) *corpus.Speech {
	t.Helper()
	for _, d := range docs {
		for i := range d.Record.Speeches {
			sp := &d.Record.Speeches[i]
			if sp.CountryCode == "FRA" && len(sp.Paragraphs) > 0 {
				return sp
			}
		}
	}
	t.Fatal("no French speech to make long")
	return nil
}

// getWithin gets path, failing the test if no answer comes within limit:
// a server pinned by one request never answers.
func getWithin(t *testing.T, ts *httptest.Server, base, path string, limit time.Duration) (int, string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), limit)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, base+path, nil)
	if err != nil {
		t.Fatal(err)
	}
	resp, err := ts.Client().Do(req)
	if err != nil {
		t.Fatalf("%s: no answer within %v: %v", path, limit, err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return resp.StatusCode, string(b)
}

// TestHugeParagraph serves a corpus with one 8 MB paragraph, stored whole
// or in parts: searches whose hits include it answer, no passage shown is
// longer than a paragraph may be, the pages stay small, and the state
// page counts the paragraph once.
func TestHugeParagraph(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: builds and serves indexes with an 8 MB paragraph")
	}
	for _, tt := range []struct {
		name string
		make func(testing.TB, []indextest.Doc, int) string
	}{
		{"whole", withHugeParagraph},
		{"in parts", withHugeParagraphInParts},
	} {
		t.Run(tt.name, func(t *testing.T) {
			docs := indextest.Generate(indextest.Options{Seed: 5, Paragraphs: 1500})
			ts, _ := newTestServer(t, docs, Options{})
			_, before := getWithin(t, ts, ts.URL, "/state/FRA", time.Minute)
			docs = indextest.Generate(indextest.Options{Seed: 5, Paragraphs: 1500})
			code := tt.make(t, docs, 8<<20)
			ts, _ = newTestServer(t, docs, Options{})
			const limit = 2 * time.Minute // a liveness bound, far above the time taken
			status, body := getWithin(t, ts, ts.URL, "/api/search?size=100&q=accountable+veto&country="+code, limit)
			if status != http.StatusOK {
				t.Fatalf("search: status %d: %.200s", status, body)
			}
			var res SearchResponse
			if err := json.Unmarshal([]byte(body), &res); err != nil {
				t.Fatal(err)
			}
			if res.Total < 1000 || len(res.Hits) != 100 {
				t.Errorf("%d passages found, %d on the page: the paragraph should be searched in pieces", res.Total, len(res.Hits))
			}
			for _, h := range res.Hits {
				if len(h.Text) > corpus.MaxParagraphBytes || h.Piece == 0 {
					t.Fatalf("passage %s, piece %d, of %d bytes", h.ID, h.Piece, len(h.Text))
				}
			}
			for _, path := range []string{"/?q=accountable&country=" + code, "/?country=" + code, "/state/" + code, "/state/" + code + "?page=2", "/api/search?q=veto&size=100"} {
				status, body := getWithin(t, ts, ts.URL, path, limit)
				if status != http.StatusOK {
					t.Errorf("%s: status %d", path, status)
				}
				if len(body) > 1<<20 {
					t.Errorf("%s: %d bytes", path, len(body))
				}
			}
			_, after := getWithin(t, ts, ts.URL, "/state/"+code, limit)
			if got, want := ownPassages.FindString(after), ownPassages.FindString(before); got != want {
				t.Errorf("state page: %q, want %q as before the paragraph grew", got, want)
			}
		})
	}
}

var ownPassages = regexp.MustCompile(`\d+ passages in its own voice`)

// TestHandlerStopsWhenClientLeaves sends searches that its client gives
// up on, over a corpus with one 8 MB paragraph, and waits for their
// handlers to return: none keeps working for a client that has gone.
func TestHandlerStopsWhenClientLeaves(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: builds an index with an 8 MB paragraph")
	}
	docs := indextest.Generate(indextest.Options{Seed: 6, Paragraphs: 1500})
	code := withHugeParagraph(t, docs, 8<<20)
	ix, _ := openTestIndex(t, docs)
	srv, err := New(ix, Options{})
	if err != nil {
		t.Fatal(err)
	}
	var running sync.WaitGroup
	started := make(chan struct{}, 16)
	h := srv.Handler()
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		running.Add(1)
		defer running.Done()
		started <- struct{}{}
		h.ServeHTTP(w, r)
	}))
	defer ts.Close()
	paths := []string{"/api/search?size=100&q=accountable&country=" + code, "/?q=veto+membership", "/state/" + code, "/api/report.xlsx?q=veto"}
	for _, path := range paths {
		ctx, cancel := context.WithCancel(context.Background())
		req, _ := http.NewRequestWithContext(ctx, http.MethodGet, ts.URL+path, nil)
		done := make(chan struct{})
		go func() {
			defer close(done)
			if resp, err := ts.Client().Do(req); err == nil {
				resp.Body.Close()
			}
		}()
		<-started
		cancel()
		<-done
	}
	returned := make(chan struct{})
	go func() { running.Wait(); close(returned) }()
	select {
	case <-returned:
	case <-time.After(time.Minute): // a liveness bound
		t.Fatal("handlers still running a minute after their clients left")
	}
}

// TestServeStopsRequestsUnderWay stops a server while a request that only
// ends with its context is under way: Serve cancels it once half the grace
// period is over, and returns without error.
func TestServeStopsRequestsUnderWay(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	entered, ended := make(chan struct{}), make(chan struct{})
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		close(entered)
		<-r.Context().Done()
		close(ended)
	})
	ctx, stop := context.WithCancel(context.Background())
	served := make(chan error, 1)
	go func() { served <- Serve(ctx, ln, h, 2*time.Second) }()
	go http.Get("http://" + ln.Addr().String() + "/")
	<-entered
	stop()
	if err := <-served; err != nil {
		t.Errorf("Serve = %v, want a clean stop", err)
	}
	select {
	case <-ended:
	default:
		t.Error("Serve returned while the request was still under way")
	}
}

func TestAssetsServeFilesOnly(t *testing.T) {
	ts, _ := newTestServer(t, indextest.Handmade(), Options{})
	if resp, body := get(t, ts, "/assets/app.css"); resp.StatusCode != http.StatusOK || !strings.Contains(body, "unicode-bidi") {
		t.Errorf("/assets/app.css: status %d", resp.StatusCode)
	}
	for _, path := range []string{"/assets/", "/assets", "/assets/./"} {
		resp, body := get(t, ts, path)
		if resp.StatusCode == http.StatusOK || strings.Contains(body, `href="app.js"`) {
			t.Errorf("%s: status %d, a listing: %.120q", path, resp.StatusCode, body)
		}
	}
}

// TestRecordTextIsolated serves passages whose delegation, speaker and
// text carry a right-to-left override: wherever the pages show it, it is
// inside a <bdi>, so that it cannot reverse the text around it.
func TestRecordTextIsolated(t *testing.T) {
	docs := indextest.Handmade()
	const rlo = "\u202e"
	var id, code string
	for _, d := range docs {
		for i := range d.Record.Speeches {
			sp := &d.Record.Speeches[i]
			if sp.CountryCode != "" && len(sp.Paragraphs) > 0 && id == "" {
				sp.Delegation = rlo + sp.Delegation
				sp.Speaker = rlo + "Mr. Smith"
				sp.Paragraphs[0].Text = "Veto " + rlo + "reform now. " + sp.Paragraphs[0].Text
				id = index.PassageID(index.RecordKey(d.Record), sp.Seq, sp.Paragraphs[0].N)
				code = sp.CountryCode
			}
		}
	}
	ts, _ := newTestServer(t, docs, Options{})
	// The last search names a state no one is: its page is the error
	// page, which shows the value it did not know.
	unknown := "/?q=" + url.QueryEscape(rlo+"veto") + "&country=" + url.QueryEscape(rlo)
	for _, path := range []string{"/?q=reform", "/?country=" + code, "/state/" + code, "/passage/" + url.PathEscape(id), unknown} {
		resp, body := get(t, ts, path)
		want := http.StatusOK
		if path == unknown {
			want = http.StatusBadRequest
		}
		if resp.StatusCode != want {
			t.Errorf("%s: status %d, want %d", path, resp.StatusCode, want)
		}
		if !strings.Contains(body, rlo) {
			t.Errorf("%s: the override is not on the page", path)
		}
		if at := unisolated(body, rlo); at >= 0 {
			t.Errorf("%s: override outside <bdi>: %q", path, body[max(0, at-120):at])
		}
	}
}

var bdiTag = regexp.MustCompile(`<(/?)bdi>`)

// unisolated returns the position of the first occurrence of s outside
// <bdi> elements and attribute values of the page, or -1.
func unisolated(page, s string) int {
	depth, last := 0, 0
	for _, m := range bdiTag.FindAllStringSubmatchIndex(page, -1) {
		if depth == 0 {
			if at := textIndex(page[last:m[0]], s); at >= 0 {
				return last + at
			}
		}
		if m[3] > m[2] {
			depth--
		} else {
			depth++
		}
		last = m[1]
	}
	if at := textIndex(page[last:], s); at >= 0 {
		return last + at
	}
	return -1
}

// textIndex finds s in the text of a piece of HTML, outside its tags (an
// attribute value or the title is not laid out with the text).
func textIndex(html, s string) int {
	for i := 0; ; {
		at := strings.Index(html[i:], s)
		if at < 0 {
			return -1
		}
		at += i
		open, close := strings.LastIndex(html[:at], "<"), strings.LastIndex(html[:at], ">")
		inTitle := strings.LastIndex(html[:at], "<title>") > strings.LastIndex(html[:at], "</title>")
		if open <= close && !inTitle {
			return at
		}
		i = at + len(s)
	}
}

// TestAPIPages follows the next-page addresses of a search to its end:
// every passage comes once, and the last page has no next.
func TestAPIPages(t *testing.T) {
	docs := indextest.Generate(indextest.Options{Seed: 7, Paragraphs: 300})
	ts, _ := newTestServer(t, docs, Options{})
	seen := map[string]bool{}
	path, pages := "/api/search?q=council&size=10", 0
	var total uint64
	for path != "" {
		pages++
		resp, body := get(t, ts, path)
		if resp.StatusCode != http.StatusOK {
			t.Fatalf("%s: status %d", path, resp.StatusCode)
		}
		var res SearchResponse
		if err := json.Unmarshal([]byte(body), &res); err != nil {
			t.Fatal(err)
		}
		if res.Size != 10 || res.From != len(seen) {
			t.Fatalf("%s: from %d, size %d after %d passages", path, res.From, res.Size, len(seen))
		}
		for _, h := range res.Hits {
			if seen[h.ID] {
				t.Fatalf("%s: %s again", path, h.ID)
			}
			seen[h.ID] = true
		}
		total, path = res.Total, res.Next
	}
	if uint64(len(seen)) != total || pages < 2 {
		t.Errorf("%d passages on %d pages, total %d", len(seen), pages, total)
	}
}
