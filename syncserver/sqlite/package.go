package sqlite

import (
	"bytes"
	"context"
	"crypto/sha256"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"time"

	"github.com/mobio-sync/mobio/e2ee"
	"github.com/mobio-sync/mobio/internal/sqlitedb"
	"github.com/mobio-sync/mobio/protocol"
	"github.com/mobio-sync/mobio/syncserver"
)

// Disclosure packages live in the database like blobs, as chunks (package_chunks), so that a
// fetch holds one chunk in memory at a time and an erasure or withdrawal deletes them in one
// transaction; secure_delete overwrites their bytes in the pages (see the package doc for the
// WAL and the file's free space).

var _ syncserver.PackageStore = (*Store)(nil)

// packageChunk is the size of the chunks a package is stored in.
const packageChunk = 1 << 20

// packageRow is a package's row; hash is nil once the package is gone.
type packageRow struct {
	id      int64
	docID   int64
	hash    []byte
	size    int64
	expires int64
}

func lookupPackage(ctx context.Context, tx *sql.Tx, id protocol.PackageID) (packageRow, error) {
	var p packageRow
	err := tx.QueryRowContext(ctx, "SELECT id, doc_id, hash, size, expires FROM packages WHERE pkg = ?", id[:]).
		Scan(&p.id, &p.docID, &p.hash, &p.size, &p.expires)
	if err == sql.ErrNoRows {
		return p, syncserver.ErrNotFound
	}
	if err != nil {
		return p, fmt.Errorf("read package: %w", err)
	}
	return p, nil
}

// PutPackage implements [syncserver.PackageStore].
func (s *Store) PutPackage(ctx context.Context, doc e2ee.DocID, id protocol.PackageID, ciphertext []byte, expires time.Time) (bool, error) {
	sum := sha256.Sum256(ciphertext)
	var created bool
	err := s.writeTx(ctx, func(tx *sql.Tx) error {
		d, err := liveDoc(ctx, tx, doc)
		if err != nil {
			return err
		}
		switch p, err := lookupPackage(ctx, tx, id); {
		case err == nil && p.docID == d.id && bytes.Equal(p.hash, sum[:]):
			return nil // re-sent
		case err == nil:
			return fmt.Errorf("package ID taken: %w", syncserver.ErrConflict)
		case !errors.Is(err, syncserver.ErrNotFound):
			return err
		}
		res, err := tx.ExecContext(ctx, "INSERT INTO packages (pkg, doc_id, hash, size, expires) VALUES (?, ?, ?, ?, ?)",
			id[:], d.id, sum[:], len(ciphertext), expires.Unix())
		if err != nil {
			return err
		}
		row, err := res.LastInsertId()
		if err != nil {
			return err
		}
		for off := 0; off < len(ciphertext); off += packageChunk {
			chunk := ciphertext[off:min(off+packageChunk, len(ciphertext))]
			if _, err := tx.ExecContext(ctx, "INSERT INTO package_chunks (package_id, off, data) VALUES (?, ?, ?)", row, off, chunk); err != nil {
				return err
			}
		}
		if _, err := tx.ExecContext(ctx, "UPDATE documents SET bytes = bytes + ? WHERE id = ?", len(ciphertext), d.id); err != nil {
			return err
		}
		created = true
		return nil
	})
	if err != nil {
		return false, fmt.Errorf("put package of %s: %w", doc, err)
	}
	return created, nil
}

// OpenPackage implements [syncserver.PackageStore]. The reader reads one chunk at a time,
// each in its own read transaction; a package withdrawn while it is read reports ErrNotFound.
func (s *Store) OpenPackage(ctx context.Context, id protocol.PackageID) (io.ReadSeekCloser, syncserver.PackageInfo, error) {
	var p packageRow
	var docBytes []byte
	err := s.readTx(ctx, func(tx *sql.Tx) (err error) {
		if p, err = lookupPackage(ctx, tx, id); err != nil {
			return err
		}
		if p.hash == nil {
			return fmt.Errorf("package gone: %w", syncserver.ErrNotFound)
		}
		return tx.QueryRowContext(ctx, "SELECT doc FROM documents WHERE id = ?", p.docID).Scan(&docBytes)
	})
	if err != nil {
		return nil, syncserver.PackageInfo{}, fmt.Errorf("open package: %w", err)
	}
	if len(docBytes) != len(e2ee.DocID{}) {
		return nil, syncserver.PackageInfo{}, fmt.Errorf("open package: corrupt document ID of %d bytes", len(docBytes))
	}
	info := syncserver.PackageInfo{ID: id, Doc: e2ee.DocID(docBytes), Size: p.size, Expires: time.Unix(p.expires, 0)}
	r := sqlitedb.NewChunkReader(ctx, s.rdb, sqlitedb.Chunks{
		Query:       "SELECT off, data FROM package_chunks WHERE package_id = ? AND off <= ? ORDER BY off DESC LIMIT 1",
		Args:        []any{p.id},
		Size:        p.size,
		Name:        "package",
		ErrNotFound: syncserver.ErrNotFound,
	})
	return r, info, nil
}

// WithdrawPackage implements [syncserver.PackageStore].
func (s *Store) WithdrawPackage(ctx context.Context, doc e2ee.DocID, id protocol.PackageID) error {
	err := s.writeTx(ctx, func(tx *sql.Tx) error {
		d, err := liveDoc(ctx, tx, doc)
		if err != nil {
			return err
		}
		p, err := lookupPackage(ctx, tx, id)
		switch {
		case err != nil:
			return err
		case p.docID != d.id:
			return fmt.Errorf("package of another document: %w", syncserver.ErrNotFound)
		case p.hash == nil:
			return nil // gone before
		}
		return dropPackage(ctx, tx, p)
	})
	if err != nil {
		return fmt.Errorf("withdraw package of %s: %w", doc, err)
	}
	return nil
}

// dropPackage deletes p's bytes and keeps its row as a tombstone of the ID.
func dropPackage(ctx context.Context, tx *sql.Tx, p packageRow) error {
	if _, err := tx.ExecContext(ctx, "DELETE FROM package_chunks WHERE package_id = ?", p.id); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, "UPDATE packages SET hash = NULL, size = 0 WHERE id = ?", p.id); err != nil {
		return err
	}
	_, err := tx.ExecContext(ctx, "UPDATE documents SET bytes = bytes - ? WHERE id = ?", p.size, p.docID)
	return err
}

// Packages implements [syncserver.PackageStore].
func (s *Store) Packages(ctx context.Context, doc e2ee.DocID) ([]syncserver.PackageInfo, error) {
	var out []syncserver.PackageInfo
	err := s.readTx(ctx, func(tx *sql.Tx) error {
		d, err := liveDoc(ctx, tx, doc)
		if err != nil {
			return err
		}
		rows, err := tx.QueryContext(ctx, "SELECT pkg, size, expires FROM packages WHERE doc_id = ? AND hash IS NOT NULL ORDER BY expires, pkg", d.id)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var pkg []byte
			info := syncserver.PackageInfo{Doc: doc}
			var expires int64
			if err := rows.Scan(&pkg, &info.Size, &expires); err != nil {
				return err
			}
			if len(pkg) != len(info.ID) {
				return fmt.Errorf("corrupt package ID of %d bytes", len(pkg))
			}
			info.ID = protocol.PackageID(pkg)
			info.Expires = time.Unix(expires, 0)
			out = append(out, info)
		}
		return rows.Err()
	})
	if err != nil {
		return nil, fmt.Errorf("list packages of %s: %w", doc, err)
	}
	return out, nil
}

// ExpirePackages implements [syncserver.PackageStore], in one transaction.
func (s *Store) ExpirePackages(ctx context.Context, now, forgetBefore time.Time) ([]syncserver.PackageInfo, error) {
	var out []syncserver.PackageInfo
	err := s.writeTx(ctx, func(tx *sql.Tx) error {
		out = out[:0]
		rows, err := tx.QueryContext(ctx, `SELECT p.id, p.pkg, p.doc_id, d.doc, p.size, p.expires FROM packages p
			JOIN documents d ON d.id = p.doc_id
			WHERE p.hash IS NOT NULL AND p.expires <= ?`, now.Unix())
		if err != nil {
			return err
		}
		var gone []packageRow
		for rows.Next() {
			var p packageRow
			var pkg, doc []byte
			if err := rows.Scan(&p.id, &pkg, &p.docID, &doc, &p.size, &p.expires); err != nil {
				rows.Close()
				return err
			}
			if len(pkg) != len(protocol.PackageID{}) || len(doc) != len(e2ee.DocID{}) {
				rows.Close()
				return fmt.Errorf("corrupt package row %d", p.id)
			}
			gone = append(gone, p)
			out = append(out, syncserver.PackageInfo{ID: protocol.PackageID(pkg), Doc: e2ee.DocID(doc), Size: p.size, Expires: time.Unix(p.expires, 0)})
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
		for _, p := range gone {
			if err := dropPackage(ctx, tx, p); err != nil {
				return err
			}
		}
		_, err = tx.ExecContext(ctx, "DELETE FROM packages WHERE hash IS NULL AND expires < ?", forgetBefore.Unix())
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("expire packages: %w", err)
	}
	if len(out) > 0 {
		s.log.Info("expired packages deleted", "packages", len(out))
	}
	return out, nil
}
