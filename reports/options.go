package reports

import (
	"slices"
	"sync"
	"time"

	"github.com/scdebate/scdebate/analysis"
	"github.com/scdebate/scdebate/corpus"
)

// Options select what a report covers and how it is written. The zero
// value reports everything in the workspace.
type Options struct {
	// Sessions restricts the report to General Assembly sessions in these
	// ranges; documents without a session are then left out.
	Sessions []corpus.SessionRange
	// Themes restricts comments to paragraphs coded with one of these theme
	// IDs, and the theme tables to these themes.
	Themes []string
	// Countries restricts comments to statements made by, or on behalf of a
	// group including, one of these states (ISO 3166-1 alpha-3).
	Countries []string
	// Groups restricts comments to statements made on behalf of one of
	// these groups (group IDs, e.g. "ACT").
	Groups []string
	// Agenda restricts the report to records whose agenda belongs to one
	// of these debates (corpus.Debates: "report" for the Assembly's debate
	// on the Council's report, joint or not; "other" for records of none;
	// see corpus.InDebates).
	Agenda []string
	// Languages restricts the report to records in these languages
	// (ISO 639-1). Where a document exists in several kept languages, the
	// report uses one version: the first of Languages that exists, or with
	// no Languages the first of corpus.PreferredLanguages (see
	// corpus.Versions.Choose).
	Languages []string
	// Counterpart, when set, is a second language: the comments then show
	// each passage beside its counterpart (same speech and paragraph
	// number) in the record of the same symbol in that language.
	Counterpart string
	// Keep, when set, restricts comments to the paragraphs it accepts — the
	// search server passes its hits. It is asked about the language version
	// the report uses.
	Keep func(symbol, lang string, seq, n int) bool
	// Trends adds the Trends sheet even for a single session; it is added
	// anyway when the report covers several sessions.
	Trends bool
	// MaxRows caps the rows of the Comments sheet (0: no cap beyond
	// Excel's row limit). The Overview says when rows were left out.
	MaxRows int

	// Taxonomy is the taxonomy the corpus was coded with, as
	// analysis.LoadTaxonomy reads it: it names and orders the themes, and
	// its hash picks the annotations read from a workspace. Nil: the
	// built-in taxonomy — or, when no record in the selection was coded
	// with it, the taxonomy most of them were coded with, its themes named
	// as the built-in taxonomy names them.
	Taxonomy *analysis.Taxonomy
	// GeneratedAt is the time printed as the generation time (zero: now).
	GeneratedAt time.Time
	// WorkspaceID stamps the workbook with the workspace it is written
	// from (corpus.Workspace.ID), so that reviews typed into it go back to
	// that workspace alone (ImportReviews). WriteWorkbook fills it in.
	WorkspaceID string
	// TempDir is where a workbook's large sheets are spilled while it is
	// written, in a directory of its own that is removed at the end, and
	// by the next report if the writer was killed (empty: the system's
	// temporary directory).
	TempDir string

	// BOM starts CSV output with a UTF-8 byte-order mark, which Excel needs
	// to read UTF-8.
	BOM bool
	// RawCSV writes CSV cells exactly as the records have them. By default
	// a cell that starts with =, +, -, @, a tab or a carriage return gets
	// a leading apostrophe, so that a spreadsheet program opening the file
	// shows the text instead of running it as a formula: the text comes
	// from documents the tool does not control.
	RawCSV bool

	// OnProgress is told about each document reported; Item is its
	// symbol.
	OnProgress corpus.ProgressFunc
	// OnError is told about each record that could not be read, and
	// skips it unless it returns an error, which stops the report
	// (corpus.StopOnError stops it at the first).
	OnError corpus.ErrorFunc

	// annotationHash is the taxonomy hash the annotations were read under
	// when it is not Taxonomy's (found by selectWorkspace).
	annotationHash string
}

func (o *Options) sessionInScope(session *int) bool {
	if len(o.Sessions) == 0 {
		return true
	}
	if session == nil {
		return false
	}
	return slices.ContainsFunc(o.Sessions, func(r corpus.SessionRange) bool { return r.Contains(*session) })
}

// agendaKept tells whether a record with these agenda items is in the
// report's debates.
func (o *Options) agendaKept(items []corpus.AgendaItem) bool {
	if len(o.Agenda) == 0 {
		return true
	}
	return corpus.InDebates((&corpus.Record{AgendaItems: items}).AgendaDebates(), o.Agenda)
}

func (o *Options) languageKept(lang string) bool {
	return len(o.Languages) == 0 || slices.Contains(o.Languages, lang)
}

// defaultTaxonomy is the built-in taxonomy, compiled once: reports are
// written again and again by a server.
var defaultTaxonomy = sync.OnceValues(analysis.DefaultTaxonomy)

// themeNames names and orders the themes of a report.
type themeNames struct {
	tx *analysis.Taxonomy // nil when no taxonomy could be loaded
	// hash is the taxonomy hash of the annotations.
	hash string
}

func newThemeNames(opts *Options) *themeNames {
	t := &themeNames{tx: opts.Taxonomy}
	if t.tx == nil {
		// The built-in taxonomy is compiled in; it fails only if the
		// binary is broken, and the report then names themes by ID.
		t.tx, _ = defaultTaxonomy()
	}
	t.hash = opts.annotationHash
	if t.hash == "" && t.tx != nil {
		t.hash = t.tx.Hash()
	}
	return t
}

// name is a theme's name in lang, or its ID when the taxonomy does not
// know it.
func (t *themeNames) name(id, lang string) string {
	if t.tx != nil {
		if th, ok := t.tx.Theme(id); ok {
			return th.Name(lang)
		}
	}
	return id
}

// ids are the taxonomy's theme IDs in its order.
func (t *themeNames) ids() []string {
	if t.tx == nil {
		return nil
	}
	return t.tx.IDs()
}

// describe says which taxonomy the report uses, for the Overview.
func (t *themeNames) describe() string {
	switch {
	case t.tx == nil:
		return "annotations under taxonomy " + t.hash + "; themes named by ID"
	case t.hash != t.tx.Hash():
		return "annotations under taxonomy " + t.hash + "; themes named as in " + t.tx.Source + " (" + t.tx.Hash() + ")"
	}
	return t.tx.Source + " (" + t.hash + ")"
}
