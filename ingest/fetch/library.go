package fetch

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"net/url"
	"path"
	"regexp"
	"sort"
	"strconv"
	"strings"
)

// The agenda item this tool is about, and the Council-reform item it has
// often been debated with, as the Assembly's agendas title them.
const (
	ReportItemTitle = "Report of the Security Council"
	ReformItemTitle = "Question of equitable representation on and increase in the membership of the Security Council and related matters"
)

// Library discovers meetings in the UN Digital Library's search, which
// answers MARCXML (of=xm). The fields read follow the UNBIS conventions:
// 191 $a the document symbol of a meeting record; 791 $a the meeting a
// speech record (one statement, from the Index to Speeches) belongs to,
// such a record having no 191; 991 the agenda ($a agenda document symbol,
// $b item number, $c item title, $d subject); 992 $a the meeting date and
// 269 $a the document date; 856 the file links of a meeting record ($u
// URL, $y the language's name in that language, $s the size, $9 an
// identifier; $3 in older exports).
type Library struct {
	// BaseURL replaces https://digitallibrary.un.org.
	BaseURL string
	// Client defaults to NewClient(HTTPOptions{}).
	Client *Client
	// PageSize is the number of records asked for per page; 0: 100.
	PageSize int
	// MaxRecords stops paging; 0: 1000.
	MaxRecords int
}

// AgendaRef is an agenda item a meeting considered, from field 991.
type AgendaRef struct {
	// Agenda is the agenda document's symbol ("A/75/251").
	Agenda string `json:"agenda,omitempty"`
	Item   string `json:"item,omitempty"`
	Title  string `json:"title,omitempty"`
}

// Meeting is a plenary meeting found in the Digital Library.
type Meeting struct {
	Symbol  string
	Session int
	Number  int
	// Date is the meeting date (992, else 269), ISO; "" when absent.
	Date string
	// Joint is set when the meeting also considered the Council-reform item.
	Joint       bool
	AgendaItems []AgendaRef
	// Files maps a language code to the meeting record's file link.
	Files map[string]string
	// RecordURL is the meeting record's page in the Digital Library; ""
	// when only speech records name the meeting.
	RecordURL string
	// Speeches is the number of speech records filed under the report
	// item that name this meeting.
	Speeches int
}

func (l *Library) base() string {
	if l.BaseURL == "" {
		return DefaultLibraryBaseURL
	}
	return strings.TrimRight(l.BaseURL, "/")
}

func (l *Library) client() *Client {
	if l.Client == nil {
		l.Client = NewClient(HTTPOptions{})
	}
	return l.Client
}

// SessionQuery is the search sent for a session: its plenary verbatim
// records filed under the report item. The search engine's matching is
// loose; records are filtered again on their fields.
func SessionQuery(session int) string {
	return fmt.Sprintf("documentsymbol:A/%d/PV.* AND agenda:'%s'", session, ReportItemTitle)
}

// SearchURL is the address of one page of a MARCXML search, start being
// 1-based.
func (l *Library) SearchURL(query string, start int) string {
	size := l.PageSize
	if size <= 0 {
		size = 100
	}
	v := url.Values{}
	v.Set("p", query)
	v.Set("of", "xm")
	v.Set("rg", strconv.Itoa(size))
	v.Set("jrec", strconv.Itoa(start))
	v.Set("ln", "en")
	return l.base() + "/search?" + v.Encode()
}

// Search runs query page by page. Each page starts (jrec) after the records
// received so far — the engine may send fewer than asked for — and paging
// stops once the total the engine reports is reached, or, when it reports
// none, at an empty page; MaxRecords bounds it. A page that comes back empty
// before the reported total is an error: the answer would be incomplete.
func (l *Library) Search(ctx context.Context, query string) ([]MARCRecord, error) {
	max := l.MaxRecords
	if max <= 0 {
		max = 1000
	}
	var all []MARCRecord
	total := -1
	for start := 1; len(all) < max; {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		u := l.SearchURL(query, start)
		body, hdr, err := l.client().GetBody(ctx, u, "application/marcxml+xml, application/xml;q=0.9, */*;q=0.1")
		if err != nil {
			return nil, fmt.Errorf("digital library search %s: %w", u, err)
		}
		coll, err := parseSearchAnswer(body, hdr)
		if err != nil {
			return nil, fmt.Errorf("digital library search %s: %w", u, err)
		}
		if coll.Total >= 0 {
			total = coll.Total
		}
		if len(coll.Records) == 0 {
			if total >= 0 && start-1 < min(total, max) {
				return nil, fmt.Errorf("digital library search %s: the search reported %d results but gave none from record %d on", u, total, start)
			}
			break
		}
		all = append(all, coll.Records...)
		start += len(coll.Records)
		if total >= 0 && start-1 >= total {
			break
		}
	}
	if len(all) > max {
		all = all[:max]
	}
	return all, nil
}

// parseSearchAnswer parses a search answer, explaining the usual way a
// search service fails to give MARCXML: an HTML page.
func parseSearchAnswer(body []byte, hdr http.Header) (*MARCCollection, error) {
	trimmed := bytes.TrimSpace(body)
	if len(trimmed) == 0 {
		return nil, fmt.Errorf("empty answer (Content-Type %q)", hdr.Get("Content-Type"))
	}
	lower := bytes.ToLower(trimmed[:min(len(trimmed), 64)])
	if bytes.HasPrefix(lower, []byte("<!doctype html")) || bytes.HasPrefix(lower, []byte("<html")) {
		return nil, fmt.Errorf("an HTML page, not MARCXML (Content-Type %q, starting %s)", hdr.Get("Content-Type"), quoteHead(trimmed))
	}
	coll, err := ParseMARCXML(bytes.NewReader(body))
	if err != nil {
		return nil, fmt.Errorf("%w (Content-Type %q, starting %s)", err, hdr.Get("Content-Type"), quoteHead(trimmed))
	}
	return coll, nil
}

// Discover returns the plenary meetings of session that considered the
// report item, in meeting order.
func (l *Library) Discover(ctx context.Context, session int) ([]Meeting, error) {
	recs, err := l.Search(ctx, SessionQuery(session))
	if err != nil {
		return nil, err
	}
	return MeetingsFromRecords(recs, session, l.base()), nil
}

var pvSymbolRE = regexp.MustCompile(`^A/(\d+)/PV\.(\d+)$`)

// MeetingsFromRecords keeps the records that are plenary verbatim records of
// session filed under the report item, one Meeting per symbol, in meeting
// order. libraryBase makes the record links.
func MeetingsFromRecords(recs []MARCRecord, session int, libraryBase string) []Meeting {
	bySymbol := map[string]*Meeting{}
	for i := range recs {
		m, ok := meetingFromRecord(&recs[i], libraryBase)
		if !ok || m.Session != session {
			continue
		}
		if prev, dup := bySymbol[m.Symbol]; dup {
			mergeMeeting(prev, &m)
			continue
		}
		bySymbol[m.Symbol] = &m
	}
	out := make([]Meeting, 0, len(bySymbol))
	for _, m := range bySymbol {
		out = append(out, *m)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Number < out[j].Number })
	return out
}

// mergeMeeting folds a second record of the same meeting into the first.
func mergeMeeting(dst, src *Meeting) {
	if dst.Date == "" {
		dst.Date = src.Date
	}
	if dst.RecordURL == "" {
		dst.RecordURL = src.RecordURL
	}
	dst.Speeches += src.Speeches
	dst.Joint = dst.Joint || src.Joint
	for lang, u := range src.Files {
		if _, ok := dst.Files[lang]; !ok {
			dst.Files[lang] = u
		}
	}
}

func meetingFromRecord(rec *MARCRecord, libraryBase string) (Meeting, bool) {
	var m Meeting
	speech := false
	if !pvSymbolField(rec, "191", &m) {
		// A speech record names its meeting in 791 and has no 191 of its
		// own.
		if len(rec.DataFields("191")) > 0 || !pvSymbolField(rec, "791", &m) {
			return m, false
		}
		speech = true
		m.Speeches = 1
	}
	report := false
	for _, f := range rec.DataFields("991") {
		ref := AgendaRef{Agenda: f.Value("a"), Item: f.Value("b"), Title: f.Value("c")}
		m.AgendaItems = append(m.AgendaItems, ref)
		switch t := normTitle(ref.Title); {
		case t == normTitle(ReportItemTitle):
			report = true
		case isReformTitle(t):
			m.Joint = true
		}
	}
	if !report {
		return m, false
	}
	for _, tag := range []string{"992", "269"} {
		for _, f := range rec.DataFields(tag) {
			if d := isoDate(f.Value("a")); d != "" {
				m.Date = d
				break
			}
		}
		if m.Date != "" {
			break
		}
	}
	m.Files = map[string]string{}
	if speech {
		return m, true
	}
	for _, f := range rec.DataFields("856") {
		u := f.Value("u")
		if u == "" || !strings.HasSuffix(strings.ToLower(path.Ext(strings.SplitN(u, "?", 2)[0])), "pdf") && !strings.EqualFold(f.Value("q"), "pdf") {
			continue
		}
		lang := languageCode(f.Value("y"))
		if lang == "" {
			lang = languageCode(f.Value("3"))
		}
		if lang == "" {
			lang = languageFromFileName(u)
		}
		if lang != "" {
			if _, ok := m.Files[lang]; !ok {
				m.Files[lang] = rebase(u, libraryBase)
			}
		}
	}
	if id := rec.Control["001"]; id != "" {
		m.RecordURL = libraryBase + "/record/" + url.PathEscape(id)
	}
	return m, true
}

// pvSymbolField reads a plenary verbatim record symbol from the first
// field with tag that has one, filling m's symbol, session and number.
func pvSymbolField(rec *MARCRecord, tag string, m *Meeting) bool {
	for _, f := range rec.DataFields(tag) {
		sym := strings.TrimSpace(f.Value("a"))
		if g := pvSymbolRE.FindStringSubmatch(sym); g != nil {
			m.Symbol = sym
			m.Session, _ = strconv.Atoi(g[1])
			m.Number, _ = strconv.Atoi(g[2])
			return m.Session != 0
		}
	}
	return false
}

// rebase points a link to the library at base, so that a mirror or a test
// server standing in for the library also serves its files.
func rebase(u, base string) string {
	if rest, ok := strings.CutPrefix(u, DefaultLibraryBaseURL+"/"); ok {
		return strings.TrimRight(base, "/") + "/" + rest
	}
	return u
}

// normTitle folds an agenda title for comparison: case, spacing, a final
// full stop.
func normTitle(s string) string {
	s = strings.Join(strings.Fields(strings.ToLower(s)), " ")
	return strings.TrimRight(s, " .:;")
}

// isReformTitle recognises the Council-reform item, whose title's tail
// ("and related matters", "and other matters related to the Security
// Council") has varied.
func isReformTitle(t string) bool {
	return strings.HasPrefix(t, "question of equitable representation on and increase in the membership of the security council")
}

// isoDate reads the dates the catalogue uses, "2021-06-11" or "20210611".
func isoDate(s string) string {
	s = strings.TrimSpace(s)
	switch {
	case len(s) == 10 && s[4] == '-' && s[7] == '-' && allDigits(s[:4]+s[5:7]+s[8:]):
		return s
	case len(s) == 8 && allDigits(s):
		return s[:4] + "-" + s[4:6] + "-" + s[6:]
	}
	return ""
}

func allDigits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return s != ""
}

// languageCode maps a language label of field 856 (in English or in the
// language itself) to its code.
func languageCode(label string) string {
	switch strings.ToLower(strings.TrimSpace(label)) {
	case "arabic", "العربية":
		return "ar"
	case "chinese", "中文":
		return "zh"
	case "english":
		return "en"
	case "french", "français", "francais":
		return "fr"
	case "russian", "русский":
		return "ru"
	case "spanish", "español", "espanol":
		return "es"
	}
	return ""
}

// languageFromFileName reads the language suffix of the library's file
// names ("A_75_PV.78-EN.pdf").
func languageFromFileName(u string) string {
	base := strings.ToUpper(path.Base(strings.SplitN(u, "?", 2)[0]))
	base = strings.TrimSuffix(base, ".PDF")
	i := strings.LastIndexAny(base, "-_")
	if i < 0 {
		return ""
	}
	switch base[i+1:] {
	case "AR":
		return "ar"
	case "ZH":
		return "zh"
	case "EN":
		return "en"
	case "FR":
		return "fr"
	case "RU":
		return "ru"
	case "ES":
		return "es"
	}
	return ""
}
