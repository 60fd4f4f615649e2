package layout_test

import (
	"context"
	"io"
	"os/exec"
	"testing"

	"github.com/scdebate/scdebate/corpus/fixtures"
	"github.com/scdebate/scdebate/ingest/layout"
)

// BenchmarkExtract extracts every real fixture: in process, in a child
// process (what ingest does), and with poppler's pdftotext on the same
// files in the same run for comparison. Compare ns/page across the
// sub-benchmarks; the machine's load moves all of them.
func BenchmarkExtract(b *testing.B) {
	paths := fixtures.RealPDFs(b)
	pages := 0
	for _, p := range paths {
		doc, err := layout.ExtractInProcess(context.Background(), p, layout.Options{})
		if err != nil {
			b.Fatal(err)
		}
		pages += len(doc.Pages)
	}
	report := func(b *testing.B) {
		total := float64(pages * b.N)
		b.ReportMetric(total/b.Elapsed().Seconds(), "pages/s")
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/total, "ns/page")
	}
	b.Run("in-process", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			for _, p := range paths {
				if _, err := layout.ExtractInProcess(context.Background(), p, layout.Options{}); err != nil {
					b.Fatal(err)
				}
			}
		}
		report(b)
	})
	b.Run("isolated", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			for _, p := range paths {
				if _, err := layout.Extract(context.Background(), p, layout.Options{}); err != nil {
					b.Fatal(err)
				}
			}
		}
		report(b)
	})
	b.Run("pdftotext", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			for _, p := range paths {
				cmd := exec.Command("pdftotext", "-enc", "UTF-8", p, "-")
				cmd.Stdout = io.Discard
				if err := cmd.Run(); err != nil {
					b.Fatalf("pdftotext: %v", err)
				}
			}
		}
		report(b)
	})
}
