package sqlite

import (
	"bytes"
	"flag"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"github.com/mobio-sync/mobio/e2ee"
	"github.com/mobio-sync/mobio/internal/sqlitedb/sqlitedbtest"
	"github.com/mobio-sync/mobio/protocol"
	"github.com/mobio-sync/mobio/syncserver/storetest"
)

var update = flag.Bool("update", false, "rewrite the fixture database of the current schema version under testdata")

// Every shipped schema version has a fixture under testdata/schema-vN.sql: the database that
// version wrote, as a text dump (schema, rows with blobs in hex, user_version), so that no
// database file is committed and a fixture change is a readable diff. Written with -update:
// version 1's from scratch, every later one as the previous fixture migrated plus the rows its
// version adds, so that all hold the same document. Each must load, open (migrating to the
// current version) and keep its document: the membership log verifies and every entry
// verifies against it, in order; and from version 2 on, its disclosure package reads back.
func TestSchemaFixturesOpen(t *testing.T) {
	ms, err := schema.Migrations()
	if err != nil {
		t.Fatal(err)
	}
	current := filepath.Join("testdata", "schema-v"+itoaVersion(len(ms))+".sql")
	if *update {
		writeFixture(t, current, len(ms))
	}
	for v := 1; v <= len(ms); v++ {
		name := "schema-v" + itoaVersion(v) + ".sql"
		t.Run(name, func(t *testing.T) {
			src, err := os.ReadFile(filepath.Join("testdata", name))
			if err != nil {
				t.Fatalf("fixture of schema version %d: %v (write it with -update when shipping the version)", v, err)
			}
			path := filepath.Join(t.TempDir(), "fixture.db") // Open migrates: never in testdata
			sqlitedbtest.Load(t, path, string(src))
			s, err := Open(t.Context(), path, Options{Logger: discardLogger()})
			if err != nil {
				t.Fatalf("Open(%s) = %v", name, err)
			}
			defer s.Close(t.Context())
			checkFixture(t, s)
			if v >= 2 {
				checkFixturePackage(t, s)
			}
		})
	}
}

// fixtureDoc is the document every fixture holds.
func fixtureDocID(t *testing.T) e2ee.DocID {
	b, err := os.ReadFile(filepath.Join("testdata", "fixture-doc.txt"))
	if err != nil {
		t.Fatal(err)
	}
	id, err := e2ee.ParseDocID(string(b))
	if err != nil {
		t.Fatal(err)
	}
	return id
}

// writeFixture writes the fixture of schema version to dumpPath: for version 1 a new
// document; for later versions the previous version's fixture migrated, with the rows that
// version adds.
func writeFixture(t *testing.T, dumpPath string, version int) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "fixture.db")
	if version > 1 {
		src, err := os.ReadFile(filepath.Join("testdata", "schema-v"+itoaVersion(version-1)+".sql"))
		if err != nil {
			t.Fatal(err)
		}
		sqlitedbtest.Load(t, path, string(src))
		s, err := Open(t.Context(), path, Options{Logger: discardLogger()})
		if err != nil {
			t.Fatal(err)
		}
		if version == 2 {
			if _, err := s.PutPackage(t.Context(), fixtureDocID(t), fixturePackageID, fixturePackage, fixturePackageExpires); err != nil {
				t.Fatal(err)
			}
		}
		if err := s.Close(t.Context()); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(dumpPath, []byte(sqlitedbtest.Dump(t, path)), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	s, err := Open(t.Context(), path, Options{Logger: discardLogger()})
	if err != nil {
		t.Fatal(err)
	}
	d := storetest.NewDoc(t, 2)
	d.Create(t, s)
	a, b := d.Writers[0], d.Writers[1]
	for _, v := range []e2ee.VerifiedEnvelope{a.Next(t, e2ee.KindUpdate), b.Next(t, e2ee.KindUpdate), a.Next(t, e2ee.KindUpdate)} {
		if _, err := s.AppendVerified(t.Context(), d.ID, []e2ee.VerifiedEnvelope{v}); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := s.PutSnapshot(t.Context(), d.ID, 3, b.Next(t, e2ee.KindSnapshot)); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(t.Context()); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(dumpPath, []byte(sqlitedbtest.Dump(t, path)), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join("testdata", "fixture-doc.txt"), []byte(d.ID.String()), 0o644); err != nil {
		t.Fatal(err)
	}
}

func checkFixture(t *testing.T, s *Store) {
	t.Helper()
	ctx := t.Context()
	doc := fixtureDocID(t)
	ops, err := s.Ops(ctx, doc, 0, 0)
	if err != nil {
		t.Fatalf("Ops = %v", err)
	}
	m, err := e2ee.VerifyLog(ops)
	if err != nil {
		t.Fatalf("VerifyLog(stored ops) = %v", err)
	}
	entries, err := s.ReadRange(ctx, doc, 0, 0)
	if err != nil || len(entries) != 4 {
		t.Fatalf("ReadRange = %d entries, %v; want 4", len(entries), err)
	}
	chain := e2ee.NewChain(doc)
	for _, e := range entries {
		v, err := e2ee.Verify(e.Envelope, m)
		if err != nil {
			t.Fatalf("entry %d: Verify = %v", e.Offset, err)
		}
		if err := chain.Check(v); err != nil {
			t.Fatalf("entry %d: chain: %v", e.Offset, err)
		}
	}
	if sn, ok, err := s.Snapshot(ctx, doc); !ok || err != nil || sn.Covers != 3 || sn.Offset != 4 {
		t.Errorf("Snapshot = %+v, %v, %v; want covers 3 at offset 4", sn, ok, err)
	}
}

func itoaVersion(v int) string { return strconv.Itoa(v) }

// The disclosure package of the fixtures from schema version 2 on.
var (
	fixturePackageID      = protocol.PackageID{'f', 'i', 'x', 't', 'u', 'r', 'e'}
	fixturePackage        = []byte("sealed disclosure package")
	fixturePackageExpires = time.Date(2100, 1, 1, 0, 0, 0, 0, time.UTC)
)

func checkFixturePackage(t *testing.T, s *Store) {
	t.Helper()
	rc, info, err := s.OpenPackage(t.Context(), fixturePackageID)
	if err != nil {
		t.Fatalf("OpenPackage = %v", err)
	}
	defer rc.Close()
	b, err := io.ReadAll(rc)
	if err != nil || !bytes.Equal(b, fixturePackage) || info.Doc != fixtureDocID(t) || !info.Expires.Equal(fixturePackageExpires) {
		t.Errorf("fixture package = %q, %+v, %v; want %q of the fixture document", b, info, err, fixturePackage)
	}
}
