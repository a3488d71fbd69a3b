// Package client is mobio's sync engine: it keeps documents in a local [Store], seals every
// local change into the document's end-to-end encrypted log, pushes it to the relay when a
// connection exists, and verifies, opens and applies what the relay delivers.
//
// The engine is CRDT-agnostic: it moves change bytes through the small [Doc] interface, which
// the biography (package crdt) satisfies natively and the browser satisfies in JavaScript.
//
// Offline first: [Client.Edit] commits the change and its sealed envelope to the store before
// it returns, so that no edit is lost when the process dies; [Client.Run] keeps a connection
// to the relay, pushes the outbox and applies remote changes, reconnecting with backoff and
// jitter. Everything from the relay is verified (signature, membership, each author's chain)
// before it is applied; what does not verify is reported as an [Event] and never applied.
package client

import (
	"errors"
	"log/slog"
	"net/http"
	"time"

	"github.com/mobio-sync/mobio/e2ee"
	"github.com/mobio-sync/mobio/e2ee/keyring"
	"github.com/mobio-sync/mobio/protocol"
)

// Doc is a replica of a document's content. The client calls it only while it holds the
// document's lock, so implementations need no locking of their own for the client's sake.
type Doc interface {
	// Save returns the whole document.
	Save() []byte
	// SaveIncremental returns the changes made since the last Save or SaveIncremental, or
	// nothing when there are none.
	SaveIncremental() []byte
	// LoadIncremental applies changes or a whole document saved by any replica; applying
	// what is applied already changes nothing.
	LoadIncremental(data []byte) error
	// Heads identifies the document's state: equal heads, equal documents.
	Heads() []string
}

// DocFactory makes a Doc from saved bytes, or an empty Doc when data is nil.
type DocFactory func(data []byte) (Doc, error)

// Sentinel errors callers branch on.
var (
	// ErrOffline: the operation needs the relay and there is no connection.
	ErrOffline = errors.New("client: not connected to the relay")
	// ErrClosed: the client was closed.
	ErrClosed = errors.New("client: closed")
	// ErrNotMember: this identity is not (or no longer) a member of the document.
	ErrNotMember = errors.New("client: not a member of the document")
	// ErrReadOnly: this identity's role may not change the document.
	ErrReadOnly = errors.New("client: read-only member")
	// ErrErased: the owner erased the document.
	ErrErased = errors.New("client: document erased")
)

// Config configures a [Client].
type Config struct {
	// Identity signs and opens everything; required.
	Identity *keyring.Identity
	// Store keeps the local replicas; required.
	Store Store
	// NewDoc makes document replicas; required.
	NewDoc DocFactory
	// Relay is the relay's WebSocket URL, such as "wss://relay.example/sync"; empty for a
	// client that never connects.
	Relay string
	// HTTPClient carries attachment transfers; nil for http.DefaultClient.
	HTTPClient *http.Client
	// Software names the application in the relay's log, such as "mobio-cli".
	Software string
	// SnapshotEvery is how many entries since the last snapshot make the client upload a new
	// one; 0 for 500, negative for never.
	SnapshotEvery int
	// CompactEvery is how many changes since the last compaction make the client rewrite the
	// local content; 0 for 200.
	CompactEvery int
	// OnEvent, when set, is called for every event, in order, from the client's goroutines; it
	// must not block and must not call the client.
	OnEvent func(Event)
	// Logger receives the client's logs, which never contain content or keys; nil discards.
	Logger *slog.Logger
	// Now is the clock; nil for time.Now.
	Now func() time.Time
	// MinBackoff and MaxBackoff bound the wait between connection attempts (with jitter);
	// 0 for 250 ms and 30 s.
	MinBackoff, MaxBackoff time.Duration
}

// EventKind is what an [Event] reports.
type EventKind int

// Event kinds.
const (
	// EventConnected: the client authenticated with the relay.
	EventConnected EventKind = iota + 1
	// EventDisconnected: the connection ended; Err says why. The client reconnects.
	EventDisconnected
	// EventRemoteChange: changes from other members were applied to Doc; Author is the last
	// one's author.
	EventRemoteChange
	// EventSynced: Doc is caught up with the relay and its outbox is empty; Pending is 0.
	EventSynced
	// EventOutbox: the number of unacknowledged local changes of Doc is now Pending.
	EventOutbox
	// EventMembership: Doc's membership changed (someone joined, left, was removed, or the
	// epoch rotated).
	EventMembership
	// EventPresence: the presence of Doc's other members changed; see [Client.Peers].
	EventPresence
	// EventSecurity: something from the relay did not verify or was out of order; Err wraps
	// the cause (e2ee.ErrBadSignature, e2ee.ErrFork, e2ee.ErrReplay, e2ee.ErrGap, withholding)
	// and nothing of it was applied.
	EventSecurity
	// EventRemoved: this identity is no longer a member of Doc.
	EventRemoved
	// EventErased: the owner erased Doc.
	EventErased
	// EventRefused: the relay refused something; Err is a *protocol.Error.
	EventRefused
)

var eventNames = [...]string{
	EventConnected:    "connected",
	EventDisconnected: "disconnected",
	EventRemoteChange: "remote-change",
	EventSynced:       "synced",
	EventOutbox:       "outbox",
	EventMembership:   "membership",
	EventPresence:     "presence",
	EventSecurity:     "security",
	EventRemoved:      "removed",
	EventErased:       "erased",
	EventRefused:      "refused",
}

// String returns the kind's name, such as "remote-change".
func (k EventKind) String() string {
	if k > 0 && int(k) < len(eventNames) {
		return eventNames[k]
	}
	return "event(?)"
}

// Event is something that happened in the client.
type Event struct {
	Kind    EventKind
	Doc     e2ee.DocID      // zero for connection events
	Author  e2ee.IdentityID // for EventRemoteChange and EventSecurity, when known
	Pending int             // for EventOutbox and EventSynced
	Err     error           // for EventDisconnected, EventSecurity and EventRefused
}

// DocInfo describes a local document.
type DocInfo struct {
	ID      e2ee.DocID
	Title   string
	Role    e2ee.Role // this identity's role at the current epoch; 0 when not a member
	Epoch   e2ee.Epoch
	Members int
	Pending int             // local changes and operations not yet acknowledged by the relay
	Cursor  protocol.Offset // relay offset applied
	Created bool            // false while the relay has not acknowledged the document
}

// MemberInfo is a member of a document at the current epoch.
type MemberInfo struct {
	Identity e2ee.IdentityPublic
	Role     e2ee.Role
	Me       bool
}

// Peer is another member's presence on a document.
type Peer struct {
	ID    e2ee.IdentityID
	Field string    // the field the peer is on, such as "person.given_names"; empty when none
	Seen  time.Time // when the peer last announced itself
}

// Status is the client's connection state.
type Status struct {
	Connected bool
	Pending   int // local changes and operations waiting for the relay, over all documents
}

// Progress reports a transfer: done of total bytes.
type Progress func(done, total int64)
