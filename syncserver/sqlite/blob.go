package sqlite

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"errors"
	"fmt"
	"io"

	"github.com/mobio-sync/mobio/e2ee"
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
	var r *blobReader
	err := s.readTx(ctx, func(tx *sql.Tx) error {
		d, err := liveDoc(ctx, tx, doc)
		if err != nil {
			return err
		}
		b, err := lookupBlob(ctx, tx, d.id, id)
		if err != nil {
			return err
		}
		if !b.committed {
			return fmt.Errorf("upload not committed: %w", syncserver.ErrNotFound)
		}
		r = &blobReader{ctx: ctx, db: s.rdb, docID: d.id, id: id, size: b.size}
		return nil
	})
	if err != nil {
		return nil, 0, fmt.Errorf("open blob %s of %s: %w", id, doc, err)
	}
	return r, r.size, nil
}

// blobReader reads a committed blob chunk by chunk.
type blobReader struct {
	// ctx is OpenBlob's: the reader belongs to that call, and its reads end with it.
	ctx   context.Context
	db    *sql.DB
	docID int64
	id    e2ee.Hash
	size  int64

	pos      int64
	chunkOff int64  // offset of chunk in the blob
	chunk    []byte // the chunk last read, nil before the first
	closed   bool
}

func (r *blobReader) Read(p []byte) (int, error) {
	if r.closed {
		return 0, errors.New("read blob: reader closed")
	}
	if r.pos >= r.size {
		return 0, io.EOF
	}
	if r.chunk == nil || r.pos < r.chunkOff || r.pos >= r.chunkOff+int64(len(r.chunk)) {
		if err := r.load(); err != nil {
			return 0, err
		}
	}
	n := copy(p, r.chunk[r.pos-r.chunkOff:])
	r.pos += int64(n)
	return n, nil
}

// load reads the chunk holding r.pos.
func (r *blobReader) load() error {
	var off int64
	var data []byte
	err := r.db.QueryRowContext(r.ctx,
		`SELECT c.off, c.data FROM blob_chunks c JOIN blobs b ON b.id = c.blob_id
		 WHERE b.doc_id = ? AND b.hash = ? AND b.committed = 1 AND c.off <= ? ORDER BY c.off DESC LIMIT 1`,
		r.docID, r.id[:], r.pos).Scan(&off, &data)
	if err == sql.ErrNoRows {
		err = syncserver.ErrNotFound
	}
	if err != nil {
		return fmt.Errorf("read blob %s at %d: %w", r.id, r.pos, err)
	}
	if r.pos >= off+int64(len(data)) {
		return fmt.Errorf("read blob %s at %d: chunks end at %d: %w", r.id, r.pos, off+int64(len(data)), syncserver.ErrNotFound)
	}
	r.chunkOff, r.chunk = off, data
	return nil
}

func (r *blobReader) Seek(offset int64, whence int) (int64, error) {
	var abs int64
	switch whence {
	case io.SeekStart:
		abs = offset
	case io.SeekCurrent:
		abs = r.pos + offset
	case io.SeekEnd:
		abs = r.size + offset
	default:
		return 0, errors.New("seek blob: invalid whence")
	}
	if abs < 0 {
		return 0, errors.New("seek blob: negative position")
	}
	r.pos = abs
	return abs, nil
}

func (r *blobReader) Close() error {
	r.closed = true
	r.chunk = nil
	return nil
}
