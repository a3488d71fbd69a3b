package storetest

import (
	"testing"

	"github.com/mobio-sync/mobio/internal/deptest"
)

// The suite judges stores; it must not depend on any of them.
func TestSuiteImportsNoStore(t *testing.T) {
	deptest.Forbid(t, "github.com/mobio-sync/mobio/syncserver/storetest", map[string]string{
		"github.com/mobio-sync/mobio/syncserver/sqlite/...":   "the suite runs against every store, and depends on none",
		"github.com/mobio-sync/mobio/syncserver/postgres/...": "the suite runs against every store, and depends on none",
	})
}
