package ingest

import (
	"errors"
	"fmt"
	"io/fs"
	"strconv"
	"strings"
	"unicode"

	"github.com/scdebate/scdebate/ingest/layout"
)

// Reasons a file is rejected. They are wrapped in a *FileError that names
// the file, so that errors.Is tells the reason and Error() prints one line.
var (
	// ErrEmpty: the file has no bytes, or no text once decoded.
	ErrEmpty = errors.New("empty file")
	// ErrNotRecord: the text is readable but is not a verbatim record or a
	// letter (no cover, no speaker turns).
	ErrNotRecord = errors.New("not a verbatim record or letter")
	// ErrNotUTF8: a text file that is not valid UTF-8.
	ErrNotUTF8 = errors.New("text is not valid UTF-8")
	// ErrTooLarge: the document is over one of its Options.Limits (its
	// file, pages, text or lines), found here or by the PDF extractor:
	// it is layout's sentinel, so that errors.Is tells it whichever
	// step found it.
	ErrTooLarge = layout.ErrTooLarge
	// ErrUnsupported: a file type ingestion does not read.
	ErrUnsupported = errors.New("unsupported file type")
	// ErrNoExtractor: a PDF was given but no PDF extractor is configured.
	ErrNoExtractor = errors.New("no PDF extractor configured")
)

// FileError reports a file that could not be turned into a record. Page is
// the page the failure was found on, 0 when it concerns the whole file.
type FileError struct {
	Path string
	Page int
	Err  error
}

func (e *FileError) Error() string {
	path := displayPath(e.Path)
	if msg := e.Err.Error(); strings.HasPrefix(msg, path+": ") {
		return msg // the cause names the file already (an extraction error)
	}
	if e.Page > 0 {
		return fmt.Sprintf("%s: page %d: %v", path, e.Page, e.Err)
	}
	return fmt.Sprintf("%s: %v", path, e.Err)
}

// displayPath quotes a path that holds control characters: a newline in a
// file name would break the message in two.
func displayPath(path string) string {
	if strings.ContainsFunc(path, unicode.IsControl) {
		return strconv.Quote(path)
	}
	return path
}

func (e *FileError) Unwrap() error { return e.Err }

// fileError wraps err with the file's path unless it already names it.
func fileError(path string, err error) *FileError {
	var fe *FileError
	if errors.As(err, &fe) && fe.Path == path {
		return fe
	}
	// The path is said once: "x.pdf: no such file or directory".
	var pe *fs.PathError
	if errors.As(err, &pe) && pe.Path == path {
		err = pe.Err
	}
	return &FileError{Path: path, Err: err}
}
