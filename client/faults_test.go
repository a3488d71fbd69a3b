package client_test

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"slices"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/mobio-sync/mobio/client"
	"github.com/mobio-sync/mobio/client/memstore"
	"github.com/mobio-sync/mobio/e2ee"
	"github.com/mobio-sync/mobio/internal/faultproxy"
	"github.com/mobio-sync/mobio/protocol"
)

// faultSeed returns the seed of a randomised test: MOBIO_FAULT_SEED when set, so that a
// failure can be replayed, else a fresh one. The test logs it.
func faultSeed(t *testing.T) uint64 {
	t.Helper()
	seed := uint64(time.Now().UnixNano())
	if s := os.Getenv("MOBIO_FAULT_SEED"); s != "" {
		v, err := strconv.ParseUint(s, 10, 64)
		if err != nil {
			t.Fatalf("MOBIO_FAULT_SEED=%q: %v", s, err)
		}
		seed = v
	}
	t.Logf("seed %d (set MOBIO_FAULT_SEED=%d to replay)", seed, seed)
	return seed
}

// TestReplicasConvergeThroughCutsDelaysAndOfflineSpells has four members edit one document
// at random while the network between each of them and the relay breaks, stalls and refuses
// connections, and while members go fully offline for a while and keep editing. Once the
// network heals and everyone syncs, every replica holds exactly the same document, and every
// element anyone added is in it.
func TestReplicasConvergeThroughCutsDelaysAndOfflineSpells(t *testing.T) {
	seed := faultSeed(t)
	rng := rand.New(rand.NewPCG(seed, 1))
	edits := 60
	if testing.Short() {
		edits = 20
	}
	relay := newRelay(t)
	names := []string{"newcomer", "shelter counsellor", "integration manager", "language teacher"}
	peers := make([]*peer, len(names))
	proxies := make([]*faultproxy.Proxy, len(names))
	for i, name := range names {
		proxies[i] = newProxy(t, relay.SyncURL, seed+uint64(i))
		// Small snapshot and compaction intervals, so that both happen under faults, by
		// every member: two that snapshot the same state at once see one of them refused.
		snapshotEvery := 25
		peers[i] = newPeerConfig(t, name, proxies[i].URL(), newIdentity(t), memstore.New(), func(c *client.Config) {
			c.SnapshotEvery = snapshotEvery
			c.CompactEvery = 30
		})
	}
	owner := peers[0]
	doc := owner.create()
	owner.sync()
	for _, p := range peers[1:] {
		join(t, owner, p, doc, e2ee.RoleCounsellor)
	}

	var (
		mu    sync.Mutex
		added = []string{"created by newcomer"}
	)
	// Each member's own random source, drawn from the seed, so that goroutines do not share one.
	rngs := make([]*rand.Rand, len(peers))
	for i := range peers {
		rngs[i] = rand.New(rand.NewPCG(rng.Uint64(), rng.Uint64()))
	}
	done := make(chan struct{})
	var chaos sync.WaitGroup
	chaos.Add(1)
	go func() {
		defer chaos.Done()
		r := rand.New(rand.NewPCG(rng.Uint64(), rng.Uint64()))
		for {
			select {
			case <-done:
				return
			case <-time.After(time.Duration(5+r.IntN(40)) * time.Millisecond):
			}
			px := proxies[r.IntN(len(proxies))]
			switch r.IntN(4) {
			case 0, 1:
				px.Cut()
			case 2:
				px.Refuse(time.Duration(20+r.IntN(150)) * time.Millisecond)
				px.Cut()
			case 3:
				hi := time.Duration(r.IntN(25)) * time.Millisecond
				px.SetDelay(hi/4, hi)
			}
		}
	}()

	var editors sync.WaitGroup
	for i, p := range peers {
		editors.Add(1)
		go func() {
			defer editors.Done()
			r := rngs[i]
			stop := p.run()
			online := true
			for k := range edits {
				switch {
				case online && r.IntN(15) == 0:
					stop() // fully offline: no connection at all, edits continue
					online = false
				case !online && r.IntN(4) == 0:
					stop = p.run()
					online = true
				}
				elem := fmt.Sprintf("%s %03d", p.name, k)
				err := p.c.Edit(context.Background(), doc, func(d client.Doc) error {
					d.(*setDoc).Add(elem)
					return nil
				})
				if err != nil {
					t.Errorf("%s: edit %d: %v", p.name, k, err)
					return
				}
				mu.Lock()
				added = append(added, elem)
				mu.Unlock()
				time.Sleep(time.Duration(r.IntN(30)) * time.Millisecond) // pace, not synchronisation
			}
			stop()
		}()
	}
	editors.Wait()
	close(done)
	chaos.Wait()
	if t.Failed() {
		return
	}
	for _, px := range proxies {
		px.SetDelay(0, 0)
		px.Refuse(0)
		t.Logf("proxy: %+v", px.Stats())
	}

	// Two rounds: the first pushes everyone's outbox, the second brings everyone everything.
	for range 2 {
		for _, p := range peers {
			p.sync()
		}
	}
	// A device that joins now starts from whatever snapshot the faults left.
	fresh := newPeer(t, "fresh device", relay.SyncURL)
	join(t, owner, fresh, doc, e2ee.RoleViewer)
	want := slices.Sorted(slices.Values(added))
	for _, p := range append(peers, fresh) {
		if got := p.elems(doc); !slices.Equal(got, want) {
			missing := slices.DeleteFunc(slices.Clone(want), func(e string) bool { return slices.Contains(got, e) })
			t.Errorf("%s holds %d elements, want %d; missing %q", p.name, len(got), len(want), missing)
		}
		if h, h0 := p.heads(doc), owner.heads(doc); !slices.Equal(h, h0) {
			t.Errorf("%s heads %v, %s heads %v", p.name, h, owner.name, h0)
		}
		if st := p.c.Status(); st.Pending != 0 {
			t.Errorf("%s: %d changes still pending after sync", p.name, st.Pending)
		}
		if errs := p.securityErrs(); len(errs) > 0 {
			t.Errorf("%s: security events on an honest relay: %v", p.name, errors.Join(errs...))
		}
		if n := p.ev.count(client.EventRefused); n > 0 {
			t.Logf("%s: %d refusals: %v", p.name, n, p.ev.kinds())
		}
	}
}

// TestRefusedSnapshotDoesNotBlockItsAuthor has two members snapshot the same state: the relay
// keeps the first and refuses the second, which covers no more. The second member must go on
// sending its changes.
func TestRefusedSnapshotDoesNotBlockItsAuthor(t *testing.T) {
	relay := newRelay(t)
	px := newProxy(t, relay.SyncURL, 1)
	noSnapshots := func(c *client.Config) { c.SnapshotEvery = -1 }
	snapshots := func(c *client.Config) { c.SnapshotEvery = 5 }
	a := newPeerConfig(t, "newcomer", relay.SyncURL, newIdentity(t), memstore.New(), noSnapshots)
	b := newPeerConfig(t, "counsellor", px.URL(), newIdentity(t), memstore.New(), noSnapshots)
	doc := a.create()
	a.sync()
	join(t, a, b, doc, e2ee.RoleCounsellor)
	for i := range 6 {
		a.add(doc, fmt.Sprintf("a%d", i))
	}
	a.sync()
	b.sync()
	// Both devices now hold the same state, and both start taking snapshots. The newcomer's
	// comes first.
	a.c.Close()
	a.startConfig(snapshots)
	a.sync()
	if _, ok, err := relay.Store.Snapshot(context.Background(), doc); !ok || err != nil {
		t.Fatalf("the newcomer uploaded no snapshot: %v", err)
	}
	// The network delays what the relay sends the counsellor from the newcomer's snapshot
	// entry on (acknowledgements and refusals apart) until a refusal has passed, so that the
	// counsellor snapshots the state the newcomer's snapshot covers already.
	var (
		mu       sync.Mutex
		holding  bool
		released bool
		held     [][]byte
		refused  = make(chan struct{})
	)
	px.SetHook(func(dir faultproxy.Direction, frame []byte) [][]byte {
		mu.Lock()
		defer mu.Unlock()
		if dir != faultproxy.ToClient || released {
			return [][]byte{frame}
		}
		if _, hd, ok := decodeDeliver(frame); ok {
			holding = holding || hd.Kind == e2ee.KindSnapshot
			if holding {
				held = append(held, frame)
				return nil
			}
		}
		if _, ok := decodeAs[protocol.Error](frame); ok && holding {
			released = true
			close(refused)
			return append([][]byte{frame}, held...)
		}
		return [][]byte{frame}
	})
	b.c.Close()
	b.startConfig(snapshots)
	stopB := b.run()
	select {
	case <-refused:
	case <-time.After(20 * time.Second):
		t.Fatal("the counsellor's snapshot was not refused")
	}
	b.add(doc, "b1")
	stopB()
	if err := b.syncErr(); err != nil {
		t.Fatalf("counsellor's sync after a refused snapshot: %v", err)
	}
	a.sync()
	if !a.has(doc, "b1") {
		t.Fatalf("the newcomer never got the counsellor's change after the refused snapshot: %v", a.elems(doc))
	}
}
