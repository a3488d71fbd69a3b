package consent_test

import (
	"testing"

	"github.com/mobio-sync/mobio/internal/deptest"
)

// Consent rules run in the browser too, over the JavaScript document, so they reach documents
// only through casework's view and never the sync engine or the relay.
func TestConsentImportsNoDocumentLibraryOrEngine(t *testing.T) {
	for _, goos := range []string{"", "js"} {
		if goos == "js" {
			t.Setenv("GOOS", "js")
			t.Setenv("GOARCH", "wasm")
			t.Setenv("CGO_ENABLED", "0")
		}
		deptest.Forbid(t, "github.com/mobio-sync/mobio/casework/consent", map[string]string{
			"github.com/mobio-sync/mobio/crdt":             "casework reads documents through casework.Reader",
			"github.com/automerge/automerge-go":            "casework reads documents through casework.Reader",
			"github.com/mobio-sync/mobio/client/...":       "withdrawal effects are returned as data; the caller drives the engine",
			"github.com/mobio-sync/mobio/syncserver/...":   "consent never talks to the relay",
			"github.com/mobio-sync/mobio/e2ee/keyring/...": "consent needs no secret",
			"database/sql": "storage belongs to the client stores",
		})
	}
}
