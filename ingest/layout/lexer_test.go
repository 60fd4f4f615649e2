package layout

import (
	"reflect"
	"testing"
)

func TestLexer(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []operand
	}{
		{"numbers", "12 -3.5 .5 +2 4. 1e3", []operand{{kind: tokNum, num: 12}, {kind: tokNum, num: -3.5}, {kind: tokNum, num: .5}, {kind: tokNum, num: 2}, {kind: tokNum, num: 4}, {kind: tokNum, num: 1000}}},
		{"literal escapes", `(a\(b\)c\\d\n\101\0)`, []operand{{kind: tokStr, str: "a(b)c\\d\nA\x00"}}},
		{"nested parentheses", "(a (b) c) Tj", []operand{{kind: tokStr, str: "a (b) c"}, {kind: tokOp, str: "Tj"}}},
		{"line continuation", "(ab\\\ncd)", []operand{{kind: tokStr, str: "abcd"}}},
		{"hex with spaces and odd digit", "<48 65 6c 6C 6>", []operand{{kind: tokStr, str: "Hell`"}}},
		{"hex with junk", "<4g8>", []operand{{kind: tokStr, str: "H"}}},
		{"unterminated hex", "<414", []operand{{kind: tokStr, str: "A@"}}},
		{"names", "/F1 /A#20B /", []operand{{kind: tokName, str: "F1"}, {kind: tokName, str: "A B"}, {kind: tokName, str: ""}}},
		{"array", "[(a) -250 (b)] TJ", []operand{{kind: tokArray, list: []operand{{kind: tokStr, str: "a"}, {kind: tokNum, num: -250}, {kind: tokStr, str: "b"}}}, {kind: tokOp, str: "TJ"}}},
		{"unclosed array ends at operator", "[(a) Tj", []operand{{kind: tokArray, list: []operand{{kind: tokStr, str: "a"}}}, {kind: tokOp, str: "Tj"}}},
		{"dictionary", "/Span <</ActualText (x)>> BDC", []operand{{kind: tokName, str: "Span"}, {kind: tokDict, list: []operand{{kind: tokName, str: "ActualText"}, {kind: tokStr, str: "x"}}}, {kind: tokOp, str: "BDC"}}},
		{"comments and stray delimiters", "% note\n) } q", []operand{{kind: tokOp, str: "q"}}},
		{"keywords", "true false null T*", []operand{{kind: tokBool, str: "true"}, {kind: tokBool, str: "false"}, {kind: tokNull}, {kind: tokOp, str: "T*"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			lx := lexer{b: []byte(tt.in)}
			var got []operand
			for {
				o := lx.next()
				if o.kind == tokEOF {
					break
				}
				got = append(got, o)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got %+v\nwant %+v", got, tt.want)
			}
		})
	}
}

func TestSkipInlineImage(t *testing.T) {
	tests := []struct {
		name, in, after string
	}{
		{"computed length with EI inside data", "/W 4 /H 1 /BPC 8 /CS /G ID  EI  EI Q", "Q"},
		{"filtered, first EI between spaces", "/W 9 /H 9 /F /AHx ID 0a1b2c EI Q", "Q"},
		{"no EI at all", "/W 2 /H 2 ID \x01\x02", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			lx := lexer{b: []byte(tt.in)}
			dict := operand{kind: tokDict}
			for {
				o := lx.next()
				if o.kind == tokEOF || o.kind == tokOp && o.str == "ID" {
					break
				}
				dict.list = append(dict.list, o)
			}
			lx.skipInlineImage(dict)
			next := lx.next()
			if next.str != tt.after {
				t.Errorf("after the image: %+v, want %q", next, tt.after)
			}
		})
	}
}
