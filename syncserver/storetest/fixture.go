package storetest

import (
	"context"
	"fmt"
	"testing"

	"github.com/mobio-sync/mobio/e2ee"
	"github.com/mobio-sync/mobio/e2ee/keyring"
	"github.com/mobio-sync/mobio/syncserver"
)

// Doc is a real document for tests of stores: an owner and counsellors with real identities,
// a verified membership log, and a writer per member that seals envelopes in its chain.
// Stores only ever see verified envelopes, so tests make them the way the relay does.
type Doc struct {
	ID      e2ee.DocID
	Genesis []byte   // operation 1 of the log
	Ops     [][]byte // the whole log, the genesis first
	Writers []*Writer

	log   e2ee.Log
	owner *keyring.Identity
	keys  *keyring.Keys
}

// Writer is one member of a [Doc] writing envelopes. A Writer is not safe for concurrent use;
// writers of one Doc may write concurrently.
type Writer struct {
	doc  *Doc
	id   *keyring.Identity
	seq  uint64    // last sequence number sealed
	prev e2ee.Hash // hash of the last envelope sealed
}

// NewDoc creates a document whose owner is Writers[0] and adds writers-1 counsellors.
func NewDoc(t testing.TB, writers int) *Doc {
	t.Helper()
	owner, err := keyring.NewIdentity()
	if err != nil {
		t.Fatalf("NewIdentity: %v", err)
	}
	genesis, id, _, err := keyring.NewDocument(owner)
	if err != nil {
		t.Fatalf("NewDocument: %v", err)
	}
	d := &Doc{ID: id, Genesis: genesis, owner: owner}
	if err := d.log.Append(genesis); err != nil {
		t.Fatalf("append genesis: %v", err)
	}
	if d.keys, err = keyring.OpenKeys(owner, d.log.Membership()); err != nil {
		t.Fatalf("OpenKeys: %v", err)
	}
	d.Writers = append(d.Writers, &Writer{doc: d, id: owner})
	for range writers - 1 {
		c, err := keyring.NewIdentity()
		if err != nil {
			t.Fatalf("NewIdentity: %v", err)
		}
		op, err := keyring.AddMember(owner, d.log.Membership(), d.keys, c.Public(), e2ee.RoleCounsellor)
		if err != nil {
			t.Fatalf("AddMember: %v", err)
		}
		if err := d.log.Append(op); err != nil {
			t.Fatalf("append add: %v", err)
		}
		d.Writers = append(d.Writers, &Writer{doc: d, id: c})
	}
	d.Ops = d.log.Ops()
	return d
}

// Create creates the document in s with its whole membership log.
func (d *Doc) Create(t testing.TB, s syncserver.Store) {
	t.Helper()
	ctx := context.Background()
	if err := s.CreateDocument(ctx, d.ID, d.Genesis); err != nil {
		t.Fatalf("CreateDocument: %v", err)
	}
	for i, op := range d.Ops[1:] {
		if err := s.AppendOp(ctx, d.ID, uint64(i+2), op); err != nil {
			t.Fatalf("AppendOp(%d): %v", i+2, err)
		}
	}
}

// Membership returns the membership the document's log yields.
func (d *Doc) Membership() *e2ee.Membership { return d.log.Membership() }

// CandidateOps returns n different operations, each built on the log's current head (each
// adds a new viewer): all claim the same next sequence number, as concurrent operations of
// several members would. The log does not change.
func (d *Doc) CandidateOps(t testing.TB, n int) [][]byte {
	t.Helper()
	var ops [][]byte
	for range n {
		v, err := keyring.NewIdentity()
		if err != nil {
			t.Fatalf("NewIdentity: %v", err)
		}
		op, err := keyring.AddMember(d.owner, d.log.Membership(), d.keys, v.Public(), e2ee.RoleViewer)
		if err != nil {
			t.Fatalf("AddMember: %v", err)
		}
		ops = append(ops, op)
	}
	return ops
}

// Verify verifies raw as the relay does.
func (d *Doc) Verify(t testing.TB, raw []byte) e2ee.VerifiedEnvelope {
	t.Helper()
	v, err := e2ee.Verify(raw, d.log.Membership())
	if err != nil {
		t.Fatalf("Verify: %v", err)
	}
	return v
}

// ID returns the writer's identity ID.
func (w *Writer) ID() e2ee.IdentityID { return w.id.ID() }

// Next seals the writer's next envelope of kind (an update, snapshot or receipt) and returns
// it verified.
func (w *Writer) Next(t testing.TB, kind e2ee.Kind) e2ee.VerifiedEnvelope {
	t.Helper()
	v := w.Seal(t, e2ee.Header{Kind: kind, Seq: w.seq + 1, Prev: w.prev})
	w.seq, w.prev = w.seq+1, v.Hash()
	return v
}

// Updates seals the writer's next n updates.
func (w *Writer) Updates(t testing.TB, n int) []e2ee.VerifiedEnvelope {
	t.Helper()
	out := make([]e2ee.VerifiedEnvelope, n)
	for i := range out {
		out[i] = w.Next(t, e2ee.KindUpdate)
	}
	return out
}

// Seal seals an envelope with header h as the writer, without moving its chain: for forks,
// gaps and other envelopes a store must refuse.
func (w *Writer) Seal(t testing.TB, h e2ee.Header) e2ee.VerifiedEnvelope {
	t.Helper()
	var content []byte
	if h.Kind != e2ee.KindReceipt {
		content = fmt.Appendf(nil, "%s %d of %s, nonce %x", h.Kind, h.Seq, w.ID().Short(), h.Prev[:4])
	}
	if h.Kind == e2ee.KindReceipt || h.Kind == e2ee.KindEphemeral {
		h.Time = 1 + int64(h.Seq)
	}
	raw, err := keyring.Seal(w.id, w.doc.keys.Primary(), h, content)
	if err != nil {
		t.Fatalf("Seal: %v", err)
	}
	return w.doc.Verify(t, raw)
}
