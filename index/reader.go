package index

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"sync"
	"sync/atomic"
	"time"

	"github.com/blevesearch/bleve/v2"

	"github.com/scdebate/scdebate/corpus"
)

// Index is a read-only view of a workspace's index that follows updates:
// when `scdebate index` switches to a new generation, the next search uses
// it, while searches already running finish on the old one. It is safe for
// concurrent use.
type Index struct {
	dir string
	// refresh is how often CURRENT is checked for a new generation.
	refresh time.Duration

	mu      sync.Mutex
	gen     *generation
	checked time.Time
	closed  bool
}

type generation struct {
	name string
	idx  bleve.Index
	info Info
	refs atomic.Int64
	// cols are loaded in the background once the generation is open;
	// until they are (or if loading fails), bleve counts the facets and
	// orders by date itself, with the same results.
	cols   atomic.Pointer[columns]
	loaded chan struct{} // closed when loading ends
	stop   context.CancelFunc
}

func (g *generation) release() {
	if g.refs.Add(-1) == 0 {
		g.idx.Close()
	}
}

// retire releases the index's reference to a generation it no longer
// uses, stopping the loading of its columns.
func (g *generation) retire() {
	g.stop()
	g.release()
}

// columns returns the columns loaded so far, never nil.
func (g *generation) columns() *columns {
	if c := g.cols.Load(); c != nil {
		return c
	}
	return &columns{}
}

// Open opens the index of a workspace for searching. The index need not
// exist yet: searches return ErrNoIndex until it does.
func Open(ws *corpus.Workspace) (*Index, error) {
	ix := &Index{dir: ws.Path(corpus.IndexDir), refresh: 250 * time.Millisecond}
	g, err := ix.acquire()
	if err != nil && !errors.Is(err, ErrNoIndex) {
		return nil, err
	}
	if g != nil {
		g.release()
	}
	return ix, nil
}

// Close releases the index; searches under way finish first.
func (ix *Index) Close() error {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	ix.closed = true
	if ix.gen != nil {
		ix.gen.retire()
		ix.gen = nil
	}
	return nil
}

// Info describes the generation in use.
func (ix *Index) Info() (Info, error) {
	g, err := ix.acquire()
	if err != nil {
		return Info{}, err
	}
	defer g.release()
	return g.info, nil
}

// acquire returns the current generation with a reference the caller
// releases, switching to a newer generation if one was committed.
func (ix *Index) acquire() (*generation, error) {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	if ix.closed {
		return nil, errors.New("index is closed")
	}
	if ix.gen == nil || time.Since(ix.checked) >= ix.refresh {
		ix.checked = time.Now()
		name, err := readCurrent(ix.dir)
		switch {
		case err != nil && ix.gen == nil:
			return nil, err
		case err == nil && name == "" && ix.gen == nil:
			return nil, ErrNoIndex
		case err == nil && name != "" && (ix.gen == nil || name != ix.gen.name):
			g, err := openGeneration(ix.dir, name)
			if err != nil && ix.gen == nil {
				return nil, err
			}
			if err == nil {
				if ix.gen != nil {
					ix.gen.retire()
				}
				ix.gen = g
			}
		}
	}
	ix.gen.refs.Add(1)
	return ix.gen, nil
}

// acquireFor validates req and then acquires the current generation.
func (ix *Index) acquireFor(req *Request) (*generation, error) {
	if err := req.Validate(); err != nil {
		return nil, err
	}
	return ix.acquire()
}

func openGeneration(dir, name string) (*generation, error) {
	g := &generation{name: name}
	if err := loadJSON(filepath.Join(dir, name, infoFile), &g.info); err != nil {
		return nil, fmt.Errorf("index %s: %w", name, err)
	}
	if g.info.Schema != schemaVersion {
		return nil, fmt.Errorf("index %s was built by another version of scdebate (schema %d, want %d); run `scdebate index` to rebuild it", name, g.info.Schema, schemaVersion)
	}
	idx, err := bleve.OpenUsing(filepath.Join(dir, name, bleveDir), map[string]any{"read_only": true})
	if err != nil {
		return nil, fmt.Errorf("index %s: open: %w", name, err)
	}
	g.idx = idx
	g.refs.Store(2) // the index's reference and the loader's
	g.loaded = make(chan struct{})
	ctx, stop := context.WithCancel(context.Background())
	g.stop = stop
	go func() {
		defer g.release()
		defer close(g.loaded)
		// An error leaves the searches to bleve alone; bleve reports it
		// to them if it is the index's.
		_ = loadColumns(ctx, idx, func(c *columns) { g.cols.Store(c) })
	}()
	return g, nil
}
