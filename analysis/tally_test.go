package analysis

import (
	"reflect"
	"testing"

	"github.com/scdebate/scdebate/corpus"
)

// tallySpeech is a speech of one paragraph per entry of themes, each
// coded with those themes (a paragraph whose entry starts with "!" makes
// a proposal).
func tallySpeech(seq int, role, code, delegation string, groups []GroupRef, themes ...[]string) (corpus.Speech, SpeechAnnotation) {
	sp := corpus.Speech{Seq: seq, Role: role, CountryCode: code, Delegation: delegation}
	sa := SpeechAnnotation{Seq: seq, Groups: groups}
	for n, ths := range themes {
		pa := ParagraphAnnotation{N: n + 1}
		for _, th := range ths {
			if th[0] == '!' {
				pa.Proposal, th = true, th[1:]
			}
			pa.Themes = append(pa.Themes, th)
		}
		sp.Paragraphs = append(sp.Paragraphs, corpus.Paragraph{N: n + 1, Text: "text"})
		sa.Paragraphs = append(sa.Paragraphs, pa)
	}
	return sp, sa
}

func tallyRecord(session int, speeches ...func() (corpus.Speech, SpeechAnnotation)) (*corpus.Record, *Annotation) {
	rec, ann := &corpus.Record{Session: corpus.Int(session)}, &Annotation{}
	for _, s := range speeches {
		sp, sa := s()
		rec.Speeches = append(rec.Speeches, sp)
		ann.Speeches = append(ann.Speeches, sa)
	}
	return rec, ann
}

func TestTally(t *testing.T) {
	g4 := GroupRef{ID: "g4", Name: "Group of Four", Members: []string{"BRA", "DEU", "IND", "JPN"}}
	l69 := GroupRef{ID: "l69", Members: []string{"BRA", "IND", "ZAF"}}
	chair := func() (corpus.Speech, SpeechAnnotation) {
		return tallySpeech(0, corpus.RolePresident, "", "", nil, []string{"veto"})
	}
	tally := NewTally()
	for _, d := range []struct {
		baseline bool
		session  int
		speeches []func() (corpus.Speech, SpeechAnnotation)
	}{
		{true, 75, []func() (corpus.Speech, SpeechAnnotation){
			func() (corpus.Speech, SpeechAnnotation) {
				return tallySpeech(1, corpus.RoleMemberState, "FRA", "France", nil, []string{"veto"})
			},
		}},
		{false, 76, []func() (corpus.Speech, SpeechAnnotation){chair,
			func() (corpus.Speech, SpeechAnnotation) {
				return tallySpeech(1, corpus.RoleMemberState, "FRA", "France", nil, []string{"veto"}, nil)
			},
			func() (corpus.Speech, SpeechAnnotation) {
				return tallySpeech(2, corpus.RoleMemberState, "MEX", "Mexico", nil, nil)
			},
		}},
		{false, 77, []func() (corpus.Speech, SpeechAnnotation){chair,
			func() (corpus.Speech, SpeechAnnotation) {
				return tallySpeech(1, corpus.RoleMemberState, "IND", "India", []GroupRef{g4, l69}, []string{"council-reform", "!veto"})
			},
			func() (corpus.Speech, SpeechAnnotation) {
				return tallySpeech(2, corpus.RoleObserver, "", "European Union", nil, []string{"veto"})
			},
		}},
	} {
		rec, ann := tallyRecord(d.session, d.speeches...)
		if !d.baseline {
			tally.AddRecord(rec, ann)
			continue
		}
		for i := range rec.Speeches {
			tally.AddBaseline(NewTallyStatement(rec, &rec.Speeches[i], &ann.Speeches[i], []string{"veto"}))
		}
	}

	for _, tt := range []struct {
		name      string
		got, want any
	}{
		{"passages, the chair's and uncoded ones too", tally.Passages(), 7},
		{"coded passages", tally.Coded(), 5},
		{"proposals", tally.Proposals(), 1},
		{"statements: not the chair's, not the baseline's", tally.Statements(), 4},
		{"delegations: the European Union among them", tally.Delegations(), 4},
		{"states in their own voice: by code", tally.StatesOwn(), 3},
		{"states through a group, the speaker's own among them", tally.StatesViaGroup(), 5},
		{"groups", tally.Groups(), map[string]string{"g4": "Group of Four", "l69": "l69"}},
		{"sessions with statements, the baseline's", tally.Sessions(), []int{75, 76, 77}},
		{"veto", tally.Theme("veto"), ThemeCount{Passages: 5, Statements: 3, StatesOwn: 2, States: 6}},
		{"council-reform", tally.Theme("council-reform"), ThemeCount{Passages: 1, Statements: 1, StatesOwn: 1, States: 5}},
		{"India: own voice, not through its groups", tally.State("IND").OwnVia, OwnVia{Own: 1}},
		{"Brazil: through two groups in one passage, once", tally.State("BRA").OwnVia, OwnVia{Via: 1}},
		{"Brazil's groups", tally.State("BRA").Groups, map[string]int{"g4": 1, "l69": 1}},
		{"Brazil's veto in 77", tally.State("BRA").Sessions[77].Themes["veto"], OwnVia{Via: 1}},
		{"France's sessions", tally.State("FRA").SessionList(), []int{76}},
		{"France: an uncoded passage counts as a passage", tally.State("FRA").OwnVia, OwnVia{Own: 2}},
		{"the European Union by its name", tally.State("~European Union").Themes["veto"], OwnVia{Own: 1}},
		{"the chair speaks for no state", tally.State(""), (*StateCount)(nil)},
		{"speakers in 76, not the chair", tally.Speakers(76), 2},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if !reflect.DeepEqual(tt.got, tt.want) {
				t.Errorf("got %v, want %v", tt.got, tt.want)
			}
		})
	}

	for _, tt := range []struct {
		name    string
		session int
		theme   string
		want    float64
		ok      bool
	}{
		{"half the delegations", 76, "veto", 0.5, true},
		{"a theme not raised", 76, "council-reform", 0, true},
		{"every delegation", 77, "veto", 1, true},
		{"the baseline's", 75, "veto", 1, true},
		{"a session without statements", 74, "veto", 0, false},
	} {
		t.Run("share/"+tt.name, func(t *testing.T) {
			got, ok := tally.Share(tt.session, tt.theme)
			if got != tt.want || ok != tt.ok {
				t.Errorf("Share(%d, %s) = %v, %v; want %v, %v", tt.session, tt.theme, got, ok, tt.want, tt.ok)
			}
		})
	}
}

// TestTallyLetter: a letter of several states speaks in the voice of each
// signatory, as the index's own-voice filter takes it, and through the
// group for the other members.
func TestTallyLetter(t *testing.T) {
	act := GroupRef{ID: "act", Members: []string{"CHE", "NZL", "CRI"}}
	rec, ann := tallyRecord(76, func() (corpus.Speech, SpeechAnnotation) {
		return tallySpeech(1, corpus.RoleMemberState, "", "", []GroupRef{act}, []string{"veto"})
	})
	rec.Letter = &corpus.Letter{Signatories: []corpus.Signatory{{CountryCode: "NZL"}, {CountryCode: "CHE"}, {CountryCode: "NZL"}}}
	tally := NewTally()
	tally.AddRecord(rec, ann)
	for _, tt := range []struct {
		code string
		want OwnVia
	}{{"NZL", OwnVia{Own: 1}}, {"CHE", OwnVia{Own: 1}}, {"CRI", OwnVia{Via: 1}}} {
		if sc := tally.State(tt.code); sc == nil || sc.OwnVia != tt.want {
			t.Errorf("%s: %+v, want %+v", tt.code, sc, tt.want)
		}
	}
	if tally.StatesOwn() != 2 || tally.Delegations() != 0 || tally.Theme("veto") != (ThemeCount{Passages: 1, Statements: 1, StatesOwn: 2, States: 3}) {
		t.Errorf("states own %d, delegations %d, veto %+v", tally.StatesOwn(), tally.Delegations(), tally.Theme("veto"))
	}
}
