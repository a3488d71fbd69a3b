// Package protocol defines the wire frames between mobio clients and the relay, their
// deterministic encoding, version negotiation and error codes, with no I/O.
//
// A session is one WebSocket connection with the subprotocol [Subprotocol] ("mobio.v1"). Every
// frame is one binary WebSocket message: the CBOR array [type, request ID, body] in core
// deterministic encoding, where the body is a map with integer keys. The request ID is chosen
// by the client for a request and repeated in its answer (and in an [Error] that refuses it);
// it is 0 on frames that neither ask nor answer. [Encode] writes a frame; [Decode] reads one,
// checks its size before parsing and accepts only the canonical form.
//
// # Frames
//
//	type  name              direction        request ID  answered by
//	1     Hello             client → relay   —           Challenge
//	2     Challenge         relay → client   —           Auth
//	3     Auth              client → relay   —           AuthOK
//	4     AuthOK            relay → client   —
//	5     Subscribe         client → relay   yes         Subscribed, then SnapshotDeliver?, Deliver*, CaughtUp
//	6     Subscribed        relay → client   answer
//	7     Unsubscribe       client → relay   yes         (Error only)
//	8     Push              client → relay   yes         Ack
//	9     Ack               relay → client   answer
//	10    Deliver           relay → client   —
//	11    SnapshotPut       client → relay   yes         Ack
//	12    SnapshotDeliver   relay → client   —
//	13    Ephemeral         both             —           (never stored, never acknowledged)
//	14    OpPush            client → relay   yes         OpAck
//	15    OpAck             relay → client   answer
//	16    OpDeliver         relay → client   —
//	17    LogFetch          client → relay   yes         LogEntries
//	18    LogEntries        relay → client   answer
//	19    InviteFetch       client → relay   yes         LogEntries
//	20    Erase             client → relay   yes         Erased
//	21    Erased            relay → client   answer, or — to other subscribers
//	22    Error             relay → client   answer, or —
//	23    CaughtUp          relay → client   —
//
// The handshake is Hello, Challenge, Auth, AuthOK, in this order; any other frame before
// AuthOK is refused with [CodeUnauthenticated], and every error of the handshake closes the
// connection. After it, a refusal is an [Error] frame whose [Code] says why; the codes for
// which [Code.EndsConnection] reports true close the connection, all others refuse one request.
//
// # Evolution
//
// [Version] is one integer that only goes up, with a dated changelog. The rules that keep old
// frames readable:
//   - frame types and error codes are never reordered or reused; new ones are added at the end;
//   - keys of a body are never reused; a new field takes the next key, is optional, and costs
//     nothing when unset (it is omitted);
//   - no floats; times are Unix milliseconds, durations milliseconds;
//   - an unknown frame type is rejected with [CodeUnsupported], never guessed at;
//   - an unknown key is rejected as [CodeMalformed]: a peer sends only the fields of the version
//     the session negotiated ([Negotiate]), so a new field comes with a new [Version].
//
// Frames are plain structs ([Push], [Ack], …) of domain types (e2ee.DocID, time.Time); their
// wire form stays inside this package (toWire and fromWire), so a change of the wire touches
// one package.
package protocol
