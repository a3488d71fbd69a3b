//go:build js

package idbstore_test

import (
	"context"
	"fmt"
	"sync/atomic"
	"testing"

	"github.com/mobio-sync/mobio/client"
	"github.com/mobio-sync/mobio/client/storetest"
	"github.com/mobio-sync/mobio/wasm/idbstore"
)

var dbSeq atomic.Int64

// open opens the store in database name and deletes the database when the test ends.
func open(t *testing.T, name string) *idbstore.Store {
	t.Helper()
	s, err := idbstore.Open(t.Context(), name)
	if err != nil {
		t.Fatalf("Open(%q) = %v", name, err)
	}
	return s
}

func TestConformance(t *testing.T) {
	storetest.Run(t, func(t *testing.T) client.Store {
		name := fmt.Sprintf("conformance-%d", dbSeq.Add(1))
		t.Cleanup(func() { deleteDB(t, name) })
		return open(t, name)
	})
}

func TestDurable(t *testing.T) {
	storetest.RunDurable(t, func(t *testing.T, dir string) client.Store {
		// dir is new for each store the suite keeps, and the same when it reopens one.
		t.Cleanup(func() { deleteDB(t, dir) })
		return open(t, dir)
	})
}

func deleteDB(t *testing.T, name string) {
	t.Helper()
	if err := idbstore.Delete(context.Background(), name); err != nil {
		t.Errorf("Delete(%q) = %v", name, err)
	}
}
