package index

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/scdebate/scdebate/analysis"
	"github.com/scdebate/scdebate/corpus"
)

// Passage is one indexed paragraph with everything needed to filter, facet
// and cite it.
type Passage struct {
	ID     string `json:"id"`
	Record string `json:"record"`
	Symbol string `json:"symbol"`
	// Document names a document without a symbol in citations ("letter
	// of 2021-02-08 from New Zealand and Switzerland"); empty when it has
	// one.
	Document string `json:"document,omitempty"`
	// Session and Meeting are 0 when the record does not give them.
	Session int    `json:"session,omitempty"`
	Meeting int    `json:"meeting,omitempty"`
	Year    string `json:"year,omitempty"`
	Date    string `json:"date,omitempty"`
	// Countries are the states speaking in their own voice: the speaker's
	// delegation, or every signatory of a letter.
	Countries  []string `json:"countries,omitempty"`
	Delegation string   `json:"delegation,omitempty"`
	Speaker    string   `json:"speaker,omitempty"`
	Role       string   `json:"role,omitempty"`
	// Groups are the groups spoken for.
	Groups []string `json:"groups,omitempty"`
	// Voices are the states the passage speaks for: its own countries and
	// the members of its groups.
	Voices []string `json:"voices,omitempty"`
	Themes []string `json:"themes,omitempty"`
	// Codes give each theme with its provenance: the taxonomy's terms
	// (rule), the learned layer (model, with its score) or an expert's
	// review (reviewed).
	Codes []Code `json:"codes,omitempty"`
	// Agenda lists the debates the record's agenda belongs to
	// (corpus.Record.AgendaDebates), DebateOther for none.
	Agenda   []string `json:"agenda,omitempty"`
	Language string   `json:"language"`
	Kind     string   `json:"kind,omitempty"`
	Sample   bool     `json:"sample,omitempty"`
	Proposal bool     `json:"proposal,omitempty"`
	Reply    bool     `json:"reply,omitempty"`
	Seq      int      `json:"seq"`
	N        int      `json:"n"`
	// Piece numbers the pieces of a paragraph too long for one passage,
	// from 1, and is 0 for a paragraph whole: the parts ingest stored a
	// long paragraph in (corpus.Paragraph.Part), each a paragraph of its
	// own, or the passages the index cuts a paragraph longer than
	// corpus.MaxParagraphBytes into (a record written elsewhere), whose
	// IDs are the paragraph's, then ".2", ".3", ….
	Piece int    `json:"piece,omitempty"`
	Page  int    `json:"page,omitempty"`
	Text  string `json:"text"`
}

// CountryCode is the first state speaking in its own voice, or "".
func (p *Passage) CountryCode() string {
	if len(p.Countries) == 0 {
		return ""
	}
	return p.Countries[0]
}

// RecordKey is the key of a record in the index: its store file name
// without ".json" ("A_79_PV.29.en").
func RecordKey(rec *corpus.Record) string { return corpus.RecordKey(rec) }

// PassageID is the document ID of paragraph n of speech seq of a record.
func PassageID(recordKey string, seq, n int) string { return corpus.PassageID(recordKey, seq, n) }

// pieceID is the document ID of a piece of a paragraph indexed in pieces:
// the first is the paragraph's own ID.
func pieceID(recordKey string, seq, n, piece int) string {
	id := PassageID(recordKey, seq, n)
	if piece > 1 {
		id += "." + strconv.Itoa(piece)
	}
	return id
}

// Passages turns a record and its annotation (nil when it has none) into
// its indexed paragraphs. Empty paragraphs are left out.
func Passages(key string, rec *corpus.Record, ann *analysis.Annotation) []Passage {
	speechAnn := map[int]*analysis.SpeechAnnotation{}
	if ann != nil {
		for i := range ann.Speeches {
			speechAnn[ann.Speeches[i].Seq] = &ann.Speeches[i]
		}
	}
	agenda := rec.AgendaDebates()
	if len(agenda) == 0 {
		agenda = []string{corpus.DebateOther}
	}
	base := Passage{
		Agenda:   agenda,
		Record:   key,
		Symbol:   rec.Symbol,
		Date:     rec.Date,
		Language: rec.Language,
		Kind:     rec.Kind,
		Sample:   rec.Sample || strings.HasPrefix(rec.Symbol, "SAMPLE/"),
	}
	if strings.TrimSpace(rec.Symbol) == "" {
		base.Document = corpus.DocumentName(rec)
	}
	if rec.Session != nil {
		base.Session = *rec.Session
	}
	if rec.Meeting != nil {
		base.Meeting = *rec.Meeting
	}
	if len(rec.Date) >= 4 {
		base.Year = rec.Date[:4]
	}
	var letterGroups []string
	if rec.Letter != nil {
		letterGroups = rec.Letter.OnBehalfOf
	}

	var out []Passage
	for si := range rec.Speeches {
		sp := &rec.Speeches[si]
		sa := speechAnn[sp.Seq]
		p := base
		p.Delegation = sp.Delegation
		p.Speaker = sp.Speaker
		p.Role = sp.Role
		p.Reply = sp.Reply
		p.Seq = sp.Seq
		p.Countries = analysis.OwnVoices(rec, sp)
		p.Groups = speechGroups(sp, sa, letterGroups)
		var voices []string
		for _, c := range p.Countries {
			voices = appendUnique(voices, c)
		}
		for _, v := range analysis.Voices(sp, sa) {
			voices = appendUnique(voices, v.CountryCode)
		}
		p.Voices = voices

		paraAnn := map[int]*analysis.ParagraphAnnotation{}
		if sa != nil {
			for i := range sa.Paragraphs {
				paraAnn[sa.Paragraphs[i].N] = &sa.Paragraphs[i]
			}
		}
		for _, para := range sp.Paragraphs {
			if strings.TrimSpace(para.Text) == "" {
				continue
			}
			q := p
			q.N = para.N
			q.Page = para.Page
			q.Themes = nil
			q.Codes = nil
			q.Proposal = false
			if pa := paraAnn[para.N]; pa != nil {
				q.Themes = uniqueSorted(pa.Themes)
				q.Codes = codesOf(pa)
				q.Proposal = pa.Proposal
			}
			// A paragraph too long for one passage (a record from
			// elsewhere) is searched and shown in pieces.
			pieces := corpus.SplitText(para.Text, corpus.MaxParagraphBytes)
			for k, text := range pieces {
				q.ID, q.Text, q.Piece = pieceID(key, sp.Seq, para.N, k+1), text, para.Part
				if len(pieces) > 1 {
					q.Piece = k + 1
				}
				out = append(out, q)
			}
		}
	}
	return out
}

// speechGroups are the IDs of the groups a speech speaks for: its
// annotation's when analysed, else the group table's for the names the
// record prints (its own "on behalf of", or its letter's). A name the
// table does not know is left out: the group facet lists group IDs, one
// per group however records name it.
func speechGroups(sp *corpus.Speech, sa *analysis.SpeechAnnotation, letterGroups []string) []string {
	var out []string
	if sa != nil {
		for _, g := range sa.Groups {
			out = appendUnique(out, g.ID)
		}
		return out
	}
	gs, err := groupTable()
	if err != nil {
		return nil
	}
	names := sp.OnBehalfOf
	if len(names) == 0 {
		names = letterGroups
	}
	for _, name := range names {
		for _, g := range gs.Resolve(name) {
			out = appendUnique(out, g.ID)
		}
	}
	return out
}

// groupTable is the built-in group table, parsed once.
var groupTable = sync.OnceValues(analysis.DefaultGroups)

// order is the passage's place in its record, as a key that sorts as
// text: its speech, paragraph and piece.
func (p *Passage) order() string {
	if p.Piece > 1 {
		return fmt.Sprintf("%06d.%06d.%06d", p.Seq, p.N, p.Piece)
	}
	return fmt.Sprintf("%06d.%06d", p.Seq, p.N)
}

// document is the bleve document of a passage.
func (p *Passage) document() map[string]any {
	d := map[string]any{
		FieldRecord:           p.Record,
		FieldSymbol:           p.Symbol,
		FieldLanguage:         p.Language,
		FieldSample:           boolKeyword(p.Sample),
		FieldProposal:         boolKeyword(p.Proposal),
		FieldReply:            boolKeyword(p.Reply),
		FieldSeq:              float64(p.Seq),
		FieldN:                float64(p.N),
		FieldOrder:            p.order(),
		FieldOldest:           fmt.Sprintf("%-10s|%s|%s", p.Date, p.Record, p.order()),
		FieldNewest:           fmt.Sprintf("%-10s|%s|%s", invertDigits(p.Date), p.Record, p.order()),
		TextField(p.Language): p.Text,
	}
	if p.Session > 0 {
		d[FieldSession] = strconv.Itoa(p.Session)
		d[FieldSessionNum] = float64(p.Session)
	}
	if p.Meeting > 0 {
		d[FieldMeeting] = strconv.Itoa(p.Meeting)
	}
	setString(d, FieldYear, p.Year)
	setString(d, FieldDate, p.Date)
	setString(d, FieldDelegation, p.Delegation)
	setString(d, FieldDocument, p.Document)
	setString(d, FieldSpeaker, p.Speaker)
	setString(d, FieldRole, p.Role)
	setString(d, FieldKind, p.Kind)
	setStrings(d, FieldCountry, p.Countries)
	setStrings(d, FieldGroups, p.Groups)
	setStrings(d, FieldVoices, p.Voices)
	setStrings(d, FieldThemes, p.Themes)
	setStrings(d, FieldAgenda, p.Agenda)
	setStrings(d, FieldCodes, encodeCodes(p.Codes))
	if p.Page > 0 {
		d[FieldPage] = float64(p.Page)
	}
	if p.Piece > 0 {
		d[FieldPiece] = float64(p.Piece)
	}
	return d
}

// invertDigits maps each digit d to 9-d, so that ascending order of the
// result is descending order of the date; a missing date sorts last.
func invertDigits(date string) string {
	if date == "" {
		return "~"
	}
	b := []byte(date)
	for i, c := range b {
		if c >= '0' && c <= '9' {
			b[i] = '9' - (c - '0')
		}
	}
	return string(b)
}

func setString(d map[string]any, field, v string) {
	if v != "" {
		d[field] = v
	}
}

func setStrings(d map[string]any, field string, v []string) {
	if len(v) > 0 {
		d[field] = v
	}
}

func boolKeyword(b bool) string {
	if b {
		return keywordTrue
	}
	return keywordFalse
}

func appendUnique(list []string, s string) []string {
	if s == "" {
		return list
	}
	for _, x := range list {
		if x == s {
			return list
		}
	}
	return append(list, s)
}

func uniqueSorted(in []string) []string {
	var out []string
	for _, s := range in {
		out = appendUnique(out, s)
	}
	slices.Sort(out)
	return out
}

// Code is a theme of a passage and where it came from (analysis.Code
// without the evidence).
type Code struct {
	Theme  string  `json:"theme"`
	Source string  `json:"source"`
	Score  float64 `json:"score,omitempty"`
}

// String says where the theme came from and, when the learned layer scored
// it, how sure it was: "rule 0.93", "model 0.82", "reviewed"; "rule" alone
// with the taxonomy alone.
func (c Code) String() string {
	if c.Source != analysis.CodeReviewed && c.Score > 0 {
		return c.Source + " " + strconv.FormatFloat(c.Score, 'f', 2, 64)
	}
	return c.Source
}

// DebateOnReport tells whether the passage's record is the debate on the
// Council's report (alone or joint with another item).
func (p Passage) DebateOnReport() bool {
	return slices.Contains(p.Agenda, corpus.DebateReport)
}

func codesOf(pa *analysis.ParagraphAnnotation) []Code {
	var out []Code
	for _, cd := range pa.Codes {
		out = append(out, Code{Theme: cd.Theme, Source: cd.Source, Score: cd.Score})
	}
	return out
}

// encodeCodes stores codes as "theme source score" strings.
func encodeCodes(codes []Code) []string {
	var out []string
	for _, c := range codes {
		out = append(out, c.Theme+" "+c.Source+" "+strconv.FormatFloat(c.Score, 'g', -1, 64))
	}
	return out
}

func decodeCodes(stored []string) []Code {
	var out []Code
	for _, s := range stored {
		f := strings.Fields(s)
		if len(f) != 3 {
			continue
		}
		score, _ := strconv.ParseFloat(f[2], 64)
		out = append(out, Code{Theme: f[0], Source: f[1], Score: score})
	}
	return out
}

// URL is the official record's address at the page of the passage, or ""
// for sample records, which have none.
func (p *Passage) URL() string {
	if p.Sample {
		return ""
	}
	u := corpus.OfficialLink(p.Symbol, p.Language)
	if u != "" && p.Page > 0 {
		u += "#page=" + strconv.Itoa(p.Page)
	}
	return u
}

// Citation is the passage's reference as printed in a brief:
// "A/75/PV.78, p. 12, para. 3" — the page of the record where the
// passage starts, and its paragraph within the speaker's statement (or
// the letter), counted from 1.
func (p *Passage) Citation() string {
	c := cmp.Or(p.Symbol, p.Document, p.Record)
	if p.Page > 0 {
		c += ", p. " + strconv.Itoa(p.Page)
	}
	if p.N > 0 {
		c += ", para. " + strconv.Itoa(p.N)
	}
	return c
}
