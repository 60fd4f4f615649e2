package web

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/scdebate/scdebate/index"
	"github.com/scdebate/scdebate/index/indextest"
)

// An unknown filter value is a 400 naming the parameter, with the nearest
// known values, on the API, the page and the workbook download; a state's
// or language's name is taken for its code.
func TestFilterValues(t *testing.T) {
	ts, _ := newTestServer(t, indextest.Handmade(), Options{Workbook: func(_ context.Context, w io.Writer, _ *index.Request, _ []index.Passage) error {
		_, err := w.Write([]byte("xlsx"))
		return err
	}})
	tests := []struct {
		name, query string
		status      int
		param       string
		suggest     string
	}{
		{"theme typo", "q=veto&theme=vetoo", http.StatusBadRequest, "theme", "veto"},
		{"theme misspelt", "theme=burden-sharring", http.StatusBadRequest, "theme", "burden-sharing"},
		{"language not official", "lang=de", http.StatusBadRequest, "lang", ""},
		{"group unknown", "group=Atlantic+Alliance", http.StatusBadRequest, "group", ""},
		{"group misspelt", "group=ufcc", http.StatusBadRequest, "group", "ufc"},
		{"country unknown", "country=New+Zeeland", http.StatusBadRequest, "country", "New Zealand (NZL)"},
		{"country by name", "q=veto&country=New+Zealand", http.StatusOK, "", ""},
		{"country in French", "q=veto&country=Nouvelle-Z%C3%A9lande", http.StatusOK, "", ""},
		{"language by name", "q=veto&lang=English", http.StatusOK, "", ""},
		{"group by name", "group=ACT+group", http.StatusOK, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			resp, body := get(t, ts, "/api/search?"+tt.query)
			if resp.StatusCode != tt.status {
				t.Fatalf("API status %d, want %d: %s", resp.StatusCode, tt.status, body)
			}
			if tt.status == http.StatusOK {
				var res SearchResponse
				if err := json.Unmarshal([]byte(body), &res); err != nil {
					t.Fatal(err)
				}
				if res.Total == 0 && !strings.HasPrefix(tt.query, "group=") {
					t.Errorf("no passages: %s", body)
				}
				for _, h := range res.Hits {
					if strings.Contains(tt.query, "country=") && h.CountryCode != "NZL" {
						t.Errorf("hit from %s", h.CountryCode)
					}
				}
				return
			}
			var e errorBody
			if err := json.Unmarshal([]byte(body), &e); err != nil {
				t.Fatal(err)
			}
			if e.Param != tt.param || !strings.Contains(e.Error, "no such") || (tt.suggest != "" && !slices.Contains(e.Suggestions, tt.suggest)) {
				t.Errorf("API error %+v", e)
			}
			resp, page := get(t, ts, "/?"+tt.query)
			if resp.StatusCode != tt.status || !strings.Contains(page, "no such") {
				t.Errorf("page status %d:\n%.300s", resp.StatusCode, page)
			}
			if tt.suggest != "" && !strings.Contains(page, "Did you mean") {
				t.Errorf("page offers no suggestion")
			}
			if resp, _ := get(t, ts, "/api/report.xlsx?"+tt.query); resp.StatusCode != tt.status {
				t.Errorf("workbook status %d", resp.StatusCode)
			}
		})
	}
	// A suggestion links to the search with the value replaced.
	_, page := get(t, ts, "/?q=veto&theme=vetoo")
	if !strings.Contains(page, `href="/?q=veto&amp;theme=veto"`) {
		t.Errorf("no link to the corrected search:\n%s", page)
	}
}

// Every hit of the API gives its paragraph, and its citation names it.
func TestAPIParagraph(t *testing.T) {
	ts, _ := newTestServer(t, indextest.Handmade(), Options{})
	_, body := get(t, ts, "/api/search?q=veto")
	var res SearchResponse
	if err := json.Unmarshal([]byte(body), &res); err != nil {
		t.Fatal(err)
	}
	if len(res.Hits) == 0 {
		t.Fatal("no hits")
	}
	for _, h := range res.Hits {
		if h.Paragraph < 1 || h.Paragraph != h.N || !strings.Contains(h.Citation, ", para. "+strconv.Itoa(h.Paragraph)) {
			t.Errorf("hit %s: paragraph %d, citation %q", h.ID, h.Paragraph, h.Citation)
		}
	}
}

// A state page for a code no state has is a 404 page with the states it
// may have meant; a state's name goes to its page.
func TestStatePageUnknownCode(t *testing.T) {
	ts, _ := newTestServer(t, indextest.Handmade(), Options{})
	for _, tt := range []struct {
		path, want string
	}{
		{"/state/XXX", "No state has the code XXX"},
		{"/state/NZK", "No state has the code NZK"},
		{"/state/" + url.PathEscape("New Zeeland"), "New Zealand (NZL)"},
	} {
		resp, body := get(t, ts, tt.path)
		if resp.StatusCode != http.StatusNotFound || !strings.Contains(body, tt.want) || !strings.Contains(body, "Unknown state") {
			t.Errorf("%s: status %d\n%.400s", tt.path, resp.StatusCode, body)
		}
	}
	resp, _ := get(t, ts, "/state/"+url.PathEscape("New Zealand"))
	if resp.StatusCode != http.StatusOK || resp.Request.URL.Path != "/state/NZL" {
		t.Errorf("/state/New Zealand: status %d at %s", resp.StatusCode, resp.Request.URL)
	}
	if resp, _ := get(t, ts, "/state/NZL"); resp.StatusCode != http.StatusOK {
		t.Errorf("/state/NZL: status %d", resp.StatusCode)
	}
}

// A page past the last passage says so and links back to the first.
func TestSearchPagePastTheEnd(t *testing.T) {
	ts, _ := newTestServer(t, indextest.Handmade(), Options{})
	resp, page := get(t, ts, "/?q=veto&from=500")
	if resp.StatusCode != http.StatusOK || !strings.Contains(page, "No passages on this page") || !strings.Contains(page, "Back to the first page") {
		t.Errorf("status %d:\n%s", resp.StatusCode, page)
	}
}
