package syncserver

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"sync"
	"sync/atomic"
	"time"

	"github.com/mobio-sync/mobio/e2ee"
)

// Defaults of [Config].
const (
	// DefaultWriteTimeout bounds one write of a frame to a peer; a peer that does not read for
	// that long is disconnected.
	DefaultWriteTimeout = 10 * time.Second
	// DefaultDrainTimeout bounds the drain at shutdown: connections still open after it are
	// closed without further notice.
	DefaultDrainTimeout = 15 * time.Second
	// DefaultCompactInterval is how often the relay compacts documents whose snapshot is
	// older than [Limits.SnapshotRetention].
	DefaultCompactInterval = time.Hour
	// DefaultDocIdleTimeout is how long a document nobody uses stays in memory.
	DefaultDocIdleTimeout = 10 * time.Minute
	// DefaultMaxResidentDocs bounds the documents kept in memory while nobody uses them.
	DefaultMaxResidentDocs = 10000
	// DefaultPackageSweepInterval is how often the relay deletes expired packages. A fetch
	// refuses an expired package at once; the sweep removes its bytes.
	DefaultPackageSweepInterval = time.Minute
)

// Config configures a [Server]. Store is required; every other field has a default.
type Config struct {
	// Addr is the address [Server.Run] listens on when it is given no listener, such as
	// ":8080".
	Addr string
	// Store keeps everything the relay must not lose. Required. The server does not close it.
	Store Store
	// Broker fans events out to subscribers. Default: a new [LocalBroker].
	Broker Broker
	// Limits bound what one client can make the relay do. Zero fields take the value of
	// [DefaultLimits].
	Limits Limits
	// Logger receives the relay's logs (see log.go for keys and levels). Default
	// slog.Default().
	Logger *slog.Logger
	// Origins are the relay URLs a client may name in Auth.Origin, such as
	// "wss://relay.example". Empty accepts any origin: for tests only, because a relay that
	// accepts any origin accepts a signature a client made for another relay.
	Origins []string
	// Now is the clock, for authentication, blob and package requests, and package expiry.
	// Default time.Now.
	Now func() time.Time
	// WriteTimeout bounds one frame's write to a peer. Default [DefaultWriteTimeout].
	WriteTimeout time.Duration
	// DrainTimeout bounds the drain when [Server.Run] stops. Default [DefaultDrainTimeout].
	DrainTimeout time.Duration
	// CompactInterval is how often [Server.Run] compacts the documents whose newest snapshot
	// is older than [Limits.SnapshotRetention] (see [Server.Compact]), if the Store is a
	// [Compactor]. Default [DefaultCompactInterval]; negative: never.
	CompactInterval time.Duration
	// DocIdleTimeout is how long the state of a document nobody uses (no subscription, no
	// write, no request) stays in memory before it is evicted; the next use reads it from the
	// Store again. Default [DefaultDocIdleTimeout].
	DocIdleTimeout time.Duration
	// MaxResidentDocs bounds the documents in memory: beyond it, the least recently used of
	// those nobody uses are evicted early. Documents in use are never evicted, so the bound
	// can be exceeded by as many. Default [DefaultMaxResidentDocs].
	MaxResidentDocs int
	// PackageSweepInterval is how often [Server.Run] deletes expired disclosure packages (see
	// [Server.SweepPackages]), if the Store is a [PackageStore]. Default
	// [DefaultPackageSweepInterval]; negative: never.
	PackageSweepInterval time.Duration
	// Fallback answers the requests the relay does not handle itself (every path but /sync,
	// /healthz, /readyz, /metrics, /blobs/ and /packages/), such as the web app. Default:
	// 404 Not Found.
	Fallback http.Handler
}

// Server is the relay: it authenticates connections, enforces membership and limits, stores
// verified envelopes and membership operations in its [Store], and fans them out through its
// [Broker]. A Server is safe for concurrent use.
type Server struct {
	store   Store
	broker  Broker
	limits  Limits
	log     *slog.Logger
	now     func() time.Time
	origins map[string]bool
	addr    string

	writeTimeout    time.Duration
	drainTimeout    time.Duration
	compactInterval time.Duration // <= 0: no scheduled compaction
	docIdle         time.Duration
	maxResident     int
	pkgSweep        time.Duration // <= 0: no scheduled package sweep
	fallback        http.Handler  // nil: 404

	metrics *metrics
	handler http.Handler

	// ctx is the server's own context: connections read with it, and Close cancels it.
	ctx    context.Context
	cancel context.CancelFunc

	nextConn atomic.Uint64 // the last connection number given out

	docsMu      sync.Mutex // guards docs and nextEvictAt; never held while taking a docState's lock
	docs        map[e2ee.DocID]*docState
	nextEvictAt int // evict early when docs grows beyond this many (see resident.go)

	compactMu sync.Mutex // one compaction at a time

	// mu guards the fields below. Lock order: see LOCKS.md.
	mu       sync.Mutex
	conns    map[*conn]struct{}
	perIP    map[string]int
	stopping bool          // no new connections; /readyz fails
	closed   bool          // Close was called
	closedCh chan struct{} // closed by Close
	connWG   sync.WaitGroup
}

// New returns a relay for cfg. It checks the configuration and serves nothing until
// [Server.Run], or until its [Server.Handler] is mounted elsewhere.
func New(cfg Config) (*Server, error) {
	if cfg.Store == nil {
		return nil, fmt.Errorf("new relay: %w: no Store", ErrInvalidConfig)
	}
	limits := cfg.Limits.withDefaults()
	if err := limits.Validate(); err != nil {
		return nil, fmt.Errorf("new relay: %w", err)
	}
	if cfg.Broker == nil {
		cfg.Broker = NewLocalBroker()
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.Default()
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.WriteTimeout <= 0 {
		cfg.WriteTimeout = DefaultWriteTimeout
	}
	if cfg.DrainTimeout <= 0 {
		cfg.DrainTimeout = DefaultDrainTimeout
	}
	if cfg.CompactInterval == 0 {
		cfg.CompactInterval = DefaultCompactInterval
	}
	if cfg.DocIdleTimeout <= 0 {
		cfg.DocIdleTimeout = DefaultDocIdleTimeout
	}
	if cfg.MaxResidentDocs <= 0 {
		cfg.MaxResidentDocs = DefaultMaxResidentDocs
	}
	if cfg.PackageSweepInterval == 0 {
		cfg.PackageSweepInterval = DefaultPackageSweepInterval
	}
	s := &Server{
		store:           cfg.Store,
		broker:          cfg.Broker,
		limits:          limits,
		log:             cfg.Logger.With(keyComponent, "relay"),
		now:             cfg.Now,
		addr:            cfg.Addr,
		writeTimeout:    cfg.WriteTimeout,
		drainTimeout:    cfg.DrainTimeout,
		compactInterval: cfg.CompactInterval,
		docIdle:         cfg.DocIdleTimeout,
		maxResident:     cfg.MaxResidentDocs,
		pkgSweep:        cfg.PackageSweepInterval,
		fallback:        cfg.Fallback,
		nextEvictAt:     cfg.MaxResidentDocs,
		metrics:         newMetrics(),
		docs:            make(map[e2ee.DocID]*docState),
		conns:           make(map[*conn]struct{}),
		perIP:           make(map[string]int),
		closedCh:        make(chan struct{}),
	}
	if len(cfg.Origins) > 0 {
		s.origins = make(map[string]bool, len(cfg.Origins))
		for _, o := range cfg.Origins {
			s.origins[o] = true
		}
	}
	s.ctx, s.cancel = context.WithCancel(context.Background())
	s.handler = s.routes()
	return s, nil
}

// withDefaults returns l with every zero field set to its default.
func (l Limits) withDefaults() Limits {
	d := DefaultLimits()
	orDefault(&l.MaxFrameBytes, d.MaxFrameBytes)
	orDefault(&l.MaxDocsPerConn, d.MaxDocsPerConn)
	orDefault(&l.PushesPerSecond, d.PushesPerSecond)
	orDefault(&l.PushBurst, d.PushBurst)
	orDefault(&l.EphemeralPerSecond, d.EphemeralPerSecond)
	orDefault(&l.EphemeralBurst, d.EphemeralBurst)
	orDefault(&l.MaxDocBytes, d.MaxDocBytes)
	orDefault(&l.MaxConnsPerIP, d.MaxConnsPerIP)
	orDefault(&l.AuthTimeout, d.AuthTimeout)
	orDefault(&l.SendQueue, d.SendQueue)
	orDefault(&l.MaxBlobBytes, d.MaxBlobBytes)
	orDefault(&l.SnapshotRetention, d.SnapshotRetention)
	orDefault(&l.PingInterval, d.PingInterval)
	orDefault(&l.PingTimeout, d.PingTimeout)
	orDefault(&l.MaxPackageBytes, d.MaxPackageBytes)
	orDefault(&l.MaxPackageLifetime, d.MaxPackageLifetime)
	orDefault(&l.MaxPackagesPerDoc, d.MaxPackagesPerDoc)
	orDefault(&l.PackageWritesPerSecond, d.PackageWritesPerSecond)
	orDefault(&l.PackageWriteBurst, d.PackageWriteBurst)
	return l
}

// orDefault sets *v to def when *v is the zero value.
func orDefault[T comparable](v *T, def T) {
	var zero T
	if *v == zero {
		*v = def
	}
}

// Limits returns the limits in force, defaults filled in.
func (s *Server) Limits() Limits { return s.limits }

// Handler returns the relay's HTTP handler: /sync (the WebSocket protocol), /healthz,
// /readyz, /metrics, /blobs/ and /packages/, and [Config.Fallback] for every other path.
func (s *Server) Handler() http.Handler { return s.handler }

// Run serves on ln (on a listener for [Config.Addr] when ln is nil) until ctx is done or
// [Server.Close] is called, and meanwhile compacts documents every [Config.CompactInterval],
// deletes expired packages every [Config.PackageSweepInterval] and evicts unused documents
// from memory (see [Config.DocIdleTimeout]). Then it stops accepting connections, lets every request in
// progress finish (pushes are stored and acknowledged), tells every connection that the relay
// is shutting down (CodeShuttingDown), waits for the connections to close, at most
// [Config.DrainTimeout], and returns ctx.Err(), or nil after Close. An error of the listener
// is returned after the same drain.
func (s *Server) Run(ctx context.Context, ln net.Listener) error {
	if ln == nil {
		var err error
		if ln, err = net.Listen("tcp", s.addr); err != nil {
			return fmt.Errorf("run relay: %w", err)
		}
	}
	srv := &http.Server{
		Handler:           s.handler,
		ReadHeaderTimeout: 10 * time.Second,
		ErrorLog:          slog.NewLogLogger(s.log.Handler(), slog.LevelWarn),
	}
	served := make(chan error, 1)
	go func() { served <- srv.Serve(ln) }()
	s.log.Info("relay listening", keyAddr, ln.Addr().String())
	maintainCtx, stopMaintaining := context.WithCancel(s.ctx)
	maintained := make(chan struct{})
	go func() {
		defer close(maintained)
		s.maintain(maintainCtx)
	}()

	var serveErr error
	select {
	case <-ctx.Done():
	case <-s.closedCh:
	case serveErr = <-served:
	}
	s.log.Info("relay stopping")
	stopMaintaining()
	<-maintained
	drainCtx, cancel := context.WithTimeout(context.Background(), s.drainTimeout)
	defer cancel()
	s.stopAccepting()
	shutdown := make(chan error, 1)
	go func() { shutdown <- srv.Shutdown(drainCtx) }()
	s.drain(drainCtx)
	if err := <-shutdown; err != nil {
		srv.Close()
	}
	if serveErr == nil {
		serveErr = <-served
	}
	s.log.Info("relay stopped")
	if serveErr != nil && !errors.Is(serveErr, http.ErrServerClosed) {
		return fmt.Errorf("run relay: %w", serveErr)
	}
	return ctx.Err()
}

// stopAccepting refuses new connections from now on.
func (s *Server) stopAccepting() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.stopping = true
}

// drain tells every connection that the relay stops once its request in progress is done,
// and waits for all of them to close until ctx ends; then it closes the rest.
func (s *Server) drain(ctx context.Context) {
	s.mu.Lock()
	conns := make([]*conn, 0, len(s.conns))
	for c := range s.conns {
		conns = append(conns, c)
	}
	s.mu.Unlock()

	var wg sync.WaitGroup
	for _, c := range conns {
		wg.Go(c.shutdown)
	}
	done := make(chan struct{})
	go func() {
		wg.Wait()
		s.connWG.Wait()
		close(done)
	}()
	select {
	case <-done:
		return
	case <-ctx.Done():
	}
	s.log.Warn("drain timed out; closing the remaining connections")
	s.closeConns()
	<-done
}

// closeConns closes every connection at once.
func (s *Server) closeConns() {
	s.mu.Lock()
	conns := make([]*conn, 0, len(s.conns))
	for c := range s.conns {
		conns = append(conns, c)
	}
	s.mu.Unlock()
	for _, c := range conns {
		c.kill()
	}
}

// Close closes every connection at once, without draining, and makes a running
// [Server.Run] return. It waits until the connections' goroutines have ended. Close does not
// close the Store.
func (s *Server) Close() error {
	s.mu.Lock()
	if s.closed {
		s.mu.Unlock()
		return nil
	}
	s.closed, s.stopping = true, true
	close(s.closedCh)
	s.mu.Unlock()
	s.closeConns()
	s.cancel()
	s.connWG.Wait()
	return nil
}

// addConn registers c, counting it against its address, and reports whether the relay takes
// it: false when the relay is stopping. tooMany reports that the address has more connections
// than allowed; c is registered anyway, so that it can be told so, and must be removed.
func (s *Server) addConn(c *conn) (ok, tooMany bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.stopping {
		return false, false
	}
	s.conns[c] = struct{}{}
	s.perIP[c.remote]++
	s.connWG.Add(1)
	s.metrics.connections.Inc()
	return true, s.perIP[c.remote] > s.limits.MaxConnsPerIP
}

// removeConn unregisters c.
func (s *Server) removeConn(c *conn) {
	s.mu.Lock()
	defer s.mu.Unlock()
	delete(s.conns, c)
	if s.perIP[c.remote]--; s.perIP[c.remote] <= 0 {
		delete(s.perIP, c.remote)
	}
	s.metrics.connections.Dec()
	s.connWG.Done()
}

// isStopping reports whether the relay refuses new connections.
func (s *Server) isStopping() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.stopping
}
