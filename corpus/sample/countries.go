package sample

import (
	"github.com/scdebate/scdebate/corpus"
)

// delegation is a State or observer that takes the floor.
type delegation struct {
	corpus.Country
	// speaks is the official language its representatives usually speak
	// at the United Nations, when it is not English.
	speaks string
}

func (d delegation) observer() bool { return d.Status != corpus.StatusMember }

func (d delegation) name(lang string) string { return d.Name(lang) }

// delegationNamed finds a delegation by the name a record in lang prints.
func delegationNamed(lang, name string) (delegation, bool) {
	c, ok := corpus.LookupCountry(name, lang)
	if !ok || c.Status == corpus.StatusFormerMember {
		return delegation{}, false
	}
	return delegation{Country: c, speaks: unLanguage[c.Code]}, true
}

// floorDelegations are the delegations a generated debate draws its
// speakers from: the Member States, the observer States and the European
// Union.
func floorDelegations() []delegation {
	var out []delegation
	for _, c := range corpus.Countries() {
		if c.Status == corpus.StatusMember || c.Status == corpus.StatusObserverState || c.Name("en") == "European Union" {
			out = append(out, delegation{Country: c, speaks: unLanguage[c.Code]})
		}
	}
	return out
}

// unLanguage is the official language other than English that a
// delegation's representatives usually speak in the Assembly, by ISO
// 3166-1 alpha-3 code, so that generated speeches carry plausible
// "(spoke in …)" notes. States absent here speak English.
var unLanguage = map[string]string{
	// Arabic
	"DZA": "ar", "BHR": "ar", "COM": "ar", "DJI": "ar", "EGY": "ar", "IRQ": "ar", "JOR": "ar", "KWT": "ar",
	"LBN": "ar", "LBY": "ar", "MRT": "ar", "MAR": "ar", "OMN": "ar", "QAT": "ar", "SAU": "ar", "SOM": "ar",
	"SDN": "ar", "SYR": "ar", "TUN": "ar", "ARE": "ar", "YEM": "ar", "PSE": "ar",
	// Chinese
	"CHN": "zh",
	// French
	"BEL": "fr", "BEN": "fr", "BFA": "fr", "BDI": "fr", "CMR": "fr", "CAF": "fr", "TCD": "fr", "COG": "fr",
	"COD": "fr", "CIV": "fr", "FRA": "fr", "GAB": "fr", "GIN": "fr", "HTI": "fr", "LUX": "fr", "MDG": "fr",
	"MLI": "fr", "MCO": "fr", "NER": "fr", "SEN": "fr", "TGO": "fr", "CHE": "fr",
	// Russian
	"RUS": "ru", "BLR": "ru", "KAZ": "ru", "KGZ": "ru", "TJK": "ru", "TKM": "ru", "UZB": "ru",
	// Spanish
	"ARG": "es", "BOL": "es", "CHL": "es", "COL": "es", "CRI": "es", "CUB": "es", "DOM": "es", "ECU": "es",
	"SLV": "es", "GNQ": "es", "GTM": "es", "HND": "es", "MEX": "es", "NIC": "es", "PAN": "es", "PRY": "es",
	"PER": "es", "ESP": "es", "URY": "es", "VEN": "es",
}
