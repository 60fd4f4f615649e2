package ingest

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/scdebate/scdebate/corpus"
	"github.com/scdebate/scdebate/ingest/layout"
)

// fakeExtractor stands in for the PDF extractor.
type fakeExtractor func(ctx context.Context, path string) (*layout.Document, error)

func (f fakeExtractor) Extract(ctx context.Context, path string) (*layout.Document, error) {
	return f(ctx, path)
}

// writeFile writes a file under dir and returns its path.
func writeFile(t *testing.T, dir, name string, data []byte) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func readFixture(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "text", name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// snapshot lists the files of the corpus with their contents.
func snapshot(t *testing.T, ws *corpus.Workspace) map[string]string {
	t.Helper()
	out := map[string]string{}
	entries, err := os.ReadDir(ws.Path(corpus.RecordsDir))
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		b, err := os.ReadFile(ws.Path(corpus.RecordsDir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		out[e.Name()] = string(b)
	}
	return out
}

func TestIngestBadInputs(t *testing.T) {
	in := t.TempDir()
	good := writeFile(t, in, "good/modern.txt", readFixture(t, "modern.txt"))
	huge := filepath.Join(in, "huge.txt")
	f, err := os.Create(huge)
	if err != nil {
		t.Fatal(err)
	}
	// A 100 MB text file, sparse so the test stays small on disk.
	if err := f.Truncate(100 << 20); err != nil {
		t.Fatal(err)
	}
	f.Close()
	bad := map[string]struct {
		data   []byte
		reason string
	}{
		"zero.pdf":         {nil, "empty file"},
		"zero.txt":         {nil, "empty file"},
		"zip-renamed.pdf":  {[]byte("PK\x03\x04\x14\x00\x00\x00\x08\x00rest of a zip"), "not a PDF: a ZIP archive"},
		"text-renamed.pdf": {[]byte("just some words\n"), "not a PDF: no %PDF header"},
		"latin1.txt":       {[]byte("Le Pr\xe9sident : la s\xe9ance est ouverte.\n"), "not valid UTF-8"},
		"binary.txt":       {[]byte("\x00\x01\x02binary"), "not valid UTF-8"},
		"minutes.txt":      {[]byte("Minutes of the residents association\nMr. Smith said hello.\n"), "not a verbatim record"},
		"notes.docx":       {[]byte("PK\x03\x04"), "unsupported file type"},
		"encrypted.pdf":    {[]byte("%PDF-1.4\n"), "encrypted"},
		"image-only.pdf":   {[]byte("%PDF-1.4\n"), "no text"},
	}
	var paths []string
	for name, b := range bad {
		paths = append(paths, writeFile(t, in, name, b.data))
	}
	paths = append(paths, huge, filepath.Join(in, "missing.txt"), filepath.Join(in, "good"))
	ex := fakeExtractor(func(_ context.Context, path string) (*layout.Document, error) {
		switch filepath.Base(path) {
		case "encrypted.pdf":
			return nil, errors.New("encrypted PDF: a password is needed")
		case "image-only.pdf":
			return &layout.Document{Pages: []layout.Page{{N: 1}, {N: 2}}}, nil
		}
		return nil, errors.New("unexpected PDF")
	})

	ws, err := corpus.OpenWorkspace(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	var failed []string
	res, err := ingestInto(t, context.Background(), ws, paths, Options{
		Extractor: ex,
		Workers:   3,
		OnError: func(path string, err error) error {
			if !strings.HasPrefix(err.Error(), path) {
				t.Errorf("the error about %s does not name it: %v", path, err)
			}
			failed = append(failed, err.Error())
			return nil
		},
	})
	if err != nil {
		t.Fatal(err)
	}
	wantFailed := len(bad) + 2 // the huge file and the missing one
	if res.Written != 1 || res.Failed != wantFailed || res.Total != wantFailed+1 || len(failed) != wantFailed {
		t.Fatalf("result %+v, failures %q", res, failed)
	}
	reasons := map[string]string{"huge.txt": "too large", "missing.txt": "no such file"}
	for name, b := range bad {
		reasons[name] = b.reason
	}
	for _, fe := range res.Failures {
		msg := fe.Error()
		name := filepath.Base(fe.Path)
		if strings.Contains(msg, "\n") || !strings.HasPrefix(msg, fe.Path+": ") || !strings.Contains(msg, reasons[name]) {
			t.Errorf("failure for %s = %q, want one line naming the file and %q", name, msg, reasons[name])
		}
	}
	recs := snapshot(t, ws)
	if len(recs) != 1 || recs["A_77_PV.12.en.json"] == "" {
		t.Errorf("corpus holds %d records: %v", len(recs), keys(recs))
	}
	if _, err := os.Stat(good); err != nil {
		t.Fatal(err)
	}
}

func keys(m map[string]string) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}

func TestIngestSkipsKnownContent(t *testing.T) {
	in := t.TempDir()
	a := writeFile(t, in, "a/modern.txt", readFixture(t, "modern.txt"))
	writeFile(t, in, "b/copy.txt", readFixture(t, "modern.txt"))
	writeFile(t, in, "b/.hidden.txt", []byte("ignored"))
	writeFile(t, in, "b/readme.md", []byte("ignored"))
	ws, err := corpus.OpenWorkspace(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	res, err := ingestInto(t, context.Background(), ws, []string{in}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if res.Total != 2 || res.Written != 1 || res.Unchanged != 1 || res.Failed != 0 {
		t.Fatalf("first run %+v", res)
	}
	before := snapshot(t, ws)
	var progress []corpus.Progress
	res, err = ingestInto(t, context.Background(), ws, []string{a}, Options{OnProgress: func(p corpus.Progress) {
		progress = append(progress, p)
	}})
	if err != nil {
		t.Fatal(err)
	}
	if res.Unchanged != 1 || res.Written != 0 || len(progress) != 1 || progress[0] != (corpus.Progress{Done: 1, Total: 1, Item: a}) {
		t.Errorf("second run %+v, progress %+v", res, progress)
	}
	after := snapshot(t, ws)
	if len(after) != len(before) || after["A_77_PV.12.en.json"] != before["A_77_PV.12.en.json"] {
		t.Error("a skipped file changed the corpus")
	}
}

// TestIngestReportsReplacedRecords checks that a document with the symbol
// and language of a stored record but other content (a corrected reissue)
// takes its place and is reported, and that the old content is then no
// longer taken for being in the corpus.
func TestIngestReportsReplacedRecords(t *testing.T) {
	in := t.TempDir()
	original := readFixture(t, "modern.txt")
	old := writeFile(t, in, "old/modern.txt", original)
	corrected := writeFile(t, in, "new/modern.txt", append(append([]byte(nil), original...), "\n"...))
	ws, err := corpus.OpenWorkspace(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	steps := []struct {
		name     string
		path     string
		stored   int
		replaced string // the document reported as replacing, if any
	}{
		{"first", old, 1, ""},
		{"again", old, 0, ""},
		{"corrected", corrected, 1, corrected},
		{"original back", old, 1, old},
	}
	for _, st := range steps {
		res, err := ingestInto(t, context.Background(), ws, []string{st.path}, Options{})
		if err != nil {
			t.Fatalf("%s: %v", st.name, err)
		}
		if res.Written != st.stored || res.Failed != 0 {
			t.Fatalf("%s: %+v, want %d stored", st.name, res, st.stored)
		}
		switch {
		case st.replaced == "" && len(res.Replaced) != 0:
			t.Fatalf("%s: replaced %+v, want none", st.name, res.Replaced)
		case st.replaced != "" && (len(res.Replaced) != 1 || res.Replaced[0].Path != st.replaced ||
			filepath.Base(res.Replaced[0].Record) != "A_77_PV.12.en.json" || len(res.Replaced[0].PreviousSHA256) != 64):
			t.Fatalf("%s: replaced %+v, want %s", st.name, res.Replaced, st.replaced)
		}
	}
	if got := snapshot(t, ws); len(got) != 1 {
		t.Fatalf("corpus holds %d records, want 1", len(got))
	}
}

// TestIngestKeepsReplacedVersion replaces a record by a damaged copy that
// still parses (a word changed, as a flipped byte does): the report says
// how much it differs, the good version is kept in the workspace, and
// restoring it brings back the record as it was.
func TestIngestKeepsReplacedVersion(t *testing.T) {
	in := t.TempDir()
	original := readFixture(t, "modern.txt")
	speech := bytes.Index(original, []byte("Mr. Kiboino"))
	at := speech + bytes.Index(original[speech:], []byte("Council"))
	damaged := append([]byte(nil), original...)
	copy(damaged[at:], "Cxuncil")
	ws, err := corpus.OpenWorkspace(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	if _, err := ingestInto(t, context.Background(), ws, []string{writeFile(t, in, "good/modern.txt", original)}, Options{}); err != nil {
		t.Fatal(err)
	}
	before := snapshot(t, ws)
	res, err := ingestInto(t, context.Background(), ws, []string{writeFile(t, in, "damaged/modern.txt", damaged)}, Options{})
	if err != nil || len(res.Replaced) != 1 {
		t.Fatalf("damaged copy: %+v, %v", res, err)
	}
	r := res.Replaced[0]
	if r.Kept == "" || r.Change.ParagraphsAdded != 1 || r.Change.ParagraphsRemoved != 1 || r.Change.SpeechesChanged != 1 || r.Change.Speeches != r.Change.SpeechesBefore {
		t.Errorf("replacement %+v: want the previous version kept and one paragraph of one speech changed", r)
	}
	lk, err := ws.Lock()
	if err != nil {
		t.Fatal(err)
	}
	restored, err := corpus.Restore(lk, r.Kept)
	lk.Unlock()
	if err != nil {
		t.Fatal(err)
	}
	after := snapshot(t, ws)
	if len(after) != 1 || after["A_77_PV.12.en.json"] != before["A_77_PV.12.en.json"] {
		t.Errorf("the restored record differs from the one the damaged copy replaced")
	}
	if restored.Kept == nil {
		t.Error("the damaged version was not kept in turn")
	}
}

func TestIngestDoesNotExtractKnownContent(t *testing.T) {
	doc, err := TextDocument(readFixture(t, "modern.txt"))
	if err != nil {
		t.Fatal(err)
	}
	calls := 0
	ex := fakeExtractor(func(context.Context, string) (*layout.Document, error) {
		calls++
		return &doc, nil
	})
	path := writeFile(t, t.TempDir(), "r.pdf", []byte("%PDF-1.5\n"))
	ws, err := corpus.OpenWorkspace(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	for i, want := range []corpus.Result{{Total: 1, Written: 1}, {Total: 1, Unchanged: 1}} {
		res, err := ingestInto(t, context.Background(), ws, []string{path}, Options{Extractor: ex, Workers: 1})
		if err != nil {
			t.Fatal(err)
		}
		if res.Result != want {
			t.Errorf("run %d: %+v, want %+v", i+1, res, want)
		}
	}
	if calls != 1 {
		t.Errorf("the PDF was extracted %d times, want once: stored content is skipped before extraction", calls)
	}
}

func TestIngestTimeLimit(t *testing.T) {
	in := t.TempDir()
	hang := writeFile(t, in, "hang.pdf", []byte("%PDF-1.7\n"))
	good := writeFile(t, in, "modern.txt", readFixture(t, "modern.txt"))
	ex := fakeExtractor(func(ctx context.Context, _ string) (*layout.Document, error) {
		<-ctx.Done()
		return nil, ctx.Err()
	})
	ws, err := corpus.OpenWorkspace(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	// The limit leaves the good document ample time even under the race
	// detector on a loaded machine; only the hanging one reaches it.
	res, err := ingestInto(t, context.Background(), ws, []string{hang, good}, Options{Extractor: ex, Timeout: 3 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	if res.Written != 1 || res.Failed != 1 || !strings.Contains(res.Failures[0].Error(), "hang.pdf") ||
		!errors.Is(res.Failures[0], context.DeadlineExceeded) && !strings.Contains(res.Failures[0].Error(), "time limit") {
		t.Errorf("result %+v, failures %v", res, res.Failures)
	}
}

// ingestInto runs Ingest on ws, holding its lock.
func ingestInto(t testing.TB, ctx context.Context, ws *corpus.Workspace, paths []string, opts Options) (*Result, error) {
	t.Helper()
	lk, err := ws.Lock()
	if err != nil {
		t.Fatal(err)
	}
	defer lk.Unlock()
	return Ingest(ctx, lk, paths, opts)
}

// TestIngestStopsOnError checks that an error returned by OnError stops
// the batch with that error, after the document that failed.
func TestIngestStopsOnError(t *testing.T) {
	ws, err := corpus.OpenWorkspace(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	stop := errors.New("stop here")
	var reported []string
	res, err := ingestInto(t, context.Background(), ws, []string{filepath.Join("testdata", "text")}, Options{
		Workers: 1,
		OnError: func(path string, err error) error {
			reported = append(reported, path)
			return fmt.Errorf("%s: %w", path, stop)
		},
	})
	if !errors.Is(err, stop) || len(reported) != 1 || res.Failed != 1 || !strings.Contains(err.Error(), "notarecord.txt") {
		t.Fatalf("Ingest = %+v, %v; reported %v; want it stopped at the one bad file", res, err, reported)
	}
	if res.Written+res.Unchanged+res.Failed >= res.Total {
		t.Errorf("every document was done (%+v): the batch did not stop", res)
	}
}

func TestIngestCancelled(t *testing.T) {
	ws, err := corpus.OpenWorkspace(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := ingestInto(t, ctx, ws, []string{filepath.Join("testdata", "text")}, Options{}); !errors.Is(err, context.Canceled) {
		t.Fatalf("Ingest with a cancelled context = %v", err)
	}
}

func TestParseFilePageErrors(t *testing.T) {
	doc, err := TextDocument(readFixture(t, "modern.txt"))
	if err != nil {
		t.Fatal(err)
	}
	doc.Pages = append(doc.Pages, layout.Page{N: 3, Err: "malformed hex string"})
	ex := fakeExtractor(func(context.Context, string) (*layout.Document, error) { return &doc, nil })
	path := writeFile(t, t.TempDir(), "r.pdf", []byte("%PDF-1.5\n"))
	rec, err := ParseFile(context.Background(), path, ex)
	if err != nil {
		t.Fatal(err)
	}
	if len(rec.PageErrors) != 1 || rec.PageErrors[0].Page != 3 || rec.Source.Pages != 3 || rec.Source.Format != FormatPDF || len(rec.Speeches) != 13 {
		t.Errorf("page errors %+v, source %+v, %d speeches", rec.PageErrors, rec.Source, len(rec.Speeches))
	}
}
