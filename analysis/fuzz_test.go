package analysis

import (
	"bytes"
	"errors"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

func FuzzParseTaxonomy(f *testing.F) {
	f.Add(DefaultTaxonomyYAML())
	f.Add([]byte("themes:\n  - id: a\n    name: A\n    terms: {en: [x & y], zh: [否决权]}\n    exclude: {en: [the x]}\n    yields_to: ['*']\n"))
	f.Add([]byte("themes: [\n"))
	f.Add([]byte("version: 1\nthemes:\n  - id: a\n    references: [S/2017/507, 51/241, Article 27]\n    name: {en: A}\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		tx, err := ParseTaxonomy("fuzz.yaml", data)
		if err != nil {
			if tx != nil {
				t.Fatal("taxonomy returned with an error")
			}
			if err.Error() == "" {
				t.Fatal("empty error message")
			}
			return
		}
		if tx.Hash() == "" || len(tx.Themes) == 0 {
			t.Fatalf("valid taxonomy without hash or themes")
		}
		c, err := NewCoder(tx, nil)
		if err != nil {
			t.Fatal(err)
		}
		c.Classify("en", "The veto and the annual report, S/2017/507.")
	})
}

func FuzzClassify(f *testing.F) {
	c := newTestCoder(f)
	f.Add("en", "The veto must not be used to block action on atrocities.")
	f.Add("zh", "安理会应提高透明度。我们请安全理事会：- 决定将虚拟会议作为正式会议")
	f.Add("fr", "Nous demandons au Conseil, conformément à l'Article 27, de voter à distance.")
	f.Add("", "\xff\xfe resolution 51/241 第二十七条 المادة ٢٧")
	f.Add("ar", "ندعو مجلس الأمن إلى تعزيز الشفافية.")
	f.Add("fr", "Faisons en sorte que le Conseil, comme nous l'attendons avec intérêt, publie ses évaluations ; nous devons reconnaître qu'il aurait dû.")
	f.Add("es", "Hagamos que el Consejo, al que apoyamos, publique sus notas; es hora de que se pregunte si debería haber actuado.")
	f.Fuzz(func(t *testing.T, lang, text string) {
		if len(text) > 1<<16 {
			return
		}
		got := c.Classify(lang, text)
		if !utf8.ValidString(got.Text) {
			t.Fatal("invalid UTF-8 in the output text")
		}
		if got.Themes == nil {
			t.Fatal("nil themes: the JSON would say null")
		}
		for _, th := range got.Themes {
			if _, ok := c.Taxonomy().Theme(th); !ok {
				t.Fatalf("unknown theme %q", th)
			}
		}
		for _, s := range Sentences(got.Language, got.Text) {
			if !strings.Contains(got.Text, s) {
				t.Fatalf("sentence %q is not part of the text", s)
			}
		}
	})
}

func FuzzReadExamples(f *testing.F) {
	f.Add([]byte("- lang: en\n  themes: [veto]\n  text: The veto.\n"))
	f.Add([]byte("passages:\n  - lang: fr\n    context: other\n    themes: []\n    text: x\n"))
	f.Add([]byte("- lang: de\n  text: x\n"))
	f.Add([]byte("[\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		exs, err := ReadExamples("fuzz.yaml", bytes.NewReader(data))
		if err != nil {
			if exs != nil || !strings.HasPrefix(err.Error(), "fuzz.yaml") {
				t.Fatalf("error %q with %d examples", err, len(exs))
			}
			return
		}
		for _, ex := range exs {
			if strings.TrimSpace(ex.Text) == "" {
				t.Fatal("an example without text")
			}
		}
	})
}

func FuzzReadModel(f *testing.F) {
	f.Add(defaultModelJSON)
	f.Add([]byte(`{"format":1,"features":1,"vocab":["a"],"themes":[{"theme":"veto","index":[0],"weight":[1]}]}`))
	f.Add([]byte(`{"format":1,"features":1,"vocab":[],"themes":[{"theme":"veto","index":[5],"weight":[1]}]}`))
	f.Add([]byte(`{`))
	c := newTestCoder(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		m, err := ReadModel(bytes.NewReader(data))
		if err != nil {
			if m != nil {
				t.Fatal("model returned with an error")
			}
			return
		}
		got := c.WithModel(m).Classify("en", "The report should say why the veto was used.")
		for _, th := range got.Themes {
			if _, ok := c.Taxonomy().Theme(th); !ok {
				t.Fatalf("unknown theme %q", th)
			}
		}
	})
}

// FuzzParseReviewOps: review text as typed into a workbook cell either
// parses into steps that print back to text parsing to the same steps, or
// is a *ReviewSyntaxError; it never panics.
func FuzzParseReviewOps(f *testing.F) {
	for _, s := range []string{"+veto -transparency", "none +veto", "=+veto", "−veto", "veto", "+", "+-x", ";;, ", "#NAME?"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		ops, err := ParseReviewOps(text)
		if err != nil {
			var se *ReviewSyntaxError
			if !errors.As(err, &se) {
				t.Fatalf("%q: error of type %T", text, err)
			}
			return
		}
		var parts []string
		for _, op := range ops {
			parts = append(parts, op.String())
		}
		again, err := ParseReviewOps(strings.Join(parts, " "))
		if err != nil || !slices.Equal(again, ops) {
			t.Fatalf("%q: steps %v print as %q, which parse to %v, %v", text, ops, strings.Join(parts, " "), again, err)
		}
	})
}

// FuzzProposalTriggers checks that the one-pass trigger index finds
// exactly the groups a test word by word finds, in every language.
func FuzzProposalTriggers(f *testing.F) {
	f.Add("We must recognise that the need for reform is urgent; let us act.")
	f.Add("nous demandons au Conseil, il faut agir")
	f.Add("es necesario que el Consejo actúe")
	f.Add("ensemble, faisons en sorte que nous nous demandions si l'appel lancé par le conseil devrait; il est temps d'agir")
	f.Add("hagamos; nos sumamos al llamamiento hecho por el grupo; el consejo pidió la palabra cuando es necesario")
	f.Add("安理会本应如有必要让我们是时候")
	f.Add("安理会应提高透明度")
	f.Add("a")
	f.Fuzz(func(t *testing.T, s string) {
		s = strings.ToLower(s)
		for lang, lm := range proposalMatchers() {
			held := lm.ix.held(s)
			for i, km := range lm.kms {
				if km.triggers != nil && (held&(1<<i) != 0) != hasAny(s, km.triggers) {
					t.Fatalf("%s marker %d (%s): index %v, word by word %v", lang, i, km.kind, held&(1<<i) != 0, hasAny(s, km.triggers))
				}
			}
			for gi, g := range lm.guards {
				bit := uint64(1) << (len(lm.kms) + gi)
				if g.triggers != nil && (held&bit != 0) != hasAny(s, g.triggers) {
					t.Fatalf("%s guard %d: index %v, word by word %v", lang, gi, held&bit != 0, hasAny(s, g.triggers))
				}
			}
			detectProposal(lang, s, s)
		}
	})
}
