package corpus

import (
	"strings"
	"testing"
)

func TestDetectLanguage(t *testing.T) {
	tests := []struct{ name, text, want string }{
		{"english", "The Council should be more transparent.", "en"},
		{"french", "Le Conseil doit être plus transparent dans ses travaux.", "fr"},
		{"spanish", "El Consejo debe ser más transparente en su labor.", "es"},
		{"chinese", "安理会应提高透明度。", "zh"},
		{"arabic", "ندعو مجلس الأمن إلى تعزيز الشفافية.", "ar"},
		{"russian", "Совет должен быть более транспарентным.", "ru"},
		{"empty", "", "en"},
		{"digits only", "75 / 79 — 2024", "en"},
		{"punctuation around words", "«Le Conseil, dans son rapport, et l’Assemblée.»", "fr"},
		{"french with y", "Il y a dans ce rapport des éléments qui nous inquiètent.", "fr"},
		{"chinese quoting a symbol", "大会第79届会议第29次全体会议（A/79/PV.29）审议了安全理事会的报告。", "zh"},
		{"english quoting chinese", "The representative of China (中国) said that the Council must act.", "en"},
		{"english record quoting french", "The President: I thank the representative. Le Conseil est saisi. We now turn to the report of the Council and the work of its members.", "en"},
		{"only the opening is read", strings.Repeat("the Council and the Assembly ", 3000) + strings.Repeat("le Conseil et les membres des ", 20000), "en"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := DetectLanguage(tt.text); got != tt.want {
				t.Errorf("DetectLanguage(%.60q) = %q, want %q", tt.text, got, tt.want)
			}
		})
	}
}

func FuzzDetectLanguage(f *testing.F) {
	for _, s := range []string{"The Council", "安理会", "Совет", "ندعو", "", "\xff\xfe"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if lang := DetectLanguage(s); !IsLanguage(lang) {
			t.Fatalf("DetectLanguage(%q) = %q, not an official language", s, lang)
		}
	})
}
