package e2ee_test

import (
	"bytes"
	"crypto/ed25519"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/mobio-sync/mobio/e2ee"
)

// opSigner writes membership operations and lockboxes without keyring: the log's checks need
// valid signatures, not lockboxes that decrypt, and e2ee's tests must not need secrets. Its
// lockboxes carry random bytes in place of HPKE ciphertexts.
type opSigner struct {
	priv ed25519.PrivateKey
	pub  e2ee.IdentityPublic
}

func newOpSigner(t testing.TB) opSigner {
	t.Helper()
	pub, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	hpke := random(32)
	id, err := e2ee.NewIdentityPublic(pub, hpke, ed25519.Sign(priv, e2ee.SignedMessage(e2ee.LabelIdentityKey, hpke)))
	if err != nil {
		t.Fatal(err)
	}
	return opSigner{priv: priv, pub: id}
}

func random(n int) []byte {
	b := make([]byte, n)
	rand.Read(b)
	return b
}

func (s opSigner) id() e2ee.IdentityID { return s.pub.ID() }

func (s opSigner) lockbox(doc e2ee.DocID, epoch e2ee.Epoch, recipient e2ee.IdentityID) e2ee.Lockbox {
	lb := e2ee.Lockbox{Version: e2ee.LockboxVersion, Doc: doc, Epoch: epoch, Recipient: recipient, Maker: s.id(), Ciphertext: random(80)}
	lb.Signature = ed25519.Sign(s.priv, e2ee.SignedMessage(e2ee.LabelLockbox, e2ee.LockboxSigningParts(doc, epoch, recipient, lb.Maker, lb.Ciphertext)...))
	return lb
}

func (s opSigner) sign(t testing.TB, op e2ee.Op) []byte {
	t.Helper()
	b, err := op.Encode()
	if err != nil {
		t.Fatalf("Encode() = %v", err)
	}
	raw, err := e2ee.EncodeSignedOp(b, ed25519.Sign(s.priv, e2ee.SignedMessage(e2ee.LabelOp, e2ee.OpSigningParts(b)...)))
	if err != nil {
		t.Fatal(err)
	}
	return raw
}

func (s opSigner) genesis(t testing.TB) []byte {
	t.Helper()
	c, err := e2ee.NewCreateOp(s.pub, s.lockbox(e2ee.DocID{}, 1, s.id()))
	if err != nil {
		t.Fatal(err)
	}
	return s.sign(t, e2ee.Op{Version: e2ee.OpVersion, Seq: 1, Author: s.id(), Type: e2ee.OpCreate, Time: 1000, Create: c})
}

// testLog is a log under construction with helpers that make each kind of operation.
type testLog struct {
	t   testing.TB
	log e2ee.Log
}

func newTestLog(t testing.TB, owner opSigner) *testLog {
	t.Helper()
	l := &testLog{t: t}
	l.mustAppend(owner.genesis(t))
	return l
}

func (l *testLog) m() *e2ee.Membership { return l.log.Membership() }

func (l *testLog) mustAppend(raw []byte) {
	l.t.Helper()
	if err := l.log.Append(raw); err != nil {
		l.t.Fatalf("Append() = %v", err)
	}
}

// op signs an operation of author that follows the head, after fill set its fields.
func (l *testLog) op(author opSigner, typ e2ee.OpType, fill func(*e2ee.Op)) []byte {
	l.t.Helper()
	m := l.m()
	op := e2ee.Op{Version: e2ee.OpVersion, Doc: m.Doc(), Seq: m.Seq() + 1, Prev: m.Head(), Author: author.id(), Type: typ, Time: m.Time() + 1}
	fill(&op)
	return author.sign(l.t, op)
}

func (l *testLog) add(author, member opSigner, role e2ee.Role) []byte {
	return l.op(author, e2ee.OpAdd, func(op *e2ee.Op) {
		op.Add = &e2ee.AddOp{Identity: member.pub.Bytes(), Role: role, Lockbox: author.lockbox(op.Doc, l.m().Epoch(), member.id())}
	})
}

func (l *testLog) transfer(author, successor opSigner, consent string) []byte {
	return l.op(author, e2ee.OpTransfer, func(op *e2ee.Op) {
		op.Transfer = &e2ee.TransferOp{Identity: successor.pub.Bytes(), ConsentID: consent, Lockbox: author.lockbox(op.Doc, l.m().Epoch(), successor.id())}
	})
}

// rotation makes lockboxes by author for every member of the current epoch but leaving.
func (l *testLog) rotation(author opSigner, leaving e2ee.IdentityID) e2ee.Rotation {
	m := l.m()
	r := e2ee.Rotation{Epoch: m.Epoch() + 1, History: random(60)}
	for _, mem := range m.Members(m.Epoch()) {
		if mem.ID() != leaving {
			r.Lockboxes = append(r.Lockboxes, author.lockbox(m.Doc(), r.Epoch, mem.ID()))
		}
	}
	return r
}

func (l *testLog) remove(author opSigner, member e2ee.IdentityID) []byte {
	return l.op(author, e2ee.OpRemove, func(op *e2ee.Op) {
		op.Remove = &e2ee.RemoveOp{Member: member, Rotation: l.rotation(author, member)}
	})
}

func (l *testLog) rotate(author opSigner) []byte {
	return l.op(author, e2ee.OpRotate, func(op *e2ee.Op) {
		op.Rotate = &e2ee.RotateOp{Rotation: l.rotation(author, e2ee.IdentityID{})}
	})
}

func (l *testLog) invite(author opSigner, proof []byte, expires int64) []byte {
	return l.op(author, e2ee.OpInvite, func(op *e2ee.Op) {
		op.Invite = &e2ee.InviteOp{Verifier: sha256.Sum256(proof), Role: e2ee.RoleCounsellor, Expires: expires, Epoch: l.m().Epoch(), Key: random(60), Check: random(60)}
	})
}

func (l *testLog) redeem(invitee opSigner, invite e2ee.Hash, proof []byte) []byte {
	return l.op(invitee, e2ee.OpRedeem, func(op *e2ee.Op) {
		op.Redeem = &e2ee.RedeemOp{Invite: invite, Identity: invitee.pub.Bytes(), Proof: proof, MAC: random(32), Lockbox: invitee.lockbox(op.Doc, l.m().Epoch(), invitee.id())}
	})
}

// world is a document with an owner, a counsellor and a viewer, and an outsider.
type world struct {
	*testLog
	owner, counsellor, viewer, outsider opSigner
}

func newWorld(t testing.TB) *world {
	t.Helper()
	w := &world{owner: newOpSigner(t), counsellor: newOpSigner(t), viewer: newOpSigner(t), outsider: newOpSigner(t)}
	w.testLog = newTestLog(t, w.owner)
	w.mustAppend(w.add(w.owner, w.counsellor, e2ee.RoleCounsellor))
	w.mustAppend(w.add(w.owner, w.viewer, e2ee.RoleViewer))
	return w
}

func TestLogRights(t *testing.T) {
	tests := []struct {
		name string
		op   func(w *world) []byte
		want error
	}{
		{"owner adds a member", func(w *world) []byte { return w.add(w.owner, w.outsider, e2ee.RoleViewer) }, nil},
		{"counsellor cannot add a member", func(w *world) []byte { return w.add(w.counsellor, w.outsider, e2ee.RoleViewer) }, e2ee.ErrNotAllowed},
		{"viewer cannot add a member", func(w *world) []byte { return w.add(w.viewer, w.outsider, e2ee.RoleViewer) }, e2ee.ErrNotAllowed},
		{"outsider cannot add itself", func(w *world) []byte { return w.add(w.outsider, w.outsider, e2ee.RoleOwner) }, e2ee.ErrUnknownAuthor},
		{"member cannot be added twice", func(w *world) []byte { return w.add(w.owner, w.viewer, e2ee.RoleCounsellor) }, e2ee.ErrNotAllowed},
		{"owner removes the counsellor", func(w *world) []byte { return w.remove(w.owner, w.counsellor.id()) }, nil},
		{"counsellor cannot remove the viewer", func(w *world) []byte { return w.remove(w.counsellor, w.viewer.id()) }, e2ee.ErrNotAllowed},
		{"viewer cannot remove the owner", func(w *world) []byte { return w.remove(w.viewer, w.owner.id()) }, e2ee.ErrNotAllowed},
		{"viewer leaves", func(w *world) []byte { return w.remove(w.viewer, w.viewer.id()) }, nil},
		{"counsellor leaves", func(w *world) []byte { return w.remove(w.counsellor, w.counsellor.id()) }, nil},
		{"last owner cannot leave", func(w *world) []byte { return w.remove(w.owner, w.owner.id()) }, e2ee.ErrNotAllowed},
		{"outsider cannot be removed", func(w *world) []byte { return w.remove(w.owner, w.outsider.id()) }, e2ee.ErrUnknownAuthor},
		{"counsellor transfers to a successor", func(w *world) []byte { return w.transfer(w.counsellor, w.outsider, "consent-17") }, nil},
		{"owner transfers to a successor", func(w *world) []byte { return w.transfer(w.owner, w.outsider, "consent-17") }, nil},
		{"viewer cannot transfer", func(w *world) []byte { return w.transfer(w.viewer, w.outsider, "consent-17") }, e2ee.ErrNotAllowed},
		{"owner rotates", func(w *world) []byte { return w.rotate(w.owner) }, nil},
		{"counsellor cannot rotate", func(w *world) []byte { return w.rotate(w.counsellor) }, e2ee.ErrNotAllowed},
		{"counsellor cannot invite", func(w *world) []byte { return w.invite(w.counsellor, random(32), 1<<40) }, e2ee.ErrNotAllowed},
		{"owner invites", func(w *world) []byte { return w.invite(w.owner, random(32), 1<<40) }, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w := newWorld(t)
			checkAppend(t, w.testLog, tt.op(w), tt.want)
		})
	}
}

// checkAppend appends raw and checks the error; a failed append must leave the log as it was.
func checkAppend(t *testing.T, l *testLog, raw []byte, want error) {
	t.Helper()
	before := l.m()
	n := l.log.Len()
	err := l.log.Append(raw)
	if !errors.Is(err, want) || (err == nil) != (want == nil) {
		t.Fatalf("Append() = %v, want %v", err, want)
	}
	if err != nil && (l.log.Len() != n || l.m() != before) {
		t.Fatalf("failed Append changed the log: %d operations, want %d", l.log.Len(), n)
	}
	if err == nil {
		if _, err := e2ee.VerifyLog(l.log.Ops()); err != nil {
			t.Fatalf("VerifyLog() of the grown log = %v", err)
		}
	}
}

func TestLogRejectsBrokenOperations(t *testing.T) {
	tests := []struct {
		name string
		op   func(w *world) []byte
		want error
	}{
		{"operation signed by another key", func(w *world) []byte {
			raw := w.add(w.owner, w.outsider, e2ee.RoleViewer)
			s, _ := e2ee.DecodeSignedOp(raw)
			forged, _ := e2ee.EncodeSignedOp(s.OpBytes, ed25519.Sign(w.outsider.priv, e2ee.SignedMessage(e2ee.LabelOp, s.OpBytes)))
			return forged
		}, e2ee.ErrBadSignature},
		{"operation for another document", func(w *world) []byte {
			return w.op(w.owner, e2ee.OpRotate, func(op *e2ee.Op) {
				op.Doc[0] ^= 1
				op.Rotate = &e2ee.RotateOp{Rotation: w.rotation(w.owner, e2ee.IdentityID{})}
			})
		}, e2ee.ErrWrongDocument},
		{"operation based on an older head", func(w *world) []byte {
			return w.op(w.owner, e2ee.OpRotate, func(op *e2ee.Op) {
				op.Seq--
				op.Prev = e2ee.OpHash(w.log.Ops()[op.Seq-2])
				op.Rotate = &e2ee.RotateOp{Rotation: w.rotation(w.owner, e2ee.IdentityID{})}
			})
		}, e2ee.ErrStaleHead},
		{"operation that skips a sequence number", func(w *world) []byte {
			return w.op(w.owner, e2ee.OpRotate, func(op *e2ee.Op) {
				op.Seq++
				op.Rotate = &e2ee.RotateOp{Rotation: w.rotation(w.owner, e2ee.IdentityID{})}
			})
		}, e2ee.ErrBrokenLog},
		{"operation naming an unknown previous hash", func(w *world) []byte {
			return w.op(w.owner, e2ee.OpRotate, func(op *e2ee.Op) {
				op.Prev[0] ^= 1
				op.Rotate = &e2ee.RotateOp{Rotation: w.rotation(w.owner, e2ee.IdentityID{})}
			})
		}, e2ee.ErrBrokenLog},
		{"second genesis", func(w *world) []byte { return w.owner.genesis(t) }, e2ee.ErrBrokenLog},
		{"operation dated before the previous one", func(w *world) []byte {
			return w.op(w.owner, e2ee.OpRotate, func(op *e2ee.Op) {
				op.Time -= 2
				op.Rotate = &e2ee.RotateOp{Rotation: w.rotation(w.owner, e2ee.IdentityID{})}
			})
		}, e2ee.ErrBrokenLog},
		{"rotation without a lockbox for a remaining member", func(w *world) []byte {
			return w.op(w.owner, e2ee.OpRemove, func(op *e2ee.Op) {
				r := w.rotation(w.owner, w.viewer.id())
				r.Lockboxes = r.Lockboxes[1:]
				op.Remove = &e2ee.RemoveOp{Member: w.viewer.id(), Rotation: r}
			})
		}, e2ee.ErrMalformed},
		{"rotation with a lockbox for the removed member", func(w *world) []byte {
			return w.op(w.owner, e2ee.OpRemove, func(op *e2ee.Op) {
				r := w.rotation(w.owner, w.viewer.id())
				r.Lockboxes[0] = w.owner.lockbox(op.Doc, r.Epoch, w.viewer.id())
				op.Remove = &e2ee.RemoveOp{Member: w.viewer.id(), Rotation: r}
			})
		}, e2ee.ErrNotMember},
		{"rotation that skips an epoch", func(w *world) []byte {
			return w.op(w.owner, e2ee.OpRotate, func(op *e2ee.Op) {
				r := w.rotation(w.owner, e2ee.IdentityID{})
				r.Epoch++
				op.Rotate = &e2ee.RotateOp{Rotation: r}
			})
		}, e2ee.ErrWrongEpoch},
		{"lockbox signed by an outsider in the owner's name", func(w *world) []byte {
			return w.op(w.owner, e2ee.OpAdd, func(op *e2ee.Op) {
				lb := w.outsider.lockbox(op.Doc, 1, w.outsider.id())
				lb.Maker = w.owner.id()
				op.Add = &e2ee.AddOp{Identity: w.outsider.pub.Bytes(), Role: e2ee.RoleViewer, Lockbox: lb}
			})
		}, e2ee.ErrBadSignature},
		{"lockbox of another epoch", func(w *world) []byte {
			return w.op(w.owner, e2ee.OpAdd, func(op *e2ee.Op) {
				op.Add = &e2ee.AddOp{Identity: w.outsider.pub.Bytes(), Role: e2ee.RoleViewer, Lockbox: w.owner.lockbox(op.Doc, 2, w.outsider.id())}
			})
		}, e2ee.ErrWrongEpoch},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w := newWorld(t)
			checkAppend(t, w.testLog, tt.op(w), tt.want)
		})
	}
}

func TestLogInvites(t *testing.T) {
	proof := random(32)
	tests := []struct {
		name string
		op   func(w *world, invite e2ee.Hash) []byte
		want error
	}{
		{"redemption with the proof makes a member", func(w *world, h e2ee.Hash) []byte { return w.redeem(w.outsider, h, proof) }, nil},
		{"second redemption of one invite", func(w *world, h e2ee.Hash) []byte {
			w.mustAppend(w.redeem(w.outsider, h, proof))
			return w.redeem(newOpSigner(t), h, proof)
		}, e2ee.ErrInviteRedeemed},
		{"redemption after the expiry", func(w *world, h e2ee.Hash) []byte {
			return w.op(w.outsider, e2ee.OpRedeem, func(op *e2ee.Op) {
				op.Time = 5001
				op.Redeem = &e2ee.RedeemOp{Invite: h, Identity: w.outsider.pub.Bytes(), Proof: proof, MAC: random(32), Lockbox: w.outsider.lockbox(op.Doc, 1, w.outsider.id())}
			})
		}, e2ee.ErrInviteExpired},
		{"redemption after a rotation", func(w *world, h e2ee.Hash) []byte {
			w.mustAppend(w.rotate(w.owner))
			return w.redeem(w.outsider, h, proof)
		}, e2ee.ErrInviteVoid},
		{"redemption without the proof", func(w *world, h e2ee.Hash) []byte { return w.redeem(w.outsider, h, random(32)) }, e2ee.ErrNotAllowed},
		{"redemption of an unknown invite", func(w *world, h e2ee.Hash) []byte { return w.redeem(w.outsider, e2ee.Hash{1}, proof) }, e2ee.ErrNotAllowed},
		{"redemption signed by someone else", func(w *world, h e2ee.Hash) []byte {
			raw := w.redeem(w.outsider, h, proof)
			s, _ := e2ee.DecodeSignedOp(raw)
			forged, _ := e2ee.EncodeSignedOp(s.OpBytes, ed25519.Sign(w.viewer.priv, e2ee.SignedMessage(e2ee.LabelOp, s.OpBytes)))
			return forged
		}, e2ee.ErrBadSignature},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w := newWorld(t)
			inv := w.invite(w.owner, proof, 5000)
			w.mustAppend(inv)
			checkAppend(t, w.testLog, tt.op(w, e2ee.OpHash(inv)), tt.want)
		})
	}
}

func TestLogMembersPerEpoch(t *testing.T) {
	w := newWorld(t)
	w.mustAppend(w.remove(w.owner, w.viewer.id()))
	w.mustAppend(w.transfer(w.counsellor, w.outsider, "consent-3"))
	m := w.m()
	if m.Epoch() != 2 {
		t.Fatalf("Epoch() = %d, want 2", m.Epoch())
	}
	tests := []struct {
		name  string
		epoch e2ee.Epoch
		id    e2ee.IdentityID
		want  error
		role  e2ee.Role
	}{
		{"removed viewer stays a member of epoch 1", 1, w.viewer.id(), nil, e2ee.RoleViewer},
		{"removed viewer is no member of epoch 2", 2, w.viewer.id(), e2ee.ErrNotMember, 0},
		{"successor is a counsellor of epoch 2", 2, w.outsider.id(), nil, e2ee.RoleCounsellor},
		{"successor is no member of epoch 1", 1, w.outsider.id(), e2ee.ErrNotMember, 0},
		{"owner is an owner of epoch 2", 2, w.owner.id(), nil, e2ee.RoleOwner},
		{"epoch 3 is unknown", 3, w.owner.id(), e2ee.ErrWrongEpoch, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			mem, err := m.Member(tt.epoch, tt.id)
			if !errors.Is(err, tt.want) || (err == nil) != (tt.want == nil) || mem.Role != tt.role {
				t.Fatalf("Member(%d) = %v, %v, want %v, %v", tt.epoch, mem.Role, err, tt.role, tt.want)
			}
		})
	}
	if got, want := len(m.Members(2)), 3; got != want {
		t.Fatalf("len(Members(2)) = %d, want %d", got, want)
	}
	again, err := e2ee.VerifyLog(w.log.Ops())
	if err != nil || again.Head() != m.Head() || again.Doc() != m.Doc() {
		t.Fatalf("VerifyLog() = %v, head %v, want head %v", err, again.Head(), m.Head())
	}
}

func TestMembershipDoesNotChangeWhenLogGrows(t *testing.T) {
	w := newWorld(t)
	before := w.m()
	w.mustAppend(w.remove(w.owner, w.viewer.id()))
	if before.Epoch() != 1 || before.Seq() != 3 || len(before.Members(1)) != 3 {
		t.Fatalf("earlier membership changed: epoch %d, seq %d, %d members", before.Epoch(), before.Seq(), len(before.Members(1)))
	}
	if _, err := before.Member(2, w.owner.id()); !errors.Is(err, e2ee.ErrWrongEpoch) {
		t.Fatalf("earlier Member(2) = %v, want %v", err, e2ee.ErrWrongEpoch)
	}
}

func TestGenesisBindsDocID(t *testing.T) {
	owner := newOpSigner(t)
	raw := owner.genesis(t)
	doc, err := e2ee.GenesisDocID(raw)
	if err != nil {
		t.Fatal(err)
	}
	m, err := e2ee.VerifyLog([][]byte{raw})
	if err != nil || m.Doc() != doc {
		t.Fatalf("VerifyLog() = %v, doc %v, want %v", err, m.Doc(), doc)
	}
	s, _ := e2ee.DecodeSignedOp(raw)
	for i := range s.OpBytes {
		changed := append([]byte(nil), s.OpBytes...)
		changed[i] ^= 0x01
		again, err := e2ee.EncodeSignedOp(changed, s.Signature)
		if err != nil {
			t.Fatal(err)
		}
		if d, err := e2ee.GenesisDocID(again); err == nil && d == doc {
			t.Fatalf("genesis with byte %d changed has the same document ID", i)
		}
	}
	// Two genesis operations of one owner make two documents.
	if other, _ := e2ee.GenesisDocID(owner.genesis(t)); other == doc {
		t.Fatalf("two genesis operations share document ID %v", doc)
	}
	if _, err := e2ee.GenesisDocID(newWorld(t).log.Ops()[1]); !errors.Is(err, e2ee.ErrMalformed) {
		t.Fatalf("GenesisDocID(add operation) = %v, want %v", err, e2ee.ErrMalformed)
	}
}

func TestVerifyLogNeedsGenesis(t *testing.T) {
	w := newWorld(t)
	ops := w.log.Ops()
	tests := []struct {
		name string
		ops  [][]byte
		want error
	}{
		{"empty log", nil, e2ee.ErrBrokenLog},
		{"log without its genesis", ops[1:], e2ee.ErrBrokenLog},
		{"log with an operation left out", [][]byte{ops[0], ops[2]}, e2ee.ErrBrokenLog},
		{"log with an operation twice", [][]byte{ops[0], ops[1], ops[1]}, e2ee.ErrReplay},
		{"whole log", ops, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := e2ee.VerifyLog(tt.ops)
			if !errors.Is(err, tt.want) || (err == nil) != (tt.want == nil) {
				t.Fatalf("VerifyLog() = %v, want %v", err, tt.want)
			}
		})
	}
}

func TestLockboxVerify(t *testing.T) {
	w := newWorld(t)
	w.mustAppend(w.remove(w.owner, w.viewer.id()))
	m := w.m()
	valid, _ := m.Lockbox(2, w.counsellor.id())
	genesis, _ := m.Lockbox(1, w.owner.id())
	tests := []struct {
		name string
		lb   func() e2ee.Lockbox
		want error
	}{
		{"lockbox of the log verifies", func() e2ee.Lockbox { return valid }, nil},
		{"genesis lockbox of the log verifies", func() e2ee.Lockbox { return genesis }, nil},
		{"member makes a lockbox for another member", func() e2ee.Lockbox { return w.counsellor.lockbox(m.Doc(), 2, w.owner.id()) }, nil},
		{"outsider (the relay) forges a lockbox", func() e2ee.Lockbox { return w.outsider.lockbox(m.Doc(), 2, w.owner.id()) }, e2ee.ErrUnknownAuthor},
		{"removed member makes a lockbox for the new epoch", func() e2ee.Lockbox { return w.viewer.lockbox(m.Doc(), 2, w.owner.id()) }, e2ee.ErrNotMember},
		{"lockbox for the removed member", func() e2ee.Lockbox { return w.owner.lockbox(m.Doc(), 2, w.viewer.id()) }, e2ee.ErrNotMember},
		{"lockbox moved to another document", func() e2ee.Lockbox { lb := valid; lb.Doc[0] ^= 1; return lb }, e2ee.ErrWrongDocument},
		{"lockbox moved to another epoch", func() e2ee.Lockbox { lb := valid; lb.Epoch = 1; return lb }, e2ee.ErrBadSignature},
		{"lockbox moved to another recipient", func() e2ee.Lockbox { lb := valid; lb.Recipient = w.owner.id(); return lb }, e2ee.ErrBadSignature},
		{"lockbox without document that the genesis does not carry", func() e2ee.Lockbox { return w.owner.lockbox(e2ee.DocID{}, 1, w.owner.id()) }, e2ee.ErrWrongDocument},
		{"lockbox of an unknown epoch", func() e2ee.Lockbox { return w.owner.lockbox(m.Doc(), 3, w.owner.id()) }, e2ee.ErrWrongEpoch},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			lb := tt.lb()
			err := lb.Verify(m)
			if !errors.Is(err, tt.want) || (err == nil) != (tt.want == nil) {
				t.Fatalf("Verify() = %v, want %v", err, tt.want)
			}
		})
	}
}

func TestLockboxEncodeDecode(t *testing.T) {
	w := newWorld(t)
	lb, _ := w.m().Lockbox(1, w.viewer.id())
	b, err := lb.Encode()
	if err != nil {
		t.Fatal(err)
	}
	got, err := e2ee.DecodeLockbox(b)
	if err != nil {
		t.Fatalf("DecodeLockbox() = %v", err)
	}
	if err := got.Verify(w.m()); err != nil {
		t.Fatalf("Verify() of the decoded lockbox = %v", err)
	}
	bad := lb
	bad.Version = 2
	if _, err := bad.Encode(); !errors.Is(err, e2ee.ErrUnsupported) {
		t.Fatalf("Encode() of version 2 = %v, want %v", err, e2ee.ErrUnsupported)
	}
}

// TestGoldenMembershipLog verifies the committed v1 log (written by keyring's
// TestGoldenMembership with -update) with nothing but public data, as the relay does.
func TestGoldenMembershipLog(t *testing.T) {
	text, err := os.ReadFile("testdata/v1/membership-log.hex")
	if err != nil {
		t.Fatal(err)
	}
	var ops [][]byte
	for line := range strings.Lines(string(text)) {
		op, err := hex.DecodeString(strings.TrimSpace(line))
		if err != nil {
			t.Fatal(err)
		}
		ops = append(ops, op)
	}
	m, err := e2ee.VerifyLog(ops)
	if err != nil {
		t.Fatalf("VerifyLog(golden) = %v", err)
	}
	if doc, _ := e2ee.GenesisDocID(ops[0]); m.Doc() != doc || m.Head() != e2ee.OpHash(ops[len(ops)-1]) {
		t.Fatalf("golden log: document %v head %v, want %v and the last operation's hash", m.Doc(), m.Head(), doc)
	}
	wantMembers := map[e2ee.Epoch]int{1: 4, 2: 3, 3: 3}
	for e, n := range wantMembers {
		if got := len(m.Members(e)); got != n {
			t.Fatalf("golden log: %d members at epoch %d, want %d", got, e, n)
		}
	}
	if rs := m.Redemptions(); len(rs) != 1 {
		t.Fatalf("golden log: %d redemptions, want 1", len(rs))
	}
	for i, op := range ops {
		s, err := e2ee.DecodeSignedOp(op)
		if err != nil {
			t.Fatalf("DecodeSignedOp(golden %d) = %v", i, err)
		}
		if again, _ := e2ee.EncodeSignedOp(s.OpBytes, s.Signature); !bytes.Equal(again, op) {
			t.Fatalf("golden operation %d does not re-encode to its bytes", i)
		}
	}
}
