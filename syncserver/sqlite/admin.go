package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"time"

	"github.com/mobio-sync/mobio/e2ee"
	"github.com/mobio-sync/mobio/syncserver"
)

// Compact implements [syncserver.Compactor]: it drops the envelopes of doc's entries up to the
// newest snapshot's Covers that were stored before olderThan. Their rows stay (offset, author,
// sequence number, hash: about a hundred bytes each), so that offsets stay dense and a re-sent
// envelope is still recognised.
func (s *Store) Compact(ctx context.Context, doc e2ee.DocID, olderThan time.Time) (int, error) {
	var n int
	err := s.writeTx(ctx, func(tx *sql.Tx) error {
		d, err := liveDoc(ctx, tx, doc)
		if err != nil {
			return err
		}
		var covers uint64
		switch err := tx.QueryRowContext(ctx, "SELECT covers FROM snapshots WHERE doc_id = ?", d.id).Scan(&covers); {
		case err == sql.ErrNoRows:
			return nil
		case err != nil:
			return err
		}
		const where = "WHERE doc_id = ? AND off <= ? AND stored_at < ? AND envelope IS NOT NULL"
		var dropped int64
		if err := tx.QueryRowContext(ctx, "SELECT count(*), coalesce(sum(length(envelope)), 0) FROM entries "+where,
			d.id, covers, olderThan.UnixMilli()).Scan(&n, &dropped); err != nil {
			return err
		}
		if n == 0 {
			return nil
		}
		if _, err := tx.ExecContext(ctx, "UPDATE entries SET envelope = NULL "+where, d.id, covers, olderThan.UnixMilli()); err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, "UPDATE documents SET bytes = bytes - ? WHERE id = ?", dropped, d.id)
		return err
	})
	if err != nil {
		return 0, fmt.Errorf("compact %s: %w", doc, err)
	}
	if n > 0 {
		s.log.Info("document compacted", "doc", doc.String(), "entries", n)
	}
	return n, nil
}

// Compactable implements [syncserver.Compactor]. Compact drops every covered envelope stored
// before its cutoff, and the entries a snapshot covers were stored before it, so a document
// whose entry at the snapshot's Covers has lost its envelope has nothing left to drop.
func (s *Store) Compactable(ctx context.Context, olderThan time.Time) ([]e2ee.DocID, error) {
	var out []e2ee.DocID
	err := s.readTx(ctx, func(tx *sql.Tx) error {
		rows, err := tx.QueryContext(ctx, `SELECT d.doc FROM snapshots s
			JOIN documents d ON d.id = s.doc_id
			JOIN entries own ON own.doc_id = s.doc_id AND own.off = s.off
			JOIN entries last ON last.doc_id = s.doc_id AND last.off = s.covers
			WHERE d.erased_at IS NULL AND own.stored_at < ? AND last.envelope IS NOT NULL`,
			olderThan.UnixMilli())
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var b []byte
			if err := rows.Scan(&b); err != nil {
				return err
			}
			if len(b) != len(e2ee.DocID{}) {
				return fmt.Errorf("corrupt document ID of %d bytes", len(b))
			}
			out = append(out, e2ee.DocID(b))
		}
		return rows.Err()
	})
	if err != nil {
		return nil, fmt.Errorf("list compactable documents: %w", err)
	}
	return out, nil
}

// Backup implements [syncserver.Backuper] with VACUUM INTO: a consistent, compacted copy of
// the database as of one moment, written while appends go on. path must not exist.
func (s *Store) Backup(ctx context.Context, path string) error {
	if _, err := os.Stat(path); err == nil {
		return fmt.Errorf("back up to %s: %w", path, fs.ErrExist)
	} else if !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("back up to %s: %w", path, err)
	}
	// A connection of its own keeps the copy off the writer's connection: appends go on.
	db, err := sql.Open("sqlite", dsn(s.path, connBackup))
	if err != nil {
		return fmt.Errorf("back up to %s: %w", path, err)
	}
	defer db.Close()
	if _, err := db.ExecContext(ctx, "VACUUM INTO ?", path); err != nil {
		return fmt.Errorf("back up to %s: %w", path, err)
	}
	s.log.Info("store backed up", "path", path)
	return nil
}

// Vacuum rebuilds the database so that the space of erased and compacted rows returns to the
// file system, and truncates the WAL, which may still hold copies of erased pages. It holds
// the write connection while it runs, so appends wait; run it when the relay is quiet.
func (s *Store) Vacuum(ctx context.Context) error {
	before := s.fileBytes()
	if _, err := s.wdb.ExecContext(ctx, "VACUUM"); err != nil {
		return fmt.Errorf("vacuum: %w", err)
	}
	// The old pages stay in the WAL until a checkpoint truncates it; one that meets a reader
	// (or the background checkpointer) reports busy instead of failing, so try again.
	ctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	for delay := time.Millisecond; ; delay = min(2*delay, 100*time.Millisecond) {
		var busy, logFrames, done int
		if err := s.wdb.QueryRowContext(ctx, "PRAGMA wal_checkpoint(TRUNCATE)").Scan(&busy, &logFrames, &done); err != nil {
			return fmt.Errorf("vacuum: checkpoint: %w", err)
		}
		if busy == 0 {
			break
		}
		select {
		case <-ctx.Done():
			return fmt.Errorf("vacuum: checkpoint: %w", ctx.Err())
		case <-time.After(delay):
		}
	}
	s.log.Info("store vacuumed", "bytes_before", before, "bytes_after", s.fileBytes())
	return nil
}

// Stats implements [syncserver.Statser].
func (s *Store) Stats(ctx context.Context) (syncserver.Stats, error) {
	var st syncserver.Stats
	err := s.readTx(ctx, func(tx *sql.Tx) error {
		for _, q := range []struct {
			sql  string
			dest []any
		}{
			{"SELECT count(*) FILTER (WHERE erased_at IS NULL), count(*) FILTER (WHERE erased_at IS NOT NULL) FROM documents",
				[]any{&st.Documents, &st.Erased}},
			{"SELECT count(*), coalesce(sum(length(envelope)), 0) FROM entries WHERE envelope IS NOT NULL",
				[]any{&st.Entries, &st.EntryBytes}},
			{"SELECT count(*), coalesce(sum(length(e.envelope)), 0) FROM snapshots s JOIN entries e ON e.doc_id = s.doc_id AND e.off = s.off",
				[]any{&st.Snapshots, &st.SnapshotBytes}},
			{"SELECT count(*), coalesce(sum(size), 0) FROM blobs WHERE committed = 1",
				[]any{&st.Blobs, &st.BlobBytes}},
		} {
			if err := tx.QueryRowContext(ctx, q.sql).Scan(q.dest...); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return syncserver.Stats{}, fmt.Errorf("read stats: %w", err)
	}
	st.FileBytes = s.fileBytes()
	return st, nil
}
