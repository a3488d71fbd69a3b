package protocol

import (
	"bytes"
	"fmt"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/fxamacker/cbor/v2"
	"github.com/mobio-sync/mobio/e2ee"
)

// Frames are written by e2ee.MarshalCanonical, like every signed format of mobio. They are read
// in two steps (the body stays raw until the type is known), so the decoder is protocol's own.
// decMode reads CBOR strictly: no duplicate map keys, no indefinite lengths, no tags, no
// unknown fields, valid UTF-8, bounded nesting and counts. [Decode] checks the frame's size
// before it parses, and the decoder checks that the input is well formed before it allocates,
// so a frame cannot make the decoder allocate much more than its own size.
var decMode = func() cbor.DecMode {
	m, err := cbor.DecOptions{
		DupMapKey:         cbor.DupMapKeyEnforcedAPF,
		IndefLength:       cbor.IndefLengthForbidden,
		TagsMd:            cbor.TagsForbidden,
		MaxNestedLevels:   8,
		MaxArrayElements:  MaxOpsPerFrame,
		MaxMapPairs:       64,
		ExtraReturnErrors: cbor.ExtraDecErrorUnknownField,
		UTF8:              cbor.UTF8RejectInvalid,
	}.DecMode()
	if err != nil {
		panic(err)
	}
	return m
}()

// wireFrame is the wire form of every frame: [type, request ID, body].
type wireFrame struct {
	_     struct{} `cbor:",toarray"`
	Type  Type
	ReqID uint64
	Body  any
}

// rawFrame is wireFrame as [Decode] reads it: the body stays raw until the type is known, and
// the type is read as any unsigned integer, so that every unknown type gets [CodeUnsupported].
type rawFrame struct {
	_     struct{} `cbor:",toarray"`
	Type  uint64
	ReqID uint64
	Body  cbor.RawMessage
}

// Encode returns the canonical wire form of f: the CBOR array [type, request ID, body] in core
// deterministic encoding. It refuses a frame that [Decode] would refuse, with an [*Error] of
// [CodeMalformed] in the error chain. An [*Error] may be passed for an [Error] frame.
func Encode(f Frame) ([]byte, error) {
	if pe, ok := f.(*Error); ok && pe != nil {
		f = *pe
	}
	if f == nil || f == (*Error)(nil) {
		return nil, fmt.Errorf("encode frame: %w", malformed("no frame"))
	}
	reqID, body, err := f.toWire()
	if err != nil {
		return nil, fmt.Errorf("encode %s frame: %w", f.Type(), err)
	}
	b, err := e2ee.MarshalCanonical(wireFrame{Type: f.Type(), ReqID: reqID, Body: body})
	if err != nil {
		return nil, fmt.Errorf("encode %s frame: %w", f.Type(), err)
	}
	return b, nil
}

// Decode parses one frame of at most maxSize bytes ([DefaultMaxFrameBytes] when maxSize is 0
// or less). It checks the size before it parses anything, and accepts only the canonical
// encoding of a frame: decoding and encoding again must give back b exactly, so that every frame
// has one form. Every error is an [*Error]: [CodeFrameTooLarge] for oversize input,
// [CodeUnsupported] for a frame type this version does not know, [CodeMalformed] for the rest
// (trailing bytes, unknown fields, a non-canonical encoding, a field out of range).
func Decode(b []byte, maxSize int) (Frame, error) {
	if maxSize <= 0 {
		maxSize = DefaultMaxFrameBytes
	}
	if len(b) > maxSize {
		return nil, &Error{Code: CodeFrameTooLarge, Message: fmt.Sprintf("frame of %d bytes, limit %d", len(b), maxSize)}
	}
	var raw rawFrame
	if err := decMode.Unmarshal(b, &raw); err != nil {
		return nil, malformed("frame: %v", err)
	}
	typ := Type(raw.Type)
	if raw.Type > uint64(lastType) || !typ.Known() {
		return nil, &Error{ReqID: raw.ReqID, Code: CodeUnsupported, Message: fmt.Sprintf("unknown frame type %d", raw.Type)}
	}
	// From here on, errors name the request they refuse.
	refuse := func(format string, args ...any) *Error {
		e := malformed("%s frame: "+format, append([]any{typ}, args...)...)
		e.ReqID = raw.ReqID
		return e
	}
	body := bodies[typ]()
	if err := decMode.Unmarshal(raw.Body, body); err != nil {
		return nil, refuse("%v", err)
	}
	f, err := body.fromWire(raw.ReqID)
	if err != nil {
		return nil, refuse("%v", err)
	}
	again, err := Encode(f)
	if err != nil {
		return nil, refuse("%s", ErrorOf(err).Message)
	}
	if !bytes.Equal(again, b) {
		return nil, refuse("not in canonical form")
	}
	return f, nil
}

// malformed returns an [*Error] of [CodeMalformed].
func malformed(format string, args ...any) *Error {
	msg := fmt.Sprintf(format, args...)
	if len(msg) > MaxErrorMessageBytes {
		msg = msg[:MaxErrorMessageBytes]
		for !utf8.ValidString(msg) {
			msg = msg[:len(msg)-1]
		}
	}
	return &Error{Code: CodeMalformed, Message: msg}
}

// wireBody is the wire form of one frame type's body: a struct with integer keys.
type wireBody interface {
	// fromWire converts the body to its frame. It checks only what the wire form cannot
	// express (lengths of fixed-size fields); toWire checks the rest, and [Decode] runs it.
	fromWire(reqID uint64) (Frame, error)
}

// bodies makes an empty wire body of each known type, for [Decode].
var bodies = [...]func() wireBody{
	TypeHello:           func() wireBody { return new(wireHello) },
	TypeChallenge:       func() wireBody { return new(wireChallenge) },
	TypeAuth:            func() wireBody { return new(wireAuth) },
	TypeAuthOK:          func() wireBody { return new(wireAuthOK) },
	TypeSubscribe:       func() wireBody { return new(wireSubscribe) },
	TypeSubscribed:      func() wireBody { return new(wireSubscribed) },
	TypeUnsubscribe:     func() wireBody { return new(wireUnsubscribe) },
	TypePush:            func() wireBody { return new(wirePush) },
	TypeAck:             func() wireBody { return new(wireAck) },
	TypeDeliver:         func() wireBody { return new(wireDeliver) },
	TypeSnapshotPut:     func() wireBody { return new(wireSnapshotPut) },
	TypeSnapshotDeliver: func() wireBody { return new(wireSnapshotDeliver) },
	TypeEphemeral:       func() wireBody { return new(wireEphemeral) },
	TypeOpPush:          func() wireBody { return new(wireOpPush) },
	TypeOpAck:           func() wireBody { return new(wireOpAck) },
	TypeOpDeliver:       func() wireBody { return new(wireOpDeliver) },
	TypeLogFetch:        func() wireBody { return new(wireLogFetch) },
	TypeLogEntries:      func() wireBody { return new(wireLogEntries) },
	TypeInviteFetch:     func() wireBody { return new(wireInviteFetch) },
	TypeErase:           func() wireBody { return new(wireErase) },
	TypeErased:          func() wireBody { return new(wireErased) },
	TypeError:           func() wireBody { return new(wireError) },
	TypeCaughtUp:        func() wireBody { return new(wireCaughtUp) },
}

// Conversions and checks shared by the frame types.

func docFromWire(b []byte) (e2ee.DocID, error) {
	var d e2ee.DocID
	if len(b) != len(d) {
		return d, fmt.Errorf("document ID of %d bytes, want %d", len(b), len(d))
	}
	return e2ee.DocID(b), nil
}

// optDocFromWire converts a document ID that may be absent.
func optDocFromWire(b []byte) (e2ee.DocID, error) {
	if b == nil {
		return e2ee.DocID{}, nil
	}
	return docFromWire(b)
}

func optDocToWire(d e2ee.DocID) []byte {
	if d.IsZero() {
		return nil
	}
	return d[:]
}

func hashFromWire(b []byte, what string) (e2ee.Hash, error) {
	var h e2ee.Hash
	if len(b) != len(h) {
		return h, fmt.Errorf("%s of %d bytes, want %d", what, len(b), len(h))
	}
	return e2ee.Hash(b), nil
}

func checkDoc(d e2ee.DocID) error {
	if d.IsZero() {
		return malformed("no document ID")
	}
	return nil
}

func checkBytes(b []byte, what string) error {
	if len(b) == 0 {
		return malformed("empty %s", what)
	}
	return nil
}

func checkSignature(sig []byte) error {
	if len(sig) != 64 {
		return malformed("signature of %d bytes, want 64", len(sig))
	}
	return nil
}

// checkText accepts valid UTF-8 without control characters of at most max bytes: such strings
// end up in logs.
func checkText(s, what string, max int, required bool) error {
	switch {
	case required && s == "":
		return malformed("no %s", what)
	case len(s) > max:
		return malformed("%s of %d bytes, limit %d", what, len(s), max)
	case !utf8.ValidString(s):
		return malformed("%s is not UTF-8", what)
	}
	for _, r := range s {
		if unicode.IsControl(r) {
			return malformed("%s has a control character", what)
		}
	}
	return nil
}

// noReqID refuses a request ID on a frame type that neither asks nor answers.
func noReqID(reqID uint64) error {
	if reqID != 0 {
		return fmt.Errorf("request ID %d on a frame that takes none", reqID)
	}
	return nil
}

// timeToWire returns t in Unix milliseconds, which must be after 1970.
func timeToWire(t time.Time, what string) (int64, error) {
	ms := t.UnixMilli()
	if ms <= 0 {
		return 0, malformed("%s not set", what)
	}
	return ms, nil
}

func timeFromWire(ms int64) time.Time { return time.UnixMilli(ms).UTC() }

// maxRetryAfter bounds [Error.RetryAfter] so that its milliseconds fit a time.Duration.
const maxRetryAfter = 24 * time.Hour
