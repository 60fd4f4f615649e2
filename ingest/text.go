package ingest

import (
	"bytes"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/scdebate/scdebate/ingest/layout"
)

// Limits on what the text path accepts. A verbatim record is at most a few
// hundred pages; anything far larger is not one, and refusing it early keeps
// memory bounded.
const (
	// DefaultMaxTextBytes is the largest text file read.
	DefaultMaxTextBytes = 32 << 20
	// DefaultMaxPages is the largest page count parsed.
	DefaultMaxPages = 1000
)

// TextDocument turns plain text — UTF-8, pages separated by form feeds, as
// pdftotext or the UN's own text export gives it — into a layout.Document,
// so that text and PDF feed the same structure parser. Running headers and
// footers are left in place: the parser removes them by pattern on both
// paths.
func TextDocument(data []byte) (layout.Document, error) {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if len(bytes.TrimSpace(data)) == 0 {
		return layout.Document{}, ErrEmpty
	}
	if !utf8.Valid(data) {
		return layout.Document{}, ErrNotUTF8
	}
	if bytes.IndexByte(data, 0) >= 0 {
		return layout.Document{}, fmt.Errorf("%w: contains NUL bytes (binary data)", ErrNotUTF8)
	}
	text := strings.ReplaceAll(string(data), "\r\n", "\n")
	text = strings.ReplaceAll(text, "\r", "\n")
	raw := strings.Split(text, "\f")
	// pdftotext ends the last page with a form feed too.
	for len(raw) > 1 && strings.TrimSpace(raw[len(raw)-1]) == "" {
		raw = raw[:len(raw)-1]
	}
	if len(raw) > DefaultMaxPages {
		return layout.Document{}, fmt.Errorf("%w: %d pages (limit %d)", ErrTooLarge, len(raw), DefaultMaxPages)
	}
	doc := layout.Document{Pages: make([]layout.Page, 0, len(raw))}
	for i, pageText := range raw {
		page := layout.Page{N: i + 1}
		for _, l := range strings.Split(pageText, "\n") {
			l = cleanLine(l)
			if l == "" {
				continue
			}
			page.Lines = append(page.Lines, layout.Line{Text: l})
		}
		doc.Pages = append(doc.Pages, page)
	}
	return doc, nil
}

// cleanLine trims a line and folds the space variants and control
// characters that extraction leaves into plain spaces.
func cleanLine(s string) string {
	if isPlainASCII(s) {
		return strings.TrimSpace(s)
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case r == '\u00a0' || r == '\u2007' || r == '\u202f' || r == '\u2009' || r == '\u200a' || r == '\t':
			b.WriteByte(' ')
		case r == '\ufeff' || r == '\u200b' || r == '\u200e' || r == '\u200f':
		case r < 0x20 || (r >= 0x7f && r < 0xa0):
			b.WriteByte(' ')
		case r == utf8.RuneError:
		default:
			b.WriteRune(r)
		}
	}
	return strings.TrimFunc(b.String(), unicode.IsSpace)
}

func isPlainASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < 0x20 || c >= 0x7f {
			return false
		}
	}
	return true
}
