package sqlite

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/mobio-sync/mobio/e2ee"
	"github.com/mobio-sync/mobio/internal/sqlitedb/sqlitedbtest"
	"github.com/mobio-sync/mobio/syncserver"
	"github.com/mobio-sync/mobio/syncserver/storetest"
)

// openTest opens a store in a fresh directory and closes it when t ends.
func openTest(t testing.TB, opts Options) (*Store, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "relay.db")
	if opts.Logger == nil {
		opts.Logger = discardLogger()
	}
	s, err := Open(context.Background(), path, opts)
	if err != nil {
		t.Fatalf("Open = %v", err)
	}
	t.Cleanup(func() {
		if err := s.Close(context.Background()); err != nil && !errors.Is(err, ErrClosed) {
			t.Errorf("Close = %v", err)
		}
	})
	return s, path
}

func TestConformance(t *testing.T) {
	storetest.Run(t, func(t *testing.T) syncserver.Store {
		s, _ := openTest(t, Options{})
		return s
	})
}

func TestReopenKeepsEverything(t *testing.T) {
	ctx := t.Context()
	path := filepath.Join(t.TempDir(), "relay.db")
	s, err := Open(ctx, path, Options{Logger: discardLogger()})
	if err != nil {
		t.Fatal(err)
	}
	d := storetest.NewDoc(t, 1)
	d.Create(t, s)
	envs := d.Writers[0].Updates(t, 5)
	if _, err := s.AppendVerified(ctx, d.ID, envs); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(ctx); err != nil {
		t.Fatal(err)
	}
	if _, err := s.AppendVerified(ctx, d.ID, envs[:1]); !errors.Is(err, ErrClosed) {
		t.Errorf("AppendVerified after Close = %v, want ErrClosed", err)
	}
	s, err = Open(ctx, path, Options{Logger: discardLogger()})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close(ctx)
	entries, err := s.ReadRange(ctx, d.ID, 0, 0)
	if err != nil || len(entries) != 5 {
		t.Errorf("after reopening ReadRange = %d entries, %v; want 5", len(entries), err)
	}
	if got, err := s.AppendVerified(ctx, d.ID, envs[4:]); err != nil || !got[0].Duplicate || got[0].Offset != 5 {
		t.Errorf("after reopening re-append = %+v, %v; want duplicate at 5", got, err)
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
			s, path := openTest(t, Options{})
			if err := s.Close(t.Context()); err != nil {
				t.Fatal(err)
			}
			sqlitedbtest.SetVersion(t, path, tt.version)
			s2, err := Open(t.Context(), path, Options{Logger: discardLogger()})
			if !errors.Is(err, tt.want) && !(tt.want == nil && err == nil) {
				t.Fatalf("Open = %v, want %v", err, tt.want)
			}
			if s2 != nil {
				s2.Close(t.Context())
			}
		})
	}
}

func TestPragmasAreSet(t *testing.T) {
	s, _ := openTest(t, Options{})
	tests := []struct {
		pragma string
		db     *sql.DB
		want   string
	}{
		{"journal_mode", s.wdb, "wal"},
		{"synchronous", s.wdb, "2"}, // FULL
		{"foreign_keys", s.wdb, "1"},
		{"secure_delete", s.wdb, "1"},
		{"synchronous", s.rdb, "2"},
		{"query_only", s.rdb, "1"},
		{"wal_autocheckpoint", s.wdb, fmt.Sprint(backstopPages)},
		{"synchronous", s.ckpt.db, "2"},
	}
	for _, tt := range tests {
		var got string
		if err := tt.db.QueryRow("PRAGMA " + tt.pragma).Scan(&got); err != nil || got != tt.want {
			t.Errorf("PRAGMA %s = %q, %v; want %q", tt.pragma, got, err, tt.want)
		}
	}
}

func TestBackupIsAConsistentCopy(t *testing.T) {
	ctx := t.Context()
	s, _ := openTest(t, Options{})
	d := storetest.NewDoc(t, 1)
	d.Create(t, s)
	if _, err := s.AppendVerified(ctx, d.ID, d.Writers[0].Updates(t, 3)); err != nil {
		t.Fatal(err)
	}
	dst := filepath.Join(t.TempDir(), "backup.db")
	if err := s.Backup(ctx, dst); err != nil {
		t.Fatalf("Backup = %v", err)
	}
	if err := s.Backup(ctx, dst); err == nil {
		t.Errorf("Backup onto an existing file = nil, want an error")
	}
	b, err := Open(ctx, dst, Options{Logger: discardLogger()})
	if err != nil {
		t.Fatalf("Open(backup) = %v", err)
	}
	defer b.Close(ctx)
	if entries, err := b.ReadRange(ctx, d.ID, 0, 0); err != nil || len(entries) != 3 {
		t.Errorf("backup ReadRange = %d entries, %v; want 3", len(entries), err)
	}
}

// After Erase and Vacuum, the envelope bytes are in neither the database nor its WAL.
func TestVacuumLeavesNoErasedBytes(t *testing.T) {
	ctx := t.Context()
	s, path := openTest(t, Options{})
	d := storetest.NewDoc(t, 1)
	d.Create(t, s)
	envs := d.Writers[0].Updates(t, 50)
	if _, err := s.AppendVerified(ctx, d.ID, envs); err != nil {
		t.Fatal(err)
	}
	if err := s.Erase(ctx, d.ID, []byte("tombstone")); err != nil {
		t.Fatal(err)
	}
	before := s.fileBytes()
	if err := s.Vacuum(ctx); err != nil {
		t.Fatalf("Vacuum = %v", err)
	}
	if after := s.fileBytes(); after >= before {
		t.Errorf("files = %d bytes after Vacuum, %d before; want smaller", after, before)
	}
	for _, suffix := range []string{"", "-wal"} {
		b, err := os.ReadFile(path + suffix)
		if err != nil {
			continue
		}
		for i, v := range envs {
			sig := v.Ciphertext()[:32]
			if bytes.Contains(b, sig) {
				t.Errorf("file %s still holds ciphertext of erased envelope %d", filepath.Base(path+suffix), i)
			}
		}
	}
}

func TestCompactUsesTheClock(t *testing.T) {
	ctx := t.Context()
	now := time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC)
	s, _ := openTest(t, Options{Now: func() time.Time { return now }})
	d := storetest.NewDoc(t, 1)
	d.Create(t, s)
	w := d.Writers[0]
	if _, err := s.AppendVerified(ctx, d.ID, w.Updates(t, 2)); err != nil {
		t.Fatal(err)
	}
	if _, err := s.PutSnapshot(ctx, d.ID, 2, w.Next(t, e2ee.KindSnapshot)); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name      string
		olderThan time.Time
		want      int
	}{
		{"entries stored at the cut-off are kept", now, 0},
		{"entries stored before the cut-off are dropped", now.Add(time.Millisecond), 2},
	}
	for _, tt := range tests {
		if n, err := s.Compact(ctx, d.ID, tt.olderThan); n != tt.want || err != nil {
			t.Errorf("%s: Compact = %d, %v; want %d", tt.name, n, err, tt.want)
		}
	}
}

func discardLogger() *slog.Logger { return slog.New(slog.NewTextHandler(io.Discard, nil)) }

// Close drains the group committer: every append that it took is committed and answered,
// every later one is refused with ErrClosed, and none is lost.
func TestCloseDrainsAppends(t *testing.T) {
	ctx := t.Context()
	path := filepath.Join(t.TempDir(), "relay.db")
	s, err := Open(ctx, path, Options{Logger: discardLogger()})
	if err != nil {
		t.Fatal(err)
	}
	const writers, each = 8, 30
	d := storetest.NewDoc(t, writers)
	d.Create(t, s)
	envs := make([][]e2ee.VerifiedEnvelope, writers)
	for i, w := range d.Writers {
		envs[i] = w.Updates(t, each)
	}
	acked := make([]int, writers) // envelopes acknowledged per writer
	started := make(chan struct{}, writers)
	var wg sync.WaitGroup
	for i := range writers {
		wg.Go(func() {
			for j, v := range envs[i] {
				_, err := s.AppendVerified(context.Background(), d.ID, []e2ee.VerifiedEnvelope{v})
				if errors.Is(err, ErrClosed) {
					return
				}
				if err != nil {
					t.Errorf("writer %d: AppendVerified = %v", i, err)
					return
				}
				acked[i] = j + 1
				if j == 0 {
					started <- struct{}{}
				}
			}
		})
	}
	for range writers {
		<-started // every writer has an acknowledged append before Close
	}
	if err := s.Close(ctx); err != nil {
		t.Fatalf("Close = %v", err)
	}
	wg.Wait()

	s, err = Open(ctx, path, Options{Logger: discardLogger()})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close(ctx)
	heads, err := s.AuthorHeads(ctx, d.ID)
	if err != nil {
		t.Fatal(err)
	}
	for i, w := range d.Writers {
		if got := heads[w.ID()].Seq; got < uint64(acked[i]) {
			t.Errorf("writer %d: %d envelopes acknowledged, %d stored", i, acked[i], got)
		}
	}
}

// Commits wake the background checkpointer, which copies the WAL into the database file: in
// WAL mode nothing else writes that file before the store closes, and the writer's own
// checkpoint waits for a WAL far larger than this test's.
func TestCheckpointsRunInTheBackground(t *testing.T) {
	s, path := openTest(t, Options{})
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	before := fi.Size()
	d := storetest.NewDoc(t, 1)
	d.Create(t, s)
	for _, env := range d.Writers[0].Updates(t, 50) {
		if _, err := s.AppendVerified(t.Context(), d.ID, []e2ee.VerifiedEnvelope{env}); err != nil {
			t.Fatal(err)
		}
	}
	deadline := time.Now().Add(10 * time.Second)
	for {
		fi, err := os.Stat(path)
		if err != nil {
			t.Fatal(err)
		}
		if fi.Size() > before && s.checkpoints.Load() > 0 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("database file still %d bytes after 50 commits, %d checkpoints; want it to grow", fi.Size(), s.checkpoints.Load())
		}
		time.Sleep(10 * time.Millisecond) // polling interval
	}
	// What the checkpoint copied reads back as stored.
	if entries, err := s.ReadRange(t.Context(), d.ID, 0, 0); err != nil || len(entries) != 50 {
		t.Errorf("ReadRange = %d entries, %v; want 50", len(entries), err)
	}
}
