package cv_test

import (
	"testing"

	"github.com/mobio-sync/mobio/internal/deptest"
)

// The CV is built in the browser too (the web app prints it), so it reads documents only
// through casework's view and compiles for js/wasm.
func TestCVImportsNoDocumentLibrary(t *testing.T) {
	for _, goos := range []string{"", "js"} {
		if goos == "js" {
			t.Setenv("GOOS", "js")
			t.Setenv("GOARCH", "wasm")
			t.Setenv("CGO_ENABLED", "0")
		}
		deptest.Forbid(t, "github.com/mobio-sync/mobio/casework/cv", map[string]string{
			"github.com/mobio-sync/mobio/crdt":       "casework reads documents through casework.Reader",
			"github.com/automerge/automerge-go":      "casework reads documents through casework.Reader",
			"github.com/mobio-sync/mobio/client":     "a CV needs no sync engine",
			"github.com/mobio-sync/mobio/syncserver": "a CV needs no relay",
			"database/sql":                           "a CV needs no storage",
		})
	}
}
