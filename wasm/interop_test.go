//go:build !js

package wasm_test

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/automerge/automerge-go"

	"github.com/mobio-sync/mobio/crdt"
)

// The biography that js/interop.test.mjs writes with js/doc.js over @automerge/automerge
// (writeJSBiography there; the two change together).
const (
	jsWritten = "js-written.automerge"
	jsChild   = "aebagbafaydqqcik" // family.household entry
	jsLang    = "culbogazdinryhi6" // languages.other_languages entry
)

func loadJSWritten(t *testing.T) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", jsWritten))
	if err != nil {
		t.Fatalf("read %s (written by node --test js/): %v", jsWritten, err)
	}
	return data
}

// A biography written in the browser reads in automerge-go as its writer meant it: values,
// states, provenance, sets, lists, free text with code points beyond the BMP, translations;
// it passes Validate; and its heads are the ones the browser saw.
func TestJSWrittenBiographyReadsInGo(t *testing.T) {
	b, err := crdt.Load(loadJSWritten(t))
	if err != nil {
		t.Fatalf("crdt.Load(%s) = %v", jsWritten, err)
	}
	self := crdt.Provenance{Source: "self", By: "Amal", At: time.Date(2026, 11, 3, 10, 0, 0, 120e6, time.UTC)}
	scalars := []struct {
		path string
		want string // FieldValue.Text()
		prov crdt.Provenance
	}{
		{"person.family_names", "Haddad", self},
		{"person.given_names", "Amal", self},
		{"person.date_of_birth", "1994-03", self},
		{"person.country_of_birth", "SY", crdt.Provenance{Source: "document", Document: "passport", At: time.Date(2026, 11, 3, 10, 5, 0, 0, time.UTC)}},
		{"person.interpreter_needed", "true", self},
		{"family.household." + jsChild + ".relation", "Kind", self},
		{"family.household." + jsChild + ".birth_year", "2015", self},
		{"family.household." + jsChild + ".same_household", "true", self},
		{"languages.other_languages." + jsLang + ".language", "apc", self},
		{"languages.other_languages." + jsLang + ".level", "B2", self},
	}
	for _, tt := range scalars {
		fv, err := b.Get(tt.path)
		if err != nil {
			t.Errorf("Get(%s) = %v", tt.path, err)
			continue
		}
		if got := fv.Text(); got != tt.want {
			t.Errorf("Get(%s) = %q, want %q", tt.path, got, tt.want)
		}
		if fv.Provenance != tt.prov {
			t.Errorf("Get(%s).Provenance = %+v, want %+v", tt.path, fv.Provenance, tt.prov)
		}
	}
	if fv, _ := b.Get("person.date_of_birth"); !fv.IsUncertain() {
		t.Errorf("person.date_of_birth is certain, want uncertain")
	}
	if fv, _ := b.Get("person.gender"); fv.State() != crdt.StateDeclined {
		t.Errorf("person.gender state = %q, want declined", fv.State())
	}
	if got, _ := b.Codes("person.nationalities"); !slices.Equal(got, []string{"PS", "SY"}) {
		t.Errorf("Codes(person.nationalities) = %q, want [PS SY] (IQ was removed)", got)
	}
	if got, _ := b.Entries("family.household"); !slices.Equal(got, []string{jsChild}) {
		t.Errorf("Entries(family.household) = %q, want only %s (the other was removed)", got, jsChild)
	}
	name, err := b.Text("person.name_original_script")
	if err != nil || name.Text != "أمل حداد" || name.Lang != "ar" {
		t.Errorf("Text(person.name_original_script) = %q in %q, %v; want أمل حداد in ar", name.Text, name.Lang, err)
	}
	interests, err := b.Text("living.interests")
	if err != nil || interests.Text != "أحب الخبز 🍞 الشامي والطبخ" {
		t.Errorf("Text(living.interests) = %q, %v", interests.Text, err)
	}
	tr := interests.Translations["de"]
	if tr.Text != "Ich backe gern 🍞 und koche" || tr.Source != "machine" || tr.Engine != "libretranslate" || tr.Outdated {
		t.Errorf("German translation = %+v, want the machine translation, not outdated", tr)
	}

	if problems := b.Validate(); len(problems) > 0 {
		t.Errorf("Validate() = %v, want no problems", problems)
	}

	want, err := os.ReadFile(filepath.Join("testdata", "js-written.heads"))
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(b.Heads(), "\n") + "\n"; got != string(want) {
		t.Errorf("Heads() = %q, want the browser's %q", got, want)
	}

	// Go goes on editing the browser's document.
	if err := b.Set("person.place_of_birth", crdt.String("Aleppo"), self); err != nil {
		t.Errorf("Set on the loaded document = %v", err)
	}
	if _, err := crdt.Load(b.Save()); err != nil {
		t.Errorf("Load(Save()) after a Go edit = %v", err)
	}
}

// Integers written from JavaScript, whose numbers are all floats, are stored as Automerge
// integers, and strings as scalar strings, as crdt writes them.
func TestJSWrittenBiographyStoresGoKinds(t *testing.T) {
	doc, err := automerge.Load(loadJSWritten(t))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		path []string
		want automerge.Kind
	}{
		{[]string{"schema_version"}, automerge.KindInt64},
		{[]string{"family", "household", jsChild, "_created"}, automerge.KindInt64},
		{[]string{"family", "household", jsChild, "birth_year", "v"}, automerge.KindInt64},
		{[]string{"family", "household", jsChild, "same_household", "v"}, automerge.KindBool},
		{[]string{"person", "given_names", "v"}, automerge.KindStr},
		{[]string{"person", "given_names", "at"}, automerge.KindStr},
		{[]string{"person", "nationalities", "set", "SY"}, automerge.KindBool},
		{[]string{"living", "interests", "t"}, automerge.KindText},
		{[]string{"living", "interests", "lang"}, automerge.KindStr},
		{[]string{"living", "volunteering", "t"}, automerge.KindText}, // created with the document
	}
	for _, tt := range tests {
		v, err := doc.Path(pathArgs(tt.path)...).Get()
		if err != nil {
			t.Errorf("%s: %v", strings.Join(tt.path, "."), err)
			continue
		}
		if v.Kind() != tt.want {
			t.Errorf("%s is a %s, want a %s", strings.Join(tt.path, "."), v.Kind(), tt.want)
		}
	}
}

func pathArgs(p []string) []any {
	out := make([]any, len(p))
	for i, s := range p {
		out[i] = s
	}
	return out
}
