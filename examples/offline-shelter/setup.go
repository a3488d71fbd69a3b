package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"os"
	"path/filepath"
	"sync"
	"time"

	"github.com/mobio-sync/mobio/client"
	"github.com/mobio-sync/mobio/crdt"
	"github.com/mobio-sync/mobio/e2ee"
	"github.com/mobio-sync/mobio/e2ee/keyring"
	"github.com/mobio-sync/mobio/syncserver"
	"github.com/mobio-sync/mobio/syncserver/sqlite"
)

// The same setup (relay, document factory, event recorder) opens every program in
// examples/, so that each one reads and copies on its own.

// logger shows warnings and errors of relay and clients on stderr; the narrative is on stdout.
var logger = slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelWarn}))

// relay is a mobio relay on a free port of 127.0.0.1 with its SQLite store in a temporary
// directory.
type relay struct {
	SyncURL string // the WebSocket endpoint clients dial
	Store   *sqlite.Store
	dir     string
	cancel  context.CancelFunc
	done    chan error
}

// startRelay starts a relay; its Stop shuts it down and removes its files.
func startRelay(ctx context.Context) (*relay, error) {
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
	r := &relay{SyncURL: base + "/sync", Store: store, dir: dir, cancel: cancel, done: make(chan error, 1)}
	go func() { r.done <- srv.Run(rctx, ln) }()
	return r, nil
}

// Stop drains the relay's connections, closes its store and removes its files.
func (r *relay) Stop() error {
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

// newBiography is the clients' DocFactory: a biography replica from saved bytes, or an empty
// one that receives its content from the relay. It returns a nil interface, never a nil
// *crdt.Biography inside a non-nil client.Doc, on error.
func newBiography(data []byte) (client.Doc, error) {
	var (
		b   *crdt.Biography
		err error
	)
	if len(data) == 0 {
		b, err = crdt.Empty()
	} else {
		b, err = crdt.Load(data)
	}
	if err != nil {
		return nil, err
	}
	return b, nil
}

// bio reads the biography inside a client.Doc.
func bio(d client.Doc) *crdt.Biography { return d.(*crdt.Biography) }

// events records a client's events, so that the scenario can wait for what it expects.
// Config.OnEvent must neither block nor call the client: add only appends and wakes.
type events struct {
	mu   sync.Mutex
	all  []client.Event
	at   []time.Time   // when each of all arrived
	wake chan struct{} // closed and replaced on every event
}

func newEvents() *events { return &events{wake: make(chan struct{})} }

func (e *events) add(ev client.Event) {
	e.mu.Lock()
	e.all = append(e.all, ev)
	e.at = append(e.at, time.Now())
	close(e.wake)
	e.wake = make(chan struct{})
	e.mu.Unlock()
}

// mark returns a position in the record, for since.
func (e *events) mark() int {
	e.mu.Lock()
	defer e.mu.Unlock()
	return len(e.all)
}

// since reports whether an event that ok accepts was recorded at or after position from.
func (e *events) since(from int, ok func(client.Event) bool) bool {
	_, found := e.firstSince(from, ok)
	return found
}

// firstSince returns when the first event that ok accepts at or after position from arrived.
func (e *events) firstSince(from int, ok func(client.Event) bool) (time.Time, bool) {
	e.mu.Lock()
	defer e.mu.Unlock()
	for i := from; i < len(e.all); i++ {
		if ok(e.all[i]) {
			return e.at[i], true
		}
	}
	return time.Time{}, false
}

// wait returns once cond holds; cond is checked now and after every event. It fails, naming
// what, when ctx ends first.
func (e *events) wait(ctx context.Context, what string, cond func() bool) error {
	for {
		e.mu.Lock()
		wake := e.wake
		e.mu.Unlock()
		if cond() {
			return nil
		}
		select {
		case <-wake:
		case <-ctx.Done():
			return fmt.Errorf("waiting for %s: %w", what, ctx.Err())
		}
	}
}

// device is one person's device: an identity, a local store and a client over both.
type device struct {
	name  string
	id    *keyring.Identity
	store client.Store
	c     *client.Client
	ev    *events
	stop  func() // ends Run, when running
}

// newDevice starts a client for id over store, connecting to relayURL when asked to.
func newDevice(name, relayURL string, id *keyring.Identity, store client.Store) (*device, error) {
	d := &device{name: name, id: id, store: store, ev: newEvents()}
	c, err := client.New(client.Config{
		Identity:   id,
		Store:      store,
		NewDoc:     newBiography,
		Relay:      relayURL,
		Software:   "mobio-example",
		OnEvent:    d.ev.add,
		Logger:     logger.With("device", name),
		MinBackoff: 50 * time.Millisecond,
		MaxBackoff: time.Second,
	})
	if err != nil {
		return nil, fmt.Errorf("%s: new client: %w", name, err)
	}
	d.c = c
	return d, nil
}

// run keeps the device connected (Client.Run) until stopped or closed.
func (d *device) run() {
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() {
		defer close(done)
		if err := d.c.Run(ctx); err != nil && !errors.Is(err, context.Canceled) && !errors.Is(err, client.ErrClosed) {
			logger.Error("run", "device", d.name, "err", err)
		}
	}()
	d.stop = func() { cancel(); <-done }
}

// close ends Run, closes the client and then the store.
func (d *device) close() error {
	if d.stop != nil {
		d.stop()
		d.stop = nil
	}
	d.c.Close()
	return d.store.Close()
}

// sync runs one Client.Sync bounded by ctx.
func (d *device) sync(ctx context.Context) error {
	if err := d.c.Sync(ctx); err != nil {
		return fmt.Errorf("%s: sync: %w", d.name, err)
	}
	return nil
}

// edit changes the biography through Client.Edit.
func (d *device) edit(ctx context.Context, doc e2ee.DocID, fn func(b *crdt.Biography) error) error {
	if err := d.c.Edit(ctx, doc, func(x client.Doc) error { return fn(bio(x)) }); err != nil {
		return fmt.Errorf("%s: edit: %w", d.name, err)
	}
	return nil
}

// read reads the biography through Client.Read.
func (d *device) read(ctx context.Context, doc e2ee.DocID, fn func(b *crdt.Biography) error) error {
	return d.c.Read(ctx, doc, func(x client.Doc) error { return fn(bio(x)) })
}
