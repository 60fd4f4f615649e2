package ingest

import (
	"context"
	"fmt"
	"io/fs"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/scdebate/scdebate/corpus"
	"github.com/scdebate/scdebate/corpus/sample"
)

// diffRecords lists the differences between a parsed record and the record
// the text was rendered from, source and hash aside.
func diffRecords(got, want *corpus.Record) []string {
	var d []string
	add := func(format string, args ...any) { d = append(d, fmt.Sprintf(format, args...)) }
	meta := func(r *corpus.Record) []any {
		return []any{r.Symbol, r.Body, r.Kind, r.Language, deref(r.Session), deref(r.Meeting), r.Date, r.TimeStart, r.TimeEnd, r.Sample}
	}
	if g, w := meta(got), meta(want); !reflect.DeepEqual(g, w) {
		add("metadata %v, want %v", g, w)
	}
	if !reflect.DeepEqual(got.President, want.President) {
		add("president %+v, want %+v", got.President, want.President)
	}
	if !reflect.DeepEqual(got.AgendaItems, want.AgendaItems) {
		add("agenda %+v, want %+v", got.AgendaItems, want.AgendaItems)
	}
	if len(got.Speeches) != len(want.Speeches) {
		add("%d speeches, want %d", len(got.Speeches), len(want.Speeches))
	}
	for i := range min(len(got.Speeches), len(want.Speeches)) {
		g, w := got.Speeches[i], want.Speeches[i]
		gp, wp := g.Paragraphs, w.Paragraphs
		g.Paragraphs, w.Paragraphs = nil, nil
		if g.OnBehalfOf == nil {
			g.OnBehalfOf = []string{}
		}
		if w.OnBehalfOf == nil {
			w.OnBehalfOf = []string{}
		}
		if len(w.AlignedWith) == 0 {
			// The sample sources mark alignment only here and there.
			g.AlignedWith = nil
		}
		if !reflect.DeepEqual(g, w) {
			add("speech %d\n  got  %+v\n  want %+v", i+1, g, w)
		}
		if !slices.Equal(gp, wp) {
			for k := range max(len(gp), len(wp)) {
				if k >= len(gp) || k >= len(wp) || gp[k] != wp[k] {
					var gk, wk corpus.Paragraph
					if k < len(gp) {
						gk = gp[k]
					}
					if k < len(wp) {
						wk = wp[k]
					}
					add("speech %d paragraph %d (of %d, want %d)\n  got  %+v\n  want %+v", i+1, k+1, len(gp), len(wp), gk, wk)
					break
				}
			}
		}
	}
	if !reflect.DeepEqual(got.Events, want.Events) {
		add("events %+v, want %+v", got.Events, want.Events)
	}
	if len(got.Votes) != len(want.Votes) || len(got.Votes) > 0 && !reflect.DeepEqual(got.Votes, want.Votes) {
		add("votes %+v, want %+v", got.Votes, want.Votes)
	}
	return d
}

func deref(p *int) any {
	if p == nil {
		return nil
	}
	return *p
}

// TestSampleCorpus parses the embedded sample corpus, text written in the
// layout of the real records in English and Chinese, and recovers the
// records it was rendered from.
func TestSampleCorpus(t *testing.T) {
	want, err := sample.Records()
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range want {
		t.Run(w.Source.Path, func(t *testing.T) {
			data, err := fs.ReadFile(sample.Files(), w.Source.Path)
			if err != nil {
				t.Fatal(err)
			}
			got := parseText(t, data)
			for _, d := range diffRecords(got, w) {
				t.Error(d)
			}
		})
	}
}

// TestGeneratedRecords renders records generated from the sample, with
// delegations drawn from every Member and observer State, and parses them
// back: every field exact, the text of every speech exact, and its
// division into paragraphs — which plain text only hints at by where
// lines stop — right for at least 99.5% of speeches.
func TestGeneratedRecords(t *testing.T) {
	base, err := sample.Records()
	if err != nil {
		t.Fatal(err)
	}
	gen, err := sample.Generate(11, base, sample.Options{Sessions: 3, RecordsPerSession: 4})
	if err != nil {
		t.Fatal(err)
	}
	records, speeches, split := 0, 0, 0
	for want := range gen {
		records++
		text, err := sample.Render(want)
		if err != nil {
			t.Fatal(err)
		}
		doc, err := TextDocument(text)
		if err != nil {
			t.Fatal(err)
		}
		got, err := Parse(context.Background(), doc)
		if err != nil {
			t.Fatalf("%s: %v", want.Symbol, err)
		}
		for i := range min(len(got.Speeches), len(want.Speeches)) {
			speeches++
			g, w := &got.Speeches[i], &want.Speeches[i]
			if joinParagraphTexts(g.Paragraphs) != joinParagraphTexts(w.Paragraphs) {
				t.Errorf("%s: speech %d text differs:\n got  %.300q\n want %.300q", want.Symbol, i+1, joinParagraphTexts(g.Paragraphs), joinParagraphTexts(w.Paragraphs))
			}
			if !equalParagraphs(g.Paragraphs, w.Paragraphs) {
				split++
			}
			// Paragraph division and generated pages (estimates; Render
			// gives the real ones) are measured apart.
			g.Paragraphs, w.Paragraphs = nil, nil
		}
		for i := range min(len(got.Events), len(want.Events)) {
			got.Events[i].Page = want.Events[i].Page
		}
		for _, d := range diffRecords(got, want) {
			t.Errorf("%s: %s", want.Symbol, d)
		}
	}
	if records != 12 {
		t.Errorf("%d records generated, want 12", records)
	}
	share := 100 * float64(speeches-split) / float64(speeches)
	t.Logf("%d records, %d speeches: paragraphs right in %.2f%%", records, speeches, share)
	if share < 99.5 {
		t.Errorf("paragraphs right in %.2f%% of speeches, want ≥ 99.5%%", share)
	}
}

func joinParagraphTexts(ps []corpus.Paragraph) string {
	var texts []string
	for _, p := range ps {
		texts = append(texts, p.Text)
	}
	return strings.Join(texts, " ")
}

// equalParagraphs compares the division into paragraphs, pages aside.
func equalParagraphs(a, b []corpus.Paragraph) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i].N != b[i].N || a[i].Text != b[i].Text {
			return false
		}
	}
	return true
}
