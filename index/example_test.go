package index_test

import (
	"context"
	"fmt"
	"os"

	"github.com/scdebate/scdebate/corpus"
	"github.com/scdebate/scdebate/index"
	"github.com/scdebate/scdebate/index/indextest"
)

func ExampleParseQuery() {
	n, err := index.ParseQuery(`"wrap-up sessions" OR penhold* -arria`)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(n)
	_, err = index.ParseQuery(`"wrap-up sessions`)
	fmt.Println(err)
	// Output:
	// ("wrap-up sessions" OR (penhold* AND NOT arria))
	// query "\"wrap-up sessions": unterminated quotation mark at position 1
}

func ExampleParseSessionRange() {
	r, _ := index.ParseSessionRange("75-79")
	fmt.Println(r.From, r.To)
	// Output: 75 79
}

func ExampleUpdate() {
	dir, _ := os.MkdirTemp("", "scdebate-example")
	defer os.RemoveAll(dir)
	ws, _ := corpus.OpenWorkspace(dir)
	indextest.Write(ws, indextest.Handmade())

	lk, err := ws.Lock() // Update writes: it needs the workspace's lock
	if err != nil {
		fmt.Println(err)
		return
	}
	defer lk.Unlock()
	st, err := index.Update(context.Background(), lk, index.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(st.Total, "records,", st.InIndex, "passages")

	ix, _ := index.Open(ws)
	defer ix.Close()
	res, _ := ix.Search(context.Background(), &index.Request{
		Query: "veto", Countries: []string{"NZL"}, Languages: []string{"en"}, ExcludeSamples: true,
		Size: 5, Highlight: true, Sort: index.SortDateAsc,
	})
	for _, h := range res.Hits {
		fmt.Println(h.Citation(), h.URL(), h.Fragment.Plain("[", "]"))
	}
	// Output:
	// 4 records, 13 passages
	// A/75/PV.78, p. 4, para. 2 https://undocs.org/en/A/75/PV.78#page=4 We call on the permanent members to refrain from the [veto].
	// A/75/PV.78, p. 5, para. 3 https://undocs.org/en/A/75/PV.78#page=5 The [veto] was used four times; the Code of Conduct matters.
}
