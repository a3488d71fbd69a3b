package demo

import (
	"context"
	"fmt"
	"sync"
	"time"

	"github.com/mobio-sync/mobio/client"
)

// Events records a client's events, so that a scenario can wait for what it expects.
// [client.Config.OnEvent] must neither block nor call the client: [Events.Add] only appends
// and wakes.
type Events struct {
	mu   sync.Mutex // guards all, at and wake
	all  []client.Event
	at   []time.Time   // when each of all arrived
	wake chan struct{} // closed and replaced on every event
}

// NewEvents returns an empty record.
func NewEvents() *Events { return &Events{wake: make(chan struct{})} }

// Add records ev; it is a [client.Config.OnEvent].
func (e *Events) Add(ev client.Event) {
	e.mu.Lock()
	e.all = append(e.all, ev)
	e.at = append(e.at, time.Now())
	close(e.wake)
	e.wake = make(chan struct{})
	e.mu.Unlock()
}

// Mark returns a position in the record, for [Events.Since] and [Events.FirstSince].
func (e *Events) Mark() int {
	e.mu.Lock()
	defer e.mu.Unlock()
	return len(e.all)
}

// Since reports whether an event that ok accepts was recorded at or after position from.
func (e *Events) Since(from int, ok func(client.Event) bool) bool {
	_, found := e.FirstSince(from, ok)
	return found
}

// FirstSince returns when the first event that ok accepts at or after position from arrived.
func (e *Events) FirstSince(from int, ok func(client.Event) bool) (time.Time, bool) {
	e.mu.Lock()
	defer e.mu.Unlock()
	for i := from; i < len(e.all); i++ {
		if ok(e.all[i]) {
			return e.at[i], true
		}
	}
	return time.Time{}, false
}

// Wait returns once cond holds; cond is checked now and after every event. It fails, naming
// what, when ctx ends first.
func (e *Events) Wait(ctx context.Context, what string, cond func() bool) error {
	for {
		e.mu.Lock()
		wake := e.wake
		e.mu.Unlock()
		if cond() {
			return nil
		}
		select {
		case <-wake:
		case <-ctx.Done():
			return fmt.Errorf("waiting for %s: %w", what, ctx.Err())
		}
	}
}
