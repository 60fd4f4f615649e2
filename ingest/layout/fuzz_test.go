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
	"github.com/scdebate/scdebate/ingest/layout/pdftest"
)

// FuzzExtract feeds arbitrary bytes to the PDF path. Extraction may fail,
// with a typed error, but must not panic. Inputs on which the PDF library
// itself loops are not this code's to fix: the test checks instead that
// the isolated extractor contains them within its time limit.
func FuzzExtract(f *testing.F) {
	f.Add(pdftest.TextPDF("Mr. Kiboino (Kenya): Kenya’s delegation", "aligns itself"))
	f.Add(pdftest.Pages(pdftest.Stream("", "BT /F1 10 Tf 1 0 0 1 60 700 Tm [(A)-20(genda)-300(item)] TJ 0 -12 TD (74) ' ET q BI /W 2 /H 2 /CS /G /BPC 8 ID \x00\x01\x02\x03 EI Q")))
	f.Add(pdftest.Encrypted())
	f.Add(pdftest.ImageOnly())
	f.Add(pdftest.SharedPages(3, 3, pdftest.TextPage("a page")))
	f.Add(pdftest.XrefStream([]string{"<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [] /Count 0 >>"}, nil))
	small, err := os.ReadFile(fixtures.Real(f, "S_PV.3756.pdf"))
	if err != nil {
		f.Fatal(err)
	}
	f.Add(small)
	arabic, err := os.ReadFile(filepath.Join(arabicDir, "record.pdf"))
	if err != nil {
		f.Fatal(err)
	}
	f.Add(arabic)
	f.Fuzz(func(t *testing.T, data []byte) {
		done := make(chan struct{})
		go func() {
			defer close(done)
			doc, err := layout.Decode(context.Background(), bytes.NewReader(data), int64(len(data)), layout.Options{Limits: layout.Limits{MaxPages: 50}})
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
			_, err := layout.Extract(context.Background(), path, layout.Options{Timeout: 2 * time.Second, Limits: layout.Limits{MaxPages: 50}})
			var ee *layout.ExtractError
			if !errors.As(err, &ee) {
				t.Fatalf("the isolated extractor did not contain a hang: %v", err)
			}
		}
	})
}

// FuzzPageContent fuzzes a page's content stream inside a well-formed
// file, which reaches the content interpreter, the fonts and the layout
// far more often than mutating whole files does.
func FuzzPageContent(f *testing.F) {
	f.Add([]byte(pdftest.TextPage("Mr. Kiboino (Kenya):")))
	f.Add([]byte("BT /F2 10 Tf 1 0 0 1 60 700 Tm [<0024>4<0012>-300<001A>] TJ 0 -12 TD <00030024> Tj ET"))
	f.Add([]byte("/Artifact <</Type /Pagination>> BDC BT /F1 9 Tf 60 760 Td (2/38) Tj ET EMC /Span <</ActualText (\\t)>> BDC BT /F1 10 Tf 3 Tr 100 400 Td ( ) ' ET EMC"))
	// Arabic letters drawn left to right, with a number and a bracket.
	f.Add([]byte("BT /F2 10 Tf 1 0 0 1 60 700 Tm [<0041>-5<00420043>30<0003>(12)<0011>] TJ 0 -12 TD <0044004500030046> Tj ET"))
	f.Add([]byte("q 0.5 0 0 0.5 0 0 cm /Fm1 Do Q BI /W 2 /H 2 /CS /RGB /BPC 8 ID \x00\x01\x02\x03\x04\x05\x06\x07\x08\x09\x0a\x0b EI 60 700 m 500 700 l S"))
	f.Fuzz(func(t *testing.T, content []byte) {
		data := contentPDF(content)
		doc, err := layout.Decode(context.Background(), bytes.NewReader(data), int64(len(data)), layout.Options{})
		if err == nil && len(doc.Pages) != 1 {
			t.Errorf("%d pages", len(doc.Pages))
		}
		var ee *layout.ExtractError
		if err != nil && !errors.Is(err, layout.ErrNoText) && !errors.As(err, &ee) {
			t.Errorf("unexpected error %v", err)
		}
	})
}

// contentPDF is a one-page file drawing content with a simple font (F1),
// a composite font with a CMap (F2, Latin from <0010>, Arabic letters
// from <0041>) and a form (Fm1) that draws text.
func contentPDF(content []byte) []byte {
	cmap := "/CIDInit /ProcSet findresource begin 12 dict begin begincmap 1 begincodespacerange <0000> <FFFF> endcodespacerange " +
		"1 beginbfchar <0003> <0020> endbfchar 2 beginbfrange <0010> <0040> <002D> <0041> <0060> <0627> endbfrange endcmap end end"
	return pdftest.File([]string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R /F2 6 0 R >> /XObject << /Fm1 9 0 R >> >> >>",
		pdftest.Stream("", string(content)),
		pdftest.Helvetica,
		"<< /Type /Font /Subtype /Type0 /BaseFont /ABCDEF+TimesNewRomanPSMT /Encoding /Identity-H /DescendantFonts [7 0 R] /ToUnicode 8 0 R >>",
		"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /ABCDEF+TimesNewRomanPSMT /DW 500 /W [3 [250] 16 64 500] >>",
		pdftest.Stream("", cmap),
		pdftest.Stream("/Type /XObject /Subtype /Form /BBox [0 0 612 792] /Resources << /Font << /F1 5 0 R >> >>", pdftest.TextPage("in a form")),
	}, "")
}
