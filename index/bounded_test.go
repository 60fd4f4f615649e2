package index

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/scdebate/scdebate/corpus"
	"github.com/scdebate/scdebate/index/indextest"
)

// longParagraph makes the first paragraph of the first English speech of
// docs n bytes long, with text in one line, as a record written elsewhere
// may hold it, and returns that paragraph's ID and text.
func longParagraph(t testing.TB, docs []indextest.Doc, sentence string, n int) (string, string) {
	t.Helper()
	for _, d := range docs {
		if d.Record.Language != "en" {
			continue
		}
		for i := range d.Record.Speeches {
			sp := &d.Record.Speeches[i]
			if len(sp.Paragraphs) > 0 {
				sp.Paragraphs[0].Text = strings.TrimSpace(strings.Repeat(sentence, n/len(sentence)))
				return PassageID(RecordKey(d.Record), sp.Seq, sp.Paragraphs[0].N), sp.Paragraphs[0].Text
			}
		}
	}
	t.Fatal("no English speech")
	return "", ""
}

// TestLongParagraphIndexedInPieces indexes a paragraph of a megabyte: it
// is searched and shown in pieces of at most corpus.MaxParagraphBytes,
// numbered in order, the first with the paragraph's own ID, which
// together hold its whole text; each piece found is highlighted, and its
// language versions are found from it.
func TestLongParagraphIndexedInPieces(t *testing.T) {
	docs := indextest.Generate(indextest.Options{Seed: 4, Paragraphs: 300, Versions: []string{"fr"}, VersionsEvery: 1})
	const sentence = "The Council must be accountable to the membership and open about the zebraveto. "
	id, text := longParagraph(t, docs, sentence, 1<<20)
	ix := openIndex(t, buildWorkspace(t, docs))

	var pieces []string
	for from := 0; ; from += MaxPageSize {
		res, err := ix.Search(context.Background(), &Request{Query: "zebraveto", Size: MaxPageSize, From: from, Sort: SortDateAsc, Highlight: true})
		if err != nil {
			t.Fatal(err)
		}
		for _, h := range res.Hits {
			if len(h.Text) > corpus.MaxParagraphBytes {
				t.Fatalf("passage %s of %d bytes", h.ID, len(h.Text))
			}
			if h.Piece != len(pieces)+1 {
				t.Fatalf("passage %s is piece %d after %d pieces", h.ID, h.Piece, len(pieces))
			}
			if want := id; h.Piece > 1 {
				want = fmt.Sprintf("%s.%d", id, h.Piece)
				if h.ID != want {
					t.Fatalf("piece %d has ID %s, want %s", h.Piece, h.ID, want)
				}
			} else if h.ID != want {
				t.Fatalf("the first piece has ID %s, want %s", h.ID, want)
			}
			if !strings.Contains(h.Fragment.HTML(), "<mark>zebraveto</mark>") {
				t.Fatalf("piece %d: fragment %q", h.Piece, h.Fragment.HTML())
			}
			pieces = append(pieces, h.Text)
		}
		if len(res.Hits) < MaxPageSize {
			break
		}
	}
	if len(pieces) < 100 {
		t.Fatalf("%d passages found, want the paragraph in pieces", len(pieces))
	}
	if strings.Join(pieces, " ") != text {
		t.Error("the pieces do not hold the paragraph's text")
	}

	second := id + ".2"
	p, err := ix.Passage(context.Background(), second)
	if err != nil || p.Piece != 2 {
		t.Fatalf("Passage(%s) = %+v, %v", second, p, err)
	}
	counterparts, err := ix.Counterparts(context.Background(), second)
	if err != nil {
		t.Fatal(err)
	}
	if len(counterparts) != 1 || counterparts[0].Language != "fr" || counterparts[0].N != p.N {
		t.Errorf("counterparts of %s: %+v", second, counterparts)
	}
}

// BenchmarkHighlightDenseText searches, with highlighting, a corpus one
// of whose paragraphs is the searched word over and over, a megabyte of
// it: the highlighter scores every place of a term against every other,
// so each passage's places are bounded.
func BenchmarkHighlightDenseText(b *testing.B) {
	docs := indextest.Generate(indextest.Options{Seed: 4, Paragraphs: 300})
	longParagraph(b, docs, "zebraveto ", 1<<20)
	ix := openIndex(b, buildWorkspace(b, docs))
	req := &Request{Query: "zebraveto", Size: 20, Highlight: true}
	b.ReportAllocs()
	for b.Loop() {
		res, err := ix.Search(context.Background(), req)
		if err != nil || len(res.Hits) != 20 {
			b.Fatal(len(res.Hits), err)
		}
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "queries/s")
}

// TestFirstPieces counts a paragraph in pieces once, whether the index or
// ingest cut it (corpus.Paragraph.Part).
func TestFirstPieces(t *testing.T) {
	docs := indextest.Generate(indextest.Options{Seed: 4, Paragraphs: 300})
	longParagraph(t, docs, "The zebraveto must be accountable to the membership. ", 100<<10)
	// Ingest's parts: consecutive paragraphs numbered by Part.
	var parted *corpus.Record
	for _, d := range docs {
		if d.Record.Language == "en" && len(d.Record.Speeches) > 1 && len(d.Record.Speeches[1].Paragraphs) >= 3 {
			parted = d.Record
			break
		}
	}
	for i := range 3 {
		p := &parted.Speeches[1].Paragraphs[i]
		p.Text, p.Part = fmt.Sprintf("Part %d of a long zebraveto paragraph.", i+1), i+1
	}
	ix := openIndex(t, buildWorkspace(t, docs))
	count := func(first bool) uint64 {
		res, err := ix.Search(context.Background(), &Request{Query: "zebraveto", FirstPieces: first})
		if err != nil {
			t.Fatal(err)
		}
		return res.Total
	}
	all, first := count(false), count(true)
	if first != 2 || all < 12 {
		t.Errorf("%d passages, %d first pieces; want 2 paragraphs in pieces", all, first)
	}
}

// TestUpdateStopsOnFailedWrite has bleve report a background write that
// failed for want of room, as it does on a full disk (and then retries for
// ever), while a rebuild runs: the rebuild stops with a
// *corpus.NoSpaceError naming the workspace, leaves nothing of itself
// behind, and the generation in force goes on answering.
func TestUpdateStopsOnFailedWrite(t *testing.T) {
	docs := indextest.Generate(indextest.Options{Seed: 8, Paragraphs: 600})
	ws := buildWorkspace(t, docs)
	ix := openIndex(t, ws)
	before, err := ix.Search(context.Background(), &Request{Query: "veto"})
	if err != nil {
		t.Fatal(err)
	}
	dir := ws.Path(corpus.IndexDir)
	cur, err := readCurrent(dir)
	if err != nil {
		t.Fatal(err)
	}
	building := filepath.Join(dir, genName(2))
	reported := false
	opts := Options{Rebuild: true, BatchSize: 50, OnProgress: func(p corpus.Progress) {
		if p.Done == p.Total/2 && !reported {
			reported = true
			reportWriteError(fmt.Errorf("merging err: write %s: %w", filepath.Join(building, bleveDir, "store", "000000000004.zap"), syscall.ENOSPC), filepath.Join(building, bleveDir, "store"))
		}
	}}
	_, err = Update(context.Background(), indextest.Lock(t, ws), opts)
	var ns *corpus.NoSpaceError
	if !errors.As(err, &ns) || ns.Workspace != ws.Dir || ns.Need <= 0 || !strings.Contains(err.Error(), "workspace "+ws.Dir) {
		t.Fatalf("Update = %v, want a *corpus.NoSpaceError naming the workspace and the room needed", err)
	}
	if now, err := readCurrent(dir); err != nil || now != cur {
		t.Errorf("CURRENT is %q (%v), want %q", now, err, cur)
	}
	if _, err := os.Stat(building); !os.IsNotExist(err) {
		t.Errorf("the failed generation is left behind (%v)", err)
	}
	after, err := ix.Search(context.Background(), &Request{Query: "veto"})
	if err != nil || after.Total != before.Total || after.Generation != before.Generation {
		t.Errorf("after the failed rebuild: %v passages of %s (%v), want %d of %s", after.Total, after.Generation, err, before.Total, before.Generation)
	}
	// With room again, the next update completes.
	if _, err := Update(context.Background(), indextest.Lock(t, ws), Options{Rebuild: true}); err != nil {
		t.Fatal(err)
	}
}
