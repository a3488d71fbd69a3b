package loadgen

import (
	"context"
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"net"
	"net/http"
	"slices"
	"sync"
	"time"

	"github.com/mobio-sync/mobio/e2ee"
	"github.com/mobio-sync/mobio/e2ee/keyring"
	"github.com/mobio-sync/mobio/protocol"
)

// UpdateBytes is the plaintext size of every update the scenarios push.
const UpdateBytes = 100

func newLoopbackClient() *http.Client {
	d := &net.Dialer{Timeout: 10 * time.Second}
	return &http.Client{Transport: &http.Transport{
		DialContext: func(ctx context.Context, network, addr string) (net.Conn, error) {
			if !isLoopback(addr) {
				return nil, fmt.Errorf("dial %s: %w", addr, ErrNotLoopback)
			}
			return d.DialContext(ctx, network, addr)
		},
	}}
}

// Probe measures the process the relay runs in, when it is this one; nil otherwise.
type Probe interface {
	CPUSeconds() float64 // user and system CPU time so far
	RSSBytes() int64     // resident set size now
}

// Throughput is scenario (a)'s result.
type Throughput struct {
	Scenario         string   `json:"scenario"`
	Docs             int      `json:"docs"`
	UpdatesPerWriter int      `json:"updates_per_writer"`
	Window           int      `json:"window"`
	Updates          int      `json:"updates"`
	AckedPerSecond   float64  `json:"updates_per_s_acked"`
	AckedMS          float64  `json:"all_acked_ms"`
	DeliveredMS      float64  `json:"all_delivered_ms"`
	CPUUSPerUpdate   *float64 `json:"relay_cpu_us_per_update,omitempty"`
	RSSMB            *float64 `json:"relay_rss_mb,omitempty"`
}

// RunThroughput runs scenario (a): docs documents with a writer and a subscriber each, every
// writer pushing updates sealed updates with window pushes in flight.
func RunThroughput(ctx context.Context, url string, docs, updates, window int, p Probe) (*Throughput, error) {
	type pair struct {
		w, s *Conn
		doc  *Doc
		envs [][]byte
	}
	pairs := make([]pair, docs)
	defer func() {
		for _, pr := range pairs {
			closeAll(pr.w, pr.s)
		}
	}()
	for i := range pairs {
		id, err := keyring.NewIdentity()
		if err != nil {
			return nil, fmt.Errorf("new identity: %w", err)
		}
		pr := &pairs[i]
		if pr.w, err = Dial(ctx, url, id); err != nil {
			return nil, err
		}
		if pr.s, err = Dial(ctx, url, id); err != nil {
			return nil, err
		}
		if pr.doc, err = CreateDoc(ctx, pr.w); err != nil {
			return nil, err
		}
		if err := subscribeCaughtUp(ctx, pr.s, pr.doc.ID); err != nil {
			return nil, err
		}
		if pr.envs, err = pr.doc.SealN(updates, UpdateBytes); err != nil {
			return nil, err
		}
	}
	cpu0 := cpu(p)
	start := time.Now()
	var wg sync.WaitGroup
	errs := make(chan error, 2*docs)
	ackedAt := make([]time.Time, docs)
	deliveredAt := make([]time.Time, docs)
	for i := range pairs {
		pr := &pairs[i]
		wg.Go(func() {
			if err := PushWindow(ctx, pr.w, pr.doc.ID, pr.envs, window); err != nil {
				errs <- err
			}
			ackedAt[i] = time.Now()
		})
		wg.Go(func() {
			for n := 0; n < updates; {
				r, err := pr.s.Next(ctx)
				if err != nil {
					errs <- err
					return
				}
				if _, ok := r.Frame.(protocol.Deliver); ok {
					n++
				}
			}
			deliveredAt[i] = time.Now()
		})
	}
	wg.Wait()
	close(errs)
	if ctx.Err() != nil {
		return nil, fmt.Errorf("throughput scenario: %w", ctx.Err())
	}
	if err := errors.Join(slices.Collect(chanSeq(errs))...); err != nil {
		return nil, err
	}
	total := docs * updates
	acked := slices.MaxFunc(ackedAt, time.Time.Compare).Sub(start)
	delivered := slices.MaxFunc(deliveredAt, time.Time.Compare).Sub(start)
	res := &Throughput{
		Scenario: "a-throughput", Docs: docs, UpdatesPerWriter: updates, Window: window, Updates: total,
		AckedPerSecond: round(float64(total) / acked.Seconds()),
		AckedMS:        ms(acked), DeliveredMS: ms(delivered),
	}
	if p != nil {
		res.CPUUSPerUpdate = ptr(round((cpu(p) - cpu0) * 1e6 / float64(total)))
		res.RSSMB = ptr(mb(p.RSSBytes()))
	}
	return res, nil
}

// Latency is scenario (b)'s result.
type Latency struct {
	Scenario       string   `json:"scenario"`
	Docs           int      `json:"docs"`
	Subscribers    int      `json:"subscribers_per_doc"`
	Rate           float64  `json:"updates_per_s_per_writer"`
	Seconds        float64  `json:"seconds"`
	Sent           int      `json:"sent"`
	Received       int      `json:"received"`
	P50            float64  `json:"p50_ms"`
	P95            float64  `json:"p95_ms"`
	P99            float64  `json:"p99_ms"`
	Max            float64  `json:"max_ms"`
	CPUUSPerUpdate *float64 `json:"relay_cpu_us_per_update,omitempty"`
	RSSMB          *float64 `json:"relay_rss_mb,omitempty"`
}

// RunLatency runs scenario (b): docs documents with one writer pushing rate updates a second
// for d and subs subscribers each; the latency is from the writer's send to a subscriber's
// receipt, keyed by the envelope's hash.
func RunLatency(ctx context.Context, url string, docs, subs int, rate float64, d time.Duration, p Probe) (*Latency, error) {
	type group struct {
		w    *Conn
		subs []*Conn
		doc  *Doc
	}
	groups := make([]group, docs)
	defer func() {
		for _, g := range groups {
			closeAll(append(g.subs, g.w)...)
		}
	}()
	for i := range groups {
		id, err := keyring.NewIdentity()
		if err != nil {
			return nil, fmt.Errorf("new identity: %w", err)
		}
		g := &groups[i]
		if g.w, err = Dial(ctx, url, id); err != nil {
			return nil, err
		}
		if g.doc, err = CreateDoc(ctx, g.w); err != nil {
			return nil, err
		}
		for range subs {
			s, err := Dial(ctx, url, id)
			if err != nil {
				return nil, err
			}
			g.subs = append(g.subs, s)
			if err := subscribeCaughtUp(ctx, s, g.doc.ID); err != nil {
				return nil, err
			}
		}
	}
	var sentMu sync.Mutex
	sentAt := map[e2ee.Hash]time.Time{}
	var latMu sync.Mutex
	var lats []time.Duration
	runCtx, stop := context.WithTimeout(ctx, d)
	defer stop()
	interval := time.Duration(float64(time.Second) / rate)
	cpu0 := cpu(p)
	var wg, readers sync.WaitGroup
	errs := make(chan error, docs*(subs+2))
	sent := 0
	readCtx, stopReading := context.WithCancel(ctx)
	defer stopReading()
	for i := range groups {
		g := &groups[i]
		wg.Go(func() {
			// Writers start evenly spread over one interval, so that together they push at
			// a steady rate instead of in bursts of one push per writer at each tick.
			phase := time.NewTimer(interval * time.Duration(i) / time.Duration(docs))
			select {
			case <-phase.C:
			case <-runCtx.Done():
				phase.Stop()
			}
			t := time.NewTicker(interval)
			defer t.Stop()
			n := 0
			for {
				select {
				case <-runCtx.Done():
					sentMu.Lock()
					sent += n
					sentMu.Unlock()
					return
				case <-t.C:
				}
				pt := make([]byte, UpdateBytes)
				binary.BigEndian.PutUint64(pt, uint64(n))
				raw, err := g.doc.Seal(pt)
				if err != nil {
					errs <- err
					return
				}
				sentMu.Lock()
				sentAt[sha256.Sum256(raw)] = time.Now()
				sentMu.Unlock()
				if err := g.w.Send(ctx, protocol.Push{ReqID: g.w.ReqID(), Doc: g.doc.ID, Envelope: raw}); err != nil {
					errs <- err
					return
				}
				n++
			}
		})
		readers.Go(func() { drain(readCtx, g.w) })
		for _, s := range g.subs {
			readers.Go(func() {
				var mine []time.Duration
				defer func() {
					latMu.Lock()
					lats = append(lats, mine...)
					latMu.Unlock()
				}()
				for {
					r, err := s.Next(readCtx)
					if err != nil {
						return
					}
					dv, ok := r.Frame.(protocol.Deliver)
					if !ok {
						continue
					}
					sentMu.Lock()
					at, ok := sentAt[sha256.Sum256(dv.Envelope)]
					sentMu.Unlock()
					if ok {
						mine = append(mine, r.At.Sub(at))
					}
				}
			})
		}
	}
	wg.Wait()
	// Let the updates still in flight arrive: a second, far above any latency measured.
	grace := time.NewTimer(time.Second)
	select {
	case <-grace.C:
	case <-ctx.Done():
	}
	stopReading()
	readers.Wait()
	close(errs)
	if ctx.Err() != nil {
		return nil, fmt.Errorf("latency scenario: %w", ctx.Err())
	}
	if err := errors.Join(slices.Collect(chanSeq(errs))...); err != nil {
		return nil, err
	}
	slices.Sort(lats)
	res := &Latency{
		Scenario: "b-latency", Docs: docs, Subscribers: subs, Rate: rate, Seconds: d.Seconds(),
		Sent: sent, Received: len(lats),
		P50: ms(pct(lats, 0.50)), P95: ms(pct(lats, 0.95)), P99: ms(pct(lats, 0.99)), Max: ms(pct(lats, 1)),
	}
	if p != nil && sent > 0 {
		res.CPUUSPerUpdate = ptr(round((cpu(p) - cpu0) * 1e6 / float64(sent)))
		res.RSSMB = ptr(mb(p.RSSBytes()))
	}
	return res, nil
}

// Idle is scenario (c)'s result.
type Idle struct {
	Scenario     string   `json:"scenario"`
	Conns        int      `json:"conns"`
	ConnectMS    float64  `json:"connect_all_ms"`
	RSSBeforeMB  *float64 `json:"relay_rss_before_mb,omitempty"`
	RSSAfterMB   *float64 `json:"relay_rss_after_mb,omitempty"`
	BytesPerConn *float64 `json:"rss_bytes_per_conn,omitempty"`
	CPUUSPerConn *float64 `json:"relay_cpu_us_per_handshake,omitempty"`
	// With a hold: how long the connections stayed idle, how many the relay closed meanwhile
	// (a relay that pings keeps every one), and the relay's RSS at the end.
	HeldS            *float64 `json:"held_s,omitempty"`
	ClosedDuringHold *int     `json:"closed_during_hold,omitempty"`
	RSSHeldMB        *float64 `json:"relay_rss_held_mb,omitempty"`
}

// dialers is how many connections RunIdle opens at once.
const dialers = 4

// RunIdle runs scenario (c): n authenticated connections that stay idle, for hold after they
// are all open.
func RunIdle(ctx context.Context, url string, n int, hold time.Duration, p Probe, settle func()) (*Idle, error) {
	id, err := keyring.NewIdentity()
	if err != nil {
		return nil, fmt.Errorf("new identity: %w", err)
	}
	conns := make([]*Conn, n)
	defer func() { closeAll(conns...) }()
	var before int64
	if p != nil {
		settle()
		before = p.RSSBytes()
	}
	cpu0 := cpu(p)
	start := time.Now()
	next := make(chan int, n)
	for i := range n {
		next <- i
	}
	close(next)
	errs := make(chan error, dialers)
	var wg sync.WaitGroup
	for range dialers {
		wg.Go(func() {
			for i := range next {
				c, err := Dial(ctx, url, id)
				if err != nil {
					errs <- fmt.Errorf("connection %d of %d: %w", i+1, n, err)
					return
				}
				conns[i] = c
			}
		})
	}
	wg.Wait()
	close(errs)
	if err := <-errs; err != nil {
		return nil, err
	}
	res := &Idle{Scenario: "c-idle", Conns: n, ConnectMS: ms(time.Since(start))}
	if p != nil {
		cpuUsed := cpu(p) - cpu0
		settle()
		after := p.RSSBytes()
		res.RSSBeforeMB, res.RSSAfterMB = ptr(mb(before)), ptr(mb(after))
		res.BytesPerConn = ptr(math.Round(float64(after-before) / float64(max(n, 1))))
		res.CPUUSPerConn = ptr(round(cpuUsed * 1e6 / float64(max(n, 1))))
	}
	if hold <= 0 {
		return res, nil
	}
	t := time.NewTimer(hold)
	defer t.Stop()
	select {
	case <-t.C:
	case <-ctx.Done():
		return nil, fmt.Errorf("idle scenario: %w", ctx.Err())
	}
	closed := 0
	for _, c := range conns {
		select {
		case <-c.done:
			closed++
		default:
		}
	}
	res.HeldS, res.ClosedDuringHold = ptr(hold.Seconds()), ptr(closed)
	if p != nil {
		settle()
		res.RSSHeldMB = ptr(mb(p.RSSBytes()))
	}
	return res, nil
}

// CatchUp is scenario (d)'s result.
type CatchUp struct {
	Scenario  string   `json:"scenario"`
	Updates   int      `json:"updates"`
	SeedMS    float64  `json:"seed_all_acked_ms"`
	CatchUpMS float64  `json:"catch_up_ms"`
	RSSMB     *float64 `json:"relay_rss_mb,omitempty"`
}

// RunCatchUp runs scenario (d): a document with updates entries, then a fresh connection's
// subscription from nothing to CaughtUp.
func RunCatchUp(ctx context.Context, url string, updates int, p Probe) (*CatchUp, error) {
	id, err := keyring.NewIdentity()
	if err != nil {
		return nil, fmt.Errorf("new identity: %w", err)
	}
	w, err := Dial(ctx, url, id)
	if err != nil {
		return nil, err
	}
	defer w.Close()
	doc, err := CreateDoc(ctx, w)
	if err != nil {
		return nil, err
	}
	envs, err := doc.SealN(updates, UpdateBytes)
	if err != nil {
		return nil, err
	}
	start := time.Now()
	if err := PushWindow(ctx, w, doc.ID, envs, 256); err != nil {
		return nil, err
	}
	seed := time.Since(start)
	r, err := Dial(ctx, url, id)
	if err != nil {
		return nil, err
	}
	defer r.Close()
	start = time.Now()
	if err := Subscribe(ctx, r, doc.ID); err != nil {
		return nil, err
	}
	n := 0
	for {
		f, err := r.Next(ctx)
		if err != nil {
			return nil, err
		}
		if _, ok := f.Frame.(protocol.Deliver); ok {
			n++
		}
		if _, ok := f.Frame.(protocol.CaughtUp); ok {
			break
		}
	}
	took := time.Since(start)
	if n != updates {
		return nil, fmt.Errorf("caught up after %d entries, want %d", n, updates)
	}
	res := &CatchUp{Scenario: "d-catchup", Updates: updates, SeedMS: ms(seed), CatchUpMS: ms(took)}
	if p != nil {
		res.RSSMB = ptr(mb(p.RSSBytes()))
	}
	return res, nil
}

// subscribeCaughtUp subscribes c to doc and waits for CaughtUp.
func subscribeCaughtUp(ctx context.Context, c *Conn, doc e2ee.DocID) error {
	if err := Subscribe(ctx, c, doc); err != nil {
		return err
	}
	for {
		r, err := c.Next(ctx)
		if err != nil {
			return err
		}
		if _, ok := r.Frame.(protocol.CaughtUp); ok {
			return nil
		}
	}
}

// drain reads and drops c's frames until ctx is done or c closes.
func drain(ctx context.Context, c *Conn) {
	for {
		if _, err := c.Next(ctx); err != nil {
			return
		}
	}
}

func closeAll(cs ...*Conn) {
	for _, c := range cs {
		if c != nil {
			c.Close()
		}
	}
}

func chanSeq[T any](ch <-chan T) func(func(T) bool) {
	return func(yield func(T) bool) {
		for v := range ch {
			if !yield(v) {
				return
			}
		}
	}
}

func cpu(p Probe) float64 {
	if p == nil {
		return 0
	}
	return p.CPUSeconds()
}

// pct returns the q quantile of sorted (nearest rank), 0 for none.
func pct(sorted []time.Duration, q float64) time.Duration {
	if len(sorted) == 0 {
		return 0
	}
	i := int(math.Ceil(q*float64(len(sorted)))) - 1
	return sorted[min(max(i, 0), len(sorted)-1)]
}

func ms(d time.Duration) float64 { return round(float64(d) / float64(time.Millisecond)) }
func mb(b int64) float64         { return round(float64(b) / (1 << 20)) }
func round(v float64) float64    { return math.Round(v*10) / 10 }
func ptr[T any](v T) *T          { return &v }
