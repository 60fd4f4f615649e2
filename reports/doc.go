// Package reports owns the workbooks and tables that scdebate writes from a
// coded corpus: the follow-up workbook for the Security Council's experts
// (overview, themes by state, every coded comment, proposals, trends across
// sessions, speakers and sources) and the comments table as CSV.
//
// Workbooks are written with excelize's stream writer for the sheets that
// grow with the corpus (comments, proposals, speakers, sources), so that a
// workbook of thirty sessions never holds all its rows in memory; the
// aggregate sheets are small and written with the ordinary API, which allows
// conditional formats and charts.
//
// WriteWorkbook and WriteCSV read a workspace; WriteWorkbookFrom and
// WriteCSVFrom take the documents from an iterator, for callers that hold a
// selection of their own (the search server, generated corpora).
package reports
