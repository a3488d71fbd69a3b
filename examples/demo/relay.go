package demo

import (
	"context"
	"errors"
	"fmt"
	"net"
	"os"
	"path/filepath"
	"time"

	"github.com/mobio-sync/mobio/syncserver"
	"github.com/mobio-sync/mobio/syncserver/sqlite"
)

// Relay is a mobio relay on a free port of 127.0.0.1 with its SQLite store in a temporary
// directory.
type Relay struct {
	SyncURL string        // the WebSocket endpoint clients dial
	Store   *sqlite.Store // what the relay keeps, for scenarios that look at the ciphertext
	dir     string
	cancel  context.CancelFunc
	done    chan error
}

// StartRelay starts a relay; its [Relay.Stop] shuts it down and removes its files.
func StartRelay(ctx context.Context) (*Relay, error) {
	dir, err := os.MkdirTemp("", "mobio-example-relay-")
	if err != nil {
		return nil, fmt.Errorf("relay directory: %w", err)
	}
	store, err := sqlite.Open(ctx, filepath.Join(dir, "relay.db"), sqlite.Options{Logger: logger})
	if err != nil {
		os.RemoveAll(dir)
		return nil, fmt.Errorf("open the relay's store: %w", err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		store.Close(ctx)
		os.RemoveAll(dir)
		return nil, fmt.Errorf("listen: %w", err)
	}
	base := "ws://" + ln.Addr().String()
	srv, err := syncserver.New(syncserver.Config{
		Store:  store,
		Logger: logger,
		// Clients sign the relay's origin into their authentication; accept only ours.
		Origins:      []string{base},
		DrainTimeout: 2 * time.Second,
	})
	if err != nil {
		ln.Close()
		store.Close(ctx)
		os.RemoveAll(dir)
		return nil, fmt.Errorf("new relay: %w", err)
	}
	rctx, cancel := context.WithCancel(context.WithoutCancel(ctx))
	r := &Relay{SyncURL: base + "/sync", Store: store, dir: dir, cancel: cancel, done: make(chan error, 1)}
	go func() { r.done <- srv.Run(rctx, ln) }()
	return r, nil
}

// Stop drains the relay's connections, closes its store and removes its files.
func (r *Relay) Stop() error {
	r.cancel()
	err := <-r.done
	if errors.Is(err, context.Canceled) {
		err = nil
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if cerr := r.Store.Close(ctx); cerr != nil && err == nil {
		err = fmt.Errorf("close the relay's store: %w", cerr)
	}
	os.RemoveAll(r.dir)
	return err
}
