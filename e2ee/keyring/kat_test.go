package keyring_test

// Known-answer tests: e2ee/testdata/v1 holds bytes that version 1 of each format produced from
// fixed inputs. TestKnownAnswerVectorsOpen opens every vector there through the public API only
// (this file is an external test package, so the compiler holds it to that), natively and in the
// browser's js/wasm build (make test-wasm). For envelopes and attachments it also opens the bytes
// with an independent implementation of the format on the standard library, so the format is what
// SECURITY.md says and not only what this code happens to do. A change of any format, or a
// difference between the builds, fails here before it strands stored data.
//
// The vectors are written by the tests that own them, with -update: attachment.* by
// TestAttachmentVectorLayout, envelope.* by TestKnownAnswerEnvelopeOpens, identity.* by
// TestOpenGoldenSealedIdentity, membership-*, lockbox.cbor and invite-link.txt by
// TestGoldenMembership.

import (
	"bytes"
	"crypto/aes"
	"crypto/cipher"
	"crypto/ed25519"
	"crypto/hkdf"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/mobio-sync/mobio/e2ee"
	"github.com/mobio-sync/mobio/e2ee/keyring"
)

// katDir is the directory of the version 1 vectors, relative to this package.
const katDir = "../testdata/v1"

// The fixed inputs of the vectors that are not in the files themselves.
const (
	katPassphrase = "correct horse battery staple" // seals identity.sealed and identity.kit
)

// katDeviceKey seals membership-owner.sealed: bytes 1 to 32.
func katDeviceKey(t *testing.T) *keyring.DeviceKey {
	t.Helper()
	b := make([]byte, 32)
	for i := range b {
		b[i] = byte(i + 1)
	}
	k, err := keyring.DeviceKeyFromBytes(b)
	if err != nil {
		t.Fatalf("DeviceKeyFromBytes = %v", err)
	}
	return k
}

func readKAT(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(katDir, name))
	if err != nil {
		t.Fatalf("read vector: %v", err)
	}
	return b
}

func TestKnownAnswerVectorsOpen(t *testing.T) {
	tests := []struct {
		name  string
		files []string
		open  func(t *testing.T)
	}{
		{"attachment decrypts to its file", []string{"attachment.json", "attachment.enc"}, openAttachmentKAT},
		{"envelope verifies and opens", []string{"envelope.cbor", "envelope.signer", "envelope.key", "envelope.txt"}, openEnvelopeKAT},
		{"sealed identity and recovery kit open with the passphrase", []string{"identity.sealed", "identity.kit"}, openIdentityKAT},
		{"membership log verifies and its lockboxes, history, invite and redemption open", []string{
			"membership-log.hex", "membership-owner.sealed", "membership-keys.hex", "lockbox.cbor", "invite-link.txt",
		}, openMembershipKAT},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, f := range tt.files {
				if _, err := os.Stat(filepath.Join(katDir, f)); err != nil {
					t.Fatalf("vector file missing: %v", err)
				}
			}
			tt.open(t)
		})
	}
}

// attachmentKAT is attachment.json.
type attachmentKAT struct {
	Key             string `json:"key"`
	AD              string `json:"ad_hex"`
	PlaintextLength int    `json:"plaintext_length"`
	PlaintextSHA256 string `json:"plaintext_sha256"`
	ContentID       string `json:"content_id"`
}

func openAttachmentKAT(t *testing.T) {
	var v attachmentKAT
	if err := json.Unmarshal(readKAT(t, "attachment.json"), &v); err != nil {
		t.Fatalf("attachment.json: %v", err)
	}
	ct := readKAT(t, "attachment.enc")
	ad, err := hex.DecodeString(v.AD)
	if err != nil {
		t.Fatalf("ad_hex: %v", err)
	}
	var want e2ee.Hash
	if n, err := hex.Decode(want[:], []byte(v.ContentID)); err != nil || n != len(want) {
		t.Fatalf("content_id %q is not 32 bytes of hex", v.ContentID)
	}
	plaintext := make([]byte, v.PlaintextLength) // byte i is i mod 251
	for i := range plaintext {
		plaintext[i] = byte(i % 251)
	}
	if sum := sha256.Sum256(plaintext); hex.EncodeToString(sum[:]) != v.PlaintextSHA256 {
		t.Fatalf("plaintext_sha256 = %s, want %x", v.PlaintextSHA256, sum)
	}

	key, err := keyring.ImportAttachmentKey(v.Key)
	if err != nil {
		t.Fatalf("ImportAttachmentKey(vector key) = %v", err)
	}
	var got bytes.Buffer
	if err := keyring.DecryptAttachment(&got, bytes.NewReader(ct), key, ad, want); err != nil {
		t.Fatalf("DecryptAttachment(attachment.enc) = %v, want nil", err)
	}
	if !bytes.Equal(got.Bytes(), plaintext) {
		t.Errorf("DecryptAttachment(attachment.enc) gave %d bytes, want the vector's %d", got.Len(), len(plaintext))
	}

	// The same bytes, opened by the format's definition.
	rawKey, err := decodeAttachmentKeyText(v.Key)
	if err != nil {
		t.Fatal(err)
	}
	if sum := sha256.Sum256(ct); sum != want {
		t.Errorf("SHA-256 of attachment.enc = %x, want content_id %v", sum, want)
	}
	pt, err := openAttachmentBySpec(rawKey, ct, e2ee.SignedMessage(e2ee.LabelAttachment, ad))
	if err != nil || !bytes.Equal(pt, plaintext) {
		t.Errorf("independent decryption of attachment.enc = %d bytes, %v, want the vector's %d bytes", len(pt), err, len(plaintext))
	}
}

// decodeAttachmentKeyText reads "mobio-attkey1-" and 32 bytes in lower-case base32.
func decodeAttachmentKeyText(s string) ([]byte, error) {
	const alphabet = "abcdefghijklmnopqrstuvwxyz234567"
	body, ok := strings.CutPrefix(s, "mobio-attkey1-")
	if !ok {
		return nil, fmt.Errorf("key text without prefix")
	}
	var out []byte
	var acc, bits uint
	for _, c := range body {
		i := strings.IndexRune(alphabet, c)
		if i < 0 {
			return nil, fmt.Errorf("key text character %q", c)
		}
		acc, bits = acc<<5|uint(i), bits+5
		if bits >= 8 {
			out = append(out, byte(acc>>(bits-8)))
			bits -= 8
			acc &= 1<<bits - 1
		}
	}
	if len(out) != 32 {
		return nil, fmt.Errorf("key text of %d bytes", len(out))
	}
	return out, nil
}

// openAttachmentBySpec decrypts tink's AES-GCM-HKDF streaming format as mobio v1 uses it:
// a header of length byte (40), 32-byte salt and 7-byte nonce prefix; a segment key
// HKDF-SHA256(key, salt, info = associated data); ciphertext segments of 64 KiB, the first
// shortened by the header, each sealed by AES-256-GCM with nonce prefix ‖ uint32 big-endian
// segment index ‖ 1 for the last segment, 0 otherwise, and no associated data.
func openAttachmentBySpec(key, ct, ad []byte) ([]byte, error) {
	const header, segment = 40, 64 << 10
	if len(ct) < header || ct[0] != header {
		return nil, fmt.Errorf("bad header")
	}
	salt, prefix := ct[1:33], ct[33:40]
	k, err := hkdf.Key(sha256.New, key, salt, string(ad), 32)
	if err != nil {
		return nil, err
	}
	block, err := aes.NewCipher(k)
	if err != nil {
		return nil, err
	}
	gcm, err := cipher.NewGCM(block)
	if err != nil {
		return nil, err
	}
	var out []byte
	rest := ct[header:]
	for i := uint32(0); ; i++ {
		n := segment
		if i == 0 {
			n -= header
		}
		last := len(rest) <= n
		n = min(n, len(rest))
		nonce := binary.BigEndian.AppendUint32(bytes.Clone(prefix), i)
		if last {
			nonce = append(nonce, 1)
		} else {
			nonce = append(nonce, 0)
		}
		out, err = gcm.Open(out, nonce, rest[:n], nil)
		if err != nil {
			return nil, fmt.Errorf("segment %d: %w", i, err)
		}
		if rest = rest[n:]; last {
			return out, nil
		}
	}
}

func openEnvelopeKAT(t *testing.T) {
	raw := readKAT(t, "envelope.cbor")
	signer, err := e2ee.ParseIdentityText(string(readKAT(t, "envelope.signer")))
	if err != nil {
		t.Fatalf("ParseIdentityText(envelope.signer) = %v", err)
	}
	key, err := hex.DecodeString(strings.TrimSpace(string(readKAT(t, "envelope.key"))))
	if err != nil || len(key) != 32 {
		t.Fatalf("envelope.key: %d bytes, %v, want 32 bytes of hex", len(key), err)
	}
	want := readKAT(t, "envelope.txt")

	env, err := e2ee.DecodeEnvelope(raw)
	if err != nil {
		t.Fatalf("DecodeEnvelope(envelope.cbor) = %v", err)
	}
	h := env.Header
	m := e2ee.StaticMembership(h.Doc, h.Epoch, e2ee.Member{Identity: signer, Role: e2ee.RoleOwner})
	v, err := e2ee.Verify(raw, m)
	if err != nil {
		t.Fatalf("Verify(envelope.cbor) = %v", err)
	}
	if v.Header().Author != signer.ID() || !bytes.Equal(v.HeaderBytes(), env.HeaderBytes) {
		t.Errorf("Verify(envelope.cbor): author %s, want the signer %s", v.Header().Author.Short(), signer.ID().Short())
	}
	// keyring has no constructor of an EpochKey from bytes (keys come from lockboxes), so the
	// envelope is opened by the format's definition; the membership vector opens envelopes'
	// keys through the public API.

	// Signature: plain Ed25519 over SignedMessage("mobio/v1/envelope", header, ciphertext).
	if !ed25519.Verify(signer.SigningKey(), e2ee.SignedMessage(e2ee.LabelEnvelope, env.HeaderBytes, env.Ciphertext), env.Signature) {
		t.Errorf("Ed25519 signature of envelope.cbor does not verify by the standard library")
	}
	// Key commitment: HMAC-SHA256 keyed by the epoch key over SignedMessage("mobio/v1/key-commit",
	// document, epoch as 4 bytes big-endian).
	mac := hmac.New(sha256.New, key)
	mac.Write(e2ee.SignedMessage(e2ee.LabelKeyCommit, h.Doc[:], binary.BigEndian.AppendUint32(nil, uint32(h.Epoch))))
	if got := e2ee.Hash(mac.Sum(nil)); got != h.KeyCommit {
		t.Errorf("key commitment of envelope.key = %v, header says %v", got, h.KeyCommit)
	}
	// Payload: AES-256-GCM, nonce ‖ ciphertext ‖ tag, associated data SignedMessage(
	// "mobio/v1/envelope-ad", header); then a 4-byte big-endian length, the data and zeros.
	block, err := aes.NewCipher(key)
	if err != nil {
		t.Fatal(err)
	}
	gcm, err := cipher.NewGCM(block)
	if err != nil {
		t.Fatal(err)
	}
	if len(env.Ciphertext) < gcm.NonceSize() {
		t.Fatalf("envelope ciphertext of %d bytes", len(env.Ciphertext))
	}
	padded, err := gcm.Open(nil, env.Ciphertext[:gcm.NonceSize()], env.Ciphertext[gcm.NonceSize():],
		e2ee.SignedMessage(e2ee.LabelEnvelopeAD, env.HeaderBytes))
	if err != nil {
		t.Fatalf("independent decryption of envelope.cbor = %v", err)
	}
	if len(padded) < 4 || int(binary.BigEndian.Uint32(padded)) > len(padded)-4 {
		t.Fatalf("envelope.cbor opened to %d bytes without a valid length prefix", len(padded))
	}
	n := binary.BigEndian.Uint32(padded)
	if data, padding := padded[4:4+n], padded[4+n:]; !bytes.Equal(data, want) || len(bytes.Trim(padding, "\x00")) != 0 {
		t.Errorf("envelope.cbor opened to %q and %d bytes of padding, want %q and zeros", data, len(padding), want)
	}
}

func openIdentityKAT(t *testing.T) {
	sealed := readKAT(t, "identity.sealed")
	id, err := keyring.OpenIdentity(sealed, []byte(katPassphrase))
	if err != nil {
		t.Fatalf("OpenIdentity(identity.sealed) = %v", err)
	}
	fromKit, err := keyring.RestoreFromKit(string(readKAT(t, "identity.kit")), []byte(katPassphrase))
	if err != nil {
		t.Fatalf("RestoreFromKit(identity.kit) = %v", err)
	}
	if !fromKit.Public().Equal(id.Public()) {
		t.Errorf("identity.kit restores %s, identity.sealed opens %s; want one identity", fromKit.ID().Short(), id.ID().Short())
	}
	if _, err := keyring.OpenIdentity(sealed, []byte(katPassphrase+"!")); err != keyring.ErrWrongPassphrase {
		t.Errorf("OpenIdentity(identity.sealed, wrong passphrase) = %v, want ErrWrongPassphrase", err)
	}
	// The opened identity signs what its public half verifies.
	sig, err := id.Sign(e2ee.LabelAuth, []byte("challenge"))
	if err != nil || !id.Public().Verify(sig, e2ee.LabelAuth, []byte("challenge")) {
		t.Errorf("identity from identity.sealed: Sign = %v, or its signature does not verify", err)
	}
}

func openMembershipKAT(t *testing.T) {
	var ops [][]byte
	for line := range strings.Lines(string(readKAT(t, "membership-log.hex"))) {
		op, err := hex.DecodeString(strings.TrimSpace(line))
		if err != nil {
			t.Fatalf("membership-log.hex: %v", err)
		}
		ops = append(ops, op)
	}
	m, err := e2ee.VerifyLog(ops)
	if err != nil {
		t.Fatalf("VerifyLog(membership-log.hex) = %v", err)
	}
	if doc, err := e2ee.GenesisDocID(ops[0]); err != nil || doc != m.Doc() {
		t.Errorf("GenesisDocID(first operation) = %v, %v, want the log's document %v", doc, err, m.Doc())
	}
	owner, err := keyring.OpenIdentityWithKey(readKAT(t, "membership-owner.sealed"), katDeviceKey(t))
	if err != nil {
		t.Fatalf("OpenIdentityWithKey(membership-owner.sealed) = %v", err)
	}
	keys, err := keyring.OpenKeys(owner, m)
	if err != nil {
		t.Fatalf("OpenKeys(owner) = %v", err)
	}
	var commits strings.Builder
	for _, e := range keys.Epochs() {
		k, err := keys.Key(e)
		if err != nil {
			t.Fatalf("Keys.Key(%d) = %v", e, err)
		}
		c := k.Commitment()
		fmt.Fprintf(&commits, "%d %x\n", e, c[:])
	}
	if want := string(readKAT(t, "membership-keys.hex")); commits.String() != want {
		t.Errorf("key commitments of the epochs the owner opens:\n%swant (membership-keys.hex)\n%s", commits.String(), want)
	}
	for _, r := range m.Redemptions() {
		if err := keyring.CheckRedemption(keys, m, r); err != nil {
			t.Errorf("CheckRedemption = %v, want nil", err)
		}
	}
	lb, err := e2ee.DecodeLockbox(readKAT(t, "lockbox.cbor"))
	if err != nil {
		t.Fatalf("DecodeLockbox(lockbox.cbor) = %v", err)
	}
	key, err := keyring.OpenLockbox(owner, lb, m)
	if err != nil {
		t.Fatalf("OpenLockbox(lockbox.cbor) = %v", err)
	}
	if !key.Equal(keys.Primary()) {
		t.Errorf("lockbox.cbor opens to another key than the current epoch's")
	}
	doc, secret, err := keyring.ParseInviteLink(strings.TrimSpace(string(readKAT(t, "invite-link.txt"))))
	if err != nil || doc != m.Doc() {
		t.Fatalf("ParseInviteLink(invite-link.txt) = %v, %v, want document %v", doc, err, m.Doc())
	}
	if _, ok := m.InviteByVerifier(secret.Verifier()); !ok {
		t.Errorf("invite-link.txt's secret matches no invite of the log")
	}
}
