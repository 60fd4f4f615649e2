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
// WriteWorkbook and WriteCSV read a workspace; WriteWorkbookFrom and
// WriteCSVFrom take the documents from an iterator, for callers that hold a
// selection of their own (the search server, generated corpora).
package reports
