package sqlitestore

import (
	"os/exec"
	"slices"
	"strings"
	"testing"

	"github.com/mobio-sync/mobio/internal/deptest"
)

const pkg = "github.com/mobio-sync/mobio/client/sqlitestore"

// The store keeps bytes: it links no relay, no document parser, no other adapter and no test
// support.
func TestStoreImportsNoAdapter(t *testing.T) {
	deptest.Forbid(t, pkg, map[string]string{
		"github.com/mobio-sync/mobio/syncserver/...":                 "a client store never links the relay",
		"github.com/mobio-sync/mobio/crdt/...":                       "the store moves change bytes and never parses documents",
		"github.com/automerge/automerge-go":                          "the store moves change bytes and never parses documents",
		"github.com/mobio-sync/mobio/client/memstore":                "adapters never import each other",
		"github.com/mobio-sync/mobio/client/storetest":               "test support is not linked into programs",
		"github.com/mobio-sync/mobio/internal/sqlitedb/sqlitedbtest": "test support is not linked into programs",
	})
}

// The store does no I/O but its database and files: it imports no transport itself. (It
// imports client for the Store interface, and client talks to the relay; so this checks the
// store's own imports, not the whole graph.)
func TestStoreImportsNoTransport(t *testing.T) {
	out, err := exec.Command("go", "list", "-f", `{{join .Imports "\n"}}`, pkg).Output()
	if err != nil {
		t.Fatalf("go list %s: %v", pkg, err)
	}
	imports := strings.Fields(string(out))
	for _, forbidden := range []string{"net", "net/http", "github.com/coder/websocket", "github.com/mobio-sync/mobio/e2ee/keyring"} {
		if slices.Contains(imports, forbidden) {
			t.Errorf("%s imports %s: the store only keeps bytes", pkg, forbidden)
		}
	}
}
