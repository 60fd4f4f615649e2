package web

import (
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/scdebate/scdebate/index/indextest"
)

// TestDebateAndProvenance: the search page marks the passages of records
// that are not the debate on the Council's report and offers the debate as
// a facet; the agenda filter works on the page and the API, a mistyped
// debate is a 400 with the nearest one; the passage page and the API give
// each theme's provenance.
func TestDebateAndProvenance(t *testing.T) {
	ts, _ := newTestServer(t, indextest.Handmade(), Options{})

	_, page := get(t, ts, "/?q=veto&lang=en")
	if n := strings.Count(page, `class="badge other-debate"`); n != 2 {
		t.Errorf("%d passages marked as not the debate on the report, want 2 (the reform debate and the sample)", n)
	}
	if !strings.Contains(page, `data-facet="agenda"`) || !strings.Contains(page, "On the Council&#39;s report") {
		t.Errorf("no debate facet on the page")
	}
	_, page = get(t, ts, "/?q=veto&agenda=report")
	if strings.Contains(page, `class="badge other-debate"`) || !strings.Contains(page, "Debate: <bdi>On the Council&#39;s report</bdi>") {
		t.Errorf("agenda=report: marked passages, or no active filter shown")
	}

	resp, body := get(t, ts, "/api/search?q=veto&agenda=report")
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("status %d: %s", resp.StatusCode, body)
	}
	var res SearchResponse
	if err := json.Unmarshal([]byte(body), &res); err != nil {
		t.Fatal(err)
	}
	if len(res.Hits) != 4 {
		t.Errorf("%d hits, want 4", len(res.Hits))
	}
	for _, h := range res.Hits {
		if !h.DebateOnReport || len(h.Agenda) != 1 || h.Agenda[0] != "report" || len(h.Codes) == 0 {
			t.Errorf("hit %s: on the report %v, agenda %v, codes %v", h.ID, h.DebateOnReport, h.Agenda, h.Codes)
		}
	}
	resp, body = get(t, ts, "/api/search?q=veto&agenda=reprot")
	var apiErr struct {
		Error, Param string
		Suggestions  []string
	}
	json.Unmarshal([]byte(body), &apiErr)
	if resp.StatusCode != http.StatusBadRequest || apiErr.Param != "agenda" || len(apiErr.Suggestions) == 0 || apiErr.Suggestions[0] != "report" {
		t.Errorf("agenda=reprot: status %d, %s", resp.StatusCode, body)
	}

	_, page = get(t, ts, "/passage/"+url.PathEscape("A_70_PV.40.en#1.2"))
	if !strings.Contains(page, "Where the themes come from") || !strings.Contains(page, "model 0.71") || !strings.Contains(page, `class="badge other-debate"`) {
		t.Errorf("passage page without provenance or mark:\n%s", page)
	}
	_, page = get(t, ts, "/passage/"+url.PathEscape("A_75_PV.78.en#1.2"))
	if !strings.Contains(page, `<td class="source">reviewed</td>`) {
		t.Errorf("a reviewed code not shown as reviewed")
	}
	_, body = get(t, ts, "/api/passage/"+url.PathEscape("A_75_PV.78.en#1.2"))
	if !strings.Contains(body, `"codes":[{"theme":"veto","source":"reviewed","score":0.9}]`) || !strings.Contains(body, `"debate_on_report":true`) {
		t.Errorf("API passage: %s", body)
	}
}
