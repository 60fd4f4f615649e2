package index

import (
	"context"
	"fmt"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/scdebate/scdebate/index/indextest"
)

// BenchmarkBuildGrowth rebuilds the index of a generated corpus at two
// sizes (SCDEBATE_BENCH_GROWTH sessions, "3,9" by default) in each
// iteration and reports the CPU time per thousand paragraphs at each size
// and the growth: how many times the CPU time grew for each time the
// corpus did (1 is linear). CPU time is the process's, bleve's background
// merging and persisting included.
func BenchmarkBuildGrowth(b *testing.B) {
	sizes := []int{3, 9}
	if v := os.Getenv("SCDEBATE_BENCH_GROWTH"); v != "" {
		sizes = sizes[:0]
		for _, f := range strings.Split(v, ",") {
			n, err := strconv.Atoi(strings.TrimSpace(f))
			if err != nil || n <= 0 {
				b.Fatalf("SCDEBATE_BENCH_GROWTH=%q: want two session counts", v)
			}
			sizes = append(sizes, n)
		}
		if len(sizes) != 2 {
			b.Fatalf("SCDEBATE_BENCH_GROWTH=%q: want two session counts", v)
		}
	}
	type size struct {
		sessions, paragraphs int
		cpu                  time.Duration
		build                func() *Stats
	}
	var runs []*size
	for _, n := range sizes {
		ws, docs := benchWorkspace(b, n)
		s := &size{sessions: n, paragraphs: countPassages(docs)}
		s.build = func() *Stats {
			st, err := Update(context.Background(), indextest.Lock(b, ws), Options{Rebuild: true})
			if err != nil {
				b.Fatal(err)
			}
			return st
		}
		runs = append(runs, s)
	}
	b.ReportAllocs()
	for b.Loop() {
		for _, s := range runs {
			start := processCPU()
			if st := s.build(); st.InIndex != s.paragraphs {
				b.Fatalf("indexed %d passages, want %d", st.InIndex, s.paragraphs)
			}
			s.cpu += processCPU() - start
		}
	}
	per := func(s *size) float64 { return s.cpu.Seconds() / float64(b.N) / float64(s.paragraphs) * 1000 }
	for _, s := range runs {
		b.ReportMetric(per(s), fmt.Sprintf("cpu-s/1k-paragraphs@%d", s.sessions))
	}
	small, large := runs[0], runs[1]
	b.ReportMetric(per(large)/per(small), "growth")
}
