package analysis_test

import (
	"context"
	"fmt"
	"os"

	"github.com/scdebate/scdebate/analysis"
	"github.com/scdebate/scdebate/corpus"
)

func ExampleCoder_Classify() {
	tx, err := analysis.DefaultTaxonomy()
	if err != nil {
		panic(err)
	}
	coder, err := analysis.NewCoder(tx, nil)
	if err != nil {
		panic(err)
	}
	for _, text := range []string{
		"We urge the permanent members to refrain from using the veto in situations of mass atrocities.",
		"安理会应在每次会议后商定新闻要素。",
		"Je remercie le Président d'avoir convoqué ce débat.",
	} {
		c := coder.Classify("", text)
		fmt.Println(c.Language, c.Themes, c.Proposal)
	}
	// Output:
	// en [veto] urge
	// zh [press-elements] should
	// fr []
}

func ExampleGroups_Resolve() {
	groups, err := analysis.DefaultGroups()
	if err != nil {
		panic(err)
	}
	for _, g := range groups.Resolve("代表加强问责制、一致性和透明度国家集团") {
		fmt.Println(g.ID, len(g.MembersAt("2021-02-08")))
	}
	// Output:
	// act 25
}

func ExampleExtractReferences() {
	fmt.Println(analysis.ExtractReferences("Under Article 27 and resolution 51/241, and in line with S/2017/507."))
	// Output:
	// [S/2017/507 51/241 Article 27]
}

// An expert's review overrides the coder for the themes it names and
// leaves the rest to it; the annotation keeps where each code came from.
func ExampleEditReviews() {
	dir, err := os.MkdirTemp("", "scdebate-example-")
	if err != nil {
		panic(err)
	}
	defer os.RemoveAll(dir)
	ws, err := corpus.OpenWorkspace(dir)
	if err != nil {
		panic(err)
	}
	rec := &corpus.Record{
		Symbol: "A/79/PV.29", Kind: corpus.KindVerbatim, Language: "en",
		AgendaItems: []corpus.AgendaItem{{Number: "29", Title: "Report of the Security Council"}},
		Source:      corpus.Source{SHA256: "79029"},
		Speeches: []corpus.Speech{{Seq: 3, Delegation: "Mexico", CountryCode: "MEX", Paragraphs: []corpus.Paragraph{
			{N: 2, Text: "The report should say why the Council could not act when a permanent member cast its negative vote."},
		}}},
	}
	if _, err := ws.Records().Put(rec); err != nil {
		panic(err)
	}
	tx, err := analysis.DefaultTaxonomy()
	if err != nil {
		panic(err)
	}
	coder, err := analysis.NewCoder(tx, nil)
	if err != nil {
		panic(err)
	}
	// The stages that write to a workspace take its lock: one lock for
	// both here.
	lk, err := ws.Lock()
	if err != nil {
		panic(err)
	}
	defer lk.Unlock()
	if _, err := coder.AnalyzeWorkspace(context.Background(), lk, analysis.AnalyzeOptions{SkipKeyPhrases: true}); err != nil {
		panic(err)
	}
	out, err := analysis.EditReviews(context.Background(), lk, []analysis.ReviewEdit{
		{Passage: "A_79_PV.29.en#3.2", Text: "+veto"},
		{Passage: "A_79_PV.29.en#3.9", Text: "+veto"},
	}, analysis.ReviewOptions{Origin: "example"})
	if err != nil {
		panic(err)
	}
	for _, c := range out.Changed {
		fmt.Println("changed:", c.Passage, c.After)
	}
	for _, s := range out.Skipped {
		fmt.Println("skipped:", s)
	}
	ann, err := analysis.ReadAnnotation(ws, "79029", tx.Hash())
	if err != nil {
		panic(err)
	}
	for _, cd := range ann.Speeches[0].Paragraphs[0].Codes {
		fmt.Println(cd.Theme, cd.Source)
	}
	// Output:
	// changed: A_79_PV.29.en#3.2 +veto
	// skipped: A_79_PV.29.en#3.9: speech 3 of A/79/PV.29 has no paragraph 9 (it has 2 to 2)
	// annual-report rule
	// veto reviewed
}
