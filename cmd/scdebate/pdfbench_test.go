package main

import (
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/scdebate/scdebate/corpus/fixtures"
)

// BenchmarkPDFCommands runs what a user runs on PDFs — `scdebate parse
// FILE` on each real record, `scdebate ingest` of a batch of copies of them
// (SCDEBATE_BENCH_COPIES each, 10 by default) — beside pdftotext on the
// same files in the same iteration, and reports the CPU time (user +
// system, the binary's extraction workers included) of both and its ratio.
// CPU time, not wall time, is compared: the machine is shared, and
// ingest's workers run side by side where pdftotext runs one file at a
// time.
func BenchmarkPDFCommands(b *testing.B) {
	bin := scdebateBinary(b)
	pdftotext := fixtures.Tool(b, "poppler-utils", "pdftotext")
	files := fixtures.RealPDFs(b)
	copies := 10
	if n, err := strconv.Atoi(os.Getenv("SCDEBATE_BENCH_COPIES")); err == nil && n > 0 {
		copies = n
	}
	batch := b.TempDir()
	var batchFiles []string
	for c := range copies {
		dir := filepath.Join(batch, strconv.Itoa(c))
		if err := os.MkdirAll(dir, 0o755); err != nil {
			b.Fatal(err)
		}
		for _, f := range files {
			data, err := os.ReadFile(f)
			if err != nil {
				b.Fatal(err)
			}
			dst := filepath.Join(dir, filepath.Base(f))
			if err := os.WriteFile(dst, data, 0o644); err != nil {
				b.Fatal(err)
			}
			batchFiles = append(batchFiles, dst)
		}
	}
	poppler := func(b *testing.B, paths []string) time.Duration {
		var cpu time.Duration
		for _, p := range paths {
			cpu += cpuOf(b, exec.Command(pdftotext, "-enc", "UTF-8", p, "-"))
		}
		return cpu
	}
	report := func(b *testing.B, ours, theirs time.Duration, docs int) {
		b.ReportMetric(ours.Seconds()/float64(b.N), "cpu-s/op")
		b.ReportMetric(theirs.Seconds()/float64(b.N), "pdftotext-cpu-s/op")
		b.ReportMetric(ours.Seconds()/theirs.Seconds(), "cpu-ratio")
		b.ReportMetric(float64(docs*b.N)/ours.Seconds(), "docs/cpu-s")
	}
	b.Run(fmt.Sprintf("parse/%d-files", len(files)), func(b *testing.B) {
		b.ReportAllocs()
		var ours, theirs time.Duration
		for b.Loop() {
			for _, f := range files {
				ours += cpuOf(b, exec.Command(bin, "parse", f))
			}
			theirs += poppler(b, files)
		}
		report(b, ours, theirs, len(files))
	})
	b.Run(fmt.Sprintf("ingest/%d-files", len(batchFiles)), func(b *testing.B) {
		b.ReportAllocs()
		var ours, theirs time.Duration
		for b.Loop() {
			ws := filepath.Join(b.TempDir(), "ws")
			ours += cpuOf(b, exec.Command(bin, "ingest", "--workspace", ws, batch))
			theirs += poppler(b, batchFiles)
		}
		report(b, ours, theirs, len(batchFiles))
	})
}

// cpuOf runs a command to its end and returns its CPU time, user and
// system, with that of the children it waited for.
func cpuOf(b *testing.B, cmd *exec.Cmd) time.Duration {
	b.Helper()
	var stderr strings.Builder
	cmd.Stdout, cmd.Stderr = io.Discard, &stderr
	if err := cmd.Run(); err != nil {
		b.Fatalf("%s: %v\n%s", cmd, err, stderr.String())
	}
	return cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()
}
