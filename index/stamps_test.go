package index

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/scdebate/scdebate/analysis"
	"github.com/scdebate/scdebate/corpus"
	"github.com/scdebate/scdebate/index/indextest"
)

// TestUpdateWithNothingNewReadsNothing: an update that finds every record
// and annotation as the last one left them does not read them; a record
// rewritten as it was is read once and its stamp kept; a record or an
// annotation changed is indexed again.
func TestUpdateWithNothingNewReadsNothing(t *testing.T) {
	docs := indextest.Generate(indextest.Options{Seed: 5, Paragraphs: 300})
	ws := buildWorkspace(t, docs)
	update := func() *Stats {
		t.Helper()
		st, err := Update(context.Background(), indextest.Lock(t, ws), Options{})
		if err != nil {
			t.Fatal(err)
		}
		return st
	}
	first := update()
	if first.Unchanged != len(docs) || first.Written != 0 || first.Failed != 0 {
		t.Fatalf("again: %+v", first)
	}

	// Bytes of the same size overwritten in place, the modification time
	// put back: the stamp is the same, so the file is not read.
	path := filepath.Join(ws.Path(corpus.RecordsDir), corpus.FileName(docs[0].Record))
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	good, _ := os.ReadFile(path)
	f, err := os.OpenFile(path, os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	f.Write([]byte(strings.Repeat("x", int(fi.Size()))))
	f.Close()
	os.Chtimes(path, fi.ModTime(), fi.ModTime())
	if st := update(); st.Unchanged != len(docs) || st.Failed != 0 || st.Generation != first.Generation || st.InIndex != first.InIndex {
		t.Errorf("stamps unchanged: %+v", st)
	}

	// The same record written anew (a new file): read, found unchanged.
	if err := corpus.WriteFileAtomic(path, func(w io.Writer) error { _, err := w.Write(good); return err }); err != nil {
		t.Fatal(err)
	}
	if st := update(); st.Unchanged != len(docs) || st.Written != 0 || st.Generation != first.Generation {
		t.Errorf("record rewritten as it was: %+v", st)
	}
	// Its new stamp was kept: the next update reads nothing either.
	var s stamps
	if err := loadJSON(filepath.Join(ws.Path(corpus.IndexDir), first.Generation, stampsFile), &s); err != nil {
		t.Fatal(err)
	}
	if st, ok := unchangedSince(ws, ws.Path(corpus.IndexDir), first.Generation, Options{}); !ok || st.InIndex != first.InIndex {
		t.Errorf("stamps after the rewrite: %+v, %v", st, ok)
	}

	// An annotation changed is indexed again.
	ann := docs[1].Annotation
	ann.Speeches[0].Paragraphs[0].Themes = []string{"pandemic"}
	if err := analysis.WriteAnnotation(ws, ann); err != nil {
		t.Fatal(err)
	}
	if st := update(); st.Written != 1 || st.Unchanged != len(docs)-1 || st.Generation == first.Generation {
		t.Errorf("annotation changed: %+v", st)
	}
}
