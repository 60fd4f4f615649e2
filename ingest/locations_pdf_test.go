package ingest

import (
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/scdebate/scdebate/corpus"
)

// realLocation is a check on one place of a real record, found when every
// paragraph of the seven records was read: the speech (seq) and, where it
// matters, the paragraph (n) as the parser numbers them now.
type realLocation struct {
	file   string
	seq, n int
	what   string
	check  func(rec *corpus.Record, s *corpus.Speech, p *corpus.Paragraph) bool
}

// realLocations are checked against the parse of the real records; the
// checks name what must hold there, never the record's sentences.
var realLocations = []realLocation{
	// A language note on a line of its own inside a speech: the speech is
	// split where the speaker changes language.
	{"A_65_PV.71.pdf", 56, 0, "the speech before the change of language is in the record's language",
		func(_ *corpus.Record, s *corpus.Speech, _ *corpus.Paragraph) bool {
			return s.Speaker == "Mr. Babadoudou" && s.SpokeIn == "" && len(s.Paragraphs) == 6
		}},
	{"A_65_PV.71.pdf", 57, 0, "the part said in French is the same speaker's, in French, numbered on",
		func(_ *corpus.Record, s *corpus.Speech, _ *corpus.Paragraph) bool {
			return s.Speaker == "Mr. Babadoudou" && s.SpokeIn == "fr" && s.CountryCode == "BEN" && len(s.OnBehalfOf) == 1 &&
				len(s.Paragraphs) == 1 && s.Paragraphs[0].N == 7
		}},
	{"A_65_PV.71.pdf", 58, 0, "the speaker's return to English is the same speaker's, in English, numbered on",
		func(_ *corpus.Record, s *corpus.Speech, _ *corpus.Paragraph) bool {
			return s.Speaker == "Mr. Babadoudou" && s.SpokeIn == "" && len(s.Paragraphs) == 1 && s.Paragraphs[0].N == 8
		}},
	// A stage direction in the older spelling, inside a speech.
	{"A_60_PV.25.pdf", 2, 0, "the Vice President taking the chair is an event during the speech, not its text",
		func(rec *corpus.Record, s *corpus.Speech, _ *corpus.Paragraph) bool {
			for _, p := range s.Paragraphs {
				if strings.Contains(p.Text, "took the chair") {
					return false
				}
			}
			for _, e := range rec.Events {
				if e.AfterSeq == 2 && e.Page == 4 && strings.HasSuffix(e.Text, "Vice President, took the chair.") {
					return true
				}
			}
			return false
		}},
}

// quotationTaken reports whether paragraph p takes in the quotation its
// sentence leads into: a quotation mark opens after its first words, and
// the paragraph after it does not open with one.
func quotationTaken(_ *corpus.Record, s *corpus.Speech, p *corpus.Paragraph) bool {
	if !strings.Contains(p.Text, " “") && !strings.Contains(p.Text, ` "`) {
		return false
	}
	for _, q := range s.Paragraphs {
		if q.N == p.N+1 && opensQuotation(q.Text) {
			return false
		}
	}
	return true
}

func init() {
	// Sentences that introduce a quotation mid-sentence, before an
	// indented block quotation.
	for _, at := range []struct {
		file   string
		seq, n int
	}{
		{"A_48_PV.46.pdf", 1, 16}, {"A_48_PV.46.pdf", 16, 5}, {"A_48_PV.46.pdf", 30, 1}, {"A_48_PV.46.pdf", 31, 3},
		{"A_48_PV.46.pdf", 32, 2}, {"A_60_PV.25.pdf", 2, 14}, {"A_60_PV.25.pdf", 3, 5}, {"A_65_PV.71.pdf", 4, 2},
		{"A_65_PV.71.pdf", 24, 4}, {"A_65_PV.71.pdf", 24, 5}, {"S_PV.3756.pdf", 18, 9},
	} {
		realLocations = append(realLocations, realLocation{at.file, at.seq, at.n, "the paragraph takes in the quotation it leads into", quotationTaken})
	}
	// Block quotations introduced by a colon: part of the paragraph that
	// introduces them.
	for _, at := range []struct {
		file   string
		seq, n int
	}{
		{"A_60_PV.25.pdf", 3, 15}, {"A_65_PV.71.pdf", 2, 13}, {"A_65_PV.71.pdf", 2, 14}, {"A_65_PV.71.pdf", 54, 4},
		{"A_79_PV.29.pdf", 28, 10}, {"S_PV.3756.pdf", 2, 1}, {"S_PV.3756.pdf", 18, 7},
	} {
		realLocations = append(realLocations, realLocation{at.file, at.seq, at.n, "the paragraph takes in the block quotation its colon introduces",
			func(rec *corpus.Record, s *corpus.Speech, p *corpus.Paragraph) bool {
				return strings.Contains(p.Text, ": “") && quotationTaken(rec, s, p)
			}})
	}
	// A/79/PV.29's producer places the rest of a word anew without a space
	// ("duri ng", "people ,", "conflict -affected", "corruption -" at a
	// line end): the words come out whole.
	for _, at := range []struct {
		seq, n int
		words  []string
	}{
		{6, 6, []string{"conflict-affected"}}, {7, 13, []string{"during"}}, {9, 11, []string{"serious", "reiterate", "co-sponsor"}},
		{10, 1, []string{"so-called"}}, {10, 14, []string{"because", "non-surrender"}}, {24, 5, []string{"corruption-related"}},
		{24, 6, []string{"capacity-building"}}, {25, 7, []string{"self-determination"}}, {28, 6, []string{"at"}},
		{31, 4, []string{"detention,"}}, {32, 7, []string{"right,", "people,"}}, {33, 11, []string{"international"}},
		{35, 9, []string{"non-compliance"}}, {35, 10, []string{"kill,"}}, {36, 8, []string{"principal"}}, {38, 4, []string{"war"}},
	} {
		realLocations = append(realLocations, realLocation{"A_79_PV.29.pdf", at.seq, at.n, "the words split in the text layer are whole: " + strings.Join(at.words, ", "),
			func(_ *corpus.Record, _ *corpus.Speech, p *corpus.Paragraph) bool {
				fields := strings.Fields(p.Text)
				for _, w := range at.words {
					if !slices.Contains(fields, w) {
						return false
					}
				}
				return !strings.Contains(p.Text, " ,") && !spacedHyphenRe.MatchString(p.Text)
			}})
	}
	// Compounds broken across lines after a prefix keep their hyphen.
	for _, at := range []struct {
		file   string
		seq, n int
		word   string
	}{
		{"A_60_PV.85.pdf", 5, 19, "high-risk"}, {"A_60_PV.85.pdf", 7, 5, "high-prevalence"}, {"A_60_PV.85.pdf", 13, 1, "cross-section"},
		{"A_60_PV.85.pdf", 15, 9, "home-grown"}, {"A_60_PV.85.pdf", 17, 7, "decision-makers"}, {"S_PV.3756.pdf", 16, 4, "near-unanimous"},
	} {
		realLocations = append(realLocations, realLocation{at.file, at.seq, at.n, "the compound keeps its hyphen: " + at.word,
			func(_ *corpus.Record, _ *corpus.Speech, p *corpus.Paragraph) bool {
				return strings.Contains(p.Text, at.word) && !strings.Contains(p.Text, strings.ReplaceAll(at.word, "-", ""))
			}})
	}
	// Chairs of round tables, rapporteurs of panels and of a committee
	// speak in that office, for the body, with the office kept.
	for _, at := range []struct {
		file, capacity string
		seq            int
	}{
		{"A_60_PV.85.pdf", "Chairperson of round table 1", 3}, {"A_60_PV.85.pdf", "Chairperson of round table 2", 5},
		{"A_60_PV.85.pdf", "Chairperson of round table 3", 7}, {"A_60_PV.85.pdf", "Chairperson of round table 4", 9},
		{"A_60_PV.85.pdf", "Chairperson of round table 5", 11}, {"A_60_PV.85.pdf", "Chairperson of panel 1", 13},
		{"A_60_PV.85.pdf", "Rapporteur of panel 2", 15}, {"A_60_PV.85.pdf", "Rapporteur of panel 3", 17},
		{"A_60_PV.85.pdf", "Rapporteur of panel 4", 19}, {"A_60_PV.85.pdf", "Rapporteur of panel 5", 21},
		{"A_65_PV.71.pdf", "Rapporteur of the Third Committee", 2},
	} {
		realLocations = append(realLocations, realLocation{at.file, at.seq, 0, "the speaker speaks as " + at.capacity + ", not as a State's delegate",
			func(_ *corpus.Record, s *corpus.Speech, _ *corpus.Paragraph) bool {
				return s.Capacity == at.capacity && s.Role == corpus.RoleOther && s.CountryCode == "" && s.Delegation != ""
			}})
	}
}

// spacedHyphenRe finds a hyphen with a space before it inside a word.
var spacedHyphenRe = regexp.MustCompile(`\p{L} -(?:\p{L}| \p{Ll})`)

func TestRealPDFLocations(t *testing.T) {
	recs := map[string]*corpus.Record{}
	for _, loc := range realLocations {
		rec := recs[loc.file]
		if rec == nil {
			rec = parseRealPDF(t, loc.file)
			recs[loc.file] = rec
		}
		name := loc.file + " " + itoa(loc.seq)
		if loc.n > 0 {
			name += "." + itoa(loc.n)
		}
		if loc.seq < 1 || loc.seq > len(rec.Speeches) {
			t.Errorf("%s: no such speech", name)
			continue
		}
		s := &rec.Speeches[loc.seq-1]
		var p *corpus.Paragraph
		for k := range s.Paragraphs {
			if s.Paragraphs[k].N == loc.n {
				p = &s.Paragraphs[k]
			}
		}
		if loc.n > 0 && p == nil {
			t.Errorf("%s: no such paragraph", name)
			continue
		}
		if !loc.check(rec, s, p) {
			t.Errorf("%s: %s does not hold", name, loc.what)
		}
	}
}

// TestRealPDFParagraphs holds what no paragraph of a real record may be: a
// language note alone, or a paragraph ending mid-sentence or on a colon
// before a paragraph of the same speech that opens with a quotation mark.
func TestRealPDFParagraphs(t *testing.T) {
	for _, want := range realRecords {
		rec := parseRealPDF(t, want.file)
		for _, s := range rec.Speeches {
			for k, p := range s.Paragraphs {
				if _, ok := englishGrammar.noteLine(p.Text); ok || strings.HasPrefix(p.Text, "(spoke in") {
					t.Errorf("%s speech %d paragraph %d is a language note: %q", want.file, s.Seq, p.N, p.Text)
				}
				if k > 0 && introducesQuotation(s.Paragraphs[k-1].Text) && opensQuotation(p.Text) {
					t.Errorf("%s speech %d: paragraph %d ends before the quotation it introduces", want.file, s.Seq, s.Paragraphs[k-1].N)
				}
			}
		}
	}
}
