package syncserver_test

import (
	"strconv"
	"testing"
	"time"

	"github.com/mobio-sync/mobio/protocol"
	"github.com/mobio-sync/mobio/syncserver"
	"github.com/mobio-sync/mobio/syncserver/syncservertest"
)

// withPings makes the relay ping every interval and wait timeout for the pong.
func withPings(interval, timeout time.Duration) syncservertest.Option {
	return syncservertest.WithLimits(func(l *syncserver.Limits) {
		l.PingInterval, l.PingTimeout = interval, timeout
	})
}

// metricNumber returns the value of a metric as a number, 0 when it is absent.
func metricNumber(t testing.TB, srv *syncservertest.Server, name string) float64 {
	t.Helper()
	v := metricValue(t, srv, name)
	if v == "" {
		return 0
	}
	f, err := strconv.ParseFloat(v, 64)
	if err != nil {
		t.Fatalf("metric %s = %q: %v", name, v, err)
	}
	return f
}

// A peer that stops reading never answers a ping: the relay closes its connection and drops
// its subscriptions, instead of keeping them for a phone that is gone.
func TestUnresponsivePeerIsClosedAfterPingTimeout(t *testing.T) {
	srv := syncservertest.NewServer(t, withPings(10*time.Millisecond, 100*time.Millisecond))
	c := dial(t, srv, newIdentity(t))
	doc := newDoc(t, c)
	c.subscribeCaughtUp(doc.id, 0)
	if got := metricValue(t, srv, "mobio_relay_documents"); got != "1" {
		t.Fatalf("documents gauge = %s, want 1", got)
	}

	// The client's reader answers pings while it waits in Read; after one more frame it
	// stops reading altogether.
	c.stall()
	id := c.reqID()
	c.send(protocol.LogFetch{ReqID: id, Doc: doc.id})

	waitFor(t, "the relay to close the unresponsive connection", func() bool {
		return metricValue(t, srv, "mobio_relay_connections") == "0"
	})
	if got := metricValue(t, srv, "mobio_relay_documents"); got != "0" {
		t.Errorf("documents gauge after the close = %s, want 0", got)
	}
	if got := metricNumber(t, srv, "mobio_relay_ping_timeouts_total"); got != 1 {
		t.Errorf("ping timeouts = %v, want 1", got)
	}
	c.resume()
	c.expectClosed(t)
}

// An idle client whose reader runs answers every ping and stays connected across many
// intervals.
func TestIdleClientStaysConnectedAcrossPings(t *testing.T) {
	srv := syncservertest.NewServer(t, withPings(10*time.Millisecond, 5*time.Second))
	c := dial(t, srv, newIdentity(t))
	doc := newDoc(t, c)
	c.subscribeCaughtUp(doc.id, 0)

	waitFor(t, "several pings", func() bool {
		return metricNumber(t, srv, "mobio_relay_pings_total") >= 10
	})
	if got := metricValue(t, srv, "mobio_relay_connections"); got != "1" {
		t.Errorf("connections gauge = %s, want 1", got)
	}
	if got := metricNumber(t, srv, "mobio_relay_ping_timeouts_total"); got != 0 {
		t.Errorf("ping timeouts = %v, want 0", got)
	}
	// The subscription is live: the client's own push comes back.
	ack := c.push(doc.id, doc.owner.update("still here"))
	if d := nextAs[protocol.Deliver](t, c); d.Offset != ack.Offset {
		t.Errorf("delivered offset %d, want %d", d.Offset, ack.Offset)
	}
}
