package main

import (
	"context"
	"strings"
	"unicode"

	"github.com/scdebate/scdebate/corpus"
	"github.com/scdebate/scdebate/ingest"
	"github.com/scdebate/scdebate/ingest/layout"
)

// ingestStage ingests fetched files through the ingest package.
type ingestStage struct{}

func (ingestStage) IngestFiles(ctx context.Context, lk *corpus.Lock, paths []string) (*ingestSummary, error) {
	pool := &layout.Pool{}
	defer pool.Close()
	res, err := ingest.Ingest(ctx, lk, paths, ingest.Options{Extractor: pool})
	if res == nil {
		return nil, err
	}
	sum := &ingestSummary{Total: res.Total, Stored: res.Written, Skipped: res.Unchanged}
	for _, fe := range res.Failures {
		sum.Failures = append(sum.Failures, fe)
	}
	return sum, err
}

// layoutLanguage reads a downloaded file's language from its text, through
// the isolated PDF extractor ingest uses.
type layoutLanguage struct {
	options layout.Options
}

// minLanguageLetters is the least text a language is read from: a scan
// without a text layer has next to none, and DetectLanguage would call it
// English.
const minLanguageLetters = 200

// languagePages is how many pages are read: the first pages of a record
// tell its language as well as the whole.
const languagePages = 3

func (l layoutLanguage) FileLanguage(ctx context.Context, path string) (string, error) {
	doc, err := layout.Extract(ctx, path, l.options)
	if err != nil {
		return "", err
	}
	var b strings.Builder
	letters := 0
	for i, p := range doc.Pages {
		if i == languagePages {
			break
		}
		for _, line := range p.Lines {
			b.WriteString(line.Text)
			b.WriteByte('\n')
			for _, r := range line.Text {
				if unicode.IsLetter(r) {
					letters++
				}
			}
		}
	}
	if letters < minLanguageLetters {
		return "", nil
	}
	return corpus.DetectLanguage(b.String()), nil
}
