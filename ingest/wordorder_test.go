package ingest

import (
	"bytes"
	"context"
	"math"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/language"
	"golang.org/x/text/language/display"

	"github.com/scdebate/scdebate/corpus"
	"github.com/scdebate/scdebate/corpus/fixtures"
)

// Word order against pdftotext: a bag of words cannot tell a page read
// across its gutter from one read column by column, adjacent word pairs
// can. The share of pdftotext's pairs that a record keeps next to each
// other is held against the share that pdftotext's own text, parsed by
// the text path into a pseudo-record, keeps: both lose the pairs between
// speech text and the structure around it (speaker lines, headings, vote
// lists), and the running heads they drop.
const (
	minOrderRatio     = 0.99 // of the whole record
	minPageOrderRatio = 0.97 // of its worst page
	minPagePairs      = 40   // pages with fewer pairs are not judged alone
)

// wordPair is two consecutive words.
type wordPair struct{ a, b string }

// orderWords splits text into the words that wordBag counts, in order.
func orderWords(text string) []string {
	r := strings.NewReplacer("-", "", "‐", "", "’", "", "'", "")
	ws := fidelityWordRe.FindAllString(text, -1)
	for i, w := range ws {
		ws[i] = strings.ToLower(r.Replace(w))
	}
	return ws
}

// pairCounts counts the adjacent pairs of a record's text: its speech
// paragraphs read one after another, and each piece of structure (a
// speaker's name, a stage direction, a vote list, an agenda title) on its
// own, so that a vote list the text path leaves in a speech and the PDF
// path reads as a vote counts alike. A record holds a heading repeated
// in the document once, so a structure pair may be used any number of
// times.
func pairCounts(rec *corpus.Record) map[wordPair]int {
	out := map[wordPair]int{}
	var speech []string
	for _, t := range speechTexts(rec) {
		speech = append(speech, orderWords(t)...)
	}
	for i := 1; i < len(speech); i++ {
		out[wordPair{speech[i-1], speech[i]}]++
	}
	var parts []string
	for _, s := range rec.Speeches {
		// The speaker line as an English record prints it.
		line := s.Speaker + " " + s.Delegation + " " + s.Capacity
		if s.SpokeIn != "" {
			line += " spoke in " + display.English.Languages().Name(language.Make(s.SpokeIn))
		}
		parts = append(parts, line)
	}
	for _, e := range rec.Events {
		parts = append(parts, e.Text)
	}
	for _, v := range rec.Votes {
		parts = append(parts, v.Result, strings.Join(v.InFavour, " "), strings.Join(v.Against, " "), strings.Join(v.Abstaining, " "))
	}
	// The items of a heading are printed one after another: their titles
	// and sub-items read as one text.
	var agenda []string
	for _, a := range rec.AgendaItems {
		agenda = append(agenda, a.Title)
		agenda = append(agenda, a.Subitems...)
	}
	parts = append(parts, strings.Join(agenda, " "))
	for _, p := range parts {
		ws := orderWords(p)
		for i := 1; i < len(ws); i++ {
			out[wordPair{ws[i-1], ws[i]}] = math.MaxInt32
		}
	}
	return out
}

// referenceWords are the words of a page of pdftotext's text, a run of
// three or more single letters (its rendering of a letter-spaced line,
// "K i n g d o m") left out as a break: no pair is formed across it.
func referenceWords(page string) [][]string {
	ws := orderWords(page)
	var out [][]string
	start, i := 0, 0
	for i < len(ws) {
		j := i
		for j < len(ws) && utf8.RuneCountInString(ws[j]) == 1 {
			j++
		}
		if j-i >= 3 {
			out = append(out, ws[start:i])
			start = j
		}
		i = max(j, i+1)
	}
	return append(out, ws[start:])
}

// wordOrder is how many of the reference's pairs a record keeps, page by
// page of the reference.
type wordOrder struct {
	pairs, kept []int
	lost        [][]wordPair // by page
}

// keptPairs counts the pairs of each page of ref (pdftotext's text, pages
// separated by form feeds) that the record keeps, each pair of the record
// used once.
func keptPairs(ref []byte, rec *corpus.Record) wordOrder {
	have := pairCounts(rec)
	var o wordOrder
	last := ""
	for _, page := range bytes.Split(ref, []byte("\f")) {
		pairs, kept := 0, 0
		var lost []wordPair
		for k, run := range referenceWords(string(page)) {
			if k > 0 {
				last = ""
			}
			for _, w := range run {
				// A pair across a page break counts on the later page.
				if last != "" {
					pairs++
					if p := (wordPair{last, w}); have[p] > 0 {
						have[p]--
						kept++
					} else {
						lost = append(lost, p)
					}
				}
				last = w
			}
		}
		o.pairs = append(o.pairs, pairs)
		o.kept = append(o.kept, kept)
		o.lost = append(o.lost, lost)
	}
	return o
}

// orderRatio compares a record's kept pairs with the pseudo-record's: on
// the whole document, and on the worst page (1-based) with enough pairs.
func orderRatio(ours, ref wordOrder) (total float64, worst float64, worstPage int) {
	var k, kr int
	worst = math.Inf(1)
	for i := range ref.kept {
		k += ours.kept[i]
		kr += ref.kept[i]
		if ref.pairs[i] < minPagePairs || ref.kept[i] == 0 {
			continue
		}
		if r := float64(ours.kept[i]) / float64(ref.kept[i]); r < worst {
			worst, worstPage = r, i+1
		}
	}
	if worstPage == 0 {
		worst = 1
	}
	return float64(k) / float64(max(1, kr)), worst, worstPage
}

func TestKeptPairs(t *testing.T) {
	rec := &corpus.Record{Speeches: []corpus.Speech{
		{Paragraphs: []corpus.Paragraph{{Text: "The Council met today."}, {Text: "It adopted a text."}}},
		{Paragraphs: []corpus.Paragraph{{Text: "Non-members spoke."}}},
	}}
	tests := []struct {
		name, ref   string
		pairs, kept []int
	}{
		{"same order", "The Council met today. It adopted a text.", []int{7}, []int{7}},
		{"speaker line between", "text.\nMr. X (Chile): Nonmembers spoke.", []int{5}, []int{1}},
		// Two columns read across: "The Council | It adopted" row by row.
		{"read across", "The Council It adopted met today. a text.", []int{7}, []int{4}},
		{"pages", "The Council met\f today. It", []int{2, 2}, []int{2, 2}},
		{"a pair used once", "met today met today", []int{3}, []int{1}},
		{"letter-spaced", "The C o u n c i l met today.", []int{1}, []int{1}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			o := keptPairs([]byte(tt.ref), rec)
			if !equalInts(o.pairs, tt.pairs) || !equalInts(o.kept, tt.kept) {
				t.Errorf("pairs %v kept %v, want %v and %v", o.pairs, o.kept, tt.pairs, tt.kept)
			}
		})
	}
}

func equalInts(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// TestSpeechWordOrder holds the word order of the two-column fixture and
// of every real record against pdftotext's: the record keeps at least 99%
// as many of pdftotext's adjacent word pairs as pdftotext's own
// pseudo-record does, and 97% on its worst page.
func TestSpeechWordOrder(t *testing.T) {
	pdftotext := fixtures.Tool(t, "poppler-utils", "pdftotext")
	check := func(t *testing.T, rec *corpus.Record, path string) {
		ref, err := exec.Command(pdftotext, "-enc", "UTF-8", path, "-").Output()
		if err != nil {
			t.Fatal(err)
		}
		ours, theirs := keptPairs(ref, rec), keptPairs(ref, parseText(t, ref))
		total, worst, page := orderRatio(ours, theirs)
		var pairs, kept, refKept int
		for i := range ours.pairs {
			pairs += ours.pairs[i]
			kept += ours.kept[i]
			refKept += theirs.kept[i]
		}
		t.Logf("%s: %d of pdftotext's %d word pairs kept, pseudo-record %d: ratio %.4f; worst page %d: %.4f",
			filepath.Base(path), kept, pairs, refKept, total, page, worst)
		if testing.Verbose() {
			for i := range ours.kept {
				t.Logf("page %d: %d pairs, kept %d, pseudo-record %d", i+1, ours.pairs[i], ours.kept[i], theirs.kept[i])
			}
		}
		if total < minOrderRatio {
			t.Errorf("word-order ratio %.4f < %.2f", total, minOrderRatio)
		}
		if worst < minPageOrderRatio {
			t.Errorf("page %d: word-order ratio %.4f < %.2f; pairs the pseudo-record keeps and this one does not: %s",
				page, worst, minPageOrderRatio, onlyLost(ours.lost[page-1], theirs.lost[page-1]))
		}
	}
	t.Run("columns fixture", func(t *testing.T) {
		path := filepath.Join(columnsFixtures, "record.pdf")
		rec, err := ParseFile(context.Background(), path, inProcess)
		if err != nil {
			t.Fatal(err)
		}
		check(t, rec, path)
	})
	for _, path := range fixtures.RealPDFs(t) {
		t.Run(filepath.Base(path), func(t *testing.T) {
			check(t, parseRealPDF(t, filepath.Base(path)), path)
		})
	}
}

// onlyLost lists, up to 20, the pairs in lost beyond those in refLost.
func onlyLost(lost, refLost []wordPair) string {
	refCount := map[wordPair]int{}
	for _, p := range refLost {
		refCount[p]++
	}
	var out []string
	for _, p := range lost {
		if refCount[p] > 0 {
			refCount[p]--
		} else if len(out) < 20 {
			out = append(out, p.a+" "+p.b)
		}
	}
	return strings.Join(out, " | ")
}
