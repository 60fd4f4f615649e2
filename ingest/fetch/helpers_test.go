package fetch

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/scdebate/scdebate/corpus"
	"github.com/scdebate/scdebate/corpus/fixtures"
)

// fakeClock is a Clock whose Sleep advances time at once, recording each
// wait, so that rate limits and backoff are checked without real waits.
type fakeClock struct {
	mu     sync.Mutex
	now    time.Time
	sleeps []time.Duration
}

func newFakeClock() *fakeClock {
	return &fakeClock{now: time.Date(2025, 6, 10, 9, 0, 0, 0, time.UTC)}
}

func (c *fakeClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *fakeClock) Sleep(ctx context.Context, d time.Duration) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.sleeps = append(c.sleeps, d)
	if d > 0 {
		c.now = c.now.Add(d)
	}
	return nil
}

func (c *fakeClock) Sleeps() []time.Duration {
	c.mu.Lock()
	defer c.mu.Unlock()
	return append([]time.Duration(nil), c.sleeps...)
}

// realDoc is a real verbatim record served by the fake services under its
// own symbol.
type realDoc struct {
	Symbol string
	Data   []byte
	SHA256 string
}

func loadReal(t testing.TB, file string) realDoc {
	t.Helper()
	b, err := os.ReadFile(fixtures.Real(t, file))
	if err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256(b)
	symbol := strings.ReplaceAll(strings.TrimSuffix(file, ".pdf"), "_", "/")
	return realDoc{Symbol: symbol, Data: b, SHA256: hex.EncodeToString(sum[:])}
}

// request is what the fake server saw.
type request struct {
	Path   string
	Query  string
	Header http.Header
	At     time.Time
}

// fakeService is what the fake services share: a log of the requests they
// saw, and answers scripted per key — a path ("/files/A_79_PV.29-EN.pdf")
// or an API symbol ("api:A/79/PV.29") — given before the normal behaviour
// resumes.
type fakeService struct {
	clock    *fakeClock
	lmu      sync.Mutex
	script   map[string][]http.HandlerFunc
	requests []request
}

func (s *fakeService) record(r *http.Request) {
	at := time.Now()
	if s.clock != nil {
		at = s.clock.Now()
	}
	s.lmu.Lock()
	s.requests = append(s.requests, request{Path: r.URL.Path, Query: r.URL.RawQuery, Header: r.Header.Clone(), At: at})
	s.lmu.Unlock()
}

func (s *fakeService) Requests() []request {
	s.lmu.Lock()
	defer s.lmu.Unlock()
	return append([]request(nil), s.requests...)
}

// on scripts the next answers for key.
func (s *fakeService) on(key string, steps ...http.HandlerFunc) {
	s.lmu.Lock()
	defer s.lmu.Unlock()
	if s.script == nil {
		s.script = map[string][]http.HandlerFunc{}
	}
	s.script[key] = append(s.script[key], steps...)
}

func (s *fakeService) next(key string) http.HandlerFunc {
	s.lmu.Lock()
	defer s.lmu.Unlock()
	steps := s.script[key]
	if len(steps) == 0 {
		return nil
	}
	s.script[key] = steps[1:]
	return steps[0]
}

// odsServer behaves like the Official Document System: the API answers a
// symbol and a language with a redirect to the file, which is served with
// an ETag and Last-Modified, byte ranges and conditional requests (by
// http.ServeContent). Behaviours can be scripted per symbol.
type odsServer struct {
	*httptest.Server
	fakeService
	t *testing.T

	mu      sync.Mutex
	docs    map[string][]byte // "symbol|lang" → file
	modTime time.Time
}

func newODSServer(t *testing.T, clock *fakeClock, docs ...realDoc) *odsServer {
	s := &odsServer{t: t, fakeService: fakeService{clock: clock}, docs: map[string][]byte{}, modTime: time.Date(2024, 11, 5, 12, 0, 0, 0, time.UTC)}
	for _, d := range docs {
		s.docs[d.Symbol+"|en"] = d.Data
	}
	mux := http.NewServeMux()
	mux.HandleFunc("/api/symbol/access", s.access)
	mux.HandleFunc("/files/", s.file)
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.record(r)
		mux.ServeHTTP(w, r)
	}))
	t.Cleanup(s.Close)
	return s
}

func (s *odsServer) set(symbol, lang string, data []byte) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.docs[symbol+"|"+lang] = data
	s.modTime = s.modTime.Add(24 * time.Hour)
}

// filePath is where the API redirects for a document, shaped like the
// real service's file names.
func filePath(symbol, lang string) string {
	return "/files/" + corpus.Slug(symbol) + "-" + strings.ToUpper(lang) + ".pdf"
}

func (s *odsServer) access(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	symbol, lang := q.Get("s"), q.Get("l")
	if q.Get("t") != "pdf" || !corpus.IsLanguage(lang) {
		http.Error(w, "bad request", http.StatusBadRequest)
		return
	}
	if h := s.next("api:" + symbol); h != nil {
		h(w, r)
		return
	}
	s.mu.Lock()
	_, ok := s.docs[symbol+"|"+lang]
	s.mu.Unlock()
	if !ok {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.WriteHeader(http.StatusNotFound)
		fmt.Fprintf(w, "<!DOCTYPE html><html><body><h1>Document not found</h1><p>%s</p></body></html>", symbol)
		return
	}
	http.Redirect(w, r, filePath(symbol, lang), http.StatusFound)
}

func (s *odsServer) file(w http.ResponseWriter, r *http.Request) {
	if h := s.next(r.URL.Path); h != nil {
		h(w, r)
		return
	}
	s.mu.Lock()
	var data []byte
	for k, v := range s.docs {
		sym, lang, _ := strings.Cut(k, "|")
		if filePath(sym, lang) == r.URL.Path {
			data = v
		}
	}
	mod := s.modTime
	s.mu.Unlock()
	if data == nil {
		http.NotFound(w, r)
		return
	}
	sum := sha256.Sum256(data)
	w.Header().Set("ETag", `"`+hex.EncodeToString(sum[:8])+`"`)
	w.Header().Set("Content-Type", "application/pdf")
	http.ServeContent(w, r, filepath.Base(r.URL.Path), mod, strings.NewReader(string(data)))
}

// status answers with a status code, optional headers and a body.
func status(code int, body string, hdr ...string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		for i := 0; i+1 < len(hdr); i += 2 {
			w.Header().Set(hdr[i], hdr[i+1])
		}
		w.WriteHeader(code)
		fmt.Fprint(w, body)
	}
}

// newTestFetcher returns a Fetcher on a temporary raw/ directory with a
// fake clock and fast backoff.
func newTestFetcher(t *testing.T, base string, clock *fakeClock, opts HTTPOptions, mod func(*Options)) (*Fetcher, string) {
	t.Helper()
	raw := filepath.Join(t.TempDir(), "raw")
	if clock != nil {
		opts.Clock = clock
	}
	if opts.Rate == 0 {
		opts.Rate = -1
	}
	o := Options{RawDir: raw, ODSBaseURL: base, Client: NewClient(opts)}
	if mod != nil {
		mod(&o)
	}
	return New(o), raw
}

// rawFiles lists the names in raw/, hidden ones included.
func rawFiles(t *testing.T, raw string) []string {
	t.Helper()
	entries, err := os.ReadDir(raw)
	if err != nil && !os.IsNotExist(err) {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	return names
}

type mustURL = url.URL

func mustParseURL(t *testing.T, s string) *url.URL {
	t.Helper()
	u, err := url.Parse(s)
	if err != nil {
		t.Fatal(err)
	}
	return u
}
