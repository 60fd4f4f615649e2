package layout

import (
	"reflect"
	"testing"
)

// run lays out text from x on baseline y at size 10, each character 5pt
// wide and followed by gap points.
func run(text string, x, y, gap float64, f *font) []glyph {
	var gs []glyph
	for _, r := range text {
		gs = append(gs, glyph{x: x, y: y, w: 5, size: 10, text: string(r), font: f})
		x += 5 + gap
	}
	return gs
}

func concat(parts ...[]glyph) []glyph {
	var out []glyph
	for _, p := range parts {
		out = append(out, p...)
	}
	return out
}

func TestRows(t *testing.T) {
	regular, bold := &font{}, &font{bold: true}
	tests := []struct {
		name   string
		glyphs []glyph
		want   []string
	}{
		{"kerned letters make a word", run("word", 0, 100, 0.3, regular), []string{"word"}},
		{"a gap of a quarter em splits", concat(run("two", 0, 100, 0, regular), run("words", 17.5, 100, 0, regular)), []string{"two words"}},
		{"a space glyph splits", run("a b", 0, 100, 0, regular), []string{"a b"}},
		{"fake bold drawn twice", concat(run("T", 0, 100, 0, bold), run("T", 0.2, 100, 0, bold), run("he", 5, 100, 0, bold)), []string{"The"}},
		{"letter-spaced heading", run("G E N E R A L", 0, 100, 2, bold), []string{"GENERAL"}},
		{"letter-spaced words", concat(run("U N I T E D", 0, 100, 2, bold), run("N A T I O N S", 95, 100, 2, bold)), []string{"UNITED NATIONS"}},
		{"superscript ordinal", concat(run("29", 0, 100, 0, regular), []glyph{{x: 10, y: 96, w: 3, size: 6, text: "t", font: regular}, {x: 13, y: 96, w: 3, size: 6, text: "h", font: regular}}, run(" meeting", 16, 100, 0, regular)), []string{"29th meeting"}},
		{"two baselines", concat(run("first", 0, 100, 0, regular), run("second", 0, 112, 0, regular)), []string{"first", "second"}},
		{"drawn out of order", concat(run("world", 30, 100, 0, regular), run("hello", 0, 100, 0, regular)), []string{"hello world"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			words := mergeLetterSpaced(buildWords(tt.glyphs))
			idx := make([]int, len(words))
			for i := range idx {
				idx[i] = i
			}
			var got []string
			for _, row := range baselineGroups(words, idx) {
				got = append(got, joinWords(words, row))
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

// TestJoinUndrawnGaps: on a page whose producer draws its spaces, a gap
// just past wordGap with no space in it is inside a word; elsewhere the
// gap alone decides.
func TestJoinUndrawnGaps(t *testing.T) {
	regular := &font{}
	// A line of 24 words with a space glyph drawn between each two.
	drawing := run("we thank the Council for its report and we call for more open debates on all of its work in the year", 0, 100, 0, regular)
	// The same words set apart by gaps of a quarter em, no space drawn.
	var gapped []glyph
	x := 0.0
	for _, w := range []string{"we", "thank", "the", "Council", "for", "its", "report", "and", "we", "call", "for", "more", "open", "debates", "on", "all", "of", "its", "work", "in", "the", "year", "as", "ever"} {
		gapped = append(gapped, run(w, x, 100, 0, regular)...)
		x += 5*float64(len(w)) + 2.5
	}
	// split sets b after a at the given gap, on the baseline below.
	split := func(a, b string, gap float64) []glyph {
		return concat(run(a, 0, 112, 0, regular), run(b, 5*float64(len(a))+gap, 112, 0, regular))
	}
	tests := []struct {
		name   string
		page   []glyph
		pieces []glyph
		want   string
	}{
		{"a word placed in two", drawing, split("duri", "ng", 1.35), "during"},
		{"a comma placed apart", drawing, split("people", ",", 1.28), "people,"},
		{"a hyphen placed apart", drawing, split("conflict", "-affected", 1.24), "conflict-affected"},
		{"a line-end hyphen placed apart", drawing, split("non", "-", 1.37), "non-"},
		{"a quarter em without a space is still a break", drawing, split("two", "words", 2.5), "two words"},
		{"dot leaders stay apart", drawing, concat(run("France", 0, 112, 0, regular), []glyph{{x: 31.3, y: 112, w: 40, size: 10, text: ". . . .", font: regular}}), "France . . . ."},
		{"a page that draws no spaces goes by the gaps", gapped, split("duri", "ng", 1.35), "duri ng"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			words := joinUndrawnGaps(buildWords(concat(tt.page, tt.pieces)))
			idx := make([]int, len(words))
			for i := range idx {
				idx[i] = i
			}
			rows := baselineGroups(words, idx)
			if len(rows) != 2 {
				t.Fatalf("%d rows, want 2", len(rows))
			}
			if got := joinWords(words, rows[1]); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}
