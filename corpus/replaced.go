package corpus

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// A record replaced by one made from other content (a corrected reissue, or
// a damaged copy that still parses) is not lost: the store keeps it under
// the workspace's replaced/ directory, named by the record's file name and
// the start of its source's sha256 ("A_77_PV.12.en.3f2a9c1b0d4e.json"),
// and Restore puts it back.

// Kept is a record version that another took the place of.
type Kept struct {
	// Name is what Restore knows it by: its file name without
	// ".json".
	Name string
	Path string
	// Record is the version kept.
	Record *Record
}

// keptName is the file name a record version is kept under.
func keptName(rec *Record) string {
	sha := rec.Source.SHA256
	if len(sha) > 12 {
		sha = sha[:12]
	}
	if sha == "" {
		sha = "unknown"
	}
	return strings.TrimSuffix(FileName(rec), ".json") + "." + sha + ".json"
}

// keepPrevious keeps the record stored at path when rec, about to take its
// place, was made from other content; it returns what it kept, or nil.
func (s *Store) keepPrevious(path string, rec *Record) (*Kept, error) {
	if s.Replaced == "" {
		return nil, nil
	}
	sha, err := sourceHash(path)
	if errors.Is(err, os.ErrNotExist) || err == nil && sha == rec.Source.SHA256 {
		return nil, nil
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("keep replaced record %s: %w", path, err)
	}
	var prev Record
	if err := json.Unmarshal(data, &prev); err != nil {
		// What cannot be read as a record is kept all the same, under
		// its file name.
		prev = Record{}
	}
	name := keptName(&prev)
	if prev.Symbol == "" && prev.Source.SHA256 == "" {
		name = strings.TrimSuffix(filepath.Base(path), ".json") + ".unreadable-" + time.Now().UTC().Format("20060102T150405") + ".json"
	}
	if err := os.MkdirAll(s.Replaced, 0o755); err != nil {
		return nil, fmt.Errorf("keep replaced record %s: %w", path, err)
	}
	kept := filepath.Join(s.Replaced, name)
	if _, err := os.Stat(kept); err != nil {
		err := WriteFileAtomic(kept, func(w io.Writer) error {
			_, err := w.Write(data)
			return err
		})
		if err != nil {
			return nil, fmt.Errorf("keep replaced record %s: %w", path, err)
		}
	}
	return &Kept{Name: strings.TrimSuffix(name, ".json"), Path: kept, Record: &prev}, nil
}

// sourceHash reads the source sha256 of the record file at path, reading
// no further than its "source" field.
func sourceHash(path string) (string, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", err
	}
	defer f.Close()
	dec := json.NewDecoder(f)
	if t, err := dec.Token(); err != nil || t != json.Delim('{') {
		return "", fmt.Errorf("record %s: not a JSON object", path)
	}
	for dec.More() {
		t, err := dec.Token()
		if err != nil {
			return "", fmt.Errorf("record %s: %w", path, err)
		}
		if t == "source" {
			var src Source
			if err := dec.Decode(&src); err != nil {
				return "", fmt.Errorf("record %s: %w", path, err)
			}
			return src.SHA256, nil
		}
		var skip json.RawMessage
		if err := dec.Decode(&skip); err != nil {
			return "", fmt.Errorf("record %s: %w", path, err)
		}
	}
	return "", nil
}

// Replaced lists the record versions kept in the workspace, by name,
// checking ctx between records.
func (w *Workspace) Replaced(ctx context.Context) ([]Kept, error) {
	paths, err := (&Store{Dir: w.Path(ReplacedDir)}).List()
	if err != nil {
		return nil, err
	}
	out := make([]Kept, 0, len(paths))
	for _, path := range paths {
		rec, err := Load(ctx, path)
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		if err != nil {
			rec = nil // listed all the same, as unreadable
		}
		out = append(out, Kept{Name: strings.TrimSuffix(filepath.Base(path), ".json"), Path: path, Record: rec})
	}
	return out, nil
}

// Restored is what Restore did.
type Restored struct {
	// Record is the path of the record restored.
	Record string
	// Kept is the version it took the place of, now kept in turn; nil when
	// there was none, or it held the same content.
	Kept *Kept
	// Change is how the restored version differs from the one it
	// replaced.
	Change Change
}

// Restore puts a kept record version (named as Workspace.Replaced lists
// it) back in the locked workspace's records, keeping the version it
// replaces in turn, so that a restore can itself be undone. The stages
// after ingestion pick the change up on their next run.
func Restore(lk *Lock, name string) (*Restored, error) {
	w := lk.Workspace()
	name = strings.TrimSuffix(filepath.Base(name), ".json")
	from := w.Path(ReplacedDir, name+".json")
	data, err := os.ReadFile(from)
	if errors.Is(err, os.ErrNotExist) {
		return nil, fmt.Errorf("no kept record version %q in %s (scdebate restore --workspace %s lists them)", name, w.Path(ReplacedDir), w.Dir)
	}
	if err != nil {
		return nil, err
	}
	var rec Record
	if err := json.Unmarshal(data, &rec); err != nil {
		return nil, fmt.Errorf("kept record %s cannot be restored: %w", from, err)
	}
	store := w.Records()
	path := filepath.Join(store.Dir, FileName(&rec))
	kept, err := store.keepPrevious(path, &rec)
	if err != nil {
		return nil, w.NoSpace(path, int64(len(data)), err)
	}
	if err := os.MkdirAll(store.Dir, 0o755); err != nil {
		return nil, err
	}
	err = WriteFileAtomic(path, func(wr io.Writer) error {
		_, err := wr.Write(data)
		return err
	})
	if err != nil {
		return nil, w.NoSpace(path, int64(len(data)), err)
	}
	if err := os.Remove(from); err != nil {
		return nil, err
	}
	out := &Restored{Record: path, Kept: kept}
	if kept != nil {
		out.Change = Compare(kept.Record, &rec)
	}
	return out, nil
}

// Change is how much one version of a record differs from another.
type Change struct {
	SpeechesBefore, Speeches     int
	ParagraphsBefore, Paragraphs int
	// SpeechesChanged counts the speeches of the new version that the old
	// one does not have word for word (speaker and paragraphs).
	SpeechesChanged int
	// ParagraphsAdded and ParagraphsRemoved count the paragraph texts
	// only the new version has, and only the old one.
	ParagraphsAdded, ParagraphsRemoved int
}

// Compare tells how rec differs from prev, in time linear in their text.
func Compare(prev, rec *Record) Change {
	c := Change{SpeechesBefore: len(prev.Speeches), Speeches: len(rec.Speeches)}
	speeches := map[string]int{}
	paragraphs := map[string]int{}
	for i := range prev.Speeches {
		sp := &prev.Speeches[i]
		speeches[speechKey(sp)]++
		for _, p := range sp.Paragraphs {
			paragraphs[p.Text]++
			c.ParagraphsBefore++
		}
	}
	for i := range rec.Speeches {
		sp := &rec.Speeches[i]
		if k := speechKey(sp); speeches[k] > 0 {
			speeches[k]--
		} else {
			c.SpeechesChanged++
		}
		for _, p := range sp.Paragraphs {
			c.Paragraphs++
			if paragraphs[p.Text] > 0 {
				paragraphs[p.Text]--
			} else {
				c.ParagraphsAdded++
			}
		}
	}
	for _, n := range paragraphs {
		c.ParagraphsRemoved += n
	}
	return c
}

// speechKey is a speech's speaker and text, for Compare.
func speechKey(sp *Speech) string {
	var b strings.Builder
	b.WriteString(sp.Name)
	b.WriteByte(0)
	b.WriteString(sp.Delegation)
	for _, p := range sp.Paragraphs {
		b.WriteByte(0)
		b.WriteString(p.Text)
	}
	return b.String()
}

// String says it as a report line does: "12 → 12 speeches (1 changed),
// 81 → 80 paragraphs (2 new, 3 gone)".
func (c Change) String() string {
	return fmt.Sprintf("%d → %d speeches (%d changed), %d → %d paragraphs (%d new, %d gone)",
		c.SpeechesBefore, c.Speeches, c.SpeechesChanged, c.ParagraphsBefore, c.Paragraphs, c.ParagraphsAdded, c.ParagraphsRemoved)
}
