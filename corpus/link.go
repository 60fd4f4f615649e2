package corpus

import (
	"net/url"
	"strings"
)

// officialLinkBase is the United Nations' stable public address of its
// documents, the one to cite.
const officialLinkBase = "https://undocs.org/"

// OfficialLink is the address of the official record of symbol in lang:
// https://undocs.org/<lang>/<symbol>. lang defaults to English. Each part of
// the symbol between slashes is escaped, the slashes kept, so that a
// symbol with spaces or parentheses ("A/75/PV.15 (Resumption 1)") stays one
// valid address. A document without a symbol has no link: "".
func OfficialLink(symbol, lang string) string {
	symbol = strings.TrimSpace(symbol)
	if symbol == "" {
		return ""
	}
	if lang == "" {
		lang = "en"
	}
	parts := strings.Split(symbol, "/")
	for i, p := range parts {
		parts[i] = url.PathEscape(p)
	}
	return officialLinkBase + url.PathEscape(lang) + "/" + strings.Join(parts, "/")
}
