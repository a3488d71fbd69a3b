package plan_test

import (
	"errors"
	"slices"
	"testing"

	"github.com/mobio-sync/mobio/casework/plan"
)

func TestStartSetsThePeriodOf36Months(t *testing.T) {
	tests := []struct {
		start, wantEnd string
	}{
		{"2026-01-15", "2029-01-15"},
		{"2024-02-29", "2027-02-28"}, // no 29 February in 2027: the month's last day
		{"2026-12-31", "2029-12-31"},
	}
	for _, tt := range tests {
		t.Run(tt.start, func(t *testing.T) {
			d := newDoc(t)
			if err := counsellorEditor(d).Start(day(tt.start), "AU"); err != nil {
				t.Fatal(err)
			}
			p := read(t, d)
			if p.Start != day(tt.start) || p.EndPlanned != day(tt.wantEnd) || p.Status != plan.CodeDraft || p.Phase != "AU" {
				t.Errorf("after Start(%s): start %s, end %s, status %q, phase %q; want end %s, draft, AU",
					tt.start, p.Start, p.EndPlanned, p.Status, p.Phase, tt.wantEnd)
			}
			if got := p.MaxEnd(); got != day(tt.start).AddMonths(48) {
				t.Errorf("MaxEnd = %s", got)
			}
		})
	}
}

func TestAddMonths(t *testing.T) {
	tests := []struct {
		d    string
		n    int
		want string
	}{
		{"2026-01-31", 1, "2026-02-28"},
		{"2028-01-31", 1, "2028-02-29"},
		{"2026-03-31", -1, "2026-02-28"},
		{"2026-05-15", -3, "2026-02-15"},
		{"2026-11-30", 3, "2027-02-28"},
		{"2026-05", 12, "2027-05"},
		{"2026", 36, "2029"},
	}
	for _, tt := range tests {
		if got := day(tt.d).AddMonths(tt.n); got != day(tt.want) {
			t.Errorf("%s.AddMonths(%d) = %s, want %s", tt.d, tt.n, got, tt.want)
		}
	}
}

// state is what a document holds before an operation of TestRulesOfEveryEdit runs.
type state int

const (
	noPlan state = iota
	started
	closed
)

func TestRulesOfEveryEdit(t *testing.T) {
	type op func(e plan.Editor, goal string) error
	ignoreID := func(_ string, err error) error { return err }
	ignoreChanged := func(_ bool, err error) error { return err }
	tests := []struct {
		name    string
		state   state
		op      op
		wantErr error // nil: the edit succeeds
	}{
		// Start
		{"start on a full date", noPlan, func(e plan.Editor, _ string) error { return e.Start(day("2026-03-01"), "VU") }, nil},
		{"start twice", started, func(e plan.Editor, _ string) error { return e.Start(day("2026-03-01"), "") }, plan.ErrPlanExists},
		{"start on a month only", noPlan, func(e plan.Editor, _ string) error { return e.Start(day("2026-03"), "") }, plan.ErrBadDate},
		{"start in an unknown phase", noPlan, func(e plan.Editor, _ string) error { return e.Start(day("2026-03-01"), "XX") }, plan.ErrUnknownCode},

		// Extend
		{"extend to 48 months with a reason", started, func(e plan.Editor, _ string) error {
			return e.Extend(day("2030-01-15"), "Ausbildung läuft bis Sommer 2029", "de")
		}, nil},
		{"extend by one day beyond 48 months", started, func(e plan.Editor, _ string) error {
			return e.Extend(day("2030-01-16"), "Ausbildung", "de")
		}, plan.ErrPeriodTooLong},
		{"extend without a reason", started, func(e plan.Editor, _ string) error { return e.Extend(day("2029-06-01"), " ", "de") }, plan.ErrReasonRequired},
		{"extend to before the planned end", started, func(e plan.Editor, _ string) error {
			return e.Extend(day("2028-12-31"), "Grund", "de")
		}, plan.ErrBadDate},
		{"extend without a plan", noPlan, func(e plan.Editor, _ string) error { return e.Extend(day("2029-06-01"), "Grund", "de") }, plan.ErrNoPlan},
		{"extend a closed plan", closed, func(e plan.Editor, _ string) error { return e.Extend(day("2029-06-01"), "Grund", "de") }, plan.ErrClosed},

		// Assessment
		{"assess a field of action", started, func(e plan.Editor, _ string) error {
			return ignoreID(e.SetAssessment(plan.Assessment{FieldOfAction: "WOHNEN", Needs: text("Wohnung"), Priority: 2}, "de"))
		}, nil},
		{"assess without a field of action", started, func(e plan.Editor, _ string) error {
			return ignoreID(e.SetAssessment(plan.Assessment{Needs: text("x")}, "de"))
		}, plan.ErrMissing},
		{"assess with priority 4", started, func(e plan.Editor, _ string) error {
			return ignoreID(e.SetAssessment(plan.Assessment{FieldOfAction: "WOHNEN", Priority: 4}, "de"))
		}, plan.ErrOutOfRange},

		// Goals
		{"add a goal without a plan", noPlan, func(e plan.Editor, _ string) error {
			return ignoreID(e.AddGoal(plan.Goal{FieldOfAction: "SPRACHE", Description: text("B1")}, "de"))
		}, plan.ErrNoPlan},
		{"add a goal without a field of action", started, func(e plan.Editor, _ string) error {
			return ignoreID(e.AddGoal(plan.Goal{Description: text("B1")}, "de"))
		}, plan.ErrMissing},
		{"add a goal without a description", started, func(e plan.Editor, _ string) error {
			return ignoreID(e.AddGoal(plan.Goal{FieldOfAction: "SPRACHE"}, "de"))
		}, plan.ErrMissing},
		{"add a goal in an unknown field", started, func(e plan.Editor, _ string) error {
			return ignoreID(e.AddGoal(plan.Goal{FieldOfAction: "RELIGION", Description: text("x")}, "de"))
		}, plan.ErrUnknownCode},
		{"add a goal due before counselling starts", started, func(e plan.Editor, _ string) error {
			return ignoreID(e.AddGoal(plan.Goal{FieldOfAction: "SPRACHE", Description: text("B1"), TargetDate: day("2025-12")}, "de"))
		}, plan.ErrBadDate},
		{"add a goal to a closed plan", closed, func(e plan.Editor, _ string) error {
			return ignoreID(e.AddGoal(plan.Goal{FieldOfAction: "SPRACHE", Description: text("B1")}, "de"))
		}, plan.ErrClosed},
		{"goal achieved with an outcome", started, func(e plan.Editor, g string) error {
			return e.SetGoalStatus(g, plan.GoalAchieved, "DTZ_B1_PASSED", day("2026-11-20"))
		}, nil},
		{"goal achieved without a date", started, func(e plan.Editor, g string) error {
			return e.SetGoalStatus(g, plan.GoalAchieved, "", plan.Date{})
		}, plan.ErrMissing},
		{"outcome for a goal in progress", started, func(e plan.Editor, g string) error {
			return e.SetGoalStatus(g, plan.GoalInProgress, "DTZ_B1_PASSED", day("2026-11-20"))
		}, plan.ErrOutcomeNeedsGoal},
		{"unknown outcome", started, func(e plan.Editor, g string) error {
			return e.SetGoalStatus(g, plan.GoalAchieved, "LOTTERY_WON", day("2026-11-20"))
		}, plan.ErrUnknownCode},
		{"unknown goal status", started, func(e plan.Editor, g string) error { return e.SetGoalStatus(g, "finished", "", plan.Date{}) }, plan.ErrUnknownCode},
		{"status of a goal that is not there", started, func(e plan.Editor, _ string) error {
			return e.SetGoalStatus("aaaaaaaaaaaaaaaa", plan.GoalInProgress, "", plan.Date{})
		}, plan.ErrNoEntry},
		{"a goal's final status after the case closed", closed, func(e plan.Editor, g string) error {
			return e.SetGoalStatus(g, "not_achieved", "", plan.Date{})
		}, nil},

		{"edit a goal's text, field, date and priority", started, func(e plan.Editor, g string) error {
			return ignoreChanged(e.EditGoal(g, plan.GoalChange{FieldOfAction: new("BILDUNG"), Description: new("B2"), TargetDate: new(day("2027")), Priority: new(0)}, "de"))
		}, nil},
		{"edit a goal of a closed plan", closed, func(e plan.Editor, g string) error {
			return ignoreChanged(e.EditGoal(g, plan.GoalChange{Description: new("B2")}, "de"))
		}, plan.ErrClosed},
		{"edit a goal without a plan", noPlan, func(e plan.Editor, _ string) error {
			return ignoreChanged(e.EditGoal("aaaaaaaaaaaaaaaa", plan.GoalChange{Description: new("B2")}, "de"))
		}, plan.ErrNoPlan},
		{"edit a goal that is not there", started, func(e plan.Editor, _ string) error {
			return ignoreChanged(e.EditGoal("aaaaaaaaaaaaaaaa", plan.GoalChange{Description: new("B2")}, "de"))
		}, plan.ErrNoEntry},
		{"edit a goal's description to nothing", started, func(e plan.Editor, g string) error {
			return ignoreChanged(e.EditGoal(g, plan.GoalChange{Description: new("  ")}, "de"))
		}, plan.ErrMissing},
		{"edit a goal's field of action to nothing", started, func(e plan.Editor, g string) error {
			return ignoreChanged(e.EditGoal(g, plan.GoalChange{FieldOfAction: new("")}, "de"))
		}, plan.ErrMissing},
		{"edit a goal into an unknown field", started, func(e plan.Editor, g string) error {
			return ignoreChanged(e.EditGoal(g, plan.GoalChange{FieldOfAction: new("RELIGION"), Description: new("B2")}, "de"))
		}, plan.ErrUnknownCode},
		{"edit a goal's target to before counselling starts", started, func(e plan.Editor, g string) error {
			return ignoreChanged(e.EditGoal(g, plan.GoalChange{Description: new("B2"), TargetDate: new(day("2025-12"))}, "de"))
		}, plan.ErrBadDate},
		{"edit a goal's priority to 4", started, func(e plan.Editor, g string) error {
			return ignoreChanged(e.EditGoal(g, plan.GoalChange{Description: new("B2"), Priority: new(4)}, "de"))
		}, plan.ErrOutOfRange},

		// Measures
		{"add a step", started, func(e plan.Editor, g string) error {
			return ignoreID(e.AddMeasure(plan.Measure{Goal: g, Description: text("Anmelden"), Responsible: "CLIENT", Due: day("2026-02-01")}, "de"))
		}, nil},
		{"add a step without who is responsible", started, func(e plan.Editor, g string) error {
			return ignoreID(e.AddMeasure(plan.Measure{Goal: g, Description: text("Anmelden")}, "de"))
		}, plan.ErrMissing},
		{"add a step with an unknown party", started, func(e plan.Editor, g string) error {
			return ignoreID(e.AddMeasure(plan.Measure{Goal: g, Description: text("Anmelden"), Responsible: "POLICE"}, "de"))
		}, plan.ErrUnknownCode},
		{"add a step to a goal that is not there", started, func(e plan.Editor, _ string) error {
			return ignoreID(e.AddMeasure(plan.Measure{Goal: "aaaaaaaaaaaaaaaa", Description: text("x"), Responsible: "IM"}, "de"))
		}, plan.ErrNoEntry},
		{"add a step to a closed plan", closed, func(e plan.Editor, g string) error {
			return ignoreID(e.AddMeasure(plan.Measure{Goal: g, Description: text("x"), Responsible: "IM"}, "de"))
		}, plan.ErrClosed},
		{"edit a step of a closed plan", closed, func(e plan.Editor, _ string) error {
			return ignoreChanged(e.EditMeasure("aaaaaaaaaaaaaaaa", plan.MeasureChange{Description: new("x")}, "de"))
		}, plan.ErrClosed},
		{"edit a step that is not there", started, func(e plan.Editor, _ string) error {
			return ignoreChanged(e.EditMeasure("aaaaaaaaaaaaaaaa", plan.MeasureChange{Description: new("x")}, "de"))
		}, plan.ErrNoEntry},
		{"edit a step to nobody responsible", started, func(e plan.Editor, _ string) error {
			return ignoreChanged(e.EditMeasure("aaaaaaaaaaaaaaaa", plan.MeasureChange{Responsible: new("")}, "de"))
		}, plan.ErrMissing},
		{"edit a step to an unknown party", started, func(e plan.Editor, _ string) error {
			return ignoreChanged(e.EditMeasure("aaaaaaaaaaaaaaaa", plan.MeasureChange{Responsible: new("POLICE")}, "de"))
		}, plan.ErrUnknownCode},
		{"a step done without a date", started, func(e plan.Editor, _ string) error {
			return e.SetMeasureStatus("aaaaaaaaaaaaaaaa", plan.MeasureDone, plan.Date{})
		}, plan.ErrMissing},

		// Reviews
		{"review with the next one before it", started, func(e plan.Editor, _ string) error {
			return ignoreID(e.AddReview(plan.Review{Date: day("2026-06-01"), NextReview: day("2026-05-01")}, "de"))
		}, plan.ErrBadDate},
		{"review that changes a status without naming the goal", started, func(e plan.Editor, _ string) error {
			return ignoreID(e.AddReview(plan.Review{Date: day("2026-06-01"), GoalStatus: plan.GoalInProgress}, "de"))
		}, plan.ErrMissing},
		{"review without a date", started, func(e plan.Editor, _ string) error {
			return ignoreID(e.AddReview(plan.Review{}, "de"))
		}, plan.ErrMissing},

		// Closure
		{"close with a reason", started, func(e plan.Editor, _ string) error {
			return e.Close("GOALS_REACHED_SELF_RELIANT", day("2027-03-01"), "", "de")
		}, nil},
		{"close without a reason", started, func(e plan.Editor, _ string) error { return e.Close("", day("2027-03-01"), "", "de") }, plan.ErrReasonRequired},
		{"close for another reason without saying which", started, func(e plan.Editor, _ string) error {
			return e.Close(plan.ClosureOther, day("2027-03-01"), "", "de")
		}, plan.ErrReasonRequired},
		{"close for an unknown reason", started, func(e plan.Editor, _ string) error {
			return e.Close("BORED", day("2027-03-01"), "", "de")
		}, plan.ErrUnknownCode},
		{"close before counselling started", started, func(e plan.Editor, _ string) error {
			return e.Close("MOVED_AWAY", day("2025-12-31"), "", "de")
		}, plan.ErrBadDate},
		{"close twice", closed, func(e plan.Editor, _ string) error { return e.Close("MOVED_AWAY", day("2027-05-01"), "", "de") }, plan.ErrClosed},

		// Contacts and referrals
		{"contact without a plan", noPlan, func(e plan.Editor, _ string) error {
			return ignoreID(e.AddContact(plan.Contact{Date: day("2026-01-05"), Mode: "in_person", DurationMin: 45, Topics: []string{"WOHNEN"}}, "de"))
		}, nil},
		{"contact in an unknown mode", started, func(e plan.Editor, _ string) error {
			return ignoreID(e.AddContact(plan.Contact{Date: day("2026-01-05"), Mode: "carrier_pigeon"}, "de"))
		}, plan.ErrUnknownCode},
		{"contact of 11 hours", started, func(e plan.Editor, _ string) error {
			return ignoreID(e.AddContact(plan.Contact{Date: day("2026-01-05"), DurationMin: 660}, "de"))
		}, plan.ErrOutOfRange},
		{"contact after the case closed", closed, func(e plan.Editor, _ string) error {
			return ignoreID(e.AddContact(plan.Contact{Date: day("2027-04-01"), Mode: "phone"}, "de"))
		}, plan.ErrClosed},
		{"contact before the case closed, recorded later", closed, func(e plan.Editor, _ string) error {
			return ignoreID(e.AddContact(plan.Contact{Date: day("2027-02-01"), Mode: "phone"}, "de"))
		}, nil},
		{"referral without the type of service", started, func(e plan.Editor, _ string) error {
			return ignoreID(e.AddReferral(plan.Referral{Date: day("2026-02-01")}, "de"))
		}, plan.ErrMissing},
		{"referral to an unknown service", started, func(e plan.Editor, _ string) error {
			return ignoreID(e.AddReferral(plan.Referral{Date: day("2026-02-01"), TargetType: "MAGICIAN"}, "de"))
		}, plan.ErrUnknownCode},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := newDoc(t)
			e := counsellorEditor(d)
			goal := ""
			if tt.state >= started {
				goal, _ = samplePlan(t, d)
			}
			if tt.state == closed {
				if err := e.Close("MOVED_AWAY", day("2027-03-01"), "", "de"); err != nil {
					t.Fatal(err)
				}
			}
			before := d.B.Heads()
			err := tt.op(e, goal)
			if !errors.Is(err, tt.wantErr) || (tt.wantErr == nil) != (err == nil) {
				t.Fatalf("got error %v, want %v", err, tt.wantErr)
			}
			if err != nil && !slices.Equal(before, d.B.Heads()) {
				t.Error("a refused edit changed the document")
			}
		})
	}
}

func TestGoalStatusRecordsAndClearsWhenItWasAchieved(t *testing.T) {
	d := newDoc(t)
	g, _ := samplePlan(t, d)
	e := counsellorEditor(d)
	if err := e.SetGoalStatus(g, plan.GoalAchieved, "DTZ_B1_PASSED", day("2026-11-20")); err != nil {
		t.Fatal(err)
	}
	got, _ := read(t, d).Goal(g)
	if got.Status != plan.GoalAchieved || got.AchievedAt != day("2026-11-20") || got.Outcome != "DTZ_B1_PASSED" {
		t.Errorf("after achieving: %+v", got)
	}
	// A review that finds the exam result was withdrawn.
	if _, err := e.AddReview(plan.Review{Date: day("2026-12-01"), Goal: g, GoalStatus: plan.GoalInProgress, Comment: text("Ergebnis aberkannt"), NextReview: day("2027-03-01")}, "de"); err != nil {
		t.Fatal(err)
	}
	p := read(t, d)
	got, _ = p.Goal(g)
	if got.Status != plan.GoalInProgress || !got.AchievedAt.IsZero() || got.Outcome != "" {
		t.Errorf("after the review: %+v, want in progress without date or outcome", got)
	}
	if p.NextReviewDue != day("2027-03-01") {
		t.Errorf("next review due %s, want the review's next date", p.NextReviewDue)
	}
	if len(p.Reviews) != 1 || p.Reviews[0].Goal != g || p.Reviews[0].GoalStatus != plan.GoalInProgress || p.Reviews[0].Comment.Text != "Ergebnis aberkannt" {
		t.Errorf("reviews = %+v", p.Reviews)
	}
	// Achieved through a review: on the review's date.
	if _, err := e.AddReview(plan.Review{Date: day("2027-02-10"), Goal: g, GoalStatus: plan.GoalAchieved}, "de"); err != nil {
		t.Fatal(err)
	}
	if got, _ = read(t, d).Goal(g); got.AchievedAt != day("2027-02-10") {
		t.Errorf("achieved through a review on %s, want the review's date", got.AchievedAt)
	}
}

func TestMeasureDoneRecordsTheDate(t *testing.T) {
	d := newDoc(t)
	samplePlan(t, d)
	p := read(t, d)
	m := p.Measures[0].ID
	e := counsellorEditor(d)
	if err := e.SetMeasureStatus(m, plan.MeasureDone, day("2026-01-30")); err != nil {
		t.Fatal(err)
	}
	if got := read(t, d).Measures[0]; got.Status != plan.MeasureDone || got.DoneAt != day("2026-01-30") {
		t.Errorf("after done: %+v", got)
	}
	if err := e.SetMeasureStatus(m, plan.MeasureInProgress, plan.Date{}); err != nil {
		t.Fatal(err)
	}
	if got := read(t, d).Measures[0]; got.Status != plan.MeasureInProgress || !got.DoneAt.IsZero() {
		t.Errorf("after reopening: %+v", got)
	}
}

func TestReadGivesBackWhatWasWritten(t *testing.T) {
	d := newDoc(t)
	g1, g2 := samplePlan(t, d)
	e := counsellorEditor(d)
	id := idOf(t)
	a1 := id(e.SetAssessment(plan.Assessment{FieldOfAction: "WOHNEN", Situation: text("Gemeinschaftsunterkunft"), Priority: 1}, "de"))
	a2 := id(e.SetAssessment(plan.Assessment{FieldOfAction: "WOHNEN", Needs: text("eigene Wohnung"), Priority: 2}, "de"))
	if a1 != a2 {
		t.Errorf("a second assessment of the same field made entry %s beside %s", a2, a1)
	}
	ref := id(e.AddReferral(plan.Referral{Date: day("2026-02-01"), TargetType: "ANERKENNUNGSBERATUNG", TargetName: "IQ Netzwerk", Purpose: text("Anerkennung Bäckerlehre")}, "de"))
	id(e.AddContact(plan.Contact{Date: day("2026-02-01"), Mode: "in_person", DurationMin: 60, Topics: []string{"ARBEIT", "SPRACHE"}, InterpreterLanguage: "ara", Note: text("vertraulich")}, "de"))
	if err := e.Extend(day("2029-07-15"), "Ausbildung endet im Sommer 2029", "de"); err != nil {
		t.Fatal(err)
	}
	if err := e.SetCaseNotesDocument("notesdoc"); err != nil {
		t.Fatal(err)
	}

	p := read(t, d)
	if len(p.Goals) != 2 || p.Goals[0].ID != g1 || p.Goals[1].ID != g2 || p.Goals[1].Description.Lang != "ar" || p.Goals[0].Status != plan.GoalOpen {
		t.Errorf("goals = %+v", p.Goals)
	}
	if len(p.Measures) != 4 || p.Measures[1].ResponsibleName != "Frau Weber" || p.Measures[1].Goal != g1 || p.Measures[3].Goal != "" || p.Measures[0].Status != plan.MeasureOpen {
		t.Errorf("measures = %+v", p.Measures)
	}
	if len(p.Assessments) != 1 || p.Assessments[0].Priority != 2 || p.Assessments[0].Situation.Text != "Gemeinschaftsunterkunft" || p.Assessments[0].Needs.Text != "eigene Wohnung" {
		t.Errorf("assessments = %+v", p.Assessments)
	}
	if len(p.Referrals) != 1 || p.Referrals[0].ID != ref || p.Referrals[0].TargetName != "IQ Netzwerk" {
		t.Errorf("referrals = %+v", p.Referrals)
	}
	c := p.Contacts
	if len(c) != 1 || c[0].DurationMin != 60 || !slices.Equal(c[0].Topics, []string{"ARBEIT", "SPRACHE"}) || !c[0].InterpreterUsed || c[0].InterpreterLanguage != "ara" || c[0].Note.Text != "vertraulich" {
		t.Errorf("contacts = %+v", c)
	}
	if p.EndPlanned != day("2029-07-15") || p.ExtensionReason.Text != "Ausbildung endet im Sommer 2029" || p.CaseNotesDocument != "notesdoc" {
		t.Errorf("end %s, reason %q, notes %q", p.EndPlanned, p.ExtensionReason.Text, p.CaseNotesDocument)
	}
	if err := e.Close(plan.ClosureMaxDuration, day("2029-07-15"), "", "de"); err != nil {
		t.Fatal(err)
	}
	if p := read(t, d); !p.Closed() || p.Status != plan.CodeClosed || p.ClosureReason != plan.ClosureMaxDuration || p.ClosureDate != day("2029-07-15") {
		t.Errorf("after closing: status %q, reason %q, date %s", p.Status, p.ClosureReason, p.ClosureDate)
	}
}

func TestEntryIDsByTheirBeginning(t *testing.T) {
	p := plan.Plan{Goals: []plan.Goal{{ID: "abcdef"}, {ID: "abxyz1"}, {ID: "qqqqqq"}}}
	tests := []struct {
		prefix  string
		want    string
		wantErr error
	}{
		{"abc", "abcdef", nil},
		{"q", "qqqqqq", nil},
		{"ab", "", plan.ErrAmbiguous},
		{"zz", "", plan.ErrNoEntry},
		{"", "", plan.ErrNoEntry},
	}
	for _, tt := range tests {
		got, err := p.GoalID(tt.prefix)
		if got != tt.want || !errors.Is(err, tt.wantErr) {
			t.Errorf("GoalID(%q) = %q, %v; want %q, %v", tt.prefix, got, err, tt.want, tt.wantErr)
		}
	}
}

func TestParseDate(t *testing.T) {
	tests := []struct {
		in      string
		want    plan.Date
		wantErr bool
	}{
		{in: "2026", want: plan.Date{Year: 2026}},
		{in: "2026-05", want: plan.Date{Year: 2026, Month: 5}},
		{in: "2026-05-17", want: plan.Date{Year: 2026, Month: 5, Day: 17}},
		{in: "2026-05-17~", want: plan.Date{Year: 2026, Month: 5, Day: 17}},
		{in: "2026-02-30", wantErr: true},
		{in: "2026-13", wantErr: true},
		{in: "17.05.2026", wantErr: true},
		{in: "", wantErr: true},
	}
	for _, tt := range tests {
		got, err := plan.ParseDate(tt.in)
		if (err != nil) != tt.wantErr || got != tt.want {
			t.Errorf("ParseDate(%q) = %v, %v; want %v (error %v)", tt.in, got, err, tt.want, tt.wantErr)
		}
	}
}
