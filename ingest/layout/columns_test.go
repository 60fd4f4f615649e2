package layout_test

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"

	"github.com/scdebate/scdebate/ingest/layout"
)

// The two-column fixture: record.fodt is the source, record.pdf what
// LibreOffice makes of it (testdata/columns/generate.sh remakes it),
// record.txt the source's text, paragraph by paragraph. Its first page's
// left column is of short lines beside a right column that opens with
// bold headings on the same baselines.
const columnsDir = "testdata/columns"

// columnStyles are the fixture's paragraph styles set in the columns (the
// masthead above them is read cell by cell, not in source order).
var columnStyles = map[string]bool{"Speech": true, "Direction": true, "Heading": true, "RightColumnHead": true, "Title": true, "Document": true}

func TestColumnsFixture(t *testing.T) {
	doc, err := layout.ExtractInProcess(context.Background(), filepath.Join(columnsDir, "record.pdf"), layout.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Run("golden", func(t *testing.T) {
		checkGoldenFile(t, filepath.Join(columnsDir, "record.golden"), renderGolden(doc))
	})
	// Every paragraph of the columns comes out whole and in the source's
	// order: a line read across the gutter splits two of them.
	t.Run("paragraphs whole and in order", func(t *testing.T) {
		text := flatText(doc)
		pos := 0
		for _, p := range readFODT(t, filepath.Join(columnsDir, "record.fodt")) {
			if !columnStyles[p.style] {
				continue
			}
			want := strings.Join(strings.Fields(norm.NFKC.String(p.text)), " ")
			at := strings.Index(text[pos:], want)
			if at < 0 {
				t.Errorf("%s paragraph not found whole after the one before it: %q", p.style, want)
				continue
			}
			pos += at + len(want)
		}
	})
	// The first page below the President's line: the left column's lines,
	// then the right column's, no line holding words of both.
	t.Run("first page by columns", func(t *testing.T) {
		lines := doc.Pages[0].Lines
		for k, l := range lines {
			if strings.HasPrefix(l.Text, "President:") {
				lines = lines[k+1:]
				break
			}
		}
		var left, right int
		for _, l := range lines {
			switch l.Column {
			case 1:
				left++
				if right > 0 {
					t.Errorf("left-column line after the right column: %q", l.Text)
				}
			case 2:
				right++
			default:
				t.Errorf("full-width line in the columns: %q", l.Text)
			}
		}
		if left < 15 || right < 30 {
			t.Errorf("%d left-column and %d right-column lines on the first page", left, right)
		}
	})
}
