package syncserver_test

import (
	"context"
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/coder/websocket"

	"github.com/mobio-sync/mobio/e2ee"
	"github.com/mobio-sync/mobio/e2ee/keyring"
	"github.com/mobio-sync/mobio/protocol"
	"github.com/mobio-sync/mobio/syncserver/syncservertest"
)

// httpClient is the tests' HTTP client; TestMain closes its idle connections before it
// counts goroutines.
var httpClient = &http.Client{Timeout: 10 * time.Second}

// TestMain checks, after all tests, that the relays they started left no goroutine behind:
// it polls the goroutine count until it is back to where it started, up to a deadline.
func TestMain(m *testing.M) {
	before := runtime.NumGoroutine()
	code := m.Run()
	httpClient.CloseIdleConnections()
	if code == 0 {
		deadline := time.Now().Add(10 * time.Second)
		for runtime.NumGoroutine() > before {
			if time.Now().After(deadline) {
				buf := make([]byte, 1<<20)
				n := runtime.Stack(buf, true)
				fmt.Fprintf(os.Stderr, "goroutines leaked: %d at start, %d at end\n%s", before, runtime.NumGoroutine(), buf[:n])
				code = 1
				break
			}
			runtime.Gosched()
			time.Sleep(10 * time.Millisecond) // polling interval, not synchronisation
		}
	}
	os.Exit(code)
}

// waitFor polls cond until it holds or the deadline passes.
func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(5 * time.Millisecond) // polling interval
	}
}

// maxTestFrame bounds the frames the test client reads.
const maxTestFrame = 16 << 20

// client is a test client of the relay: a real WebSocket connection speaking the protocol.
type client struct {
	t       testing.TB
	ws      *websocket.Conn
	id      *keyring.Identity
	frames  chan protocol.Frame
	gate    sync.RWMutex // write-locked while the client stalls: the reader stops reading
	stalled atomic.Bool
	done    chan struct{} // closed when the reader ends
	err     error         // why the reader ended; read after done

	mu      sync.Mutex
	pending []protocol.Frame // frames read while waiting for an answer to another request
	nextReq uint64
}

// connect opens a WebSocket connection to the relay without authenticating.
func connect(t testing.TB, srv *syncservertest.Server) *client {
	t.Helper()
	c, err := connectErr(srv)
	if err != nil {
		t.Fatalf("connect: %v", err)
	}
	c.t = t
	t.Cleanup(c.close)
	return c
}

func connectErr(srv *syncservertest.Server) (*client, error) {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	ws, _, err := websocket.Dial(ctx, srv.SyncURL, &websocket.DialOptions{Subprotocols: []string{protocol.Subprotocol}})
	if err != nil {
		return nil, err
	}
	ws.SetReadLimit(maxTestFrame)
	c := &client{ws: ws, frames: make(chan protocol.Frame, 1<<14), done: make(chan struct{})}
	go c.read()
	return c, nil
}

func (c *client) read() {
	defer close(c.done)
	defer close(c.frames)
	for {
		// An empty section: it waits while the client stalls.
		c.gate.RLock()
		//lint:ignore SA2001 the section is empty on purpose
		c.gate.RUnlock()
		_, b, err := c.ws.Read(context.Background())
		if err != nil {
			c.err = err
			return
		}
		f, err := protocol.Decode(b, maxTestFrame)
		if err != nil {
			c.err = fmt.Errorf("decode frame from the relay: %w", err)
			return
		}
		c.frames <- f
	}
}

// stall stops the client from reading; resume lets it read again.
func (c *client) stall() {
	c.gate.Lock()
	c.stalled.Store(true)
}

func (c *client) resume() {
	if c.stalled.CompareAndSwap(true, false) {
		c.gate.Unlock()
	}
}

func (c *client) close() {
	c.ws.CloseNow()
	c.resume()
	for {
		select {
		case <-c.done:
			return
		case <-c.frames:
		}
	}
}

// dial connects and authenticates as id.
func dial(t testing.TB, srv *syncservertest.Server, id *keyring.Identity) *client {
	t.Helper()
	c := connect(t, srv)
	if err := c.handshake(id); err != nil {
		t.Fatalf("handshake: %v", err)
	}
	return c
}

func (c *client) handshake(id *keyring.Identity) error {
	if err := c.sendErr(protocol.Hello{Version: protocol.Version, Software: "mobio-test"}); err != nil {
		return err
	}
	f, err := c.nextErr(10 * time.Second)
	if err != nil {
		return err
	}
	ch, ok := f.(protocol.Challenge)
	if !ok {
		return fmt.Errorf("got %#v, want a challenge", f)
	}
	if err := c.sendErr(signAuth(id, ch.Nonce, "ws://relay.test", time.Now())); err != nil {
		return err
	}
	if f, err = c.nextErr(10 * time.Second); err != nil {
		return err
	}
	if ok, isOK := f.(protocol.AuthOK); !isOK || ok.ID != id.ID() {
		return fmt.Errorf("got %#v, want auth-ok", f)
	}
	c.id = id
	return nil
}

func signAuth(id *keyring.Identity, nonce [protocol.NonceSize]byte, origin string, now time.Time) protocol.Auth {
	now = now.Truncate(time.Millisecond)
	sig, err := id.Sign(e2ee.LabelAuth, nonce[:], []byte(origin), binary.BigEndian.AppendUint64(nil, uint64(now.UnixMilli())))
	if err != nil {
		panic(err)
	}
	return protocol.Auth{Identity: id.Public(), Origin: origin, Time: now, Signature: sig}
}

func (c *client) sendErr(f protocol.Frame) error {
	b, err := protocol.Encode(f)
	if err != nil {
		return err
	}
	return c.sendRaw(b)
}

func (c *client) sendRaw(b []byte) error {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	return c.ws.Write(ctx, websocket.MessageBinary, b)
}

func (c *client) send(f protocol.Frame) {
	c.t.Helper()
	if err := c.sendErr(f); err != nil {
		c.t.Fatalf("send %s: %v", f.Type(), err)
	}
}

// reqID returns a fresh request ID.
func (c *client) reqID() uint64 {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.nextReq++
	return c.nextReq
}

// nextErr returns the next frame not yet taken.
func (c *client) nextErr(timeout time.Duration) (protocol.Frame, error) {
	c.mu.Lock()
	if len(c.pending) > 0 {
		f := c.pending[0]
		c.pending = c.pending[1:]
		c.mu.Unlock()
		return f, nil
	}
	c.mu.Unlock()
	select {
	case f, ok := <-c.frames:
		if !ok {
			return nil, fmt.Errorf("connection closed: %w", c.err)
		}
		return f, nil
	case <-time.After(timeout):
		return nil, errors.New("no frame within the timeout")
	}
}

func (c *client) next() protocol.Frame {
	c.t.Helper()
	f, err := c.nextErr(10 * time.Second)
	if err != nil {
		c.t.Fatalf("next frame: %v", err)
	}
	return f
}

// nextAs returns the next frame, which must be a T.
func nextAs[T protocol.Frame](t testing.TB, c *client) T {
	t.Helper()
	f := c.next()
	v, ok := f.(T)
	if !ok {
		t.Fatalf("got %s frame %s, want %T", f.Type(), describe(f), v)
	}
	return v
}

// describe renders a frame for failure messages.
func describe(f protocol.Frame) string {
	if e, ok := f.(protocol.Error); ok {
		return fmt.Sprintf("%v", &e)
	}
	s := fmt.Sprintf("%+v", f)
	if len(s) > 200 {
		s = s[:200] + "…"
	}
	return s
}

// answerOf returns the request ID a frame answers, 0 for none.
func answerOf(f protocol.Frame) uint64 {
	switch f := f.(type) {
	case protocol.Subscribed:
		return f.ReqID
	case protocol.Ack:
		return f.ReqID
	case protocol.OpAck:
		return f.ReqID
	case protocol.LogEntries:
		return f.ReqID
	case protocol.Erased:
		return f.ReqID
	case protocol.Error:
		return f.ReqID
	}
	return 0
}

// answerErr waits for the answer to request id; other frames are kept for next.
func (c *client) answerErr(id uint64) (protocol.Frame, error) {
	var skipped []protocol.Frame
	defer func() {
		c.mu.Lock()
		c.pending = append(skipped, c.pending...)
		c.mu.Unlock()
	}()
	for {
		var f protocol.Frame
		var ok bool
		select {
		case f, ok = <-c.frames:
			if !ok {
				return nil, fmt.Errorf("connection closed: %w", c.err)
			}
		case <-time.After(10 * time.Second):
			return nil, fmt.Errorf("no answer to request %d", id)
		}
		if answerOf(f) == id {
			return f, nil
		}
		skipped = append(skipped, f)
	}
}

// request sends f, which must carry request ID id, and returns its answer.
func (c *client) request(id uint64, f protocol.Frame) protocol.Frame {
	c.t.Helper()
	c.send(f)
	a, err := c.answerErr(id)
	if err != nil {
		c.t.Fatalf("%s request: %v", f.Type(), err)
	}
	return a
}

// requestAs sends a request and returns its answer, which must be a T.
func requestAs[T protocol.Frame](t testing.TB, c *client, id uint64, f protocol.Frame) T {
	t.Helper()
	a := c.request(id, f)
	v, ok := a.(T)
	if !ok {
		t.Fatalf("%s request: got %s, want %T", f.Type(), describe(a), v)
	}
	return v
}

// refused sends a request (id 0 for frames without one) and returns the error frame it gets.
func refused(t testing.TB, c *client, id uint64, f protocol.Frame) protocol.Error {
	t.Helper()
	c.send(f)
	a, err := c.answerErr(id)
	if err != nil {
		t.Fatalf("%s request: %v", f.Type(), err)
	}
	e, ok := a.(protocol.Error)
	if !ok {
		t.Fatalf("%s request: got %s, want an error", f.Type(), describe(a))
	}
	return e
}

// push pushes env to doc and returns the acknowledgement.
func (c *client) push(doc e2ee.DocID, env []byte) protocol.Ack {
	c.t.Helper()
	id := c.reqID()
	return requestAs[protocol.Ack](c.t, c, id, protocol.Push{ReqID: id, Doc: doc, Envelope: env})
}

// pushErr pushes env and returns the answer, for goroutines.
func (c *client) pushErr(doc e2ee.DocID, env []byte) (protocol.Frame, error) {
	id := c.reqID()
	if err := c.sendErr(protocol.Push{ReqID: id, Doc: doc, Envelope: env}); err != nil {
		return nil, err
	}
	return c.answerErr(id)
}

// subscribe subscribes to doc after offset after and returns the answer; catch-up frames
// follow.
func (c *client) subscribe(doc e2ee.DocID, after protocol.Offset) protocol.Subscribed {
	c.t.Helper()
	id := c.reqID()
	return requestAs[protocol.Subscribed](c.t, c, id, protocol.Subscribe{ReqID: id, Doc: doc, After: after})
}

// subscribeCaughtUp subscribes and returns the catch-up frames up to CaughtUp.
func (c *client) subscribeCaughtUp(doc e2ee.DocID, after protocol.Offset) []protocol.Frame {
	c.t.Helper()
	c.subscribe(doc, after)
	var out []protocol.Frame
	for {
		f := c.next()
		out = append(out, f)
		if _, ok := f.(protocol.CaughtUp); ok {
			return out
		}
	}
}

// opPush pushes a membership operation and returns the acknowledgement.
func (c *client) opPush(doc e2ee.DocID, op []byte) protocol.OpAck {
	c.t.Helper()
	id := c.reqID()
	return requestAs[protocol.OpAck](c.t, c, id, protocol.OpPush{ReqID: id, Doc: doc, Op: op})
}

// expectClosed waits until the relay closes the connection, after the frames still to read.
func (c *client) expectClosed(t testing.TB) {
	t.Helper()
	deadline := time.After(15 * time.Second)
	for {
		select {
		case f, ok := <-c.frames:
			if !ok {
				return
			}
			_ = f
		case <-deadline:
			t.Fatal("the relay did not close the connection")
		}
	}
}

// member is an identity writing in one document: it seals envelopes in its chain with the
// key of the document's current epoch.
type member struct {
	id   *keyring.Identity
	doc  *testDoc
	seq  uint64    // last stored-chain sequence number sealed
	prev e2ee.Hash // hash of the last envelope sealed
	eph  uint64    // last ephemeral sequence number
}

// testDoc is a document created through the relay, with the log as clients see it.
type testDoc struct {
	t     testing.TB
	id    e2ee.DocID
	log   e2ee.Log
	owner *member
}

func newIdentity(t testing.TB) *keyring.Identity {
	t.Helper()
	id, err := keyring.NewIdentity()
	if err != nil {
		t.Fatalf("NewIdentity: %v", err)
	}
	return id
}

// newDoc creates a document owned by c's identity through the relay.
func newDoc(t testing.TB, c *client) *testDoc {
	t.Helper()
	genesis, id, _, err := keyring.NewDocument(c.id)
	if err != nil {
		t.Fatalf("NewDocument: %v", err)
	}
	ack := c.opPush(e2ee.DocID{}, genesis)
	if ack.Doc != id || ack.Seq != 1 {
		t.Fatalf("genesis ack = %+v, want document %s operation 1", ack, id)
	}
	d := &testDoc{t: t, id: id}
	if err := d.log.Append(genesis); err != nil {
		t.Fatalf("append genesis: %v", err)
	}
	d.owner = &member{id: c.id, doc: d}
	return d
}

// keys returns the keys id opens in the document.
func (d *testDoc) keys(id *keyring.Identity) *keyring.Keys {
	d.t.Helper()
	k, err := keyring.OpenKeys(id, d.log.Membership())
	if err != nil {
		d.t.Fatalf("OpenKeys: %v", err)
	}
	return k
}

// apply pushes op through c (the owner's connection) and appends it to the local log.
func (d *testDoc) apply(c *client, op []byte) {
	d.t.Helper()
	ack := c.opPush(d.id, op)
	if err := d.log.Append(op); err != nil {
		d.t.Fatalf("append operation: %v", err)
	}
	if ack.Seq != d.log.Membership().Seq() {
		d.t.Fatalf("op ack seq %d, log has %d", ack.Seq, d.log.Membership().Seq())
	}
}

// add adds a member with role through the owner's connection c.
func (d *testDoc) add(c *client, id *keyring.Identity, role e2ee.Role) *member {
	d.t.Helper()
	op, err := keyring.AddMember(d.owner.id, d.log.Membership(), d.keys(d.owner.id), id.Public(), role)
	if err != nil {
		d.t.Fatalf("AddMember: %v", err)
	}
	d.apply(c, op)
	return &member{id: id, doc: d}
}

// remove removes a member through the owner's connection c; the epoch rotates.
func (d *testDoc) remove(c *client, id e2ee.IdentityID) {
	d.t.Helper()
	op, _, err := keyring.RemoveMember(d.owner.id, d.log.Membership(), d.keys(d.owner.id), id)
	if err != nil {
		d.t.Fatalf("RemoveMember: %v", err)
	}
	d.apply(c, op)
}

// seal seals the member's next envelope of kind with the key of epoch (the current one when
// 0), moving its chain.
func (m *member) seal(kind e2ee.Kind, plaintext []byte) []byte {
	m.doc.t.Helper()
	raw := m.sealAt(0, e2ee.Header{Kind: kind, Seq: m.seq + 1, Prev: m.prev}, plaintext)
	if kind != e2ee.KindEphemeral {
		m.seq, m.prev = m.seq+1, sha256.Sum256(raw)
	}
	return raw
}

// update seals the member's next update.
func (m *member) update(plaintext string) []byte { return m.seal(e2ee.KindUpdate, []byte(plaintext)) }

// ephemeral seals a presence envelope.
func (m *member) ephemeral(plaintext string) []byte {
	m.doc.t.Helper()
	m.eph++
	return m.sealAt(0, e2ee.Header{Kind: e2ee.KindEphemeral, Seq: m.eph, Time: time.Now().UnixMilli()}, []byte(plaintext))
}

// sealAt seals h with the key of epoch (the current one when 0) without moving the chain.
func (m *member) sealAt(epoch e2ee.Epoch, h e2ee.Header, plaintext []byte) []byte {
	m.doc.t.Helper()
	keys := m.doc.keys(m.id)
	key := keys.Primary()
	if epoch != 0 {
		var err error
		if key, err = keys.Key(epoch); err != nil {
			m.doc.t.Fatalf("Key(%d): %v", epoch, err)
		}
	}
	raw, err := keyring.Seal(m.id, key, h, plaintext)
	if err != nil {
		m.doc.t.Fatalf("Seal: %v", err)
	}
	return raw
}

// open verifies and decrypts an envelope as member m.
func (m *member) open(raw []byte) string {
	m.doc.t.Helper()
	v, err := e2ee.Verify(raw, m.doc.log.Membership())
	if err != nil {
		m.doc.t.Fatalf("Verify: %v", err)
	}
	key, err := m.doc.keys(m.id).Key(v.Header().Epoch)
	if err != nil {
		m.doc.t.Fatalf("Key: %v", err)
	}
	pt, err := keyring.Open(v, key)
	if err != nil {
		m.doc.t.Fatalf("Open: %v", err)
	}
	return string(pt)
}

// metricsText fetches /metrics.
func metricsText(t testing.TB, srv *syncservertest.Server) string {
	t.Helper()
	resp, err := httpClient.Get(srv.URL + "/metrics")
	if err != nil {
		t.Fatalf("GET /metrics: %v", err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatalf("read /metrics: %v", err)
	}
	return string(b)
}

// metricValue returns the value of the metric line that starts with name (labels included),
// or "" when there is none.
func metricValue(t testing.TB, srv *syncservertest.Server, name string) string {
	t.Helper()
	for line := range strings.Lines(metricsText(t, srv)) {
		if rest, ok := strings.CutPrefix(line, name+" "); ok {
			return strings.TrimSpace(rest)
		}
	}
	return ""
}
