package fetch_test

import (
	"context"
	"fmt"
	"log"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"

	"github.com/scdebate/scdebate/ingest/fetch"
)

func ExampleODSURL() {
	fmt.Println(fetch.ODSURL("", "A/75/PV.78", "en"))
	// Output: https://documents.un.org/api/symbol/access?s=A/75/PV.78&l=en&t=pdf
}

// Fetch downloads documents into a raw/ directory. Here a local server
// stands in for the Official Document System.
func ExampleFetcher_Fetch() {
	pdf := "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
	ods := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/api/symbol/access" {
			http.Redirect(w, r, "/files/"+strings.ReplaceAll(r.URL.Query().Get("s"), "/", "_")+".pdf", http.StatusFound)
			return
		}
		w.Header().Set("Content-Type", "application/pdf")
		fmt.Fprint(w, pdf)
	}))
	defer ods.Close()

	dir, err := os.MkdirTemp("", "ws")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(dir)

	// A local server may be asked faster than the default one request a
	// second.
	client := fetch.NewClient(fetch.HTTPOptions{Rate: 50})
	f := fetch.New(fetch.Options{RawDir: filepath.Join(dir, "raw"), ODSBaseURL: ods.URL, Client: client})
	report, err := f.Fetch(context.Background(), []fetch.Target{{Symbol: "A/75/PV.78", Lang: "en"}})
	if err != nil {
		log.Fatal(err)
	}
	for _, r := range report.Results {
		fmt.Println(r.Target.Symbol, r.Status, filepath.Base(r.Path), r.Entry.Size)
	}
	// Output: A/75/PV.78 downloaded A_75_PV.78.en.pdf 45
}

// Resolve lists the meetings of the report debate of some sessions; without
// a Library it answers from the embedded registry alone.
func ExampleResolver_Resolve() {
	res, err := (&fetch.Resolver{}).Resolve(context.Background(), []int{69, 75})
	if err != nil {
		log.Fatal(err)
	}
	for _, d := range res.Debates {
		for _, m := range d.Meetings {
			fmt.Println(d.Session, m.Symbol, m.Date, m.Sources)
		}
	}
	// Output:
	// 69 A/69/PV.58 2014-11-21 [issue-3 scprocedure-2014]
	// 75 A/75/PV.78 2021-06-11 [issue-3 unmultimedia-2629903]
	// 75 A/75/PV.79  [issue-3]
}
