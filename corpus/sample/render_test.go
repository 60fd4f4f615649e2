package sample

import (
	"strings"
	"testing"

	"github.com/scdebate/scdebate/corpus"
)

func TestRenderRejects(t *testing.T) {
	tests := []struct {
		name   string
		change func(*corpus.Record)
		want   string
	}{
		{"letter", func(r *corpus.Record) { r.Kind = corpus.KindLetter }, "only verbatim records"},
		{"french", func(r *corpus.Record) { r.Language = "fr" }, "only en and zh"},
		{"no session", func(r *corpus.Record) { r.Session = nil }, "no session"},
		{"session 120", func(r *corpus.Record) { r.Session = corpus.Int(120) }, "out of range"},
		{"bad date", func(r *corpus.Record) { r.Date = "9 June 2022" }, "date"},
		{"bad time", func(r *corpus.Record) { r.TimeStart = "ten" }, "HH:MM"},
		{"no president", func(r *corpus.Record) { r.President = nil }, "no President"},
		{"votes", func(r *corpus.Record) { r.Votes = []corpus.Vote{{}} }, "votes"},
		{"empty speech", func(r *corpus.Record) { r.Speeches[3].Paragraphs = nil }, "no paragraphs"},
		{"no agenda", func(r *corpus.Record) { r.AgendaItems = nil }, "no agenda"},
		{"unknown language note", func(r *corpus.Record) { r.Speeches[2].SpokeIn = "de" }, "no en name"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			rec := handBuilt(76)
			rec.Speeches = append(rec.Speeches[:1], append([]corpus.Speech{rec.Speeches[1], rec.Speeches[1]}, rec.Speeches[1:]...)...)
			tc.change(rec)
			_, err := Render(rec)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %v, want one saying %q", err, tc.want)
			}
		})
	}
}

func TestRenderWords(t *testing.T) {
	tests := []struct {
		lang, hhmm, want string
	}{
		{"en", "10:00", "10 a.m."},
		{"en", "15:05", "3.05 p.m."},
		{"en", "12:00", "12 noon"},
		{"en", "12:30", "12.30 p.m."},
		{"zh", "10:00", "上午10时"},
		{"zh", "13:10", "下午1时10分"},
		{"zh", "12:00", "中午12时"},
	}
	for _, tc := range tests {
		if got, err := clockWords(tc.lang, tc.hhmm); err != nil || got != tc.want {
			t.Errorf("clockWords(%s, %s) = %q, %v; want %q", tc.lang, tc.hhmm, got, err, tc.want)
		}
	}
	sessions := []struct {
		lang string
		n    int
		want string
	}{
		{"en", 1, "First session"}, {"en", 13, "Thirteenth session"}, {"en", 40, "Fortieth session"},
		{"en", 77, "Seventy-seventh session"}, {"zh", 10, "第十届会议"}, {"zh", 78, "第七十八届会议"}, {"zh", 5, "第五届会议"},
	}
	for _, tc := range sessions {
		if got, err := sessionWords(tc.lang, tc.n); err != nil || got != tc.want {
			t.Errorf("sessionWords(%s, %d) = %q, %v; want %q", tc.lang, tc.n, got, err, tc.want)
		}
	}
	for n, want := range map[int]string{1: "1st", 2: "2nd", 3: "3rd", 11: "11th", 12: "12th", 13: "13th", 22: "22nd", 71: "71st", 111: "111th"} {
		if got := meetingWords("en", n); got != want+" plenary meeting" {
			t.Errorf("meetingWords(%d) = %q", n, got)
		}
	}
}

// TestWrapCJK checks the Chinese line-breaking rules.
func TestWrapCJK(t *testing.T) {
	text := strings.Repeat("安", 39) + "，" + strings.Repeat("理", 39) + "“会”" + strings.Repeat("议", 5) + "A/77/2号"
	lines := wrapCJK(text, 40)
	for i, l := range lines {
		if i > 0 && strings.ContainsAny(l[:len("，")], noLineStart) {
			t.Errorf("line %d starts with closing punctuation: %q", i+1, l)
		}
		if strings.HasSuffix(l, "“") {
			t.Errorf("line %d ends with opening punctuation: %q", i+1, l)
		}
	}
	if len(lines) < 3 || !strings.HasSuffix(lines[0], "，") || !strings.HasPrefix(lines[2], "“") {
		t.Errorf("the comma should end the first line and the opening quote start the third: %q", lines)
	}
	joined := strings.Join(lines, "")
	if joined != text {
		t.Errorf("wrapping lost text:\n%s\n%s", joined, text)
	}
	for _, l := range lines {
		if strings.Contains(l, "A/7") && !strings.Contains(l, "A/77/2") {
			t.Errorf("a symbol was split: %q", l)
		}
	}
}

// TestZhNumberReadsBack checks the numerals the sample covers print against
// the reader the parsers use.
func TestZhNumberReadsBack(t *testing.T) {
	for n := 1; n <= 99; n++ {
		if got, ok := corpus.ChineseNumber(zhNumber(n)); !ok || got != n {
			t.Errorf("zhNumber(%d) = %q reads back as %d, %v", n, zhNumber(n), got, ok)
		}
	}
}
