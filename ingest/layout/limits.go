package layout

import "fmt"

// Defaults for the zero Limits. Verbatim records run to a few dozen pages
// and well under 10 MB; the limits leave a wide margin while keeping a
// hostile file's cost bounded.
const (
	DefaultMaxPages    = 1000
	DefaultMaxFileSize = 256 << 20
	// DefaultMaxTextBytes is the most text a document of DefaultMaxPages
	// may hold (a text file's size, or the text a PDF yields): about
	// twice a 1,000-page record, and small enough that parsing it stays
	// well within the time limit.
	DefaultMaxTextBytes = 8 << 20
	// DefaultMaxLines is the most lines a document of DefaultMaxPages may
	// hold: a 1,000-page record in two columns has about 150,000. The
	// parser's memory follows the number of lines more than their length
	// (8 MiB of two-byte lines took 2.9 GB).
	DefaultMaxLines = 400_000
)

// Limits bound what one document may be, at every step that reads it: the
// PDF file and its page tree here, the text and its lines in the parser
// (package ingest), which takes the same Limits. A document over a limit
// fails with ErrTooLarge. A zero field takes its default; MaxTextBytes and
// MaxLines default in proportion to MaxPages, so that raising or lowering
// the page limit moves the text limits with it.
type Limits struct {
	// MaxPages refuses longer documents before extracting anything, so
	// that a 2,000-page file costs next to nothing.
	MaxPages int
	// MaxFileSize refuses larger PDF files, in bytes.
	MaxFileSize int64
	// MaxTextBytes refuses a larger text file, and a document whose pages
	// hold more text.
	MaxTextBytes int64
	// MaxLines refuses a document of more lines.
	MaxLines int
}

// WithDefaults returns l with its zero fields set to their defaults.
func (l Limits) WithDefaults() Limits {
	if l.MaxPages <= 0 {
		l.MaxPages = DefaultMaxPages
	}
	if l.MaxFileSize <= 0 {
		l.MaxFileSize = DefaultMaxFileSize
	}
	if l.MaxTextBytes <= 0 {
		l.MaxTextBytes = int64(DefaultMaxTextBytes) * int64(l.MaxPages) / DefaultMaxPages
	}
	if l.MaxLines <= 0 {
		l.MaxLines = int(int64(DefaultMaxLines) * int64(l.MaxPages) / DefaultMaxPages)
	}
	return l
}

// TooLarge is the error for a document of n units (what: "pages",
// "bytes", "lines", "bytes of text") over its limit.
func TooLarge(n, limit int64, what string) error {
	return fmt.Errorf("%w: %d %s (limit %d)", ErrTooLarge, n, what, limit)
}
