package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/mobio-sync/mobio/internal/sqlitedb"
)

// Checkpoints. In WAL mode a commit appends the changed pages to the WAL and syncs it; a
// checkpoint later copies them into the database file and syncs that. SQLite runs the
// checkpoint inside the commit that grows the WAL past its threshold, so that commit, and
// every append waiting for it, pays for the copy and a second sync: the relay's slowest
// acknowledgements were those. The store runs checkpoints on a connection of its own instead,
// in the background, at most every checkpointDelay while there are commits. An acknowledged
// append is durable at its WAL commit as before; only the copy leaves the acknowledgement's
// path. The writer keeps SQLite's own checkpoint at backstopPages, should the background ones
// fall behind.
const (
	checkpointDelay = 100 * time.Millisecond
	backstopPages   = 10000
)

// checkpointer runs passive checkpoints after commits.
type checkpointer struct {
	s    *Store
	db   *sql.DB       // one connection of kind connCheckpoint
	wake chan struct{} // cap 1: a commit happened
	stop chan struct{} // closed by Close
	done chan struct{} // closed when run returns
}

func newCheckpointer(s *Store) (*checkpointer, error) {
	db, err := sqlitedb.OpenConn(dsn(s.path, connCheckpoint))
	if err != nil {
		return nil, fmt.Errorf("open checkpoint connection: %w", err)
	}
	return &checkpointer{s: s, db: db, wake: make(chan struct{}, 1), stop: make(chan struct{}), done: make(chan struct{})}, nil
}

// committed tells the checkpointer that the WAL grew. It never waits.
func (c *checkpointer) committed() {
	select {
	case c.wake <- struct{}{}:
	default:
	}
}

// run checkpoints after commits until stop is closed.
func (c *checkpointer) run() {
	defer close(c.done)
	for {
		select {
		case <-c.stop:
			return
		case <-c.wake:
		}
		c.checkpoint()
		pause := time.NewTimer(checkpointDelay)
		select {
		case <-c.stop:
			pause.Stop()
			return
		case <-pause.C:
		}
	}
}

// checkpoint copies what it can of the WAL into the database without waiting for readers or
// the writer (PASSIVE); what it cannot copy yet waits for the next one.
func (c *checkpointer) checkpoint() {
	var busy, walPages, copied int
	err := c.db.QueryRowContext(context.Background(), "PRAGMA wal_checkpoint(PASSIVE)").Scan(&busy, &walPages, &copied)
	if err != nil {
		c.s.log.Warn("background checkpoint", "err", err)
		return
	}
	c.s.checkpoints.Add(1)
}

// close stops the checkpointer and closes its connection.
func (c *checkpointer) close() error {
	close(c.stop)
	<-c.done
	return c.db.Close()
}
