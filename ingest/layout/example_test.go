package layout_test

import (
	"context"
	"fmt"
	"log"

	"github.com/scdebate/scdebate/ingest/layout"
)

// Extract reads a record in a child process with the default limits. The
// lines come in reading order with the running heads, page numbers and
// job numbers removed: page 2 starts with the sentence page 1 left off.
func ExampleExtract() {
	doc, err := layout.Extract(context.Background(), "../../../shared/corpus/real/A_79_PV.29.pdf", layout.Options{})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(doc.Info.Subject, len(doc.Pages), "pages")
	for _, l := range doc.Pages[1].Lines[:3] {
		fmt.Println(l.Text)
	}
	// Output:
	// A/79/PV.29 38 pages
	// operationally sound and by retaining the Court as a court of last resort, as originally
	// intended. Its work, therefore, must be solidly based on the principle of
	// complementarity with national courts. This calls for building the national capacity of
}
