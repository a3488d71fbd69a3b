package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/mobio-sync/mobio/casework"
	"github.com/mobio-sync/mobio/casework/plan"
	"github.com/mobio-sync/mobio/client"
	"github.com/mobio-sync/mobio/crdt/schema"
)

// planView prints a plan for a reader of lang, with the catalogue's labels.
type planView struct {
	w    *labelWriter
	lang string
}

// label returns the label of the field at path ("plan.goals.status") in the reader's language.
func (v planView) label(path string) string {
	f, err := schema.Default().Field(path)
	if err != nil {
		return path
	}
	return f.Label.In(v.lang)
}

// row prints the field at path with value, indented; nothing for an empty value.
func (v planView) row(indent int, path, value string) {
	if value == "" {
		return
	}
	v.w.row(strings.Repeat("  ", indent)+v.label(path), value)
}

func (v planView) text(indent int, path string, t casework.Text) {
	v.row(indent, path, displayText(t, v.lang))
}

func (v planView) code(indent int, path, list, code string) {
	if code != "" {
		v.row(indent, path, codeText(list, code, v.lang))
	}
}

// heading prints a line outside the columns.
func (v planView) heading(indent int, s string) {
	fmt.Fprintf(v.w.tw, "%s%s\n", strings.Repeat("  ", indent), s)
}

// renderPlan prints plan p of biography d; agreement says what verifying the latest goal
// agreement gave, if there is one.
func renderPlan(w io.Writer, lang string, d client.DocInfo, p plan.Plan, agreement string) error {
	v := planView{w: newLabelWriter(w), lang: lang}
	v.heading(0, msg(lang, msgPlanHeading, docTitle(lang, d.Title)+"  ("+d.ID.String()+")"))
	v.code(0, "plan.status", "plan_status", p.Status)
	v.code(0, "plan.phase", "stage", p.Phase)
	v.row(0, "plan.counselling_start", p.Start.String())
	if !p.EndPlanned.IsZero() {
		months := (p.EndPlanned.Year-p.Start.Year)*12 + p.EndPlanned.Month - p.Start.Month
		v.row(0, "plan.counselling_end_planned", p.EndPlanned.String()+"   ("+msg(lang, msgPlanMonths, months)+")")
	}
	v.text(0, "plan.extension_reason", p.ExtensionReason)
	v.row(0, "plan.next_review_due", p.NextReviewDue.String())
	if agreement != "" {
		v.w.row(msg(lang, msgPlanAgreementLabel), agreement)
	}
	if p.Closed() {
		v.row(0, "plan.closure_date", p.ClosureDate.String())
		v.code(0, "plan.closure_reason", "closure_reason", p.ClosureReason)
		v.text(0, "plan.closure_note", p.ClosureNote)
	}

	if len(p.Assessments) > 0 {
		v.heading(0, "")
		v.heading(0, v.label("plan.assessments"))
		for _, as := range p.Assessments {
			v.heading(1, codeText("field_of_action", as.FieldOfAction, lang))
			v.text(2, "plan.assessments.situation", as.Situation)
			v.text(2, "plan.assessments.resources", as.Resources)
			v.text(2, "plan.assessments.needs", as.Needs)
			v.row(2, "plan.assessments.priority", itoaOrEmpty(as.Priority))
		}
	}

	measure := func(indent int, m plan.Measure) {
		v.heading(indent, "["+shortEntryID(m.ID)+"] "+displayText(m.Description, lang))
		v.code(indent+1, "plan.measures.responsible_party", "responsible_party", m.Responsible)
		v.row(indent+1, "plan.measures.responsible_name", m.ResponsibleName)
		v.row(indent+1, "plan.measures.due_date", m.Due.String())
		v.code(indent+1, "plan.measures.status", "measure_status", m.Status)
		v.row(indent+1, "plan.measures.done_at", m.DoneAt.String())
	}
	goals := map[string]bool{}
	if len(p.Goals) > 0 {
		v.heading(0, "")
		v.heading(0, v.label("plan.goals"))
	}
	for _, g := range p.Goals {
		goals[g.ID] = true
		v.heading(1, "["+shortEntryID(g.ID)+"] "+displayText(g.Description, lang))
		v.code(2, "plan.goals.field_of_action", "field_of_action", g.FieldOfAction)
		v.row(2, "plan.goals.target_date", g.TargetDate.String())
		v.row(2, "plan.goals.priority", itoaOrEmpty(g.Priority))
		v.code(2, "plan.goals.status", "goal_status", g.Status)
		v.row(2, "plan.goals.achieved_at", g.AchievedAt.String())
		v.code(2, "plan.goals.outcome", "outcome", g.Outcome)
		for _, m := range p.Measures {
			if m.Goal == g.ID {
				measure(2, m)
			}
		}
	}
	first := true
	for _, m := range p.Measures {
		if goals[m.Goal] {
			continue
		}
		if first {
			v.heading(0, "")
			v.heading(0, msg(lang, msgPlanNoGoalSteps))
			first = false
		}
		measure(1, m)
	}

	if len(p.Reviews) > 0 {
		v.heading(0, "")
		v.heading(0, v.label("plan.reviews"))
		for _, r := range p.Reviews {
			v.heading(1, r.Date.String())
			if r.Goal != "" {
				v.row(2, "plan.reviews.goal", "["+shortEntryID(r.Goal)+"]")
			}
			v.code(2, "plan.reviews.goal_status", "goal_status", r.GoalStatus)
			v.text(2, "plan.reviews.comment", r.Comment)
			v.row(2, "plan.reviews.next_review_date", r.NextReview.String())
		}
	}
	if len(p.Contacts) > 0 {
		v.heading(0, "")
		v.heading(0, v.label("contacts.contacts"))
		for _, c := range p.Contacts {
			v.heading(1, c.Date.String())
			v.code(2, "contacts.contacts.mode", "contact_mode", c.Mode)
			v.row(2, "contacts.contacts.duration_min", itoaOrEmpty(c.DurationMin))
			topics := make([]string, len(c.Topics))
			for i, t := range c.Topics {
				topics[i] = codeText("field_of_action", t, lang)
			}
			v.row(2, "contacts.contacts.topics", strings.Join(topics, ", "))
			v.code(2, "contacts.contacts.interpreter_language", "language", c.InterpreterLanguage)
			v.text(2, "contacts.contacts.note", c.Note)
		}
	}
	if len(p.Referrals) > 0 {
		v.heading(0, "")
		v.heading(0, v.label("contacts.referrals"))
		for _, r := range p.Referrals {
			v.heading(1, r.Date.String()+"  ["+shortEntryID(r.ID)+"]")
			v.code(2, "contacts.referrals.target_type", "referral_target", r.TargetType)
			v.row(2, "contacts.referrals.target_name", r.TargetName)
			v.text(2, "contacts.referrals.purpose", r.Purpose)
			v.text(2, "contacts.referrals.outcome", r.Outcome)
		}
	}
	return v.w.flush()
}
