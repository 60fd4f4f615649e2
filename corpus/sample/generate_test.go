package sample

import (
	"encoding/json"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/scdebate/scdebate/corpus"
)

func generateAll(t testing.TB, seed int64, base []*corpus.Record, o Options) []*corpus.Record {
	t.Helper()
	seq, err := Generate(seed, base, o)
	if err != nil {
		t.Fatal(err)
	}
	var out []*corpus.Record
	for rec := range seq {
		out = append(out, rec)
	}
	return out
}

func fingerprint(t testing.TB, recs []*corpus.Record) string {
	t.Helper()
	data, err := json.Marshal(recs)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

func TestGenerateDeterministic(t *testing.T) {
	base := sampleRecords(t)
	o := Options{Sessions: 4, RecordsPerSession: 2, SpeechesPerRecord: 40}
	a := fingerprint(t, generateAll(t, 7, base, o))
	b := fingerprint(t, generateAll(t, 7, base, o))
	c := fingerprint(t, generateAll(t, 8, base, o))
	if a != b {
		t.Error("the same seed gave different corpora")
	}
	if a == c {
		t.Error("different seeds gave the same corpus")
	}
}

func TestGenerateCounts(t *testing.T) {
	base := sampleRecords(t)
	baseSymbols := map[string]bool{}
	for _, r := range base {
		baseSymbols[r.Symbol] = true
	}
	tests := []struct {
		name string
		o    Options
	}{
		{"one meeting", Options{Sessions: 1, RecordsPerSession: 1, SpeechesPerRecord: 25}},
		{"several sessions", Options{Sessions: 5, FirstSession: 70, RecordsPerSession: 3, SpeechesPerRecord: 60}},
		{"base sessions", Options{Sessions: 3, FirstSession: 76, RecordsPerSession: 4, SpeechesPerRecord: 30}},
		{"chinese", Options{Sessions: 2, RecordsPerSession: 2, SpeechesPerRecord: 30, Language: "zh"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			recs := generateAll(t, 1, base, tc.o)
			o := tc.o.withDefaults()
			if want := o.Sessions * o.RecordsPerSession; len(recs) != want {
				t.Fatalf("%d records, want %d", len(recs), want)
			}
			symbols, hashes := map[string]bool{}, map[string]bool{}
			for _, rec := range recs {
				checkRecord(t, rec)
				if len(rec.Speeches) != o.SpeechesPerRecord {
					t.Errorf("%s: %d speeches, want %d", rec.Symbol, len(rec.Speeches), o.SpeechesPerRecord)
				}
				if s := *rec.Session; s < o.FirstSession || s >= o.FirstSession+o.Sessions {
					t.Errorf("%s: session %d outside %d–%d", rec.Symbol, s, o.FirstSession, o.FirstSession+o.Sessions-1)
				}
				if rec.Language != o.Language || rec.Source.Path != "generated" {
					t.Errorf("%s: language %q, path %q", rec.Symbol, rec.Language, rec.Source.Path)
				}
				if symbols[rec.Symbol] || baseSymbols[rec.Symbol] {
					t.Errorf("%s: symbol repeated or taken from the base", rec.Symbol)
				}
				if hashes[rec.Source.SHA256] {
					t.Errorf("%s: sha256 repeated", rec.Symbol)
				}
				symbols[rec.Symbol], hashes[rec.Source.SHA256] = true, true
				if !strings.Contains(rec.AgendaItems[0].Subitems[0], "(A/"+strconv.Itoa(*rec.Session)+"/2)") {
					t.Errorf("%s: report symbol not of the session: %q", rec.Symbol, rec.AgendaItems[0].Subitems[0])
				}
				if _, err := Render(rec); err != nil {
					t.Errorf("%s: %v", rec.Symbol, err)
				}
			}
		})
	}
}

// TestGenerateDefaultSize checks that the zero Options give a corpus of the
// size the benchmarks need.
func TestGenerateDefaultSize(t *testing.T) {
	seq, err := Generate(1, sampleRecords(t), Options{})
	if err != nil {
		t.Fatal(err)
	}
	records, speeches, paragraphs := 0, 0, 0
	sessions := map[int]bool{}
	for rec := range seq {
		records++
		sessions[*rec.Session] = true
		speeches += len(rec.Speeches)
		for _, sp := range rec.Speeches {
			paragraphs += len(sp.Paragraphs)
		}
	}
	t.Logf("%d records, %d sessions, %d speeches, %d paragraphs", records, len(sessions), speeches, paragraphs)
	if len(sessions) != 30 || speeches != 30*6*200 || paragraphs < 200_000 {
		t.Errorf("default corpus: %d sessions, %d speeches, %d paragraphs; want 30, 36000, at least 200,000",
			len(sessions), speeches, paragraphs)
	}
}

// TestGenerateThemesDrift checks that theme shares move across generated
// sessions the way they move across the base sessions.
func TestGenerateThemesDrift(t *testing.T) {
	recs := generateAll(t, 3, sampleRecords(t), Options{Sessions: 12, RecordsPerSession: 2, SpeechesPerRecord: 80})
	pandemic := regexp.MustCompile(`(?i)pandemic|videoconferenc|videotelecommunication|virtual|written procedure`)
	veto := regexp.MustCompile(`(?i)\bveto|76/262|negative vote`)
	type counts struct{ n, p, v float64 }
	var early, late counts
	for _, rec := range recs {
		c := &early
		if *rec.Session >= 73 {
			c = &late
		} else if *rec.Session > 70 {
			continue
		}
		for _, sp := range rec.Speeches {
			for _, para := range sp.Paragraphs {
				c.n++
				if pandemic.MatchString(para.Text) {
					c.p++
				}
				if veto.MatchString(para.Text) {
					c.v++
				}
			}
		}
	}
	t.Logf("early sessions: pandemic %.3f, veto %.3f; late: pandemic %.3f, veto %.3f",
		early.p/early.n, early.v/early.n, late.p/late.n, late.v/late.n)
	if early.p/early.n <= 1.5*late.p/late.n {
		t.Error("the pandemic should weigh more in the early generated sessions")
	}
	if late.v/late.n <= 1.2*early.v/early.n {
		t.Error("the veto should weigh more in the late generated sessions")
	}
}

// handBuilt is a minimal debate record: the chair, one statement, a reply
// and the chair's closing.
func handBuilt(session int) *corpus.Record {
	para := func(texts ...string) []corpus.Paragraph {
		var ps []corpus.Paragraph
		for i, s := range texts {
			ps = append(ps, corpus.Paragraph{N: i + 1, Page: 1, Text: s})
		}
		return ps
	}
	return &corpus.Record{
		Symbol: "SAMPLE/A/" + strconv.Itoa(session) + "/PV.1", Body: "General Assembly", Kind: corpus.KindVerbatim,
		Language: "en", Session: corpus.Int(session), Meeting: corpus.Int(1), Date: "2020-06-01",
		TimeStart: "10:00", TimeEnd: "12:00", President: &corpus.Person{Name: "Mr. Chair", Country: "Ghana"},
		AgendaItems: []corpus.AgendaItem{{Number: "29", Title: "Report of the Security Council",
			Subitems: []string{"Report of the Security Council (A/74/2)"}}},
		Speeches: []corpus.Speech{
			{Seq: 1, Speaker: "The President", Role: corpus.RolePresident, Paragraphs: para("Opening.")},
			{Seq: 2, Speaker: "Mr. A", Role: corpus.RoleMemberState, Delegation: "Peru", CountryCode: "PER",
				Paragraphs: para("First.", "Second "+strconv.Itoa(session)+".", "Third.")},
			{Seq: 3, Speaker: "The President", Role: corpus.RolePresident, Paragraphs: para("Replies.")},
			{Seq: 4, Speaker: "Mr. B", Role: corpus.RoleMemberState, Delegation: "Chile", CountryCode: "CHL",
				Reply: true, Paragraphs: para("Reply.")},
			{Seq: 5, Speaker: "The President", Role: corpus.RolePresident, Paragraphs: para("Closing.")},
		},
	}
}

func TestGenerateHandBuilt(t *testing.T) {
	recs := generateAll(t, 1, []*corpus.Record{handBuilt(60), handBuilt(70)},
		Options{Sessions: 2, RecordsPerSession: 1, SpeechesPerRecord: 10})
	if len(recs) != 2 {
		t.Fatalf("%d records", len(recs))
	}
	for _, rec := range recs {
		checkRecord(t, rec)
		sp := rec.Speeches
		if sp[0].Role != corpus.RolePresident || sp[len(sp)-1].Role != corpus.RolePresident || !sp[len(sp)-2].Reply {
			t.Errorf("%s: the frame of opening, replies and closing is lost", rec.Symbol)
		}
		for _, s := range sp[1 : len(sp)-3] {
			if s.Paragraphs[0].Text != "First." || len(s.Paragraphs) < 4 {
				t.Errorf("%s speech %d: %+v", rec.Symbol, s.Seq, s.Paragraphs)
			}
		}
	}
}

func TestGenerateErrors(t *testing.T) {
	noClosing := handBuilt(70)
	noClosing.Speeches = noClosing.Speeches[:2]
	tests := []struct {
		name string
		base []*corpus.Record
		o    Options
		want string
	}{
		{"no base", nil, Options{}, "no en debate record"},
		{"other language", []*corpus.Record{handBuilt(70)}, Options{Language: "fr"}, "no fr debate record"},
		{"no closing turn", []*corpus.Record{noClosing}, Options{}, "no en debate record"},
		{"too few speeches", []*corpus.Record{handBuilt(70)}, Options{SpeechesPerRecord: 3}, "fewer than"},
		{"sessions out of range", []*corpus.Record{handBuilt(70)}, Options{FirstSession: 90, Sessions: 20}, "out of range"},
		{"negative", []*corpus.Record{handBuilt(70)}, Options{Sessions: -1}, "negative"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Generate(1, tc.base, tc.o)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %v, want one saying %q", err, tc.want)
			}
		})
	}
}

func BenchmarkGenerate(b *testing.B) {
	base := sampleRecords(b)
	o := Options{Sessions: 5, RecordsPerSession: 2, SpeechesPerRecord: 200}
	b.ReportAllocs()
	paragraphs := 0
	for b.Loop() {
		seq, err := Generate(1, base, o)
		if err != nil {
			b.Fatal(err)
		}
		for rec := range seq {
			for _, sp := range rec.Speeches {
				paragraphs += len(sp.Paragraphs)
			}
		}
	}
	b.ReportMetric(float64(paragraphs)/b.Elapsed().Seconds(), "paragraphs/s")
}

func BenchmarkRender(b *testing.B) {
	recs := generateAll(b, 1, sampleRecords(b), Options{Sessions: 1, RecordsPerSession: 4, SpeechesPerRecord: 200})
	b.ReportAllocs()
	pages := 0
	for b.Loop() {
		for _, rec := range recs {
			if _, err := Render(rec); err != nil {
				b.Fatal(err)
			}
			pages += rec.Source.Pages
		}
	}
	b.ReportMetric(float64(pages)/b.Elapsed().Seconds(), "pages/s")
}
