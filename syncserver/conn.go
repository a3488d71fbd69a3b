package syncserver

import (
	"context"
	"crypto/rand"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"sync"
	"sync/atomic"
	"time"

	"github.com/coder/websocket"
	"golang.org/x/time/rate"

	"github.com/mobio-sync/mobio/e2ee"
	"github.com/mobio-sync/mobio/protocol"
)

// conn is one WebSocket connection: its handshake, its requests (read and handled in order by
// the goroutine that serves it), its subscriptions and its send queue.
type conn struct {
	srv    *Server
	id     uint64
	remote string // IP address
	ws     *websocket.Conn
	out    *batchWriter // below ws: collects the frames the writer writes in one go
	log    *slog.Logger
	q      *outQueue

	pushes     *rate.Limiter // Push, SnapshotPut, OpPush
	ephemerals *rate.Limiter // Ephemeral

	writers sync.WaitGroup // writer goroutines; at most one at a time
	workers sync.WaitGroup // committer goroutines; at most one at a time
	pipe    pipeline
	ka      keepalive

	busy     atomic.Bool   // the reader handles a request
	activity atomic.Uint64 // counts the reader's progress: requests and reads of frames

	// mu guards the fields below.
	mu       sync.Mutex
	identity e2ee.IdentityPublic // set once authenticated
	authed   bool
	timedOut bool // the authentication timeout fired first
	subs     map[e2ee.DocID]*subscription

	// reqMu is held while a request is handled, so that a shutdown waits for the request in
	// progress (a push is stored and acknowledged) before it ends the connection.
	reqMu    sync.Mutex
	stopping bool // guarded by reqMu: requests read from now on are dropped
}

// serveSync upgrades the request to the WebSocket protocol and serves the connection until it
// ends.
func (s *Server) serveSync(w http.ResponseWriter, r *http.Request) {
	if s.isStopping() {
		http.Error(w, "relay shutting down", http.StatusServiceUnavailable)
		return
	}
	up := &upgrade{ResponseWriter: w, writeTimeout: s.writeTimeout}
	ws, err := websocket.Accept(up, r, &websocket.AcceptOptions{
		Subprotocols: []string{protocol.Subprotocol},
		// Any web origin may connect: the relay authenticates identities by a signed
		// challenge bound to the relay's origin (Config.Origins), never by cookies, so a
		// page of another site gains nothing from connecting in the user's browser.
		InsecureSkipVerify: true,
	})
	if err != nil {
		s.log.Debug("websocket upgrade refused", keyErr, err)
		return
	}
	if ws.Subprotocol() != protocol.Subprotocol {
		ws.Close(websocket.StatusPolicyViolation, "subprotocol "+protocol.Subprotocol+" required")
		return
	}
	c := &conn{
		srv:        s,
		id:         s.nextConn.Add(1),
		remote:     remoteIP(r),
		ws:         ws,
		out:        up.out,
		pushes:     rate.NewLimiter(rate.Limit(s.limits.PushesPerSecond), s.limits.PushBurst),
		ephemerals: rate.NewLimiter(rate.Limit(s.limits.EphemeralPerSecond), s.limits.EphemeralBurst),
		subs:       make(map[e2ee.DocID]*subscription),
	}
	c.log = s.log.With(keyConn, c.id)
	c.pipe.cond.L = &c.pipe.mu
	c.q = newOutQueue(s.limits.SendQueue, func() {
		c.writers.Add(1)
		go c.writeLoop()
	})
	// The read limit is one byte above the relay's, so that readFrame, not the library,
	// detects an oversize frame and can say so in an error frame.
	ws.SetReadLimit(int64(s.limits.MaxFrameBytes) + 1)

	ok, tooMany := s.addConn(c)
	if !ok {
		ws.Close(websocket.StatusGoingAway, protocol.CodeShuttingDown.String())
		return
	}
	c.log.Debug("connection opened", keyRemote, c.remote)
	if tooMany {
		c.fail(&protocol.Error{Code: protocol.CodeTooManyConnections, Message: fmt.Sprintf("more than %d connections from one address", s.limits.MaxConnsPerIP)})
		c.finish()
		s.removeConn(c)
		return
	}
	if !c.authenticate() {
		c.finish()
		s.removeConn(c)
		return
	}
	// The connection is hijacked, so it stays open when this handler returns. Its requests
	// are served by a goroutine of its own, which starts with a small stack instead of the
	// one the HTTP server and the handshake's cryptography grew, and the HTTP server's state
	// of the upgrade request goes with the handler: an idle connection costs less memory.
	go func() {
		defer s.removeConn(c)
		c.serve()
		c.finish()
	}()
}

// remoteIP returns the IP address of r's peer.
func remoteIP(r *http.Request) string {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return r.RemoteAddr
	}
	return host
}

// authenticate runs the handshake within the authentication timeout and reports whether the
// connection is authenticated.
func (c *conn) authenticate() bool {
	timer := time.AfterFunc(c.srv.limits.AuthTimeout, c.authTimedOut)
	defer timer.Stop()
	return c.handshake()
}

// serve reads and handles the frames of an authenticated connection in order until the
// connection ends.
func (c *conn) serve() {
	c.startKeepalive()
	for !c.q.isEnding() {
		f, err := c.readFrame()
		if err != nil {
			pe, ok := errors.AsType[*protocol.Error](err)
			if !ok {
				return // the connection closed
			}
			c.refuse(pe.ReqID, e2ee.DocID{}, pe)
			continue
		}
		c.reqMu.Lock()
		if c.stopping {
			c.reqMu.Unlock()
			return
		}
		c.busy.Store(true)
		c.handle(f)
		c.busy.Store(false)
		c.activity.Add(1)
		c.reqMu.Unlock()
	}
}

// finish waits until the final frame is written, closes the connection and drops its
// subscriptions.
func (c *conn) finish() {
	if !c.q.isEnding() {
		c.kill()
	}
	c.stopKeepalive()
	c.drainWrites()
	c.workers.Wait()
	c.writers.Wait()
	c.kill()
	c.mu.Lock()
	subs := make([]*subscription, 0, len(c.subs))
	for _, sub := range c.subs {
		subs = append(subs, sub)
	}
	clear(c.subs)
	c.mu.Unlock()
	for _, sub := range subs {
		sub.cancel()
	}
	c.log.Debug("connection closed")
}

// kill closes the connection at once, dropping whatever is queued.
func (c *conn) kill() {
	c.q.kill()
	c.ws.CloseNow()
}

// shutdown ends the connection for a stopping relay, once the request in progress and the
// pending writes are done: their answers are sent, then CodeShuttingDown.
func (c *conn) shutdown() {
	c.reqMu.Lock()
	defer c.reqMu.Unlock()
	c.stopping = true
	c.drainWrites()
	c.q.end(protocol.Error{Code: protocol.CodeShuttingDown, Message: "the relay is shutting down; reconnect later"}, false)
}

// authTimedOut ends a connection that has not authenticated in time.
func (c *conn) authTimedOut() {
	c.mu.Lock()
	if c.authed {
		c.mu.Unlock()
		return
	}
	c.timedOut = true
	c.mu.Unlock()
	c.fail(&protocol.Error{Code: protocol.CodeAuthTimeout, Message: fmt.Sprintf("no authentication within %v", c.srv.limits.AuthTimeout)})
}

// handshake reads Hello and Auth, answers with Challenge and AuthOK, and reports whether the
// connection is authenticated. Every error of the handshake ends the connection.
func (c *conn) handshake() bool {
	ctx := c.srv.ctx
	f, err := c.readFrame()
	if err != nil {
		c.failFrame(err)
		return false
	}
	hello, ok := f.(protocol.Hello)
	if !ok {
		c.fail(&protocol.Error{Code: protocol.CodeUnauthenticated, Message: "authenticate first: hello, then auth"})
		return false
	}
	version, err := protocol.Negotiate(hello.Version)
	if err != nil {
		pe := protocol.ErrorOf(err)
		c.fail(&pe)
		return false
	}
	var nonce [protocol.NonceSize]byte
	rand.Read(nonce[:])
	if err := c.q.reply(ctx, protocol.Challenge{Nonce: nonce, Time: c.srv.now().Truncate(time.Millisecond), Version: version}); err != nil {
		return false
	}

	f, err = c.readFrame()
	if err != nil {
		c.failFrame(err)
		return false
	}
	auth, ok := f.(protocol.Auth)
	if !ok {
		c.fail(&protocol.Error{Code: protocol.CodeUnauthenticated, Message: "authenticate first: auth answers the challenge"})
		return false
	}
	id, err := protocol.VerifyAuth(auth, nonce, c.srv.now(), 0)
	if err != nil {
		pe := protocol.ErrorOf(err)
		c.fail(&pe)
		return false
	}
	if c.srv.origins != nil && !c.srv.origins[auth.Origin] {
		c.fail(&protocol.Error{Code: protocol.CodeAuthFailed, Message: "the origin is not this relay's"})
		return false
	}
	c.mu.Lock()
	if c.timedOut {
		c.mu.Unlock()
		return false
	}
	c.identity, c.authed = id, true
	c.mu.Unlock()
	c.log = c.log.With(keyIdentity, id.ID().Short())
	c.log.Info("connection authenticated", keyRemote, c.remote, "software", hello.Software)
	return c.q.reply(ctx, protocol.AuthOK{ID: id.ID()}) == nil
}

// failFrame ends the connection after a frame could not be read: with the frame's error when
// it is a protocol error, else (the connection closed) silently.
func (c *conn) failFrame(err error) {
	if pe, ok := errors.AsType[*protocol.Error](err); ok {
		c.fail(pe)
	}
}

// ident returns the authenticated identity.
func (c *conn) ident() e2ee.IdentityPublic {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.identity
}

// readFrame reads and decodes one frame. Its errors are *protocol.Error for a frame the
// relay refuses, and others when the connection closed.
func (c *conn) readFrame() (protocol.Frame, error) {
	max := c.srv.limits.MaxFrameBytes
	// No context to cancel the read: closing the connection (kill, Server.Close) ends it,
	// and a cancellable one would cost a registration with it for every frame.
	typ, r, err := c.ws.Reader(context.Background())
	if err != nil {
		return nil, fmt.Errorf("read frame: %w", err)
	}
	b, err := io.ReadAll(io.LimitReader(activityReader{r, &c.activity}, int64(max)+1))
	if err != nil {
		return nil, fmt.Errorf("read frame: %w", err)
	}
	c.srv.metrics.bytesIn.Add(float64(len(b)))
	if len(b) > max {
		return nil, &protocol.Error{Code: protocol.CodeFrameTooLarge, Message: fmt.Sprintf("frame above the limit of %d bytes", max)}
	}
	if typ != websocket.MessageBinary {
		return nil, &protocol.Error{Code: protocol.CodeMalformed, Message: "frames are binary messages"}
	}
	return protocol.Decode(b, max)
}

// writeLoop writes queued frames until the queue is empty, and closes the connection after
// the final frame. The frames it finds queued together go to the socket in one write.
func (c *conn) writeLoop() {
	defer c.writers.Done()
	for {
		f, final, ok := c.q.next()
		if !ok {
			return
		}
		var grace *time.Timer
		if final {
			// Bound the final frame and the closing handshake with a peer that does not read.
			grace = time.AfterFunc(c.srv.writeTimeout, func() { c.ws.CloseNow() })
		}
		c.out.start()
		err := c.write(f)
		if err == nil && (final || !c.q.more() || c.out.full()) {
			err = c.out.flush()
		}
		if err != nil {
			c.log.Debug("write failed", keyErr, err)
			c.kill()
		} else if final {
			code := f.(protocol.Error).Code
			c.ws.Close(closeStatus(code), code.String())
		}
		if grace != nil {
			grace.Stop()
		}
		if err != nil || final {
			return
		}
	}
}

// write encodes one frame and hands it to the WebSocket library, which adds it to the batch
// being collected: this does not wait for the peer.
func (c *conn) write(f protocol.Frame) error {
	b, err := protocol.Encode(f)
	if err != nil {
		// The relay made a frame its own codec refuses: a bug, reported and skipped.
		c.log.Error("encode frame", keyFrame, f.Type().String(), keyErr, err)
		return nil
	}
	// No deadline here: the batch's write to the socket has one (batchWriter.flush).
	if err := c.ws.Write(context.Background(), websocket.MessageBinary, b); err != nil {
		return fmt.Errorf("write %s frame: %w", f.Type(), err)
	}
	c.srv.metrics.bytesOut.Add(float64(len(b)))
	return nil
}

// closeStatus is the WebSocket close status that goes with a connection-ending code.
func closeStatus(code protocol.Code) websocket.StatusCode {
	switch code {
	case protocol.CodeShuttingDown:
		return websocket.StatusGoingAway
	case protocol.CodeSlowConsumer, protocol.CodeTooManyConnections:
		return websocket.StatusTryAgainLater
	case protocol.CodeFrameTooLarge:
		return websocket.StatusMessageTooBig
	}
	return websocket.StatusPolicyViolation
}

// fail ends the connection with e after the frames queued before it.
func (c *conn) fail(e *protocol.Error) {
	c.srv.metrics.refused(e.Code.String())
	c.log.Debug("connection refused", keyCode, e.Code.String(), keyReq, e.ReqID)
	c.q.end(*e, false)
}

// slowConsumer ends a connection whose send queue is full: the queued frames are dropped and
// the client resumes from the offsets it has.
func (c *conn) slowConsumer() {
	e := protocol.Error{Code: protocol.CodeSlowConsumer, Message: "the connection fell too far behind; reconnect and resume"}
	if c.q.end(e, true) {
		c.srv.metrics.refused(e.Code.String())
		c.log.Warn("slow consumer disconnected", keyCode, e.Code.String())
	}
}

// refuse answers request reqID (about doc) with the error frame err maps to, and ends the
// connection when its code says so. Errors outside the protocol's vocabulary become
// CodeInternal on the wire and are logged.
func (c *conn) refuse(reqID uint64, doc e2ee.DocID, err error) {
	pe := protocol.ErrorOf(refusal(err))
	if pe.Code == protocol.CodeInternal {
		c.log.Error("request failed", keyReq, reqID, keyDoc, docAttr(doc), keyErr, err)
	}
	if pe.ReqID == 0 {
		pe.ReqID = reqID
	}
	if pe.Doc.IsZero() {
		pe.Doc = doc
	}
	if pe.Code.EndsConnection() {
		c.fail(&pe)
		return
	}
	c.srv.metrics.refused(pe.Code.String())
	c.log.Debug("request refused", keyReq, reqID, keyDoc, docAttr(doc), keyCode, pe.Code.String())
	c.q.reply(c.srv.ctx, pe)
}

// docAttr returns doc's short ID for a log attribute, or "" for none.
func docAttr(doc e2ee.DocID) string {
	if doc.IsZero() {
		return ""
	}
	return shortDoc(doc)
}

// refusal maps the errors of a Store to protocol errors; other errors pass through to
// protocol.ErrorOf.
func refusal(err error) error {
	for _, m := range storeErrors {
		if errors.Is(err, m.err) {
			return &protocol.Error{Code: m.code, Message: m.message}
		}
	}
	return err
}

var storeErrors = []struct {
	err     error
	code    protocol.Code
	message string
}{
	{ErrErased, protocol.CodeErased, "the document was erased"},
	{ErrNotFound, protocol.CodeNoSuchDocument, "no such document"},
	{ErrConflict, protocol.CodeReplay, "a different envelope holds that place in the author's chain"},
	{ErrSequenceGap, protocol.CodeSequenceGap, "entries of the author are missing"},
	{ErrStaleHead, protocol.CodeStaleHead, "operation based on an older head of the membership log"},
	{ErrStaleSnapshot, protocol.CodeMalformed, "a snapshot covering as much is stored"},
	{ErrBeyondHead, protocol.CodeMalformed, "the snapshot covers entries beyond the head"},
	{ErrTooLarge, protocol.CodeDocumentTooLarge, "too large"},
}
