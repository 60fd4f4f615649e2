package index

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/scdebate/scdebate/corpus"
	"github.com/scdebate/scdebate/index/indextest"
)

// TestRebuildRepairsDamagedCurrent: a CURRENT file damaged from outside
// stops updates and searches with a message saying what to do, and a
// rebuild repairs the index.
func TestRebuildRepairsDamagedCurrent(t *testing.T) {
	docs := indextest.Generate(indextest.Options{Seed: 3, Paragraphs: 60})
	ws := buildWorkspace(t, docs)
	want, err := Update(context.Background(), indextest.Lock(t, ws), Options{})
	if err != nil {
		t.Fatal(err)
	}
	current := filepath.Join(ws.Path(corpus.IndexDir), currentFile)
	if err := os.WriteFile(current, []byte("\x00\x00garbage"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Update(context.Background(), indextest.Lock(t, ws), Options{}); err == nil || !strings.Contains(err.Error(), "--rebuild") {
		t.Errorf("update over a damaged CURRENT: %v, want an error pointing to --rebuild", err)
	}
	if _, err := Open(ws); err == nil || !strings.Contains(err.Error(), "--rebuild") {
		t.Errorf("opening a damaged index: %v, want an error pointing to --rebuild", err)
	}
	st, err := Update(context.Background(), indextest.Lock(t, ws), Options{Rebuild: true})
	if err != nil {
		t.Fatalf("rebuild over a damaged CURRENT: %v", err)
	}
	if st.InIndex != want.InIndex {
		t.Errorf("rebuilt index holds %d passages, want %d", st.InIndex, want.InIndex)
	}
	ix := openIndex(t, ws)
	if res, err := ix.Search(context.Background(), &Request{}); err != nil || int(res.Total) != want.InIndex {
		t.Errorf("search after the rebuild: %v, %v", res, err)
	}
}
