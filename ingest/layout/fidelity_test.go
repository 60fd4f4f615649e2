package layout_test

import (
	"context"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/scdebate/scdebate/corpus/fixtures"
	"github.com/scdebate/scdebate/ingest/layout"
)

// The floors this extractor reaches on every real fixture, measured
// against poppler's pdftotext (a reference for the tests only).
const (
	minPrecision = 0.999 // share of our words found in pdftotext's text
	minRecall    = 0.997 // share of pdftotext's words found in ours
	// share of pdftotext's adjacent word pairs adjacent in ours; the rest
	// are mostly pairs across a running head or footnote, which we remove
	minPairs = 0.98
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
	// pairs of pdftotext's adjacent words, and how many of them are
	// adjacent in ours too: word order, which the counts above ignore.
	pairs, keptPairs int
	lostPairs        []string
}

func measure(doc *layout.Document, ref string) fidelity {
	var body, furniture []layout.Line
	for _, p := range doc.Pages {
		body = append(body, p.Lines...)
		furniture = append(furniture, p.Furniture...)
	}
	ours := tokens(documentText(body))
	theirs := joinSplits(tokens(ref), countWords(ours))
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
	f.pairs, f.keptPairs, f.lostPairs = keptPairs(theirs, ours, tokens(documentText(furniture)))
	return f
}

func countWords(words []string) map[string]int {
	n := make(map[string]int, len(words))
	for _, w := range words {
		n[w]++
	}
	return n
}

// joinSplits joins two adjacent words of pdftotext's text that ours has as
// one word, when ours lacks one of the pieces as a word: pdftotext splits
// a word where its producer places the rest of it anew without drawing a
// space (A/79/PV.29 reads "duri ng", "conflict -affected" there), which
// the extractor reads as one word.
func joinSplits(ref []string, ours map[string]int) []string {
	out := make([]string, 0, len(ref))
	for i := 0; i < len(ref); i++ {
		if i+1 < len(ref) {
			if w, ok := splitWord(ref[i], ref[i+1], ours); ok {
				out = append(out, w)
				i++
				continue
			}
		}
		out = append(out, ref[i])
	}
	return out
}

func splitWord(a, b string, ours map[string]int) (string, bool) {
	if ours[a] > 0 && ours[b] > 0 {
		return "", false
	}
	for _, w := range []string{a + b, a + "-" + strings.TrimPrefix(b, "-")} {
		if ours[w] > 0 {
			return w, true
		}
	}
	return "", false
}

type wordPair struct{ a, b string }

// keptPairs counts the adjacent pairs of ref that are adjacent in ours or
// in the removed furniture, each pair used once. A run of three or more
// single letters in ref (pdftotext's rendering of a letter-spaced line,
// "K i n g d o m") forms no pairs.
func keptPairs(ref, ours, furniture []string) (pairs, kept int, lost []string) {
	have := map[wordPair]int{}
	for _, ws := range [][]string{ours, furniture} {
		for i := 1; i < len(ws); i++ {
			have[wordPair{ws[i-1], ws[i]}]++
		}
	}
	single := func(i int) bool { return i >= 0 && i < len(ref) && utf8.RuneCountInString(ref[i]) == 1 }
	spaced := func(i int) bool {
		return single(i) && (single(i-1) && single(i-2) || single(i-1) && single(i+1) || single(i+1) && single(i+2))
	}
	for i := 1; i < len(ref); i++ {
		if spaced(i-1) || spaced(i) {
			continue
		}
		pairs++
		if p := (wordPair{ref[i-1], ref[i]}); have[p] > 0 {
			have[p]--
			kept++
		} else if len(lost) < 40 {
			lost = append(lost, p.a+" "+p.b)
		}
	}
	return pairs, kept, lost
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
			order := float64(f.keptPairs) / float64(max(1, f.pairs))
			t.Logf("words %d, precision %.4f; pdftotext words %d (less removed furniture), recall %.4f; word pairs kept %d of %d (%.4f); glued %d, letter splits %d",
				f.words, f.precision, f.refWords, f.recall, f.keptPairs, f.pairs, order, f.glued, f.letterSplits)
			if f.precision < minPrecision {
				t.Errorf("precision %.4f < %.2f; words not in pdftotext's text: %s", f.precision, minPrecision, sample(f.extra))
			}
			if f.recall < minRecall {
				t.Errorf("recall %.4f < %.2f; pdftotext's words missing: %s", f.recall, minRecall, sample(f.missing))
			}
			if order < minPairs {
				t.Errorf("word order: %.4f of pdftotext's word pairs kept < %.2f; lost e.g. %s", order, minPairs, sample(f.lostPairs))
			}
			if f.glued > 0 || f.letterSplits > 0 {
				t.Errorf("%d glued tokens, %d letter-by-letter runs", f.glued, f.letterSplits)
			}
			if testing.Verbose() {
				t.Logf("extra: %s", sample(f.extra))
				t.Logf("missing: %s", sample(f.missing))
				t.Logf("pairs lost: %s", sample(f.lostPairs))
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
