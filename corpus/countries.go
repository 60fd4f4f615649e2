package corpus

import (
	"bytes"
	_ "embed"
	"encoding/csv"
	"fmt"
	"io"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
	"slices"
)

// Country statuses.
const (
	StatusMember         = "member"
	StatusObserverState  = "observer-state"
	StatusObserverEntity = "observer-entity"
	StatusFormerMember   = "former-member"
)

// UN regional groups.
const (
	RegionAfrican                = "african"
	RegionAsiaPacific            = "asia-pacific"
	RegionEasternEuropean        = "eastern-european"
	RegionLatinAmericanCaribbean = "latin-american-caribbean"
	RegionWesternEuropeanOthers  = "western-european-others"
)

// Country is a Member State, an observer State, or an observer entity (such
// as the European Union).
//
// The table behind it is shared: callers must not modify Names.
type Country struct {
	// Code is the ISO 3166-1 alpha-3 code; for former Member States the
	// ISO 3166-3 style code (SUN, YUG, CSK, ZAR, DDR, YMD, SCG); empty for
	// observer entities.
	Code string
	// Status is StatusMember, StatusObserverState, StatusObserverEntity or
	// StatusFormerMember.
	Status string
	// Region is the UN regional group, or "" for none. The United States,
	// which attends the Western European and others Group as an observer
	// and counts there for elections, is listed there; so is Türkiye, which
	// takes part in both that group and the Asia-Pacific Group and counts
	// in the former for elections; Israel is a full member of it. Kiribati
	// is listed with the Asia-Pacific States, as the Secretariat lists it.
	Region string
	// Names maps a language (ar, zh, en, fr, ru, es) to names: [0] the
	// official short name, [1] the official formal name, then the variants
	// records print (former names, older spellings, common forms).
	Names map[string][]string
	// Successor is, for a former Member State, the code of the Member State
	// that continues its membership or took over its territory where there
	// is one (SUN → RUS, ZAR → COD, DDR → DEU, YMD → YEM, SCG → SRB).
	Successor string
}

// Name returns the short name of c in lang, falling back to English.
func (c Country) Name(lang string) string {
	if names := c.Names[lang]; len(names) > 0 {
		return names[0]
	}
	if names := c.Names["en"]; len(names) > 0 {
		return names[0]
	}
	return c.Code
}

// LookupCountry finds the country a printed name refers to: "Türkiye",
// "TURKEY", "the Netherlands", "Côte d’Ivoire", "Bolivia (Plurinational
// State of)", "新西兰", "刚果（布）". lang ("en", "zh", …) prefers the names of
// that language; a name known only in another language still resolves when
// it names one country. lang "" searches every language.
//
// Matching is exact after normalisation: case, diacritics, apostrophe and
// dash forms, spacing (line wraps included), a leading article ("the",
// "l'", "la", "el", …), a trailing article in parentheses ("(the)") and
// punctuation are ignored, and nothing else, so "Guinea" never matches
// "Guinea-Bissau" nor "Niger" "Nigeria".
func LookupCountry(name, lang string) (Country, bool) {
	t := countryTable()
	var buf [256]byte
	key := appendCountryKey(buf[:0], name)
	if len(key) == 0 {
		return Country{}, false
	}
	if li := languageIndex(lang); li >= 0 {
		if i, ok := t.byLang[li][string(key)]; ok && i >= 0 {
			return t.all[i], true
		}
	}
	if i, ok := t.anyLang[string(key)]; ok && i >= 0 {
		return t.all[i], true
	}
	return Country{}, false
}

// CountryByCode returns the country with an ISO 3166 alpha-3 code, in any
// case ("gbr").
func CountryByCode(code string) (Country, bool) {
	t := countryTable()
	i, ok := t.byCode[strings.ToUpper(strings.TrimSpace(code))]
	if !ok {
		return Country{}, false
	}
	return t.all[i], true
}

// Countries returns every country in the table in a stable order: Member
// States in the alphabetical order of their English short names (as the UN
// lists them), then observer States, observer entities and former Member
// States.
func Countries() []Country {
	t := countryTable()
	out := make([]Country, len(t.all))
	copy(out, t.all)
	return out
}

//go:embed countries.tsv
var countriesTSV []byte

// countries is the parsed table and its indexes; ambiguous keys map to -1.
type countries struct {
	all     []Country
	byCode  map[string]int
	byLang  [6]map[string]int
	anyLang map[string]int
	// clashes lists keys that name different countries within one
	// language; the table is built so that there are none.
	clashes []string
}

var (
	countriesOnce   sync.Once
	countriesLoaded *countries
)

// countryTable parses the embedded table once. The table is part of the
// program, and its tests parse it, so a failure here is a build defect.
func countryTable() *countries {
	countriesOnce.Do(func() {
		t, err := parseCountries(countriesTSV)
		if err != nil {
			panic(fmt.Sprintf("corpus: embedded countries.tsv: %v", err))
		}
		countriesLoaded = t
	})
	return countriesLoaded
}

// countryColumns are the columns of countries.tsv besides the languages.
var countryColumns = []string{"code", "status", "region", "successor"}

// parseCountries reads the country table: a header row naming the columns
// (countryColumns and the six languages, in any order), then one row per
// country; a language cell lists names separated by "|".
func parseCountries(data []byte) (*countries, error) {
	r := csv.NewReader(bytes.NewReader(data))
	r.Comma = '\t'
	r.Comment = '#'
	r.LazyQuotes = true
	header, err := r.Read()
	if err != nil {
		return nil, fmt.Errorf("header: %w", err)
	}
	col := make(map[string]int, len(header))
	for i, h := range header {
		col[h] = i
	}
	for _, h := range append(append([]string(nil), countryColumns...), Languages...) {
		if _, ok := col[h]; !ok {
			return nil, fmt.Errorf("header: no %q column", h)
		}
	}
	if len(col) != len(countryColumns)+len(Languages) {
		return nil, fmt.Errorf("header: columns %q, want %q and the six languages", header, countryColumns)
	}
	t := &countries{
		byCode:  make(map[string]int),
		anyLang: make(map[string]int),
	}
	for li := range t.byLang {
		t.byLang[li] = make(map[string]int)
	}
	for {
		row, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		line, _ := r.FieldPos(0)
		c := Country{
			Code:      row[col["code"]],
			Status:    row[col["status"]],
			Region:    row[col["region"]],
			Successor: row[col["successor"]],
			Names:     make(map[string][]string, len(Languages)),
		}
		for _, lang := range Languages {
			var names []string
			for _, n := range strings.Split(row[col[lang]], "|") {
				if n = strings.TrimSpace(n); n != "" {
					names = append(names, n)
				}
			}
			c.Names[lang] = names
		}
		if err := validateCountry(c); err != nil {
			return nil, fmt.Errorf("line %d (%s): %w", line, c.Name("en"), err)
		}
		i := len(t.all)
		t.all = append(t.all, c)
		if c.Code != "" {
			if _, dup := t.byCode[c.Code]; dup {
				return nil, fmt.Errorf("line %d: duplicate code %s", line, c.Code)
			}
			t.byCode[c.Code] = i
		}
		for _, lang := range Languages {
			for _, name := range c.Names[lang] {
				key := countryKey(name)
				if key == "" {
					return nil, fmt.Errorf("line %d (%s): name %q is empty once normalised", line, c.Name("en"), name)
				}
				if addKey(t.byLang[languageIndex(lang)], key, i) {
					t.clashes = append(t.clashes, lang+":"+key)
				}
				addKey(t.anyLang, key, i)
			}
		}
	}
	sort.Strings(t.clashes)
	return t, nil
}

// addKey maps key to country i, or marks it ambiguous when it already
// names another country; it reports a new ambiguity.
func addKey(m map[string]int, key string, i int) bool {
	prev, ok := m[key]
	switch {
	case !ok:
		m[key] = i
	case prev != i && prev >= 0:
		m[key] = -1
		return true
	}
	return false
}

func validateCountry(c Country) error {
	switch c.Status {
	case StatusMember, StatusObserverState, StatusFormerMember:
		if len(c.Code) != 3 || strings.ToUpper(c.Code) != c.Code {
			return fmt.Errorf("code %q is not an upper-case alpha-3 code", c.Code)
		}
	case StatusObserverEntity:
		if c.Code != "" {
			return fmt.Errorf("observer entity with code %q", c.Code)
		}
	default:
		return fmt.Errorf("unknown status %q", c.Status)
	}
	switch c.Region {
	case "", RegionAfrican, RegionAsiaPacific, RegionEasternEuropean, RegionLatinAmericanCaribbean, RegionWesternEuropeanOthers:
	default:
		return fmt.Errorf("unknown region %q", c.Region)
	}
	if c.Status == StatusMember && c.Region == "" {
		return fmt.Errorf("member without a region")
	}
	for _, lang := range Languages {
		if len(c.Names[lang]) < 2 {
			return fmt.Errorf("%s: want a short and a formal name, have %q", lang, c.Names[lang])
		}
	}
	return nil
}

func languageIndex(lang string) int { return slices.Index(Languages, lang) }

// Articles a name may open or (in parentheses) close with, as UNTERM and
// running text print them: "the Gambia", "Bahamas (the)", "l'Afghanistan",
// "Congo (le)", "el Salvador" (so "El Salvador" is keyed as "salvador" too).
var (
	leadingArticles  = [][]byte{[]byte("the "), []byte("l'"), []byte("le "), []byte("la "), []byte("les "), []byte("el "), []byte("los "), []byte("las ")}
	trailingArticles = [][]byte{[]byte("(the)"), []byte("(l')"), []byte("(le)"), []byte("(la)"), []byte("(les)"), []byte("(el)"), []byte("(los)"), []byte("(las)")}
)

// countryKey normalises a printed name to its lookup key.
func countryKey(name string) string {
	var buf [256]byte
	return string(appendCountryKey(buf[:0], name))
}

// appendCountryKey appends the lookup key of name to dst: lower case, no
// diacritics, compatibility forms folded (full-width parentheses, Arabic
// presentation forms), articles dropped, then letters and digits only, so
// spacing, line wraps, dashes, apostrophes and punctuation do not count.
func appendCountryKey(dst []byte, name string) []byte {
	if endsWithDash(name) {
		// A name cut at a line-end hyphen ("Guinea-" of "Guinea-Bissau")
		// is not the shorter name it looks like.
		return dst
	}
	start := len(dst)
	dst = appendCanonicalName(dst, name)
	s := dst[start:]
	for _, a := range trailingArticles {
		if bytes.HasSuffix(s, a) {
			s = bytes.TrimRight(s[:len(s)-len(a)], " ")
			break
		}
	}
	for _, a := range leadingArticles {
		if bytes.HasPrefix(s, a) && len(s) > len(a) {
			s = s[len(a):]
			break
		}
	}
	// Keep letters and digits, in place: the write position never passes
	// the read position.
	w := 0
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRune(s[i:])
		if isKeyRune(r) {
			w += copy(s[w:], s[i:i+size])
		}
		i += size
	}
	return dst[:start+copy(dst[start:], s[:w])]
}

// appendCanonicalName appends name with case, diacritics and character
// variants folded, words apart by single spaces, apostrophes and
// parentheses kept (the article rules need them). Each rune is replaced by
// its compatibility decomposition (NFKD) before folding; the order of the
// combining marks it yields does not matter, as they are all dropped.
func appendCanonicalName(dst []byte, name string) []byte {
	start := len(dst)
	space := false
	emit := func(r rune) {
		r = foldNameRune(r)
		switch r {
		case -1:
			return
		case ' ':
			space = len(dst) > start
			return
		}
		if space {
			dst = append(dst, ' ')
			space = false
		}
		dst = utf8.AppendRune(dst, r)
	}
	for i := 0; i < len(name); {
		if c := name[i]; c < utf8.RuneSelf {
			emit(rune(c))
			i++
			continue
		}
		p := norm.NFKD.PropertiesString(name[i:])
		size := p.Size()
		if d := p.Decomposition(); d != nil {
			for len(d) > 0 {
				r, n := utf8.DecodeRune(d)
				emit(r)
				d = d[n:]
			}
		} else {
			r, n := utf8.DecodeRuneInString(name[i:])
			emit(r)
			if size < n {
				size = n
			}
		}
		if size < 1 {
			size = 1
		}
		i += size
	}
	return dst
}

// foldNameRune maps one rune of a name to its canonical form: -1 drops
// it, ' ' separates words.
func foldNameRune(r rune) rune {
	if r < utf8.RuneSelf {
		switch {
		case 'A' <= r && r <= 'Z':
			return r + 'a' - 'A'
		case 'a' <= r && r <= 'z', '0' <= r && r <= '9', r == '\'', r == '(', r == ')':
			return r
		case r == '[':
			return '('
		case r == ']':
			return ')'
		case r == '`':
			return '\''
		case r == '.', r == '"':
			return -1
		}
		return ' '
	}
	switch r {
	case '‘', '’', 'ʼ', 'ʻ', '´', '′', '‛':
		return '\''
	case 'ـ': // Arabic tatweel, a stretching stroke
		return -1
	case 'ة':
		return 'ه'
	case 'ى', 'ی':
		return 'ي'
	case 'ک':
		return 'ك'
	case 'ı':
		return 'i'
	case 'ø', 'Ø':
		return 'o'
	case 'đ', 'Đ':
		return 'd'
	case 'ł', 'Ł':
		return 'l'
	case '（':
		return '('
	case '）':
		return ')'
	}
	switch {
	// Fast paths for the letters of Chinese, Russian and Arabic names.
	case 0x4E00 <= r && r <= 0x9FFF, 0x0430 <= r && r <= 0x044F, 0x0621 <= r && r <= 0x064A:
		return r
	case 0x0410 <= r && r <= 0x042F:
		return r + 0x20
	case unicode.Is(unicode.Mn, r), unicode.Is(unicode.Cf, r):
		return -1
	case unicode.IsLetter(r) || unicode.IsDigit(r):
		return unicode.ToLower(r)
	}
	return ' '
}

// isKeyRune reports whether r, already folded, belongs in a lookup key.
func isKeyRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || '0' <= r && r <= '9'
	}
	return 0x4E00 <= r && r <= 0x9FFF || 0x0430 <= r && r <= 0x044F || 0x0621 <= r && r <= 0x064A ||
		unicode.IsLetter(r) || unicode.IsDigit(r)
}

func endsWithDash(s string) bool {
	s = strings.TrimRightFunc(s, unicode.IsSpace)
	r, _ := utf8.DecodeLastRuneInString(s)
	return r == '-' || unicode.Is(unicode.Pd, r)
}
