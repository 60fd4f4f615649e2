package analysis

import (
	"cmp"
	"maps"
	"slices"

	"github.com/scdebate/scdebate/corpus"
)

// Tally counts passages and the statements they belong to: by theme, by
// state (in its own voice or through a group), by session and by group.
// It is the one count behind the workbook's aggregate sheets, the run's
// summary and the search's state pages, so that their figures agree.
//
// The rules:
//   - A passage counts once for a state: in its own voice when the state
//     is among the passage's own states (the speaker's, or each
//     signatory's of a letter of several states), else through a group
//     when it is a member of a group spoken for. A passage coded with no theme counts
//     as a passage, not as a coded one.
//   - A statement is a delegation's speech or a letter (IsStatement). A state speaks
//     in its own voice when it is the speaker's; it is spoken for through
//     a group when a group spoken for has it as a member (the speaker's
//     own state among them). The themes of a statement are those its
//     passages raised.
//   - A theme's share in a session is the fraction of the delegations
//     that took the floor in the session whose statements raised it.
type Tally struct {
	passages, coded, proposals int
	statements                 int
	speakers                   map[string]bool
	ownStates, viaStates       map[string]bool
	groups                     map[string]string
	themes                     map[string]*themeTally
	states                     map[string]*StateCount
	sessions                   map[int]*sessionTally
}

// TallyPassage is one passage as a Tally counts it.
type TallyPassage struct {
	// Session is 0 when the record does not give it.
	Session int
	// Own are the keys of the states speaking in their own voice: the
	// speaker's (TallySpeaker), or each signatory of a letter.
	Own []string
	// Via are the states spoken for through a group, each with its group.
	Via      []Voice
	Themes   []string
	Proposal bool
}

// TallyStatement is one statement as a Tally counts it.
type TallyStatement struct {
	Session int
	// Speaker is the delegation taking the floor (TallySpeaker).
	Speaker string
	// Own are the states speaking in their own voice; Via those spoken
	// for through a group, each with its group.
	Own    []string
	Via    []Voice
	Groups []GroupRef
	// Themes are the themes the statement's passages raised.
	Themes []string
}

// OwnVia counts passages in a state's own voice and through a group.
type OwnVia struct{ Own, Via int }

// StateCount is what a Tally counts of one state: its passages, in its
// own voice and through a group, by theme and by session, and the groups
// it was heard through.
type StateCount struct {
	OwnVia
	Themes   map[string]OwnVia
	Sessions map[int]*SessionCount
	// Groups counts the passages the state was heard in through each
	// group.
	Groups map[string]int
}

// SessionCount is a state's passages of one session, by theme.
type SessionCount struct {
	OwnVia
	Themes map[string]OwnVia
}

// ThemeCount is what a Tally counts of one theme.
type ThemeCount struct {
	// Passages are the passages coded with the theme; Statements the
	// statements that raised it.
	Passages, Statements int
	// StatesOwn counts the states that raised it in their own voice;
	// States those that raised it in their own voice or through a group.
	StatesOwn, States int
}

type themeTally struct {
	passages, statements int
	ownStates, allStates map[string]bool
}

// sessionTally counts one session's statements for the themes' shares.
type sessionTally struct {
	speakers map[string]bool            // delegations that took the floor
	themes   map[string]map[string]bool // theme → delegations raising it
}

// NewTally returns an empty tally.
func NewTally() *Tally {
	return &Tally{
		speakers: map[string]bool{}, ownStates: map[string]bool{}, viaStates: map[string]bool{},
		groups: map[string]string{}, themes: map[string]*themeTally{},
		states: map[string]*StateCount{}, sessions: map[int]*sessionTally{},
	}
}

// IsStatement reports whether a speech of rec is a delegation's statement
// rather than the chair's or the Secretariat's; a letter is its senders'.
func IsStatement(rec *corpus.Record, sp *corpus.Speech) bool {
	switch sp.Role {
	case corpus.RolePresident, corpus.RoleActingPresident, corpus.RoleSecretariat:
		return false
	}
	return sp.CountryCode != "" || sp.Delegation != "" || len(sp.OnBehalfOf) > 0 || (rec != nil && rec.Letter != nil)
}

// TallySpeaker is the key of a speaker's delegation in a tally: its
// state's code, or "~" and the delegation as printed for a delegation
// without one (an observer); "" for neither.
func TallySpeaker(code, delegation string) string {
	if code != "" {
		return code
	}
	if delegation == "" {
		return ""
	}
	return "~" + delegation
}

// OwnVoices are the states speaking in their own voice in a speech of
// rec: the speaker's, or for a letter's speech without one (a letter of
// several states), each signatory's.
func OwnVoices(rec *corpus.Record, sp *corpus.Speech) []string {
	if sp.CountryCode != "" {
		return []string{sp.CountryCode}
	}
	var own []string
	if rec != nil && rec.Letter != nil {
		for _, s := range rec.Letter.Signatories {
			if s.CountryCode != "" && !slices.Contains(own, s.CountryCode) {
				own = append(own, s.CountryCode)
			}
		}
	}
	return own
}

// SpeechVoices are the voices of a speech of rec: the states in their own
// voice (OwnVoices) and those spoken for through a group (Voices).
func SpeechVoices(rec *corpus.Record, sp *corpus.Speech, ann *SpeechAnnotation) (own []string, via []Voice) {
	own = OwnVoices(rec, sp)
	for _, v := range Voices(sp, ann) {
		if v.Via != "" {
			via = append(via, v)
		}
	}
	return own, via
}

// NewTallyStatement is a speech of rec as a Tally counts it, with the
// themes its passages raised.
func NewTallyStatement(rec *corpus.Record, sp *corpus.Speech, ann *SpeechAnnotation, themes []string) TallyStatement {
	st := TallyStatement{Speaker: TallySpeaker(sp.CountryCode, sp.Delegation), Themes: themes}
	if rec.Session != nil {
		st.Session = *rec.Session
	}
	st.Own, st.Via = SpeechVoices(rec, sp, ann)
	if ann != nil {
		st.Groups = ann.Groups
	}
	return st
}

// PassageOwners are the keys of the states a passage of a speech of rec
// is in the own voice of (OwnVoices); a delegation without a state code
// (an observer) is counted by its name as printed (TallySpeaker).
func PassageOwners(rec *corpus.Record, sp *corpus.Speech, delegation string) []string {
	if own := OwnVoices(rec, sp); len(own) > 0 {
		return own
	}
	if key := TallySpeaker("", delegation); key != "" {
		return []string{key}
	}
	return nil
}

// AddRecord counts every paragraph of a record as a passage, coded as ann
// codes it (nil: not coded), and every statement.
func (t *Tally) AddRecord(rec *corpus.Record, ann *Annotation) {
	session := 0
	if rec.Session != nil {
		session = *rec.Session
	}
	byseq := map[int]*SpeechAnnotation{}
	if ann != nil {
		for i := range ann.Speeches {
			byseq[ann.Speeches[i].Seq] = &ann.Speeches[i]
		}
	}
	raised := map[string]bool{}
	for i := range rec.Speeches {
		sp := &rec.Speeches[i]
		sa := byseq[sp.Seq]
		byn := map[int]*ParagraphAnnotation{}
		if sa != nil {
			for j := range sa.Paragraphs {
				byn[sa.Paragraphs[j].N] = &sa.Paragraphs[j]
			}
		}
		own := PassageOwners(rec, sp, sp.Delegation)
		_, via := SpeechVoices(rec, sp, sa)
		clear(raised)
		for _, p := range sp.Paragraphs {
			tp := TallyPassage{Session: session, Own: own, Via: via}
			if pa := byn[p.N]; pa != nil {
				tp.Themes, tp.Proposal = pa.Themes, pa.Proposal
			}
			for _, th := range tp.Themes {
				raised[th] = true
			}
			t.AddPassage(tp)
		}
		if IsStatement(rec, sp) {
			t.AddStatement(NewTallyStatement(rec, sp, sa, slices.Sorted(maps.Keys(raised))))
		}
	}
}

// AddPassage counts a passage.
func (t *Tally) AddPassage(p TallyPassage) {
	t.passages++
	if len(p.Themes) > 0 {
		t.coded++
		if p.Proposal {
			t.proposals++
		}
	}
	for _, th := range p.Themes {
		t.theme(th).passages++
	}
	counted := map[string]bool{"": true}
	for _, key := range p.Own {
		if !counted[key] {
			counted[key] = true
			t.state(key).add(p.Session, p.Themes, true)
		}
	}
	for _, v := range p.Via {
		if v.CountryCode == "" || slices.Contains(p.Own, v.CountryCode) {
			continue
		}
		sc := t.state(v.CountryCode)
		if !counted[v.CountryCode] {
			counted[v.CountryCode] = true
			sc.add(p.Session, p.Themes, false)
		}
		if v.Via != "" {
			sc.Groups[v.Via]++
		}
	}
}

// AddStatement counts a statement.
func (t *Tally) AddStatement(s TallyStatement) {
	t.statements++
	for _, code := range s.Own {
		t.ownStates[code] = true
	}
	for _, v := range s.Via {
		t.viaStates[v.CountryCode] = true
	}
	for _, g := range s.Groups {
		t.groups[g.ID] = cmp.Or(g.Name, g.ID)
	}
	if s.Speaker != "" {
		t.speakers[s.Speaker] = true
	}
	for _, th := range s.Themes {
		tt := t.theme(th)
		tt.statements++
		for _, code := range s.Own {
			tt.ownStates[code] = true
			tt.allStates[code] = true
		}
		for _, v := range s.Via {
			tt.allStates[v.CountryCode] = true
		}
	}
	t.AddBaseline(s)
}

// AddBaseline counts a statement of a session outside what is tallied
// (the session before the first, to compare with) for its session's
// shares alone.
func (t *Tally) AddBaseline(s TallyStatement) {
	if s.Session == 0 || s.Speaker == "" {
		return
	}
	ss := t.sessions[s.Session]
	if ss == nil {
		ss = &sessionTally{speakers: map[string]bool{}, themes: map[string]map[string]bool{}}
		t.sessions[s.Session] = ss
	}
	ss.speakers[s.Speaker] = true
	for _, th := range s.Themes {
		if ss.themes[th] == nil {
			ss.themes[th] = map[string]bool{}
		}
		ss.themes[th][s.Speaker] = true
	}
}

func (t *Tally) theme(id string) *themeTally {
	tt := t.themes[id]
	if tt == nil {
		tt = &themeTally{ownStates: map[string]bool{}, allStates: map[string]bool{}}
		t.themes[id] = tt
	}
	return tt
}

func (t *Tally) state(key string) *StateCount {
	sc := t.states[key]
	if sc == nil {
		sc = &StateCount{Themes: map[string]OwnVia{}, Sessions: map[int]*SessionCount{}, Groups: map[string]int{}}
		t.states[key] = sc
	}
	return sc
}

// add counts a passage of session, own voice or through a group.
func (sc *StateCount) add(session int, themes []string, own bool) {
	ss := sc.Sessions[session]
	if ss == nil {
		ss = &SessionCount{Themes: map[string]OwnVia{}}
		sc.Sessions[session] = ss
	}
	sc.OwnVia.add(own)
	ss.OwnVia.add(own)
	for _, th := range themes {
		sc.Themes[th] = sc.Themes[th].plus(own)
		ss.Themes[th] = ss.Themes[th].plus(own)
	}
}

func (ov *OwnVia) add(own bool) { *ov = ov.plus(own) }

func (ov OwnVia) plus(own bool) OwnVia {
	if own {
		ov.Own++
	} else {
		ov.Via++
	}
	return ov
}

// Passages counts the passages tallied; Coded those coded with a theme,
// and Proposals those of them that make proposals.
func (t *Tally) Passages() int  { return t.passages }
func (t *Tally) Coded() int     { return t.coded }
func (t *Tally) Proposals() int { return t.proposals }

// Statements counts the statements tallied; Delegations the delegations
// that made them.
func (t *Tally) Statements() int  { return t.statements }
func (t *Tally) Delegations() int { return len(t.speakers) }

// StatesOwn counts the states that spoke in their own voice;
// StatesViaGroup those spoken for through a group.
func (t *Tally) StatesOwn() int      { return len(t.ownStates) }
func (t *Tally) StatesViaGroup() int { return len(t.viaStates) }

// Groups are the groups spoken for, their names by ID.
func (t *Tally) Groups() map[string]string { return t.groups }

// Themes lists the themes counted, by ID.
func (t *Tally) Themes() []string { return slices.Sorted(maps.Keys(t.themes)) }

// Theme is what the tally counts of a theme.
func (t *Tally) Theme(id string) ThemeCount {
	tt := t.themes[id]
	if tt == nil {
		return ThemeCount{}
	}
	return ThemeCount{Passages: tt.passages, Statements: tt.statements, StatesOwn: len(tt.ownStates), States: len(tt.allStates)}
}

// States lists the keys of the states passages were counted for.
func (t *Tally) States() []string { return slices.Sorted(maps.Keys(t.states)) }

// State is what the tally counts of a state; nil when no passage spoke
// for it.
func (t *Tally) State(key string) *StateCount { return t.states[key] }

// SessionList lists the sessions of a state's passages, ascending.
func (sc *StateCount) SessionList() []int {
	return slices.Sorted(maps.Keys(sc.Sessions))
}

// Sessions lists the sessions with statements, ascending.
func (t *Tally) Sessions() []int { return slices.Sorted(maps.Keys(t.sessions)) }

// Speakers counts the delegations that took the floor in a session.
func (t *Tally) Speakers(session int) int {
	if ss := t.sessions[session]; ss != nil {
		return len(ss.speakers)
	}
	return 0
}

// Share is the fraction of the delegations that took the floor in a
// session whose statements raised theme, and whether any delegation took
// the floor.
func (t *Tally) Share(session int, theme string) (float64, bool) {
	ss := t.sessions[session]
	if ss == nil || len(ss.speakers) == 0 {
		return 0, false
	}
	return float64(len(ss.themes[theme])) / float64(len(ss.speakers)), true
}
