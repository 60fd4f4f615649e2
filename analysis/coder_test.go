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
		{"en", "The Council could usefully publish its programme a month ahead.", ProposalShould},
		{"en", "The Council could not agree on a presidential statement in May.", ""},
		{"en", "Members discussed how the Council could respond faster to crises.", ""},
		{"en", "There is a strong case for rotating the penholder role.", ProposalShould},
		{"en", "In that case, the sanctions committee met twice.", ""},
		{"en", "We expect the Security Council to explain why our views were set aside.", ProposalShould},
		{"en", "The Council was expected to adopt its report in May.", ""},
		{"en", "Her delegation was in favour of a larger number of elected seats.", ProposalSupport},
		{"en", "Twelve members voted in favour of the draft.", ""},
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

// TestDetectProposalShapes reads French, Spanish and Chinese requests by
// the shapes English has: each shape and each guard with a sentence it
// takes and one it leaves.
func TestDetectProposalShapes(t *testing.T) {
	tests := []struct{ name, lang, text, want string }{
		// backing a change
		{"fr we support", "fr", "Nous appuyons la limitation du nombre de mandats des porte-plume.", ProposalSupport},
		{"fr we rely on", "fr", "Nous nous appuyons sur les travaux du Groupe de travail informel.", ""},
		{"fr we fully support the idea", "fr", "Nous soutenons pleinement l'idée d'un bilan mensuel ouvert à tous.", ProposalSupport},
		{"fr we maintain that", "fr", "Nous soutenons que le rapport n'est qu'une liste de séances.", ""},
		{"fr a delegation supports", "fr", "La délégation soutient un code de conduite sur le veto.", ProposalSupport},
		{"fr many states support, a fact", "fr", "Une majorité de délégations soutiennent aujourd'hui le code de conduite.", ""},
		{"fr we would welcome", "fr", "Nous nous féliciterions d'un rapport annuel plus court et plus analytique.", ProposalSupport},
		{"fr we welcome what was done", "fr", "Nous nous félicitons de la publication du rapport en temps voulu.", ""},
		{"fr we look forward to the council", "fr", "Nous attendons avec intérêt que le Conseil publie ses évaluations mensuelles.", ProposalSupport},
		{"fr we look forward to working", "fr", "Nous attendons avec intérêt de travailler avec vous, Monsieur le Président.", ""},
		{"fr we wish that", "fr", "Nous souhaitons que les séances de bilan soient ouvertes aux non-membres.", ProposalSupport},
		{"fr i would like that", "fr", "Je souhaiterais que le Conseil publie ses évaluations mensuelles.", ProposalSupport},
		{"fr i would like to thank", "fr", "Je souhaiterais remercier la présidence pour ce débat.", ""},
		{"fr we wish welcome", "fr", "Nous souhaitons la bienvenue au nouveau Représentant permanent.", ""},
		{"fr support reaffirmed", "fr", "Le groupe réaffirme son plein soutien à un code de conduite sur le veto.", ProposalSupport},
		{"fr support as a noun", "fr", "Le soutien des pays voisins a été déterminant.", ""},
		// a need, a time or an importance stressed
		{"fr it is time that", "fr", "Il est temps que les présidences rédigent des évaluations mensuelles.", ProposalMust},
		{"fr speaking time", "fr", "Le temps de parole des non-membres reste limité.", ""},
		{"fr the moment has come", "fr", "Le moment est venu de partager la rédaction des textes.", ProposalMust},
		{"fr it matters that", "fr", "Il importe que les pays contributeurs de troupes soient consultés.", ProposalMust},
		{"fr it matters little", "fr", "Il importe peu au groupe que la séance soit publique.", ""},
		{"fr it is necessary to", "fr", "Il est nécessaire de codifier la procédure de vote par écrit.", ProposalMust},
		{"fr important for", "fr", "Il est important pour les petites délégations, avant tout.", ""},
		{"fr one must", "fr", "Il faut ouvrir les consultations aux pays concernés.", ProposalMust},
		{"fr need stressed", "fr", "Elle a souligné la nécessité de séances de récapitulation plus fréquentes.", ProposalMust},
		{"fr importance of doing stressed", "fr", "Il a souligné l'importance de consulter les pays contributeurs.", ProposalMust},
		{"fr importance of a thing", "fr", "Elle a souligné l'importance de l'embargo sur les armes.", ""},
		{"fr needed", "fr", "Des dialogues informels avec les pays hôtes sont nécessaires.", ProposalMust},
		{"fr needed as a condition", "fr", "Les consultations à huis clos gardent leur utilité lorsque la discrétion est vraiment nécessaire.", ""},
		{"fr the council needs", "fr", "Le Conseil a besoin de règles claires pour se réunir hors de la salle.", ProposalMust},
		{"fr needs as a noun", "fr", "Les besoins des petites délégations ont été examinés.", ""},
		// asking anyone to act
		{"fr we ask", "fr", "Nous prions le Secrétariat de tenir des comptes rendus.", ProposalRequest},
		{"fr we pray", "fr", "Nous prions pour les victimes de ce conflit.", ""},
		{"fr we invite", "fr", "Nous invitons le Conseil à saisir cette occasion.", ProposalInvite},
		{"fr invited to speak", "fr", "Le représentant du Chili, invité à prendre la parole, a remercié la présidence.", ""},
		{"fr we urgently ask", "fr", "Nous demandons instamment aux membres permanents de renoncer au veto.", ProposalUrge},
		{"fr let us", "fr", "Faisons en sorte que les membres élus tiennent davantage la plume.", ProposalCallOn},
		{"fr we do", "fr", "Nous faisons en sorte que chaque séance soit annoncée au Journal.", ""},
		{"fr together let us", "fr", "Ensemble, travaillons à un Conseil plus représentatif.", ProposalCallOn},
		{"fr let us remember", "fr", "Rappelons-nous que la Charte a été rédigée en 1945.", ""},
		{"fr let us be clear", "fr", "Soyons clairs : le rapport n'est qu'une liste.", ""},
		// what makes no request
		{"fr we must change", "fr", "Nous devons revoir la manière dont le rapport est rédigé.", ProposalMust},
		{"fr we must recognise", "fr", "Nous devons reconnaître que la dernière décennie a apporté peu de changements.", ""},
		{"fr one must recall", "fr", "Il faut rappeler que les débats publics sont venus tard au Conseil.", ""},
		{"fr should act", "fr", "Le Conseil devrait agir plus tôt face aux crises.", ProposalShould},
		{"fr should have acted", "fr", "Le Conseil aurait dû agir plus tôt face à la crise.", ""},
		{"fr should have been", "fr", "Le rapport devrait avoir été publié en juin.", ""},
		{"fr seats should", "fr", "Les sièges élus devraient être renouvelables.", ProposalShould},
		{"fr whether seats should", "fr", "Les délégations se sont divisées sur la question de savoir si les sièges élus devraient être renouvelables.", ""},
		{"fr we wonder whether", "fr", "Nous nous demandons si le Conseil doit encore se réunir à huis clos.", ""},
		{"fr the call taken up", "fr", "Nous nous associons à l'appel lancé par le groupe en faveur de déclarations plus courtes.", ProposalCallOn},
		{"fr the call as a noun", "fr", "La retraite fut la réponse de l'Assemblée à l'appel lancé par le groupe en faveur de déclarations plus courtes.", ""},
		{"fr recourse to", "fr", "Le Conseil peut faire appel à des experts indépendants.", ""},
		{"fr delegations asked the council", "fr", "Plusieurs délégations ont demandé au Conseil de publier son programme.", ProposalRequest},
		{"fr the council asked", "fr", "Dans sa résolution, le Conseil a demandé aux parties de négocier.", ""},
		{"fr asked for publication", "fr", "Trente délégations ont demandé la publication des notes.", ProposalRequest},
		{"fr asked for the floor", "fr", "Trente délégations ont demandé la parole dans le débat.", ""},
		{"fr on behalf of the group, a request", "fr", "Au nom du groupe ACT, nous demandons au Conseil de publier ses notes.", ProposalRequest},
		{"fr we ask all states", "fr", "Nous demandons à tous les États d'appuyer la suspension du veto.", ProposalRequest},
		{"fr a candidate asks for votes", "fr", "Notre pays, candidat pour 2031, sollicite le soutien de tous les États Membres.", ""},
		{"fr the group asked me to speak", "fr", "Les pays nordiques m'ont demandé de prendre la parole en leur nom.", ""},

		{"es we support", "es", "Apoyamos la limitación de los mandatos de los redactores.", ProposalSupport},
		{"es we rely on", "es", "Nos apoyamos en la labor del Grupo de Trabajo Oficioso.", ""},
		{"es we back fully", "es", "Respaldamos plenamente la idea de un balance mensual abierto.", ProposalSupport},
		{"es a delegation supports", "es", "La delegación apoya que se limite el uso del veto.", ProposalSupport},
		{"es many support, a fact", "es", "Numerosas delegaciones apoyan hoy el código de conducta.", ""},
		{"es we would welcome", "es", "Acogeríamos con beneplácito un informe anual más breve y analítico.", ProposalSupport},
		{"es we welcome what was done", "es", "Acogemos con beneplácito la publicación puntual del informe.", ""},
		{"es we hope the council", "es", "Esperamos que el Consejo publique sus evaluaciones mensuales.", ProposalSupport},
		{"es we look forward to working", "es", "Esperamos con interés trabajar con usted, señor Presidente.", ""},
		{"es we would like that", "es", "Nos gustaría que las sesiones de recapitulación estuvieran abiertas a todos.", ProposalSupport},
		{"es we would like to thank", "es", "Nos gustaría agradecer a la Presidencia la convocatoria.", ""},
		{"es support reiterated", "es", "El grupo reitera su pleno apoyo a un código de conducta sobre el veto.", ProposalSupport},
		{"es support as a noun", "es", "El apoyo de los países vecinos fue decisivo.", ""},
		{"es it is time", "es", "Es hora de que las presidencias redacten evaluaciones mensuales.", ProposalMust},
		{"es the hour", "es", "La hora de la sesión cambió dos veces.", ""},
		{"es it is necessary that", "es", "Es necesario que los países que aportan contingentes sean consultados.", ProposalMust},
		{"es there is lacking", "es", "Hace falta una norma más clara sobre las consultas.", ProposalMust},
		{"es important to", "es", "Es importante publicar el programa de trabajo a tiempo.", ProposalMust},
		{"es important for", "es", "Es importante para las delegaciones pequeñas, sobre todo.", ""},
		{"es need stressed", "es", "Subrayó la necesidad de sesiones de recapitulación más frecuentes.", ProposalMust},
		{"es importance of doing stressed", "es", "Destacó la importancia de consultar a los países que aportan contingentes.", ProposalMust},
		{"es importance of a thing", "es", "Destacó la importancia del embargo de armas.", ""},
		{"es needed", "es", "Son necesarios más diálogos oficiosos con los países anfitriones.", ProposalMust},
		{"es needed as a condition", "es", "Las consultas privadas conservan su utilidad cuando la discreción es realmente necesaria.", ""},
		{"es the council needs", "es", "El Consejo necesita normas claras para reunirse fuera del Salón.", ProposalMust},
		{"es needs as a noun", "es", "Las necesidades de las delegaciones pequeñas se examinaron.", ""},
		{"es due to", "es", "El retraso se debe a la falta de acuerdo entre los miembros.", ""},
		{"es we request", "es", "Solicitamos a la Secretaría que lleve actas de las consultas.", ProposalRequest},
		{"es we exhort", "es", "Exhortamos a los miembros permanentes a renunciar al veto.", ProposalUrge},
		{"es asked for publication", "es", "Treinta delegaciones pidieron la publicación de las notas.", ProposalRequest},
		{"es asked for the floor", "es", "Treinta delegaciones pidieron la palabra en el debate.", ""},
		{"es asked to take the floor", "es", "El representante de Chile ha solicitado hacer uso de la palabra.", ""},
		{"es let us", "es", "Hagamos que los miembros electos compartan la redacción.", ProposalCallOn},
		{"es let us give thanks", "es", "Demos las gracias a la Presidencia por este debate.", ""},
		{"es so that we do", "es", "Para que hagamos bien nuestro trabajo, la Secretaría nos informa cada mes.", ""},
		{"es let us remember", "es", "Recordemos que la Carta se redactó en 1945.", ""},
		{"es we must change", "es", "Debemos revisar la forma en que se redacta el informe.", ProposalMust},
		{"es we must recognise", "es", "Debemos reconocer que la última década trajo pocos cambios.", ""},
		{"es there should be", "es", "Debería haber un mecanismo de seguimiento de este debate.", ProposalShould},
		{"es should have acted", "es", "El Consejo debería haber actuado antes ante la crisis.", ""},
		{"es seats should", "es", "Los puestos electivos deberían ser renovables.", ProposalShould},
		{"es whether seats should", "es", "Las opiniones se dividieron sobre si los puestos electivos deberían ser renovables.", ""},
		{"es one may wonder whether", "es", "Cabe preguntarse si el Consejo debe seguir reuniéndose a puerta cerrada.", ""},
		{"es the call taken up", "es", "Nos sumamos al llamamiento hecho por el grupo en favor de declaraciones más breves.", ProposalCallOn},
		{"es the call as a noun", "es", "El retiro fue la respuesta de la Asamblea al llamamiento hecho por el grupo en favor de declaraciones más breves.", ""},
		{"es we make a call", "es", "Hacemos un llamamiento a los miembros permanentes para que se abstengan del veto.", ProposalCallOn},
		{"es delegations asked the council", "es", "Varias delegaciones pidieron al Consejo que publicara su programa.", ProposalRequest},
		{"es the council asked", "es", "En su resolución, el Consejo pidió a las partes que negociaran.", ""},
		{"es on behalf of the group, a request", "es", "En nombre del grupo ACT, pedimos al Consejo que publique sus notas.", ProposalRequest},
		{"es we ask all states", "es", "Pedimos a todos los Estados que apoyen la suspensión del veto.", ProposalRequest},
		{"es a candidate asks for votes", "es", "Nuestro país aspira a un puesto no permanente y pide el voto de todos los Estados.", ""},
		{"es the group asked me to speak", "es", "Los países nórdicos me han pedido que hable en su nombre.", ""},

		{"zh we support", "zh", "我们支持为执笔国设定任期限制。", ProposalSupport},
		{"zh thanks for support", "zh", "感谢各国对我国候选资格的支持。", ""},
		{"zh we look forward to the council", "zh", "我们期待安理会公布每月评估。", ProposalSupport},
		{"zh let us", "zh", "让我们让当选成员更多地担任执笔国。", ProposalCallOn},
		{"zh it is time", "zh", "现在是时候让每任主席撰写月度评估了。", ProposalMust},
		{"zh should", "zh", "安理会应更早采取行动。", ProposalShould},
		{"zh should have", "zh", "安理会本应更早采取行动。", ""},
		{"zh whether it should", "zh", "各代表团对当选席位是否应可连任看法不一。", ""},
		{"zh we must recognise", "zh", "我们必须认识到，过去十年变化甚少。", ""},
		{"zh necessary", "zh", "有必要公开总结会议。", ProposalMust},
		{"zh necessary as a condition", "zh", "如有必要，闭门磋商仍可继续举行。", ""},
		{"zh matters", "zh", "主席团讨论了会议安排事宜。", ""},
		{"zh the council asked before", "zh", "安理会曾要求各方进行谈判。", ""},
		{"zh asked for the floor", "zh", "三十个代表团要求发言。", ""},
		{"zh at the group's request", "zh", "我应北欧国家的要求代表它们发言。", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := DetectProposal(tt.lang, tt.text); got != tt.want {
				t.Errorf("DetectProposal(%q) = %q, want %q", tt.text, got, tt.want)
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
		{"en", "The Journal should also announce the meetings of the Council's subsidiary organs.", "subsidiary-bodies"},
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
