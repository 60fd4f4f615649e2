package web

import (
	"context"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/scdebate/scdebate/corpus"
	"github.com/scdebate/scdebate/index"
	"github.com/scdebate/scdebate/index/indextest"
	"github.com/scdebate/scdebate/reports"
)

// hugeLoad is a load on two servers side by side, one over a corpus and
// one over the same corpus with one paragraph of 8 MB: every client asks
// both the same thing in turn, so that the machine's load weighs on both
// alike, while both indexes are updated and then rebuilt, and gives up on
// some of its requests early.
type hugeLoad struct {
	clients  int
	requests int           // at most, over all clients and both servers
	duration time.Duration // at most
	// think is the longest pause of a client between two requests, as a
	// reader takes between searches.
	think time.Duration
	// One request in abandonEvery is given up on 1–20 ms after it is
	// sent.
	abandonEvery int
}

// fiftyClients is the load of the test and the benchmark: 50 clients with
// up to a second between two requests, several-fold more under the race
// detector, which slows the server as much.
func fiftyClients() hugeLoad {
	l := hugeLoad{clients: 50, requests: 4000, duration: 30 * time.Second, think: time.Second, abandonEvery: 8}
	if raceEnabled {
		l.think *= 8
	}
	return l
}

// loadServer is one of the two servers, with what its handlers did.
type loadServer struct {
	url  string
	ws   *corpus.Workspace
	docs []indextest.Doc

	mu      sync.Mutex
	running sync.WaitGroup
	started map[string]bool      // requests whose handler started
	ended   map[string]time.Time // request → when its handler returned
	latency []time.Duration      // of the requests answered
	perPath map[string][]time.Duration
	// stops is, for each request, the longest time from a client giving
	// up on it to its handler returning.
	stops  map[string]time.Duration
	errors int
	first  string // the first error
}

// loadFigures is what a hugeLoad measured.
type loadFigures struct {
	answered      [2]int // requests answered, without and with the huge paragraph
	p50, p95, max [2]time.Duration
	errors        int
	firstError    string
	updates       int // index updates completed, of both servers
	abandoned     int // requests given up on after their handler started
	// stillRunning counts the handlers of abandoned requests that had not
	// returned a minute after the load ended; stop is the longest time
	// from a client giving up to its handler returning.
	stillRunning int
	stop         time.Duration
	stopPath     string // the request of the longest stop
}

func (f *loadFigures) String() string {
	return fmt.Sprintf("%d index updates; answered %d and %d (p50 %v and %v, p95 %v and %v, max %v and %v); errors %d%s; %d abandoned, the slowest handler returned %v after its client left, %d still running",
		f.updates, f.answered[0], f.answered[1], f.p50[0], f.p50[1], f.p95[0], f.p95[1], f.max[0], f.max[1],
		f.errors, map[bool]string{true: " (first: " + f.firstError + ")", false: ""}[f.errors > 0],
		f.abandoned, f.stop.Round(time.Millisecond), f.stillRunning) + " (" + f.stopPath + ")"
}

func (l hugeLoad) run(t testing.TB) *loadFigures {
	gen := func() []indextest.Doc {
		return indextest.Generate(indextest.Options{Seed: 21, Paragraphs: 4000, Versions: []string{"fr"}, VersionsEvery: 6})
	}
	baseDocs, hugeDocs := gen(), gen()
	code := withHugeParagraph(t, hugeDocs, 8<<20)

	serve := func(docs []indextest.Doc) *loadServer {
		s := &loadServer{docs: docs, perPath: map[string][]time.Duration{}, stops: map[string]time.Duration{}, started: map[string]bool{}, ended: map[string]time.Time{}}
		ix, ws := openTestIndex(t, docs)
		workbook := func(ctx context.Context, w io.Writer, req *index.Request, hits []index.Passage) error {
			return reports.SearchWorkbook(ws)(ctx, w, req, hits)
		}
		srv, err := New(ix, Options{Workbook: workbook, OnError: func(r *http.Request, err error) {
			t.Errorf("%s: internal error: %v", r.URL, err)
		}})
		if err != nil {
			t.Fatal(err)
		}
		h := srv.Handler()
		ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			s.running.Add(1)
			defer s.running.Done()
			s.mu.Lock()
			s.started[r.Header.Get("X-Load-ID")] = true
			s.mu.Unlock()
			h.ServeHTTP(w, r)
			s.mu.Lock()
			s.ended[r.Header.Get("X-Load-ID")] = time.Now()
			s.mu.Unlock()
		}))
		t.Cleanup(ts.Close)
		s.url, s.ws = ts.URL, ws
		return s
	}
	servers := [2]*loadServer{serve(baseDocs), serve(hugeDocs)}

	paths := []string{
		"/api/search?q=veto",
		"/api/search?q=accountable+membership",
		"/api/search?q=%22wrap-up+sessions%22&country=NZL",
		"/api/search?q=penhold*&session=60-79&sort=date",
		"/api/search?q=veto+-conduct&lang=en&size=50",
		"/api/search?theme=burden-sharing&group=ACT",
		"/api/search?q=council&country=" + code + "&size=100",
		"/?q=veto&country=CHE",
		"/?q=membership+veto",
		"/?country=" + code,
		"/state/NZL",
		"/state/" + code,
		"/api/report.xlsx?q=veto&country=NZL",
	}

	type abandoned struct {
		server *loadServer
		id     string
		path   string
		leftAt time.Time
	}
	ctx, cancel := context.WithTimeout(context.Background(), l.duration)
	defer cancel()
	var (
		mu    sync.Mutex
		left  []abandoned
		sent  int
		wg    sync.WaitGroup
		after sync.WaitGroup // the timers that abandon requests
	)
	for c := 0; c < l.clients; c++ {
		wg.Add(1)
		go func(c int) {
			defer wg.Done()
			r := rand.New(rand.NewPCG(uint64(c), 2))
			client := &http.Client{}
			for n := 0; ctx.Err() == nil; n++ {
				mu.Lock()
				sent += 2
				over := sent > l.requests
				mu.Unlock()
				if over {
					return
				}
				path := paths[r.IntN(len(paths))]
				giveUp := l.abandonEvery > 0 && r.IntN(l.abandonEvery) == 0
				order := []*loadServer{servers[0], servers[1]}
				if r.IntN(2) == 1 {
					order[0], order[1] = order[1], order[0]
				}
				for _, s := range order {
					id := fmt.Sprintf("%d-%d", c, n)
					reqCtx, stop := context.WithCancel(context.Background())
					req, _ := http.NewRequestWithContext(reqCtx, http.MethodGet, s.url+path, nil)
					req.Header.Set("X-Load-ID", id)
					if giveUp {
						after.Add(1)
						time.AfterFunc(time.Duration(1+r.IntN(20))*time.Millisecond, func() {
							defer after.Done()
							mu.Lock()
							left = append(left, abandoned{s, id, path, time.Now()})
							mu.Unlock()
							stop()
						})
					}
					start := time.Now()
					resp, err := client.Do(req)
					status := 0
					if err == nil {
						_, err = io.Copy(io.Discard, resp.Body)
						resp.Body.Close()
						status = resp.StatusCode
					}
					d := time.Since(start)
					stop()
					s.mu.Lock()
					switch {
					case giveUp:
					case err != nil || status != http.StatusOK:
						s.errors++
						if s.first == "" {
							s.first = fmt.Sprintf("%s: status %d, %v", path, status, err)
						}
					default:
						s.latency = append(s.latency, d)
						s.perPath[path] = append(s.perPath[path], d)
					}
					s.mu.Unlock()
				}
				if l.think > 0 {
					select {
					case <-time.After(time.Duration(r.Int64N(int64(l.think)))):
					case <-ctx.Done():
					}
				}
			}
		}(c)
	}

	// Meanwhile, both indexes are updated twice, then rebuilt twice; an
	// update under way when the load ends is cancelled.
	updated := 0
	var updates sync.WaitGroup
	updates.Add(1)
	go func() {
		defer updates.Done()
		for u := 1; u <= 4; u++ {
			for _, s := range servers {
				for i := u; i < len(s.docs); i += 40 {
					d := s.docs[i]
					d.Record.Speeches[0].Paragraphs[0].Text = fmt.Sprintf("The zebraupdate%d marker was added in an update.", u)
					if _, err := s.ws.Records().Put(d.Record); err != nil {
						t.Error(err)
						return
					}
				}
				if _, err := index.Update(ctx, indextest.Lock(t, s.ws), index.Options{Rebuild: u > 2}); err != nil {
					if ctx.Err() == nil {
						t.Errorf("update %d: %v", u, err)
					}
					return
				}
				updated++
			}
		}
	}()
	wg.Wait()
	updates.Wait()
	after.Wait()

	f := &loadFigures{updates: updated}
	for i, s := range servers {
		f.errors += s.errors
		if f.firstError == "" {
			f.firstError = s.first
		}
		if len(s.latency) == 0 {
			continue
		}
		slices.Sort(s.latency)
		f.answered[i] = len(s.latency)
		f.p50[i] = s.latency[len(s.latency)/2]
		f.p95[i] = s.latency[int(0.95*float64(len(s.latency)-1))]
		f.max[i] = s.latency[len(s.latency)-1]
	}

	// Every handler whose client gave up returns: the wait is a liveness
	// bound, far above the time it takes.
	returned := make(chan struct{})
	go func() {
		for _, s := range servers {
			s.running.Wait()
		}
		close(returned)
	}()
	select {
	case <-returned:
	case <-time.After(time.Minute):
	}
	for _, a := range left {
		a.server.mu.Lock()
		started := a.server.started[a.id]
		end, ok := a.server.ended[a.id]
		a.server.mu.Unlock()
		switch {
		case !ok && started:
			f.stillRunning++
			f.abandoned++
		case ok:
			f.abandoned++
			d := end.Sub(a.leftAt)
			if d > f.stop {
				f.stop, f.stopPath = d, a.path
			}
			a.server.stops[a.path] = max(a.server.stops[a.path], d)
		}
	}
	if testing.Verbose() {
		for _, p := range paths {
			line := fmt.Sprintf("%-55s", p)
			for _, s := range servers {
				l := s.perPath[p]
				if len(l) == 0 {
					continue
				}
				slices.Sort(l)
				line += fmt.Sprintf("  n=%3d p50 %6v p95 %6v stop %6v", len(l), l[len(l)/2].Round(time.Millisecond), l[int(0.95*float64(len(l)-1))].Round(time.Millisecond), s.stops[p].Round(time.Millisecond))
			}
			t.Log(line)
		}
	}
	return f
}

// TestLoadWithHugeParagraph puts 50 clients on a corpus with a paragraph
// of 8 MB and on the same corpus without, while both indexes are updated
// and rebuilt: every request is answered, and the handler of every
// request given up on returns.
// The times it logs are measured by BenchmarkLoadWithHugeParagraph.
func TestLoadWithHugeParagraph(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: a load test of fifty clients")
	}
	f := fiftyClients().run(t)
	t.Log(f)
	if f.errors > 0 {
		t.Errorf("%d requests failed; first: %s", f.errors, f.firstError)
	}
	if f.answered[0] == 0 || f.answered[1] == 0 {
		t.Errorf("no request answered by one of the servers: %v", f.answered)
	}
	if f.stillRunning > 0 {
		t.Errorf("%d handlers still running a minute after their clients left", f.stillRunning)
	}
}

// BenchmarkLoadWithHugeParagraph runs the load of TestLoadWithHugeParagraph
// once per iteration and reports the 95th percentile of the corpus with
// the 8 MB paragraph over the one without (p95-ratio) and the longest
// time from a client giving up to its handler returning (stop-ms).
func BenchmarkLoadWithHugeParagraph(b *testing.B) {
	load := fiftyClients()
	var ratio, stop, errors, p95 float64
	for b.Loop() {
		f := load.run(b)
		b.Log(f)
		ratio = max(ratio, float64(f.p95[1])/float64(max(f.p95[0], 1)))
		stop = max(stop, float64(f.stop.Milliseconds()))
		errors += float64(f.errors + f.stillRunning)
		p95 = max(p95, float64(f.p95[1].Milliseconds()))
	}
	b.ReportMetric(ratio, "p95-ratio")
	b.ReportMetric(p95, "p95-ms")
	b.ReportMetric(stop, "stop-ms")
	b.ReportMetric(errors, "errors")
}
