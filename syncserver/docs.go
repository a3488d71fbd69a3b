package syncserver

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"sync/atomic"

	"github.com/mobio-sync/mobio/e2ee"
	"github.com/mobio-sync/mobio/protocol"
	"golang.org/x/time/rate"
)

// docState is what the relay keeps in memory about one document: its verified membership log
// (built from the store on first use, then kept up to date as operations are appended), where
// each author's chain ends, the bytes the document occupies, and the ordering of live events.
// A state nobody holds may be evicted (see resident.go); the next use loads it again.
//
// Membership operations are verified and stored under mu, so that concurrent operations get
// one order. Entries are stored outside mu, so that pushes of many connections share the
// store's group commits; mu is taken before (to check the epoch and the author's chain) and
// after (to publish), and events are published in offset order: an entry that committed
// before an earlier offset waits in ready until that offset is published.
type docState struct {
	id e2ee.DocID

	// current is the membership after the last operation, for checks that need no lock
	// (envelope verification, subscriptions). Set under mu, before the operation is published.
	current atomic.Pointer[e2ee.Membership]
	// erased is set under mu once the document is erased.
	erased atomic.Bool
	// subscribers counts this relay's subscriptions to the document, for the documents gauge.
	subscribers atomic.Int32
	// refs counts the holders of this state (requests in progress, pending writes,
	// subscriptions): only a state nobody holds may be evicted. It goes up only under
	// Server.docsMu, so that an eviction, which holds docsMu, sees every holder.
	refs atomic.Int32
	// lastUsed is when the last holder let go, in Unix nanoseconds of the server's clock.
	lastUsed atomic.Int64

	mu       sync.Mutex // guards the fields below; see LOCKS.md
	idle     sync.Cond  // on mu: signalled when inflight drops to zero
	loaded   bool
	erasing  bool // an erasure waits for the appends in flight; new writes are refused
	log      e2ee.Log
	heads    map[e2ee.IdentityID]AuthorHead // where each author's stored chain ends
	usage    int64                          // bytes stored, as Store.Usage counts them
	nextPub  uint64                         // the offset of the next entry to publish
	ready    map[uint64][]byte              // entries stored but not yet published, by offset
	inflight int                            // appends between their check and their commit
	pkgRate  *rate.Limiter                  // package creations and withdrawals; made on first use
}

// errUnknownDocument and errErasedDocument refuse requests for documents the relay cannot
// serve.
var (
	errUnknownDocument = &protocol.Error{Code: protocol.CodeNoSuchDocument, Message: "no such document"}
	errErasedDocument  = &protocol.Error{Code: protocol.CodeErased, Message: "the document was erased"}
)

// document returns the state of doc, loading it from the store on first use, pinned in memory
// until the caller calls [Server.release]. It returns errUnknownDocument for a document the
// store does not have, and for an erased one the state with erased set.
func (s *Server) document(ctx context.Context, doc e2ee.DocID) (*docState, error) {
	ds := s.acquire(doc)
	ds.mu.Lock()
	if ds.loaded {
		ds.mu.Unlock()
		return ds, nil
	}
	err := s.loadLocked(ctx, ds)
	ds.mu.Unlock()
	if err == nil {
		return ds, nil
	}
	s.release(ds)
	if errors.Is(err, ErrNotFound) {
		// Forget it, so that requests for made-up IDs do not fill the map.
		s.forgetUnused(ds)
		return nil, errUnknownDocument
	}
	return nil, err
}

// loadLocked reads ds's membership log, author heads, usage and head from the store. ds.mu
// must be held; it waits for appends in flight, whose results the store then holds.
func (s *Server) loadLocked(ctx context.Context, ds *docState) error {
	for ds.inflight > 0 {
		ds.idle.Wait()
	}
	ops, err := s.store.Ops(ctx, ds.id, 0, 0)
	if errors.Is(err, ErrErased) {
		ds.erased.Store(true)
		ds.loaded = true
		return nil
	}
	if err != nil {
		return fmt.Errorf("load document %s: %w", shortDoc(ds.id), err)
	}
	var log e2ee.Log
	for i, op := range ops {
		if err := log.Append(op); err != nil {
			// The relay verified every stored operation; a log that does not verify now
			// was changed behind its back.
			return fmt.Errorf("load document %s: stored operation %d: %w", shortDoc(ds.id), i+1, err)
		}
	}
	if log.Membership() == nil {
		return fmt.Errorf("load document %s: empty membership log", shortDoc(ds.id))
	}
	heads, err := s.store.AuthorHeads(ctx, ds.id)
	if err != nil {
		return fmt.Errorf("load document %s: %w", shortDoc(ds.id), err)
	}
	usage, err := s.store.Usage(ctx, ds.id)
	if err != nil {
		return fmt.Errorf("load document %s: %w", shortDoc(ds.id), err)
	}
	head, err := s.store.Head(ctx, ds.id)
	if err != nil {
		return fmt.Errorf("load document %s: %w", shortDoc(ds.id), err)
	}
	if heads == nil {
		heads = make(map[e2ee.IdentityID]AuthorHead)
	}
	ds.log, ds.heads, ds.usage = log, heads, usage
	ds.nextPub, ds.ready = head+1, make(map[uint64][]byte)
	ds.current.Store(log.Membership())
	ds.loaded = true
	return nil
}

// readable returns ds's membership for a request of identity id, which must be a member at
// the current epoch.
func readable(ds *docState, id e2ee.IdentityID) (*e2ee.Membership, error) {
	if ds.erased.Load() {
		return nil, errErasedDocument
	}
	m := ds.current.Load()
	if _, err := m.Member(m.Epoch(), id); err != nil {
		return nil, fmt.Errorf("member check: %w", err)
	}
	return m, nil
}

// appendResult is where one envelope of appendEntries went, or why it was refused.
type appendResult struct {
	Appended
	err error
}

// appendEntries stores envs, verified against ds's membership at the current epoch, as
// entries of ds in order (env as ds's snapshot covering covers, when covers > 0 and envs is
// one snapshot envelope), and publishes them once every earlier offset is published. It
// returns one result per envelope. The store takes all envelopes that pass the relay's checks
// in one call, so that they share a commit; if it refuses that call, each is stored on its
// own, so that each gets its own answer. ctx's cancellation does not stop a write once it
// started: the write completes, so that the relay's view of offsets stays the store's.
func (s *Server) appendEntries(ctx context.Context, ds *docState, envs []e2ee.VerifiedEnvelope, covers uint64) []appendResult {
	results := make([]appendResult, len(envs))

	// Step 1. Check the epoch, each author's chain as far as it is stored (and as the
	// envelopes before in envs continue it), and the document's size, and count the call as
	// in flight.
	ds.mu.Lock()
	if ds.erased.Load() || ds.erasing {
		ds.mu.Unlock()
		for i := range results {
			results[i].err = errErasedDocument
		}
		return results
	}
	epoch := ds.log.Membership().Epoch()
	heads := make(map[e2ee.IdentityID]AuthorHead) // heads as the envelopes before continue them
	usage := ds.usage
	var take []int // indexes of envs that pass
	for i, v := range envs {
		h := v.Header()
		size := int64(len(v.Bytes()))
		last, ok := heads[h.Author]
		if !ok {
			last = ds.heads[h.Author]
		}
		switch {
		case h.Epoch != epoch:
			results[i].err = &protocol.Error{Code: protocol.CodeWrongEpoch, Message: fmt.Sprintf("envelope for epoch %d, the current epoch is %d", h.Epoch, epoch)}
		case h.Seq > last.Seq+1:
			results[i].err = fmt.Errorf("envelope %d after %d: %w", h.Seq, last.Seq, ErrSequenceGap)
		case h.Seq == last.Seq+1 && h.Prev != last.Hash:
			results[i].err = fmt.Errorf("envelope %d does not follow %d: %w", h.Seq, last.Seq, ErrConflict)
		case h.Seq > last.Seq && usage+size > s.limits.MaxDocBytes:
			results[i].err = &protocol.Error{Code: protocol.CodeDocumentTooLarge, Message: fmt.Sprintf("the document would exceed %d bytes", s.limits.MaxDocBytes)}
		default:
			if h.Seq > last.Seq {
				heads[h.Author] = AuthorHead{Seq: h.Seq, Hash: v.Hash()}
				usage += size
			}
			take = append(take, i)
		}
	}
	if len(take) == 0 {
		ds.mu.Unlock()
		return results
	}
	ds.inflight++
	ds.mu.Unlock()

	// Step 2. Store, concurrently with other connections' appends.
	wctx := context.WithoutCancel(ctx)
	store := func(idx []int) error {
		if covers > 0 {
			a, err := s.store.PutSnapshot(wctx, ds.id, covers, envs[idx[0]])
			if err == nil {
				results[idx[0]].Appended = a
			}
			return err
		}
		batch := envs
		if len(idx) < len(envs) {
			batch = make([]e2ee.VerifiedEnvelope, len(idx))
			for j, i := range idx {
				batch[j] = envs[i]
			}
		}
		as, err := s.store.AppendVerified(wctx, ds.id, batch)
		if err == nil && len(as) != len(idx) {
			err = fmt.Errorf("append to %s: the store answered %d results for %d envelopes", shortDoc(ds.id), len(as), len(idx))
		}
		if err != nil {
			return err
		}
		for j, i := range idx {
			results[i].Appended = as[j]
		}
		return nil
	}
	if err := store(take); err != nil {
		if len(take) == 1 {
			results[take[0]].err = err
		} else {
			for _, i := range take {
				results[i].err = store([]int{i})
			}
		}
	}

	// Step 3. Record the new chain heads and publish in offset order.
	ds.mu.Lock()
	defer ds.mu.Unlock()
	ds.inflight--
	for _, i := range take {
		r, v := results[i], envs[i]
		if r.err != nil || r.Duplicate {
			continue
		}
		h := v.Header()
		if h.Seq > ds.heads[h.Author].Seq {
			ds.heads[h.Author] = AuthorHead{Seq: h.Seq, Hash: v.Hash()}
		}
		ds.usage += int64(len(v.Bytes()))
		if r.Offset >= ds.nextPub {
			ds.ready[r.Offset] = v.Bytes()
		}
	}
	s.publishReadyLocked(wctx, ds)
	if ds.inflight == 0 {
		ds.idle.Broadcast()
	}
	return results
}

// publishReadyLocked publishes the stored entries of ds from nextPub on, in offset order. When
// no append is in flight but an offset is missing (stored by someone else, or by a write whose
// outcome the relay did not learn), it reads the missing entries from the store. ds.mu must be
// held.
func (s *Server) publishReadyLocked(ctx context.Context, ds *docState) {
	for {
		for env, ok := ds.ready[ds.nextPub]; ok; env, ok = ds.ready[ds.nextPub] {
			delete(ds.ready, ds.nextPub)
			s.broker.Publish(Event{Kind: EventEntry, Doc: ds.id, Offset: ds.nextPub, Data: env})
			ds.nextPub++
		}
		if len(ds.ready) == 0 || ds.inflight > 0 {
			return
		}
		upTo := ds.nextPub
		for off := range ds.ready {
			upTo = max(upTo, off)
		}
		missing, err := s.store.ReadRange(ctx, ds.id, ds.nextPub-1, int(upTo-ds.nextPub+1))
		if err != nil || len(missing) == 0 || missing[0].Offset != ds.nextPub {
			s.log.Error("entries missing from the live stream", keyDoc, shortDoc(ds.id), keyErr, err)
			clear(ds.ready)
			return
		}
		for _, e := range missing {
			if e.Offset >= ds.nextPub {
				ds.ready[e.Offset] = e.Envelope
			}
		}
	}
}

// appendOp verifies a signed membership operation against ds's log and stores it. An
// operation the log holds already is answered with its sequence number again.
func (s *Server) appendOp(ctx context.Context, ds *docState, op []byte) (uint64, error) {
	so, err := e2ee.DecodeSignedOp(op)
	if err != nil {
		return 0, fmt.Errorf("decode operation: %w", err)
	}
	ds.mu.Lock()
	defer ds.mu.Unlock()
	if ds.erased.Load() || ds.erasing {
		return 0, errErasedDocument
	}
	saved := ds.log // Log's membership is immutable once handed out, so a copy restores it
	if err := ds.log.Append(op); err != nil {
		if errors.Is(err, e2ee.ErrReplay) {
			return so.Op.Seq, nil
		}
		return 0, fmt.Errorf("verify operation: %w", err)
	}
	if err := s.store.AppendOp(context.WithoutCancel(ctx), ds.id, so.Op.Seq, op); err != nil {
		ds.log = saved
		if errors.Is(err, ErrStaleHead) || errors.Is(err, ErrSequenceGap) {
			// The store's log is not the one in memory: read it again on next use.
			ds.loaded = false
		}
		return 0, err
	}
	ds.current.Store(ds.log.Membership())
	s.broker.Publish(Event{Kind: EventOp, Doc: ds.id, Offset: so.Op.Seq, Data: op})
	return so.Op.Seq, nil
}

// logAfter returns the operations of ds's log after sequence number after.
func logAfter(ds *docState, after uint64) [][]byte {
	ds.mu.Lock()
	defer ds.mu.Unlock()
	ops := ds.log.Ops()
	if after >= uint64(len(ops)) {
		return nil
	}
	return ops[after:]
}

// erase verifies the owner's erasure e against ds's membership, waits for the appends in
// flight, erases the document in the store with the erasure as its tombstone, and tells the
// subscribers.
func (s *Server) erase(ctx context.Context, ds *docState, e protocol.Erase, by e2ee.IdentityID) error {
	ds.mu.Lock()
	defer ds.mu.Unlock()
	if ds.erased.Load() || ds.erasing {
		return errErasedDocument
	}
	if err := protocol.VerifyErase(e, ds.log.Membership(), by); err != nil {
		return err
	}
	tombstone, err := protocol.Encode(protocol.Erase{Doc: e.Doc, Head: e.Head, Signature: e.Signature})
	if err != nil {
		return fmt.Errorf("encode tombstone: %w", err)
	}
	ds.erasing = true
	for ds.inflight > 0 {
		ds.idle.Wait()
	}
	if err := s.store.Erase(context.WithoutCancel(ctx), ds.id, tombstone); err != nil {
		ds.erasing = false
		return err
	}
	ds.erasing = false
	ds.erased.Store(true)
	ds.log, ds.heads, ds.ready = e2ee.Log{}, nil, nil
	s.broker.Publish(Event{Kind: EventErased, Doc: ds.id})
	return nil
}

// refreshUsage reads the bytes ds occupies from the store, after a blob upload.
func (s *Server) refreshUsage(ctx context.Context, ds *docState) {
	ds.mu.Lock()
	defer ds.mu.Unlock()
	if u, err := s.store.Usage(ctx, ds.id); err == nil {
		ds.usage = u
	}
}

// docUsage returns the bytes ds occupies as the relay counts them.
func docUsage(ds *docState) int64 {
	ds.mu.Lock()
	defer ds.mu.Unlock()
	return ds.usage
}
