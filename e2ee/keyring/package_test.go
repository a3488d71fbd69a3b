package keyring_test

import (
	"bytes"
	"crypto/aes"
	"crypto/cipher"
	"crypto/rand"
	"encoding/binary"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/mobio-sync/mobio/e2ee"
	"github.com/mobio-sync/mobio/e2ee/keyring"
)

func newTestIdentity(t testing.TB) *keyring.Identity {
	t.Helper()
	id, err := keyring.NewIdentity()
	if err != nil {
		t.Fatal(err)
	}
	return id
}

// stdSealPackage seals the way casework/disclosure/FORMAT.md describes, with the standard
// library only, so that the tests check the documented format and can make blobs that
// SealPackage never would (another signer, bad padding).
func stdSealPackage(t testing.TB, packageID [16]byte, key [32]byte, sender []byte, sig []byte, body []byte, padding int) []byte {
	t.Helper()
	inner := append(append(append([]byte{}, sender...), sig...), body...)
	padded := make([]byte, 4+len(inner)+padding)
	binary.BigEndian.PutUint32(padded, uint32(len(inner)))
	copy(padded[4:], inner)
	block, err := aes.NewCipher(key[:])
	if err != nil {
		t.Fatal(err)
	}
	gcm, err := cipher.NewGCM(block)
	if err != nil {
		t.Fatal(err)
	}
	nonce := make([]byte, 12)
	rand.Read(nonce)
	out := append([]byte{keyring.PackageVersion}, nonce...)
	return gcm.Seal(out, nonce, padded, e2ee.SignedMessage(keyring.LabelPackageAD, packageID[:]))
}

// bucket is the padded size of n bytes of length prefix and data (see the envelope padding).
func bucket(n int) int {
	b := 256
	for b < n && b < 64<<10 {
		b <<= 1
	}
	if n > 64<<10 {
		return (n + 64<<10 - 1) / (64 << 10) * (64 << 10)
	}
	return b
}

func TestPackageRoundTripNamesTheSender(t *testing.T) {
	sender := newTestIdentity(t)
	id := [16]byte{1, 2, 3}
	for _, body := range [][]byte{{}, []byte(`{"format":1}`), bytes.Repeat([]byte("x"), 70<<10)} {
		ct, key, err := keyring.SealPackage(sender, id, body)
		if err != nil {
			t.Fatal(err)
		}
		if key == ([32]byte{}) {
			t.Fatal("SealPackage returned a zero key")
		}
		if want := 1 + 12 + 16 + bucket(4+e2ee.IdentityPublicSize+64+len(body)); len(ct) != want {
			t.Errorf("sealed %d bytes of body into %d bytes, want %d (padded to the bucket)", len(body), len(ct), want)
		}
		got, from, err := keyring.OpenPackage(id, key, ct)
		if err != nil {
			t.Fatalf("OpenPackage = %v", err)
		}
		if !bytes.Equal(got, body) || !from.Equal(sender.Public()) {
			t.Errorf("OpenPackage returned %d bytes from %s, want %d bytes from %s", len(got), from.ID().Short(), len(body), sender.ID().Short())
		}
		if bytes.Contains(ct, body) && len(body) > 0 {
			t.Error("the sealed package contains the plaintext")
		}
	}
	// Two seals of the same body use two keys.
	_, k1, _ := keyring.SealPackage(sender, id, []byte("a"))
	_, k2, _ := keyring.SealPackage(sender, id, []byte("a"))
	if k1 == k2 {
		t.Error("two packages got the same key")
	}
}

func TestOpenPackageRefuses(t *testing.T) {
	sender, other := newTestIdentity(t), newTestIdentity(t)
	id := [16]byte{9}
	body := []byte(`{"format":1,"recipient":"EMPLOYER"}`)
	ct, key, err := keyring.SealPackage(sender, id, body)
	if err != nil {
		t.Fatal(err)
	}
	senderBytes := sender.Public().Bytes()
	sigBy := func(who *keyring.Identity, pkg [16]byte, b []byte) []byte {
		sig, err := who.Sign(keyring.LabelPackage, pkg[:], senderBytes, b)
		if err != nil {
			t.Fatal(err)
		}
		return sig
	}
	good := sigBy(sender, id, body)
	if _, _, err := keyring.OpenPackage(id, key, stdSealPackage(t, id, key, senderBytes, good, body, bucket(4+len(senderBytes)+64+len(body))-(4+len(senderBytes)+64+len(body)))); err != nil {
		t.Fatalf("a package sealed as FORMAT.md says does not open: %v", err)
	}
	flipped := func(i int) []byte {
		c := bytes.Clone(ct)
		c[i] ^= 0x80
		return c
	}
	tests := []struct {
		name string
		id   [16]byte
		key  [32]byte
		ct   []byte
	}{
		{"another package's ID", [16]byte{8}, key, ct},
		{"a wrong key", id, [32]byte{1}, ct},
		{"the zero key", id, [32]byte{}, ct},
		{"a flipped version byte", id, key, flipped(0)},
		{"a flipped nonce byte", id, key, flipped(5)},
		{"a flipped ciphertext byte", id, key, flipped(40)},
		{"a flipped tag byte", id, key, flipped(len(ct) - 1)},
		{"truncated", id, key, ct[:len(ct)-1]},
		{"empty", id, key, nil},
		{"version only", id, key, []byte{keyring.PackageVersion}},
		{"signed by someone else in the sender's name", id, key,
			stdSealPackage(t, id, key, senderBytes, sigBy(other, id, body), body, 100)},
		{"signed for another package", id, key,
			stdSealPackage(t, id, key, senderBytes, sigBy(sender, [16]byte{8}, body), body, 100)},
		{"a body other than the signed one", id, key,
			stdSealPackage(t, id, key, senderBytes, good, append(bytes.Clone(body), ' '), 100)},
		{"padding that is not the bucket's", id, key,
			stdSealPackage(t, id, key, senderBytes, good, body, 3)},
		{"no room for a sender", id, key,
			stdSealPackage(t, id, key, nil, nil, []byte("short"), 0)},
		{"oversized", id, key, append(bytes.Clone(ct), make([]byte, keyring.MaxPackageSize)...)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, _, err := keyring.OpenPackage(tt.id, tt.key, tt.ct); !errors.Is(err, keyring.ErrDecrypt) {
				t.Errorf("OpenPackage = %v, want ErrDecrypt", err)
			}
		})
	}
}

func TestSealPackageRefusesOversizedBody(t *testing.T) {
	_, _, err := keyring.SealPackage(newTestIdentity(t), [16]byte{1}, make([]byte, keyring.MaxPackageSize))
	if !errors.Is(err, e2ee.ErrTooLarge) {
		t.Errorf("SealPackage of %d bytes = %v, want ErrTooLarge", keyring.MaxPackageSize, err)
	}
}

// FuzzOpenPackage opens arbitrary blobs under a fixed ID and key: it never panics, and what
// opens was signed by the sender it names (only SealPackage's own output can, so in practice
// nothing the fuzzer makes opens).
func FuzzOpenPackage(f *testing.F) {
	id := [16]byte{1, 2, 3, 4}
	key := [32]byte{5, 6, 7, 8}
	f.Add([]byte{})
	f.Add([]byte{keyring.PackageVersion})
	f.Add(append([]byte{keyring.PackageVersion}, make([]byte, 300)...))
	f.Fuzz(func(t *testing.T, ct []byte) {
		body, sender, err := keyring.OpenPackage(id, key, ct)
		if err != nil {
			if !errors.Is(err, keyring.ErrDecrypt) {
				t.Fatalf("OpenPackage = %v, want ErrDecrypt", err)
			}
			return
		}
		if sender.IsZero() || body == nil {
			t.Fatalf("OpenPackage succeeded without a sender or a body")
		}
	})
}

// TestWritePackageFuzzSeeds writes a real sealed package (its key is the fuzz target's fixed
// key) into the seed corpus, with -update.
func TestWritePackageFuzzSeeds(t *testing.T) {
	// -update is the package's flag for rewriting test data (sealed_test.go, an internal test).
	if f := flag.Lookup("update"); f == nil || f.Value.String() != "true" {
		t.Skip("run with -update to rewrite testdata/fuzz/FuzzOpenPackage/sealed-package")
	}
	dir := filepath.Join("testdata", "fuzz", "FuzzOpenPackage")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	sender := newTestIdentity(t)
	id := [16]byte{1, 2, 3, 4}
	key := [32]byte{5, 6, 7, 8}
	body := []byte(`{"format":1}`)
	sig, err := sender.Sign(keyring.LabelPackage, id[:], sender.Public().Bytes(), body)
	if err != nil {
		t.Fatal(err)
	}
	n := 4 + e2ee.IdentityPublicSize + 64 + len(body)
	blob := stdSealPackage(t, id, key, sender.Public().Bytes(), sig, body, bucket(n)-n)
	if _, _, err := keyring.OpenPackage(id, key, blob); err != nil {
		t.Fatal(err)
	}
	seed := fmt.Sprintf("go test fuzz v1\n[]byte(%q)\n", blob)
	if err := os.WriteFile(filepath.Join(dir, "sealed-package"), []byte(seed), 0o644); err != nil {
		t.Fatal(err)
	}
}
