package sample

import (
	"regexp"
	"strings"
	"testing"

	"github.com/scdebate/scdebate/corpus"
)

func sampleRecords(t testing.TB) []*corpus.Record {
	t.Helper()
	recs, err := Records()
	if err != nil {
		t.Fatal(err)
	}
	return recs
}

// checkRecord reports what makes rec an invalid record: it is shared with
// the generator's tests.
func checkRecord(t *testing.T, rec *corpus.Record) {
	t.Helper()
	if !rec.Sample || !strings.HasPrefix(rec.Symbol, "SAMPLE/") {
		t.Errorf("%s: sample %v, symbol %q: sample records are marked and use SAMPLE/ symbols", rec.Symbol, rec.Sample, rec.Symbol)
	}
	if rec.Session == nil || rec.Meeting == nil || rec.Date == "" || rec.TimeStart == "" || rec.President == nil {
		t.Errorf("%s: incomplete metadata", rec.Symbol)
	}
	if len(rec.Source.SHA256) != 64 {
		t.Errorf("%s: source sha256 %q", rec.Symbol, rec.Source.SHA256)
	}
	for i, sp := range rec.Speeches {
		if sp.Seq != i+1 {
			t.Errorf("%s: speech %d has seq %d", rec.Symbol, i+1, sp.Seq)
		}
		if len(sp.Paragraphs) == 0 {
			t.Errorf("%s: speech %d has no paragraphs", rec.Symbol, sp.Seq)
		}
		for j, p := range sp.Paragraphs {
			if p.N != j+1 || strings.TrimSpace(p.Text) == "" {
				t.Errorf("%s: speech %d paragraph %d: n %d, text %q", rec.Symbol, sp.Seq, j+1, p.N, p.Text)
			}
		}
		switch sp.Role {
		case corpus.RolePresident, corpus.RoleActingPresident:
			if sp.Delegation != "" {
				t.Errorf("%s: speech %d: the chair speaks for no delegation", rec.Symbol, sp.Seq)
			}
		case corpus.RoleMemberState:
			if len(sp.CountryCode) != 3 {
				t.Errorf("%s: speech %d (%s): country code %q", rec.Symbol, sp.Seq, sp.Delegation, sp.CountryCode)
			}
		case corpus.RoleObserver:
		default:
			t.Errorf("%s: speech %d: role %q", rec.Symbol, sp.Seq, sp.Role)
		}
	}
	last := 0
	for _, e := range rec.Events {
		if e.AfterSeq < last || e.AfterSeq > len(rec.Speeches) {
			t.Errorf("%s: event %q after speech %d out of order", rec.Symbol, e.Text, e.AfterSeq)
		}
		last = e.AfterSeq
	}
}

func TestRecordsValid(t *testing.T) {
	for _, rec := range sampleRecords(t) {
		t.Run(rec.Source.Path, func(t *testing.T) {
			checkRecord(t, rec)
			page := 1
			for _, sp := range rec.Speeches {
				for _, p := range sp.Paragraphs {
					if p.Page < page || p.Page > rec.Source.Pages {
						t.Errorf("speech %d paragraph %d on page %d, after page %d of %d", sp.Seq, p.N, p.Page, page, rec.Source.Pages)
					}
					page = p.Page
				}
			}
		})
	}
}

// TestRecordsGroupsNamedInText checks that the groups a speaker speaks for
// or aligns with are named in the speech, as a parser would find them.
func TestRecordsGroupsNamedInText(t *testing.T) {
	for _, rec := range sampleRecords(t) {
		for _, sp := range rec.Speeches {
			var text strings.Builder
			for _, p := range sp.Paragraphs {
				text.WriteString(p.Text + "\n")
			}
			for _, g := range sp.OnBehalfOf {
				marker := "on behalf of the " + g
				if rec.Language == "zh" {
					marker = "代表" + g
				}
				if !strings.Contains(text.String(), marker) {
					t.Errorf("%s speech %d: %q does not say %q", rec.Source.Path, sp.Seq, sp.Speaker, marker)
				}
			}
			for _, g := range sp.AlignedWith {
				if !strings.Contains(text.String(), g) {
					t.Errorf("%s speech %d: aligned with %q, not named in the text", rec.Source.Path, sp.Seq, g)
				}
			}
		}
	}
}

// TestRecordsLanguageVersionsAlign checks that language versions of a
// record have the same speeches and paragraphs, so passages can be shown
// beside their counterparts, and the language notes each version prints.
func TestRecordsLanguageVersionsAlign(t *testing.T) {
	bySymbol := map[string]map[string]*corpus.Record{}
	for _, rec := range sampleRecords(t) {
		if bySymbol[rec.Symbol] == nil {
			bySymbol[rec.Symbol] = map[string]*corpus.Record{}
		}
		bySymbol[rec.Symbol][rec.Language] = rec
	}
	pairs := 0
	for symbol, versions := range bySymbol {
		en, zh := versions["en"], versions["zh"]
		if zh == nil {
			continue
		}
		pairs++
		if en == nil {
			t.Errorf("%s: Chinese version without English", symbol)
			continue
		}
		if len(en.Speeches) != len(zh.Speeches) || len(en.Events) != len(zh.Events) {
			t.Errorf("%s: %d/%d speeches, %d/%d events (en/zh)", symbol, len(en.Speeches), len(zh.Speeches), len(en.Events), len(zh.Events))
			continue
		}
		for i := range en.Speeches {
			a, b := en.Speeches[i], zh.Speeches[i]
			if a.Role != b.Role || a.CountryCode != b.CountryCode || a.Reply != b.Reply || len(a.OnBehalfOf) != len(b.OnBehalfOf) {
				t.Errorf("%s speech %d: %s/%s differ in role, country, reply or group", symbol, a.Seq, a.Speaker, b.Speaker)
			}
			if len(a.Paragraphs) != len(b.Paragraphs) {
				t.Errorf("%s speech %d (%s): %d paragraphs in English, %d in Chinese", symbol, a.Seq, a.Speaker, len(a.Paragraphs), len(b.Paragraphs))
			}
			// A speech in English carries a note only in the Chinese
			// version, one in Chinese only in the English; any other
			// language is noted in both.
			want := a.SpokeIn
			switch a.SpokeIn {
			case "":
				want = "en"
			case "zh":
				want = ""
			}
			if b.SpokeIn != want {
				t.Errorf("%s speech %d: spoke in %q (en) / %q (zh)", symbol, a.Seq, a.SpokeIn, b.SpokeIn)
			}
		}
	}
	if pairs == 0 {
		t.Error("no record has a Chinese version")
	}
}

// TestRecordsParagraphEndsRecoverable checks the typesetting promise that
// a parser can find paragraph ends: the last line of every paragraph is
// short. Chinese lines are justified, so only a full last line is
// ambiguous there; the text is worded to avoid it.
func TestRecordsParagraphEndsRecoverable(t *testing.T) {
	for _, rec := range sampleRecords(t) {
		ts := newTypesetter(rec.Language)
		limit := ts.measure * lastLineShare
		if rec.Language == "zh" {
			limit = ts.measure - 2
		}
		for _, sp := range rec.Speeches {
			prefix, err := speakerPrefix(rec.Language, &sp)
			if err != nil {
				t.Fatal(err)
			}
			for _, p := range sp.Paragraphs {
				text := p.Text
				if p.N == 1 {
					text = prefix + text
				}
				lines := ts.wrap(text)
				if w := ts.width(lines[len(lines)-1]); w > limit {
					t.Errorf("%s speech %d paragraph %d ends in a full line (%.0f of %.0f): %q",
						rec.Source.Path, sp.Seq, p.N, w, ts.measure, lines[len(lines)-1])
				}
			}
		}
	}
}

// TestRecordsThemesMove checks that the sample carries the movements the
// trend sheet is meant to show: talk of the pandemic and of virtual
// meetings fades after the seventy-sixth session, talk of the veto grows.
// It counts paragraphs by cue words, a rough proxy for theme coding.
func TestRecordsThemesMove(t *testing.T) {
	pandemic := regexp.MustCompile(`(?i)pandemic|videoconferenc|video conferenc|videotelecommunication|virtual|written procedure`)
	veto := regexp.MustCompile(`(?i)\bveto|76/262|negative vote`)
	share := map[int][2]float64{}
	for _, rec := range sampleRecords(t) {
		if rec.Language != "en" {
			continue
		}
		var n, p, v float64
		for _, sp := range rec.Speeches {
			for _, para := range sp.Paragraphs {
				n++
				if pandemic.MatchString(para.Text) {
					p++
				}
				if veto.MatchString(para.Text) {
					v++
				}
			}
		}
		share[*rec.Session] = [2]float64{p / n, v / n}
	}
	s76, s77, s78 := share[76], share[77], share[78]
	t.Logf("pandemic/virtual share 76 %.2f, 77 %.2f, 78 %.2f; veto share %.2f, %.2f, %.2f",
		s76[0], s77[0], s78[0], s76[1], s77[1], s78[1])
	if !(s76[0] > 2*s77[0] && s77[0] > s78[0]) {
		t.Error("the pandemic and virtual meetings should fade after the seventy-sixth session")
	}
	if !(s76[1] < s77[1] && s77[1] < s78[1]) {
		t.Error("the veto should rise from session to session")
	}
}
