package syncserver

import (
	"cmp"
	"slices"
	"time"

	"github.com/mobio-sync/mobio/e2ee"
)

// Resident documents. The relay keeps a [docState] for each document in use: its verified
// membership log, author heads, usage and publication order. Everything in it can be read
// again from the store, so a document that nobody holds (no subscription, no pending write,
// no request in progress) is evicted once it has been unused for [Config.DocIdleTimeout], and
// the least recently used ones go early when more than [Config.MaxResidentDocs] are in
// memory. The next request loads the document again as on its first use.
//
// Holding is counted in docState.refs: [Server.acquire] (called by [Server.document])
// increments it under docsMu, and [Server.release] decrements it. An eviction holds docsMu
// and removes only states whose count is zero, so no goroutine can hold an evicted state, and
// two states for one document never exist at once.

// acquire returns doc's state, creating an unloaded one, and holds it until release.
func (s *Server) acquire(doc e2ee.DocID) *docState {
	s.docsMu.Lock()
	defer s.docsMu.Unlock()
	ds := s.docs[doc]
	if ds == nil {
		ds = &docState{id: doc}
		ds.idle.L = &ds.mu
		s.docs[doc] = ds
		if len(s.docs) > s.nextEvictAt {
			s.evictOverflowLocked()
		}
		s.metrics.residentDocs.Set(float64(len(s.docs)))
	}
	ds.refs.Add(1)
	return ds
}

// release lets go of ds, acquired before. The caller must not use ds afterwards.
func (s *Server) release(ds *docState) {
	// lastUsed first: an eviction that sees no holder sees the time the last one let go.
	ds.lastUsed.Store(s.now().UnixNano())
	ds.refs.Add(-1)
}

// forgetUnused removes ds from memory at once if nobody holds it.
func (s *Server) forgetUnused(ds *docState) {
	s.docsMu.Lock()
	defer s.docsMu.Unlock()
	if s.docs[ds.id] == ds && ds.refs.Load() == 0 {
		delete(s.docs, ds.id)
		s.metrics.residentDocs.Set(float64(len(s.docs)))
	}
}

// evictIdle evicts the documents nobody has held for the idle timeout, then, while more than
// the maximum remain, the least recently used of those nobody holds. It returns how many it
// evicted.
func (s *Server) evictIdle() int {
	s.docsMu.Lock()
	defer s.docsMu.Unlock()
	cutoff := s.now().Add(-s.docIdle).UnixNano()
	n := 0
	for id, ds := range s.docs {
		if ds.refs.Load() == 0 && ds.lastUsed.Load() <= cutoff {
			delete(s.docs, id)
			n++
		}
	}
	s.metrics.evictedDocs.Add(float64(n))
	if len(s.docs) > s.maxResident {
		n += s.evictOverflowLocked()
	}
	s.metrics.residentDocs.Set(float64(len(s.docs)))
	return n
}

// evictOverflowLocked evicts the least recently used documents that nobody holds, down to 90%
// of the maximum, so that the documents loaded next do not each pay for a scan. When too few
// can go, the next scan waits until a tenth of the maximum more is loaded. s.docsMu must be
// held.
func (s *Server) evictOverflowLocked() int {
	type candidate struct {
		id       e2ee.DocID
		lastUsed int64
	}
	var idle []candidate
	for id, ds := range s.docs {
		if ds.refs.Load() == 0 {
			idle = append(idle, candidate{id, ds.lastUsed.Load()})
		}
	}
	slices.SortFunc(idle, func(a, b candidate) int { return cmp.Compare(a.lastUsed, b.lastUsed) })
	excess := len(s.docs) - s.maxResident*9/10
	n := 0
	for _, c := range idle[:min(max(excess, 0), len(idle))] {
		delete(s.docs, c.id)
		n++
	}
	s.nextEvictAt = max(s.maxResident, len(s.docs)+s.maxResident/10)
	if n > 0 {
		s.metrics.evictedDocs.Add(float64(n))
	}
	return n
}

// sweepInterval is how often idle documents are looked for: a quarter of the idle timeout,
// between a second and a minute.
func (s *Server) sweepInterval() time.Duration {
	return min(max(s.docIdle/4, time.Second), time.Minute)
}
