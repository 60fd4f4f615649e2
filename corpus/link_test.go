package corpus

import (
	"net/url"
	"testing"
)

func TestOfficialLink(t *testing.T) {
	tests := []struct {
		name, symbol, lang, want string
	}{
		{"plenary record", "A/79/PV.29", "en", "https://undocs.org/en/A/79/PV.29"},
		{"council record", "S/PV.8422", "fr", "https://undocs.org/fr/S/PV.8422"},
		{"hyphenated session", "A/ES-11/PV.1", "ar", "https://undocs.org/ar/A/ES-11/PV.1"},
		{"addendum", "A/75/L.1/Add.1", "fr", "https://undocs.org/fr/A/75/L.1/Add.1"},
		{"resumption", "A/75/PV.15 (Resumption 1)", "es", "https://undocs.org/es/A/75/PV.15%20%28Resumption%201%29"},
		{"surrounding space", " A/75/PV.78 ", "en", "https://undocs.org/en/A/75/PV.78"},
		{"no language", "S/2017/507", "", "https://undocs.org/en/S/2017/507"},
		{"hostile language", "A/1", "en/../x", "https://undocs.org/en%2F..%2Fx/A/1"},
		{"query characters", "A/75/PV.1?x=1#y", "en", "https://undocs.org/en/A/75/PV.1%3Fx=1%23y"},
		{"no symbol", "", "en", ""},
		{"blank symbol", "  ", "en", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := OfficialLink(tt.symbol, tt.lang)
			if got != tt.want {
				t.Fatalf("OfficialLink(%q, %q) = %q, want %q", tt.symbol, tt.lang, got, tt.want)
			}
			if got == "" {
				return
			}
			// The link must parse back to the same host and a path whose
			// segments are the language and the symbol's parts.
			u, err := url.Parse(got)
			if err != nil || u.Host != "undocs.org" || u.RawQuery != "" || u.Fragment != "" {
				t.Fatalf("%q does not parse as a plain undocs.org address: %v", got, err)
			}
		})
	}
}

func TestDocumentName(t *testing.T) {
	tests := []struct {
		rec  Record
		want string
	}{
		{Record{Symbol: "S/2021/131", Kind: KindLetter}, "S/2021/131"},
		{Record{Kind: KindLetter, Date: "2021-02-08", Letter: &Letter{From: []string{"新西兰", "瑞士"}, FromCodes: []string{"NZL", "CHE"}}}, "letter of 2021-02-08 from New Zealand and Switzerland"},
		{Record{Kind: KindLetter, Date: "2021-02-08", Letter: &Letter{From: []string{"Atlantis"}, FromCodes: []string{""}}}, "letter of 2021-02-08 from Atlantis"},
		{Record{Kind: KindVerbatim, Date: "1993-11-01"}, "verbatim-record of 1993-11-01"},
	}
	for _, tt := range tests {
		if got := DocumentName(&tt.rec); got != tt.want {
			t.Errorf("DocumentName = %q, want %q", got, tt.want)
		}
	}
	if got := PageLink("A/79/PV.29", "fr", 12); got != "https://undocs.org/fr/A/79/PV.29#page=12" {
		t.Errorf("PageLink = %q", got)
	}
	if got := PageLink("", "fr", 12); got != "" {
		t.Errorf("PageLink without symbol = %q", got)
	}
}
