package syncserver_test

import (
	"context"
	"errors"
	"fmt"
	"net"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/mobio-sync/mobio/e2ee"
	"github.com/mobio-sync/mobio/e2ee/keyring"
	"github.com/mobio-sync/mobio/protocol"
	"github.com/mobio-sync/mobio/syncserver"
	"github.com/mobio-sync/mobio/syncserver/sqlite"
	"github.com/mobio-sync/mobio/syncserver/syncservertest"
)

func TestTwoClientsExchangeSealedUpdatesLive(t *testing.T) {
	srv := syncservertest.NewServer(t)
	newcomer, counsellor := newIdentity(t), newIdentity(t)
	a := dial(t, srv, newcomer)
	doc := newDoc(t, a)
	c := doc.add(a, counsellor, e2ee.RoleCounsellor)
	b := dial(t, srv, counsellor)

	a.subscribeCaughtUp(doc.id, 0)
	b.subscribeCaughtUp(doc.id, 0)

	env := doc.owner.update("Geburtsort: Aleppo")
	ack := a.push(doc.id, env)
	if ack.Offset != 1 || ack.Duplicate {
		t.Fatalf("ack = %+v, want offset 1, not a duplicate", ack)
	}
	got := nextAs[protocol.Deliver](t, b)
	if got.Offset != 1 || string(got.Envelope) != string(env) {
		t.Fatalf("counsellor got offset %d, want 1 with the pushed envelope", got.Offset)
	}
	if pt := c.open(got.Envelope); pt != "Geburtsort: Aleppo" {
		t.Errorf("counsellor opened %q", pt)
	}
	// The author receives its own entry too (it is the document's log).
	if own := nextAs[protocol.Deliver](t, a); own.Offset != 1 {
		t.Errorf("author got offset %d, want 1", own.Offset)
	}

	reply := c.update("Deutschkurs B1 ab März")
	if ack := b.push(doc.id, reply); ack.Offset != 2 {
		t.Fatalf("ack = %+v, want offset 2", ack)
	}
	got = nextAs[protocol.Deliver](t, a)
	if got.Offset != 2 || doc.owner.open(got.Envelope) != "Deutschkurs B1 ab März" {
		t.Fatalf("newcomer got offset %d, want 2 with the counsellor's update", got.Offset)
	}
}

// A subscriber behind the snapshot gets the snapshot, the entries after it, CaughtUp, and live
// entries, while another member pushes all along: every offset after the snapshot arrives
// exactly once, in order.
func TestLateJoinerCatchesUpWithoutGapOrDuplicate(t *testing.T) {
	srv := syncservertest.NewServer(t)
	owner, writer, joiner := newIdentity(t), newIdentity(t), newIdentity(t)
	a := dial(t, srv, owner)
	doc := newDoc(t, a)
	w := doc.add(a, writer, e2ee.RoleCounsellor)
	j := doc.add(a, joiner, e2ee.RoleCounsellor)

	const before, concurrent = 1200, 300
	for i := range before {
		a.push(doc.id, doc.owner.update(fmt.Sprintf("entry %d", i)))
	}
	covers := protocol.Offset(before / 2)
	snapID := a.reqID()
	snapAck := requestAs[protocol.Ack](t, a, snapID, protocol.SnapshotPut{ReqID: snapID, Doc: doc.id, Covers: covers, Envelope: doc.owner.seal(e2ee.KindSnapshot, []byte("snapshot"))})
	if snapAck.Offset != covers {
		t.Fatalf("snapshot ack offset %d, want %d", snapAck.Offset, covers)
	}
	snapshotOffset := protocol.Offset(before + 1)

	// The writer pushes concurrently with the joiner's catch-up.
	envs := make([][]byte, concurrent)
	for i := range envs {
		envs[i] = w.update(fmt.Sprintf("concurrent %d", i))
	}
	wc := dial(t, srv, writer)
	start := make(chan struct{})
	var wg sync.WaitGroup
	var pushErr error
	wg.Go(func() {
		<-start
		for _, env := range envs {
			f, err := wc.pushErr(doc.id, env)
			if err == nil {
				if _, ok := f.(protocol.Ack); !ok {
					err = fmt.Errorf("push answered with %s", describe(f))
				}
			}
			if err != nil {
				pushErr = err
				return
			}
		}
	})

	jc := dial(t, srv, joiner)
	id := jc.reqID()
	jc.send(protocol.Subscribe{ReqID: id, Doc: doc.id})
	close(start)
	sub := nextAs[protocol.Subscribed](t, jc)
	if sub.Snapshot != covers || sub.LogLen != 3 {
		t.Errorf("subscribed = %+v, want snapshot %d, log length 3", sub, covers)
	}
	snap := nextAs[protocol.SnapshotDeliver](t, jc)
	if snap.Covers != covers || j.open(snap.Envelope) != "snapshot" {
		t.Fatalf("snapshot covers %d, want %d", snap.Covers, covers)
	}
	final := snapshotOffset + concurrent
	last := covers
	caughtUp := false
	for last < final {
		switch f := jc.next().(type) {
		case protocol.Deliver:
			want := last + 1
			if want == snapshotOffset {
				want++ // the snapshot's own entry came as the snapshot
			}
			if f.Offset != want {
				t.Fatalf("delivered offset %d after %d, want %d (caught up: %v)", f.Offset, last, want, caughtUp)
			}
			last = f.Offset
		case protocol.CaughtUp:
			if caughtUp || f.Offset != last {
				t.Fatalf("caught up at %d after offset %d (twice: %v)", f.Offset, last, caughtUp)
			}
			caughtUp = true
		default:
			t.Fatalf("unexpected frame %s", describe(f))
		}
	}
	wg.Wait()
	if pushErr != nil {
		t.Fatal(pushErr)
	}
	if !caughtUp {
		t.Fatal("no CaughtUp frame")
	}
	// Nothing more: the next frame answers a new request.
	id = jc.reqID()
	requestAs[protocol.LogEntries](t, jc, id, protocol.LogFetch{ReqID: id, Doc: doc.id})
	jc.mu.Lock()
	extra := len(jc.pending)
	jc.mu.Unlock()
	if extra != 0 {
		t.Errorf("%d frames after the last entry, want none", extra)
	}
}

// A writer that was offline pushes its queue; a push that was acknowledged before the
// connection dropped is acknowledged again with its offset and stored once.
func TestOfflineWriterReconnectsAndPushesItsQueue(t *testing.T) {
	srv := syncservertest.NewServer(t)
	owner := newIdentity(t)
	a := dial(t, srv, owner)
	doc := newDoc(t, a)

	var queue [][]byte
	for i := range 10 {
		queue = append(queue, doc.owner.update(fmt.Sprintf("offline edit %d", i)))
	}
	for _, env := range queue[:5] {
		a.push(doc.id, env)
	}
	a.close()

	b := dial(t, srv, owner)
	for i, env := range queue {
		ack := b.push(doc.id, env)
		wantDup := i < 5
		if ack.Offset != protocol.Offset(i+1) || ack.Duplicate != wantDup {
			t.Errorf("push %d: ack offset %d duplicate %v, want offset %d duplicate %v", i, ack.Offset, ack.Duplicate, i+1, wantDup)
		}
	}
	entries, err := srv.Store.ReadRange(t.Context(), doc.id, 0, 0)
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != 10 {
		t.Errorf("store holds %d entries, want 10", len(entries))
	}
	if got := metricValue(t, srv, "mobio_relay_duplicate_pushes_total"); got != "5" {
		t.Errorf("duplicate pushes metric = %q, want 5", got)
	}
}

// Run stops on cancellation: requests in progress are answered, every connection hears
// CodeShuttingDown, and Run returns context.Canceled.
func TestRunDrainsOnCancel(t *testing.T) {
	dir := t.TempDir()
	store, err := sqlite.Open(t.Context(), filepath.Join(dir, "relay.db"), sqlite.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close(context.Background())
	relay, err := syncserver.New(syncserver.Config{Store: store})
	if err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- relay.Run(ctx, ln) }()
	srv := &syncservertest.Server{Server: relay, URL: "http://" + ln.Addr().String(), SyncURL: "ws://" + ln.Addr().String() + "/sync"}

	owner := newIdentity(t)
	c := dial(t, srv, owner)
	doc := newDoc(t, c)
	c.subscribeCaughtUp(doc.id, 0)
	ack := c.push(doc.id, doc.owner.update("last words"))
	cancel()
	var sawShutdown bool
	for f := range c.frames {
		if e, ok := f.(protocol.Error); ok && e.Code == protocol.CodeShuttingDown {
			sawShutdown = true
		}
	}
	if !sawShutdown {
		t.Error("no CodeShuttingDown before the connection closed")
	}
	select {
	case err := <-done:
		if !errors.Is(err, context.Canceled) {
			t.Errorf("Run = %v, want context.Canceled", err)
		}
	case <-time.After(15 * time.Second):
		t.Fatal("Run did not return")
	}
	if head, err := store.Head(context.Background(), doc.id); err != nil || head != uint64(ack.Offset) {
		t.Errorf("head after shutdown = %d, %v; want %d", head, err, ack.Offset)
	}
}

// A client may push without waiting for acknowledgements: the pushes are stored in order,
// sharing commits, and answered in order, a refusal among them included; a request after
// them sees them stored.
func TestPipelinedPushesAreAnsweredInOrder(t *testing.T) {
	e := newEnv(t)
	m := e.doc.owner
	var frames []protocol.Push
	badAt := 20
	for i := range 50 {
		var env []byte
		if i == badAt {
			// A second envelope for an existing place in the chain, sent in the stream.
			env = m.sealAt(0, e2ee.Header{Kind: e2ee.KindUpdate, Seq: 3}, []byte("fork"))
		} else {
			env = m.update(fmt.Sprintf("pipelined %d", i))
		}
		id := e.owner.reqID()
		frames = append(frames, protocol.Push{ReqID: id, Doc: e.doc.id, Envelope: env})
	}
	for _, f := range frames {
		e.owner.send(f)
	}
	offset := protocol.Offset(0)
	for i, f := range frames {
		switch a := e.owner.next().(type) {
		case protocol.Ack:
			if i == badAt || a.ReqID != f.ReqID || a.Offset != offset+1 {
				t.Fatalf("answer %d: ack %+v, want request %d at offset %d", i, a, f.ReqID, offset+1)
			}
			offset = a.Offset
		case protocol.Error:
			if i != badAt || a.ReqID != f.ReqID || a.Code != protocol.CodeReplay {
				t.Fatalf("answer %d: %v, want the ack of request %d", i, &a, f.ReqID)
			}
		default:
			t.Fatalf("answer %d: %s", i, describe(a))
		}
	}
	sub := e.owner.subscribe(e.doc.id, 0)
	if sub.Head != offset || offset != 49 {
		t.Errorf("head %d after %d acknowledged pushes, want 49", sub.Head, offset)
	}
}

// Two owners change the membership at once: the relay puts the operations in one order, the
// second gets CodeStaleHead, rebases on the fetched log and succeeds; re-sent operations and
// a re-sent genesis are acknowledged again.
func TestConcurrentMembershipOperationsGetOneOrder(t *testing.T) {
	srv := syncservertest.NewServer(t)
	first, second := newIdentity(t), newIdentity(t)
	a := dial(t, srv, first)
	doc := newDoc(t, a)
	doc.add(a, second, e2ee.RoleOwner)
	b := dial(t, srv, second)

	ops := make([][]byte, 2)
	for i, author := range []*keyring.Identity{first, second} {
		op, err := keyring.AddMember(author, doc.log.Membership(), doc.keys(author), newIdentity(t).Public(), e2ee.RoleViewer)
		if err != nil {
			t.Fatal(err)
		}
		ops[i] = op
	}
	answers := make([]protocol.Frame, 2)
	var wg sync.WaitGroup
	for i, c := range []*client{a, b} {
		id := c.reqID()
		c.send(protocol.OpPush{ReqID: id, Doc: doc.id, Op: ops[i]})
		wg.Go(func() {
			f, err := c.answerErr(id)
			if err != nil {
				f = protocol.Error{Code: protocol.CodeInternal, Message: err.Error()}
			}
			answers[i] = f
		})
	}
	wg.Wait()
	winner := -1
	for i, f := range answers {
		switch f := f.(type) {
		case protocol.OpAck:
			if winner >= 0 || f.Seq != 3 {
				t.Fatalf("answers %s and %s: want one acknowledgement of operation 3", describe(answers[0]), describe(answers[1]))
			}
			winner = i
		case protocol.Error:
			if f.Code != protocol.CodeStaleHead {
				t.Fatalf("loser got %v, want stale_head", &f)
			}
		}
	}
	if winner < 0 {
		t.Fatal("no operation was accepted")
	}
	if err := doc.log.Append(ops[winner]); err != nil {
		t.Fatal(err)
	}
	// The loser fetches the log, rebases and succeeds.
	loser := []*client{a, b}[1-winner]
	author := []*keyring.Identity{first, second}[1-winner]
	id := loser.reqID()
	entries := requestAs[protocol.LogEntries](t, loser, id, protocol.LogFetch{ReqID: id, Doc: doc.id, After: 2})
	if len(entries.Ops) != 1 || string(entries.Ops[0]) != string(ops[winner]) {
		t.Fatalf("log after 2 has %d operations, want the winner's", len(entries.Ops))
	}
	rebased, err := keyring.AddMember(author, doc.log.Membership(), doc.keys(author), newIdentity(t).Public(), e2ee.RoleViewer)
	if err != nil {
		t.Fatal(err)
	}
	if ack := loser.opPush(doc.id, rebased); ack.Seq != 4 {
		t.Errorf("rebased operation acknowledged as %d, want 4", ack.Seq)
	}
	// Re-sent operations are acknowledged again, not applied twice.
	if ack := []*client{a, b}[winner].opPush(doc.id, ops[winner]); ack.Seq != 3 {
		t.Errorf("re-sent operation acknowledged as %d, want 3", ack.Seq)
	}
	if ack := a.opPush(e2ee.DocID{}, doc.log.Ops()[0]); ack.Doc != doc.id || ack.Seq != 1 {
		t.Errorf("re-sent genesis acknowledged as %+v, want operation 1 of %s", ack, doc.id)
	}
}
