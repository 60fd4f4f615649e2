package reports

import (
	"reflect"
	"strings"
	"testing"

	"github.com/scdebate/scdebate/corpus"
)

// TestProposalSpool: requests come back from the spool whole, ordered by
// theme and kind, in the order they came within each.
func TestProposalSpool(t *testing.T) {
	sp := newProposalSpool(t.TempDir())
	defer sp.close()
	r1, r2 := &corpus.Record{Symbol: "A/79/PV.29"}, &corpus.Record{Symbol: "A/78/PV.30"}
	in := []proposal{
		{theme: "veto", kind: "urge", text: "Refrain from the veto.", state: "Liechtenstein", code: "LIE", speaker: "Mr. Wenaweser", rec: r1, page: 3, paragraph: 7},
		{theme: "annual-report", kind: "should", text: strings.Repeat("é", 500), state: "Mexico", code: "MEX", speakingFor: "ACT", rec: r2, page: 12, paragraph: 1},
		{theme: "veto", kind: "call-on", text: "We call on the five.", rec: r2, page: -1},
		{theme: "veto", kind: "urge", text: "And again.", rec: r1, paragraph: 8},
	}
	for _, p := range in {
		sp.add(p)
	}
	if sp.len() != len(in) {
		t.Fatalf("%d spooled, want %d", sp.len(), len(in))
	}
	var out []proposal
	err := sp.each(func(a, b [2]string) int { return strings.Compare(a[0]+a[1], b[0]+b[1]) }, func(p proposal) error {
		out = append(out, p)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	want := []proposal{in[1], in[2], in[0], in[3]}
	if !reflect.DeepEqual(out, want) {
		t.Errorf("got %+v\nwant %+v", out, want)
	}
}
