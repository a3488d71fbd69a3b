package loadgen

import (
	"errors"
	"testing"
	"time"
)

func TestCheckURLAcceptsOnly127001WithPort(t *testing.T) {
	tests := []struct {
		url string
		ok  bool
	}{
		{"ws://127.0.0.1:8080/sync", true},
		{"ws://127.0.0.1:1/", true},
		{"ws://127.0.0.1/sync", false},
		{"ws://localhost:8080/sync", false},
		{"ws://[::1]:8080/sync", false},
		{"ws://127.0.0.2:8080/sync", false},
		{"wss://127.0.0.1:8080/sync", false},
		{"http://127.0.0.1:8080/sync", false},
		{"ws://relay.example:80/sync", false},
	}
	for _, tt := range tests {
		err := CheckURL(tt.url)
		if tt.ok && err != nil {
			t.Errorf("CheckURL(%q) = %v, want nil", tt.url, err)
		}
		if !tt.ok && !errors.Is(err, ErrNotLoopback) {
			t.Errorf("CheckURL(%q) = %v, want ErrNotLoopback", tt.url, err)
		}
	}
}

func TestLoopbackDialerRefusesOtherHosts(t *testing.T) {
	for _, addr := range []string{"10.0.0.1:80", "localhost:80", "[::1]:80"} {
		if isLoopback(addr) {
			t.Errorf("isLoopback(%q) = true, want false", addr)
		}
	}
	if !isLoopback("127.0.0.1:80") {
		t.Error("isLoopback(127.0.0.1:80) = false, want true")
	}
}

func TestPctIsNearestRank(t *testing.T) {
	ms := func(n int) time.Duration { return time.Duration(n) * time.Millisecond }
	var hundred []time.Duration
	for i := 1; i <= 100; i++ {
		hundred = append(hundred, ms(i))
	}
	tests := []struct {
		name   string
		sorted []time.Duration
		q      float64
		want   time.Duration
	}{
		{"none", nil, 0.5, 0},
		{"one", []time.Duration{ms(7)}, 0.99, ms(7)},
		{"median of 100", hundred, 0.50, ms(50)},
		{"p99 of 100", hundred, 0.99, ms(99)},
		{"max of 100", hundred, 1, ms(100)},
		{"p0 of 100", hundred, 0, ms(1)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := pct(tt.sorted, tt.q); got != tt.want {
				t.Errorf("pct(%v) = %v, want %v", tt.q, got, tt.want)
			}
		})
	}
}
