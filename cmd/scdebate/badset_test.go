package main

import (
	"bytes"
	"compress/gzip"
	"compress/zlib"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/scdebate/scdebate/ingest/layout/pdftest"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

var update = flag.Bool("update", false, "rewrite testdata/bad from its generators")

// badFile is one hostile or broken input of testdata/bad, with the
// generator that wrote it.
type badFile struct {
	name string
	data func() []byte
}

// badSet is testdata/bad: small hostile and broken inputs, each refused by
// ingest with its reason. Larger ones are made at test time
// (generatedBadFiles).
var badSet = []badFile{
	{"empty.pdf", func() []byte { return nil }},
	{"empty.txt", func() []byte { return nil }},
	{"blank.txt", func() []byte { return []byte(" \n\t\n\f\n  \r\n") }},
	{"zip-renamed.pdf", pdftest.ZIP},
	{"html-renamed.pdf", func() []byte {
		return []byte("<!DOCTYPE html>\n<html><head><title>Document not found</title></head><body>Not found</body></html>\n")
	}},
	{"gzip-renamed.txt", func() []byte {
		var b bytes.Buffer
		w := gzip.NewWriter(&b)
		w.Write([]byte(verbatimText))
		w.Close()
		return b.Bytes()
	}},
	{"random-bytes.txt", func() []byte { return seededBytes(1, 4096) }},
	{"header-then-garbage.pdf", func() []byte { return append([]byte("%PDF-1.7\n"), seededBytes(2, 8192)...) }},
	{"no-objects.pdf", func() []byte { return []byte("%PDF-1.4\nnothing here\nstartxref\n9\n%%EOF\n") }},
	{"broken-xref.pdf", func() []byte {
		b := pdftest.TextPDF("hello world")
		return regexp.MustCompile(`(?m)^\d{10} 00000 n`).ReplaceAll(b, []byte("9999999999 00000 n"))
	}},
	{"xref-cycle.pdf", xrefCyclePDF},
	{"encrypted.pdf", pdftest.Encrypted},
	{"image-only.pdf", pdftest.ImageOnly},
	{"deeply-nested.pdf", func() []byte {
		deep := strings.Repeat("[", 20000) + strings.Repeat("]", 20000)
		return pdftest.File([]string{
			"<< /Type /Catalog /Pages 2 0 R >>",
			"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
			"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Deep " + deep + " >>",
		}, "")
	}},
	{"self-referencing-pages.pdf", func() []byte {
		return pdftest.File([]string{"<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [2 0 R 2 0 R] /Count 2 >>"}, "")
	}},
	{"self-referencing-object.pdf", func() []byte {
		return pdftest.File([]string{"<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
			"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources 5 0 R >>",
			pdftest.Stream("", pdftest.TextPage("hello world")), "5 0 R"}, "")
	}},
	{"page-count-lies.pdf", func() []byte {
		return pdftest.File([]string{"<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 2000000000 >>",
			"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
			pdftest.Stream("", pdftest.TextPage("hello world")), pdftest.Helvetica}, "")
	}},
	{"inline-image.pdf", func() []byte {
		// Binary image data holding "EI", unbalanced parentheses and an
		// unterminated hex string, on which object parsers lose their way.
		img := "q BI /W 16 /H 2 /BPC 8 /CS /G ID \x00EI<<)(\xff\x00 EI(\xfe<4142" + strings.Repeat("\x01", 20) + " EI Q "
		return pdftest.Pages(pdftest.Stream("", img+pdftest.TextPage("hello world")+" BT <4142"))
	}},
	{"object-stream-loop.pdf", func() []byte {
		// An object stream that extends itself: the PDF library follows
		// /Extends for ever.
		return pdftest.XrefStream([]string{"<< /Type /Catalog /Pages 3 0 R >>",
			pdftest.Stream("/Type /ObjStm /N 0 /First 1 /Extends 2 0 R", " ")}, map[int]int{1: 2})
	}},
	{"windows-1252.txt", func() []byte {
		b, err := charmap.Windows1252.NewEncoder().Bytes([]byte(verbatimText))
		if err != nil {
			panic(err)
		}
		return b
	}},
	{"utf-16.txt", func() []byte {
		b, err := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().Bytes([]byte(verbatimText))
		if err != nil {
			panic(err)
		}
		return b
	}},
	{"not-a-record.txt", func() []byte {
		return []byte("Minutes of the staff picnic\n\nThe picnic was held on the lawn. Sandwiches were served.\n")
	}},
}

// verbatimText opens a verbatim record as its text export gives it, with
// the accented names that tell encodings apart.
const verbatimText = `United Nations A/79/PV.29
General Assembly
Seventy-ninth session
29th plenary meeting
Tuesday, 29 October 2024, 3 p.m.
New York

President: Mr. Yang . . . . . . . . . . . . . . . . . . . . . . . (Cameroon)

The meeting was called to order at 3 p.m.

Mr. Gonçalves (Côte d'Ivoire) (spoke in French): My delegation thanks the Président.
`

func seededBytes(seed uint64, n int) []byte {
	r := rand.New(rand.NewPCG(seed, seed))
	b := make([]byte, n)
	for i := range b {
		b[i] = byte(r.Uint32())
	}
	return b
}

// xrefCyclePDF's trailer names its own cross-reference table as the
// previous one.
func xrefCyclePDF() []byte {
	plain := pdftest.TextPDF("hello world")
	m := regexp.MustCompile(`startxref\n(\d+)`).FindSubmatch(plain)
	return bytes.Replace(plain, []byte("/Root 1 0 R"), []byte("/Root 1 0 R /Prev "+string(m[1])), 1)
}

// flateBombPDF is a small file whose one content stream inflates to size
// bytes of spaces.
func flateBombPDF(size int) []byte {
	var z bytes.Buffer
	w, _ := zlib.NewWriterLevel(&z, zlib.BestCompression)
	chunk := bytes.Repeat([]byte(" "), 1<<20)
	for n := 0; n < size; n += len(chunk) {
		w.Write(chunk)
	}
	w.Close()
	return pdftest.File([]string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>",
		fmt.Sprintf("<< /Filter /FlateDecode /Length %d >>\nstream\n%s\nendstream", z.Len(), z.Bytes()),
	}, "")
}

// TestBadSetUpToDate checks testdata/bad against its generators; -update
// rewrites it.
func TestBadSetUpToDate(t *testing.T) {
	dir := filepath.Join("testdata", "bad")
	if *update {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	for _, f := range badSet {
		path := filepath.Join(dir, f.name)
		want := f.data()
		if *update {
			if err := os.WriteFile(path, want, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		got, err := os.ReadFile(path)
		if err != nil {
			t.Errorf("%v (run go test -run TestBadSetUpToDate -update)", err)
			continue
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s differs from its generator (run go test -run TestBadSetUpToDate -update)", path)
		}
	}
}
