package main

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/mobio-sync/mobio/e2ee"
)

// newIdentity creates the identity of env's home and returns what id new --json printed.
func newIdentity(t *testing.T, env map[string]string) identityJSON {
	t.Helper()
	var info identityJSON
	out := mustMobio(t, env, "id", "new", "--json")
	if err := json.Unmarshal([]byte(out), &info); err != nil {
		t.Fatalf("mobio id new --json printed invalid JSON: %v\n%s", err, out)
	}
	return info
}

func TestIDNewThenShowPrintTheSameIdentity(t *testing.T) {
	env := testHome(t)
	created := newIdentity(t, env)
	pub, err := e2ee.ParseIdentityText(created.Public)
	if err != nil {
		t.Fatalf("id new printed a public identity that does not parse: %v", err)
	}
	if pub.ID().String() != created.ID || pub.Fingerprint() != created.Fingerprint || pub.QRPayload() != created.QR {
		t.Errorf("id new --json: ID, fingerprint and QR do not belong to the public identity: %+v", created)
	}
	fi, err := os.Stat(created.File)
	if err != nil {
		t.Fatal(err)
	}
	if fi.Mode().Perm() != 0o600 {
		t.Errorf("identity file mode %v, want 0600", fi.Mode().Perm())
	}
	sealed, _ := os.ReadFile(created.File)
	if strings.Contains(string(sealed), testPassphrase) {
		t.Error("the identity file contains the passphrase")
	}

	var shown identityJSON
	if err := json.Unmarshal([]byte(mustMobio(t, env, "id", "show", "--json")), &shown); err != nil {
		t.Fatal(err)
	}
	if shown != created {
		t.Errorf("id show --json = %+v, want what id new printed, %+v", shown, created)
	}

	out := mustMobio(t, env, "id", "show")
	groups := strings.Fields(created.Fingerprint)
	for _, want := range []string{created.ID, created.Public, strings.Join(groups[0:4], " "), strings.Join(groups[4:8], " "), strings.Join(groups[8:12], " ")} {
		if !strings.Contains(out, want) {
			t.Errorf("id show printed\n%s\nwant it to contain %q (fingerprint in lines of four groups)", out, want)
		}
	}
	if out := mustMobio(t, env, "id", "show", "--lang", "de"); !strings.Contains(out, "Fingerabdruck:") {
		t.Errorf("id show --lang de printed\n%s\nwant German labels", out)
	}
}

func idShow(t *testing.T, env map[string]string) identityJSON {
	t.Helper()
	var info identityJSON
	if err := json.Unmarshal([]byte(mustMobio(t, env, "id", "show", "--json")), &info); err != nil {
		t.Fatal(err)
	}
	return info
}

func TestIDNewReplacesAnIdentityOnlyWithForce(t *testing.T) {
	env := testHome(t)
	first := newIdentity(t, env)
	_, _, err := mobio(t, env, "id", "new")
	if !errors.Is(err, errIdentityExists) || !strings.Contains(err.Error(), "--force") {
		t.Fatalf("second id new: %v, want errIdentityExists mentioning --force", err)
	}
	if got := idShow(t, env); got.ID != first.ID {
		t.Fatalf("the refused id new changed the identity: %s, want %s", got.ID, first.ID)
	}
	mustMobio(t, env, "id", "new", "--force")
	if got := idShow(t, env); got.ID == first.ID {
		t.Fatal("id new --force kept the old identity")
	}
}

func TestIDErrorsSayWhatToDo(t *testing.T) {
	env := testHome(t)
	empty := testHome(t)
	newIdentity(t, env)
	wrong := filepath.Join(t.TempDir(), "wrong")
	if err := os.WriteFile(wrong, []byte("not the passphrase\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name    string
		env     map[string]string
		args    []string
		wantIs  error
		wantErr string
	}{
		{name: "no identity yet", env: empty, args: []string{"id", "show"}, wantIs: errNoIdentity, wantErr: "mobio id new"},
		{name: "no identity for bio commands either", env: empty, args: []string{"bio", "list"}, wantIs: errNoIdentity, wantErr: "mobio id import"},
		{name: "wrong passphrase", env: with(env, "MOBIO_PASSPHRASE_FILE", wrong), args: []string{"id", "export"}, wantErr: "Wrong passphrase"},
		{name: "wrong passphrase, in Farsi", env: with(env, "MOBIO_PASSPHRASE_FILE", wrong, "MOBIO_LANG", "fa"), args: []string{"bio", "list"}, wantErr: "عبارت عبور"},
		{name: "a garbled public identity", env: env, args: []string{"id", "fingerprint", "mobio-id1abc"}, wantIs: errNotPublicID, wantErr: "copied whole"},
		{name: "neither identity nor file", env: env, args: []string{"id", "fingerprint", "no-such-file"}, wantIs: errNotPublicID, wantErr: "no-such-file"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, err := mobio(t, tt.env, tt.args...)
			checkErr(t, tt.args, err, tt.wantErr)
			if tt.wantIs != nil && !errors.Is(err, tt.wantIs) {
				t.Errorf("mobio %s: %v, want it to match %v", strings.Join(tt.args, " "), err, tt.wantIs)
			}
		})
	}
}

func TestIDFingerprintOfAnotherIdentity(t *testing.T) {
	env := testHome(t)
	other := newIdentity(t, testHome(t))
	newIdentity(t, env)
	file := filepath.Join(t.TempDir(), "colleague.txt")
	if err := os.WriteFile(file, []byte("Public identity of my colleague:\n  "+other.Public+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, arg := range []string{other.Public, file} {
		out := mustMobio(t, env, "id", "fingerprint", arg)
		if !strings.Contains(out, other.ID) || !strings.Contains(out, strings.Join(strings.Fields(other.Fingerprint)[:4], " ")) {
			t.Errorf("id fingerprint %s printed\n%s\nwant the other identity's ID and fingerprint", arg, out)
		}
		if got := mustMobio(t, env, "id", "fingerprint", arg, "--qr"); got != other.QR+"\n" {
			t.Errorf("id fingerprint --qr printed %q, want the QR payload %q", got, other.QR)
		}
	}
	var own identityJSON
	if err := json.Unmarshal([]byte(mustMobio(t, env, "id", "fingerprint", "--json")), &own); err != nil {
		t.Fatal(err)
	}
	if own.ID == other.ID || own.Fingerprint == "" {
		t.Errorf("id fingerprint without argument = %+v, want this device's identity", own)
	}
}

func TestIDExportImportRestoresTheIdentityElsewhere(t *testing.T) {
	env := testHome(t)
	created := newIdentity(t, env)
	kit := filepath.Join(t.TempDir(), "kit.txt")
	out, errOut, err := mobio(t, env, "id", "export", "-o", kit)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(errOut, "secret") || !strings.Contains(out, kit) {
		t.Errorf("id export -o printed %q and warned %q; want the file named and a warning that the kit is secret", out, errOut)
	}
	fi, err := os.Stat(kit)
	if err != nil {
		t.Fatal(err)
	}
	if fi.Mode().Perm() != 0o600 {
		t.Errorf("kit file mode %v, want 0600", fi.Mode().Perm())
	}
	text, _ := os.ReadFile(kit)
	if !strings.Contains(string(text), "MOBIO RECOVERY KIT") || strings.Contains(string(text), testPassphrase) {
		t.Errorf("kit file is not a recovery kit, or holds the passphrase:\n%s", text)
	}
	if _, _, err := mobio(t, env, "id", "export", "-o", kit); !errors.Is(err, os.ErrExist) {
		t.Errorf("id export over an existing file: %v, want a refusal", err)
	}
	stdoutKit, _, err := mobio(t, env, "id", "export")
	if err != nil || !strings.HasPrefix(stdoutKit, "MOBIO RECOVERY KIT") {
		t.Errorf("id export to standard output: %v, printed %.40q", err, stdoutKit)
	}

	// On a new device, with the same passphrase.
	device := testHome(t)
	restored := identityJSON{}
	if err := json.Unmarshal([]byte(mustMobio(t, device, "id", "import", kit, "--json")), &restored); err != nil {
		t.Fatal(err)
	}
	if restored.ID != created.ID || restored.Public != created.Public {
		t.Fatalf("id import restored %s, want %s", restored.ID, created.ID)
	}
	if got := idShow(t, device); got.ID != created.ID {
		t.Errorf("after import, id show = %s, want %s", got.ID, created.ID)
	}
	if _, _, err := mobio(t, device, "id", "import", kit); !errors.Is(err, errIdentityExists) {
		t.Errorf("second import without --force: %v, want errIdentityExists", err)
	}
}

func TestIDImportReportsTyposAndWrongPassphrase(t *testing.T) {
	env := testHome(t)
	newIdentity(t, env)
	kit := mustMobio(t, env, "id", "export")
	dir := t.TempDir()
	// Change one character of numbered line 2, as a typing mistake would.
	line2 := regexp.MustCompile(`(?m)^02\s+(\S)`)
	loc := line2.FindStringSubmatchIndex(kit)
	if loc == nil {
		t.Fatalf("no line 02 in the kit:\n%s", kit)
	}
	swap := "A"
	if kit[loc[2]] == 'A' {
		swap = "B"
	}
	typo := kit[:loc[2]] + swap + kit[loc[3]:]
	typoFile := filepath.Join(dir, "typo.txt")
	kitFile := filepath.Join(dir, "kit.txt")
	wrong := filepath.Join(dir, "wrong")
	for name, content := range map[string]string{typoFile: typo, kitFile: kit, wrong: "another passphrase\n"} {
		if err := os.WriteFile(name, []byte(content), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	tests := []struct {
		name    string
		env     map[string]string
		file    string
		wantErr string
	}{
		{name: "a typo names its line", env: testHome(t), file: typoFile, wantErr: "line 2"},
		{name: "a wrong passphrase says so", env: with(testHome(t), "MOBIO_PASSPHRASE_FILE", wrong), file: kitFile, wantErr: "Wrong passphrase for this recovery kit"},
		{name: "a file that is no kit", env: testHome(t), file: wrong, wantErr: "not a complete mobio recovery kit"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, err := mobio(t, tt.env, "id", "import", tt.file)
			checkErr(t, []string{"id", "import", tt.file}, err, tt.wantErr)
			if _, err := os.Stat(filepath.Join(tt.env["MOBIO_HOME"], identityFileName)); err == nil {
				t.Error("a failed import wrote an identity")
			}
		})
	}
}

func TestIDShowNeedsNoPassphrase(t *testing.T) {
	env := testHome(t)
	created := newIdentity(t, env)
	pubFile := filepath.Join(env["MOBIO_HOME"], publicFileName)
	fi, err := os.Stat(pubFile)
	if err != nil {
		t.Fatalf("id new wrote no %s: %v", publicFileName, err)
	}
	if fi.Mode().Perm() != 0o644 {
		t.Errorf("%s mode %v, want 0644", publicFileName, fi.Mode().Perm())
	}
	if b, _ := os.ReadFile(pubFile); strings.TrimSpace(string(b)) != created.Public {
		t.Errorf("%s holds %q, want the public identity", publicFileName, b)
	}

	// Without a terminal and without a passphrase file, show and fingerprint still work.
	noTerminal(t)
	locked := with(env, "MOBIO_PASSPHRASE_FILE", "")
	if got := idShow(t, locked); got != created {
		t.Errorf("id show without the passphrase = %+v, want %+v", got, created)
	}
	if out := mustMobio(t, locked, "id", "fingerprint", "--qr"); strings.TrimSpace(out) != created.QR {
		t.Errorf("id fingerprint --qr without the passphrase printed %q, want %q", out, created.QR)
	}

	// A missing or stale file is written again by the next command that unlocks the identity.
	other := newIdentity(t, testHome(t))
	for _, content := range []string{"", other.Public + "\n"} {
		if content == "" {
			os.Remove(pubFile)
		} else {
			os.WriteFile(pubFile, []byte(content), 0o644)
		}
		mustMobio(t, env, "bio", "list")
		if b, _ := os.ReadFile(pubFile); strings.TrimSpace(string(b)) != created.Public {
			t.Errorf("after bio list, %s holds %q, want the identity's public half", publicFileName, b)
		}
	}
	// Without the file, show opens the sealed identity, with the passphrase.
	os.Remove(pubFile)
	if _, _, err := mobio(t, locked, "id", "show"); !errors.Is(err, errNoPassphrase) {
		t.Errorf("id show without %s and without a passphrase: %v, want errNoPassphrase", publicFileName, err)
	}
	if got := idShow(t, env); got != created {
		t.Errorf("id show from the sealed identity = %+v, want %+v", got, created)
	}
	if _, err := os.Stat(pubFile); err != nil {
		t.Errorf("id show did not write %s again: %v", publicFileName, err)
	}
}
