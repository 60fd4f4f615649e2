package ingest

import (
	"context"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/scdebate/scdebate/corpus"
)

// The Arabic record made with LibreOffice from layout/testdata/arabic/
// record.fodt, in one column and in two; record.txt there is its text.
const arabicFixtures = "layout/testdata/arabic"

func parseArabicPDF(t *testing.T, name string) *corpus.Record {
	t.Helper()
	rec, err := ParseFile(context.Background(), filepath.Join(arabicFixtures, name), inProcess)
	if err != nil {
		t.Fatal(err)
	}
	rec.Source.Path = filepath.Base(rec.Source.Path)
	return rec
}

// TestParseArabicPDF parses the Arabic record end to end, from the PDF
// through the right-to-left extraction to the record, and compares it
// with the golden JSON (go test -run ArabicPDF -update rewrites it).
func TestParseArabicPDF(t *testing.T) {
	type speaker struct{ speaker, role, delegation, code, spokeIn string }
	wantSpeakers := []speaker{
		{"السيد كيبوينو", corpus.RoleMemberState, "كينيا", "KEN", "en"},
		{"السيد كوربيه", corpus.RoleMemberState, "غانا", "GHA", "en"},
		{"السيد محمود", corpus.RoleMemberState, "مصر", "EGY", ""},
		{"السيد الحسن", corpus.RoleMemberState, "الأردن", "JOR", ""},
		{"السيدة دوبوا", corpus.RoleMemberState, "فرنسا", "FRA", "fr"},
		{"الرئيس", corpus.RolePresident, "", "", "en"},
		{"السيدة العتيبي", corpus.RoleMemberState, "المملكة العربية السعودية", "SAU", ""},
		{"الرئيس", corpus.RolePresident, "", "", "en"},
	}
	var speeches [][]corpus.Speech
	for _, name := range []string{"record.pdf", "record-2col.pdf"} {
		t.Run(name, func(t *testing.T) {
			rec := parseArabicPDF(t, name)
			checkGolden(t, filepath.Join("testdata", "golden", "arabic-"+strings.TrimSuffix(name, ".pdf")+".json"), rec)
			if rec.Language != "ar" || rec.Symbol != "A/79/PV.29" || rec.Body != "General Assembly" ||
				rec.Session == nil || *rec.Session != 79 || rec.Meeting == nil || *rec.Meeting != 29 ||
				rec.Date != "2024-10-29" || rec.TimeStart != "15:00" || rec.TimeEnd != "18:10" {
				t.Errorf("metadata: language %q symbol %q body %q session %v meeting %v date %q time %q–%q",
					rec.Language, rec.Symbol, rec.Body, rec.Session, rec.Meeting, rec.Date, rec.TimeStart, rec.TimeEnd)
			}
			if rec.President == nil || rec.President.Name != "السيد يانغ" || rec.President.Country != "الكاميرون" {
				t.Errorf("president %+v", rec.President)
			}
			var got []speaker
			for _, s := range rec.Speeches {
				got = append(got, speaker{s.Speaker, s.Role, s.Delegation, s.CountryCode, s.SpokeIn})
			}
			if !reflect.DeepEqual(got, wantSpeakers) {
				t.Errorf("speakers:\n got %q\nwant %q", got, wantSpeakers)
			}
			if len(rec.Events) != 5 {
				t.Errorf("%d events, want 5 (chair taken, called to order, chair back, decided, rose): %+v", len(rec.Events), rec.Events)
			}
			found, total := sourceSpeechParagraphs(t, arabicFixtures, rec)
			t.Logf("%d of the source's %d speech paragraphs are in the record word for word", found, total)
			if found != total {
				t.Errorf("%d of %d speech paragraphs found", found, total)
			}
			speeches = append(speeches, rec.Speeches)
		})
	}
	// One text, two layouts: the same speeches, but for their pages.
	if len(speeches) == 2 {
		for _, ss := range speeches {
			for i := range ss {
				for j := range ss[i].Paragraphs {
					ss[i].Paragraphs[j].Page = 0
				}
			}
		}
		if !reflect.DeepEqual(speeches[0], speeches[1]) {
			t.Error("the one- and two-column records differ in their speeches")
		}
	}
}

// sourceSpeechParagraphs counts the speech paragraphs of a LibreOffice
// fixture's source (dir/record.txt) that are a paragraph of the record,
// word for word, the first of each speech after its speaker line.
func sourceSpeechParagraphs(t *testing.T, dir string, rec *corpus.Record) (found, total int) {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(dir, "record.txt"))
	if err != nil {
		t.Fatal(err)
	}
	have := map[string]bool{}
	for _, s := range rec.Speeches {
		for _, p := range s.Paragraphs {
			have[p.Text] = true
		}
	}
	for _, l := range strings.Split(string(data), "\n") {
		style, text, _ := strings.Cut(l, "\t")
		if style != "Speech" {
			continue
		}
		total++
		if have[text] {
			found++
			continue
		}
		// The first paragraph of a speech opens with the speaker line.
		if i := strings.Index(text, ": "); i > 0 && have[text[i+2:]] {
			found++
		}
	}
	return found, total
}
