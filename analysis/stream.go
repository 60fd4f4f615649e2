package analysis

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"unicode/utf8"
)

// MaxLineBytes bounds one input line of ClassifyStream; the rest of a longer
// line is skipped and the line reported as cut.
const MaxLineBytes = 8 << 20

// StreamOptions control ClassifyStream. The zero value detects each line's
// language and omits the evidence.
type StreamOptions struct {
	// Language of every line (ISO 639-1); "" detects it per line.
	Language string
	// Evidence adds, per theme, the terms that signalled it.
	Evidence bool
	// Context is what every line is read in; the zero value is the
	// debate on the Council's report (DefaultDebate).
	Context Context
}

// StreamLine is one output line of ClassifyStream.
type StreamLine struct {
	Classification
	// Warning notes what was done to a bad line: invalid UTF-8 replaced,
	// an over-long line cut.
	Warning string `json:"warning,omitempty"`
}

// ClassifyStream reads UTF-8 passages from r, one per line, and writes one
// JSON object per input line to w, in the same order. Invalid UTF-8 is
// replaced (and noted); a line longer than MaxLineBytes is cut (and noted).
// It returns the number of lines written. ctx is checked between lines.
func (c *Coder) ClassifyStream(ctx context.Context, r io.Reader, w io.Writer, opts StreamOptions) (int, error) {
	br := bufio.NewReaderSize(r, 64<<10)
	bw := bufio.NewWriter(w)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	n := 0
	for {
		if err := ctx.Err(); err != nil {
			bw.Flush()
			return n, err
		}
		line, cut, err := readLine(br, MaxLineBytes)
		if err == io.EOF && line == nil {
			break
		}
		if err != nil && err != io.EOF {
			bw.Flush()
			return n, fmt.Errorf("read input line %d: %w", n+1, err)
		}
		out := StreamLine{}
		if !utf8.Valid(line) {
			out.Warning = "invalid UTF-8 replaced with U+FFFD"
		}
		if cut {
			out.Warning = joinWarning(out.Warning, fmt.Sprintf("line longer than %d bytes: the rest was skipped", MaxLineBytes))
		}
		out.Classification = c.ClassifyIn(opts.Context, opts.Language, string(line))
		if !opts.Evidence {
			out.Evidence = nil
		}
		if err := enc.Encode(out); err != nil {
			return n, fmt.Errorf("write output line %d: %w", n+1, err)
		}
		n++
		if err == io.EOF {
			break
		}
	}
	return n, bw.Flush()
}

func joinWarning(a, b string) string {
	if a == "" {
		return b
	}
	return a + "; " + b
}

// readLine reads one line without its line ending, keeping at most max
// bytes (cut at a rune boundary); cut reports that bytes were skipped. It
// returns io.EOF with a nil line at the end of input, and io.EOF with the
// line for a last line without a newline.
func readLine(br *bufio.Reader, max int) (line []byte, cut bool, err error) {
	for {
		frag, ferr := br.ReadSlice('\n')
		if len(line)+len(frag) <= max {
			line = append(line, frag...)
		} else {
			if room := max - len(line); room > 0 && !cut {
				for room > 0 && !utf8.RuneStart(frag[room]) {
					room--
				}
				line = append(line, frag[:room]...)
			}
			cut = true
		}
		if errors.Is(ferr, bufio.ErrBufferFull) {
			continue
		}
		if ferr != nil && ferr != io.EOF {
			return nil, cut, ferr
		}
		if ferr == io.EOF && len(line) == 0 && !cut {
			return nil, false, io.EOF
		}
		line = trimEOL(line)
		return line, cut, ferr
	}
}

func trimEOL(b []byte) []byte {
	if n := len(b); n > 0 && b[n-1] == '\n' {
		b = b[:n-1]
	}
	if n := len(b); n > 0 && b[n-1] == '\r' {
		b = b[:n-1]
	}
	return b
}
