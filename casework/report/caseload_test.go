package report_test

import (
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/mobio-sync/mobio/casework"
	"github.com/mobio-sync/mobio/casework/crdtdoc"
	"github.com/mobio-sync/mobio/casework/report"
	"github.com/mobio-sync/mobio/crdt"
)

// The synthetic caseload below is counted by hand in report_test.go for the period
// 1 January to 30 June 2026. N are new in the period, O ongoing, X not counselled in it.

type goalSpec struct{ field, status, achieved, outcome string }

type contactSpec struct {
	date, mode string
	topics     []string
	interp     string // "true", "false" or "" (not recorded)
	minutes    int
}

type refSpec struct{ date, target string }

type personSpec struct {
	name, gender, dob        string
	nats                     []string
	residence, muni, manager string
	phase, start, closure    string
	reason, planStatus       string
	agreements, reviews      []string
	goals                    []goalSpec
	contacts                 []contactSpec
	referrals                []refSpec
}

var caseload = []personSpec{
	// New in the period.
	{name: "N1", gender: "w", dob: "1990-03-10", nats: []string{"SY"}, residence: "AE_25_2_GFK", muni: "08222000", manager: "Anna", phase: "AU",
		start: "2026-01-01", planStatus: "agreed", agreements: []string{"2026-01-20T09:00:00Z"},
		goals:     []goalSpec{{"SPRACHE", "achieved", "2026-05-02", "DTZ_B1_PASSED"}},
		contacts:  []contactSpec{{"2026-01-05", "in_person", []string{"SPRACHE", "ARBEIT"}, "true", 60}},
		referrals: []refSpec{{"2026-02-01", "SPRACHKURSTRAEGER"}}},
	{name: "N2", gender: "m", dob: "2000-07-01", nats: []string{"AF"}, residence: "GESTATTUNG", muni: "08222000", manager: "Anna", phase: "AU",
		start:    "2026-06-30",
		contacts: []contactSpec{{"2026-06-30", "phone", nil, "false", 15}}},
	{name: "N3", gender: "w", dob: "2010-02-02", nats: []string{"UA"}, residence: "AE_24", muni: "08226000", manager: "Ben", phase: "AU",
		start: "2026-03", planStatus: "draft", goals: []goalSpec{{"BILDUNG", "open", "", ""}},
		contacts: []contactSpec{{"2026-03-10", "video", []string{"BILDUNG"}, "", 30}}},
	{name: "N4", gender: "m", dob: "1960-01-01", nats: []string{"UA"}, residence: "AE_24", muni: "08226000", manager: "Ben", phase: "AU",
		start: "2026-02-15"},
	{name: "N5", gender: "d", dob: "1999-06-30", nats: []string{"IQ"}, residence: "DULDUNG_60A", muni: "08222000", manager: "Anna", phase: "AU",
		start: "2026-04-01", planStatus: "agreed", agreements: []string{"2026-04-10T14:30:00Z"},
		goals: []goalSpec{{"ARBEIT", "in_progress", "", ""}},
		contacts: []contactSpec{
			{"2026-04-02", "in_person", []string{"ARBEIT", "WOHNEN"}, "true", 45},
			{"2026-05-01", "messenger", []string{"ARBEIT"}, "false", 10},
		}},
	{name: "N6", gender: "w", dob: "2005", nats: []string{"ER"}, residence: "AE_25_2_SUBSIDIAER", muni: "08222000", manager: "Anna", phase: "VU",
		start: "2026-05-05"},
	{name: "N7", gender: "m", nats: []string{"SY"}, manager: "Ben", start: "2026-01-31"},
	{name: "N8", gender: "w", dob: "1980-12-31", nats: []string{"TR"}, residence: "NIEDERLASSUNG", muni: "08226000", manager: "Ben", phase: "AU",
		start: "2026-06-01"},
	{name: "N9", gender: "m", dob: "1985-05-05", nats: []string{"SY"}, residence: "AE_25_1", muni: "08222000", manager: "Anna", phase: "AU",
		start: "2026-01-10", closure: "2026-06-15", reason: "MOVED_AWAY", planStatus: "closed", agreements: []string{"2026-02-01T08:00:00Z"},
		goals: []goalSpec{{"WOHNEN", "achieved", "2026-06-01", "HOUSING_MOVED_OUT_OF_GU"}}},
	{name: "N10", dob: "1995-01-01", nats: []string{"DE", "SY"}, residence: "GESTATTUNG", muni: "08222000", manager: "Anna", phase: "AU",
		start: "2026-02-01", closure: "2026-03-01", reason: "CONTACT_LOST"},
	{name: "N11", gender: "m", dob: "1958-06-30", nats: []string{"TR"}, residence: "EINGEBUERGERT", muni: "08222000", manager: "Anna", phase: "AU",
		start: "2026-03-03"},
	{name: "N12", gender: "w", dob: "2007-06-30", nats: []string{"SY"}, residence: "GESTATTUNG", muni: "08222000", manager: "Anna", phase: "AU",
		start: "2026-06-01", planStatus: "agreed", agreements: []string{"2026-07-01T10:00:00Z"},
		goals: []goalSpec{{"SPRACHE", "open", "", ""}}},
	{name: "N13", gender: "m", dob: "2007-07-01", nats: []string{"GM"}, residence: "DULDUNG_60D", muni: "08226000", manager: "Ben", phase: "AU",
		start: "2026-04-04"},
	{name: "N14", gender: "w", dob: "1977-01-01", nats: []string{"AF"}, residence: "AE_25_1", muni: "08226000", manager: "Ben", phase: "VU",
		start: "2026-05-05"},

	// Ongoing: started before the period, not closed before it.
	{name: "O1", gender: "w", dob: "1970-08-15", nats: []string{"SY"}, residence: "AE_25_2_GFK", muni: "08222000", manager: "Anna", phase: "AU",
		start: "2024-03-01", planStatus: "in_review", agreements: []string{"2024-04-01T09:00:00Z"}, reviews: []string{"2026-02-01"},
		goals: []goalSpec{
			{"SPRACHE", "achieved", "2025-11-01", "DTZ_A2_PASSED"},
			{"ARBEIT", "partly_achieved", "2026-03-03", "MINIJOB_STARTED"},
			{"FINANZEN", "dropped", "", ""},
		},
		contacts: []contactSpec{
			{"2025-12-31", "in_person", []string{"FINANZEN"}, "true", 30},
			{"2026-02-01", "in_person", []string{"ARBEIT"}, "true", 50},
		},
		referrals: []refSpec{{"2026-03-01", "JOBCENTER"}, {"2025-10-01", "ABH"}}},
	{name: "O2", gender: "m", dob: "1992-11-11", nats: []string{"AF"}, residence: "AE_25_3", muni: "08222000", manager: "Anna", phase: "AU",
		start: "2023-01-15", closure: "2026-01-01", reason: "MAX_DURATION_REACHED", planStatus: "closed", agreements: []string{"2023-02-01T09:00:00Z"},
		goals: []goalSpec{{"ARBEIT", "not_achieved", "", ""}}},
	{name: "O3", gender: "w", dob: "2008-09-09", nats: []string{"UA"}, residence: "AE_24", muni: "08226000", manager: "Ben", phase: "AU",
		start: "2025-06-01", planStatus: "agreed", agreements: []string{"2025-07-01T09:00:00Z"}, reviews: []string{"2026-06-30", "2025-12-01"},
		goals: []goalSpec{{"BILDUNG", "in_progress", "", ""}, {"SPRACHE", "open", "", ""}},
		contacts: []contactSpec{
			{"2026-01-15", "phone", []string{"BILDUNG", "SPRACHE"}, "false", 20},
			{"2026-07-01", "phone", nil, "false", 20},
		},
		referrals: []refSpec{{"2026-04-04", "SCHULE"}}},
	{name: "O4", gender: "m", dob: "1975-03-03", nats: []string{"SY"}, residence: "DULDUNG_60C", muni: "08226000", manager: "Ben", phase: "AU",
		start: "2022-05-01", closure: "2026-05-31", reason: "MAX_DURATION_REACHED", planStatus: "closed", agreements: []string{"2022-06-01T09:00:00Z"},
		goals:    []goalSpec{{"ARBEIT", "achieved", "2026-05-20", "EMPLOYMENT_STARTED"}},
		contacts: []contactSpec{{"2026-05-30", "outreach", []string{"ARBEIT"}, "true", 90}}},
	{name: "O5", gender: "w", dob: "1988-04-04", nats: []string{"IQ"}, residence: "GESTATTUNG", muni: "08222000", manager: "Anna", phase: "VU",
		start:     "2025-12-31",
		contacts:  []contactSpec{{"2026-01-02", "in_person", []string{"AUFENTHALT"}, "false", 25}},
		referrals: []refSpec{{"2026-01-03", "ABH"}, {"2026-06-30", "MIGRATIONSBERATUNG"}}},
	{name: "O6", gender: "m", dob: "1999-01-20", nats: []string{"ER"}, residence: "AE_25_2_GFK", muni: "08222000", manager: "Anna", phase: "AU",
		start: "2021-01-01", closure: "2026-02-28", reason: "GOALS_REACHED_SELF_RELIANT", planStatus: "closed", agreements: []string{"2021-02-01T09:00:00Z"},
		goals: []goalSpec{{"ARBEIT", "achieved", "2026-02-01", "TRAINING_STARTED"}}},
	{name: "O7", gender: "w", dob: "1965-10-10", nats: []string{"SY"}, residence: "AE_25_2_GFK", muni: "08226000", manager: "Ben", phase: "AU",
		start: "2025-01-01"},
	{name: "O8", gender: "m", dob: "2001-02-02", nats: []string{"SO"}, residence: "AE_25_2_SUBSIDIAER", muni: "08226000", manager: "Ben", phase: "AU",
		start: "2024-12-01", planStatus: "agreed", agreements: []string{"2026-01-15T09:00:00Z"},
		goals: []goalSpec{{"SPRACHE", "in_progress", "", ""}}},
	{name: "O9", gender: "d", dob: "1990-01-01", nats: []string{"AF"}, residence: "AE_OTHER", muni: "08222000", manager: "Anna", phase: "AU",
		start: "2025-09-09"},
	{name: "O10", gender: "w", dob: "2015-05-05", nats: []string{"UA"}, residence: "AE_24", muni: "08226000", manager: "Ben", phase: "AU",
		start: "2025-03-03"},

	// Not counselled in the period.
	{name: "X1", gender: "m", dob: "1980-01-01", nats: []string{"SY"}, muni: "08222000", manager: "Anna", phase: "AU",
		start: "2022-01-01", closure: "2025-12-31", reason: "OTHER",
		goals:    []goalSpec{{"SPRACHE", "achieved", "2025-12-01", ""}},
		contacts: []contactSpec{{"2025-12-30", "phone", nil, "false", 10}}},
	{name: "X2", gender: "w", dob: "1990", nats: []string{"AF"}, manager: "Ben", start: "2023-05-05", closure: "2024-01-01"},
	{name: "X3", gender: "m", dob: "1991-01-01", nats: []string{"SY"}, muni: "08222000", manager: "Anna", start: "2026-07-01",
		contacts: []contactSpec{{"2026-06-29", "phone", []string{"ORIENTIERUNG"}, "false", 5}}},
	{name: "X4", gender: "w", dob: "2000-01-01", nats: []string{"IQ"}, manager: "Ben", start: "2026-12-01"},
	{name: "X5", gender: "m", dob: "1985", nats: []string{"SY"}, manager: "Anna",
		referrals: []refSpec{{"2026-03-03", "JOBCENTER"}}},
	{name: "X6", gender: "w", dob: "1970", nats: []string{"TR"}, manager: "Ben"},
}

var period = report.Period{
	From: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC),
	To:   time.Date(2026, 6, 30, 0, 0, 0, 0, time.UTC),
}

// secretMarker is written into names, free text, support needs and restricted fields; no
// output may contain it.
const secretMarker = "GEHEIM-7f3q"

func build(t testing.TB, p personSpec) casework.Document {
	t.Helper()
	b, err := crdt.New()
	if err != nil {
		t.Fatal(err)
	}
	d := crdtdoc.Wrap(b)
	prov := casework.Provenance{Source: "counsellor", By: "test"}
	set := func(path, v string) {
		t.Helper()
		if v == "" {
			return
		}
		if err := d.Set(path, v, prov); err != nil {
			t.Fatalf("%s: set %s = %q: %v", p.name, path, v, err)
		}
	}
	add := func(list string) string {
		t.Helper()
		id, err := d.AddEntry(list)
		if err != nil {
			t.Fatalf("%s: add to %s: %v", p.name, list, err)
		}
		return id
	}
	set("person.given_names", secretMarker+" "+p.name)
	set("person.family_names", secretMarker)
	set("person.azr_number", "123456789")
	set("person.gender", p.gender)
	set("person.date_of_birth", p.dob)
	if len(p.nats) > 0 {
		if err := d.SetCodes("person.nationalities", p.nats, prov); err != nil {
			t.Fatal(err)
		}
	}
	set("person.municipality", p.muni)
	set("residence.residence_status", p.residence)
	set("residence.residence_obligation_place", secretMarker)
	set("support_needs.health_limitation", "true")
	if err := d.SetText("support_needs.other_support_needs", secretMarker, "de"); err != nil {
		t.Fatal(err)
	}
	set("plan.phase", p.phase)
	set("plan.status", p.planStatus)
	set("plan.counselling_start", p.start)
	set("plan.closure_date", p.closure)
	set("plan.closure_reason", p.reason)
	if p.closure != "" {
		if err := d.SetText("plan.closure_note", secretMarker, "de"); err != nil {
			t.Fatal(err)
		}
	}
	for _, a := range p.agreements {
		set("plan.agreements."+add("plan.agreements")+".agreed_at", a)
	}
	for _, r := range p.reviews {
		set("plan.reviews."+add("plan.reviews")+".date", r)
	}
	for _, g := range p.goals {
		id := add("plan.goals")
		set("plan.goals."+id+".field_of_action", g.field)
		set("plan.goals."+id+".status", g.status)
		set("plan.goals."+id+".achieved_at", g.achieved)
		set("plan.goals."+id+".outcome", g.outcome)
		if err := d.SetText("plan.goals."+id+".description", secretMarker, "de"); err != nil {
			t.Fatal(err)
		}
	}
	for _, c := range p.contacts {
		id := add("contacts.contacts")
		pre := "contacts.contacts." + id + "."
		set(pre+"date", c.date)
		set(pre+"mode", c.mode)
		if len(c.topics) > 0 {
			if err := d.SetCodes(pre+"topics", c.topics, prov); err != nil {
				t.Fatal(err)
			}
		}
		set(pre+"interpreter_used", c.interp)
		if c.minutes > 0 {
			set(pre+"duration_min", strconv.Itoa(c.minutes))
		}
		if err := d.SetText(pre+"note", secretMarker, "de"); err != nil {
			t.Fatal(err)
		}
	}
	for _, r := range p.referrals {
		id := add("contacts.referrals")
		set("contacts.referrals."+id+".date", r.date)
		set("contacts.referrals."+id+".target_type", r.target)
		set("contacts.referrals."+id+".target_name", secretMarker)
	}
	return d
}

var (
	caseloadOnce sync.Once
	caseloadDocs []casework.Document
)

// caseloadInputs builds the caseload once per test binary: 30 documents take a moment.
func caseloadInputs(t testing.TB) []report.Input {
	t.Helper()
	caseloadOnce.Do(func() {
		for _, p := range caseload {
			caseloadDocs = append(caseloadDocs, build(t, p))
		}
	})
	if len(caseloadDocs) != len(caseload) {
		t.Fatal("the caseload was not built")
	}
	var in []report.Input
	for i, d := range caseloadDocs {
		in = append(in, report.Input{Doc: &recorder{r: d}, Manager: caseload[i].manager})
	}
	return in
}

// recorder is a casework.Reader that remembers what was read.
type recorder struct {
	r     casework.Reader
	mu    sync.Mutex
	paths []string // entry IDs replaced by "*"
	texts int
}

func (r *recorder) note(path string) {
	parts := strings.Split(path, ".")
	if len(parts) == 4 {
		parts[2] = "*"
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	if p := strings.Join(parts, "."); !slices.Contains(r.paths, p) {
		r.paths = append(r.paths, p)
	}
}

func (r *recorder) Field(path string) (casework.Field, error) {
	r.note(path)
	return r.r.Field(path)
}

func (r *recorder) Text(path string) (casework.Text, error) {
	r.mu.Lock()
	r.texts++
	r.mu.Unlock()
	return r.r.Text(path)
}

func (r *recorder) Codes(path string) ([]string, error) {
	r.note(path)
	return r.r.Codes(path)
}

func (r *recorder) Entries(listPath string) ([]string, error) {
	r.note(listPath)
	return r.r.Entries(listPath)
}
