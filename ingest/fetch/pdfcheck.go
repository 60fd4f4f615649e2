package fetch

import (
	"bytes"
	"fmt"
	"io"
	"mime"
	"os"
)

// The PDF header may follow a little junk (the specification tolerates
// it within the first 1024 bytes); the end-of-file marker may be followed
// by whitespace or an appended signature, so it is looked for near the end.
const (
	pdfHeaderWindow = 1024
	pdfTrailWindow  = 2048
)

var (
	pdfMagic  = []byte("%PDF-")
	pdfEOFTag = []byte("%%EOF")
)

// checkContentType rejects a response whose declared type cannot be a PDF
// (an HTML error page, JSON, XML). Types a server may give a PDF —
// application/pdf, octet-stream, none at all — pass and are judged by
// their bytes.
func checkContentType(ct string, head []byte) error {
	if ct == "" {
		return nil
	}
	mt, _, err := mime.ParseMediaType(ct)
	if err != nil {
		return nil
	}
	switch mt {
	case "text/html", "application/xhtml+xml", "text/plain", "application/json",
		"text/xml", "application/xml", "application/problem+json":
		if bytes.HasPrefix(head, pdfMagic) {
			return nil // a mislabelled PDF is still a PDF
		}
		return &ContentError{Reason: "the server answered " + mt, ContentType: ct, Size: -1, Head: head}
	}
	return nil
}

// checkPDFHead checks the first bytes of a body.
func checkPDFHead(head []byte, ct string, size int64) error {
	if len(head) == 0 {
		return &ContentError{Reason: "empty body", ContentType: ct, Size: 0}
	}
	window := head
	if len(window) > pdfHeaderWindow {
		window = window[:pdfHeaderWindow]
	}
	if !bytes.Contains(window, pdfMagic) {
		return &ContentError{Reason: "no %PDF- header", ContentType: ct, Size: size, Head: head}
	}
	return nil
}

// CheckPDFFile verifies that the file at path looks like a complete PDF:
// a %PDF- header at the start and a %%EOF marker at the end. A truncated
// download fails the second test.
func CheckPDFFile(path, contentType string) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return err
	}
	size := st.Size()
	head, err := readHead(f, pdfHeaderWindow)
	if err != nil {
		return err
	}
	if err := checkPDFHead(head, contentType, size); err != nil {
		return err
	}
	n := int64(pdfTrailWindow)
	if n > size {
		n = size
	}
	tail := make([]byte, n)
	if _, err := f.ReadAt(tail, size-n); err != nil && err != io.EOF {
		return err
	}
	if !bytes.Contains(tail, pdfEOFTag) {
		return &ContentError{
			Reason:      fmt.Sprintf("truncated: no %%%%EOF marker in the last %d bytes", n),
			ContentType: contentType, Size: size, Head: head,
		}
	}
	return nil
}
