package syncserver

import (
	"context"
	"errors"
	"fmt"
	"time"

	"golang.org/x/time/rate"

	"github.com/mobio-sync/mobio/e2ee"
	"github.com/mobio-sync/mobio/protocol"
)

// handle answers one request of an authenticated connection. Requests of a connection take
// effect in the order they arrive: writes are verified here and stored in order by the
// connection's committer (see pipeline.go); every other request waits for the writes before
// it, except presence, which is never stored.
func (c *conn) handle(f protocol.Frame) {
	ctx := c.srv.ctx
	received := time.Now()
	var reqID uint64
	var doc e2ee.DocID
	var err error
	switch f := f.(type) {
	case protocol.Push:
		c.push(ctx, f, received)
		return
	case protocol.SnapshotPut:
		c.snapshotPut(ctx, f, received)
		return
	case protocol.Ephemeral:
		if err := c.ephemeral(ctx, f); err != nil {
			c.refuse(0, f.Doc, err)
		}
		return
	}
	// Every other request waits for the writes before it.
	c.drainWrites()
	switch f := f.(type) {
	case protocol.Subscribe:
		reqID, doc = f.ReqID, f.Doc
		err = c.subscribe(ctx, f)
	case protocol.Unsubscribe:
		reqID, doc = f.ReqID, f.Doc
		err = c.unsubscribe(f)
	case protocol.OpPush:
		reqID, doc = f.ReqID, f.Doc
		err = c.opPush(ctx, f)
	case protocol.LogFetch:
		reqID, doc = f.ReqID, f.Doc
		err = c.logFetch(ctx, f)
	case protocol.InviteFetch:
		reqID, doc = f.ReqID, f.Doc
		err = c.inviteFetch(ctx, f)
	case protocol.Erase:
		reqID, doc = f.ReqID, f.Doc
		err = c.erase(ctx, f)
	case protocol.Hello, protocol.Auth:
		err = &protocol.Error{Code: protocol.CodeMalformed, Message: "the connection is authenticated already"}
	default:
		err = &protocol.Error{Code: protocol.CodeMalformed, Message: fmt.Sprintf("a %s frame goes from the relay to clients", f.Type())}
	}
	if err != nil && !errors.Is(err, errConnClosed) {
		c.refuse(reqID, doc, err)
	}
}

// allow takes a token from lim, or returns CodeRateLimited with the time until one is free.
func allow(lim *rate.Limiter, what string) error {
	r := lim.Reserve()
	if d := r.Delay(); d > 0 {
		r.Cancel()
		return &protocol.Error{Code: protocol.CodeRateLimited, Message: "too many " + what + " per second", RetryAfter: min(d, 24*time.Hour)}
	}
	return nil
}

// verifyWrite verifies an envelope of kind for doc as the relay accepts writes: by a member
// whose role allows the kind, signed, authored by the connection's identity, at the current
// epoch. It returns the document's state, held until the caller releases it, the verified
// envelope and the membership it was verified against. On error it holds nothing.
func (c *conn) verifyWrite(ctx context.Context, doc e2ee.DocID, raw []byte, kinds ...e2ee.Kind) (*docState, e2ee.VerifiedEnvelope, error) {
	ds, err := c.srv.document(ctx, doc)
	if err != nil {
		return nil, e2ee.VerifiedEnvelope{}, err
	}
	v, err := c.verifyWriteIn(ds, raw, kinds)
	if err != nil {
		c.srv.release(ds)
		return nil, e2ee.VerifiedEnvelope{}, err
	}
	return ds, v, nil
}

func (c *conn) verifyWriteIn(ds *docState, raw []byte, kinds []e2ee.Kind) (e2ee.VerifiedEnvelope, error) {
	if ds.erased.Load() {
		return e2ee.VerifiedEnvelope{}, errErasedDocument
	}
	m := ds.current.Load()
	v, err := e2ee.Verify(raw, m)
	if err != nil {
		return e2ee.VerifiedEnvelope{}, fmt.Errorf("verify envelope: %w", err)
	}
	h := v.Header()
	if h.Author != c.ident().ID() {
		return e2ee.VerifiedEnvelope{}, &protocol.Error{Code: protocol.CodeNotAllowed, Message: "the envelope's author is not the connection's identity"}
	}
	kindOK := false
	for _, k := range kinds {
		kindOK = kindOK || h.Kind == k
	}
	if !kindOK {
		return e2ee.VerifiedEnvelope{}, &protocol.Error{Code: protocol.CodeMalformed, Message: fmt.Sprintf("a %s envelope does not go in this frame", h.Kind)}
	}
	if h.Epoch != m.Epoch() {
		return e2ee.VerifiedEnvelope{}, &protocol.Error{Code: protocol.CodeWrongEpoch, Message: fmt.Sprintf("envelope for epoch %d, the current epoch is %d", h.Epoch, m.Epoch())}
	}
	return v, nil
}

// push verifies a Push and hands it to the committer, which stores it, acknowledges it once
// durable and publishes it to the document's subscribers. A refusal is answered in order with
// the writes around it.
func (c *conn) push(ctx context.Context, f protocol.Push, received time.Time) {
	w := pendingWrite{reqID: f.ReqID, doc: f.Doc, received: received}
	if w.err = allow(c.pushes, "pushes"); w.err == nil {
		w.ds, w.v, w.err = c.verifyWrite(ctx, f.Doc, f.Envelope, e2ee.KindUpdate, e2ee.KindReceipt)
	}
	c.enqueueWrite(w)
}

// snapshotPut verifies a SnapshotPut, like a push of a snapshot envelope, which becomes the
// document's snapshot covering the log up to f.Covers.
func (c *conn) snapshotPut(ctx context.Context, f protocol.SnapshotPut, received time.Time) {
	w := pendingWrite{reqID: f.ReqID, doc: f.Doc, covers: f.Covers, received: received}
	if w.err = allow(c.pushes, "pushes"); w.err == nil {
		w.ds, w.v, w.err = c.verifyWrite(ctx, f.Doc, f.Envelope, e2ee.KindSnapshot)
	}
	c.enqueueWrite(w)
}

// ack sends an acknowledgement and counts it.
func (c *conn) ack(ctx context.Context, a protocol.Ack, received time.Time) error {
	if err := c.q.reply(ctx, a); err != nil {
		return err
	}
	c.srv.metrics.observeAck(received)
	if a.Duplicate {
		c.srv.metrics.duplicates.Inc()
	} else {
		c.srv.metrics.pushes.Inc()
	}
	return nil
}

// ephemeral relays a presence envelope to the document's other subscribers; it is never
// stored and never acknowledged.
func (c *conn) ephemeral(ctx context.Context, f protocol.Ephemeral) error {
	if err := allow(c.ephemerals, "ephemeral messages"); err != nil {
		return err
	}
	ds, _, err := c.verifyWrite(ctx, f.Doc, f.Envelope, e2ee.KindEphemeral)
	if err != nil {
		return err
	}
	defer c.srv.release(ds)
	c.srv.broker.Publish(Event{Kind: EventEphemeral, Doc: f.Doc, Data: f.Envelope, Origin: c.id})
	return nil
}

// opPush answers OpPush: a genesis creates a document; any other operation is verified
// against the document's log, stored and published. The operation's author must be the
// connection's identity (for a redemption, the invitee is the author).
func (c *conn) opPush(ctx context.Context, f protocol.OpPush) error {
	if err := allow(c.pushes, "pushes"); err != nil {
		return err
	}
	so, err := e2ee.DecodeSignedOp(f.Op)
	if err != nil {
		return fmt.Errorf("decode operation: %w", err)
	}
	if so.Op.Author != c.ident().ID() {
		return &protocol.Error{Code: protocol.CodeNotAllowed, Message: "the operation's author is not the connection's identity"}
	}
	if f.Doc.IsZero() {
		doc, err := c.srv.create(ctx, f.Op)
		if err != nil {
			return err
		}
		return c.q.reply(ctx, protocol.OpAck{ReqID: f.ReqID, Doc: doc, Seq: 1})
	}
	ds, err := c.srv.document(ctx, f.Doc)
	if err != nil {
		return err
	}
	defer c.srv.release(ds)
	seq, err := c.srv.appendOp(ctx, ds, f.Op)
	if err != nil {
		return err
	}
	return c.q.reply(ctx, protocol.OpAck{ReqID: f.ReqID, Doc: f.Doc, Seq: seq})
}

// create verifies a genesis operation and creates its document. A genesis stored before is
// acknowledged again.
func (s *Server) create(ctx context.Context, genesis []byte) (e2ee.DocID, error) {
	doc, err := e2ee.GenesisDocID(genesis)
	if err != nil {
		return e2ee.DocID{}, fmt.Errorf("genesis: %w", err)
	}
	if _, err := e2ee.VerifyLog([][]byte{genesis}); err != nil {
		return e2ee.DocID{}, fmt.Errorf("genesis: %w", err)
	}
	err = s.store.CreateDocument(context.WithoutCancel(ctx), doc, genesis)
	if errors.Is(err, ErrExists) {
		ops, rerr := s.store.Ops(ctx, doc, 0, 1)
		if rerr == nil && len(ops) == 1 && string(ops[0]) == string(genesis) {
			return doc, nil
		}
		return e2ee.DocID{}, &protocol.Error{Code: protocol.CodeMalformed, Message: "a document with that ID exists"}
	}
	if err != nil {
		return e2ee.DocID{}, err
	}
	s.log.Debug("document created", keyDoc, shortDoc(doc))
	return doc, nil
}

// logFetch answers LogFetch for a member at the current epoch: the operations after f.After,
// in frames of at most protocol.MaxOpsPerFrame.
func (c *conn) logFetch(ctx context.Context, f protocol.LogFetch) error {
	ds, err := c.srv.document(ctx, f.Doc)
	if err != nil {
		return err
	}
	defer c.srv.release(ds)
	if _, err := readable(ds, c.ident().ID()); err != nil {
		return err
	}
	return c.sendLog(ctx, f.ReqID, f.Doc, logAfter(ds, f.After))
}

// inviteFetch answers InviteFetch: whoever proves to hold an open invite's secret gets the
// whole log, to build its redemption.
func (c *conn) inviteFetch(ctx context.Context, f protocol.InviteFetch) error {
	ds, err := c.srv.document(ctx, f.Doc)
	if err != nil {
		return err
	}
	defer c.srv.release(ds)
	if ds.erased.Load() {
		return errErasedDocument
	}
	m := ds.current.Load()
	in, ok := m.InviteByVerifier(e2ee.InviteVerifier(f.Proof))
	switch {
	case !ok:
		return &protocol.Error{Code: protocol.CodeInviteInvalid, Message: "no invite matches"}
	case !in.RedeemedBy.IsZero():
		return &protocol.Error{Code: protocol.CodeInviteInvalid, Message: "invite redeemed before"}
	case in.Epoch != m.Epoch():
		return &protocol.Error{Code: protocol.CodeInviteInvalid, Message: "invite made before the last rotation"}
	case in.Expires < c.srv.now().UnixMilli():
		return &protocol.Error{Code: protocol.CodeInviteInvalid, Message: "invite expired"}
	}
	return c.sendLog(ctx, f.ReqID, f.Doc, logAfter(ds, 0))
}

// sendLog sends ops as LogEntries frames of at most protocol.MaxOpsPerFrame operations, each
// but the last with More set.
func (c *conn) sendLog(ctx context.Context, reqID uint64, doc e2ee.DocID, ops [][]byte) error {
	for {
		n := min(len(ops), protocol.MaxOpsPerFrame)
		more := n < len(ops)
		if err := c.q.reply(ctx, protocol.LogEntries{ReqID: reqID, Doc: doc, Ops: ops[:n], More: more}); err != nil {
			return err
		}
		if !more {
			return nil
		}
		ops = ops[n:]
	}
}

// erase answers Erase from an owner at the current head of the log.
func (c *conn) erase(ctx context.Context, f protocol.Erase) error {
	ds, err := c.srv.document(ctx, f.Doc)
	if err != nil {
		return err
	}
	defer c.srv.release(ds)
	if err := c.srv.erase(ctx, ds, f, c.ident().ID()); err != nil {
		return err
	}
	c.log.Info("document erased", keyDoc, shortDoc(f.Doc))
	return c.q.reply(ctx, protocol.Erased{ReqID: f.ReqID, Doc: f.Doc})
}
