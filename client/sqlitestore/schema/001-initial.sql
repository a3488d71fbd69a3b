-- 001: the first schema of the client's local store.
--
-- Sequence numbers and offsets are uint64 in Go and INTEGER (int64) here, converted bit for bit;
-- the values in use stay far below 2^63. Every row of a document references docs (id) with
-- ON DELETE CASCADE, so that deleting the document's row deletes all of it in one statement.

-- docs: one row per local document, with the small state that changes at every commit. The
-- content, changes, outbox and logs are rows of their own tables, so that committing a change
-- writes a few small rows and never rewrites the document.
CREATE TABLE docs (
	id             INTEGER PRIMARY KEY,
	doc            BLOB NOT NULL UNIQUE, -- e2ee.DocID, 16 bytes
	title          TEXT NOT NULL,        -- local name; lists sort by it, byte by byte
	cursor         INTEGER NOT NULL,     -- relay offset applied
	own_author     BLOB NOT NULL,        -- Own: this device's chain head (e2ee.ChainHead)
	own_seq        INTEGER NOT NULL,
	own_hash       BLOB NOT NULL,
	own_epoch      INTEGER NOT NULL,
	snapshot_at    INTEGER NOT NULL,     -- offset covered by the newest snapshot known
	since_snapshot INTEGER NOT NULL,     -- entries applied since
	changes_from   INTEGER NOT NULL,     -- n of the first change kept (changes.n)
	changes_to     INTEGER NOT NULL      -- n the next change gets; the count is to - from
) STRICT;

-- contents: each document as of its last compaction, apart from docs so that updating the
-- small row never copies it.
CREATE TABLE contents (
	doc_id  INTEGER PRIMARY KEY REFERENCES docs (id) ON DELETE CASCADE,
	content BLOB NOT NULL
) STRICT;

-- changes: the changes applied after the content, local and remote, in the order applied
-- (n increases without gaps; compaction deletes from the lowest).
CREATE TABLE changes (
	doc_id INTEGER NOT NULL REFERENCES docs (id) ON DELETE CASCADE,
	n      INTEGER NOT NULL,
	change BLOB NOT NULL,
	PRIMARY KEY (doc_id, n)
) STRICT;

-- heads: the reading chain as of the cursor, in the order given.
CREATE TABLE heads (
	doc_id INTEGER NOT NULL REFERENCES docs (id) ON DELETE CASCADE,
	pos    INTEGER NOT NULL,
	author BLOB NOT NULL,    -- e2ee.IdentityID, 32 bytes
	seq    INTEGER NOT NULL,
	hash   BLOB NOT NULL,    -- 32 bytes
	epoch  INTEGER NOT NULL,
	PRIMARY KEY (doc_id, pos)
) STRICT;

-- outbox: sealed envelopes not yet acknowledged by the relay, by this device's sequence number.
CREATE TABLE outbox (
	doc_id   INTEGER NOT NULL REFERENCES docs (id) ON DELETE CASCADE,
	seq      INTEGER NOT NULL,
	hash     BLOB NOT NULL,    -- SHA-256 of envelope
	epoch    INTEGER NOT NULL,
	covers   INTEGER NOT NULL, -- for a snapshot, the offset it covers; 0 otherwise
	envelope BLOB NOT NULL,
	change   BLOB NOT NULL,    -- the plaintext change, to seal again at a new epoch; empty for none
	PRIMARY KEY (doc_id, seq)
) STRICT;

-- log_ops: the membership log as the relay acknowledged it, in order (n from 1).
CREATE TABLE log_ops (
	doc_id INTEGER NOT NULL REFERENCES docs (id) ON DELETE CASCADE,
	n      INTEGER NOT NULL,
	op     BLOB NOT NULL,
	PRIMARY KEY (doc_id, n)
) STRICT;

-- pending_ops: signed operations not yet acknowledged, in order (n increases; acknowledged
-- ones are deleted from the lowest).
CREATE TABLE pending_ops (
	doc_id INTEGER NOT NULL REFERENCES docs (id) ON DELETE CASCADE,
	n      INTEGER NOT NULL,
	op     BLOB NOT NULL,
	PRIMARY KEY (doc_id, n)
) STRICT;

-- blobs: encrypted attachments by the SHA-256 of their ciphertext. AUTOINCREMENT: an ID is
-- never reused, so that a reader of a deleted blob cannot read a newer one by its ID.
CREATE TABLE blobs (
	id       INTEGER PRIMARY KEY AUTOINCREMENT,
	doc_id   INTEGER NOT NULL REFERENCES docs (id) ON DELETE CASCADE,
	hash     BLOB NOT NULL,
	size     INTEGER NOT NULL,
	uploaded INTEGER NOT NULL DEFAULT 0, -- 1 once the relay has it
	UNIQUE (doc_id, hash)
) STRICT;

-- blob_chunks: a blob's bytes in chunks of up to 1 MiB, so that no blob is one huge value.
CREATE TABLE blob_chunks (
	blob_id INTEGER NOT NULL REFERENCES blobs (id) ON DELETE CASCADE,
	off     INTEGER NOT NULL, -- offset in the blob
	data    BLOB NOT NULL,
	PRIMARY KEY (blob_id, off)
) STRICT;
