package index

import (
	"slices"
	"testing"

	"github.com/scdebate/scdebate/analysis"
	"github.com/scdebate/scdebate/corpus"
)

func TestPassages(t *testing.T) {
	letter := &corpus.Record{
		Symbol: "S/2021/123", Kind: corpus.KindLetter, Language: "zh", Date: "2021-02-08",
		Letter: &corpus.Letter{
			Signatories: []corpus.Signatory{{Name: "A", CountryCode: "NZL"}, {Name: "B", CountryCode: "CHE"}},
			OnBehalfOf:  []string{"Accountability, Coherence and Transparency group"},
		},
		Speeches: []corpus.Speech{{Seq: 1, Paragraphs: []corpus.Paragraph{{N: 1, Page: 1, Text: "请安理会……"}, {N: 2, Text: "  "}}}},
	}
	statement := &corpus.Record{
		Symbol: "A/75/PV.78", Kind: corpus.KindVerbatim, Language: "en", Session: corpus.Int(75), Meeting: corpus.Int(78), Date: "2021-06-10",
		Speeches: []corpus.Speech{{Seq: 4, CountryCode: "CHE", Delegation: "Switzerland", OnBehalfOf: []string{"the ACT group"},
			Paragraphs: []corpus.Paragraph{{N: 1, Page: 12, Text: "On behalf of the ACT group."}}}},
	}
	annotated := &analysis.Annotation{Speeches: []analysis.SpeechAnnotation{{Seq: 4,
		Groups:     []analysis.GroupRef{{ID: "ACT", Members: []string{"CHE", "NZL", "CRI"}}},
		Paragraphs: []analysis.ParagraphAnnotation{{N: 1, Themes: []string{"veto", "transparency", "veto"}, Proposal: true}}}}}

	tests := []struct {
		name string
		rec  *corpus.Record
		ann  *analysis.Annotation
		want Passage
	}{
		{"letter speaks for its signatories and its group", letter, nil, Passage{
			ID: "S_2021_123.zh#1.1", Record: "S_2021_123.zh", Symbol: "S/2021/123", Year: "2021", Date: "2021-02-08",
			Countries: []string{"NZL", "CHE"}, Groups: []string{"act"},
			Voices: []string{"NZL", "CHE"}, Language: "zh", Kind: corpus.KindLetter, Seq: 1, N: 1, Page: 1, Text: "请安理会……",
		}},
		{"annotation resolves the group and its members", statement, annotated, Passage{
			ID: "A_75_PV.78.en#4.1", Record: "A_75_PV.78.en", Symbol: "A/75/PV.78", Session: 75, Meeting: 78, Year: "2021", Date: "2021-06-10",
			Countries: []string{"CHE"}, Delegation: "Switzerland", Groups: []string{"ACT"}, Voices: []string{"CHE", "NZL", "CRI"},
			Themes: []string{"transparency", "veto"}, Proposal: true, Language: "en", Kind: corpus.KindVerbatim, Seq: 4, N: 1, Page: 12,
			Text: "On behalf of the ACT group.",
		}},
		{"without annotation the group table names the group", statement, nil, Passage{
			ID: "A_75_PV.78.en#4.1", Record: "A_75_PV.78.en", Symbol: "A/75/PV.78", Session: 75, Meeting: 78, Year: "2021", Date: "2021-06-10",
			Countries: []string{"CHE"}, Delegation: "Switzerland", Groups: []string{"act"}, Voices: []string{"CHE"},
			Language: "en", Kind: corpus.KindVerbatim, Seq: 4, N: 1, Page: 12, Text: "On behalf of the ACT group.",
		}},
		{"the OIC's two printed names are one group", oicRecord("States members of the Organization of the Islamic Conference", "group of Member States belonging to the Organization of the Islamic Conference"), nil, Passage{
			ID: "A_65_PV.71.en#1.1", Record: "A_65_PV.71.en", Symbol: "A/65/PV.71", Session: 65, Year: "2010", Date: "2010-12-21",
			Countries: []string{"PAK"}, Delegation: "Pakistan", Groups: []string{"oic"}, Voices: []string{"PAK"},
			Language: "en", Kind: corpus.KindVerbatim, Seq: 1, N: 1, Page: 3, Text: "We speak for the group.",
		}},
		{"a name the table does not know is no group", oicRecord("a group of States"), nil, Passage{
			ID: "A_65_PV.71.en#1.1", Record: "A_65_PV.71.en", Symbol: "A/65/PV.71", Session: 65, Year: "2010", Date: "2010-12-21",
			Countries: []string{"PAK"}, Delegation: "Pakistan", Voices: []string{"PAK"},
			Language: "en", Kind: corpus.KindVerbatim, Seq: 1, N: 1, Page: 3, Text: "We speak for the group.",
		}},
		{"an annotation that resolved no group leaves the printed name out", oicRecord("a group of States"), &analysis.Annotation{Speeches: []analysis.SpeechAnnotation{{Seq: 1}}}, Passage{
			ID: "A_65_PV.71.en#1.1", Record: "A_65_PV.71.en", Symbol: "A/65/PV.71", Session: 65, Year: "2010", Date: "2010-12-21",
			Countries: []string{"PAK"}, Delegation: "Pakistan", Voices: []string{"PAK"},
			Language: "en", Kind: corpus.KindVerbatim, Seq: 1, N: 1, Page: 3, Text: "We speak for the group.",
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Passages(RecordKey(tt.rec), tt.rec, tt.ann)
			if len(got) != 1 {
				t.Fatalf("%d passages, want 1 (empty paragraphs are left out)", len(got))
			}
			g, w := got[0], tt.want
			if g.ID != w.ID || g.Record != w.Record || g.Symbol != w.Symbol || g.Session != w.Session || g.Meeting != w.Meeting ||
				g.Year != w.Year || g.Date != w.Date || !slices.Equal(g.Countries, w.Countries) || g.Delegation != w.Delegation ||
				!slices.Equal(g.Groups, w.Groups) || !slices.Equal(g.Voices, w.Voices) || !slices.Equal(g.Themes, w.Themes) ||
				g.Proposal != w.Proposal || g.Language != w.Language || g.Kind != w.Kind || g.Seq != w.Seq || g.N != w.N ||
				g.Page != w.Page || g.Text != w.Text {
				t.Errorf("got  %+v\nwant %+v", g, w)
			}
		})
	}
}

func TestPassageURL(t *testing.T) {
	tests := []struct {
		p    Passage
		want string
	}{
		{Passage{Symbol: "A/75/PV.78", Language: "en", Page: 12}, "https://undocs.org/en/A/75/PV.78#page=12"},
		{Passage{Symbol: "S/2021/123", Language: "zh"}, "https://undocs.org/zh/S/2021/123"},
		{Passage{Symbol: "A/79/PV.29 ", Language: "fr", Page: 2}, "https://undocs.org/fr/A/79/PV.29#page=2"},
		{Passage{Symbol: "SAMPLE/A/77/PV.71", Language: "en", Page: 3, Sample: true}, ""},
		{Passage{Symbol: "", Language: "en"}, ""},
	}
	for _, tt := range tests {
		if got := tt.p.URL(); got != tt.want {
			t.Errorf("URL(%q) = %q, want %q", tt.p.Symbol, got, tt.want)
		}
	}
}

// oicRecord is a record whose one statement is made on behalf of groups
// printed as given.
func oicRecord(onBehalfOf ...string) *corpus.Record {
	return &corpus.Record{
		Symbol: "A/65/PV.71", Kind: corpus.KindVerbatim, Language: "en", Session: corpus.Int(65), Date: "2010-12-21",
		Speeches: []corpus.Speech{{Seq: 1, CountryCode: "PAK", Delegation: "Pakistan", OnBehalfOf: onBehalfOf,
			Paragraphs: []corpus.Paragraph{{N: 1, Page: 3, Text: "We speak for the group."}}}},
	}
}

// A letter without a symbol is cited by its kind, date and senders, not by
// its file name; the page and paragraph follow.
func TestCitationOfALetterWithoutSymbol(t *testing.T) {
	rec := &corpus.Record{
		Kind: corpus.KindLetter, Language: "zh", Date: "2021-02-08", Source: corpus.Source{SHA256: "c249554a49295b09bffd"},
		Letter:   &corpus.Letter{From: []string{"新西兰", "瑞士"}, FromCodes: []string{"NZL", "CHE"}},
		Speeches: []corpus.Speech{{Seq: 1, Paragraphs: []corpus.Paragraph{{N: 24, Page: 1, Text: "改进安理会附属机构的工作方法"}}}},
	}
	ps := Passages(RecordKey(rec), rec, nil)
	if len(ps) != 1 {
		t.Fatalf("%d passages", len(ps))
	}
	if got, want := ps[0].Citation(), "letter of 2021-02-08 from New Zealand and Switzerland, p. 1, para. 24"; got != want {
		t.Errorf("citation %q, want %q", got, want)
	}
	if ps[0].URL() != "" {
		t.Errorf("a document without a symbol has a link: %s", ps[0].URL())
	}
}

func TestCodeString(t *testing.T) {
	tests := []struct {
		name string
		code Code
		want string
	}{
		{"a rule code the learned layer scored", Code{Theme: "veto", Source: analysis.CodeRule, Score: 0.934}, "rule 0.93"},
		{"a rule code of the taxonomy alone", Code{Theme: "veto", Source: analysis.CodeRule}, "rule"},
		{"a model code", Code{Theme: "veto", Source: analysis.CodeModel, Score: 0.71}, "model 0.71"},
		{"a reviewed code", Code{Theme: "veto", Source: analysis.CodeReviewed, Score: 0.2}, "reviewed"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.code.String(); got != tt.want {
				t.Errorf("String = %q, want %q", got, tt.want)
			}
		})
	}
}
