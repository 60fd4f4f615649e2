package analysis

import (
	"context"
	"errors"
	"flag"
	"slices"
	"strings"
	"testing"

	"github.com/scdebate/scdebate/corpus"
)

// rulesOnly makes the evaluations score the taxonomy alone, without the
// learned layer, to see what each part does.
var rulesOnly = flag.Bool("rules-only", false, "code without the learned layer")

func newTestCoder(t testing.TB) *Coder {
	t.Helper()
	tx, err := DefaultTaxonomy()
	if err != nil {
		t.Fatal(err)
	}
	c, err := NewCoder(tx, nil)
	if err != nil {
		t.Fatal(err)
	}
	if *rulesOnly {
		c = c.WithModel(nil)
	}
	return c
}

func TestMatchingThroughTheAnalysers(t *testing.T) {
	tx, err := ParseTaxonomy("t.yaml", []byte(`themes:
  - id: veto
    name: Veto
    terms:
      en: [right of veto]
      zh: [否决权]
  - id: pandemic
    name: Pandemic
    terms:
      en: [pandemic]
      fr: [pandémie]
    exclude:
      en: [during the pandemic]
      fr: [pendant la pandémie]
  - id: tcc
    name: TCC
    terms:
      en: [consulted & troop contributors]
  - id: openness
    name: Openness
    terms:
      en: [transparency]
    exclude:
      en: [thank & transparency]
    yields_to: ["*"]
  - id: relations
    name: Relations
    terms:
      en: [=on our behalf, =act for all of us & fifteen, screen|online & meetings|met]
      fr: [=pour nous tous]
    exclude:
      en: [=behind a screen|smokescreen & nuclear|plutonium]
`))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, lang, text string
		want             []string
	}{
		{"inflected phrase", "en", "Rights of veto are a privilege.", []string{"veto"}},
		{"words out of order are no phrase", "en", "The veto is a right of the five.", nil},
		{"stop word gap kept", "en", "the right to veto", []string{"veto"}},
		{"chinese phrase contiguous", "zh", "常任理事国应克制使用否决权。", []string{"veto"}},
		{"chinese characters scattered", "zh", "否决了决议，这是他们的权利。", nil},
		{"time marker excluded", "en", "During the pandemic, we met often.", nil},
		{"substantive use kept", "en", "The pandemic disrupted the Council's work during the pandemic.", []string{"pandemic"}},
		{"french time marker", "fr", "Pendant la pandémie, nous avons suivi les travaux.", nil},
		{"conjunction needs both", "en", "Troop contributors should be heard.", nil},
		{"conjunction holds", "en", "Troop contributors must be consulted.", []string{"tcc"}},
		{"sentence-level exclusion", "en", "We thank you for your transparency.", nil},
		{"catch-all yields", "en", "Transparency of the right of veto matters.", []string{"veto"}},
		{"catch-all alone", "en", "Transparency matters.", []string{"openness"}},
		{"no terms for language", "ru", "право вето", nil},
		{"exact phrase keeps its stop words", "en", "The Council acts on our behalf.", []string{"relations"}},
		{"exact phrase inflected", "en", "The fifteen acted for all of us.", []string{"relations"}},
		{"exact phrase needs its stop words", "en", "The Council acts on behalf of the parties.", nil},
		{"exact phrase other stop words", "en", "The fifteen act for some of them.", nil},
		{"exact french phrase", "fr", "Les quinze agissent pour nous tous.", []string{"relations"}},
		{"exact french phrase absent", "fr", "Nous agissons pour la paix.", nil},
		{"alternatives first and first", "en", "The Council met through a screen.", []string{"relations"}},
		{"alternatives second and second", "en", "Meetings held online had no status.", []string{"relations"}},
		{"alternatives need every part", "en", "The screen was dark.", nil},
		{"alternatives in a sentence exclusion", "en", "The meetings on plutonium were held behind a screen.", nil},
		{"sentence exclusion needs every part", "en", "The meetings were held behind a screen.", []string{"relations"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, m := range tx.matchThemes(tt.lang, tt.text, nil) {
				got = append(got, m.Theme)
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("themes(%q) = %v, want %v", tt.text, got, tt.want)
			}
		})
	}
}

func TestSentences(t *testing.T) {
	tests := []struct {
		name, lang, text string
		want             []string
	}{
		{"english abbreviations", "en", "Mr. Smith spoke on Art. 27. The Council agreed.", []string{"Mr. Smith spoke on Art. 27.", "The Council agreed."}},
		{"english question", "en", "Is the Council accountable? We think not.", []string{"Is the Council accountable?", "We think not."}},
		{"chinese", "zh", "安理会应提高透明度。我们呼吁改革！是否可行？可以；但需时间", []string{"安理会应提高透明度。", "我们呼吁改革！", "是否可行？", "可以；", "但需时间"}},
		{"chinese closing quote", "zh", "他说：“必须改革。”我们同意。", []string{"他说：“必须改革。”", "我们同意。"}},
		{"french honorific", "fr", "M. Dupont a pris la parole. Le Conseil doit agir.", []string{"M. Dupont a pris la parole.", "Le Conseil doit agir."}},
		{"spanish", "es", "La Sra. López habló. ¿Es suficiente? No.", []string{"La Sra. López habló.", "¿Es suficiente?", "No."}},
		{"lower-case continuation", "fr", "Voir le doc. cité plus haut.", []string{"Voir le doc. cité plus haut."}},
		{"empty", "en", "   ", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Sentences(tt.lang, tt.text); !slices.Equal(got, tt.want) {
				t.Errorf("Sentences(%q) = %q, want %q", tt.text, got, tt.want)
			}
		})
	}
}

func TestDetectProposal(t *testing.T) {
	tests := []struct{ lang, text, want string }{
		{"en", "We call on the Council to hold more open debates.", ProposalCallOn},
		{"en", "We urge the permanent members to refrain from the veto.", ProposalUrge},
		{"en", "We encourage the Council to publish its programme.", ProposalEncourage},
		{"en", "The Council should agree press elements.", ProposalShould},
		{"en", "We propose that wrap-up sessions be open.", ProposalPropose},
		{"en", "We request the Secretariat to keep records.", ProposalRequest},
		{"en", "The Council must be more transparent.", ProposalMust},
		{"en", "I should like to thank the President.", ""},
		{"en", "I now invite the representative of Chile to take the floor.", ""},
		{"en", "The report was adopted in 2020.", ""},
		{"en", "We call for the abolition of the veto.", ProposalCallOn},
		{"en", "He called for a Council that reflects today's world.", ProposalCallOn},
		{"en", "She urged the Council to publish its programme of work.", ProposalUrge},
		{"en", "The delegate asked the Council to hold more open debates.", ProposalRequest},
		{"en", "Several delegations asked for a summary of each consultation.", ProposalRequest},
		{"en", "She asked the co-facilitators to circulate a text before June.", ProposalRequest},
		{"en", "I ask each delegation to circulate its full text.", ProposalRequest},
		{"en", "The list closed once forty speakers had asked for the floor.", ""},
		{"en", "The Nordic countries asked me to deliver these remarks on their behalf.", ""},
		{"en", "Private meetings keep their use when confidentiality is truly needed.", ""},
		{"en", "More informal dialogues are needed with the host countries.", ProposalMust},
		{"en", "The Council needs clear rules for meeting outside the Chamber.", ProposalMust},
		{"en", "We need a clearer rule on when consultations become public.", ProposalMust},
		{"en", "The needs of small delegations were discussed.", ""},
		{"en", "What needs to be done to make the Council more transparent?", ""},
		{"en", "Must the membership wait another decade for reform?", ""},
		// backing a change, said or reported
		{"en", "Our delegation supports term limits for penholders.", ProposalSupport},
		{"en", "The group has advocated term limits for the chairs of committees.", ProposalSupport},
		{"en", "The bloc reaffirmed its strong support for a code of conduct on the veto.", ProposalSupport},
		{"en", "We want to see penholders consult the host State early.", ProposalSupport},
		{"en", "We would welcome a shorter annual report.", ProposalSupport},
		{"en", "We supported the draft resolution because it keeps talks alive.", ""},
		{"en", "The text was supported by most members.", ""},
		// a need, a time or an importance stressed
		{"en", "The delegate stressed the need for more frequent wrap-up sessions.", ProposalMust},
		{"en", "There is an urgent need for a simpler list of matters.", ProposalMust},
		{"en", "More seats for small States were needed, she said.", ProposalMust},
		{"en", "It is time for presidencies to write monthly assessments.", ProposalMust},
		{"en", "She underlined the importance of consulting troop contributors.", ProposalMust},
		{"en", "The handbook weighs speed against the need to consult.", ""},
		{"en", "Having recognised the need to act, the group then waited a year.", ""},
		{"en", "It is important for the smaller delegations, above all.", ""},
		{"en", "Let us give the elected members a fair share of the pens.", ProposalCallOn},
		{"en", "Penholders would greatly benefit from earlier drafts.", ProposalShould},
		{"en", "There is still room for shorter resolutions.", ProposalShould},
		{"en", "A summary after each Arria meeting would be a useful step.", ProposalShould},
		// what makes no request: minding, regret, indirect questions, others' calls, the Council's own requests
		{"en", "We must admit that the last decade brought few changes.", ""},
		{"en", "It is essential to remember that open debates came late to the Council.", ""},
		{"en", "The report should not forget the months of lockdown.", ProposalShould},
		{"en", "The Council should have acted sooner on the crisis.", ""},
		{"en", "Delegations differed over how large a reformed Council should be.", ""},
		{"en", "Opinions were split on whether elected seats should be renewable.", ""},
		{"en", "The scale of what the region has suffered over the decade should move members to act.", ProposalShould},
		{"en", "The retreat was the Assembly's answer to the group's call for shorter statements.", ""},
		{"en", "We join the many calls for shorter statements.", ProposalCallOn},
		{"en", "In its resolution the Council urged the parties to negotiate.", ""},
		{"en", "In 2019 the Council supported the African Union's mediation.", ""},
		{"en", "She stressed the importance of the arms embargo.", ""},
		{"en", "Let us be reminded that the Charter was drafted in 1945.", ""},
		{"en", "I should also like to thank the briefers.", ""},
		{"en", "Our first duty must be to thank the outgoing presidency.", ""},
		{"en", "Under Article 24 (3) of the Charter, the Council must submit annual reports to the Assembly.", ""},
		{"en", "Under the new arrangement, the Council must brief us monthly.", ProposalMust},
		{"en", "We are encouraged to see more wrap-up sessions.", ""},
		{"en", "We are encouraged by the number of open briefings.", ""},
		{"en", "We commend the presidency for encouraging shorter statements.", ""},
		{"en", "We encourage the presidency to keep statements short.", ProposalEncourage},
		{"en", "My delegation supports the convening of this annual debate.", ""},
		{"en", "The Group expressed its support for the new co-chairs.", ""},
		{"en", "We support the convening of an open debate every quarter.", ProposalSupport},
		{"en", "We look forward to working with you, Mr. President.", ""},
		{"en", "We look forward to the Council publishing its monthly assessments.", ProposalSupport},
		{"en", "The Group calls for the abolition of the veto.", ProposalCallOn},
		{"en", "Being a coalition advocating reform, it meets every month.", ""},
		{"fr", "Il a appelé le Conseil à plus de transparence.", ProposalCallOn},
		{"fr", "Elle a demandé au Conseil de publier ses notes.", ProposalRequest},
		{"fr", "Que faut-il faire pour rendre le Conseil plus transparent ?", ""},
		{"es", "Hizo un llamamiento a la abolición del veto.", ProposalCallOn},
		{"es", "Instó al Consejo a celebrar más debates abiertos.", ProposalUrge},
		{"es", "¿Qué debe hacerse para que el Consejo sea más transparente?", ""},
		{"zh", "安理会应该如何提高透明度？", ""},
		{"fr", "Nous demandons au Conseil de publier ses notes.", ProposalRequest},
		{"fr", "Le Conseil devrait tenir des séances publiques.", ProposalShould},
		{"fr", "Nous encourageons les présidences à poursuivre.", ProposalEncourage},
		{"fr", "Je voudrais remercier le Président.", ""},
		{"es", "Instamos al Consejo a actuar.", ProposalUrge},
		{"es", "El Consejo debería publicar sus decisiones.", ProposalShould},
		{"es", "Pedimos al Consejo que informe.", ProposalRequest},
		{"zh", "我们请安全理事会改进工作方法。", ProposalRequest},
		{"zh", "我们鼓励安理会继续努力。", ProposalEncourage},
		{"zh", "我们呼吁安理会进行改革。", ProposalCallOn},
		{"zh", "安理会应提高透明度。", ProposalShould},
		{"zh", "安理会需要应对新的挑战。", ""},
		{"zh", "我们邀请安全理事会抓住这一势头。", ProposalInvite},
		{"zh", "- 决定将安理会的虚拟会议作为正式会议", ProposalDecide},
		{"ru", "Мы призываем Совет действовать.", ProposalCallOn},
		{"ar", "ندعو مجلس الأمن إلى تعزيز الشفافية.", ProposalCallOn},
	}
	for _, tt := range tests {
		t.Run(tt.lang+" "+tt.text, func(t *testing.T) {
			if got := DetectProposal(tt.lang, tt.text); got != tt.want {
				t.Errorf("DetectProposal = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestExtractReferences(t *testing.T) {
	tests := []struct {
		text string
		want []string
	}{
		{"the note by the President (S/2017/507) and resolution 51/241", []string{"S/2017/507", "51/241"}},
		{"A/RES/76/262 of 26 April 2022", []string{"76/262"}},
		{"resolution 2532 (2020) and S/RES/2565 (2021)", []string{"S/RES/2565 (2021)", "S/RES/2532 (2020)"}},
		{"under Articles 15 and 24 of the Charter", []string{"Article 15", "Article 24"}},
		{"conformément à l'Article 27 de la Charte", []string{"Article 27"}},
		{"el Artículo 27 de la Carta", []string{"Article 27"}},
		{"根据1997年8月22日第51/241号决议", []string{"51/241"}},
		{"按照《联合国宪章》第二十七条和暂行议事规则", []string{"Article 27"}},
		{"в соответствии со статьей 27 Устава", []string{"Article 27"}},
		{"بموجب المادة ٢٧ من الميثاق", []string{"Article 27"}},
		{"the report A/75/2 was introduced", []string{"A/75/2"}},
		{"on 3/4 of the days", nil},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			if got := ExtractReferences(tt.text); !slices.Equal(got, tt.want) {
				t.Errorf("ExtractReferences = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestCodeRecord(t *testing.T) {
	c := newTestCoder(t)
	rec := &corpus.Record{
		Symbol: "A/75/PV.12", Language: "en", Date: "2020-11-16", Session: corpus.Int(75),
		Source:      corpus.Source{SHA256: "abc"},
		AgendaItems: []corpus.AgendaItem{{Number: "29", Title: "Report of the Security Council"}},
		Speeches: []corpus.Speech{{
			Seq: 2, Role: corpus.RoleMemberState, CountryCode: "CHE",
			OnBehalfOf: []string{"the Accountability, Coherence and Transparency group"},
			Paragraphs: []corpus.Paragraph{
				{N: 1, Text: "The veto must not block action on atrocities. We request the Council to:"},
				{N: 2, Text: "- hold wrap-up sessions open to all;"},
				{N: 3, Text: "- publish its programme of work."},
				{N: 4, Text: "We thank the President."},
			},
		}},
	}
	ann, err := c.Code(t.Context(), rec)
	if err != nil {
		t.Fatal(err)
	}
	if ann.RecordSHA256 != "abc" || ann.TaxonomyHash != c.Taxonomy().Hash() || ann.Version != AnnotationVersion || ann.Debate != corpus.DebateReport {
		t.Errorf("keys: %+v", ann)
	}
	sp := ann.Speeches[0]
	if want := []string{"programme-of-work", "wrap-up-sessions", "veto"}; !slices.Equal(sp.Themes, want) {
		t.Errorf("speech themes = %v, want %v", sp.Themes, want)
	}
	if got := sp.Paragraphs[1].Sentences[0].Proposal; got != ProposalRequest {
		t.Errorf("bullet under a request lead-in: proposal %q, want %q", got, ProposalRequest)
	}
	if sp.Paragraphs[2].Sentences[0].Proposal != ProposalRequest {
		t.Errorf("second bullet lost the lead-in's request: %+v", sp.Paragraphs[2])
	}
	if sp.Paragraphs[3].Proposal || len(sp.Paragraphs[3].Themes) != 0 {
		t.Errorf("procedural thanks coded: %+v", sp.Paragraphs[3])
	}
	if len(sp.Groups) != 1 || sp.Groups[0].ID != "act" || len(sp.Groups[0].Members) != 25 {
		t.Fatalf("groups = %+v", sp.Groups)
	}
	voices := Voices(&rec.Speeches[0], &sp)
	if voices[0] != (Voice{CountryCode: "CHE"}) || !slices.Contains(voices, Voice{CountryCode: "NZL", Via: "act"}) {
		t.Errorf("voices = %v", voices)
	}
}

// A letter's bullets reach the coder with their marks removed and Item set,
// as the parser gives them; they still carry the lead-in's request.
func TestCodeListItemsWithoutMarks(t *testing.T) {
	c := newTestCoder(t)
	rec := &corpus.Record{
		Kind: corpus.KindLetter, Language: "zh", Date: "2021-02-08",
		Speeches: []corpus.Speech{{Seq: 1, Paragraphs: []corpus.Paragraph{
			{N: 1, Text: "为进一步落实这些承诺和努力，加强问责制、一致性和透明度国家集团请安全理事会："},
			{N: 2, Text: "加大努力，在安理会每次虚拟会议之后商定新闻要素", Item: true},
			{N: 3, Text: "确保总结会议以允许非安理会成员参与实质性讨论和互动的形式举行", Item: true},
			{N: 4, Text: "确保总结会议以允许非安理会成员参与实质性讨论和互动的形式举行"},
		}}},
	}
	ann, err := c.Code(t.Context(), rec)
	if err != nil {
		t.Fatal(err)
	}
	for i, want := range []bool{true, true, true, false} {
		if got := ann.Speeches[0].Paragraphs[i].Proposal; got != want {
			t.Errorf("paragraph %d: proposal %v, want %v", i+1, got, want)
		}
	}
}

// expiringContext reports itself cancelled from its n-th Err call on, so
// that a test can stop the coder part-way through one speech.
type expiringContext struct {
	context.Context
	calls, n int
}

func (c *expiringContext) Err() error {
	if c.calls++; c.calls >= c.n {
		return context.Canceled
	}
	return nil
}

func TestCodeStopsWithinSpeech(t *testing.T) {
	c := newTestCoder(t)
	paras := make([]corpus.Paragraph, 200)
	for i := range paras {
		paras[i] = corpus.Paragraph{N: i + 1, Text: "The veto must not block action on atrocities."}
	}
	rec := &corpus.Record{Language: "en", Speeches: []corpus.Speech{{Seq: 1, Paragraphs: paras}}}
	ctx := &expiringContext{Context: t.Context(), n: 10}
	if _, err := c.Code(ctx, rec); !errors.Is(err, context.Canceled) {
		t.Fatalf("Code = %v, want context.Canceled", err)
	}
	if ctx.calls != ctx.n {
		t.Errorf("coding went on for %d checks after the context ended", ctx.calls-ctx.n)
	}
}

func TestCodeBadInput(t *testing.T) {
	c := newTestCoder(t)
	huge := strings.Repeat("the veto and the Council ", 1<<16) // 1.6 MB, no full stop
	tests := []struct {
		name string
		rec  *corpus.Record
	}{
		{"empty record", &corpus.Record{}},
		{"unexpected language", &corpus.Record{Language: "de", Speeches: []corpus.Speech{{Paragraphs: []corpus.Paragraph{{Text: "Das Vetorecht muss eingeschränkt werden."}}}}}},
		{"invalid utf-8", &corpus.Record{Language: "en", Speeches: []corpus.Speech{{Paragraphs: []corpus.Paragraph{{Text: "veto \xff\xfe power"}}}}}},
		{"huge paragraph", &corpus.Record{Language: "en", Speeches: []corpus.Speech{{Paragraphs: []corpus.Paragraph{{Text: huge}}}}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ann, err := c.Code(t.Context(), tt.rec)
			if err != nil {
				t.Fatal(err)
			}
			for _, sp := range ann.Speeches {
				for _, p := range sp.Paragraphs {
					for _, s := range p.Sentences {
						if len(s.Text) > MaxSentenceBytes {
							t.Errorf("sentence of %d bytes", len(s.Text))
						}
					}
				}
			}
		})
	}
	if _, err := c.Code(t.Context(), nil); err == nil {
		t.Error("nil record: no error")
	}
}

// TestRealWording codes wording that delegations use and the taxonomy's
// first terms missed.
func TestRealWording(t *testing.T) {
	c := newTestCoder(t)
	for _, tc := range []struct{ lang, text, want string }{
		{"en", "Eleven resolutions were adopted by written procedure while the Council could not meet.", "virtual-voting"},
		{"en", "Texts adopted through the written process deserve the same explanation as any other vote.", "virtual-voting"},
		{"en", "Requests under rule 37 should be granted as a matter of course.", "open-debates"},
		{"en", "More of the Council's meetings should be open to the full membership.", "open-debates"},
		{"en", "We recall the notes by the President contained in S/2010/507 and S/2017/507.", "note-507"},
		{"en", "Note 507 remains the reference for the Council's working methods.", "note-507"},
		{"en", "The note in S/2006/507 was a first step.", "note-507"},
		{"en", "The Council's mission to the Sahel showed the value of seeing conditions first-hand.", "visiting-missions"},
		{"en", "Council members who went to the field came back with a sharper sense of what the mission needs.", "visiting-missions"},
		{"fr", "Les textes adoptés par processus écrit méritent une explication.", "virtual-voting"},
		{"en", "The annual report is how the Council accounts to the membership for its decisions.", "ga-sc-relations"},
		// The Assembly's electing the Council's members, said of it in
		// general, is not news of an election.
		{"en", "The Council must be accountable to the General Assembly, which elects its non-permanent members.", "ga-sc-relations"},
	} {
		t.Run(tc.text, func(t *testing.T) {
			if got := c.Classify(tc.lang, tc.text).Themes; !slices.Contains(got, tc.want) {
				t.Errorf("themes %v, want %s", got, tc.want)
			}
		})
	}
}
