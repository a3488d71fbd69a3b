package keyring

// This file holds the only calls into tink-go, x/crypto and the standard library's
// cryptography. Everything else in the package composes these.

import (
	"crypto/hkdf"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"errors"
	"fmt"

	"github.com/tink-crypto/tink-go/v2/aead/subtle"
	"github.com/tink-crypto/tink-go/v2/hybrid"
	"github.com/tink-crypto/tink-go/v2/hybrid/hpke"
	"github.com/tink-crypto/tink-go/v2/keyset"
	"github.com/tink-crypto/tink-go/v2/signature"
	tinked25519 "github.com/tink-crypto/tink-go/v2/signature/ed25519"
	"github.com/tink-crypto/tink-go/v2/tink"
	"golang.org/x/crypto/argon2"

	"github.com/mobio-sync/mobio/e2ee"
)

// ErrDecrypt is the one error of every failed decryption or authentication of secret data:
// which check failed is not said, so that it cannot serve as an oracle.
var ErrDecrypt = errors.New("keyring: cannot decrypt: wrong key or tampered data")

// hpkeParams are the HPKE parameters of identity keys: X25519, HKDF-SHA256, AES-256-GCM, and no
// tink prefix, so ciphertexts are plain RFC 9180 output.
var hpkeParams = func() *hpke.Parameters {
	p, err := hpke.NewParameters(hpke.ParametersOpts{
		KEMID:   hpke.DHKEM_X25519_HKDF_SHA256,
		KDFID:   hpke.HKDFSHA256,
		AEADID:  hpke.AES256GCM,
		Variant: hpke.VariantNoPrefix,
	})
	if err != nil {
		panic(err)
	}
	return p
}()

// newSigningKeyset makes an Ed25519 keyset whose signatures carry no tink prefix (RAW), so they
// are plain Ed25519 that the standard library and browsers verify.
func newSigningKeyset() (*keyset.Handle, tink.Signer, []byte, error) {
	h, err := keyset.NewHandle(signature.ED25519KeyWithoutPrefixTemplate())
	if err != nil {
		return nil, nil, nil, err
	}
	return signingFromKeyset(h)
}

func signingFromKeyset(h *keyset.Handle) (*keyset.Handle, tink.Signer, []byte, error) {
	s, err := signature.NewSigner(h)
	if err != nil {
		return nil, nil, nil, err
	}
	pub, err := h.Public()
	if err != nil {
		return nil, nil, nil, err
	}
	e, err := pub.Primary()
	if err != nil {
		return nil, nil, nil, err
	}
	k, ok := e.Key().(*tinked25519.PublicKey)
	if !ok || k.OutputPrefix() != nil && len(k.OutputPrefix()) != 0 {
		return nil, nil, nil, fmt.Errorf("keyring: signing keyset is not a raw Ed25519 key")
	}
	return h, s, k.KeyBytes(), nil
}

// newHPKEKeyset makes an X25519 HPKE keyset.
func newHPKEKeyset() (*keyset.Handle, tink.HybridDecrypt, []byte, error) {
	h, err := keyset.NewHandle(hybrid.DHKEM_X25519_HKDF_SHA256_HKDF_SHA256_AES_256_GCM_Raw_Key_Template())
	if err != nil {
		return nil, nil, nil, err
	}
	return hpkeFromKeyset(h)
}

func hpkeFromKeyset(h *keyset.Handle) (*keyset.Handle, tink.HybridDecrypt, []byte, error) {
	d, err := hybrid.NewHybridDecrypt(h)
	if err != nil {
		return nil, nil, nil, err
	}
	pub, err := h.Public()
	if err != nil {
		return nil, nil, nil, err
	}
	e, err := pub.Primary()
	if err != nil {
		return nil, nil, nil, err
	}
	k, ok := e.Key().(*hpke.PublicKey)
	if !ok || len(k.OutputPrefix()) != 0 {
		return nil, nil, nil, fmt.Errorf("keyring: HPKE keyset is not a raw X25519 key")
	}
	return h, d, k.PublicKeyBytes(), nil
}

// hpkeSeal encrypts plaintext to a recipient's raw X25519 public key. info binds the context
// (document, epoch, recipient); tink's HPKE does not authenticate the sender, so callers sign
// what they make.
func hpkeSeal(recipient, plaintext, info []byte) ([]byte, error) {
	pk, err := hpke.NewPublicKey(recipient, 0, hpkeParams)
	if err != nil {
		return nil, fmt.Errorf("keyring: recipient key: %w", err)
	}
	km := keyset.NewManager()
	id, err := km.AddKey(pk)
	if err != nil {
		return nil, err
	}
	if err := km.SetPrimary(id); err != nil {
		return nil, err
	}
	h, err := km.Handle()
	if err != nil {
		return nil, err
	}
	enc, err := hybrid.NewHybridEncrypt(h)
	if err != nil {
		return nil, err
	}
	return enc.Encrypt(plaintext, info)
}

// aesGCMSeal encrypts with AES-256-GCM under a random 96-bit nonce that prefixes the output.
// Epoch keys encrypt few enough messages that random nonces stay far from the 2^32 bound.
func aesGCMSeal(key *[32]byte, plaintext, ad []byte) ([]byte, error) {
	a, err := subtle.NewAESGCM(key[:])
	if err != nil {
		return nil, err
	}
	return a.Encrypt(plaintext, ad)
}

// aesGCMOpen reverses aesGCMSeal; every failure is ErrDecrypt.
func aesGCMOpen(key *[32]byte, ciphertext, ad []byte) ([]byte, error) {
	a, err := subtle.NewAESGCM(key[:])
	if err != nil {
		return nil, ErrDecrypt
	}
	pt, err := a.Decrypt(ciphertext, ad)
	if err != nil {
		return nil, ErrDecrypt
	}
	return pt, nil
}

// derive expands secret into n bytes for the purpose named by label (HKDF-SHA256).
func derive(secret []byte, label string, n int) []byte {
	out, err := hkdf.Key(sha256.New, secret, nil, label, n)
	if err != nil {
		panic(err) // only for n > 255*32, which no caller asks for
	}
	return out
}

// keyCommitment commits to an epoch key for one document and epoch: HMAC-SHA256 keyed by the
// epoch key. Two keys with one commitment would break HMAC, so a header that names the
// commitment names the key.
func keyCommitment(key *[32]byte, doc e2ee.DocID, epoch e2ee.Epoch) e2ee.Hash {
	m := hmac.New(sha256.New, key[:])
	m.Write(e2ee.SignedMessage(e2ee.LabelKeyCommit, doc[:], epochBytes(epoch)))
	var h e2ee.Hash
	copy(h[:], m.Sum(nil))
	return h
}

func epochBytes(e e2ee.Epoch) []byte {
	return []byte{byte(e >> 24), byte(e >> 16), byte(e >> 8), byte(e)}
}

// Argon2Params are the argon2id costs of a passphrase, recorded in each sealed blob.
type Argon2Params struct {
	Time    uint32 // passes
	Memory  uint32 // KiB
	Threads uint8
}

// DefaultArgon2 is chosen for a two-core phone: about half a second and 64 MiB.
var DefaultArgon2 = Argon2Params{Time: 3, Memory: 64 * 1024, Threads: 2}

// maxArgon2 caps the costs read from a sealed blob, which an attacker may have written.
var maxArgon2 = Argon2Params{Time: 16, Memory: 1024 * 1024, Threads: 8}

// stretch derives a 256-bit key from a passphrase with argon2id.
func stretch(passphrase, salt []byte, p Argon2Params) ([32]byte, error) {
	var k [32]byte
	if p.Time == 0 || p.Memory < 8 || p.Threads == 0 || p.Time > maxArgon2.Time || p.Memory > maxArgon2.Memory || p.Threads > maxArgon2.Threads {
		return k, fmt.Errorf("keyring: argon2id parameters out of bounds")
	}
	copy(k[:], argon2.IDKey(passphrase, salt, p.Time, p.Memory, p.Threads, 32))
	return k, nil
}

// random fills b from the operating system's generator.
func random(b []byte) {
	if _, err := rand.Read(b); err != nil {
		panic(err) // crypto/rand does not fail on supported platforms
	}
}
