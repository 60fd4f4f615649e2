package layout_test

import (
	"context"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"

	"github.com/scdebate/scdebate/corpus/fixtures"
	"github.com/scdebate/scdebate/ingest/layout"
)

// flatText is a document's body as one line of text in reading order.
func flatText(doc *layout.Document) string {
	var lines []layout.Line
	for _, p := range doc.Pages {
		lines = append(lines, p.Lines...)
	}
	return strings.Join(strings.Fields(norm.NFKC.String(documentText(lines))), " ")
}

// TestReadingOrderAcrossColumnBreaks checks sentences that run from the
// foot of a left column to the head of the right one, or over a page
// break: they must come out whole.
func TestReadingOrderAcrossColumnBreaks(t *testing.T) {
	tests := []struct {
		file, sentence string
	}{
		{"A_60_PV.25.pdf", "strengthen the international non-proliferation regime and facilitate the attainment of the goal of the complete elimination of nuclear weapons"},
		{"A_48_PV.46.pdf", "diverted for military purposes and thereby undermine international peace and stability. President Clinton, in his address"},
		{"A_65_PV.71.pdf", "resolution V is entitled “Realizing the Millennium Development Goals for persons with disabilities"},
		{"S_PV.8422.pdf", "the Central African Republic, who have suffered far too long in this crisis. I want to say once again that"},
		{"S_PV.3756.pdf", "There being on objection, it is so decided."},
		{"A_79_PV.29.pdf", "This can be accomplished only by ensuring that the Court is structurally and operationally sound and by retaining the Court as a court of last resort"},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			doc, err := layout.ExtractInProcess(context.Background(), fixtures.Real(t, tt.file), layout.Options{})
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(flatText(doc), tt.sentence) {
				t.Errorf("the text does not read %q", tt.sentence)
			}
		})
	}
}

// TestReadingOrderAgainstPdftotext takes every pair of consecutive body
// lines in pdftotext's reading order (pages after the cover, where its
// order is reliable) and checks that the words around the line break are
// consecutive in ours. A word pdftotext splits where no space is drawn is
// read joined (see joinSplits).
func TestReadingOrderAgainstPdftotext(t *testing.T) {
	for _, path := range fixtures.RealPDFs(t) {
		t.Run(filepath.Base(path), func(t *testing.T) {
			doc, err := layout.ExtractInProcess(context.Background(), path, layout.Options{})
			if err != nil {
				t.Fatal(err)
			}
			ours := flatText(doc)
			ourWords := countWords(strings.Fields(ours))
			out, err := exec.Command(fixtures.Tool(t, "poppler-utils", "pdftotext"), "-enc", "UTF-8", "-f", "2", path, "-").Output()
			if err != nil {
				t.Fatalf("pdftotext: %v", err)
			}
			lines := strings.Split(norm.NFKC.String(string(out)), "\n")
			pairs, found := 0, 0
			var lost []string
			for i := 0; i+1 < len(lines); i++ {
				a, b := joinSplits(strings.Fields(lines[i]), ourWords), joinSplits(strings.Fields(lines[i+1]), ourWords)
				// Body lines only: long enough to be prose, not ending in a
				// hyphen (the two tools join those differently).
				if len(a) < 6 || len(b) < 6 || strings.HasSuffix(lines[i], "-") {
					continue
				}
				phrase := strings.Join(append(a[len(a)-3:], b[:3]...), " ")
				pairs++
				if strings.Contains(ours, phrase) {
					found++
				} else if len(lost) < 10 {
					lost = append(lost, phrase)
				}
			}
			share := float64(found) / float64(max(1, pairs))
			t.Logf("%d of %d line breaks read alike (%.4f)", found, pairs, share)
			if testing.Verbose() && len(lost) > 0 {
				t.Logf("read otherwise: %q", lost)
			}
			if pairs < 100 || share < 0.99 {
				t.Errorf("only %d of %d line breaks read as in pdftotext; e.g. %q", found, pairs, lost)
			}
		})
	}
}
