// Package sqlitedb holds what mobio's SQLite stores (client/sqlitestore and syncserver/sqlite)
// share that is SQLite's rather than either store's: data source names that apply pragmas to
// every connection, connection pools, the switch to WAL mode, schema migrations by number, and
// reading a value stored as rows of chunks.
//
// The stores keep what is theirs: which pragmas, and why (synchronous=FULL, secure_delete, …),
// how many connections, their schema files and their errors. This package applies them and
// decides none of them.
package sqlitedb

import (
	"context"
	"database/sql"
	"fmt"
	"net/url"
	"time"

	_ "modernc.org/sqlite" // registers the "sqlite" driver
)

// DSN is the data source name, for the "sqlite" driver of modernc.org/sqlite, of the database
// file at path. Every new connection runs pragmas in order, each written as the driver takes
// it, such as "busy_timeout(10000)". With immediate, write transactions take the write lock
// when they begin (BEGIN IMMEDIATE) and wait for it with busy_timeout: a deferred transaction
// that read first and then wrote while another connection wrote would fail with SQLITE_BUSY,
// which no wait resolves.
func DSN(path string, pragmas []string, immediate bool) string {
	q := url.Values{}
	for _, p := range pragmas {
		q.Add("_pragma", p)
	}
	if immediate {
		q.Set("_txlock", "immediate")
	}
	return "file:" + (&url.URL{Path: path}).EscapedPath() + "?" + q.Encode()
}

// OpenConn opens the database at dsn as one connection that stays open until Close: a
// process's only writer, whose writes then queue in database/sql rather than in SQLite's busy
// loop, or a connection kept apart for one task. It connects at first use.
func OpenConn(dsn string) (*sql.DB, error) {
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, err
	}
	db.SetMaxOpenConns(1)
	db.SetMaxIdleConns(1)
	db.SetConnMaxIdleTime(0)
	db.SetConnMaxLifetime(0)
	return db, nil
}

// OpenPool opens the database at dsn as a pool of up to n connections, all kept when idle,
// and connects once, so that a database that cannot be opened fails here.
func OpenPool(ctx context.Context, dsn string, n int) (*sql.DB, error) {
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, err
	}
	db.SetMaxOpenConns(n)
	db.SetMaxIdleConns(n)
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return nil, err
	}
	return db, nil
}

// SetWAL puts the database in WAL mode: readers read while a writer commits, also across
// processes, and a commit is one append and one sync of the log file. The mode is stored in
// the file. Switching takes an exclusive lock for which SQLite does not wait (busy_timeout
// does not apply), and fails with "database is locked" when another process opens the same
// new file at that moment, so SetWAL tries again, for up to timeout.
func SetWAL(ctx context.Context, db *sql.DB, timeout time.Duration) error {
	deadline := time.Now().Add(timeout)
	for {
		var mode string
		err := db.QueryRowContext(ctx, "PRAGMA journal_mode = WAL").Scan(&mode)
		if err == nil && mode == "wal" {
			return nil
		}
		if err == nil {
			err = fmt.Errorf("journal mode is %q", mode)
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("set WAL mode: %w", err)
		}
		select {
		case <-ctx.Done():
			return fmt.Errorf("set WAL mode: %w", ctx.Err())
		case <-time.After(5 * time.Millisecond):
		}
	}
}
