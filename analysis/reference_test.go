package analysis

import (
	"strings"
	"testing"
)

// TestMayHoldReference checks the quick test for a reference's characters
// against the test it stands for.
func TestMayHoldReference(t *testing.T) {
	for _, text := range []string{
		"", "no figures here", "resolution 2334 (2016)", "A/75/2", "المادة ٢٧", "第二十七条", "l’article", "٩", "\xd9", "\xd9\xa0", "\xe0\xd9\xa5", "\xd9\xaa",
	} {
		want := strings.ContainsAny(text, "0123456789٠١٢٣٤٥٦٧٨٩条")
		if got := mayHoldReference(text); got != want {
			t.Errorf("mayHoldReference(%q) = %v, want %v", text, got, want)
		}
	}
}
