package fetch

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// MARCRecord is one bibliographic record of a MARCXML document.
type MARCRecord struct {
	Leader string
	// Control maps control field tags to values ("001" → record id).
	Control map[string]string
	Fields  []DataField
}

// DataField is a MARC data field.
type DataField struct {
	Tag, Ind1, Ind2 string
	Subfields       []Subfield
}

// Subfield is one coded value of a data field.
type Subfield struct {
	Code, Value string
}

// DataFields returns the record's fields with tag, in order.
func (r *MARCRecord) DataFields(tag string) []DataField {
	var out []DataField
	for _, f := range r.Fields {
		if f.Tag == tag {
			out = append(out, f)
		}
	}
	return out
}

// Value returns the first subfield with code, trimmed, or "".
func (f DataField) Value(code string) string {
	for _, s := range f.Subfields {
		if s.Code == code {
			return strings.TrimSpace(s.Value)
		}
	}
	return ""
}

// MARCCollection is a parsed MARCXML answer.
type MARCCollection struct {
	Records []MARCRecord
	// Total is the number of matching records the search engine reported
	// in its "Search-Engine-Total-Number-Of-Results" comment, -1 when it
	// did not.
	Total int
}

// maxMARCRecords bounds one document, so that a hostile answer cannot
// grow memory without end (the body size is capped too).
const maxMARCRecords = 100000

const totalComment = "Search-Engine-Total-Number-Of-Results:"

type xmlRecord struct {
	Leader  string `xml:"leader"`
	Control []struct {
		Tag   string `xml:"tag,attr"`
		Value string `xml:",chardata"`
	} `xml:"controlfield"`
	Data []struct {
		Tag  string `xml:"tag,attr"`
		Ind1 string `xml:"ind1,attr"`
		Ind2 string `xml:"ind2,attr"`
		Sub  []struct {
			Code  string `xml:"code,attr"`
			Value string `xml:",chardata"`
		} `xml:"subfield"`
	} `xml:"datafield"`
}

// ParseMARCXML reads a MARCXML document: a <collection> of <record>s (or a
// single <record>), in the MARC21 slim namespace or none. Anything else —
// an HTML page, malformed XML — is an error saying what was found.
func ParseMARCXML(r io.Reader) (*MARCCollection, error) {
	d := xml.NewDecoder(r)
	d.CharsetReader = func(charset string, input io.Reader) (io.Reader, error) {
		if strings.EqualFold(charset, "utf-8") || strings.EqualFold(charset, "us-ascii") {
			return input, nil
		}
		return nil, fmt.Errorf("unsupported encoding %q", charset)
	}
	out := &MARCCollection{Total: -1}
	depth := 0
	root := ""
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("not MARCXML: %w", err)
		}
		switch t := tok.(type) {
		case xml.Comment:
			if n, ok := parseTotalComment(t); ok {
				out.Total = n
			}
		case xml.StartElement:
			name := t.Name.Local
			if depth == 0 {
				if root != "" {
					return nil, errors.New("not MARCXML: more than one root element")
				}
				root = name
				if name != "collection" && name != "record" {
					return nil, fmt.Errorf("not MARCXML: the document is <%s>, not <collection> or <record>", name)
				}
			}
			if name == "record" && (depth == 0 || (depth == 1 && root == "collection")) {
				var xr xmlRecord
				if err := d.DecodeElement(&xr, &t); err != nil {
					return nil, fmt.Errorf("not MARCXML: record %d: %w", len(out.Records)+1, err)
				}
				if len(out.Records) >= maxMARCRecords {
					return nil, fmt.Errorf("MARCXML: more than %d records", maxMARCRecords)
				}
				out.Records = append(out.Records, convertRecord(&xr))
				continue
			}
			depth++
		case xml.EndElement:
			depth--
		case xml.CharData:
			if depth == 0 && len(bytes.TrimSpace(t)) > 0 {
				return nil, errors.New("not MARCXML: text outside the root element")
			}
		}
	}
	if root == "" {
		return nil, errors.New("not MARCXML: no root element")
	}
	return out, nil
}

func parseTotalComment(c xml.Comment) (int, bool) {
	s := strings.TrimSpace(string(c))
	rest, ok := strings.CutPrefix(s, totalComment)
	if !ok {
		return 0, false
	}
	n, err := strconv.Atoi(strings.TrimSpace(rest))
	if err != nil || n < 0 {
		return 0, false
	}
	return n, true
}

func convertRecord(xr *xmlRecord) MARCRecord {
	rec := MARCRecord{Leader: strings.TrimSpace(xr.Leader), Control: map[string]string{}}
	for _, c := range xr.Control {
		rec.Control[strings.TrimSpace(c.Tag)] = strings.TrimSpace(c.Value)
	}
	for _, df := range xr.Data {
		f := DataField{Tag: strings.TrimSpace(df.Tag), Ind1: df.Ind1, Ind2: df.Ind2}
		for _, s := range df.Sub {
			f.Subfields = append(f.Subfields, Subfield{Code: s.Code, Value: s.Value})
		}
		rec.Fields = append(rec.Fields, f)
	}
	return rec
}
