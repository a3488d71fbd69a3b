//go:build !js

package keyring

// This file holds every call into tink-go, the project's cryptography library, which all
// builds but the browser's use. The browser's js/wasm build uses primitives_std.go instead,
// which makes the same bytes with the standard library.

import (
	"fmt"
	"io"

	"github.com/tink-crypto/tink-go/v2/aead/subtle"
	"github.com/tink-crypto/tink-go/v2/hybrid"
	"github.com/tink-crypto/tink-go/v2/hybrid/hpke"
	"github.com/tink-crypto/tink-go/v2/keyset"
	"github.com/tink-crypto/tink-go/v2/signature"
	tinked25519 "github.com/tink-crypto/tink-go/v2/signature/ed25519"
	streamsubtle "github.com/tink-crypto/tink-go/v2/streamingaead/subtle"
	"github.com/tink-crypto/tink-go/v2/tink"
)

// keysetHandle is how this build holds an identity's private keyset.
type keysetHandle = *keyset.Handle

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
	k, err := rawPublicKey[*tinked25519.PublicKey](h, "Ed25519")
	if err != nil {
		return nil, nil, nil, err
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
	k, err := rawPublicKey[*hpke.PublicKey](h, "X25519 HPKE")
	if err != nil {
		return nil, nil, nil, err
	}
	return h, d, k.PublicKeyBytes(), nil
}

// rawPublicKey returns the public key of h's primary key as a K, and refuses a key of another
// type or one whose output carries a tink prefix: mobio's formats hold plain keys and outputs.
func rawPublicKey[K interface{ OutputPrefix() []byte }](h *keyset.Handle, what string) (K, error) {
	var zero K
	pub, err := h.Public()
	if err != nil {
		return zero, err
	}
	e, err := pub.Primary()
	if err != nil {
		return zero, err
	}
	k, ok := e.Key().(K)
	if !ok || len(k.OutputPrefix()) != 0 {
		return zero, fmt.Errorf("keyring: keyset is not a raw %s key", what)
	}
	return k, nil
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

// attachmentStream is tink's streaming AEAD AES-GCM-HKDF with a 256-bit main key, HKDF-SHA256
// and AES-256-GCM segment keys. Each stream draws a fresh random salt and nonce prefix, so one
// key may encrypt more than one stream; segment nonces carry the segment's index and a
// last-segment flag, which is how truncation and reordering of segments are detected. The
// associated data enters the HKDF derivation of the stream's key.
func attachmentStream(key *[32]byte) (*streamsubtle.AESGCMHKDF, error) {
	return streamsubtle.NewAESGCMHKDF(key[:], "SHA256", 32, attachmentSegmentSize, 0)
}

// attachmentEncrypter returns a writer that encrypts into w; Close writes the last segment.
func attachmentEncrypter(key *[32]byte, w io.Writer, ad []byte) (io.WriteCloser, error) {
	s, err := attachmentStream(key)
	if err != nil {
		return nil, err
	}
	return s.NewEncryptingWriter(w, ad)
}

// attachmentDecrypter returns a reader of the plaintext of the stream r. It releases a
// segment's plaintext only after that segment authenticated, and fails at the end of a
// truncated stream because the last segment it sees lacks the last-segment flag.
func attachmentDecrypter(key *[32]byte, r io.Reader, ad []byte) (io.Reader, error) {
	s, err := attachmentStream(key)
	if err != nil {
		return nil, err
	}
	return s.NewDecryptingReader(r, ad)
}

// sealKeyset writes keyset h to w encrypted for storage: tink's keyset encryption with
// AES-256-GCM under key as the master AEAD and ad as associated data, so a keyset moved to
// another identity or swapped for the other kind does not open. Cleartext keysets never
// leave tink.
func sealKeyset(w io.Writer, h *keyset.Handle, key *[32]byte, ad []byte) error {
	master, err := subtle.NewAESGCM(key[:])
	if err != nil {
		return err
	}
	return h.WriteWithAssociatedData(keyset.NewBinaryWriter(w), master, ad)
}

// openKeyset reverses sealKeyset; every failure is ErrDecrypt.
func openKeyset(r io.Reader, key *[32]byte, ad []byte) (*keyset.Handle, error) {
	master, err := subtle.NewAESGCM(key[:])
	if err != nil {
		return nil, ErrDecrypt
	}
	h, err := keyset.ReadWithAssociatedData(keyset.NewBinaryReader(r), master, ad)
	if err != nil {
		return nil, ErrDecrypt
	}
	return h, nil
}
