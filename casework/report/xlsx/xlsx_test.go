package xlsx_test

import (
	"bytes"
	"slices"
	"testing"
	"time"

	"github.com/mobio-sync/mobio/casework/report"
	"github.com/mobio-sync/mobio/casework/report/xlsx"
	"github.com/xuri/excelize/v2"
)

// result is a small report computed by hand: one table of two rows.
func result() *report.Result {
	return &report.Result{
		DefinitionID: "caseload-v1",
		Title:        "Integrationsmanagement – Auswertung Zeitraum",
		SummarySheet: "Auswertung Zeitraum",
		Lang:         "de",
		Period:       report.Period{From: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC), To: time.Date(2026, 6, 30, 0, 0, 0, 0, time.UTC)},
		Managers:     []string{"=Anna"},
		Created:      time.Date(2026, 7, 3, 0, 0, 0, 0, time.UTC),
		Counselled:   3,
		Tables: []report.Table{
			{ID: "persons", Title: "Beratene Personen", Sheet: "Personen", RowHeading: "Geschlecht", Columns: []string{"Anzahl"},
				Rows: []report.Row{{Key: "m", Label: "männlich", Values: []int{2}}, {Key: "w", Label: "weiblich", Values: []int{1}}, {Label: "Insgesamt", Values: []int{3}, Total: true}}},
			{ID: "contacts", Title: "Kontakte", RowHeading: "Art", Columns: []string{"ja", "nein", "Insgesamt"},
				Rows: []report.Row{{Key: "phone", Label: "telefonisch", Values: []int{0, 4, 4}}, {Label: "Insgesamt", Values: []int{0, 4, 4}, Total: true}}},
		},
	}
}

func TestWorkbookHasTheSheetsAndNumbers(t *testing.T) {
	var b bytes.Buffer
	if err := xlsx.Write(&b, result()); err != nil {
		t.Fatalf("Write: %v", err)
	}
	f, err := excelize.OpenReader(&b)
	if err != nil {
		t.Fatalf("the workbook does not open: %v", err)
	}
	defer f.Close()
	if got, want := f.GetSheetList(), []string{"Auswertung Zeitraum", "Personen"}; !slices.Equal(got, want) {
		t.Errorf("sheets = %q, want %q (the summary, and the one the indicator names)", got, want)
	}
	find := func(rows [][]string, label string) []string {
		for _, r := range rows {
			if len(r) > 0 && r[0] == label {
				return r
			}
		}
		return nil
	}
	tests := []struct {
		sheet, label string
		want         []string
	}{
		{"Auswertung Zeitraum", "Zeitraum", []string{"Zeitraum", "01.01.2026 – 30.06.2026"}},
		{"Auswertung Zeitraum", "Integrationsmanager/in", []string{"Integrationsmanager/in", "=Anna"}},
		{"Auswertung Zeitraum", "männlich", []string{"männlich", "2"}},
		{"Auswertung Zeitraum", "telefonisch", []string{"telefonisch", "0", "4", "4"}},
		{"Auswertung Zeitraum", "Art", []string{"Art", "ja", "nein", "Insgesamt"}},
		{"Personen", "weiblich", []string{"weiblich", "1"}},
		{"Personen", "Insgesamt", []string{"Insgesamt", "3"}},
	}
	for _, tt := range tests {
		rows, err := f.GetRows(tt.sheet)
		if err != nil {
			t.Fatal(err)
		}
		if got := find(rows, tt.label); !slices.Equal(got, tt.want) {
			t.Errorf("%s, row %q = %q, want %q", tt.sheet, tt.label, got, tt.want)
		}
	}
	// Counts are numbers, not text, so that the sheet can be summed further.
	for r := 1; r <= 20; r++ {
		ref, _ := excelize.CoordinatesToCellName(1, r)
		if v, _ := f.GetCellValue("Auswertung Zeitraum", ref); v == "männlich" {
			cell, _ := excelize.CoordinatesToCellName(2, r)
			typ, err := f.GetCellType("Auswertung Zeitraum", cell)
			if err != nil {
				t.Fatal(err)
			}
			if typ == excelize.CellTypeSharedString || typ == excelize.CellTypeInlineString {
				t.Errorf("count cell %s is text (type %v), want a number", cell, typ)
			}
			return
		}
	}
	t.Error("no row männlich on the summary sheet")
}

func TestWorkbookOfTheDefaultDefinitionOpens(t *testing.T) {
	res, err := report.Compute(report.Default(), result().Period, nil, report.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := xlsx.Write(&b, res); err != nil {
		t.Fatalf("Write: %v", err)
	}
	f, err := excelize.OpenReader(&b)
	if err != nil {
		t.Fatalf("the workbook does not open: %v", err)
	}
	defer f.Close()
	var own int
	for _, in := range report.Default().Indicators {
		if in.Sheet != "" {
			own++
		}
	}
	if got := len(f.GetSheetList()); got != 1+own {
		t.Errorf("%d sheets, want the summary and %d of the indicators", got, own)
	}
}
