package index

import (
	"context"
	"errors"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/blevesearch/bleve/v2/index/scorch"

	"github.com/scdebate/scdebate/analysis"
	"github.com/scdebate/scdebate/corpus"
	"github.com/scdebate/scdebate/index/indextest"
)

// buildWorkspace writes docs into a new workspace and indexes it.
func buildWorkspace(t testing.TB, docs []indextest.Doc) *corpus.Workspace {
	t.Helper()
	ws, err := corpus.OpenWorkspace(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	if err := indextest.Write(ws, docs); err != nil {
		t.Fatal(err)
	}
	lk, err := ws.Lock()
	if err != nil {
		t.Fatal(err)
	}
	defer lk.Unlock()
	if _, err := Update(context.Background(), lk, Options{}); err != nil {
		t.Fatal(err)
	}
	return ws
}

// openIndex opens the index of ws once the columns of its generation are
// loaded, so that tests search as a server does after its first moments.
func openIndex(t testing.TB, ws *corpus.Workspace) *Index {
	t.Helper()
	ix, err := Open(ws)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	waitColumns(ix)
	return ix
}

// refresh makes ix use the generation CURRENT names now, as a search will
// once ix checks again, and waits for its columns.
func refresh(t testing.TB, ix *Index) {
	t.Helper()
	if err := ix.Refresh(); err != nil {
		t.Fatal(err)
	}
	waitColumns(ix)
}

// waitColumns waits until the columns of the generation ix uses are
// loaded, so that tests search as a server does after its first moments.
func waitColumns(ix *Index) {
	if g, err := ix.acquire(); err == nil {
		<-g.loaded
		g.release()
	}
}

// generatedIndex opens the index of a generated corpus of 1,500
// paragraphs with French and Chinese versions, and holds its live
// generation until the test ends.
func generatedIndex(t *testing.T, seed int64) (*Index, *generation) {
	t.Helper()
	docs := indextest.Generate(indextest.Options{Seed: seed, Paragraphs: 1500, Versions: []string{"fr", "zh"}, VersionsEvery: 3})
	ix := openIndex(t, buildWorkspace(t, docs))
	g, err := ix.acquire()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(g.release)
	return ix, g
}

// allHits pages through every hit of a request.
func allHits(t *testing.T, ix *Index, req Request) []Hit {
	t.Helper()
	var out []Hit
	req.Size = MaxPageSize
	for req.From = 0; ; req.From += req.Size {
		res, err := ix.Search(context.Background(), &req)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, res.Hits...)
		if len(res.Hits) < req.Size || req.From+req.Size > MaxFrom {
			return out
		}
	}
}

// expected passage, computed from the records and annotations directly.
type expected struct {
	id, lang, country, text string
	session                 int
	themes, groups          []string
}

func expectedPassages(docs []indextest.Doc) []expected {
	var out []expected
	for _, d := range docs {
		rec := d.Record
		key := strings.TrimSuffix(corpus.FileName(rec), ".json")
		for _, sp := range rec.Speeches {
			var sa *analysis.SpeechAnnotation
			for i := range d.Annotation.Speeches {
				if d.Annotation.Speeches[i].Seq == sp.Seq {
					sa = &d.Annotation.Speeches[i]
				}
			}
			var groups []string
			if sa != nil {
				for _, g := range sa.Groups {
					groups = append(groups, g.ID)
				}
			}
			// A name the analysis did not resolve is no group.
			groups = slices.Compact(slices.Sorted(slices.Values(groups)))
			session := 0
			if rec.Session != nil {
				session = *rec.Session
			}
			for _, p := range sp.Paragraphs {
				var themes []string
				if sa != nil {
					for _, pa := range sa.Paragraphs {
						if pa.N == p.N {
							themes = slices.Compact(slices.Sorted(slices.Values(pa.Themes)))
						}
					}
				}
				if strings.TrimSpace(p.Text) == "" {
					continue
				}
				out = append(out, expected{
					id: key + "#" + strconv.Itoa(sp.Seq) + "." + strconv.Itoa(p.N), lang: rec.Language,
					country: sp.CountryCode, text: p.Text, session: session, themes: themes, groups: groups,
				})
			}
		}
	}
	return out
}

func TestFacetCountsEqualRecordCounts(t *testing.T) {
	sampleDocs, err := indextest.SampleDocs()
	if err != nil {
		t.Fatal(err)
	}
	corpora := []struct {
		name string
		docs []indextest.Doc
	}{
		{"generated", indextest.Generate(indextest.Options{Seed: 7, Paragraphs: 3000, Versions: []string{"fr", "zh"}, VersionsEvery: 5})},
		{"sample", sampleDocs},
	}
	for _, c := range corpora {
		t.Run(c.name, func(t *testing.T) { testFacetCounts(t, c.docs) })
	}
}

func testFacetCounts(t *testing.T, docs []indextest.Doc) {
	ix := openIndex(t, buildWorkspace(t, docs))
	all := expectedPassages(docs)

	tests := []struct {
		name string
		req  Request
		keep func(e expected) bool
	}{
		{"everything", Request{}, func(expected) bool { return true }},
		{"one country", Request{Countries: []string{"NZL"}}, func(e expected) bool { return e.country == "NZL" }},
		{"two themes", Request{Themes: []string{"veto", "burden-sharing"}}, func(e expected) bool {
			return slices.Contains(e.themes, "veto") || slices.Contains(e.themes, "burden-sharing")
		}},
		{"session range", Request{Sessions: []corpus.SessionRange{{From: 60, To: 65}, {From: 77, To: 77}}}, func(e expected) bool {
			return (e.session >= 60 && e.session <= 65) || e.session == 77
		}},
		{"language", Request{Languages: []string{"zh", "fr"}}, func(e expected) bool { return e.lang == "zh" || e.lang == "fr" }},
		{"open-ended session", Request{Sessions: []corpus.SessionRange{{From: 77}}}, func(e expected) bool { return e.session >= 77 }},
	}
	group := ""
	for _, e := range all {
		if len(e.groups) > 0 {
			group = e.groups[0]
			break
		}
	}
	if group == "" {
		t.Fatal("the corpus has no statement on behalf of a group")
	}
	tests = append(tests, struct {
		name string
		req  Request
		keep func(e expected) bool
	}{"group " + group, Request{Groups: []string{group}}, func(e expected) bool { return slices.Contains(e.groups, group) }})
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.req.Facets = true
			res, err := ix.Search(context.Background(), &tt.req)
			if err != nil {
				t.Fatal(err)
			}
			want := map[string]map[string]int{FacetCountry: {}, FacetTheme: {}, FacetSession: {}, FacetGroup: {}, FacetLanguage: {}}
			total := 0
			for _, e := range all {
				if !tt.keep(e) {
					continue
				}
				total++
				if e.country != "" {
					want[FacetCountry][e.country]++
				}
				for _, th := range e.themes {
					want[FacetTheme][th]++
				}
				for _, g := range e.groups {
					want[FacetGroup][g]++
				}
				if e.session > 0 {
					want[FacetSession][strconv.Itoa(e.session)]++
				}
				want[FacetLanguage][e.lang]++
			}
			if total == 0 && tt.name != "language" {
				t.Fatal("test case selects nothing")
			}
			if int(res.Total) != total {
				t.Errorf("total = %d, want %d", res.Total, total)
			}
			for facet, counts := range want {
				got := map[string]int{}
				for _, ft := range res.Facets[facet] {
					got[ft.Term] = ft.Count
				}
				if !maps.Equal(got, counts) {
					t.Errorf("facet %s = %v, want %v", facet, got, counts)
				}
			}
		})
	}
}

func TestPhraseFindsExactlyThePassagesContainingIt(t *testing.T) {
	sampleDocs, err := indextest.SampleDocs()
	if err != nil {
		t.Fatal(err)
	}
	corpora := []struct {
		name    string
		docs    []indextest.Doc
		phrases []string
	}{
		{"generated", indextest.Generate(indextest.Options{Seed: 11, Paragraphs: 2000, Versions: []string{"fr", "zh"}, VersionsEvery: 4}),
			[]string{"wrap-up sessions", "code of conduct", "open debates", "use of the veto", "débats publics", "否决权"}},
		{"sample", sampleDocs, []string{"wrap-up sessions", "open debates", "annual report", "intergovernmental negotiations", "code of conduct", "否决权", "年度报告"}},
	}
	for _, c := range corpora {
		t.Run(c.name, func(t *testing.T) { testPhrases(t, c.docs, c.phrases) })
	}
}

// testPhrases checks phrase queries against plain substring search. A
// phrase matches analysed terms, so "elected member" also finds "elected
// members": the phrases are ones whose inflected forms do not occur.
func testPhrases(t *testing.T, docs []indextest.Doc, phrases []string) {
	ix := openIndex(t, buildWorkspace(t, docs))
	all := expectedPassages(docs)
	for _, phrase := range phrases {
		t.Run(phrase, func(t *testing.T) {
			want := map[string]bool{}
			for _, e := range all {
				if strings.Contains(strings.ToLower(e.text), phrase) {
					want[e.id] = true
				}
			}
			if len(want) == 0 {
				t.Fatal("phrase occurs nowhere in the corpus")
			}
			got := map[string]bool{}
			for _, h := range allHits(t, ix, Request{Query: `"` + phrase + `"`}) {
				got[h.ID] = true
			}
			for id := range want {
				if !got[id] {
					t.Errorf("missing %s", id)
				}
			}
			for id := range got {
				if !want[id] {
					t.Errorf("unexpected %s", id)
				}
			}
		})
	}
}

func TestQuerySemantics(t *testing.T) {
	ix := openIndex(t, buildWorkspace(t, indextest.Handmade()))
	tests := []struct {
		name string
		req  Request
		want []string
	}{
		{"stemmed term", Request{Query: "vetoes", Languages: []string{"en"}}, []string{"A_75_PV.78.en#1.2", "A_75_PV.78.en#1.3", "A_70_PV.40.en#1.2", "SAMPLE_1.en#1.1"}},
		{"french term in french field", Request{Query: "veto", Languages: []string{"fr"}}, []string{"A_75_PV.78.fr#1.2", "A_75_PV.78.fr#1.3"}},
		{"and by default", Request{Query: "veto conduct"}, []string{"A_75_PV.78.en#1.3"}},
		{"or", Request{Query: "penholdership OR wrap-up", Languages: []string{"en"}}, []string{"A_75_PV.78.en#1.1", "A_75_PV.78.en#2.2"}},
		{"not", Request{Query: "veto NOT conduct", Languages: []string{"en"}, ExcludeSamples: true}, []string{"A_75_PV.78.en#1.2", "A_70_PV.40.en#1.2"}},
		{"minus", Request{Query: "veto -conduct -sample", Languages: []string{"en"}}, []string{"A_75_PV.78.en#1.2", "A_70_PV.40.en#1.2"}},
		{"prefix", Request{Query: "penhold*"}, []string{"A_75_PV.78.en#1.1", "A_70_PV.40.en#1.1"}},
		{"fuzzy term", Request{Query: "penholdrship~"}, []string{"A_75_PV.78.en#1.1"}},
		{"fuzzy option", Request{Query: "penholdrship", Fuzzy: true}, []string{"A_75_PV.78.en#1.1"}},
		{"stop words dropped", Request{Query: "the veto of the", Countries: []string{"CHE"}}, []string{"A_70_PV.40.en#1.2"}},
		{"only stop words", Request{Query: "the of"}, nil},
		{"grouping", Request{Query: "(penholders OR wrap-up) AND NOT consult", Languages: []string{"en"}}, []string{"A_75_PV.78.en#2.2"}},
		{"same word in two languages", Request{Query: "vetoes", Countries: []string{"NZL"}, ExcludeSamples: true}, []string{"A_75_PV.78.en#1.2", "A_75_PV.78.en#1.3", "A_75_PV.78.fr#1.2", "A_75_PV.78.fr#1.3"}},
		{"country filter", Request{Countries: []string{"MEX"}, Languages: []string{"en"}}, []string{"A_75_PV.78.en#2.1", "A_75_PV.78.en#2.2"}},
		{"theme and proposal", Request{Themes: []string{"veto"}, Proposals: true}, []string{"A_75_PV.78.en#1.2"}},
		{"date range", Request{DateFrom: "2015", DateTo: "2015-12"}, []string{"A_70_PV.40.en#1.1", "A_70_PV.40.en#1.2"}},
		{"session", Request{Sessions: []corpus.SessionRange{{From: 70, To: 70}}}, []string{"A_70_PV.40.en#1.1", "A_70_PV.40.en#1.2"}},
		{"markup is text", Request{Query: "script alert"}, []string{"A_75_PV.78.en#2.1"}},
		{"hyphenated word keeps its parts together", Request{Query: "co-penholders"}, []string{"A_70_PV.40.en#1.1"}},
		{"split word is not a bag of parts", Request{Query: "members-permanent"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, h := range allHits(t, ix, tt.req) {
				got = append(got, h.ID)
			}
			slices.Sort(got)
			want := slices.Clone(tt.want)
			slices.Sort(want)
			if !slices.Equal(got, want) {
				t.Errorf("got %v, want %v", got, want)
			}
		})
	}
}

func TestHitsCarryHighlightCitationAndLink(t *testing.T) {
	ix := openIndex(t, buildWorkspace(t, indextest.Handmade()))
	res, err := ix.Search(context.Background(), &Request{Query: "veto", Countries: []string{"NZL"}, Languages: []string{"en"}, Size: 10, Highlight: true, Sort: SortDate})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Hits) != 3 {
		t.Fatalf("hits = %d, want 3", len(res.Hits))
	}
	sample := res.Hits[0]
	if sample.Symbol != "SAMPLE/1" || !sample.Sample || sample.URL() != "" {
		t.Errorf("newest hit = %s sample=%v url=%q, want the sample record without a link", sample.Symbol, sample.Sample, sample.URL())
	}
	h := res.Hits[1]
	if got, want := h.URL(), "https://undocs.org/en/A/75/PV.78#page=4"; got != want {
		t.Errorf("URL = %q, want %q", got, want)
	}
	if got, want := h.Citation(), "A/75/PV.78, p. 4, para. 2"; got != want {
		t.Errorf("citation = %q, want %q", got, want)
	}
	if got := h.Fragment.HTML(); !strings.Contains(got, "<mark>veto</mark>") {
		t.Errorf("fragment = %q, want veto marked", got)
	}
	if h.Delegation != "New Zealand" || h.CountryCode() != "NZL" || h.Session != 75 || h.Date != "2021-06-10" || !slices.Equal(h.Themes, []string{"veto"}) {
		t.Errorf("hit fields = %+v", h.Passage)
	}
}

func TestHighlightEscapesMarkup(t *testing.T) {
	ix := openIndex(t, buildWorkspace(t, indextest.Handmade()))
	res, err := ix.Search(context.Background(), &Request{Query: "alert", Size: 1, Highlight: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Hits) != 1 {
		t.Fatalf("hits = %d", len(res.Hits))
	}
	got := res.Hits[0].Fragment.HTML()
	if strings.Contains(got, "<script") || !strings.Contains(got, "&lt;script&gt;<mark>alert</mark>") {
		t.Errorf("fragment HTML = %q", got)
	}
}

func TestCounterparts(t *testing.T) {
	ix := openIndex(t, buildWorkspace(t, indextest.Handmade()))
	got, err := ix.Counterparts(context.Background(), "A_75_PV.78.en#1.2")
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || got[0].ID != "A_75_PV.78.fr#1.2" || !strings.Contains(got[0].Text, "renoncer au veto") {
		t.Fatalf("counterparts = %+v", got)
	}
	if _, err := ix.Passage(context.Background(), "nope#1.1"); !errors.As(err, new(*NotFoundError)) {
		t.Errorf("missing passage: err = %v, want NotFoundError", err)
	}
}

func TestUpdateIsIncremental(t *testing.T) {
	docs := indextest.Generate(indextest.Options{Seed: 3, Paragraphs: 600})
	ws := buildWorkspace(t, docs)
	ix := openIndex(t, ws)
	before, err := ix.Info()
	if err != nil {
		t.Fatal(err)
	}

	// Change one record's text, another's annotation, remove a third, add
	// a fourth.
	changed := docs[0]
	changed.Record.Speeches[1].Paragraphs[0].Text = "Xylophonic penholdership reform is proposed."
	if _, err := ws.Records().Put(changed.Record); err != nil {
		t.Fatal(err)
	}
	reannotated := docs[1]
	reannotated.Annotation.Speeches[1].Paragraphs[0].Themes = []string{"pandemic"}
	if err := analysis.WriteAnnotation(ws, reannotated.Annotation); err != nil {
		t.Fatal(err)
	}
	removed := docs[2]
	if err := os.Remove(filepath.Join(ws.Path(corpus.RecordsDir), corpus.FileName(removed.Record))); err != nil {
		t.Fatal(err)
	}
	added := indextest.Generate(indextest.Options{Seed: 99, Paragraphs: 1})[0]
	added.Record.Symbol = "A/99/PV.1"
	if err := indextest.Write(ws, []indextest.Doc{added}); err != nil {
		t.Fatal(err)
	}

	st, err := Update(context.Background(), indextest.Lock(t, ws), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if st.Written != 3 || st.Removed != 1 || st.Unchanged != len(docs)-3 || st.Rebuilt {
		t.Errorf("stats = %+v, want 3 indexed, 1 removed, %d unchanged", st, len(docs)-3)
	}
	refresh(t, ix)
	after, _ := ix.Info()
	if after.Generation == before.Generation {
		t.Fatalf("generation did not change: %s", after.Generation)
	}
	checkTotal := func(req Request, want int) {
		t.Helper()
		res, err := ix.Search(context.Background(), &req)
		if err != nil {
			t.Fatal(err)
		}
		if int(res.Total) != want {
			t.Errorf("%+v: total %d, want %d", req, res.Total, want)
		}
	}
	checkTotal(Request{Query: "xylophonic"}, 1)
	checkTotal(Request{Themes: []string{"pandemic"}}, 1)
	checkTotal(Request{Symbols: []string{removed.Record.Symbol}}, 0)
	checkTotal(Request{Symbols: []string{"A/99/PV.1"}}, len(Passages("x", added.Record, nil)))
	checkTotal(Request{}, st.InIndex)

	again, err := Update(context.Background(), indextest.Lock(t, ws), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if again.Written != 0 || again.Generation != after.Generation {
		t.Errorf("no-op update = %+v, want nothing indexed and generation %s kept", again, after.Generation)
	}
}

func TestCrashMidUpdateLosesNothing(t *testing.T) {
	docs := indextest.Generate(indextest.Options{Seed: 5, Paragraphs: 400})
	ws := buildWorkspace(t, docs)
	ix := openIndex(t, ws)
	count := func() uint64 {
		refresh(t, ix)
		res, err := ix.Search(context.Background(), &Request{})
		if err != nil {
			t.Fatal(err)
		}
		return res.Total
	}
	want := count()
	before, _ := ix.Info()

	// A rebuild interrupted half-way (as by a kill) changes nothing.
	ctx, cancel := context.WithCancel(context.Background())
	_, err := Update(ctx, indextest.Lock(t, ws), Options{Rebuild: true, BatchSize: 10, OnProgress: func(p corpus.Progress) {
		if p.Done == p.Total/2 {
			cancel()
		}
	}})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("interrupted update: err = %v", err)
	}
	if got := count(); got != want {
		t.Errorf("after interrupted rebuild: %d passages, want %d", got, want)
	}
	if info, _ := ix.Info(); info.Generation != before.Generation {
		t.Errorf("generation switched to %s by an interrupted rebuild", info.Generation)
	}

	// Debris of a killed process: a half-written generation directory.
	junk := filepath.Join(ws.Path(corpus.IndexDir), genName(999))
	if err := os.MkdirAll(filepath.Join(junk, bleveDir, "store"), 0o755); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(junk, bleveDir, "store", "root.bolt"), []byte("garbage"), 0o644)

	st, err := Update(context.Background(), indextest.Lock(t, ws), Options{Rebuild: true})
	if err != nil {
		t.Fatal(err)
	}
	if !st.Rebuilt || st.InIndex != int(want) {
		t.Errorf("rebuild = %+v, want %d passages", st, want)
	}
	if _, err := os.Stat(junk); !os.IsNotExist(err) {
		t.Errorf("debris %s left behind (%v)", junk, err)
	}
	if got := count(); got != want {
		t.Errorf("after rebuild: %d passages, want %d", got, want)
	}
}

func TestBadRecordIsReportedAndSkipped(t *testing.T) {
	docs := indextest.Generate(indextest.Options{Seed: 9, Paragraphs: 100})
	ws := buildWorkspace(t, docs)
	bad := filepath.Join(ws.Path(corpus.RecordsDir), "broken.en.json")
	if err := os.WriteFile(bad, []byte(`{"symbol": "A/1/PV.1", "speeches": [`), 0o644); err != nil {
		t.Fatal(err)
	}
	var reported []error
	st, err := Update(context.Background(), indextest.Lock(t, ws), Options{OnError: func(_ string, err error) error {
		reported = append(reported, err)
		return nil
	}})
	if err != nil {
		t.Fatal(err)
	}
	var re *RecordError
	if st.Failed != 1 || len(reported) != 1 || !errors.As(reported[0], &re) || re.Path != bad {
		t.Errorf("failed=%d reported=%v, want the broken record named", st.Failed, reported)
	}

	// An error returned by OnError stops the update, and the index stays
	// as it was.
	stop := errors.New("stop")
	_, err = Update(context.Background(), indextest.Lock(t, ws), Options{Rebuild: true, OnError: func(string, error) error { return stop }})
	if !errors.Is(err, stop) {
		t.Errorf("stopped rebuild: %v, want the error OnError returned", err)
	}
	if cur, err := readCurrent(ws.Path(corpus.IndexDir)); err != nil || cur != st.Generation {
		t.Errorf("CURRENT is %q (%v) after a stopped rebuild, want %q", cur, err, st.Generation)
	}
}

// TestRefresh: after Refresh a search uses the generation an update
// committed, however long the index would wait before checking by itself.
func TestRefresh(t *testing.T) {
	docs := indextest.Generate(indextest.Options{Seed: 3, Paragraphs: 200})
	ws := buildWorkspace(t, docs)
	ix := openIndex(t, ws)
	ix.refresh = time.Hour
	before, err := ix.Info()
	if err != nil {
		t.Fatal(err)
	}
	docs[0].Record.Speeches[0].Paragraphs[0].Text = "Xylophonic penholdership."
	if _, err := ws.Records().Put(docs[0].Record); err != nil {
		t.Fatal(err)
	}
	st, err := Update(context.Background(), indextest.Lock(t, ws), Options{})
	if err != nil || st.Generation == before.Generation {
		t.Fatalf("update: %+v, %v", st, err)
	}
	if info, _ := ix.Info(); info.Generation != before.Generation {
		t.Fatalf("the index switched to %s before checking again", info.Generation)
	}
	if err := ix.Refresh(); err != nil {
		t.Fatal(err)
	}
	res, err := ix.Search(context.Background(), &Request{Query: "xylophonic"})
	if err != nil || res.Generation != st.Generation || res.Total != 1 {
		t.Errorf("after Refresh: %+v, %v; want generation %s and the new text", res, err, st.Generation)
	}
}

func TestSearchWithoutIndex(t *testing.T) {
	ws, err := corpus.OpenWorkspace(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	ix := openIndex(t, ws)
	if _, err := ix.Search(context.Background(), &Request{}); !errors.Is(err, ErrNoIndex) {
		t.Errorf("err = %v, want ErrNoIndex", err)
	}
	if err := indextest.Write(ws, indextest.Handmade()); err != nil {
		t.Fatal(err)
	}
	if _, err := Update(context.Background(), indextest.Lock(t, ws), Options{}); err != nil {
		t.Fatal(err)
	}
	refresh(t, ix)
	if res, err := ix.Search(context.Background(), &Request{}); err != nil || res.Total == 0 {
		t.Errorf("after the first build: %v, %v", res, err)
	}
}

// TestUpdateLeavesNoObsoleteSegments checks that a generation holds on
// disk only the segment files its index uses: the segments a merge
// replaced are deleted before the generation is committed, however many
// batches built it.
func TestUpdateLeavesNoObsoleteSegments(t *testing.T) {
	docs := indextest.Generate(indextest.Options{Seed: 23, Paragraphs: 3000})
	ws, err := corpus.OpenWorkspace(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	if err := indextest.Write(ws, docs); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		name  string
		force bool
	}{
		{"rebuild", true},
		{"update", false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if !tt.force {
				// Something to update: a record is gone.
				recs, err := ws.Records().List()
				if err != nil || len(recs) < 2 {
					t.Fatalf("records %v: %v", recs, err)
				}
				if err := os.Remove(recs[0]); err != nil {
					t.Fatal(err)
				}
			}
			st, err := Update(context.Background(), indextest.Lock(t, ws), Options{BatchSize: 100, Rebuild: tt.force})
			if err != nil {
				t.Fatal(err)
			}
			ix := openIndex(t, ws)
			g, err := ix.acquire()
			if err != nil {
				t.Fatal(err)
			}
			defer g.release()
			adv, err := g.idx.Advanced()
			if err != nil {
				t.Fatal(err)
			}
			live, _ := adv.(*scorch.Scorch).StatsMap()["TotFileSegmentsAtRoot"].(uint64)
			store := ws.Path(corpus.IndexDir, st.Generation, bleveDir, "store")
			if n := segmentFiles(store); n != int(live) || live == 0 {
				t.Fatalf("%d segment files on disk, %d in use", n, live)
			}
		})
	}
}
