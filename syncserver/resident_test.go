package syncserver_test

import (
	"fmt"
	"slices"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/mobio-sync/mobio/e2ee"
	"github.com/mobio-sync/mobio/protocol"
	"github.com/mobio-sync/mobio/syncserver"
	"github.com/mobio-sync/mobio/syncserver/syncservertest"
)

// An evicted document is read from the store again on its next use, and the relay behaves as
// if it had never left memory: offsets go on, each author's chain continues, re-sent and
// conflicting envelopes are recognised, the epoch after a removal holds, the removed member
// stays out, and an erased document stays erased.
func TestEvictedDocumentBehavesTheSameWhenLoadedAgain(t *testing.T) {
	clock := newFakeClock()
	srv := syncservertest.NewServer(t, func(c *syncserver.Config) {
		c.Now = clock.Now
		c.DocIdleTimeout = time.Minute
	})
	a := dial(t, srv, newIdentity(t))
	doc := newDoc(t, a)
	counsellor := newIdentity(t)
	cm := doc.add(a, counsellor, e2ee.RoleCounsellor)
	viewer := newIdentity(t)
	doc.add(a, viewer, e2ee.RoleViewer)
	b := dial(t, srv, counsellor)

	var sent [][]byte
	push := func(c *client, m *member, text string) protocol.Ack {
		t.Helper()
		env := m.update(text)
		sent = append(sent, env)
		return c.push(doc.id, env)
	}
	push(a, doc.owner, "owner 1")
	push(b, cm, "counsellor 1")
	push(a, doc.owner, "owner 2")
	doc.remove(a, viewer.ID()) // epoch 2
	push(b, cm, "counsellor 2, epoch 2")
	head := push(a, doc.owner, "owner 3, epoch 2").Offset
	staleSeq := doc.owner.seq

	gone := newDoc(t, a)
	a.push(gone.id, gone.owner.update("soon erased"))
	erase(t, a, gone)

	if got := metricValue(t, srv, "mobio_relay_resident_documents"); got != "2" {
		t.Fatalf("resident documents = %s, want 2", got)
	}
	if n := srv.EvictIdle(); n != 0 {
		t.Fatalf("evicted %d documents used a moment ago, want 0", n)
	}
	// evictAll evicts every document nobody uses: the clock goes past the idle timeout and
	// back, so that clients still authenticate against it.
	evictAll := func() int {
		clock.Advance(2 * time.Minute)
		defer clock.Advance(-2 * time.Minute)
		return srv.EvictIdle()
	}
	if n := evictAll(); n != 2 {
		t.Fatalf("evicted %d idle documents, want 2", n)
	}
	if got := metricValue(t, srv, "mobio_relay_resident_documents"); got != "0" {
		t.Fatalf("resident documents after eviction = %s, want 0", got)
	}

	// Refusals come from the state loaded again.
	refusals := []struct {
		name string
		c    *client
		doc  e2ee.DocID
		env  []byte
		sub  bool // subscribe instead of pushing
		want protocol.Code
	}{
		{"envelope under the epoch before the removal", a, doc.id,
			doc.owner.sealAt(1, e2ee.Header{Kind: e2ee.KindUpdate, Seq: doc.owner.seq + 1, Prev: doc.owner.prev}, []byte("old key")), false, protocol.CodeWrongEpoch},
		{"other bytes for a stored place in the chain", a, doc.id,
			doc.owner.sealAt(0, e2ee.Header{Kind: e2ee.KindUpdate, Seq: staleSeq}, []byte("other bytes")), false, protocol.CodeReplay},
		{"envelope skipping places in the chain", b, doc.id,
			cm.sealAt(0, e2ee.Header{Kind: e2ee.KindUpdate, Seq: cm.seq + 2, Prev: cm.prev}, []byte("skips")), false, protocol.CodeSequenceGap},
		{"removed member subscribing", dial(t, srv, viewer), doc.id, nil, true, protocol.CodeNotMember},
		{"erased document", a, gone.id, nil, true, protocol.CodeErased},
	}
	for _, tt := range refusals {
		t.Run(tt.name, func(t *testing.T) {
			id, f := pushFrame(tt.c, tt.doc, tt.env)
			if tt.sub {
				id, f = subscribeFrame(tt.c, tt.doc)
			}
			if e := refused(t, tt.c, id, f); e.Code != tt.want {
				t.Errorf("got %v, want %s", &e, tt.want)
			}
		})
		evictAll()
	}

	// A re-sent envelope is acknowledged at its offset; new ones continue the log.
	if dup := a.push(doc.id, sent[len(sent)-1]); !dup.Duplicate || dup.Offset != head {
		t.Errorf("re-sent last envelope: %+v, want a duplicate at offset %d", dup, head)
	}
	evictAll()
	if ack := push(b, cm, "counsellor 3"); ack.Offset != head+1 {
		t.Errorf("next push after eviction at offset %d, want %d", ack.Offset, head+1)
	}
	evictAll()

	// The whole log, membership included, is what was written.
	c := dial(t, srv, counsellor)
	sub := c.subscribe(doc.id, 0)
	if sub.Head != protocol.Offset(head+1) || sub.LogLen != doc.log.Membership().Seq() {
		t.Errorf("subscribed = %+v, want head %d, log length %d", sub, head+1, doc.log.Membership().Seq())
	}
	var got [][]byte
	for {
		f := c.next()
		if _, ok := f.(protocol.CaughtUp); ok {
			break
		}
		got = append(got, nextDeliver(t, f).Envelope)
	}
	if !slices.EqualFunc(got, sent, func(x, y []byte) bool { return string(x) == string(y) }) {
		t.Errorf("caught up on %d entries, want the %d pushed, in order", len(got), len(sent))
	}
	id := c.reqID()
	ops := requestAs[protocol.LogEntries](t, c, id, protocol.LogFetch{ReqID: id, Doc: doc.id})
	if uint64(len(ops.Ops)) != doc.log.Membership().Seq() {
		t.Errorf("log fetch returned %d operations, want %d", len(ops.Ops), doc.log.Membership().Seq())
	}
	// Subscribed, the document stays in memory however long it idles, and live entries flow.
	clock.Advance(time.Hour)
	if n := srv.EvictIdle(); n != 0 {
		t.Errorf("evicted %d documents with a subscriber, want 0", n)
	}
	ack := push(a, doc.owner, "live")
	if d := nextAs[protocol.Deliver](t, c); d.Offset != ack.Offset || ack.Offset != head+2 {
		t.Errorf("live entry acknowledged at %d, delivered at %d; want %d", ack.Offset, d.Offset, head+2)
	}
}

func nextDeliver(t *testing.T, f protocol.Frame) protocol.Deliver {
	t.Helper()
	d, ok := f.(protocol.Deliver)
	if !ok {
		t.Fatalf("got %s, want a delivery", describe(f))
	}
	return d
}

// Beyond MaxResidentDocs, the least recently used documents leave memory early; using them
// again works as before.
func TestResidentDocumentsAreBounded(t *testing.T) {
	srv := syncservertest.NewServer(t, func(c *syncserver.Config) { c.MaxResidentDocs = 4 })
	a := dial(t, srv, newIdentity(t))
	docs := make([]*testDoc, 10)
	for i := range docs {
		docs[i] = newDoc(t, a)
		a.push(docs[i].id, docs[i].owner.update("first"))
	}
	// A push's committer lets go of its document just after the acknowledgement, so the
	// last documents may still be held for a moment.
	waitFor(t, "at most 4 resident documents", func() bool {
		srv.EvictIdle()
		return metricNumber(t, srv, "mobio_relay_resident_documents") <= 4
	})
	for i, d := range docs {
		if ack := a.push(d.id, d.owner.update("second")); ack.Offset != 2 || ack.Duplicate {
			t.Errorf("document %d: second push acknowledged %+v, want offset 2", i, ack)
		}
	}
	if n := metricNumber(t, srv, "mobio_relay_evicted_documents_total"); n < 6 {
		t.Errorf("evicted %v documents, want at least 6", n)
	}
}

// Evictions racing with pushes to the same documents never make two states for one document:
// every push gets its own offset, and the log has no gap.
func TestEvictionRacingWithPushesKeepsOffsetsDense(t *testing.T) {
	srv := syncservertest.NewServer(t, func(c *syncserver.Config) { c.DocIdleTimeout = time.Nanosecond })
	const docs, writersPerDoc, pushes = 3, 2, 40
	type writer struct {
		c    *client
		m    *member
		envs [][]byte
	}
	owner := dial(t, srv, newIdentity(t))
	var ws []*writer
	var ids []*testDoc
	for range docs {
		d := newDoc(t, owner)
		ids = append(ids, d)
		for range writersPerDoc {
			id := newIdentity(t)
			w := &writer{c: dial(t, srv, id), m: d.add(owner, id, e2ee.RoleCounsellor)}
			for i := range pushes {
				w.envs = append(w.envs, w.m.update(fmt.Sprintf("entry %d", i)))
			}
			ws = append(ws, w)
		}
	}
	// A subscriber of the first document: live entries reach it in offset order, once each.
	sub := dial(t, srv, owner.id)
	catchUpOffsets(t, sub, ids[0].id, 0)

	var stop atomic.Bool
	var evictions atomic.Int64
	var wg sync.WaitGroup
	wg.Go(func() {
		for !stop.Load() {
			evictions.Add(int64(srv.EvictIdle()))
		}
	})
	offsetsOf := make([][]protocol.Offset, len(ws))
	errs := make(chan error, len(ws))
	var pushers sync.WaitGroup
	for i, w := range ws {
		pushers.Go(func() {
			for _, env := range w.envs {
				f, err := w.c.pushErr(w.m.doc.id, env)
				if err != nil {
					errs <- err
					return
				}
				ack, ok := f.(protocol.Ack)
				if !ok {
					errs <- fmt.Errorf("push answered %s", describe(f))
					return
				}
				offsetsOf[i] = append(offsetsOf[i], ack.Offset)
			}
		})
	}
	pushers.Wait()
	stop.Store(true)
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}
	if evictions.Load() == 0 {
		t.Error("no document was evicted during the pushes")
	}
	var live []protocol.Offset
	for range writersPerDoc * pushes {
		live = append(live, nextAs[protocol.Deliver](t, sub).Offset)
	}
	if want := offsets(1, writersPerDoc*pushes); !slices.Equal(live, want) {
		t.Errorf("subscriber got %v live, want 1 to %d in order", live, writersPerDoc*pushes)
	}
	for d, doc := range ids {
		var all []protocol.Offset
		for i := range writersPerDoc {
			all = append(all, offsetsOf[d*writersPerDoc+i]...)
		}
		slices.Sort(all)
		if want := offsets(1, writersPerDoc*pushes); !slices.Equal(all, want) {
			t.Errorf("document %d: acknowledged offsets %v, want 1 to %d once each", d, all, writersPerDoc*pushes)
		}
		_, got := catchUpOffsets(t, owner, doc.id, 0)
		if want := offsets(1, writersPerDoc*pushes); !slices.Equal(got, want) {
			t.Errorf("document %d: caught up on %v, want 1 to %d", d, got, writersPerDoc*pushes)
		}
	}
}
