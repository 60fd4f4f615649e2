package layout_test

import (
	"bytes"
	"context"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"

	"github.com/scdebate/scdebate/ingest/layout"
	"github.com/scdebate/scdebate/ingest/layout/pdftest"
)

// The Arabic fixtures: record.fodt is the source, record.pdf and
// record-2col.pdf what LibreOffice makes of it (testdata/arabic/generate.sh
// remakes them), record.txt the source's text, paragraph by paragraph.
const arabicDir = "testdata/arabic"

var arabicPDFs = []string{"record.pdf", "record-2col.pdf"}

// sourceParagraph is one paragraph of the .fodt with its style.
type sourceParagraph struct {
	style, text string
}

const (
	odfText  = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
	odfStyle = "urn:oasis:names:tc:opendocument:xmlns:style:1.0"
)

// readFODT returns the paragraphs of a flat ODF text document that the
// reader sees on the pages, in order: the body's, and the corrections
// notice at the foot of the cover. Running heads and footers, whose page
// numbers are fields, are left out: the extractor removes them.
func readFODT(t *testing.T, path string) []sourceParagraph {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	dec := xml.NewDecoder(f)
	var (
		body, notice []sourceParagraph
		cur          *sourceParagraph
		inBody       bool
		skip         int // depth inside a field whose text is not the source's
	)
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			switch {
			case tok.Name.Local == "body":
				inBody = true
			case skip > 0 || tok.Name.Space == odfText && (tok.Name.Local == "page-number" || tok.Name.Local == "page-count"):
				skip++
			case tok.Name.Space == odfText && (tok.Name.Local == "p" || tok.Name.Local == "h"):
				cur = &sourceParagraph{}
				for _, a := range tok.Attr {
					if a.Name.Local == "style-name" {
						cur.style = a.Value
					}
				}
			case cur != nil && tok.Name.Space == odfText && (tok.Name.Local == "tab" || tok.Name.Local == "s" || tok.Name.Local == "line-break"):
				cur.text += " "
			}
		case xml.EndElement:
			switch {
			case skip > 0:
				skip--
			case cur != nil && tok.Name.Space == odfText && (tok.Name.Local == "p" || tok.Name.Local == "h"):
				switch {
				case inBody:
					body = append(body, *cur)
				case cur.style == "Notice":
					notice = append(notice, *cur)
				}
				cur = nil
			}
		case xml.CharData:
			if cur != nil && skip == 0 {
				cur.text += string(tok)
			}
		}
	}
	return append(body, notice...)
}

// TestSourceText keeps each LibreOffice fixture's record.txt, the expected
// text, in step with the .fodt it comes from (go test -run SourceText
// -update rewrites them).
func TestSourceText(t *testing.T) {
	for _, dir := range []string{arabicDir, columnsDir} {
		t.Run(dir, func(t *testing.T) {
			var b strings.Builder
			for _, p := range readFODT(t, filepath.Join(dir, "record.fodt")) {
				b.WriteString(p.style + "\t" + p.text + "\n")
			}
			checkGoldenFile(t, filepath.Join(dir, "record.txt"), b.String())
		})
	}
}

// checkGoldenFile compares got with a golden file, or rewrites it with
// -update.
func checkGoldenFile(t *testing.T, golden, got string) {
	t.Helper()
	if *update {
		if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	gl, wl := strings.Split(got, "\n"), strings.Split(string(want), "\n")
	for i := 0; i < len(gl) || i < len(wl); i++ {
		var g, w string
		if i < len(gl) {
			g = gl[i]
		}
		if i < len(wl) {
			w = wl[i]
		}
		if g != w {
			t.Fatalf("%s differs at line %d:\n got: %s\nwant: %s", golden, i+1, g, w)
		}
	}
}

// expectedText reads record.txt: the body's paragraphs and the notice's.
func expectedText(t *testing.T) (body, notice []string) {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(arabicDir, "record.txt"))
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range strings.Split(strings.TrimSuffix(string(data), "\n"), "\n") {
		style, text, _ := strings.Cut(l, "\t")
		if style == "Notice" {
			notice = append(notice, text)
		} else {
			body = append(body, text)
		}
	}
	return body, notice
}

// TestArabicGoldenLines compares the extraction of the Arabic fixtures,
// line by line with geometry, with reviewed renderings (-update rewrites
// them).
func TestArabicGoldenLines(t *testing.T) {
	for _, name := range arabicPDFs {
		t.Run(name, func(t *testing.T) {
			doc, err := layout.ExtractInProcess(context.Background(), filepath.Join(arabicDir, name), layout.Options{})
			if err != nil {
				t.Fatal(err)
			}
			checkGoldenFile(t, filepath.Join(arabicDir, strings.TrimSuffix(name, ".pdf")+".golden"), renderGolden(doc))
		})
	}
}

var leaders = regexp.MustCompile(`\.{3,}|…+`)

var brackets = strings.NewReplacer("(", " ( ", ")", " ) ", "[", " [ ", "]", " ] ")

// arabicWords splits text into words for comparison: NFKC, dot leaders
// as spaces, brackets as words of their own (a line may break after an
// opening one); other punctuation stays on its word, so that a full stop
// on the wrong side of a word counts as a wrong word, as does a bracket
// out of order.
func arabicWords(texts ...string) []string {
	var out []string
	for _, s := range texts {
		out = append(out, strings.Fields(brackets.Replace(leaders.ReplaceAllString(norm.NFKC.String(s), " ")))...)
	}
	return out
}

// inOrder matches two word lists in order (their longest common
// subsequence) and returns its length and the words of each that it
// leaves out.
func inOrder(a, b []string) (n int, onlyA, onlyB []string) {
	lcs := make([][]int, len(a)+1)
	for i := range lcs {
		lcs[i] = make([]int, len(b)+1)
	}
	for i := len(a) - 1; i >= 0; i-- {
		for j := len(b) - 1; j >= 0; j-- {
			if a[i] == b[j] {
				lcs[i][j] = lcs[i+1][j+1] + 1
			} else {
				lcs[i][j] = max(lcs[i+1][j], lcs[i][j+1])
			}
		}
	}
	i, j := 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i] == b[j]:
			i, j = i+1, j+1
		case lcs[i+1][j] >= lcs[i][j+1]:
			onlyA = append(onlyA, a[i])
			i++
		default:
			onlyB = append(onlyB, b[j])
			j++
		}
	}
	return lcs[0][0], append(onlyA, a[i:]...), append(onlyB, b[j:]...)
}

// TestArabicFidelity measures the extracted words against the source's:
// precision is the share of extracted words that match the source in
// order, recall the share of the source's words found in order. The
// corrections notice, set at the foot of the cover, is measured apart so
// that its place among the pages does not count.
func TestArabicFidelity(t *testing.T) {
	body, notice := expectedText(t)
	for _, name := range arabicPDFs {
		t.Run(name, func(t *testing.T) {
			doc, err := layout.ExtractInProcess(context.Background(), filepath.Join(arabicDir, name), layout.Options{})
			if err != nil {
				t.Fatal(err)
			}
			var gotBody, gotNotice []string
			for _, p := range doc.Pages {
				for _, l := range p.Lines {
					if l.Size < 9 { // the notice is set in 8 points, the text in 11
						gotNotice = append(gotNotice, l.Text)
					} else {
						gotBody = append(gotBody, l.Text)
					}
					if !l.RTL && strings.ContainsFunc(l.Text, func(r rune) bool { return r >= 0x0600 && r <= 0x06FF }) {
						t.Errorf("page %d: an Arabic line taken as left to right: %s", p.N, l.Text)
					}
				}
			}
			for _, part := range []struct {
				what      string
				got, want []string
				floor     float64
			}{
				{"body", arabicWords(gotBody...), arabicWords(body...), minArabicScore},
				{"notice", arabicWords(gotNotice...), arabicWords(notice...), minArabicScore},
			} {
				n, extra, missing := inOrder(part.got, part.want)
				precision := float64(n) / float64(max(1, len(part.got)))
				recall := float64(n) / float64(max(1, len(part.want)))
				t.Logf("%s: %d words extracted, %d in the source, %d in order: precision %.4f, recall %.4f; out of order or extra %q, missing %q",
					part.what, len(part.got), len(part.want), n, precision, recall, extra, missing)
				if precision < part.floor || recall < part.floor {
					t.Errorf("%s: precision %.4f, recall %.4f, want at least %.3f", part.what, precision, recall, part.floor)
				}
			}
		})
	}
}

// minArabicScore is the floor of precision and recall on the fixtures.
const minArabicScore = 0.99

// BenchmarkExtractArabic extracts the Arabic fixtures in process: the
// cost of the right-to-left path, per page, to set beside
// BenchmarkExtract's left-to-right records.
func BenchmarkExtractArabic(b *testing.B) {
	for _, name := range arabicPDFs {
		path := filepath.Join(arabicDir, name)
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			pages := 0
			for b.Loop() {
				doc, err := layout.ExtractInProcess(context.Background(), path, layout.Options{})
				if err != nil {
					b.Fatal(err)
				}
				pages += len(doc.Pages)
			}
			b.ReportMetric(float64(pages)/b.Elapsed().Seconds(), "pages/s")
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(pages), "ns/page")
		})
	}
}

// TestShapedArabicPDF extracts a line drawn the way other producers than
// LibreOffice may draw Arabic: glyphs named by presentation forms (a
// lam-alef ligature as one), a kashida named U+0640, and mirrored
// brackets named by their shape.
func TestShapedArabicPDF(t *testing.T) {
	const logical = "السيد كيبوينو (كينيا) (تكلم بالإنكليزية): يؤيد وفد كينيا البيان (A/79/198)."
	// A presentation form for each letter: NFKC takes it back.
	forms := map[string]rune{"لا": 'ﻻ', "لإ": 'ﻹ', "لأ": 'ﻷ'}
	for r := rune(0xFE80); r <= 0xFEF4; r++ {
		if base := norm.NFKC.String(string(r)); forms[base] == 0 {
			forms[base] = r
		}
	}
	shaped := logical
	for _, lig := range []string{"لا", "لإ", "لأ"} {
		shaped = strings.ReplaceAll(shaped, lig, string(forms[lig]))
	}
	shaped = strings.Replace(shaped, "كينيا)", "كيـنيا)", 1)
	// Drawn left to right: reversed, Latin runs in order, brackets
	// mirrored and named by shape.
	visual := []rune(shaped)
	slices.Reverse(visual)
	drawn := regexp.MustCompile(`[A-Za-z0-9]+(?:[/.][A-Za-z0-9]+)*`).ReplaceAllStringFunc(string(visual), func(s string) string {
		r := []rune(s)
		slices.Reverse(r)
		return string(r)
	})
	drawn = strings.NewReplacer("(", ")", ")", "(").Replace(drawn)
	var codes strings.Builder
	var cmap strings.Builder
	seen := map[rune]int{}
	for _, r := range drawn {
		if f, ok := forms[string(r)]; ok && r >= 0x0600 && r <= 0x06FF {
			r = f
		}
		code, ok := seen[r]
		if !ok {
			code = len(seen) + 1
			seen[r] = code
			fmt.Fprintf(&cmap, "<%04X> <%04X>\n", code, r)
		}
		fmt.Fprintf(&codes, "%04X", code)
	}
	toUnicode := "/CIDInit /ProcSet findresource begin 12 dict begin begincmap 1 begincodespacerange <0000> <FFFF> endcodespacerange " +
		fmt.Sprintf("%d beginbfchar\n%sendbfchar endcmap end end", len(seen), cmap.String())
	width := 500
	if c, ok := seen[' ']; ok {
		width = c // the space's code: 250 units wide, the others 500
	}
	data := pdftest.File([]string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
		pdftest.Stream("", fmt.Sprintf("BT /F1 10 Tf 1 0 0 1 72 400 Tm <%s> Tj ET", codes.String())),
		"<< /Type /Font /Subtype /Type0 /BaseFont /ABCDEF+SimplifiedArabic /Encoding /Identity-H /DescendantFonts [6 0 R] /ToUnicode 7 0 R >>",
		fmt.Sprintf("<< /Type /Font /Subtype /CIDFontType2 /BaseFont /ABCDEF+SimplifiedArabic /DW 500 /W [%d [250]] >>", width),
		pdftest.Stream("", toUnicode),
	}, "")
	doc, err := layout.Decode(context.Background(), bytes.NewReader(data), int64(len(data)), layout.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(doc.Pages) != 1 || len(doc.Pages[0].Lines) != 1 {
		t.Fatalf("want one line, got %+v", doc.Pages)
	}
	l := doc.Pages[0].Lines[0]
	if l.Text != logical || !l.RTL {
		t.Errorf("drawn as %q, extracted as\n got: %q (rtl %v)\nwant: %q", drawn, l.Text, l.RTL, logical)
	}
}
