-- 002: disclosure packages.

-- packages: disclosure packages by their random ID, each of one document. hash is NULL once
-- the package was withdrawn or expired: its chunks are deleted then, and the row only keeps
-- the ID taken (so that a replayed creation cannot bring the package back) until the sweep
-- forgets it after its expiry. documents.bytes counts size while the bytes are kept.
CREATE TABLE packages (
	id      INTEGER PRIMARY KEY,
	pkg     BLOB NOT NULL UNIQUE,                       -- protocol.PackageID, 16 bytes
	doc_id  INTEGER NOT NULL REFERENCES documents (id),
	hash    BLOB,                                       -- SHA-256 of the ciphertext; NULL once gone
	size    INTEGER NOT NULL,                           -- ciphertext bytes; 0 once gone
	expires INTEGER NOT NULL                            -- Unix seconds
) STRICT;

CREATE INDEX packages_by_doc ON packages (doc_id);
CREATE INDEX packages_by_expiry ON packages (expires);

-- package_chunks: a package's ciphertext in chunks, so that a fetch reads one at a time.
CREATE TABLE package_chunks (
	package_id INTEGER NOT NULL REFERENCES packages (id) ON DELETE CASCADE,
	off        INTEGER NOT NULL, -- offset in the ciphertext
	data       BLOB NOT NULL,
	PRIMARY KEY (package_id, off)
) STRICT;
