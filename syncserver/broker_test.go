package syncserver

import (
	"sync"
	"testing"

	"github.com/mobio-sync/mobio/e2ee"
)

type recorder struct {
	id  uint64
	mu  sync.Mutex
	got []Event
}

func (r *recorder) ID() uint64 { return r.id }
func (r *recorder) Deliver(ev Event) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.got = append(r.got, ev)
}
func (r *recorder) offsets() []uint64 {
	r.mu.Lock()
	defer r.mu.Unlock()
	var out []uint64
	for _, ev := range r.got {
		out = append(out, ev.Offset)
	}
	return out
}

func TestLocalBrokerFansOutToSubscribersOfTheDocumentOnly(t *testing.T) {
	b := NewLocalBroker()
	docA, docB := e2ee.DocID{1}, e2ee.DocID{2}
	a1, a2, other := &recorder{id: 1}, &recorder{id: 2}, &recorder{id: 3}
	b.Subscribe(docA, a1)
	unsub := b.Subscribe(docA, a2)
	b.Subscribe(docB, other)

	b.Publish(Event{Kind: EventEntry, Doc: docA, Offset: 1})
	b.Publish(Event{Kind: EventEphemeral, Doc: docA, Offset: 0, Origin: 1}) // not echoed to 1
	unsub()
	unsub() // idempotent
	b.Publish(Event{Kind: EventEntry, Doc: docA, Offset: 2})

	tests := []struct {
		name string
		r    *recorder
		want int
	}{
		{"first subscriber gets entries but not its own presence", a1, 2},
		{"second subscriber gets entry and presence until it leaves", a2, 2},
		{"subscriber of another document gets nothing", other, 0},
	}
	for _, tt := range tests {
		if got := len(tt.r.got); got != tt.want {
			t.Errorf("%s: got %d events, want %d", tt.name, got, tt.want)
		}
	}
	if b.Subscribers(docA) != 1 || b.Documents() != 2 {
		t.Errorf("Subscribers(docA) = %d, Documents() = %d; want 1, 2", b.Subscribers(docA), b.Documents())
	}
}

func TestLocalBrokerKeepsPublishOrderPerDocument(t *testing.T) {
	b := NewLocalBroker()
	doc := e2ee.DocID{9}
	r := &recorder{id: 1}
	b.Subscribe(doc, r)
	var wg sync.WaitGroup
	for g := 0; g < 4; g++ {
		wg.Add(1)
		go func() { // concurrent subscribers joining and leaving must not disturb delivery
			defer wg.Done()
			for i := 0; i < 100; i++ {
				b.Subscribe(doc, &recorder{id: uint64(100 + g)})()
			}
		}()
	}
	for i := uint64(1); i <= 1000; i++ {
		b.Publish(Event{Kind: EventEntry, Doc: doc, Offset: i})
	}
	wg.Wait()
	got := r.offsets()
	if len(got) != 1000 {
		t.Fatalf("got %d events, want 1000", len(got))
	}
	for i, off := range got {
		if off != uint64(i+1) {
			t.Fatalf("event %d has offset %d, want %d", i, off, i+1)
		}
	}
}
