package reports

import (
	"bufio"
	"context"
	"encoding/csv"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/scdebate/scdebate/corpus"
)

// utf8BOM is the byte-order mark Excel needs to read a CSV file as UTF-8.
const utf8BOM = "\ufeff"

// WriteCSV writes the comments table of the documents of ws that opts
// selects as CSV (RFC 4180, UTF-8, CRLF line ends), with the columns of the
// Comments sheet; MaxRows caps it like the sheet.
func WriteCSV(ctx context.Context, w io.Writer, ws *corpus.Workspace, opts Options) error {
	if err := opts.resolveFilters(newThemeNames(&opts)); err != nil {
		return err
	}
	sel, err := selectWorkspace(ctx, ws, &opts)
	if err != nil {
		return err
	}
	return writeCSV(ctx, w, sel.documents(ctx, ws, &opts), sel.total, opts)
}

// WriteCSVFrom writes the comments table of docs as CSV; see
// WriteWorkbookFrom for what docs must be.
func WriteCSVFrom(ctx context.Context, w io.Writer, docs Documents, opts Options) error {
	if err := opts.resolveFilters(newThemeNames(&opts)); err != nil {
		return err
	}
	return writeCSV(ctx, w, docs, 0, opts)
}

func writeCSV(ctx context.Context, w io.Writer, docs Documents, total int, opts Options) error {
	bw := bufio.NewWriterSize(w, 64<<10)
	if opts.BOM {
		if _, err := bw.WriteString(utf8BOM); err != nil {
			return err
		}
	}
	cw := csv.NewWriter(bw)
	cw.UseCRLF = true
	header := append([]string(nil), CommentColumns...)
	if opts.Counterpart != "" {
		header = append(header[:len(header)-2], "Text ("+opts.Counterpart+")", "Link", ColumnPassage)
	}
	if err := cw.Write(header); err != nil {
		return err
	}
	f := newFilter(&opts)
	seen := map[string]bool{}
	rows, done := 0, 0
	record := make([]string, len(header))
	for doc, err := range docs {
		if err != nil {
			return err
		}
		if err := ctx.Err(); err != nil {
			return err
		}
		if doc == nil || doc.Record == nil || doc.Baseline {
			continue
		}
		rec := doc.Record
		if !opts.languageKept(rec.Language) || !opts.sessionInScope(rec.Session) || !opts.agendaKept(rec.AgendaItems) || seen[rec.DocumentKey()] {
			continue
		}
		seen[rec.DocumentKey()] = true
		err = f.eachComment(doc, func(c *comment) error {
			if opts.MaxRows > 0 && rows >= opts.MaxRows {
				return nil
			}
			rows++
			csvComment(record, c, opts.Counterpart != "")
			if !opts.RawCSV {
				for i, cell := range record {
					record[i] = inertCell(cell)
				}
			}
			return cw.Write(record)
		}, nil)
		if err != nil {
			return fmt.Errorf("export %s: %w", cmpSymbol(rec), err)
		}
		done++
		opts.OnProgress.Report(corpus.Progress{Done: done, Total: total, Item: rec.Symbol})
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return err
	}
	return bw.Flush()
}

// csvComment fills record with a comment's fields, in CommentColumns
// order.
func csvComment(record []string, c *comment, counterpart bool) {
	rec := c.rec
	itoa := func(n *int) string {
		if n == nil {
			return ""
		}
		return strconv.Itoa(*n)
	}
	page := ""
	if c.para.Page > 0 {
		page = strconv.Itoa(c.para.Page)
	}
	fields := append(record[:0],
		itoa(rec.Session), rec.Date, corpus.DocumentName(rec), itoa(rec.Meeting), page, strconv.Itoa(c.para.N),
		c.who.shownState, c.who.code, c.who.shownSpeaker, c.who.speakingFor, strings.Join(c.pAnn.Themes, "; "),
		provenance(c.pAnn), confidenceText(c.pAnn), yesNo(c.pAnn.Proposal), c.para.Text,
	)
	if counterpart {
		fields = append(fields, c.counterpart)
	}
	_ = append(fields, pageLink(rec, c.para.Page), corpus.PassageID(c.key, c.sp.Seq, c.para.N))
}

// inertCell keeps a spreadsheet program from reading cell as a formula
// (OWASP's advice on CSV injection): a cell starting with a character
// that begins a formula gets a leading apostrophe, which spreadsheets
// take as "text follows".
func inertCell(cell string) string {
	if cell != "" && strings.ContainsRune("=+-@\t\r", rune(cell[0])) {
		return "'" + cell
	}
	return cell
}
