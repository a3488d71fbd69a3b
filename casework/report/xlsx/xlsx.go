// Package xlsx writes a caseload report (package casework/report) as an Excel workbook with
// github.com/xuri/excelize/v2. It is apart from package report so that the browser build,
// which offers CSV and HTML, does not carry a spreadsheet library.
package xlsx

import (
	"fmt"
	"io"

	"github.com/mobio-sync/mobio/casework/report"
	"github.com/xuri/excelize/v2"
)

// Write writes r as a workbook: the sheet r.SummarySheet ("Auswertung Zeitraum" by default)
// holds the header block and every table, one under the other; each table whose indicator
// names a sheet is also on that sheet of its own. Counts are numeric cells, so that the
// workbook can be summed and charted further.
func Write(w io.Writer, r *report.Result) (err error) {
	f := excelize.NewFile()
	defer func() {
		if cerr := f.Close(); err == nil && cerr != nil {
			err = fmt.Errorf("close workbook: %w", cerr)
		}
	}()
	st, err := newStyles(f)
	if err != nil {
		return err
	}
	if err := f.SetSheetName("Sheet1", r.SummarySheet); err != nil {
		return fmt.Errorf("name sheet %q: %w", r.SummarySheet, err)
	}
	s := &sheet{f: f, name: r.SummarySheet, st: st}
	s.cell(1, r.Title, st.title)
	s.row++
	for _, h := range r.Header() {
		s.cell(1, h[0], st.bold)
		s.cell(2, h[1], 0)
		s.row++
	}
	for _, t := range r.Tables {
		s.row++
		s.table(t)
	}
	s.widths()
	for _, t := range r.Tables {
		if t.Sheet == "" {
			continue
		}
		if _, err := f.NewSheet(t.Sheet); err != nil {
			return fmt.Errorf("add sheet %q: %w", t.Sheet, err)
		}
		own := &sheet{f: f, name: t.Sheet, st: st}
		own.cell(1, r.Title+" – "+r.FormatPeriod(), 0)
		own.row += 2
		own.table(t)
		own.widths()
		if own.err != nil {
			return own.err
		}
	}
	if s.err != nil {
		return s.err
	}
	f.SetActiveSheet(0)
	if err := f.Write(w); err != nil {
		return fmt.Errorf("write workbook: %w", err)
	}
	return nil
}

type styles struct{ title, bold, head, cell, total, totalNum int }

func newStyles(f *excelize.File) (styles, error) {
	var s styles
	border := []excelize.Border{
		{Type: "left", Color: "888888", Style: 1}, {Type: "right", Color: "888888", Style: 1},
		{Type: "top", Color: "888888", Style: 1}, {Type: "bottom", Color: "888888", Style: 1},
	}
	grey := excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"E8E8E8"}}
	for _, x := range []struct {
		dst *int
		st  *excelize.Style
	}{
		{&s.title, &excelize.Style{Font: &excelize.Font{Bold: true, Size: 14}}},
		{&s.bold, &excelize.Style{Font: &excelize.Font{Bold: true}}},
		{&s.head, &excelize.Style{Font: &excelize.Font{Bold: true}, Fill: grey, Border: border, Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}}},
		{&s.cell, &excelize.Style{Border: border}},
		{&s.total, &excelize.Style{Font: &excelize.Font{Bold: true}, Border: border}},
		{&s.totalNum, &excelize.Style{Font: &excelize.Font{Bold: true}, Border: border, NumFmt: 1}},
	} {
		id, err := f.NewStyle(x.st)
		if err != nil {
			return s, fmt.Errorf("add style: %w", err)
		}
		*x.dst = id
	}
	return s, nil
}

// sheet writes rows into one worksheet, keeping the first error.
type sheet struct {
	f       *excelize.File
	name    string
	st      styles
	row     int // the row being written, from 1
	maxCols int
	err     error
}

func (s *sheet) ref(col int) string {
	ref, _ := excelize.CoordinatesToCellName(col, max(s.row, 1))
	return ref
}

func (s *sheet) cell(col int, v any, style int) {
	if s.err != nil {
		return
	}
	if s.row == 0 {
		s.row = 1
	}
	ref := s.ref(col)
	if err := s.f.SetCellValue(s.name, ref, v); err != nil {
		s.err = fmt.Errorf("write %s!%s: %w", s.name, ref, err)
		return
	}
	if style != 0 {
		if err := s.f.SetCellStyle(s.name, ref, ref, style); err != nil {
			s.err = fmt.Errorf("style %s!%s: %w", s.name, ref, err)
		}
	}
	s.maxCols = max(s.maxCols, col)
}

func (s *sheet) table(t report.Table) {
	s.cell(1, t.Title, s.st.bold)
	s.row++
	if t.Note != "" {
		s.cell(1, t.Note, 0)
		s.row++
	}
	s.cell(1, t.RowHeading, s.st.head)
	for j, c := range t.Columns {
		s.cell(2+j, c, s.st.head)
	}
	s.row++
	for _, r := range t.Rows {
		label, num := s.st.cell, s.st.cell
		if r.Total {
			label, num = s.st.total, s.st.totalNum
		}
		s.cell(1, r.Label, label)
		for j, v := range r.Values {
			s.cell(2+j, v, num)
		}
		s.row++
	}
}

func (s *sheet) widths() {
	if s.err != nil {
		return
	}
	if err := s.f.SetColWidth(s.name, "A", "A", 48); err != nil {
		s.err = err
		return
	}
	if s.maxCols > 1 {
		last, _ := excelize.ColumnNumberToName(s.maxCols)
		s.err = s.f.SetColWidth(s.name, "B", last, 14)
	}
}
