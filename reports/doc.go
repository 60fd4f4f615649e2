// Package reports owns the workbooks and tables that scdebate writes from a
// coded corpus: the follow-up workbook for the Security Council's experts
// and the comments table as CSV.
//
// The workbook has, in order: Overview (scope, taxonomy, the sample warning,
// themes with their change against the previous session, the meetings),
// Themes by state (a heat map of coded paragraphs, own voice and through
// groups apart), Comments (every coded paragraph with its citation and a
// link to the official record, optionally beside its counterpart in another
// language), Proposals (requests to the Council by theme, with how many
// states and groups made the same kind), Trends (shares across sessions,
// rising and falling themes, a line chart and the emerging topics of the
// latest session; when the report spans several sessions or asks for it),
// Speakers and Sources.
//
// The sheets that grow with the corpus (comments, proposals, speakers,
// sources) are written with excelize's stream writer and the package is
// compressed straight to the output, so that a workbook of thirty sessions
// is never held whole in memory; the aggregate sheets are small and written
// with the ordinary API, which allows conditional formats and charts.
//
// WriteWorkbook and WriteCSV read a workspace, one language version of each
// document as the store chooses it (corpus.Versions.Choose), reporting an
// unreadable record to Options.OnError; WriteWorkbookFrom and WriteCSVFrom
// take the documents from an iterator, for callers that hold a selection of
// their own (the search server, generated corpora).
//
// Records that are not the debate on the Council's report are marked on the
// Sources sheet and the Overview, Options.Agenda selects records by debate,
// and the workbook is titled for the debates its records are.
//
// The workbook is also the way back for experts' corrections: the Comments
// sheet gives each comment's passage ID, the provenance of its codes and an
// empty Review column, and a hidden sheet (SheetStamp) stamps the workbook
// with its workspace's identity, its time and the digest of every passage's
// text. ImportReviews reads the Review column back into the workspace's
// reviews (analysis.EditReviews), matching rows by passage ID.
package reports
