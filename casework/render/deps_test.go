package render_test

import (
	"testing"

	"github.com/mobio-sync/mobio/internal/deptest"
)

// Rendering runs in the browser too (the web app prints a CV or a disclosure package), so it
// imports neither the document library nor anything of the sync engine.
func TestRenderImportsNoDocumentLibrary(t *testing.T) {
	for _, goos := range []string{"", "js"} {
		if goos == "js" {
			t.Setenv("GOOS", "js")
			t.Setenv("GOARCH", "wasm")
			t.Setenv("CGO_ENABLED", "0")
		}
		deptest.Forbid(t, "github.com/mobio-sync/mobio/casework/render", map[string]string{
			"github.com/mobio-sync/mobio/crdt":         "rendering prints a model, never a document",
			"github.com/automerge/automerge-go":        "rendering prints a model, never a document",
			"github.com/mobio-sync/mobio/client":       "rendering needs no sync engine",
			"github.com/mobio-sync/mobio/casework/...": "casework packages use render, not the other way",
			"net/http": "a rendered page loads nothing",
		})
	}
}
