package corpus

import "testing"

func TestASCIIDigits(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"ascii", "A/79/PV.29", "A/79/PV.29"},
		{"arabic-indic", "الجلسة ٢٩", "الجلسة 29"},
		{"eastern arabic-indic", "۱۹۴۵", "1945"},
		{"full-width", "第７９届", "第79届"},
		{"mixed", "٠۰０9", "0009"},
		{"no digits", "Council", "Council"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := ASCIIDigits(tt.in); got != tt.want {
				t.Fatalf("ASCIIDigits(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestChineseNumber(t *testing.T) {
	tests := []struct {
		in   string
		want int
		ok   bool
	}{
		{"七十七", 77, true},
		{"十二", 12, true},
		{"二十", 20, true},
		{"十", 10, true},
		{"一百一十一", 111, true},
		{"一百零五", 105, true},
		{"两百", 200, true},
		{"九百九十九", 999, true},
		{"27", 27, true},
		{"", 0, false},
		{"0", 0, false},
		{"零", 0, false},
		{"七十七届", 0, false},
		{"seventy", 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, ok := ChineseNumber(tt.in)
			if got != tt.want || ok != tt.ok {
				t.Fatalf("ChineseNumber(%q) = %d, %v; want %d, %v", tt.in, got, ok, tt.want, tt.ok)
			}
		})
	}
}

func FuzzChineseNumber(f *testing.F) {
	for _, s := range []string{"七十七", "一百一十一", "27", "十十十", "百"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if n, ok := ChineseNumber(s); ok != (n > 0) {
			t.Fatalf("ChineseNumber(%q) = %d, %v: ok must say the number is positive", s, n, ok)
		}
	})
}

func TestOrdinal(t *testing.T) {
	for n, want := range map[int]string{1: "1st", 2: "2nd", 3: "3rd", 11: "11th", 12: "12th", 13: "13th", 21: "21st", 72: "72nd", 79: "79th", 111: "111th"} {
		if got := Ordinal(n); got != want {
			t.Errorf("Ordinal(%d) = %s, want %s", n, got, want)
		}
	}
}
