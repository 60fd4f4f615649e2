package layout_test

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/scdebate/scdebate/corpus/fixtures"
	"github.com/scdebate/scdebate/ingest/layout"
)

// FuzzExtract feeds arbitrary bytes to the PDF path. Extraction may fail,
// with a typed error, but must not panic. Inputs on which the PDF library
// itself loops are not this code's to fix: the test checks instead that
// the isolated extractor contains them within its time limit.
func FuzzExtract(f *testing.F) {
	f.Add(textPDF(textStreams("Mr. Kiboino (Kenya): Kenya’s delegation", "aligns itself")...))
	f.Add(textPDF(stream("", "BT /F1 10 Tf 1 0 0 1 60 700 Tm [(A)-20(genda)-300(item)] TJ 0 -12 TD (74) ' ET q BI /W 2 /H 2 /CS /G /BPC 8 ID \x00\x01\x02\x03 EI Q")))
	f.Add(encryptedPDF())
	f.Add(imageOnlyPDF())
	f.Add(manyPagesPDF(3, 3))
	f.Add(xrefStreamPDF([]string{"<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [] /Count 0 >>"}, nil))
	small, err := os.ReadFile(fixtures.Real(f, "S_PV.3756.pdf"))
	if err != nil {
		f.Fatal(err)
	}
	f.Add(small)
	f.Fuzz(func(t *testing.T, data []byte) {
		done := make(chan struct{})
		go func() {
			defer close(done)
			doc, err := layout.Decode(context.Background(), bytes.NewReader(data), int64(len(data)), layout.Options{MaxPages: 50})
			if err == nil && len(doc.Pages) == 0 {
				t.Error("a document without pages and without an error")
			}
		}()
		select {
		case <-done:
		case <-time.After(10 * time.Second):
			path := filepath.Join(t.TempDir(), "hang.pdf")
			if err := os.WriteFile(path, data, 0o644); err != nil {
				t.Fatal(err)
			}
			_, err := layout.Extract(context.Background(), path, layout.Options{Timeout: 2 * time.Second, MaxPages: 50})
			var ee *layout.ExtractError
			if !errors.As(err, &ee) {
				t.Fatalf("the isolated extractor did not contain a hang: %v", err)
			}
		}
	})
}
