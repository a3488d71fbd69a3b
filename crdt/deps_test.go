package crdt_test

import (
	"testing"

	"github.com/mobio-sync/mobio/internal/deptest"
)

// The document layer knows nothing of keys, wires or servers: it moves opaque bytes, and the
// sync engine above it stays CRDT-agnostic.
func TestDocumentLayerStaysInward(t *testing.T) {
	deptest.Forbid(t, "github.com/mobio-sync/mobio/crdt", map[string]string{
		"github.com/mobio-sync/mobio/e2ee/...":       "the document layer never handles keys",
		"github.com/mobio-sync/mobio/protocol/...":   "the document layer never speaks the wire protocol",
		"github.com/mobio-sync/mobio/client/...":     "the client depends on crdt through its Doc interface, not the other way round",
		"github.com/mobio-sync/mobio/syncserver/...": "the relay never parses documents",
		"net":          "the document layer does no I/O",
		"database/sql": "storage belongs to the client stores",
	})
	deptest.Forbid(t, "github.com/mobio-sync/mobio/crdt/schema", map[string]string{
		"github.com/mobio-sync/mobio/crdt":  "the catalogue is data for every layer, including the web app",
		"github.com/automerge/automerge-go": "the catalogue is data for every layer, including the web app",
		"net":                               "the catalogue does no I/O",
	})
}
