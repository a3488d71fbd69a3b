// Package plan owns the integration plan of one biography (Integrationsplan, DOMAIN.md §1.2)
// and its agreement (Zielvereinbarung): reading the plan, the rules of every edit (the
// counselling period of 36 months, up to 48 with a reason; goals with outcome codes; measures
// with who is responsible and by when; reviews; closure with a reason), the view of what is
// due, and the agreement both sides sign over a canonical German rendering of the plan.
//
// It works on a casework.Document, so the same rules run in the CLI and in the browser.
package plan

import (
	"errors"
	"fmt"
	"strconv"
	"time"

	"github.com/mobio-sync/mobio/casework"
	"github.com/mobio-sync/mobio/crdt/schema"
)

// Errors callers branch on.
var (
	ErrNoPlan           = errors.New("plan: no integration plan started")
	ErrPlanExists       = errors.New("plan: an integration plan is started already")
	ErrClosed           = errors.New("plan: the integration plan is closed")
	ErrPeriodTooLong    = errors.New("plan: counselling lasts at most 48 months")
	ErrReasonRequired   = errors.New("plan: a reason is required")
	ErrBadDate          = errors.New("plan: date not possible here")
	ErrMissing          = errors.New("plan: a required value is missing")
	ErrUnknownCode      = errors.New("plan: unknown code")
	ErrOutOfRange       = errors.New("plan: number out of range")
	ErrNoEntry          = errors.New("plan: no such entry")
	ErrAmbiguous        = errors.New("plan: more than one entry begins so")
	ErrOutcomeNeedsGoal = errors.New("plan: an outcome is recorded only for a goal achieved at least in part")
)

// Codes of the code list plan_status.
const (
	CodeDraft    = "draft"
	CodeAgreed   = "agreed"
	CodeInReview = "in_review"
	CodeClosed   = "closed"
)

// Codes of goal_status, measure_status and closure_reason that the rules look at.
const (
	GoalOpen           = "open"
	GoalInProgress     = "in_progress"
	GoalAchieved       = "achieved"
	GoalPartlyAchieved = "partly_achieved"

	MeasureOpen       = "OPEN"
	MeasureInProgress = "IN_PROGRESS"
	MeasureDone       = "DONE"

	ClosureMaxDuration = "MAX_DURATION_REACHED"
	ClosureOther       = "OTHER"
)

// Counselling period (VwV Integrationsmanagement 2023): 36 months, up to 48 in justified cases.
const (
	RegularMonths = 36
	MaxMonths     = 48
)

// Plan is the integration plan of one biography, with the counselling contacts and referrals.
// Lists are in the document's order: creation time, then entry ID.
type Plan struct {
	Phase           string        `json:"phase,omitzero"`       // code list stage: VU or AU
	Status          string        `json:"status,omitzero"`      // code list plan_status; empty before the plan is started
	Start           Date          `json:"start,omitzero"`       // counselling_start
	EndPlanned      Date          `json:"end_planned,omitzero"` // counselling_end_planned
	ExtensionReason casework.Text `json:"extension_reason,omitzero"`
	NextReviewDue   Date          `json:"next_review_due,omitzero"`
	ClosureDate     Date          `json:"closure_date,omitzero"`
	ClosureReason   string        `json:"closure_reason,omitzero"` // code list closure_reason
	ClosureNote     casework.Text `json:"closure_note,omitzero"`

	Assessments []Assessment `json:"assessments,omitzero"`
	Goals       []Goal       `json:"goals,omitzero"`
	Measures    []Measure    `json:"measures,omitzero"`
	Reviews     []Review     `json:"reviews,omitzero"`
	Agreements  []Agreement  `json:"agreements,omitzero"`

	Contacts          []Contact  `json:"contacts,omitzero"`
	Referrals         []Referral `json:"referrals,omitzero"`
	CaseNotesDocument string     `json:"case_notes_document,omitzero"` // the ID of the counsellor's case notes document
}

// Started reports whether counselling has a start date, which makes the plan exist.
func (p Plan) Started() bool { return !p.Start.IsZero() }

// Closed reports whether the case is closed.
func (p Plan) Closed() bool { return p.Status == CodeClosed || !p.ClosureDate.IsZero() }

// MaxEnd is the latest possible end of counselling: 48 months after its start.
func (p Plan) MaxEnd() Date { return p.Start.AddMonths(MaxMonths) }

// Assessment is the needs and resources assessment of one field of action.
type Assessment struct {
	ID            string        `json:"id,omitzero"`
	FieldOfAction string        `json:"field_of_action,omitzero"` // code list field_of_action
	Situation     casework.Text `json:"situation,omitzero"`
	Resources     casework.Text `json:"resources,omitzero"`
	Needs         casework.Text `json:"needs,omitzero"`
	Priority      int           `json:"priority,omitzero"` // 1 high … 3 low; 0 when not set
}

// Goal is a goal of the plan.
type Goal struct {
	ID            string        `json:"id,omitzero"`
	FieldOfAction string        `json:"field_of_action,omitzero"` // code list field_of_action
	Description   casework.Text `json:"description,omitzero"`
	TargetDate    Date          `json:"target_date,omitzero"`
	Priority      int           `json:"priority,omitzero"` // 1 high … 3 low; 0 when not set
	Status        string        `json:"status,omitzero"`   // code list goal_status
	AchievedAt    Date          `json:"achieved_at,omitzero"`
	Outcome       string        `json:"outcome,omitzero"` // code list outcome
}

// Measure is a step towards a goal: who does what by when.
type Measure struct {
	ID              string        `json:"id,omitzero"`
	Goal            string        `json:"goal,omitzero"` // the goal's entry ID; may be empty
	Description     casework.Text `json:"description,omitzero"`
	Responsible     string        `json:"responsible,omitzero"` // code list responsible_party
	ResponsibleName string        `json:"responsible_name,omitzero"`
	Due             Date          `json:"due,omitzero"`
	Status          string        `json:"status,omitzero"` // code list measure_status
	DoneAt          Date          `json:"done_at,omitzero"`
	Referral        string        `json:"referral,omitzero"` // entry ID in contacts.referrals; may be empty
}

// Review is one review (Fortschreibung) of the plan.
type Review struct {
	ID         string        `json:"id,omitzero"`
	Date       Date          `json:"date,omitzero"`
	Goal       string        `json:"goal,omitzero"` // the goal whose status it changed; may be empty
	GoalStatus string        `json:"goal_status,omitzero"`
	Comment    casework.Text `json:"comment,omitzero"`
	NextReview Date          `json:"next_review,omitzero"`
}

// Agreement is one agreement entry: a version of the plan that the newcomer and the
// counsellor signed, or that one of them signed so far.
type Agreement struct {
	ID                  string    `json:"id,omitzero"`
	PlanVersion         int       `json:"plan_version,omitzero"`
	AgreedAt            time.Time `json:"agreed_at,omitzero"`      // when the second side signed; zero while incomplete
	LanguageShown       string    `json:"language_shown,omitzero"` // code list ui_language
	InterpreterUsed     bool      `json:"interpreter_used,omitzero"`
	InterpreterLanguage string    `json:"interpreter_language,omitzero"` // ISO 639-3
	Digest              string    `json:"digest,omitzero"`               // hex SHA-256 of the canonical rendering that was signed
	Client              Signature `json:"client,omitzero"`
	Counsellor          Signature `json:"counsellor,omitzero"`
}

// Signature is one side's signature of an agreement.
type Signature struct {
	Identity  string `json:"identity,omitzero"`  // identity ID (e2ee.IdentityID.String)
	Signature string `json:"signature,omitzero"` // base64 of the Ed25519 signature
}

// Signed reports whether the side has an identity or a signature.
func (s Signature) Signed() bool { return s.Identity != "" || s.Signature != "" }

// Contact is a counselling contact.
type Contact struct {
	ID                  string        `json:"id,omitzero"`
	Date                Date          `json:"date,omitzero"`
	Mode                string        `json:"mode,omitzero"` // code list contact_mode
	DurationMin         int           `json:"duration_min,omitzero"`
	Topics              []string      `json:"topics,omitzero"` // code list field_of_action
	InterpreterUsed     bool          `json:"interpreter_used,omitzero"`
	InterpreterLanguage string        `json:"interpreter_language,omitzero"`
	Note                casework.Text `json:"note,omitzero"` // restricted: never leaves in a disclosure, report or export
}

// Referral is a referral to a standard service.
type Referral struct {
	ID         string        `json:"id,omitzero"`
	Date       Date          `json:"date,omitzero"`
	TargetType string        `json:"target_type,omitzero"` // code list referral_target
	TargetName string        `json:"target_name,omitzero"`
	Purpose    casework.Text `json:"purpose,omitzero"`
	Outcome    casework.Text `json:"outcome,omitzero"`
}

// Read reads the plan, contacts and referrals of a biography.
func Read(r casework.Reader) (Plan, error) {
	x := &reader{r: r}
	p := Plan{
		Phase:             x.str("plan.phase"),
		Status:            x.str("plan.status"),
		Start:             x.date("plan.counselling_start"),
		EndPlanned:        x.date("plan.counselling_end_planned"),
		ExtensionReason:   x.text("plan.extension_reason"),
		NextReviewDue:     x.date("plan.next_review_due"),
		ClosureDate:       x.date("plan.closure_date"),
		ClosureReason:     x.str("plan.closure_reason"),
		ClosureNote:       x.text("plan.closure_note"),
		CaseNotesDocument: x.str("contacts.case_notes_document"),
	}
	for _, id := range x.entries("plan.assessments") {
		e := "plan.assessments." + id + "."
		p.Assessments = append(p.Assessments, Assessment{
			ID: id, FieldOfAction: x.str(e + "field_of_action"),
			Situation: x.text(e + "situation"), Resources: x.text(e + "resources"), Needs: x.text(e + "needs"),
			Priority: x.int(e + "priority"),
		})
	}
	for _, id := range x.entries("plan.goals") {
		e := "plan.goals." + id + "."
		p.Goals = append(p.Goals, Goal{
			ID: id, FieldOfAction: x.str(e + "field_of_action"), Description: x.text(e + "description"),
			TargetDate: x.date(e + "target_date"), Priority: x.int(e + "priority"), Status: x.str(e + "status"),
			AchievedAt: x.date(e + "achieved_at"), Outcome: x.str(e + "outcome"),
		})
	}
	for _, id := range x.entries("plan.measures") {
		e := "plan.measures." + id + "."
		p.Measures = append(p.Measures, Measure{
			ID: id, Goal: x.str(e + "goal"), Description: x.text(e + "description"),
			Responsible: x.str(e + "responsible_party"), ResponsibleName: x.str(e + "responsible_name"),
			Due: x.date(e + "due_date"), Status: x.str(e + "status"), DoneAt: x.date(e + "done_at"),
			Referral: x.str(e + "referral"),
		})
	}
	for _, id := range x.entries("plan.reviews") {
		e := "plan.reviews." + id + "."
		p.Reviews = append(p.Reviews, Review{
			ID: id, Date: x.date(e + "date"), Goal: x.str(e + "goal"), GoalStatus: x.str(e + "goal_status"),
			Comment: x.text(e + "comment"), NextReview: x.date(e + "next_review_date"),
		})
	}
	for _, id := range x.entries("plan.agreements") {
		e := "plan.agreements." + id + "."
		p.Agreements = append(p.Agreements, Agreement{
			ID: id, PlanVersion: x.int(e + "plan_version"), AgreedAt: x.time(e + "agreed_at"),
			LanguageShown: x.str(e + "language_shown"), InterpreterUsed: x.bool(e + "interpreter_used"),
			InterpreterLanguage: x.str(e + "interpreter_language"), Digest: x.str(e + "plan_digest"),
			Client:     Signature{Identity: x.str(e + "client_identity"), Signature: x.str(e + "client_signature")},
			Counsellor: Signature{Identity: x.str(e + "counsellor_identity"), Signature: x.str(e + "counsellor_signature")},
		})
	}
	for _, id := range x.entries("contacts.contacts") {
		e := "contacts.contacts." + id + "."
		p.Contacts = append(p.Contacts, Contact{
			ID: id, Date: x.date(e + "date"), Mode: x.str(e + "mode"), DurationMin: x.int(e + "duration_min"),
			Topics: x.codes(e + "topics"), InterpreterUsed: x.bool(e + "interpreter_used"),
			InterpreterLanguage: x.str(e + "interpreter_language"), Note: x.text(e + "note"),
		})
	}
	for _, id := range x.entries("contacts.referrals") {
		e := "contacts.referrals." + id + "."
		p.Referrals = append(p.Referrals, Referral{
			ID: id, Date: x.date(e + "date"), TargetType: x.str(e + "target_type"), TargetName: x.str(e + "target_name"),
			Purpose: x.text(e + "purpose"), Outcome: x.text(e + "outcome"),
		})
	}
	if x.err != nil {
		return Plan{}, fmt.Errorf("read the plan: %w", x.err)
	}
	return p, nil
}

// reader reads fields and keeps the first error, so that Read stays a list of fields.
type reader struct {
	r   casework.Reader
	err error
}

func (x *reader) field(path string) casework.Field {
	if x.err != nil {
		return casework.Field{}
	}
	f, err := x.r.Field(path)
	if err != nil {
		x.err = err
	}
	return f
}

// str reads a string, code or ref; unknown and declined read as empty.
func (x *reader) str(path string) string { return x.field(path).Value }

func (x *reader) int(path string) int {
	v := x.field(path).Value
	if v == "" {
		return 0
	}
	n, err := strconv.Atoi(v)
	if err != nil && x.err == nil {
		x.err = fmt.Errorf("%s: %w", path, err)
	}
	return n
}

func (x *reader) bool(path string) bool { return x.field(path).Value == "true" }

func (x *reader) date(path string) Date {
	v := x.field(path).Value
	if v == "" {
		return Date{}
	}
	d, err := ParseDate(v)
	if err != nil && x.err == nil {
		x.err = fmt.Errorf("%s: %w", path, err)
	}
	return d
}

func (x *reader) time(path string) time.Time {
	v := x.field(path).Value
	if v == "" {
		return time.Time{}
	}
	t, err := time.Parse(time.RFC3339Nano, v)
	if err != nil && x.err == nil {
		x.err = fmt.Errorf("%s: %w", path, err)
	}
	return t.UTC()
}

func (x *reader) text(path string) casework.Text {
	if x.err != nil {
		return casework.Text{}
	}
	t, err := x.r.Text(path)
	if err != nil {
		x.err = err
	}
	return t
}

func (x *reader) codes(path string) []string {
	if x.err != nil {
		return nil
	}
	c, err := x.r.Codes(path)
	if err != nil {
		x.err = err
	}
	return c
}

func (x *reader) entries(list string) []string {
	if x.err != nil {
		return nil
	}
	ids, err := x.r.Entries(list)
	if err != nil {
		x.err = err
	}
	return ids
}

// Goal returns the goal with entry ID id.
func (p Plan) Goal(id string) (Goal, bool) {
	for _, g := range p.Goals {
		if g.ID == id {
			return g, true
		}
	}
	return Goal{}, false
}

// GoalID returns the ID of the one goal whose ID begins with prefix.
func (p Plan) GoalID(prefix string) (string, error) {
	ids := make([]string, len(p.Goals))
	for i, g := range p.Goals {
		ids[i] = g.ID
	}
	return resolve("goal", ids, prefix)
}

// MeasureID returns the ID of the one measure whose ID begins with prefix.
func (p Plan) MeasureID(prefix string) (string, error) {
	ids := make([]string, len(p.Measures))
	for i, m := range p.Measures {
		ids[i] = m.ID
	}
	return resolve("measure", ids, prefix)
}

// ReferralID returns the ID of the one referral whose ID begins with prefix.
func (p Plan) ReferralID(prefix string) (string, error) {
	ids := make([]string, len(p.Referrals))
	for i, r := range p.Referrals {
		ids[i] = r.ID
	}
	return resolve("referral", ids, prefix)
}

func resolve(what string, ids []string, prefix string) (string, error) {
	var found []string
	for _, id := range ids {
		if id == prefix {
			return id, nil
		}
		if prefix != "" && len(prefix) <= len(id) && id[:len(prefix)] == prefix {
			found = append(found, id)
		}
	}
	switch len(found) {
	case 1:
		return found[0], nil
	case 0:
		return "", fmt.Errorf("%w: %s %q", ErrNoEntry, what, prefix)
	}
	return "", fmt.Errorf("%w: %s %q", ErrAmbiguous, what, prefix)
}

// Label returns the label of code in code list list, in lang; the code itself when the list
// does not have it.
func Label(list, code, lang string) string {
	if l := schema.Label(list, code, lang); l != "" {
		return l
	}
	return code
}
