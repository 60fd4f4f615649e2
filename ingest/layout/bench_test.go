package layout_test

import (
	"context"
	"io"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/scdebate/scdebate/corpus/fixtures"
	"github.com/scdebate/scdebate/ingest/layout"
)

// BenchmarkExtract extracts each real fixture in process, in a worker of a
// pool kept from one iteration to the next (what ingest does), in a worker
// started for the document (what parse does), and with poppler's pdftotext
// on the same file in the same run, for comparison. Compare ns/page between the
// sub-benchmarks of one run: the machine's load moves all of them.
func BenchmarkExtract(b *testing.B) {
	for _, path := range fixtures.RealPDFs(b) {
		doc, err := layout.ExtractInProcess(context.Background(), path, layout.Options{})
		if err != nil {
			b.Fatal(err)
		}
		pages := len(doc.Pages)
		report := func(b *testing.B) {
			total := float64(pages * b.N)
			b.ReportMetric(total/b.Elapsed().Seconds(), "pages/s")
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/total, "ns/page")
		}
		b.Run(filepath.Base(path), func(b *testing.B) {
			b.Run("in-process", func(b *testing.B) {
				b.ReportAllocs()
				for b.Loop() {
					if _, err := layout.ExtractInProcess(context.Background(), path, layout.Options{}); err != nil {
						b.Fatal(err)
					}
				}
				report(b)
			})
			b.Run("pool", func(b *testing.B) {
				pool := &layout.Pool{}
				defer pool.Close()
				b.ReportAllocs()
				for b.Loop() {
					if _, err := pool.Extract(context.Background(), path); err != nil {
						b.Fatal(err)
					}
				}
				report(b)
			})
			b.Run("isolated", func(b *testing.B) {
				b.ReportAllocs()
				for b.Loop() {
					if _, err := layout.Extract(context.Background(), path, layout.Options{}); err != nil {
						b.Fatal(err)
					}
				}
				report(b)
			})
			b.Run("pdftotext", func(b *testing.B) {
				b.ReportAllocs()
				for b.Loop() {
					cmd := exec.Command(fixtures.Tool(b, "poppler-utils", "pdftotext"), "-enc", "UTF-8", path, "-")
					cmd.Stdout = io.Discard
					if err := cmd.Run(); err != nil {
						b.Fatalf("pdftotext: %v", err)
					}
				}
				report(b)
			})
		})
	}
}
