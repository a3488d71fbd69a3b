package e2ee

import (
	"bytes"
	"encoding/binary"
	"fmt"
)

// LockboxVersion is the version of the lockbox format. Changelog:
//   - 1: 2026-11-25: first version.
const LockboxVersion = 1

// maxLockboxCiphertext bounds a lockbox's HPKE ciphertext: an X25519 encapsulated key (32), an
// epoch key (32) and the AEAD tag (16) make 80 bytes; the bound leaves room, not much more.
const maxLockboxCiphertext = 256

// Lockbox wraps one document's epoch key to one member's HPKE key. Its maker signs it, because
// HPKE does not authenticate the sender: without the signature, anyone who knows a member's
// public key (the relay) could hand the member a key of its own choosing.
//
// The HPKE info is [LockboxInfo] (document, epoch, recipient), and the signature covers
// [LockboxSigningParts] (document, epoch, recipient, maker, ciphertext), so a lockbox replayed
// into another document, epoch or recipient neither verifies nor decrypts.
//
// Lockboxes made in a document's genesis operation name the zero DocID: the document has no ID
// before its genesis is signed (the ID is a hash of it). They are bound to the document by the
// genesis signature instead, and [Lockbox.Verify] accepts them only as they appear in the
// genesis of the log it checks against.
//
// Evolution rules as for [Header]: keys are never reused, new fields are optional, an unknown
// version is rejected.
type Lockbox struct {
	Version    uint8      `cbor:"1,keyasint"`
	Doc        DocID      `cbor:"2,keyasint"`
	Epoch      Epoch      `cbor:"3,keyasint"`
	Recipient  IdentityID `cbor:"4,keyasint"`
	Maker      IdentityID `cbor:"5,keyasint"`
	Ciphertext []byte     `cbor:"6,keyasint"`
	Signature  []byte     `cbor:"7,keyasint"`
}

// LockboxInfo is the HPKE info of a lockbox: it binds the ciphertext to a document, an epoch
// and a recipient.
func LockboxInfo(doc DocID, epoch Epoch, recipient IdentityID) []byte {
	return SignedMessage(LabelLockboxInfo, doc[:], epochBytes(epoch), recipient[:])
}

// LockboxSigningParts are the parts of [SignedMessage] a lockbox's maker signs with
// [LabelLockbox].
func LockboxSigningParts(doc DocID, epoch Epoch, recipient, maker IdentityID, ciphertext []byte) [][]byte {
	return [][]byte{doc[:], epochBytes(epoch), recipient[:], maker[:], ciphertext}
}

// epochBytes is the signed form of an epoch: four bytes, big-endian.
func epochBytes(e Epoch) []byte { return binary.BigEndian.AppendUint32(nil, uint32(e)) }

// Encode returns the canonical bytes of l. It refuses a lockbox that could not verify.
func (l *Lockbox) Encode() ([]byte, error) {
	if err := l.check(); err != nil {
		return nil, err
	}
	return marshal(l)
}

func (l *Lockbox) check() error {
	if l.Version != LockboxVersion {
		return fmt.Errorf("%w: lockbox version %d", ErrUnsupported, l.Version)
	}
	if l.Epoch == 0 || l.Recipient.IsZero() || l.Maker.IsZero() {
		return fmt.Errorf("%w: lockbox without epoch, recipient or maker", ErrMalformed)
	}
	if len(l.Ciphertext) == 0 || len(l.Ciphertext) > maxLockboxCiphertext {
		return fmt.Errorf("%w: lockbox ciphertext of %d bytes", ErrMalformed, len(l.Ciphertext))
	}
	if len(l.Signature) != 64 {
		return fmt.Errorf("%w: lockbox signature of %d bytes", ErrMalformed, len(l.Signature))
	}
	return nil
}

// DecodeLockbox parses canonical lockbox bytes without verifying the signature (see
// [Lockbox.Verify]).
func DecodeLockbox(b []byte) (Lockbox, error) {
	var l Lockbox
	if len(b) > 1024 {
		return Lockbox{}, fmt.Errorf("%w: lockbox of %d bytes", ErrTooLarge, len(b))
	}
	if err := unmarshalCanonical(b, &l, "lockbox"); err != nil {
		return Lockbox{}, err
	}
	if err := l.check(); err != nil {
		return Lockbox{}, err
	}
	return l, nil
}

// Verify checks a lockbox against a verified membership before anyone decrypts it: it is well
// formed, for m's document, for a recipient who is a member at its epoch, and signed by a maker
// who may make keys for that epoch.
//
// The maker must be a member at the lockbox's epoch, or the member whose operation started the
// epoch. The second case is a member who leaves: it makes the new key and the lockboxes of
// those who stay, and is no member of the epoch it starts. (Such a key is known to the leaver;
// an owner who does not trust the leaver rotates again.) A member removed by an owner never
// starts an epoch, so it cannot make lockboxes for any epoch after its removal.
func (l *Lockbox) Verify(m *Membership) error {
	if err := l.check(); err != nil {
		return err
	}
	if l.Doc.IsZero() {
		// A genesis lockbox: accept it only as the genesis carries it.
		g, ok := m.Lockbox(l.Epoch, l.Recipient)
		if l.Epoch != 1 || !ok || !g.Doc.IsZero() || !g.equal(l) {
			return fmt.Errorf("%w: lockbox without a document that is not the genesis lockbox", ErrWrongDocument)
		}
	} else if l.Doc != m.Doc() {
		return ErrWrongDocument
	}
	if _, err := m.Member(l.Epoch, l.Recipient); err != nil {
		return fmt.Errorf("lockbox recipient: %w", err)
	}
	maker, err := m.Member(l.Epoch, l.Maker)
	if err != nil {
		starter, ok := m.starter(l.Epoch)
		if !ok || starter.ID() != l.Maker {
			return fmt.Errorf("lockbox maker: %w", err)
		}
		maker = starter
	}
	if !maker.Identity.Verify(l.Signature, LabelLockbox, LockboxSigningParts(l.Doc, l.Epoch, l.Recipient, l.Maker, l.Ciphertext)...) {
		return fmt.Errorf("lockbox: %w", ErrBadSignature)
	}
	return nil
}

func (l *Lockbox) equal(o *Lockbox) bool {
	return l.Version == o.Version && l.Doc == o.Doc && l.Epoch == o.Epoch && l.Recipient == o.Recipient &&
		l.Maker == o.Maker && bytes.Equal(l.Ciphertext, o.Ciphertext) && bytes.Equal(l.Signature, o.Signature)
}
