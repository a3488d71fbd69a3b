package e2ee

import (
	"bytes"
	"slices"
)

// Member is a member of a document at an epoch.
type Member struct {
	Identity IdentityPublic
	Role     Role
}

// ID returns the member's identity ID.
func (m Member) ID() IdentityID { return m.Identity.ID() }

// Membership is the state a verified membership log yields: the document, its epochs and who
// was a member with which role in each. It is immutable once built; the zero value has no
// members. Only the log's verification builds one with members.
type Membership struct {
	doc     DocID
	current Epoch
	head    Hash
	epochs  map[Epoch]map[IdentityID]Member
	known   map[IdentityID]bool // everyone who was ever a member

	// Set by the log's verification (log.go); empty in a StaticMembership.
	seq         uint64                           // operations in the log
	time        int64                            // time of the last operation, Unix ms
	starters    map[Epoch]Member                 // who started each epoch after the first
	lockboxes   map[Epoch]map[IdentityID]Lockbox // the lockboxes the log carries
	history     map[Epoch][]byte                 // earlier keys sealed under each epoch's key
	invites     map[Hash]Invite                  // by the invite operation's hash
	redemptions []Redemption                     // in log order
}

// Doc returns the document the membership belongs to.
func (m *Membership) Doc() DocID { return m.doc }

// Epoch returns the current epoch: the only one the relay accepts new entries for.
func (m *Membership) Epoch() Epoch { return m.current }

// Head returns the hash of the last operation of the log.
func (m *Membership) Head() Hash { return m.head }

// Member returns id's membership at epoch e: ErrWrongEpoch for an epoch the log does not know,
// ErrUnknownAuthor for an identity that was never a member, ErrNotMember for one that was a
// member at other epochs.
func (m *Membership) Member(e Epoch, id IdentityID) (Member, error) {
	members, ok := m.epochs[e]
	if !ok {
		return Member{}, ErrWrongEpoch
	}
	if mem, ok := members[id]; ok {
		return mem, nil
	}
	if m.known[id] {
		return Member{}, ErrNotMember
	}
	return Member{}, ErrUnknownAuthor
}

// Members returns the members at epoch e, sorted by identity ID.
func (m *Membership) Members(e Epoch) []Member {
	var out []Member
	for _, mem := range m.epochs[e] {
		out = append(out, mem)
	}
	slices.SortFunc(out, func(a, b Member) int {
		ia, ib := a.ID(), b.ID()
		return bytes.Compare(ia[:], ib[:])
	})
	return out
}

// StaticMembership builds a membership of one epoch without a log, for tests and fixtures.
// Clients and the relay derive memberships from a verified membership log instead; a
// membership built here proves nothing about who the owner admitted.
func StaticMembership(doc DocID, epoch Epoch, members ...Member) *Membership {
	m := &Membership{
		doc:     doc,
		current: epoch,
		epochs:  map[Epoch]map[IdentityID]Member{epoch: {}},
		known:   map[IdentityID]bool{},
	}
	for _, mem := range members {
		m.epochs[epoch][mem.ID()] = mem
		m.known[mem.ID()] = true
	}
	return m
}
