package sqlitedb

import (
	"context"
	"database/sql"
	"fmt"
	"io/fs"
	"path"
	"strconv"
	"strings"
)

// Schema is a database schema as numbered migrations: the files *.sql in Dir of FS, named
// NNN-name.sql with three digits, from 001, without gaps. A database's schema version is its
// user_version, the number of the last migration applied to it.
type Schema struct {
	FS  fs.FS
	Dir string
	// ErrTooNew is wrapped by [Schema.Migrate]'s error for a database whose version is newer
	// than the last migration; each store has its own, which its callers test for.
	ErrTooNew error
}

// Migration is one numbered file of a [Schema].
type Migration struct {
	Version int
	Name    string // the file's name, such as "001-initial.sql"
	SQL     string
}

// Migrations returns the schema's migrations in order, checking that they are numbered 1, 2,
// 3, … without gaps.
func (s Schema) Migrations() ([]Migration, error) {
	names, err := fs.Glob(s.FS, path.Join(s.Dir, "*.sql"))
	if err != nil {
		return nil, err
	}
	var out []Migration
	for i, name := range names { // Glob sorts by name, and names start with three digits
		base := path.Base(name)
		n, err := strconv.Atoi(strings.SplitN(base, "-", 2)[0])
		if err != nil || n != i+1 {
			return nil, fmt.Errorf("schema file %s: want number %03d", base, i+1)
		}
		b, err := fs.ReadFile(s.FS, name)
		if err != nil {
			return nil, err
		}
		out = append(out, Migration{Version: n, Name: base, SQL: string(b)})
	}
	return out, nil
}

// Migrate applies the migrations the database lacks, each in one write transaction together
// with its version, and returns the schema version. A database of a newer version is refused
// with [Schema.ErrTooNew]. db's write transactions must take the write lock when they begin
// ([DSN] with immediate): the version is read inside each transaction, so that processes
// opening a new file at once apply each migration once between them.
func (s Schema) Migrate(ctx context.Context, db *sql.DB) (int, error) {
	ms, err := s.Migrations()
	if err != nil {
		return 0, err
	}
	for {
		tx, err := db.BeginTx(ctx, nil)
		if err != nil {
			return 0, fmt.Errorf("migrate: %w", err)
		}
		var version int
		if err := tx.QueryRowContext(ctx, "PRAGMA user_version").Scan(&version); err != nil {
			tx.Rollback()
			return 0, fmt.Errorf("read schema version: %w", err)
		}
		if version > len(ms) {
			tx.Rollback()
			return version, fmt.Errorf("%w: version %d, newest known %d", s.ErrTooNew, version, len(ms))
		}
		if version == len(ms) {
			tx.Rollback()
			return version, nil
		}
		m := ms[version]
		if _, err := tx.ExecContext(ctx, m.SQL); err != nil {
			tx.Rollback()
			return version, fmt.Errorf("migrate to %s: %w", m.Name, err)
		}
		// user_version is in the database header, written by this transaction.
		if _, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA user_version = %d", m.Version)); err != nil {
			tx.Rollback()
			return version, fmt.Errorf("migrate to %s: %w", m.Name, err)
		}
		if err := tx.Commit(); err != nil {
			return version, fmt.Errorf("migrate to %s: %w", m.Name, err)
		}
	}
}
