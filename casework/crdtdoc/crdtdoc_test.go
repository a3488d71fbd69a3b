package crdtdoc_test

import (
	"testing"
	"time"

	"github.com/mobio-sync/mobio/casework"
	"github.com/mobio-sync/mobio/casework/crdtdoc"
	"github.com/mobio-sync/mobio/crdt"
)

// The adapter is what every native case-work rule reads and writes through; a value written
// through it reads back the same, with its provenance and state.
func TestRoundTrip(t *testing.T) {
	b, err := crdt.New()
	if err != nil {
		t.Fatal(err)
	}
	var d casework.Document = crdtdoc.Wrap(b)
	at := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	p := casework.Provenance{Source: "counsellor", By: "im-1", At: at}
	var goal string
	err = d.Batch("test", func() error {
		if err := d.Set("person.date_of_birth", "١٩٩٠-٠٥", p); err != nil {
			return err
		}
		if err := d.Set("person.gender", "declined", p); err != nil {
			return err
		}
		if err := d.SetCodes("person.nationalities", []string{"SY", "IQ"}, p); err != nil {
			return err
		}
		if goal, err = d.AddEntry("plan.goals"); err != nil {
			return err
		}
		return d.SetText("plan.goals."+goal+".description", "B1 bestehen", "de")
	})
	if err != nil {
		t.Fatal(err)
	}
	f, err := d.Field("person.date_of_birth")
	if err != nil || f.Value != "1990-05" || !f.Has() || f.Source != "counsellor" || f.By != "im-1" || !f.At.Equal(at) {
		t.Errorf("date_of_birth = %+v, %v", f, err)
	}
	if f, _ := d.Field("person.gender"); f.State != casework.StateDeclined || f.Has() || f.Value != "" {
		t.Errorf("gender = %+v, want declined without a value", f)
	}
	if c, _ := d.Codes("person.nationalities"); len(c) != 2 || c[0] != "IQ" || c[1] != "SY" {
		t.Errorf("nationalities = %v", c)
	}
	if ids, _ := d.Entries("plan.goals"); len(ids) != 1 || ids[0] != goal {
		t.Errorf("goals = %v, want [%s]", ids, goal)
	}
	if err := d.SetTranslation("plan.goals."+goal+".description", "en", casework.Translation{Text: "pass B1", Source: "machine", Engine: "libretranslate", At: at}); err != nil {
		t.Fatal(err)
	}
	tx, _ := d.Text("plan.goals." + goal + ".description")
	if tx.Text != "B1 bestehen" || tx.Lang != "de" || tx.Translations["en"].Text != "pass B1" || tx.Translations["en"].Engine != "libretranslate" {
		t.Errorf("text = %+v", tx)
	}
	if err := d.RemoveEntry("plan.goals", goal); err != nil {
		t.Fatal(err)
	}
	if ids, _ := d.Entries("plan.goals"); len(ids) != 0 {
		t.Errorf("after RemoveEntry goals = %v", ids)
	}
	if _, err := d.Field("person.no_such_field"); err == nil {
		t.Error("reading an unknown path succeeded")
	}
}
