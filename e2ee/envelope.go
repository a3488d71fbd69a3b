package e2ee

import (
	"bytes"
	"crypto/sha256"
	"fmt"
	"slices"
)

// EnvelopeVersion is the version of the envelope header. Changelog:
//   - 1: 2026-11-25: first version.
const EnvelopeVersion = 1

// MaxEnvelopeSize bounds an encoded envelope; decoders refuse larger input before parsing.
const MaxEnvelopeSize = 4 << 20

// Kind is what an envelope carries. Do not reorder or reuse; add at the end.
type Kind uint8

// Envelope kinds.
const (
	KindUpdate    Kind = 1 // Automerge changes
	KindSnapshot  Kind = 2 // a whole document, covering the log up to a point
	KindEphemeral Kind = 3 // presence: relayed, never stored
	KindReceipt   Kind = 4 // an empty envelope that publishes the author's view
)

func (k Kind) valid() bool { return k >= KindUpdate && k <= KindReceipt }

func (k Kind) String() string {
	switch k {
	case KindUpdate:
		return "update"
	case KindSnapshot:
		return "snapshot"
	case KindEphemeral:
		return "ephemeral"
	case KindReceipt:
		return "receipt"
	}
	return fmt.Sprintf("kind(%d)", uint8(k))
}

// Header is the signed, unencrypted part of an envelope. Its exact bytes are the AEAD's
// associated data and are covered by the author's signature.
//
// Evolution rules: keys are never reused; new fields are optional (omitempty) and cost nothing
// when unset; no floats; kinds are never renumbered; an unknown version or kind is rejected.
type Header struct {
	Version uint8      `cbor:"1,keyasint"`
	Doc     DocID      `cbor:"2,keyasint"`
	Epoch   Epoch      `cbor:"3,keyasint"`
	Author  IdentityID `cbor:"4,keyasint"`
	Kind    Kind       `cbor:"5,keyasint"`
	// Seq numbers the author's envelopes of this document, from 1, without gaps. Ephemeral
	// envelopes count separately (they are never stored), see [Chain].
	Seq uint64 `cbor:"6,keyasint"`
	// Prev is the hash of the author's previous envelope of the same chain; zero for Seq 1.
	Prev Hash `cbor:"7,keyasint"`
	// Size is the length of the ciphertext.
	Size uint32 `cbor:"8,keyasint"`
	// KeyCommit commits to the epoch key (see keyring), because AES-GCM alone does not: a
	// ciphertext cannot be made to open under two keys to different content.
	KeyCommit Hash `cbor:"9,keyasint"`
	// View is the highest sequence number the author has seen from each other author, sorted by
	// author, so that a reader can tell when the relay withholds entries.
	View []ViewEntry `cbor:"10,keyasint,omitempty"`
	// Time is the author's clock in Unix milliseconds; set on ephemeral envelopes and receipts
	// against replay.
	Time int64 `cbor:"11,keyasint,omitempty"`
}

// ViewEntry is the highest sequence number seen from one author.
type ViewEntry struct {
	_      struct{} `cbor:",toarray"`
	Author IdentityID
	Seq    uint64
}

// Encode returns the canonical bytes of h. It refuses a header that could not verify.
func (h *Header) Encode() ([]byte, error) {
	if err := h.check(); err != nil {
		return nil, err
	}
	return marshal(h)
}

func (h *Header) check() error {
	if h.Version != EnvelopeVersion || !h.Kind.valid() {
		return fmt.Errorf("%w: envelope version %d kind %d", ErrUnsupported, h.Version, h.Kind)
	}
	if h.Seq == 0 || h.Seq == 1 && !h.Prev.IsZero() {
		return fmt.Errorf("%w: sequence %d with previous hash %v", ErrMalformed, h.Seq, !h.Prev.IsZero())
	}
	if h.Epoch == 0 {
		return fmt.Errorf("%w: epoch 0", ErrMalformed)
	}
	// Ephemeral envelopes and receipts say when they were made; ephemeral envelopes are not
	// hash-chained (they are never stored, so a lost one must not break the chain).
	if (h.Kind == KindEphemeral || h.Kind == KindReceipt) && h.Time <= 0 {
		return fmt.Errorf("%w: %s without a time", ErrMalformed, h.Kind)
	}
	if h.Kind == KindEphemeral && !h.Prev.IsZero() {
		return fmt.Errorf("%w: ephemeral envelope with a previous hash", ErrMalformed)
	}
	if !slices.IsSortedFunc(h.View, func(a, b ViewEntry) int { return bytes.Compare(a.Author[:], b.Author[:]) }) {
		return fmt.Errorf("%w: view not sorted", ErrMalformed)
	}
	for i := 1; i < len(h.View); i++ {
		if h.View[i].Author == h.View[i-1].Author {
			return fmt.Errorf("%w: view names an author twice", ErrMalformed)
		}
	}
	return nil
}

// DecodeHeader parses canonical header bytes.
func DecodeHeader(b []byte) (Header, error) {
	var h Header
	if err := unmarshalCanonical(b, &h, "envelope header"); err != nil {
		return Header{}, err
	}
	if err := h.check(); err != nil {
		return Header{}, err
	}
	return h, nil
}

// Envelope is a decoded but unverified envelope.
type Envelope struct {
	HeaderBytes []byte // exact, as signed
	Header      Header
	Ciphertext  []byte
	Signature   []byte
}

type wireEnvelope struct {
	_          struct{} `cbor:",toarray"`
	Header     []byte
	Ciphertext []byte
	Signature  []byte
}

// EncodeEnvelope assembles the wire form of an envelope from its parts.
func EncodeEnvelope(header, ciphertext, signature []byte) ([]byte, error) {
	return marshal(wireEnvelope{Header: header, Ciphertext: ciphertext, Signature: signature})
}

// DecodeEnvelope parses an envelope without verifying it. Only [Verify] makes its content
// usable.
func DecodeEnvelope(raw []byte) (Envelope, error) {
	if len(raw) > MaxEnvelopeSize {
		return Envelope{}, fmt.Errorf("%w: envelope of %d bytes, limit %d", ErrTooLarge, len(raw), MaxEnvelopeSize)
	}
	var w wireEnvelope
	if err := unmarshalCanonical(raw, &w, "envelope"); err != nil {
		return Envelope{}, err
	}
	h, err := DecodeHeader(w.Header)
	if err != nil {
		return Envelope{}, err
	}
	if int(h.Size) != len(w.Ciphertext) {
		return Envelope{}, fmt.Errorf("%w: ciphertext of %d bytes, header says %d", ErrMalformed, len(w.Ciphertext), h.Size)
	}
	return Envelope{HeaderBytes: w.Header, Header: h, Ciphertext: w.Ciphertext, Signature: w.Signature}, nil
}

// EnvelopeSigningParts are the parts of [SignedMessage] an author signs with [LabelEnvelope]:
// the exact header bytes and the ciphertext.
func EnvelopeSigningParts(header, ciphertext []byte) [][]byte { return [][]byte{header, ciphertext} }

// VerifiedEnvelope is an envelope whose signature, author, role, document and epoch were
// checked against a verified membership log. Only [Verify] makes one.
type VerifiedEnvelope struct {
	raw    []byte
	env    Envelope
	hash   Hash
	author Member
}

// Header returns the verified header.
func (v VerifiedEnvelope) Header() Header { return v.env.Header }

// HeaderBytes returns the exact header bytes (the AEAD's associated data).
func (v VerifiedEnvelope) HeaderBytes() []byte { return v.env.HeaderBytes }

// Ciphertext returns the encrypted payload.
func (v VerifiedEnvelope) Ciphertext() []byte { return v.env.Ciphertext }

// Bytes returns the envelope as received, for storage and forwarding.
func (v VerifiedEnvelope) Bytes() []byte { return v.raw }

// Hash returns the SHA-256 of the envelope's bytes, which the author's next envelope names
// as Prev.
func (v VerifiedEnvelope) Hash() Hash { return v.hash }

// Author returns the author as a member of the document.
func (v VerifiedEnvelope) Author() Member { return v.author }

// IsZero reports whether v is the zero value (never returned by a successful Verify).
func (v VerifiedEnvelope) IsZero() bool { return v.raw == nil }

// Verify checks what anyone may check without a key that decrypts: the envelope is well
// formed and canonical, for the membership's document, at an epoch the log knows, authored by
// a member of that epoch whose role allows the kind, and signed by that author. It does not
// check the author's chain (see [Chain]) or that the epoch is still current (the relay does).
//
// Verify is the only way to obtain a [VerifiedEnvelope].
func Verify(raw []byte, m *Membership) (VerifiedEnvelope, error) {
	env, err := DecodeEnvelope(raw)
	if err != nil {
		return VerifiedEnvelope{}, err
	}
	h := env.Header
	if h.Doc != m.Doc() {
		return VerifiedEnvelope{}, ErrWrongDocument
	}
	member, err := m.Member(h.Epoch, h.Author)
	if err != nil {
		return VerifiedEnvelope{}, err
	}
	if (h.Kind == KindUpdate || h.Kind == KindSnapshot) && !member.Role.CanWrite() {
		return VerifiedEnvelope{}, fmt.Errorf("%w: a %s may not write a %s", ErrNotAllowed, member.Role, h.Kind)
	}
	if !member.Identity.Verify(env.Signature, LabelEnvelope, EnvelopeSigningParts(env.HeaderBytes, env.Ciphertext)...) {
		return VerifiedEnvelope{}, ErrBadSignature
	}
	return VerifiedEnvelope{raw: raw, env: env, hash: sha256.Sum256(raw), author: member}, nil
}
