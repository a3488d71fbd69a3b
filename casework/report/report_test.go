package report_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/mobio-sync/mobio/casework/report"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

var created = time.Date(2026, 7, 3, 9, 0, 0, 0, time.UTC)

func compute(t *testing.T, d *report.Definition) *report.Result {
	t.Helper()
	res, err := report.Run(d, period, caseloadInputs(t), report.Options{Now: func() time.Time { return created }})
	if err != nil {
		t.Fatalf("Run: %v", err)
	}
	return res
}

func table(t *testing.T, res *report.Result, id string) report.Table {
	t.Helper()
	for _, tb := range res.Tables {
		if tb.ID == id {
			return tb
		}
	}
	t.Fatalf("no table %s", id)
	return report.Table{}
}

// cells returns a table's values by row key, the total row as "total".
func cells(tb report.Table) map[string][]int {
	out := map[string][]int{}
	for _, r := range tb.Rows {
		k := r.Key
		if r.Total {
			k = "total"
		}
		out[k] = r.Values
	}
	return out
}

// The expected counts are worked out by hand from the caseload in caseload_test.go; the
// comments name the persons behind each number.
func TestCaseloadCountsForThePeriod(t *testing.T) {
	res := compute(t, report.Default())
	if res.Counselled != 24 {
		t.Errorf("Counselled = %d, want 24 (N1–N14 new, O1–O10 ongoing)", res.Counselled)
	}
	if want := []string{"Anna", "Ben"}; !slices.Equal(res.Managers, want) {
		t.Errorf("Managers = %v, want %v", res.Managers, want)
	}
	gender := []string{"männlich", "weiblich", "divers", "ohne Angabe", "Insgesamt"}
	tests := []struct {
		indicator string
		columns   []string // nil: not checked
		want      map[string][]int
	}{
		{"persons_new", gender, map[string][]int{
			"0": {0, 1, 0, 0, 1}, // N3
			"1": {1, 2, 0, 0, 3}, // N13 (18: turns 19 on 1 July); N6 (born 2005, counted as 1 July), N12
			"2": {1, 0, 1, 1, 3}, // N2 (turns 26 on 1 July), N5 (27 on the last day), N10 (no gender)
			"3": {1, 3, 0, 0, 4}, // N9; N1, N8, N14
			"4": {0, 0, 0, 0, 0},
			"5": {2, 0, 0, 0, 2}, // N4, N11
			// N7 has no date of birth.
			"unknown": {1, 0, 0, 0, 1},
			"total":   {6, 6, 1, 1, 14},
		}},
		{"persons_ongoing", gender, map[string][]int{
			"0":     {0, 2, 0, 0, 2}, // O3, O10
			"1":     {0, 0, 0, 0, 0},
			"2":     {3, 0, 0, 0, 3}, // O2 (closed on the first day), O6, O8
			"3":     {0, 1, 1, 0, 2}, // O5 (started the day before), O9
			"4":     {1, 2, 0, 0, 3}, // O4; O1, O7
			"5":     {0, 0, 0, 0, 0},
			"total": {4, 5, 1, 0, 10},
		}},
		{"persons_closed", gender, map[string][]int{
			"0": {0, 0, 0, 0, 0}, "1": {0, 0, 0, 0, 0},
			"2":     {2, 0, 0, 1, 3}, // O2, O6; N10
			"3":     {1, 0, 0, 0, 1}, // N9
			"4":     {1, 0, 0, 0, 1}, // O4
			"5":     {0, 0, 0, 0, 0},
			"total": {4, 0, 0, 1, 5},
		}},
		{"persons_counselled", nil, map[string][]int{"total": {10, 11, 2, 1, 24}}},
		{"persons_nationality", nil, map[string][]int{
			"SY":    {3, 4, 0, 1, 8}, // N7 N9 O4; N1 N12 O1 O7; N10 (DE and SY)
			"AF":    {2, 1, 1, 0, 4}, // N2 O2; N14; O9
			"UA":    {1, 3, 0, 0, 4}, // N4; N3 O3 O10
			"other": {0, 0, 0, 0, 0}, // all 8 nationalities fit in the top 10
			"total": {10, 11, 2, 1, 24},
		}},
	}
	tests = append(tests, []struct {
		indicator string
		columns   []string
		want      map[string][]int
	}{
		{"persons_residence", nil, map[string][]int{
			"schutz_25":  {4, 5, 0, 0, 9}, // N9 O2 O6 O8; N1 N6 N14 O1 O7
			"gestattung": {1, 2, 0, 1, 4}, // N2; N12 O5; N10
			"ukraine_24": {1, 3, 0, 0, 4}, // N4; N3 O3 O10
			"duldung":    {2, 0, 1, 0, 3}, // N13 O4; N5
			"other":      {1, 1, 1, 0, 3}, // N11; N8; O9
			"unknown":    {1, 0, 0, 0, 1}, // N7
			"total":      {10, 11, 2, 1, 24},
		}},
		{"persons_municipality", []string{"Anna", "Ben", "Insgesamt"}, map[string][]int{
			"08222000": {13, 0, 13},
			"08226000": {0, 10, 10},
			"unknown":  {0, 1, 1}, // N7
			"total":    {13, 11, 24},
		}},
		{"plans_active", nil, map[string][]int{"total": {0, 11, 11}}}, // N1 N3 N5 N9 N12 O1 O2 O3 O4 O6 O8, all AU
		{"plans_agreed", nil, map[string][]int{"total": {0, 4, 4}}},   // N1 N5 N9 O8 (N12 agreed in July)
		{"plans_reviewed", nil, map[string][]int{"total": {0, 2, 2}}}, // O1, O3 (on the last day)
		{"plans_closed", nil, map[string][]int{"total": {0, 4, 4}}},   // N9 O2 O4 O6 (N10 had no plan)
		{"goals", []string{"offen", "in Bearbeitung", "erreicht", "teilweise erreicht", "nicht erreicht", "aufgegeben", "Insgesamt"}, map[string][]int{
			"SPRACHE":  {2, 1, 2, 0, 0, 0, 5}, // open N12 O3, in progress O8, achieved N1 O1
			"BILDUNG":  {1, 1, 0, 0, 0, 0, 2}, // N3, O3
			"ARBEIT":   {0, 1, 2, 1, 1, 0, 5}, // N5; O4 O6; O1; O2
			"WOHNEN":   {0, 0, 1, 0, 0, 0, 1}, // N9
			"FINANZEN": {0, 0, 0, 0, 0, 1, 1}, // O1
			"FAMILIE":  {0, 0, 0, 0, 0, 0, 0},
			"total":    {3, 3, 5, 1, 1, 1, 14},
		}},
		{"goals_achieved", nil, map[string][]int{
			"SPRACHE": {0, 0, 1, 0, 0, 0, 1}, // N1 (O1's in 2025, X1 not counselled and in 2025)
			"ARBEIT":  {0, 0, 2, 1, 0, 0, 3}, // O4 O6; O1
			"WOHNEN":  {0, 0, 1, 0, 0, 0, 1}, // N9
			"total":   {0, 0, 4, 1, 0, 0, 5},
		}},
		{"outcomes", []string{"Anzahl"}, map[string][]int{
			"DTZ_B1_PASSED":           {1}, // N1
			"DTZ_A2_PASSED":           {0}, // O1, but in 2025
			"MINIJOB_STARTED":         {1}, // O1
			"EMPLOYMENT_STARTED":      {1}, // O4
			"TRAINING_STARTED":        {1}, // O6
			"HOUSING_MOVED_OUT_OF_GU": {1}, // N9
			"total":                   {5},
		}},
		{"contacts", []string{"ja", "nein", "ohne Angabe", "Insgesamt"}, map[string][]int{
			"in_person": {3, 1, 0, 4}, // N1 N5 O1; O5 (O1's of 31 Dec is outside)
			"phone":     {0, 3, 0, 3}, // N2 (last day), O3, X3 (before counselling, but in the period)
			"video":     {0, 0, 1, 1}, // N3
			"messenger": {0, 1, 0, 1}, // N5
			"outreach":  {1, 0, 0, 1}, // O4
			"total":     {4, 5, 1, 10},
		}},
		{"contacts_topics", nil, map[string][]int{
			"SPRACHE":      {2}, // N1, O3
			"BILDUNG":      {2}, // N3, O3
			"ARBEIT":       {5}, // N1, N5 twice, O1, O4
			"WOHNEN":       {1}, // N5
			"AUFENTHALT":   {1}, // O5
			"ORIENTIERUNG": {1}, // X3
			"FINANZEN":     {0}, // O1's was in 2025
			"unknown":      {1}, // N2
			"total":        {10},
		}},
		{"contacts_persons", []string{"Personen"}, map[string][]int{
			"Anna":  {6}, // N1 N2 N5 O1 O5 X3
			"Ben":   {3}, // N3 O3 O4
			"total": {9},
		}},
		{"contacts_minutes", []string{"Minuten"}, map[string][]int{
			"in_person": {180}, // 60 + 45 + 50 + 25
			"phone":     {40},  // 15 + 20 + 5
			"video":     {30},
			"messenger": {10},
			"outreach":  {90},
			"total":     {350},
		}},
		{"referrals", nil, map[string][]int{
			"JOBCENTER":          {2}, // O1, X5
			"ABH":                {1}, // O5 (O1's in 2025)
			"SPRACHKURSTRAEGER":  {1}, // N1
			"SCHULE":             {1}, // O3
			"MIGRATIONSBERATUNG": {1}, // O5 on the last day
			"KITA":               {0},
			"total":              {6},
		}},
		{"closures", []string{"bis 36 Monate", "37 bis 48 Monate", "mehr als 48 Monate", "Insgesamt"}, map[string][]int{
			"GOALS_REACHED_SELF_RELIANT": {0, 0, 1, 1}, // O6: 61 months
			"MAX_DURATION_REACHED":       {1, 1, 0, 2}, // O2: 35 months (a day short of 36); O4: 48
			"MOVED_AWAY":                 {1, 0, 0, 1}, // N9
			"CONTACT_LOST":               {1, 0, 0, 1}, // N10
			"OTHER":                      {0, 0, 0, 0}, // X1 closed in 2025
			"total":                      {3, 1, 1, 5},
		}},
	}...)
	for _, tt := range tests {
		t.Run(tt.indicator, func(t *testing.T) {
			tb := table(t, res, tt.indicator)
			if tt.columns != nil && !slices.Equal(tb.Columns, tt.columns) {
				t.Errorf("columns = %q, want %q", tb.Columns, tt.columns)
			}
			got := cells(tb)
			for k, want := range tt.want {
				if !slices.Equal(got[k], want) {
					t.Errorf("row %s = %v, want %v", k, got[k], want)
				}
			}
		})
	}
}

func TestUnknownRowShownOnlyWhenUsed(t *testing.T) {
	res := compute(t, report.Default())
	if _, ok := cells(table(t, res, "persons_ongoing"))["unknown"]; ok {
		t.Error(`persons_ongoing has an "ohne Angabe" row, but every ongoing person has a date of birth`)
	}
	if _, ok := cells(table(t, res, "persons_new"))["unknown"]; !ok {
		t.Error(`persons_new lacks the "ohne Angabe" row for N7`)
	}
}

func TestReportReadsOnlyWhatItNeeds(t *testing.T) {
	inputs := caseloadInputs(t)
	if _, err := report.Run(report.Default(), period, inputs, report.Options{}); err != nil {
		t.Fatal(err)
	}
	allowed := map[string]bool{}
	for _, p := range report.ReadPaths {
		allowed[p] = true
	}
	for _, in := range inputs {
		r := in.Doc.(*recorder)
		if r.texts > 0 {
			t.Errorf("the report read %d free-text fields", r.texts)
		}
		for _, p := range r.paths {
			if !allowed[p] {
				t.Errorf("the report read %s, which is not in ReadPaths", p)
			}
		}
	}
	for _, p := range report.ReadPaths {
		switch {
		case strings.HasPrefix(p, "support_needs."):
			t.Errorf("ReadPaths has %s: the support needs never go into a report", p)
		case strings.HasSuffix(p, ".note"), strings.Contains(p, "azr_number"), strings.Contains(p, "file_number"):
			t.Errorf("ReadPaths has the restricted field %s", p)
		}
	}
}

func TestNoPersonalTextInAnyOutput(t *testing.T) {
	res := compute(t, report.Default())
	var csvOut, htmlOut bytes.Buffer
	if err := report.WriteCSV(&csvOut, res); err != nil {
		t.Fatal(err)
	}
	if err := report.WriteHTML(&htmlOut, res); err != nil {
		t.Fatal(err)
	}
	for name, out := range map[string]string{"CSV": csvOut.String(), "HTML": htmlOut.String()} {
		if strings.Contains(out, secretMarker) {
			t.Errorf("the %s output contains a name or free text", name)
		}
	}
}

func TestCSVGolden(t *testing.T) {
	res := compute(t, report.Default())
	var b bytes.Buffer
	if err := report.WriteCSV(&b, res); err != nil {
		t.Fatal(err)
	}
	golden := filepath.Join("testdata", "caseload-2026h1.csv")
	if *update {
		if err := os.WriteFile(golden, b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(b.Bytes(), want) {
		t.Errorf("WriteCSV differs from %s (go test -update rewrites it):\n%s", golden, b.String())
	}
	if !bytes.HasPrefix(b.Bytes(), []byte("\uFEFF")) {
		t.Error("the CSV has no byte order mark: Excel would read umlauts as Windows-1252")
	}
	if !strings.Contains(b.String(), "35–49;1;3;0;0;4\r\n") {
		t.Error(`the CSV lacks the row "35–49;1;3;0;0;4" of new persons, separated by semicolons, ending in CRLF`)
	}
}

func TestHTMLIsSelfContainedAndEscaped(t *testing.T) {
	inputs := caseloadInputs(t)
	inputs[0].Manager = `<script>alert(1)</script>`
	res, err := report.Run(report.Default(), period, inputs, report.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := report.WriteHTML(&b, res); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	if strings.Contains(out, "<script") {
		t.Error("a manager's name was written into the page unescaped")
	}
	if n := strings.Count(out, "<svg"); n != len(res.Tables) {
		t.Errorf("the page has %d charts, want one per table (%d)", n, len(res.Tables))
	}
	for _, external := range []string{"src=", "<link", "@import", "url("} {
		if strings.Contains(out, external) {
			t.Errorf("the page refers to an external asset (%s)", external)
		}
	}
	if !strings.Contains(out, `<html lang="de"`) || !strings.Contains(out, "Auswertung Zeitraum") {
		t.Error("the page is not German")
	}
}

// A changed definition file changes the report without a change of code.
func TestDefinitionFileChangesTheReport(t *testing.T) {
	var def map[string]any
	if err := json.Unmarshal(report.DefaultJSON(), &def); err != nil {
		t.Fatal(err)
	}
	def["nationality_top"] = 3
	def["age_bands"] = []any{map[string]any{"from": 0, "to": 29}, map[string]any{"from": 30, "label": map[string]any{"de": "30 und älter"}}}
	// §24 Ukraine counted with protection status, under the template's own words.
	groups := def["residence_groups"].([]any)
	def["residence_groups"] = []any{
		groups[0],
		map[string]any{"key": "schutz", "label": map[string]any{"de": "Schutzstatus (§§ 24, 25)"},
			"codes": []any{"AE_25_1", "AE_25_2_GFK", "AE_25_2_SUBSIDIAER", "AE_25_3", "AE_24"}},
	}
	def["municipality_names"] = map[string]any{"08222000": "Mannheim"}
	def["category_labels"] = map[string]any{"gender": map[string]any{"m": map[string]any{"de": "m"}, "w": map[string]any{"de": "w"}}}
	def["indicators"] = []any{
		map[string]any{"id": "nat", "population": "persons_counselled", "rows": "nationality", "columns": "gender", "label": map[string]any{"de": "Nationalität"}},
		map[string]any{"id": "age", "population": "persons_new", "rows": "age_group", "label": map[string]any{"de": "Neu nach Alter"}},
		map[string]any{"id": "res", "population": "persons_counselled", "rows": "residence_group", "label": map[string]any{"de": "Status"}},
		map[string]any{"id": "muni", "population": "persons_counselled", "rows": "municipality", "label": map[string]any{"de": "Gemeinde"}, "omit_empty_rows": true},
	}
	data, err := json.Marshal(def)
	if err != nil {
		t.Fatal(err)
	}
	d, err := report.ParseDefinition(data)
	if err != nil {
		t.Fatalf("ParseDefinition: %v", err)
	}
	res := compute(t, d)
	if len(res.Tables) != 4 {
		t.Fatalf("%d tables, want the 4 of the definition", len(res.Tables))
	}

	nat := res.Tables[0]
	if want := []string{"m", "w", "divers", "ohne Angabe", "Insgesamt"}; !slices.Equal(nat.Columns, want) {
		t.Errorf("gender columns = %q, want the relabelled %q", nat.Columns, want)
	}
	var labels []string
	for _, r := range nat.Rows {
		labels = append(labels, r.Label)
	}
	// SY 8; AF and UA 4 each (the tie goes to the lower code); IQ ER TR 2, GM SO 1: 8 others.
	if want := []string{"Syrien", "Afghanistan", "Ukraine", "sonstige", "Insgesamt"}; !reflect.DeepEqual(labels, want) {
		t.Errorf("nationality rows = %q, want %q", labels, want)
	}
	if got := cells(nat)["other"]; !slices.Equal(got, []int{4, 3, 1, 0, 8}) {
		// IQ N5 (d) O5 (w); ER N6 (w) O6 (m); TR N8 (w) N11 (m); GM N13 (m); SO O8 (m).
		t.Errorf("sonstige = %v, want [4 3 1 0 8]", got)
	}

	// New persons: N3 N6 N12 N13 N2 N5 (0–29: 6), N1 N4 N8 N9 N10 N11 N14 (30+: 7), N7 unknown.
	age := cells(res.Tables[1])
	if !slices.Equal(age["0"], []int{6}) || !slices.Equal(age["1"], []int{7}) || !slices.Equal(age["unknown"], []int{1}) {
		t.Errorf("age bands = %v, want 0–29: 6, 30 und älter: 7, unknown: 1", age)
	}
	if l := res.Tables[1].Rows[1].Label; l != "30 und älter" {
		t.Errorf("open age band label = %q, want the definition's", l)
	}

	// Protection 9 + Ukraine 4 = 13; the Duldung group was dropped from the definition's
	// groups, so N5 N13 O4 join N8 N11 O9 as other.
	res3 := cells(res.Tables[2])
	if !slices.Equal(res3["schutz"], []int{13}) || !slices.Equal(res3["other"], []int{6}) {
		t.Errorf("residence groups = %v, want schutz 13 and other 6", res3)
	}

	var munis []string
	for _, r := range res.Tables[3].Rows {
		munis = append(munis, r.Label)
	}
	// Sorted by what is shown; the key without a name stays a key.
	if want := []string{"08226000", "Mannheim", "ohne Angabe", "Insgesamt"}; !slices.Equal(munis, want) {
		t.Errorf("municipality rows = %q, want %q", munis, want)
	}
}

func TestDefinitionsRefused(t *testing.T) {
	base := func() map[string]any {
		var def map[string]any
		if err := json.Unmarshal(report.DefaultJSON(), &def); err != nil {
			t.Fatal(err)
		}
		return def
	}
	indicator := func(kv ...any) []any {
		m := map[string]any{"id": "x", "label": map[string]any{"de": "X"}, "population": "persons_new"}
		for i := 0; i < len(kv); i += 2 {
			m[kv[i].(string)] = kv[i+1]
		}
		return []any{m}
	}
	tests := []struct {
		name   string
		change func(map[string]any)
	}{
		{"unknown key", func(d map[string]any) { d["indicatorz"] = 1 }},
		{"no German title", func(d map[string]any) { d["title"] = map[string]any{"en": "Report"} }},
		{"unknown population", func(d map[string]any) { d["indicators"] = indicator("population", "people") }},
		{"unknown dimension", func(d map[string]any) { d["indicators"] = indicator("rows", "religion") }},
		{"dimension of another unit", func(d map[string]any) { d["indicators"] = indicator("rows", "contact_mode") }},
		{"minutes of persons", func(d map[string]any) { d["indicators"] = indicator("measure", "minutes") }},
		{"same rows and columns", func(d map[string]any) { d["indicators"] = indicator("rows", "gender", "columns", "gender") }},
		{"sheet name too long", func(d map[string]any) { d["indicators"] = indicator("sheet", strings.Repeat("x", 32)) }},
		{"sheet name with a slash", func(d map[string]any) { d["indicators"] = indicator("sheet", "a/b") }},
		{"age bands with a gap", func(d map[string]any) {
			d["age_bands"] = []any{map[string]any{"from": 0, "to": 17}, map[string]any{"from": 19}}
		}},
		{"age bands not from 0", func(d map[string]any) { d["age_bands"] = []any{map[string]any{"from": 18}} }},
		{"residence code in two groups", func(d map[string]any) {
			d["residence_groups"] = []any{
				map[string]any{"key": "a", "label": map[string]any{"de": "A"}, "codes": []any{"AE_24"}},
				map[string]any{"key": "b", "label": map[string]any{"de": "B"}, "codes": []any{"AE_24"}},
			}
		}},
		{"not a residence code", func(d map[string]any) {
			d["residence_groups"] = []any{map[string]any{"key": "a", "label": map[string]any{"de": "A"}, "codes": []any{"XYZ"}}}
		}},
		{"open closure band not last", func(d map[string]any) {
			d["closure_duration_bands"] = []any{map[string]any{"label": map[string]any{"de": "alle"}}, map[string]any{"max_months": 48, "label": map[string]any{"de": "x"}}}
		}},
		{"no indicators", func(d map[string]any) { d["indicators"] = []any{} }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := base()
			tt.change(d)
			data, _ := json.Marshal(d)
			if _, err := report.ParseDefinition(data); !errors.Is(err, report.ErrDefinition) {
				t.Errorf("ParseDefinition: %v, want ErrDefinition", err)
			}
		})
	}
}

func TestPeriodThatEndsBeforeItStartsIsRefused(t *testing.T) {
	_, err := report.Compute(report.Default(), report.Period{From: period.To, To: period.From}, nil, report.Options{})
	if !errors.Is(err, report.ErrPeriod) {
		t.Errorf("Compute: %v, want ErrPeriod", err)
	}
}

func TestEmptyCaseloadGivesZeroTables(t *testing.T) {
	res, err := report.Compute(report.Default(), period, nil, report.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, tb := range res.Tables {
		total := tb.Rows[len(tb.Rows)-1]
		if !total.Total || total.Values[len(total.Values)-1] != 0 {
			t.Errorf("%s: total row %+v, want a zero total", tb.ID, total)
		}
	}
}
