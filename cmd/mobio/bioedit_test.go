package main

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// fakeEditor returns an editor command that saves the file it is given as view-N (N counting
// its runs from 1) in dir and replaces it with the test's answer: the content of answer-N if
// that exists, else of answer.
func fakeEditor(t *testing.T, dir string) string {
	t.Helper()
	script := filepath.Join(dir, "editor.sh")
	body := `#!/bin/sh
n=$(($(cat "` + dir + `/runs" 2>/dev/null || echo 0) + 1))
echo $n > "` + dir + `/runs"
cp "$1" "` + dir + `/view-$n"
if [ -f "` + dir + `/answer-$n" ]; then cp "` + dir + `/answer-$n" "$1"; else cp "` + dir + `/answer" "$1"; fi
`
	if err := os.WriteFile(script, []byte(body), 0o700); err != nil {
		t.Fatal(err)
	}
	return script
}

func writeFile(t *testing.T, name, content string) {
	t.Helper()
	if err := os.WriteFile(name, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
}

func TestBioEditAppliesOnlyWhatChanged(t *testing.T) {
	env, doc := bioHome(t)
	mustMobio(t, env, "bio", "set", doc, "person.family_names", "Khalil", "--source", "self")
	mustMobio(t, env, "bio", "set", doc, "person.given_names", "Amina")
	mustMobio(t, env, "bio", "set", doc, "person.date_of_birth", "1990-05~", "--source", "document")
	mustMobio(t, env, "bio", "set", doc, "person.nationalities", "SY")
	keep := strings.TrimSpace(mustMobio(t, env, "bio", "add", doc, "work.jobs", "employer=Bakery Haddad", "country=SY"))
	drop := strings.TrimSpace(mustMobio(t, env, "bio", "add", doc, "work.jobs", "employer=Old Job"))
	mustMobio(t, env, "bio", "add", doc, "documents.files", "blob_id=b1", "type=passport")
	before := exported(t, env, doc)

	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "answer"), `# Fields left out change nothing.
person:
  family_names: Haddad
  given_names: ""
  date_of_birth: 1990-05~
  nationalities: [SY, Irak]
work:
  jobs:
    - id: `+keep+`
      employer: Bäckerei Haddad
      country: SY
    - employer: Neue GmbH
      start: ٢٠٢١
`)
	env = with(env, "EDITOR", fakeEditor(t, dir), "LANG", "de_DE.UTF-8")
	out := mustMobio(t, env, "bio", "edit", doc, "--source", "counsellor", "--lang", "de")

	view, err := os.ReadFile(filepath.Join(dir, "view-1"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"family_names: Khalil # Familienname(n)", "date_of_birth: 1990-05~", "nationalities: [SY]", "id: " + drop, "blob_id: b1"} {
		if !strings.Contains(string(view), want) {
			t.Errorf("the editor was given\n%s\nwant it to contain %q", view, want)
		}
	}
	if strings.Contains(string(view), "content_key") {
		t.Error("the edit view shows a secret field")
	}

	after := exported(t, env, doc)
	checks := map[string]any{
		"person.family_names.value":              "Haddad",
		"person.family_names.provenance.source":  "counsellor",
		"person.given_names":                     nil,
		"person.date_of_birth.provenance.at":     lookup(before, "person", "date_of_birth", "provenance", "at"), // untouched
		"person.date_of_birth.provenance.source": "document",
	}
	for path, want := range checks {
		if got := lookup(after, strings.Split(path, ".")...); got != want {
			t.Errorf("after edit, %s = %v, want %v", path, got, want)
		}
	}
	if got := asJSON(lookup(after, "person", "nationalities", "values")); got != `["IQ","SY"]` {
		t.Errorf("after edit, nationalities = %s, want [IQ SY]", got)
	}
	if got := lookup(after, "work", "jobs", keep, "employer", "value"); got != "Bäckerei Haddad" {
		t.Errorf("after edit, the kept job's employer = %v", got)
	}
	if got := lookup(after, "work", "jobs", keep, "country", "provenance", "at"); got != lookup(before, "work", "jobs", keep, "country", "provenance", "at") {
		t.Errorf("the kept job's unchanged country was written again")
	}
	if got := lookup(after, "work", "jobs", drop); got != nil {
		t.Errorf("the job left out of the list is still there: %v", got)
	}
	jobs, _ := lookup(after, "work", "jobs").([]any)
	if len(jobs) != 2 {
		t.Fatalf("after edit, %d jobs, want 2 (one kept, one added)", len(jobs))
	}
	added := jobs[1].(map[string]any)
	if lookup(added, "employer", "value") != "Neue GmbH" || lookup(added, "start", "value") != "2021" {
		t.Errorf("added job %v, want employer Neue GmbH, start 2021", asJSON(added))
	}
	if lookup(after, "documents", "files") == nil {
		t.Error("the edit removed documents.files, which it did not mention")
	}
	for _, want := range []string{"geändert", "person.family_names", "geleert", "person.given_names", "hinzugefügt", "entfernt", "work.jobs." + drop} {
		if !strings.Contains(out, want) {
			t.Errorf("bio edit reported\n%s\nwant it to contain %q", out, want)
		}
	}
	if strings.Contains(out, "date_of_birth") {
		t.Errorf("bio edit reported an unchanged field:\n%s", out)
	}
}

func TestBioEditWithProblemsChangesNothingAndNamesThePaths(t *testing.T) {
	env, doc := bioHome(t)
	mustMobio(t, env, "bio", "set", doc, "person.family_names", "Khalil")
	before := mustMobio(t, env, "bio", "export", doc)
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "answer"), `person:
  family_names: Haddad
  date_of_birth: 1990-02-30
  country_of_birth: Atlantis
  shoe_size: 42
work:
  jobs:
    - id: nosuchentryxxxxx
      employer: X
hobbies: {}
`)
	env = with(env, "EDITOR", fakeEditor(t, dir))
	noTerminal(t)
	_, _, err := mobio(t, env, "bio", "edit", doc)
	if !errors.Is(err, errEditInvalid) {
		t.Fatalf("bio edit with invalid values: %v, want errEditInvalid", err)
	}
	for _, want := range []string{"Nothing was changed", "person.date_of_birth", "person.country_of_birth", "list country", "person.shoe_size", "work.jobs.nosuchentryxxxxx", "hobbies"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error\n%v\nwant it to contain %q", err, want)
		}
	}
	for _, secret := range []string{"Atlantis", "Haddad", "1990-02-30"} {
		if strings.Contains(err.Error(), secret) {
			t.Errorf("the error repeats the value %q:\n%v", secret, err)
		}
	}
	if after := mustMobio(t, env, "bio", "export", doc); after != before {
		t.Errorf("a refused edit changed the biography:\n%s", after)
	}
}

func TestBioEditReopensOnATerminalWithTheProblems(t *testing.T) {
	env, doc := bioHome(t)
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "answer-1"), "person:\n  date_of_birth: 1990-13\n  given_names: Amina\n")
	writeFile(t, filepath.Join(dir, "answer"), "person:\n  date_of_birth: 1990-12\n  given_names: Amina\n")
	env = with(env, "EDITOR", fakeEditor(t, dir))
	fakeTerminal(t)
	out, errOut, err := mobio(t, env, "bio", "edit", doc, "person")
	if err != nil {
		t.Fatalf("bio edit: %v", err)
	}
	second, _ := os.ReadFile(filepath.Join(dir, "view-2"))
	if !strings.HasPrefix(string(second), "# !! ") || !strings.Contains(string(second), "person.date_of_birth") || !strings.Contains(string(second), "1990-13") {
		t.Errorf("the re-opened file is\n%s\nwant the problems at the top and the person's own text below", second)
	}
	if !strings.Contains(errOut, "person.date_of_birth") {
		t.Errorf("stderr %q, want the problems", errOut)
	}
	if !strings.Contains(out, "person.given_names") {
		t.Errorf("bio edit reported %q, want the changes of the second round", out)
	}
	if got := lookup(exported(t, env, doc), "person", "date_of_birth", "value"); got != "1990-12" {
		t.Errorf("date_of_birth = %v, want 1990-12", got)
	}

	// Closing the re-opened file unchanged gives up.
	dir = t.TempDir()
	writeFile(t, filepath.Join(dir, "answer-1"), "person:\n  date_of_birth: 1990-13\n")
	script := fakeEditor(t, dir)
	unchanged := filepath.Join(dir, "unchanged.sh")
	writeFile(t, unchanged, "#!/bin/sh\n[ -f "+dir+"/runs ] && exit 0\nexec "+script+" \"$@\"\n")
	os.Chmod(unchanged, 0o700)
	_, _, err = mobio(t, with(env, "EDITOR", unchanged), "bio", "edit", doc, "person")
	if !errors.Is(err, errEditInvalid) {
		t.Errorf("bio edit closed unchanged after problems: %v, want errEditInvalid", err)
	}
}

func TestBioEditJSON(t *testing.T) {
	env, doc := bioHome(t)
	mustMobio(t, env, "bio", "set", doc, "person.nationalities", "SY")
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "answer"), `{"person": {"given_names": "Amina", "nationalities": ["SY", "AF"]}}`)
	env = with(env, "EDITOR", fakeEditor(t, dir))
	var report map[string][]editChange
	if err := json.Unmarshal([]byte(mustMobio(t, env, "bio", "edit", doc, "--format", "json", "--json")), &report); err != nil {
		t.Fatal(err)
	}
	if want := []editChange{{"changed", "person.given_names"}, {"changed", "person.nationalities"}}; asJSON(report["changes"]) != asJSON(want) {
		t.Errorf("bio edit --json reported %+v, want %+v", report, want)
	}
	view, _ := os.ReadFile(filepath.Join(dir, "view-1"))
	var v map[string]any
	if err := json.Unmarshal(view, &v); err != nil {
		t.Fatalf("the JSON view is not JSON: %v\n%s", err, view)
	}
	if got := asJSON(lookup(v, "person", "nationalities")); got != `["SY"]` {
		t.Errorf("JSON view nationalities = %s, want [\"SY\"]", got)
	}
	after := exported(t, env, doc)
	if lookup(after, "person", "given_names", "value") != "Amina" || asJSON(lookup(after, "person", "nationalities", "values")) != `["AF","SY"]` {
		t.Errorf("after the JSON edit: %s", asJSON(lookup(after, "person")))
	}
	writeFile(t, filepath.Join(dir, "answer"), `{"person": {}} {"work": {}}`)
	if _, _, err := mobio(t, env, "bio", "edit", doc, "--format", "json"); !errors.Is(err, errEditInvalid) {
		t.Errorf("bio edit with text after the JSON object: %v, want errEditInvalid", err)
	}
}

func TestBioEditWithoutChangesOrWithAFailingEditor(t *testing.T) {
	env, doc := bioHome(t)
	before := mustMobio(t, env, "bio", "export", doc)
	tests := []struct {
		name    string
		editor  string
		want    string
		wantErr error
	}{
		{name: "closing without saving changes nothing", editor: "true", want: "no changes"},
		{name: "an editor that fails changes nothing", editor: "false", wantErr: errEditAborted},
		{name: "an emptied file changes nothing", editor: "truncate -s 0", wantErr: errEditAborted},
		{name: "VISUAL comes before EDITOR", editor: "false", want: "no changes"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := with(env, "EDITOR", tt.editor)
			if strings.HasPrefix(tt.name, "VISUAL") {
				e = with(e, "VISUAL", "true")
			}
			out, _, err := mobio(t, e, "bio", "edit", doc)
			if !errors.Is(err, tt.wantErr) {
				t.Fatalf("bio edit: %v, want %v", err, tt.wantErr)
			}
			if !strings.Contains(out, tt.want) {
				t.Errorf("bio edit printed %q, want %q", out, tt.want)
			}
			if after := mustMobio(t, env, "bio", "export", doc); after != before {
				t.Error("the biography changed")
			}
		})
	}
}
