package indextest

import (
	"crypto/sha256"
	"fmt"
	"strings"

	"github.com/scdebate/scdebate/analysis"
	"github.com/scdebate/scdebate/corpus"
)

// Handmade returns a few records written out by hand: two language
// versions of one meeting, an older meeting, a record whose text contains
// markup, and a sample record. Their annotations code "veto" and
// "burden-sharing" by keyword (as rule codes; "Vetoes" as the learned
// layer's, and the veto of New Zealand's second paragraph as reviewed) and
// mark paragraphs with "call on" as proposals. The 2021 meeting is the
// debate on the Council's report, the 2015 one the debate on Council
// reform; the sample record has no agenda.
func Handmade() []Doc {
	rec := func(symbol, lang, date string, session int, sample bool, speeches ...corpus.Speech) Doc {
		r := &corpus.Record{Symbol: symbol, Kind: corpus.KindVerbatim, Language: lang, Session: corpus.Int(session),
			Meeting: corpus.Int(30), Date: date, Sample: sample, Speeches: speeches,
			Source: corpus.Source{SHA256: fmt.Sprintf("%x", sha256.Sum256([]byte(symbol+"."+lang)))}}
		a := &analysis.Annotation{Version: analysis.AnnotationVersion, RecordSHA256: r.Source.SHA256, Symbol: symbol, Language: lang, TaxonomyHash: TaxonomyHash}
		for _, sp := range speeches {
			sa := analysis.SpeechAnnotation{Seq: sp.Seq}
			for _, p := range sp.Paragraphs {
				var themes []string
				var codes []analysis.Code
				if strings.Contains(strings.ToLower(p.Text), "veto") {
					themes = append(themes, "veto")
					cd := analysis.Code{Theme: "veto", Source: analysis.CodeRule, Evidence: []string{"veto"}, Score: 0.9}
					switch {
					case strings.HasPrefix(p.Text, "Vetoes"):
						cd = analysis.Code{Theme: "veto", Source: analysis.CodeModel, Score: 0.71}
					case strings.HasPrefix(p.Text, "We call on the permanent members"):
						cd.Source = analysis.CodeReviewed
					}
					codes = append(codes, cd)
				}
				if strings.Contains(strings.ToLower(p.Text), "penholder") {
					themes = append(themes, "burden-sharing")
					codes = append(codes, analysis.Code{Theme: "burden-sharing", Source: analysis.CodeRule, Evidence: []string{"penholder"}})
				}
				sa.Paragraphs = append(sa.Paragraphs, analysis.ParagraphAnnotation{N: p.N, Themes: themes, Codes: codes, Proposal: strings.Contains(p.Text, "call on")})
			}
			a.Speeches = append(a.Speeches, sa)
		}
		return Doc{Record: r, Annotation: a}
	}
	speech := func(seq int, code, delegation string, paras ...string) corpus.Speech {
		sp := corpus.Speech{Seq: seq, Speaker: "Mr. X", Role: corpus.RoleMemberState, CountryCode: code, Delegation: delegation}
		for i, p := range paras {
			sp.Paragraphs = append(sp.Paragraphs, corpus.Paragraph{N: i + 1, Page: 3 + i, Text: p})
		}
		return sp
	}
	report := []corpus.AgendaItem{{Number: "29", Title: "Report of the Security Council"}}
	reform := []corpus.AgendaItem{{Number: "122", Title: "Question of equitable representation on and increase in the membership of the Security Council and related matters"}}
	docs := []Doc{
		rec("A/75/PV.78", "en", "2021-06-10", 75, false,
			speech(1, "NZL", "New Zealand",
				"Penholdership must be shared with the elected members.",
				"We call on the permanent members to refrain from the veto.",
				"The veto was used four times; the Code of Conduct matters."),
			speech(2, "MEX", "Mexico", "<script>alert(1)</script> is not a working method.", "Wrap-up sessions are useful.")),
		rec("A/75/PV.78", "fr", "2021-06-10", 75, false,
			speech(1, "NZL", "Nouvelle-Zélande",
				"Le rôle de rédacteur doit être partagé avec les membres élus.",
				"Nous demandons aux membres permanents de renoncer au veto.",
				"Le veto a été utilisé quatre fois."),
			speech(2, "MEX", "Mexique", "Ce n'est pas une méthode de travail.", "Les séances récapitulatives sont utiles.")),
		rec("A/70/PV.40", "en", "2015-11-12", 70, false,
			speech(1, "CHE", "Switzerland", "Penholders and co-penholders should consult.", "Vetoes block action.")),
		rec("SAMPLE/1", "en", "2023-10-01", 78, true,
			speech(1, "NZL", "New Zealand", "A sample passage about the veto.")),
	}
	docs[0].Record.AgendaItems, docs[1].Record.AgendaItems = report, report
	docs[2].Record.AgendaItems = reform
	return docs
}
