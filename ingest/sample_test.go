package ingest

import (
	"fmt"
	"io/fs"
	"reflect"
	"slices"
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
			doc, err := TextDocument(data)
			if err != nil {
				t.Fatal(err)
			}
			got, err := Parse(doc)
			if err != nil {
				t.Fatal(err)
			}
			for _, d := range diffRecords(got, w) {
				t.Error(d)
			}
		})
	}
}
