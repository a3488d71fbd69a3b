package caseworkjs

import (
	"bytes"
	"encoding/base64"
	"encoding/hex"
	"fmt"
	"strconv"
	"time"

	"github.com/mobio-sync/mobio/casework"
	"github.com/mobio-sync/mobio/casework/plan"
	"github.com/mobio-sync/mobio/crdt/schema"
	"github.com/mobio-sync/mobio/e2ee"
)

// Signing a plan agreement takes both modules: this one renders the plan and says what to
// sign (agreementParts), the sync engine's identity.sign signs it with the secret key, and this
// one records the signature (recordAgreement).
//
// recordAgreement is plan.Sign's recording step over a signature made elsewhere: plan.Sign
// takes a *keyring.Identity, which this module never holds. Until package plan accepts a
// signer it does not own, this is a copy of its rules, and agreement_test.go holds it to
// plan.Sign entry by entry.

// agreementParts returns what a signature of role over the plan's digest covers in document
// doc, under plan.LabelAgreement: the parts plan.Sign signs.
func agreementParts(doc string, digest [32]byte, role plan.Role) [][]byte {
	return [][]byte{[]byte(doc), digest[:], []byte(role)}
}

// recordAgreement records signer's signature sig of the plan of document doc for role, as
// plan.Sign records its own: it completes the latest agreement made over the same plan that
// lacks role's side, and starts a new one otherwise; the second side completes the agreement
// (agreed_at) and makes the plan agreed. The signature must verify over the plan as it is now;
// a signature made over an earlier plan is plan.ErrPlanChanged.
func recordAgreement(d casework.Document, doc string, signer e2ee.IdentityPublic, sig []byte, role plan.Role, o plan.SignOptions) (plan.Agreement, error) {
	if role != plan.RoleClient && role != plan.RoleCounsellor {
		return plan.Agreement{}, fmt.Errorf("plan: sign as %q: want client or counsellor", role)
	}
	if doc == "" {
		return plan.Agreement{}, fmt.Errorf("%w: the document ID", plan.ErrMissing)
	}
	if err := checkCode("ui_language", o.LanguageShown); err != nil {
		return plan.Agreement{}, err
	}
	if err := checkCode("language", o.Interpreter); err != nil {
		return plan.Agreement{}, err
	}
	p, err := plan.Read(d)
	switch {
	case err != nil:
		return plan.Agreement{}, err
	case !p.Started():
		return plan.Agreement{}, plan.ErrNoPlan
	case p.Closed():
		return plan.Agreement{}, plan.ErrClosed
	}
	if o.Shown != nil && !bytes.Equal(o.Shown, plan.Canonical(p)) {
		return plan.Agreement{}, plan.ErrPlanChanged
	}
	sum := plan.Digest(p)
	if !signer.Verify(sig, plan.LabelAgreement, agreementParts(doc, sum, role)...) {
		return plan.Agreement{}, fmt.Errorf("%w: the signature is not over the plan as it is now", plan.ErrPlanChanged)
	}
	digest := hex.EncodeToString(sum[:])
	me := signer.ID().String()

	// From here on as plan.Sign.
	var target *plan.Agreement
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
	var signed *plan.Agreement
	for i := len(p.Agreements) - 1; i >= 0; i-- {
		a := p.Agreements[i]
		if a.Digest != digest {
			continue
		}
		mine, other := a.Client, a.Counsellor
		if role == plan.RoleCounsellor {
			mine, other = other, mine
		}
		switch {
		case other.Identity == me:
			return a, plan.ErrSameSigner
		case mine.Identity == me && signed == nil:
			signed = &a
		case !mine.Signed() && target == nil:
			target = &a
		}
	}
	if target == nil && signed != nil {
		return *signed, plan.ErrAlreadySigned
	}
	by := casework.Provenance{Source: "counsellor", By: me, At: o.Now}
	if role == plan.RoleClient {
		by.Source = "self"
	}
	set := func(pathValues ...string) error {
		for i := 0; i+1 < len(pathValues); i += 2 {
			if pathValues[i+1] == "" {
				continue
			}
			if err := d.Set(pathValues[i], pathValues[i+1], by); err != nil {
				return fmt.Errorf("%s: %w", pathValues[i], err)
			}
		}
		return nil
	}
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
		if role == plan.RoleCounsellor {
			side, flag = "counsellor", "counsellor_signed"
		}
		if err := set(x+"plan_version", strconv.Itoa(version), x+"plan_digest", digest,
			x+side+"_identity", me, x+side+"_signature", base64.StdEncoding.EncodeToString(sig), x+flag, "true"); err != nil {
			return err
		}
		if role == plan.RoleClient || target == nil || target.LanguageShown == "" {
			if err := set(x+"language_shown", o.LanguageShown); err != nil {
				return err
			}
		}
		if o.Interpreter != "" {
			if err := set(x+"interpreter_used", "true", x+"interpreter_language", o.Interpreter); err != nil {
				return err
			}
		}
		if target != nil { // the second side: the agreement is complete
			at := o.Now
			if at.IsZero() {
				at = time.Now()
			}
			return set(x+"agreed_at", at.UTC().Format(time.RFC3339Nano), "plan.status", plan.CodeAgreed)
		}
		return nil
	})
	if err != nil {
		return plan.Agreement{}, err
	}
	if p, err = plan.Read(d); err != nil {
		return plan.Agreement{}, err
	}
	for _, a := range p.Agreements {
		if a.ID == entry {
			return a, nil
		}
	}
	return plan.Agreement{}, fmt.Errorf("%w: %s after signing", plan.ErrNoAgreement, entry)
}

// checkCode reports a code that is not in code list list, as plan does.
func checkCode(list, code string) error {
	if code == "" {
		return nil
	}
	if l := schema.Default().CodeList(list); l == nil || !l.Has(code) {
		return fmt.Errorf("%w: %q is not in %s", plan.ErrUnknownCode, code, list)
	}
	return nil
}

// memberJSON is a member of the document as client.members returns it.
type memberJSON struct {
	ID        string `json:"id"`
	Role      string `json:"role"`
	PublicKey string `json:"publicKey"`
}

// memberResolver resolves the signers of agreements from the document's members, as `mobio
// plan verify` does: the newcomer signs as the owner, the counsellor as a counsellor.
func memberResolver(members []memberJSON) plan.Resolver {
	return func(id e2ee.IdentityID, role plan.Role) (e2ee.IdentityPublic, error) {
		want := e2ee.RoleCounsellor.String()
		if role == plan.RoleClient {
			want = e2ee.RoleOwner.String()
		}
		for _, m := range members {
			if m.ID != id.String() {
				continue
			}
			if m.Role != want {
				return e2ee.IdentityPublic{}, fmt.Errorf("member %s is %s, not %s", id.Short(), m.Role, want)
			}
			pub, err := e2ee.ParseIdentityText(m.PublicKey)
			if err != nil {
				return e2ee.IdentityPublic{}, fmt.Errorf("member %s: public key: %w", id.Short(), err)
			}
			return pub, nil
		}
		return e2ee.IdentityPublic{}, fmt.Errorf("no member %s", id.Short())
	}
}
