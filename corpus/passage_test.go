package corpus

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"strings"
	"testing"
)

func TestParsePassageID(t *testing.T) {
	tests := []struct {
		id, key string
		seq, n  int
		err     string
	}{
		{"A_79_PV.29.en#3.2", "A_79_PV.29.en", 3, 2, ""},
		{" SAMPLE_A_76_PV.85.en#1.10 ", "SAMPLE_A_76_PV.85.en", 1, 10, ""},
		{"A_79_PV.29.en", "", 0, 0, "no #SPEECH.PARAGRAPH"},
		{"#3.2", "", 0, 0, "no record before #"},
		{"A_79_PV.29.en#3", "", 0, 0, "no SPEECH.PARAGRAPH after #"},
		{"A_79_PV.29.en#x.2", "", 0, 0, "must be numbers"},
		{"A_79_PV.29.en#3.2.2", "A_79_PV.29.en", 3, 2, ""},
		{"A_79_PV.29.en#3.2.x", "", 0, 0, "must be numbers"},
	}
	for _, tc := range tests {
		key, seq, n, err := ParsePassageID(tc.id)
		if tc.err != "" {
			if err == nil || !strings.Contains(err.Error(), tc.err) {
				t.Errorf("%q: error %v, want %q", tc.id, err, tc.err)
			}
			continue
		}
		if err != nil || key != tc.key || seq != tc.seq || n != tc.n {
			t.Errorf("%q: %q %d %d %v", tc.id, key, seq, n, err)
		}
		if got := PassageID(key, seq, n); got != strings.TrimSpace(tc.id) && !strings.HasPrefix(tc.id, got+".") {
			t.Errorf("PassageID gives %q back for %q", got, tc.id)
		}
	}
}

// TestTextDigest: the digest is the text's words joined by one space,
// however long the text and whatever its spacing or its bytes.
func TestTextDigest(t *testing.T) {
	long := strings.Repeat("Penholdership should be shared.\u00a0 ", 400)
	for _, text := range []string{"", "  ", "veto", " The  veto\tmust\n go. ", long, "bad \xff byte", "安理会\u3000改革", strings.Repeat("x", 2000) + " y"} {
		sum := sha256.Sum256([]byte(strings.Join(strings.Fields(text), " ")))
		if got, want := TextDigest(text), hex.EncodeToString(sum[:8]); got != want {
			t.Errorf("TextDigest(%.40q) = %s, want %s", text, got, want)
		}
	}
	if TextDigest("The veto must go.") != TextDigest(" The  veto\nmust go. ") || TextDigest("The veto must go.") == TextDigest("The veto must stay.") {
		t.Error("the digest depends on spacing, or not on words")
	}
}

// FuzzPassageID: any string either parses to a passage whose ID gives the
// same position back, or is a *PassageIDError.
func FuzzPassageID(f *testing.F) {
	for _, s := range []string{"A_79_PV.29.en#3.2", "#", "a#1.", "a#-1.2", "x#1.2.3", "SAMPLE_1.en#1.1"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, id string) {
		key, seq, n, err := ParsePassageID(id)
		if err != nil {
			var pe *PassageIDError
			if !errors.As(err, &pe) {
				t.Fatalf("%q: error of type %T", id, err)
			}
			return
		}
		k2, s2, n2, err := ParsePassageID(PassageID(key, seq, n))
		if err != nil || k2 != key || s2 != seq || n2 != n {
			t.Fatalf("%q: round trip gives %q %d %d %v", id, k2, s2, n2, err)
		}
	})
}

// FuzzTextDigest: the digest is that of the words joined by one space.
func FuzzTextDigest(f *testing.F) {
	for _, s := range []string{"", " a  b ", "安理会\u3000改革", "\xff\xfe x", strings.Repeat("word ", 200)} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		sum := sha256.Sum256([]byte(strings.Join(strings.Fields(text), " ")))
		if got, want := TextDigest(text), hex.EncodeToString(sum[:8]); got != want {
			t.Fatalf("%q: %s, want %s", text, got, want)
		}
	})
}
