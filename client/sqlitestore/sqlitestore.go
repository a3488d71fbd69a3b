// Package sqlitestore is the native clients' [client.Store]: one SQLite database file
// (modernc.org/sqlite, pure Go) holding documents, their changes and membership logs, the
// outbox, reading cursors and encrypted attachments.
//
// # Durability
//
// Every method is one transaction, committed with synchronous=FULL in WAL mode, which syncs
// the log file at every commit: when a method returns nil, its effect survives a crash or a
// power loss; a process killed during it leaves nothing of it.
//
// # Several processes
//
// Two processes may use one file at once, such as `mobio sync --watch` and `mobio bio set`.
// Write transactions take the write lock when they begin and wait for it (busy_timeout)
// rather than fail, and readers never wait for writers (WAL). [Store.PutBlob] reads its
// reader to a temporary file before its transaction, so that a slow source (a download)
// never holds the write lock.
//
// # Deletion
//
// [Store.DeleteDoc] deletes the document's rows, and secure_delete overwrites their bytes in
// the database pages, since changes are plaintext. Copies of old pages may stay in the WAL
// until the next checkpoint, which SQLite runs as the WAL grows and when the last connection
// closes.
//
// # Schema
//
// The schema is the migrations in schema/*.sql, embedded and applied by number at [Open]
// (see schema/README.md); a database written by a newer version is refused.
package sqlitestore

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"sync/atomic"
	"time"

	"github.com/mobio-sync/mobio/client"
	"github.com/mobio-sync/mobio/internal/sqlitedb"
	_ "modernc.org/sqlite" // registers the "sqlite" driver
)

const (
	// busyTimeout is how long a transaction waits for another connection's (or process's)
	// write lock. Write transactions are short, apart from storing a large blob.
	busyTimeout = 10 * time.Second
	// readConns is the number of connections for reads: WAL lets them read while the writer
	// commits.
	readConns = 4
)

// Errors of opening and closing.
var (
	// ErrSchemaTooNew: the database was written by a newer version of mobio.
	ErrSchemaTooNew = errors.New("sqlitestore: database schema is newer than this program")
	// ErrClosed: the store is closed.
	ErrClosed = errors.New("sqlitestore: store closed")
)

// Store is a [client.Store] in one SQLite database. It is safe for concurrent use, also by
// several processes on one file.
type Store struct {
	path   string
	wdb    *sql.DB // one connection: this process's writer
	rdb    *sql.DB // read-only connections
	closed atomic.Bool
}

var _ client.Store = (*Store)(nil)

//go:embed schema/*.sql
var schemaFS embed.FS

// schema is the store's schema: the migrations in schema/.
var schema = sqlitedb.Schema{FS: schemaFS, Dir: "schema", ErrTooNew: ErrSchemaTooNew}

// Open opens or creates the database at path and brings its schema up to date. The caller
// closes the store with [Store.Close].
func Open(ctx context.Context, path string) (*Store, error) {
	s := &Store{path: path}
	// The writer opens first: it sets WAL mode, which the read-only connections cannot. One
	// writing connection per process: this process's writes queue in database/sql rather
	// than in SQLite's busy loop.
	wdb, err := sqlitedb.OpenConn(dsn(path, connWriter))
	if err != nil {
		return nil, fmt.Errorf("open store %s: %w", path, err)
	}
	// Another process may be switching the same new file at this moment: setting WAL mode
	// is retried for as long as a transaction would wait for a lock.
	if err := sqlitedb.SetWAL(ctx, wdb, busyTimeout); err != nil {
		wdb.Close()
		return nil, fmt.Errorf("open store %s: %w", path, err)
	}
	if _, err := schema.Migrate(ctx, wdb); err != nil {
		wdb.Close()
		return nil, fmt.Errorf("open store %s: %w", path, err)
	}
	rdb, err := sqlitedb.OpenPool(ctx, dsn(path, connReader), readConns)
	if err != nil {
		wdb.Close()
		return nil, fmt.Errorf("open store %s: %w", path, err)
	}
	s.wdb, s.rdb = wdb, rdb
	removeSpools(path)
	return s, nil
}

// Close closes the database. Calls after Close fail with [ErrClosed]; closing twice is not an
// error.
func (s *Store) Close() error {
	if s.closed.Swap(true) {
		return nil
	}
	// Readers first: the writer, closing last, checkpoints the WAL into the database when it
	// is the file's last connection.
	if err := errors.Join(s.rdb.Close(), s.wdb.Close()); err != nil {
		return fmt.Errorf("close store %s: %w", s.path, err)
	}
	return nil
}

// connKind is what a connection is for; each kind has its settings.
type connKind int

const (
	connWriter connKind = iota // the connection that writes
	connReader                 // the pool of read-only connections
)

// pragmas are the settings of every connection, in this one place, applied in order.
func pragmas(kind connKind) []string {
	p := []string{
		// First, so that the settings after it already wait: a connection waits for a lock
		// held by another connection or process instead of failing at once.
		fmt.Sprintf("busy_timeout(%d)", busyTimeout.Milliseconds()),
		// The schema's references are checked, and deleting a document cascades to all
		// its rows.
		"foreign_keys(ON)",
		// A method that returned must survive a power loss: FULL syncs the WAL at every
		// commit. NORMAL would sync only at checkpoints and could lose the last commits.
		"synchronous(FULL)",
		// A deleted document's plaintext changes do not linger in free pages.
		"secure_delete(ON)",
	}
	// journal_mode is not here but in Open (sqlitedb.SetWAL): it is a property of the file,
	// set once.
	if kind == connReader {
		// Readers never write, even by mistake.
		p = append(p, "query_only(ON)")
	}
	return p
}

// dsn is the data source name of the database at path for a connection of kind. The
// writer's transactions take the write lock when they begin, waiting for it with
// busy_timeout: a transaction that read first and then tried to write while another process
// wrote would fail with SQLITE_BUSY, which no wait resolves.
func dsn(path string, kind connKind) string {
	return sqlitedb.DSN(path, pragmas(kind), kind == connWriter)
}

// writeTx runs fn in one write transaction and commits it if fn returns nil.
func (s *Store) writeTx(ctx context.Context, fn func(tx *sql.Tx) error) error {
	if s.closed.Load() {
		return ErrClosed
	}
	if err := ctx.Err(); err != nil {
		return err
	}
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
	return nil
}

// readTx runs fn in one read transaction, so that it sees one state of the database.
func (s *Store) readTx(ctx context.Context, fn func(tx *sql.Tx) error) error {
	if s.closed.Load() {
		return ErrClosed
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	tx, err := s.rdb.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return fmt.Errorf("begin read transaction: %w", err)
	}
	defer tx.Rollback()
	return fn(tx)
}

// i64 converts a sequence number or offset to SQLite's INTEGER, bit for bit (database/sql
// refuses uint64 values of 2^63 and above).
func i64[T ~uint64 | ~uint32](v T) int64 { return int64(v) }

// nz is b, or an empty slice for nil: a nil []byte would be stored as NULL.
func nz(b []byte) []byte {
	if b == nil {
		return []byte{}
	}
	return b
}

// nilIfEmpty is b, or nil for an empty b: an empty Content or outbox Change is stored as an
// empty value and means none, which callers test with == nil.
func nilIfEmpty(b []byte) []byte {
	if len(b) == 0 {
		return nil
	}
	return b
}

// scanArray copies a scanned 16- or 32-byte column into dst, checking its length.
func scanArray(dst []byte, src []byte, what string) error {
	if len(src) != len(dst) {
		return fmt.Errorf("stored %s has %d bytes, want %d", what, len(src), len(dst))
	}
	copy(dst, src)
	return nil
}
