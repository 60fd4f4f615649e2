package sample

import (
	"embed"
	"fmt"
	"io/fs"
	"path"
	"strings"

	"github.com/scdebate/scdebate/corpus"
)

//go:embed records/*.txt
var records embed.FS

//go:embed source/*.txt
var sources embed.FS

// Files returns the sample records as text files, named by symbol and
// language ("SAMPLE_A_77_PV.71.en.txt"): the input a text ingester reads.
func Files() fs.FS {
	sub, err := fs.Sub(records, "records")
	if err != nil {
		panic(err) // the directory is embedded at build time
	}
	return sub
}

// Records returns the records the sample files encode, as authored, in file
// name order: what a faithful parser of Files recovers. Source.Path is the
// file's name in Files.
func Records() ([]*corpus.Record, error) {
	entries, err := fs.ReadDir(sources, "source")
	if err != nil {
		return nil, err
	}
	var out []*corpus.Record
	for _, e := range entries {
		data, err := sources.ReadFile(path.Join("source", e.Name()))
		if err != nil {
			return nil, err
		}
		rec, err := parseSource(e.Name(), data)
		if err != nil {
			return nil, err
		}
		if _, err := Render(rec); err != nil {
			return nil, err
		}
		if want := FileName(rec); want != e.Name() {
			return nil, fmt.Errorf("sample source %s holds %s; name it %s", e.Name(), rec.Symbol, want)
		}
		out = append(out, rec)
	}
	return out, nil
}

// FileName is the name of a record's text file: its symbol with slashes as
// underscores, then its language ("SAMPLE_A_77_PV.71.zh.txt").
func FileName(rec *corpus.Record) string {
	return strings.TrimSuffix(corpus.FileName(rec), ".json") + ".txt"
}
