package main

import (
	"context"

	"github.com/mobio-sync/mobio/client"
	"github.com/mobio-sync/mobio/client/sqlitestore"
)

// openLocalStore opens (or creates) this device's store of documents at path.
func openLocalStore(ctx context.Context, path string) (client.Store, error) {
	return sqlitestore.Open(ctx, path)
}
