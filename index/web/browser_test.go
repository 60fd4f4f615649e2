package web

import (
	"context"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/scdebate/scdebate/corpus/fixtures"
	"github.com/scdebate/scdebate/index/indextest"
	"github.com/scdebate/scdebate/reports"
)

// TestBrowser drives Debian's chromium (headless) through the search page
// served on a free loopback port: type a query, click a facet, check the
// results and their highlight, open the language versions, check the
// citation links, and download the workbook.
func TestBrowser(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: drives Chromium")
	}
	docs := append(indextest.Handmade(), indextest.Generate(indextest.Options{Seed: 2, Paragraphs: 300})...)
	ix, ws := openTestIndex(t, docs)
	srv, err := New(ix, Options{Workbook: reports.SearchWorkbook(ws), OnError: func(_ *http.Request, err error) { t.Errorf("server: %v", err) }})
	if err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	serveCtx, stopServe := context.WithCancel(context.Background())
	served := make(chan error, 1)
	go func() { served <- Serve(serveCtx, ln, srv.Handler(), 5*time.Second) }()
	defer func() {
		stopServe()
		if err := <-served; err != nil {
			t.Errorf("serve: %v", err)
		}
	}()
	base := "http://" + ln.Addr().String()

	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("no-first-run", true),
		// Nothing but the loopback server is reachable.
		chromedp.Flag("host-resolver-rules", "MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"),
		chromedp.Flag("proxy-server", "direct://"),
		chromedp.UserDataDir(t.TempDir()),
	)
	opts = append(opts, chromedp.ExecPath(fixtures.Tool(t, "chromium", "chromium", "chromium-browser", "google-chrome")))
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	defer cancelAlloc()
	ctx, cancel := chromedp.NewContext(allocCtx)
	defer cancel()
	ctx, cancelTimeout := context.WithTimeout(ctx, 90*time.Second)
	defer cancelTimeout()

	// Type a query and submit it with the keyboard.
	if err := chromedp.Do(ctx,
		chromedp.Navigate(base+"/"),
		chromedp.WaitVisible(chromedp.ID("q")),
		chromedp.KeyEvent("/"), // the shortcut focuses the search box
	); err != nil {
		t.Fatal(err)
	}
	focused, err := chromedp.Run(ctx, chromedp.Evaluate[string]("document.activeElement.id"))
	if err != nil || focused != "q" {
		t.Errorf("after '/', focus is on %q (%v), want the search box", focused, err)
	}
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.getElementById("q").value = ""`)); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.RunResponse(ctx, chromedp.SendKeys(chromedp.ID("q"), "veto"+kb.Enter)); err != nil {
		t.Fatal(err)
	}
	heading := text(ctx, t, chromedp.ID("results-heading"))
	if !strings.Contains(heading, "passages") || strings.HasPrefix(heading, "No") {
		t.Fatalf("results heading %q", heading)
	}

	// Click the New Zealand facet.
	if _, err := chromedp.RunResponse(ctx, chromedp.Click(chromedp.CSS(`.facet[data-facet="country"] a[data-term="NZL"]`))); err != nil {
		t.Fatal(err)
	}
	loc, err := chromedp.Run(ctx, chromedp.Location())
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(loc, "country=NZL") || !strings.Contains(loc, "q=veto") {
		t.Errorf("location %q does not hold the query and the facet", loc)
	}
	states, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`Array.from(document.querySelectorAll(".hit .hit-state")).map(e => e.textContent.trim())`))
	if err != nil {
		t.Fatal(err)
	}
	if len(states) == 0 {
		t.Fatal("no results after the facet click")
	}
	for _, s := range states {
		if s != "New Zealand" && s != "Nouvelle-Zélande" {
			t.Errorf("result from %q after filtering on NZL", s)
		}
	}
	marks, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`Array.from(document.querySelectorAll(".hit mark")).map(e => e.textContent.toLowerCase())`))
	if err != nil {
		t.Fatal(err)
	}
	if len(marks) == 0 {
		t.Error("no highlighted terms")
	}
	for _, m := range marks {
		if m != "veto" {
			t.Errorf("highlighted %q", m)
		}
	}
	selected := text(ctx, t, chromedp.CSS(`.facet[data-facet="country"] a[aria-current="true"] .term`))
	if selected != "New Zealand (NZL)" {
		t.Errorf("selected facet %q", selected)
	}

	// Citation links point at the official record and its page; the
	// sample record has none and says so.
	links, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`Array.from(document.querySelectorAll(".hit a.citation")).map(a => a.getAttribute("href"))`))
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Contains(links, "https://undocs.org/en/A/75/PV.78#page=4") {
		t.Errorf("citation links %v lack the official record at its page", links)
	}
	sampleBadge := text(ctx, t, chromedp.CSS(`.hit.is-sample .badge.sample`))
	if !strings.Contains(sampleBadge, "not an official record") {
		t.Errorf("sample badge %q", sampleBadge)
	}
	sampleLinks, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll(".hit.is-sample a.citation").length`))
	if err != nil || sampleLinks != 0 {
		t.Errorf("sample record has %d citation links (%v)", sampleLinks, err)
	}

	// The language versions of a passage open in place.
	if err := chromedp.Do(ctx,
		chromedp.Click(chromedp.CSS(`a.versions[data-passage="A_75_PV.78.en#1.2"]`)),
		chromedp.WaitVisible(chromedp.CSS(`article[id="hit-A_75_PV.78.en#1.2"] .counterparts blockquote`)),
	); err != nil {
		t.Fatal(err)
	}
	counterpart := text(ctx, t, chromedp.CSS(`article[id="hit-A_75_PV.78.en#1.2"] .counterparts blockquote`))
	if !strings.Contains(counterpart, "renoncer au veto") {
		t.Errorf("counterpart %q", counterpart)
	}

	// Follow a citation's own page: the passage page.
	if _, err := chromedp.RunResponse(ctx, chromedp.Navigate(base+"/passage/"+strings.ReplaceAll("A_75_PV.78.en#1.2", "#", "%23"))); err != nil {
		t.Fatal(err)
	}
	if h1 := text(ctx, t, chromedp.CSS("h1")); h1 != "A/75/PV.78, p. 4, para. 2" {
		t.Errorf("passage page heading %q", h1)
	}
	if _, err := chromedp.RunResponse(ctx, chromedp.Navigate(loc)); err != nil {
		t.Fatal(err)
	}

	// Download the workbook of the selection.
	dir := t.TempDir()
	yes := true
	progress := chromedp.Events(ctx, browser.DownloadProgress)
	if err := chromedp.Do(ctx,
		chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error {
			_, err := chromedp.Call(ctx, browser.SetDownloadBehavior, browser.SetDownloadBehaviorParams{
				Behavior: browser.SetDownloadBehaviorBehaviorAllowAndName, DownloadPath: dir, EventsEnabled: &yes,
			})
			return err
		}),
		chromedp.Click(chromedp.ID("workbook")),
	); err != nil {
		t.Fatal(err)
	}
	for ev, err := range progress {
		if err != nil {
			t.Fatal(err)
		}
		if ev.State == browser.DownloadProgressStateCanceled {
			t.Fatal("workbook download cancelled")
		}
		if ev.State != browser.DownloadProgressStateCompleted {
			continue
		}
		b, err := os.ReadFile(filepath.Join(dir, ev.GUID))
		if err != nil {
			t.Fatal(err)
		}
		comments := workbookComments(t, b)
		if !strings.Contains(comments, "refrain from the veto") || strings.Contains(comments, "Penholdership must be shared") {
			t.Errorf("workbook comments do not match the search:\n%s", comments)
		}
		break
	}
}

func text[S chromedp.Selectable](ctx context.Context, t *testing.T, sel S) string {
	t.Helper()
	s, err := chromedp.Run(ctx, chromedp.TextContent(sel))
	if err != nil {
		t.Fatalf("text of %v: %v", sel, err)
	}
	return strings.TrimSpace(s)
}
