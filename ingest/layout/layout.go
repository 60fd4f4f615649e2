package layout

// Document is the text of a document, page by page, in reading order.
type Document struct {
	Pages []Page `json:"pages"`
	// Info is the PDF's document information dictionary; records carry
	// their symbol in Subject and their title in Title.
	Info Info `json:"info,omitzero"`
}

// Info is what the producer recorded about the document.
type Info struct {
	Title    string `json:"title,omitempty"`
	Subject  string `json:"subject,omitempty"`
	Author   string `json:"author,omitempty"`
	Creator  string `json:"creator,omitempty"`
	Producer string `json:"producer,omitempty"`
}

// Page is one page's lines in reading order. A page that failed to decode
// has Err set and possibly no lines; the rest of the document is unaffected.
type Page struct {
	N      int     `json:"n"` // 1-based
	Width  float64 `json:"width,omitempty"`
	Height float64 `json:"height,omitempty"`
	Lines  []Line  `json:"lines"`
	Err    string  `json:"error,omitempty"`
	// Furniture holds the lines removed as running headers and footers,
	// page numbers, job numbers, barcodes and the corrections notice, in
	// case a reader wants to see what was dropped.
	Furniture []Line `json:"furniture,omitempty"`
}

// Line is one line of text. Coordinates are in points from the page's
// top-left corner (Y grows downward), so that plain text, which has no
// geometry, leaves them zero.
type Line struct {
	Text string `json:"text"`
	// X is the left edge, Right the right edge, Y the baseline.
	X     float64 `json:"x,omitempty"`
	Right float64 `json:"right,omitempty"`
	Y     float64 `json:"y,omitempty"`
	// Size is the dominant font size.
	Size   float64 `json:"size,omitempty"`
	Italic bool    `json:"italic,omitempty"`
	Bold   bool    `json:"bold,omitempty"`
	// Column is 0 on single-column pages and for full-width lines (a
	// cover's "President: … (Sweden)"), else 1 (left) or 2 (right).
	Column int `json:"column,omitempty"`
	// ColumnLeft and ColumnRight bound the column the line sits in, so that
	// the parser can tell an indented first line or a short last line.
	ColumnLeft  float64 `json:"column_left,omitempty"`
	ColumnRight float64 `json:"column_right,omitempty"`
	// ParagraphStart is set by the extractor when geometry shows the line
	// begins a paragraph (first-line indent or a vertical gap).
	ParagraphStart bool `json:"paragraph_start,omitempty"`
	// RTL is set for a line that reads right to left (its text is in
	// reading order): its indent and a paragraph's short last line are
	// at the other side.
	RTL bool `json:"rtl,omitempty"`
	// Spans split the text into runs of one style when the line mixes
	// them (a bold speaker name before plain text, an italic stage
	// direction); their texts concatenate to Text.
	Spans []Span `json:"spans,omitempty"`
}

// Span is a run of text in one style within a line.
type Span struct {
	Text   string `json:"text"`
	Bold   bool   `json:"bold,omitempty"`
	Italic bool   `json:"italic,omitempty"`
}
