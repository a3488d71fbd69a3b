//go:build !js

package caseworkjs

import (
	"bytes"
	"encoding/hex"
	"encoding/json"
	"flag"
	"math/rand/v2"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/mobio-sync/mobio/casework"
	"github.com/mobio-sync/mobio/casework/consent"
	"github.com/mobio-sync/mobio/casework/crdtdoc"
	"github.com/mobio-sync/mobio/casework/plan"
	"github.com/mobio-sync/mobio/crdt"
)

// update rewrites the fixtures in ../testdata that this package's tests own.
var update = flag.Bool("update", false, "rewrite the files in ../testdata")

// The biography that the CLI's rules write natively, for the browser's tests
// (../js/casework.test.mjs): the same consent written there must read the same, the plan must
// have the same digest there, and what the employer is sent must leave out what this document
// holds of residence, support needs and file numbers.
var (
	fixtureDoc  = filepath.Join("..", "testdata", "casework.automerge")
	fixtureJSON = filepath.Join("..", "testdata", "casework.json")
)

// fixtureTime is the clock of the fixture: every provenance is stamped with it.
var fixtureTime = time.Date(2026, 11, 20, 9, 30, 0, 0, time.UTC)

// fixtureOperator is the operator the consent texts are rendered for.
var fixtureOperator = consent.Operator{Controller: "Landratsamt Musterkreis, Sozialamt, Hauptstraße 1, 12345 Musterstadt",
	DPO: "datenschutz@musterkreis.example"}

// fixture is casework.json.
type fixture struct {
	Operator struct {
		Controller string `json:"controller"`
		DPO        string `json:"dpo"`
	} `json:"operator"`
	Consent struct {
		ID    string         `json:"id"`
		Input map[string]any `json:"input"` // consentGive's argument
	} `json:"consent"`
	Plan struct {
		Digest    string `json:"digest"`
		Canonical string `json:"canonical"`
	} `json:"plan"`
	// Never names values that must never reach an employer.
	Never []string `json:"never"`
	// Name is the name in its original script, which the CV shows.
	Name string `json:"name_original_script"`
}

// buildFixture writes the fixture biography with the CLI's rules (crdtdoc, consent, plan).
func buildFixture(t *testing.T) (*crdt.Biography, fixture) {
	t.Helper()
	b, err := crdt.New(crdt.WithActor("0123456789abcdef0123456789abcdef"), crdt.WithClock(func() time.Time { return fixtureTime }),
		crdt.WithRand(rand.NewChaCha8([32]byte{'m', 'o', 'b', 'i', 'o'})))
	if err != nil {
		t.Fatal(err)
	}
	d := crdtdoc.Wrap(b)
	self := casework.Provenance{Source: "self", By: "Amal", At: fixtureTime}
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	set := func(path, v string) { t.Helper(); must(d.Set(path, v, self)) }
	var f fixture
	f.Name = "أمل حداد"
	set("person.family_names", "Haddad")
	set("person.given_names", "Amal")
	must(d.SetText("person.name_original_script", f.Name, "ar"))
	set("person.name_script", "Arab")
	set("person.date_of_birth", "1994-03-17")
	must(d.SetCodes("person.nationalities", []string{"SY"}, self))
	set("person.email", "amal@example.org")
	set("person.bamf_file_number", "8123456-475")
	set("person.azr_number", "123456789012")
	set("residence.residence_status", "AE_25_2_GFK")
	set("residence.residence_valid_until", "2028-05-31")
	set("residence.work_permission", "ERWERBSTAETIGKEIT_GESTATTET")
	set("support_needs.health_limitation", "true")
	must(d.SetText("support_needs.other_support_needs", "Braucht einen Treppenlift", "de"))
	set("languages.german_level", "B1")
	job, err := d.AddEntry("work.jobs")
	must(err)
	set("work.jobs."+job+".employer", "Bäckerei Al-Sham")
	set("work.jobs."+job+".job_title", "Bäcker")
	set("work.jobs."+job+".country", "SY")
	set("work.jobs."+job+".start", "2015-03")
	set("work.jobs."+job+".end", "2019-08")
	must(d.SetText("work.jobs."+job+".tasks", "خبز الخبز والحلويات", "ar"))
	must(d.SetTranslation("work.jobs."+job+".tasks", "de", casework.Translation{Text: "Brot und Süßwaren backen",
		Source: "human", By: "Dolmetscherin", At: fixtureTime}))
	f.Never = []string{"AE_25_2_GFK", "8123456-475", "123456789012", "Treppenlift", "2028"}

	// A consent to send to an employer, recorded by the newcomer in Arabic.
	f.Operator.Controller, f.Operator.DPO = fixtureOperator.Controller, fixtureOperator.DPO
	f.Consent.Input = map[string]any{
		"purpose": consent.PurposeShareRecipient, "recipient_type": "EMPLOYER", "recipient_name": "Bäckerei Schmidt",
		"language_shown": "ar", "given_at": fixtureTime.Format(time.RFC3339),
		"recorder": map[string]any{"source": "self", "by": "Amal", "at": fixtureTime.Format(time.RFC3339)},
	}
	f.Consent.ID, err = consent.Give(d, consent.Consent{Purpose: consent.PurposeShareRecipient, RecipientType: "EMPLOYER",
		RecipientName: "Bäckerei Schmidt", Lang: "ar", At: fixtureTime, Recorder: self}, fixtureOperator)
	must(err)

	// An integration plan with a goal in Arabic (translated) and one in German, and steps.
	e := plan.Editor{Doc: d, By: casework.Provenance{Source: "counsellor", By: "Frau Weber", At: fixtureTime}}
	must(e.Start(plan.Date{Year: 2026, Month: 1, Day: 15}, "AU"))
	g1, err := e.AddGoal(plan.Goal{FieldOfAction: "ARBEIT", Description: casework.Text{Text: "أن أعمل خبازاً في ألمانيا"},
		TargetDate: plan.Date{Year: 2026, Month: 12}, Priority: 1}, "ar")
	must(err)
	must(d.SetTranslation("plan.goals."+g1+".description", "de", casework.Translation{Text: "Als Bäcker in Deutschland arbeiten",
		Source: "human", By: "Frau Weber", At: fixtureTime}))
	g2, err := e.AddGoal(plan.Goal{FieldOfAction: "SPRACHE", Description: casework.Text{Text: "Deutsch auf B2 verbessern"},
		TargetDate: plan.Date{Year: 2026, Month: 9, Day: 30}, Priority: 2}, "de")
	must(err)
	_, err = e.AddMeasure(plan.Measure{Goal: g1, Description: casework.Text{Text: "Bewerbungsunterlagen erstellen"},
		Responsible: "IM", ResponsibleName: "Frau Weber", Due: plan.Date{Year: 2026, Month: 3, Day: 1}}, "de")
	must(err)
	_, err = e.AddMeasure(plan.Measure{Goal: g2, Description: casework.Text{Text: "Anmeldung zum Berufssprachkurs"},
		Responsible: "CLIENT", Due: plan.Date{Year: 2026, Month: 2}}, "de")
	must(err)
	p, err := plan.Read(d)
	must(err)
	sum := plan.Digest(p)
	f.Plan.Digest, f.Plan.Canonical = hex.EncodeToString(sum[:]), string(plan.Canonical(p))
	return b, f
}

func fixtureFiles(t *testing.T) ([]byte, []byte) {
	t.Helper()
	b, f := buildFixture(t)
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(f); err != nil {
		t.Fatal(err)
	}
	return b.Save(), buf.Bytes()
}

// The fixtures are what the rules write today. Regenerate with go test ./wasm/caseworkjs -update.
func TestFixturesAreCurrent(t *testing.T) {
	doc, js := fixtureFiles(t)
	if *update {
		for name, data := range map[string][]byte{fixtureDoc: doc, fixtureJSON: js} {
			if err := os.WriteFile(name, data, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	for name, want := range map[string][]byte{fixtureDoc: doc, fixtureJSON: js} {
		got, err := os.ReadFile(name)
		if err != nil {
			t.Fatalf("%v; run go test ./wasm/caseworkjs -update", err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s differs from what the rules write; run go test ./wasm/caseworkjs -update", name)
		}
	}
}

// The stored biography reads natively with the digest and consent that casework.json records,
// which the browser's tests compare with theirs.
func TestFixtureDocumentReadsNatively(t *testing.T) {
	data, err := os.ReadFile(fixtureDoc)
	if err != nil {
		t.Fatal(err)
	}
	b, err := crdt.Load(data)
	if err != nil {
		t.Fatal(err)
	}
	var f fixture
	raw, err := os.ReadFile(fixtureJSON)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(raw, &f); err != nil {
		t.Fatal(err)
	}
	d := crdtdoc.Wrap(b)
	p, err := plan.Read(d)
	if err != nil {
		t.Fatal(err)
	}
	if sum := plan.Digest(p); hex.EncodeToString(sum[:]) != f.Plan.Digest {
		t.Errorf("plan digest %x, casework.json records %s", sum, f.Plan.Digest)
	}
	if _, err := consent.Require(d, consent.PurposeShareRecipient, consent.Match{Entry: f.Consent.ID, RecipientType: "EMPLOYER"}); err != nil {
		t.Errorf("the fixture's consent: %v", err)
	}
}
