package index

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"syscall"
	"testing"
	"time"

	"github.com/blevesearch/bleve/v2"

	"github.com/scdebate/scdebate/corpus"
	"github.com/scdebate/scdebate/corpus/sample"
	"github.com/scdebate/scdebate/index/indextest"
)

// benchSessions reads the corpus size of a benchmark, in sessions, from
// the environment (SCDEBATE_BENCH_<NAME>), with a default.
func benchSessions(name string, def int) int {
	if v, err := strconv.Atoi(os.Getenv("SCDEBATE_BENCH_" + name)); err == nil && v > 0 {
		return v
	}
	return def
}

// benchWorkspace writes a corpus generated from the sample corpus (with
// sessions sessions of 6 meetings of 200 speeches, about 6,900 paragraphs
// a session) into a workspace. With SCDEBATE_BENCH_CACHE set, the
// workspace is kept there between runs (keyed by size) and only brought up
// to date.
func benchWorkspace(b *testing.B, sessions int) (*corpus.Workspace, []indextest.Doc) {
	b.Helper()
	docs, err := indextest.GeneratedSampleDocs(1, sample.Options{Sessions: sessions})
	if err != nil {
		b.Fatal(err)
	}
	dir := b.TempDir()
	if cache := os.Getenv("SCDEBATE_BENCH_CACHE"); cache != "" {
		dir = filepath.Join(cache, fmt.Sprintf("ws-sample-%d", sessions))
	}
	fresh := true
	if _, err := os.Stat(filepath.Join(dir, corpus.RecordsDir)); err == nil {
		fresh = false
	}
	ws, err := corpus.OpenWorkspace(dir)
	if err != nil {
		b.Fatal(err)
	}
	if fresh {
		if err := indextest.Write(ws, docs); err != nil {
			b.Fatal(err)
		}
	}
	return ws, docs
}

func countPassages(docs []indextest.Doc) int {
	n := 0
	for _, d := range docs {
		n += len(Passages(RecordKey(d.Record), d.Record, d.Annotation))
	}
	return n
}

// BenchmarkBuild compares a full build of the index from the records and
// annotations on disk with bare bleve indexing the same passage documents,
// already in memory, in batches of the same size and with the same bleve
// settings. The two alternate within each iteration, so that the load of a
// shared machine weighs on both alike; the ratio is reported beside the
// throughputs.
func BenchmarkBuild(b *testing.B) {
	ws, docs := benchWorkspace(b, benchSessions("BUILD", 3))
	passages := countPassages(docs)
	var prepared []Passage
	for _, d := range docs {
		prepared = append(prepared, Passages(RecordKey(d.Record), d.Record, d.Annotation)...)
	}
	var ours, bare time.Duration
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		start := time.Now()
		st, err := Update(context.Background(), indextest.Lock(b, ws), Options{Rebuild: true})
		if err != nil {
			b.Fatal(err)
		}
		ours += time.Since(start)
		if st.InIndex != passages {
			b.Fatalf("indexed %d passages, want %d", st.InIndex, passages)
		}
		start = time.Now()
		bareBleve(b, prepared, writeConfig())
		bare += time.Since(start)
	}
	b.ReportMetric(float64(passages*b.N)/ours.Seconds(), "paragraphs/s")
	b.ReportMetric(float64(passages*b.N)/bare.Seconds(), "bleve-paragraphs/s")
	b.ReportMetric(bare.Seconds()/ours.Seconds(), "ratio")
}

// BenchmarkBuildBleveDefaults is bare bleve with its default settings
// (each batch waits until it is on disk), for reference.
func BenchmarkBuildBleveDefaults(b *testing.B) {
	_, docs := benchWorkspace(b, benchSessions("BUILD", 3))
	var prepared []Passage
	for _, d := range docs {
		prepared = append(prepared, Passages(RecordKey(d.Record), d.Record, d.Annotation)...)
	}
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		bareBleve(b, prepared, nil)
	}
	b.ReportMetric(float64(len(prepared)*b.N)/b.Elapsed().Seconds(), "paragraphs/s")
}

// bareBleve indexes prepared passages into a new bleve index in batches of
// defaultBatchSize and closes it once everything is on disk.
func bareBleve(b *testing.B, prepared []Passage, config map[string]any) {
	idx, err := bleve.NewUsing(filepath.Join(b.TempDir(), "bare"), NewMapping(), bleve.Config.DefaultIndexType, bleve.Config.DefaultKVStore, config)
	if err != nil {
		b.Fatal(err)
	}
	batch := idx.NewBatch()
	for j := range prepared {
		if err := batch.Index(prepared[j].ID, prepared[j].document()); err != nil {
			b.Fatal(err)
		}
		if batch.Size() >= defaultBatchSize {
			if err := idx.Batch(batch); err != nil {
				b.Fatal(err)
			}
			batch.Reset()
		}
	}
	persisted := make(chan error, 1)
	batch.SetInternal([]byte("done"), []byte("1"))
	batch.SetPersistedCallback(func(err error) {
		select {
		case persisted <- err:
		default:
		}
	})
	if err := idx.Batch(batch); err != nil {
		b.Fatal(err)
	}
	if config != nil {
		if err := <-persisted; err != nil {
			b.Fatal(err)
		}
	}
	if err := idx.Close(); err != nil {
		b.Fatal(err)
	}
}

// benchQueries are faceted, highlighted searches of the kinds the search
// page sends.
var benchQueries = []Request{
	{Query: "penholdership"},
	{Query: `"wrap-up sessions"`},
	{Query: "veto", Countries: []string{"NZL"}},
	{Query: "transparency accountability", Sessions: []corpus.SessionRange{{From: 70, To: 78}}},
	{Query: "veto OR enlargement", Themes: []string{"council-reform"}},
	{Query: "penhold*", Sessions: []corpus.SessionRange{{From: 60, To: 78}}, Sort: SortDate},
	{Query: "subsidiary bodies -sanctions"},
	{Query: "penholdrship", Fuzzy: true},
	{Themes: []string{"burden-sharing"}, Sessions: []corpus.SessionRange{{From: 75, To: 78}}},
	{Query: `"annual report" analytical`, Countries: []string{"MEX", "CHE", "LIE"}},
	{Query: `"code of conduct"`, Themes: []string{"veto"}},
	{Query: "council"},
	{Query: "security council report", From: 40},
	{Countries: []string{"BRA"}, Sessions: []corpus.SessionRange{{From: 70, To: 78}}},
}

// BenchmarkQuery measures faceted, highlighted searches on a generated
// corpus generated from the sample corpus (30 sessions, more than 200,000
// paragraphs, by default; SCDEBATE_BENCH_QUERY sets the sessions) and
// reports the latency percentiles.
func BenchmarkQuery(b *testing.B) {
	benchSearches(b, benchQueries, func(r *Request) {
		r.Size, r.Facets, r.Highlight = 20, true, true
	})
}

// browseRequests are what the search page sends when a user browses
// without a query: the first page (everything, newest first), a state
// chosen (the page, and the counts of the other states beside it), a
// session range and a theme in date order, and a broad query in date
// order either way.
var browseRequests = []Request{
	{Size: 20, Facets: true},
	{Countries: []string{"NZL"}, Size: 20, Facets: true},
	{Size: 0, Facets: true},
	{Sessions: []corpus.SessionRange{{From: 75, To: 78}}, Size: 20, Facets: true},
	{Themes: []string{"veto"}, Size: 20, Facets: true},
	{Query: "council", Sort: SortDate, Size: 20, Facets: true, Highlight: true},
	{Query: "veto", Sort: SortDateAsc, Size: 20, Facets: true, Highlight: true},
}

// BenchmarkBrowse measures the searches of browsing (browseRequests) on
// the corpus of BenchmarkQuery.
func BenchmarkBrowse(b *testing.B) {
	benchSearches(b, browseRequests, func(*Request) {})
}

// benchSearches runs reqs in turn, each set up by prepare, on the
// generated corpus of BenchmarkQuery, and reports the latency percentiles.
func benchSearches(b *testing.B, reqs []Request, prepare func(*Request)) {
	ws, docs := benchWorkspace(b, benchSessions("QUERY", 30))
	st, err := Update(context.Background(), indextest.Lock(b, ws), Options{})
	if err != nil {
		b.Fatal(err)
	}
	opened := time.Now()
	ix, err := Open(ws)
	if err != nil {
		b.Fatal(err)
	}
	defer ix.Close()
	g, err := ix.acquire()
	if err != nil {
		b.Fatal(err)
	}
	<-g.loaded // what a server does in its first moments on a generation
	g.release()
	loaded := time.Since(opened)
	info, err := ix.Info()
	if err != nil {
		b.Fatal(err)
	}
	if want := countPassages(docs); info.Passages != want {
		b.Fatalf("index holds %d passages, want %d (%+v)", info.Passages, want, st)
	}
	reqs = slices.Clone(reqs)
	for i := range reqs {
		prepare(&reqs[i])
	}
	// Warm up: every search once.
	for i := range reqs {
		if _, err := ix.Search(context.Background(), &reqs[i]); err != nil {
			b.Fatal(err)
		}
	}
	// Wall time suffers from whatever else the machine runs; the process's
	// CPU time per search (the searches run one at a time) is what a
	// search costs on an idle core, and is reported beside it.
	latencies := make([]time.Duration, 0, b.N)
	cpu := make([]time.Duration, 0, b.N)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		start, startCPU := time.Now(), processCPU()
		res, err := ix.Search(context.Background(), &reqs[i%len(reqs)])
		if err != nil {
			b.Fatal(err)
		}
		latencies = append(latencies, time.Since(start))
		cpu = append(cpu, processCPU()-startCPU)
		if res.Total == 0 {
			b.Fatalf("search %+v found nothing", reqs[i%len(reqs)])
		}
	}
	b.StopTimer()
	slices.Sort(latencies)
	slices.Sort(cpu)
	pct := func(d []time.Duration, p float64) float64 {
		return float64(d[int(p*float64(len(d)-1))].Microseconds()) / 1000
	}
	b.ReportMetric(pct(latencies, 0.50), "p50-ms")
	b.ReportMetric(pct(latencies, 0.95), "p95-ms")
	b.ReportMetric(pct(cpu, 0.50), "cpu-p50-ms")
	b.ReportMetric(pct(cpu, 0.95), "cpu-p95-ms")
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "queries/s")
	b.ReportMetric(float64(info.Passages), "paragraphs")
	b.ReportMetric(float64(loaded.Milliseconds()), "open-ms")
}

// processCPU is the CPU time the process has used, user and system.
func processCPU() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
