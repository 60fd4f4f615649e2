package fetch

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

func TestFetchBySymbol(t *testing.T) {
	clock := newFakeClock()
	a, b := loadReal(t, "A_79_PV.29.pdf"), loadReal(t, "A_60_PV.25.pdf")
	srv := newODSServer(t, clock, a, b)
	f, raw := newTestFetcher(t, srv.URL, clock, HTTPOptions{UserAgent: "scdebate/test"}, nil)

	report, err := f.Fetch(context.Background(), []Target{{Symbol: a.Symbol, Lang: "en"}, {Symbol: b.Symbol, Lang: "en"}, {Symbol: a.Symbol, Lang: "en"}})
	if err != nil {
		t.Fatal(err)
	}
	if len(report.Results) != 2 {
		t.Fatalf("got %d results, want 2 (the duplicate target dropped)", len(report.Results))
	}
	for i, want := range []realDoc{a, b} {
		res := report.Results[i]
		if res.Status != StatusDownloaded {
			t.Fatalf("%s: status %s (%v)", want.Symbol, res.Status, res.Err)
		}
		wantPath := filepath.Join(raw, FileName(want.Symbol, "en"))
		if res.Path != wantPath {
			t.Errorf("path %s, want %s", res.Path, wantPath)
		}
		got, err := os.ReadFile(res.Path)
		if err != nil {
			t.Fatal(err)
		}
		if string(got) != string(want.Data) {
			t.Errorf("%s: file differs from the served PDF", want.Symbol)
		}
		e := res.Entry
		if e.SHA256 != want.SHA256 || e.Size != int64(len(want.Data)) {
			t.Errorf("%s: manifest sha256/size %s/%d, want %s/%d", want.Symbol, e.SHA256, e.Size, want.SHA256, len(want.Data))
		}
		if e.URL != ODSURL(srv.URL, want.Symbol, "en") || e.FinalURL != srv.URL+filePath(want.Symbol, "en") {
			t.Errorf("%s: url %s final %s", want.Symbol, e.URL, e.FinalURL)
		}
		if e.ETag == "" || e.LastModified == "" || e.FetchedAt.IsZero() {
			t.Errorf("%s: validators or time missing: %+v", want.Symbol, e)
		}
	}
	m, err := LoadManifest(raw)
	if err != nil {
		t.Fatal(err)
	}
	if len(m.Files) != 2 || m.Files[0].File != "A_60_PV.25.en.pdf" || m.Files[1].File != "A_79_PV.29.en.pdf" {
		t.Fatalf("manifest files %+v", m.Files)
	}
	for _, r := range srv.Requests() {
		if r.Header.Get("User-Agent") != "scdebate/test" {
			t.Errorf("request %s sent User-Agent %q", r.Path, r.Header.Get("User-Agent"))
		}
	}
	if strings.Contains(srv.Requests()[0].Query, "%2F") {
		t.Errorf("the symbol's slashes were encoded: %s", srv.Requests()[0].Query)
	}

	// A second run trusts the files that match the manifest: no request.
	before := len(srv.Requests())
	report, err = f.Fetch(context.Background(), []Target{{Symbol: a.Symbol, Lang: "en"}})
	if err != nil {
		t.Fatal(err)
	}
	if report.Results[0].Status != StatusPresent || len(srv.Requests()) != before {
		t.Fatalf("second run: status %s, %d new requests", report.Results[0].Status, len(srv.Requests())-before)
	}
	if got := rawFiles(t, raw); strings.Join(got, " ") != "A_60_PV.25.en.pdf A_79_PV.29.en.pdf manifest.json" {
		t.Errorf("raw/ holds %v", got)
	}
}

func TestFetchRefresh(t *testing.T) {
	clock := newFakeClock()
	a, other := loadReal(t, "A_79_PV.29.pdf"), loadReal(t, "A_65_PV.71.pdf")
	srv := newODSServer(t, clock, a)
	f, raw := newTestFetcher(t, srv.URL, clock, HTTPOptions{}, func(o *Options) { o.Refresh = true })
	target := []Target{{Symbol: a.Symbol, Lang: "en"}}
	first, err := f.Fetch(context.Background(), target)
	if err != nil || first.Results[0].Status != StatusDownloaded {
		t.Fatalf("first fetch: %v %+v", err, first.Results)
	}

	// Unchanged on the server: a conditional request answered 304.
	n := len(srv.Requests())
	second, err := f.Fetch(context.Background(), target)
	if err != nil || second.Results[0].Status != StatusNotModified {
		t.Fatalf("refresh: %v %+v", err, second.Results)
	}
	last := srv.Requests()[len(srv.Requests())-1]
	if last.Header.Get("If-None-Match") != first.Results[0].Entry.ETag || last.Header.Get("If-Modified-Since") == "" {
		t.Errorf("conditional headers %v", last.Header)
	}
	if len(srv.Requests())-n != 2 {
		t.Errorf("refresh made %d requests, want 2 (API redirect, file)", len(srv.Requests())-n)
	}

	// A local file that no longer matches the manifest is fetched again
	// unconditionally; same content as served means "unchanged".
	path := filepath.Join(raw, FileName(a.Symbol, "en"))
	if err := os.WriteFile(path, []byte("%PDF-1.4 tampered %%EOF"), 0o644); err != nil {
		t.Fatal(err)
	}
	third, err := f.Fetch(context.Background(), target)
	if err != nil || third.Results[0].Status != StatusUpdated {
		t.Fatalf("tampered file: %v %+v", err, third.Results)
	}

	// A new version on the server replaces the file.
	srv.set(a.Symbol, "en", other.Data)
	fourth, err := f.Fetch(context.Background(), target)
	if err != nil || fourth.Results[0].Status != StatusUpdated {
		t.Fatalf("new version: %v %+v", err, fourth.Results)
	}
	if fourth.Results[0].Entry.SHA256 != other.SHA256 {
		t.Errorf("manifest sha256 %s, want the new version's", fourth.Results[0].Entry.SHA256)
	}
}

func TestFetchRetries(t *testing.T) {
	a := loadReal(t, "A_60_PV.85.pdf")
	file := filePath(a.Symbol, "en")
	tests := []struct {
		name   string
		key    string
		script func(now time.Time) []http.HandlerFunc
		// wantSleeps checks the waits before the retries.
		wantSleeps func(t *testing.T, sleeps []time.Duration)
		wantErr    string
	}{
		{
			name: "429 with Retry-After in seconds",
			key:  "api:" + a.Symbol,
			script: func(time.Time) []http.HandlerFunc {
				return []http.HandlerFunc{status(429, "slow down", "Retry-After", "3")}
			},
			wantSleeps: exactly(3 * time.Second),
		},
		{
			name: "503 with Retry-After as an HTTP-date",
			key:  file,
			script: func(now time.Time) []http.HandlerFunc {
				return []http.HandlerFunc{status(503, "maintenance", "Retry-After", now.Add(7*time.Second).Format(http.TimeFormat))}
			},
			wantSleeps: exactly(7 * time.Second),
		},
		{
			name: "500 then success backs off with jitter",
			key:  file,
			script: func(time.Time) []http.HandlerFunc {
				return []http.HandlerFunc{status(500, "oops")}
			},
			wantSleeps: func(t *testing.T, s []time.Duration) {
				if len(s) != 1 || s[0] < 500*time.Millisecond || s[0] > time.Second {
					t.Errorf("sleeps %v, want one in [0.5s, 1s]", s)
				}
			},
		},
		{
			name: "three 502s back off exponentially",
			key:  file,
			script: func(time.Time) []http.HandlerFunc {
				return []http.HandlerFunc{status(502, ""), status(502, ""), status(502, "")}
			},
			wantSleeps: func(t *testing.T, s []time.Duration) {
				bounds := [][2]time.Duration{{500 * time.Millisecond, time.Second}, {time.Second, 2 * time.Second}, {2 * time.Second, 4 * time.Second}}
				if len(s) != 3 {
					t.Fatalf("sleeps %v, want 3", s)
				}
				for i, b := range bounds {
					if s[i] < b[0] || s[i] > b[1] {
						t.Errorf("sleep %d = %s, want in [%s, %s]", i, s[i], b[0], b[1])
					}
				}
			},
		},
		{
			name: "503 every time gives up",
			key:  file,
			script: func(time.Time) []http.HandlerFunc {
				return []http.HandlerFunc{status(503, ""), status(503, ""), status(503, ""), status(503, ""), status(503, "")}
			},
			wantErr: "gave up after 4 attempts: HTTP 503",
		},
		{
			name: "Retry-After beyond the limit fails at once",
			key:  file,
			script: func(time.Time) []http.HandlerFunc {
				return []http.HandlerFunc{status(429, "", "Retry-After", "86400")}
			},
			wantErr: "asked to wait 24h0m0s",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			clock := newFakeClock()
			srv := newODSServer(t, clock, a)
			srv.on(tt.key, tt.script(clock.Now())...)
			f, raw := newTestFetcher(t, srv.URL, clock, HTTPOptions{MaxAttempts: 4}, nil)
			report, err := f.Fetch(context.Background(), []Target{{Symbol: a.Symbol, Lang: "en"}})
			if err != nil {
				t.Fatal(err)
			}
			res := report.Results[0]
			if tt.wantErr != "" {
				if res.Status != StatusFailed || !strings.Contains(res.Err.Error(), tt.wantErr) || !strings.Contains(res.Err.Error(), a.Symbol) {
					t.Fatalf("got %s %v, want failure with %q naming the symbol", res.Status, res.Err, tt.wantErr)
				}
				if _, err := os.Stat(filepath.Join(raw, FileName(a.Symbol, "en"))); err == nil {
					t.Error("a failed fetch left a file")
				}
				return
			}
			if res.Status != StatusDownloaded || res.Entry.SHA256 != a.SHA256 {
				t.Fatalf("got %s %v", res.Status, res.Err)
			}
			tt.wantSleeps(t, clock.Sleeps())
		})
	}
}

func exactly(d time.Duration) func(t *testing.T, s []time.Duration) {
	return func(t *testing.T, s []time.Duration) {
		if len(s) != 1 || s[0] != d {
			t.Errorf("sleeps %v, want exactly [%s]", s, d)
		}
	}
}

func TestFetchContentCheck(t *testing.T) {
	a := loadReal(t, "A_48_PV.46.pdf")
	file := filePath(a.Symbol, "en")
	html := "<!DOCTYPE html><html><head><title>Error</title></head><body>The document is not available.</body></html>"
	// An HTML page or an empty body where the file should be is what the
	// service answers for a document it does not have, and sometimes for
	// one it has: the whole request is made once more, then the document
	// is reported missing (repeat gives the number of such answers).
	tests := []struct {
		name    string
		key     string
		answer  http.HandlerFunc
		repeat  int
		wantErr []string
	}{
		{"HTML error page", file, status(200, html, "Content-Type", "text/html; charset=utf-8"), 2,
			[]string{"no such document", "not a PDF", "text/html", `"<!DOCTYPE html>`}},
		{"HTML labelled as a PDF", file, status(200, html, "Content-Type", "application/pdf"), 2,
			[]string{"no such document", "no %PDF- header", "application/pdf", `"<!DOCTYPE html>`}},
		{"empty body", file, status(200, "", "Content-Type", "application/pdf"), 2,
			[]string{"no such document", "empty body", "0 bytes"}},
		{"truncated PDF", file, status(200, string(a.Data[:len(a.Data)/2]), "Content-Type", "application/pdf"), 1,
			[]string{"truncated", "no %%EOF", `"%PDF-1.`, "with the path lower-cased"}},
		{"not found page from the API", "api:" + a.Symbol, status(404, html, "Content-Type", "text/html"), 1,
			[]string{"no such document", "HTTP 404", "Error"}},
		{"bot challenge", "api:" + a.Symbol, status(202, "", "X-Amzn-Waf-Action", "challenge"), 1,
			[]string{"bot challenge", "HTTP 202"}},
		{"JSON error", "api:" + a.Symbol, status(200, `{"error":"symbol not found"}`, "Content-Type", "application/json"), 1,
			[]string{"application/json", "symbol not found"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := newODSServer(t, nil, a)
			for range tt.repeat {
				srv.on(tt.key, tt.answer)
			}
			f, raw := newTestFetcher(t, srv.URL, newFakeClock(), HTTPOptions{}, nil)
			report, err := f.Fetch(context.Background(), []Target{{Symbol: a.Symbol, Lang: "en"}})
			if err != nil {
				t.Fatal(err)
			}
			res := report.Results[0]
			if res.Status != StatusFailed {
				t.Fatalf("status %s, want failed", res.Status)
			}
			msg := res.Err.Error()
			for _, w := range append(tt.wantErr, a.Symbol+" (en)") {
				if !strings.Contains(msg, w) {
					t.Errorf("error %q lacks %q", msg, w)
				}
			}
			var de *DocError
			if !errors.As(res.Err, &de) || de.Symbol != a.Symbol {
				t.Errorf("error is not a DocError for the symbol: %#v", res.Err)
			}
			if got := rawFiles(t, raw); len(got) != 0 {
				t.Errorf("raw/ holds %v after a bad answer", got)
			}
		})
	}
}

func TestFetchContinuesAfterFailure(t *testing.T) {
	a, b := loadReal(t, "A_60_PV.25.pdf"), loadReal(t, "S_PV.3756.pdf")
	srv := newODSServer(t, nil, a, b)
	f, _ := newTestFetcher(t, srv.URL, newFakeClock(), HTTPOptions{}, nil)
	report, err := f.Fetch(context.Background(), []Target{{Symbol: "A/75/PV.999", Lang: "en"}, {Symbol: a.Symbol, Lang: "en"}, {Symbol: b.Symbol, Lang: "en"}})
	if err != nil {
		t.Fatal(err)
	}
	if len(report.Failed()) != 1 || report.Failed()[0].Target.Symbol != "A/75/PV.999" {
		t.Fatalf("failed: %+v", report.Failed())
	}
	if len(report.Paths()) != 2 {
		t.Fatalf("paths %v", report.Paths())
	}
}

func TestFetchAlternateURL(t *testing.T) {
	a := loadReal(t, "A_65_PV.71.pdf")
	ods := newODSServer(t, nil) // knows nothing: 404
	library := newODSServer(t, nil, a)
	f, _ := newTestFetcher(t, ods.URL, newFakeClock(), HTTPOptions{}, nil)
	alt := library.URL + filePath(a.Symbol, "en")
	report, err := f.Fetch(context.Background(), []Target{{Symbol: a.Symbol, Lang: "en", Alternates: []string{alt}}})
	if err != nil {
		t.Fatal(err)
	}
	res := report.Results[0]
	if res.Status != StatusDownloaded || res.Entry.URL != alt || res.Entry.SHA256 != a.SHA256 {
		t.Fatalf("got %s %v %+v", res.Status, res.Err, res.Entry)
	}
}

func TestFetchSlowBody(t *testing.T) {
	a := loadReal(t, "A_79_PV.29.pdf")
	stall := func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/pdf")
		w.Header().Set("Content-Length", "500974")
		w.WriteHeader(200)
		w.Write(a.Data[:4096])
		w.(http.Flusher).Flush()
		<-r.Context().Done()
	}
	srv := newODSServer(t, nil, a)
	srv.on(filePath(a.Symbol, "en"), stall, stall)
	f, raw := newTestFetcher(t, srv.URL, newFakeClock(), HTTPOptions{BodyTimeout: 300 * time.Millisecond, MaxAttempts: 2}, nil)
	report, err := f.Fetch(context.Background(), []Target{{Symbol: a.Symbol, Lang: "en"}})
	if err != nil {
		t.Fatal(err)
	}
	res := report.Results[0]
	if res.Status != StatusFailed || !strings.Contains(res.Err.Error(), "no complete answer within 300ms") {
		t.Fatalf("got %s %v", res.Status, res.Err)
	}
	if _, err := os.Stat(filepath.Join(raw, FileName(a.Symbol, "en"))); err == nil {
		t.Fatal("a timed-out download left a file under its final name")
	}
}

func TestFetchHeaderTimeout(t *testing.T) {
	a := loadReal(t, "A_60_PV.25.pdf")
	srv := newODSServer(t, nil, a)
	srv.on("api:"+a.Symbol, func(w http.ResponseWriter, r *http.Request) { <-r.Context().Done() })
	f, _ := newTestFetcher(t, srv.URL, newFakeClock(), HTTPOptions{HeaderTimeout: 200 * time.Millisecond, MaxAttempts: 2}, nil)
	report, err := f.Fetch(context.Background(), []Target{{Symbol: a.Symbol, Lang: "en"}})
	if err != nil {
		t.Fatal(err)
	}
	// The second attempt finds the normal service again.
	if res := report.Results[0]; res.Status != StatusDownloaded {
		t.Fatalf("got %s %v", res.Status, res.Err)
	}
}

func TestFetchCancelThenResume(t *testing.T) {
	a := loadReal(t, "A_79_PV.29.pdf")
	half := len(a.Data) / 2
	srv := newODSServer(t, nil, a)
	srv.on(filePath(a.Symbol, "en"), func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/pdf")
		w.Header().Set("ETag", `"v1"`)
		w.Header().Set("Content-Length", "500974")
		w.WriteHeader(200)
		w.Write(a.Data[:half])
		w.(http.Flusher).Flush()
		<-r.Context().Done()
	})
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	f, raw := newTestFetcher(t, srv.URL, newFakeClock(), HTTPOptions{}, func(o *Options) {
		o.OnProgress = func(p Progress) {
			if p.Kind == ProgressBytes && p.Bytes >= int64(half) {
				cancel()
			}
		}
	})
	_, err := f.Fetch(ctx, []Target{{Symbol: a.Symbol, Lang: "en"}})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err %v, want context.Canceled", err)
	}
	final := filepath.Join(raw, FileName(a.Symbol, "en"))
	if _, err := os.Stat(final); err == nil {
		t.Fatal("a cancelled download left a file under its final name")
	}
	st, err := os.Stat(partPath(raw, FileName(a.Symbol, "en")))
	if err != nil || st.Size() != int64(half) {
		t.Fatalf("part file: %v, size %v, want %d", err, st, half)
	}

	// The next run resumes with a range request validated by the ETag.
	srv.on(filePath(a.Symbol, "en"), func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("ETag", `"v1"`)
		w.Header().Set("Content-Type", "application/pdf")
		http.ServeContent(w, r, "x.pdf", time.Time{}, strings.NewReader(string(a.Data)))
	})
	report, err := New(Options{RawDir: raw, ODSBaseURL: srv.URL, Client: NewClient(HTTPOptions{Rate: -1})}).Fetch(context.Background(), []Target{{Symbol: a.Symbol, Lang: "en"}})
	if err != nil {
		t.Fatal(err)
	}
	if res := report.Results[0]; res.Status != StatusDownloaded || res.Entry.SHA256 != a.SHA256 {
		t.Fatalf("resume: %s %v", res.Status, res.Err)
	}
	reqs := srv.Requests()
	last := reqs[len(reqs)-1]
	if last.Header.Get("Range") != "bytes=250487-" || last.Header.Get("If-Range") != `"v1"` {
		t.Errorf("resume request headers Range=%q If-Range=%q", last.Header.Get("Range"), last.Header.Get("If-Range"))
	}
	if got := rawFiles(t, raw); strings.Join(got, " ") != "A_79_PV.29.en.pdf manifest.json" {
		t.Errorf("raw/ holds %v", got)
	}
}

func TestFetchRateLimit(t *testing.T) {
	clock := newFakeClock()
	docs := []realDoc{loadReal(t, "A_48_PV.46.pdf"), loadReal(t, "A_60_PV.25.pdf"), loadReal(t, "A_60_PV.85.pdf"), loadReal(t, "S_PV.3756.pdf")}
	srv := newODSServer(t, clock, docs...)
	f, _ := newTestFetcher(t, srv.URL, clock, HTTPOptions{Rate: 2}, nil)
	var targets []Target
	for _, d := range docs {
		targets = append(targets, Target{Symbol: d.Symbol, Lang: "en"})
	}
	if _, err := f.Fetch(context.Background(), targets); err != nil {
		t.Fatal(err)
	}
	reqs := srv.Requests()
	if len(reqs) != 8 {
		t.Fatalf("%d requests, want 8 (an API redirect and a file each)", len(reqs))
	}
	// At 2 requests a second, no half-second window holds two requests.
	for i := 1; i < len(reqs); i++ {
		if gap := reqs[i].At.Sub(reqs[i-1].At); gap < 500*time.Millisecond {
			t.Errorf("requests %d and %d only %s apart", i-1, i, gap)
		}
	}
	if span := reqs[len(reqs)-1].At.Sub(reqs[0].At); span != 3500*time.Millisecond {
		t.Errorf("8 requests spanned %s, want 3.5s at 2/s", span)
	}
}

func TestFetchUnreachable(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close() // nothing listens there now
	clock := newFakeClock()
	f, _ := newTestFetcher(t, "http://"+addr, clock, HTTPOptions{}, nil)
	a := loadReal(t, "A_60_PV.25.pdf")
	start := time.Now()
	report, err := f.Fetch(context.Background(), []Target{{Symbol: a.Symbol, Lang: "en"}, {Symbol: "A/79/PV.29", Lang: "en"}})
	var ue *UnreachableError
	if !errors.As(err, &ue) {
		t.Fatalf("err %v, want *UnreachableError", err)
	}
	if ue.Host != addr || ue.Reason != "connection refused" || !strings.Contains(err.Error(), "cannot reach "+addr) {
		t.Errorf("error %q (host %q, reason %q)", err, ue.Host, ue.Reason)
	}
	if len(report.Results) != 1 {
		t.Errorf("the batch went on after an unreachable host: %d results", len(report.Results))
	}
	if s := clock.Sleeps(); len(s) != 0 {
		t.Errorf("retried an unreachable host: sleeps %v", s)
	}
	if time.Since(start) > 5*time.Second {
		t.Errorf("took %s to fail", time.Since(start))
	}
}

func TestFetchThroughProxy(t *testing.T) {
	a := loadReal(t, "A_60_PV.85.pdf")
	// The proxy is the fake service itself: it receives absolute-form
	// requests for a host that is never resolved.
	srv := newODSServer(t, nil, a)
	proxyURL := mustParseURL(t, srv.URL)
	var viaProxy []string
	f, _ := newTestFetcher(t, "http://documents.invalid", newFakeClock(), HTTPOptions{
		Proxy: func(r *http.Request) (*mustURL, error) {
			viaProxy = append(viaProxy, r.URL.Host)
			return proxyURL, nil
		},
	}, nil)
	report, err := f.Fetch(context.Background(), []Target{{Symbol: a.Symbol, Lang: "en"}})
	if err != nil {
		t.Fatal(err)
	}
	if res := report.Results[0]; res.Status != StatusDownloaded || res.Entry.SHA256 != a.SHA256 {
		t.Fatalf("got %s %v", res.Status, res.Err)
	}
	if len(viaProxy) == 0 || viaProxy[0] != "documents.invalid" {
		t.Errorf("proxy consulted for %v", viaProxy)
	}

	// An unreachable proxy is named as such.
	ln, _ := net.Listen("tcp", "127.0.0.1:0")
	dead := mustParseURL(t, "http://"+ln.Addr().String())
	ln.Close()
	f, _ = newTestFetcher(t, "http://documents.invalid", newFakeClock(), HTTPOptions{
		Proxy: func(*http.Request) (*mustURL, error) { return dead, nil },
	}, nil)
	_, err = f.Fetch(context.Background(), []Target{{Symbol: a.Symbol, Lang: "en"}})
	var ue *UnreachableError
	if !errors.As(err, &ue) || ue.Proxy != dead.Host || ue.Host != "documents.invalid" {
		t.Fatalf("err %v", err)
	}
}

func TestPlan(t *testing.T) {
	a, b := loadReal(t, "A_60_PV.25.pdf"), loadReal(t, "A_60_PV.85.pdf")
	srv := newODSServer(t, nil, a, b)
	f, raw := newTestFetcher(t, srv.URL, newFakeClock(), HTTPOptions{}, nil)
	if _, err := f.Fetch(context.Background(), []Target{{Symbol: a.Symbol, Lang: "en"}, {Symbol: b.Symbol, Lang: "en"}}); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(raw, FileName(b.Symbol, "en")), []byte("edited"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(partPath(raw, FileName("A/79/PV.29", "en")), []byte("%PDF-1.7"), 0o644); err != nil {
		t.Fatal(err)
	}
	n := len(srv.Requests())
	plan, err := f.Plan([]Target{{Symbol: a.Symbol, Lang: "en"}, {Symbol: b.Symbol, Lang: "en"}, {Symbol: "A/79/PV.29", Lang: "en"}, {Symbol: a.Symbol, Lang: "fr"}})
	if err != nil {
		t.Fatal(err)
	}
	var states []string
	for _, p := range plan {
		states = append(states, p.State)
	}
	if got := strings.Join(states, " "); got != "present changed partial missing" {
		t.Errorf("states %q", got)
	}
	if plan[3].URL != ODSURL(srv.URL, a.Symbol, "fr") {
		t.Errorf("plan URL %s", plan[3].URL)
	}
	if len(srv.Requests()) != n {
		t.Error("Plan made requests")
	}
}

func TestFetchLimitsAndDamage(t *testing.T) {
	a := loadReal(t, "A_79_PV.29.pdf")
	t.Run("body over the size cap", func(t *testing.T) {
		srv := newODSServer(t, nil, a)
		f, raw := newTestFetcher(t, srv.URL, newFakeClock(), HTTPOptions{MaxBytes: 100 << 10}, nil)
		report, err := f.Fetch(context.Background(), []Target{{Symbol: a.Symbol, Lang: "en"}})
		if err != nil {
			t.Fatal(err)
		}
		if res := report.Results[0]; res.Status != StatusFailed || !errors.Is(res.Err, ErrBodyTooLarge) {
			t.Fatalf("got %s %v", res.Status, res.Err)
		}
		if got := rawFiles(t, raw); len(got) != 0 {
			t.Errorf("raw/ holds %v", got)
		}
	})
	t.Run("chunked body over the size cap", func(t *testing.T) {
		srv := newODSServer(t, nil, a)
		srv.on(filePath(a.Symbol, "en"), func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "application/pdf")
			w.Write(a.Data) // no Content-Length: the cap is met while reading
		})
		f, raw := newTestFetcher(t, srv.URL, newFakeClock(), HTTPOptions{MaxBytes: 100 << 10}, nil)
		report, _ := f.Fetch(context.Background(), []Target{{Symbol: a.Symbol, Lang: "en"}})
		if res := report.Results[0]; res.Status != StatusFailed || !errors.Is(res.Err, ErrBodyTooLarge) {
			t.Fatalf("got %s %v", res.Status, res.Err)
		}
		if got := rawFiles(t, raw); len(got) != 0 {
			t.Errorf("raw/ holds %v", got)
		}
	})
	t.Run("damaged manifest is not overwritten", func(t *testing.T) {
		srv := newODSServer(t, nil, a)
		f, raw := newTestFetcher(t, srv.URL, newFakeClock(), HTTPOptions{}, nil)
		if err := os.MkdirAll(raw, 0o755); err != nil {
			t.Fatal(err)
		}
		path := filepath.Join(raw, ManifestName)
		if err := os.WriteFile(path, []byte(`{"version":1,"files":[`), 0o644); err != nil {
			t.Fatal(err)
		}
		_, err := f.Fetch(context.Background(), []Target{{Symbol: a.Symbol, Lang: "en"}})
		if err == nil || !strings.Contains(err.Error(), "manifest "+path+" is damaged") {
			t.Fatalf("err %v", err)
		}
		if b, _ := os.ReadFile(path); string(b) != `{"version":1,"files":[` {
			t.Error("the damaged manifest was changed")
		}
	})
	t.Run("part file the server cannot resume", func(t *testing.T) {
		srv := newODSServer(t, nil, a)
		f, raw := newTestFetcher(t, srv.URL, newFakeClock(), HTTPOptions{}, nil)
		if err := os.MkdirAll(raw, 0o755); err != nil {
			t.Fatal(err)
		}
		name := FileName(a.Symbol, "en")
		// A part longer than the file, validated by the server's own
		// ETag: the range cannot be satisfied (416) and the download
		// starts over.
		sum := a.SHA256[:16]
		u := srv.URL + filePath(a.Symbol, "en") // a part belongs to the file's address

		if err := os.WriteFile(partPath(raw, name), make([]byte, len(a.Data)+10), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := writeJSON(partPath(raw, name)+".json", &partMeta{URL: u, ETag: `"` + sum + `"`}); err != nil {
			t.Fatal(err)
		}
		report, err := f.Fetch(context.Background(), []Target{{Symbol: a.Symbol, Lang: "en"}})
		if err != nil {
			t.Fatal(err)
		}
		if res := report.Results[0]; res.Status != StatusDownloaded || res.Entry.SHA256 != a.SHA256 {
			t.Fatalf("got %s %v", res.Status, res.Err)
		}
		var statuses []string
		for _, r := range srv.Requests() {
			if r.Header.Get("Range") != "" {
				statuses = append(statuses, r.Header.Get("Range"))
			}
		}
		if len(statuses) == 0 {
			t.Error("no range request was tried")
		}
	})
}

func TestFetchResumesAfterCutConnection(t *testing.T) {
	a := loadReal(t, "A_60_PV.85.pdf")
	third := len(a.Data) / 3
	srv := newODSServer(t, nil, a)
	srv.on(filePath(a.Symbol, "en"), func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/pdf")
		w.Header().Set("ETag", `"v1"`)
		w.Header().Set("Content-Length", fmt.Sprint(len(a.Data)))
		w.WriteHeader(200)
		w.Write(a.Data[:third])
		w.(http.Flusher).Flush()
		panic(http.ErrAbortHandler) // the connection drops mid-body
	}, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("ETag", `"v1"`)
		w.Header().Set("Content-Type", "application/pdf")
		http.ServeContent(w, r, "x.pdf", time.Time{}, strings.NewReader(string(a.Data)))
	})
	clock := newFakeClock()
	f, _ := newTestFetcher(t, srv.URL, clock, HTTPOptions{}, nil)
	report, err := f.Fetch(context.Background(), []Target{{Symbol: a.Symbol, Lang: "en"}})
	if err != nil {
		t.Fatal(err)
	}
	if res := report.Results[0]; res.Status != StatusDownloaded || res.Entry.SHA256 != a.SHA256 {
		t.Fatalf("got %s %v", res.Status, res.Err)
	}
	reqs := srv.Requests()
	if got := reqs[len(reqs)-1].Header.Get("Range"); got != fmt.Sprintf("bytes=%d-", third) {
		t.Errorf("retry asked for Range %q, want the rest from byte %d", got, third)
	}
	if len(clock.Sleeps()) != 1 {
		t.Errorf("sleeps %v, want one backoff", clock.Sleeps())
	}
}

func TestUnreachableReason(t *testing.T) {
	dial := func(err error) error {
		return &url.Error{Op: "Get", URL: "https://documents.un.org/", Err: &net.OpError{Op: "dial", Net: "tcp", Err: err}}
	}
	tests := []struct {
		name string
		err  error
		want string
	}{
		{"name does not resolve", &url.Error{Op: "Get", Err: &net.OpError{Op: "dial", Err: &net.DNSError{Err: "no such host", Name: "documents.un.org", IsNotFound: true}}}, "cannot resolve the name"},
		{"no DNS server", &url.Error{Op: "Get", Err: &net.DNSError{Err: "server misbehaving", Name: "documents.un.org", IsTemporary: true}}, "cannot resolve the name"},
		{"refused", dial(os.NewSyscallError("connect", syscall.ECONNREFUSED)), "connection refused"},
		{"no route", dial(os.NewSyscallError("connect", syscall.ENETUNREACH)), "no route to the host"},
		{"host unreachable", dial(os.NewSyscallError("connect", syscall.EHOSTUNREACH)), "no route to the host"},
		{"connect timeout", dial(timeoutErr{}), "connection timed out"},
		{"proxy refused", &url.Error{Op: "Get", Err: &net.OpError{Op: "proxyconnect", Err: os.NewSyscallError("connect", syscall.ECONNREFUSED)}}, "connection refused"},
		{"reset while reading", &url.Error{Op: "Get", Err: &net.OpError{Op: "read", Err: os.NewSyscallError("read", syscall.ECONNRESET)}}, ""},
		{"other", errors.New("tls: handshake failure"), ""},
	}
	for _, tt := range tests {
		if got := unreachableReason(tt.err); got != tt.want {
			t.Errorf("%s: %q, want %q", tt.name, got, tt.want)
		}
	}
}

type timeoutErr struct{}

func (timeoutErr) Error() string   { return "i/o timeout" }
func (timeoutErr) Timeout() bool   { return true }
func (timeoutErr) Temporary() bool { return true }

func TestOnRetry(t *testing.T) {
	a := loadReal(t, "A_60_PV.25.pdf")
	srv := newODSServer(t, nil, a)
	srv.on("api:"+a.Symbol, status(503, "busy", "Retry-After", "2"))
	var retries []Retry
	f, _ := newTestFetcher(t, srv.URL, newFakeClock(), HTTPOptions{OnRetry: func(r Retry) { retries = append(retries, r) }}, nil)
	if _, err := f.Fetch(context.Background(), []Target{{Symbol: a.Symbol, Lang: "en"}}); err != nil {
		t.Fatal(err)
	}
	if len(retries) != 1 || retries[0].Attempt != 1 || retries[0].Delay != 2*time.Second ||
		retries[0].URL != ODSURL(srv.URL, a.Symbol, "en") || !strings.Contains(retries[0].Err.Error(), "HTTP 503") {
		t.Fatalf("retries %+v", retries)
	}
}
