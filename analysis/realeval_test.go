package analysis

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/scdebate/scdebate/corpus"
	"github.com/scdebate/scdebate/corpus/fixtures"
	"github.com/scdebate/scdebate/ingest"
	"github.com/scdebate/scdebate/ingest/layout"
	"go.yaml.in/yaml/v3"
)

// The evaluation in this file measures the coder on text in the register of
// the real debates: speech.yaml to speech6.yaml (written passages, may be
// tuned on), blind2.yaml and blind3.yaml (written passages, never tuned on)
// and the paragraphs of the real records in ../shared/corpus/real, labelled
// by location in testdata/eval/real/labels.yaml. testdata/eval/README.md
// describes the sets.

// Contexts a written passage can be said in.
const (
	contextReport         = "report"          // the Assembly's debate on the Council's report
	contextWorkingMethods = "working-methods" // a Council open debate on working methods
	contextOther          = "other"           // anywhere else, e.g. the debate on another body's report
)

// speechPassage is one labelled passage of a written set in the register of
// real speech (speech.yaml to speech6.yaml, blind2.yaml,
// blind3.yaml).
type speechPassage struct {
	ID       string   `yaml:"id"`
	Lang     string   `yaml:"lang"`
	Context  string   `yaml:"context"`
	Themes   []string `yaml:"themes"`
	Proposal *bool    `yaml:"proposal"`
	Why      string   `yaml:"why"`
	Text     string   `yaml:"text"`
}

func loadSpeechSet(t *testing.T, name string) []speechPassage {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "eval", name))
	if err != nil {
		t.Fatal(err)
	}
	var f struct {
		Passages []speechPassage `yaml:"passages"`
	}
	if err := yaml.Unmarshal(b, &f); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	if len(f.Passages) == 0 {
		t.Fatalf("%s: no passages", name)
	}
	return f.Passages
}

// classifyInContext codes one written passage as the coder would code it in
// the setting the passage was said in: a Council open debate on working
// methods is a record of the Council's own meeting.
func classifyInContext(c *Coder, p speechPassage) Classification {
	return c.ClassifyIn(Context{Debate: p.Context, CouncilRecord: p.Context == contextWorkingMethods}, p.Lang, p.Text)
}

// realScore accumulates the scores of one set: written passages or real
// paragraphs.
type realScore struct {
	overall    counts
	byTheme    map[string]counts
	byLang     map[string]counts
	byContext  map[string]counts
	themeless  int // items labelled with no theme
	themelessC int // of which coded with some theme
	items      int
	proposals  counts // requests: labelled vs detected, where labelled
	propByLang map[string]counts
	errors     []string
}

func newRealScore() *realScore {
	return &realScore{byTheme: map[string]counts{}, byLang: map[string]counts{}, byContext: map[string]counts{}, propByLang: map[string]counts{}}
}

// add scores one item: want are the labelled themes, got the coded ones.
// where names the item in the list of errors.
func (s *realScore) add(lang, context string, want, got []string, where, text string) {
	s.items++
	w, g := set(want), set(got)
	if len(w) == 0 {
		s.themeless++
		if len(g) > 0 {
			s.themelessC++
		}
	}
	compareThemes(w, g, func(th string, d counts) {
		s.overall = s.overall.plus(d)
		s.byTheme[th] = s.byTheme[th].plus(d)
		s.byLang[lang] = s.byLang[lang].plus(d)
		s.byContext[context] = s.byContext[context].plus(d)
	})
	if ws, gs := sortedKeys(w), sortedKeys(g); fmt.Sprint(ws) != fmt.Sprint(gs) {
		s.errors = append(s.errors, fmt.Sprintf("%s [%s %s] want %v got %v: %s", where, lang, context, ws, gs, clip(text, 160)))
	}
}

// addProposal scores the request detection of one labelled item of lang.
func (s *realScore) addProposal(lang string, want, got bool, where, text string) {
	var d counts
	switch {
	case want && got:
		d.tp++
	case want:
		d.fn++
		s.errors = append(s.errors, fmt.Sprintf("%s proposal missed: %s", where, clip(text, 160)))
	case got:
		d.fp++
		s.errors = append(s.errors, fmt.Sprintf("%s proposal not made: %s", where, clip(text, 160)))
	}
	s.proposals = s.proposals.plus(d)
	s.propByLang[lang] = s.propByLang[lang].plus(d)
}

func set(xs []string) map[string]bool {
	m := make(map[string]bool, len(xs))
	for _, x := range xs {
		m[x] = true
	}
	return m
}

func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	cut := n
	for cut > 0 && !utf8Start(s[cut]) {
		cut--
	}
	return s[:cut] + "…"
}

func utf8Start(b byte) bool { return b&0xC0 != 0x80 }

func (s *realScore) themelessRate() float64 {
	if s.themeless == 0 {
		return 0
	}
	return float64(s.themelessC) / float64(s.themeless)
}

// report logs the figures, and the list of errors under -v when errors is
// set.
func (s *realScore) report(t *testing.T, name string, errors bool) {
	t.Helper()
	var b strings.Builder
	fmt.Fprintf(&b, "%s: %d items; micro P %.3f R %.3f F1 %.3f (tp %d fp %d fn %d); theme-less coded %d/%d (%.1f%%)\n",
		name, s.items, s.overall.precision(), s.overall.recall(), s.overall.f1(), s.overall.tp, s.overall.fp, s.overall.fn,
		s.themelessC, s.themeless, 100*s.themelessRate())
	if n := s.proposals.tp + s.proposals.fp + s.proposals.fn; n > 0 {
		fmt.Fprintf(&b, "  proposals P %.3f R %.3f F1 %.3f (tp %d fp %d fn %d)\n",
			s.proposals.precision(), s.proposals.recall(), s.proposals.f1(), s.proposals.tp, s.proposals.fp, s.proposals.fn)
		for _, l := range corpus.Languages {
			if c, ok := s.propByLang[l]; ok && c.tp+c.fp+c.fn > 0 {
				fmt.Fprintf(&b, "    proposals %-3s P %.3f R %.3f F1 %.3f (tp %d fp %d fn %d)\n", l, c.precision(), c.recall(), c.f1(), c.tp, c.fp, c.fn)
			}
		}
	}
	fmt.Fprintf(&b, "  %-26s %5s %5s %5s %7s  tp fp fn\n", "theme", "P", "R", "F1", "support")
	for _, id := range ThemeIDs {
		c, ok := s.byTheme[id]
		if !ok {
			continue
		}
		fmt.Fprintf(&b, "  %-26s %5.2f %5.2f %5.2f %7d  %2d %2d %2d\n", id, c.precision(), c.recall(), c.f1(), c.tp+c.fn, c.tp, c.fp, c.fn)
	}
	var weak []string
	for _, id := range ThemeIDs {
		if c := s.byTheme[id]; c.tp+c.fn >= 5 && c.f1() < 0.6 {
			weak = append(weak, fmt.Sprintf("%s %.2f", id, c.f1()))
		}
	}
	if len(weak) > 0 {
		fmt.Fprintf(&b, "  themes below F1 0.6 with support >= 5: %s\n", strings.Join(weak, ", "))
	}
	for _, l := range corpus.Languages {
		if c, ok := s.byLang[l]; ok {
			fmt.Fprintf(&b, "  language %-3s P %.3f R %.3f F1 %.3f (tp %d fp %d fn %d)\n", l, c.precision(), c.recall(), c.f1(), c.tp, c.fp, c.fn)
		}
	}
	for _, k := range []string{contextReport, contextWorkingMethods, contextOther} {
		if c, ok := s.byContext[k]; ok {
			fmt.Fprintf(&b, "  context %-15s P %.3f R %.3f F1 %.3f (tp %d fp %d fn %d)\n", k, c.precision(), c.recall(), c.f1(), c.tp, c.fp, c.fn)
		}
	}
	if errors && testing.Verbose() {
		fmt.Fprintf(&b, "  %d errors:\n", len(s.errors))
		for _, e := range s.errors {
			fmt.Fprintf(&b, "    %s\n", e)
		}
	}
	t.Log("\n" + b.String())
}

// floors are the lowest figures a set may score: just under what the coder
// scored when the set was added, so that a regression fails. Raise them as
// the coder improves; never lower them to make a change pass.
type floors struct {
	microF1      float64 // micro-averaged F1 over all themes
	maxThemeless float64 // highest share of theme-less items coded with a theme
	proposalF1   float64 // request detection F1, where labelled (0: not checked)
}

func (f floors) check(t *testing.T, s *realScore) {
	t.Helper()
	if got := s.overall.f1(); got < f.microF1 {
		t.Errorf("micro-F1 %.3f below the floor %.3f", got, f.microF1)
	}
	if got := s.themelessRate(); got > f.maxThemeless {
		t.Errorf("%.1f%% of theme-less items coded with a theme, above the ceiling %.1f%%", 100*got, 100*f.maxThemeless)
	}
	if f.proposalF1 > 0 {
		if got := s.proposals.f1(); got < f.proposalF1 {
			t.Errorf("proposal F1 %.3f below the floor %.3f", got, f.proposalF1)
		}
	}
}

// speechSets are the written sets in the register of real speech, with
// floors just under what the coder scores: see each floor's comment. A
// blind set prints its figures but not its list of errors, so that reading
// the test output does not turn it into tuning data.
var speechSets = []struct {
	name   string
	blind  bool
	floors floors
}{
	// speech.yaml (266 passages; may be tuned on, and the learned layer is
	// trained on it, so its figure overstates): with the dictionary alone
	// before context 0.692 (P 0.773 R 0.627), theme-less coded 26/91
	// (28.6%); with context, aboutness and mentions 0.926 (-rules-only);
	// with the learned layer 0.968; now 0.976 (P 0.957 R 0.995), theme-less
	// coded 0/91, proposals F1 0.892; the dictionary alone 0.929. With
	// requests read by their shape (backing a change, a need stressed,
	// asking for something; minding, regrets, indirect questions and
	// others' calls set aside) proposals F1 0.904 (P 0.914 R 0.895). With
	// French, Spanish and Chinese read by the same shapes 0.921 (P 0.917 R
	// 0.926; French 0.875 to 1.000, Spanish 0.900 to 0.952). With requests
	// made without a verb of asking, 0.933 (P 0.918 R 0.947).
	{"speech.yaml", false, floors{microF1: 0.97, maxThemeless: 0.01, proposalF1: 0.93}},
	// blind2.yaml (189 passages; never tuned on, so its errors are not
	// listed): before context 0.664 (P 0.750 R 0.596), theme-less coded
	// 20/60 (33.3%), proposals F1 0.821; with context 0.823 (P 0.905 R
	// 0.755), theme-less coded 2/60 (3.3%), the same with and without the
	// learned layer; now 0.877 (P 0.908 R 0.848), theme-less coded 1/60
	// (1.7%), proposals F1 0.848; the dictionary alone 0.844. With the
	// coding of real text (frames, courtesies, counts, the Presidents'
	// titles, speech3.yaml in training) 0.872 (P 0.913 R 0.834),
	// theme-less coded 0/60, proposals F1 0.848: one false code fewer,
	// two themes fewer found. With requests read by their shape, proposals
	// F1 0.876 (P 0.944 R 0.817). With French, Spanish and Chinese read
	// by the same shapes 0.897 (P 0.946 R 0.854; French 0.727 to 0.833,
	// Spanish 0.667 to 0.800, Chinese 0.800 to 0.909). With requests made
	// without a verb of asking, 0.904 (P 0.947 R 0.866).
	{"blind2.yaml", true, floors{microF1: 0.87, maxThemeless: 0.02, proposalF1: 0.90}},
	// speech2.yaml (409 passages; may be tuned on, and now trained on, so its
	// figure overstates): when added, before anything was trained or tuned
	// on it, 0.728 (P 0.856 R 0.634), theme-less coded 12/152 (7.9%),
	// proposals F1 0.784; the learned layer alone, trained on the other
	// sources, took it to 0.756 in cross-validation. Now 0.965 (P 0.939 R
	// 0.993), theme-less coded 4/152 (2.6%); the dictionary alone 0.895.
	// With requests read by their shape, proposals F1 0.788 (P 0.740 R
	// 0.844): most of its false requests are about other bodies. With
	// French, Spanish and Chinese read by the same shapes 0.806 (P 0.759 R
	// 0.859; French 0.897 to 0.968, Spanish 0.895 to 0.919, Chinese 0.750
	// to 0.800). With requests made without a verb of asking, 0.818 (P
	// 0.767 R 0.875).
	// With requests told rather than made set aside, proposals F1 0.821 (P
	// 0.772 R 0.875).
	{"speech2.yaml", false, floors{microF1: 0.96, maxThemeless: 0.03, proposalF1: 0.82}},
	// blind3.yaml (199 passages; never tuned on, so its errors are not
	// listed): when added 0.834 (P 0.900 R 0.777), theme-less coded 2/66
	// (3.0%), proposals F1 0.840, the same with and without the learned
	// layer; now 0.892 (P 0.892 R 0.892), theme-less coded 3/66 (4.5%),
	// proposals F1 0.840; the dictionary alone 0.870, also 3/66. The
	// ceiling on theme-less items rose from 3.5% to 5% with this: one more
	// of the 66 is coded, while 9 more of the 139 labelled themes are found.
	// With the coding of real text 0.896 (P 0.893 R 0.899), theme-less
	// coded 2/66 (3.0%), proposals F1 0.840. With requests read by their
	// shape 0.834 (P 0.818 R 0.851): one false request more. With French,
	// Spanish and Chinese read by the same shapes 0.848 (P 0.831 R 0.865;
	// French 0.833 to 1.000, Spanish and Chinese unchanged at 0.889 and
	// 0.842). With the Council's composition and expansion in their plain
	// forms 0.903 (P 0.906 R 0.899), theme-less coded 2/66.
	{"blind3.yaml", true, floors{microF1: 0.89, maxThemeless: 0.05, proposalF1: 0.84}},
	// speech3.yaml (147 passages; may be tuned on, and trained on, so its
	// figure overstates): written to the classes of errors the coder made
	// on real meeting coverage and statements. When added, before the
	// mechanisms it was written alongside and before training on it, 0.775
	// (P 0.725 R 0.833), theme-less coded 17/55 (30.9%); with them 0.885
	// (P 0.855 R 0.918), theme-less coded 7/55 (12.7%), proposals F1
	// 0.916; then 0.897 (P 0.869 R 0.926), theme-less coded 6/55 (10.9%),
	// proposals F1 0.916; with the passage model 0.900 (P 0.876 R 0.926),
	// theme-less coded 5/55 (9.1%). With requests read by their shape,
	// proposals F1 0.945 (P 1.000 R 0.897). With reform, note 507 and the
	// elected members named rather than discussed, 0.904. With requests
	// made without a verb of asking, proposals F1 0.956 (P 0.982 R 0.931).
	// With the learned layer free to add transparency whose words only gave
	// way to a more specific theme, 0.929 (P 0.894 R 0.967).
	// With meetings named in an opening clause ending at its comma and
	// openness asked of the Council itself kept beside a specific theme,
	// 0.912 (P 0.891 R 0.934).
	// With the round's work merged, 0.932 (P 0.898 R 0.969).
	{"speech3.yaml", false, floors{microF1: 0.92, maxThemeless: 0.10, proposalF1: 0.95}},
	// speech4.yaml (42 passages; may be tuned on, and trained on): written
	// to the classes of errors left on a second set of real coverage and
	// statements. When added, after the mentions and vocabulary it was
	// written alongside and before training on it, 0.732 (P 0.638 R
	// 0.857), theme-less coded 9/19; trained on, 0.800 (P 0.680 R 0.971),
	// still 9/19: the learned layer adds what the dictionary misses but
	// does not take away what it finds. With the courtesies to a presiding
	// officer, who a group is and the presiding officer's opening as
	// mentions, 0.883 (P 0.810 R 0.971), theme-less coded 3/19 (15.8%).
	// Proposals F1 0.526; with requests read by their shape 0.833 (P 0.833
	// R 0.833). With the annual report named as a meeting's business and
	// the Council's make-up described as mentions, 0.904 (P 0.868 R 0.943);
	// with transparency of the Council's work as a whole kept beside a
	// specific theme, 0.919 (P 0.872 R 0.971). With requests told rather
	// than made set aside, proposals F1 0.870 (P 0.909 R 0.833). With the
	// learned layer free to add transparency whose words only gave way to a
	// more specific theme, 0.933 (P 0.875 R 1.000). With the report
	// presented, drafted or described as a point about it (a ruling that
	// relabelled sp4-004 annual-report), 0.935 (P 0.878 R
	// 1.000), the same three theme-less passages coded, then of 18. The
	// revised ruling (the formal presentation is procedure) set sp4-004
	// back: 0.933 (P 0.875 R 1.000), 3/19 (15.8%).
	{"speech4.yaml", false, floors{microF1: 0.92, maxThemeless: 0.16, proposalF1: 0.86}},
	// speech5.yaml (92 passages; may be tuned on, not yet trained on):
	// written to the false alarms left on four sets of real coverage and
	// statements. The coder before it (5828f73): 0.537 (P 0.407 R 0.786),
	// theme-less coded 29/53 (54.7%), as on real text; with the mentions
	// written alongside it (a cited basis, a group as the speaker, an
	// apposition of what a delegation did, a short form of something
	// else), 0.571 (P 0.442 R 0.810), 27/53 (50.9%). Trained on (before
	// its wording was revised), 0.684 (P 0.526 R 0.976), 24/53: even then the
	// learned layer takes few rule codes away, and the model it gave adds
	// one false ga-sc-relations code on blind.yaml (English below its
	// floor), so it is not in the training data. Proposals F1 0.889; with
	// requests read by their shape (written before this set, so a blind
	// test for them) 0.750 (P 0.667 R 0.857): a group asking the speaker
	// to speak for it and a need as a condition were read as requests;
	// with those as guards, 0.800 (P 0.706 R 0.857). The rest are backing
	// and "let us" that the set's labels do not count. With the round on
	// the relationship, the report, reform, note 507 and openness on real
	// text, 0.602 (P 0.479 R 0.810), theme-less coded 23/53 (43.4%). With
	// requests made without a verb of asking, proposals F1 0.839. With the
	// annual report named as a meeting's business as a mention, 0.607 (P
	// 0.486 R 0.810), 22/53 (41.5%); with vetoes counted in the year's
	// figures as a statistic, 0.613 (P 0.493 R 0.810), 21/53 (39.6%); with
	// the report issued, turned to, its period and "the document" tabled
	// or cited as mentions, 0.630 (P 0.515 R 0.810), 19/53 (35.8%). With
	// sp5-012 relabelled (an accountable Council beside a representative
	// one is transparency) and coded so, 0.636 (P 0.522 R 0.814). With the
	// Council found under scrutiny as its situation, 0.642 (P 0.530 R
	// 0.814), 18/53 (34.0%). With the report presented, drafted or
	// described as a point about it (a ruling that relabelled four
	// passages annual-report), 0.649 (P 0.552 R 0.787), theme-less coded
	// 15/49 (30.6%). With that ruling revised (the formal act of presenting
	// the report is procedure; sp5-042 relabelled back), 0.655 (P 0.552 R
	// 0.804), 15/50 (30.0%).
	{"speech5.yaml", false, floors{microF1: 0.65, maxThemeless: 0.31, proposalF1: 0.83}},
	// speech6.yaml (330 passages; may be tuned on, not trained on): written
	// for the learned layer in the forms real speakers use (courtesies,
	// titles, occasions, other bodies' reports and reforms, virtues said of
	// the Organization, long multi-point paragraphs). The coder as it
	// stands: 0.730 (P 0.715 R 0.745), theme-less coded 37/161 (23.0%),
	// proposals F1 0.818. Trained on with the other sets (thresholds kept
	// at add 0.20, drop 0.15; cross-validated F1 0.898 on the larger
	// data, the taxonomy alone 0.882), it scores 0.849 with 30/161, but
	// the model adds ga-sc-relations on blind.yaml (0.737, English 0.886,
	// French 0.886, all below their floors) and blind2.yaml falls to
	// 0.869, so it is not in the training data. With the round on the
	// relationship, the report, reform, note 507 and openness on real
	// text, 0.744 (P 0.729 R 0.759), theme-less coded 34/161 (21.1%). With
	// requests made without a verb of asking, proposals F1 0.842 (P 0.774
	// R 0.923). With the reform's issues listed, the Council's make-up
	// described and the Assembly's President as a speaker as mentions,
	// 0.758 (P 0.742 R 0.774), 34/161; with the report issued, its period
	// and "the document" tabled or cited as mentions, 0.765 (P 0.756 R
	// 0.774), 30/161 (18.6%).
	// With requests told rather than made set aside, proposals F1 0.853 (P
	// 0.793 R 0.923). With the report presented, drafted or described as a
	// point about it (a ruling that reversed the last but one step and
	// relabelled eight passages annual-report) and the report's short
	// forms read where a paragraph names it, 0.784 (P 0.777 R 0.791),
	// 27/153 (17.6%); with the round's other work merged, 0.790 (P 0.776
	// R 0.805). With that ruling revised (the formal act of presenting the
	// report is procedure; three passages relabelled back), 0.781 (P 0.774
	// R 0.788), 26/156 (16.7%).
	// 0.793 R 0.923). With meetings named in an opening clause ending at
	// its comma and openness asked of the Council itself kept beside a
	// specific theme, 0.770 (P 0.758 R 0.783).
	// With the round's work merged, 0.785 (P 0.774 R 0.795), 27/153 (17.6%).
	{"speech6.yaml", false, floors{microF1: 0.77, maxThemeless: 0.18, proposalF1: 0.85}},
}

func TestSpeechRegisterEvaluation(t *testing.T) {
	c := newTestCoder(t)
	tx := c.Taxonomy()
	for _, set := range speechSets {
		t.Run(set.name, func(t *testing.T) {
			ps := loadSpeechSet(t, set.name)
			s := newRealScore()
			seen := map[string]bool{}
			for i, p := range ps {
				where := p.ID
				if where == "" || seen[where] {
					t.Fatalf("passage %d: missing or repeated id %q", i+1, p.ID)
				}
				seen[where] = true
				switch p.Context {
				case contextReport, contextWorkingMethods, contextOther:
				default:
					t.Fatalf("%s: unknown context %q", where, p.Context)
				}
				if !slicesContain(corpus.Languages, p.Lang) {
					t.Fatalf("%s: unknown language %q", where, p.Lang)
				}
				if p.Proposal == nil || strings.TrimSpace(p.Why) == "" || strings.TrimSpace(p.Text) == "" {
					t.Fatalf("%s: proposal, why and text are required", where)
				}
				for _, th := range p.Themes {
					if _, ok := tx.Theme(th); !ok {
						t.Fatalf("%s: unknown theme %q", where, th)
					}
				}
				got := classifyInContext(c, p)
				s.add(p.Lang, p.Context, p.Themes, got.Themes, where, p.Text)
				s.addProposal(p.Lang, *p.Proposal, got.Proposal != "", where, p.Text)
			}
			s.report(t, set.name, !set.blind)
			set.floors.check(t, s)
		})
	}
}

func slicesContain(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

// realLabels is testdata/eval/real/labels.yaml.
type realLabels struct {
	Records []struct {
		File       string `yaml:"file"`
		Symbol     string `yaml:"symbol"`
		Part       string `yaml:"part"`
		Paragraphs int    `yaml:"paragraphs"`
		Labels     []struct {
			Speech int      `yaml:"speech"`
			N      int      `yaml:"n"`
			Anchor string   `yaml:"anchor"`
			Themes []string `yaml:"themes"`
			Why    string   `yaml:"why"`
		} `yaml:"labels"`
	} `yaml:"records"`
}

// paragraphAnchor is the short, copy-free fingerprint of a paragraph that
// ties a location label to the text it was made on.
func paragraphAnchor(text string) string {
	sum := sha256.Sum256([]byte(strings.Join(strings.Fields(text), " ")))
	return hex.EncodeToString(sum[:4])
}

// inProcessPDF extracts PDFs in the test process, as ingest's own tests
// do: the child-process isolation is tested there.
type inProcessPDF struct{}

func (inProcessPDF) Extract(ctx context.Context, path string) (*layout.Document, error) {
	return layout.ExtractInProcess(ctx, path, layout.Options{})
}

// realFloors are per part, just under what the coder scores.
var realFloors = map[string]floors{
	// dev (A/48/PV.46, A/60/PV.25, A/60/PV.85, S/PV.8422; 643 paragraphs,
	// 13 themed; the learned layer is trained on it): before context 0.108
	// (P 0.060 R 0.538), theme-less coded 99/630 (15.7%); with context,
	// aboutness and mentions 0.690 (-rules-only); with the learned layer
	// 0.813; now 0.867 (P 0.765 R 1.000), theme-less coded 4/630 (0.6%); the
	// dictionary alone 0.828. Since the parser joins block quotations to
	// the sentences introducing them (634 paragraphs): the same 0.867,
	// theme-less coded 4/621. With the passage model, which removes the
	// four, 1.000 (13 of 13), theme-less coded 0/621.
	"dev": {microF1: 0.99, maxThemeless: 0.002},
	// heldout (A/65/PV.71, A/79/PV.29, S/PV.3756; 660 paragraphs, 9
	// themed; never tuned on, its errors are not listed): before context
	// 0.156 (P 0.091 R 0.556), theme-less coded 49/651 (7.5%); with context
	// 0.375 (P 0.429 R 0.333), theme-less coded 4/651 (0.6%); now 0.545
	// (P 0.462 R 0.667), theme-less coded 7/651 (1.1%); the dictionary alone
	// 0.571, 6/651. The ceiling on theme-less paragraphs rose from 0.7% to
	// 1.1% with this: three more of the 651 are coded, while three more of
	// the nine themed paragraphs are found. Since the parser's corrections
	// (648 paragraphs): the same 0.545, theme-less coded 7/639; with the
	// courtesies 0.571 (P 0.500 R 0.667), 6/639; with the passage model
	// 0.556 (P 0.556 R 0.556), 4/639: two false alarms removed, one
	// correct code with them.
	"heldout": {microF1: 0.54, maxThemeless: 0.007},
}

func TestRealRecordEvaluation(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: parses and codes every paragraph of the real records")
	}
	b, err := os.ReadFile(filepath.Join("testdata", "eval", "real", "labels.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	var labels realLabels
	if err := yaml.Unmarshal(b, &labels); err != nil {
		t.Fatalf("labels.yaml: %v", err)
	}
	pdfs := fixtures.RealPDFs(t)
	if len(pdfs) != len(labels.Records) {
		t.Fatalf("%d real PDFs, %d labelled records: label every record", len(pdfs), len(labels.Records))
	}
	c := newTestCoder(t)
	tx := c.Taxonomy()
	parts := map[string]*realScore{"dev": newRealScore(), "heldout": newRealScore()}
	all := newRealScore()
	for _, lr := range labels.Records {
		s, ok := parts[lr.Part]
		if !ok {
			t.Fatalf("%s: unknown part %q (dev or heldout)", lr.File, lr.Part)
		}
		rec, err := ingest.ParseFile(context.Background(), fixtures.Real(t, lr.File), inProcessPDF{})
		if err != nil {
			t.Fatal(err)
		}
		if rec.Symbol != lr.Symbol {
			t.Fatalf("%s: parsed symbol %q, labelled %q", lr.File, rec.Symbol, lr.Symbol)
		}
		type loc struct{ seq, n int }
		want := map[loc][]string{}
		paras := map[loc]corpus.Paragraph{}
		for _, sp := range rec.Speeches {
			for _, p := range sp.Paragraphs {
				paras[loc{sp.Seq, p.N}] = p
			}
		}
		if len(paras) != lr.Paragraphs {
			t.Errorf("%s: the parser now gives %d speech paragraphs, %d were labelled: re-check the labels' locations", lr.Symbol, len(paras), lr.Paragraphs)
		}
		for _, l := range lr.Labels {
			at := loc{l.Speech, l.N}
			p, ok := paras[at]
			if !ok {
				t.Errorf("%s speech %d paragraph %d: no such paragraph in the parse", lr.Symbol, l.Speech, l.N)
				continue
			}
			if got := paragraphAnchor(p.Text); got != l.Anchor {
				t.Errorf("%s speech %d paragraph %d: anchor %s, labelled %s: the parser moved or changed this paragraph; not scoring the wrong text", lr.Symbol, l.Speech, l.N, got, l.Anchor)
				continue
			}
			if _, dup := want[at]; dup {
				t.Errorf("%s speech %d paragraph %d: labelled twice", lr.Symbol, l.Speech, l.N)
			}
			if strings.TrimSpace(l.Why) == "" {
				t.Errorf("%s speech %d paragraph %d: a listed paragraph needs a reason", lr.Symbol, l.Speech, l.N)
			}
			for _, th := range l.Themes {
				if _, ok := tx.Theme(th); !ok {
					t.Errorf("%s speech %d paragraph %d: unknown theme %q", lr.Symbol, l.Speech, l.N, th)
				}
			}
			want[at] = l.Themes
		}
		ann, err := c.Code(context.Background(), rec)
		if err != nil {
			t.Fatal(err)
		}
		lang := rec.Language
		for _, sa := range ann.Speeches {
			for _, pa := range sa.Paragraphs {
				at := loc{sa.Seq, pa.N}
				where := fmt.Sprintf("%s speech %d paragraph %d", lr.Symbol, sa.Seq, pa.N)
				text := paras[at].Text
				s.add(lang, contextOther, want[at], pa.Themes, where, text)
				all.add(lang, contextOther, want[at], pa.Themes, where, text)
			}
		}
	}
	if t.Failed() {
		return
	}
	names := make([]string, 0, len(parts))
	for k := range parts {
		names = append(names, k)
	}
	sort.Strings(names)
	for _, part := range names {
		t.Run(part, func(t *testing.T) {
			// The heldout part is never tuned on: its errors are not listed.
			parts[part].report(t, "real records, "+part, part != "heldout")
			realFloors[part].check(t, parts[part])
		})
	}
	all.report(t, "real records, all", false)
}
