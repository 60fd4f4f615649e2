package sample

import (
	"cmp"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"hash"
	"iter"
	"math"
	"math/rand/v2"
	"regexp"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/scdebate/scdebate/corpus"
)

// Options sizes a generated corpus. The zero value gives the benchmark
// corpus: 30 sessions (the forty-ninth to the seventy-eighth) of 6 meetings
// of 200 speeches each, some 36,000 speeches and more than 200,000
// paragraphs.
type Options struct {
	// Sessions is the number of General Assembly sessions; 30 when zero.
	Sessions int
	// FirstSession is the first session's number; chosen so that the last
	// is the seventy-eighth when zero.
	FirstSession int
	// RecordsPerSession is the number of meetings of the debate in each
	// session; 6 when zero.
	RecordsPerSession int
	// SpeechesPerRecord is the number of floor turns in each meeting,
	// the presiding officer's included; 200 when zero.
	SpeechesPerRecord int
	// Language selects the base records drawn from and the language of
	// the generated ones; "en" when empty.
	Language string
}

func (o Options) withDefaults() Options {
	if o.Sessions == 0 {
		o.Sessions = 30
	}
	if o.FirstSession == 0 {
		o.FirstSession = max(1, 79-o.Sessions)
	}
	if o.RecordsPerSession == 0 {
		o.RecordsPerSession = 6
	}
	if o.SpeechesPerRecord == 0 {
		o.SpeechesPerRecord = 200
	}
	if o.Language == "" {
		o.Language = "en"
	}
	return o
}

// Generate multiplies parsed debate records (typically the sample, parsed
// from Files, or Records) into a large corpus for benchmarks and scale
// tests, deterministically: the same seed, base and options give the same
// records.
//
// Each generated record is a meeting of the debate in some session, with
// symbol SAMPLE/A/<session>/PV.<meeting> (never one of the base symbols),
// a date in the session's year, and speeches recombined from the base: the
// presiding officer's opening and closing turns and the rights of reply
// follow one base record, statements on behalf of groups keep their text,
// and national statements take a base speech's opening paragraph followed
// by paragraphs drawn from all national statements. Delegations are drawn
// from the table of States and speakers' surnames are invented. The base
// records are ordered by session, and each generated session draws mostly
// from the base sessions nearest to it on that scale (with some noise per
// session), so the share of each theme drifts across sessions as it does in
// the base.
//
// Every record is marked Sample, has Source.Path "generated" and a
// Source.SHA256 of its content, unique in the corpus; paragraph pages and
// Source.Pages estimate the typeset layout (Render gives the exact ones).
func Generate(seed int64, base []*corpus.Record, opts Options) (iter.Seq[*corpus.Record], error) {
	o := opts.withDefaults()
	g, err := newGenerator(seed, base, o)
	if err != nil {
		return nil, err
	}
	return func(yield func(*corpus.Record) bool) {
		for s := range o.Sessions {
			weights := g.sessionWeights(s)
			meeting := 20 + g.sessionRand(s, streamMeetings).IntN(40)
			for k := range o.RecordsPerSession {
				for g.taken[g.symbol(o.FirstSession+s, meeting)] {
					meeting++
				}
				if !yield(g.record(s, k, meeting, weights)) {
					return
				}
				meeting++
			}
		}
	}, nil
}

// generator holds the base material, sorted and indexed once.
type generator struct {
	seed  int64
	o     Options
	bases []*baseRecord
	// groups lists the group statements by the group spoken for.
	groups     map[string][]*corpus.Speech
	groupNames []string
	states     []delegation
	taken      map[string]bool
}

// baseRecord is one base record cut into the parts a generated record is
// assembled from.
type baseRecord struct {
	rec *corpus.Record
	// pos places the record on the scale of base sessions, 0 to 1.
	pos float64
	// head are the turns before the first statement from the floor (the
	// President's opening, the Council President's introduction); tail
	// runs from the announcement of the rights of reply to the end.
	head, tail []corpus.Speech
	tailEvents []corpus.Event // AfterSeq relative to the tail's start
	national   []*corpus.Speech
	// pool holds the paragraphs of national statements after their first.
	pool []string
}

func newGenerator(seed int64, base []*corpus.Record, o Options) (*generator, error) {
	if o.Sessions < 0 || o.RecordsPerSession < 0 || o.SpeechesPerRecord < 0 || o.FirstSession < 0 {
		return nil, errors.New("generate: negative size")
	}
	if last := o.FirstSession + o.Sessions - 1; o.FirstSession < 1 || last > 99 {
		return nil, fmt.Errorf("generate: sessions %d–%d out of range 1–99", o.FirstSession, last)
	}
	g := &generator{seed: seed, o: o, groups: map[string][]*corpus.Speech{}, taken: map[string]bool{}}
	for _, d := range floorDelegations() {
		if d.name(o.Language) != "" {
			g.states = append(g.states, d)
		}
	}
	for _, rec := range base {
		g.taken[rec.Symbol] = true
		if rec.Language != o.Language || rec.Kind != corpus.KindVerbatim || rec.Session == nil {
			continue
		}
		if b := cut(rec); b != nil {
			g.bases = append(g.bases, b)
		}
	}
	if len(g.bases) == 0 {
		return nil, fmt.Errorf("generate: no %s debate record in the base with opening turns, statements and closing turns", o.Language)
	}
	slices.SortStableFunc(g.bases, func(a, b *baseRecord) int { return cmp.Compare(*a.rec.Session, *b.rec.Session) })
	lo, hi := *g.bases[0].rec.Session, *g.bases[len(g.bases)-1].rec.Session
	for _, b := range g.bases {
		if hi > lo {
			b.pos = float64(*b.rec.Session-lo) / float64(hi-lo)
		}
		for i := range b.rec.Speeches {
			sp := &b.rec.Speeches[i]
			for _, name := range sp.OnBehalfOf {
				if len(g.groups[name]) == 0 {
					g.groupNames = append(g.groupNames, name)
				}
				g.groups[name] = append(g.groups[name], sp)
			}
		}
	}
	minTurns := 0
	for _, b := range g.bases {
		minTurns = max(minTurns, len(b.head)+len(b.tail)+1)
	}
	if o.SpeechesPerRecord < minTurns {
		return nil, fmt.Errorf("generate: %d speeches per record is fewer than the %d the opening and closing turns need", o.SpeechesPerRecord, minTurns)
	}
	return g, nil
}

// cut splits a base record into head, statements and tail; nil when it has
// no statement from the floor or no closing turn by the chair.
func cut(rec *corpus.Record) *baseRecord {
	isChair := func(sp *corpus.Speech) bool {
		return sp.Role == corpus.RolePresident || sp.Role == corpus.RoleActingPresident
	}
	first := slices.IndexFunc(rec.Speeches, func(sp corpus.Speech) bool {
		return !isChair(&sp) && sp.Capacity == ""
	})
	if first < 0 {
		return nil
	}
	// The tail starts at the chair's turn before the first reply or, when
	// nobody replied, at the trailing run of the chair's turns.
	tail := len(rec.Speeches)
	for tail > first && isChair(&rec.Speeches[tail-1]) {
		tail--
	}
	if reply := slices.IndexFunc(rec.Speeches, func(sp corpus.Speech) bool { return sp.Reply }); reply > first {
		tail = reply
		for tail > first && isChair(&rec.Speeches[tail-1]) {
			tail--
		}
	}
	if tail == len(rec.Speeches) || tail <= first {
		return nil
	}
	b := &baseRecord{rec: rec, head: rec.Speeches[:first], tail: rec.Speeches[tail:]}
	for _, e := range rec.Events {
		if e.AfterSeq > tail && e.AfterSeq < len(rec.Speeches) {
			e.AfterSeq -= tail
			b.tailEvents = append(b.tailEvents, e)
		}
	}
	for i := first; i < tail; i++ {
		sp := &rec.Speeches[i]
		if len(sp.OnBehalfOf) > 0 || isChair(sp) || len(sp.Paragraphs) == 0 {
			continue
		}
		b.national = append(b.national, sp)
		for _, p := range sp.Paragraphs[1:] {
			b.pool = append(b.pool, p.Text)
		}
	}
	if len(b.national) == 0 || len(b.pool) == 0 {
		return nil
	}
	return b
}

func (g *generator) rand(a, b uint64) *rand.Rand {
	return rand.New(rand.NewPCG(uint64(g.seed), a<<32|b))
}

// Per-session random streams, one for each use, shared by the session's
// meetings.
const (
	streamWeights = math.MaxUint32 - iota
	streamMeetings
	streamDays
)

func (g *generator) sessionRand(s int, stream uint64) *rand.Rand { return g.rand(uint64(s), stream) }

// sessionWeights weighs the base records for generated session s: nearest
// on the scale of sessions weighs most, with noise shared by the session's
// meetings.
func (g *generator) sessionWeights(s int) []float64 {
	t := 0.0
	if g.o.Sessions > 1 {
		t = float64(s) / float64(g.o.Sessions-1)
	}
	r := g.sessionRand(s, streamWeights)
	w := make([]float64, len(g.bases))
	for i, b := range g.bases {
		d := (t - b.pos) / 0.35
		w[i] = (math.Exp(-d*d) + 0.05) * (0.6 + 0.8*r.Float64())
	}
	return w
}

func pick(r *rand.Rand, weights []float64) int {
	total := 0.0
	for _, w := range weights {
		total += w
	}
	x := r.Float64() * total
	for i, w := range weights {
		if x -= w; x < 0 {
			return i
		}
	}
	return len(weights) - 1
}

func (g *generator) symbol(session, meeting int) string {
	return fmt.Sprintf("SAMPLE/A/%d/PV.%d", session, meeting)
}

func (g *generator) record(s, k, meeting int, weights []float64) *corpus.Record {
	o := g.o
	session := o.FirstSession + s
	r := g.rand(uint64(s), uint64(k))
	frame := g.bases[pick(r, weights)]
	lang := o.Language

	day, start, end := meetingTime(session, k, g.sessionRand(s, streamDays))
	chair := g.states[r.IntN(len(g.states))]
	rec := &corpus.Record{
		Symbol:    g.symbol(session, meeting),
		Body:      "General Assembly",
		Kind:      corpus.KindVerbatim,
		Language:  lang,
		Session:   corpus.Int(session),
		Meeting:   corpus.Int(meeting),
		Date:      day.Format(time.DateOnly),
		TimeStart: start,
		TimeEnd:   end,
		President: &corpus.Person{Name: speakerName(r, lang, false), Country: chair.name(lang)},
		Sample:    true,
		Source:    corpus.Source{Path: "generated"},
	}
	for _, it := range frame.rec.AgendaItems {
		it.Subitems = slices.Clone(it.Subitems)
		for i, sub := range it.Subitems {
			it.Subitems[i] = reportSymbol.ReplaceAllString(sub, fmt.Sprintf("(A/%d/2)", session))
		}
		rec.AgendaItems = append(rec.AgendaItems, it)
	}

	floor := o.SpeechesPerRecord - len(frame.head) - len(frame.tail)
	states := g.shuffledStates(r)
	add := func(tmpl *corpus.Speech, paras []string) {
		sp := corpus.Speech{
			Speaker: tmpl.Speaker, Name: tmpl.Name, Role: tmpl.Role, Delegation: tmpl.Delegation,
			Capacity: tmpl.Capacity, CountryCode: tmpl.CountryCode, SpokeIn: tmpl.SpokeIn,
			OnBehalfOf: slices.Clone(tmpl.OnBehalfOf), AlignedWith: slices.Clone(tmpl.AlignedWith),
			Reply: tmpl.Reply,
		}
		if sp.OnBehalfOf == nil {
			sp.OnBehalfOf = []string{}
		}
		if sp.Role == corpus.RoleMemberState || sp.Role == corpus.RoleObserver {
			d := states[len(rec.Speeches)%len(states)]
			sp.Speaker = speakerName(r, lang, true)
			sp.Name = surname(lang, sp.Speaker)
			sp.Delegation, sp.CountryCode, sp.SpokeIn = d.name(lang), d.Code, spokeIn(lang, d.speaks)
			sp.Role = corpus.RoleMemberState
			if d.observer() {
				sp.Role = corpus.RoleObserver
			}
		}
		sp.Seq = len(rec.Speeches) + 1
		sp.AgendaItem = rec.AgendaItems[0].Number
		for i, text := range paras {
			sp.Paragraphs = append(sp.Paragraphs, corpus.Paragraph{N: i + 1, Text: text})
		}
		rec.Speeches = append(rec.Speeches, sp)
	}
	texts := func(sp *corpus.Speech) []string {
		out := make([]string, len(sp.Paragraphs))
		for i, p := range sp.Paragraphs {
			out[i] = p.Text
		}
		return out
	}

	for i := range frame.head {
		add(&frame.head[i], texts(&frame.head[i]))
	}
	// Statements on behalf of groups come first, one per group, in an
	// order of the meeting's own.
	groups := slices.Clone(g.groupNames)
	r.Shuffle(len(groups), func(i, j int) { groups[i], groups[j] = groups[j], groups[i] })
	groups = groups[:min(len(groups), max(1, floor/25), floor)]
	for _, name := range groups {
		cands := g.groups[name]
		tmpl := cands[r.IntN(len(cands))]
		add(tmpl, texts(tmpl))
	}
	for len(rec.Speeches) < len(frame.head)+floor {
		b := g.bases[pick(r, weights)]
		tmpl := b.national[r.IntN(len(b.national))]
		paras := []string{tmpl.Paragraphs[0].Text}
		for n := 4 + r.IntN(6); len(paras) < n; {
			src := g.bases[pick(r, weights)]
			paras = append(paras, src.pool[r.IntN(len(src.pool))])
		}
		add(tmpl, paras)
	}
	tailStart := len(rec.Speeches)
	for i := range frame.tail {
		add(&frame.tail[i], texts(&frame.tail[i]))
	}

	// The times are well formed by construction.
	open, _ := openingEvent(lang, start)
	closing, _ := closingEvent(lang, end)
	rec.Events = append(rec.Events, corpus.Event{Text: open})
	for _, e := range frame.tailEvents {
		e.AfterSeq += tailStart
		rec.Events = append(rec.Events, e)
	}
	rec.Events = append(rec.Events, corpus.Event{AfterSeq: len(rec.Speeches), Text: closing})

	estimatePages(rec)
	rec.Source.SHA256 = contentHash(rec)
	return rec
}

// reportSymbol finds the symbol of the Council's report in an agenda item's
// documents, "(A/77/2)", to give each session its own.
var reportSymbol = regexp.MustCompile(`\(A/\d+/2\)`)

// shuffledStates deals the delegations in a meeting's own order, so that a
// meeting hears each State once before any speaks twice.
func (g *generator) shuffledStates(r *rand.Rand) []delegation {
	s := slices.Clone(g.states)
	r.Shuffle(len(s), func(i, j int) { s[i], s[j] = s[j], s[i] })
	return s
}

// spokeIn is the language note a record in lang prints for a delegation
// that speaks speaks ("" for English): an English record notes every
// language but English, a Chinese one every language but Chinese.
func spokeIn(lang, speaks string) string {
	if lang == "zh" {
		switch speaks {
		case "":
			return "en"
		case "zh":
			return ""
		}
	}
	return speaks
}

// meetingTime places meeting k of a session: the debate was held in
// October or November until the seventy-fourth session and in June of the
// session's second year since, two meetings a day on consecutive weekdays.
func meetingTime(session, k int, r *rand.Rand) (day time.Time, start, end string) {
	year, month := 1945+session, time.October
	if session >= 75 {
		year, month = 1946+session, time.June
	}
	day = time.Date(year, month, 1+r.IntN(20), 0, 0, 0, 0, time.UTC)
	for n := k / 2; ; day = day.AddDate(0, 0, 1) {
		if wd := day.Weekday(); wd == time.Saturday || wd == time.Sunday {
			continue
		}
		if n == 0 {
			break
		}
		n--
	}
	minutes := 5 * (20 + r.IntN(24)) // closes 1h40 to 3h35 after opening
	if k%2 == 0 {
		return day, "10:00", fmt.Sprintf("%02d:%02d", 10+(minutes)/60, minutes%60)
	}
	return day, "15:00", fmt.Sprintf("%02d:%02d", 15+(minutes)/60, minutes%60)
}

var (
	syllablesEN = []string{"Ka", "ro", "mel", "van", "dor", "tes", "lin", "ba", "sa", "ri", "ol", "ven", "mar",
		"ek", "sor", "da", "hal", "vik", "nor", "ton", "ab", "el", "fer", "ra", "gu", "mo", "zan", "te", "qui", "ber"}
	syllablesZH = []string{"贝", "克", "尔", "森", "卡", "罗", "马", "斯", "特", "维", "拉", "德", "诺", "纳", "沃",
		"利", "多", "塔", "丰", "穆", "萨", "布", "莱", "加"}
)

// speakerName invents a speaker: "Mr. Vanrito", "贝克尔先生"; the chair,
// when floor is false, is named only on the cover.
func speakerName(r *rand.Rand, lang string, floor bool) string {
	n := 2 + r.IntN(2)
	var b strings.Builder
	if lang == "zh" {
		for range n {
			b.WriteString(syllablesZH[r.IntN(len(syllablesZH))])
		}
		return b.String() + []string{"先生", "女士"}[r.IntN(2)]
	}
	for i := range n {
		s := syllablesEN[r.IntN(len(syllablesEN))]
		if i == 0 {
			s = strings.ToUpper(s[:1]) + strings.ToLower(s[1:])
		} else {
			s = strings.ToLower(s)
		}
		b.WriteString(s)
	}
	title := []string{"Mr. ", "Ms. ", "Mrs. "}[r.IntN(3)]
	if !floor {
		title = []string{"Mr. ", "Ms. "}[r.IntN(2)]
	}
	return title + b.String()
}

// estimatePages sets paragraph and event pages as the typesetter would,
// from line counts estimated by characters (82 a line in English, 40
// cells in Chinese).
func estimatePages(rec *corpus.Record) {
	perLine := 82.0
	if rec.Language == "zh" {
		perLine = 40
	}
	lines := 4 + len(rec.AgendaItems)*2
	page := func() int {
		if lines < firstPageLines {
			return 1
		}
		return 2 + (lines-firstPageLines)/pageLines
	}
	events := func(after int) {
		for i := range rec.Events {
			if rec.Events[i].AfterSeq == after {
				rec.Events[i].Page = page()
				lines++
			}
		}
	}
	events(0)
	for i := range rec.Speeches {
		sp := &rec.Speeches[i]
		for j := range sp.Paragraphs {
			p := &sp.Paragraphs[j]
			p.Page = page()
			lines += 1 + int(float64(utf8.RuneCountInString(p.Text))/perLine)
		}
		events(sp.Seq)
	}
	rec.Source.Pages = page()
}

// contentHash is the SHA-256 of what a record says: its symbol, language,
// date and every turn.
func contentHash(rec *corpus.Record) string {
	h := sha256.New()
	field := func(h hash.Hash, s string) {
		var n [8]byte
		binary.LittleEndian.PutUint64(n[:], uint64(len(s)))
		h.Write(n[:])
		h.Write([]byte(s))
	}
	for _, s := range []string{rec.Symbol, rec.Language, rec.Date, rec.TimeStart, rec.TimeEnd} {
		field(h, s)
	}
	for _, sp := range rec.Speeches {
		field(h, sp.Speaker)
		field(h, sp.Delegation)
		for _, p := range sp.Paragraphs {
			field(h, p.Text)
		}
	}
	return hex.EncodeToString(h.Sum(nil))
}
