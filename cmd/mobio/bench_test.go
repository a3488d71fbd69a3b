package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/mobio-sync/mobio/internal/loadgen"
)

// runBench runs mobio bench with args in-process and returns its standard output.
func runBench(t *testing.T, args ...string) (string, error) {
	t.Helper()
	var stdout bytes.Buffer
	a := &app{Stdout: &stdout, Stderr: io.Discard, Getenv: func(string) string { return "" }, Version: "v0.0.0-test"}
	err := a.execute(t.Context(), append([]string{"bench"}, args...))
	return stdout.String(), err
}

// tinyBench are sizes that keep a run of all scenarios within a few seconds under -race.
var tinyBench = []string{"--docs", "2", "--updates", "20", "--catch-up", "30", "--idle", "5", "--duration", "1s", "--rate", "10", "--timeout", "30s"}

func TestBenchPrintsOneJSONLinePerScenario(t *testing.T) {
	want := []struct {
		scenario string
		keys     []string
	}{
		{"a-throughput", []string{"updates", "updates_per_s_acked", "all_acked_ms", "all_delivered_ms", "relay_cpu_us_per_update", "relay_rss_mb"}},
		{"b-latency", []string{"sent", "received", "p50_ms", "p95_ms", "p99_ms", "relay_cpu_us_per_update", "relay_rss_mb"}},
		{"c-idle", []string{"conns", "connect_all_ms", "relay_rss_before_mb", "relay_rss_after_mb", "rss_bytes_per_conn"}},
		{"d-catchup", []string{"updates", "seed_all_acked_ms", "catch_up_ms", "relay_rss_mb"}},
	}
	out, err := runBench(t, append([]string{"--spawn"}, tinyBench...)...)
	if err != nil {
		t.Fatalf("mobio bench --spawn: %v", err)
	}
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	if len(lines) != len(want) {
		t.Fatalf("printed %d lines, want %d:\n%s", len(lines), len(want), out)
	}
	for i, w := range want {
		var got map[string]any
		if err := json.Unmarshal([]byte(lines[i]), &got); err != nil {
			t.Fatalf("line %d is not JSON: %v\n%s", i+1, err, lines[i])
		}
		if got["scenario"] != w.scenario {
			t.Errorf("line %d: scenario %v, want %s", i+1, got["scenario"], w.scenario)
		}
		for _, k := range w.keys {
			if _, ok := got[k]; !ok {
				t.Errorf("line %d (%s): no %q in %s", i+1, w.scenario, k, lines[i])
			}
		}
	}
}

func TestBenchAgainstRunningRelayWithPIDReportsItsFigures(t *testing.T) {
	// The relay runs in this test's process: its PID is this one.
	r := startServe(t, nil, "--addr", "127.0.0.1:0", "--data", t.TempDir())
	out, err := runBench(t, append([]string{"--relay", "ws://" + r.addr + "/sync", "--relay-pid", strconv.Itoa(os.Getpid()), "--scenario", "a"}, tinyBench...)...)
	if err != nil {
		t.Fatalf("mobio bench --relay --relay-pid: %v", err)
	}
	var got map[string]any
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("output is not one JSON line: %v\n%s", err, out)
	}
	// CPU time comes in ticks of 10 ms: a tiny run may measure none.
	if v, ok := got["relay_cpu_us_per_update"].(float64); !ok || v < 0 {
		t.Errorf("relay_cpu_us_per_update = %v, want a figure: %s", got["relay_cpu_us_per_update"], out)
	}
	if v, ok := got["relay_rss_mb"].(float64); !ok || v <= 0 {
		t.Errorf("relay_rss_mb = %v, want a positive figure: %s", got["relay_rss_mb"], out)
	}
}

func TestBenchAgainstRunningRelayReportsNoRelayFigures(t *testing.T) {
	r := startServe(t, nil, "--addr", "127.0.0.1:0", "--data", t.TempDir())
	out, err := runBench(t, append([]string{"--relay", "ws://" + r.addr + "/sync", "--scenario", "d"}, tinyBench...)...)
	if err != nil {
		t.Fatalf("mobio bench --relay: %v", err)
	}
	var got map[string]any
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("output is not one JSON line: %v\n%s", err, out)
	}
	if got["scenario"] != "d-catchup" || got["updates"] != 30.0 {
		t.Errorf("got %s, want d-catchup of 30 updates", out)
	}
	if _, ok := got["relay_rss_mb"]; ok {
		t.Errorf("reports the RSS of a relay it does not run: %s", out)
	}
}

func TestBenchRefusesBadFlags(t *testing.T) {
	tests := []struct {
		name    string
		args    []string
		wantErr error  // a sentinel the error wraps, or nil
		wantMsg string // a part of the message
	}{
		{"another host", []string{"--relay", "ws://10.0.0.1:8080/sync"}, loadgen.ErrNotLoopback, "--relay"},
		{"localhost by name", []string{"--relay", "ws://localhost:8080/sync"}, loadgen.ErrNotLoopback, "--relay"},
		{"no port", []string{"--relay", "ws://127.0.0.1/sync"}, loadgen.ErrNotLoopback, "--relay"},
		{"wss scheme", []string{"--relay", "wss://127.0.0.1:8443/sync"}, loadgen.ErrNotLoopback, "--relay"},
		{"relay and spawn", []string{"--relay", "ws://127.0.0.1:8080/sync", "--spawn"}, nil, "exclude"},
		{"unknown scenario", []string{"--scenario", "a,e"}, nil, "--scenario"},
		{"zero duration", []string{"--duration", "0s"}, nil, "--duration"},
		{"zero idle", []string{"--idle", "0"}, nil, "--idle"},
		{"negative idle hold", []string{"--idle-hold", "-1s"}, nil, "--idle-hold"},
		{"more idle connections than files", []string{"--scenario", "c", "--idle", "2000000000"}, nil, "ulimit -n"},
		{"relay-pid without relay", []string{"--relay-pid", "1"}, nil, "--relay-pid"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, err := runBench(t, tt.args...)
			if err == nil {
				t.Fatalf("mobio bench %v: no error, printed %q", tt.args, out)
			}
			if _, ok := errors.AsType[*usageError](err); !ok {
				t.Errorf("error %v is not a usage error", err)
			}
			if tt.wantErr != nil && !errors.Is(err, tt.wantErr) {
				t.Errorf("error %v does not wrap %v", err, tt.wantErr)
			}
			if !strings.Contains(err.Error(), tt.wantMsg) {
				t.Errorf("error %q does not name %q", err, tt.wantMsg)
			}
			if out != "" {
				t.Errorf("printed %q before refusing", out)
			}
		})
	}
}

func TestCheckURLAcceptsLoopbackOnly(t *testing.T) {
	for _, u := range []string{"ws://127.0.0.1:1/sync", "ws://127.0.0.1:8080/"} {
		if err := loadgen.CheckURL(u); err != nil {
			t.Errorf("CheckURL(%q) = %v, want nil", u, err)
		}
	}
	for _, u := range []string{"ws://127.0.0.2:1/sync", "ws://[::1]:1/sync", "http://127.0.0.1:1/sync", "ws://example.org:80/sync"} {
		if err := loadgen.CheckURL(u); !errors.Is(err, loadgen.ErrNotLoopback) {
			t.Errorf("CheckURL(%q) = %v, want ErrNotLoopback", u, err)
		}
	}
}

// With --idle-hold the idle connections stay open that long, and the relay, which pings them,
// closes none.
func TestBenchIdleHoldReportsConnectionsKept(t *testing.T) {
	out, err := runBench(t, "--spawn", "--scenario", "c", "--idle", "3", "--idle-hold", "200ms", "--timeout", "30s")
	if err != nil {
		t.Fatalf("mobio bench: %v", err)
	}
	var got map[string]any
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("output is not one JSON line: %v\n%s", err, out)
	}
	if got["held_s"] != 0.2 || got["closed_during_hold"] != 0.0 {
		t.Errorf("got %s, want held_s 0.2 and closed_during_hold 0", out)
	}
	if v, ok := got["relay_rss_held_mb"].(float64); !ok || v <= 0 {
		t.Errorf("relay_rss_held_mb = %v, want a positive figure: %s", got["relay_rss_held_mb"], out)
	}
}
