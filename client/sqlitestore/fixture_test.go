package sqlitestore

import (
	"bytes"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"github.com/mobio-sync/mobio/client"
	"github.com/mobio-sync/mobio/e2ee"
	"github.com/mobio-sync/mobio/internal/sqlitedb/sqlitedbtest"
)

var update = flag.Bool("update", false, "rewrite the fixture of the current schema version under testdata")

// Every shipped schema version has a fixture under testdata/schema-vN.sql: a database that
// version wrote, as a text dump (user_version, schema, rows with blobs in hex), so that no
// database file is committed and a change is a readable diff.

// The current schema and encoding write exactly the current fixture. A difference means a
// shipped migration or the way rows are written changed: add a migration instead, or, while
// the version is unreleased, rewrite the fixture with -update.
func TestSchemaFixtureIsCurrent(t *testing.T) {
	ms, err := schema.Migrations()
	if err != nil {
		t.Fatal(err)
	}
	name := filepath.Join("testdata", "schema-v"+strconv.Itoa(len(ms))+".sql")
	got := writeFixture(t)
	if *update {
		if err := os.WriteFile(name, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(name)
	if err != nil {
		t.Fatalf("fixture of schema version %d: %v (write it with -update)", len(ms), err)
	}
	if got != string(want) {
		t.Errorf("a database written now differs from %s:\n%s", name, firstDiff(got, string(want)))
	}
}

// Each fixture opens (migrating to the current version) and reads back as written.
func TestSchemaFixturesOpen(t *testing.T) {
	ms, err := schema.Migrations()
	if err != nil {
		t.Fatal(err)
	}
	for v := 1; v <= len(ms); v++ {
		name := "schema-v" + strconv.Itoa(v) + ".sql"
		t.Run(name, func(t *testing.T) {
			src, err := os.ReadFile(filepath.Join("testdata", name))
			if err != nil {
				t.Fatalf("fixture of schema version %d: %v (write it with -update when shipping the version)", v, err)
			}
			path := filepath.Join(t.TempDir(), "fixture.db") // Open migrates: never in testdata
			sqlitedbtest.Load(t, path, string(src))
			s, err := Open(t.Context(), path)
			if err != nil {
				t.Fatalf("Open(%s) = %v", name, err)
			}
			defer s.Close()
			checkFixture(t, s)
		})
	}
}

// fixtureRecord is the document every fixture holds: every field set, the changes and the
// outbox moved on by the methods that write them.
func fixtureRecord() client.DocRecord {
	h := func(s string) e2ee.Hash {
		var x e2ee.Hash
		copy(x[:], s)
		return x
	}
	return client.DocRecord{
		ID:            e2ee.DocID{0x0f, 0x1c, 0x57, 0x0e},
		Title:         "Fixture",
		Log:           [][]byte{[]byte("genesis"), []byte("add")},
		PendingOps:    [][]byte{[]byte("invite")},
		Content:       []byte("content"),
		Changes:       [][]byte{[]byte("change 1"), []byte("change 2")},
		Cursor:        5,
		Heads:         []e2ee.ChainHead{{Author: e2ee.IdentityID{0xbb}, Seq: 4, Hash: h("their 4"), Epoch: 1}},
		Own:           e2ee.ChainHead{Author: e2ee.IdentityID{0xaa}, Seq: 3, Hash: h("snapshot 3"), Epoch: 1},
		SnapshotAt:    3,
		SinceSnapshot: 2,
		Outbox: []client.OutboxEntry{
			{Seq: 1, Hash: h("envelope 1"), Epoch: 1, Envelope: []byte("envelope 1"), Change: []byte("change 1")},
			{Seq: 2, Hash: h("envelope 2"), Epoch: 1, Envelope: []byte("envelope 2"), Change: []byte("change 2")},
			{Seq: 3, Hash: h("snapshot 3"), Epoch: 1, Envelope: []byte("snapshot 3"), Covers: 4},
		},
	}
}

var fixtureBlob = []byte("attachment ciphertext")

// writeFixture writes the fixture with the current code and returns its dump.
func writeFixture(t *testing.T) string {
	t.Helper()
	ctx := t.Context()
	path := filepath.Join(t.TempDir(), "fixture.db")
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	rec := fixtureRecord()
	created := rec
	created.Changes, created.Outbox, created.Own.Seq, created.Own.Hash = created.Changes[:1], created.Outbox[:1], 1, rec.Outbox[0].Hash
	created.Changes = append([][]byte{[]byte("compacted")}, created.Changes...)
	steps := []error{
		s.CreateDoc(ctx, created),
		s.CommitLocal(ctx, rec.ID, rec.Changes[1], rec.Outbox[1]),
		s.CommitLocal(ctx, rec.ID, nil, rec.Outbox[2]),
		s.Compact(ctx, rec.ID, rec.Content, 1),
		s.PutBlob(ctx, rec.ID, e2ee.Hash{1}, bytes.NewReader(fixtureBlob)),
		s.BlobUploaded(ctx, rec.ID, e2ee.Hash{1}),
		s.CreateDoc(ctx, client.DocRecord{ID: e2ee.DocID{0xde, 0x1e, 0x7e}}),
		s.PutBlob(ctx, e2ee.DocID{0xde, 0x1e, 0x7e}, e2ee.Hash{2}, bytes.NewReader(fixtureBlob)),
		s.DeleteDoc(ctx, e2ee.DocID{0xde, 0x1e, 0x7e}),
		s.Close(),
	}
	for i, err := range steps {
		if err != nil {
			t.Fatalf("fixture step %d: %v", i, err)
		}
	}
	return sqlitedbtest.Dump(t, path)
}

func checkFixture(t *testing.T, s *Store) {
	t.Helper()
	want := fixtureRecord()
	got, err := s.LoadDoc(t.Context(), want.ID)
	if err != nil {
		t.Fatalf("LoadDoc = %v", err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("LoadDoc =\n%+v\nwant\n%+v", got, want)
	}
	blobs, err := s.Blobs(t.Context(), e2ee.DocID{})
	if wantBlobs := []client.BlobRecord{{Doc: want.ID, ID: e2ee.Hash{1}, Size: int64(len(fixtureBlob)), Uploaded: true}}; err != nil || !reflect.DeepEqual(blobs, wantBlobs) {
		t.Errorf("Blobs = %+v, %v; want %+v", blobs, err, wantBlobs)
	}
	r, _, err := s.OpenBlob(t.Context(), want.ID, e2ee.Hash{1})
	if err != nil {
		t.Fatalf("OpenBlob = %v", err)
	}
	defer r.Close()
	if b, err := io.ReadAll(r); err != nil || !bytes.Equal(b, fixtureBlob) {
		t.Errorf("blob = %q, %v; want %q", b, err, fixtureBlob)
	}
	// The store goes on writing where the fixture stopped, and a new blob gets a new ID.
	out := client.OutboxEntry{Seq: 4, Epoch: 1, Envelope: []byte("envelope 4"), Change: []byte("change 4")}
	if err := s.CommitLocal(t.Context(), want.ID, out.Change, out); err != nil {
		t.Errorf("CommitLocal after the fixture = %v", err)
	}
	if err := s.PutBlob(t.Context(), want.ID, e2ee.Hash{3}, bytes.NewReader(fixtureBlob)); err != nil {
		t.Errorf("PutBlob after the fixture = %v", err)
	}
}

// firstDiff shows the first line in which got and want differ.
func firstDiff(got, want string) string {
	g, w := strings.Split(got, "\n"), strings.Split(want, "\n")
	for i := range max(len(g), len(w)) {
		var gl, wl string
		if i < len(g) {
			gl = g[i]
		}
		if i < len(w) {
			wl = w[i]
		}
		if gl != wl {
			return fmt.Sprintf("line %d:\n got: %s\nwant: %s", i+1, gl, wl)
		}
	}
	return ""
}
