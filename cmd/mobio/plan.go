package main

import (
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/mobio-sync/mobio/casework"
	"github.com/mobio-sync/mobio/casework/crdtdoc"
	"github.com/mobio-sync/mobio/casework/plan"
	"github.com/mobio-sync/mobio/client"
	"github.com/mobio-sync/mobio/crdt"
	"github.com/mobio-sync/mobio/e2ee"
)

func init() { registerCommand(newPlanCmd) }

// planToday is the clock of the plan commands: the default date of what they record and the
// day that due is counted from. Tests set it.
var planToday = time.Now

// errAgreementNotValid is the error of plan verify when the agreement is not valid.
var errAgreementNotValid = errors.New("the goal agreement is not valid")

func newPlanCmd(a *app) *cobra.Command {
	f := &homeFlags{}
	pf := &planFlags{}
	cmd := &cobra.Command{
		Use:   "plan",
		Short: "The integration plan: goals, steps, reviews, what is due, and the goal agreement",
		Long: `Keep the integration plan of a biography (Integrationsplan): the counselling period (36 months
from its start, up to 48 with a reason), the assessment per field of action, goals with their
outcome, steps with who does what by when, reviews, counselling contacts, referrals, and the
closure of the case with its reason.

mobio plan due lists what is overdue or comes up soon in every biography you can read, and
reminds three months and one month before counselling ends.

The goal agreement (Zielvereinbarung) is signed by both sides with their identity keys: the
newcomer (the biography's owner) and the counsellor each run mobio plan agree, which shows the
plan in German as it is signed. mobio plan verify checks the signatures against the members
of the biography; any later change to the goals, steps or period shows the agreement as
outdated until both sign again. Taking part is voluntary.

Codes are typed as codes or as their label in any language (mobio schema codes LIST lists
them); dates as 2026-05-17 or 17.05.2026. Entries (goals, steps) are named by the beginning of
their ID, as mobio plan show prints it.`,
		Example: `  mobio plan start amina --date 2026-01-15 --phase AU
  mobio plan goal add amina --field SPRACHE --text "Deutschprüfung B1 bestehen" --target 2026-12
  mobio plan measure add amina --goal k3x9 --text "Zum Kurs anmelden" --responsible CLIENT --due 2026-02-01
  mobio plan due --all
  mobio plan agree amina
  mobio plan verify amina`,
		Args: cobra.NoArgs,
	}
	f.register(cmd.PersistentFlags())
	pf.register(cmd.PersistentFlags())
	cmd.AddCommand(
		newPlanShowCmd(a, f), newPlanDueCmd(a, f), newPlanStartCmd(a, f, pf), newPlanExtendCmd(a, f, pf),
		newPlanAssessCmd(a, f, pf), newPlanGoalCmd(a, f, pf), newPlanMeasureCmd(a, f), newPlanReviewCmd(a, f, pf),
		newPlanCloseCmd(a, f, pf), newPlanContactCmd(a, f, pf), newPlanReferralCmd(a, f, pf),
		newPlanAgreeCmd(a, f), newPlanVerifyCmd(a, f),
	)
	return cmd
}

// planFlags are the flags every editing plan command shares.
type planFlags struct {
	textLang string // the language free text is written in
}

func (p *planFlags) register(fs *pflag.FlagSet) {
	fs.StringVar(&p.textLang, "text-lang", "", "the `LANGUAGE` free text is written in (default: --lang)")
}

func (p *planFlags) lang(x *session) string {
	if p.textLang != "" {
		return p.textLang
	}
	return x.Lang
}

// planProvenance is who writes: the newcomer (owner) speaks for herself, a counsellor as a
// counsellor.
func planProvenance(x *session, d client.DocInfo) casework.Provenance {
	src := "counsellor"
	if d.Role == e2ee.RoleOwner {
		src = "self"
	}
	return casework.Provenance{Source: src, By: x.id.ID().String()}
}

// editPlan runs fn on the plan of biography d as one change.
func (x *session) editPlan(cmd *cobra.Command, d client.DocInfo, what string, fn func(e plan.Editor, p plan.Plan) error) error {
	err := x.edit(cmd.Context(), d.ID, what, func(b *crdt.Biography) error {
		doc := crdtdoc.Wrap(b)
		p, err := plan.Read(doc)
		if err != nil {
			return err
		}
		return fn(plan.Editor{Doc: doc, By: planProvenance(x, d)}, p)
	})
	return planError(x.Lang, err)
}

// readPlan reads the plan of biography d.
func (x *session) readPlan(cmd *cobra.Command, d client.DocInfo) (plan.Plan, error) {
	var p plan.Plan
	err := x.read(cmd.Context(), d.ID, func(b *crdt.Biography) error {
		var err error
		p, err = plan.Read(crdtdoc.Wrap(b))
		return err
	})
	return p, err
}

// planError says in the person's language what rule of the plan an edit broke.
func planError(lang string, err error) error {
	if err == nil {
		return nil
	}
	if _, ok := errors.AsType[*userError](err); ok {
		return err
	}
	for _, m := range []struct {
		err error
		id  msgID
	}{
		{plan.ErrNoPlan, msgPlanNone},
		{plan.ErrClosed, msgPlanClosed},
		{plan.ErrReasonRequired, msgPlanReasonRequired},
		{plan.ErrBadDate, msgPlanBadDate},
		{plan.ErrMissing, msgPlanMissing},
		{plan.ErrOutOfRange, msgPlanOutOfRange},
		{plan.ErrOutcomeNeedsGoal, msgPlanOutcomeNeedsAchieved},
		{plan.ErrAlreadySigned, msgPlanAlreadySigned},
		{plan.ErrSameSigner, msgPlanSameSigner},
		{plan.ErrPlanChanged, msgPlanChanged},
	} {
		if errors.Is(err, m.err) {
			return newUserError(err, lang, m.id)
		}
	}
	return err
}

// codeFlag parses the value of --flag as a code of list (or its label in any language).
func codeFlag(lang, flag, list, s string) (string, error) {
	if strings.TrimSpace(s) == "" {
		return "", nil
	}
	c, ok := lookupCode(list, s)
	if !ok {
		return "", newUserError(fmt.Errorf("%w: %w", errBadValue, plan.ErrUnknownCode), lang, msgNotACode, "--"+flag, list)
	}
	return c, nil
}

// dateFlag parses the value of --flag as a date as people type it; empty gives def.
func dateFlag(lang, flag, s string, def plan.Date) (plan.Date, error) {
	if strings.TrimSpace(s) == "" {
		return def, nil
	}
	d, err := crdt.ParseDate(strings.TrimSuffix(strings.TrimSpace(s), "~"))
	if err != nil {
		return plan.Date{}, newUserError(fmt.Errorf("%w: %w", errBadValue, err), lang, msgInvalidValue, "--"+flag, msg(lang, msgHintDate))
	}
	return plan.Date{Year: d.Year, Month: d.Month, Day: d.Day}, nil
}

func today() plan.Date { return plan.DateOf(planToday()) }

// entryError says that prefix names no entry, or several, of list.
func entryError(lang, list, prefix string, err error) error {
	switch {
	case errors.Is(err, plan.ErrAmbiguous):
		return newUserError(err, lang, msgAmbiguousEntry, prefix, list)
	case errors.Is(err, plan.ErrNoEntry):
		return newUserError(err, lang, msgNoEntry, prefix, list)
	}
	return err
}

func newPlanStartCmd(a *app, f *homeFlags, _ *planFlags) *cobra.Command {
	var date, phase string
	cmd := &cobra.Command{
		Use:   "start DOC",
		Short: "Start counselling: the plan as a draft, the period of 36 months",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return a.withDoc(cmd.Context(), f, sessionOpts{}, args[0], func(x *session, d client.DocInfo) error {
				start, err := dateFlag(x.Lang, "date", date, today())
				if err != nil {
					return err
				}
				ph, err := codeFlag(x.Lang, "phase", "stage", phase)
				if err != nil {
					return err
				}
				var p plan.Plan
				err = x.editPlan(cmd, d, "start the integration plan", func(e plan.Editor, old plan.Plan) error {
					p = old
					return e.Start(start, ph)
				})
				if errors.Is(err, plan.ErrPlanExists) {
					return newUserError(err, x.Lang, msgPlanExists, p.Start)
				}
				if err != nil {
					return err
				}
				fmt.Fprintln(a.Stdout, msg(x.Lang, msgPlanStarted, start, start.AddMonths(plan.RegularMonths), start.AddMonths(plan.MaxMonths)))
				return nil
			})
		},
	}
	cmd.Flags().StringVar(&date, "date", "", "the `DATE` counselling starts (default: today)")
	cmd.Flags().StringVar(&phase, "phase", "", "the accommodation `PHASE`: VU or AU")
	return cmd
}

func newPlanExtendCmd(a *app, f *homeFlags, pf *planFlags) *cobra.Command {
	var until, reason string
	cmd := &cobra.Command{
		Use:   "extend DOC --until DATE --reason TEXT",
		Short: "Extend counselling beyond 36 months, up to 48, for a reason",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return a.withDoc(cmd.Context(), f, sessionOpts{}, args[0], func(x *session, d client.DocInfo) error {
				to, err := dateFlag(x.Lang, "until", until, plan.Date{})
				if err != nil {
					return err
				}
				var p plan.Plan
				err = x.editPlan(cmd, d, "extend counselling", func(e plan.Editor, old plan.Plan) error {
					p = old
					return e.Extend(to, reason, pf.lang(x))
				})
				if errors.Is(err, plan.ErrPeriodTooLong) {
					return newUserError(err, x.Lang, msgPlanTooLong, p.MaxEnd())
				}
				if err != nil {
					return err
				}
				fmt.Fprintln(a.Stdout, msg(x.Lang, msgPlanExtended, to))
				return nil
			})
		},
	}
	cmd.Flags().StringVar(&until, "until", "", "the new planned end of counselling, at most 48 months after its start")
	cmd.Flags().StringVar(&reason, "reason", "", "why counselling continues (required)")
	_ = cmd.MarkFlagRequired("until")
	return cmd
}

func newPlanAssessCmd(a *app, f *homeFlags, pf *planFlags) *cobra.Command {
	var field, situation, resources, needs string
	var priority int
	cmd := &cobra.Command{
		Use:   "assess DOC --field FIELD",
		Short: "Record the needs and resources assessment of one field of action",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return a.withDoc(cmd.Context(), f, sessionOpts{}, args[0], func(x *session, d client.DocInfo) error {
				fa, err := codeFlag(x.Lang, "field", "field_of_action", field)
				if err != nil {
					return err
				}
				as := plan.Assessment{FieldOfAction: fa, Situation: casework.Text{Text: situation},
					Resources: casework.Text{Text: resources}, Needs: casework.Text{Text: needs}, Priority: priority}
				if err := x.editPlan(cmd, d, "assess "+fa, func(e plan.Editor, _ plan.Plan) error {
					_, err := e.SetAssessment(as, pf.lang(x))
					return err
				}); err != nil {
					return err
				}
				fmt.Fprintln(a.Stdout, msg(x.Lang, msgPlanAssessed, codeText("field_of_action", fa, x.Lang)))
				return nil
			})
		},
	}
	cmd.Flags().StringVar(&field, "field", "", "the field of action (code list field_of_action)")
	cmd.Flags().StringVar(&situation, "situation", "", "the current situation")
	cmd.Flags().StringVar(&resources, "resources", "", "resources and strengths")
	cmd.Flags().StringVar(&needs, "needs", "", "what is still needed")
	cmd.Flags().IntVar(&priority, "priority", 0, "1 (high) to 3 (low)")
	_ = cmd.MarkFlagRequired("field")
	return cmd
}

func newPlanGoalCmd(a *app, f *homeFlags, pf *planFlags) *cobra.Command {
	cmd := &cobra.Command{Use: "goal", Short: "Add goals, change them and set their status", Args: cobra.NoArgs}

	var field, text, target string
	var priority int
	add := &cobra.Command{
		Use:   "add DOC --field FIELD --text TEXT",
		Short: "Add a goal; prints its ID",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return a.withDoc(cmd.Context(), f, sessionOpts{}, args[0], func(x *session, d client.DocInfo) error {
				fa, err := codeFlag(x.Lang, "field", "field_of_action", field)
				if err != nil {
					return err
				}
				td, err := dateFlag(x.Lang, "target", target, plan.Date{})
				if err != nil {
					return err
				}
				var id string
				if err := x.editPlan(cmd, d, "add a goal", func(e plan.Editor, _ plan.Plan) error {
					id, err = e.AddGoal(plan.Goal{FieldOfAction: fa, Description: casework.Text{Text: text}, TargetDate: td, Priority: priority}, pf.lang(x))
					return err
				}); err != nil {
					return err
				}
				fmt.Fprintln(a.Stdout, id)
				fmt.Fprintln(a.Stderr, msg(x.Lang, msgPlanGoalAdded, shortEntryID(id)))
				return nil
			})
		},
	}
	add.Flags().StringVar(&field, "field", "", "the field of action (code list field_of_action)")
	add.Flags().StringVar(&text, "text", "", "what the goal is")
	add.Flags().StringVar(&target, "target", "", "the target `DATE` (may be a month or a year)")
	add.Flags().IntVar(&priority, "priority", 0, "1 (high) to 3 (low)")
	_ = add.MarkFlagRequired("field")
	_ = add.MarkFlagRequired("text")

	var outcome, on string
	status := &cobra.Command{
		Use:   "status DOC GOAL STATUS",
		Short: "Set a goal's status (open, in_progress, achieved, partly_achieved, not_achieved, dropped)",
		Args:  cobra.ExactArgs(3),
		RunE: func(cmd *cobra.Command, args []string) error {
			return a.withDoc(cmd.Context(), f, sessionOpts{}, args[0], func(x *session, d client.DocInfo) error {
				st, err := codeFlag(x.Lang, "status", "goal_status", args[2])
				if err != nil {
					return err
				}
				oc, err := codeFlag(x.Lang, "outcome", "outcome", outcome)
				if err != nil {
					return err
				}
				at, err := dateFlag(x.Lang, "date", on, today())
				if err != nil {
					return err
				}
				var id string
				if err := x.editPlan(cmd, d, "set a goal's status", func(e plan.Editor, p plan.Plan) error {
					if id, err = p.GoalID(args[1]); err != nil {
						return entryError(x.Lang, "plan.goals", args[1], err)
					}
					return e.SetGoalStatus(id, st, oc, at)
				}); err != nil {
					return err
				}
				fmt.Fprintln(a.Stdout, msg(x.Lang, msgPlanGoalStatus, shortEntryID(id), codeText("goal_status", st, x.Lang)))
				return nil
			})
		},
	}
	status.Flags().StringVar(&outcome, "outcome", "", "what was reached (code list outcome), for an achieved goal")
	status.Flags().StringVar(&on, "date", "", "the `DATE` the goal was achieved (default: today)")
	cmd.AddCommand(add, newPlanGoalEditCmd(a, f, pf), status)
	return cmd
}

func newPlanGoalEditCmd(a *app, f *homeFlags, pf *planFlags) *cobra.Command {
	var field, text, target string
	var priority int
	edit := &cobra.Command{
		Use:   "edit DOC GOAL [--text TEXT] [--target DATE] [--field FIELD] [--priority N]",
		Short: "Change a goal's text, target date, field of action or priority",
		Long: `Change what a goal says: only the values given change, and a value as it is already
changes nothing. --target "" clears the target date, --priority 0 the priority. A goal agreement
signed before shows as outdated after a change, until both sides sign again.`,
		Args: cobra.ExactArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			return a.withDoc(cmd.Context(), f, sessionOpts{}, args[0], func(x *session, d client.DocInfo) error {
				var c plan.GoalChange
				fs := cmd.Flags()
				if fs.Changed("field") {
					fa, err := codeFlag(x.Lang, "field", "field_of_action", field)
					if err != nil {
						return err
					}
					c.FieldOfAction = &fa
				}
				if fs.Changed("text") {
					c.Description = &text
				}
				if fs.Changed("target") {
					td, err := dateFlag(x.Lang, "target", target, plan.Date{})
					if err != nil {
						return err
					}
					c.TargetDate = &td
				}
				if fs.Changed("priority") {
					c.Priority = &priority
				}
				// Without --text-lang the text keeps the language it is written in.
				var id string
				var changed bool
				if err := x.editPlan(cmd, d, "edit a goal", func(e plan.Editor, p plan.Plan) error {
					var err error
					if id, err = p.GoalID(args[1]); err != nil {
						return entryError(x.Lang, "plan.goals", args[1], err)
					}
					changed, err = e.EditGoal(id, c, pf.textLang)
					return err
				}); err != nil {
					return err
				}
				m := msgPlanGoalEdited
				if !changed {
					m = msgPlanGoalUnchanged
				}
				fmt.Fprintln(a.Stdout, msg(x.Lang, m, shortEntryID(id)))
				return nil
			})
		},
	}
	edit.Flags().StringVar(&field, "field", "", "the field of action (code list field_of_action)")
	edit.Flags().StringVar(&text, "text", "", "what the goal is (in --text-lang; default: the language it is written in)")
	edit.Flags().StringVar(&target, "target", "", "the target `DATE` (may be a month or a year; \"\" clears it)")
	edit.Flags().IntVar(&priority, "priority", 0, "1 (high) to 3 (low); 0 clears it")
	return edit
}

func newPlanMeasureCmd(a *app, f *homeFlags) *cobra.Command {
	cmd := &cobra.Command{Use: "measure", Short: "Add steps and record when they are done", Args: cobra.NoArgs}

	var goal, text, responsible, name, due, referral, textLang string
	add := &cobra.Command{
		Use:   "add DOC --text TEXT --responsible PARTY",
		Short: "Add a step: who does what by when; prints its ID",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return a.withDoc(cmd.Context(), f, sessionOpts{}, args[0], func(x *session, d client.DocInfo) error {
				party, err := codeFlag(x.Lang, "responsible", "responsible_party", responsible)
				if err != nil {
					return err
				}
				dd, err := dateFlag(x.Lang, "due", due, plan.Date{})
				if err != nil {
					return err
				}
				lang := textLang
				if lang == "" {
					lang = x.Lang
				}
				var id string
				if err := x.editPlan(cmd, d, "add a step", func(e plan.Editor, p plan.Plan) error {
					m := plan.Measure{Description: casework.Text{Text: text}, Responsible: party, ResponsibleName: name, Due: dd}
					if goal != "" {
						if m.Goal, err = p.GoalID(goal); err != nil {
							return entryError(x.Lang, "plan.goals", goal, err)
						}
					}
					if referral != "" {
						if m.Referral, err = p.ReferralID(referral); err != nil {
							return entryError(x.Lang, "contacts.referrals", referral, err)
						}
					}
					id, err = e.AddMeasure(m, lang)
					return err
				}); err != nil {
					return err
				}
				fmt.Fprintln(a.Stdout, id)
				fmt.Fprintln(a.Stderr, msg(x.Lang, msgPlanMeasureAdded, shortEntryID(id)))
				return nil
			})
		},
	}
	add.Flags().StringVar(&goal, "goal", "", "the goal the step serves (the beginning of its ID)")
	add.Flags().StringVar(&text, "text", "", "what is to be done")
	add.Flags().StringVar(&responsible, "responsible", "", "who does it (code list responsible_party)")
	add.Flags().StringVar(&name, "name", "", "the name of the responsible person or office")
	add.Flags().StringVar(&due, "due", "", "the `DATE` it is due by")
	add.Flags().StringVar(&referral, "referral", "", "the referral it belongs to (the beginning of its ID)")
	add.Flags().StringVar(&textLang, "text-lang", "", "the `LANGUAGE` the text is written in (default: --lang)")
	_ = add.MarkFlagRequired("text")
	_ = add.MarkFlagRequired("responsible")

	var on string
	setStatus := func(x *session, cmd *cobra.Command, d client.DocInfo, prefix, status string) error {
		at, err := dateFlag(x.Lang, "date", on, today())
		if err != nil {
			return err
		}
		var id string
		if err := x.editPlan(cmd, d, "set a step's status", func(e plan.Editor, p plan.Plan) error {
			if id, err = p.MeasureID(prefix); err != nil {
				return entryError(x.Lang, "plan.measures", prefix, err)
			}
			return e.SetMeasureStatus(id, status, at)
		}); err != nil {
			return err
		}
		fmt.Fprintln(a.Stdout, msg(x.Lang, msgPlanMeasureStatus, shortEntryID(id), codeText("measure_status", status, x.Lang)))
		return nil
	}
	done := &cobra.Command{
		Use:   "done DOC STEP",
		Short: "Record that a step is done",
		Args:  cobra.ExactArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			return a.withDoc(cmd.Context(), f, sessionOpts{}, args[0], func(x *session, d client.DocInfo) error {
				return setStatus(x, cmd, d, args[1], plan.MeasureDone)
			})
		},
	}
	done.Flags().StringVar(&on, "date", "", "the `DATE` it was done (default: today)")
	status := &cobra.Command{
		Use:   "status DOC STEP STATUS",
		Short: "Set a step's status (OPEN, IN_PROGRESS, DONE, NOT_DONE, CANCELLED)",
		Args:  cobra.ExactArgs(3),
		RunE: func(cmd *cobra.Command, args []string) error {
			return a.withDoc(cmd.Context(), f, sessionOpts{}, args[0], func(x *session, d client.DocInfo) error {
				st, err := codeFlag(x.Lang, "status", "measure_status", args[2])
				if err != nil {
					return err
				}
				return setStatus(x, cmd, d, args[1], st)
			})
		},
	}
	status.Flags().StringVar(&on, "date", "", "for DONE: the `DATE` it was done (default: today)")
	cmd.AddCommand(add, done, status)
	return cmd
}

func newPlanReviewCmd(a *app, f *homeFlags, pf *planFlags) *cobra.Command {
	cmd := &cobra.Command{Use: "review", Short: "Record reviews of the plan", Args: cobra.NoArgs}
	var on, goal, status, comment, next string
	add := &cobra.Command{
		Use:   "add DOC",
		Short: "Record a review: a goal's new status, a comment, the next review date",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return a.withDoc(cmd.Context(), f, sessionOpts{}, args[0], func(x *session, d client.DocInfo) error {
				date, err := dateFlag(x.Lang, "date", on, today())
				if err != nil {
					return err
				}
				nd, err := dateFlag(x.Lang, "next", next, plan.Date{})
				if err != nil {
					return err
				}
				st, err := codeFlag(x.Lang, "status", "goal_status", status)
				if err != nil {
					return err
				}
				if err := x.editPlan(cmd, d, "add a review", func(e plan.Editor, p plan.Plan) error {
					r := plan.Review{Date: date, GoalStatus: st, Comment: casework.Text{Text: comment}, NextReview: nd}
					if goal != "" {
						if r.Goal, err = p.GoalID(goal); err != nil {
							return entryError(x.Lang, "plan.goals", goal, err)
						}
					}
					_, err := e.AddReview(r, pf.lang(x))
					return err
				}); err != nil {
					return err
				}
				fmt.Fprintln(a.Stdout, msg(x.Lang, msgPlanReviewAdded, date))
				return nil
			})
		},
	}
	add.Flags().StringVar(&on, "date", "", "the `DATE` of the review (default: today)")
	add.Flags().StringVar(&goal, "goal", "", "the goal whose status changed (the beginning of its ID)")
	add.Flags().StringVar(&status, "status", "", "the goal's new status (code list goal_status)")
	add.Flags().StringVar(&comment, "comment", "", "what the review found")
	add.Flags().StringVar(&next, "next", "", "the `DATE` of the next review")
	cmd.AddCommand(add)
	return cmd
}

func newPlanCloseCmd(a *app, f *homeFlags, pf *planFlags) *cobra.Command {
	var reason, on, note string
	cmd := &cobra.Command{
		Use:   "close DOC --reason REASON",
		Short: "Close the case, with its reason (code list closure_reason)",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return a.withDoc(cmd.Context(), f, sessionOpts{}, args[0], func(x *session, d client.DocInfo) error {
				r, err := codeFlag(x.Lang, "reason", "closure_reason", reason)
				if err != nil {
					return err
				}
				date, err := dateFlag(x.Lang, "date", on, today())
				if err != nil {
					return err
				}
				if err := x.editPlan(cmd, d, "close the case", func(e plan.Editor, _ plan.Plan) error {
					return e.Close(r, date, note, pf.lang(x))
				}); err != nil {
					return err
				}
				fmt.Fprintln(a.Stdout, msg(x.Lang, msgPlanClosedOn, date, codeText("closure_reason", r, x.Lang)))
				return nil
			})
		},
	}
	cmd.Flags().StringVar(&reason, "reason", "", "why the case closes (code list closure_reason)")
	cmd.Flags().StringVar(&on, "date", "", "the `DATE` it closes (default: today)")
	cmd.Flags().StringVar(&note, "note", "", "a note on the closure (required with OTHER)")
	_ = cmd.MarkFlagRequired("reason")
	return cmd
}

func newPlanContactCmd(a *app, f *homeFlags, pf *planFlags) *cobra.Command {
	cmd := &cobra.Command{Use: "contact", Short: "Record counselling contacts", Args: cobra.NoArgs}
	var on, mode, topics, interpreter, note string
	var minutes int
	add := &cobra.Command{
		Use:   "add DOC",
		Short: "Record a counselling contact: when, how, how long, on which topics",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return a.withDoc(cmd.Context(), f, sessionOpts{}, args[0], func(x *session, d client.DocInfo) error {
				date, err := dateFlag(x.Lang, "date", on, today())
				if err != nil {
					return err
				}
				c := plan.Contact{Date: date, DurationMin: minutes, Note: casework.Text{Text: note}}
				if c.Mode, err = codeFlag(x.Lang, "mode", "contact_mode", mode); err != nil {
					return err
				}
				if c.InterpreterLanguage, err = codeFlag(x.Lang, "interpreter", "language", interpreter); err != nil {
					return err
				}
				for _, t := range strings.FieldsFunc(topics, func(r rune) bool { return r == ',' || r == ' ' }) {
					code, err := codeFlag(x.Lang, "topics", "field_of_action", t)
					if err != nil {
						return err
					}
					c.Topics = append(c.Topics, code)
				}
				if err := x.editPlan(cmd, d, "add a counselling contact", func(e plan.Editor, _ plan.Plan) error {
					_, err := e.AddContact(c, pf.lang(x))
					return err
				}); err != nil {
					return err
				}
				fmt.Fprintln(a.Stdout, msg(x.Lang, msgPlanContactAdded, date))
				return nil
			})
		},
	}
	add.Flags().StringVar(&on, "date", "", "the `DATE` of the contact (default: today)")
	add.Flags().StringVar(&mode, "mode", "", "in_person, phone, video, messenger or outreach")
	add.Flags().IntVar(&minutes, "minutes", 0, "how long it lasted")
	add.Flags().StringVar(&topics, "topics", "", "fields of action talked about, separated by commas")
	add.Flags().StringVar(&interpreter, "interpreter", "", "the `LANGUAGE` interpreted (ISO 639-3), when an interpreter took part")
	add.Flags().StringVar(&note, "note", "", "a note for counselling only; it never leaves in a disclosure or report")
	cmd.AddCommand(add)
	return cmd
}

func newPlanReferralCmd(a *app, f *homeFlags, pf *planFlags) *cobra.Command {
	cmd := &cobra.Command{Use: "referral", Short: "Record referrals to other services", Args: cobra.NoArgs}
	var on, to, name, purpose string
	add := &cobra.Command{
		Use:   "add DOC --to SERVICE",
		Short: "Record a referral to a standard service; prints its ID",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return a.withDoc(cmd.Context(), f, sessionOpts{}, args[0], func(x *session, d client.DocInfo) error {
				date, err := dateFlag(x.Lang, "date", on, today())
				if err != nil {
					return err
				}
				target, err := codeFlag(x.Lang, "to", "referral_target", to)
				if err != nil {
					return err
				}
				var id string
				if err := x.editPlan(cmd, d, "add a referral", func(e plan.Editor, _ plan.Plan) error {
					id, err = e.AddReferral(plan.Referral{Date: date, TargetType: target, TargetName: name, Purpose: casework.Text{Text: purpose}}, pf.lang(x))
					return err
				}); err != nil {
					return err
				}
				fmt.Fprintln(a.Stdout, id)
				fmt.Fprintln(a.Stderr, msg(x.Lang, msgPlanReferralAdded, date))
				return nil
			})
		},
	}
	add.Flags().StringVar(&on, "date", "", "the `DATE` of the referral (default: today)")
	add.Flags().StringVar(&to, "to", "", "the type of service (code list referral_target)")
	add.Flags().StringVar(&name, "name", "", "the name of the service")
	add.Flags().StringVar(&purpose, "purpose", "", "what the referral is for")
	_ = add.MarkFlagRequired("to")
	cmd.AddCommand(add)
	return cmd
}

// dueRow is one line of plan due: an item of one biography.
type dueRow struct {
	Doc     string `json:"doc"`
	Title   string `json:"title"`
	Kind    string `json:"kind"`
	Date    string `json:"date"`
	Days    int    `json:"days"`
	Overdue bool   `json:"overdue"`
	Entry   string `json:"entry,omitempty"`
	Text    string `json:"text,omitempty"`
	// Responsible is who does a step (code list responsible_party).
	Responsible string `json:"responsible,omitempty"`
	CanExtend   bool   `json:"can_extend,omitempty"`

	last time.Time
}

func newPlanDueCmd(a *app, f *homeFlags) *cobra.Command {
	var (
		all    bool
		within int
		on     string
		asJSON bool
	)
	cmd := &cobra.Command{
		Use:   "due [DOC | --all]",
		Short: "List what is overdue or due soon, in one biography or in all you can read",
		Long: `List what is overdue, or due within --within days: steps not yet done, target dates of goals
still open, the next review, and the end of counselling (reminders three months and one month
before it; at the end, extend with a reason or close the case). Without DOC (or with --all),
every biography on this device that you can read is included, sorted by date.`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return a.withSession(cmd.Context(), f, func(x *session) error {
				day, err := dateFlag(x.Lang, "on", on, today())
				if err != nil {
					return err
				}
				var docs []client.DocInfo
				if len(args) == 1 && !all {
					d, err := x.resolveDoc(cmd.Context(), args[0])
					if err != nil {
						return err
					}
					docs = []client.DocInfo{d}
				} else if docs, err = x.c.Docs(cmd.Context()); err != nil {
					return err
				}
				var rows []dueRow
				for _, d := range docs {
					p, err := x.readPlan(cmd, d)
					if len(docs) > 1 && err != nil && (errors.Is(err, errNoContent) || errors.Is(err, crdt.ErrNotBiography)) {
						continue // case notes, or a biography whose content has not arrived
					}
					if err != nil {
						return err
					}
					for _, it := range plan.DueWithin(p, day.First(), within) {
						rows = append(rows, dueRow{
							Doc: d.ID.String(), Title: d.Title, Kind: string(it.Kind), Date: it.Date.String(), Days: it.Days,
							Overdue: it.Overdue, Entry: it.Entry, Text: displayText(it.Text, x.Lang), Responsible: it.Responsible,
							CanExtend: it.CanExtend, last: it.Date.Last(),
						})
					}
				}
				sort.SliceStable(rows, func(i, j int) bool {
					if !rows[i].last.Equal(rows[j].last) {
						return rows[i].last.Before(rows[j].last)
					}
					return rows[i].Title < rows[j].Title
				})
				if asJSON {
					if rows == nil {
						rows = []dueRow{}
					}
					return writeJSON(a.Stdout, rows)
				}
				if len(rows) == 0 {
					fmt.Fprintln(a.Stdout, msg(x.Lang, msgPlanNothingDue, within))
					return nil
				}
				return printDue(a, x.Lang, rows)
			})
		},
	}
	cmd.Flags().BoolVar(&all, "all", false, "every biography you can read (the default without DOC)")
	cmd.Flags().IntVar(&within, "within", plan.DefaultHorizon, "how many `DAYS` ahead to look")
	cmd.Flags().StringVar(&on, "on", "", "count from this `DATE` instead of today")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print as JSON")
	return cmd
}

func printDue(a *app, lang string, rows []dueRow) error {
	lw := newLabelWriter(a.Stdout)
	fmt.Fprintf(lw.tw, "%s\t%s\t%s\t%s\n", msg(lang, msgPlanColDate), msg(lang, msgPlanColWhen), msg(lang, msgPlanColWhat), msg(lang, msgPlanColDoc))
	for _, r := range rows {
		when := msg(lang, msgPlanInDays, r.Days)
		switch {
		case r.Overdue:
			when = msg(lang, msgPlanOverdue, -r.Days)
		case r.Days == 0:
			when = msg(lang, msgPlanToday)
		}
		var what string
		switch plan.DueKind(r.Kind) {
		case plan.DueMeasure:
			what = msg(lang, msgPlanDueMeasure, r.Text, codeText("responsible_party", r.Responsible, lang))
		case plan.DueGoal:
			what = msg(lang, msgPlanDueGoal, r.Text)
		case plan.DueReview:
			what = msg(lang, msgPlanDueReview)
		case plan.DueEnd3Months:
			what = msg(lang, msgPlanDueEnd3)
		case plan.DueEnd1Month:
			what = msg(lang, msgPlanDueEnd1)
		case plan.DueEndReached:
			what = msg(lang, msgPlanDueEndClose)
			if r.CanExtend {
				what = msg(lang, msgPlanDueEndExtend)
			}
		}
		// The title is last: it may be written right to left.
		fmt.Fprintf(lw.tw, "%s\t%s\t%s\t%s\n", r.Date, when, what, docTitle(lang, r.Title)+" ("+r.Doc[:8]+")")
	}
	return lw.flush()
}

// displayText is free text for a reader of lang: the translation into lang when there is one,
// else the original, marked with its language when that is another.
func displayText(t casework.Text, lang string) string {
	if t.Text == "" {
		return ""
	}
	if t.Lang != "" && baseLanguage(t.Lang) != lang {
		if tr, ok := t.Translations[lang]; ok && tr.Text != "" {
			return oneLine(tr.Text)
		}
		return "[" + t.Lang + "] " + oneLine(t.Text)
	}
	return oneLine(t.Text)
}

// resolver resolves the signers of an agreement from the document's members: the newcomer
// signs as its owner, the counsellor as a counsellor.
func memberResolver(members []client.MemberInfo) plan.Resolver {
	return func(id e2ee.IdentityID, role plan.Role) (e2ee.IdentityPublic, error) {
		want := e2ee.RoleCounsellor
		if role == plan.RoleClient {
			want = e2ee.RoleOwner
		}
		for _, m := range members {
			if m.Identity.ID() == id {
				if m.Role != want {
					return e2ee.IdentityPublic{}, fmt.Errorf("member %s is %s, not %s", id.Short(), roleName(m.Role), roleName(want))
				}
				return m.Identity, nil
			}
		}
		return e2ee.IdentityPublic{}, fmt.Errorf("no member %s", id.Short())
	}
}

// agreementJSON is what plan verify --json prints.
type agreementJSON struct {
	ID          string `json:"id"`
	PlanVersion int    `json:"plan_version"`
	Status      string `json:"status"`
	AgreedAt    string `json:"agreed_at,omitempty"`
	Client      string `json:"client,omitempty"`
	Counsellor  string `json:"counsellor,omitempty"`
	Problem     string `json:"problem,omitempty"`
}

// agreementText says in lang what verifying agreement ag gave.
func agreementText(lang string, ag plan.Agreement, st plan.Status, err error) string {
	switch st {
	case plan.Valid:
		return msg(lang, msgPlanAgreementValid, ag.PlanVersion, plan.DateOf(ag.AgreedAt), shortID(ag.Client.Identity), shortID(ag.Counsellor.Identity))
	case plan.Outdated:
		return msg(lang, msgPlanAgreementOutdated, ag.PlanVersion)
	case plan.Incomplete:
		missing := msg(lang, msgPlanSideCounsellor)
		if !ag.Client.Signed() {
			missing = msg(lang, msgPlanSideClient)
		}
		return msg(lang, msgPlanAgreementIncomplete, ag.PlanVersion, missing)
	}
	if errors.Is(err, plan.ErrUnknownSigner) {
		return msg(lang, msgPlanAgreementUnknownSigner, ag.PlanVersion)
	}
	return msg(lang, msgPlanAgreementInvalid, ag.PlanVersion)
}

func shortID(s string) string { return s[:min(len(s), 8)] }

// verification is the latest agreement of a plan and what verifying it gave.
type verification struct {
	ag  plan.Agreement
	st  plan.Status
	err error // why the agreement is invalid
}

func (v verification) text(lang string) string { return agreementText(lang, v.ag, v.st, v.err) }

// verifyLatest verifies the latest agreement of p in biography d against d's members; false
// when there is none.
func (x *session) verifyLatest(cmd *cobra.Command, d client.DocInfo, p plan.Plan) (verification, bool) {
	ag, ok := plan.Latest(p)
	if !ok {
		return verification{}, false
	}
	members, err := x.c.Members(cmd.Context(), d.ID)
	if err != nil {
		return verification{ag: ag, st: plan.Invalid, err: fmt.Errorf("%w: %w", plan.ErrUnknownSigner, err)}, true
	}
	st, err := plan.VerifyAgreement(p, ag, d.ID.String(), memberResolver(members))
	return verification{ag, st, err}, true
}

func newPlanVerifyCmd(a *app, f *homeFlags) *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "verify DOC",
		Short: "Check the signatures of the latest goal agreement; fail unless it is valid",
		Long: `Check the latest goal agreement of biography DOC against its members: the newcomer's signature
must be the owner's, the counsellor's a counsellor's, both over the plan as it is now. It
prints valid, outdated (the plan changed since), incomplete (one side has not signed) or
invalid, and fails unless the agreement is valid.`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return a.withDoc(cmd.Context(), f, sessionOpts{}, args[0], func(x *session, d client.DocInfo) error {
				p, err := x.readPlan(cmd, d)
				if err != nil {
					return err
				}
				v, ok := x.verifyLatest(cmd, d, p)
				if !ok {
					return newUserError(plan.ErrNoAgreement, x.Lang, msgPlanNoAgreement)
				}
				ag, st, verr := v.ag, v.st, v.err
				text := v.text(x.Lang)
				if asJSON {
					out := agreementJSON{ID: ag.ID, PlanVersion: ag.PlanVersion, Status: st.String(), Client: ag.Client.Identity, Counsellor: ag.Counsellor.Identity}
					if !ag.AgreedAt.IsZero() {
						out.AgreedAt = ag.AgreedAt.Format(time.RFC3339)
					}
					if verr != nil {
						out.Problem = verr.Error()
					}
					if err := writeJSON(a.Stdout, out); err != nil {
						return err
					}
				} else {
					fmt.Fprintln(a.Stdout, text)
				}
				if st != plan.Valid {
					cause := errAgreementNotValid
					if verr != nil {
						cause = fmt.Errorf("%w: %w", errAgreementNotValid, verr)
					}
					return &userError{text: text, err: cause}
				}
				return nil
			})
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print as JSON")
	return cmd
}

func newPlanAgreeCmd(a *app, f *homeFlags) *cobra.Command {
	var (
		yes         bool
		interpreter string
	)
	cmd := &cobra.Command{
		Use:   "agree DOC",
		Short: "Show the goal agreement in German and sign it with your identity",
		Long: `Show the goal agreement of biography DOC as it is signed — in German, the counselling period,
the goals and the steps — and, after you confirm, sign it with your identity key: as the
newcomer when you own the biography, as the counsellor when you are its counsellor. When your
language is not German, the plan follows in your language. The agreement is complete when both
have signed the same version of the plan; mobio plan verify checks it.`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return a.withDoc(cmd.Context(), f, sessionOpts{}, args[0], func(x *session, d client.DocInfo) error {
				var role plan.Role
				switch d.Role {
				case e2ee.RoleOwner:
					role = plan.RoleClient
				case e2ee.RoleCounsellor:
					role = plan.RoleCounsellor
				default:
					return newUserError(client.ErrReadOnly, x.Lang, msgPlanAgreeRole, msg(x.Lang, roleMsg(d.Role)))
				}
				interp, err := codeFlag(x.Lang, "interpreter", "language", interpreter)
				if err != nil {
					return err
				}
				p, err := x.readPlan(cmd, d)
				if err != nil {
					return err
				}
				if !p.Started() {
					return newUserError(plan.ErrNoPlan, x.Lang, msgPlanNone)
				}
				shown := plan.Canonical(p)
				fmt.Fprintln(a.Stderr, msg(x.Lang, msgPlanAgreeHeader))
				fmt.Fprintf(a.Stdout, "\n%s\n", shown)
				if baseLanguage(x.Lang) != "de" {
					fmt.Fprintln(a.Stdout, msg(x.Lang, msgPlanAgreeInLang))
					if err := renderPlan(a.Stdout, x.Lang, d, p, ""); err != nil {
						return err
					}
					fmt.Fprintln(a.Stdout)
				}
				if !yes {
					if err := a.confirmed(x.Lang, msgPlanAgreeConfirm); err != nil {
						return err
					}
				}
				var ag plan.Agreement
				err = x.edit(cmd.Context(), d.ID, "sign the goal agreement", func(b *crdt.Biography) error {
					var err error
					ag, err = plan.Sign(crdtdoc.Wrap(b), d.ID.String(), x.id, role, plan.SignOptions{
						LanguageShown: x.Lang, Interpreter: interp, Now: planToday(), Shown: shown,
					})
					return err
				})
				if err != nil {
					return planError(x.Lang, err)
				}
				me, other := msg(x.Lang, msgPlanSideClient), msg(x.Lang, msgPlanSideCounsellor)
				if role == plan.RoleCounsellor {
					me, other = other, me
				}
				if ag.Client.Signed() && ag.Counsellor.Signed() {
					fmt.Fprintln(a.Stderr, msg(x.Lang, msgPlanSignedComplete, me, ag.PlanVersion))
				} else {
					fmt.Fprintln(a.Stderr, msg(x.Lang, msgPlanSignedWaiting, me, other))
				}
				return nil
			})
		},
	}
	cmd.Flags().BoolVarP(&yes, "yes", "y", false, "sign without asking (only after the person has read the plan)")
	cmd.Flags().StringVar(&interpreter, "interpreter", "", "the `LANGUAGE` interpreted (ISO 639-3), when an interpreter took part")
	return cmd
}

func newPlanShowCmd(a *app, f *homeFlags) *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "show DOC",
		Short: "Print the integration plan, with labels in --lang (German with --lang de)",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return a.withDoc(cmd.Context(), f, sessionOpts{}, args[0], func(x *session, d client.DocInfo) error {
				p, err := x.readPlan(cmd, d)
				if err != nil {
					return err
				}
				agreement := ""
				var st plan.Status
				if v, ok := x.verifyLatest(cmd, d, p); ok {
					agreement, st = v.text(x.Lang), v.st
				}
				if asJSON {
					return writeJSON(a.Stdout, struct {
						plan.Plan
						Agreement string `json:"agreement_status,omitempty"`
					}{p, statusName(st)})
				}
				if !p.Started() && len(p.Contacts) == 0 && len(p.Referrals) == 0 {
					fmt.Fprintln(a.Stdout, msg(x.Lang, msgPlanNone))
					return nil
				}
				return renderPlan(a.Stdout, x.Lang, d, p, agreement)
			})
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print as JSON")
	return cmd
}

func statusName(s plan.Status) string {
	if s == 0 {
		return ""
	}
	return s.String()
}

func itoaOrEmpty(n int) string {
	if n == 0 {
		return ""
	}
	return strconv.Itoa(n)
}
