package plan_test

import (
	"math/rand/v2"
	"sync"
	"testing"
	"time"

	"github.com/mobio-sync/mobio/casework"
	"github.com/mobio-sync/mobio/casework/crdtdoc"
	"github.com/mobio-sync/mobio/casework/plan"
	"github.com/mobio-sync/mobio/crdt"
)

// newDoc returns an empty biography whose clock ticks a second per reading and whose entry IDs
// are reproducible, so that entries keep the order they were added in and renderings are
// stable.
func newDoc(t testing.TB) *crdtdoc.Doc {
	t.Helper()
	var mu sync.Mutex
	now := time.Date(2026, 1, 10, 9, 0, 0, 0, time.UTC)
	clock := func() time.Time {
		mu.Lock()
		defer mu.Unlock()
		now = now.Add(time.Second)
		return now
	}
	b, err := crdt.New(crdt.WithClock(clock), crdt.WithRand(rand.NewChaCha8([32]byte{7})), crdt.WithActor("aa07"))
	if err != nil {
		t.Fatal(err)
	}
	return crdtdoc.Wrap(b)
}

func counsellorEditor(d casework.Document) plan.Editor {
	return plan.Editor{Doc: d, By: casework.Provenance{Source: "counsellor", By: "counsellor-1"}}
}

func day(s string) plan.Date {
	d, err := plan.ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

func text(s string) casework.Text { return casework.Text{Text: s} }

// idOf returns a function that passes an entry ID on and fails t on an error.
func idOf(t testing.TB) func(string, error) string {
	return func(id string, err error) string {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
		return id
	}
}

func read(t testing.TB, d casework.Reader) plan.Plan {
	t.Helper()
	p, err := plan.Read(d)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// samplePlan fills d with a started plan of two goals with steps, as a counsellor would.
// It returns the IDs of the goals.
func samplePlan(t testing.TB, d casework.Document) (g1, g2 string) {
	t.Helper()
	e := counsellorEditor(d)
	if err := e.Start(day("2026-01-15"), "AU"); err != nil {
		t.Fatal(err)
	}
	id := idOf(t)
	g1 = id(e.AddGoal(plan.Goal{FieldOfAction: "SPRACHE", Description: text("Deutschprüfung B1 bestehen"), TargetDate: day("2026-12"), Priority: 1}, "de"))
	g2 = id(e.AddGoal(plan.Goal{FieldOfAction: "ARBEIT", Description: text("أريد العمل كخباز"), TargetDate: day("2027-06-30"), Priority: 2}, "ar"))
	if err := d.SetTranslation("plan.goals."+g2+".description", "de", casework.Translation{Text: "Ich möchte als Bäcker arbeiten", Source: "human", By: "counsellor-1"}); err != nil {
		t.Fatal(err)
	}
	id(e.AddMeasure(plan.Measure{Goal: g1, Description: text("Zum Integrationskurs anmelden"), Responsible: "CLIENT", Due: day("2026-02-01")}, "de"))
	id(e.AddMeasure(plan.Measure{Goal: g1, Description: text("Kursträger mit Kinderbetreuung suchen"), Responsible: "IM", ResponsibleName: "Frau Weber", Due: day("2026-02-15")}, "de"))
	id(e.AddMeasure(plan.Measure{Goal: g2, Description: text("Zeugnisse übersetzen lassen"), Responsible: "BERATUNGSSTELLE", Due: day("2026-04")}, "de"))
	id(e.AddMeasure(plan.Measure{Description: text("Bankkonto eröffnen"), Responsible: "CLIENT"}, "de"))
	return g1, g2
}
