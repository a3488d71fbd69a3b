// Package faultproxy is a WebSocket proxy on 127.0.0.1 that tests put between mobio clients
// and a relay to make the network misbehave: it cuts connections, refuses new ones for a
// while, delays frames, and passes every frame through a hook that may drop, replace,
// duplicate or insert frames.
//
// The proxy ends the WebSocket on both sides (github.com/coder/websocket): it accepts the
// client, dials the relay with the subprotocols the client asked for, and pumps whole
// messages both ways. A message is one protocol frame, so a hook sees frames, never bytes of
// a TCP stream. It talks to loopback addresses only, bounds its connections and the frames
// it holds, and stops everything with Close.
package faultproxy

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"net"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"

	"github.com/coder/websocket"
)

// Direction is the way a frame travels through the proxy.
type Direction int

// Directions.
const (
	// ToRelay: from the client to the relay.
	ToRelay Direction = iota + 1
	// ToClient: from the relay to the client.
	ToClient
)

// String returns "to-relay" or "to-client".
func (d Direction) String() string {
	switch d {
	case ToRelay:
		return "to-relay"
	case ToClient:
		return "to-client"
	}
	return "direction(?)"
}

// Hook sees every frame and returns the frames to send in its place, in order: nil drops
// it, the frame itself passes it on, other or more frames replace, duplicate or insert. The
// proxy calls it from its own goroutines: in order within one connection and direction,
// concurrently across them. It must not keep or change frame after it returns, except by
// returning it.
type Hook func(dir Direction, frame []byte) [][]byte

// ErrNotLoopback: the target is not a ws:// URL of a loopback address.
var ErrNotLoopback = errors.New("faultproxy: target is not ws://127.0.0.1:PORT (or [::1], localhost)")

// Options bound the proxy; zero values take the defaults.
type Options struct {
	// MaxConns bounds the connections open at once; 0 for 64. Further clients get 503.
	MaxConns int
	// MaxFrameBytes bounds a frame in either direction; 0 for 16 MiB.
	MaxFrameBytes int64
	// QueueFrames bounds the frames held per connection and direction (while delayed); 0 for
	// 1024. A full queue stops reading from the sender.
	QueueFrames int
	// Seed seeds the choice of delays, for reproducible runs.
	Seed uint64
}

// Stats counts what the proxy did.
type Stats struct {
	Accepted int // connections proxied
	Refused  int // connections refused (see Proxy.Refuse)
	Cut      int // connections cut (see Proxy.Cut)
	Frames   int // frames read from either side
}

// Proxy is a running fault-injecting proxy. Its methods are safe for concurrent use.
type Proxy struct {
	target string
	url    string
	opts   Options
	ln     net.Listener
	srv    *http.Server
	served chan struct{} // closed when srv.Serve returns

	mu          sync.Mutex // guards the fields below
	hook        Hook
	delayMin    time.Duration
	delayMax    time.Duration
	rng         *rand.Rand
	refuseUntil time.Time
	links       map[*link]struct{}
	active      int // connections admitted, proxied or still being set up
	closed      bool
	stats       Stats

	wg sync.WaitGroup // the connections' handlers
}

// New starts a proxy on a free port of 127.0.0.1 that forwards to target, a relay's
// WebSocket URL such as "ws://127.0.0.1:41234/sync". Clients dial [Proxy.URL].
func New(target string, opts Options) (*Proxy, error) {
	u, err := url.Parse(target)
	if err != nil {
		return nil, fmt.Errorf("faultproxy: target: %w", err)
	}
	if u.Scheme != "ws" || !isLoopback(u.Hostname()) || u.Port() == "" {
		return nil, fmt.Errorf("faultproxy: target %q: %w", target, ErrNotLoopback)
	}
	if opts.MaxConns <= 0 {
		opts.MaxConns = 64
	}
	if opts.MaxFrameBytes <= 0 {
		opts.MaxFrameBytes = 16 << 20
	}
	if opts.QueueFrames <= 0 {
		opts.QueueFrames = 1024
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, fmt.Errorf("faultproxy: listen: %w", err)
	}
	p := &Proxy{
		target: target,
		url:    "ws://" + ln.Addr().String() + u.EscapedPath(),
		opts:   opts,
		served: make(chan struct{}),
		rng:    rand.New(rand.NewPCG(opts.Seed, opts.Seed^0x9e3779b97f4a7c15)),
		links:  make(map[*link]struct{}),
	}
	p.ln = &refusingListener{Listener: ln, p: p}
	p.srv = &http.Server{Handler: http.HandlerFunc(p.serve), ReadHeaderTimeout: 10 * time.Second}
	go func() {
		defer close(p.served)
		_ = p.srv.Serve(p.ln) // returns http.ErrServerClosed after Close
	}()
	return p, nil
}

func isLoopback(host string) bool {
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// URL is the proxy's WebSocket URL: the target's path on the proxy's address.
func (p *Proxy) URL() string { return p.url }

// SetHook sets the hook that sees every frame from now on; nil passes frames unchanged.
func (p *Proxy) SetHook(h Hook) {
	p.mu.Lock()
	p.hook = h
	p.mu.Unlock()
}

// SetDelay holds every frame read from now on between lo and hi before sending it on. The
// order of frames in one direction never changes: a frame is sent no earlier than the one
// before it. SetDelay(0, 0) sends frames at once.
func (p *Proxy) SetDelay(lo, hi time.Duration) {
	p.mu.Lock()
	p.delayMin, p.delayMax = max(lo, 0), max(hi, lo, 0)
	p.mu.Unlock()
}

// Refuse closes every new connection at once for d, as a relay that is down would; the
// connections already open stay.
func (p *Proxy) Refuse(d time.Duration) {
	p.mu.Lock()
	p.refuseUntil = time.Now().Add(d)
	p.mu.Unlock()
}

// Cut ends every open connection at once on both sides, without a close handshake, as a
// network failure would, and returns how many it cut.
func (p *Proxy) Cut() int {
	p.mu.Lock()
	links := make([]*link, 0, len(p.links))
	for l := range p.links {
		links = append(links, l)
	}
	p.stats.Cut += len(links)
	p.mu.Unlock()
	for _, l := range links {
		l.cut()
	}
	return len(links)
}

// Conns returns the number of open connections.
func (p *Proxy) Conns() int {
	p.mu.Lock()
	defer p.mu.Unlock()
	return len(p.links)
}

// Stats returns what the proxy did so far.
func (p *Proxy) Stats() Stats {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.stats
}

// Close stops accepting, cuts every connection and waits until all of the proxy's
// goroutines have ended. Closing twice is not an error.
func (p *Proxy) Close() error {
	p.mu.Lock()
	if p.closed {
		p.mu.Unlock()
		return nil
	}
	p.closed = true
	p.mu.Unlock()
	err := p.srv.Close() // closes the listener and connections not yet upgraded
	<-p.served
	p.Cut()
	p.wg.Wait()
	return err
}

// refusingListener drops connections while the proxy refuses them.
type refusingListener struct {
	net.Listener
	p *Proxy
}

func (l *refusingListener) Accept() (net.Conn, error) {
	for {
		c, err := l.Listener.Accept()
		if err != nil {
			return nil, err
		}
		l.p.mu.Lock()
		refuse := time.Now().Before(l.p.refuseUntil)
		if refuse {
			l.p.stats.Refused++
		}
		l.p.mu.Unlock()
		if !refuse {
			return c, nil
		}
		c.Close()
	}
}

// link is one proxied connection: the client's side and the relay's.
type link struct {
	client, relay *websocket.Conn
	ctx           context.Context
	cancel        context.CancelFunc
}

// cut ends both sides without a close handshake.
func (l *link) cut() {
	l.cancel()
	l.client.CloseNow()
	l.relay.CloseNow()
}

// serve proxies one WebSocket connection until either side ends it.
func (p *Proxy) serve(w http.ResponseWriter, r *http.Request) {
	p.mu.Lock()
	if p.closed || p.active >= p.opts.MaxConns {
		p.mu.Unlock()
		http.Error(w, "faultproxy: closed or too many connections", http.StatusServiceUnavailable)
		return
	}
	p.active++
	p.wg.Add(1)
	p.mu.Unlock()
	defer func() {
		p.mu.Lock()
		p.active--
		p.mu.Unlock()
		p.wg.Done()
	}()

	// Dial the relay first, so that a client whose relay is unreachable sees its dial fail.
	dctx, cancel := context.WithTimeout(r.Context(), 10*time.Second)
	defer cancel()
	relay, resp, err := websocket.Dial(dctx, p.target, &websocket.DialOptions{Subprotocols: subprotocols(r)})
	if err != nil {
		status := http.StatusBadGateway
		if resp != nil && resp.StatusCode >= 400 {
			status = resp.StatusCode
		}
		http.Error(w, "faultproxy: dial the relay failed", status)
		return
	}
	var offer []string
	if sp := relay.Subprotocol(); sp != "" {
		offer = []string{sp}
	}
	// Loopback only, and the proxy exists for tests: any web origin may use it.
	client, err := websocket.Accept(w, r, &websocket.AcceptOptions{Subprotocols: offer, InsecureSkipVerify: true})
	if err != nil {
		relay.CloseNow()
		return
	}
	client.SetReadLimit(p.opts.MaxFrameBytes)
	relay.SetReadLimit(p.opts.MaxFrameBytes)
	ctx, stop := context.WithCancel(context.Background())
	l := &link{client: client, relay: relay, ctx: ctx, cancel: stop}
	p.mu.Lock()
	if p.closed {
		p.mu.Unlock()
		l.cut()
		return
	}
	p.links[l] = struct{}{}
	p.stats.Accepted++
	p.mu.Unlock()

	var pumps sync.WaitGroup
	pumps.Add(2)
	go func() { defer pumps.Done(); p.pump(l, ToRelay, client, relay) }()
	go func() { defer pumps.Done(); p.pump(l, ToClient, relay, client) }()
	pumps.Wait()
	l.cut()
	p.mu.Lock()
	delete(p.links, l)
	p.mu.Unlock()
}

// subprotocols returns the subprotocols the client asked for.
func subprotocols(r *http.Request) []string {
	var out []string
	for _, h := range r.Header.Values("Sec-WebSocket-Protocol") {
		for _, sp := range strings.Split(h, ",") {
			if sp = strings.TrimSpace(sp); sp != "" {
				out = append(out, sp)
			}
		}
	}
	return out
}

// held is a frame waiting for its time to be sent.
type held struct {
	typ   websocket.MessageType
	frame []byte
	at    time.Time
}

// pump moves frames from one side to the other through the hook and the delay queue. When
// from ends, the frames it sent before are delivered, then to is closed the same way.
func (p *Proxy) pump(l *link, dir Direction, from, to *websocket.Conn) {
	q := make(chan held, p.opts.QueueFrames)
	written := make(chan struct{})
	go func() {
		defer close(written)
		for h := range q {
			if wait := time.Until(h.at); wait > 0 {
				t := time.NewTimer(wait)
				select {
				case <-t.C:
				case <-l.ctx.Done():
					t.Stop()
					return
				}
			}
			if err := to.Write(l.ctx, h.typ, h.frame); err != nil {
				l.cancel()
				return
			}
		}
	}()
	var last time.Time
	var readErr error
	for {
		typ, frame, err := from.Read(l.ctx)
		if err != nil {
			readErr = err
			break
		}
		p.mu.Lock()
		hook := p.hook
		delay := p.delayMin
		if p.delayMax > p.delayMin {
			delay += time.Duration(p.rng.Int64N(int64(p.delayMax - p.delayMin)))
		}
		p.stats.Frames++
		p.mu.Unlock()
		out := [][]byte{frame}
		if hook != nil {
			out = hook(dir, frame)
		}
		at := time.Now().Add(delay)
		if at.Before(last) {
			at = last // never overtake the frame before
		}
		last = at
		for _, f := range out {
			select {
			case q <- held{typ: typ, frame: f, at: at}:
			case <-l.ctx.Done():
			}
		}
	}
	close(q)
	<-written
	if l.ctx.Err() != nil {
		return
	}
	// Pass the end on as the sender made it; the other pump then ends too.
	var ce websocket.CloseError
	if !errors.As(readErr, &ce) {
		to.CloseNow() // the connection broke: break the other side too
		return
	}
	if ce.Code == websocket.StatusNoStatusRcvd {
		ce.Code = websocket.StatusNormalClosure
	}
	// A peer that does not answer the close handshake within a second is cut.
	t := time.AfterFunc(time.Second, func() { to.CloseNow() })
	defer t.Stop()
	_ = to.Close(ce.Code, ce.Reason)
}
