//go:build !js

package caseworkjs

import (
	"fmt"
	"testing"

	"github.com/mobio-sync/mobio/casework"
	"github.com/mobio-sync/mobio/crdt"
	"github.com/mobio-sync/mobio/crdt/schema"
)

// A value a rule writes in the browser is stored as crdt stores it natively: the same value,
// state and uncertainty, and the same inputs refused.
func TestParseScalarStoresWhatCRDTStores(t *testing.T) {
	b, err := crdt.New()
	if err != nil {
		t.Fatal(err)
	}
	job, err := b.AddEntry("work.jobs")
	if err != nil {
		t.Fatal(err)
	}
	file, err := b.AddEntry("documents.files")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct{ path, input string }{
		{"person.family_names", "  Haddad "},
		{"person.family_names", ""},
		{"person.gender", "female"},
		{"person.gender", "FEMALE"},
		{"person.gender", "nope"},
		{"person.gender", "Unknown"},
		{"person.gender", "declined"},
		{"plan.closure_reason", "DECLINED"},
		{"person.date_of_birth", "1994-03-17"},
		{"person.date_of_birth", "1994-03"},
		{"person.date_of_birth", "1994"},
		{"person.date_of_birth", "17.03.1994"},
		{"person.date_of_birth", "00.00.1994"},
		{"person.date_of_birth", "1994-03-17~"},
		{"person.date_of_birth", "١٩٩٤-٠٣-١٧"},
		{"person.date_of_birth", "1994-02-30"},
		{"person.date_of_birth", "1994-00"},
		{"person.date_of_birth", "1700"},
		{"person.date_of_birth", "94-3"},
		{"person.interpreter_needed", "ja"},
		{"person.interpreter_needed", "false"},
		{"person.interpreter_needed", "vielleicht"},
		{"support_needs.disability_degree", "50"},
		{"support_needs.disability_degree", "۵۰"},
		{"support_needs.disability_degree", "500"},
		{"support_needs.disability_degree", "x"},
		{"consents.consents.aaaaaaaaaaaaaaaa.given_at", "2026-11-20T10:30:00.123456+01:00"},
		{"consents.consents.aaaaaaaaaaaaaaaa.given_at", "2026-11-20T09:30:00Z"},
		{"consents.consents.aaaaaaaaaaaaaaaa.given_at", "yesterday"},
		{"person.bamf_file_number", "8123456-475"},
		{"person.bamf_file_number", "٨١٢٣٤٥٦-٤٧٥"},
		{"person.bamf_file_number", "no number"},
		{"work.jobs." + job + ".document", file},
		{"work.jobs." + job + ".document", "bbbbbbbbbbbbbbbb"},
		{"work.jobs." + job + ".start", "2015-03"},
	}
	cat := schema.Default()
	exists := func(list, id string) bool {
		ids, err := b.Entries(list)
		if err != nil {
			return false
		}
		for _, x := range ids {
			if x == id {
				return true
			}
		}
		return false
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("%s=%q", tt.path, tt.input), func(t *testing.T) {
			f, err := fieldOf(cat, tt.path)
			if err != nil {
				t.Fatal(err)
			}
			got, gotErr := parseScalar(cat, f, tt.input, exists)
			path := tt.path
			if f.Type == schema.TypeTime { // a consent entry to hold it
				id, err := b.AddEntry("consents.consents")
				if err != nil {
					t.Fatal(err)
				}
				path = "consents.consents." + id + ".given_at"
			}
			v, wantErr := b.Parse(path, tt.input)
			if wantErr == nil {
				wantErr = b.Set(path, v, crdt.Provenance{Source: "self"})
			}
			if (gotErr != nil) != (wantErr != nil) {
				t.Fatalf("parseScalar error %v, crdt error %v", gotErr, wantErr)
			}
			if gotErr != nil {
				return
			}
			fv, err := b.Get(path)
			if err != nil {
				t.Fatal(err)
			}
			if got.State != string(fv.State()) || got.Uncertain != fv.IsUncertain() {
				t.Errorf("state %q uncertain %v, crdt %q %v", got.State, got.Uncertain, fv.State(), fv.IsUncertain())
			}
			if got.State == casework.StateValue && fmt.Sprint(got.Value) != fv.Text() {
				t.Errorf("value %q, crdt stores %q", fmt.Sprint(got.Value), fv.Text())
			}
		})
	}
}
