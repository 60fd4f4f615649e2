// Package ingest owns turning source documents into records: PDF and plain
// text verbatim records and letters are extracted (PDF in a child process
// with a time limit, see package layout), parsed into the record structure —
// metadata, speaker turns, paragraphs, stage directions and votes — and
// stored in a workspace's corpus, one bad document never stopping a batch.
//
// The entry points:
//
//   - Parse, the structure parser, turns a layout.Document (pages of lines in
//     reading order) into a *corpus.Record. Both paths reach it: PDFs
//     through an Extractor, text through TextDocument, which reads UTF-8 text
//     with form feeds between pages as pdftotext or the UN's text export
//     gives it. Running heads and feet, page and job numbers, barcodes and
//     the corrections notice are removed by pattern on both paths.
//   - ParseFile reads one file, works out its format from its content, and
//     parses it; errors are *FileError naming the file.
//   - Ingest parses files and directories into a workspace, skipping content
//     already stored, with a worker pool, a time limit per document and
//     progress and error callbacks.
//
// Records in the six official languages are read: each has a locale
// (speaker-line grammar, stage directions, agenda headings, vote lists,
// cover dates and times), chosen by detecting the document's language.
// Chinese speaker lines put the title after the name; Arabic lines that come
// in visual order are put back in reading order. Letters and written
// statements (kind "letter") are read when a document has no cover but a
// letter's title.
//
// Work is bounded whatever the input: a document is refused past its
// Options.Limits (layout.Limits, one set for the PDF extractor and the
// parser: pages, file size, bytes of text, lines), every pass over
// it is linear, the parser checks its context as it goes (a document that
// runs out of time stops there, and nothing of it outlives its worker),
// and a paragraph longer than corpus.MaxParagraphBytes is stored in
// numbered pieces.
//
// What plain text cannot say is inferred, and the rules are the parser's
// main judgement calls: a paragraph ends where a line stops short of the
// measure and the next word would have fitted (PDFs give geometry
// instead); a word broken by a hyphen at a line end is joined with or
// without its hyphen by how the document spells it elsewhere, then by a
// list of prefixes and compounds; stage directions are known by their
// wording, since text has no italics.
package ingest
