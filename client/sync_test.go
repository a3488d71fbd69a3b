package client_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/mobio-sync/mobio/client"
	"github.com/mobio-sync/mobio/client/memstore"
	"github.com/mobio-sync/mobio/e2ee"
)

// shared makes a document owned by a peer and shares it with a counsellor peer, both
// synced.
func shared(t *testing.T, relay string) (owner, counsellor *peer, doc e2ee.DocID) {
	t.Helper()
	owner = newPeer(t, "newcomer", relay)
	counsellor = newPeer(t, "counsellor", relay)
	doc = owner.create()
	owner.sync()
	if err := owner.c.Add(context.Background(), doc, counsellor.id.Public(), e2ee.RoleCounsellor); err != nil {
		t.Fatalf("add counsellor: %v", err)
	}
	if err := counsellor.c.Join(context.Background(), doc, "bio"); err != nil {
		t.Fatal(err)
	}
	counsellor.sync()
	if !counsellor.has(doc, "created by newcomer") {
		t.Fatalf("counsellor after sync: %v", counsellor.elems(doc))
	}
	return owner, counsellor, doc
}

func TestLiveEditsReachTheOtherMember(t *testing.T) {
	relay := newRelay(t)
	a, b, doc := shared(t, relay.SyncURL)
	a.run()
	b.run()
	a.add(doc, "from newcomer")
	b.waitFor(doc, "from newcomer")
	b.add(doc, "from counsellor")
	a.waitFor(doc, "from counsellor")
	if !slices.Equal(a.elems(doc), b.elems(doc)) {
		t.Fatalf("replicas differ: %v vs %v", a.elems(doc), b.elems(doc))
	}
	if n := a.ev.count(client.EventSecurity) + b.ev.count(client.EventSecurity); n != 0 {
		t.Fatalf("%d security events: %v %v", n, a.ev.kinds(), b.ev.kinds())
	}
}

func TestOfflineEditsArePushedOnReconnect(t *testing.T) {
	relay := newRelay(t)
	a, b, doc := shared(t, relay.SyncURL)
	// The newcomer edits offline (no connection at all), the counsellor online.
	for i := range 30 {
		a.add(doc, fmt.Sprintf("offline %d", i))
	}
	if st := a.c.Status(); st.Pending != 30 || st.Connected {
		t.Fatalf("status offline = %+v, want 30 pending, not connected", st)
	}
	b.run()
	b.add(doc, "online")
	b.ev.wait(t, "online edit acknowledged", func(client.Event) bool { return b.c.Status().Pending == 0 })
	a.sync()
	if st := a.c.Status(); st.Pending != 0 {
		t.Fatalf("pending after sync = %d", st.Pending)
	}
	b.waitFor(doc, "offline 29")
	want := a.elems(doc)
	if !slices.Equal(want, b.elems(doc)) || !slices.Contains(want, "online") || len(want) != 32 {
		t.Fatalf("after reconnect: newcomer %v, counsellor %v", want, b.elems(doc))
	}
}

func TestOutboxSurvivesARestart(t *testing.T) {
	relay := newRelay(t)
	store := memstore.New()
	a := newPeerWith(t, "newcomer", relay.SyncURL, newIdentity(t), store)
	doc := a.create()
	a.add(doc, "before restart")
	a.c.Close()
	// A new client over the same store (the process restarted) sends what was committed.
	a.start()
	if st := a.c.Status(); st.Pending != 0 {
		// Status counts loaded documents only; Docs loads them.
		t.Logf("status before loading: %+v", st)
	}
	infos, err := a.c.Docs(context.Background())
	if err != nil || len(infos) != 1 || infos[0].Pending != 3 || infos[0].Created {
		t.Fatalf("docs after restart = %+v, %v; want one, not yet created, 3 pending (genesis, content, edit)", infos, err)
	}
	a.sync()
	infos, _ = a.c.Docs(context.Background())
	if infos[0].Pending != 0 || !infos[0].Created || infos[0].Role != e2ee.RoleOwner {
		t.Fatalf("after sync: %+v", infos[0])
	}
	// A second device of another member sees it.
	b := newPeer(t, "counsellor", relay.SyncURL)
	if err := a.c.Add(context.Background(), doc, b.id.Public(), e2ee.RoleCounsellor); err != nil {
		t.Fatal(err)
	}
	if err := b.c.Join(context.Background(), doc, ""); err != nil {
		t.Fatal(err)
	}
	b.sync()
	if !b.has(doc, "before restart") {
		t.Fatalf("counsellor sees %v", b.elems(doc))
	}
}

func TestInviteLinkAddsAMember(t *testing.T) {
	relay := newRelay(t)
	a := newPeer(t, "newcomer", relay.SyncURL)
	doc := a.create()
	a.add(doc, "secret-ish")
	a.sync()
	link, err := a.c.Invite(context.Background(), doc, e2ee.RoleCounsellor, time.Hour, "https://relay.example/")
	if err != nil {
		t.Fatal(err)
	}
	b := newPeer(t, "counsellor", relay.SyncURL)
	got, err := b.c.Accept(context.Background(), link, "Amina")
	if err != nil || got != doc {
		t.Fatalf("accept = %v, %v", got, err)
	}
	b.sync()
	if !b.has(doc, "secret-ish") {
		t.Fatalf("invitee sees %v", b.elems(doc))
	}
	a.sync() // learns of the redemption
	members, err := a.c.Members(context.Background(), doc)
	if err != nil {
		t.Fatal(err)
	}
	if len(members) != 2 {
		t.Fatalf("members = %d, want 2", len(members))
	}
	// The link works once.
	c := newPeer(t, "stranger", relay.SyncURL)
	if _, err := c.c.Accept(context.Background(), link, ""); err == nil {
		t.Fatal("a redeemed invite link was accepted again")
	}
}

func TestRevokedMemberReadsNothingNew(t *testing.T) {
	relay := newRelay(t)
	a, b, doc := shared(t, relay.SyncURL)
	b.add(doc, "counsellor offline edit") // sealed at epoch 1, never sent
	if err := a.c.Revoke(context.Background(), doc, b.id.ID()); err != nil {
		t.Fatal(err)
	}
	a.add(doc, "after revocation")
	a.sync()
	// The removed counsellor syncs: it learns of its removal and gets nothing new.
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	b.c.Sync(ctx) // may fail: its offline edit can no longer be sent
	b.ev.wait(t, "removed", func(ev client.Event) bool { return ev.Kind == client.EventRemoved })
	if b.has(doc, "after revocation") {
		t.Fatal("a removed member read a change made after its removal")
	}
	if a.has(doc, "counsellor offline edit") {
		t.Fatal("an edit of a removed member was accepted")
	}
	err := b.c.Edit(context.Background(), doc, func(d client.Doc) error { return nil })
	if !errors.Is(err, client.ErrNotMember) {
		t.Fatalf("edit after removal: %v, want ErrNotMember", err)
	}
}

func TestRotationReseals(t *testing.T) {
	relay := newRelay(t)
	a, b, doc := shared(t, relay.SyncURL)
	viewer := newPeer(t, "viewer", relay.SyncURL)
	if err := a.c.Add(context.Background(), doc, viewer.id.Public(), e2ee.RoleViewer); err != nil {
		t.Fatal(err)
	}
	b.add(doc, "written at epoch 1") // offline
	if err := a.c.Revoke(context.Background(), doc, viewer.id.ID()); err != nil {
		t.Fatal(err)
	}
	// The counsellor's change was sealed before the rotation: it is sealed again on sync.
	b.sync()
	a.sync()
	if !a.has(doc, "written at epoch 1") {
		t.Fatalf("owner sees %v", a.elems(doc))
	}
	info, _ := b.c.Info(context.Background(), doc)
	if info.Epoch != 2 || info.Pending != 0 {
		t.Fatalf("counsellor info = %+v, want epoch 2, nothing pending", info)
	}
}

func TestTransferHandsOverAndLeaves(t *testing.T) {
	relay := newRelay(t)
	newcomer, prev, doc := shared(t, relay.SyncURL)
	next := newPeer(t, "integration manager", relay.SyncURL)
	prev.add(doc, "notes of the shelter")
	if err := prev.c.Transfer(context.Background(), doc, next.id.Public(), "consent-1", true); err != nil {
		t.Fatal(err)
	}
	if err := next.c.Join(context.Background(), doc, ""); err != nil {
		t.Fatal(err)
	}
	next.sync()
	if !next.has(doc, "notes of the shelter") || !next.has(doc, "created by newcomer") {
		t.Fatalf("successor sees %v", next.elems(doc))
	}
	next.add(doc, "after transfer")
	next.sync()
	newcomer.sync()
	if !newcomer.has(doc, "after transfer") {
		t.Fatalf("newcomer sees %v", newcomer.elems(doc))
	}
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	prev.c.Sync(ctx)
	if prev.has(doc, "after transfer") {
		t.Fatal("the previous counsellor read a change made after the transfer")
	}
}

func TestFreshDeviceCatchesUpFromASnapshot(t *testing.T) {
	relay := newRelay(t)
	a := newPeer(t, "newcomer", relay.SyncURL)
	a.c.Close()
	c, err := client.New(client.Config{Identity: a.id, Store: a.store, NewDoc: newSetDoc, Relay: relay.SyncURL, SnapshotEvery: 20, OnEvent: a.ev.add})
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	a.c = c
	doc := a.create()
	a.sync()
	b := newPeer(t, "counsellor", relay.SyncURL)
	if err := a.c.Add(context.Background(), doc, b.id.Public(), e2ee.RoleCounsellor); err != nil {
		t.Fatal(err)
	}
	b.run()
	if err := b.c.Join(context.Background(), doc, ""); err != nil {
		t.Fatal(err)
	}
	b.ev.wait(t, "synced", func(ev client.Event) bool { return ev.Kind == client.EventSynced && ev.Doc == doc })
	for i := range 60 {
		b.add(doc, fmt.Sprintf("e%02d", i))
	}
	b.ev.wait(t, "synced", func(ev client.Event) bool {
		return ev.Kind == client.EventSynced && ev.Doc == doc && b.c.Status().Pending == 0
	})
	a.sync() // applies 60 entries and uploads a snapshot
	a.sync()
	if rec, err := a.store.LoadDoc(context.Background(), doc); err != nil || rec.SnapshotAt == 0 {
		t.Fatalf("owner uploaded no snapshot after 60 entries (every 20): %v", err)
	}

	fresh := newPeer(t, "counsellor's new phone", relay.SyncURL)
	if err := a.c.Add(context.Background(), doc, fresh.id.Public(), e2ee.RoleViewer); err != nil {
		t.Fatal(err)
	}
	if err := fresh.c.Join(context.Background(), doc, ""); err != nil {
		t.Fatal(err)
	}
	fresh.sync()
	if !slices.Equal(fresh.elems(doc), a.elems(doc)) {
		t.Fatalf("fresh device %d elements, owner %d", len(fresh.elems(doc)), len(a.elems(doc)))
	}
	if rec, err := fresh.store.LoadDoc(context.Background(), doc); err != nil || rec.SnapshotAt == 0 {
		t.Fatalf("the fresh device did not start from the snapshot: %v", err)
	}
	// Later entries continue the chains the snapshot vouched for.
	b.add(doc, "after snapshot")
	b.ev.wait(t, "synced", func(ev client.Event) bool { return b.c.Status().Pending == 0 })
	fresh.sync()
	if !fresh.has(doc, "after snapshot") {
		t.Fatalf("fresh device misses the entry after the snapshot: %v", fresh.ev.kinds())
	}
	if n := fresh.ev.count(client.EventSecurity); n != 0 {
		t.Fatalf("security events on the fresh device: %v", fresh.ev.kinds())
	}
}

func TestPresence(t *testing.T) {
	relay := newRelay(t)
	a, b, doc := shared(t, relay.SyncURL)
	a.run()
	b.run()
	if err := a.c.SetPresence(context.Background(), doc, "person.given_names"); err != nil {
		t.Fatal(err)
	}
	b.ev.wait(t, "presence", func(ev client.Event) bool {
		peers := b.c.Peers(doc)
		return len(peers) == 1 && peers[0].ID == a.id.ID() && peers[0].Field == "person.given_names"
	})
}

func TestAttachmentRoundTrip(t *testing.T) {
	relay := newRelay(t)
	a, b, doc := shared(t, relay.SyncURL)
	content := bytes.Repeat([]byte("scanned certificate "), 150_000) // 3 MB: several chunks
	var last int64
	att, err := a.c.Attach(context.Background(), doc, "file-1", bytes.NewReader(content), func(done, total int64) { last = done })
	if err != nil {
		t.Fatal(err)
	}
	if last != att.Size {
		t.Fatalf("progress ended at %d of %d", last, att.Size)
	}
	var got bytes.Buffer
	if err := b.c.Fetch(context.Background(), doc, "file-1", att, &got, nil); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got.Bytes(), content) {
		t.Fatal("fetched attachment differs")
	}
	// Bound to its file entry: the same blob under another entry does not open.
	if err := b.c.Fetch(context.Background(), doc, "file-2", att, &bytes.Buffer{}, nil); err == nil {
		t.Fatal("an attachment opened under another file entry")
	}
}

func TestLongOutboxIsPushedInWindows(t *testing.T) {
	relay := newRelay(t)
	a, b, doc := shared(t, relay.SyncURL)
	const n = 600 // several windows of pushes in flight
	for i := range n {
		a.add(doc, fmt.Sprintf("offline %04d", i))
	}
	a.sync()
	b.sync()
	if got := len(b.elems(doc)); got != n+1 {
		t.Fatalf("counsellor has %d elements, want %d", got, n+1)
	}
	if a.ev.count(client.EventRefused) != 0 {
		t.Fatalf("refusals: %v", a.ev.kinds())
	}
	// The counsellor, who wrote nothing while applying 600 entries, sent a receipt.
	if rec, err := b.store.LoadDoc(context.Background(), doc); err != nil || rec.Own.Seq == 0 {
		t.Fatalf("counsellor's own chain after a long catch-up: %+v, %v; want a receipt", rec.Own, err)
	}
}

func TestSyncWhileRunningUsesTheLiveConnection(t *testing.T) {
	relay := newRelay(t)
	a, b, doc := shared(t, relay.SyncURL)
	b.run()
	b.ev.wait(t, "connected", func(ev client.Event) bool { return ev.Kind == client.EventConnected })
	a.add(doc, "while running")
	a.sync()
	b.sync() // must not replace the connection Run keeps
	// Sync during Run waits for the session's catch-up and the outbox; an entry the relay is
	// delivering at that moment arrives over the same connection just after.
	b.ev.wait(t, "remote change", func(client.Event) bool { return b.has(doc, "while running") })
	if !b.c.Status().Connected {
		t.Fatal("Sync during Run left the client disconnected")
	}
	a.add(doc, "live after sync")
	a.sync()
	b.waitFor(doc, "live after sync")
}
