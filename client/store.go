package client

import (
	"context"
	"errors"
	"io"

	"github.com/mobio-sync/mobio/e2ee"
	"github.com/mobio-sync/mobio/protocol"
)

// Sentinel errors of a [Store].
var (
	// ErrNotFound: no such document or blob in the local store.
	ErrNotFound = errors.New("client: not found")
	// ErrExists: a document with that ID is in the local store already.
	ErrExists = errors.New("client: exists")
)

// Store is the local replica store: documents, their membership logs, the outbox of sealed
// envelopes not yet acknowledged by the relay, reading cursors and encrypted attachments.
//
// Every method is atomic: when it returns nil, its whole effect is durable (a crash after
// that loses nothing); when it fails or the process dies during it, nothing of it happened.
// Implementations are safe for concurrent use. client/storetest is the conformance suite.
type Store interface {
	// CreateDoc stores a new document. It fails with ErrExists when the ID is taken.
	CreateDoc(ctx context.Context, rec DocRecord) error
	// LoadDoc returns the whole record of a document, or ErrNotFound.
	LoadDoc(ctx context.Context, id e2ee.DocID) (DocRecord, error)
	// ListDocs returns a summary of every document, ordered by title, then ID.
	ListDocs(ctx context.Context) ([]DocSummary, error)
	// DeleteDoc removes a document with its changes, outbox and blobs. Deleting a document
	// that is not there is not an error.
	DeleteDoc(ctx context.Context, id e2ee.DocID) error
	// SetTitle changes a document's local title.
	SetTitle(ctx context.Context, id e2ee.DocID, title string) error

	// CommitLocal appends a change made on this device together with its sealed envelope:
	// the change joins the record's Changes (a nil change, for a snapshot or a receipt, joins
	// nothing), the envelope the outbox, and Own becomes the
	// envelope's chain position (out.Seq, out.Hash). An outbox entry whose Seq is not
	// Own.Seq+1 fails the call.
	CommitLocal(ctx context.Context, id e2ee.DocID, change []byte, out OutboxEntry) error
	// CommitRemote appends changes received from the relay and moves the reading state on.
	CommitRemote(ctx context.Context, id e2ee.DocID, b RemoteBatch) error
	// Outbox returns the envelopes not yet acknowledged, in sequence order.
	Outbox(ctx context.Context, id e2ee.DocID) ([]OutboxEntry, error)
	// Acked removes the outbox entries with Seq <= seq. Acknowledging an entry twice is not an
	// error.
	Acked(ctx context.Context, id e2ee.DocID, seq uint64) error
	// ReplaceOutbox replaces the whole outbox (entries re-sealed at a new epoch) and Own.
	ReplaceOutbox(ctx context.Context, id e2ee.DocID, entries []OutboxEntry, own e2ee.ChainHead) error
	// AppendOps appends verified membership operations to the document's log. pendingDone
	// removes that many operations from the front of PendingOps (those the relay acknowledged).
	AppendOps(ctx context.Context, id e2ee.DocID, ops [][]byte, pendingDone int) error
	// QueueOp adds a signed membership operation to PendingOps, to be pushed when online.
	QueueOp(ctx context.Context, id e2ee.DocID, op []byte) error
	// Compact replaces Content with content and drops the first upTo entries of Changes,
	// which content includes. It never drops changes added after the caller read the record.
	Compact(ctx context.Context, id e2ee.DocID, content []byte, upTo int) error
	// SnapshotTaken records that a snapshot covering the log up to covers exists on the
	// relay: SnapshotAt becomes covers and SinceSnapshot zero, unless SnapshotAt is newer.
	SnapshotTaken(ctx context.Context, id e2ee.DocID, covers protocol.Offset) error

	// PutBlob stores the ciphertext of an attachment of a document, read from r until EOF,
	// under its content ID, as not yet uploaded. Storing a blob again is not an error.
	PutBlob(ctx context.Context, doc e2ee.DocID, blob e2ee.Hash, r io.Reader) error
	// OpenBlob returns the ciphertext of a stored blob and its size, or ErrNotFound.
	OpenBlob(ctx context.Context, doc e2ee.DocID, blob e2ee.Hash) (io.ReadSeekCloser, int64, error)
	// Blobs lists the blobs of a document (of every document when doc is zero).
	Blobs(ctx context.Context, doc e2ee.DocID) ([]BlobRecord, error)
	// BlobUploaded marks a blob as uploaded to the relay.
	BlobUploaded(ctx context.Context, doc e2ee.DocID, blob e2ee.Hash) error

	// Close releases the store.
	Close() error
}

// DocRecord is everything the local store keeps of one document.
type DocRecord struct {
	ID    e2ee.DocID
	Title string // a local name, such as the newcomer's name; never sent anywhere

	// Log is the membership log: signed operations in order, as the relay acknowledged them.
	Log [][]byte
	// PendingOps are signed operations not yet acknowledged by the relay, in order; a
	// document created offline has its genesis here and an empty Log.
	PendingOps [][]byte

	// Content is the document as of the last compaction (Doc.Save); Changes are the changes
	// applied after it, local and remote, in the order they were applied.
	Content []byte
	Changes [][]byte

	// Cursor is the relay offset up to which entries are applied; Heads is the reading chain
	// (e2ee.Chain.Heads) as of Cursor.
	Cursor protocol.Offset
	Heads  []e2ee.ChainHead
	// Own is this device's position in its own stored chain: the last envelope it sealed.
	Own e2ee.ChainHead

	// SnapshotAt is the offset covered by the newest snapshot known to exist; SinceSnapshot
	// counts the entries applied since then.
	SnapshotAt    protocol.Offset
	SinceSnapshot int

	// Outbox holds the sealed envelopes not yet acknowledged, in sequence order.
	Outbox []OutboxEntry
}

// DocSummary describes a document for listings, without its content.
type DocSummary struct {
	ID      e2ee.DocID
	Title   string
	Pending int             // outbox entries plus pending operations
	Cursor  protocol.Offset // relay offset applied
	Changes int             // changes since the last compaction
}

// OutboxEntry is one sealed envelope waiting for the relay's acknowledgement.
type OutboxEntry struct {
	Seq      uint64
	Hash     e2ee.Hash  // SHA-256 of Envelope
	Epoch    e2ee.Epoch // the epoch it is sealed at
	Envelope []byte
	// Change is the plaintext change the envelope carries, kept to seal it again when the
	// epoch changes before the relay accepted it; nil for a snapshot or a receipt.
	Change []byte
	// Covers is, for a snapshot envelope, the log offset the snapshot covers; 0 otherwise.
	Covers protocol.Offset
}

// RemoteBatch is what one round of applying the relay's entries changes in a [DocRecord].
type RemoteBatch struct {
	Changes [][]byte         // appended to Changes
	Cursor  protocol.Offset  // the new Cursor
	Heads   []e2ee.ChainHead // the new Heads
	// Applied is the number of entries the batch applied, added to SinceSnapshot.
	Applied int
	// SnapshotAt, when above the record's, replaces it (and SinceSnapshot restarts at Applied).
	SnapshotAt protocol.Offset
}

// BlobRecord describes a stored attachment ciphertext.
type BlobRecord struct {
	Doc      e2ee.DocID
	ID       e2ee.Hash
	Size     int64
	Uploaded bool
}
