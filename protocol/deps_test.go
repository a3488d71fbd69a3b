//go:build !js

// deptest runs `go list`, which a js/wasm test binary cannot start; the native run checks the
// import graph.

package protocol_test

import (
	"testing"

	"github.com/mobio-sync/mobio/internal/deptest"
)

// The relay and the browser both import protocol; keeping it free of I/O and secrets keeps it
// usable by both and reviewable alone.
func TestProtocolHasNoIO(t *testing.T) {
	deptest.Forbid(t, "github.com/mobio-sync/mobio/protocol", map[string]string{
		"github.com/mobio-sync/mobio/e2ee/keyring": "frames carry public values only; keys stay in keyring",
		"net":                        "no I/O",
		"net/http":                   "no I/O",
		"database/sql":               "no I/O",
		"github.com/coder/websocket": "no I/O: the transport lives in syncserver and client",
		"github.com/mobio-sync/mobio/syncserver/...": "the relay depends on protocol, not the other way round",
		"github.com/mobio-sync/mobio/client/...":     "clients depend on protocol, not the other way round",
	})
}
