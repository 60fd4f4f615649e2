package reports

import (
	"context"
	"fmt"
	"io"
	"runtime"
	"runtime/metrics"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/scdebate/scdebate/corpus"
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
