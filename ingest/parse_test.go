package ingest

import (
	"context"
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"github.com/scdebate/scdebate/corpus"
	"github.com/scdebate/scdebate/ingest/layout"
)

// parseFixture parses a text fixture of testdata/text.
func parseFixture(t *testing.T, name string) *corpus.Record {
	t.Helper()
	rec, err := ParseFile(context.Background(), filepath.Join("testdata", "text", name), nil)
	if err != nil {
		t.Fatal(err)
	}
	rec.Source.Path = filepath.ToSlash(rec.Source.Path)
	return rec
}

// parseText parses the text of a document given as its text export.
func parseText(t *testing.T, text []byte) *corpus.Record {
	t.Helper()
	doc, err := TextDocument(text)
	if err != nil {
		t.Fatal(err)
	}
	rec, err := Parse(context.Background(), doc)
	if err != nil {
		t.Fatal(err)
	}
	return rec
}

func TestParseTextGolden(t *testing.T) {
	for _, name := range []string{"modern.txt", "capitals.txt", "sample.txt"} {
		t.Run(name, func(t *testing.T) {
			rec := parseFixture(t, name)
			checkGolden(t, filepath.Join("testdata", "golden", "text", strings.TrimSuffix(name, ".txt")+".json"), rec)
		})
	}
}

func TestParseModernRecord(t *testing.T) {
	rec := parseFixture(t, "modern.txt")
	if rec.Symbol != "A/77/PV.12" || rec.Body != "General Assembly" || rec.Kind != corpus.KindVerbatim || rec.Language != "en" {
		t.Errorf("metadata: %q %q %q %q", rec.Symbol, rec.Body, rec.Kind, rec.Language)
	}
	if rec.Session == nil || *rec.Session != 77 || rec.Meeting == nil || *rec.Meeting != 12 {
		t.Errorf("session %v meeting %v, want 77 and 12", rec.Session, rec.Meeting)
	}
	if rec.Date != "2022-10-10" || rec.TimeStart != "10:05" || rec.TimeEnd != "13:05" {
		t.Errorf("date %s times %s–%s", rec.Date, rec.TimeStart, rec.TimeEnd)
	}
	if rec.President == nil || rec.President.Name != "Mr. Kőrösi" || rec.President.Country != "Hungary" {
		t.Errorf("president %+v", rec.President)
	}
	if len(rec.AgendaItems) != 1 || rec.AgendaItems[0].Number != "29" || rec.AgendaItems[0].Title != "Report of the Security Council" {
		t.Errorf("agenda %+v", rec.AgendaItems)
	}
	type turn struct{ speaker, role, delegation, code, spokeIn, starts string }
	want := []turn{
		{"The Acting President", corpus.RoleActingPresident, "", "", "", "I now give the floor"},
		{"Mr. Kiboino", corpus.RoleMemberState, "Kenya", "KEN", "", "I have the honour"},
		{"Mr. Lagdameo", corpus.RoleObserver, "European Union", "", "", "I speak on behalf"},
		{"Archbishop Caccia", corpus.RoleObserver, "Holy See", "VAT", "", "The Holy See aligns"},
		{"Mr. Mansour", corpus.RoleObserver, "State of Palestine", "PSE", "", "Palestine thanks"},
		{"Mr. Hilale", corpus.RoleMemberState, "Morocco", "MAR", "fr", "Morocco aligns"},
		{"Mr. Mukongo", corpus.RoleMemberState, "Democratic Republic of the Congo", "COD", "fr", "My delegation welcomes"},
		{"The Secretary-General", corpus.RoleSecretariat, "", "", "", "I thank the Assembly"},
		{"Ms. Emelina-Sarte", corpus.RoleSecretariat, "Department for General Assembly and Conference Management", "", "", "I should like"},
		{"The Acting President", corpus.RoleActingPresident, "", "", "", "The Assembly will now"},
		{"The Acting President", corpus.RoleActingPresident, "", "", "", "The exercise of the right"},
		{"Mr. Kim", corpus.RoleMemberState, "Republic of Korea", "KOR", "", "I speak in exercise"},
		{"The Acting President", corpus.RoleActingPresident, "", "", "", "We have heard the last"},
	}
	if len(rec.Speeches) != len(want) {
		t.Fatalf("%d speeches, want %d", len(rec.Speeches), len(want))
	}
	for i, w := range want {
		s := rec.Speeches[i]
		got := turn{s.Speaker, s.Role, s.Delegation, s.CountryCode, s.SpokeIn, ""}
		if len(s.Paragraphs) > 0 && strings.HasPrefix(s.Paragraphs[0].Text, w.starts) {
			got.starts = w.starts
		}
		if got != w || s.Seq != i+1 {
			t.Errorf("speech %d = %+v (seq %d), want %+v", i+1, got, s.Seq, w)
		}
	}
	kenya, eu, morocco, korea := rec.Speeches[1], rec.Speeches[2], rec.Speeches[5], rec.Speeches[11]
	if len(kenya.OnBehalfOf) != 1 || kenya.OnBehalfOf[0] != "Group of African States" {
		t.Errorf("Kenya on behalf of %q", kenya.OnBehalfOf)
	}
	if len(eu.OnBehalfOf) != 1 || eu.OnBehalfOf[0] != "European Union and its member States" || len(eu.AlignedWith) != 0 {
		t.Errorf("EU on behalf of %q, aligned with %q", eu.OnBehalfOf, eu.AlignedWith)
	}
	if len(morocco.OnBehalfOf) != 0 || len(morocco.AlignedWith) != 1 || morocco.AlignedWith[0] != "Group of Arab States" {
		t.Errorf("Morocco on behalf of %q, aligned with %q", morocco.OnBehalfOf, morocco.AlignedWith)
	}
	if !korea.Reply || rec.Speeches[1].Reply {
		t.Errorf("right of reply: Korea %v, Kenya %v", korea.Reply, rec.Speeches[1].Reply)
	}
	// The false start stays inside the EU's speech, hyphenation is resolved,
	// and the corrections notice and running heads are gone.
	if len(eu.Paragraphs) != 2 || !strings.HasPrefix(eu.Paragraphs[1].Text, "The President of the General Assembly has") {
		t.Errorf("EU paragraphs %+v", eu.Paragraphs)
	}
	if p := eu.Paragraphs[1].Text; !strings.Contains(p, "recognized as") || !strings.Contains(p, "non-proliferation") || !strings.Contains(p, "Secretary-General.") || strings.Contains(p, "Corrections") {
		t.Errorf("EU paragraph 2 = %q", p)
	}
	for _, s := range rec.Speeches {
		for _, p := range s.Paragraphs {
			for _, bad := range []string{"A/77/PV.12", "22-62012", "2/2", "10/10/2022", "In favour", "recorded vote was taken"} {
				if strings.Contains(p.Text, bad) {
					t.Errorf("speech %d paragraph %d contains %q: %q", s.Seq, p.N, bad, p.Text)
				}
			}
		}
	}
	if len(rec.Votes) != 1 {
		t.Fatalf("%d votes, want 1", len(rec.Votes))
	}
	v := rec.Votes[0]
	wantFavour := []string{"Andorra", "Bolivia (Plurinational State of)", "Kenya", "Trinidad and Tobago", "United Kingdom of Great Britain and Northern Ireland"}
	if strings.Join(v.InFavour, "|") != strings.Join(wantFavour, "|") || len(v.Against) != 0 ||
		strings.Join(v.Abstaining, "|") != "China|Russian Federation" || v.AfterSeq != 10 ||
		!strings.HasPrefix(v.Result, "Draft resolution A/77/L.5 was adopted by 5 votes") {
		t.Errorf("vote %+v", v)
	}
	var events []string
	for _, e := range rec.Events {
		events = append(events, e.Text)
	}
	if len(events) != 5 || !strings.Contains(events[0], "took the Chair") || !strings.HasPrefix(events[4], "The meeting rose") {
		t.Errorf("events %q", events)
	}
}

func TestParseCapitalsEra(t *testing.T) {
	rec := parseFixture(t, "capitals.txt")
	if rec.Symbol != "A/48/PV.50" || rec.Session == nil || *rec.Session != 48 || rec.Meeting == nil || *rec.Meeting != 50 || rec.Date != "1993-11-04" {
		t.Errorf("metadata %q %v %v %q", rec.Symbol, rec.Session, rec.Meeting, rec.Date)
	}
	if len(rec.AgendaItems) != 1 || rec.AgendaItems[0].Number != "14" || rec.AgendaItems[0].Title != "REPORT OF THE INTERNATIONAL ATOMIC ENERGY AGENCY" {
		t.Errorf("agenda %+v", rec.AgendaItems)
	}
	var got []string
	for _, s := range rec.Speeches {
		got = append(got, s.Speaker+"|"+s.Name+"|"+s.CountryCode+"|"+s.SpokeIn)
	}
	want := "The President|||,Mr. WU Chengjiang|WU Chengjiang|CHN|zh,Mr. VORONTSOV|VORONTSOV|RUS|ru,Sir David HANNAY|David HANNAY|GBR|"
	if strings.Join(got, ",") != want {
		t.Errorf("speakers\n got %s\nwant %s", strings.Join(got, ","), want)
	}
}

func TestParseSample(t *testing.T) {
	rec := parseFixture(t, "sample.txt")
	if rec.Symbol != "SAMPLE/A/77/PV.40" || !rec.Sample || rec.Meeting == nil || *rec.Meeting != 40 {
		t.Errorf("sample: symbol %q sample %v meeting %v", rec.Symbol, rec.Sample, rec.Meeting)
	}
}

func TestParseRejectsNonRecords(t *testing.T) {
	tests := []struct {
		name, text string
	}{
		{"minutes", "Minutes of the residents association\n\nMr. Smith said the garden needed work.\n"},
		{"cover without speakers", "A/79/PV.1\nUnited Nations\nGeneral Assembly\nSeventy-ninth session\n1st plenary meeting\nTuesday, 10 September 2024, 3 p.m.\nNew York\n\nThe meeting rose at 3.05 p.m.\n"},
		{"speakers without a cover", "Mr. Smith (Ruritania): Hello.\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := TextDocument([]byte(tt.text))
			if err != nil {
				t.Fatal(err)
			}
			rec, err := Parse(context.Background(), doc)
			if !errors.Is(err, ErrNotRecord) {
				t.Fatalf("Parse = %v, %v; want ErrNotRecord", rec, err)
			}
		})
	}
}

func TestTextDocument(t *testing.T) {
	doc, err := TextDocument([]byte("\xef\xbb\xbfpage one\r\n\tline two\u00a0\f\fpage three\f"))
	if err != nil {
		t.Fatal(err)
	}
	if len(doc.Pages) != 3 || len(doc.Pages[0].Lines) != 2 || doc.Pages[0].Lines[1].Text != "line two" ||
		len(doc.Pages[1].Lines) != 0 || doc.Pages[2].N != 3 || doc.Pages[2].Lines[0].Text != "page three" {
		t.Errorf("TextDocument = %+v", doc)
	}
	for _, tt := range []struct {
		name string
		data string
		want error
	}{
		{"empty", "", ErrEmpty},
		{"blank", " \n\f\n ", ErrEmpty},
		{"latin-1", "d\xe9l\xe9gation", ErrNotUTF8},
		{"binary", "abc\x00def", ErrNotUTF8},
		{"too many pages", strings.Repeat("x\f", layout.DefaultMaxPages+1), ErrTooLarge},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := TextDocument([]byte(tt.data)); !errors.Is(err, tt.want) {
				t.Errorf("TextDocument(%.20q) error = %v, want %v", tt.data, err, tt.want)
			}
		})
	}
}

func TestParseLanguages(t *testing.T) {
	type turn struct{ speaker, role, delegation, code, spokeIn string }
	tests := []struct {
		file, lang       string
		turns            []turn
		aligned, behalf  string // of the first delegate, and of the third turn
		favour, abstain  int
		start, end, item string
	}{
		{"french.txt", "fr", []turn{
			{"M. Kiboino", corpus.RoleMemberState, "Kenya", "KEN", "en"},
			{"M. Mukongo", corpus.RoleMemberState, "République démocratique du Congo", "COD", ""},
			{"M. Lagdameo", corpus.RoleObserver, "Union européenne", "", "en"},
			{"Le Président par intérim", corpus.RoleActingPresident, "", "", ""},
		}, "Groupe des États d’Afrique", "Union européenne et de ses États membres", 4, 2, "15:05", "18:10", "74"},
		{"spanish.txt", "es", []turn{
			{"Sr. Kiboino", corpus.RoleMemberState, "Kenya", "KEN", "en"},
			{"Sra. Llano", corpus.RoleMemberState, "Nicaragua", "NIC", ""},
			{"El Presidente interino", corpus.RoleActingPresident, "", "", "en"},
		}, "Grupo de los Estados de África", "", 4, 2, "15:05", "18:10", "74"},
		{"russian.txt", "ru", []turn{
			{"Г-н Кибоино", corpus.RoleMemberState, "Кения", "KEN", "en"},
			{"Г-жа Заболоцкая", corpus.RoleMemberState, "Российская Федерация", "RUS", ""},
			{"Исполняющий обязанности Председателя", corpus.RoleActingPresident, "", "", "en"},
		}, "Группы африканских государств", "", 0, 0, "15:05", "18:10", "74"},
		{"arabic.txt", "ar", []turn{
			{"السيد كيبوينو", corpus.RoleMemberState, "كينيا", "KEN", "en"},
			{"السيد محمود", corpus.RoleMemberState, "مصر", "EGY", ""},
			{"الرئيس بالنيابة", corpus.RoleActingPresident, "", "", "en"},
		}, "مجموعة الدول الأفريقية", "", 0, 0, "15:05", "18:10", "74"},
		{"chinese.txt", "zh", []turn{
			{"基博伊诺先生", corpus.RoleMemberState, "肯尼亚", "KEN", "en"},
			{"穆孔戈先生", corpus.RoleMemberState, "刚果民主共和国", "COD", "fr"},
			{"拉格达梅奥先生", corpus.RoleObserver, "欧洲联盟", "", "en"},
			{"代理主席", corpus.RoleActingPresident, "", "", "en"},
		}, "非洲国家集团", "欧洲联盟及其成员国", 4, 2, "15:05", "18:10", "74"},
	}
	for _, tt := range tests {
		t.Run(tt.lang, func(t *testing.T) {
			rec := parseFixture(t, tt.file)
			checkGolden(t, filepath.Join("testdata", "golden", "text", strings.TrimSuffix(tt.file, ".txt")+".json"), rec)
			if rec.Language != tt.lang || rec.Symbol != "A/79/PV.29" || rec.Date != "2024-10-29" || rec.TimeStart != tt.start || rec.TimeEnd != tt.end ||
				rec.Session == nil || *rec.Session != 79 || rec.Meeting == nil || *rec.Meeting != 29 {
				t.Errorf("metadata: %s %s %s %s–%s session %v meeting %v", rec.Language, rec.Symbol, rec.Date, rec.TimeStart, rec.TimeEnd, rec.Session, rec.Meeting)
			}
			if rec.President == nil || rec.President.Name == "" || rec.President.Country == "" {
				t.Errorf("president %+v", rec.President)
			}
			if len(rec.AgendaItems) == 0 || rec.AgendaItems[0].Number != tt.item || rec.AgendaItems[0].Title == "" {
				t.Errorf("agenda %+v", rec.AgendaItems)
			}
			if len(rec.Speeches) != len(tt.turns) {
				t.Fatalf("%d speeches, want %d", len(rec.Speeches), len(tt.turns))
			}
			for i, w := range tt.turns {
				s := rec.Speeches[i]
				if got := (turn{s.Speaker, s.Role, s.Delegation, s.CountryCode, s.SpokeIn}); got != w {
					t.Errorf("speech %d = %+v, want %+v", i+1, got, w)
				}
				if len(s.Paragraphs) == 0 {
					t.Errorf("speech %d has no text", i+1)
				}
			}
			if al := rec.Speeches[0].AlignedWith; len(al) != 1 || al[0] != tt.aligned {
				t.Errorf("first speaker aligned with %q, want %q", al, tt.aligned)
			}
			if tt.behalf != "" {
				if ob := rec.Speeches[2].OnBehalfOf; len(ob) != 1 || ob[0] != tt.behalf {
					t.Errorf("third speaker on behalf of %q, want %q", ob, tt.behalf)
				}
			}
			if tt.favour > 0 {
				if len(rec.Votes) != 1 || len(rec.Votes[0].InFavour) != tt.favour || len(rec.Votes[0].Against) != 1 ||
					len(rec.Votes[0].Abstaining) != tt.abstain || rec.Votes[0].Result == "" {
					t.Errorf("votes %+v", rec.Votes)
				}
			}
			for _, s := range rec.Speeches {
				for _, p := range s.Paragraphs {
					if strings.Contains(p.Text, "24-19856") || strings.Contains(p.Text, "A/79/PV.29") {
						t.Errorf("furniture left in %q", p.Text)
					}
				}
			}
		})
	}
}

// TestParseArabicVisualOrder parses the Arabic record with every line in
// visual order, as some PDFs give it, and gets the same record.
func TestParseArabicVisualOrder(t *testing.T) {
	logical := readFixture(t, "arabic.txt")
	var visual []string
	for _, l := range strings.Split(string(logical), "\n") {
		if hasArabic(l) {
			l = reverseVisual(l)
		}
		visual = append(visual, l)
	}
	if strings.Contains(strings.Join(visual, "\n"), "السيد كيبوينو (كينيا)") {
		t.Fatal("the visual-order text still reads in logical order")
	}
	want, got := parseText(t, logical), parseText(t, []byte(strings.Join(visual, "\n")))
	for _, d := range diffRecords(got, want) {
		t.Error(d)
	}
	if len(got.Speeches) != 3 || got.Speeches[0].SpokeIn != "en" || got.Date != "2024-10-29" {
		t.Errorf("visual order parsed to %d speeches, spoke in %q, date %q", len(got.Speeches), got.Speeches[0].SpokeIn, got.Date)
	}
}
