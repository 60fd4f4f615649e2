package analysis

import (
	"context"
	"slices"
	"sync"
	"testing"

	"github.com/scdebate/scdebate/corpus"
	"github.com/scdebate/scdebate/corpus/fixtures"
	"github.com/scdebate/scdebate/corpus/sample"
	"github.com/scdebate/scdebate/ingest"
)

var (
	realMu   sync.Mutex
	realRecs = map[string]*corpus.Record{}
)

// realRecord parses one of the real records in ../shared (once per test
// binary); the test is skipped, or fails under CI, without them.
func realRecord(t testing.TB, name string) *corpus.Record {
	t.Helper()
	path := fixtures.Real(t, name)
	realMu.Lock()
	defer realMu.Unlock()
	if rec, ok := realRecs[name]; ok {
		return rec
	}
	rec, err := ingest.ParseFile(context.Background(), path, inProcessPDF{})
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	realRecs[name] = rec
	return rec
}

func TestRecordContext(t *testing.T) {
	recs, err := sample.Records()
	if err != nil {
		t.Fatal(err)
	}
	for _, rec := range recs {
		if got := RecordContext(rec); got.Debate != corpus.DebateReport || got.CouncilRecord {
			t.Errorf("sample %s: context %+v, want the debate on the report", rec.Symbol, got)
		}
	}
	// None of the real records is a debate on the Council (see their
	// SOURCES.md); the Council's own meetings read "the Council" as it.
	for _, tc := range []struct {
		file    string
		council bool
	}{
		{"A_48_PV.46.pdf", false}, {"A_60_PV.25.pdf", false}, {"A_60_PV.85.pdf", false},
		{"A_65_PV.71.pdf", false}, {"A_79_PV.29.pdf", false}, {"S_PV.3756.pdf", true}, {"S_PV.8422.pdf", true},
	} {
		got := RecordContext(realRecord(t, tc.file))
		if got.Debate != corpus.DebateOther || got.CouncilRecord != tc.council {
			t.Errorf("%s: context %+v, want other, council record %v", tc.file, got, tc.council)
		}
	}
}

// TestRealRecordPassages checks the coding of paragraphs of the real
// records, named by location (file, speech, paragraph): theme words about
// another body, mentions and the Council's own business.
func TestRealRecordPassages(t *testing.T) {
	c := newTestCoder(t)
	for _, tc := range []struct {
		name        string
		file        string
		seq, n      int
		want, never []string
	}{
		{"an agency's annual report", "A_48_PV.46.pdf", 4, 2, nil, []string{"annual-report"}},
		{"an agency's annual report and its scope", "A_48_PV.46.pdf", 24, 2, nil, []string{"annual-report"}},
		{"a draft resolution on an agency's annual report", "A_48_PV.46.pdf", 1, 1, nil, []string{"annual-report"}},
		{"nuclear transparency", "A_48_PV.46.pdf", 8, 8, nil, []string{"transparency"}},
		{"States transparent about their nuclear activities", "A_48_PV.46.pdf", 4, 5, nil, []string{"transparency"}},
		{"representation in an agency's organs", "A_48_PV.46.pdf", 6, 17, nil, []string{"council-reform"}},
		{"a court's annual report", "A_79_PV.29.pdf", 4, 1, nil, []string{"annual-report"}},
		{"another court's annual report", "A_79_PV.29.pdf", 25, 4, nil, []string{"annual-report", "ga-sc-relations"}},
		{"justice and accountability", "A_79_PV.29.pdf", 1, 4, nil, []string{"transparency"}},
		{"a court's equitable representation", "A_79_PV.29.pdf", 1, 5, nil, []string{"council-reform"}},
		{"geographic representation in a court's organs", "A_79_PV.29.pdf", 9, 10, nil, []string{"council-reform"}},
		{"accountability for crimes", "A_79_PV.29.pdf", 6, 3, nil, []string{"transparency"}},
		{"witness accounts", "A_65_PV.71.pdf", 24, 7, nil, []string{"transparency"}},
		{"civil society in the response to an epidemic", "A_60_PV.85.pdf", 2, 2, nil, []string{"civil-society"}},
		{"the reform of the Council named", "A_60_PV.25.pdf", 3, 15, []string{"council-reform"}, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			rec := realRecord(t, tc.file)
			ann, err := c.Code(t.Context(), rec)
			if err != nil {
				t.Fatal(err)
			}
			var got *ParagraphAnnotation
			for _, sa := range ann.Speeches {
				if sa.Seq != tc.seq {
					continue
				}
				for i := range sa.Paragraphs {
					if sa.Paragraphs[i].N == tc.n {
						got = &sa.Paragraphs[i]
					}
				}
			}
			if got == nil {
				t.Fatalf("%s: no paragraph %d in speech %d", tc.file, tc.n, tc.seq)
			}
			for _, w := range tc.want {
				if !slices.Contains(got.Themes, w) {
					t.Errorf("%s %d/%d: themes %v, want %s", tc.file, tc.seq, tc.n, got.Themes, w)
				}
			}
			for _, n := range tc.never {
				if slices.Contains(got.Themes, n) {
					t.Errorf("%s %d/%d: coded %s (codes %+v)", tc.file, tc.seq, tc.n, n, got.Codes)
				}
			}
		})
	}
}
