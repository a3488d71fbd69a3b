package keyring

import (
	"bytes"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/mobio-sync/mobio/e2ee"
)

// The committed membership log of v1 (go test ./e2ee/keyring -run GoldenMembership -update
// rewrites it): genesis, add counsellor, invite, redeem, transfer, remove counsellor (epoch 2),
// rotate (epoch 3). Its owner is sealed with a fixed device key so that the test opens the
// lockboxes, the history and the redemption forever.
const (
	goldenLogPath     = "../testdata/v1/membership-log.hex"      // one signed operation per line, hex
	goldenOwnerPath   = "../testdata/v1/membership-owner.sealed" // the owner, sealed with goldenDeviceKey
	goldenCommitsPath = "../testdata/v1/membership-keys.hex"     // each epoch's key commitment, hex, in order
	goldenLockboxPath = "../testdata/v1/lockbox.cbor"            // the owner's lockbox of epoch 3
	goldenLinkPath    = "../testdata/v1/invite-link.txt"         // the invite's link
)

// goldenDeviceKey seals the golden owner: bytes 1..32.
func goldenDeviceKey(t testing.TB) *DeviceKey {
	b := make([]byte, 32)
	for i := range b {
		b[i] = byte(i + 1)
	}
	k, err := DeviceKeyFromBytes(b)
	if err != nil {
		t.Fatal(err)
	}
	return k
}

func TestGoldenMembership(t *testing.T) {
	if *update {
		writeGoldenMembership(t)
	}
	ops := readGoldenLog(t)
	m, err := e2ee.VerifyLog(ops)
	if err != nil {
		t.Fatalf("VerifyLog(golden log) = %v", err)
	}
	if m.Epoch() != 3 || m.Seq() != 7 || len(m.Members(3)) != 3 {
		t.Fatalf("golden log: epoch %d, %d operations, %d members, want 3, 7, 3", m.Epoch(), m.Seq(), len(m.Members(3)))
	}
	sealed, err := os.ReadFile(goldenOwnerPath)
	if err != nil {
		t.Fatal(err)
	}
	owner, err := OpenIdentityWithKey(sealed, goldenDeviceKey(t))
	if err != nil {
		t.Fatalf("OpenIdentityWithKey(golden owner) = %v", err)
	}
	keys, err := OpenKeys(owner, m)
	if err != nil {
		t.Fatalf("OpenKeys(golden owner) = %v", err)
	}
	commits, err := os.ReadFile(goldenCommitsPath)
	if err != nil {
		t.Fatal(err)
	}
	if got := keyCommitments(t, keys); got != string(commits) {
		t.Fatalf("golden key commitments:\n%s\nwant\n%s", got, commits)
	}
	for _, r := range m.Redemptions() {
		if err := CheckRedemption(keys, m, r); err != nil {
			t.Fatalf("CheckRedemption(golden) = %v", err)
		}
	}
	b, err := os.ReadFile(goldenLockboxPath)
	if err != nil {
		t.Fatal(err)
	}
	lb, err := e2ee.DecodeLockbox(b)
	if err != nil {
		t.Fatalf("DecodeLockbox(golden) = %v", err)
	}
	key, err := OpenLockbox(owner, lb, m)
	if err != nil || !key.Equal(keys.Primary()) {
		t.Fatalf("OpenLockbox(golden) = %v, or another key than epoch 3's", err)
	}
	link, err := os.ReadFile(goldenLinkPath)
	if err != nil {
		t.Fatal(err)
	}
	doc, secret, err := ParseInviteLink(string(link))
	if err != nil || doc != m.Doc() {
		t.Fatalf("ParseInviteLink(golden) = %v, %v, want %v", doc, err, m.Doc())
	}
	if _, ok := m.InviteByVerifier(secret.Verifier()); !ok {
		t.Fatalf("golden link's secret matches no invite of the golden log")
	}
}

func readGoldenLog(t testing.TB) [][]byte {
	t.Helper()
	text, err := os.ReadFile(goldenLogPath)
	if err != nil {
		t.Fatal(err)
	}
	var ops [][]byte
	for line := range strings.Lines(string(text)) {
		op, err := hex.DecodeString(strings.TrimSpace(line))
		if err != nil {
			t.Fatalf("golden log: %v", err)
		}
		ops = append(ops, op)
	}
	return ops
}

func keyCommitments(t testing.TB, keys *Keys) string {
	var b strings.Builder
	for _, e := range keys.Epochs() {
		k, _ := keys.Key(e)
		c := k.Commitment()
		fmt.Fprintf(&b, "%d %x\n", e, c[:])
	}
	return b.String()
}

func writeGoldenMembership(t *testing.T) {
	t.Helper()
	setClock(t, 1_795_000_000_000) // 2026-11-19
	d := newTestDoc(t)
	c := d.member(e2ee.RoleCounsellor)
	secret := d.invite(e2ee.RoleViewer, time.UnixMilli(4_102_444_800_000)) // 2100-01-01
	d.mustAppend(RedeemInvite(newTestIdentity(t), d.m(), secret))
	d.mustAppend(Transfer(c, d.m(), d.keysOf(c), newTestIdentity(t).Public(), "consent/1"))
	d.rotated(RemoveMember(d.owner, d.m(), d.keys, c.ID()))
	d.rotated(Rotate(d.owner, d.m(), d.keys))

	sealed, err := d.owner.SealWithKey(goldenDeviceKey(t))
	if err != nil {
		t.Fatal(err)
	}
	var log bytes.Buffer
	for _, op := range d.log.Ops() {
		fmt.Fprintf(&log, "%x\n", op)
	}
	lb, _ := d.m().Lockbox(3, d.owner.ID())
	lbBytes, err := lb.Encode()
	if err != nil {
		t.Fatal(err)
	}
	link := InviteLink("https://relay.example/", d.m().Doc(), secret)
	for path, b := range map[string][]byte{
		goldenLogPath:     log.Bytes(),
		goldenOwnerPath:   sealed,
		goldenCommitsPath: []byte(keyCommitments(t, d.keys)),
		goldenLockboxPath: lbBytes,
		goldenLinkPath:    []byte(link),
	} {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// Seed the fuzzers with the new bytes.
	for i, op := range d.log.Ops() {
		writeSeed(t, "../testdata/fuzz/FuzzDecodeSignedOp", fmt.Sprintf("golden-op-%d", i+1), fmt.Sprintf("[]byte(%q)", op))
	}
	writeSeed(t, "../testdata/fuzz/FuzzDecodeLockbox", "golden-lockbox", fmt.Sprintf("[]byte(%q)", lbBytes))
	writeSeed(t, "testdata/fuzz/FuzzParseInviteLink", "golden-link", fmt.Sprintf("string(%q)", link))
}

// writeSeed writes one seed of a fuzz corpus in Go's corpus format; value is a Go literal.
func writeSeed(t *testing.T, dir, name, value string) {
	t.Helper()
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, name), []byte("go test fuzz v1\n"+value+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
}
