package ingest

import (
	"strings"

	"github.com/scdebate/scdebate/corpus"
)

// detectLanguage tells which of the six official languages a document's
// lines are in (corpus.DetectLanguage).
func detectLanguage(lines []line) string {
	var b strings.Builder
	for _, l := range lines {
		b.WriteString(l.Text)
		b.WriteByte('\n')
	}
	return corpus.DetectLanguage(b.String())
}
