package reports

import (
	"context"
	"errors"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/scdebate/scdebate/analysis"
	"github.com/scdebate/scdebate/corpus"
)

// The follow-up workbook carries what an expert needs to correct its
// coding and send the corrections back: each comment's passage ID, the
// provenance of its codes and an empty Review column on the Comments
// sheet, and a hidden stamp sheet naming the workspace it was written
// from, when, and the digest of every passage's text as shown.
const (
	// SheetStamp is the hidden sheet that stamps a workbook.
	SheetStamp = "scdebate"
	// ColumnPassage and ColumnReview are the Comments sheet's columns that
	// ImportReviews reads, found by their header wherever they are.
	ColumnPassage    = "Passage"
	ColumnReview     = "Review"
	ColumnProvenance = "Provenance"
	// ColumnConfidence is the lowest score the learned layer gave the
	// paragraph's coded themes: sorted on, it puts the codes most worth a
	// reviewer's look first.
	ColumnConfidence = "Confidence"
)

// Keys of the stamp sheet.
const (
	stampWorkspace = "workspace"
	stampWritten   = "written"
	stampTaxonomy  = "taxonomy"
	// stampDigests heads the cells of digests: lines "PASSAGE DIGEST".
	stampDigests = "Passages and the digests of their text, a line each:"
)

// stampSheet is the hidden stamp sheet, written beside the Comments
// sheet. The passages' digests go many to a cell, a line "ID digest"
// each: a cell each would double the cost of the Comments sheet.
type stampSheet struct {
	sw      *excelize.StreamWriter
	row     int
	digests strings.Builder
}

// stampCellChars is how much of a cell's 32,767 characters a cell of
// digests fills.
const stampCellChars = 30000

// newStampSheet creates the stamp sheet, hidden, with the workspace's
// identity and the time the workbook is written. It must be called before
// any sheet is flushed: hiding a sheet reads every sheet.
func (wb *workbook) newStampSheet() (*stampSheet, error) {
	f := wb.f
	if _, err := f.NewSheet(SheetStamp); err != nil {
		return nil, err
	}
	if err := f.SetSheetVisible(SheetStamp, false, true); err != nil {
		return nil, err
	}
	sw, err := f.NewStreamWriter(SheetStamp)
	if err != nil {
		return nil, err
	}
	s := &stampSheet{sw: sw}
	for _, kv := range [][]interface{}{
		{"This hidden sheet lets \"scdebate review import\" take the reviews typed into the Comments sheet back to the workspace the workbook was written from."},
		{stampWorkspace, wb.opts.WorkspaceID},
		{stampWritten, wb.opts.GeneratedAt.UTC().Format(time.RFC3339Nano)},
		{stampTaxonomy, wb.themes.hash},
		{},
		{stampDigests},
	} {
		if err := s.add(kv...); err != nil {
			return nil, err
		}
	}
	return s, nil
}

func (s *stampSheet) add(cells ...interface{}) error {
	s.row++
	cell, err := excelize.CoordinatesToCellName(1, s.row)
	if err != nil {
		return err
	}
	return s.sw.SetRow(cell, cells)
}

// passage records a comment's passage and the digest of its text.
func (s *stampSheet) passage(id, text string) error {
	if s.digests.Len()+len(id)+18 > stampCellChars {
		if err := s.flushDigests(); err != nil {
			return err
		}
	}
	s.digests.WriteString(id)
	s.digests.WriteByte(' ')
	s.digests.WriteString(corpus.TextDigest(text))
	s.digests.WriteByte('\n')
	return nil
}

func (s *stampSheet) flushDigests() error {
	if s.digests.Len() == 0 {
		return nil
	}
	err := s.add(s.digests.String())
	s.digests.Reset()
	return err
}

func (s *stampSheet) flush() error {
	if err := s.flushDigests(); err != nil {
		return err
	}
	return s.sw.Flush()
}

// provenance says where each of a paragraph's themes came from: "veto:
// reviewed; transparency: rule; working-methods: model 0.82", then the
// themes a review took away ("-annual-report: reviewed") and the
// dictionary's codes the learned layer took away ("-open-debates: model
// 0.09").
func provenance(pa *analysis.ParagraphAnnotation) string {
	if pa == nil {
		return ""
	}
	var parts []string
	for _, cd := range pa.Codes {
		switch cd.Source {
		case analysis.CodeModel:
			parts = append(parts, fmt.Sprintf("%s: model %.2f", cd.Theme, cd.Score))
		default:
			parts = append(parts, cd.Theme+": "+cd.Source)
		}
	}
	if pa.Coder != nil {
		for _, cd := range pa.Coder.Codes {
			if !containsTheme(pa.Codes, cd.Theme) {
				parts = append(parts, "-"+cd.Theme+": "+analysis.CodeReviewed)
			}
		}
	}
	for _, cd := range pa.Removed {
		if !containsTheme(pa.Codes, cd.Theme) && (pa.Coder == nil || !containsTheme(pa.Coder.Codes, cd.Theme)) {
			parts = append(parts, fmt.Sprintf("-%s: %s %.2f", cd.Theme, analysis.CodeModel, cd.Score))
		}
	}
	return strings.Join(parts, "; ")
}

// confidence is the lowest learned-layer score among the themes the coder
// gave a paragraph, to two places; nil when none was scored (the taxonomy
// alone, or every theme reviewed). On real statements a dictionary code the
// layer scored under 0.2 was right about two times in five, one scored 0.8
// or more nine times in ten.
func confidence(pa *analysis.ParagraphAnnotation) interface{} {
	if pa == nil {
		return nil
	}
	lowest := -1.0
	for _, cd := range pa.Codes {
		if cd.Source == analysis.CodeReviewed || cd.Score == 0 {
			continue
		}
		if lowest < 0 || cd.Score < lowest {
			lowest = cd.Score
		}
	}
	if lowest < 0 {
		return nil
	}
	return math.Round(lowest*100) / 100
}

// confidenceText is confidence as CSV writes it.
func confidenceText(pa *analysis.ParagraphAnnotation) string {
	if c, ok := confidence(pa).(float64); ok {
		return strconv.FormatFloat(c, 'f', 2, 64)
	}
	return ""
}

func containsTheme(codes []analysis.Code, theme string) bool {
	for _, cd := range codes {
		if cd.Theme == theme {
			return true
		}
	}
	return false
}

// WorkbookStampError is a workbook whose reviews cannot be imported into a
// workspace: it was written from another one, or carries no stamp.
type WorkbookStampError struct {
	Path, Reason string
}

func (e *WorkbookStampError) Error() string {
	return fmt.Sprintf("%s: %s; nothing imported", e.Path, e.Reason)
}

// ImportOptions control ImportReviews. The zero value imports every row
// that can be imported, with the built-in taxonomy.
type ImportOptions struct {
	// Taxonomy is the one the workspace was analysed with (nil: the
	// built-in one).
	Taxonomy *analysis.Taxonomy
	// Force imports rows whose passage was reviewed again after the
	// workbook was written.
	Force bool
	// DryRun decides every row and writes nothing.
	DryRun bool
}

// workbookStamp is what a workbook's stamp sheet says.
type workbookStamp struct {
	workspace string
	written   time.Time
	digests   map[string]string
}

// ImportReviews reads the reviews typed into the Review column of the
// Comments sheet of the workbook at path and makes them in the workspace
// locked by lk, as analysis.EditReviews does: rows are matched by their Passage column,
// never by position, so that sorted, filtered, moved and deleted rows do
// no harm, and an empty Review cell changes nothing. The workbook must
// have been written from that workspace (its stamp names its ID); a row whose
// paragraph reads otherwise than the workbook showed it, or whose passage
// was reviewed after the workbook was written, is skipped. Each skipped
// row is in the outcome with its row number and reason.
func ImportReviews(ctx context.Context, lk *corpus.Lock, path string, opts ImportOptions) (analysis.ReviewOutcome, error) {
	ws := lk.Workspace()
	var out analysis.ReviewOutcome
	f, err := excelize.OpenFile(path)
	if err != nil {
		return out, fmt.Errorf("%s: not a workbook scdebate can read: %w", path, err)
	}
	defer f.Close()
	stamp, err := readStamp(f, path)
	if err != nil {
		return out, err
	}
	id, err := ws.ID()
	if err != nil {
		return out, err
	}
	if stamp.workspace != id {
		return out, &WorkbookStampError{Path: path, Reason: fmt.Sprintf("it was written from another workspace (%s), not from %s (%s)", stamp.workspace, ws.Dir, id)}
	}
	edits, err := readReviewColumn(ctx, f, path, stamp)
	if err != nil {
		return out, err
	}
	return analysis.EditReviews(ctx, lk, edits, analysis.ReviewOptions{
		Taxonomy: opts.Taxonomy, Origin: filepath.Base(path), SeenAt: stamp.written, Force: opts.Force, DryRun: opts.DryRun,
	})
}

// PendingReviews counts the rows of the workbook at path, written from ws,
// whose Review cells hold reviews that are not in ws's reviews (or cannot
// be read as reviews): work an expert typed in and has not imported, which
// writing the workbook again would lose. A missing workbook, or one of
// another workspace, has none.
func PendingReviews(ctx context.Context, ws *corpus.Workspace, path string) (int, error) {
	f, err := excelize.OpenFile(path)
	if errors.Is(err, os.ErrNotExist) {
		return 0, nil
	}
	if err != nil {
		return 0, fmt.Errorf("%s: %w", path, err)
	}
	defer f.Close()
	stamp, err := readStamp(f, path)
	if err != nil {
		return 0, nil
	}
	if id, err := ws.ID(); err != nil || stamp.workspace != id {
		return 0, err
	}
	edits, err := readReviewColumn(ctx, f, path, stamp)
	if err != nil {
		return 0, err
	}
	rs, err := analysis.LoadReviews(ws)
	if err != nil {
		return 0, err
	}
	return len(rs.Unapplied(edits)), nil
}

// readStamp reads a workbook's stamp sheet.
func readStamp(f *excelize.File, path string) (*workbookStamp, error) {
	if idx, err := f.GetSheetIndex(SheetStamp); err != nil || idx < 0 {
		return nil, &WorkbookStampError{Path: path, Reason: "it has no scdebate stamp (a hidden sheet \"" + SheetStamp + "\"): only a workbook written by scdebate report or run, and saved with its sheets, can be imported"}
	}
	rows, err := f.Rows(SheetStamp)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	st := &workbookStamp{digests: map[string]string{}}
	table := false
	for rows.Next() {
		cols, err := rows.Columns()
		if err != nil {
			return nil, fmt.Errorf("%s: stamp sheet: %w", path, err)
		}
		if len(cols) == 0 {
			continue
		}
		if table {
			for _, line := range strings.Split(cols[0], "\n") {
				if id, digest, ok := strings.Cut(strings.TrimSpace(line), " "); ok {
					st.digests[id] = digest
				}
			}
			continue
		}
		if cols[0] == stampDigests {
			table = true
			continue
		}
		if len(cols) < 2 {
			continue
		}
		k, v := strings.TrimSpace(cols[0]), strings.TrimSpace(cols[1])
		switch {
		case k == stampWorkspace:
			st.workspace = v
		case k == stampWritten:
			if st.written, err = time.Parse(time.RFC3339Nano, v); err != nil {
				return nil, &WorkbookStampError{Path: path, Reason: fmt.Sprintf("its stamp has a bad time %q", v)}
			}
		}
	}
	if err := rows.Error(); err != nil {
		return nil, err
	}
	if st.workspace == "" || st.written.IsZero() {
		return nil, &WorkbookStampError{Path: path, Reason: "its stamp sheet names no workspace or time"}
	}
	return st, nil
}

// readReviewColumn reads the Comments sheet's Passage and Review columns
// into edits, one per row with a review, named by row number.
func readReviewColumn(ctx context.Context, f *excelize.File, path string, stamp *workbookStamp) ([]analysis.ReviewEdit, error) {
	if idx, err := f.GetSheetIndex(SheetComments); err != nil || idx < 0 {
		return nil, fmt.Errorf("%s: no %s sheet to read reviews from", path, SheetComments)
	}
	rows, err := f.Rows(SheetComments)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	passageCol, reviewCol := -1, -1
	var edits []analysis.ReviewEdit
	for n := 1; rows.Next(); n++ {
		if n%1000 == 0 {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
		}
		// Raw values: formatting every cell (dates) is most of the cost.
		cols, err := rows.Columns(excelize.Options{RawCellValue: true})
		if err != nil {
			return nil, fmt.Errorf("%s: %s row %d: %w", path, SheetComments, n, err)
		}
		if passageCol < 0 {
			for i, c := range cols {
				switch strings.TrimSpace(c) {
				case ColumnPassage:
					passageCol = i
				case ColumnReview:
					reviewCol = i
				}
			}
			if passageCol < 0 || reviewCol < 0 {
				return nil, fmt.Errorf("%s: the %s sheet's first row has no %q and %q columns to read reviews from", path, SheetComments, ColumnPassage, ColumnReview)
			}
			continue
		}
		review := cell(cols, reviewCol)
		if review == "" {
			continue
		}
		if _, err := analysis.ParseReviewOps(review); err != nil {
			// A review typed into a cell that took it for a formula
			// ("+veto") shows an error; the formula is what was typed.
			ref, _ := excelize.CoordinatesToCellName(reviewCol+1, n)
			if formula, err := f.GetCellFormula(SheetComments, ref); err == nil && formula != "" {
				review = formula
			}
		}
		passage := cell(cols, passageCol)
		edits = append(edits, analysis.ReviewEdit{Passage: passage, Text: review, Where: fmt.Sprintf("row %d", n), SeenDigest: stamp.digests[passage]})
	}
	if err := rows.Error(); err != nil {
		return nil, err
	}
	if passageCol < 0 {
		return nil, fmt.Errorf("%s: the %s sheet is empty", path, SheetComments)
	}
	return edits, nil
}

func cell(cols []string, i int) string {
	if i < len(cols) {
		return strings.TrimSpace(cols[i])
	}
	return ""
}
