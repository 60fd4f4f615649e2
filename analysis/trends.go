package analysis

import (
	"sort"

	"github.com/scdebate/scdebate/corpus"
)

// ThemeShare is how widely one theme was raised in one session.
type ThemeShare struct {
	Theme string
	// Speakers is the number of speakers (delegations that took the floor)
	// whose statements raised the theme; SpeakerShare divides it by the
	// session's speakers.
	Speakers     int
	SpeakerShare float64
	// StatesOwn counts states that raised the theme in their own statement;
	// StatesViaGroup those that raised it only through a group speaking for
	// them. StateShare is (own + via group) over the states heard in the
	// session in either way.
	StatesOwn, StatesViaGroup int
	StateShare                float64
	// Change is StateShare minus the previous session's; New marks a theme
	// raised in this session and not in the previous one; Rising a share up
	// by at least TrendOptions.Rise.
	Change      float64
	New, Rising bool
}

// SessionTrend is the coding of one session summed up.
type SessionTrend struct {
	Session int
	// Speakers is the number of delegations that took the floor (presiding
	// officers and the Secretariat excluded); States the states heard, in
	// their own voice or through a group.
	Speakers, States int
	Themes           []ThemeShare
}

// TrendOptions control Trends; the zero value counts a rise of 5
// percentage points as rising.
type TrendOptions struct {
	Rise float64 // 0 means 0.05
}

// Trends sums up, per session in ascending order, the share of speakers and
// of states raising each theme of tx, own voice and via group apart, and
// marks themes new or rising against the previous session. Only speeches
// by delegations count: presiding officers and the Secretariat are left
// out. Records without a session are left out.
func Trends(tx *Taxonomy, docs []Coded, opts TrendOptions) []SessionTrend {
	rise := opts.Rise
	if rise <= 0 {
		rise = 0.05
	}
	type tally struct {
		speakers    map[string]bool
		states      map[string]bool
		bySpeaker   map[string]map[string]bool // theme -> speakers
		byStateOwn  map[string]map[string]bool // theme -> states
		byStateVia  map[string]map[string]bool
		statesHeard map[string]bool
	}
	sessions := map[int]*tally{}
	for _, d := range docs {
		if d.Record == nil || d.Annotation == nil || d.Record.Session == nil {
			continue
		}
		s := *d.Record.Session
		t := sessions[s]
		if t == nil {
			t = &tally{speakers: map[string]bool{}, states: map[string]bool{}, bySpeaker: map[string]map[string]bool{}, byStateOwn: map[string]map[string]bool{}, byStateVia: map[string]map[string]bool{}, statesHeard: map[string]bool{}}
			sessions[s] = t
		}
		anns := map[int]*SpeechAnnotation{}
		for i := range d.Annotation.Speeches {
			anns[d.Annotation.Speeches[i].Seq] = &d.Annotation.Speeches[i]
		}
		for i := range d.Record.Speeches {
			sp := &d.Record.Speeches[i]
			if !isDelegation(sp) {
				continue
			}
			who := speakerKey(sp)
			if who == "" {
				continue
			}
			t.speakers[who] = true
			ann := anns[sp.Seq]
			voices := Voices(sp, ann)
			for _, v := range voices {
				t.statesHeard[v.CountryCode] = true
			}
			if ann == nil {
				continue
			}
			for _, th := range ann.Themes {
				add(t.bySpeaker, th, who)
				for _, v := range voices {
					if v.Via == "" {
						add(t.byStateOwn, th, v.CountryCode)
					} else {
						add(t.byStateVia, th, v.CountryCode)
					}
				}
			}
		}
	}
	keys := make([]int, 0, len(sessions))
	for s := range sessions {
		keys = append(keys, s)
	}
	sort.Ints(keys)
	var out []SessionTrend
	prev := map[string]ThemeShare{}
	for i, s := range keys {
		t := sessions[s]
		st := SessionTrend{Session: s, Speakers: len(t.speakers), States: len(t.statesHeard)}
		cur := map[string]ThemeShare{}
		for _, th := range tx.Themes {
			own := t.byStateOwn[th.ID]
			via := 0
			for c := range t.byStateVia[th.ID] {
				if !own[c] {
					via++
				}
			}
			ts := ThemeShare{
				Theme:          th.ID,
				Speakers:       len(t.bySpeaker[th.ID]),
				SpeakerShare:   share(len(t.bySpeaker[th.ID]), len(t.speakers)),
				StatesOwn:      len(own),
				StatesViaGroup: via,
				StateShare:     share(len(own)+via, len(t.statesHeard)),
			}
			if i > 0 {
				p := prev[th.ID]
				ts.Change = ts.StateShare - p.StateShare
				ts.New = ts.Speakers > 0 && p.Speakers == 0
				ts.Rising = ts.Change >= rise
			}
			cur[th.ID] = ts
			st.Themes = append(st.Themes, ts)
		}
		prev = cur
		out = append(out, st)
	}
	return out
}

func add(m map[string]map[string]bool, k, v string) {
	if m[k] == nil {
		m[k] = map[string]bool{}
	}
	m[k][v] = true
}

func share(n, total int) float64 {
	if total == 0 {
		return 0
	}
	return float64(n) / float64(total)
}

// isDelegation reports whether a speech is a delegation's statement rather
// than the chair's or the Secretariat's.
func isDelegation(sp *corpus.Speech) bool {
	switch sp.Role {
	case corpus.RolePresident, corpus.RoleActingPresident, corpus.RoleSecretariat:
		return false
	}
	return true
}

// speakerKey identifies a delegation across the records of a session.
func speakerKey(sp *corpus.Speech) string {
	if sp.CountryCode != "" {
		return sp.CountryCode
	}
	if sp.Delegation != "" {
		return "delegation:" + sp.Delegation
	}
	return ""
}
