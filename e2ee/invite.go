package e2ee

import (
	"bytes"
	"fmt"
	"slices"
)

// Errors of invite redemptions. Each also matches [ErrNotAllowed].
var (
	ErrInviteRedeemed = fmt.Errorf("%w: invite redeemed before", ErrNotAllowed)
	ErrInviteExpired  = fmt.Errorf("%w: invite expired", ErrNotAllowed)
	// ErrInviteVoid: the epoch rotated after the invite was made, so the key it carries is no
	// longer the document's; the owner makes a new invite.
	ErrInviteVoid = fmt.Errorf("%w: invite made before the last rotation", ErrNotAllowed)
)

// Invite is an invite of the log as everyone, the relay included, may see it.
type Invite struct {
	Hash       Hash       // the invite operation's hash, which a redemption names
	Author     IdentityID // the owner who made it
	Verifier   Hash       // see [InviteVerifier]
	Role       Role
	Expires    int64 // Unix ms
	Epoch      Epoch
	Key        []byte     // the epoch key under a key derived from the secret
	Check      []byte     // the redeem-check key under the epoch key
	RedeemedBy IdentityID // zero while the invite is open
}

// Redemption is a redeemed invite: members check its MAC with the redeem-check key (see
// keyring.CheckRedemption) to know that the invitee held the secret.
type Redemption struct {
	Invite  Hash
	Invitee IdentityID
	MAC     []byte
}

// Invite returns the invite made by the operation with hash h.
func (m *Membership) Invite(h Hash) (Invite, bool) {
	in, ok := m.invites[h]
	return in.clone(), ok
}

// InviteByVerifier returns the invite with verifier v: how the relay and an invitee, who know
// the proof but not the operation, find it.
func (m *Membership) InviteByVerifier(v Hash) (Invite, bool) {
	for _, in := range m.invites {
		if in.Verifier == v {
			return in.clone(), true
		}
	}
	return Invite{}, false
}

// Invites returns the invites of the log, open and redeemed, ordered by hash.
func (m *Membership) Invites() []Invite {
	out := make([]Invite, 0, len(m.invites))
	for _, in := range m.invites {
		out = append(out, in.clone())
	}
	slices.SortFunc(out, func(a, b Invite) int { return bytes.Compare(a.Hash[:], b.Hash[:]) })
	return out
}

// Redemptions returns the redemptions of the log in order.
func (m *Membership) Redemptions() []Redemption {
	out := make([]Redemption, len(m.redemptions))
	for i, r := range m.redemptions {
		r.MAC = slices.Clone(r.MAC)
		out[i] = r
	}
	return out
}

func (in Invite) clone() Invite {
	in.Key, in.Check = slices.Clone(in.Key), slices.Clone(in.Check)
	return in
}
