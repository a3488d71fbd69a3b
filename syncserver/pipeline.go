package syncserver

import (
	"sync"
	"time"

	"github.com/mobio-sync/mobio/e2ee"
	"github.com/mobio-sync/mobio/protocol"
)

// Pipelined writes. A client may send many pushes without waiting for their
// acknowledgements. The connection's reader verifies each push as it arrives and hands it to
// the connection's committer, which stores the pushes in arrival order, those of one document
// that wait together in one call of the store (so that a connection's queue shares one
// commit), and answers each in order. Any other request waits until the committer has
// answered every push before it, so a connection's requests still take effect in its order.
const (
	// maxPipeline bounds the writes of one connection between verification and answer; the
	// reader waits while it is full.
	maxPipeline = 256
	// maxBatch bounds the envelopes stored in one call of the store.
	maxBatch = 128
)

// pendingWrite is a verified push or snapshot waiting for the committer, or the refusal of a
// write, answered in order with the writes around it.
type pendingWrite struct {
	reqID    uint64
	doc      e2ee.DocID
	ds       *docState // held until the write is answered; nil for a refusal
	v        e2ee.VerifiedEnvelope
	covers   protocol.Offset // a snapshot's; 0 for a push
	err      error
	received time.Time
}

// pipeline is a connection's queue of pending writes; a committer goroutine runs while it
// holds writes.
type pipeline struct {
	mu      sync.Mutex // guards the fields below
	cond    sync.Cond  // on mu: signalled when items shrink and when the committer stops
	items   []pendingWrite
	running bool
}

// enqueueWrite hands w to the committer, waiting while the pipeline is full.
func (c *conn) enqueueWrite(w pendingWrite) {
	p := &c.pipe
	p.mu.Lock()
	defer p.mu.Unlock()
	for len(p.items) >= maxPipeline {
		p.cond.Wait()
	}
	p.items = append(p.items, w)
	if !p.running {
		p.running = true
		c.workers.Add(1)
		go c.commitLoop()
	}
}

// drainWrites waits until every pending write is answered.
func (c *conn) drainWrites() {
	p := &c.pipe
	p.mu.Lock()
	defer p.mu.Unlock()
	for p.running {
		p.cond.Wait()
	}
}

// commitLoop stores and answers pending writes until none is left.
func (c *conn) commitLoop() {
	defer c.workers.Done()
	p := &c.pipe
	for {
		p.mu.Lock()
		if len(p.items) == 0 {
			p.running = false
			p.items = nil
			p.cond.Broadcast()
			p.mu.Unlock()
			return
		}
		// A batch: pushes to one document, in order; a refusal or a snapshot goes alone.
		n := 1
		first := p.items[0]
		if first.err == nil && first.covers == 0 {
			for n < len(p.items) && n < maxBatch {
				w := p.items[n]
				if w.err != nil || w.covers != 0 || w.ds != first.ds {
					break
				}
				n++
			}
		}
		// The batch keeps the front of items' array; writes queued meanwhile go after it.
		batch := p.items[:n:n]
		p.items = p.items[n:]
		p.cond.Broadcast()
		p.mu.Unlock()
		c.commit(batch)
		clear(batch)
	}
}

// commit stores a batch and answers each of its writes.
func (c *conn) commit(batch []pendingWrite) {
	defer func() {
		for _, w := range batch {
			if w.ds != nil {
				c.srv.release(w.ds)
			}
		}
	}()
	ctx := c.srv.ctx
	first := batch[0]
	if first.err != nil {
		c.refuse(first.reqID, first.doc, first.err)
		return
	}
	envs := make([]e2ee.VerifiedEnvelope, len(batch))
	for i, w := range batch {
		envs[i] = w.v
	}
	results := c.srv.appendEntries(ctx, first.ds, envs, uint64(first.covers))
	for i, w := range batch {
		r := results[i]
		if r.err != nil {
			c.refuse(w.reqID, w.doc, r.err)
			continue
		}
		offset := protocol.Offset(r.Offset)
		if w.covers != 0 {
			offset = w.covers
		}
		if err := c.ack(ctx, protocol.Ack{ReqID: w.reqID, Doc: w.doc, Offset: offset, Hash: w.v.Hash(), Duplicate: r.Duplicate}, w.received); err != nil {
			return // the connection closed; the writes are stored all the same
		}
	}
}
