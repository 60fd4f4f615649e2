package analysis

import (
	"reflect"
	"slices"
	"testing"

	"github.com/scdebate/scdebate/corpus"
)

func TestEmergingTopics(t *testing.T) {
	tx, _ := DefaultTaxonomy()
	mk := func(s int, phrases map[string]int) Coded {
		return Coded{Record: &corpus.Record{Session: corpus.Int(s)}, Annotation: &Annotation{KeyPhrases: phrases}}
	}
	docs := []Coded{
		mk(74, map[string]int{"working methods": 40, "open debates": 10, "penholders": 5}),
		mk(75, map[string]int{"working methods": 38, "videoconferences": 30, "open debates": 9, "written procedure": 12}),
		mk(75, map[string]int{"hybrid meetings": 4, "penholders": 1}),
		mk(0, nil),
	}
	topics := EmergingTopics(tx, docs, TopicOptions{})
	if len(topics) != 2 || topics[1].Session != 75 {
		t.Fatalf("topics: %+v", topics)
	}
	var got []string
	for _, kp := range topics[1].Phrases {
		got = append(got, kp.Phrase)
	}
	if len(got) < 2 || got[0] != "videoconferences" || !slices.Contains(got, "written procedure") || slices.Contains(got, "working methods") {
		t.Errorf("session 75 key phrases = %v", got)
	}
	if kp := topics[1].Phrases[0]; !slices.Equal(kp.Themes, []string{"virtual-meetings"}) || kp.LogLikelihood <= 0 {
		t.Errorf("videoconferences: %+v", kp)
	}
	unc := EmergingTopics(tx, docs, TopicOptions{Uncovered: true})
	for _, kp := range unc[1].Phrases {
		if len(kp.Themes) > 0 {
			t.Errorf("uncovered list has %q (%v)", kp.Phrase, kp.Themes)
		}
	}
}

// TestLatestTopicCounter: counting only the latest session, whatever the
// order the records come in, ranks it as EmergingTopics does.
func TestLatestTopicCounter(t *testing.T) {
	tx, _ := DefaultTaxonomy()
	mk := func(s int, phrases map[string]int) Coded {
		return Coded{Record: &corpus.Record{Session: corpus.Int(s)}, Annotation: &Annotation{KeyPhrases: phrases}}
	}
	docs := []Coded{
		mk(75, map[string]int{"working methods": 38, "videoconferences": 30, "open debates": 9, "written procedure": 12}),
		mk(73, map[string]int{"working methods": 20, "penholders": 7}),
		mk(76, map[string]int{"hybrid meetings": 14, "videoconferences": 40, "working methods": 5, "penholders": 9}),
		mk(74, map[string]int{"working methods": 40, "open debates": 10, "penholders": 5}),
		mk(76, map[string]int{"written procedure": 6, "penholders": 1}),
	}
	all := EmergingTopics(tx, docs, TopicOptions{})
	want := all[len(all)-1]
	c := NewLatestTopicCounter()
	for _, d := range docs {
		c.Add(*d.Record.Session, d.Annotation.KeyPhrases)
	}
	got := c.Topics(tx, TopicOptions{})
	if len(got) != 1 || !reflect.DeepEqual(got[0], want) {
		t.Errorf("latest only: %+v\nwant %+v", got, want)
	}
	if want.Session != 76 || len(want.Phrases) == 0 {
		t.Errorf("session 76 ranked %+v", want)
	}
}

func TestPhrases(t *testing.T) {
	tests := []struct {
		name, text string
		want, not  []string
	}{
		{"runs of content words", "The Council should hold more open debates and publish the monthly programme of work.",
			[]string{"council", "open debates", "monthly programme", "programme", "hold"}, []string{"the council", "programme of work", "debates and publish"}},
		{"punctuation and numbers break", "Resolution 2334 (2016), adopted on 23 December; the penholders.",
			[]string{"resolution", "adopted", "penholders"}, []string{"resolution adopted", "2334", "december penholders"}},
		{"possessives break", "The Secretary-General's report and the Council's working methods",
			[]string{"secretary-general", "report", "council", "working methods"}, []string{"secretary-general report", "council working"}},
		{"three words at most", "permanent members veto power reform",
			[]string{"permanent members veto", "members veto power", "veto power reform"}, []string{"permanent members veto power"}},
		{"list markers and short words", "(ii) the UN system and (iv) an ICC referral",
			[]string{"un system", "icc referral", "referral", "system"}, []string{"ii", "iv", "un"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkHasNot(t, "Phrases", Phrases(tt.text), tt.want, tt.not)
		})
	}
}
