package reports

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"math/rand/v2"
	"strings"
	"sync"
	"testing"

	"github.com/scdebate/scdebate/analysis"
	"github.com/scdebate/scdebate/corpus"
)

// genConfig describes a generated corpus: deterministic for a seed, with
// themes that rise and fall across sessions, group statements and
// proposals, and (optionally) a second language version of every record.
type genConfig struct {
	Seed         uint64
	FirstSession int
	Sessions     int
	Meetings     int // per session
	Speeches     int // per meeting, the President's opening included
	Paragraphs   int // per speech, on average
	Sample       bool
	Counterpart  string // language of a second version of every record
	// Tricky puts quotes, commas, line breaks and formula-like text into
	// some paragraphs.
	Tricky bool
	// TaxonomyHash is the hash the annotations are written under (the
	// built-in taxonomy's when empty).
	TaxonomyHash string
	// OtherMeeting, when set, is the meeting of each session that is
	// another debate (on Council reform) instead of the debate on the
	// Council's report, as every other meeting is.
	OtherMeeting int
}

// testThemes are the theme IDs of the taxonomy contract.
var testThemes = []string{
	"virtual-meetings", "virtual-voting", "remote-participation", "open-debates", "civil-society",
	"press-elements", "consultations", "programme-of-work", "wrap-up-sessions", "compilation-letters",
	"note-507", "annual-report", "special-reports", "ga-sc-relations", "burden-sharing",
	"subsidiary-bodies", "veto", "council-reform", "transparency", "tcc-consultation",
	"sanctions-due-process", "informal-formats", "visiting-missions", "conflict-prevention",
	"pandemic", "peacebuilding-commission",
}

// testTaxonomy is the built-in taxonomy, which the generated corpus is
// coded with; parsed once.
var testTaxonomy = sync.OnceValue(func() *analysis.Taxonomy {
	tx, err := analysis.DefaultTaxonomy()
	if err != nil {
		panic(err)
	}
	return tx
})

// testThemeIDs maps the theme names of the built-in taxonomy (in English)
// to their IDs.
func testThemeIDs() map[string]string {
	out := map[string]string{}
	for _, th := range testTaxonomy().Themes {
		out[th.Name("en")] = th.ID
	}
	return out
}

type genState struct{ code, name string }

var genStates = []genState{
	{"ARG", "Argentina"}, {"AUS", "Australia"}, {"AUT", "Austria"}, {"BRA", "Brazil"}, {"CAN", "Canada"},
	{"CHE", "Switzerland"}, {"CHL", "Chile"}, {"CHN", "China"}, {"COL", "Colombia"}, {"CRI", "Costa Rica"},
	{"DEU", "Germany"}, {"DNK", "Denmark"}, {"EGY", "Egypt"}, {"ESP", "Spain"}, {"EST", "Estonia"},
	{"FIN", "Finland"}, {"FRA", "France"}, {"GBR", "United Kingdom"}, {"GHA", "Ghana"}, {"IDN", "Indonesia"},
	{"IND", "India"}, {"IRL", "Ireland"}, {"ITA", "Italy"}, {"JOR", "Jordan"}, {"JPN", "Japan"},
	{"KEN", "Kenya"}, {"KOR", "Republic of Korea"}, {"LIE", "Liechtenstein"}, {"MAR", "Morocco"},
	{"MEX", "Mexico"}, {"NGA", "Nigeria"}, {"NLD", "Netherlands"}, {"NOR", "Norway"}, {"NZL", "New Zealand"},
	{"PAK", "Pakistan"}, {"PER", "Peru"}, {"PRT", "Portugal"}, {"RUS", "Russian Federation"},
	{"SAU", "Saudi Arabia"}, {"SEN", "Senegal"}, {"SGP", "Singapore"}, {"SWE", "Sweden"}, {"TUR", "Türkiye"},
	{"URY", "Uruguay"}, {"USA", "United States"}, {"ZAF", "South Africa"},
}

type genGroup struct {
	id, name string
	members  []string
}

var genGroups = []genGroup{
	{"act", "Accountability, Coherence and Transparency group", []string{"AUT", "CHE", "CHL", "CRI", "DNK", "EST", "FIN", "IRL", "JOR", "LIE", "NOR", "NZL", "PER", "PRT", "SWE", "URY"}},
	{"g4", "Group of Four", []string{"BRA", "DEU", "IND", "JPN"}},
	{"ufc", "Uniting for Consensus", []string{"ARG", "CAN", "COL", "ITA", "KOR", "MEX", "PAK", "ESP", "TUR"}},
	{"african-group", "Group of African States", []string{"COD", "EGY", "GHA", "KEN", "MAR", "NGA", "SEN", "ZAF"}},
}

var genPhrases = []string{
	"The Council should hold more open debates and briefings with the wider membership",
	"we note the continued use of the veto despite the commitments made under the code of conduct",
	"the annual report remains descriptive and lacks the analytical content the Assembly has asked for",
	"penholdership should be shared more equitably with the elected members",
	"subsidiary bodies must work with greater transparency towards the wider membership",
	"troop- and police-contributing countries deserve timely consultation before mandates are renewed",
	"we welcome the briefers from civil society, including women and youth",
	"the Informal Working Group on Documentation has an important role in implementing note 507",
	"the pandemic showed the value of virtual meetings and of business continuity",
	"the relationship between the Council and the General Assembly must be strengthened",
	"enlargement of the Council in both categories remains long overdue",
	"Arria-formula meetings give non-members a voice that formal meetings do not",
	"visiting missions allow the Council to see the situation on the ground",
	"early warning and prevention should come before crisis response",
}

var genProposalKinds = []string{"call-on", "urge", "encourage", "should", "request"}

// stateAt picks the i-th speaking state of a meeting.
func genDocument(cfg genConfig, session, meeting int, lang string) (*corpus.Record, *analysis.Annotation) {
	r := rand.New(rand.NewPCG(cfg.Seed, uint64(session*1000+meeting)))
	symbol := fmt.Sprintf("A/%d/PV.%d", session, 20+meeting)
	if cfg.Sample {
		symbol = fmt.Sprintf("SAMPLE/A/%d/PV.%d", session, 20+meeting)
	}
	date := fmt.Sprintf("%d-11-%02d", 1945+session, 10+meeting)
	rec := &corpus.Record{
		Symbol: symbol, Body: "General Assembly", Kind: corpus.KindVerbatim, Language: lang,
		Session: corpus.Int(session), Meeting: corpus.Int(20 + meeting), Date: date, Sample: cfg.Sample,
		AgendaItems: []corpus.AgendaItem{{Number: "30", Title: "Report of the Security Council"}},
	}
	if meeting == cfg.OtherMeeting {
		rec.AgendaItems = []corpus.AgendaItem{{Number: "122", Title: "Question of equitable representation on and increase in the membership of the Security Council and related matters"}}
	}
	ann := &analysis.Annotation{
		Version: analysis.AnnotationVersion, Symbol: symbol, Language: lang, TaxonomyHash: cfg.TaxonomyHash,
	}
	if ann.TaxonomyHash == "" {
		ann.TaxonomyHash = testTaxonomy().Hash()
	}
	// Theme weights move with the session so that the trend sheet has
	// rising and falling themes.
	progress := 0.0
	if cfg.Sessions > 1 {
		progress = float64(session-cfg.FirstSession) / float64(cfg.Sessions-1)
	}
	weights := make([]float64, len(testThemes))
	for i := range weights {
		base := 0.2 + 0.8*float64((i*7)%len(testThemes))/float64(len(testThemes))
		switch i % 4 {
		case 0:
			weights[i] = base * (0.3 + 1.4*progress)
		case 1:
			weights[i] = base * (1.7 - 1.4*progress)
		default:
			weights[i] = base
		}
	}
	pickTheme := func() string {
		var total float64
		for _, w := range weights {
			total += w
		}
		x := r.Float64() * total
		for i, w := range weights {
			if x -= w; x < 0 {
				return testThemes[i]
			}
		}
		return testThemes[len(testThemes)-1]
	}
	page := 1
	for seq := 1; seq <= cfg.Speeches; seq++ {
		sp := corpus.Speech{Seq: seq, AgendaItem: "30"}
		sa := analysis.SpeechAnnotation{Seq: seq}
		if seq == 1 {
			sp.Speaker, sp.Role = "The President", corpus.RolePresident
		} else {
			st := genStates[r.IntN(len(genStates))]
			sp.Speaker, sp.Name = "Mr. "+st.name[:3]+"son", st.name[:3]+"son"
			sp.Role, sp.Delegation, sp.CountryCode = corpus.RoleMemberState, st.name, st.code
			if r.IntN(8) == 0 {
				sp.SpokeIn = []string{"French", "Spanish", "Arabic"}[r.IntN(3)]
			}
			if r.IntN(6) == 0 {
				g := genGroups[r.IntN(len(genGroups))]
				st := g.members[r.IntN(len(g.members))]
				for _, s := range genStates {
					if s.code == st {
						sp.Delegation, sp.CountryCode = s.name, s.code
					}
				}
				sp.OnBehalfOf = []string{g.name}
				sa.Groups = []analysis.GroupRef{{ID: g.id, Name: g.name, Members: g.members}}
			}
			if seq == cfg.Speeches && r.IntN(3) == 0 {
				sp.Reply = true
			}
		}
		n := cfg.Paragraphs/2 + r.IntN(cfg.Paragraphs+1)
		if seq == 1 {
			n = 2
		}
		themesSeen := map[string]bool{}
		for pn := 1; pn <= n; pn++ {
			if r.IntN(6) == 0 {
				page++
			}
			var text strings.Builder
			var sents []analysis.SentenceAnnotation
			var pthemes []string
			coded := seq > 1 && r.IntN(4) != 0
			if coded {
				pthemes = append(pthemes, pickTheme())
				if r.IntN(3) == 0 {
					if t := pickTheme(); t != pthemes[0] {
						pthemes = append(pthemes, t)
					}
				}
			}
			proposal := coded && r.IntN(3) == 0
			for k := 0; k < 2+r.IntN(3); k++ {
				s := genPhrases[r.IntN(len(genPhrases))]
				if lang != "en" {
					s = "[" + lang + "] " + s
				}
				s = strings.ToUpper(s[:1]) + s[1:] + "."
				sa := analysis.SentenceAnnotation{Text: s}
				if proposal && k == 0 {
					sa.Proposal = genProposalKinds[r.IntN(len(genProposalKinds))]
					sa.Themes = pthemes[:1]
				}
				sents = append(sents, sa)
				if k > 0 {
					text.WriteByte(' ')
				}
				text.WriteString(s)
			}
			if cfg.Tricky && pn == 1 && seq%5 == 2 {
				text.WriteString(` He said "enough", then paused,` + "\r\n" + `and continued; =SUM(A1:A2) is not a formula.`)
			}
			sp.Paragraphs = append(sp.Paragraphs, corpus.Paragraph{N: pn, Page: page, Text: text.String()})
			sa.Paragraphs = append(sa.Paragraphs, analysis.ParagraphAnnotation{
				N: pn, Themes: pthemes, Proposal: proposal, Sentences: sents,
			})
			for _, t := range pthemes {
				themesSeen[t] = true
			}
		}
		for _, t := range testThemes {
			if themesSeen[t] {
				sa.Themes = append(sa.Themes, t)
			}
		}
		rec.Speeches = append(rec.Speeches, sp)
		ann.Speeches = append(ann.Speeches, sa)
	}
	if lang == "en" {
		// Key phrases as the analysis counts them: steady ones, and one
		// that emerges in the later sessions.
		ann.KeyPhrases = map[string]int{
			"wider membership": 4 + r.IntN(3), "code of conduct": 3 + r.IntN(3), "annual report": 5 + r.IntN(2),
		}
		if n := (session - cfg.FirstSession) * 4; n > 0 {
			ann.KeyPhrases[genEmergingPhrase] = n
		}
	}
	rec.Source = corpus.Source{
		Path: "raw/" + corpus.Slug(symbol) + "." + lang + ".pdf", Pages: page, Format: "pdf",
		SHA256: genHash(cfg, symbol, lang),
	}
	ann.RecordSHA256 = rec.Source.SHA256
	return rec, ann
}

// genEmergingPhrase is the key phrase that appears from the second session
// of a generated corpus on.
const genEmergingPhrase = "artificial intelligence"

func genHash(cfg genConfig, symbol, lang string) string {
	sum := sha256.Sum256([]byte(fmt.Sprintf("%d|%s|%s", cfg.Seed, symbol, lang)))
	return hex.EncodeToString(sum[:])
}

// genDocuments yields the generated corpus in report order, building each
// document as it is asked for, so that a large corpus is never held whole.
func genDocuments(cfg genConfig) Documents {
	return func(yield func(*Document, error) bool) {
		for s := 0; s < cfg.Sessions; s++ {
			for m := 1; m <= cfg.Meetings; m++ {
				session := cfg.FirstSession + s
				rec, ann := genDocument(cfg, session, m, "en")
				doc := &Document{Record: rec, Annotation: ann}
				if cfg.Counterpart != "" {
					doc.Counterpart, _ = genDocument(cfg, session, m, cfg.Counterpart)
				}
				if !yield(doc, nil) {
					return
				}
			}
		}
	}
}

// genWorkspace stores the generated corpus (and its counterpart versions)
// in a new workspace.
func genWorkspace(t testing.TB, cfg genConfig) *corpus.Workspace {
	t.Helper()
	ws, err := corpus.OpenWorkspace(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	langs := []string{"en"}
	if cfg.Counterpart != "" {
		langs = append(langs, cfg.Counterpart)
	}
	for s := 0; s < cfg.Sessions; s++ {
		for m := 1; m <= cfg.Meetings; m++ {
			for _, lang := range langs {
				rec, ann := genDocument(cfg, cfg.FirstSession+s, m, lang)
				if _, err := ws.Records().Put(rec); err != nil {
					t.Fatal(err)
				}
				if err := analysis.WriteAnnotation(ws, ann); err != nil {
					t.Fatal(err)
				}
			}
		}
	}
	return ws
}
