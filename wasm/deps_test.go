//go:build !js

package wasm_test

import (
	"testing"

	"github.com/mobio-sync/mobio/internal/deptest"
)

// The browser client links the engine, the cryptography and IndexedDB, and nothing of the
// server, no database and no document parser: documents stay in @automerge/automerge, and
// every package less is a smaller download.
func TestBrowserClientImportsNoServerDatabaseOrDocumentParser(t *testing.T) {
	t.Setenv("GOOS", "js")
	t.Setenv("GOARCH", "wasm")
	t.Setenv("CGO_ENABLED", "0")
	forbidden := map[string]string{
		"github.com/mobio-sync/mobio/crdt/...":           "documents are parsed in JavaScript (js/doc.js)",
		"github.com/automerge/automerge-go":              "documents are parsed in JavaScript (js/doc.js)",
		"github.com/mobio-sync/mobio/syncserver/...":     "a client never links the relay",
		"github.com/mobio-sync/mobio/client/sqlitestore": "the browser keeps its data in IndexedDB",
		"github.com/mobio-sync/mobio/client/storetest":   "test support is not linked into programs",
		"github.com/mobio-sync/mobio/casework/...":       "case work is the case-work module's (mobio-casework.wasm), loaded when needed",
		"github.com/mobio-sync/mobio/wasm/caseworkjs":    "case work is the case-work module's (mobio-casework.wasm), loaded when needed",
		"database/sql":       "the browser has no SQL database",
		"modernc.org/sqlite": "the browser has no SQL database",
	}
	for _, pkg := range []string{
		"github.com/mobio-sync/mobio/wasm/cmd/mobio-wasm",
		"github.com/mobio-sync/mobio/wasm/idbstore",
	} {
		deptest.Forbid(t, pkg, forbidden)
	}
}
