package fetch

import (
	"fmt"
	"net/url"
	"strings"
	"testing"
	"time"
)

func TestODSURL(t *testing.T) {
	tests := []struct{ base, symbol, lang, want string }{
		{"", "A/75/PV.78", "en", "https://documents.un.org/api/symbol/access?s=A/75/PV.78&l=en&t=pdf"},
		{"http://127.0.0.1:8080/mirror/", "A/C.1/75/PV.3", "fr", "http://127.0.0.1:8080/mirror/api/symbol/access?s=A/C.1/75/PV.3&l=fr&t=pdf"},
		{"", "A/75/L.1/Add.1", "zh", "https://documents.un.org/api/symbol/access?s=A/75/L.1/Add.1&l=zh&t=pdf"},
		{"", "S/RES/2728 (2024)", "es", "https://documents.un.org/api/symbol/access?s=S/RES/2728%20(2024)&l=es&t=pdf"},
		{"", "S/RES/2728(2024)", "en", "https://documents.un.org/api/symbol/access?s=S/RES/2728(2024)&l=en&t=pdf"},
		{"", "A/1775 (Supp)", "fr", "https://documents.un.org/api/symbol/access?s=A/1775%20(Supp)&l=fr&t=pdf"},
	}
	for _, tt := range tests {
		if got := ODSURL(tt.base, tt.symbol, tt.lang); got != tt.want {
			t.Errorf("ODSURL(%q, %q, %q) = %s, want %s", tt.base, tt.symbol, tt.lang, got, tt.want)
		}
	}
}

func TestNormalizeSymbol(t *testing.T) {
	tests := []struct {
		in, want string
		ok       bool
	}{
		{" A/75/PV.78 ", "A/75/PV.78", true},
		{"S/PV.8422", "S/PV.8422", true},
		{"A/ES-11/PV.1", "A/ES-11/PV.1", true},
		{"E/CN.4/2002/1", "E/CN.4/2002/1", true},
		{"S/RES/2728 (2024)", "S/RES/2728 (2024)", true},
		{" S/RES/2728  (2024) ", "S/RES/2728 (2024)", true},
		{"A/1775 (Supp)", "A/1775 (Supp)", true},
		{"A/75 /PV.78", "", false},
		{"A/75/ PV.78", "", false},
		{"A/75/PV.78 & x", "", false},
		{"", "", false},
		{"../etc/passwd", "", false},
		{"A//75", "", false},
		{"A/75/PV.78?x=1", "", false},
		{"A/75/PV.78/", "", false},
		{"/A/75", "", false},
	}
	for _, tt := range tests {
		got, err := NormalizeSymbol(tt.in)
		if (err == nil) != tt.ok || got != tt.want {
			t.Errorf("NormalizeSymbol(%q) = %q, %v", tt.in, got, err)
		}
	}
}

func TestParseLangs(t *testing.T) {
	tests := []struct {
		in, want string
		ok       bool
	}{
		{"en", "[en]", true},
		{"EN, fr,en", "[en fr]", true},
		{"ar,zh,en,fr,ru,es", "[ar zh en fr ru es]", true},
		{"de", "", false},
		{" , ", "", false},
	}
	for _, tt := range tests {
		got, err := ParseLangs(tt.in)
		if (err == nil) != tt.ok || (tt.ok && fmt.Sprint(got) != tt.want) {
			t.Errorf("ParseLangs(%q) = %v, %v", tt.in, got, err)
		}
	}
}

func TestParseRetryAfter(t *testing.T) {
	now := time.Date(2025, 6, 10, 9, 0, 0, 0, time.UTC)
	tests := []struct {
		in   string
		want time.Duration
	}{
		{"", 0},
		{"5", 5 * time.Second},
		{" 120 ", 2 * time.Minute},
		{"0", 0},
		{"-3", 0},
		{"Tue, 10 Jun 2025 09:00:30 GMT", 30 * time.Second},
		{"Tue, 10 Jun 2025 08:00:00 GMT", 0},
		{"soon", 0},
		{"999999999", 24 * time.Hour},
	}
	for _, tt := range tests {
		if got := parseRetryAfter(tt.in, now); got != tt.want {
			t.Errorf("parseRetryAfter(%q) = %s, want %s", tt.in, got, tt.want)
		}
	}
}

func TestContentRangeStart(t *testing.T) {
	tests := []struct {
		in   string
		want int64
		ok   bool
	}{
		{"bytes 100-199/200", 100, true},
		{"bytes 0-0/1", 0, true},
		{"bytes */200", 0, false},
		{"items 1-2/3", 0, false},
		{"", 0, false},
	}
	for _, tt := range tests {
		got, ok := contentRangeStart(tt.in)
		if got != tt.want || ok != tt.ok {
			t.Errorf("contentRangeStart(%q) = %d, %v", tt.in, got, ok)
		}
	}
}

// FuzzNormalizeSymbol checks that whatever passes as a symbol goes into the
// service's query and comes back out unchanged, and never makes a path.
func FuzzNormalizeSymbol(f *testing.F) {
	for _, s := range []string{"A/75/PV.78", "S/RES/2728 (2024)", " A/1775  (Supp) ", "A/ES-11/PV.1", "../x", "A/75/PV.78?x=1&s=2", "S/RES/2728%20(2024)"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		sym, err := NormalizeSymbol(s)
		if err != nil {
			return
		}
		if again, err := NormalizeSymbol(sym); err != nil || again != sym {
			t.Fatalf("%q normalizes to %q, then %q %v", s, sym, again, err)
		}
		u, err := url.Parse(ODSURL(DefaultODSBaseURL, sym, "en"))
		if err != nil {
			t.Fatalf("%q: %v", sym, err)
		}
		if q := u.Query(); q.Get("s") != sym || q.Get("l") != "en" || q.Get("t") != "pdf" || len(q) != 3 {
			t.Fatalf("%q: the query %q reads back as %v", sym, u.RawQuery, q)
		}
		name := FileName(sym, "en")
		if strings.ContainsAny(name, `/\`) || strings.HasPrefix(name, ".") {
			t.Fatalf("%q: file name %q", sym, name)
		}
	})
}
