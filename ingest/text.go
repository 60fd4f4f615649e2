package ingest

import (
	"bytes"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/scdebate/scdebate/ingest/layout"
)

// TextDocument turns plain text — UTF-8, pages separated by form feeds, as
// pdftotext or the UN's own text export gives it — into a layout.Document,
// so that text and PDF feed the same structure parser. Running headers and
// footers are left in place: the parser removes them by pattern on both
// paths.
//
// The default layout.Limits apply: a text over them fails with
// ErrTooLarge.
func TextDocument(data []byte) (layout.Document, error) {
	return textDocument(data, layout.Limits{}.WithDefaults())
}

// textDocument is TextDocument within limits (with their defaults set).
func textDocument(data []byte, limits layout.Limits) (layout.Document, error) {
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
	if n := strings.Count(text, "\n"); n > limits.MaxLines {
		return layout.Document{}, layout.TooLarge(int64(n), int64(limits.MaxLines), "lines")
	}
	raw := strings.Split(text, "\f")
	// pdftotext ends the last page with a form feed too.
	for len(raw) > 1 && strings.TrimSpace(raw[len(raw)-1]) == "" {
		raw = raw[:len(raw)-1]
	}
	if len(raw) > limits.MaxPages {
		return layout.Document{}, layout.TooLarge(int64(len(raw)), int64(limits.MaxPages), "pages")
	}
	doc := layout.Document{Pages: make([]layout.Page, 0, len(raw))}
	prev, blank, bullet := "", false, false
	for i, pageText := range raw {
		page := layout.Page{N: i + 1, Lines: make([]layout.Line, 0, strings.Count(pageText, "\n")+1)}
		for _, l := range strings.Split(pageText, "\n") {
			l = cleanLine(l)
			if l == "" {
				blank = true
				continue
			}
			// A blank line after a finished sentence, before a line that
			// can open one, separates paragraphs (letters, text exports);
			// elsewhere it is only a column or page break.
			start := blank && (endsClause(prev) || bullet) && opensParagraph(l)
			if start || bulletRe.MatchString(l) {
				bullet = bulletRe.MatchString(l)
			}
			page.Lines = append(page.Lines, layout.Line{Text: l, ParagraphStart: start})
			prev, blank = l, false
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
		case r >= '\u202a' && r <= '\u202e' || r >= '\u2066' && r <= '\u2069':
			// Direction embeddings, overrides and isolates are formatting,
			// never a record's text, and an override would display the
			// text reversed.
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

// opensParagraph reports whether a line can be the first of a paragraph:
// it starts with a capital, a digit, a quotation mark, a bullet or a
// letter of a script without case.
func opensParagraph(l string) bool {
	r, _ := utf8.DecodeRuneInString(l)
	return unicode.IsUpper(r) || unicode.IsDigit(r) || strings.ContainsRune("“\"‘'«(-–—•[", r) ||
		unicode.IsLetter(r) && !unicode.IsLower(r)
}
