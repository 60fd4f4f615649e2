package corpus

import (
	"regexp"
	"slices"
	"strings"
)

// Debates a record can be part of, from its agenda items. They are the
// context theme coding reads a passage in (in the Assembly's debate on the
// Council's report, "the report" is that report) and the values reports
// filter records by.
const (
	// DebateReport is the General Assembly's debate on the report of the
	// Security Council (the item "Report of the Security Council"), often
	// held jointly with the item on Council reform.
	DebateReport = "report"
	// DebateReform is the Assembly's debate on the question of equitable
	// representation on and increase in the membership of the Council,
	// held on its own.
	DebateReform = "reform"
	// DebateWorkingMethods is a Council debate on its working methods
	// (the item "Working methods of the Security Council" or the
	// implementation of the note by its President, S/2017/507).
	DebateWorkingMethods = "working-methods"
	// DebateOther is any other meeting or document.
	DebateOther = "other"
)

// Debates lists the debate values, the most specific first.
var Debates = []string{DebateReport, DebateReform, DebateWorkingMethods, DebateOther}

// agendaSubjects recognise, per debate, the titles of the agenda items that
// make a record part of it, as the six official languages print them (and
// as 1990s records print them, in capitals). A title is matched from its
// start, so that "Report of the Security Council Committee ..." or another
// organ's report naming the Council is not the item.
var agendaSubjects = []struct {
	debate string
	re     *regexp.Regexp
}{
	{DebateReport, regexp.MustCompile(`(?i)^(?:` +
		`report of the security council|` +
		`rapport du conseil de s[ée]curit[ée]|` +
		`informe del consejo de seguridad|` +
		`доклад совета безопасности|` +
		`安全理事会(?:的)?报告|` +
		`تقرير مجلس الأمن` +
		`)\s*(?:$|[(（:：,.;])`)},
	{DebateReform, regexp.MustCompile(`(?i)` +
		`equitable representation on and increase in the membership of the security council|` +
		`repr[ée]sentation [ée]quitable au conseil de s[ée]curit[ée]|` +
		`representaci[óo]n equitativa en el consejo de seguridad|` +
		`справедливо(?:м|го) представительств(?:е|а) в совете безопасности|` +
		`安全理事会席位公平分配|` +
		`التمثيل العادل في مجلس الأمن`)},
	{DebateWorkingMethods, regexp.MustCompile(`(?i)` +
		`working methods of the security council|` +
		`note by the president of the security council|` +
		`m[ée]thodes de travail du conseil de s[ée]curit[ée]|` +
		`note du pr[ée]sident du conseil de s[ée]curit[ée]|` +
		`m[ée]todos de trabajo del consejo de seguridad|` +
		`nota de la presidencia del consejo de seguridad|nota del presidente del consejo de seguridad|` +
		`методы работы совета безопасности|записки председателя совета безопасности|` +
		`安全理事会工作方法|安全理事会主席的说明|` +
		`أساليب عمل مجلس الأمن|مذكرة رئيس مجلس الأمن`)},
}

// subitemMark is the letter that numbers a sub-item: "(a) ".
var subitemMark = regexp.MustCompile(`^\s*\(?[a-z]\)\s*`)

// AgendaDebate returns the debate an agenda item's title belongs to
// (DebateReport, DebateReform, DebateWorkingMethods), or "" for any other
// item.
func AgendaDebate(title string) string {
	t := strings.Join(strings.Fields(strings.ReplaceAll(title, "\u00a0", " ")), " ")
	t = strings.TrimLeft(t, "0123456789. ")
	for _, s := range agendaSubjects {
		if s.re.MatchString(t) {
			return s.debate
		}
	}
	return ""
}

// AgendaDebates lists the distinct debates of the record's agenda items
// (their titles and the items listed under them), in the order of Debates;
// empty when no item is one of them.
func (r *Record) AgendaDebates() []string {
	seen := map[string]bool{}
	for _, it := range r.AgendaItems {
		if d := AgendaDebate(it.Title); d != "" {
			seen[d] = true
		}
		// A joint debate may list the report under another item's heading.
		for _, sub := range it.Subitems {
			if d := AgendaDebate(subitemMark.ReplaceAllString(sub, "")); d == DebateReport {
				seen[d] = true
			}
		}
	}
	var out []string
	for _, d := range Debates {
		if seen[d] {
			out = append(out, d)
		}
	}
	return out
}

// Debate is the debate a record belongs to, the context its passages are
// read in: DebateReport when one of its agenda items is the report of the
// Security Council (whatever else is debated jointly), else DebateReform,
// else DebateWorkingMethods, else DebateOther. Letters and records without
// agenda items are DebateOther.
func (r *Record) Debate() string {
	if ds := r.AgendaDebates(); len(ds) > 0 {
		return ds[0]
	}
	return DebateOther
}

// IsDebate reports whether d is one of the debate values.
func IsDebate(d string) bool { return slices.Contains(Debates, d) }

// debateNames name the debates for people, and are what a debate filter
// accepts besides the values.
var debateNames = map[string][]string{
	DebateReport:         {"the debate on the report of the Security Council", "report of the Security Council", "annual report"},
	DebateReform:         {"the debate on Security Council reform", "Council reform", "equitable representation"},
	DebateWorkingMethods: {"a debate on the Council's working methods", "working methods"},
	DebateOther:          {"another meeting or document"},
}

// DebateName names a debate for people: "the debate on the report of the
// Security Council"; an unknown value is returned as it is.
func DebateName(debate string) string {
	if names := debateNames[debate]; len(names) > 0 {
		return names[0]
	}
	return debate
}

// ResolveDebates reads the values of a debate filter (--agenda): each a
// debate value in any case ("report", "working-methods") or a name of it
// ("working methods", "Council reform"), each once, in the order given.
// Any other value is an *UnknownValueError with the nearest values.
func ResolveDebates(param string, values []string) ([]string, error) {
	var cands []Candidate
	for _, d := range Debates {
		cands = append(cands, Candidate{Keys: append([]string{d}, debateNames[d]...), Label: d})
	}
	var out []string
	for _, v := range values {
		if v = strings.TrimSpace(v); v == "" {
			continue
		}
		found := ""
		for _, c := range cands {
			if slices.ContainsFunc(c.Keys, func(k string) bool { return FoldKey(k) == FoldKey(v) }) {
				found = c.Label
			}
		}
		if found == "" {
			return nil, &UnknownValueError{Param: param, Value: v, What: "debate",
				Suggestions: Suggest(v, cands, FoldKey), Hint: "give " + strings.Join(Debates, ", ")}
		}
		if !slices.Contains(out, found) {
			out = append(out, found)
		}
	}
	return out, nil
}

// InDebates tells whether a record whose agenda belongs to the debates of
// agenda (Record.AgendaDebates; empty: none) is selected by a debate
// filter: one of its debates is among want, or it has none and want has
// DebateOther. An empty filter selects every record.
func InDebates(agenda, want []string) bool {
	if len(want) == 0 {
		return true
	}
	if len(agenda) == 0 {
		return slices.Contains(want, DebateOther)
	}
	return slices.ContainsFunc(agenda, func(d string) bool { return slices.Contains(want, d) })
}
