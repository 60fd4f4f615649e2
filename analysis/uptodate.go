package analysis

import (
	"encoding/json"
	"io"
	"maps"
	"os"
	"path/filepath"
	"strconv"
	"sync"

	"github.com/scdebate/scdebate/corpus"
)

// upToDateFile, in the annotations directory, remembers which record files
// had an up-to-date annotation, and the files as they were then. Telling a
// record up to date otherwise means reading and hashing it and reading its
// annotation, which for a large corpus is most of a run with nothing new.
const upToDateFile = ".up-to-date.json"

// upToDate is the record of up-to-date annotations for one setting (the
// taxonomy, the groups data, the learned layer, key phrases or not).
type upToDate struct {
	path     string
	settings string
	old      map[string]upToDateEntry
	mu       sync.Mutex
	next     map[string]upToDateEntry
}

// upToDateEntry is a record file and its annotation as they were when the
// annotation was found, or made, up to date.
type upToDateEntry struct {
	Record     corpus.FileStamp `json:"record"`
	Annotation string           `json:"annotation"`
	Stamp      corpus.FileStamp `json:"annotation_stamp"`
	// Reviews is the digest of the record's reviews applied.
	Reviews string `json:"reviews,omitempty"`
}

// loadUpToDate reads the record of a workspace for the given settings; a
// missing or unreadable file, or other settings, start it empty.
func loadUpToDate(ws *corpus.Workspace, settings string) *upToDate {
	u := &upToDate{path: ws.Path(corpus.AnnotationsDir, upToDateFile), settings: settings, next: map[string]upToDateEntry{}}
	var stored struct {
		Settings string                   `json:"settings"`
		Records  map[string]upToDateEntry `json:"records"`
	}
	if b, err := os.ReadFile(u.path); err == nil && json.Unmarshal(b, &stored) == nil && stored.Settings == settings {
		u.old = stored.Records
	}
	return u
}

// unchanged reports whether the record file at path and its annotation are
// as they were when the annotation was last found up to date, with the
// same reviews.
func (u *upToDate) unchanged(path, reviews string) bool {
	name := filepath.Base(path)
	e, ok := u.old[name]
	if !ok || e.Reviews != reviews {
		return false
	}
	rs, ok := corpus.StampOf(path)
	if !ok || rs != e.Record {
		return false
	}
	as, ok := corpus.StampOf(filepath.Join(filepath.Dir(u.path), e.Annotation))
	if !ok || as != e.Stamp {
		return false
	}
	u.keep(name, e)
	return true
}

// found notes that the record file at path, as stamped before it was read,
// has an up-to-date annotation at annotation, with the reviews of digest
// reviews applied.
func (u *upToDate) found(path string, record corpus.FileStamp, annotation, reviews string) {
	as, ok := corpus.StampOf(annotation)
	if !ok {
		return
	}
	u.keep(filepath.Base(path), upToDateEntry{Record: record, Annotation: filepath.Base(annotation), Stamp: as, Reviews: reviews})
}

func (u *upToDate) keep(name string, e upToDateEntry) {
	u.mu.Lock()
	u.next[name] = e
	u.mu.Unlock()
}

// save writes the record, unless nothing changed.
func (u *upToDate) save() error {
	if maps.Equal(u.old, u.next) {
		return nil
	}
	return corpus.WriteFileAtomic(u.path, func(w io.Writer) error {
		return json.NewEncoder(w).Encode(struct {
			Settings string                   `json:"settings"`
			Records  map[string]upToDateEntry `json:"records"`
		}{u.settings, u.next})
	})
}

// upToDateSettings identifies what an annotation depends on besides its
// record: the annotation version, the taxonomy, and what inputDigest adds
// to the record (the groups data, the learned layer, key phrases).
func (c *Coder) upToDateSettings(opts AnalyzeOptions) string {
	return strconv.Itoa(AnnotationVersion) + " " + c.tx.Hash() + " " + c.inputDigest(nil, opts)
}
