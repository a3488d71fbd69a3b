package sqlitestore

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/mobio-sync/mobio/client"
	"github.com/mobio-sync/mobio/e2ee"
	"github.com/mobio-sync/mobio/internal/sqlitedb"
)

// Blobs live in the database as rows of up to chunkSize bytes (blob_chunks), so that deleting a
// document removes them in its transaction and no blob is one value held in memory whole.
const chunkSize = 1 << 20

// PutBlob implements [client.Store]. It first reads r to the end: a blob of up to one chunk
// into memory, a larger one into a temporary file beside the database (ciphertext only). Only
// then does it take the write lock, so that a slow reader holds up no other writer. A blob
// stored already is not stored again, but r is still read to its end, so that a writer
// feeding it through a pipe is not left blocked.
func (s *Store) PutBlob(ctx context.Context, doc e2ee.DocID, id e2ee.Hash, r io.Reader) error {
	if err := s.putBlob(ctx, doc, id, r); err != nil {
		return fmt.Errorf("store blob %s of %s: %w", id, doc, err)
	}
	return nil
}

func (s *Store) putBlob(ctx context.Context, doc e2ee.DocID, id e2ee.Hash, r io.Reader) error {
	// A missing document, or a blob stored already: nothing to read.
	var stored bool
	err := s.readTx(ctx, func(tx *sql.Tx) error {
		d, err := lookupDoc(ctx, tx, doc)
		if err != nil {
			return err
		}
		stored, err = blobExists(ctx, tx, d.id, id)
		return err
	})
	if err != nil {
		return err
	}
	if stored {
		_, err := io.Copy(io.Discard, ctxReader{ctx, r})
		return err
	}
	sp, err := s.spool(ctx, r)
	if err != nil {
		return err
	}
	defer sp.close()
	return s.writeTx(ctx, func(tx *sql.Tx) error {
		d, err := lookupDoc(ctx, tx, doc) // it may have gone while r was read
		if err != nil {
			return err
		}
		if stored, err := blobExists(ctx, tx, d.id, id); err != nil || stored {
			return err
		}
		res, err := tx.ExecContext(ctx, "INSERT INTO blobs (doc_id, hash, size) VALUES (?, ?, ?)", d.id, id[:], sp.size)
		if err != nil {
			return err
		}
		blobID, err := res.LastInsertId()
		if err != nil {
			return err
		}
		buf := sp.head
		if sp.file != nil {
			buf = make([]byte, chunkSize)
		}
		for off := int64(0); off < sp.size; off += chunkSize {
			chunk := buf[:min(chunkSize, sp.size-off)]
			if sp.file != nil {
				if _, err := sp.file.ReadAt(chunk, off); err != nil {
					return fmt.Errorf("read spooled blob: %w", err)
				}
			}
			if _, err := tx.ExecContext(ctx, "INSERT INTO blob_chunks (blob_id, off, data) VALUES (?, ?, ?)", blobID, off, chunk); err != nil {
				return err
			}
		}
		return nil
	})
}

func blobExists(ctx context.Context, tx *sql.Tx, docID int64, id e2ee.Hash) (bool, error) {
	var n int
	err := tx.QueryRowContext(ctx, "SELECT COUNT(*) FROM blobs WHERE doc_id = ? AND hash = ?", docID, id[:]).Scan(&n)
	return n > 0, err
}

// spooled is a blob read to its end: in head when it fits in one chunk, else in file.
type spooled struct {
	head []byte
	file *os.File
	size int64
}

func (sp *spooled) close() {
	if sp.file != nil {
		sp.file.Close()
		os.Remove(sp.file.Name())
	}
}

// spoolPattern names the temporary files of PutBlob beside the database at path; Open
// removes those that a crash left behind.
func spoolPattern(path string) string { return "." + filepath.Base(path) + "-blob-*" }

// spool reads r to its end.
func (s *Store) spool(ctx context.Context, r io.Reader) (*spooled, error) {
	cr := ctxReader{ctx, r}
	buf := make([]byte, chunkSize)
	n, err := io.ReadFull(cr, buf)
	switch {
	case err == io.EOF || err == io.ErrUnexpectedEOF:
		return &spooled{head: buf[:n], size: int64(n)}, nil
	case err != nil:
		return nil, fmt.Errorf("read blob: %w", err)
	}
	f, err := os.CreateTemp(filepath.Dir(s.path), spoolPattern(s.path))
	if err != nil {
		return nil, fmt.Errorf("spool blob: %w", err)
	}
	sp := &spooled{file: f}
	if _, err := f.Write(buf); err != nil {
		sp.close()
		return nil, fmt.Errorf("spool blob: %w", err)
	}
	rest, err := io.CopyBuffer(f, cr, buf)
	if err != nil {
		sp.close()
		return nil, fmt.Errorf("spool blob: %w", err)
	}
	sp.size = int64(n) + rest
	return sp, nil
}

// removeSpools removes the temporary files that PutBlob calls killed with their process left
// beside the database at path. A file that another process is writing right now is unlinked
// under it, which it does not notice (or, on Windows, cannot be removed); either way that
// call goes on.
func removeSpools(path string) {
	names, _ := filepath.Glob(filepath.Join(filepath.Dir(path), spoolPattern(path)))
	for _, name := range names {
		os.Remove(name)
	}
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

// OpenBlob implements [client.Store]. The reader reads one chunk at a time, each in a read
// transaction of its own, under OpenBlob's ctx: it reads nothing once ctx ends, and reports
// ErrNotFound for a blob deleted while it is read.
func (s *Store) OpenBlob(ctx context.Context, doc e2ee.DocID, id e2ee.Hash) (io.ReadSeekCloser, int64, error) {
	var (
		blobID int64 // never reused (AUTOINCREMENT): a deleted blob's chunks stay missing
		size   int64
	)
	err := s.readTx(ctx, func(tx *sql.Tx) error {
		d, err := lookupDoc(ctx, tx, doc)
		if err != nil {
			return err
		}
		err = tx.QueryRowContext(ctx, "SELECT id, size FROM blobs WHERE doc_id = ? AND hash = ?", d.id, id[:]).Scan(&blobID, &size)
		if errors.Is(err, sql.ErrNoRows) {
			return client.ErrNotFound
		}
		return err
	})
	if err != nil {
		return nil, 0, fmt.Errorf("open blob %s of %s: %w", id, doc, err)
	}
	r := sqlitedb.NewChunkReader(ctx, s.rdb, sqlitedb.Chunks{
		Query:       "SELECT off, data FROM blob_chunks WHERE blob_id = ? AND off <= ? ORDER BY off DESC LIMIT 1",
		Args:        []any{blobID},
		Size:        size,
		Name:        "blob " + id.String(),
		ErrNotFound: client.ErrNotFound,
	})
	return r, size, nil
}

// Blobs implements [client.Store], ordered by document, then blob ID.
func (s *Store) Blobs(ctx context.Context, doc e2ee.DocID) ([]client.BlobRecord, error) {
	var out []client.BlobRecord
	err := s.readTx(ctx, func(tx *sql.Tx) error {
		query := "SELECT d.doc, b.hash, b.size, b.uploaded FROM blobs b JOIN docs d ON d.id = b.doc_id"
		var args []any
		if !doc.IsZero() {
			query += " WHERE d.doc = ?"
			args = append(args, doc[:])
		}
		rows, err := tx.QueryContext(ctx, query+" ORDER BY d.doc, b.hash", args...)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var b client.BlobRecord
			var d, h []byte
			if err := rows.Scan(&d, &h, &b.Size, &b.Uploaded); err != nil {
				return err
			}
			if err := scanArray(b.Doc[:], d, "document ID"); err != nil {
				return err
			}
			if err := scanArray(b.ID[:], h, "blob ID"); err != nil {
				return err
			}
			out = append(out, b)
		}
		return rows.Err()
	})
	if err != nil {
		return nil, fmt.Errorf("list blobs of %s: %w", doc, err)
	}
	return out, nil
}

// BlobUploaded implements [client.Store].
func (s *Store) BlobUploaded(ctx context.Context, doc e2ee.DocID, id e2ee.Hash) error {
	err := s.writeTx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, "UPDATE blobs SET uploaded = 1 WHERE doc_id = (SELECT id FROM docs WHERE doc = ?) AND hash = ?", doc[:], id[:])
		if err != nil {
			return err
		}
		return mustAffect(res)
	})
	if err != nil {
		return fmt.Errorf("mark blob %s of %s uploaded: %w", id, doc, err)
	}
	return nil
}
