package ingest

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/scdebate/scdebate/corpus"
	"github.com/scdebate/scdebate/ingest/layout"
)

// Parse is the structure parser: it turns a document's text, page by page
// in reading order, into a record — metadata from the cover, every floor
// turn as a speech with its paragraphs, stage directions as events and
// recorded votes. Text and PDF both reach it as a layout.Document. A
// document that is neither a verbatim record nor a letter is an error
// wrapping ErrNotRecord. Every pass over the text takes time linear in it,
// and ctx is checked as the parser goes, so that a time limit stops it.
func Parse(ctx context.Context, doc layout.Document) (*corpus.Record, error) {
	var pageErrors []corpus.PageError
	for _, p := range doc.Pages {
		if p.Err != "" {
			pageErrors = append(pageErrors, corpus.PageError{Page: p.N, Err: p.Err})
		}
	}
	lines := flatten(doc)
	if len(lines) == 0 {
		if len(pageErrors) > 0 && len(pageErrors) == len(doc.Pages) {
			return nil, fmt.Errorf("no page could be decoded (page %d: %s)", pageErrors[0].Page, pageErrors[0].Err)
		}
		return nil, fmt.Errorf("%w: no text (an image-only document needs OCR first)", ErrEmpty)
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	lang := detectLanguage(lines)
	loc := localeFor(lang)
	if loc == nil {
		return nil, fmt.Errorf("%w: no speaker-line grammar for language %q", ErrNotRecord, lang)
	}
	if lang == "ar" {
		lines = logicalOrder(lines, loc.grammar)
	}
	rec, err := parseVerbatim(ctx, lines, loc)
	if errors.Is(err, ErrNotRecord) {
		if letter, lerr := parseLetter(ctx, lines, loc); lerr == nil {
			rec, err = letter, nil
		} else if ctxErr := ctx.Err(); ctxErr != nil {
			return nil, ctxErr
		}
	}
	if err != nil {
		return nil, err
	}
	rec.Language = lang
	rec.Source.Pages = len(doc.Pages)
	rec.PageErrors = pageErrors
	return rec, nil
}

// parser holds the state of one pass over a verbatim record's body.
type parser struct {
	ctx   context.Context
	loc   *locale
	g     *grammar
	lines []line
	vocab vocabulary
	// typical is the usual width of a full line per page, for telling a
	// paragraph's short last line when there is no geometry.
	typical map[int]lineWidths
	rec     *corpus.Record
	cur     *corpus.Speech
	// para is the paragraph being read: its lines' text and pages only,
	// since a paragraph may run to hundreds of thousands of lines.
	para   paragraphLines
	agenda string
	// replies is set once the presiding officer has opened the right of
	// reply, until the item is closed.
	replies bool
	// knownHeads are headings known from the cover (the Security Council's
	// agenda), normalised, to be skipped when the body repeats them.
	knownHeads []string
	lastVote   int // index+1 of a vote waiting for its result
	// texts holds each speech's paragraphs' raw lines until the end, when
	// they are joined with the whole document's vocabulary.
	texts [][]paragraphLines
	// continued is set while the current speech is the same turn carried
	// on in another language: who it speaks for was read from its start.
	continued bool
	// carriedOn marks, by index, the speeches that carry on the turn
	// before them, whose paragraphs are numbered on from its.
	carriedOn map[int]bool
	// inQuote is set while the paragraph being read goes on through an
	// indented block quotation.
	inQuote bool
}

func parseVerbatim(ctx context.Context, all []line, loc *locale) (*corpus.Record, error) {
	c, err := parseCover(all, loc)
	if err != nil {
		return nil, err
	}
	rec := &corpus.Record{
		Symbol:      c.symbol,
		Body:        c.body,
		Kind:        corpus.KindVerbatim,
		Session:     c.session,
		Meeting:     c.meeting,
		Date:        c.date,
		TimeStart:   c.time,
		President:   c.president,
		Sample:      c.sample,
		AgendaItems: []corpus.AgendaItem{},
		Speeches:    []corpus.Speech{},
		Events:      []corpus.Event{},
	}
	p := &parser{ctx: ctx, loc: loc, g: loc.grammar, rec: rec}
	var heads []string
	for _, item := range c.agenda {
		rec.AgendaItems = append(rec.AgendaItems, item)
		heads = append(heads, item.Title)
		p.knownHeads = append(p.knownHeads, normHead(item.Title))
		for _, s := range item.Subitems {
			p.knownHeads = append(p.knownHeads, normHead(s))
		}
	}
	body := stripFurniture(all[c.end:], c.symbol, heads, loc)
	p.lines = body
	p.vocab = newVocabulary(body)
	p.typical = typicalLengths(body)
	if err := p.run(); err != nil {
		return nil, err
	}
	if len(rec.Speeches) == 0 {
		return nil, fmt.Errorf("%w: no speaker turns found", ErrNotRecord)
	}
	return rec, nil
}

// normHead normalises a heading for comparison.
func normHead(s string) string {
	return strings.ToLower(collapseSpace(s))
}

// checkEvery is how many lines the parser reads between two looks at its
// context.
const checkEvery = 1024

func (p *parser) run() error {
	lines := p.lines
	for i, checked := 0, 0; i < len(lines); {
		if i >= checked {
			if err := p.ctx.Err(); err != nil {
				return err
			}
			checked = i + checkEvery
		}
		l := lines[i]
		if p.atBoundary(i) {
			if p.loc.voteHead.MatchString(l.Text) {
				p.flushPara()
				i = p.readVote(i)
				continue
			}
			if num, ok := p.loc.agendaNumber(l.Text); ok {
				p.flushPara()
				i = p.readHeading(i, num)
				continue
			}
			if j := p.skipKnownHeading(i); j > i {
				p.flushPara()
				i = j
				continue
			}
			if sp, k, ok := p.trySpeaker(i); ok {
				p.startSpeech(sp, lines[i+k-1].page)
				i += k
				continue
			}
			if code, ok := p.g.noteLine(l.Text); ok && p.cur != nil {
				p.changeLanguage(code)
				i++
				continue
			}
			if k, ok := p.tryEvent(i); ok {
				i += k
				continue
			}
			if l.Bold && !l.Italic {
				// Speech text is never bold: a bold line here is a heading
				// ("(a) Implementation of human rights instruments").
				p.flushPara()
				i = p.readSubheading(i)
				continue
			}
			if p.cur != nil && len(p.para.lines) > 0 && p.isBreak(i) {
				p.flushPara()
			}
		}
		if p.cur == nil {
			// Before the first speaker: headings the grammar does not know.
			i++
			continue
		}
		p.inQuote = p.quotationGoesOn(i) && hasColumn(l.Line)
		p.para.add(l.Text, l.page)
		i++
	}
	p.flushPara()
	p.finishSpeech()
	return p.joinParagraphs()
}

// trySpeaker tries the speaker grammar at line i, joining up to three
// following lines when the speaker line wraps before its colon.
func (p *parser) trySpeaker(i int) (speakerLine, int, bool) {
	texts := []string{p.lines[i].Text}
	for k := 1; k <= 4 && i+k <= len(p.lines); k++ {
		sp, m := p.g.parseSpeaker(joinLines(texts, p.vocab))
		switch m {
		case matched:
			return sp, k, true
		case noMatch:
			return sp, 0, false
		}
		if i+k == len(p.lines) {
			break
		}
		texts = append(texts, p.lines[i+k].Text)
	}
	return speakerLine{}, 0, false
}

// tryEvent tries the stage-direction patterns at line i, joining the lines
// of an event that wraps.
func (p *parser) tryEvent(i int) (int, bool) {
	first := p.lines[i]
	if !p.loc.eventStart.MatchString(first.Text) {
		return 0, false
	}
	var texts []string
	for k := 0; k < 6 && i+k < len(p.lines); k++ {
		texts = append(texts, p.lines[i+k].Text)
		text := joinLines(texts, p.vocab)
		if !endsClause(text) && !strings.HasSuffix(text, "]") {
			continue
		}
		kind, m, ok := p.loc.matchEvent(text)
		if !ok {
			if endsSentence(text) {
				return 0, false
			}
			continue
		}
		p.flushPara()
		p.addEvent(kind, m, text, first.page)
		return k + 1, true
	}
	return 0, false
}

func (p *parser) addEvent(kind eventKind, m []string, text string, page int) {
	seq := len(p.rec.Speeches)
	p.rec.Events = append(p.rec.Events, corpus.Event{AfterSeq: seq, Page: page, Text: text})
	switch kind {
	case eventCalled:
		if t := p.loc.clock(m[1]); t != "" {
			p.rec.TimeStart = t
		}
	case eventRose:
		if t := p.loc.clock(m[1]); t != "" {
			p.rec.TimeEnd = t
		}
	case eventVoteResult:
		if p.lastVote > 0 && p.rec.Votes[p.lastVote-1].Result == "" {
			p.rec.Votes[p.lastVote-1].Result = text
			p.lastVote = 0
		}
	}
}

// readHeading reads "Agenda item N" and the title and sub-item lines after
// it, up to the next speaker line or stage direction.
func (p *parser) readHeading(i int, num string) int {
	j := i + 1
	for ; j < len(p.lines) && j-i <= 16; j++ {
		t := p.lines[j].Text
		if _, ok := p.loc.agendaNumber(t); ok || p.loc.voteHead.MatchString(t) {
			break
		}
		if _, _, ok := p.trySpeaker(j); ok {
			break
		}
		if p.loc.eventStart.MatchString(t) {
			if _, _, ok := p.loc.matchEvent(t); ok || endsSentence(t) {
				break
			}
		}
	}
	for _, item := range headingItems(p.loc.agendaNumbers(p.lines[i].Text), p.lines[i+1:j]) {
		p.addAgendaItem(item)
	}
	// A heading ends the speech before it.
	p.finishSpeech()
	p.agenda = num
	p.replies = false
	return j
}

// readSubheading reads the bold lines of a heading that is not an agenda
// item's: a lettered sub-item becomes a sub-item of the current item,
// other headings are dropped.
func (p *parser) readSubheading(i int) int {
	j := i + 1
	for ; j < len(p.lines) && j-i < 12 && p.lines[j].Bold && !p.lines[j].Italic; j++ {
		if _, _, ok := p.trySpeaker(j); ok {
			break
		}
		if _, ok := p.loc.agendaNumber(p.lines[j].Text); ok {
			break
		}
	}
	for _, part := range headingParts(p.lines[i:j]) {
		if !subitemMarkerRe.MatchString(part) || p.agenda == "" {
			continue
		}
		for k := range p.rec.AgendaItems {
			item := &p.rec.AgendaItems[k]
			if item.Number == p.agenda && !slices.Contains(item.Subitems, part) {
				item.Subitems = append(item.Subitems, part)
			}
		}
	}
	return j
}

func (p *parser) addAgendaItem(item corpus.AgendaItem) {
	for k, have := range p.rec.AgendaItems {
		if have.Number == item.Number && item.Number != "" {
			if have.Title == "" {
				p.rec.AgendaItems[k] = item
			}
			return
		}
	}
	p.rec.AgendaItems = append(p.rec.AgendaItems, item)
}

// skipKnownHeading skips the lines at i that repeat a heading known from
// the cover ("The situation in the Central African Republic") or a
// procedural heading ("Adoption of the agenda"), returning the index after
// them (i when there is none).
func (p *parser) skipKnownHeading(i int) int {
	if p.loc.procedural.MatchString(p.lines[i].Text) && !endsSentence(p.lines[i].Text) {
		return i + 1
	}
	j := i
	for {
		next := p.matchHead(j)
		if next == j {
			return j
		}
		j = next
	}
}

func (p *parser) matchHead(i int) int {
	if i >= len(p.lines) {
		return i
	}
	for _, key := range p.knownHeads {
		acc := ""
		for j := i; j < len(p.lines) && j-i < 8; j++ {
			if acc != "" {
				acc += " "
			}
			acc += normHead(p.lines[j].Text)
			if acc == key {
				return j + 1
			}
			if !strings.HasPrefix(key, acc) {
				break
			}
		}
	}
	return i
}

func (p *parser) startSpeech(sp speakerLine, page int) {
	p.flushPara()
	p.finishSpeech()
	p.continued = false
	seq := len(p.rec.Speeches) + 1
	p.rec.Speeches = append(p.rec.Speeches, corpus.Speech{
		Seq:        seq,
		Speaker:    sp.Speaker,
		Name:       sp.Name,
		Role:       sp.Role,
		Delegation: sp.Delegation,
		SpokeIn:    sp.SpokeIn,
		Capacity:   sp.Capacity,
		OnBehalfOf: []string{},
		AgendaItem: p.agenda,
		Reply:      p.replies && sp.Role == "",
		Paragraphs: []corpus.Paragraph{},
	})
	p.texts = append(p.texts, nil)
	p.cur = &p.rec.Speeches[len(p.rec.Speeches)-1]
	if sp.Rest != "" {
		p.para.add(sp.Rest, page)
	}
}

// changeLanguage follows a language note on a line of its own, "(spoke in
// French)": what follows was said in that language. Before the speech's
// first paragraph the note is the speech's own; inside it, the speech is
// split where the speaker changes language, into consecutive speeches of
// the same speaker, each with its language, since a speech has one; their
// paragraphs are numbered on across them, as a reader counts them from
// the speaker's name. The record's own language is noted as on a speaker
// line without a note.
func (p *parser) changeLanguage(code string) {
	p.flushPara()
	if code == p.loc.lang {
		code = ""
	}
	if len(p.texts[len(p.texts)-1]) == 0 {
		p.cur.SpokeIn = code
		return
	}
	if code == p.cur.SpokeIn {
		return
	}
	p.finishSpeech()
	prev := p.rec.Speeches[len(p.rec.Speeches)-1]
	next := prev
	next.Seq = prev.Seq + 1
	next.SpokeIn = code
	next.OnBehalfOf = slices.Clone(prev.OnBehalfOf)
	next.AlignedWith = slices.Clone(prev.AlignedWith)
	next.Paragraphs = []corpus.Paragraph{}
	p.rec.Speeches = append(p.rec.Speeches, next)
	p.texts = append(p.texts, nil)
	p.cur = &p.rec.Speeches[len(p.rec.Speeches)-1]
	p.continued = true
	if p.carriedOn == nil {
		p.carriedOn = map[int]bool{}
	}
	p.carriedOn[len(p.rec.Speeches)-1] = true
}

// flushPara ends the current paragraph.
func (p *parser) flushPara() {
	p.inQuote = false
	if p.cur == nil || len(p.para.lines) == 0 {
		p.para = paragraphLines{}
		return
	}
	idx := len(p.texts) - 1
	p.texts[idx] = append(p.texts[idx], p.para)
	p.para = paragraphLines{}
}

// finishSpeech settles what can only be known once a speech is complete:
// its role and country, the groups it speaks for, whether it is a reply,
// and the right-of-reply state the presiding officer leaves behind.
func (p *parser) finishSpeech() {
	if p.cur == nil {
		return
	}
	idx := len(p.texts) - 1
	var first []string
	for k, pl := range p.texts[idx] {
		if k == 3 {
			break
		}
		first = append(first, pl.opening(p.vocab))
	}
	s := p.cur
	resolveSpeaker(s, p.loc.lang)
	if !p.continued && (s.Role == corpus.RoleMemberState || s.Role == corpus.RoleObserver || s.Role == corpus.RoleOther) {
		s.OnBehalfOf, s.AlignedWith = p.loc.groups(first, s.Delegation)
		if s.OnBehalfOf == nil {
			s.OnBehalfOf = []string{}
		}
		if len(first) > 0 && rightOfReplyRe.MatchString(first[0]) {
			s.Reply = true
		}
	}
	if s.Role == corpus.RolePresident || s.Role == corpus.RoleActingPresident {
		for _, pl := range p.texts[idx] {
			t := joinLines(pl.lines, p.vocab)
			switch {
			case replyClosedRe.MatchString(t):
				p.replies = false
			case rightOfReplyRe.MatchString(t):
				p.replies = true
			}
		}
		if p.lastVote > 0 && len(first) > 0 && p.rec.Votes[p.lastVote-1].AfterSeq < s.Seq {
			// The Security Council's President announces the result.
			if v := &p.rec.Votes[p.lastVote-1]; v.Result == "" && councilResultRe.MatchString(first[0]) {
				v.Result = first[0]
			}
		}
	}
	if p.lastVote > 0 && p.rec.Votes[p.lastVote-1].AfterSeq < s.Seq {
		p.lastVote = 0
	}
	p.cur = nil
}

var (
	rightOfReplyRe  = lazyRegexp(`(?i)\bright of reply\b|droit de réponse|derecho (?:a contestar|de respuesta|de réplica)|прав[оа] на ответ|答辩权|حق الرد`)
	replyClosedRe   = lazyRegexp(`(?i)last (?:speaker|statement) in (?:the )?exercise of the right of reply|concluded (?:this|the present) stage|dernier orateur .{0,40}droit de réponse|achevé (?:la phase|l[’']examen)|último orador .{0,40}derech|concluido (?:la presente etapa|el examen)|последн\S+ оратор.{0,60}прав\S* на ответ|завершила (?:рассмотрение|данный этап)|最后一位发言者|结束了.{0,30}(?:现阶段|审议)|آخر متكلم.{0,40}حق الرد|اختتمت`)
	councilResultRe = lazyRegexp(`(?i)received \d+ votes|has been adopted as resolution|has not been adopted|failed to be adopted|was not adopted`)
)

// joinParagraphs joins every paragraph's lines now that the vocabulary of
// the whole document is known, dropping paragraphs left empty and storing
// a paragraph too long for one in pieces.
func (p *parser) joinParagraphs() error {
	for si := range p.rec.Speeches {
		if err := p.ctx.Err(); err != nil {
			return err
		}
		s := &p.rec.Speeches[si]
		for _, pl := range p.texts[si] {
			s.Paragraphs = appendPieces(s.Paragraphs, pl.pieces(p.vocab), false)
		}
		if prev := p.rec.Speeches[max(si-1, 0)].Paragraphs; p.carriedOn[si] && len(prev) > 0 {
			for k := range s.Paragraphs {
				s.Paragraphs[k].N += prev[len(prev)-1].N
			}
		}
	}
	return nil
}
