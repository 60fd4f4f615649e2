// Package pdftest writes small PDF files for tests: well-formed documents
// whose text is known, and documents broken in exactly one way. It is
// imported by tests only; nothing in the pipeline uses it.
package pdftest

import (
	"archive/zip"
	"bytes"
	"fmt"
	"strings"
)

// Helvetica is a font object for the standard Helvetica; the pages of
// Pages and TextPDF name it /F1.
const Helvetica = "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"

// File writes a PDF from object bodies (object n is objects[n-1]) with a
// correct cross-reference table, so that a test can build a well-formed
// file and break exactly one thing. Object 1 is the catalog; trailer adds
// entries to the trailer dictionary.
func File(objects []string, trailer string) []byte {
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

// Stream is a stream object holding data, with the entries of dict.
func Stream(dict, data string) string {
	return fmt.Sprintf("<< %s /Length %d >>\nstream\n%s\nendstream", dict, len(data), data)
}

// TextPage is the content of a page that says lines from the top left
// down, in /F1 at 12 points.
func TextPage(lines ...string) string {
	var b strings.Builder
	b.WriteString("BT /F1 12 Tf 72 720 Td ")
	for i, l := range lines {
		if i > 0 {
			b.WriteString("0 -14 Td ")
		}
		fmt.Fprintf(&b, "(%s) Tj ", escape.Replace(l))
	}
	b.WriteString("ET")
	return b.String()
}

var escape = strings.NewReplacer(`\`, `\\`, "(", `\(`, ")", `\)`)

// Pages is a well-formed document whose pages are drawn by the given
// content stream objects (see Stream), with Helvetica as /F1.
func Pages(contents ...string) []byte {
	kids := make([]string, len(contents))
	objects := []string{"<< /Type /Catalog /Pages 2 0 R >>", "", Helvetica}
	for i, c := range contents {
		page := len(objects) + 1
		kids[i] = fmt.Sprintf("%d 0 R", page)
		objects = append(objects,
			fmt.Sprintf("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents %d 0 R /Resources << /Font << /F1 3 0 R >> >> >>", page+1),
			c)
	}
	objects[1] = fmt.Sprintf("<< /Type /Pages /Kids [%s] /Count %d >>", strings.Join(kids, " "), len(contents))
	return File(objects, "")
}

// TextPDF is a well-formed document of one page per text, each page
// saying its text.
func TextPDF(texts ...string) []byte {
	contents := make([]string, len(texts))
	for i, t := range texts {
		contents[i] = Stream("", TextPage(t))
	}
	return Pages(contents...)
}

// SharedPages is a document of n pages all drawn by one content stream
// holding content; count is the page count its page tree declares, which
// a hostile file sets to anything.
func SharedPages(n, count int, content string) []byte {
	objects := []string{"<< /Type /Catalog /Pages 2 0 R >>", "", Helvetica, Stream("", content)}
	kids := make([]string, n)
	for i := range kids {
		kids[i] = fmt.Sprintf("%d 0 R", len(objects)+1)
		objects = append(objects, "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 3 0 R >> >> >>")
	}
	objects[1] = fmt.Sprintf("<< /Type /Pages /Kids [%s] /Count %d >>", strings.Join(kids, " "), count)
	return File(objects, "")
}

// Encrypted carries a standard security handler whose user password is
// not empty.
func Encrypted() []byte {
	return File([]string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>",
		Stream("", "junk"),
		"<< /Filter /Standard /V 2 /R 3 /Length 128 /P -3904 /O <" + strings.Repeat("4f", 32) + "> /U <" + strings.Repeat("55", 32) + "> >>",
	}, "/Encrypt 5 0 R /ID [<0123456789abcdef0123456789abcdef> <0123456789abcdef0123456789abcdef>]")
}

// ImageOnly is a scan: one page that draws an image and no text.
func ImageOnly() []byte {
	return File([]string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /XObject << /Im1 5 0 R >> >> >>",
		Stream("", "q 612 0 0 792 0 0 cm /Im1 Do Q"),
		Stream("/Type /XObject /Subtype /Image /Width 4 /Height 4 /ColorSpace /DeviceGray /BitsPerComponent 8", strings.Repeat("\xff", 16)),
	}, "")
}

// XrefStream writes objects with a cross-reference stream; inStream maps
// an object number to the object stream holding it (entry type 2), which
// lets a test build the object-stream loops of hostile files.
func XrefStream(objects []string, inStream map[int]int) []byte {
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

// ZIP is a small ZIP archive, what a Word file renamed .pdf is.
func ZIP() []byte {
	var b bytes.Buffer
	w := zip.NewWriter(&b)
	f, _ := w.Create("word/document.xml")
	f.Write([]byte("<w:document/>"))
	w.Close()
	return b.Bytes()
}
