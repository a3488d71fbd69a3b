package plan

import (
	"sort"
	"time"

	"github.com/mobio-sync/mobio/casework"
)

// DefaultHorizon is how many days ahead Due looks for what comes up.
const DefaultHorizon = 14

// DueKind is what a DueItem is about.
type DueKind string

// Kinds of due items, in the order they are listed on the same day.
const (
	DueEndReached DueKind = "end_reached"  // the planned end of counselling has come
	DueEnd1Month  DueKind = "end_1_month"  // counselling ends within a month
	DueEnd3Months DueKind = "end_3_months" // counselling ends within three months
	DueReview     DueKind = "review"       // the next review of the plan
	DueMeasure    DueKind = "measure"      // a step's due date
	DueGoal       DueKind = "goal"         // a goal's target date
)

var dueRank = map[DueKind]int{DueEndReached: 0, DueEnd1Month: 1, DueEnd3Months: 2, DueReview: 3, DueMeasure: 4, DueGoal: 5}

// DueItem is one thing that is due or overdue.
type DueItem struct {
	Kind    DueKind
	Date    Date // when it is due
	Days    int  // days from today to the end of Date; negative when overdue
	Overdue bool
	Entry   string        // the goal's or step's entry ID
	Text    casework.Text // the goal's or step's description
	// Responsible is who does a step (code list responsible_party).
	Responsible string
	// CanExtend is set on DueEndReached while the period has not yet reached 48 months: the
	// choice is to extend it, with a reason, or to close the case with ClosureMaxDuration.
	// Without it, only closing is left.
	CanExtend bool
}

// Due lists what in plan p is overdue on today or comes up within DefaultHorizon days,
// sorted by date.
func Due(p Plan, today time.Time) []DueItem { return DueWithin(p, today, DefaultHorizon) }

// DueWithin lists what in plan p is overdue on today or comes up within horizon days, sorted by
// date: steps not yet done, target dates of goals still open, the next review, and the end of
// counselling, with reminders three months and one month before it. A closed plan has nothing
// due. A partial date ("2026-06") comes up when its period begins and is overdue once it has
// ended.
func DueWithin(p Plan, today time.Time, horizon int) []DueItem {
	if p.Closed() {
		return nil
	}
	t := DateOf(today).First()
	until := t.AddDate(0, 0, horizon)
	var out []DueItem
	add := func(it DueItem) {
		if it.Date.IsZero() || it.Date.First().After(until) {
			return
		}
		it.Days = daysBetween(t, it.Date.Last())
		it.Overdue = it.Days < 0
		out = append(out, it)
	}
	for _, m := range p.Measures {
		switch m.Status {
		case "", MeasureOpen, MeasureInProgress:
			add(DueItem{Kind: DueMeasure, Date: m.Due, Entry: m.ID, Text: m.Description, Responsible: m.Responsible})
		}
	}
	for _, g := range p.Goals {
		switch g.Status {
		case "", GoalOpen, GoalInProgress:
			add(DueItem{Kind: DueGoal, Date: g.TargetDate, Entry: g.ID, Text: g.Description})
		}
	}
	add(DueItem{Kind: DueReview, Date: p.NextReviewDue})
	if end := p.EndPlanned; !end.IsZero() {
		it := DueItem{Date: end, CanExtend: p.Started() && end.Before(p.MaxEnd())}
		switch {
		case !t.Before(end.Last()):
			it.Kind = DueEndReached
		case !t.Before(end.AddMonths(-1).Last()):
			it.Kind = DueEnd1Month
		case !t.Before(end.AddMonths(-3).Last()):
			it.Kind = DueEnd3Months
		}
		if it.Kind != "" {
			it.Days = daysBetween(t, end.Last())
			it.Overdue = it.Days < 0
			out = append(out, it)
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if !a.Date.Last().Equal(b.Date.Last()) {
			return a.Date.Last().Before(b.Date.Last())
		}
		if dueRank[a.Kind] != dueRank[b.Kind] {
			return dueRank[a.Kind] < dueRank[b.Kind]
		}
		return a.Entry < b.Entry
	})
	return out
}
