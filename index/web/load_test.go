package web

import (
	"context"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/scdebate/scdebate/corpus"
	"github.com/scdebate/scdebate/index"
	"github.com/scdebate/scdebate/index/indextest"
	"github.com/scdebate/scdebate/reports"
)

// TestLoadWhileIndexing sends many concurrent searches, page views and
// workbook downloads to a loopback server while the index is updated
// under it, and requires every request to succeed. It is bounded in
// requests and time, and logs the latency percentiles.
func TestLoadWhileIndexing(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: a load test while the index is rebuilt")
	}
	const (
		workers     = 16
		maxRequests = 3000
		maxDuration = 20 * time.Second
		updates     = 4
	)
	docs := indextest.Generate(indextest.Options{Seed: 21, Paragraphs: 4000, Versions: []string{"fr"}, VersionsEvery: 6})
	var ws *corpus.Workspace
	workbook := func(ctx context.Context, w io.Writer, req *index.Request, hits []index.Passage) error {
		return reports.SearchWorkbook(ws)(ctx, w, req, hits)
	}
	ix, ws := openTestIndex(t, docs)
	ts := serveTestIndex(t, ix, Options{Workbook: workbook})

	paths := []string{
		"/api/search?q=veto",
		"/api/search?q=%22wrap-up+sessions%22&country=NZL",
		"/api/search?q=penhold*&session=60-79&sort=date",
		"/api/search?q=transparency+OR+accountability&theme=transparency&from=20",
		"/api/search?q=veto+-conduct&lang=en&size=50",
		"/api/search?theme=burden-sharing&group=ACT",
		"/api/search?q=penholdrship&fuzzy=1",
		"/api/search?q=d%C3%A9bats+publics&lang=fr",
		"/?q=veto&country=CHE",
		"/?theme=annual-report&session=70-75",
		"/state/NZL",
		"/api/report.xlsx?q=veto&country=NZL",
		"/api/report.xlsx?theme=wrap-up-sessions&session=75-79",
	}

	ctx, cancel := context.WithTimeout(context.Background(), maxDuration)
	defer cancel()
	var (
		sent      atomic.Int64
		failures  atomic.Int64
		mu        sync.Mutex
		latencies []time.Duration
		perPath   = map[string][]time.Duration{}
		firstErr  atomic.Value
	)
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func(seed uint64) {
			defer wg.Done()
			r := rand.New(rand.NewPCG(seed, 1))
			client := ts.Client()
			for ctx.Err() == nil && sent.Add(1) <= maxRequests {
				path := paths[r.IntN(len(paths))]
				start := time.Now()
				resp, err := client.Get(ts.URL + path)
				if err != nil {
					failures.Add(1)
					firstErr.CompareAndSwap(nil, err.Error())
					continue
				}
				io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
				d := time.Since(start)
				if resp.StatusCode != http.StatusOK {
					failures.Add(1)
					firstErr.CompareAndSwap(nil, fmt.Sprintf("%s: status %d", path, resp.StatusCode))
					continue
				}
				mu.Lock()
				latencies = append(latencies, d)
				perPath[path] = append(perPath[path], d)
				mu.Unlock()
			}
		}(uint64(w))
	}

	// Meanwhile, records change and the index is updated.
	marker := ""
	for u := 1; u <= updates; u++ {
		marker = fmt.Sprintf("zebraupdate%d", u)
		for i := u; i < len(docs); i += 40 {
			d := docs[i]
			d.Record.Speeches[0].Paragraphs[0].Text = "The " + marker + " marker was added in an update."
			if _, err := ws.Records().Put(d.Record); err != nil {
				t.Fatal(err)
			}
		}
		if _, err := index.Update(context.Background(), indextest.Lock(t, ws), index.Options{}); err != nil {
			t.Fatalf("update %d: %v", u, err)
		}
	}
	wg.Wait()

	if n := failures.Load(); n > 0 {
		t.Errorf("%d failed requests; first: %v", n, firstErr.Load())
	}
	if len(latencies) == 0 {
		t.Fatal("no request completed")
	}
	slices.Sort(latencies)
	pct := func(p float64) time.Duration { return latencies[int(p*float64(len(latencies)-1))] }
	t.Logf("load: %d requests by %d concurrent clients during %d index updates: p50 %v, p95 %v, max %v, errors %d",
		len(latencies), workers, updates, pct(0.50), pct(0.95), latencies[len(latencies)-1], failures.Load())

	for _, p := range paths {
		l := perPath[p]
		if len(l) == 0 {
			continue
		}
		slices.Sort(l)
		t.Logf("  %-70s n=%3d p50 %v p95 %v", p, len(l), l[len(l)/2], l[int(0.95*float64(len(l)-1))])
	}

	// The server follows the updates without a restart: it would notice
	// the last within a quarter of a second; Refresh notices it now.
	if err := ix.Refresh(); err != nil {
		t.Fatal(err)
	}
	want := 0
	for i := updates; i < len(docs); i += 40 {
		want++
	}
	_, body := get(t, ts, "/api/search?size=0&q="+url.QueryEscape(marker))
	if wantBody := fmt.Sprintf(`"total":%d,`, want); !strings.Contains(body, wantBody) {
		t.Errorf("after the updates: %s, want %s", body, wantBody)
	}
}
