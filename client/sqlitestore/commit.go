package sqlitestore

import (
	"context"
	"database/sql"
	"fmt"
	"math"

	"github.com/mobio-sync/mobio/client"
	"github.com/mobio-sync/mobio/e2ee"
	"github.com/mobio-sync/mobio/protocol"
)

// CommitLocal implements [client.Store]: two inserts and an update of the document's row,
// whatever the document's size. An empty change (a receipt's or a snapshot's) joins no
// Changes. Own keeps its author and takes the entry's sequence number, hash and epoch.
func (s *Store) CommitLocal(ctx context.Context, id e2ee.DocID, change []byte, out client.OutboxEntry) error {
	err := s.writeTx(ctx, func(tx *sql.Tx) error {
		d, err := lookupDoc(ctx, tx, id)
		if err != nil {
			return err
		}
		if out.Seq != d.ownSeq+1 {
			return fmt.Errorf("outbox entry %d does not follow own entry %d", out.Seq, d.ownSeq)
		}
		if len(change) > 0 {
			if err := appendChanges(ctx, tx, &d, [][]byte{change}); err != nil {
				return err
			}
		}
		if err := insertOutbox(ctx, tx, d.id, []client.OutboxEntry{out}); err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, "UPDATE docs SET own_seq = ?, own_hash = ?, own_epoch = ?, changes_to = ? WHERE id = ?",
			i64(out.Seq), out.Hash[:], i64(out.Epoch), d.changesTo, d.id)
		return err
	})
	if err != nil {
		return fmt.Errorf("commit local change to %s: %w", id, err)
	}
	return nil
}

// CommitRemote implements [client.Store].
func (s *Store) CommitRemote(ctx context.Context, id e2ee.DocID, b client.RemoteBatch) error {
	err := s.writeTx(ctx, func(tx *sql.Tx) error {
		d, err := lookupDoc(ctx, tx, id)
		if err != nil {
			return err
		}
		if err := appendChanges(ctx, tx, &d, b.Changes); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, "DELETE FROM heads WHERE doc_id = ?", d.id); err != nil {
			return err
		}
		if err := insertHeads(ctx, tx, d.id, b.Heads); err != nil {
			return err
		}
		if b.SnapshotAt > d.snapshotAt {
			d.snapshotAt, d.sinceSnapshot = b.SnapshotAt, b.Applied
		} else {
			d.sinceSnapshot += b.Applied
		}
		_, err = tx.ExecContext(ctx, "UPDATE docs SET cursor = ?, snapshot_at = ?, since_snapshot = ?, changes_to = ? WHERE id = ?",
			i64(b.Cursor), i64(d.snapshotAt), d.sinceSnapshot, d.changesTo, d.id)
		return err
	})
	if err != nil {
		return fmt.Errorf("commit remote changes to %s: %w", id, err)
	}
	return nil
}

// Outbox implements [client.Store].
func (s *Store) Outbox(ctx context.Context, id e2ee.DocID) ([]client.OutboxEntry, error) {
	var out []client.OutboxEntry
	err := s.readTx(ctx, func(tx *sql.Tx) error {
		d, err := lookupDoc(ctx, tx, id)
		if err != nil {
			return err
		}
		out, err = readOutbox(ctx, tx, d.id)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("read outbox of %s: %w", id, err)
	}
	return out, nil
}

// Acked implements [client.Store].
func (s *Store) Acked(ctx context.Context, id e2ee.DocID, seq uint64) error {
	err := s.writeTx(ctx, func(tx *sql.Tx) error {
		d, err := lookupDoc(ctx, tx, id)
		if err != nil {
			return err
		}
		// Stored sequence numbers are below 2^63; a larger seq acknowledges all of them.
		_, err = tx.ExecContext(ctx, "DELETE FROM outbox WHERE doc_id = ? AND seq <= ?", d.id, int64(min(seq, math.MaxInt64)))
		return err
	})
	if err != nil {
		return fmt.Errorf("acknowledge outbox of %s up to %d: %w", id, seq, err)
	}
	return nil
}

// ReplaceOutbox implements [client.Store]. The entries must be in increasing sequence order.
func (s *Store) ReplaceOutbox(ctx context.Context, id e2ee.DocID, entries []client.OutboxEntry, own e2ee.ChainHead) error {
	err := s.writeTx(ctx, func(tx *sql.Tx) error {
		if err := checkOutbox(entries); err != nil {
			return err
		}
		d, err := lookupDoc(ctx, tx, id)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, "DELETE FROM outbox WHERE doc_id = ?", d.id); err != nil {
			return err
		}
		if err := insertOutbox(ctx, tx, d.id, entries); err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, "UPDATE docs SET own_author = ?, own_seq = ?, own_hash = ?, own_epoch = ? WHERE id = ?",
			own.Author[:], i64(own.Seq), own.Hash[:], i64(own.Epoch), d.id)
		return err
	})
	if err != nil {
		return fmt.Errorf("replace outbox of %s: %w", id, err)
	}
	return nil
}

// AppendOps implements [client.Store].
func (s *Store) AppendOps(ctx context.Context, id e2ee.DocID, ops [][]byte, pendingDone int) error {
	err := s.writeTx(ctx, func(tx *sql.Tx) error {
		d, err := lookupDoc(ctx, tx, id)
		if err != nil {
			return err
		}
		var pending int
		if err := tx.QueryRowContext(ctx, "SELECT COUNT(*) FROM pending_ops WHERE doc_id = ?", d.id).Scan(&pending); err != nil {
			return err
		}
		if pendingDone < 0 || pendingDone > pending {
			return fmt.Errorf("%d pending operations done, %d pending", pendingDone, pending)
		}
		if err := appendOps(ctx, tx, "log_ops", d.id, ops); err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx,
			"DELETE FROM pending_ops WHERE doc_id = ? AND n IN (SELECT n FROM pending_ops WHERE doc_id = ? ORDER BY n LIMIT ?)",
			d.id, d.id, pendingDone)
		return err
	})
	if err != nil {
		return fmt.Errorf("append operations to %s: %w", id, err)
	}
	return nil
}

// QueueOp implements [client.Store].
func (s *Store) QueueOp(ctx context.Context, id e2ee.DocID, op []byte) error {
	err := s.writeTx(ctx, func(tx *sql.Tx) error {
		d, err := lookupDoc(ctx, tx, id)
		if err != nil {
			return err
		}
		return appendOps(ctx, tx, "pending_ops", d.id, [][]byte{op})
	})
	if err != nil {
		return fmt.Errorf("queue operation of %s: %w", id, err)
	}
	return nil
}

// Compact implements [client.Store].
func (s *Store) Compact(ctx context.Context, id e2ee.DocID, content []byte, upTo int) error {
	err := s.writeTx(ctx, func(tx *sql.Tx) error {
		d, err := lookupDoc(ctx, tx, id)
		if err != nil {
			return err
		}
		if n := d.changesTo - d.changesFrom; upTo < 0 || int64(upTo) > n {
			return fmt.Errorf("compact %d changes of %d", upTo, n)
		}
		from := d.changesFrom + int64(upTo)
		if _, err := tx.ExecContext(ctx, "DELETE FROM changes WHERE doc_id = ? AND n < ?", d.id, from); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, "UPDATE contents SET content = ? WHERE doc_id = ?", nz(content), d.id); err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, "UPDATE docs SET changes_from = ? WHERE id = ?", from, d.id)
		return err
	})
	if err != nil {
		return fmt.Errorf("compact %s: %w", id, err)
	}
	return nil
}

// SnapshotTaken implements [client.Store].
func (s *Store) SnapshotTaken(ctx context.Context, id e2ee.DocID, covers protocol.Offset) error {
	err := s.writeTx(ctx, func(tx *sql.Tx) error {
		d, err := lookupDoc(ctx, tx, id)
		if err != nil || covers < d.snapshotAt {
			return err
		}
		_, err = tx.ExecContext(ctx, "UPDATE docs SET snapshot_at = ?, since_snapshot = 0 WHERE id = ?", i64(covers), d.id)
		return err
	})
	if err != nil {
		return fmt.Errorf("record snapshot of %s: %w", id, err)
	}
	return nil
}
