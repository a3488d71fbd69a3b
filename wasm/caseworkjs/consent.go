//go:build js

package caseworkjs

import (
	"errors"
	"syscall/js"
	"time"

	"github.com/mobio-sync/mobio/casework/consent"
)

// consentJSON is a consent as the API takes and returns it: the fields of an entry of
// consents.consents.
type consentJSON struct {
	ID                string     `json:"id,omitempty"`
	Purpose           string     `json:"purpose"`
	Scope             []string   `json:"scope,omitempty"`
	RecipientType     string     `json:"recipient_type,omitempty"`
	RecipientName     string     `json:"recipient_name,omitempty"`
	RecipientIdentity string     `json:"recipient_identity,omitempty"`
	TextID            string     `json:"text_id,omitempty"`
	TextVersion       int        `json:"text_version,omitempty"`
	LanguageShown     string     `json:"language_shown"`
	Interpreter       string     `json:"interpreter_language,omitempty"`
	Method            string     `json:"method,omitempty"`
	GivenBy           string     `json:"given_by,omitempty"`
	GivenAt           jsonTime   `json:"given_at"`
	Recorder          provenance `json:"recorder"`
	TextDigest        string     `json:"text_digest,omitempty"`  // returned only
	WithdrawnAt       string     `json:"withdrawn_at,omitempty"` // returned only
	Withdrawn         bool       `json:"withdrawn,omitempty"`    // returned only
}

func (c consentJSON) consent() consent.Consent {
	return consent.Consent{
		Purpose: c.Purpose, Scope: c.Scope,
		RecipientType: c.RecipientType, RecipientName: c.RecipientName, RecipientIdentity: c.RecipientIdentity,
		TextID: c.TextID, Version: c.TextVersion, Lang: c.LanguageShown, Interpreter: c.Interpreter,
		Method: c.Method, GivenBy: c.GivenBy, At: c.GivenAt.Time, Recorder: c.Recorder.casework(),
	}
}

func consentOut(id, digest string, c consent.Consent, withdrawn time.Time) consentJSON {
	return consentJSON{
		ID: id, Purpose: c.Purpose, Scope: c.Scope,
		RecipientType: c.RecipientType, RecipientName: c.RecipientName, RecipientIdentity: c.RecipientIdentity,
		TextID: c.TextID, TextVersion: c.Version, LanguageShown: c.Lang, Interpreter: c.Interpreter,
		Method: c.Method, GivenBy: c.GivenBy, GivenAt: jsonTime{c.At},
		Recorder:   provenance{Source: c.Recorder.Source, By: c.Recorder.By, At: jsonTime{c.Recorder.At}},
		TextDigest: digest, WithdrawnAt: formatTime(withdrawn), Withdrawn: !withdrawn.IsZero(),
	}
}

// MarshalJSON writes a time as RFC 3339 in UTC, and none as "".
func (t jsonTime) MarshalJSON() ([]byte, error) { return []byte(`"` + formatTime(t.Time) + `"`), nil }

// operatorArg reads the operator argument: {controller, dpo}, as the operator configured them.
func operatorArg(args []js.Value, i int) (consent.Operator, error) {
	var o struct {
		Controller string `json:"controller"`
		DPO        string `json:"dpo"`
	}
	if err := decode(args, i, "operator ({controller, dpo})", &o); err != nil {
		return consent.Operator{}, err
	}
	return consent.Operator{Controller: o.Controller, DPO: o.DPO}, nil
}

// consentLanguages() → [{lang, direction, script}]: the ten consent languages, German first.
func consentLanguages(args []js.Value) (any, error) {
	var out []map[string]string
	for _, l := range consent.Languages() {
		out = append(out, map[string]string{"lang": l, "direction": consent.Direction(l), "script": consent.Script(l)})
	}
	return out, nil
}

// metaJSON describes one version of a consent text.
type metaJSON struct {
	ID        string                        `json:"id"`
	Version   int                           `json:"version"`
	Purposes  []string                      `json:"purposes"`
	Sections  []string                      `json:"sections"`
	Languages map[string]consent.LangReview `json:"languages"`
}

// consentTexts() → every version of every text with the review state of each language.
func consentTexts(args []js.Value) (any, error) {
	var out []metaJSON
	for _, m := range consent.Texts() {
		out = append(out, metaJSON{ID: m.ID, Version: m.Version, Purposes: m.Purposes, Sections: m.Sections, Languages: m.Languages})
	}
	return out, nil
}

// consentText(id, version, lang, operator) → the text to show, rendered for the operator, with
// the digest a consent on it records. version 0 is the newest; id may be a purpose code.
func consentText(args []js.Value) (any, error) {
	id, err := str(args, 0, "text ID")
	if err != nil {
		return nil, err
	}
	version := 0
	if v := arg(args, 1); !absent(v) {
		if v.Type() != js.TypeNumber {
			return nil, invalid("version must be a number")
		}
		version = v.Int()
	}
	lang, err := str(args, 2, "language")
	if err != nil {
		return nil, err
	}
	op, err := operatorArg(args, 3)
	if err != nil {
		return nil, err
	}
	if m, err := consent.TextFor(id); err == nil { // a purpose code names its text
		id = m.ID
	}
	t, err := consent.GetText(id, version, lang)
	if err != nil {
		return nil, err
	}
	body, err := t.Render(op)
	if err != nil {
		return nil, err
	}
	return map[string]any{
		"id": t.ID, "version": t.Version, "purposes": t.Purposes, "sections": t.Sections,
		"lang": t.Lang, "requested": t.Requested, "fallback": t.Fallback,
		"title": t.Title, "text": body, "digest": consent.Digest(body),
		"direction": consent.Direction(t.Lang), "script": consent.Script(t.Lang),
		"review": t.Review, "needs_review": t.NeedsReview(),
	}, nil
}

// consentCheck(consent, operator) → the consent as consentGive would record it, or the rule
// it breaks: call it before showing the text and asking.
func consentCheck(args []js.Value) (any, error) {
	var in consentJSON
	if err := decode(args, 0, "consent", &in); err != nil {
		return nil, err
	}
	op, err := operatorArg(args, 1)
	if err != nil {
		return nil, err
	}
	c, err := consent.Check(in.consent(), op)
	if err != nil {
		return nil, err
	}
	return consentOut("", "", c, time.Time{}), nil
}

// consentGive(doc, consent, operator) → the new entry's ID.
func consentGive(args []js.Value) (any, error) {
	d, err := docArg(args, 0)
	if err != nil {
		return nil, err
	}
	var in consentJSON
	if err := decode(args, 1, "consent", &in); err != nil {
		return nil, err
	}
	op, err := operatorArg(args, 2)
	if err != nil {
		return nil, err
	}
	return consent.Give(d, in.consent(), op)
}

// consents(doc) → every consent of the document, oldest first.
func consents(args []js.Value) (any, error) {
	d, err := docArg(args, 0)
	if err != nil {
		return nil, err
	}
	rs, err := consent.List(d)
	if err != nil {
		return nil, err
	}
	out := []consentJSON{}
	for _, r := range rs {
		out = append(out, consentOut(r.ID, r.Digest, r.Consent, r.WithdrawnAt))
	}
	return out, nil
}

// matchJSON narrows consentValid.
type matchJSON struct {
	Entry             string   `json:"entry"`
	RecipientType     string   `json:"recipient_type"`
	RecipientName     string   `json:"recipient_name"`
	RecipientIdentity string   `json:"recipient_identity"`
	Sections          []string `json:"sections"`
}

// consentValid(doc, purpose, match) → the ID of the newest consent in force for purpose that
// match accepts, or null.
func consentValid(args []js.Value) (any, error) {
	d, err := docArg(args, 0)
	if err != nil {
		return nil, err
	}
	purpose, err := str(args, 1, "purpose")
	if err != nil {
		return nil, err
	}
	var m matchJSON
	if err := decode(args, 2, "match", &m); err != nil {
		return nil, err
	}
	id, ok := consent.Valid(d, purpose, consent.Match{Entry: m.Entry, RecipientType: m.RecipientType,
		RecipientName: m.RecipientName, RecipientIdentity: m.RecipientIdentity, Sections: m.Sections})
	if !ok {
		return nil, nil
	}
	return id, nil
}

// effectJSON is what withdrawing a consent must undo; the caller acts on it.
type effectJSON struct {
	Purpose             string      `json:"purpose"`
	RevokeMember        string      `json:"revoke_member,omitempty"`
	WithdrawPackages    []shareJSON `json:"withdraw_packages"`
	ExcludeFromResearch bool        `json:"exclude_from_research"`
	EraseSections       []string    `json:"erase_sections"`
	EraseDocument       bool        `json:"erase_document"`
	AlreadyWithdrawn    bool        `json:"already_withdrawn,omitempty"`
}

type shareJSON struct {
	ID            string `json:"id"`
	PackageID     string `json:"package_id"`
	RecipientType string `json:"recipient_type"`
	RecipientName string `json:"recipient_name"`
}

func effectOut(e consent.Effect) effectJSON {
	out := effectJSON{Purpose: e.Purpose, RevokeMember: e.RevokeMember, WithdrawPackages: []shareJSON{},
		ExcludeFromResearch: e.ExcludeFromResearch, EraseSections: e.EraseSections, EraseDocument: e.EraseDocument}
	if out.EraseSections == nil {
		out.EraseSections = []string{}
	}
	for _, s := range e.WithdrawPackages {
		out.WithdrawPackages = append(out.WithdrawPackages, shareJSON{ID: s.ID, PackageID: s.PackageID,
			RecipientType: s.RecipientType, RecipientName: s.RecipientName})
	}
	return out
}

// consentEffects(doc, id) → what withdrawing consent id would undo, to tell the person first.
func consentEffects(args []js.Value) (any, error) {
	d, err := docArg(args, 0)
	if err != nil {
		return nil, err
	}
	id, err := str(args, 1, "consent ID")
	if err != nil {
		return nil, err
	}
	e, err := consent.Effects(d, id)
	if err != nil {
		return nil, err
	}
	return effectOut(e), nil
}

// consentWithdraw(doc, id, at) records the withdrawal and → what it must undo (members to
// revoke, packages to withdraw, sections to erase), for the caller to act on. A consent
// withdrawn before is not an error: its effects may still be pending (already_withdrawn).
func consentWithdraw(args []js.Value) (any, error) {
	d, err := docArg(args, 0)
	if err != nil {
		return nil, err
	}
	id, err := str(args, 1, "consent ID")
	if err != nil {
		return nil, err
	}
	at, err := timeOf(arg(args, 2), "at", time.Now())
	if err != nil {
		return nil, err
	}
	already := false
	if err := consent.Withdraw(d, id, at); errors.Is(err, consent.ErrAlreadyWithdrawn) {
		already = true
	} else if err != nil {
		return nil, err
	}
	e, err := consent.Effects(d, id)
	if err != nil {
		return nil, err
	}
	out := effectOut(e)
	out.AlreadyWithdrawn = already
	return out, nil
}

// consentEraseSection(doc, section) clears every field of section (support needs, after its
// consent was withdrawn).
func consentEraseSection(args []js.Value) (any, error) {
	d, err := docArg(args, 0)
	if err != nil {
		return nil, err
	}
	section, err := str(args, 1, "section")
	if err != nil {
		return nil, err
	}
	return nil, consent.EraseSection(d, section)
}
