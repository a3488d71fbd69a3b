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
	"hash"
	"io"

	"github.com/tink-crypto/tink-go/v2/aead/subtle"
	"github.com/tink-crypto/tink-go/v2/hybrid"
	"github.com/tink-crypto/tink-go/v2/hybrid/hpke"
	"github.com/tink-crypto/tink-go/v2/keyset"
	"github.com/tink-crypto/tink-go/v2/signature"
	tinked25519 "github.com/tink-crypto/tink-go/v2/signature/ed25519"
	streamsubtle "github.com/tink-crypto/tink-go/v2/streamingaead/subtle"
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

// aesGCMOverhead is what aesGCMSeal adds to a plaintext: the 12-byte nonce and the 16-byte tag.
// Envelope headers state the ciphertext's size before it exists, because the header is the
// associated data.
const aesGCMOverhead = subtle.AESGCMIVSize + subtle.AESGCMTagSize

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

// maxArgon2 caps the costs read from a sealed blob, which an attacker may have written: at most
// 256 MiB, so that a crafted blob cannot make a low-end phone allocate more than it has.
var maxArgon2 = Argon2Params{Time: 8, Memory: 256 * 1024, Threads: 8}

// stretch derives a 256-bit key from a passphrase with argon2id.
func stretch(passphrase, salt []byte, p Argon2Params) ([32]byte, error) {
	var k [32]byte
	if p.Time == 0 || p.Memory < 8 || p.Threads == 0 || p.Time > maxArgon2.Time || p.Memory > maxArgon2.Memory || p.Threads > maxArgon2.Threads {
		return k, fmt.Errorf("keyring: argon2id parameters out of bounds")
	}
	copy(k[:], argon2.IDKey(passphrase, salt, p.Time, p.Memory, p.Threads, 32))
	return k, nil
}

// redeemMAC is HMAC-SHA256 under key over msg: the MAC of an invite redemption.
func redeemMAC(key, msg []byte) []byte {
	m := hmac.New(sha256.New, key)
	m.Write(msg)
	return m.Sum(nil)
}

// macEqual compares two MACs in constant time.
func macEqual(a, b []byte) bool { return hmac.Equal(a, b) }

// random fills b from the operating system's generator.
func random(b []byte) {
	if _, err := rand.Read(b); err != nil {
		panic(err) // crypto/rand does not fail on supported platforms
	}
}

// attachmentSegmentSize is the ciphertext segment size of attachment streams: 64 KiB. A stream
// holds one plaintext and one ciphertext segment (about 240 KiB allocated per file in all,
// whatever its size), which suits a phone and a browser tab running several transfers; each
// segment costs 16 bytes of tag (0.02%), and resumable uploads can cut chunks at any multiple
// of it. tink's 1 MB template allocates 3.2 MB per file at the same speed (about 1 GB/s in
// BenchmarkAttachmentEncrypt on one core); its 4 KB template costs 0.4% in tags and 14 times
// the allocations.
const attachmentSegmentSize = 64 << 10

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

// contentHash returns the hash of content addresses: plain SHA-256, so that the relay and a
// browser compute it without any of mobio's code.
func contentHash() hash.Hash { return sha256.New() }

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
