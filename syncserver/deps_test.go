//go:build !js

package syncserver_test

import (
	"testing"

	"github.com/mobio-sync/mobio/internal/deptest"
)

// The relay cannot read content by construction: it imports no package that parses documents
// or holds a key that decrypts. It depends on the Store interface, never on an adapter.
func TestRelayCannotReadContent(t *testing.T) {
	deptest.Forbid(t, "github.com/mobio-sync/mobio/syncserver", map[string]string{
		"github.com/mobio-sync/mobio/crdt/...":          "the relay never parses documents",
		"github.com/automerge/automerge-go":             "the relay never parses documents",
		"github.com/mobio-sync/mobio/e2ee/keyring":      "the relay never holds a decryption key",
		"github.com/mobio-sync/mobio/client/...":        "clients depend on the protocol, not on the relay",
		"github.com/mobio-sync/mobio/syncserver/sqlite": "the relay uses the Store interface; cmd/mobio picks the adapter",
	})
}
