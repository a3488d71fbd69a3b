package sqlite

import (
	"os/exec"
	"slices"
	"strings"
	"testing"

	"github.com/mobio-sync/mobio/internal/deptest"
)

const pkg = "github.com/mobio-sync/mobio/syncserver/sqlite"

// The store never holds a key and never parses a document, whatever it imports.
func TestStoreHoldsNoKeys(t *testing.T) {
	deptest.Forbid(t, pkg, map[string]string{
		"github.com/mobio-sync/mobio/e2ee/keyring":                   "the relay never holds a decryption key",
		"github.com/mobio-sync/mobio/crdt/...":                       "the relay never parses documents",
		"github.com/automerge/automerge-go":                          "the relay never parses documents",
		"github.com/mobio-sync/mobio/syncserver/storetest":           "test support is not linked into the relay",
		"github.com/mobio-sync/mobio/internal/sqlitedb/sqlitedbtest": "test support is not linked into the relay",
	})
}

// The store is an adapter that speaks SQL: it imports no transport itself. (It imports
// syncserver for the Store interface, and syncserver, the relay, serves HTTP and WebSocket;
// so this checks the store's own imports, not the whole graph.)
func TestStoreImportsNoTransport(t *testing.T) {
	out, err := exec.Command("go", "list", "-f", `{{join .Imports "\n"}}`, pkg).Output()
	if err != nil {
		t.Fatalf("go list %s: %v", pkg, err)
	}
	imports := strings.Fields(string(out))
	for _, forbidden := range []string{"net", "net/http", "github.com/coder/websocket"} {
		if slices.Contains(imports, forbidden) {
			t.Errorf("%s imports %s: the store does no I/O but its database", pkg, forbidden)
		}
	}
}
