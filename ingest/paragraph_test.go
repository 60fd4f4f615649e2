package ingest

import "testing"

func TestJoinLinesHyphenation(t *testing.T) {
	vocab := vocabulary{"recognize": 2, "non-proliferation": 1, "peacebuilding": 3, "post-conflict": 2, "crosswalk": 1}
	tests := []struct {
		name  string
		lines []string
		want  string
	}{
		{"word broken by the typesetter", []string{"we must recog-", "nize the Court"}, "we must recognize the Court"},
		{"broken word unknown to the document", []string{"the Organi-", "zation"}, "the Organization"},
		{"document spells it hyphenated", []string{"the post-", "conflict phase"}, "the post-conflict phase"},
		{"document spells it joined", []string{"peace-", "building efforts"}, "peacebuilding efforts"},
		{"prefix non keeps its hyphen", []string{"non-", "interference"}, "non-interference"},
		{"prefix self", []string{"the right to self-", "determination"}, "the right to self-determination"},
		{"well-being", []string{"the well-", "being of"}, "the well-being of"},
		{"capital after the break", []string{"the Secretary-", "General"}, "the Secretary-General"},
		{"Vice-President", []string{"Vice-", "President"}, "Vice-President"},
		{"digits", []string{"COVID-", "19 pandemic"}, "COVID-19 pandemic"},
		{"compound second part", []string{"decision-", "making process"}, "decision-making process"},
		{"follow-up", []string{"the follow-", "up to"}, "the follow-up to"},
		{"co-sponsor", []string{"co-", "sponsors of"}, "co-sponsors of"},
		{"prefix high before a word", []string{"high-", "risk groups"}, "high-risk groups"},
		{"prefix cross before a word", []string{"a cross-", "section of"}, "a cross-section of"},
		{"prefix decision", []string{"decision-", "makers"}, "decision-makers"},
		{"prefix near", []string{"near-", "unanimous support"}, "near-unanimous support"},
		{"prefix home", []string{"home-", "grown solutions"}, "home-grown solutions"},
		{"closed word after a prefix", []string{"we high-", "light the"}, "we highlight the"},
		{"closed word home", []string{"their home-", "land"}, "their homeland"},
		{"closed word nearby", []string{"the near-", "by towns"}, "the nearby towns"},
		{"suffix after a prefix", []string{"border cross-", "ings"}, "border crossings"},
		{"document spells the closed word", []string{"a cross-", "walk"}, "a crosswalk"},
		{"cooperation is one word", []string{"co-", "operation"}, "cooperation"},
		{"number words", []string{"twenty-", "first century"}, "twenty-first century"},
		{"acronym before hyphen", []string{"IAEA-", "supported"}, "IAEA-supported"},
		{"all capitals heading", []string{"ASSEM-", "BLY"}, "ASSEMBLY"},
		{"spaced dash keeps spaces", []string{"representation —", "not only"}, "representation — not only"},
		{"soft hyphen", []string{"inter\u00ad", "national"}, "international"},
		{"slash at line end", []string{"HIV/", "AIDS"}, "HIV/AIDS"},
		{"plain wrap", []string{"the Court", "  of Justice "}, "the Court of Justice"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := joinLines(tt.lines, vocab); got != tt.want {
				t.Errorf("joinLines(%q) = %q, want %q", tt.lines, got, tt.want)
			}
		})
	}
}

func TestClockTime(t *testing.T) {
	tests := map[string]string{
		"3 p.m.": "15:00", "3.05 p.m.": "15:05", "10 a.m.": "10:00", "12.30 p.m.": "12:30",
		"12 a.m.": "00:00", "noon": "12:00", "6.10 p. m.": "18:10", "13 p.m.": "", "": "",
	}
	for in, want := range tests {
		if got := clockTime(in); got != want {
			t.Errorf("clockTime(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestOrdinalWords(t *testing.T) {
	tests := map[string]int{
		"Seventy-ninth": 79, "FORTY-EIGHTH": 48, "Sixtieth": 60, "Sixty-fifth": 65, "first": 1, "Twentieth": 20,
	}
	for in, want := range tests {
		if got, ok := ordinalWords(in); !ok || got != want {
			t.Errorf("ordinalWords(%q) = %d, %v; want %d", in, got, ok, want)
		}
	}
	for _, bad := range []string{"Records", "seventy", "twenty-tenth", ""} {
		if n, ok := ordinalWords(bad); ok {
			t.Errorf("ordinalWords(%q) = %d, want no number", bad, n)
		}
	}
}
