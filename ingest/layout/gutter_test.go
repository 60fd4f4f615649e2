package layout

import (
	"math"
	"testing"
)

// textRow lays out a row of words from x0 to x1 on baseline y, 30 points
// wide with 4 points between them, the last one stretched to x1.
func textRow(y, x0, x1 float64) []word {
	var ws []word
	for x := x0; x+30 <= x1+0.01; x += 34 {
		ws = append(ws, word{x0: x, x1: x + 30, y: y, size: 10, text: "word"})
	}
	if n := len(ws); n > 0 {
		ws[n-1].x1 = x1 // justified: the last word ends at the margin
	}
	return ws
}

// page lays out rows of (left part, right part) spans from y = 100 on,
// 12 points apart; a zero-width span is no text.
func page(rows ...[4]float64) []word {
	var ws []word
	for k, r := range rows {
		y := 100 + 12*float64(k)
		if r[1] > r[0] {
			ws = append(ws, textRow(y, r[0], r[1])...)
		}
		if r[3] > r[2] {
			ws = append(ws, textRow(y, r[2], r[3])...)
		}
	}
	return ws
}

func repeat(n int, row [4]float64) [][4]float64 {
	out := make([][4]float64, n)
	for i := range out {
		out[i] = row
	}
	return out
}

func TestFindGutter(t *testing.T) {
	full := [4]float64{60, 300, 312, 552}
	// The left column's lines stop short of the gutter in two rows of
	// three: one- and two-line turns.
	var shortLeft [][4]float64
	for k := range 36 {
		end := 300.0
		if k%3 != 0 {
			end = 160
		}
		shortLeft = append(shortLeft, [4]float64{60, end, 312, 552})
	}
	masthead := [][4]float64{{60, 200, 480, 552}, {60, 240, 470, 552}, {120, 200, 0, 0}, {120, 220, 0, 0}, {120, 300, 0, 0}, {120, 170, 0, 0}}
	// The Council's list of members: country and representative, a wide
	// blank band between them.
	var members [][4]float64
	for k := range 15 {
		members = append(members, [4]float64{120, 180 + float64(k%4)*20, 392, 470})
	}
	tests := []struct {
		name  string
		words []word
		found bool
	}{
		{"justified columns", page(repeat(40, full)...), true},
		{"short lines in the left column", page(append(masthead, shortLeft...)...), true},
		{"a list of members", page(append(masthead, members...)...), false},
		{"one column", page(repeat(40, [4]float64{60, 552, 0, 0})...), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			idx := make([]int, len(tt.words))
			for i := range idx {
				idx[i] = i
			}
			split, ok := findGutter(tt.words, idx, 612, math.NaN())
			if ok != tt.found || ok && (split < 300 || split > 312) {
				t.Errorf("findGutter = %.1f, %v; want a gutter: %v (between 300 and 312)", split, ok, tt.found)
			}
		})
	}
}

func TestGutterWidth(t *testing.T) {
	rows := func(ws []word) [][]int {
		idx := make([]int, len(ws))
		for i := range idx {
			idx[i] = i
		}
		return baselineGroups(ws, idx)
	}
	tests := []struct {
		name  string
		words []word
		want  float64
	}{
		{"columns", page(repeat(10, [4]float64{60, 300, 312, 552})...), 12},
		{"three rows reach, the others stop short", page(append(repeat(3, [4]float64{60, 300, 312, 552}), repeat(7, [4]float64{60, 160, 312, 552})...)...), 12},
		{"two rows are not enough", page(append(repeat(2, [4]float64{60, 300, 312, 552}), repeat(8, [4]float64{60, 160, 312, 552})...)...), 312 - 160},
		{"a row across the gutter does not count", page(append(repeat(3, [4]float64{60, 552, 0, 0}), repeat(5, [4]float64{60, 200, 312, 552})...)...), 312 - 200},
		{"one side only", page(repeat(10, [4]float64{60, 300, 0, 0})...), math.Inf(1)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := gutterWidth(tt.words, rows(tt.words), 306, 3); math.Abs(got-tt.want) > 0.5 && !(math.IsInf(got, 1) && math.IsInf(tt.want, 1)) {
				t.Errorf("gutterWidth = %.1f, want %.1f", got, tt.want)
			}
		})
	}
}
