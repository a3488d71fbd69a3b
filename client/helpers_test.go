package client_test

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/mobio-sync/mobio/client"
	"github.com/mobio-sync/mobio/client/memstore"
	"github.com/mobio-sync/mobio/e2ee"
	"github.com/mobio-sync/mobio/e2ee/keyring"
	"github.com/mobio-sync/mobio/syncserver/syncservertest"
)

// setDoc is a grow-only set of strings, the smallest CRDT: enough to test the engine
// without Automerge. Changes and saves are JSON arrays of elements.
type setDoc struct {
	elems   map[string]bool
	unsaved []string
}

func newSetDoc(data []byte) (client.Doc, error) {
	d := &setDoc{elems: make(map[string]bool)}
	if data != nil {
		if err := d.LoadIncremental(data); err != nil {
			return nil, err
		}
		d.unsaved = nil
	}
	return d, nil
}

func (d *setDoc) Add(s string) {
	if !d.elems[s] {
		d.elems[s] = true
		d.unsaved = append(d.unsaved, s)
	}
}

func (d *setDoc) Elems() []string { return slices.Sorted(maps.Keys(d.elems)) }

func (d *setDoc) Save() []byte {
	d.unsaved = nil
	b, _ := json.Marshal(d.Elems())
	return b
}

func (d *setDoc) SaveIncremental() []byte {
	if len(d.unsaved) == 0 {
		return nil
	}
	b, _ := json.Marshal(d.unsaved)
	d.unsaved = nil
	return b
}

func (d *setDoc) LoadIncremental(data []byte) error {
	var elems []string
	if len(data) == 0 {
		return nil
	}
	if err := json.Unmarshal(data, &elems); err != nil {
		return fmt.Errorf("setdoc: %w", err)
	}
	for _, e := range elems {
		if !d.elems[e] {
			d.elems[e] = true
			d.unsaved = append(d.unsaved, e)
		}
	}
	return nil
}

func (d *setDoc) Heads() []string {
	h := sha256.New()
	for _, e := range d.Elems() {
		h.Write([]byte(e))
		h.Write([]byte{0})
	}
	return []string{hex.EncodeToString(h.Sum(nil))}
}

// events records a client's events for tests to wait on.
type events struct {
	mu   sync.Mutex
	all  []client.Event
	wake chan struct{}
}

func newEvents() *events { return &events{wake: make(chan struct{})} }

func (e *events) add(ev client.Event) {
	e.mu.Lock()
	e.all = append(e.all, ev)
	close(e.wake)
	e.wake = make(chan struct{})
	e.mu.Unlock()
}

// wait waits until some recorded event satisfies ok.
func (e *events) wait(t *testing.T, what string, ok func(client.Event) bool) client.Event {
	t.Helper()
	// A deadline, not a pause: generous, because a busy two-core machine can drop a connection
	// and a peer's presence then comes with its 20-second refresh.
	deadline := time.After(60 * time.Second)
	for {
		if ok(client.Event{}) {
			return client.Event{}
		}
		e.mu.Lock()
		for _, ev := range e.all {
			if ok(ev) {
				e.mu.Unlock()
				return ev
			}
		}
		wake := e.wake
		e.mu.Unlock()
		select {
		case <-wake:
		case <-deadline:
			t.Fatalf("no %s event within 60s; events: %v", what, e.kinds())
		}
	}
}

func (e *events) kinds() []string {
	e.mu.Lock()
	defer e.mu.Unlock()
	var out []string
	for _, ev := range e.all {
		s := ev.Kind.String()
		if ev.Err != nil {
			s += "(" + ev.Err.Error() + ")"
		}
		out = append(out, s)
	}
	return out
}

func (e *events) count(kind client.EventKind) int {
	e.mu.Lock()
	defer e.mu.Unlock()
	n := 0
	for _, ev := range e.all {
		if ev.Kind == kind {
			n++
		}
	}
	return n
}

// peer is one device in a test: an identity, a store and a client.
type peer struct {
	t     *testing.T
	name  string
	id    *keyring.Identity
	store client.Store
	c     *client.Client
	ev    *events
	relay string
}

func newIdentity(t *testing.T) *keyring.Identity {
	t.Helper()
	id, err := keyring.NewIdentity()
	if err != nil {
		t.Fatal(err)
	}
	return id
}

// newPeer makes a device with a fresh identity and an in-memory store.
func newPeer(t *testing.T, name, relay string) *peer {
	t.Helper()
	return newPeerWith(t, name, relay, newIdentity(t), memstore.New())
}

func newPeerWith(t *testing.T, name, relay string, id *keyring.Identity, store client.Store) *peer {
	t.Helper()
	p := &peer{t: t, name: name, id: id, store: store, relay: relay}
	p.start()
	return p
}

// start (re)makes the peer's client over its store.
func (p *peer) start() { p.startConfig(nil) }

// run keeps the peer connected until the test ends (or stop is called).
func (p *peer) run() (stop func()) {
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() {
		defer close(done)
		p.c.Run(ctx)
	}()
	stop = func() {
		cancel()
		<-done
	}
	p.t.Cleanup(stop)
	return stop
}

func (p *peer) sync() {
	p.t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	if err := p.c.Sync(ctx); err != nil {
		p.t.Fatalf("%s: sync: %v", p.name, err)
	}
}

func (p *peer) create() e2ee.DocID {
	p.t.Helper()
	d, _ := newSetDoc(nil)
	d.(*setDoc).Add("created by " + p.name)
	id, err := p.c.Create(context.Background(), "bio", d)
	if err != nil {
		p.t.Fatal(err)
	}
	return id
}

func (p *peer) add(doc e2ee.DocID, elems ...string) {
	p.t.Helper()
	err := p.c.Edit(context.Background(), doc, func(d client.Doc) error {
		for _, e := range elems {
			d.(*setDoc).Add(e)
		}
		return nil
	})
	if err != nil {
		p.t.Fatalf("%s: edit: %v", p.name, err)
	}
}

func (p *peer) elems(doc e2ee.DocID) []string {
	p.t.Helper()
	var out []string
	err := p.c.Read(context.Background(), doc, func(d client.Doc) error {
		out = d.(*setDoc).Elems()
		return nil
	})
	if err != nil {
		p.t.Fatalf("%s: read: %v", p.name, err)
	}
	return out
}

func (p *peer) has(doc e2ee.DocID, elem string) bool {
	return slices.Contains(p.elems(doc), elem)
}

// waitFor waits until the peer's document holds elem.
func (p *peer) waitFor(doc e2ee.DocID, elem string) {
	p.t.Helper()
	p.ev.wait(p.t, "remote change with "+elem, func(client.Event) bool { return p.has(doc, elem) })
}

func newRelay(t *testing.T, opts ...syncservertest.Option) *syncservertest.Server {
	return syncservertest.NewServer(t, opts...)
}
