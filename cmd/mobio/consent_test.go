package main

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/mobio-sync/mobio/casework/consent"
	"github.com/mobio-sync/mobio/client"
	"github.com/mobio-sync/mobio/syncserver/syncservertest"
)

const testController = "Landratsamt Musterkreis, Hauptstraße 1, 12345 Musterstadt"

// withOperator names the controller and data protection officer the consent texts show.
func withOperator(env map[string]string) map[string]string {
	return with(env, "MOBIO_CONTROLLER", testController, "MOBIO_DPO", "datenschutz@musterkreis.example")
}

func listConsents(t *testing.T, env map[string]string, doc string) []consentJSON {
	t.Helper()
	var out []consentJSON
	if err := json.Unmarshal([]byte(mustMobio(t, env, "consent", "list", doc, "--json")), &out); err != nil {
		t.Fatal(err)
	}
	return out
}

func giveConsent(t *testing.T, env map[string]string, doc string, args ...string) consentJSON {
	t.Helper()
	var c consentJSON
	out := mustMobio(t, env, append([]string{"consent", "give", doc, "--yes", "--json"}, args...)...)
	if err := json.Unmarshal([]byte(out), &c); err != nil {
		t.Fatalf("consent give --json printed %q: %v", out, err)
	}
	return c
}

func TestConsentTextsListsEveryLanguageAndItsReview(t *testing.T) {
	t.Parallel()
	env := testHome(t)
	out := mustMobio(t, env, "consent", "texts")
	for _, want := range []string{"use", "counselling", "transfer", "share", "research", "support-needs",
		"COUNSELLING_ACCESS_VU, COUNSELLING_ACCESS_AU", "de (binding)", "ti kmr uk (draft, not reviewed)"} {
		if !strings.Contains(out, want) {
			t.Errorf("consent texts printed\n%s\nwant %q", out, want)
		}
	}
	var texts []textJSON
	if err := json.Unmarshal([]byte(mustMobio(t, env, "consent", "texts", "--json")), &texts); err != nil {
		t.Fatal(err)
	}
	if len(texts) != len(consent.Texts()) {
		t.Fatalf("consent texts --json listed %d texts, want %d", len(texts), len(consent.Texts()))
	}
	for _, tx := range texts {
		if len(tx.Languages) != 10 || tx.Languages["de"].Review != consent.ReviewReference ||
			tx.Languages["ti"].Script != "Ethi" || tx.Languages["ps"].Direction != "rtl" || tx.Languages["uk"].Direction != "ltr" {
			t.Errorf("text %s: languages %+v, want ten, German binding, Tigrinya in Ethiopic, Pashto right to left", tx.ID, tx.Languages)
		}
	}
}

func TestConsentShow(t *testing.T) {
	t.Parallel()
	env := withOperator(testHome(t))
	tests := []struct {
		name             string
		env              map[string]string
		args             []string
		wantOut, wantErr []string // in standard output and standard error
		notErr           string
	}{
		{
			name:    "a draft translation, warned about in the language of messages",
			args:    []string{"counselling", "--lang", "ar"},
			wantOut: []string{"# موافقة: وصول المرشد إلى ملفك", testController, "datenschutz@musterkreis.example"},
			wantErr: []string{"(ar) is a machine-drafted text that no human translator has reviewed", "German version is the legally binding one"},
		},
		{
			name:    "the warning in German when messages are German",
			args:    []string{"counselling", "--lang", "ti", "--ui-lang", "de"},
			wantOut: []string{"ፍቓድ"},
			wantErr: []string{"(ti) ist ein maschinell erstellter Entwurf", "verbindlich ist die deutsche Fassung"},
		},
		{
			name:    "by purpose, in German: the reference, no warning",
			args:    []string{"HEALTH_SECTION", "--lang", "de"},
			wantOut: []string{"# Einwilligung: Abschnitt Unterstützungsbedarf (Gesundheit)", "Art. 9 Abs. 2 Buchst. a DSGVO"},
			notErr:  "draft",
		},
		{
			name:    "a language without the text falls back to German and says so",
			args:    []string{"use", "--lang", "ru"},
			wantOut: []string{"# Einwilligung: mobio nutzen"},
			wantErr: []string{"does not exist in ru: the German version is shown"},
		},
		{
			name:    "without the operator: placeholders, and what to set",
			env:     testHome(t),
			args:    []string{"use", "--lang", "en"},
			wantOut: []string{"{{controller}}"},
			wantErr: []string{"$MOBIO_CONTROLLER", "$MOBIO_DPO"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := env
			if tt.env != nil {
				e = tt.env
			}
			out, errOut, err := mobio(t, e, append([]string{"consent", "show"}, tt.args...)...)
			if err != nil {
				t.Fatal(err)
			}
			for _, w := range tt.wantOut {
				if !strings.Contains(out, w) {
					t.Errorf("standard output lacks %q:\n%s", w, out)
				}
			}
			for _, w := range tt.wantErr {
				if !strings.Contains(errOut, w) {
					t.Errorf("standard error lacks %q:\n%s", w, errOut)
				}
			}
			if tt.notErr != "" && strings.Contains(errOut, tt.notErr) {
				t.Errorf("standard error has %q:\n%s", tt.notErr, errOut)
			}
		})
	}
	mobioErr(t, env, "There is no consent text nonexistent", "consent", "show", "nonexistent")
	mobioErr(t, env, "There is no consent text use v9", "consent", "show", "use", "--version", "9")

	var shown showJSON
	if err := json.Unmarshal([]byte(mustMobio(t, env, "consent", "show", "share", "--lang", "fa", "--json")), &shown); err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256([]byte(shown.Text))
	if shown.Direction != "rtl" || shown.Script != "Arab" || shown.Review != consent.ReviewDraft || shown.Digest != "sha256:"+hex.EncodeToString(sum[:]) {
		t.Errorf("consent show --json = %+v, want a right-to-left draft with the digest of the text shown", shown)
	}
}

// TestConsentGiveListWithdraw records consents, refuses what the rules forbid and withdraws,
// with the effects that live in the document.
func TestConsentGiveListWithdraw(t *testing.T) {
	env, doc := bioHome(t)
	env = withOperator(env)

	// Nothing is recorded unless the person agreed.
	noTerminal(t)
	if err := mobioErr(t, env, "--yes", "consent", "give", doc, "--purpose", "RESEARCH_ANON"); !errors.Is(err, errNotConfirmed) || !errors.Is(err, errNoConsent) {
		t.Errorf("consent give in a script without --yes: %v, want errNotConfirmed and errNoConsent", err)
	}
	prompts := fakeTerminal(t, "n")
	_, errOut, err := mobio(t, env, "consent", "give", doc, "--purpose", "RESEARCH_ANON", "--lang", "uk")
	if !errors.Is(err, errNotConfirmed) || len(*prompts) != 1 || !strings.Contains(errOut, "Згода: анонімний аналіз") {
		t.Errorf("consent give answered no: %v, asked %q, showed\n%s\nwant the Ukrainian text, one question, nothing recorded", err, *prompts, errOut)
	}
	if got := listConsents(t, env, doc); len(got) != 0 {
		t.Fatalf("consents after refusals: %+v, want none", got)
	}

	refusals := []struct {
		name string
		args []string
		want string
	}{
		{"support needs shared with an agency", []string{"--purpose", "SHARE_RECIPIENT", "--recipient-type", "JOBCENTER", "--recipient-name", "Jobcenter", "--scope", "person,support_needs"}, "support-needs section needs a consent of its own"},
		{"counselling access without the counsellor", []string{"--purpose", "COUNSELLING_ACCESS_AU"}, "needs the counsellor's identity"},
		{"a language without consent texts", []string{"--purpose", "RESEARCH_ANON", "--lang", "xx"}, "not one of the consent languages"},
		{"an unknown purpose", []string{"--purpose", "ADVERTISING"}, "not a consent purpose"},
		{"an unknown giver", []string{"--purpose", "RESEARCH_ANON", "--given-by", "uncle"}, "--given-by uncle"},
		{"an unknown method", []string{"--purpose", "RESEARCH_ANON", "--method", "oral"}, "--method oral"},
		{"without the controller", []string{"--purpose", "RESEARCH_ANON"}, "$MOBIO_CONTROLLER"},
	}
	for _, tt := range refusals {
		t.Run(tt.name, func(t *testing.T) {
			e := env
			if tt.name == "without the controller" {
				e = with(env, "MOBIO_CONTROLLER", "")
			}
			mobioErr(t, e, tt.want, append([]string{"consent", "give", doc, "--yes"}, tt.args...)...)
		})
	}

	share := giveConsent(t, env, doc, "--purpose", "share_recipient", "--recipient-type", "jobcenter",
		"--recipient-name", "Jobcenter Rhein-Neckar-Kreis", "--scope", "person,languages", "--lang", "fa", "--interpreter", "prs")
	text, _ := consent.GetText("share", 1, "fa")
	body, _ := text.Render(consent.Operator{Controller: testController, DPO: "datenschutz@musterkreis.example"})
	if share.Purpose != "SHARE_RECIPIENT" || share.RecipientType != "JOBCENTER" || strings.Join(share.Scope, ",") != "languages,person" ||
		share.TextID != "share" || share.TextVersion != 1 || share.Language != "fa" || share.Interpreter != "prs" ||
		share.Method != "electronic" || share.GivenBy != "SELF" || share.TextDigest != consent.Digest(body) {
		t.Errorf("consent give --json = %+v, want the share with the digest of the Farsi text shown", share)
	}
	health := giveConsent(t, env, doc, "--purpose", "HEALTH_SECTION", "--lang", "tr", "--given-by", "guardian", "--method", "signed_paper_scan")
	research := giveConsent(t, env, doc, "--purpose", "RESEARCH_ANON", "--lang", "ti")
	use := giveConsent(t, env, doc, "--purpose", "PROFILE_STORAGE", "--lang", "kmr")
	if health.GivenBy != "LEGAL_GUARDIAN" || health.Method != "signed_paper_scan" || strings.Join(health.Scope, ",") != "support_needs" {
		t.Errorf("the health consent = %+v, want given by the guardian on paper, for support_needs", health)
	}
	mustMobio(t, env, "bio", "set", doc, "support_needs.health_limitation", "yes")
	mustMobio(t, env, "bio", "add", doc, "consents.shares", "recipient_type=JOBCENTER", "consent="+share.ID, "package_id=pkg-1")

	out := mustMobio(t, env, "consent", "list", doc)
	for _, c := range []consentJSON{share, health, research, use} {
		if !strings.Contains(out, c.ID[:6]) || !strings.Contains(out, c.Purpose) {
			t.Errorf("consent list printed\n%s\nwant %s %s", out, c.ID[:6], c.Purpose)
		}
	}

	withdrawals := []struct {
		name, id string
		hook     bool
		want     []string
	}{
		{"the support-needs section is emptied", health.ID, false, []string{"withdrawn", "section “Support needs (optional)” was emptied"}},
		{"research exports leave the person out", research.ID[:6], false, []string{"left out of every research export"}},
		{"twice: recorded once, effects completed", research.ID, false, []string{"was withdrawn before", "left out of every research export"}},
		{"the packages sent on it are listed", share.ID, false, []string{"share ", "package pkg-1, to Jobcentre"}},
		{"and withdrawn through the sending commands' hook", share.ID, true, []string{"1 package(s) withdrawn"}},
		{"the profile must be erased by its owner", use.ID, false, []string{"--erase"}},
	}
	for _, tt := range withdrawals {
		t.Run(tt.name, func(t *testing.T) {
			var got []consent.Share
			// The relay is not part of this test: the sending commands' hook is replaced by one
			// that records what it was given, or removed to see the packages listed.
			prev := withdrawPackageHook
			withdrawPackageHook = nil
			if tt.hook {
				withdrawPackageHook = func(_ context.Context, _ *session, _ client.DocInfo, shares []consent.Share) error {
					got = shares
					return nil
				}
			}
			t.Cleanup(func() { withdrawPackageHook = prev })
			out := mustMobio(t, env, "consent", "withdraw", doc, tt.id)
			for _, w := range tt.want {
				if !strings.Contains(out, w) {
					t.Errorf("consent withdraw printed\n%s\nwant %q", out, w)
				}
			}
			if tt.hook && (len(got) != 1 || got[0].PackageID != "pkg-1") {
				t.Errorf("the hook got %+v, want the share of package pkg-1", got)
			}
		})
	}
	if v := lookup(exported(t, env, doc), "support_needs", "health_limitation"); v != nil {
		t.Errorf("support_needs.health_limitation is %v after the withdrawal, want erased", v)
	}
	for _, c := range listConsents(t, env, doc) {
		if c.WithdrawnAt == "" {
			t.Errorf("consent %s (%s) is in force after its withdrawal", c.ID[:6], c.Purpose)
		}
	}
	if err := mobioErr(t, env, "mobio consent list", "consent", "withdraw", doc, "zzzz"); !errors.Is(err, errNoConsent) {
		t.Errorf("withdraw of no consent: %v, want errNoConsent", err)
	}
}

// TestConsentWithdrawEndsTheCounsellorsAccess: the counsellor came in on a recorded consent;
// withdrawing it removes them, also when the relay was out of reach at first.
func TestConsentWithdrawEndsTheCounsellorsAccess(t *testing.T) {
	t.Parallel()
	relay := syncservertest.NewServer(t)
	newcomer, _ := relayHome(t, relay)
	newcomer = withOperator(newcomer)
	counsellor, cid := relayHome(t, relay)
	other, oid := relayHome(t, relay)
	doc := strings.TrimSpace(mustMobio(t, newcomer, "bio", "new", "--title", "Amina K."))
	mustMobio(t, newcomer, "bio", "set", "amina", "person.accommodation_stage", "VU")

	// A consent recorded beforehand lets the counsellor in; a withdrawn one, or one for someone
	// else, does not.
	access := giveConsent(t, newcomer, "amina", "--purpose", "COUNSELLING_ACCESS_VU", "--recipient-identity", cid.Public, "--lang", "ar")
	if access.RecipientType != "COUNSELLOR_VU" || access.RecipientIdentity != cid.ID {
		t.Fatalf("the access consent = %+v, want to COUNSELLOR_VU %s", access, cid.ID[:8])
	}
	mobioErr(t, newcomer, "does not cover", "share", "add", "amina", oid.Public, "--consent", access.ID, "--yes")
	mustMobio(t, newcomer, "share", "add", "amina", cid.Public, "--consent", access.ID[:6], "--yes")
	mustMobio(t, newcomer, "sync")
	mustMobio(t, counsellor, "share", "join", doc)
	mustMobio(t, newcomer, "bio", "set", "amina", "person.given_names", "Before")
	mustMobio(t, newcomer, "sync")
	mustMobio(t, counsellor, "sync")
	if out := mustMobio(t, counsellor, "bio", "show", doc); !strings.Contains(out, "Before") {
		t.Fatalf("the counsellor does not read the biography:\n%s", out)
	}

	// Recorded while the relay is not configured: the counsellor stays until the command runs
	// again with the relay.
	offline := with(newcomer, "MOBIO_RELAY", "")
	_, errOut, err := mobio(t, offline, "consent", "withdraw", "amina", access.ID)
	if !errors.Is(err, errNoRelay) || !strings.Contains(errOut, cid.ID[:8]+" is still a member") {
		t.Fatalf("withdraw without relay: %v\n%s\nwant errNoRelay, saying the counsellor is still a member", err, errOut)
	}
	out := mustMobio(t, newcomer, "consent", "withdraw", "amina", access.ID)
	if !strings.Contains(out, "was withdrawn before") || !strings.Contains(out, cid.ID[:8]+" removed from") {
		t.Errorf("withdraw again with the relay printed\n%s\nwant the counsellor removed", out)
	}
	var members []memberJSON
	if err := json.Unmarshal([]byte(mustMobio(t, newcomer, "share", "members", "amina", "--json")), &members); err != nil {
		t.Fatal(err)
	}
	if len(members) != 1 || !members[0].You {
		t.Errorf("members after the withdrawal: %+v, want the newcomer alone", members)
	}
	// What the newcomer writes from now on does not reach the counsellor.
	mustMobio(t, newcomer, "bio", "set", "amina", "person.given_names", "Amina")
	mustMobio(t, newcomer, "sync")
	mobio(t, counsellor, "sync")
	if out, _, _ := mobio(t, counsellor, "bio", "show", doc); strings.Contains(out, "Amina") {
		t.Errorf("the removed counsellor reads what was written after the withdrawal:\n%s", out)
	}
	mobioErr(t, newcomer, "does not cover", "share", "add", "amina", cid.Public, "--consent", access.ID, "--yes")

	// Without --consent, share add shows the text and records a new consent, for the
	// accommodation stage in the biography.
	fakeTerminal(t, "ja", "ja")
	mustMobio(t, newcomer, "share", "add", "amina", oid.Public, "--consent-lang", "ps")
	got := listConsents(t, newcomer, "amina")
	last := got[len(got)-1]
	if last.Purpose != "COUNSELLING_ACCESS_VU" || last.RecipientIdentity != oid.ID || last.Language != "ps" || last.WithdrawnAt != "" {
		t.Errorf("the consent share add recorded: %+v, want VU access for %s shown in Pashto", last, oid.ID[:8])
	}
	mustMobio(t, newcomer, "sync")
	mustMobio(t, other, "share", "join", doc)
	if out := mustMobio(t, other, "consent", "list", "--json", doc); !strings.Contains(out, access.ID) {
		t.Errorf("the new counsellor's consent list lacks the withdrawn consent:\n%s", out)
	}
}
