package protocol

import (
	"errors"
	"fmt"
)

// Version is the protocol version this package speaks: one integer that only goes up. A client
// names its version in [Hello]; the relay answers in [Challenge] with the version the session
// speaks (see [Negotiate]). A change that an older peer would misread raises it, and the
// changelog below says what a peer of each version may send.
//
// Changelog:
//   - 1: 2026-11-25: first version: handshake (hello, challenge, auth), subscriptions with
//     catch-up, push and acknowledgement, snapshots, ephemeral relay, membership operations, log
//     and invite fetch, erasure, error frames.
const Version = 1

// MinVersion is the oldest version this package still speaks. Peers below it are refused with
// [CodeUnsupported].
const MinVersion = 1

// Subprotocol is the WebSocket subprotocol name (Sec-WebSocket-Protocol) of the protocol's
// major form. Both sides require it, so that a peer speaking something else is refused before
// the first frame. A change of the frame layout itself (not of a frame's fields) would get a
// new name.
const Subprotocol = "mobio.v1"

// Errors of version negotiation. [ErrorOf] maps both to [CodeUnsupported].
var (
	// ErrTooOldVersion: the peer's version is below [MinVersion].
	ErrTooOldVersion = errors.New("protocol: version too old")
	// ErrUnknownVersion: the peer names version 0, or a relay answers with a version the client
	// never offered.
	ErrUnknownVersion = errors.New("protocol: unknown version")
)

// Negotiate returns the version a session speaks when the client offers client: the lower of
// client and [Version]. The relay calls it on [Hello] and sends the result in [Challenge]; a
// client newer than the relay thus speaks the relay's version, if it still can.
func Negotiate(client uint) (uint, error) {
	switch {
	case client == 0:
		return 0, fmt.Errorf("%w: 0", ErrUnknownVersion)
	case client < MinVersion:
		return 0, fmt.Errorf("%w: %d, oldest supported %d", ErrTooOldVersion, client, MinVersion)
	}
	return min(client, Version), nil
}

// CheckVersion reports whether this package speaks version v: the client calls it with the
// version of [Challenge], which must not exceed the version it offered (pass that as offered).
func CheckVersion(v, offered uint) error {
	switch {
	case v == 0 || v > Version || v > offered:
		return fmt.Errorf("%w: %d", ErrUnknownVersion, v)
	case v < MinVersion:
		return fmt.Errorf("%w: %d, oldest supported %d", ErrTooOldVersion, v, MinVersion)
	}
	return nil
}
