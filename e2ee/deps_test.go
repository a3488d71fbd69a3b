//go:build !js

// deptest runs `go list`, and a js/wasm test binary in Node cannot start processes; the native
// run checks the import graph.

package e2ee_test

import (
	"testing"

	"github.com/mobio-sync/mobio/internal/deptest"
)

// The relay imports e2ee; keeping every secret in keyring makes "the relay never holds a
// decryption key" a fact of the import graph.
func TestPublicPartsHoldNoSecrets(t *testing.T) {
	deptest.Forbid(t, "github.com/mobio-sync/mobio/e2ee", map[string]string{
		"github.com/mobio-sync/mobio/e2ee/keyring": "secrets and decryption live in keyring only",
		"github.com/mobio-sync/mobio/protocol/...": "wire frames depend on e2ee, not the other way round",
		"github.com/mobio-sync/mobio/crdt/...":     "envelopes carry opaque bytes",
		"net":                                      "no I/O",
		"net/http":                                 "no I/O",
		"database/sql":                             "no storage",
	})
	deptest.Forbid(t, "github.com/mobio-sync/mobio/e2ee/keyring", map[string]string{
		"github.com/mobio-sync/mobio/protocol/...": "keys never reach the wire layer",
		"github.com/mobio-sync/mobio/crdt/...":     "envelopes carry opaque bytes",
		"net":                                      "no I/O",
		"net/http":                                 "no I/O",
		"database/sql":                             "no storage",
	})
}
