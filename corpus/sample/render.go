package sample

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"hash/fnv"
	"strings"
	"time"

	"github.com/scdebate/scdebate/corpus"
)

// Page geometry, in lines of body text: the first page holds the cover and
// the corrections notice, the others a running header and footer.
const (
	firstPageLines = 24
	pageLines      = 50
)

// Render typesets rec as the text pdftotext (without -layout) prints for a
// modern single-column General Assembly verbatim record: the cover, the
// corrections notice and job number on the first page, running headers and
// footers on the others, pages separated by form feeds, paragraphs wrapped
// into lines. English and Chinese records are supported.
//
// Render also writes into rec where the text put each paragraph and stage
// direction (their Page), the number of pages and the text's SHA-256 and
// format, so that rec is then exactly what a faithful parser of the text
// recovers, apart from Source.Path.
//
// Paragraphs are recoverable from the text: a paragraph's last line is at
// most four fifths of the full measure and every other line is longer than
// that, the way ragged-right typesetting leaves them (a paragraph ending in
// a full line is narrowed slightly until it does not).
func Render(rec *corpus.Record) ([]byte, error) {
	if err := checkRenderable(rec); err != nil {
		return nil, fmt.Errorf("render %s: %w", rec.Symbol, err)
	}
	lang := rec.Language
	words := wordsByLanguage[lang]
	day, _ := time.Parse(time.DateOnly, rec.Date)
	session, err := sessionWords(lang, *rec.Session)
	if err != nil {
		return nil, fmt.Errorf("render %s: %w", rec.Symbol, err)
	}
	dl, err := dateLine(lang, day, rec.TimeStart)
	if err != nil {
		return nil, fmt.Errorf("render %s: %w", rec.Symbol, err)
	}
	ts := newTypesetter(lang)

	// The English cover names the series before the session, the Chinese
	// one after it.
	series := []string{words.officialRecords, "", session, ""}
	if lang == "zh" {
		series = []string{session, "", words.officialRecords, ""}
	}
	cover := append([]string{rec.Symbol, "", words.unitedNations, "", words.assembly, ""}, series...)
	cover = append(cover, meetingWords(lang, *rec.Meeting), "", dl, words.newYork, "",
		words.notice, "", words.presidentLabel, "", ts.leader(rec.President.Name, rec.President.Country))

	var body []bodyLine
	add := func(text string, page *int) {
		for i, l := range ts.wrap(text) {
			bl := bodyLine{text: l}
			if i == 0 {
				bl.page = page
			}
			body = append(body, bl)
		}
	}
	addEvents := func(after int) {
		for i := range rec.Events {
			if rec.Events[i].AfterSeq == after {
				add(rec.Events[i].Text, &rec.Events[i].Page)
			}
		}
	}
	addEvents(0)
	for _, l := range agendaLines(words, rec.AgendaItems) {
		add(l, nil)
	}
	for i := range rec.Speeches {
		sp := &rec.Speeches[i]
		prefix, err := speakerPrefix(lang, sp)
		if err != nil {
			return nil, fmt.Errorf("render %s: speech %d: %w", rec.Symbol, sp.Seq, err)
		}
		for j := range sp.Paragraphs {
			p := &sp.Paragraphs[j]
			text := p.Text
			if j == 0 {
				text = prefix + text
			}
			add(text, &p.Page)
		}
		addEvents(sp.Seq)
	}

	pages := 1
	if extra := len(body) - firstPageLines; extra > 0 {
		pages += (extra + pageLines - 1) / pageLines
	}
	job := jobNumber(rec.Symbol, day)
	header := day.Format("02/01/2006")
	var b strings.Builder
	next := 0
	for page := 1; page <= pages; page++ {
		limit := pageLines
		if page == 1 {
			limit = firstPageLines
		}
		end := min(next+limit, len(body))
		switch {
		case page == 1:
			b.WriteString(strings.Join(cover, "\n") + "\n")
		case page%2 == 0:
			fmt.Fprintf(&b, "%s\n\n%s\n\n", rec.Symbol, header)
		default:
			fmt.Fprintf(&b, "%s\n\n%s\n\n", header, rec.Symbol)
		}
		for _, bl := range body[next:end] {
			if bl.page != nil {
				*bl.page = page
			}
			b.WriteString(bl.text + "\n")
		}
		next = end
		switch {
		case page == 1:
			for _, l := range ts.wrapWidth(words.corrections, ts.measure*noticeScale) {
				b.WriteString(l + "\n")
			}
			fmt.Fprintf(&b, "\n%s%s\n\n*%s*\n\n\f", job, words.jobSuffix, strings.ReplaceAll(job, "-", ""))
		case page%2 == 0:
			fmt.Fprintf(&b, "\n%d/%d\n\n%s\n\n\f", page, pages, job)
		default:
			fmt.Fprintf(&b, "%s\n\n%d/%d\n\n\f", job, page, pages)
		}
	}
	text := []byte(b.String())
	sum := sha256.Sum256(text)
	rec.Source.SHA256 = hex.EncodeToString(sum[:])
	rec.Source.Pages = pages
	rec.Source.Format = "txt"
	return text, nil
}

// bodyLine is one line of running text; page, when set, receives the page
// the line lands on (the first line of a paragraph or stage direction).
type bodyLine struct {
	text string
	page *int
}

// noticeScale widens the measure for the corrections notice, which is set
// in a smaller type.
const noticeScale = 1.12

func checkRenderable(rec *corpus.Record) error {
	var errs []error
	if rec.Kind != corpus.KindVerbatim {
		errs = append(errs, fmt.Errorf("kind %q: only verbatim records are typeset", rec.Kind))
	}
	if _, ok := wordsByLanguage[rec.Language]; !ok {
		errs = append(errs, fmt.Errorf("language %q: only en and zh are typeset", rec.Language))
	}
	if rec.Symbol == "" {
		errs = append(errs, errors.New("no symbol"))
	}
	if rec.Session == nil || rec.Meeting == nil {
		errs = append(errs, errors.New("no session or meeting number"))
	}
	if _, err := time.Parse(time.DateOnly, rec.Date); err != nil {
		errs = append(errs, fmt.Errorf("date %q: %w", rec.Date, err))
	}
	if rec.President == nil {
		errs = append(errs, errors.New("no President"))
	}
	if len(rec.Votes) > 0 {
		errs = append(errs, errors.New("recorded votes are not typeset"))
	}
	if len(rec.Speeches) == 0 {
		errs = append(errs, errors.New("no speeches"))
	}
	for _, sp := range rec.Speeches {
		if len(sp.Paragraphs) == 0 {
			errs = append(errs, fmt.Errorf("speech %d (%s) has no paragraphs to carry its speaker line", sp.Seq, sp.Speaker))
		}
	}
	if len(rec.AgendaItems) == 0 {
		errs = append(errs, errors.New("no agenda items"))
	}
	return errors.Join(errs...)
}

// speakerPrefix is the speaker line that opens a speech's first paragraph:
// "Mr. Brunner (Switzerland) (spoke in French): ",
// "布伦纳先生（瑞士）（以法语发言）：".
func speakerPrefix(lang string, sp *corpus.Speech) (string, error) {
	var b strings.Builder
	b.WriteString(sp.Speaker)
	open, closing, comma, colon := " (", ")", ", ", ": "
	if lang == "zh" {
		open, closing, comma, colon = "（", "）", "，", "："
	}
	if sp.Delegation != "" {
		b.WriteString(open + sp.Delegation + closing)
	}
	if sp.Capacity != "" {
		b.WriteString(comma + sp.Capacity)
	}
	if sp.SpokeIn != "" {
		note, err := languageNote(lang, sp.SpokeIn)
		if err != nil {
			return "", err
		}
		if lang != "zh" {
			b.WriteString(" ")
		}
		b.WriteString(note)
	}
	b.WriteString(colon)
	return b.String(), nil
}

// agendaLines is the agenda heading: "Agenda items 29 and 123", then each
// item's title and documents.
func agendaLines(words recordWords, items []corpus.AgendaItem) []string {
	nums := make([]string, len(items))
	for i, it := range items {
		nums[i] = it.Number
	}
	head := words.agendaItem + nums[0]
	if n := len(nums); n > 1 {
		sep := ", "
		if words.and == "和" {
			sep = "、"
		}
		head = words.agendaItems + strings.Join(nums[:n-1], sep) + words.and + nums[n-1]
	}
	lines := []string{head}
	for _, it := range items {
		lines = append(lines, it.Title)
		lines = append(lines, it.Subitems...)
	}
	return lines
}

// jobNumber is the document's job number ("23-16170"): the same for every
// language version, as on real records.
func jobNumber(symbol string, day time.Time) string {
	h := fnv.New32a()
	h.Write([]byte(symbol))
	return fmt.Sprintf("%02d-%05d", day.Year()%100, 10000+h.Sum32()%90000)
}
