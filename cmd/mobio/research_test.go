package main

import (
	"crypto/sha256"
	"encoding/csv"
	"encoding/hex"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/mobio-sync/mobio/casework/research"
)

// researchPeople: five alike who consented, one whose consent was withdrawn, one without.
func researchPeople() []map[string]string {
	var people []map[string]string
	for range 5 {
		people = append(people, map[string]string{
			"person.given_names": "Amina", "person.gender": "w", "person.date_of_birth": "1994-04-04",
			"person.nationalities": "SY", "person.municipality": "08222000", "person.arrival_in_germany": "2016-02-10",
			"residence.residence_status": "AE_25_2_GFK", "consent": "RESEARCH_ANON",
		})
	}
	return append(people,
		map[string]string{"person.given_names": "Omar", "person.gender": "m", "consent": "withdrawn"},
		map[string]string{"person.given_names": "Rasha", "person.gender": "w"},
	)
}

func researchLog(t *testing.T, env map[string]string) []research.LogEntry {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(env["MOBIO_HOME"], researchLogName))
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		t.Fatal(err)
	}
	var out []research.LogEntry
	for _, line := range strings.Split(strings.TrimSpace(string(data)), "\n") {
		var e research.LogEntry
		if err := json.Unmarshal([]byte(line), &e); err != nil {
			t.Fatalf("log line %q is not JSON: %v", line, err)
		}
		out = append(out, e)
	}
	return out
}

func TestResearchExportWritesAndLogs(t *testing.T) {
	env := caseworkHome(t, researchPeople())
	who := newIdentityID(t, env)
	file := filepath.Join(t.TempDir(), "research.csv")
	_, stderr, err := mobio(t, env, "research", "export", "--k", "5", "-o", file, "--yes")
	if err != nil {
		t.Fatalf("research export: %v\n%s", err, stderr)
	}
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(strings.NewReader(string(data))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 6 || rows[0][0] != "forschungs_id" {
		t.Fatalf("the export has %d rows, want a header and the 5 persons who consented:\n%s", len(rows), data)
	}
	if strings.Contains(string(data), "Amina") || strings.Contains(string(data), "2016-02-10") {
		t.Error("the export contains a name or an exact date")
	}
	if !strings.Contains(stderr, "5 of 7 biographies") || !strings.Contains(stderr, "5 records written") {
		t.Errorf("stderr = %q, want what leaves and what was written", stderr)
	}

	log := researchLog(t, env)
	if len(log) != 1 {
		t.Fatalf("the log has %d entries, want 1", len(log))
	}
	sum := sha256.Sum256(data)
	e := log[0]
	if e.SHA256 != hex.EncodeToString(sum[:]) || e.Released != 5 || e.Consented != 5 || e.Considered != 7 || e.K != 5 || e.Who != who {
		t.Errorf("log entry %+v does not describe the export (sha256 %x, by %s)", e, sum, who)
	}
	logData, _ := os.ReadFile(filepath.Join(env["MOBIO_HOME"], researchLogName))
	if strings.Contains(string(logData), rows[1][0]) {
		t.Error("the log contains a research ID")
	}

	// A second export is logged too, with fresh research IDs.
	file2 := filepath.Join(t.TempDir(), "again.csv")
	mustMobio(t, env, "research", "export", "--k", "5", "-o", file2, "--yes")
	if n := len(researchLog(t, env)); n != 2 {
		t.Errorf("the log has %d entries after two exports, want 2", n)
	}
	again, _ := os.ReadFile(file2)
	if strings.Contains(string(again), rows[1][0]) {
		t.Error("a research ID came back in the next export")
	}
}

// newIdentityID returns the ID of the home's identity.
func newIdentityID(t *testing.T, env map[string]string) string {
	t.Helper()
	var info identityJSON
	if err := json.Unmarshal([]byte(mustMobio(t, env, "id", "show", "--json")), &info); err != nil {
		t.Fatal(err)
	}
	return info.ID
}

func TestResearchExportAsksFirst(t *testing.T) {
	env := caseworkHome(t, researchPeople())
	dir := t.TempDir()

	noTerminal(t)
	file := filepath.Join(dir, "a.csv")
	if _, _, err := mobio(t, env, "research", "export", "--k", "5", "-o", file); !errors.Is(err, errNotConfirmed) {
		t.Errorf("research export without a terminal or --yes: %v, want errNotConfirmed", err)
	}

	prompts := fakeTerminal(t, "n")
	if _, _, err := mobio(t, env, "research", "export", "--k", "5", "-o", file); !errors.Is(err, errNotConfirmed) {
		t.Errorf("research export answered no: %v, want errNotConfirmed", err)
	}
	if len(*prompts) != 1 {
		t.Errorf("asked %d times, want once", len(*prompts))
	}
	if _, err := os.Stat(file); !errors.Is(err, os.ErrNotExist) {
		t.Error("a refused export wrote its file")
	}
	if log := researchLog(t, env); len(log) != 0 {
		t.Errorf("a refused export was logged: %+v", log)
	}

	fakeTerminal(t, "j")
	mustMobio(t, env, "research", "export", "--k", "5", "-o", file)
	if log := researchLog(t, env); len(log) != 1 {
		t.Errorf("the log has %d entries after one export, want 1", len(log))
	}
}

func TestResearchExportRefuses(t *testing.T) {
	env := caseworkHome(t, nil)
	file := filepath.Join(t.TempDir(), "r.csv")
	tests := []struct {
		name string
		args []string
		want error
	}{
		{"k below 5", []string{"--k", "4", "-o", file}, research.ErrKTooSmall},
		{"unknown quasi-identifier", []string{"--quasi", "altersgruppe,vorname", "-o", file}, research.ErrQuasi},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, _, err := mobio(t, env, append([]string{"research", "export", "--yes"}, tt.args...)...); !errors.Is(err, tt.want) {
				t.Errorf("research export %s: %v, want %v", strings.Join(tt.args, " "), err, tt.want)
			}
		})
	}
	if _, _, err := mobio(t, env, "research", "export", "--yes"); !errors.As(err, new(*usageError)) {
		t.Errorf("research export without -o: %v, want a usage error", err)
	}
	_, stderr, err := mobio(t, env, "research", "export", "--yes", "-o", file)
	if err != nil || !strings.Contains(stderr, "nothing exported") {
		t.Errorf("research export of a store without consents: %v, %q; want nothing exported", err, stderr)
	}
	if _, err := os.Stat(file); !errors.Is(err, os.ErrNotExist) {
		t.Error("an export without consenting persons wrote a file")
	}
}
