package demo

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"time"

	"github.com/mobio-sync/mobio/client"
	"github.com/mobio-sync/mobio/client/memstore"
	"github.com/mobio-sync/mobio/crdt"
	"github.com/mobio-sync/mobio/e2ee"
	"github.com/mobio-sync/mobio/e2ee/keyring"
)

// Device is one person's device: an identity, a local store and a client over both, with a
// record of the client's events.
type Device struct {
	Name     string // who uses it, in messages
	Identity *keyring.Identity
	Store    client.Store
	Client   *client.Client
	Events   *Events
	stop     func() // ends Client.Run, when started
}

// NewDevice starts a client for id over store, connecting to relayURL when asked to
// ([Device.Sync], [Device.Start]).
func NewDevice(name, relayURL string, id *keyring.Identity, store client.Store) (*Device, error) {
	d := &Device{Name: name, Identity: id, Store: store, Events: NewEvents()}
	c, err := client.New(client.Config{
		Identity:   id,
		Store:      store,
		NewDoc:     NewBiography,
		Relay:      relayURL,
		Software:   "mobio-example",
		OnEvent:    d.Events.Add,
		Logger:     logger.With("device", name),
		MinBackoff: 50 * time.Millisecond,
		MaxBackoff: time.Second,
	})
	if err != nil {
		return nil, fmt.Errorf("%s: new client: %w", name, err)
	}
	d.Client = c
	return d, nil
}

// NewPerson makes a device with a fresh identity and an in-memory store.
func NewPerson(name, relayURL string) (*Device, error) {
	id, err := keyring.NewIdentity()
	if err != nil {
		return nil, err
	}
	return NewDevice(name, relayURL, id, memstore.New())
}

// Start keeps the device connected in the background ([client.Client.Run]) until
// [Device.Close].
func (d *Device) Start() {
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() {
		defer close(done)
		if err := d.Client.Run(ctx); err != nil && !errors.Is(err, context.Canceled) && !errors.Is(err, client.ErrClosed) {
			logger.Error("run", "device", d.Name, "err", err)
		}
	}()
	d.stop = func() { cancel(); <-done }
}

// Close ends Run, closes the client and then the store.
func (d *Device) Close() error {
	if d.stop != nil {
		d.stop()
		d.stop = nil
	}
	d.Client.Close()
	return d.Store.Close()
}

// Sync runs one [client.Client.Sync] bounded by ctx.
func (d *Device) Sync(ctx context.Context) error {
	if err := d.Client.Sync(ctx); err != nil {
		return fmt.Errorf("%s: sync: %w", d.Name, err)
	}
	return nil
}

// Edit changes the biography through [client.Client.Edit].
func (d *Device) Edit(ctx context.Context, doc e2ee.DocID, fn func(b *crdt.Biography) error) error {
	if err := d.Client.Edit(ctx, doc, func(x client.Doc) error { return fn(bio(x)) }); err != nil {
		return fmt.Errorf("%s: edit: %w", d.Name, err)
	}
	return nil
}

// Read reads the biography through [client.Client.Read].
func (d *Device) Read(ctx context.Context, doc e2ee.DocID, fn func(b *crdt.Biography) error) error {
	return d.Client.Read(ctx, doc, func(x client.Doc) error { return fn(bio(x)) })
}

// Add makes member a member of doc with role, and has member join it under title.
func (d *Device) Add(ctx context.Context, doc e2ee.DocID, member *Device, role e2ee.Role, title string) error {
	if err := d.Client.Add(ctx, doc, member.Identity.Public(), role); err != nil {
		return fmt.Errorf("add the %s: %w", member.Name, err)
	}
	if err := member.Client.Join(ctx, doc, title); err != nil {
		return fmt.Errorf("join: %w", err)
	}
	return nil
}

// Heads returns the heads of the device's replica of doc, sorted, to compare replicas.
func (d *Device) Heads(ctx context.Context, doc e2ee.DocID) ([]string, error) {
	var heads []string
	err := d.Read(ctx, doc, func(b *crdt.Biography) error {
		heads = slices.Sorted(slices.Values(b.Heads()))
		return nil
	})
	return heads, err
}

// JSON returns the JSON export of the device's replica of doc.
func (d *Device) JSON(ctx context.Context, doc e2ee.DocID) ([]byte, error) {
	var out []byte
	err := d.Read(ctx, doc, func(b *crdt.Biography) (err error) {
		out, err = b.JSON()
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("%s: export: %w", d.Name, err)
	}
	return out, nil
}

// NoSecurityEvents fails, naming the device, if any of devices reported a security event.
func NoSecurityEvents(devices ...*Device) error {
	for _, d := range devices {
		if d.Events.Since(0, func(ev client.Event) bool { return ev.Kind == client.EventSecurity }) {
			return fmt.Errorf("%s reported a security event", d.Name)
		}
	}
	return nil
}
