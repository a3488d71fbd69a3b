package protocol

import (
	"fmt"
	"time"

	"github.com/mobio-sync/mobio/e2ee"
)

// The wire bodies: one struct per frame type, CBOR maps with integer keys, and the conversions
// between them and the frames (toWire on the frame, fromWire on the body). Only this file uses
// CBOR tags. Keys are never reused; a new field takes the next key, is optional (omitempty) and
// costs nothing when unset.

type wireHello struct {
	Version         uint64 `cbor:"1,keyasint"`
	Software        string `cbor:"2,keyasint"`
	SoftwareVersion string `cbor:"3,keyasint,omitempty"`
}

func (f Hello) toWire() (uint64, any, error) {
	if err := checkText(f.Software, "software name", MaxSoftwareBytes, true); err != nil {
		return 0, nil, err
	}
	if err := checkText(f.SoftwareVersion, "software version", MaxSoftwareBytes, false); err != nil {
		return 0, nil, err
	}
	return 0, wireHello{Version: uint64(f.Version), Software: f.Software, SoftwareVersion: f.SoftwareVersion}, nil
}

func (w *wireHello) fromWire(reqID uint64) (Frame, error) {
	return Hello{Version: uint(w.Version), Software: w.Software, SoftwareVersion: w.SoftwareVersion}, noReqID(reqID)
}

type wireChallenge struct {
	Nonce   []byte `cbor:"1,keyasint"`
	Time    int64  `cbor:"2,keyasint"`
	Version uint64 `cbor:"3,keyasint"`
}

func (f Challenge) toWire() (uint64, any, error) {
	if f.Nonce == [NonceSize]byte{} {
		return 0, nil, malformed("no nonce")
	}
	ms, err := timeToWire(f.Time, "time")
	if err != nil {
		return 0, nil, err
	}
	return 0, wireChallenge{Nonce: f.Nonce[:], Time: ms, Version: uint64(f.Version)}, nil
}

func (w *wireChallenge) fromWire(reqID uint64) (Frame, error) {
	if len(w.Nonce) != NonceSize {
		return nil, fmt.Errorf("nonce of %d bytes, want %d", len(w.Nonce), NonceSize)
	}
	return Challenge{Nonce: [NonceSize]byte(w.Nonce), Time: timeFromWire(w.Time), Version: uint(w.Version)}, noReqID(reqID)
}

type wireAuth struct {
	Identity  []byte `cbor:"1,keyasint"`
	Origin    string `cbor:"2,keyasint"`
	Time      int64  `cbor:"3,keyasint"`
	Signature []byte `cbor:"4,keyasint"`
}

func (f Auth) toWire() (uint64, any, error) {
	if f.Identity.IsZero() {
		return 0, nil, malformed("no identity")
	}
	if err := checkText(f.Origin, "origin", MaxOriginBytes, true); err != nil {
		return 0, nil, err
	}
	ms, err := timeToWire(f.Time, "time")
	if err != nil {
		return 0, nil, err
	}
	if err := checkSignature(f.Signature); err != nil {
		return 0, nil, err
	}
	return 0, wireAuth{Identity: f.Identity.Bytes(), Origin: f.Origin, Time: ms, Signature: f.Signature}, nil
}

func (w *wireAuth) fromWire(reqID uint64) (Frame, error) {
	id, err := e2ee.ParseIdentityPublic(w.Identity)
	if err != nil {
		return nil, fmt.Errorf("identity: %w", err)
	}
	return Auth{Identity: id, Origin: w.Origin, Time: timeFromWire(w.Time), Signature: w.Signature}, noReqID(reqID)
}

type wireAuthOK struct {
	ID []byte `cbor:"1,keyasint"`
}

func (f AuthOK) toWire() (uint64, any, error) {
	if f.ID.IsZero() {
		return 0, nil, malformed("no identity ID")
	}
	return 0, wireAuthOK{ID: f.ID[:]}, nil
}

func (w *wireAuthOK) fromWire(reqID uint64) (Frame, error) {
	var id e2ee.IdentityID
	if len(w.ID) != len(id) {
		return nil, fmt.Errorf("identity ID of %d bytes, want %d", len(w.ID), len(id))
	}
	return AuthOK{ID: e2ee.IdentityID(w.ID)}, noReqID(reqID)
}

type wireSubscribe struct {
	Doc   []byte `cbor:"1,keyasint"`
	After uint64 `cbor:"2,keyasint"`
}

func (f Subscribe) toWire() (uint64, any, error) {
	if err := checkDoc(f.Doc); err != nil {
		return 0, nil, err
	}
	return f.ReqID, wireSubscribe{Doc: f.Doc[:], After: uint64(f.After)}, nil
}

func (w *wireSubscribe) fromWire(reqID uint64) (Frame, error) {
	doc, err := docFromWire(w.Doc)
	return Subscribe{ReqID: reqID, Doc: doc, After: Offset(w.After)}, err
}

type wireSubscribed struct {
	Doc      []byte `cbor:"1,keyasint"`
	Head     uint64 `cbor:"2,keyasint"`
	Snapshot uint64 `cbor:"3,keyasint,omitempty"`
	LogLen   uint64 `cbor:"4,keyasint"`
}

func (f Subscribed) toWire() (uint64, any, error) {
	if err := checkDoc(f.Doc); err != nil {
		return 0, nil, err
	}
	if f.Snapshot > f.Head {
		return 0, nil, malformed("snapshot covers offset %d beyond the head %d", f.Snapshot, f.Head)
	}
	if f.LogLen == 0 {
		return 0, nil, malformed("empty membership log")
	}
	return f.ReqID, wireSubscribed{Doc: f.Doc[:], Head: uint64(f.Head), Snapshot: uint64(f.Snapshot), LogLen: f.LogLen}, nil
}

func (w *wireSubscribed) fromWire(reqID uint64) (Frame, error) {
	doc, err := docFromWire(w.Doc)
	return Subscribed{ReqID: reqID, Doc: doc, Head: Offset(w.Head), Snapshot: Offset(w.Snapshot), LogLen: w.LogLen}, err
}

type wireUnsubscribe struct {
	Doc []byte `cbor:"1,keyasint"`
}

func (f Unsubscribe) toWire() (uint64, any, error) {
	if err := checkDoc(f.Doc); err != nil {
		return 0, nil, err
	}
	return f.ReqID, wireUnsubscribe{Doc: f.Doc[:]}, nil
}

func (w *wireUnsubscribe) fromWire(reqID uint64) (Frame, error) {
	doc, err := docFromWire(w.Doc)
	return Unsubscribe{ReqID: reqID, Doc: doc}, err
}

type wirePush struct {
	Doc      []byte `cbor:"1,keyasint"`
	Envelope []byte `cbor:"2,keyasint"`
}

func (f Push) toWire() (uint64, any, error) {
	if err := checkDoc(f.Doc); err != nil {
		return 0, nil, err
	}
	if err := checkBytes(f.Envelope, "envelope"); err != nil {
		return 0, nil, err
	}
	return f.ReqID, wirePush{Doc: f.Doc[:], Envelope: f.Envelope}, nil
}

func (w *wirePush) fromWire(reqID uint64) (Frame, error) {
	doc, err := docFromWire(w.Doc)
	return Push{ReqID: reqID, Doc: doc, Envelope: w.Envelope}, err
}

type wireAck struct {
	Doc       []byte `cbor:"1,keyasint"`
	Offset    uint64 `cbor:"2,keyasint"`
	Hash      []byte `cbor:"3,keyasint"`
	Duplicate bool   `cbor:"4,keyasint,omitempty"`
}

func (f Ack) toWire() (uint64, any, error) {
	if err := checkDoc(f.Doc); err != nil {
		return 0, nil, err
	}
	if f.Offset == 0 {
		return 0, nil, malformed("offset 0")
	}
	if f.Hash.IsZero() {
		return 0, nil, malformed("no envelope hash")
	}
	return f.ReqID, wireAck{Doc: f.Doc[:], Offset: uint64(f.Offset), Hash: f.Hash[:], Duplicate: f.Duplicate}, nil
}

func (w *wireAck) fromWire(reqID uint64) (Frame, error) {
	doc, err := docFromWire(w.Doc)
	if err != nil {
		return nil, err
	}
	h, err := hashFromWire(w.Hash, "envelope hash")
	return Ack{ReqID: reqID, Doc: doc, Offset: Offset(w.Offset), Hash: h, Duplicate: w.Duplicate}, err
}

type wireDeliver struct {
	Doc      []byte `cbor:"1,keyasint"`
	Offset   uint64 `cbor:"2,keyasint"`
	Envelope []byte `cbor:"3,keyasint"`
}

func (f Deliver) toWire() (uint64, any, error) {
	if err := checkDoc(f.Doc); err != nil {
		return 0, nil, err
	}
	if f.Offset == 0 {
		return 0, nil, malformed("offset 0")
	}
	if err := checkBytes(f.Envelope, "envelope"); err != nil {
		return 0, nil, err
	}
	return 0, wireDeliver{Doc: f.Doc[:], Offset: uint64(f.Offset), Envelope: f.Envelope}, nil
}

func (w *wireDeliver) fromWire(reqID uint64) (Frame, error) {
	doc, err := docFromWire(w.Doc)
	if err != nil {
		return nil, err
	}
	return Deliver{Doc: doc, Offset: Offset(w.Offset), Envelope: w.Envelope}, noReqID(reqID)
}

type wireSnapshotPut struct {
	Doc      []byte `cbor:"1,keyasint"`
	Covers   uint64 `cbor:"2,keyasint"`
	Envelope []byte `cbor:"3,keyasint"`
}

func (f SnapshotPut) toWire() (uint64, any, error) {
	if err := checkSnapshot(f.Doc, f.Covers, f.Envelope); err != nil {
		return 0, nil, err
	}
	return f.ReqID, wireSnapshotPut{Doc: f.Doc[:], Covers: uint64(f.Covers), Envelope: f.Envelope}, nil
}

func (w *wireSnapshotPut) fromWire(reqID uint64) (Frame, error) {
	doc, err := docFromWire(w.Doc)
	return SnapshotPut{ReqID: reqID, Doc: doc, Covers: Offset(w.Covers), Envelope: w.Envelope}, err
}

type wireSnapshotDeliver struct {
	Doc      []byte `cbor:"1,keyasint"`
	Covers   uint64 `cbor:"2,keyasint"`
	Envelope []byte `cbor:"3,keyasint"`
}

func (f SnapshotDeliver) toWire() (uint64, any, error) {
	if err := checkSnapshot(f.Doc, f.Covers, f.Envelope); err != nil {
		return 0, nil, err
	}
	return 0, wireSnapshotDeliver{Doc: f.Doc[:], Covers: uint64(f.Covers), Envelope: f.Envelope}, nil
}

func (w *wireSnapshotDeliver) fromWire(reqID uint64) (Frame, error) {
	doc, err := docFromWire(w.Doc)
	if err != nil {
		return nil, err
	}
	return SnapshotDeliver{Doc: doc, Covers: Offset(w.Covers), Envelope: w.Envelope}, noReqID(reqID)
}

func checkSnapshot(doc e2ee.DocID, covers Offset, envelope []byte) error {
	if err := checkDoc(doc); err != nil {
		return err
	}
	if covers == 0 {
		return malformed("snapshot covers offset 0")
	}
	return checkBytes(envelope, "envelope")
}

type wireEphemeral struct {
	Doc      []byte `cbor:"1,keyasint"`
	Envelope []byte `cbor:"2,keyasint"`
}

func (f Ephemeral) toWire() (uint64, any, error) {
	if err := checkDoc(f.Doc); err != nil {
		return 0, nil, err
	}
	if err := checkBytes(f.Envelope, "envelope"); err != nil {
		return 0, nil, err
	}
	return 0, wireEphemeral{Doc: f.Doc[:], Envelope: f.Envelope}, nil
}

func (w *wireEphemeral) fromWire(reqID uint64) (Frame, error) {
	doc, err := docFromWire(w.Doc)
	if err != nil {
		return nil, err
	}
	return Ephemeral{Doc: doc, Envelope: w.Envelope}, noReqID(reqID)
}

type wireOpPush struct {
	Doc []byte `cbor:"1,keyasint,omitempty"` // absent for a genesis
	Op  []byte `cbor:"2,keyasint"`
}

func (f OpPush) toWire() (uint64, any, error) {
	if err := checkBytes(f.Op, "operation"); err != nil {
		return 0, nil, err
	}
	return f.ReqID, wireOpPush{Doc: optDocToWire(f.Doc), Op: f.Op}, nil
}

func (w *wireOpPush) fromWire(reqID uint64) (Frame, error) {
	doc, err := optDocFromWire(w.Doc)
	return OpPush{ReqID: reqID, Doc: doc, Op: w.Op}, err
}

type wireOpAck struct {
	Doc []byte `cbor:"1,keyasint"`
	Seq uint64 `cbor:"2,keyasint"`
}

func (f OpAck) toWire() (uint64, any, error) {
	if err := checkDoc(f.Doc); err != nil {
		return 0, nil, err
	}
	if f.Seq == 0 {
		return 0, nil, malformed("operation sequence number 0")
	}
	return f.ReqID, wireOpAck{Doc: f.Doc[:], Seq: f.Seq}, nil
}

func (w *wireOpAck) fromWire(reqID uint64) (Frame, error) {
	doc, err := docFromWire(w.Doc)
	return OpAck{ReqID: reqID, Doc: doc, Seq: w.Seq}, err
}

type wireOpDeliver struct {
	Doc []byte `cbor:"1,keyasint"`
	Seq uint64 `cbor:"2,keyasint"`
	Op  []byte `cbor:"3,keyasint"`
}

func (f OpDeliver) toWire() (uint64, any, error) {
	if err := checkDoc(f.Doc); err != nil {
		return 0, nil, err
	}
	if f.Seq == 0 {
		return 0, nil, malformed("operation sequence number 0")
	}
	if err := checkBytes(f.Op, "operation"); err != nil {
		return 0, nil, err
	}
	return 0, wireOpDeliver{Doc: f.Doc[:], Seq: f.Seq, Op: f.Op}, nil
}

func (w *wireOpDeliver) fromWire(reqID uint64) (Frame, error) {
	doc, err := docFromWire(w.Doc)
	if err != nil {
		return nil, err
	}
	return OpDeliver{Doc: doc, Seq: w.Seq, Op: w.Op}, noReqID(reqID)
}

type wireLogFetch struct {
	Doc   []byte `cbor:"1,keyasint"`
	After uint64 `cbor:"2,keyasint"`
}

func (f LogFetch) toWire() (uint64, any, error) {
	if err := checkDoc(f.Doc); err != nil {
		return 0, nil, err
	}
	return f.ReqID, wireLogFetch{Doc: f.Doc[:], After: f.After}, nil
}

func (w *wireLogFetch) fromWire(reqID uint64) (Frame, error) {
	doc, err := docFromWire(w.Doc)
	return LogFetch{ReqID: reqID, Doc: doc, After: w.After}, err
}

type wireLogEntries struct {
	Doc  []byte   `cbor:"1,keyasint"`
	Ops  [][]byte `cbor:"2,keyasint,omitempty"`
	More bool     `cbor:"3,keyasint,omitempty"`
}

func (f LogEntries) toWire() (uint64, any, error) {
	if err := checkDoc(f.Doc); err != nil {
		return 0, nil, err
	}
	if len(f.Ops) > MaxOpsPerFrame {
		return 0, nil, malformed("%d operations, limit %d", len(f.Ops), MaxOpsPerFrame)
	}
	if f.More && len(f.Ops) == 0 {
		return 0, nil, malformed("more operations promised after none")
	}
	for i, op := range f.Ops {
		if len(op) == 0 {
			return 0, nil, malformed("operation %d is empty", i)
		}
	}
	return f.ReqID, wireLogEntries{Doc: f.Doc[:], Ops: f.Ops, More: f.More}, nil
}

func (w *wireLogEntries) fromWire(reqID uint64) (Frame, error) {
	doc, err := docFromWire(w.Doc)
	return LogEntries{ReqID: reqID, Doc: doc, Ops: w.Ops, More: w.More}, err
}

type wireInviteFetch struct {
	Doc   []byte `cbor:"1,keyasint"`
	Proof []byte `cbor:"2,keyasint"`
}

func (f InviteFetch) toWire() (uint64, any, error) {
	if err := checkDoc(f.Doc); err != nil {
		return 0, nil, err
	}
	if len(f.Proof) == 0 || len(f.Proof) > MaxInviteProofBytes {
		return 0, nil, malformed("invite proof of %d bytes, want 1 to %d", len(f.Proof), MaxInviteProofBytes)
	}
	return f.ReqID, wireInviteFetch{Doc: f.Doc[:], Proof: f.Proof}, nil
}

func (w *wireInviteFetch) fromWire(reqID uint64) (Frame, error) {
	doc, err := docFromWire(w.Doc)
	return InviteFetch{ReqID: reqID, Doc: doc, Proof: w.Proof}, err
}

type wireErase struct {
	Doc       []byte `cbor:"1,keyasint"`
	Head      []byte `cbor:"2,keyasint"`
	Signature []byte `cbor:"3,keyasint"`
}

func (f Erase) toWire() (uint64, any, error) {
	if err := checkDoc(f.Doc); err != nil {
		return 0, nil, err
	}
	if f.Head.IsZero() {
		return 0, nil, malformed("no membership log head")
	}
	if err := checkSignature(f.Signature); err != nil {
		return 0, nil, err
	}
	return f.ReqID, wireErase{Doc: f.Doc[:], Head: f.Head[:], Signature: f.Signature}, nil
}

func (w *wireErase) fromWire(reqID uint64) (Frame, error) {
	doc, err := docFromWire(w.Doc)
	if err != nil {
		return nil, err
	}
	head, err := hashFromWire(w.Head, "membership log head")
	return Erase{ReqID: reqID, Doc: doc, Head: head, Signature: w.Signature}, err
}

type wireErased struct {
	Doc []byte `cbor:"1,keyasint"`
}

func (f Erased) toWire() (uint64, any, error) {
	if err := checkDoc(f.Doc); err != nil {
		return 0, nil, err
	}
	return f.ReqID, wireErased{Doc: f.Doc[:]}, nil
}

func (w *wireErased) fromWire(reqID uint64) (Frame, error) {
	doc, err := docFromWire(w.Doc)
	return Erased{ReqID: reqID, Doc: doc}, err
}

type wireError struct {
	Code       Code   `cbor:"1,keyasint"`
	Message    string `cbor:"2,keyasint,omitempty"`
	Doc        []byte `cbor:"3,keyasint,omitempty"`
	RetryAfter uint64 `cbor:"4,keyasint,omitempty"` // milliseconds
}

func (f Error) toWire() (uint64, any, error) {
	if f.Code == 0 {
		return 0, nil, malformed("error code 0")
	}
	if err := checkText(f.Message, "error message", MaxErrorMessageBytes, false); err != nil {
		return 0, nil, err
	}
	if f.RetryAfter < 0 || f.RetryAfter > maxRetryAfter {
		return 0, nil, malformed("retry after %v, want 0 to %v", f.RetryAfter, maxRetryAfter)
	}
	// Round up, so that a short wait does not become no wait.
	ms := uint64((f.RetryAfter + time.Millisecond - 1) / time.Millisecond)
	return f.ReqID, wireError{Code: f.Code, Message: f.Message, Doc: optDocToWire(f.Doc), RetryAfter: ms}, nil
}

func (w *wireError) fromWire(reqID uint64) (Frame, error) {
	doc, err := optDocFromWire(w.Doc)
	if err != nil {
		return nil, err
	}
	if w.RetryAfter > uint64(maxRetryAfter/time.Millisecond) {
		return nil, fmt.Errorf("retry after %d ms, limit %d", w.RetryAfter, maxRetryAfter/time.Millisecond)
	}
	return Error{ReqID: reqID, Code: w.Code, Message: w.Message, Doc: doc, RetryAfter: time.Duration(w.RetryAfter) * time.Millisecond}, nil
}

type wireCaughtUp struct {
	Doc    []byte `cbor:"1,keyasint"`
	Offset uint64 `cbor:"2,keyasint"`
}

func (f CaughtUp) toWire() (uint64, any, error) {
	if err := checkDoc(f.Doc); err != nil {
		return 0, nil, err
	}
	return 0, wireCaughtUp{Doc: f.Doc[:], Offset: uint64(f.Offset)}, nil
}

func (w *wireCaughtUp) fromWire(reqID uint64) (Frame, error) {
	doc, err := docFromWire(w.Doc)
	if err != nil {
		return nil, err
	}
	return CaughtUp{Doc: doc, Offset: Offset(w.Offset)}, noReqID(reqID)
}
