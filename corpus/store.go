package corpus

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// Store is a directory of record JSON files, one per document and language,
// named by FileName.
type Store struct {
	Dir string
	// Replaced, when set, is where a record that one made from other
	// content replaces is kept (see Replace).
	Replaced string
}

// FileName is the name a record is stored under: its symbol with slashes
// turned into underscores, then its language ("A_79_PV.29.en.json").
// Documents without a symbol are named by kind, date and content hash.
func FileName(rec *Record) string {
	slug := Slug(rec.Symbol)
	if slug == "" {
		h := rec.Source.SHA256
		if len(h) > 12 {
			h = h[:12]
		}
		slug = strings.Trim(rec.Kind+"-"+rec.Date+"-"+h, "-")
	}
	lang := rec.Language
	if lang == "" {
		lang = "und"
	}
	return slug + "." + lang + ".json"
}

// Slug turns a document symbol into a file-name-safe string.
func Slug(symbol string) string {
	var b strings.Builder
	for _, r := range strings.TrimSpace(symbol) {
		switch {
		case r == '/' || r == '\\' || r == ' ':
			b.WriteByte('_')
		case r < 0x20 || r == ':' || r == '*' || r == '?' || r == '"' || r == '<' || r == '>' || r == '|':
		default:
			b.WriteRune(r)
		}
	}
	s := b.String()
	if s == "." || s == ".." {
		return ""
	}
	return s
}

// Put writes rec atomically and returns the path it was written to, like
// Replace.
func (s *Store) Put(rec *Record) (string, error) {
	path, _, err := s.Replace(rec)
	return path, err
}

// Replace writes rec atomically and returns the path it was written to.
// When it takes the place of a record made from other content (another
// source sha256) and s.Replaced is set, that record is first kept there,
// and returned.
func (s *Store) Replace(rec *Record) (string, *Kept, error) {
	if err := os.MkdirAll(s.Dir, 0o755); err != nil {
		return "", nil, err
	}
	path := filepath.Join(s.Dir, FileName(rec))
	kept, err := s.keepPrevious(path, rec)
	if err != nil {
		return "", nil, err
	}
	err = WriteFileAtomic(path, func(w io.Writer) error {
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		return enc.Encode(rec)
	})
	if err != nil {
		return "", nil, fmt.Errorf("store record %s: %w", path, err)
	}
	return path, kept, nil
}

// List returns the paths of the stored records, sorted.
func (s *Store) List() ([]string, error) {
	entries, err := os.ReadDir(s.Dir)
	if os.IsNotExist(err) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var paths []string
	for _, e := range entries {
		name := e.Name()
		if e.Type().IsRegular() && strings.HasSuffix(name, ".json") && !strings.HasPrefix(name, ".") {
			paths = append(paths, filepath.Join(s.Dir, name))
		}
	}
	sort.Strings(paths)
	return paths, nil
}

// Load reads one record file, and stops with ctx's error once ctx is done:
// a record can hold megabytes of text, whose decoding a request given up on
// must not wait for.
func Load(ctx context.Context, path string) (*Record, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	dec := json.NewDecoder(contextReader{ctx, f})
	var rec Record
	if err := dec.Decode(&rec); err != nil {
		return nil, fmt.Errorf("record %s: %w", path, err)
	}
	if _, err := dec.Token(); err != io.EOF {
		if err == nil {
			err = errors.New("data after the record")
		}
		return nil, fmt.Errorf("record %s: %w", path, err)
	}
	return &rec, nil
}

// readChunk is the most a contextReader reads at once: the JSON decoder
// scans what it has read before it reads again, so ctx is checked every
// readChunk bytes scanned, however large the decoder's buffer has grown.
const readChunk = 64 << 10

// contextReader reads from r until ctx is done, then fails with ctx's
// error.
type contextReader struct {
	ctx context.Context
	r   io.Reader
}

func (c contextReader) Read(p []byte) (int, error) {
	if err := c.ctx.Err(); err != nil {
		return 0, err
	}
	return c.r.Read(p[:min(len(p), readChunk)])
}

// Walk calls fn for every stored record in name order, checking ctx between
// records. A record that cannot be read is reported to onError, and
// skipped unless onError returns an error, which stops the walk.
func (s *Store) Walk(ctx context.Context, onError ErrorFunc, fn func(path string, rec *Record) error) error {
	paths, err := s.List()
	if err != nil {
		return err
	}
	for _, p := range paths {
		if err := ctx.Err(); err != nil {
			return err
		}
		rec, err := Load(ctx, p)
		if err != nil {
			if ctx.Err() != nil {
				return ctx.Err()
			}
			if err := onError.Report(p, err); err != nil {
				return err
			}
			continue
		}
		if err := fn(p, rec); err != nil {
			return err
		}
	}
	return nil
}

// Hashes maps the source sha256 of every stored record to its path, so that
// ingestion can skip content already in the corpus.
func (s *Store) Hashes(ctx context.Context) (map[string]string, error) {
	paths, err := s.List()
	if err != nil {
		return nil, err
	}
	out := make(map[string]string, len(paths))
	for _, p := range paths {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		f, err := os.Open(p)
		if err != nil {
			continue
		}
		var head struct {
			Source Source `json:"source"`
		}
		err = json.NewDecoder(f).Decode(&head)
		f.Close()
		if err == nil && head.Source.SHA256 != "" {
			out[head.Source.SHA256] = p
		}
	}
	return out, nil
}
