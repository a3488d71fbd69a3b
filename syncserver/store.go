package syncserver

import (
	"context"
	"errors"
	"io"
	"time"

	"github.com/mobio-sync/mobio/e2ee"
)

// Errors of a [Store]. The relay branches on them (with errors.Is) to choose its error frame;
// implementations wrap them with context and never return them for anything else.
var (
	// ErrNotFound: the document, snapshot, blob or envelope does not exist.
	ErrNotFound = errors.New("syncserver: not found")
	// ErrExists: the document exists already.
	ErrExists = errors.New("syncserver: document exists")
	// ErrErased: the document was erased; it takes no writes and can never be created again.
	ErrErased = errors.New("syncserver: document erased")
	// ErrConflict: a different envelope is stored under the same author and sequence number,
	// or an envelope's Prev does not name its author's previous stored envelope. The relay
	// answers it as a replay (CodeReplay): the author signed two different envelopes for one
	// place in its chain. Also: a blob chunk declares another size than its upload did.
	ErrConflict = errors.New("syncserver: a different envelope holds that place in the author's chain")
	// ErrSequenceGap: an envelope's sequence number is more than one past its author's last
	// stored one, or an operation's is more than one past the log's head.
	ErrSequenceGap = errors.New("syncserver: sequence number skips entries")
	// ErrStaleHead: a different membership operation is stored at that sequence number; the
	// author built it on an older head of the log and must rebase.
	ErrStaleHead = errors.New("syncserver: membership operation based on an older log head")
	// ErrStaleSnapshot: the newest stored snapshot covers as much of the log or more.
	ErrStaleSnapshot = errors.New("syncserver: a snapshot covering as much is stored")
	// ErrBeyondHead: a snapshot claims to cover entries the document does not have.
	ErrBeyondHead = errors.New("syncserver: snapshot covers entries beyond the head")
	// ErrTooLarge: a blob chunk reaches past the blob's declared size, or the declared size
	// exceeds the store's limit.
	ErrTooLarge = errors.New("syncserver: too large")
	// ErrUploadOffset: a blob chunk does not start where the bytes received so far end. The
	// chunk is not stored; the uploader resumes from the received size returned with it.
	ErrUploadOffset = errors.New("syncserver: blob chunk at the wrong offset")
	// ErrIncomplete: a blob is committed before all its declared bytes arrived.
	ErrIncomplete = errors.New("syncserver: blob upload incomplete")
	// ErrHashMismatch: a blob's bytes do not hash to its ID. The upload is discarded.
	ErrHashMismatch = errors.New("syncserver: blob bytes do not match its ID")
)

// Store keeps what the relay must not lose: for each document its membership log, its
// entries (verified envelopes in server order), its newest snapshot, its blobs, and after an
// erasure its tombstone. It holds ciphertext only and cannot read content.
//
// Every method is safe for concurrent use. Every method that changes the store returns only
// once the change is durable: committed and synced to stable storage, so that it survives the
// process being killed and the machine losing power an instant later. A write method that
// returns an error has changed nothing, with two exceptions said where they apply: a blob
// upload that fails its hash check is discarded, and a write whose ctx ends while it waits for
// its commit may or may not have been stored (writes are idempotent, so the caller repeats it).
//
// The relay verifies envelopes and operations before it stores them (signature, membership,
// role, epoch); the store does what needs its own state in the same transaction as the write:
// offsets, idempotence, per-author chains, the order of the membership log.
type Store interface {
	DocumentStore
	LogStore
	SnapshotStore
	BlobStore
}

// DocumentStore keeps a document's existence, membership log and erasure.
type DocumentStore interface {
	// CreateDocument creates doc with its signed genesis operation as operation 1 of its
	// membership log. It returns ErrExists if doc exists and ErrErased if doc was erased.
	CreateDocument(ctx context.Context, doc e2ee.DocID, genesisOp []byte) error

	// AppendOp stores signedOp as operation seq of doc's membership log. seq must be the
	// log's length plus one (else ErrSequenceGap beyond it). The same bytes again at a stored
	// seq return nil (a re-sent operation); different bytes at a stored seq return
	// ErrStaleHead: another operation came first. ErrNotFound: doc does not exist.
	AppendOp(ctx context.Context, doc e2ee.DocID, seq uint64, signedOp []byte) error

	// Ops returns the signed operations of doc's log after sequence number after, in order, at
	// most limit of them (all when limit <= 0). ErrNotFound: doc does not exist.
	Ops(ctx context.Context, doc e2ee.DocID, after uint64, limit int) ([][]byte, error)

	// Erase deletes doc's entries, snapshot, membership log and blobs, and keeps tombstone
	// (the owner's signed erasure, which the relay verified). Afterwards every write to doc
	// returns ErrErased and reads return ErrErased too, except [DocumentStore.Tombstone].
	// Erasing twice returns ErrErased; a document that never existed, ErrNotFound. Deleted
	// rows may stay in the store's files until the implementation reclaims the space (see its
	// documentation).
	Erase(ctx context.Context, doc e2ee.DocID, tombstone []byte) error

	// Tombstone returns the tombstone of an erased document, and false for a document that
	// is not erased (or does not exist).
	Tombstone(ctx context.Context, doc e2ee.DocID) ([]byte, bool, error)

	// Usage returns the bytes doc occupies: its stored envelopes (snapshots among them) and
	// its blobs, uploads in progress included. The relay compares it with its per-document
	// limit before a write. ErrNotFound: doc does not exist.
	Usage(ctx context.Context, doc e2ee.DocID) (int64, error)
}

// Appended is where [LogStore.AppendVerified] put an envelope.
type Appended struct {
	Offset uint64
	// Duplicate: the envelope was stored before (same author, sequence number and hash), at
	// Offset; nothing was written for it.
	Duplicate bool
}

// Entry is a stored envelope and its offset in its document's log.
type Entry struct {
	Offset   uint64
	Envelope []byte // exactly as received
}

// AuthorHead is where an author's stored chain in a document ends.
type AuthorHead struct {
	Seq  uint64
	Hash e2ee.Hash
}

// LogStore keeps each document's entries: verified envelopes in the order the relay
// accepted them, numbered by offsets 1, 2, 3, … without gaps.
type LogStore interface {
	// AppendVerified stores envs in order as entries of doc, giving each the next offset, and
	// returns where each went. It is all or nothing: on error none of envs is stored. It
	// returns once the entries are durable.
	//
	// The store keeps each author's chain (updates, snapshots and receipts; ephemeral
	// envelopes are never stored and are refused):
	//   - an envelope whose author and sequence number are stored with the same hash is a
	//     duplicate: stored once, reported with its stored offset and Duplicate set;
	//   - with a different hash, or a Prev that does not name the author's previous stored
	//     envelope: ErrConflict;
	//   - a sequence number beyond the author's last plus one: ErrSequenceGap.
	//
	// The epoch and the author's membership and role are the relay's to check before.
	// ErrNotFound: doc does not exist; ErrErased: it was erased.
	AppendVerified(ctx context.Context, doc e2ee.DocID, envs []e2ee.VerifiedEnvelope) ([]Appended, error)

	// ReadRange returns doc's entries with offsets after after, in order, at most limit of
	// them (all when limit <= 0). Entries dropped by compaction are skipped: a reader behind
	// the newest snapshot reads the snapshot first, then the entries after what it covers.
	ReadRange(ctx context.Context, doc e2ee.DocID, after uint64, limit int) ([]Entry, error)

	// Head returns the offset of doc's last entry, 0 for none. ErrNotFound: doc does not
	// exist.
	Head(ctx context.Context, doc e2ee.DocID) (uint64, error)

	// AuthorHeads returns where each author's stored chain in doc ends.
	AuthorHeads(ctx context.Context, doc e2ee.DocID) (map[e2ee.IdentityID]AuthorHead, error)
}

// Snapshot is a document's newest snapshot: a sealed snapshot envelope, the offset of the
// last entry whose content it includes, and its own offset (a snapshot is an entry too).
type Snapshot struct {
	Covers   uint64
	Offset   uint64
	Envelope []byte
}

// SnapshotStore keeps each document's newest snapshot.
//
// A snapshot envelope is an entry like any other: it holds a place in its author's chain and
// an offset in the log, so live subscribers receive it in order and the author's next update
// follows it. PutSnapshot additionally marks it as the document's snapshot. A reader catching
// up from the snapshot reads the entries after Covers, among them the snapshot's own entry at
// Offset, which the relay may skip.
type SnapshotStore interface {
	// PutSnapshot appends env, an envelope of kind snapshot, as [LogStore.AppendVerified]
	// does (a duplicate is not an error) and keeps it as doc's snapshot covering the entries
	// up to offset covers, replacing the older one, all in one transaction.
	// ErrStaleSnapshot: the stored snapshot covers as much or more; ErrBeyondHead: covers
	// names an entry the document did not have before env; otherwise the errors of
	// AppendVerified.
	PutSnapshot(ctx context.Context, doc e2ee.DocID, covers uint64, env e2ee.VerifiedEnvelope) (Appended, error)

	// Snapshot returns doc's newest snapshot, and false when it has none.
	Snapshot(ctx context.Context, doc e2ee.DocID) (Snapshot, bool, error)
}

// BlobInfo is the state of a blob: its declared size, the bytes received so far, and whether
// it was committed (received in full and checked against its ID).
type BlobInfo struct {
	Size      int64
	Received  int64
	Committed bool
}

// BlobStore keeps encrypted attachments, content-addressed by the SHA-256 of their
// ciphertext, uploaded in chunks so that an interrupted upload resumes.
//
// An upload is PutBlobChunk from offset 0 (or from [BlobInfo].Received after an
// interruption) until all bytes are in, then CommitBlob. Only committed blobs can be opened.
// Uploading a committed blob again is a no-op that reports it complete.
type BlobStore interface {
	// PutBlobChunk stores data at offset of blob id of doc, whose size is total, and returns
	// the bytes received so far. offset must equal the bytes received so far (else
	// ErrUploadOffset, with the received count so that the uploader resumes there); total
	// must be the same in every chunk (else ErrConflict) and within the store's limit (else
	// ErrTooLarge, as for a chunk reaching past total). For a committed blob it stores
	// nothing and returns total.
	PutBlobChunk(ctx context.Context, doc e2ee.DocID, id e2ee.Hash, offset int64, data []byte, total int64) (received int64, err error)

	// CommitBlob checks that all bytes of blob id arrived (else ErrIncomplete) and hash to id
	// (else ErrHashMismatch, and the upload is discarded), and makes the blob readable.
	// Committing a committed blob returns nil. ErrNotFound: no upload of id.
	CommitBlob(ctx context.Context, doc e2ee.DocID, id e2ee.Hash) error

	// BlobInfo returns the state of blob id of doc. ErrNotFound: no upload of id.
	BlobInfo(ctx context.Context, doc e2ee.DocID, id e2ee.Hash) (BlobInfo, error)

	// OpenBlob opens committed blob id of doc for reading and returns its size. Reads through
	// the reader use ctx; the caller closes it. ErrNotFound: no committed blob id.
	OpenBlob(ctx context.Context, doc e2ee.DocID, id e2ee.Hash) (io.ReadSeekCloser, int64, error)
}

// Compactor is implemented by stores that can drop entries a snapshot makes unnecessary.
// [Server.Run] compacts every [Config.CompactInterval] the documents that Compactable names.
type Compactor interface {
	// Compactable returns the documents that are not erased whose newest snapshot was stored
	// before olderThan and that still keep an envelope the snapshot covers: those that
	// Compact with olderThan would shrink. It may name a document whose covered envelopes are
	// all newer than olderThan (Compact then drops nothing), but never misses one.
	Compactable(ctx context.Context, olderThan time.Time) ([]e2ee.DocID, error)

	// Compact drops the envelopes of doc's entries that the newest snapshot covers and that
	// were stored before olderThan, and returns how many it dropped. Offsets, author heads
	// and duplicate detection are unchanged: a re-sent compacted envelope is still reported as
	// a duplicate at its offset.
	Compact(ctx context.Context, doc e2ee.DocID, olderThan time.Time) (int, error)
}

// Backuper is implemented by stores that can copy themselves while in use.
type Backuper interface {
	// Backup writes a consistent copy of the store to path, which must not exist, while the
	// store keeps serving.
	Backup(ctx context.Context, path string) error
}

// Stats counts what a store holds.
type Stats struct {
	Documents     int64 // documents that exist and are not erased
	Erased        int64 // tombstones
	Entries       int64 // entries whose envelope is kept (not compacted), snapshots among them
	EntryBytes    int64 // bytes of those envelopes
	Snapshots     int64 // documents' newest snapshots (counted in Entries too)
	SnapshotBytes int64
	Blobs         int64 // committed blobs
	BlobBytes     int64
	FileBytes     int64 // size of the store's files on disk, where it has files
}

// Statser is implemented by stores that can count what they hold.
type Statser interface {
	Stats(ctx context.Context) (Stats, error)
}
