package ingest

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/scdebate/scdebate/corpus"
	"github.com/scdebate/scdebate/ingest/layout"
)

// Extractor turns a PDF file into its text, page by page in reading order.
// Package layout's isolated extractors (child processes with a time limit,
// layout.Pool for a batch) implement it; tests plug in fakes.
type Extractor interface {
	Extract(ctx context.Context, path string) (*layout.Document, error)
}

// Formats of source files.
const (
	FormatPDF  = "pdf"
	FormatText = "txt"
)

// source is a file read and identified, before extraction.
type source struct {
	path   string
	format string
	sha256 string
	data   []byte // the text, for the text path
}

// readSource checks a file against limits, works out its format from its
// content (a PDF renamed .txt is still a PDF, a ZIP renamed .pdf is
// refused) and hashes it.
func readSource(path string, limits layout.Limits) (*source, error) {
	// Checked before opening: opening a named pipe blocks until someone
	// writes to it, which no time limit can interrupt.
	st, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if !st.Mode().IsRegular() {
		return nil, fmt.Errorf("%w: %s", ErrUnsupported, fileKind(st.Mode()))
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if st.Size() == 0 {
		return nil, ErrEmpty
	}
	head := make([]byte, 1024)
	n, err := io.ReadFull(f, head)
	if err != nil && err != io.ErrUnexpectedEOF {
		return nil, err
	}
	head = head[:n]
	if _, err := f.Seek(0, io.SeekStart); err != nil {
		return nil, err
	}
	src := &source{path: path}
	ext := strings.ToLower(filepath.Ext(path))
	switch {
	case bytes.Contains(head, []byte("%PDF-")):
		src.format = FormatPDF
		if st.Size() > limits.MaxFileSize {
			return nil, layout.TooLarge(st.Size(), limits.MaxFileSize, "bytes")
		}
		h := sha256.New()
		if _, err := io.Copy(h, f); err != nil {
			return nil, err
		}
		src.sha256 = hex.EncodeToString(h.Sum(nil))
		return src, nil
	case ext == ".pdf":
		return nil, fmt.Errorf("not a PDF: %s", describeContent(head))
	case ext == ".txt" || ext == ".text" || ext == "":
		if kind := binaryKind(head); kind != "" {
			return nil, fmt.Errorf("%w: %s", ErrNotUTF8, kind)
		}
		if st.Size() > limits.MaxTextBytes {
			return nil, layout.TooLarge(st.Size(), limits.MaxTextBytes, "bytes")
		}
		data, err := io.ReadAll(io.LimitReader(f, limits.MaxTextBytes+1))
		if err != nil {
			return nil, err
		}
		src.format = FormatText
		src.data = data
		sum := sha256.Sum256(data)
		src.sha256 = hex.EncodeToString(sum[:])
		return src, nil
	}
	return nil, fmt.Errorf("%w: %q (PDF and .txt are read)", ErrUnsupported, ext)
}

// fileKind names what a path that is not a regular file is.
func fileKind(m fs.FileMode) string {
	switch {
	case m.IsDir():
		return "a directory"
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe, not a file"
	case m&fs.ModeSocket != 0:
		return "a socket, not a file"
	case m&fs.ModeDevice != 0:
		return "a device, not a file"
	}
	return "not a regular file"
}

// describeContent names what a file that should have been a PDF is.
func describeContent(head []byte) string {
	if kind := binaryKind(head); kind != "" {
		return kind
	}
	if len(bytes.TrimSpace(head)) == 0 {
		return "no content"
	}
	return "no %PDF header"
}

// binaryKind recognises common binary formats by their magic bytes.
func binaryKind(head []byte) string {
	switch {
	case bytes.HasPrefix(head, []byte("PK\x03\x04")):
		return "a ZIP archive (or Office document)"
	case bytes.HasPrefix(head, []byte("\x1f\x8b")):
		return "a gzip archive"
	case bytes.HasPrefix(head, []byte("\xd0\xcf\x11\xe0")):
		return "an old Office document"
	case bytes.HasPrefix(head, []byte("\x89PNG")), bytes.HasPrefix(head, []byte("\xff\xd8\xff")), bytes.HasPrefix(head, []byte("GIF8")):
		return "an image"
	case bytes.HasPrefix(head, []byte("{\\rtf")):
		return "an RTF document"
	}
	return ""
}

// ParseFile reads one PDF or text file and parses it into a record, within
// the default limits. PDFs go through ex; a nil ex refuses them. Errors are
// *FileError naming the file.
func ParseFile(ctx context.Context, path string, ex Extractor) (*corpus.Record, error) {
	limits := layout.Limits{}.WithDefaults()
	src, err := readSource(path, limits)
	if err != nil {
		return nil, fileError(path, err)
	}
	rec, err := parseSource(ctx, src, ex, limits)
	if err != nil {
		return nil, fileError(path, err)
	}
	return rec, nil
}

// parseSource extracts (PDF) or reads (text) a source and parses it,
// within limits (with their defaults set).
func parseSource(ctx context.Context, src *source, ex Extractor, limits layout.Limits) (rec *corpus.Record, err error) {
	defer func() {
		// A parser bug on a hostile file costs that file, not the batch.
		if r := recover(); r != nil {
			rec, err = nil, fmt.Errorf("internal error while parsing: %v", r)
		}
	}()
	var doc layout.Document
	switch src.format {
	case FormatPDF:
		if ex == nil {
			return nil, ErrNoExtractor
		}
		d, err := ex.Extract(ctx, src.path)
		if err != nil {
			return nil, err
		}
		if d == nil {
			return nil, fmt.Errorf("%w: the extractor returned no document", ErrEmpty)
		}
		doc = *d
	default:
		d, err := textDocument(src.data, limits)
		if err != nil {
			return nil, err
		}
		doc = d
	}
	if len(doc.Pages) > limits.MaxPages {
		return nil, layout.TooLarge(int64(len(doc.Pages)), int64(limits.MaxPages), "pages")
	}
	// A PDF can draw megabytes of text on each of its pages: the text is
	// bounded as a text file's is.
	n, lines := textSize(doc)
	if int64(n) > limits.MaxTextBytes {
		return nil, layout.TooLarge(int64(n), limits.MaxTextBytes, "bytes of text")
	}
	if lines > limits.MaxLines {
		return nil, layout.TooLarge(int64(lines), int64(limits.MaxLines), "lines")
	}
	rec, err = Parse(ctx, doc)
	if err != nil {
		return nil, err
	}
	rec.Source.Path = src.path
	rec.Source.SHA256 = src.sha256
	rec.Source.Format = src.format
	return rec, nil
}

// textSize is the size of a document's text and its number of lines.
func textSize(doc layout.Document) (bytes, lines int) {
	for _, p := range doc.Pages {
		lines += len(p.Lines)
		for _, l := range p.Lines {
			bytes += len(l.Text) + 1
		}
	}
	return bytes, lines
}
