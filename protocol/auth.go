package protocol

import (
	"encoding/binary"
	"fmt"
	"time"

	"github.com/mobio-sync/mobio/e2ee"
)

// AuthMessage returns the exact bytes an identity signs to authenticate ([Auth]):
// e2ee.SignedMessage with e2ee.LabelAuth over the challenge's nonce, the origin, and the time
// in Unix milliseconds as 8 bytes big-endian. The nonce binds the signature to one
// connection, the origin to one relay (a relay cannot pass it on to another), the time to a
// short window.
func AuthMessage(nonce [NonceSize]byte, origin string, t time.Time) []byte {
	return e2ee.SignedMessage(e2ee.LabelAuth, authParts(nonce, origin, t)...)
}

// VerifyAuth checks a's signature over [AuthMessage] of nonce, a.Origin and a.Time, and that
// a.Time is within maxSkew of now ([DefaultMaxClockSkew] when maxSkew is 0 or less), and
// returns the identity the connection acts as. The caller must also check that a.Origin is the
// relay's own. Every failure is an [*Error] of [CodeAuthFailed]; only a skewed clock gets its
// own message, so that a client can tell its user to fix the clock.
func VerifyAuth(a Auth, nonce [NonceSize]byte, now time.Time, maxSkew time.Duration) (e2ee.IdentityPublic, error) {
	if maxSkew <= 0 {
		maxSkew = DefaultMaxClockSkew
	}
	if !a.Identity.Verify(a.Signature, e2ee.LabelAuth, authParts(nonce, a.Origin, a.Time)...) {
		return e2ee.IdentityPublic{}, &Error{Code: CodeAuthFailed, Message: "authentication failed"}
	}
	if d := a.Time.Sub(now); d > maxSkew || d < -maxSkew {
		return e2ee.IdentityPublic{}, &Error{Code: CodeAuthFailed, Message: fmt.Sprintf("clock differs from the relay's by more than %v", maxSkew)}
	}
	return a.Identity, nil
}

func authParts(nonce [NonceSize]byte, origin string, t time.Time) [][]byte {
	return [][]byte{nonce[:], []byte(origin), binary.BigEndian.AppendUint64(nil, uint64(t.UnixMilli()))}
}

// EraseMessage returns the exact bytes an owner signs to erase doc ([Erase]):
// e2ee.SignedMessage with e2ee.LabelErase over the document ID and the head of the membership
// log the owner saw. The head pins the tombstone to a log in which the signer was an owner.
func EraseMessage(doc e2ee.DocID, head e2ee.Hash) []byte {
	return e2ee.SignedMessage(e2ee.LabelErase, doc[:], head[:])
}

// VerifyErase checks that e erases the document of m at its current head, signed by signer,
// an owner at the current epoch. Its errors wrap the sentinels of e2ee, so [ErrorOf] maps
// them: e2ee.ErrWrongDocument, e2ee.ErrStaleHead (the log moved on: sign again),
// e2ee.ErrNotMember, e2ee.ErrNotAllowed (not an owner), e2ee.ErrBadSignature.
func VerifyErase(e Erase, m *e2ee.Membership, signer e2ee.IdentityID) error {
	switch {
	case m == nil || m.Doc() != e.Doc:
		return fmt.Errorf("verify erasure: %w", e2ee.ErrWrongDocument)
	case m.Head() != e.Head:
		return fmt.Errorf("verify erasure: %w", e2ee.ErrStaleHead)
	}
	member, err := m.Member(m.Epoch(), signer)
	if err != nil {
		return fmt.Errorf("verify erasure: %w", err)
	}
	if member.Role != e2ee.RoleOwner {
		return fmt.Errorf("verify erasure by a %s: %w", member.Role, e2ee.ErrNotAllowed)
	}
	if !member.Identity.Verify(e.Signature, e2ee.LabelErase, e.Doc[:], e.Head[:]) {
		return fmt.Errorf("verify erasure: %w", e2ee.ErrBadSignature)
	}
	return nil
}
