package keyring

// This file holds what both builds share: the standard library's cryptography (HKDF, HMAC,
// argon2id from x/crypto) and the types through which the rest of the package uses the
// primitives of the build. The primitives themselves are in primitives_tink.go (tink-go, every
// build but the browser's) and primitives_std.go (the standard library, wired in for js/wasm by
// primitives_js.go, and cross-tested against tink natively).

import (
	"crypto/hkdf"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"errors"
	"fmt"
	"hash"

	"golang.org/x/crypto/argon2"

	"github.com/mobio-sync/mobio/e2ee"
)

// ErrDecrypt is the one error of every failed decryption or authentication of secret data:
// which check failed is not said, so that it cannot serve as an oracle.
var ErrDecrypt = errors.New("keyring: cannot decrypt: wrong key or tampered data")

// signer makes the plain Ed25519 signatures of an identity; tink.Signer is one.
type signer interface {
	Sign(msg []byte) ([]byte, error)
}

// hybridDecrypter opens what hpkeSeal made for an identity; tink.HybridDecrypt is one.
type hybridDecrypter interface {
	Decrypt(ciphertext, contextInfo []byte) ([]byte, error)
}

// aesGCMOverhead is what aesGCMSeal adds to a plaintext: the 12-byte nonce and the 16-byte tag.
// Envelope headers state the ciphertext's size before it exists, because the header is the
// associated data.
const aesGCMOverhead = 12 + 16

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

// contentHash returns the hash of content addresses: plain SHA-256, so that the relay and a
// browser compute it without any of mobio's code.
func contentHash() hash.Hash { return sha256.New() }
