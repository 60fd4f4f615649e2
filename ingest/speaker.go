package ingest

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/scdebate/scdebate/corpus"
)

// speakerLine is what a speaker line says: "Mr. Mukongo (Democratic Republic
// of the Congo) (spoke in French): My delegation …".
type speakerLine struct {
	Speaker    string // as printed before the parentheses: "Mr. Mukongo", "The President"
	Name       string // the name after the title: "Mukongo", "WU Chengjiang"; empty for officers
	Role       string // set for presiding officers and the Secretariat; resolved later for delegates
	Delegation string // the first parenthesis that is not a language note
	SpokeIn    string // ISO 639-1
	Capacity   string // ", Rapporteur of the Third Committee": the office spoken in
	Rest       string // the text after the colon, which opens the speech
}

// match is the outcome of trying the speaker grammar on a line.
type match int

const (
	noMatch  match = iota
	matched        // a complete speaker line
	needMore       // could be a speaker line wrapped before its colon
)

// officer is a presiding officer's or official's label ("The Acting
// President") and the role it carries.
type officer struct {
	label string
	role  string
}

// grammar is one language's form of the speaker line.
type grammar struct {
	lang     string
	officers []officer // longest label first
	titles   []string  // longest first
	// notes match a parenthesis that tells the language spoken; group 1 is
	// the language's name.
	notes []*pattern
	// particles may appear in lower case inside a name ("de", "van", "bin").
	particles map[string]bool
	// nameAfterTitle is false for languages that put the title after the
	// name (Chinese "某某先生").
	nameAfterTitle bool
}

func newGrammar(g grammar) *grammar {
	sort.SliceStable(g.officers, func(i, j int) bool { return len(g.officers[i].label) > len(g.officers[j].label) })
	sort.SliceStable(g.titles, func(i, j int) bool { return len(g.titles[i]) > len(g.titles[j]) })
	return &g
}

func words(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

var englishGrammar = newGrammar(grammar{
	lang: "en",
	officers: []officer{
		{"The President", corpus.RolePresident},
		{"The Acting President", corpus.RoleActingPresident},
		{"The Temporary President", corpus.RoleActingPresident},
		{"The Chair", corpus.RolePresident},
		{"The Chairman", corpus.RolePresident},
		{"The Chairperson", corpus.RolePresident},
		{"The Chairwoman", corpus.RolePresident},
		{"The Acting Chair", corpus.RoleActingPresident},
		{"The Acting Chairman", corpus.RoleActingPresident},
		{"The Acting Chairperson", corpus.RoleActingPresident},
		{"The Secretary-General", corpus.RoleSecretariat},
		{"The Deputy Secretary-General", corpus.RoleSecretariat},
		{"The Acting Secretary-General", corpus.RoleSecretariat},
	},
	titles: []string{
		"Mr.", "Mrs.", "Ms.", "Miss", "Mr", "Mrs", "Ms", "Mme", "Dr.", "Dr", "Sir", "Dame", "Lord", "Lady",
		"Baroness", "Baron", "Archbishop", "Bishop", "Cardinal", "Monsignor", "Msgr.", "Father",
		"Sister", "Rev.", "Reverend", "Prince", "Princess", "Crown Prince", "Sheikh", "Sheikha", "Sheik",
		"King", "Queen", "Emir", "Amir", "Sultan", "President", "Vice-President", "Prime Minister",
		"Deputy Prime Minister", "Chancellor", "Judge", "Professor", "Prof.", "Ambassador",
	},
	notes: []*pattern{
		lazyRegexp(`(?i)^(?:spoke|speaking|spoken) in (?:the )?(\p{L}+)`),
		lazyRegexp(`(?i)^interpretation from (?:the )?(\p{L}+)`),
		lazyRegexp(`(?i)^interpreted from (?:the )?(\p{L}+)`),
	},
	particles:      words("de da das do dos del della der den di du des la le van von ter ten bin binti bint ibn al el y e zu af av"),
	nameAfterTitle: true,
})

var frenchGrammar = newGrammar(grammar{
	lang: "fr",
	officers: []officer{
		{"Le Président", corpus.RolePresident}, {"La Présidente", corpus.RolePresident},
		{"Le Président par intérim", corpus.RoleActingPresident}, {"La Présidente par intérim", corpus.RoleActingPresident},
		{"Le Secrétaire général", corpus.RoleSecretariat}, {"La Secrétaire générale", corpus.RoleSecretariat},
		{"La Vice-Secrétaire générale", corpus.RoleSecretariat}, {"Le Vice-Secrétaire général", corpus.RoleSecretariat},
	},
	titles: []string{"M.", "Mme", "Mlle", "MM.", "Sir", "Dame", "Lord", "Mgr", "Monseigneur", "Cheikh", "Prince", "Princesse", "Roi", "Reine", "Président", "Juge", "Archevêque", "Cardinal"},
	notes: []*pattern{
		lazyRegexp(`(?i)^parle en (\p{L}+)`),
		lazyRegexp(`(?i)^interprétation (?:de l[’']|du |de la |de l )(\p{L}+)`),
	},
	particles:      words("de du des la le d’ d' van von der bin al el"),
	nameAfterTitle: true,
})

var spanishGrammar = newGrammar(grammar{
	lang: "es",
	officers: []officer{
		{"El Presidente", corpus.RolePresident}, {"La Presidenta", corpus.RolePresident},
		{"El Presidente interino", corpus.RoleActingPresident}, {"La Presidenta interina", corpus.RoleActingPresident},
		{"El Secretario General", corpus.RoleSecretariat}, {"La Secretaria General", corpus.RoleSecretariat},
		{"La Vicesecretaria General", corpus.RoleSecretariat}, {"El Vicesecretario General", corpus.RoleSecretariat},
	},
	titles: []string{"Sr.", "Sra.", "Srta.", "Sir", "Dame", "Lord", "Monseñor", "Arzobispo", "Cardenal", "Jeque", "Príncipe", "Princesa", "Rey", "Reina", "Presidente", "Presidenta", "Magistrado", "Magistrada"},
	notes: []*pattern{
		lazyRegexp(`(?i)^habla en (\p{L}+)`),
		lazyRegexp(`(?i)^interpretación del? (\p{L}+)`),
	},
	particles:      words("de del la las los y e van von der bin al el"),
	nameAfterTitle: true,
})

var russianGrammar = newGrammar(grammar{
	lang: "ru",
	officers: []officer{
		{"Председатель", corpus.RolePresident},
		{"Исполняющий обязанности Председателя", corpus.RoleActingPresident},
		{"Исполняющая обязанности Председателя", corpus.RoleActingPresident},
		{"Генеральный секретарь", corpus.RoleSecretariat},
		{"Первый заместитель Генерального секретаря", corpus.RoleSecretariat},
	},
	titles: []string{"Г-н", "Г-жа", "Сэр", "Дама", "Лорд", "Архиепископ", "Монсеньор", "Шейх", "Принц", "Принцесса", "Король", "Королева", "Председатель", "Президент", "Судья"},
	notes: []*pattern{
		lazyRegexp(`^говорит (по-\p{L}+)`),
		lazyRegexp(`^говорит на (\p{L}+)`),
	},
	particles:      words("де ди дель ван фон бен бин аль эль"),
	nameAfterTitle: true,
})

var arabicGrammar = newGrammar(grammar{
	lang: "ar",
	officers: []officer{
		{"الرئيس", corpus.RolePresident}, {"الرئيسة", corpus.RolePresident},
		{"الرئيس بالنيابة", corpus.RoleActingPresident}, {"الرئيسة بالنيابة", corpus.RoleActingPresident},
		{"الأمين العام", corpus.RoleSecretariat}, {"الأمينة العامة", corpus.RoleSecretariat},
		{"نائبة الأمين العام", corpus.RoleSecretariat}, {"نائب الأمين العام", corpus.RoleSecretariat},
	},
	titles: []string{"السيد", "السيدة", "الآنسة", "السير", "الشيخ", "الشيخة", "الأمير", "الأميرة", "الملك", "الملكة", "المطران", "الكاردينال", "القاضي", "القاضية"},
	notes: []*pattern{
		lazyRegexp(`^(?:تكلم|تكلمت)\s+(\S+)`),
	},
	particles:      words("بن بنت آل"),
	nameAfterTitle: true,
})

// The Chinese speaker line puts the title after the name and uses
// full-width punctuation: "马尔祖基夫人（阿拉伯联合酋长国），安全理事会主席（以英语
// 发言）：".
var chineseGrammar = newGrammar(grammar{
	lang: "zh",
	officers: []officer{
		{"主席", corpus.RolePresident}, {"代理主席", corpus.RoleActingPresident}, {"临时主席", corpus.RoleActingPresident},
		{"秘书长", corpus.RoleSecretariat}, {"常务副秘书长", corpus.RoleSecretariat},
	},
	titles: []string{"先生", "女士", "夫人", "小姐", "阁下", "大使", "博士", "法官", "教授", "主教", "大主教", "亲王", "王子", "国王", "女王", "公主", "殿下", "爵士", "谢赫", "总统", "首相", "总理"},
	notes: []*pattern{
		lazyRegexp(`^以(.+?)发言$`),
	},
})

// parseSpeaker tries the speaker grammar on s, which starts a paragraph.
func (g *grammar) parseSpeaker(s string) (speakerLine, match) {
	var sp speakerLine
	rest, ok := g.officerPrefix(s, &sp)
	if !ok {
		if g.nameAfterTitle {
			rest, ok = g.titlePrefix(s, &sp)
		} else {
			rest, ok = g.nameTitlePrefix(s, &sp)
		}
		if !ok {
			return sp, noMatch
		}
	}
	rest, m := g.parens(rest, &sp)
	if m != matched {
		return sp, m
	}
	trimmed := strings.TrimLeft(rest, " ")
	if (strings.HasPrefix(trimmed, ",") || strings.HasPrefix(trimmed, "，")) && sp.Role == "" && sp.Delegation != "" {
		// ", Rapporteur of the Third Committee:"
		_, size := utf8.DecodeRuneInString(trimmed)
		fn := strings.TrimLeft(trimmed[size:], " ")
		i := strings.IndexAny(fn, ":：(（")
		if i < 0 {
			if len(strings.Fields(fn)) > 20 || utf8.RuneCountInString(fn) > 120 || endsSentence(fn) || strings.ContainsAny(fn, ")）") {
				return sp, noMatch
			}
			return sp, needMore
		}
		sp.Capacity = collapseSpace(strings.TrimRight(fn[:i], " "))
		if len(strings.Fields(sp.Capacity)) > 20 || utf8.RuneCountInString(sp.Capacity) > 120 || strings.ContainsAny(sp.Capacity, ".;。；") && !strings.Contains(sp.Capacity, "No.") {
			return sp, noMatch
		}
		if rest, m = g.parens(fn[i:], &sp); m != matched {
			return sp, m
		}
		trimmed = strings.TrimLeft(rest, " ")
	}
	if trimmed == "" {
		return sp, needMore
	}
	r, size := utf8.DecodeRuneInString(trimmed)
	if r != ':' && r != '：' {
		return sp, noMatch
	}
	sp.Rest = strings.TrimSpace(trimmed[size:])
	return sp, matched
}

// parens reads the parentheses after a speaker's name: the delegation and
// the language note, in either order.
func (g *grammar) parens(rest string, sp *speakerLine) (string, match) {
	for {
		trimmed := strings.TrimLeft(rest, " ")
		if !strings.HasPrefix(trimmed, "(") && !strings.HasPrefix(trimmed, "（") {
			break
		}
		inner, after, closed := balancedParen(trimmed)
		if !closed {
			if len(inner) > 160 {
				return rest, noMatch
			}
			return rest, needMore
		}
		inner = collapseSpace(inner)
		if code, isNote := g.languageNote(inner); isNote {
			if sp.SpokeIn == "" {
				sp.SpokeIn = code
			}
		} else if sp.Delegation == "" && sp.Role == "" {
			sp.Delegation = inner
		} else {
			// Officers have no delegation, delegates only one.
			return rest, noMatch
		}
		rest = after
	}
	return rest, matched
}

// officerPrefix matches "The President", "The Acting President", … at the
// start of s, in any case ("The PRESIDENT").
func (g *grammar) officerPrefix(s string, sp *speakerLine) (string, bool) {
	if r, _ := utf8.DecodeRuneInString(s); unicode.IsLower(r) {
		return s, false // inside a sentence
	}
	for _, o := range g.officers {
		if len(s) < len(o.label) || !strings.EqualFold(s[:len(o.label)], o.label) {
			continue
		}
		rest := s[len(o.label):]
		if next, _ := utf8.DecodeRuneInString(strings.TrimLeft(rest, " ")); rest != "" && next != '(' && next != '（' && next != ':' && next != '：' {
			continue
		}
		if rest == "" {
			return "", false
		}
		sp.Speaker = o.label
		sp.Role = o.role
		return rest, true
	}
	return s, false
}

// titlePrefix matches a title and a name: "Mr. Korbieh", "Mr. WU
// Chengjiang", "Mrs. Lora-Santos", "Mr. Al-Kidwa", "Ms. O’Keeffe".
func (g *grammar) titlePrefix(s string, sp *speakerLine) (string, bool) {
	var title string
	for _, t := range g.titles {
		if strings.HasPrefix(s, t+" ") {
			title = t
			break
		}
	}
	if title == "" {
		return s, false
	}
	rest := s[len(title)+1:]
	var name []string
	for len(name) < 7 {
		rest = strings.TrimLeft(rest, " ")
		if rest == "" {
			break
		}
		end := strings.IndexAny(rest, " (:：,（")
		tok := rest
		if end >= 0 {
			tok = rest[:end]
		}
		if tok == "" {
			break
		}
		if !g.nameToken(tok) {
			return s, false
		}
		name = append(name, tok)
		rest = rest[len(tok):]
	}
	if len(name) == 0 || len(name) >= 7 {
		return s, false
	}
	joined := strings.Join(name, " ")
	switch strings.ToLower(joined) {
	case "president", "chairman", "chair", "secretary-general", "speaker":
		return s, false
	}
	sp.Speaker = title + " " + joined
	sp.Name = joined
	return rest, true
}

// nameTitlePrefix matches a name followed by its title, as Chinese prints
// it: "马尔祖基夫人", "索拉诺·巴尔加斯先生", "石先生".
func (g *grammar) nameTitlePrefix(s string, sp *speakerLine) (string, bool) {
	end := strings.IndexAny(s, "（(：:，,")
	if end <= 0 || utf8.RuneCountInString(s[:end]) > 24 {
		return s, false
	}
	head := strings.TrimSpace(s[:end])
	for _, t := range g.titles {
		name, ok := strings.CutSuffix(head, t)
		if !ok || name == "" {
			continue
		}
		for _, r := range name {
			if !unicode.IsLetter(r) && !strings.ContainsRune("·•‧.-’' ", r) {
				return s, false
			}
		}
		sp.Speaker = head
		sp.Name = strings.TrimSpace(name)
		return s[end:], true
	}
	return s, false
}

func (g *grammar) nameToken(tok string) bool {
	if g.particles[tok] {
		return true
	}
	r, _ := utf8.DecodeRuneInString(tok)
	if !unicode.IsUpper(r) && !(unicode.IsLetter(r) && !unicode.IsLower(r)) {
		// Lower-case prefixes of Arabic names: "al-Thani", "el-Baradei".
		if lower := strings.ToLower(tok); !strings.HasPrefix(lower, "al-") && !strings.HasPrefix(lower, "el-") && !strings.HasPrefix(lower, "d’") && !strings.HasPrefix(lower, "d'") {
			return false
		}
	}
	for _, r := range tok {
		if unicode.IsDigit(r) {
			return false
		}
		if !unicode.IsLetter(r) && !strings.ContainsRune("-’'.‐", r) && !unicode.Is(unicode.Mn, r) {
			return false
		}
	}
	return true
}

// languageNote reports whether a parenthesis is a language note and which
// language it names.
func (g *grammar) languageNote(inner string) (string, bool) {
	for _, re := range g.notes {
		if m := re.FindStringSubmatch(inner); m != nil {
			return languageCode(m[1]), true
		}
	}
	return "", false
}

// noteLine reads a line that is only a language note, "(spoke in
// French)", and returns the language's code.
func (g *grammar) noteLine(s string) (string, bool) {
	if !strings.HasPrefix(s, "(") && !strings.HasPrefix(s, "（") {
		return "", false
	}
	inner, after, closed := balancedParen(s)
	if !closed || strings.TrimSpace(after) != "" {
		return "", false
	}
	code, ok := g.languageNote(collapseSpace(inner))
	return code, ok && code != ""
}

// balancedParen reads a parenthesised group at the start of s, nested
// parentheses included ("(Bolivia (Plurinational State of))"). It returns
// the inside, the text after the group and whether the group closed.
func balancedParen(s string) (inner, after string, closed bool) {
	depth := 0
	start := -1
	for i, r := range s {
		switch r {
		case '(', '（':
			if depth == 0 {
				start = i + utf8.RuneLen(r)
			}
			depth++
		case ')', '）':
			depth--
			if depth == 0 {
				return s[start:i], s[i+utf8.RuneLen(r):], true
			}
		}
	}
	if start < 0 {
		return "", s, false
	}
	return s[start:], "", false
}

// collapseSpace trims s and folds runs of spaces into one.
func collapseSpace(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// endsSentence reports whether s ends with sentence-final punctuation,
// closing quotes and brackets aside.
func endsSentence(s string) bool {
	return endsWithMark(s, ".!?。！？")
}

// endsWithMark reports whether s ends with one of marks, closing quotes
// and brackets aside.
func endsWithMark(s, marks string) bool {
	s = strings.TrimRight(s, " ”’\"')]）»")
	if s == "" {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(s)
	return strings.ContainsRune(marks, r)
}
