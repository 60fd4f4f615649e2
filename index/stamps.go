package index

import (
	"maps"
	"path/filepath"
	"strings"

	"github.com/scdebate/scdebate/corpus"
)

// stampsFile, in a generation, records each record file and its annotation
// as they were when the generation was built or last found up to date: an
// update that finds them all as they were has nothing to do, and says so
// without opening the index or reading a record (reading and hashing them
// was most of a run with nothing new).
const stampsFile = "stamps.json"

// stamps are a generation's record and annotation files, by record key.
type stamps struct {
	Schema int `json:"schema"`
	// Taxonomy is the taxonomy the annotations were asked for
	// (Options.TaxonomyHash), "" for the newest of each record.
	Taxonomy string                  `json:"taxonomy,omitempty"`
	Records  map[string]recordStamps `json:"records"`
}

type recordStamps struct {
	Record corpus.FileStamp `json:"record"`
	Source string           `json:"source_sha256,omitempty"`
	// Annotation is the annotation file's name, "" when the record had
	// none.
	Annotation      string           `json:"annotation,omitempty"`
	AnnotationStamp corpus.FileStamp `json:"annotation_stamp,omitzero"`
}

func newStamps(opts Options) *stamps {
	return &stamps{Schema: schemaVersion, Taxonomy: opts.TaxonomyHash, Records: map[string]recordStamps{}}
}

// note stamps a record file, as stamped before it was read, and its
// annotation file. The caller holds the workspace lock: no stage rewrites
// a file between its reading and its stamp.
func (s *stamps) note(key string, record corpus.FileStamp, source, annotation string) {
	rs := recordStamps{Record: record, Source: source}
	if annotation != "" {
		as, ok := corpus.StampOf(annotation)
		if !ok {
			return
		}
		rs.Annotation, rs.AnnotationStamp = filepath.Base(annotation), as
	}
	s.Records[key] = rs
}

func (s *stamps) equal(o *stamps) bool {
	return o != nil && s.Schema == o.Schema && s.Taxonomy == o.Taxonomy && maps.Equal(s.Records, o.Records)
}

// unchangedSince reports whether the workspace's records and annotations
// are, by their stamps, those generation cur was made from, and then gives
// the update's statistics.
func unchangedSince(ws *corpus.Workspace, dir, cur string, opts Options) (*Stats, bool) {
	var old stamps
	if cur == "" || loadJSON(filepath.Join(dir, cur, stampsFile), &old) != nil ||
		old.Schema != schemaVersion || old.Taxonomy != opts.TaxonomyHash {
		return nil, false
	}
	paths, err := ws.Records().List()
	if err != nil || len(paths) != len(old.Records) {
		return nil, false
	}
	finder, err := newAnnotationFinder(ws, opts.TaxonomyHash)
	if err != nil {
		return nil, false
	}
	for _, path := range paths {
		e, ok := old.Records[strings.TrimSuffix(filepath.Base(path), ".json")]
		if !ok {
			return nil, false
		}
		if rs, ok := corpus.StampOf(path); !ok || rs != e.Record {
			return nil, false
		}
		name, as := "", corpus.FileStamp{}
		if ann, _ := finder.locate(e.Source); ann != "" {
			if s, ok := corpus.StampOf(ann); ok {
				name, as = filepath.Base(ann), s
			}
		}
		if name != e.Annotation || as != e.AnnotationStamp {
			return nil, false
		}
	}
	var info Info
	if loadJSON(filepath.Join(dir, cur, infoFile), &info) != nil || info.Schema != schemaVersion {
		return nil, false
	}
	return &Stats{Result: corpus.Result{Total: len(paths), Unchanged: len(paths)}, Generation: cur, InIndex: info.Passages}, true
}
