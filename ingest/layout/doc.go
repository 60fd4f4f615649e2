// Package layout owns the reconstruction of text from positioned glyphs: a
// PDF page's glyphs become words, lines, columns and finally lines in
// reading order, with running headers and footers removed. It is the
// boundary between the PDF library and the structure parser, which sees
// only Pages of Lines (layout.go is that contract).
//
// # From glyphs to lines
//
// github.com/ledongthuc/pdf parses the file: cross-reference data, objects,
// streams and their filters, encryption. Page content is interpreted here,
// because the library's own text helpers lose what layout needs: they take
// glyph widths from the first byte of a code (so Word's Identity-H fonts
// come out with every glyph of a string at one position), ignore
// /ActualText, and fail on a page with an inline image. The interpreter
// tracks the text and graphics state, TJ adjustments, form XObjects and
// marked content, and reads widths from /Widths, /W and, for the standard
// fonts that older records use without embedding them, built-in metrics.
//
// Glyphs then become words where the gap to the next glyph is less than
// 0.12 em; words become rows by baseline (superscripts such as "29th" join
// their row); letter-spaced headings ("G E N E R A L") are joined. A page
// has two columns when a blank vertical band near the middle of its text
// separates two sides of about the same width and the text of both runs
// up to it: the left column's justified lines mostly reach it, or, on a
// page whose left column is of short lines (the President's one-line
// turns beside a right column of headings), the band is narrow and enough
// lines on each side come up to it. A table's blank band (the Council's
// list of members) is wide and is no gutter. Rows that cross the gutter
// (the cover's "President: … (Sweden)" with its dot leaders) are full
// width and, with the horizontal rules, cut the page into bands that are
// read top to bottom, each band's left column before its right.
//
// Each Line carries its geometry (X, Right, baseline Y, size), the bounds
// of its column, its style (Bold, Italic, and Spans when it mixes them, as
// a bold speaker name before plain text does) and ParagraphStart, set by
// a first-line indent or extra space above. Words hyphenated across lines
// are left as printed: joining them is the parser's.
//
// # Right-to-left text
//
// A PDF draws an Arabic line left to right, in visual order: letters
// reversed, numbers and Latin runs ("A/79/198") in their own order,
// brackets mirrored. A word with right-to-left letters keeps its glyphs
// as clusters (a lam-alef ligature or a letter with its vowel sign is one
// unit), and each line holding such words is put back into reading order
// by inverting the Unicode Bidirectional Algorithm (bidi.go): its
// direction is that of most of its strong characters (in a document
// mostly right to left, any Arabic letter makes the line right to left),
// the levels that the algorithm would have given are resolved on the
// visual sequence, and rule L2's reversals are undone. Presentation forms
// become plain letters (NFKC) and justification's kashidas are dropped.
// Whether the producer names a mirrored bracket by its shape or by the
// character it stands for is read from the whole document. A right-to-
// left line is marked Line.RTL; its indent is on the right, the pieces
// of its row and the columns of its page are read right first. A line
// without right-to-left letters takes none of this path.
//
// # Page furniture
//
// Running heads and footers are recognized by position (the top and bottom
// margins), by pattern (page numbers "2/38", symbols, dates "29/10/2024",
// job numbers "24-19856 (E)", barcodes "*2419856*"), by repetition across
// pages (the alternating heads of the 1990s records), and by tagged
// pagination artifacts. The corrections notice on the first page goes with
// them. The cover page keeps its masthead, whose symbol and date the parser
// needs. Removed lines stay available in Page.Furniture.
//
// # Failures and limits
//
// A page that fails to decode carries its error in Page.Err and the others
// still extract. A document that cannot be read fails with an
// *ExtractError naming the file and wrapping one of ErrNotPDF,
// ErrEncrypted, ErrNoText, ErrTruncated, ErrMalformed, ErrTooLarge,
// ErrTimeout or ErrCrashed.
//
// The PDF library can loop for ever on some hostile files, which no
// goroutine can stop, so documents are extracted in child processes —
// this executable again, under the hidden sub-command WorkerCommand — with
// a time limit and a memory cap. A Pool keeps its workers from document to
// document (starting one costs about as much as extracting a short record)
// and kills a worker at its document's time limit or on cancellation; a
// worker that dies or is killed is replaced for the next document, so a
// hostile file costs that file. Worker and parent exchange length-prefixed
// binary frames (wire.go). Extract is a pool of one document.
// Documents over MaxPages (1,000 by default; verbatim records run to a few
// dozen pages) are refused from their page count before any page is read,
// so a 2,000-page file costs milliseconds.
package layout
