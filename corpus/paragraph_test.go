package corpus

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestSplitText(t *testing.T) {
	tests := []struct {
		name string
		text string
		max  int
		want []string
	}{
		{"within the limit", "One. Two.", 20, []string{"One. Two."}},
		{"after a sentence", "One sentence here. Two more words here", 24, []string{"One sentence here.", "Two more words here"}},
		{"at a space", "one two three four five six", 12, []string{"one two", "three four", "five six"}},
		{"between characters", strings.Repeat("x", 25), 10, []string{strings.Repeat("x", 10), strings.Repeat("x", 10), strings.Repeat("x", 5)}},
		{"after a Chinese full stop", "安理会应当报告。大会审议报告", 24, []string{"安理会应当报告。", "大会审议报告"}},
		{"never inside a character", "ééééééééé", 9, []string{"éééé", "éééé", "é"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := SplitText(tt.text, tt.max)
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("SplitText(%q, %d) = %q, want %q", tt.text, tt.max, got, tt.want)
			}
		})
	}
}

// FuzzSplitText: every piece is within the limit and valid where the text
// is, and the pieces hold the whole text but the white space around the cuts.
func FuzzSplitText(f *testing.F) {
	f.Add("One sentence here. Two more words here", 24)
	f.Add("安理会应当报告。大会审议报告", 9)
	f.Add(strings.Repeat("recog", 100), 16)
	f.Fuzz(func(t *testing.T, text string, max int) {
		if max < 8 || max > 1<<16 {
			return
		}
		pieces := SplitText(text, max)
		if len(pieces) == 0 {
			t.Fatal("no piece")
		}
		for _, p := range pieces {
			if len(p) > max && len(pieces) > 1 {
				t.Fatalf("piece of %d bytes over %d", len(p), max)
			}
			if utf8.ValidString(text) && !utf8.ValidString(p) {
				t.Fatalf("piece %q is not valid UTF-8", p)
			}
		}
		// Each piece is squeezed on its own: joined first, the invalid
		// bytes either side of a cut could make a white-space character
		// (0xC2 0x85 is U+0085) that the text did not hold.
		squeeze := func(s string) string { return strings.Join(strings.Fields(s), "") }
		var held strings.Builder
		for _, p := range pieces {
			held.WriteString(squeeze(p))
		}
		if held.String() != squeeze(text) {
			t.Fatalf("pieces %q do not hold %q", pieces, text)
		}
	})
}
