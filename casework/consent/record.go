package consent

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/mobio-sync/mobio/casework"
	"github.com/mobio-sync/mobio/crdt/schema"
	"github.com/mobio-sync/mobio/e2ee"
)

// The lists of the consents section.
const (
	ListConsents = "consents.consents"
	ListShares   = "consents.shares"
)

// Purposes of the consent_purpose code list that this package treats specially.
const (
	PurposeProfileStorage = "PROFILE_STORAGE"
	PurposeCounsellingVU  = "COUNSELLING_ACCESS_VU"
	PurposeCounsellingAU  = "COUNSELLING_ACCESS_AU"
	PurposeTransfer       = "TRANSFER_VU_TO_AU"
	PurposeShareRecipient = "SHARE_RECIPIENT"
	PurposeHealthSection  = "HEALTH_SECTION"
	PurposeResearchAnon   = "RESEARCH_ANON"
)

// SectionSupportNeeds is the special-category section (Art. 9 GDPR): only a HEALTH_SECTION
// consent covers it.
const SectionSupportNeeds = "support_needs"

const (
	recipientCounsellorVU = "COUNSELLOR_VU"
	recipientCounsellorAU = "COUNSELLOR_AU"
	recipientResearch     = "RESEARCH"
	methodElectronic      = "electronic"
	giverSelf             = "SELF"
	sourceSelf            = "self"
	maxRecipientNameRunes = 200
)

// Errors of the records that callers branch on. Missing consent is casework.ErrNoConsent.
var (
	// ErrInvalid is returned by Give for a consent that breaks a rule; the message says which.
	ErrInvalid = errors.New("consent: invalid consent")
	// ErrNotFound is returned for an entry ID that is not a consent of the document.
	ErrNotFound = errors.New("consent: no such consent entry")
	// ErrAlreadyWithdrawn is returned by Withdraw for a consent withdrawn before; its effects
	// may still be pending, so callers usually go on to Effects.
	ErrAlreadyWithdrawn = errors.New("consent: already withdrawn")
)

// Consent is what a consent records: an entry of consents.consents.
type Consent struct {
	// Purpose is a code of the consent_purpose list.
	Purpose string
	// Scope are the sections (codes of the section list) the consent covers; Give fills in the
	// text's sections when it is empty. support_needs only ever with HEALTH_SECTION.
	Scope []string
	// RecipientType (recipient_type list), RecipientName and RecipientIdentity (a mobio
	// identity ID, for a counsellor) say to whom. Counselling access and transfer need the
	// identity; sending to an agency needs type and name; research is to RESEARCH.
	RecipientType, RecipientName, RecipientIdentity string
	// TextID, Version (0 in Give: the newest) and Lang name the text as shown; Lang is one of
	// Languages. TextID may be empty in Give: the text for Purpose.
	TextID  string
	Version int
	Lang    string
	// Interpreter is the language (ISO 639-3 code of the language list) an interpreter used.
	Interpreter string
	// Method is "electronic" (default) or "signed_paper_scan"; GivenBy is SELF (default),
	// LEGAL_GUARDIAN or LEGAL_CARER.
	Method, GivenBy string
	// At is when the consent was given.
	At time.Time
	// Recorder is the provenance the entry's fields carry: Source "self" (default) when the
	// person records it themselves, "counsellor" when a counsellor records it with them.
	Recorder casework.Provenance
}

// Record is a consent as recorded in a document.
type Record struct {
	ID string
	Consent
	// Digest is the text_digest recorded: the digest of the rendered text shown.
	Digest      string
	WithdrawnAt time.Time
}

// Withdrawn reports whether the consent was withdrawn.
func (r Record) Withdrawn() bool { return !r.WithdrawnAt.IsZero() }

// Give validates c against the rules and the text catalogue, and records it as one change: a
// new entry of consents.consents with the digest of the text as rendered for op. It returns the
// entry's ID. A rule broken is ErrInvalid; an unconfigured operator is ErrNoOperator.
func Give(w casework.Document, c Consent, op Operator) (string, error) {
	c, digest, err := check(c, op)
	if err != nil {
		return "", err
	}
	var id string
	err = w.Batch("consent: "+c.Purpose, func() (err error) {
		if id, err = w.AddEntry(ListConsents); err != nil {
			return err
		}
		p := func(field string) string { return ListConsents + "." + id + "." + field }
		set := func(field, value string) {
			if err == nil && value != "" {
				err = w.Set(p(field), value, c.Recorder)
			}
		}
		set("purpose", c.Purpose)
		if err == nil {
			err = w.SetCodes(p("scope"), c.Scope, c.Recorder)
		}
		set("recipient_type", c.RecipientType)
		set("recipient_name", c.RecipientName)
		set("recipient_identity", c.RecipientIdentity)
		set("text_id", c.TextID)
		set("text_version", strconv.Itoa(c.Version))
		set("text_digest", digest)
		set("language_shown", c.Lang)
		set("interpreter_language", c.Interpreter)
		set("given_at", c.At.UTC().Format(time.RFC3339))
		set("method", c.Method)
		set("given_by", c.GivenBy)
		return err
	})
	if err != nil {
		return "", fmt.Errorf("record consent: %w", err)
	}
	return id, nil
}

// Check applies Give's rules to c without writing, and returns c as Give would record it (the
// text, version, scope, recipient type, method and giver filled in). A UI calls it before it
// shows the text and asks, so that the person never agrees to something that cannot be recorded.
func Check(c Consent, op Operator) (Consent, error) {
	c, _, err := check(c, op)
	return c, err
}

func invalid(format string, args ...any) error {
	return fmt.Errorf("%w: "+format, append([]any{ErrInvalid}, args...)...)
}

// check applies the rules to c, fills in its defaults and returns it with the digest of the
// text as shown.
func check(c Consent, op Operator) (Consent, string, error) {
	cat := schema.Default()
	has := func(list, code string) bool { return cat.CodeList(list).Has(code) }
	if !has("consent_purpose", c.Purpose) {
		return c, "", invalid("purpose %q is not in code list consent_purpose", c.Purpose)
	}
	if c.TextID == "" {
		m, err := TextFor(c.Purpose)
		if err != nil {
			return c, "", invalid("there is no consent text for purpose %s", c.Purpose)
		}
		c.TextID = m.ID
	}
	if !IsLanguage(c.Lang) {
		return c, "", invalid("language %q is not one of the consent languages %s", c.Lang, strings.Join(languages, " "))
	}
	t, err := GetText(c.TextID, c.Version, c.Lang)
	if err != nil {
		return c, "", fmt.Errorf("%w: %w", ErrInvalid, err)
	}
	c.Version = t.Version
	if !slices.Contains(t.Purposes, c.Purpose) {
		return c, "", invalid("text %s is the consent text for %s, not for %s", t.ID, strings.Join(t.Purposes, ", "), c.Purpose)
	}
	if t.Fallback {
		return c, "", invalid("text %s v%d has no %s version: record the language actually shown", t.ID, t.Version, c.Lang)
	}
	if c.Scope, err = checkScope(c, t); err != nil {
		return c, "", err
	}
	if err := checkRecipient(&c); err != nil {
		return c, "", err
	}
	if c.Interpreter != "" && !has("language", c.Interpreter) {
		return c, "", invalid("interpreter language %q is not in code list language (ISO 639-3)", c.Interpreter)
	}
	c.Method = cmp.Or(c.Method, methodElectronic)
	if !has("consent_method", c.Method) {
		return c, "", invalid("method %q is not in code list consent_method", c.Method)
	}
	c.GivenBy = cmp.Or(c.GivenBy, giverSelf)
	if !has("consent_giver", c.GivenBy) {
		return c, "", invalid("given by %q is not in code list consent_giver", c.GivenBy)
	}
	if c.At.IsZero() {
		return c, "", invalid("the time the consent was given is missing")
	}
	c.Recorder.Source = cmp.Or(c.Recorder.Source, sourceSelf)
	shown, err := t.Render(op)
	if err != nil {
		return c, "", err
	}
	return c, Digest(shown), nil
}

// checkScope returns the consent's scope, sorted: the text's sections when c names none.
func checkScope(c Consent, t Text) ([]string, error) {
	if len(c.Scope) == 0 {
		return slices.Sorted(slices.Values(t.Sections)), nil
	}
	scope := slices.Sorted(slices.Values(c.Scope))
	scope = slices.Compact(scope)
	for _, s := range scope {
		switch {
		case !schema.Default().CodeList("section").Has(s):
			return nil, invalid("scope: %q is not a section", s)
		case s == SectionSupportNeeds && c.Purpose != PurposeHealthSection:
			return nil, invalid("scope: the support-needs section needs a consent of its own (%s)", PurposeHealthSection)
		case !slices.Contains(t.Sections, s):
			return nil, invalid("scope: text %s does not cover section %s", t.ID, s)
		}
	}
	if c.Purpose == PurposeHealthSection && !slices.Contains(scope, SectionSupportNeeds) {
		return nil, invalid("scope: %s covers the support-needs section", PurposeHealthSection)
	}
	return scope, nil
}

// checkRecipient applies the recipient rules of c's purpose and fills in the implied type.
func checkRecipient(c *Consent) error {
	c.RecipientName = strings.Join(strings.Fields(c.RecipientName), " ")
	switch strings.ToLower(c.RecipientName) {
	case "unknown", "declined": // would be stored as the states of the same names
		return invalid("recipient name %q is a reserved word", c.RecipientName)
	}
	if len([]rune(c.RecipientName)) > maxRecipientNameRunes {
		return invalid("recipient name longer than %d characters", maxRecipientNameRunes)
	}
	if c.RecipientIdentity != "" {
		if _, err := e2ee.ParseIdentityID(c.RecipientIdentity); err != nil {
			return invalid("recipient identity is not a mobio identity ID")
		}
	}
	if c.RecipientType != "" && !schema.Default().CodeList("recipient_type").Has(c.RecipientType) {
		return invalid("recipient type %q is not in code list recipient_type", c.RecipientType)
	}
	fixed := func(want string) error {
		c.RecipientType = cmp.Or(c.RecipientType, want)
		if c.RecipientType != want {
			return invalid("%s is to recipient type %s, not %s", c.Purpose, want, c.RecipientType)
		}
		return nil
	}
	switch c.Purpose {
	case PurposeCounsellingVU, PurposeCounsellingAU, PurposeTransfer:
		if c.RecipientIdentity == "" {
			return invalid("%s needs the counsellor's identity", c.Purpose)
		}
		want := recipientCounsellorAU
		if c.Purpose == PurposeCounsellingVU {
			want = recipientCounsellorVU
		}
		return fixed(want)
	case PurposeShareRecipient:
		switch c.RecipientType {
		case "":
			return invalid("%s needs the recipient's type", c.Purpose)
		case recipientCounsellorVU, recipientCounsellorAU, recipientResearch:
			return invalid("%s is to an agency or employer, not %s: counselling and research have purposes of their own", c.Purpose, c.RecipientType)
		}
		if c.RecipientName == "" {
			return invalid("%s needs the recipient's name: consent is given per recipient", c.Purpose)
		}
		return nil
	case PurposeResearchAnon:
		if c.RecipientName != "" || c.RecipientIdentity != "" {
			return invalid("%s goes to research, anonymised, never to a named person", c.Purpose)
		}
		return fixed(recipientResearch)
	}
	if c.RecipientType != "" || c.RecipientName != "" || c.RecipientIdentity != "" {
		return invalid("%s has no recipient", c.Purpose)
	}
	return nil
}

// Withdraw records that consent id was withdrawn at at, as one change. The withdrawal is the
// person's declaration whoever types it in, so it carries the provenance "self". It returns
// ErrAlreadyWithdrawn when it was withdrawn before, and ErrNotFound for no such consent. What
// the withdrawal must undo is [Effects].
func Withdraw(w casework.Document, id string, at time.Time) error {
	r, err := Find(w, id)
	if err != nil {
		return err
	}
	if r.Withdrawn() {
		return fmt.Errorf("%w: %s on %s", ErrAlreadyWithdrawn, id, r.WithdrawnAt.Format(time.RFC3339))
	}
	if at.IsZero() {
		return invalid("the time of the withdrawal is missing")
	}
	err = w.Batch("consent: withdraw", func() error {
		return w.Set(ListConsents+"."+id+".withdrawn_at", at.UTC().Format(time.RFC3339), casework.Provenance{Source: sourceSelf})
	})
	if err != nil {
		return fmt.Errorf("record the withdrawal: %w", err)
	}
	return nil
}

// List returns every consent of the document, in the list's order (creation, then ID).
func List(r casework.Reader) ([]Record, error) {
	ids, err := r.Entries(ListConsents)
	if err != nil {
		return nil, fmt.Errorf("list %s: %w", ListConsents, err)
	}
	out := make([]Record, 0, len(ids))
	for _, id := range ids {
		rec, err := read(r, id)
		if err != nil {
			return nil, err
		}
		out = append(out, rec)
	}
	return out, nil
}

// Find returns consent id.
func Find(r casework.Reader, id string) (Record, error) {
	ids, err := r.Entries(ListConsents)
	if err != nil {
		return Record{}, fmt.Errorf("list %s: %w", ListConsents, err)
	}
	if id == "" || !slices.Contains(ids, id) {
		return Record{}, fmt.Errorf("%w: %q", ErrNotFound, id)
	}
	return read(r, id)
}

func read(r casework.Reader, id string) (Record, error) {
	p := ListConsents + "." + id + "."
	var firstErr error
	field := func(name string) casework.Field {
		f, err := r.Field(p + name)
		if err != nil && firstErr == nil {
			firstErr = err
		}
		return f
	}
	purpose := field("purpose")
	rec := Record{ID: id, Consent: Consent{
		Purpose:           purpose.Value,
		RecipientType:     field("recipient_type").Value,
		RecipientName:     field("recipient_name").Value,
		RecipientIdentity: field("recipient_identity").Value,
		TextID:            field("text_id").Value,
		Lang:              field("language_shown").Value,
		Interpreter:       field("interpreter_language").Value,
		Method:            field("method").Value,
		GivenBy:           field("given_by").Value,
		Recorder:          casework.Provenance{Source: purpose.Source, By: purpose.By, At: purpose.At},
	}, Digest: field("text_digest").Value}
	rec.Version, _ = strconv.Atoi(field("text_version").Value)
	rec.At, _ = time.Parse(time.RFC3339Nano, field("given_at").Value)
	if w := field("withdrawn_at"); w.State != casework.StateEmpty {
		// Any answer in withdrawn_at, even "unknown", counts as withdrawn: a consent in doubt is
		// no consent.
		rec.WithdrawnAt, _ = time.Parse(time.RFC3339Nano, w.Value)
		if rec.WithdrawnAt.IsZero() {
			rec.WithdrawnAt = time.Unix(0, 0).UTC()
		}
	}
	scope, err := r.Codes(p + "scope")
	if err != nil && firstErr == nil {
		firstErr = err
	}
	rec.Scope = scope
	if firstErr != nil {
		return Record{}, fmt.Errorf("read consent %s: %w", id, firstErr)
	}
	return rec, nil
}

// Match narrows the consents [Valid] and [Require] accept; an empty field accepts any.
type Match struct {
	// Entry accepts only that consent entry (a consent cited by ID).
	Entry string
	// RecipientType and RecipientIdentity must equal the consent's; RecipientName must equal it
	// ignoring letter case and spacing.
	RecipientType, RecipientName, RecipientIdentity string
	// Sections must all be within the consent's scope.
	Sections []string
}

func (m Match) accepts(r Record) bool {
	norm := func(s string) string { return strings.ToLower(strings.Join(strings.Fields(s), " ")) }
	switch {
	case m.Entry != "" && r.ID != m.Entry,
		m.RecipientType != "" && r.RecipientType != m.RecipientType,
		m.RecipientIdentity != "" && r.RecipientIdentity != m.RecipientIdentity,
		m.RecipientName != "" && norm(r.RecipientName) != norm(m.RecipientName):
		return false
	}
	for _, s := range m.Sections {
		if !slices.Contains(r.Scope, s) {
			return false
		}
	}
	return true
}

// Valid returns the newest consent in force (not withdrawn) for purpose that m accepts. A
// document that cannot be read has no valid consent.
func Valid(r casework.Reader, purpose string, m Match) (string, bool) {
	id, err := Require(r, purpose, m)
	return id, err == nil
}

// Require is Valid with the reason: an error wrapping casework.ErrNoConsent when no consent in
// force for purpose matches, or the error reading the document.
func Require(r casework.Reader, purpose string, m Match) (string, error) {
	recs, err := List(r)
	if err != nil {
		return "", err
	}
	var best *Record
	for i := range recs {
		rec := &recs[i]
		if rec.Purpose != purpose || rec.Withdrawn() || !m.accepts(*rec) {
			continue
		}
		if best == nil || !rec.At.Before(best.At) {
			best = rec
		}
	}
	if best == nil {
		return "", fmt.Errorf("%w for %s", casework.ErrNoConsent, purpose)
	}
	return best.ID, nil
}

// Share is a share (an entry of consents.shares) that rests on a consent.
type Share struct {
	ID, PackageID, RecipientType, RecipientName string
}

// Effect is what withdrawing a consent must undo. The caller acts on it: removing a member and
// withdrawing a package are operations of the sync engine and the relay, not of the document.
type Effect struct {
	Purpose string
	// RevokeMember is the identity ID whose membership ends (counselling access, transfer);
	// empty when another consent in force still grants that identity access.
	RevokeMember string
	// WithdrawPackages are the shares resting on the consent that are not revoked yet: their
	// packages must be withdrawn at the relay and their revoked_at set.
	WithdrawPackages []Share
	// ExcludeFromResearch: the person leaves every research export from now on (no other
	// research consent is in force). Exports check Valid, so this is for telling the person.
	ExcludeFromResearch bool
	// EraseSections are sections whose data must be erased (support needs, Art. 17(1)(b) GDPR),
	// for example with [EraseSection].
	EraseSections []string
	// EraseDocument: the consent to keep the profile at all ended; the owner erases it.
	EraseDocument bool
}

// Effects returns what withdrawing consent id must undo. It works before the withdrawal is
// recorded too, to tell the person what will happen.
func Effects(r casework.Reader, id string) (Effect, error) {
	target, err := Find(r, id)
	if err != nil {
		return Effect{}, err
	}
	recs, err := List(r)
	if err != nil {
		return Effect{}, err
	}
	// others reports whether a consent other than target, in force, has one of purposes and
	// passes match.
	others := func(match func(Record) bool, purposes ...string) bool {
		for _, rec := range recs {
			if rec.ID != id && !rec.Withdrawn() && slices.Contains(purposes, rec.Purpose) && match(rec) {
				return true
			}
		}
		return false
	}
	anyRecord := func(Record) bool { return true }
	e := Effect{Purpose: target.Purpose}
	switch target.Purpose {
	case PurposeCounsellingVU, PurposeCounsellingAU, PurposeTransfer:
		sameIdentity := func(rec Record) bool { return rec.RecipientIdentity == target.RecipientIdentity }
		if target.RecipientIdentity != "" && !others(sameIdentity, PurposeCounsellingVU, PurposeCounsellingAU, PurposeTransfer) {
			e.RevokeMember = target.RecipientIdentity
		}
	case PurposeResearchAnon:
		e.ExcludeFromResearch = !others(anyRecord, PurposeResearchAnon)
	case PurposeHealthSection:
		if !others(anyRecord, PurposeHealthSection) {
			e.EraseSections = []string{SectionSupportNeeds}
		}
	case PurposeProfileStorage:
		e.EraseDocument = !others(anyRecord, PurposeProfileStorage)
	}
	if e.WithdrawPackages, err = sharesOn(r, id); err != nil {
		return Effect{}, err
	}
	return e, nil
}

// sharesOn returns the shares not yet revoked whose consent is id.
func sharesOn(r casework.Reader, id string) ([]Share, error) {
	ids, err := r.Entries(ListShares)
	if err != nil {
		return nil, fmt.Errorf("list %s: %w", ListShares, err)
	}
	var out []Share
	for _, sid := range ids {
		p := ListShares + "." + sid + "."
		var fields [5]casework.Field
		for i, name := range []string{"consent", "revoked_at", "package_id", "recipient_type", "recipient_name"} {
			if fields[i], err = r.Field(p + name); err != nil {
				return nil, fmt.Errorf("read share %s: %w", sid, err)
			}
		}
		if fields[0].Value != id || fields[1].State != casework.StateEmpty {
			continue
		}
		out = append(out, Share{ID: sid, PackageID: fields[2].Value, RecipientType: fields[3].Value, RecipientName: fields[4].Value})
	}
	return out, nil
}

// EraseSection clears every field of section and removes the entries of its lists, as one
// change. The document's history keeps earlier values until it is compacted; erasing them from
// history too is the owner's erasure of the document.
func EraseSection(w casework.Document, section string) error {
	sec := schema.Default().Section(section)
	if sec == nil {
		return fmt.Errorf("erase section %q: no such section", section)
	}
	err := w.Batch("consent: erase "+section, func() error {
		for _, f := range sec.Fields {
			p := section + "." + f.Key
			if f.Type != schema.TypeList {
				if err := w.Clear(p); err != nil {
					return err
				}
				continue
			}
			ids, err := w.Entries(p)
			if err != nil {
				return err
			}
			for _, id := range ids {
				if err := w.RemoveEntry(p, id); err != nil {
					return err
				}
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("erase section %s: %w", section, err)
	}
	return nil
}
