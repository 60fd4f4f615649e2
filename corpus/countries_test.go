package corpus

import (
	"bufio"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/scdebate/scdebate/corpus/fixtures"
)

func TestCountryTableCounts(t *testing.T) {
	statuses := map[string]int{}
	regions := map[string]int{}
	for _, c := range Countries() {
		statuses[c.Status]++
		if c.Status == StatusMember {
			regions[c.Region]++
		}
	}
	wantStatuses := map[string]int{
		StatusMember:         193,
		StatusObserverState:  2,
		StatusObserverEntity: 13,
		StatusFormerMember:   7,
	}
	for s, n := range wantStatuses {
		if statuses[s] != n {
			t.Errorf("%s: %d entries, want %d", s, statuses[s], n)
		}
	}
	// Sizes of the regional groups as the Secretariat lists them, with the
	// United States counted in the Western European and others Group and
	// Kiribati in the Asia-Pacific Group (see the Country.Region comment).
	wantRegions := map[string]int{
		RegionAfrican:                54,
		RegionAsiaPacific:            54,
		RegionEasternEuropean:        23,
		RegionLatinAmericanCaribbean: 33,
		RegionWesternEuropeanOthers:  29,
	}
	for r, n := range wantRegions {
		if regions[r] != n {
			t.Errorf("region %s: %d members, want %d", r, regions[r], n)
		}
	}
	if len(regions) != len(wantRegions) {
		t.Errorf("members in regions %v, want only %v", regions, wantRegions)
	}
}

func TestCountryTableEntries(t *testing.T) {
	codeRE := regexp.MustCompile(`^[A-Z]{3}$`)
	codes := map[string]bool{}
	for _, c := range Countries() {
		label := c.Code + " " + c.Name("en")
		switch c.Status {
		case StatusObserverEntity:
			if c.Code != "" {
				t.Errorf("%s: observer entity with a code", label)
			}
		default:
			if !codeRE.MatchString(c.Code) {
				t.Errorf("%s: code %q is not alpha-3", label, c.Code)
			}
			if codes[c.Code] {
				t.Errorf("%s: duplicate code", label)
			}
			codes[c.Code] = true
		}
		if c.Status == StatusMember && c.Region == "" {
			t.Errorf("%s: member without a region", label)
		}
		for _, lang := range Languages {
			names := c.Names[lang]
			if len(names) < 2 {
				t.Errorf("%s: %s names %q, want short and formal", label, lang, names)
				continue
			}
			seen := map[string]bool{}
			for _, n := range names {
				if strings.TrimSpace(n) != n || n == "" || strings.Contains(n, "  ") {
					t.Errorf("%s: %s name %q has stray spaces", label, lang, n)
				}
				if seen[n] && n != names[0] {
					t.Errorf("%s: %s name %q listed twice", label, lang, n)
				}
				seen[n] = true
			}
		}
		if len(c.Names) != len(Languages) {
			t.Errorf("%s: names in %d languages, want %d", label, len(c.Names), len(Languages))
		}
	}
	for _, c := range Countries() {
		if c.Successor == "" {
			continue
		}
		if c.Status != StatusFormerMember {
			t.Errorf("%s: successor on a %s", c.Code, c.Status)
		}
		if s, ok := CountryByCode(c.Successor); !ok || s.Status != StatusMember {
			t.Errorf("%s: successor %s is not a Member State", c.Code, c.Successor)
		}
	}
}

// Every name in the table is a key of one country only, in its language and
// across languages: otherwise lookups of that name would fail.
func TestCountryKeysUnambiguous(t *testing.T) {
	tb := countryTable()
	if len(tb.clashes) > 0 {
		t.Errorf("names shared by different countries within a language: %v", tb.clashes)
	}
	for key, i := range tb.anyLang {
		if i < 0 {
			t.Errorf("key %q names different countries in different languages", key)
		}
	}
}

func TestCountryNamesRoundTrip(t *testing.T) {
	n := 0
	for _, c := range Countries() {
		for lang, names := range c.Names {
			for _, name := range names {
				n++
				for _, l := range []string{lang, ""} {
					got, ok := LookupCountry(name, l)
					if !ok || got.Name("en") != c.Name("en") {
						t.Errorf("LookupCountry(%q, %q) = %q, %v; want %q", name, l, got.Name("en"), ok, c.Name("en"))
					}
				}
				// Records of 1993 print names in capitals.
				if got, ok := LookupCountry(strings.ToUpper(name), lang); !ok || got.Name("en") != c.Name("en") {
					t.Errorf("LookupCountry(%q, %q) = %q, %v; want %q", strings.ToUpper(name), lang, got.Name("en"), ok, c.Name("en"))
				}
			}
		}
		if c.Code != "" {
			if got, ok := CountryByCode(c.Code); !ok || got.Name("en") != c.Name("en") {
				t.Errorf("CountryByCode(%q) = %q, %v", c.Code, got.Name("en"), ok)
			}
		}
	}
	if n < 6*215*2 {
		t.Errorf("round-tripped %d names, want at least %d", n, 6*215*2)
	}
}

func TestLookupCountry(t *testing.T) {
	tests := []struct {
		name, in, lang string
		want           string // code; "EU" etc. for entities by English name; "" for no match
	}{
		// Short, formal and variant names in English.
		{"uk short", "United Kingdom", "en", "GBR"},
		{"uk formal", "United Kingdom of Great Britain and Northern Ireland", "en", "GBR"},
		{"bolivia", "Bolivia (Plurinational State of)", "en", "BOL"},
		{"venezuela", "Venezuela (Bolivarian Republic of)", "en", "VEN"},
		{"venezuela formal", "Bolivarian Republic of Venezuela", "en", "VEN"},
		{"iran", "Iran (Islamic Republic of)", "en", "IRN"},
		{"iran formal", "Islamic Republic of Iran", "en", "IRN"},
		{"micronesia", "Micronesia (Federated States of)", "en", "FSM"},
		{"korea", "Republic of Korea", "en", "KOR"},
		{"dprk", "Democratic People's Republic of Korea", "en", "PRK"},
		{"dprk curly", "Democratic People’s Republic of Korea", "en", "PRK"},
		{"lao", "Lao People's Democratic Republic", "en", "LAO"},
		{"russia", "Russian Federation", "en", "RUS"},
		{"syria", "Syrian Arab Republic", "en", "SYR"},
		{"tanzania", "United Republic of Tanzania", "en", "TZA"},
		{"moldova", "Republic of Moldova", "en", "MDA"},
		{"viet nam", "Viet Nam", "en", "VNM"},
		{"netherlands new", "Netherlands (Kingdom of the)", "en", "NLD"},
		{"netherlands", "the Netherlands", "en", "NLD"},
		{"saint kitts", "Saint Kitts and Nevis", "en", "KNA"},
		{"sao tome", "Sao Tome and Principe", "en", "STP"},
		{"sao tome accents", "São Tomé and Príncipe", "en", "STP"},
		{"timor-leste", "Timor-Leste", "en", "TLS"},
		{"timor en dash", "Timor–Leste", "en", "TLS"},
		{"eswatini", "Eswatini", "en", "SWZ"},
		{"swaziland", "Swaziland", "en", "SWZ"},
		{"north macedonia", "North Macedonia", "en", "MKD"},
		{"fyrom", "the former Yugoslav Republic of Macedonia", "en", "MKD"},
		{"turkiye", "Türkiye", "en", "TUR"},
		{"turkiye no diacritic", "Turkiye", "en", "TUR"},
		{"turkey", "Turkey", "en", "TUR"},
		{"czechia", "Czechia", "en", "CZE"},
		{"czech republic", "Czech Republic", "en", "CZE"},
		{"cabo verde", "Cabo Verde", "en", "CPV"},
		{"cape verde", "Cape Verde", "en", "CPV"},
		{"burma", "Burma", "en", "MMR"},
		{"libyan jamahiriya", "Libyan Arab Jamahiriya", "en", "LBY"},
		{"byelorussian ssr", "Byelorussian SSR", "en", "BLR"},
		{"ukrainian ssr", "Ukrainian Soviet Socialist Republic", "en", "UKR"},
		{"kazakstan 1990s", "Kazakstan", "en", "KAZ"},
		{"palestine", "Palestine", "en", "PSE"},
		{"state of palestine", "State of Palestine", "en", "PSE"},
		{"holy see", "Holy See", "en", "VAT"},
		{"european union", "European Union", "en", "EU"},
		{"european community", "European Community", "en", "EU"},
		{"order of malta", "Sovereign Military Order of Malta", "en", "SMOM"},
		{"icrc", "International Committee of the Red Cross", "en", "ICRC"},
		// Former Member States.
		{"ussr", "Union of Soviet Socialist Republics", "en", "SUN"},
		{"ussr abbreviation", "U.S.S.R.", "en", "SUN"},
		{"yugoslavia", "Yugoslavia", "en", "YUG"},
		{"fry", "Federal Republic of Yugoslavia", "en", "YUG"},
		{"czechoslovakia", "Czechoslovakia", "en", "CSK"},
		{"zaire", "Zaire", "en", "ZAR"},
		{"zaire french", "Zaïre", "fr", "ZAR"},
		{"gdr", "German Democratic Republic", "en", "DDR"},
		{"democratic yemen", "Democratic Yemen", "en", "YMD"},
		{"serbia and montenegro", "Serbia and Montenegro", "en", "SCG"},

		// Normalisation.
		{"capitals", "UNITED STATES OF AMERICA", "en", "USA"},
		{"capitals diacritics", "CÔTE D'IVOIRE", "en", "CIV"},
		{"ivoire plain", "Cote d'Ivoire", "en", "CIV"},
		{"ivoire right quote", "Côte d’Ivoire", "en", "CIV"},
		{"ivoire modifier letter", "Côte dʼIvoire", "en", "CIV"},
		{"ivoire grave", "Cote d`Ivoire", "en", "CIV"},
		{"ivoire no apostrophe", "Cote dIvoire", "en", "CIV"},
		{"the prefix", "The Gambia", "en", "GMB"},
		{"unterm article", "Bahamas (the)", "en", "BHS"},
		{"line wrap", "Democratic Republic\nof the Congo", "en", "COD"},
		{"wrapped hyphen", "Guinea-\nBissau", "en", "GNB"},
		{"hyphenated word", "Bosnia and Herze-\ngovina", "en", "BIH"},
		{"extra spaces", "  Saint   Vincent and the\tGrenadines ", "en", "VCT"},
		{"nbsp", "New\u00a0Zealand", "en", "NZL"},
		{"trailing colon", "Ghana):", "en", "GHA"},
		{"trailing dot leaders", "Kuwait. . . . . .", "en", "KWT"},
		{"trailing comma", "Mexico,", "en", "MEX"},
		{"soft hyphen", "Liech\u00adtenstein", "en", "LIE"},

		// Pairs that must not be confused.
		{"guinea", "Guinea", "en", "GIN"},
		{"guinea-bissau", "Guinea-Bissau", "en", "GNB"},
		{"equatorial guinea", "Equatorial Guinea", "en", "GNQ"},
		{"papua new guinea", "Papua New Guinea", "en", "PNG"},
		{"niger", "Niger", "en", "NER"},
		{"the niger", "the Niger", "en", "NER"},
		{"nigeria", "Nigeria", "en", "NGA"},
		{"dominica", "Dominica", "en", "DMA"},
		{"dominican republic", "Dominican Republic", "en", "DOM"},
		{"congo", "Congo", "en", "COG"},
		{"drc", "Democratic Republic of the Congo", "en", "COD"},
		{"sudan", "Sudan", "en", "SDN"},
		{"the sudan", "the Sudan", "en", "SDN"},
		{"south sudan", "South Sudan", "en", "SSD"},
		{"austria", "Austria", "en", "AUT"},
		{"australia", "Australia", "en", "AUS"},
		{"zh guinea", "几内亚", "zh", "GIN"},
		{"zh guinea-bissau", "几内亚比绍", "zh", "GNB"},
		{"zh equatorial guinea", "赤道几内亚", "zh", "GNQ"},
		{"zh niger", "尼日尔", "zh", "NER"},
		{"zh nigeria", "尼日利亚", "zh", "NGA"},
		{"zh dominica", "多米尼克", "zh", "DMA"},
		{"zh dominican republic", "多米尼加", "zh", "DOM"},
		{"zh congo", "刚果", "zh", "COG"},
		{"zh congo full-width", "刚果（布）", "zh", "COG"},
		{"zh congo ascii parens", "刚果(布)", "zh", "COG"},
		{"zh drc", "刚果民主共和国", "zh", "COD"},
		{"zh sudan", "苏丹", "zh", "SDN"},
		{"zh south sudan", "南苏丹", "zh", "SSD"},
		{"fr guinea", "Guinée", "fr", "GIN"},
		{"fr equatorial guinea", "Guinée équatoriale", "fr", "GNQ"},
		{"fr dominica", "Dominique", "fr", "DMA"},
		{"fr dominican republic", "République dominicaine", "fr", "DOM"},
		{"es niger", "Níger", "es", "NER"},
		{"es nigeria", "Nigeria", "es", "NGA"},

		// French.
		{"fr uk", "Royaume-Uni de Grande-Bretagne et d'Irlande du Nord", "fr", "GBR"},
		{"fr uk short", "Royaume-Uni", "fr", "GBR"},
		{"fr switzerland", "Suisse", "fr", "CHE"},
		{"fr ivory", "Côte d’Ivoire", "fr", "CIV"},
		{"fr bolivia", "Bolivie (État plurinational de)", "fr", "BOL"},
		{"fr iran", "Iran (République islamique d')", "fr", "IRN"},
		{"fr article", "l'Afghanistan", "fr", "AFG"},
		{"fr article le", "le Canada", "fr", "CAN"},
		{"fr usa", "États-Unis d'Amérique", "fr", "USA"},
		{"fr usa no accent", "Etats-Unis d'Amerique", "fr", "USA"},
		{"fr turkiye", "Turquie", "fr", "TUR"},
		{"fr fyrom", "ex-République yougoslave de Macédoine", "fr", "MKD"},
		{"fr netherlands", "Pays-Bas", "fr", "NLD"},
		{"fr eu", "Union européenne", "fr", "EU"},
		{"fr common north korea", "Corée du Nord", "fr", "PRK"},
		{"fr common south korea", "Corée du Sud", "fr", "KOR"},
		// Spanish.
		{"es uk", "Reino Unido de Gran Bretaña e Irlanda del Norte", "es", "GBR"},
		{"es spain", "España", "es", "ESP"},
		{"es el salvador", "El Salvador", "es", "SLV"},
		{"es venezuela", "Venezuela (República Bolivariana de)", "es", "VEN"},
		{"es new zealand un", "Nueva Zelandia", "es", "NZL"},
		{"es new zealand common", "Nueva Zelanda", "es", "NZL"},
		{"es trinidad", "Trinidad y Tabago", "es", "TTO"},
		{"es korea", "República de Corea", "es", "KOR"},
		{"es dprk", "República Popular Democrática de Corea", "es", "PRK"},
		{"es eu", "Unión Europea", "es", "EU"},
		// Russian.
		{"ru uk", "Соединенное Королевство Великобритании и Северной Ирландии", "ru", "GBR"},
		{"ru uk yo", "Соединённое Королевство", "ru", "GBR"},
		{"ru russia", "Российская Федерация", "ru", "RUS"},
		{"ru usa", "Соединенные Штаты Америки", "ru", "USA"},
		{"ru png em dash", "Папуа — Новая Гвинея", "ru", "PNG"},
		{"ru png hyphen", "Папуа-Новая Гвинея", "ru", "PNG"},
		{"ru capitals", "КИТАЙ", "ru", "CHN"},
		{"ru yemen", "Йемен", "ru", "YEM"},
		{"ru ussr", "СССР", "ru", "SUN"},
		{"ru eu", "Европейский союз", "ru", "EU"},
		// Chinese.
		{"zh uk formal", "大不列颠及北爱尔兰联合王国", "zh", "GBR"},
		{"zh uk short", "联合王国", "zh", "GBR"},
		{"zh tunisia", "突尼斯", "zh", "TUN"},
		{"zh usa", "美利坚合众国", "zh", "USA"},
		{"zh china", "中国", "zh", "CHN"},
		{"zh spaced", "新 西 兰", "zh", "NZL"},
		{"zh trailing comma", "瑞士、", "zh", "CHE"},
		{"zh holy see", "罗马教廷", "zh", "VAT"},
		{"zh holy see short", "教廷", "zh", "VAT"},
		{"zh palestine", "巴勒斯坦国", "zh", "PSE"},
		{"zh eu", "欧洲联盟", "zh", "EU"},
		{"zh eu short", "欧盟", "zh", "EU"},
		// Arabic.
		{"ar uk", "المملكة المتحدة لبريطانيا العظمى وأيرلندا الشمالية", "ar", "GBR"},
		{"ar egypt", "مصر", "ar", "EGY"},
		{"ar saudi", "المملكة العربية السعودية", "ar", "SAU"},
		{"ar bolivia", "بوليفيا (دولة - المتعددة القوميات)", "ar", "BOL"},
		{"ar guinea-bissau", "غينيا - بيساو", "ar", "GNB"},
		{"ar guinea-bissau tight", "غينيا-بيساو", "ar", "GNB"},
		{"ar guinea", "غينيا", "ar", "GIN"},
		{"ar no hamza", "اسرائيل", "ar", "ISR"},
		{"ar tatweel", "مـصـر", "ar", "EGY"},
		{"ar presentation forms", "\ufee3\ufebb\ufeae", "ar", "EGY"},
		{"ar vocalised", "مِصْر", "ar", "EGY"},
		{"ar eu", "الاتحاد الأوروبي", "ar", "EU"},
		{"ar common ivory coast", "ساحل العاج", "ar", "CIV"},

		// Any language, and a name from another language than asked.
		{"any chinese", "瑞士", "", "CHE"},
		{"any french", "Allemagne", "", "DEU"},
		{"fallback", "Cabo Verde", "ru", "CPV"},
		{"unknown language", "Allemagne", "de", "DEU"},

		// No match.
		{"empty", "", "en", ""},
		{"punctuation only", " .:() ", "en", ""},
		{"unknown", "Atlantis", "en", ""},
		{"korea alone", "Korea", "en", ""},
		{"cut at a line-end hyphen", "Guinea-", "en", ""},
		{"cut at a line-end en dash", "Guinea –\n", "en", ""},
		{"partial", "Bissau", "en", ""},
		{"substring", "Nige", "en", ""},
		{"longer", "Nigerian", "en", ""},
		{"republic alone", "Republic", "en", ""},
		{"the alone", "the", "en", ""},
		{"group name", "Group of African States", "en", ""},
		{"person", "Mr. Korbieh", "en", ""},
	}
	entities := map[string]string{
		"EU":   "European Union",
		"SMOM": "Sovereign Military Order of Malta",
		"ICRC": "International Committee of the Red Cross",
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, ok := LookupCountry(tc.in, tc.lang)
			if tc.want == "" {
				if ok {
					t.Fatalf("LookupCountry(%q, %q) = %s %q, want no match", tc.in, tc.lang, got.Code, got.Name("en"))
				}
				return
			}
			if !ok {
				t.Fatalf("LookupCountry(%q, %q): no match, want %s", tc.in, tc.lang, tc.want)
			}
			if en, entity := entities[tc.want]; entity {
				if got.Status != StatusObserverEntity || got.Name("en") != en {
					t.Fatalf("LookupCountry(%q, %q) = %s %q, want %q", tc.in, tc.lang, got.Code, got.Name("en"), en)
				}
				return
			}
			if got.Code != tc.want {
				t.Fatalf("LookupCountry(%q, %q) = %s %q, want %s", tc.in, tc.lang, got.Code, got.Name("en"), tc.want)
			}
		})
	}
}

// actMembers are the 25 members of the ACT group as the 2021 seed letter
// lists them, in Chinese.
var actMembers = []struct{ zh, code string }{
	{"奥地利", "AUT"}, {"智利", "CHL"}, {"哥斯达黎加", "CRI"}, {"丹麦", "DNK"}, {"爱沙尼亚", "EST"},
	{"芬兰", "FIN"}, {"加蓬", "GAB"}, {"加纳", "GHA"}, {"匈牙利", "HUN"}, {"爱尔兰", "IRL"},
	{"约旦", "JOR"}, {"列支敦士登", "LIE"}, {"卢森堡", "LUX"}, {"马尔代夫", "MDV"}, {"新西兰", "NZL"},
	{"挪威", "NOR"}, {"巴布亚新几内亚", "PNG"}, {"秘鲁", "PER"}, {"葡萄牙", "PRT"}, {"卢旺达", "RWA"},
	{"沙特阿拉伯", "SAU"}, {"斯洛文尼亚", "SVN"}, {"瑞典", "SWE"}, {"瑞士", "CHE"}, {"乌拉圭", "URY"},
}

func TestLookupCountryACTMembersChinese(t *testing.T) {
	for _, m := range actMembers {
		got, ok := LookupCountry(m.zh, "zh")
		if !ok || got.Code != m.code {
			t.Errorf("LookupCountry(%q, zh) = %s, %v; want %s", m.zh, got.Code, ok, m.code)
		}
		if name := got.Name("zh"); name != m.zh {
			t.Errorf("%s: Name(zh) = %q, want %q as the letter prints it", m.code, name, m.zh)
		}
	}
}

// The seed letter's footnote lists the group: every name in it resolves.
func TestLookupCountrySeedLetterFootnote(t *testing.T) {
	data, err := os.ReadFile(fixtures.SeedLetter(t))
	if err != nil {
		t.Fatal(err)
	}
	text := string(data)
	const marker = "国家集团成员："
	start := strings.Index(text, marker)
	if start < 0 {
		t.Fatalf("seed letter: no member footnote (%q)", marker)
	}
	list := text[start+len(marker):]
	list = list[:strings.IndexAny(list, "。\n")]
	// "… 瑞典、瑞士和乌拉圭": the last two are joined by 和.
	list = strings.Replace(list, "和", "、", 1)
	var codes []string
	for _, name := range strings.Split(list, "、") {
		c, ok := LookupCountry(name, "zh")
		if !ok {
			t.Errorf("seed letter member %q: no match", name)
			continue
		}
		codes = append(codes, c.Code)
	}
	if len(codes) != len(actMembers) {
		t.Fatalf("seed letter: %d members resolved, want %d", len(codes), len(actMembers))
	}
	for i, m := range actMembers {
		if codes[i] != m.code {
			t.Errorf("seed letter member %d = %s, want %s", i+1, codes[i], m.code)
		}
	}
	for _, name := range []string{"新西兰", "瑞士", "突尼斯", "联合王国"} {
		if !strings.Contains(text, name) {
			t.Errorf("seed letter does not mention %q", name)
		}
		if _, ok := LookupCountry(name, "zh"); !ok {
			t.Errorf("%q (in the seed letter text): no match", name)
		}
	}
}

// testdata/countries_printed.tsv holds the names as the real records print
// them (vote lists, speaker lines, Security Council member lists).
func TestLookupCountryPrintedInRealRecords(t *testing.T) {
	f, err := os.Open("testdata/countries_printed.tsv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	n := 0
	for line := 1; sc.Scan(); line++ {
		text := sc.Text()
		if text == "" || strings.HasPrefix(text, "#") {
			continue
		}
		fields := strings.Split(text, "\t")
		if len(fields) != 3 {
			t.Fatalf("countries_printed.tsv:%d: %d fields, want 3", line, len(fields))
		}
		n++
		got, ok := LookupCountry(fields[1], "en")
		if !ok || got.Code != fields[2] {
			t.Errorf("%s: LookupCountry(%q) = %s, %v; want %s", fields[0], fields[1], got.Code, ok, fields[2])
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	if n < 200 {
		t.Errorf("countries_printed.tsv: %d names, want at least 200", n)
	}
}

func TestCountryByCode(t *testing.T) {
	tests := []struct {
		code, want string
	}{
		{"GBR", "United Kingdom"},
		{"gbr", "United Kingdom"},
		{" che ", "Switzerland"},
		{"VAT", "Holy See"},
		{"PSE", "State of Palestine"},
		{"SUN", "Union of Soviet Socialist Republics"},
		{"XXX", ""},
		{"", ""},
		{"GB", ""},
	}
	for _, tc := range tests {
		got, ok := CountryByCode(tc.code)
		if ok != (tc.want != "") || got.Name("en") != tc.want && ok {
			t.Errorf("CountryByCode(%q) = %q, %v; want %q", tc.code, got.Name("en"), ok, tc.want)
		}
	}
}

func TestCountryName(t *testing.T) {
	c, ok := CountryByCode("NZL")
	if !ok {
		t.Fatal("NZL missing")
	}
	for lang, want := range map[string]string{
		"en": "New Zealand", "fr": "Nouvelle-Zélande", "es": "Nueva Zelandia",
		"ru": "Новая Зеландия", "zh": "新西兰", "ar": "نيوزيلندا",
		"de": "New Zealand", "": "New Zealand",
	} {
		if got := c.Name(lang); got != want {
			t.Errorf("Name(%q) = %q, want %q", lang, got, want)
		}
	}
	if got := (Country{Code: "XYZ"}).Name("en"); got != "XYZ" {
		t.Errorf("Name of an unnamed country = %q, want its code", got)
	}
}

func TestCountriesOrderAndCopy(t *testing.T) {
	a, b := Countries(), Countries()
	if len(a) != len(b) {
		t.Fatal("Countries() changes length between calls")
	}
	for i := range a {
		if a[i].Code != b[i].Code || a[i].Name("en") != b[i].Name("en") {
			t.Fatalf("Countries()[%d] differs between calls", i)
		}
	}
	a[0] = Country{Code: "ZZZ"}
	if c := Countries()[0]; c.Code == "ZZZ" {
		t.Error("Countries() returns the table itself, not a copy")
	}
	if first := Countries()[0].Name("en"); first != "Afghanistan" {
		t.Errorf("first country %q, want Afghanistan", first)
	}
	rank := map[string]int{StatusMember: 0, StatusObserverState: 1, StatusObserverEntity: 2, StatusFormerMember: 3}
	prev := Countries()[0]
	for _, c := range Countries()[1:] {
		if rank[c.Status] < rank[prev.Status] {
			t.Errorf("%s (%s) listed after %s (%s)", c.Name("en"), c.Status, prev.Name("en"), prev.Status)
		}
		if c.Status == StatusMember && prev.Status == StatusMember && string(appendCanonicalName(nil, c.Name("en"))) < string(appendCanonicalName(nil, prev.Name("en"))) {
			t.Errorf("member %q listed after %q", c.Name("en"), prev.Name("en"))
		}
		prev = c
	}
}

func TestParseCountriesErrors(t *testing.T) {
	const header = "code\tstatus\tregion\tsuccessor\ten\tfr\tes\tru\tzh\tar\n"
	row := func(code, status, region, names string) string {
		return code + "\t" + status + "\t" + region + "\t\t" + strings.Repeat(names+"\t", 5) + names + "\n"
	}
	tests := []struct {
		name, tsv, want string
	}{
		{"empty", "", "header"},
		{"missing column", "code\tstatus\tregion\ten\tfr\tes\tru\tzh\tar\n", `no "successor" column`},
		{"extra column", strings.TrimSuffix(header, "\n") + "\tde\n", "want"},
		{"short row", header + "AAA\tmember\n", "wrong number of fields"},
		{"bad status", header + row("AAA", "friend", "african", "A | B"), "unknown status"},
		{"bad code", header + row("aa", "member", "african", "A | B"), "alpha-3"},
		{"entity with code", header + row("AAA", "observer-entity", "", "A | B"), "observer entity with code"},
		{"bad region", header + row("AAA", "member", "arctic", "A | B"), "unknown region"},
		{"member without region", header + row("AAA", "member", "", "A | B"), "without a region"},
		{"formal name missing", header + row("AAA", "member", "african", "A"), "want a short and a formal name"},
		{"empty name", header + row("AAA", "member", "african", "A | ()"), "empty once normalised"},
		{"duplicate code", header + row("AAA", "member", "african", "A | B") + row("AAA", "member", "african", "C | D"), "duplicate code"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := parseCountries([]byte(tc.tsv))
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("parseCountries: error %v, want one containing %q", err, tc.want)
			}
		})
	}
	tb, err := parseCountries([]byte("# comment\n" + header + "\n" + row("AAA", "member", "african", "A | B") + row("BBB", "member", "african", "A | C")))
	if err != nil {
		t.Fatal(err)
	}
	if len(tb.all) != 2 || len(tb.clashes) == 0 {
		t.Errorf("two countries sharing a name: %d countries, clashes %q; want 2 and a clash", len(tb.all), tb.clashes)
	}
}

func FuzzLookupCountry(f *testing.F) {
	for _, s := range []string{"Côte d’Ivoire", "刚果（布）", "Bahamas (the)", "the ", "(the)", "l'", "\u00ad", "ﺮ", "\xff\xfe", "Guinea-\nBissau"} {
		f.Add(s, "en")
	}
	f.Fuzz(func(t *testing.T, name, lang string) {
		c, ok := LookupCountry(name, lang)
		if ok && len(c.Names) == 0 {
			t.Fatalf("LookupCountry(%q, %q) matched a country without names", name, lang)
		}
		// A name that resolves resolves the same in capitals, except where
		// upper-casing changes letters (ß → SS, ﬁ → FI).
		key := countryKey(name)
		if ok && countryKey(strings.ToUpper(name)) == key {
			u, uok := LookupCountry(strings.ToUpper(name), lang)
			if !uok || u.Name("en") != c.Name("en") {
				t.Fatalf("LookupCountry(%q) = %q but its capitals give %q, %v", name, c.Name("en"), u.Name("en"), uok)
			}
		}
		if countryKey(key) != key {
			t.Fatalf("countryKey is not idempotent on %q: %q then %q", name, key, countryKey(key))
		}
	})
}

// BenchmarkLookupCountry looks up names as records print them, in every
// language, a few of them misses. The baseline sub-benchmark is a plain
// map lookup of the lower-cased name, for scale: the cost of normalising.
func BenchmarkLookupCountry(b *testing.B) {
	names := []struct{ name, lang string }{
		{"United Kingdom of Great Britain and Northern Ireland", "en"},
		{"Côte d’Ivoire", "en"},
		{"Bolivia (Plurinational State of)", "en"},
		{"GUINEA-BISSAU", "en"},
		{"Ghana", "en"},
		{"the Netherlands", "en"},
		{"Atlantis", "en"},
		{"République démocratique du Congo", "fr"},
		{"Estados Unidos de América", "es"},
		{"Российская Федерация", "ru"},
		{"新西兰", "zh"},
		{"刚果（布）", "zh"},
		{"المملكة العربية السعودية", "ar"},
		{"Schweiz", ""},
	}
	countryTable()
	b.Run("lookup", func(b *testing.B) {
		b.ReportAllocs()
		for i := 0; i < b.N; i++ {
			n := names[i%len(names)]
			LookupCountry(n.name, n.lang)
		}
		b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "lookups/s")
	})
	b.Run("baseline-map", func(b *testing.B) {
		plain := make(map[string]int)
		for i, c := range Countries() {
			for _, lang := range Languages {
				for _, n := range c.Names[lang] {
					plain[strings.ToLower(n)] = i
				}
			}
		}
		b.ReportAllocs()
		b.ResetTimer()
		for i := 0; i < b.N; i++ {
			_ = plain[strings.ToLower(names[i%len(names)].name)]
		}
		b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "lookups/s")
	})
}

// BenchmarkCountryTableLoad measures parsing and indexing the embedded
// table, the cost the first lookup pays.
func BenchmarkCountryTableLoad(b *testing.B) {
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if _, err := parseCountries(countriesTSV); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "loads/s")
}
