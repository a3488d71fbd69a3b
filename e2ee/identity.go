package e2ee

import (
	"crypto/ed25519"
	"crypto/sha256"
	"crypto/subtle"
	"fmt"
	"log/slog"
	"strings"
)

// identityVersion is the first byte of an encoded public identity.
const identityVersion = 1

// IdentityPublicSize is the length of an encoded public identity: version, Ed25519 key, X25519
// HPKE key, and the Ed25519 signature over the HPKE key.
const IdentityPublicSize = 1 + 32 + 32 + 64

// identityTextPrefix starts the text form of a public identity.
const identityTextPrefix = "mobio-id1"

// IdentityPublic is the public half of a person's identity: an Ed25519 key that signs, and an
// X25519 key that others encrypt lockboxes to, bound together by a signature of the first over
// the second.
type IdentityPublic struct {
	sign    [32]byte
	hpke    [32]byte
	hpkeSig [64]byte
}

// NewIdentityPublic assembles a public identity and checks that the Ed25519 key signed the HPKE
// key. keyring uses it; others parse identities with [ParseIdentityPublic].
func NewIdentityPublic(signKey, hpkeKey, hpkeSig []byte) (IdentityPublic, error) {
	var p IdentityPublic
	if len(signKey) != 32 || len(hpkeKey) != 32 || len(hpkeSig) != 64 {
		return p, fmt.Errorf("%w: identity key sizes", ErrMalformed)
	}
	copy(p.sign[:], signKey)
	copy(p.hpke[:], hpkeKey)
	copy(p.hpkeSig[:], hpkeSig)
	if !ed25519.Verify(p.sign[:], SignedMessage(LabelIdentityKey, p.hpke[:]), p.hpkeSig[:]) {
		return IdentityPublic{}, fmt.Errorf("%w: identity HPKE key", ErrBadSignature)
	}
	return p, nil
}

// ParseIdentityPublic decodes the binary form [IdentityPublic.Bytes] returns and checks the
// binding signature.
func ParseIdentityPublic(b []byte) (IdentityPublic, error) {
	if len(b) != IdentityPublicSize {
		return IdentityPublic{}, fmt.Errorf("%w: public identity of %d bytes, want %d", ErrMalformed, len(b), IdentityPublicSize)
	}
	if b[0] != identityVersion {
		return IdentityPublic{}, fmt.Errorf("%w: public identity version %d", ErrUnsupported, b[0])
	}
	return NewIdentityPublic(b[1:33], b[33:65], b[65:])
}

// ParseIdentityText decodes the text form [IdentityPublic.String] returns.
func ParseIdentityText(s string) (IdentityPublic, error) {
	rest, ok := strings.CutPrefix(strings.TrimSpace(s), identityTextPrefix)
	if !ok {
		return IdentityPublic{}, fmt.Errorf("%w: public identity must start with %s", ErrMalformed, identityTextPrefix)
	}
	b, err := b32.DecodeString(rest)
	if err != nil {
		return IdentityPublic{}, fmt.Errorf("%w: public identity text", ErrMalformed)
	}
	return ParseIdentityPublic(b)
}

// Bytes returns the binary form: version, Ed25519 key, HPKE key, signature.
func (p IdentityPublic) Bytes() []byte {
	b := make([]byte, 0, IdentityPublicSize)
	b = append(b, identityVersion)
	b = append(b, p.sign[:]...)
	b = append(b, p.hpke[:]...)
	return append(b, p.hpkeSig[:]...)
}

// String returns the text form, "mobio-id1" followed by base32, to paste into a chat or a
// command line.
func (p IdentityPublic) String() string { return identityTextPrefix + b32.EncodeToString(p.Bytes()) }

// IsZero reports whether p is unset.
func (p IdentityPublic) IsZero() bool { return p.sign == [32]byte{} }

// Equal reports whether p and o are the same identity.
func (p IdentityPublic) Equal(o IdentityPublic) bool {
	return subtle.ConstantTimeCompare(p.Bytes(), o.Bytes()) == 1
}

// ID returns the identity's ID: SHA-256 over a label and both public keys.
func (p IdentityPublic) ID() IdentityID {
	return IdentityID(sha256.Sum256(SignedMessage(LabelIdentityID, p.sign[:], p.hpke[:])))
}

// SigningKey returns the Ed25519 public key.
func (p IdentityPublic) SigningKey() ed25519.PublicKey { return ed25519.PublicKey(p.sign[:]) }

// HPKEKey returns the X25519 public key that lockboxes are encrypted to.
func (p IdentityPublic) HPKEKey() []byte { return p.hpke[:] }

// Verify reports whether sig is this identity's signature of SignedMessage(label, parts...).
// Signatures are plain Ed25519 (tink's RAW output), so the standard library checks them.
func (p IdentityPublic) Verify(sig []byte, label string, parts ...[]byte) bool {
	if p.IsZero() || len(sig) != ed25519.SignatureSize {
		return false
	}
	return ed25519.Verify(p.sign[:], SignedMessage(label, parts...), sig)
}

// Fingerprint returns a code of 60 digits in 12 groups of five that two people compare aloud
// or on screen to check that they hold each other's real identity. It has 199 bits of the
// identity ID's hash: a forger would need a second identity with the same code.
func (p IdentityPublic) Fingerprint() string {
	id := p.ID()
	h := sha256.Sum256(SignedMessage(LabelFingerprint, id[:]))
	var groups []string
	for i := 0; i < 12; i++ {
		// Five bytes make a group of five digits (mod 100000), as Signal's safety numbers do.
		chunk := h[(i*5)%30 : (i*5)%30+5]
		if i >= 6 {
			// The hash has 32 bytes; the second six groups come from a second hash.
			h2 := sha256.Sum256(h[:])
			chunk = h2[(i-6)*5 : (i-6)*5+5]
		}
		var v uint64
		for _, c := range chunk {
			v = v<<8 | uint64(c)
		}
		groups = append(groups, fmt.Sprintf("%05d", v%100000))
	}
	return strings.Join(groups, " ")
}

// QRPayload returns what a QR code shows so that a camera compares the whole identity, not only
// its fingerprint: "mobio-fp1:" and the identity ID.
func (p IdentityPublic) QRPayload() string { return "mobio-fp1:" + p.ID().String() }

// LogValue keeps identities short in logs.
func (p IdentityPublic) LogValue() slog.Value { return slog.StringValue(p.ID().Short()) }
