package ingest_test

import (
	"context"
	"fmt"
	"os"

	"github.com/scdebate/scdebate/corpus"
	"github.com/scdebate/scdebate/ingest"
)

func ExampleParseFile() {
	rec, err := ingest.ParseFile(context.Background(), "testdata/text/modern.txt", nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(rec.Symbol, *rec.Session, rec.Date, rec.TimeStart)
	for _, s := range rec.Speeches[:3] {
		fmt.Printf("%d %s (%s %s) %s\n", s.Seq, s.Speaker, s.Role, s.CountryCode, s.OnBehalfOf)
	}
	// Output:
	// A/77/PV.12 77 2022-10-10 10:05
	// 1 The Acting President (acting-president ) []
	// 2 Mr. Kiboino (member-state KEN) [Group of African States]
	// 3 Mr. Lagdameo (observer ) [European Union and its member States]
}

func ExampleIngest() {
	dir, err := os.MkdirTemp("", "ws")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer os.RemoveAll(dir)
	ws, err := corpus.OpenWorkspace(dir)
	if err != nil {
		fmt.Println(err)
		return
	}
	lk, err := ws.Lock()
	if err != nil {
		fmt.Println(err)
		return
	}
	defer lk.Unlock()
	res, err := ingest.Ingest(context.Background(), lk, []string{"testdata/text"}, ingest.Options{
		OnError: func(_ string, err error) error {
			fmt.Println("failed:", err)
			return nil // skip the file and go on
		},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("%d stored, %d skipped, %d failed\n", res.Written, res.Unchanged, res.Failed)
	// Output:
	// failed: testdata/text/notarecord.txt: not a verbatim record or letter: no document symbol, meeting number or date on the first page
	// 8 stored, 0 skipped, 1 failed
}
