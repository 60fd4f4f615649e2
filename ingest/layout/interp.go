package layout

import (
	"errors"
	"fmt"
	"io"
	"math"
	"unicode/utf16"

	"github.com/ledongthuc/pdf"
)

// glyph is one drawn character in device space (PDF points, Y up).
type glyph struct {
	x, y float64 // origin on the baseline
	w    float64 // advance width
	size float64 // font size as drawn
	// spacing is the character and word spacing added after the glyph:
	// tracking that spreads the letters of a line to justify it, which
	// is not a gap between words.
	spacing float64
	text    string
	font    *font
	flags   glyphFlags
}

type glyphFlags uint8

const (
	// flagArtifact: inside marked content tagged /Artifact (page
	// furniture, decoration).
	flagArtifact glyphFlags = 1 << iota
	// flagPagination: an artifact of type Pagination (running header or
	// footer), which is never body text.
	flagPagination
	// flagRotated: not upright on the page.
	flagRotated
	// flagMoved: the first glyph after the text position was set
	// (Td, Tm, T*, …) rather than reached by the previous glyph's advance.
	flagMoved
)

// matrix is a PDF transformation [a b c d e f].
type matrix [6]float64

var identity = matrix{1, 0, 0, 1, 0, 0}

// mul returns m followed by n.
func (m matrix) mul(n matrix) matrix {
	return matrix{
		m[0]*n[0] + m[1]*n[2],
		m[0]*n[1] + m[1]*n[3],
		m[2]*n[0] + m[3]*n[2],
		m[2]*n[1] + m[3]*n[3],
		m[4]*n[0] + m[5]*n[2] + n[4],
		m[4]*n[1] + m[5]*n[3] + n[5],
	}
}

// gstate is the part of the graphics state that places text.
type gstate struct {
	ctm  matrix
	tc   float64 // character spacing (Tc)
	tw   float64 // word spacing (Tw)
	th   float64 // horizontal scaling (Tz/100)
	tl   float64 // leading (TL)
	fs   float64 // font size (Tf)
	rise float64 // text rise (Ts)
	font *font
}

// Limits on one page's content; beyond them the page is reported as
// failed rather than exhausting time or memory.
const (
	maxContentBytes = 64 << 20
	maxGlyphs       = 500_000
	maxOperators    = 20_000_000
	maxFormDepth    = 8
	maxStateDepth   = 512
)

var errPageTooComplex = errors.New("page content exceeds the extraction limits")

type markedContent struct {
	flags glyphFlags
	// actual is the /ActualText replacing the glyphs inside, given to the
	// first of them; pending until then.
	actual  string
	pending bool
}

// rule is a horizontal line or thin filled rectangle, which in records
// separates a masthead or running head from the text.
type rule struct {
	x0, x1, y float64
}

type interp struct {
	fonts  *fontCache
	rules  []rule
	point  [2]float64
	gs     gstate
	saved  []gstate
	tm     matrix
	tlm    matrix
	marked []markedContent
	glyphs []glyph
	images int
	ops    int
	moved  bool // the text position was set since the last glyph
}

// runPage interprets a page's content stream (and the forms it draws)
// into glyphs, with base mapping default user space onto the page as
// displayed.
func (in *interp) reset() {
	in.glyphs = in.glyphs[:0]
	in.rules = in.rules[:0]
	in.saved = in.saved[:0]
	in.marked = in.marked[:0]
	in.images, in.ops = 0, 0
	in.tm, in.tlm = identity, identity
	in.moved = true
}

func (in *interp) runPage(page pdf.Value, base matrix) error {
	data, err := streamBytes(page.Key("Contents"))
	if err != nil {
		return err
	}
	in.gs = gstate{ctm: base, th: 1}
	return in.run(data, inheritedResources(page), 0)
}

// inheritedResources finds a page's resources, walking /Parent links a
// bounded number of times (a self-referencing parent loops forever in the
// library's own lookup).
func inheritedResources(page pdf.Value) pdf.Value {
	v := page
	for i := 0; i < 32 && !v.IsNull(); i++ {
		if r := v.Key("Resources"); !r.IsNull() {
			return r
		}
		v = v.Key("Parent")
	}
	return pdf.Value{}
}

// streamBytes reads a content stream, or the concatenation of an array of
// them, decoded and bounded in size.
func streamBytes(v pdf.Value) ([]byte, error) {
	var parts []pdf.Value
	switch v.Kind() {
	case pdf.Stream:
		parts = []pdf.Value{v}
	case pdf.Array:
		for i := 0; i < v.Len(); i++ {
			parts = append(parts, v.Index(i))
		}
	case pdf.Null:
		return nil, nil
	default:
		return nil, fmt.Errorf("page contents are a %v, not a stream", v.Kind())
	}
	var out []byte
	for _, p := range parts {
		if p.Kind() != pdf.Stream {
			continue
		}
		rd := p.Reader()
		b, err := io.ReadAll(io.LimitReader(rd, maxContentBytes+1-int64(len(out))))
		rd.Close()
		out = append(out, b...)
		if len(out) > maxContentBytes {
			return nil, errPageTooComplex
		}
		if err != nil && len(b) == 0 {
			return nil, fmt.Errorf("reading content stream: %v", err)
		}
		out = append(out, '\n')
	}
	return out, nil
}

func (in *interp) run(data []byte, res pdf.Value, depth int) error {
	lx := lexer{b: data}
	var stack []operand
	fonts := map[string]*font{}
	for {
		t := lx.next()
		switch t.kind {
		case tokEOF:
			return nil
		case tokArrayEnd, tokDictEnd:
			continue
		case tokOp:
		default:
			if len(stack) < 64 {
				stack = append(stack, t)
			}
			continue
		}
		in.ops++
		if in.ops > maxOperators || len(in.glyphs) > maxGlyphs {
			return errPageTooComplex
		}
		if err := in.op(t.str, stack, &lx, res, fonts, depth); err != nil {
			return err
		}
		stack = stack[:0]
	}
}

// nums returns the last n (at most 6) operands as numbers.
func nums(args []operand, n int) ([6]float64, bool) {
	var out [6]float64
	if len(args) < n {
		return out, false
	}
	for i, a := range args[len(args)-n:] {
		if a.kind != tokNum {
			return out, false
		}
		out[i] = a.num
	}
	return out, true
}

// op runs one content-stream operator with its operands.
func (in *interp) op(op string, args []operand, lx *lexer, res pdf.Value, fonts map[string]*font, depth int) error {
	switch op {
	case "q":
		if len(in.saved) < maxStateDepth {
			in.saved = append(in.saved, in.gs)
		}
	case "Q":
		if n := len(in.saved); n > 0 {
			in.gs = in.saved[n-1]
			in.saved = in.saved[:n-1]
		}
	case "cm":
		if v, ok := nums(args, 6); ok {
			in.gs.ctm = matrix{v[0], v[1], v[2], v[3], v[4], v[5]}.mul(in.gs.ctm)
		}
	case "re", "m", "l":
		in.path(op, args)
	case "Tc", "Tw", "Tz", "TL", "Ts":
		in.textState(op, args)
	case "Tf":
		in.setFont(args, res, fonts)
	case "BT", "Td", "TD", "Tm", "T*":
		in.position(op, args)
	case "Tj", "'", "\"", "TJ":
		in.showText(op, args)
	case "BMC":
		in.marked = append(in.marked, markedContent{flags: in.markedFlags()})
	case "BDC":
		in.beginMarked(args, res)
	case "EMC":
		if n := len(in.marked); n > 0 {
			in.marked = in.marked[:n-1]
		}
	case "BI":
		in.skipInlineImage(lx)
	case "Do":
		if len(args) > 0 && args[len(args)-1].kind == tokName {
			return in.doXObject(res.Key("XObject").Key(args[len(args)-1].str), res, depth)
		}
	}
	return nil
}

// path follows the path operators that may draw a horizontal rule: a
// thin rectangle (re), or a horizontal line (m, l).
func (in *interp) path(op string, args []operand) {
	switch op {
	case "re":
		if v, ok := nums(args, 4); ok && math.Abs(v[3]) <= 3 {
			in.addRule(v[0], v[1], v[0]+v[2], v[1]+v[3]/2)
		}
	case "m":
		if v, ok := nums(args, 2); ok {
			in.point = [2]float64{v[0], v[1]}
		}
	case "l":
		if v, ok := nums(args, 2); ok {
			if math.Abs(v[1]-in.point[1]) < 0.5 {
				in.addRule(in.point[0], in.point[1], v[0], v[1])
			}
			in.point = [2]float64{v[0], v[1]}
		}
	}
}

// textState sets one of the text state's numbers: character and word
// spacing, horizontal scaling, leading and rise.
func (in *interp) textState(op string, args []operand) {
	v, ok := nums(args, 1)
	if !ok {
		return
	}
	gs := &in.gs
	switch op {
	case "Tc":
		gs.tc = v[0]
	case "Tw":
		gs.tw = v[0]
	case "Tz":
		gs.th = v[0] / 100
	case "TL":
		gs.tl = v[0]
	case "Ts":
		gs.rise = v[0]
	}
}

// setFont selects a font of the resources and its size (Tf), loading a
// font the first time the content stream names it.
func (in *interp) setFont(args []operand, res pdf.Value, fonts map[string]*font) {
	if len(args) < 2 || args[len(args)-2].kind != tokName || args[len(args)-1].kind != tokNum {
		return
	}
	name := args[len(args)-2].str
	f, ok := fonts[name]
	if !ok {
		f = missingFont()
		if fv := res.Key("Font").Key(name); fv.Kind() == pdf.Dict {
			f = in.fonts.load(fv)
		}
		fonts[name] = f
	}
	in.gs.font = f
	in.gs.fs = args[len(args)-1].num
}

// position follows the operators that set the text position: a text
// object's start (BT), a move to the next line (Td, TD, T*) or a new text
// matrix (Tm).
func (in *interp) position(op string, args []operand) {
	switch op {
	case "BT":
		in.tm, in.tlm = identity, identity
		in.moved = true
	case "Td", "TD":
		if v, ok := nums(args, 2); ok {
			if op == "TD" {
				in.gs.tl = -v[1]
			}
			in.tlm = matrix{1, 0, 0, 1, v[0], v[1]}.mul(in.tlm)
			in.tm = in.tlm
			in.moved = true
		}
	case "Tm":
		if v, ok := nums(args, 6); ok {
			in.tlm = matrix{v[0], v[1], v[2], v[3], v[4], v[5]}
			in.tm = in.tlm
			in.moved = true
		}
	case "T*":
		in.nextLine()
	}
}

// showText follows the operators that show text: a string (Tj), a string
// on the next line (', " with new spacing) or strings with adjustments of
// the position between them (TJ).
func (in *interp) showText(op string, args []operand) {
	gs := &in.gs
	switch op {
	case "Tj":
		if len(args) > 0 && args[len(args)-1].kind == tokStr {
			in.show(args[len(args)-1].str)
		}
	case "'":
		in.nextLine()
		if len(args) > 0 && args[len(args)-1].kind == tokStr {
			in.show(args[len(args)-1].str)
		}
	case "\"":
		if len(args) >= 3 && args[len(args)-1].kind == tokStr {
			gs.tw, gs.tc = args[len(args)-3].num, args[len(args)-2].num
			in.nextLine()
			in.show(args[len(args)-1].str)
		}
	case "TJ":
		if len(args) == 0 || args[len(args)-1].kind != tokArray {
			return
		}
		for _, e := range args[len(args)-1].list {
			switch e.kind {
			case tokStr:
				in.show(e.str)
			case tokNum:
				tx := -e.num / 1000 * gs.fs * gs.th
				in.tm[4] += tx * in.tm[0]
				in.tm[5] += tx * in.tm[1]
			}
		}
	}
}

// skipInlineImage reads past an inline image (BI … ID … EI), counting it.
func (in *interp) skipInlineImage(lx *lexer) {
	dict := operand{kind: tokDict}
	for {
		t := lx.next()
		if t.kind == tokEOF || (t.kind == tokOp && t.str == "ID") {
			break
		}
		dict.list = append(dict.list, t)
	}
	lx.skipInlineImage(dict)
	in.images++
}

func (in *interp) addRule(x0, y0, x1, y1 float64) {
	m := in.gs.ctm
	ax, ay := x0*m[0]+y0*m[2]+m[4], x0*m[1]+y0*m[3]+m[5]
	bx, by := x1*m[0]+y1*m[2]+m[4], x1*m[1]+y1*m[3]+m[5]
	if math.Abs(ay-by) > 1 || math.Abs(ax-bx) < 100 || len(in.rules) >= 1000 {
		return
	}
	in.rules = append(in.rules, rule{x0: math.Min(ax, bx), x1: math.Max(ax, bx), y: (ay + by) / 2})
}

func (in *interp) nextLine() {
	in.tlm = matrix{1, 0, 0, 1, 0, -in.gs.tl}.mul(in.tlm)
	in.tm = in.tlm
	in.moved = true
}

func (in *interp) markedFlags() glyphFlags {
	if n := len(in.marked); n > 0 {
		return in.marked[n-1].flags
	}
	return 0
}

func (in *interp) beginMarked(args []operand, res pdf.Value) {
	mc := markedContent{flags: in.markedFlags()}
	if len(args) >= 2 {
		tag := args[len(args)-2]
		props := args[len(args)-1]
		get := func(key string) (kind pdf.ValueKind, name, text string) {
			if props.kind == tokDict {
				v, ok := props.dictGet(key)
				if !ok {
					return pdf.Null, "", ""
				}
				switch v.kind {
				case tokName:
					return pdf.Name, v.str, ""
				case tokStr:
					return pdf.String, "", v.str
				}
				return pdf.Null, "", ""
			}
			if props.kind == tokName {
				v := res.Key("Properties").Key(props.str).Key(key)
				return v.Kind(), v.Name(), v.RawString()
			}
			return pdf.Null, "", ""
		}
		if tag.kind == tokName && tag.str == "Artifact" {
			mc.flags |= flagArtifact
			_, typ, _ := get("Type")
			_, sub, _ := get("Subtype")
			if typ == "Pagination" || sub == "Header" || sub == "Footer" {
				mc.flags |= flagPagination
			}
		}
		if kind, _, text := get("ActualText"); kind == pdf.String {
			mc.actual = decodeTextString(text)
			mc.pending = true
		}
	}
	in.marked = append(in.marked, mc)
}

// decodeTextString decodes a PDF text string (UTF-16 with a byte-order
// mark, or PDFDocEncoding, which agrees with Latin-1 on text).
func decodeTextString(s string) string {
	if len(s) >= 2 && s[0] == 0xfe && s[1] == 0xff {
		return string(utf16.Decode(utf16Units(s[2:])))
	}
	r := make([]rune, len(s))
	for i := 0; i < len(s); i++ {
		r[i] = rune(s[i])
	}
	return string(r)
}

func (in *interp) doXObject(x pdf.Value, res pdf.Value, depth int) error {
	switch x.Key("Subtype").Name() {
	case "Image":
		in.images++
		return nil
	case "Form":
	default:
		return nil
	}
	if depth >= maxFormDepth {
		return nil
	}
	data, err := streamBytes(x)
	if err != nil {
		return err
	}
	saved := in.gs
	if m := x.Key("Matrix"); m.Len() == 6 {
		var fm matrix
		for i := range fm {
			fm[i] = m.Index(i).Float64()
		}
		in.gs.ctm = fm.mul(in.gs.ctm)
	}
	formRes := x.Key("Resources")
	if formRes.IsNull() {
		formRes = res
	}
	savedDepth := len(in.saved)
	err = in.run(data, formRes, depth+1)
	in.saved = in.saved[:min(savedDepth, len(in.saved))]
	in.gs = saved
	return err
}

// show draws a string with the current font.
func (in *interp) show(s string) {
	gs := &in.gs
	f := gs.font
	if f == nil {
		return
	}
	flags := in.markedFlags()
	var actual *markedContent
	for i := len(in.marked) - 1; i >= 0; i-- {
		if in.marked[i].actual != "" || in.marked[i].pending {
			actual = &in.marked[i]
			break
		}
	}
	step := 1
	if f.twoByte {
		step = 2
	}
	for i := 0; i+step <= len(s); i += step {
		code := uint32(s[i])
		if step == 2 {
			code = code<<8 | uint32(s[i+1])
		}
		text, w0 := f.glyph(code)
		if actual != nil {
			if actual.pending {
				text = normalizeActual(actual.actual)
				actual.pending = false
			} else {
				text = ""
			}
		}
		m := in.tm.mul(gs.ctm)
		w := w0 * f.scale
		vx, vy := m[2]*gs.rise, m[3]*gs.rise
		scaleX := math.Hypot(m[0], m[1])
		g := glyph{
			x:     m[4] + vx,
			y:     m[5] + vy,
			w:     w * gs.fs * gs.th * scaleX,
			size:  math.Abs(gs.fs) * f.sizeScale * math.Hypot(m[2], m[3]),
			text:  text,
			font:  f,
			flags: flags,
		}
		if math.Abs(m[1]) > 0.01*math.Abs(m[0]) || m[0] <= 0 || m[3] <= 0 {
			g.flags |= flagRotated
		}
		if in.moved {
			g.flags |= flagMoved
			in.moved = false
		}
		extra := gs.tc
		if step == 1 && code == ' ' {
			extra += gs.tw
		}
		g.spacing = extra * gs.th * scaleX
		in.glyphs = append(in.glyphs, g)
		tx := (w*gs.fs + extra) * gs.th
		in.tm[4] += tx * in.tm[0]
		in.tm[5] += tx * in.tm[1]
	}
}

// normalizeActual turns replacement text made of control characters (tabs
// and the like, which producers put on spacing glyphs) into a word break.
func normalizeActual(s string) string {
	if s == "" {
		return ""
	}
	for _, r := range s {
		if r >= 0x20 && r != 0x7f {
			return s
		}
	}
	return " "
}
