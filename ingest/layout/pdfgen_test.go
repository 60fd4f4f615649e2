package layout_test

import (
	"archive/zip"
	"bytes"
	"fmt"
	"strings"
)

// pdfFile writes a PDF from object bodies (object n is objects[n-1]) with
// a correct cross-reference table, so that tests can build well-formed
// files and break exactly one thing.
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

// textPage is the content of a page that says text at the top left.
func textPage(text string) string {
	return fmt.Sprintf("BT /F1 12 Tf 72 720 Td (%s) Tj ET", text)
}

// textPDF is a well-formed document of pages with the given contents.
func textPDF(contents ...string) []byte {
	n := len(contents)
	kids := make([]string, n)
	objects := []string{"<< /Type /Catalog /Pages 2 0 R >>", "", helvetica}
	for i, c := range contents {
		page := len(objects) + 1
		kids[i] = fmt.Sprintf("%d 0 R", page)
		objects = append(objects,
			fmt.Sprintf("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents %d 0 R /Resources << /Font << /F1 3 0 R >> >> >>", page+1),
			c)
	}
	objects[1] = fmt.Sprintf("<< /Type /Pages /Kids [%s] /Count %d >>", strings.Join(kids, " "), n)
	return pdfFile(objects, "")
}

func textStreams(texts ...string) []string {
	out := make([]string, len(texts))
	for i, t := range texts {
		out[i] = stream("", textPage(t))
	}
	return out
}

// zipFile is a small ZIP archive, what a Word file renamed .pdf is.
func zipFile() []byte {
	var b bytes.Buffer
	w := zip.NewWriter(&b)
	f, _ := w.Create("word/document.xml")
	f.Write([]byte("<w:document/>"))
	w.Close()
	return b.Bytes()
}

// encryptedPDF carries a standard-security dictionary whose user password
// is not empty.
func encryptedPDF() []byte {
	objects := []string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>",
		stream("", "junk"),
		"<< /Filter /Standard /V 2 /R 3 /Length 128 /P -3904 /O <" + strings.Repeat("4f", 32) + "> /U <" + strings.Repeat("55", 32) + "> >>",
	}
	return pdfFile(objects, "/Encrypt 5 0 R /ID [<0123456789abcdef0123456789abcdef> <0123456789abcdef0123456789abcdef>]")
}

// imageOnlyPDF is a scan: one page that draws an image and no text.
func imageOnlyPDF() []byte {
	pixels := strings.Repeat("\xff", 16)
	objects := []string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /XObject << /Im1 5 0 R >> >> >>",
		stream("", "q 612 0 0 792 0 0 cm /Im1 Do Q"),
		stream("/Type /XObject /Subtype /Image /Width 4 /Height 4 /ColorSpace /DeviceGray /BitsPerComponent 8", pixels),
	}
	return pdfFile(objects, "")
}

// manyPagesPDF has n pages sharing one content stream; countSays is the
// page count its page tree declares.
func manyPagesPDF(n, countSays int) []byte {
	var b bytes.Buffer
	b.WriteString("%PDF-1.4\n")
	offsets := []int{}
	obj := func(body string) {
		offsets = append(offsets, b.Len())
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", len(offsets), body)
	}
	obj("<< /Type /Catalog /Pages 2 0 R >>")
	kids := make([]string, n)
	for i := range kids {
		kids[i] = fmt.Sprintf("%d 0 R", i+5)
	}
	obj(fmt.Sprintf("<< /Type /Pages /Kids [%s] /Count %d >>", strings.Join(kids, " "), countSays))
	obj(helvetica)
	obj(stream("", textPage("a page")))
	for i := 0; i < n; i++ {
		obj("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 3 0 R >> >> >>")
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(offsets)+1)
	for _, off := range offsets {
		fmt.Fprintf(&b, "%010d 00000 n \n", off)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(offsets)+1, xref)
	return b.Bytes()
}

// xrefStreamPDF writes objects with a cross-reference stream; inStream
// maps an object number to the object stream holding it (entry type 2),
// which lets a test build the object-stream loops of hostile files.
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
