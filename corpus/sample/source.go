package sample

import (
	"bufio"
	"bytes"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/scdebate/scdebate/corpus"
)

// The sample records are authored in a plain source form, one paragraph a
// line, and typeset by Render into the page layout pdftotext prints for a
// verbatim record. The source says what each record contains; the typeset
// text is what a parser reads.
//
// A source starts with a header of "key: value" lines:
//
//	symbol: SAMPLE/A/77/PV.71
//	language: en
//	session: 77
//	meeting: 71
//	date: 2023-06-08
//	time: 10:00-13:10
//	president: Mr. Halmos (Hungary)
//	agenda: 29 | Report of the Security Council | Report of the Security Council (A/77/2)
//
// then floor turns and stage directions:
//
//	## Mr. Brunner (Switzerland) | spoke=fr | behalf=Accountability, Coherence and Transparency group
//	First paragraph.
//	Second paragraph.
//	!! It was so decided.
//
// A turn line gives the speaker as the record prints it — "The President",
// "Mr. Dervishi (Albania), President of the Security Council" — and
// optionally spoke= (ISO 639-1), behalf= and aligned= (groups, separated by
// ";"), role= and the flag reply. In English sources straight quotes and
// apostrophes become the typographic ones records print.

// sourceError locates a mistake in an authored source.
type sourceError struct {
	Name string
	Line int
	Err  error
}

func (e *sourceError) Error() string { return fmt.Sprintf("%s:%d: %v", e.Name, e.Line, e.Err) }
func (e *sourceError) Unwrap() error { return e.Err }

func parseSource(name string, data []byte) (*corpus.Record, error) {
	rec := &corpus.Record{
		Body:   "General Assembly",
		Kind:   corpus.KindVerbatim,
		Sample: true,
		Source: corpus.Source{Path: name, Format: "txt"},
	}
	var timeEnd string
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 0, 64*1024), 1024*1024)
	lineNo := 0
	fail := func(format string, args ...any) error {
		return &sourceError{Name: name, Line: lineNo, Err: fmt.Errorf(format, args...)}
	}
	inHeader := true
	var events []corpus.Event
	for sc.Scan() {
		lineNo++
		line := strings.TrimSpace(sc.Text())
		if line == "" {
			continue
		}
		if inHeader && !strings.HasPrefix(line, "##") && !strings.HasPrefix(line, "!!") {
			key, value, ok := strings.Cut(line, ":")
			if !ok {
				return nil, fail("header line without a key: %q", line)
			}
			if err := setHeader(rec, &timeEnd, strings.TrimSpace(key), strings.TrimSpace(value)); err != nil {
				return nil, fail("%v", err)
			}
			continue
		}
		if inHeader {
			inHeader = false
			if err := checkHeader(rec); err != nil {
				return nil, fail("%v", err)
			}
		}
		switch {
		case strings.HasPrefix(line, "##"):
			sp, err := parseTurn(rec.Language, strings.TrimSpace(line[2:]))
			if err != nil {
				return nil, fail("%v", err)
			}
			sp.Seq = len(rec.Speeches) + 1
			sp.AgendaItem = rec.AgendaItems[0].Number
			rec.Speeches = append(rec.Speeches, sp)
		case strings.HasPrefix(line, "!!"):
			events = append(events, corpus.Event{AfterSeq: len(rec.Speeches), Text: strings.TrimSpace(line[2:])})
		default:
			if len(rec.Speeches) == 0 {
				return nil, fail("paragraph before the first turn")
			}
			sp := &rec.Speeches[len(rec.Speeches)-1]
			text := line
			if rec.Language == "en" {
				text = typographic(text)
			}
			sp.Paragraphs = append(sp.Paragraphs, corpus.Paragraph{N: len(sp.Paragraphs) + 1, Text: text})
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fail("%v", err)
	}
	if inHeader || len(rec.Speeches) == 0 {
		return nil, fail("no turns")
	}
	for _, sp := range rec.Speeches {
		if len(sp.Paragraphs) == 0 {
			return nil, fail("turn %d (%s) has no paragraphs", sp.Seq, sp.Speaker)
		}
	}
	open, err := openingEvent(rec.Language, rec.TimeStart)
	if err != nil {
		return nil, fail("%v", err)
	}
	closing, err := closingEvent(rec.Language, timeEnd)
	if err != nil {
		return nil, fail("%v", err)
	}
	rec.TimeEnd = timeEnd
	rec.Events = append([]corpus.Event{{Text: open}}, events...)
	rec.Events = append(rec.Events, corpus.Event{AfterSeq: len(rec.Speeches), Text: closing})
	return rec, nil
}

func setHeader(rec *corpus.Record, timeEnd *string, key, value string) error {
	switch key {
	case "symbol":
		rec.Symbol = value
	case "language":
		if _, ok := wordsByLanguage[value]; !ok {
			return fmt.Errorf("language %q: the sample is typeset in en and zh", value)
		}
		rec.Language = value
	case "session", "meeting":
		n, err := strconv.Atoi(value)
		if err != nil {
			return fmt.Errorf("%s %q: %w", key, value, err)
		}
		if key == "session" {
			rec.Session = corpus.Int(n)
		} else {
			rec.Meeting = corpus.Int(n)
		}
	case "date":
		if _, err := time.Parse(time.DateOnly, value); err != nil {
			return fmt.Errorf("date %q: %w", value, err)
		}
		rec.Date = value
	case "time":
		start, end, ok := strings.Cut(value, "-")
		if !ok {
			return fmt.Errorf("time %q: want HH:MM-HH:MM", value)
		}
		rec.TimeStart, *timeEnd = strings.TrimSpace(start), strings.TrimSpace(end)
	case "president":
		speaker, deleg, _, err := splitSpeaker(value)
		if err != nil {
			return err
		}
		rec.President = &corpus.Person{Name: speaker, Country: deleg}
	case "agenda":
		parts := strings.Split(value, "|")
		if len(parts) < 2 {
			return fmt.Errorf("agenda %q: want number | title [| document...]", value)
		}
		item := corpus.AgendaItem{Number: strings.TrimSpace(parts[0]), Title: strings.TrimSpace(parts[1])}
		for _, p := range parts[2:] {
			item.Subitems = append(item.Subitems, strings.TrimSpace(p))
		}
		rec.AgendaItems = append(rec.AgendaItems, item)
	default:
		return fmt.Errorf("unknown header key %q", key)
	}
	return nil
}

func checkHeader(rec *corpus.Record) error {
	var missing []string
	for _, f := range []struct {
		name string
		ok   bool
	}{
		{"symbol", rec.Symbol != ""}, {"language", rec.Language != ""}, {"session", rec.Session != nil},
		{"meeting", rec.Meeting != nil}, {"date", rec.Date != ""}, {"time", rec.TimeStart != ""},
		{"president", rec.President != nil}, {"agenda", len(rec.AgendaItems) > 0},
	} {
		if !f.ok {
			missing = append(missing, f.name)
		}
	}
	if len(missing) > 0 {
		return fmt.Errorf("header lacks %s", strings.Join(missing, ", "))
	}
	if !strings.HasPrefix(rec.Symbol, "SAMPLE/") {
		return fmt.Errorf("symbol %q: sample symbols start with SAMPLE/ so they never collide with official documents", rec.Symbol)
	}
	return nil
}

// parseTurn reads a turn line: the speaker as printed, then "|"-separated
// options.
func parseTurn(lang, line string) (corpus.Speech, error) {
	fields := strings.Split(line, "|")
	speaker, deleg, capacity, err := splitSpeaker(strings.TrimSpace(fields[0]))
	if err != nil {
		return corpus.Speech{}, err
	}
	sp := corpus.Speech{
		Speaker:    speaker,
		Name:       surname(lang, speaker),
		Delegation: deleg,
		Capacity:   capacity,
		OnBehalfOf: []string{},
	}
	words := wordsByLanguage[lang]
	switch {
	case speaker == words.president:
		sp.Role = corpus.RolePresident
	case speaker == words.actingPresident:
		sp.Role = corpus.RoleActingPresident
	case deleg == "":
		return sp, fmt.Errorf("turn %q: a speaker other than the President needs a delegation", line)
	default:
		d, ok := delegationNamed(lang, deleg)
		if !ok {
			return sp, fmt.Errorf("turn %q: unknown delegation %q", line, deleg)
		}
		sp.CountryCode = d.Code
		sp.Role = corpus.RoleMemberState
		if d.observer() {
			sp.Role = corpus.RoleObserver
		}
	}
	for _, f := range fields[1:] {
		key, value, _ := strings.Cut(strings.TrimSpace(f), "=")
		switch key {
		case "spoke":
			if _, ok := languageNames[lang][value]; !ok {
				return sp, fmt.Errorf("turn %q: unknown language %q", line, value)
			}
			sp.SpokeIn = value
		case "behalf":
			sp.OnBehalfOf = splitList(value)
		case "aligned":
			sp.AlignedWith = splitList(value)
		case "role":
			sp.Role = value
		case "reply":
			sp.Reply = true
		default:
			return sp, fmt.Errorf("turn %q: unknown option %q", line, key)
		}
	}
	return sp, nil
}

// splitSpeaker splits "Mr. Dervishi (Albania), President of the Security
// Council" into the speaker, the delegation and the capacity; Chinese lines
// use full-width brackets and comma.
func splitSpeaker(s string) (speaker, deleg, capacity string, err error) {
	open := strings.IndexAny(s, "(（")
	if open < 0 {
		return s, "", "", nil
	}
	rest := s[open:]
	_, size := firstRune(rest)
	closeAt := strings.IndexAny(rest, ")）")
	if closeAt < 0 {
		return "", "", "", fmt.Errorf("speaker %q: unclosed bracket", s)
	}
	speaker = strings.TrimSpace(s[:open])
	deleg = rest[size:closeAt]
	_, csize := firstRune(rest[closeAt:])
	after := strings.TrimSpace(rest[closeAt+csize:])
	after = strings.TrimPrefix(strings.TrimPrefix(after, ","), "，")
	return speaker, deleg, strings.TrimSpace(after), nil
}

func firstRune(s string) (rune, int) {
	for _, r := range s {
		return r, len(string(r))
	}
	return 0, 0
}

var (
	titlesEN = []string{"Mr. ", "Mrs. ", "Ms. ", "Miss ", "Dame ", "Sir ", "Dr. "}
	titlesZH = []string{"先生", "女士", "夫人"}
)

// surname is the name as printed without its title: "Mr. Al-Sabah" →
// "Al-Sabah", "布伦纳先生" → "布伦纳"; empty for the presiding officer.
func surname(lang, speaker string) string {
	if lang == "zh" {
		for _, t := range titlesZH {
			if n, ok := strings.CutSuffix(speaker, t); ok {
				return n
			}
		}
		return ""
	}
	for _, t := range titlesEN {
		if n, ok := strings.CutPrefix(speaker, t); ok {
			return n
		}
	}
	return ""
}

func splitList(s string) []string {
	var out []string
	for _, p := range strings.Split(s, ";") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// typographic turns straight quotes and apostrophes into the curly ones the
// records print.
func typographic(s string) string {
	var b strings.Builder
	prev := ' '
	for _, r := range s {
		switch r {
		case '\'':
			if prev == ' ' || prev == '(' || prev == '“' {
				r = '‘'
			} else {
				r = '’'
			}
		case '"':
			if prev == ' ' || prev == '(' || prev == '—' {
				r = '“'
			} else {
				r = '”'
			}
		}
		b.WriteRune(r)
		prev = r
	}
	return b.String()
}
