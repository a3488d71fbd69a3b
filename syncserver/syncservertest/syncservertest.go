// Package syncservertest runs a real relay on 127.0.0.1 for tests, like httptest.NewServer:
// a [syncserver.Server] with a SQLite store in a temporary directory, shut down when the test
// ends.
package syncservertest

import (
	"bytes"
	"context"
	"errors"
	"log/slog"
	"net"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/mobio-sync/mobio/syncserver"
	"github.com/mobio-sync/mobio/syncserver/sqlite"
)

// Server is a relay running for a test.
type Server struct {
	*syncserver.Server
	// URL is the relay's base URL, such as "http://127.0.0.1:41234".
	URL string
	// SyncURL is the WebSocket endpoint, such as "ws://127.0.0.1:41234/sync".
	SyncURL string
	// Store is the relay's store.
	Store *sqlite.Store
	// Dir holds the store's database files.
	Dir string

	logs *logBuffer
}

// Option changes the relay's configuration before it starts.
type Option func(*syncserver.Config)

// WithLimits lets f change the relay's limits, which start as syncserver.DefaultLimits.
func WithLimits(f func(*syncserver.Limits)) Option {
	return func(c *syncserver.Config) { f(&c.Limits) }
}

// NewServer starts a relay on a free port of 127.0.0.1 with a new SQLite store in a temporary
// directory and every log line captured (see [Server.Logs]). When the test ends the relay
// stops (draining its connections) and the store closes.
func NewServer(t testing.TB, opts ...Option) *Server {
	t.Helper()
	logs := &logBuffer{}
	logger := slog.New(slog.NewTextHandler(logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	dir := t.TempDir()
	store, err := sqlite.Open(context.Background(), filepath.Join(dir, "relay.db"), sqlite.Options{Logger: logger})
	if err != nil {
		t.Fatalf("open store: %v", err)
	}
	cfg := syncserver.Config{
		Store:        store,
		Limits:       syncserver.DefaultLimits(),
		Logger:       logger,
		DrainTimeout: 5 * time.Second,
	}
	for _, o := range opts {
		o(&cfg)
	}
	relay, err := syncserver.New(cfg)
	if err != nil {
		store.Close(context.Background())
		t.Fatalf("new relay: %v", err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		store.Close(context.Background())
		t.Fatalf("listen: %v", err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- relay.Run(ctx, ln) }()
	t.Cleanup(func() {
		cancel()
		if err := <-done; err != nil && !errors.Is(err, context.Canceled) {
			t.Errorf("relay: %v", err)
		}
		if err := store.Close(context.Background()); err != nil {
			t.Errorf("close store: %v", err)
		}
	})
	addr := ln.Addr().String()
	return &Server{
		Server:  relay,
		URL:     "http://" + addr,
		SyncURL: "ws://" + addr + "/sync",
		Store:   store,
		Dir:     dir,
		logs:    logs,
	}
}

// Logs returns every line the relay and its store logged so far.
func (s *Server) Logs() string { return s.logs.String() }

// logBuffer is a bytes.Buffer safe for concurrent use.
type logBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *logBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *logBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}
