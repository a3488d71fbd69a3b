package keyring

import (
	"bytes"
	"crypto/subtle"
	"errors"
	"fmt"
	"log/slog"

	"github.com/fxamacker/cbor/v2"

	"github.com/mobio-sync/mobio/e2ee"
)

// A sealed identity is the one form in which an identity's private keys are written down. It
// is canonical CBOR with integer keys:
//
//	1: version (1)
//	2: how the sealing key is made, a map:
//	     1: "argon2id", 2: passes, 3: memory in KiB, 4: threads, 5: 16-byte salt
//	  or 1: "device-key" and nothing else
//	3: the public identity ([e2ee.IdentityPublic.Bytes])
//	4: the Ed25519 keyset, encrypted by tink (binary EncryptedKeyset)
//	5: the HPKE keyset, encrypted by tink (binary EncryptedKeyset)
//
// Each keyset is encrypted with tink's keyset encryption under AES-256-GCM with the sealing key,
// and the associated data binds the format version, the kind of key ("sign" or "hpke") and the
// public identity bytes: a keyset cannot be moved into another blob or swapped for the other
// kind. The rules of the format follow e2ee's: keys are never reused, new fields are optional,
// an unknown version is rejected and never guessed at.
const sealedVersion = 1

// Ways of making the sealing key, recorded in the blob.
const (
	kdfArgon2id  = "argon2id"
	kdfDeviceKey = "device-key"
)

// Kinds of keyset, bound into the associated data.
const (
	keysetSign = "sign"
	keysetHPKE = "hpke"
)

const (
	// saltSize is the length of the argon2id salt: 128 random bits, as RFC 9106 recommends.
	saltSize = 16
	// maxSealedSize caps a sealed identity before any decoding. A real one has under 700
	// bytes; the cap leaves room for later versions and bounds what a damaged file costs.
	maxSealedSize = 16 << 10
)

// ErrWrongPassphrase is returned by [OpenIdentity] and [RestoreFromKit] when the keys do not
// decrypt. A wrong passphrase and a damaged encrypted part cannot be told apart (that is what
// authenticated encryption is for), so the message names both. It matches [ErrDecrypt] with
// errors.Is.
var ErrWrongPassphrase error = wrongPassphraseError{}

type wrongPassphraseError struct{}

func (wrongPassphraseError) Error() string {
	return "keyring: wrong passphrase or damaged identity file"
}

func (wrongPassphraseError) Is(target error) bool { return target == ErrDecrypt }

// sealedIdentity is the CBOR form of a sealed identity; see sealedVersion.
type sealedIdentity struct {
	Version uint64    `cbor:"1,keyasint"`
	KDF     sealedKDF `cbor:"2,keyasint"`
	Public  []byte    `cbor:"3,keyasint"`
	Sign    []byte    `cbor:"4,keyasint"`
	HPKE    []byte    `cbor:"5,keyasint"`
}

// sealedKDF records how the sealing key is made. Argon2id costs are stored with each blob, so
// that DefaultArgon2 can rise later without breaking files sealed before.
type sealedKDF struct {
	Name    string `cbor:"1,keyasint"`
	Time    uint32 `cbor:"2,keyasint,omitempty"`
	Memory  uint32 `cbor:"3,keyasint,omitempty"`
	Threads uint8  `cbor:"4,keyasint,omitempty"`
	Salt    []byte `cbor:"5,keyasint,omitempty"`
}

func (k sealedKDF) argon2() Argon2Params {
	return Argon2Params{Time: k.Time, Memory: k.Memory, Threads: k.Threads}
}

// sealedVersionMode reads only the version, ignoring every other field, so that a blob of a
// later version is reported as unsupported rather than malformed.
var sealedVersionMode = func() cbor.DecMode {
	m, err := cbor.DecOptions{IndefLength: cbor.IndefLengthForbidden, TagsMd: cbor.TagsForbidden, MaxNestedLevels: 4}.DecMode()
	if err != nil {
		panic(err)
	}
	return m
}()

func (s *sealedIdentity) encode() ([]byte, error) { return e2ee.MarshalCanonical(s) }

// decodeSealed decodes and checks the structure of a sealed identity without any key
// derivation: the version, the KDF and its costs against maxArgon2, the framing of both
// keysets, the public identity and its binding signature, and that the bytes are the
// canonical encoding. Errors never say which
// byte was wrong.
func decodeSealed(b []byte) (*sealedIdentity, e2ee.IdentityPublic, error) {
	var pub e2ee.IdentityPublic
	if len(b) > maxSealedSize {
		return nil, pub, fmt.Errorf("%w: sealed identity of %d bytes, at most %d", e2ee.ErrTooLarge, len(b), maxSealedSize)
	}
	var v struct {
		Version uint64 `cbor:"1,keyasint"`
	}
	if err := sealedVersionMode.Unmarshal(b, &v); err != nil {
		return nil, pub, fmt.Errorf("%w: sealed identity is not a CBOR map", e2ee.ErrMalformed)
	}
	if v.Version != sealedVersion {
		return nil, pub, fmt.Errorf("%w: sealed identity version %d", e2ee.ErrUnsupported, v.Version)
	}
	s := new(sealedIdentity)
	if err := e2ee.UnmarshalCanonical(b, s, "sealed identity"); err != nil {
		return nil, pub, err
	}
	if err := checkKDF(s.KDF); err != nil {
		return nil, pub, err
	}
	if len(s.Sign) == 0 || len(s.HPKE) == 0 {
		return nil, pub, fmt.Errorf("%w: sealed identity lacks a keyset", e2ee.ErrMalformed)
	}
	// tink's binary writer emits one protobuf field (tag 0x12, a length, the ciphertext);
	// anything else would be a second encoding of the same blob.
	if !isEncryptedKeyset(s.Sign) || !isEncryptedKeyset(s.HPKE) {
		return nil, pub, fmt.Errorf("%w: encrypted keyset framing", e2ee.ErrMalformed)
	}
	pub, err := e2ee.ParseIdentityPublic(s.Public)
	if err != nil {
		return nil, pub, fmt.Errorf("sealed identity: %w", err)
	}
	return s, pub, nil
}

// checkKDF checks the recorded key derivation. Argon2id costs come from a file an attacker may
// have written, so they are capped here, before any work.
func checkKDF(k sealedKDF) error {
	switch k.Name {
	case kdfArgon2id:
		if len(k.Salt) != saltSize {
			return fmt.Errorf("%w: argon2id salt of %d bytes, want %d", e2ee.ErrMalformed, len(k.Salt), saltSize)
		}
		return checkArgon2(k.argon2())
	case kdfDeviceKey:
		if k.Time != 0 || k.Memory != 0 || k.Threads != 0 || k.Salt != nil {
			return fmt.Errorf("%w: device-key sealing takes no parameters", e2ee.ErrMalformed)
		}
		return nil
	}
	return fmt.Errorf("%w: sealed with an unknown key derivation", e2ee.ErrUnsupported)
}

// checkArgon2 accepts costs from the minimum argon2id allows up to maxArgon2.
func checkArgon2(p Argon2Params) error {
	if p.Time > maxArgon2.Time || p.Memory > maxArgon2.Memory || p.Threads > maxArgon2.Threads {
		return fmt.Errorf("%w: argon2id costs t=%d m=%dKiB p=%d above the caps t=%d m=%dKiB p=%d",
			e2ee.ErrTooLarge, p.Time, p.Memory, p.Threads, maxArgon2.Time, maxArgon2.Memory, maxArgon2.Threads)
	}
	// RFC 9106 §3.1: at least one pass, one lane, and 8 KiB per lane.
	if p.Time == 0 || p.Threads == 0 || p.Memory < 8*uint32(p.Threads) {
		return fmt.Errorf("%w: argon2id costs t=%d m=%dKiB p=%d below the minimum", e2ee.ErrMalformed, p.Time, p.Memory, p.Threads)
	}
	return nil
}

// keysetAD is the associated data of one sealed keyset.
func keysetAD(kind string, public []byte) []byte {
	return e2ee.SignedMessage(e2ee.LabelSealedIdentity, []byte{sealedVersion}, []byte(kind), public)
}

// Seal encrypts the identity's private keys under passphrase for storage on this device, with
// argon2id at [DefaultArgon2] costs (recorded in the result, so a later default does not
// break it). Open the result with [OpenIdentity]. The passphrase must not be empty.
func (id *Identity) Seal(passphrase []byte) ([]byte, error) {
	return id.sealWithPassphrase(passphrase, DefaultArgon2)
}

func (id *Identity) sealWithPassphrase(passphrase []byte, p Argon2Params) ([]byte, error) {
	id.mustPublic()
	if len(passphrase) == 0 {
		return nil, errors.New("seal identity: empty passphrase")
	}
	if err := checkArgon2(p); err != nil {
		return nil, fmt.Errorf("seal identity: %w", err)
	}
	kdf := sealedKDF{Name: kdfArgon2id, Time: p.Time, Memory: p.Memory, Threads: p.Threads, Salt: make([]byte, saltSize)}
	random(kdf.Salt)
	key, err := stretch(passphrase, kdf.Salt, p)
	if err != nil {
		return nil, fmt.Errorf("seal identity: %w", err)
	}
	defer clear(key[:])
	return id.seal(kdf, &key)
}

// SealWithKey encrypts the identity's private keys under a device key, for platforms whose
// keystore holds a key for the app (Android Keystore, iOS Keychain, a browser's non-extractable
// key). Open the result with [OpenIdentityWithKey].
func (id *Identity) SealWithKey(key *DeviceKey) ([]byte, error) {
	id.mustPublic()
	k := key.sealingKey()
	defer clear(k[:])
	return id.seal(sealedKDF{Name: kdfDeviceKey}, &k)
}

func (id *Identity) seal(kdf sealedKDF, key *[32]byte) ([]byte, error) {
	s := sealedIdentity{Version: sealedVersion, KDF: kdf, Public: id.public.Bytes()}
	var sign, hpke bytes.Buffer
	if err := sealKeyset(&sign, id.signKeys, key, keysetAD(keysetSign, s.Public)); err != nil {
		return nil, fmt.Errorf("seal identity: %w", err)
	}
	if err := sealKeyset(&hpke, id.hpkeKeys, key, keysetAD(keysetHPKE, s.Public)); err != nil {
		return nil, fmt.Errorf("seal identity: %w", err)
	}
	s.Sign, s.HPKE = sign.Bytes(), hpke.Bytes()
	b, err := s.encode()
	if err != nil {
		return nil, fmt.Errorf("seal identity: %w", err)
	}
	return b, nil
}

// OpenIdentity decrypts an identity sealed by [Identity.Seal]. A wrong passphrase, or a damaged
// encrypted part, gives [ErrWrongPassphrase]; a damaged structure gives an error that wraps
// [e2ee.ErrMalformed]; argon2id costs above the caps give [e2ee.ErrTooLarge] before any work.
func OpenIdentity(sealed, passphrase []byte) (*Identity, error) {
	s, pub, err := decodeSealed(sealed)
	if err != nil {
		return nil, fmt.Errorf("open identity: %w", err)
	}
	if s.KDF.Name != kdfArgon2id {
		return nil, fmt.Errorf("open identity: %w: sealed with a device key, not a passphrase", e2ee.ErrUnsupported)
	}
	key, err := stretch(passphrase, s.KDF.Salt, s.KDF.argon2())
	if err != nil {
		return nil, fmt.Errorf("open identity: %w", err)
	}
	defer clear(key[:])
	id, err := s.open(&key, pub)
	if errors.Is(err, ErrDecrypt) {
		return nil, ErrWrongPassphrase
	}
	return id, err
}

// OpenIdentityWithKey decrypts an identity sealed by [Identity.SealWithKey]. A wrong key, or a
// damaged encrypted part, gives [ErrDecrypt].
func OpenIdentityWithKey(sealed []byte, key *DeviceKey) (*Identity, error) {
	key.mustSet()
	s, pub, err := decodeSealed(sealed)
	if err != nil {
		return nil, fmt.Errorf("open identity: %w", err)
	}
	if s.KDF.Name != kdfDeviceKey {
		return nil, fmt.Errorf("open identity: %w: sealed with a passphrase, not a device key", e2ee.ErrUnsupported)
	}
	k := key.sealingKey()
	defer clear(k[:])
	return s.open(&k, pub)
}

// open decrypts both keysets, rebuilds the identity and checks that it is the recorded one.
// A failed decryption is ErrDecrypt and nothing more.
func (s *sealedIdentity) open(key *[32]byte, pub e2ee.IdentityPublic) (*Identity, error) {
	// Step 1. Decrypt (decodeSealed checked the framing).
	sh, err := openKeyset(bytes.NewReader(s.Sign), key, keysetAD(keysetSign, s.Public))
	if err != nil {
		return nil, err
	}
	hh, err := openKeyset(bytes.NewReader(s.HPKE), key, keysetAD(keysetHPKE, s.Public))
	if err != nil {
		return nil, err
	}
	// Step 2. Rebuild. The keysets authenticated under the right key, so a failure from here on
	// means the sealer wrote something wrong, not that a guess came close.
	if sh.Len() != 1 || hh.Len() != 1 {
		return nil, fmt.Errorf("open identity: %w: a sealed keyset holds more than one key", e2ee.ErrMalformed)
	}
	sh, signer, signPub, err := signingFromKeyset(sh)
	if err != nil {
		return nil, fmt.Errorf("open identity: %w: signing keyset", e2ee.ErrMalformed)
	}
	hh, dec, hpkePub, err := hpkeFromKeyset(hh)
	if err != nil {
		return nil, fmt.Errorf("open identity: %w: HPKE keyset", e2ee.ErrMalformed)
	}
	id, err := assemble(sh, signer, signPub, hh, dec, hpkePub)
	if err != nil {
		return nil, fmt.Errorf("open identity: %w", err)
	}
	// Step 3. The keys must be those of the recorded public identity.
	if !id.public.Equal(pub) {
		return nil, fmt.Errorf("open identity: %w: keys do not match the recorded public identity", e2ee.ErrMalformed)
	}
	return id, nil
}

// isEncryptedKeyset reports whether b is exactly what tink's binary writer makes of an
// encrypted keyset: protobuf field 2 (encrypted_keyset, length-delimited) and nothing else.
func isEncryptedKeyset(b []byte) bool {
	if len(b) < 2 || b[0] != 0x12 {
		return false
	}
	n, size := uvarint(b[1:])
	return size > 0 && n == uint64(len(b)-1-size) && (size == 1 || b[size] != 0)
}

// uvarint decodes a protobuf varint, returning its size in bytes, or 0 if b does not start
// with one. The check above rejects padded encodings: a varint ends with a non-zero byte
// unless it is the single byte 0.
func uvarint(b []byte) (uint64, int) {
	var n uint64
	for i := 0; i < len(b) && i < 10; i++ {
		n |= uint64(b[i]&0x7f) << (7 * i)
		if b[i] < 0x80 {
			return n, i + 1
		}
	}
	return 0, 0
}

// DeviceKey is a 256-bit key that a platform keystore holds for the app, used to seal an
// identity at rest with [Identity.SealWithKey] instead of a passphrase.
type DeviceKey struct {
	_   [0]func() // not comparable: use Equal
	key [32]byte
	set bool
}

// NewDeviceKey returns a fresh random device key. Store it with [DeviceKey.Bytes] in the
// platform keystore.
func NewDeviceKey() *DeviceKey {
	k := &DeviceKey{set: true}
	random(k.key[:])
	return k
}

// DeviceKeyFromBytes returns the device key whose bytes a platform keystore returned; b must
// be 32 bytes, not all zero.
func DeviceKeyFromBytes(b []byte) (*DeviceKey, error) {
	k := &DeviceKey{set: true}
	if len(b) != len(k.key) {
		return nil, fmt.Errorf("%w: device key of %d bytes, want %d", e2ee.ErrMalformed, len(b), len(k.key))
	}
	copy(k.key[:], b)
	if k.key == [32]byte{} {
		return nil, fmt.Errorf("%w: device key is all zeros", e2ee.ErrMalformed)
	}
	return k, nil
}

// Bytes returns a copy of the key, to hand to the platform keystore and nowhere else.
func (k *DeviceKey) Bytes() []byte {
	k.mustSet()
	return bytes.Clone(k.key[:])
}

// Equal reports, in constant time, whether k and o are the same key.
func (k *DeviceKey) Equal(o *DeviceKey) bool {
	k.mustSet()
	o.mustSet()
	return subtle.ConstantTimeCompare(k.key[:], o.key[:]) == 1
}

// sealingKey derives the key that seals identities, so that a keystore key that also serves
// another purpose is never used twice for the same thing.
func (k *DeviceKey) sealingKey() [32]byte {
	k.mustSet()
	var out [32]byte
	copy(out[:], derive(k.key[:], e2ee.LabelSealedDeviceKey, len(out)))
	return out
}

func (k *DeviceKey) mustSet() {
	if k == nil || !k.set {
		panic("keyring: use of a zero DeviceKey")
	}
}

// LogValue keeps device keys out of logs.
func (DeviceKey) LogValue() slog.Value { return slog.StringValue("REDACTED") }

// String keeps device keys out of fmt output.
func (DeviceKey) String() string { return "keyring.DeviceKey(REDACTED)" }

// Format keeps device keys out of fmt output with every verb, %#v and %x included.
func (k DeviceKey) Format(f fmt.State, _ rune) { fmt.Fprint(f, k.String()) }
