package e2ee

import (
	"encoding/binary"
	"errors"
)

// Domain-separation labels. Each signature, hash and key derivation uses its own, so that bytes
// signed for one purpose can never be taken for another. A new meaning gets a new label; a new
// version of a format gets a new version in its label.
const (
	LabelIdentityID  = "mobio/v1/identity-id"
	LabelIdentityKey = "mobio/v1/identity-hpke" // the identity's Ed25519 key signs its HPKE key
	LabelFingerprint = "mobio/v1/fingerprint"
	LabelEnvelope    = "mobio/v1/envelope"
	LabelEnvelopeAD  = "mobio/v1/envelope-ad"
	LabelKeyCommit   = "mobio/v1/key-commit"
	LabelLockbox     = "mobio/v1/lockbox"
	LabelLockboxInfo = "mobio/v1/lockbox-hpke-info"
	LabelOp          = "mobio/v1/op"
	LabelGenesis     = "mobio/v1/genesis"
	LabelInviteID    = "mobio/v1/invite-id"
	LabelInviteKey   = "mobio/v1/invite-key"
	LabelInviteProof = "mobio/v1/invite-redeem"
	LabelHistory     = "mobio/v1/history"
	LabelAuth        = "mobio/v1/auth"       // the relay's login challenge
	LabelAttachment  = "mobio/v1/attachment" // frames the associated data of an attachment stream

	LabelSealedIdentity  = "mobio/v1/sealed-identity"            // associated data of a keyset sealed at rest
	LabelSealedDeviceKey = "mobio/v1/sealed-identity-device-key" // derives the sealing key from a device key

	LabelInviteKeyAD   = "mobio/v1/invite-key-ad"     // associated data of the epoch key an invite carries
	LabelInviteCheckAD = "mobio/v1/invite-check-ad"   // associated data of an invite's redeem-check key
	LabelRedeemMAC     = "mobio/v1/invite-redeem-mac" // the MAC of a redemption

	LabelErase = "mobio/v1/erase" // an owner's tombstone of an erased document

	LabelBlobRequest = "mobio/v1/blob-request" // a member's signed HTTP request for a blob on the relay
)

// Errors callers branch on. Every failure to authenticate or decrypt is one of these; details
// that would help an attacker (which check failed inside a decryption) are not given.
var (
	ErrMalformed    = errors.New("e2ee: malformed")
	ErrTooLarge     = errors.New("e2ee: too large")
	ErrUnsupported  = errors.New("e2ee: unsupported version or kind")
	ErrBadSignature = errors.New("e2ee: bad signature")
)

// SignedMessage is the exact byte string that is signed for label over parts: the label, a
// zero byte, then each part prefixed with its length as a uvarint. The framing makes the
// boundaries between parts unambiguous.
func SignedMessage(label string, parts ...[]byte) []byte {
	n := len(label) + 1
	for _, p := range parts {
		n += binary.MaxVarintLen64 + len(p)
	}
	out := make([]byte, 0, n)
	out = append(out, label...)
	out = append(out, 0)
	for _, p := range parts {
		out = binary.AppendUvarint(out, uint64(len(p)))
		out = append(out, p...)
	}
	return out
}
