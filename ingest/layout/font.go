package layout

import (
	"sort"
	"strconv"
	"strings"
	"sync"
	"unicode/utf16"

	"github.com/ledongthuc/pdf"
	"golang.org/x/text/encoding/charmap"
)

// font is what the interpreter needs of a PDF font: how a string splits
// into character codes, and each code's text and advance width. The
// library's own text helpers guess widths from the first byte of a code and
// know nothing of CID widths (/W), so word gaps computed from them are
// wrong for the Identity-H fonts that Word writes; this model reads the
// font dictionaries directly.
type font struct {
	name         string // BaseFont without the subset prefix
	bold, italic bool
	barcode      bool    // a barcode font: its "text" is never speech
	twoByte      bool    // composite font with 2-byte codes
	scale        float64 // glyph units to text space (1/1000, or a Type 3 font's matrix)
	// sizeScale relates the nominal font size to the size drawn, which
	// differs for Type 3 fonts drawn in their own units.
	sizeScale float64

	simple [256]glyphMetric // for 1-byte fonts

	// Composite fonts.
	cidWidths map[uint32]float64
	dw        float64
	toUnicode *cmap
	decoded   map[uint32]string
}

type glyphMetric struct {
	text  string
	width float64 // glyph units (1/1000 em, or FontMatrix units for Type3)
}

// glyph returns the text and width of one code.
func (f *font) glyph(code uint32) (string, float64) {
	if !f.twoByte {
		g := f.simple[code&0xff]
		return g.text, g.width
	}
	w, ok := f.cidWidths[code]
	if !ok {
		w = f.dw
	}
	s, ok := f.decoded[code]
	if !ok {
		if f.toUnicode != nil {
			s = f.toUnicode.lookup(code, 2)
		}
		f.decoded[code] = s
	}
	return s, w
}

// fontCache shares parsed fonts between the pages of a document. A font
// dictionary's printed form names its indirect parts by object number, so
// it identifies the font without access to the library's object pointers.
type fontCache struct {
	byKey map[string]*font
}

func newFontCache() *fontCache { return &fontCache{byKey: map[string]*font{}} }

func (c *fontCache) load(v pdf.Value) *font {
	key := v.String()
	if f, ok := c.byKey[key]; ok {
		return f
	}
	f := loadFont(v)
	c.byKey[key] = f
	return f
}

// missingFont stands in for a font that the page names but does not
// define, as viewers do: Helvetica with the standard encoding.
var missingFont = sync.OnceValue(func() *font {
	f := &font{name: "Helvetica", scale: 0.001, sizeScale: 1}
	m := standardFontMetrics(f.name, false, false)
	for c, r := range standardEncoding {
		if r != 0 {
			f.simple[c] = glyphMetric{text: string(r), width: m.width(r)}
		}
	}
	return f
})

func loadFont(v pdf.Value) *font {
	base := v.Key("BaseFont").Name()
	if i := strings.IndexByte(base, '+'); i == 6 {
		base = base[i+1:]
	}
	f := &font{name: base, scale: 0.001, sizeScale: 1}
	desc := v.Key("FontDescriptor")
	subtype := v.Key("Subtype").Name()
	if subtype == "Type0" {
		desc = v.Key("DescendantFonts").Index(0).Key("FontDescriptor")
	}
	f.bold, f.italic = fontStyle(base, desc)
	f.barcode = strings.Contains(strings.ToLower(base), "barcode")
	if tu := v.Key("ToUnicode"); tu.Kind() == pdf.Stream {
		f.toUnicode = readCMap(tu)
	}
	if subtype == "Type0" {
		loadComposite(f, v)
		return f
	}
	if subtype == "Type3" {
		if m := v.Key("FontMatrix"); m.Len() == 6 {
			f.scale = m.Index(0).Float64()
			if d := m.Index(3).Float64(); d > 0 {
				f.sizeScale = d * 1000
			}
		}
	}
	loadSimple(f, v, desc)
	return f
}

// fontStyle reads weight and slant from the font name, which is what
// producers reliably set, then from the descriptor.
func fontStyle(base string, desc pdf.Value) (bold, italic bool) {
	n := strings.ToLower(base)
	bold = strings.Contains(n, "bold") || strings.Contains(n, "black") || strings.Contains(n, "heavy") || strings.Contains(n, "semibold") || strings.Contains(n, "demi")
	italic = strings.Contains(n, "italic") || strings.Contains(n, "oblique")
	if desc.Kind() == pdf.Dict {
		flags := desc.Key("Flags").Int64()
		if flags&(1<<6) != 0 || desc.Key("ItalicAngle").Float64() != 0 {
			italic = true
		}
		if flags&(1<<18) != 0 || desc.Key("FontWeight").Float64() >= 600 {
			bold = true
		}
	}
	return bold, italic
}

// maxCIDWidths bounds a composite font's width table (CJK fonts have
// some tens of thousands of glyphs).
const maxCIDWidths = 1 << 17

func loadComposite(f *font, v pdf.Value) {
	f.twoByte = true
	f.decoded = map[uint32]string{}
	cid := v.Key("DescendantFonts").Index(0)
	f.dw = 1000
	if dw := cid.Key("DW"); dw.Kind() == pdf.Integer || dw.Kind() == pdf.Real {
		f.dw = dw.Float64()
	}
	f.cidWidths = map[uint32]float64{}
	w := cid.Key("W")
	// /W is a list of "c [w1 w2 …]" and "cfirst clast w" entries. A
	// hostile one can name billions of codes: past the size of a real
	// font's table the rest take the default width.
	for i := 0; i < w.Len() && len(f.cidWidths) < maxCIDWidths; {
		first := w.Index(i)
		next := w.Index(i + 1)
		if next.Kind() == pdf.Array {
			c := uint32(first.Int64())
			for j := 0; j < next.Len() && j < 0x10000; j++ {
				f.cidWidths[c+uint32(j)] = next.Index(j).Float64()
			}
			i += 2
			continue
		}
		lo, hi := first.Int64(), next.Int64()
		wd := w.Index(i + 2).Float64()
		for c := lo; c <= hi && c-lo < 0x10000 && len(f.cidWidths) < maxCIDWidths; c++ {
			f.cidWidths[uint32(c)] = wd
		}
		i += 3
	}
	if f.toUnicode == nil && strings.Contains(v.Key("Encoding").Name(), "UCS2") {
		f.toUnicode = &cmap{ucs2: true}
	}
}

func loadSimple(f *font, v pdf.Value, desc pdf.Value) {
	var names [256]string
	base := baseEncoding(f, v)
	enc := v.Key("Encoding")
	var diffs [256]bool
	if enc.Kind() == pdf.Dict {
		d := enc.Key("Differences")
		code := 0
		for i := 0; i < d.Len(); i++ {
			x := d.Index(i)
			switch x.Kind() {
			case pdf.Integer:
				code = int(x.Int64())
			case pdf.Name:
				if code >= 0 && code < 256 {
					names[code] = x.Name()
					diffs[code] = true
				}
				code++
			}
		}
	}
	// A symbolic TrueType font without an /Encoding selects glyphs by
	// code through its own cmap, so a standard encoding says nothing of
	// a code's text: where its /ToUnicode is silent there is none (the
	// kashidas of LibreOffice's Arabic justification).
	symbolic := f.toUnicode != nil && enc.IsNull() && v.Key("Subtype").Name() == "TrueType" && desc.Key("Flags").Int64()&4 != 0
	var libFont *pdf.Font
	for c := 0; c < 256; c++ {
		var text string
		switch {
		case f.toUnicode != nil && f.toUnicode.has(uint32(c), 1):
			text = f.toUnicode.lookup(uint32(c), 1)
		case symbolic:
		case diffs[c]:
			if r, ok := glyphNameRune(names[c]); ok {
				text = string(r)
				break
			}
			// The library knows the Adobe Glyph List; ask it for this code.
			if libFont == nil {
				lf := pdf.Font{V: v}
				libFont = &lf
			}
			text = libFont.Encoder().Decode(string([]byte{byte(c)}))
			if text == string(rune(c)) && c < 0x20 {
				text = "" // an unknown name on a control code draws no text we can read
			}
		default:
			if r := base[c]; r != 0 {
				text = string(r)
			}
		}
		f.simple[c].text = normalizeGlyphText(text)
	}
	first := int(v.Key("FirstChar").Int64())
	widths := v.Key("Widths")
	missing := desc.Key("MissingWidth").Float64()
	if widths.Len() > 0 {
		for i := max(0, -first); i < widths.Len() && first+i < 256; i++ {
			f.simple[first+i].width = widths.Index(i).Float64()
		}
		for c := range f.simple {
			if c < first || c >= first+widths.Len() {
				f.simple[c].width = missing
			}
		}
		return
	}
	// No /Widths: one of the standard 14 fonts, drawn from built-in metrics.
	std := standardFontMetrics(f.name, f.bold, f.italic)
	for c := range f.simple {
		w := 0.0
		if r := []rune(f.simple[c].text); len(r) > 0 {
			w = std.width(r[0])
		}
		f.simple[c].width = w
	}
}

// baseEncoding returns the code-to-rune table a simple font starts from
// before its /Differences.
func baseEncoding(f *font, v pdf.Value) *[256]rune {
	name := v.Key("Encoding").Name()
	if name == "" {
		name = v.Key("Encoding").Key("BaseEncoding").Name()
	}
	switch name {
	case "WinAnsiEncoding":
		return &winAnsi
	case "MacRomanEncoding":
		return &macRoman
	}
	switch {
	case strings.HasPrefix(f.name, "Symbol"):
		return &symbolEncoding
	case v.Key("Subtype").Name() == "TrueType":
		// Without an encoding, TrueType text in practice is Windows
		// text; Type 1 fonts fall back to Adobe's standard encoding.
		return &winAnsi
	}
	return &standardEncoding
}

var winAnsi, macRoman, standardEncoding, symbolEncoding [256]rune

func init() {
	for c := 0; c < 256; c++ {
		winAnsi[c] = charmap.Windows1252.DecodeByte(byte(c))
		macRoman[c] = charmap.Macintosh.DecodeByte(byte(c))
		if c >= 0x20 && c < 0x7f {
			standardEncoding[c] = rune(c)
		}
	}
	// The Windows-1252 table fills unassigned codes with U+FFFD; PDF
	// producers map them to nothing.
	for c, r := range winAnsi {
		if r == '\ufffd' {
			winAnsi[c] = 0
		}
	}
	standardEncoding['\''] = '’'
	standardEncoding['`'] = '‘'
	for code, r := range map[int]rune{
		0xa1: '¡', 0xa2: '¢', 0xa3: '£', 0xa4: '⁄', 0xa5: '¥', 0xa6: 'ƒ', 0xa7: '§', 0xa8: '¤',
		0xa9: '\'', 0xaa: '“', 0xab: '«', 0xac: '‹', 0xad: '›', 0xae: 'ﬁ', 0xaf: 'ﬂ', 0xb1: '–',
		0xb2: '†', 0xb3: '‡', 0xb4: '·', 0xb6: '¶', 0xb7: '•', 0xb8: '‚', 0xb9: '„', 0xba: '”',
		0xbb: '»', 0xbc: '…', 0xbd: '‰', 0xbf: '¿', 0xc1: '`', 0xc2: '´', 0xc3: 'ˆ', 0xc4: '˜',
		0xc5: '¯', 0xc6: '˘', 0xc7: '˙', 0xc8: '¨', 0xca: '˚', 0xcb: '¸', 0xcd: '˝', 0xce: '˛',
		0xcf: 'ˇ', 0xd0: '—', 0xe1: 'Æ', 0xe3: 'ª', 0xe8: 'Ł', 0xe9: 'Ø', 0xea: 'Œ', 0xeb: 'º',
		0xf1: 'æ', 0xf5: 'ı', 0xf8: 'ł', 0xf9: 'ø', 0xfa: 'œ', 0xfb: 'ß',
	} {
		standardEncoding[code] = r
	}
	// Symbol's built-in encoding: only what text in records may use.
	for c := 0x20; c < 0x7f; c++ {
		symbolEncoding[c] = rune(c)
	}
	for code, r := range map[int]rune{0x2d: '−', 0xb7: '•', 0xd7: '×', 0xb1: '±', 0xb4: '×', 0xb8: '÷', 0xa3: '≤', 0xb3: '≥', 0xb9: '≠', 0xbc: '…', 0xd2: '®', 0xd3: '©', 0xd4: '™', 0xb0: '°'} {
		symbolEncoding[code] = r
	}
}

// glyphNameRune decodes the glyph names that the Adobe Glyph List spells
// algorithmically ("uni00E9", "u1F600"), which the library does not.
func glyphNameRune(name string) (rune, bool) {
	hexRune := func(s string) (rune, bool) {
		n, err := strconv.ParseUint(s, 16, 32)
		if err != nil || n > 0x10ffff {
			return 0, false
		}
		return rune(n), true
	}
	switch {
	case strings.HasPrefix(name, "uni") && len(name) == 7:
		return hexRune(name[3:])
	case strings.HasPrefix(name, "u") && len(name) >= 5 && len(name) <= 7:
		return hexRune(name[1:])
	}
	return 0, false
}

// normalizeGlyphText expands ligatures and drops the characters that carry
// no text (soft hyphens stay: the parser joins words at line ends).
func normalizeGlyphText(s string) string {
	switch s {
	case "ﬀ":
		return "ff"
	case "ﬁ":
		return "fi"
	case "ﬂ":
		return "fl"
	case "ﬃ":
		return "ffi"
	case "ﬄ":
		return "ffl"
	case "ﬅ", "ﬆ":
		return "st"
	case "\u00a0", "\t", "\r", "\n", "\u2002", "\u2003", "\u2009", "\u200a":
		return " "
	case "\ufffd", "\u200b", "\ufeff":
		return ""
	}
	// Control characters carry no text (a font without a usable
	// encoding yields its raw codes).
	for _, r := range s {
		if r < 0x20 || r >= 0x7f && r < 0xa0 {
			return ""
		}
	}
	return s
}

// cmap is a parsed /ToUnicode CMap. Ranges are kept as ranges and looked up
// on demand, so a hostile range over the whole code space costs nothing.
type cmap struct {
	ucs2   bool // the code is the UTF-16 text itself
	chars  map[cmapKey]string
	ranges []cmapRange
}

type cmapKey struct {
	code uint32
	n    int // bytes in the code
}

type cmapRange struct {
	lo, hi uint32
	n      int
	dst    []uint16 // UTF-16 of the first code's text; the last unit increments
	array  []string // or one text per code
}

func (m *cmap) has(code uint32, n int) bool {
	if m.ucs2 {
		return true
	}
	if _, ok := m.chars[cmapKey{code, n}]; ok {
		return true
	}
	return m.rangeOf(code, n) != nil
}

// rangeOf finds the range holding a code; the ranges are sorted by their
// first code, so the search costs a few steps however many there are.
func (m *cmap) rangeOf(code uint32, n int) *cmapRange {
	i := sort.Search(len(m.ranges), func(i int) bool { return m.ranges[i].lo > code })
	for k := i - 1; k >= 0 && k >= i-8; k-- {
		if r := &m.ranges[k]; r.n == n && code <= r.hi {
			return r
		}
	}
	return nil
}

func (m *cmap) lookup(code uint32, n int) string {
	if m.ucs2 {
		return normalizeGlyphText(string(rune(code)))
	}
	if s, ok := m.chars[cmapKey{code, n}]; ok {
		return s
	}
	if r := m.rangeOf(code, n); r != nil {
		off := code - r.lo
		if r.array != nil {
			if int(off) < len(r.array) {
				return r.array[off]
			}
			return ""
		}
		if len(r.dst) == 0 {
			return ""
		}
		u := append([]uint16(nil), r.dst...)
		u[len(u)-1] += uint16(off)
		return normalizeGlyphText(string(utf16.Decode(u)))
	}
	return ""
}

func utf16Units(s string) []uint16 {
	u := make([]uint16, 0, len(s)/2)
	for i := 0; i+1 < len(s); i += 2 {
		u = append(u, uint16(s[i])<<8|uint16(s[i+1]))
	}
	return u
}

func codeOf(s string) (uint32, int) {
	var c uint32
	for i := 0; i < len(s) && i < 4; i++ {
		c = c<<8 | uint32(s[i])
	}
	return c, len(s)
}

// readCMap parses a ToUnicode stream. It uses the content-stream lexer
// rather than the library's PostScript interpreter, which needs dictionary
// operators the library keeps to itself and never returns from an
// unterminated hex string.
func readCMap(v pdf.Value) *cmap {
	m := &cmap{chars: map[cmapKey]string{}}
	data, err := streamBytes(v)
	if err != nil {
		return m
	}
	lx := lexer{b: data}
	var stack []operand
	for {
		t := lx.next()
		switch t.kind {
		case tokEOF:
			sort.SliceStable(m.ranges, func(i, j int) bool { return m.ranges[i].lo < m.ranges[j].lo })
			return m
		case tokOp:
		default:
			if len(stack) < 1<<16 {
				stack = append(stack, t)
			}
			continue
		}
		switch t.str {
		case "endbfchar":
			for i := 0; i+1 < len(stack); i += 2 {
				m.addChar(stack[i], stack[i+1])
			}
		case "endbfrange":
			for i := 0; i+2 < len(stack); i += 3 {
				m.addRange(stack[i], stack[i+1], stack[i+2])
			}
		}
		stack = stack[:0]
	}
}

func (m *cmap) addChar(src, dst operand) {
	code, n := codeOf(src.str)
	if src.kind != tokStr || n == 0 {
		return
	}
	var text string
	switch dst.kind {
	case tokName:
		if r, ok := glyphNameRune(dst.str); ok {
			text = string(r)
		}
	case tokStr:
		text = string(utf16.Decode(utf16Units(dst.str)))
	}
	m.chars[cmapKey{code, n}] = normalizeGlyphText(text)
}

func (m *cmap) addRange(loOp, hiOp, dst operand) {
	lo, n := codeOf(loOp.str)
	hi, n2 := codeOf(hiOp.str)
	if loOp.kind != tokStr || hiOp.kind != tokStr || n == 0 || n != n2 || hi < lo || len(m.ranges) >= 1<<16 {
		return
	}
	r := cmapRange{lo: lo, hi: hi, n: n}
	switch dst.kind {
	case tokArray:
		for j := 0; j < len(dst.list) && j <= int(hi-lo); j++ {
			r.array = append(r.array, normalizeGlyphText(string(utf16.Decode(utf16Units(dst.list[j].str)))))
		}
	case tokStr:
		r.dst = utf16Units(dst.str)
	default:
		return
	}
	m.ranges = append(m.ranges, r)
}

// metrics are the advance widths of one standard font, by rune.
type metrics map[rune]float64

func (m metrics) width(r rune) float64 {
	if w, ok := m[r]; ok {
		return w
	}
	if r == ' ' {
		return 250
	}
	return 500
}

var (
	core14Once   sync.Once
	core14Parsed map[string]metrics
)

// standardFontMetrics returns built-in widths for a standard font name,
// mapping the usual aliases (Arial, TimesNewRoman, …) onto the standard
// families.
func standardFontMetrics(name string, bold, italic bool) metrics {
	core14Once.Do(func() {
		core14Parsed = map[string]metrics{}
		for font, pairs := range core14Widths {
			m := metrics{}
			for _, p := range strings.Fields(pairs) {
				hex, w, _ := strings.Cut(p, ":")
				r, err1 := strconv.ParseUint(hex, 16, 32)
				wd, err2 := strconv.Atoi(w)
				if err1 == nil && err2 == nil {
					m[rune(r)] = float64(wd)
				}
			}
			core14Parsed[font] = m
		}
	})
	n := strings.ToLower(name)
	switch {
	case strings.Contains(n, "courier"), strings.Contains(n, "mono"):
		return fixedPitch
	case strings.Contains(n, "symbol"):
		return core14Parsed["Symbol"]
	case strings.Contains(n, "helvetica"), strings.Contains(n, "arial"), strings.Contains(n, "sans"):
		return core14Parsed[styled("Helvetica", bold, italic, "Oblique")]
	}
	return core14Parsed[styled("Times", bold, italic, "Italic")]
}

func styled(family string, bold, italic bool, slant string) string {
	switch {
	case bold && italic:
		return family + "-Bold" + slant
	case bold:
		return family + "-Bold"
	case italic:
		return family + "-" + slant
	}
	if family == "Times" {
		return "Times-Roman"
	}
	return family
}

// fixedPitch gives every rune Courier's one advance width.
var fixedPitch = func() metrics {
	m := metrics{}
	for r := rune(0x20); r < 0x250; r++ {
		m[r] = 600
	}
	return m
}()
