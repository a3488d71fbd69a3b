package faultproxy_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/coder/websocket"

	"github.com/mobio-sync/mobio/internal/faultproxy"
)

const subprotocol = "echo.v1"

// echoServer answers every message with itself, on 127.0.0.1.
func echoServer(t *testing.T) string {
	t.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ws, err := websocket.Accept(w, r, &websocket.AcceptOptions{Subprotocols: []string{subprotocol}})
		if err != nil {
			return
		}
		defer ws.CloseNow()
		ws.SetReadLimit(8 << 20)
		if ws.Subprotocol() != subprotocol {
			ws.Close(websocket.StatusPolicyViolation, "subprotocol required")
			return
		}
		for {
			typ, b, err := ws.Read(r.Context())
			if err != nil {
				return
			}
			if string(b) == "bye" {
				ws.Close(websocket.StatusNormalClosure, "bye")
				return
			}
			if err := ws.Write(r.Context(), typ, b); err != nil {
				return
			}
		}
	}))
	t.Cleanup(srv.Close)
	return "ws://" + strings.TrimPrefix(srv.URL, "http://") + "/echo"
}

func newProxy(t *testing.T) *faultproxy.Proxy {
	t.Helper()
	p, err := faultproxy.New(echoServer(t), faultproxy.Options{Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { p.Close() })
	return p
}

func dial(t *testing.T, url string) *websocket.Conn {
	t.Helper()
	ctx, cancel := context.WithTimeout(t.Context(), 5*time.Second)
	defer cancel()
	ws, _, err := websocket.Dial(ctx, url, &websocket.DialOptions{Subprotocols: []string{subprotocol}})
	if err != nil {
		t.Fatalf("dial %s: %v", url, err)
	}
	t.Cleanup(func() { ws.CloseNow() })
	if ws.Subprotocol() != subprotocol {
		t.Fatalf("subprotocol = %q, want %q", ws.Subprotocol(), subprotocol)
	}
	return ws
}

func send(t *testing.T, ws *websocket.Conn, msgs ...string) {
	t.Helper()
	for _, m := range msgs {
		if err := ws.Write(t.Context(), websocket.MessageBinary, []byte(m)); err != nil {
			t.Fatalf("write %q: %v", m, err)
		}
	}
}

func receive(t *testing.T, ws *websocket.Conn, n int) []string {
	t.Helper()
	ctx, cancel := context.WithTimeout(t.Context(), 5*time.Second)
	defer cancel()
	var out []string
	for range n {
		_, b, err := ws.Read(ctx)
		if err != nil {
			t.Fatalf("read after %q: %v", out, err)
		}
		out = append(out, string(b))
	}
	return out
}

func TestHookDropsReplacesRepeatsAndInserts(t *testing.T) {
	p := newProxy(t)
	p.SetHook(func(dir faultproxy.Direction, f []byte) [][]byte {
		if dir != faultproxy.ToRelay {
			return [][]byte{f}
		}
		switch string(f) {
		case "drop":
			return nil
		case "dup":
			return [][]byte{f, f}
		case "old":
			return [][]byte{[]byte("new")}
		case "late":
			return [][]byte{[]byte("early"), f}
		}
		return [][]byte{f}
	})
	ws := dial(t, p.URL())
	send(t, ws, "a", "drop", "dup", "old", "late", "z")
	got := strings.Join(receive(t, ws, 7), " ")
	if want := "a dup dup new early late z"; got != want {
		t.Fatalf("echoed %q, want %q", got, want)
	}
}

func TestDelayKeepsTheOrder(t *testing.T) {
	p := newProxy(t)
	p.SetDelay(10*time.Millisecond, 30*time.Millisecond)
	ws := dial(t, p.URL())
	var want []string
	for i := range 50 {
		want = append(want, fmt.Sprint(i))
	}
	start := time.Now()
	send(t, ws, want...)
	got := receive(t, ws, len(want))
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Fatalf("echoed %v, want %v", got, want)
	}
	// Each frame waits at least 10 ms on the way there and again on the way back.
	if elapsed := time.Since(start); elapsed < 20*time.Millisecond {
		t.Fatalf("round trip took %v, want at least 20ms", elapsed)
	}
}

func TestCutEndsOpenConnectionsOnly(t *testing.T) {
	p := newProxy(t)
	ws := dial(t, p.URL())
	send(t, ws, "before")
	receive(t, ws, 1)
	if n := p.Cut(); n != 1 {
		t.Fatalf("Cut() = %d, want 1", n)
	}
	ctx, cancel := context.WithTimeout(t.Context(), 5*time.Second)
	defer cancel()
	if _, _, err := ws.Read(ctx); err == nil || ctx.Err() != nil {
		t.Fatalf("read after cut: %v, want a broken connection", err)
	}
	// New connections work.
	ws2 := dial(t, p.URL())
	send(t, ws2, "after")
	if got := receive(t, ws2, 1); got[0] != "after" {
		t.Fatalf("echoed %q", got)
	}
	if st := p.Stats(); st.Cut != 1 || st.Accepted != 2 {
		t.Fatalf("stats = %+v, want 1 cut of 2 accepted", st)
	}
}

func TestRefuseRefusesNewConnectionsForAWhile(t *testing.T) {
	p := newProxy(t)
	open := dial(t, p.URL())
	p.Refuse(300 * time.Millisecond)
	ctx, cancel := context.WithTimeout(t.Context(), 5*time.Second)
	defer cancel()
	if ws, _, err := websocket.Dial(ctx, p.URL(), &websocket.DialOptions{Subprotocols: []string{subprotocol}}); err == nil {
		ws.CloseNow()
		t.Fatal("dial while refusing succeeded")
	}
	send(t, open, "still open")
	receive(t, open, 1)
	// Poll until the refusal ends.
	for {
		ws, _, err := websocket.Dial(ctx, p.URL(), &websocket.DialOptions{Subprotocols: []string{subprotocol}})
		if err == nil {
			ws.CloseNow()
			break
		}
		if ctx.Err() != nil {
			t.Fatalf("still refused after 5s: %v", err)
		}
		time.Sleep(10 * time.Millisecond) // polling pace
	}
	if st := p.Stats(); st.Refused == 0 {
		t.Fatalf("stats = %+v, want refusals", st)
	}
}

func TestCloseHandshakePassesThrough(t *testing.T) {
	p := newProxy(t)
	ws := dial(t, p.URL())
	send(t, ws, "bye")
	ctx, cancel := context.WithTimeout(t.Context(), 5*time.Second)
	defer cancel()
	_, _, err := ws.Read(ctx)
	var ce websocket.CloseError
	if !errors.As(err, &ce) || ce.Code != websocket.StatusNormalClosure || ce.Reason != "bye" {
		t.Fatalf("read after the server closed: %v, want a normal closure with reason bye", err)
	}
}

func TestCloseStopsEverything(t *testing.T) {
	p := newProxy(t)
	ws := dial(t, p.URL())
	if err := p.Close(); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(t.Context(), 5*time.Second)
	defer cancel()
	if _, _, err := ws.Read(ctx); err == nil || ctx.Err() != nil {
		t.Fatalf("read after Close: %v, want a broken connection", err)
	}
	if ws, _, err := websocket.Dial(ctx, p.URL(), nil); err == nil {
		ws.CloseNow()
		t.Fatal("dial after Close succeeded")
	}
	if p.Conns() != 0 {
		t.Fatalf("%d connections after Close", p.Conns())
	}
}

func TestTargetMustBeLoopback(t *testing.T) {
	for _, target := range []string{
		"ws://192.0.2.1:80/sync",
		"wss://127.0.0.1:443/sync",
		"ws://example.org:80/sync",
		"ws://127.0.0.1/sync",
		"http://127.0.0.1:80/sync",
	} {
		p, err := faultproxy.New(target, faultproxy.Options{})
		if !errors.Is(err, faultproxy.ErrNotLoopback) {
			if p != nil {
				p.Close()
			}
			t.Errorf("New(%q) = %v, want ErrNotLoopback", target, err)
		}
	}
}

func TestTooManyConnectionsAreRefused(t *testing.T) {
	p, err := faultproxy.New(echoServer(t), faultproxy.Options{MaxConns: 1})
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	dial(t, p.URL())
	ctx, cancel := context.WithTimeout(t.Context(), 5*time.Second)
	defer cancel()
	_, resp, err := websocket.Dial(ctx, p.URL(), &websocket.DialOptions{Subprotocols: []string{subprotocol}})
	if err == nil || resp == nil || resp.StatusCode != http.StatusServiceUnavailable {
		t.Fatalf("second connection: %v, want 503", err)
	}
}

func TestLargeFramesPass(t *testing.T) {
	p := newProxy(t)
	ws := dial(t, p.URL())
	ws.SetReadLimit(4 << 20)
	big := bytes.Repeat([]byte("x"), 1<<20+1) // above the library's default read limit
	send(t, ws, string(big))
	if got := receive(t, ws, 1); len(got[0]) != len(big) {
		t.Fatalf("echoed %d bytes, want %d", len(got[0]), len(big))
	}
}
