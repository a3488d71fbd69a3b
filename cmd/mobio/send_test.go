package main

import (
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/mobio-sync/mobio/casework/disclosure"
	"github.com/mobio-sync/mobio/client"
	"github.com/mobio-sync/mobio/e2ee"
	"github.com/mobio-sync/mobio/syncserver/syncservertest"
)

// sendEnv adds the operator of the consent texts to env.
func sendEnv(env map[string]string) map[string]string {
	return with(env, "MOBIO_CONTROLLER", "Landratsamt Musterkreis, Hauptstraße 1, 12345 Musterstadt", "MOBIO_DPO", "datenschutz@example.org")
}

// fillForSending fills the biography doc of env with what agencies get: Amina K., from Syria,
// German B1, a tailor, one child seeking a day-care place, and the data that never leaves
// (file numbers, residence status, support needs). It returns the IDs of the entries by name.
func fillForSending(t *testing.T, env map[string]string, doc string) map[string]string {
	t.Helper()
	set := func(path, value string, extra ...string) {
		t.Helper()
		mustMobio(t, env, append([]string{"bio", "set", doc, path, value}, extra...)...)
	}
	ids := map[string]string{}
	addEntry := func(name, list string, kv ...string) {
		t.Helper()
		ids[name] = strings.TrimSpace(mustMobio(t, env, append([]string{"bio", "add", doc, list}, kv...)...))
	}
	set("person.family_names", "Khalil", "--source", "document")
	set("person.given_names", "Amina", "--source", "document")
	set("person.date_of_birth", "17.05.1990", "--source", "document")
	set("person.nationalities", "SY")
	set("person.phone", "+49 151 2345678")
	set("person.email", "amina@example.org")
	set("person.azr_number", "AZR-SENTINEL-123")
	set("person.bamf_file_number", "BAMF-SENTINEL-456")
	set("residence.residence_status", "AE_25_2_GFK", "--source", "document")
	set("residence.work_permission", "ERWERBSTAETIGKEIT_GESTATTET", "--source", "document")
	set("family.marital_status", "verheiratet")
	addEntry("child", "family.household", "relation=Kind", "birth_year=2019", "care_status=Platz_gesucht")
	// The support-needs section takes nothing without its own consent.
	mustMobio(t, sendEnv(env), "consent", "give", doc, "--yes", "--purpose", "HEALTH_SECTION", "--lang", "de")
	set("support_needs.other_support_needs", "SUPPORT-SENTINEL Rückenschmerzen", "--input-lang", "de")
	set("languages.german_level", "B1", "--source", "document")
	addEntry("english", "languages.other_languages", "language=eng", "level=A2")
	addEntry("job", "work.jobs", "country=SY", "employer=Atelier Haddad", "job_title=Schneiderin", "start=2009-03", "end=2015-08")
	mustMobio(t, env, "bio", "set", doc, "work.jobs."+ids["job"]+".tasks", "خياطة الفساتين", "--input-lang", "ar")
	set("aspirations.desired_occupations", "Schneiderin", "--input-lang", "de")
	set("aspirations.earliest_start", "2025-09-01")
	return ids
}

// replaceIDs replaces the short and full forms of the entry IDs in s by their names.
func replaceIDs(s string, ids map[string]string) string {
	for name, id := range ids {
		s = strings.ReplaceAll(s, id, "<"+name+">")
		s = strings.ReplaceAll(s, shortEntryID(id), "<"+name+">")
	}
	return s
}

func TestSendPreviewPerRecipientGolden(t *testing.T) {
	env, doc := bioHome(t)
	ids := fillForSending(t, env, doc)
	env = with(env, "MOBIO_LANG", "de")
	for _, p := range disclosure.Profiles() {
		t.Run(p.RecipientType, func(t *testing.T) {
			out := mustMobio(t, env, "send", "preview", "amina", "--to", strings.ToLower(p.RecipientType), "--name", "Stelle Sinsheim")
			never := []string{"SENTINEL", "Rückenschmerzen"}
			if !disclosure.Denied(p.RecipientType, "residence.residence_status") {
				if !strings.Contains(out, "Aufenthaltsstatus") {
					t.Errorf("send preview --to %s leaves out the residence status it needs", p.RecipientType)
				}
			} else {
				never = append(never, "Aufenthaltsstatus")
			}
			for _, s := range never {
				if strings.Contains(out, s) {
					t.Errorf("send preview --to %s shows %q", p.RecipientType, s)
				}
			}
			golden := filepath.Join("testdata", "send-preview-"+strings.ToLower(p.RecipientType)+".golden")
			got := replaceIDs(out, ids)
			if *update {
				if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (go test ./cmd/mobio -run TestSendPreview -update writes it)", err)
			}
			if got != string(want) {
				t.Errorf("send preview --to %s differs from %s (-update rewrites it):\n%s", p.RecipientType, golden, got)
			}
		})
	}
}

func TestSendPreviewChoices(t *testing.T) {
	env, doc := bioHome(t)
	ids := fillForSending(t, env, doc)
	env = with(env, "MOBIO_LANG", "de")

	out := mustMobio(t, env, "send", "preview", doc, "--to", "employer")
	for _, want := range []string{"Arbeitserlaubnis:", "ja (Erwerbstätigkeit erlaubt)", "خياطة الفساتين",
		"[nicht ins Deutsche übersetzt; Arabisch]", "--include", "person.date_of_birth"} {
		if !strings.Contains(out, want) {
			t.Errorf("send preview --to employer:\n%s\nwant it to contain %q", out, want)
		}
	}
	if strings.Contains(out, "17.05.1990") || strings.Contains(out, "verheiratet") {
		t.Errorf("the employer's default preview shows the date of birth or the family:\n%s", out)
	}
	out = mustMobio(t, env, "send", "preview", doc, "--to", "employer", "--include", "person.date_of_birth",
		"--exclude", "work.jobs."+shortEntryID(ids["job"]), "--exclude", "person.phone")
	if !strings.Contains(out, "17.05.1990") || strings.Contains(out, "Atelier Haddad") || strings.Contains(out, "+49 151") {
		t.Errorf("with --include person.date_of_birth and two --exclude:\n%s\nwant the date of birth, without the job and the phone", out)
	}
	var pkg disclosure.Package
	if err := json.Unmarshal([]byte(mustMobio(t, env, "send", "preview", doc, "--to", "language_course_provider", "--json")), &pkg); err != nil {
		t.Fatal(err)
	}
	var paths []string
	for _, it := range pkg.Items() {
		paths = append(paths, it.Path)
	}
	if !strings.Contains(strings.Join(paths, " "), disclosure.DerivedChildcareNeeded) || strings.Contains(strings.Join(paths, " "), "work.jobs") {
		t.Errorf("language course provider items %v, want childcare needed and no work history", paths)
	}

	tests := []struct {
		name string
		args []string
		want string
	}{
		{"unknown recipient", []string{"--to", "police"}, "jobcenter, agentur_fuer_arbeit"},
		{"not offered", []string{"--to", "employer", "--include", "family.marital_status"}, "person.date_of_birth"},
		{"denied", []string{"--to", "jobcenter", "--include", "person.azr_number"}, "person.azr_number"},
		{"unknown path", []string{"--to", "employer", "--exclude", "person.shoe_size"}, "mobio schema show"},
		{"unknown document", []string{"--to", "employer", "--document", "zzzz"}, "zzzz"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			mobioErr(t, env, tt.want, append([]string{"send", "preview", doc}, tt.args...)...)
		})
	}
}

// recordingRelay counts the uploads mobio send makes, and passes them on.
type recordingRelay struct {
	mu       sync.Mutex
	next     packageRelay
	puts     int
	withdraw int
}

func (r *recordingRelay) PutPackage(ctx context.Context, doc e2ee.DocID, id client.PackageID, ct []byte, expires time.Time) error {
	r.mu.Lock()
	r.puts++
	r.mu.Unlock()
	return r.next.PutPackage(ctx, doc, id, ct, expires)
}

func (r *recordingRelay) WithdrawPackage(ctx context.Context, doc e2ee.DocID, id client.PackageID) error {
	r.mu.Lock()
	r.withdraw++
	r.mu.Unlock()
	return r.next.WithdrawPackage(ctx, doc, id)
}

// recordUploads makes mobio send's uploads go through a recordingRelay.
func recordUploads(t *testing.T) *recordingRelay {
	rec := &recordingRelay{}
	old := sendRelay
	sendRelay = func(x *session) packageRelay {
		rec.mu.Lock()
		rec.next = x.c
		rec.mu.Unlock()
		return rec
	}
	t.Cleanup(func() { sendRelay = old })
	return rec
}

func TestSendWithoutConsentUploadsNothing(t *testing.T) {
	relay := syncservertest.NewServer(t)
	plain, _ := relayHome(t, relay)
	env := sendEnv(plain)
	doc := strings.TrimSpace(mustMobio(t, env, "bio", "new", "--title", "Amina K."))
	fillForSending(t, env, doc)
	rec := recordUploads(t)
	args := []string{"send", doc, "--to", "employer", "--name", "Bäckerei Schmidt"}

	noTerminal(t)
	if err := mobioErr(t, env, "--consent", args...); !errors.Is(err, errNoConsent) {
		t.Errorf("send without a terminal: %v, want errNoConsent", err)
	}
	prompts := fakeTerminal(t, "nein")
	if err := mobioErr(t, env, "nothing was changed", args...); !errors.Is(err, errNoConsent) || len(*prompts) != 1 {
		t.Errorf("send answered no: %v after %d questions, want errNoConsent after one", err, len(*prompts))
	}
	mobioErr(t, env, "--name", "send", doc, "--to", "employer")
	mobioErr(t, plain, "MOBIO_CONTROLLER", args...) // the consent text cannot name the controller
	if rec.puts != 0 {
		t.Errorf("%d packages uploaded without consent", rec.puts)
	}
	if out := mustMobio(t, env, "send", "list", doc); !strings.Contains(out, "Nothing was sent") {
		t.Errorf("send list after refusals:\n%s\nwant no shares", out)
	}
	if out := mustMobio(t, env, "bio", "export", doc); strings.Contains(out, "SHARE_RECIPIENT") {
		t.Error("a consent was recorded although the person said no")
	}
}

// TestSendEndToEnd sends a package to an employer against a relay on 127.0.0.1, opens the
// link as the employer does (without an identity), withdraws it, and checks that the link
// no longer opens.
func TestSendEndToEnd(t *testing.T) {
	relay := syncservertest.NewServer(t)
	env, me := relayHome(t, relay)
	env = with(sendEnv(env), "MOBIO_LANG", "de")
	doc := strings.TrimSpace(mustMobio(t, env, "bio", "new", "--title", "Amina K."))
	fillForSending(t, env, doc)
	cert := writeTemp(t, "dtz.pdf", "%PDF-1.7 DTZ B1")
	var att attachJSON
	if err := json.Unmarshal([]byte(mustMobio(t, env, "attach", "add", doc, cert, "--type", "Sprachzertifikat", "--title", "DTZ B1", "--json")), &att); err != nil {
		t.Fatal(err)
	}
	rec := recordUploads(t)

	prompts := fakeTerminal(t, "ja")
	out, errOut, err := mobio(t, env, "send", "amina", "--to", "employer", "--name", "Bäckerei Schmidt",
		"--document", att.ID[:6], "--expires", "14d")
	if err != nil {
		t.Fatalf("send: %v\n%s", err, errOut)
	}
	link := strings.TrimSpace(out)
	if !strings.HasPrefix(link, relay.URL+"/p/#") || strings.Count(out, "\n") != 1 {
		t.Fatalf("send printed %q on standard output, want the link alone", out)
	}
	for _, want := range []string{"Bäckerei Schmidt", "Einwilligung", "Landratsamt Musterkreis", "Arbeitserlaubnis", "mobio send withdraw"} {
		if !strings.Contains(errOut, want) {
			t.Errorf("send showed\n%s\nwant it to contain %q", errOut, want)
		}
	}
	if strings.Contains(errOut, link) || len(*prompts) != 1 || rec.puts != 1 {
		t.Errorf("send: link on standard error %v, %d questions, %d uploads; want no, 1, 1", strings.Contains(errOut, link), len(*prompts), rec.puts)
	}

	// The share and the consent are in the biography.
	var shares []shareJSON
	if err := json.Unmarshal([]byte(mustMobio(t, env, "send", "list", doc, "--json")), &shares); err != nil {
		t.Fatal(err)
	}
	if len(shares) != 1 || shares[0].State != disclosure.StateActive || shares[0].Recipient != "EMPLOYER" ||
		shares[0].Name != "Bäckerei Schmidt" || len(shares[0].Documents) != 1 || shares[0].Consent == "" {
		t.Fatalf("send list --json = %+v, want one active share to the employer with the document and the consent", shares)
	}
	if _, id, _, _ := disclosure.ParseLink(link); id.String() != shares[0].PackageID {
		t.Errorf("the share names package %s, the link %s", shares[0].PackageID, id)
	}
	if exp, _ := time.Parse(time.RFC3339, shares[0].Expires); time.Until(exp) < 13*24*time.Hour || time.Until(exp) > 14*24*time.Hour {
		t.Errorf("the share expires %s, want in 14 days", shares[0].Expires)
	}

	// The employer opens the link: no identity, no configuration.
	employer := with(testHome(t), "MOBIO_LANG", "en")
	files := t.TempDir()
	out, _, err = mobioIn(t, employer, link+"\n", "send", "open", "-", "--files", files)
	if err != nil {
		t.Fatalf("send open: %v", err)
	}
	for _, want := range []string{"Arbeitgeber – Bäckerei Schmidt", strings.Fields(me.Fingerprint)[0], "Khalil", "Arbeitserlaubnis:",
		"ja (Erwerbstätigkeit erlaubt)", "خياطة الفساتين  [nicht ins Deutsche übersetzt; Arabisch]", "Sprachzertifikat", "dtz.pdf"} {
		if !strings.Contains(out, want) {
			t.Errorf("send open printed\n%s\nwant it to contain %q", out, want)
		}
	}
	for _, never := range []string{"SENTINEL", "17.05.1990", "verheiratet", "Aufenthaltsstatus"} {
		if strings.Contains(out, never) {
			t.Errorf("the employer sees %q", never)
		}
	}
	if b, err := os.ReadFile(filepath.Join(files, "dtz.pdf")); err != nil || string(b) != "%PDF-1.7 DTZ B1" {
		t.Errorf("send open --files wrote %q (%v), want the certificate", b, err)
	}

	// A consent recorded before serves without a terminal.
	noTerminal(t)
	var sent sendJSON
	if err := json.Unmarshal([]byte(mustMobio(t, env, "send", doc, "--to", "employer", "--name", "bäckerei schmidt",
		"--consent", shares[0].Consent[:6], "--json")), &sent); err != nil {
		t.Fatal(err)
	}
	if sent.Consent != shares[0].Consent || sent.Link == "" {
		t.Errorf("send --consent --json = %+v, want the same consent and a link", sent)
	}
	mobioErr(t, env, "gilt nicht", "send", doc, "--to", "jobcenter", "--name", "Jobcenter", "--consent", shares[0].Consent[:6])

	// Withdrawn: the share says so, and the link no longer opens.
	out = mustMobio(t, env, "send", "withdraw", doc, shares[0].ID[:6])
	if !strings.Contains(out, "zurückgezogen") || rec.withdraw != 1 {
		t.Errorf("send withdraw printed %q after %d withdrawals at the relay, want it withdrawn once", out, rec.withdraw)
	}
	if err := json.Unmarshal([]byte(mustMobio(t, env, "send", "list", doc, "--json")), &shares); err != nil {
		t.Fatal(err)
	}
	if len(shares) != 2 || shares[0].State != disclosure.StateWithdrawn || shares[0].Revoked == "" || shares[1].State != disclosure.StateActive {
		t.Errorf("send list --json after withdrawing = %+v, want the first withdrawn, the second active", shares)
	}
	if _, _, err := mobioIn(t, employer, link+"\n", "send", "open", "-"); !errors.Is(err, errNoPackage) {
		t.Errorf("send open after the withdrawal: %v, want errNoPackage", err)
	}
	mobioErr(t, env, "schon zurückgezogen", "send", "withdraw", doc, shares[0].ID[:6])

	// A link with another key does not open the package.
	base, id, _, _ := disclosure.ParseLink(sent.Link)
	if _, _, err := mobio(t, employer, "send", "open", disclosure.Link(base, id, disclosure.Key{1})); !errors.Is(err, errBadPackage) {
		t.Errorf("send open with a wrong key: %v, want errBadPackage", err)
	}
	mobioErr(t, employer, "not a package link", "send", "open", "https://relay.example/#i=abc")

	// Withdrawing the consent withdraws the package still out on it, at the relay too.
	mustMobio(t, env, "consent", "withdraw", doc, shares[1].Consent[:6])
	if err := json.Unmarshal([]byte(mustMobio(t, env, "send", "list", doc, "--json")), &shares); err != nil {
		t.Fatal(err)
	}
	if shares[1].State != disclosure.StateWithdrawn || rec.withdraw != 2 {
		t.Errorf("after the consent's withdrawal the share is %s, %d withdrawals at the relay; want withdrawn, 2", shares[1].State, rec.withdraw)
	}
	if _, _, err := mobioIn(t, employer, sent.Link+"\n", "send", "open", "-"); !errors.Is(err, errNoPackage) {
		t.Errorf("send open after the consent's withdrawal: %v, want errNoPackage", err)
	}
}
