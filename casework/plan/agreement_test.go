package plan_test

import (
	"bytes"
	"encoding/hex"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/mobio-sync/mobio/casework"
	"github.com/mobio-sync/mobio/casework/crdtdoc"
	"github.com/mobio-sync/mobio/casework/plan"
	"github.com/mobio-sync/mobio/e2ee"
	"github.com/mobio-sync/mobio/e2ee/keyring"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

const docID = "k7qzq2m5xwv4bn3jrc6tydgaha"

// parties are the newcomer (owner of the document), her counsellor, and a third member.
type parties struct {
	client, counsellor, other *keyring.Identity
}

func newParties(t testing.TB) parties {
	t.Helper()
	var ids [3]*keyring.Identity
	for i := range ids {
		id, err := keyring.NewIdentity()
		if err != nil {
			t.Fatal(err)
		}
		ids[i] = id
	}
	return parties{ids[0], ids[1], ids[2]}
}

// resolver resolves as the CLI does from the document's members: the newcomer is the owner
// and may sign as client, the counsellor and the third member are counsellors.
func (ps parties) resolver() plan.Resolver {
	return func(id e2ee.IdentityID, role plan.Role) (e2ee.IdentityPublic, error) {
		switch {
		case id == ps.client.ID() && role == plan.RoleClient:
			return ps.client.Public(), nil
		case id == ps.counsellor.ID() && role == plan.RoleCounsellor:
			return ps.counsellor.Public(), nil
		case id == ps.other.ID() && role == plan.RoleCounsellor:
			return ps.other.Public(), nil
		}
		return e2ee.IdentityPublic{}, errors.New("no such member with that role")
	}
}

var signedAt = time.Date(2026, 1, 20, 10, 0, 0, 0, time.UTC)

func sign(t *testing.T, d casework.Document, id *keyring.Identity, role plan.Role) plan.Agreement {
	t.Helper()
	a, err := plan.Sign(d, docID, id, role, plan.SignOptions{LanguageShown: "ar", Now: signedAt})
	if err != nil {
		t.Fatalf("Sign as %s: %v", role, err)
	}
	return a
}

func verify(t *testing.T, d casework.Reader, ps parties, entry string) (plan.Status, error) {
	t.Helper()
	return plan.Verify(d, docID, entry, ps.resolver())
}

func TestCanonicalGolden(t *testing.T) {
	d := newDoc(t)
	samplePlan(t, d)
	if err := counsellorEditor(d).Extend(day("2029-07-15"), "Ausbildung endet im Sommer 2029", "de"); err != nil {
		t.Fatal(err)
	}
	got := plan.Canonical(read(t, d))
	name := filepath.Join("testdata", "canonical.golden")
	if *update {
		if err := os.WriteFile(name, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(name)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("Canonical:\n%s\nwant (%s):\n%s", got, name, want)
	}
}

func TestCanonicalLeavesOutWhatIsNotAgreed(t *testing.T) {
	d := newDoc(t)
	g1, _ := samplePlan(t, d)
	before := plan.Digest(read(t, d))
	e := counsellorEditor(d)
	id := idOf(t)
	id(e.AddReview(plan.Review{Date: day("2026-03-01"), Goal: g1, GoalStatus: plan.GoalInProgress, NextReview: day("2026-06-01")}, "de"))
	id(e.AddContact(plan.Contact{Date: day("2026-03-01"), Mode: "phone", Note: text("vertraulich")}, "de"))
	id(e.AddReferral(plan.Referral{Date: day("2026-03-01"), TargetType: "JOBCENTER"}, "de"))
	id(e.SetAssessment(plan.Assessment{FieldOfAction: "WOHNEN", Needs: text("Wohnung")}, "de"))
	if err := e.SetMeasureStatus(read(t, d).Measures[0].ID, plan.MeasureDone, day("2026-01-30")); err != nil {
		t.Fatal(err)
	}
	if err := e.SetGoalStatus(g1, plan.GoalAchieved, "DTZ_B1_PASSED", day("2026-11-01")); err != nil {
		t.Fatal(err)
	}
	if after := plan.Digest(read(t, d)); after != before {
		t.Error("reviews, statuses, contacts, referrals or assessments changed the agreed rendering")
	}
	if strings.Contains(string(plan.Canonical(read(t, d))), "vertraulich") {
		t.Error("the rendering contains a contact's note")
	}
}

func TestAgreementLifecycle(t *testing.T) {
	ps := newParties(t)
	d := newDoc(t)
	samplePlan(t, d)

	a := sign(t, d, ps.client, plan.RoleClient)
	if a.PlanVersion != 1 || a.Client.Identity != ps.client.ID().String() || a.Counsellor.Signed() || !a.AgreedAt.IsZero() || a.LanguageShown != "ar" {
		t.Errorf("after the newcomer signed: %+v", a)
	}
	if st, err := verify(t, d, ps, a.ID); st != plan.Incomplete || err != nil {
		t.Errorf("Verify with one side = %v, %v; want incomplete", st, err)
	}
	if _, err := plan.Sign(d, docID, ps.client, plan.RoleClient, plan.SignOptions{Now: signedAt}); !errors.Is(err, plan.ErrAlreadySigned) {
		t.Errorf("signing twice = %v, want ErrAlreadySigned", err)
	}
	if _, err := plan.Sign(d, docID, ps.client, plan.RoleCounsellor, plan.SignOptions{Now: signedAt}); !errors.Is(err, plan.ErrSameSigner) {
		t.Errorf("signing the other side too = %v, want ErrSameSigner", err)
	}

	b := sign(t, d, ps.counsellor, plan.RoleCounsellor)
	if b.ID != a.ID || !b.AgreedAt.Equal(signedAt) || b.Counsellor.Identity != ps.counsellor.ID().String() {
		t.Errorf("the counsellor's signature did not complete the agreement: %+v", b)
	}
	if st, err := verify(t, d, ps, a.ID); st != plan.Valid || err != nil {
		t.Errorf("Verify = %v, %v; want valid", st, err)
	}
	if p := read(t, d); p.Status != plan.CodeAgreed {
		t.Errorf("plan status %q after the agreement, want agreed", p.Status)
	}
}

func TestAgreementOutdatedByAnyEditOfThePlanAndValidAfterSigningAgain(t *testing.T) {
	tests := []struct {
		name string
		edit func(t *testing.T, d *crdtdoc.Doc, p plan.Plan)
	}{
		{"goal text", func(t *testing.T, d *crdtdoc.Doc, p plan.Plan) {
			if err := d.SetText("plan.goals."+p.Goals[0].ID+".description", "Deutschprüfung B2 bestehen", ""); err != nil {
				t.Fatal(err)
			}
		}},
		{"German translation of a goal", func(t *testing.T, d *crdtdoc.Doc, p plan.Plan) {
			if err := d.SetTranslation("plan.goals."+p.Goals[1].ID+".description", "de", casework.Translation{Text: "Als Koch arbeiten", Source: "human"}); err != nil {
				t.Fatal(err)
			}
		}},
		{"measure due date", func(t *testing.T, d *crdtdoc.Doc, p plan.Plan) {
			if err := d.Set("plan.measures."+p.Measures[0].ID+".due_date", "2026-03-01", casework.Provenance{Source: "counsellor"}); err != nil {
				t.Fatal(err)
			}
		}},
		{"who is responsible", func(t *testing.T, d *crdtdoc.Doc, p plan.Plan) {
			if err := d.Set("plan.measures."+p.Measures[0].ID+".responsible_party", "IM", casework.Provenance{Source: "counsellor"}); err != nil {
				t.Fatal(err)
			}
		}},
		{"added goal", func(t *testing.T, d *crdtdoc.Doc, _ plan.Plan) {
			if _, err := counsellorEditor(d).AddGoal(plan.Goal{FieldOfAction: "WOHNEN", Description: text("Eigene Wohnung finden")}, "de"); err != nil {
				t.Fatal(err)
			}
		}},
		{"removed step", func(t *testing.T, d *crdtdoc.Doc, p plan.Plan) {
			if err := d.RemoveEntry("plan.measures", p.Measures[3].ID); err != nil {
				t.Fatal(err)
			}
		}},
		{"goal text by EditGoal", func(t *testing.T, d *crdtdoc.Doc, p plan.Plan) {
			if _, err := counsellorEditor(d).EditGoal(p.Goals[0].ID, plan.GoalChange{Description: new("Deutschprüfung B2 bestehen")}, "de"); err != nil {
				t.Fatal(err)
			}
		}},
		{"goal target date by EditGoal", func(t *testing.T, d *crdtdoc.Doc, p plan.Plan) {
			if _, err := counsellorEditor(d).EditGoal(p.Goals[0].ID, plan.GoalChange{TargetDate: new(day("2027-03"))}, ""); err != nil {
				t.Fatal(err)
			}
		}},
		{"step due date by EditMeasure", func(t *testing.T, d *crdtdoc.Doc, p plan.Plan) {
			if _, err := counsellorEditor(d).EditMeasure(p.Measures[0].ID, plan.MeasureChange{Due: new(plan.Date{})}, ""); err != nil {
				t.Fatal(err)
			}
		}},
		{"extended period", func(t *testing.T, d *crdtdoc.Doc, _ plan.Plan) {
			if err := counsellorEditor(d).Extend(day("2029-12-31"), "Ausbildung", "de"); err != nil {
				t.Fatal(err)
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ps := newParties(t)
			d := newDoc(t)
			samplePlan(t, d)
			first := sign(t, d, ps.client, plan.RoleClient)
			sign(t, d, ps.counsellor, plan.RoleCounsellor)

			tt.edit(t, d, read(t, d))
			if st, err := verify(t, d, ps, first.ID); st != plan.Outdated || err != nil {
				t.Fatalf("Verify after the edit = %v, %v; want outdated", st, err)
			}

			second := sign(t, d, ps.counsellor, plan.RoleCounsellor)
			if second.ID == first.ID || second.PlanVersion != 2 {
				t.Errorf("signing the changed plan: entry %s version %d, want a new entry of version 2", second.ID, second.PlanVersion)
			}
			if st, _ := verify(t, d, ps, second.ID); st != plan.Incomplete {
				t.Errorf("Verify with the counsellor's signature only = %v, want incomplete", st)
			}
			sign(t, d, ps.client, plan.RoleClient)
			if st, err := verify(t, d, ps, second.ID); st != plan.Valid || err != nil {
				t.Errorf("Verify after both signed again = %v, %v; want valid", st, err)
			}
			if latest, _ := plan.Latest(read(t, d)); latest.ID != second.ID {
				t.Errorf("Latest = %s, want the new agreement %s", latest.ID, second.ID)
			}
			if st, _ := verify(t, d, ps, first.ID); st != plan.Outdated {
				t.Errorf("the first agreement = %v, want still outdated", st)
			}
		})
	}
}

func TestAgreementThatWasTamperedWithIsInvalid(t *testing.T) {
	field := func(entry, key string) string { return "plan.agreements." + entry + "." + key }
	set := func(t *testing.T, d *crdtdoc.Doc, path, value string) {
		t.Helper()
		if err := d.Set(path, value, casework.Provenance{Source: "counsellor"}); err != nil {
			t.Fatal(err)
		}
	}
	tests := []struct {
		name    string
		tamper  func(t *testing.T, d *crdtdoc.Doc, ps parties, a plan.Agreement)
		doc     string // the document ID the verifier checks; docID when empty
		wantErr error
	}{
		{"a signature changed", func(t *testing.T, d *crdtdoc.Doc, _ parties, a plan.Agreement) {
			sig := []byte(a.Client.Signature)
			sig[10] ^= 'A' ^ 'B'
			if sig[10] == a.Client.Signature[10] {
				sig[10] = 'C'
			}
			set(t, d, field(a.ID, "client_signature"), string(sig))
		}, "", plan.ErrBadSignature},
		{"identities swapped", func(t *testing.T, d *crdtdoc.Doc, _ parties, a plan.Agreement) {
			set(t, d, field(a.ID, "client_identity"), a.Counsellor.Identity)
			set(t, d, field(a.ID, "counsellor_identity"), a.Client.Identity)
		}, "", plan.ErrUnknownSigner},
		{"signatures swapped", func(t *testing.T, d *crdtdoc.Doc, _ parties, a plan.Agreement) {
			set(t, d, field(a.ID, "client_signature"), a.Counsellor.Signature)
			set(t, d, field(a.ID, "counsellor_signature"), a.Client.Signature)
		}, "", plan.ErrBadSignature},
		{"another counsellor named as the signer", func(t *testing.T, d *crdtdoc.Doc, ps parties, a plan.Agreement) {
			set(t, d, field(a.ID, "counsellor_identity"), ps.other.ID().String())
		}, "", plan.ErrBadSignature},
		{"signer who is not a member", func(t *testing.T, d *crdtdoc.Doc, _ parties, a plan.Agreement) {
			stranger, err := keyring.NewIdentity()
			if err != nil {
				t.Fatal(err)
			}
			set(t, d, field(a.ID, "counsellor_identity"), stranger.ID().String())
		}, "", plan.ErrUnknownSigner},
		{"digest replaced by the current plan's", func(t *testing.T, d *crdtdoc.Doc, _ parties, a plan.Agreement) {
			if _, err := counsellorEditor(d).AddGoal(plan.Goal{FieldOfAction: "WOHNEN", Description: text("Wohnung")}, "de"); err != nil {
				t.Fatal(err)
			}
			sum := plan.Digest(read(t, d))
			set(t, d, field(a.ID, "plan_digest"), hex.EncodeToString(sum[:]))
		}, "", plan.ErrBadSignature},
		{"malformed digest", func(t *testing.T, d *crdtdoc.Doc, _ parties, a plan.Agreement) {
			set(t, d, field(a.ID, "plan_digest"), "not hex")
		}, "", plan.ErrBadSignature},
		{"copied into another person's document", func(*testing.T, *crdtdoc.Doc, parties, plan.Agreement) {}, "aaaaaaaaaaaaaaaaaaaaaaaaaa", plan.ErrBadSignature},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ps := newParties(t)
			d := newDoc(t)
			samplePlan(t, d)
			sign(t, d, ps.client, plan.RoleClient)
			a := sign(t, d, ps.counsellor, plan.RoleCounsellor)
			tt.tamper(t, d, ps, a)
			doc := tt.doc
			if doc == "" {
				doc = docID
			}
			st, err := plan.Verify(d, doc, a.ID, ps.resolver())
			if st != plan.Invalid || !errors.Is(err, tt.wantErr) {
				t.Errorf("Verify = %v, %v; want invalid, %v", st, err, tt.wantErr)
			}
		})
	}
}

func TestSignRefuses(t *testing.T) {
	ps := newParties(t)
	tests := []struct {
		name    string
		prep    func(t *testing.T, d *crdtdoc.Doc)
		role    plan.Role
		opts    plan.SignOptions
		wantErr error
	}{
		{"no plan", func(*testing.T, *crdtdoc.Doc) {}, plan.RoleClient, plan.SignOptions{}, plan.ErrNoPlan},
		{"closed plan", func(t *testing.T, d *crdtdoc.Doc) {
			samplePlan(t, d)
			if err := counsellorEditor(d).Close("MOVED_AWAY", day("2026-05-01"), "", "de"); err != nil {
				t.Fatal(err)
			}
		}, plan.RoleClient, plan.SignOptions{}, plan.ErrClosed},
		{"unknown language shown", func(t *testing.T, d *crdtdoc.Doc) { samplePlan(t, d) }, plan.RoleClient, plan.SignOptions{LanguageShown: "xx"}, plan.ErrUnknownCode},
		{"plan changed after it was shown", func(t *testing.T, d *crdtdoc.Doc) { samplePlan(t, d) }, plan.RoleClient,
			plan.SignOptions{Shown: []byte("Zielvereinbarung zum Integrationsplan\n(an older rendering)\n")}, plan.ErrPlanChanged},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := newDoc(t)
			tt.prep(t, d)
			if _, err := plan.Sign(d, docID, ps.client, tt.role, tt.opts); !errors.Is(err, tt.wantErr) {
				t.Errorf("Sign = %v, want %v", err, tt.wantErr)
			}
		})
	}
	if _, err := plan.Verify(newDoc(t), docID, "aaaaaaaaaaaaaaaa", ps.resolver()); !errors.Is(err, plan.ErrNoAgreement) {
		t.Errorf("Verify of no agreement = %v, want ErrNoAgreement", err)
	}
}

func TestAgreementSignedOnTwoDevicesAtOnce(t *testing.T) {
	ps := newParties(t)
	phone := newDoc(t)
	samplePlan(t, phone)
	fork, err := phone.B.Fork()
	if err != nil {
		t.Fatal(err)
	}
	laptop := crdtdoc.Wrap(fork)

	// Each signs on their own device before the other's signature arrives.
	a := sign(t, phone, ps.client, plan.RoleClient)
	b := sign(t, laptop, ps.counsellor, plan.RoleCounsellor)
	if err := phone.B.Merge(laptop.B); err != nil {
		t.Fatal(err)
	}
	for _, e := range []string{a.ID, b.ID} {
		if st, err := verify(t, phone, ps, e); st != plan.Incomplete || err != nil {
			t.Errorf("Verify(%s) after the merge = %v, %v; want incomplete", e, st, err)
		}
	}
	// The next signature completes one of them, rather than being refused or starting a third.
	c := sign(t, phone, ps.counsellor, plan.RoleCounsellor)
	if c.ID != a.ID {
		t.Errorf("the counsellor's second signature went to %s, want the newcomer's agreement %s", c.ID, a.ID)
	}
	latest, _ := plan.Latest(read(t, phone))
	if st, err := verify(t, phone, ps, latest.ID); latest.ID != a.ID || st != plan.Valid || err != nil {
		t.Errorf("Latest = %s: %v, %v; want the complete agreement %s, valid", latest.ID, st, err, a.ID)
	}
	if _, err := plan.Sign(phone, docID, ps.counsellor, plan.RoleCounsellor, plan.SignOptions{Now: signedAt}); !errors.Is(err, plan.ErrAlreadySigned) {
		t.Errorf("a third signature = %v, want ErrAlreadySigned", err)
	}
	if n := len(read(t, phone).Agreements); n != 2 {
		t.Errorf("%d agreement entries, want 2", n)
	}
}
