package sqlitestore

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/mobio-sync/mobio/client"
	"github.com/mobio-sync/mobio/e2ee"
	"github.com/mobio-sync/mobio/protocol"
)

// docRow is the part of a document's docs row that the write methods need.
type docRow struct {
	id            int64
	ownSeq        uint64
	snapshotAt    protocol.Offset
	sinceSnapshot int
	changesFrom   int64
	changesTo     int64
}

// lookupDoc returns id's row, or ErrNotFound.
func lookupDoc(ctx context.Context, tx *sql.Tx, id e2ee.DocID) (docRow, error) {
	var d docRow
	var ownSeq, snapshotAt int64
	err := tx.QueryRowContext(ctx,
		"SELECT id, own_seq, snapshot_at, since_snapshot, changes_from, changes_to FROM docs WHERE doc = ?", id[:]).
		Scan(&d.id, &ownSeq, &snapshotAt, &d.sinceSnapshot, &d.changesFrom, &d.changesTo)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return d, client.ErrNotFound
	case err != nil:
		return d, fmt.Errorf("read document: %w", err)
	}
	d.ownSeq, d.snapshotAt = uint64(ownSeq), protocol.Offset(snapshotAt)
	return d, nil
}

// checkOutbox checks that entries are in strictly increasing sequence order, which is the
// order Outbox returns them in.
func checkOutbox(entries []client.OutboxEntry) error {
	for i := 1; i < len(entries); i++ {
		if entries[i].Seq <= entries[i-1].Seq {
			return fmt.Errorf("outbox entry %d has seq %d after %d: want increasing", i, entries[i].Seq, entries[i-1].Seq)
		}
	}
	return nil
}

// CreateDoc implements [client.Store].
func (s *Store) CreateDoc(ctx context.Context, rec client.DocRecord) error {
	err := s.writeTx(ctx, func(tx *sql.Tx) error {
		if rec.ID.IsZero() {
			return errors.New("zero document ID")
		}
		if err := checkOutbox(rec.Outbox); err != nil {
			return err
		}
		if _, err := lookupDoc(ctx, tx, rec.ID); err == nil {
			return client.ErrExists
		} else if !errors.Is(err, client.ErrNotFound) {
			return err
		}
		res, err := tx.ExecContext(ctx,
			`INSERT INTO docs (doc, title, cursor, own_author, own_seq, own_hash, own_epoch,
			 snapshot_at, since_snapshot, changes_from, changes_to) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 1, 1)`,
			rec.ID[:], rec.Title, i64(rec.Cursor), rec.Own.Author[:], i64(rec.Own.Seq), rec.Own.Hash[:], i64(rec.Own.Epoch),
			i64(rec.SnapshotAt), rec.SinceSnapshot)
		if err != nil {
			return err
		}
		d := docRow{changesFrom: 1, changesTo: 1}
		if d.id, err = res.LastInsertId(); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, "INSERT INTO contents (doc_id, content) VALUES (?, ?)", d.id, nz(rec.Content)); err != nil {
			return err
		}
		if err := appendChanges(ctx, tx, &d, rec.Changes); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, "UPDATE docs SET changes_to = ? WHERE id = ?", d.changesTo, d.id); err != nil {
			return err
		}
		if err := insertHeads(ctx, tx, d.id, rec.Heads); err != nil {
			return err
		}
		if err := insertOutbox(ctx, tx, d.id, rec.Outbox); err != nil {
			return err
		}
		if err := appendOps(ctx, tx, "log_ops", d.id, rec.Log); err != nil {
			return err
		}
		return appendOps(ctx, tx, "pending_ops", d.id, rec.PendingOps)
	})
	if err != nil {
		return fmt.Errorf("create document %s: %w", rec.ID, err)
	}
	return nil
}

// appendChanges inserts changes after d's last and moves d.changesTo on; the caller writes
// changes_to.
func appendChanges(ctx context.Context, tx *sql.Tx, d *docRow, changes [][]byte) error {
	for _, c := range changes {
		if _, err := tx.ExecContext(ctx, "INSERT INTO changes (doc_id, n, change) VALUES (?, ?, ?)", d.id, d.changesTo, nz(c)); err != nil {
			return err
		}
		d.changesTo++
	}
	return nil
}

func insertHeads(ctx context.Context, tx *sql.Tx, docID int64, heads []e2ee.ChainHead) error {
	for i, h := range heads {
		if _, err := tx.ExecContext(ctx, "INSERT INTO heads (doc_id, pos, author, seq, hash, epoch) VALUES (?, ?, ?, ?, ?, ?)",
			docID, i, h.Author[:], i64(h.Seq), h.Hash[:], i64(h.Epoch)); err != nil {
			return err
		}
	}
	return nil
}

func insertOutbox(ctx context.Context, tx *sql.Tx, docID int64, entries []client.OutboxEntry) error {
	for _, e := range entries {
		if _, err := tx.ExecContext(ctx, "INSERT INTO outbox (doc_id, seq, hash, epoch, covers, envelope, change) VALUES (?, ?, ?, ?, ?, ?, ?)",
			docID, i64(e.Seq), e.Hash[:], i64(e.Epoch), i64(e.Covers), nz(e.Envelope), nz(e.Change)); err != nil {
			return err
		}
	}
	return nil
}

// appendOps appends ops to table (log_ops or pending_ops) after the document's last.
func appendOps(ctx context.Context, tx *sql.Tx, table string, docID int64, ops [][]byte) error {
	if len(ops) == 0 {
		return nil
	}
	var next int64
	if err := tx.QueryRowContext(ctx, "SELECT COALESCE(MAX(n), 0) + 1 FROM "+table+" WHERE doc_id = ?", docID).Scan(&next); err != nil {
		return err
	}
	for i, op := range ops {
		if _, err := tx.ExecContext(ctx, "INSERT INTO "+table+" (doc_id, n, op) VALUES (?, ?, ?)", docID, next+int64(i), nz(op)); err != nil {
			return err
		}
	}
	return nil
}

// LoadDoc implements [client.Store].
func (s *Store) LoadDoc(ctx context.Context, id e2ee.DocID) (client.DocRecord, error) {
	rec := client.DocRecord{ID: id}
	err := s.readTx(ctx, func(tx *sql.Tx) error {
		var docID, cursor, ownSeq, ownEpoch, snapshotAt int64
		var ownAuthor, ownHash []byte
		err := tx.QueryRowContext(ctx,
			`SELECT id, title, cursor, own_author, own_seq, own_hash, own_epoch, snapshot_at, since_snapshot
			 FROM docs WHERE doc = ?`, id[:]).
			Scan(&docID, &rec.Title, &cursor, &ownAuthor, &ownSeq, &ownHash, &ownEpoch, &snapshotAt, &rec.SinceSnapshot)
		switch {
		case errors.Is(err, sql.ErrNoRows):
			return client.ErrNotFound
		case err != nil:
			return fmt.Errorf("read document: %w", err)
		}
		rec.Cursor, rec.SnapshotAt = protocol.Offset(cursor), protocol.Offset(snapshotAt)
		rec.Own.Seq, rec.Own.Epoch = uint64(ownSeq), e2ee.Epoch(ownEpoch)
		if err := scanArray(rec.Own.Author[:], ownAuthor, "author"); err != nil {
			return err
		}
		if err := scanArray(rec.Own.Hash[:], ownHash, "hash"); err != nil {
			return err
		}
		if err := tx.QueryRowContext(ctx, "SELECT content FROM contents WHERE doc_id = ?", docID).Scan(&rec.Content); err != nil {
			return fmt.Errorf("read content: %w", err)
		}
		rec.Content = nilIfEmpty(rec.Content)
		if rec.Changes, err = readBlobs(ctx, tx, "SELECT change FROM changes WHERE doc_id = ? ORDER BY n", docID); err != nil {
			return fmt.Errorf("read changes: %w", err)
		}
		if rec.Log, err = readBlobs(ctx, tx, "SELECT op FROM log_ops WHERE doc_id = ? ORDER BY n", docID); err != nil {
			return fmt.Errorf("read log: %w", err)
		}
		if rec.PendingOps, err = readBlobs(ctx, tx, "SELECT op FROM pending_ops WHERE doc_id = ? ORDER BY n", docID); err != nil {
			return fmt.Errorf("read pending operations: %w", err)
		}
		if rec.Heads, err = readHeads(ctx, tx, docID); err != nil {
			return fmt.Errorf("read heads: %w", err)
		}
		if rec.Outbox, err = readOutbox(ctx, tx, docID); err != nil {
			return fmt.Errorf("read outbox: %w", err)
		}
		return nil
	})
	if err != nil {
		return client.DocRecord{}, fmt.Errorf("load document %s: %w", id, err)
	}
	return rec, nil
}

// readBlobs returns the one BLOB column of query's rows.
func readBlobs(ctx context.Context, tx *sql.Tx, query string, args ...any) ([][]byte, error) {
	rows, err := tx.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out [][]byte
	for rows.Next() {
		var b []byte // Scan into []byte copies: the slice is the caller's
		if err := rows.Scan(&b); err != nil {
			return nil, err
		}
		out = append(out, b)
	}
	return out, rows.Err()
}

func readHeads(ctx context.Context, tx *sql.Tx, docID int64) ([]e2ee.ChainHead, error) {
	rows, err := tx.QueryContext(ctx, "SELECT author, seq, hash, epoch FROM heads WHERE doc_id = ? ORDER BY pos", docID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []e2ee.ChainHead
	for rows.Next() {
		var h e2ee.ChainHead
		var author, hash []byte
		var seq, epoch int64
		if err := rows.Scan(&author, &seq, &hash, &epoch); err != nil {
			return nil, err
		}
		if err := scanArray(h.Author[:], author, "author"); err != nil {
			return nil, err
		}
		if err := scanArray(h.Hash[:], hash, "hash"); err != nil {
			return nil, err
		}
		h.Seq, h.Epoch = uint64(seq), e2ee.Epoch(epoch)
		out = append(out, h)
	}
	return out, rows.Err()
}

func readOutbox(ctx context.Context, tx *sql.Tx, docID int64) ([]client.OutboxEntry, error) {
	rows, err := tx.QueryContext(ctx, "SELECT seq, hash, epoch, covers, envelope, change FROM outbox WHERE doc_id = ? ORDER BY seq", docID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []client.OutboxEntry
	for rows.Next() {
		var e client.OutboxEntry
		var hash []byte
		var seq, epoch, covers int64
		if err := rows.Scan(&seq, &hash, &epoch, &covers, &e.Envelope, &e.Change); err != nil {
			return nil, err
		}
		if err := scanArray(e.Hash[:], hash, "hash"); err != nil {
			return nil, err
		}
		e.Seq, e.Epoch, e.Covers = uint64(seq), e2ee.Epoch(epoch), protocol.Offset(covers)
		e.Change = nilIfEmpty(e.Change)
		out = append(out, e)
	}
	return out, rows.Err()
}

// ListDocs implements [client.Store]. Titles compare byte by byte (SQLite's BINARY
// collation), then IDs.
func (s *Store) ListDocs(ctx context.Context) ([]client.DocSummary, error) {
	var out []client.DocSummary
	err := s.readTx(ctx, func(tx *sql.Tx) error {
		rows, err := tx.QueryContext(ctx,
			`SELECT d.doc, d.title, d.cursor, d.changes_to - d.changes_from,
			 (SELECT COUNT(*) FROM outbox o WHERE o.doc_id = d.id) + (SELECT COUNT(*) FROM pending_ops p WHERE p.doc_id = d.id)
			 FROM docs d ORDER BY d.title, d.doc`)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var sum client.DocSummary
			var doc []byte
			var cursor int64
			if err := rows.Scan(&doc, &sum.Title, &cursor, &sum.Changes, &sum.Pending); err != nil {
				return err
			}
			if err := scanArray(sum.ID[:], doc, "document ID"); err != nil {
				return err
			}
			sum.Cursor = protocol.Offset(cursor)
			out = append(out, sum)
		}
		return rows.Err()
	})
	if err != nil {
		return nil, fmt.Errorf("list documents: %w", err)
	}
	return out, nil
}

// DeleteDoc implements [client.Store]: the document's row, and with it (ON DELETE CASCADE)
// every row of the document.
func (s *Store) DeleteDoc(ctx context.Context, id e2ee.DocID) error {
	err := s.writeTx(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, "DELETE FROM docs WHERE doc = ?", id[:])
		return err
	})
	if err != nil {
		return fmt.Errorf("delete document %s: %w", id, err)
	}
	return nil
}

// SetTitle implements [client.Store].
func (s *Store) SetTitle(ctx context.Context, id e2ee.DocID, title string) error {
	err := s.writeTx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, "UPDATE docs SET title = ? WHERE doc = ?", title, id[:])
		if err != nil {
			return err
		}
		return mustAffect(res)
	})
	if err != nil {
		return fmt.Errorf("set title of %s: %w", id, err)
	}
	return nil
}

// mustAffect returns ErrNotFound unless the statement changed a row.
func mustAffect(res sql.Result) error {
	n, err := res.RowsAffected()
	if err != nil {
		return err
	}
	if n == 0 {
		return client.ErrNotFound
	}
	return nil
}
