package layout_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/scdebate/scdebate/corpus/fixtures"
	"github.com/scdebate/scdebate/ingest/layout"
	"github.com/scdebate/scdebate/ingest/layout/pdftest"
)

// badInput is a hostile or broken file and the reason it must be refused
// with.
type badInput struct {
	name string
	data []byte
	want error
	// hangs marks a file on which the PDF library itself loops for ever:
	// only the isolated extractor can be tried on it.
	hangs bool
}

func badInputs(t *testing.T) []badInput {
	real, err := os.ReadFile(fixtures.Real(t, "A_60_PV.25.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	nested := "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Deep " + strings.Repeat("[", 5000) + strings.Repeat("]", 5000) + " >>"
	return []badInput{
		{name: "zero bytes", data: nil, want: layout.ErrNotPDF},
		{name: "truncated", data: real[:len(real)/2], want: layout.ErrTruncated},
		{name: "text renamed", data: []byte("Mr. Kiboino (Kenya): Kenya's delegation aligns itself\n"), want: layout.ErrNotPDF},
		{name: "zip renamed", data: pdftest.ZIP(), want: layout.ErrNotPDF},
		{name: "html renamed", data: []byte("<!DOCTYPE html><html><body>Not found</body></html>"), want: layout.ErrNotPDF},
		{name: "encrypted", data: pdftest.Encrypted(), want: layout.ErrEncrypted},
		{name: "image only", data: pdftest.ImageOnly(), want: layout.ErrNoText},
		{name: "no objects", data: []byte("%PDF-1.4\nnothing here\nstartxref\n9\n%%EOF\n"), want: layout.ErrMalformed},
		{name: "deeply nested object", data: pdftest.File([]string{"<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>", nested}, ""), want: layout.ErrMalformed},
		{name: "self-referencing page tree", data: pdftest.File([]string{"<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [2 0 R 2 0 R] /Count 1 >>"}, ""), want: layout.ErrMalformed},
		{name: "2000 pages", data: pdftest.SharedPages(2000, 2000, pdftest.TextPage("a page")), want: layout.ErrTooLarge},
		{name: "2000 pages counted as 1", data: pdftest.SharedPages(2000, 1, pdftest.TextPage("a page")), want: layout.ErrTooLarge},
		{name: "object stream extending itself", data: pdftest.XrefStream([]string{"<< /Type /Catalog /Pages 3 0 R >>",
			pdftest.Stream("/Type /ObjStm /N 0 /First 1 /Extends 2 0 R", " ")}, map[int]int{1: 2}), want: layout.ErrTimeout, hangs: true},
	}
}

// selfPrev is a file whose trailer names its own table as the previous
// one, on which the library would loop.
func selfPrev() []byte {
	plain := pdftest.TextPDF("hello world")
	m := regexp.MustCompile(`startxref\n(\d+)`).FindSubmatch(plain)
	objects := []string{"<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [4 0 R] /Count 1 >>", pdftest.Helvetica,
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 5 0 R /Resources << /Font << /F1 3 0 R >> >> >>",
		pdftest.Stream("", pdftest.TextPage("hello world"))}
	return pdftest.File(objects, "/Prev "+string(m[1]))
}

// brokenXref is a file whose startxref points into an object.
func brokenXref() []byte {
	b := pdftest.TextPDF("hello world")
	return regexp.MustCompile(`startxref\n\d+`).ReplaceAll(b, []byte("startxref\n20"))
}

// hostileFontPDF draws "hello world" with a composite font whose width
// table and CMap claim billions of codes.
func hostileFontPDF() []byte {
	var ranges strings.Builder
	for i := 0; i < 20000; i++ {
		ranges.WriteString("<0000> <FFFF> <0041>\n")
	}
	cmap := "begincmap 20001 beginbfrange " + ranges.String() + "<0048> <0048> <0068>\n endbfrange " +
		"11 beginbfchar <0001> <0065> <0002> <006C> <0003> <006C> <0004> <006F> <0005> <0020> <0006> <0077> <0007> <006F> <0008> <0072> <0009> <006C> <000A> <0064> <0048> <0068> endbfchar endcmap"
	return pdftest.File([]string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F2 5 0 R >> >> >>",
		pdftest.Stream("", "BT /F2 12 Tf 72 720 Td <0048000100020003000400050006000700080009000A> Tj ET"),
		"<< /Type /Font /Subtype /Type0 /BaseFont /X /Encoding /Identity-H /DescendantFonts [6 0 R] /ToUnicode 7 0 R >>",
		"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /X /W [0 4294967295 500 0 [" + strings.Repeat("500 ", 100000) + "]] >>",
		pdftest.Stream("", cmap),
	}, "")
}

var oneLine = regexp.MustCompile(`^[^\n]+$`)

func checkBad(t *testing.T, path string, err error, want error, elapsed time.Duration) {
	t.Helper()
	if err == nil {
		t.Fatalf("no error; want %v", want)
	}
	if !errors.Is(err, want) {
		t.Errorf("error %q is not %v", err, want)
	}
	var ee *layout.ExtractError
	if !errors.As(err, &ee) || ee.Path != path {
		t.Errorf("error %q is not an ExtractError for %s", err, path)
	}
	msg := err.Error()
	if !oneLine.MatchString(msg) || !strings.Contains(msg, path) {
		t.Errorf("message %q is not one line naming the file", msg)
	}
	if elapsed > 20*time.Second {
		t.Errorf("took %v", elapsed)
	}
}

// TestBadInputs feeds broken and hostile files to both extractors: each
// is refused with its reason in one line naming the file, in bounded time,
// and never with a panic.
func TestBadInputs(t *testing.T) {
	dir := t.TempDir()
	for _, bad := range badInputs(t) {
		path := filepath.Join(dir, strings.ReplaceAll(bad.name, " ", "-")+".pdf")
		if err := os.WriteFile(path, bad.data, 0o644); err != nil {
			t.Fatal(err)
		}
		t.Run(bad.name, func(t *testing.T) {
			if !bad.hangs {
				start := time.Now()
				_, err := layout.ExtractInProcess(context.Background(), path, layout.Options{})
				checkBad(t, path, err, bad.want, time.Since(start))
			}
			start := time.Now()
			_, err := layout.Extract(context.Background(), path, layout.Options{Timeout: 5 * time.Second})
			checkBad(t, path, err, bad.want, time.Since(start))
			t.Logf("%v", err)
		})
	}
}

// TestPageFailureIsolated breaks one page of three (a filter the library
// does not know): that page reports its error and the others extract.
func TestPageFailureIsolated(t *testing.T) {
	contents := []string{
		pdftest.Stream("", pdftest.TextPage("first page")),
		pdftest.Stream("/Filter /JBIG2Decode", "garbage"),
		pdftest.Stream("", pdftest.TextPage("third page")),
	}
	path := filepath.Join(t.TempDir(), "page-two-broken.pdf")
	if err := os.WriteFile(path, pdftest.Pages(contents...), 0o644); err != nil {
		t.Fatal(err)
	}
	for name, extract := range map[string]func(context.Context, string, layout.Options) (*layout.Document, error){
		"in process": layout.ExtractInProcess, "isolated": layout.Extract,
	} {
		t.Run(name, func(t *testing.T) {
			doc, err := extract(context.Background(), path, layout.Options{})
			if err != nil {
				t.Fatal(err)
			}
			if len(doc.Pages) != 3 {
				t.Fatalf("%d pages", len(doc.Pages))
			}
			if doc.Pages[1].Err == "" || doc.Pages[1].N != 2 {
				t.Errorf("page 2 reports no error: %+v", doc.Pages[1])
			}
			for _, i := range []int{0, 2} {
				p := doc.Pages[i]
				if p.Err != "" || len(p.Lines) != 1 || !strings.HasSuffix(p.Lines[0].Text, "page") {
					t.Errorf("page %d: %+v", p.N, p)
				}
			}
		})
	}
}

// TestRecoverableQuirks are departures from the standard that readers
// accept, and so must this extractor.
func TestRecoverableQuirks(t *testing.T) {
	plain := pdftest.TextPDF("hello world")
	tests := []struct {
		name string
		data []byte
	}{
		{"PDF 2.0 header", bytes.Replace(plain, []byte("%PDF-1.4"), []byte("%PDF-2.0"), 1)},
		{"broken xref", brokenXref()},
		{"xref chain cycle", selfPrev()},
		{"xref offsets shifted", bytes.Replace(plain, []byte("1 0 obj"), []byte("\n\n\n1 0 obj"), 1)},
		{"garbage after EOF", append(append([]byte{}, plain...), bytes.Repeat([]byte("\x00junk"), 100)...)},
		{"unclosed nested arrays in content", pdftest.Pages(pdftest.Stream("", "BT /F1 12 Tf 72 720 Td "+strings.Repeat("[", 100000)+"(deep) Tj (hello world) Tj ET"))},
		{"unterminated hex string in content", pdftest.Pages(pdftest.Stream("", pdftest.TextPage("hello world")+" BT <4142"))},
		{"inline image", pdftest.Pages(pdftest.Stream("", "q BI /W 4 /H 1 /BPC 8 /CS /G ID \x00<<)(\xff EI Q "+pdftest.TextPage("hello world")))},
		{"hostile font tables", hostileFontPDF()},
		{"page displayed rotated", pdftest.File([]string{"<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
			"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Rotate 90 /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
			pdftest.Stream("", "BT /F1 12 Tf 0 1 -1 0 300 72 Tm (hello world) Tj ET"), pdftest.Helvetica}, "")},
		{"self-referencing parent, font missing", pdftest.File([]string{"<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
			"<< /Type /Page /Parent 3 0 R /Contents 4 0 R >>", pdftest.Stream("", pdftest.TextPage("hello world"))}, "")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := layout.Decode(context.Background(), bytes.NewReader(tt.data), int64(len(tt.data)), layout.Options{})
			if err != nil {
				t.Fatal(err)
			}
			var text []string
			for _, l := range doc.Pages[0].Lines {
				text = append(text, l.Text)
			}
			if got := strings.Join(text, "\n"); !strings.Contains(got, "hello world") {
				t.Errorf("text %q", got)
			}
		})
	}
}

// TestSizeLimits refuses what exceeds the configured limits before
// reading it.
func TestSizeLimits(t *testing.T) {
	path := fixtures.Real(t, "A_60_PV.25.pdf")
	for _, opts := range []layout.Options{{Limits: layout.Limits{MaxFileSize: 1000}}, {Limits: layout.Limits{MaxPages: 5}}} {
		t.Run(fmt.Sprintf("%+v", opts), func(t *testing.T) {
			_, err := layout.ExtractInProcess(context.Background(), path, opts)
			if !errors.Is(err, layout.ErrTooLarge) {
				t.Errorf("error %v, want %v", err, layout.ErrTooLarge)
			}
		})
	}
}

// TestHugeFiles: a 100 MB file that is not a PDF is refused from its first
// bytes, and one over the size limit before it is read.
func TestHugeFiles(t *testing.T) {
	dir := t.TempDir()
	sparse := func(name string, size int64, head []byte) string {
		path := filepath.Join(dir, name)
		f, err := os.Create(path)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		if _, err := f.Write(head); err != nil {
			t.Fatal(err)
		}
		if err := f.Truncate(size); err != nil {
			t.Fatal(err)
		}
		return path
	}
	tests := []struct {
		path string
		want error
	}{
		{sparse("100MB-text.pdf", 100<<20, []byte("Provisional verbatim record\n")), layout.ErrNotPDF},
		{sparse("300MB.pdf", 300<<20, []byte("%PDF-1.7\n")), layout.ErrTooLarge},
	}
	for _, tt := range tests {
		t.Run(filepath.Base(tt.path), func(t *testing.T) {
			for _, extract := range []func(context.Context, string, layout.Options) (*layout.Document, error){layout.ExtractInProcess, layout.Extract} {
				start := time.Now()
				_, err := extract(context.Background(), tt.path, layout.Options{})
				checkBad(t, tt.path, err, tt.want, time.Since(start))
			}
		})
	}
}
