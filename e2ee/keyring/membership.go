package keyring

import (
	"fmt"
	"log/slog"
	"maps"
	"slices"
	"time"

	"github.com/mobio-sync/mobio/e2ee"
)

// nowMillis is the clock of the operations this file builds; tests replace it.
var nowMillis = func() int64 { return time.Now().UnixMilli() }

// opTime dates the next operation of m: now, or the last operation's time when the clock is
// behind it, because times never decrease along a log.
func opTime(m *e2ee.Membership) int64 { return max(nowMillis(), m.Time()) }

// Keys are the epoch keys of one document that a member holds: the key of the latest epoch
// the member was given a lockbox for, and every earlier key from that epoch's history. A member
// who joins late holds them all; a removed member holds none after its removal. Keys never
// change once made (operations that rotate return new Keys), so they are safe for concurrent use.
type Keys struct {
	_       [0]func()
	doc     e2ee.DocID
	keys    map[e2ee.Epoch]*EpochKey
	primary e2ee.Epoch
}

// OpenKeys opens me's keys of the document of m: it opens me's lockbox of the latest epoch that
// has one, then the history sealed under that key. It fails with [e2ee.ErrNotMember] (wrapped)
// when the log holds no lockbox for me, and with [ErrDecrypt] when a lockbox or the history
// does not open.
func OpenKeys(me *Identity, m *e2ee.Membership) (*Keys, error) {
	for e := m.Epoch(); e >= 1; e-- {
		lb, ok := m.Lockbox(e, me.ID())
		if !ok {
			continue
		}
		key, err := OpenLockbox(me, lb, m)
		if err != nil {
			return nil, err
		}
		older, err := openHistory(key, m.History(e))
		if err != nil {
			return nil, err
		}
		k := &Keys{doc: m.Doc(), keys: map[e2ee.Epoch]*EpochKey{e: key}, primary: e}
		for _, o := range older {
			k.keys[o.epoch] = o
		}
		return k, nil
	}
	return nil, fmt.Errorf("open keys: %w: the log holds no lockbox for %s", e2ee.ErrNotMember, me.ID().Short())
}

// Doc returns the document the keys belong to.
func (k *Keys) Doc() e2ee.DocID { k.mustSet(); return k.doc }

// Primary returns the key that new envelopes are sealed with: the latest epoch's.
func (k *Keys) Primary() *EpochKey { k.mustSet(); return k.keys[k.primary] }

// Key returns the key of epoch e, or [e2ee.ErrWrongEpoch] (wrapped) when k does not hold it.
func (k *Keys) Key(e e2ee.Epoch) (*EpochKey, error) {
	k.mustSet()
	key, ok := k.keys[e]
	if !ok {
		return nil, fmt.Errorf("%w: no key for epoch %d", e2ee.ErrWrongEpoch, e)
	}
	return key, nil
}

// Epochs returns the epochs k holds keys for, in order.
func (k *Keys) Epochs() []e2ee.Epoch {
	k.mustSet()
	return slices.Sorted(maps.Keys(k.keys))
}

// with returns a copy of k that also holds key, as primary. The receiver is unchanged.
func (k *Keys) with(key *EpochKey) *Keys {
	n := &Keys{doc: k.doc, keys: maps.Clone(k.keys), primary: key.epoch}
	n.keys[key.epoch] = key
	return n
}

// upTo returns the keys of epochs 1..e, failing when one is missing.
func (k *Keys) upTo(e e2ee.Epoch) ([]*EpochKey, error) {
	out := make([]*EpochKey, 0, e)
	for i := e2ee.Epoch(1); i <= e; i++ {
		key, err := k.Key(i)
		if err != nil {
			return nil, err
		}
		out = append(out, key)
	}
	return out, nil
}

func (k *Keys) mustSet() {
	if k == nil || k.keys == nil {
		panic("keyring: use of zero Keys")
	}
}

// LogValue keeps keys out of logs.
func (k *Keys) LogValue() slog.Value { return slog.StringValue("REDACTED") }

// String keeps keys out of fmt output.
func (k *Keys) String() string { return "keyring.Keys(REDACTED)" }

// historyAD binds a sealed history to its document and epoch.
func historyAD(doc e2ee.DocID, epoch e2ee.Epoch) []byte {
	return e2ee.SignedMessage(e2ee.LabelHistory, doc[:], epochBytes(epoch))
}

// sealHistory seals the keys of all epochs before next (older, in order from epoch 1) under
// next: 32 bytes per epoch, concatenated.
func sealHistory(next *EpochKey, older []*EpochKey) ([]byte, error) {
	pt := make([]byte, 0, 32*len(older))
	for i, o := range older {
		if o.epoch != e2ee.Epoch(i+1) {
			return nil, fmt.Errorf("seal history: key of epoch %d in place of %d", o.epoch, i+1)
		}
		pt = append(pt, o.key[:]...)
	}
	return aesGCMSeal(&next.key, pt, historyAD(next.doc, next.epoch))
}

// openHistory opens the keys of the epochs before key's. Epoch 1 has no history.
func openHistory(key *EpochKey, sealed []byte) ([]*EpochKey, error) {
	if key.epoch == 1 {
		return nil, nil
	}
	pt, err := aesGCMOpen(&key.key, sealed, historyAD(key.doc, key.epoch))
	if err != nil || len(pt) != 32*int(key.epoch-1) {
		return nil, ErrDecrypt
	}
	out := make([]*EpochKey, key.epoch-1)
	for i := range out {
		o := &EpochKey{doc: key.doc, epoch: e2ee.Epoch(i + 1), set: true}
		copy(o.key[:], pt[32*i:])
		out[i] = o
	}
	return out, nil
}

// nextOp starts the operation of type t that follows m's head.
func nextOp(author *Identity, m *e2ee.Membership, t e2ee.OpType) e2ee.Op {
	return e2ee.Op{
		Version: e2ee.OpVersion, Doc: m.Doc(), Seq: m.Seq() + 1, Prev: m.Head(),
		Author: author.ID(), Type: t, Time: opTime(m),
	}
}

// signOp encodes op and signs it as author: the signed operation's bytes.
func signOp(author *Identity, op *e2ee.Op) ([]byte, error) {
	b, err := op.Encode()
	if err != nil {
		return nil, err
	}
	sig, err := author.Sign(e2ee.LabelOp, e2ee.OpSigningParts(b)...)
	if err != nil {
		return nil, err
	}
	return e2ee.EncodeSignedOp(b, sig)
}

// NewDocument creates a document owned by owner: the signed genesis operation (the owner's
// identity, a random nonce, epoch 1 and the owner's lockbox of the first key), the document's
// ID, derived from the genesis, and the first epoch key.
func NewDocument(owner *Identity) (genesis []byte, doc e2ee.DocID, key *EpochKey, err error) {
	var k [32]byte
	random(k[:])
	// The genesis lockbox names the zero document: the ID is the hash of the genesis itself.
	lb, err := wrapLockbox(owner, e2ee.DocID{}, 1, &k, owner.Public())
	if err != nil {
		return nil, doc, nil, err
	}
	c, err := e2ee.NewCreateOp(owner.Public(), lb)
	if err != nil {
		return nil, doc, nil, err
	}
	op := e2ee.Op{Version: e2ee.OpVersion, Seq: 1, Author: owner.ID(), Type: e2ee.OpCreate, Time: nowMillis(), Create: c}
	if genesis, err = signOp(owner, &op); err != nil {
		return nil, doc, nil, fmt.Errorf("new document: %w", err)
	}
	if doc, err = e2ee.GenesisDocID(genesis); err != nil {
		return nil, doc, nil, err
	}
	return genesis, doc, &EpochKey{key: k, doc: doc, epoch: 1, set: true}, nil
}

// AddMember builds the operation by which author, an owner, adds member with role: it carries
// the member's lockbox of the current epoch's key, so that the member opens every epoch through
// the history.
func AddMember(author *Identity, m *e2ee.Membership, keys *Keys, member e2ee.IdentityPublic, role e2ee.Role) ([]byte, error) {
	key, err := keys.Key(m.Epoch())
	if err != nil {
		return nil, fmt.Errorf("add member: %w", err)
	}
	lb, err := WrapLockbox(author, key, member)
	if err != nil {
		return nil, err
	}
	op := nextOp(author, m, e2ee.OpAdd)
	op.Add = &e2ee.AddOp{Identity: member.Bytes(), Role: role, Lockbox: lb}
	return signOp(author, &op)
}

// Transfer builds the operation by which author, a counsellor (or an owner), adds successor as
// a counsellor when the newcomer moves on. consentID is the ID of the consent record in the
// document by which the newcomer agreed; the log keeps it.
func Transfer(author *Identity, m *e2ee.Membership, keys *Keys, successor e2ee.IdentityPublic, consentID string) ([]byte, error) {
	key, err := keys.Key(m.Epoch())
	if err != nil {
		return nil, fmt.Errorf("transfer: %w", err)
	}
	lb, err := WrapLockbox(author, key, successor)
	if err != nil {
		return nil, err
	}
	op := nextOp(author, m, e2ee.OpTransfer)
	op.Transfer = &e2ee.TransferOp{Identity: successor.Bytes(), ConsentID: consentID, Lockbox: lb}
	return signOp(author, &op)
}

// RemoveMember builds the operation by which author removes member (an owner removes anyone
// but the last owner; anyone removes itself to leave). Removal always rotates: see [Rotate].
// next holds the new key as primary; the caller uses it once the log accepted the operation.
func RemoveMember(author *Identity, m *e2ee.Membership, keys *Keys, member e2ee.IdentityID) (op []byte, next *Keys, err error) {
	var remaining []e2ee.IdentityPublic
	found := false
	for _, mem := range m.Members(m.Epoch()) {
		if mem.ID() == member {
			found = true
			continue
		}
		remaining = append(remaining, mem.Identity)
	}
	if !found {
		return nil, nil, fmt.Errorf("remove %s: %w", member.Short(), e2ee.ErrNotMember)
	}
	r, next, err := rotation(author, m, keys, remaining)
	if err != nil {
		return nil, nil, fmt.Errorf("remove %s: %w", member.Short(), err)
	}
	o := nextOp(author, m, e2ee.OpRemove)
	o.Remove = &e2ee.RemoveOp{Member: member, Rotation: r}
	if op, err = signOp(author, &o); err != nil {
		return nil, nil, err
	}
	return op, next, nil
}

// Rotate builds the operation by which author, an owner, starts a new epoch with the same
// members: a fresh key, a lockbox of it for every member, and the keys of all earlier epochs
// sealed under it. next holds the new key as primary; the caller uses it once the log accepted
// the operation. Rotations (and so removals) fail with [ErrDecrypt] when a member of the new
// epoch joined by a redemption that [CheckRedemption] refuses: the new key is never wrapped
// for someone who redeemed without the invite's secret.
func Rotate(author *Identity, m *e2ee.Membership, keys *Keys) (op []byte, next *Keys, err error) {
	var members []e2ee.IdentityPublic
	for _, mem := range m.Members(m.Epoch()) {
		members = append(members, mem.Identity)
	}
	r, next, err := rotation(author, m, keys, members)
	if err != nil {
		return nil, nil, fmt.Errorf("rotate: %w", err)
	}
	o := nextOp(author, m, e2ee.OpRotate)
	o.Rotate = &e2ee.RotateOp{Rotation: r}
	if op, err = signOp(author, &o); err != nil {
		return nil, nil, err
	}
	return op, next, nil
}

// rotation makes the next epoch's key, wraps it for each of members and seals the history
// under it. The new key becomes primary (in the returned Keys) only after every wrap succeeded.
func rotation(author *Identity, m *e2ee.Membership, keys *Keys, members []e2ee.IdentityPublic) (e2ee.Rotation, *Keys, error) {
	// Step 1. Every earlier key goes into the history, so the rotator must hold them all.
	older, err := keys.upTo(m.Epoch())
	if err != nil {
		return e2ee.Rotation{}, nil, err
	}
	// Step 2. Wrap to no invitee whose redemption the members cannot check: the relay learns an
	// invite's proof from a real redemption and could withhold it to redeem in its own name.
	wraps := make(map[e2ee.IdentityID]bool, len(members))
	for _, mem := range members {
		wraps[mem.ID()] = true
	}
	for _, r := range m.Redemptions() {
		if wraps[r.Invitee] {
			if err := CheckRedemption(keys, m, r); err != nil {
				return e2ee.Rotation{}, nil, fmt.Errorf("redemption by %s: %w", r.Invitee.Short(), err)
			}
		}
	}
	// Step 3. A fresh key for the next epoch, wrapped for every member of it.
	key := NewEpochKey(m.Doc(), m.Epoch()+1)
	r := e2ee.Rotation{Epoch: key.epoch}
	for _, mem := range members {
		lb, err := WrapLockbox(author, key, mem)
		if err != nil {
			return e2ee.Rotation{}, nil, err
		}
		r.Lockboxes = append(r.Lockboxes, lb)
	}
	// Step 4. The earlier keys sealed under the new one.
	if r.History, err = sealHistory(key, older); err != nil {
		return e2ee.Rotation{}, nil, err
	}
	// Step 5. Only now the new key becomes primary.
	return r, keys.with(key), nil
}
