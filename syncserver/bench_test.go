package syncserver_test

import (
	"crypto/sha256"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/mobio-sync/mobio/e2ee"
	"github.com/mobio-sync/mobio/e2ee/keyring"
	"github.com/mobio-sync/mobio/protocol"
	"github.com/mobio-sync/mobio/syncserver"
	"github.com/mobio-sync/mobio/syncserver/syncservertest"
)

// BenchmarkPushAck measures sealed 100-byte updates pushed and acknowledged (durably stored)
// through real WebSocket connections, each connection waiting for its acknowledgement before
// the next push. With several connections, concurrent pushes share the store's commits.
func BenchmarkPushAck(b *testing.B) {
	for _, bc := range []struct {
		conns  int
		oneDoc bool
		window int
	}{{1, false, 1}, {8, false, 1}, {8, true, 1}, {64, false, 1}, {1, false, 64}, {10, false, 64}} {
		name := fmt.Sprintf("conns=%d/window=%d", bc.conns, bc.window)
		if bc.oneDoc {
			name += "/one-doc"
		}
		b.Run(name, func(b *testing.B) { benchmarkPushAck(b, bc.conns, bc.oneDoc, bc.window) })
	}
}

// benchmarkPushAck pushes b.N updates over conns connections (to a document each, or all to
// one), each connection keeping up to window pushes unacknowledged.
func benchmarkPushAck(b *testing.B, conns int, oneDoc bool, window int) {
	srv := syncservertest.NewServer(b, syncservertest.WithLimits(func(l *syncserver.Limits) {
		l.PushesPerSecond, l.PushBurst = 1e9, 1e9
	}))
	type pusher struct {
		c    *client
		doc  e2ee.DocID
		envs [][]byte
	}
	per := b.N/conns + 1
	pushers := make([]pusher, conns)
	var shared *testDoc
	var sharedOwner *client
	for i := range pushers {
		id := newIdentity(b)
		c := dial(b, srv, id)
		var doc *testDoc
		switch {
		case !oneDoc:
			doc = newDoc(b, c)
		case shared == nil:
			shared, sharedOwner = newDoc(b, c), c
			doc = shared
		default:
			shared.add(sharedOwner, id, e2ee.RoleCounsellor)
			doc = shared
		}
		pushers[i] = pusher{c: c, doc: doc.id}
	}
	// Seal outside the timer: sealing is the client's cost.
	for i := range pushers {
		p := &pushers[i]
		id := p.c.id
		keys, err := keyring.OpenKeys(id, membershipOf(b, srv, p.c, p.doc))
		if err != nil {
			b.Fatal(err)
		}
		key := keys.Primary()
		var seq uint64
		var prev e2ee.Hash
		for range per {
			seq++
			raw, err := keyring.Seal(id, key, e2ee.Header{Kind: e2ee.KindUpdate, Seq: seq, Prev: prev}, make([]byte, 100))
			if err != nil {
				b.Fatal(err)
			}
			prev = sha256.Sum256(raw)
			p.envs = append(p.envs, raw)
		}
	}
	b.ResetTimer()
	start := time.Now()
	var wg sync.WaitGroup
	errs := make(chan error, conns)
	for i := range pushers {
		p := &pushers[i]
		n := b.N / conns
		if i < b.N%conns {
			n++
		}
		wg.Go(func() {
			if err := pushWindow(p.c, p.doc, p.envs[:n], window); err != nil {
				errs <- err
			}
		})
	}
	wg.Wait()
	elapsed := time.Since(start)
	b.StopTimer()
	close(errs)
	for err := range errs {
		b.Fatal(err)
	}
	b.ReportMetric(float64(b.N)/elapsed.Seconds(), "acks/s")
}

// membershipOf fetches doc's log through c and verifies it.
func membershipOf(tb testing.TB, _ *syncservertest.Server, c *client, doc e2ee.DocID) *e2ee.Membership {
	tb.Helper()
	id := c.reqID()
	entries := requestAs[protocol.LogEntries](tb, c, id, protocol.LogFetch{ReqID: id, Doc: doc})
	m, err := e2ee.VerifyLog(entries.Ops)
	if err != nil {
		tb.Fatal(err)
	}
	return m
}

// pushWindow pushes envs in order, keeping up to window of them unacknowledged, and checks
// that every one is acknowledged.
func pushWindow(c *client, doc e2ee.DocID, envs [][]byte, window int) error {
	first := c.reqID()
	for range len(envs) {
		c.reqID()
	}
	sendErr := make(chan error, 1)
	credit := make(chan struct{}, window)
	go func() {
		for i, env := range envs {
			credit <- struct{}{}
			if err := c.sendErr(protocol.Push{ReqID: first + 1 + uint64(i), Doc: doc, Envelope: env}); err != nil {
				sendErr <- err
				return
			}
		}
		sendErr <- nil
	}()
	for range envs {
		f, err := c.nextErr(30 * time.Second)
		if err != nil {
			return err
		}
		if _, ok := f.(protocol.Ack); !ok {
			return fmt.Errorf("push answered with %s", describe(f))
		}
		<-credit
	}
	return <-sendErr
}

// BenchmarkColdCatchUp measures a subscriber's cold catch-up of a document with 5,000 stored
// updates: from Subscribe to CaughtUp, every entry received and decoded by the client.
func BenchmarkColdCatchUp(b *testing.B) {
	const entries = 5000
	srv := syncservertest.NewServer(b, syncservertest.WithLimits(func(l *syncserver.Limits) {
		l.PushesPerSecond, l.PushBurst = 1e9, 1e9
	}))
	owner := newIdentity(b)
	c := dial(b, srv, owner)
	doc := newDoc(b, c)
	keys, err := keyring.OpenKeys(owner, doc.log.Membership())
	if err != nil {
		b.Fatal(err)
	}
	envs := make([][]byte, entries)
	var prev e2ee.Hash
	for i := range envs {
		raw, err := keyring.Seal(owner, keys.Primary(), e2ee.Header{Kind: e2ee.KindUpdate, Seq: uint64(i + 1), Prev: prev}, make([]byte, 100))
		if err != nil {
			b.Fatal(err)
		}
		envs[i], prev = raw, sha256.Sum256(raw)
	}
	if err := pushWindow(c, doc.id, envs, 256); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for b.Loop() {
		r := dial(b, srv, owner)
		frames := r.subscribeCaughtUp(doc.id, 0)
		if len(frames) != entries+1 {
			b.Fatalf("caught up after %d frames, want %d", len(frames), entries+1)
		}
		b.StopTimer()
		r.close()
		b.StartTimer()
	}
	b.ReportMetric(float64(b.Elapsed().Milliseconds())/float64(b.N), "ms/catch-up")
}
