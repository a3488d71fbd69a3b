package storetest

import (
	"testing"

	"github.com/mobio-sync/mobio/internal/deptest"
)

// The suite judges stores; it must not depend on any of them.
func TestSuiteImportsNoStore(t *testing.T) {
	deptest.Forbid(t, "github.com/mobio-sync/mobio/client/storetest", map[string]string{
		"github.com/mobio-sync/mobio/client/sqlitestore/...": "the suite runs against every store, and depends on none",
		"github.com/mobio-sync/mobio/client/memstore/...":    "the suite runs against every store, and depends on none",
		"github.com/mobio-sync/mobio/wasm/...":               "the suite runs against every store, and depends on none",
		"database/sql":                                       "the suite also runs in the browser",
	})
}
