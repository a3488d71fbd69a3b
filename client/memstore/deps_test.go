package memstore

import (
	"testing"

	"github.com/mobio-sync/mobio/internal/deptest"
)

const pkg = "github.com/mobio-sync/mobio/client/memstore"

// The in-memory store is what the browser build links: no database, no relay, no document
// parser, and no test support.
func TestStoreImportsNoAdapter(t *testing.T) {
	forbidden := map[string]string{
		"github.com/mobio-sync/mobio/syncserver/...":     "a client store never links the relay",
		"github.com/mobio-sync/mobio/crdt/...":           "the store moves change bytes and never parses documents",
		"github.com/automerge/automerge-go":              "the store moves change bytes and never parses documents",
		"github.com/mobio-sync/mobio/client/sqlitestore": "adapters never import each other",
		"github.com/mobio-sync/mobio/client/storetest":   "test support is not linked into programs",
		"database/sql":       "the in-memory store is built for the browser, which has no SQL",
		"modernc.org/sqlite": "the in-memory store is built for the browser, which has no SQL",
	}
	deptest.Forbid(t, pkg, forbidden)
	t.Run("js/wasm", func(t *testing.T) {
		t.Setenv("GOOS", "js")
		t.Setenv("GOARCH", "wasm")
		t.Setenv("CGO_ENABLED", "0")
		deptest.Forbid(t, pkg, forbidden)
	})
}
