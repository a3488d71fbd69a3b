package keyring

import (
	"fmt"

	"github.com/mobio-sync/mobio/e2ee"
)

// WrapLockbox wraps key to recipient's HPKE key and signs the lockbox as maker. The HPKE info
// binds the document, the epoch and the recipient; the signature binds those, the maker and the
// ciphertext. Membership operations carry the lockboxes the builders of this package make; a
// caller wraps one alone only to hand a member a key outside the log.
func WrapLockbox(maker *Identity, key *EpochKey, recipient e2ee.IdentityPublic) (e2ee.Lockbox, error) {
	key.mustSet()
	return wrapLockbox(maker, key.doc, key.epoch, &key.key, recipient)
}

// wrapLockbox makes a lockbox for doc, which is zero in a genesis operation.
func wrapLockbox(maker *Identity, doc e2ee.DocID, epoch e2ee.Epoch, key *[32]byte, recipient e2ee.IdentityPublic) (e2ee.Lockbox, error) {
	rid := recipient.ID()
	// Step 1. Encrypt to the recipient with the context as HPKE info: a lockbox decrypts only for
	// the document, epoch and recipient it was made for.
	ct, err := hpkeSeal(recipient.HPKEKey(), key[:], e2ee.LockboxInfo(doc, epoch, rid))
	if err != nil {
		return e2ee.Lockbox{}, fmt.Errorf("wrap lockbox: %w", err)
	}
	// Step 2. Sign, because HPKE does not say who encrypted.
	lb := e2ee.Lockbox{Version: e2ee.LockboxVersion, Doc: doc, Epoch: epoch, Recipient: rid, Maker: maker.ID(), Ciphertext: ct}
	lb.Signature, err = maker.Sign(e2ee.LabelLockbox, e2ee.LockboxSigningParts(doc, epoch, rid, lb.Maker, ct)...)
	if err != nil {
		return e2ee.Lockbox{}, fmt.Errorf("wrap lockbox: %w", err)
	}
	return lb, nil
}

// OpenLockbox opens a lockbox addressed to me. It first verifies the lockbox against m (see
// [e2ee.Lockbox.Verify]: for m's document, a recipient who is a member at its epoch, signed by
// a maker who may make that epoch's keys) and only then decrypts. A lockbox forged by anyone
// who is not a member (the relay), or replayed into another document, epoch or recipient, is
// rejected; so is a lockbox for someone else. Decryption failures are [ErrDecrypt].
func OpenLockbox(me *Identity, lb e2ee.Lockbox, m *e2ee.Membership) (*EpochKey, error) {
	if lb.Recipient != me.ID() {
		return nil, fmt.Errorf("open lockbox addressed to another member: %w", ErrDecrypt)
	}
	if err := lb.Verify(m); err != nil {
		return nil, fmt.Errorf("open lockbox of epoch %d: %w", lb.Epoch, err)
	}
	pt, err := me.openHPKE(lb.Ciphertext, e2ee.LockboxInfo(lb.Doc, lb.Epoch, lb.Recipient))
	if err != nil || len(pt) != 32 {
		return nil, ErrDecrypt
	}
	k := &EpochKey{doc: m.Doc(), epoch: lb.Epoch, set: true}
	copy(k.key[:], pt)
	return k, nil
}
