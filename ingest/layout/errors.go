package layout

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"unicode"
)

// Reasons a document cannot be extracted. An ExtractError wraps one of
// them, usually with detail, so callers test with errors.Is.
var (
	ErrNotPDF    = errors.New("not a PDF")
	ErrEncrypted = errors.New("encrypted PDF")
	ErrNoText    = errors.New("no text layer (image-only PDF)")
	ErrTruncated = errors.New("truncated PDF")
	ErrMalformed = errors.New("malformed PDF")
	ErrTooLarge  = errors.New("too large")
	ErrTimeout   = errors.New("extraction timed out")
	// ErrCrashed means the extraction process died without an answer.
	ErrCrashed = errors.New("extractor crashed")
)

// ExtractError reports why a document, or one of its pages, could not be
// extracted. Its message is one line naming the file.
type ExtractError struct {
	Path string
	Page int // 1-based; 0 when the failure is not tied to a page
	Err  error
}

func (e *ExtractError) Error() string {
	var b strings.Builder
	b.WriteString(displayPath(e.Path))
	if e.Page > 0 {
		fmt.Fprintf(&b, ": page %d", e.Page)
	}
	b.WriteString(": ")
	b.WriteString(oneLine(e.Err.Error()))
	return b.String()
}

func (e *ExtractError) Unwrap() error { return e.Err }

// displayPath quotes a path that holds control characters: a newline in a
// file name would break the message in two.
func displayPath(path string) string {
	if strings.ContainsFunc(path, unicode.IsControl) {
		return strconv.Quote(path)
	}
	return path
}

// oneLine makes a message safe to print on one line: the library's panics
// can quote binary stream content.
func oneLine(s string) string {
	const max = 240
	var b strings.Builder
	space := false
	for _, r := range s {
		if unicode.IsSpace(r) || !unicode.IsPrint(r) {
			space = true
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(r)
		if b.Len() >= max {
			b.WriteString("…")
			break
		}
	}
	return b.String()
}

// reasonNames maps the sentinel reasons to the names the worker process
// sends back, so that errors.Is holds across the process boundary.
var reasonNames = map[string]error{
	"not-pdf":   ErrNotPDF,
	"encrypted": ErrEncrypted,
	"no-text":   ErrNoText,
	"truncated": ErrTruncated,
	"malformed": ErrMalformed,
	"too-large": ErrTooLarge,
	"timeout":   ErrTimeout,
	"crashed":   ErrCrashed,
}

func reasonName(err error) string {
	for name, sentinel := range reasonNames {
		if errors.Is(err, sentinel) {
			return name
		}
	}
	return ""
}

// reasonError rebuilds an error from its reason name and message, the
// message already carrying the reason's text.
type reasonError struct {
	reason error
	msg    string
}

func (e *reasonError) Error() string { return e.msg }
func (e *reasonError) Unwrap() error { return e.reason }
