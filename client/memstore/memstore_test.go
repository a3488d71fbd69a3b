package memstore_test

import (
	"testing"

	"github.com/mobio-sync/mobio/client"
	"github.com/mobio-sync/mobio/client/memstore"
	"github.com/mobio-sync/mobio/client/storetest"
)

func TestConformance(t *testing.T) {
	storetest.Run(t, func(t *testing.T) client.Store { return memstore.New() })
}
