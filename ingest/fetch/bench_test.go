package fetch

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"
)

// BenchmarkParseMARCXML parses a search page of 100 records shaped like the
// Digital Library's.
func BenchmarkParseMARCXML(b *testing.B) {
	var doc bytes.Buffer
	doc.WriteString(`<?xml version="1.0" encoding="UTF-8"?><!-- Search-Engine-Total-Number-Of-Results: 100 --><collection xmlns="http://www.loc.gov/MARC21/slim">`)
	for i := 1; i <= 100; i++ {
		fmt.Fprintf(&doc, `<record><controlfield tag="001">%d</controlfield><datafield tag="191" ind1=" " ind2=" "><subfield code="a">A/75/PV.%d</subfield><subfield code="b">A/</subfield><subfield code="c">75</subfield></datafield><datafield tag="269" ind1=" " ind2=" "><subfield code="a">2021-06-11</subfield></datafield><datafield tag="856" ind1="4" ind2=" "><subfield code="u">https://digitallibrary.un.org/record/%d/files/A_75_PV.%d-EN.pdf</subfield><subfield code="y">English</subfield></datafield><datafield tag="991" ind1="1" ind2=" "><subfield code="a">A/75/251</subfield><subfield code="b">29</subfield><subfield code="c">Report of the Security Council.</subfield></datafield></record>`, i, i, i, i)
	}
	doc.WriteString(`</collection>`)
	b.ReportAllocs()
	b.SetBytes(int64(doc.Len()))
	records := 0
	for b.Loop() {
		c, err := ParseMARCXML(bytes.NewReader(doc.Bytes()))
		if err != nil {
			b.Fatal(err)
		}
		records += len(MeetingsFromRecords(c.Records, 75, DefaultLibraryBaseURL))
	}
	b.ReportMetric(float64(records)/b.Elapsed().Seconds(), "records/s")
}

// BenchmarkFetch downloads a real record from a loopback server without a
// rate limit: the cost of the client, the checks and the hashing.
func BenchmarkFetch(b *testing.B) {
	doc := loadReal(b, "A_79_PV.29.pdf")
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.HasPrefix(r.URL.Path, "/api/") {
			http.Redirect(w, r, "/files/x.pdf", http.StatusFound)
			return
		}
		w.Header().Set("Content-Type", "application/pdf")
		w.Write(doc.Data)
	}))
	defer srv.Close()
	b.ReportAllocs()
	b.SetBytes(int64(len(doc.Data)))
	docs := 0
	for b.Loop() {
		raw := filepath.Join(b.TempDir(), "raw")
		f := New(Options{RawDir: raw, ODSBaseURL: srv.URL, Client: NewClient(HTTPOptions{Rate: -1})})
		report, err := f.Fetch(context.Background(), []Target{{Symbol: doc.Symbol, Lang: "en"}})
		if err != nil || report.Results[0].Status != StatusDownloaded {
			b.Fatal(err, report.Results)
		}
		docs++
	}
	b.ReportMetric(float64(docs)/b.Elapsed().Seconds(), "docs/s")
}
