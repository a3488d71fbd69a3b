// Package storetest is the conformance suite every [syncserver.Store] must pass: ordering
// and offsets, idempotent re-append, conflicts and gaps in an author's chain, snapshot
// cut-over, the membership log's order, erasure, resumable blob uploads, concurrent
// appends, and the optional abilities (compaction, stats, disclosure packages). An implementation's tests call [Run] with a constructor of fresh stores.
//
// The suite makes real identities, documents and sealed envelopes with e2ee/keyring, since a
// store accepts only verified envelopes; it is test support and never linked into the relay.
package storetest

import (
	"bytes"
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"io"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/mobio-sync/mobio/e2ee"
	"github.com/mobio-sync/mobio/syncserver"
)

// Run runs the suite. newStore returns an empty store that lives until t ends (the
// constructor registers its own cleanup).
func Run(t *testing.T, newStore func(t *testing.T) syncserver.Store) {
	tests := []struct {
		name string
		run  func(t *testing.T, s syncserver.Store)
	}{
		{"created document has its genesis and no entries", testCreate},
		{"unknown document is not found", testUnknownDocument},
		{"appends get dense offsets in order and read back as stored", testAppendOrder},
		{"re-appended envelopes are duplicates at their first offsets", testIdempotent},
		{"different envelope at a stored sequence number conflicts and stores nothing", testConflict},
		{"envelope not following its author's previous one is refused", testChainBreaks},
		{"ephemeral and foreign envelopes are never stored", testRefusedKinds},
		{"read ranges honour after and limit", testReadRange},
		{"snapshot cut-over keeps the newest and chains its author", testSnapshot},
		{"membership operations append in order and stale heads are refused", testOps},
		{"erased document keeps only its tombstone and refuses writes", testErase},
		{"blob upload resumes, checks its hash and reads back", testBlobs},
		{"blob with the wrong hash is discarded", testBlobHashMismatch},
		{"concurrent appends from many writers keep offsets unique and dense", testConcurrentAppends},
		{"refused appends among concurrent ones leave the others stored", testConcurrentRefusals},
		{"usage counts entries and blobs", testUsage},
		{"compaction drops covered envelopes but keeps duplicates recognised", testCompact},
		{"stats count documents entries and bytes", testStats},
		{"packages read back, refuse other bytes, and stay gone once withdrawn", testPackages},
		{"expired packages lose their bytes and their IDs are forgotten later", testPackageExpiry},
		{"erasure deletes the document's packages", testPackageErase},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.run(t, newStore(t))
		})
	}
}

func ctxOf(t *testing.T) context.Context { return t.Context() }

func testCreate(t *testing.T, s syncserver.Store) {
	ctx := ctxOf(t)
	d := NewDoc(t, 1)
	if err := s.CreateDocument(ctx, d.ID, d.Genesis); err != nil {
		t.Fatalf("CreateDocument = %v, want nil", err)
	}
	if err := s.CreateDocument(ctx, d.ID, d.Genesis); !errors.Is(err, syncserver.ErrExists) {
		t.Errorf("CreateDocument again = %v, want ErrExists", err)
	}
	ops, err := s.Ops(ctx, d.ID, 0, 0)
	if err != nil || len(ops) != 1 || !bytes.Equal(ops[0], d.Genesis) {
		t.Errorf("Ops = %d ops, %v; want the genesis", len(ops), err)
	}
	if head, err := s.Head(ctx, d.ID); head != 0 || err != nil {
		t.Errorf("Head = %d, %v; want 0, nil", head, err)
	}
	if heads, err := s.AuthorHeads(ctx, d.ID); len(heads) != 0 || err != nil {
		t.Errorf("AuthorHeads = %v, %v; want none", heads, err)
	}
	if entries, err := s.ReadRange(ctx, d.ID, 0, 0); len(entries) != 0 || err != nil {
		t.Errorf("ReadRange = %d entries, %v; want none", len(entries), err)
	}
	if _, ok, err := s.Snapshot(ctx, d.ID); ok || err != nil {
		t.Errorf("Snapshot = %v, %v; want none", ok, err)
	}
	if _, ok, err := s.Tombstone(ctx, d.ID); ok || err != nil {
		t.Errorf("Tombstone = %v, %v; want none", ok, err)
	}
}

func testUnknownDocument(t *testing.T, s syncserver.Store) {
	ctx := ctxOf(t)
	d := NewDoc(t, 1) // not created in s
	v := d.Writers[0].Next(t, e2ee.KindUpdate)
	calls := []struct {
		name string
		err  error
	}{
		{"AppendVerified", second(s.AppendVerified(ctx, d.ID, []e2ee.VerifiedEnvelope{v}))},
		{"ReadRange", second(s.ReadRange(ctx, d.ID, 0, 0))},
		{"Head", second(s.Head(ctx, d.ID))},
		{"AuthorHeads", second(s.AuthorHeads(ctx, d.ID))},
		{"AppendOp", s.AppendOp(ctx, d.ID, 2, d.Genesis)},
		{"Ops", second(s.Ops(ctx, d.ID, 0, 0))},
		{"Usage", second(s.Usage(ctx, d.ID))},
		{"Erase", s.Erase(ctx, d.ID, []byte("tombstone"))},
		{"PutBlobChunk", second(s.PutBlobChunk(ctx, d.ID, e2ee.Hash{1}, 0, []byte("x"), 1))},
	}
	for _, c := range calls {
		if !errors.Is(c.err, syncserver.ErrNotFound) {
			t.Errorf("%s of an unknown document = %v, want ErrNotFound", c.name, c.err)
		}
	}
	if _, ok, err := s.Tombstone(ctx, d.ID); ok || err != nil {
		t.Errorf("Tombstone of an unknown document = %v, %v; want false, nil", ok, err)
	}
}

func second[T any](_ T, err error) error { return err }

// appendOK appends envs and fails t on error.
func appendOK(t *testing.T, s syncserver.Store, doc e2ee.DocID, envs ...e2ee.VerifiedEnvelope) []syncserver.Appended {
	t.Helper()
	out, err := s.AppendVerified(ctxOf(t), doc, envs)
	if err != nil {
		t.Fatalf("AppendVerified(%d envelopes) = %v", len(envs), err)
	}
	if len(out) != len(envs) {
		t.Fatalf("AppendVerified(%d envelopes) returned %d results", len(envs), len(out))
	}
	return out
}

// readAll returns every readable entry of doc.
func readAll(t *testing.T, s syncserver.Store, doc e2ee.DocID) []syncserver.Entry {
	t.Helper()
	entries, err := s.ReadRange(ctxOf(t), doc, 0, 0)
	if err != nil {
		t.Fatalf("ReadRange = %v", err)
	}
	return entries
}

func testAppendOrder(t *testing.T, s syncserver.Store) {
	ctx := ctxOf(t)
	d := NewDoc(t, 2)
	d.Create(t, s)
	a, b := d.Writers[0], d.Writers[1]
	// One call with several envelopes, then single calls, interleaving two authors.
	want := []e2ee.VerifiedEnvelope{a.Next(t, e2ee.KindUpdate), a.Next(t, e2ee.KindUpdate), b.Next(t, e2ee.KindUpdate)}
	got := appendOK(t, s, d.ID, want...)
	for _, v := range []e2ee.VerifiedEnvelope{b.Next(t, e2ee.KindUpdate), a.Next(t, e2ee.KindReceipt), b.Next(t, e2ee.KindUpdate)} {
		got = append(got, appendOK(t, s, d.ID, v)...)
		want = append(want, v)
	}
	for i, g := range got {
		if g.Offset != uint64(i+1) || g.Duplicate {
			t.Errorf("append %d = %+v, want offset %d, not a duplicate", i, g, i+1)
		}
	}
	entries := readAll(t, s, d.ID)
	if len(entries) != len(want) {
		t.Fatalf("ReadRange = %d entries, want %d", len(entries), len(want))
	}
	for i, e := range entries {
		if e.Offset != uint64(i+1) || !bytes.Equal(e.Envelope, want[i].Bytes()) {
			t.Errorf("entry %d = offset %d, %d bytes; want offset %d, the envelope appended", i, e.Offset, len(e.Envelope), i+1)
		}
	}
	if head, err := s.Head(ctx, d.ID); head != uint64(len(want)) || err != nil {
		t.Errorf("Head = %d, %v; want %d", head, err, len(want))
	}
	heads, err := s.AuthorHeads(ctx, d.ID)
	if err != nil {
		t.Fatalf("AuthorHeads = %v", err)
	}
	wantHeads := map[e2ee.IdentityID]syncserver.AuthorHead{
		a.ID(): {Seq: a.seq, Hash: a.prev},
		b.ID(): {Seq: b.seq, Hash: b.prev},
	}
	if len(heads) != len(wantHeads) || heads[a.ID()] != wantHeads[a.ID()] || heads[b.ID()] != wantHeads[b.ID()] {
		t.Errorf("AuthorHeads = %v, want %v", heads, wantHeads)
	}
}

func testIdempotent(t *testing.T, s syncserver.Store) {
	ctx := ctxOf(t)
	d := NewDoc(t, 1)
	d.Create(t, s)
	w := d.Writers[0]
	first := w.Updates(t, 3)
	appendOK(t, s, d.ID, first...)
	// An outbox re-sent after a lost acknowledgement: the old envelopes and a new one.
	next := w.Next(t, e2ee.KindUpdate)
	got := appendOK(t, s, d.ID, append(slices.Clone(first), next)...)
	want := []syncserver.Appended{{Offset: 1, Duplicate: true}, {Offset: 2, Duplicate: true}, {Offset: 3, Duplicate: true}, {Offset: 4}}
	if !slices.Equal(got, want) {
		t.Errorf("re-append = %v, want %v", got, want)
	}
	got = appendOK(t, s, d.ID, first[1])
	if !slices.Equal(got, []syncserver.Appended{{Offset: 2, Duplicate: true}}) {
		t.Errorf("re-append of entry 2 alone = %v, want offset 2, duplicate", got)
	}
	if n := len(readAll(t, s, d.ID)); n != 4 {
		t.Errorf("after re-appends ReadRange = %d entries, want 4 (stored once)", n)
	}
	if head, _ := s.Head(ctx, d.ID); head != 4 {
		t.Errorf("Head = %d, want 4", head)
	}
}

func testConflict(t *testing.T, s syncserver.Store) {
	d := NewDoc(t, 1)
	d.Create(t, s)
	w := d.Writers[0]
	stored := w.Updates(t, 2)
	appendOK(t, s, d.ID, stored...)
	fork := w.Seal(t, e2ee.Header{Kind: e2ee.KindUpdate, Seq: 2, Prev: stored[0].Hash()})
	next := w.Next(t, e2ee.KindUpdate)
	tests := []struct {
		name string
		envs []e2ee.VerifiedEnvelope
	}{
		{"fork alone", []e2ee.VerifiedEnvelope{fork}},
		{"valid envelope then fork", []e2ee.VerifiedEnvelope{next, fork}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := s.AppendVerified(ctxOf(t), d.ID, tt.envs); !errors.Is(err, syncserver.ErrConflict) {
				t.Errorf("AppendVerified = %v, want ErrConflict", err)
			}
			if n := len(readAll(t, s, d.ID)); n != 2 {
				t.Errorf("after the refusal ReadRange = %d entries, want 2 (all or nothing)", n)
			}
		})
	}
}

func testChainBreaks(t *testing.T, s syncserver.Store) {
	d := NewDoc(t, 1)
	d.Create(t, s)
	w := d.Writers[0]
	first := w.Next(t, e2ee.KindUpdate)
	appendOK(t, s, d.ID, first)
	tests := []struct {
		name string
		env  e2ee.VerifiedEnvelope
		want error
	}{
		{"sequence number skips one", w.Seal(t, e2ee.Header{Kind: e2ee.KindUpdate, Seq: 3, Prev: first.Hash()}), syncserver.ErrSequenceGap},
		{"previous hash names another envelope", w.Seal(t, e2ee.Header{Kind: e2ee.KindUpdate, Seq: 2, Prev: e2ee.Hash{9}}), syncserver.ErrConflict},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := s.AppendVerified(ctxOf(t), d.ID, []e2ee.VerifiedEnvelope{tt.env}); !errors.Is(err, tt.want) {
				t.Errorf("AppendVerified = %v, want %v", err, tt.want)
			}
		})
	}
	if got := appendOK(t, s, d.ID, w.Next(t, e2ee.KindUpdate)); got[0].Offset != 2 {
		t.Errorf("next valid envelope at offset %d, want 2", got[0].Offset)
	}
}

func testRefusedKinds(t *testing.T, s syncserver.Store) {
	d, other := NewDoc(t, 1), NewDoc(t, 1)
	d.Create(t, s)
	other.Create(t, s)
	tests := []struct {
		name string
		env  e2ee.VerifiedEnvelope
	}{
		{"ephemeral", d.Writers[0].Seal(t, e2ee.Header{Kind: e2ee.KindEphemeral, Seq: 1})},
		{"envelope of another document", other.Writers[0].Next(t, e2ee.KindUpdate)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := s.AppendVerified(ctxOf(t), d.ID, []e2ee.VerifiedEnvelope{tt.env}); err == nil {
				t.Errorf("AppendVerified = nil, want an error")
			}
			if n := len(readAll(t, s, d.ID)); n != 0 {
				t.Errorf("ReadRange = %d entries, want 0", n)
			}
		})
	}
}

func testReadRange(t *testing.T, s syncserver.Store) {
	d := NewDoc(t, 1)
	d.Create(t, s)
	appendOK(t, s, d.ID, d.Writers[0].Updates(t, 10)...)
	tests := []struct {
		name         string
		after        uint64
		limit        int
		first, count int
	}{
		{"all", 0, 0, 1, 10},
		{"after 3 limit 4", 3, 4, 4, 4},
		{"limit beyond the end", 8, 5, 9, 2},
		{"after the head", 10, 0, 0, 0},
		{"far after the head", 100, 3, 0, 0},
		{"negative limit means all", 5, -1, 6, 5},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			entries, err := s.ReadRange(ctxOf(t), d.ID, tt.after, tt.limit)
			if err != nil {
				t.Fatalf("ReadRange(%d, %d) = %v", tt.after, tt.limit, err)
			}
			if len(entries) != tt.count {
				t.Fatalf("ReadRange(%d, %d) = %d entries, want %d", tt.after, tt.limit, len(entries), tt.count)
			}
			for i, e := range entries {
				if e.Offset != uint64(tt.first+i) {
					t.Errorf("ReadRange(%d, %d)[%d] at offset %d, want %d", tt.after, tt.limit, i, e.Offset, tt.first+i)
				}
			}
		})
	}
}

func testSnapshot(t *testing.T, s syncserver.Store) {
	ctx := ctxOf(t)
	d := NewDoc(t, 2)
	d.Create(t, s)
	a, b := d.Writers[0], d.Writers[1]
	appendOK(t, s, d.ID, a.Updates(t, 3)...)
	appendOK(t, s, d.ID, b.Updates(t, 2)...) // head 5

	snap := b.Next(t, e2ee.KindSnapshot)
	got, err := s.PutSnapshot(ctx, d.ID, 5, snap)
	if err != nil || got != (syncserver.Appended{Offset: 6}) {
		t.Fatalf("PutSnapshot(covers 5) = %+v, %v; want offset 6", got, err)
	}
	sn, ok, err := s.Snapshot(ctx, d.ID)
	if err != nil || !ok || sn.Covers != 5 || sn.Offset != 6 || !bytes.Equal(sn.Envelope, snap.Bytes()) {
		t.Fatalf("Snapshot = covers %d offset %d, %v, %v; want covers 5 offset 6", sn.Covers, sn.Offset, ok, err)
	}
	// The snapshot holds its place in its author's chain: the author's next update follows it.
	if got := appendOK(t, s, d.ID, b.Next(t, e2ee.KindUpdate)); got[0].Offset != 7 {
		t.Errorf("update after the snapshot at offset %d, want 7", got[0].Offset)
	}
	if got, err := s.PutSnapshot(ctx, d.ID, 5, snap); err != nil || got != (syncserver.Appended{Offset: 6, Duplicate: true}) {
		t.Errorf("PutSnapshot of the same snapshot again = %+v, %v; want offset 6, duplicate", got, err)
	}

	refused := []struct {
		name   string
		covers uint64
		want   error
	}{
		{"covering less", 4, syncserver.ErrStaleSnapshot},
		{"covering as much", 5, syncserver.ErrStaleSnapshot},
		{"covering itself", 8, syncserver.ErrBeyondHead},
		{"covering beyond the head", 20, syncserver.ErrBeyondHead},
	}
	for _, tt := range refused {
		t.Run(tt.name, func(t *testing.T) {
			v := a.Seal(t, e2ee.Header{Kind: e2ee.KindSnapshot, Seq: a.seq + 1, Prev: a.prev})
			if _, err := s.PutSnapshot(ctxOf(t), d.ID, tt.covers, v); !errors.Is(err, tt.want) {
				t.Errorf("PutSnapshot(covers %d) = %v, want %v", tt.covers, err, tt.want)
			}
			if head, _ := s.Head(ctxOf(t), d.ID); head != 7 {
				t.Errorf("after the refusal Head = %d, want 7 (the snapshot was not appended)", head)
			}
		})
	}

	newer := a.Next(t, e2ee.KindSnapshot)
	if got, err := s.PutSnapshot(ctx, d.ID, 7, newer); err != nil || got.Offset != 8 {
		t.Fatalf("PutSnapshot(covers 7) = %+v, %v; want offset 8", got, err)
	}
	sn, ok, err = s.Snapshot(ctx, d.ID)
	if err != nil || !ok || sn.Covers != 7 || sn.Offset != 8 || !bytes.Equal(sn.Envelope, newer.Bytes()) {
		t.Errorf("Snapshot after cut-over = covers %d offset %d, %v, %v; want the newer one (covers 7, offset 8)", sn.Covers, sn.Offset, ok, err)
	}
	// A reader catching up reads the snapshot, then the entries after what it covers.
	entries, err := s.ReadRange(ctx, d.ID, sn.Covers, 0)
	if err != nil || len(entries) != 1 || entries[0].Offset != 8 {
		t.Errorf("ReadRange after covers = %v, %v; want the snapshot's own entry at 8", entries, err)
	}
}

func testOps(t *testing.T, s syncserver.Store) {
	ctx := ctxOf(t)
	d := NewDoc(t, 1)
	d.Create(t, s)
	cands := d.CandidateOps(t, 2) // both claim operation 2
	steps := []struct {
		name string
		seq  uint64
		op   []byte
		want error
	}{
		{"first operation on the head is stored", 2, cands[0], nil},
		{"the same operation again is accepted", 2, cands[0], nil},
		{"another operation on the same head is stale", 2, cands[1], syncserver.ErrStaleHead},
		{"an operation at the genesis's place is stale", 1, cands[1], syncserver.ErrStaleHead},
		{"an operation beyond the head skips one", 4, cands[1], syncserver.ErrSequenceGap},
	}
	for _, st := range steps {
		if err := s.AppendOp(ctx, d.ID, st.seq, st.op); !errors.Is(err, st.want) && !(st.want == nil && err == nil) {
			t.Errorf("%s: AppendOp(%d) = %v, want %v", st.name, st.seq, err, st.want)
		}
	}
	ops, err := s.Ops(ctx, d.ID, 0, 0)
	if err != nil || len(ops) != 2 || !bytes.Equal(ops[0], d.Genesis) || !bytes.Equal(ops[1], cands[0]) {
		t.Errorf("Ops = %d ops, %v; want the genesis and the first candidate", len(ops), err)
	}
	if ops, err := s.Ops(ctx, d.ID, 1, 1); err != nil || len(ops) != 1 || !bytes.Equal(ops[0], cands[0]) {
		t.Errorf("Ops(after 1, limit 1) = %d ops, %v; want the first candidate", len(ops), err)
	}
	if ops, err := s.Ops(ctx, d.ID, 2, 0); err != nil || len(ops) != 0 {
		t.Errorf("Ops(after 2) = %d ops, %v; want none", len(ops), err)
	}
	// The stored log verifies.
	all, _ := s.Ops(ctx, d.ID, 0, 0)
	if _, err := e2ee.VerifyLog(all); err != nil {
		t.Errorf("VerifyLog(stored ops) = %v", err)
	}
}

func testErase(t *testing.T, s syncserver.Store) {
	ctx := ctxOf(t)
	d, kept := NewDoc(t, 1), NewDoc(t, 1)
	d.Create(t, s)
	kept.Create(t, s)
	w := d.Writers[0]
	appendOK(t, s, d.ID, w.Updates(t, 3)...)
	if _, err := s.PutSnapshot(ctx, d.ID, 3, w.Next(t, e2ee.KindSnapshot)); err != nil {
		t.Fatalf("PutSnapshot = %v", err)
	}
	blob := []byte("encrypted attachment")
	id := e2ee.Hash(sha256.Sum256(blob))
	if _, err := s.PutBlobChunk(ctx, d.ID, id, 0, blob, int64(len(blob))); err != nil {
		t.Fatalf("PutBlobChunk = %v", err)
	}
	if err := s.CommitBlob(ctx, d.ID, id); err != nil {
		t.Fatalf("CommitBlob = %v", err)
	}
	appendOK(t, s, kept.ID, kept.Writers[0].Updates(t, 2)...)

	tombstone := []byte("signed erasure")
	if err := s.Erase(ctx, d.ID, tombstone); err != nil {
		t.Fatalf("Erase = %v", err)
	}
	if got, ok, err := s.Tombstone(ctx, d.ID); !ok || err != nil || !bytes.Equal(got, tombstone) {
		t.Errorf("Tombstone = %q, %v, %v; want the tombstone", got, ok, err)
	}
	next := w.Next(t, e2ee.KindUpdate)
	calls := []struct {
		name string
		err  error
	}{
		{"Erase", s.Erase(ctx, d.ID, tombstone)},
		{"CreateDocument", s.CreateDocument(ctx, d.ID, d.Genesis)},
		{"AppendVerified", second(s.AppendVerified(ctx, d.ID, []e2ee.VerifiedEnvelope{next}))},
		{"PutSnapshot", second(s.PutSnapshot(ctx, d.ID, 1, w.Next(t, e2ee.KindSnapshot)))},
		{"AppendOp", s.AppendOp(ctx, d.ID, 2, d.CandidateOps(t, 1)[0])},
		{"PutBlobChunk", second(s.PutBlobChunk(ctx, d.ID, id, 0, blob, int64(len(blob))))},
		{"CommitBlob", s.CommitBlob(ctx, d.ID, id)},
		{"ReadRange", second(s.ReadRange(ctx, d.ID, 0, 0))},
		{"Ops", second(s.Ops(ctx, d.ID, 0, 0))},
		{"Head", second(s.Head(ctx, d.ID))},
		{"AuthorHeads", second(s.AuthorHeads(ctx, d.ID))},
		{"Snapshot", third(s.Snapshot(ctx, d.ID))},
		{"OpenBlob", third(s.OpenBlob(ctx, d.ID, id))},
		{"BlobInfo", second(s.BlobInfo(ctx, d.ID, id))},
		{"Usage", second(s.Usage(ctx, d.ID))},
	}
	for _, c := range calls {
		if !errors.Is(c.err, syncserver.ErrErased) {
			t.Errorf("%s after Erase = %v, want ErrErased", c.name, c.err)
		}
	}
	if n := len(readAll(t, s, kept.ID)); n != 2 {
		t.Errorf("other document after Erase: %d entries, want 2", n)
	}
	if st, ok := s.(syncserver.Statser); ok {
		stats, err := st.Stats(ctx)
		if err != nil || stats.Erased != 1 || stats.Documents != 1 || stats.Entries != 2 || stats.Blobs != 0 || stats.Snapshots != 0 {
			t.Errorf("Stats after Erase = %+v, %v; want 1 document, 1 erased, 2 entries, nothing else", stats, err)
		}
	}
}

func third[T, U any](_ T, _ U, err error) error { return err }

func testBlobs(t *testing.T, s syncserver.Store) {
	ctx := ctxOf(t)
	d := NewDoc(t, 1)
	d.Create(t, s)
	blob := make([]byte, 10_000)
	for i := range blob {
		blob[i] = byte(i * 7)
	}
	id := e2ee.Hash(sha256.Sum256(blob))
	total := int64(len(blob))

	if _, err := s.BlobInfo(ctx, d.ID, id); !errors.Is(err, syncserver.ErrNotFound) {
		t.Errorf("BlobInfo before upload = %v, want ErrNotFound", err)
	}
	if n, err := s.PutBlobChunk(ctx, d.ID, id, 0, blob[:3000], total); n != 3000 || err != nil {
		t.Fatalf("PutBlobChunk(0) = %d, %v; want 3000", n, err)
	}
	// The connection drops; the uploader resends a chunk it is not sure about.
	if n, err := s.PutBlobChunk(ctx, d.ID, id, 1000, blob[1000:4000], total); n != 3000 || !errors.Is(err, syncserver.ErrUploadOffset) {
		t.Errorf("PutBlobChunk(1000) = %d, %v; want 3000, ErrUploadOffset", n, err)
	}
	if err := s.CommitBlob(ctx, d.ID, id); !errors.Is(err, syncserver.ErrIncomplete) {
		t.Errorf("CommitBlob of a partial upload = %v, want ErrIncomplete", err)
	}
	if _, _, err := s.OpenBlob(ctx, d.ID, id); !errors.Is(err, syncserver.ErrNotFound) {
		t.Errorf("OpenBlob of an uncommitted blob = %v, want ErrNotFound", err)
	}
	// It asks where to resume.
	info, err := s.BlobInfo(ctx, d.ID, id)
	if err != nil || info != (syncserver.BlobInfo{Size: total, Received: 3000}) {
		t.Errorf("BlobInfo = %+v, %v; want size %d, received 3000", info, err, total)
	}
	if _, err := s.PutBlobChunk(ctx, d.ID, id, 3000, blob[3000:], total+1); !errors.Is(err, syncserver.ErrConflict) {
		t.Errorf("PutBlobChunk with another total = %v, want ErrConflict", err)
	}
	if _, err := s.PutBlobChunk(ctx, d.ID, id, 3000, append(slices.Clone(blob[3000:]), 0), total); !errors.Is(err, syncserver.ErrTooLarge) {
		t.Errorf("PutBlobChunk past the total = %v, want ErrTooLarge", err)
	}
	for off := int64(3000); off < total; off += 2500 {
		end := min(off+2500, total)
		if n, err := s.PutBlobChunk(ctx, d.ID, id, off, blob[off:end], total); n != end || err != nil {
			t.Fatalf("PutBlobChunk(%d) = %d, %v; want %d", off, n, err, end)
		}
	}
	if err := s.CommitBlob(ctx, d.ID, id); err != nil {
		t.Fatalf("CommitBlob = %v", err)
	}
	if err := s.CommitBlob(ctx, d.ID, id); err != nil {
		t.Errorf("CommitBlob again = %v, want nil", err)
	}
	if n, err := s.PutBlobChunk(ctx, d.ID, id, 0, blob[:10], total); n != total || err != nil {
		t.Errorf("PutBlobChunk of a committed blob = %d, %v; want %d, nil", n, err, total)
	}

	r, size, err := s.OpenBlob(ctx, d.ID, id)
	if err != nil || size != total {
		t.Fatalf("OpenBlob = %d, %v; want %d", size, err, total)
	}
	defer r.Close()
	got, err := io.ReadAll(r)
	if err != nil || !bytes.Equal(got, blob) {
		t.Errorf("reading the blob = %d bytes, %v; want the %d bytes uploaded", len(got), err, total)
	}
	for _, off := range []int64{0, 2999, 3000, 5555, total - 1} {
		if _, err := r.Seek(off, io.SeekStart); err != nil {
			t.Fatalf("Seek(%d) = %v", off, err)
		}
		buf := make([]byte, 100)
		n, err := io.ReadFull(r, buf)
		if want := min(int64(100), total-off); int64(n) != want || !bytes.Equal(buf[:n], blob[off:off+want]) {
			t.Errorf("read after Seek(%d) = %d bytes, %v; want %d bytes of the blob at %d", off, n, err, want, off)
		}
	}
	if _, err := r.Seek(0, io.SeekEnd); err != nil {
		t.Fatal(err)
	}
	if n, err := r.Read(make([]byte, 1)); n != 0 || err != io.EOF {
		t.Errorf("Read at the end = %d, %v; want 0, EOF", n, err)
	}
	if info, err := s.BlobInfo(ctx, d.ID, id); err != nil || info != (syncserver.BlobInfo{Size: total, Received: total, Committed: true}) {
		t.Errorf("BlobInfo after commit = %+v, %v", info, err)
	}
}

func testBlobHashMismatch(t *testing.T, s syncserver.Store) {
	ctx := ctxOf(t)
	d := NewDoc(t, 1)
	d.Create(t, s)
	blob := []byte("ciphertext of a scanned certificate")
	id := e2ee.Hash(sha256.Sum256([]byte("something else")))
	if _, err := s.PutBlobChunk(ctx, d.ID, id, 0, blob, int64(len(blob))); err != nil {
		t.Fatalf("PutBlobChunk = %v", err)
	}
	if err := s.CommitBlob(ctx, d.ID, id); !errors.Is(err, syncserver.ErrHashMismatch) {
		t.Errorf("CommitBlob = %v, want ErrHashMismatch", err)
	}
	if _, err := s.BlobInfo(ctx, d.ID, id); !errors.Is(err, syncserver.ErrNotFound) {
		t.Errorf("BlobInfo after a mismatch = %v, want ErrNotFound (upload discarded)", err)
	}
	if n, err := s.Usage(ctx, d.ID); n != 0 || err != nil {
		t.Errorf("Usage after a discarded upload = %d, %v; want 0", n, err)
	}
}

func testConcurrentAppends(t *testing.T, s syncserver.Store) {
	const writers, each = 16, 20
	d := NewDoc(t, writers)
	d.Create(t, s)
	envs := make([][]e2ee.VerifiedEnvelope, writers)
	for i, w := range d.Writers {
		envs[i] = w.Updates(t, each)
	}
	offsets := make([][]uint64, writers)
	var wg sync.WaitGroup
	errs := make(chan error, writers)
	for i := range writers {
		wg.Go(func() {
			for j, v := range envs[i] {
				// Every third call re-sends the previous envelope with the new one.
				batch := []e2ee.VerifiedEnvelope{v}
				if j%3 == 2 {
					batch = []e2ee.VerifiedEnvelope{envs[i][j-1], v}
				}
				out, err := s.AppendVerified(context.Background(), d.ID, batch)
				if err != nil {
					errs <- fmt.Errorf("writer %d envelope %d: %w", i, j, err)
					return
				}
				offsets[i] = append(offsets[i], out[len(out)-1].Offset)
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}
	seen := map[uint64]bool{}
	for i, offs := range offsets {
		if !slices.IsSorted(offs) {
			t.Errorf("writer %d's envelopes at offsets %v, not in its order", i, offs)
		}
		for _, o := range offs {
			if seen[o] {
				t.Errorf("offset %d given twice", o)
			}
			seen[o] = true
		}
	}
	entries := readAll(t, s, d.ID)
	if len(entries) != writers*each || len(seen) != writers*each {
		t.Fatalf("ReadRange = %d entries, %d offsets acknowledged; want %d", len(entries), len(seen), writers*each)
	}
	for i, e := range entries {
		if e.Offset != uint64(i+1) {
			t.Fatalf("entry %d at offset %d: offsets not dense", i, e.Offset)
		}
	}
	// Each author's envelopes read back in its chain order.
	chain := e2ee.NewChain(d.ID)
	for _, e := range entries {
		if err := chain.Check(d.Verify(t, e.Envelope)); err != nil {
			t.Fatalf("entry %d breaks its author's chain: %v", e.Offset, err)
		}
	}
}

func testConcurrentRefusals(t *testing.T, s syncserver.Store) {
	const writers, each = 8, 15
	d := NewDoc(t, writers)
	d.Create(t, s)
	type call struct {
		envs []e2ee.VerifiedEnvelope
		ok   bool
	}
	calls := make([][]call, writers)
	var want int
	for i, w := range d.Writers {
		for j := range each {
			v := w.Next(t, e2ee.KindUpdate)
			if j%4 == 2 {
				// A call that must fail as a whole: the next envelope with a fork of the one
				// before it.
				fork := w.Seal(t, e2ee.Header{Kind: e2ee.KindUpdate, Seq: w.seq - 1, Prev: e2ee.Hash{byte(j)}})
				calls[i] = append(calls[i], call{envs: []e2ee.VerifiedEnvelope{v, fork}})
			}
			calls[i] = append(calls[i], call{envs: []e2ee.VerifiedEnvelope{v}, ok: true})
			want++
		}
	}
	var wg sync.WaitGroup
	errs := make(chan error, writers*each*2)
	for i := range writers {
		wg.Go(func() {
			for _, c := range calls[i] {
				_, err := s.AppendVerified(context.Background(), d.ID, c.envs)
				switch {
				case c.ok && err != nil:
					errs <- fmt.Errorf("writer %d: valid append = %v", i, err)
				case !c.ok && !errors.Is(err, syncserver.ErrConflict):
					errs <- fmt.Errorf("writer %d: append with a fork = %v, want ErrConflict", i, err)
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	entries := readAll(t, s, d.ID)
	if len(entries) != want {
		t.Fatalf("ReadRange = %d entries, want %d (the valid ones only)", len(entries), want)
	}
	chain := e2ee.NewChain(d.ID)
	for i, e := range entries {
		if e.Offset != uint64(i+1) {
			t.Fatalf("entry %d at offset %d: offsets not dense", i, e.Offset)
		}
		if err := chain.Check(d.Verify(t, e.Envelope)); err != nil {
			t.Fatalf("entry %d: %v", e.Offset, err)
		}
	}
}

func testUsage(t *testing.T, s syncserver.Store) {
	ctx := ctxOf(t)
	d := NewDoc(t, 1)
	d.Create(t, s)
	envs := d.Writers[0].Updates(t, 3)
	appendOK(t, s, d.ID, envs...)
	appendOK(t, s, d.ID, envs[0]) // a duplicate costs nothing
	want := int64(0)
	for _, v := range envs {
		want += int64(len(v.Bytes()))
	}
	if n, err := s.Usage(ctx, d.ID); n != want || err != nil {
		t.Errorf("Usage = %d, %v; want %d", n, err, want)
	}
	if _, err := s.PutBlobChunk(ctx, d.ID, e2ee.Hash{1}, 0, make([]byte, 500), 1000); err != nil {
		t.Fatal(err)
	}
	if n, err := s.Usage(ctx, d.ID); n != want+500 || err != nil {
		t.Errorf("Usage with an upload in progress = %d, %v; want %d", n, err, want+500)
	}
}

func testCompact(t *testing.T, s syncserver.Store) {
	c, ok := s.(syncserver.Compactor)
	if !ok {
		t.Skip("store does not implement syncserver.Compactor")
	}
	ctx := ctxOf(t)
	d := NewDoc(t, 1)
	d.Create(t, s)
	w := d.Writers[0]
	envs := w.Updates(t, 4)
	appendOK(t, s, d.ID, envs...)
	compactable := func(olderThan time.Time) bool {
		t.Helper()
		ids, err := c.Compactable(ctx, olderThan)
		if err != nil {
			t.Fatalf("Compactable = %v", err)
		}
		return slices.Contains(ids, d.ID)
	}
	if compactable(time.Now().Add(time.Hour)) {
		t.Error("Compactable names a document without a snapshot")
	}
	if n, err := c.Compact(ctx, d.ID, time.Now().Add(time.Hour)); n != 0 || err != nil {
		t.Errorf("Compact without a snapshot = %d, %v; want 0, nil", n, err)
	}
	if _, err := s.PutSnapshot(ctx, d.ID, 3, w.Next(t, e2ee.KindSnapshot)); err != nil {
		t.Fatal(err)
	}
	if compactable(time.Now().Add(-time.Hour)) {
		t.Error("Compactable names a document whose snapshot is within the retention")
	}
	if n, err := c.Compact(ctx, d.ID, time.Now().Add(-time.Hour)); n != 0 || err != nil {
		t.Errorf("Compact within the retention = %d, %v; want 0, nil", n, err)
	}
	if !compactable(time.Now().Add(time.Hour)) {
		t.Error("Compactable does not name a document with an old snapshot")
	}
	if n, err := c.Compact(ctx, d.ID, time.Now().Add(time.Hour)); n != 3 || err != nil {
		t.Errorf("Compact = %d, %v; want 3", n, err)
	}
	if compactable(time.Now().Add(time.Hour)) {
		t.Error("Compactable names a document compacted already")
	}
	entries := readAll(t, s, d.ID)
	if len(entries) != 2 || entries[0].Offset != 4 || entries[1].Offset != 5 {
		t.Errorf("ReadRange after Compact = %v; want offsets 4 and 5", entries)
	}
	if got := appendOK(t, s, d.ID, envs[0]); got[0] != (syncserver.Appended{Offset: 1, Duplicate: true}) {
		t.Errorf("re-append of a compacted envelope = %+v, want offset 1, duplicate", got[0])
	}
	if sn, ok, err := s.Snapshot(ctx, d.ID); !ok || err != nil || sn.Offset != 5 {
		t.Errorf("Snapshot after Compact = %+v, %v, %v", sn, ok, err)
	}
	if head, _ := s.Head(ctx, d.ID); head != 5 {
		t.Errorf("Head after Compact = %d, want 5", head)
	}
}

func testStats(t *testing.T, s syncserver.Store) {
	st, ok := s.(syncserver.Statser)
	if !ok {
		t.Skip("store does not implement syncserver.Statser")
	}
	ctx := ctxOf(t)
	d, e := NewDoc(t, 1), NewDoc(t, 1)
	d.Create(t, s)
	e.Create(t, s)
	envs := d.Writers[0].Updates(t, 3)
	appendOK(t, s, d.ID, envs...)
	blob := []byte("attachment")
	id := e2ee.Hash(sha256.Sum256(blob))
	if _, err := s.PutBlobChunk(ctx, e.ID, id, 0, blob, int64(len(blob))); err != nil {
		t.Fatal(err)
	}
	if err := s.CommitBlob(ctx, e.ID, id); err != nil {
		t.Fatal(err)
	}
	got, err := st.Stats(ctx)
	if err != nil {
		t.Fatalf("Stats = %v", err)
	}
	var entryBytes int64
	for _, v := range envs {
		entryBytes += int64(len(v.Bytes()))
	}
	if got.Documents != 2 || got.Entries != 3 || got.EntryBytes != entryBytes || got.Blobs != 1 || got.BlobBytes != int64(len(blob)) {
		t.Errorf("Stats = %+v; want 2 documents, 3 entries of %d bytes, 1 blob of %d bytes", got, entryBytes, len(blob))
	}
}
