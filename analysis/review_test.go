package analysis

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/scdebate/scdebate/corpus"
)

func TestParseReviewOps(t *testing.T) {
	tests := []struct {
		name, text string
		want       string // the steps, joined; "" for none
		err        string
	}{
		{"set and remove", "+veto -transparency", "+veto -transparency", ""},
		{"commas and case", "+Veto, -Transparency;+council-reform", "+veto -transparency +council-reform", ""},
		{"none", "none", "none", ""},
		{"none then set", "NONE +veto", "none +veto", ""},
		{"minus sign and dash", "−veto –transparency", "-veto -transparency", ""},
		{"formula left by a spreadsheet", "=+veto", "+veto", ""},
		{"empty", "   ", "", ""},
		{"bare theme", "veto", "", "has no + or - before the theme"},
		{"sign alone", "+ veto", "", "names no theme"},
		{"double sign", "+-veto", "", "names no theme"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ops, err := ParseReviewOps(tc.text)
			if tc.err != "" {
				var se *ReviewSyntaxError
				if !errors.As(err, &se) || !strings.Contains(err.Error(), tc.err) {
					t.Fatalf("error %v, want one saying %q", err, tc.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, op := range ops {
				got = append(got, op.String())
			}
			if strings.Join(got, " ") != tc.want {
				t.Errorf("got %q, want %q", strings.Join(got, " "), tc.want)
			}
		})
	}
}

func TestMergeReview(t *testing.T) {
	tests := []struct {
		name, before, ops, want string
	}{
		{"first review", "", "+veto -transparency", "+veto -transparency"},
		{"a later step wins", "+veto", "-veto", "-veto"},
		{"steps add up", "+veto", "-transparency", "+veto -transparency"},
		{"none clears what came before", "+veto -transparency", "none", "none"},
		{"set after none", "none", "+veto", "none +veto"},
		{"remove after none only unsets", "none +veto", "-veto", "none"},
		{"order is canonical", "", "-b +z +a", "+a +z -b"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var prev *Review
			if tc.before != "" {
				ops, err := ParseReviewOps(tc.before)
				if err != nil {
					t.Fatal(err)
				}
				prev = mergeReview(nil, "p", ops)
			}
			ops, err := ParseReviewOps(tc.ops)
			if err != nil {
				t.Fatal(err)
			}
			if got := mergeReview(prev, "p", ops).String(); got != tc.want {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}

// analysedWorkspace is the test records' workspace, analysed by c (the
// coder gives A_76_PV.40.en#1.1 no theme although it names the veto, and
// #2.1 burden-sharing and veto).
func analysedWorkspace(t *testing.T, c *Coder) *corpus.Workspace {
	t.Helper()
	ws := testWorkspace(t)
	if _, err := c.AnalyzeWorkspace(t.Context(), locked(t, ws), AnalyzeOptions{SkipKeyPhrases: true}); err != nil {
		t.Fatal(err)
	}
	return ws
}

const (
	passage761 = "A_76_PV.40.en#1.1"
	passage762 = "A_76_PV.40.en#2.1"
	sha76      = "7601"
)

func readTestAnnotation(t *testing.T, ws *corpus.Workspace, c *Coder, sha string) *Annotation {
	t.Helper()
	ann, err := ReadAnnotation(ws, sha, c.Taxonomy().Hash())
	if err != nil {
		t.Fatal(err)
	}
	return ann
}

// codesOf renders a paragraph's codes as "theme:source".
func codesOf(ann *Annotation, seq, n int) string {
	pa := paragraphAnnotation(ann, seq, n)
	if pa == nil {
		return "missing"
	}
	var out []string
	for _, cd := range pa.Codes {
		out = append(out, cd.Theme+":"+cd.Source)
	}
	return strings.Join(out, " ")
}

func fileBytes(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil && !errors.Is(err, os.ErrNotExist) {
		t.Fatal(err)
	}
	return b
}

// TestEditReviews sets, changes and removes reviews and checks the
// annotation each time: reviewed codes override the coder's, the coder's
// own verdict comes back when a review goes, and analyze then has nothing
// to do.
func TestEditReviews(t *testing.T) {
	c := newTestCoder(t)
	ws := analysedWorkspace(t, c)
	coderCodes := codesOf(readTestAnnotation(t, ws, c, sha76), 2, 1)
	if coderCodes != "burden-sharing:rule veto:rule" {
		t.Fatalf("the coder's codes of %s changed: %s; the test needs other passages", passage762, coderCodes)
	}
	steps := []struct {
		name  string
		edits []ReviewEdit
		// want: passage → codes after the step
		want map[[2]int]string
		// speech: the themes of speech 2 after the step
		speech string
	}{
		{"set a theme the coder missed, remove one it gave",
			[]ReviewEdit{{Passage: passage761, Text: "+veto"}, {Passage: passage762, Text: "-burden-sharing"}},
			map[[2]int]string{{1, 1}: "annual-report:rule veto:reviewed", {2, 1}: "veto:rule"}, "veto"},
		{"confirm a theme the coder gave",
			[]ReviewEdit{{Passage: passage762, Text: "+veto"}},
			map[[2]int]string{{2, 1}: "veto:reviewed"}, "veto"},
		{"none",
			[]ReviewEdit{{Passage: passage762, Text: "none"}},
			map[[2]int]string{{2, 1}: ""}, ""},
		{"unset gives the coder's codes back",
			[]ReviewEdit{{Passage: passage762, Unset: true}},
			map[[2]int]string{{1, 1}: "annual-report:rule veto:reviewed", {2, 1}: coderCodes}, "burden-sharing veto"},
	}
	for _, st := range steps {
		out, err := EditReviews(t.Context(), locked(t, ws), st.edits, ReviewOptions{Origin: "command"})
		if err != nil {
			t.Fatalf("%s: %v", st.name, err)
		}
		if len(out.Skipped) > 0 || !out.Saved || len(out.Records) != 1 || out.Records[0] != "A_76_PV.40.en" {
			t.Fatalf("%s: %+v", st.name, out)
		}
		ann := readTestAnnotation(t, ws, c, sha76)
		for pos, want := range st.want {
			if got := codesOf(ann, pos[0], pos[1]); got != want {
				t.Errorf("%s: #%d.%d codes %q, want %q", st.name, pos[0], pos[1], got, want)
			}
		}
		if got := strings.Join(ann.Speeches[1].Themes, " "); got != st.speech {
			t.Errorf("%s: speech themes %q, want %q", st.name, got, st.speech)
		}
		res, err := c.AnalyzeWorkspace(t.Context(), locked(t, ws), AnalyzeOptions{SkipKeyPhrases: true})
		if err != nil || res.Unchanged != 2 || res.Written+res.Reviewed != 0 {
			t.Errorf("%s: analyze afterwards did work: %+v, %v", st.name, res, err)
		}
	}
	rs, err := LoadReviews(ws)
	if err != nil {
		t.Fatal(err)
	}
	r := rs.Get(passage761)
	if rs.Len() != 1 || r == nil || r.String() != "+veto" || r.Origin != "command" || !slices.Equal(r.Themes, []string{"annual-report", "veto"}) {
		t.Errorf("stored reviews: %d, %+v", rs.Len(), r)
	}

	// Reviews survive a forced re-analysis.
	if _, err := c.AnalyzeWorkspace(t.Context(), locked(t, ws), AnalyzeOptions{Force: true, SkipKeyPhrases: true}); err != nil {
		t.Fatal(err)
	}
	ann := readTestAnnotation(t, ws, c, sha76)
	if got := codesOf(ann, 1, 1); got != "annual-report:rule veto:reviewed" {
		t.Errorf("after re-analysis: %q", got)
	}
	if pa := paragraphAnnotation(ann, 1, 1); pa.Review != "+veto" || pa.Coder == nil || len(pa.Coder.Codes) != 1 {
		t.Errorf("provenance after re-analysis: review %q, coder %+v", pa.Review, pa.Coder)
	}
}

// TestEditReviewsBadInput: every bad edit is skipped with its reason, and
// leaves the reviews and annotations as they were.
func TestEditReviewsBadInput(t *testing.T) {
	c := newTestCoder(t)
	ws := analysedWorkspace(t, c)
	if _, err := EditReviews(t.Context(), locked(t, ws), []ReviewEdit{{Passage: passage762, Text: "-burden-sharing"}}, ReviewOptions{Now: time.Date(2025, 3, 1, 12, 0, 0, 0, time.UTC)}); err != nil {
		t.Fatal(err)
	}
	// A_75_PV.12 is in the workspace, not analysed under another taxonomy.
	other, err := ParseTaxonomy("other.yaml", []byte(strings.Replace(string(DefaultTaxonomyYAML()), "id: veto", "id: right-of-veto", 1)))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		edit ReviewEdit
		opts ReviewOptions
		want string
	}{
		{"not a passage ID", ReviewEdit{Passage: "A_76_PV.40.en", Text: "+veto"}, ReviewOptions{}, "no #SPEECH.PARAGRAPH after the record"},
		{"unknown record", ReviewEdit{Passage: "A_76_PV.40.fr#1.1", Text: "+veto"}, ReviewOptions{}, "no record A_76_PV.40.fr; it has A_76_PV.40.en"},
		{"unknown speech", ReviewEdit{Passage: "A_76_PV.40.en#9.1", Text: "+veto"}, ReviewOptions{}, "has no speech 9"},
		{"unknown paragraph", ReviewEdit{Passage: "A_76_PV.40.en#2.7", Text: "+veto"}, ReviewOptions{}, "has no paragraph 7 (it has 1 to 1)"},
		{"unknown theme", ReviewEdit{Passage: passage761, Text: "+vet"}, ReviewOptions{}, `theme "vet": no such theme; did you mean veto?`},
		{"bad syntax", ReviewEdit{Passage: passage761, Text: "veto"}, ReviewOptions{}, "has no + or -"},
		{"not analysed with the taxonomy", ReviewEdit{Passage: passage761, Text: "+right-of-veto"}, ReviewOptions{Taxonomy: other}, "has not been analysed with this taxonomy"},
		{"text changed since the copy", ReviewEdit{Passage: passage761, Text: "+veto", SeenDigest: corpus.TextDigest("other text")}, ReviewOptions{}, "text changed since this copy was made"},
		{"unset without a review", ReviewEdit{Passage: passage761, Unset: true}, ReviewOptions{}, ErrNotReviewed.Error()},
		{"reviewed after the copy was made", ReviewEdit{Passage: passage762, Text: "+burden-sharing", Where: "row 3"},
			ReviewOptions{SeenAt: time.Date(2025, 2, 1, 0, 0, 0, 0, time.UTC)}, "reviewed again (-burden-sharing) on 2025-03-01"},
	}
	reviewsBefore := fileBytes(t, ReviewsFile(ws))
	annBefore := fileBytes(t, AnnotationFile(ws, sha76, c.Taxonomy().Hash()))
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			out, err := EditReviews(t.Context(), locked(t, ws), []ReviewEdit{tc.edit}, tc.opts)
			if err != nil {
				t.Fatal(err)
			}
			if len(out.Skipped) != 1 || !strings.Contains(out.Skipped[0].Error(), tc.want) || out.Saved || len(out.Changed) != 0 {
				t.Fatalf("outcome %+v (skipped %v), want one skip saying %q", out, out.Skipped, tc.want)
			}
			if tc.edit.Where != "" && !strings.HasPrefix(out.Skipped[0].Error(), tc.edit.Where+": ") {
				t.Errorf("the skip does not say where: %v", out.Skipped[0])
			}
			if string(fileBytes(t, ReviewsFile(ws))) != string(reviewsBefore) {
				t.Error("the reviews changed")
			}
			if string(fileBytes(t, AnnotationFile(ws, sha76, c.Taxonomy().Hash()))) != string(annBefore) {
				t.Error("the annotation changed")
			}
		})
	}

	t.Run("the same passage twice with different reviews", func(t *testing.T) {
		out, err := EditReviews(t.Context(), locked(t, ws), []ReviewEdit{
			{Passage: passage761, Text: "+veto", Where: "row 2"},
			{Passage: passage761, Text: "none", Where: "row 9"},
			{Passage: "A_75_PV.12.en#3.1", Text: "+veto", Where: "row 4"},
		}, ReviewOptions{})
		if err != nil {
			t.Fatal(err)
		}
		if len(out.Skipped) != 2 || !strings.Contains(out.Skipped[0].Error(), "also at row 9") || !strings.Contains(out.Skipped[1].Error(), "also at row 2") {
			t.Errorf("skipped %v", out.Skipped)
		}
		if len(out.Changed) != 1 || out.Changed[0].Passage != "A_75_PV.12.en#3.1" {
			t.Errorf("changed %+v: the good row should be applied", out.Changed)
		}
	})
	t.Run("all or nothing", func(t *testing.T) {
		before := fileBytes(t, ReviewsFile(ws))
		out, err := EditReviews(t.Context(), locked(t, ws), []ReviewEdit{
			{Passage: passage761, Text: "+veto"}, {Passage: passage761 + "9", Text: "+veto"},
		}, ReviewOptions{AllOrNothing: true})
		if err != nil || out.Saved || len(out.Skipped) != 1 || len(out.Changed) != 0 {
			t.Errorf("%+v, %v", out, err)
		}
		if string(fileBytes(t, ReviewsFile(ws))) != string(before) {
			t.Error("the reviews changed")
		}
	})
	t.Run("force overrides a newer review", func(t *testing.T) {
		out, err := EditReviews(t.Context(), locked(t, ws), []ReviewEdit{{Passage: passage762, Text: "+burden-sharing"}},
			ReviewOptions{SeenAt: time.Date(2025, 2, 1, 0, 0, 0, 0, time.UTC), Force: true})
		if err != nil || len(out.Changed) != 1 || out.Changed[0].Before != "-burden-sharing" || out.Changed[0].After != "+burden-sharing" {
			t.Errorf("%+v, %v", out, err)
		}
	})
}

// TestReviewsThroughChanges: a review naming a theme the taxonomy no
// longer has, and one whose paragraph's text changed, are reported, kept
// and not applied; the rest apply.
func TestReviewsThroughChanges(t *testing.T) {
	c := newTestCoder(t)
	ws := analysedWorkspace(t, c)
	if _, err := EditReviews(t.Context(), locked(t, ws), []ReviewEdit{
		{Passage: passage761, Text: "+veto +annual-report"},
		{Passage: passage762, Text: "-burden-sharing"},
	}, ReviewOptions{}); err != nil {
		t.Fatal(err)
	}

	other, err := ParseTaxonomy("other.yaml", []byte(strings.Replace(string(DefaultTaxonomyYAML()), "id: veto", "id: right-of-veto", 1)))
	if err != nil {
		t.Fatal(err)
	}
	oc, err := NewCoder(other, nil)
	if err != nil {
		t.Fatal(err)
	}
	oc = oc.WithModel(c.Model())
	var problems []string
	opts := AnalyzeOptions{SkipKeyPhrases: true, OnReviewProblem: func(p ReviewProblem) { problems = append(problems, p.Kind+" "+p.Passage) }}
	res, err := oc.AnalyzeWorkspace(t.Context(), locked(t, ws), opts)
	if err != nil || res.Written != 2 || res.ReviewProblems != 1 {
		t.Fatalf("%+v, %v", res, err)
	}
	if !slices.Equal(problems, []string{"unknown-theme " + passage761}) {
		t.Errorf("problems %v", problems)
	}
	ann := readTestAnnotation(t, ws, oc, sha76)
	if got := codesOf(ann, 1, 1); got != "annual-report:reviewed" {
		t.Errorf("under the new taxonomy: %q, want the known step applied", got)
	}

	// The paragraph's text changes (a corrected record): its review is stale.
	p := ws.Path(corpus.RecordsDir, "A_76_PV.40.en.json")
	b := fileBytes(t, p)
	if err := os.WriteFile(p, []byte(strings.Replace(string(b), "Elected members should hold the pen", "Elected members must hold the pen", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	problems = nil
	opts.OnReviewProblem = func(p ReviewProblem) { problems = append(problems, p.Kind+" "+p.Passage) }
	if _, err := c.AnalyzeWorkspace(t.Context(), locked(t, ws), opts); err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(problems, []string{"stale " + passage762}) {
		t.Errorf("problems %v", problems)
	}
	ann = readTestAnnotation(t, ws, c, sha76)
	if pa := paragraphAnnotation(ann, 2, 1); pa.Review != "" || pa.Coder != nil || !strings.Contains(codesOf(ann, 2, 1), "burden-sharing:rule") {
		t.Errorf("a stale review was applied: %+v", pa)
	}
	states, err := ListReviews(t.Context(), ws, ReviewFilter{Kinds: []string{ReviewStale}})
	if err != nil || len(states) != 1 || states[0].Passage != passage762 {
		t.Fatalf("stale reviews listed: %+v, %v", states, err)
	}
	// Made again, it applies to the new text.
	out, err := EditReviews(t.Context(), locked(t, ws), []ReviewEdit{{Passage: passage762, Text: "-burden-sharing"}}, ReviewOptions{})
	if err != nil || len(out.Changed) != 1 {
		t.Fatalf("%+v, %v", out, err)
	}
	if got := codesOf(readTestAnnotation(t, ws, c, sha76), 2, 1); got != "veto:rule" {
		t.Errorf("after the review was made again: %q", got)
	}
}

// TestAnalyzeReappliesReviewsOnly: when the reviews changed but the
// annotation did not follow (a writer killed between the two), analyze
// applies them again without coding the record.
func TestAnalyzeReappliesReviewsOnly(t *testing.T) {
	c := newTestCoder(t)
	ws := analysedWorkspace(t, c)
	annPath := AnnotationFile(ws, sha76, c.Taxonomy().Hash())
	before := fileBytes(t, annPath)
	if _, err := EditReviews(t.Context(), locked(t, ws), []ReviewEdit{{Passage: passage761, Text: "+veto"}}, ReviewOptions{}); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(annPath, before, 0o644); err != nil {
		t.Fatal(err)
	}
	res, err := c.AnalyzeWorkspace(t.Context(), locked(t, ws), AnalyzeOptions{SkipKeyPhrases: true})
	if err != nil || res.Reviewed != 1 || res.Written != 0 || res.Unchanged != 1 {
		t.Fatalf("%+v, %v", res, err)
	}
	if got := codesOf(readTestAnnotation(t, ws, c, sha76), 1, 1); got != "annual-report:rule veto:reviewed" {
		t.Errorf("%q", got)
	}
}

func TestListReviews(t *testing.T) {
	c := newTestCoder(t)
	ws := analysedWorkspace(t, c)
	day := func(d int) time.Time { return time.Date(2025, 3, d, 0, 0, 0, 0, time.UTC) }
	for i, e := range []ReviewEdit{
		{Passage: passage761, Text: "+veto"},
		{Passage: passage762, Text: "-burden-sharing"},
		{Passage: "A_75_PV.12.en#2.3", Text: "none"},
	} {
		if _, err := EditReviews(t.Context(), locked(t, ws), []ReviewEdit{e}, ReviewOptions{Now: day(i + 1)}); err != nil {
			t.Fatal(err)
		}
	}
	tests := []struct {
		name   string
		filter ReviewFilter
		want   []string
	}{
		{"all, in passage order", ReviewFilter{}, []string{"A_75_PV.12.en#2.3", passage761, passage762}},
		{"by symbol", ReviewFilter{Symbols: []string{"a/76/pv.40"}}, []string{passage761, passage762}},
		{"by record key", ReviewFilter{Symbols: []string{"A_75_PV.12.en"}}, []string{"A_75_PV.12.en#2.3"}},
		{"by theme", ReviewFilter{Themes: []string{"burden-sharing"}}, []string{passage762}},
		{"since", ReviewFilter{Since: day(2)}, []string{"A_75_PV.12.en#2.3", passage762}},
		{"with problems", ReviewFilter{Problems: true}, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			states, err := ListReviews(t.Context(), ws, tc.filter)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, s := range states {
				got = append(got, s.Passage)
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("got %v, want %v", got, tc.want)
			}
		})
	}
	// A record that leaves the workspace leaves its reviews kept and
	// reported.
	if err := os.Remove(ws.Path(corpus.RecordsDir, "A_75_PV.12.en.json")); err != nil {
		t.Fatal(err)
	}
	states, err := ListReviews(t.Context(), ws, ReviewFilter{Kinds: []string{ReviewNoPassage}})
	if err != nil || len(states) != 1 || !strings.Contains(states[0].Problems[0].Detail, "no record A_75_PV.12.en") {
		t.Errorf("%+v, %v", states, err)
	}
}

// TestReviewStoreKilledWrite kills a process that writes the reviews over
// and over: whenever it dies, the reviews file is a whole one, with every
// review there was before it started, and the next writer clears what the
// kill left.
func TestReviewStoreKilledWrite(t *testing.T) {
	if dir := os.Getenv("SCDEBATE_REVIEW_WRITER"); dir != "" {
		reviewWriter(dir)
		return
	}
	if testing.Short() {
		t.Skip("-short: kills writers of the reviews mid-write until three kills land")
	}
	ws, err := corpus.OpenWorkspace(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	base := syntheticReviews(10000, "base")
	if err := base.save(ws); err != nil {
		t.Fatal(err)
	}
	// A kill counts when it lands while a new file is being written; the
	// rounds go on until three have, so a loaded machine (where the writer
	// is slow to start and quick to rename) still tests the mid-write case.
	midWrite, rounds := 0, 0
	for ; midWrite < 3 && rounds < 30; rounds++ {
		started := filepath.Join(t.TempDir(), "started")
		cmd := exec.Command(os.Args[0], "-test.run=^TestReviewStoreKilledWrite$")
		cmd.Env = append(os.Environ(), "SCDEBATE_REVIEW_WRITER="+ws.Dir, "SCDEBATE_REVIEW_STARTED="+started)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		// The writer says when it has saved once; the kill comes as soon as
		// the next save's temporary file is seen.
		deadline := time.Now().Add(time.Minute)
		for _, err := os.Stat(started); err != nil && time.Now().Before(deadline); _, err = os.Stat(started) {
			time.Sleep(5 * time.Millisecond)
		}
		// Only this writer's temporary files count: an earlier kill's stay
		// until the next lock clears them.
		mine := filepath.Join(ws.Dir, fmt.Sprintf(".reviews.json.tmp-%d-*", cmd.Process.Pid))
		for time.Now().Before(deadline) {
			if temps, _ := filepath.Glob(mine); len(temps) > 0 {
				break
			}
			time.Sleep(time.Millisecond)
		}
		cmd.Process.Signal(syscall.SIGKILL)
		cmd.Wait()
		if temps, _ := filepath.Glob(mine); len(temps) > 0 {
			midWrite++
		}
		rs, err := LoadReviews(ws)
		if err != nil {
			t.Fatalf("round %d: the reviews file is not whole after a kill: %v", rounds, err)
		}
		for _, r := range base.All() {
			if rs.Get(r.Passage) == nil {
				t.Fatalf("round %d: %s lost", rounds, r.Passage)
			}
		}
	}
	// A kill that never landed mid-write would test nothing.
	if midWrite == 0 {
		t.Errorf("no kill landed while the reviews were being written in %d rounds", rounds)
	}
	t.Logf("%d of %d kills landed mid-write", midWrite, rounds)
	lk, err := ws.Lock()
	if err != nil {
		t.Fatal(err)
	}
	lk.Unlock()
	entries, _ := os.ReadDir(ws.Dir)
	for _, e := range entries {
		if strings.Contains(e.Name(), ".tmp-") {
			t.Errorf("left behind: %s", e.Name())
		}
	}
}

// reviewWriter writes the reviews of dir again and again, each time with
// more, until it is killed: it spends its time writing.
func reviewWriter(dir string) {
	ws := &corpus.Workspace{Dir: dir}
	rs, err := LoadReviews(ws)
	if err != nil {
		panic(err)
	}
	for i := 0; ; i++ {
		for id, r := range syntheticReviews(2000, "w"+strconv.Itoa(i)).byPassage {
			rs.byPassage[id] = r
		}
		if err := rs.save(ws); err != nil {
			panic(err)
		}
		if i == 0 {
			os.WriteFile(os.Getenv("SCDEBATE_REVIEW_STARTED"), nil, 0o644)
		}
	}
}

// syntheticReviews are n reviews of made-up passages.
func syntheticReviews(n int, record string) *Reviews {
	rs := &Reviews{byPassage: map[string]*Review{}}
	for i := range n {
		id := corpus.PassageID("A_79_PV."+record+".en", i/20+1, i%20+1)
		rs.byPassage[id] = &Review{Passage: id, Add: []string{"veto"}, Remove: []string{"transparency"},
			TextDigest: corpus.TextDigest(fmt.Sprint(i)), Themes: []string{"veto"}, Updated: time.Unix(int64(i), 0).UTC(), Origin: "command"}
	}
	return rs
}

// TestTrainWorkspaceWithReviews: the reviews become training examples
// labelled as the review left the passage, the model remembers what it
// learned from, and training again happens only when the reviews changed.
func TestTrainWorkspaceWithReviews(t *testing.T) {
	c := newTestCoder(t)
	ws := analysedWorkspace(t, c)
	if _, err := EditReviews(t.Context(), locked(t, ws), []ReviewEdit{
		{Passage: passage761, Text: "+veto -annual-report"},
		{Passage: passage762, Text: "-burden-sharing"},
	}, ReviewOptions{}); err != nil {
		t.Fatal(err)
	}
	exs, problems, digest, err := ReviewExamples(t.Context(), ws, c.Taxonomy())
	if err != nil || len(problems) != 0 || digest == "" {
		t.Fatal(exs, problems, digest, err)
	}
	var got []string
	for _, ex := range exs {
		got = append(got, fmt.Sprintf("%s#%d.%d %v", ex.Record.Symbol, ex.Seq, ex.N, ex.Themes))
	}
	if want := []string{"A/76/PV.40#1.1 [veto]", "A/76/PV.40#2.1 [veto]"}; !slices.Equal(got, want) {
		t.Errorf("examples %v, want %v", got, want)
	}

	data := filepath.Join(t.TempDir(), "mine.yaml")
	if err := os.WriteFile(data, []byte("- {lang: en, themes: [veto], text: The veto must not block action on atrocities.}\n- {lang: en, themes: [], text: We thank the President.}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	fast := TrainOptions{L2: 0.008, Folds: 2, Iterations: 50}
	res, err := TrainWorkspace(t.Context(), c, locked(t, ws), WorkspaceTraining{Data: []string{data}, Options: fast})
	if err != nil {
		t.Fatal(err)
	}
	m := res.Model
	if !res.Trained || res.Reviews != 2 || m.Reviews != 2 || m.ReviewDigest != digest || len(m.Data) != 1 || m.NoBase {
		t.Fatalf("%+v; model data %v reviews %d", res, m.Data, m.Reviews)
	}
	base, _ := BaseExamples()
	if m.Examples != len(base)+2+2 {
		t.Errorf("trained on %d examples, want the %d written ones, 2 of the data file and 2 reviews", m.Examples, len(base))
	}
	if loaded, err := WorkspaceModel(ws); err != nil || loaded == nil || loaded.Hash() != m.Hash() {
		t.Fatalf("workspace model: %v, %v", loaded, err)
	}
	if s := m.TrainedOn(); !strings.Contains(s, "mine.yaml") || !strings.Contains(s, "2 reviews") {
		t.Errorf("TrainedOn %q", s)
	}

	res, err = TrainWorkspace(t.Context(), c, locked(t, ws), WorkspaceTraining{Again: true, Options: fast})
	if err != nil || res.Trained {
		t.Fatalf("nothing new, trained again: %+v, %v", res, err)
	}
	if _, err := EditReviews(t.Context(), locked(t, ws), []ReviewEdit{{Passage: "A_75_PV.12.en#2.3", Text: "none"}}, ReviewOptions{}); err != nil {
		t.Fatal(err)
	}
	res, err = TrainWorkspace(t.Context(), c, locked(t, ws), WorkspaceTraining{Again: true, Options: fast})
	if err != nil || !res.Trained || res.Model.Reviews != 3 || len(res.Model.Data) != 1 {
		t.Fatalf("a new review: %+v, %v", res, err)
	}
	// The data file gone, training again says so.
	os.Remove(data)
	EditReviews(t.Context(), locked(t, ws), []ReviewEdit{{Passage: "A_75_PV.12.en#2.3", Unset: true}}, ReviewOptions{})
	if _, err := TrainWorkspace(t.Context(), c, locked(t, ws), WorkspaceTraining{Again: true, Options: fast}); err == nil || !strings.Contains(err.Error(), "mine.yaml: the file is gone") {
		t.Errorf("data gone: %v", err)
	}
}
