// Package memstore is an in-memory [client.Store], for tests and for sessions that keep
// nothing (such as a browser tab before it has storage). "Durable" means "until Close": a
// process that ends takes everything with it.
//
// The store copies every byte slice that goes in or comes out, so that neither side can
// change the other's data through a shared array. It uses no cgo and no operating system
// facility, and builds for js/wasm.
package memstore

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"slices"
	"sync"

	"github.com/mobio-sync/mobio/client"
	"github.com/mobio-sync/mobio/e2ee"
	"github.com/mobio-sync/mobio/protocol"
)

// ErrClosed: the store is closed.
var ErrClosed = errors.New("memstore: store closed")

// Store is an in-memory [client.Store]. The zero value is not usable; call [New].
type Store struct {
	// mu guards docs, blobs and closed. Records and blobs in the maps are the store's own:
	// nothing outside holds a reference into them.
	mu     sync.RWMutex
	docs   map[e2ee.DocID]*client.DocRecord
	blobs  map[e2ee.DocID]map[e2ee.Hash]*blob
	closed bool
}

// blob is a stored attachment. data is never written after the blob is stored, so readers
// may share it.
type blob struct {
	data     []byte
	uploaded bool
}

var _ client.Store = (*Store)(nil)

// New returns an empty store.
func New() *Store {
	return &Store{docs: map[e2ee.DocID]*client.DocRecord{}, blobs: map[e2ee.DocID]map[e2ee.Hash]*blob{}}
}

// Close drops everything the store holds. Closing twice is not an error.
func (s *Store) Close() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.closed, s.docs, s.blobs = true, nil, nil
	return nil
}

// read runs fn under the read lock after checking ctx and that the store is open.
func (s *Store) read(ctx context.Context, fn func() error) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	if s.closed {
		return ErrClosed
	}
	return fn()
}

// write runs fn under the write lock after checking ctx and that the store is open. fn must
// check everything before it changes anything: there is no rollback.
func (s *Store) write(ctx context.Context, fn func() error) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return ErrClosed
	}
	return fn()
}

// docLocked returns the stored record of id, or ErrNotFound. s.mu must be held.
func (s *Store) docLocked(id e2ee.DocID) (*client.DocRecord, error) {
	rec, ok := s.docs[id]
	if !ok {
		return nil, client.ErrNotFound
	}
	return rec, nil
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

// CreateDoc implements [client.Store].
func (s *Store) CreateDoc(ctx context.Context, rec client.DocRecord) error {
	err := s.write(ctx, func() error {
		if rec.ID.IsZero() {
			return errors.New("zero document ID")
		}
		if err := checkOutbox(rec.Outbox); err != nil {
			return err
		}
		if _, ok := s.docs[rec.ID]; ok {
			return client.ErrExists
		}
		c := cloneRecord(rec)
		s.docs[rec.ID] = &c
		return nil
	})
	if err != nil {
		return fmt.Errorf("create document %s: %w", rec.ID, err)
	}
	return nil
}

// LoadDoc implements [client.Store].
func (s *Store) LoadDoc(ctx context.Context, id e2ee.DocID) (client.DocRecord, error) {
	var out client.DocRecord
	err := s.read(ctx, func() error {
		rec, err := s.docLocked(id)
		if err != nil {
			return err
		}
		out = cloneRecord(*rec)
		return nil
	})
	if err != nil {
		return client.DocRecord{}, fmt.Errorf("load document %s: %w", id, err)
	}
	return out, nil
}

// ListDocs implements [client.Store]. Titles compare byte by byte, then IDs.
func (s *Store) ListDocs(ctx context.Context) ([]client.DocSummary, error) {
	var out []client.DocSummary
	err := s.read(ctx, func() error {
		for _, rec := range s.docs {
			out = append(out, client.DocSummary{
				ID:      rec.ID,
				Title:   rec.Title,
				Pending: len(rec.Outbox) + len(rec.PendingOps),
				Cursor:  rec.Cursor,
				Changes: len(rec.Changes),
			})
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("list documents: %w", err)
	}
	slices.SortFunc(out, func(a, b client.DocSummary) int {
		if a.Title != b.Title {
			return compareStrings(a.Title, b.Title)
		}
		return bytes.Compare(a.ID[:], b.ID[:])
	})
	return out, nil
}

func compareStrings(a, b string) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// DeleteDoc implements [client.Store].
func (s *Store) DeleteDoc(ctx context.Context, id e2ee.DocID) error {
	err := s.write(ctx, func() error {
		delete(s.docs, id)
		delete(s.blobs, id)
		return nil
	})
	if err != nil {
		return fmt.Errorf("delete document %s: %w", id, err)
	}
	return nil
}

// SetTitle implements [client.Store].
func (s *Store) SetTitle(ctx context.Context, id e2ee.DocID, title string) error {
	err := s.write(ctx, func() error {
		rec, err := s.docLocked(id)
		if err != nil {
			return err
		}
		rec.Title = title
		return nil
	})
	if err != nil {
		return fmt.Errorf("set title of %s: %w", id, err)
	}
	return nil
}

// CommitLocal implements [client.Store]. An empty change (a receipt's or a snapshot's)
// joins no Changes. Own keeps its author and takes the entry's sequence number, hash and
// epoch.
func (s *Store) CommitLocal(ctx context.Context, id e2ee.DocID, change []byte, out client.OutboxEntry) error {
	err := s.write(ctx, func() error {
		rec, err := s.docLocked(id)
		if err != nil {
			return err
		}
		if out.Seq != rec.Own.Seq+1 {
			return fmt.Errorf("outbox entry %d does not follow own entry %d", out.Seq, rec.Own.Seq)
		}
		if len(change) > 0 {
			rec.Changes = append(rec.Changes, bytes.Clone(change))
		}
		rec.Outbox = append(rec.Outbox, cloneEntry(out))
		rec.Own.Seq, rec.Own.Hash, rec.Own.Epoch = out.Seq, out.Hash, out.Epoch
		return nil
	})
	if err != nil {
		return fmt.Errorf("commit local change to %s: %w", id, err)
	}
	return nil
}

// CommitRemote implements [client.Store].
func (s *Store) CommitRemote(ctx context.Context, id e2ee.DocID, b client.RemoteBatch) error {
	err := s.write(ctx, func() error {
		rec, err := s.docLocked(id)
		if err != nil {
			return err
		}
		for _, c := range b.Changes {
			rec.Changes = append(rec.Changes, bytes.Clone(c))
		}
		rec.Cursor, rec.Heads = b.Cursor, slices.Clone(b.Heads)
		if b.SnapshotAt > rec.SnapshotAt {
			rec.SnapshotAt, rec.SinceSnapshot = b.SnapshotAt, b.Applied
		} else {
			rec.SinceSnapshot += b.Applied
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
	err := s.read(ctx, func() error {
		rec, err := s.docLocked(id)
		if err != nil {
			return err
		}
		out = cloneOutbox(rec.Outbox)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("read outbox of %s: %w", id, err)
	}
	return out, nil
}

// Acked implements [client.Store].
func (s *Store) Acked(ctx context.Context, id e2ee.DocID, seq uint64) error {
	err := s.write(ctx, func() error {
		rec, err := s.docLocked(id)
		if err != nil {
			return err
		}
		n, _ := slices.BinarySearchFunc(rec.Outbox, seq, func(e client.OutboxEntry, seq uint64) int {
			if e.Seq <= seq {
				return -1
			}
			return 1
		})
		// A fresh slice, so that the dropped envelopes do not stay reachable.
		rec.Outbox = slices.Clone(rec.Outbox[n:])
		return nil
	})
	if err != nil {
		return fmt.Errorf("acknowledge outbox of %s up to %d: %w", id, seq, err)
	}
	return nil
}

// ReplaceOutbox implements [client.Store]. The entries must be in increasing sequence order.
func (s *Store) ReplaceOutbox(ctx context.Context, id e2ee.DocID, entries []client.OutboxEntry, own e2ee.ChainHead) error {
	err := s.write(ctx, func() error {
		rec, err := s.docLocked(id)
		if err != nil {
			return err
		}
		if err := checkOutbox(entries); err != nil {
			return err
		}
		rec.Outbox, rec.Own = cloneOutbox(entries), own
		return nil
	})
	if err != nil {
		return fmt.Errorf("replace outbox of %s: %w", id, err)
	}
	return nil
}

// AppendOps implements [client.Store].
func (s *Store) AppendOps(ctx context.Context, id e2ee.DocID, ops [][]byte, pendingDone int) error {
	err := s.write(ctx, func() error {
		rec, err := s.docLocked(id)
		if err != nil {
			return err
		}
		if pendingDone < 0 || pendingDone > len(rec.PendingOps) {
			return fmt.Errorf("%d pending operations done, %d pending", pendingDone, len(rec.PendingOps))
		}
		rec.Log = append(rec.Log, cloneBytes(ops)...)
		rec.PendingOps = slices.Clone(rec.PendingOps[pendingDone:])
		return nil
	})
	if err != nil {
		return fmt.Errorf("append operations to %s: %w", id, err)
	}
	return nil
}

// QueueOp implements [client.Store].
func (s *Store) QueueOp(ctx context.Context, id e2ee.DocID, op []byte) error {
	err := s.write(ctx, func() error {
		rec, err := s.docLocked(id)
		if err != nil {
			return err
		}
		rec.PendingOps = append(rec.PendingOps, bytes.Clone(op))
		return nil
	})
	if err != nil {
		return fmt.Errorf("queue operation of %s: %w", id, err)
	}
	return nil
}

// Compact implements [client.Store].
func (s *Store) Compact(ctx context.Context, id e2ee.DocID, content []byte, upTo int) error {
	err := s.write(ctx, func() error {
		rec, err := s.docLocked(id)
		if err != nil {
			return err
		}
		if upTo < 0 || upTo > len(rec.Changes) {
			return fmt.Errorf("compact %d changes of %d", upTo, len(rec.Changes))
		}
		rec.Content = cloneOrNil(content)
		rec.Changes = slices.Clone(rec.Changes[upTo:])
		return nil
	})
	if err != nil {
		return fmt.Errorf("compact %s: %w", id, err)
	}
	return nil
}

// SnapshotTaken implements [client.Store].
func (s *Store) SnapshotTaken(ctx context.Context, id e2ee.DocID, covers protocol.Offset) error {
	err := s.write(ctx, func() error {
		rec, err := s.docLocked(id)
		if err != nil {
			return err
		}
		if covers >= rec.SnapshotAt {
			rec.SnapshotAt, rec.SinceSnapshot = covers, 0
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("record snapshot of %s: %w", id, err)
	}
	return nil
}

// PutBlob implements [client.Store]. It reads r without holding the store's lock, and to its
// end also when the blob is stored already, so that a writer feeding r through a pipe is not
// left blocked.
func (s *Store) PutBlob(ctx context.Context, doc e2ee.DocID, id e2ee.Hash, r io.Reader) error {
	var stored bool
	err := s.read(ctx, func() error {
		if _, err := s.docLocked(doc); err != nil {
			return err
		}
		_, stored = s.blobs[doc][id]
		return nil
	})
	if err == nil && stored {
		_, err = io.Copy(io.Discard, ctxReader{ctx, r})
	}
	if err == nil && !stored {
		var data []byte
		if data, err = io.ReadAll(ctxReader{ctx, r}); err == nil {
			err = s.write(ctx, func() error {
				if _, err := s.docLocked(doc); err != nil {
					return err // deleted while r was read
				}
				if _, ok := s.blobs[doc][id]; ok {
					return nil
				}
				if s.blobs[doc] == nil {
					s.blobs[doc] = map[e2ee.Hash]*blob{}
				}
				s.blobs[doc][id] = &blob{data: data}
				return nil
			})
		}
	}
	if err != nil {
		return fmt.Errorf("store blob %s of %s: %w", id, doc, err)
	}
	return nil
}

// ctxReader reads from r until ctx ends.
type ctxReader struct {
	ctx context.Context
	r   io.Reader
}

func (c ctxReader) Read(p []byte) (int, error) {
	if err := c.ctx.Err(); err != nil {
		return 0, err
	}
	return c.r.Read(p)
}

// OpenBlob implements [client.Store]. The reader reads the blob as it was when opened.
func (s *Store) OpenBlob(ctx context.Context, doc e2ee.DocID, id e2ee.Hash) (io.ReadSeekCloser, int64, error) {
	var data []byte
	err := s.read(ctx, func() error {
		if _, err := s.docLocked(doc); err != nil {
			return err
		}
		b, ok := s.blobs[doc][id]
		if !ok {
			return client.ErrNotFound
		}
		data = b.data
		return nil
	})
	if err != nil {
		return nil, 0, fmt.Errorf("open blob %s of %s: %w", id, doc, err)
	}
	return blobReader{bytes.NewReader(data)}, int64(len(data)), nil
}

// blobReader reads a stored blob; bytes.Reader never writes to the slice it reads.
type blobReader struct{ *bytes.Reader }

func (blobReader) Close() error { return nil }

// Blobs implements [client.Store], ordered by document, then blob ID.
func (s *Store) Blobs(ctx context.Context, doc e2ee.DocID) ([]client.BlobRecord, error) {
	var out []client.BlobRecord
	err := s.read(ctx, func() error {
		for d, bs := range s.blobs {
			if !doc.IsZero() && d != doc {
				continue
			}
			for id, b := range bs {
				out = append(out, client.BlobRecord{Doc: d, ID: id, Size: int64(len(b.data)), Uploaded: b.uploaded})
			}
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("list blobs of %s: %w", doc, err)
	}
	slices.SortFunc(out, func(a, b client.BlobRecord) int {
		if c := bytes.Compare(a.Doc[:], b.Doc[:]); c != 0 {
			return c
		}
		return bytes.Compare(a.ID[:], b.ID[:])
	})
	return out, nil
}

// BlobUploaded implements [client.Store].
func (s *Store) BlobUploaded(ctx context.Context, doc e2ee.DocID, id e2ee.Hash) error {
	err := s.write(ctx, func() error {
		b, ok := s.blobs[doc][id]
		if !ok {
			return client.ErrNotFound
		}
		b.uploaded = true
		return nil
	})
	if err != nil {
		return fmt.Errorf("mark blob %s of %s uploaded: %w", id, doc, err)
	}
	return nil
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

func cloneEntry(e client.OutboxEntry) client.OutboxEntry {
	e.Envelope, e.Change = bytes.Clone(e.Envelope), cloneOrNil(e.Change)
	return e
}

// cloneOrNil copies b, and returns nil for an empty b: an empty Content or Change means
// none, which callers test with == nil.
func cloneOrNil(b []byte) []byte {
	if len(b) == 0 {
		return nil
	}
	return bytes.Clone(b)
}

func cloneOutbox(es []client.OutboxEntry) []client.OutboxEntry {
	if es == nil {
		return nil
	}
	out := make([]client.OutboxEntry, len(es))
	for i, e := range es {
		out[i] = cloneEntry(e)
	}
	return out
}

// cloneRecord copies r deeply: the copy shares no array with r.
func cloneRecord(r client.DocRecord) client.DocRecord {
	r.Log, r.PendingOps, r.Changes = cloneBytes(r.Log), cloneBytes(r.PendingOps), cloneBytes(r.Changes)
	r.Content = cloneOrNil(r.Content)
	r.Heads = slices.Clone(r.Heads)
	r.Outbox = cloneOutbox(r.Outbox)
	return r
}
