package syncserver

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/mobio-sync/mobio/e2ee"
)

// Compaction. Once a document's newest snapshot is older than [Limits.SnapshotRetention], the
// entries it covers are dropped from the store (their envelopes; offsets and chains stay): a
// replica that far behind gets the snapshot and the entries after it instead. [Server.Run]
// compacts every [Config.CompactInterval]; [Server.Compact] runs one pass on demand.

// ErrNoCompaction is returned by [Server.Compact] when the Store is not a [Compactor].
var ErrNoCompaction = errors.New("syncserver: the store cannot compact")

// CompactResult counts what one compaction pass did.
type CompactResult struct {
	Documents int // documents that lost entries
	Entries   int // entries whose envelope was dropped
}

// Compact compacts, once, every document whose newest snapshot is older than
// [Limits.SnapshotRetention], by the server's clock. A document's failure is logged and the
// others are compacted all the same; the error returned joins the failures. Passes do not
// overlap: a second call waits for the first.
func (s *Server) Compact(ctx context.Context) (CompactResult, error) {
	c, ok := s.store.(Compactor)
	if !ok {
		return CompactResult{}, ErrNoCompaction
	}
	s.compactMu.Lock()
	defer s.compactMu.Unlock()
	start := time.Now()
	cutoff := s.now().Add(-s.limits.SnapshotRetention)
	docs, err := c.Compactable(ctx, cutoff)
	if err != nil {
		return CompactResult{}, fmt.Errorf("compact: %w", err)
	}
	var res CompactResult
	var errs []error
	for _, doc := range docs {
		n, err := s.compactDoc(ctx, c, doc, cutoff)
		if err != nil {
			if ctx.Err() != nil {
				errs = append(errs, err)
				break
			}
			s.log.Error("compaction of a document failed", keyDoc, shortDoc(doc), keyErr, err)
			errs = append(errs, err)
			continue
		}
		if n > 0 {
			res.Documents++
			res.Entries += n
			s.metrics.compactedEntries.Add(float64(n))
		}
	}
	s.metrics.compactions.Inc()
	if res.Documents > 0 || len(errs) > 0 {
		s.log.Info("compaction done", keyDocs, res.Documents, keyEntries, res.Entries, keyFailed, len(errs), keyTook, time.Since(start).Round(time.Millisecond))
	}
	return res, errors.Join(errs...)
}

// compactDoc compacts doc up to cutoff. It holds the document's lock with no append in flight
// while the store compacts, so that the usage the relay counts is read after the compaction,
// not mixed with an append's.
func (s *Server) compactDoc(ctx context.Context, c Compactor, doc e2ee.DocID, cutoff time.Time) (int, error) {
	ds := s.acquire(doc)
	defer s.release(ds)
	ds.mu.Lock()
	defer ds.mu.Unlock()
	for ds.inflight > 0 {
		ds.idle.Wait()
	}
	if ds.erased.Load() || ds.erasing {
		return 0, nil
	}
	n, err := c.Compact(ctx, doc, cutoff)
	if errors.Is(err, ErrErased) || errors.Is(err, ErrNotFound) {
		return 0, nil
	}
	if err != nil {
		return 0, err
	}
	if n > 0 && ds.loaded {
		u, err := s.store.Usage(ctx, doc)
		if err != nil {
			// The usage counted stays the higher one until the document is loaded again.
			return n, nil
		}
		ds.usage = u
	}
	return n, nil
}

// maintain runs the relay's periodic work until ctx ends: compaction, the eviction of
// unused documents, and the deletion of expired packages.
func (s *Server) maintain(ctx context.Context) {
	sweep := time.NewTicker(s.sweepInterval())
	defer sweep.Stop()
	var compactC <-chan time.Time
	if _, ok := s.store.(Compactor); ok && s.compactInterval > 0 {
		t := time.NewTicker(s.compactInterval)
		defer t.Stop()
		compactC = t.C
	}
	var packagesC <-chan time.Time
	if _, ok := s.store.(PackageStore); ok && s.pkgSweep > 0 {
		t := time.NewTicker(s.pkgSweep)
		defer t.Stop()
		packagesC = t.C
	}
	for {
		select {
		case <-ctx.Done():
			return
		case <-sweep.C:
			s.evictIdle()
		case <-compactC:
			if _, err := s.Compact(ctx); err != nil && ctx.Err() == nil {
				s.log.Warn("compaction incomplete; retried at the next interval", keyErr, err)
			}
		case <-packagesC:
			if _, err := s.SweepPackages(ctx); err != nil && ctx.Err() == nil {
				s.log.Warn("package sweep failed; retried at the next interval", keyErr, err)
			}
		}
	}
}
