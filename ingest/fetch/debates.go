package fetch

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/scdebate/scdebate/corpus"
)

// SourceDigitalLibrary is the source named for facts found by discovery.
const SourceDigitalLibrary = "digital-library"

// Debate is what is known of one session's debate on the report item.
type Debate struct {
	Session int
	Year    int
	// Joint: debated jointly with the Council-reform item; nil when
	// neither the registry nor discovery tells.
	Joint *bool
	// JointDiscovered is set when Joint comes from discovery alone.
	JointDiscovered bool
	// InRegistry: the registry has facts on the session. Dates are the
	// debate dates it knows without a meeting symbol.
	InRegistry bool
	Dates      []string
	Meetings   []DebateMeeting
}

// DebateMeeting is one meeting of a debate.
type DebateMeeting struct {
	Symbol string
	Date   string
	// InRegistry: the meeting is a registry fact. Discovered: the Digital
	// Library lists it. A meeting only discovered is new to the registry.
	InRegistry bool
	Discovered bool
	// Sources are the registry's sources for the symbol, or
	// SourceDigitalLibrary.
	Sources []string
	// Files are the library's file links by language; RecordURL its page.
	Files     map[string]string
	RecordURL string
	// Speeches is the number of the library's speech records that name the
	// meeting under the report item.
	Speeches int
}

// Discrepancy is a registry fact that discovery contradicts or does not
// confirm.
type Discrepancy struct {
	Session int
	Symbol  string
	// Field is "date", "joint", "meeting" (a registry meeting not found)
	// or "dates" (a registry debate date no discovered meeting has).
	Field      string
	Registry   string
	Discovered string
}

func (d Discrepancy) String() string {
	what := fmt.Sprintf("session %d", d.Session)
	if d.Symbol != "" {
		what = d.Symbol
	}
	if d.Field == "meeting" {
		return fmt.Sprintf("%s: in the registry but not found in the Digital Library", what)
	}
	return fmt.Sprintf("%s: %s is %s in the registry, %s in the Digital Library", what, d.Field, d.Registry, d.Discovered)
}

// Merge combines the registry's facts on a session with the meetings
// discovery found (discovered is nil when discovery did not run). Registry
// facts win; discovered meetings the registry lacks are added, marked as
// such; disagreements are returned.
func Merge(facts *SessionFacts, session int, discovered []Meeting) (Debate, []Discrepancy) {
	d := Debate{Session: session}
	var issues []Discrepancy
	byDiscovered := map[string]*Meeting{}
	for i := range discovered {
		byDiscovered[discovered[i].Symbol] = &discovered[i]
	}
	if facts != nil {
		d.InRegistry = true
		d.Year = facts.Year
		d.Joint = facts.Joint
		d.Dates = facts.Dates
		for _, mf := range facts.Meetings {
			dm := DebateMeeting{Symbol: mf.Symbol, Date: mf.Date, InRegistry: true, Sources: mf.Sources}
			if m, ok := byDiscovered[mf.Symbol]; ok {
				dm.Discovered = true
				dm.Files, dm.RecordURL, dm.Speeches = m.Files, m.RecordURL, m.Speeches
				switch {
				case dm.Date == "":
					dm.Date = m.Date
				case m.Date != "" && m.Date != dm.Date:
					issues = append(issues, Discrepancy{Session: session, Symbol: mf.Symbol, Field: "date", Registry: dm.Date, Discovered: m.Date})
				}
			} else if discovered != nil {
				issues = append(issues, Discrepancy{Session: session, Symbol: mf.Symbol, Field: "meeting"})
			}
			d.Meetings = append(d.Meetings, dm)
		}
	}
	for _, m := range discovered {
		if facts != nil && facts.meeting(m.Symbol) {
			continue
		}
		d.Meetings = append(d.Meetings, DebateMeeting{
			Symbol: m.Symbol, Date: m.Date, Discovered: true, Sources: []string{SourceDigitalLibrary},
			Files: m.Files, RecordURL: m.RecordURL, Speeches: m.Speeches,
		})
	}
	sort.SliceStable(d.Meetings, func(i, j int) bool { return meetingNumber(d.Meetings[i].Symbol) < meetingNumber(d.Meetings[j].Symbol) })

	if len(discovered) > 0 {
		joint := false
		for _, m := range discovered {
			joint = joint || m.Joint
		}
		switch {
		case d.Joint == nil:
			d.Joint, d.JointDiscovered = &joint, true
		case *d.Joint != joint:
			issues = append(issues, Discrepancy{Session: session, Field: "joint", Registry: strconv.FormatBool(*d.Joint), Discovered: strconv.FormatBool(joint)})
		}
		if facts != nil {
			dates := map[string]bool{}
			for _, m := range discovered {
				dates[m.Date] = true
			}
			for _, date := range facts.Dates {
				if !dates[date] {
					var found []string
					for dd := range dates {
						if dd != "" {
							found = append(found, dd)
						}
					}
					sort.Strings(found)
					issues = append(issues, Discrepancy{Session: session, Field: "dates", Registry: date, Discovered: orNone(strings.Join(found, ", "))})
				}
			}
		}
	}
	return d, issues
}

func orNone(s string) string {
	if s == "" {
		return "none"
	}
	return s
}

func (s *SessionFacts) meeting(symbol string) bool {
	for _, m := range s.Meetings {
		if m.Symbol == symbol {
			return true
		}
	}
	return false
}

func meetingNumber(symbol string) int {
	if g := pvSymbolRE.FindStringSubmatch(symbol); g != nil {
		n, _ := strconv.Atoi(g[2])
		return n
	}
	return 0
}

// Resolver finds the meetings of the report debate of given sessions.
type Resolver struct {
	// Registry defaults to the embedded one.
	Registry *Registry
	// Library, when set, is searched for each session; nil: the registry
	// alone answers.
	Library *Library
}

// SessionError is a session whose discovery failed.
type SessionError struct {
	Session int
	Err     error
}

func (e *SessionError) Error() string {
	return fmt.Sprintf("session %d: %v", e.Session, e.Err)
}

func (e *SessionError) Unwrap() error { return e.Err }

// Resolution is what Resolve found.
type Resolution struct {
	Debates       []Debate
	Discrepancies []Discrepancy
	// DiscoveryErrors are sessions whose discovery failed; the registry
	// alone answered for them.
	DiscoveryErrors []*SessionError
	// Unreachable is set when the Digital Library could not be reached at
	// all: discovery stopped there, and the registry alone answered for
	// that session and every one after it (listed in Undiscovered).
	Unreachable  *UnreachableError
	Undiscovered []int
}

// Resolve returns the debate of each session, from the registry merged with
// discovery. A session whose discovery fails is answered by the registry
// alone and reported in DiscoveryErrors; a library that cannot be reached
// stops discovery, since every other search would fail the same way, and is
// reported in Unreachable while the registry answers for the remaining
// sessions. The error is for ctx and a registry that cannot be read.
func (r *Resolver) Resolve(ctx context.Context, sessions []int) (*Resolution, error) {
	reg := r.Registry
	if reg == nil {
		var err error
		if reg, err = LoadRegistry(); err != nil {
			return nil, err
		}
	}
	res := &Resolution{}
	for _, s := range sessions {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		var discovered []Meeting
		switch {
		case r.Library == nil:
		case res.Unreachable != nil:
			res.Undiscovered = append(res.Undiscovered, s)
		default:
			found, err := r.Library.Discover(ctx, s)
			var ue *UnreachableError
			switch {
			case ctx.Err() != nil:
				return nil, ctx.Err()
			case errors.As(err, &ue):
				res.Unreachable = ue
				res.Undiscovered = append(res.Undiscovered, s)
			case err != nil:
				res.DiscoveryErrors = append(res.DiscoveryErrors, &SessionError{Session: s, Err: err})
			default:
				discovered = found
				if discovered == nil {
					discovered = []Meeting{}
				}
			}
		}
		d, issues := Merge(reg.Session(s), s, discovered)
		res.Debates = append(res.Debates, d)
		res.Discrepancies = append(res.Discrepancies, issues...)
	}
	return res, nil
}

// Targets turns the debates' meetings into fetch targets, one per meeting
// and language, with the library's file link as an alternate source.
func (res *Resolution) Targets(langs []string) []Target {
	var out []Target
	for _, d := range res.Debates {
		for _, m := range d.Meetings {
			for _, l := range langs {
				t := Target{Symbol: m.Symbol, Lang: l}
				if u := m.Files[l]; u != "" {
					t.Alternates = []string{u}
				}
				out = append(out, t)
			}
		}
	}
	return out
}

// maxSession bounds the sessions a list may name, so that a typo such as
// "75-7900" does not enumerate thousands of sessions.
const maxSession = 200

// ParseSessions reads a list of sessions and closed ranges, "79", "75-79",
// "66,69,75-79" (corpus.ParseSessions), into the sessions it names, each
// once, in the order given.
func ParseSessions(s string) ([]int, error) {
	ranges, err := corpus.ParseSessions(s)
	if err != nil {
		return nil, err
	}
	var out []int
	seen := map[int]bool{}
	for _, r := range ranges {
		if r.To > maxSession {
			return nil, fmt.Errorf("bad session %q: sessions run to %d at most", r.String(), maxSession)
		}
		for n := r.From; n <= r.To; n++ {
			if !seen[n] {
				seen[n] = true
				out = append(out, n)
			}
		}
	}
	return out, nil
}
