package sqlite

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/mobio-sync/mobio/e2ee"
	"github.com/mobio-sync/mobio/syncserver"
)

// Each public method is one transaction: writeTx or readTx around lower-case helpers that take
// the *sql.Tx. Appends are the exception that proves the rule: the group committer puts many
// calls in one transaction (commit.go).

// writeTx runs fn in one transaction on the write connection and commits it.
func (s *Store) writeTx(ctx context.Context, fn func(tx *sql.Tx) error) error {
	tx, err := s.wdb.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("begin transaction: %w", err)
	}
	if err := fn(tx); err != nil {
		tx.Rollback()
		return err
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("commit: %w", err)
	}
	s.ckpt.committed()
	return nil
}

// readTx runs fn in one read transaction, so that it sees one state of the database.
func (s *Store) readTx(ctx context.Context, fn func(tx *sql.Tx) error) error {
	tx, err := s.rdb.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return fmt.Errorf("begin read transaction: %w", err)
	}
	defer tx.Rollback()
	return fn(tx)
}

// docRow is a document's row.
type docRow struct {
	id     int64
	head   uint64
	ops    uint64
	bytes  int64
	erased bool
}

const selectDoc = "SELECT id, head, ops, bytes, erased_at FROM documents WHERE doc = ?"

// scanDoc scans a row of selectDoc: ErrNotFound for none and, if live, ErrErased for an
// erased document.
func scanDoc(row *sql.Row, live bool) (docRow, error) {
	var d docRow
	var erasedAt sql.NullInt64
	err := row.Scan(&d.id, &d.head, &d.ops, &d.bytes, &erasedAt)
	switch {
	case err == sql.ErrNoRows:
		return d, syncserver.ErrNotFound
	case err != nil:
		return d, fmt.Errorf("read document: %w", err)
	}
	d.erased = erasedAt.Valid
	if live && d.erased {
		return d, syncserver.ErrErased
	}
	return d, nil
}

// lookupDoc returns doc's row, or ErrNotFound.
func lookupDoc(ctx context.Context, tx *sql.Tx, doc e2ee.DocID) (docRow, error) {
	return scanDoc(tx.QueryRowContext(ctx, selectDoc, doc[:]), false)
}

// liveDoc returns the row of doc, which must exist and not be erased.
func liveDoc(ctx context.Context, tx *sql.Tx, doc e2ee.DocID) (docRow, error) {
	return scanDoc(tx.QueryRowContext(ctx, selectDoc, doc[:]), true)
}

// sqlLimit turns "limit <= 0 means all" into SQLite's LIMIT, where -1 means all.
func sqlLimit(limit int) int {
	if limit <= 0 {
		return -1
	}
	return limit
}

// CreateDocument implements [syncserver.DocumentStore].
func (s *Store) CreateDocument(ctx context.Context, doc e2ee.DocID, genesisOp []byte) error {
	err := s.writeTx(ctx, func(tx *sql.Tx) error {
		switch d, err := lookupDoc(ctx, tx, doc); {
		case err == nil && d.erased:
			return syncserver.ErrErased
		case err == nil:
			return syncserver.ErrExists
		case !errors.Is(err, syncserver.ErrNotFound):
			return err
		}
		res, err := tx.ExecContext(ctx, "INSERT INTO documents (doc, ops) VALUES (?, 1)", doc[:])
		if err != nil {
			return err
		}
		id, err := res.LastInsertId()
		if err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, "INSERT INTO ops (doc_id, seq, op) VALUES (?, 1, ?)", id, genesisOp)
		return err
	})
	if err != nil {
		return fmt.Errorf("create document %s: %w", doc, err)
	}
	return nil
}

// AppendOp implements [syncserver.DocumentStore].
func (s *Store) AppendOp(ctx context.Context, doc e2ee.DocID, seq uint64, signedOp []byte) error {
	err := s.writeTx(ctx, func(tx *sql.Tx) error {
		d, err := liveDoc(ctx, tx, doc)
		if err != nil {
			return err
		}
		switch {
		case seq == 0:
			return fmt.Errorf("%w: operation sequence number 0", e2ee.ErrMalformed)
		case seq <= d.ops:
			var stored []byte
			if err := tx.QueryRowContext(ctx, "SELECT op FROM ops WHERE doc_id = ? AND seq = ?", d.id, seq).Scan(&stored); err != nil {
				return fmt.Errorf("read operation: %w", err)
			}
			if !bytes.Equal(stored, signedOp) {
				return fmt.Errorf("operation %d, log has %d: %w", seq, d.ops, syncserver.ErrStaleHead)
			}
			return nil
		case seq > d.ops+1:
			return fmt.Errorf("operation %d, log has %d: %w", seq, d.ops, syncserver.ErrSequenceGap)
		}
		if _, err := tx.ExecContext(ctx, "INSERT INTO ops (doc_id, seq, op) VALUES (?, ?, ?)", d.id, seq, signedOp); err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, "UPDATE documents SET ops = ? WHERE id = ?", seq, d.id)
		return err
	})
	if err != nil {
		return fmt.Errorf("append operation to %s: %w", doc, err)
	}
	return nil
}

// Ops implements [syncserver.DocumentStore].
func (s *Store) Ops(ctx context.Context, doc e2ee.DocID, after uint64, limit int) ([][]byte, error) {
	var ops [][]byte
	err := s.readTx(ctx, func(tx *sql.Tx) error {
		d, err := liveDoc(ctx, tx, doc)
		if err != nil {
			return err
		}
		rows, err := tx.QueryContext(ctx, "SELECT op FROM ops WHERE doc_id = ? AND seq > ? ORDER BY seq LIMIT ?", d.id, after, sqlLimit(limit))
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var op []byte
			if err := rows.Scan(&op); err != nil {
				return err
			}
			ops = append(ops, op)
		}
		return rows.Err()
	})
	if err != nil {
		return nil, fmt.Errorf("read operations of %s: %w", doc, err)
	}
	return ops, nil
}

// Erase implements [syncserver.DocumentStore]. Rows are deleted and their bytes overwritten
// in the database pages; [Store.Vacuum] returns the space to the file system.
func (s *Store) Erase(ctx context.Context, doc e2ee.DocID, tombstone []byte) error {
	err := s.writeTx(ctx, func(tx *sql.Tx) error {
		d, err := liveDoc(ctx, tx, doc)
		if err != nil {
			return err
		}
		for _, q := range []string{
			"DELETE FROM snapshots WHERE doc_id = ?",
			"DELETE FROM entries WHERE doc_id = ?",
			"DELETE FROM ops WHERE doc_id = ?",
			"DELETE FROM blobs WHERE doc_id = ?",    // chunks follow by ON DELETE CASCADE
			"DELETE FROM packages WHERE doc_id = ?", // likewise
		} {
			if _, err := tx.ExecContext(ctx, q, d.id); err != nil {
				return err
			}
		}
		_, err = tx.ExecContext(ctx, "UPDATE documents SET erased_at = ?, tombstone = ?, bytes = 0 WHERE id = ?",
			s.now().UnixMilli(), tombstone, d.id)
		return err
	})
	if err != nil {
		return fmt.Errorf("erase %s: %w", doc, err)
	}
	s.log.Info("document erased", "doc", doc.String())
	return nil
}

// Tombstone implements [syncserver.DocumentStore].
func (s *Store) Tombstone(ctx context.Context, doc e2ee.DocID) ([]byte, bool, error) {
	var t []byte
	var erased bool
	err := s.readTx(ctx, func(tx *sql.Tx) error {
		var erasedAt sql.NullInt64
		err := tx.QueryRowContext(ctx, "SELECT erased_at, tombstone FROM documents WHERE doc = ?", doc[:]).Scan(&erasedAt, &t)
		if err == sql.ErrNoRows {
			return nil
		}
		erased = erasedAt.Valid
		return err
	})
	if err != nil {
		return nil, false, fmt.Errorf("read tombstone of %s: %w", doc, err)
	}
	if !erased {
		return nil, false, nil
	}
	return t, true, nil
}

// Usage implements [syncserver.DocumentStore].
func (s *Store) Usage(ctx context.Context, doc e2ee.DocID) (int64, error) {
	var n int64
	err := s.readTx(ctx, func(tx *sql.Tx) error {
		d, err := liveDoc(ctx, tx, doc)
		n = d.bytes
		return err
	})
	if err != nil {
		return 0, fmt.Errorf("read usage of %s: %w", doc, err)
	}
	return n, nil
}

// ReadRange implements [syncserver.LogStore].
func (s *Store) ReadRange(ctx context.Context, doc e2ee.DocID, after uint64, limit int) ([]syncserver.Entry, error) {
	var out []syncserver.Entry
	err := s.readTx(ctx, func(tx *sql.Tx) error {
		d, err := liveDoc(ctx, tx, doc)
		if err != nil {
			return err
		}
		rows, err := tx.QueryContext(ctx,
			"SELECT off, envelope FROM entries WHERE doc_id = ? AND off > ? AND envelope IS NOT NULL ORDER BY off LIMIT ?",
			d.id, after, sqlLimit(limit))
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var e syncserver.Entry
			if err := rows.Scan(&e.Offset, &e.Envelope); err != nil {
				return err
			}
			out = append(out, e)
		}
		return rows.Err()
	})
	if err != nil {
		return nil, fmt.Errorf("read entries of %s after %d: %w", doc, after, err)
	}
	return out, nil
}

// Head implements [syncserver.LogStore].
func (s *Store) Head(ctx context.Context, doc e2ee.DocID) (uint64, error) {
	var head uint64
	err := s.readTx(ctx, func(tx *sql.Tx) error {
		d, err := liveDoc(ctx, tx, doc)
		head = d.head
		return err
	})
	if err != nil {
		return 0, fmt.Errorf("read head of %s: %w", doc, err)
	}
	return head, nil
}

// AuthorHeads implements [syncserver.LogStore].
func (s *Store) AuthorHeads(ctx context.Context, doc e2ee.DocID) (map[e2ee.IdentityID]syncserver.AuthorHead, error) {
	heads := map[e2ee.IdentityID]syncserver.AuthorHead{}
	err := s.readTx(ctx, func(tx *sql.Tx) error {
		d, err := liveDoc(ctx, tx, doc)
		if err != nil {
			return err
		}
		// With max(), SQLite takes the other bare columns from the row holding the maximum.
		rows, err := tx.QueryContext(ctx, "SELECT author, max(seq), hash FROM entries WHERE doc_id = ? GROUP BY author", d.id)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var author, hash []byte
			var h syncserver.AuthorHead
			if err := rows.Scan(&author, &h.Seq, &hash); err != nil {
				return err
			}
			if len(author) != len(e2ee.IdentityID{}) || len(hash) != len(e2ee.Hash{}) {
				return fmt.Errorf("corrupt entry: author of %d bytes, hash of %d", len(author), len(hash))
			}
			h.Hash = e2ee.Hash(hash)
			heads[e2ee.IdentityID(author)] = h
		}
		return rows.Err()
	})
	if err != nil {
		return nil, fmt.Errorf("read author heads of %s: %w", doc, err)
	}
	return heads, nil
}

// PutSnapshot implements [syncserver.SnapshotStore]. It runs in its own transaction, not
// through the group committer.
func (s *Store) PutSnapshot(ctx context.Context, doc e2ee.DocID, covers uint64, env e2ee.VerifiedEnvelope) (syncserver.Appended, error) {
	var a syncserver.Appended
	err := s.writeTx(ctx, func(tx *sql.Tx) error {
		if env.IsZero() || env.Header().Kind != e2ee.KindSnapshot {
			return fmt.Errorf("%w: not a snapshot envelope", e2ee.ErrMalformed)
		}
		d, err := liveDoc(ctx, tx, doc)
		if err != nil {
			return err
		}
		var stored, storedOff uint64
		var storedHash []byte
		switch err := tx.QueryRowContext(ctx,
			"SELECT s.covers, s.off, e.hash FROM snapshots s JOIN entries e ON e.doc_id = s.doc_id AND e.off = s.off WHERE s.doc_id = ?",
			d.id).Scan(&stored, &storedOff, &storedHash); {
		case err == nil && stored == covers && bytes.Equal(storedHash, hashOf(env)):
			// The same snapshot again: acknowledged again, stored once.
			a = syncserver.Appended{Offset: storedOff, Duplicate: true}
			return nil
		case err == nil && stored >= covers:
			return fmt.Errorf("covers %d, stored snapshot covers %d: %w", covers, stored, syncserver.ErrStaleSnapshot)
		case err != nil && err != sql.ErrNoRows:
			return fmt.Errorf("read snapshot: %w", err)
		}
		out, err := appendTx(ctx, s.stmts.in(ctx, tx), doc, []e2ee.VerifiedEnvelope{env}, s.now().UnixMilli())
		if err != nil {
			return err
		}
		a = out[0]
		if covers >= a.Offset {
			return fmt.Errorf("covers %d, snapshot at offset %d: %w", covers, a.Offset, syncserver.ErrBeyondHead)
		}
		_, err = tx.ExecContext(ctx, "INSERT OR REPLACE INTO snapshots (doc_id, covers, off) VALUES (?, ?, ?)", d.id, covers, a.Offset)
		return err
	})
	if err != nil {
		return syncserver.Appended{}, fmt.Errorf("put snapshot of %s: %w", doc, err)
	}
	return a, nil
}

// Snapshot implements [syncserver.SnapshotStore].
func (s *Store) Snapshot(ctx context.Context, doc e2ee.DocID) (syncserver.Snapshot, bool, error) {
	var snap syncserver.Snapshot
	var found bool
	err := s.readTx(ctx, func(tx *sql.Tx) error {
		d, err := liveDoc(ctx, tx, doc)
		if err != nil {
			return err
		}
		err = tx.QueryRowContext(ctx,
			"SELECT s.covers, s.off, e.envelope FROM snapshots s JOIN entries e ON e.doc_id = s.doc_id AND e.off = s.off WHERE s.doc_id = ?",
			d.id).Scan(&snap.Covers, &snap.Offset, &snap.Envelope)
		if err == sql.ErrNoRows {
			return nil
		}
		found = err == nil
		return err
	})
	if err != nil {
		return syncserver.Snapshot{}, false, fmt.Errorf("read snapshot of %s: %w", doc, err)
	}
	return snap, found, nil
}

func hashOf(v e2ee.VerifiedEnvelope) []byte {
	h := v.Hash()
	return h[:]
}
