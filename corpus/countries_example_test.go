package corpus_test

import (
	"fmt"

	"github.com/scdebate/scdebate/corpus"
)

func ExampleLookupCountry() {
	for _, printed := range []struct{ name, lang string }{
		{"Côte d’Ivoire", "en"},
		{"TURKEY", "en"},
		{"the Netherlands", "en"},
		{"瑞士", "zh"},
		{"Royaume-Uni de Grande-Bretagne et d'Irlande du Nord", "fr"},
		{"Guinea", "en"},
		{"Guinea-Bissau", "en"},
	} {
		c, ok := corpus.LookupCountry(printed.name, printed.lang)
		fmt.Println(c.Code, c.Name("en"), ok)
	}
	// Output:
	// CIV Côte d'Ivoire true
	// TUR Türkiye true
	// NLD Netherlands (Kingdom of the) true
	// CHE Switzerland true
	// GBR United Kingdom true
	// GIN Guinea true
	// GNB Guinea-Bissau true
}

func ExampleCountryByCode() {
	c, _ := corpus.CountryByCode("GBR")
	fmt.Println(c.Name("en"))
	fmt.Println(c.Names["en"][1])
	fmt.Println(c.Name("zh"), c.Region)
	// Output:
	// United Kingdom
	// United Kingdom of Great Britain and Northern Ireland
	// 联合王国 western-european-others
}
