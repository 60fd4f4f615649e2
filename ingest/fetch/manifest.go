package fetch

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"time"

	"github.com/scdebate/scdebate/corpus"
)

// ManifestName is the manifest's file name inside raw/.
const ManifestName = "manifest.json"

// Manifest lists the files fetched into a raw/ directory, with where they
// came from and what they hashed to.
type Manifest struct {
	Version int             `json:"version"`
	Files   []ManifestEntry `json:"files"`
}

// ManifestEntry is one fetched file.
type ManifestEntry struct {
	// File is the name inside raw/ ("A_75_PV.78.en.pdf").
	File   string `json:"file"`
	Symbol string `json:"symbol"`
	Lang   string `json:"lang"`
	// URL is the URL asked for; FinalURL the one that answered, after
	// redirects.
	URL       string    `json:"url"`
	FinalURL  string    `json:"final_url"`
	SHA256    string    `json:"sha256"`
	Size      int64     `json:"size"`
	FetchedAt time.Time `json:"fetched_at"`
	// ETag and LastModified are the validators of the answer, sent back
	// in conditional requests.
	ETag         string `json:"etag,omitempty"`
	LastModified string `json:"last_modified,omitempty"`
	ContentType  string `json:"content_type,omitempty"`
}

// FileName is the name a document is stored under in raw/:
// corpus.Slug(symbol) + "." + lang + ".pdf".
func FileName(symbol, lang string) string {
	return corpus.Slug(symbol) + "." + lang + ".pdf"
}

// LoadManifest reads dir/manifest.json; a missing file is an empty
// manifest. A manifest that cannot be read is an error naming it: it is
// never silently replaced.
func LoadManifest(dir string) (*Manifest, error) {
	path := filepath.Join(dir, ManifestName)
	b, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		return &Manifest{Version: 1}, nil
	}
	if err != nil {
		return nil, err
	}
	var m Manifest
	if err := json.Unmarshal(b, &m); err != nil {
		return nil, fmt.Errorf("manifest %s is damaged (%v); move it aside to start a new one", path, err)
	}
	if m.Version == 0 {
		m.Version = 1
	}
	return &m, nil
}

// Save writes the manifest atomically, entries sorted by file name.
func (m *Manifest) Save(dir string) error {
	sort.Slice(m.Files, func(i, j int) bool { return m.Files[i].File < m.Files[j].File })
	path := filepath.Join(dir, ManifestName)
	err := corpus.WriteFileAtomic(path, func(w io.Writer) error {
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		return enc.Encode(m)
	})
	if err != nil {
		return fmt.Errorf("write manifest %s: %w", path, err)
	}
	return nil
}

// Lookup returns the entry for file, or nil.
func (m *Manifest) Lookup(file string) *ManifestEntry {
	for i := range m.Files {
		if m.Files[i].File == file {
			return &m.Files[i]
		}
	}
	return nil
}

// Put adds or replaces the entry for e.File.
func (m *Manifest) Put(e ManifestEntry) {
	if old := m.Lookup(e.File); old != nil {
		*old = e
		return
	}
	m.Files = append(m.Files, e)
}
