package main

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/scdebate/scdebate/analysis"
	"github.com/scdebate/scdebate/corpus"
	"github.com/scdebate/scdebate/index"
)

// FuzzRecordFile feeds arbitrary record files — what a workspace's
// records/ may hold after a hand edit, a copy from elsewhere or disk
// damage — to the stages that read them: the theme coder and the index's
// passages. A record that decodes must go through both without a panic.
func FuzzRecordFile(f *testing.F) {
	seeds, _ := filepath.Glob(filepath.Join("..", "..", "analysis", "testdata", "records", "*.json"))
	for _, p := range seeds {
		b, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Add([]byte(`{"symbol":"A/79/PV.29","language":"en","session":null,"meeting":-1,"date":"2024",` +
		`"speeches":[{"seq":1,"paragraphs":[{"n":1,"page":-3,"text":"We call on the Council to publish its report."}]},` +
		`{"seq":1,"paragraphs":[{"n":1,"text":""},{"n":1}]}],"letter":{"signatories":[{}]}}`))
	f.Add([]byte(`{"kind":"letter","language":"zh","speeches":[{"on_behalf_of":["ACT"],"aligned_with":[""],"paragraphs":[{"text":"我们请安全理事会：- 决定"}]}]}`))
	f.Add([]byte(`{"language":"xx","speeches":[{"delegation":"\u0000","country_code":"???","paragraphs":[{"text":"\ud800"}]}]}`))
	tx, err := analysis.DefaultTaxonomy()
	if err != nil {
		f.Fatal(err)
	}
	coder, err := analysis.NewCoder(tx, nil)
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > 1<<16 {
			return
		}
		var rec corpus.Record
		if json.Unmarshal(data, &rec) != nil {
			return
		}
		ann, err := coder.Code(context.Background(), &rec)
		if err != nil {
			t.Fatalf("Code: %v", err)
		}
		for _, a := range []*analysis.Annotation{nil, ann} {
			for _, p := range index.Passages(index.RecordKey(&rec), &rec, a) {
				p.URL()
				p.Citation()
			}
		}
	})
}
