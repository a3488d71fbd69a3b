package syncserver

import (
	"context"
	"errors"
	"io"
	"math/rand/v2"
	"sync"
	"sync/atomic"
	"time"
)

// Keepalive. A phone that loses its network, or a NAT that forgets a mapping, leaves a TCP
// connection half open: nothing arrives and nothing fails, and the relay would keep its
// goroutine, buffers and subscriptions forever. So the relay pings every authenticated
// connection each [Limits.PingInterval] and closes one whose pong does not come within
// [Limits.PingTimeout].
//
// The pong is read by the connection's reader, which does not read while it handles a request
// (a catch-up may wait for the peer to read). A ping that times out while the reader was busy,
// or while it was receiving a frame, proves nothing: the relay pings again at the next interval.
// A peer that stops reading while the relay writes to it is caught by the write timeout instead.
//
// No goroutine waits between pings: a timer per connection starts one for the ping and its
// wait only.

// keepalive is a connection's ping timer.
type keepalive struct {
	mu      sync.Mutex // guards timer and stopped
	timer   *time.Timer
	stopped bool
	running sync.WaitGroup // the ping in progress, if any
}

// startKeepalive schedules the connection's first ping. The first delay is spread over half an
// interval, so that connections opened together are not pinged together.
func (c *conn) startKeepalive() {
	iv := c.srv.limits.PingInterval
	first := iv/2 + rand.N(iv/2+1)
	c.ka.mu.Lock()
	defer c.ka.mu.Unlock()
	if !c.ka.stopped {
		c.ka.timer = time.AfterFunc(first, c.pingOnce)
	}
}

// stopKeepalive cancels the pings and waits for the one in progress.
func (c *conn) stopKeepalive() {
	c.ka.mu.Lock()
	c.ka.stopped = true
	if c.ka.timer != nil {
		c.ka.timer.Stop()
	}
	c.ka.mu.Unlock()
	c.ka.running.Wait()
}

// pingOnce pings, and schedules the next ping unless the connection was closed.
func (c *conn) pingOnce() {
	c.ka.mu.Lock()
	if c.ka.stopped {
		c.ka.mu.Unlock()
		return
	}
	c.ka.running.Add(1)
	c.ka.mu.Unlock()
	defer c.ka.running.Done()
	if !c.ping() {
		return
	}
	c.ka.mu.Lock()
	if !c.ka.stopped {
		c.ka.timer.Reset(c.srv.limits.PingInterval)
	}
	c.ka.mu.Unlock()
}

// ping pings the peer and closes the connection when no pong comes in time. It reports whether
// the connection stays open.
func (c *conn) ping() bool {
	s := c.srv
	before := c.activity.Load()
	ctx, cancel := context.WithTimeout(s.ctx, s.limits.PingTimeout)
	err := c.ws.Ping(ctx)
	cancel()
	s.metrics.pings.Inc()
	switch {
	case err == nil:
		return true
	case !errors.Is(err, context.DeadlineExceeded) || s.ctx.Err() != nil:
		return false // the connection or the relay closed meanwhile
	case c.busy.Load() || c.activity.Load() != before:
		// The reader handled a request or received a frame instead of reading the pong.
		return true
	}
	s.metrics.pingTimeouts.Inc()
	c.log.Info("connection unresponsive; closed", keyTimeout, s.limits.PingTimeout)
	c.kill()
	return false
}

// activityReader counts reads into n, so that a ping that times out while a large frame
// arrives slowly does not close the connection.
type activityReader struct {
	r io.Reader
	n *atomic.Uint64
}

func (a activityReader) Read(p []byte) (int, error) {
	a.n.Add(1)
	return a.r.Read(p)
}
