//go:build js

package idbstore

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/mobio-sync/mobio/client"
	"github.com/mobio-sync/mobio/e2ee"
)

func openTest(t *testing.T, name string) *Store {
	t.Helper()
	s, err := Open(t.Context(), name)
	if err != nil {
		t.Fatalf("Open(%q) = %v", name, err)
	}
	t.Cleanup(func() {
		s.Close()
		if err := Delete(context.Background(), name); err != nil {
			t.Errorf("Delete(%q) = %v", name, err)
		}
	})
	return s
}

// chunkCount counts every stored chunk.
func chunkCount(t *testing.T, s *Store) int {
	t.Helper()
	var n int
	err := s.read(t.Context(), []string{stChunks}, func(tx *tx) error {
		v, err := tx.call(stChunks, "count")
		n = v.Int()
		return err
	})
	if err != nil {
		t.Fatalf("count chunks: %v", err)
	}
	return n
}

var doc = e2ee.DocID{1, 2, 3}

func TestFailedPutBlobLeavesNoChunks(t *testing.T) {
	s := openTest(t, "failed-put")
	if err := s.CreateDoc(t.Context(), client.DocRecord{ID: doc, Title: "a"}); err != nil {
		t.Fatal(err)
	}
	broken := errors.New("broken pipe")
	data := bytes.Repeat([]byte{7}, 3*chunkSize+5)
	r := &failAfter{data: data, err: broken}
	if err := s.PutBlob(t.Context(), doc, e2ee.Hash{9}, r); !errors.Is(err, broken) {
		t.Fatalf("PutBlob from a failing reader = %v, want its error", err)
	}
	if n := chunkCount(t, s); n != 0 {
		t.Errorf("after the failed PutBlob %d chunks are stored, want 0", n)
	}
}

type failAfter struct {
	data []byte
	err  error
}

func (r *failAfter) Read(p []byte) (int, error) {
	if len(r.data) == 0 {
		return 0, r.err
	}
	n := copy(p, r.data)
	r.data = r.data[n:]
	return n, nil
}

// Chunks of a PutBlob that died with its tab have no blob record; opening the store deletes
// them once they are old, and leaves young ones (another tab may be writing them) and those of
// stored blobs alone.
func TestOpenCollectsStaleChunks(t *testing.T) {
	const name = "garbage"
	s := openTest(t, name)
	ctx := t.Context()
	if err := s.CreateDoc(ctx, client.DocRecord{ID: doc, Title: "a"}); err != nil {
		t.Fatal(err)
	}
	if err := s.PutBlob(ctx, doc, e2ee.Hash{1}, bytes.NewReader([]byte("kept"))); err != nil {
		t.Fatal(err)
	}
	old := fmt.Sprintf("%013d-%x", time.Now().Add(-2*staleStaging).UnixMilli(), 1)
	young := newSet()
	for _, set := range []string{old, young} {
		err := s.write(ctx, []string{stChunks}, func(tx *tx) error {
			for i := range 3 {
				if err := tx.put(stChunks, bytesToJS([]byte("orphan")), chunkKey(doc, e2ee.Hash{2}, set, i)); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	if n := chunkCount(t, s); n != 7 {
		t.Fatalf("%d chunks before reopening, want 7", n)
	}
	s.Close()

	s2, err := Open(ctx, name)
	if err != nil {
		t.Fatal(err)
	}
	defer s2.Close()
	if n := chunkCount(t, s2); n != 4 {
		t.Errorf("%d chunks after reopening, want 4 (the blob's and the young orphans)", n)
	}
	r, _, err := s2.OpenBlob(ctx, doc, e2ee.Hash{1})
	if err != nil {
		t.Fatalf("OpenBlob of the stored blob after reopening = %v", err)
	}
	r.Close()
}

func TestSealedIdentityIsKept(t *testing.T) {
	const name = "identity"
	s := openTest(t, name)
	ctx := t.Context()
	if _, err := s.Identity(ctx); !errors.Is(err, client.ErrNotFound) {
		t.Errorf("Identity of a new store = %v, want ErrNotFound", err)
	}
	for _, sealed := range [][]byte{[]byte("sealed one"), []byte("sealed two")} {
		if err := s.SaveIdentity(ctx, sealed); err != nil {
			t.Fatal(err)
		}
	}
	s.Close()
	s2, err := Open(ctx, name)
	if err != nil {
		t.Fatal(err)
	}
	defer s2.Close()
	if got, err := s2.Identity(ctx); err != nil || string(got) != "sealed two" {
		t.Errorf("Identity after reopening = %q, %v; want the last one saved", got, err)
	}
}
