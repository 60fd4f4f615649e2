package reports

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime"
	"runtime/metrics"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/scdebate/scdebate/analysis"
	"github.com/scdebate/scdebate/corpus"
	"github.com/scdebate/scdebate/index/indextest"
	"github.com/xuri/excelize/v2"
)

// benchCorpus is the large generated corpus of the benchmarks: 30 sessions
// of 200 statements each, about 46 paragraphs a statement, three quarters
// of them coded — over 200,000 comment rows.
func benchCorpus(sessions int) genConfig {
	return genConfig{Seed: 42, FirstSession: 50, Sessions: sessions, Meetings: 4, Speeches: 51, Paragraphs: 46}
}

// BenchmarkWorkbook writes the follow-up workbook of the generated corpus
// at two sizes, beside two baselines: generating the documents alone (its
// cost is in every other figure) and excelize's bare stream writer writing
// the same comment rows (no other sheet, no logic). Documents are
// generated as they are consumed, as the workspace reader loads them one
// at a time, so the memory figures are the writer's.
func BenchmarkWorkbook(b *testing.B) {
	for _, sessions := range []int{15, 30} {
		cfg := benchCorpus(sessions)
		rows := 0
		for doc := range genDocuments(cfg) {
			rows += len(expect([]*Document{doc}, Options{}).comments)
		}
		b.Run(fmt.Sprintf("followup/sessions=%d", sessions), func(b *testing.B) {
			benchWrite(b, rows, func() error {
				return WriteWorkbookFrom(context.Background(), io.Discard, genDocuments(cfg), Options{Taxonomy: testTaxonomy()})
			})
		})
		b.Run(fmt.Sprintf("generate-only/sessions=%d", sessions), func(b *testing.B) {
			benchWrite(b, rows, func() error {
				for range genDocuments(cfg) {
				}
				return nil
			})
		})
		b.Run(fmt.Sprintf("bare-excelize-stream/sessions=%d", sessions), func(b *testing.B) {
			benchWrite(b, rows, func() error { return bareStream(cfg) })
		})
		b.Run(fmt.Sprintf("csv/sessions=%d", sessions), func(b *testing.B) {
			benchWrite(b, rows, func() error {
				return WriteCSVFrom(context.Background(), io.Discard, genDocuments(cfg), Options{})
			})
		})
	}
}

// benchWrite runs write b.N times and reports rows/s, the CPU time, the
// peak of the heap during the runs and the process's peak resident set.
func benchWrite(b *testing.B, rows int, write func() error) {
	b.ReportAllocs()
	runtime.GC()
	peak := watchHeap()
	cpu0 := cpuTime()
	start := time.Now()
	for b.Loop() {
		if err := write(); err != nil {
			b.Fatal(err)
		}
	}
	elapsed := time.Since(start)
	// CPU seconds tell more than wall time on a machine shared with other
	// work; both are reported.
	b.ReportMetric((cpuTime()-cpu0).Seconds()/float64(b.N), "cpu-s/op")
	b.ReportMetric(float64(rows), "rows")
	b.ReportMetric(float64(rows)*float64(b.N)/elapsed.Seconds(), "rows/s")
	b.ReportMetric(float64(peak())/(1<<20), "peak-heap-MB")
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) == nil {
		b.ReportMetric(float64(ru.Maxrss)/1024, "maxrss-MB")
	}
}

// cpuTime is the user and system time the process has used.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// watchHeap samples the heap every few milliseconds until the returned
// function is called, which gives the highest figure seen: heap objects,
// live or not yet collected, which is what the process has to hold.
func watchHeap() func() uint64 {
	sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	var mu sync.Mutex
	var peak uint64
	done := make(chan struct{})
	stopped := make(chan struct{})
	go func() {
		defer close(stopped)
		t := time.NewTicker(5 * time.Millisecond)
		defer t.Stop()
		for {
			metrics.Read(sample)
			mu.Lock()
			peak = max(peak, sample[0].Value.Uint64())
			mu.Unlock()
			select {
			case <-done:
				return
			case <-t.C:
			}
		}
	}()
	return func() uint64 {
		close(done)
		<-stopped
		mu.Lock()
		defer mu.Unlock()
		return peak
	}
}

// bareStream writes the comment rows of cfg with excelize's stream writer
// and nothing else, saved the library's own way: the floor the workbook
// writer is measured against.
func bareStream(cfg genConfig) error {
	f := excelize.NewFile()
	defer f.Close()
	sw, err := f.NewStreamWriter("Sheet1")
	if err != nil {
		return err
	}
	row := 1
	cells := make([]interface{}, len(CommentColumns))
	for doc := range genDocuments(cfg) {
		rec := doc.Record
		for i, sp := range rec.Speeches {
			sa := doc.Annotation.Speeches[i]
			for j, p := range sp.Paragraphs {
				if len(sa.Paragraphs[j].Themes) == 0 {
					continue
				}
				row++
				cells = append(cells[:0], *rec.Session, rec.Date, rec.Symbol, *rec.Meeting, p.Page, p.N,
					sp.Delegation, sp.CountryCode, sp.Speaker, "", sa.Paragraphs[j].Themes[0], "no", p.Text,
					corpus.OfficialLink(rec.Symbol, rec.Language))
				cell, _ := excelize.CoordinatesToCellName(1, row)
				if err := sw.SetRow(cell, cells); err != nil {
					return err
				}
			}
		}
	}
	if err := sw.Flush(); err != nil {
		return err
	}
	return f.Write(io.Discard)
}

// BenchmarkWorkbookWorkspace writes the follow-up workbook from a
// workspace on disk — record and annotation JSON read and decoded one
// document at a time — which is what `scdebate report` does.
func BenchmarkWorkbookWorkspace(b *testing.B) {
	cfg := benchCorpus(30)
	ws := genWorkspace(b, cfg)
	rows := 0
	for doc := range genDocuments(cfg) {
		rows += len(expect([]*Document{doc}, Options{}).comments)
	}
	runtime.GC()
	b.Run("followup/sessions=30", func(b *testing.B) {
		benchWrite(b, rows, func() error {
			return WriteWorkbook(context.Background(), io.Discard, ws, Options{Taxonomy: testTaxonomy()})
		})
	})
}

// BenchmarkImportReviews imports the reviews typed into 10,000 rows of a
// workbook of a generated workspace (two sessions, about 14,000 comments
// in 8 records): reading the workbook, checking every row against its
// record and the taxonomy, saving the reviews and re-applying them to the
// annotations of the records touched. Each run starts without reviews.
func BenchmarkImportReviews(b *testing.B) {
	const reviewed = 10000
	ws := genWorkspace(b, genConfig{Seed: 42, FirstSession: 78, Sessions: 2, Meetings: 4, Speeches: 51, Paragraphs: 46})
	path := writeWorkbookFile(b, ws, Options{Taxonomy: testTaxonomy(), GeneratedAt: time.Now().Add(-time.Minute)})
	rows := commentRows(b, path)
	if len(rows) < reviewed {
		b.Fatalf("%d comments, want at least %d", len(rows), reviewed)
	}
	want := map[string]string{}
	for i, r := range rows[:reviewed] {
		switch i % 3 {
		case 0:
			want[r[ColumnPassage]] = "+" + themeNotIn(r["Themes"])
		case 1:
			want[r[ColumnPassage]] = "none"
		default:
			want[r[ColumnPassage]] = "-" + strings.Split(r["Themes"], "; ")[0] + " +" + themeNotIn(r["Themes"])
		}
	}
	editWorkbook(b, path, func(f *excelize.File) { setReviews(b, f, want) })
	b.ReportAllocs()
	cpu0 := cpuTime()
	start := time.Now()
	for b.Loop() {
		b.StopTimer()
		if err := os.Remove(analysis.ReviewsFile(ws)); err != nil && !errors.Is(err, os.ErrNotExist) {
			b.Fatal(err)
		}
		b.StartTimer()
		out, err := ImportReviews(context.Background(), indextest.Lock(b, ws), path, ImportOptions{Taxonomy: testTaxonomy()})
		if err != nil || len(out.Changed) != reviewed {
			b.Fatalf("%d changed, %d skipped (%v), %v", len(out.Changed), len(out.Skipped), out.Skipped[:min(3, len(out.Skipped))], err)
		}
	}
	elapsed := time.Since(start)
	b.ReportMetric((cpuTime()-cpu0).Seconds()/float64(b.N), "cpu-s/op")
	b.ReportMetric(float64(reviewed)*float64(b.N)/elapsed.Seconds(), "rows/s")
}
