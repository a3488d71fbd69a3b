package protocol

import (
	"fmt"
	"time"

	"github.com/mobio-sync/mobio/e2ee"
)

// Type is the kind of a frame, the first element of its wire form.
type Type uint16

// Frame types. Do not reorder or reuse; add at the end. Zero is no type.
const (
	TypeHello           Type = 1
	TypeChallenge       Type = 2
	TypeAuth            Type = 3
	TypeAuthOK          Type = 4
	TypeSubscribe       Type = 5
	TypeSubscribed      Type = 6
	TypeUnsubscribe     Type = 7
	TypePush            Type = 8
	TypeAck             Type = 9
	TypeDeliver         Type = 10
	TypeSnapshotPut     Type = 11
	TypeSnapshotDeliver Type = 12
	TypeEphemeral       Type = 13
	TypeOpPush          Type = 14
	TypeOpAck           Type = 15
	TypeOpDeliver       Type = 16
	TypeLogFetch        Type = 17
	TypeLogEntries      Type = 18
	TypeInviteFetch     Type = 19
	TypeErase           Type = 20
	TypeErased          Type = 21
	TypeError           Type = 22
	TypeCaughtUp        Type = 23

	// lastType is the highest type this version knows.
	lastType = TypeCaughtUp
)

var typeNames = [...]string{
	TypeHello:           "hello",
	TypeChallenge:       "challenge",
	TypeAuth:            "auth",
	TypeAuthOK:          "auth-ok",
	TypeSubscribe:       "subscribe",
	TypeSubscribed:      "subscribed",
	TypeUnsubscribe:     "unsubscribe",
	TypePush:            "push",
	TypeAck:             "ack",
	TypeDeliver:         "deliver",
	TypeSnapshotPut:     "snapshot-put",
	TypeSnapshotDeliver: "snapshot-deliver",
	TypeEphemeral:       "ephemeral",
	TypeOpPush:          "op-push",
	TypeOpAck:           "op-ack",
	TypeOpDeliver:       "op-deliver",
	TypeLogFetch:        "log-fetch",
	TypeLogEntries:      "log-entries",
	TypeInviteFetch:     "invite-fetch",
	TypeErase:           "erase",
	TypeErased:          "erased",
	TypeError:           "error",
	TypeCaughtUp:        "caught-up",
}

// String returns the type's name, such as "snapshot-put", or "type(N)" for an unknown type.
func (t Type) String() string {
	if t.Known() {
		return typeNames[t]
	}
	return fmt.Sprintf("type(%d)", uint16(t))
}

// Known reports whether this version defines t.
func (t Type) Known() bool { return t >= TypeHello && t <= lastType }

// Frame is one message of the protocol: one of the frame types of this package ([Hello],
// [Push], [Error], …), each a plain struct. [Encode] writes one and [Decode] reads one; code
// outside this package never sees the wire form. Only this package implements Frame.
type Frame interface {
	// Type returns the frame's type.
	Type() Type
	// toWire checks the frame and returns its request ID and wire body.
	toWire() (reqID uint64, body any, err error)
}

// Offset is the relay's position of an entry in a document's log, from 1, without gaps; the
// relay assigns it when it stores the entry. Zero means "none" or "before the first entry".
type Offset uint64

// Hello opens a session (client → relay): the protocol version the client speaks and its
// software, for the relay's log.
type Hello struct {
	Version         uint   // the client's protocol version, see [Negotiate]
	Software        string // such as "mobio-web"; required
	SoftwareVersion string // optional
}

// Challenge answers [Hello] (relay → client): a fresh nonce to sign, the relay's clock and the
// protocol version the session speaks.
type Challenge struct {
	Nonce   [NonceSize]byte
	Time    time.Time // the relay's clock, at millisecond precision
	Version uint      // the session's version, see [Negotiate] and [CheckVersion]
}

// Auth authenticates the connection as an identity (client → relay): the identity's signature
// over [AuthMessage] of the challenge's nonce, the origin the client believes it talks to, and
// the client's clock. See [VerifyAuth].
type Auth struct {
	Identity  e2ee.IdentityPublic
	Origin    string    // the relay's URL as the client dialled it, such as "wss://relay.example"
	Time      time.Time // the client's clock, at millisecond precision
	Signature []byte    // Ed25519, 64 bytes
}

// AuthOK accepts [Auth] (relay → client): the connection acts as the identity from now on.
type AuthOK struct {
	ID e2ee.IdentityID
}

// Subscribe asks for a document's entries after offset After (client → relay). The relay
// answers with [Subscribed], then sends the newest snapshot when After is behind it
// ([SnapshotDeliver]), the stored entries after that ([Deliver]), [CaughtUp], and live entries.
type Subscribe struct {
	ReqID uint64
	Doc   e2ee.DocID
	After Offset // 0 for everything
}

// Subscribed answers [Subscribe] (relay → client): the document's state at subscription.
type Subscribed struct {
	ReqID    uint64
	Doc      e2ee.DocID
	Head     Offset // the offset of the newest entry; 0 for none
	Snapshot Offset // the offset the newest snapshot covers; 0 for none
	LogLen   uint64 // operations in the membership log; fetch newer ones with [LogFetch]
}

// Unsubscribe ends a subscription (client → relay).
type Unsubscribe struct {
	ReqID uint64
	Doc   e2ee.DocID
}

// Push stores an update envelope (client → relay). The relay answers with [Ack] once the entry
// is durably stored, or with [Error].
type Push struct {
	ReqID    uint64
	Doc      e2ee.DocID
	Envelope []byte // e2ee envelope, exact bytes
}

// Ack acknowledges [Push] or [SnapshotPut] (relay → client) after the entry is durably stored.
type Ack struct {
	ReqID     uint64
	Doc       e2ee.DocID
	Offset    Offset    // the entry's offset; for a snapshot the offset it covers
	Hash      e2ee.Hash // SHA-256 of the envelope's exact bytes
	Duplicate bool      // the envelope was stored before; it is stored once
}

// Deliver sends one stored or live entry to a subscriber (relay → client).
type Deliver struct {
	Doc      e2ee.DocID
	Offset   Offset
	Envelope []byte
}

// SnapshotPut uploads an encrypted snapshot covering the log up to Covers (client → relay).
// The relay answers with [Ack].
type SnapshotPut struct {
	ReqID    uint64
	Doc      e2ee.DocID
	Covers   Offset
	Envelope []byte
}

// SnapshotDeliver sends the newest snapshot to a subscriber behind it (relay → client).
type SnapshotDeliver struct {
	Doc      e2ee.DocID
	Covers   Offset
	Envelope []byte
}

// Ephemeral carries an ephemeral envelope (presence), in both directions: the relay passes it
// to the document's other subscribers and never stores it.
type Ephemeral struct {
	Doc      e2ee.DocID
	Envelope []byte
}

// OpPush appends a signed membership operation to a document's log (client → relay). Doc is
// zero for a genesis operation, which creates the document. The relay answers with [OpAck],
// or with [CodeStaleHead] when another operation came first.
type OpPush struct {
	ReqID uint64
	Doc   e2ee.DocID
	Op    []byte // e2ee signed operation, exact bytes
}

// OpAck acknowledges [OpPush] (relay → client): the document (the new one for a genesis) and
// the operation's sequence number in the log.
type OpAck struct {
	ReqID uint64
	Doc   e2ee.DocID
	Seq   uint64
}

// OpDeliver sends a new membership operation to a subscriber (relay → client).
type OpDeliver struct {
	Doc e2ee.DocID
	Seq uint64
	Op  []byte
}

// LogFetch asks for the membership operations after sequence number After (client → relay).
// The relay answers with [LogEntries].
type LogFetch struct {
	ReqID uint64
	Doc   e2ee.DocID
	After uint64 // 0 for the whole log
}

// LogEntries answers [LogFetch] and [InviteFetch] (relay → client): operations in log order,
// at most [MaxOpsPerFrame]; More says that further operations follow in another fetch.
type LogEntries struct {
	ReqID uint64
	Doc   e2ee.DocID
	Ops   [][]byte
	More  bool
}

// InviteFetch asks for the membership log of a document the client is invited to but not yet
// a member of (client → relay). Proof is the ID proof the invite secret derives; the relay
// checks it against the invite's verifier and answers with [LogEntries], so that the invitee
// can build its redemption.
type InviteFetch struct {
	ReqID uint64
	Doc   e2ee.DocID
	Proof []byte
}

// Erase erases a document (owner → relay): its entries, snapshots, lockboxes, invites and
// blobs go; the tombstone (document, log head and signature) remains, so that a replica that
// was offline cannot bring the document back. See [EraseMessage] and [VerifyErase].
type Erase struct {
	ReqID     uint64
	Doc       e2ee.DocID
	Head      e2ee.Hash // the membership log's head the owner saw
	Signature []byte    // Ed25519 over [EraseMessage], 64 bytes
}

// Erased confirms an erasure (relay → client): to the owner in answer to [Erase], and to every
// other subscriber of the document.
type Erased struct {
	ReqID uint64
	Doc   e2ee.DocID
}

// CaughtUp marks the end of the stored entries of a subscription (relay → client): entries up
// to Offset were delivered, and everything after it comes live, without gap or duplicate.
type CaughtUp struct {
	Doc    e2ee.DocID
	Offset Offset
}

// Type implements [Frame].
func (Hello) Type() Type { return TypeHello }

// Type implements [Frame].
func (Challenge) Type() Type { return TypeChallenge }

// Type implements [Frame].
func (Auth) Type() Type { return TypeAuth }

// Type implements [Frame].
func (AuthOK) Type() Type { return TypeAuthOK }

// Type implements [Frame].
func (Subscribe) Type() Type { return TypeSubscribe }

// Type implements [Frame].
func (Subscribed) Type() Type { return TypeSubscribed }

// Type implements [Frame].
func (Unsubscribe) Type() Type { return TypeUnsubscribe }

// Type implements [Frame].
func (Push) Type() Type { return TypePush }

// Type implements [Frame].
func (Ack) Type() Type { return TypeAck }

// Type implements [Frame].
func (Deliver) Type() Type { return TypeDeliver }

// Type implements [Frame].
func (SnapshotPut) Type() Type { return TypeSnapshotPut }

// Type implements [Frame].
func (SnapshotDeliver) Type() Type { return TypeSnapshotDeliver }

// Type implements [Frame].
func (Ephemeral) Type() Type { return TypeEphemeral }

// Type implements [Frame].
func (OpPush) Type() Type { return TypeOpPush }

// Type implements [Frame].
func (OpAck) Type() Type { return TypeOpAck }

// Type implements [Frame].
func (OpDeliver) Type() Type { return TypeOpDeliver }

// Type implements [Frame].
func (LogFetch) Type() Type { return TypeLogFetch }

// Type implements [Frame].
func (LogEntries) Type() Type { return TypeLogEntries }

// Type implements [Frame].
func (InviteFetch) Type() Type { return TypeInviteFetch }

// Type implements [Frame].
func (Erase) Type() Type { return TypeErase }

// Type implements [Frame].
func (Erased) Type() Type { return TypeErased }

// Type implements [Frame].
func (Error) Type() Type { return TypeError }

// Type implements [Frame].
func (CaughtUp) Type() Type { return TypeCaughtUp }
