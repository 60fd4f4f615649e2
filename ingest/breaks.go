package ingest

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/scdebate/scdebate/ingest/layout"
)

// atBoundary reports whether a structural element (speaker line, stage
// direction, heading, vote) may start at line i: at the start, after a
// structural element, after a sentence's end or where geometry shows a
// paragraph start.
func (p *parser) atBoundary(i int) bool {
	if p.cur == nil || len(p.para.lines) == 0 {
		return true
	}
	if p.quotationGoesOn(i) {
		return false
	}
	return endsClause(p.lines[i-1].Text) || p.lines[i].ParagraphStart && !continuesSentence(p.lines[i-1].Text, p.lines[i].Text)
}

// quotationGoesOn reports whether line i goes on with the paragraph being
// read as a quotation: one that a sentence introduces, ending without a
// full stop ("As he says in his report,") or with a colon ("stated the
// following:"), and that opens with a quotation mark or stands indented
// as a block; or the rest of such a block. A block quotation is part of
// the paragraph that introduces it, as in documents whose paragraphs are
// numbered, so that "para. N" takes in the words quoted and the words
// introducing them.
func (p *parser) quotationGoesOn(i int) bool {
	if p.cur == nil || len(p.para.lines) == 0 || i == 0 {
		return false
	}
	cur, prev := p.lines[i], p.lines[i-1]
	if p.inQuote {
		if cur.ParagraphStart {
			return p.blockStart(i)
		}
		return indented(cur.Line)
	}
	return introducesQuotation(prev.Text) && (opensQuotation(cur.Text) || p.blockStart(i))
}

// introducesQuotation reports whether a line ends a sentence's words that
// lead into a quotation: mid-sentence, or on a colon.
func introducesQuotation(s string) bool {
	if !endsClause(s) {
		return true
	}
	r, _ := utf8.DecodeLastRuneInString(strings.TrimRight(s, " "))
	return r == ':' || r == '：'
}

// opensQuotation reports whether a line opens with a quotation mark.
func opensQuotation(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return strings.ContainsRune("“\"‘«„", r)
}

// blockStart reports whether line i opens an indented block: it and the
// line after it, in the same column, stand in from the column's left edge,
// which a paragraph's first line does alone. Stage directions, indented
// the same way, are set in italics.
func (p *parser) blockStart(i int) bool {
	if i+1 >= len(p.lines) {
		return false
	}
	cur, next := p.lines[i], p.lines[i+1]
	return !cur.Italic && indented(cur.Line) && indented(next.Line) && !next.ParagraphStart &&
		next.page == cur.page && next.Column == cur.Column
}

// hasColumn reports whether the geometry of a left-to-right line and its
// column is known.
func hasColumn(l layout.Line) bool {
	return l.Right > 0 && l.ColumnRight > l.ColumnLeft && !l.RTL
}

// indented reports whether a line stands in from its column's left edge
// by about a paragraph's indent or more.
func indented(l layout.Line) bool {
	return hasColumn(l) && l.X-l.ColumnLeft >= max(10, 0.04*(l.ColumnRight-l.ColumnLeft))
}

// continuesSentence: a line in lower case after a line that did not end a
// clause goes on with the sentence, whatever the geometry says (the first
// line of a column often looks like a paragraph's).
func continuesSentence(prev, cur string) bool {
	r, _ := utf8.DecodeRuneInString(cur)
	return !endsClause(prev) && unicode.IsLower(r)
}

// endsClause reports whether a line ends a sentence or an introduction
// ("as follows:").
func endsClause(s string) bool {
	return endsWithMark(s, ".!?:;。！？：；؟؛")
}

// isBreak decides whether line i starts a new paragraph of the current
// speech.
func (p *parser) isBreak(i int) bool {
	cur, prev := p.lines[i], p.lines[i-1]
	if p.quotationGoesOn(i) {
		return false
	}
	if cur.ParagraphStart {
		return !continuesSentence(prev.Text, cur.Text)
	}
	if !endsClause(prev.Text) {
		return false
	}
	if prev.Right > 0 && prev.ColumnRight > prev.ColumnLeft {
		width := prev.ColumnRight - prev.ColumnLeft
		if prev.RTL {
			// A right-to-left paragraph's short last line ends at the left.
			return prev.X-prev.ColumnLeft > max(12, 0.05*width)
		}
		return prev.ColumnRight-prev.Right > max(12, 0.05*width)
	}
	return shortLine(prev, cur, p.typical)
}
