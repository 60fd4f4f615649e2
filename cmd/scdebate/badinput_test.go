package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/scdebate/scdebate/corpus"
	"github.com/scdebate/scdebate/corpus/fixtures"
	"github.com/scdebate/scdebate/ingest/layout"
	"github.com/scdebate/scdebate/ingest/layout/pdftest"
)

// badInput is one hostile or broken input and what ingest must say of it.
type badInput struct {
	path string
	// reason matches the failure's reason; "" when the file is damaged in
	// a way readers repair and storing its record is right too.
	reason string
	// mayStore accepts a stored record instead of the failure.
	mayStore bool
}

// Reasons, as the failure line gives them.
const (
	reEmpty       = `empty file`
	reNotUTF8     = `text is not valid UTF-8`
	reNotRecord   = `not a verbatim record or letter`
	reMalformed   = `malformed PDF`
	reTruncated   = `truncated PDF`
	reTooLarge    = `too large`
	reTimeLimit   = `time limit of \S+ exceeded|extraction timed out`
	reUnsupported = `unsupported file type`
)

// committedReasons are the reasons for the files of testdata/bad.
var committedReasons = map[string]string{
	"empty.pdf":                   reEmpty,
	"empty.txt":                   reEmpty,
	"blank.txt":                   reEmpty,
	"zip-renamed.pdf":             `not a PDF: a ZIP archive`,
	"html-renamed.pdf":            `not a PDF: no %PDF header`,
	"gzip-renamed.txt":            reNotUTF8 + `: a gzip archive`,
	"random-bytes.txt":            reNotUTF8,
	"header-then-garbage.pdf":     reTruncated,
	"no-objects.pdf":              reMalformed,
	"broken-xref.pdf":             reNotRecord, // repaired: it says "hello world"
	"xref-cycle.pdf":              reNotRecord, // repaired
	"encrypted.pdf":               `encrypted PDF`,
	"image-only.pdf":              `no text layer \(image-only PDF\)`,
	"deeply-nested.pdf":           reMalformed,
	"self-referencing-pages.pdf":  reMalformed,
	"self-referencing-object.pdf": reMalformed,
	"page-count-lies.pdf":         reTooLarge,
	"inline-image.pdf":            reNotRecord, // read past the image: it says "hello world"
	"object-stream-loop.pdf":      reTimeLimit,
	"windows-1252.txt":            reNotUTF8,
	"utf-16.txt":                  reNotUTF8,
	"not-a-record.txt":            reNotRecord,
}

// goodInputs are whole documents ingested beside the bad ones.
func goodInputs(t *testing.T) []string {
	good := []string{fixtures.Real(t, "S_PV.8422.pdf"), fixtures.Real(t, "A_60_PV.25.pdf"), fixtures.SeedLetter(t)}
	samples, err := filepath.Glob(filepath.Join("..", "..", "corpus", "sample", "records", "*.txt"))
	if err != nil || len(samples) == 0 {
		t.Fatalf("sample records: %v", err)
	}
	return append(good, samples...)
}

// badInputs lays out the hostile inputs in dir: testdata/bad, and those
// generated here because they are large or cut from the real records.
// Files listed in explicit must be named on the command line: a directory
// walk takes only regular files.
func badInputs(t *testing.T, dir string) (bad []badInput, explicit []string) {
	t.Helper()
	for name, reason := range committedReasons {
		data, err := os.ReadFile(filepath.Join("testdata", "bad", name))
		if err != nil {
			t.Fatal(err)
		}
		bad = append(bad, badInput{path: writeInput(t, dir, name, data), reason: reason})
	}
	entries, err := os.ReadDir(filepath.Join("testdata", "bad"))
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != len(committedReasons) {
		t.Fatalf("testdata/bad holds %d files, %d have a reason", len(entries), len(committedReasons))
	}

	real := readFixture(t, "A_79_PV.29.pdf")
	for _, cut := range []int{1024, len(real) / 4, len(real) / 2, len(real) * 3 / 4} {
		bad = append(bad, badInput{path: writeInput(t, dir, fmt.Sprintf("A_79_PV.29-cut-at-%d.pdf", cut), real[:cut]), reason: reTruncated})
	}
	// Cut in its last cross-reference section: readers rebuild the table.
	bad = append(bad, badInput{path: writeInput(t, dir, "A_79_PV.29-cut-near-end.pdf", real[:len(real)-2000]), reason: reTruncated, mayStore: true})
	startxref := regexp.MustCompile(`startxref\s+\d+`)
	for _, name := range []string{"A_48_PV.46.pdf", "S_PV.8422.pdf"} {
		broken := startxref.ReplaceAll(readFixture(t, name), []byte("startxref\n20"))
		// A table is rebuilt from the objects; a file whose catalog sits in
		// an object stream (S/PV.8422) cannot be rebuilt that way.
		bad = append(bad, badInput{path: writeInput(t, dir, "startxref-wrong-"+name, broken), reason: reMalformed, mayStore: true})
	}
	bad = append(bad,
		badInput{path: writeInput(t, dir, "2000-pages.pdf", pdftest.Pages(slices.Repeat([]string{pdftest.Stream("", pdftest.TextPage("a page"))}, 2000)...)), reason: reTooLarge},
		badInput{path: writeInput(t, dir, "flate-bomb.pdf", flateBombPDF(1<<30)), reason: reMalformed + "|" + reTooLarge},
		// Over 10 MB of text: refused for its size, or stopped by the time
		// limit while it is still being extracted.
		badInput{path: writeInput(t, dir, "text-bomb.pdf", textBombPDF(600, 90)), reason: reTooLarge + "|" + reTimeLimit},
		badInput{path: writeInput(t, dir, "minutes\nwith a newline.txt", []byte("Minutes of the staff picnic\n\nThe picnic was held on the lawn.\n")), reason: reNotRecord},
	)
	// 100 MB of text, and a record just over the text limit.
	line := "Mr. Smith (Ruritania): We thank the President for convening this debate on the report.\n"
	bad = append(bad,
		badInput{path: writeInput(t, dir, "100MB.txt", bytes.Repeat([]byte(line), 100<<20/len(line)+1)), reason: reTooLarge},
		badInput{path: writeInput(t, dir, "9MB-record.txt", []byte(verbatimText+strings.Repeat(line, 9<<20/len(line)))), reason: reTooLarge},
	)

	pipe := filepath.Join(dir, "pipe.pdf")
	if err := syscall.Mkfifo(pipe, 0o644); err != nil {
		t.Fatal(err)
	}
	loop := filepath.Join(dir, "loop.pdf")
	if err := os.Symlink(loop, loop); err != nil {
		t.Fatal(err)
	}
	missing := filepath.Join(dir, "missing.pdf")
	bad = append(bad,
		badInput{path: pipe, reason: reUnsupported + `: a named pipe`},
		badInput{path: loop, reason: `too many levels of symbolic links`},
		badInput{path: missing, reason: `no such file or directory`},
	)
	return bad, []string{pipe, loop, missing}
}

// textBombPDF is a small file of pages pages sharing one content stream
// that draws lines lines of text: megabytes of text once extracted.
func textBombPDF(pages, lines int) []byte {
	var c strings.Builder
	c.WriteString("BT /F1 6 Tf 8 TL 20 780 Td ")
	for range lines {
		fmt.Fprintf(&c, "(%s) Tj T* ", strings.Repeat("word ", 55))
	}
	c.WriteString("ET")
	return pdftest.SharedPages(pages, pages, c.String())
}

func writeInput(t *testing.T, dir, name string, data []byte) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func readFixture(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(fixtures.Real(t, name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// displayed is a path as a one-line message shows it.
func displayed(path string) string {
	if strings.ContainsAny(path, "\n\r\t") {
		return strconv.Quote(path)
	}
	return path
}

// The time limit per document in these runs, and what a run may take
// beyond it (start-up, the good documents).
const (
	badTimeout = 10 * time.Second
	badSlack   = 30 * time.Second
)

// TestIngestHostileInputs ingests a directory of hostile and broken files
// mixed with good ones through the binary: each bad file gets one line
// naming it with its reason, no panic reaches the user, every run keeps
// within the per-document time limit and the extractor's memory cap, no
// extraction worker outlives the run, and the good files are stored.
// Each bad file is then ingested alone, for its time and peak memory.
func TestIngestHostileInputs(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: ingests every hostile file through the binary, in a batch and one by one")
	}
	in := t.TempDir()
	bad, explicit := badInputs(t, filepath.Join(in))
	good := goodInputs(t)
	ws := filepath.Join(t.TempDir(), "ws")
	args := append([]string{"ingest", "--workspace", ws, "--workers", "2", "--timeout", badTimeout.String(), in}, explicit...)
	r := runBinary(t, nil, append(args, good...)...)
	if r.code != exitPartial || r.panicked() {
		t.Fatalf("batch: %s", r)
	}
	checkNoWorkers(t)

	lines := strings.Split(strings.TrimSuffix(r.stderr, "\n"), "\n")
	failed := map[string]string{} // displayed path → its line
	for _, l := range lines {
		rest, ok := strings.CutPrefix(l, "failed: ")
		if !ok {
			continue
		}
		for _, b := range bad {
			if strings.HasPrefix(rest, displayed(b.path)+": ") {
				if _, dup := failed[b.path]; dup {
					t.Errorf("%s reported twice", b.path)
				}
				failed[b.path] = rest
			}
		}
	}
	stored := 0
	clean := 0
	for _, b := range bad {
		line, ok := failed[b.path]
		switch {
		case !ok && b.mayStore:
			stored++
			clean++
			t.Logf("%-40s repaired and stored", filepath.Base(b.path))
			continue
		case !ok:
			t.Errorf("%s: no failure line\n%s", b.path, r)
			continue
		}
		reason := strings.TrimPrefix(line, displayed(b.path)+": ")
		if !regexp.MustCompile(b.reason).MatchString(reason) || strings.Count(line, displayed(b.path)) != 1 {
			t.Errorf("%s: %q; want one line naming the file once, with a reason matching %q", b.path, line, b.reason)
			continue
		}
		clean++
		t.Logf("%-40s %s", strconv.Quote(filepath.Base(b.path)), reason)
	}
	want := fmt.Sprintf("%d documents: %d stored, 0 already in the corpus, %d failed\n", len(bad)+len(good), len(good)+stored, len(bad)-stored)
	if r.stdout != want {
		t.Errorf("summary %q, want %q", r.stdout, want)
	}
	paths, err := (&corpus.Store{Dir: filepath.Join(ws, corpus.RecordsDir)}).List()
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range paths {
		if _, err := corpus.Load(t.Context(), p); err != nil {
			t.Error(err)
		}
	}
	for _, name := range []string{"S_PV.8422.en.json", "A_60_PV.25.en.json", "SAMPLE_A_77_PV.71.zh.json"} {
		if _, err := os.Stat(filepath.Join(ws, corpus.RecordsDir, name)); err != nil {
			t.Errorf("good file not stored: %v", err)
		}
	}
	t.Logf("batch of %d bad and %d good files (2 workers, limit %v per document): %v, peak RSS %d MiB; %d of %d bad inputs handled cleanly",
		len(bad), len(good), badTimeout, r.elapsed.Round(time.Millisecond), r.maxRSS>>20, clean, len(bad))

	// Alone, for time and memory.
	limit := badTimeout + badSlack
	for _, b := range bad {
		r := runBinary(t, nil, "ingest", "--workspace", filepath.Join(t.TempDir(), "ws"), "--timeout", badTimeout.String(), b.path)
		if r.panicked() || (r.code != exitError && !(b.mayStore && r.code == 0)) {
			t.Errorf("%s alone: %s", b.path, r)
		}
		if r.elapsed > limit {
			t.Errorf("%s took %v, over the per-document limit %v", b.path, r.elapsed, badTimeout)
		}
		if r.maxRSS > layout.DefaultMemoryLimit+256<<20 {
			t.Errorf("%s: peak RSS %d MiB, over the extractor's cap", b.path, r.maxRSS>>20)
		}
		t.Logf("%-40s %6v  peak RSS %4d MiB", strconv.Quote(filepath.Base(b.path)), r.elapsed.Round(time.Millisecond), r.maxRSS>>20)
	}
	checkNoWorkers(t)
}

// checkNoWorkers fails when an extraction worker of the test binary is
// still running: a run must not leave its children behind.
func checkNoWorkers(t *testing.T) {
	t.Helper()
	bin := scdebateBinary(t)
	deadline := time.Now().Add(10 * time.Second)
	for {
		var left []string
		procs, _ := filepath.Glob("/proc/[0-9]*/cmdline")
		for _, p := range procs {
			b, err := os.ReadFile(p)
			if err != nil {
				continue
			}
			args := strings.Split(string(b), "\x00")
			if len(args) > 1 && args[0] == bin && args[1] == layout.WorkerCommand {
				left = append(left, p)
			}
		}
		if len(left) == 0 {
			return
		}
		if time.Now().After(deadline) {
			t.Errorf("extraction workers still running: %v", left)
			return
		}
		time.Sleep(100 * time.Millisecond)
	}
}
