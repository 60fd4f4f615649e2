package reports

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"

	"github.com/scdebate/scdebate/analysis"
	"github.com/scdebate/scdebate/corpus"
)

// selection is the records of a workspace a report covers, in order.
type selection struct {
	docs  []selected
	total int
}

type selected struct {
	h           *corpus.Header
	counterpart *corpus.Header
	baseline    bool
}

// selectWorkspace chooses the records of ws that opts covers: one language
// version per document (corpus.Versions.Choose), in session, date and
// meeting order, paired with its counterpart version; the previous session
// as a baseline when it is not itself in scope. Without opts.Taxonomy, it
// finds the taxonomy the annotations were written under.
func selectWorkspace(ctx context.Context, ws *corpus.Workspace, opts *Options) (*selection, error) {
	docs, err := ws.Records().Documents(ctx, opts.OnError)
	if err != nil {
		return nil, fmt.Errorf("report: %w", err)
	}
	var chosen []selected
	for _, d := range docs {
		vs := slices.DeleteFunc(slices.Clone(d.Versions), func(h *corpus.Header) bool { return !opts.agendaKept(h.AgendaItems) })
		best := vs.Choose(opts.Languages)
		if best == nil {
			continue
		}
		var counter *corpus.Header
		if opts.Counterpart != "" && opts.Counterpart != best.Language {
			counter = vs.In(opts.Counterpart)
		}
		chosen = append(chosen, selected{h: best, counterpart: counter})
	}
	var sel selection
	latest := 0
	for _, c := range chosen {
		if opts.sessionInScope(c.h.Session) {
			sel.docs = append(sel.docs, c)
			if c.h.Session != nil {
				latest = max(latest, *c.h.Session)
			}
		}
	}
	sel.total = len(sel.docs)
	// The session before the latest one in scope gives the change figures;
	// when it is outside the scope its documents are read as a baseline.
	previous := 0
	for _, c := range chosen {
		if c.h.Session != nil && *c.h.Session < latest {
			previous = max(previous, *c.h.Session)
		}
	}
	if previous > 0 && !opts.sessionInScope(&previous) {
		for _, c := range chosen {
			if c.h.Session != nil && *c.h.Session == previous {
				c.baseline = true
				sel.docs = append(sel.docs, c)
			}
		}
	}
	slices.SortStableFunc(sel.docs, func(a, b selected) int {
		return cmp.Or(
			compareNullable(a.h.Session, b.h.Session),
			cmp.Compare(a.h.Date, b.h.Date),
			compareNullable(a.h.Meeting, b.h.Meeting),
			cmp.Compare(a.h.Symbol, b.h.Symbol),
		)
	})
	if opts.Taxonomy == nil {
		hash, err := discoverTaxonomy(ws, sel.docs)
		if err != nil {
			return nil, err
		}
		opts.annotationHash = hash
	}
	return &sel, nil
}

// compareNullable orders absent numbers last.
func compareNullable(a, b *int) int {
	switch {
	case a == nil && b == nil:
		return 0
	case a == nil:
		return 1
	case b == nil:
		return -1
	}
	return cmp.Compare(*a, *b)
}

// discoverTaxonomy picks the hash of the taxonomy the selected records
// were coded with: the built-in taxonomy's when any record was coded with
// it, or else the one most records were coded with (ties go to the most
// recently written annotations). "" means no record was coded.
func discoverTaxonomy(ws *corpus.Workspace, docs []selected) (string, error) {
	want := map[string]bool{}
	for _, d := range docs {
		want[d.h.Source.SHA256] = true
	}
	entries, err := os.ReadDir(ws.Path(corpus.AnnotationsDir))
	if errors.Is(err, os.ErrNotExist) {
		return "", nil
	}
	if err != nil {
		return "", fmt.Errorf("report: list annotations: %w", err)
	}
	type tally struct {
		n      int
		latest int64
	}
	by := map[string]*tally{}
	for _, e := range entries {
		name, ok := strings.CutSuffix(e.Name(), ".json")
		if !ok || strings.HasPrefix(name, ".") {
			continue
		}
		sha, hash, ok := strings.Cut(name, ".")
		if !ok || !want[sha] {
			continue
		}
		t := by[hash]
		if t == nil {
			t = &tally{}
			by[hash] = t
		}
		t.n++
		if info, err := e.Info(); err == nil {
			t.latest = max(t.latest, info.ModTime().UnixNano())
		}
	}
	if tx, err := defaultTaxonomy(); err == nil && by[tx.Hash()] != nil {
		return tx.Hash(), nil
	}
	best := ""
	for h, t := range by {
		if b := by[best]; best == "" || t.n > b.n || (t.n == b.n && t.latest > b.latest) || (t.n == b.n && t.latest == b.latest && h < best) {
			best = h
		}
	}
	return best, nil
}

// readAhead is how many documents are decoded ahead of the writer: JSON
// decoding then runs on another core while the workbook is written, and
// memory holds only a few documents more.
const readAhead = 2

// documents reads the selected records in order with their annotations
// and counterparts, decoding ahead of the consumer. A record that cannot be
// read goes to opts.OnError and is skipped, or ends the iteration with the
// error OnError returns.
func (sel *selection) documents(ctx context.Context, ws *corpus.Workspace, opts *Options) Documents {
	hash := opts.annotationHash
	if opts.Taxonomy != nil {
		hash = opts.Taxonomy.Hash()
	}
	type loaded struct {
		doc  *Document
		path string
		err  error
	}
	return func(yield func(*Document, error) bool) {
		ctx, cancel := context.WithCancel(ctx)
		// The reader is waited for: once the iteration ends, no record is
		// being decoded for it.
		var reader sync.WaitGroup
		defer reader.Wait()
		defer cancel()
		ch := make(chan loaded, readAhead)
		reader.Go(func() {
			defer close(ch)
			for _, s := range sel.docs {
				if ctx.Err() != nil {
					return
				}
				doc, err := loadDocument(ctx, ws, s, hash)
				select {
				case ch <- loaded{doc, s.h.Path, err}:
				case <-ctx.Done():
					return
				}
			}
		})
		for l := range ch {
			if err := ctx.Err(); err != nil {
				yield(nil, err)
				return
			}
			if l.err != nil {
				if err := opts.OnError.Report(l.path, l.err); err != nil {
					yield(nil, err)
					return
				}
				continue
			}
			// The passage beside is a convenience: the document is still
			// reported without it, unless OnError says to stop.
			if l.doc.counterpartErr != nil {
				if err := opts.OnError.Report(l.doc.counterpartPath, l.doc.counterpartErr); err != nil {
					yield(nil, err)
					return
				}
			}
			if !yield(l.doc, nil) {
				return
			}
		}
		if err := ctx.Err(); err != nil {
			yield(nil, err)
		}
	}
}

func loadDocument(ctx context.Context, ws *corpus.Workspace, s selected, hash string) (*Document, error) {
	rec, err := corpus.Load(ctx, s.h.Path)
	if err != nil {
		return nil, err
	}
	doc := &Document{Record: rec, Key: strings.TrimSuffix(filepath.Base(s.h.Path), ".json"), Baseline: s.baseline}
	if hash != "" && rec.Source.SHA256 != "" {
		ann, err := analysis.ReadAnnotation(ws, rec.Source.SHA256, hash)
		switch {
		case err == nil:
			doc.Annotation = ann
		case errors.Is(err, os.ErrNotExist):
		default:
			return nil, err
		}
	}
	if s.counterpart != nil && !s.baseline {
		cp, err := corpus.Load(ctx, s.counterpart.Path)
		if err != nil {
			doc.counterpartErr, doc.counterpartPath = err, s.counterpart.Path
		} else {
			doc.Counterpart = cp
		}
	}
	return doc, nil
}

// WorkbookSpace is about how much room the follow-up workbook of the whole
// workspace takes: half the size of its records (a 46 MB workbook for 91
// MB of records).
func WorkbookSpace(ws *corpus.Workspace) int64 {
	return corpus.DirSize(ws.Path(corpus.RecordsDir)) / 2
}
