package index

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"testing"
	"time"

	"github.com/blevesearch/bleve/v2"

	"github.com/scdebate/scdebate/corpus"
	"github.com/scdebate/scdebate/index/indextest"
)

// benchParagraphs reads the corpus size of a benchmark from the
// environment (SCDEBATE_BENCH_<NAME>), with a default.
func benchParagraphs(name string, def int) int {
	if v, err := strconv.Atoi(os.Getenv("SCDEBATE_BENCH_" + name)); err == nil && v > 0 {
		return v
	}
	return def
}

// benchWorkspace writes a generated corpus of n paragraphs into a
// workspace. With SCDEBATE_BENCH_CACHE set, the workspace is kept there
// between runs (keyed by size) and only brought up to date.
func benchWorkspace(b *testing.B, n int) (*corpus.Workspace, []indextest.Doc) {
	b.Helper()
	docs := indextest.Generate(indextest.Options{Seed: 1, Paragraphs: n, Versions: []string{"fr", "es", "zh"}, VersionsEvery: 20})
	dir := b.TempDir()
	if cache := os.Getenv("SCDEBATE_BENCH_CACHE"); cache != "" {
		dir = filepath.Join(cache, fmt.Sprintf("ws-%d", n))
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
// already in memory, in batches of the same size, with the same bleve
// settings and, separately, with bleve's defaults.
func BenchmarkBuild(b *testing.B) {
	ws, docs := benchWorkspace(b, benchParagraphs("BUILD", 20000))
	passages := countPassages(docs)
	var prepared []Passage
	for _, d := range docs {
		prepared = append(prepared, Passages(RecordKey(d.Record), d.Record, d.Annotation)...)
	}

	b.Run("scdebate", func(b *testing.B) {
		b.ReportAllocs()
		for i := 0; i < b.N; i++ {
			st, err := Update(context.Background(), ws, Options{Rebuild: true})
			if err != nil {
				b.Fatal(err)
			}
			if st.Total != passages {
				b.Fatalf("indexed %d passages, want %d", st.Total, passages)
			}
		}
		b.ReportMetric(float64(passages*b.N)/b.Elapsed().Seconds(), "paragraphs/s")
	})
	bare := func(b *testing.B, config map[string]any) {
		b.ReportAllocs()
		for i := 0; i < b.N; i++ {
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
		b.ReportMetric(float64(passages*b.N)/b.Elapsed().Seconds(), "paragraphs/s")
	}
	b.Run("bleve-same-settings", func(b *testing.B) { bare(b, writeConfig()) })
	b.Run("bleve-defaults", func(b *testing.B) { bare(b, nil) })
}

// benchQueries are faceted, highlighted searches of the kinds the search
// page sends.
var benchQueries = []Request{
	{Query: "penholdership"},
	{Query: `"wrap-up sessions"`},
	{Query: "veto", Countries: []string{"NZL"}},
	{Query: "transparency accountability", Sessions: []SessionRange{{75, 79}}},
	{Query: "veto OR enlargement", Themes: []string{"council-reform"}},
	{Query: "penhold*", Sessions: []SessionRange{{60, 79}}, Sort: SortDate},
	{Query: "subsidiary bodies -sanctions", Languages: []string{"en"}},
	{Query: "penholdrship", Fuzzy: true},
	{Themes: []string{"burden-sharing"}, Groups: []string{"ACT"}},
	{Query: `"annual report" analytical`, Countries: []string{"MEX", "CHE", "LIE"}},
	{Query: "débats publics", Languages: []string{"fr"}},
	{Query: "否决权"},
	{Query: "council", From: 40},
	{Countries: []string{"BRA"}, Sessions: []SessionRange{{70, 79}}},
}

// BenchmarkQuery measures faceted, highlighted searches on a generated
// corpus (200,000 paragraphs by default; SCDEBATE_BENCH_QUERY sets it) and
// reports the latency percentiles.
func BenchmarkQuery(b *testing.B) {
	ws, docs := benchWorkspace(b, benchParagraphs("QUERY", 200000))
	st, err := Update(context.Background(), ws, Options{})
	if err != nil {
		b.Fatal(err)
	}
	ix, err := Open(ws)
	if err != nil {
		b.Fatal(err)
	}
	defer ix.Close()
	info, err := ix.Info()
	if err != nil {
		b.Fatal(err)
	}
	if want := countPassages(docs); info.Passages != want {
		b.Fatalf("index holds %d passages, want %d (%+v)", info.Passages, want, st)
	}
	for i := range benchQueries {
		benchQueries[i].Size, benchQueries[i].Facets, benchQueries[i].Highlight = 20, true, true
	}
	// Warm up: every query once.
	for i := range benchQueries {
		if _, err := ix.Search(context.Background(), &benchQueries[i]); err != nil {
			b.Fatal(err)
		}
	}
	latencies := make([]time.Duration, 0, b.N)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		start := time.Now()
		res, err := ix.Search(context.Background(), &benchQueries[i%len(benchQueries)])
		if err != nil {
			b.Fatal(err)
		}
		latencies = append(latencies, time.Since(start))
		if res.Total == 0 {
			b.Fatalf("query %+v found nothing", benchQueries[i%len(benchQueries)])
		}
	}
	b.StopTimer()
	slices.Sort(latencies)
	pct := func(p float64) float64 {
		return float64(latencies[int(p*float64(len(latencies)-1))].Microseconds()) / 1000
	}
	b.ReportMetric(pct(0.50), "p50-ms")
	b.ReportMetric(pct(0.95), "p95-ms")
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "queries/s")
	b.ReportMetric(float64(info.Passages), "paragraphs")
}
