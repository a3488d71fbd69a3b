// Package loadgen drives a mobio relay with real WebSocket clients for `mobio bench`: it
// authenticates identities, creates documents, pushes sealed updates and times what comes
// back. It talks to 127.0.0.1 only.
package loadgen

import (
	"context"
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"fmt"
	"net"
	"net/url"
	"sync/atomic"
	"time"

	"github.com/coder/websocket"

	"github.com/mobio-sync/mobio/e2ee"
	"github.com/mobio-sync/mobio/e2ee/keyring"
	"github.com/mobio-sync/mobio/protocol"
)

// ErrNotLoopback is returned for a relay URL whose host is not 127.0.0.1: the load generator
// never sends load anywhere else.
var ErrNotLoopback = errors.New("relay URL is not ws://127.0.0.1:PORT")

// maxFrame bounds the frames a load client reads.
const maxFrame = 16 << 20

// origin is what the clients name in Auth; a relay without configured origins accepts it.
const origin = "ws://127.0.0.1"

// CheckURL returns nil when raw is a ws:// URL to 127.0.0.1 with a port.
func CheckURL(raw string) error {
	u, err := url.Parse(raw)
	if err != nil {
		return fmt.Errorf("parse relay URL: %w", err)
	}
	if u.Scheme != "ws" || u.Hostname() != "127.0.0.1" || u.Port() == "" {
		return fmt.Errorf("relay URL %q: %w", raw, ErrNotLoopback)
	}
	return nil
}

// Received is a frame and the time the reader decoded it.
type Received struct {
	Frame protocol.Frame
	At    time.Time
}

// Conn is an authenticated WebSocket connection to the relay.
type Conn struct {
	ws     *websocket.Conn
	id     *keyring.Identity
	frames chan Received
	done   chan struct{}
	err    error // why the reader ended; read after done
	req    atomic.Uint64
}

// Dial connects to the relay at rawURL and authenticates as id.
func Dial(ctx context.Context, rawURL string, id *keyring.Identity) (*Conn, error) {
	if err := CheckURL(rawURL); err != nil {
		return nil, err
	}
	ws, _, err := websocket.Dial(ctx, rawURL, &websocket.DialOptions{
		Subprotocols: []string{protocol.Subprotocol},
		HTTPClient:   loopbackClient,
	})
	if err != nil {
		return nil, fmt.Errorf("dial relay: %w", err)
	}
	ws.SetReadLimit(maxFrame)
	c := &Conn{ws: ws, id: id, frames: make(chan Received, 256), done: make(chan struct{})}
	go c.read()
	if err := c.handshake(ctx); err != nil {
		c.Close()
		return nil, fmt.Errorf("authenticate: %w", err)
	}
	return c, nil
}

func (c *Conn) read() {
	defer close(c.done)
	defer close(c.frames)
	for {
		_, b, err := c.ws.Read(context.Background())
		if err != nil {
			c.err = err
			return
		}
		f, err := protocol.Decode(b, maxFrame)
		if err != nil {
			c.err = fmt.Errorf("decode frame from the relay: %w", err)
			return
		}
		c.frames <- Received{Frame: f, At: time.Now()}
	}
}

func (c *Conn) handshake(ctx context.Context) error {
	if err := c.Send(ctx, protocol.Hello{Version: protocol.Version, Software: "mobio-bench"}); err != nil {
		return err
	}
	r, err := c.Next(ctx)
	if err != nil {
		return err
	}
	ch, ok := r.Frame.(protocol.Challenge)
	if !ok {
		return fmt.Errorf("got %s, want a challenge", r.Frame.Type())
	}
	now := time.Now().Truncate(time.Millisecond)
	sig, err := c.id.Sign(e2ee.LabelAuth, ch.Nonce[:], []byte(origin), binary.BigEndian.AppendUint64(nil, uint64(now.UnixMilli())))
	if err != nil {
		return fmt.Errorf("sign auth: %w", err)
	}
	if err := c.Send(ctx, protocol.Auth{Identity: c.id.Public(), Origin: origin, Time: now, Signature: sig}); err != nil {
		return err
	}
	if r, err = c.Next(ctx); err != nil {
		return err
	}
	if _, ok := r.Frame.(protocol.AuthOK); !ok {
		return fmt.Errorf("got %s, want auth-ok", describe(r.Frame))
	}
	return nil
}

// Send writes one frame.
func (c *Conn) Send(ctx context.Context, f protocol.Frame) error {
	b, err := protocol.Encode(f)
	if err != nil {
		return fmt.Errorf("encode %s: %w", f.Type(), err)
	}
	if err := c.ws.Write(ctx, websocket.MessageBinary, b); err != nil {
		return fmt.Errorf("send %s: %w", f.Type(), err)
	}
	return nil
}

// Next returns the next frame read.
func (c *Conn) Next(ctx context.Context) (Received, error) {
	select {
	case r, ok := <-c.frames:
		if !ok {
			return Received{}, fmt.Errorf("connection closed: %w", c.err)
		}
		return r, nil
	case <-ctx.Done():
		return Received{}, fmt.Errorf("wait for a frame: %w", ctx.Err())
	}
}

// ReqID returns a fresh request ID.
func (c *Conn) ReqID() uint64 { return c.req.Add(1) }

// Close closes the connection and waits for its reader.
func (c *Conn) Close() {
	c.ws.CloseNow()
	for range c.frames {
	}
	<-c.done
}

func describe(f protocol.Frame) string {
	if e, ok := f.(protocol.Error); ok {
		return fmt.Sprintf("error %v", &e)
	}
	return fmt.Sprintf("%T", f)
}

// Doc is a document created through the relay, with its owner's chain of updates.
type Doc struct {
	ID    e2ee.DocID
	owner *keyring.Identity
	key   *keyring.EpochKey
	seq   uint64
	prev  e2ee.Hash
}

// CreateDoc creates a document owned by c's identity.
func CreateDoc(ctx context.Context, c *Conn) (*Doc, error) {
	genesis, id, key, err := keyring.NewDocument(c.id)
	if err != nil {
		return nil, fmt.Errorf("create document: %w", err)
	}
	rid := c.ReqID()
	if err := c.Send(ctx, protocol.OpPush{ReqID: rid, Op: genesis}); err != nil {
		return nil, err
	}
	r, err := c.Next(ctx)
	if err != nil {
		return nil, err
	}
	if ack, ok := r.Frame.(protocol.OpAck); !ok || ack.Doc != id {
		return nil, fmt.Errorf("push genesis: got %s", describe(r.Frame))
	}
	return &Doc{ID: id, owner: c.id, key: key}, nil
}

// Seal seals the document owner's next update with plaintext.
func (d *Doc) Seal(plaintext []byte) ([]byte, error) {
	raw, err := keyring.Seal(d.owner, d.key, e2ee.Header{Kind: e2ee.KindUpdate, Seq: d.seq + 1, Prev: d.prev}, plaintext)
	if err != nil {
		return nil, fmt.Errorf("seal update: %w", err)
	}
	d.seq, d.prev = d.seq+1, sha256.Sum256(raw)
	return raw, nil
}

// SealN seals n updates of size bytes each.
func (d *Doc) SealN(n, size int) ([][]byte, error) {
	out := make([][]byte, n)
	for i := range out {
		raw, err := d.Seal(make([]byte, size))
		if err != nil {
			return nil, err
		}
		out[i] = raw
	}
	return out, nil
}

// Subscribe subscribes c to doc from the start and returns once the relay answered; the
// catch-up frames follow on c.
func Subscribe(ctx context.Context, c *Conn, doc e2ee.DocID) error {
	rid := c.ReqID()
	if err := c.Send(ctx, protocol.Subscribe{ReqID: rid, Doc: doc}); err != nil {
		return err
	}
	r, err := c.Next(ctx)
	if err != nil {
		return err
	}
	if _, ok := r.Frame.(protocol.Subscribed); !ok {
		return fmt.Errorf("subscribe: got %s", describe(r.Frame))
	}
	return nil
}

// PushWindow pushes envs to doc in order, keeping up to window unacknowledged, and returns
// once every one is acknowledged. c must receive nothing but the acknowledgements.
func PushWindow(ctx context.Context, c *Conn, doc e2ee.DocID, envs [][]byte, window int) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	credit := make(chan struct{}, window)
	sendErr := make(chan error, 1)
	go func() {
		for _, env := range envs {
			select {
			case credit <- struct{}{}:
			case <-ctx.Done():
				sendErr <- ctx.Err()
				return
			}
			if err := c.Send(ctx, protocol.Push{ReqID: c.ReqID(), Doc: doc, Envelope: env}); err != nil {
				sendErr <- err
				return
			}
		}
		sendErr <- nil
	}()
	for range envs {
		r, err := c.Next(ctx)
		if err != nil {
			return err
		}
		if _, ok := r.Frame.(protocol.Ack); !ok {
			return fmt.Errorf("push answered with %s", describe(r.Frame))
		}
		<-credit
	}
	return <-sendErr
}

// loopbackClient dials 127.0.0.1 only, whatever a redirect says.
var loopbackClient = newLoopbackClient()

func isLoopback(addr string) bool {
	host, _, err := net.SplitHostPort(addr)
	return err == nil && host == "127.0.0.1"
}
