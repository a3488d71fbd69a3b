package sqlite

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"errors"
	"fmt"
	"io"

	"github.com/mobio-sync/mobio/e2ee"
	"github.com/mobio-sync/mobio/internal/sqlitedb"
	"github.com/mobio-sync/mobio/syncserver"
)

// Blobs live in the database as the chunks they were uploaded in (blob_chunks), so that an
// erasure removes them in the same transaction as the rest of the document.

type blobRow struct {
	id        int64
	size      int64
	received  int64
	committed bool
}

func lookupBlob(ctx context.Context, tx *sql.Tx, docID int64, id e2ee.Hash) (blobRow, error) {
	var b blobRow
	err := tx.QueryRowContext(ctx, "SELECT id, size, received, committed FROM blobs WHERE doc_id = ? AND hash = ?", docID, id[:]).
		Scan(&b.id, &b.size, &b.received, &b.committed)
	if err == sql.ErrNoRows {
		return b, syncserver.ErrNotFound
	}
	if err != nil {
		return b, fmt.Errorf("read blob: %w", err)
	}
	return b, nil
}

// PutBlobChunk implements [syncserver.BlobStore].
func (s *Store) PutBlobChunk(ctx context.Context, doc e2ee.DocID, id e2ee.Hash, offset int64, data []byte, total int64) (int64, error) {
	var received int64
	err := s.writeTx(ctx, func(tx *sql.Tx) error {
		if total < 0 || total > s.opts.MaxBlobBytes {
			return fmt.Errorf("blob of %d bytes, limit %d: %w", total, s.opts.MaxBlobBytes, syncserver.ErrTooLarge)
		}
		d, err := liveDoc(ctx, tx, doc)
		if err != nil {
			return err
		}
		b, err := lookupBlob(ctx, tx, d.id, id)
		switch {
		case errors.Is(err, syncserver.ErrNotFound):
			if offset != 0 {
				return fmt.Errorf("chunk at %d of a new upload: %w", offset, syncserver.ErrUploadOffset)
			}
			res, err := tx.ExecContext(ctx, "INSERT INTO blobs (doc_id, hash, size) VALUES (?, ?, ?)", d.id, id[:], total)
			if err != nil {
				return err
			}
			if b.id, err = res.LastInsertId(); err != nil {
				return err
			}
			b.size = total
		case err != nil:
			return err
		case b.committed:
			received = b.size
			return nil
		case b.size != total:
			return fmt.Errorf("chunk declares %d bytes, upload declared %d: %w", total, b.size, syncserver.ErrConflict)
		}
		received = b.received
		switch {
		case offset != b.received:
			return fmt.Errorf("chunk at %d, received %d: %w", offset, b.received, syncserver.ErrUploadOffset)
		case int64(len(data)) > total-offset:
			return fmt.Errorf("chunk of %d bytes at %d of %d: %w", len(data), offset, total, syncserver.ErrTooLarge)
		case len(data) == 0:
			return nil
		}
		if _, err := tx.ExecContext(ctx, "INSERT INTO blob_chunks (blob_id, off, data) VALUES (?, ?, ?)", b.id, offset, data); err != nil {
			return err
		}
		received = offset + int64(len(data))
		if _, err := tx.ExecContext(ctx, "UPDATE blobs SET received = ? WHERE id = ?", received, b.id); err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, "UPDATE documents SET bytes = bytes + ? WHERE id = ?", len(data), d.id)
		return err
	})
	if err != nil {
		return received, fmt.Errorf("put chunk of blob %s of %s: %w", id, doc, err)
	}
	return received, nil
}

// CommitBlob implements [syncserver.BlobStore].
func (s *Store) CommitBlob(ctx context.Context, doc e2ee.DocID, id e2ee.Hash) error {
	var mismatch bool
	err := s.writeTx(ctx, func(tx *sql.Tx) error {
		d, err := liveDoc(ctx, tx, doc)
		if err != nil {
			return err
		}
		b, err := lookupBlob(ctx, tx, d.id, id)
		switch {
		case err != nil:
			return err
		case b.committed:
			return nil
		case b.received < b.size:
			return fmt.Errorf("received %d of %d bytes: %w", b.received, b.size, syncserver.ErrIncomplete)
		}
		h := sha256.New()
		rows, err := tx.QueryContext(ctx, "SELECT data FROM blob_chunks WHERE blob_id = ? ORDER BY off", b.id)
		if err != nil {
			return err
		}
		for rows.Next() {
			var data sql.RawBytes
			if err := rows.Scan(&data); err != nil {
				rows.Close()
				return err
			}
			h.Write(data)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
		if e2ee.Hash(h.Sum(nil)) != id {
			// Discard the upload in this transaction, and report the mismatch after it.
			mismatch = true
			if _, err := tx.ExecContext(ctx, "DELETE FROM blobs WHERE id = ?", b.id); err != nil {
				return err
			}
			_, err = tx.ExecContext(ctx, "UPDATE documents SET bytes = bytes - ? WHERE id = ?", b.received, d.id)
			return err
		}
		_, err = tx.ExecContext(ctx, "UPDATE blobs SET committed = 1 WHERE id = ?", b.id)
		return err
	})
	if err == nil && mismatch {
		err = syncserver.ErrHashMismatch
	}
	if err != nil {
		return fmt.Errorf("commit blob %s of %s: %w", id, doc, err)
	}
	return nil
}

// BlobInfo implements [syncserver.BlobStore].
func (s *Store) BlobInfo(ctx context.Context, doc e2ee.DocID, id e2ee.Hash) (syncserver.BlobInfo, error) {
	var info syncserver.BlobInfo
	err := s.readTx(ctx, func(tx *sql.Tx) error {
		d, err := liveDoc(ctx, tx, doc)
		if err != nil {
			return err
		}
		b, err := lookupBlob(ctx, tx, d.id, id)
		info = syncserver.BlobInfo{Size: b.size, Received: b.received, Committed: b.committed}
		return err
	})
	if err != nil {
		return syncserver.BlobInfo{}, fmt.Errorf("read blob %s of %s: %w", id, doc, err)
	}
	return info, nil
}

// OpenBlob implements [syncserver.BlobStore]. The reader reads one chunk at a time, each in
// its own read transaction; a blob erased while it is read reports ErrNotFound.
func (s *Store) OpenBlob(ctx context.Context, doc e2ee.DocID, id e2ee.Hash) (io.ReadSeekCloser, int64, error) {
	var b blobRow
	var d docRow
	err := s.readTx(ctx, func(tx *sql.Tx) (err error) {
		if d, err = liveDoc(ctx, tx, doc); err != nil {
			return err
		}
		if b, err = lookupBlob(ctx, tx, d.id, id); err != nil {
			return err
		}
		if !b.committed {
			return fmt.Errorf("upload not committed: %w", syncserver.ErrNotFound)
		}
		return nil
	})
	if err != nil {
		return nil, 0, fmt.Errorf("open blob %s of %s: %w", id, doc, err)
	}
	// Each chunk is looked up by document and hash, committed: after an erasure (or a
	// re-upload under a new row) the rest of the blob reads as missing.
	r := sqlitedb.NewChunkReader(ctx, s.rdb, sqlitedb.Chunks{
		Query: `SELECT c.off, c.data FROM blob_chunks c JOIN blobs b ON b.id = c.blob_id
		 WHERE b.doc_id = ? AND b.hash = ? AND b.committed = 1 AND c.off <= ? ORDER BY c.off DESC LIMIT 1`,
		Args:        []any{d.id, id[:]},
		Size:        b.size,
		Name:        "blob " + id.String(),
		ErrNotFound: syncserver.ErrNotFound,
	})
	return r, b.size, nil
}
