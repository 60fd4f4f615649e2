package ingest

import (
	"bytes"
	"fmt"
	"strings"
)

// pdfFile writes a PDF from object bodies (object n is objects[n-1]) with a
// correct cross-reference table.
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

func pdfStream(dict, data string) string {
	return fmt.Sprintf("<< %s /Length %d >>\nstream\n%s\nendstream", dict, len(data), data)
}

// pagesPDF is a document whose pages hold the given content streams, with
// Helvetica as /F1 and an image as /Im1.
func pagesPDF(contents ...string) []byte {
	objects := []string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"",
		"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
		pdfStream("/Type /XObject /Subtype /Image /Width 2 /Height 2 /ColorSpace /DeviceGray /BitsPerComponent 8", "\x00\xff\xff\x00"),
	}
	kids := make([]string, len(contents))
	for i, c := range contents {
		n := len(objects) + 1
		kids[i] = fmt.Sprintf("%d 0 R", n)
		objects = append(objects,
			fmt.Sprintf("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents %d 0 R /Resources << /Font << /F1 3 0 R >> /XObject << /Im1 4 0 R >> >> >>", n+1),
			pdfStream("", c))
	}
	objects[1] = fmt.Sprintf("<< /Type /Pages /Kids [%s] /Count %d >>", strings.Join(kids, " "), len(contents))
	return pdfFile(objects, "")
}

// textContent draws lines of text from the top of the page down.
func textContent(lines ...string) string {
	var b strings.Builder
	b.WriteString("BT /F1 11 Tf 13 TL 72 720 Td ")
	for _, l := range lines {
		l = strings.NewReplacer(`\`, `\\`, "(", `\(`, ")", `\)`).Replace(l)
		fmt.Fprintf(&b, "(%s) Tj T* ", l)
	}
	b.WriteString("ET")
	return b.String()
}

// imageContent paints the image and no text: a scanned page.
const imageContent = "q 540 0 0 700 36 46 cm /Im1 Do Q"

// encryptedPDF carries a standard security handler with a user password.
func encryptedPDF() []byte {
	objects := []string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>",
		pdfStream("", "BT ET"),
		"<< /Filter /Standard /V 2 /R 3 /Length 128 /P -3904 /O <" + strings.Repeat("ab", 32) + "> /U <" + strings.Repeat("cd", 32) + "> >>",
	}
	return pdfFile(objects, "/Encrypt 5 0 R /ID [<0123456789abcdef0123456789abcdef> <0123456789abcdef0123456789abcdef>]")
}
