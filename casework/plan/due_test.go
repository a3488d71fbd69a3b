package plan_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/mobio-sync/mobio/casework/plan"
)

func on(s string) time.Time { return day(s).First() }

// dueString renders items as "kind entry date [overdue]" lines, for comparing.
func dueString(items []plan.DueItem) string {
	var lines []string
	for _, it := range items {
		s := fmt.Sprintf("%s %s %s %d", it.Kind, it.Entry, it.Date, it.Days)
		if it.Overdue {
			s += " overdue"
		}
		if it.CanExtend {
			s += " can-extend"
		}
		lines = append(lines, s)
	}
	return strings.Join(lines, "\n")
}

func TestDue(t *testing.T) {
	base := plan.Plan{
		Status: plan.CodeAgreed, Start: day("2026-01-15"), EndPlanned: day("2029-01-15"),
		Goals: []plan.Goal{
			{ID: "g-open", Status: plan.GoalOpen, TargetDate: day("2026-06-30")},
			{ID: "g-done", Status: plan.GoalAchieved, TargetDate: day("2026-06-20")},
			{ID: "g-month", Status: plan.GoalInProgress, TargetDate: day("2026-07")},
		},
		Measures: []plan.Measure{
			{ID: "m-soon", Status: plan.MeasureOpen, Due: day("2026-06-25"), Responsible: "CLIENT"},
			{ID: "m-late", Status: plan.MeasureInProgress, Due: day("2026-06-10")},
			{ID: "m-done", Status: plan.MeasureDone, Due: day("2026-06-12")},
			{ID: "m-nodate", Status: plan.MeasureOpen},
		},
		NextReviewDue: day("2026-06-22"),
	}
	with := func(f func(p *plan.Plan)) plan.Plan {
		p := base
		f(&p)
		return p
	}
	tests := []struct {
		name    string
		p       plan.Plan
		today   string
		horizon int
		want    []string
	}{
		{
			name: "overdue and the next 14 days, by date", p: base, today: "2026-06-20", horizon: plan.DefaultHorizon,
			want: []string{
				"measure m-late 2026-06-10 -10 overdue",
				"review  2026-06-22 2",
				"measure m-soon 2026-06-25 5",
				"goal g-open 2026-06-30 10",
				"goal g-month 2026-07 41",
			},
		},
		{
			name: "a month not begun within the horizon", p: base, today: "2026-06-16", horizon: 14,
			want: []string{"measure m-late 2026-06-10 -6 overdue", "review  2026-06-22 6", "measure m-soon 2026-06-25 9", "goal g-open 2026-06-30 14"},
		},
		{
			name: "a month comes up when it begins within the horizon", p: base, today: "2026-06-17", horizon: 14,
			want: []string{"measure m-late 2026-06-10 -7 overdue", "review  2026-06-22 5", "measure m-soon 2026-06-25 8", "goal g-open 2026-06-30 13", "goal g-month 2026-07 44"},
		},
		{
			name: "a month is due at its end", p: base, today: "2026-07-05", horizon: 0,
			want: []string{
				"measure m-late 2026-06-10 -25 overdue",
				"review  2026-06-22 -13 overdue",
				"measure m-soon 2026-06-25 -10 overdue",
				"goal g-open 2026-06-30 -5 overdue",
				"goal g-month 2026-07 26",
			},
		},
		{
			name: "a longer horizon", p: base, today: "2026-06-01", horizon: 30,
			want: []string{
				"measure m-late 2026-06-10 9",
				"review  2026-06-22 21",
				"measure m-soon 2026-06-25 24",
				"goal g-open 2026-06-30 29",
				"goal g-month 2026-07 60",
			},
		},
		{name: "nothing in the next days", p: base, today: "2026-05-01", horizon: 14, want: nil},
		{name: "a closed case has nothing due", p: with(func(p *plan.Plan) { p.Status = plan.CodeClosed }), today: "2026-06-20", horizon: 14, want: nil},
		{
			name: "four months before the end: no reminder", p: plan.Plan{Start: day("2026-01-15"), EndPlanned: day("2029-01-15")},
			today: "2028-09-14", horizon: 14, want: nil,
		},
		{
			name: "three months before the end", p: plan.Plan{Start: day("2026-01-15"), EndPlanned: day("2029-01-15")},
			today: "2028-10-15", horizon: 14, want: []string{"end_3_months  2029-01-15 92 can-extend"},
		},
		{
			name: "one month before the end", p: plan.Plan{Start: day("2026-01-15"), EndPlanned: day("2029-01-15")},
			today: "2028-12-15", horizon: 14, want: []string{"end_1_month  2029-01-15 31 can-extend"},
		},
		{
			name: "the end of 36 months: extend with a reason or close", p: plan.Plan{Start: day("2026-01-15"), EndPlanned: day("2029-01-15")},
			today: "2029-01-15", horizon: 14, want: []string{"end_reached  2029-01-15 0 can-extend"},
		},
		{
			name: "past the end of 48 months: only closing is left", p: plan.Plan{Start: day("2026-01-15"), EndPlanned: day("2030-01-15")},
			today: "2030-02-01", horizon: 14, want: []string{"end_reached  2030-01-15 -17 overdue"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := dueString(plan.DueWithin(tt.p, on(tt.today), tt.horizon))
			if want := strings.Join(tt.want, "\n"); got != want {
				t.Errorf("DueWithin on %s:\n%s\nwant:\n%s", tt.today, got, want)
			}
		})
	}
	if got, want := plan.Due(base, on("2026-06-20")), plan.DueWithin(base, on("2026-06-20"), plan.DefaultHorizon); dueString(got) != dueString(want) {
		t.Errorf("Due differs from DueWithin the default horizon")
	}
}

func TestDueReadsTheDocument(t *testing.T) {
	d := newDoc(t)
	samplePlan(t, d)
	items := plan.Due(read(t, d), on("2026-01-25"))
	got := make([]string, len(items))
	for i, it := range items {
		got[i] = fmt.Sprintf("%s %s %s", it.Kind, it.Date, it.Text.Text)
	}
	want := "measure 2026-02-01 Zum Integrationskurs anmelden"
	if len(got) != 1 || got[0] != want {
		t.Errorf("Due on 2026-01-25 = %q, want [%q]", got, want)
	}
}
