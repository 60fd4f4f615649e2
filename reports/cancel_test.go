package reports

import (
	"bytes"
	"context"
	"errors"
	"io"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/scdebate/scdebate/corpus"
)

// hugeWorkspace is a generated session of three meetings whose second
// record holds a paragraph of 8 MB in one line, as a record from elsewhere
// may hold it; it returns the workspace and that record's header.
func hugeWorkspace(t testing.TB) (*corpus.Workspace, *corpus.Header) {
	t.Helper()
	cfg := genConfig{Seed: 5, FirstSession: 79, Sessions: 1, Meetings: 3, Speeches: 4, Paragraphs: 3}
	ws := genWorkspace(t, cfg)
	rec, _ := genDocument(cfg, 79, 2, "en")
	sp := &rec.Speeches[len(rec.Speeches)-1]
	const sentence = "The Council must be accountable to the membership. "
	sp.Paragraphs[0].Text = strings.Repeat(sentence, 8<<20/len(sentence))
	path, err := ws.Records().Put(rec)
	if err != nil {
		t.Fatal(err)
	}
	h, err := corpus.ReadHeader(path)
	if err != nil {
		t.Fatal(err)
	}
	return ws, h
}

// readingRecords tells whether a goroutine of a report is still reading a
// document.
func readingRecords() bool {
	buf := make([]byte, 1<<20)
	for {
		n := runtime.Stack(buf, true)
		if n < len(buf) {
			return bytes.Contains(buf[:n], []byte("reports.loadDocument("))
		}
		buf = make([]byte, 2*len(buf))
	}
}

// TestWorkbookStopsWhenCancelled cancels a workbook once its first
// document is written, while the one after it, of 8 MB, is read ahead: the
// workbook fails with the context's error, writes nothing, and no record
// is still being read when it returns.
func TestWorkbookStopsWhenCancelled(t *testing.T) {
	ws, _ := hugeWorkspace(t)
	ctx, cancel := context.WithCancel(t.Context())
	defer cancel()
	opts := Options{OnError: corpus.StopOnError, OnProgress: func(p corpus.Progress) {
		if p.Done == 1 {
			cancel()
		}
	}}
	var out bytes.Buffer
	err := WriteWorkbook(ctx, &out, ws, opts)
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("error %v, want context.Canceled", err)
	}
	if out.Len() > 0 {
		t.Errorf("%d bytes of workbook written after the cancel", out.Len())
	}
	if readingRecords() {
		t.Error("a record is still being read after the workbook returned")
	}
}

// TestDocumentsStopReading stops taking documents after the first: the
// iteration ends with the reading ahead of the next, of 8 MB, stopped.
func TestDocumentsStopReading(t *testing.T) {
	ws, huge := hugeWorkspace(t)
	var opts Options
	sel, err := selectWorkspace(t.Context(), ws, &opts)
	if err != nil {
		t.Fatal(err)
	}
	for doc, err := range sel.documents(t.Context(), ws, &opts) {
		if err != nil || doc.Record.Symbol == huge.Symbol {
			t.Fatalf("first document %v, %v; want the one before %s", doc, err, huge.Symbol)
		}
		break
	}
	if readingRecords() {
		t.Error("a record is still being read after the iteration ended")
	}
}

// TestLoadDocumentCancelled reads the 8 MB record under a context already
// done: it is not decoded.
func TestLoadDocumentCancelled(t *testing.T) {
	ws, huge := hugeWorkspace(t)
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	doc, err := loadDocument(ctx, ws, selected{h: huge}, testTaxonomy().Hash())
	if !errors.Is(err, context.Canceled) || doc != nil {
		t.Fatalf("document %v, error %v; want context.Canceled", doc != nil, err)
	}
}

// BenchmarkWorkbookStop writes the workbook of hugeWorkspace whole, then
// again and again cancelled at forty points spread over that time, and
// reports the longest time from a cancel to the workbook returning
// (stop-ms) beside the time of the whole workbook (workbook-ms).
func BenchmarkWorkbookStop(b *testing.B) {
	ws, _ := hugeWorkspace(b)
	b.ReportAllocs()
	var whole, stop time.Duration
	for b.Loop() {
		start := time.Now()
		if err := WriteWorkbook(b.Context(), io.Discard, ws, Options{}); err != nil {
			b.Fatal(err)
		}
		whole = time.Since(start)
		for k := range 40 {
			ctx, cancel := context.WithCancel(b.Context())
			cancelled := make(chan time.Time, 1)
			timer := time.AfterFunc(whole*time.Duration(k)/40, func() {
				cancelled <- time.Now()
				cancel()
			})
			err := WriteWorkbook(ctx, io.Discard, ws, Options{})
			end := time.Now()
			timer.Stop()
			cancel()
			select {
			case at := <-cancelled:
				stop = max(stop, end.Sub(at))
			default: // the workbook was done first
				if err != nil {
					b.Fatal(err)
				}
			}
		}
	}
	b.ReportMetric(float64(whole.Milliseconds()), "workbook-ms")
	b.ReportMetric(float64(stop.Microseconds())/1000, "stop-ms")
}
