package client_test

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/json"
	"errors"
	"slices"
	"sync"
	"testing"

	"github.com/mobio-sync/mobio/client"
	"github.com/mobio-sync/mobio/client/memstore"
	"github.com/mobio-sync/mobio/e2ee"
	"github.com/mobio-sync/mobio/e2ee/keyring"
	"github.com/mobio-sync/mobio/internal/faultproxy"
	"github.com/mobio-sync/mobio/protocol"
	"github.com/mobio-sync/mobio/syncserver/syncservertest"
)

// marker is the content a hostile relay tries to smuggle into the victim's document.
const marker = "FORGED MARKER"

// hostile is a document shared by three members: the owner and an author talk to the relay
// directly, the victim through a proxy that plays a hostile relay.
type hostile struct {
	t      *testing.T
	relay  *syncservertest.Server
	proxy  *faultproxy.Proxy
	owner  *peer
	author *peer
	victim *peer
	rec    *applied // what the victim applied, in order
	doc    e2ee.DocID
}

func newHostile(t *testing.T) *hostile {
	t.Helper()
	h := &hostile{t: t, relay: newRelay(t), rec: &applied{}}
	h.proxy = newProxy(t, h.relay.SyncURL, 1)
	h.owner = newPeer(t, "newcomer", h.relay.SyncURL)
	h.author = newPeer(t, "counsellor", h.relay.SyncURL)
	h.victim = newPeerConfig(t, "victim", h.proxy.URL(), newIdentity(t), h.rec.wrap(memstore.New()), h.victimConfig)
	h.doc = h.owner.create()
	h.owner.sync()
	join(t, h.owner, h.author, h.doc, e2ee.RoleCounsellor)
	join(t, h.owner, h.victim, h.doc, e2ee.RoleCounsellor)
	return h
}

func (h *hostile) victimConfig(c *client.Config) {
	c.SnapshotEvery = -1
}

// restartVictim makes a new client over the victim's store, as a restarted process would.
func (h *hostile) restartVictim() {
	h.victim.c.Close()
	h.victim.startConfig(h.victimConfig)
}

// write has the author add elem in one change, sent to the relay, and returns the sequence
// number of the envelope that carries it.
func (h *hostile) write(elems ...string) []uint64 {
	h.t.Helper()
	var seqs []uint64
	for _, e := range elems {
		h.author.add(h.doc, e)
		rec, err := h.author.store.LoadDoc(context.Background(), h.doc)
		if err != nil {
			h.t.Fatal(err)
		}
		seqs = append(seqs, rec.Own.Seq)
	}
	h.author.sync()
	return seqs
}

// stored returns the envelope of the author's entry seq as the relay stores it.
func (h *hostile) stored(author e2ee.IdentityID, seq uint64) []byte {
	h.t.Helper()
	entries, err := h.relay.Store.ReadRange(context.Background(), h.doc, 0, 10000)
	if err != nil {
		h.t.Fatal(err)
	}
	for _, e := range entries {
		env, err := e2ee.DecodeEnvelope(e.Envelope)
		if err == nil && env.Header.Author == author && env.Header.Seq == seq {
			return e.Envelope
		}
	}
	h.t.Fatalf("the relay has no entry %d of %s", seq, author)
	return nil
}

// keys returns p's membership of the document and p's keys of it.
func (h *hostile) keys(p *peer) (*e2ee.Membership, *keyring.Keys) {
	h.t.Helper()
	rec, err := p.store.LoadDoc(context.Background(), h.doc)
	if err != nil {
		h.t.Fatal(err)
	}
	m, err := e2ee.VerifyLog(rec.Log)
	if err != nil {
		h.t.Fatal(err)
	}
	keys, err := keyring.OpenKeys(p.id, m)
	if err != nil {
		h.t.Fatal(err)
	}
	return m, keys
}

// seal seals a change adding elems as id's envelope seq after prev, with the document's
// current key (which the test, holding a member's identity, has).
func (h *hostile) seal(id *keyring.Identity, seq uint64, prev e2ee.Hash, elems ...string) []byte {
	h.t.Helper()
	_, keys := h.keys(h.owner)
	change, err := json.Marshal(elems)
	if err != nil {
		h.t.Fatal(err)
	}
	env, err := keyring.Seal(id, keys.Primary(), e2ee.Header{Kind: e2ee.KindUpdate, Seq: seq, Prev: prev}, change)
	if err != nil {
		h.t.Fatal(err)
	}
	return env
}

// assertNoMarker checks that the marker reached neither the victim's replica nor its store.
func (h *hostile) assertNoMarker() {
	h.t.Helper()
	if h.victim.has(h.doc, marker) || h.rec.count(marker) > 0 {
		h.t.Errorf("the victim applied the forged content: %v", h.victim.elems(h.doc))
	}
	rec, err := h.victim.store.LoadDoc(context.Background(), h.doc)
	if err != nil {
		h.t.Fatal(err)
	}
	for _, b := range append([][]byte{rec.Content}, rec.Changes...) {
		if bytes.Contains(b, []byte(marker)) {
			h.t.Errorf("the victim stored the forged content")
		}
	}
}

// decodeDeliver returns the Deliver frame f holds and its envelope's header.
func decodeDeliver(frame []byte) (protocol.Deliver, e2ee.Header, bool) {
	f, err := protocol.Decode(frame, 0)
	if err != nil {
		return protocol.Deliver{}, e2ee.Header{}, false
	}
	d, ok := f.(protocol.Deliver)
	if !ok {
		return protocol.Deliver{}, e2ee.Header{}, false
	}
	env, err := e2ee.DecodeEnvelope(d.Envelope)
	if err != nil {
		return d, e2ee.Header{}, false
	}
	return d, env.Header, true
}

// decodeAs returns the frame of type F that frame holds.
func decodeAs[F protocol.Frame](frame []byte) (F, bool) {
	var zero F
	f, err := protocol.Decode(frame, 0)
	if err != nil {
		return zero, false
	}
	out, ok := f.(F)
	return out, ok
}

// encode encodes a frame the test made; it panics on a frame the protocol refuses, which is
// a mistake in the test.
func encode(f protocol.Frame) []byte {
	b, err := protocol.Encode(f)
	if err != nil {
		panic(err)
	}
	return b
}

// toVictim makes a hook that applies fn to the frames the relay sends the victim.
func toVictim(fn func(frame []byte) [][]byte) faultproxy.Hook {
	var mu sync.Mutex // frames of one direction come in order; fn's state needs no more
	return func(dir faultproxy.Direction, frame []byte) [][]byte {
		if dir != faultproxy.ToClient {
			return [][]byte{frame}
		}
		mu.Lock()
		defer mu.Unlock()
		return fn(frame)
	}
}

// beforeFirstCaughtUp makes a hook that sends extra before the first CaughtUp to the victim.
func beforeFirstCaughtUp(extra func(cu protocol.CaughtUp) [][]byte) faultproxy.Hook {
	done := false
	return toVictim(func(frame []byte) [][]byte {
		cu, ok := decodeAs[protocol.CaughtUp](frame)
		if !ok || done {
			return [][]byte{frame}
		}
		done = true
		return append(extra(cu), frame)
	})
}

// afterFirstCaughtUp makes a hook that sends extra right after the first CaughtUp to the
// victim, as live entries.
func afterFirstCaughtUp(extra func(cu protocol.CaughtUp) [][]byte) faultproxy.Hook {
	done := false
	return toVictim(func(frame []byte) [][]byte {
		cu, ok := decodeAs[protocol.CaughtUp](frame)
		if !ok || done {
			return [][]byte{frame}
		}
		done = true
		return append([][]byte{frame}, extra(cu)...)
	})
}

func TestHostileRelayDroppingAnEntry(t *testing.T) {
	h := newHostile(t)
	seqs := h.write("x1", "x2", "x3")
	me := h.author.id.ID()
	h.proxy.SetHook(toVictim(func(frame []byte) [][]byte {
		if _, hd, ok := decodeDeliver(frame); ok && hd.Author == me && hd.Seq == seqs[1] {
			return nil
		}
		return [][]byte{frame}
	}))
	h.victim.sync()
	h.victim.waitSecurity(e2ee.ErrGap)
	if got := h.victim.elems(h.doc); !slices.Contains(got, "x1") || slices.Contains(got, "x2") || slices.Contains(got, "x3") {
		t.Fatalf("victim holds %v, want x1 without x2 and x3 (which must wait for x2)", got)
	}
	// A later entry of the same author waits too.
	h.write("x4")
	h.victim.sync()
	if h.victim.has(h.doc, "x4") {
		t.Fatal("the victim applied an entry after a gap in its author's chain")
	}
	// The relay stops dropping: the missing entry arrives and everything applies in order.
	h.proxy.SetHook(nil)
	h.victim.sync()
	if got := h.rec.order("x1", "x2", "x3", "x4"); !slices.Equal(got, []string{"x1", "x2", "x3", "x4"}) {
		t.Fatalf("victim applied %v, want x1 x2 x3 x4 in this order", got)
	}
}

func TestHostileRelayDroppingAnEntryBeforeARestart(t *testing.T) {
	h := newHostile(t)
	seqs := h.write("x1", "x2", "x3")
	me := h.author.id.ID()
	h.proxy.SetHook(toVictim(func(frame []byte) [][]byte {
		if _, hd, ok := decodeDeliver(frame); ok && hd.Author == me && hd.Seq == seqs[1] {
			return nil
		}
		return [][]byte{frame}
	}))
	h.victim.sync()
	h.victim.waitSecurity(e2ee.ErrGap)
	// The victim's process restarts and the relay is honest again: what was withheld must
	// still arrive, although the entry after the gap was delivered (and not applied) before.
	h.restartVictim()
	h.proxy.SetHook(nil)
	h.victim.sync()
	if got := h.victim.elems(h.doc); !slices.Contains(got, "x2") || !slices.Contains(got, "x3") {
		t.Fatalf("after a restart the victim holds %v, want x2 and x3", got)
	}
}

func TestHostileRelayReorderingEntriesOfOneAuthor(t *testing.T) {
	h := newHostile(t)
	seqs := h.write("x1", "x2", "x3")
	me := h.author.id.ID()
	var held []byte
	h.proxy.SetHook(toVictim(func(frame []byte) [][]byte {
		_, hd, ok := decodeDeliver(frame)
		switch {
		case !ok || hd.Author != me:
		case hd.Seq == seqs[1]:
			held = frame
			return nil
		case hd.Seq == seqs[2] && held != nil:
			return [][]byte{frame, held} // x3 before x2
		}
		return [][]byte{frame}
	}))
	h.victim.sync()
	if got := h.rec.order("x1", "x2", "x3"); !slices.Equal(got, []string{"x1", "x2", "x3"}) {
		t.Fatalf("victim applied %v, want x1 x2 x3 in this order", got)
	}
	if errs := h.victim.securityErrs(); len(errs) > 0 {
		t.Fatalf("security events for entries that arrived complete: %v", errs)
	}
}

func TestHostileRelayReplayingAnEntryAtALaterOffset(t *testing.T) {
	h := newHostile(t)
	seqs := h.write("x1", "x2")
	old := h.stored(h.author.id.ID(), seqs[0])
	h.proxy.SetHook(afterFirstCaughtUp(func(cu protocol.CaughtUp) [][]byte {
		return [][]byte{encode(protocol.Deliver{Doc: h.doc, Offset: cu.Offset + 1, Envelope: old})}
	}))
	h.victim.run()
	h.victim.waitSecurity(e2ee.ErrReplay)
	// A live entry after the replay: once it is committed, so is whatever the replay did.
	h.write("x3")
	h.victim.waitUntil("x3 committed", func() bool { return h.rec.count("x3") == 1 })
	if n := h.rec.count("x1"); n != 1 {
		t.Fatalf("x1 applied %d times, want once", n)
	}
	if !h.victim.has(h.doc, "x2") {
		t.Fatalf("victim holds %v, want x2", h.victim.elems(h.doc))
	}
}

func TestHostileRelayForgingEntries(t *testing.T) {
	tests := []struct {
		name string
		want error
		// forge returns a hook that makes the relay forge something, after the author
		// wrote seqs.
		forge func(h *hostile) faultproxy.Hook
	}{
		{
			name: "a flipped ciphertext byte fails the signature",
			want: e2ee.ErrBadSignature,
			forge: func(h *hostile) faultproxy.Hook {
				seqs := h.write(marker)
				me := h.author.id.ID()
				return toVictim(func(frame []byte) [][]byte {
					d, hd, ok := decodeDeliver(frame)
					if !ok || hd.Author != me || hd.Seq != seqs[0] {
						return [][]byte{frame}
					}
					env, _ := e2ee.DecodeEnvelope(d.Envelope)
					ct := bytes.Clone(env.Ciphertext)
					ct[len(ct)/2] ^= 1
					d.Envelope, _ = e2ee.EncodeEnvelope(env.HeaderBytes, ct, env.Signature)
					return [][]byte{encode(d)}
				})
			},
		},
		{
			name: "an envelope of someone who never was a member",
			want: e2ee.ErrUnknownAuthor,
			forge: func(h *hostile) faultproxy.Hook {
				env := h.seal(newIdentity(h.t), 1, e2ee.Hash{}, marker)
				return beforeFirstCaughtUp(func(cu protocol.CaughtUp) [][]byte {
					return [][]byte{encode(protocol.Deliver{Doc: h.doc, Offset: cu.Offset + 1, Envelope: env})}
				})
			},
		},
		{
			name: "a member's envelope of another document",
			want: e2ee.ErrWrongDocument,
			forge: func(h *hostile) faultproxy.Hook {
				other := h.author.create()
				h.author.add(other, marker)
				rec, err := h.author.store.LoadDoc(context.Background(), other)
				if err != nil {
					h.t.Fatal(err)
				}
				env := rec.Outbox[len(rec.Outbox)-1].Envelope
				return beforeFirstCaughtUp(func(cu protocol.CaughtUp) [][]byte {
					return [][]byte{encode(protocol.Deliver{Doc: h.doc, Offset: cu.Offset + 1, Envelope: env})}
				})
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := newHostile(t)
			h.proxy.SetHook(tt.forge(h))
			h.victim.sync()
			h.victim.waitSecurity(tt.want)
			h.assertNoMarker()
		})
	}
}

func TestHostileRelayForkingAnAuthorsChain(t *testing.T) {
	t.Run("a second version of an applied entry is refused", func(t *testing.T) {
		h := newHostile(t)
		me := h.author.id.ID()
		seqs := h.write("x1", "x2")
		h.victim.sync()
		prev := e2ee.Hash(sha256.Sum256(h.stored(me, seqs[0])))
		forged := h.seal(h.author.id, seqs[1], prev, marker)
		h.proxy.SetHook(beforeFirstCaughtUp(func(cu protocol.CaughtUp) [][]byte {
			return [][]byte{encode(protocol.Deliver{Doc: h.doc, Offset: cu.Offset, Envelope: forged})}
		}))
		h.victim.sync()
		h.victim.waitSecurity(e2ee.ErrFork)
		h.assertNoMarker()
	})
	t.Run("a substitute that does not follow its author's chain is refused", func(t *testing.T) {
		h := newHostile(t)
		me := h.author.id.ID()
		seqs := h.write("x1", "x2")
		forged := h.seal(h.author.id, seqs[1], e2ee.Hash{1}, marker)
		h.proxy.SetHook(toVictim(func(frame []byte) [][]byte {
			if d, hd, ok := decodeDeliver(frame); ok && hd.Author == me && hd.Seq == seqs[1] {
				d.Envelope = forged
				return [][]byte{encode(d)}
			}
			return [][]byte{frame}
		}))
		h.victim.sync()
		h.victim.waitSecurity(e2ee.ErrFork)
		h.assertNoMarker()
	})
	t.Run("an equivocating member is caught at its next entry", func(t *testing.T) {
		// The forger holds the author's key and makes a second, well-chained version of
		// x2. The victim cannot tell it from the real one until the author's next entry,
		// which follows the real one: from there on, the author's entries are refused.
		h := newHostile(t)
		me := h.author.id.ID()
		seqs := h.write("x1", "x2", "x3")
		prev := e2ee.Hash(sha256.Sum256(h.stored(me, seqs[0])))
		forged := h.seal(h.author.id, seqs[1], prev, marker)
		h.proxy.SetHook(toVictim(func(frame []byte) [][]byte {
			if d, hd, ok := decodeDeliver(frame); ok && hd.Author == me && hd.Seq == seqs[1] {
				d.Envelope = forged
				return [][]byte{encode(d)}
			}
			return [][]byte{frame}
		}))
		h.victim.sync()
		h.victim.waitSecurity(e2ee.ErrFork)
		if h.victim.has(h.doc, "x3") {
			t.Fatal("the victim applied an entry that follows another version of its predecessor")
		}
	})
}

func TestHostileRelayForgingMembershipOperations(t *testing.T) {
	// addMallory returns an operation adding a new identity, built by the owner on the
	// current log, and that identity.
	addMallory := func(h *hostile) (e2ee.SignedOp, *keyring.Identity) {
		mallory := newIdentity(h.t)
		m, keys := h.keys(h.owner)
		op, err := keyring.AddMember(h.owner.id, m, keys, mallory.Public(), e2ee.RoleCounsellor)
		if err != nil {
			h.t.Fatal(err)
		}
		so, err := e2ee.DecodeSignedOp(op)
		if err != nil {
			h.t.Fatal(err)
		}
		return so, mallory
	}
	tests := []struct {
		name   string
		want   error // what the security events wrap
		events int   // how many
		forge  func(h *hostile) faultproxy.Hook
		live   bool
	}{
		{
			// Refused twice: the operation, then the envelope of its "member".
			name:   "a live operation signed by a non-member adding itself",
			want:   e2ee.ErrUnknownAuthor,
			events: 2,
			live:   true,
			forge: func(h *hostile) faultproxy.Hook {
				so, mallory := addMallory(h)
				so.Op.Author = mallory.ID()
				opBytes, err := so.Op.Encode()
				if err != nil {
					h.t.Fatal(err)
				}
				sig, err := mallory.Sign(e2ee.LabelOp, e2ee.OpSigningParts(opBytes)...)
				if err != nil {
					h.t.Fatal(err)
				}
				op, err := e2ee.EncodeSignedOp(opBytes, sig)
				if err != nil {
					h.t.Fatal(err)
				}
				// Then the new "member" writes.
				env := h.seal(mallory, 1, e2ee.Hash{}, marker)
				return afterFirstCaughtUp(func(cu protocol.CaughtUp) [][]byte {
					return [][]byte{
						encode(protocol.OpDeliver{Doc: h.doc, Seq: so.Op.Seq, Op: op}),
						encode(protocol.Deliver{Doc: h.doc, Offset: cu.Offset + 1, Envelope: env}),
					}
				})
			},
		},
		{
			name:   "an owner's operation with a flipped signature byte in the fetched log",
			want:   e2ee.ErrBadSignature,
			events: 1,
			forge: func(h *hostile) faultproxy.Hook {
				so, _ := addMallory(h)
				sig := bytes.Clone(so.Signature)
				sig[0] ^= 1
				op, err := e2ee.EncodeSignedOp(so.OpBytes, sig)
				if err != nil {
					h.t.Fatal(err)
				}
				return toVictim(func(frame []byte) [][]byte {
					if le, ok := decodeAs[protocol.LogEntries](frame); ok && !le.More {
						le.Ops = append(le.Ops, op)
						return [][]byte{encode(le)}
					}
					return [][]byte{frame}
				})
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := newHostile(t)
			before, err := h.victim.store.LoadDoc(context.Background(), h.doc)
			if err != nil {
				t.Fatal(err)
			}
			h.proxy.SetHook(tt.forge(h))
			if tt.live {
				h.victim.run()
			} else {
				h.victim.syncErr() // the document's sync fails: its log does not verify
			}
			h.victim.waitUntil("security events", func() bool {
				n := 0
				for _, err := range h.victim.securityErrs() {
					if errors.Is(err, tt.want) {
						n++
					}
				}
				return n >= tt.events
			})
			members, err := h.victim.c.Members(context.Background(), h.doc)
			if err != nil {
				t.Fatal(err)
			}
			if len(members) != 3 {
				t.Errorf("victim sees %d members, want 3", len(members))
			}
			after, err := h.victim.store.LoadDoc(context.Background(), h.doc)
			if err != nil {
				t.Fatal(err)
			}
			if len(after.Log) != len(before.Log) {
				t.Errorf("victim stored %d operations, had %d", len(after.Log), len(before.Log))
			}
			h.assertNoMarker()
		})
	}
}
