package keyring

import (
	"errors"
	"slices"
	"testing"

	"github.com/mobio-sync/mobio/e2ee"
)

// testDoc is a document under construction: its verified log and its owner's keys.
type testDoc struct {
	t     testing.TB
	log   e2ee.Log
	owner *Identity
	keys  *Keys // the owner's
}

func newTestDoc(t testing.TB) *testDoc {
	t.Helper()
	d := &testDoc{t: t, owner: newTestIdentity(t)}
	genesis, _, _, err := NewDocument(d.owner)
	if err != nil {
		t.Fatalf("NewDocument() = %v", err)
	}
	d.mustAppend(genesis, nil)
	d.keys = d.keysOf(d.owner)
	return d
}

func (d *testDoc) m() *e2ee.Membership { return d.log.Membership() }

// mustAppend appends the operation a builder returned.
func (d *testDoc) mustAppend(op []byte, err error) {
	d.t.Helper()
	if err != nil {
		d.t.Fatalf("build operation: %v", err)
	}
	if err := d.log.Append(op); err != nil {
		d.t.Fatalf("Append() = %v", err)
	}
}

// rotated appends a rotating operation and adopts the owner's next keys.
func (d *testDoc) rotated(op []byte, next *Keys, err error) {
	d.t.Helper()
	d.mustAppend(op, err)
	d.keys = next
}

func (d *testDoc) keysOf(id *Identity) *Keys {
	d.t.Helper()
	k, err := OpenKeys(id, d.m())
	if err != nil {
		d.t.Fatalf("OpenKeys() = %v", err)
	}
	return k
}

func (d *testDoc) member(role e2ee.Role) *Identity {
	d.t.Helper()
	id := newTestIdentity(d.t)
	d.mustAppend(AddMember(d.owner, d.m(), d.keys, id.Public(), role))
	return id
}

// checkSameKeys checks that got holds exactly the epochs want and the same keys for them.
func checkSameKeys(t *testing.T, got, want *Keys, epochs ...e2ee.Epoch) {
	t.Helper()
	if !slices.Equal(got.Epochs(), epochs) {
		t.Fatalf("Epochs() = %v, want %v", got.Epochs(), epochs)
	}
	for _, e := range epochs {
		g, _ := got.Key(e)
		w, err := want.Key(e)
		if err != nil {
			t.Fatalf("reference Key(%d) = %v", e, err)
		}
		if !g.Equal(w) {
			t.Fatalf("key of epoch %d differs from the owner's", e)
		}
	}
}

func TestNewDocumentBindsIDAndKey(t *testing.T) {
	owner := newTestIdentity(t)
	genesis, doc, key, err := NewDocument(owner)
	if err != nil {
		t.Fatal(err)
	}
	m, err := e2ee.VerifyLog([][]byte{genesis})
	if err != nil {
		t.Fatalf("VerifyLog(genesis) = %v", err)
	}
	if m.Doc() != doc || key.Doc() != doc || key.Epoch() != 1 {
		t.Fatalf("document %v, key for %v epoch %d, want %v epoch 1", m.Doc(), key.Doc(), key.Epoch(), doc)
	}
	keys, err := OpenKeys(owner, m)
	if err != nil {
		t.Fatalf("OpenKeys() = %v", err)
	}
	if !keys.Primary().Equal(key) {
		t.Fatalf("owner's opened key differs from the key NewDocument returned")
	}
	if _, err := OpenKeys(newTestIdentity(t), m); !errors.Is(err, e2ee.ErrNotMember) {
		t.Fatalf("OpenKeys(stranger) = %v, want %v", err, e2ee.ErrNotMember)
	}
}

func TestOwnerAddsCounsellor(t *testing.T) {
	d := newTestDoc(t)
	c := d.member(e2ee.RoleCounsellor)
	mem, err := d.m().Member(1, c.ID())
	if err != nil || mem.Role != e2ee.RoleCounsellor {
		t.Fatalf("Member() = %v, %v, want counsellor", mem.Role, err)
	}
	checkSameKeys(t, d.keysOf(c), d.keys, 1)
}

func TestViewerCannotAdd(t *testing.T) {
	d := newTestDoc(t)
	v := d.member(e2ee.RoleViewer)
	op, err := AddMember(v, d.m(), d.keysOf(v), newTestIdentity(t).Public(), e2ee.RoleViewer)
	if err != nil {
		t.Fatal(err)
	}
	if err := d.log.Append(op); !errors.Is(err, e2ee.ErrNotAllowed) {
		t.Fatalf("Append(viewer adds) = %v, want %v", err, e2ee.ErrNotAllowed)
	}
}

// TestRemovalRotates: removing a member starts a new epoch; the remaining members open its key,
// the removed member opens the keys up to its removal and nothing after.
func TestRemovalRotates(t *testing.T) {
	d := newTestDoc(t)
	c := d.member(e2ee.RoleCounsellor)
	v := d.member(e2ee.RoleViewer)
	removedKeys := d.keysOf(v)

	op, next, err := RemoveMember(d.owner, d.m(), d.keys, v.ID())
	if err != nil {
		t.Fatal(err)
	}
	if d.keys.Primary().Epoch() != 1 || next.Primary().Epoch() != 2 {
		t.Fatalf("primary epochs %d before and %d after the rotation, want 1 and 2", d.keys.Primary().Epoch(), next.Primary().Epoch())
	}
	d.rotated(op, next, nil)
	m := d.m()
	if m.Epoch() != 2 {
		t.Fatalf("Epoch() = %d, want 2", m.Epoch())
	}
	checkSameKeys(t, d.keysOf(d.owner), d.keys, 1, 2)
	checkSameKeys(t, d.keysOf(c), d.keys, 1, 2)
	checkSameKeys(t, d.keysOf(v), d.keys, 1)
	checkSameKeys(t, removedKeys, d.keys, 1)

	// The removed member cannot open any lockbox of epoch 2, nor its history.
	for _, mem := range m.Members(2) {
		lb, _ := m.Lockbox(2, mem.ID())
		if _, err := OpenLockbox(v, lb, m); !errors.Is(err, ErrDecrypt) {
			t.Fatalf("removed member's OpenLockbox(epoch 2) = %v, want %v", err, ErrDecrypt)
		}
	}
	old, _ := removedKeys.Key(1)
	guess := &EpochKey{key: old.key, doc: old.doc, epoch: 2, set: true}
	if _, err := openHistory(guess, m.History(2)); !errors.Is(err, ErrDecrypt) {
		t.Fatalf("openHistory(epoch 2) with the epoch 1 key = %v, want %v", err, ErrDecrypt)
	}
}

// TestRemovedMemberReadsUpToItsRemoval seals an update in each epoch and opens both as the
// removed member would.
func TestRemovedMemberReadsUpToItsRemoval(t *testing.T) {
	d := newTestDoc(t)
	v := d.member(e2ee.RoleViewer)
	k1 := d.keys.Primary()
	before, err := Seal(d.owner, k1, e2ee.Header{Kind: e2ee.KindUpdate, Seq: 1}, []byte("written before"))
	if err != nil {
		t.Fatal(err)
	}
	d.rotated(RemoveMember(d.owner, d.m(), d.keys, v.ID()))
	vb, err := e2ee.Verify(before, d.m())
	if err != nil {
		t.Fatal(err)
	}
	after, err := Seal(d.owner, d.keys.Primary(), e2ee.Header{Kind: e2ee.KindUpdate, Seq: 2, Prev: vb.Hash()}, []byte("written after"))
	if err != nil {
		t.Fatal(err)
	}
	va, err := e2ee.Verify(after, d.m())
	if err != nil {
		t.Fatal(err)
	}

	removed := d.keysOf(v)
	key1, _ := removed.Key(1)
	if pt, err := Open(vb, key1); err != nil || string(pt) != "written before" {
		t.Fatalf("removed member Open(before) = %q, %v, want %q", pt, err, "written before")
	}
	if _, err := removed.Key(2); !errors.Is(err, e2ee.ErrWrongEpoch) {
		t.Fatalf("removed member Key(2) = %v, want %v", err, e2ee.ErrWrongEpoch)
	}
	if _, err := Open(va, removed.Primary()); !errors.Is(err, ErrDecrypt) {
		t.Fatalf("removed member Open(after) = %v, want %v", err, ErrDecrypt)
	}
}

// TestLaterCounsellorReadsWholeHistory: a counsellor added after two rotations opens all three
// epochs from one lockbox and the history.
func TestLaterCounsellorReadsWholeHistory(t *testing.T) {
	d := newTestDoc(t)
	v := d.member(e2ee.RoleViewer)
	d.rotated(Rotate(d.owner, d.m(), d.keys))
	d.rotated(RemoveMember(d.owner, d.m(), d.keys, v.ID()))
	c := d.member(e2ee.RoleCounsellor)
	checkSameKeys(t, d.keysOf(c), d.keys, 1, 2, 3)
	if got := d.keysOf(c).Primary().Epoch(); got != 3 {
		t.Fatalf("Primary().Epoch() = %d, want 3", got)
	}
}

// TestTransferThenLeave: a counsellor hands over to a successor with the consent's ID and
// leaves, which rotates; the owner rotates again so the leaver's key is retired.
func TestTransferThenLeave(t *testing.T) {
	d := newTestDoc(t)
	c := d.member(e2ee.RoleCounsellor)
	successor := newTestIdentity(t)
	d.mustAppend(Transfer(c, d.m(), d.keysOf(c), successor.Public(), "consent/2026-11-25/1"))
	if mem, err := d.m().Member(1, successor.ID()); err != nil || mem.Role != e2ee.RoleCounsellor {
		t.Fatalf("successor Member() = %v, %v, want counsellor", mem.Role, err)
	}

	op, _, err := RemoveMember(c, d.m(), d.keysOf(c), c.ID())
	d.mustAppend(op, err)
	if _, err := d.m().Member(2, c.ID()); !errors.Is(err, e2ee.ErrNotMember) {
		t.Fatalf("leaver Member(2) = %v, want %v", err, e2ee.ErrNotMember)
	}
	d.keys = d.keysOf(d.owner)
	checkSameKeys(t, d.keysOf(successor), d.keys, 1, 2)

	// The leaver made epoch 2's key; the owner retires it.
	d.rotated(Rotate(d.owner, d.m(), d.keys))
	checkSameKeys(t, d.keysOf(successor), d.keys, 1, 2, 3)
	if _, err := OpenKeys(c, d.m()); err != nil {
		t.Fatalf("leaver OpenKeys() = %v", err)
	}
	if got := d.keysOf(c).Epochs(); !slices.Equal(got, []e2ee.Epoch{1}) {
		t.Fatalf("leaver's Epochs() = %v, want [1]", got)
	}
}

func TestOpenLockboxRejectsForgeries(t *testing.T) {
	d := newTestDoc(t)
	c := d.member(e2ee.RoleCounsellor)
	relay := newTestIdentity(t)
	m := d.m()
	key := d.keys.Primary()
	valid, _ := m.Lockbox(1, c.ID())

	other := newTestDoc(t)
	otherKey := other.keys.Primary()
	tests := []struct {
		name string
		me   *Identity
		lb   func(t *testing.T) e2ee.Lockbox
		want error
	}{
		{"recipient opens its lockbox", c, func(t *testing.T) e2ee.Lockbox { return valid }, nil},
		{"lockbox forged by the relay", c, func(t *testing.T) e2ee.Lockbox {
			forged := NewEpochKey(m.Doc(), 1)
			lb, err := WrapLockbox(relay, forged, c.Public())
			if err != nil {
				t.Fatal(err)
			}
			return lb
		}, e2ee.ErrUnknownAuthor},
		{"lockbox opened by another member", d.owner, func(t *testing.T) e2ee.Lockbox { return valid }, ErrDecrypt},
		{"lockbox relabelled for another member", d.owner, func(t *testing.T) e2ee.Lockbox {
			lb := valid
			lb.Recipient = d.owner.ID()
			return lb
		}, e2ee.ErrBadSignature},
		{"lockbox of another document replayed", c, func(t *testing.T) e2ee.Lockbox {
			lb, err := WrapLockbox(d.owner, otherKey, c.Public())
			if err != nil {
				t.Fatal(err)
			}
			return lb
		}, e2ee.ErrWrongDocument},
		{"lockbox of another epoch replayed", c, func(t *testing.T) e2ee.Lockbox {
			lb := valid
			lb.Epoch = 2
			return lb
		}, e2ee.ErrWrongEpoch},
		{"lockbox with a flipped ciphertext bit", c, func(t *testing.T) e2ee.Lockbox {
			lb := valid
			lb.Ciphertext = slices.Clone(lb.Ciphertext)
			lb.Ciphertext[40] ^= 1
			return lb
		}, e2ee.ErrBadSignature},
		{"lockbox a member made outside the log opens", c, func(t *testing.T) e2ee.Lockbox {
			lb, err := WrapLockbox(d.owner, key, c.Public())
			if err != nil {
				t.Fatal(err)
			}
			return lb
		}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := OpenLockbox(tt.me, tt.lb(t), m)
			if !errors.Is(err, tt.want) || (err == nil) != (tt.want == nil) {
				t.Fatalf("OpenLockbox() = %v, want %v", err, tt.want)
			}
			if err == nil && !got.Equal(key) {
				t.Fatalf("OpenLockbox() opened another key than the owner's")
			}
		})
	}
}

func TestKeysRedacted(t *testing.T) {
	d := newTestDoc(t)
	if got := d.keys.String(); got != "keyring.Keys(REDACTED)" {
		t.Fatalf("String() = %q", got)
	}
	if got := d.keys.LogValue().String(); got != "REDACTED" {
		t.Fatalf("LogValue() = %q", got)
	}
}

func BenchmarkLockboxWrap(b *testing.B) {
	owner, member := newTestIdentity(b), newTestIdentity(b)
	key := NewEpochKey(e2ee.DocID{1}, 1)
	for b.Loop() {
		if _, err := WrapLockbox(owner, key, member.Public()); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkLockboxOpen(b *testing.B) {
	d := newTestDoc(b)
	c := d.member(e2ee.RoleCounsellor)
	m := d.m()
	lb, _ := m.Lockbox(1, c.ID())
	for b.Loop() {
		if _, err := OpenLockbox(c, lb, m); err != nil {
			b.Fatal(err)
		}
	}
}
