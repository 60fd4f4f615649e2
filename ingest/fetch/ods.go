package fetch

import (
	"fmt"
	"net/url"
	"regexp"
	"strings"

	"github.com/scdebate/scdebate/corpus"
)

// Default base URLs of the services.
const (
	DefaultODSBaseURL     = "https://documents.un.org"
	DefaultLibraryBaseURL = "https://digitallibrary.un.org"
)

// ParseLangs reads a comma-separated list of language codes ("en,fr"),
// lower-casing and de-duplicating them.
func ParseLangs(s string) ([]string, error) {
	var out []string
	seen := map[string]bool{}
	for _, part := range strings.Split(s, ",") {
		l := strings.ToLower(strings.TrimSpace(part))
		if l == "" {
			continue
		}
		if !corpus.IsLanguage(l) {
			return nil, fmt.Errorf("unknown language %q: use one of %s", part, strings.Join(corpus.Languages, ", "))
		}
		if !seen[l] {
			seen[l] = true
			out = append(out, l)
		}
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("no language given: use one of %s", strings.Join(corpus.Languages, ", "))
	}
	return out, nil
}

// symbolRE accepts UN document symbols: "A/75/PV.78", "S/2021/500",
// "A/C.1/75/PV.3", "A/75/L.1/Add.1", "A/ES-11/PV.1", "E/CN.4/2002/1".
var symbolRE = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9.()\-]*(/[A-Za-z0-9.()\-]+)*$`)

// NormalizeSymbol trims a document symbol and checks its form, so that a
// typo or a path never becomes a request or a file name.
func NormalizeSymbol(s string) (string, error) {
	sym := strings.TrimSpace(s)
	if sym == "" {
		return "", fmt.Errorf("empty document symbol")
	}
	if len(sym) > 100 || !symbolRE.MatchString(sym) || strings.Contains(sym, "..") {
		return "", fmt.Errorf("%q is not a UN document symbol (expected a form like A/75/PV.78)", s)
	}
	return sym, nil
}

// ODSURL is the Official Document System's address of a document's PDF:
// base/api/symbol/access?s=<symbol>&l=<lang>&t=pdf, the symbol's slashes
// left unencoded as the service expects. It answers with a redirect to the
// file.
func ODSURL(base, symbol, lang string) string {
	if base == "" {
		base = DefaultODSBaseURL
	}
	s := strings.ReplaceAll(url.QueryEscape(symbol), "%2F", "/")
	return strings.TrimRight(base, "/") + "/api/symbol/access?s=" + s + "&l=" + url.QueryEscape(lang) + "&t=pdf"
}
