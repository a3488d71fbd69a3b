package main

import (
	"encoding/json"
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"github.com/mobio-sync/mobio/client"
	"github.com/mobio-sync/mobio/syncserver/syncservertest"
)

func TestShareCommandsNeedARelay(t *testing.T) {
	t.Parallel()
	env, doc := bioHome(t)
	for _, args := range [][]string{
		{"share", "link", doc},
		{"share", "accept", "http://x/#i=abc"},
		{"share", "add", doc, "mobio-id1abc", "--yes"},
		{"share", "join", doc},
		{"share", "revoke", doc, "abcd"},
		{"share", "transfer", doc, "mobio-id1abc", "--consent", "x"},
		{"sync"},
	} {
		_, _, err := mobio(t, env, args...)
		if !errors.Is(err, errNoRelay) {
			t.Errorf("mobio %s without a relay: %v, want errNoRelay", strings.Join(args, " "), err)
			continue
		}
		for _, want := range []string{"mobio " + args[0], "--relay", "MOBIO_RELAY", "mobio config set relay"} {
			if !strings.Contains(err.Error(), want) {
				t.Errorf("mobio %s: %q does not mention %s", strings.Join(args, " "), err, want)
			}
		}
	}
	// Listing members is local.
	if out := mustMobio(t, env, "share", "members", doc); !strings.Contains(out, "owner") || !strings.Contains(out, "you") {
		t.Errorf("share members offline printed\n%s\nwant the owner, marked as you", out)
	}
}

func TestShareLinkOutputAndFlags(t *testing.T) {
	t.Parallel()
	relay := syncservertest.NewServer(t)
	env, _ := relayHome(t, relay)
	mustMobio(t, env, "bio", "new", "--title", "Amina K.")
	mustMobio(t, env, "sync")

	out, _, err := mobio(t, env, "share", "link", "amina", "--qr", "--role", "viewer", "--base", "https://app.example/")
	if err != nil {
		t.Fatal(err)
	}
	if lines := strings.Split(strings.TrimSpace(out), "\n"); len(lines) != 1 || !strings.HasPrefix(lines[0], "https://app.example/#i=") {
		t.Errorf("share link --qr printed %q, want the link under --base alone", out)
	}
	var inv inviteJSON
	if err := json.Unmarshal([]byte(mustMobio(t, env, "share", "link", "amina", "--json")), &inv); err != nil {
		t.Fatal(err)
	}
	if inv.Role != "counsellor" || !strings.HasPrefix(inv.Link, relay.URL+"/#i=") || inv.Expires == "" {
		t.Errorf("share link --json = %+v, want a counsellor link to the relay's web app", inv)
	}
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"--role", "owner"}, "want counsellor or viewer"},
		{[]string{"--ttl", "0s"}, "720h"},
		{[]string{"--ttl", "1000h"}, "720h"},
	}
	for _, tt := range tests {
		args := append([]string{"share", "link", "amina"}, tt.args...)
		mobioErr(t, env, tt.want, args...)
	}
}

func TestShareAcceptRefusesWhatIsNotAValidInvite(t *testing.T) {
	t.Parallel()
	relay := syncservertest.NewServer(t)
	env, _ := relayHome(t, relay)
	const garbled = "http://127.0.0.1/#i=aawobinnkswgm2lsnbs7txg2ey.SECRETSECRET"
	err := mobioErr(t, env, "not an invite link", "share", "accept", garbled)
	if !errors.Is(err, errBadInvite) || strings.Contains(err.Error(), "SECRET") {
		t.Errorf("share accept of a garbled link: %v, want errBadInvite without the link", err)
	}

	// A link used once is refused the second time, with what to do.
	owner, _ := relayHome(t, relay)
	mustMobio(t, owner, "bio", "new", "--title", "Amina K.")
	link := strings.TrimSpace(mustMobio(t, owner, "share", "link", "amina", "--qr"))
	mustMobio(t, env, "share", "accept", link)
	other, _ := relayHome(t, relay)
	if err := mobioErr(t, other, "Ask for a new link", "share", "accept", link); strings.Contains(err.Error(), link) {
		t.Errorf("the refusal %q repeats the link", err)
	}
}

func TestShareAddAsksToCompareTheFingerprint(t *testing.T) {
	relay := syncservertest.NewServer(t)
	owner, _ := relayHome(t, relay)
	owner = withOperator(owner)
	colleague, cid := relayHome(t, relay)
	mustMobio(t, owner, "bio", "new", "--title", "Amina K.")
	mustMobio(t, owner, "bio", "set", "amina", "person.given_names", "Amina")
	pubFile := filepath.Join(colleague["MOBIO_HOME"], publicFileName)

	// In a script, without --yes: refused, saying how.
	noTerminal(t)
	err := mobioErr(t, owner, "--yes", "share", "add", "amina", pubFile)
	if !errors.Is(err, errNotConfirmed) {
		t.Errorf("share add without a terminal: %v, want errNotConfirmed", err)
	}

	// At a terminal, "no" adds nobody; "ja" (any language's yes), to the fingerprint and to the
	// consent text, records the newcomer's consent and adds.
	prompts := fakeTerminal(t, "n")
	_, errOut, err := mobio(t, owner, "share", "add", "amina", cid.Public)
	if !errors.Is(err, errNotConfirmed) {
		t.Fatalf("share add answered no: %v, want errNotConfirmed", err)
	}
	if len(*prompts) != 1 || !strings.Contains(errOut, strings.Fields(cid.Fingerprint)[0]) {
		t.Errorf("share add showed %q and asked %q, want the fingerprint and one question", errOut, *prompts)
	}
	prompts = fakeTerminal(t, "ja", "ja")
	out := mustMobio(t, owner, "share", "add", "amina", cid.Public, "--role", "counsellor", "--purpose", "au")
	if len(*prompts) != 2 {
		t.Errorf("share add asked %q, want the fingerprint and the consent", *prompts)
	}
	if got := listConsents(t, owner, "amina"); len(got) != 1 || got[0].Purpose != "COUNSELLING_ACCESS_AU" || got[0].RecipientIdentity != cid.ID {
		t.Errorf("consents after share add: %+v, want the counselling access of %s", got, cid.ID[:8])
	}
	var doc string
	if f := strings.Fields(out); len(f) > 0 {
		doc = f[len(f)-1]
	}
	if !strings.Contains(out, "mobio share join "+doc) || len(doc) < 20 {
		t.Fatalf("share add printed %q, want the join command with the document's full ID", out)
	}
	mobioErr(t, owner, "member already", "share", "add", "amina", cid.Public, "--yes")
	mustMobio(t, owner, "sync")

	// The colleague joins by the ID and reads the biography.
	mobioErr(t, colleague, "not a document ID", "share", "join", "amina")
	var joined joinedJSON
	if err := json.Unmarshal([]byte(mustMobio(t, colleague, "share", "join", doc, "--title", "Amina", "--json")), &joined); err != nil {
		t.Fatal(err)
	}
	if joined.Role != "counsellor" || !joined.Synced {
		t.Errorf("share join --json = %+v, want a synced counsellor", joined)
	}
	if out := mustMobio(t, colleague, "bio", "show", "amina"); !strings.Contains(out, "Amina") {
		t.Errorf("the colleague's bio show:\n%s\nwant the given name", out)
	}
	mobioErr(t, colleague, "already", "share", "join", doc)

	// Someone not added who joins learns what to do.
	stranger, _ := relayHome(t, relay)
	if err := mobioErr(t, stranger, "mobio share add", "share", "join", doc); !errors.Is(err, client.ErrNotMember) {
		t.Errorf("share join without being added: %v, want client.ErrNotMember", err)
	}
}

func TestShareRevokeFindsTheMember(t *testing.T) {
	relay := syncservertest.NewServer(t)
	owner, oid := relayHome(t, relay)
	viewer, vid := relayHome(t, relay)
	mustMobio(t, owner, "bio", "new", "--title", "Amina K.")
	link := strings.TrimSpace(mustMobio(t, owner, "share", "link", "amina", "--qr", "--role", "viewer"))
	mustMobio(t, viewer, "share", "accept", link, "--title", "Amina")
	mustMobio(t, owner, "sync")
	mobioErr(t, viewer, "read it, not change it", "bio", "set", "amina", "person.given_names", "X")

	fp := strings.Fields(vid.Fingerprint)
	tests := []struct {
		name, member string
		wantIs       error
		want         string
	}{
		{"too short", vid.ID[:3], errNoMember, "at least 4"},
		{"nobody", "zzzzzz", errNoMember, "mobio share members"},
		{"yourself, in a script", oid.ID[:8], errNotConfirmed, "--yes"},
	}
	noTerminal(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if err := mobioErr(t, owner, tt.want, "share", "revoke", "amina", tt.member); !errors.Is(err, tt.wantIs) {
				t.Errorf("share revoke %s: %v, want %v", tt.member, err, tt.wantIs)
			}
		})
	}
	// By fingerprint, typed with its spaces.
	if out := mustMobio(t, owner, "share", "revoke", "amina", fp[0]+" "+fp[1][:2]); !strings.Contains(out, vid.ID[:8]) {
		t.Errorf("share revoke by fingerprint printed %q, want the member's ID", out)
	}
	var members []memberJSON
	if err := json.Unmarshal([]byte(mustMobio(t, owner, "share", "members", "amina", "--json")), &members); err != nil {
		t.Fatal(err)
	}
	if len(members) != 1 || members[0].ID != oid.ID || !members[0].You || members[0].Role != "owner" {
		t.Errorf("members after the revocation: %+v, want the owner alone", members)
	}
}

func TestShareTransferChecksTheConsent(t *testing.T) {
	t.Parallel()
	relay := syncservertest.NewServer(t)
	newcomer, _ := relayHome(t, relay)
	counsellor, cid := relayHome(t, relay)
	manager, mid := relayHome(t, relay)
	doc := strings.TrimSpace(mustMobio(t, newcomer, "bio", "new", "--title", "Amina K."))
	mustMobio(t, newcomer, "sync")
	link := strings.TrimSpace(mustMobio(t, newcomer, "share", "link", "amina", "--qr"))
	mustMobio(t, counsellor, "share", "accept", link, "--title", "Amina")

	// Without the consent in the biography: refused, saying where the consents are.
	counsellor = withOperator(counsellor)
	err := mobioErr(t, counsellor, "mobio consent list", "share", "transfer", "amina", mid.Public, "--consent", "q8r2", "--yes")
	if !errors.Is(err, errNoConsent) {
		t.Errorf("transfer without consent: %v, want errNoConsent", err)
	}

	// The newcomer's consents: a withdrawn one, one for someone else, and the one in force.
	newcomer = withOperator(newcomer)
	give := func(identity string) string {
		return strings.TrimSpace(mustMobio(t, newcomer, "consent", "give", "amina", "--purpose", "TRANSFER_VU_TO_AU",
			"--recipient-identity", identity, "--lang", "ar", "--yes"))
	}
	withdrawn := give(mid.Public)
	mustMobio(t, newcomer, "consent", "withdraw", "amina", withdrawn)
	other := give(cid.Public)
	consent := give(mid.Public)
	mustMobio(t, newcomer, "sync")
	mustMobio(t, counsellor, "sync")
	for _, c := range []string{withdrawn, other} {
		if err := mobioErr(t, counsellor, "does not cover", "share", "transfer", "amina", mid.Public, "--consent", c, "--yes"); !errors.Is(err, errNoConsent) {
			t.Errorf("transfer citing consent %s: %v, want errNoConsent", c, err)
		}
	}

	out := mustMobio(t, counsellor, "share", "transfer", "amina", mid.Public, "--consent", consent[:6], "--yes")
	if !strings.Contains(out, mid.ID[:8]) || !strings.Contains(out, "You left") {
		t.Errorf("share transfer printed\n%s\nwant the successor and that you left", out)
	}
	var joined joinedJSON
	if err := json.Unmarshal([]byte(mustMobio(t, manager, "share", "join", doc, "--json")), &joined); err != nil {
		t.Fatal(err)
	}
	if joined.Role != "counsellor" {
		t.Errorf("the successor joined as %q, want counsellor", joined.Role)
	}
	mustMobio(t, newcomer, "sync")
	var members []memberJSON
	if err := json.Unmarshal([]byte(mustMobio(t, newcomer, "share", "members", "amina", "--json")), &members); err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, m := range members {
		ids = append(ids, m.ID[:8]+" "+m.Role)
	}
	if got := strings.Join(ids, ", "); !strings.Contains(got, mid.ID[:8]+" counsellor") || strings.Contains(got, cid.ID[:8]) {
		t.Errorf("members after the transfer: %s, want the manager as counsellor and not the previous counsellor", got)
	}
}
