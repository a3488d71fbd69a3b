package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/mobio-sync/mobio/syncserver/syncservertest"
)

// relayHome returns the environment of a fresh home with an identity, using relay.
func relayHome(t *testing.T, relay *syncservertest.Server) (map[string]string, identityJSON) {
	t.Helper()
	env := with(testHome(t), "MOBIO_RELAY", relay.URL)
	return env, newIdentity(t, env)
}

// mobioErr runs mobio and fails the test unless it fails with an error containing want.
func mobioErr(t *testing.T, env map[string]string, want string, args ...string) error {
	t.Helper()
	_, _, err := mobio(t, env, args...)
	checkErr(t, args, err, want)
	return err
}

// TestCLIEndToEnd runs the commands a newcomer and her counsellor run, on two homes against
// one relay: share by link, edit on both sides, sync, attach a file and fetch it on the other
// device, and revoke.
func TestCLIEndToEnd(t *testing.T) {
	t.Parallel()
	relay := syncservertest.NewServer(t)
	newcomer, _ := relayHome(t, relay)
	counsellor, cid := relayHome(t, relay)

	// The newcomer starts her biography and invites her counsellor.
	doc := strings.TrimSpace(mustMobio(t, newcomer, "bio", "new", "--title", "Amina K."))
	mustMobio(t, newcomer, "bio", "set", "amina", "person.given_names", "Amina", "--source", "self")
	out, errOut, err := mobio(t, newcomer, "share", "link", "amina", "--role", "counsellor", "--ttl", "1h")
	if err != nil {
		t.Fatalf("share link: %v\n%s", err, errOut)
	}
	link := strings.TrimSpace(out) // the link alone on standard output
	if !strings.Contains(link, "#i=") || !strings.HasPrefix(link, relay.URL+"/") {
		t.Fatalf("share link printed\n%s\nwant a link to %s/ with the secret after #i=", out, relay.URL)
	}
	if !strings.Contains(errOut, "secret") || !strings.Contains(errOut, "in person") {
		t.Errorf("share link warned %q, want it to say the link is a secret to hand over in person", errOut)
	}

	// The counsellor accepts it, reading the link from standard input.
	out, errOut, err = mobioIn(t, counsellor, link+"\n", "share", "accept", "-", "--title", "Amina")
	if err != nil {
		t.Fatalf("share accept: %v\n%s", err, errOut)
	}
	if strings.TrimSpace(out) != doc || !strings.Contains(errOut, "counsellor") {
		t.Errorf("share accept printed %q and %q, want the document's ID and the role", out, errOut)
	}
	if _, _, err := mobioIn(t, counsellor, link+"\n", "share", "accept", "-"); err == nil {
		t.Error("accepting the link a second time succeeded")
	}
	mustMobio(t, newcomer, "sync")
	mustMobio(t, counsellor, "sync")
	if out := mustMobio(t, counsellor, "bio", "show", "amina"); !strings.Contains(out, "Amina") {
		t.Fatalf("the counsellor's bio show:\n%s\nwant the newcomer's given name", out)
	}

	// The counsellor's edit reaches the newcomer, who learns who made it.
	mustMobio(t, counsellor, "bio", "set", "amina", "person.municipality", "08222000", "--source", "counsellor")
	if out := mustMobio(t, counsellor, "sync"); !strings.Contains(out, "In sync") {
		t.Errorf("counsellor's sync printed %q, want a summary", out)
	}
	out = mustMobio(t, newcomer, "sync")
	if !strings.Contains(out, "changes from "+cid.ID[:8]) {
		t.Errorf("newcomer's sync printed\n%s\nwant the counsellor's change reported by her ID %s", out, cid.ID[:8])
	}
	if out := mustMobio(t, newcomer, "bio", "show", "amina"); !strings.Contains(out, "08222000") {
		t.Fatalf("the newcomer's bio show:\n%s\nwant the counsellor's value", out)
	}

	// Members, as the newcomer sees them.
	var members []memberJSON
	if err := json.Unmarshal([]byte(mustMobio(t, newcomer, "share", "members", "amina", "--json")), &members); err != nil {
		t.Fatal(err)
	}
	if len(members) != 2 || !members[0].You && !members[1].You {
		t.Fatalf("share members = %+v, want the newcomer (you) and the counsellor", members)
	}

	// A file attached by the newcomer opens on the counsellor's device.
	dir := t.TempDir()
	scan := filepath.Join(dir, "passport.pdf")
	content := bytes.Repeat([]byte("%PDF-1.4 passport scan "), 3000)
	if err := os.WriteFile(scan, content, 0o600); err != nil {
		t.Fatal(err)
	}
	var att attachJSON
	if err := json.Unmarshal([]byte(mustMobio(t, newcomer, "attach", "add", "amina", scan, "--type", "passport", "--title", "Passport", "--json")), &att); err != nil {
		t.Fatal(err)
	}
	if !att.Uploaded {
		t.Errorf("attach add: %+v, want it uploaded", att)
	}
	mustMobio(t, newcomer, "sync") // the entry, as every edit, reaches the relay with a sync
	mustMobio(t, counsellor, "sync")
	if out := mustMobio(t, counsellor, "attach", "ls", "amina"); !strings.Contains(out, "Passport") || !strings.Contains(out, "yes") {
		t.Errorf("the counsellor's attach ls:\n%s\nwant the passport, uploaded", out)
	}
	got := filepath.Join(t.TempDir(), "copy.pdf")
	mustMobio(t, counsellor, "attach", "get", "amina", att.ID[:6], "-o", got)
	if b, err := os.ReadFile(got); err != nil || !bytes.Equal(b, content) {
		t.Fatalf("attach get wrote %d bytes (%v), want the %d bytes attached", len(b), err, len(content))
	}
	if fi, _ := os.Stat(got); fi.Mode().Perm() != 0o600 {
		t.Errorf("attach get wrote mode %v, want 0600", fi.Mode().Perm())
	}
	mobioErr(t, counsellor, "exists already", "attach", "get", "amina", att.ID[:6], "-o", got)

	// The newcomer removes the counsellor, whose next sync reports it.
	if out := mustMobio(t, newcomer, "share", "revoke", "amina", cid.ID[:6]); !strings.Contains(out, "removed") {
		t.Errorf("share revoke printed %q", out)
	}
	mustMobio(t, newcomer, "bio", "set", "amina", "person.phone", "+49 151 0000", "--source", "self")
	mustMobio(t, newcomer, "sync")
	if out := mustMobio(t, counsellor, "sync"); !strings.Contains(out, "no longer a member") {
		t.Errorf("the counsellor's sync after the revocation printed\n%s\nwant the removal reported", out)
	}
	if out := mustMobio(t, counsellor, "bio", "show", "amina"); strings.Contains(out, "+49 151 0000") {
		t.Error("the removed counsellor received a change written after the removal")
	}
}
