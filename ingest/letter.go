package ingest

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/scdebate/scdebate/corpus"
)

// letterTitle is how a letter's title names its date, authors and
// addressee, in one language.
type letterTitle struct {
	re *pattern
	// parts reads the match into date (ISO), from and addressee.
	parts func(m []string) (date, from, to string)
}

var letterTitles = map[string][]letterTitle{
	"zh": {{
		// "2021年2月8日新西兰和瑞士常驻联合国代表给安全理事会主席的信"
		re: lazyRegexp(`^(\d{4})年(\d{1,2})月(\d{1,2})日(.{2,120}?)给(.{2,60}?)的(?:同文)?信$`),
		parts: func(m []string) (string, string, string) {
			month, _ := strconv.Atoi(m[2])
			return isoDate(m[1], month, m[3]), m[4], m[5]
		},
	}},
	"en": {{
		// "Letter dated 8 February 2021 from the Permanent Representatives
		// of New Zealand and Switzerland to the United Nations addressed to
		// the President of the Security Council"
		re: lazyRegexp(`^(?:Identical letters|Letter|Note verbale) dated (\d{1,2}) (` + months + `) (\d{4}) from (.{2,200}?) addressed to (?:the )?(.{2,120}?)$`),
		parts: func(m []string) (string, string, string) {
			return isoDate(m[3], monthNumber(m[2], englishMonths), m[1]), m[4], m[5]
		},
	}},
	"fr": {{
		re: lazyRegexp(`^Lettre (?:identique )?datée du (\d{1,2})(?:er)? (` + strings.Join(frenchMonths, "|") + `) (\d{4}), adressée (?:au|à la|aux) (.{2,120}?) par (?:le |la |les )?(.{2,200}?)$`),
		parts: func(m []string) (string, string, string) {
			return isoDate(m[3], monthNumber(m[2], frenchMonths), m[1]), m[5], m[4]
		},
	}},
	"es": {{
		re: lazyRegexp(`^Carta (?:idéntica )?de fecha (\d{1,2}) de (` + strings.Join(spanishMonths, "|") + `) de (\d{4}) dirigida (?:al|a la|a los) (.{2,120}?) por (?:el |la |los |las )?(.{2,200}?)$`),
		parts: func(m []string) (string, string, string) {
			return isoDate(m[3], monthNumber(m[2], spanishMonths), m[1]), m[5], m[4]
		},
	}},
}

var (
	// "常驻联合国代表", "the Permanent Representatives of … to the United
	// Nations": the office around the delegations' names.
	fromOfficeRe = lazyRegexp(`(?:常驻联合国代表团?|常驻代表团?|临时代办)$|^(?:the )?(?:Permanent Representatives?|Chargés? d’affaires a\.i\.|Representatives?) of |\s+to the United Nations$|^(?:Représentants? permanents?|Représentantes? permanentes?) (?:de la |du |de l’|des |de )|\s+auprès de l’Organisation des Nations Unies$|^(?:Representantes? Permanentes?) (?:de la |del |de los |de )|\s+ante las Naciones Unidas$`)
	// A signature: "帕斯卡尔·贝里斯韦尔(签名)", "(Signed) Craig John Hawke".
	signedZhRe = lazyRegexp(`^(.{2,40}?)\s*[(（]签名[)）]$`)
	signedRe   = lazyRegexp(`^[(（](?:Signed|Signé|Firmado|Подпись|签名)[)）]\s*(.{2,80})$`)
	// The footnote that lists a group's members: "¹ …集团成员：奥地利、…和乌拉圭。",
	// "¹ The members of the ACT group are Austria, … and Uruguay."
	membersRe = lazyRegexp(`^[¹²³⁴⁵⁶⁷⁸⁹*\d]{0,2}\s*(.{0,120}?)(?:成员[：:]|members(?: of [^:]{2,80}?)? (?:are|is|include)[:]?\s|members:\s|membres[^:]{0,80}?(?: sont)?\s?:\s|miembros[^:]{0,80}?(?: son)?:?\s)(.+?)[。.]?$`)
	// Footnote markers left in the body text.
	footnoteMarkRe = lazyRegexp(`[¹²³⁴⁵⁶⁷⁸⁹]+`)
	// The space a footnote mark leaves between two Chinese characters.
	hanSpaceRe = lazyRegexp(`(\p{Han}) (\p{Han})`)
	bulletRe   = lazyRegexp(`^[-–—•·▪●*]\s+`)
)

// parseLetter reads a letter: its title (date, authors, addressee), its
// paragraphs and bullets, the group it speaks for and the group's members
// when a footnote lists them, and its signatories.
func parseLetter(ctx context.Context, lines []line, loc *locale) (*corpus.Record, error) {
	head, ok := findLetterTitle(lines, loc)
	if !ok {
		return nil, fmt.Errorf("%w: no cover, no speaker turns and no letter title", ErrNotRecord)
	}
	rec := newLetterRecord(letterSymbol(lines[:head.start-1]), head, loc)
	body := stripFurniture(lines[head.start:], "", nil, loc)
	r := &letterReader{loc: loc, letter: rec.Letter, vocab: newVocabulary(body), typical: typicalLengths(body)}
	if err := r.read(ctx, body); err != nil {
		return nil, err
	}
	if len(r.paras) == 0 {
		return nil, fmt.Errorf("%w: a letter title but no text", ErrNotRecord)
	}
	pairSignatories(rec.Letter)
	rec.Speeches = append(rec.Speeches, letterSpeech(rec.Letter, head.from, r.paras, loc))
	return rec, nil
}

// letterHead is what a letter's title says, and the index of the line
// after it.
type letterHead struct {
	title, date, from, to string
	start                 int
}

// findLetterTitle looks for the letter's title among its first lines.
func findLetterTitle(lines []line, loc *locale) (letterHead, bool) {
	for i, l := range lines[:min(len(lines), 9)] {
		for _, lt := range letterTitles[loc.lang] {
			if m := lt.re.FindStringSubmatch(l.Text); m != nil {
				h := letterHead{title: l.Text, start: i + 1}
				h.date, h.from, h.to = lt.parts(m)
				return h, true
			}
		}
	}
	return letterHead{}, false
}

// newLetterRecord is the record of a letter, before its text is read: its
// title, the body it is addressed to and the delegations it is from.
func newLetterRecord(symbol string, h letterHead, loc *locale) *corpus.Record {
	rec := &corpus.Record{
		Symbol:      symbol,
		Kind:        corpus.KindLetter,
		Title:       h.title,
		Date:        h.date,
		AgendaItems: []corpus.AgendaItem{},
		Speeches:    []corpus.Speech{},
		Events:      []corpus.Event{},
		Letter:      &corpus.Letter{Addressee: h.to, Signatories: []corpus.Signatory{}},
	}
	switch to := h.to; {
	case strings.Contains(to, "安全理事会") || strings.Contains(to, "Security Council") || strings.Contains(to, "Conseil de sécurité") || strings.Contains(to, "Consejo de Seguridad"):
		rec.Body = "Security Council"
	case strings.Contains(to, "大会") || strings.Contains(to, "General Assembly") || strings.Contains(to, "Assemblée générale") || strings.Contains(to, "Asamblea General"):
		rec.Body = "General Assembly"
	}
	for _, d := range splitNames(strings.TrimSpace(fromOfficeRe.ReplaceAllString(strings.TrimSpace(h.from), "")), loc) {
		rec.Letter.From = append(rec.Letter.From, d)
		c, _ := lookupCountry(d, loc.lang)
		rec.Letter.FromCodes = append(rec.Letter.FromCodes, c.Code)
	}
	return rec
}

// letterReader reads the body of a letter into paragraphs, the members of
// the group it speaks for and its signatories.
type letterReader struct {
	loc     *locale
	letter  *corpus.Letter
	vocab   vocabulary
	typical map[int]lineWidths
	paras   []corpus.Paragraph
	// cur holds the lines of the paragraph being read; item tells a
	// bulleted one.
	cur  []line
	item bool
	// titles are the signature titles read before the next signature;
	// nameFirst tells the form that puts the name before its titles.
	titles    []string
	nameFirst bool
}

func (r *letterReader) read(ctx context.Context, body []line) error {
	for i, l := range body {
		if i%checkEvery == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		r.line(l, i+1 < len(body))
	}
	r.flush()
	return nil
}

// line reads one line of the body; more tells that others follow it.
func (r *letterReader) line(l line, more bool) {
	t := l.Text
	if m := membersRe.FindStringSubmatch(t); m != nil && strings.HasPrefix(t, footnoteMark(t)) && footnoteMark(t) != "" {
		r.flush()
		for _, name := range splitNames(m[2], r.loc) {
			r.letter.Members = append(r.letter.Members, name)
			c, _ := lookupCountry(name, r.loc.lang)
			r.letter.MemberCodes = append(r.letter.MemberCodes, c.Code)
		}
		return
	}
	if name, first, ok := signatureName(t); ok {
		r.flush()
		sig := corpus.Signatory{Name: name, Title: strings.Join(r.titles, " ")}
		signatoryDelegation(&sig, r.titles, r.loc)
		r.letter.Signatories = append(r.letter.Signatories, sig)
		r.titles, r.nameFirst = nil, first
		return
	}
	if isSignatureTitle(t) {
		r.flush()
		// "(Signed) Name" is followed by its titles; "Name(签名)" is
		// preceded by them.
		if n := len(r.letter.Signatories); r.nameFirst && n > 0 {
			sig := &r.letter.Signatories[n-1]
			sig.Title = strings.TrimSpace(sig.Title + " " + t)
			signatoryDelegation(sig, []string{t}, r.loc)
			return
		}
		r.titles = append(r.titles, t)
		return
	}
	if bulletRe.MatchString(t) {
		r.flush()
		r.cur, r.item = []line{l}, true
		r.cur[0].Text = bulletRe.ReplaceAllString(t, "")
		return
	}
	if isLetterHeading(t, r.typical[l.page].full) && more {
		// A section heading is not a paragraph of the letter.
		r.flush()
		return
	}
	if len(r.cur) > 0 && (l.ParagraphStart || endsClause(r.cur[len(r.cur)-1].Text) && shortLine(r.cur[len(r.cur)-1], l, r.typical)) {
		r.flush()
	}
	r.cur = append(r.cur, l)
}

// flush ends the paragraph being read.
func (r *letterReader) flush() {
	if len(r.cur) == 0 {
		return
	}
	pieces := newParagraphLines(r.cur).pieces(r.vocab)
	for k := range pieces {
		text := collapseSpace(footnoteMarkRe.ReplaceAllString(pieces[k].text, ""))
		pieces[k].text = hanSpaceRe.ReplaceAllString(text, "$1$2")
	}
	r.paras = appendPieces(r.paras, pieces, r.item)
	r.cur, r.item = nil, false
}

// letterSpeech is a letter's text as the one speech of its record, in the
// voice of its authors and of the group it speaks for.
func letterSpeech(l *corpus.Letter, from string, paras []corpus.Paragraph, loc *locale) corpus.Speech {
	texts := make([]string, 0, 3)
	for _, p := range paras[:min(3, len(paras))] {
		texts = append(texts, p.Text)
	}
	onBehalf, aligned := loc.groups(texts, "")
	l.OnBehalfOf = onBehalf
	speech := corpus.Speech{
		Seq:         1,
		Speaker:     strings.TrimSpace(from),
		Role:        corpus.RoleMemberState,
		OnBehalfOf:  onBehalf,
		AlignedWith: aligned,
		Paragraphs:  paras,
	}
	if speech.OnBehalfOf == nil {
		speech.OnBehalfOf = []string{}
	}
	if len(l.From) == 1 {
		speech.Delegation, speech.CountryCode = l.From[0], l.FromCodes[0]
	}
	return speech
}

// letterSymbolRe is a letter's document symbol as its first page prints
// it, alone or among the masthead's words: "S/2021/131", "A/75/123",
// "S/2021/131/Corr.1". Meeting records (PV) and resolutions are other
// documents.
var letterSymbolRe = lazyRegexp(`(?:^|\s)((?:S|A)/(?:\d{4}|\d{2,3})/\d{1,5}(?:/(?:Corr|Add|Rev)\.\d{1,2})*)(?:\s|$)`)

// letterSymbol is the symbol the lines above a letter's title print, or
// "" when they print none (a text copy, a version not yet issued).
func letterSymbol(head []line) string {
	for _, l := range head {
		if m := letterSymbolRe.FindStringSubmatch(l.Text); m != nil {
			return m[1]
		}
	}
	return ""
}

// pairSignatories gives signatories whose signature block names no
// delegation the delegation the title lists when only one way to pair
// them is left: a single signatory of a single sender, or the one
// signatory left once the others' blocks have named theirs. The order of
// the signatures proves nothing: the Chinese version of the 2021 ACT
// letter lists Switzerland's representative first and the title New
// Zealand first.
func pairSignatories(l *corpus.Letter) {
	claimed := map[string]bool{}
	var open []int
	for i, sig := range l.Signatories {
		if sig.CountryCode != "" {
			claimed[sig.CountryCode] = true
		} else if sig.Delegation == "" {
			open = append(open, i)
		}
	}
	var left []int
	for i, code := range l.FromCodes {
		if code != "" && !claimed[code] {
			left = append(left, i)
		}
	}
	if len(open) == 1 && len(left) == 1 {
		sig := &l.Signatories[open[0]]
		sig.Delegation, sig.CountryCode = l.From[left[0]], l.FromCodes[left[0]]
	}
}

// footnoteMark returns the footnote marker a line starts with.
func footnoteMark(t string) string {
	return strings.TrimSpace(footnoteMarkRe.FindString(t[:min(len(t), 8)]))
}

// splitNames splits "奥地利、智利…和乌拉圭", "Austria, Chile … and Uruguay" or
// "新西兰和瑞士" into names, keeping names that contain the conjunction
// ("特立尼达和多巴哥", "Trinidad and Tobago") whole.
func splitNames(s string, loc *locale) []string {
	s = strings.TrimRight(strings.TrimSpace(s), "。.")
	var out []string
	for _, part := range strings.FieldsFunc(s, func(r rune) bool { return r == '、' || r == ',' || r == '，' || r == '،' }) {
		part = strings.TrimSpace(part)
		for _, and := range loc.listAnd {
			part = strings.TrimPrefix(part, and+" ")
		}
		if part == "" {
			continue
		}
		if _, ok := lookupCountry(part, loc.lang); !ok {
			if a, b, found := cutLastAnd(part, loc.listAnd); found {
				out = append(out, a, b)
				continue
			}
		}
		out = append(out, part)
	}
	return out
}

// signatureName reads a signature line; first tells the form that puts
// the name before its titles ("(Signed) Name").
func signatureName(t string) (name string, first, ok bool) {
	if m := signedZhRe.FindStringSubmatch(t); m != nil {
		return strings.TrimSpace(m[1]), false, true
	}
	if m := signedRe.FindStringSubmatch(t); m != nil {
		return strings.TrimSpace(strings.TrimRight(m[1], ",")), true, true
	}
	return "", false, false
}

// signatoryDelegation sets the delegation of a signatory from the first
// of its titles that names one, as "Permanent Representative of New
// Zealand to the United Nations" or "新西兰常驻联合国代表" do.
func signatoryDelegation(sig *corpus.Signatory, titles []string, loc *locale) {
	if sig.Delegation != "" {
		return
	}
	for _, t := range titles {
		name := strings.TrimSpace(fromOfficeRe.ReplaceAllString(t, ""))
		if name == t {
			continue
		}
		if c, ok := lookupCountry(name, loc.lang); ok {
			sig.Delegation, sig.CountryCode = name, c.Code
			return
		}
	}
}

var signatureTitleRe = lazyRegexp(`^(?:常驻代表|副常驻代表|临时代办|大使|特命全权大使|.{2,20}常驻联合国(?:副)?代表|Ambassador|Permanent Representative(?: of .{2,60})?|Chargé d’affaires a\.i\.(?: of .{2,60})?|Ambassadeur|Représentant(?:e)? permanent(?:e)?(?: (?:de la |du |de l’|des |de ).{2,80})?|Embajador(?:a)?|Representante Permanente(?: (?:de la |del |de los |de ).{2,80})?)$`)

func isSignatureTitle(t string) bool { return signatureTitleRe.MatchString(t) }

// isLetterHeading tells a section heading: short, without sentence
// punctuation, not a bullet.
func isLetterHeading(t string, typical int) bool {
	n := utf8.RuneCountInString(t)
	return n > 0 && n <= 40 && (typical == 0 || textWidth(t)*2 < typical) && !strings.ContainsAny(t, "。，.,;；:：") && !bulletRe.MatchString(t)
}
