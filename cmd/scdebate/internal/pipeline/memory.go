package pipeline

// The collector's settings while a stage runs. They are the process's, so
// they are set here and in the command alone, never by a stage's package:
// the commands that run one of these stages by itself set them too.

import (
	"math"
	"os"
	"runtime/debug"
)

// reportMemoryLimit is the soft limit on the Go heap while a workbook is
// written. The writer's live data stays near 100 MB whatever the corpus
// (rows go to disk as they are written); without a limit the collector
// lets the heap grow to twice that between collections. A GOMEMLIMIT set
// by the user is kept.
const reportMemoryLimit = 160 << 20

// LimitReportMemory sets reportMemoryLimit unless the user set a limit,
// and returns the function that puts the previous one back.
func LimitReportMemory() (restore func()) {
	prev := debug.SetMemoryLimit(-1)
	if prev != math.MaxInt64 {
		return func() {}
	}
	debug.SetMemoryLimit(reportMemoryLimit)
	return func() { debug.SetMemoryLimit(prev) }
}

// parseGCPercent is the collector's setting while PDFs and texts are
// parsed: the parser's garbage is short-lived and its live data small (a
// document at a time per worker), so collecting a third as often costs a
// few megabytes and saves some 4 % of a batch's CPU. A GOGC set by the
// user is kept.
const parseGCPercent = 300

// CollectLessWhileParsing sets parseGCPercent unless GOGC is set, and
// returns the function that puts the previous setting back.
func CollectLessWhileParsing() (restore func()) {
	if os.Getenv("GOGC") != "" {
		return func() {}
	}
	prev := debug.SetGCPercent(parseGCPercent)
	return func() { debug.SetGCPercent(prev) }
}
