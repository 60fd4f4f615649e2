package layout_test

import (
	"context"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"github.com/scdebate/scdebate/corpus/fixtures"
	"github.com/scdebate/scdebate/ingest/layout"
)

// The floors this extractor reaches on every real fixture, measured
// against poppler's pdftotext (a reference for the tests only).
const (
	minPrecision = 0.999 // share of our words found in pdftotext's text
	minRecall    = 0.997 // share of pdftotext's words found in ours
)

// pdftotext returns poppler's text of a PDF, in its reading order.
func pdftotext(t testing.TB, path string) string {
	t.Helper()
	out, err := exec.Command(fixtures.Tool(t, "poppler-utils", "pdftotext"), "-enc", "UTF-8", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext %s: %v (install poppler-utils)", path, err)
	}
	return string(out)
}

// tokens splits text into comparable words: NFKC, surrounding punctuation
// trimmed, punctuation-only tokens (dot leaders, dashes) dropped.
func tokens(text string) []string {
	var out []string
	for _, f := range strings.Fields(norm.NFKC.String(text)) {
		f = strings.TrimFunc(f, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
		if f != "" {
			out = append(out, f)
		}
	}
	return out
}

// documentText renders lines in reading order, joining words split by a
// hyphen at a line end the way pdftotext does, so both texts spell them
// alike.
func documentText(lines []layout.Line) string {
	var b strings.Builder
	for i, l := range lines {
		text := l.Text
		if i+1 < len(lines) && hyphenated(text) {
			b.WriteString(strings.TrimSuffix(text, "-"))
			continue
		}
		b.WriteString(text)
		b.WriteByte('\n')
	}
	return b.String()
}

func hyphenated(s string) bool {
	r := []rune(s)
	return len(r) >= 2 && r[len(r)-1] == '-' && unicode.IsLetter(r[len(r)-2])
}

type fidelity struct {
	words, refWords     int
	precision, recall   float64
	glued, letterSplits int
	missing, extra      []string
}

func measure(doc *layout.Document, ref string) fidelity {
	var body, furniture []layout.Line
	for _, p := range doc.Pages {
		body = append(body, p.Lines...)
		furniture = append(furniture, p.Furniture...)
	}
	ours := tokens(documentText(body))
	theirs := tokens(ref)
	// Words we removed on purpose (running heads, notice) are not missing.
	removed := map[string]int{}
	for _, w := range tokens(documentText(furniture)) {
		removed[w]++
	}
	refCount := map[string]int{}
	for _, w := range theirs {
		refCount[w]++
	}
	var f fidelity
	f.words = len(ours)
	found := 0
	ourCount := map[string]int{}
	for _, w := range ours {
		ourCount[w]++
		if refCount[w] > 0 {
			refCount[w]--
			found++
		} else {
			f.extra = append(f.extra, w)
		}
		if len([]rune(w)) > 25 {
			f.glued++
		}
	}
	f.precision = float64(found) / float64(max(1, len(ours)))
	refFound, refTotal := 0, 0
	for _, w := range theirs {
		if removed[w] > 0 {
			removed[w]--
			continue
		}
		refTotal++
		if ourCount[w] > 0 {
			ourCount[w]--
			refFound++
		} else {
			f.missing = append(f.missing, w)
		}
	}
	f.refWords = refTotal
	f.recall = float64(refFound) / float64(max(1, refTotal))
	for _, l := range body {
		f.letterSplits += letterSplits(l.Text)
	}
	return f
}

// letterSplits counts runs of three or more single letters ("t h e").
func letterSplits(text string) int {
	runs, n := 0, 0
	for _, w := range strings.Fields(text) {
		r := []rune(w)
		if len(r) == 1 && unicode.IsLetter(r[0]) {
			n++
			if n == 3 {
				runs++
			}
			continue
		}
		n = 0
	}
	return runs
}

func TestFidelityAgainstPdftotext(t *testing.T) {
	for _, path := range fixtures.RealPDFs(t) {
		t.Run(filepath.Base(path), func(t *testing.T) {
			doc, err := layout.ExtractInProcess(context.Background(), path, layout.Options{})
			if err != nil {
				t.Fatal(err)
			}
			f := measure(doc, pdftotext(t, path))
			t.Logf("words %d, precision %.4f; pdftotext words %d (less removed furniture), recall %.4f; glued %d, letter splits %d",
				f.words, f.precision, f.refWords, f.recall, f.glued, f.letterSplits)
			if f.precision < minPrecision {
				t.Errorf("precision %.4f < %.2f; words not in pdftotext's text: %s", f.precision, minPrecision, sample(f.extra))
			}
			if f.recall < minRecall {
				t.Errorf("recall %.4f < %.2f; pdftotext's words missing: %s", f.recall, minRecall, sample(f.missing))
			}
			if f.glued > 0 || f.letterSplits > 0 {
				t.Errorf("%d glued tokens, %d letter-by-letter runs", f.glued, f.letterSplits)
			}
			if testing.Verbose() {
				t.Logf("extra: %s", sample(f.extra))
				t.Logf("missing: %s", sample(f.missing))
			}
		})
	}
}

func sample(words []string) string {
	if len(words) > 40 {
		words = words[:40]
	}
	return strings.Join(words, " | ")
}
