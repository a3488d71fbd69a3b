package consent_test

import (
	"errors"
	"slices"
	"testing"
	"time"

	"github.com/mobio-sync/mobio/casework"
	"github.com/mobio-sync/mobio/casework/consent"
	"github.com/mobio-sync/mobio/casework/crdtdoc"
	"github.com/mobio-sync/mobio/crdt"
	"github.com/mobio-sync/mobio/e2ee"
)

var (
	counsellorX = e2ee.IdentityID{1, 2, 3}.String()
	counsellorY = e2ee.IdentityID{9, 8, 7}.String()
	t0          = time.Date(2025, 3, 1, 14, 30, 0, 0, time.UTC)
)

func newDoc(t *testing.T) casework.Document {
	t.Helper()
	b, err := crdt.New()
	if err != nil {
		t.Fatal(err)
	}
	return crdtdoc.Wrap(b)
}

func mustGive(t *testing.T, d casework.Document, c consent.Consent) string {
	t.Helper()
	id, err := consent.Give(d, c, testOperator)
	if err != nil {
		t.Fatalf("Give(%+v): %v", c, err)
	}
	return id
}

func counselling(identity string, at time.Time) consent.Consent {
	return consent.Consent{Purpose: "COUNSELLING_ACCESS_AU", RecipientIdentity: identity, Lang: "ar", At: at}
}

func share(name string, scope []string, at time.Time) consent.Consent {
	return consent.Consent{Purpose: "SHARE_RECIPIENT", RecipientType: "JOBCENTER", RecipientName: name, Scope: scope, Lang: "fa", At: at}
}

func TestGiveAppliesTheRules(t *testing.T) {
	tests := []struct {
		name    string
		c       consent.Consent
		op      *consent.Operator // nil: testOperator
		wantErr error
	}{
		{"counselling access with the counsellor's identity", counselling(counsellorX, t0), nil, nil},
		{"counselling access without identity", counselling("", t0), nil, consent.ErrInvalid},
		{"counselling access to a malformed identity", counselling("not-an-id", t0), nil, consent.ErrInvalid},
		{"VU counselling to the AU recipient type", consent.Consent{Purpose: "COUNSELLING_ACCESS_VU", RecipientIdentity: counsellorX, RecipientType: "COUNSELLOR_AU", Lang: "de", At: t0}, nil, consent.ErrInvalid},
		{"transfer to the successor", consent.Consent{Purpose: "TRANSFER_VU_TO_AU", RecipientIdentity: counsellorX, Lang: "uk", At: t0}, nil, nil},
		{"unknown purpose", consent.Consent{Purpose: "SELLING", Lang: "de", At: t0}, nil, consent.ErrInvalid},
		{"purpose without a text", consent.Consent{Purpose: "CONTACT_BY_MESSENGER", Lang: "de", At: t0}, nil, consent.ErrInvalid},
		{"text of another purpose", consent.Consent{Purpose: "RESEARCH_ANON", TextID: "share", Lang: "de", At: t0}, nil, consent.ErrInvalid},
		{"text version that does not exist", consent.Consent{Purpose: "RESEARCH_ANON", Version: 7, Lang: "de", At: t0}, nil, consent.ErrInvalid},
		{"language not among the ten", consent.Consent{Purpose: "RESEARCH_ANON", Lang: "ru", At: t0}, nil, consent.ErrInvalid},
		{"Tigrinya", consent.Consent{Purpose: "RESEARCH_ANON", Lang: "ti", At: t0}, nil, nil},
		{"share with type, name and scope", share("Jobcenter Rhein-Neckar-Kreis", []string{"person", "languages"}, t0), nil, nil},
		{"share without recipient name", share("", nil, t0), nil, consent.ErrInvalid},
		{"share named like a state", share("Unknown", nil, t0), nil, consent.ErrInvalid},
		{"share without recipient type", consent.Consent{Purpose: "SHARE_RECIPIENT", RecipientName: "X", Lang: "de", At: t0}, nil, consent.ErrInvalid},
		{"share to a counsellor", consent.Consent{Purpose: "SHARE_RECIPIENT", RecipientType: "COUNSELLOR_AU", RecipientName: "X", Lang: "de", At: t0}, nil, consent.ErrInvalid},
		{"share including support needs", share("Jobcenter", []string{"person", "support_needs"}, t0), nil, consent.ErrInvalid},
		{"share including counselling contacts", share("Jobcenter", []string{"contacts"}, t0), nil, consent.ErrInvalid},
		{"share of a section that does not exist", share("Jobcenter", []string{"religion"}, t0), nil, consent.ErrInvalid},
		{"support needs with its own consent", consent.Consent{Purpose: "HEALTH_SECTION", Scope: []string{"support_needs"}, Lang: "tr", At: t0}, nil, nil},
		{"health consent for another section", consent.Consent{Purpose: "HEALTH_SECTION", Scope: []string{"person"}, Lang: "tr", At: t0}, nil, consent.ErrInvalid},
		{"research to a named person", consent.Consent{Purpose: "RESEARCH_ANON", RecipientName: "Dr. X", Lang: "de", At: t0}, nil, consent.ErrInvalid},
		{"profile storage to a recipient", consent.Consent{Purpose: "PROFILE_STORAGE", RecipientType: "JOBCENTER", Lang: "de", At: t0}, nil, consent.ErrInvalid},
		{"with an interpreter for Kurmanji", consent.Consent{Purpose: "PROFILE_STORAGE", Lang: "de", Interpreter: "kmr", At: t0}, nil, nil},
		{"interpreter language not ISO 639-3", consent.Consent{Purpose: "PROFILE_STORAGE", Lang: "de", Interpreter: "xx", At: t0}, nil, consent.ErrInvalid},
		{"signed on paper by a guardian", consent.Consent{Purpose: "PROFILE_STORAGE", Lang: "de", Method: "signed_paper_scan", GivenBy: "LEGAL_GUARDIAN", At: t0}, nil, nil},
		{"unknown method", consent.Consent{Purpose: "PROFILE_STORAGE", Lang: "de", Method: "oral", At: t0}, nil, consent.ErrInvalid},
		{"unknown giver", consent.Consent{Purpose: "PROFILE_STORAGE", Lang: "de", GivenBy: "NEIGHBOUR", At: t0}, nil, consent.ErrInvalid},
		{"no time", consent.Consent{Purpose: "PROFILE_STORAGE", Lang: "de"}, nil, consent.ErrInvalid},
		{"no controller configured", consent.Consent{Purpose: "PROFILE_STORAGE", Lang: "de", At: t0}, &consent.Operator{}, consent.ErrNoOperator},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := newDoc(t)
			op := testOperator
			if tt.op != nil {
				op = *tt.op
			}
			id, err := consent.Give(d, tt.c, op)
			if !errors.Is(err, tt.wantErr) {
				t.Fatalf("Give = %q, %v; want %v", id, err, tt.wantErr)
			}
			recs, lerr := consent.List(d)
			if lerr != nil {
				t.Fatal(lerr)
			}
			if tt.wantErr != nil {
				if len(recs) != 0 {
					t.Errorf("a refused consent left %d entries", len(recs))
				}
				return
			}
			if len(recs) != 1 || recs[0].ID != id {
				t.Fatalf("List = %+v, want the one consent %s", recs, id)
			}
		})
	}
}

// TestGiveRecordsWhatWasShown: the record names the text, version, language and the digest of
// the exact words shown, in every one of the ten languages (language_shown takes them all).
func TestGiveRecordsWhatWasShown(t *testing.T) {
	for _, lang := range consent.Languages() {
		t.Run(lang, func(t *testing.T) {
			d := newDoc(t)
			c := counselling(counsellorX, t0)
			c.Lang, c.Interpreter = lang, "tir"
			c.Recorder = casework.Provenance{Source: "counsellor", By: "Frau M."}
			id := mustGive(t, d, c)
			got, err := consent.Find(d, id)
			if err != nil {
				t.Fatal(err)
			}
			tx, _ := consent.GetText("counselling", 1, lang)
			shown, _ := tx.Render(testOperator)
			want := consent.Record{ID: id, Digest: consent.Digest(shown), Consent: consent.Consent{
				Purpose: "COUNSELLING_ACCESS_AU", Scope: slices.Sorted(slices.Values(tx.Sections)),
				RecipientType: "COUNSELLOR_AU", RecipientIdentity: counsellorX,
				TextID: "counselling", Version: 1, Lang: lang, Interpreter: "tir",
				Method: "electronic", GivenBy: "SELF", At: t0,
			}}
			if got.Recorder.Source != "counsellor" || got.Recorder.By != "Frau M." {
				t.Errorf("recorded by %+v, want the counsellor", got.Recorder)
			}
			got.Recorder = casework.Provenance{}
			if !got.At.Equal(want.At) {
				t.Errorf("given at %v, want %v", got.At, want.At)
			}
			got.At = want.At
			if !equalRecords(got, want) {
				t.Errorf("Find = %+v\nwant   %+v", got, want)
			}
		})
	}
}

func equalRecords(a, b consent.Record) bool {
	return slices.Equal(a.Scope, b.Scope) && func() bool {
		a.Scope, b.Scope = nil, nil
		return a.ID == b.ID && a.Consent.Purpose == b.Consent.Purpose && a.Digest == b.Digest &&
			a.RecipientType == b.RecipientType && a.RecipientName == b.RecipientName &&
			a.RecipientIdentity == b.RecipientIdentity && a.TextID == b.TextID && a.Version == b.Version &&
			a.Lang == b.Lang && a.Interpreter == b.Interpreter && a.Method == b.Method &&
			a.GivenBy == b.GivenBy && a.WithdrawnAt.Equal(b.WithdrawnAt)
	}()
}

func TestWithdraw(t *testing.T) {
	d := newDoc(t)
	id := mustGive(t, d, counselling(counsellorX, t0))
	if err := consent.Withdraw(d, "nope", t0); !errors.Is(err, consent.ErrNotFound) {
		t.Errorf("Withdraw(unknown) = %v, want ErrNotFound", err)
	}
	if err := consent.Withdraw(d, id, time.Time{}); !errors.Is(err, consent.ErrInvalid) {
		t.Errorf("Withdraw without time = %v, want ErrInvalid", err)
	}
	at := t0.Add(48 * time.Hour)
	if err := consent.Withdraw(d, id, at); err != nil {
		t.Fatal(err)
	}
	r, err := consent.Find(d, id)
	if err != nil || !r.Withdrawn() || !r.WithdrawnAt.Equal(at) {
		t.Errorf("after Withdraw: withdrawn at %v (%v), want %v", r.WithdrawnAt, err, at)
	}
	if err := consent.Withdraw(d, id, at.Add(time.Hour)); !errors.Is(err, consent.ErrAlreadyWithdrawn) {
		t.Errorf("Withdraw twice = %v, want ErrAlreadyWithdrawn", err)
	}
	if _, ok := consent.Valid(d, "COUNSELLING_ACCESS_AU", consent.Match{}); ok {
		t.Error("a withdrawn consent is still valid")
	}
}

func TestValidFindsTheConsentInForce(t *testing.T) {
	d := newDoc(t)
	access := mustGive(t, d, counselling(counsellorX, t0))
	jobcenter := mustGive(t, d, share("Jobcenter Rhein-Neckar-Kreis", []string{"person", "languages"}, t0.Add(time.Hour)))
	newer := mustGive(t, d, share("Jobcenter Rhein-Neckar-Kreis", []string{"person"}, t0.Add(2*time.Hour)))
	withdrawn := mustGive(t, d, share("Jobcenter Heidelberg", []string{"person"}, t0))
	if err := consent.Withdraw(d, withdrawn, t0.Add(time.Hour)); err != nil {
		t.Fatal(err)
	}
	mustGive(t, d, consent.Consent{Purpose: "RESEARCH_ANON", Lang: "de", At: t0})

	tests := []struct {
		name    string
		purpose string
		m       consent.Match
		want    string // "" for none
	}{
		{"counselling access by the counsellor", "COUNSELLING_ACCESS_AU", consent.Match{RecipientIdentity: counsellorX}, access},
		{"counselling access by someone else", "COUNSELLING_ACCESS_AU", consent.Match{RecipientIdentity: counsellorY}, ""},
		{"the other stage's counselling", "COUNSELLING_ACCESS_VU", consent.Match{RecipientIdentity: counsellorX}, ""},
		{"the newest of two matching", "SHARE_RECIPIENT", consent.Match{RecipientType: "JOBCENTER", RecipientName: "jobcenter  rhein-neckar-kreis", Sections: []string{"person"}}, newer},
		{"sections only the older covers", "SHARE_RECIPIENT", consent.Match{RecipientName: "Jobcenter Rhein-Neckar-Kreis", Sections: []string{"person", "languages"}}, jobcenter},
		{"a section no consent covers", "SHARE_RECIPIENT", consent.Match{Sections: []string{"work"}}, ""},
		{"another recipient type", "SHARE_RECIPIENT", consent.Match{RecipientType: "EMPLOYER"}, ""},
		{"a withdrawn consent cited by ID", "SHARE_RECIPIENT", consent.Match{Entry: withdrawn}, ""},
		{"a consent cited by ID for another purpose", "RESEARCH_ANON", consent.Match{Entry: access}, ""},
		{"research", "RESEARCH_ANON", consent.Match{}, "any"},
		{"a purpose never consented to", "HEALTH_SECTION", consent.Match{}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			id, err := consent.Require(d, tt.purpose, tt.m)
			vid, ok := consent.Valid(d, tt.purpose, tt.m)
			if vid != id || ok != (err == nil) {
				t.Errorf("Valid = %q, %v disagrees with Require = %q, %v", vid, ok, id, err)
			}
			switch {
			case tt.want == "" && !errors.Is(err, casework.ErrNoConsent):
				t.Errorf("Require = %q, %v; want casework.ErrNoConsent", id, err)
			case tt.want == "any" && err != nil, tt.want != "" && tt.want != "any" && id != tt.want:
				t.Errorf("Require = %q, %v; want %q", id, err, tt.want)
			}
		})
	}
}

func addShare(t *testing.T, d casework.Document, consentID, pkg string, revoked bool) string {
	t.Helper()
	id, err := d.AddEntry(consent.ListShares)
	if err != nil {
		t.Fatal(err)
	}
	p := consent.ListShares + "." + id + "."
	set := map[string]string{"recipient_type": "JOBCENTER", "consent": consentID, "package_id": pkg}
	if revoked {
		set["revoked_at"] = t0.Add(time.Hour).Format(time.RFC3339)
	}
	for k, v := range set {
		if err := d.Set(p+k, v, casework.Provenance{Source: "self"}); err != nil {
			t.Fatal(err)
		}
	}
	return id
}

func TestEffectsOfAWithdrawal(t *testing.T) {
	tests := []struct {
		name  string
		setup func(t *testing.T, d casework.Document) (target string, want consent.Effect)
	}{
		{"counselling access ends the membership", func(t *testing.T, d casework.Document) (string, consent.Effect) {
			return mustGive(t, d, counselling(counsellorX, t0)), consent.Effect{Purpose: "COUNSELLING_ACCESS_AU", RevokeMember: counsellorX}
		}},
		{"not while another consent grants the same counsellor access", func(t *testing.T, d casework.Document) (string, consent.Effect) {
			id := mustGive(t, d, counselling(counsellorX, t0))
			mustGive(t, d, consent.Consent{Purpose: "TRANSFER_VU_TO_AU", RecipientIdentity: counsellorX, Lang: "de", At: t0})
			return id, consent.Effect{Purpose: "COUNSELLING_ACCESS_AU"}
		}},
		{"but when the other is for someone else", func(t *testing.T, d casework.Document) (string, consent.Effect) {
			id := mustGive(t, d, counselling(counsellorX, t0))
			mustGive(t, d, counselling(counsellorY, t0))
			return id, consent.Effect{Purpose: "COUNSELLING_ACCESS_AU", RevokeMember: counsellorX}
		}},
		{"transfer ends the successor's membership", func(t *testing.T, d casework.Document) (string, consent.Effect) {
			id := mustGive(t, d, consent.Consent{Purpose: "TRANSFER_VU_TO_AU", RecipientIdentity: counsellorY, Lang: "de", At: t0})
			return id, consent.Effect{Purpose: "TRANSFER_VU_TO_AU", RevokeMember: counsellorY}
		}},
		{"sharing withdraws the packages still out", func(t *testing.T, d casework.Document) (string, consent.Effect) {
			id := mustGive(t, d, share("Jobcenter", nil, t0))
			other := mustGive(t, d, share("Jobcenter B", nil, t0))
			live := addShare(t, d, id, "pkg-live", false)
			addShare(t, d, id, "pkg-revoked", true)
			addShare(t, d, other, "pkg-other", false)
			return id, consent.Effect{Purpose: "SHARE_RECIPIENT", WithdrawPackages: []consent.Share{{ID: live, PackageID: "pkg-live", RecipientType: "JOBCENTER"}}}
		}},
		{"research excludes from exports", func(t *testing.T, d casework.Document) (string, consent.Effect) {
			return mustGive(t, d, consent.Consent{Purpose: "RESEARCH_ANON", Lang: "de", At: t0}), consent.Effect{Purpose: "RESEARCH_ANON", ExcludeFromResearch: true}
		}},
		{"support needs are erased", func(t *testing.T, d casework.Document) (string, consent.Effect) {
			return mustGive(t, d, consent.Consent{Purpose: "HEALTH_SECTION", Lang: "de", At: t0}), consent.Effect{Purpose: "HEALTH_SECTION", EraseSections: []string{"support_needs"}}
		}},
		{"the profile is erased", func(t *testing.T, d casework.Document) (string, consent.Effect) {
			return mustGive(t, d, consent.Consent{Purpose: "PROFILE_STORAGE", Lang: "de", At: t0}), consent.Effect{Purpose: "PROFILE_STORAGE", EraseDocument: true}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := newDoc(t)
			id, want := tt.setup(t, d)
			if err := consent.Withdraw(d, id, t0.Add(24*time.Hour)); err != nil {
				t.Fatal(err)
			}
			got, err := consent.Effects(d, id)
			if err != nil {
				t.Fatal(err)
			}
			if got.Purpose != want.Purpose || got.RevokeMember != want.RevokeMember || !slices.Equal(got.WithdrawPackages, want.WithdrawPackages) ||
				got.ExcludeFromResearch != want.ExcludeFromResearch || !slices.Equal(got.EraseSections, want.EraseSections) || got.EraseDocument != want.EraseDocument {
				t.Errorf("Effects = %+v\nwant      %+v", got, want)
			}
		})
	}
	if _, err := consent.Effects(newDoc(t), "nope"); !errors.Is(err, consent.ErrNotFound) {
		t.Errorf("Effects(unknown) = %v, want ErrNotFound", err)
	}
}

func TestEraseSectionEmptiesSupportNeeds(t *testing.T) {
	d := newDoc(t)
	self := casework.Provenance{Source: "self"}
	if err := d.Set("support_needs.health_limitation", "yes", self); err != nil {
		t.Fatal(err)
	}
	if err := d.SetText("support_needs.accessibility_needs", "Rollstuhl", "de"); err != nil {
		t.Fatal(err)
	}
	if err := d.Set("person.given_names", "Amina", self); err != nil {
		t.Fatal(err)
	}
	if err := consent.EraseSection(d, "support_needs"); err != nil {
		t.Fatal(err)
	}
	if f, _ := d.Field("support_needs.health_limitation"); f.State != casework.StateEmpty {
		t.Errorf("health_limitation is %+v after erasure, want empty", f)
	}
	if tx, _ := d.Text("support_needs.accessibility_needs"); tx.Text != "" {
		t.Errorf("accessibility_needs is %q after erasure, want empty", tx.Text)
	}
	if f, _ := d.Field("person.given_names"); f.Value != "Amina" {
		t.Error("erasing support needs touched another section")
	}
	if err := consent.EraseSection(d, "religion"); err == nil {
		t.Error("EraseSection of a section that does not exist succeeded")
	}
}

// TestCheckFillsInWhatGiveRecords: a UI checks the form before it shows the text, and shows
// what will be recorded.
func TestCheckFillsInWhatGiveRecords(t *testing.T) {
	got, err := consent.Check(counselling(counsellorX, t0), testOperator)
	if err != nil {
		t.Fatal(err)
	}
	meta, _ := consent.TextFor("COUNSELLING_ACCESS_AU")
	if got.TextID != meta.ID || got.Version != meta.Version || got.RecipientType != "COUNSELLOR_AU" ||
		!slices.Equal(got.Scope, slices.Sorted(slices.Values(meta.Sections))) || got.Method != "electronic" ||
		got.GivenBy != "SELF" || got.Recorder.Source != "self" {
		t.Errorf("Check = %+v, want the text, its sections and the defaults filled in", got)
	}
	if _, err := consent.Check(counselling("", t0), testOperator); !errors.Is(err, consent.ErrInvalid) {
		t.Errorf("Check without identity = %v, want ErrInvalid", err)
	}
}
