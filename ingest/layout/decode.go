package layout

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"math"
	"net/http"
	"os"
	"regexp"
	"strconv"
	"strings"

	"github.com/ledongthuc/pdf"
)

// ExtractInProcess extracts a PDF in the calling process. It recovers from
// the PDF library's panics page by page, but cannot stop the library's
// infinite loops: batch callers use a Pool, which isolates each document
// in a child process.
func ExtractInProcess(ctx context.Context, path string, opts Options) (*Document, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, &ExtractError{Path: path, Err: err}
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return nil, &ExtractError{Path: path, Err: err}
	}
	if fi.IsDir() {
		return nil, &ExtractError{Path: path, Err: fmt.Errorf("%w: is a directory", ErrNotPDF)}
	}
	doc, err := Decode(ctx, f, fi.Size(), opts)
	if err != nil {
		var ee *ExtractError
		if errors.As(err, &ee) {
			ee.Path = path
			return nil, ee
		}
		return nil, &ExtractError{Path: path, Err: err}
	}
	return doc, nil
}

// Decode extracts a PDF held in r. Errors wrap the sentinel reasons
// (ErrNotPDF, ErrEncrypted, …); a page that fails alone is reported in its
// Page.Err and the document still extracts.
func Decode(ctx context.Context, r io.ReaderAt, size int64, opts Options) (*Document, error) {
	if size == 0 {
		return nil, fmt.Errorf("%w: empty file", ErrNotPDF)
	}
	if limit := opts.Limits.WithDefaults().MaxFileSize; size > limit {
		return nil, TooLarge(size, limit, "bytes")
	}
	raw, info, err := decodeFile(ctx, r, size, opts)
	if errors.Is(err, ErrMalformed) {
		// Damaged cross-reference data is the usual cause: rebuild it from
		// the objects in the file, and keep the first error if that fails.
		if data, ok := rebuildXref(r, size); ok {
			if raw2, info2, err2 := decodeFile(ctx, bytes.NewReader(data), int64(len(data)), opts); err2 == nil {
				raw, info, err = raw2, info2, nil
			}
		}
	}
	if err != nil {
		return nil, err
	}
	// Layout is this package's own code: a bug in it is not a malformed
	// document, so it is left to surface (the worker process turns it into
	// ErrCrashed for that document alone).
	doc := assemble(raw)
	doc.Info = info
	return doc, nil
}

func decodeFile(ctx context.Context, r io.ReaderAt, size int64, opts Options) ([]rawPage, Info, error) {
	patched, size, err := prepare(r, size)
	if err != nil {
		return nil, Info{}, err
	}
	rd, err := openReader(patched, size)
	if err != nil {
		return nil, Info{}, err
	}
	return decodePages(ctx, rd, opts)
}

// decodePages interprets every page. The library signals broken objects
// by panicking; outside the per-page recovery, such a panic means the
// document as a whole is malformed.
func decodePages(ctx context.Context, rd *pdf.Reader, opts Options) (raw []rawPage, info Info, err error) {
	defer func() {
		if p := recover(); p != nil {
			raw, err = nil, fmt.Errorf("%w: %v", ErrMalformed, p)
		}
	}()
	pagesRoot := rd.Trailer().Key("Root").Key("Pages")
	if pagesRoot.IsNull() {
		return nil, info, fmt.Errorf("%w: no page tree", ErrMalformed)
	}
	maxPages := opts.Limits.WithDefaults().MaxPages
	if n := pagesRoot.Key("Count").Int64(); n > int64(maxPages) {
		return nil, info, TooLarge(n, int64(maxPages), "pages")
	}
	pages, err := collectPages(pagesRoot, maxPages)
	if err != nil {
		return nil, info, err
	}
	in := &interp{fonts: newFontCache()}
	raw = make([]rawPage, len(pages))
	failed := 0
	for i, p := range pages {
		if err := ctx.Err(); err != nil {
			return nil, info, err
		}
		raw[i] = decodePage(p, i+1, in)
		if raw[i].err != "" {
			failed++
		}
	}
	if failed == len(raw) {
		return nil, info, &ExtractError{Page: 1, Err: fmt.Errorf("%w: no page could be decoded: %s", ErrMalformed, raw[0].err)}
	}
	words, images := 0, 0
	for _, p := range raw {
		words += len(p.words)
		images += p.images
	}
	if words == 0 {
		if images > 0 {
			return nil, info, fmt.Errorf("%w: no text on any of its %d pages, only images (%d)", ErrNoText, len(raw), images)
		}
		return nil, info, fmt.Errorf("%w: no text on any of its %d pages", ErrNoText, len(raw))
	}
	return raw, readInfo(rd.Trailer().Key("Info")), nil
}

// prepare checks the header and the end of the file, and presents the
// library with what it insists on: a "%PDF-1.x" header at offset 0 and
// "%%EOF" within the last bytes.
func prepare(r io.ReaderAt, size int64) (*headerPatch, int64, error) {
	head := make([]byte, min(size, 1024))
	if _, err := r.ReadAt(head, 0); err != nil && err != io.EOF {
		return nil, 0, err
	}
	at := bytes.Index(head, []byte("%PDF-"))
	if at < 0 {
		return nil, 0, fmt.Errorf("%w: %s", ErrNotPDF, describeContent(head))
	}
	if at > 0 {
		r = io.NewSectionReader(r, int64(at), size-int64(at))
		size -= int64(at)
	}
	tailLen := min(size, 64<<10)
	tail := make([]byte, tailLen)
	if _, err := r.ReadAt(tail, size-tailLen); err != nil && err != io.EOF {
		return nil, 0, err
	}
	eof := bytes.LastIndex(tail, []byte("%%EOF"))
	if eof < 0 {
		return nil, 0, fmt.Errorf("%w: no end-of-file marker (the file is incomplete)", ErrTruncated)
	}
	if !bytes.Contains(tail, []byte("startxref")) && size > tailLen {
		return nil, 0, fmt.Errorf("%w: no cross-reference pointer near the end", ErrTruncated)
	}
	if err := checkXrefChain(r, size, tail); err != nil {
		return nil, 0, err
	}
	// Garbage after %%EOF hides the marker from the library.
	after := len(bytes.TrimRight(tail[eof+5:], "\x00\t\n\f\r "))
	size = size - tailLen + int64(eof) + 5
	return &headerPatch{ReaderAt: r, trailing: after}, size, nil
}

var (
	reStartxref = regexp.MustCompile(`startxref\s+(\d+)`)
	rePrev      = regexp.MustCompile(`/Prev\s+(\d+)`)
)

// checkXrefChain follows the cross-reference sections from startxref
// through their /Prev links and rejects a cycle, on which the library
// loops for ever.
func checkXrefChain(r io.ReaderAt, size int64, tail []byte) error {
	all := reStartxref.FindAllSubmatch(tail, -1)
	if len(all) == 0 {
		return nil
	}
	off, err := strconv.ParseInt(string(all[len(all)-1][1]), 10, 64)
	if err != nil {
		return nil
	}
	seen := map[int64]bool{}
	for len(seen) < 10000 {
		if seen[off] {
			return fmt.Errorf("%w: the cross-reference sections form a cycle", ErrMalformed)
		}
		seen[off] = true
		prev, ok := xrefPrev(r, size, off)
		if !ok {
			return nil
		}
		off = prev
	}
	return fmt.Errorf("%w: too many cross-reference sections", ErrMalformed)
}

// xrefPrev reads the /Prev entry of the cross-reference section at off:
// in the trailer after a table, or in the dictionary of a stream.
func xrefPrev(r io.ReaderAt, size, off int64) (int64, bool) {
	if off < 0 || off >= size {
		return 0, false
	}
	chunk := make([]byte, min(size-off, 8<<20))
	n, _ := r.ReadAt(chunk, off)
	chunk = chunk[:n]
	var dict []byte
	if bytes.HasPrefix(bytes.TrimLeft(chunk, " \t\r\n"), []byte("xref")) {
		i := bytes.Index(chunk, []byte("trailer"))
		if i < 0 {
			return 0, false
		}
		dict = chunk[i:]
		if j := bytes.Index(dict, []byte("startxref")); j >= 0 {
			dict = dict[:j]
		}
	} else {
		dict = chunk[:min(len(chunk), 4096)]
		if j := bytes.Index(dict, []byte("stream")); j >= 0 {
			dict = dict[:j]
		}
	}
	m := rePrev.FindSubmatch(dict[:min(len(dict), 64<<10)])
	if m == nil {
		return 0, false
	}
	prev, err := strconv.ParseInt(string(m[1]), 10, 64)
	return prev, err == nil
}

// describeContent names what a non-PDF file looks like, for the message.
func describeContent(head []byte) string {
	switch {
	case bytes.HasPrefix(head, []byte("PK\x03\x04")):
		return "the file is a ZIP archive (a Word or Excel file?)"
	case bytes.HasPrefix(head, []byte("\xd0\xcf\x11\xe0")):
		return "the file is an old Office document"
	}
	kind := http.DetectContentType(head)
	if i := strings.IndexByte(kind, ';'); i >= 0 {
		kind = kind[:i]
	}
	return "the file looks like " + kind
}

// headerPatch shows the library a "%PDF-1.7" header whatever version the
// file declares: it refuses PDF 2.0 and headers without a line break,
// though it reads their bodies fine.
type headerPatch struct {
	io.ReaderAt
	// trailing counts the bytes after the last end-of-file marker: many
	// of them mean the marker closed an earlier part (a linearized
	// file's first page) and the file was cut off.
	trailing int
}

var patchedHeader = []byte("%PDF-1.7\n")

func (h *headerPatch) ReadAt(p []byte, off int64) (int, error) {
	n, err := h.ReaderAt.ReadAt(p, off)
	for i := 0; i < n; i++ {
		if pos := off + int64(i); pos < int64(len(patchedHeader)) {
			p[i] = patchedHeader[pos]
		} else {
			break
		}
	}
	return n, err
}

func openReader(r *headerPatch, size int64) (*pdf.Reader, error) {
	rd, err := pdf.NewReader(r, size)
	if err == nil {
		return rd, nil
	}
	msg := strings.TrimPrefix(strings.TrimPrefix(err.Error(), "malformed PDF: "), "malformed PDF file: ")
	switch {
	case errors.Is(err, pdf.ErrInvalidPassword), strings.Contains(msg, "encrypt"):
		return nil, fmt.Errorf("%w: a password is needed to read it", ErrEncrypted)
	case strings.Contains(msg, "startxref"), r.trailing > 1024:
		return nil, fmt.Errorf("%w: the file ends without its cross-reference data (%s)", ErrTruncated, msg)
	}
	return nil, fmt.Errorf("%w: %v", ErrMalformed, msg)
}

// collectPages walks the page tree once (the library's Page(n) walks it
// from the root for every page). A tree that refers to itself is cut off
// by the depth and node bounds.
func collectPages(root pdf.Value, maxPages int) ([]pdf.Value, error) {
	var pages []pdf.Value
	visits := 0
	var walk func(v pdf.Value, depth int) error
	walk = func(v pdf.Value, depth int) error {
		visits++
		if depth > 64 || visits > 4*maxPages+1000 {
			return fmt.Errorf("%w: the page tree is cyclic or too deep", ErrMalformed)
		}
		kids := v.Key("Kids")
		if v.Key("Type").Name() == "Pages" || (kids.Kind() == pdf.Array && v.Key("Type").Name() != "Page") {
			for i := 0; i < kids.Len(); i++ {
				if err := walk(kids.Index(i), depth+1); err != nil {
					return err
				}
			}
			return nil
		}
		if v.Kind() != pdf.Dict {
			return nil
		}
		if len(pages) >= maxPages {
			return fmt.Errorf("%w: more than %d pages", ErrTooLarge, maxPages)
		}
		pages = append(pages, v)
		return nil
	}
	if err := walk(root, 0); err != nil {
		return nil, err
	}
	if len(pages) == 0 {
		return nil, fmt.Errorf("%w: the document has no pages", ErrMalformed)
	}
	return pages, nil
}

// rawPage is one page's words in top-left coordinates, before layout.
type rawPage struct {
	n             int
	width, height float64
	words         []word
	rules         []rule
	images        int
	err           string
}

// decodePage interprets one page, turning a panic or error inside the PDF
// library into the page's error. The interpreter is reused from page to
// page for its buffers and font cache.
func decodePage(p pdf.Value, n int, in *interp) (rp rawPage) {
	rp.n = n
	defer func() {
		if r := recover(); r != nil {
			rp.words, rp.rules = nil, nil
			rp.err = oneLine(fmt.Sprint(r))
		}
	}()
	box := inheritedBox(p)
	rotate := int(inheritedKey(p, "Rotate").Int64()) % 360
	if rotate < 0 {
		rotate += 360
	}
	w, h := box[2]-box[0], box[3]-box[1]
	base := matrix{1, 0, 0, 1, -box[0], -box[1]}
	switch rotate {
	case 90:
		base = base.mul(matrix{0, -1, 1, 0, 0, w})
		w, h = h, w
	case 180:
		base = base.mul(matrix{-1, 0, 0, -1, w, h})
	case 270:
		base = base.mul(matrix{0, 1, -1, 0, h, 0})
		w, h = h, w
	}
	rp.width, rp.height = w, h
	in.reset()
	err := in.runPage(p, base)
	if err != nil {
		rp.err = oneLine(err.Error())
		return rp
	}
	rp.images = in.images
	// Flip to top-left coordinates; drop what lies off the page, which
	// viewers do not show either.
	glyphs := in.glyphs[:0]
	for _, g := range in.glyphs {
		g.y = h - g.y
		if g.x+g.w < -1 || g.x > w+1 || g.y < -1 || g.y > h+g.size {
			continue
		}
		glyphs = append(glyphs, g)
	}
	rp.words = buildWords(glyphs)
	for _, r := range in.rules {
		r.y = h - r.y
		rp.rules = append(rp.rules, r)
	}
	return rp
}

func inheritedKey(p pdf.Value, key string) pdf.Value {
	v := p
	for i := 0; i < 32 && !v.IsNull(); i++ {
		if x := v.Key(key); !x.IsNull() {
			return x
		}
		v = v.Key("Parent")
	}
	return pdf.Value{}
}

// inheritedBox returns the visible page box (CropBox, else MediaBox,
// else US Letter) normalized to [llx lly urx ury].
func inheritedBox(p pdf.Value) [4]float64 {
	box := [4]float64{0, 0, 612, 792}
	for _, key := range []string{"CropBox", "MediaBox"} {
		v := inheritedKey(p, key)
		if v.Len() != 4 {
			continue
		}
		var b [4]float64
		for i := range b {
			b[i] = v.Index(i).Float64()
		}
		b = [4]float64{math.Min(b[0], b[2]), math.Min(b[1], b[3]), math.Max(b[0], b[2]), math.Max(b[1], b[3])}
		if b[2]-b[0] >= 36 && b[3]-b[1] >= 36 && b[2]-b[0] < 20000 && b[3]-b[1] < 20000 {
			return b
		}
	}
	return box
}

func readInfo(v pdf.Value) Info {
	return Info{
		Title:    strings.TrimSpace(v.Key("Title").Text()),
		Subject:  strings.TrimSpace(v.Key("Subject").Text()),
		Author:   strings.TrimSpace(v.Key("Author").Text()),
		Creator:  strings.TrimSpace(v.Key("Creator").Text()),
		Producer: strings.TrimSpace(v.Key("Producer").Text()),
	}
}
