package e2ee

import (
	"bytes"
	"errors"
	"fmt"
	"maps"
	"slices"
)

// Errors of the membership log's linkage.
var (
	// ErrBrokenLog: an operation does not follow the log: wrong sequence number, a previous hash
	// that names no operation of the log, a second genesis, or a log that does not start with one.
	ErrBrokenLog = errors.New("e2ee: operation does not follow the membership log")
	// ErrStaleHead: an operation follows an older head of the log; another operation came first.
	// The relay tells the author to rebase: fetch the log and build the operation again.
	ErrStaleHead = errors.New("e2ee: operation based on an older head of the membership log")
)

// Log is a verified membership log: signed operations in order, each linked to the previous
// one by hash and allowed by the roles of the members when it was made. The zero Log is empty;
// its first operation must be a genesis. A Log is not safe for concurrent use.
//
// The rights: an owner may do everything (add, remove others, rotate, invite, transfer); a
// counsellor may add a successor counsellor (transfer) and leave; a viewer may leave. Only
// owners remove others, and the last owner cannot be removed. Leaving is removing oneself and
// always rotates. Anyone holding an invite's secret may redeem it once, before it expires and
// before the next rotation.
type Log struct {
	ops [][]byte
	m   *Membership // the state after ops; never changed once handed out
}

// VerifyLog replays a whole log from its genesis and returns the membership it yields, or the
// first operation's error, wrapped with its index.
func VerifyLog(ops [][]byte) (*Membership, error) {
	var l Log
	for i, op := range ops {
		// The membership is not handed out before the end, so operations apply in place.
		if err := l.append(op, true); err != nil {
			return nil, fmt.Errorf("membership operation %d: %w", i, err)
		}
	}
	if l.m == nil {
		return nil, fmt.Errorf("%w: empty membership log", ErrBrokenLog)
	}
	return l.m, nil
}

// Append verifies signed against the log and appends it: it must be well formed, follow the
// head (else ErrStaleHead or ErrBrokenLog; [ErrReplay] when it is in the log already), be for
// the log's document, be signed by its author
// and be allowed to its author. On error the log is unchanged.
func (l *Log) Append(signed []byte) error { return l.append(signed, false) }

// Membership returns the membership the log yields, nil for an empty log. It does not change
// when the log grows.
func (l *Log) Membership() *Membership { return l.m }

// Len returns the number of operations.
func (l *Log) Len() int { return len(l.ops) }

// Ops returns the signed operations in order.
func (l *Log) Ops() [][]byte { return slices.Clone(l.ops) }

func (l *Log) append(signed []byte, inPlace bool) error {
	s, err := DecodeSignedOp(signed)
	if err != nil {
		return err
	}
	op := &s.Op
	if l.m == nil {
		if op.Type != OpCreate {
			return fmt.Errorf("%w: the log starts with a %s operation, not a genesis", ErrBrokenLog, op.Type)
		}
		m, err := genesis(&s, signed)
		if err != nil {
			return err
		}
		l.m, l.ops = m, append(l.ops, signed)
		return nil
	}
	m := l.m
	switch {
	case op.Type == OpCreate:
		return fmt.Errorf("%w: a second genesis", ErrBrokenLog)
	case op.Doc != m.doc:
		return fmt.Errorf("%s operation: %w", op.Type, ErrWrongDocument)
	case op.Seq == m.seq+1 && op.Prev == m.head:
	case op.Seq <= m.seq && bytes.Equal(l.ops[op.Seq-1], signed):
		// A re-sent operation: callers that append idempotently treat this as success.
		return fmt.Errorf("%w: operation %d is in the log", ErrReplay, op.Seq)
	case op.Seq >= 2 && op.Seq <= m.seq && op.Prev == OpHash(l.ops[op.Seq-2]):
		return fmt.Errorf("%w: operation %d follows operation %d, the head is %d", ErrStaleHead, op.Seq, op.Seq-1, m.seq)
	default:
		return fmt.Errorf("%w: operation %d does not follow the head (operation %d)", ErrBrokenLog, op.Seq, m.seq)
	}
	if op.Time < m.time {
		return fmt.Errorf("%w: operation %d is dated before the previous one", ErrBrokenLog, op.Seq)
	}
	if !inPlace {
		m = m.clone()
	}
	if err := m.apply(&s, signed); err != nil {
		return fmt.Errorf("%s operation %d: %w", op.Type, op.Seq, err)
	}
	l.m, l.ops = m, append(l.ops, signed)
	return nil
}

// genesis verifies a genesis operation and starts a membership with it.
func genesis(s *SignedOp, signed []byte) (*Membership, error) {
	op, c := &s.Op, s.Op.Create
	owner, err := ParseIdentityPublic(c.Owner)
	if err != nil {
		return nil, fmt.Errorf("genesis owner: %w", err)
	}
	if owner.ID() != op.Author {
		return nil, fmt.Errorf("%w: genesis author is not its owner", ErrMalformed)
	}
	if !owner.Verify(s.Signature, LabelOp, OpSigningParts(s.OpBytes)...) {
		return nil, fmt.Errorf("genesis: %w", ErrBadSignature)
	}
	// The genesis lockbox names no document: the ID is the hash of the genesis itself.
	if err := checkLockbox(&c.Lockbox, DocID{}, 1, op.Author, owner); err != nil {
		return nil, fmt.Errorf("genesis: %w", err)
	}
	id := owner.ID()
	return &Membership{
		doc:       genesisDocID(s.OpBytes),
		current:   1,
		head:      OpHash(signed),
		epochs:    map[Epoch]map[IdentityID]Member{1: {id: {Identity: owner, Role: RoleOwner}}},
		known:     map[IdentityID]bool{id: true},
		seq:       1,
		time:      op.Time,
		starters:  map[Epoch]Member{},
		lockboxes: map[Epoch]map[IdentityID]Lockbox{1: {id: c.Lockbox}},
		history:   map[Epoch][]byte{},
		invites:   map[Hash]Invite{},
	}, nil
}

// apply verifies an operation that follows m's head against m and applies it to m. It may
// leave m half changed on error: callers apply to a copy, or discard m.
func (m *Membership) apply(s *SignedOp, signed []byte) error {
	op := &s.Op
	cur := m.current
	var author Member
	if op.Type == OpRedeem {
		// The invitee is not a member yet: the operation carries its identity.
		id, err := ParseIdentityPublic(op.Redeem.Identity)
		if err != nil {
			return fmt.Errorf("invitee: %w", err)
		}
		if id.ID() != op.Author {
			return fmt.Errorf("%w: redemption author is not the invitee", ErrMalformed)
		}
		author = Member{Identity: id}
	} else {
		var err error
		if author, err = m.Member(cur, op.Author); err != nil {
			return fmt.Errorf("author %s: %w", op.Author.Short(), err)
		}
	}
	if !author.Identity.Verify(s.Signature, LabelOp, OpSigningParts(s.OpBytes)...) {
		return ErrBadSignature
	}
	hash := OpHash(signed)

	switch op.Type {
	case OpAdd:
		a := op.Add
		if author.Role != RoleOwner {
			return fmt.Errorf("%w: a %s may not add members", ErrNotAllowed, author.Role)
		}
		if err := m.admit(a.Identity, a.Role, &a.Lockbox, author); err != nil {
			return err
		}
	case OpTransfer:
		t := op.Transfer
		if author.Role != RoleOwner && author.Role != RoleCounsellor {
			return fmt.Errorf("%w: a %s may not transfer", ErrNotAllowed, author.Role)
		}
		if err := m.admit(t.Identity, RoleCounsellor, &t.Lockbox, author); err != nil {
			return err
		}
	case OpRemove:
		r := op.Remove
		target, err := m.Member(cur, r.Member)
		if err != nil {
			return fmt.Errorf("remove %s: %w", r.Member.Short(), err)
		}
		if r.Member != op.Author && author.Role != RoleOwner {
			return fmt.Errorf("%w: a %s may remove only itself", ErrNotAllowed, author.Role)
		}
		if target.Role == RoleOwner && m.owners(cur) == 1 {
			return fmt.Errorf("%w: the last owner cannot be removed", ErrNotAllowed)
		}
		remaining := maps.Clone(m.epochs[cur])
		delete(remaining, r.Member)
		if err := m.rotate(&r.Rotation, author, remaining); err != nil {
			return err
		}
	case OpRotate:
		if author.Role != RoleOwner {
			return fmt.Errorf("%w: a %s may not rotate", ErrNotAllowed, author.Role)
		}
		if err := m.rotate(&op.Rotate.Rotation, author, maps.Clone(m.epochs[cur])); err != nil {
			return err
		}
	case OpInvite:
		in := op.Invite
		if author.Role != RoleOwner {
			return fmt.Errorf("%w: a %s may not invite", ErrNotAllowed, author.Role)
		}
		if in.Epoch != cur {
			return fmt.Errorf("%w: invite for epoch %d in epoch %d", ErrWrongEpoch, in.Epoch, cur)
		}
		if in.Expires < op.Time {
			return fmt.Errorf("%w: invite expires before it was made", ErrMalformed)
		}
		for _, other := range m.invites {
			if other.Verifier == in.Verifier {
				return fmt.Errorf("%w: invite verifier used before", ErrMalformed)
			}
		}
		m.invites[hash] = Invite{
			Hash: hash, Author: op.Author, Verifier: in.Verifier, Role: in.Role, Expires: in.Expires,
			Epoch: in.Epoch, Key: in.Key, Check: in.Check,
		}
	case OpRedeem:
		r := op.Redeem
		in, ok := m.invites[r.Invite]
		switch {
		case !ok:
			return fmt.Errorf("%w: redemption of an unknown invite", ErrNotAllowed)
		case !in.RedeemedBy.IsZero():
			return ErrInviteRedeemed
		case op.Time > in.Expires:
			return ErrInviteExpired
		case in.Epoch != cur:
			return ErrInviteVoid
		case InviteVerifier(r.Proof) != in.Verifier:
			return fmt.Errorf("%w: the proof does not match the invite's verifier", ErrNotAllowed)
		}
		if err := m.admit(r.Identity, in.Role, &r.Lockbox, author); err != nil {
			return err
		}
		in.RedeemedBy = op.Author
		m.invites[r.Invite] = in
		m.redemptions = append(m.redemptions, Redemption{Invite: r.Invite, Invitee: op.Author, MAC: r.MAC})
	}
	m.seq, m.time, m.head = op.Seq, op.Time, hash
	return nil
}

// admit adds a member to the current epoch with the lockbox maker made for it.
func (m *Membership) admit(identity []byte, role Role, lb *Lockbox, maker Member) error {
	id, err := ParseIdentityPublic(identity)
	if err != nil {
		return fmt.Errorf("new member: %w", err)
	}
	cur, mid := m.current, id.ID()
	if _, ok := m.epochs[cur][mid]; ok {
		return fmt.Errorf("%w: %s is a member already", ErrNotAllowed, mid.Short())
	}
	if err := checkLockbox(lb, m.doc, cur, mid, maker.Identity); err != nil {
		return err
	}
	m.epochs[cur][mid] = Member{Identity: id, Role: role}
	m.known[mid] = true
	m.lockboxes[cur][mid] = *lb
	return nil
}

// rotate starts the epoch after the current one with the members in next.
func (m *Membership) rotate(r *Rotation, author Member, next map[IdentityID]Member) error {
	epoch := m.current + 1
	if r.Epoch != epoch {
		return fmt.Errorf("%w: rotation to epoch %d after epoch %d", ErrWrongEpoch, r.Epoch, m.current)
	}
	if len(r.Lockboxes) != len(next) {
		return fmt.Errorf("%w: rotation with %d lockboxes for %d members", ErrMalformed, len(r.Lockboxes), len(next))
	}
	boxes := make(map[IdentityID]Lockbox, len(next))
	for i := range r.Lockboxes {
		lb := &r.Lockboxes[i]
		if _, ok := next[lb.Recipient]; !ok {
			return fmt.Errorf("%w: rotation lockbox for %s, who is no member of the new epoch", ErrNotMember, lb.Recipient.Short())
		}
		if _, dup := boxes[lb.Recipient]; dup {
			return fmt.Errorf("%w: two rotation lockboxes for %s", ErrMalformed, lb.Recipient.Short())
		}
		if err := checkLockbox(lb, m.doc, epoch, lb.Recipient, author.Identity); err != nil {
			return err
		}
		boxes[lb.Recipient] = *lb
	}
	m.epochs[epoch] = next
	m.lockboxes[epoch] = boxes
	m.starters[epoch] = author
	m.history[epoch] = r.History
	m.current = epoch
	return nil
}

// checkLockbox checks that lb is for doc, epoch and recipient, made and signed by maker.
func checkLockbox(lb *Lockbox, doc DocID, epoch Epoch, recipient IdentityID, maker IdentityPublic) error {
	if lb.Doc != doc {
		return fmt.Errorf("lockbox: %w", ErrWrongDocument)
	}
	if lb.Epoch != epoch {
		return fmt.Errorf("%w: lockbox for epoch %d, want %d", ErrWrongEpoch, lb.Epoch, epoch)
	}
	if lb.Recipient != recipient || lb.Maker != maker.ID() {
		return fmt.Errorf("%w: lockbox for another recipient or by another maker than its operation's", ErrMalformed)
	}
	if !maker.Verify(lb.Signature, LabelLockbox, LockboxSigningParts(lb.Doc, lb.Epoch, lb.Recipient, lb.Maker, lb.Ciphertext)...) {
		return fmt.Errorf("lockbox: %w", ErrBadSignature)
	}
	return nil
}

// owners counts the owners at epoch e.
func (m *Membership) owners(e Epoch) int {
	n := 0
	for _, mem := range m.epochs[e] {
		if mem.Role == RoleOwner {
			n++
		}
	}
	return n
}

// clone copies m deeply enough that applying an operation to the copy leaves m unchanged.
func (m *Membership) clone() *Membership {
	c := *m
	c.epochs = make(map[Epoch]map[IdentityID]Member, len(m.epochs))
	for e, members := range m.epochs {
		c.epochs[e] = maps.Clone(members)
	}
	c.lockboxes = make(map[Epoch]map[IdentityID]Lockbox, len(m.lockboxes))
	for e, boxes := range m.lockboxes {
		c.lockboxes[e] = maps.Clone(boxes)
	}
	c.known = maps.Clone(m.known)
	c.starters = maps.Clone(m.starters)
	c.history = maps.Clone(m.history)
	c.invites = maps.Clone(m.invites)
	c.redemptions = slices.Clip(m.redemptions) // appending copies
	return &c
}

// Seq returns the number of operations of the log; the next operation has Seq()+1.
func (m *Membership) Seq() uint64 { return m.seq }

// Time returns the time of the log's last operation in Unix milliseconds. The next operation
// must not be dated before it.
func (m *Membership) Time() int64 { return m.time }

// Lockbox returns the lockbox of epoch e for recipient that the log carries.
func (m *Membership) Lockbox(e Epoch, recipient IdentityID) (Lockbox, bool) {
	lb, ok := m.lockboxes[e][recipient]
	if !ok {
		return Lockbox{}, false
	}
	lb.Ciphertext, lb.Signature = slices.Clone(lb.Ciphertext), slices.Clone(lb.Signature)
	return lb, true
}

// History returns the keys of the epochs before e, sealed under e's key by the member who
// started e; nil for epoch 1.
func (m *Membership) History(e Epoch) []byte { return slices.Clone(m.history[e]) }

// starter returns the member whose operation started epoch e (after the first).
func (m *Membership) starter(e Epoch) (Member, bool) {
	s, ok := m.starters[e]
	return s, ok
}
