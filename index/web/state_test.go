package web

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"testing"

	"github.com/scdebate/scdebate/index"
)

// fakeCollector answers a state page's reads with errs, one a call, then
// with passages.
type fakeCollector struct {
	errs     []error
	passages []index.Passage
	reqs     []index.Request
}

func (f *fakeCollector) Collect(_ context.Context, req *index.Request, _ int) ([]index.Passage, error) {
	f.reqs = append(f.reqs, *req)
	if n := len(f.reqs); n <= len(f.errs) && f.errs[n-1] != nil {
		return nil, f.errs[n-1]
	}
	return f.passages, nil
}

// TestCollectState: only a selection too large for the page narrows it to
// the recent sessions and says so; an invalid request is the page's
// error, never shown as a truncation.
func TestCollectState(t *testing.T) {
	invalid := &index.RequestError{Param: "voice", Value: "NZL", Msg: "want a non-empty value"}
	tooMany := &index.TooManyError{Matched: statePassages + 1, Limit: statePassages}
	tests := []struct {
		name      string
		errs      []error
		wantErr   error
		truncated bool
		reads     int
	}{
		{name: "fits", reads: 1},
		{name: "too many", errs: []error{tooMany}, truncated: true, reads: 2},
		{name: "too many, wrapped", errs: []error{fmt.Errorf("collect: %w", tooMany)}, truncated: true, reads: 2},
		{name: "invalid request", errs: []error{invalid}, wantErr: invalid, reads: 1},
		{name: "too many, then invalid", errs: []error{tooMany, invalid}, wantErr: invalid, truncated: true, reads: 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ix := &fakeCollector{errs: tt.errs, passages: []index.Passage{{ID: "p", Countries: []string{"NZL"}}}}
			view := &stateView{Code: "NZL"}
			got, err := collectState(context.Background(), ix, view)
			if !errors.Is(err, tt.wantErr) || (err == nil) != (tt.wantErr == nil) {
				t.Fatalf("error %v, want %v", err, tt.wantErr)
			}
			if view.Truncated != tt.truncated {
				t.Errorf("truncated %v, want %v", view.Truncated, tt.truncated)
			}
			if len(ix.reqs) != tt.reads {
				t.Fatalf("%d reads, want %d", len(ix.reqs), tt.reads)
			}
			if tt.reads == 2 && ix.reqs[1].DateFrom == "" {
				t.Errorf("second read %+v: want the recent sessions", ix.reqs[1])
			}
			if err == nil && len(got) != 1 {
				t.Errorf("%d passages, want 1", len(got))
			}
		})
	}
}

// TestTallyState counts a state's passages as the state page shows them:
// in its own voice and through its groups, by session and theme, and its
// statements; a document held in several languages once, in the version
// the workbook uses.
func TestTallyState(t *testing.T) {
	passages := []index.Passage{
		{ID: "a1.zh", Record: "A.zh", Symbol: "A/77/PV.1", Language: "zh", Session: 77, Countries: []string{"NZL"}, Themes: []string{"veto"}},
		{ID: "a1", Record: "A", Symbol: "A/77/PV.1", Language: "en", Session: 77, Countries: []string{"NZL"}, Themes: []string{"veto"}},
		{ID: "a2", Record: "A", Symbol: "A/77/PV.1", Language: "en", Session: 77, Countries: []string{"NZL"}, Themes: []string{"veto", "council-reform"}},
		{ID: "a2.zh", Record: "A.zh", Symbol: "A/77/PV.1", Language: "zh", Session: 77, Countries: []string{"NZL"}, Themes: []string{"veto", "council-reform"}},
		{ID: "b1", Record: "B", Symbol: "A/77/PV.2", Language: "en", Session: 77, Countries: []string{"CHE"}, Groups: []string{"act"}, Themes: []string{"veto"}},
		{ID: "c1", Record: "C", Symbol: "A/78/PV.1", Language: "fr", Session: 78, Countries: []string{"CHE"}, Groups: []string{"act", "fossil"}},
		{ID: "d1.zh", Record: "D.zh", Symbol: "A/76/PV.1", Language: "zh", Session: 76, Countries: []string{"NZL"}},
	}
	view := &stateView{Code: "NZL"}
	st := tallyState(view, passages)
	if view.OwnTotal != 3 || view.ViaTotal != 2 {
		t.Errorf("own %d, via %d; want 3 and 2", view.OwnTotal, view.ViaTotal)
	}
	if want := []index.FacetTerm{{Term: "act", Count: 2}, {Term: "fossil", Count: 1}}; !reflect.DeepEqual(view.Groups, want) {
		t.Errorf("groups %v, want %v", view.Groups, want)
	}
	if want := []int{78, 77, 76}; !reflect.DeepEqual(st.sessions, want) {
		t.Errorf("sessions %v, want %v", st.sessions, want)
	}
	s77 := st.session("NZL", 77, nil)
	if s77.Own != 2 || s77.Via != 1 || len(s77.Records) != 1 || s77.Records[0].Passages != 2 || s77.Records[0].Symbol != "A/77/PV.1" {
		t.Errorf("77: %+v", s77)
	}
	if want := []index.FacetTerm{{Term: "veto", Count: 2}, {Term: "council-reform", Count: 1}}; !reflect.DeepEqual(s77.Themes, want) {
		t.Errorf("77 themes %v, want %v", s77.Themes, want)
	}
	if want := []index.FacetTerm{{Term: "veto", Count: 1}}; !reflect.DeepEqual(s77.ViaThemes, want) {
		t.Errorf("77 themes through groups %v, want %v", s77.ViaThemes, want)
	}
	rows := st.themeRows([]int{78, 77})
	want := []themeRow{
		{Theme: "veto", Own: 2, Via: 1, Cells: []themeCell{{}, {Own: 2, Via: 1}}},
		{Theme: "council-reform", Own: 1, Cells: []themeCell{{}, {Own: 1}}},
	}
	if !reflect.DeepEqual(rows, want) {
		t.Errorf("theme rows %+v, want %+v", rows, want)
	}
}
