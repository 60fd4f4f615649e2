package analysis_test

import (
	"fmt"

	"github.com/scdebate/scdebate/analysis"
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
