package plan_test

import (
	"slices"
	"testing"

	"github.com/mobio-sync/mobio/casework/plan"
)

func TestEditGoalWritesOnlyWhatChanged(t *testing.T) {
	ps := newParties(t)
	d := newDoc(t)
	g1, g2 := samplePlan(t, d)
	a := sign(t, d, ps.client, plan.RoleClient)
	sign(t, d, ps.counsellor, plan.RoleCounsellor)
	e := counsellorEditor(d)
	stored, _ := read(t, d).Goal(g2)

	unchanged := []struct {
		name string
		c    plan.GoalChange
		lang string
	}{
		{"nothing", plan.GoalChange{}, "de"},
		{"the same values", plan.GoalChange{FieldOfAction: new("ARBEIT"), Description: new(stored.Description.Text),
			TargetDate: new(day("2027-06-30")), Priority: new(2)}, "ar"},
		{"the same text without a language", plan.GoalChange{Description: new(stored.Description.Text)}, ""},
	}
	for _, tt := range unchanged {
		before := d.B.Heads()
		changed, err := e.EditGoal(g2, tt.c, tt.lang)
		if err != nil || changed {
			t.Errorf("%s: EditGoal = %v, %v; want no change", tt.name, changed, err)
		}
		if !slices.Equal(before, d.B.Heads()) {
			t.Errorf("%s: EditGoal wrote to the document", tt.name)
		}
	}
	if st, err := verify(t, d, ps, a.ID); st != plan.Valid || err != nil {
		t.Fatalf("agreement after edits that changed nothing = %v, %v; want valid", st, err)
	}

	// A new text in the same language keeps the language; the German translation made before
	// is marked outdated; a zero date and priority 0 clear them.
	changed, err := e.EditGoal(g2, plan.GoalChange{Description: new("أريد العمل كطباخ"), TargetDate: new(plan.Date{}), Priority: new(0)}, "")
	if err != nil || !changed {
		t.Fatalf("EditGoal = %v, %v; want a change", changed, err)
	}
	got, _ := read(t, d).Goal(g2)
	if got.Description.Text != "أريد العمل كطباخ" || got.Description.Lang != "ar" || !got.TargetDate.IsZero() || got.Priority != 0 ||
		got.FieldOfAction != "ARBEIT" || got.Status != plan.GoalOpen {
		t.Errorf("after the edit: %+v", got)
	}
	if tr := got.Description.Translations["de"]; !tr.Outdated {
		t.Errorf("German translation %+v, want outdated after the original changed", tr)
	}
	if st, err := verify(t, d, ps, a.ID); st != plan.Outdated || err != nil {
		t.Errorf("agreement after the edit = %v, %v; want outdated", st, err)
	}
	// Only the language changes: written again in the new one.
	if changed, err := e.EditGoal(g1, plan.GoalChange{Description: new("Deutschprüfung B1 bestehen")}, "en"); err != nil || !changed {
		t.Errorf("EditGoal of the language = %v, %v; want a change", changed, err)
	}
	if got, _ := read(t, d).Goal(g1); got.Description.Lang != "en" {
		t.Errorf("language %q, want en", got.Description.Lang)
	}
}

func TestEditMeasure(t *testing.T) {
	d := newDoc(t)
	g1, g2 := samplePlan(t, d)
	e := counsellorEditor(d)
	ref := idOf(t)(e.AddReferral(plan.Referral{Date: day("2026-02-01"), TargetType: "JOBCENTER"}, "de"))
	m := read(t, d).Measures[1]

	before := d.B.Heads()
	if changed, err := e.EditMeasure(m.ID, plan.MeasureChange{Goal: new(g1), Responsible: new("IM"), ResponsibleName: new("Frau Weber")}, "de"); err != nil || changed {
		t.Errorf("EditMeasure with the stored values = %v, %v; want no change", changed, err)
	}
	if !slices.Equal(before, d.B.Heads()) {
		t.Error("EditMeasure with the stored values wrote to the document")
	}
	c := plan.MeasureChange{Goal: new(g2), Description: new("Kita-Platz suchen"), Responsible: new("CLIENT"),
		ResponsibleName: new(""), Due: new(day("2026-03")), Referral: new(ref[:6])}
	if changed, err := e.EditMeasure(m.ID, c, "de"); err != nil || !changed {
		t.Fatalf("EditMeasure = %v, %v; want a change", changed, err)
	}
	got := read(t, d).Measures[1]
	if got.Goal != g2 || got.Description.Text != "Kita-Platz suchen" || got.Responsible != "CLIENT" || got.ResponsibleName != "" ||
		got.Due != day("2026-03") || got.Status != plan.MeasureOpen || got.Referral != ref {
		t.Errorf("after the edit: %+v", got)
	}
	if _, err := e.EditMeasure(m.ID, plan.MeasureChange{Goal: new("")}, ""); err != nil {
		t.Fatal(err)
	}
	if got := read(t, d).Measures[1]; got.Goal != "" {
		t.Errorf("goal %q after detaching, want none", got.Goal)
	}
}
