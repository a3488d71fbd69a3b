package sqlitestore

import (
	"context"
	"database/sql"
	"errors"
	"io"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/mobio-sync/mobio/client"
	"github.com/mobio-sync/mobio/client/storetest"
	"github.com/mobio-sync/mobio/e2ee"
	"github.com/mobio-sync/mobio/internal/sqlitedb/sqlitedbtest"
)

// openTest opens a store in a fresh directory.
func openTest(t testing.TB) (*Store, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "client.db")
	s, err := Open(context.Background(), path)
	if err != nil {
		t.Fatalf("Open = %v", err)
	}
	return s, path
}

func TestConformance(t *testing.T) {
	storetest.Run(t, func(t *testing.T) client.Store {
		s, _ := openTest(t)
		return s
	})
}

func TestDurable(t *testing.T) {
	storetest.RunDurable(t, func(t *testing.T, dir string) client.Store {
		s, err := Open(t.Context(), filepath.Join(dir, "client.db"))
		if err != nil {
			t.Fatalf("Open = %v", err)
		}
		return s
	})
}

func TestClosedStoreFailsWithErrClosed(t *testing.T) {
	s, _ := openTest(t)
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Errorf("second Close = %v, want nil", err)
	}
	if _, err := s.ListDocs(t.Context()); !errors.Is(err, ErrClosed) {
		t.Errorf("ListDocs after Close = %v, want ErrClosed", err)
	}
}

func TestSchemaVersion(t *testing.T) {
	ms, err := schema.Migrations()
	if err != nil {
		t.Fatalf("migrations = %v", err)
	}
	tests := []struct {
		name    string
		version int
		want    error
	}{
		{"database of the current schema opens", len(ms), nil},
		{"database of a newer schema is refused", len(ms) + 1, ErrSchemaTooNew},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, path := openTest(t)
			if err := s.Close(); err != nil {
				t.Fatal(err)
			}
			sqlitedbtest.SetVersion(t, path, tt.version)
			s2, err := Open(t.Context(), path)
			if !errors.Is(err, tt.want) && !(tt.want == nil && err == nil) {
				t.Fatalf("Open = %v, want %v", err, tt.want)
			}
			if s2 != nil {
				s2.Close()
			}
		})
	}
}

func TestPragmasAreSet(t *testing.T) {
	s, _ := openTest(t)
	defer s.Close()
	tests := []struct {
		pragma string
		db     *sql.DB
		want   string
	}{
		{"journal_mode", s.wdb, "wal"},
		{"synchronous", s.wdb, "2"}, // FULL
		{"foreign_keys", s.wdb, "1"},
		{"secure_delete", s.wdb, "1"},
		{"busy_timeout", s.wdb, "10000"},
		{"synchronous", s.rdb, "2"},
		{"foreign_keys", s.rdb, "1"},
		{"busy_timeout", s.rdb, "10000"},
		{"query_only", s.rdb, "1"},
	}
	for _, tt := range tests {
		var got string
		if err := tt.db.QueryRow("PRAGMA " + tt.pragma).Scan(&got); err != nil || got != tt.want {
			t.Errorf("PRAGMA %s = %q, %v; want %q", tt.pragma, got, err, tt.want)
		}
	}
}

// Stores opened at once on a new file, as two processes starting together would, migrate it
// once between them, and then write to it side by side without a busy error.
func TestStoresShareOneFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "client.db")
	const stores, commits = 3, 15
	opened := make([]*Store, stores)
	var wg sync.WaitGroup
	for i := range opened {
		wg.Go(func() {
			s, err := Open(t.Context(), path)
			if err != nil {
				t.Errorf("Open %d = %v", i, err)
				return
			}
			opened[i] = s
		})
	}
	wg.Wait()
	for _, s := range opened {
		if s == nil {
			t.FailNow()
		}
		defer s.Close()
	}
	for i, s := range opened {
		wg.Go(func() {
			id := e2ee.DocID{byte(i + 1)}
			if err := s.CreateDoc(t.Context(), client.DocRecord{ID: id}); err != nil {
				t.Errorf("CreateDoc = %v", err)
				return
			}
			for seq := uint64(1); seq <= commits; seq++ {
				out := client.OutboxEntry{Seq: seq, Envelope: []byte("envelope"), Change: []byte("change")}
				if err := s.CommitLocal(t.Context(), id, out.Change, out); err != nil {
					t.Errorf("CommitLocal = %v", err)
					return
				}
			}
		})
	}
	wg.Wait()
	docs, err := opened[0].ListDocs(t.Context())
	if err != nil || len(docs) != stores {
		t.Fatalf("ListDocs = %d documents, %v; want %d", len(docs), err, stores)
	}
	for _, d := range docs {
		if d.Changes != commits || d.Pending != commits {
			t.Errorf("document %s: %d changes, %d pending; want %d of each", d.ID, d.Changes, d.Pending, commits)
		}
	}
}

// A blob larger than a chunk goes through a temporary file beside the database, which is
// gone after the call; one left by a killed process is removed at the next Open.
func TestBlobSpoolIsRemoved(t *testing.T) {
	s, path := openTest(t)
	dir := filepath.Dir(path)
	id := e2ee.DocID{1}
	if err := s.CreateDoc(t.Context(), client.DocRecord{ID: id}); err != nil {
		t.Fatal(err)
	}
	if err := s.PutBlob(t.Context(), id, e2ee.Hash{1}, &zeros{n: 3 << 20}); err != nil {
		t.Fatal(err)
	}
	spools := func() []string {
		names, err := filepath.Glob(filepath.Join(dir, spoolPattern(path)))
		if err != nil {
			t.Fatal(err)
		}
		return names
	}
	if got := spools(); len(got) != 0 {
		t.Errorf("temporary files after PutBlob: %v", got)
	}
	s.Close()
	left := filepath.Join(dir, "."+filepath.Base(path)+"-blob-123")
	if err := os.WriteFile(left, []byte("ciphertext"), 0o600); err != nil {
		t.Fatal(err)
	}
	s, err := Open(t.Context(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if got := spools(); len(got) != 0 {
		t.Errorf("temporary files after reopening: %v", got)
	}
}

type zeros struct{ n int }

func (z *zeros) Read(p []byte) (int, error) {
	if z.n == 0 {
		return 0, io.EOF
	}
	n := min(len(p), z.n)
	clear(p[:n])
	z.n -= n
	return n, nil
}
