package layout_test

import (
	"context"
	"flag"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/scdebate/scdebate/corpus/fixtures"
	"github.com/scdebate/scdebate/ingest/layout"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// renderGolden prints a document one line per text line with its
// geometry and hints, so that a change in layout shows in a diff.
func renderGolden(doc *layout.Document) string {
	var b strings.Builder
	for _, p := range doc.Pages {
		fmt.Fprintf(&b, "=== page %d (%gx%g)", p.N, p.Width, p.Height)
		if p.Err != "" {
			fmt.Fprintf(&b, " error: %s", p.Err)
		}
		b.WriteString("\n")
		for _, l := range p.Lines {
			mark := " "
			if l.ParagraphStart {
				mark = "¶"
			}
			style := ""
			if l.Bold {
				style += "B"
			}
			if l.Italic {
				style += "I"
			}
			if len(l.Spans) > 0 {
				var parts []string
				for _, s := range l.Spans {
					st := ""
					if s.Bold {
						st += "B"
					}
					if s.Italic {
						st += "I"
					}
					parts = append(parts, fmt.Sprintf("%s%q", st, s.Text))
				}
				style += " spans=" + strings.Join(parts, "+")
			}
			fmt.Fprintf(&b, "%s c%d x=%.1f r=%.1f y=%.1f s=%.1f col=%.1f-%.1f %s| %s\n",
				mark, l.Column, l.X, l.Right, l.Y, l.Size, l.ColumnLeft, l.ColumnRight, style, l.Text)
		}
		for _, l := range p.Furniture {
			fmt.Fprintf(&b, "~ removed y=%.1f | %s\n", l.Y, l.Text)
		}
	}
	return b.String()
}

// TestGoldenLines compares the extraction of real records with reviewed
// renderings in testdata (go test -run Golden -update rewrites them).
func TestGoldenLines(t *testing.T) {
	for _, name := range []string{"A_60_PV.25.pdf", "S_PV.3756.pdf"} {
		t.Run(name, func(t *testing.T) {
			doc, err := layout.ExtractInProcess(context.Background(), fixtures.Real(t, name), layout.Options{})
			if err != nil {
				t.Fatal(err)
			}
			got := renderGolden(doc)
			golden := filepath.Join("testdata", strings.TrimSuffix(name, ".pdf")+".golden")
			checkGoldenFile(t, golden, got)
		})
	}
}
