package ingest

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync/atomic"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/scdebate/scdebate/corpus"
	"github.com/scdebate/scdebate/ingest/layout"
)

// hostileRecord is a text record with body as the first speech: the cover
// of modern.txt, "Mr. Dupont (France): " and body, then the rest of the
// record.
func hostileRecord(t testing.TB, body string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "text", "modern.txt"))
	if err != nil {
		t.Fatal(err)
	}
	text := string(b)
	cut := strings.Index(text, "Mr. Kiboino")
	if cut < 0 {
		t.Fatal("modern.txt has no first speaker line")
	}
	return []byte(text[:cut] + "Mr. Dupont (France): " + body + text[cut:])
}

// hyphenLines is the body of n lines that each end in a hyphen: joined,
// one word that grows with every line.
func hyphenLines(n int) string { return strings.Repeat("recog-\n", n) }

// parseHostile parses the text record whose first speech is body.
func parseHostile(t *testing.T, body string) *corpus.Record {
	t.Helper()
	doc, err := TextDocument(hostileRecord(t, body))
	if err != nil {
		t.Fatal(err)
	}
	rec, err := Parse(context.Background(), doc)
	if err != nil {
		t.Fatal(err)
	}
	return rec
}

// dupont returns the speech of Mr. Dupont.
func dupont(t *testing.T, rec *corpus.Record) *corpus.Speech {
	t.Helper()
	for i := range rec.Speeches {
		if rec.Speeches[i].Name == "Dupont" {
			return &rec.Speeches[i]
		}
	}
	t.Fatalf("no speech of Mr. Dupont among %d", len(rec.Speeches))
	return nil
}

// TestParseLongParagraphs parses speeches whose one paragraph is far
// longer than any real one: the paragraph is stored in numbered pieces of
// at most corpus.MaxParagraphBytes, each with the page it starts on, and
// none of its text is lost.
func TestParseLongParagraphs(t *testing.T) {
	sentence := "We recognize the work of the Council and ask for more. "
	tests := []struct {
		name string
		body string
		want string // the paragraph's text, spaces collapsed
	}{
		{"one line of 8 MB", strings.Repeat(sentence, (8<<20-8192)/len(sentence)) + "\n", strings.TrimSpace(strings.Repeat(sentence, (8<<20-8192)/len(sentence)))},
		{"100,000 lines ending in a hyphen", hyphenLines(100_000), ""},
		{"lines across three pages", strings.Repeat(strings.Repeat("and the Council should report to the Assembly\n", 300)+"\f", 2) + strings.Repeat("and the Council should report to the Assembly\n", 300), ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sp := dupont(t, parseHostile(t, tt.body))
			var texts []string
			split, pages := 0, map[int]bool{}
			for i, p := range sp.Paragraphs {
				if p.N != i+1 {
					t.Fatalf("paragraph %d numbered %d", i+1, p.N)
				}
				if len(p.Text) > corpus.MaxParagraphBytes || !utf8.ValidString(p.Text) {
					t.Fatalf("paragraph %d: %d bytes (limit %d), valid UTF-8 %v", p.N, len(p.Text), corpus.MaxParagraphBytes, utf8.ValidString(p.Text))
				}
				switch {
				case p.Part == 1:
					split++
				case p.Part > 1 && p.Part != sp.Paragraphs[i-1].Part+1:
					t.Fatalf("paragraph %d is part %d after part %d", p.N, p.Part, sp.Paragraphs[i-1].Part)
				}
				if p.Part > 0 {
					pages[p.Page] = true
					texts = append(texts, p.Text)
				}
			}
			if split != 1 || len(texts) < 2 {
				t.Fatalf("%d paragraphs cut into %d pieces, want one cut in several", split, len(texts))
			}
			if tt.want != "" && strings.Join(texts, " ") != tt.want {
				t.Errorf("the pieces do not hold the paragraph's text (%d bytes against %d)", len(strings.Join(texts, " ")), len(tt.want))
			}
			if strings.HasPrefix(tt.name, "lines across") && len(pages) != 3 {
				t.Errorf("the pieces start on pages %v, want three pages", pages)
			}
		})
	}
}

// countdown is a context that is cancelled once its Err has been asked a
// number of times: the parser must look at it as it goes, not only when
// it starts.
type countdown struct {
	context.Context
	left atomic.Int64
}

func (c *countdown) Err() error {
	if c.left.Add(-1) < 0 {
		return context.Canceled
	}
	return nil
}

func TestParseStopsWhenCancelled(t *testing.T) {
	for _, body := range []string{hyphenLines(200_000), strings.Repeat("We agree.\n", 200_000)} {
		doc, err := TextDocument(hostileRecord(t, body))
		if err != nil {
			t.Fatal(err)
		}
		ctx := &countdown{Context: context.Background()}
		ctx.left.Store(4)
		if _, err := Parse(ctx, doc); !errors.Is(err, context.Canceled) {
			t.Errorf("Parse with its context cancelled half-way = %v, want %v", err, context.Canceled)
		}
	}
}

// TestIngestLeavesNoParserBehind ingests a record over its time limit:
// the document fails, and by the time Ingest returns its parser has
// stopped — a parser left running would hold its memory for as long as it
// runs, one more for every such document.
func TestIngestLeavesNoParserBehind(t *testing.T) {
	in := t.TempDir()
	path := writeFile(t, in, "hostile.txt", hostileRecord(t, hyphenLines(layout.DefaultMaxLines-1000)))
	ws, err := corpus.OpenWorkspace(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	res, err := ingestInto(t, context.Background(), ws, []string{path}, Options{Timeout: time.Nanosecond, Workers: 1})
	if err != nil {
		t.Fatal(err)
	}
	if res.Failed != 1 || !strings.Contains(res.Failures[0].Error(), "time limit") {
		t.Fatalf("result %+v, failures %v", res, res.Failures)
	}
	buf := make([]byte, 1<<20)
	stacks := string(buf[:runtime.Stack(buf, true)])
	for _, fn := range []string{"ingest.parseSource", "ingest.Parse("} {
		if strings.Contains(stacks, fn) {
			t.Errorf("a parser still runs after Ingest returned:\n%s", stacks)
			break
		}
	}
}

// TestTextLineBound refuses a text of more lines than any record has
// before building its document.
func TestTextLineBound(t *testing.T) {
	_, err := TextDocument(bytes.Repeat([]byte("a\n"), layout.DefaultMaxLines+1))
	if !errors.Is(err, ErrTooLarge) {
		t.Errorf("error %v, want %v", err, ErrTooLarge)
	}
}

// BenchmarkParseHyphenLines parses a record whose speech is n lines that
// each end in a hyphen (the generator of the quadratic case): the time per
// line must not grow with n.
func BenchmarkParseHyphenLines(b *testing.B) {
	for _, n := range []int{10_000, 100_000} {
		b.Run(fmt.Sprintf("lines=%d", n), func(b *testing.B) {
			data := hostileRecord(b, hyphenLines(n))
			b.ReportAllocs()
			b.SetBytes(int64(len(data)))
			for b.Loop() {
				doc, err := TextDocument(data)
				if err != nil {
					b.Fatal(err)
				}
				if _, err := Parse(context.Background(), doc); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "lines/s")
		})
	}
}

// TestDirectionControlsDropped parses a speech whose text carries
// direction overrides, embeddings and isolates: they are formatting, and
// an override kept in a record would show its text reversed wherever it
// is displayed.
func TestDirectionControlsDropped(t *testing.T) {
	sp := dupont(t, parseHostile(t, "\u202eWe recognize\u202c the \u2067veto\u2069 and \u202aask\u202c for \u202breform\u202c.\n"))
	if len(sp.Paragraphs) == 0 {
		t.Fatal("no paragraph")
	}
	if got, want := sp.Paragraphs[0].Text, "We recognize the veto and ask for reform."; got != want {
		t.Errorf("paragraph %q, want %q", got, want)
	}
}

// BenchmarkParseHyphenLinearity parses the hyphen record of 10,000 lines
// and of 100,000 lines in turn, so that the machine's load weighs on both
// alike, and reports the time of the larger over the smaller: 10 when the
// parse is linear (the quadratic parser took 71 times as long for 50,000
// lines as for 5,000).
func BenchmarkParseHyphenLinearity(b *testing.B) {
	small, large := hostileRecord(b, hyphenLines(10_000)), hostileRecord(b, hyphenLines(100_000))
	parse := func(data []byte) time.Duration {
		// Each parse starts on a clean heap and pays for its own garbage.
		b.StopTimer()
		runtime.GC()
		b.StartTimer()
		start := time.Now()
		doc, err := TextDocument(data)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := Parse(context.Background(), doc); err != nil {
			b.Fatal(err)
		}
		return time.Since(start)
	}
	var tSmall, tLarge time.Duration
	b.ReportAllocs()
	for b.Loop() {
		tSmall += parse(small)
		tLarge += parse(large)
	}
	b.ReportMetric(float64(tLarge)/float64(tSmall), "ratio")
	b.ReportMetric(float64(110_000*b.N)/b.Elapsed().Seconds(), "lines/s")
}
