package caseworkjs

import (
	"fmt"

	"github.com/mobio-sync/mobio/casework"
	"github.com/mobio-sync/mobio/casework/plan"
	"github.com/mobio-sync/mobio/e2ee"
)

// Signing a plan agreement takes both modules: this one renders the plan and says what to
// sign (agreementParts), the sync engine's identity.sign signs it with the secret key, and this
// one records the signature (recordAgreement) through plan.Sign, with the signature made
// elsewhere as its Signer.

// agreementParts returns what a signature of role over the plan's digest covers in document
// doc, under plan.LabelAgreement: the parts plan.Sign signs.
func agreementParts(doc string, digest [32]byte, role plan.Role) [][]byte {
	return plan.Parts(doc, digest, role)
}

// signedElsewhere is a plan.Signer whose signature was made by the sync engine's identity: it
// hands plan.Sign that signature once it verifies over what plan.Sign asks to sign.
type signedElsewhere struct {
	signer e2ee.IdentityPublic
	sig    []byte
}

func (s signedElsewhere) ID() e2ee.IdentityID { return s.signer.ID() }

func (s signedElsewhere) Sign(label string, parts ...[]byte) ([]byte, error) {
	if !s.signer.Verify(s.sig, label, parts...) {
		return nil, fmt.Errorf("%w: the signature is not over the plan as it is now", plan.ErrPlanChanged)
	}
	return s.sig, nil
}

// recordAgreement records signer's signature sig of the plan of document doc for role, as
// plan.Sign records its own; a signature made over an earlier plan is plan.ErrPlanChanged.
func recordAgreement(d casework.Document, doc string, signer e2ee.IdentityPublic, sig []byte, role plan.Role, o plan.SignOptions) (plan.Agreement, error) {
	return plan.Sign(d, doc, signedElsewhere{signer: signer, sig: sig}, role, o)
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
