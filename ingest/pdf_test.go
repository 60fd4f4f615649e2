package ingest

import (
	"bytes"
	"context"
	"errors"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/scdebate/scdebate/corpus"
	"github.com/scdebate/scdebate/corpus/fixtures"
	"github.com/scdebate/scdebate/ingest/layout"
	"github.com/scdebate/scdebate/ingest/layout/pdftest"
)

// inProcess extracts in the test process: the isolation of the child
// process is tested apart, and in-process extraction keeps the golden and
// fidelity tests quick.
var inProcess = fakeExtractor(func(ctx context.Context, path string) (*layout.Document, error) {
	return layout.ExtractInProcess(ctx, path, layout.Options{})
})

func parseRealPDF(t testing.TB, name string) *corpus.Record {
	t.Helper()
	rec, err := ParseFile(context.Background(), fixtures.Real(t, name), inProcess)
	if err != nil {
		t.Fatal(err)
	}
	rec.Source.Path = filepath.Base(rec.Source.Path)
	return rec
}

// realRecords is what each real record says, checked by hand against the
// PDF: metadata, agenda items, and the count of floor turns, votes and
// page errors.
var realRecords = []struct {
	file, symbol, body  string
	session, meeting    int
	date, start, end    string
	agenda              string
	speeches, votes     int
	president, presFrom string
}{
	{"A_48_PV.46.pdf", "A/48/PV.46", "General Assembly", 48, 46, "1993-11-01", "15:20", "18:35", "14,47", 34, 5, "Mr. INSANALLY", "Guyana"},
	{"A_60_PV.25.pdf", "A/60/PV.25", "General Assembly", 60, 25, "2005-09-29", "15:10", "16:20", "110", 9, 0, "Mr. Eliasson", "Sweden"},
	{"A_60_PV.85.pdf", "A/60/PV.85", "General Assembly", 60, 85, "2006-06-01", "16:20", "18:10", "45", 22, 0, "Mr. Eliasson", "Sweden"},
	{"A_65_PV.71.pdf", "A/65/PV.71", "General Assembly", 65, 71, "2010-12-21", "15:05", "18:15", "27,28,61,63,64,65,66,67,68,105,106,118,130", 116, 15, "Mr. Deiss", "Switzerland"},
	{"A_79_PV.29.pdf", "A/79/PV.29", "General Assembly", 79, 29, "2024-10-29", "15:00", "18:10", "74,73", 43, 1, "Mr. Yang", "Cameroon"},
	{"S_PV.3756.pdf", "S/PV.3756", "Security Council", 0, 3756, "1997-03-21", "18:25", "19:30", "", 20, 1, "Mr. Wlosowicz", "Poland"},
	{"S_PV.8422.pdf", "S/PV.8422", "Security Council", 0, 8422, "2018-12-13", "15:10", "15:55", "", 12, 1, "Mr. Adom", "Côte d’Ivoire"},
}

func TestParseRealPDFs(t *testing.T) {
	if got := len(fixtures.RealPDFs(t)); got != len(realRecords) {
		t.Fatalf("%d real PDFs, %d described here", got, len(realRecords))
	}
	for _, want := range realRecords {
		t.Run(want.file, func(t *testing.T) {
			rec := parseRealPDF(t, want.file)
			checkGolden(t, filepath.Join("testdata", "golden", strings.TrimSuffix(want.file, ".pdf")+".json"), rec)
			session := 0
			if rec.Session != nil {
				session = *rec.Session
			}
			if rec.Symbol != want.symbol || rec.Body != want.body || session != want.session || rec.Meeting == nil || *rec.Meeting != want.meeting ||
				rec.Date != want.date || rec.TimeStart != want.start || rec.TimeEnd != want.end || rec.Language != "en" || rec.Kind != corpus.KindVerbatim {
				t.Errorf("metadata %s %s session %d meeting %v %s %s–%s %s", rec.Symbol, rec.Body, session, rec.Meeting, rec.Date, rec.TimeStart, rec.TimeEnd, rec.Language)
			}
			if rec.Body == "Security Council" && rec.Session != nil {
				t.Error("a Security Council record has a session")
			}
			var items []string
			for _, a := range rec.AgendaItems {
				if a.Number != "" {
					items = append(items, a.Number)
				}
				if a.Title == "" {
					t.Errorf("agenda item %q has no title", a.Number)
				}
			}
			if strings.Join(items, ",") != want.agenda {
				t.Errorf("agenda items %s, want %s", strings.Join(items, ","), want.agenda)
			}
			if rec.President == nil || rec.President.Name != want.president || rec.President.Country != want.presFrom {
				t.Errorf("president %+v", rec.President)
			}
			if len(rec.Speeches) != want.speeches || len(rec.Votes) != want.votes {
				t.Errorf("%d speeches and %d votes, want %d and %d", len(rec.Speeches), len(rec.Votes), want.speeches, want.votes)
			}
			if rec.Source.Pages == 0 || rec.Source.Format != FormatPDF || len(rec.Source.SHA256) != 64 {
				t.Errorf("source %+v", rec.Source)
			}
			for _, s := range rec.Speeches {
				if s.Role == "" || len(s.Paragraphs) == 0 {
					t.Errorf("speech %d (%s): role %q, %d paragraphs", s.Seq, s.Speaker, s.Role, len(s.Paragraphs))
				}
				if s.Role == corpus.RoleMemberState && (s.CountryCode == "" || s.Delegation == "") {
					t.Errorf("speech %d (%s): member state without delegation or code", s.Seq, s.Speaker)
				}
				for _, p := range s.Paragraphs {
					if p.Page < 1 || p.Page > rec.Source.Pages {
						t.Errorf("speech %d paragraph %d on page %d", s.Seq, p.N, p.Page)
					}
				}
			}
		})
	}
}

// TestRealPDFTurns checks every floor turn of one record of each era
// against the PDF: speaker, role, delegation, code, language, first words.
// The chairs of A/60/PV.85's round tables and the rapporteurs of its
// panels report for them, not for a State.
func TestRealPDFTurns(t *testing.T) {
	type turn struct{ speaker, role, code, spokeIn, starts string }
	want := map[string][]turn{
		"S_PV.8422.pdf": {
			{"The President", corpus.RolePresident, "", "fr", "In accordance with rule 37"},
			{"The President", corpus.RolePresident, "", "fr", "The draft resolution received 13 votes"},
			{"Mr. Delattre", corpus.RoleMemberState, "FRA", "fr", "France welcomes the adoption"},
			{"The President", corpus.RolePresident, "", "fr", "I would like to welcome"},
			{"Mr. Blok", corpus.RoleMemberState, "NLD", "", "As we gather in this Chamber"},
			{"Mr. Cohen", corpus.RoleMemberState, "USA", "", "The United States strongly supports"},
			{"Mr. Nebenzia", corpus.RoleMemberState, "RUS", "ru", "The Russian Federation was unable"},
			{"Ms. Wronecka", corpus.RoleMemberState, "POL", "", "Let me take this opportunity"},
			{"Mr. Ma Zhaoxu", corpus.RoleMemberState, "CHN", "zh", "The United Nations Multidimensional"},
			{"Mr. Skoog", corpus.RoleMemberState, "SWE", "", "The Central African Republic is now"},
			{"The President", corpus.RolePresident, "", "fr", "I shall now make a statement"},
			{"Ms. Kpongo", corpus.RoleMemberState, "CAF", "fr", "I congratulate you, Mr. President"},
		},
		"A_60_PV.85.pdf": {
			{"The President", corpus.RolePresident, "", "", "Before I start the proceedings"},
			{"The President", corpus.RolePresident, "", "", "Parallel segments A and B"},
			{"Mr. Douglas", corpus.RoleOther, "", "", "Let me first thank"},
			{"The President", corpus.RolePresident, "", "", "I would remind the Chairpersons"},
			{"Ms. O’Keeffe", corpus.RoleOther, "", "", "I, too, want to thank"},
			{"The President", corpus.RolePresident, "", "", "I now give the floor"},
			{"Ms. Masebo", corpus.RoleOther, "", "", "I want to start by thanking"},
			{"The President", corpus.RolePresident, "", "", "Before I give the floor"},
			{"Ms. Marzec-Boguslawska", corpus.RoleOther, "", "", "As the Chairperson of round table 4"},
			{"The Acting President", corpus.RoleActingPresident, "", "fr", "I now give the floor"},
			{"Mr. Fernandes", corpus.RoleOther, "", "", "At round table 5"},
			{"The Acting President", corpus.RoleActingPresident, "", "fr", "We have just heard"},
			{"Mr. Wu Zunyou", corpus.RoleOther, "", "", "On behalf of panel 1"},
			{"The Acting President", corpus.RoleActingPresident, "", "fr", "I now give the floor"},
			{"Mrs. Møgedal", corpus.RoleOther, "", "", "The work of panel 2"},
			{"The Acting President", corpus.RoleActingPresident, "", "fr", "I now give the floor"},
			{"Ms. Effs", corpus.RoleOther, "", "", "I am pleased to present"},
			{"The Acting President", corpus.RoleActingPresident, "", "fr", "I now give the floor"},
			{"Mr. Falobi", corpus.RoleOther, "", "", "We had a very distinguished panel"},
			{"The Acting President", corpus.RoleActingPresident, "", "fr", "I now give the floor"},
			{"Ms. Stuikyte", corpus.RoleOther, "", "", "In 2001, Governments"},
			{"The Acting President", corpus.RoleActingPresident, "", "fr", "This concludes the two days"},
		},
	}
	for file, turns := range want {
		t.Run(file, func(t *testing.T) {
			rec := parseRealPDF(t, file)
			if len(rec.Speeches) != len(turns) {
				t.Fatalf("%d speeches, want %d", len(rec.Speeches), len(turns))
			}
			for i, w := range turns {
				s := rec.Speeches[i]
				got := turn{s.Speaker, s.Role, s.CountryCode, s.SpokeIn, ""}
				if strings.HasPrefix(s.Paragraphs[0].Text, w.starts) {
					got.starts = w.starts
				}
				if got != w {
					t.Errorf("speech %d = %+v (%.40q), want %+v", i+1, got, s.Paragraphs[0].Text, w)
				}
			}
		})
	}
}

// a79Turns are the 43 floor turns of A/79/PV.29 as the PDF prints them:
// speaker, role, country code, language spoken, R for a right of reply.
const a79Turns = `
Mr. Kiboino|member-state|KEN||
Mr. Korbieh|member-state|GHA||
Ms. Schwalger|member-state|NZL||
Mr. Mukongo|member-state|COD|fr|
Ms. Flores Soto|member-state|SLV|es|
Mr. Babo Soares|member-state|TLS||
Mr. Zoumanigui|member-state|GIN|fr|
Ms. Monica|member-state|BGD||
Mr. Quintana Aranguren|member-state|COL|es|
Ms. Zabolotskaya|member-state|RUS|ru|
The Acting President|acting-president|||
Ms. Emelina-Sarte|secretariat|||
The Acting President|acting-president|||
Mrs. Llano|member-state|NIC|es|
The Acting President|acting-president|||
The Acting President|acting-president|||
Mr. Evseenko|member-state|BLR|ru|
Mrs. Rangasamy|member-state|IND||
The Acting President|acting-president|||
Mr. Paulauskas|member-state|LTU||R
Mr. Evseenko|member-state|BLR|ru|R
Mr. Paulauskas|member-state|LTU||R
The Acting President|acting-president|||
Mr. Montalvo Sosa|member-state|ECU|es|
Mr. Al Shehhi|member-state|OMN|ar|
Mr. Margaryan|member-state|ARM||
Mr. Prabowo|member-state|IDN||
Mr. Ndoye|member-state|SEN|fr|
Mrs. Lora-Santos|member-state|PHL||
Mr. Al Ajeeli|member-state|ARE|ar|
Mrs. Kupradze|member-state|GEO||
Mr. Mahmoud|member-state|EGY|ar|
Mrs. Guerra Tamayo|member-state|CUB|es|
The Acting President|acting-president|||
Mr. Mansour|observer|PSE||
Mr. Quintana Aranguren|member-state|COL|es|
Mr. Grech|member-state|MLT||
Mr. Cappon|member-state|ISR||
Mr. Tommo Monthe|member-state|CMR|fr|
The Acting President|acting-president|||
Mrs. Rangasamy|member-state|IND||R
Mrs. Ijaz|member-state|PAK||R
The Acting President|acting-president|||
`

func TestRealPDFTurnsA79(t *testing.T) {
	rec := parseRealPDF(t, "A_79_PV.29.pdf")
	want := strings.Split(strings.TrimSpace(a79Turns), "\n")
	if len(rec.Speeches) != len(want) {
		t.Fatalf("%d speeches, want %d", len(rec.Speeches), len(want))
	}
	for i, s := range rec.Speeches {
		reply := ""
		if s.Reply {
			reply = "R"
		}
		if got := strings.Join([]string{s.Speaker, s.Role, s.CountryCode, s.SpokeIn, reply}, "|"); got != want[i] {
			t.Errorf("speech %d = %s, want %s", i+1, got, want[i])
		}
	}
}

// TestIsolatedExtractor runs the real child-process extractor (the test
// binary serves as the worker) and gets the same record as in process.
func TestIsolatedExtractor(t *testing.T) {
	path := fixtures.Real(t, "S_PV.8422.pdf")
	rec, err := ParseFile(context.Background(), path, layout.Extractor{})
	if err != nil {
		t.Fatal(err)
	}
	want := parseRealPDF(t, "S_PV.8422.pdf")
	if len(rec.Speeches) != len(want.Speeches) || rec.Symbol != want.Symbol || rec.Source.SHA256 != want.Source.SHA256 {
		t.Errorf("isolated: %s %d speeches; in process: %s %d", rec.Symbol, len(rec.Speeches), want.Symbol, len(want.Speeches))
	}
}

func TestIngestBadPDFs(t *testing.T) {
	in := t.TempDir()
	real, err := os.ReadFile(fixtures.Real(t, "A_60_PV.25.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, in, "good.pdf", real)
	pages := make([]string, 2000)
	for i := range pages {
		pages[i] = pdftest.Stream("", pdftest.TextPage("page"))
	}
	badXref := bytes.Replace(pdftest.TextPDF("A/79/PV.1"), []byte("startxref\n"), []byte("startxref\n9"), 1)
	bad := map[string]struct {
		data   []byte
		reason string
	}{
		"zero.pdf":         {nil, "empty file"},
		"truncated.pdf":    {real[:len(real)/2], "PDF"},
		"encrypted.pdf":    {pdftest.Encrypted(), "encrypted"},
		"image-only.pdf":   {pdftest.ImageOnly(), "no text"},
		"zip-renamed.pdf":  {[]byte("PK\x03\x04\x14\x00\x00\x00\x08\x00\x00\x00\x00\x00word/document.xml"), "not a PDF"},
		"hello.pdf":        {pdftest.Pages(pdftest.Stream("", pdftest.TextPage("Minutes of the residents association", "Mr. Smith said hello."))), "not a verbatim record"},
		"2000-pages.pdf":   {pdftest.Pages(pages...), "too large"},
		"broken-xref.pdf":  {badXref, ""},
		"not-utf8.txt":     {[]byte("s\xe9ance"), "UTF-8"},
		"garbage-tail.pdf": {append([]byte("%PDF-1.7\n"), bytes.Repeat([]byte{0xff, 0x00, 0x13}, 5000)...), ""},
		"deeply-nested.pdf": {pdftest.File([]string{"<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
			"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Deep " + strings.Repeat("[", 5000) + strings.Repeat("]", 5000) + " >>"}, ""), ""},
		"self-referencing.pdf": {pdftest.File([]string{"<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [2 0 R 2 0 R] /Count 1 >>"}, ""), ""},
	}
	var paths []string
	for name, b := range bad {
		paths = append(paths, writeFile(t, in, name, b.data))
	}
	ws, err := corpus.OpenWorkspace(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	res, err := ingestInto(t, context.Background(), ws, append(paths, filepath.Join(in, "good.pdf")), Options{
		Extractor: layout.Extractor{Options: layout.Options{Timeout: time.Minute}},
		Workers:   2,
	})
	if err != nil {
		t.Fatal(err)
	}
	if res.Written != 1 || res.Failed != len(bad) {
		t.Errorf("stored %d, failed %d (want 1 and %d): %v", res.Written, res.Failed, len(bad), res.Failures)
	}
	for _, fe := range res.Failures {
		msg := fe.Error()
		name := filepath.Base(fe.Path)
		t.Logf("%s", msg)
		if strings.Contains(msg, "\n") || !strings.HasPrefix(msg, fe.Path+": ") || strings.Count(msg, fe.Path) != 1 ||
			!strings.Contains(strings.ToLower(msg), strings.ToLower(bad[name].reason)) || strings.Contains(msg, "goroutine") {
			t.Errorf("failure for %s = %q, want one line naming the file once and saying %q", name, msg, bad[name].reason)
		}
	}
	if recs := snapshot(t, ws); len(recs) != 1 || recs["A_60_PV.25.en.json"] == "" {
		t.Errorf("corpus holds %v", keys(recs))
	}
}

var fidelityWordRe = regexp.MustCompile(`[\p{L}\p{N}]+(?:[-‐’'][\p{L}\p{N}]+)*`)

// wordBag counts the words of texts, lower-cased, with hyphens and
// apostrophes dropped (pdftotext joins "non-/proliferation" without its
// hyphen; the parser keeps it).
func wordBag(texts ...string) map[string]int {
	bag := map[string]int{}
	r := strings.NewReplacer("-", "", "‐", "", "’", "", "'", "")
	for _, t := range texts {
		for _, w := range fidelityWordRe.FindAllString(t, -1) {
			bag[strings.ToLower(r.Replace(w))]++
		}
	}
	return bag
}

func speechTexts(rec *corpus.Record) []string {
	var out []string
	for _, s := range rec.Speeches {
		for _, p := range s.Paragraphs {
			out = append(out, p.Text)
		}
	}
	return out
}

// structureTexts lists the record's text outside speech paragraphs:
// speaker lines, stage directions, votes and agenda headings.
func structureTexts(rec *corpus.Record) []string {
	var out []string
	names := map[string]string{"en": "English", "fr": "French", "es": "Spanish", "ru": "Russian", "zh": "Chinese", "ar": "Arabic"}
	for _, s := range rec.Speeches {
		out = append(out, s.Speaker, s.Delegation, s.Capacity)
		if s.SpokeIn != "" {
			out = append(out, "spoke in interpretation from "+names[s.SpokeIn])
		}
	}
	for _, e := range rec.Events {
		out = append(out, e.Text)
	}
	for _, v := range rec.Votes {
		out = append(out, "In favour Against Abstaining", v.Result)
		out = append(out, v.InFavour...)
		out = append(out, v.Against...)
		out = append(out, v.Abstaining...)
	}
	for _, a := range rec.AgendaItems {
		out = append(out, "Agenda item "+a.Number, a.Title)
		out = append(out, a.Subitems...)
	}
	return out
}

// covered is the share of the words of a (with their counts) found in b.
func covered(a, b map[string]int) (float64, []string) {
	total, found := 0, 0
	var missing []string
	for w, n := range a {
		total += n
		found += min(n, b[w])
		if n > b[w] && len(missing) < 12 {
			missing = append(missing, w)
		}
	}
	if total == 0 {
		return 0, nil
	}
	return float64(found) / float64(total), missing
}

// TestSpeechFidelity holds the speech text against poppler's pdftotext,
// used as a reference only: at least 99% of the parser's speech words are
// in pdftotext's text, and at least 98% of the speech words the text path
// finds in pdftotext's text are in the parser's record (speech text, or
// structure where pdftotext's reading order mixed the two); no glued
// words.
func TestSpeechFidelity(t *testing.T) {
	pdftotext := fixtures.Tool(t, "poppler-utils", "pdftotext")
	for _, path := range fixtures.RealPDFs(t) {
		name := filepath.Base(path)
		t.Run(name, func(t *testing.T) {
			rec := parseRealPDF(t, name)
			ref, err := exec.Command(pdftotext, path, "-").Output()
			if err != nil {
				t.Fatal(err)
			}
			refRec := parseText(t, ref)
			mine := wordBag(speechTexts(rec)...)
			inRef, missing1 := covered(mine, wordBag(string(ref)))
			// The reference's speech words are those the text path finds
			// in pdftotext's text. Where pdftotext's reading order breaks a
			// vote list or a speaker line into a speech, the words are
			// still accounted for when the record holds them as structure.
			structure := wordBag(structureTexts(rec)...)
			all := maps.Clone(mine)
			for w, n := range structure {
				all[w] += n
			}
			refSpeech, missing2 := covered(wordBag(speechTexts(refRec)...), all)
			t.Logf("%s: %.2f%% of the parser's speech words in pdftotext; %.2f%% of pdftotext's speech words in the parser's", name, 100*inRef, 100*refSpeech)
			if inRef < 0.99 {
				t.Errorf("%.2f%% of the parser's speech words are in pdftotext's text, want ≥ 99%%; missing e.g. %q", 100*inRef, missing1)
			}
			if refSpeech < 0.98 {
				t.Errorf("%.2f%% of pdftotext's speech words are in the parser's, want ≥ 98%%; missing e.g. %q", 100*refSpeech, missing2)
			}
			for _, text := range speechTexts(rec) {
				for _, w := range strings.Fields(text) {
					if len([]rune(w)) > 25 && !strings.ContainsAny(w, "/@") {
						t.Errorf("glued word %q", w)
					}
				}
			}
		})
	}
}

// FuzzParsePDF feeds arbitrary bytes through in-process extraction and
// the structure parser: they may refuse them, never panic.
func FuzzParsePDF(f *testing.F) {
	f.Add(pdftest.Pages(pdftest.Stream("", pdftest.TextPage("A/79/PV.1", "General Assembly", "1st plenary meeting", "Tuesday, 10 September 2024, 3 p.m.", "The President: The meeting is open."))))
	f.Add(pdftest.ImageOnly())
	f.Add(pdftest.Encrypted())
	f.Add([]byte("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF"))
	f.Fuzz(func(t *testing.T, data []byte) {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		doc, err := layout.Decode(ctx, bytes.NewReader(data), int64(len(data)), layout.Options{})
		if err != nil {
			return
		}
		rec, err := Parse(context.Background(), *doc)
		if err != nil {
			if !errors.Is(err, ErrNotRecord) && !errors.Is(err, ErrEmpty) {
				t.Logf("refused: %v", err)
			}
			return
		}
		if len(rec.Speeches) == 0 {
			t.Fatal("a record without speeches was accepted")
		}
	})
}

// BenchmarkParsePDF measures extraction and parsing of each real record,
// beside pdftotext on the same file, in pages per second.
func BenchmarkParsePDF(b *testing.B) {
	pdftotext := fixtures.Tool(b, "poppler-utils", "pdftotext")
	for _, path := range fixtures.RealPDFs(b) {
		name := strings.TrimSuffix(filepath.Base(path), ".pdf")
		rec, err := ParseFile(context.Background(), path, inProcess)
		if err != nil {
			b.Fatal(err)
		}
		pages := float64(rec.Source.Pages)
		b.Run("scdebate/"+name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := ParseFile(context.Background(), path, inProcess); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(pages*float64(b.N)/b.Elapsed().Seconds(), "pages/s")
		})
		b.Run("pdftotext/"+name, func(b *testing.B) {
			for b.Loop() {
				if err := exec.Command(pdftotext, path, os.DevNull).Run(); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(pages*float64(b.N)/b.Elapsed().Seconds(), "pages/s")
		})
	}
}

var voteCountRe = regexp.MustCompile(`(\d+) votes? (?:in favour, |to )(\d+|none|one)(?: against)?(?:,? (?:with|and) (\d+|one|two|none) (?:abstentions?|abstaining))?`)

// TestRealPDFVoteCounts checks each recorded vote's lists against the
// counts announced in its result.
func TestRealPDFVoteCounts(t *testing.T) {
	word := map[string]int{"none": 0, "one": 1, "two": 2}
	num := func(s string) int {
		if n, ok := word[s]; ok {
			return n
		}
		n, _ := strconv.Atoi(s)
		return n
	}
	for _, path := range fixtures.RealPDFs(t) {
		rec := parseRealPDF(t, filepath.Base(path))
		for _, v := range rec.Votes {
			m := voteCountRe.FindStringSubmatch(v.Result)
			if m == nil {
				t.Errorf("%s: vote after speech %d has no counted result: %q", rec.Symbol, v.AfterSeq, v.Result)
				continue
			}
			if len(v.InFavour) != num(m[1]) || len(v.Against) != num(m[2]) || len(v.Abstaining) != num(m[3]) {
				t.Errorf("%s: vote after speech %d lists %d–%d–%d, result says %s–%s–%s", rec.Symbol, v.AfterSeq,
					len(v.InFavour), len(v.Against), len(v.Abstaining), m[1], m[2], m[3])
			}
			for _, list := range [][]string{v.InFavour, v.Against, v.Abstaining} {
				for _, c := range list {
					if _, ok := corpus.LookupCountry(c, "en"); !ok {
						t.Errorf("%s: %q in a vote list is not a country", rec.Symbol, c)
					}
				}
			}
		}
	}
}
