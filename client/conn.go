package client

import (
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"net/url"
	"sync"
	"sync/atomic"
	"time"

	"github.com/coder/websocket"

	"github.com/mobio-sync/mobio/e2ee"
	"github.com/mobio-sync/mobio/protocol"
)

// maxFrameBytes bounds the frames the client reads: the relay's largest frame carries one
// envelope (e2ee.MaxEnvelopeSize) or a page of operations.
const maxFrameBytes = e2ee.MaxEnvelopeSize + 1<<20

// session is one authenticated WebSocket connection to the relay. Replies to requests go to
// the goroutine waiting for them; everything else (deliveries, acknowledgements, live
// operations, presence) goes, in order, to the processor of a live session.
type session struct {
	c    *Client
	ws   *websocket.Conn
	live bool // subscribes to documents and processes what the relay sends

	ctx    context.Context // ends with the session
	cancel context.CancelCauseFunc
	done   chan struct{} // closed when the reader ends

	nextReq atomic.Uint64
	frames  chan protocol.Frame // reader → processor

	mu      sync.Mutex // guards the fields below
	waiters map[uint64]chan protocol.Frame
	pushes  map[uint64]pushRef // push and snapshot requests in flight
	synced  map[e2ee.DocID]bool
	failed  map[e2ee.DocID]error
	changed chan struct{} // closed and replaced when synced or failed changes
}

// pushRef is a push in flight.
type pushRef struct {
	doc    e2ee.DocID
	seq    uint64
	covers protocol.Offset // for a snapshot
}

// origin is what the client names in Auth: the relay's scheme and host, as dialled.
func origin(relay string) (string, error) {
	u, err := url.Parse(relay)
	if err != nil {
		return "", fmt.Errorf("relay URL: %w", err)
	}
	if (u.Scheme != "ws" && u.Scheme != "wss") || u.Host == "" {
		return "", fmt.Errorf("relay URL %q: want ws://HOST/PATH or wss://HOST/PATH", relay)
	}
	return u.Scheme + "://" + u.Host, nil
}

// dial connects to the relay and authenticates.
func (c *Client) dial(ctx context.Context, live bool) (*session, error) {
	if c.cfg.Relay == "" {
		return nil, fmt.Errorf("%w: no relay configured", ErrOffline)
	}
	org, err := origin(c.cfg.Relay)
	if err != nil {
		return nil, err
	}
	dctx, cancel := context.WithTimeout(ctx, 20*time.Second)
	defer cancel()
	ws, _, err := websocket.Dial(dctx, c.cfg.Relay, c.dialOptions())
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrOffline, err)
	}
	ws.SetReadLimit(maxFrameBytes)
	if err := c.handshake(dctx, ws, org); err != nil {
		ws.CloseNow()
		return nil, fmt.Errorf("authenticate with the relay: %w", err)
	}
	sctx, scancel := context.WithCancelCause(context.WithoutCancel(ctx))
	s := &session{
		c: c, ws: ws, live: live, ctx: sctx, cancel: scancel,
		done:    make(chan struct{}),
		frames:  make(chan protocol.Frame, 1024),
		waiters: make(map[uint64]chan protocol.Frame),
		pushes:  make(map[uint64]pushRef),
		synced:  make(map[e2ee.DocID]bool),
		failed:  make(map[e2ee.DocID]error),
		changed: make(chan struct{}),
	}
	go s.read()
	return s, nil
}

// handshake says hello, signs the relay's challenge and waits for AuthOK.
func (c *Client) handshake(ctx context.Context, ws *websocket.Conn, org string) error {
	if err := writeFrame(ctx, ws, protocol.Hello{Version: protocol.Version, Software: c.cfg.Software}); err != nil {
		return err
	}
	f, err := readFrame(ctx, ws)
	if err != nil {
		return err
	}
	ch, ok := f.(protocol.Challenge)
	if !ok {
		return fmt.Errorf("got %s, want a challenge", f.Type())
	}
	if err := protocol.CheckVersion(ch.Version, protocol.Version); err != nil {
		return err
	}
	now := c.cfg.Now().Truncate(time.Millisecond)
	sig, err := c.id.Sign(e2ee.LabelAuth, ch.Nonce[:], []byte(org), binary.BigEndian.AppendUint64(nil, uint64(now.UnixMilli())))
	if err != nil {
		return fmt.Errorf("sign the challenge: %w", err)
	}
	if err := writeFrame(ctx, ws, protocol.Auth{Identity: c.id.Public(), Origin: org, Time: now, Signature: sig}); err != nil {
		return err
	}
	f, err = readFrame(ctx, ws)
	if err != nil {
		return err
	}
	if _, ok := f.(protocol.AuthOK); !ok {
		return fmt.Errorf("got %s, want auth-ok", f.Type())
	}
	return nil
}

func writeFrame(ctx context.Context, ws *websocket.Conn, f protocol.Frame) error {
	b, err := protocol.Encode(f)
	if err != nil {
		return fmt.Errorf("encode %s: %w", f.Type(), err)
	}
	if err := ws.Write(ctx, websocket.MessageBinary, b); err != nil {
		return fmt.Errorf("send %s: %w", f.Type(), err)
	}
	return nil
}

// readFrame reads one frame; an Error frame becomes the error.
func readFrame(ctx context.Context, ws *websocket.Conn) (protocol.Frame, error) {
	_, b, err := ws.Read(ctx)
	if err != nil {
		return nil, fmt.Errorf("read from the relay: %w", err)
	}
	f, err := protocol.Decode(b, maxFrameBytes)
	if err != nil {
		return nil, fmt.Errorf("frame from the relay: %w", err)
	}
	if e, ok := f.(protocol.Error); ok {
		return nil, &e
	}
	return f, nil
}

// read routes the relay's frames until the connection ends.
func (s *session) read() {
	defer close(s.done)
	defer close(s.frames)
	for {
		_, b, err := s.ws.Read(s.ctx)
		if err != nil {
			s.close(fmt.Errorf("%w: %w", ErrOffline, err))
			return
		}
		f, err := protocol.Decode(b, maxFrameBytes)
		if err != nil {
			s.close(fmt.Errorf("frame from the relay: %w", err))
			return
		}
		if s.reply(f) {
			continue
		}
		if e, ok := f.(protocol.Error); ok && e.Code.EndsConnection() {
			s.close(&e)
			return
		}
		if !s.live {
			continue
		}
		select {
		case s.frames <- f:
		case <-s.ctx.Done():
			return
		}
	}
}

// reply hands f to the request waiting for it and reports whether one was.
func (s *session) reply(f protocol.Frame) bool {
	var id uint64
	switch f := f.(type) {
	case protocol.Subscribed:
		id = f.ReqID
	case protocol.OpAck:
		id = f.ReqID
	case protocol.LogEntries:
		id = f.ReqID
	case protocol.Erased:
		id = f.ReqID
	case protocol.Error:
		id = f.ReqID
	default:
		return false
	}
	if id == 0 {
		return false
	}
	s.mu.Lock()
	ch, ok := s.waiters[id]
	if ok && !isMore(f) {
		delete(s.waiters, id)
	}
	s.mu.Unlock()
	if ok {
		ch <- f
	}
	return ok
}

// isMore reports whether f announces further replies to the same request.
func isMore(f protocol.Frame) bool {
	le, ok := f.(protocol.LogEntries)
	return ok && le.More
}

// close ends the session with cause.
func (s *session) close(cause error) {
	s.cancel(cause)
	s.ws.Close(websocket.StatusNormalClosure, "")
}

// err returns why the session ended, or nil while it runs.
func (s *session) err() error {
	if s.ctx.Err() == nil {
		return nil
	}
	return context.Cause(s.ctx)
}

// send writes one frame.
func (s *session) send(ctx context.Context, f protocol.Frame) error {
	b, err := protocol.Encode(f)
	if err != nil {
		return fmt.Errorf("encode %s: %w", f.Type(), err)
	}
	wctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	if err := s.ws.Write(wctx, websocket.MessageBinary, b); err != nil {
		if cause := s.err(); cause != nil {
			return cause
		}
		return fmt.Errorf("%w: send %s: %w", ErrOffline, f.Type(), err)
	}
	return nil
}

// request sends a request built with a fresh request ID and returns the replies up to the
// one that is not followed by more (for LogEntries). An Error reply is returned as the error.
func (s *session) request(ctx context.Context, build func(reqID uint64) protocol.Frame) ([]protocol.Frame, error) {
	id := s.nextReq.Add(1)
	ch := make(chan protocol.Frame, 16)
	s.mu.Lock()
	s.waiters[id] = ch
	s.mu.Unlock()
	defer func() {
		s.mu.Lock()
		delete(s.waiters, id)
		s.mu.Unlock()
	}()
	if err := s.send(ctx, build(id)); err != nil {
		return nil, err
	}
	var out []protocol.Frame
	timeout := time.NewTimer(60 * time.Second)
	defer timeout.Stop()
	for {
		select {
		case f := <-ch:
			if e, ok := f.(protocol.Error); ok {
				return out, &e
			}
			out = append(out, f)
			if !isMore(f) {
				return out, nil
			}
		case <-s.done:
			return out, s.err()
		case <-ctx.Done():
			return out, ctx.Err()
		case <-timeout.C:
			return out, fmt.Errorf("%w: no answer from the relay within a minute", ErrOffline)
		}
	}
}

// fetchLog returns the membership operations of doc after after.
func (s *session) fetchLog(ctx context.Context, doc e2ee.DocID, after uint64) ([][]byte, error) {
	replies, err := s.request(ctx, func(id uint64) protocol.Frame {
		return protocol.LogFetch{ReqID: id, Doc: doc, After: after}
	})
	if err != nil {
		return nil, fmt.Errorf("fetch the membership log: %w", err)
	}
	return collectOps(replies), nil
}

// collectOps joins the operations of LogEntries replies.
func collectOps(replies []protocol.Frame) [][]byte {
	var ops [][]byte
	for _, f := range replies {
		if le, ok := f.(protocol.LogEntries); ok {
			ops = append(ops, le.Ops...)
		}
	}
	return ops
}

// pushOp appends a signed operation to doc's log on the relay (doc zero for a genesis) and
// returns its sequence number.
func (s *session) pushOp(ctx context.Context, doc e2ee.DocID, op []byte) (uint64, error) {
	replies, err := s.request(ctx, func(id uint64) protocol.Frame {
		return protocol.OpPush{ReqID: id, Doc: doc, Op: op}
	})
	if err != nil {
		return 0, err
	}
	ack, ok := replies[len(replies)-1].(protocol.OpAck)
	if !ok {
		return 0, fmt.Errorf("got %s, want op-ack", replies[len(replies)-1].Type())
	}
	return ack.Seq, nil
}

// setSynced records that doc is in sync (or failed with err) and wakes waiters.
func (s *session) setSynced(doc e2ee.DocID, synced bool, err error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.synced[doc] == synced && errors.Is(s.failed[doc], err) && (err == nil) == (s.failed[doc] == nil) {
		return
	}
	s.synced[doc] = synced
	if err != nil {
		s.failed[doc] = err
	} else {
		delete(s.failed, doc)
	}
	close(s.changed)
	s.changed = make(chan struct{})
}
