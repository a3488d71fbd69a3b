//go:build js

package caseworkjs

import (
	"bytes"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"syscall/js"
	"time"

	"github.com/mobio-sync/mobio/casework/plan"
	"github.com/mobio-sync/mobio/crdt/schema"
	"github.com/mobio-sync/mobio/e2ee"
)

// planLists are the code lists a plan's values come from, whose labels plan() returns.
var planLists = []string{"stage", "plan_status", "closure_reason", "field_of_action", "goal_status", "outcome",
	"responsible_party", "measure_status", "contact_mode", "referral_target", "ui_language"}

// planJSON encodes a plan's value (plan.Plan, an entry of it) with the API's keys: the plan
// types' snake_case JSON, and free text as {text, lang, translations}.
func planJSON(v any) (rawJSON, error) {
	b, err := json.Marshal(v)
	if err != nil {
		return nil, err
	}
	var x any
	if err := json.Unmarshal(b, &x); err != nil {
		return nil, err
	}
	return json.Marshal(lowerTextKeys(x))
}

// textKeys are the keys of casework.Text and casework.Translation, which have no JSON tags.
var textKeys = map[string]string{"Text": "text", "Lang": "lang", "Translations": "translations", "Source": "source",
	"Engine": "engine", "By": "by", "At": "at", "Outdated": "outdated"}

// lowerTextKeys renames textKeys and drops their empty values. The plan types' own keys are
// snake_case, so nothing else is touched.
func lowerTextKeys(x any) any {
	switch x := x.(type) {
	case map[string]any:
		out := map[string]any{}
		for k, v := range x {
			if nk, ok := textKeys[k]; ok {
				switch v {
				case nil, "", false, "0001-01-01T00:00:00Z":
					continue
				}
				k = nk
			}
			out[k] = lowerTextKeys(v)
		}
		return out
	case []any:
		for i := range x {
			x[i] = lowerTextKeys(x[i])
		}
	}
	return x
}

// planOf reads the plan of the document argument args[0].
func planOf(args []js.Value) (*caseDoc, plan.Plan, error) {
	d, err := docArg(args, 0)
	if err != nil {
		return nil, plan.Plan{}, err
	}
	p, err := plan.Read(d)
	return d, p, err
}

// planRead(doc, lang) → the plan, counselling contacts and referrals, with started, closed,
// max_end, and labels: the code lists' labels in lang ({list: [{code, label}]}).
func planRead(args []js.Value) (any, error) {
	_, p, err := planOf(args)
	if err != nil {
		return nil, err
	}
	lang, err := optStr(args, 1, "language")
	if err != nil {
		return nil, err
	}
	b, err := planJSON(p)
	if err != nil {
		return nil, err
	}
	var out map[string]any
	if err := json.Unmarshal(b, &out); err != nil {
		return nil, err
	}
	out["started"], out["closed"] = p.Started(), p.Closed()
	if p.Started() {
		out["max_end"] = p.MaxEnd().String()
	}
	type label struct {
		Code  string `json:"code"`
		Label string `json:"label"`
	}
	labels := map[string][]label{}
	for _, list := range planLists {
		if l := schema.Default().CodeList(list); l != nil {
			for _, c := range l.Codes {
				labels[list] = append(labels[list], label{c.Code, plan.Label(list, c.Code, lang)})
			}
		}
	}
	out["labels"] = labels
	return out, nil
}

// planDue(doc, today, horizon) → what is overdue on today or comes up within horizon days
// (default 14), sorted by date.
func planDue(args []js.Value) (any, error) {
	_, p, err := planOf(args)
	if err != nil {
		return nil, err
	}
	today, err := timeOf(arg(args, 1), "today", time.Now())
	if err != nil {
		return nil, err
	}
	horizon := plan.DefaultHorizon
	if h := arg(args, 2); !absent(h) {
		if h.Type() != js.TypeNumber || h.Int() < 0 {
			return nil, invalid("horizon must be a number of days")
		}
		horizon = h.Int()
	}
	type dueJSON struct {
		Kind        string   `json:"kind"`
		Date        string   `json:"date"`
		Days        int      `json:"days"`
		Overdue     bool     `json:"overdue"`
		Entry       string   `json:"entry,omitempty"`
		Text        textJSON `json:"text"`
		Responsible string   `json:"responsible,omitempty"`
		CanExtend   bool     `json:"can_extend,omitempty"`
	}
	out := []dueJSON{}
	for _, it := range plan.DueWithin(p, today, horizon) {
		out = append(out, dueJSON{Kind: string(it.Kind), Date: it.Date.String(), Days: it.Days, Overdue: it.Overdue,
			Entry: it.Entry, Text: textOf(it.Text), Responsible: it.Responsible, CanExtend: it.CanExtend})
	}
	return out, nil
}

// planInput decodes the input argument args[1] into v, a plan entry type: its JSON keys, with
// the free text of texts as a string (written in the call's language).
func planInput(args []js.Value, v any, texts ...string) error {
	var m map[string]any
	if err := decode(args, 1, "input", &m); err != nil {
		return err
	}
	for _, k := range texts {
		if s, ok := m[k].(string); ok {
			m[k] = map[string]any{"Text": s}
		}
	}
	b, err := json.Marshal(m)
	if err != nil {
		return invalid("input: %v", err)
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return invalid("input: %v", err)
	}
	return nil
}

// planEdit makes an API function (doc, input, lang, by) of edit, which edits the plan with an
// Editor for by; lang is the language the input's free text is written in.
func planEdit(edit func(e plan.Editor, args []js.Value, lang string) (any, error)) fn {
	return func(args []js.Value) (any, error) {
		d, err := docArg(args, 0)
		if err != nil {
			return nil, err
		}
		lang, err := optStr(args, 2, "language")
		if err != nil {
			return nil, err
		}
		by, err := provArg(args, 3)
		if err != nil {
			return nil, err
		}
		return edit(plan.Editor{Doc: d, By: by}, args, lang)
	}
}

// The plan's edits, as package plan's Editor methods. Those that add an entry return its ID;
// planEditGoal and planEditMeasure return whether anything changed (a key left out, or null,
// leaves its value alone).
var planEdits = map[string]fn{
	"planStart": planEdit(func(e plan.Editor, args []js.Value, _ string) (any, error) {
		var in struct {
			Start plan.Date `json:"start"`
			Phase string    `json:"phase"`
		}
		if err := planInput(args, &in); err != nil {
			return nil, err
		}
		return nil, e.Start(in.Start, in.Phase)
	}),
	"planExtend": planEdit(func(e plan.Editor, args []js.Value, lang string) (any, error) {
		var in struct {
			Until  plan.Date `json:"until"`
			Reason string    `json:"reason"`
		}
		if err := planInput(args, &in); err != nil {
			return nil, err
		}
		return nil, e.Extend(in.Until, in.Reason, lang)
	}),
	"planSetAssessment": planEdit(func(e plan.Editor, args []js.Value, lang string) (any, error) {
		var in plan.Assessment
		if err := planInput(args, &in, "situation", "resources", "needs"); err != nil {
			return nil, err
		}
		return e.SetAssessment(in, lang)
	}),
	"planAddGoal": planEdit(func(e plan.Editor, args []js.Value, lang string) (any, error) {
		var in plan.Goal
		if err := planInput(args, &in, "description"); err != nil {
			return nil, err
		}
		return e.AddGoal(in, lang)
	}),
	"planSetGoalStatus": planEdit(func(e plan.Editor, args []js.Value, _ string) (any, error) {
		var in struct {
			ID      string    `json:"id"`
			Status  string    `json:"status"`
			Outcome string    `json:"outcome"`
			On      plan.Date `json:"on"`
		}
		if err := planInput(args, &in); err != nil {
			return nil, err
		}
		return nil, e.SetGoalStatus(in.ID, in.Status, in.Outcome, in.On)
	}),
	"planEditGoal": planEdit(func(e plan.Editor, args []js.Value, lang string) (any, error) {
		var in struct {
			ID string `json:"id"`
			plan.GoalChange
		}
		if err := planInput(args, &in); err != nil {
			return nil, err
		}
		return e.EditGoal(in.ID, in.GoalChange, lang)
	}),
	"planAddMeasure": planEdit(func(e plan.Editor, args []js.Value, lang string) (any, error) {
		var in plan.Measure
		if err := planInput(args, &in, "description"); err != nil {
			return nil, err
		}
		return e.AddMeasure(in, lang)
	}),
	"planSetMeasureStatus": planEdit(func(e plan.Editor, args []js.Value, _ string) (any, error) {
		var in struct {
			ID     string    `json:"id"`
			Status string    `json:"status"`
			On     plan.Date `json:"on"`
		}
		if err := planInput(args, &in); err != nil {
			return nil, err
		}
		return nil, e.SetMeasureStatus(in.ID, in.Status, in.On)
	}),
	"planEditMeasure": planEdit(func(e plan.Editor, args []js.Value, lang string) (any, error) {
		var in struct {
			ID string `json:"id"`
			plan.MeasureChange
		}
		if err := planInput(args, &in); err != nil {
			return nil, err
		}
		return e.EditMeasure(in.ID, in.MeasureChange, lang)
	}),
	"planAddReview": planEdit(func(e plan.Editor, args []js.Value, lang string) (any, error) {
		var in plan.Review
		if err := planInput(args, &in, "comment"); err != nil {
			return nil, err
		}
		return e.AddReview(in, lang)
	}),
	"planClose": planEdit(func(e plan.Editor, args []js.Value, lang string) (any, error) {
		var in struct {
			Reason string    `json:"reason"`
			On     plan.Date `json:"on"`
			Note   string    `json:"note"`
		}
		if err := planInput(args, &in); err != nil {
			return nil, err
		}
		return nil, e.Close(in.Reason, in.On, in.Note, lang)
	}),
	"planAddContact": planEdit(func(e plan.Editor, args []js.Value, lang string) (any, error) {
		var in plan.Contact
		if err := planInput(args, &in, "note"); err != nil {
			return nil, err
		}
		return e.AddContact(in, lang)
	}),
	"planAddReferral": planEdit(func(e plan.Editor, args []js.Value, lang string) (any, error) {
		var in plan.Referral
		if err := planInput(args, &in, "purpose", "outcome"); err != nil {
			return nil, err
		}
		return e.AddReferral(in, lang)
	}),
	"planSetCaseNotesDocument": planEdit(func(e plan.Editor, args []js.Value, _ string) (any, error) {
		var in struct {
			Document string `json:"document"`
		}
		if err := planInput(args, &in); err != nil {
			return nil, err
		}
		return nil, e.SetCaseNotesDocument(in.Document)
	}),
}

// roleArg reads the side of an agreement: "client" or "counsellor".
func roleArg(args []js.Value, i int) (plan.Role, error) {
	s, err := str(args, i, "role")
	if err != nil {
		return "", err
	}
	if r := plan.Role(s); r == plan.RoleClient || r == plan.RoleCounsellor {
		return r, nil
	}
	return "", invalid("role must be client or counsellor")
}

// docIDArg reads the biography's document ID (the sync engine's, lower-case base32).
func docIDArg(args []js.Value, i int) (string, error) {
	s, err := str(args, i, "document ID")
	if err != nil {
		return "", err
	}
	if _, err := e2ee.ParseDocID(s); err != nil {
		return "", invalid("document ID: %v", err)
	}
	return s, nil
}

// agreementPayload(doc, docId, role) → {label, parts, digest, canonical}: what to sign for
// role over the plan as it is now. canonical is the German rendering both sides read (show it,
// or a translation of it, before signing); identity.sign(label, parts) of the sync engine signs
// it; agreementRecord records the signature.
func agreementPayload(args []js.Value) (any, error) {
	_, p, err := planOf(args)
	if err != nil {
		return nil, err
	}
	doc, err := docIDArg(args, 1)
	if err != nil {
		return nil, err
	}
	role, err := roleArg(args, 2)
	if err != nil {
		return nil, err
	}
	if !p.Started() {
		return nil, plan.ErrNoPlan
	}
	sum := plan.Digest(p)
	parts := []any{}
	for _, part := range agreementParts(doc, sum, role) {
		parts = append(parts, bytesToJS(part))
	}
	return map[string]any{"label": plan.LabelAgreement, "parts": parts, "digest": hex.EncodeToString(sum[:]),
		"canonical": string(plan.Canonical(p))}, nil
}

// agreementRecord(doc, docId, role, publicKey, signature, {language_shown, interpreter, now,
// shown}) records a signature that identity.sign made over agreementPayload's parts and →
// the agreement. shown, the canonical text the signer read, guards against a plan that
// changed in between (code changed).
func agreementRecord(args []js.Value) (any, error) {
	d, err := docArg(args, 0)
	if err != nil {
		return nil, err
	}
	doc, err := docIDArg(args, 1)
	if err != nil {
		return nil, err
	}
	role, err := roleArg(args, 2)
	if err != nil {
		return nil, err
	}
	pk, err := str(args, 3, "public key")
	if err != nil {
		return nil, err
	}
	pub, err := e2ee.ParseIdentityText(pk)
	if err != nil {
		return nil, invalid("public key: %v", err)
	}
	sig, err := bytesFromJS(arg(args, 4), "signature")
	if err != nil {
		return nil, err
	}
	var o struct {
		LanguageShown string   `json:"language_shown"`
		Interpreter   string   `json:"interpreter"`
		Now           jsonTime `json:"now"`
		Shown         *string  `json:"shown"`
	}
	if err := decode(args, 5, "options", &o); err != nil {
		return nil, err
	}
	opts := plan.SignOptions{LanguageShown: o.LanguageShown, Interpreter: o.Interpreter, Now: o.Now.Time}
	if opts.Now.IsZero() {
		opts.Now = time.Now()
	}
	if o.Shown != nil {
		opts.Shown = []byte(*o.Shown)
	}
	a, err := recordAgreement(d, doc, pub, sig, role, opts)
	if err != nil {
		return nil, err
	}
	return planJSON(a)
}

// agreementVerify(doc, docId, members, entry) checks the agreements against the document's
// members (client.members) → [{id, plan_version, status, error, …}], or the one entry's.
// status is valid, outdated (the plan changed since), invalid or incomplete.
func agreementVerify(args []js.Value) (any, error) {
	_, p, err := planOf(args)
	if err != nil {
		return nil, err
	}
	doc, err := docIDArg(args, 1)
	if err != nil {
		return nil, err
	}
	var members []memberJSON
	m := arg(args, 2)
	if m.Type() != js.TypeObject {
		return nil, invalid("members must be the array client.members returned")
	}
	s := js.Global().Get("JSON").Call("stringify", m).String()
	if err := json.Unmarshal([]byte(s), &members); err != nil {
		return nil, invalid("members: %v", err)
	}
	entry, err := optStr(args, 3, "entry")
	if err != nil {
		return nil, err
	}
	type result struct {
		ID          string `json:"id"`
		PlanVersion int    `json:"plan_version"`
		Status      string `json:"status"`
		Error       string `json:"error,omitempty"`
		AgreedAt    string `json:"agreed_at,omitempty"`
		Digest      string `json:"digest"`
		Client      string `json:"client,omitempty"`
		Counsellor  string `json:"counsellor,omitempty"`
	}
	out := []result{}
	for _, a := range p.Agreements {
		if entry != "" && a.ID != entry {
			continue
		}
		st, verr := plan.VerifyAgreement(p, a, doc, memberResolver(members))
		r := result{ID: a.ID, PlanVersion: a.PlanVersion, Status: st.String(), AgreedAt: formatTime(a.AgreedAt),
			Digest: a.Digest, Client: a.Client.Identity, Counsellor: a.Counsellor.Identity}
		if verr != nil {
			r.Error = verr.Error()
		}
		out = append(out, r)
	}
	if entry != "" {
		if len(out) == 0 {
			return nil, fmt.Errorf("%w: %s", plan.ErrNoAgreement, entry)
		}
		return out[0], nil
	}
	return out, nil
}
