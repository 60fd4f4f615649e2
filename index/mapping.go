package index

import (
	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/keyword"
	"github.com/blevesearch/bleve/v2/mapping"

	"github.com/scdebate/scdebate/analysis"
	"github.com/scdebate/scdebate/corpus"
)

// Field names of an indexed paragraph.
const (
	FieldRecord = "record"
	FieldSymbol = "symbol"
	// FieldDocument names a document without a symbol, for its citation
	// (corpus.DocumentName): stored, not searched.
	FieldDocument   = "document"
	FieldSession    = "session"
	FieldSessionNum = "session_num"
	FieldYear       = "year"
	FieldDate       = "date"
	FieldMeeting    = "meeting"
	FieldCountry    = "country_code"
	FieldDelegation = "delegation"
	FieldSpeaker    = "speaker"
	FieldRole       = "role"
	FieldGroups     = "groups"
	FieldVoices     = "voices"
	FieldThemes     = "themes"
	// FieldAgenda holds the debates of the record's agenda
	// (corpus.Record.AgendaDebates; "other" for none).
	FieldAgenda = "agenda"
	// FieldCodes holds each theme's provenance, "theme source score",
	// stored for the passage page.
	FieldCodes    = "codes"
	FieldLanguage = "language"
	FieldKind     = "kind"
	FieldSample   = "sample"
	FieldProposal = "proposal"
	FieldReply    = "reply"
	FieldPage     = "page"
	FieldSeq      = "seq"
	FieldN        = "n"
	FieldPiece    = "piece"
	FieldOrder    = "order"
	// FieldOldest and FieldNewest are single sort keys (date, record,
	// position in the record; the date inverted in FieldNewest), so that
	// ordering by date reads one field per hit instead of three.
	FieldOldest      = "sort_oldest"
	FieldNewest      = "sort_newest"
	textFieldPrefix  = "text_"
	otherTextField   = "text_other"
	keywordTrue      = "true"
	keywordFalse     = "false"
	defaultBatchSize = 1000
)

// textLanguages are the languages with a text field of their own; any other
// language is indexed in text_other with the standard analyzer.
var textLanguages = corpus.Languages

// TextField is the field that holds the text of a paragraph in lang.
func TextField(lang string) string {
	for _, l := range textLanguages {
		if l == lang {
			return textFieldPrefix + lang
		}
	}
	return otherTextField
}

// textFields lists every text field, for highlighting and loading hits.
func textFields() []string {
	out := make([]string, 0, len(textLanguages)+1)
	for _, l := range textLanguages {
		out = append(out, textFieldPrefix+l)
	}
	return append(out, otherTextField)
}

// storedFields are loaded for every hit.
var storedFields = append([]string{
	FieldRecord, FieldSymbol, FieldSession, FieldYear, FieldDate, FieldMeeting,
	FieldCountry, FieldDelegation, FieldSpeaker, FieldRole, FieldGroups,
	FieldThemes, FieldLanguage, FieldKind, FieldSample, FieldProposal,
	FieldPage, FieldSeq, FieldN, FieldPiece, FieldDocument, FieldAgenda, FieldCodes,
}, textFields()...)

// NewMapping returns the index mapping of a paragraph document. Nothing is
// dynamic and nothing goes into bleve's composite _all field: every query
// names its fields.
func NewMapping() mapping.IndexMapping {
	keywordField := func(store bool) *mapping.FieldMapping {
		f := bleve.NewKeywordFieldMapping()
		f.Analyzer = keyword.Name
		f.Store = store
		f.IncludeInAll = false
		f.IncludeTermVectors = false
		return f
	}
	storedOnly := func() *mapping.FieldMapping {
		f := bleve.NewTextFieldMapping()
		f.Index = false
		f.Store = true
		f.IncludeInAll = false
		f.IncludeTermVectors = false
		f.DocValues = false
		return f
	}
	numeric := func(store bool) *mapping.FieldMapping {
		f := bleve.NewNumericFieldMapping()
		f.Store = store
		f.IncludeInAll = false
		return f
	}

	doc := bleve.NewDocumentStaticMapping()
	for _, name := range []string{
		FieldRecord, FieldSymbol, FieldSession, FieldYear, FieldDate, FieldMeeting,
		FieldCountry, FieldDelegation, FieldRole, FieldGroups, FieldThemes,
		FieldLanguage, FieldKind, FieldSample, FieldProposal, FieldAgenda,
	} {
		doc.AddFieldMappingsAt(name, keywordField(true))
	}
	doc.AddFieldMappingsAt(FieldCodes, storedOnly())
	doc.AddFieldMappingsAt(FieldVoices, keywordField(false))
	doc.AddFieldMappingsAt(FieldReply, keywordField(false))
	doc.AddFieldMappingsAt(FieldOrder, keywordField(false))
	doc.AddFieldMappingsAt(FieldOldest, keywordField(false))
	doc.AddFieldMappingsAt(FieldNewest, keywordField(false))
	doc.AddFieldMappingsAt(FieldSpeaker, storedOnly())
	doc.AddFieldMappingsAt(FieldDocument, storedOnly())
	doc.AddFieldMappingsAt(FieldSessionNum, numeric(false))
	for _, name := range []string{FieldPage, FieldSeq, FieldN, FieldPiece} {
		doc.AddFieldMappingsAt(name, numeric(true))
	}
	for _, lang := range append(append([]string{}, textLanguages...), "") {
		f := bleve.NewTextFieldMapping()
		f.Analyzer = analysis.AnalyzerName(lang)
		f.Store = true
		f.IncludeTermVectors = true // highlighting
		f.IncludeInAll = false
		f.DocValues = false
		doc.AddFieldMappingsAt(TextField(lang), f)
	}

	im := bleve.NewIndexMapping()
	im.DefaultMapping = doc
	im.IndexDynamic = false
	im.StoreDynamic = false
	im.DocValuesDynamic = false
	im.DefaultAnalyzer = keyword.Name
	return im
}
