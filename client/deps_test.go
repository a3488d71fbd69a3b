package client_test

import (
	"testing"

	"github.com/mobio-sync/mobio/internal/deptest"
)

// The engine is CRDT-agnostic and runs in the browser: it moves sealed change bytes and
// never parses a document, never opens a database and never links the relay.
func TestClientImportsNoDocumentStoreOrRelay(t *testing.T) {
	forbidden := map[string]string{
		"github.com/mobio-sync/mobio/crdt/...":       "the engine moves change bytes through client.Doc",
		"github.com/automerge/automerge-go":          "the engine moves change bytes through client.Doc",
		"github.com/mobio-sync/mobio/syncserver/...": "a client never links the relay",
		"database/sql":       "stores are adapters (client/sqlitestore), chosen by the program",
		"modernc.org/sqlite": "stores are adapters (client/sqlitestore), chosen by the program",
	}
	deptest.Forbid(t, "github.com/mobio-sync/mobio/client", forbidden)
	t.Run("js/wasm", func(t *testing.T) {
		t.Setenv("GOOS", "js")
		t.Setenv("GOARCH", "wasm")
		t.Setenv("CGO_ENABLED", "0")
		deptest.Forbid(t, "github.com/mobio-sync/mobio/client", forbidden)
	})
}
