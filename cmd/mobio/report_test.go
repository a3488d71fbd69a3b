package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/mobio-sync/mobio/casework"
	"github.com/mobio-sync/mobio/casework/crdtdoc"
	"github.com/mobio-sync/mobio/casework/report"
	"github.com/mobio-sync/mobio/crdt"
	"github.com/xuri/excelize/v2"
)

// caseworkHome returns a home with an identity and one biography per element of people,
// each a map of field path to value; "person.nationalities" takes codes separated by commas,
// and "consent" adds a research consent ("RESEARCH_ANON", or "withdrawn" for one that was
// withdrawn). The documents are written in one session, which is quicker than a command each.
func caseworkHome(t *testing.T, people []map[string]string) map[string]string {
	t.Helper()
	env := testHome(t)
	newIdentity(t, env)
	a := &app{Stdin: strings.NewReader(""), Stdout: io.Discard, Stderr: io.Discard,
		Getenv: func(k string) string { return env[k] }, Version: "v0.0.0-test"}
	ctx := t.Context()
	err := a.withSession(ctx, &homeFlags{}, func(x *session) error {
		for i, p := range people {
			b, err := crdt.New()
			if err != nil {
				return err
			}
			id, err := x.c.Create(ctx, fmt.Sprintf("Person %d", i+1), b)
			if err != nil {
				return err
			}
			err = x.edit(ctx, id, "test data", func(b *crdt.Biography) error {
				d := crdtdoc.Wrap(b)
				prov := casework.Provenance{Source: "counsellor", By: "test"}
				for path, v := range p {
					switch path {
					case "person.nationalities":
						if err := d.SetCodes(path, strings.Split(v, ","), prov); err != nil {
							return err
						}
					case "consent":
						e, err := d.AddEntry("consents.consents")
						if err != nil {
							return err
						}
						fields := map[string]string{"purpose": "RESEARCH_ANON", "language_shown": "ar", "given_at": "2025-03-01T10:00:00Z"}
						if v == "withdrawn" {
							fields["withdrawn_at"] = "2025-04-01T10:00:00Z"
						}
						for k, fv := range fields {
							if err := d.Set("consents.consents."+e+"."+k, fv, prov); err != nil {
								return err
							}
						}
					case "contact":
						e, err := d.AddEntry("contacts.contacts")
						if err != nil {
							return err
						}
						if err := d.Set("contacts.contacts."+e+".date", v, prov); err != nil {
							return err
						}
					default:
						if err := d.Set(path, v, prov); err != nil {
							return fmt.Errorf("set %s: %w", path, err)
						}
					}
				}
				return nil
			})
			if err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatalf("write the test biographies: %v", err)
	}
	return env
}

// A caseload: two persons counselled in the first half of 2026, one who starts later, one
// closed in 2025.
var reportPeople = []map[string]string{
	{"person.given_names": "Amina", "person.gender": "w", "person.date_of_birth": "1990-01-01", "person.nationalities": "SY",
		"person.municipality": "08222000", "plan.counselling_start": "2026-02-01", "contact": "2026-02-03"},
	{"person.given_names": "Amir", "person.gender": "m", "person.date_of_birth": "2001-05-05", "person.nationalities": "AF",
		"person.municipality": "08222000", "plan.counselling_start": "2025-05-01", "contact": "2026-03-03"},
	{"person.gender": "m", "plan.counselling_start": "2026-09-01"},
	{"person.gender": "w", "plan.counselling_start": "2023-01-01", "plan.closure_date": "2025-12-01"},
}

func TestReportCaseloadFormats(t *testing.T) {
	env := caseworkHome(t, reportPeople)
	dir := t.TempDir()
	base := []string{"report", "caseload", "--from", "2026-01-01", "--to", "30.06.2026", "--manager", "Anna B."}

	csvFile := filepath.Join(dir, "h1.csv")
	_, stderr, err := mobio(t, env, append(base, "-o", csvFile)...)
	if err != nil {
		t.Fatalf("report caseload: %v\n%s", err, stderr)
	}
	data, err := os.ReadFile(csvFile)
	if err != nil {
		t.Fatal(err)
	}
	out := string(data)
	for _, want := range []string{
		"Zeitraum;01.01.2026 – 30.06.2026", "Integrationsmanager/in;Anna B.", "Beratene Personen im Zeitraum;2\r\n",
		"Neu aufgenommene Personen nach Altersgruppe und Geschlecht", "35–49;0;1;0;0;1\r\n", // Amina, 36
		"Beratungskontakte nach Art des Kontakts und Dolmetschung",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("the CSV lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "Amina") || strings.Contains(out, "Amir") {
		t.Error("the report contains a name")
	}
	if fi, _ := os.Stat(csvFile); fi.Mode().Perm() != 0o600 {
		t.Errorf("the report file has mode %v, want 0600", fi.Mode().Perm())
	}
	if !strings.Contains(stderr, "2 persons counselled, from 4 biographies") {
		t.Errorf("stderr = %q, want the summary", stderr)
	}

	// The file's ending chooses the format.
	xlsxFile := filepath.Join(dir, "h1.xlsx")
	mustMobio(t, env, append(base, "-o", xlsxFile)...)
	f, err := excelize.OpenFile(xlsxFile)
	if err != nil {
		t.Fatalf("the workbook does not open: %v", err)
	}
	defer f.Close()
	if sheets := f.GetSheetList(); len(sheets) < 2 || sheets[0] != "Auswertung Zeitraum" {
		t.Errorf("sheets = %q, want Auswertung Zeitraum first", sheets)
	}
	if v, _ := f.GetCellValue("Auswertung Zeitraum", "B4"); v != "2" {
		t.Errorf("Auswertung Zeitraum!B4 = %q, want 2 persons counselled", v)
	}

	page := mustMobio(t, env, append(base, "--format", "html")...)
	if !strings.HasPrefix(page, "<!DOCTYPE html>") || !strings.Contains(page, "<svg") {
		t.Errorf("--format html printed no page with charts:\n%.300s", page)
	}

	// An existing file is kept unless --force.
	if _, _, err := mobio(t, env, append(base, "-o", csvFile)...); !errors.Is(err, os.ErrExist) {
		t.Errorf("report caseload over an existing file: %v, want os.ErrExist", err)
	}
	mustMobio(t, env, append(base, "-o", csvFile, "--force")...)
}

func TestReportCaseloadDefinitionFromFile(t *testing.T) {
	env := caseworkHome(t, reportPeople)
	dir := t.TempDir()
	var def map[string]any
	if err := json.Unmarshal([]byte(mustMobio(t, env, "report", "definition")), &def); err != nil {
		t.Fatalf("report definition printed invalid JSON: %v", err)
	}
	def["id"] = "landkreis-2026"
	def["indicators"] = []any{map[string]any{
		"id": "by_nationality", "population": "persons_counselled", "rows": "nationality",
		"label": map[string]any{"de": "Personen nach Herkunftsland"},
	}}
	data, _ := json.Marshal(def)
	file := filepath.Join(dir, "def.json")
	if err := os.WriteFile(file, data, 0o600); err != nil {
		t.Fatal(err)
	}
	out := mustMobio(t, env, "report", "caseload", "--from", "2026-01-01", "--to", "2026-06-30", "--definition", file)
	for _, want := range []string{"Auswertungsdefinition;landkreis-2026", "Personen nach Herkunftsland", "Syrien;1", "Afghanistan;1", "Insgesamt;2"} {
		if !strings.Contains(out, want) {
			t.Errorf("the report lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "Beratungskontakte") {
		t.Error("the report has a table its definition does not name")
	}
}

func TestReportCaseloadRefuses(t *testing.T) {
	env := caseworkHome(t, nil)
	bad := filepath.Join(t.TempDir(), "bad.json")
	if err := os.WriteFile(bad, []byte(`{"id": "x"}`), 0o600); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		args []string
		want error
	}{
		{"not a date", []string{"--from", "Januar", "--to", "2026-06-30"}, errBadValue},
		{"ends before it starts", []string{"--from", "2026-06-30", "--to", "2026-01-01"}, errBadValue},
		{"unknown format", []string{"--from", "2026-01-01", "--to", "2026-06-30", "--format", "pdf"}, errBadValue},
		{"invalid definition", []string{"--from", "2026-01-01", "--to", "2026-06-30", "--definition", bad}, report.ErrDefinition},
		{"missing definition", []string{"--from", "2026-01-01", "--to", "2026-06-30", "--definition", bad + ".gone"}, os.ErrNotExist},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, err := mobio(t, env, append([]string{"report", "caseload"}, tt.args...)...)
			if !errors.Is(err, tt.want) {
				t.Errorf("report caseload %s: %v, want %v", strings.Join(tt.args, " "), err, tt.want)
			}
		})
	}
	if _, _, err := mobio(t, env, "report", "caseload", "--to", "2026-06-30"); err == nil || !strings.Contains(err.Error(), "from") {
		t.Errorf("report caseload without --from: %v, want an error naming --from", err)
	}
}

func TestReportOfAnEmptyStore(t *testing.T) {
	env := caseworkHome(t, nil)
	out := mustMobio(t, env, "report", "caseload", "--from", "2026-01-01", "--to", "2026-06-30")
	if !strings.Contains(out, "Beratene Personen im Zeitraum;0") {
		t.Errorf("report of no biographies:\n%s", out)
	}
	lines := strings.Split(out, "\r\n")
	if !slices.Contains(lines, "Insgesamt;0;0;0;0;0") {
		t.Error("the empty report lacks its zero totals")
	}
}
