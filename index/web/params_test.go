package web

import (
	"errors"
	"fmt"
	"net/url"
	"reflect"
	"testing"

	"github.com/scdebate/scdebate/corpus"
	"github.com/scdebate/scdebate/index"
)

func TestParseRequest(t *testing.T) {
	tests := []struct {
		name, query string
		check       func(r index.Request) bool
	}{
		{"defaults", "", func(r index.Request) bool {
			return r.Size == DefaultPageSize && r.From == 0 && r.Facets && r.Highlight && !r.ExcludeSamples
		}},
		{"repeated and comma lists", "country=NZL&country=CHE,MEX", func(r index.Request) bool {
			return reflect.DeepEqual(r.Countries, []string{"NZL", "CHE", "MEX"})
		}},
		{"session ranges", "session=75-79&session=60", func(r index.Request) bool {
			return reflect.DeepEqual(r.Sessions, []corpus.SessionRange{{From: 75, To: 79}, {From: 60, To: 60}})
		}},
		{"flags", "proposals=1&samples=0&fuzzy=true", func(r index.Request) bool {
			return r.Proposals && r.ExcludeSamples && r.Fuzzy
		}},
		{"paging and dates", "from=40&size=10&from_date=2020&to_date=2021-06", func(r index.Request) bool {
			return r.From == 40 && r.Size == 10 && r.DateFrom == "2020" && r.DateTo == "2021-06"
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v, err := url.ParseQuery(tt.query)
			if err != nil {
				t.Fatal(err)
			}
			r, err := ParseRequest(v)
			if err != nil {
				t.Fatal(err)
			}
			if !tt.check(r) {
				t.Errorf("ParseRequest(%q) = %+v", tt.query, r)
			}
		})
	}
}

func FuzzParseRequest(f *testing.F) {
	for _, s := range []string{
		"q=veto&country=NZL&session=75-79&size=20",
		"q=%22wrap-up+sessions%22+OR+penhold*&theme=veto,burden-sharing&from=40",
		"session=-79&from_date=2020-02&to_date=2021&sort=date-asc&samples=0",
		"size=-1", "q=((", "session=9-", "proposals=maybe",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		v, err := url.ParseQuery(raw)
		if err != nil {
			return
		}
		r, err := ParseRequest(v)
		if err != nil {
			var re *index.RequestError
			var qe *index.QueryError
			if !errors.As(err, &re) && !errors.As(err, &qe) {
				t.Fatalf("untyped error %T: %v", err, err)
			}
			return
		}
		// A valid request survives the round trip through its URL form.
		again, err := ParseRequest(Values(&r))
		if err != nil {
			t.Fatalf("canonical form %q rejected: %v", Values(&r).Encode(), err)
		}
		if !reflect.DeepEqual(Values(&again), Values(&r)) {
			t.Fatalf("round trip changed the request: %q -> %q", Values(&r).Encode(), Values(&again).Encode())
		}
	})
}

func ExampleParseRequest() {
	v, _ := url.ParseQuery("q=penholdership&country=NZL&theme=burden-sharing&session=75-79")
	req, err := ParseRequest(v)
	fmt.Println(req.Query, req.Countries, req.Themes, req.Sessions, req.Size, err)
	_, err = ParseRequest(url.Values{"size": {"1000"}})
	fmt.Println(err)
	// Output:
	// penholdership [NZL] [burden-sharing] [75-79] 20 <nil>
	// size "1000": must be 0 to 100
}
