package index

import (
	"context"
	"errors"
	"testing"

	"github.com/scdebate/scdebate/index/indextest"
)

// TestCollectLimit: a selection larger than Collect's limit is a
// *TooManyError, distinct from an invalid request's *RequestError, so
// that a caller can narrow the one and report the other.
func TestCollectLimit(t *testing.T) {
	docs := indextest.Generate(indextest.Options{Seed: 3, Paragraphs: 200})
	ix := openIndex(t, buildWorkspace(t, docs))
	all, err := ix.Collect(context.Background(), &Request{}, 1<<20)
	if err != nil || len(all) == 0 {
		t.Fatalf("%d passages, %v", len(all), err)
	}
	tests := []struct {
		name             string
		req              Request
		limit            int
		tooMany, invalid bool
	}{
		{name: "within the limit", limit: len(all)},
		{name: "over the limit", limit: len(all) - 1, tooMany: true},
		{name: "invalid", req: Request{Sort: "sideways"}, limit: len(all), invalid: true},
		{name: "invalid and over the limit", req: Request{Sort: "sideways"}, limit: 1, invalid: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ix.Collect(context.Background(), &tt.req, tt.limit)
			var tm *TooManyError
			var re *RequestError
			if errors.As(err, &tm) != tt.tooMany || errors.As(err, &re) != tt.invalid {
				t.Fatalf("error %v (%T); want too many %v, invalid %v", err, err, tt.tooMany, tt.invalid)
			}
			if tt.tooMany && (tm.Matched != uint64(len(all)) || tm.Limit != tt.limit) {
				t.Errorf("%+v, want %d matched over a limit of %d", tm, len(all), tt.limit)
			}
			if err == nil && len(got) != len(all) {
				t.Errorf("%d passages, want %d", len(got), len(all))
			}
		})
	}
}
