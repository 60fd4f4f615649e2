package analysis

import (
	"bytes"
	"crypto/sha256"
	_ "embed"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"regexp"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/scdebate/scdebate/corpus"
	"go.yaml.in/yaml/v3"
)

// ThemeIDs are the theme identifiers of the default taxonomy. They are a
// contract: outputs, workbooks and every check refer to themes by them.
var ThemeIDs = []string{
	"virtual-meetings", "virtual-voting", "remote-participation", "open-debates",
	"civil-society", "press-elements", "consultations", "programme-of-work",
	"wrap-up-sessions", "compilation-letters", "note-507", "annual-report",
	"special-reports", "ga-sc-relations", "burden-sharing", "subsidiary-bodies",
	"veto", "council-reform", "transparency", "tcc-consultation",
	"sanctions-due-process", "informal-formats", "visiting-missions",
	"conflict-prevention", "pandemic", "peacebuilding-commission",
}

//go:embed themes.yaml
var defaultThemes []byte

// Theme is one theme of the taxonomy.
type Theme struct {
	ID string
	// Names are the theme's display names by language (ISO 639-1).
	Names map[string]string
	// Description says what the theme covers and where its scope ends.
	Description string
	// Terms are the words and phrases that signal the theme, by language.
	// A term is a phrase matched as a contiguous sequence of analysed
	// tokens; "a & b" requires both phrases in the same sentence, and
	// "a|b" either phrase. A phrase written "=a" keeps its stop words and
	// matches only with them, for wording whose sense lies in its function
	// words ("=for all of us"); "^a" matches its words as written, without
	// stemming ("^accountability" and not "accounts").
	Terms map[string][]string
	// Exclude are phrases, by language, that cancel a term match lying
	// inside them ("during the pandemic" as a mere time marker).
	Exclude map[string][]string
	// References are normalised references ("S/2017/507", "51/241",
	// "Article 27") whose citation signals the theme in any language.
	References []string
	// ReportTerms are terms, by language, that signal the theme only in the
	// Assembly's debate on the Council's report, where short forms name the
	// debate's subject ("the report", "this debate").
	ReportTerms map[string][]string
	// ReformTerms are terms, by language, that signal the theme only in a
	// record whose agenda holds the Assembly's debate on Council reform (on
	// its own or jointly with the report), where short forms ("the
	// negotiations", "this process") name the reform.
	ReformTerms map[string][]string
	// YieldsTo lists themes that take precedence: when one of them is coded
	// from the same words of a sentence, this theme is dropped. "*" means
	// any other theme in the same sentence.
	YieldsTo []string
}

// Subjects of a passage, named by the taxonomy's subjects section: a theme
// is coded only in a passage about the Security Council.
const (
	// SubjectCouncil lists names of the Security Council, its members and
	// its parts ("Security Council", "permanent members").
	SubjectCouncil = "council"
	// SubjectCouncilShort lists short names ("the Council") that name the
	// Security Council unless another council was named last.
	SubjectCouncilShort = "council_short"
	// SubjectOther lists names of other bodies (an agency, a court, a
	// parliament, another council): theme words in a passage about one of
	// them are not the Security Council's themes.
	SubjectOther = "other"
)

// SubjectKinds lists the subject kinds in the order the theme file gives
// them.
var SubjectKinds = []string{SubjectCouncil, SubjectCouncilShort, SubjectOther}

// Name returns the theme's name in lang, falling back to English, then to
// its ID.
func (t *Theme) Name(lang string) string {
	if n := t.Names[lang]; n != "" {
		return n
	}
	if n := t.Names["en"]; n != "" {
		return n
	}
	return t.ID
}

// Taxonomy is a validated, compiled set of themes.
type Taxonomy struct {
	Themes []*Theme
	// Subjects are, per subject kind (SubjectKinds), names by language
	// that tell what a passage is about. A file without them codes themes
	// by their words alone, whatever the passage is about.
	Subjects map[string]map[string][]string
	// Source names where the taxonomy was read from ("embedded" or a path).
	Source string
	hash   string
	byID   map[string]*Theme
	idx    map[string]int
	match  map[string]*langMatcher
	refs   map[string][]string
}

// Hash is the taxonomy's content hash; annotations are keyed by it, so that
// editing the taxonomy makes every stored annotation stale.
func (tx *Taxonomy) Hash() string { return tx.hash }

// Theme returns the theme with the given ID.
func (tx *Taxonomy) Theme(id string) (*Theme, bool) {
	t, ok := tx.byID[id]
	return t, ok
}

// TaxonomyError reports a problem in a theme file, with its place.
type TaxonomyError struct {
	File    string
	Line    int
	Theme   string
	Problem string
}

func (e *TaxonomyError) Error() string {
	var b strings.Builder
	b.WriteString(e.File)
	if e.Line > 0 {
		fmt.Fprintf(&b, ":%d", e.Line)
	}
	if e.Theme != "" {
		fmt.Fprintf(&b, ": theme %q", e.Theme)
	}
	b.WriteString(": ")
	b.WriteString(e.Problem)
	return b.String()
}

// TaxonomyErrors lists every problem found in a theme file, so that a user
// fixes them in one pass.
type TaxonomyErrors []*TaxonomyError

func (es TaxonomyErrors) Error() string {
	msgs := make([]string, len(es))
	for i, e := range es {
		msgs[i] = e.Error()
	}
	return strings.Join(msgs, "\n")
}

// Unwrap exposes the individual problems to errors.As.
func (es TaxonomyErrors) Unwrap() []error {
	out := make([]error, len(es))
	for i, e := range es {
		out[i] = e
	}
	return out
}

// MaxTaxonomySize bounds a theme file; a larger one is refused rather than
// parsed.
const MaxTaxonomySize = 8 << 20

// DefaultTaxonomy returns the embedded taxonomy.
func DefaultTaxonomy() (*Taxonomy, error) {
	return ParseTaxonomy("embedded themes.yaml", defaultThemes)
}

// DefaultTaxonomyYAML returns the embedded theme file, as a starting point
// for a user's own.
func DefaultTaxonomyYAML() []byte { return bytes.Clone(defaultThemes) }

// LoadTaxonomy reads a theme file; an empty path means the embedded default.
func LoadTaxonomy(path string) (*Taxonomy, error) {
	if path == "" {
		return DefaultTaxonomy()
	}
	st, err := os.Stat(path)
	if err != nil {
		return nil, fmt.Errorf("theme file: %w", err)
	}
	if st.Size() > MaxTaxonomySize {
		return nil, &TaxonomyError{File: path, Problem: fmt.Sprintf("file is %d bytes, more than the %d allowed", st.Size(), MaxTaxonomySize)}
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("theme file: %w", err)
	}
	return ParseTaxonomy(path, b)
}

var themeIDPattern = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// ParseTaxonomy parses and validates a theme file; file names it in errors.
func ParseTaxonomy(file string, data []byte) (*Taxonomy, error) {
	if len(data) > MaxTaxonomySize {
		return nil, &TaxonomyError{File: file, Problem: fmt.Sprintf("file is %d bytes, more than the %d allowed", len(data), MaxTaxonomySize)}
	}
	if !utf8.Valid(data) {
		return nil, &TaxonomyError{File: file, Line: invalidUTF8Line(data), Problem: "invalid UTF-8"}
	}
	var root yaml.Node
	if err := yaml.Unmarshal(data, &root); err != nil {
		return nil, &TaxonomyError{File: file, Line: yamlErrorLine(err), Problem: yamlLinePrefix.ReplaceAllString(strings.TrimPrefix(err.Error(), "yaml: "), "")}
	}
	p := &taxonomyParser{file: file}
	themes := p.document(&root)
	tx := &Taxonomy{Themes: themes, Subjects: p.subjects, Source: file, byID: map[string]*Theme{}, idx: map[string]int{}}
	for i, t := range themes {
		tx.byID[t.ID] = t
		tx.idx[t.ID] = i
	}
	for _, t := range themes {
		for _, y := range t.YieldsTo {
			if _, ok := tx.byID[y]; !ok && y != "*" && y != t.ID {
				p.fail(p.lines[t.ID+"/yields_to/"+y], t.ID, fmt.Sprintf("yields_to names unknown theme %q", y))
			}
			if y == t.ID {
				p.fail(p.lines[t.ID+"/yields_to/"+y], t.ID, "a theme cannot yield to itself")
			}
		}
	}
	if len(p.errs) == 0 {
		if err := tx.compile(p); err != nil {
			return nil, err
		}
	}
	if len(p.errs) > 0 {
		return nil, p.errs
	}
	sum := sha256.Sum256(data)
	tx.hash = hex.EncodeToString(sum[:8])
	return tx, nil
}

// taxonomyParser walks the YAML node tree so that every problem is reported
// with its line.
type taxonomyParser struct {
	file     string
	errs     TaxonomyErrors
	lines    map[string]int // "theme/field/value" -> line, for later checks
	subjects map[string]map[string][]string
}

// subjectsSection reads the subjects mapping: kind -> language -> names.
func (p *taxonomyParser) subjectsSection(v *yaml.Node) {
	if v.Kind != yaml.MappingNode {
		p.fail(v.Line, "", "subjects must be a mapping from "+strings.Join(SubjectKinds, ", ")+" to names by language")
		return
	}
	pseudo := &Theme{ID: "subjects"}
	for i := 0; i+1 < len(v.Content); i += 2 {
		kind := v.Content[i].Value
		if !slices.Contains(SubjectKinds, kind) {
			p.fail(v.Content[i].Line, "", fmt.Sprintf("subjects: unknown kind %q (expected %s)", kind, strings.Join(SubjectKinds, ", ")))
			continue
		}
		byLang := map[string][]string{}
		p.langMap(pseudo, v.Content[i+1], "subjects."+kind, func(lang string, s *yaml.Node) {
			for _, n := range p.stringList(pseudo, s, "subjects."+kind+"."+lang) {
				byLang[lang] = append(byLang[lang], n.Value)
				p.lines["subjects/"+kind+"/"+lang+"/"+n.Value] = n.Line
			}
		})
		p.subjects[kind] = byLang
	}
}

func (p *taxonomyParser) fail(line int, theme, problem string) {
	p.errs = append(p.errs, &TaxonomyError{File: p.file, Line: line, Theme: theme, Problem: problem})
}

func (p *taxonomyParser) document(root *yaml.Node) []*Theme {
	p.lines = map[string]int{}
	if root.Kind == 0 || len(root.Content) == 0 {
		p.fail(0, "", "empty file: expected a mapping with a themes list")
		return nil
	}
	doc := root.Content[0]
	if doc.Kind != yaml.MappingNode {
		p.fail(doc.Line, "", "expected a mapping with a themes list at the top")
		return nil
	}
	var themes []*Theme
	p.subjects = map[string]map[string][]string{}
	seenThemes := false
	for i := 0; i+1 < len(doc.Content); i += 2 {
		k, v := doc.Content[i], doc.Content[i+1]
		switch k.Value {
		case "version":
			if v.Value != "1" {
				p.fail(v.Line, "", fmt.Sprintf("unsupported version %q (this scdebate reads version 1)", v.Value))
			}
		case "themes":
			seenThemes = true
			if v.Kind != yaml.SequenceNode {
				p.fail(v.Line, "", "themes must be a list")
				continue
			}
			seen := map[string]int{}
			for _, tn := range v.Content {
				t := p.theme(tn)
				if t == nil {
					continue
				}
				if first, dup := seen[t.ID]; dup {
					p.fail(tn.Line, t.ID, fmt.Sprintf("duplicate theme id (first defined on line %d)", first))
					continue
				}
				seen[t.ID] = tn.Line
				themes = append(themes, t)
			}
		case "subjects":
			p.subjectsSection(v)
		default:
			p.fail(k.Line, "", fmt.Sprintf("unknown top-level key %q (expected version, subjects, themes)", k.Value))
		}
	}
	if !seenThemes {
		p.fail(doc.Line, "", "no themes list")
	} else if len(themes) == 0 && len(p.errs) == 0 {
		p.fail(doc.Line, "", "the themes list is empty")
	}
	return themes
}

func (p *taxonomyParser) theme(n *yaml.Node) *Theme {
	if n.Kind != yaml.MappingNode {
		p.fail(n.Line, "", "each theme must be a mapping with id, name, terms")
		return nil
	}
	t := &Theme{Names: map[string]string{}, Terms: map[string][]string{}, Exclude: map[string][]string{}, ReportTerms: map[string][]string{}, ReformTerms: map[string][]string{}}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == "id" {
			t.ID = n.Content[i+1].Value
		}
	}
	if t.ID == "" {
		p.fail(n.Line, "", "theme without an id")
		return nil
	}
	if !themeIDPattern.MatchString(t.ID) {
		p.fail(n.Line, t.ID, "id must be lower-case letters, digits and single dashes")
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		switch k.Value {
		case "id":
		case "name":
			if v.Kind == yaml.ScalarNode {
				t.Names["en"] = strings.TrimSpace(v.Value)
				continue
			}
			p.langMap(t, v, "name", func(lang string, s *yaml.Node) {
				if s.Kind != yaml.ScalarNode {
					p.fail(s.Line, t.ID, fmt.Sprintf("name.%s must be a string", lang))
					return
				}
				t.Names[lang] = strings.TrimSpace(s.Value)
			})
		case "description":
			if v.Kind != yaml.ScalarNode {
				p.fail(v.Line, t.ID, "description must be a string")
			}
			t.Description = strings.Join(strings.Fields(v.Value), " ")
		case "terms", "exclude", "report_terms", "reform_terms":
			field := k.Value
			p.langMap(t, v, field, func(lang string, s *yaml.Node) {
				for _, term := range p.stringList(t, s, field+"."+lang) {
					switch field {
					case "terms":
						t.Terms[lang] = append(t.Terms[lang], term.Value)
					case "exclude":
						t.Exclude[lang] = append(t.Exclude[lang], term.Value)
					case "report_terms":
						t.ReportTerms[lang] = append(t.ReportTerms[lang], term.Value)
					default:
						t.ReformTerms[lang] = append(t.ReformTerms[lang], term.Value)
					}
					p.lines[t.ID+"/"+field+"/"+lang+"/"+term.Value] = term.Line
				}
			})
		case "references":
			for _, r := range p.stringList(t, v, "references") {
				t.References = append(t.References, r.Value)
				p.lines[t.ID+"/references/"+r.Value] = r.Line
			}
		case "yields_to":
			for _, y := range p.stringList(t, v, "yields_to") {
				t.YieldsTo = append(t.YieldsTo, y.Value)
				p.lines[t.ID+"/yields_to/"+y.Value] = y.Line
			}
		default:
			p.fail(k.Line, t.ID, fmt.Sprintf("unknown key %q (expected id, name, description, terms, report_terms, reform_terms, exclude, references, yields_to)", k.Value))
		}
	}
	if t.Names["en"] == "" {
		p.fail(n.Line, t.ID, "no English name (name.en)")
	}
	nTerms := len(t.References)
	for _, ts := range t.Terms {
		nTerms += len(ts)
	}
	if nTerms == 0 {
		p.fail(n.Line, t.ID, "no terms and no references: the theme could never be coded")
	}
	return t
}

func (p *taxonomyParser) langMap(t *Theme, v *yaml.Node, field string, each func(lang string, n *yaml.Node)) {
	if v.Kind != yaml.MappingNode {
		p.fail(v.Line, t.ID, field+" must be a mapping from language code (en, fr, es, zh, ar, ru) to values")
		return
	}
	for i := 0; i+1 < len(v.Content); i += 2 {
		lang := v.Content[i].Value
		if !corpus.IsLanguage(lang) {
			p.fail(v.Content[i].Line, t.ID, fmt.Sprintf("%s: unknown language %q (expected one of %s)", field, lang, strings.Join(corpus.Languages, ", ")))
			continue
		}
		each(lang, v.Content[i+1])
	}
}

func (p *taxonomyParser) stringList(t *Theme, v *yaml.Node, field string) []*yaml.Node {
	if v.Kind == yaml.ScalarNode && v.Tag == "!!null" {
		return nil
	}
	if v.Kind != yaml.SequenceNode {
		p.fail(v.Line, t.ID, field+" must be a list of strings")
		return nil
	}
	var out []*yaml.Node
	for _, s := range v.Content {
		if s.Kind != yaml.ScalarNode {
			p.fail(s.Line, t.ID, field+": each entry must be a string")
			continue
		}
		if strings.TrimSpace(s.Value) == "" {
			p.fail(s.Line, t.ID, field+": empty entry")
			continue
		}
		out = append(out, s)
	}
	return out
}

var (
	yamlLinePattern = regexp.MustCompile(`line (\d+)`)
	yamlLinePrefix  = regexp.MustCompile(`^line \d+: `)
)

func yamlErrorLine(err error) int {
	m := yamlLinePattern.FindStringSubmatch(err.Error())
	if m == nil {
		return 0
	}
	n := 0
	fmt.Sscan(m[1], &n)
	return n
}

func invalidUTF8Line(b []byte) int {
	line := 1
	for len(b) > 0 {
		r, size := utf8.DecodeRune(b)
		if r == utf8.RuneError && size <= 1 {
			return line
		}
		if r == '\n' {
			line++
		}
		b = b[size:]
	}
	return line
}

// TermCounts gives, per language, how many terms a theme has.
func (t *Theme) TermCounts() map[string]int {
	out := map[string]int{}
	for lang, ts := range t.Terms {
		out[lang] = len(ts)
	}
	return out
}

// IDs returns the theme IDs in taxonomy order.
func (tx *Taxonomy) IDs() []string {
	out := make([]string, len(tx.Themes))
	for i, t := range tx.Themes {
		out[i] = t.ID
	}
	return out
}

// sortThemes orders theme IDs by their place in the taxonomy, so that
// outputs are stable and follow the file.
func (tx *Taxonomy) sortThemes(ids []string) []string {
	order := make(map[string]int, len(tx.Themes))
	for i, t := range tx.Themes {
		order[t.ID] = i
	}
	sort.Slice(ids, func(i, j int) bool { return order[ids[i]] < order[ids[j]] })
	return ids
}

// hasHan reports whether s contains a Han character.
func hasHan(s string) bool {
	for _, r := range s {
		if unicode.Is(unicode.Han, r) {
			return true
		}
	}
	return false
}

var errNoTokens = errors.New("analyses to no tokens (only stop words or punctuation?)")
