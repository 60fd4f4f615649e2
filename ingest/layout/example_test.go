package layout_test

import (
	"context"
	"fmt"
	"log"

	"github.com/scdebate/scdebate/ingest/layout"
)

// Extract reads a record in a child process with the default limits. The
// lines come in reading order (here right to left, an Arabic record in the
// UN layout) with the running heads and page numbers removed.
func ExampleExtract() {
	doc, err := layout.Extract(context.Background(), "testdata/arabic/record.pdf", layout.Options{})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(len(doc.Pages), "pages")
	for _, l := range doc.Pages[0].Lines[:2] {
		fmt.Println(l.Text)
	}
	// Output:
	// 3 pages
	// الأمم المتحدة
	// A/79/PV.29
}
