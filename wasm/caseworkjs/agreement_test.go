//go:build !js

package caseworkjs

import (
	"errors"
	"reflect"
	"testing"
	"time"

	"github.com/mobio-sync/mobio/casework"
	"github.com/mobio-sync/mobio/casework/crdtdoc"
	"github.com/mobio-sync/mobio/casework/plan"
	"github.com/mobio-sync/mobio/e2ee"
	"github.com/mobio-sync/mobio/e2ee/keyring"
)

const agreementDoc = "aebagbafaydqqcikbmga2dqpca"

// A signature made by the sync engine and recorded here leaves the same agreement entries as
// plan.Sign does with the identity in hand, step by step, errors included.
func TestRecordAgreementRecordsWhatPlanSignRecords(t *testing.T) {
	client, err := keyring.NewIdentity()
	if err != nil {
		t.Fatal(err)
	}
	counsellor, err := keyring.NewIdentity()
	if err != nil {
		t.Fatal(err)
	}
	// Two copies of one biography: plan.Sign writes one, recordAgreement the other. Their
	// entry IDs come from the same seeded source, so the agreements compare whole.
	bNative, _ := buildFixture(t)
	bBrowser, _ := buildFixture(t)
	native, browser := crdtdoc.Wrap(bNative), crdtdoc.Wrap(bBrowser)

	steps := []struct {
		name    string
		id      *keyring.Identity
		role    plan.Role
		opts    plan.SignOptions
		wantErr error
	}{
		{"the newcomer signs first", client, plan.RoleClient, plan.SignOptions{LanguageShown: "ar", Interpreter: "apc", Now: fixtureTime.Add(time.Hour)}, nil},
		{"the newcomer cannot sign twice", client, plan.RoleClient, plan.SignOptions{LanguageShown: "ar", Now: fixtureTime.Add(2 * time.Hour)}, plan.ErrAlreadySigned},
		{"the newcomer cannot sign for the counsellor", client, plan.RoleCounsellor, plan.SignOptions{Now: fixtureTime.Add(2 * time.Hour)}, plan.ErrSameSigner},
		{"the counsellor completes it", counsellor, plan.RoleCounsellor, plan.SignOptions{Now: fixtureTime.Add(3 * time.Hour)}, nil},
		{"a code not in the list", counsellor, plan.RoleCounsellor, plan.SignOptions{LanguageShown: "xx"}, plan.ErrUnknownCode},
	}
	for _, s := range steps {
		t.Run(s.name, func(t *testing.T) {
			want, werr := plan.Sign(native, agreementDoc, s.id, s.role, s.opts)
			p, err := plan.Read(browser)
			if err != nil {
				t.Fatal(err)
			}
			sig, err := s.id.Sign(plan.LabelAgreement, agreementParts(agreementDoc, plan.Digest(p), s.role)...)
			if err != nil {
				t.Fatal(err)
			}
			got, gerr := recordAgreement(browser, agreementDoc, s.id.Public(), sig, s.role, s.opts)
			if !errors.Is(werr, s.wantErr) || !errors.Is(gerr, s.wantErr) || (werr == nil) != (gerr == nil) {
				t.Fatalf("plan.Sign error %v, recordAgreement error %v, want %v", werr, gerr, s.wantErr)
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("recordAgreement returned\n%+v\nplan.Sign returned\n%+v", got, want)
			}
			pn, _ := plan.Read(native)
			pb, _ := plan.Read(browser)
			if !reflect.DeepEqual(pb.Agreements, pn.Agreements) || pb.Status != pn.Status {
				t.Errorf("agreements differ:\nbrowser %+v (%s)\nnative  %+v (%s)", pb.Agreements, pb.Status, pn.Agreements, pn.Status)
			}
		})
	}
	p, _ := plan.Read(browser)
	if p.Status != plan.CodeAgreed {
		t.Errorf("plan status %q after both signed, want agreed", p.Status)
	}
	a, _ := plan.Latest(p)
	members := []memberJSON{
		{ID: client.ID().String(), Role: e2ee.RoleOwner.String(), PublicKey: client.Public().String()},
		{ID: counsellor.ID().String(), Role: e2ee.RoleCounsellor.String(), PublicKey: counsellor.Public().String()},
	}
	if st, err := plan.VerifyAgreement(p, a, agreementDoc, memberResolver(members)); st != plan.Valid {
		t.Errorf("the recorded agreement verifies as %v (%v), want valid", st, err)
	}
	members[0].Role = e2ee.RoleCounsellor.String()
	if st, _ := plan.VerifyAgreement(p, a, agreementDoc, memberResolver(members)); st != plan.Invalid {
		t.Errorf("with the newcomer not the owner it verifies as %v, want invalid", st)
	}
}

// A signature over the plan as it was before a change is not recorded: the signer read another
// plan.
func TestRecordAgreementRefusesASignatureOverAnotherPlan(t *testing.T) {
	id, err := keyring.NewIdentity()
	if err != nil {
		t.Fatal(err)
	}
	b, _ := buildFixture(t)
	d := crdtdoc.Wrap(b)
	p, _ := plan.Read(d)
	sig, err := id.Sign(plan.LabelAgreement, agreementParts(agreementDoc, plan.Digest(p), plan.RoleClient)...)
	if err != nil {
		t.Fatal(err)
	}
	e := plan.Editor{Doc: d, By: casework.Provenance{Source: "counsellor", By: "Frau Weber"}}
	if _, err := e.AddGoal(plan.Goal{FieldOfAction: "WOHNEN", Description: casework.Text{Text: "Eine Wohnung finden"}}, "de"); err != nil {
		t.Fatal(err)
	}
	for name, s := range map[string][]byte{"stale": sig, "garbage": []byte("not a signature")} {
		if _, err := recordAgreement(d, agreementDoc, id.Public(), s, plan.RoleClient, plan.SignOptions{}); !errors.Is(err, plan.ErrPlanChanged) {
			t.Errorf("%s signature: %v, want ErrPlanChanged", name, err)
		}
	}
	// Signed for the other side, or for another document: not this agreement's signature.
	p, _ = plan.Read(d)
	for name, parts := range map[string][][]byte{
		"other role":     agreementParts(agreementDoc, plan.Digest(p), plan.RoleCounsellor),
		"other document": agreementParts("aaaaaaaaaaaaaaaaaaaaaaaaaa", plan.Digest(p), plan.RoleClient),
	} {
		s, _ := id.Sign(plan.LabelAgreement, parts...)
		if _, err := recordAgreement(d, agreementDoc, id.Public(), s, plan.RoleClient, plan.SignOptions{}); !errors.Is(err, plan.ErrPlanChanged) {
			t.Errorf("%s: %v, want ErrPlanChanged", name, err)
		}
	}
}
