package plan

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/mobio-sync/mobio/casework"
	"github.com/mobio-sync/mobio/crdt/schema"
)

// Editor edits the plan of one biography. Every method checks its rules against the plan as
// stored before it writes anything, and writes as one change.
type Editor struct {
	Doc casework.Document
	// By is who makes the edits: source "self" for the newcomer, "counsellor" for a counsellor,
	// and their identity ID.
	By casework.Provenance
}

// Start starts counselling on start (a full date) in phase (code list stage, may be empty):
// the planned end is 36 months later, and the plan is a draft. A plan that is started already
// is ErrPlanExists.
func (e Editor) Start(start Date, phase string) error {
	if !start.Full() {
		return fmt.Errorf("%w: counselling starts on a full date", ErrBadDate)
	}
	if err := checkCode("stage", phase); err != nil {
		return err
	}
	p, err := Read(e.Doc)
	if err != nil {
		return err
	}
	if p.Started() {
		return ErrPlanExists
	}
	return e.Doc.Batch("start the integration plan", func() error {
		return e.set(
			"plan.counselling_start", start.String(),
			"plan.counselling_end_planned", start.AddMonths(RegularMonths).String(),
			"plan.status", CodeDraft,
			"plan.phase", phase,
		)
	})
}

// Extend moves the planned end of counselling to until, for reason (written in lang). The
// period may last at most 48 months from its start (ErrPeriodTooLong), and an extension
// always needs a reason (ErrReasonRequired).
func (e Editor) Extend(until Date, reason, lang string) error {
	p, err := e.open()
	if err != nil {
		return err
	}
	switch {
	case strings.TrimSpace(reason) == "":
		return ErrReasonRequired
	case !until.Full():
		return fmt.Errorf("%w: the end of counselling is a full date", ErrBadDate)
	case !p.EndPlanned.IsZero() && !p.EndPlanned.Before(until):
		return fmt.Errorf("%w: %s is not after the planned end %s", ErrBadDate, until, p.EndPlanned)
	case p.MaxEnd().Before(until):
		return fmt.Errorf("%w: %s is after %s", ErrPeriodTooLong, until, p.MaxEnd())
	}
	return e.Doc.Batch("extend counselling", func() error {
		if err := e.set("plan.counselling_end_planned", until.String()); err != nil {
			return err
		}
		return e.Doc.SetText("plan.extension_reason", reason, lang)
	})
}

// SetAssessment records the assessment of a.FieldOfAction, replacing the texts and priority
// of an earlier one of the same field (one assessment per field of action), and returns its
// entry ID. Texts are written in lang.
func (e Editor) SetAssessment(a Assessment, lang string) (string, error) {
	if a.FieldOfAction == "" {
		return "", fmt.Errorf("%w: field of action", ErrMissing)
	}
	if err := checkCode("field_of_action", a.FieldOfAction); err != nil {
		return "", err
	}
	if err := checkPriority(a.Priority); err != nil {
		return "", err
	}
	p, err := e.open()
	if err != nil {
		return "", err
	}
	id := ""
	for _, old := range p.Assessments {
		if old.FieldOfAction == a.FieldOfAction {
			id = old.ID
		}
	}
	err = e.Doc.Batch("assess "+a.FieldOfAction, func() error {
		if id == "" {
			var err error
			if id, err = e.Doc.AddEntry("plan.assessments"); err != nil {
				return err
			}
		}
		x := "plan.assessments." + id + "."
		if err := e.set(x+"field_of_action", a.FieldOfAction, x+"priority", itoa(a.Priority)); err != nil {
			return err
		}
		return e.texts(lang, x+"situation", a.Situation.Text, x+"resources", a.Resources.Text, x+"needs", a.Needs.Text)
	})
	return id, err
}

// AddGoal adds goal g (its field of action, description in lang, target date and priority;
// a new goal is open) and returns its entry ID.
func (e Editor) AddGoal(g Goal, lang string) (string, error) {
	switch {
	case g.FieldOfAction == "":
		return "", fmt.Errorf("%w: field of action", ErrMissing)
	case strings.TrimSpace(g.Description.Text) == "":
		return "", fmt.Errorf("%w: the goal's description", ErrMissing)
	}
	if err := checkCode("field_of_action", g.FieldOfAction); err != nil {
		return "", err
	}
	if err := checkPriority(g.Priority); err != nil {
		return "", err
	}
	p, err := e.open()
	if err != nil {
		return "", err
	}
	if !g.TargetDate.IsZero() && g.TargetDate.Before(p.Start) {
		return "", fmt.Errorf("%w: target date %s before the start of counselling", ErrBadDate, g.TargetDate)
	}
	var id string
	err = e.Doc.Batch("add a goal", func() error {
		var err error
		if id, err = e.Doc.AddEntry("plan.goals"); err != nil {
			return err
		}
		x := "plan.goals." + id + "."
		if err := e.set(x+"field_of_action", g.FieldOfAction, x+"status", GoalOpen,
			x+"target_date", g.TargetDate.String(), x+"priority", itoa(g.Priority)); err != nil {
			return err
		}
		return e.Doc.SetText(x+"description", g.Description.Text, lang)
	})
	return id, err
}

// SetGoalStatus sets the status of goal id (code list goal_status). A goal achieved, or
// partly, records on when (achieved_at) and may record outcome (code list outcome; empty keeps
// the one recorded); any other status clears both.
func (e Editor) SetGoalStatus(id, status, outcome string, on Date) error {
	if status == "" {
		return fmt.Errorf("%w: the goal's status", ErrMissing)
	}
	if err := checkCode("goal_status", status); err != nil {
		return err
	}
	if err := checkCode("outcome", outcome); err != nil {
		return err
	}
	achieved := status == GoalAchieved || status == GoalPartlyAchieved
	switch {
	case outcome != "" && !achieved:
		return ErrOutcomeNeedsGoal
	case achieved && on.IsZero():
		return fmt.Errorf("%w: the date the goal was achieved", ErrMissing)
	}
	p, err := Read(e.Doc)
	if err != nil {
		return err
	}
	if !p.Started() {
		return ErrNoPlan
	}
	if _, ok := p.Goal(id); !ok {
		return fmt.Errorf("%w: goal %s", ErrNoEntry, id)
	}
	if achieved && on.Before(p.Start) {
		return fmt.Errorf("%w: %s is before the start of counselling", ErrBadDate, on)
	}
	return e.Doc.Batch("set a goal's status", func() error { return e.setGoalStatus(id, status, outcome, on) })
}

func (e Editor) setGoalStatus(id, status, outcome string, on Date) error {
	x := "plan.goals." + id + "."
	if err := e.set(x+"status", status); err != nil {
		return err
	}
	if status != GoalAchieved && status != GoalPartlyAchieved {
		return e.clear(x+"achieved_at", x+"outcome")
	}
	return e.set(x+"achieved_at", on.String(), x+"outcome", outcome)
}

// GoalChange is what EditGoal changes in a goal: a nil field stays as it is.
type GoalChange struct {
	FieldOfAction *string `json:"field_of_action,omitzero"` // code list field_of_action; never empty
	Description   *string `json:"description,omitzero"`     // written in EditGoal's lang; never blank
	TargetDate    *Date   `json:"target_date,omitzero"`     // the zero Date clears it
	Priority      *int    `json:"priority,omitzero"`        // 1 high … 3 low; 0 clears it
}

// EditGoal changes goal id as c says, its description written in lang (empty: the language
// it is written in now), by AddGoal's rules, and reports whether anything changed. Values
// equal to the stored ones are not written, so that an agreement stays valid unless what was
// agreed really changed.
func (e Editor) EditGoal(id string, c GoalChange, lang string) (bool, error) {
	switch {
	case c.FieldOfAction != nil && *c.FieldOfAction == "":
		return false, fmt.Errorf("%w: field of action", ErrMissing)
	case c.Description != nil && strings.TrimSpace(*c.Description) == "":
		return false, fmt.Errorf("%w: the goal's description", ErrMissing)
	}
	if c.FieldOfAction != nil {
		if err := checkCode("field_of_action", *c.FieldOfAction); err != nil {
			return false, err
		}
	}
	if c.Priority != nil {
		if err := checkPriority(*c.Priority); err != nil {
			return false, err
		}
	}
	p, err := e.open()
	if err != nil {
		return false, err
	}
	g, ok := p.Goal(id)
	if !ok {
		return false, fmt.Errorf("%w: goal %s", ErrNoEntry, id)
	}
	if c.TargetDate != nil && !c.TargetDate.IsZero() && c.TargetDate.Before(p.Start) {
		return false, fmt.Errorf("%w: target date %s before the start of counselling", ErrBadDate, c.TargetDate)
	}
	x := "plan.goals." + id + "."
	var w changes
	w.field(e, x+"field_of_action", c.FieldOfAction, g.FieldOfAction)
	w.text(e, x+"description", c.Description, lang, g.Description)
	w.field(e, x+"target_date", dateString(c.TargetDate), g.TargetDate.String())
	w.field(e, x+"priority", intString(c.Priority), itoa(g.Priority))
	return w.write(e, "edit a goal")
}

// AddMeasure adds measure m (its goal, description in lang, who is responsible, their name
// and the due date; a new measure is open) and returns its entry ID.
func (e Editor) AddMeasure(m Measure, lang string) (string, error) {
	switch {
	case m.Responsible == "":
		return "", fmt.Errorf("%w: who is responsible", ErrMissing)
	case strings.TrimSpace(m.Description.Text) == "":
		return "", fmt.Errorf("%w: the step's description", ErrMissing)
	}
	if err := checkCode("responsible_party", m.Responsible); err != nil {
		return "", err
	}
	p, err := e.open()
	if err != nil {
		return "", err
	}
	if _, ok := p.Goal(m.Goal); m.Goal != "" && !ok {
		return "", fmt.Errorf("%w: goal %s", ErrNoEntry, m.Goal)
	}
	if m.Referral != "" {
		if _, err := p.ReferralID(m.Referral); err != nil {
			return "", err
		}
	}
	if !m.Due.IsZero() && m.Due.Before(p.Start) {
		return "", fmt.Errorf("%w: due date %s before the start of counselling", ErrBadDate, m.Due)
	}
	var id string
	err = e.Doc.Batch("add a step", func() error {
		var err error
		if id, err = e.Doc.AddEntry("plan.measures"); err != nil {
			return err
		}
		x := "plan.measures." + id + "."
		if err := e.set(x+"goal", m.Goal, x+"responsible_party", m.Responsible, x+"responsible_name", m.ResponsibleName,
			x+"due_date", m.Due.String(), x+"status", MeasureOpen, x+"referral", m.Referral); err != nil {
			return err
		}
		return e.Doc.SetText(x+"description", m.Description.Text, lang)
	})
	return id, err
}

// SetMeasureStatus sets the status of measure id (code list measure_status); DONE records on
// (done_at), any other status clears it.
func (e Editor) SetMeasureStatus(id, status string, on Date) error {
	if status == "" {
		return fmt.Errorf("%w: the step's status", ErrMissing)
	}
	if err := checkCode("measure_status", status); err != nil {
		return err
	}
	if status == MeasureDone && on.IsZero() {
		return fmt.Errorf("%w: the date the step was done", ErrMissing)
	}
	p, err := Read(e.Doc)
	if err != nil {
		return err
	}
	found := false
	for _, m := range p.Measures {
		found = found || m.ID == id
	}
	if !found {
		return fmt.Errorf("%w: step %s", ErrNoEntry, id)
	}
	return e.Doc.Batch("set a step's status", func() error {
		x := "plan.measures." + id + "."
		if err := e.set(x+"status", status); err != nil {
			return err
		}
		if status != MeasureDone {
			return e.clear(x + "done_at")
		}
		return e.set(x+"done_at", on.String())
	})
}

// MeasureChange is what EditMeasure changes in a measure: a nil field stays as it is.
type MeasureChange struct {
	Goal            *string `json:"goal,omitzero"`             // the goal's entry ID; "" detaches the step from its goal
	Description     *string `json:"description,omitzero"`      // written in EditMeasure's lang; never blank
	Responsible     *string `json:"responsible,omitzero"`      // code list responsible_party; never empty
	ResponsibleName *string `json:"responsible_name,omitzero"` // "" clears it
	Due             *Date   `json:"due,omitzero"`              // the zero Date clears it
	Referral        *string `json:"referral,omitzero"`         // entry ID in contacts.referrals; "" clears it
}

// EditMeasure changes measure id as c says, its description written in lang (empty: the
// language it is written in now), by AddMeasure's rules, and reports whether anything
// changed. As with EditGoal, values equal to the stored ones are not written.
func (e Editor) EditMeasure(id string, c MeasureChange, lang string) (bool, error) {
	switch {
	case c.Responsible != nil && *c.Responsible == "":
		return false, fmt.Errorf("%w: who is responsible", ErrMissing)
	case c.Description != nil && strings.TrimSpace(*c.Description) == "":
		return false, fmt.Errorf("%w: the step's description", ErrMissing)
	}
	if c.Responsible != nil {
		if err := checkCode("responsible_party", *c.Responsible); err != nil {
			return false, err
		}
	}
	p, err := e.open()
	if err != nil {
		return false, err
	}
	var m Measure
	found := false
	for _, old := range p.Measures {
		if old.ID == id {
			m, found = old, true
		}
	}
	if !found {
		return false, fmt.Errorf("%w: step %s", ErrNoEntry, id)
	}
	if c.Goal != nil && *c.Goal != "" {
		if _, ok := p.Goal(*c.Goal); !ok {
			return false, fmt.Errorf("%w: goal %s", ErrNoEntry, *c.Goal)
		}
	}
	if c.Referral != nil && *c.Referral != "" {
		ref, err := p.ReferralID(*c.Referral)
		if err != nil {
			return false, err
		}
		c.Referral = &ref
	}
	if c.Due != nil && !c.Due.IsZero() && c.Due.Before(p.Start) {
		return false, fmt.Errorf("%w: due date %s before the start of counselling", ErrBadDate, c.Due)
	}
	x := "plan.measures." + id + "."
	var w changes
	w.field(e, x+"goal", c.Goal, m.Goal)
	w.text(e, x+"description", c.Description, lang, m.Description)
	w.field(e, x+"responsible_party", c.Responsible, m.Responsible)
	w.field(e, x+"responsible_name", c.ResponsibleName, m.ResponsibleName)
	w.field(e, x+"due_date", dateString(c.Due), m.Due.String())
	w.field(e, x+"referral", c.Referral, m.Referral)
	return w.write(e, "edit a step")
}

// changes are the writes of an edit that change what is stored, so that an edit which
// changes nothing writes nothing (and leaves a signed agreement valid).
type changes []func() error

// field adds the write of *v at path when v is set and differs from old; an empty value
// clears the field.
func (w *changes) field(e Editor, path string, v *string, old string) {
	if v == nil || *v == old {
		return
	}
	val := *v
	*w = append(*w, func() error {
		if val == "" {
			return e.clear(path)
		}
		return e.set(path, val)
	})
}

// text adds the write of free text *v in lang at path when v is set and differs from old in
// its text or its language.
func (w *changes) text(e Editor, path string, v *string, lang string, old casework.Text) {
	if lang == "" {
		lang = old.Lang
	}
	if v == nil || (*v == old.Text && lang == old.Lang) {
		return
	}
	val := *v
	*w = append(*w, func() error {
		if err := e.Doc.SetText(path, val, lang); err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
		return nil
	})
}

// write makes the writes as one change named msg and reports whether there were any.
func (w changes) write(e Editor, msg string) (bool, error) {
	if len(w) == 0 {
		return false, nil
	}
	return true, e.Doc.Batch(msg, func() error {
		for _, f := range w {
			if err := f(); err != nil {
				return err
			}
		}
		return nil
	})
}

func dateString(d *Date) *string {
	if d == nil {
		return nil
	}
	s := d.String()
	return &s
}

func intString(n *int) *string {
	if n == nil {
		return nil
	}
	s := itoa(*n)
	return &s
}

// AddReview records review r (its date, the goal whose status changed and the new status, a
// comment in lang, the next review date) and returns its entry ID. The goal takes the new
// status as by SetGoalStatus on the review's date, and the next review date becomes the
// plan's next_review_due.
func (e Editor) AddReview(r Review, lang string) (string, error) {
	switch {
	case r.Date.IsZero():
		return "", fmt.Errorf("%w: the review's date", ErrMissing)
	case r.GoalStatus != "" && r.Goal == "":
		return "", fmt.Errorf("%w: the goal whose status changed", ErrMissing)
	case !r.NextReview.IsZero() && r.NextReview.Before(r.Date):
		return "", fmt.Errorf("%w: next review %s before the review %s", ErrBadDate, r.NextReview, r.Date)
	}
	if err := checkCode("goal_status", r.GoalStatus); err != nil {
		return "", err
	}
	p, err := e.open()
	if err != nil {
		return "", err
	}
	if r.Date.Before(p.Start) {
		return "", fmt.Errorf("%w: review %s before the start of counselling", ErrBadDate, r.Date)
	}
	if _, ok := p.Goal(r.Goal); r.Goal != "" && !ok {
		return "", fmt.Errorf("%w: goal %s", ErrNoEntry, r.Goal)
	}
	var id string
	err = e.Doc.Batch("add a review", func() error {
		var err error
		if id, err = e.Doc.AddEntry("plan.reviews"); err != nil {
			return err
		}
		x := "plan.reviews." + id + "."
		if err := e.set(x+"date", r.Date.String(), x+"goal", r.Goal, x+"goal_status", r.GoalStatus,
			x+"next_review_date", r.NextReview.String()); err != nil {
			return err
		}
		if err := e.texts(lang, x+"comment", r.Comment.Text); err != nil {
			return err
		}
		if r.GoalStatus != "" {
			if err := e.setGoalStatus(r.Goal, r.GoalStatus, "", r.Date); err != nil {
				return err
			}
		}
		return e.set("plan.next_review_due", r.NextReview.String())
	})
	return id, err
}

// Close closes the case on on for reason (code list closure_reason), with a note in lang.
// The reason OTHER needs a note that says which (ErrReasonRequired).
func (e Editor) Close(reason string, on Date, note, lang string) error {
	switch {
	case reason == "":
		return ErrReasonRequired
	case reason == ClosureOther && strings.TrimSpace(note) == "":
		return fmt.Errorf("%w: say which other reason", ErrReasonRequired)
	case !on.Full():
		return fmt.Errorf("%w: a case closes on a full date", ErrBadDate)
	}
	if err := checkCode("closure_reason", reason); err != nil {
		return err
	}
	p, err := e.open()
	if err != nil {
		return err
	}
	if on.Before(p.Start) {
		return fmt.Errorf("%w: %s is before the start of counselling", ErrBadDate, on)
	}
	return e.Doc.Batch("close the case", func() error {
		if err := e.set("plan.closure_date", on.String(), "plan.closure_reason", reason, "plan.status", CodeClosed); err != nil {
			return err
		}
		return e.texts(lang, "plan.closure_note", note)
	})
}

// AddContact records counselling contact c (its note in lang) and returns its entry ID.
// Contacts need no plan; a contact after the case was closed is ErrClosed.
func (e Editor) AddContact(c Contact, lang string) (string, error) {
	if c.Date.IsZero() {
		return "", fmt.Errorf("%w: the contact's date", ErrMissing)
	}
	if err := checkCode("contact_mode", c.Mode); err != nil {
		return "", err
	}
	for _, t := range c.Topics {
		if err := checkCode("field_of_action", t); err != nil {
			return "", err
		}
	}
	if err := checkCode("language", c.InterpreterLanguage); err != nil {
		return "", err
	}
	if c.DurationMin < 0 || c.DurationMin > 600 {
		return "", fmt.Errorf("%w: a contact lasts 0 to 600 minutes", ErrOutOfRange)
	}
	if err := e.notAfterClosure(c.Date); err != nil {
		return "", err
	}
	var id string
	err := e.Doc.Batch("add a counselling contact", func() error {
		var err error
		if id, err = e.Doc.AddEntry("contacts.contacts"); err != nil {
			return err
		}
		x := "contacts.contacts." + id + "."
		interpreter := ""
		if c.InterpreterUsed || c.InterpreterLanguage != "" {
			interpreter = "true"
		}
		if err := e.set(x+"date", c.Date.String(), x+"mode", c.Mode, x+"duration_min", itoa(c.DurationMin),
			x+"interpreter_used", interpreter, x+"interpreter_language", c.InterpreterLanguage); err != nil {
			return err
		}
		if len(c.Topics) > 0 {
			if err := e.Doc.SetCodes(x+"topics", c.Topics, e.By); err != nil {
				return err
			}
		}
		return e.texts(lang, x+"note", c.Note.Text)
	})
	return id, err
}

// AddReferral records referral r (purpose and outcome in lang) and returns its entry ID.
func (e Editor) AddReferral(r Referral, lang string) (string, error) {
	switch {
	case r.Date.IsZero():
		return "", fmt.Errorf("%w: the referral's date", ErrMissing)
	case r.TargetType == "":
		return "", fmt.Errorf("%w: the type of service", ErrMissing)
	}
	if err := checkCode("referral_target", r.TargetType); err != nil {
		return "", err
	}
	if err := e.notAfterClosure(r.Date); err != nil {
		return "", err
	}
	var id string
	err := e.Doc.Batch("add a referral", func() error {
		var err error
		if id, err = e.Doc.AddEntry("contacts.referrals"); err != nil {
			return err
		}
		x := "contacts.referrals." + id + "."
		if err := e.set(x+"date", r.Date.String(), x+"target_type", r.TargetType, x+"target_name", r.TargetName); err != nil {
			return err
		}
		return e.texts(lang, x+"purpose", r.Purpose.Text, x+"outcome", r.Outcome.Text)
	})
	return id, err
}

// SetCaseNotesDocument links the counsellor's case notes document to the biography.
func (e Editor) SetCaseNotesDocument(docID string) error {
	if docID == "" {
		return fmt.Errorf("%w: the case notes document", ErrMissing)
	}
	return e.Doc.Batch("link the case notes", func() error { return e.set("contacts.case_notes_document", docID) })
}

// open reads the plan and checks that it is started and not closed.
func (e Editor) open() (Plan, error) {
	p, err := Read(e.Doc)
	switch {
	case err != nil:
		return p, err
	case !p.Started():
		return p, ErrNoPlan
	case p.Closed():
		return p, ErrClosed
	}
	return p, nil
}

func (e Editor) notAfterClosure(d Date) error {
	p, err := Read(e.Doc)
	if err != nil {
		return err
	}
	if p.Closed() && !p.ClosureDate.IsZero() && p.ClosureDate.Before(d) {
		return fmt.Errorf("%w: on %s", ErrClosed, p.ClosureDate)
	}
	return nil
}

// set writes pairs of path and value; an empty value leaves the field alone.
func (e Editor) set(pathValues ...string) error {
	for i := 0; i+1 < len(pathValues); i += 2 {
		if pathValues[i+1] == "" {
			continue
		}
		if err := e.Doc.Set(pathValues[i], pathValues[i+1], e.By); err != nil {
			return fmt.Errorf("%s: %w", pathValues[i], err)
		}
	}
	return nil
}

// texts writes pairs of path and free text in lang; an empty text leaves the field alone.
func (e Editor) texts(lang string, pathTexts ...string) error {
	for i := 0; i+1 < len(pathTexts); i += 2 {
		if strings.TrimSpace(pathTexts[i+1]) == "" {
			continue
		}
		if err := e.Doc.SetText(pathTexts[i], pathTexts[i+1], lang); err != nil {
			return fmt.Errorf("%s: %w", pathTexts[i], err)
		}
	}
	return nil
}

func (e Editor) clear(paths ...string) error {
	for _, p := range paths {
		if err := e.Doc.Clear(p); err != nil {
			return fmt.Errorf("%s: %w", p, err)
		}
	}
	return nil
}

// checkCode checks that code, when set, belongs to code list list.
func checkCode(list, code string) error {
	if code == "" {
		return nil
	}
	if l := schema.Default().CodeList(list); l == nil || !l.Has(code) {
		return fmt.Errorf("%w: %q is not in %s", ErrUnknownCode, code, list)
	}
	return nil
}

func checkPriority(p int) error {
	if p < 0 || p > 3 {
		return fmt.Errorf("%w: priority is 1 (high) to 3 (low)", ErrOutOfRange)
	}
	return nil
}

// itoa formats n, and 0 (not set) as "".
func itoa(n int) string {
	if n == 0 {
		return ""
	}
	return strconv.Itoa(n)
}
