package ingest

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/scdebate/scdebate/corpus"
)

// locale is how a verbatim record says things in one of the six official
// languages: its speaker lines, stage directions, headings, vote lists and
// cover. The structure parser is the same for all of them.
type locale struct {
	lang    string
	grammar *grammar
	// eventStart matches the opening words of a stage direction, events the
	// whole of one.
	eventStart *pattern
	events     []eventPattern
	// clock reads the time in a stage direction or on the cover into 24h.
	clock func(string) string
	// agenda matches an agenda-item heading; group 1 holds the first item
	// number. agendaRange are the words that join the ends of a range of
	// items ("21 to 26").
	agenda      *pattern
	agendaRange []string
	// voteHead matches "In favour:", "Against:", "Abstaining:" (group 1,
	// mapped to a section by voteSections) and the list after it (group 2).
	voteHead     *pattern
	voteSections map[string]string
	// listAnd are the words before a list's last item ("and", "et", "y").
	listAnd []string
	// Cover: the President's label, the date with its time, the session in
	// words.
	president *pattern
	date      func(string) (date, clock string)
	session   func(string) (int, bool)
	// noticeStart opens the corrections notice and noticeWords mark its
	// continuation lines.
	noticeStart, noticeWords *pattern
	// procedural headings between speeches that are not agenda items.
	procedural *pattern
	// groups reads the groups a speaker speaks for and aligns with from
	// the first paragraphs of a speech.
	groups func(paragraphs []string, delegation string) (onBehalf, aligned []string)
}

// Vote-list sections.
const (
	voteFavour  = "in favour"
	voteAgainst = "against"
	voteAbstain = "abstaining"
)

func (loc *locale) matchEvent(text string) (eventKind, []string, bool) {
	if len(text) > 900 {
		return 0, nil, false
	}
	for _, p := range loc.events {
		if m := p.re.FindStringSubmatch(text); m != nil {
			return p.kind, m, true
		}
	}
	return 0, nil, false
}

// agendaNumber returns the first item number of an agenda heading line.
func (loc *locale) agendaNumber(t string) (string, bool) {
	m := loc.agenda.FindStringSubmatch(t)
	if m == nil {
		return "", false
	}
	return corpus.ASCIIDigits(strings.ReplaceAll(m[1], " ", "")), true
}

var localeByLang = map[string]*locale{}

func init() {
	for _, l := range []*locale{englishLocale, frenchLocale, spanishLocale, russianLocale, chineseLocale, arabicLocale} {
		localeByLang[l.lang] = l
	}
}

// localeFor returns the locale of a language, nil when there is none.
func localeFor(lang string) *locale { return localeByLang[lang] }

var englishLocale = &locale{
	lang:         "en",
	grammar:      englishGrammar,
	eventStart:   eventStartRe,
	events:       eventPatterns,
	clock:        eventTime,
	agenda:       agendaItemRe,
	agendaRange:  []string{"to"},
	voteHead:     lazyRegexp(`^(?i:(In favour|Against|Abstaining|Abstentions|Abstained))\s*:\s*(.*)$`),
	voteSections: map[string]string{"in favour": voteFavour, "against": voteAgainst, "abstaining": voteAbstain, "abstentions": voteAbstain, "abstained": voteAbstain},
	listAnd:      []string{"and"},
	president:    lazyRegexp(`(?i)\bPresident\s*:\s*`),
	date:         englishDate,
	session:      ordinalWords,
	noticeStart:  noticeStartRe,
	noticeWords:  noticeWordsRe,
	procedural:   proceduralHeadingRe,
	groups:       groupsOf,
}

func englishDate(text string) (string, string) {
	m := dateTimeRe.FindStringSubmatch(text)
	if m == nil {
		return "", ""
	}
	return isoDate(m[3], monthNumber(m[2], englishMonths), m[1]), clockTime(m[4])
}

var englishMonths = strings.Split(strings.ToLower(months), "|")

// monthNumber returns the 1-based position of name in names, 0 if absent.
func monthNumber(name string, names []string) int {
	name = strings.ToLower(name)
	for i, n := range names {
		if n == name {
			return i + 1
		}
	}
	return 0
}

// isoDate formats a date, or returns "" when a part is out of range.
func isoDate(year string, month int, day string) string {
	y, err1 := strconv.Atoi(corpus.ASCIIDigits(year))
	d, err2 := strconv.Atoi(corpus.ASCIIDigits(day))
	if err1 != nil || err2 != nil || month < 1 || month > 12 || d < 1 || d > 31 || y < 1945 || y > 2200 {
		return ""
	}
	return fmt.Sprintf("%04d-%02d-%02d", y, month, d)
}

// clock24 reads hours and minutes already on a 24-hour clock.
func clock24(h, m string) string {
	hh, err := strconv.Atoi(corpus.ASCIIDigits(h))
	if err != nil || hh > 24 {
		return ""
	}
	mm := 0
	if m != "" {
		if mm, err = strconv.Atoi(corpus.ASCIIDigits(m)); err != nil || mm > 59 {
			return ""
		}
	}
	return fmt.Sprintf("%02d:%02d", hh%24, mm)
}

// --- French ---

var frenchClockRe = lazyRegexp(`(\d{1,2})\s*(?:h|heures?)(?:\s*(\d{1,2}))?`)

func frenchClock(s string) string {
	if m := frenchClockRe.FindStringSubmatch(s); m != nil {
		return clock24(m[1], m[2])
	}
	return ""
}

var (
	frenchMonths = strings.Split("janvier février mars avril mai juin juillet août septembre octobre novembre décembre", " ")
	frenchDateRe = lazyRegexp(`(?i)(\d{1,2})(?:er)?\s+(` + strings.Join(frenchMonths, "|") + `)\s+(\d{4})(?:,?\s*à\s*(\d{1,2}\s*(?:h|heures?)(?:\s*\d{2})?))?`)
)

var frenchLocale = &locale{
	lang:       "fr",
	grammar:    frenchGrammar,
	eventStart: lazyRegexp(`^(?:La séance |En l[’']absence d|Le Président reprend|La Présidente reprend|Il en est ainsi décidé|Il est procédé au vote|Le projet de|Les projets de|L[’']amendement|Le paragraphe|\[|À l[’']invitation)`),
	events: []eventPattern{
		{lazyRegexp(`^La séance est ouverte à (.{1,30}?)\.$`), eventCalled},
		{lazyRegexp(`^La séance est levée à (.{1,30}?)\.$`), eventRose},
		{lazyRegexp(`^La séance est suspendue à .{1,30}\.$|^La séance est reprise à .{1,30}\.$`), eventPlain},
		{lazyRegexp(`^.{3,300}(?:assume|assure) la présidence\.$`), eventChairTaken},
		{lazyRegexp(`^L[ae] Président(?:e)? reprend la présidence\.$`), eventChairBack},
		{lazyRegexp(`^Il en est ainsi décidé\.$`), eventPlain},
		{lazyRegexp(`^Il est procédé au vote enregistré\.$|^Il est procédé au vote à main levée\.$`), eventPlain},
		{lazyRegexp(`^(?:Le projet|Les projets|L[’']amendement|Le paragraphe).{0,300}\b(?:est|sont) (?:adoptée?s?|rejetée?s?|maintenue?s?).{0,300}\.$`), eventVoteResult},
		{lazyRegexp(`^\[.{3,600}\]\.?$`), eventPlain},
		{lazyRegexp(`^À l[’']invitation d.{3,600}\.$`), eventPlain},
	},
	clock:        frenchClock,
	agenda:       lazyRegexp(`^(?i:points?)\s+(\d{1,3}(?:\s?\([a-z]\))?)(?:\s*(?:,|et|à|–)\s*\d{1,3})*\s+de l[’']ordre du jour(?:\s*\(suite\))?$`),
	agendaRange:  []string{"à"},
	voteHead:     lazyRegexp(`^(Votent pour|Votent contre|S[’']abstiennent)\s*:\s*(.*)$`),
	voteSections: map[string]string{"votent pour": voteFavour, "votent contre": voteAgainst, "s’abstiennent": voteAbstain, "s'abstiennent": voteAbstain},
	listAnd:      []string{"et"},
	president:    lazyRegexp(`\bPrésident(?:e)?\s*:\s*`),
	date: func(text string) (string, string) {
		m := frenchDateRe.FindStringSubmatch(text)
		if m == nil {
			return "", ""
		}
		return isoDate(m[3], monthNumber(m[2], frenchMonths), m[1]), frenchClock(m[4])
	},
	noticeStart: lazyRegexp(`^Le présent procès-verbal contient`),
	noticeWords: lazyRegexp(`(?i)procès-verbal|rectificatif|rectifications|langue originale|signature d|Service de rédaction|Système de diffusion|documents\.un\.org|@un\.org|bureau [A-Z]{1,2}-?\d|discours prononcés|interprétation|traduction`),
	procedural:  lazyRegexp(`^(?:Adoption de l[’']ordre du jour|Organisation des travaux)$`),
	groups: phraseGroups(
		lazyRegexp(`au nom (?:de la |du |des |de l[’'])([^.,;:()]{3,120}?)(?:,|\.|;|:| pour | afin | et je| je |$)`),
		lazyRegexp(`(?:s[’']associe|s[’']aligne|fait sienne|souscrit).{0,120}?au nom (?:de la |du |des |de l[’'])([^.,;:()]{3,120}?)(?:,|\.|;|:| et |$)`),
		lazyRegexp(`^(?:ma|mon|mes|notre|nos|son|sa|ses)\b`)),
}

// --- Spanish ---

var spanishClockRe = lazyRegexp(`(\d{1,2})[.:](\d{2})\s*horas|(\d{1,2})\s*horas`)

func spanishClock(s string) string {
	m := spanishClockRe.FindStringSubmatch(s)
	switch {
	case m == nil:
		return ""
	case m[1] != "":
		return clock24(m[1], m[2])
	}
	return clock24(m[3], "")
}

var (
	spanishMonths = strings.Split("enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre", " ")
	spanishDateRe = lazyRegexp(`(?i)(\d{1,2})\s+de\s+(` + strings.Join(spanishMonths, "|") + `|setiembre)\s+de\s+(\d{4})(?:,?\s*a\s+las\s+(\d{1,2}[.:]\d{2}\s*horas))?`)
)

var spanishLocale = &locale{
	lang:       "es",
	grammar:    spanishGrammar,
	eventStart: lazyRegexp(`^(?:Se abre la sesión|Se levanta la sesión|Se suspende la sesión|Se reanuda la sesión|En ausencia d|.{3,200}ocupa la Presidencia|E[l] Presidente vuelve|La Presidenta vuelve|Así queda acordado|Así se acuerda|Se procede a votación|Queda aprobad|Quedan aprobad|Por invitación|El proyecto de|Los proyectos de|La enmienda|El párrafo|\[)`),
	events: []eventPattern{
		{lazyRegexp(`^Se abre la sesión a las (.{1,30}?)\.$`), eventCalled},
		{lazyRegexp(`^Se levanta la sesión a las (.{1,30}?)\.$`), eventRose},
		{lazyRegexp(`^Se (?:suspende|reanuda) la sesión a las .{1,30}\.$`), eventPlain},
		{lazyRegexp(`^.{3,300}ocupa la Presidencia\.$`), eventChairTaken},
		{lazyRegexp(`^(?:El Presidente|La Presidenta) vuelve a ocupar la Presidencia\.$`), eventChairBack},
		{lazyRegexp(`^Así queda acordado\.$|^Así se acuerda\.$`), eventPlain},
		{lazyRegexp(`^Se procede a votación registrada\.$|^Se procede a votación ordinaria\.$`), eventPlain},
		{lazyRegexp(`^(?:Queda(?:n)? (?:aprobad|rechazad|mantenid)[oa]s?|(?:El proyecto|Los proyectos|La enmienda|El párrafo).{0,300}\b(?:queda(?:n)?|es|son) (?:aprobad|rechazad|mantenid)[oa]s?).{0,300}\.$`), eventVoteResult},
		{lazyRegexp(`^\[.{3,600}\]\.?$`), eventPlain},
		{lazyRegexp(`^Por invitación d.{3,600}\.$`), eventPlain},
	},
	clock:        spanishClock,
	agenda:       lazyRegexp(`^(?i:temas?)\s+(\d{1,3}(?:\s?\([a-z]\))?)(?:\s*(?:,|y|a|–)\s*\d{1,3})*\s+del programa(?:\s*\(continuación\))?$`),
	agendaRange:  []string{"a"},
	voteHead:     lazyRegexp(`^(Votos a favor|Votos en contra|Abstenciones)\s*:\s*(.*)$`),
	voteSections: map[string]string{"votos a favor": voteFavour, "votos en contra": voteAgainst, "abstenciones": voteAbstain},
	listAnd:      []string{"y", "e"},
	president:    lazyRegexp(`\bPresident[ea]\s*:\s*`),
	date: func(text string) (string, string) {
		m := spanishDateRe.FindStringSubmatch(text)
		if m == nil {
			return "", ""
		}
		month := monthNumber(m[2], spanishMonths)
		if strings.EqualFold(m[2], "setiembre") {
			month = 9
		}
		return isoDate(m[3], month, m[1]), spanishClock(m[4])
	},
	noticeStart: lazyRegexp(`^La presente acta contiene`),
	noticeWords: lazyRegexp(`(?i)acta|correcciones|idioma original|firma de|Servicio de Actas|Sistema de Archivo|documents\.un\.org|@un\.org|oficina [A-Z]{1,2}-?\d|discursos pronunciados|interpretación|traducción`),
	procedural:  lazyRegexp(`^(?:Aprobación del orden del día|Organización de los trabajos)$`),
	groups: phraseGroups(
		lazyRegexp(`en nombre (?:de la |del |de los |de las |de )([^.,;:()]{3,120}?)(?:,|\.|;|:| para | a fin | y deseo|$)`),
		lazyRegexp(`(?:se suma|hace suya|se adhiere|suscribe|se asocia).{0,120}?en nombre (?:de la |del |de los |de las |de )([^.,;:()]{3,120}?)(?:,|\.|;|:| y |$)`),
		lazyRegexp(`^(?:mi|mis|nuestr|su|sus)\b`)),
}

// --- Russian ---

var russianClockRe = lazyRegexp(`(\d{1,2})\s*ч\.?(?:\s*(\d{2})\s*м\.?)?`)

func russianClock(s string) string {
	if m := russianClockRe.FindStringSubmatch(s); m != nil {
		return clock24(m[1], m[2])
	}
	return ""
}

var (
	russianMonths = strings.Split("января февраля марта апреля мая июня июля августа сентября октября ноября декабря", " ")
	russianDateRe = lazyRegexp(`(\d{1,2})\s+(` + strings.Join(russianMonths, "|") + `)\s+(\d{4})(?:\s*года)?(?:,?\s*(\d{1,2}\s*ч\.(?:\s*\d{2}\s*м\.)?))?`)
)

var russianLocale = &locale{
	lang:       "ru",
	grammar:    russianGrammar,
	eventStart: lazyRegexp(`^(?:Заседание |В отсутствие |Председатель (?:вновь )?занимает|Решение принимается|Так и решено|Проводится |Проект |Поправка |Пункт \d+ постановляющей|\[|По приглашению )`),
	events: []eventPattern{
		{lazyRegexp(`^Заседание открывается в (.{1,30}?)\.?$`), eventCalled},
		{lazyRegexp(`^Заседание закрывается в (.{1,30}?)\.?$`), eventRose},
		{lazyRegexp(`^Заседание (?:прерывается|возобновляется) в .{1,30}$`), eventPlain},
		{lazyRegexp(`^.{3,300}занимает место Председателя\.$`), eventChairTaken},
		{lazyRegexp(`^Председатель вновь занимает место Председателя\.$`), eventChairBack},
		{lazyRegexp(`^(?:Решение принимается|Так и решено)\.$`), eventPlain},
		{lazyRegexp(`^Проводится (?:заносимое в отчет о заседании )?голосование.{0,80}\.$`), eventPlain},
		{lazyRegexp(`^(?:Проект|Поправка|Пункт).{0,300} (?:принимается|принимаются|отклоняется|сохраняется).{0,300}\.$`), eventVoteResult},
		{lazyRegexp(`^\[.{3,600}\]\.?$`), eventPlain},
		{lazyRegexp(`^По приглашению .{3,600}\.$`), eventPlain},
	},
	clock:        russianClock,
	agenda:       lazyRegexp(`^(?i:пункты?)\s+(\d{1,3}(?:\s?\([а-яa-z]\))?)(?:\s*(?:,|и|–|—|-)\s*\d{1,3})*\s+повестки дня(?:\s*\(продолжение\))?$`),
	agendaRange:  []string{"—", "-"},
	voteHead:     lazyRegexp(`^(Голосовали за|Голосовали против|Воздержались)\s*:\s*(.*)$`),
	voteSections: map[string]string{"голосовали за": voteFavour, "голосовали против": voteAgainst, "воздержались": voteAbstain},
	listAnd:      []string{"и"},
	president:    lazyRegexp(`Председатель\s*:\s*`),
	date: func(text string) (string, string) {
		m := russianDateRe.FindStringSubmatch(text)
		if m == nil {
			return "", ""
		}
		return isoDate(m[3], monthNumber(m[2], russianMonths), m[1]), russianClock(m[4])
	},
	noticeStart: lazyRegexp(`^В настоящем отчете`),
	noticeWords: lazyRegexp(`(?i)отчет|поправк|исправлен|языке оригинала|подпись|Службы стенографических|Системе официальных|documents\.un\.org|@un\.org|комнат[аы] [A-ZА-Я]{1,2}-?\d|выступлений|перевод`),
	procedural:  lazyRegexp(`^(?:Утверждение повестки дня|Организация работы)$`),
	groups: phraseGroups(
		lazyRegexp(`от имени ([^.,;:()]{3,120}?)(?:,|\.|;|:| и я| я |$)`),
		lazyRegexp(`(?:присоединяется|присоединяемся|поддерживает заявление|поддерживаем заявление).{0,120}?от имени ([^.,;:()]{3,120}?)(?:,|\.|;|:| и |$)`),
		lazyRegexp(`^(?:мо|наш|сво)`)),
}

// --- Chinese ---

var chineseClockRe = lazyRegexp(`(上午|下午|中午|晚上)?\s*(\d{1,2})\s*时(?:\s*(\d{1,2})\s*分)?`)

func chineseClock(s string) string {
	m := chineseClockRe.FindStringSubmatch(s)
	if m == nil {
		return ""
	}
	h, err := strconv.Atoi(m[2])
	if err != nil || h > 24 {
		return ""
	}
	if (m[1] == "下午" || m[1] == "晚上") && h < 12 {
		h += 12
	}
	return clock24(strconv.Itoa(h), m[3])
}

var chineseDateRe = lazyRegexp(`(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日(?:\s*星期\S)?\s*((?:上午|下午|中午|晚上)\s*\d{1,2}\s*时(?:\s*\d{1,2}\s*分)?)?`)

var chineseLocale = &locale{
	lang:       "zh",
	grammar:    chineseGrammar,
	eventStart: lazyRegexp(`^(?:(?:上午|下午|中午|晚上)\s*\d{1,2}\s*时|.{1,80}主持会议|主席恢复主持|就这样决定|进行记录表决|进行举手表决|决议草案|决定草案|修正案|\[|应主席邀请)`),
	events: []eventPattern{
		{lazyRegexp(`^((?:上午|下午|中午|晚上)\s*\d{1,2}\s*时(?:\s*\d{1,2}\s*分)?)(?:开会|宣布开会)。$`), eventCalled},
		{lazyRegexp(`^((?:上午|下午|中午|晚上)\s*\d{1,2}\s*时(?:\s*\d{1,2}\s*分)?)散会。$`), eventRose},
		{lazyRegexp(`^.{1,120}主持会议。$`), eventChairTaken},
		{lazyRegexp(`^主席恢复主持会议。$`), eventChairBack},
		{lazyRegexp(`^就这样决定。$`), eventPlain},
		{lazyRegexp(`^进行(?:记录|举手)表决。$`), eventPlain},
		{lazyRegexp(`^(?:决议草案|决定草案|修正案|第.{1,10}段).{0,200}(?:获得通过|被否决|未获通过|予以保留).{0,200}。$`), eventVoteResult},
		{lazyRegexp(`^\[.{3,600}\]。?$`), eventPlain},
		{lazyRegexp(`^应主席邀请.{3,600}。$`), eventPlain},
	},
	clock:        chineseClock,
	agenda:       lazyRegexp(`^议程项目\s*(\d{1,3}(?:\s?[(（][a-z][)）])?)(?:\s*(?:和|、|至|–)\s*\d{1,3})*(?:\s*[(（]续[)）])?$`),
	agendaRange:  []string{"至"},
	voteHead:     lazyRegexp(`^(赞成|反对|弃权)\s*[：:]\s*(.*)$`),
	voteSections: map[string]string{"赞成": voteFavour, "反对": voteAgainst, "弃权": voteAbstain},
	listAnd:      []string{"和", "及"},
	president:    lazyRegexp(`主席\s*[：:]\s*`),
	date: func(text string) (string, string) {
		m := chineseDateRe.FindStringSubmatch(text)
		if m == nil {
			return "", ""
		}
		month, _ := strconv.Atoi(m[2])
		return isoDate(m[1], month, m[3]), chineseClock(m[4])
	},
	session:     chineseSession,
	noticeStart: lazyRegexp(`^本记录(?:包括|载有)`),
	noticeWords: lazyRegexp(`更正|记录|译文|原文|署名|逐字记录处|正式文件系统|documents\.un\.org|@un\.org|重发`),
	procedural:  lazyRegexp(`^(?:通过议程|工作安排)$`),
	groups: phraseGroups(
		lazyRegexp(`(?:我|我们|本人|本代表团)[^。，；]{0,8}?代表([^。，；：]{1,60}?(?:集团|运动|联盟|成员国|组织|小组|委员会|论坛|之友|国家|共同体))(?:，|发言|$)`),
		lazyRegexp(`(?:赞同|支持|认同)(?:[^。，]{0,20}?(?:代表|以))?(?:以)?([^。，；]{2,60}?)(?:名义)?(?:所作|提出|发表)?的发言`),
		lazyRegexp(`^(?:我|本|贵)`)),
}

var chineseSessionRe = lazyRegexp(`第([〇零一二三四五六七八九十百\d]+)届会议`)

// chineseSession reads "第七十七届会议".
func chineseSession(text string) (int, bool) {
	m := chineseSessionRe.FindStringSubmatch(text)
	if m == nil || strings.Contains(text[:strings.Index(text, m[0])], "特别") {
		return 0, false
	}
	return corpus.ChineseNumber(m[1])
}

// --- Arabic ---

var arabicClockRe = lazyRegexp(`(\d{1,2})\s*[/:.]\s*(\d{2})`)

func arabicClock(s string) string {
	if m := arabicClockRe.FindStringSubmatch(corpus.ASCIIDigits(s)); m != nil {
		return clock24(m[1], m[2])
	}
	return ""
}

var (
	arabicMonths = strings.Split("يناير فبراير مارس أبريل مايو يونيه يوليه أغسطس سبتمبر أكتوبر نوفمبر ديسمبر", " ")
	arabicDateRe = lazyRegexp(`(\d{1,2}|[٠-٩]{1,2})\s+(?:[^/\d]{1,20}/)?(` + strings.Join(arabicMonths, "|") + `|يونيو|يوليو)\s+(\d{4}|[٠-٩]{4})(?:،?\s*الساعة\s*(\S+))?`)
)

var arabicLocale = &locale{
	lang:       "ar",
	grammar:    arabicGrammar,
	eventStart: lazyRegexp(`^(?:افتتحت الجلسة|رفعت الجلسة|علقت الجلسة|استؤنفت الجلسة|في غياب|.{3,200}تولى الرئاسة|عاد الرئيس|وقد تقرر ذلك|أجري تصويت|اعتمد|رفض|\[|بناء على دعوة)`),
	events: []eventPattern{
		{lazyRegexp(`^افتتحت الجلسة الساعة (.{1,30}?)\.$`), eventCalled},
		{lazyRegexp(`^رفعت الجلسة الساعة (.{1,30}?)\.$`), eventRose},
		{lazyRegexp(`^(?:علقت|استؤنفت) الجلسة الساعة .{1,30}\.$`), eventPlain},
		{lazyRegexp(`^.{3,300}(?:تولى|تولت) الرئاسة\.$`), eventChairTaken},
		{lazyRegexp(`^عاد الرئيس إلى مقعد الرئاسة\.$`), eventChairBack},
		{lazyRegexp(`^وقد تقرر ذلك\.$`), eventPlain},
		{lazyRegexp(`^أجري تصويت.{0,60}\.$`), eventPlain},
		{lazyRegexp(`^(?:اعتمد|اعتمدت|رفض|رفضت).{0,400}\.$`), eventVoteResult},
		{lazyRegexp(`^\[.{3,600}\]\.?$`), eventPlain},
		{lazyRegexp(`^بناء على دعوة .{3,600}\.$`), eventPlain},
	},
	clock:        arabicClock,
	agenda:       lazyRegexp(`^(?:البند|البندان|البنود)\s+(?:من\s+)?(\d{1,3}|[٠-٩]{1,3})(?:\s*(?:،|و|إلى|–)\s*(?:\d{1,3}|[٠-٩]{1,3}))*\s+من جدول الأعمال(?:\s*\(تابع\))?$`),
	agendaRange:  []string{"إلى"},
	voteHead:     lazyRegexp(`^(المؤيدون|المعارضون|الممتنعون)\s*:\s*(.*)$`),
	voteSections: map[string]string{"المؤيدون": voteFavour, "المعارضون": voteAgainst, "الممتنعون": voteAbstain},
	listAnd:      []string{"و"},
	president:    lazyRegexp(`الرئيس(?:ة)?\s*:\s*`),
	date: func(text string) (string, string) {
		m := arabicDateRe.FindStringSubmatch(text)
		if m == nil {
			return "", ""
		}
		month := monthNumber(m[2], arabicMonths)
		switch m[2] {
		case "يونيو":
			month = 6
		case "يوليو":
			month = 7
		}
		return isoDate(m[3], month, m[1]), arabicClock(m[4])
	},
	noticeStart: lazyRegexp(`^يتضمن هذا المحضر`),
	noticeWords: lazyRegexp(`المحضر|التصويبات|التصويب|اللغة الأصلية|توقيع|دائرة التحرير|نظام الوثائق|documents\.un\.org|@un\.org|الغرفة|الخطب|الترجمة`),
	procedural:  lazyRegexp(`^(?:إقرار جدول الأعمال|تنظيم الأعمال)$`),
	groups: phraseGroups(
		lazyRegexp(`باسم ([^.,;:،()]{3,120}?)(?:،|,|\.|;|:|$)`),
		lazyRegexp(`(?:تؤيد|يؤيد|تضم صوتها|يضم صوته|تنضم|ينضم|نؤيد).{0,120}?باسم ([^.,;:،()]{3,120}?)(?:،|,|\.|;|:| و|$)`),
		lazyRegexp(`^(?:بلد|وفد|حكوم)`)),
}
