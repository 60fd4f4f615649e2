package corpus

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
)

// doneAfter is a context that is not done for its first checks and done
// from then on, as a request given up on while its record is decoded.
type doneAfter struct {
	context.Context
	notYet int32
	checks atomic.Int32
}

func (c *doneAfter) Err() error {
	if c.checks.Add(1) > c.notYet {
		return context.Canceled
	}
	return nil
}

// hugeRecord stores a record whose first paragraph is n bytes in one line,
// as a record from elsewhere may hold it, and returns its path.
func hugeRecord(t *testing.T, n int) string {
	t.Helper()
	const sentence = "The Council must be accountable to the membership. "
	rec := version("c3", strings.Repeat(sentence, n/len(sentence)), "After the long paragraph.")
	path, err := (&Store{Dir: t.TempDir()}).Put(rec)
	if err != nil {
		t.Fatal(err)
	}
	return path
}

func TestLoad(t *testing.T) {
	dir := t.TempDir()
	good, err := (&Store{Dir: dir}).Put(version("a1", "We ask for reform."))
	if err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(good)
	if err != nil {
		t.Fatal(err)
	}
	write := func(name, content string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	for _, tc := range []struct {
		name, path string
		wantErr    string // "" for none
	}{
		{"record", good, ""},
		{"followed by spaces", write("spaces.json", string(b)+"\n \n"), ""},
		{"followed by another value", write("two.json", string(b)+`{"symbol": "A/1"}`), "data after the record"},
		{"followed by garbage", write("garbage.json", string(b)+"x"), "invalid character"},
		{"cut short", write("short.json", string(b[:len(b)/2])), "unexpected EOF"},
		{"not a record", write("list.json", "[1, 2]"), "cannot unmarshal array"},
		{"missing", filepath.Join(dir, "none.json"), "no such file"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			rec, err := Load(t.Context(), tc.path)
			switch {
			case tc.wantErr == "" && err != nil:
				t.Fatal(err)
			case tc.wantErr == "":
				if got := rec.Speeches[0].Paragraphs[0].Text; got != "We ask for reform." {
					t.Errorf("first paragraph %q", got)
				}
			case err == nil || !strings.Contains(err.Error(), tc.wantErr):
				t.Errorf("error %v, want one saying %q", err, tc.wantErr)
			case !strings.Contains(err.Error(), tc.path):
				t.Errorf("error %q does not name the file", err)
			}
		})
	}
}

// TestLoadStopsWhenDone decodes a record with a paragraph of 8 MB under a
// context that is done once the decoding has begun: Load stops at the
// next check with the context's error, having read a few chunks of the
// record, not the whole of it. Twenty chunks are a small part of the
// record: a decoder reading in ever larger pieces would have read it all.
func TestLoadStopsWhenDone(t *testing.T) {
	const size = 8 << 20
	if 20*readChunk > size/4 {
		t.Fatalf("chunks of %d bytes are too large for this test", readChunk)
	}
	path := hugeRecord(t, size)
	for _, notYet := range []int32{0, 1, 3, 20} {
		ctx := &doneAfter{Context: t.Context(), notYet: notYet}
		rec, err := Load(ctx, path)
		if !errors.Is(err, context.Canceled) || rec != nil {
			t.Fatalf("done after %d checks: record %v, error %v; want context.Canceled", notYet, rec != nil, err)
		}
		if got := ctx.checks.Load(); got != notYet+1 {
			t.Errorf("done after %d checks: checked %d times, want %d: Load read on after the context was done", notYet, got, notYet+1)
		}
	}
	// The same record is read whole under a context that stays live.
	rec, err := Load(t.Context(), path)
	if err != nil {
		t.Fatal(err)
	}
	if n := len(rec.Speeches[0].Paragraphs[0].Text); n < size-64 {
		t.Errorf("paragraph of %d bytes, want 8 MB", n)
	}
}
