package research_test

import (
	"testing"

	"github.com/mobio-sync/mobio/internal/deptest"
)

// The export runs in the browser too, so it reads documents only through casework's view.
func TestResearchImportsNoDocumentLibraryOrEngine(t *testing.T) {
	for _, goos := range []string{"", "js"} {
		if goos == "js" {
			t.Setenv("GOOS", "js")
			t.Setenv("GOARCH", "wasm")
			t.Setenv("CGO_ENABLED", "0")
		}
		deptest.Forbid(t, "github.com/mobio-sync/mobio/casework/research", map[string]string{
			"github.com/mobio-sync/mobio/crdt":       "casework reads documents through casework.Reader",
			"github.com/automerge/automerge-go":      "casework reads documents through casework.Reader",
			"github.com/mobio-sync/mobio/client/...": "an export needs no sync engine",
			"database/sql":                           "an export reads documents, not a database",
		})
	}
}
