package index

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"github.com/scdebate/scdebate/corpus"
)

// Files and directories of ws/index.
const (
	currentFile   = "CURRENT"
	genPrefix     = "gen-"
	bleveDir      = "bleve"
	manifestFile  = "manifest.json"
	infoFile      = "info.json"
	schemaVersion = 7 // bumped when the mapping or the passage model changes
)

// ErrNoIndex is returned when a workspace has no index yet.
var ErrNoIndex = errors.New("no index has been built in this workspace; run `scdebate index` first")

// manifest lists what a generation holds, per record.
type manifest struct {
	Schema  int                       `json:"schema"`
	Records map[string]*manifestEntry `json:"records"`
}

type manifestEntry struct {
	RecordHash     string   `json:"record_hash"`
	SourceSHA256   string   `json:"source_sha256,omitempty"`
	TaxonomyHash   string   `json:"taxonomy_hash,omitempty"`
	AnnotationHash string   `json:"annotation_hash,omitempty"`
	Language       string   `json:"language,omitempty"`
	Docs           []string `json:"docs"`
}

// Info summarises a generation; readers load it instead of the manifest.
type Info struct {
	Generation string         `json:"generation"`
	Schema     int            `json:"schema"`
	Records    int            `json:"records"`
	Passages   int            `json:"passages"`
	Languages  map[string]int `json:"languages"`
	// TaxonomyHashes counts the records coded under each taxonomy hash.
	TaxonomyHashes map[string]int `json:"taxonomy_hashes,omitempty"`
}

func genName(n int) string { return fmt.Sprintf("%s%06d", genPrefix, n) }

func genNumber(name string) (int, bool) {
	if !strings.HasPrefix(name, genPrefix) {
		return 0, false
	}
	n, err := strconv.Atoi(strings.TrimPrefix(name, genPrefix))
	return n, err == nil && n > 0
}

// readCurrent returns the live generation's name, or "" when there is none.
func readCurrent(dir string) (string, error) {
	b, err := os.ReadFile(filepath.Join(dir, currentFile))
	if errors.Is(err, os.ErrNotExist) {
		return "", nil
	}
	if err != nil {
		return "", err
	}
	name := strings.TrimSpace(string(b))
	if _, ok := genNumber(name); !ok {
		return "", fmt.Errorf("index %s: %s names no generation (%q); `scdebate index --rebuild` builds a new index", dir, currentFile, name)
	}
	return name, nil
}

func writeCurrent(dir, name string) error {
	return corpus.WriteFileAtomic(filepath.Join(dir, currentFile), func(w io.Writer) error {
		_, err := io.WriteString(w, name+"\n")
		return err
	})
}

// generations lists the generation numbers present in dir, ascending.
func generations(dir string) ([]int, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	var out []int
	for _, e := range entries {
		if n, ok := genNumber(e.Name()); ok && e.IsDir() {
			out = append(out, n)
		}
	}
	sort.Ints(out)
	return out, nil
}

// removeGenerations deletes every generation not in keep.
func removeGenerations(dir string, keep ...string) error {
	gens, err := generations(dir)
	if err != nil {
		return err
	}
	var errs []error
	for _, n := range gens {
		name := genName(n)
		kept := false
		for _, k := range keep {
			kept = kept || k == name
		}
		if !kept {
			if err := os.RemoveAll(filepath.Join(dir, name)); err != nil {
				errs = append(errs, err)
			}
		}
	}
	return errors.Join(errs...)
}

// cloneBleve copies the bleve index at src to dst: the segment files are
// immutable once written, so they are hard-linked; the root file, which
// bleve rewrites, is copied.
func cloneBleve(src, dst string) error {
	if err := os.MkdirAll(filepath.Join(dst, "store"), 0o755); err != nil {
		return err
	}
	if err := copyFile(filepath.Join(src, "index_meta.json"), filepath.Join(dst, "index_meta.json")); err != nil {
		return err
	}
	entries, err := os.ReadDir(filepath.Join(src, "store"))
	if err != nil {
		return err
	}
	for _, e := range entries {
		if !e.Type().IsRegular() {
			continue
		}
		from := filepath.Join(src, "store", e.Name())
		to := filepath.Join(dst, "store", e.Name())
		if strings.HasSuffix(e.Name(), ".zap") {
			if err := os.Link(from, to); err == nil {
				continue
			}
		}
		if err := copyFile(from, to); err != nil {
			return err
		}
	}
	return nil
}

func copyFile(from, to string) error {
	in, err := os.Open(from)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(to, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o644)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}

func loadJSON(path string, v any) error {
	b, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	if err := json.Unmarshal(b, v); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	return nil
}

func saveJSON(path string, v any) error {
	return corpus.WriteFileAtomic(path, func(w io.Writer) error {
		return json.NewEncoder(w).Encode(v)
	})
}
