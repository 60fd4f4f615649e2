package reports_test

import (
	"bytes"
	"context"
	"fmt"
	"log"

	"github.com/scdebate/scdebate/analysis"
	"github.com/scdebate/scdebate/corpus"
	"github.com/scdebate/scdebate/reports"
	"github.com/xuri/excelize/v2"
)

// A workbook for documents held in memory: one record, coded.
func ExampleWriteWorkbookFrom() {
	rec := &corpus.Record{
		Symbol: "A/79/PV.29", Kind: corpus.KindVerbatim, Language: "en",
		Session: corpus.Int(79), Meeting: corpus.Int(29), Date: "2024-11-18",
		Source: corpus.Source{SHA256: "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", Pages: 30},
		Speeches: []corpus.Speech{{
			Seq: 1, Speaker: "Mr. Rae", Role: corpus.RoleMemberState, Delegation: "Canada", CountryCode: "CAN",
			Paragraphs: []corpus.Paragraph{{N: 1, Page: 3, Text: "We call on the Council to refrain from using the veto."}},
		}},
	}
	ann := &analysis.Annotation{
		Version: analysis.AnnotationVersion, RecordSHA256: rec.Source.SHA256, Symbol: rec.Symbol, Language: "en",
		Speeches: []analysis.SpeechAnnotation{{Seq: 1, Themes: []string{"veto"}, Paragraphs: []analysis.ParagraphAnnotation{
			{N: 1, Themes: []string{"veto"}, Proposal: true},
		}}},
	}
	docs := func(yield func(*reports.Document, error) bool) {
		yield(&reports.Document{Record: rec, Annotation: ann}, nil)
	}
	var buf bytes.Buffer
	if err := reports.WriteWorkbookFrom(context.Background(), &buf, docs, reports.Options{}); err != nil {
		log.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(f.GetSheetList())
	link, _ := f.GetCellValue(reports.SheetComments, "Q2")
	passage, _ := f.GetCellValue(reports.SheetComments, "R2")
	fmt.Println(link, passage)
	// Output:
	// [Overview Themes by state Comments Proposals Speakers Sources scdebate]
	// https://undocs.org/en/A/79/PV.29#page=3 A_79_PV.29.en#1.1
}

// The comments table as CSV for Excel: a byte-order mark, then RFC 4180
// rows.
func ExampleWriteCSVFrom() {
	rec := &corpus.Record{
		Symbol: "A/79/PV.29", Kind: corpus.KindVerbatim, Language: "en", Session: corpus.Int(79), Date: "2024-11-18",
		Speeches: []corpus.Speech{{
			Seq: 3, Speaker: "Ms. Dúnlaing", Role: corpus.RoleMemberState, Delegation: "Ireland", CountryCode: "IRL",
			Paragraphs: []corpus.Paragraph{{N: 2, Page: 7, Text: `Penholdership should be shared, "fairly".`}},
		}},
	}
	ann := &analysis.Annotation{Speeches: []analysis.SpeechAnnotation{{Seq: 3, Paragraphs: []analysis.ParagraphAnnotation{
		{N: 2, Themes: []string{"burden-sharing"}},
	}}}}
	docs := func(yield func(*reports.Document, error) bool) {
		yield(&reports.Document{Record: rec, Annotation: ann}, nil)
	}
	var buf bytes.Buffer
	if err := reports.WriteCSVFrom(context.Background(), &buf, docs, reports.Options{BOM: true}); err != nil {
		log.Fatal(err)
	}
	fmt.Printf("%q\n", buf.String())
	// Output:
	// "\ufeffSession,Date,Symbol,Meeting,Page,Paragraph,State,Country code,Speaker,Speaking for,Themes,Provenance,Confidence,Proposal,Text,Link,Passage\r\n79,2024-11-18,A/79/PV.29,,7,2,Ireland,IRL,Ms. Dúnlaing,,burden-sharing,,,no,\"Penholdership should be shared, \"\"fairly\"\".\",https://undocs.org/en/A/79/PV.29#page=7,A_79_PV.29.en#3.2\r\n"
}
