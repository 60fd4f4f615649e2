package fetch

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

// shapeODS answers the way the Official Document System is reported to
// (yuiseki/undocs docs/findings/2026-09-17-fetching.md; the 2026-09-30 notes
// on docs.un.org kept with it): the API answers a symbol and a language
// with a 302 whose Location is a path relative to the service, in upper
// case (/doc/UNDOC/GEN/N24/080/81/PDF/N2408081.PDF), while the file is
// served at the lower-case path; the upper-case path answers the HTML
// application page with status 200; a symbol the service does not have is
// that application page too, and a malformed one a redirect to /error.
type shapeODS struct {
	*httptest.Server
	fakeService
	t       *testing.T
	appPage []byte

	mu     sync.Mutex
	paths  map[string]string // "symbol|lang" → path the API gives
	files  map[string][]byte // served path → file
	broken map[string]bool   // symbols answered with a redirect to /error
}

func newShapeODS(t *testing.T) *shapeODS {
	page, err := os.ReadFile(filepath.Join("testdata", "ods", "app-page.html"))
	if err != nil {
		t.Fatal(err)
	}
	s := &shapeODS{t: t, appPage: page, paths: map[string]string{}, files: map[string][]byte{}, broken: map[string]bool{}}
	s.Server = httptest.NewServer(http.HandlerFunc(s.serve))
	t.Cleanup(s.Close)
	return s
}

// add serves data for symbol and lang under an upper-case path given by
// the API and served only in lower case; the job number makes the path.
func (s *shapeODS) add(symbol, lang, job string, data []byte) {
	s.mu.Lock()
	defer s.mu.Unlock()
	path := fmt.Sprintf("/doc/UNDOC/GEN/%s/%s/%s/PDF/%s.PDF", job[:3], job[3:6], job[6:8], job)
	s.paths[symbol+"|"+lang] = path
	s.files[strings.ToLower(path)] = data
}

// Paths lists the paths requested, with the API's query.
func (s *shapeODS) Paths() []string {
	var out []string
	for _, r := range s.Requests() {
		p := r.Path
		if r.Query != "" {
			p += "?" + r.Query
		}
		out = append(out, p)
	}
	return out
}

func (s *shapeODS) page(w http.ResponseWriter) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(http.StatusOK)
	w.Write(s.appPage)
}

func (s *shapeODS) serve(w http.ResponseWriter, r *http.Request) {
	s.record(r)
	if r.URL.Path == "/api/symbol/access" {
		q := r.URL.Query()
		symbol, lang := q.Get("s"), q.Get("l")
		if h := s.next("api:" + symbol); h != nil {
			h(w, r)
			return
		}
		s.mu.Lock()
		path, ok := s.paths[symbol+"|"+lang]
		broken := s.broken[symbol]
		s.mu.Unlock()
		switch {
		case q.Get("t") != "pdf":
			http.Error(w, "bad request", http.StatusBadRequest)
		case broken:
			http.Redirect(w, r, s.URL+"/error", http.StatusFound)
		case ok:
			// A relative Location, as the service gives it.
			w.Header().Set("Location", path)
			w.WriteHeader(http.StatusFound)
		default:
			s.page(w)
		}
		return
	}
	if h := s.next(r.URL.Path); h != nil {
		h(w, r)
		return
	}
	s.mu.Lock()
	data, ok := s.files[r.URL.Path]
	_, upper := s.files[strings.ToLower(r.URL.Path)]
	s.mu.Unlock()
	switch {
	case ok:
		w.Header().Set("Content-Type", "application/pdf")
		http.ServeContent(w, r, "", time.Time{}, strings.NewReader(string(data)))
	case upper, r.URL.Path == "/" || r.URL.Path == "/error":
		s.page(w)
	default:
		http.NotFound(w, r)
	}
}

// tinyPDF is a small file that passes the PDF checks, distinct per text.
func tinyPDF(text string) []byte {
	return []byte("%PDF-1.7\n% " + text + "\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n")
}

func shapeFetcher(t *testing.T, srv *shapeODS, mod func(*Options)) (*Fetcher, string, *fakeClock) {
	t.Helper()
	clock := newFakeClock()
	f, raw := newTestFetcher(t, srv.URL, clock, HTTPOptions{UserAgent: "scdebate/test (+https://github.com/scdebate/scdebate)"}, mod)
	return f, raw, clock
}

func TestODSRelativeRedirectLowerCasePath(t *testing.T) {
	pdf := tinyPDF("A/75/PV.78 en")
	upper := "/doc/UNDOC/GEN/N21/151/23/PDF/N2115123.PDF"
	lower := strings.ToLower(upper)
	tests := []struct {
		name string
		// upperAnswer, when set, answers the upper-case path.
		upperAnswer http.HandlerFunc
		wantPaths   []string
	}{
		{"upper-case path answers the application page", nil, []string{"/api/symbol/access", upper, lower}},
		{"upper-case path redirects to the home page", func(w http.ResponseWriter, r *http.Request) {
			http.Redirect(w, r, "/", http.StatusMovedPermanently)
		}, []string{"/api/symbol/access", upper, "/", lower}},
		{"upper-case path serves the file (a mirror)", func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "application/pdf")
			w.Write(pdf)
		}, []string{"/api/symbol/access", upper}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := newShapeODS(t)
			srv.add("A/75/PV.78", "en", "N2115123", pdf)
			if tt.upperAnswer != nil {
				srv.on(upper, tt.upperAnswer)
			}
			f, raw, _ := shapeFetcher(t, srv, nil)
			report, err := f.Fetch(context.Background(), []Target{{Symbol: "A/75/PV.78", Lang: "en"}})
			if err != nil {
				t.Fatal(err)
			}
			res := report.Results[0]
			if res.Status != StatusDownloaded {
				t.Fatalf("status %s: %v", res.Status, res.Err)
			}
			var got []string
			for _, r := range srv.Requests() {
				got = append(got, r.Path)
			}
			if strings.Join(got, " ") != strings.Join(tt.wantPaths, " ") {
				t.Errorf("requests %v, want %v", got, tt.wantPaths)
			}
			if res.Entry.URL != ODSURL(srv.URL, "A/75/PV.78", "en") || res.Entry.FinalURL != srv.URL+tt.wantPaths[len(tt.wantPaths)-1] {
				t.Errorf("manifest URL %s, final %s", res.Entry.URL, res.Entry.FinalURL)
			}
			if b, err := os.ReadFile(filepath.Join(raw, "A_75_PV.78.en.pdf")); err != nil || string(b) != string(pdf) {
				t.Errorf("file %q %v", b, err)
			}
		})
	}
}

func TestODSMissingDocument(t *testing.T) {
	tests := []struct {
		name    string
		symbol  string
		setup   func(s *shapeODS)
		want    string
		wantAPI int
	}{
		{"unknown symbol: the application page, twice", "A/75/PV.999", nil,
			"no such document: the service answered an HTML page instead of the file", 2},
		{"malformed symbol: a redirect to the error page, twice", "S/2022/X", func(s *shapeODS) { s.broken["S/2022/X"] = true },
			"no such document: the service redirected to its error page", 2},
		{"an empty answer, twice", "A/80/PV.3", func(s *shapeODS) {
			s.on("api:A/80/PV.3", status(200, "", "Content-Type", "application/pdf"), status(200, "", "Content-Type", "application/pdf"))
		}, "no such document: the service answered an empty body instead of the file", 2},
		{"the file's path answers the application page in both cases, twice", "A/75/PV.78", func(s *shapeODS) {
			upper := "/doc/UNDOC/GEN/N21/151/23/PDF/N2115123.PDF"
			s.paths["A/75/PV.78|en"] = upper
			page := func(w http.ResponseWriter, r *http.Request) { s.page(w) }
			s.on(upper, page, page)
			s.on(strings.ToLower(upper), page, page)
		}, "no such document: the service answered an HTML page instead of the file", 2},
		{"a 404 from the API is not tried again", "A/75/PV.998", func(s *shapeODS) {
			s.on("api:A/75/PV.998", status(404, "<html><body>Not Found</body></html>", "Content-Type", "text/html"))
		}, "no such document: HTTP 404 from", 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := newShapeODS(t)
			if tt.setup != nil {
				tt.setup(srv)
			}
			f, raw, clock := shapeFetcher(t, srv, nil)
			report, err := f.Fetch(context.Background(), []Target{{Symbol: tt.symbol, Lang: "en"}})
			if err != nil {
				t.Fatal(err)
			}
			res := report.Results[0]
			if res.Status != StatusFailed || !errors.Is(res.Err, ErrNoSuchDocument) || !strings.Contains(res.Err.Error(), tt.want) {
				t.Fatalf("got %s %v, want no such document (%q)", res.Status, res.Err, tt.want)
			}
			if !strings.HasPrefix(res.Err.Error(), tt.symbol+" (en): no such document") {
				t.Errorf("error %q does not start with the symbol", res.Err)
			}
			api := 0
			for _, r := range srv.Requests() {
				if r.Path == "/api/symbol/access" {
					api++
				}
			}
			if api != tt.wantAPI || len(clock.Sleeps()) != tt.wantAPI-1 {
				t.Errorf("%d API requests and sleeps %v, want %d requests", api, clock.Sleeps(), tt.wantAPI)
			}
			if got := rawFiles(t, raw); len(got) != 0 {
				t.Errorf("raw/ holds %v", got)
			}
		})
	}

	// An application page the first time and the file the second: a busy
	// service, not a missing document.
	srv := newShapeODS(t)
	srv.add("A/75/PV.78", "en", "N2115123", tinyPDF("A/75/PV.78 en"))
	srv.on("api:A/75/PV.78", func(w http.ResponseWriter, r *http.Request) { srv.page(w) })
	f, _, clock := shapeFetcher(t, srv, nil)
	report, err := f.Fetch(context.Background(), []Target{{Symbol: "A/75/PV.78", Lang: "en"}})
	if err != nil || report.Results[0].Status != StatusDownloaded || len(clock.Sleeps()) != 1 {
		t.Fatalf("transient application page: %v %+v sleeps %v", err, report.Results, clock.Sleeps())
	}
}

func TestODSChallenge(t *testing.T) {
	// The bot challenge of the service's web application firewall (AWS WAF
	// ChallengeAction: status 202, x-amzn-waf-action: challenge, an empty
	// body unless the request accepts text/html) is reported, not
	// worked around: one request, no retry, no other path tried.
	challenge := status(http.StatusAccepted, "", "X-Amzn-Waf-Action", "challenge", "Server", "awselb/2.0")
	for key, wantRequests := range map[string]int{"api:A/75/PV.78": 1, "/doc/UNDOC/GEN/N21/151/23/PDF/N2115123.PDF": 2} {
		t.Run(key, func(t *testing.T) {
			srv := newShapeODS(t)
			srv.add("A/75/PV.78", "en", "N2115123", tinyPDF("x"))
			srv.on(key, challenge, challenge, challenge)
			f, _, clock := shapeFetcher(t, srv, nil)
			report, err := f.Fetch(context.Background(), []Target{{Symbol: "A/75/PV.78", Lang: "en"}})
			if err != nil {
				t.Fatal(err)
			}
			res := report.Results[0]
			var ce *ChallengeError
			if res.Status != StatusFailed || !errors.As(res.Err, &ce) || ce.Status != 202 || ce.Action != "challenge" {
				t.Fatalf("got %s %v, want a ChallengeError", res.Status, res.Err)
			}
			reqs := srv.Requests()
			last := reqs[len(reqs)-1]
			if len(reqs) != wantRequests || len(clock.Sleeps()) != 0 {
				t.Errorf("requests %v sleeps %v", srv.Paths(), clock.Sleeps())
			}
			for _, r := range reqs {
				if r.Header.Get("User-Agent") != "scdebate/test (+https://github.com/scdebate/scdebate)" {
					t.Errorf("User-Agent %q", r.Header.Get("User-Agent"))
				}
				for _, h := range []string{"Referer", "Sec-Fetch-Site", "Cookie"} {
					if r.Header.Get(h) != "" {
						t.Errorf("%s sent %s: %q", r.Path, h, r.Header.Get(h))
					}
				}
			}
			if last.Header.Get("Accept") != "application/pdf" {
				t.Errorf("Accept %q", last.Header.Get("Accept"))
			}
		})
	}
}

func TestODSSymbolEncoding(t *testing.T) {
	tests := []struct {
		symbol, query, file string
	}{
		{"S/RES/2728 (2024)", "s=S/RES/2728%20(2024)&l=en&t=pdf", "S_RES_2728_(2024).en.pdf"},
		{"A/1775 (Supp)", "s=A/1775%20(Supp)&l=en&t=pdf", "A_1775_(Supp).en.pdf"},
		{"A/ES-11/PV.1", "s=A/ES-11/PV.1&l=en&t=pdf", "A_ES-11_PV.1.en.pdf"},
	}
	for _, tt := range tests {
		t.Run(tt.symbol, func(t *testing.T) {
			srv := newShapeODS(t)
			srv.add(tt.symbol, "en", "N2408081", tinyPDF(tt.symbol))
			f, raw, _ := shapeFetcher(t, srv, nil)
			report, err := f.Fetch(context.Background(), []Target{{Symbol: tt.symbol, Lang: "en"}})
			if err != nil || report.Results[0].Status != StatusDownloaded {
				t.Fatalf("%v %+v", err, report.Results)
			}
			if q := srv.Requests()[0].Query; q != tt.query {
				t.Errorf("query %q, want %q", q, tt.query)
			}
			if _, err := os.Stat(filepath.Join(raw, tt.file)); err != nil {
				t.Error(err)
			}
		})
	}
}

// fakeLanguages answers FileLanguage from the file's text.
type fakeLanguages map[string]string

func (f fakeLanguages) FileLanguage(_ context.Context, path string) (string, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return "", err
	}
	for marker, lang := range f {
		if strings.Contains(string(b), marker) {
			if lang == "error" {
				return "", errors.New("no text layer")
			}
			return lang, nil
		}
	}
	return "", nil
}

func TestFetchLanguageCheck(t *testing.T) {
	en, fr := tinyPDF("english text"), tinyPDF("texte français")
	tests := []struct {
		name      string
		served    map[string][]byte // lang → file
		languages LanguageReader
		want      map[string]string // lang → status or error text
	}{
		{"the service falls back to English for French", map[string][]byte{"en": en, "fr": en}, nil,
			map[string]string{"en": "downloaded", "fr": "the fr file is identical to the en file of the same symbol"}},
		{"the text is in another language", map[string][]byte{"fr": en}, fakeLanguages{"english": "en"},
			map[string]string{"fr": "the file is in English (en), not French (fr) as asked"}},
		{"the right language", map[string][]byte{"en": en, "fr": fr}, fakeLanguages{"english": "en", "français": "fr"},
			map[string]string{"en": "downloaded", "fr": "downloaded"}},
		{"a file whose language cannot be read is kept", map[string][]byte{"fr": fr}, fakeLanguages{"français": "error"},
			map[string]string{"fr": "downloaded"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := newShapeODS(t)
			var targets []Target
			for _, lang := range []string{"en", "fr"} {
				if data, ok := tt.served[lang]; ok {
					srv.add("A/75/PV.78", lang, "N21151"+map[string]string{"en": "23", "fr": "24"}[lang], data)
					targets = append(targets, Target{Symbol: "A/75/PV.78", Lang: lang})
				}
			}
			f, raw, _ := shapeFetcher(t, srv, func(o *Options) { o.Languages = tt.languages })
			report, err := f.Fetch(context.Background(), targets)
			if err != nil {
				t.Fatal(err)
			}
			for _, res := range report.Results {
				want := tt.want[res.Target.Lang]
				switch {
				case want == string(StatusDownloaded):
					if res.Status != StatusDownloaded {
						t.Errorf("%s: %s %v", res.Target.Lang, res.Status, res.Err)
					}
				default:
					var le *LanguageError
					if res.Status != StatusFailed || !errors.As(res.Err, &le) || !strings.Contains(res.Err.Error(), want) {
						t.Errorf("%s: %s %v, want %q", res.Target.Lang, res.Status, res.Err, want)
					}
					if _, err := os.Stat(filepath.Join(raw, FileName("A/75/PV.78", res.Target.Lang))); err == nil {
						t.Errorf("%s: the file in the wrong language was kept", res.Target.Lang)
					}
				}
			}
			m, err := LoadManifest(raw)
			if err != nil {
				t.Fatal(err)
			}
			for _, e := range m.Files {
				if tt.want[e.Lang] != string(StatusDownloaded) {
					t.Errorf("manifest lists %s", e.File)
				}
			}
		})
	}
}
