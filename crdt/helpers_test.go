package crdt

import (
	"math/rand/v2"
	"testing"
	"time"
)

// testClock is the fixed time of test documents, so that their bytes are reproducible.
var testTime = time.Date(2026, 11, 2, 9, 30, 0, 0, time.UTC)

func testClock() time.Time { return testTime }

// newTestBiography returns an empty biography with a fixed clock, actor and ID source.
func newTestBiography(t testing.TB, opts ...Option) *Biography {
	t.Helper()
	base := []Option{WithClock(testClock), WithRand(rand.NewChaCha8([32]byte{1})), WithActor("aa01")}
	b, err := New(append(base, opts...)...)
	if err != nil {
		t.Fatal(err)
	}
	return b
}
