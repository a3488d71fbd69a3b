package sqlite

import (
	"context"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/mobio-sync/mobio/e2ee"
	"github.com/mobio-sync/mobio/syncserver/storetest"
)

// benchDoc is a document with one writer per appender and envelopes sealed ahead, reused
// across the benchmark's rounds (each round appends them to a fresh store).
type benchDoc struct {
	doc  *storetest.Doc
	envs [][]e2ee.VerifiedEnvelope // envs[i] are writer i's envelopes, in chain order
}

var benchDocs sync.Map // concurrency → *benchDoc

// envelopes returns the document for c writers with at least n envelopes per writer.
func benchEnvelopes(b *testing.B, c, n int) *benchDoc {
	b.Helper()
	v, _ := benchDocs.LoadOrStore(c, &benchDoc{})
	bd := v.(*benchDoc)
	if bd.doc == nil {
		bd.doc = storetest.NewDoc(b, c)
		bd.envs = make([][]e2ee.VerifiedEnvelope, c)
	}
	for i, w := range bd.doc.Writers {
		for len(bd.envs[i]) < n {
			bd.envs[i] = append(bd.envs[i], w.Next(b, e2ee.KindUpdate))
		}
	}
	return bd
}

// BenchmarkAppendGroupCommit measures durable appends of single envelopes (one push each)
// from 1, 8 and 64 concurrent appenders, each appending its own author's chain. It reports
// appends/s, commits/s and appends per commit: with more appenders, more appends share one
// commit and one fsync.
func BenchmarkAppendGroupCommit(b *testing.B) {
	for _, c := range []int{1, 8, 64} {
		b.Run(fmt.Sprintf("appenders=%d", c), func(b *testing.B) {
			per := (b.N + c - 1) / c
			bd := benchEnvelopes(b, c, per)
			s, _ := openTest(b, Options{})
			bd.doc.Create(b, s)
			ctx := context.Background()
			commits := s.commits.Load()
			b.ResetTimer()
			start := time.Now()
			var wg sync.WaitGroup
			for i := range c {
				wg.Go(func() {
					for _, v := range bd.envs[i][:per] {
						if _, err := s.AppendVerified(ctx, bd.doc.ID, []e2ee.VerifiedEnvelope{v}); err != nil {
							b.Error(err)
							return
						}
					}
				})
			}
			wg.Wait()
			elapsed := time.Since(start).Seconds()
			b.StopTimer()
			n, k := float64(per*c), float64(s.commits.Load()-commits)
			b.ReportMetric(n/elapsed, "appends/s")
			b.ReportMetric(k/elapsed, "commits/s")
			b.ReportMetric(n/k, "appends/commit")
		})
	}
}

// BenchmarkReadRange measures reading a document of 5,000 entries (a cold catch-up) in pages
// of 100 and at once.
func BenchmarkReadRange(b *testing.B) {
	const entries = 5000
	bd := benchEnvelopes(b, 1, entries)
	s, _ := openTest(b, Options{})
	bd.doc.Create(b, s)
	ctx := context.Background()
	for i := 0; i < entries; i += 500 {
		if _, err := s.AppendVerified(ctx, bd.doc.ID, bd.envs[0][i:i+500]); err != nil {
			b.Fatal(err)
		}
	}
	for _, limit := range []int{100, 0} {
		b.Run(fmt.Sprintf("limit=%d", limit), func(b *testing.B) {
			var bytes int64
			for b.Loop() {
				for after := uint64(0); after < entries; {
					page, err := s.ReadRange(ctx, bd.doc.ID, after, limit)
					if err != nil || len(page) == 0 {
						b.Fatalf("ReadRange(%d) = %d entries, %v", after, len(page), err)
					}
					for _, e := range page {
						bytes += int64(len(e.Envelope))
					}
					after = page[len(page)-1].Offset
				}
			}
			b.SetBytes(bytes / int64(b.N))
			b.ReportMetric(float64(b.Elapsed().Milliseconds())/float64(b.N), "ms/catch-up")
		})
	}
}
