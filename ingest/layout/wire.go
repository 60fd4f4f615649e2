package layout

import (
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"strings"
	"unicode/utf8"
)

// The worker and its parent exchange frames: a 4-byte big-endian length,
// then the payload. A payload is a tag byte and the message in a compact
// binary form — unsigned varints, strings as a length and their bytes,
// floats as their 8 IEEE bytes, so that a document crosses the pipe
// unchanged. It is several times smaller and faster to write and read than
// the same document as JSON.

// Frame tags.
const (
	tagRequest  = 'R'
	tagDocument = 'D'
	tagError    = 'E'
)

// errFrame reports a frame that does not decode: the worker that sent it
// is not to be trusted with another document.
var errFrame = errors.New("malformed frame")

// newFrame starts a frame: its length is filled in by endFrame.
func newFrame(b []byte) []byte { return append(b[:0], 0, 0, 0, 0) }

// endFrame sets the length of a frame started by newFrame.
func endFrame(b []byte) []byte {
	binary.BigEndian.PutUint32(b, uint32(len(b)-4))
	return b
}

// readFrame reads one frame of at most max bytes into buf's storage.
func readFrame(r io.Reader, buf []byte, max int) ([]byte, error) {
	var head [4]byte
	if _, err := io.ReadFull(r, head[:]); err != nil {
		return nil, err
	}
	n := int(binary.BigEndian.Uint32(head[:]))
	if n > max {
		return nil, fmt.Errorf("%w: %d bytes (limit %d)", errFrame, n, max)
	}
	if cap(buf) < n {
		buf = make([]byte, n)
	}
	buf = buf[:n]
	if _, err := io.ReadFull(r, buf); err != nil {
		if err == io.EOF {
			err = io.ErrUnexpectedEOF
		}
		return nil, err
	}
	return buf, nil
}

// encoder appends values to a payload.
type encoder struct{ b []byte }

func (e *encoder) uint(v uint64)   { e.b = binary.AppendUvarint(e.b, v) }
func (e *encoder) int(v int)       { e.b = binary.AppendVarint(e.b, int64(v)) }
func (e *encoder) float(v float64) { e.b = binary.LittleEndian.AppendUint64(e.b, math.Float64bits(v)) }
func (e *encoder) string(s string) {
	// JSON, which this form replaced, made invalid UTF-8 valid; the
	// parent still gets valid text whatever a PDF's strings hold.
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "\uFFFD")
	}
	e.uint(uint64(len(s)))
	e.b = append(e.b, s...)
}
func (e *encoder) flags(bits ...bool) {
	var f byte
	for i, b := range bits {
		if b {
			f |= 1 << i
		}
	}
	e.b = append(e.b, f)
}

// decoder reads values from a payload; the first error sticks and every
// later read returns zero values.
type decoder struct {
	b   []byte
	err error
}

func (d *decoder) fail() {
	if d.err == nil {
		d.err = errFrame
	}
	d.b = nil
}

func (d *decoder) uint() uint64 {
	v, n := binary.Uvarint(d.b)
	if n <= 0 {
		d.fail()
		return 0
	}
	d.b = d.b[n:]
	return v
}

func (d *decoder) int() int {
	v, n := binary.Varint(d.b)
	if n <= 0 || v != int64(int(v)) {
		d.fail()
		return 0
	}
	d.b = d.b[n:]
	return int(v)
}

func (d *decoder) float() float64 {
	if len(d.b) < 8 {
		d.fail()
		return 0
	}
	v := math.Float64frombits(binary.LittleEndian.Uint64(d.b))
	d.b = d.b[8:]
	return v
}

func (d *decoder) string() string {
	n := d.uint()
	if n > uint64(len(d.b)) {
		d.fail()
		return ""
	}
	s := string(d.b[:n])
	d.b = d.b[n:]
	return s
}

func (d *decoder) byte() byte {
	if len(d.b) < 1 {
		d.fail()
		return 0
	}
	v := d.b[0]
	d.b = d.b[1:]
	return v
}

// count reads a number of items each of which takes at least one byte, so
// that a corrupt count cannot make the reader allocate beyond the payload.
func (d *decoder) count() int {
	n := d.uint()
	if n > uint64(len(d.b)) {
		d.fail()
		return 0
	}
	return int(n)
}

// workerRequest is what the parent asks of a worker: one document.
type workerRequest struct {
	Path        string
	MaxPages    int
	MaxFileSize int64
	MemoryLimit int64
}

func (r workerRequest) append(b []byte) []byte {
	e := encoder{b: append(b, tagRequest)}
	e.string(r.Path)
	e.int(r.MaxPages)
	e.int(int(r.MaxFileSize))
	e.int(int(r.MemoryLimit))
	return e.b
}

func decodeRequest(p []byte) (workerRequest, error) {
	d := decoder{b: p}
	var r workerRequest
	if d.byte() != tagRequest {
		return r, errFrame
	}
	r.Path = d.string()
	r.MaxPages = d.int()
	r.MaxFileSize = int64(d.int())
	r.MemoryLimit = int64(d.int())
	return r, d.err
}

// workerError is a failure the worker reports: the reason's name (see
// reasonNames), the page, and the message.
type workerError struct {
	Reason  string
	Page    int
	Message string
}

func (we workerError) append(b []byte) []byte {
	e := encoder{b: append(b, tagError)}
	e.string(we.Reason)
	e.int(we.Page)
	e.string(we.Message)
	return e.b
}

// appendDocument encodes a document.
func appendDocument(b []byte, doc *Document) []byte {
	e := encoder{b: append(b, tagDocument)}
	for _, s := range []string{doc.Info.Title, doc.Info.Subject, doc.Info.Author, doc.Info.Creator, doc.Info.Producer} {
		e.string(s)
	}
	e.uint(uint64(len(doc.Pages)))
	for i := range doc.Pages {
		p := &doc.Pages[i]
		e.int(p.N)
		e.float(p.Width)
		e.float(p.Height)
		e.string(p.Err)
		e.lines(p.Lines)
		e.lines(p.Furniture)
	}
	return e.b
}

func (e *encoder) lines(lines []Line) {
	e.uint(uint64(len(lines)))
	for i := range lines {
		l := &lines[i]
		e.string(l.Text)
		e.float(l.X)
		e.float(l.Right)
		e.float(l.Y)
		e.float(l.Size)
		e.float(l.ColumnLeft)
		e.float(l.ColumnRight)
		e.int(l.Column)
		e.flags(l.Italic, l.Bold, l.ParagraphStart, l.RTL)
		e.uint(uint64(len(l.Spans)))
		for _, s := range l.Spans {
			e.string(s.Text)
			e.flags(s.Bold, s.Italic)
		}
	}
}

// decodeResponse reads a worker's answer: a document, or the error it
// reported.
func decodeResponse(p []byte) (*Document, *workerError, error) {
	d := decoder{b: p}
	switch d.byte() {
	case tagError:
		we := &workerError{Reason: d.string(), Page: d.int(), Message: d.string()}
		return nil, we, d.end()
	case tagDocument:
		doc := &Document{}
		for _, s := range []*string{&doc.Info.Title, &doc.Info.Subject, &doc.Info.Author, &doc.Info.Creator, &doc.Info.Producer} {
			*s = d.string()
		}
		if n := d.count(); n > 0 {
			doc.Pages = make([]Page, n)
		}
		for i := range doc.Pages {
			p := &doc.Pages[i]
			p.N = d.int()
			p.Width = d.float()
			p.Height = d.float()
			p.Err = d.string()
			p.Lines = d.lines()
			p.Furniture = d.lines()
		}
		return doc, nil, d.end()
	}
	return nil, nil, errFrame
}

// lines reads a list of lines; an empty list is nil.
func (d *decoder) lines() []Line {
	n := d.count()
	if n == 0 {
		return nil
	}
	lines := make([]Line, n)
	for i := range lines {
		l := &lines[i]
		l.Text = d.string()
		l.X = d.float()
		l.Right = d.float()
		l.Y = d.float()
		l.Size = d.float()
		l.ColumnLeft = d.float()
		l.ColumnRight = d.float()
		l.Column = d.int()
		f := d.byte()
		l.Italic, l.Bold, l.ParagraphStart, l.RTL = f&1 != 0, f&2 != 0, f&4 != 0, f&8 != 0
		if k := d.count(); k > 0 {
			l.Spans = make([]Span, k)
			for j := range l.Spans {
				l.Spans[j].Text = d.string()
				f := d.byte()
				l.Spans[j].Bold, l.Spans[j].Italic = f&1 != 0, f&2 != 0
			}
		}
	}
	return lines
}

// end reports a payload with bytes left over as malformed.
func (d *decoder) end() error {
	if d.err == nil && len(d.b) > 0 {
		d.err = errFrame
	}
	return d.err
}
