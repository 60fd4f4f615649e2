// Package analysis owns the NLP of records and their theme coding: the
// theme taxonomy, sentence splitting, term matching, proposals, references,
// the groups that speak jointly, emerging topics and trends, and the
// annotations stored beside each record.
//
// # Taxonomy
//
// The taxonomy is data: themes.yaml, embedded, or a user's file
// (LoadTaxonomy, ParseTaxonomy; errors are TaxonomyErrors naming the line,
// the theme and the problem). Each theme has names, a description, terms per
// official language, exclusions, references ("S/2017/507", "51/241",
// "Article 27") and precedence (yields_to). The IDs of the default file are
// ThemeIDs, a contract. Taxonomy.Hash keys annotations.
//
// Terms are matched through the same bleve analysers as the search index
// (AnalyzerName, Analyzer): stemming for the alphabetic languages, character
// pairs for Chinese. A term is a phrase: its tokens must follow each other
// with the same gaps as in the term, as in a phrase query, so that a passage
// coded with a theme is one a phrase search for the theme's terms finds.
//
// # Coding
//
// A Coder (NewCoder; safe for concurrent use) codes sentences
// (CodeSentence), paragraphs (CodeParagraph), free passages (Classify,
// ClassifyIn with a Context, ClassifyStream for `scdebate classify`) and
// records (Code). The sentence is the unit: English is split with prose's
// Punkt model, loaded once; Chinese at 。！？；; the other languages by rule
// (Sentences). Each sentence gets its themes, the kind of request it makes
// (DetectProposal: "call-on", "urge", "request", ...; a question makes
// none), the references it cites (ExtractReferences) and the states, groups
// and organisations it names ("state:FRA", "group:act",
// "org:peacebuilding-commission"). Themes roll up to the paragraph and the
// speech. A list item under a lead-in that makes a request ("We request the
// Council to:") carries that request.
//
// # Context and aboutness
//
// A record is read in its debate (RecordContext, from corpus.Record.Debate:
// the Assembly's debate on the Council's report, on Council reform, a
// Council debate on its working methods, or other), recorded in
// Annotation.Debate. A theme's words count only in a sentence about the
// Security Council: one that names it (the taxonomy's subjects), or that
// names nothing and follows one about it — in a debate on the Council every
// paragraph starts about it. A sentence that names another body and not the
// Council gets no theme. In the debate on the report, a theme's
// report_terms ("the report", "this debate") count too, and where the
// agenda holds the debate on Council reform (Context.Reform: alone or
// jointly with the report) its reform_terms ("the negotiations"). Thanks, praise and
// congratulations for the meeting and its people, titles (the Presidents
// named in coverage among them), speaking for a group or aligning with its
// statement, explanations of vote, the President's formulae and agenda
// items named by number are mentions, and so are the frames that name a
// passage's occasion rather than its topic: the meeting itself ("this open
// debate"), the scene-setting clauses of coverage ("…
// told the Assembly as it continued its consideration of the Council's
// report"), one meeting of a kind named as an event ("the 3 May open
// debate", unless the paragraph makes a point about who speaks in such
// meetings), the report named as a meeting's business (adopted, taken up).
// Their words are not coded; a term counts when one of its occurrences
// lies outside them. The report presented, its introduction drafted, its
// period or contents told are a point about the report: those frames set
// aside the other themes' words only, unless they are thanked for. Outside
// the report's debate, a paragraph that names the Council and its report
// as such ("the annual report", "the draft report", "the report's
// introduction") reads the report's short forms as the report's.
// In a sentence of figures, a count of meetings of a kind ("124 closed
// consultations") is not a point about them. Precedence (yields_to)
// applies per clause, and not between the items of a list, so a second
// theme with evidence of its own stays; the catch-all also gives way to the specific
// theme of the sentence before when its own refers back to it or names its
// practice again ("these debates"). A weak term
// ("~") counts only in a debate on the Council and in a sentence where no
// other theme is found. A word written "^" matches only as written.
//
// # The learned layer
//
// A Model (DefaultModel, embedded; a workspace's own, WorkspaceModel) is a
// logistic regression per theme over the paragraph's words and word pairs,
// its cues, its subject, its debate, the dictionary's verdict and the
// theme's lexicon (how many words of its terms the sentences about the
// Council hold). Rule codes stay unless the model's probability falls below
// Model.Keep; themes the rules missed are added at Model.Add to a paragraph
// about the Council, unless the dictionary set the theme's words aside
// there (another body's, a mention, a count, an exclusion). A passage model
// (Model.Passage) scores whether the paragraph raises any theme at all; below
// Model.Drop it is given none, whatever the dictionary coded. Train fits a
// model on Examples (free passages, or paragraphs of records read in their
// speech, the form an expert's review takes) with L-BFGS, each passage a
// second time with the verdict hidden, choosing the penalty and the
// thresholds by cross-validation that holds out one source at a time; it
// is deterministic. Every paragraph's
// Codes say where each theme came from: CodeRule with its evidence,
// CodeModel with its score, CodeReviewed for an expert's review.
//
// # Reviews
//
// An expert corrects the coding of a passage (named by corpus.PassageID)
// with a Review: themes set (+veto), taken away (-transparency), or none.
// A workspace keeps its reviews in ReviewsFile (LoadReviews), written
// atomically by EditReviews (under the workspace lock it is given), which
// checks each edit (the passage must be a paragraph of an analysed
// record, the themes the taxonomy's; ReviewOptions.SeenDigest and SeenAt
// catch a text changed or a review made since the reviewer's copy), skips
// the bad ones with their reason, and applies the reviews to the stored annotations of the
// records touched without coding them again. A review overrides the coder
// for the themes it names: the paragraph's Codes mark them CodeReviewed,
// its Review gives the steps and its Coder keeps the coder's own verdict,
// so that a changed or removed review starts again from it.
// AnalyzeWorkspace applies the reviews to every record it codes, and to a
// record whose reviews alone changed; a review whose paragraph's text
// changed (stale), or that names a theme the taxonomy lacks, is kept and
// reported as a ReviewProblem. ListReviews lists them with their problems;
// ReviewExamples and TrainWorkspace make the learned layer learn from
// them.
//
// # Groups
//
// groups.yaml lists the groups that speak jointly with dated membership
// (Groups, Group.MembersAt). A speech's on_behalf_of strings, as printed in
// any language, resolve to groups (Groups.Resolve) whose members at the
// record's date fill SpeechAnnotation.Groups; Voices then gives each state's
// own voice and its voice through a group.
//
// # Workspace
//
// Coder.AnalyzeWorkspace codes every record of a workspace into
// annotations/ with a pool of workers sharing the loaded models; a record
// whose annotation is up to date (same record file, groups data, taxonomy,
// learned layer and AnnotationVersion) is skipped; one whose reviews alone
// changed has them applied again without being coded.
//
// # For reports: tallies and emerging topics
//
// Pair each record with its annotation (Coded; ReadAnnotation with the
// record's Source.SHA256 and the taxonomy's hash), then:
//
//   - a Tally counts passages and statements by theme, by state (own voice
//     and through a group apart), by session and by group, and gives each
//     theme's share of the delegations taking the floor in a session. The
//     workbook, the run's summary and the search's state pages all count
//     with it, so that their figures agree.
//   - EmergingTopics(tx, docs, TopicOptions{}) gives, per session after the
//     first, the phrases of its English records (n-grams of content words,
//     counted per record at analysis) ranked by log-likelihood keyness
//     against all earlier sessions, the noun phrases among them, each
//     marked with the themes that already cover it (TopicOptions.Uncovered
//     keeps only the phrases no theme covers: candidates for a new theme).
//     A TopicCounter does the same from records streamed one at a time.
package analysis
