package reports

import (
	"iter"
	"regexp"
	"strings"
	"time"

	"github.com/scdebate/scdebate/analysis"
	"github.com/scdebate/scdebate/corpus"
)

// Document is one record with its coding, as a report consumes it.
type Document struct {
	Record *corpus.Record
	// Key is the record's key in its workspace (its store file name
	// without ".json"), which its passage IDs start with; empty means
	// corpus.RecordKey(Record).
	Key string
	// Annotation is the record's theme coding; nil when the record has not
	// been analysed under the report's taxonomy (its comments are then
	// missing from the report, which says so on the Overview).
	Annotation *analysis.Annotation
	// Counterpart is the same document in Options.Counterpart's language,
	// or nil.
	Counterpart *corpus.Record
	// Baseline marks a document of the session before the latest one in
	// scope: it is counted only for the change against the previous
	// session and appears on no sheet.
	Baseline bool

	// counterpartErr is why the counterpart could not be read.
	counterpartErr  error
	counterpartPath string
}

// Documents yields documents in report order (session, date, meeting). An
// error ends the report.
type Documents = iter.Seq2[*Document, error]

// link is the official link of a record, or "" for a sample record, which
// has no official counterpart.
func link(rec *corpus.Record) string {
	if rec.Sample {
		return ""
	}
	return corpus.OfficialLink(rec.Symbol, rec.Language)
}

// recordDate parses a record's ISO date; ok is false for a missing or
// malformed date, which is then shown as printed.
func recordDate(rec *corpus.Record) (time.Time, bool) {
	t, err := time.Parse("2006-01-02", rec.Date)
	return t, err == nil
}

// pageLink is the official link of a record at a page, or "" for a
// sample record.
func pageLink(rec *corpus.Record, page int) string {
	if rec.Sample {
		return ""
	}
	return corpus.PageLink(rec.Symbol, rec.Language, page)
}

// speaker is what the rows of one speech share, worked out once.
type speaker struct {
	code, state string // the speaker's state: code and name as printed
	speakingFor string
	voices      []analysis.Voice
	// shownSpeaker and shownState are what the sheets print: the speaker
	// and state, or for the chair the presiding officer's name and the
	// office with the officer's country (the chair speaks for no state).
	shownSpeaker, shownState string
}

func newSpeaker(rec *corpus.Record, sp *corpus.Speech, ann *analysis.SpeechAnnotation, lang string) *speaker {
	who := &speaker{
		code: sp.CountryCode, state: stateName(sp.CountryCode, sp.Delegation, lang),
		speakingFor: speakingFor(sp, ann), voices: analysis.Voices(sp, ann),
		shownSpeaker: sp.Speaker,
	}
	who.shownState = who.state
	if name, country, office := chair(rec, sp, lang); office != "" {
		if name != "" {
			who.shownSpeaker = sp.Speaker + " (" + name + ")"
		}
		who.shownState = office
		if country != "" {
			who.shownState += " (" + country + ")"
		}
	}
	return who
}

// tookTheChairRe reads the stage direction of a Vice-President taking the
// chair, as English records print it: "In the absence of the President,
// Mr. Agyeman (Ghana), Vice-President, took the Chair.", or in older
// records "Mr. Akram (Pakistan), Vice President, took the chair."
var tookTheChairRe = regexp.MustCompile(`((?:Mr|Mrs|Ms|Miss|Dr|Sir|Dame|Sheikh|Prince|Princess)\.? [^()]{1,80}?) \(([^()]{2,80})\),? Vice[- ]President,? took the [Cc]hair`)

// chair names who speaks from the chair: the President of the record's
// body, or the Vice-President acting as President, with the officer's
// name and country where the record gives them; office is "" for a
// speech not made from the chair.
func chair(rec *corpus.Record, sp *corpus.Speech, lang string) (name, country, office string) {
	body := rec.Body
	if body == "" {
		body = "General Assembly"
	}
	switch sp.Role {
	case corpus.RolePresident:
		office = "President of the " + body
		if p := rec.President; p != nil {
			name, country = p.Name, p.Country
		}
	case corpus.RoleActingPresident:
		office = "Acting President of the " + body
		for _, e := range rec.Events {
			if e.AfterSeq >= sp.Seq {
				break
			}
			if m := tookTheChairRe.FindStringSubmatch(e.Text); m != nil {
				name, country = m[1], m[2]
			}
		}
	default:
		return "", "", ""
	}
	if c, ok := corpus.LookupCountry(country, rec.Language); ok && c.Code != "" {
		country = c.Name(lang)
	}
	return name, country, office
}

// stateName is a state's short name in lang from the country table, so
// that one state has one name across records (which print long and short
// forms); a delegation without a known code keeps its name as printed.
func stateName(code, printed, lang string) string {
	if code != "" {
		if c, ok := corpus.CountryByCode(code); ok {
			return c.Name(lang)
		}
	}
	if printed = strings.TrimSpace(printed); printed != "" {
		return printed
	}
	return code
}

// comment is one coded paragraph in scope: a row of the Comments sheet.
type comment struct {
	rec    *corpus.Record
	sp     *corpus.Speech
	who    *speaker
	spAnn  *analysis.SpeechAnnotation
	para   *corpus.Paragraph
	pAnn   *analysis.ParagraphAnnotation
	key    string   // the record's key, for passage IDs
	themes []string // the paragraph's themes that the report counts
	// counterpart is the passage in the counterpart language; ok is false
	// when that version has no such paragraph.
	counterpart   string
	counterpartOK bool
}

// speakingFor lists the groups a speech was made for, by name.
func speakingFor(sp *corpus.Speech, ann *analysis.SpeechAnnotation) string {
	var names []string
	if ann != nil {
		for _, g := range ann.Groups {
			if g.Name != "" {
				names = append(names, g.Name)
			} else {
				names = append(names, g.ID)
			}
		}
	}
	if len(names) == 0 {
		names = sp.OnBehalfOf
	}
	return strings.Join(names, "; ")
}

// filter applies the selection options to speeches and paragraphs.
type filter struct {
	opts      *Options
	themes    map[string]bool
	countries map[string]bool
	groups    map[string]bool
}

func newFilter(opts *Options) *filter {
	set := func(xs []string, upper bool) map[string]bool {
		if len(xs) == 0 {
			return nil
		}
		m := make(map[string]bool, len(xs))
		for _, x := range xs {
			x = strings.TrimSpace(x)
			if upper {
				x = strings.ToUpper(x)
			}
			m[x] = true
		}
		return m
	}
	return &filter{
		opts:      opts,
		themes:    set(opts.Themes, false),
		countries: set(opts.Countries, true),
		groups:    set(opts.Groups, false),
	}
}

// speech tells whether a speech passes the country and group filters.
func (f *filter) speech(sp *corpus.Speech, ann *analysis.SpeechAnnotation, who *speaker) bool {
	if f.groups != nil {
		ok := false
		if ann != nil {
			for _, g := range ann.Groups {
				ok = ok || f.groups[g.ID]
			}
		}
		for _, name := range sp.OnBehalfOf {
			ok = ok || f.groups[name]
		}
		if !ok {
			return false
		}
	}
	if f.countries != nil {
		ok := false
		for _, v := range who.voices {
			ok = ok || f.countries[v.CountryCode]
		}
		if !ok {
			return false
		}
	}
	return true
}

// theme tells whether a theme is counted by the report.
func (f *filter) theme(id string) bool {
	return f.themes == nil || f.themes[id]
}

// paragraphThemes returns the paragraph's themes the report counts; nil
// means the paragraph is not a comment of the report.
func (f *filter) paragraphThemes(ann *analysis.ParagraphAnnotation) []string {
	if ann == nil || len(ann.Themes) == 0 {
		return nil
	}
	if f.themes == nil {
		return ann.Themes
	}
	var out []string
	for _, t := range ann.Themes {
		if f.themes[t] {
			out = append(out, t)
		}
	}
	return out
}

// eachComment calls fn for every comment of doc in scope, in speech and
// paragraph order, and visit (when set) for every speech that passes the
// speech filters with the number of its comments.
func (f *filter) eachComment(doc *Document, fn func(c *comment) error, visit func(sp *corpus.Speech, ann *analysis.SpeechAnnotation, who *speaker, comments int)) error {
	rec := doc.Record
	var byseq map[int]*analysis.SpeechAnnotation
	if doc.Annotation != nil {
		byseq = make(map[int]*analysis.SpeechAnnotation, len(doc.Annotation.Speeches))
		for i := range doc.Annotation.Speeches {
			sa := &doc.Annotation.Speeches[i]
			byseq[sa.Seq] = sa
		}
	}
	var counter map[[2]int]string
	if doc.Counterpart != nil {
		counter = make(map[[2]int]string)
		for _, sp := range doc.Counterpart.Speeches {
			for _, p := range sp.Paragraphs {
				counter[[2]int{sp.Seq, p.N}] = p.Text
			}
		}
	}
	key := doc.Key
	if key == "" {
		key = corpus.RecordKey(rec)
	}
	var c comment
	for i := range rec.Speeches {
		sp := &rec.Speeches[i]
		sa := byseq[sp.Seq]
		who := newSpeaker(rec, sp, sa, rec.Language)
		if !f.speech(sp, sa, who) {
			continue
		}
		n := 0
		if sa != nil {
			byn := make(map[int]*analysis.ParagraphAnnotation, len(sa.Paragraphs))
			for j := range sa.Paragraphs {
				byn[sa.Paragraphs[j].N] = &sa.Paragraphs[j]
			}
			for j := range sp.Paragraphs {
				p := &sp.Paragraphs[j]
				pa := byn[p.N]
				themes := f.paragraphThemes(pa)
				if len(themes) == 0 {
					continue
				}
				if f.opts.Keep != nil && !f.opts.Keep(rec.Symbol, rec.Language, sp.Seq, p.N) {
					continue
				}
				c = comment{rec: rec, sp: sp, who: who, spAnn: sa, para: p, pAnn: pa, key: key, themes: themes}
				if counter != nil {
					c.counterpart, c.counterpartOK = counter[[2]int{sp.Seq, p.N}]
				}
				n++
				if err := fn(&c); err != nil {
					return err
				}
			}
		}
		if visit != nil {
			visit(sp, sa, who, n)
		}
	}
	return nil
}
