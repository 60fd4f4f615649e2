package corpus

import (
	"net/url"
	"strconv"
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

// DocumentName names a document as a brief cites it: its symbol, or for a
// letter without one (a text copy, a version not issued under a symbol)
// "letter of 2021-02-08 from New Zealand and Switzerland", its senders
// named in English where the country table knows them. Other documents
// without a symbol are named by kind and date.
func DocumentName(rec *Record) string {
	if s := strings.TrimSpace(rec.Symbol); s != "" {
		return s
	}
	name := rec.Kind
	if name == "" {
		name = "document"
	}
	if rec.Date != "" {
		name += " of " + rec.Date
	}
	if rec.Letter == nil || len(rec.Letter.From) == 0 {
		return name
	}
	from := make([]string, len(rec.Letter.From))
	for i, printed := range rec.Letter.From {
		from[i] = printed
		if i < len(rec.Letter.FromCodes) {
			if c, ok := CountryByCode(rec.Letter.FromCodes[i]); ok {
				from[i] = c.Name("en")
			}
		}
	}
	if len(from) > 1 {
		return name + " from " + strings.Join(from[:len(from)-1], ", ") + " and " + from[len(from)-1]
	}
	return name + " from " + from[0]
}

// PageLink is OfficialLink at a page of the document: the PDF viewers of
// browsers open "#page=N" there. page 0 (unknown) gives the document's
// link.
func PageLink(symbol, lang string, page int) string {
	u := OfficialLink(symbol, lang)
	if u != "" && page > 0 {
		u += "#page=" + strconv.Itoa(page)
	}
	return u
}
