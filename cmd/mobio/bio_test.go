package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/mobio-sync/mobio/crdt/schema"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// bioHome returns the environment of a home with an identity and one biography titled
// "Amina K.", and the biography's ID.
func bioHome(t *testing.T) (map[string]string, string) {
	t.Helper()
	env := testHome(t)
	newIdentity(t, env)
	id := strings.TrimSpace(mustMobio(t, env, "bio", "new", "--title", "Amina K."))
	return env, id
}

// exported returns the sections of `bio export DOC` as decoded JSON.
func exported(t *testing.T, env map[string]string, doc string) map[string]any {
	t.Helper()
	var v struct {
		Sections map[string]any `json:"sections"`
	}
	out := mustMobio(t, env, "bio", "export", doc)
	if err := json.Unmarshal([]byte(out), &v); err != nil {
		t.Fatalf("bio export printed invalid JSON: %v\n%s", err, out)
	}
	return v.Sections
}

// lookup follows keys through decoded JSON; list entries are found by their "id".
func lookup(v any, keys ...string) any {
	for _, k := range keys {
		switch x := v.(type) {
		case map[string]any:
			v = x[k]
		case []any:
			v = nil
			for _, e := range x {
				if m, ok := e.(map[string]any); ok && m["id"] == k {
					v = m
				}
			}
		default:
			return nil
		}
	}
	return v
}

func asJSON(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}

func TestBioNewListAndDocumentNames(t *testing.T) {
	env, amina := bioHome(t)
	if len(amina) != 26 {
		t.Fatalf("bio new printed %q, want a document ID", amina)
	}
	other := strings.TrimSpace(mustMobio(t, env, "bio", "new", "--title", "Amir S."))

	var docs []docJSON
	if err := json.Unmarshal([]byte(mustMobio(t, env, "bio", "list", "--json")), &docs); err != nil {
		t.Fatal(err)
	}
	if len(docs) != 2 {
		t.Fatalf("bio list --json listed %d documents, want 2: %+v", len(docs), docs)
	}
	for _, d := range docs {
		if d.Role != "owner" || d.Pending == 0 {
			t.Errorf("bio list: %+v, want role owner and changes pending for the relay", d)
		}
	}
	out := mustMobio(t, env, "bio", "list")
	for _, want := range []string{"Amina K.", "Amir S.", amina[:8], other[:8], "owner"} {
		if !strings.Contains(out, want) {
			t.Errorf("bio list printed\n%s\nwant it to contain %q", out, want)
		}
	}

	// Both titles begin with "am"; so may a random document ID, which would then win (an ID
	// prefix is looked up before a title's beginning): use "ami" in that case.
	bothTitles := "am"
	if strings.HasPrefix(amina, bothTitles) || strings.HasPrefix(other, bothTitles) {
		bothTitles = "ami"
	}
	tests := []struct {
		name    string
		doc     string
		want    string // the ID it names
		wantErr error
	}{
		{name: "full ID", doc: amina, want: amina},
		{name: "ID in capitals", doc: strings.ToUpper(amina), want: amina},
		{name: "unique beginning of the ID", doc: other[:6], want: other},
		{name: "title in any case", doc: "amina k.", want: amina},
		{name: "beginning of a title", doc: "amir", want: other},
		{name: "beginning of two titles", doc: bothTitles, wantErr: errAmbiguousDoc},
		{name: "nothing matches", doc: "zzz", wantErr: errNoDoc},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, err := mobio(t, env, "bio", "set", tt.doc, "person.given_names", "X")
			if tt.wantErr != nil {
				if !errors.Is(err, tt.wantErr) {
					t.Fatalf("bio set %s: %v, want %v", tt.doc, err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			show := mustMobio(t, env, "bio", "show", tt.want)
			if !strings.Contains(show, "Given name(s):") {
				t.Errorf("bio set %s did not set the field of %s:\n%s", tt.doc, tt.want, show)
			}
		})
	}

	empty := testHome(t)
	newIdentity(t, empty)
	if out := mustMobio(t, empty, "bio", "list"); !strings.Contains(out, "mobio bio new") {
		t.Errorf("bio list without documents printed %q, want a hint to create one", out)
	}
}

func TestBioSetParsesWhatPeopleType(t *testing.T) {
	env, doc := bioHome(t)
	tests := []struct {
		name  string
		args  []string // after DOC
		path  []string // in the export's sections
		want  string   // JSON the export holds at path, or a part of it
		wantN string   // for sets: the JSON of the values
	}{
		{name: "string", args: []string{"person.given_names", "Amina"}, path: []string{"person", "given_names", "value"}, want: `"Amina"`},
		{name: "date in Arabic-Indic digits", args: []string{"person.date_of_birth", "١٩٩٠-٠٥-١٧"}, path: []string{"person", "date_of_birth", "value"}, want: `"1990-05-17"`},
		{name: "German date with unknown day and month", args: []string{"person.arrival_in_germany", "00.00.2015"}, path: []string{"person", "arrival_in_germany", "value"}, want: `"2015"`},
		{name: "uncertain date with ~", args: []string{"person.allocation_date", "۲۰۱۶-۰۳~"}, path: []string{"person", "allocation_date", "uncertain"}, want: `true`},
		{name: "uncertain date with --uncertain", args: []string{"person.move_to_au_date", "2017", "--uncertain"}, path: []string{"person", "move_to_au_date", "uncertain"}, want: `true`},
		{name: "code in lower case", args: []string{"person.country_of_birth", "sy"}, path: []string{"person", "country_of_birth", "value"}, want: `"SY"`},
		{name: "code by its German label", args: []string{"person.interpreter_language", "Englisch"}, path: []string{"person", "interpreter_language", "label_de"}, want: `"Englisch"`},
		{name: "set of codes by code and label", args: []string{"person.nationalities", "SY,Irak"}, path: []string{"person", "nationalities", "values"}, want: `["IQ","SY"]`},
		{name: "yes in German", args: []string{"person.interpreter_needed", "ja"}, path: []string{"person", "interpreter_needed", "value"}, want: `true`},
		{name: "number in Persian digits", args: []string{"aspirations.hours_per_week", "۳۰"}, path: []string{"aspirations", "hours_per_week", "value"}, want: `30`},
		{name: "unknown is an answer", args: []string{"person.place_of_birth", "--unknown"}, path: []string{"person", "place_of_birth", "state"}, want: `"unknown"`},
		{name: "declined is another answer", args: []string{"person.gender", "--declined"}, path: []string{"person", "gender", "state"}, want: `"declined"`},
		{name: "provenance: stated by the newcomer", args: []string{"person.family_names", "Khalil", "--source", "self"}, path: []string{"person", "family_names", "provenance", "source"}, want: `"self"`},
		{name: "provenance: who entered it", args: []string{"person.phone", "+49 151 1234", "--source", "counsellor", "--by", "Frau Weber"}, path: []string{"person", "phone", "provenance", "by"}, want: `"Frau Weber"`},
		{name: "free text with its language", args: []string{"skills.occupational_skills", "نجارة", "--input-lang", "ar"}, path: []string{"skills", "occupational_skills", "lang"}, want: `"ar"`},
		{name: "free text takes --lang when it has no language yet", args: []string{"living.interests", "Fußball", "--lang", "de"}, path: []string{"living", "interests", "lang"}, want: `"de"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			args := append([]string{"bio", "set", doc}, tt.args...)
			out := mustMobio(t, env, args...)
			if !strings.Contains(out, tt.args[0]) {
				t.Errorf("mobio %s printed %q, want it to name the field", strings.Join(args, " "), out)
			}
			if got := asJSON(lookup(exported(t, env, doc), tt.path...)); got != tt.want {
				t.Errorf("after mobio %s, export has %s at %s, want %s", strings.Join(args, " "), got, strings.Join(tt.path, "."), tt.want)
			}
		})
	}

	var set setJSON
	if err := json.Unmarshal([]byte(mustMobio(t, env, "bio", "set", doc, "person.family_names", "", "--json")), &set); err != nil {
		t.Fatal(err)
	}
	if set.Path != "person.family_names" || len(set.Problems) != 1 || set.Problems[0].Code != "required" {
		t.Errorf("bio set --json of an emptied required field = %+v, want its path and a required problem", set)
	}

	// --document names the documents.files entry that verifies a value.
	passport := strings.TrimSpace(mustMobio(t, env, "bio", "add", doc, "documents.files", "blob_id=b1", "type=passport"))
	mustMobio(t, env, "bio", "set", doc, "person.date_of_birth", "1990-05-17", "--document", passport[:4])
	if got := asJSON(lookup(exported(t, env, doc), "person", "date_of_birth", "provenance")); !strings.Contains(got, `"document":"`+passport+`"`) || !strings.Contains(got, `"source":"document"`) {
		t.Errorf("provenance after --document = %s, want source document and the entry %s", got, passport)
	}

	// The provenance defaults to this device's identity.
	id := idShow(t, env).ID
	if got := lookup(exported(t, env, doc), "person", "given_names", "provenance", "by"); got != id {
		t.Errorf("provenance by = %v, want the identity %s", got, id)
	}
	// An empty value clears the field.
	mustMobio(t, env, "bio", "set", doc, "person.given_names", "")
	if got := lookup(exported(t, env, doc), "person", "given_names"); got != nil {
		t.Errorf("after setting \"\", given_names = %v, want it gone", got)
	}
}

func TestBioSetRefusesWhatCannotBeAValue(t *testing.T) {
	env, doc := bioHome(t)
	mustMobio(t, env, "bio", "set", doc, "person.date_of_birth", "1990")
	tests := []struct {
		name    string
		args    []string // after DOC
		wantIs  error
		wantErr []string
	}{
		{name: "impossible date", args: []string{"person.date_of_birth", "1990-02-30"}, wantIs: errBadValue,
			wantErr: []string{"person.date_of_birth", "YYYY-MM"}},
		{name: "code not in its list", args: []string{"person.country_of_birth", "Atlantis"}, wantIs: errBadValue,
			wantErr: []string{"not a code of the list country", "mobio schema codes country"}},
		{name: "not yes or no", args: []string{"person.interpreter_needed", "maybe"}, wantIs: errBadValue, wantErr: []string{"yes or no"}},
		{name: "unknown field", args: []string{"person.shoe_size", "42"}, wantIs: errBadPath, wantErr: []string{"person.shoe_size", "mobio schema show"}},
		{name: "unknown section", args: []string{"hobbies.x", "1"}, wantIs: errBadPath, wantErr: []string{"hobbies"}},
		{name: "a list is not set", args: []string{"work.jobs", "x"}, wantIs: errBadPath, wantErr: []string{"mobio bio add"}},
		{name: "unknown entry", args: []string{"work.jobs.abc.employer", "x"}, wantErr: []string{"no entry abc in work.jobs"}},
		{name: "--unknown with a value", args: []string{"person.gender", "f", "--unknown"}, wantErr: []string{"--unknown or --declined"}},
		{name: "--unknown on free text", args: []string{"living.interests", "--unknown"}, wantIs: errBadValue, wantErr: []string{"single-value"}},
		{name: "bad --source", args: []string{"person.gender", "f", "--source", "neighbour"}, wantIs: errBadValue, wantErr: []string{"self, counsellor or document"}},
		{name: "--uncertain on a code", args: []string{"person.gender", "f", "--uncertain"}, wantIs: errBadValue, wantErr: []string{"not a date"}},
		{name: "message in Arabic", args: []string{"person.country_of_birth", "Atlantis", "--lang", "ar"}, wantErr: []string{"ليس رمزًا من القائمة country"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			args := append([]string{"bio", "set", doc}, tt.args...)
			_, _, err := mobio(t, env, args...)
			for _, w := range tt.wantErr {
				checkErr(t, args, err, w)
			}
			if tt.wantIs != nil && !errors.Is(err, tt.wantIs) {
				t.Errorf("mobio %s: %v, want it to match %v", strings.Join(args, " "), err, tt.wantIs)
			}
			if strings.Contains(err.Error(), "Atlantis") || strings.Contains(err.Error(), "maybe") {
				t.Errorf("the error repeats the value: %v", err)
			}
		})
	}
	if got := lookup(exported(t, env, doc), "person", "date_of_birth", "value"); got != "1990" {
		t.Errorf("a refused value changed the document: date_of_birth = %v, want 1990", got)
	}
}

func TestBioAddAndRemove(t *testing.T) {
	env, doc := bioHome(t)
	entry := strings.TrimSpace(mustMobio(t, env, "bio", "add", doc, "work.jobs", "country=Syrien", "employer=Bakery Haddad", "start=2015", "end=2019-08", "--source", "self"))
	if len(entry) != 16 {
		t.Fatalf("bio add printed %q, want the new entry's ID", entry)
	}
	job := lookup(exported(t, env, doc), "work", "jobs", entry)
	for path, want := range map[string]any{"country.value": "SY", "employer.value": "Bakery Haddad", "end.value": "2019-08", "start.provenance.source": "self"} {
		if got := lookup(job, strings.Split(path, ".")...); got != want {
			t.Errorf("job entry %s = %v, want %v", path, got, want)
		}
	}

	// Paths take a unique beginning of the entry's ID.
	mustMobio(t, env, "bio", "set", doc, "work.jobs."+entry[:4]+".employer", "Bäckerei Haddad")
	if got := lookup(exported(t, env, doc), "work", "jobs", entry, "employer", "value"); got != "Bäckerei Haddad" {
		t.Errorf("employer = %v after setting it by a short entry ID", got)
	}

	// A failed assignment adds nothing.
	if _, _, err := mobio(t, env, "bio", "add", doc, "work.jobs", "country=Atlantis"); err == nil {
		t.Error("bio add with an unknown code succeeded")
	}
	if _, _, err := mobio(t, env, "bio", "add", doc, "work.jobs", "salary=1"); !errors.Is(err, errBadPath) {
		t.Errorf("bio add with an unknown field: %v, want errBadPath", err)
	}
	if jobs := lookup(exported(t, env, doc), "work", "jobs").([]any); len(jobs) != 1 {
		t.Errorf("after failed adds, %d jobs, want 1", len(jobs))
	}

	// Codes are added to a set, and removed.
	mustMobio(t, env, "bio", "add", doc, "person.nationalities", "SY")
	mustMobio(t, env, "bio", "add", doc, "person.nationalities", "iq", "Afghanistan")
	if got := asJSON(lookup(exported(t, env, doc), "person", "nationalities", "values")); got != `["AF","IQ","SY"]` {
		t.Errorf("nationalities after two adds = %s", got)
	}
	mustMobio(t, env, "bio", "remove", doc, "person.nationalities", "IQ")
	if got := asJSON(lookup(exported(t, env, doc), "person", "nationalities", "values")); got != `["AF","SY"]` {
		t.Errorf("nationalities after removing IQ = %s", got)
	}

	// A field is cleared; an entry is removed by its list and ID, or by its path.
	mustMobio(t, env, "bio", "set", doc, "person.phone", "0151")
	mustMobio(t, env, "bio", "remove", doc, "person.phone")
	if got := lookup(exported(t, env, doc), "person", "phone"); got != nil {
		t.Errorf("phone after remove = %v, want none", got)
	}
	if _, _, err := mobio(t, env, "bio", "remove", doc, "work.jobs"); !errors.Is(err, errBadPath) {
		t.Errorf("bio remove of a list without an entry: %v, want errBadPath", err)
	}
	second := strings.TrimSpace(mustMobio(t, env, "bio", "add", doc, "work.jobs"))
	var removed map[string][]editChange
	if err := json.Unmarshal([]byte(mustMobio(t, env, "bio", "remove", doc, "work.jobs", entry[:5], "--json")), &removed); err != nil {
		t.Fatal(err)
	}
	if want := (editChange{"removed", "work.jobs." + entry}); len(removed["changes"]) != 1 || removed["changes"][0] != want {
		t.Errorf("bio remove --json = %+v, want %+v", removed, want)
	}
	mustMobio(t, env, "bio", "remove", doc, "work.jobs."+second)
	if got := lookup(exported(t, env, doc), "work", "jobs"); got != nil {
		t.Errorf("jobs after removing both = %v, want none", got)
	}
}

func TestBioShowGolden(t *testing.T) {
	env, doc := bioHome(t)
	for _, args := range [][]string{
		{"person.family_names", "Khalil", "--source", "document"},
		{"person.given_names", "Amina", "--source", "self"},
		{"person.date_of_birth", "1990-05~", "--source", "document"},
		{"person.gender", "--declined"},
		{"person.nationalities", "SY"},
		{"person.interpreter_needed", "yes"},
		{"languages.german_level", "B1", "--source", "counsellor"},
		{"skills.occupational_skills", "نجارة", "--input-lang", "ar"},
	} {
		mustMobio(t, env, append([]string{"bio", "set", doc}, args...)...)
	}
	for _, lang := range []string{"de", "en", "ar"} {
		t.Run(lang, func(t *testing.T) {
			out := mustMobio(t, env, "bio", "show", "amina", "--lang", lang)
			out = strings.ReplaceAll(out, doc, "DOCID")
			golden(t, filepath.Join("testdata", "bio-show-"+lang+".golden"), out)
		})
	}
	out := mustMobio(t, env, "bio", "show", "amina", "E")
	if strings.Contains(out, "Khalil") || !strings.Contains(out, "B1") {
		t.Errorf("bio show DOC E printed\n%s\nwant section E (languages) only", out)
	}
}

// golden compares got with the file name, or rewrites the file with -update.
func golden(t *testing.T, name, got string) {
	t.Helper()
	if *update {
		if err := os.WriteFile(name, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(name)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if got != string(want) {
		t.Errorf("output differs from %s (go test -update rewrites it):\ngot:\n%s\nwant:\n%s", name, got, want)
	}
}

func TestBioCheckReportsProblemsInTheLanguage(t *testing.T) {
	env, doc := bioHome(t)
	entry := strings.TrimSpace(mustMobio(t, env, "bio", "add", doc, "work.jobs", "start=2019", "end=2015"))
	out, _, err := mobio(t, env, "bio", "check", doc, "--lang", "de")
	if !errors.Is(err, errProblems) {
		t.Fatalf("bio check of an incomplete biography: %v, want errProblems", err)
	}
	for _, want := range []string{"person.family_names", "work.jobs." + entry + ".end", "Zu prüfen"} {
		if !strings.Contains(out, want) {
			t.Errorf("bio check printed\n%s\nwant it to contain %q", out, want)
		}
	}
	var problems []problemJSON
	out, _, _ = mobio(t, env, "bio", "check", doc, "--json")
	if err := json.Unmarshal([]byte(out), &problems); err != nil || len(problems) == 0 {
		t.Fatalf("bio check --json: %v, %d problems\n%s", err, len(problems), out)
	}
	for _, a := range [][]string{{"person.family_names", "Khalil"}, {"person.given_names", "Amina"}, {"person.date_of_birth", "1990"}, {"work.jobs." + entry + ".end", "2020"}} {
		mustMobio(t, env, "bio", "set", doc, a[0], a[1])
	}
	if out, _, err := mobio(t, env, "bio", "check", doc); err != nil {
		t.Errorf("bio check of a complete biography: %v\n%s", err, out)
	}
}

func TestBioSetShowsTheProblemsOfTheField(t *testing.T) {
	env, doc := bioHome(t)
	entry := strings.TrimSpace(mustMobio(t, env, "bio", "add", doc, "work.jobs", "start=2019"))
	_, errOut, err := mobio(t, env, "bio", "set", doc, "work.jobs."+entry+".end", "2015")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(errOut, "work.jobs."+entry+".end") || strings.Contains(errOut, "family_names") {
		t.Errorf("bio set printed on stderr\n%s\nwant the end date's problem and no other", errOut)
	}
}

func TestBioExport(t *testing.T) {
	env, doc := bioHome(t)
	mustMobio(t, env, "bio", "set", doc, "person.nationalities", "SY")
	mustMobio(t, env, "bio", "set", doc, "person.date_of_birth", "1990")
	yamlOut := mustMobio(t, env, "bio", "export", doc, "--format", "yaml")
	for _, want := range []string{fmt.Sprintf("schema_version: %d", schema.Version), "nationalities:", "- SY", "- Syrien", `value: "1990"`} {
		if !strings.Contains(yamlOut, want) {
			t.Errorf("bio export --format yaml printed\n%s\nwant it to contain %q", yamlOut, want)
		}
	}
	if strings.Index(yamlOut, "date_of_birth") > strings.Index(yamlOut, "nationalities") {
		t.Errorf("bio export --format yaml does not keep the catalogue's order:\n%s", yamlOut)
	}
	file := filepath.Join(t.TempDir(), "amina.json")
	mustMobio(t, env, "bio", "export", doc, "-o", file)
	fi, err := os.Stat(file)
	if err != nil {
		t.Fatal(err)
	}
	if fi.Mode().Perm() != 0o600 {
		t.Errorf("export file mode %v, want 0600: it holds personal data", fi.Mode().Perm())
	}
	b, _ := os.ReadFile(file)
	if string(b) != mustMobio(t, env, "bio", "export", doc) {
		t.Error("bio export -o wrote something else than bio export prints")
	}
	if _, _, err := mobio(t, env, "bio", "export", doc, "-o", file); !errors.Is(err, os.ErrExist) {
		t.Errorf("export over an existing file: %v, want a refusal", err)
	}
	mustMobio(t, env, "bio", "export", doc, "-o", file, "--force", "--format", "yaml")
	if _, _, err := mobio(t, env, "bio", "export", doc, "--format", "xml"); err == nil {
		t.Error("bio export --format xml succeeded")
	}
}
