package pipeline

import (
	"cmp"
	"context"
	"slices"
	"strings"

	"github.com/scdebate/scdebate/analysis"
	"github.com/scdebate/scdebate/corpus"
	"github.com/scdebate/scdebate/index"
)

// Facts sum up the corpus of a workspace for the run's summary. A document
// held in several languages is counted once, in the version the workbook
// uses (corpus.Versions.Choose), so that the figures match it.
type Facts struct {
	Records      int            `json:"records"`
	Languages    map[string]int `json:"languages"`
	Documents    int            `json:"documents"`
	Samples      int            `json:"samples"`
	FirstSession int            `json:"first_session,omitempty"`
	LastSession  int            `json:"last_session,omitempty"`
	Speeches     int            `json:"speeches"`
	Paragraphs   int            `json:"paragraphs"`
	// Coded counts the paragraphs coded with at least one theme: the rows
	// of the workbook's Comments sheet.
	Coded     int `json:"coded"`
	Proposals int `json:"proposals"`
	// States counts the states that spoke in their own voice; Groups the
	// groups spoken for.
	States int          `json:"states"`
	Groups int          `json:"groups"`
	Themes []ThemeCount `json:"themes"`
	// TopQuery is a term of the most raised theme, for the summary's
	// example search.
	TopQuery string `json:"top_query,omitempty"`
}

// ThemeCount is how many paragraphs a theme codes.
type ThemeCount struct {
	ID         string `json:"id"`
	Paragraphs int    `json:"paragraphs"`
}

// collectFacts reads the records of ws, one language version per document,
// with their annotations under tx, and tallies them.
func collectFacts(ctx context.Context, ws *corpus.Workspace, tx *analysis.Taxonomy) (*Facts, error) {
	t := newTally()
	docs, err := ws.Records().Documents(ctx, func(string, error) error {
		t.facts.Records++ // the stages have reported it
		return nil
	})
	if err != nil {
		return nil, err
	}
	for _, d := range docs {
		for _, h := range d.Versions {
			t.facts.Records++
			t.facts.Languages[cmp.Or(h.Language, "und")]++
		}
	}
	for _, d := range docs {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		rec, err := corpus.Load(ctx, d.Versions.Choose(nil).Path)
		if err != nil {
			continue // the stages have reported it
		}
		ann, _ := analysis.ReadAnnotation(ws, rec.Source.SHA256, tx.Hash())
		t.add(rec, ann)
	}
	facts := t.done()
	if len(facts.Themes) > 0 {
		facts.TopQuery, err = exampleQuery(ctx, ws, tx, facts.Themes[0].ID)
		if err != nil {
			return nil, err
		}
	}
	return facts, nil
}

// tally counts documents into Facts, one document (a record and its
// annotation, nil when it has none) at a time; the states, groups and
// themes as the workbook counts them (analysis.Tally).
type tally struct {
	facts  *Facts
	counts *analysis.Tally
}

func newTally() *tally {
	return &tally{facts: &Facts{Languages: map[string]int{}}, counts: analysis.NewTally()}
}

func (t *tally) add(rec *corpus.Record, ann *analysis.Annotation) {
	f := t.facts
	f.Documents++
	if rec.Sample {
		f.Samples++
	}
	if rec.Session != nil {
		s := *rec.Session
		if f.FirstSession == 0 || s < f.FirstSession {
			f.FirstSession = s
		}
		f.LastSession = max(f.LastSession, s)
	}
	f.Speeches += len(rec.Speeches)
	t.counts.AddRecord(rec, ann)
}

// done returns the facts tallied, the themes most raised first.
func (t *tally) done() *Facts {
	f, c := t.facts, t.counts
	f.Paragraphs, f.Coded, f.Proposals = c.Passages(), c.Coded(), c.Proposals()
	f.States, f.Groups = c.StatesOwn(), len(c.Groups())
	for _, id := range c.Themes() {
		f.Themes = append(f.Themes, ThemeCount{ID: id, Paragraphs: c.Theme(id).Passages})
	}
	slices.SortStableFunc(f.Themes, func(a, b ThemeCount) int { return cmp.Compare(b.Paragraphs, a.Paragraphs) })
	return f
}

// exampleQuery is the search the summary suggests: of the English terms
// of a theme (phrases quoted), the one that finds most passages in the
// index. Hyphenated terms are left out: the analyzer splits them, so they
// would find their parts.
func exampleQuery(ctx context.Context, ws *corpus.Workspace, tx *analysis.Taxonomy, id string) (string, error) {
	th, ok := tx.Theme(id)
	if !ok {
		return "", nil
	}
	ix, err := index.Open(ws)
	if err != nil {
		return "", err
	}
	defer ix.Close()
	best, most := "", uint64(0)
	for _, term := range th.Terms["en"] {
		if strings.ContainsAny(term, "&\"*~-") {
			continue
		}
		q := term
		if strings.Contains(term, " ") {
			q = `"` + term + `"`
		}
		res, err := ix.Search(ctx, &index.Request{Query: q})
		if err != nil {
			return "", err
		}
		if res.Total > most {
			best, most = q, res.Total
		}
	}
	return best, nil
}
