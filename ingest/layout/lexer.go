package layout

import (
	"bytes"
	"strconv"
)

// The content-stream lexer. The library tokenizes content streams with its
// object parser, which cannot skip inline-image data (a page with an inline
// image fails with "malformed hex string" or "unexpected delimiter") and
// loops forever on an unterminated hex string at the end of a stream. Page
// content is a flat, simple language, so it is tokenized here; the library
// still parses the file, its objects, streams and fonts.

type tokKind uint8

const (
	tokEOF tokKind = iota
	tokNum
	tokName
	tokStr
	tokOp
	tokArray
	tokDict
	tokBool
	tokNull
	tokArrayEnd
	tokDictEnd
)

// operand is one value on the operand stack.
type operand struct {
	kind tokKind
	num  float64
	str  string    // name, string bytes, or operator
	list []operand // array elements, or dictionary keys and values in turn
}

func (o operand) dictGet(key string) (operand, bool) {
	if o.kind != tokDict {
		return operand{}, false
	}
	for i := 0; i+1 < len(o.list); i += 2 {
		if o.list[i].kind == tokName && o.list[i].str == key {
			return o.list[i+1], true
		}
	}
	return operand{}, false
}

const maxNesting = 32

type lexer struct {
	b []byte
	i int
	// scratch holds, per nesting depth, the elements of the array being
	// read, so that each array costs one allocation of its final size.
	scratch [][]operand
}

func isSpaceByte(c byte) bool {
	switch c {
	case 0, '\t', '\n', '\f', '\r', ' ':
		return true
	}
	return false
}

func isDelimByte(c byte) bool {
	switch c {
	case '(', ')', '<', '>', '[', ']', '{', '}', '/', '%':
		return true
	}
	return false
}

func (l *lexer) skipSpace() {
	for l.i < len(l.b) {
		c := l.b[l.i]
		if isSpaceByte(c) {
			l.i++
			continue
		}
		if c == '%' {
			for l.i < len(l.b) && l.b[l.i] != '\n' && l.b[l.i] != '\r' {
				l.i++
			}
			continue
		}
		return
	}
}

// next reads one token. Arrays and dictionaries come back whole.
func (l *lexer) next() operand {
	return l.token(0)
}

func (l *lexer) token(depth int) operand {
	for {
		l.skipSpace()
		if l.i >= len(l.b) {
			return operand{kind: tokEOF}
		}
		c := l.b[l.i]
		switch c {
		case '(':
			l.i++
			return operand{kind: tokStr, str: l.literal()}
		case '<':
			if l.i+1 < len(l.b) && l.b[l.i+1] == '<' {
				l.i += 2
				if depth >= maxNesting {
					return operand{kind: tokDict}
				}
				return l.collect(tokDict, tokDictEnd, depth)
			}
			l.i++
			return operand{kind: tokStr, str: l.hex()}
		case '>':
			if l.i+1 < len(l.b) && l.b[l.i+1] == '>' {
				l.i += 2
				return operand{kind: tokDictEnd}
			}
			l.i++
			continue // stray delimiter
		case '[':
			l.i++
			if depth >= maxNesting {
				return operand{kind: tokArray}
			}
			return l.collect(tokArray, tokArrayEnd, depth)
		case ']':
			l.i++
			return operand{kind: tokArrayEnd}
		case '/':
			l.i++
			return operand{kind: tokName, str: l.name()}
		case ')', '{', '}':
			l.i++
			continue
		}
		start := l.i
		for l.i < len(l.b) && !isSpaceByte(l.b[l.i]) && !isDelimByte(l.b[l.i]) {
			l.i++
		}
		word := l.b[start:l.i]
		if n, ok := parseNumber(word); ok {
			return operand{kind: tokNum, num: n}
		}
		switch string(word) {
		case "true", "false":
			return operand{kind: tokBool, str: string(word)}
		case "null":
			return operand{kind: tokNull}
		}
		return operand{kind: tokOp, str: string(word)}
	}
}

// collect reads the elements of an array or dictionary up to its end. Past
// the nesting limit an opening bracket
// stands for an empty value and its contents are read flat, so a hostile
// stream cannot exhaust the stack.
func (l *lexer) collect(kind, end tokKind, depth int) operand {
	for len(l.scratch) <= depth {
		l.scratch = append(l.scratch, nil)
	}
	buf := l.scratch[depth][:0]
	for {
		before := l.i
		t := l.token(depth + 1)
		switch t.kind {
		case tokOp:
			// Operators never stand inside an array: the array was not
			// closed. End it here and leave the operator to run.
			l.i = before
			fallthrough
		case tokEOF, end:
			l.scratch[depth] = buf
			return operand{kind: kind, list: append([]operand(nil), buf...)}
		case tokArrayEnd, tokDictEnd:
			continue
		}
		buf = append(buf, t)
	}
}

func (l *lexer) literal() string {
	// Most strings have no escapes or nested parentheses.
	for k := l.i; k < len(l.b); k++ {
		c := l.b[k]
		if c == ')' {
			s := string(l.b[l.i:k])
			l.i = k + 1
			return s
		}
		if c == '\\' || c == '(' {
			break
		}
	}
	var out []byte
	depth := 1
	for l.i < len(l.b) {
		c := l.b[l.i]
		l.i++
		switch c {
		case '(':
			depth++
		case ')':
			depth--
			if depth == 0 {
				return string(out)
			}
		case '\\':
			if l.i >= len(l.b) {
				return string(out)
			}
			e := l.b[l.i]
			l.i++
			switch e {
			case 'n':
				c = '\n'
			case 'r':
				c = '\r'
			case 't':
				c = '\t'
			case 'b':
				c = '\b'
			case 'f':
				c = '\f'
			case '\r':
				if l.i < len(l.b) && l.b[l.i] == '\n' {
					l.i++
				}
				continue
			case '\n':
				continue
			case '0', '1', '2', '3', '4', '5', '6', '7':
				v := int(e - '0')
				for k := 0; k < 2 && l.i < len(l.b) && l.b[l.i] >= '0' && l.b[l.i] <= '7'; k++ {
					v = v*8 + int(l.b[l.i]-'0')
					l.i++
				}
				c = byte(v)
			default:
				c = e
			}
		}
		out = append(out, c)
	}
	return string(out)
}

// hex decodes a hex string, ignoring anything that is not a hex digit, as
// readers do; an odd final digit counts as followed by 0.
func (l *lexer) hex() string {
	var out []byte
	var hi byte
	half := false
	for l.i < len(l.b) {
		c := l.b[l.i]
		l.i++
		if c == '>' {
			break
		}
		v, ok := unhexByte(c)
		if !ok {
			continue
		}
		if half {
			out = append(out, hi<<4|v)
		} else {
			hi = v
		}
		half = !half
	}
	if half {
		out = append(out, hi<<4)
	}
	return string(out)
}

func unhexByte(c byte) (byte, bool) {
	switch {
	case c >= '0' && c <= '9':
		return c - '0', true
	case c >= 'a' && c <= 'f':
		return c - 'a' + 10, true
	case c >= 'A' && c <= 'F':
		return c - 'A' + 10, true
	}
	return 0, false
}

func (l *lexer) name() string {
	start := l.i
	escaped := false
	for l.i < len(l.b) && !isSpaceByte(l.b[l.i]) && !isDelimByte(l.b[l.i]) {
		if l.b[l.i] == '#' {
			escaped = true
		}
		l.i++
	}
	raw := l.b[start:l.i]
	if !escaped {
		return string(raw)
	}
	var out []byte
	for k := 0; k < len(raw); k++ {
		if raw[k] == '#' && k+2 < len(raw) {
			h, ok1 := unhexByte(raw[k+1])
			lo, ok2 := unhexByte(raw[k+2])
			if ok1 && ok2 {
				out = append(out, h<<4|lo)
				k += 2
				continue
			}
		}
		out = append(out, raw[k])
	}
	return string(out)
}

// parseNumber reads a PDF number without allocating; it accepts what
// readers accept ("-.5", "3.", "+2").
func parseNumber(b []byte) (float64, bool) {
	if len(b) == 0 {
		return 0, false
	}
	i := 0
	neg := false
	if b[0] == '-' || b[0] == '+' {
		neg = b[0] == '-'
		i++
	}
	var v float64
	digits := 0
	for ; i < len(b) && b[i] >= '0' && b[i] <= '9'; i++ {
		v = v*10 + float64(b[i]-'0')
		digits++
	}
	if i < len(b) && b[i] == '.' {
		i++
		scale := 0.1
		for ; i < len(b) && b[i] >= '0' && b[i] <= '9'; i++ {
			v += float64(b[i]-'0') * scale
			scale /= 10
			digits++
		}
	}
	if digits == 0 {
		return 0, false
	}
	if i != len(b) {
		// Exponents are not PDF syntax, but some producers write them.
		f, err := strconv.ParseFloat(string(b), 64)
		return f, err == nil
	}
	if neg {
		v = -v
	}
	return v, true
}

// skipInlineImage moves past the data of an inline image whose dictionary
// has just been read (the lexer stands after "ID"). The data length is
// computed when the image is unfiltered; otherwise the data ends at the
// first "EI" standing between white space, which is what readers do.
func (l *lexer) skipInlineImage(dict operand) {
	if l.i < len(l.b) && isSpaceByte(l.b[l.i]) {
		l.i++
	}
	if n := inlineImageLength(dict); n > 0 && l.i+n <= len(l.b) {
		end := l.i + n
		rest := l.b[end:]
		trimmed := bytes.TrimLeft(rest, "\x00\t\n\f\r ")
		if bytes.HasPrefix(trimmed, []byte("EI")) && (len(trimmed) == 2 || isSpaceByte(trimmed[2]) || isDelimByte(trimmed[2])) {
			l.i = end + (len(rest) - len(trimmed)) + 2
			return
		}
	}
	for k := l.i; k+1 < len(l.b); k++ {
		if l.b[k] != 'E' || l.b[k+1] != 'I' {
			continue
		}
		before := k == 0 || isSpaceByte(l.b[k-1])
		after := k+2 == len(l.b) || isSpaceByte(l.b[k+2])
		if before && after {
			l.i = k + 2
			return
		}
	}
	l.i = len(l.b)
}

func inlineImageLength(dict operand) int {
	get := func(keys ...string) (operand, bool) {
		for _, k := range keys {
			if v, ok := dict.dictGet(k); ok {
				return v, true
			}
		}
		return operand{}, false
	}
	if v, ok := get("L", "Length"); ok && v.kind == tokNum {
		return int(v.num)
	}
	if _, filtered := get("F", "Filter"); filtered {
		return 0
	}
	w, ok1 := get("W", "Width")
	h, ok2 := get("H", "Height")
	if !ok1 || !ok2 || w.num <= 0 || h.num <= 0 || w.num > 1e5 || h.num > 1e5 {
		return 0
	}
	bpc := 8.0
	comps := 1.0
	if v, ok := get("IM", "ImageMask"); ok && v.str == "true" {
		bpc = 1
	} else {
		if v, ok := get("BPC", "BitsPerComponent"); ok {
			bpc = v.num
		}
		if v, ok := get("CS", "ColorSpace"); ok {
			switch v.str {
			case "RGB", "DeviceRGB", "CalRGB":
				comps = 3
			case "CMYK", "DeviceCMYK":
				comps = 4
			case "G", "DeviceGray", "I", "Indexed", "CalGray":
				comps = 1
			default:
				return 0
			}
		}
	}
	rowBytes := int((w.num*comps*bpc + 7) / 8)
	return rowBytes * int(h.num)
}
