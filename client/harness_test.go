package client_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/mobio-sync/mobio/client"
	"github.com/mobio-sync/mobio/e2ee"
	"github.com/mobio-sync/mobio/e2ee/keyring"
	"github.com/mobio-sync/mobio/internal/faultproxy"
)

// newPeerConfig makes a device like newPeerWith, with its client's configuration changed by
// configure (nil for none).
func newPeerConfig(t *testing.T, name, relay string, id *keyring.Identity, store client.Store, configure func(*client.Config)) *peer {
	t.Helper()
	p := &peer{t: t, name: name, id: id, store: store, relay: relay}
	p.startConfig(configure)
	return p
}

// startConfig (re)makes the peer's client over its store, like start, with its
// configuration changed by configure.
func (p *peer) startConfig(configure func(*client.Config)) {
	p.t.Helper()
	p.ev = newEvents()
	cfg := client.Config{
		Identity:   p.id,
		Store:      p.store,
		NewDoc:     newSetDoc,
		Relay:      p.relay,
		Software:   "mobio-test",
		OnEvent:    p.ev.add,
		MinBackoff: 20 * time.Millisecond,
		MaxBackoff: 200 * time.Millisecond,
	}
	if configure != nil {
		configure(&cfg)
	}
	c, err := client.New(cfg)
	if err != nil {
		p.t.Fatal(err)
	}
	p.c = c
	p.t.Cleanup(func() { c.Close() })
}

// join makes member a member of doc with role (added by owner) and syncs its device.
func join(t *testing.T, owner, member *peer, doc e2ee.DocID, role e2ee.Role) {
	t.Helper()
	if err := owner.c.Add(context.Background(), doc, member.id.Public(), role); err != nil {
		t.Fatalf("add %s: %v", member.name, err)
	}
	if err := member.c.Join(context.Background(), doc, "bio"); err != nil {
		t.Fatalf("%s: join: %v", member.name, err)
	}
	member.sync()
}

// newProxy starts a fault proxy in front of the relay at syncURL.
func newProxy(t *testing.T, syncURL string, seed uint64) *faultproxy.Proxy {
	t.Helper()
	p, err := faultproxy.New(syncURL, faultproxy.Options{Seed: seed})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { p.Close() })
	return p
}

// securityErrs returns the errors of the peer's security events.
func (p *peer) securityErrs() []error {
	p.ev.mu.Lock()
	defer p.ev.mu.Unlock()
	var out []error
	for _, ev := range p.ev.all {
		if ev.Kind == client.EventSecurity {
			out = append(out, ev.Err)
		}
	}
	return out
}

// waitSecurity waits for a security event whose error wraps target.
func (p *peer) waitSecurity(target error) client.Event {
	p.t.Helper()
	return p.ev.wait(p.t, "security event wrapping "+target.Error(), func(ev client.Event) bool {
		return ev.Kind == client.EventSecurity && errors.Is(ev.Err, target)
	})
}

// waitUntil waits until cond holds, checking it after each of the peer's events. cond may
// look at the peer's events: it runs without their lock.
func (p *peer) waitUntil(what string, cond func() bool) {
	p.t.Helper()
	p.ev.wait(p.t, what, func(ev client.Event) bool {
		return ev.Kind == 0 && cond() // wait calls it with the zero event outside its lock
	})
}

// syncErr syncs once and returns the error, for syncs that a hostile relay may make fail.
func (p *peer) syncErr() error {
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	return p.c.Sync(ctx)
}

// heads returns the peer's heads of doc.
func (p *peer) heads(doc e2ee.DocID) []string {
	p.t.Helper()
	var out []string
	err := p.c.Read(context.Background(), doc, func(d client.Doc) error {
		out = d.Heads()
		return nil
	})
	if err != nil {
		p.t.Fatalf("%s: read: %v", p.name, err)
	}
	return out
}

// applied records, in order, the elements of every remote change a store commits, so that
// tests can tell what a client applied, in which order and how often.
type applied struct {
	mu    sync.Mutex
	elems []string
}

// wrap returns store, recording the remote changes committed to it.
func (a *applied) wrap(store client.Store) client.Store {
	return recordingStore{Store: store, rec: a}
}

// count returns how often elem was applied.
func (a *applied) count(elem string) int {
	a.mu.Lock()
	defer a.mu.Unlock()
	n := 0
	for _, e := range a.elems {
		if e == elem {
			n++
		}
	}
	return n
}

// order returns the elements among want in the order they were first applied.
func (a *applied) order(want ...string) []string {
	a.mu.Lock()
	defer a.mu.Unlock()
	var out []string
	for _, e := range a.elems {
		if slices.Contains(want, e) && !slices.Contains(out, e) {
			out = append(out, e)
		}
	}
	return out
}

// recordingStore is a store that records the elements of the setDoc changes committed by
// CommitRemote, in the order the client applied them.
type recordingStore struct {
	client.Store
	rec *applied
}

func (s recordingStore) CommitRemote(ctx context.Context, id e2ee.DocID, b client.RemoteBatch) error {
	if err := s.Store.CommitRemote(ctx, id, b); err != nil {
		return err
	}
	s.rec.mu.Lock()
	defer s.rec.mu.Unlock()
	for _, ch := range b.Changes {
		var elems []string
		if err := json.Unmarshal(ch, &elems); err != nil {
			return fmt.Errorf("recording store: %w", err)
		}
		s.rec.elems = append(s.rec.elems, elems...)
	}
	return nil
}
