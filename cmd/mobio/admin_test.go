package main

import (
	"context"
	"crypto/sha256"
	"encoding/json"
	"errors"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/mobio-sync/mobio/e2ee"
	"github.com/mobio-sync/mobio/syncserver"
	"github.com/mobio-sync/mobio/syncserver/sqlite"
	"github.com/mobio-sync/mobio/syncserver/storetest"
)

var quiet = slog.New(slog.DiscardHandler)

// fillRelayDB writes a relay database into the directory data: two documents, one with
// entries of two writers, the other with an attachment. It returns the store's stats.
func fillRelayDB(t *testing.T, data string) syncserver.Stats {
	t.Helper()
	ctx := t.Context()
	s, err := sqlite.Open(ctx, filepath.Join(data, dbName), sqlite.Options{Logger: quiet})
	if err != nil {
		t.Fatal(err)
	}
	defer func() {
		if err := s.Close(context.Background()); err != nil {
			t.Fatal(err)
		}
	}()
	d, e := storetest.NewDoc(t, 2), storetest.NewDoc(t, 1)
	d.Create(t, s)
	e.Create(t, s)
	for _, w := range d.Writers {
		if _, err := s.AppendVerified(ctx, d.ID, w.Updates(t, 5)); err != nil {
			t.Fatal(err)
		}
	}
	blob := []byte("sealed attachment")
	id := e2ee.Hash(sha256.Sum256(blob))
	if _, err := s.PutBlobChunk(ctx, e.ID, id, 0, blob, int64(len(blob))); err != nil {
		t.Fatal(err)
	}
	if err := s.CommitBlob(ctx, e.ID, id); err != nil {
		t.Fatal(err)
	}
	st, err := s.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	return st
}

// statsOf opens the database at path and returns its stats.
func statsOf(t *testing.T, path string) syncserver.Stats {
	t.Helper()
	s, err := sqlite.Open(t.Context(), path, sqlite.Options{Logger: quiet})
	if err != nil {
		t.Fatalf("open %s: %v", path, err)
	}
	defer s.Close(context.Background())
	st, err := s.Stats(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	return st
}

// sameContent reports whether a and b count the same things; their files' sizes may differ.
func sameContent(a, b syncserver.Stats) bool {
	a.FileBytes, b.FileBytes = 0, 0
	return a == b
}

func TestAdminBackupWhileServing(t *testing.T) {
	tests := []struct {
		name     string
		existing []byte // content of OUTPUT before the backup; nil for none
	}{
		{name: "backup is a database with the same content"},
		{name: "backup replaces an existing file", existing: []byte("yesterday's backup")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data := filepath.Join(t.TempDir(), "data")
			if err := os.Mkdir(data, 0o700); err != nil {
				t.Fatal(err)
			}
			want := fillRelayDB(t, data)
			r := startServe(t, nil, "--addr", "127.0.0.1:0", "--data", data)

			outDir := t.TempDir()
			output := filepath.Join(outDir, "backup.db")
			if tt.existing != nil {
				if err := os.WriteFile(output, tt.existing, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			out, _, err := mobio(t, nil, "admin", "backup", "--data", data, output)
			if err != nil {
				t.Fatalf("mobio admin backup while serving: %v", err)
			}
			if !strings.HasPrefix(out, "backed up "+filepath.Join(data, dbName)+" to "+output) {
				t.Errorf("mobio admin backup printed %q", out)
			}
			if stderr, err := r.stop(); err != nil {
				t.Fatalf("mobio serve: %v\n%s", err, stderr)
			}

			fi, err := os.Stat(output)
			if err != nil {
				t.Fatal(err)
			}
			if got := fi.Mode().Perm(); got != 0o600 {
				t.Errorf("backup mode = %v, want 0600", got)
			}
			entries, err := os.ReadDir(outDir)
			if err != nil {
				t.Fatal(err)
			}
			if len(entries) != 1 {
				t.Errorf("files beside the backup: %v, want the backup alone", entries)
			}
			if got := statsOf(t, output); !sameContent(got, want) {
				t.Errorf("stats of the backup = %+v, want %+v", got, want)
			}
		})
	}
}

func TestAdminStats(t *testing.T) {
	data := t.TempDir()
	want := fillRelayDB(t, data)

	out, _, err := mobio(t, map[string]string{"MOBIO_DATA": data}, "admin", "stats", "--json")
	if err != nil {
		t.Fatalf("mobio admin stats --json: %v", err)
	}
	var got adminStats
	dec := json.NewDecoder(strings.NewReader(out))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&got); err != nil {
		t.Fatalf("mobio admin stats --json printed %q: %v", out, err)
	}
	if !sameContent(syncserver.Stats(got), want) || got.FileBytes <= 0 {
		t.Errorf("mobio admin stats --json = %+v, want %+v with file bytes", got, want)
	}
	if got.Documents != 2 || got.Entries != 10 || got.Blobs != 1 {
		t.Errorf("mobio admin stats --json = %+v, want 2 documents, 10 entries, 1 blob", got)
	}

	out, _, err = mobio(t, nil, "admin", "stats", "--data", data)
	if err != nil {
		t.Fatalf("mobio admin stats: %v", err)
	}
	for _, line := range []string{"documents       2\n", "entries         10\n", "blobs           1\n"} {
		if !strings.Contains(out, line) {
			t.Errorf("mobio admin stats printed\n%s\nwant a line %q", out, line)
		}
	}
}

func TestAdminRefuses(t *testing.T) {
	empty := t.TempDir()
	data := t.TempDir()
	fillRelayDB(t, data)
	tests := []struct {
		name    string
		args    []string
		wantErr string
	}{
		{name: "stats without a database", args: []string{"admin", "stats", "--data", empty},
			wantErr: "no relay database " + filepath.Join(empty, dbName) + ": check --data"},
		{name: "backup without a database", args: []string{"admin", "backup", "--data", empty, filepath.Join(t.TempDir(), "out.db")},
			wantErr: "no relay database"},
		{name: "backup without output", args: []string{"admin", "backup", "--data", data}, wantErr: "accepts 1 arg(s), received 0"},
		{name: "backup into a missing directory", args: []string{"admin", "backup", "--data", data, filepath.Join(empty, "no", "out.db")},
			wantErr: "back up to " + filepath.Join(empty, "no", "out.db")},
		{name: "backup over a directory", args: []string{"admin", "backup", "--data", data, empty}, wantErr: "back up to " + empty},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, err := mobio(t, nil, tt.args...)
			checkErr(t, tt.args, err, tt.wantErr)
		})
	}
	// Refusals create nothing: no database where there was none, no stray files.
	if entries, err := os.ReadDir(empty); err != nil || len(entries) != 0 {
		t.Errorf("directory after refusals: %v, %v; want it empty", entries, err)
	}
	if _, err := os.Stat(filepath.Join(empty, dbName)); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("database after refusals: %v", err)
	}
}
