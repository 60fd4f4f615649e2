// Package indextest generates deterministic corpora of records and
// annotations for the tests and benchmarks of the index and the search
// server: the same seed always gives the same corpus, of any size.
package indextest

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"

	"github.com/scdebate/scdebate/analysis"
	"github.com/scdebate/scdebate/corpus"
)

// TaxonomyHash is the taxonomy hash the generated annotations carry.
const TaxonomyHash = "gen0000taxonomy"

// Options size a generated corpus.
type Options struct {
	Seed int64
	// Paragraphs is the number of English paragraphs to generate (at
	// least; whole records are generated).
	Paragraphs int
	// Versions adds other language versions (fr, es, zh) of one record in
	// VersionsEvery, aligned paragraph by paragraph.
	Versions      []string
	VersionsEvery int
}

// Doc is a generated record with its annotation.
type Doc struct {
	Record     *corpus.Record
	Annotation *analysis.Annotation
}

// Country is a delegation of the generated corpus.
type Country struct{ Code, Name string }

// Countries are the delegations that speak in generated records.
var Countries = []Country{
	{"NZL", "New Zealand"}, {"CHE", "Switzerland"}, {"MEX", "Mexico"}, {"FRA", "France"},
	{"GBR", "United Kingdom of Great Britain and Northern Ireland"}, {"USA", "United States of America"},
	{"CHN", "China"}, {"RUS", "Russian Federation"}, {"BRA", "Brazil"}, {"IND", "India"},
	{"JPN", "Japan"}, {"DEU", "Germany"}, {"ZAF", "South Africa"}, {"NGA", "Nigeria"},
	{"EGY", "Egypt"}, {"SAU", "Saudi Arabia"}, {"KEN", "Kenya"}, {"ARG", "Argentina"},
	{"CHL", "Chile"}, {"CRI", "Costa Rica"}, {"LIE", "Liechtenstein"}, {"AUT", "Austria"},
	{"NOR", "Norway"}, {"SWE", "Sweden"}, {"FIN", "Finland"}, {"DNK", "Denmark"},
	{"ITA", "Italy"}, {"ESP", "Spain"}, {"PAK", "Pakistan"}, {"TUR", "Türkiye"},
	{"IDN", "Indonesia"}, {"MYS", "Malaysia"}, {"SGP", "Singapore"}, {"PER", "Peru"},
	{"COL", "Colombia"}, {"CUB", "Cuba"}, {"VEN", "Venezuela (Bolivarian Republic of)"},
	{"IRN", "Iran (Islamic Republic of)"}, {"KWT", "Kuwait"}, {"QAT", "Qatar"}, {"JOR", "Jordan"},
	{"MAR", "Morocco"}, {"DZA", "Algeria"}, {"SEN", "Senegal"}, {"GHA", "Ghana"},
	{"ETH", "Ethiopia"}, {"UKR", "Ukraine"}, {"POL", "Poland"}, {"EST", "Estonia"},
	{"IRL", "Ireland"}, {"NLD", "Netherlands (Kingdom of the)"}, {"BEL", "Belgium"},
	{"CAN", "Canada"}, {"AUS", "Australia"}, {"KOR", "Republic of Korea"}, {"VNM", "Viet Nam"},
	{"PHL", "Philippines"}, {"SLV", "El Salvador"}, {"GTM", "Guatemala"}, {"URY", "Uruguay"},
}

// Group is a group of states that speaks jointly.
type Group struct {
	ID, Name string
	Members  []string
}

// Groups are the groups generated speeches speak for.
var Groups = []Group{
	{"act", "Accountability, Coherence and Transparency group", []string{"AUT", "CHE", "CHL", "CRI", "DNK", "EST", "FIN", "GHA", "IRL", "JOR", "LIE", "NZL", "NOR", "PER", "PRT", "SAU", "SWE", "URY"}},
	{"l69", "L.69 group", []string{"BRA", "IND", "NGA", "ZAF", "JAM", "KEN"}},
	{"g4", "Group of Four", []string{"BRA", "DEU", "IND", "JPN"}},
	{"ufc", "Uniting for Consensus", []string{"ARG", "CAN", "COL", "CRI", "ESP", "ITA", "KOR", "MEX", "PAK", "TUR"}},
	{"nam", "Movement of Non-Aligned Countries", []string{"CUB", "DZA", "EGY", "IDN", "IRN", "KWT", "MAR", "MYS", "NGA", "PAK", "PHL", "QAT", "SEN", "VEN", "VNM"}},
	{"arab-group", "Group of Arab States", []string{"DZA", "EGY", "JOR", "KWT", "MAR", "QAT", "SAU"}},
	{"nordic", "Nordic countries", []string{"DNK", "FIN", "NOR", "SWE"}},
}

// ThemeSentences holds, for each theme, sentences that substantively
// address it, in English, French, Spanish and Chinese (aligned by index).
var ThemeSentences = map[string][4][]string{
	"burden-sharing": {
		{"Penholdership should be shared more equitably among all Council members.", "The elected members must be able to act as co-penholders on country files."},
		{"Le rôle de rédacteur devrait être partagé plus équitablement entre les membres du Conseil.", "Les membres élus doivent pouvoir agir en tant que corédacteurs."},
		{"La función de redactor debe repartirse de forma más equitativa entre los miembros del Consejo.", "Los miembros electos deben poder actuar como corredactores."},
		{"安理会成员应更公平地分担执笔人工作。", "当选成员应能够担任共同执笔人。"},
	},
	"veto": {
		{"The use of the veto in situations of mass atrocities cannot be justified.", "We support the Code of Conduct and call on all permanent members to refrain from the veto."},
		{"Le recours au veto en cas d'atrocités de masse ne saurait se justifier.", "Nous appuyons le code de conduite et demandons aux membres permanents de renoncer au veto."},
		{"El uso del veto en situaciones de atrocidades masivas no puede justificarse.", "Apoyamos el código de conducta e instamos a los miembros permanentes a abstenerse del veto."},
		{"在大规模暴行情况下使用否决权是不合理的。", "我们支持行为守则，呼吁所有常任理事国不使用否决权。"},
	},
	"wrap-up-sessions": {
		{"Wrap-up sessions at the end of each presidency give the wider membership a useful view of the month.", "We encourage every presidency to hold interactive wrap-up sessions open to non-members."},
		{"Les séances récapitulatives en fin de présidence offrent une vue utile du mois.", "Nous encourageons chaque présidence à tenir des séances récapitulatives interactives."},
		{"Las sesiones de recapitulación al final de cada presidencia ofrecen una visión útil del mes.", "Alentamos a cada presidencia a celebrar sesiones de recapitulación interactivas."},
		{"每个主席任期结束时的总结会议为广大会员国提供了有益的视角。", "我们鼓励每任主席举行互动式总结会议。"},
	},
	"annual-report": {
		{"The annual report of the Security Council should be more analytical and less descriptive.", "The report must reach the General Assembly in time for a substantive debate."},
		{"Le rapport annuel du Conseil de sécurité devrait être plus analytique.", "Le rapport doit parvenir à l'Assemblée générale à temps."},
		{"El informe anual del Consejo de Seguridad debería ser más analítico.", "El informe debe llegar a la Asamblea General a tiempo."},
		{"安全理事会年度报告应更具分析性。", "报告必须及时提交大会。"},
	},
	"transparency": {
		{"Transparency and accountability of the Council are owed to the wider membership.", "Greater openness in the working methods of the Council remains essential."},
		{"La transparence et la responsabilité du Conseil sont dues à l'ensemble des Membres.", "Une plus grande ouverture des méthodes de travail demeure essentielle."},
		{"La transparencia y la rendición de cuentas del Consejo se deben al conjunto de los Miembros.", "Una mayor apertura de los métodos de trabajo sigue siendo esencial."},
		{"安理会的透明度和问责是对广大会员国的责任。", "安理会工作方法更加开放仍然至关重要。"},
	},
	"open-debates": {
		{"Open debates allow non-members to contribute to the deliberations of the Council.", "The number of open debates has grown while their influence on outcomes has not."},
		{"Les débats publics permettent aux non-membres de contribuer aux délibérations du Conseil.", "Le nombre de débats publics a augmenté sans que leur influence ne suive."},
		{"Los debates abiertos permiten a los no miembros contribuir a las deliberaciones del Consejo.", "El número de debates abiertos ha crecido sin que aumente su influencia."},
		{"公开辩论使非成员能够参与安理会的审议。", "公开辩论的数量增加了，但其影响没有增加。"},
	},
	"virtual-meetings": {
		{"Videoconferences kept the Council working when it could not meet in person.", "The status of virtual meetings as formal meetings of the Council must be clarified."},
		{"Les visioconférences ont permis au Conseil de continuer à travailler.", "Le statut des réunions virtuelles en tant que séances officielles doit être précisé."},
		{"Las videoconferencias permitieron al Consejo seguir trabajando.", "Debe aclararse la condición de las reuniones virtuales como sesiones oficiales."},
		{"视频会议使安理会在无法面对面开会时继续工作。", "必须澄清虚拟会议作为正式会议的地位。"},
	},
	"subsidiary-bodies": {
		{"The chairs of subsidiary bodies should be selected through a transparent and timely process.", "Sanctions committees should brief the wider membership on their work."},
		{"Les présidents des organes subsidiaires devraient être choisis selon un processus transparent.", "Les comités des sanctions devraient informer l'ensemble des Membres."},
		{"Los presidentes de los órganos subsidiarios deberían elegirse mediante un proceso transparente.", "Los comités de sanciones deberían informar al conjunto de los Miembros."},
		{"附属机构主席应通过透明和及时的程序选出。", "制裁委员会应向广大会员国通报其工作。"},
	},
	"council-reform": {
		{"Enlargement of the Council in both categories of membership is long overdue.", "The intergovernmental negotiations must move to text-based negotiations."},
		{"L'élargissement du Conseil dans les deux catégories de membres n'a que trop tardé.", "Les négociations intergouvernementales doivent passer à un texte."},
		{"La ampliación del Consejo en ambas categorías de miembros es una tarea pendiente.", "Las negociaciones intergubernamentales deben pasar a un texto."},
		{"安理会两类成员的扩大早该进行。", "政府间谈判必须转入基于案文的谈判。"},
	},
	"informal-formats": {
		{"Arria-formula meetings open the Council to voices it would not otherwise hear.", "Informal interactive dialogues should be used more often."},
		{"Les réunions selon la formule Arria ouvrent le Conseil à d'autres voix.", "Les dialogues interactifs informels devraient être plus fréquents."},
		{"Las reuniones con arreglo a la fórmula Arria abren el Consejo a otras voces.", "Los diálogos interactivos oficiosos deberían utilizarse más a menudo."},
		{"阿里亚办法会议使安理会能够听到其他声音。", "应更经常地举行非正式互动对话。"},
	},
}

// fillers are theme-neutral sentences, aligned across the four languages;
// "%s" is replaced by generated words.
var fillers = [4][]string{
	{"We thank the President for convening this meeting on %s.", "My delegation aligns itself with the statement on %s.", "The Council met %s times during the period under review.", "We take note of the report and of the work on %s.", "This debate on %s is an opportunity for reflection."},
	{"Nous remercions le Président d'avoir convoqué cette séance sur %s.", "Ma délégation s'associe à la déclaration sur %s.", "Le Conseil s'est réuni %s fois pendant la période considérée.", "Nous prenons note du rapport et des travaux sur %s.", "Ce débat sur %s est l'occasion d'une réflexion."},
	{"Damos las gracias al Presidente por convocar esta sesión sobre %s.", "Mi delegación hace suya la declaración sobre %s.", "El Consejo se reunió %s veces durante el período examinado.", "Tomamos nota del informe y de la labor sobre %s.", "Este debate sobre %s es una ocasión para reflexionar."},
	{"我们感谢主席召开关于%s的会议。", "我国代表团赞同关于%s的发言。", "安理会在审查期间举行了%s次会议。", "我们注意到报告和关于%s的工作。", "关于%s的辩论是一个反思的机会。"},
}

var langIndex = map[string]int{"en": 0, "fr": 1, "es": 2, "zh": 3}

// proposalSentence reports whether a theme sentence makes a request.
func proposalSentence(s string) bool {
	for _, m := range []string{"call on", "encourage", "should", "must", "demandons", "encourageons", "devrai", "doivent", "instamos", "alentamos", "deberían", "deben", "呼吁", "鼓励", "应", "必须"} {
		if strings.Contains(s, m) {
			return true
		}
	}
	return false
}

// ThemeIDs lists the themes of the generated corpus, sorted.
func ThemeIDs() []string {
	ids := make([]string, 0, len(ThemeSentences))
	for id := range ThemeSentences {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	return ids
}

// vocabulary is a set of made-up words drawn with a skewed distribution
// so that generated text has a realistic spread of rare and common terms.
func vocabulary(r *rand.Rand, n int) []string {
	syll := []string{"ka", "lo", "mi", "ne", "ru", "sa", "to", "vi", "da", "po", "le", "ri", "ma", "nu", "te", "zo", "ba", "ki", "se", "fa"}
	seen := map[string]bool{}
	out := make([]string, 0, n)
	for len(out) < n {
		k := 2 + r.IntN(3)
		var b strings.Builder
		for i := 0; i < k; i++ {
			b.WriteString(syll[r.IntN(len(syll))])
		}
		w := b.String()
		if !seen[w] {
			seen[w] = true
			out = append(out, w)
		}
	}
	return out
}

// sentence plan of a paragraph, rendered identically in every language.
type sentencePlan struct {
	theme string // "" for a filler
	idx   int
	words string
}

// Generate returns a corpus of at least opts.Paragraphs English paragraphs
// in whole records, plus the requested language versions.
func Generate(opts Options) []Doc {
	r := rand.New(rand.NewPCG(uint64(opts.Seed), 0x5cde6a7e))
	g := &planner{r: r, vocab: vocabulary(r, 4000), themes: ThemeIDs()}
	g.zipf = rand.NewZipf(r, 1.1, 2, uint64(len(g.vocab)-1))
	every := opts.VersionsEvery
	if every <= 0 {
		every = 10
	}

	var docs []Doc
	paragraphs := 0
	for rec := 0; paragraphs < opts.Paragraphs; rec++ {
		session := 50 + rec%30
		m := meetingPlan{session: session, meeting: 20 + rec/30}
		m.date = fmt.Sprintf("%04d-%02d-%02d", 1945+session, 9+r.IntN(4), 1+r.IntN(28))
		m.symbol = fmt.Sprintf("A/%d/PV.%d", session, m.meeting)
		nSpeeches := 6 + r.IntN(10)
		for s := 0; s < nSpeeches; s++ {
			sp := g.speech(s)
			paragraphs += len(sp.paras)
			m.speeches = append(m.speeches, sp)
		}
		langs := []string{"en"}
		if rec%every == 0 {
			langs = append(langs, opts.Versions...)
		}
		for _, lang := range langs {
			docs = append(docs, m.render(opts.Seed, lang))
		}
	}
	return docs
}

// planner draws the plans of generated speeches.
type planner struct {
	r      *rand.Rand
	vocab  []string
	zipf   *rand.Zipf
	themes []string
}

// speechPlan is a speech of a generated record, rendered alike in every
// language.
type speechPlan struct {
	country Country
	group   *Group
	paras   [][]sentencePlan
	pres    bool
}

// meetingPlan is a generated record, before it is rendered in a language.
type meetingPlan struct {
	session, meeting int
	date, symbol     string
	speeches         []speechPlan
}

// speech draws the plan of the s-th speech of a record: the first is the
// President's, one in six of the others speaks for a group.
func (g *planner) speech(s int) speechPlan {
	r := g.r
	sp := speechPlan{country: Countries[r.IntN(len(Countries))]}
	if s == 0 {
		sp.pres = true
	} else if r.IntN(6) == 0 {
		sp.group = &Groups[r.IntN(len(Groups))]
	}
	nParas := 2 + r.IntN(6)
	for p := 0; p < nParas; p++ {
		var plan []sentencePlan
		for t := r.IntN(3); t > 0; t-- {
			th := g.themes[r.IntN(len(g.themes))]
			plan = append(plan, sentencePlan{theme: th, idx: r.IntN(len(ThemeSentences[th][0]))})
		}
		for f := 1 + r.IntN(3); f > 0; f-- {
			var w []string
			for k := 1 + r.IntN(3); k > 0; k-- {
				w = append(w, g.vocab[g.zipf.Uint64()])
			}
			plan = append(plan, sentencePlan{idx: r.IntN(len(fillers[0])), words: strings.Join(w, " ")})
		}
		r.Shuffle(len(plan), func(i, j int) { plan[i], plan[j] = plan[j], plan[i] })
		sp.paras = append(sp.paras, plan)
	}
	return sp
}

// render is the record and annotation of the meeting in lang.
func (m *meetingPlan) render(seed int64, lang string) Doc {
	sum := sha256.Sum256(fmt.Appendf(nil, "%d/%s/%s", seed, m.symbol, lang))
	record := &corpus.Record{
		Symbol: m.symbol, Body: "General Assembly", Kind: corpus.KindVerbatim, Language: lang,
		Session: corpus.Int(m.session), Meeting: corpus.Int(m.meeting), Date: m.date,
		Source: corpus.Source{Path: m.symbol + "." + lang + ".pdf", SHA256: hex.EncodeToString(sum[:]), Format: "pdf"},
	}
	ann := &analysis.Annotation{Version: analysis.AnnotationVersion, RecordSHA256: record.Source.SHA256, Symbol: m.symbol, Language: lang, TaxonomyHash: TaxonomyHash}
	page := 1
	for s, sp := range m.speeches {
		speech, sa := sp.render(s, lang, &page)
		record.Speeches = append(record.Speeches, speech)
		ann.Speeches = append(ann.Speeches, sa)
	}
	record.Source.Pages = page
	return Doc{Record: record, Annotation: ann}
}

// render is the s-th speech of a record in lang, with its annotation;
// page is the page it starts on, moved on as its paragraphs fill pages.
func (sp *speechPlan) render(s int, lang string, page *int) (corpus.Speech, analysis.SpeechAnnotation) {
	li := langIndex[lang]
	speech := corpus.Speech{Seq: s + 1}
	sa := analysis.SpeechAnnotation{Seq: s + 1}
	if sp.pres {
		speech.Speaker, speech.Role = "The President", corpus.RolePresident
	} else {
		speech.Speaker = "Mr. Speaker" + sp.country.Code
		speech.Name = "Speaker" + sp.country.Code
		speech.Role = corpus.RoleMemberState
		speech.Delegation = sp.country.Name
		speech.CountryCode = sp.country.Code
	}
	if sp.group != nil {
		speech.OnBehalfOf = []string{sp.group.Name}
		sa.Groups = []analysis.GroupRef{{ID: sp.group.ID, Name: sp.group.Name, Members: sp.group.Members}}
	}
	sep := " "
	if lang == "zh" {
		sep = ""
	}
	speechThemes := map[string]bool{}
	for p, plan := range sp.paras {
		var text []string
		var pthemes []string
		proposal := false
		for _, sent := range plan {
			if sent.theme != "" {
				s := ThemeSentences[sent.theme][li][sent.idx]
				text = append(text, s)
				pthemes = append(pthemes, sent.theme)
				speechThemes[sent.theme] = true
				proposal = proposal || proposalSentence(s)
			} else {
				text = append(text, fmt.Sprintf(fillers[li][sent.idx], sent.words))
			}
		}
		if (s+p)%5 == 4 {
			*page++
		}
		speech.Paragraphs = append(speech.Paragraphs, corpus.Paragraph{N: p + 1, Page: *page, Text: strings.Join(text, sep)})
		sa.Paragraphs = append(sa.Paragraphs, analysis.ParagraphAnnotation{N: p + 1, Themes: uniq(pthemes), Proposal: proposal})
	}
	for th := range speechThemes {
		sa.Themes = append(sa.Themes, th)
	}
	slices.Sort(sa.Themes)
	return speech, sa
}

func uniq(in []string) []string {
	var out []string
	seen := map[string]bool{}
	for _, s := range in {
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	slices.Sort(out)
	return out
}

// Write stores the records and annotations in a workspace.
func Write(ws *corpus.Workspace, docs []Doc) error {
	for _, d := range docs {
		if _, err := ws.Records().Put(d.Record); err != nil {
			return err
		}
		if d.Annotation != nil {
			if err := analysis.WriteAnnotation(ws, d.Annotation); err != nil {
				return err
			}
		}
	}
	return nil
}
