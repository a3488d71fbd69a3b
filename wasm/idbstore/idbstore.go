//go:build js

// Package idbstore is the browser's [client.Store]: documents, their membership logs, outboxes,
// reading cursors and encrypted attachments in IndexedDB, and the sealed identity beside them.
// It builds only for js/wasm.
//
// Every method is one IndexedDB transaction, and a method that changes something returns once
// its transaction's complete event fired, asked for with strict durability, so that what it
// stored survives a crash of the tab or the browser. The one exception is [Store.PutBlob],
// which writes a large attachment in several transactions and makes it visible in a last one
// (see there).
//
// # Layout
//
// One database (version 1) with these object stores, keyed by the document ID in lower-case
// hex (hex sorts like the ID's bytes) and out-of-line keys:
//
//   - docs: doc → the record's small fields as JSON (title, cursor, heads, own chain head,
//     snapshot counters, and the counters that locate the rows below);
//   - content: doc → the document as of the last compaction (absent when there is none);
//   - changes: [doc, n] → change n, numbered from the record's first change on;
//   - ops: [doc, 0, n] → membership log operation n; [doc, 1, n] → pending operation n;
//   - outbox: [doc, seq as 16 hex digits] → {meta: JSON, envelope, change};
//   - blobs: [doc, blob] → attachment metadata as JSON (size, upload mark, chunk set);
//   - chunks: [doc, blob, set, i] → chunk i of an attachment's ciphertext;
//   - keys: name → secret material sealed by its owner, such as the sealed identity.
package idbstore

import (
	"context"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"sync"
	"syscall/js"

	"github.com/mobio-sync/mobio/client"
	"github.com/mobio-sync/mobio/e2ee"
	"github.com/mobio-sync/mobio/protocol"
)

// ErrClosed: the store is closed.
var ErrClosed = errors.New("idbstore: store closed")

// version is the database's schema version: it only goes up, and each step has an upgrade in
// [upgrade].
const version = 1

// Object store names.
const (
	stDocs    = "docs"
	stContent = "content"
	stChanges = "changes"
	stOps     = "ops"
	stOutbox  = "outbox"
	stBlobs   = "blobs"
	stChunks  = "chunks"
	stKeys    = "keys"
)

// allStores is every object store, for transactions that touch a whole document.
var allStores = []string{stDocs, stContent, stChanges, stOps, stOutbox, stBlobs, stChunks}

// Store is a [client.Store] in one IndexedDB database. It is safe for concurrent use.
type Store struct {
	name string
	db   js.Value

	mu     sync.Mutex // guards closed
	closed bool
}

var _ client.Store = (*Store)(nil)

// Open opens (creating or upgrading it when needed) the IndexedDB database name, such as
// "mobio".
func Open(ctx context.Context, name string) (*Store, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	idb := js.Global().Get("indexedDB")
	if idb.IsUndefined() || idb.IsNull() {
		return nil, errors.New("idbstore: this environment has no IndexedDB")
	}
	var req js.Value
	if err := try(func() { req = idb.Call("open", name, version) }); err != nil {
		return nil, fmt.Errorf("open database %q: %w", name, err)
	}
	upgradeErr := make(chan error, 1)
	onUpgrade := js.FuncOf(func(this js.Value, args []js.Value) any {
		old := args[0].Get("oldVersion").Int()
		upgradeErr <- try(func() { upgrade(req.Get("result"), old) })
		return nil
	})
	defer onUpgrade.Release()
	req.Set("onupgradeneeded", onUpgrade)
	type result struct {
		db  js.Value
		err error
	}
	done := make(chan result, 1)
	go func() {
		db, err := await(req)
		done <- result{db, err}
	}()
	select {
	case r := <-done:
		if r.err == nil {
			select {
			case err := <-upgradeErr:
				if err != nil {
					r.db.Call("close")
					r.err = err
				}
			default:
			}
		}
		if r.err != nil {
			return nil, fmt.Errorf("open database %q: %w", name, r.err)
		}
		s := &Store{name: name, db: r.db}
		// Another tab upgrading the database asks this one to let go.
		s.db.Set("onversionchange", js.FuncOf(func(js.Value, []js.Value) any {
			s.Close()
			return nil
		}))
		s.collectGarbage(ctx)
		return s, nil
	case <-ctx.Done():
		// The open goes on (it cannot be cancelled); close the database when it arrives.
		go func() {
			if r := <-done; r.err == nil {
				r.db.Call("close")
			}
		}()
		return nil, ctx.Err()
	}
}

// upgrade creates the object stores of every version after old. It runs inside the
// versionchange transaction.
func upgrade(db js.Value, old int) {
	if old < 1 {
		for _, s := range append(slices.Clone(allStores), stKeys) {
			db.Call("createObjectStore", s)
		}
	}
}

// Delete deletes the database name with everything in it. Open stores of it are closed first
// by their version-change handler.
func Delete(ctx context.Context, name string) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	var req js.Value
	if err := try(func() { req = js.Global().Get("indexedDB").Call("deleteDatabase", name) }); err != nil {
		return fmt.Errorf("delete database %q: %w", name, err)
	}
	if _, err := await(req); err != nil {
		return fmt.Errorf("delete database %q: %w", name, err)
	}
	return nil
}

// Close closes the database. Closing twice is not an error.
func (s *Store) Close() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if !s.closed {
		s.closed = true
		s.db.Call("close")
	}
	return nil
}

// begin starts a transaction after checking ctx and that the store is open.
func (s *Store) begin(ctx context.Context, mode string, stores ...string) (*tx, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	s.mu.Lock()
	closed := s.closed
	s.mu.Unlock()
	if closed {
		return nil, ErrClosed
	}
	return begin(s.db, mode, stores...)
}

// read runs fn in a read-only transaction over stores.
func (s *Store) read(ctx context.Context, stores []string, fn func(t *tx) error) error {
	t, err := s.begin(ctx, "readonly", stores...)
	if err != nil {
		return err
	}
	if err := fn(t); err != nil {
		t.rollback()
		return err
	}
	return t.commit()
}

// write runs fn in a read-write transaction over stores and returns once the transaction is
// durable. When fn fails, the transaction is aborted: nothing fn wrote happened.
func (s *Store) write(ctx context.Context, stores []string, fn func(t *tx) error) error {
	t, err := s.begin(ctx, "readwrite", stores...)
	if err != nil {
		return err
	}
	if err := fn(t); err != nil {
		t.rollback()
		return err
	}
	return t.commit()
}

// --- stored forms ------------------------------------------------------------------------------

// docKey is a document's key: its ID in lower-case hex.
func docKey(id e2ee.DocID) string { return hex.EncodeToString(id[:]) }

// seqKey is an outbox entry's key part: fixed-width hex, exact for every uint64 and sorting
// like the number.
func seqKey(seq uint64) string { return fmt.Sprintf("%016x", seq) }

// docMeta is the stored form of a record's small fields. Rows of the other stores are located
// by its counters: changes FirstChange ≤ n < NextChange; log 0 ≤ n < LogLen; pending
// operations FirstPending ≤ n < NextPending. Counters only grow, so a key is never reused
// while the document exists.
type docMeta struct {
	Title         string          `json:"title"`
	Cursor        protocol.Offset `json:"cursor"`
	Heads         []chainHead     `json:"heads,omitempty"`
	Own           chainHead       `json:"own"`
	SnapshotAt    protocol.Offset `json:"snapshot_at"`
	SinceSnapshot int             `json:"since_snapshot"`
	FirstChange   int64           `json:"first_change"`
	NextChange    int64           `json:"next_change"`
	LogLen        int64           `json:"log_len"`
	FirstPending  int64           `json:"first_pending"`
	NextPending   int64           `json:"next_pending"`
	Outbox        int             `json:"outbox"` // number of outbox entries
}

// chainHead is the stored form of an [e2ee.ChainHead].
type chainHead struct {
	Author string     `json:"author"`
	Seq    uint64     `json:"seq"`
	Hash   string     `json:"hash"`
	Epoch  e2ee.Epoch `json:"epoch"`
}

func headToStored(h e2ee.ChainHead) chainHead {
	return chainHead{Author: hex.EncodeToString(h.Author[:]), Seq: h.Seq, Hash: hex.EncodeToString(h.Hash[:]), Epoch: h.Epoch}
}

func headFromStored(c chainHead) (e2ee.ChainHead, error) {
	h := e2ee.ChainHead{Seq: c.Seq, Epoch: c.Epoch}
	if err := decodeHex(h.Author[:], c.Author); err != nil {
		return h, fmt.Errorf("chain head author: %w", err)
	}
	if err := decodeHex(h.Hash[:], c.Hash); err != nil {
		return h, fmt.Errorf("chain head hash: %w", err)
	}
	return h, nil
}

// decodeHex decodes s into dst, which it must fill exactly.
func decodeHex(dst []byte, s string) error {
	if n, err := hex.Decode(dst, []byte(s)); err != nil || n != len(dst) || len(s) != 2*len(dst) {
		return fmt.Errorf("stored value %q is not %d bytes of hex", s, len(dst))
	}
	return nil
}

func (m *docMeta) pending() int { return m.Outbox + int(m.NextPending-m.FirstPending) }

func (m *docMeta) summary(id e2ee.DocID) client.DocSummary {
	return client.DocSummary{ID: id, Title: m.Title, Pending: m.pending(), Cursor: m.Cursor, Changes: int(m.NextChange - m.FirstChange)}
}

// getMeta reads the document's meta in t, or fails with client.ErrNotFound.
func getMeta(t *tx, id e2ee.DocID) (*docMeta, error) {
	v, err := t.get(stDocs, docKey(id))
	if err != nil {
		return nil, err
	}
	if v.IsUndefined() {
		return nil, client.ErrNotFound
	}
	return parseMeta(v)
}

func parseMeta(v js.Value) (*docMeta, error) {
	if v.Type() != js.TypeString {
		return nil, errors.New("stored document record is not JSON text")
	}
	var m docMeta
	if err := json.Unmarshal([]byte(v.String()), &m); err != nil {
		return nil, fmt.Errorf("stored document record: %w", err)
	}
	return &m, nil
}

func putMeta(t *tx, id e2ee.DocID, m *docMeta) error {
	b, err := json.Marshal(m)
	if err != nil {
		return err
	}
	return t.put(stDocs, string(b), docKey(id))
}

// outboxMeta is the stored form of an outbox entry's small fields.
type outboxMeta struct {
	Seq    uint64          `json:"seq"`
	Hash   string          `json:"hash"`
	Epoch  e2ee.Epoch      `json:"epoch"`
	Covers protocol.Offset `json:"covers,omitempty"`
}

func putOutbox(t *tx, id e2ee.DocID, e client.OutboxEntry) error {
	b, err := json.Marshal(outboxMeta{Seq: e.Seq, Hash: hex.EncodeToString(e.Hash[:]), Epoch: e.Epoch, Covers: e.Covers})
	if err != nil {
		return err
	}
	v := map[string]any{"meta": string(b), "envelope": bytesToJS(e.Envelope), "change": nil}
	// An entry without a change (a snapshot's or a receipt's) stores null, so that it comes
	// back nil: the engine tells such entries by it.
	if e.Change != nil {
		v["change"] = bytesToJS(e.Change)
	}
	return t.put(stOutbox, v, []any{docKey(id), seqKey(e.Seq)})
}

func outboxFromJS(v js.Value) (client.OutboxEntry, error) {
	var m outboxMeta
	if err := json.Unmarshal([]byte(v.Get("meta").String()), &m); err != nil {
		return client.OutboxEntry{}, fmt.Errorf("stored outbox entry: %w", err)
	}
	e := client.OutboxEntry{Seq: m.Seq, Epoch: m.Epoch, Covers: m.Covers}
	if err := decodeHex(e.Hash[:], m.Hash); err != nil {
		return e, fmt.Errorf("stored outbox entry: %w", err)
	}
	var err error
	if e.Envelope, err = bytesFromJS(v.Get("envelope")); err != nil {
		return e, err
	}
	if e.Change, err = bytesFromJS(v.Get("change")); err != nil {
		return e, err
	}
	if e.Envelope == nil {
		e.Envelope = []byte{}
	}
	return e, nil
}

// checkOutbox checks that entries are in strictly increasing sequence order, which is the
// order Outbox returns them in.
func checkOutbox(entries []client.OutboxEntry) error {
	for i := 1; i < len(entries); i++ {
		if entries[i].Seq <= entries[i-1].Seq {
			return fmt.Errorf("outbox entry %d has seq %d after %d: want increasing", i, entries[i].Seq, entries[i-1].Seq)
		}
	}
	return nil
}

// Operation kinds in the ops store's keys.
const (
	opsLog     = 0
	opsPending = 1
)

func opKey(id e2ee.DocID, kind int, n int64) []any { return []any{docKey(id), kind, n} }

func changeKey(id e2ee.DocID, n int64) []any { return []any{docKey(id), n} }

// getAllBytes returns the byte values of store name in r, in key order.
func getAllBytes(t *tx, name string, r js.Value) ([][]byte, error) {
	v, err := t.call(name, "getAll", r)
	if err != nil {
		return nil, err
	}
	out := make([][]byte, v.Length())
	for i := range out {
		if out[i], err = bytesFromJS(v.Index(i)); err != nil {
			return nil, err
		}
		if out[i] == nil {
			out[i] = []byte{}
		}
	}
	return out, nil
}

// --- documents ---------------------------------------------------------------------------------

// CreateDoc implements [client.Store].
func (s *Store) CreateDoc(ctx context.Context, rec client.DocRecord) error {
	err := func() error {
		if rec.ID.IsZero() {
			return errors.New("zero document ID")
		}
		if err := checkOutbox(rec.Outbox); err != nil {
			return err
		}
		return s.write(ctx, allStores, func(t *tx) error {
			if _, err := getMeta(t, rec.ID); err == nil {
				return client.ErrExists
			} else if !errors.Is(err, client.ErrNotFound) {
				return err
			}
			m := &docMeta{
				Title:         rec.Title,
				Cursor:        rec.Cursor,
				Own:           headToStored(rec.Own),
				SnapshotAt:    rec.SnapshotAt,
				SinceSnapshot: rec.SinceSnapshot,
				NextChange:    int64(len(rec.Changes)),
				LogLen:        int64(len(rec.Log)),
				NextPending:   int64(len(rec.PendingOps)),
				Outbox:        len(rec.Outbox),
			}
			for _, h := range rec.Heads {
				m.Heads = append(m.Heads, headToStored(h))
			}
			if len(rec.Content) > 0 {
				if err := t.put(stContent, bytesToJS(rec.Content), docKey(rec.ID)); err != nil {
					return err
				}
			}
			for i, c := range rec.Changes {
				if err := t.put(stChanges, bytesToJS(c), changeKey(rec.ID, int64(i))); err != nil {
					return err
				}
			}
			for i, op := range rec.Log {
				if err := t.put(stOps, bytesToJS(op), opKey(rec.ID, opsLog, int64(i))); err != nil {
					return err
				}
			}
			for i, op := range rec.PendingOps {
				if err := t.put(stOps, bytesToJS(op), opKey(rec.ID, opsPending, int64(i))); err != nil {
					return err
				}
			}
			for _, e := range rec.Outbox {
				if err := putOutbox(t, rec.ID, e); err != nil {
					return err
				}
			}
			return putMeta(t, rec.ID, m)
		})
	}()
	if err != nil {
		return fmt.Errorf("create document %s: %w", rec.ID, err)
	}
	return nil
}

// LoadDoc implements [client.Store].
func (s *Store) LoadDoc(ctx context.Context, id e2ee.DocID) (client.DocRecord, error) {
	rec := client.DocRecord{ID: id}
	err := s.read(ctx, []string{stDocs, stContent, stChanges, stOps, stOutbox}, func(t *tx) error {
		m, err := getMeta(t, id)
		if err != nil {
			return err
		}
		rec.Title, rec.Cursor, rec.SnapshotAt, rec.SinceSnapshot = m.Title, m.Cursor, m.SnapshotAt, m.SinceSnapshot
		if rec.Own, err = headFromStored(m.Own); err != nil {
			return err
		}
		for _, h := range m.Heads {
			ch, err := headFromStored(h)
			if err != nil {
				return err
			}
			rec.Heads = append(rec.Heads, ch)
		}
		content, err := t.get(stContent, docKey(id))
		if err != nil {
			return err
		}
		if rec.Content, err = bytesFromJS(content); err != nil {
			return err
		}
		if rec.Changes, err = getAllBytes(t, stChanges, prefixRange(docKey(id))); err != nil {
			return err
		}
		if rec.Log, err = getAllBytes(t, stOps, prefixRange(docKey(id), opsLog)); err != nil {
			return err
		}
		if rec.PendingOps, err = getAllBytes(t, stOps, prefixRange(docKey(id), opsPending)); err != nil {
			return err
		}
		rec.Outbox, err = outbox(t, id)
		return err
	})
	if err != nil {
		return client.DocRecord{}, fmt.Errorf("load document %s: %w", id, err)
	}
	return rec, nil
}

// outbox reads the document's outbox in t, in sequence order.
func outbox(t *tx, id e2ee.DocID) ([]client.OutboxEntry, error) {
	v, err := t.call(stOutbox, "getAll", prefixRange(docKey(id)))
	if err != nil {
		return nil, err
	}
	var out []client.OutboxEntry
	for i := range v.Length() {
		e, err := outboxFromJS(v.Index(i))
		if err != nil {
			return nil, err
		}
		out = append(out, e)
	}
	return out, nil
}

// ListDocs implements [client.Store]. Titles compare byte by byte, then IDs.
func (s *Store) ListDocs(ctx context.Context) ([]client.DocSummary, error) {
	var out []client.DocSummary
	err := s.read(ctx, []string{stDocs}, func(t *tx) error {
		keys, err := t.call(stDocs, "getAllKeys")
		if err != nil {
			return err
		}
		vals, err := t.call(stDocs, "getAll")
		if err != nil {
			return err
		}
		for i := range keys.Length() {
			var id e2ee.DocID
			if err := decodeHex(id[:], keys.Index(i).String()); err != nil {
				return err
			}
			m, err := parseMeta(vals.Index(i))
			if err != nil {
				return err
			}
			out = append(out, m.summary(id))
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("list documents: %w", err)
	}
	// The keys come in ID order; a stable sort by title keeps it among equal titles.
	slices.SortStableFunc(out, func(a, b client.DocSummary) int {
		switch {
		case a.Title < b.Title:
			return -1
		case a.Title > b.Title:
			return 1
		}
		return 0
	})
	return out, nil
}

// DeleteDoc implements [client.Store].
func (s *Store) DeleteDoc(ctx context.Context, id e2ee.DocID) error {
	err := s.write(ctx, allStores, func(t *tx) error {
		k := docKey(id)
		for _, d := range []struct {
			store string
			key   any
		}{
			{stDocs, k}, {stContent, k},
			{stChanges, prefixRange(k)}, {stOps, prefixRange(k)}, {stOutbox, prefixRange(k)},
			{stBlobs, prefixRange(k)}, {stChunks, prefixRange(k)},
		} {
			if err := t.del(d.store, d.key); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("delete document %s: %w", id, err)
	}
	return nil
}

// update runs fn on the document's meta in a read-write transaction over stores (which must
// include docs) and stores the meta fn left.
func (s *Store) update(ctx context.Context, id e2ee.DocID, stores []string, fn func(t *tx, m *docMeta) error) error {
	return s.write(ctx, stores, func(t *tx) error {
		m, err := getMeta(t, id)
		if err != nil {
			return err
		}
		if err := fn(t, m); err != nil {
			return err
		}
		return putMeta(t, id, m)
	})
}

// SetTitle implements [client.Store].
func (s *Store) SetTitle(ctx context.Context, id e2ee.DocID, title string) error {
	err := s.update(ctx, id, []string{stDocs}, func(t *tx, m *docMeta) error {
		m.Title = title
		return nil
	})
	if err != nil {
		return fmt.Errorf("set title of %s: %w", id, err)
	}
	return nil
}

// CommitLocal implements [client.Store]. An empty change (a receipt's or a snapshot's) joins
// no Changes. Own keeps its author and takes the entry's sequence number, hash and epoch.
func (s *Store) CommitLocal(ctx context.Context, id e2ee.DocID, change []byte, out client.OutboxEntry) error {
	err := s.update(ctx, id, []string{stDocs, stChanges, stOutbox}, func(t *tx, m *docMeta) error {
		if out.Seq != m.Own.Seq+1 {
			return fmt.Errorf("outbox entry %d does not follow own entry %d", out.Seq, m.Own.Seq)
		}
		if len(change) > 0 {
			if err := t.put(stChanges, bytesToJS(change), changeKey(id, m.NextChange)); err != nil {
				return err
			}
			m.NextChange++
		}
		if err := putOutbox(t, id, out); err != nil {
			return err
		}
		m.Outbox++
		m.Own.Seq, m.Own.Hash, m.Own.Epoch = out.Seq, hex.EncodeToString(out.Hash[:]), out.Epoch
		return nil
	})
	if err != nil {
		return fmt.Errorf("commit local change to %s: %w", id, err)
	}
	return nil
}

// CommitRemote implements [client.Store].
func (s *Store) CommitRemote(ctx context.Context, id e2ee.DocID, b client.RemoteBatch) error {
	err := s.update(ctx, id, []string{stDocs, stChanges}, func(t *tx, m *docMeta) error {
		for _, c := range b.Changes {
			if err := t.put(stChanges, bytesToJS(c), changeKey(id, m.NextChange)); err != nil {
				return err
			}
			m.NextChange++
		}
		m.Cursor = b.Cursor
		m.Heads = nil
		for _, h := range b.Heads {
			m.Heads = append(m.Heads, headToStored(h))
		}
		if b.SnapshotAt > m.SnapshotAt {
			m.SnapshotAt, m.SinceSnapshot = b.SnapshotAt, b.Applied
		} else {
			m.SinceSnapshot += b.Applied
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("commit remote changes to %s: %w", id, err)
	}
	return nil
}

// Outbox implements [client.Store].
func (s *Store) Outbox(ctx context.Context, id e2ee.DocID) ([]client.OutboxEntry, error) {
	var out []client.OutboxEntry
	err := s.read(ctx, []string{stDocs, stOutbox}, func(t *tx) error {
		if _, err := getMeta(t, id); err != nil {
			return err
		}
		var err error
		out, err = outbox(t, id)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("read outbox of %s: %w", id, err)
	}
	return out, nil
}

// Acked implements [client.Store].
func (s *Store) Acked(ctx context.Context, id e2ee.DocID, seq uint64) error {
	err := s.update(ctx, id, []string{stDocs, stOutbox}, func(t *tx, m *docMeta) error {
		r := keyRange([]any{docKey(id)}, []any{docKey(id), seqKey(seq)})
		n, err := t.call(stOutbox, "count", r)
		if err != nil {
			return err
		}
		if err := t.del(stOutbox, r); err != nil {
			return err
		}
		m.Outbox -= n.Int()
		return nil
	})
	if err != nil {
		return fmt.Errorf("acknowledge outbox of %s up to %d: %w", id, seq, err)
	}
	return nil
}

// ReplaceOutbox implements [client.Store]. The entries must be in increasing sequence order.
func (s *Store) ReplaceOutbox(ctx context.Context, id e2ee.DocID, entries []client.OutboxEntry, own e2ee.ChainHead) error {
	err := func() error {
		if err := checkOutbox(entries); err != nil {
			return err
		}
		return s.update(ctx, id, []string{stDocs, stOutbox}, func(t *tx, m *docMeta) error {
			if err := t.del(stOutbox, prefixRange(docKey(id))); err != nil {
				return err
			}
			for _, e := range entries {
				if err := putOutbox(t, id, e); err != nil {
					return err
				}
			}
			m.Outbox, m.Own = len(entries), headToStored(own)
			return nil
		})
	}()
	if err != nil {
		return fmt.Errorf("replace outbox of %s: %w", id, err)
	}
	return nil
}

// AppendOps implements [client.Store].
func (s *Store) AppendOps(ctx context.Context, id e2ee.DocID, ops [][]byte, pendingDone int) error {
	err := s.update(ctx, id, []string{stDocs, stOps}, func(t *tx, m *docMeta) error {
		if pending := m.NextPending - m.FirstPending; pendingDone < 0 || int64(pendingDone) > pending {
			return fmt.Errorf("%d pending operations done, %d pending", pendingDone, pending)
		}
		for _, op := range ops {
			if err := t.put(stOps, bytesToJS(op), opKey(id, opsLog, m.LogLen)); err != nil {
				return err
			}
			m.LogLen++
		}
		if pendingDone > 0 {
			last := m.FirstPending + int64(pendingDone) - 1
			if err := t.del(stOps, keyRange(opKey(id, opsPending, m.FirstPending), opKey(id, opsPending, last))); err != nil {
				return err
			}
			m.FirstPending += int64(pendingDone)
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("append operations to %s: %w", id, err)
	}
	return nil
}

// QueueOp implements [client.Store].
func (s *Store) QueueOp(ctx context.Context, id e2ee.DocID, op []byte) error {
	err := s.update(ctx, id, []string{stDocs, stOps}, func(t *tx, m *docMeta) error {
		if err := t.put(stOps, bytesToJS(op), opKey(id, opsPending, m.NextPending)); err != nil {
			return err
		}
		m.NextPending++
		return nil
	})
	if err != nil {
		return fmt.Errorf("queue operation of %s: %w", id, err)
	}
	return nil
}

// Compact implements [client.Store].
func (s *Store) Compact(ctx context.Context, id e2ee.DocID, content []byte, upTo int) error {
	err := s.update(ctx, id, []string{stDocs, stContent, stChanges}, func(t *tx, m *docMeta) error {
		if n := m.NextChange - m.FirstChange; upTo < 0 || int64(upTo) > n {
			return fmt.Errorf("compact %d changes of %d", upTo, n)
		}
		var err error
		if len(content) > 0 {
			err = t.put(stContent, bytesToJS(content), docKey(id))
		} else {
			err = t.del(stContent, docKey(id))
		}
		if err != nil {
			return err
		}
		if upTo > 0 {
			last := m.FirstChange + int64(upTo) - 1
			if err := t.del(stChanges, keyRange(changeKey(id, m.FirstChange), changeKey(id, last))); err != nil {
				return err
			}
			m.FirstChange += int64(upTo)
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("compact %s: %w", id, err)
	}
	return nil
}

// SnapshotTaken implements [client.Store].
func (s *Store) SnapshotTaken(ctx context.Context, id e2ee.DocID, covers protocol.Offset) error {
	err := s.update(ctx, id, []string{stDocs}, func(t *tx, m *docMeta) error {
		if covers >= m.SnapshotAt {
			m.SnapshotAt, m.SinceSnapshot = covers, 0
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("record snapshot of %s: %w", id, err)
	}
	return nil
}

// --- keys --------------------------------------------------------------------------------------

// keyIdentity is the name of the sealed identity in the keys store.
const keyIdentity = "identity"

// SaveIdentity stores the sealed identity (keyring.Identity.Seal's bytes), replacing a stored
// one. The store never sees the identity unsealed.
func (s *Store) SaveIdentity(ctx context.Context, sealed []byte) error {
	err := s.write(ctx, []string{stKeys}, func(t *tx) error {
		return t.put(stKeys, bytesToJS(sealed), keyIdentity)
	})
	if err != nil {
		return fmt.Errorf("save sealed identity: %w", err)
	}
	return nil
}

// Identity returns the stored sealed identity, or client.ErrNotFound.
func (s *Store) Identity(ctx context.Context) ([]byte, error) {
	var sealed []byte
	err := s.read(ctx, []string{stKeys}, func(t *tx) error {
		v, err := t.get(stKeys, keyIdentity)
		if err != nil {
			return err
		}
		if v.IsUndefined() {
			return client.ErrNotFound
		}
		sealed, err = bytesFromJS(v)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("read sealed identity: %w", err)
	}
	return sealed, nil
}
