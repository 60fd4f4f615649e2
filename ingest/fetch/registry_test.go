package fetch

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"testing"
)

func TestEmbeddedRegistry(t *testing.T) {
	r, err := LoadRegistry()
	if err != nil {
		t.Fatal(err)
	}
	// The reported facts the registry must carry, each with a source.
	s69 := r.Session(69)
	if s69 == nil || s69.Joint == nil || *s69.Joint || len(s69.Meetings) != 1 ||
		s69.Meetings[0].Symbol != "A/69/PV.58" || s69.Meetings[0].Date != "2014-11-21" {
		t.Errorf("session 69: %+v", s69)
	}
	if s66 := r.Session(66); s66 == nil || s66.Year != 2011 || s66.Joint == nil || *s66.Joint {
		t.Errorf("session 66 (2011, separate): %+v", s66)
	}
	for _, n := range []int{67, 68} {
		if s := r.Session(n); s == nil || s.Joint == nil || !*s.Joint {
			t.Errorf("session %d (joint): %+v", n, s)
		}
	}
	s75 := r.Session(75)
	if s75 == nil || len(s75.Meetings) != 2 || s75.Meetings[0].Symbol != "A/75/PV.78" || s75.Meetings[1].Symbol != "A/75/PV.79" {
		t.Errorf("session 75: %+v", s75)
	}
	// Since 2021 the debate is held in June.
	for _, s := range r.Sessions {
		if s.Session < 75 {
			continue
		}
		dates := append([]string(nil), s.Dates...)
		for _, m := range s.Meetings {
			if m.Date != "" {
				dates = append(dates, m.Date)
			}
		}
		for _, d := range dates {
			if d[5:7] != "06" {
				t.Errorf("session %d: debate date %s is not in June", s.Session, d)
			}
		}
	}
	for i := 1; i < len(r.Sessions); i++ {
		if r.Sessions[i-1].Session >= r.Sessions[i].Session {
			t.Errorf("sessions not in order")
		}
	}
}

// TestEmbeddedRegistryFacts guards the facts established from sources, one
// row a session: a later edit of registry.yaml may add facts but must not
// lose or change these. An empty joint, item or meeting date is a fact not
// established, which an edit may add.
func TestEmbeddedRegistryFacts(t *testing.T) {
	r, err := LoadRegistry()
	if err != nil {
		t.Fatal(err)
	}
	type meeting struct{ symbol, date string }
	tests := []struct {
		session  int
		joint    string // "true" or "false"
		item     string
		dates    []string // debate dates known without a meeting symbol
		meetings []meeting
	}{
		{60, "true", "9", []string{"2005-11-10"}, []meeting{{"A/60/PV.49", "2005-11-11"}, {"A/60/PV.50", "2005-11-11"}}},
		{61, "true", "9", nil, []meeting{{"A/61/PV.72", "2006-12-11"}, {"A/61/PV.73", "2006-12-11"}, {"A/61/PV.74", "2006-12-12"}, {"A/61/PV.75", "2006-12-12"}}},
		{62, "true", "9", nil, []meeting{{"A/62/PV.47", "2007-11-12"}, {"A/62/PV.48", "2007-11-12"}, {"A/62/PV.49", "2007-11-13"}, {"A/62/PV.50", "2007-11-13"}}},
		{63, "true", "9", nil, []meeting{{"A/63/PV.53", "2008-11-18"}, {"A/63/PV.54", "2008-11-18"}}},
		{64, "true", "9", []string{"2009-11-12"}, []meeting{{"A/64/PV.43", "2009-11-12"}, {"A/64/PV.44", ""}}},
		{65, "true", "29", nil, []meeting{{"A/65/PV.48", "2010-11-11"}, {"A/65/PV.49", "2010-11-11"}, {"A/65/PV.50", "2010-11-12"}}},
		{66, "false", "", nil, []meeting{{"A/66/PV.50", "2011-11-08"}}},
		{67, "true", "", nil, []meeting{{"A/67/PV.38", "2012-11-15"}, {"A/67/PV.39", "2012-11-15"}}},
		{68, "true", "29", nil, []meeting{{"A/68/PV.46", "2013-11-07"}}},
		{69, "false", "", nil, []meeting{{"A/69/PV.58", "2014-11-21"}}},
		{70, "", "", []string{"2015-11-12"}, []meeting{{"A/70/PV.51", ""}}},
		{72, "", "", nil, []meeting{{"A/72/PV.114", "2018-09-12"}}},
		{73, "", "", []string{"2019-09-12"}, []meeting{{"A/73/PV.106", ""}}},
		{75, "", "", nil, []meeting{{"A/75/PV.78", "2021-06-11"}, {"A/75/PV.79", ""}}},
		{76, "", "31", []string{"2022-06-09"}, nil},
		{77, "", "", []string{"2023-06-30"}, nil},
		{78, "", "26", []string{"2024-06-25"}, []meeting{{"A/78/PV.93", ""}, {"A/78/PV.94", ""}}},
		{79, "", "", nil, []meeting{{"A/79/PV.77", ""}}},
	}
	for _, tt := range tests {
		t.Run(strconv.Itoa(tt.session), func(t *testing.T) {
			s := r.Session(tt.session)
			if s == nil {
				t.Fatal("session missing")
			}
			if tt.joint != "" && (s.Joint == nil || strconv.FormatBool(*s.Joint) != tt.joint) {
				t.Errorf("joint %v, want %s", s.Joint, tt.joint)
			}
			if tt.item != "" && s.AgendaItem != tt.item {
				t.Errorf("agenda item %q, want %q", s.AgendaItem, tt.item)
			}
			for _, d := range tt.dates {
				if !slices.Contains(s.Dates, d) {
					t.Errorf("date %s lost: %v", d, s.Dates)
				}
			}
			for _, want := range tt.meetings {
				i := slices.IndexFunc(s.Meetings, func(m MeetingFacts) bool { return m.Symbol == want.symbol })
				switch {
				case i < 0:
					t.Errorf("meeting %s lost", want.symbol)
				case want.date != "" && s.Meetings[i].Date != want.date:
					t.Errorf("meeting %s dated %q, want %s", want.symbol, s.Meetings[i].Date, want.date)
				}
			}
		})
	}
}

func TestParseRegistryRejects(t *testing.T) {
	head := "sources:\n  s1: {title: A source}\nsessions:\n"
	tests := []struct {
		name, yaml, wantErr string
	}{
		{"unknown field", "  - session: 69\n    session_sources: [s1]\n    colour: red\n", "field colour not found"},
		{"fact without source", "  - session: 69\n    session_sources: [s1]\n    year: 2014\n", "the year has no source"},
		{"unknown source", "  - session: 69\n    session_sources: [s1]\n    joint: true\n    joint_sources: [s2]\n", `cites unknown source "s2"`},
		{"sources for nothing", "  - session: 69\n    session_sources: [s1]\n    agenda_item_sources: [s1]\n", "sources for the agenda item, which is not given"},
		{"symbol of another session", "  - session: 69\n    meetings:\n      - symbol: A/70/PV.1\n        sources: [s1]\n", "not a plenary verbatim record of the session"},
		{"bad date", "  - session: 69\n    meetings:\n      - symbol: A/69/PV.1\n        sources: [s1]\n        date: 2014-13-01\n        date_sources: [s1]\n", `"2014-13-01" is not a date`},
		{"year outside the session", "  - session: 69\n    session_sources: [s1]\n    year: 2020\n    year_sources: [s1]\n", "year 2020 is not within the session"},
		{"session twice", "  - session: 69\n    session_sources: [s1]\n  - session: 69\n    session_sources: [s1]\n", "listed twice"},
		{"session without source", "  - session: 69\n", "the session has no source"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseRegistry([]byte(head + tt.yaml))
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Fatalf("err %v, want %q", err, tt.wantErr)
			}
		})
	}
}

func TestParseSessions(t *testing.T) {
	tests := []struct {
		in, want, wantErr string
	}{
		{"79", "[79]", ""},
		{"75-79", "[75 76 77 78 79]", ""},
		{"66, 69,75-76,69", "[66 69 75 76]", ""},
		{"79-75", "", "bad session"},
		{"x", "", "bad session"},
		{"0", "", "bad session"},
		{"", "", "no session"},
		{"1-500", "", "bad session"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := ParseSessions(tt.in)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("err %v, want %q", err, tt.wantErr)
				}
				return
			}
			if err != nil || fmt.Sprint(got) != tt.want {
				t.Fatalf("got %v %v, want %s", got, err, tt.want)
			}
		})
	}
}
