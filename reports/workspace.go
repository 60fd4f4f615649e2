package reports

import (
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/scdebate/scdebate/analysis"
	"github.com/scdebate/scdebate/corpus"
)

// header is what a report needs to know of a stored record before reading
// it whole: enough to choose, order and pair the language versions.
type header struct {
	path     string
	Symbol   string        `json:"symbol"`
	Kind     string        `json:"kind"`
	Language string        `json:"language"`
	Session  *int          `json:"session"`
	Meeting  *int          `json:"meeting"`
	Date     string        `json:"date"`
	Source   corpus.Source `json:"source"`
	// Agenda is read to select records by debate.
	Agenda []corpus.AgendaItem `json:"agenda_items"`
}

// readHeader reads the fields of a record that come before its speeches,
// and stops there: the speeches are most of the file. (A record written
// with its fields in another order is read on past them.)
func readHeader(path string) (*header, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	h := &header{path: path}
	dec := json.NewDecoder(f)
	if tok, err := dec.Token(); err != nil || tok != json.Delim('{') {
		return nil, fmt.Errorf("record %s: not a JSON object", path)
	}
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return nil, fmt.Errorf("record %s: %w", path, err)
		}
		key, _ := tok.(string)
		var dst any
		switch key {
		case "speeches":
			if h.Language != "" && h.Source.SHA256 != "" {
				return h, nil
			}
			dst = new(json.RawMessage)
		case "symbol":
			dst = &h.Symbol
		case "kind":
			dst = &h.Kind
		case "language":
			dst = &h.Language
		case "session":
			dst = &h.Session
		case "meeting":
			dst = &h.Meeting
		case "date":
			dst = &h.Date
		case "source":
			dst = &h.Source
		case "agenda_items":
			dst = &h.Agenda
		default:
			dst = new(json.RawMessage)
		}
		if err := dec.Decode(dst); err != nil {
			return nil, fmt.Errorf("record %s: field %s: %w", path, key, err)
		}
	}
	return h, nil
}

func (h *header) key() string {
	if h.Symbol != "" {
		return h.Symbol
	}
	return h.Kind + "|" + h.Date + "|" + h.Source.SHA256
}

// selection is the records of a workspace a report covers, in order.
type selection struct {
	docs  []selected
	total int
}

type selected struct {
	h           *header
	counterpart *header
	baseline    bool
}

// selectWorkspace chooses the records of ws that opts covers: one language
// version per document, in session, date and meeting order, paired with
// its counterpart version; the previous session as a baseline when it is
// not itself in scope. Without opts.Taxonomy, it finds the taxonomy the
// annotations were written under.
func selectWorkspace(ctx context.Context, ws *corpus.Workspace, opts *Options) (*selection, error) {
	paths, err := ws.Records().List()
	if err != nil {
		return nil, fmt.Errorf("report: list records: %w", err)
	}
	versions := map[string][]*header{}
	var keys []string
	for _, p := range paths {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		h, err := readHeader(p)
		if err != nil {
			if opts.OnError == nil {
				return nil, err
			}
			opts.OnError(p, err)
			continue
		}
		if !opts.agendaKept(h.Agenda) {
			continue
		}
		k := h.key()
		if versions[k] == nil {
			keys = append(keys, k)
		}
		versions[k] = append(versions[k], h)
	}
	var chosen []selected
	for _, k := range keys {
		vs := versions[k]
		var best, counter *header
		for _, h := range vs {
			if opts.languageKept(h.Language) && (best == nil || opts.languageRank(h.Language) < opts.languageRank(best.Language)) {
				best = h
			}
			if opts.Counterpart != "" && h.Language == opts.Counterpart {
				counter = h
			}
		}
		if best == nil {
			continue
		}
		if counter == best {
			counter = nil
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
// read goes to opts.OnError and is skipped; without OnError it ends the
// iteration with its error.
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
		defer cancel()
		ch := make(chan loaded, readAhead)
		go func() {
			defer close(ch)
			for _, s := range sel.docs {
				if ctx.Err() != nil {
					return
				}
				doc, err := loadDocument(ws, s, hash)
				select {
				case ch <- loaded{doc, s.h.path, err}:
				case <-ctx.Done():
					return
				}
			}
		}()
		for l := range ch {
			if err := ctx.Err(); err != nil {
				yield(nil, err)
				return
			}
			if l.err != nil {
				if opts.OnError == nil {
					yield(nil, l.err)
					return
				}
				opts.OnError(l.path, l.err)
				continue
			}
			if l.doc.counterpartErr != nil {
				// The passage beside is a convenience: with an error
				// callback the document is still reported without it.
				if opts.OnError == nil {
					yield(nil, l.doc.counterpartErr)
					return
				}
				opts.OnError(l.doc.counterpartPath, l.doc.counterpartErr)
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

func loadDocument(ws *corpus.Workspace, s selected, hash string) (*Document, error) {
	rec, err := corpus.Load(s.h.path)
	if err != nil {
		return nil, err
	}
	doc := &Document{Record: rec, Key: strings.TrimSuffix(filepath.Base(s.h.path), ".json"), Baseline: s.baseline}
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
		cp, err := corpus.Load(s.counterpart.path)
		if err != nil {
			doc.counterpartErr, doc.counterpartPath = err, s.counterpart.path
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
