package disclosure_test

import (
	"testing"

	"github.com/mobio-sync/mobio/internal/deptest"
)

// Disclosure runs in the browser too (the web app builds and opens packages), so it reads
// documents through casework's view and needs neither the sync engine nor a database.
func TestDisclosureImportsNoDocumentLibraryOrEngine(t *testing.T) {
	for _, goos := range []string{"", "js"} {
		if goos == "js" {
			t.Setenv("GOOS", "js")
			t.Setenv("GOARCH", "wasm")
			t.Setenv("CGO_ENABLED", "0")
		}
		deptest.Forbid(t, "github.com/mobio-sync/mobio/casework/disclosure", map[string]string{
			"github.com/mobio-sync/mobio/crdt":           "casework reads documents through casework.Reader",
			"github.com/automerge/automerge-go":          "casework reads documents through casework.Reader",
			"github.com/mobio-sync/mobio/client/...":     "building a package needs no sync engine; the caller uploads it",
			"github.com/mobio-sync/mobio/syncserver/...": "the relay's code stays out of the clients",
			"database/sql": "no database in the browser",
			"net/http":     "the caller fetches and uploads packages",
		})
	}
}
