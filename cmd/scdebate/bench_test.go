package main

import (
	"io"
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"github.com/scdebate/scdebate/corpus"
	"github.com/scdebate/scdebate/corpus/sample"
)

// BenchmarkRun measures the whole pipeline in process: on the embedded
// sample and on a generated corpus (SCDEBATE_BENCH_RUN sessions of 6
// meetings of 200 speeches, 1 by default), each from a new workspace
// ("first") and again with nothing new ("unchanged"). The figures of
// BENCHMARKS.md for the large corpus come from the binary under
// /usr/bin/time instead, which also gives the peak memory.
func BenchmarkRun(b *testing.B) {
	sessions := 1
	if n, err := strconv.Atoi(os.Getenv("SCDEBATE_BENCH_RUN")); err == nil && n > 0 {
		sessions = n
	}
	generated := func(b *testing.B) string {
		base, err := sample.Records()
		if err != nil {
			b.Fatal(err)
		}
		recs, err := sample.Generate(1, base, sample.Options{Sessions: sessions})
		if err != nil {
			b.Fatal(err)
		}
		dir := filepath.Join(b.TempDir(), "generated")
		ws, err := corpus.OpenWorkspace(dir)
		if err != nil {
			b.Fatal(err)
		}
		for rec := range recs {
			if _, err := ws.Records().Put(rec); err != nil {
				b.Fatal(err)
			}
		}
		return dir
	}
	for _, input := range []struct {
		name string
		// workspace returns a workspace the pipeline has not run on.
		workspace func(b *testing.B) string
	}{
		{"sample", func(b *testing.B) string { return filepath.Join(b.TempDir(), "sample") }},
		{"generated-" + strconv.Itoa(sessions), generated},
	} {
		b.Run(input.name+"/first", func(b *testing.B) {
			b.ReportAllocs()
			var paragraphs int
			var elapsed time.Duration
			for b.Loop() {
				b.StopTimer()
				dir := input.workspace(b)
				b.StartTimer()
				start := time.Now()
				sum, err := runPipeline(b.Context(), testRunConfig(dir), newProgress(io.Discard))
				if err != nil {
					b.Fatal(err)
				}
				elapsed += time.Since(start)
				paragraphs += sum.Index.InIndex
			}
			b.ReportMetric(float64(paragraphs)/elapsed.Seconds(), "paragraphs/s")
		})
		b.Run(input.name+"/unchanged", func(b *testing.B) {
			dir := input.workspace(b)
			if _, err := runPipeline(b.Context(), testRunConfig(dir), newProgress(io.Discard)); err != nil {
				b.Fatal(err)
			}
			b.ReportAllocs()
			paragraphs := 0
			for b.Loop() {
				sum, err := runPipeline(b.Context(), testRunConfig(dir), newProgress(io.Discard))
				if err != nil {
					b.Fatal(err)
				}
				if sum.Analysis.Written+sum.Index.Written > 0 || sum.WorkbookWritten {
					b.Fatalf("a run with nothing new redid work: %+v", sum)
				}
				paragraphs += sum.Index.InIndex
			}
			b.ReportMetric(float64(paragraphs)/b.Elapsed().Seconds(), "paragraphs/s")
		})
	}
}
