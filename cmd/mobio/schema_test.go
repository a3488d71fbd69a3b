package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"

	"github.com/mobio-sync/mobio/crdt/schema"
)

func TestSchemaExportIsJSONWithSectionsAndCodeLists(t *testing.T) {
	out, _, err := mobio(t, nil, "schema", "export")
	if err != nil {
		t.Fatal(err)
	}
	var doc map[string]any
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatalf("mobio schema export printed invalid JSON: %v", err)
	}
	// The member names depend on Catalogue's JSON form; look them up loosely.
	keys := map[string]bool{}
	for k := range doc {
		keys[strings.ReplaceAll(strings.ToLower(k), "_", "")] = true
	}
	for _, want := range []string{"sections", "codelists"} {
		if !keys[want] {
			t.Errorf("mobio schema export: top-level members %v, want one named like %q", keys, want)
		}
	}
	strs := map[string]bool{}
	collectStrings(doc, strs)
	cat := schema.Default()
	for _, s := range cat.Sections {
		if !strs[s.Key] {
			t.Errorf("mobio schema export: section %q missing", s.Key)
		}
	}
	for _, l := range cat.CodeLists {
		if !strs[l.Key] {
			t.Errorf("mobio schema export: code list %q missing", l.Key)
		}
	}
}

// collectStrings adds every string in the decoded JSON value v, and every member name, to set.
func collectStrings(v any, set map[string]bool) {
	switch v := v.(type) {
	case string:
		set[v] = true
	case []any:
		for _, e := range v {
			collectStrings(e, set)
		}
	case map[string]any:
		for k, e := range v {
			set[k] = true
			collectStrings(e, set)
		}
	}
}

func TestSchemaExportOutputFile(t *testing.T) {
	stdout, _, err := mobio(t, nil, "schema", "export")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	name := filepath.Join(dir, "schema.json")
	if err := os.WriteFile(name, []byte("old content"), 0o600); err != nil {
		t.Fatal(err)
	}
	out, _, err := mobio(t, nil, "schema", "export", "--output", name)
	if err != nil {
		t.Fatal(err)
	}
	if out != "" {
		t.Errorf("mobio schema export --output printed %q, want nothing", out)
	}
	got, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, []byte(stdout)) {
		t.Errorf("mobio schema export --output wrote %d bytes, want the %d bytes printed without it", len(got), len(stdout))
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("mobio schema export --output left %d files in its directory, want 1", len(entries))
	}
	if _, _, err := mobio(t, nil, "schema", "export", "--output", filepath.Join(dir, "missing", "x.json")); err == nil {
		t.Errorf("mobio schema export into a missing directory succeeded, want an error")
	}
}

func TestSchemaShow(t *testing.T) {
	cat := schema.Default()
	first, last := cat.Sections[0], cat.Sections[len(cat.Sections)-1]
	allLabels := func(lang string) []string {
		var out []string
		for _, s := range cat.Sections {
			out = append(out, s.Label.In(lang))
		}
		return out
	}
	// configured returns the environment of a home whose config.toml sets lang.
	configured := func(lang string) map[string]string {
		dir := t.TempDir()
		if err := os.WriteFile(filepath.Join(dir, configFileName), []byte("lang = \""+lang+"\"\n"), 0o600); err != nil {
			t.Fatal(err)
		}
		return map[string]string{"HOME": dir, "MOBIO_HOME": dir}
	}
	tests := []struct {
		name    string
		env     map[string]string
		args    []string
		want    []string // substrings of stdout
		wantErr string   // substring of the error; "" for success
	}{
		{name: "without language every section is in German", args: nil, want: allLabels("de")},
		{name: "the configuration's lang chooses the language", env: with(configured("ar"), "LANG", "fr_FR.UTF-8"), want: allLabels("ar")},
		{name: "MOBIO_LANG wins over the configuration", env: with(configured("ar"), "MOBIO_LANG", "en"), want: allLabels("en")},
		{name: "a wrong lang in the configuration fails", env: configured("tr"), wantErr: "lang in "},
		{name: "--lang ar prints Arabic labels", args: []string{"--lang", "ar"}, want: allLabels("ar")},
		{name: "MOBIO_LANG chooses the language", env: map[string]string{"MOBIO_LANG": "fa"}, want: allLabels("fa")},
		{name: "--lang wins over MOBIO_LANG", env: map[string]string{"MOBIO_LANG": "fa"}, args: []string{"--lang", "en"}, want: allLabels("en")},
		{name: "LANG's language is used when it is one of the five", env: map[string]string{"LANG": "fr_FR.UTF-8"}, want: allLabels("fr")},
		{name: "another LANG falls back to German", env: map[string]string{"LANG": "C.UTF-8"}, want: allLabels("de")},
		{name: "a section by key", args: []string{first.Key}, want: []string{first.Label.De, "[" + first.Key}},
		{name: "a section by lower-case letter", args: []string{strings.ToLower(first.Letter)}, want: []string{first.Label.De, "[" + first.Key}},
		{name: "unknown section fails naming the valid ones", args: []string{"religion"},
			wantErr: `unknown section "religion"; valid sections: ` + first.Key + " (" + first.Letter + ")"},
		{name: "unknown language fails naming the valid ones", args: []string{"--lang", "tr"},
			wantErr: `unknown language "tr" in --lang; valid languages: de, en, ar, fa, fr`},
		{name: "unknown MOBIO_LANG fails", env: map[string]string{"MOBIO_LANG": "klingon"}, wantErr: "in $MOBIO_LANG"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			args := append([]string{"schema", "show"}, tt.args...)
			out, _, err := mobio(t, tt.env, args...)
			checkErr(t, args, err, tt.wantErr)
			for _, w := range tt.want {
				if !strings.Contains(out, w) {
					t.Errorf("mobio %s printed\n%s\nwant it to contain %q", strings.Join(args, " "), out, w)
				}
			}
		})
	}

	t.Run("one section leaves the others out", func(t *testing.T) {
		out, _, err := mobio(t, nil, "schema", "show", first.Key)
		if err != nil {
			t.Fatal(err)
		}
		if len(cat.Sections) > 1 && strings.Contains(out, "["+last.Key) {
			t.Errorf("mobio schema show %s printed section %s too:\n%s", first.Key, last.Key, out)
		}
	})
	t.Run("Arabic labels are in Arabic script", func(t *testing.T) {
		out, _, err := mobio(t, nil, "schema", "show", "--lang", "ar")
		if err != nil {
			t.Fatal(err)
		}
		if !strings.ContainsFunc(out, func(r rune) bool { return unicode.Is(unicode.Arabic, r) }) {
			t.Errorf("mobio schema show --lang ar printed no Arabic letter:\n%s", out)
		}
	})
	t.Run("secret fields are never printed", func(t *testing.T) {
		secret := secretFieldKeys(cat)
		if len(secret) == 0 {
			t.Skip("the catalogue has no secret field")
		}
		out, _, err := mobio(t, nil, "schema", "show")
		if err != nil {
			t.Fatal(err)
		}
		for _, line := range strings.Split(out, "\n") {
			if f := strings.Fields(line); len(f) > 0 && secret[f[0]] {
				t.Errorf("mobio schema show printed secret field %q: %q", f[0], line)
			}
		}
	})
}

// secretFieldKeys returns the keys of secret fields that no other field shares.
func secretFieldKeys(cat *schema.Catalogue) map[string]bool {
	secret, open := map[string]bool{}, map[string]bool{}
	var walk func([]schema.Field)
	walk = func(fields []schema.Field) {
		for _, f := range fields {
			if f.Secret {
				secret[f.Key] = true
			} else {
				open[f.Key] = true
			}
			walk(f.Item)
		}
	}
	for _, s := range cat.Sections {
		walk(s.Fields)
	}
	for k := range open {
		delete(secret, k)
	}
	return secret
}

func TestSchemaCodes(t *testing.T) {
	cat := schema.Default()
	list := cat.CodeLists[0]
	var codeLines []string
	for _, c := range list.Codes {
		codeLines = append(codeLines, c.Code+" ")
		codeLines = append(codeLines, c.Label.En+"\n")
	}
	var listKeys []string
	for _, l := range cat.CodeLists {
		listKeys = append(listKeys, l.Key)
	}
	tests := []struct {
		name    string
		env     map[string]string
		args    []string
		want    []string
		wantErr string
	}{
		{name: "codes of a list with labels in --lang", args: []string{list.Key, "--lang", "en"}, want: codeLines},
		{name: "without LIST every code list is printed", args: nil, want: listKeys},
		{name: "unknown list fails naming the valid lists", args: []string{"religions"},
			wantErr: `unknown code list "religions"; valid code lists: ` + strings.Join(listKeys, ", ")},
		{name: "two lists are one too many", args: []string{list.Key, list.Key}, wantErr: "accepts at most 1 arg(s)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			args := append([]string{"schema", "codes"}, tt.args...)
			out, _, err := mobio(t, tt.env, args...)
			checkErr(t, args, err, tt.wantErr)
			for _, w := range tt.want {
				if !strings.Contains(out, w) {
					t.Errorf("mobio %s printed\n%s\nwant it to contain %q", strings.Join(args, " "), out, w)
				}
			}
		})
	}
}

func TestSchemaCodesJSON(t *testing.T) {
	list := schema.Default().CodeLists[0]
	out, _, err := mobio(t, map[string]string{"MOBIO_LANG": "ar"}, "schema", "codes", list.Key, "--json")
	if err != nil {
		t.Fatal(err)
	}
	var got codesJSON
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("mobio schema codes --json printed invalid JSON %q: %v", out, err)
	}
	if got.List != list.Key || got.Lang != "ar" || len(got.Codes) != len(list.Codes) {
		t.Fatalf("mobio schema codes %s --json = list %q, lang %q, %d codes; want %q, ar, %d codes",
			list.Key, got.List, got.Lang, len(got.Codes), list.Key, len(list.Codes))
	}
	for i, c := range list.Codes {
		if want := (codeJSON{Code: c.Code, Label: c.Label.Ar}); got.Codes[i] != want {
			t.Errorf("code %d = %+v, want %+v", i, got.Codes[i], want)
		}
	}

	out, _, err = mobio(t, nil, "schema", "codes", "--json")
	if err != nil {
		t.Fatal(err)
	}
	var lists []codeListJSON
	if err := json.Unmarshal([]byte(out), &lists); err != nil {
		t.Fatalf("mobio schema codes --json printed invalid JSON: %v", err)
	}
	if len(lists) != len(schema.Default().CodeLists) {
		t.Errorf("mobio schema codes --json printed %d lists, want %d", len(lists), len(schema.Default().CodeLists))
	}
}
