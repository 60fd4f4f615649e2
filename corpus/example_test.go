package corpus_test

import (
	"fmt"
	"log"

	"github.com/scdebate/scdebate/corpus"
)

func ExampleOfficialLink() {
	fmt.Println(corpus.OfficialLink("A/75/PV.78", "fr"))
	fmt.Println(corpus.OfficialLink("A/75/PV.15 (Resumption 1)", ""))
	// Output:
	// https://undocs.org/fr/A/75/PV.78
	// https://undocs.org/en/A/75/PV.15%20%28Resumption%201%29
}

func ExampleParseSessions() {
	ranges, err := corpus.ParseSessions("70-72,79")
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(ranges, corpus.FormatSessions(ranges))
	_, err = corpus.ParseSessions("79-75")
	fmt.Println(err)
	// Output:
	// [70-72 79] 70-72,79
	// bad session "79-75": the range runs backwards
}

func ExampleParseSessionRange() {
	r, _ := corpus.ParseSessionRange("75-")
	fmt.Println(r.From, r.To, r.Contains(79), r.Contains(74))
	// Output: 75 0 true false
}

func ExampleDetectLanguage() {
	fmt.Println(corpus.DetectLanguage("Le Conseil de sécurité doit rendre compte à l'Assemblée."))
	fmt.Println(corpus.DetectLanguage("安全理事会的报告（A/79/2）"))
	// Output:
	// fr
	// zh
}

// A record's debate is read from its agenda items: the Assembly's joint
// debate on the Council's report and on Council reform is the report debate.
func ExampleRecord_Debate() {
	rec := &corpus.Record{AgendaItems: []corpus.AgendaItem{
		{Number: "29", Title: "Report of the Security Council"},
		{Number: "123", Title: "Question of equitable representation on and increase in the membership of the Security Council and related matters"},
	}}
	fmt.Println(rec.Debate(), rec.AgendaDebates())
	// Output: report [report reform]
}
