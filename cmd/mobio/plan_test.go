package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/mobio-sync/mobio/casework/plan"
	"github.com/mobio-sync/mobio/client"
	"github.com/mobio-sync/mobio/crdt"
	"github.com/mobio-sync/mobio/syncserver/syncservertest"
)

// planHome returns a home with a biography "Amina K." whose plan started on 2026-01-15, with
// one goal and one step, and the IDs of the biography, the goal and the step.
func planHome(t *testing.T) (env map[string]string, doc, goal, step string) {
	t.Helper()
	env, doc = bioHome(t)
	mustMobio(t, env, "plan", "start", "amina", "--date", "15.01.2026", "--phase", "AU")
	goal = strings.TrimSpace(mustMobio(t, env, "plan", "goal", "add", "amina", "--field", "SPRACHE",
		"--text", "Deutschprüfung B1 bestehen", "--target", "2026-12", "--priority", "1", "--text-lang", "de"))
	step = strings.TrimSpace(mustMobio(t, env, "plan", "measure", "add", "amina", "--goal", goal[:5],
		"--text", "Zum Integrationskurs anmelden", "--responsible", "client", "--due", "2026-02-01", "--text-lang", "de"))
	return env, doc, goal, step
}

func TestPlanRecordsAndShowsThePlan(t *testing.T) {
	env, doc, goal, step := planHome(t)
	if len(goal) != 16 || len(step) != 16 {
		t.Fatalf("goal add and measure add printed %q and %q, want entry IDs", goal, step)
	}
	mustMobio(t, env, "plan", "assess", "amina", "--field", "WOHNEN", "--needs", "eigene Wohnung", "--priority", "2")
	ref := strings.TrimSpace(mustMobio(t, env, "plan", "referral", "add", "amina", "--to", "ANERKENNUNGSBERATUNG", "--name", "IQ Netzwerk", "--date", "2026-01-20"))
	mustMobio(t, env, "plan", "measure", "add", "amina", "--text", "Zeugnisse übersetzen lassen", "--responsible", "BERATUNGSSTELLE", "--referral", ref[:5])
	mustMobio(t, env, "plan", "contact", "add", "amina", "--date", "2026-01-20", "--mode", "in_person", "--minutes", "45", "--topics", "SPRACHE,WOHNEN", "--interpreter", "ara")
	mustMobio(t, env, "plan", "review", "add", "amina", "--date", "2026-03-01", "--goal", goal[:5], "--status", "in_progress", "--next", "2026-06-01", "--comment", "Kurs läuft")
	if out := mustMobio(t, env, "plan", "measure", "done", "amina", step[:5], "--date", "2026-01-30"); !strings.Contains(out, "done") {
		t.Errorf("measure done printed %q", out)
	}

	show := mustMobio(t, env, "plan", "show", "amina")
	for _, want := range []string{
		"Integration plan: Amina K.", "Start of counselling:", "2026-01-15", "2029-01-15", "(36 months)",
		"follow-up accommodation", "[de] Deutschprüfung B1 bestehen", "Language and language learning (SPRACHE)",
		"[" + step[:6] + "] [de] Zum Integrationskurs anmelden", "Done on:", "Steps without a goal", "Zeugnisse übersetzen lassen",
		"Next review due:", "2026-06-01", "in progress (in_progress)", "IQ Netzwerk", "45", "Housing (WOHNEN)",
	} {
		if !strings.Contains(show, want) {
			t.Errorf("plan show lacks %q:\n%s", want, show)
		}
	}
	if de := mustMobio(t, env, "plan", "show", "amina", "--lang", "de"); !strings.Contains(de, "Beratungsbeginn:") || !strings.Contains(de, "Sprache und Spracherwerb (SPRACHE)") {
		t.Errorf("plan show --lang de is not in German:\n%s", de)
	}

	var p struct {
		plan.Plan
		Agreement string `json:"agreement_status"`
	}
	if err := json.Unmarshal([]byte(mustMobio(t, env, "plan", "show", doc, "--json")), &p); err != nil {
		t.Fatal(err)
	}
	if p.Start.String() != "2026-01-15" || len(p.Goals) != 1 || p.Goals[0].Status != plan.GoalInProgress || len(p.Measures) != 2 || len(p.Contacts) != 1 {
		t.Errorf("plan show --json = %+v", p.Plan)
	}
}

func TestPlanRefusesWhatTheRulesForbid(t *testing.T) {
	env, _, goal, _ := planHome(t)
	tests := []struct {
		name    string
		args    []string
		wantErr error
		want    string // in the error's text
	}{
		{"a second start", []string{"plan", "start", "amina", "--date", "2026-02-01"}, plan.ErrPlanExists, "started already (counselling started on 2026-01-15)"},
		{"an extension beyond 48 months", []string{"plan", "extend", "amina", "--until", "2030-01-16", "--reason", "Ausbildung"}, plan.ErrPeriodTooLong, "until 2030-01-15"},
		{"an extension without a reason", []string{"plan", "extend", "amina", "--until", "2029-06-01"}, plan.ErrReasonRequired, "--reason"},
		{"an unknown field of action", []string{"plan", "goal", "add", "amina", "--field", "RELIGION", "--text", "x"}, plan.ErrUnknownCode, "mobio schema codes field_of_action"},
		{"an outcome of a goal not achieved", []string{"plan", "goal", "status", "amina", goal[:5], "in_progress", "--outcome", "DTZ_B1_PASSED"}, plan.ErrOutcomeNeedsGoal, "achieved"},
		{"a goal that is not there", []string{"plan", "goal", "status", "amina", "zzzz", "achieved"}, plan.ErrNoEntry, "no entry zzzz"},
		{"a date that is not one", []string{"plan", "review", "add", "amina", "--date", "31.02.2026"}, errBadValue, "a date"},
		{"closing for another reason without saying which", []string{"plan", "close", "amina", "--reason", "OTHER"}, plan.ErrReasonRequired, "--note"},
		{"a verify without an agreement", []string{"plan", "verify", "amina"}, plan.ErrNoAgreement, "mobio plan agree"},
		{"agreeing without a terminal or --yes", []string{"plan", "agree", "amina"}, errNotConfirmed, "--yes"},
	}
	noTerminal(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, err := mobio(t, env, tt.args...)
			if !errors.Is(err, tt.wantErr) || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("mobio %s: %v, want %v saying %q", strings.Join(tt.args, " "), err, tt.wantErr, tt.want)
			}
		})
	}

	mustMobio(t, env, "plan", "close", "amina", "--reason", "moved_away", "--date", "2026-05-01")
	if _, _, err := mobio(t, env, "plan", "goal", "add", "amina", "--field", "ARBEIT", "--text", "x"); !errors.Is(err, plan.ErrClosed) {
		t.Errorf("goal add after closing: %v, want ErrClosed", err)
	}
	if out := mustMobio(t, env, "plan", "due", "amina", "--on", "2026-05-02"); !strings.Contains(out, "Nothing is due") {
		t.Errorf("plan due of a closed case:\n%s", out)
	}
}

func TestPlanGoalEdit(t *testing.T) {
	env, doc, goal, _ := planHome(t)
	goalOf := func() plan.Goal {
		t.Helper()
		var p plan.Plan
		if err := json.Unmarshal([]byte(mustMobio(t, env, "plan", "show", doc, "--json")), &p); err != nil {
			t.Fatal(err)
		}
		g, _ := p.Goal(goal)
		return g
	}

	if out := mustMobio(t, env, "plan", "goal", "edit", "amina", goal[:5], "--text", "Deutschprüfung B1 bestehen", "--target", "2026-12"); !strings.Contains(out, "nothing changed") {
		t.Errorf("goal edit with the stored values printed %q, want nothing changed", out)
	}
	out := mustMobio(t, env, "plan", "goal", "edit", "amina", goal[:5], "--text", "Deutschprüfung B2 bestehen", "--target", "", "--field", "BILDUNG", "--priority", "2")
	if !strings.Contains(out, "Goal "+shortEntryID(goal)+" changed") {
		t.Errorf("goal edit printed %q", out)
	}
	g := goalOf()
	if g.Description.Text != "Deutschprüfung B2 bestehen" || g.Description.Lang != "de" || !g.TargetDate.IsZero() || g.FieldOfAction != "BILDUNG" || g.Priority != 2 {
		t.Errorf("after goal edit: %+v", g)
	}
	mustMobio(t, env, "plan", "goal", "edit", "amina", goal[:5], "--target", "31.12.2027")
	if g := goalOf(); g.TargetDate.String() != "2027-12-31" || g.Description.Text != "Deutschprüfung B2 bestehen" || g.Priority != 2 {
		t.Errorf("after changing the target date only: %+v", g)
	}

	noTerminal(t)
	for _, tt := range []struct {
		name    string
		args    []string
		wantErr error
	}{
		{"an empty text", []string{"--text", " "}, plan.ErrMissing},
		{"a target before counselling starts", []string{"--target", "2025-12"}, plan.ErrBadDate},
		{"an unknown field of action", []string{"--field", "RELIGION"}, plan.ErrUnknownCode},
	} {
		args := append([]string{"plan", "goal", "edit", "amina", goal[:5]}, tt.args...)
		if _, _, err := mobio(t, env, args...); !errors.Is(err, tt.wantErr) {
			t.Errorf("goal edit with %s: %v, want %v", tt.name, err, tt.wantErr)
		}
	}
	if _, _, err := mobio(t, env, "plan", "goal", "edit", "amina", "zzzz", "--text", "x"); !errors.Is(err, plan.ErrNoEntry) {
		t.Errorf("goal edit of a goal that is not there: %v, want ErrNoEntry", err)
	}
	mustMobio(t, env, "plan", "close", "amina", "--reason", "moved_away", "--date", "2026-05-01")
	if _, _, err := mobio(t, env, "plan", "goal", "edit", "amina", goal[:5], "--text", "x"); !errors.Is(err, plan.ErrClosed) {
		t.Errorf("goal edit after closing: %v, want ErrClosed", err)
	}
}

func TestPlanDue(t *testing.T) {
	env, doc, _, _ := planHome(t)
	other := strings.TrimSpace(mustMobio(t, env, "bio", "new", "--title", "Bashir H."))
	mustMobio(t, env, "plan", "start", other, "--date", "2023-03-01")
	mustMobio(t, env, "bio", "new", "--title", "No plan")

	out := mustMobio(t, env, "plan", "due", "--on", "2026-01-25")
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 3 {
		t.Fatalf("plan due --on 2026-01-25:\n%s\nwant a heading and two lines", out)
	}
	// Sorted by date: Amina's step, then the planned end of Bashir's counselling, which is
	// within three months.
	if !strings.Contains(lines[1], "2026-02-01") || !strings.Contains(lines[1], "in 7 days") || !strings.Contains(lines[1], "Zum Integrationskurs anmelden") ||
		!strings.Contains(lines[1], "the person themselves") || !strings.Contains(lines[1], "Amina K.") {
		t.Errorf("first line %q, want Amina's step due in 7 days", lines[1])
	}
	if !strings.Contains(lines[2], "2026-03-01") || !strings.Contains(lines[2], "Counselling ends within three months") || !strings.Contains(lines[2], "Bashir H.") {
		t.Errorf("second line %q, want the end of Bashir's counselling", lines[2])
	}

	var rows []dueRow
	if err := json.Unmarshal([]byte(mustMobio(t, env, "plan", "due", doc, "--on", "2026-02-03", "--json")), &rows); err != nil {
		t.Fatal(err)
	}
	if len(rows) != 1 || !rows[0].Overdue || rows[0].Days != -2 || rows[0].Kind != "measure" {
		t.Errorf("plan due DOC --json = %+v, want the one step, overdue by 2 days", rows)
	}
	if out := mustMobio(t, env, "plan", "due", "bashir", "--on", "2026-03-01"); !strings.Contains(out, "extend it with a reason") {
		t.Errorf("plan due at the end of 36 months:\n%s\nwant the choice to extend or close", out)
	}
}

// TestPlanAgreementAndCaseNotes runs what a newcomer and her counsellor do on two devices
// against one relay: the counsellor writes the plan, both sign the goal agreement, a later edit
// outdates it; the counsellor keeps case notes the newcomer cannot read.
func TestPlanAgreementAndCaseNotes(t *testing.T) {
	t.Parallel()
	relay := syncservertest.NewServer(t)
	newcomer, _ := relayHome(t, relay)
	counsellor, _ := relayHome(t, relay)

	doc := strings.TrimSpace(mustMobio(t, newcomer, "bio", "new", "--title", "Amina K."))
	link := strings.TrimSpace(mustMobio(t, newcomer, "share", "link", "amina", "--role", "counsellor", "--ttl", "1h"))
	if _, errOut, err := mobioIn(t, counsellor, link+"\n", "share", "accept", "-", "--title", "Amina"); err != nil {
		t.Fatalf("share accept: %v\n%s", err, errOut)
	}
	mustMobio(t, newcomer, "sync")
	mustMobio(t, counsellor, "sync")

	mustMobio(t, counsellor, "plan", "start", "amina", "--date", "2026-01-15", "--phase", "AU")
	goal := strings.TrimSpace(mustMobio(t, counsellor, "plan", "goal", "add", "amina", "--field", "SPRACHE", "--text", "Deutschprüfung B1 bestehen", "--text-lang", "de"))
	mustMobio(t, counsellor, "plan", "measure", "add", "amina", "--goal", goal[:6], "--text", "Zum Kurs anmelden", "--responsible", "CLIENT", "--due", "2026-02-01")
	mustMobio(t, counsellor, "sync")
	mustMobio(t, newcomer, "sync")

	// The newcomer reads the agreement in German and signs it as the client.
	out, errOut, err := mobio(t, newcomer, "plan", "agree", "amina", "--yes", "--lang", "ar")
	if err != nil {
		t.Fatalf("plan agree: %v\n%s", err, errOut)
	}
	if !strings.Contains(out, "Zielvereinbarung zum Integrationsplan") || !strings.Contains(out, `Ziel: "Deutschprüfung B1 bestehen" (de)`) || !strings.Contains(out, "خطة الاندماج") {
		t.Errorf("plan agree showed\n%s\nwant the German rendering, then the plan in Arabic", out)
	}
	if _, _, err := mobio(t, newcomer, "plan", "verify", "amina"); !errors.Is(err, errAgreementNotValid) || !strings.Contains(err.Error(), "waiting for the signature of the counsellor") {
		t.Errorf("verify with the newcomer's signature only: %v", err)
	}
	mustMobio(t, newcomer, "sync")
	mustMobio(t, counsellor, "sync")
	if _, errOut, err := mobio(t, counsellor, "plan", "agree", "amina", "--yes"); err != nil || !strings.Contains(errOut, "complete") {
		t.Fatalf("the counsellor's plan agree: %v\n%s", err, errOut)
	}
	mustMobio(t, counsellor, "sync")
	mustMobio(t, newcomer, "sync")
	for _, env := range []map[string]string{newcomer, counsellor} {
		var v agreementJSON
		if err := json.Unmarshal([]byte(mustMobio(t, env, "plan", "verify", doc, "--json")), &v); err != nil {
			t.Fatal(err)
		}
		if v.Status != "valid" || v.PlanVersion != 1 || v.Client == "" || v.Counsellor == "" {
			t.Errorf("plan verify --json = %+v, want valid, version 1", v)
		}
	}
	if show := mustMobio(t, newcomer, "plan", "show", "amina"); !strings.Contains(show, "Goal agreement") || !strings.Contains(show, "valid") {
		t.Errorf("plan show does not show the valid agreement:\n%s", show)
	}

	// A later change of a step's due date outdates the agreement on both sides.
	mustMobio(t, counsellor, "plan", "measure", "add", "amina", "--goal", goal[:6], "--text", "Prüfung anmelden", "--responsible", "IM")
	if _, _, err := mobio(t, counsellor, "plan", "verify", "amina"); !errors.Is(err, errAgreementNotValid) || !strings.Contains(err.Error(), "outdated") {
		t.Errorf("verify after a change: %v, want outdated", err)
	}

	// Case notes: the counsellor's own document; the newcomer may not create them or read them.
	if _, _, err := mobio(t, newcomer, "notes", "new", "amina"); !errors.Is(err, errNotCounsellor) {
		t.Errorf("notes new by the newcomer: %v, want errNotCounsellor", err)
	}
	notes := strings.TrimSpace(mustMobio(t, counsellor, "notes", "new", "amina", "--org", "Integrationsmanagement Musterstadt"))
	if notes == doc || len(notes) != 26 {
		t.Fatalf("notes new printed %q, want the ID of a new document", notes)
	}
	if _, _, err := mobio(t, counsellor, "notes", "new", "amina"); !errors.Is(err, client.ErrExists) {
		t.Errorf("a second notes new: %v, want ErrExists", err)
	}
	mustMobio(t, counsellor, "notes", "add", "amina", "Erstgespräch; Sprachkurs gewünscht.", "--topics", "SPRACHE")
	if out := mustMobio(t, counsellor, "notes", "list", "amina"); !strings.Contains(out, "Erstgespräch; Sprachkurs gewünscht.") || !strings.Contains(out, "(SPRACHE)") {
		t.Errorf("notes list:\n%s", out)
	}
	var members []memberJSON
	if err := json.Unmarshal([]byte(mustMobio(t, counsellor, "share", "members", notes, "--json")), &members); err != nil {
		t.Fatal(err)
	}
	if len(members) != 1 || !members[0].You {
		t.Errorf("members of the case notes = %+v, want the counsellor alone", members)
	}
	mustMobio(t, counsellor, "sync")
	mustMobio(t, newcomer, "sync")
	if _, _, err := mobio(t, newcomer, "notes", "list", "amina"); !errors.Is(err, client.ErrNotFound) {
		t.Errorf("notes list by the newcomer: %v, want the notes not on her device", err)
	}
	// Due across every document skips the case notes.
	if out := mustMobio(t, counsellor, "plan", "due", "--all", "--on", "2026-01-30"); !strings.Contains(out, "Zum Kurs anmelden") {
		t.Errorf("plan due --all:\n%s", out)
	}
	if _, _, err := mobio(t, counsellor, "bio", "show", notes); err == nil {
		t.Error("bio show of the case notes succeeded")
	}
}

func TestNewReplicaOpensEachKind(t *testing.T) {
	bio, err := crdt.New()
	if err != nil {
		t.Fatal(err)
	}
	notes, err := crdt.NewNotes("k7qzq2m5xwv4bn3jrc6tydgaha", "")
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		name string
		data []byte
		want string
	}{
		{"nothing yet", nil, "*crdt.Biography"},
		{"a biography", bio.Save(), "*crdt.Biography"},
		{"case notes", notes.Save(), "*crdt.Notes"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			d, err := newBioDoc(tt.data)
			if err != nil {
				t.Fatal(err)
			}
			if got := fmt.Sprintf("%T", d); got != tt.want {
				t.Errorf("newBioDoc = %s, want %s", got, tt.want)
			}
		})
	}
	if _, err := newBioDoc([]byte("not a document")); err == nil {
		t.Error("newBioDoc of garbage succeeded")
	}
}
