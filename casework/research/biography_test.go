package research_test

import (
	"bytes"
	"slices"
	"testing"

	"github.com/mobio-sync/mobio/casework"
	"github.com/mobio-sync/mobio/casework/crdtdoc"
	"github.com/mobio-sync/mobio/casework/research"
	"github.com/mobio-sync/mobio/crdt"
)

// The export reads real biographies the same way: consents as the consent commands record
// them, dates and times as package crdt stores them.
func TestExportOverBiographies(t *testing.T) {
	build := func(consent map[string]string) casework.Document {
		t.Helper()
		b, err := crdt.New()
		if err != nil {
			t.Fatal(err)
		}
		d := crdtdoc.Wrap(b)
		p := casework.Provenance{Source: "counsellor", By: "test"}
		for path, v := range map[string]string{
			"person.given_names": secretMarker, "person.date_of_birth": "1991-02-03", "person.gender": "m",
			"person.municipality": "08222000", "person.arrival_in_germany": "2015-10-01",
			"residence.residence_status": "AE_25_2_GFK", "plan.counselling_start": "2024-01-15",
		} {
			if v == "" {
				continue
			}
			if err := d.Set(path, v, p); err != nil {
				t.Fatalf("set %s: %v", path, err)
			}
		}
		if err := d.SetCodes("person.nationalities", []string{"DE", "SY"}, p); err != nil {
			t.Fatal(err)
		}
		if err := d.SetText("support_needs.other_support_needs", secretMarker, "de"); err != nil {
			t.Fatal(err)
		}
		if consent != nil {
			id, err := d.AddEntry("consents.consents")
			if err != nil {
				t.Fatal(err)
			}
			for k, v := range consent {
				if err := d.Set("consents.consents."+id+"."+k, v, p); err != nil {
					t.Fatalf("set consent %s: %v", k, err)
				}
			}
		}
		return d
	}
	valid := map[string]string{"purpose": "RESEARCH_ANON", "language_shown": "ar", "given_at": "2025-03-01T10:00:00Z"}
	withdrawn := map[string]string{"purpose": "RESEARCH_ANON", "language_shown": "ar", "given_at": "2025-03-01T10:00:00Z", "withdrawn_at": "2025-09-01T10:00:00Z"}
	other := map[string]string{"purpose": "SHARE_RECIPIENT", "language_shown": "ar", "given_at": "2025-03-01T10:00:00Z"}
	var in []research.Input
	for range 5 {
		in = append(in, research.Input{Doc: build(valid)})
	}
	for _, c := range []map[string]string{withdrawn, other, nil} {
		in = append(in, research.Input{Doc: build(c)})
	}
	var log bytes.Buffer
	rel, err := research.Export(in, research.Options{K: 5, Log: &log, Who: "mobio-id-test"})
	if err != nil {
		t.Fatal(err)
	}
	if rel.Considered != 8 || rel.Consented != 5 || len(rel.Records) != 5 {
		t.Fatalf("considered %d, consented %d, released %d; want 8, 5, 5", rel.Considered, rel.Consented, len(rel.Records))
	}
	header, records := parse(t, rel)
	want := map[string]string{"staatsangehoerigkeit": "SY", "region": "08222", "einreise_quartal": "2015-Q4",
		"aufenthaltsstatus_gruppe": "schutz_25", "im_beginn": "2024-01", "geschlecht": "m"}
	for col, w := range want {
		if got := records[0][slices.Index(header, col)]; got != w {
			t.Errorf("%s = %q, want %q", col, got, w)
		}
	}
	if bytes.Contains(rel.CSV, []byte(secretMarker)) {
		t.Error("the release contains a name or free text")
	}
}
