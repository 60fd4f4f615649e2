package analysis

import (
	"testing"

	"github.com/scdebate/scdebate/corpus"
)

// TestReformAsOccasion checks, with the dictionary alone, that the reform
// named as the occasion of what is said (the other agenda item of a joint
// meeting, taken up with or apart from another or announced as the next
// one; the item on Council reform; thanks for someone's work in the
// negotiations, for convening them or for the floor given on the reform; the
// Assembly's President telling it of its business, and a debate's length; a session or round of them named by when it falls; support
// pledged to the one presiding; a person's record; a conflict's negotiated
// settlement) is not coded, and that the same words making a point still
// are.
func TestReformAsOccasion(t *testing.T) {
	c := newTestCoder(t).WithModel(nil)
	report := Context{Debate: corpus.DebateReport}
	joint := Context{Debate: corpus.DebateReport, Reform: true}
	reform := Context{Debate: corpus.DebateReform}
	methods := Context{Debate: contextWorkingMethods, CouncilRecord: true}
	checkThemeCases(t, c, []themeCase{
		// The next item announced.
		{"the next item announced", joint, "I now turn briefly to the other item on our agenda this morning: reform of the Security Council.", nil},
		{"the next item with a point after it", joint, "On the second item, reform of the Security Council, we want two new permanent seats for Africa.", []string{"council-reform"}},
		// One item taken up with, or apart from, the other.
		{"an item taken up apart from the reform debate", report, "Members spoke on the Council's working methods independently of the Council reform debate held last week.", nil},
		{"taken up in conjunction with the reform item", report, "For years the annual report was considered in conjunction with the agenda item on the reform of the Security Council.", []string{"annual-report"}},
		{"the reform debate judged", report, "The Security Council reform debate has gone round in circles for three decades.", []string{"council-reform"}},
		// The item on Council reform named.
		{"the item on reform as the occasion", report, "The item on Security Council reform will be taken up on Thursday afternoon.", nil},
		{"reform as a point", report, "Security Council reform cannot wait for another generation.", []string{"council-reform"}},
		// Thanks for someone's work in the negotiations.
		{"thanks for work in the negotiations", joint, "We are grateful to both of you for your patient work in the IGN over the past months.", nil},
		{"appreciation for discussions in the negotiations", joint, "My delegation expresses its appreciation for the frank discussions in the IGN this year.", nil},
		{"the work of the negotiations judged", joint, "The work of the IGN must now move to a text with attributions.", []string{"council-reform"}},
		// A session or round of the negotiations named by when it falls.
		{"the negotiations resumed, as an event", joint, "Our group looks forward to resuming the IGN in February.", nil},
		{"the upcoming session as the occasion", reform, "The upcoming IGN session falls at a difficult moment for the Organization.", nil},
		{"a new round begun, named in another debate", methods, "This month we began a new round of inter-governmental negotiations on reform of the Security Council.", nil},
		{"the upcoming session asked to discuss seats", reform, "The upcoming IGN session must at last take up permanent seats for Africa.", []string{"council-reform"}},
		{"the negotiations' sessions judged", reform, "The IGN sessions have become a ritual of restated positions.", []string{"council-reform"}},
		// Thanks for the floor given on the reform, and for convening the
		// negotiations: the courtesy names the occasion.
		{"thanks for the floor on the reform", reform, "Thank you for giving us the opportunity to speak on behalf of the Nordic countries on the question of Security Council reform.", nil},
		{"the floor given, then a point on the reform", reform, "Thank you for giving us the opportunity to speak; the question of Security Council reform has waited too long.", []string{"council-reform"}},
		{"thanks for convening the negotiations", reform, "We thank you for convening the intergovernmental negotiations on Security Council reform.", nil},
		{"the negotiations convened, then a point", reform, "We thank you for convening the negotiations; Security Council reform must now give Africa permanent seats.", []string{"council-reform"}},
		// The Assembly's own business told in coverage.
		{"the Assembly's President informing it of its business", reform, "After three days of debate on Security Council reform, the President informed the Assembly that the sponsors had withdrawn their draft.", nil},
		{"the debate's length, then a point on the reform", reform, "After three days of debate, speakers agreed that Security Council reform must give Africa permanent seats.", []string{"council-reform"}},
		// Support pledged to the one presiding, and a person's record.
		{"support pledged for the process", reform, "We stand ready to support your efforts to advance this process in the months ahead.", nil},
		{"support pledged for a purpose of substance", reform, "We stand ready to support your efforts to enlarge the Council in both categories.", []string{"council-reform"}},
		{"support pledged as the chair steers the process", reform, "Our delegation assures the co-chairs of its full and constructive engagement throughout this process.", nil},
		{"work in the negotiations pledged", reform, "We will continue to work closely with you in the negotiations.", nil},
		{"work in the negotiations pledged for a purpose of substance", reform, "We will work in the negotiations for more seats for developing countries.", []string{"council-reform"}},
		{"the co-chairs' efforts appreciated", reform, "We appreciate the co-chairs' efforts to take this process forward.", nil},
		{"the co-chairs' efforts appreciated, then a point", reform, "We appreciate the co-chairs' efforts, but the process must now turn to text-based negotiations.", []string{"council-reform"}},
		{"a person's record in the negotiations", joint, "She has been a tireless part of the intergovernmental negotiations for eight years.", nil},
		{"a person's view of the negotiations reported", joint, "She has been clear that the intergovernmental negotiations must produce a text.", []string{"council-reform"}},
		// "The negotiations" as written: a conflict's negotiated settlement
		// in a joint record is not the reform's negotiations.
		{"a negotiated settlement in a joint record", joint, "Members called for the negotiated settlement of the dispute over the border.", nil},
		{"the negotiating table in a joint record", joint, "Both parties must return to the negotiating table without preconditions.", nil},
		{"the negotiations in a joint record", joint, "The negotiations have now lasted longer than the Council's first two decades.", []string{"council-reform"}},
	})
	checkThemeCasesIn(t, c, "fr", []themeCase{
		{"point de l'ordre du jour nommé", report, "Le point relatif à la réforme du Conseil sera examiné jeudi.", nil},
		{"la réforme comme point", report, "La réforme du Conseil ne peut plus attendre.", []string{"council-reform"}},
	})
	checkThemeCasesIn(t, c, "es", []themeCase{
		{"tema del programa nombrado", report, "El tema relativo a la reforma del Consejo se examinará el jueves.", nil},
		{"la reforma como punto", report, "La reforma del Consejo no puede seguir esperando.", []string{"council-reform"}},
	})
}
