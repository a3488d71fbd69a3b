package plan_test

import (
	"testing"

	"github.com/mobio-sync/mobio/internal/deptest"
)

// The plan's rules run in the browser too, so they read documents only through casework's
// view, and sign with the keyring that the browser has as well.
func TestPlanImportsNoDocumentLibraryOrEngine(t *testing.T) {
	for _, goos := range []string{"", "js"} {
		if goos == "js" {
			t.Setenv("GOOS", "js")
			t.Setenv("GOARCH", "wasm")
			t.Setenv("CGO_ENABLED", "0")
		}
		deptest.Forbid(t, "github.com/mobio-sync/mobio/casework/plan", map[string]string{
			"github.com/mobio-sync/mobio/crdt":           "casework reads documents through casework.Reader",
			"github.com/automerge/automerge-go":          "casework reads documents through casework.Reader",
			"github.com/mobio-sync/mobio/client/...":     "the plan needs no sync engine",
			"github.com/mobio-sync/mobio/syncserver/...": "the plan needs no relay",
			"database/sql": "the plan needs no database",
			"net":          "the plan does no I/O",
		})
	}
}
