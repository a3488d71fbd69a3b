package syncserver_test

import (
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/mobio-sync/mobio/e2ee"
	"github.com/mobio-sync/mobio/e2ee/keyring"
	"github.com/mobio-sync/mobio/protocol"
	"github.com/mobio-sync/mobio/syncserver"
	"github.com/mobio-sync/mobio/syncserver/syncservertest"
)

// Presence goes to the document's other subscribers, not back to its sender, and is never
// stored.
func TestEphemeralIsRelayedToOthersOnlyAndNeverStored(t *testing.T) {
	e := newEnv(t)
	b := dial(t, e.srv, e.counsellor.id)
	v := dial(t, e.srv, e.viewer.id)
	for _, c := range []*client{e.owner, b, v} {
		c.subscribeCaughtUp(e.doc.id, 0)
	}
	usage, err := e.srv.Store.Usage(t.Context(), e.doc.id)
	if err != nil {
		t.Fatal(err)
	}

	presence := e.doc.owner.ephemeral("looking at: languages")
	e.owner.send(protocol.Ephemeral{Doc: e.doc.id, Envelope: presence})
	for _, c := range []*client{b, v} {
		got := nextAs[protocol.Ephemeral](t, c)
		if string(got.Envelope) != string(presence) {
			t.Errorf("relayed envelope differs from the sent one")
		}
	}
	// The sender's next frame answers its next request: no echo came before it.
	ack := e.owner.push(e.doc.id, e.doc.owner.update("after presence"))
	if f := e.owner.next(); f.Type() != protocol.TypeDeliver {
		t.Errorf("sender got %s, want only its entry's delivery", describe(f))
	}
	if ack.Offset != 1 {
		t.Errorf("first entry at offset %d, want 1: the ephemeral envelope took an offset", ack.Offset)
	}
	after, err := e.srv.Store.Usage(t.Context(), e.doc.id)
	if err != nil {
		t.Fatal(err)
	}
	if stored := after - usage; stored >= int64(len(presence))+int64(len(e.doc.owner.update("x"))) {
		t.Errorf("usage grew by %d bytes: the ephemeral envelope was stored", stored)
	}
	nextAs[protocol.Deliver](t, b)
	// An ephemeral envelope of a viewer is relayed as well: presence needs no write role.
	v.send(protocol.Ephemeral{Doc: e.doc.id, Envelope: e.viewer.ephemeral("viewer here")})
	if got := nextAs[protocol.Ephemeral](t, b); got.Doc != e.doc.id {
		t.Errorf("relayed for document %s", got.Doc)
	}
}

func TestEphemeralBeyondItsRateIsRefused(t *testing.T) {
	e := newEnv(t, syncservertest.WithLimits(func(l *syncserver.Limits) { l.EphemeralPerSecond, l.EphemeralBurst = 0.01, 2 }))
	for range 2 {
		e.owner.send(protocol.Ephemeral{Doc: e.doc.id, Envelope: e.doc.owner.ephemeral("here")})
	}
	e.owner.send(protocol.Ephemeral{Doc: e.doc.id, Envelope: e.doc.owner.ephemeral("still here")})
	got := nextAs[protocol.Error](t, e.owner)
	if got.Code != protocol.CodeRateLimited || got.Doc != e.doc.id || got.RetryAfter <= 0 {
		t.Errorf("got %v, want rate_limited for the document with a retry time", &got)
	}
}

// A subscriber that does not read is disconnected with CodeSlowConsumer once its queue is
// full, instead of the relay buffering without bound; writers are not held up.
func TestSlowConsumerIsDisconnectedInsteadOfGrowingMemory(t *testing.T) {
	e := newEnv(t, func(c *syncserver.Config) {
		c.Limits.SendQueue = 4
		c.WriteTimeout = time.Second
	})
	slow := dial(t, e.srv, e.counsellor.id)
	slow.subscribeCaughtUp(e.doc.id, 0)
	slow.stall()

	big := strings.Repeat("x", 60<<10) // the socket buffers fill after a few dozen of these
	pushed := 0
	for ; pushed < 400; pushed++ {
		e.owner.push(e.doc.id, e.doc.owner.update(big))
		if metricValue(t, e.srv, `mobio_relay_refusals_total{code="slow_consumer"}`) == "1" {
			break
		}
	}
	if pushed == 400 {
		t.Fatal("the slow consumer was never disconnected")
	}
	// The relay closes the connection; the client sees frames it had, then the end.
	waitFor(t, "the slow connection to close", func() bool {
		return metricValue(t, e.srv, "mobio_relay_connections") == "1"
	})
	slow.resume()
	slow.expectClosed(t)
	// The writer carries on.
	e.owner.push(e.doc.id, e.doc.owner.update("still writing"))
}

// A subscribed member who is removed hears the removal, then CodeNotMember, and nothing
// written after it.
func TestRemovedSubscriberHearsRemovalThenNothing(t *testing.T) {
	e := newEnv(t)
	b := dial(t, e.srv, e.counsellor.id)
	b.subscribeCaughtUp(e.doc.id, 0)
	e.doc.remove(e.owner, e.counsellor.id.ID())
	op := nextAs[protocol.OpDeliver](t, b)
	if op.Seq != e.doc.log.Membership().Seq() {
		t.Errorf("removal delivered as operation %d, want %d", op.Seq, e.doc.log.Membership().Seq())
	}
	gone := nextAs[protocol.Error](t, b)
	if gone.Code != protocol.CodeNotMember || gone.Doc != e.doc.id {
		t.Errorf("got %v, want not_member for the document", &gone)
	}
	e.owner.push(e.doc.id, e.doc.owner.update("after the removal"))
	id := b.reqID()
	b.send(protocol.LogFetch{ReqID: id, Doc: e.doc.id})
	if f := b.next(); f.Type() != protocol.TypeError {
		t.Errorf("removed member got %s, want only the refusal of its log fetch", describe(f))
	}
}

func TestInviteFetchAndRedeemThroughTheRelay(t *testing.T) {
	e := newEnv(t)
	op, secret, err := keyring.CreateInvite(e.doc.owner.id, e.doc.log.Membership(), e.doc.keys(e.doc.owner.id), e2ee.RoleCounsellor, time.Now().Add(time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	e.doc.apply(e.owner, op)
	e.owner.subscribeCaughtUp(e.doc.id, 0)

	invitee := newIdentity(t)
	c := dial(t, e.srv, invitee)
	id := c.reqID()
	entries := requestAs[protocol.LogEntries](t, c, id, protocol.InviteFetch{ReqID: id, Doc: e.doc.id, Proof: secret.Proof()})
	var log e2ee.Log
	for _, op := range entries.Ops {
		if err := log.Append(op); err != nil {
			t.Fatalf("fetched log does not verify: %v", err)
		}
	}
	if entries.More || log.Membership().Head() != e.doc.log.Membership().Head() {
		t.Fatal("fetched log is not the document's whole log")
	}
	redeem, err := keyring.RedeemInvite(invitee, log.Membership(), secret)
	if err != nil {
		t.Fatal(err)
	}
	if ack := c.opPush(e.doc.id, redeem); ack.Seq != log.Membership().Seq()+1 {
		t.Errorf("redemption acknowledged as operation %d, want %d", ack.Seq, log.Membership().Seq()+1)
	}
	if got := nextAs[protocol.OpDeliver](t, e.owner); string(got.Op) != string(redeem) {
		t.Error("the owner did not receive the redemption")
	}
	if err := e.doc.log.Append(redeem); err != nil {
		t.Fatal(err)
	}
	sub := c.subscribe(e.doc.id, 0)
	if sub.LogLen != e.doc.log.Membership().Seq() {
		t.Errorf("new member subscribed with log length %d, want %d", sub.LogLen, e.doc.log.Membership().Seq())
	}
	// The invite is spent.
	other := dial(t, e.srv, newIdentity(t))
	id = other.reqID()
	if got := refused(t, other, id, protocol.InviteFetch{ReqID: id, Doc: e.doc.id, Proof: secret.Proof()}); got.Code != protocol.CodeInviteInvalid {
		t.Errorf("second fetch: %v, want invite_invalid", &got)
	}
}

func TestEraseTellsSubscribersAndLeavesATombstone(t *testing.T) {
	e := newEnv(t)
	b := dial(t, e.srv, e.counsellor.id)
	b.subscribeCaughtUp(e.doc.id, 0)
	e.owner.push(e.doc.id, e.doc.owner.update("soon gone"))
	nextAs[protocol.Deliver](t, b)

	erase(t, e.owner, e.doc)
	if got := nextAs[protocol.Erased](t, b); got.Doc != e.doc.id || got.ReqID != 0 {
		t.Errorf("subscriber got %+v, want the document's erasure", got)
	}
	tomb, ok, err := e.srv.Store.Tombstone(t.Context(), e.doc.id)
	if err != nil || !ok {
		t.Fatalf("Tombstone = %v, %v", ok, err)
	}
	f, err := protocol.Decode(tomb, 0)
	if err != nil {
		t.Fatalf("tombstone does not decode as an erase frame: %v", err)
	}
	er, ok := f.(protocol.Erase)
	if !ok || er.Doc != e.doc.id || !e.doc.owner.id.Public().Verify(er.Signature, e2ee.LabelErase, er.Doc[:], er.Head[:]) {
		t.Error("tombstone is not the owner's signed erasure")
	}
	for _, c := range []*client{e.owner, b} {
		id, sf := subscribeFrame(c, e.doc.id)
		if got := refused(t, c, id, sf); got.Code != protocol.CodeErased {
			t.Errorf("subscribe after erasure: %v, want erased", &got)
		}
	}
	id, pf := pushFrame(e.owner, e.doc.id, e.doc.owner.update("too late"))
	if got := refused(t, e.owner, id, pf); got.Code != protocol.CodeErased {
		t.Errorf("push after erasure: %v, want erased", &got)
	}
}

func TestHealthReadinessAndMetrics(t *testing.T) {
	e := newEnv(t)
	e.owner.subscribeCaughtUp(e.doc.id, 0)
	e.owner.push(e.doc.id, e.doc.owner.update("counted"))
	for _, path := range []string{"/healthz", "/readyz", "/metrics"} {
		resp, err := httpClient.Get(e.srv.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK {
			t.Errorf("GET %s = %d, want 200", path, resp.StatusCode)
		}
	}
	want := map[string]string{
		"mobio_relay_connections":               "1",
		"mobio_relay_documents":                 "1",
		"mobio_relay_pushes_total":              "1",
		"mobio_relay_ack_latency_seconds_count": "1",
	}
	for name, value := range want {
		if got := metricValue(t, e.srv, name); got != value {
			t.Errorf("%s = %q, want %s", name, got, value)
		}
	}
	id, f := subscribeFrame(e.owner, e2ee.DocID{4})
	refused(t, e.owner, id, f)
	if got := metricValue(t, e.srv, `mobio_relay_refusals_total{code="no_such_document"}`); got != "1" {
		t.Errorf("refusals of no_such_document = %q, want 1", got)
	}
}

// The readiness check fails once the relay stops, while health stays fine.
func TestReadinessFailsWhenStopping(t *testing.T) {
	srv := syncservertest.NewServer(t)
	h := srv.Handler()
	srv.Close()
	for path, want := range map[string]int{"/healthz": http.StatusOK, "/readyz": http.StatusServiceUnavailable} {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest("GET", path, nil))
		if rec.Code != want {
			t.Errorf("GET %s = %d, want %d", path, rec.Code, want)
		}
	}
}
