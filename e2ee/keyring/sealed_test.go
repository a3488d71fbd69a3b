package keyring

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/mobio-sync/mobio/e2ee"
)

// update rewrites golden files: go test ./e2ee/keyring -run Golden -update. Other golden tests of
// the package share it.
var update = flag.Bool("update", false, "rewrite the golden files under e2ee/testdata/v1")

// fastArgon2 keeps unit tests quick: the reader accepts any costs within the caps, and the
// costs do not change what is tested here.
var fastArgon2 = Argon2Params{Time: 1, Memory: 64, Threads: 1}

// goldenArgon2 are the costs of the committed sealed identity: real enough to be a fair
// sample, cheap enough to open in every test run.
var goldenArgon2 = Argon2Params{Time: 1, Memory: 8 * 1024, Threads: 1}

const (
	goldenSealedPath   = "../testdata/v1/identity.sealed"
	goldenKitPath      = "../testdata/v1/identity.kit"
	goldenPassphrase   = "correct horse battery staple"
	sealedFuzzSeedsDir = "testdata/fuzz/FuzzDecodeSealedIdentity"
)

func newTestIdentity(t testing.TB) *Identity {
	t.Helper()
	id, err := NewIdentity()
	if err != nil {
		t.Fatalf("NewIdentity() = %v", err)
	}
	return id
}

func sealFast(t testing.TB, id *Identity, passphrase string) []byte {
	t.Helper()
	b, err := id.sealWithPassphrase([]byte(passphrase), fastArgon2)
	if err != nil {
		t.Fatalf("seal: %v", err)
	}
	return b
}

// checkSameIdentity checks that got holds the private keys of want: same public identity,
// signatures that verify both ways, and lockbox ciphertexts that open.
func checkSameIdentity(t *testing.T, got, want *Identity) {
	t.Helper()
	if !got.Public().Equal(want.Public()) {
		t.Fatalf("opened identity %v, want %v", got.Public(), want.Public())
	}
	for _, signer := range []*Identity{got, want} {
		sig, err := signer.Sign("mobio/test/sealed", []byte("hello"))
		if err != nil {
			t.Fatalf("Sign() = %v", err)
		}
		if !want.Public().Verify(sig, "mobio/test/sealed", []byte("hello")) {
			t.Fatalf("signature of the opened identity does not verify")
		}
	}
	ct, err := hpkeSeal(want.Public().HPKEKey(), []byte("epoch key"), []byte("info"))
	if err != nil {
		t.Fatalf("hpkeSeal() = %v", err)
	}
	pt, err := got.openHPKE(ct, []byte("info"))
	if err != nil || string(pt) != "epoch key" {
		t.Fatalf("openHPKE() = %q, %v, want %q", pt, err, "epoch key")
	}
}

func TestSealedIdentityOpensToTheSameIdentity(t *testing.T) {
	id := newTestIdentity(t)
	dk := NewDeviceKey()
	tests := []struct {
		name string
		seal func() ([]byte, error)
		open func([]byte) (*Identity, error)
	}{
		{
			name: "passphrase opens to the same identity",
			seal: func() ([]byte, error) { return id.sealWithPassphrase([]byte("pass phrase"), fastArgon2) },
			open: func(b []byte) (*Identity, error) { return OpenIdentity(b, []byte("pass phrase")) },
		},
		{
			name: "non-ASCII passphrase opens to the same identity",
			seal: func() ([]byte, error) { return id.sealWithPassphrase([]byte("كلمة السر Passwort"), fastArgon2) },
			open: func(b []byte) (*Identity, error) { return OpenIdentity(b, []byte("كلمة السر Passwort")) },
		},
		{
			name: "device key opens to the same identity",
			seal: func() ([]byte, error) { return id.SealWithKey(dk) },
			open: func(b []byte) (*Identity, error) { return OpenIdentityWithKey(b, dk) },
		},
		{
			name: "device key restored from its bytes opens to the same identity",
			seal: func() ([]byte, error) { return id.SealWithKey(dk) },
			open: func(b []byte) (*Identity, error) {
				k, err := DeviceKeyFromBytes(dk.Bytes())
				if err != nil {
					return nil, err
				}
				return OpenIdentityWithKey(b, k)
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sealed, err := tt.seal()
			if err != nil {
				t.Fatalf("seal: %v", err)
			}
			got, err := tt.open(sealed)
			if err != nil {
				t.Fatalf("open: %v", err)
			}
			checkSameIdentity(t, got, id)
			// An opened identity seals again.
			again, err := got.SealWithKey(dk)
			if err != nil {
				t.Fatalf("SealWithKey() of an opened identity = %v", err)
			}
			if _, err := OpenIdentityWithKey(again, dk); err != nil {
				t.Fatalf("OpenIdentityWithKey() of a resealed identity = %v", err)
			}
		})
	}
}

func TestSealTwiceGivesDifferentBlobs(t *testing.T) {
	id := newTestIdentity(t)
	if a, b := sealFast(t, id, "p"), sealFast(t, id, "p"); bytes.Equal(a, b) {
		t.Fatalf("two seals with one passphrase gave the same bytes; want a fresh salt and nonces")
	}
}

func TestOpenIdentityWrongSecretFails(t *testing.T) {
	id := newTestIdentity(t)
	sealed := sealFast(t, id, "right")
	dk := NewDeviceKey()
	withKey, err := id.SealWithKey(dk)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name    string
		open    func() (*Identity, error)
		want    error
		wantMsg string
	}{
		{"wrong passphrase gives a clear error", func() (*Identity, error) { return OpenIdentity(sealed, []byte("wrong")) },
			ErrWrongPassphrase, "keyring: wrong passphrase or damaged identity file"},
		{"empty passphrase gives a clear error", func() (*Identity, error) { return OpenIdentity(sealed, nil) },
			ErrWrongPassphrase, "keyring: wrong passphrase or damaged identity file"},
		{"passphrase differing in case is wrong", func() (*Identity, error) { return OpenIdentity(sealed, []byte("Right")) },
			ErrWrongPassphrase, "keyring: wrong passphrase or damaged identity file"},
		{"wrong device key cannot decrypt", func() (*Identity, error) { return OpenIdentityWithKey(withKey, NewDeviceKey()) },
			ErrDecrypt, ErrDecrypt.Error()},
		{"device-key blob is not opened by a passphrase", func() (*Identity, error) { return OpenIdentity(withKey, []byte("right")) },
			e2ee.ErrUnsupported, ""},
		{"passphrase blob is not opened by a device key", func() (*Identity, error) { return OpenIdentityWithKey(sealed, dk) },
			e2ee.ErrUnsupported, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := tt.open()
			if !errors.Is(err, tt.want) || got != nil {
				t.Fatalf("open = %v, %v, want nil, %v", got, err, tt.want)
			}
			if tt.wantMsg != "" && err.Error() != tt.wantMsg {
				t.Fatalf("error says %q, want %q", err, tt.wantMsg)
			}
		})
	}
	if !errors.Is(ErrWrongPassphrase, ErrDecrypt) {
		t.Errorf("errors.Is(ErrWrongPassphrase, ErrDecrypt) = false, want true: every failed decryption is ErrDecrypt")
	}
}

func TestSealRejectsBadInput(t *testing.T) {
	id := newTestIdentity(t)
	tests := []struct {
		name       string
		passphrase string
		params     Argon2Params
		want       error
	}{
		{"empty passphrase is refused", "", fastArgon2, nil},
		{"costs above the caps are refused", "p", Argon2Params{Time: maxArgon2.Time + 1, Memory: 64, Threads: 1}, e2ee.ErrTooLarge},
		{"zero passes are refused", "p", Argon2Params{Time: 0, Memory: 64, Threads: 1}, e2ee.ErrMalformed},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b, err := id.sealWithPassphrase([]byte(tt.passphrase), tt.params)
			if err == nil || b != nil || tt.want != nil && !errors.Is(err, tt.want) {
				t.Fatalf("seal = %d bytes, %v, want an error (%v)", len(b), err, tt.want)
			}
		})
	}
}

// Every change of a sealed identity is found: each byte, flipped, gives an error and never
// a panic or an identity.
func TestOpenIdentityTamperedByteFails(t *testing.T) {
	id := newTestIdentity(t)
	dk := NewDeviceKey()
	withKey, err := id.SealWithKey(dk)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name   string
		sealed []byte
		open   func([]byte) (*Identity, error)
	}{
		{"passphrase blob", sealFast(t, id, "p"), func(b []byte) (*Identity, error) { return OpenIdentity(b, []byte("p")) }},
		{"device-key blob", withKey, func(b []byte) (*Identity, error) { return OpenIdentityWithKey(b, dk) }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			if _, err := tt.open(tt.sealed); err != nil {
				t.Fatalf("untampered blob: %v", err)
			}
			for i := range tt.sealed {
				for _, mask := range []byte{0x01, 0x80} {
					b := bytes.Clone(tt.sealed)
					b[i] ^= mask
					got, err := tt.open(b)
					if err == nil || got != nil {
						t.Fatalf("byte %d ^ %#x: open = %v, %v, want an error", i, mask, got, err)
					}
					if !isSealedError(err) {
						t.Fatalf("byte %d ^ %#x: error %v is none of ErrDecrypt and e2ee's sentinels", i, mask, err)
					}
				}
			}
			for _, n := range []int{0, 1, len(tt.sealed) / 2, len(tt.sealed) - 1} {
				if got, err := tt.open(tt.sealed[:n]); err == nil || got != nil {
					t.Fatalf("truncated to %d bytes: open = %v, %v, want an error", n, got, err)
				}
			}
		})
	}
}

func isSealedError(err error) bool {
	for _, e := range []error{ErrDecrypt, e2ee.ErrMalformed, e2ee.ErrUnsupported, e2ee.ErrTooLarge, e2ee.ErrBadSignature} {
		if errors.Is(err, e) {
			return true
		}
	}
	return false
}

// The associated data binds each keyset to its kind and to the public identity, so keysets
// cannot be swapped or moved between blobs.
func TestSealedKeysetsAreBoundToTheirPlace(t *testing.T) {
	dk := NewDeviceKey()
	a, b := newTestIdentity(t), newTestIdentity(t)
	sealedA, err := a.SealWithKey(dk)
	if err != nil {
		t.Fatal(err)
	}
	sealedB, err := b.SealWithKey(dk)
	if err != nil {
		t.Fatal(err)
	}
	sa, _, err := decodeSealed(sealedA)
	if err != nil {
		t.Fatal(err)
	}
	sb, _, err := decodeSealed(sealedB)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name   string
		change func(s *sealedIdentity)
	}{
		{"swapped sign and HPKE keysets", func(s *sealedIdentity) { s.Sign, s.HPKE = s.HPKE, s.Sign }},
		{"signing keyset of another identity", func(s *sealedIdentity) { s.Sign = sb.Sign }},
		{"HPKE keyset of another identity", func(s *sealedIdentity) { s.HPKE = sb.HPKE }},
		{"public identity of another identity", func(s *sealedIdentity) { s.Public = sb.Public }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := *sa
			tt.change(&s)
			blob, err := s.encode()
			if err != nil {
				t.Fatal(err)
			}
			if got, err := OpenIdentityWithKey(blob, dk); !errors.Is(err, ErrDecrypt) {
				t.Fatalf("OpenIdentityWithKey() = %v, %v, want %v", got, err, ErrDecrypt)
			}
		})
	}
}

func TestArgon2CostsAreCheckedBeforeAnyWork(t *testing.T) {
	id := newTestIdentity(t)
	s, _, err := decodeSealed(sealFast(t, id, "p"))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name   string
		params Argon2Params
		want   error
	}{
		{"passes above the cap", Argon2Params{Time: maxArgon2.Time + 1, Memory: 64, Threads: 1}, e2ee.ErrTooLarge},
		{"memory above the cap", Argon2Params{Time: 1, Memory: maxArgon2.Memory + 1, Threads: 1}, e2ee.ErrTooLarge},
		{"threads above the cap", Argon2Params{Time: 1, Memory: 64, Threads: maxArgon2.Threads + 1}, e2ee.ErrTooLarge},
		{"every cost at its maximum plus one", Argon2Params{Time: ^uint32(0), Memory: ^uint32(0), Threads: ^uint8(0)}, e2ee.ErrTooLarge},
		{"zero passes", Argon2Params{Time: 0, Memory: 64, Threads: 1}, e2ee.ErrMalformed},
		{"less than 8 KiB per thread", Argon2Params{Time: 1, Memory: 15, Threads: 2}, e2ee.ErrMalformed},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			bad := *s
			bad.KDF.Time, bad.KDF.Memory, bad.KDF.Threads = tt.params.Time, tt.params.Memory, tt.params.Threads
			blob, err := bad.encode()
			if err != nil {
				t.Fatal(err)
			}
			if _, _, err := decodeSealed(blob); !errors.Is(err, tt.want) {
				t.Fatalf("decodeSealed() = %v, want %v", err, tt.want)
			}
			// A gibibyte for sixteen passes would take many seconds; a refusal takes none.
			start := time.Now()
			_, err = OpenIdentity(blob, []byte("p"))
			if !errors.Is(err, tt.want) {
				t.Fatalf("OpenIdentity() = %v, want %v", err, tt.want)
			}
			if d := time.Since(start); d > time.Second {
				t.Fatalf("OpenIdentity() took %v before refusing, want no key derivation", d)
			}
		})
	}
}

func TestDecodeSealedRejectsMalformed(t *testing.T) {
	id := newTestIdentity(t)
	good := sealFast(t, id, "p")
	s, _, err := decodeSealed(good)
	if err != nil {
		t.Fatal(err)
	}
	encode := func(change func(s *sealedIdentity)) []byte {
		c := *s
		c.KDF.Salt = bytes.Clone(s.KDF.Salt)
		change(&c)
		b, err := c.encode()
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	raw := func(v any) []byte {
		b, err := e2ee.MarshalCanonical(v)
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	tests := []struct {
		name string
		in   []byte
		want error
	}{
		{"empty input", nil, e2ee.ErrMalformed},
		{"not CBOR", []byte("mobio sealed identity"), e2ee.ErrMalformed},
		{"a CBOR array", raw([]int{1, 2, 3}), e2ee.ErrMalformed},
		{"too large", make([]byte, maxSealedSize+1), e2ee.ErrTooLarge},
		{"version 2", encode(func(s *sealedIdentity) { s.Version = 2 }), e2ee.ErrUnsupported},
		{"version 0", encode(func(s *sealedIdentity) { s.Version = 0 }), e2ee.ErrUnsupported},
		{"version 2 with fields unknown to v1", raw(map[int]any{1: 2, 9: "new"}), e2ee.ErrUnsupported},
		{"unknown field", raw(map[int]any{1: 1, 2: map[int]any{1: "device-key"}, 3: s.Public, 4: s.Sign, 5: s.HPKE, 6: 0}), e2ee.ErrMalformed},
		{"zero cost written out", raw(map[int]any{1: 1, 2: map[int]any{1: "device-key", 2: 0}, 3: s.Public, 4: s.Sign, 5: s.HPKE}), e2ee.ErrMalformed},
		{"trailing bytes", append(bytes.Clone(good), 0), e2ee.ErrMalformed},
		{"unknown key derivation", encode(func(s *sealedIdentity) { s.KDF.Name = "scrypt" }), e2ee.ErrUnsupported},
		{"device key with a salt", encode(func(s *sealedIdentity) { s.KDF = sealedKDF{Name: kdfDeviceKey, Salt: make([]byte, 16)} }), e2ee.ErrMalformed},
		{"short salt", encode(func(s *sealedIdentity) { s.KDF.Salt = s.KDF.Salt[:8] }), e2ee.ErrMalformed},
		{"no salt", encode(func(s *sealedIdentity) { s.KDF.Salt = nil }), e2ee.ErrMalformed},
		{"no signing keyset", encode(func(s *sealedIdentity) { s.Sign = nil }), e2ee.ErrMalformed},
		{"no HPKE keyset", encode(func(s *sealedIdentity) { s.HPKE = nil }), e2ee.ErrMalformed},
		{"keyset with an extra protobuf field", encode(func(s *sealedIdentity) { s.Sign = append(bytes.Clone(s.Sign), 0x18, 0x01) }), e2ee.ErrMalformed},
		{"keyset in another protobuf field", encode(func(s *sealedIdentity) { s.HPKE = append([]byte{0x1a}, s.HPKE[1:]...) }), e2ee.ErrMalformed},
		{"short public identity", encode(func(s *sealedIdentity) { s.Public = s.Public[:64] }), e2ee.ErrMalformed},
		{"public identity with a bad binding signature", encode(func(s *sealedIdentity) {
			s.Public = bytes.Clone(s.Public)
			s.Public[len(s.Public)-1] ^= 1
		}), e2ee.ErrBadSignature},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, _, err := decodeSealed(tt.in); !errors.Is(err, tt.want) {
				t.Fatalf("decodeSealed() = %v, want %v", err, tt.want)
			}
			if _, err := OpenIdentity(tt.in, []byte("p")); !errors.Is(err, tt.want) {
				t.Fatalf("OpenIdentity() = %v, want %v", err, tt.want)
			}
		})
	}
}

func TestIsEncryptedKeyset(t *testing.T) {
	tests := []struct {
		name string
		in   []byte
		want bool
	}{
		{"tink's framing", []byte{0x12, 3, 'a', 'b', 'c'}, true},
		{"two-byte length", append([]byte{0x12, 0x80 | 0x04, 0x01}, make([]byte, 132)...), true},
		{"padded length", []byte{0x12, 0x83, 0x00, 'a', 'b', 'c'}, false},
		{"another field", []byte{0x1a, 3, 'a', 'b', 'c'}, false},
		{"length too short", []byte{0x12, 2, 'a', 'b', 'c'}, false},
		{"length too long", []byte{0x12, 4, 'a', 'b', 'c'}, false},
		{"unterminated length", []byte{0x12, 0x80}, false},
		{"empty", nil, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := isEncryptedKeyset(tt.in); got != tt.want {
				t.Fatalf("isEncryptedKeyset(%x) = %v, want %v", tt.in, got, tt.want)
			}
		})
	}
}

func TestDeviceKey(t *testing.T) {
	k := NewDeviceKey()
	if k.Equal(NewDeviceKey()) {
		t.Fatalf("two new device keys are equal")
	}
	again, err := DeviceKeyFromBytes(k.Bytes())
	if err != nil || !again.Equal(k) {
		t.Fatalf("DeviceKeyFromBytes(k.Bytes()) = %v, %v, want a key equal to k", again, err)
	}
	b := k.Bytes()
	b[0] ^= 1
	if again.Equal(k) != true {
		t.Fatalf("changing the slice Bytes returned changed the key")
	}

	bad := []struct {
		name string
		in   []byte
	}{
		{"short", make([]byte, 31)},
		{"long", make([]byte, 33)},
		{"all zeros", make([]byte, 32)},
	}
	for _, tt := range bad {
		t.Run(tt.name+" bytes are refused", func(t *testing.T) {
			if got, err := DeviceKeyFromBytes(tt.in); !errors.Is(err, e2ee.ErrMalformed) || got != nil {
				t.Fatalf("DeviceKeyFromBytes() = %v, %v, want nil, %v", got, err, e2ee.ErrMalformed)
			}
		})
	}
}

func TestDeviceKeyIsRedacted(t *testing.T) {
	raw := bytes.Repeat([]byte{0xab}, 32)
	k, err := DeviceKeyFromBytes(raw)
	if err != nil {
		t.Fatal(err)
	}
	for _, verb := range []string{"%v", "%+v", "%#v", "%s", "%q", "%x", "%X", "%d"} {
		for _, v := range []any{k, *k} {
			out := fmt.Sprintf(verb, v)
			if strings.Contains(strings.ToLower(out), "abab") || strings.Contains(out, "171") || !strings.Contains(out, "REDACTED") {
				t.Errorf("Sprintf(%q, %T) = %q, want it redacted", verb, v, out)
			}
		}
	}
	if got := k.LogValue().String(); got != "REDACTED" {
		t.Errorf("LogValue() = %q, want REDACTED", got)
	}
}

func TestZeroDeviceKeyPanics(t *testing.T) {
	id := newTestIdentity(t)
	tests := []struct {
		name string
		use  func()
	}{
		{"Bytes of a zero key", func() { new(DeviceKey).Bytes() }},
		{"Equal with a zero key", func() { NewDeviceKey().Equal(&DeviceKey{}) }},
		{"SealWithKey with a nil key", func() { _, _ = id.SealWithKey(nil) }},
		{"OpenIdentityWithKey with a zero key", func() { _, _ = OpenIdentityWithKey(nil, new(DeviceKey)) }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			defer func() {
				if recover() == nil {
					t.Fatalf("no panic, want one")
				}
			}()
			tt.use()
		})
	}
}

// TestOpenGoldenSealedIdentity opens the sealed identity committed with v1, forever. Run
// `go test ./e2ee/keyring -run TestOpenGoldenSealedIdentity -update` to rewrite it (only when the format
// gains a version; v1 files must keep opening).
func TestOpenGoldenSealedIdentity(t *testing.T) {
	if *update {
		writeGoldenSealed(t)
	}
	sealed, err := os.ReadFile(goldenSealedPath)
	if err != nil {
		t.Fatal(err)
	}
	s, pub, err := decodeSealed(sealed)
	if err != nil {
		t.Fatalf("decodeSealed(golden) = %v", err)
	}
	if s.KDF.argon2() != goldenArgon2 {
		t.Errorf("golden argon2id costs %+v, want %+v", s.KDF.argon2(), goldenArgon2)
	}
	id, err := OpenIdentity(sealed, []byte(goldenPassphrase))
	if err != nil {
		t.Fatalf("OpenIdentity(golden) = %v", err)
	}
	if !id.Public().Equal(pub) {
		t.Fatalf("golden opened to %v, want the recorded %v", id.Public(), pub)
	}
	checkSameIdentity(t, id, id)
	if _, err := OpenIdentity(sealed, []byte("Correct horse battery staple")); !errors.Is(err, ErrWrongPassphrase) {
		t.Fatalf("OpenIdentity(golden, wrong passphrase) = %v, want %v", err, ErrWrongPassphrase)
	}

	kit, err := os.ReadFile(goldenKitPath)
	if err != nil {
		t.Fatal(err)
	}
	fromKit, err := RestoreFromKit(string(kit), []byte(goldenPassphrase))
	if err != nil {
		t.Fatalf("RestoreFromKit(golden kit) = %v", err)
	}
	if !fromKit.Public().Equal(pub) {
		t.Fatalf("golden kit restored %v, want %v", fromKit.Public(), pub)
	}
	// The kit of the golden blob is a function of the blob: its text must not drift.
	if again, err := id.formatKit(sealed); err != nil || again != string(kit) {
		t.Fatalf("formatKit(golden) = %q, %v, want the committed kit %q", again, err, kit)
	}
}

func writeGoldenSealed(t *testing.T) {
	t.Helper()
	id := newTestIdentity(t)
	sealed, err := id.sealWithPassphrase([]byte(goldenPassphrase), goldenArgon2)
	if err != nil {
		t.Fatal(err)
	}
	kit, err := id.formatKit(sealed)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Dir(goldenSealedPath), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(goldenSealedPath, sealed, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(goldenKitPath, []byte(kit), 0o644); err != nil {
		t.Fatal(err)
	}
	// Seed the fuzzers with the new bytes as well.
	withKey, err := id.SealWithKey(NewDeviceKey())
	if err != nil {
		t.Fatal(err)
	}
	writeFuzzSeed(t, sealedFuzzSeedsDir, "golden-passphrase", sealed)
	writeFuzzSeed(t, sealedFuzzSeedsDir, "device-key", withKey)
	writeFuzzSeed(t, kitFuzzSeedsDir, "golden-kit", []byte(kit))
}

func writeFuzzSeed(t *testing.T, dir, name string, b []byte) {
	t.Helper()
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	seed := fmt.Sprintf("go test fuzz v1\n[]byte(%q)\n", b)
	if err := os.WriteFile(filepath.Join(dir, name), []byte(seed), 0o644); err != nil {
		t.Fatal(err)
	}
}

// FuzzDecodeSealedIdentity decodes the structure of a sealed identity (no key derivation):
// it never panics, and what decodes re-encodes to the same bytes.
func FuzzDecodeSealedIdentity(f *testing.F) {
	if b, err := os.ReadFile(goldenSealedPath); err == nil {
		f.Add(b)
	}
	f.Add([]byte{0xa1, 0x01, 0x01})
	f.Add([]byte{0xa1, 0x01, 0x02})
	f.Fuzz(func(t *testing.T, b []byte) {
		s, pub, err := decodeSealed(b)
		if err != nil {
			if !isSealedError(err) {
				t.Fatalf("decodeSealed() = %v, which is none of the sentinels", err)
			}
			return
		}
		again, err := s.encode()
		if err != nil {
			t.Fatalf("encode() of a decoded blob = %v", err)
		}
		if !bytes.Equal(again, b) {
			t.Fatalf("decode then encode = %x, want %x", again, b)
		}
		if !bytes.Equal(pub.Bytes(), s.Public) {
			t.Fatalf("public identity %x, want the recorded %x", pub.Bytes(), s.Public)
		}
	})
}

// BenchmarkOpenIdentityDefaultArgon2 is what a person waits for when unlocking on a phone:
// argon2id at DefaultArgon2 and two keyset decryptions.
func BenchmarkOpenIdentityDefaultArgon2(b *testing.B) {
	id := newTestIdentity(b)
	sealed, err := id.Seal([]byte("benchmark passphrase"))
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := OpenIdentity(sealed, []byte("benchmark passphrase")); err != nil {
			b.Fatal(err)
		}
	}
}
