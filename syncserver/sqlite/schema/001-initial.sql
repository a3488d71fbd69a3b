-- 001: the first schema of the relay's store.

-- documents: one row per document ever created, kept after erasure for its tombstone.
CREATE TABLE documents (
	id        INTEGER PRIMARY KEY,
	doc       BLOB NOT NULL UNIQUE,       -- e2ee.DocID, 16 bytes
	head      INTEGER NOT NULL DEFAULT 0, -- offset of the last entry, 0 for none
	ops       INTEGER NOT NULL DEFAULT 0, -- operations in the membership log
	bytes     INTEGER NOT NULL DEFAULT 0, -- stored envelope and blob bytes (Usage)
	erased_at INTEGER,                    -- Unix ms of the erasure; NULL while the document lives
	tombstone BLOB                        -- the owner's signed erasure, set with erased_at
) STRICT;

-- entries: verified envelopes in server order. envelope is NULL once compaction dropped it;
-- the row stays so that offsets stay dense and a re-sent envelope is still a duplicate.
CREATE TABLE entries (
	doc_id    INTEGER NOT NULL REFERENCES documents (id),
	off       INTEGER NOT NULL, -- offset, from 1, without gaps, per document
	author    BLOB NOT NULL,    -- e2ee.IdentityID, 32 bytes
	seq       INTEGER NOT NULL, -- the author's sequence number
	hash      BLOB NOT NULL,    -- SHA-256 of envelope
	stored_at INTEGER NOT NULL, -- Unix ms, for compaction's retention
	envelope  BLOB,
	PRIMARY KEY (doc_id, off),
	UNIQUE (doc_id, author, seq)
) STRICT;

-- snapshots: each document's newest snapshot, an entry of the document.
CREATE TABLE snapshots (
	doc_id INTEGER PRIMARY KEY REFERENCES documents (id),
	covers INTEGER NOT NULL, -- offset of the last entry the snapshot includes
	off    INTEGER NOT NULL, -- offset of the snapshot's own entry
	FOREIGN KEY (doc_id, off) REFERENCES entries (doc_id, off)
) STRICT;

-- ops: each document's signed membership operations, by sequence number from 1.
CREATE TABLE ops (
	doc_id INTEGER NOT NULL REFERENCES documents (id),
	seq    INTEGER NOT NULL,
	op     BLOB NOT NULL,
	PRIMARY KEY (doc_id, seq)
) STRICT;

-- blobs: encrypted attachments by the SHA-256 of their ciphertext, and uploads in progress.
CREATE TABLE blobs (
	id        INTEGER PRIMARY KEY,
	doc_id    INTEGER NOT NULL REFERENCES documents (id),
	hash      BLOB NOT NULL,    -- the blob's ID
	size      INTEGER NOT NULL, -- declared by the uploader
	received  INTEGER NOT NULL DEFAULT 0,
	committed INTEGER NOT NULL DEFAULT 0, -- 1 once all bytes arrived and hash to the ID
	UNIQUE (doc_id, hash)
) STRICT;

-- blob_chunks: a blob's bytes in the chunks they arrived in.
CREATE TABLE blob_chunks (
	blob_id INTEGER NOT NULL REFERENCES blobs (id) ON DELETE CASCADE,
	off     INTEGER NOT NULL, -- offset in the blob
	data    BLOB NOT NULL,
	PRIMARY KEY (blob_id, off)
) STRICT;
