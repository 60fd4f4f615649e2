package corpus_test

import (
	"fmt"

	"github.com/scdebate/scdebate/corpus"
)

func ExampleOfficialLink() {
	fmt.Println(corpus.OfficialLink("A/75/PV.78", "fr"))
	fmt.Println(corpus.OfficialLink("A/75/PV.15 (Resumption 1)", ""))
	// Output:
	// https://undocs.org/fr/A/75/PV.78
	// https://undocs.org/en/A/75/PV.15%20%28Resumption%201%29
}
