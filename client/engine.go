package client

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"slices"
	"time"

	"github.com/mobio-sync/mobio/e2ee"
	"github.com/mobio-sync/mobio/e2ee/keyring"
	"github.com/mobio-sync/mobio/protocol"
)

// syncState is a live session's view of one document; ds.mu guards it. It belongs to one
// session (s) and starts afresh with the next.
type syncState struct {
	s          *session
	subscribed bool
	caughtUp   bool // the relay sent every stored entry; what follows is live
	// reconcile is set when the relay refused a push: once nothing is in flight, the client
	// subscribes again, and after the catch-up reseals the outbox where the chain stands.
	reconcile bool
	resubbing bool
	blocked   error // a refusal that stops pushing until the next session
	inflight  int
	pushedSeq uint64          // the highest outbox sequence number sent
	maxOffset protocol.Offset // the highest offset received in this session
	gapRetry  bool            // subscribed from the start once to close a gap
	retryAt   time.Time       // rate-limited until then
}

// pushWindow bounds the pushes in flight per document, so that a long outbox flows at the
// pace of acknowledgements instead of running into the relay's rate limit.
const pushWindow = 128

// receiptAfter is how many entries of others a member applies without writing before it
// sends a receipt, so that a relay that cuts one member off becomes visible to the others.
const receiptAfter = 200

// poke makes the live session look at local documents it does not yet sync.
func (c *Client) poke() {
	c.mu.Lock()
	s := c.live
	c.mu.Unlock()
	if s != nil {
		go s.rescan()
	}
}

// Run keeps a connection to the relay until ctx ends, reconnecting with backoff and jitter:
// it pushes the outbox and pending operations, catches up every local document and applies
// live changes. It returns ctx's error, or ErrClosed after Close.
func (c *Client) Run(ctx context.Context) error {
	if c.cfg.Relay == "" {
		return fmt.Errorf("%w: no relay configured", ErrOffline)
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	c.mu.Lock()
	if c.closed {
		c.mu.Unlock()
		return ErrClosed
	}
	c.stop = cancel
	c.mu.Unlock()

	backoff := c.cfg.MinBackoff
	for {
		start := time.Now()
		err := c.runSession(ctx, false)
		if c.isClosed() {
			return ErrClosed
		}
		if ctx.Err() != nil {
			return ctx.Err()
		}
		c.emit(Event{Kind: EventDisconnected, Err: err})
		c.log.Info("disconnected from the relay", "err", err)
		if time.Since(start) > time.Minute {
			backoff = c.cfg.MinBackoff // the connection was good for a while
		}
		// Full jitter between half the backoff and the backoff, so that clients cut off
		// together do not come back together.
		wait := backoff/2 + rand.N(backoff/2+1)
		t := time.NewTimer(wait)
		select {
		case <-ctx.Done():
			t.Stop()
			if c.isClosed() {
				return ErrClosed
			}
			return ctx.Err()
		case <-t.C:
		}
		backoff = min(backoff*2, c.cfg.MaxBackoff)
	}
}

func (c *Client) isClosed() bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.closed
}

// Sync connects once, pushes everything pending, catches up every local document, and
// returns when all are in sync, or with the first error. A document this identity was
// removed from, or that its owner erased, counts as in sync: Sync reports it through
// EventRemoved or EventErased, and Info shows no role.
func (c *Client) Sync(ctx context.Context) error {
	if s := c.liveSession(); s != nil && s.err() == nil {
		// Run keeps a connection: wait for it instead of replacing it.
		s.rescan()
		sums, err := c.store.ListDocs(ctx)
		if err != nil {
			return fmt.Errorf("list documents: %w", err)
		}
		ids := make([]e2ee.DocID, len(sums))
		for i, sum := range sums {
			ids[i] = sum.ID
		}
		return s.waitSynced(ctx, ids)
	}
	return c.runSession(ctx, true)
}

// waitSynced waits until every document of ids is in sync in this session, or one failed.
func (s *session) waitSynced(ctx context.Context, ids []e2ee.DocID) error {
	for {
		s.mu.Lock()
		changed := s.changed
		done := true
		var failure error
		for _, id := range ids {
			if err := s.failed[id]; err != nil && failure == nil {
				failure = fmt.Errorf("document %s: %w", short(id), err)
			}
			done = done && s.synced[id]
		}
		s.mu.Unlock()
		if failure != nil {
			return failure
		}
		if done {
			return nil
		}
		select {
		case <-changed:
		case <-s.done:
			return s.err()
		case <-ctx.Done():
			return ctx.Err()
		}
	}
}

// runSession connects and syncs every local document; with untilSynced it returns once all
// are in sync, else when the connection ends.
func (c *Client) runSession(ctx context.Context, untilSynced bool) error {
	s, err := c.dial(ctx, true)
	if err != nil {
		return err
	}
	c.mu.Lock()
	if c.closed {
		c.mu.Unlock()
		s.close(ErrClosed)
		return ErrClosed
	}
	c.live = s
	c.mu.Unlock()
	processed := make(chan struct{})
	go func() {
		defer close(processed)
		s.process()
	}()
	defer func() {
		c.mu.Lock()
		if c.live == s {
			c.live = nil
		}
		c.mu.Unlock()
		s.close(ErrOffline)
		<-processed
	}()
	c.emit(Event{Kind: EventConnected})
	c.log.Debug("connected to the relay")

	sums, err := c.store.ListDocs(ctx)
	if err != nil {
		return fmt.Errorf("list documents: %w", err)
	}
	ids := make([]e2ee.DocID, len(sums))
	for i, sum := range sums {
		ids[i] = sum.ID
		s.startDoc(sum.ID)
	}
	go c.uploadPendingQuietly(s.ctx)
	if untilSynced {
		return s.waitSynced(ctx, ids)
	}

	tick := time.NewTicker(2 * time.Second)
	defer tick.Stop()
	for {
		select {
		case <-tick.C:
			s.rescan()
			s.refreshPresence()
		case <-s.done:
			return s.err()
		case <-ctx.Done():
			return ctx.Err()
		}
	}
}

// startDoc syncs a document in this session, once.
func (s *session) startDoc(id e2ee.DocID) {
	s.mu.Lock()
	if _, ok := s.synced[id]; ok {
		s.mu.Unlock()
		return
	}
	s.synced[id] = false
	s.mu.Unlock()
	go func() {
		if err := s.syncDoc(id); err != nil && s.err() == nil {
			s.c.log.Warn("sync document", "doc", short(id), "err", err)
			s.setSynced(id, false, err)
		}
	}()
}

// rescan starts documents created meanwhile (also by another process on the same store)
// and pushes outbox entries another process committed.
func (s *session) rescan() {
	sums, err := s.c.store.ListDocs(s.ctx)
	if err != nil {
		return
	}
	for _, sum := range sums {
		s.startDoc(sum.ID)
		ds := s.c.state(sum.ID)
		ds.mu.Lock()
		if ds.loaded && ds.sync.s == s && ds.sync.caughtUp && sum.Pending > ds.pending() {
			if out, err := s.c.store.Outbox(s.ctx, sum.ID); err == nil && len(out) > 0 {
				ds.outbox = out
				ds.own = e2ee.ChainHead{Author: s.c.id.ID(), Seq: out[len(out)-1].Seq, Hash: out[len(out)-1].Hash, Epoch: out[len(out)-1].Epoch}
				s.c.pushNewLocked(ds)
			}
		}
		ds.mu.Unlock()
	}
}

// syncDoc brings one document up to date: pending operations go to the relay, the membership
// log comes from it, then the subscription delivers entries; the processor does the rest.
func (s *session) syncDoc(id e2ee.DocID) error {
	c := s.c
	ds, err := c.open(s.ctx, id)
	if err != nil {
		return err
	}
	ds.sync = syncState{s: s}
	erased := ds.erased
	ds.mu.Unlock()
	if erased {
		s.setSynced(id, true, nil)
		return nil
	}
	if err := c.pushPendingOps(s.ctx, s, ds); err != nil {
		return err
	}
	if err := c.refreshLog(s.ctx, s, ds); err != nil {
		return c.docRefused(ds, err)
	}
	return s.subscribe(ds)
}

// subscribe subscribes to ds from its cursor (from the start with fromStart).
func (s *session) subscribe(ds *docState) error {
	c := s.c
	ds.mu.Lock()
	after := ds.cursor
	if ds.sync.gapRetry {
		after = 0
	}
	ds.sync.subscribed, ds.sync.caughtUp = true, false
	ds.mu.Unlock()
	replies, err := s.request(s.ctx, func(id uint64) protocol.Frame {
		return protocol.Subscribe{ReqID: id, Doc: ds.id, After: after}
	})
	if err != nil {
		return c.docRefused(ds, fmt.Errorf("subscribe: %w", err))
	}
	sub, ok := replies[len(replies)-1].(protocol.Subscribed)
	if !ok {
		return fmt.Errorf("subscribe: got %s", replies[len(replies)-1].Type())
	}
	ds.mu.Lock()
	behind := sub.LogLen > uint64(ds.log.Len())
	ds.mu.Unlock()
	if behind {
		return c.refreshLog(s.ctx, s, ds)
	}
	return nil
}

// docRefused handles a refusal of a document's sync: removal and erasure end it quietly.
func (c *Client) docRefused(ds *docState, err error) error {
	var pe *protocol.Error
	if !errors.As(err, &pe) {
		return err
	}
	s := c.liveSession()
	switch pe.Code {
	case protocol.CodeNotMember:
		ds.mu.Lock()
		ds.keys = nil
		ds.mu.Unlock()
		c.emit(Event{Kind: EventRemoved, Doc: ds.id, Err: pe})
		if s != nil {
			s.setSynced(ds.id, true, nil)
		}
		return nil
	case protocol.CodeErased:
		c.markErased(ds)
		if s != nil {
			s.setSynced(ds.id, true, nil)
		}
		return nil
	}
	c.emit(Event{Kind: EventRefused, Doc: ds.id, Err: pe})
	return err
}

func (c *Client) liveSession() *session {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.live
}

func (c *Client) markErased(ds *docState) {
	ds.mu.Lock()
	was := ds.erased
	ds.erased = true
	ds.mu.Unlock()
	if !was {
		c.emit(Event{Kind: EventErased, Doc: ds.id})
	}
}

// pushPendingOps sends the document's unacknowledged operations (a genesis made offline).
func (c *Client) pushPendingOps(ctx context.Context, s *session, ds *docState) error {
	for {
		ds.mu.Lock()
		if len(ds.pendingOps) == 0 {
			ds.mu.Unlock()
			return nil
		}
		op := ds.pendingOps[0]
		genesis := ds.hasPendingGenesis()
		ds.mu.Unlock()
		target := ds.id
		if genesis {
			target = e2ee.DocID{}
		}
		_, err := s.pushOp(ctx, target, op)
		if err != nil {
			return fmt.Errorf("send a membership operation: %w", err)
		}
		ds.mu.Lock()
		err = c.store.AppendOps(ctx, ds.id, [][]byte{op}, 1)
		if err == nil {
			ds.pendingOps = ds.pendingOps[1:]
			if !genesis {
				err = c.appendOpsLocked(ctx, ds, [][]byte{op}, false)
			}
		}
		ds.mu.Unlock()
		if err != nil {
			return err
		}
	}
}

// refreshLog fetches the operations the local log lacks and applies them.
func (c *Client) refreshLog(ctx context.Context, s *session, ds *docState) error {
	ds.mu.Lock()
	after := uint64(ds.log.Len())
	ds.mu.Unlock()
	ops, err := s.fetchLog(ctx, ds.id, after)
	if err != nil {
		return err
	}
	ds.mu.Lock()
	defer ds.mu.Unlock()
	return c.appendOpsLocked(ctx, ds, ops, true)
}

// appendOpsLocked verifies operations against the log and stores the new ones (with store;
// without, the caller stored them). It updates the keys and reports membership changes.
// ds.mu must be held.
func (c *Client) appendOpsLocked(ctx context.Context, ds *docState, ops [][]byte, store bool) error {
	var fresh [][]byte
	for _, op := range ops {
		so, err := e2ee.DecodeSignedOp(op)
		if err != nil {
			c.security(ds, e2ee.IdentityID{}, fmt.Errorf("membership operation: %w", err))
			return err
		}
		if so.Op.Seq <= uint64(ds.log.Len()) {
			continue // known
		}
		if err := ds.log.Append(op); err != nil {
			c.security(ds, so.Op.Author, fmt.Errorf("membership operation %d: %w", so.Op.Seq, err))
			return err
		}
		if ds.log.Len() == 1 && ds.log.Membership().Doc() != ds.id {
			// A genesis of another document: its ID is the hash of its genesis.
			ds.log = &e2ee.Log{}
			err := fmt.Errorf("the membership log belongs to another document: %w", e2ee.ErrWrongDocument)
			c.security(ds, so.Op.Author, err)
			return err
		}
		fresh = append(fresh, op)
	}
	if len(fresh) == 0 {
		return nil
	}
	if store {
		if err := c.store.AppendOps(ctx, ds.id, fresh, 0); err != nil {
			return fmt.Errorf("store membership operations: %w", err)
		}
	}
	had := ds.keys != nil
	keys, err := keyring.OpenKeys(c.id, ds.membership())
	if err != nil {
		ds.keys = nil
		if had {
			c.emit(Event{Kind: EventRemoved, Doc: ds.id})
		}
	} else {
		ds.keys = keys
	}
	c.emit(Event{Kind: EventMembership, Doc: ds.id})
	// Envelopes sealed at an older epoch are refused by the relay: reseal them.
	for _, out := range ds.outbox {
		if out.Epoch != ds.membership().Epoch() && ds.sync.s != nil {
			ds.sync.reconcile = true
			break
		}
	}
	return nil
}

// process handles what the relay sends, in order, committing applied entries to the store
// whenever the relay pauses (or every few hundred entries).
func (s *session) process() {
	dirty := make(map[*docState]bool)
	flush := func() {
		for ds := range dirty {
			ds.mu.Lock()
			if err := s.c.flushLocked(s.ctx, ds); err != nil {
				s.c.log.Error("store remote changes", "doc", short(ds.id), "err", err)
				s.close(err)
			}
			ds.mu.Unlock()
		}
		clear(dirty)
	}
	n := 0
	for f := range s.frames {
		if ds := s.handle(f); ds != nil {
			dirty[ds] = true
		}
		n++
		if len(s.frames) == 0 || n%512 == 0 {
			flush()
		}
	}
	flush()
}

// existing returns the state of a document the client knows, or nil.
func (c *Client) existing(id e2ee.DocID) *docState {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.docs[id]
}

// handle processes one frame and returns the document it touched.
func (s *session) handle(f protocol.Frame) *docState {
	c := s.c
	var doc e2ee.DocID
	switch f := f.(type) {
	case protocol.Deliver:
		doc = f.Doc
	case protocol.SnapshotDeliver:
		doc = f.Doc
	case protocol.CaughtUp:
		doc = f.Doc
	case protocol.OpDeliver:
		doc = f.Doc
	case protocol.Ephemeral:
		doc = f.Doc
	case protocol.Ack:
		doc = f.Doc
	case protocol.Erased:
		doc = f.Doc
	case protocol.Error:
		return s.handleError(f)
	default:
		return nil
	}
	ds := c.existing(doc)
	if ds == nil {
		return nil
	}
	if _, ok := f.(protocol.Erased); ok {
		c.markErased(ds)
		s.setSynced(doc, true, nil)
		return nil
	}
	ds.mu.Lock()
	defer ds.mu.Unlock()
	if !ds.loaded || ds.sync.s != s {
		return nil
	}
	switch f := f.(type) {
	case protocol.Deliver:
		c.deliverLocked(ds, f.Offset, f.Envelope)
	case protocol.SnapshotDeliver:
		c.snapshotLocked(ds, f)
	case protocol.CaughtUp:
		ds.sync.maxOffset = max(ds.sync.maxOffset, f.Offset)
		c.caughtUpLocked(ds)
	case protocol.OpDeliver:
		switch {
		case f.Seq <= uint64(ds.log.Len()):
		case f.Seq == uint64(ds.log.Len())+1:
			if err := c.appendOpsLocked(s.ctx, ds, [][]byte{f.Op}, true); err != nil {
				c.log.Warn("membership operation from the relay", "doc", short(ds.id), "err", err)
			}
		default:
			go c.refreshLog(s.ctx, s, ds)
		}
		if ds.sync.reconcile {
			c.startReconcileLocked(ds)
		}
	case protocol.Ephemeral:
		c.presenceLocked(ds, f.Envelope)
		return nil
	case protocol.Ack:
		c.ackLocked(ds, f)
	}
	return ds
}

// handleError handles an Error frame that answers no waiting request: a refused push, or the
// end of a subscription.
func (s *session) handleError(e protocol.Error) *docState {
	c := s.c
	s.mu.Lock()
	ref, isPush := s.pushes[e.ReqID]
	delete(s.pushes, e.ReqID)
	s.mu.Unlock()
	doc := e.Doc
	if isPush {
		doc = ref.doc
	}
	ds := c.existing(doc)
	if ds == nil {
		c.emit(Event{Kind: EventRefused, Err: &e})
		return nil
	}
	if !isPush {
		go c.docRefused(ds, &e)
		return nil
	}
	ds.mu.Lock()
	defer ds.mu.Unlock()
	if ds.sync.s != s {
		return nil
	}
	ds.sync.inflight--
	if ref.covers > 0 {
		// A snapshot is never needed: another member's may cover as much already. Drop it
		// and seal what follows it again where the chain stands on the relay.
		ds.outbox = slices.DeleteFunc(ds.outbox, func(o OutboxEntry) bool { return o.Seq == ref.seq })
		c.log.Info("snapshot refused", "doc", short(ds.id), "code", e.Code)
		ds.sync.reconcile = true
		c.startReconcileLocked(ds)
		return nil
	}
	switch e.Code {
	case protocol.CodeWrongEpoch, protocol.CodeReplay, protocol.CodeSequenceGap, protocol.CodeRateLimited:
		// The outbox no longer continues the chain the relay holds, or must wait: subscribe
		// again, then reseal from where the chain stands.
		if e.Code == protocol.CodeRateLimited {
			ds.sync.retryAt = time.Now().Add(e.RetryAfter)
		}
		ds.sync.reconcile = true
		c.startReconcileLocked(ds)
	default:
		if ds.sync.blocked == nil {
			ds.sync.blocked = &e
			c.emit(Event{Kind: EventRefused, Doc: ds.id, Err: &e})
			s.setSynced(ds.id, false, &e)
		}
	}
	return nil
}

// security reports something from the relay that does not verify; it is never applied.
func (c *Client) security(ds *docState, author e2ee.IdentityID, err error) {
	c.log.Warn("refused an entry from the relay", "doc", short(ds.id), "err", err)
	c.emit(Event{Kind: EventSecurity, Doc: ds.id, Author: author, Err: err})
}

// deliverLocked verifies and applies one entry. ds.mu must be held.
func (c *Client) deliverLocked(ds *docState, off protocol.Offset, raw []byte) {
	catchingUp := !ds.sync.caughtUp
	replayOK := catchingUp || off <= ds.sync.maxOffset
	ds.sync.maxOffset = max(ds.sync.maxOffset, off)
	ds.batchCursor = max(ds.batchCursor, off, ds.cursor)
	ds.dirty = true
	env, err := e2ee.DecodeEnvelope(raw)
	if err != nil {
		c.security(ds, e2ee.IdentityID{}, fmt.Errorf("entry %d: %w", off, err))
		return
	}
	m := ds.membership()
	if env.Header.Epoch > m.Epoch() {
		// Written after a rotation this replica has not heard of yet.
		if s := ds.sync.s; s != nil {
			go func() {
				if err := c.refreshLog(s.ctx, s, ds); err == nil {
					ds.mu.Lock()
					c.deliverLocked(ds, off, raw)
					ds.mu.Unlock()
				}
			}()
		}
		return
	}
	v, err := e2ee.Verify(raw, m)
	if err != nil {
		c.security(ds, env.Header.Author, fmt.Errorf("entry %d: %w", off, err))
		return
	}
	c.acceptLocked(ds, v, off, replayOK)
}

// acceptLocked checks a verified envelope against its author's chain and applies it, then
// whatever it unblocks. ds.mu must be held.
func (c *Client) acceptLocked(ds *docState, v e2ee.VerifiedEnvelope, off protocol.Offset, replayOK bool) {
	h := v.Header()
	err := ds.chain.Check(v)
	switch {
	case err == nil:
	case errors.Is(err, e2ee.ErrGap):
		if ds.held == nil {
			ds.held = make(map[e2ee.Hash]heldEnvelope)
		}
		if len(ds.held) < maxHeld {
			ds.held[v.Hash()] = heldEnvelope{v: v, offset: off}
		}
		return
	case (errors.Is(err, e2ee.ErrReplay) || errors.Is(err, e2ee.ErrReorder)) && replayOK:
		// Delivered again after a new subscription; before the head the chain was resumed
		// from, the chain cannot tell a replay from a fork, but neither is applied.
		return
	default:
		c.security(ds, h.Author, fmt.Errorf("entry %d: %w", off, err))
		return
	}
	if err := ds.watch.Observe(v); err != nil {
		c.log.Debug("withholding view", "doc", short(ds.id), "err", err)
	}
	if h.Author != c.id.ID() {
		ds.sinceOwn++
		if h.Kind == e2ee.KindUpdate {
			c.applyLocked(ds, v, off)
		}
	}
	ds.batchApplied++
	// Envelopes of the same author waiting for this one.
	for hash, held := range ds.held {
		hh := held.v.Header()
		if hh.Author == h.Author && hh.Seq == h.Seq+1 {
			delete(ds.held, hash)
			c.acceptLocked(ds, held.v, held.offset, replayOK)
			break
		}
	}
}

// applyLocked opens an update and applies its change. ds.mu must be held.
func (c *Client) applyLocked(ds *docState, v e2ee.VerifiedEnvelope, off protocol.Offset) {
	h := v.Header()
	if ds.keys == nil {
		return
	}
	key, err := ds.keys.Key(h.Epoch)
	if err != nil {
		c.security(ds, h.Author, fmt.Errorf("entry %d: no key for epoch %d: %w", off, h.Epoch, err))
		return
	}
	change, err := keyring.Open(v, key)
	if err != nil {
		c.security(ds, h.Author, fmt.Errorf("entry %d: %w", off, err))
		return
	}
	// A replica in memory (someone reads or edits the document) takes the change now;
	// otherwise the store keeps it for when the replica is built.
	if ds.doc != nil {
		if err := ds.doc.LoadIncremental(change); err != nil {
			c.security(ds, h.Author, fmt.Errorf("entry %d: apply change: %w", off, err))
			return
		}
		ds.doc.SaveIncremental() // a remote change is not a local one
	}
	ds.batch = append(ds.batch, change)
	ds.batchAuthor = h.Author
}

// flushLocked commits applied remote entries and acknowledgements to the store. ds.mu must
// be held.
func (c *Client) flushLocked(ctx context.Context, ds *docState) error {
	if !ds.dirty {
		return nil
	}
	ctx = context.WithoutCancel(ctx)
	cursor := max(ds.batchCursor, ds.cursor)
	// Held entries are not applied, and a restarted client forgets them: keep the cursor
	// before the first of them, so that it is sent again and the gap found again.
	for _, held := range ds.held {
		cursor = min(cursor, held.offset-1)
	}
	b := RemoteBatch{
		Changes:    ds.batch,
		Cursor:     cursor,
		Heads:      ds.chain.Heads(),
		Applied:    ds.batchApplied,
		SnapshotAt: ds.batchSnap,
	}
	if err := c.store.CommitRemote(ctx, ds.id, b); err != nil {
		return fmt.Errorf("commit remote changes: %w", err)
	}
	remote := len(ds.batch) > 0
	author := ds.batchAuthor
	ds.cursor = b.Cursor
	ds.changes += len(ds.batch)
	if b.SnapshotAt > ds.snapshotAt {
		ds.snapshotAt, ds.sinceSnapshot = b.SnapshotAt, b.Applied
	} else {
		ds.sinceSnapshot += b.Applied
	}
	ds.batch, ds.batchApplied, ds.batchSnap, ds.dirty = nil, 0, 0, false
	if remote {
		c.emit(Event{Kind: EventRemoteChange, Doc: ds.id, Author: author})
	}
	if ds.sync.caughtUp {
		c.maybeCompactLocked(ctx, ds) // not during a catch-up, which would compact again and again
	}
	return nil
}

// caughtUpLocked runs when the relay has sent every stored entry: it closes gaps, reconciles
// the outbox with the chain the relay holds, and pushes. ds.mu must be held.
func (c *Client) caughtUpLocked(ds *docState) {
	s := ds.sync.s
	if err := c.flushLocked(s.ctx, ds); err != nil {
		s.close(err)
		return
	}
	ds.sync.caughtUp = true
	ds.sync.resubbing = false
	missing := ds.watch.Missing()
	if len(ds.held) > 0 || len(missing) > 0 {
		if !ds.sync.gapRetry {
			// Perhaps entries covered by a snapshot this replica never saw: start over
			// from the newest snapshot once.
			ds.sync.gapRetry = true
			c.resubscribeLocked(ds)
			return
		}
		err := fmt.Errorf("%d entries wait for earlier ones that never came: %w", len(ds.held), e2ee.ErrGap)
		if len(missing) > 0 {
			err = fmt.Errorf("the relay withholds entries (%v): %w", missing[0], e2ee.ErrGap)
		}
		c.security(ds, e2ee.IdentityID{}, err)
	}
	ds.sync.gapRetry = false
	if err := c.reconcileLocked(ds); err != nil {
		c.log.Error("reconcile outbox", "doc", short(ds.id), "err", err)
		s.setSynced(ds.id, false, err)
		return
	}
	ds.sync.reconcile = false
	c.pushNewLocked(ds)
	c.sendPresenceLocked(ds)
	c.checkSyncedLocked(ds)
}

// checkSyncedLocked reports a document in sync once caught up with nothing left to push.
func (c *Client) checkSyncedLocked(ds *docState) {
	s := ds.sync.s
	if s == nil || !ds.sync.caughtUp || ds.sync.reconcile || ds.sync.inflight > 0 || ds.pending() > 0 {
		return
	}
	c.maybeCompactLocked(s.ctx, ds)
	c.maybeSnapshotLocked(ds)
	c.maybeReceiptLocked(ds)
	if ds.sync.inflight > 0 {
		return
	}
	s.setSynced(ds.id, true, nil)
	c.emit(Event{Kind: EventSynced, Doc: ds.id})
}

// resubscribeLocked subscribes again: from the cursor, or from the start for a gap. ds.mu
// must be held.
func (c *Client) resubscribeLocked(ds *docState) {
	s := ds.sync.s
	if ds.sync.resubbing {
		return
	}
	ds.sync.resubbing = true
	ds.sync.caughtUp = false
	delay := time.Until(ds.sync.retryAt)
	go func() {
		if delay > 0 {
			t := time.NewTimer(delay)
			select {
			case <-t.C:
			case <-s.ctx.Done():
				t.Stop()
				return
			}
		}
		if err := s.send(s.ctx, protocol.Unsubscribe{ReqID: s.nextReq.Add(1), Doc: ds.id}); err != nil {
			return
		}
		if err := s.subscribe(ds); err != nil {
			c.log.Warn("subscribe again", "doc", short(ds.id), "err", err)
		}
	}()
}

// startReconcileLocked subscribes again once no push is in flight. ds.mu must be held.
func (c *Client) startReconcileLocked(ds *docState) {
	if ds.sync.reconcile && ds.sync.inflight == 0 && ds.sync.caughtUp {
		c.resubscribeLocked(ds)
	}
}

// reconcileLocked makes the outbox continue this identity's chain as the relay holds it:
// entries the relay has are acknowledged; the rest are sealed again after the relay's last
// one, at the current epoch, when they do not follow it already. ds.mu must be held.
func (c *Client) reconcileLocked(ds *docState) error {
	ctx := ds.sync.s.ctx
	me := c.id.ID()
	lastSeq, lastHash := ds.chain.Last(me)
	if len(ds.outbox) > 0 && ds.outbox[0].Seq <= lastSeq {
		if err := c.store.Acked(ctx, ds.id, lastSeq); err != nil {
			return err
		}
		ds.outbox = slices.DeleteFunc(ds.outbox, func(o OutboxEntry) bool { return o.Seq <= lastSeq })
	}
	ds.sync.pushedSeq = lastSeq
	if len(ds.outbox) == 0 {
		if ds.own.Seq != lastSeq {
			// Behind: another device of this identity wrote. Ahead: a refused snapshot was
			// dropped. Either way this device continues the chain the relay holds.
			own := e2ee.ChainHead{Author: me, Seq: lastSeq, Hash: lastHash}
			if ds.own.Seq > lastSeq {
				if err := c.store.ReplaceOutbox(ctx, ds.id, nil, own); err != nil {
					return fmt.Errorf("drop a refused snapshot: %w", err)
				}
			}
			ds.own = own
		}
		return nil
	}
	epoch := ds.membership().Epoch()
	follows := true
	prev := e2ee.ChainHead{Author: me, Seq: lastSeq, Hash: lastHash}
	for _, out := range ds.outbox {
		env, err := e2ee.DecodeEnvelope(out.Envelope)
		if err != nil || out.Epoch != epoch || out.Seq != prev.Seq+1 || env.Header.Prev != prev.Hash {
			follows = false
			break
		}
		prev = e2ee.ChainHead{Author: me, Seq: out.Seq, Hash: out.Hash, Epoch: out.Epoch}
	}
	if follows {
		return nil
	}
	if ds.keys == nil {
		return fmt.Errorf("%d local changes cannot be sent: %w", len(ds.outbox), ErrNotMember)
	}
	var fresh []OutboxEntry
	prev = e2ee.ChainHead{Author: me, Seq: lastSeq, Hash: lastHash}
	for _, out := range ds.outbox {
		if out.Change == nil {
			continue // snapshots and receipts are made again when needed
		}
		sealed, err := c.sealLocked(ds, e2ee.KindUpdate, out.Change, prev)
		if err != nil {
			return err
		}
		fresh = append(fresh, sealed)
		prev = e2ee.ChainHead{Author: me, Seq: sealed.Seq, Hash: sealed.Hash, Epoch: sealed.Epoch}
	}
	if err := c.store.ReplaceOutbox(ctx, ds.id, fresh, prev); err != nil {
		return fmt.Errorf("reseal the outbox: %w", err)
	}
	c.log.Info("resealed local changes", "doc", short(ds.id), "count", len(fresh), "epoch", epoch)
	ds.outbox, ds.own = fresh, prev
	return nil
}

// pushNewLocked sends the outbox entries not yet sent in this session, when the document is
// caught up. ds.mu must be held.
func (c *Client) pushNewLocked(ds *docState) {
	s := ds.sync.s
	if s == nil || s.err() != nil || !ds.sync.caughtUp || ds.sync.reconcile || ds.sync.blocked != nil {
		return
	}
	for _, out := range ds.outbox {
		if out.Seq <= ds.sync.pushedSeq {
			continue
		}
		if ds.sync.inflight >= pushWindow {
			return // more when acknowledgements come back
		}
		id := s.nextReq.Add(1)
		s.mu.Lock()
		s.pushes[id] = pushRef{doc: ds.id, seq: out.Seq, covers: out.Covers}
		s.mu.Unlock()
		var f protocol.Frame = protocol.Push{ReqID: id, Doc: ds.id, Envelope: out.Envelope}
		if out.Covers > 0 {
			f = protocol.SnapshotPut{ReqID: id, Doc: ds.id, Covers: out.Covers, Envelope: out.Envelope}
		}
		if err := s.send(s.ctx, f); err != nil {
			s.mu.Lock()
			delete(s.pushes, id)
			s.mu.Unlock()
			return
		}
		ds.sync.inflight++
		ds.sync.pushedSeq = out.Seq
	}
}

// ackLocked handles the acknowledgement of a push. ds.mu must be held.
func (c *Client) ackLocked(ds *docState, a protocol.Ack) {
	s := ds.sync.s
	s.mu.Lock()
	ref, ok := s.pushes[a.ReqID]
	delete(s.pushes, a.ReqID)
	s.mu.Unlock()
	if !ok {
		return
	}
	ds.sync.inflight--
	ctx := context.WithoutCancel(s.ctx)
	if err := c.store.Acked(ctx, ds.id, ref.seq); err != nil {
		c.log.Error("store acknowledgement", "doc", short(ds.id), "err", err)
		return
	}
	if ref.covers > 0 {
		if err := c.store.SnapshotTaken(ctx, ds.id, ref.covers); err == nil && ref.covers > ds.snapshotAt {
			ds.snapshotAt, ds.sinceSnapshot = ref.covers, 0
		}
	}
	before := len(ds.outbox)
	ds.outbox = slices.DeleteFunc(ds.outbox, func(o OutboxEntry) bool { return o.Seq <= ref.seq })
	if len(ds.outbox) != before {
		c.emit(Event{Kind: EventOutbox, Doc: ds.id, Pending: ds.pending()})
	}
	if ds.sync.reconcile {
		c.startReconcileLocked(ds)
		return
	}
	c.pushNewLocked(ds)
	c.checkSyncedLocked(ds)
}

// short is a document ID's prefix for logs and messages.
func short(id e2ee.DocID) string { return id.String()[:8] }

// maybeReceiptLocked sends a receipt when this member has applied many entries of others
// without writing: its view then reaches the others, who can tell whether the relay keeps
// entries from anyone. ds.mu must be held.
func (c *Client) maybeReceiptLocked(ds *docState) {
	if ds.sinceOwn < receiptAfter || ds.keys == nil || ds.erased {
		return
	}
	m := ds.membership()
	if _, err := m.Member(m.Epoch(), c.id.ID()); err != nil {
		return
	}
	out, err := c.sealLocked(ds, e2ee.KindReceipt, nil, ds.own)
	if err != nil {
		c.log.Warn("seal receipt", "doc", short(ds.id), "err", err)
		return
	}
	if err := c.store.CommitLocal(context.WithoutCancel(ds.sync.s.ctx), ds.id, nil, out); err != nil {
		c.log.Warn("store receipt", "doc", short(ds.id), "err", err)
		return
	}
	ds.own = e2ee.ChainHead{Author: c.id.ID(), Seq: out.Seq, Hash: out.Hash, Epoch: out.Epoch}
	ds.outbox = append(ds.outbox, out)
	ds.sinceOwn = 0
	c.pushNewLocked(ds)
}
