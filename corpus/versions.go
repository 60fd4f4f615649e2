package corpus

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"slices"
)

// PreferredLanguages is the order in which one language version of a
// document is chosen when it exists in several and the reader does not say
// which (Versions.Choose).
var PreferredLanguages = []string{"en", "fr", "es", "ru", "zh", "ar"}

// LanguageRank is the place of lang in PreferredLanguages, after all of
// them when it is not there: the order in which language versions are
// listed.
func LanguageRank(lang string) int {
	if i := slices.Index(PreferredLanguages, lang); i >= 0 {
		return i
	}
	return len(PreferredLanguages)
}

// DocumentKey names the document a record is one language version of: its
// symbol, or for a document without one its kind, date and content hash.
func (r *Record) DocumentKey() string {
	return documentKey(r.Symbol, r.Kind, r.Date, r.Source.SHA256)
}

func documentKey(symbol, kind, date, sha256 string) string {
	if symbol != "" {
		return symbol
	}
	return kind + "|" + date + "|" + sha256
}

// Header is what the store tells of a record without reading it whole:
// enough to choose, order and pair the language versions of a document.
type Header struct {
	// Path is the record's file.
	Path        string       `json:"-"`
	Symbol      string       `json:"symbol"`
	Kind        string       `json:"kind"`
	Language    string       `json:"language"`
	Session     *int         `json:"session"`
	Meeting     *int         `json:"meeting"`
	Date        string       `json:"date"`
	Source      Source       `json:"source"`
	AgendaItems []AgendaItem `json:"agenda_items"`
}

// DocumentKey is the key of the record's document (Record.DocumentKey).
func (h *Header) DocumentKey() string {
	return documentKey(h.Symbol, h.Kind, h.Date, h.Source.SHA256)
}

// ReadHeader reads the fields of the record at path that come before its
// speeches, and stops there: the speeches are most of the file. (A record
// written with its fields in another order is read on past them.)
func ReadHeader(path string) (*Header, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	h := &Header{Path: path}
	dec := json.NewDecoder(f)
	if tok, err := dec.Token(); err != nil || tok != json.Delim('{') {
		return nil, fmt.Errorf("record %s: not a JSON object", path)
	}
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return nil, fmt.Errorf("record %s: %w", path, err)
		}
		key, _ := tok.(string)
		var dst any
		switch key {
		case "speeches":
			if h.Language != "" && h.Source.SHA256 != "" {
				return h, nil
			}
			dst = new(json.RawMessage)
		case "symbol":
			dst = &h.Symbol
		case "kind":
			dst = &h.Kind
		case "language":
			dst = &h.Language
		case "session":
			dst = &h.Session
		case "meeting":
			dst = &h.Meeting
		case "date":
			dst = &h.Date
		case "source":
			dst = &h.Source
		case "agenda_items":
			dst = &h.AgendaItems
		default:
			dst = new(json.RawMessage)
		}
		if err := dec.Decode(dst); err != nil {
			return nil, fmt.Errorf("record %s: field %s: %w", path, key, err)
		}
	}
	return h, nil
}

// Document is one document of a store: the records that are its language
// versions.
type Document struct {
	Key      string
	Versions Versions
}

// Versions are records of one document, in the order of their file names.
type Versions []*Header

// Choose is the one language version of a document that a reader uses: the
// version in the first of languages it exists in, or, with no languages,
// in the first of PreferredLanguages (another language when it has none of
// them). Nil when languages are given and the document is in none of them.
func (vs Versions) Choose(languages []string) *Header {
	order := languages
	if len(order) == 0 {
		order = PreferredLanguages
	}
	var best *Header
	bestRank := 0
	for _, h := range vs {
		rank := slices.Index(order, h.Language)
		if rank < 0 {
			if len(languages) > 0 {
				continue
			}
			rank = len(order)
		}
		if best == nil || rank < bestRank {
			best, bestRank = h, rank
		}
	}
	return best
}

// In is the version in lang, or nil.
func (vs Versions) In(lang string) *Header {
	for _, h := range vs {
		if h.Language == lang {
			return h
		}
	}
	return nil
}

// Documents reads the header of every stored record and groups the records
// by document (DocumentKey), in the order of their first version's file
// name, checking ctx between records. A record that cannot be read is
// reported to onError and skipped, or ends the listing with the error
// onError returns.
func (s *Store) Documents(ctx context.Context, onError ErrorFunc) ([]Document, error) {
	paths, err := s.List()
	if err != nil {
		return nil, fmt.Errorf("list records: %w", err)
	}
	var docs []Document
	index := map[string]int{}
	for _, p := range paths {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		h, err := ReadHeader(p)
		if err != nil {
			if err := onError.Report(p, err); err != nil {
				return nil, err
			}
			continue
		}
		k := h.DocumentKey()
		i, ok := index[k]
		if !ok {
			i = len(docs)
			index[k] = i
			docs = append(docs, Document{Key: k})
		}
		docs[i].Versions = append(docs[i].Versions, h)
	}
	return docs, nil
}
