package reports

import (
	"fmt"

	"github.com/xuri/excelize/v2"
)

// fontFamily is the workbook's font, named in every style so that a style
// with a font of its own does not fall back to another family.
const fontFamily = "Calibri"

const workbookTitle = "Follow-up to the General Assembly's debate on the report of the Security Council"

// styles are the cell styles of the workbook, registered once.
type styles struct {
	title, banner, label, note   int
	header, headerRotated        int
	top, wrap, date              int
	link, integer, percent, pts  int
	rising, falling, steady, bad int
	scope, scopeDate, count      int
	wrapRTL, center              int
	// review is the Review column's: text, so that a typed "+veto" is
	// not taken for a formula, on a pale fill that says "type here".
	review int
}

func newStyles(f *excelize.File) (styles, error) {
	var st styles
	var err error
	border := []excelize.Border{{Type: "bottom", Color: "7F7F7F", Style: 1}}
	headerFill := excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"DCE6F1"}}
	top := &excelize.Alignment{Vertical: "top"}
	plain := &excelize.Font{Family: fontFamily, Size: 11}
	defs := []struct {
		id *int
		s  excelize.Style
	}{
		{&st.title, excelize.Style{Font: &excelize.Font{Family: fontFamily, Bold: true, Size: 15}}},
		{&st.banner, excelize.Style{
			Font:      &excelize.Font{Family: fontFamily, Bold: true, Size: 13, Color: "FFFFFF"},
			Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"C00000"}},
			Alignment: &excelize.Alignment{Vertical: "center", WrapText: true},
		}},
		{&st.label, excelize.Style{Font: &excelize.Font{Family: fontFamily, Size: 11, Bold: true}, Alignment: top}},
		{&st.note, excelize.Style{Font: &excelize.Font{Family: fontFamily, Size: 11, Italic: true, Color: "595959"}, Alignment: &excelize.Alignment{Vertical: "top", WrapText: true}}},
		{&st.header, excelize.Style{
			Font: &excelize.Font{Family: fontFamily, Size: 11, Bold: true}, Fill: headerFill, Border: border,
			Alignment: &excelize.Alignment{Vertical: "center", WrapText: true},
		}},
		{&st.headerRotated, excelize.Style{
			Font: &excelize.Font{Family: fontFamily, Size: 11, Bold: true}, Fill: headerFill, Border: border,
			Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "bottom", TextRotation: 90, WrapText: true},
		}},
		{&st.top, excelize.Style{Font: plain, Alignment: top}},
		{&st.wrap, excelize.Style{Font: plain, Alignment: &excelize.Alignment{Vertical: "top", WrapText: true}}},
		{&st.date, excelize.Style{Font: plain, Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "top"}, CustomNumFmt: strPtr("yyyy-mm-dd")}},
		{&st.link, excelize.Style{Font: &excelize.Font{Family: fontFamily, Size: 11, Color: "0563C1", Underline: "single"}, Alignment: top}},
		{&st.integer, excelize.Style{Font: plain, Alignment: top, NumFmt: 3}},
		{&st.percent, excelize.Style{Font: plain, Alignment: top, CustomNumFmt: strPtr("0.0%")}},
		{&st.pts, excelize.Style{Font: plain, Alignment: top, CustomNumFmt: strPtr(`+0.0;-0.0;0.0`)}},
		{&st.rising, excelize.Style{Font: &excelize.Font{Family: fontFamily, Size: 11, Bold: true, Color: "006100"}, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"C6EFCE"}}, Alignment: top}},
		{&st.falling, excelize.Style{Font: &excelize.Font{Family: fontFamily, Size: 11, Bold: true, Color: "9C0006"}, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"FFC7CE"}}, Alignment: top}},
		{&st.steady, excelize.Style{Font: &excelize.Font{Family: fontFamily, Size: 11, Color: "595959"}, Alignment: top}},
		{&st.scope, excelize.Style{Font: plain, Alignment: &excelize.Alignment{Horizontal: "left", Vertical: "top", WrapText: true}, NumFmt: 3}},
		{&st.scopeDate, excelize.Style{Font: plain, Alignment: &excelize.Alignment{Horizontal: "left", Vertical: "top"}, CustomNumFmt: strPtr("yyyy-mm-dd hh:mm")}},
		{&st.count, excelize.Style{Font: plain, Alignment: top, CustomNumFmt: strPtr(`#,##0;-#,##0;"·"`)}},
		{&st.center, excelize.Style{Font: plain, Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "top"}}},
		{&st.wrapRTL, excelize.Style{Font: plain, Alignment: &excelize.Alignment{Horizontal: "right", Vertical: "top", WrapText: true, ReadingOrder: 2}}},
		{&st.review, excelize.Style{Font: plain, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"FFF2CC"}}, Alignment: &excelize.Alignment{Vertical: "top", WrapText: true}, NumFmt: 49}},
		{&st.bad, excelize.Style{Font: &excelize.Font{Family: fontFamily, Size: 11, Bold: true, Color: "9C0006"}, Alignment: &excelize.Alignment{Vertical: "top", WrapText: true}}},
	}
	for _, d := range defs {
		if *d.id, err = f.NewStyle(&d.s); err != nil {
			return st, fmt.Errorf("workbook style: %w", err)
		}
	}
	return st, nil
}

// printLayout sets a sheet up to print legibly: landscape A4 one page
// wide, the header rows repeated on every page, and a header and footer
// of every page. It must be called before the sheet's stream writer is
// created, which writes the sheet properties first.
func (wb *workbook) printLayout(sheet string, titleRows string, fitWidth bool) error {
	f := wb.f
	layout := &excelize.PageLayoutOptions{
		Size:        intPtr(9), // A4
		Orientation: strPtr("landscape"),
	}
	if fitWidth {
		layout.FitToWidth = intPtr(1)
		layout.FitToHeight = intPtr(0)
		if err := f.SetSheetProps(sheet, &excelize.SheetPropsOptions{FitToPage: boolPtr(true)}); err != nil {
			return err
		}
	}
	if err := f.SetPageLayout(sheet, layout); err != nil {
		return err
	}
	margin := 0.5
	if err := f.SetPageMargins(sheet, &excelize.PageLayoutMarginsOptions{
		Left: &margin, Right: &margin, Top: floatPtr(0.6), Bottom: floatPtr(0.6),
		Header: floatPtr(0.3), Footer: floatPtr(0.3),
	}); err != nil {
		return err
	}
	if titleRows == "" {
		return nil
	}
	return f.SetDefinedName(&excelize.DefinedName{
		Name:     "_xlnm.Print_Titles",
		RefersTo: "'" + sheet + "'!" + titleRows,
		Scope:    sheet,
	})
}

// setHeaderFooter prints the workbook, the sheet, the generation date and the page
// on every page, and the sample warning on every page of a sample
// workbook. The header is written with the end of the sheet, so a stream
// sheet takes it until its Flush.
func (wb *workbook) setHeaderFooter(sheet string) error {
	// The generation date in ISO form, as text: the &D field prints the
	// printing day in the reader's locale (12/07/2026), which reads
	// differently on either side of the Atlantic.
	date := wb.opts.GeneratedAt.UTC().Format("2006-01-02")
	header := "&L&8scdebate — " + xmlHeaderEscape(sheet) + "&R&8 " + date
	if wb.stats.sample {
		header = "&L&8scdebate — " + xmlHeaderEscape(sheet) + "&C&8&\"-,Bold\"SAMPLE DATA — NOT OFFICIAL RECORDS&R&8 " + date
	}
	return wb.f.SetHeaderFooter(sheet, &excelize.HeaderFooterOptions{
		OddHeader: header,
		OddFooter: "&C&8Page &P of &N",
	})
}

// xmlHeaderEscape escapes the header/footer code character.
func xmlHeaderEscape(s string) string {
	out := make([]rune, 0, len(s))
	for _, r := range s {
		if r == '&' {
			out = append(out, '&')
		}
		out = append(out, r)
	}
	return string(out)
}

func floatPtr(f float64) *float64 { return &f }
