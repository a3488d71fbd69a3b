package sqlitedb

import (
	"context"
	"database/sql"
	"errors"
	"io"
	"path/filepath"
	"strconv"
	"sync"
	"testing"
	"testing/fstest"
	"time"

	"github.com/mobio-sync/mobio/internal/deptest"
)

var (
	errTooNew = errors.New("schema too new")
	errAny    = errors.New("any error") // in a test table: some error, whichever
)

// openWriter opens a writer as the stores do: one connection, immediate transactions.
func openWriter(t *testing.T, path string, pragmas ...string) *sql.DB {
	t.Helper()
	db, err := OpenConn(DSN(path, append([]string{"busy_timeout(10000)"}, pragmas...), true))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

func pragma(t *testing.T, db *sql.DB, name string) string {
	t.Helper()
	var got string
	if err := db.QueryRow("PRAGMA " + name).Scan(&got); err != nil {
		t.Fatalf("PRAGMA %s: %v", name, err)
	}
	return got
}

func TestDSNAppliesPragmasToEveryConnection(t *testing.T) {
	path := filepath.Join(t.TempDir(), "a b#?.db") // escaped in the URL
	db, err := OpenPool(t.Context(), DSN(path, []string{"foreign_keys(ON)", "synchronous(FULL)", "query_only(ON)"}, false), 3)
	if err != nil {
		t.Fatalf("OpenPool = %v", err)
	}
	defer db.Close()
	// Hold three connections at once, so that the pool opens all of them.
	var conns []*sql.Conn
	for range 3 {
		c, err := db.Conn(t.Context())
		if err != nil {
			t.Fatal(err)
		}
		conns = append(conns, c)
	}
	for i, c := range conns {
		for _, tt := range []struct{ pragma, want string }{{"foreign_keys", "1"}, {"synchronous", "2"}, {"query_only", "1"}} {
			var got string
			if err := c.QueryRowContext(t.Context(), "PRAGMA "+tt.pragma).Scan(&got); err != nil || got != tt.want {
				t.Errorf("connection %d: PRAGMA %s = %q, %v; want %q", i, tt.pragma, got, err, tt.want)
			}
		}
		c.Close()
	}
}

func TestOpenPoolFailsForAnUnopenableFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "missing-dir", "x.db")
	if db, err := OpenPool(t.Context(), DSN(path, nil, false), 1); err == nil {
		db.Close()
		t.Fatal("OpenPool in a missing directory = nil error, want one")
	}
}

func TestSetWAL(t *testing.T) {
	db := openWriter(t, filepath.Join(t.TempDir(), "wal.db"))
	if err := SetWAL(t.Context(), db, time.Second); err != nil {
		t.Fatalf("SetWAL = %v", err)
	}
	if got := pragma(t, db, "journal_mode"); got != "wal" {
		t.Errorf("journal_mode = %q, want wal", got)
	}
}

func TestSetWALStopsWithTheContext(t *testing.T) {
	// An in-memory database has no WAL: the switch never succeeds, so only ctx ends it.
	db, err := OpenConn(DSN(":memory:", nil, true))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	if err := SetWAL(ctx, db, time.Minute); !errors.Is(err, context.Canceled) {
		t.Errorf("SetWAL with an ended context = %v, want context.Canceled", err)
	}
}

func schemaOf(files ...string) Schema {
	fsys := fstest.MapFS{}
	for i := 0; i+1 < len(files); i += 2 {
		fsys["schema/"+files[i]] = &fstest.MapFile{Data: []byte(files[i+1])}
	}
	return Schema{FS: fsys, Dir: "schema", ErrTooNew: errTooNew}
}

func TestMigrate(t *testing.T) {
	v1 := []string{"001-initial.sql", "CREATE TABLE a (x INTEGER);"}
	v2 := append(v1, "002-b.sql", "CREATE TABLE b (y INTEGER); INSERT INTO b VALUES (7);")
	tests := []struct {
		name    string
		before  []string // migrations the database has at first, nil for a new file
		schema  Schema
		want    int   // the version Migrate returns and the database is at afterwards
		wantErr error // nil for success, errAny for any error
	}{
		{"a new database gets every migration", nil, schemaOf(v2...), 2, nil},
		{"a database of an older version gets the missing ones", v1, schemaOf(v2...), 2, nil},
		{"a database of the current version is left as it is", v2, schemaOf(v2...), 2, nil},
		{"a database of a newer version is refused with ErrTooNew", v2, schemaOf(v1...), 2, errTooNew},
		{"a gap in the numbering is refused", nil, schemaOf("001-a.sql", "SELECT 1;", "003-c.sql", "SELECT 1;"), 0, errAny},
		{"a failing migration leaves the version before it", v1, schemaOf(append(v1, "002-bad.sql", "CREATE TABLE a (z);")...), 1, errAny},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			db := openWriter(t, filepath.Join(t.TempDir(), "m.db"))
			if tt.before != nil {
				if _, err := schemaOf(tt.before...).Migrate(t.Context(), db); err != nil {
					t.Fatal(err)
				}
			}
			v, err := tt.schema.Migrate(t.Context(), db)
			switch {
			case tt.wantErr == nil && err != nil,
				tt.wantErr == errAny && err == nil,
				tt.wantErr != nil && tt.wantErr != errAny && !errors.Is(err, tt.wantErr):
				t.Fatalf("Migrate = %d, %v; want error %v", v, err, tt.wantErr)
			}
			if v != tt.want {
				t.Errorf("Migrate = version %d, want %d", v, tt.want)
			}
			if got := pragma(t, db, "user_version"); got != strconv.Itoa(tt.want) {
				t.Errorf("user_version afterwards = %s, want %d", got, tt.want)
			}
		})
	}
}

// Writers on one new file migrate at once, as processes starting together do; each migration
// runs once (a second run of 002 would insert its row twice).
func TestMigrateConcurrentlyAppliesEachMigrationOnce(t *testing.T) {
	path := filepath.Join(t.TempDir(), "shared.db")
	s := schemaOf("001-initial.sql", "CREATE TABLE a (x INTEGER);", "002-row.sql", "INSERT INTO a VALUES (1);")
	var wg sync.WaitGroup
	for i := range 4 {
		db := openWriter(t, path)
		wg.Go(func() {
			if _, err := s.Migrate(t.Context(), db); err != nil {
				t.Errorf("writer %d: Migrate = %v", i, err)
			}
		})
	}
	wg.Wait()
	var n int
	if err := openWriter(t, path).QueryRow("SELECT COUNT(*) FROM a").Scan(&n); err != nil || n != 1 {
		t.Errorf("rows from 002 = %d, %v; want 1", n, err)
	}
}

var errGone = errors.New("gone")

// chunked stores value in chunks of n bytes and returns the database and a way to open
// readers of the value.
func chunked(t *testing.T, value []byte, n int) (*sql.DB, func() *ChunkReader) {
	t.Helper()
	db := openWriter(t, filepath.Join(t.TempDir(), "c.db"))
	if _, err := db.Exec("CREATE TABLE chunks (key INTEGER, off INTEGER, data BLOB)"); err != nil {
		t.Fatal(err)
	}
	for off := 0; off < len(value); off += n {
		if _, err := db.Exec("INSERT INTO chunks VALUES (1, ?, ?)", off, value[off:min(off+n, len(value))]); err != nil {
			t.Fatal(err)
		}
	}
	return db, func() *ChunkReader {
		return NewChunkReader(t.Context(), db, Chunks{
			Query:       "SELECT off, data FROM chunks WHERE key = ? AND off <= ? ORDER BY off DESC LIMIT 1",
			Args:        []any{1},
			Size:        int64(len(value)),
			Name:        "value 1",
			ErrNotFound: errGone,
		})
	}
}

func TestChunkReader(t *testing.T) {
	value := []byte("the quick brown fox jumps over the lazy dog")
	db, open := chunked(t, value, 5)

	if got, err := io.ReadAll(open()); err != nil || string(got) != string(value) {
		t.Errorf("ReadAll = %q, %v; want %q", got, err, value)
	}

	seeks := []struct {
		name   string
		offset int64
		whence int
		want   string // the rest from there
	}{
		{"from the start, inside a chunk", 7, io.SeekStart, string(value[7:])},
		{"from the end", -3, io.SeekEnd, "dog"},
		{"at the end", 0, io.SeekEnd, ""},
		{"past the end", 100, io.SeekStart, ""},
	}
	for _, tt := range seeks {
		t.Run(tt.name, func(t *testing.T) {
			r := open()
			if _, err := r.Seek(tt.offset, tt.whence); err != nil {
				t.Fatalf("Seek = %v", err)
			}
			if got, err := io.ReadAll(r); err != nil || string(got) != tt.want {
				t.Errorf("after Seek(%d, %d): %q, %v; want %q", tt.offset, tt.whence, got, err, tt.want)
			}
		})
	}

	r := open()
	if _, err := r.Seek(-1, io.SeekStart); err == nil {
		t.Error("Seek to a negative position = nil error")
	}
	if _, err := r.Seek(0, 42); err == nil {
		t.Error("Seek with an invalid whence = nil error")
	}
	r.Close()
	if _, err := r.Read(make([]byte, 1)); err == nil {
		t.Error("Read after Close = nil error")
	}

	// The value goes while it is read: the next chunk is missing.
	r = open()
	buf := make([]byte, 5)
	if _, err := io.ReadFull(r, buf); err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec("DELETE FROM chunks"); err != nil {
		t.Fatal(err)
	}
	if _, err := io.ReadAll(r); !errors.Is(err, errGone) {
		t.Errorf("read after the chunks were deleted = %v, want ErrNotFound", err)
	}
}

func TestChunkReaderReportsAGap(t *testing.T) {
	db, open := chunked(t, []byte("0123456789"), 4)
	if _, err := db.Exec("DELETE FROM chunks WHERE off = 4"); err != nil {
		t.Fatal(err)
	}
	if _, err := io.ReadAll(open()); !errors.Is(err, errGone) {
		t.Errorf("ReadAll over a missing middle chunk = %v, want ErrNotFound", err)
	}
}

func TestChunkReaderStopsWithItsContext(t *testing.T) {
	_, open := chunked(t, []byte("0123456789"), 4)
	r := open()
	ctx, cancel := context.WithCancel(t.Context())
	r.ctx = ctx
	cancel()
	if _, err := io.ReadAll(r); !errors.Is(err, context.Canceled) {
		t.Errorf("ReadAll after its context ended = %v, want context.Canceled", err)
	}
}

// The package is SQLite's, not a store's: it knows neither store nor what they keep.
func TestImportsNoStore(t *testing.T) {
	deptest.Forbid(t, "github.com/mobio-sync/mobio/internal/sqlitedb", map[string]string{
		"github.com/mobio-sync/mobio/client/...":     "shared by the stores, it knows none of them",
		"github.com/mobio-sync/mobio/syncserver/...": "shared by the stores, it knows none of them",
		"github.com/mobio-sync/mobio/e2ee/...":       "it keeps rows, not envelopes or keys",
		"github.com/mobio-sync/mobio/crdt/...":       "it keeps rows, not documents",
	})
}
