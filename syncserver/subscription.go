package syncserver

import (
	"context"
	"fmt"
	"sync"

	"github.com/mobio-sync/mobio/e2ee"
	"github.com/mobio-sync/mobio/protocol"
)

// catchUpPage is how many stored entries a catch-up reads at a time.
const catchUpPage = 512

// subscription is one connection's subscription to one document: the [Subscriber] the broker
// delivers the document's events to.
//
// While the connection catches up on stored entries, live events are buffered (at most the
// send queue's limit); when the stored entries are sent, the buffered events that the catch-up
// sent already are dropped (entries up to its last offset, operations up to the log length it
// announced), and the rest follow in order, so the switch from stored to live has no gap and
// no duplicate.
type subscription struct {
	c   *conn
	doc e2ee.DocID
	ds  *docState       // held by the subscription until it is cancelled
	me  e2ee.IdentityID // the connection's identity

	mu          sync.Mutex // guards the fields below
	catchingUp  bool
	buffered    []Event
	ended       bool   // no more events are sent
	cancelled   bool   // cancel was called
	unsubscribe func() // from the broker; nil until subscribed
}

// ID implements [Subscriber].
func (s *subscription) ID() uint64 { return s.c.id }

// Deliver implements [Subscriber]. It never blocks.
func (s *subscription) Deliver(ev Event) {
	s.mu.Lock()
	defer s.mu.Unlock()
	switch {
	case s.ended:
	case s.catchingUp && len(s.buffered) >= s.c.srv.limits.SendQueue:
		s.ended = true
		s.c.slowConsumer()
	case s.catchingUp:
		s.buffered = append(s.buffered, ev)
	default:
		s.deliverLocked(ev)
	}
}

// deliverLocked queues the frame of ev. s.mu must be held.
func (s *subscription) deliverLocked(ev Event) {
	var f protocol.Frame
	var end *protocol.Error
	switch ev.Kind {
	case EventEntry:
		f = protocol.Deliver{Doc: ev.Doc, Offset: protocol.Offset(ev.Offset), Envelope: ev.Data}
	case EventEphemeral:
		f = protocol.Ephemeral{Doc: ev.Doc, Envelope: ev.Data}
	case EventOp:
		f = protocol.OpDeliver{Doc: ev.Doc, Seq: ev.Offset, Op: ev.Data}
		// A member removed by this operation hears of it, then hears nothing more.
		if m := s.ds.current.Load(); m != nil {
			if _, err := m.Member(m.Epoch(), s.me); err != nil {
				end = &protocol.Error{Code: protocol.CodeNotMember, Message: "no longer a member of the document", Doc: ev.Doc}
			}
		}
	case EventErased:
		f = protocol.Erased{Doc: ev.Doc}
		end = errErasedDocument
	default:
		return
	}
	if !s.c.q.pushLive(f) {
		s.ended = true
		s.c.slowConsumer()
		return
	}
	if end != nil {
		s.ended = true
		if end.Code != protocol.CodeErased {
			e := *end
			if !s.c.q.pushLive(e) {
				s.c.slowConsumer()
				return
			}
		}
		// Delivery runs under the broker's lock, which unsubscribing takes.
		go s.c.drop(s)
	}
}

// finishCatchUp switches s to live events, after the catch-up sent the entries up to last and
// announced a log of logLen operations.
func (s *subscription) finishCatchUp(last, logLen uint64) {
	s.mu.Lock()
	defer s.mu.Unlock()
	buf := s.buffered
	s.buffered, s.catchingUp = nil, false
	for _, ev := range buf {
		if s.ended {
			return
		}
		switch {
		case ev.Kind == EventEntry && ev.Offset <= last:
		case ev.Kind == EventOp && ev.Offset <= logLen:
		default:
			s.deliverLocked(ev)
		}
	}
}

// cancel ends s, removes it from the broker and lets go of its document; once only.
func (s *subscription) cancel() {
	s.mu.Lock()
	if s.cancelled {
		s.mu.Unlock()
		return
	}
	s.cancelled, s.ended = true, true
	unsub := s.unsubscribe
	s.unsubscribe = nil
	s.mu.Unlock()
	if unsub != nil {
		unsub()
		if s.ds.subscribers.Add(-1) == 0 {
			s.c.srv.metrics.documents.Dec()
		}
	}
	s.c.srv.release(s.ds)
}

// drop removes sub from the connection's subscriptions and cancels it.
func (c *conn) drop(sub *subscription) {
	c.mu.Lock()
	if c.subs[sub.doc] == sub {
		delete(c.subs, sub.doc)
	}
	c.mu.Unlock()
	sub.cancel()
}

// subscribe answers Subscribe: a member at the current epoch gets Subscribed, the newest
// snapshot when it is behind it, the stored entries after that, CaughtUp, and live events.
func (c *conn) subscribe(ctx context.Context, f protocol.Subscribe) error {
	me := c.ident().ID()
	ds, err := c.srv.document(ctx, f.Doc)
	if err != nil {
		return err
	}
	if _, err := readable(ds, me); err != nil {
		c.srv.release(ds)
		return err
	}

	c.mu.Lock()
	old := c.subs[f.Doc]
	if old == nil && len(c.subs) >= c.srv.limits.MaxDocsPerConn {
		c.mu.Unlock()
		c.srv.release(ds)
		return &protocol.Error{Code: protocol.CodeTooManyDocuments, Message: fmt.Sprintf("more than %d documents on one connection", c.srv.limits.MaxDocsPerConn)}
	}
	// From here on the subscription holds ds; cancelling it lets go.
	sub := &subscription{c: c, doc: f.Doc, ds: ds, me: me, catchingUp: true}
	c.subs[f.Doc] = sub
	c.mu.Unlock()
	if old != nil {
		old.cancel()
	}

	// Subscribe before reading anything, so that every entry stored from now on is either
	// read below or buffered.
	unsub := c.srv.broker.Subscribe(f.Doc, sub)
	sub.mu.Lock()
	if sub.cancelled {
		sub.mu.Unlock()
		unsub()
		return errConnClosed
	}
	sub.unsubscribe = unsub
	if ds.subscribers.Add(1) == 1 {
		c.srv.metrics.documents.Inc()
	}
	sub.mu.Unlock()
	if err := c.catchUp(ctx, f, sub, me); err != nil {
		c.drop(sub)
		return err
	}
	return nil
}

// catchUp sends the answer to Subscribe and the stored state, then switches sub to live.
func (c *conn) catchUp(ctx context.Context, f protocol.Subscribe, sub *subscription, me e2ee.IdentityID) error {
	s := c.srv
	// Membership and erasure are read again after subscribing: a change before is seen here,
	// a change after arrives as an event.
	m, err := readable(sub.ds, me)
	if err != nil {
		return err
	}
	snap, hasSnap, err := s.store.Snapshot(ctx, f.Doc)
	if err != nil {
		return fmt.Errorf("subscribe: %w", err)
	}
	head, err := s.store.Head(ctx, f.Doc)
	if err != nil {
		return fmt.Errorf("subscribe: %w", err)
	}
	logLen := m.Seq()
	answer := protocol.Subscribed{ReqID: f.ReqID, Doc: f.Doc, Head: protocol.Offset(head), LogLen: logLen}
	if hasSnap {
		answer.Snapshot = protocol.Offset(snap.Covers)
	}
	if err := c.q.reply(ctx, answer); err != nil {
		return err
	}

	after := uint64(f.After)
	skip := uint64(0) // the snapshot's own entry, sent as the snapshot
	if hasSnap && after < snap.Covers {
		if err := c.q.reply(ctx, protocol.SnapshotDeliver{Doc: f.Doc, Covers: protocol.Offset(snap.Covers), Envelope: snap.Envelope}); err != nil {
			return err
		}
		after, skip = snap.Covers, snap.Offset
	}
	last := after
	for {
		entries, err := s.store.ReadRange(ctx, f.Doc, last, catchUpPage)
		if err != nil {
			return fmt.Errorf("subscribe: %w", err)
		}
		for _, e := range entries {
			last = e.Offset
			if e.Offset == skip {
				continue
			}
			if err := c.q.reply(ctx, protocol.Deliver{Doc: f.Doc, Offset: protocol.Offset(e.Offset), Envelope: e.Envelope}); err != nil {
				return err
			}
		}
		if len(entries) < catchUpPage {
			break
		}
	}
	if err := c.q.reply(ctx, protocol.CaughtUp{Doc: f.Doc, Offset: protocol.Offset(last)}); err != nil {
		return err
	}
	sub.finishCatchUp(last, logLen)
	return nil
}

// unsubscribe answers Unsubscribe; it has no answer but errors.
func (c *conn) unsubscribe(f protocol.Unsubscribe) error {
	c.mu.Lock()
	sub := c.subs[f.Doc]
	c.mu.Unlock()
	if sub != nil {
		c.drop(sub)
	}
	return nil
}
