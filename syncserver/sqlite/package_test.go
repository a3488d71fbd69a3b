package sqlite

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/mobio-sync/mobio/protocol"
	"github.com/mobio-sync/mobio/syncserver/storetest"
)

// A package's bytes leave the database files when it is withdrawn, when it expires and when
// its document is erased, without a Vacuum: secure_delete overwrites them, and the checkpoint
// at Close empties the WAL that still held them.
func TestGonePackagesLeaveNoBytesInTheFiles(t *testing.T) {
	ctx := t.Context()
	path := filepath.Join(t.TempDir(), "relay.db")
	s, err := Open(ctx, path, Options{Logger: discardLogger()})
	if err != nil {
		t.Fatal(err)
	}
	d, erased := storetest.NewDoc(t, 1), storetest.NewDoc(t, 1)
	d.Create(t, s)
	erased.Create(t, s)
	now := time.Now()
	marker := func(name string) []byte { return bytes.Repeat([]byte("<"+name+" package marker>"), 100_000) }
	packages := []struct {
		name    string
		doc     *storetest.Doc
		expires time.Time
		gone    func(id protocol.PackageID) error
	}{
		{"withdrawn", d, now.Add(time.Hour), func(id protocol.PackageID) error { return s.WithdrawPackage(ctx, d.ID, id) }},
		{"expired", d, now.Add(time.Minute), func(protocol.PackageID) error {
			_, err := s.ExpirePackages(ctx, now.Add(time.Minute), now)
			return err
		}},
		{"erased", erased, now.Add(time.Hour), func(protocol.PackageID) error { return s.Erase(ctx, erased.ID, []byte("tombstone")) }},
	}
	kept := marker("kept")
	if _, err := s.PutPackage(ctx, d.ID, protocol.NewPackageID(), kept, now.Add(time.Hour)); err != nil {
		t.Fatal(err)
	}
	ids := make([]protocol.PackageID, len(packages))
	for i, p := range packages {
		ids[i] = protocol.NewPackageID()
		if _, err := s.PutPackage(ctx, p.doc.ID, ids[i], marker(p.name), p.expires); err != nil {
			t.Fatal(err)
		}
	}
	for i, p := range packages {
		if err := p.gone(ids[i]); err != nil {
			t.Fatalf("%s: %v", p.name, err)
		}
	}
	var n int
	if err := s.rdb.QueryRowContext(ctx, "SELECT count(*) FROM package_chunks").Scan(&n); err != nil || n != (len(kept)+packageChunk-1)/packageChunk {
		t.Errorf("package chunks left = %d, %v; want only the kept package's", n, err)
	}
	if err := s.Close(ctx); err != nil {
		t.Fatal(err)
	}
	var files []byte
	for _, suffix := range []string{"", "-wal"} {
		b, err := os.ReadFile(path + suffix)
		if err == nil {
			files = append(files, b...)
		}
	}
	if !bytes.Contains(files, kept[:64]) {
		t.Fatal("the files do not hold the kept package: the check below proves nothing")
	}
	for _, p := range packages {
		if bytes.Contains(files, []byte("<"+p.name+" package marker>")) {
			t.Errorf("the database files still hold bytes of the %s package", p.name)
		}
	}
}
