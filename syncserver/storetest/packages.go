package storetest

import (
	"bytes"
	"errors"
	"io"
	"testing"
	"time"

	"github.com/mobio-sync/mobio/e2ee"
	"github.com/mobio-sync/mobio/protocol"
	"github.com/mobio-sync/mobio/syncserver"
)

// packageStore returns s as a PackageStore, or skips the test.
func packageStore(t *testing.T, s syncserver.Store) syncserver.PackageStore {
	t.Helper()
	ps, ok := s.(syncserver.PackageStore)
	if !ok {
		t.Skip("store does not implement syncserver.PackageStore")
	}
	return ps
}

// readPackage reads package id whole, or returns the error of opening or reading it.
func readPackage(t *testing.T, ps syncserver.PackageStore, id protocol.PackageID) ([]byte, syncserver.PackageInfo, error) {
	t.Helper()
	rc, info, err := ps.OpenPackage(ctxOf(t), id)
	if err != nil {
		return nil, info, err
	}
	defer rc.Close()
	b, err := io.ReadAll(rc)
	return b, info, err
}

// packageBytes returns n bytes that differ from those of another seed.
func packageBytes(n int, seed byte) []byte {
	b := make([]byte, n)
	for i := range b {
		b[i] = byte(i*7) ^ seed
	}
	return b
}

func testPackages(t *testing.T, s syncserver.Store) {
	ps := packageStore(t, s)
	ctx := ctxOf(t)
	d, other := NewDoc(t, 1), NewDoc(t, 1)
	d.Create(t, s)
	other.Create(t, s)
	expires := time.Now().Add(time.Hour).Truncate(time.Second)
	// Larger than a chunk of any sensible store, so that reads cross chunks.
	data := packageBytes(3<<20+5, 1)
	id := protocol.NewPackageID()

	before, err := s.Usage(ctx, d.ID)
	if err != nil {
		t.Fatal(err)
	}
	if created, err := ps.PutPackage(ctx, d.ID, id, data, expires); !created || err != nil {
		t.Fatalf("PutPackage = %v, %v; want created", created, err)
	}
	got, info, err := readPackage(t, ps, id)
	if err != nil || !bytes.Equal(got, data) {
		t.Fatalf("read package = %d bytes, %v; want the %d stored", len(got), err, len(data))
	}
	want := syncserver.PackageInfo{ID: id, Doc: d.ID, Size: int64(len(data)), Expires: expires}
	if !info.Expires.Equal(want.Expires) || info.ID != want.ID || info.Doc != want.Doc || info.Size != want.Size {
		t.Errorf("OpenPackage info = %+v, want %+v", info, want)
	}
	rc, _, err := ps.OpenPackage(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := rc.Seek(2<<20, io.SeekStart); err != nil {
		t.Fatal(err)
	}
	part := make([]byte, 10)
	if _, err := io.ReadFull(rc, part); err != nil || !bytes.Equal(part, data[2<<20:2<<20+10]) {
		t.Errorf("read after Seek = %x, %v; want %x", part, err, data[2<<20:2<<20+10])
	}
	rc.Close()
	if n, err := s.Usage(ctx, d.ID); n != before+int64(len(data)) || err != nil {
		t.Errorf("Usage with a package = %d, %v; want %d", n, err, before+int64(len(data)))
	}
	if list, err := ps.Packages(ctx, d.ID); err != nil || len(list) != 1 || list[0].ID != id || list[0].Size != int64(len(data)) {
		t.Errorf("Packages = %+v, %v; want the one package", list, err)
	}
	if list, err := ps.Packages(ctx, other.ID); err != nil || len(list) != 0 {
		t.Errorf("Packages of another document = %+v, %v; want none", list, err)
	}

	refusals := []struct {
		name string
		err  error
		want error
	}{
		{"same bytes again", second(ps.PutPackage(ctx, d.ID, id, data, expires)), nil},
		{"other bytes under the ID", second(ps.PutPackage(ctx, d.ID, id, data[:10], expires)), syncserver.ErrConflict},
		{"the ID for another document", second(ps.PutPackage(ctx, other.ID, id, data, expires)), syncserver.ErrConflict},
		{"unknown document", second(ps.PutPackage(ctx, e2ee.DocID{1}, protocol.NewPackageID(), data, expires)), syncserver.ErrNotFound},
		{"withdrawal by another document", ps.WithdrawPackage(ctx, other.ID, id), syncserver.ErrNotFound},
		{"withdrawal of an unknown package", ps.WithdrawPackage(ctx, d.ID, protocol.NewPackageID()), syncserver.ErrNotFound},
		{"open an unknown package", third(ps.OpenPackage(ctx, protocol.NewPackageID())), syncserver.ErrNotFound},
	}
	for _, tt := range refusals {
		if !errors.Is(tt.err, tt.want) || (tt.want == nil && tt.err != nil) {
			t.Errorf("%s = %v, want %v", tt.name, tt.err, tt.want)
		}
	}
	if created, _ := ps.PutPackage(ctx, d.ID, id, data, expires); created {
		t.Error("PutPackage of the same bytes again reports created")
	}

	if err := ps.WithdrawPackage(ctx, d.ID, id); err != nil {
		t.Fatalf("WithdrawPackage = %v", err)
	}
	if _, _, err := readPackage(t, ps, id); !errors.Is(err, syncserver.ErrNotFound) {
		t.Errorf("read withdrawn package = %v, want ErrNotFound", err)
	}
	if err := ps.WithdrawPackage(ctx, d.ID, id); err != nil {
		t.Errorf("WithdrawPackage again = %v, want nil", err)
	}
	if _, err := ps.PutPackage(ctx, d.ID, id, data, expires); !errors.Is(err, syncserver.ErrConflict) {
		t.Errorf("PutPackage of a withdrawn ID = %v, want ErrConflict: an ID is used once", err)
	}
	if n, err := s.Usage(ctx, d.ID); n != before || err != nil {
		t.Errorf("Usage after withdrawal = %d, %v; want %d", n, err, before)
	}
	if list, err := ps.Packages(ctx, d.ID); err != nil || len(list) != 0 {
		t.Errorf("Packages after withdrawal = %+v, %v; want none", list, err)
	}
}

func testPackageExpiry(t *testing.T, s syncserver.Store) {
	ps := packageStore(t, s)
	ctx := ctxOf(t)
	d := NewDoc(t, 1)
	d.Create(t, s)
	now := time.Unix(1_800_000_000, 0)
	soon, later := protocol.NewPackageID(), protocol.NewPackageID()
	withdrawn := protocol.NewPackageID()
	for _, p := range []struct {
		id      protocol.PackageID
		expires time.Time
	}{{soon, now.Add(time.Minute)}, {later, now.Add(time.Hour)}, {withdrawn, now.Add(time.Minute)}} {
		if _, err := ps.PutPackage(ctx, d.ID, p.id, packageBytes(100, p.id[0]), p.expires); err != nil {
			t.Fatal(err)
		}
	}
	if err := ps.WithdrawPackage(ctx, d.ID, withdrawn); err != nil {
		t.Fatal(err)
	}
	if list, err := ps.Packages(ctx, d.ID); err != nil || len(list) != 2 || list[0].ID != soon || list[1].ID != later {
		t.Errorf("Packages = %+v, %v; want the 2 not withdrawn, sooner expiry first", list, err)
	}
	if got, err := ps.ExpirePackages(ctx, now.Add(time.Minute-time.Second), now); len(got) != 0 || err != nil {
		t.Errorf("ExpirePackages before any expiry = %+v, %v; want none", got, err)
	}
	got, err := ps.ExpirePackages(ctx, now.Add(time.Minute), now)
	if err != nil || len(got) != 1 || got[0].ID != soon || got[0].Doc != d.ID || got[0].Size != 100 {
		t.Fatalf("ExpirePackages at the first expiry = %+v, %v; want the package expiring then", got, err)
	}
	if _, _, err := readPackage(t, ps, soon); !errors.Is(err, syncserver.ErrNotFound) {
		t.Errorf("read expired package = %v, want ErrNotFound", err)
	}
	if _, _, err := readPackage(t, ps, later); err != nil {
		t.Errorf("read package not yet expired = %v", err)
	}
	// Until the IDs are forgotten, they cannot be stored again.
	for _, id := range []protocol.PackageID{soon, withdrawn} {
		if _, err := ps.PutPackage(ctx, d.ID, id, packageBytes(100, id[0]), now.Add(2*time.Hour)); !errors.Is(err, syncserver.ErrConflict) {
			t.Errorf("PutPackage of an expired or withdrawn ID = %v, want ErrConflict", err)
		}
	}
	if got, err := ps.ExpirePackages(ctx, now.Add(time.Minute), now.Add(time.Minute+time.Second)); len(got) != 0 || err != nil {
		t.Errorf("ExpirePackages forgetting = %+v, %v; want nothing expired", got, err)
	}
	if created, err := ps.PutPackage(ctx, d.ID, soon, packageBytes(10, 9), now.Add(2*time.Hour)); !created || err != nil {
		t.Errorf("PutPackage of a forgotten ID = %v, %v; want created", created, err)
	}
	if n, err := s.Usage(ctx, d.ID); n != 110 || err != nil {
		t.Errorf("Usage = %d, %v; want 110 (the live packages)", n, err)
	}
}

func testPackageErase(t *testing.T, s syncserver.Store) {
	ps := packageStore(t, s)
	ctx := ctxOf(t)
	d, kept := NewDoc(t, 1), NewDoc(t, 1)
	d.Create(t, s)
	kept.Create(t, s)
	expires := time.Now().Add(time.Hour)
	id, keptID := protocol.NewPackageID(), protocol.NewPackageID()
	if _, err := ps.PutPackage(ctx, d.ID, id, packageBytes(1000, 1), expires); err != nil {
		t.Fatal(err)
	}
	if _, err := ps.PutPackage(ctx, kept.ID, keptID, packageBytes(1000, 2), expires); err != nil {
		t.Fatal(err)
	}
	if err := s.Erase(ctx, d.ID, []byte("signed erasure")); err != nil {
		t.Fatal(err)
	}
	if _, _, err := readPackage(t, ps, id); !errors.Is(err, syncserver.ErrNotFound) {
		t.Errorf("read package of an erased document = %v, want ErrNotFound", err)
	}
	calls := []struct {
		name string
		err  error
	}{
		{"PutPackage", second(ps.PutPackage(ctx, d.ID, protocol.NewPackageID(), []byte("x"), expires))},
		{"WithdrawPackage", ps.WithdrawPackage(ctx, d.ID, id)},
		{"Packages", second(ps.Packages(ctx, d.ID))},
	}
	for _, c := range calls {
		if !errors.Is(c.err, syncserver.ErrErased) {
			t.Errorf("%s after Erase = %v, want ErrErased", c.name, c.err)
		}
	}
	if got, _, err := readPackage(t, ps, keptID); err != nil || !bytes.Equal(got, packageBytes(1000, 2)) {
		t.Errorf("package of another document after Erase: %d bytes, %v", len(got), err)
	}
	if list, err := ps.Packages(ctx, kept.ID); err != nil || len(list) != 1 {
		t.Errorf("Packages of another document after Erase = %+v, %v; want its one", list, err)
	}
}
