package plan

import (
	"bytes"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/mobio-sync/mobio/casework"
	"github.com/mobio-sync/mobio/crdt/schema"
	"github.com/mobio-sync/mobio/e2ee"
)

// LabelAgreement separates signatures of a plan agreement from every other signature of an
// identity key (see e2ee.SignedMessage). The signed parts are the biography's document ID, the
// SHA-256 digest of [Canonical], and the signer's [Role].
const LabelAgreement = "mobio/v1/plan-agreement"

// canonicalFormat names the layout of [Canonical]; a change of layout gets a new version, so
// that an old agreement never verifies against a rendering it was not made over.
const canonicalFormat = "mobio/v1/plan-agreement-text"

// Errors of agreements that callers branch on.
var (
	ErrNoAgreement   = errors.New("plan: no agreement")
	ErrAlreadySigned = errors.New("plan: this version of the plan is signed already")
	ErrSameSigner    = errors.New("plan: one person cannot sign for both sides")
	ErrUnknownSigner = errors.New("plan: the signer is not a member of the document")
	ErrBadSignature  = errors.New("plan: bad signature")
	ErrPlanChanged   = errors.New("plan: the plan changed after it was shown")
)

// Role is the side an agreement is signed for.
type Role string

// The two sides of an agreement.
const (
	RoleClient     Role = "client"     // the newcomer
	RoleCounsellor Role = "counsellor" // the counsellor
)

// Status is the result of verifying an agreement.
type Status int

// Results of [Verify].
const (
	Valid      Status = iota + 1 // both sides signed the plan as it is now
	Outdated                     // the signatures hold, but the plan changed since
	Invalid                      // a signature does not verify or names the wrong person
	Incomplete                   // one side has not signed yet
)

func (s Status) String() string {
	switch s {
	case Valid:
		return "valid"
	case Outdated:
		return "outdated"
	case Invalid:
		return "invalid"
	case Incomplete:
		return "incomplete"
	}
	return "unknown"
}

// Canonical renders what the two sides agree on — the counselling period, the goals and the
// steps to them — as German text, deterministically: fields in a fixed order with the German
// labels of the catalogue, codes with their German label and the code, free text quoted with
// its input language (and its German translation when written in another language), goals and
// steps in the document's order. Reviews, statuses, contacts and referrals are not part of it:
// they record how the plan goes, not what was agreed. Both sides sign its SHA-256 digest.
func Canonical(p Plan) []byte {
	var b bytes.Buffer
	line := func(indent int, label, value string) {
		if value == "" {
			return
		}
		fmt.Fprintf(&b, "%s%s: %s\n", strings.Repeat("  ", indent), label, value)
	}
	heading := func(indent int, s string) { fmt.Fprintf(&b, "%s%s\n", strings.Repeat("  ", indent), s) }
	label := func(path string) string { return field(path).Label.De }
	code := func(list, c string) string {
		if c == "" {
			return ""
		}
		return fmt.Sprintf("%s [%s]", Label(list, c, "de"), c)
	}
	text := func(indent int, path string, t casework.Text) {
		if strings.TrimSpace(t.Text) == "" {
			return
		}
		v := strconv.Quote(t.Text)
		if t.Lang != "" {
			v += " (" + t.Lang + ")"
		}
		line(indent, label(path), v)
		if tr, ok := t.Translations["de"]; ok && t.Lang != "de" && strings.TrimSpace(tr.Text) != "" {
			line(indent+1, "Deutsche Übersetzung", strconv.Quote(tr.Text))
		}
	}

	heading(0, "Zielvereinbarung zum Integrationsplan")
	line(0, "Format", canonicalFormat)
	b.WriteByte('\n')
	heading(0, "Beratungszeitraum")
	line(1, label("plan.counselling_start"), p.Start.String())
	line(1, label("plan.counselling_end_planned"), p.EndPlanned.String())
	text(1, "plan.extension_reason", p.ExtensionReason)

	goals := map[string]bool{}
	for _, g := range p.Goals {
		goals[g.ID] = true
	}
	measure := func(indent int, n string, m Measure) {
		heading(indent, "Schritt "+n)
		text(indent+1, "plan.measures.description", m.Description)
		line(indent+1, label("plan.measures.responsible_party"), code("responsible_party", m.Responsible))
		if m.ResponsibleName != "" {
			line(indent+1, label("plan.measures.responsible_name"), strconv.Quote(m.ResponsibleName))
		}
		line(indent+1, label("plan.measures.due_date"), m.Due.String())
	}
	for i, g := range p.Goals {
		b.WriteByte('\n')
		heading(0, fmt.Sprintf("Ziel %d", i+1))
		line(1, label("plan.goals.field_of_action"), code("field_of_action", g.FieldOfAction))
		text(1, "plan.goals.description", g.Description)
		line(1, label("plan.goals.target_date"), g.TargetDate.String())
		line(1, label("plan.goals.priority"), itoa(g.Priority))
		n := 0
		for _, m := range p.Measures {
			if m.Goal == g.ID {
				n++
				measure(1, fmt.Sprintf("%d.%d", i+1, n), m)
			}
		}
	}
	n := 0
	for _, m := range p.Measures {
		if goals[m.Goal] {
			continue
		}
		if n == 0 {
			b.WriteByte('\n')
			heading(0, "Schritte ohne zugehöriges Ziel")
		}
		n++
		measure(1, strconv.Itoa(n), m)
	}
	// The catalogue's note that the agreement is voluntary, as the newcomer reads it.
	b.WriteByte('\n')
	heading(0, field("plan.agreements").Help.De)
	return b.Bytes()
}

// field returns the catalogue's field at path; the package's tests cover every path used.
func field(path string) *schema.Field {
	f, err := schema.Default().Field(path)
	if err != nil {
		panic("plan: the catalogue lacks " + path)
	}
	return f
}

// Digest returns the SHA-256 digest of [Canonical](p): what both sides sign.
func Digest(p Plan) [32]byte { return sha256.Sum256(Canonical(p)) }

// SignOptions says in what circumstances an agreement is signed.
type SignOptions struct {
	// LanguageShown is the language (code list ui_language) of the version the newcomer was
	// shown; recorded with the newcomer's signature.
	LanguageShown string
	// Interpreter is the interpreting language (ISO 639-3) when an interpreter took part.
	Interpreter string
	// Now is the time of signing.
	Now time.Time
	// Shown, when set, is the rendering (Canonical) the signer read and agreed to: Sign fails
	// with ErrPlanChanged when the plan no longer renders to it, so that nobody signs what
	// changed after they read it.
	Shown []byte
}

// signedParts returns what a signature of role over digest covers in document doc.
func signedParts(doc string, digest []byte, role Role) [][]byte {
	return [][]byte{[]byte(doc), digest, []byte(role)}
}

// Signer signs for one identity: a *keyring.Identity, or in the browser a signature made by
// the module that holds the key.
type Signer interface {
	ID() e2ee.IdentityID
	Sign(label string, parts ...[]byte) ([]byte, error)
}

// Parts returns what an agreement signature of role over the plan digest covers in document
// doc, under LabelAgreement, for a Signer that signs elsewhere.
func Parts(doc string, digest [32]byte, role Role) [][]byte {
	return signedParts(doc, digest[:], role)
}

// Sign signs the plan of document doc (the biography's document ID) as it is now with id, for
// role, and records the signature in an agreement entry: it completes the latest agreement when
// that was made over the same plan and lacks role's side, and starts a new one otherwise (the
// plan version goes up when the plan changed). When the second side signs, the agreement is
// complete (agreed_at) and the plan's status becomes agreed. It returns the agreement as
// stored.
func Sign(d casework.Document, doc string, id Signer, role Role, o SignOptions) (Agreement, error) {
	if role != RoleClient && role != RoleCounsellor {
		return Agreement{}, fmt.Errorf("plan: sign as %q: want client or counsellor", role)
	}
	if doc == "" {
		return Agreement{}, fmt.Errorf("%w: the document ID", ErrMissing)
	}
	if err := checkCode("ui_language", o.LanguageShown); err != nil {
		return Agreement{}, err
	}
	if err := checkCode("language", o.Interpreter); err != nil {
		return Agreement{}, err
	}
	p, err := Read(d)
	switch {
	case err != nil:
		return Agreement{}, err
	case !p.Started():
		return Agreement{}, ErrNoPlan
	case p.Closed():
		return Agreement{}, ErrClosed
	}
	if o.Shown != nil && !bytes.Equal(o.Shown, Canonical(p)) {
		return Agreement{}, ErrPlanChanged
	}
	sum := Digest(p)
	digest := hex.EncodeToString(sum[:])
	me := id.ID().String()

	// Complete an agreement over this plan whose side for role is free, the latest first: two
	// people who sign at once on devices apart each start one, and the next signature
	// completes either. The plan version is the one this plan had, or the next.
	var target *Agreement
	version, same := 1, 0
	for _, a := range p.Agreements {
		version = max(version, a.PlanVersion+1)
		if a.Digest == digest {
			same = max(same, a.PlanVersion)
		}
	}
	if same > 0 {
		version = same
	}
	var signed *Agreement
	for i := len(p.Agreements) - 1; i >= 0; i-- {
		a := p.Agreements[i]
		if a.Digest != digest {
			continue
		}
		mine, other := a.Client, a.Counsellor
		if role == RoleCounsellor {
			mine, other = other, mine
		}
		switch {
		case other.Identity == me:
			return a, ErrSameSigner
		case mine.Identity == me && signed == nil:
			signed = &a
		case !mine.Signed() && target == nil:
			target = &a
		}
	}
	if target == nil && signed != nil {
		return *signed, ErrAlreadySigned
	}
	sig, err := id.Sign(LabelAgreement, signedParts(doc, sum[:], role)...)
	if err != nil {
		return Agreement{}, fmt.Errorf("sign the agreement: %w", err)
	}
	e := Editor{Doc: d, By: casework.Provenance{Source: source(role), By: me, At: o.Now}}
	entry := ""
	err = d.Batch("sign the goal agreement", func() error {
		if target != nil {
			entry = target.ID
		} else {
			var err error
			if entry, err = d.AddEntry("plan.agreements"); err != nil {
				return err
			}
		}
		x := "plan.agreements." + entry + "."
		side, flag := "client", "client_acknowledged"
		if role == RoleCounsellor {
			side, flag = "counsellor", "counsellor_signed"
		}
		if err := e.set(x+"plan_version", strconv.Itoa(version), x+"plan_digest", digest,
			x+side+"_identity", me, x+side+"_signature", base64.StdEncoding.EncodeToString(sig), x+flag, "true"); err != nil {
			return err
		}
		if role == RoleClient || target == nil || target.LanguageShown == "" {
			if err := e.set(x+"language_shown", o.LanguageShown); err != nil {
				return err
			}
		}
		if o.Interpreter != "" {
			if err := e.set(x+"interpreter_used", "true", x+"interpreter_language", o.Interpreter); err != nil {
				return err
			}
		}
		if target != nil { // the second side: the agreement is complete
			at := o.Now
			if at.IsZero() {
				at = time.Now()
			}
			return e.set(x+"agreed_at", at.UTC().Format(time.RFC3339Nano), "plan.status", CodeAgreed)
		}
		return nil
	})
	if err != nil {
		return Agreement{}, err
	}
	p, err = Read(d)
	if err != nil {
		return Agreement{}, err
	}
	for _, a := range p.Agreements {
		if a.ID == entry {
			return a, nil
		}
	}
	return Agreement{}, fmt.Errorf("%w: %s after signing", ErrNoAgreement, entry)
}

func source(r Role) string {
	if r == RoleClient {
		return "self"
	}
	return "counsellor"
}

// Latest returns the most recent agreement: of the highest plan version, one that both sides
// signed if there is one, else the last made.
func Latest(p Plan) (Agreement, bool) {
	var out Agreement
	found := false
	complete := func(a Agreement) bool { return a.Client.Signed() && a.Counsellor.Signed() }
	for _, a := range p.Agreements {
		switch {
		case !found, a.PlanVersion > out.PlanVersion:
			out, found = a, true
		case a.PlanVersion == out.PlanVersion && (complete(a) || !complete(out)):
			out = a
		}
	}
	return out, found
}

// Resolver returns the public identity of the member with identity ID id who signed for role,
// from the document's membership; it fails when there is no such member, or when the member
// may not sign for role (the newcomer is the document's owner, the counsellor a counsellor).
type Resolver func(id e2ee.IdentityID, role Role) (e2ee.IdentityPublic, error)

// Verify checks agreement entry of document doc (the biography's document ID): each signature
// present must be the named member's signature of the plan digest it records, for its side
// (else Invalid); a plan that changed since is Outdated; a missing side is Incomplete; else the
// agreement is Valid. The error says why an agreement is Invalid; it is nil otherwise.
func Verify(r casework.Reader, doc, entry string, resolve Resolver) (Status, error) {
	p, err := Read(r)
	if err != nil {
		return 0, err
	}
	for _, a := range p.Agreements {
		if a.ID == entry {
			return VerifyAgreement(p, a, doc, resolve)
		}
	}
	return 0, fmt.Errorf("%w: %s", ErrNoAgreement, entry)
}

// VerifyAgreement is [Verify] of agreement a of plan p, read already.
func VerifyAgreement(p Plan, a Agreement, doc string, resolve Resolver) (Status, error) {
	signed, err := hex.DecodeString(a.Digest)
	if err != nil || len(signed) != sha256.Size {
		return Invalid, fmt.Errorf("%w: the recorded plan digest is malformed", ErrBadSignature)
	}
	sides := []struct {
		role Role
		s    Signature
	}{{RoleClient, a.Client}, {RoleCounsellor, a.Counsellor}}
	complete := true
	for _, side := range sides {
		if !side.s.Signed() {
			complete = false
			continue
		}
		if err := verifySide(doc, signed, side.role, side.s, resolve); err != nil {
			return Invalid, err
		}
	}
	if a.Client.Signed() && a.Client.Identity == a.Counsellor.Identity {
		return Invalid, ErrSameSigner
	}
	if now := Digest(p); hex.EncodeToString(now[:]) != a.Digest {
		return Outdated, nil
	}
	if !complete {
		return Incomplete, nil
	}
	return Valid, nil
}

func verifySide(doc string, digest []byte, role Role, s Signature, resolve Resolver) error {
	id, err := e2ee.ParseIdentityID(s.Identity)
	if err != nil {
		return fmt.Errorf("%w: %s identity is malformed", ErrBadSignature, role)
	}
	sig, err := base64.StdEncoding.DecodeString(s.Signature)
	if err != nil {
		return fmt.Errorf("%w: %s signature is malformed", ErrBadSignature, role)
	}
	pub, err := resolve(id, role)
	if err != nil {
		return fmt.Errorf("%w: %s %s: %w", ErrUnknownSigner, role, id.Short(), err)
	}
	if pub.ID() != id {
		return fmt.Errorf("%w: %s: the member resolved is not %s", ErrBadSignature, role, id.Short())
	}
	if !pub.Verify(sig, LabelAgreement, signedParts(doc, digest, role)...) {
		return fmt.Errorf("%w: %s %s", ErrBadSignature, role, id.Short())
	}
	return nil
}
