// Package sqlite is the relay's default [syncserver.Store]: one embedded SQLite database
// (modernc.org/sqlite, pure Go) in WAL mode, synced at every commit, with concurrent appends
// grouped into shared commits.
//
// # Durability and group commit
//
// Every write returns after its transaction is committed with synchronous=FULL, which in WAL
// mode syncs the log file at every commit. Concurrent [Store.AppendVerified] calls are
// handed to one writer goroutine, which puts all calls waiting at that moment into one
// transaction and one sync, and answers each caller after that commit. A call is checked in
// full before any of it is written, so one call's refusal does not undo another's. Under
// load a commit thus carries many appends; alone, an append costs one commit. There is no
// waiting for more calls: while one commit syncs, the next batch gathers. Other write methods
// run one transaction each on the same single write connection. Checkpoints, which copy the
// WAL into the database file, run in the background on a connection of their own, so that
// no commit waits for one (checkpoint.go).
//
// # Erasure and space
//
// [Store.Erase] deletes the document's rows, its disclosure packages among them, and a
// withdrawn or expired package loses its chunks the same way; secure_delete overwrites their
// bytes in the database pages. The file does not shrink, and copies of the old pages may stay in the WAL
// until the next checkpoint; [Store.Vacuum] rebuilds the database, which returns the space to
// the file system, and truncates the WAL.
//
// # Schema
//
// The schema is the migrations in schema/*.sql, embedded and applied by number at [Open]
// (see schema/README.md); a database written by a newer version is refused.
package sqlite

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"sync"
	"sync/atomic"
	"time"

	"github.com/mobio-sync/mobio/internal/sqlitedb"
	"github.com/mobio-sync/mobio/syncserver"
	_ "modernc.org/sqlite" // registers the "sqlite" driver
)

// Defaults of [Options].
const (
	DefaultMaxBlobBytes = 1 << 30 // one attachment
	DefaultReadConns    = 4       // concurrent readers; WAL lets them read while the writer commits
	DefaultMaxBatch     = 512     // AppendVerified calls grouped into one commit
	DefaultBusyTimeout  = 10 * time.Second
)

// Errors of opening and closing.
var (
	// ErrSchemaTooNew: the database was written by a newer version of mobio.
	ErrSchemaTooNew = errors.New("sqlite: database schema is newer than this program")
	// ErrClosed: the store is closed.
	ErrClosed = errors.New("sqlite: store closed")
)

// Options configure [Open]. The zero value is usable.
type Options struct {
	// Logger receives operational messages; never content. Default slog.Default().
	Logger *slog.Logger
	// MaxBlobBytes bounds the declared size of one blob. Default [DefaultMaxBlobBytes].
	MaxBlobBytes int64
	// ReadConns is the number of connections for reads. Default [DefaultReadConns].
	ReadConns int
	// MaxBatch bounds the AppendVerified calls in one commit. Default [DefaultMaxBatch].
	MaxBatch int
	// Now is the clock, for compaction's retention; a test seam. Default time.Now.
	Now func() time.Time
}

// Store is a [syncserver.Store] in one SQLite database. It also implements
// [syncserver.Compactor], [syncserver.Backuper], [syncserver.Statser] and
// [syncserver.PackageStore].
type Store struct {
	path   string
	log    *slog.Logger
	opts   Options
	wdb    *sql.DB // one connection: the only writer
	rdb    *sql.DB // read-only connections
	now    func() time.Time
	writer *groupCommitter
	ckpt   *checkpointer
	stmts  *appendStmts // prepared on wdb

	commits     atomic.Int64 // transactions committed by the group committer, for benchmarks
	checkpoints atomic.Int64 // background checkpoints run, for tests

	// mu guards closed and orders Close after every send to writer.reqs.
	mu     sync.RWMutex
	closed bool
}

var (
	_ syncserver.Store     = (*Store)(nil)
	_ syncserver.Compactor = (*Store)(nil)
	_ syncserver.Backuper  = (*Store)(nil)
	_ syncserver.Statser   = (*Store)(nil)
)

//go:embed schema/*.sql
var schemaFS embed.FS

// schema is the store's schema: the migrations in schema/.
var schema = sqlitedb.Schema{FS: schemaFS, Dir: "schema", ErrTooNew: ErrSchemaTooNew}

// Open opens or creates the database at path, brings its schema up to date and starts the
// group committer. The caller closes the store with [Store.Close].
func Open(ctx context.Context, path string, opts Options) (*Store, error) {
	if opts.Logger == nil {
		opts.Logger = slog.Default()
	}
	if opts.MaxBlobBytes <= 0 {
		opts.MaxBlobBytes = DefaultMaxBlobBytes
	}
	if opts.ReadConns <= 0 {
		opts.ReadConns = DefaultReadConns
	}
	if opts.MaxBatch <= 0 {
		opts.MaxBatch = DefaultMaxBatch
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	s := &Store{path: path, log: opts.Logger.With("component", "sqlite"), opts: opts, now: opts.Now}

	// The writer opens first: it sets WAL mode, which the read-only connections cannot.
	wdb, err := sqlitedb.OpenConn(dsn(path, connWriter))
	if err != nil {
		return nil, fmt.Errorf("open store %s: %w", path, err)
	}
	s.wdb = wdb
	version, err := schema.Migrate(ctx, wdb)
	if err != nil {
		wdb.Close()
		return nil, fmt.Errorf("open store %s: %w", path, err)
	}
	if s.stmts, err = prepareAppendStmts(ctx, wdb); err != nil {
		wdb.Close()
		return nil, fmt.Errorf("open store %s: %w", path, err)
	}
	rdb, err := sqlitedb.OpenPool(ctx, dsn(path, connReader), opts.ReadConns)
	if err != nil {
		wdb.Close()
		return nil, fmt.Errorf("open store %s: %w", path, err)
	}
	s.rdb = rdb
	if s.ckpt, err = newCheckpointer(s); err != nil {
		wdb.Close()
		rdb.Close()
		return nil, fmt.Errorf("open store %s: %w", path, err)
	}
	go s.ckpt.run()
	s.writer = newGroupCommitter(s)
	go s.writer.run()
	s.log.Info("store opened", "path", path, "schema", version)
	return s, nil
}

// connKind is what a connection is for; each kind has its settings.
type connKind int

const (
	connWriter     connKind = iota // the one connection that writes
	connReader                     // the pool of read-only connections
	connBackup                     // a connection of its own for VACUUM INTO
	connCheckpoint                 // the background checkpointer's connection
)

// pragmas are the settings of every connection, in this one place.
func pragmas(kind connKind) []string {
	p := []string{
		// A connection waits for a lock instead of failing at once: the writer holds it for
		// one commit, and a checkpoint or Vacuum briefly longer.
		fmt.Sprintf("busy_timeout(%d)", DefaultBusyTimeout.Milliseconds()),
		// The schema's references (entries → documents, chunks → blobs) are checked, so a
		// bug cannot leave rows of a document behind an erasure.
		"foreign_keys(ON)",
		// An acknowledged entry must survive a power loss: FULL syncs the WAL at every
		// commit. NORMAL would sync only at checkpoints and could lose the last commits.
		"synchronous(FULL)",
		// Erasure means the bytes are gone: deleted rows are overwritten with zeros instead
		// of lingering in free pages until reused.
		"secure_delete(ON)",
	}
	switch kind {
	case connWriter:
		// WAL: readers read while the writer commits, and a commit is one append and one
		// sync of the log file. It is a property of the file, set by the writer.
		p = append([]string{"journal_mode(WAL)"}, p...)
		// Checkpoints run in the background (checkpoint.go); the writer's own is a backstop.
		p = append(p, fmt.Sprintf("wal_autocheckpoint(%d)", backstopPages))
	case connReader:
		// Readers never write, even by mistake.
		p = append(p, "query_only(ON)")
	case connBackup, connCheckpoint:
		// VACUUM INTO only reads this database, but SQLite refuses it on a query_only
		// connection, since it writes another file; a checkpoint writes the database file.
	}
	return p
}

// dsn is the data source name of the database at path for a connection of kind. The
// writer's transactions take the write lock when they begin, so that two never deadlock
// upgrading from a read lock (there is only one writer, but Vacuum and migrations share its
// connection).
func dsn(path string, kind connKind) string {
	return sqlitedb.DSN(path, pragmas(kind), kind == connWriter)
}

// Close stops taking appends, waits until the group committer has committed and answered
// every append it took, and closes the database. If ctx ends first, Close returns its error
// and leaves the committer to finish; the database is closed then without waiting.
func (s *Store) Close(ctx context.Context) error {
	s.mu.Lock()
	if s.closed {
		s.mu.Unlock()
		return ErrClosed
	}
	s.closed = true
	close(s.writer.reqs)
	s.mu.Unlock()

	select {
	case <-s.writer.done:
	case <-ctx.Done():
		return fmt.Errorf("close store: drain appends: %w", ctx.Err())
	}
	ckptErr := s.ckpt.close()
	// A checkpoint folds the WAL into the database, so that the files at rest are one.
	if _, err := s.wdb.ExecContext(ctx, "PRAGMA wal_checkpoint(TRUNCATE)"); err != nil {
		s.log.Warn("checkpoint at close", "err", err)
	}
	err := errors.Join(ckptErr, s.rdb.Close(), s.wdb.Close())
	if err != nil {
		return fmt.Errorf("close store: %w", err)
	}
	s.log.Info("store closed", "path", s.path)
	return nil
}

// fileBytes is the size of the database and its WAL.
func (s *Store) fileBytes() int64 {
	var n int64
	for _, suffix := range []string{"", "-wal"} {
		if fi, err := os.Stat(s.path + suffix); err == nil {
			n += fi.Size()
		}
	}
	return n
}
