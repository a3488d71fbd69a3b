package e2ee_test

import (
	"crypto/ed25519"
	"crypto/rand"
	"errors"
	"slices"
	"testing"

	"github.com/mobio-sync/mobio/e2ee"
)

// envSigner writes envelopes without keyring: the tests of chains and views need valid
// signatures and headers, not decryptable content, and e2ee's tests must not need secrets.
type envSigner struct {
	priv ed25519.PrivateKey
	pub  e2ee.IdentityPublic
}

func newEnvSigner(t testing.TB) envSigner {
	t.Helper()
	pub, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	hpke := make([]byte, 32)
	rand.Read(hpke)
	id, err := e2ee.NewIdentityPublic(pub, hpke, ed25519.Sign(priv, e2ee.SignedMessage(e2ee.LabelIdentityKey, hpke)))
	if err != nil {
		t.Fatal(err)
	}
	return envSigner{priv: priv, pub: id}
}

func (s envSigner) id() e2ee.IdentityID { return s.pub.ID() }

func (s envSigner) member(r e2ee.Role) e2ee.Member { return e2ee.Member{Identity: s.pub, Role: r} }

// envelope signs h (with Version and Author filled in) over a random 40-byte ciphertext.
func (s envSigner) envelope(t testing.TB, h e2ee.Header) []byte {
	t.Helper()
	ct := make([]byte, 40)
	rand.Read(ct)
	h.Version = e2ee.EnvelopeVersion
	h.Author = s.id()
	h.Size = uint32(len(ct))
	hb, err := h.Encode()
	if err != nil {
		t.Fatal(err)
	}
	raw, err := e2ee.EncodeEnvelope(hb, ct, ed25519.Sign(s.priv, e2ee.SignedMessage(e2ee.LabelEnvelope, e2ee.EnvelopeSigningParts(hb, ct)...)))
	if err != nil {
		t.Fatal(err)
	}
	return raw
}

func mustVerify(t testing.TB, raw []byte, m *e2ee.Membership) e2ee.VerifiedEnvelope {
	t.Helper()
	v, err := e2ee.Verify(raw, m)
	if err != nil {
		t.Fatalf("Verify = %v, want nil", err)
	}
	return v
}

func TestChainCheck(t *testing.T) {
	a, b := newEnvSigner(t), newEnvSigner(t)
	doc, other := e2ee.DocID{1}, e2ee.DocID{2}
	m1 := e2ee.StaticMembership(doc, 1, a.member(e2ee.RoleOwner), b.member(e2ee.RoleCounsellor))
	m2 := e2ee.StaticMembership(doc, 2, a.member(e2ee.RoleOwner), b.member(e2ee.RoleCounsellor))
	mOther := e2ee.StaticMembership(other, 1, a.member(e2ee.RoleOwner))

	// A's stored stream: a1 a2 a3 a4 at epoch 1; a2x is a second, different seq 2; a3x follows
	// a2x; a3e2 is seq 3 at epoch 2 and a4e1 follows it at epoch 1 again.
	stored := func(seq uint64, prev e2ee.Hash, m *e2ee.Membership) e2ee.VerifiedEnvelope {
		return mustVerify(t, a.envelope(t, e2ee.Header{Doc: m.Doc(), Epoch: m.Epoch(), Kind: e2ee.KindUpdate, Seq: seq, Prev: prev}), m)
	}
	a1 := stored(1, e2ee.Hash{}, m1)
	a2 := stored(2, a1.Hash(), m1)
	a2x := stored(2, a1.Hash(), m1)
	a3 := stored(3, a2.Hash(), m1)
	a3x := stored(3, a2x.Hash(), m1)
	a4 := stored(4, a3.Hash(), m1)
	a3e2 := stored(3, a2.Hash(), m2)
	a4e1 := stored(4, a3e2.Hash(), m1)
	b1 := mustVerify(t, b.envelope(t, e2ee.Header{Doc: doc, Epoch: 1, Kind: e2ee.KindReceipt, Seq: 1, Time: 1}), m1)
	otherDoc := stored(1, e2ee.Hash{}, mOther)

	ephemeral := func(seq uint64) e2ee.VerifiedEnvelope {
		return mustVerify(t, a.envelope(t, e2ee.Header{Doc: doc, Epoch: 1, Kind: e2ee.KindEphemeral, Seq: seq, Time: int64(1000 + seq)}), m1)
	}
	e1, e3, e5 := ephemeral(1), ephemeral(3), ephemeral(5)
	e3x := ephemeral(3)

	type step struct {
		v    e2ee.VerifiedEnvelope
		want error
	}
	tests := []struct {
		name  string
		heads []e2ee.ChainHead
		steps []step
	}{
		{name: "envelopes in order are accepted", steps: []step{{a1, nil}, {a2, nil}, {a3, nil}, {b1, nil}, {a4, nil}}},
		{name: "skipped seqs are a gap", steps: []step{{a1, nil}, {a4, e2ee.ErrGap}, {a2, nil}, {a4, e2ee.ErrGap}}},
		{name: "a first envelope after seq 1 is a gap", steps: []step{{a2, e2ee.ErrGap}}},
		{name: "envelope delivered early is accepted once the gap is filled", steps: []step{{a1, nil}, {a3, e2ee.ErrGap}, {a2, nil}, {a3, nil}}},
		{name: "the last envelope again is a replay", steps: []step{{a1, nil}, {a2, nil}, {a2, e2ee.ErrReplay}, {a3, nil}}},
		{name: "an older envelope again is a replay", steps: []step{{a1, nil}, {a2, nil}, {a3, nil}, {a1, e2ee.ErrReplay}, {a4, nil}}},
		{name: "a second envelope with one seq is a fork", steps: []step{{a1, nil}, {a2, nil}, {a2x, e2ee.ErrFork}, {a3, nil}}},
		{name: "an envelope naming another previous is a fork", steps: []step{{a1, nil}, {a2, nil}, {a3x, e2ee.ErrFork}, {a3, nil}}},
		{name: "an envelope before a resumed head is a reorder", heads: []e2ee.ChainHead{{Author: a.id(), Seq: 2, Hash: a2.Hash(), Epoch: 1}},
			steps: []step{{a1, e2ee.ErrReorder}, {a2, e2ee.ErrReorder}, {a3x, e2ee.ErrFork}, {a3, nil}}},
		{name: "an older ephemeral envelope is a reorder", steps: []step{{e1, nil}, {e5, nil}, {e3, e2ee.ErrReorder}}},
		{name: "ephemeral envelopes may skip seqs", steps: []step{{e1, nil}, {e3, nil}, {e5, nil}}},
		{name: "an ephemeral envelope again is a replay", steps: []step{{e1, nil}, {e3, nil}, {e5, nil}, {e3, e2ee.ErrReplay}}},
		{name: "a second ephemeral envelope with one seq is a fork", steps: []step{{e3, nil}, {e3x, e2ee.ErrFork}, {e5, nil}}},
		{name: "ephemeral envelopes do not touch the stored chain", steps: []step{{e5, nil}, {a1, nil}, {e1, e2ee.ErrReorder}, {a2, nil}}},
		{name: "an envelope of another document is rejected", steps: []step{{otherDoc, e2ee.ErrWrongDocument}, {a1, nil}}},
		{name: "an author's epoch never goes down", steps: []step{{a1, nil}, {a2, nil}, {a3e2, nil}, {a4e1, e2ee.ErrWrongEpoch}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := e2ee.NewChain(doc, tt.heads...)
			for i, s := range tt.steps {
				before := c.Heads()
				err := c.Check(s.v)
				if !errors.Is(err, s.want) || (s.want == nil) != (err == nil) {
					t.Fatalf("step %d: Check(seq %d) = %v, want %v", i, s.v.Header().Seq, err, s.want)
				}
				if err != nil {
					if after := c.Heads(); !slices.Equal(before, after) {
						t.Fatalf("step %d: a rejected envelope changed the heads from %v to %v", i, before, after)
					}
				}
			}
		})
	}
}

func TestChainGapNamesMissingSeqs(t *testing.T) {
	a := newEnvSigner(t)
	doc := e2ee.DocID{7}
	m := e2ee.StaticMembership(doc, 1, a.member(e2ee.RoleOwner))
	c := e2ee.NewChain(doc)
	first := mustVerify(t, a.envelope(t, e2ee.Header{Doc: doc, Epoch: 1, Kind: e2ee.KindUpdate, Seq: 1}), m)
	if err := c.Check(first); err != nil {
		t.Fatal(err)
	}
	fifth := mustVerify(t, a.envelope(t, e2ee.Header{Doc: doc, Epoch: 1, Kind: e2ee.KindUpdate, Seq: 5, Prev: e2ee.Hash{9}}), m)
	err := c.Check(fifth)
	var gap *e2ee.GapError
	if !errors.As(err, &gap) {
		t.Fatalf("Check = %v, want a *GapError", err)
	}
	if want := (e2ee.GapError{Author: a.id(), From: 2, To: 4}); *gap != want {
		t.Errorf("gap = %+v, want %+v", *gap, want)
	}
}

func TestChainNextViewHeads(t *testing.T) {
	a, b, c := newEnvSigner(t), newEnvSigner(t), newEnvSigner(t)
	doc := e2ee.DocID{3}
	m := e2ee.StaticMembership(doc, 1, a.member(e2ee.RoleOwner), b.member(e2ee.RoleCounsellor), c.member(e2ee.RoleViewer))
	ch := e2ee.NewChain(doc)
	write := func(s envSigner, kind e2ee.Kind) e2ee.VerifiedEnvelope {
		seq, prev := ch.Next(s.id())
		v := mustVerify(t, s.envelope(t, e2ee.Header{Doc: doc, Epoch: 1, Kind: kind, Seq: seq, Prev: prev, Time: 5}), m)
		if err := ch.Check(v); err != nil {
			t.Fatalf("Check(own envelope seq %d) = %v", seq, err)
		}
		return v
	}
	write(a, e2ee.KindUpdate)
	write(a, e2ee.KindSnapshot)
	last := write(b, e2ee.KindUpdate)
	write(c, e2ee.KindReceipt)

	if seq, h := ch.Last(b.id()); seq != 1 || h != last.Hash() {
		t.Errorf("Last(b) = %d, %v, want 1, %v", seq, h, last.Hash())
	}
	if seq, h := ch.Next(c.id()); seq != 2 || h.IsZero() {
		t.Errorf("Next(c) = %d, %v, want 2 and a hash", seq, h)
	}
	view := ch.View(c.id())
	want := map[e2ee.IdentityID]uint64{a.id(): 2, b.id(): 1}
	if len(view) != len(want) {
		t.Fatalf("View = %v, want %d entries", view, len(want))
	}
	for _, e := range view {
		if want[e.Author] != e.Seq {
			t.Errorf("View names %s at %d, want %d", e.Author.Short(), e.Seq, want[e.Author])
		}
	}
	// A view must encode: sorted, no duplicates.
	if _, err := (&e2ee.Header{Version: 1, Doc: doc, Epoch: 1, Kind: e2ee.KindReceipt, Seq: 1, Time: 1, View: view}).Encode(); err != nil {
		t.Errorf("header with View() = %v, want nil", err)
	}

	// A chain resumed from the heads continues where this one stands.
	resumed := e2ee.NewChain(doc, ch.Heads()...)
	seq, prev := ch.Next(a.id())
	next := mustVerify(t, a.envelope(t, e2ee.Header{Doc: doc, Epoch: 1, Kind: e2ee.KindUpdate, Seq: seq, Prev: prev}), m)
	if err := resumed.Check(next); err != nil {
		t.Errorf("resumed Check(seq %d) = %v, want nil", seq, err)
	}
}
