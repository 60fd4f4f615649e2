package reports

import (
	"math"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestHyperlinkFormula(t *testing.T) {
	got := hyperlinkFormula(`https://undocs.org/en/A/1`, `say "hi"`)
	if want := `HYPERLINK("https://undocs.org/en/A/1","say ""hi""")`; got != want {
		t.Fatalf("got %s, want %s", got, want)
	}
}

func TestFitTrend(t *testing.T) {
	tests := []struct {
		name   string
		xs, ys []float64
		change float64
		ok     bool
		flag   string
	}{
		{"rising line", []float64{70, 71, 72}, []float64{10, 15, 20}, 10, true, flagRising},
		{"falling, two sessions", []float64{70, 75}, []float64{30, 20}, -10, true, flagFalling},
		{"flat", []float64{70, 71, 72}, []float64{12, 12, 12}, 0, true, flagSteady},
		{"noisy but steady", []float64{70, 71, 72, 73}, []float64{10, 14, 9, 13}, 1.2, true, flagSteady},
		{"a jump, not a trend", []float64{70, 71, 72, 73, 74}, []float64{10, 30, 10, 30, 16}, 4.8, true, flagSteady},
		{"large change, poor fit", []float64{70, 71, 72, 73}, []float64{10, 40, 5, 35}, 12, true, flagSteady},
		{"one session", []float64{79}, []float64{40}, 0, false, ""},
		{"same session twice", []float64{79, 79}, []float64{40, 50}, 0, false, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tr, ok := fitTrend(tt.xs, tt.ys)
			if ok != tt.ok || math.Abs(tr.change-tt.change) > 1e-9 {
				t.Fatalf("got %+v, %v; want change %v, %v", tr, ok, tt.change, tt.ok)
			}
			if ok && tr.flag() != tt.flag {
				t.Fatalf("flag %s (r² %.2f), want %s", tr.flag(), tr.r2, tt.flag)
			}
		})
	}
}

func TestCellText(t *testing.T) {
	tests := []struct {
		name string
		in   string
		cut  bool
	}{
		{"short", "a paragraph", false},
		{"at the limit", strings.Repeat("é", excelMaxCellChars), false},
		{"over the limit", strings.Repeat("语", excelMaxCellChars+10), true},
		{"outside the BMP counts twice", strings.Repeat("𝄞", excelMaxCellChars/2+1), true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := cellText(tt.in)
			if n := utf16Len(got); n > excelMaxCellChars || !utf8.ValidString(got) {
				t.Fatalf("%d characters, valid %v", n, utf8.ValidString(got))
			}
			if (got != tt.in) != tt.cut || (tt.cut && !strings.HasSuffix(got, "(cut: too long for a cell)")) {
				t.Fatalf("cut = %v, want %v", got != tt.in, tt.cut)
			}
		})
	}
}

func TestWrappedLines(t *testing.T) {
	tests := []struct {
		name  string
		text  string
		width float64
		want  int
	}{
		{"empty", "", 10, 1},
		{"fits", "short", 10, 1},
		{"two lines", strings.Repeat("x", 15), 10, 2},
		{"line breaks", "a\r\nb\nc", 10, 3},
		{"multibyte counted as characters", strings.Repeat("é", 11), 10, 1},
		// Width 14 holds 16 characters a line, but the words wrap whole.
		{"long words in a narrow column", "Accountability, Coherence and Transparency group", 14, 4},
		{"words that fit", "one two three four", 14, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := wrappedLines(tt.text, tt.width); got != tt.want {
				t.Fatalf("got %d, want %d", got, tt.want)
			}
		})
	}
}
