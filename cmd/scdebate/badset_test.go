package main

import (
	"archive/zip"
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
	{"zip-renamed.pdf", zipArchive},
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
		b := textPDF(textPage("hello world"))
		return regexp.MustCompile(`(?m)^\d{10} 00000 n`).ReplaceAll(b, []byte("9999999999 00000 n"))
	}},
	{"xref-cycle.pdf", xrefCyclePDF},
	{"encrypted.pdf", encryptedPDF},
	{"image-only.pdf", imageOnlyPDF},
	{"deeply-nested.pdf", func() []byte {
		deep := strings.Repeat("[", 20000) + strings.Repeat("]", 20000)
		return pdfFile([]string{
			"<< /Type /Catalog /Pages 2 0 R >>",
			"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
			"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Deep " + deep + " >>",
		}, "")
	}},
	{"self-referencing-pages.pdf", func() []byte {
		return pdfFile([]string{"<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [2 0 R 2 0 R] /Count 2 >>"}, "")
	}},
	{"self-referencing-object.pdf", func() []byte {
		return pdfFile([]string{"<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
			"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources 5 0 R >>",
			stream("", textPage("hello world")), "5 0 R"}, "")
	}},
	{"page-count-lies.pdf", func() []byte {
		return pdfFile([]string{"<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 2000000000 >>",
			"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
			stream("", textPage("hello world")), helvetica}, "")
	}},
	{"inline-image.pdf", func() []byte {
		// Binary image data holding "EI", unbalanced parentheses and an
		// unterminated hex string, on which object parsers lose their way.
		img := "q BI /W 16 /H 2 /BPC 8 /CS /G ID \x00EI<<)(\xff\x00 EI(\xfe<4142" + strings.Repeat("\x01", 20) + " EI Q "
		return textPDF(img + textPage("hello world") + " BT <4142")
	}},
	{"object-stream-loop.pdf", func() []byte {
		// An object stream that extends itself: the PDF library follows
		// /Extends for ever.
		return xrefStreamPDF([]string{"<< /Type /Catalog /Pages 3 0 R >>",
			stream("/Type /ObjStm /N 0 /First 1 /Extends 2 0 R", " ")}, map[int]int{1: 2})
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

func zipArchive() []byte {
	var b bytes.Buffer
	w := zip.NewWriter(&b)
	f, _ := w.Create("word/document.xml")
	f.Write([]byte("<w:document/>"))
	w.Close()
	return b.Bytes()
}

// pdfFile writes a PDF from object bodies (object n is objects[n-1]) with
// a correct cross-reference table, so that each file breaks exactly the
// one thing it is named for.
func pdfFile(objects []string, trailer string) []byte {
	var b bytes.Buffer
	b.WriteString("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
	offsets := make([]int, len(objects))
	for i, o := range objects {
		offsets[i] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(objects)+1)
	for _, off := range offsets {
		fmt.Fprintf(&b, "%010d 00000 n \n", off)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R %s >>\nstartxref\n%d\n%%%%EOF\n", len(objects)+1, trailer, xref)
	return b.Bytes()
}

func stream(dict, data string) string {
	return fmt.Sprintf("<< %s /Length %d >>\nstream\n%s\nendstream", dict, len(data), data)
}

const helvetica = "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"

func textPage(text string) string { return fmt.Sprintf("BT /F1 12 Tf 72 720 Td (%s) Tj ET", text) }

// textPDF is a well-formed document of pages with the given contents.
func textPDF(contents ...string) []byte {
	return pagesPDF(len(contents), func(i int) string { return stream("", contents[i]) })
}

// pagesPDF is a well-formed document of n pages, page i drawn by the
// content stream object content(i).
func pagesPDF(n int, content func(i int) string) []byte {
	kids := make([]string, n)
	objects := []string{"<< /Type /Catalog /Pages 2 0 R >>", "", helvetica}
	for i := range n {
		page := len(objects) + 1
		kids[i] = fmt.Sprintf("%d 0 R", page)
		objects = append(objects,
			fmt.Sprintf("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents %d 0 R /Resources << /Font << /F1 3 0 R >> >> >>", page+1),
			content(i))
	}
	objects[1] = fmt.Sprintf("<< /Type /Pages /Kids [%s] /Count %d >>", strings.Join(kids, " "), n)
	return pdfFile(objects, "")
}

// xrefCyclePDF's trailer names its own cross-reference table as the
// previous one.
func xrefCyclePDF() []byte {
	plain := textPDF(textPage("hello world"))
	m := regexp.MustCompile(`startxref\n(\d+)`).FindSubmatch(plain)
	return bytes.Replace(plain, []byte("/Root 1 0 R"), []byte("/Root 1 0 R /Prev "+string(m[1])), 1)
}

// encryptedPDF carries a standard security handler whose user password
// is not empty.
func encryptedPDF() []byte {
	return pdfFile([]string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>",
		stream("", "junk"),
		"<< /Filter /Standard /V 2 /R 3 /Length 128 /P -3904 /O <" + strings.Repeat("4f", 32) + "> /U <" + strings.Repeat("55", 32) + "> >>",
	}, "/Encrypt 5 0 R /ID [<0123456789abcdef0123456789abcdef> <0123456789abcdef0123456789abcdef>]")
}

// imageOnlyPDF is a scan: one page that draws an image and no text.
func imageOnlyPDF() []byte {
	return pdfFile([]string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /XObject << /Im1 5 0 R >> >> >>",
		stream("", "q 612 0 0 792 0 0 cm /Im1 Do Q"),
		stream("/Type /XObject /Subtype /Image /Width 4 /Height 4 /ColorSpace /DeviceGray /BitsPerComponent 8", strings.Repeat("\xff", 16)),
	}, "")
}

// xrefStreamPDF writes objects with a cross-reference stream; inStream
// maps an object number to the object stream holding it.
func xrefStreamPDF(objects []string, inStream map[int]int) []byte {
	var b bytes.Buffer
	b.WriteString("%PDF-1.5\n")
	offsets := make([]int, len(objects)+2)
	for i, o := range objects {
		if _, ok := inStream[i+1]; ok {
			continue
		}
		offsets[i+1] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	xrefObj := len(objects) + 1
	offsets[xrefObj] = b.Len()
	var rows []byte
	for id := 0; id <= xrefObj; id++ {
		switch strm, ok := inStream[id]; {
		case id == 0:
			rows = append(rows, 0, 0, 0, 0xff)
		case ok:
			rows = append(rows, 2, byte(strm>>8), byte(strm), 0)
		default:
			rows = append(rows, 1, byte(offsets[id]>>8), byte(offsets[id]), 0)
		}
	}
	fmt.Fprintf(&b, "%d 0 obj\n<< /Type /XRef /Size %d /W [1 2 1] /Root 1 0 R /Length %d >>\nstream\n%s\nendstream\nendobj\n",
		xrefObj, xrefObj+1, len(rows), rows)
	fmt.Fprintf(&b, "startxref\n%d\n%%%%EOF\n", offsets[xrefObj])
	return b.Bytes()
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
	return pdfFile([]string{
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
