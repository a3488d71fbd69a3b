// Package storetest is the conformance suite of [client.Store]: every implementation
// (client/memstore, client/sqlitestore, the browser's IndexedDB store) runs [Run], and those
// that keep data across restarts also run [RunDurable], so that the sync engine can rely on
// one behaviour whatever store it is given.
//
// Where the contract of [client.Store] leaves a choice open, the suite pins one reading, so
// that stores agree; each such test says so in its comment.
package storetest

import (
	"bytes"
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"io"
	"math"
	"reflect"
	"sync"
	"testing"

	"github.com/mobio-sync/mobio/client"
	"github.com/mobio-sync/mobio/e2ee"
	"github.com/mobio-sync/mobio/protocol"
)

// Run runs the suite against stores made by open. Each call of open must return a new, empty
// store; the suite closes it when its test ends, so open must not.
func Run(t *testing.T, open func(t *testing.T) client.Store) {
	tests := []struct {
		name string
		fn   func(t *testing.T, s client.Store)
	}{
		{"created document loads as it was stored", testCreateLoad},
		{"creating a taken ID fails with ErrExists and keeps the first", testCreateExists},
		{"document with the zero ID is refused", testCreateZeroID},
		{"methods on a missing document fail with ErrNotFound", testMissing},
		{"documents list by title then ID with their counts", testList},
		{"summary counts follow the record", testListCounts},
		{"SetTitle renames and reorders the list", testSetTitle},
		{"deleted document is gone with its changes, outbox and blobs", testDelete},
		{"CommitLocal appends change and envelope and moves Own", testCommitLocal},
		{"CommitLocal of a receipt or snapshot appends no change", testCommitLocalNoChange},
		{"CommitLocal out of chain order fails and changes nothing", testCommitLocalChain},
		{"CommitRemote appends changes and moves the reading state", testCommitRemote},
		{"Acked drops acknowledged entries, idempotently", testAcked},
		{"ReplaceOutbox replaces entries and Own", testReplaceOutbox},
		{"AppendOps extends the log and drops acknowledged pending operations", testAppendOps},
		{"QueueOp queues operations in order", testQueueOp},
		{"Compact drops only the first changes", testCompact},
		{"SnapshotTaken moves SnapshotAt forward only", testSnapshotTaken},
		{"blob is stored, read back and seekable", testBlobRoundTrip},
		{"large blob streams in and out intact", testBlobLarge},
		{"blobs list by document and ID with their upload mark", testBlobList},
		{"failed blob read stores nothing", testBlobFailingReader},
		{"cancelled blob read stores nothing", testBlobCancelledMidway},
		{"stored values do not alias the caller's", testNoAliasingIn},
		{"returned values do not alias the store's", testNoAliasingOut},
		{"cancelled context fails every method and changes nothing", testCancelled},
		{"concurrent writers and readers lose nothing", testConcurrent},
		{"concurrent CommitLocal on one document keeps one chain", testConcurrentChain},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := open(t)
			t.Cleanup(func() { s.Close() })
			tt.fn(t, s)
		})
	}
	t.Run("closed store fails instead of panicking", func(t *testing.T) {
		s := open(t)
		mustCreate(t, s, sampleRecord(docID("closed")))
		if err := s.Close(); err != nil {
			t.Fatalf("Close = %v", err)
		}
		if _, err := s.LoadDoc(t.Context(), docID("closed")); err == nil {
			t.Errorf("LoadDoc after Close = nil error, want one")
		}
		if err := s.CommitLocal(t.Context(), docID("closed"), []byte("c"), entry(3, 1)); err == nil {
			t.Errorf("CommitLocal after Close = nil error, want one")
		}
	})
}

// RunDurable checks that what a store stores survives closing and opening it again. open
// opens the store kept in dir (an empty directory the first time); the suite closes every
// store it opens.
func RunDurable(t *testing.T, open func(t *testing.T, dir string) client.Store) {
	reopen := func(t *testing.T, dir string) (client.Store, func()) {
		s := open(t, dir)
		var once sync.Once
		closeFn := func() {
			once.Do(func() {
				if err := s.Close(); err != nil {
					t.Errorf("Close = %v", err)
				}
			})
		}
		t.Cleanup(closeFn)
		return s, closeFn
	}

	t.Run("everything stored survives reopening", func(t *testing.T) {
		ctx := t.Context()
		dir := t.TempDir()
		s, closeFn := reopen(t, dir)
		a, b := sampleRecord(docID("a")), sampleRecord(docID("b"))
		b.Title = "B"
		mustCreate(t, s, a)
		mustCreate(t, s, b)
		must(t, s.CommitLocal(ctx, a.ID, []byte("change c"), entry(3, 1)))
		must(t, s.CommitLocal(ctx, a.ID, nil, snapshotEntry(4, 1, 7)))
		must(t, s.CommitRemote(ctx, a.ID, client.RemoteBatch{Changes: [][]byte{[]byte("remote")}, Cursor: 9, Heads: heads(9), Applied: 2, SnapshotAt: 8}))
		must(t, s.Acked(ctx, a.ID, 1))
		must(t, s.AppendOps(ctx, a.ID, [][]byte{[]byte("invite")}, 1))
		must(t, s.QueueOp(ctx, a.ID, []byte("remove")))
		must(t, s.Compact(ctx, b.ID, []byte("content v2"), 1))
		big := pattern(2<<20 + 17)
		must(t, s.PutBlob(ctx, a.ID, hashOf(big), bytes.NewReader(big)))
		must(t, s.PutBlob(ctx, a.ID, hashOf([]byte("small")), bytes.NewReader([]byte("small"))))
		must(t, s.BlobUploaded(ctx, a.ID, hashOf(big)))
		must(t, s.DeleteDoc(ctx, b.ID))
		wantA := load(t, s, a.ID)
		wantList := list(t, s)
		wantBlobs := blobs(t, s, e2ee.DocID{})
		closeFn()

		s, _ = reopen(t, dir)
		checkRecord(t, s, wantA)
		if got := list(t, s); !reflect.DeepEqual(got, wantList) {
			t.Errorf("ListDocs after reopening = %+v, want %+v", got, wantList)
		}
		if got := blobs(t, s, e2ee.DocID{}); !reflect.DeepEqual(got, wantBlobs) {
			t.Errorf("Blobs after reopening = %+v, want %+v", got, wantBlobs)
		}
		if got := readBlob(t, s, a.ID, hashOf(big)); !bytes.Equal(got, big) {
			t.Errorf("blob after reopening: %d bytes, differing from the %d stored", len(got), len(big))
		}
		if _, err := s.LoadDoc(ctx, b.ID); !errors.Is(err, client.ErrNotFound) {
			t.Errorf("LoadDoc(deleted) after reopening = %v, want ErrNotFound", err)
		}
		// The chain continues where it stood.
		must(t, s.CommitLocal(ctx, a.ID, []byte("change e"), entry(5, 1)))
		if err := s.CommitLocal(ctx, a.ID, []byte("change e"), entry(5, 1)); err == nil {
			t.Errorf("CommitLocal of seq 5 twice after reopening = nil, want an error")
		}
	})

	t.Run("refused call leaves nothing after reopening", func(t *testing.T) {
		ctx := t.Context()
		dir := t.TempDir()
		s, closeFn := reopen(t, dir)
		rec := sampleRecord(docID("a"))
		mustCreate(t, s, rec)
		if err := s.CommitLocal(ctx, rec.ID, []byte("gap"), entry(5, 1)); err == nil {
			t.Fatalf("CommitLocal with a gap = nil, want an error")
		}
		if err := s.Compact(ctx, rec.ID, []byte("x"), 99); err == nil {
			t.Fatalf("Compact beyond the changes = nil, want an error")
		}
		closeFn()
		s, _ = reopen(t, dir)
		checkRecord(t, s, rec)
	})
}

// --- fixtures --------------------------------------------------------------------------------

// docID is a document ID derived from name, so that tests read as words.
func docID(name string) e2ee.DocID {
	h := sha256.Sum256([]byte("doc " + name))
	var id e2ee.DocID
	copy(id[:], h[:])
	return id
}

func hashOf(b []byte) e2ee.Hash { return e2ee.Hash(sha256.Sum256(b)) }

var (
	self  = e2ee.IdentityID{0xa1, 0xa1}
	other = e2ee.IdentityID{0xb2, 0xb2}
)

// entry is this device's outbox entry seq, sealed at epoch.
func entry(seq uint64, epoch e2ee.Epoch) client.OutboxEntry {
	env := fmt.Appendf(nil, "envelope %d at epoch %d", seq, epoch)
	return client.OutboxEntry{Seq: seq, Hash: hashOf(env), Epoch: epoch, Envelope: env, Change: fmt.Appendf(nil, "change %d", seq)}
}

// snapshotEntry is this device's outbox entry seq carrying a snapshot covering the log up to
// covers: it carries no change.
func snapshotEntry(seq uint64, epoch e2ee.Epoch, covers protocol.Offset) client.OutboxEntry {
	env := fmt.Appendf(nil, "snapshot %d at epoch %d", seq, epoch)
	return client.OutboxEntry{Seq: seq, Hash: hashOf(env), Epoch: epoch, Envelope: env, Covers: covers}
}

func entries(from, to uint64, epoch e2ee.Epoch) []client.OutboxEntry {
	var out []client.OutboxEntry
	for seq := from; seq <= to; seq++ {
		out = append(out, entry(seq, epoch))
	}
	return out
}

func ownAt(seq uint64, epoch e2ee.Epoch) e2ee.ChainHead {
	return e2ee.ChainHead{Author: self, Seq: seq, Hash: entry(seq, epoch).Hash, Epoch: epoch}
}

// heads is a reading chain whose other author stands at seq.
func heads(seq uint64) []e2ee.ChainHead {
	return []e2ee.ChainHead{
		{Author: other, Seq: seq, Hash: hashOf(fmt.Appendf(nil, "other %d", seq)), Epoch: 1},
		ownAt(2, 1),
	}
}

// sampleRecord is a record with every field set: two changes, two outbox entries (Own at 2),
// two log operations and one pending.
func sampleRecord(id e2ee.DocID) client.DocRecord {
	return client.DocRecord{
		ID:            id,
		Title:         "Amal H.",
		Log:           [][]byte{[]byte("genesis"), []byte("add counsellor")},
		PendingOps:    [][]byte{[]byte("invite")},
		Content:       []byte("content v1"),
		Changes:       [][]byte{[]byte("change a"), []byte("change b")},
		Cursor:        7,
		Heads:         heads(5),
		Own:           ownAt(2, 1),
		SnapshotAt:    4,
		SinceSnapshot: 3,
		Outbox:        entries(1, 2, 1),
	}
}

// pattern is n bytes that differ from one MiB to the next, so that a chunk read from the
// wrong place shows.
func pattern(n int) []byte {
	b := make([]byte, n)
	for i := range b {
		b[i] = byte(i*7 + i>>20)
	}
	return b
}

// --- helpers ---------------------------------------------------------------------------------

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func mustCreate(t *testing.T, s client.Store, rec client.DocRecord) {
	t.Helper()
	if err := s.CreateDoc(t.Context(), cloneRecord(rec)); err != nil {
		t.Fatalf("CreateDoc(%s) = %v", rec.ID, err)
	}
}

func load(t *testing.T, s client.Store, id e2ee.DocID) client.DocRecord {
	t.Helper()
	rec, err := s.LoadDoc(t.Context(), id)
	if err != nil {
		t.Fatalf("LoadDoc(%s) = %v", id, err)
	}
	return rec
}

func list(t *testing.T, s client.Store) []client.DocSummary {
	t.Helper()
	l, err := s.ListDocs(t.Context())
	if err != nil {
		t.Fatalf("ListDocs = %v", err)
	}
	return l
}

func blobs(t *testing.T, s client.Store, doc e2ee.DocID) []client.BlobRecord {
	t.Helper()
	l, err := s.Blobs(t.Context(), doc)
	if err != nil {
		t.Fatalf("Blobs(%s) = %v", doc, err)
	}
	return l
}

func readBlob(t *testing.T, s client.Store, doc e2ee.DocID, id e2ee.Hash) []byte {
	t.Helper()
	r, size, err := s.OpenBlob(t.Context(), doc, id)
	if err != nil {
		t.Fatalf("OpenBlob = %v", err)
	}
	defer r.Close()
	b, err := io.ReadAll(r)
	if err != nil {
		t.Fatalf("read blob: %v", err)
	}
	if int64(len(b)) != size {
		t.Errorf("OpenBlob size = %d, read %d bytes", size, len(b))
	}
	return b
}

// checkRecord fails t unless the stored record of want.ID equals want.
func checkRecord(t *testing.T, s client.Store, want client.DocRecord) {
	t.Helper()
	got := load(t, s, want.ID)
	if d := diffRecord(got, want); d != "" {
		t.Errorf("LoadDoc(%s): %s", want.ID, d)
	}
}

// diffRecord describes the first fields in which got and want differ, or returns "". A nil
// slice equals an empty one: stores need not tell them apart, except where tests say so.
func diffRecord(got, want client.DocRecord) string {
	got, want = normalize(got), normalize(want)
	var d []string
	gv, wv := reflect.ValueOf(got), reflect.ValueOf(want)
	for i := range gv.NumField() {
		if !reflect.DeepEqual(gv.Field(i).Interface(), wv.Field(i).Interface()) {
			d = append(d, fmt.Sprintf("%s = %s, want %s", gv.Type().Field(i).Name, show(gv.Field(i).Interface()), show(wv.Field(i).Interface())))
		}
	}
	if len(d) == 0 {
		return ""
	}
	return fmt.Sprint(d)
}

// show renders byte slices as text, which the suite's fixtures are.
func show(v any) string {
	switch v := v.(type) {
	case []byte:
		return fmt.Sprintf("%q", v)
	case [][]byte:
		return fmt.Sprintf("%q", v)
	case []client.OutboxEntry:
		var s []string
		for _, e := range v {
			s = append(s, fmt.Sprintf("{%d e%d covers %d %q %q}", e.Seq, e.Epoch, e.Covers, e.Envelope, e.Change))
		}
		return fmt.Sprint(s)
	case []e2ee.ChainHead:
		var s []string
		for _, h := range v {
			s = append(s, fmt.Sprintf("{%s %d e%d %s}", h.Author.Short(), h.Seq, h.Epoch, h.Hash.String()[:8]))
		}
		return fmt.Sprint(s)
	}
	return fmt.Sprintf("%+v", v)
}

func normalize(r client.DocRecord) client.DocRecord {
	r = cloneRecord(r)
	nz := func(b []byte) []byte {
		if b == nil {
			return []byte{}
		}
		return b
	}
	nzs := func(bs [][]byte) [][]byte {
		if bs == nil {
			bs = [][]byte{}
		}
		for i := range bs {
			bs[i] = nz(bs[i])
		}
		return bs
	}
	r.Log, r.PendingOps, r.Changes, r.Content = nzs(r.Log), nzs(r.PendingOps), nzs(r.Changes), nz(r.Content)
	if r.Heads == nil {
		r.Heads = []e2ee.ChainHead{}
	}
	if r.Outbox == nil {
		r.Outbox = []client.OutboxEntry{}
	}
	for i := range r.Outbox {
		r.Outbox[i].Envelope, r.Outbox[i].Change = nz(r.Outbox[i].Envelope), nz(r.Outbox[i].Change)
	}
	return r
}

func cloneBytes(bs [][]byte) [][]byte {
	if bs == nil {
		return nil
	}
	out := make([][]byte, len(bs))
	for i, b := range bs {
		out[i] = bytes.Clone(b)
	}
	return out
}

func cloneRecord(r client.DocRecord) client.DocRecord {
	r.Log, r.PendingOps, r.Changes = cloneBytes(r.Log), cloneBytes(r.PendingOps), cloneBytes(r.Changes)
	r.Content = bytes.Clone(r.Content)
	if r.Heads != nil {
		r.Heads = append([]e2ee.ChainHead{}, r.Heads...)
	}
	if r.Outbox != nil {
		out := make([]client.OutboxEntry, len(r.Outbox))
		for i, e := range r.Outbox {
			e.Envelope, e.Change = bytes.Clone(e.Envelope), bytes.Clone(e.Change)
			out[i] = e
		}
		r.Outbox = out
	}
	return r
}

// scribble overwrites every byte, element and field reachable from r in place, as a caller
// reusing its buffers would.
func scribble(r *client.DocRecord) {
	r.Title = "scribbled"
	for _, bs := range [][][]byte{r.Log, r.PendingOps, r.Changes} {
		scribbleBytes(bs)
	}
	scribbleByte(r.Content)
	for i := range r.Heads {
		r.Heads[i].Seq, r.Heads[i].Hash[0] = 999, 0xff
	}
	scribbleOutbox(r.Outbox)
}

func scribbleBytes(bs [][]byte) {
	for i := range bs {
		scribbleByte(bs[i])
		bs[i] = []byte("replaced")
	}
}

func scribbleByte(b []byte) {
	for i := range b {
		b[i] = 'X'
	}
}

func scribbleOutbox(es []client.OutboxEntry) {
	for i := range es {
		scribbleByte(es[i].Envelope)
		scribbleByte(es[i].Change)
		es[i].Seq, es[i].Hash[0] = 999, 0xff
	}
}

// unchanged runs call, which must fail, and checks that the record of id is as before.
func unchanged(t *testing.T, s client.Store, id e2ee.DocID, what string, call func() error) {
	t.Helper()
	before := load(t, s, id)
	if err := call(); err == nil {
		t.Errorf("%s = nil, want an error", what)
	}
	if d := diffRecord(load(t, s, id), before); d != "" {
		t.Errorf("after the refused %s: %s", what, d)
	}
}

// --- documents -------------------------------------------------------------------------------

func testCreateLoad(t *testing.T, s client.Store) {
	rec := sampleRecord(docID("a"))
	mustCreate(t, s, rec)
	checkRecord(t, s, rec)

	// A document created offline: genesis pending, nothing else. Its nil Content comes back
	// nil, which a DocFactory takes for "a new, empty document".
	bare := client.DocRecord{ID: docID("bare"), PendingOps: [][]byte{[]byte("genesis")}}
	mustCreate(t, s, bare)
	checkRecord(t, s, bare)
	if got := load(t, s, bare.ID); got.Content != nil {
		t.Errorf("LoadDoc of a document without content: Content = %q, want nil", got.Content)
	}
}

func testCreateExists(t *testing.T, s client.Store) {
	rec := sampleRecord(docID("a"))
	mustCreate(t, s, rec)
	second := client.DocRecord{ID: rec.ID, Title: "second", Changes: [][]byte{[]byte("other")}}
	if err := s.CreateDoc(t.Context(), second); !errors.Is(err, client.ErrExists) {
		t.Errorf("CreateDoc(taken ID) = %v, want ErrExists", err)
	}
	checkRecord(t, s, rec)
}

// The zero DocID means "every document" to Blobs, so no document may have it (the suite's
// reading: the contract does not say).
func testCreateZeroID(t *testing.T, s client.Store) {
	if err := s.CreateDoc(t.Context(), client.DocRecord{Title: "zero"}); err == nil {
		t.Errorf("CreateDoc(zero ID) = nil, want an error")
	}
	if l := list(t, s); len(l) != 0 {
		t.Errorf("ListDocs after the refused CreateDoc = %+v, want none", l)
	}
}

func testMissing(t *testing.T, s client.Store) {
	ctx := t.Context()
	present := sampleRecord(docID("present"))
	mustCreate(t, s, present)
	missing := docID("missing")
	blob := []byte("blob")
	calls := []struct {
		name string
		call func() error
	}{
		{"LoadDoc", func() error { _, err := s.LoadDoc(ctx, missing); return err }},
		{"SetTitle", func() error { return s.SetTitle(ctx, missing, "t") }},
		{"CommitLocal", func() error { return s.CommitLocal(ctx, missing, []byte("c"), entry(1, 1)) }},
		{"CommitRemote", func() error {
			return s.CommitRemote(ctx, missing, client.RemoteBatch{Changes: [][]byte{[]byte("r")}, Cursor: 1, Applied: 1})
		}},
		{"Outbox", func() error { _, err := s.Outbox(ctx, missing); return err }},
		{"Acked", func() error { return s.Acked(ctx, missing, 1) }},
		{"ReplaceOutbox", func() error { return s.ReplaceOutbox(ctx, missing, entries(1, 1, 2), ownAt(1, 2)) }},
		{"AppendOps", func() error { return s.AppendOps(ctx, missing, [][]byte{[]byte("op")}, 0) }},
		{"QueueOp", func() error { return s.QueueOp(ctx, missing, []byte("op")) }},
		{"Compact", func() error { return s.Compact(ctx, missing, []byte("content"), 0) }},
		{"SnapshotTaken", func() error { return s.SnapshotTaken(ctx, missing, 1) }},
		{"PutBlob", func() error { return s.PutBlob(ctx, missing, hashOf(blob), bytes.NewReader(blob)) }},
		{"OpenBlob", func() error { _, _, err := s.OpenBlob(ctx, missing, hashOf(blob)); return err }},
		{"BlobUploaded", func() error { return s.BlobUploaded(ctx, missing, hashOf(blob)) }},
		{"OpenBlob of a missing blob", func() error { _, _, err := s.OpenBlob(ctx, present.ID, hashOf(blob)); return err }},
		{"BlobUploaded of a missing blob", func() error { return s.BlobUploaded(ctx, present.ID, hashOf(blob)) }},
	}
	for _, c := range calls {
		if err := c.call(); !errors.Is(err, client.ErrNotFound) {
			t.Errorf("%s = %v, want ErrNotFound", c.name, err)
		}
	}
	if err := s.DeleteDoc(ctx, missing); err != nil {
		t.Errorf("DeleteDoc(missing) = %v, want nil", err)
	}
	// The suite's reading: a document without blobs, or without a record, has an empty list.
	if l := blobs(t, s, missing); len(l) != 0 {
		t.Errorf("Blobs(missing) = %+v, want none", l)
	}
	checkRecord(t, s, present)
}

func testList(t *testing.T, s client.Store) {
	if l := list(t, s); len(l) != 0 {
		t.Fatalf("ListDocs of an empty store = %+v, want none", l)
	}
	full := sampleRecord(e2ee.DocID{2})
	full.Title = "Amal"
	for _, rec := range []client.DocRecord{
		{ID: e2ee.DocID{3}, Title: "Bashir"},
		full,
		{ID: e2ee.DocID{1}, Title: "Bashir", Cursor: 12},
		{ID: e2ee.DocID{9}, Title: ""},
		{ID: e2ee.DocID{0, 1}, Title: "bashir"}, // byte order: lower case after upper
	} {
		mustCreate(t, s, rec)
	}
	want := []client.DocSummary{
		{ID: e2ee.DocID{9}, Title: ""},
		{ID: e2ee.DocID{2}, Title: "Amal", Pending: 3, Cursor: 7, Changes: 2},
		{ID: e2ee.DocID{1}, Title: "Bashir", Cursor: 12},
		{ID: e2ee.DocID{3}, Title: "Bashir"},
		{ID: e2ee.DocID{0, 1}, Title: "bashir"},
	}
	if got := list(t, s); !reflect.DeepEqual(got, want) {
		t.Errorf("ListDocs =\n%+v\nwant\n%+v", got, want)
	}
}

func testListCounts(t *testing.T, s client.Store) {
	ctx := t.Context()
	rec := sampleRecord(docID("a")) // outbox 2, pending 1, changes 2, cursor 7
	mustCreate(t, s, rec)
	steps := []struct {
		name string
		call func() error
		want client.DocSummary
	}{
		{"CommitLocal", func() error { return s.CommitLocal(ctx, rec.ID, []byte("c"), entry(3, 1)) },
			client.DocSummary{Pending: 4, Cursor: 7, Changes: 3}},
		{"CommitRemote", func() error {
			return s.CommitRemote(ctx, rec.ID, client.RemoteBatch{Changes: [][]byte{[]byte("r1"), []byte("r2")}, Cursor: 10, Applied: 3})
		}, client.DocSummary{Pending: 4, Cursor: 10, Changes: 5}},
		{"Acked", func() error { return s.Acked(ctx, rec.ID, 2) }, client.DocSummary{Pending: 2, Cursor: 10, Changes: 5}},
		{"QueueOp", func() error { return s.QueueOp(ctx, rec.ID, []byte("op")) }, client.DocSummary{Pending: 3, Cursor: 10, Changes: 5}},
		{"AppendOps", func() error { return s.AppendOps(ctx, rec.ID, [][]byte{[]byte("invite")}, 1) }, client.DocSummary{Pending: 2, Cursor: 10, Changes: 5}},
		{"Compact", func() error { return s.Compact(ctx, rec.ID, []byte("all"), 4) }, client.DocSummary{Pending: 2, Cursor: 10, Changes: 1}},
	}
	for _, st := range steps {
		must(t, st.call())
		st.want.ID, st.want.Title = rec.ID, rec.Title
		if got := list(t, s); len(got) != 1 || got[0] != st.want {
			t.Errorf("after %s: ListDocs = %+v, want [%+v]", st.name, got, st.want)
		}
	}
}

func testSetTitle(t *testing.T, s client.Store) {
	a, b := sampleRecord(e2ee.DocID{1}), sampleRecord(e2ee.DocID{2})
	a.Title, b.Title = "A", "B"
	mustCreate(t, s, a)
	mustCreate(t, s, b)
	must(t, s.SetTitle(t.Context(), a.ID, "C"))
	a.Title = "C"
	checkRecord(t, s, a)
	if got := list(t, s); len(got) != 2 || got[0].ID != b.ID || got[1].Title != "C" {
		t.Errorf("ListDocs after SetTitle = %+v, want B then C", got)
	}
}

func testDelete(t *testing.T, s client.Store) {
	ctx := t.Context()
	gone, kept := sampleRecord(docID("gone")), sampleRecord(docID("kept"))
	mustCreate(t, s, gone)
	mustCreate(t, s, kept)
	blob := []byte("attachment")
	must(t, s.PutBlob(ctx, gone.ID, hashOf(blob), bytes.NewReader(blob)))
	must(t, s.PutBlob(ctx, kept.ID, hashOf(blob), bytes.NewReader(blob)))
	must(t, s.CommitLocal(ctx, gone.ID, []byte("c"), entry(3, 1)))

	must(t, s.DeleteDoc(ctx, gone.ID))
	if _, err := s.LoadDoc(ctx, gone.ID); !errors.Is(err, client.ErrNotFound) {
		t.Errorf("LoadDoc(deleted) = %v, want ErrNotFound", err)
	}
	if _, err := s.Outbox(ctx, gone.ID); !errors.Is(err, client.ErrNotFound) {
		t.Errorf("Outbox(deleted) = %v, want ErrNotFound", err)
	}
	if _, _, err := s.OpenBlob(ctx, gone.ID, hashOf(blob)); !errors.Is(err, client.ErrNotFound) {
		t.Errorf("OpenBlob(deleted document) = %v, want ErrNotFound", err)
	}
	if got, want := blobs(t, s, e2ee.DocID{}), []client.BlobRecord{{Doc: kept.ID, ID: hashOf(blob), Size: int64(len(blob))}}; !reflect.DeepEqual(got, want) {
		t.Errorf("Blobs(all) after DeleteDoc = %+v, want only the kept document's %+v", got, want)
	}
	if got := list(t, s); len(got) != 1 || got[0].ID != kept.ID {
		t.Errorf("ListDocs after DeleteDoc = %+v, want only the kept document", got)
	}
	checkRecord(t, s, kept)
	if err := s.DeleteDoc(ctx, gone.ID); err != nil {
		t.Errorf("DeleteDoc twice = %v, want nil", err)
	}

	// The ID is free again, and nothing of the old document comes back with it.
	fresh := client.DocRecord{ID: gone.ID, Title: "fresh"}
	mustCreate(t, s, fresh)
	checkRecord(t, s, fresh)
	if l := blobs(t, s, gone.ID); len(l) != 0 {
		t.Errorf("Blobs of the re-created document = %+v, want none", l)
	}
	if out, err := s.Outbox(ctx, gone.ID); err != nil || len(out) != 0 {
		t.Errorf("Outbox of the re-created document = %d entries, %v; want none", len(out), err)
	}
}

// --- commits ---------------------------------------------------------------------------------

func testCommitLocal(t *testing.T, s client.Store) {
	ctx := t.Context()
	rec := sampleRecord(docID("a"))
	mustCreate(t, s, rec)
	// The epoch changes with this entry: Own takes the entry's epoch, and keeps its author.
	out := entry(3, 2)
	must(t, s.CommitLocal(ctx, rec.ID, []byte("change c"), out))
	rec.Changes = append(rec.Changes, []byte("change c"))
	rec.Outbox = append(rec.Outbox, out)
	rec.Own = ownAt(3, 2)
	checkRecord(t, s, rec)

	// A new document's chain starts at 1.
	fresh := client.DocRecord{ID: docID("fresh"), Own: e2ee.ChainHead{Author: self}}
	mustCreate(t, s, fresh)
	must(t, s.CommitLocal(ctx, fresh.ID, []byte("change 1"), entry(1, 1)))
	fresh.Changes, fresh.Outbox, fresh.Own = [][]byte{[]byte("change 1")}, entries(1, 1, 1), ownAt(1, 1)
	checkRecord(t, s, fresh)
}

// Receipts and snapshots are sealed in the device's chain but carry no change to apply: the
// engine commits them with a nil change, which must not join Changes.
func testCommitLocalNoChange(t *testing.T, s client.Store) {
	ctx := t.Context()
	rec := sampleRecord(docID("a")) // Own at 2
	mustCreate(t, s, rec)
	receipt := entry(3, 1)
	receipt.Change = nil
	snap := snapshotEntry(4, 1, 7)
	must(t, s.CommitLocal(ctx, rec.ID, nil, receipt))
	must(t, s.CommitLocal(ctx, rec.ID, nil, snap))
	rec.Outbox = append(rec.Outbox, receipt, snap)
	rec.Own = e2ee.ChainHead{Author: self, Seq: 4, Hash: snap.Hash, Epoch: 1}
	checkRecord(t, s, rec)
	if got := list(t, s); len(got) != 1 || got[0].Changes != 2 || got[0].Pending != 5 {
		t.Errorf("ListDocs = %+v, want 2 changes and 5 pending (4 envelopes, 1 operation)", got)
	}
	out, err := s.Outbox(ctx, rec.ID)
	if err != nil || len(out) != 4 || out[3].Covers != 7 || out[2].Covers != 0 {
		t.Fatalf("Outbox = %s, %v; want the snapshot covering 7 last", show(out), err)
	}
	// The engine tells such entries by their nil Change (it reseals only changes).
	for i, e := range append(out, load(t, s, rec.ID).Outbox...) {
		if i%4 >= 2 && e.Change != nil {
			t.Errorf("outbox entry %d comes back with Change %q, want nil", e.Seq, e.Change)
		}
	}
}

func testCommitLocalChain(t *testing.T, s client.Store) {
	rec := sampleRecord(docID("a")) // Own at 2
	mustCreate(t, s, rec)
	tests := []struct {
		name string
		seq  uint64
	}{
		{"seq of Own again", 2},
		{"seq before Own", 1},
		{"seq zero", 0},
		{"seq skipping one", 4},
		{"seq far ahead", 1 << 40},
	}
	for _, tt := range tests {
		unchanged(t, s, rec.ID, "CommitLocal with "+tt.name, func() error {
			return s.CommitLocal(t.Context(), rec.ID, []byte("change"), entry(tt.seq, 1))
		})
	}
}

func testCommitRemote(t *testing.T, s client.Store) {
	tests := []struct {
		name           string
		batch          client.RemoteBatch
		wantSnapshotAt protocol.Offset
		wantSince      int
	}{
		// The record stands at SnapshotAt 4, SinceSnapshot 3.
		{"no snapshot counts on", client.RemoteBatch{Changes: [][]byte{[]byte("r1"), []byte("r2")}, Cursor: 9, Heads: heads(7), Applied: 2}, 4, 5},
		{"older snapshot counts on", client.RemoteBatch{Changes: [][]byte{[]byte("r1")}, Cursor: 8, Heads: heads(6), Applied: 1, SnapshotAt: 3}, 4, 4},
		{"same snapshot counts on", client.RemoteBatch{Changes: [][]byte{[]byte("r1")}, Cursor: 8, Heads: heads(6), Applied: 1, SnapshotAt: 4}, 4, 4},
		{"newer snapshot restarts the count", client.RemoteBatch{Changes: [][]byte{[]byte("r1"), []byte("r2")}, Cursor: 12, Heads: heads(9), Applied: 3, SnapshotAt: 10}, 10, 3},
		{"entries without changes move the cursor", client.RemoteBatch{Cursor: 8, Heads: heads(5), Applied: 1}, 4, 4},
	}
	for i, tt := range tests {
		rec := sampleRecord(docID(fmt.Sprint(i)))
		mustCreate(t, s, rec)
		must(t, s.CommitRemote(t.Context(), rec.ID, tt.batch))
		rec.Changes = append(rec.Changes, tt.batch.Changes...)
		rec.Cursor, rec.Heads = tt.batch.Cursor, tt.batch.Heads
		rec.SnapshotAt, rec.SinceSnapshot = tt.wantSnapshotAt, tt.wantSince
		t.Run(tt.name, func(t *testing.T) { checkRecord(t, s, rec) })
	}
}

func testAcked(t *testing.T, s client.Store) {
	ctx := t.Context()
	rec := sampleRecord(docID("a"))
	rec.Outbox, rec.Own = entries(1, 5, 1), ownAt(5, 1)
	mustCreate(t, s, rec)
	steps := []struct {
		ack      uint64
		from, to uint64 // outbox left; from > to for none
	}{
		{0, 1, 5},
		{2, 3, 5},
		{2, 3, 5}, // again
		{1, 3, 5}, // an older acknowledgement
		{4, 5, 5},
		{9, 1, 0},
		{9, 1, 0},
	}
	for _, st := range steps {
		must(t, s.Acked(ctx, rec.ID, st.ack))
		rec.Outbox = entries(st.from, st.to, 1)
		checkRecord(t, s, rec) // Own stays
		got, err := s.Outbox(ctx, rec.ID)
		if err != nil || diffRecord(client.DocRecord{Outbox: got}, client.DocRecord{Outbox: rec.Outbox}) != "" {
			t.Errorf("after Acked(%d): Outbox = %s, %v; want %s", st.ack, show(got), err, show(rec.Outbox))
		}
	}

	all := sampleRecord(docID("all"))
	mustCreate(t, s, all)
	must(t, s.Acked(ctx, all.ID, math.MaxUint64))
	all.Outbox = nil
	checkRecord(t, s, all)
}

func testReplaceOutbox(t *testing.T, s client.Store) {
	ctx := t.Context()
	rec := sampleRecord(docID("a"))
	rec.Outbox, rec.Own = entries(1, 3, 1), ownAt(3, 1)
	mustCreate(t, s, rec)

	// Entries 2 and 3 re-sealed at epoch 2 (1 was acknowledged meanwhile).
	must(t, s.ReplaceOutbox(ctx, rec.ID, entries(2, 3, 2), ownAt(3, 2)))
	rec.Outbox, rec.Own = entries(2, 3, 2), ownAt(3, 2)
	checkRecord(t, s, rec)
	// And again, with a snapshot among them.
	resealed := []client.OutboxEntry{entry(2, 2), snapshotEntry(3, 2, 6)}
	must(t, s.ReplaceOutbox(ctx, rec.ID, resealed, rec.Own))
	rec.Outbox = resealed
	checkRecord(t, s, rec)
	must(t, s.ReplaceOutbox(ctx, rec.ID, entries(2, 3, 2), ownAt(3, 2)))
	rec.Outbox = entries(2, 3, 2)
	// The chain goes on from the new Own.
	must(t, s.CommitLocal(ctx, rec.ID, []byte("change 4"), entry(4, 2)))
	rec.Changes = append(rec.Changes, []byte("change 4"))
	rec.Outbox, rec.Own = append(rec.Outbox, entry(4, 2)), ownAt(4, 2)
	checkRecord(t, s, rec)

	// The suite's reading: entries must be in strictly increasing sequence order.
	for _, bad := range []struct {
		name    string
		entries []client.OutboxEntry
	}{
		{"entries out of order", []client.OutboxEntry{entry(3, 3), entry(2, 3)}},
		{"repeated entries", []client.OutboxEntry{entry(2, 3), entry(2, 3)}},
	} {
		unchanged(t, s, rec.ID, "ReplaceOutbox with "+bad.name, func() error {
			return s.ReplaceOutbox(ctx, rec.ID, bad.entries, ownAt(3, 3))
		})
	}

	must(t, s.ReplaceOutbox(ctx, rec.ID, nil, ownAt(4, 3)))
	rec.Outbox, rec.Own = nil, ownAt(4, 3)
	checkRecord(t, s, rec)
}

func testAppendOps(t *testing.T, s client.Store) {
	ctx := t.Context()
	rec := sampleRecord(docID("a"))
	rec.PendingOps = [][]byte{[]byte("p1"), []byte("p2"), []byte("p3")}
	mustCreate(t, s, rec)
	steps := []struct {
		ops         []string
		pendingDone int
		wantLog     []string
		wantPending []string
	}{
		{[]string{"p1"}, 1, []string{"genesis", "add counsellor", "p1"}, []string{"p2", "p3"}},
		{[]string{"x", "y"}, 0, []string{"genesis", "add counsellor", "p1", "x", "y"}, []string{"p2", "p3"}},
		{nil, 0, []string{"genesis", "add counsellor", "p1", "x", "y"}, []string{"p2", "p3"}},
		{[]string{"p2", "p3"}, 2, []string{"genesis", "add counsellor", "p1", "x", "y", "p2", "p3"}, nil},
	}
	for _, st := range steps {
		must(t, s.AppendOps(ctx, rec.ID, byteSlices(st.ops), st.pendingDone))
		rec.Log, rec.PendingOps = byteSlices(st.wantLog), byteSlices(st.wantPending)
		checkRecord(t, s, rec)
	}
	must(t, s.QueueOp(ctx, rec.ID, []byte("p4")))
	unchanged(t, s, rec.ID, "AppendOps with pendingDone beyond PendingOps", func() error {
		return s.AppendOps(ctx, rec.ID, [][]byte{[]byte("p4")}, 2)
	})
	unchanged(t, s, rec.ID, "AppendOps with negative pendingDone", func() error {
		return s.AppendOps(ctx, rec.ID, [][]byte{[]byte("z")}, -1)
	})
}

func byteSlices(ss []string) [][]byte {
	var out [][]byte
	for _, s := range ss {
		out = append(out, []byte(s))
	}
	return out
}

func testQueueOp(t *testing.T, s client.Store) {
	// A document created offline has its genesis pending; later operations queue behind it.
	rec := client.DocRecord{ID: docID("offline"), PendingOps: [][]byte{[]byte("genesis")}}
	mustCreate(t, s, rec)
	for _, op := range []string{"add", "invite"} {
		must(t, s.QueueOp(t.Context(), rec.ID, []byte(op)))
	}
	rec.PendingOps = byteSlices([]string{"genesis", "add", "invite"})
	checkRecord(t, s, rec)
	if got := list(t, s); len(got) != 1 || got[0].Pending != 3 {
		t.Errorf("ListDocs = %+v, want 3 pending", got)
	}
}

func testCompact(t *testing.T, s client.Store) {
	ctx := t.Context()
	rec := sampleRecord(docID("a")) // changes a, b
	mustCreate(t, s, rec)
	read := load(t, s, rec.ID) // the caller reads, saves the document ...
	// ... while changes arrive.
	must(t, s.CommitRemote(ctx, rec.ID, client.RemoteBatch{Changes: [][]byte{[]byte("remote c")}, Cursor: 8, Heads: heads(6), Applied: 1}))
	must(t, s.CommitLocal(ctx, rec.ID, []byte("local d"), entry(3, 1)))
	must(t, s.Compact(ctx, rec.ID, []byte("content with a, b"), len(read.Changes)))
	rec = load(t, s, rec.ID)
	if d := diffRecord(client.DocRecord{Content: rec.Content, Changes: rec.Changes},
		client.DocRecord{Content: []byte("content with a, b"), Changes: byteSlices([]string{"remote c", "local d"})}); d != "" {
		t.Errorf("after Compact: %s", d)
	}

	must(t, s.Compact(ctx, rec.ID, []byte("content v3"), 0))
	rec.Content = []byte("content v3")
	checkRecord(t, s, rec)
	unchanged(t, s, rec.ID, "Compact beyond the changes", func() error { return s.Compact(ctx, rec.ID, []byte("x"), 3) })
	unchanged(t, s, rec.ID, "Compact of a negative count", func() error { return s.Compact(ctx, rec.ID, []byte("x"), -1) })
	must(t, s.Compact(ctx, rec.ID, []byte("content v4"), 2))
	rec.Content, rec.Changes = []byte("content v4"), nil
	checkRecord(t, s, rec)
}

func testSnapshotTaken(t *testing.T, s client.Store) {
	tests := []struct {
		name           string
		covers         protocol.Offset
		wantSnapshotAt protocol.Offset
		wantSince      int
	}{
		// The record stands at SnapshotAt 4, SinceSnapshot 3.
		{"newer snapshot", 9, 9, 0},
		{"same snapshot resets the count", 4, 4, 0}, // 4 is not newer than 4
		{"older snapshot changes nothing", 2, 4, 3},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec := sampleRecord(docID(tt.name))
			mustCreate(t, s, rec)
			must(t, s.SnapshotTaken(t.Context(), rec.ID, tt.covers))
			rec.SnapshotAt, rec.SinceSnapshot = tt.wantSnapshotAt, tt.wantSince
			checkRecord(t, s, rec)
		})
	}
}

// --- blobs -----------------------------------------------------------------------------------

func testBlobRoundTrip(t *testing.T, s client.Store) {
	ctx := t.Context()
	rec := sampleRecord(docID("a"))
	mustCreate(t, s, rec)
	tests := []struct {
		name string
		data []byte
	}{
		{"empty", []byte{}},
		{"small", []byte("ciphertext of a passport scan")},
		{"just over a MiB", pattern(1<<20 + 3)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			id := hashOf(tt.data)
			must(t, s.PutBlob(ctx, rec.ID, id, bytes.NewReader(tt.data)))
			if got := readBlob(t, s, rec.ID, id); !bytes.Equal(got, tt.data) {
				t.Errorf("blob read back: %d bytes, differing from the %d stored", len(got), len(tt.data))
			}
			r, _, err := s.OpenBlob(ctx, rec.ID, id)
			if err != nil {
				t.Fatal(err)
			}
			defer r.Close()
			for _, at := range []int64{int64(len(tt.data)) / 2, 0, int64(len(tt.data))} {
				if pos, err := r.Seek(at, io.SeekStart); err != nil || pos != at {
					t.Fatalf("Seek(%d) = %d, %v", at, pos, err)
				}
				got, err := io.ReadAll(r)
				if err != nil || !bytes.Equal(got, tt.data[at:]) {
					t.Errorf("read after Seek(%d): %d bytes, %v; want the %d bytes from there", at, len(got), err, len(tt.data[at:]))
				}
			}
			if len(tt.data) > 0 {
				if pos, err := r.Seek(-1, io.SeekEnd); err != nil || pos != int64(len(tt.data))-1 {
					t.Errorf("Seek(-1, SeekEnd) = %d, %v; want %d", pos, err, len(tt.data)-1)
				}
			}
		})
	}

	// Storing again is no error, and keeps the upload mark. The reader is still read to its
	// end, as the contract says: a goroutine feeding it through a pipe would block otherwise.
	data := []byte("ciphertext of a passport scan")
	must(t, s.BlobUploaded(ctx, rec.ID, hashOf(data)))
	pr, pw := io.Pipe()
	wrote := make(chan error, 1)
	go func() {
		_, err := pw.Write(data)
		pw.Close()
		wrote <- err
	}()
	must(t, s.PutBlob(ctx, rec.ID, hashOf(data), pr))
	pr.Close() // a write not read by now fails
	if err := <-wrote; err != nil {
		t.Errorf("PutBlob of a stored blob returned without reading its reader to the end: the writer got %v", err)
	}
	must(t, s.BlobUploaded(ctx, rec.ID, hashOf(data))) // twice
	for _, b := range blobs(t, s, rec.ID) {
		if b.ID == hashOf(data) && !b.Uploaded {
			t.Errorf("blob stored again lost its upload mark: %+v", b)
		}
	}
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			if err := s.PutBlob(ctx, rec.ID, hashOf([]byte("race")), bytes.NewReader([]byte("race"))); err != nil {
				t.Errorf("concurrent PutBlob of one blob = %v", err)
			}
		})
	}
	wg.Wait()
	if got := readBlob(t, s, rec.ID, hashOf([]byte("race"))); string(got) != "race" {
		t.Errorf("blob stored concurrently = %q, want %q", got, "race")
	}
}

// chunkedReader yields data in reads of at most step bytes, as a decrypting or network reader
// would; it never returns data and EOF together.
type chunkedReader struct {
	data []byte
	step int
}

func (r *chunkedReader) Read(p []byte) (int, error) {
	if len(r.data) == 0 {
		return 0, io.EOF
	}
	n := copy(p[:min(len(p), r.step)], r.data)
	r.data = r.data[n:]
	return n, nil
}

func testBlobLarge(t *testing.T, s client.Store) {
	ctx := t.Context()
	rec := sampleRecord(docID("a"))
	mustCreate(t, s, rec)
	data := pattern(5<<20 + 123)
	id := hashOf(data)
	must(t, s.PutBlob(ctx, rec.ID, id, &chunkedReader{data: data, step: 48 << 10}))

	r, size, err := s.OpenBlob(ctx, rec.ID, id)
	if err != nil {
		t.Fatalf("OpenBlob = %v", err)
	}
	defer r.Close()
	if size != int64(len(data)) {
		t.Errorf("OpenBlob size = %d, want %d", size, len(data))
	}
	h := sha256.New()
	if n, err := io.CopyBuffer(h, r, make([]byte, 100_000)); err != nil || n != int64(len(data)) || e2ee.Hash(h.Sum(nil)) != id {
		t.Errorf("streamed %d bytes, %v; want %d bytes hashing to the ID", n, err, len(data))
	}
	// Reads across a MiB boundary and near the end, in any order.
	for _, at := range []int64{1<<20 - 10, 4<<20 + 5, 10, int64(len(data)) - 20} {
		if _, err := r.Seek(at, io.SeekStart); err != nil {
			t.Fatal(err)
		}
		buf := make([]byte, 20)
		if _, err := io.ReadFull(r, buf); err != nil || !bytes.Equal(buf, data[at:at+20]) {
			t.Errorf("20 bytes at %d = %x, %v; want %x", at, buf, err, data[at:at+20])
		}
	}
	if got := blobs(t, s, rec.ID); len(got) != 1 || got[0].Size != int64(len(data)) {
		t.Errorf("Blobs = %+v, want one of %d bytes", got, len(data))
	}
}

func testBlobList(t *testing.T, s client.Store) {
	ctx := t.Context()
	a, b := sampleRecord(e2ee.DocID{1}), sampleRecord(e2ee.DocID{2})
	mustCreate(t, s, b)
	mustCreate(t, s, a)
	put := func(doc e2ee.DocID, data string) e2ee.Hash {
		must(t, s.PutBlob(ctx, doc, hashOf([]byte(data)), bytes.NewReader([]byte(data))))
		return hashOf([]byte(data))
	}
	hb1, ha1, ha2 := put(b.ID, "b one"), put(a.ID, "a one"), put(a.ID, "a two!")
	must(t, s.BlobUploaded(ctx, a.ID, ha2))
	ra := []client.BlobRecord{
		{Doc: a.ID, ID: ha1, Size: 5},
		{Doc: a.ID, ID: ha2, Size: 6, Uploaded: true},
	}
	if bytes.Compare(ha1[:], ha2[:]) > 0 {
		ra[0], ra[1] = ra[1], ra[0]
	}
	if got := blobs(t, s, a.ID); !reflect.DeepEqual(got, ra) {
		t.Errorf("Blobs(a) = %+v, want %+v", got, ra)
	}
	all := append(ra, client.BlobRecord{Doc: b.ID, ID: hb1, Size: 5})
	if got := blobs(t, s, e2ee.DocID{}); !reflect.DeepEqual(got, all) {
		t.Errorf("Blobs(all) = %+v, want %+v (by document, then ID)", got, all)
	}
	// A blob belongs to its document: the same ID under another document is another blob.
	if _, _, err := s.OpenBlob(ctx, b.ID, ha1); !errors.Is(err, client.ErrNotFound) {
		t.Errorf("OpenBlob of a's blob under b = %v, want ErrNotFound", err)
	}
}

// errReader returns its data, then err.
type errReader struct {
	data []byte
	err  error
}

func (r *errReader) Read(p []byte) (int, error) {
	if len(r.data) == 0 {
		return 0, r.err
	}
	n := copy(p, r.data)
	r.data = r.data[n:]
	return n, nil
}

func testBlobFailingReader(t *testing.T, s client.Store) {
	ctx := t.Context()
	rec := sampleRecord(docID("a"))
	mustCreate(t, s, rec)
	errBroken := errors.New("disk read error")
	for _, n := range []int{0, 1000, 3<<20 + 1} {
		data := pattern(n)
		err := s.PutBlob(ctx, rec.ID, hashOf(data), &errReader{data: data, err: errBroken})
		if !errors.Is(err, errBroken) {
			t.Errorf("PutBlob from a reader failing after %d bytes = %v, want its error", n, err)
		}
		if _, _, err := s.OpenBlob(ctx, rec.ID, hashOf(data)); !errors.Is(err, client.ErrNotFound) {
			t.Errorf("OpenBlob after the failed PutBlob = %v, want ErrNotFound", err)
		}
	}
	if l := blobs(t, s, rec.ID); len(l) != 0 {
		t.Errorf("Blobs after failed PutBlobs = %+v, want none", l)
	}
}

// cancellingReader cancels its context after its first read, and goes on yielding data.
type cancellingReader struct {
	cancel context.CancelFunc
	left   int
	reads  int
}

func (r *cancellingReader) Read(p []byte) (int, error) {
	if r.left == 0 {
		return 0, io.EOF
	}
	if r.reads++; r.reads == 2 {
		r.cancel()
	}
	n := min(len(p), r.left, 64<<10)
	clear(p[:n])
	r.left -= n
	return n, nil
}

func testBlobCancelledMidway(t *testing.T, s client.Store) {
	rec := sampleRecord(docID("a"))
	mustCreate(t, s, rec)
	ctx, cancel := context.WithCancel(t.Context())
	defer cancel()
	var id e2ee.Hash
	id[0] = 1
	if err := s.PutBlob(ctx, rec.ID, id, &cancellingReader{cancel: cancel, left: 4 << 20}); !errors.Is(err, context.Canceled) {
		t.Errorf("PutBlob cancelled while reading = %v, want context.Canceled", err)
	}
	if l := blobs(t, s, rec.ID); len(l) != 0 {
		t.Errorf("Blobs after the cancelled PutBlob = %+v, want none", l)
	}
}

// --- aliasing, cancellation, concurrency ------------------------------------------------------

func testNoAliasingIn(t *testing.T, s client.Store) {
	ctx := t.Context()
	rec := sampleRecord(docID("a"))
	in := cloneRecord(rec)
	must(t, s.CreateDoc(ctx, in))
	scribble(&in)
	checkRecord(t, s, rec)

	change, out := []byte("change c"), entry(3, 1)
	must(t, s.CommitLocal(ctx, rec.ID, change, out))
	rec.Changes, rec.Outbox, rec.Own = append(rec.Changes, []byte("change c")), append(rec.Outbox, entry(3, 1)), ownAt(3, 1)
	scribbleByte(change)
	scribbleOutbox([]client.OutboxEntry{out})
	checkRecord(t, s, rec)

	batch := client.RemoteBatch{Changes: [][]byte{[]byte("remote")}, Cursor: 9, Heads: heads(8), Applied: 1}
	must(t, s.CommitRemote(ctx, rec.ID, batch))
	rec.Changes, rec.Cursor, rec.Heads, rec.SinceSnapshot = append(rec.Changes, []byte("remote")), 9, heads(8), 4
	scribbleBytes(batch.Changes)
	batch.Heads[0].Seq = 999
	checkRecord(t, s, rec)

	ops, op, content, repl := [][]byte{[]byte("op 1")}, []byte("op 2"), []byte("content v2"), entries(2, 3, 2)
	must(t, s.AppendOps(ctx, rec.ID, ops, 0))
	must(t, s.QueueOp(ctx, rec.ID, op))
	must(t, s.Compact(ctx, rec.ID, content, 1))
	must(t, s.ReplaceOutbox(ctx, rec.ID, repl, ownAt(3, 2)))
	rec.Log, rec.PendingOps = append(rec.Log, []byte("op 1")), append(rec.PendingOps, []byte("op 2"))
	rec.Content, rec.Changes, rec.Outbox, rec.Own = []byte("content v2"), rec.Changes[1:], entries(2, 3, 2), ownAt(3, 2)
	scribbleBytes(ops)
	scribbleByte(op)
	scribbleByte(content)
	scribbleOutbox(repl)
	checkRecord(t, s, rec)
}

func testNoAliasingOut(t *testing.T, s client.Store) {
	ctx := t.Context()
	rec := sampleRecord(docID("a"))
	mustCreate(t, s, rec)
	got := load(t, s, rec.ID)
	scribble(&got)
	checkRecord(t, s, rec)

	out, err := s.Outbox(ctx, rec.ID)
	must(t, err)
	scribbleOutbox(out)
	checkRecord(t, s, rec)

	data := []byte("blob bytes")
	must(t, s.PutBlob(ctx, rec.ID, hashOf(data), bytes.NewReader(data)))
	r, _, err := s.OpenBlob(ctx, rec.ID, hashOf(data))
	must(t, err)
	buf := make([]byte, 4)
	if _, err := io.ReadFull(r, buf); err != nil {
		t.Fatal(err)
	}
	scribbleByte(buf)
	r.Close()
	if got := readBlob(t, s, rec.ID, hashOf(data)); !bytes.Equal(got, data) {
		t.Errorf("blob after scribbling over a read = %q, want %q", got, data)
	}
}

func testCancelled(t *testing.T, s client.Store) {
	rec := sampleRecord(docID("a"))
	mustCreate(t, s, rec)
	data := []byte("blob")
	must(t, s.PutBlob(t.Context(), rec.ID, hashOf(data), bytes.NewReader(data)))
	wantList, wantBlobs := list(t, s), blobs(t, s, e2ee.DocID{})

	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	other := []byte("other blob")
	calls := []struct {
		name string
		call func() error
	}{
		{"CreateDoc", func() error { return s.CreateDoc(ctx, client.DocRecord{ID: docID("new")}) }},
		{"LoadDoc", func() error { _, err := s.LoadDoc(ctx, rec.ID); return err }},
		{"ListDocs", func() error { _, err := s.ListDocs(ctx); return err }},
		{"DeleteDoc", func() error { return s.DeleteDoc(ctx, rec.ID) }},
		{"SetTitle", func() error { return s.SetTitle(ctx, rec.ID, "t") }},
		{"CommitLocal", func() error { return s.CommitLocal(ctx, rec.ID, []byte("c"), entry(3, 1)) }},
		{"CommitRemote", func() error {
			return s.CommitRemote(ctx, rec.ID, client.RemoteBatch{Changes: [][]byte{[]byte("r")}, Cursor: 9, Applied: 1})
		}},
		{"Outbox", func() error { _, err := s.Outbox(ctx, rec.ID); return err }},
		{"Acked", func() error { return s.Acked(ctx, rec.ID, 2) }},
		{"ReplaceOutbox", func() error { return s.ReplaceOutbox(ctx, rec.ID, nil, ownAt(2, 2)) }},
		{"AppendOps", func() error { return s.AppendOps(ctx, rec.ID, [][]byte{[]byte("op")}, 1) }},
		{"QueueOp", func() error { return s.QueueOp(ctx, rec.ID, []byte("op")) }},
		{"Compact", func() error { return s.Compact(ctx, rec.ID, []byte("content"), 2) }},
		{"SnapshotTaken", func() error { return s.SnapshotTaken(ctx, rec.ID, 9) }},
		{"PutBlob", func() error { return s.PutBlob(ctx, rec.ID, hashOf(other), bytes.NewReader(other)) }},
		{"OpenBlob", func() error { _, _, err := s.OpenBlob(ctx, rec.ID, hashOf(data)); return err }},
		{"Blobs", func() error { _, err := s.Blobs(ctx, rec.ID); return err }},
		{"BlobUploaded", func() error { return s.BlobUploaded(ctx, rec.ID, hashOf(data)) }},
	}
	for _, c := range calls {
		if err := c.call(); !errors.Is(err, context.Canceled) {
			t.Errorf("%s with a cancelled context = %v, want context.Canceled", c.name, err)
		}
	}
	checkRecord(t, s, rec)
	if got := list(t, s); !reflect.DeepEqual(got, wantList) {
		t.Errorf("ListDocs = %+v, want %+v", got, wantList)
	}
	if got := blobs(t, s, e2ee.DocID{}); !reflect.DeepEqual(got, wantBlobs) {
		t.Errorf("Blobs = %+v, want %+v", got, wantBlobs)
	}
}

// Writers on their own documents, readers listing and loading: every write lands, and
// readers never see an error or a torn record (Changes and Outbox of one commit together).
func testConcurrent(t *testing.T, s client.Store) {
	ctx := t.Context()
	const docs, commits = 4, 8
	for d := range docs {
		mustCreate(t, s, client.DocRecord{ID: docID(fmt.Sprint(d)), Title: fmt.Sprint(d), Own: e2ee.ChainHead{Author: self}})
	}
	done := make(chan struct{})
	var readers sync.WaitGroup
	for range 2 {
		readers.Go(func() {
			for {
				select {
				case <-done:
					return
				default:
				}
				l, err := s.ListDocs(ctx)
				if err != nil || len(l) != docs {
					t.Errorf("concurrent ListDocs = %d documents, %v; want %d", len(l), err, docs)
					return
				}
				for _, sum := range l {
					rec, err := s.LoadDoc(ctx, sum.ID)
					if err != nil {
						t.Errorf("concurrent LoadDoc = %v", err)
						return
					}
					// Every commit adds one change and one outbox entry together; remote
					// batches add changes only, and come after the local ones here.
					if len(rec.Outbox) != int(rec.Own.Seq) || len(rec.Changes) < len(rec.Outbox) {
						t.Errorf("torn record: %d changes, %d outbox entries, Own at %d", len(rec.Changes), len(rec.Outbox), rec.Own.Seq)
						return
					}
				}
			}
		})
	}
	var writers sync.WaitGroup
	for d := range docs {
		writers.Go(func() {
			id := docID(fmt.Sprint(d))
			for seq := uint64(1); seq <= commits; seq++ {
				if err := s.CommitLocal(ctx, id, fmt.Appendf(nil, "change %d", seq), entry(seq, 1)); err != nil {
					t.Errorf("concurrent CommitLocal = %v", err)
					return
				}
			}
			for i := range commits {
				b := client.RemoteBatch{Changes: [][]byte{fmt.Appendf(nil, "remote %d", i)}, Cursor: protocol.Offset(i + 1), Applied: 1}
				if err := s.CommitRemote(ctx, id, b); err != nil {
					t.Errorf("concurrent CommitRemote = %v", err)
					return
				}
			}
			data := fmt.Appendf(nil, "blob of %d", d)
			if err := s.PutBlob(ctx, id, hashOf(data), bytes.NewReader(data)); err != nil {
				t.Errorf("concurrent PutBlob = %v", err)
			}
		})
	}
	writers.Wait()
	close(done)
	readers.Wait()
	for d := range docs {
		rec := load(t, s, docID(fmt.Sprint(d)))
		if len(rec.Changes) != 2*commits || len(rec.Outbox) != commits || rec.Own.Seq != commits || rec.Cursor != commits || rec.SinceSnapshot != commits {
			t.Errorf("document %d: %d changes, %d outbox, Own %d, Cursor %d, SinceSnapshot %d; want %d, %d, %d, %d, %d",
				d, len(rec.Changes), len(rec.Outbox), rec.Own.Seq, rec.Cursor, rec.SinceSnapshot, 2*commits, commits, commits, commits, commits)
		}
	}
	if l := blobs(t, s, e2ee.DocID{}); len(l) != docs {
		t.Errorf("Blobs after concurrent PutBlob = %d, want %d", len(l), docs)
	}
}

// Goroutines race to commit the next entry of one chain, each reading Own first: exactly one
// wins each sequence number, and the winner's change and envelope are stored together.
func testConcurrentChain(t *testing.T, s client.Store) {
	ctx := t.Context()
	id := docID("chain")
	mustCreate(t, s, client.DocRecord{ID: id, Own: e2ee.ChainHead{Author: self}})
	const goroutines, each = 4, 6
	var wg sync.WaitGroup
	for g := range goroutines {
		wg.Go(func() {
			won := 0
			for attempt := 0; won < each; attempt++ {
				if attempt > 1000 {
					t.Errorf("goroutine %d: committed %d of %d in 1000 attempts", g, won, each)
					return
				}
				rec, err := s.LoadDoc(ctx, id)
				if err != nil {
					t.Errorf("LoadDoc = %v", err)
					return
				}
				seq := rec.Own.Seq + 1
				out := entry(seq, 1)
				out.Change = fmt.Appendf(nil, "g%d seq %d", g, seq)
				if s.CommitLocal(ctx, id, out.Change, out) == nil {
					won++
				}
			}
		})
	}
	wg.Wait()
	rec := load(t, s, id)
	if rec.Own.Seq != goroutines*each || len(rec.Outbox) != goroutines*each || len(rec.Changes) != goroutines*each {
		t.Fatalf("Own at %d, %d outbox entries, %d changes; want %d of each", rec.Own.Seq, len(rec.Outbox), len(rec.Changes), goroutines*each)
	}
	for i, e := range rec.Outbox {
		if e.Seq != uint64(i+1) || !bytes.Equal(e.Change, rec.Changes[i]) || e.Hash != entry(e.Seq, 1).Hash {
			t.Errorf("outbox entry %d = seq %d change %q, change %d = %q: not one chain", i, e.Seq, e.Change, i, rec.Changes[i])
		}
	}
}
