package syncserver

import (
	"sync"

	"github.com/mobio-sync/mobio/e2ee"
)

// EventKind says what an Event carries.
type EventKind uint8

// Event kinds.
const (
	EventEntry     EventKind = iota + 1 // a stored envelope at Offset
	EventEphemeral                      // a presence envelope: relayed, never stored
	EventOp                             // a membership operation at Offset (its log sequence)
	EventErased                         // the document was erased
)

// Event is something new in a document that its subscribers must hear about.
type Event struct {
	Kind   EventKind
	Doc    e2ee.DocID
	Offset uint64
	Data   []byte // envelope or signed operation bytes; never decrypted here
	// Origin identifies the connection that caused the event, so that ephemeral envelopes are
	// not echoed to their sender. Zero for events without one.
	Origin uint64
}

// Subscriber receives events of the documents it subscribed to.
type Subscriber interface {
	// ID identifies the subscriber, compared with Event.Origin.
	ID() uint64
	// Deliver queues ev for sending. It must not block: a subscriber whose queue is full
	// handles that itself (the relay disconnects slow consumers with a resumable cursor).
	Deliver(ev Event)
}

// Broker fans out events of a document to its subscribers. The in-process [LocalBroker] is the
// default; a broker over a message bus lets several relays share documents. Implementations
// are safe for concurrent use.
type Broker interface {
	// Publish hands ev to every subscriber of ev.Doc, in the order Publish is called for that
	// document, skipping the subscriber whose ID is ev.Origin for ephemeral events.
	Publish(ev Event)
	// Subscribe adds s to the subscribers of doc; the returned function removes it.
	Subscribe(doc e2ee.DocID, s Subscriber) (unsubscribe func())
}

// LocalBroker is a Broker within one process.
type LocalBroker struct {
	mu   sync.RWMutex // guards subs
	subs map[e2ee.DocID]map[Subscriber]struct{}
}

// NewLocalBroker returns an empty broker.
func NewLocalBroker() *LocalBroker {
	return &LocalBroker{subs: make(map[e2ee.DocID]map[Subscriber]struct{})}
}

// Publish implements Broker. Delivery happens under the read lock, so that two Publish calls
// for one document that the caller orders (the store's commit order) reach each subscriber in
// that order; Deliver does not block, so the lock is held briefly.
func (b *LocalBroker) Publish(ev Event) {
	b.mu.RLock()
	defer b.mu.RUnlock()
	for s := range b.subs[ev.Doc] {
		if ev.Kind == EventEphemeral && ev.Origin != 0 && s.ID() == ev.Origin {
			continue
		}
		s.Deliver(ev)
	}
}

// Subscribe implements Broker.
func (b *LocalBroker) Subscribe(doc e2ee.DocID, s Subscriber) func() {
	b.mu.Lock()
	defer b.mu.Unlock()
	m := b.subs[doc]
	if m == nil {
		m = make(map[Subscriber]struct{})
		b.subs[doc] = m
	}
	m[s] = struct{}{}
	var once sync.Once
	return func() {
		once.Do(func() {
			b.mu.Lock()
			defer b.mu.Unlock()
			delete(b.subs[doc], s)
			if len(b.subs[doc]) == 0 {
				delete(b.subs, doc)
			}
		})
	}
}

// Subscribers returns how many subscriptions doc has, for metrics and tests.
func (b *LocalBroker) Subscribers(doc e2ee.DocID) int {
	b.mu.RLock()
	defer b.mu.RUnlock()
	return len(b.subs[doc])
}

// Documents returns how many documents have subscribers.
func (b *LocalBroker) Documents() int {
	b.mu.RLock()
	defer b.mu.RUnlock()
	return len(b.subs)
}
